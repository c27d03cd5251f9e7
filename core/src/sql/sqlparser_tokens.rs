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
use sqlparser::tokenizer::{Location, Span as SpSpan, Token as SpToken, TokenWithSpan, Tokenizer, Word};

/// sqlparser tokens for a statement's significant tokens, or `None` when
/// the statement should go through sqlparser's tokenizer instead.
///
/// With `locations` false every token gets an empty span: sqlparser's
/// decisions never depend on token locations (they only appear in error
/// messages and AST spans, which `PartialEq` ignores), so whether a
/// statement parses is decided without the cost of tracking lines and
/// columns; callers reparse with locations for the error message.
pub fn convert(src: &str, body: crate::span::Span, toks: &[Token], dialect: &dyn sqlparser::dialect::Dialect, ours: Dialect, locations: bool) -> Option<Vec<TokenWithSpan>> {
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
    // No whitespace tokens: the parser skips them, and runs are split at
    // whitespace, so nothing depends on them (checked by the tests).
    // One pass over each run of adjacent tokens (no whitespace between):
    // mapped token by token while every token is simple; a run that turns
    // out not to be goes back to sqlparser's tokenizer as a whole.
    let mut i = 0;
    while i < toks.len() {
        let run_out = out.len();
        let run_start = if locations { loc.at(toks[i].start) } else { Location::new(0, 0) };
        let mut simple = true;
        let mut j = i;
        loop {
            let adjacent = j + 1 < toks.len() && toks[j].end == toks[j + 1].start;
            if simple {
                let t = &toks[j];
                let prev = (j > i).then(|| &toks[j - 1]);
                let next = if adjacent { Some(&toks[j + 1]) } else { None };
                if simple_token(src, t, ours) || literal_token(src, t, prev, next) {
                    let span = if locations {
                        let start = loc.at(t.start);
                        SpSpan::new(start, start)
                    } else {
                        SpSpan::empty()
                    };
                    out.push(TokenWithSpan { token: map_simple(src, t, ours)?, span });
                } else {
                    simple = false;
                }
            }
            j += 1;
            if !adjacent {
                break;
            }
        }
        if !simple {
            out.truncate(run_out);
            let text = src.get(toks[i].start..toks[j - 1].end)?;
            let sub = Tokenizer::new(dialect, text).tokenize().ok()?;
            for token in sub.into_iter().filter(|t| !matches!(t, SpToken::Whitespace(_))) {
                out.push(TokenWithSpan { token, span: SpSpan::new(run_start, run_start) });
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

/// A literal whose sqlparser token needs no tokenizer: a run of ASCII
/// digits (`Number`) or a `'…'` string without quotes or backslashes inside
/// (`SingleQuotedString` of the text between the quotes), between
/// punctuation other than `.` (which decides whether digits are a number or
/// part of a name) or whitespace. Anything else touching it (a sign, `::`,
/// a prefix or suffix letter) sends the run to sqlparser's tokenizer.
fn literal_token(src: &str, t: &Token, prev: Option<&Token>, next: Option<&Token>) -> bool {
    let text = t.text(src).as_bytes();
    let literal = match t.kind {
        TokenKind::Number => text.iter().all(u8::is_ascii_digit),
        TokenKind::String => plain_string(text) && !t.unterminated,
        _ => false,
    };
    let punct = |n: Option<&Token>| n.is_none_or(|n| n.kind == TokenKind::Punct && src.as_bytes().get(n.start) != Some(&b'.'));
    literal && !text.is_empty() && punct(prev) && punct(next)
}

fn plain_string(text: &[u8]) -> bool {
    text.len() >= 2 && text[0] == b'\'' && text[text.len() - 1] == b'\'' && !text[1..text.len() - 1].iter().any(|b| *b == b'\'' || *b == b'\\')
}

fn map_simple(src: &str, t: &Token, _d: Dialect) -> Option<SpToken> {
    let text = t.text(src);
    Some(match t.kind {
        TokenKind::Number => SpToken::Number(text.to_string(), false),
        TokenKind::String => SpToken::SingleQuotedString(text.get(1..text.len() - 1)?.to_string()),
        TokenKind::Word => SpToken::Word(Word { value: text.to_string(), quote_style: None, keyword: keyword(text) }),
        // What `Token::make_word(&unquoted, Some(q))` builds, without copying
        // the unquoted name again (a quoted word is never a keyword).
        TokenKind::QuotedIdent => SpToken::Word(Word { value: super::lexer::unquote(text), quote_style: Some(text.chars().next()?), keyword: Keyword::NoKeyword }),
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

/// sqlparser's keyword for an unquoted ASCII word (what `Token::make_word`
/// computes with an upper-case copy and a binary search over ~900 names):
/// the word upper-cased on the stack and hashed in the same pass, then an
/// open-addressing table built once.
fn keyword(word: &str) -> Keyword {
    let w = word.as_bytes();
    let table = keyword_table();
    if w.len() > table.max_len {
        return Keyword::NoKeyword;
    }
    let mut buf = [0u8; 64];
    let mut h = FNV_OFFSET;
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_uppercase();
        h = (h ^ *d as u64).wrapping_mul(FNV_PRIME);
    }
    let upper = &buf[..w.len()];
    let mut i = h as usize & table.mask;
    loop {
        match table.slots[i] {
            0 => return Keyword::NoKeyword,
            k if ALL_KEYWORDS[k as usize - 1].as_bytes() == upper => return ALL_KEYWORDS_INDEX[k as usize - 1],
            _ => i = (i + 1) & table.mask,
        }
    }
}

struct KeywordTable {
    /// 1 + the keyword's index in `ALL_KEYWORDS`; 0 for an empty slot.
    slots: Box<[u16]>,
    mask: usize,
    max_len: usize,
}

/// FNV-1a: keys are short ASCII words, where SipHash's setup dominates.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, b| (h ^ *b as u64).wrapping_mul(FNV_PRIME))
}

fn keyword_table() -> &'static KeywordTable {
    static TABLE: std::sync::OnceLock<KeywordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        // At most a quarter full: probes are short.
        let size = (ALL_KEYWORDS.len() * 4).next_power_of_two();
        let mut slots = vec![0u16; size].into_boxed_slice();
        for (k, kw) in ALL_KEYWORDS.iter().enumerate() {
            let mut i = fnv(kw.as_bytes()) as usize & (size - 1);
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = u16::try_from(k + 1).expect("fewer than 65,535 keywords");
        }
        KeywordTable { slots, mask: size - 1, max_len: ALL_KEYWORDS.iter().map(|k| k.len()).max().unwrap_or(0).min(64) }
    })
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
        for (k, index) in ALL_KEYWORDS.iter().zip(ALL_KEYWORDS_INDEX) {
            let lower = k.to_ascii_lowercase();
            assert_eq!(keyword(&lower), *index, "{k}");
            assert_eq!(keyword(k), *index, "{k}");
        }
        assert_eq!(keyword(&"x".repeat(200)), Keyword::NoKeyword);
    }
}
