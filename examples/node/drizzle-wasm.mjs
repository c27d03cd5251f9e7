// The drizzle-kit pre-merge check of drizzle-addon.mjs with the WebAssembly
// package (no native code: runs wherever Node runs). Run it in the project:
//
//   node drizzle-wasm.mjs [--after <tag>]
//
// The wasm API reads no files: this script reads them. Its lint() sees one
// file at a time, starting from an empty schema, so rules that need the
// tables and enums earlier migrations created (enum-value-removed, …) only
// fire with the addon's lintFiles or `driftgate lint`.
// Exits 1 on an error-level finding or when replay and snapshot differ.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compareSchemas } from './compare-schemas.mjs';

// In your project: the wasm package's Node entry. Here: this workspace's build.
const dg = createRequire(import.meta.url)(process.env.DRIFTGATE_WASM ?? '../../wasm/pkg/node/driftgate_wasm.js');

const out = 'migrations';
const journal = JSON.parse(readFileSync(`${out}/meta/_journal.json`, 'utf8'));
const dialect = journal.dialect === 'mysql' ? 'mysql' : 'postgres';
const migrations = journal.entries.map((e) => ({ name: e.tag, sql: readFileSync(`${out}/${e.tag}.sql`, 'utf8') }));
const after = process.argv.includes('--after') ? process.argv[process.argv.indexOf('--after') + 1] : migrations.at(-3).name;
const fresh = migrations.slice(migrations.findIndex((m) => m.name === after) + 1);
let failed = false;

// 1. Lint the new migrations, with drizzle-orm's transaction semantics.
for (const m of fresh) {
  const diagnostics = dg.lint(m.sql, { dialect, history: 'drizzle', filename: `${m.name}.sql` });
  console.log(`${m.name}.sql: ${diagnostics.length} finding(s)`);
  for (const d of diagnostics.filter((d) => d.severity !== 'info')) {
    console.log(`  ${d.line}:${d.column} ${d.severity} [${d.rule}] ${d.message}`);
  }
  failed ||= diagnostics.some((d) => d.severity === 'error');
}

// 2. Replay the history and compare it with the latest snapshot.
const replayed = dg.replay(migrations, { dialect });
const last = journal.entries.at(-1);
const snapshot = dg.parseDrizzleSnapshot(readFileSync(`${out}/meta/${String(last.idx).padStart(4, '0')}_snapshot.json`, 'utf8'));
const drift = compareSchemas(replayed.schema, snapshot);
console.log(drift.length === 0 ? `replay = latest snapshot (${Object.keys(snapshot.tables).length} tables)` : 'replay differs from the latest snapshot:');
for (const line of drift) console.log(`  ${line}`);
failed ||= drift.length > 0;

console.log(failed ? 'FAILED' : 'ok');
process.exit(failed ? 1 : 0);
