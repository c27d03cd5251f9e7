//! Suppression comments (DESIGN §5).
//!
//! - `-- driftgate-ignore rule-a, rule-b: reason` silences those rules for
//!   the statement on the same line or the next line;
//! - `-- driftgate-ignore-file [rule-a, …]: reason` silences them (or every
//!   rule) for the whole file.
//!
//! An ignore that silences nothing is itself reported (`unused-ignore`), so
//! stale suppressions do not pile up after the SQL they excused is gone.

use super::{Diagnostic, Severity};
use crate::span::{LineIndex, Span};
use crate::sql::SqlFile;
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq)]
pub struct Ignore {
    pub span: Span,
    pub line: usize,
    pub file_wide: bool,
    /// Empty means every rule.
    pub rules: Vec<String>,
    pub reason: Option<String>,
}

/// Parse the suppression comments of a file.
pub fn ignores(src: &str, file: &SqlFile, lines: &LineIndex) -> Vec<Ignore> {
    let mut out = Vec::new();
    for c in &file.comments {
        let text = c.slice(src);
        let body = if let Some(b) = text.strip_prefix("--") {
            b
        } else if let Some(b) = text.strip_prefix('#') {
            b
        } else if let Some(b) = text.strip_prefix("/*") {
            b.strip_suffix("*/").unwrap_or(b)
        } else {
            continue;
        };
        let body = body.trim();
        let (file_wide, rest) = if let Some(r) = body.strip_prefix("driftgate-ignore-file") {
            (true, r)
        } else if let Some(r) = body.strip_prefix("driftgate-ignore") {
            (false, r)
        } else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with([' ', ':', '\t'])) {
            continue;
        }
        let (rules_part, reason) = match rest.split_once(':') {
            Some((r, why)) => (r, Some(why.trim().to_string()).filter(|w| !w.is_empty())),
            None => (rest, None),
        };
        let rules = rules_part.split([',', ' ']).map(str::trim).filter(|r| !r.is_empty()).map(String::from).collect();
        out.push(Ignore { span: *c, line: lines.line_of(c.start), file_wide, rules, reason });
    }
    out
}

/// Drop suppressed diagnostics; report ignores that suppressed nothing.
pub fn apply(src: &str, file: &SqlFile, diagnostics: Vec<Diagnostic>, enabled: &BTreeSet<&str>, unused_level: Option<Severity>) -> Vec<Diagnostic> {
    if !file.comments.iter().any(|c| c.slice(src).contains("driftgate-ignore")) {
        return diagnostics;
    }
    let lines = LineIndex::new(src);
    let ignores = ignores(src, file, &lines);
    if ignores.is_empty() {
        return diagnostics;
    }
    let mut used = vec![false; ignores.len()];
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let d_line = lines.line_of(d.span.start);
        let stmt_line = d.statement.and_then(|i| file.statements.get(i)).map(|s| lines.line_of(s.span.start));
        let matched = ignores.iter().enumerate().find(|(_, ig)| {
            let names = ig.rules.is_empty() || ig.rules.iter().any(|r| r == d.rule);
            let place = ig.file_wide || [Some(d_line), stmt_line].iter().flatten().any(|&l| l == ig.line || l == ig.line + 1);
            names && place
        });
        match matched {
            Some((i, _)) => used[i] = true,
            None => kept.push(d),
        }
    }
    if let Some(level) = unused_level {
        for (ig, used) in ignores.iter().zip(used) {
            let unknown: Vec<&String> = ig.rules.iter().filter(|r| !super::rules::ALL.iter().any(|m| m.id == r.as_str())).collect();
            if !unknown.is_empty() {
                kept.push(unused(ig, level, format!("driftgate-ignore names unknown rule(s): {}", join(&unknown)), "Check the rule ids with `driftgate rules`; a misspelt id silences nothing."));
            } else if !used {
                let all_disabled = !ig.rules.is_empty() && ig.rules.iter().all(|r| !enabled.contains(r.as_str()));
                if all_disabled {
                    continue;
                }
                let what = if ig.rules.is_empty() { "any rule".to_string() } else { join(&ig.rules.iter().collect::<Vec<_>>()) };
                let scope = if ig.file_wide { "in this file" } else { "on this or the next line" };
                kept.push(unused(ig, level, format!("this driftgate-ignore suppresses nothing: no {what} diagnostic {scope}"), "Delete the comment: the statement it excused is gone or no longer triggers the rule."));
            }
        }
    }
    kept
}

fn join(v: &[&String]) -> String {
    v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
}

fn unused(ig: &Ignore, severity: Severity, message: String, help: &str) -> Diagnostic {
    Diagnostic {
        rule: "unused-ignore",
        severity,
        message,
        help: help.to_string(),
        span: ig.span,
        statement: None,
        fix: Some(super::Fix { span: ig.span, replacement: String::new() }),
    }
}
