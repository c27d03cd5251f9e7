//! The SQL front end (DESIGN §3): split, parse each statement alone with
//! sqlparser, classify every statement from its tokens, and extract the
//! statements inside `DO` blocks.

pub mod cursor;
pub mod ddl;
pub mod lexer;
pub mod plpgsql;
pub mod split;
mod sqlparser_tokens;

use crate::span::Span;
use crate::Dialect;
use ddl::Ddl;
use lexer::{Token, TokenKind};
use serde::Serialize;
use split::Terminator;

/// How far the front end understood a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParseStatus {
    /// sqlparser accepted it (or, for `DO`, the PL/pgSQL reader read its body).
    Parsed,
    /// sqlparser rejected it, but the token reader classified it.
    Unparsed,
    /// Neither: not even the kind of statement is known.
    Unclassified,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParseError {
    pub message: String,
    /// Where sqlparser stopped, in file bytes.
    pub span: Span,
}

/// One statement of a file, top-level or extracted from a `DO` block.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    /// 0-based, in execution order (a `DO` block's statements follow it).
    pub index: usize,
    /// Including the terminator.
    pub span: Span,
    /// Without the terminator.
    pub body: Span,
    /// For statements inside a `DO` block: the index of that block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    pub status: ParseStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ParseError>,
    pub kind: String,
    pub ddl: Ddl,
    #[serde(skip)]
    pub terminator: Terminator,
    #[serde(skip)]
    pub tokens: Vec<Token>,
}

impl Statement {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        self.body.slice(src)
    }
}

/// A file after the front end.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SqlFile {
    pub statements: Vec<Statement>,
    /// Spans of all comments (suppressions and rename hints are read from them).
    pub comments: Vec<Span>,
    /// An unterminated string, quoted identifier or comment swallowed the rest
    /// of the file from here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unterminated: Option<Span>,
    /// `EXECUTE` of dynamic SQL inside `DO` blocks: invisible to analysis.
    pub dynamic_sql: Vec<Span>,
}

impl SqlFile {
    pub fn count(&self, status: ParseStatus) -> usize {
        self.statements.iter().filter(|s| s.status == status).count()
    }
}

/// Run the front end over one file.
pub fn analyze(src: &str, dialect: Dialect) -> SqlFile {
    let split = split::split(src, dialect);
    let mut file = SqlFile {
        statements: Vec::with_capacity(split.statements.len()),
        comments: split.comments,
        unterminated: split.unterminated,
        dynamic_sql: Vec::new(),
    };
    for raw in split.statements {
        let ddl = ddl::read(src, &raw.tokens, dialect);
        if matches!(ddl, Ddl::Do) {
            let parent = file.statements.len();
            let body = plpgsql::do_body_span(src, &raw.tokens);
            let status = if body.is_some() { ParseStatus::Parsed } else { ParseStatus::Unparsed };
            file.statements.push(Statement {
                index: parent,
                span: raw.span,
                body: raw.body,
                parent: None,
                status,
                error: None,
                kind: ddl.kind(),
                ddl,
                terminator: raw.terminator,
                tokens: raw.tokens,
            });
            if let Some(body) = body {
                let extracted = plpgsql::extract(src, body);
                file.dynamic_sql.extend(extracted.dynamic);
                for e in extracted.statements {
                    let ddl = ddl::read(src, &e.tokens, dialect);
                    let (status, error) = parse_status(src, e.body, &e.tokens, &ddl, dialect);
                    file.statements.push(Statement {
                        index: file.statements.len(),
                        span: e.span,
                        body: e.body,
                        parent: Some(parent),
                        status,
                        error,
                        kind: ddl.kind(),
                        ddl,
                        terminator: Terminator::Semicolon,
                        tokens: e.tokens,
                    });
                }
            }
            continue;
        }
        let (status, error) = parse_status(src, raw.body, &raw.tokens, &ddl, dialect);
        file.statements.push(Statement {
            index: file.statements.len(),
            span: raw.span,
            body: raw.body,
            parent: None,
            status,
            error,
            kind: ddl.kind(),
            ddl,
            terminator: raw.terminator,
            tokens: raw.tokens,
        });
    }
    file
}

fn parse_status(src: &str, body: Span, tokens: &[Token], ddl: &Ddl, dialect: Dialect) -> (ParseStatus, Option<ParseError>) {
    let masked = sqlparser_masks(src, body, tokens);
    let result = match &masked {
        Some(text) => parse_masked(text, dialect).map_err(|mut e| {
            e.span = Span::new(e.span.start + body.start, e.span.end + body.start);
            e
        }),
        None => parse_tokens_fast(src, body, tokens, dialect),
    };
    match result {
        Ok(()) => (ParseStatus::Parsed, None),
        Err(e) => {
            let status = if ddl.is_classified() { ParseStatus::Unparsed } else { ParseStatus::Unclassified };
            (status, Some(e))
        }
    }
}

/// Valid syntax that sqlparser 0.63 rejects although the rest of the
/// statement is ordinary, blanked out (same length, so positions hold)
/// before parsing. The DDL reader reads these parts itself:
/// - identity sequence options, `GENERATED … AS IDENTITY (sequence name …
///   INCREMENT BY 1 …)`, which drizzle-kit emits for every identity column;
/// - `CONCURRENTLY` in `DROP INDEX CONCURRENTLY IF EXISTS`;
/// - MySQL `RENAME INDEX a TO b` (Prisma's RenameIndex on MySQL): `INDEX `
///   is read as `COLUMN` (same length), which sqlparser knows, so the rest
///   of the statement is still checked.
fn sqlparser_masks(src: &str, body: Span, tokens: &[Token]) -> Option<String> {
    let mut ranges: Vec<Span> = Vec::new();
    let mut rewrites: Vec<(usize, &[u8])> = Vec::new();
    let first_is = |w: &str| tokens.first().is_some_and(|f| f.is_word(src, w));
    let is_alter = first_is("alter");
    let is_drop_index = first_is("drop") && tokens.get(1).is_some_and(|t| t.is_word(src, "index"));
    // One pass; the word's length picks the only keyword it can be.
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        match t.end - t.start {
            6 if is_alter && t.is_word(src, "rename") && tokens.get(i + 1).is_some_and(|n| n.is_word(src, "index") || n.is_word(src, "key")) => {
                let kw = &tokens[i + 1];
                // `INDEX␠` → `COLUMN`, `KEY␠␠␠` → `COLUMN` when the spacing allows.
                if src.as_bytes().get(kw.end) == Some(&b' ') && kw.end - kw.start == 5 {
                    rewrites.push((kw.start, b"COLUMN"));
                }
            }
            12 if is_drop_index && i == 2 && t.is_word(src, "concurrently") => ranges.push(Span::new(t.start, t.end)),
            8 if t.is_word(src, "identity") && tokens.get(i + 1).is_some_and(|n| n.is_punct(src, b'(')) => {
                let mut depth = 0;
                for n in &tokens[i + 1..] {
                    if n.is_punct(src, b'(') {
                        depth += 1;
                    } else if n.is_punct(src, b')') {
                        depth -= 1;
                        if depth == 0 {
                            ranges.push(Span::new(tokens[i + 1].start, n.end));
                            break;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if ranges.is_empty() && rewrites.is_empty() {
        return None;
    }
    let mut text = body.slice(src).as_bytes().to_vec();
    for r in ranges {
        let (a, b) = (r.start.saturating_sub(body.start), r.end.saturating_sub(body.start).min(text.len()));
        for byte in &mut text[a..b] {
            *byte = b' ';
        }
    }
    for (at, with) in rewrites {
        let a = at.saturating_sub(body.start);
        if a + with.len() <= text.len() {
            text[a..a + with.len()].copy_from_slice(with);
        }
    }
    // Only ASCII delimiters bound the ranges and every byte became a space,
    // so the text stays valid UTF-8.
    String::from_utf8(text).ok()
}

/// Parse one statement with sqlparser. Exactly one statement must come out.
pub fn parse_one(src: &str, body: Span, dialect: Dialect) -> Result<(), ParseError> {
    let result = sqlparser_ast(src, body, None, dialect);
    outcome(src, body, result)
}

/// Parse one statement with sqlparser from the front end's own tokens
/// (see `sqlparser_tokens`); falls back to [`parse_one`] when a token run
/// cannot be converted.
pub fn parse_with_tokens(src: &str, body: Span, tokens: &[Token], dialect: Dialect) -> Result<(), ParseError> {
    let result = sqlparser_ast(src, body, Some(tokens), dialect);
    outcome(src, body, result)
}

/// [`parse_with_tokens`], deciding first without token locations (see
/// `sqlparser_tokens::convert`); only a statement sqlparser rejects is
/// parsed again with them, for the error message and its position.
fn parse_tokens_fast(src: &str, body: Span, tokens: &[Token], dialect: Dialect) -> Result<(), ParseError> {
    match sqlparser_ast_with(src, body, Some(tokens), dialect, false) {
        Some(Ok(stmts)) if stmts.len() == 1 => Ok(()),
        _ => parse_with_tokens(src, body, tokens, dialect),
    }
}

/// A masked statement (see [`sqlparser_masks`]): decided on its tokens
/// without locations like any other, parsed from its text when rejected
/// (which is where its error message always came from).
fn parse_masked(text: &str, dialect: Dialect) -> Result<(), ParseError> {
    let body = Span::new(0, text.len());
    match sqlparser_ast_with(text, body, Some(&significant_tokens(text, dialect)), dialect, false) {
        Some(Ok(stmts)) if stmts.len() == 1 => Ok(()),
        _ => parse_one(text, body, dialect),
    }
}

fn significant_tokens(text: &str, dialect: Dialect) -> Vec<Token> {
    let mut lexer = lexer::Lexer::new(text, dialect);
    std::iter::from_fn(|| lexer.next_token()).filter(|t| !t.is_trivia()).collect()
}

/// Whether both ways into sqlparser give the same syntax tree (or both
/// fail): the invariant `sqlparser_tokens` must keep, with and without token
/// locations. Used by the tests.
#[doc(hidden)]
pub fn token_path_agrees(src: &str, stmt: &Statement, dialect: Dialect) -> bool {
    let a = sqlparser_ast(src, stmt.body, None, dialect);
    let b = sqlparser_ast(src, stmt.body, Some(&stmt.tokens), dialect);
    let agree = |a: &Result<Vec<sqlparser::ast::Statement>, _>, b: &Result<Vec<sqlparser::ast::Statement>, _>| match (a, b) {
        (Ok(x), Ok(y)) => x == y,
        (Err(_), Err(_)) => true,
        _ => false,
    };
    let fast = sqlparser_ast_with(src, stmt.body, Some(&stmt.tokens), dialect, false);
    let masked = sqlparser_masks(src, stmt.body, &stmt.tokens).is_none_or(|text| {
        let body = Span::new(0, text.len());
        let a = sqlparser_ast(&text, body, None, dialect);
        sqlparser_ast_with(&text, body, Some(&significant_tokens(&text, dialect)), dialect, false).is_none_or(|c| agree(&a, &c))
    });
    agree(&a, &b) && fast.is_none_or(|c| agree(&b, &c)) && masked
}

static PG: sqlparser::dialect::PostgreSqlDialect = sqlparser::dialect::PostgreSqlDialect {};
static MY: sqlparser::dialect::MySqlDialect = sqlparser::dialect::MySqlDialect {};

fn sqlparser_ast(src: &str, body: Span, tokens: Option<&[Token]>, dialect: Dialect) -> Result<Vec<sqlparser::ast::Statement>, sqlparser::parser::ParserError> {
    use sqlparser::parser::Parser;
    let d: &dyn sqlparser::dialect::Dialect = match dialect {
        Dialect::Postgres => &PG,
        Dialect::Mysql => &MY,
    };
    let parser = Parser::new(d).with_recursion_limit(64);
    match tokens.and_then(|t| sqlparser_tokens::convert(src, body, t, d, dialect, true)) {
        Some(toks) => parser.with_tokens_with_locations(toks).parse_statements(),
        None => parser.try_with_sql(body.slice(src)).and_then(|mut p| p.parse_statements()),
    }
}

/// sqlparser on the front end's tokens (`None` when they cannot be
/// converted), with or without token locations.
fn sqlparser_ast_with(src: &str, body: Span, tokens: Option<&[Token]>, dialect: Dialect, locations: bool) -> Option<Result<Vec<sqlparser::ast::Statement>, sqlparser::parser::ParserError>> {
    use sqlparser::parser::Parser;
    let d: &dyn sqlparser::dialect::Dialect = match dialect {
        Dialect::Postgres => &PG,
        Dialect::Mysql => &MY,
    };
    let toks = sqlparser_tokens::convert(src, body, tokens?, d, dialect, locations)?;
    Some(Parser::new(d).with_recursion_limit(64).with_tokens_with_locations(toks).parse_statements())
}

fn outcome(src: &str, body: Span, result: Result<Vec<sqlparser::ast::Statement>, sqlparser::parser::ParserError>) -> Result<(), ParseError> {
    let text = body.slice(src);
    match result {
        Ok(stmts) if stmts.len() == 1 => Ok(()),
        Ok(stmts) => Err(ParseError {
            message: format!("expected one statement, sqlparser read {}", stmts.len()),
            span: body,
        }),
        Err(e) => {
            let message = e.to_string();
            let span = error_span(text, &message).map_or(body, |off| {
                let start = body.start + off;
                Span::new(start, start)
            });
            Err(ParseError { message: clean_message(&message), span })
        }
    }
}

/// sqlparser reports `… at Line: L, Column: C` relative to the statement.
fn error_span(text: &str, message: &str) -> Option<usize> {
    let at = message.rfind(" at Line: ")?;
    let rest = &message[at + 10..];
    let (line, col) = rest.split_once(", Column: ")?;
    let line: usize = line.trim().parse().ok()?;
    let col: usize = col.trim().parse().ok()?;
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let byte = l.char_indices().nth(col.saturating_sub(1)).map_or(l.len(), |(b, _)| b);
            return Some(offset + byte);
        }
        offset += l.len();
    }
    None
}

fn clean_message(message: &str) -> String {
    let m = message.strip_prefix("sql parser error: ").unwrap_or(message);
    match m.rfind(" at Line: ") {
        Some(i) => m[..i].to_string(),
        None => m.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bad_statement_does_not_hide_the_rest() {
        let src = "CREATE TABLE a (id int);\nDROP INDEX CONCURRENTLY IF EXISTS \"x\";\nCREATE TABLE ((;\nDROP TABLE b;";
        let f = analyze(src, Dialect::Postgres);
        assert_eq!(f.statements.len(), 4);
        assert_eq!(f.statements[0].status, ParseStatus::Parsed);
        assert_eq!(f.statements[3].status, ParseStatus::Parsed);
        assert_eq!(f.statements[3].kind, "drop-table");
        assert_eq!(f.statements[1].kind, "drop-index");
    }

    #[test]
    fn do_block_statements_are_extracted_with_file_spans() {
        let src = "CREATE TABLE a (id int);\nDO $$ BEGIN\n ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (id) REFERENCES b(id);\nEXCEPTION WHEN duplicate_object THEN null;\nEND $$;";
        let f = analyze(src, Dialect::Postgres);
        assert_eq!(f.statements.len(), 3);
        assert_eq!(f.statements[1].kind, "do");
        let inner = &f.statements[2];
        assert_eq!(inner.parent, Some(1));
        assert_eq!(inner.status, ParseStatus::Parsed);
        assert_eq!(inner.text(src), "ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (id) REFERENCES b(id)");
    }

    #[test]
    fn parse_errors_point_into_the_file() {
        let src = "SELECT 1;\nCREATE TABLE t (a int,, b int);";
        let f = analyze(src, Dialect::Postgres);
        let e = f.statements[1].error.as_ref().unwrap();
        assert!(e.span.start > 10 && e.span.start < src.len(), "{e:?}");
    }
}
