import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { cloneElement, ReactElement } from 'react';
import {
  adoption,
  goldenPath,
  stickiness,
  timeToHabit,
} from '../../testUtils/fixtures';
import { AdoptionChart } from './AdoptionChart';
import { GoldenPathChart, GoldenPathSparkline } from './GoldenPathChart';
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
    expect(screen.getByText('event-streaming')).toBeInTheDocument();
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
