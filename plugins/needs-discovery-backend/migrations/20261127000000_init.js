// @ts-check

/**
 * Tables of the needs-discovery plugin. Answers are kept twice on purpose: the JSON document is what the respondent
 * gets back from `responses/me`; the normalised rows (ratings, answer items, teams) let the results be computed with
 * SQL aggregates instead of loading every response.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('nd_surveys', table => {
    table.string('id', 64).primary();
    table.string('title', 200).notNullable();
    table.string('status', 16).notNullable();
    table.text('definition').notNullable().comment('SurveyDefinition as JSON');
    table.integer('wave').notNullable().defaultTo(1);
    table.string('previous_survey_id', 64).nullable();
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable().comment('epoch ms');
    table.bigInteger('updated_at').notNullable();
    table.bigInteger('opened_at').nullable();
    table.bigInteger('closed_at').nullable();
    table.bigInteger('reminded_at').nullable();
    table.boolean('demo').notNullable().defaultTo(false);
    table.index(['status'], 'nd_surveys_status_idx');
  });

  await knex.schema.createTable('nd_responses', table => {
    table.bigIncrements('id').primary();
    table
      .string('survey_id', 64)
      .notNullable()
      .references('id')
      .inTable('nd_surveys')
      .onDelete('CASCADE');
    table
      .string('respondent_hash', 64)
      .notNullable()
      .comment(
        'HMAC of the user ref: the table alone does not say who answered',
      );
    table.text('teams').notNullable().comment('JSON array of group refs');
    table.text('answers').notNullable().comment('Answers as JSON');
    table.integer('revision').notNullable().defaultTo(1);
    table.bigInteger('submitted_at').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.unique(['survey_id', 'respondent_hash'], {
      indexName: 'nd_responses_one_per_person',
    });
  });

  await knex.schema.createTable('nd_response_teams', table => {
    table
      .bigInteger('response_id')
      .notNullable()
      .references('id')
      .inTable('nd_responses')
      .onDelete('CASCADE');
    table.string('survey_id', 64).notNullable();
    table.string('team_ref', 255).notNullable();
    table.index(['survey_id', 'team_ref'], 'nd_response_teams_survey_idx');
    table.index(['response_id'], 'nd_response_teams_response_idx');
  });

  await knex.schema.createTable('nd_need_ratings', table => {
    table
      .bigInteger('response_id')
      .notNullable()
      .references('id')
      .inTable('nd_responses')
      .onDelete('CASCADE');
    table.string('survey_id', 64).notNullable();
    table.string('need_id', 100).notNullable();
    table.smallint('pain').notNullable();
    table.string('frequency', 16).notNullable();
    table.index(['survey_id', 'need_id'], 'nd_need_ratings_survey_idx');
    table.index(['response_id'], 'nd_need_ratings_response_idx');
  });

  await knex.schema.createTable('nd_answer_items', table => {
    table
      .bigInteger('response_id')
      .notNullable()
      .references('id')
      .inTable('nd_responses')
      .onDelete('CASCADE');
    table.string('survey_id', 64).notNullable();
    table.string('question_id', 100).notNullable();
    table
      .string('item', 200)
      .nullable()
      .comment('choice option or ranked need id');
    table.float('num').nullable().comment('nps score or ranking position');
    table.text('text').nullable().comment('free text, verbatim');
    table.index(['survey_id', 'question_id'], 'nd_answer_items_survey_idx');
    table.index(['response_id'], 'nd_answer_items_response_idx');
  });

  await knex.schema.createTable('nd_needs', table => {
    table.string('id', 100).primary();
    table.string('title', 200).notNullable();
    table.text('description').nullable();
    table.string('status', 16).notNullable().defaultTo('open');
    table.string('capability_ref', 255).nullable();
    table.string('latest_survey_id', 64).nullable();
    table.float('latest_score').nullable();
    table.boolean('shared').notNullable().defaultTo(false);
    table.integer('teams').notNullable().defaultTo(0);
    table.bigInteger('updated_at').notNullable();
  });

  await knex.schema.createTable('nd_settings', table => {
    table.string('key', 100).primary();
    table.text('value').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'nd_settings',
    'nd_needs',
    'nd_answer_items',
    'nd_need_ratings',
    'nd_response_teams',
    'nd_responses',
    'nd_surveys',
  ]) {
    await knex.schema.dropTable(name);
  }
};
