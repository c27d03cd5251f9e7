// Tests of the addon's host conveniences and declarations (part of scripts/test.sh):
// - lintFiles / checkProject resolve to the CLI's `lint|check --format json`
//   objects on the fixtures (the addon adds UTF-16 start/end), reject bad
//   input with an Error, and run off the main thread;
// - index.js loads the addon; index.d.ts declares exactly its functions;
// - the result types index.d.ts shares with the wasm package's .d.ts are the same text.
//
// Usage: node node-binding/test.mjs <driftgate CLI binary> [wasm/pkg/node/driftgate_wasm.d.ts]
//   (the addon: DRIFTGATE_NODE_ADDON, else what index.js finds)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const cli = resolve(process.argv[2] ?? join(root, 'target', 'debug', 'driftgate'));
const wasmDts = resolve(process.argv[3] ?? join(root, 'wasm', 'pkg', 'node', 'driftgate_wasm.d.ts'));
const dg = createRequire(import.meta.url)(here);
process.chdir(root);

let passed = 0;
async function test(name, fn) {
  await fn();
  passed++;
  console.log(`ok - ${name}`);
}

const runCli = (args) => {
  try {
    return JSON.parse(execFileSync(cli, args, { maxBuffer: 1 << 28 }).toString());
  } catch (e) {
    if (e.stdout?.length) return JSON.parse(e.stdout.toString()); // exit 1: findings
    throw e;
  }
};
// The CLI's JSON has no UTF-16 offsets; the rest must be identical.
const withoutOffsets = (report) => ({
  ...report,
  diagnostics: report.diagnostics.map(({ start, end, fix, ...d }) => ({ ...d, fix: fix && (({ start: _s, end: _e, ...f }) => f)(fix) })),
});

await test('lintFiles = driftgate lint --format json (folders, files in a history, lone files)', async () => {
  const cases = [
    ['fixtures/drizzle/pg-shop/migrations'],
    ['fixtures/drizzle/pg-shop/migrations/0007_coupons.sql', 'fixtures/drizzle/pg-shop/migrations/0008_drop_processing_status.sql'],
    ['fixtures/prisma/pg-blog'],
    ['fixtures/prisma/pg-blog/prisma/migrations/20240405100000_remove_guest_role/migration.sql'],
    ['fixtures/prisma/mysql-shop'],
    ['fixtures/plain/updown-mysql', 'fixtures/plain/numbered-pg'],
    ['fixtures/sql/pg-crlf.sql', 'fixtures/sql/pg-unicode-identifiers.sql', 'fuzz/corpus'],
  ];
  for (const paths of cases) {
    const want = runCli(['lint', '--format', 'json', '--fail-on', 'never', ...paths]);
    const got = await dg.lintFiles(paths);
    assert.deepEqual(withoutOffsets(got), want, paths.join(' '));
  }
  // UTF-16 offsets slice the flagged text of a file read from disk.
  const r = await dg.lintFiles(['fixtures/sql/pg-unicode-identifiers.sql']);
  const text = readFileSync('fixtures/sql/pg-unicode-identifiers.sql', 'utf8');
  for (const d of r.diagnostics) assert.equal(text.slice(d.start, d.end).length, d.end - d.start);
});

await test('checkProject = driftgate check --format json, plus newMigrations', async () => {
  const quiet = (r) => ({ ...r, notes: r.notes.filter((n) => !n.startsWith('lint skipped') && !n.startsWith('no schema file')) });
  for (const dir of ['fixtures/prisma/pg-blog', 'fixtures/prisma/mysql-shop', 'fixtures/drizzle/pg-shop/migrations', 'fixtures/drizzle/pg-legacy/migrations', 'fixtures/plain/flyway-pg']) {
    assert.deepEqual(quiet(await dg.checkProject(dir)), quiet(runCli(['check', '--format', 'json', dir])), dir);
  }
  const r = await dg.checkProject('fixtures/prisma/pg-blog', { newMigrations: ['20240405100000_remove_guest_role'] });
  assert.equal(r.passed, false);
  assert.deepEqual([...new Set(r.lint.diagnostics.map((d) => d.file))], ['fixtures/prisma/pg-blog/prisma/migrations/20240405100000_remove_guest_role/migration.sql']);
  assert.ok(r.lint.diagnostics.some((d) => d.rule === 'enum-value-removed'));
  const s = await dg.checkProject('fixtures/drizzle/pg-shop/migrations', { schema: 'fixtures/drizzle/pg-shop/migrations/meta/0007_snapshot.json' });
  assert.equal(s.schema, 'fixtures/drizzle/pg-shop/migrations/meta/0007_snapshot.json');
  assert.ok(s.drift.length > 0 && !s.passed, 'the history has moved past an older snapshot');
});

await test('bad input rejects with an Error, never throws synchronously or crashes', async () => {
  const rejects = async (p, re) => assert.rejects(p, (e) => e instanceof Error && re.test(e.message));
  await rejects(dg.lintFiles(['no/such/file.sql']), /no such file or directory/);
  await rejects(dg.lintFiles([root + '/docs']), /no migrations found/);
  await rejects(dg.lintFiles(42), /paths must be an array/);
  await rejects(dg.lintFiles(['fixtures/sql'], { dialekt: 'mysql' }), /invalid options: unknown field `dialekt`/);
  await rejects(dg.lintFiles(['fixtures/sql'], { newMigrations: [] }), /belong to checkProject/);
  await rejects(dg.checkProject('fixtures/prisma/pg-blog', { newMigrations: ['nope'] }), /"nope" is not a migration/);
  await rejects(dg.checkProject('fixtures/prisma/pg-blog', { schema: 'oracle:x' }), /unknown source kind/);
  await rejects(dg.checkProject('fixtures/prisma/pg-blog', { config: 'no/driftgate.toml' }), /cannot read no\/driftgate.toml/);
});

await test('work runs on the thread pool: the event loop keeps turning', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const results = await Promise.all([dg.lintFiles(['core/tests/lint']), dg.checkProject('fixtures/prisma/pg-saas'), dg.lintFiles(['fixtures'])].map((p) => p.catch((e) => e)));
  clearInterval(timer);
  assert.ok(results[0].summary.files > 100);
  assert.equal(results[1].format, 'prisma');
  assert.ok(ticks > 0, 'no timer ran while the addon worked');
});

await test('index.d.ts declares exactly the addon\'s functions', async () => {
  const dts = readFileSync(join(here, 'index.d.ts'), 'utf8');
  const declared = [...dts.matchAll(/^export function (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(declared, Object.keys(dg).sort());
});

await test('the wasm package declares the same result types as index.d.ts', async () => {
  if (!existsSync(wasmDts)) throw new Error(`${wasmDts} missing: run scripts/build-wasm.sh`);
  const decls = (text) => {
    const out = new Map();
    for (const m of text.matchAll(/^export (?:interface (\w+)[^{]*\{[\s\S]*?^\}|type (\w+) = [^;]+;)/gm)) {
      out.set(m[1] ?? m[2], m[0].replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' '));
    }
    return out;
  };
  const addon = decls(readFileSync(join(here, 'index.d.ts'), 'utf8'));
  const wasm = decls(readFileSync(wasmDts, 'utf8'));
  for (const name of ['Options', 'Diagnostic', 'Fix', 'Location', 'Statement', 'Migration', 'ReplayResult', 'Schema', 'Table', 'Column', 'RuleInfo', 'CatalogQuery']) {
    assert.ok(wasm.has(name), `wasm .d.ts lacks ${name}`);
  }
  for (const [name, text] of wasm) assert.equal(text, addon.get(name), `${name} differs between the wasm package and index.d.ts`);
  const fn = (text, name) => (text.match(new RegExp(`^export function ${name}\\([^)]*\\): ([^;]+);`, 'm')) ?? [])[1];
  const wasmText = readFileSync(wasmDts, 'utf8');
  const addonText = readFileSync(join(here, 'index.d.ts'), 'utf8');
  for (const name of ['lint', 'splitStatements', 'replay', 'parseDrizzleSnapshot', 'rules', 'catalogQueries', 'schemaFromCatalog']) {
    assert.equal(fn(wasmText, name), fn(addonText, name), `return type of ${name}`);
  }
});

console.log(`${passed} addon host tests passed`);
