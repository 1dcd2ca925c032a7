import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  NeedDefinition,
  isValidId,
} from '@platform-product/plugin-needs-discovery-common';
import { followTitle } from './definition';

const useStyles = makeStyles(theme => ({
  row: {
    paddingBottom: theme.spacing(1),
    marginBottom: theme.spacing(1),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
}));

function needIdError(id: string, duplicateIds: Set<string>) {
  if (id !== '' && !isValidId(id)) {
    return 'Use kebab-case (lowercase letters, digits and dashes), at most 100 characters';
  }
  if (duplicateIds.has(id)) {
    return 'Another need has this id';
  }
  return undefined;
}

export function NeedsEditor(props: {
  needs: NeedDefinition[];
  onChange: (needs: NeedDefinition[]) => void;
  disabled?: boolean;
}) {
  const { needs, onChange, disabled } = props;
  const classes = useStyles();

  const update = (index: number, patch: Partial<NeedDefinition>) =>
    onChange(needs.map((n, i) => (i === index ? { ...n, ...patch } : n)));
  const remove = (index: number) =>
    onChange(needs.filter((_, i) => i !== index));
  const add = () =>
    onChange([...needs, { id: '', title: '', description: '' }]);

  const duplicateIds = new Set(
    needs.map(n => n.id).filter((id, i, all) => id && all.indexOf(id) !== i),
  );

  return (
    <>
      {needs.length === 0 && (
        <Typography variant="body2" color="textSecondary" paragraph>
          No needs yet. Add the candidate needs respondents will rate; keep
          their ids stable across waves so results can be compared.
        </Typography>
      )}
      {needs.map((need, index) => {
        const position = index + 1;
        const idError = needIdError(need.id, duplicateIds);
        return (
          <Grid container spacing={1} key={index} className={classes.row}>
            <Grid item xs={12} md={4}>
              <TextField
                fullWidth
                required
                size="small"
                label="Title"
                value={need.title}
                disabled={disabled}
                inputProps={{ 'aria-label': `Title of need ${position}` }}
                onChange={event =>
                  update(index, {
                    title: event.target.value,
                    id: followTitle(need.id, need.title, event.target.value),
                  })
                }
              />
            </Grid>
            <Grid item xs={12} md={3}>
              <TextField
                fullWidth
                required
                size="small"
                label="Id"
                value={need.id}
                disabled={disabled}
                error={Boolean(idError)}
                helperText={idError}
                inputProps={{ 'aria-label': `Id of need ${position}` }}
                onChange={event => update(index, { id: event.target.value })}
              />
            </Grid>
            <Grid item xs={11} md={4}>
              <TextField
                fullWidth
                size="small"
                label="Description"
                value={need.description ?? ''}
                disabled={disabled}
                inputProps={{ 'aria-label': `Description of need ${position}` }}
                onChange={event =>
                  update(index, { description: event.target.value })
                }
              />
            </Grid>
            <Grid item xs={1}>
              <IconButton
                aria-label={`Remove need ${need.title || position}`}
                disabled={disabled}
                onClick={() => remove(index)}
              >
                <DeleteIcon />
              </IconButton>
            </Grid>
          </Grid>
        );
      })}
      <Button startIcon={<AddIcon />} onClick={add} disabled={disabled}>
        Add need
      </Button>
    </>
  );
}
