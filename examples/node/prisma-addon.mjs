// A pre-merge check for a Prisma project with driftgate's native addon:
// checkProject does what `driftgate check` does. Run it in the project root
// (prisma/schema.prisma, prisma/migrations/):
//
//   node prisma-addon.mjs [--after <migration>]
//
// It checks the history's integrity, replays the migrations and compares the
// result with schema.prisma (drift in both directions, with the SQL of the
// migration that is missing), and lints the migrations added after
// <migration> (default: all but the last two), each against the schema the
// ones before it produce. Exits 1 when the check fails.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

// In your project: require('@driftgate/node'). Here: this workspace's build.
const dg = createRequire(import.meta.url)(process.env.DRIFTGATE_NODE ?? '../../node-binding');

const names = readdirSync('prisma/migrations', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const after = process.argv.includes('--after') ? process.argv[process.argv.indexOf('--after') + 1] : names.at(-3);
const newMigrations = names.slice(names.indexOf(after) + 1);

const result = await dg.checkProject('.', { newMigrations });
console.log(`${result.history} (${result.format}): ${result.historyIssues.length} history issue(s)`);
for (const issue of result.historyIssues) console.log(`  ${issue.code}: ${issue.message}`);
if (result.drift?.length) {
  console.log(`drift between the migrations and ${result.schema}:`);
  for (const d of result.drift) console.log(`  ${d.message}`);
  console.log(`the missing migration:\n${result.migrationSql.trimEnd().replace(/^/gm, '  ')}`);
} else if (result.schema) {
  console.log(`the migrations produce exactly ${result.schema}`);
}
console.log(`linted ${newMigrations.join(', ') || 'nothing'}:`);
for (const d of result.lint.diagnostics.filter((d) => d.severity !== 'info')) {
  console.log(`  ${d.file}:${d.line}:${d.column} ${d.severity} [${d.rule}] ${d.message}`);
}
console.log(result.passed ? 'ok' : 'FAILED');
process.exit(result.passed ? 0 : 1);
