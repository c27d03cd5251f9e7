//! Output formats for `driftgate lint`: tty (code frames), json (DESIGN §7),
//! sarif (2.1.0), github (workflow annotations), gcc.

use crate::lint_cmd::FileReport;
use driftgate_core::lint::{rules, Diagnostic, Severity};
use driftgate_core::span::{LineIndex, Position};
use serde_json::{json, Value};

pub const DOCS_BASE: &str = "https://github.com/driftgate/driftgate/blob/main/docs/rules.md";

pub fn rule_url(id: &str) -> String {
    format!("{DOCS_BASE}#{id}")
}

struct Located<'a> {
    file: &'a FileReport,
    d: &'a Diagnostic,
    start: Position,
    end: Position,
}

fn located(reports: &[FileReport]) -> Vec<Located<'_>> {
    let mut out = Vec::new();
    for f in reports {
        let idx = LineIndex::new(&f.src);
        for d in &f.diagnostics {
            out.push(Located { file: f, d, start: idx.position(&f.src, d.span.start), end: idx.position(&f.src, d.span.end) });
        }
    }
    out
}

pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

pub fn counts(reports: &[FileReport]) -> Counts {
    let all = reports.iter().flat_map(|f| &f.diagnostics);
    let n = |s: Severity| all.clone().filter(|d| d.severity == s).count();
    Counts { errors: n(Severity::Error), warnings: n(Severity::Warning), infos: n(Severity::Info) }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonFix<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: &'a str,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonDiagnostic<'a> {
    file: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// 1-based statement number in the file.
    statement: Option<usize>,
    fix: Option<JsonFix<'a>>,
}

#[derive(serde::Serialize)]
struct JsonSummary {
    files: usize,
    statements: usize,
    unparsed: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: JsonSummary,
}

/// DESIGN §7's `lint --format json` object.
pub fn json(reports: &[FileReport]) -> String {
    let c = counts(reports);
    let mut diagnostics = Vec::new();
    for f in reports {
        let idx = LineIndex::new(&f.src);
        for d in &f.diagnostics {
            let (a, b) = (idx.position(&f.src, d.span.start), idx.position(&f.src, d.span.end));
            let fix = d.fix.as_ref().map(|x| {
                let (fa, fb) = (idx.position(&f.src, x.span.start), idx.position(&f.src, x.span.end));
                JsonFix { line: fa.line, column: fa.column, end_line: fb.line, end_column: fb.column, replacement: &x.replacement }
            });
            diagnostics.push(JsonDiagnostic {
                file: &f.path,
                rule: d.rule,
                severity: d.severity.name(),
                message: &d.message,
                help: &d.help,
                line: a.line,
                column: a.column,
                end_line: b.line,
                end_column: b.column,
                statement: d.statement.map(|s| s + 1),
                fix,
            });
        }
    }
    let report = JsonReport {
        version: 1,
        diagnostics,
        summary: JsonSummary {
            files: reports.len(),
            statements: reports.iter().map(|f| f.statements).sum(),
            unparsed: reports.iter().map(|f| f.unparsed).sum(),
            errors: c.errors,
            warnings: c.warnings,
            infos: c.infos,
        },
    };
    serde_json::to_string(&report).unwrap_or_default()
}

pub fn gcc(reports: &[FileReport]) -> String {
    let mut o = String::new();
    for l in located(reports) {
        let level = match l.d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        o.push_str(&format!("{}:{}:{}: {level}: {} [{}]\n", l.file.path, l.start.line, l.start.column, one_line(&l.d.message), l.d.rule));
    }
    o
}

fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// GitHub Actions workflow commands (`::error file=…::message`).
pub fn github(reports: &[FileReport]) -> String {
    fn data(s: &str) -> String {
        s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
    }
    fn prop(s: &str) -> String {
        data(s).replace(':', "%3A").replace(',', "%2C")
    }
    let mut o = String::new();
    for l in located(reports) {
        let cmd = match l.d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        o.push_str(&format!(
            "::{cmd} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            prop(&l.file.path),
            l.start.line,
            l.start.column,
            l.end.line,
            l.end.column,
            prop(&format!("driftgate {}", l.d.rule)),
            data(&format!("{}\n\n{}\n{}", l.d.message, l.d.help, rule_url(l.d.rule)))
        ));
    }
    o
}

/// SARIF 2.1.0, one run, columns in Unicode code points.
pub fn sarif(reports: &[FileReport]) -> String {
    let rule_list: Vec<Value> = rules::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.summary},
                "help": {"text": r.doc(), "markdown": r.doc()},
                "helpUri": rule_url(r.id),
                "defaultConfiguration": {"level": level(r.severity), "enabled": r.default_enabled},
            })
        })
        .collect();
    let results: Vec<Value> = located(reports)
        .iter()
        .map(|l| {
            let region = json!({"startLine": l.start.line, "startColumn": l.start.column, "endLine": l.end.line, "endColumn": l.end.column});
            let mut r = json!({
                "ruleId": l.d.rule,
                "ruleIndex": rules::ALL.iter().position(|x| x.id == l.d.rule).unwrap_or(0),
                "level": level(l.d.severity),
                "message": {"text": format!("{}\n{}", l.d.message, l.d.help)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&l.file.path)}, "region": region}}],
            });
            if let Some(f) = &l.d.fix {
                let idx = LineIndex::new(&l.file.src);
                let (a, b) = (idx.position(&l.file.src, f.span.start), idx.position(&l.file.src, f.span.end));
                r["fixes"] = json!([{
                    "description": {"text": format!("driftgate fix for {}", l.d.rule)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri(&l.file.path)},
                        "replacements": [{
                            "deletedRegion": {"startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column},
                            "insertedContent": {"text": f.replacement},
                        }],
                    }],
                }]);
            }
            r
        })
        .collect();
    let v = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "driftgate",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/driftgate/driftgate",
                "rules": rule_list,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path (`/`-separated, percent-encoded).
fn uri(path: &str) -> String {
    let mut o = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            o.push(b as char);
        } else {
            o.push_str(&format!("%{b:02X}"));
        }
    }
    o
}

/// Human output: a code frame under each finding, colours on a terminal.
pub fn tty(reports: &[FileReport], color: bool) -> String {
    use annotate_snippets::{Level, Renderer, Snippet};
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut o = String::new();
    for f in reports {
        for d in &f.diagnostics {
            let lvl = match d.severity {
                Severity::Error => Level::Error,
                Severity::Warning => Level::Warning,
                Severity::Info => Level::Info,
            };
            let start = d.span.start.min(f.src.len());
            let end = d.span.end.clamp(start, f.src.len());
            // An empty span still needs one character to point at.
            let end = if end == start { next_boundary(&f.src, start) } else { end };
            let url = rule_url(d.rule);
            let msg = lvl
                .title(&d.message)
                .id(d.rule)
                .snippet(Snippet::source(&f.src).origin(&f.path).fold(true).annotation(lvl.span(start..end)))
                .footer(Level::Help.title(&d.help))
                .footer(Level::Note.title(&url));
            o.push_str(&renderer.render(msg).to_string());
            o.push_str("\n\n");
        }
    }
    let c = counts(reports);
    let statements: usize = reports.iter().map(|f| f.statements).sum();
    o.push_str(&format!(
        "{} file(s), {} statement(s): {} error(s), {} warning(s), {} info\n",
        reports.len(),
        statements,
        c.errors,
        c.warnings,
        c.infos
    ));
    o
}

fn next_boundary(s: &str, i: usize) -> usize {
    let mut j = (i + 1).min(s.len());
    while j < s.len() && !s.is_char_boundary(j) {
        j += 1;
    }
    j
}
