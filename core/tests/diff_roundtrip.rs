//! Oracle for the diff engine: the SQL it renders replays back to the target.
//!
//! For every fixture history (Drizzle, Prisma, plain) and every pair of
//! consecutive prefixes `k → k+1`, plus `empty → full` and `full → empty`,
//! and for every Prisma project between its schema.prisma model and the
//! replay of its migrations (both ways), and likewise for every Drizzle
//! history's latest snapshot: `a` and `b` are the two models,
//! `sql = render_sql(diff(a, b))`, and replaying `sql` on top of `a` must
//! give `b` exactly (`differences` empty) with nothing unmodelled.

use driftgate_core::diff::{diff, render_sql, DiffOptions};
use driftgate_core::history::{self, FolderFile, History};
use driftgate_core::replay::{replay_from, replay_history, MigrationSource};
use driftgate_core::schema::Schema;
use driftgate_core::Dialect;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn read_folder(root: &Path, dir: &Path, out: &mut Vec<FolderFile>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_folder(root, &p, out);
        } else {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push(FolderFile { path: rel, contents: std::fs::read(&p).unwrap() });
        }
    }
}

/// (name, folder, dialect override for plain folders)
fn histories() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for (kind, sub) in [("drizzle", "migrations"), ("prisma", "prisma/migrations"), ("plain", "")] {
        let base = repo().join("fixtures").join(kind);
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
        dirs.sort();
        for d in dirs {
            let folder = if sub.is_empty() { d.clone() } else { d.join(sub) };
            if folder.is_dir() {
                out.push((format!("{kind}/{}", d.file_name().unwrap().to_string_lossy()), folder));
            }
        }
    }
    out
}

fn dialect_of(name: &str, h: &History) -> Dialect {
    h.dialect.unwrap_or(if name.contains("mysql") { Dialect::Mysql } else { Dialect::Postgres })
}

fn prefix(h: &History, k: usize) -> History {
    History { migrations: h.migrations[..k].to_vec(), ..h.clone() }
}

/// Diff `a → b`, replay the script on `a`, compare with `b`. `Err` describes the failure.
fn round_trip(a: &Schema, b: &Schema) -> Result<usize, String> {
    let result = diff(a, b, &DiffOptions::default());
    let sql = render_sql(&result, b.dialect);
    let c = replay_from(a.clone(), &[MigrationSource { name: "diff.sql", sql: &sql }]);
    let diffs = c.schema.differences(b);
    if diffs.is_empty() && c.unmodelled.is_empty() {
        // Diffing the result against the target must now find nothing.
        let again = diff(&c.schema, b, &DiffOptions::default());
        if !again.changes.is_empty() {
            return Err(format!("second diff not empty: {:?}\n--- sql ---\n{sql}", again.changes.iter().map(|c| format!("{} {}", c.kind, c.object)).collect::<Vec<_>>()));
        }
        return Ok(result.changes.len());
    }
    Err(format!(
        "differences: {diffs:#?}\nunmodelled: {:#?}\n--- sql ---\n{sql}",
        c.unmodelled.iter().map(|u| format!("stmt {} line {}: {} ({})", u.statement, u.line, u.reason, u.kind)).collect::<Vec<_>>()
    ))
}

#[test]
fn rendered_diff_replays_to_the_target() {
    let mut pairs = 0;
    let mut changes = 0;
    let mut failures = Vec::new();
    let mut check = |label: String, a: &Schema, b: &Schema, failures: &mut Vec<String>| {
        pairs += 1;
        match round_trip(a, b) {
            Ok(n) => changes += n,
            Err(e) => failures.push(format!("{label}:\n{e}")),
        }
    };
    for (name, dir) in histories() {
        let mut files = Vec::new();
        read_folder(&dir, &dir, &mut files);
        let h = history::read(&files).unwrap();
        let d = dialect_of(&name, &h);
        let n = h.migrations.len();
        assert!(n > 0, "{name}: no migrations");
        let models: Vec<Schema> = (0..=n).map(|k| replay_history(&prefix(&h, k), Some(d)).schema).collect();
        for k in 0..n {
            check(format!("{name} {k} → {}", k + 1), &models[k], &models[k + 1], &mut failures);
        }
        let empty = Schema::new(d);
        check(format!("{name} empty → full"), &empty, &models[n], &mut failures);
        check(format!("{name} full → empty"), &models[n], &empty, &mut failures);
        // Drizzle: the latest snapshot (unnamed primary keys, drizzle-kit's
        // own discrepancies) and the history's model, both ways.
        if let Some(snap) = h.migrations[n - 1].snapshot_path.as_ref().map(|p| dir.join(p)).filter(|p| p.is_file()) {
            let snapshot = driftgate_core::drizzle::parse_snapshot(&std::fs::read_to_string(&snap).unwrap()).unwrap();
            check(format!("{name} snapshot → replay"), &snapshot, &models[n], &mut failures);
            check(format!("{name} replay → snapshot"), &models[n], &snapshot, &mut failures);
            check(format!("{name} empty → snapshot"), &empty, &snapshot, &mut failures);
        }
        // Prisma: the schema file's model and the history's, both ways.
        let prisma_file = dir.parent().map(|p| p.join("schema.prisma"));
        if let Some(path) = prisma_file.filter(|p| p.is_file()) {
            let text = std::fs::read_to_string(&path).unwrap();
            let parsed = driftgate_core::prisma::parse_schema(&[("schema.prisma", &text)]).unwrap();
            check(format!("{name} schema.prisma → replay"), &parsed.schema, &models[n], &mut failures);
            check(format!("{name} replay → schema.prisma"), &models[n], &parsed.schema, &mut failures);
            check(format!("{name} empty → schema.prisma"), &empty, &parsed.schema, &mut failures);
        }
    }
    println!("diff round trip: {pairs} pairs checked, {changes} changes rendered, {} failures", failures.len());
    assert!(failures.is_empty(), "{} of {pairs} round trips failed:\n\n{}", failures.len(), failures.join("\n\n"));
}
