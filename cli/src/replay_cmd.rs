//! `driftgate replay PATH`: the schema a migration folder (or one SQL file) produces.

use crate::folder::read_folder;
use driftgate_core::history::{self, History, HistoryIssue};
use driftgate_core::replay::{self, MigrationSource, ReplayResult};
use driftgate_core::Dialect;
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplayReport {
    pub path: String,
    pub format: String,
    pub dialect: Dialect,
    pub migrations: Vec<String>,
    pub history_issues: Vec<HistoryIssue>,
    #[serde(flatten)]
    pub result: ReplayResult,
}

/// Replay a folder or a single `.sql` file.
pub fn run(path: &Path, dialect: Option<Dialect>) -> Result<ReplayReport, String> {
    let shown = path.display().to_string();
    if path.is_file() {
        let sql = std::fs::read(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        let sql = String::from_utf8_lossy(&sql);
        let d = dialect.unwrap_or_default();
        let result = replay::replay(&[MigrationSource { name: &shown, sql: &sql }], d);
        return Ok(ReplayReport { path: shown.clone(), format: "sql".into(), dialect: d, migrations: vec![shown], history_issues: vec![], result });
    }
    let files = read_folder(path).map_err(|e| format!("cannot read migrations folder {shown}: {e}"))?;
    let h: History = history::read_for_analysis(&files).map_err(|e| {
        if e.path.is_empty() {
            format!("{shown}: {}", e.message)
        } else {
            format!("{shown}/{}: {}", e.path, e.message)
        }
    })?;
    let result = replay::replay_history(&h, dialect);
    Ok(ReplayReport {
        path: shown,
        format: h.format.name().into(),
        dialect: result.schema.dialect,
        migrations: h.migrations.iter().map(|m| m.name.clone()).collect(),
        history_issues: h.issues,
        result,
    })
}

/// The human-readable rendering.
pub fn render_tty(r: &ReplayReport) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let s = &r.result.summary;
    let _ = writeln!(o, "{}: {} history, {}, {} migration(s)", r.path, r.format, r.dialect.name(), r.migrations.len());
    for i in &r.history_issues {
        let _ = writeln!(o, "  history {}: {} ({})", i.code, i.message, i.path);
    }
    o.push_str(&render_schema(&r.result.schema));
    for u in &r.result.unmodelled {
        let _ = writeln!(o, "  not modelled: {}:{}:{}: {} ({})", u.migration, u.line, u.column, u.reason, u.kind);
    }
    let _ = writeln!(
        o,
        "{} file(s), {} statement(s): {} parsed, {} classified but unparsed, {} unclassified; {} not modelled",
        s.files, s.statements, s.parsed, s.unparsed, s.unclassified, r.result.unmodelled.len()
    );
    o
}

/// The tables, enums and views of a model, one line each (shared with
/// `driftgate introspect`).
pub fn render_schema(schema: &driftgate_core::schema::Schema) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    for t in schema.tables.values() {
        let cols: Vec<String> = t.columns.iter().map(|c| format!("{} {}{}", c.name, c.data_type, if c.nullable { "" } else { " not null" })).collect();
        let qual = if t.schema.is_empty() { t.name.clone() } else { format!("{}.{}", t.schema, t.name) };
        let _ = writeln!(o, "  table {qual} ({})", cols.join(", "));
        let extras = t.indexes.len() + t.uniques.len() + t.foreign_keys.len() + t.checks.len();
        if extras > 0 {
            let _ = writeln!(o, "    {} index(es), {} unique, {} foreign key(s), {} check(s)", t.indexes.len(), t.uniques.len(), t.foreign_keys.len(), t.checks.len());
        }
    }
    for e in schema.enums.values() {
        let _ = writeln!(o, "  enum {} ({})", e.name, e.values.join(", "));
    }
    for v in schema.views.values() {
        let _ = writeln!(o, "  {} {}", if v.materialized { "materialized view" } else { "view" }, v.name);
    }
    o
}
