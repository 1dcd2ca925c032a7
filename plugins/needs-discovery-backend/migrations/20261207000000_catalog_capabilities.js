// @ts-check

/**
 * `nd_catalog_capabilities`: the catalog's platform capabilities that name a need (entities annotated
 * `platform-product.io/capability: "true"` with a `platform-product.io/need`), as the scheduled catalog scan last
 * saw them. The registry derives each need's status from these rows and the status stored in `nd_needs` when it
 * is read (deriveNeedStatus in -common), so a review date passing changes the status without another scan.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('nd_catalog_capabilities', table => {
    table.string('entity_ref', 255).primary();
    table.string('need_id', 100).notNullable();
    table.text('title').nullable().comment('metadata.title');
    table.string('lifecycle', 100).nullable().comment('spec.lifecycle');
    table
      .string('mvp_review_date', 100)
      .nullable()
      .comment('platform-product.io/mvp-review-date as written');
    table.bigInteger('synced_at').notNullable().comment('epoch ms');
    table.index(['need_id'], 'nd_catalog_capabilities_need_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('nd_catalog_capabilities');
};
