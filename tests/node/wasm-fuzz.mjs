// The fuzz corpus through the WebAssembly build (issue 5: no panic crosses a
// host boundary). Every file of fuzz/corpus/, every fixture .sql file and
// lint fixture, then random and mutated strings (a seeded PRNG; the
// mutations of core/tests/fuzz_front_end.rs: deletions, duplicated ranges,
// inserted fragments, case swaps, truncation) go through lint (every rule
// on, each runner's semantics), splitStatements, replay and
// parseDrizzleSnapshot for both dialects. A panic in the core would be a
// wasm trap (a WebAssembly.RuntimeError); any exception that is not a
// driftgate Error with a message fails the run, and so does a span outside
// the text.
//
// Usage: node tests/node/wasm-fuzz.mjs [wasm/pkg/node/driftgate_wasm.js]
//   DRIFTGATE_WASM_FUZZ_CASES (default 4000), DRIFTGATE_WASM_FUZZ_SEED (default 20240501)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = resolve(process.argv[2] ?? join(root, 'wasm', 'pkg', 'node', 'driftgate_wasm.js'));
const dg = createRequire(import.meta.url)(pkg);
const CASES = Number(process.env.DRIFTGATE_WASM_FUZZ_CASES ?? 4000);
const SEED = Number(process.env.DRIFTGATE_WASM_FUZZ_SEED ?? 20240501);

// mulberry32: small, seeded, reproducible.
let state = SEED >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n) => Math.floor(random() * n);

const walk = (dir) => readdirSync(dir).sort().flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const seeds = [
  ...walk(join(root, 'fuzz', 'corpus')).filter((p) => !p.includes('/.')),
  ...walk(join(root, 'fixtures')).filter((p) => p.endsWith('.sql')),
  ...walk(join(root, 'core', 'tests', 'lint')).filter((p) => p.endsWith('.sql')),
].map((p) => ({ name: p.slice(root.length + 1), sql: readFileSync(p, 'utf8') }));

const FRAGMENTS = [
  "'", '"', '`', '$$', '$a$', '/*', '*/', '--', '-->', '--> statement-breakpoint\n', '(', ')', ';', ',', '.', '::',
  "E'\\'", 'DO $$ BEGIN ', ' EXCEPTION WHEN others THEN null; END $$;', 'BEGIN', 'END', 'END IF', 'CASE', 'DELIMITER $$\n',
  'DELIMITER ;\n', 'CREATE TABLE', 'ALTER TABLE', 'DROP', 'RENAME', 'CREATE INDEX CONCURRENTLY', 'IF NOT EXISTS', 'TYPE',
  'PRIMARY KEY', 'REFERENCES', 'ON DELETE CASCADE', 'DEFAULT', 'NOT NULL', 'GENERATED ALWAYS AS IDENTITY (', '😀', '🚀', 'é',
  '\r\n', '\n', '\t', '\u0000', '\ufeff', 'CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN', 'LIKE', 'PARTITION OF',
  'USING', 'WHERE', 'ENUM(', 'ADD VALUE', 'MODIFY', 'CHANGE', 'AFTER', 'FIRST', 'SET search_path TO ', '\ud83d',
];

function mutate(seed) {
  let s = seed;
  for (let n = 1 + int(8); n > 0; n--) {
    const pos = int(s.length + 1);
    switch (int(6)) {
      case 0: s = s.slice(0, pos) + s.slice(pos + int(64)); break; // delete a range
      case 1: s = s.slice(0, pos) + FRAGMENTS[int(FRAGMENTS.length)] + s.slice(pos); break; // insert a fragment
      case 2: { const end = pos + int(128); s = s.slice(0, end) + s.slice(pos, end) + s.slice(end); break; } // duplicate a range
      case 3: s = s.slice(0, pos); break; // truncate
      case 4: s = s.replace(/\r?\n/g, (m) => (random() < 0.5 ? '\r\n' : m)); break; // CRLF line endings
      default: { // swap the case of a range (keywords vs identifiers)
        const end = pos + int(32);
        const piece = [...s.slice(pos, end)].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
        s = s.slice(0, pos) + piece + s.slice(end);
      }
    }
  }
  return s;
}

function randomText() {
  if (random() < 0.5) return Array.from({ length: int(60) }, () => FRAGMENTS[int(FRAGMENTS.length)]).join(' ');
  // Any code points, surrogates and controls included.
  return Array.from({ length: int(400) }, () => String.fromCodePoint(random() < 0.8 ? int(0x80) : int(0x110000))).join('');
}

const allRules = Object.fromEntries(dg.rules().map((r) => [r.id, 'info']));
const HISTORIES = ['plain', 'prisma', 'drizzle'];
let calls = 0;
let errors = 0;
let failures = 0;
let round = 0;

function fail(what, input, detail) {
  failures++;
  if (failures <= 5) console.error(`FAIL ${what}: ${detail}\n  input (${input.length} UTF-16 units): ${JSON.stringify(input.slice(0, 300))}`);
}

function call(what, input, fn) {
  calls++;
  try {
    return fn();
  } catch (e) {
    const isDriftgateError = e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && typeof e.message === 'string' && e.message.length > 0;
    if (!isDriftgateError) {
      fail(what, input, `${e?.constructor?.name}: ${e?.message ?? e}`);
    } else {
      errors++;
    }
    return undefined;
  }
}

function inBounds(what, input, items) {
  for (const x of items ?? []) {
    for (const loc of [x, x.fix, x.error].filter(Boolean)) {
      if (!(loc.start >= 0 && loc.start <= loc.end && loc.end <= input.length && loc.line >= 1 && loc.column >= 1)) {
        fail(what, input, `span ${JSON.stringify({ start: loc.start, end: loc.end, line: loc.line, column: loc.column })} outside the text`);
        return;
      }
    }
  }
}

function check(name, sql) {
  round++;
  for (const dialect of ['postgres', 'mysql']) {
    const history = HISTORIES[round % HISTORIES.length];
    const pgVersion = [10, 11, 15, 17][round % 4];
    inBounds('lint', sql, call('lint', sql, () => dg.lint(sql, { dialect, history, pgVersion, rules: allRules, filename: round % 7 === 0 ? 'x.down.sql' : name })));
    inBounds('splitStatements', sql, call('splitStatements', sql, () => dg.splitStatements(sql, { dialect })));
    const r = call('replay', sql, () => dg.replay([{ name, sql }, { name: `${name}#2`, sql }], { dialect }));
    if (r && r.summary.files !== 2) fail('replay', sql, `summary.files = ${r.summary.files}`);
  }
  call('parseDrizzleSnapshot', sql, () => dg.parseDrizzleSnapshot(sql));
}

const started = Date.now();
for (const s of seeds) check(s.name, s.sql);
for (let i = 0; i < CASES; i++) {
  if (i % 3 === 0) check(`random-${i}.sql`, randomText());
  else check(`mutated-${i}.sql`, mutate(seeds[int(seeds.length)].sql));
}
// A malformed snapshot and options must be errors, not traps.
for (const bad of ['{"tables": ', '[]', '{"version":"7","dialect":"postgresql","tables":{"t":{"columns":5}}}']) call('parseDrizzleSnapshot', bad, () => dg.parseDrizzleSnapshot(bad));
call('lint', 'x', () => dg.lint('SELECT 1', { dialect: 'oracle' }));
call('replay', 'x', () => dg.replay([{ nom: 'x' }]));

const total = seeds.length + CASES;
console.log(`wasm fuzz: ${total} inputs (${seeds.length} corpus/fixture files + ${CASES} random/mutated, seed ${SEED}), ${calls} calls, ${errors} thrown driftgate Errors, ${failures} failures, ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(failures === 0 ? 0 : 1);
