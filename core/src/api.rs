//! The JS API of DESIGN §11, host-neutral: the wasm package and the napi
//! addon both call these functions with the same deserialised options and
//! serialise the same results, so their outputs are identical by
//! construction. Spans are given three ways: byte-free UTF-16 `start`/`end`
//! (so `sql.slice(d.start, d.end)` is the flagged text in JavaScript) and
//! 1-based `line`/`column` (columns in characters).

use crate::lint::{self, catalog, rules, HistoryKind, LintOptions, RuleLevel, Severity};
use crate::replay::{self, MigrationSource, ReplayResult};
use crate::schema::Schema;
use crate::span::{LineIndex, Span, Utf16Index};
use crate::{drizzle, sql, Dialect};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Options every function accepts; unknown keys are an error (a typo must
/// not silently change nothing).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    pub dialect: Option<String>,
    pub pg_version: Option<u32>,
    pub filename: Option<String>,
    pub rules: BTreeMap<String, String>,
    pub history: Option<String>,
    pub assume_in_transaction: Option<bool>,
}

/// A failure to report to the caller (thrown as a JS `Error`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApiError {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl ApiError {
    fn new(message: impl Into<String>) -> Self {
        ApiError { message: message.into(), line: None, column: None }
    }
}

impl Options {
    pub fn dialect(&self) -> Result<Dialect, ApiError> {
        match &self.dialect {
            None => Ok(Dialect::default()),
            Some(d) => Dialect::parse(d).ok_or_else(|| ApiError::new(format!("unknown dialect {d:?}: expected 'postgres' or 'mysql'"))),
        }
    }

    pub fn lint_options(&self) -> Result<LintOptions, ApiError> {
        let mut o = LintOptions { dialect: self.dialect()?, ..LintOptions::default() };
        if let Some(v) = self.pg_version {
            o.pg_version = v;
        }
        if let Some(h) = &self.history {
            o.history = HistoryKind::parse(h).ok_or_else(|| ApiError::new(format!("unknown history {h:?}: expected 'prisma', 'drizzle' or 'plain'")))?;
        }
        o.assume_in_transaction = self.assume_in_transaction.unwrap_or(false);
        o.is_down = self.filename.as_deref().is_some_and(crate::history::is_down_file);
        for (rule, level) in &self.rules {
            if rules::find(rule).is_none() {
                return Err(ApiError::new(format!("unknown rule {rule:?} in options.rules")));
            }
            let lv = RuleLevel::parse(level).ok_or_else(|| ApiError::new(format!("rule {rule:?}: level must be 'off', 'info', 'warning' or 'error'")))?;
            o.rules.insert(rule.clone(), lv);
        }
        Ok(o)
    }
}

/// Where something is, for JS: UTF-16 offsets and 1-based line/column.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

struct Locator<'a> {
    src: &'a str,
    lines: LineIndex,
    utf16: Utf16Index<'a>,
}

impl<'a> Locator<'a> {
    fn new(src: &'a str) -> Self {
        Locator { src, lines: LineIndex::new(src), utf16: Utf16Index::new(src) }
    }

    fn locate(&self, span: Span) -> Location {
        let (a, b) = (self.lines.position(self.src, span.start), self.lines.position(self.src, span.end));
        Location { start: self.utf16.offset(span.start), end: self.utf16.offset(span.end), line: a.line, column: a.column, end_line: b.line, end_column: b.column }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    #[serde(flatten)]
    pub location: Location,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    #[serde(flatten)]
    pub location: Location,
    /// 1-based statement number.
    pub statement: Option<usize>,
    pub fix: Option<Fix>,
}

/// `lint(sql, options?)`.
pub fn lint(sql: &str, options: &Options) -> Result<Vec<Diagnostic>, ApiError> {
    let opts = options.lint_options()?;
    let result = lint::lint(sql, &opts);
    let loc = Locator::new(sql);
    Ok(result
        .diagnostics
        .into_iter()
        .map(|d| Diagnostic {
            rule: d.rule,
            severity: d.severity,
            location: loc.locate(d.span),
            statement: d.statement.map(|s| s + 1),
            fix: d.fix.map(|f| Fix { location: loc.locate(f.span), replacement: f.replacement }),
            message: d.message,
            help: d.help,
        })
        .collect())
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementInfo {
    pub index: usize,
    pub kind: String,
    pub status: sql::ParseStatus,
    pub text: String,
    #[serde(flatten)]
    pub location: Location,
    pub parent: Option<usize>,
    pub error: Option<StatementError>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementError {
    pub message: String,
    #[serde(flatten)]
    pub location: Location,
}

/// `splitStatements(sql, options?)`.
pub fn split_statements(src: &str, options: &Options) -> Result<Vec<StatementInfo>, ApiError> {
    let file = sql::analyze(src, options.dialect()?);
    let loc = Locator::new(src);
    Ok(file
        .statements
        .iter()
        .map(|s| StatementInfo {
            index: s.index,
            kind: s.kind.clone(),
            status: s.status,
            text: s.text(src).to_string(),
            location: loc.locate(s.body),
            parent: s.parent,
            error: s.error.as_ref().map(|e| StatementError { message: e.message.clone(), location: loc.locate(e.span) }),
        })
        .collect())
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    pub name: String,
    pub sql: String,
}

/// `replay(migrations, options?)`.
pub fn replay(migrations: &[Migration], options: &Options) -> Result<ReplayResult, ApiError> {
    let sources: Vec<MigrationSource> = migrations.iter().map(|m| MigrationSource { name: &m.name, sql: &m.sql }).collect();
    Ok(replay::replay(&sources, options.dialect()?))
}

/// `parseDrizzleSnapshot(json)`.
pub fn parse_drizzle_snapshot(json: &str) -> Result<Schema, ApiError> {
    drizzle::parse_snapshot(json).map_err(|e| ApiError { message: e.message, line: Some(e.line), column: Some(e.column) })
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub enabled_by_default: bool,
    pub dialect: Option<Dialect>,
    pub summary: &'static str,
    pub documentation: String,
}

/// `rules()`.
pub fn rules() -> Vec<RuleInfo> {
    rules::ALL
        .iter()
        .map(|r| RuleInfo { id: r.id, severity: r.severity, enabled_by_default: r.default_enabled, dialect: r.dialect, summary: r.summary, documentation: catalog::explain(r.id).unwrap_or_default() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_spans_slice_the_flagged_text() {
        let sql = "-- 😀 ünïcode\r\nSELECT 'é';\r\nALTER TABLE \"naïve\" DROP COLUMN id;";
        let diags = lint(sql, &Options::default()).unwrap();
        let d = diags.iter().find(|d| d.rule == "drop-column").unwrap();
        let utf16: Vec<u16> = sql.encode_utf16().collect();
        let flagged = String::from_utf16(&utf16[d.location.start..d.location.end]).unwrap();
        assert!(flagged.starts_with("ALTER TABLE \"naïve\" DROP COLUMN id"), "{flagged}");
        assert_eq!((d.location.line, d.location.column), (3, 1));
    }

    #[test]
    fn bad_options_are_errors_not_panics() {
        let o: Options = serde_json::from_str(r#"{"dialect":"oracle"}"#).unwrap();
        assert!(lint("SELECT 1", &o).is_err());
        assert!(serde_json::from_str::<Options>(r#"{"dialekt":"mysql"}"#).is_err());
        let o: Options = serde_json::from_str(r#"{"rules":{"drop-colum":"off"}}"#).unwrap();
        assert!(lint("SELECT 1", &o).unwrap_err().message.contains("drop-colum"));
    }
}
