// @ts-check
const { createHash } = require('node:crypto');

/**
 * Makes the results of a large survey cheap to recompute (yarn bench:needs, 100k responses × 20 ratings):
 *
 * - `nd_responses.rated_needs`, how many needs a response rated, so the need-rating question's respondents are
 *   counted in the same pass over nd_responses as all respondents, instead of a probe into the ratings per response;
 *   with an index covering that pass and the fingerprint the result cache checks (count, max(id), sum(revision)).
 * - `nd_need_ratings.team_set`, the key of the rater's set of teams (`nd_team_sets`, the sorted group refs as JSON,
 *   keyed by their SHA-1), with an index covering need, team set, pain and frequency. The per-need and per-team
 *   figures then come from one index-only pass grouped by need and team set, instead of a join of every rating with
 *   nd_response_teams. The key rather than the refs themselves keeps index entries small for people in many groups.
 *
 * At 100k responses a whole recompute went from 0.6 to 0.2 s on PostgreSQL and from 2.8 to 0.5 s on SQLite.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The columns may be left from an earlier up and down (see down).
  if (!(await knex.schema.hasColumn('nd_responses', 'rated_needs'))) {
    await knex.schema.alterTable('nd_responses', table => {
      table
        .integer('rated_needs')
        .notNullable()
        .defaultTo(0)
        .comment('number of need ratings in this response');
    });
  }
  await knex.raw(`
    update nd_responses
    set rated_needs = (
      select count(*) from nd_need_ratings r where r.response_id = nd_responses.id
    )`);
  await knex.schema.alterTable('nd_responses', table => {
    table.index(
      ['survey_id', 'id', 'revision', 'rated_needs'],
      'nd_responses_summary_idx',
    );
  });

  await knex.schema.createTable('nd_team_sets', table => {
    table.string('key', 40).primary().comment('SHA-1 of teams');
    table.text('teams').notNullable().comment('JSON array of group refs');
  });
  if (!(await knex.schema.hasColumn('nd_need_ratings', 'team_set'))) {
    await knex.schema.alterTable('nd_need_ratings', table => {
      table.string('team_set', 40).notNullable().defaultTo('');
    });
  }
  // Responses store their teams as the same JSON, so each distinct value is one set.
  const distinct = await knex('nd_responses').distinct('teams');
  for (const { teams } of distinct) {
    const key = createHash('sha1').update(String(teams)).digest('hex');
    await knex('nd_team_sets')
      .insert({ key, teams })
      .onConflict('key')
      .ignore();
    await knex('nd_need_ratings')
      .whereIn(
        'response_id',
        knex('nd_responses').where({ teams }).select('id'),
      )
      .update({ team_set: key });
  }
  await knex.schema.alterTable('nd_need_ratings', table => {
    table.dropIndex(['survey_id', 'need_id'], 'nd_need_ratings_survey_idx');
    table.index(
      ['survey_id', 'need_id', 'team_set', 'pain', 'frequency'],
      'nd_need_ratings_figures_idx',
    );
  });
};

/**
 * Leaves the two added columns in place: older code ignores them, and on SQLite dropping a column rebuilds the
 * table, and rebuilding nd_responses would cascade-delete every rating and answer.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('nd_need_ratings', table => {
    table.dropIndex(
      ['survey_id', 'need_id', 'team_set', 'pain', 'frequency'],
      'nd_need_ratings_figures_idx',
    );
    table.index(['survey_id', 'need_id'], 'nd_need_ratings_survey_idx');
  });
  await knex.schema.dropTable('nd_team_sets');
  await knex.schema.alterTable('nd_responses', table => {
    table.dropIndex(
      ['survey_id', 'id', 'revision', 'rated_needs'],
      'nd_responses_summary_idx',
    );
  });
};
