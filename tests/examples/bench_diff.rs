//! Benchmark for issue 4 (run `scripts/bench-diff.sh`): diff of two
//! 1,000-table models, and replay + check of a 500-migration history, in
//! the core and through the `driftgate check` binary. Prints medians.
//! Targets: diff under 50 ms; replay + check under 300 ms.

use driftgate_core::history::{self, FolderFile};
use driftgate_core::replay::{replay, replay_history, MigrationSource};
use driftgate_core::{check, diff, Dialect};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn table_sql(i: usize, variant: bool) -> String {
    let mut cols = vec![format!("id bigint PRIMARY KEY"), format!("name text NOT NULL"), format!("created_at timestamptz NOT NULL DEFAULT now()")];
    for c in 0..8 {
        cols.push(format!("c{c} {}", if c % 2 == 0 { "integer" } else { "varchar(100)" }));
    }
    if i > 0 {
        cols.push(format!("parent_id bigint REFERENCES t{}(id) ON DELETE CASCADE", i - 1));
    }
    if variant && i % 10 == 0 {
        cols.retain(|c| !c.starts_with("c7 "));
        cols.push("extra jsonb".into());
        cols[1] = "full_name text NOT NULL".into();
        cols[4] = "c1 varchar(200)".into();
    }
    format!("CREATE TABLE t{i} ({});\nCREATE INDEX t{i}_name_idx ON t{i} ({});\n", cols.join(", "), if variant && i % 10 == 0 { "full_name" } else { "name" })
}

fn main() {
    // 1. Diff of two 1,000-table models.
    let a_sql: String = (0..1000).map(|i| table_sql(i, false)).collect();
    let b_sql: String = (0..1000).map(|i| table_sql(i, true)).collect();
    let a = replay(&[MigrationSource { name: "a", sql: &a_sql }], Dialect::Postgres).schema;
    let b = replay(&[MigrationSource { name: "b", sql: &b_sql }], Dialect::Postgres).schema;
    let mut runs = Vec::new();
    let mut changes = 0;
    for _ in 0..15 {
        let t = Instant::now();
        let r = diff::diff(&a, &b, &diff::DiffOptions::default());
        let _sql = diff::render_sql(&r, Dialect::Postgres);
        runs.push(t.elapsed());
        changes = r.changes.len();
    }
    println!("diff of two 1,000-table models ({} tables, {changes} changes, renames scored, SQL rendered): median {:.1} ms (target < 50 ms)", a.tables.len(), median(runs).as_secs_f64() * 1e3);

    // 2. Replay + check of a 500-migration history (core, files in memory).
    let mut files = Vec::new();
    let mut all = String::new();
    for m in 0..500 {
        let sql = if m < 250 {
            table_sql(m, false)
        } else {
            let t = m - 250;
            format!("ALTER TABLE t{t} ADD COLUMN added_{m} text;\nCREATE INDEX t{t}_added_{m}_idx ON t{t} (added_{m});\nALTER TABLE t{t} ALTER COLUMN c0 SET NOT NULL;\n")
        };
        all.push_str(&sql);
        files.push(FolderFile { path: format!("{:04}_m{m}.sql", m + 1), contents: sql.into_bytes() });
    }
    let target = replay(&[MigrationSource { name: "target", sql: &all }], Dialect::Postgres).schema;
    let mut runs = Vec::new();
    for _ in 0..9 {
        let t = Instant::now();
        let h = history::read(&files).unwrap();
        let r = replay_history(&h, Some(Dialect::Postgres));
        let d = check::drift(&r.schema, &target, "schema.sql");
        assert!(d.drift.is_empty());
        runs.push(t.elapsed());
    }
    println!("replay + check of a 500-migration history (core, in memory): median {:.1} ms (target < 300 ms)", median(runs).as_secs_f64() * 1e3);

    // 3. The same through the binary, files on disk.
    let dir = std::env::temp_dir().join("driftgate-bench-check");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("migrations")).unwrap();
    for f in &files {
        std::fs::write(dir.join("migrations").join(&f.path), &f.contents).unwrap();
    }
    std::fs::write(dir.join("schema.sql"), &all).unwrap();
    let bin = std::env::args().nth(1).unwrap_or_else(|| "target/release/driftgate".into());
    let mut runs = Vec::new();
    for _ in 0..9 {
        let t = Instant::now();
        let o = std::process::Command::new(&bin).args(["check", "migrations", "--schema", "sql:schema.sql", "--format", "json"]).current_dir(&dir).output().expect("driftgate binary");
        runs.push(t.elapsed());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    }
    println!("driftgate check of the 500-migration folder (binary, wall clock): median {:.1} ms", median(runs).as_secs_f64() * 1e3);
}
