// A pre-merge check for a drizzle-kit project, with driftgate's native addon.
// Run it in the project (the drizzle-kit `out` folder is ./migrations):
//
//   node drizzle-addon.mjs [--after <tag>]
//
// 1. Lints the migrations added after <tag> (default: all but the last two,
//    standing in for "the ones this branch adds"), each against the schema
//    the migrations before it produce (lintFiles: off the main thread).
// 2. Replays the whole history and checks that it produces the latest
//    snapshot drizzle-kit wrote (meta/NNNN_snapshot.json).
// Exits 1 on an error-level finding or when replay and snapshot differ.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compareSchemas } from './compare-schemas.mjs';

// In your project: require('@driftgate/node'). Here: this workspace's build.
const dg = createRequire(import.meta.url)(process.env.DRIFTGATE_NODE ?? '../../node-binding');

const out = 'migrations';
const journal = JSON.parse(readFileSync(`${out}/meta/_journal.json`, 'utf8'));
const dialect = journal.dialect === 'mysql' ? 'mysql' : 'postgres';
const tags = journal.entries.map((e) => e.tag);
const after = process.argv.includes('--after') ? process.argv[process.argv.indexOf('--after') + 1] : tags.at(-3);
const fresh = tags.slice(tags.indexOf(after) + 1);
let failed = false;

// 1. Lint the new migrations.
const report = await dg.lintFiles(fresh.map((tag) => `${out}/${tag}.sql`));
console.log(`linted ${fresh.join(', ') || 'nothing'}:`);
for (const d of report.diagnostics.filter((d) => d.severity !== 'info')) {
  console.log(`  ${d.file}:${d.line}:${d.column} ${d.severity} [${d.rule}] ${d.message}`);
}
const { errors, warnings, infos } = report.summary;
console.log(`  ${errors} error(s), ${warnings} warning(s), ${infos} info(s)`);
failed ||= errors > 0;

// 2. Replay the history and compare it with the latest snapshot.
const replayed = dg.replay(tags.map((tag) => ({ name: tag, sql: readFileSync(`${out}/${tag}.sql`, 'utf8') })), { dialect });
const last = journal.entries.at(-1);
const snapshot = dg.parseDrizzleSnapshot(readFileSync(`${out}/meta/${String(last.idx).padStart(4, '0')}_snapshot.json`, 'utf8'));
const drift = compareSchemas(replayed.schema, snapshot);
console.log(drift.length === 0 ? `replay = latest snapshot (${Object.keys(snapshot.tables).length} tables)` : 'replay differs from the latest snapshot:');
for (const line of drift) console.log(`  ${line}`);
failed ||= drift.length > 0;

console.log(failed ? 'FAILED' : 'ok');
process.exit(failed ? 1 : 0);
