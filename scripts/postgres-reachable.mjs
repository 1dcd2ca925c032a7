#!/usr/bin/env node
// Exit 0 when a PostgreSQL server answers a query at the given connection string, 1 otherwise.
import pg from 'pg';

const client = new pg.Client({
  connectionString: process.argv[2],
  connectionTimeoutMillis: 3000,
});
try {
  await client.connect();
  const { rows } = await client.query('select version()');
  console.log(`PostgreSQL answers: ${rows[0].version.split(',')[0]}`);
  await client.end();
} catch (error) {
  console.log(`PostgreSQL does not answer: ${error.message}`);
  process.exit(1);
}
