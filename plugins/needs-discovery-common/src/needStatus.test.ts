import {
  deriveNeedStatus,
  isCapabilityInMvp,
  NeedCapability,
  NeedStatusDecision,
} from './needStatus';
import { NeedStatus } from './types';

// 2026-12-07, just before midnight UTC: the review date of "today" is still today.
const lateToday = new Date('2026-12-07T23:59:59.999Z');
const earlyToday = new Date('2026-12-07T00:00:00.000Z');
const tomorrow = new Date('2026-12-08T00:00:00.000Z');

describe('isCapabilityInMvp', () => {
  it.each<
    [string, Pick<NeedCapability, 'lifecycle' | 'mvpReviewDate'>, Date, boolean]
  >([
    [
      'experimental, no review date',
      { lifecycle: 'experimental' },
      lateToday,
      true,
    ],
    [
      'experimental, review overdue',
      { lifecycle: 'experimental', mvpReviewDate: '2026-09-30' },
      lateToday,
      true,
    ],
    [
      'Experimental written with capitals and spaces',
      { lifecycle: ' Experimental ' },
      lateToday,
      true,
    ],
    [
      'production, no review date',
      { lifecycle: 'production' },
      lateToday,
      false,
    ],
    ['no lifecycle, no review date', {}, lateToday, false],
    ['deprecated', { lifecycle: 'deprecated' }, lateToday, false],
    [
      'production, review date today (last second of the day)',
      { lifecycle: 'production', mvpReviewDate: '2026-12-07' },
      lateToday,
      true,
    ],
    [
      'production, review date today (first instant of the day)',
      { lifecycle: 'production', mvpReviewDate: '2026-12-07' },
      earlyToday,
      true,
    ],
    [
      'production, review date yesterday',
      { lifecycle: 'production', mvpReviewDate: '2026-12-06' },
      earlyToday,
      false,
    ],
    [
      'production, review date was today, now tomorrow',
      { lifecycle: 'production', mvpReviewDate: '2026-12-07' },
      tomorrow,
      false,
    ],
    [
      'production, review date tomorrow',
      { lifecycle: 'production', mvpReviewDate: '2026-12-08' },
      lateToday,
      true,
    ],
    [
      'no lifecycle, review date next year',
      { mvpReviewDate: '2027-02-15' },
      lateToday,
      true,
    ],
    [
      'a review date that is not a date',
      { lifecycle: 'production', mvpReviewDate: '2026-13-40' },
      lateToday,
      false,
    ],
    [
      'a review date in another format',
      { lifecycle: 'production', mvpReviewDate: '07.12.2027' },
      lateToday,
      false,
    ],
    [
      'a review date with surrounding spaces',
      { lifecycle: 'production', mvpReviewDate: ' 2026-12-07 ' },
      lateToday,
      true,
    ],
  ])('%s → %p', (_case, capability, now, expected) => {
    expect(isCapabilityInMvp(capability, now)).toBe(expected);
  });
});

const capability = (
  name: string,
  overrides: Partial<NeedCapability> = {},
): NeedCapability => ({
  entityRef: `system:default/${name}`,
  title: name
    .split('-')
    .map(w => w[0].toUpperCase() + w.slice(1))
    .join(' '),
  needId: 'need-x',
  lifecycle: 'production',
  ...overrides,
});

const recorded = (status: NeedStatus, capabilityRef: string | null = null) => ({
  status,
  capabilityRef,
});

describe('deriveNeedStatus', () => {
  it.each<
    [
      string,
      ReturnType<typeof recorded>,
      NeedCapability[],
      Date,
      NeedStatusDecision,
    ]
  >([
    [
      'open, nothing in the catalog',
      recorded('open'),
      [],
      lateToday,
      { status: 'open', capabilityRef: null, source: 'recorded' },
    ],
    [
      'a capability in production names the need',
      recorded('open'),
      [capability('log-shipping')],
      lateToday,
      {
        status: 'served',
        capabilityRef: 'system:default/log-shipping',
        capabilityTitle: 'Log Shipping',
        source: 'catalog',
      },
    ],
    [
      'an experimental capability with an overdue review names the need',
      recorded('open'),
      [
        capability('preview-environments', {
          lifecycle: 'experimental',
          mvpReviewDate: '2026-09-30',
        }),
      ],
      lateToday,
      {
        status: 'in-mvp',
        capabilityRef: 'system:default/preview-environments',
        capabilityTitle: 'Preview Environments',
        source: 'catalog',
      },
    ],
    [
      'a production capability whose review is today',
      recorded('open'),
      [capability('fast-setup', { mvpReviewDate: '2026-12-07' })],
      lateToday,
      {
        status: 'in-mvp',
        capabilityRef: 'system:default/fast-setup',
        capabilityTitle: 'Fast Setup',
        source: 'catalog',
      },
    ],
    [
      'the same capability the day after its review',
      recorded('open'),
      [capability('fast-setup', { mvpReviewDate: '2026-12-07' })],
      tomorrow,
      {
        status: 'served',
        capabilityRef: 'system:default/fast-setup',
        capabilityTitle: 'Fast Setup',
        source: 'catalog',
      },
    ],
    [
      'a capability without a title',
      recorded('open'),
      [capability('untitled', { title: undefined })],
      lateToday,
      {
        status: 'served',
        capabilityRef: 'system:default/untitled',
        source: 'catalog',
      },
    ],
    [
      'marked in-mvp by mvp:launch before the catalog has the capability',
      recorded('in-mvp', 'system:default/new-thing'),
      [],
      lateToday,
      {
        status: 'in-mvp',
        capabilityRef: 'system:default/new-thing',
        source: 'recorded',
      },
    ],
    [
      'marked in-mvp, and the capability has left its MVP since',
      recorded('in-mvp', 'system:default/new-thing'),
      [capability('new-thing')],
      lateToday,
      {
        status: 'served',
        capabilityRef: 'system:default/new-thing',
        capabilityTitle: 'New Thing',
        source: 'catalog',
      },
    ],
    [
      'marked served by hand with a capability outside the catalog',
      recorded('served', 'system:default/saas-tool'),
      [],
      lateToday,
      {
        status: 'served',
        capabilityRef: 'system:default/saas-tool',
        source: 'recorded',
      },
    ],
    [
      'marked open by hand while the catalog says served: the catalog wins',
      recorded('open'),
      [capability('log-shipping')],
      lateToday,
      {
        status: 'served',
        capabilityRef: 'system:default/log-shipping',
        capabilityTitle: 'Log Shipping',
        source: 'catalog',
      },
    ],
    [
      'declined, even though a capability names it',
      recorded('declined'),
      [capability('log-shipping')],
      lateToday,
      { status: 'declined', capabilityRef: null, source: 'recorded' },
    ],
    [
      'declined with the capability recorded',
      recorded('declined', 'System:default/Log-Shipping'),
      [capability('log-shipping')],
      lateToday,
      {
        status: 'declined',
        capabilityRef: 'System:default/Log-Shipping',
        capabilityTitle: 'Log Shipping',
        source: 'recorded',
      },
    ],
    [
      'a serving capability beats one in its MVP',
      recorded('open'),
      [
        capability('a-new-try', { lifecycle: 'experimental' }),
        capability('z-old-one'),
      ],
      lateToday,
      {
        status: 'served',
        capabilityRef: 'system:default/z-old-one',
        capabilityTitle: 'Z Old One',
        source: 'catalog',
      },
    ],
    [
      'of two serving capabilities, the first by entity ref',
      recorded('open'),
      [capability('zeta'), capability('alpha')],
      lateToday,
      {
        status: 'served',
        capabilityRef: 'system:default/alpha',
        capabilityTitle: 'Alpha',
        source: 'catalog',
      },
    ],
    [
      'of two capabilities in their MVP, the one mvp:launch recorded (refs compared without case)',
      recorded('in-mvp', 'system:default/Zeta'),
      [
        capability('alpha', { lifecycle: 'experimental' }),
        capability('zeta', { lifecycle: 'experimental' }),
      ],
      lateToday,
      {
        status: 'in-mvp',
        capabilityRef: 'system:default/zeta',
        capabilityTitle: 'Zeta',
        source: 'catalog',
      },
    ],
    [
      'capabilities naming other needs are ignored',
      recorded('open'),
      [capability('log-shipping', { needId: 'need-other' })],
      lateToday,
      { status: 'open', capabilityRef: null, source: 'recorded' },
    ],
  ])('%s', (_case, recordedStatus, capabilities, now, expected) => {
    expect(
      deriveNeedStatus({
        needId: 'need-x',
        recorded: recordedStatus,
        capabilities,
        now,
      }),
    ).toEqual(expected);
  });
});
