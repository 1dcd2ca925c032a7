// @ts-check

/**
 * Tables of the thinness-scorecard plugin. Timestamps are epoch milliseconds; JSON documents are text.
 *
 * - ts_latest: the last computed scorecard, so every replica serves the same one quickly.
 * - ts_snapshots: one row per UTC day (unique period), so replicas racing on the daily snapshot write it once.
 * - ts_capability_first_seen: when each capability first appeared, for the grace period of new capabilities.
 * - ts_notified_reviews: overdue MVP reviews whose owner has been notified, so each is notified once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('ts_latest', table => {
    table.string('id', 32).primary().comment('always "scorecard"');
    table
      .text('scorecard', 'longtext')
      .notNullable()
      .comment('Scorecard as JSON');
    table.bigInteger('computed_at').notNullable().comment('epoch ms');
  });

  await knex.schema.createTable('ts_snapshots', table => {
    table
      .string('period', 10)
      .primary()
      .comment('UTC day YYYY-MM-DD; one snapshot per day');
    table.integer('score').notNullable();
    table.text('subscores').notNullable().comment('[{id, value}] as JSON');
    table.text('verdicts').notNullable().comment('{verdict: count} as JSON');
    table
      .text('capability_verdicts', 'longtext')
      .notNullable()
      .comment('{entityRef: verdict} as JSON');
    table.integer('capabilities').notNullable();
    table.integer('adopting_teams').notNullable();
    table.boolean('demo').notNullable().defaultTo(false);
    table.bigInteger('created_at').notNullable();
  });

  await knex.schema.createTable('ts_capability_first_seen', table => {
    table.string('entity_ref', 255).primary();
    table.bigInteger('first_seen_at').notNullable();
  });

  await knex.schema.createTable('ts_notified_reviews', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('review_date', 10).notNullable();
    table.bigInteger('notified_at').notNullable();
    table.primary(['entity_ref', 'review_date']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'ts_notified_reviews',
    'ts_capability_first_seen',
    'ts_snapshots',
    'ts_latest',
  ]) {
    await knex.schema.dropTable(name);
  }
};
