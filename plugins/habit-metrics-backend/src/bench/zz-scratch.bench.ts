// TEMPORARY profiling scratch, deleted after use.
import { mockServices } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import {
  timeToHabit,
  weekStartOf,
} from '@platform-product/plugin-habit-metrics-common';
import { existsSync } from 'node:fs';
import { DatabaseHabitStore } from '../database/DatabaseHabitStore';
import { benchOrg, seedEvents } from './seed';

jest.setTimeout(900_000);
const say = (t: string) => process.stdout.write(`${t}\n`);
it('profiles', async () => {
  const file = '/tmp/hm/scratch.sqlite';
  const fresh = !existsSync(file);
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  const store = await DatabaseHabitStore.create({
    database: mockServices.database({ knex }),
  });
  if (fresh) {
    await seedEvents({
      db: knex,
      org: benchOrg(300, 40),
      events: 1_000_000,
      weeks: 52,
      currentWeek: weekStartOf(new Date()),
    });
    await knex.raw('analyze');
  }
  const sqlT: number[] = [];
  const jsT: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < 12; i++) {
    const a = performance.now();
    const rows = await store.weeklyActivity(
      {
        withCapability: true,
        way: 'new',
        excludeKinds: ['component-baseline'],
      },
      { by: ['capabilityRef'], sorted: false, counts: false },
    );
    const b = performance.now();
    timeToHabit(rows, { habitWeeks: 4 });
    const c = performance.now();
    sqlT.push(Math.round(b - a));
    jsT.push(Math.round(c - b));
    heap.push(Math.round(process.memoryUsage().heapUsed / 1e6));
  }
  say(`sql ${sqlT.join(' ')}\njs  ${jsT.join(' ')}\nheap ${heap.join(' ')}`);
  for (const sql of [
    `select distinct team_ref, week, capability_ref from hm_events where capability_ref is not null and kind not in ('component-baseline') and way = 'new'`,
    `select distinct capability_ref, team_ref, week from hm_events where capability_ref is not null and kind not in ('component-baseline') and way = 'new'`,
  ]) {
    const plan = await knex.raw(`explain query plan ${sql}`);
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = performance.now();
      await knex.raw(sql);
      t.push(Math.round(performance.now() - a));
    }
    say(`${plan.map((p: any) => p.detail).join(' / ')}: ${t.join(' ')}`);
  }
  await knex.destroy();
});
