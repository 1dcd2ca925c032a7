import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { useEntityTitles } from '../../hooks/useEntityTitles';
import { RANGE_WEEKS } from './format';

// The fields sit on the page's grey background, where the default secondary label colour fails WCAG AA contrast.
const useLabelStyles = makeStyles(theme => ({
  root: { color: theme.palette.text.primary },
}));

/** Last 12, 26 or 52 weeks. */
export function RangeSelect(props: {
  weeks: number;
  onChange: (weeks: number) => void;
}) {
  const { weeks, onChange } = props;
  const labelClasses = useLabelStyles();
  return (
    <TextField
      id="habits-range"
      select
      size="small"
      variant="outlined"
      label="Range"
      value={weeks}
      onChange={event => onChange(Number(event.target.value))}
      style={{ minWidth: 160 }}
      InputLabelProps={{ classes: labelClasses }}
    >
      {RANGE_WEEKS.map(option => (
        <MenuItem key={option} value={option}>
          Last {option} weeks
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * A choice among entity refs, shown by their titles (Backstage's entity presentation) and sorted by them; `allLabel`
 * is the empty choice.
 */
export function RefSelect(props: {
  label: string;
  value: string;
  refs: string[];
  allLabel?: string;
  onChange: (ref: string) => void;
}) {
  const { label, value, refs, allLabel, onChange } = props;
  const titleOf = useEntityTitles(
    value && !refs.includes(value) ? [value, ...refs] : refs,
  );
  const options = (
    value && !refs.includes(value) ? [value, ...refs] : [...refs]
  ).sort((a, b) => titleOf(a).localeCompare(titleOf(b)) || a.localeCompare(b));
  const labelClasses = useLabelStyles();
  return (
    <TextField
      id={`habits-${label.toLocaleLowerCase('en-US').replace(/\W+/g, '-')}`}
      select
      size="small"
      variant="outlined"
      label={label}
      value={value}
      onChange={event => onChange(String(event.target.value))}
      style={{ minWidth: 200 }}
      SelectProps={{ displayEmpty: allLabel !== undefined }}
      InputLabelProps={{ shrink: true, classes: labelClasses }}
    >
      {allLabel !== undefined && <MenuItem value="">{allLabel}</MenuItem>}
      {options.map(ref => (
        <MenuItem key={ref} value={ref}>
          {titleOf(ref)}
        </MenuItem>
      ))}
    </TextField>
  );
}
