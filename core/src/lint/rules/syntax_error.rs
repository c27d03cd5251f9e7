//! # syntax-error
//!
//! **Flags** a statement that is not valid SQL in the dialect: an
//! unterminated string, quoted identifier or comment, unbalanced
//! parentheses, or a statement that neither the parser nor the token reader
//! recognises at all (`CRATE TABLE …`).
//!
//! **Why it matters.** The migration will fail at this statement when it is
//! applied. On MySQL the statements before it have already committed.
//!
//! **What to do.** Fix the statement; the message points at where the
//! parser stopped.
//!
//! **Example**
//!
//! ```sql
//! CRATE TABLE users (id int);      -- flagged
//! SELECT 'unterminated;            -- flagged
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::span::Span;
use crate::sql::lexer::TokenKind;
use crate::sql::ParseStatus;

pub static RULE: RuleMeta = RuleMeta {
    id: "syntax-error",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "the statement is not valid SQL in the dialect",
    source: doc_source!(include_str!("syntax_error.rs")),
    check,
    check_file: None,
};

/// Clear lexical or structural errors, as opposed to valid SQL the parser
/// does not support.
pub fn is_syntax_error(cx: &Cx) -> bool {
    syntax_problem(cx).is_some()
}

fn syntax_problem(cx: &Cx) -> Option<(Span, String)> {
    if cx.stmt.status == ParseStatus::Parsed {
        return None;
    }
    if let Some(t) = cx.stmt.tokens.iter().find(|t| t.unterminated) {
        let what = match t.kind {
            TokenKind::String | TokenKind::DollarString => "string literal",
            TokenKind::QuotedIdent => "quoted identifier",
            _ => "comment",
        };
        return Some((Span::new(t.start, t.start + 1), format!("unterminated {what}: it runs to the end of the file")));
    }
    let mut depth = 0i64;
    for t in &cx.stmt.tokens {
        if t.is_punct(cx.src, b'(') {
            depth += 1;
        } else if t.is_punct(cx.src, b')') {
            depth -= 1;
            if depth < 0 {
                return Some((Span::new(t.start, t.end), "unbalanced parentheses: this `)` closes nothing".into()));
            }
        }
    }
    if depth > 0 {
        return Some((cx.stmt.body, "unbalanced parentheses: a `(` is never closed".into()));
    }
    if cx.stmt.status == ParseStatus::Unclassified {
        let first = cx.stmt.tokens.first().map(|t| t.text(cx.src)).unwrap_or("");
        return Some((cx.stmt.tokens.first().map_or(cx.stmt.body, |t| Span::new(t.start, t.end)), format!("`{first}` does not start any SQL statement driftgate knows")));
    }
    None
}

fn check(cx: &Cx, out: &mut Emitter) {
    let Some((span, why)) = syntax_problem(cx) else { return };
    let parser = cx.stmt.error.as_ref().map(|e| format!(" (parser: {})", e.message)).unwrap_or_default();
    out.emit_at(span, format!("syntax error: {why}{parser}"), "This statement fails when the migration runs. Fix it before merging; on MySQL every statement before it will already have committed.");
}
