// The measurements of scripts/bench-hosts.sh (run that; it builds what this needs).
// Usage: node scripts/bench-hosts.mjs <addon .node> <wasm/pkg/node/driftgate_wasm.js>
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [addonPath, wasmPath] = process.argv.slice(2);
const RUNS = Number(process.env.BENCH_RUNS ?? 51);
const LOADS = Number(process.env.BENCH_LOADS ?? 31);
const LINES = 2000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (ns) => Number(ns) / 1e6;

// A 2,000-line Postgres migration: the fixtures' Postgres migrations in
// order (whole files), cut at the first statement end after line 2,000.
const walk = (dir) => readdirSync(dir).sort().flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const sources = ['drizzle/pg-shop', 'drizzle/pg-saas', 'drizzle/pg-legacy', 'prisma/pg-blog', 'prisma/pg-saas', 'plain/numbered-pg', 'plain/flyway-pg']
  .flatMap((d) => walk(join(root, 'fixtures', d)))
  .filter((p) => p.endsWith('.sql') && !p.endsWith('.down.sql'));
let lines = [];
for (let round = 0; lines.length < LINES; round++) {
  for (const p of sources) lines.push(`-- ${p.slice(root.length + 1)} (copy ${round + 1})`, ...readFileSync(p, 'utf8').replace(/\r\n/g, '\n').trimEnd().split('\n'));
}
lines = lines.slice(0, LINES);
let sql = lines.join('\n') + '\n';
sql = sql.slice(0, sql.lastIndexOf(';') + 1) + '\n';
mkdirSync(join(root, 'target', 'bench-hosts'), { recursive: true });
const file = join(root, 'target', 'bench-hosts', 'migration-2000.sql');
writeFileSync(file, sql);
const lineCount = sql.split('\n').length - 1;

// Lint latency: BENCH_PROCS fresh Node processes (this VM's timings vary
// from process to process), each timing RUNS interleaved calls per host
// after a warm-up; the figure is the median of all calls.
if (process.env.BENCH_HOSTS_CHILD) {
  const require = createRequire(import.meta.url);
  const hosts = { addon: require(addonPath), wasm: require(wasmPath) };
  const times = { addon: [], wasm: [] };
  for (const h of Object.values(hosts)) for (let i = 0; i < 5; i++) h.lint(sql);
  for (let i = 0; i < RUNS; i++) {
    for (const [name, h] of Object.entries(hosts)) {
      const t0 = process.hrtime.bigint();
      h.lint(sql);
      times[name].push(ms(process.hrtime.bigint() - t0));
    }
  }
  console.log(JSON.stringify(times));
  process.exit(0);
}
const require = createRequire(import.meta.url);
const hosts = { addon: require(addonPath), wasm: require(wasmPath) };
const expected = JSON.stringify(hosts.addon.lint(sql));
if (JSON.stringify(hosts.wasm.lint(sql)) !== expected) throw new Error('addon and wasm disagree on the benchmark migration');
const findings = JSON.parse(expected).length;
const statements = hosts.addon.splitStatements(sql).length;
const PROCS = Number(process.env.BENCH_PROCS ?? 5);
const times = { addon: [], wasm: [] };
const perProcess = { addon: [], wasm: [] };
for (let p = 0; p < PROCS; p++) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), addonPath, wasmPath], { env: { ...process.env, BENCH_HOSTS_CHILD: '1' }, maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`benchmark process failed: ${r.stderr}`);
  const t = JSON.parse(r.stdout.toString());
  for (const name of ['addon', 'wasm']) {
    times[name].push(...t[name]);
    perProcess[name].push(median(t[name]));
  }
}

// Load time: fresh processes, interleaved with the empty-script baseline.
// Each also reports how long require() itself took inside it (hrtime), a
// figure free of process start-up noise.
const run = (code) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`node -e ${JSON.stringify(code)} failed`);
  return [ms(process.hrtime.bigint() - t0), Number(r.stdout.toString() || 0)];
};
const timedRequire = (p) => `const t = process.hrtime.bigint(); require(${JSON.stringify(p)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))`;
const load = { base: [], addon: [], wasm: [], addonInside: [], wasmInside: [] };
for (let i = 0; i < LOADS; i++) {
  load.base.push(run('')[0]);
  const [a, ai] = run(timedRequire(addonPath));
  const [w, wi] = run(timedRequire(wasmPath));
  load.addon.push(a);
  load.addonInside.push(ai);
  load.wasm.push(w);
  load.wasmInside.push(wi);
}

const row = (label, value, target) => `${label.padEnd(44)} ${value.toFixed(2).padStart(8)} ms   target <= ${target} ms   ${value <= target ? 'ok' : 'OVER'}`;
console.log(`benchmark migration: ${lineCount} lines, ${(sql.length / 1024).toFixed(0)} KB, ${statements} statements, ${findings} findings (${file.slice(root.length + 1)})`);
console.log(`node ${process.version}, ${PROCS} processes x ${RUNS} lint() calls per host, ${LOADS} fresh processes per load figure`);
console.log(row('lint() through the napi addon (median)', median(times.addon), 5));
console.log(row('lint() through the wasm package (median)', median(times.wasm), 10));
const baseline = median(load.base);
console.log(row(`addon load (median ${median(load.addon).toFixed(1)} - node -e "" ${baseline.toFixed(1)})`, median(load.addon) - baseline, 30));
console.log(`${'  require() of the addon inside those processes'.padEnd(44)} ${median(load.addonInside).toFixed(2).padStart(8)} ms`);
console.log(`${'wasm package load, for comparison'.padEnd(44)} ${(median(load.wasm) - baseline).toFixed(2).padStart(8)} ms   (require() inside: ${median(load.wasmInside).toFixed(2)} ms)`);
const range = (xs) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;
console.log(`per-process medians (ms): addon ${range(perProcess.addon)}, wasm ${range(perProcess.wasm)}`);
