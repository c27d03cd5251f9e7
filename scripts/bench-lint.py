#!/usr/bin/env python3
"""Lint benchmark: driftgate vs squawk on the same Postgres migration files.

Builds a corpus of at least 1,500 files and 1 MB from the repository's
Postgres fixtures (copies of each file, one file per directory so both tools
lint each file on its own), runs `driftgate lint` and `squawk` on it several
times, and prints the CPU time (user + system, from the kernel's rusage) of
each run, the medians and the ratio. Target: driftgate <= 1/3 of squawk.
"""
import os, resource, shutil, statistics, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "target" / "bench-lint-corpus"
DRIFTGATE = ROOT / "target" / "release" / "driftgate"
# The native binary that npm's squawk-cli wraps: timing the wrapper would add
# Node's start-up to squawk's side and flatter driftgate.
SQUAWK = ROOT / "tools" / "bench" / "node_modules" / "@squawk-cli" / "linux-x64" / "bin" / "squawk"
RUNS = int(os.environ.get("BENCH_RUNS", "11"))


def pg_sources():
    fx = ROOT / "fixtures"
    files = []
    for pattern in ["drizzle/pg-*/migrations/*.sql", "prisma/pg-*/prisma/migrations/*/migration.sql", "plain/*-pg/*.sql", "sql/pg-*.sql"]:
        files += sorted(fx.glob(pattern))
    return files


def build_corpus(min_files=1500, min_bytes=1_000_000):
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    sources = [(p, p.read_bytes()) for p in pg_sources()]
    n = total = 0
    while n < min_files or total < min_bytes:
        for p, data in sources:
            d = CORPUS / f"{n:05d}"
            d.mkdir(parents=True)
            # Standalone files: a copy named migration.sql in NNNNN/ would
            # make the corpus root look like one Prisma history of 1,500
            # migrations, and driftgate would lint it as that.
            name = f"{p.parent.name}.sql" if p.name in ("migration.sql", "down.sql") else p.name
            (d / name).write_bytes(data)
            n += 1
            total += len(data)
    return sorted(CORPUS.glob("*/*.sql")), total


def cpu_of(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main():
    for tool in (DRIFTGATE, SQUAWK):
        if not tool.exists():
            sys.exit(f"missing {tool}: run scripts/bench-lint.sh (builds driftgate, installs squawk-cli)")
    files, total = build_corpus()
    rel = [str(f.relative_to(ROOT)) for f in files]
    print(f"corpus: {len(files)} Postgres migration files, {total / 1e6:.2f} MB (copies of {len(pg_sources())} fixture files)")
    cmds = {
        "driftgate": [str(DRIFTGATE), "lint", "--fail-on", "never", "--format", "json", *rel],
        "squawk": [str(SQUAWK), "--reporter", "json", *rel],
    }
    for cmd in cmds.values():
        cpu_of(cmd)  # warm the page cache
    # Interleave the tools so that load from anything else on the machine
    # falls on both alike; compare medians.
    runs = {name: [] for name in cmds}
    for _ in range(RUNS):
        for name, cmd in cmds.items():
            runs[name].append(cpu_of(cmd))
    results = {}
    for name, rs in runs.items():
        results[name] = statistics.median(c for c, _ in rs)
        print(f"{name:10} cpu s per run: {' '.join(f'{c:.3f}' for c, _ in rs)}  (median {results[name]:.3f}, wall median {statistics.median(w for _, w in rs):.3f})")
    pairs = sorted(d[0] / s[0] for d, s in zip(runs["driftgate"], runs["squawk"]))
    print(f"per-round ratios: min {pairs[0]:.3f}, median {statistics.median(pairs):.3f}, max {pairs[-1]:.3f}")
    ratio = results["driftgate"] / results["squawk"]
    print(f"driftgate / squawk CPU time: {ratio:.3f}  (target <= 0.333: {'met' if ratio <= 1/3 else 'NOT met'})")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
