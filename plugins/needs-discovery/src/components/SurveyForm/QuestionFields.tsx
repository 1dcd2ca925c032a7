import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import DeleteIcon from '@material-ui/icons/Delete';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  DEFAULT_FREE_TEXT_MAX_LENGTH,
  FreeTextQuestion,
  MultiChoiceQuestion,
  NeedDefinition,
  NpsQuestion,
  RankingQuestion,
  SingleChoiceQuestion,
} from '@platform-product/plugin-needs-discovery-common';

const useStyles = makeStyles(theme => ({
  npsScale: {
    display: 'flex',
    flexWrap: 'wrap',
  },
  npsLegend: {
    display: 'flex',
    justifyContent: 'space-between',
    maxWidth: 11 * 48,
    marginTop: theme.spacing(0.5),
  },
  rankPosition: {
    minWidth: theme.spacing(4),
    fontWeight: theme.typography.fontWeightBold as number,
  },
  addRanking: {
    minWidth: 260,
    marginTop: theme.spacing(1),
  },
}));

interface FieldProps<Q, V> {
  question: Q;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  disabled?: boolean;
}

export function SingleChoiceField(
  props: FieldProps<SingleChoiceQuestion, string>,
) {
  const { question, value, onChange, disabled } = props;
  return (
    <RadioGroup
      aria-label={question.title}
      name={`single-${question.id}`}
      value={value ?? ''}
      onChange={event => onChange(event.target.value)}
    >
      {question.options.map(option => (
        <FormControlLabel
          key={option}
          value={option}
          control={<Radio size="small" />}
          label={option}
          disabled={disabled}
        />
      ))}
    </RadioGroup>
  );
}

export function MultiChoiceField(
  props: FieldProps<MultiChoiceQuestion, string[]>,
) {
  const { question, value = [], onChange, disabled } = props;
  const max = question.maxSelections ?? question.options.length;
  const atLimit = value.length >= max;

  const toggle = (option: string, checked: boolean) => {
    // Keep the options in the question's order, whatever order they were ticked in.
    const next = question.options.filter(o =>
      o === option ? checked : value.includes(o),
    );
    onChange(next.length > 0 ? next : undefined);
  };

  return (
    <>
      <FormGroup aria-label={question.title}>
        {question.options.map(option => {
          const checked = value.includes(option);
          return (
            <FormControlLabel
              key={option}
              control={
                <Checkbox
                  size="small"
                  checked={checked}
                  onChange={event => toggle(option, event.target.checked)}
                />
              }
              label={option}
              disabled={disabled || (!checked && atLimit)}
            />
          );
        })}
      </FormGroup>
      {question.maxSelections !== undefined && (
        <FormHelperText>
          Pick up to {question.maxSelections} ({value.length} picked)
        </FormHelperText>
      )}
    </>
  );
}

export function RankingField(
  props: FieldProps<RankingQuestion, string[]> & { needs: NeedDefinition[] },
) {
  const { question, value = [], onChange, disabled, needs } = props;
  const classes = useStyles();
  const titleOf = (needId: string) =>
    needs.find(n => n.id === needId)?.title ?? needId;
  const unranked = needs.filter(n => !value.includes(n.id));
  const atLimit = value.length >= question.max;

  const move = (index: number, offset: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + offset, 0, item);
    onChange(next);
  };
  const remove = (index: number) => {
    const next = value.filter((_, i) => i !== index);
    onChange(next.length > 0 ? next : undefined);
  };

  return (
    <>
      <FormHelperText>
        Pick up to {question.max} needs, most important first.
      </FormHelperText>
      {value.length > 0 && (
        <List dense aria-label={`Your ranking for ${question.title}`}>
          {value.map((needId, index) => {
            const title = titleOf(needId);
            return (
              <ListItem key={needId}>
                <span className={classes.rankPosition}>{index + 1}.</span>
                <ListItemText primary={title} />
                <ListItemSecondaryAction>
                  <IconButton
                    size="small"
                    aria-label={`Move ${title} up`}
                    disabled={disabled || index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUpwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton
                    size="small"
                    aria-label={`Move ${title} down`}
                    disabled={disabled || index === value.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDownwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton
                    size="small"
                    aria-label={`Remove ${title} from the ranking`}
                    disabled={disabled}
                    onClick={() => remove(index)}
                  >
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </ListItemSecondaryAction>
              </ListItem>
            );
          })}
        </List>
      )}
      <TextField
        select
        size="small"
        variant="outlined"
        className={classes.addRanking}
        value=""
        disabled={disabled || atLimit || unranked.length === 0}
        onChange={event => {
          if (event.target.value) {
            onChange([...value, event.target.value]);
          }
        }}
        SelectProps={{ native: true }}
        inputProps={{ 'aria-label': `Add a need to ${question.title}` }}
        helperText={atLimit ? `You have ranked ${question.max}.` : undefined}
      >
        <option value="">
          {value.length === 0 ? 'Add your first need…' : 'Add the next need…'}
        </option>
        {unranked.map(need => (
          <option key={need.id} value={need.id}>
            {need.title}
          </option>
        ))}
      </TextField>
    </>
  );
}

export function FreeTextField(props: FieldProps<FreeTextQuestion, string>) {
  const { question, value = '', onChange, disabled } = props;
  const maxLength = question.maxLength ?? DEFAULT_FREE_TEXT_MAX_LENGTH;
  return (
    <TextField
      fullWidth
      multiline
      minRows={3}
      variant="outlined"
      value={value}
      disabled={disabled}
      onChange={event => onChange(event.target.value || undefined)}
      inputProps={{ maxLength, 'aria-label': question.title }}
      helperText={`${value.length} / ${maxLength}`}
      FormHelperTextProps={{ style: { textAlign: 'right' } }}
    />
  );
}

export function NpsField(props: FieldProps<NpsQuestion, number>) {
  const { question, value, onChange, disabled } = props;
  const classes = useStyles();
  return (
    <>
      <ToggleButtonGroup
        exclusive
        size="small"
        className={classes.npsScale}
        value={value ?? null}
        onChange={(_event, next: number | null) =>
          onChange(next === null ? undefined : next)
        }
        aria-label={question.title}
      >
        {Array.from({ length: 11 }, (_, score) => (
          <ToggleButton
            key={score}
            value={score}
            disabled={disabled}
            aria-label={`${question.title}: ${score}`}
          >
            {score}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <div className={classes.npsLegend}>
        <Typography variant="caption" color="textSecondary">
          0 = not at all likely
        </Typography>
        <Typography variant="caption" color="textSecondary">
          10 = extremely likely
        </Typography>
      </div>
    </>
  );
}
