/**
 * The part of a Knex client (as `TestDatabases.init` gives) that {@link tableContents} reads: typed here by shape,
 * so that this package does not depend on knex.
 *
 * @public
 */
export interface TableReader {
  /** A query on one table. */
  (table: string): { select(): PromiseLike<object[]> };
  /** Whether a table exists. */
  schema: { hasTable(table: string): PromiseLike<boolean> };
}

/**
 * Every row of each of the tables that exists, keyed by table, in an order that does not depend on the engine or on
 * the insertion order: each row as the JSON of its sorted fields, the rows sorted. Two snapshots are equal when the
 * tables hold the same rows; a table that does not exist is left out.
 *
 * @public
 */
export async function tableContents(
  knex: TableReader,
  tables: readonly string[],
): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    if (!(await knex.schema.hasTable(table))) continue;
    const rows = await knex(table).select();
    result[table] = rows
      .map(row => JSON.stringify(Object.entries(row).sort()))
      .sort();
  }
  return result;
}
