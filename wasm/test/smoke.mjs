// Smoke test of the wasm build's Node package (wasm/pkg/node, made by
// `scripts/build-wasm.sh` without --check). Run: node wasm/test/smoke.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const dg = require(join(root, 'wasm', 'pkg', 'node', 'driftgate_wasm.js'));

let passed = 0;
function test(name, fn) {
  fn();
  passed++;
  console.log(`ok - ${name}`);
}

test('splitStatements splits and classifies', () => {
  const sql = 'CREATE TABLE a (id int); DROP TABLE a;';
  const stmts = dg.splitStatements(sql);
  assert.equal(stmts.length, 2);
  assert.deepEqual(stmts.map((s) => s.index), [0, 1]);
  assert.deepEqual(stmts.map((s) => s.status), ['parsed', 'parsed']);
  // Offsets are UTF-16 code units: they slice JS strings.
  assert.equal(sql.slice(stmts[0].start, stmts[0].end), 'CREATE TABLE a (id int)');
  assert.equal(sql.slice(stmts[1].start, stmts[1].end), 'DROP TABLE a');
  assert.equal(Object.getPrototypeOf(stmts[0]), Object.prototype, 'plain objects, not Maps');
});

test('splitStatements options: dialect', () => {
  const my = dg.splitStatements('CREATE TABLE `a` (id int AUTO_INCREMENT PRIMARY KEY);', { dialect: 'mysql' });
  assert.equal(my.length, 1);
  assert.equal(my[0].status, 'parsed');
  assert.equal(dg.splitStatements('SELECT 1', {}).length, 1);
  assert.equal(dg.splitStatements('SELECT 1', null).length, 1);
  assert.throws(() => dg.splitStatements('SELECT 1', { dialect: 'oracle' }), /unknown dialect "oracle"/);
});

test('replay builds a schema', () => {
  const res = dg.replay([
    { name: '0001.sql', sql: 'CREATE TABLE a (id int PRIMARY KEY, name text NOT NULL);' },
    { name: '0002.sql', sql: 'ALTER TABLE a ADD COLUMN b int; CREATE TABLE gone (x int); DROP TABLE gone;' },
  ]);
  assert.deepEqual(Object.keys(res).sort(), ['schema', 'summary', 'unmodelled', 'unparsed']);
  assert.equal(res.summary.files, 2);
  assert.equal(res.summary.statements, 4);
  const tables = Object.values(res.schema.tables);
  assert.equal(tables.length, 1);
  assert.equal(tables[0].name, 'a');
  assert.deepEqual(tables[0].columns.map((c) => c.name), ['id', 'name', 'b']);
  assert.throws(() => dg.replay([{ name: 'x.sql' }]), /migrations must be an array of \{name, sql\} objects/);
});

test('parseDrizzleSnapshot agrees with replay of the same drizzle-kit history', () => {
  const dir = join(root, 'fixtures', 'drizzle', 'pg-shop', 'migrations');
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8'));
  const migrations = journal.entries.map((e) => ({
    name: `${e.tag}.sql`,
    sql: readFileSync(join(dir, `${e.tag}.sql`), 'utf8'),
  }));
  const last = journal.entries.at(-1).idx.toString().padStart(4, '0');
  const snapshot = dg.parseDrizzleSnapshot(readFileSync(join(dir, 'meta', `${last}_snapshot.json`), 'utf8'));
  assert.ok(Object.keys(snapshot.tables).length > 0);
  // Not deepEqual: snapshots omit primary-key names and keep the declared
  // column order; the core's own tests compare the models exactly.
  const replayed = dg.replay(migrations).schema;
  assert.deepEqual(Object.keys(replayed.tables), Object.keys(snapshot.tables));
  assert.deepEqual(replayed.enums, snapshot.enums);
  for (const [key, table] of Object.entries(snapshot.tables)) {
    const names = (t) => t.columns.map((c) => c.name).sort();
    assert.deepEqual(names(replayed.tables[key]), names(table), key);
  }
});

test('parseDrizzleSnapshot throws an Error with line and column', () => {
  let err;
  try {
    dg.parseDrizzleSnapshot('{\n  "tables": ');
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error, 'an Error');
  assert.match(err.message, /not valid JSON/);
  assert.equal(err.line, 2);
  assert.equal(typeof err.column, 'number');
});

test('lint: UTF-16 spans on non-ASCII SQL, rule options, errors', () => {
  const sql = '-- 😀 naïve\r\nALTER TABLE "café" DROP COLUMN "prix";';
  const diags = dg.lint(sql);
  const d = diags.find((x) => x.rule === 'drop-column');
  assert.ok(d, JSON.stringify(diags));
  assert.equal(sql.slice(d.start, d.end), 'ALTER TABLE "café" DROP COLUMN "prix"');
  assert.equal(d.line, 2);
  assert.equal(d.severity, 'error');
  assert.ok(!dg.lint(sql, { rules: { 'drop-column': 'off' } }).some((x) => x.rule === 'drop-column'));
  assert.throws(() => dg.lint(sql, { rules: { 'drop-colum': 'off' } }), /unknown rule/);
  assert.throws(() => dg.lint(sql, { dialekt: 'mysql' }), /invalid options/);
});

test('rules() lists the catalog with documentation', () => {
  const rules = dg.rules();
  assert.ok(rules.length >= 37);
  const r = rules.find((x) => x.id === 'set-not-null');
  assert.match(r.documentation, /VALIDATE CONSTRAINT/);
});

console.log(`${passed} passed`);
