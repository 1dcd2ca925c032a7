import Typography from '@material-ui/core/Typography';
import {
  alpha,
  decomposeColor,
  getContrastRatio,
  makeStyles,
  recomposeColor,
  useTheme,
} from '@material-ui/core/styles';
import { Retention } from '@platform-product/plugin-habit-metrics-common';
import { formatPercent, plural, weekKey, weekLabel } from '../shared';

const useStyles = makeStyles(theme => ({
  scroller: {
    overflowX: 'auto',
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 2,
    fontSize: theme.typography.body2.fontSize,
  },
  dense: {
    fontSize: '0.7rem',
    borderSpacing: 1,
  },
  columnHeader: {
    fontWeight: theme.typography.fontWeightMedium as number,
    color: theme.palette.text.secondary,
    textAlign: 'center',
    padding: theme.spacing(0.5),
  },
  rowHeader: {
    fontWeight: theme.typography.fontWeightRegular as number,
    textAlign: 'left',
    whiteSpace: 'nowrap',
    padding: theme.spacing(0.5, 1, 0.5, 0),
  },
  teams: {
    color: theme.palette.text.secondary,
  },
  oneTeamHeader: {
    fontStyle: 'italic',
  },
  caption: {
    captionSide: 'bottom',
    textAlign: 'left',
    paddingTop: theme.spacing(1),
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  cell: {
    minWidth: 44,
    height: 28,
    textAlign: 'center',
    borderRadius: 2,
    fontVariantNumeric: 'tabular-nums',
  },
  denseCell: {
    minWidth: 28,
    height: 18,
  },
  empty: {
    backgroundColor: 'transparent',
    border: `1px dashed ${theme.palette.divider}`,
  },
  legend: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
    color: theme.palette.text.secondary,
  },
  gradient: {
    width: 120,
    height: 10,
    borderRadius: 2,
  },
  swatch: {
    width: 16,
    height: 10,
    borderRadius: 2,
    marginLeft: theme.spacing(2),
  },
}));

/**
 * A cohort of one team: each of its cells can only be 0% or 100%, that one team's activity, not a rate. The heatmap
 * draws these rows in grey and says so, so that a lone team's 100% does not read as a cohort that stayed.
 */
export function isOneTeamCohort(cohort: { teams: number }): boolean {
  return cohort.teams === 1;
}

/** The explanation of the grey rows, under the table (and read with it). */
export const ONE_TEAM_NOTE =
  'Grey rows are cohorts of one team: each cell is 0% or 100%, whether that one team was active, not a retention rate.';

function cellLabel(
  week: string,
  teams: number,
  offset: number,
  share: number | null,
) {
  const oneTeam = isOneTeamCohort({ teams });
  const cohort = `Cohort ${weekKey(week)} (${
    oneTeam ? 'one team only' : plural(teams, 'team')
  }), week +${offset}`;
  if (share === null) {
    return `${cohort}: not reached yet`;
  }
  if (oneTeam && (share === 0 || share === 1)) {
    return `${cohort}: ${formatPercent(share)}, the team was ${
      share === 1 ? 'active' : 'not active'
    }`;
  }
  return `${cohort}: ${formatPercent(share)} still active`;
}

/**
 * Cohort retention as a heatmap: one row per cohort (the teams that first used the capability
 * that week), one column per later week, each cell coloured by the share of the cohort active
 * then. Weeks not reached yet stay blank. A table, so screen readers can walk it.
 */
export function RetentionHeatmap(props: {
  retention: Retention;
  /** Smaller cells and only the latest cohorts, for entity cards. */
  dense?: boolean;
  maxCohorts?: number;
}) {
  const { retention, dense = false, maxCohorts } = props;
  const classes = useStyles();
  const theme = useTheme();
  const base = theme.palette.primary.main;

  const cohorts = maxCohorts
    ? retention.cohorts.slice(-maxCohorts)
    : retention.cohorts;
  if (cohorts.length === 0) {
    return (
      <Typography color="textSecondary">
        No cohort yet: no team has started using it.
      </Typography>
    );
  }
  const columns = Array.from({ length: retention.weeks }, (_, i) => i + 1);
  // One-team cohorts are drawn in a neutral grey: their 0% or 100% is one team's activity, not a rate.
  const muted = theme.palette.grey[600];
  const anyOneTeam = cohorts.some(isOneTeamCohort);
  const background = (share: number, tintColor = base) =>
    alpha(tintColor, 0.08 + 0.92 * share);
  // The label takes whichever of the two text colours contrasts more with the cell as it is drawn (the tinted
  // colour over the card's paper), so every share keeps WCAG AA contrast.
  const drawn = (share: number, tintColor: string) => {
    const tint = decomposeColor(tintColor).values;
    const paper = decomposeColor(theme.palette.background.paper).values;
    const a = 0.08 + 0.92 * share;
    return recomposeColor({
      type: 'rgb',
      values: [0, 1, 2].map(i =>
        Math.round(tint[i] * a + paper[i] * (1 - a)),
      ) as [number, number, number],
    });
  };
  const foreground = (share: number, tintColor: string) => {
    const light = theme.palette.primary.contrastText;
    const dark = theme.palette.text.primary;
    const cell = drawn(share, tintColor);
    return getContrastRatio(cell, light) >= getContrastRatio(cell, dark)
      ? light
      : dark;
  };

  return (
    <>
      <div className={classes.scroller}>
        <table
          className={`${classes.table} ${dense ? classes.dense : ''}`}
          aria-label="Cohort retention: share of each cohort still active in the following weeks"
        >
          {anyOneTeam && (
            <caption className={classes.caption}>{ONE_TEAM_NOTE}</caption>
          )}
          <thead>
            <tr>
              <th scope="col" className={classes.columnHeader}>
                Cohort
              </th>
              {columns.map(offset => (
                <th
                  key={offset}
                  scope="col"
                  className={classes.columnHeader}
                  aria-label={`${plural(offset, 'week')} later`}
                >
                  +{offset}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohorts.map(cohort => {
              const oneTeam = isOneTeamCohort(cohort);
              const tint = oneTeam ? muted : base;
              return (
                <tr key={cohort.week} data-one-team={oneTeam || undefined}>
                  <th
                    scope="row"
                    className={`${classes.rowHeader} ${
                      oneTeam ? classes.oneTeamHeader : ''
                    }`}
                    title={
                      oneTeam
                        ? `${weekKey(cohort.week)}: a cohort of one team`
                        : `${weekKey(cohort.week)}: a cohort of ${plural(
                            cohort.teams,
                            'team',
                          )}`
                    }
                  >
                    {weekLabel(cohort.week)}
                    <span className={classes.teams}>
                      {' · '}
                      {plural(cohort.teams, 'team')}
                    </span>
                  </th>
                  {columns.map(offset => {
                    const share = cohort.retention[offset - 1] ?? null;
                    const label = cellLabel(
                      cohort.week,
                      cohort.teams,
                      offset,
                      share,
                    );
                    return share === null ? (
                      <td
                        key={offset}
                        aria-label={label}
                        title={label}
                        data-empty="true"
                        className={`${classes.cell} ${
                          dense ? classes.denseCell : ''
                        } ${classes.empty}`}
                      />
                    ) : (
                      <td
                        key={offset}
                        aria-label={label}
                        title={label}
                        className={`${classes.cell} ${
                          dense ? classes.denseCell : ''
                        }`}
                        style={{
                          backgroundColor: background(share, tint),
                          color: foreground(share, tint),
                        }}
                      >
                        {formatPercent(share)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!dense && (
        <div className={classes.legend} aria-hidden>
          <Typography variant="caption">0%</Typography>
          <span
            className={classes.gradient}
            style={{
              background: `linear-gradient(to right, ${background(
                0,
              )}, ${background(1)})`,
            }}
          />
          <Typography variant="caption">100% of the cohort active</Typography>
          {anyOneTeam && (
            <>
              <span
                className={classes.swatch}
                style={{
                  background: `linear-gradient(to right, ${background(
                    0,
                    muted,
                  )}, ${background(1, muted)})`,
                }}
              />
              <Typography variant="caption">cohort of one team</Typography>
            </>
          )}
        </div>
      )}
    </>
  );
}
