import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { cloneElement, ReactElement } from 'react';
import {
  adoption,
  goldenPath,
  mockEntityPresentationApi,
  retention,
  stickiness,
  timeToHabit,
} from '../../testUtils/fixtures';
import { AdoptionChart } from './AdoptionChart';
import { GoldenPathChart, GoldenPathSparkline } from './GoldenPathChart';
import { ONE_TEAM_NOTE, RetentionHeatmap } from './RetentionHeatmap';
import { StickinessChart } from './StickinessChart';
import { TimeToHabitChart } from './TimeToHabitChart';

// jsdom lays nothing out, so ResponsiveContainer would measure 0 × 0 and draw nothing: give the
// charts a fixed size to render their series.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  return {
    ...actual,
    ResponsiveContainer: (props: { height: number; children: ReactElement }) =>
      cloneElement(props.children, { width: 800, height: props.height }),
  };
});

describe('charts', () => {
  it('labels golden-path weeks with ISO week keys', async () => {
    await renderInTestApp(<GoldenPathChart weeks={goldenPath.weeks} />);
    for (const label of ['W07', 'W08', 'W09', 'W10']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
    // The line is the 4-week share; both axes say what they measure.
    expect(
      screen.getByText('Golden-path share, last 4 weeks'),
    ).toBeInTheDocument();
    expect(screen.getByText('Share via a template')).toBeInTheDocument();
    expect(screen.getAllByText('New components')).toHaveLength(2);
    expect(screen.getByText('100%')).toBeInTheDocument();
  });

  it('draws the sparkline without axes', async () => {
    const { container } = await renderInTestApp(
      <GoldenPathSparkline weeks={goldenPath.weeks} />,
    );
    expect(container.querySelector('.recharts-line')).not.toBeNull();
    expect(screen.queryByText('W07')).not.toBeInTheDocument();
  });

  it('draws one adoption line per capability, named after it', async () => {
    const { container } = await renderInTestApp(
      <AdoptionChart adoptions={adoption} />,
    );
    expect(container.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(screen.getByText('event-streaming')).toBeInTheDocument();
    expect(screen.getByText('ci')).toBeInTheDocument();
  });

  it('draws stickiness', async () => {
    const { container } = await renderInTestApp(
      <StickinessChart weeks={stickiness} />,
    );
    expect(container.querySelector('.recharts-line')).not.toBeNull();
    expect(screen.getByText('Stickiness')).toBeInTheDocument();
  });

  it('draws time to habit per capability and names those nobody reached', async () => {
    const { container } = await renderInTestApp(
      <TimeToHabitChart timeToHabit={timeToHabit} />,
    );
    expect(container.querySelector('.recharts-bar')).not.toBeNull();
    // The bar's axis names it (the hidden tooltip may repeat the name).
    expect(container.querySelector('.recharts-yAxis')).toHaveTextContent(
      'event-streaming',
    );
    expect(
      screen.getByRole('img', {
        name: /event-streaming: 4 weeks, 3 of the 5 adopting teams/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'No team has reached a 4-week streak yet with: ci (6 teams).',
      ),
    ).toBeInTheDocument();
  });

  it('names capabilities by their catalog titles in the legend, the bars and the summaries', async () => {
    const withTitles = (element: ReactElement) => (
      <TestApiProvider
        apis={[[entityPresentationApiRef, mockEntityPresentationApi()]]}
      >
        {element}
      </TestApiProvider>
    );
    const { unmount } = await renderInTestApp(
      withTitles(<AdoptionChart adoptions={adoption} />),
    );
    expect(await screen.findByText('Event Streaming')).toBeInTheDocument();
    expect(screen.getByText('Continuous Integration')).toBeInTheDocument();
    expect(screen.queryByText('event-streaming')).not.toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Event Streaming: \d+ teams?/ }),
    ).toBeInTheDocument();
    unmount();

    const { container } = await renderInTestApp(
      withTitles(<TimeToHabitChart timeToHabit={timeToHabit} />),
    );
    expect(
      await screen.findByRole('img', {
        name: /Event Streaming: 4 weeks, 3 of the 5 adopting teams/,
      }),
    ).toBeInTheDocument();
    expect(container.querySelector('.recharts-yAxis')).toHaveTextContent(
      'Event Streaming',
    );
    expect(
      screen.getByText(
        'No team has reached a 4-week streak yet with: Continuous Integration (6 teams).',
      ),
    ).toBeInTheDocument();
  });

  describe('retention heatmap', () => {
    it('shows each cohort size in its row header', async () => {
      await renderInTestApp(<RetentionHeatmap retention={retention} />);
      const heatmap = screen.getByRole('table', { name: /cohort retention/i });
      expect(
        within(heatmap)
          .getAllByRole('rowheader')
          .map(header => header.textContent),
      ).toEqual(['W07 · 4 teams', 'W08 · 2 teams', 'W09 · 1 team']);
    });

    it('marks cohorts of one team, in the drawing, the caption and the cell labels', async () => {
      await renderInTestApp(<RetentionHeatmap retention={retention} />);
      const heatmap = screen.getByRole('table', { name: /cohort retention/i });
      const rows = within(heatmap).getAllByRole('row');
      // Only the one-team row (W09) is marked and greyed.
      expect(rows.map(row => row.getAttribute('data-one-team'))).toEqual([
        null,
        null,
        null,
        'true',
      ]);
      expect(within(rows[3]).getByRole('rowheader')).toHaveAttribute(
        'title',
        '2026-W09: a cohort of one team',
      );
      // The explanation is the table's caption, read with the table.
      expect(heatmap.querySelector('caption')).toHaveTextContent(ONE_TEAM_NOTE);
      expect(
        within(heatmap).getByLabelText(
          'Cohort 2026-W09 (one team only), week +1: 0%, the team was not active',
        ),
      ).toHaveTextContent('0%');
      expect(
        within(heatmap).getByLabelText(
          'Cohort 2026-W09 (one team only), week +2: not reached yet',
        ),
      ).toBeEmptyDOMElement();
      // A cohort of two teams is a rate, labelled as before.
      expect(
        within(heatmap).getByLabelText(
          'Cohort 2026-W08 (2 teams), week +1: 100% still active',
        ),
      ).toBeInTheDocument();
      expect(screen.getByText('cohort of one team')).toBeInTheDocument();
    });

    it('draws a one-team cohort in grey, not in the colour of a 100% rate', async () => {
      const { container } = await renderInTestApp(
        <RetentionHeatmap
          retention={{
            capabilityRef: null,
            weeks: 1,
            cohorts: [
              { week: '2026-02-09', teams: 3, retention: [1] },
              { week: '2026-02-16', teams: 1, retention: [1] },
            ],
          }}
        />,
      );
      const [many, one] = Array.from(
        container.querySelectorAll('tbody td'),
      ) as HTMLElement[];
      expect(many).toHaveTextContent('100%');
      expect(one).toHaveTextContent('100%');
      expect(one.getAttribute('aria-label')).toBe(
        'Cohort 2026-W08 (one team only), week +1: 100%, the team was active',
      );
      expect(one.style.backgroundColor).not.toBe(many.style.backgroundColor);
    });

    it('has no caption when every cohort has several teams, and says it on the entity card too', async () => {
      const { unmount } = await renderInTestApp(
        <RetentionHeatmap
          retention={{
            ...retention,
            cohorts: retention.cohorts.filter(c => c.teams > 1),
          }}
        />,
      );
      expect(document.querySelector('caption')).toBeNull();
      expect(screen.queryByText('cohort of one team')).not.toBeInTheDocument();
      unmount();

      await renderInTestApp(
        <RetentionHeatmap retention={retention} dense maxCohorts={6} />,
      );
      expect(document.querySelector('caption')).toHaveTextContent(
        ONE_TEAM_NOTE,
      );
    });
  });

  it('draws no adoption lines at zero: it says nobody adopted, or that there is no capability', async () => {
    const none = adoption.map(a => ({
      ...a,
      weeks: a.weeks.map(w => ({
        ...w,
        activeTeams: 0,
        cumulativeAdopters: 0,
      })),
    }));
    const { unmount } = await renderInTestApp(
      <AdoptionChart adoptions={none} />,
    );
    expect(
      screen.getByText('No team has used a capability in this range.'),
    ).toBeInTheDocument();
    expect(document.querySelector('div[role="img"]')).toBeNull();
    unmount();

    await renderInTestApp(<AdoptionChart adoptions={[]} />);
    expect(
      screen.getByText(/No platform capabilities yet/),
    ).toBeInTheDocument();
  });
});
