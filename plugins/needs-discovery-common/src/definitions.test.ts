import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { aggregateResponses, ResponseRecord } from './aggregate';
import { buildResults } from './results';
import { DEFAULT_FREQUENCY_WEIGHTS, Survey } from './types';

// The worked example of the root README's "Definitions" section, recomputed from raw answers with the code. The test
// also checks the README still prints the figures the code gives, so the two cannot drift apart.

const survey: Survey = {
  id: 'worked-example',
  title: 'Worked example',
  audience: [],
  anonymityThreshold: 3,
  closesAt: null,
  needs: [{ id: 'need-deploys', title: 'Reliable deploys' }],
  questions: [{ id: 'ratings', type: 'need-rating', title: 'Rate' }],
  status: 'closed',
  wave: 1,
  previousSurveyId: null,
  createdBy: 'user:default/owner',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  openedAt: '2026-01-02T00:00:00.000Z',
  closedAt: '2026-02-01T00:00:00.000Z',
  demo: false,
};

const responses: ResponseRecord[] = [
  ['alpha', 4, 'daily'],
  ['beta', 3, 'weekly'],
  ['gamma', 5, 'weekly'],
  ['gamma', 2, 'monthly'],
].map(([team, pain, frequency]) => ({
  teams: [`group:default/${team}`],
  answers: { ratings: { 'need-deploys': { pain, frequency } } },
})) as ResponseRecord[];

function compute(sharedNeedMinTeams: number) {
  return buildResults(
    aggregateResponses(survey, responses, {
      weights: DEFAULT_FREQUENCY_WEIGHTS,
      audienceTeams: [],
      audienceSize: null,
    }),
    { sharedNeedMinTeams, frequencyWeights: DEFAULT_FREQUENCY_WEIGHTS },
  );
}

describe('the README worked example', () => {
  const readme = readFileSync(
    resolve(__dirname, '..', '..', '..', 'README.md'),
    'utf8',
  );

  it('gives the figures the README states', () => {
    const [need] = compute(3).needs;
    expect(need).toMatchObject({
      respondents: 4,
      teams: 3,
      meanPain: 3.5,
      frequencyWeight: 0.63,
      priorityScore: 6.62,
      shared: true,
    });
    // From the unrounded mean weight (0.625) the score would differ: the means are rounded first.
    expect(need.priorityScore).not.toBe(6.56);

    for (const line of [
      `teams reporting  = ${need.teams}`,
      `mean pain        = (4 + 3 + 5 + 2) / 4 = ${need.meanPain}`,
      `frequency weight = (1.0 + 0.6 + 0.6 + 0.3) / 4 = 0.625 → ${need.frequencyWeight}`,
      `priority score   = 3 × 3.5 × 0.63 = 6.615 → ${need.priorityScore}`,
    ]) {
      expect(readme).toContain(line);
    }
  });

  it.each([
    [3, true],
    [4, false],
  ])(
    'with sharedNeedMinTeams %p the need reported by 3 teams is shared: %p',
    (sharedNeedMinTeams, shared) => {
      const results = compute(sharedNeedMinTeams);
      expect(results.needs[0].shared).toBe(shared);
      expect(results.priorityCase?.needId ?? null).toBe(
        shared ? 'need-deploys' : null,
      );
    },
  );
});
