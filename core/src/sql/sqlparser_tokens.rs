//! Handing sqlparser the tokens the front end already has.
//!
//! Re-tokenising every statement was a quarter of a lint run's CPU time.
//! Words, quoted identifiers and punctuation map one to one onto sqlparser's
//! tokens; every other run of adjacent tokens (strings, numbers, operators,
//! parameters, and anything touching them without whitespace) is tokenised
//! by sqlparser's own tokenizer, so its exact rules (escapes, operator
//! splitting, dialect quirks) still decide. Runs are bounded by whitespace
//! or comments, so tokenising them on their own gives what tokenising the
//! statement would. `tests` check both paths give the same result.

use super::lexer::{Token, TokenKind};
use crate::Dialect;
use sqlparser::keywords::{Keyword, ALL_KEYWORDS, ALL_KEYWORDS_INDEX};
use sqlparser::tokenizer::{Location, Span as SpSpan, Token as SpToken, TokenWithSpan, Tokenizer, Whitespace, Word};
use std::cmp::Ordering;

/// sqlparser tokens for a statement's significant tokens, or `None` when
/// the statement should go through sqlparser's tokenizer instead.
pub fn convert(src: &str, body: crate::span::Span, toks: &[Token], dialect: &dyn sqlparser::dialect::Dialect, ours: Dialect) -> Option<Vec<TokenWithSpan>> {
    let body_start = body.start;
    // MySQL executes `/*! … */` comments as SQL; sqlparser tokenizes their
    // contents, the front end treats them as comments: leave those to it.
    if ours == Dialect::Mysql {
        if body.slice(src).contains("/*!") {
            return None;
        }
    }
    let mut out = Vec::with_capacity(toks.len() * 2);
    let mut loc = LocTracker { src, pos: body_start, line: 1, column: 1 };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if i > 0 && toks[i - 1].end != t.start {
            out.push(TokenWithSpan { token: SpToken::Whitespace(Whitespace::Space), span: SpSpan::empty() });
        }
        // The run of tokens adjacent to this one (no whitespace between).
        let mut j = i + 1;
        while j < toks.len() && toks[j - 1].end == toks[j].start {
            j += 1;
        }
        let run = &toks[i..j];
        let simple = run.iter().all(|t| simple_token(src, t, ours));
        if simple {
            for t in run {
                let start = loc.at(t.start);
                let token = map_simple(src, t, ours)?;
                out.push(TokenWithSpan { token, span: SpSpan::new(start, start) });
            }
        } else {
            let start = loc.at(run[0].start);
            let text = src.get(run[0].start..run[run.len() - 1].end)?;
            let sub = Tokenizer::new(dialect, text).tokenize().ok()?;
            for token in sub {
                out.push(TokenWithSpan { token, span: SpSpan::new(start, start) });
            }
        }
        i = j;
    }
    Some(out)
}

fn simple_token(src: &str, t: &Token, d: Dialect) -> bool {
    let text = t.text(src);
    match t.kind {
        TokenKind::Word => text.is_ascii() && !text.starts_with('$'),
        TokenKind::QuotedIdent => match d {
            Dialect::Postgres => text.starts_with('"') && !t.unterminated,
            Dialect::Mysql => text.starts_with('`') && !t.unterminated,
        },
        TokenKind::Punct => true,
        _ => false,
    }
}

fn map_simple(src: &str, t: &Token, _d: Dialect) -> Option<SpToken> {
    let text = t.text(src);
    Some(match t.kind {
        TokenKind::Word => SpToken::Word(Word { value: text.to_string(), quote_style: None, keyword: keyword(text) }),
        TokenKind::QuotedIdent => {
            let q = text.chars().next()?;
            SpToken::make_word(&super::lexer::unquote(text), Some(q))
        }
        TokenKind::Punct => match text.as_bytes().first()? {
            b'(' => SpToken::LParen,
            b')' => SpToken::RParen,
            b',' => SpToken::Comma,
            b';' => SpToken::SemiColon,
            b'.' => SpToken::Period,
            b'[' => SpToken::LBracket,
            b']' => SpToken::RBracket,
            b'{' => SpToken::LBrace,
            b'}' => SpToken::RBrace,
            _ => return None,
        },
        _ => return None,
    })
}

/// 1-based line/column (in characters) of offsets, advancing monotonically.
struct LocTracker<'a> {
    src: &'a str,
    pos: usize,
    line: u64,
    column: u64,
}

impl LocTracker<'_> {
    fn at(&mut self, offset: usize) -> Location {
        if offset > self.pos {
            for ch in self.src.get(self.pos..offset).unwrap_or("").chars() {
                if ch == '\n' {
                    self.line += 1;
                    self.column = 1;
                } else {
                    self.column += 1;
                }
            }
            self.pos = offset;
        }
        Location::new(self.line, self.column)
    }
}

/// sqlparser's keyword for an unquoted ASCII word: the same binary search
/// over its sorted upper-case list as `Token::make_word`, comparing case-
/// insensitively instead of allocating an upper-case copy per word.
fn keyword(word: &str) -> Keyword {
    let w = word.as_bytes();
    let found = ALL_KEYWORDS.binary_search_by(|k| {
        let k = k.as_bytes();
        for (a, b) in k.iter().zip(w) {
            match a.cmp(&b.to_ascii_uppercase()) {
                Ordering::Equal => {}
                other => return other,
            }
        }
        k.len().cmp(&w.len())
    });
    found.map_or(Keyword::NoKeyword, |i| ALL_KEYWORDS_INDEX[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_lookup_matches_sqlparser() {
        for w in ["select", "CREATE", "Table", "concurrently", "users", "email", "a", "zzzz", "_x", "IF", "not"] {
            let expected = match SpToken::make_word(w, None) {
                SpToken::Word(word) => word.keyword,
                _ => unreachable!(),
            };
            assert_eq!(keyword(w), expected, "{w}");
        }
        for k in ALL_KEYWORDS {
            let lower = k.to_ascii_lowercase();
            assert_ne!(keyword(&lower), Keyword::NoKeyword, "{k}");
        }
    }
}
