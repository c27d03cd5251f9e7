//! Token-level helpers for help texts and fixes: where to insert a keyword,
//! the items of an `ALTER TABLE`, the assignments of an `UPDATE`, and shell
//! quoting for suggested `driftgate` commands.

use crate::sql::lexer::{Token, TokenKind};
use crate::sql::Statement;

/// Byte offset just after the first token of `stmt` that is the word `kw`.
pub fn after_word(src: &str, stmt: &Statement, kw: &str) -> Option<usize> {
    stmt.tokens.iter().find(|t| t.is_word(src, kw)).map(|t| t.end)
}

/// Byte offset just after the object keyword `kw` of a `CREATE`/`DROP`, and
/// after a `CONCURRENTLY` that follows it.
pub fn after_object_keyword(src: &str, stmt: &Statement, kw: &str) -> Option<usize> {
    let i = stmt.tokens.iter().position(|t| t.is_word(src, kw))?;
    let mut end = stmt.tokens[i].end;
    if let Some(t) = stmt.tokens.get(i + 1).filter(|t| t.is_word(src, "concurrently")) {
        end = t.end;
    }
    Some(end)
}

/// Where to insert a line before `stmt`: the start of its first line when
/// only whitespace precedes it there, else the statement's start.
pub fn line_before(src: &str, stmt: &Statement) -> (usize, bool) {
    let start = stmt.body.start;
    let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
    if src[line_start..start].trim().is_empty() {
        (line_start, true)
    } else {
        (start, false)
    }
}

/// The token slices of an `ALTER TABLE`'s actions (split on top-level
/// commas, after `ALTER TABLE [IF EXISTS] [ONLY] name [*]`).
pub fn alter_items<'a>(src: &str, stmt: &'a Statement) -> Vec<&'a [Token]> {
    let toks = &stmt.tokens[..];
    let mut i = 2;
    let w = |i: usize, kw: &str| toks.get(i).is_some_and(|t| t.is_word(src, kw));
    if w(i, "if") && w(i + 1, "exists") {
        i += 2;
    }
    if w(i, "only") {
        i += 1;
    }
    let is_name = |t: &Token| matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent);
    if toks.get(i).is_some_and(is_name) {
        i += 1;
        while toks.get(i).is_some_and(|t| t.is_punct(src, b'.')) && toks.get(i + 1).is_some_and(is_name) {
            i += 2;
        }
    }
    if toks.get(i).is_some_and(|t| t.kind == TokenKind::Operator && t.text(src) == "*") {
        i += 1;
    }
    split_top_level(src, &toks[i.min(toks.len())..])
}

/// Split tokens on commas at parenthesis depth 0.
pub fn split_top_level<'a>(src: &str, toks: &'a [Token]) -> Vec<&'a [Token]> {
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.is_punct(src, b'(') || t.is_punct(src, b'[') {
            depth += 1;
        } else if t.is_punct(src, b')') || t.is_punct(src, b']') {
            depth -= 1;
        } else if depth == 0 && t.is_punct(src, b',') {
            items.push(&toks[start..i]);
            start = i + 1;
        }
    }
    if start < toks.len() {
        items.push(&toks[start..]);
    }
    items
}

/// The source text a token slice covers.
pub fn text_of<'a>(src: &'a str, toks: &[Token]) -> &'a str {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => src.get(a.start..b.end).unwrap_or(""),
        _ => "",
    }
}

/// `SET col = expr, …` of an `UPDATE`: each column (as the database sees
/// the name) with its expression as written.
pub fn update_assignments(src: &str, stmt: &Statement, dialect: crate::Dialect) -> Vec<(String, String)> {
    let toks = &stmt.tokens[..];
    let Some(set) = toks.iter().position(|t| t.is_word(src, "set")) else { return Vec::new() };
    // The assignment list ends at FROM / WHERE / RETURNING / ORDER / LIMIT at depth 0.
    let mut depth = 0i32;
    let mut end = toks.len();
    for (i, t) in toks.iter().enumerate().skip(set + 1) {
        if t.is_punct(src, b'(') {
            depth += 1;
        } else if t.is_punct(src, b')') {
            depth -= 1;
        } else if depth == 0 && ["from", "where", "returning", "order", "limit"].iter().any(|k| t.is_word(src, k)) {
            end = i;
            break;
        }
    }
    let mut out = Vec::new();
    for item in split_top_level(src, &toks[set + 1..end]) {
        let Some(eq) = item.iter().position(|t| t.kind == TokenKind::Operator && t.text(src) == "=") else { continue };
        // `col`, `t.col`: the last name before `=`.
        let Some(col) = item[..eq].iter().rev().find(|t| matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent)) else { continue };
        if item[..eq].iter().any(|t| t.is_punct(src, b'(')) {
            // `(a, b) = (…)`: not a single column.
            continue;
        }
        let expr = text_of(src, &item[eq + 1..]).trim().to_string();
        if !expr.is_empty() {
            out.push((crate::sql::lexer::ident_value(src, col, dialect), expr));
        }
    }
    out
}

/// Quote `s` as one POSIX shell word: in double quotes, or in single quotes
/// when that avoids escapes (`s` has a double quote, `$`, a backtick or a backslash, and no single quote).
pub fn shell_quote(s: &str) -> String {
    if !s.contains('\'') && s.contains(['"', '$', '`', '\\']) {
        return format!("'{s}'");
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        if matches!(ch, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('"');
    out
}

/// A shell word: as is when it needs no quoting, else [`shell_quote`]d.
pub fn shell_word(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')) {
        s.to_string()
    } else {
        shell_quote(s)
    }
}

/// 1-based line of a byte offset.
pub fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

/// `s` on one line: every run of whitespace that contains a line break
/// becomes one space (other spacing, e.g. inside literals, is kept).
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for ch in s.chars() {
        if ch.is_whitespace() {
            run.push(ch);
            continue;
        }
        if !run.is_empty() {
            out.push_str(if run.contains('\n') { " " } else { &run });
            run.clear();
        }
        out.push(ch);
    }
    out.push_str(if run.contains('\n') { " " } else { &run });
    out.trim().to_string()
}
