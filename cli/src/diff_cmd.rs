//! `driftgate diff --from SRC --to SRC`: the changes between two copies of a
//! schema, classified, with renames told apart from drops.

use crate::folder::read_folder;
use driftgate_core::diff::{self, DiffOptions, DiffResult};
use driftgate_core::source::{self, Loaded, SourceSpec};
use driftgate_core::Dialect;
use std::path::Path;

/// Read a source: the host part (files) of `source::*`.
pub fn load(spec: &str, dialect: Option<Dialect>) -> Result<Loaded, String> {
    let spec = SourceSpec::parse(spec)?;
    let read_dir = |p: &str| read_folder(Path::new(p)).map_err(|e| format!("cannot read {p}: {e}"));
    match spec {
        SourceSpec::Empty => Ok(Loaded { schema: driftgate_core::schema::Schema::new(dialect.unwrap_or_default()), notes: vec![], dialect_known: false, rename_hints: vec![] }),
        SourceSpec::Migrations(p) => source::from_migrations(&read_dir(&p)?, dialect).map_err(|e| format!("{p}: {e}")),
        SourceSpec::Sql(p) => {
            let text = std::fs::read_to_string(&p).map_err(|e| format!("cannot read {p}: {e}"))?;
            Ok(source::from_sql(&p, &text, dialect.unwrap_or_default()))
        }
        SourceSpec::Prisma(p) => {
            let path = Path::new(&p);
            let mut files: Vec<(String, String)> = Vec::new();
            if path.is_dir() {
                let mut entries: Vec<_> = std::fs::read_dir(path).map_err(|e| format!("cannot read {p}: {e}"))?.flatten().map(|e| e.path()).filter(|f| f.extension().is_some_and(|x| x == "prisma")).collect();
                entries.sort();
                for f in entries {
                    files.push((f.display().to_string(), std::fs::read_to_string(&f).map_err(|e| format!("cannot read {}: {e}", f.display()))?));
                }
                if files.is_empty() {
                    return Err(format!("{p}: no .prisma files"));
                }
            } else {
                files.push((p.clone(), std::fs::read_to_string(path).map_err(|e| format!("cannot read {p}: {e}"))?));
            }
            let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            source::from_prisma(&refs)
        }
        SourceSpec::Drizzle(p) => {
            let path = Path::new(&p);
            if path.is_dir() {
                let files = read_dir(&p)?;
                let snap = source::latest_drizzle_snapshot(&files).map_err(|e| format!("{p}: {e}"))?;
                source::from_drizzle_snapshot(&String::from_utf8_lossy(&snap.contents)).map_err(|e| format!("{p}/{}: {e}", snap.path))
            } else {
                let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {p}: {e}"))?;
                source::from_drizzle_snapshot(&text).map_err(|e| format!("{p}: {e}"))
            }
        }
        SourceSpec::Database(url) => {
            let (schema, _) = crate::introspect::introspect_url(&url)?;
            Ok(Loaded { schema, notes: vec![], dialect_known: true, rename_hints: vec![] })
        }
    }
}

pub struct DiffReport {
    pub from: Loaded,
    pub to: Loaded,
    pub result: DiffResult,
    pub dialect: Dialect,
}

pub fn run(from: &str, to: &str, dialect: Option<Dialect>) -> Result<DiffReport, String> {
    let a = load(from, dialect)?;
    let b = load(to, dialect.or(a.dialect_known.then_some(a.schema.dialect)))?;
    // A source that does not fix its dialect follows the other one.
    let (a, b) = match (a.dialect_known, b.dialect_known) {
        (false, true) if dialect.is_none() && a.schema.dialect != b.schema.dialect => (load(from, Some(b.schema.dialect))?, b),
        _ => (a, b),
    };
    if a.schema.dialect != b.schema.dialect {
        return Err(format!("{from} is {} but {to} is {}: compare sources of one dialect", a.schema.dialect.name(), b.schema.dialect.name()));
    }
    let d = b.schema.dialect;
    // `-- driftgate:renamed-from` comments in the target's SQL are explicit renames.
    let options = DiffOptions { renames: b.rename_hints.clone(), ..DiffOptions::default() };
    let result = diff::diff(&a.schema, &b.schema, &options);
    Ok(DiffReport { from: a, to: b, result, dialect: d })
}

pub fn render_tty(r: &DiffReport, script: bool) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    for n in r.from.notes.iter().chain(&r.to.notes) {
        let _ = writeln!(o, "note: {n}");
    }
    if r.result.changes.is_empty() {
        let _ = writeln!(o, "no differences");
        return o;
    }
    for c in &r.result.changes {
        let classes: Vec<String> = c.classification.iter().map(|k| serde_json::to_value(k).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()).collect();
        let _ = writeln!(o, "{:24} {}  [{}]", c.kind, c.object, classes.join(", "));
    }
    for rn in &r.result.renames {
        let kind = match rn.kind {
            diff::RenameKind::Column => "column",
            diff::RenameKind::Table => "table",
        };
        let _ = writeln!(o, "rename {kind} {}{} -> {} (score {:.2}: {})", rn.table.as_deref().map(|t| format!("{t}.")).unwrap_or_default(), rn.from, rn.to, rn.score, rn.evidence.join("; "));
    }
    for rn in r.result.rename_candidates.iter().filter(|c| c.score > 0.0) {
        let _ = writeln!(o, "not a rename? {}{} -> {} (score {:.2} below the threshold: {})", rn.table.as_deref().map(|t| format!("{t}.")).unwrap_or_default(), rn.from, rn.to, rn.score, rn.evidence.join("; "));
    }
    let _ = writeln!(o, "{} change(s), {} rename(s)", r.result.changes.len(), r.result.renames.len());
    if script {
        o.push('\n');
        o.push_str(&diff::render_sql(&r.result, r.dialect));
    }
    o
}

pub fn render_json(r: &DiffReport) -> String {
    let v = serde_json::json!({
        "version": 1,
        "dialect": r.dialect,
        "changes": r.result.changes,
        "renames": r.result.renames,
        "renameCandidates": r.result.rename_candidates,
        "notes": r.from.notes.iter().chain(&r.to.notes).collect::<Vec<_>>(),
        "sql": diff::render_sql(&r.result, r.dialect),
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
