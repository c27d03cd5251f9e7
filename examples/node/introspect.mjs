// Introspect a live database from Node with your own driver: driftgate gives
// the catalog queries (a fixed list per dialect) and turns their rows into
// its schema model; the driver (`pg` for PostgreSQL, `mysql2` for MySQL and
// MariaDB) runs them. Prints the model as JSON, the same as
// `driftgate introspect URL --format json` prints under `schema`.
//
// Usage: node examples/node/introspect.mjs [URL] [--wasm]
//   URL: postgres://… or mysql://… (default: $DATABASE_URL)
//   --wasm: use the WebAssembly package (wasm/pkg/node) instead of the addon
// `pg` / `mysql2` are resolved as usual (NODE_PATH works too).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--')) ?? process.env.DATABASE_URL;
if (!url) {
  console.error('usage: node introspect.mjs postgres://…|mysql://… [--wasm]');
  process.exit(2);
}
const dg = args.includes('--wasm') ? require(join(root, 'wasm', 'pkg', 'node', 'driftgate_wasm.js')) : require(join(root, 'node-binding'));
const dialect = /^(mysql|mariadb):/.test(url) ? 'mysql' : 'postgres';

// Every query on one connection; rows keyed by the query's name.
const rows = {};
if (dialect === 'postgres') {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const q of dg.catalogQueries(dialect)) rows[q.name] = (await client.query(q.sql)).rows;
  } finally {
    await client.end();
  }
} else {
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection(url.replace(/^mariadb:/, 'mysql:'));
  try {
    for (const q of dg.catalogQueries(dialect)) [rows[q.name]] = await conn.query(q.sql);
  } finally {
    await conn.end();
  }
}
console.log(JSON.stringify(dg.schemaFromCatalog(dialect, rows), null, 2));
