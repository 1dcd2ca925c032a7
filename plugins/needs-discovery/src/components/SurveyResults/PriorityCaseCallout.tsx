import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import FlagIcon from '@material-ui/icons/Flag';
import {
  FREQUENCIES,
  PriorityCase,
  ResultsSettings,
} from '@platform-product/plugin-needs-discovery-common';

const useStyles = makeStyles(theme => ({
  title: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  reason: {
    whiteSpace: 'pre-line',
  },
  settings: {
    marginTop: theme.spacing(2),
  },
}));

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The settings the results were computed with, in one line a reader can check the figures against. */
export function describeSettings(settings: ResultsSettings): string {
  const weights = FREQUENCIES.map(
    frequency => `${frequency} ${settings.frequencyWeights[frequency]}`,
  ).join(', ');
  return [
    `Shared = reported by at least ${plural(
      settings.sharedNeedMinTeams,
      'team',
    )} (a rating of pain ${settings.reportingPain} or more)`,
    `anonymity threshold ${plural(settings.anonymityThreshold, 'respondent')}`,
    `frequency weights ${weights}`,
    `top ${plural(settings.topNeedsPerTeam, 'need')} per team`,
  ].join(' · ');
}

/** The one need the results recommend to ship first as an MVP. */
export function PriorityCaseCallout(props: {
  priorityCase: PriorityCase | null;
  /** The settings the results were computed with; results of older backends have none. */
  settings?: ResultsSettings;
}) {
  const { priorityCase, settings } = props;
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
      {settings && (
        <Typography
          variant="body2"
          className={classes.settings}
          aria-label="Settings of these results"
        >
          {describeSettings(settings)}
        </Typography>
      )}
    </InfoCard>
  );
}
