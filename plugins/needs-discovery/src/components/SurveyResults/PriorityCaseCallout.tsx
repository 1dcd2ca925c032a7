import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import FlagIcon from '@material-ui/icons/Flag';
import { PriorityCase } from '@platform-product/plugin-needs-discovery-common';

const useStyles = makeStyles(theme => ({
  title: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  reason: {
    whiteSpace: 'pre-line',
  },
}));

/** The one need the results recommend to ship first as an MVP. */
export function PriorityCaseCallout(props: {
  priorityCase: PriorityCase | null;
}) {
  const { priorityCase } = props;
  const classes = useStyles();
  return (
    <InfoCard
      title="Priority case"
      subheader="The need to ship first as an MVP"
    >
      {priorityCase ? (
        <>
          <Typography variant="h5" component="p" className={classes.title}>
            <FlagIcon color="primary" />
            {priorityCase.title}
          </Typography>
          <Typography variant="body1" className={classes.reason}>
            {priorityCase.reason}
          </Typography>
        </>
      ) : (
        <Typography variant="body1" color="textSecondary">
          No shared need yet: no need is reported by enough teams to be a
          priority case.
        </Typography>
      )}
    </InfoCard>
  );
}
