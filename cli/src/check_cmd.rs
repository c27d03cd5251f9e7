//! `driftgate check [DIR]`: the pull-request gate, no database. History
//! integrity, the replayed history against the schema file, and lint of the
//! migrations added since a git ref.

use crate::diff_cmd;
use crate::lint_cmd::{self, FileReport, LintArgs};
use driftgate_core::check::{self, DriftReport};
use driftgate_core::history::{History, HistoryFormat, HistoryIssue};
use driftgate_core::lint::Severity;
use driftgate_core::{replay, Dialect};
use std::path::{Path, PathBuf};

pub struct CheckArgs {
    pub dir: PathBuf,
    pub schema: Option<String>,
    pub since: Option<String>,
    pub dialect: Option<Dialect>,
    pub pg_version: Option<u32>,
}

pub struct CheckReport {
    pub history_dir: PathBuf,
    pub format: HistoryFormat,
    pub issues: Vec<HistoryIssue>,
    /// What the history was compared with, and the result.
    pub target: Option<(String, DriftReport)>,
    pub notes: Vec<String>,
    pub lint: Vec<FileReport>,
}

impl CheckReport {
    /// Exit 1: any history problem, any drift, any error-level lint finding.
    pub fn failed(&self) -> bool {
        check::failed(&self.issues, self.target.as_ref().map(|(_, d)| d), self.lint.iter().flat_map(|f| &f.diagnostics).any(|d| d.severity == Severity::Error))
    }
}

/// The schema file beside a history (`check::SchemaBeside`: Prisma's
/// schema.prisma or schema/ one level up; Drizzle's latest snapshot).
fn default_target(dir: &Path, h: &History) -> Option<String> {
    check::SchemaBeside::candidates(h.format).iter().find_map(|c| {
        let (up, entry, is_dir) = c.location();
        let mut p = dir.to_path_buf();
        for _ in 0..up {
            p = p.parent()?.to_path_buf();
        }
        if let Some(e) = entry {
            p = p.join(e);
        }
        let exists = if is_dir { p.is_dir() } else { p.is_file() };
        exists.then(|| format!("{}:{}", c.source_kind(), p.display()))
    })
}

/// `--schema` accepts a source spelling or a path whose kind is obvious.
fn schema_source(s: &str) -> String {
    check::schema_spelling(s, Path::new(s).is_dir())
}

pub fn run(args: &CheckArgs) -> Result<CheckReport, String> {
    let Some((dir, h)) = lint_cmd::find_history(&args.dir)? else {
        return Err(format!("{}: no migrations found (expected a Prisma migrations folder, a Drizzle out folder or .sql files)", args.dir.display()));
    };
    let mut notes = Vec::new();
    let target_spec = args.schema.as_deref().map(schema_source).or_else(|| default_target(&dir, &h));
    let target = match target_spec {
        Some(spec) => {
            let loaded = diff_cmd::load(&spec, args.dialect.or(h.dialect))?;
            notes.extend(loaded.notes.iter().cloned());
            let replayed = replay::replay_history(&h, args.dialect.or(h.dialect).or(Some(loaded.schema.dialect)));
            notes.extend(replayed.unmodelled.iter().map(|u| format!("{}:{}:{}: not modelled: {}", u.migration, u.line, u.column, u.reason)));
            let name = spec.split_once(':').map_or(spec.as_str(), |(_, p)| p).to_string();
            let source_kind = spec.split_once(':').map_or("", |(k, _)| k);
            let shown = check::schema_label(source_kind, &name, Path::new(&name).is_dir());
            let kind = check::target_kind(source_kind);
            let report = check::drift_against(&replayed.schema, &loaded.schema, &shown, kind);
            notes.extend(report.inexpressible.iter().cloned());
            Some((name, report))
        }
        None => {
            notes.push("no schema file to compare with (plain SQL folder): pass --schema prisma:PATH, drizzle:PATH or sql:FILE".into());
            None
        }
    };
    // Only new migrations are linted: old, applied ones would fail CI forever.
    let lint = match &args.since {
        Some(since) => lint_cmd::run(&LintArgs { paths: vec![dir.display().to_string()], dialect: args.dialect, pg_version: args.pg_version, since: Some(since.clone()), config: None })?,
        None => {
            notes.push("lint skipped: pass --since <base branch> to lint the migrations this change adds (e.g. --since origin/main)".into());
            Vec::new()
        }
    };
    Ok(CheckReport { history_dir: dir, format: h.format, issues: h.issues, target, notes, lint })
}

pub fn render_tty(r: &CheckReport, color: bool) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "{} ({} history)", r.history_dir.display(), r.format.name());
    for i in &r.issues {
        let _ = writeln!(o, "history {}: {} ({})", i.code, i.message, i.path);
    }
    match &r.target {
        Some((name, d)) if d.drift.is_empty() => {
            let _ = writeln!(o, "the migrations produce exactly {name}");
        }
        Some((name, d)) => {
            let _ = writeln!(o, "drift between the migrations and {name}:");
            for x in &d.drift {
                let _ = writeln!(o, "  {}", x.message);
            }
            let _ = writeln!(o, "\nthe migration that would bring the history to {name}:\n{}", d.migration_sql);
        }
        None => {}
    }
    for n in &r.notes {
        let _ = writeln!(o, "note: {n}");
    }
    if !r.lint.iter().all(|f| f.diagnostics.is_empty()) {
        o.push('\n');
        o.push_str(&crate::render::tty(&r.lint, color));
    }
    let _ = writeln!(o, "{}", if r.failed() { "check failed" } else { "check passed" });
    o
}

pub fn render_json(r: &CheckReport) -> String {
    let lint: serde_json::Value = serde_json::from_str(&crate::render::json(&r.lint)).unwrap_or_default();
    let v = serde_json::json!({
        "version": 1,
        "history": r.history_dir.display().to_string(),
        "format": r.format.name(),
        "historyIssues": r.issues,
        "schema": r.target.as_ref().map(|(n, _)| n),
        "drift": r.target.as_ref().map(|(_, d)| &d.drift),
        "migrationSql": r.target.as_ref().map(|(_, d)| &d.migration_sql),
        "notes": r.notes,
        "lint": lint,
        "passed": !r.failed(),
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
