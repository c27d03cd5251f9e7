//! Statement splitting with byte spans.
//!
//! Handles: `;` outside quotes and comments, Drizzle's
//! `--> statement-breakpoint`, MySQL's client-side `DELIMITER` command, and
//! compound routine bodies (`BEGIN … END` in MySQL triggers/procedures and
//! Postgres `BEGIN ATOMIC`) whose inner `;` do not end the statement.

use super::lexer::{Lexer, Token, TokenKind};
use crate::span::Span;
use crate::Dialect;

/// How a statement ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Terminator {
    Semicolon,
    /// A custom MySQL `DELIMITER`.
    Delimiter,
    /// Drizzle's `--> statement-breakpoint` line.
    Breakpoint,
    EndOfFile,
}

/// One statement as found in the text.
#[derive(Clone, Debug)]
pub struct RawStatement {
    /// From the first significant token to the end of the terminator.
    pub span: Span,
    /// The statement text without its terminator.
    pub body: Span,
    pub terminator: Terminator,
    /// Significant tokens (no whitespace or comments) of the body.
    pub tokens: Vec<Token>,
}

/// The result of splitting a file.
#[derive(Clone, Debug, Default)]
pub struct Split {
    pub statements: Vec<RawStatement>,
    /// Every comment in the file (suppressions, rename hints live here).
    pub comments: Vec<Span>,
    /// Unterminated string, identifier or comment at the end of the input.
    pub unterminated: Option<Span>,
}

pub const BREAKPOINT: &str = "--> statement-breakpoint";

pub fn split(src: &str, dialect: Dialect) -> Split {
    split_range(src, 0, src.len(), dialect)
}

/// Split the byte range `[start, end)` of `src`; spans are file offsets.
pub fn split_range(src: &str, start: usize, end: usize, dialect: Dialect) -> Split {
    let mut out = Split::default();
    let mut lexer = Lexer::in_range(src, start, end, dialect);
    let bytes = src.as_bytes();
    let mut delimiter: Option<String> = None; // None = ';'
    let mut cur = Builder::default();

    loop {
        let pos = lexer.pos;
        if pos >= lexer.limit {
            break;
        }
        if dialect == Dialect::Mysql && cur.tokens.is_empty() && at_line_start(bytes, pos, start) {
            if let Some((new_delim, line_end)) = delimiter_command(src, pos, lexer.limit) {
                delimiter = if new_delim == ";" { None } else { Some(new_delim) };
                out.comments.push(Span::new(pos, line_end));
                lexer.pos = line_end;
                continue;
            }
        }
        if let Some(d) = &delimiter {
            if src[pos..lexer.limit].starts_with(d.as_str()) {
                let end_at = pos + d.len();
                cur.finish(&mut out, end_at, pos, Terminator::Delimiter);
                lexer.pos = end_at;
                continue;
            }
        }
        let Some(tok) = lexer.next_token() else { break };
        if tok.unterminated && out.unterminated.is_none() {
            out.unterminated = Some(Span::new(tok.start, tok.end));
        }
        match tok.kind {
            TokenKind::Whitespace => {}
            TokenKind::LineComment | TokenKind::BlockComment => {
                out.comments.push(Span::new(tok.start, tok.end));
                if tok.kind == TokenKind::LineComment && tok.text(src).trim_end() == BREAKPOINT {
                    let body_end = cur.last_end;
                    cur.finish(&mut out, body_end, body_end, Terminator::Breakpoint);
                }
            }
            TokenKind::Punct if delimiter.is_none() && tok.is_punct(src, b';') && cur.resolve_end(src, None) == 0 => {
                cur.finish(&mut out, tok.end, tok.start, Terminator::Semicolon);
            }
            _ => {
                if delimiter.is_none() {
                    cur.resolve_end(src, Some(&tok));
                    cur.track_block(src, &tok);
                }
                cur.push(tok);
            }
        }
    }
    let end_at = cur.last_end;
    cur.finish(&mut out, end_at, end_at, Terminator::EndOfFile);
    out
}

#[derive(Default)]
struct Builder {
    tokens: Vec<Token>,
    last_end: usize,
    /// The statement is a routine definition (FUNCTION/PROCEDURE/TRIGGER/EVENT).
    routine: Option<bool>,
    depth: usize,
    pending_end: bool,
}

impl Builder {
    fn push(&mut self, tok: Token) {
        self.last_end = tok.end;
        self.tokens.push(tok);
    }

    fn finish(&mut self, out: &mut Split, span_end: usize, body_end: usize, terminator: Terminator) {
        if let Some(first) = self.tokens.first() {
            let start = first.start;
            out.statements.push(RawStatement {
                span: Span::new(start, span_end.max(start)),
                body: Span::new(start, body_end.max(start)),
                terminator,
                // An exact-size copy: the buffer, grown once, serves every statement.
                tokens: self.tokens.to_vec(),
            });
        }
        let mut buffer = std::mem::take(&mut self.tokens);
        buffer.clear();
        *self = Builder { tokens: buffer, ..Builder::default() };
    }

    fn is_routine(&mut self, src: &str) -> bool {
        if let Some(r) = self.routine {
            return r;
        }
        let toks = &self.tokens;
        let r = toks.first().is_some_and(|t| t.is_word(src, "create"))
            && toks
                .iter()
                .take(12)
                .take_while(|t| t.kind != TokenKind::Punct)
                .any(|t| ["function", "procedure", "trigger", "event"].iter().any(|k| t.is_word(src, k)));
        // Decide once enough of the head is known.
        if toks.len() >= 12 || toks.iter().any(|t| t.kind == TokenKind::Punct) {
            self.routine = Some(r);
        }
        r
    }

    /// Inside a compound body, `END` closes a block unless it is `END IF`,
    /// `END LOOP`, `END WHILE` or `END REPEAT`. Resolved when the next
    /// significant token is seen. Returns the current depth.
    fn resolve_end(&mut self, src: &str, next: Option<&Token>) -> usize {
        if self.pending_end {
            self.pending_end = false;
            let keeps = next.is_some_and(|t| ["if", "loop", "while", "repeat"].iter().any(|k| t.is_word(src, k)));
            if !keeps {
                self.depth = self.depth.saturating_sub(1);
            }
        }
        self.depth
    }

    fn track_block(&mut self, src: &str, tok: &Token) {
        if tok.kind != TokenKind::Word || !self.is_routine(src) {
            return;
        }
        if tok.is_word(src, "begin") {
            self.depth += 1;
        } else if self.depth > 0 && tok.is_word(src, "case") {
            // `END CASE` and a CASE expression's `END` both close it.
            self.depth += 1;
        } else if self.depth > 0 && tok.is_word(src, "end") {
            self.pending_end = true;
        }
    }
}

fn at_line_start(bytes: &[u8], pos: usize, start: usize) -> bool {
    let mut i = pos;
    while i > start {
        match bytes[i - 1] {
            b' ' | b'\t' => i -= 1,
            b'\n' => return true,
            _ => return false,
        }
    }
    true
}

/// `DELIMITER x` at `pos`: returns the new delimiter and the end of its line.
fn delimiter_command(src: &str, pos: usize, limit: usize) -> Option<(String, usize)> {
    let rest = &src[pos..limit];
    let kw = rest.get(..9)?;
    if !kw.eq_ignore_ascii_case("delimiter") {
        return None;
    }
    let after = &rest[9..];
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let line = &rest[9..line_len];
    let delim = line.split_whitespace().next()?.to_string();
    Some((delim, pos + line_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str, d: Dialect) -> Vec<String> {
        split(src, d).statements.iter().map(|s| s.body.slice(src).to_string()).collect()
    }

    #[test]
    fn semicolons_quotes_and_comments() {
        let src = "CREATE TABLE a (x text default ';');\n-- c; still comment\nSELECT $$;$$; /* ; */ SELECT 1";
        assert_eq!(
            texts(src, Dialect::Postgres),
            vec!["CREATE TABLE a (x text default ';')", "SELECT $$;$$", "SELECT 1"]
        );
    }

    #[test]
    fn drizzle_breakpoints() {
        let src = "CREATE TABLE a (id int);\n--> statement-breakpoint\nCREATE TABLE b (id int)\n--> statement-breakpoint\nSELECT 1;";
        let s = split(src, Dialect::Postgres);
        assert_eq!(s.statements.len(), 3);
        assert_eq!(s.statements[1].terminator, Terminator::Breakpoint);
        assert_eq!(s.statements[1].body.slice(src), "CREATE TABLE b (id int)");
    }

    #[test]
    fn mysql_delimiter_blocks() {
        let src = "DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END$$\nDELIMITER ;\nSELECT 1;";
        let t = texts(src, Dialect::Mysql);
        assert_eq!(t.len(), 2);
        assert!(t[0].starts_with("CREATE TRIGGER") && t[0].ends_with("END"));
        assert_eq!(t[1], "SELECT 1");
    }

    #[test]
    fn mysql_compound_without_delimiter() {
        let src = "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN IF NEW.x IS NULL THEN SET NEW.x = CASE WHEN 1 THEN 2 END; END IF; END;\nSELECT 1;";
        let t = texts(src, Dialect::Mysql);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[1], "SELECT 1");
    }

    #[test]
    fn transaction_begin_is_not_a_block() {
        let src = "BEGIN;\nCREATE TYPE e AS ENUM ('a');\nCOMMIT;";
        assert_eq!(texts(src, Dialect::Postgres).len(), 3);
    }

    #[test]
    fn pg_begin_atomic() {
        let src = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\nSELECT 3;";
        let t = texts(src, Dialect::Postgres);
        assert_eq!(t.len(), 2, "{t:?}");
    }
}
