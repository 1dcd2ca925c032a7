import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';

const useStyles = makeStyles(theme => ({
  list: {
    margin: 0,
    paddingLeft: theme.spacing(2.5),
    '& li + li': {
      marginTop: theme.spacing(0.5),
    },
  },
}));

/** The reasons for a verdict, most important first, as plain sentences. */
export function ReasonList(props: {
  reasons: string[];
  /** Show only the first reasons (the most important ones). */
  max?: number;
  'aria-label'?: string;
}) {
  const { reasons, max } = props;
  const classes = useStyles();
  const shown = max === undefined ? reasons : reasons.slice(0, max);
  if (shown.length === 0) {
    return null;
  }
  return (
    <ul className={classes.list} aria-label={props['aria-label']}>
      {shown.map(reason => (
        <Typography key={reason} component="li" variant="body2">
          {reason}
        </Typography>
      ))}
    </ul>
  );
}
