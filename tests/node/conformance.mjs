// Cross-host conformance (issue 5): one corpus of cases (every lint fixture,
// SQL with non-ASCII identifiers / emoji / CRLF, every fixture history
// replayed, the Drizzle snapshots, the rule catalog, the catalog queries and
// recorded catalog rows) through the native core
// (tests/examples/api_dump), the wasm package (wasm/pkg/node) and the napi
// addon; every result must be byte-identical JSON.
//
// Usage: node tests/node/conformance.mjs <api_dump binary> <addon .node>
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [dumpBin, addonPath] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const wasm = require(join(root, 'wasm', 'pkg', 'node', 'driftgate_wasm.js'));
const napi = require(addonPath);

const walk = (dir) => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});

// Options from a lint fixture's `-- test:` header (same keys as core/tests/lint_rules.rs).
function headerOptions(sql) {
  const o = {};
  for (const line of sql.split('\n')) {
    if (!line.startsWith('-- test:')) break;
    for (const item of line.slice(8).trim().split(/\s+/)) {
      const [k, v] = item.split('=');
      if (k === 'dialect') o.dialect = v;
      else if (k === 'history') o.history = v;
      else if (k === 'pg-version') o.pgVersion = Number(v);
      else if (k === 'in-transaction') o.assumeInTransaction = true;
      else if (k === 'down') o.filename = 'x.down.sql';
      else if (k === 'enable') o.rules = { ...(o.rules || {}), [v]: 'warning' };
    }
  }
  return o;
}

const cases = [];
for (const f of walk(join(root, 'core', 'tests', 'lint')).filter((p) => p.endsWith('.sql'))) {
  const sql = readFileSync(f, 'utf8');
  cases.push({ fn: 'lint', args: [sql, headerOptions(sql)] });
  cases.push({ fn: 'splitStatements', args: [sql, { dialect: headerOptions(sql).dialect }] });
}
const unicode = [
  '-- 😀 emoji comment\r\nALTER TABLE "naïve_ürün" DROP COLUMN "prix_€";\r\nCREATE INDEX "idx_é" ON "naïve_ürün" ("ß");\r\n',
  'CREATE TABLE "表" ("列" text NOT NULL);\nALTER TABLE "表" ALTER COLUMN "列" TYPE varchar(10); -- 🚀\n',
  "UPDATE café SET note = 'crème brûlée 🍮';\nDROP TABLE \"Ünïcødé\";",
];
for (const sql of unicode) {
  for (const dialect of ['postgres', 'mysql']) {
    cases.push({ fn: 'lint', args: [sql, { dialect }] });
    cases.push({ fn: 'splitStatements', args: [sql, { dialect }] });
  }
}
for (const f of walk(join(root, 'fixtures', 'sql')).filter((p) => p.endsWith('.sql'))) {
  const dialect = f.includes('mysql') ? 'mysql' : 'postgres';
  const sql = readFileSync(f, 'utf8');
  cases.push({ fn: 'lint', args: [sql, { dialect }] });
  cases.push({ fn: 'splitStatements', args: [sql, { dialect }] });
}
// Every fixture history, replayed.
for (const kind of ['drizzle', 'prisma', 'plain']) {
  for (const dir of readdirSync(join(root, 'fixtures', kind))) {
    const base = join(root, 'fixtures', kind, dir);
    if (!statSync(base).isDirectory()) continue;
    const files = walk(base).filter((p) => p.endsWith('.sql') && !p.endsWith('.down.sql') && !p.includes(`${join('schema', '')}`)).sort();
    const dialect = dir.includes('mysql') ? 'mysql' : 'postgres';
    cases.push({ fn: 'replay', args: [files.map((p) => ({ name: p.slice(base.length + 1), sql: readFileSync(p, 'utf8') })), { dialect }] });
  }
}
for (const f of walk(join(root, 'fixtures', 'drizzle')).filter((p) => p.endsWith('_snapshot.json'))) {
  cases.push({ fn: 'parseDrizzleSnapshot', args: [readFileSync(f, 'utf8')] });
}
// Catalog rows recorded from real servers (fixtures/catalog), as text and
// as a JS driver types them, and damaged.
for (const dialect of ['postgres', 'mysql', 'oracle']) cases.push({ fn: 'catalogQueries', args: [dialect] });
const typedKeys = { bool: ['is_array', 'not_null', 'nulls_not_distinct', 'is_unique', 'descending', 'opclass_is_default', 'materialized'], num: ['ordinal', 'sort_order', 'seq_in_index', 'non_unique'] };
for (const f of readdirSync(join(root, 'fixtures', 'catalog')).filter((n) => n.endsWith('.json')).sort()) {
  const { dialect, rows } = JSON.parse(readFileSync(join(root, 'fixtures', 'catalog', f), 'utf8'));
  cases.push({ fn: 'schemaFromCatalog', args: [dialect, rows] });
  const typed = Object.fromEntries(Object.entries(rows).map(([q, rs]) => [q, rs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => {
    if (typeof v !== 'string') return [k, v];
    if (typedKeys.bool.includes(k.toLowerCase())) return [k, v === 't' || v === '1'];
    if (typedKeys.num.includes(k.toLowerCase())) return [k, Number(v)];
    return [k, v];
  })))]));
  cases.push({ fn: 'schemaFromCatalog', args: [dialect, typed] });
  const [first] = Object.keys(rows);
  const { [first]: _dropped, ...missing } = rows;
  cases.push({ fn: 'schemaFromCatalog', args: [dialect, missing] });
  cases.push({ fn: 'schemaFromCatalog', args: [dialect, { ...rows, [first]: [...rows[first], 42] }] });
}
cases.push({ fn: 'rules', args: [] });
cases.push({ fn: 'lint', args: ['SELECT 1', { dialect: 'oracle' }] });
cases.push({ fn: 'lint', args: ['SELECT 1', { rules: { 'no-such-rule': 'off' } }] });
cases.push({ fn: 'parseDrizzleSnapshot', args: ['{"tables": '] });

const native = JSON.parse(execFileSync(dumpBin, { input: JSON.stringify(cases), maxBuffer: 1 << 30 }).toString());
const viaHost = (host) => cases.map((c) => {
  try {
    return { ok: host[c.fn](...c.args) };
  } catch (e) {
    return { error: e.message.replace(/ \(line \d+, column \d+\)$/, '') };
  }
});
let failures = 0;
for (const [name, results] of [['wasm', viaHost(wasm)], ['napi', viaHost(napi)]]) {
  results.forEach((r, i) => {
    const a = JSON.stringify(r);
    const b = JSON.stringify(native[i]);
    if (a !== b) {
      failures++;
      if (failures <= 5) console.error(`${name} differs from native on case ${i} (${cases[i].fn}):\n  ${name}: ${a.slice(0, 300)}\n  native: ${b.slice(0, 300)}`);
    }
  });
}
const nonAscii = cases.filter((c) => typeof c.args[0] === 'string' && /[^\x00-\x7f]/.test(c.args[0])).length;
console.log(`${cases.length} cases (${nonAscii} with non-ASCII text) through native, wasm and napi: ${failures === 0 ? 'identical' : `${failures} differences`}`);
process.exit(failures === 0 ? 0 : 1);
