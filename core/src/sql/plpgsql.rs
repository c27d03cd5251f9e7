//! SQL statements inside PL/pgSQL `DO` blocks.
//!
//! Drizzle (before 0.23) wraps every foreign key and enum in
//! `DO $$ BEGIN … EXCEPTION WHEN duplicate_object THEN null; END $$;`, and
//! hand-written migrations guard DDL with `IF NOT EXISTS (…) THEN … END IF`.
//! The statements inside run at migration time, so they are extracted,
//! with spans in the file, and replayed and linted like top-level ones.
//! Control flow (`IF … THEN`, `EXCEPTION WHEN … THEN`, loops, `RAISE`,
//! assignments) is stripped; dynamic `EXECUTE` is reported, not guessed.

use super::lexer::{Lexer, Token, TokenKind};
use crate::span::Span;
use crate::Dialect;

/// A statement found inside a DO body: its span and significant tokens.
#[derive(Clone, Debug)]
pub struct Embedded {
    pub span: Span,
    pub body: Span,
    pub tokens: Vec<Token>,
}

#[derive(Clone, Debug, Default)]
pub struct DoBody {
    pub statements: Vec<Embedded>,
    /// `EXECUTE …` of dynamic SQL: cannot be known statically.
    pub dynamic: Vec<Span>,
}

/// Find the body of a `DO [LANGUAGE x] $$…$$` statement: the span inside the quotes.
pub fn do_body_span(src: &str, tokens: &[Token]) -> Option<Span> {
    let body_tok = tokens.iter().find(|t| matches!(t.kind, TokenKind::DollarString | TokenKind::String))?;
    if body_tok.unterminated {
        return None;
    }
    let text = body_tok.text(src);
    if body_tok.kind == TokenKind::DollarString {
        let tag_len = text[1..].find('$')? + 2;
        if text.len() < 2 * tag_len {
            return None;
        }
        Some(Span::new(body_tok.start + tag_len, body_tok.end - tag_len))
    } else {
        // A plain quoted body would need unescaping; only simple ones are read.
        if text.len() < 2 || text.contains("''") {
            return None;
        }
        Some(Span::new(body_tok.start + 1, body_tok.end - 1))
    }
}

/// Extract the SQL statements of a PL/pgSQL block in `src[body]`.
pub fn extract(src: &str, body: Span) -> DoBody {
    let mut lexer = Lexer::in_range(src, body.start, body.end, Dialect::Postgres);
    let mut toks = Vec::new();
    while let Some(t) = lexer.next_token() {
        if !t.is_trivia() {
            toks.push(t);
        }
    }
    let mut out = DoBody::default();
    // Skip a DECLARE section: everything up to the first BEGIN.
    let mut i = 0;
    if toks.first().is_some_and(|t| t.is_word(src, "declare")) {
        while i < toks.len() && !toks[i].is_word(src, "begin") {
            i += 1;
        }
    }
    // Chunks separated by `;` at parenthesis depth 0.
    let mut depth = 0i32;
    let mut start = i;
    while i < toks.len() {
        let t = &toks[i];
        if t.is_punct(src, b'(') {
            depth += 1;
        } else if t.is_punct(src, b')') {
            depth -= 1;
        } else if depth <= 0 && t.is_punct(src, b';') {
            chunk(src, &toks[start..=i], &mut out);
            start = i + 1;
            depth = 0;
        }
        i += 1;
    }
    if start < toks.len() {
        chunk(src, &toks[start..], &mut out);
    }
    out
}

fn chunk(src: &str, toks: &[Token], out: &mut DoBody) {
    let mut toks = toks;
    // Strip leading block structure and control-flow headers.
    loop {
        let Some(first) = toks.first() else { return };
        let word = |kw: &str| first.is_word(src, kw);
        if word("begin") || word("else") || word("loop") {
            toks = &toks[1..];
        } else if first.kind == TokenKind::Operator && first.text(src) == "<<" {
            // `<<label>>`
            let close = toks.iter().position(|t| t.text(src) == ">>").map_or(toks.len(), |p| p + 1);
            toks = &toks[close..];
        } else if word("declare") {
            // Nested DECLARE … BEGIN
            let b = toks.iter().position(|t| t.is_word(src, "begin")).unwrap_or(toks.len());
            toks = &toks[b..];
        } else if word("exception") || word("when") || word("if") || word("elsif") || word("elseif") {
            match position_at_depth0(src, toks, |t| t.is_word(src, "then")) {
                Some(p) => toks = &toks[p + 1..],
                None => return,
            }
        } else if word("for") || word("while") || word("foreach") {
            match position_at_depth0(src, toks, |t| t.is_word(src, "loop")) {
                Some(p) => toks = &toks[p + 1..],
                None => return,
            }
        } else {
            break;
        }
    }
    let Some(first) = toks.first() else { return };
    let stmt_toks: &[Token] = match toks.last() {
        Some(l) if l.is_punct(src, b';') => &toks[..toks.len() - 1],
        _ => toks,
    };
    if stmt_toks.is_empty() {
        return;
    }
    let is = |kw: &str| first.is_word(src, kw);
    if is("end") || is("null") || is("raise") || is("perform") || is("return") || is("exit") || is("continue")
        || is("get") || is("assert") || is("open") || is("fetch") || is("close") || is("call") || is("commit") || is("rollback")
    {
        return;
    }
    if stmt_toks.get(1).is_some_and(|t| t.kind == TokenKind::Operator && (t.text(src) == ":=" || t.text(src) == "=")) {
        // assignment
        return;
    }
    let span = Span::new(first.start, toks.last().map_or(first.end, |t| t.end));
    if is("execute") {
        out.dynamic.push(span);
        return;
    }
    let body = Span::new(first.start, stmt_toks.last().map_or(first.end, |t| t.end));
    out.statements.push(Embedded { span, body, tokens: stmt_toks.to_vec() });
}

fn position_at_depth0(src: &str, toks: &[Token], pred: impl Fn(&Token) -> bool) -> Option<usize> {
    let mut depth = 0i32;
    for (i, t) in toks.iter().enumerate() {
        if t.is_punct(src, b'(') {
            depth += 1;
        } else if t.is_punct(src, b')') {
            depth -= 1;
        } else if depth == 0 && pred(t) {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(sql: &str) -> Vec<String> {
        let toks: Vec<Token> = super::super::lexer::tokenize(sql, Dialect::Postgres).into_iter().filter(|t| !t.is_trivia()).collect();
        let body = do_body_span(sql, &toks).unwrap();
        extract(sql, body).statements.iter().map(|e| e.body.slice(sql).to_string()).collect()
    }

    #[test]
    fn drizzle_foreign_key_block() {
        let sql = "DO $$ BEGIN\n ALTER TABLE \"posts\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"a\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE cascade ON UPDATE no action;\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;";
        assert_eq!(bodies(sql), vec!["ALTER TABLE \"posts\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"a\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE cascade ON UPDATE no action"]);
    }

    #[test]
    fn guarded_ddl_and_control_flow() {
        let sql = "DO $body$\nDECLARE n int := 0;\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN\n    CREATE TYPE mood AS ENUM ('a');\n  END IF;\n  n := 1;\n  RAISE NOTICE 'x';\n  EXECUTE 'DROP TABLE x';\n  FOR r IN SELECT 1 LOOP\n    UPDATE t SET a = 1;\n  END LOOP;\nEND\n$body$;";
        assert_eq!(bodies(sql), vec!["CREATE TYPE mood AS ENUM ('a')", "UPDATE t SET a = 1"]);
    }
}
