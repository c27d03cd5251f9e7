//! The rule catalog as text: `driftgate rules`, `driftgate explain` and
//! `docs/rules.md` are all generated from the rule files' `//!` docs.

use super::rules::ALL;
use super::RuleMeta;

fn dialect_note(r: &RuleMeta) -> &'static str {
    match r.dialect {
        Some(crate::Dialect::Postgres) => "PostgreSQL",
        Some(crate::Dialect::Mysql) => "MySQL/MariaDB",
        None => "PostgreSQL, MySQL/MariaDB",
    }
}

/// One line per rule: id, default severity (or `off`), dialects, summary.
pub fn table() -> String {
    let w = ALL.iter().map(|r| r.id.len()).max().unwrap_or(10);
    let mut o = String::new();
    for r in ALL {
        let sev = if r.default_enabled { r.severity.name() } else { "off" };
        o.push_str(&format!("{:w$}  {:7}  {:24}  {}\n", r.id, sev, dialect_note(r), r.summary, w = w));
    }
    o
}

/// `driftgate explain RULE`.
pub fn explain(id: &str) -> Option<String> {
    let r = super::rules::find(id)?;
    let sev = if r.default_enabled { r.severity.name().to_string() } else { format!("{} (off by default)", r.severity.name()) };
    Some(format!("{}\nseverity: {sev}; dialects: {}\n", r.doc().trim_end(), dialect_note(r)))
}

/// The whole catalog as Markdown (`docs/rules.md`).
pub fn markdown() -> String {
    let mut o = String::from("# driftgate rules\n\n<!-- Generated from core/src/lint/rules/*.rs by `driftgate rules --format markdown`; do not edit. -->\n\n| rule | default | dialects | flags |\n|---|---|---|---|\n");
    for r in ALL {
        let sev = if r.default_enabled { r.severity.name() } else { "off" };
        o.push_str(&format!("| [`{id}`](#{id}) | {sev} | {} | {} |\n", dialect_note(r), r.summary.replace('|', "\\|"), id = r.id));
    }
    for r in ALL {
        o.push('\n');
        let doc = r.doc();
        // Rule docs start with `# id`; nest them under the catalog title.
        for line in doc.lines() {
            if line.starts_with('#') {
                o.push('#');
            }
            o.push_str(line);
            o.push('\n');
        }
        let sev = if r.default_enabled { r.severity.name().to_string() } else { format!("{}, off by default", r.severity.name()) };
        o.push_str(&format!("\n*Severity: {sev}. Dialects: {}.*\n", dialect_note(r)));
    }
    o
}
