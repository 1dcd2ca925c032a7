import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  activityOfTeams,
  addWeeks,
  adoption,
  cohortRetention,
  EVENT_KINDS,
  goldenPathShare,
  reversions,
  stickiness,
  summariseCapability,
  summariseTeam,
  timeToHabit,
  Way,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import { DatabaseHabitStore } from '../database/DatabaseHabitStore';
import { NewHabitEvent } from '../database/HabitStore';
import { EVENT_STREAMING, GOLDEN_PATH, orgEntities } from '../testing/fixtures';
import { CapabilityIndex } from './CapabilityIndex';
import { MetricsService } from './MetricsService';
import { TeamResolver } from './TeamResolver';

jest.setTimeout(60_000);

const NOW = new Date('2026-11-25T12:00:00Z');
const TO = weekStartOf(NOW);
const FROM = addWeeks(TO, -9);
const TEAMS = ['checkout', 'billing', 'mobile', 'platform-team', 'gone'].map(
  t => `group:default/${t}`,
);
/** A capability only old-way rows name, and one not in the catalog. */
const OLD_ONLY = 'system:default/legacy-portal';
const UNKNOWN = 'system:default/not-in-catalog';
const CAPABILITIES = [GOLDEN_PATH, EVENT_STREAMING, UNKNOWN, null];
const TEMPLATES = [
  'template:default/node-service',
  'template:default/event-consumer',
  null,
];
const KINDS = [
  EVENT_KINDS.templateRun,
  EVENT_KINDS.componentCreated,
  EVENT_KINDS.componentBaseline,
  EVENT_KINDS.capabilityView,
  EVENT_KINDS.templateCreate,
  'deploy',
];

/** 16 weeks of mixed activity with streaks, gaps, old-way weeks and baseline rows; deterministic. */
function history(): NewHabitEvent[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)];
  const events: NewHabitEvent[] = [];
  for (let i = 0; i < 900; i++) {
    const weeksAgo = Math.floor(random() * 16);
    const at = new Date(
      Date.parse(`${addWeeks(TO, -weeksAgo)}T09:00:00Z`) +
        Math.floor(random() * 6 * 86_400_000),
    );
    events.push({
      source: 'test',
      kind: pick(KINDS),
      way: (random() < 0.25 ? 'old' : 'new') as Way,
      capabilityRef: pick(CAPABILITIES),
      templateRef: pick(TEMPLATES),
      // Team 0 is busy every week (long streaks), the others less so.
      teamRefs: [TEAMS[random() < 0.3 ? 0 : Math.floor(random() * 5)]],
      at: at.getTime() > NOW.getTime() ? NOW : at,
      idempotencyKey: null,
    });
  }
  events.push({
    source: 'test',
    kind: 'deploy',
    way: 'old',
    capabilityRef: OLD_ONLY,
    templateRef: null,
    teamRefs: [TEAMS[1]],
    at: new Date(`${FROM}T10:00:00Z`),
    idempotencyKey: null,
  });
  return events;
}

describe('MetricsService', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'gives the same figures as the metrics over the full weekly aggregate (%p)',
    async databaseId => {
      const store = await DatabaseHabitStore.create({
        database: mockServices.database({
          knex: await databases.init(databaseId),
        }),
      });
      await store.recordEvents(history());
      const catalog = catalogServiceMock({ entities: orgEntities });
      const auth = mockServices.auth();
      const logger = mockServices.logger.mock();
      const capabilities = new CapabilityIndex({ catalog, auth, logger });
      const metrics = new MetricsService({
        store,
        teams: new TeamResolver({
          catalog,
          auth,
          logger,
          teamTypes: ['team'],
          capabilityOwners: () => capabilities.owners(),
        }),
        capabilities,
        habitWeeks: 3,
        reversionStreakWeeks: 2,
      });

      // The reference: every metric over every row, as the service computed them before it narrowed its queries.
      // Figures that count a capability's teams read the product teams' rows only: the groups of type team, less
      // platform-team (it owns the capabilities); "gone" is no group any more.
      const everyRow = await store.weeklyActivity();
      const productTeams = [
        'group:default/billing',
        'group:default/checkout',
        'group:default/mobile',
      ];
      const all = activityOfTeams(everyRow, productTeams);
      const upTo = (week: string) => all.filter(r => r.week <= week);
      const range = { from: FROM, to: TO };
      const totalTeams = 3;
      expect(await metrics.summary()).toMatchObject({ teams: totalTeams });
      const known = [EVENT_STREAMING, GOLDEN_PATH];
      const everyCapability = [
        ...new Set([
          ...known,
          ...everyRow.flatMap(r => (r.capabilityRef ? [r.capabilityRef] : [])),
        ]),
      ].sort();
      expect(everyCapability).toContain(OLD_ONLY);

      expect(await metrics.goldenPath(range)).toEqual(
        goldenPathShare(everyRow, range),
      );
      for (const capabilityRef of [GOLDEN_PATH, UNKNOWN]) {
        expect(await metrics.adoption({ ...range, capabilityRef })).toEqual(
          adoption(upTo(TO), { ...range, capabilityRef, totalTeams }),
        );
      }
      expect(
        await metrics.adoption({
          ...range,
          templateRef: 'template:default/node-service',
        }),
      ).toEqual(
        adoption(upTo(TO), {
          ...range,
          templateRef: 'template:default/node-service',
          totalTeams,
        }),
      );
      expect(await metrics.adoptionOfAll(range)).toEqual(
        everyCapability.map(capabilityRef =>
          adoption(upTo(TO), { ...range, capabilityRef, totalTeams }),
        ),
      );
      for (const capabilityRef of [GOLDEN_PATH, undefined]) {
        expect(
          await metrics.retention({ capabilityRef, weeks: 6, now: NOW }),
        ).toEqual(
          cohortRetention(upTo(TO), {
            capabilityRef: capabilityRef ?? null,
            weeks: 6,
            asOf: TO,
          }),
        );
        expect(await metrics.stickiness({ ...range, capabilityRef })).toEqual({
          capabilityRef: capabilityRef ?? null,
          weeks: stickiness(all, { ...range, capabilityRef }),
        });
      }
      expect(await metrics.reversions(range)).toEqual(
        reversions(everyRow, { ...range, minStreakWeeks: 2 }),
      );
      expect(await metrics.timeToHabit({})).toEqual(
        timeToHabit(all, { habitWeeks: 3, capabilityRefs: everyCapability }),
      );
      for (const teamRef of TEAMS) {
        expect(await metrics.team(teamRef, range)).toEqual(
          summariseTeam(
            everyRow.filter(r => r.teamRef === teamRef),
            teamRef,
            { ...range, minStreakWeeks: 2 },
          ),
        );
      }
      for (const capabilityRef of [GOLDEN_PATH, UNKNOWN, OLD_ONLY]) {
        expect(await metrics.capability(capabilityRef, range, NOW)).toEqual(
          summariseCapability(
            all.filter(r => r.capabilityRef === capabilityRef),
            capabilityRef,
            { ...range, totalTeams, asOf: TO, habitWeeks: 3 },
          ),
        );
      }
      // Neither in the catalog nor in the data.
      expect(
        await metrics.capability('system:default/nothing', range, NOW),
      ).toBeUndefined();
    },
  );
});
