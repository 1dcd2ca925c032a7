import IconButton from '@material-ui/core/IconButton';
import Radio from '@material-ui/core/Radio';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ClearIcon from '@material-ui/icons/Clear';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import {
  FREQUENCIES,
  Frequency,
  NeedDefinition,
} from '@platform-product/plugin-needs-discovery-common';
import { NeedRatingDraft, NeedRatingDraftAnswer } from './answers';

const PAIN_LEVELS = [1, 2, 3, 4, 5];

const painLabels: Record<number, string> = {
  1: 'minor',
  5: 'blocks me',
};

const frequencyLabels: Record<Frequency, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  rarely: 'Rarely',
};

const useStyles = makeStyles(theme => ({
  scroll: {
    overflowX: 'auto',
  },
  needCell: {
    minWidth: 220,
  },
  needTitle: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  painHeader: {
    textAlign: 'center',
    whiteSpace: 'nowrap',
    padding: theme.spacing(1, 0.5),
  },
  painCell: {
    textAlign: 'center',
    padding: theme.spacing(0, 0.5),
  },
  frequencyCell: {
    minWidth: 140,
  },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  incompleteRow: {
    backgroundColor: theme.palette.type === 'dark' ? '#4a3b00' : '#fff8e1',
  },
}));

export interface NeedRatingGridProps {
  needs: NeedDefinition[];
  value: NeedRatingDraftAnswer;
  onChange: (value: NeedRatingDraftAnswer) => void;
  disabled?: boolean;
  /** Needs whose row is half filled, to highlight. */
  incompleteNeedIds?: string[];
}

/**
 * The centre of a survey: one row per need, pain 1–5 and how often. A row left
 * blank (or cleared) skips the need.
 */
export function NeedRatingGrid(props: NeedRatingGridProps) {
  const { needs, value, onChange, disabled, incompleteNeedIds = [] } = props;
  const classes = useStyles();

  const updateRow = (needId: string, row: NeedRatingDraft | undefined) => {
    const next = { ...value };
    if (row && (row.pain !== undefined || row.frequency)) {
      next[needId] = row;
    } else {
      delete next[needId];
    }
    onChange(next);
  };

  return (
    <div className={classes.scroll}>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        Pain: 1 = a minor nuisance … 5 = blocks me. Leave a row blank to skip a
        need that does not concern you.
      </Typography>
      <Table size="small" aria-label="Rate each need">
        <TableHead>
          <TableRow>
            <TableCell className={classes.needCell}>Need</TableCell>
            {PAIN_LEVELS.map(level => (
              <TableCell key={level} className={classes.painHeader}>
                {level}
                {painLabels[level] && (
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    {painLabels[level]}
                  </Typography>
                )}
              </TableCell>
            ))}
            <TableCell className={classes.frequencyCell}>How often</TableCell>
            <TableCell padding="checkbox">
              <span className={classes.visuallyHidden}>Skip</span>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {needs.map(need => {
            const row = value[need.id] ?? {};
            const isBlank = row.pain === undefined && !row.frequency;
            return (
              <TableRow
                key={need.id}
                className={
                  incompleteNeedIds.includes(need.id)
                    ? classes.incompleteRow
                    : undefined
                }
              >
                <TableCell
                  className={classes.needCell}
                  component="th"
                  scope="row"
                >
                  <span className={classes.needTitle}>
                    <Typography variant="body2" component="span">
                      {need.title}
                    </Typography>
                    {need.description && (
                      <Tooltip title={need.description}>
                        <InfoOutlinedIcon
                          fontSize="small"
                          color="action"
                          // titleAccess names the icon and keeps it visible to assistive tech (an SvgIcon without
                          // it is aria-hidden, which a focusable element must not be).
                          titleAccess={`About ${need.title}: ${need.description}`}
                          // Focusable so keyboard users can open the tooltip too.
                          tabIndex={0}
                        />
                      </Tooltip>
                    )}
                  </span>
                </TableCell>
                {PAIN_LEVELS.map(level => (
                  <TableCell key={level} className={classes.painCell}>
                    <Radio
                      size="small"
                      name={`pain-${need.id}`}
                      value={level}
                      checked={row.pain === level}
                      disabled={disabled}
                      onChange={() =>
                        updateRow(need.id, { ...row, pain: level })
                      }
                      inputProps={{
                        'aria-label': `Pain for ${need.title}: ${level}`,
                      }}
                    />
                  </TableCell>
                ))}
                <TableCell className={classes.frequencyCell}>
                  <TextField
                    select
                    fullWidth
                    size="small"
                    value={row.frequency ?? ''}
                    disabled={disabled}
                    onChange={event =>
                      updateRow(need.id, {
                        ...row,
                        frequency: (event.target.value || undefined) as
                          | Frequency
                          | undefined,
                      })
                    }
                    // A native select: quickest with the keyboard, one tab stop per row.
                    SelectProps={{ native: true }}
                    inputProps={{ 'aria-label': `How often for ${need.title}` }}
                  >
                    <option value="">–</option>
                    {FREQUENCIES.map(frequency => (
                      <option key={frequency} value={frequency}>
                        {frequencyLabels[frequency]}
                      </option>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell padding="checkbox">
                  <Tooltip title="Skip this need">
                    <span>
                      <IconButton
                        size="small"
                        aria-label={`Skip ${need.title}`}
                        disabled={disabled || isBlank}
                        onClick={() => updateRow(need.id, undefined)}
                      >
                        <ClearIcon fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
