// @ts-check

/**
 * Habit campaigns: a campaign, its audience teams, its activities, each person's participation in an activity and
 * the notifications sent. New tables only; nothing is ever deleted from them (a campaign ends completed or
 * cancelled and keeps its history).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('hm_campaigns', table => {
    table.string('id', 36).primary();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('capability_ref', 255).notNullable();
    /** JSON list of template refs: the golden path the campaign promotes. */
    table.text('templates').notNullable();
    /** JSON CampaignGoal. */
    table.text('goal').notNullable();
    /** JSON CampaignAudienceSource: how the audience was chosen. */
    table.text('audience').notNullable();
    table.string('target_date', 10).nullable();
    table.string('status', 16).notNullable();
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.bigInteger('started_at').nullable();
    table.bigInteger('ended_at').nullable();
    table.index(['status'], 'hm_campaigns_status_idx');
  });
  await knex.schema.createTable('hm_campaign_teams', table => {
    table
      .string('campaign_id', 36)
      .notNullable()
      .references('id')
      .inTable('hm_campaigns');
    table.string('team_ref', 255).notNullable();
    table.string('champion_ref', 255).nullable();
    table.primary(['campaign_id', 'team_ref']);
  });
  await knex.schema.createTable('hm_campaign_activities', table => {
    table.string('id', 36).primary();
    table
      .string('campaign_id', 36)
      .notNullable()
      .references('id')
      .inTable('hm_campaigns');
    table.string('kind', 32).notNullable();
    table.string('title', 200).notNullable();
    /** JSON: description, startsAt, capacity, link, steps. */
    table.text('details').notNullable();
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.index(['campaign_id'], 'hm_campaign_activities_campaign_idx');
  });
  await knex.schema.createTable('hm_campaign_participation', table => {
    table
      .string('activity_id', 36)
      .notNullable()
      .references('id')
      .inTable('hm_campaign_activities');
    table.string('campaign_id', 36).notNullable();
    table.string('user_ref', 255).notNullable();
    /** JSON list of the person's teams when they answered. */
    table.text('team_refs').notNullable();
    table.string('status', 32).nullable();
    /** JSON list of step indexes (learning paths). */
    table.text('steps_done').notNullable();
    table.boolean('attended').notNullable().defaultTo(false);
    table.bigInteger('updated_at').notNullable();
    table.primary(['activity_id', 'user_ref']);
    table.index(['campaign_id'], 'hm_campaign_participation_campaign_idx');
  });
  await knex.schema.createTable('hm_campaign_notifications', table => {
    table.string('campaign_id', 36).notNullable();
    table.string('team_ref', 255).notNullable();
    /** announcement, reminder or nudge. */
    table.string('kind', 16).notNullable();
    /** The week (Monday) the message belongs to: one message per team, kind and week at most. */
    table.string('week', 10).notNullable();
    table.bigInteger('sent_at').notNullable();
    table.primary(['campaign_id', 'team_ref', 'kind', 'week']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('hm_campaign_notifications');
  await knex.schema.dropTable('hm_campaign_participation');
  await knex.schema.dropTable('hm_campaign_activities');
  await knex.schema.dropTable('hm_campaign_teams');
  await knex.schema.dropTable('hm_campaigns');
};
