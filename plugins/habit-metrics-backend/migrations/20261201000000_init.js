// @ts-check

/**
 * Tables of the habit-metrics plugin. Activity is stored per team and week only: user refs are resolved to their
 * teams before anything is written, and never stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('hm_events', table => {
    table.bigIncrements('id').primary();
    table.string('source', 100).notNullable();
    table.string('kind', 100).notNullable();
    table.string('way', 8).notNullable().comment('new or old');
    table.string('capability_ref', 255).nullable();
    table.string('template_ref', 255).nullable();
    table
      .string('team_ref', 255)
      .notNullable()
      .comment('an event of a user in two teams is one row per team');
    table
      .string('week', 10)
      .notNullable()
      .comment('Monday (UTC) starting the ISO week of at, YYYY-MM-DD');
    table.bigInteger('at').notNullable().comment('epoch ms');
    table
      .string('idempotency_key', 400)
      .nullable()
      .comment('events API keys are stored as event:<source>:<key>');
    table.bigInteger('received_at').notNullable().comment('epoch ms');
    // Replays carry the same key: ON CONFLICT DO NOTHING drops them atomically. NULL keys never conflict.
    table.unique(['idempotency_key', 'team_ref'], {
      indexName: 'hm_events_idempotency',
    });
    table.index(['week'], 'hm_events_week_idx');
    table.index(['team_ref', 'week'], 'hm_events_team_week_idx');
    table.index(['capability_ref', 'week'], 'hm_events_capability_week_idx');
    table.index(['kind', 'week'], 'hm_events_kind_week_idx');
  });

  await knex.schema.createTable('hm_components', table => {
    table.string('entity_ref', 255).primary();
    table.string('owner_ref', 255).nullable();
    table.string('source_template', 255).nullable();
    table.bigInteger('first_seen_at').notNullable().comment('epoch ms');
    table
      .boolean('baseline')
      .notNullable()
      .defaultTo(false)
      .comment('already in the catalog at the first scan');
  });

  await knex.schema.createTable('hm_ingestion_state', table => {
    table.string('source', 64).primary();
    table.text('state').notNullable().comment('JSON');
    table.bigInteger('updated_at').notNullable().comment('epoch ms');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of ['hm_ingestion_state', 'hm_components', 'hm_events']) {
    await knex.schema.dropTable(name);
  }
};
