import { survey } from '../../testUtils/fixtures';
import { answersFromDraft, draftFromAnswers } from './answers';

describe('answersFromDraft', () => {
  it('leaves out blank answers and skipped needs', () => {
    const { answers, problems } = answersFromDraft(survey, {
      needs: { 'faster-ci': { pain: 2, frequency: 'rarely' } },
      role: '',
      tools: [],
      other: '   ',
      recommend: 0,
    });
    expect(problems).toEqual([]);
    expect(answers).toEqual({
      needs: { 'faster-ci': { pain: 2, frequency: 'rarely' } },
      recommend: 0,
    });
  });

  it('reports half-filled need ratings', () => {
    const { answers, problems } = answersFromDraft(survey, {
      needs: {
        'faster-ci': { pain: 2 },
        'self-service-db': { frequency: 'daily' },
      },
    });
    expect(answers).toEqual({});
    expect(problems.map(p => p.needId)).toEqual([
      'faster-ci',
      'self-service-db',
    ]);
  });

  it('ignores answers to questions the survey no longer has', () => {
    expect(draftFromAnswers(survey, { removed: 'x', role: 'SRE' })).toEqual({
      role: 'SRE',
    });
  });
});
