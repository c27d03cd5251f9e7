//! A small, total SQL lexer: every byte of any input lands in exactly one
//! token, nothing panics, and tokens never split a UTF-8 character.
//!
//! It exists because statement splitting must understand quoting exactly
//! (dollar quotes, nested comments, `E''` strings, backticks) on inputs that
//! no full parser accepts, and because the token stream is what unparsed
//! statements are classified from. Full parsing is sqlparser's job.

use crate::Dialect;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Keyword or unquoted identifier (may contain non-ASCII letters).
    Word,
    /// `"ident"` (Postgres, MySQL ANSI) or `` `ident` `` (MySQL).
    QuotedIdent,
    /// `'…'`, `E'…'`, `N'…'`, `B'…'`, `X'…'`, MySQL `"…"` is lexed as QuotedIdent.
    String,
    /// `$tag$ … $tag$` (Postgres).
    DollarString,
    Number,
    /// `$1`, `?`, `:name` style parameters.
    Param,
    /// One punctuation character: `( ) , ; .` and `[ ]`.
    Punct,
    /// Operators (`=`, `::`, `->>`, `:=`, …); consecutive operator characters.
    Operator,
    LineComment,
    BlockComment,
    Whitespace,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// For strings, quoted identifiers and comments: the input ended before
    /// the closing delimiter.
    pub unterminated: bool,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }

    #[inline]
    pub fn is_trivia(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Whitespace | TokenKind::LineComment | TokenKind::BlockComment
        )
    }

    /// True for a Word equal (ASCII case-insensitively) to `kw`.
    #[inline]
    pub fn is_word(&self, src: &str, kw: &str) -> bool {
        // The length first: it rules out almost every comparison.
        self.kind == TokenKind::Word && (self.end.wrapping_sub(self.start) == kw.len() || kw.is_empty()) && self.text(src).eq_ignore_ascii_case(kw)
    }

    #[inline]
    pub fn is_punct(&self, src: &str, c: u8) -> bool {
        self.kind == TokenKind::Punct && src.as_bytes().get(self.start) == Some(&c)
    }
}

/// Streaming lexer over `src`, starting at byte `pos` (callers may reposition
/// it, which the splitter does for MySQL `DELIMITER`).
pub struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pub pos: usize,
    /// Lex until here (exclusive); lets callers lex a sub-range in place so
    /// offsets stay file offsets.
    pub limit: usize,
    dialect: Dialect,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn is_ident_char(b: u8, dialect: Dialect) -> bool {
    CLASS[b as usize] & IDENT != 0 || b == b'$' && dialect == Dialect::Postgres
}

/// Byte classes of the lexer's fast paths.
const SPACE: u8 = 1;
/// Starts a word and cannot start a prefixed string (`E'…'`, `U&"…"`, …).
const WORD_START: u8 = 2;
/// Continues a word (besides Postgres' `$`).
const IDENT: u8 = 4;
/// A punctuation token of its own (not `.`, which may start a number).
const PUNCT: u8 = 8;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
            t[b] |= SPACE;
        }
        if (c.is_ascii_alphabetic() || c == b'_' || c >= 0x80) && !matches!(c, b'e' | b'E' | b'n' | b'N' | b'b' | b'B' | b'x' | b'X' | b'u' | b'U') {
            t[b] |= WORD_START;
        }
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            t[b] |= IDENT;
        }
        if matches!(c, b'(' | b')' | b',' | b';' | b'[' | b']' | b'{' | b'}') {
            t[b] |= PUNCT;
        }
        b += 1;
    }
    t
};

const OPERATOR_CHARS: &[u8] = b"+-*/<>=~!@#%^&|`?:";

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str, dialect: Dialect) -> Self {
        Self::in_range(src, 0, src.len(), dialect)
    }

    pub fn in_range(src: &'a str, start: usize, end: usize, dialect: Dialect) -> Self {
        let end = end.min(src.len());
        Lexer {
            src,
            bytes: src.as_bytes(),
            pos: start.min(end),
            limit: end,
            dialect,
        }
    }

    fn peek(&self, off: usize) -> Option<u8> {
        let i = self.pos + off;
        if i < self.limit {
            Some(self.bytes[i])
        } else {
            None
        }
    }

    /// Advance `pos` to the next char boundary at or after `i` (never past limit).
    fn boundary(&self, mut i: usize) -> usize {
        i = i.min(self.limit);
        while i < self.limit && !self.src.is_char_boundary(i) {
            i += 1;
        }
        i
    }

    pub fn next_token(&mut self) -> Option<Token> {
        if self.pos >= self.limit {
            return None;
        }
        let start = self.pos;
        let b = self.bytes[start];
        // Fast paths for most tokens: the same results as the arms below.
        let class = CLASS[b as usize];
        if class & (WORD_START | PUNCT) != 0 {
            let (kind, end) = if class & PUNCT != 0 {
                (TokenKind::Punct, start + 1)
            } else {
                let mut i = start + 1;
                while i < self.limit && is_ident_char(self.bytes[i], self.dialect) {
                    i += 1;
                }
                (TokenKind::Word, self.boundary(i))
            };
            self.pos = end;
            return Some(Token { kind, start, end, unterminated: false });
        }
        let mut unterminated = false;
        let kind = match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => {
                let mut i = start + 1;
                while i < self.limit && matches!(self.bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
                    i += 1;
                }
                self.pos = i;
                TokenKind::Whitespace
            }
            b'-' if self.peek(1) == Some(b'-') && self.line_comment_allowed() => {
                self.pos = self.line_end(start);
                TokenKind::LineComment
            }
            b'#' if self.dialect == Dialect::Mysql => {
                self.pos = self.line_end(start);
                TokenKind::LineComment
            }
            b'/' if self.peek(1) == Some(b'*') => {
                unterminated = !self.block_comment(start);
                TokenKind::BlockComment
            }
            b'\'' => {
                unterminated = !self.quoted(start + 1, b'\'', self.dialect == Dialect::Mysql);
                TokenKind::String
            }
            b'"' => {
                unterminated = !self.quoted(start + 1, b'"', self.dialect == Dialect::Mysql);
                TokenKind::QuotedIdent
            }
            b'`' if self.dialect == Dialect::Mysql => {
                unterminated = !self.quoted(start + 1, b'`', false);
                TokenKind::QuotedIdent
            }
            b'$' if self.dialect == Dialect::Postgres => self.dollar(start, &mut unterminated),
            b'0'..=b'9' => {
                self.number(start);
                TokenKind::Number
            }
            b'.' if matches!(self.peek(1), Some(b'0'..=b'9')) => {
                self.number(start);
                TokenKind::Number
            }
            b'(' | b')' | b',' | b';' | b'.' | b'[' | b']' | b'{' | b'}' => {
                self.pos = start + 1;
                TokenKind::Punct
            }
            b if is_ident_start(b) => {
                // String prefixes: E'..' (escapes), N'..', B'..', X'..', U&'..'.
                let next = self.peek(1);
                if next == Some(b'\'') && matches!(b, b'e' | b'E' | b'n' | b'N' | b'b' | b'B' | b'x' | b'X') {
                    let escapes = matches!(b, b'e' | b'E') || self.dialect == Dialect::Mysql;
                    unterminated = !self.quoted(start + 2, b'\'', escapes);
                    TokenKind::String
                } else if (b == b'u' || b == b'U')
                    && next == Some(b'&')
                    && matches!(self.peek(2), Some(b'\'') | Some(b'"'))
                {
                    let q = self.bytes[start + 2];
                    unterminated = !self.quoted(start + 3, q, false);
                    if q == b'"' {
                        TokenKind::QuotedIdent
                    } else {
                        TokenKind::String
                    }
                } else {
                    let mut i = start + 1;
                    while i < self.limit && is_ident_char(self.bytes[i], self.dialect) {
                        i += 1;
                    }
                    self.pos = self.boundary(i);
                    TokenKind::Word
                }
            }
            b'?' if self.dialect == Dialect::Mysql => {
                self.pos = start + 1;
                TokenKind::Param
            }
            b if OPERATOR_CHARS.contains(&b) => {
                let mut i = start + 1;
                while i < self.limit && OPERATOR_CHARS.contains(&self.bytes[i]) {
                    // Stop before a comment start so `=--x` keeps its comment.
                    let rest = &self.bytes[i..self.limit];
                    if rest.starts_with(b"--") || rest.starts_with(b"/*") {
                        break;
                    }
                    if self.dialect == Dialect::Mysql && (self.bytes[i] == b'`' || self.bytes[i] == b'#') {
                        break;
                    }
                    i += 1;
                }
                self.pos = i;
                TokenKind::Operator
            }
            _ => {
                // Any other byte (control characters, stray bytes): one char.
                self.pos = self.boundary(start + 1);
                TokenKind::Operator
            }
        };
        if self.pos <= start {
            // Defensive: guarantee progress on every input.
            self.pos = self.boundary(start + 1);
        }
        Some(Token {
            kind,
            start,
            end: self.pos,
            unterminated,
        })
    }

    fn line_comment_allowed(&self) -> bool {
        // MySQL requires whitespace (or end of input) after `--`.
        // Drizzle's `--> statement-breakpoint` is split off by its migrator
        // before MySQL sees it, so it is a comment in every dialect.
        self.dialect != Dialect::Mysql
            || matches!(self.peek(2), None | Some(b' ') | Some(b'\t') | Some(b'\n') | Some(b'\r'))
            || self.bytes[self.pos..self.limit].starts_with(super::split::BREAKPOINT.as_bytes())
    }

    fn line_end(&self, start: usize) -> usize {
        match memchr_newline(&self.bytes[start..self.limit]) {
            Some(i) => start + i,
            None => self.limit,
        }
    }

    /// Block comment starting at `start`; Postgres comments nest, MySQL's do not.
    fn block_comment(&mut self, start: usize) -> bool {
        let mut depth = 1usize;
        let mut i = start + 2;
        while i + 1 < self.limit + 1 && i < self.limit {
            let c = self.bytes[i];
            if c == b'*' && i + 1 < self.limit && self.bytes[i + 1] == b'/' {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    self.pos = i;
                    return true;
                }
            } else if c == b'/' && i + 1 < self.limit && self.bytes[i + 1] == b'*' && self.dialect == Dialect::Postgres {
                depth += 1;
                i += 2;
            } else {
                i += 1;
            }
        }
        self.pos = self.limit;
        false
    }

    /// A quoted run whose opening quote precedes `from`; doubled quotes escape,
    /// and backslash escapes when `backslash`.
    fn quoted(&mut self, from: usize, quote: u8, backslash: bool) -> bool {
        let mut i = from;
        while i < self.limit {
            let c = self.bytes[i];
            if backslash && c == b'\\' {
                i += 2;
                continue;
            }
            if c == quote {
                if i + 1 < self.limit && self.bytes[i + 1] == quote {
                    i += 2;
                    continue;
                }
                self.pos = i + 1;
                return true;
            }
            i += 1;
        }
        self.pos = self.limit;
        false
    }

    fn dollar(&mut self, start: usize, unterminated: &mut bool) -> TokenKind {
        // `$1` is a parameter; `$tag$` / `$$` opens a dollar-quoted string.
        let mut i = start + 1;
        if matches!(self.peek(1), Some(b'0'..=b'9')) {
            while i < self.limit && self.bytes[i].is_ascii_digit() {
                i += 1;
            }
            self.pos = i;
            return TokenKind::Param;
        }
        while i < self.limit && (self.bytes[i].is_ascii_alphanumeric() || self.bytes[i] == b'_' || self.bytes[i] >= 0x80) {
            i += 1;
        }
        if i < self.limit && self.bytes[i] == b'$' {
            let tag = &self.bytes[start..=i];
            let body = i + 1;
            match find(&self.bytes[body..self.limit], tag) {
                Some(j) => {
                    self.pos = body + j + tag.len();
                }
                None => {
                    self.pos = self.limit;
                    *unterminated = true;
                }
            }
            TokenKind::DollarString
        } else {
            self.pos = self.boundary(start + 1);
            TokenKind::Operator
        }
    }

    fn number(&mut self, start: usize) {
        let mut i = start;
        let mut seen_dot = false;
        let mut seen_exp = false;
        while i < self.limit {
            let c = self.bytes[i];
            if c.is_ascii_digit() || c == b'_' {
                i += 1;
            } else if c == b'.' && !seen_dot && !seen_exp {
                // `1..2` is not a number continuation.
                if i + 1 < self.limit && self.bytes[i + 1] == b'.' {
                    break;
                }
                seen_dot = true;
                i += 1;
            } else if (c == b'e' || c == b'E') && !seen_exp {
                let mut j = i + 1;
                if j < self.limit && (self.bytes[j] == b'+' || self.bytes[j] == b'-') {
                    j += 1;
                }
                if j < self.limit && self.bytes[j].is_ascii_digit() {
                    seen_exp = true;
                    i = j;
                } else {
                    break;
                }
            } else if (c == b'x' || c == b'X') && i == start + 1 && self.bytes[start] == b'0' {
                i += 1;
                while i < self.limit && self.bytes[i].is_ascii_hexdigit() {
                    i += 1;
                }
                break;
            } else {
                break;
            }
        }
        self.pos = i.max(start + 1);
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        match hay[i..=hay.len() - needle.len()].iter().position(|&b| b == first) {
            Some(p) => {
                i += p;
                if &hay[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
            None => return None,
        }
    }
    None
}

/// Lex a whole text.
pub fn tokenize(src: &str, dialect: Dialect) -> Vec<Token> {
    let mut lexer = Lexer::new(src, dialect);
    let mut out = Vec::with_capacity(src.len() / 4);
    while let Some(t) = lexer.next_token() {
        out.push(t);
    }
    out
}

/// The value of an identifier token as the database sees it: quoted
/// identifiers keep their case (with doubled quotes collapsed), unquoted
/// ones fold to lower case on Postgres and keep their case on MySQL.
pub fn ident_value(src: &str, tok: &Token, dialect: Dialect) -> String {
    let text = tok.text(src);
    match tok.kind {
        TokenKind::QuotedIdent => unquote(text),
        _ => match dialect {
            Dialect::Postgres => text.to_lowercase(),
            Dialect::Mysql => text.to_string(),
        },
    }
}

/// Strip one level of quotes from `"x"`, `` `x` `` or `'x'`, collapsing
/// doubled quote characters.
pub fn unquote(text: &str) -> String {
    let text = text.strip_prefix("U&").unwrap_or(text);
    let bytes = text.as_bytes();
    if bytes.len() >= 2 {
        let q = bytes[0];
        if matches!(q, b'"' | b'`' | b'\'') && bytes[bytes.len() - 1] == q {
            let inner = &text[1..text.len() - 1];
            // Hot path: most quoted names contain no doubled quote.
            if !inner.as_bytes().contains(&q) {
                return inner.to_string();
            }
            let (one, two) = if q == b'"' { ("\"", "\"\"") } else if q == b'`' { ("`", "``") } else { ("'", "''") };
            return inner.replace(two, one);
        }
    }
    if bytes.len() == 1 && matches!(bytes[0], b'"' | b'`' | b'\'') {
        return String::new();
    }
    text.strip_prefix(['"', '`']).unwrap_or(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str, d: Dialect) -> Vec<(TokenKind, &str)> {
        tokenize(src, d)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Whitespace)
            .map(|t| (t.kind, &src[t.start..t.end]))
            .collect()
    }

    #[test]
    fn dollar_quotes_and_params() {
        let src = "SELECT $1, $body$ a; $$ b $body$, $$x$$;";
        let k = kinds(src, Dialect::Postgres);
        assert_eq!(k[1], (TokenKind::Param, "$1"));
        assert_eq!(k[3], (TokenKind::DollarString, "$body$ a; $$ b $body$"));
        assert_eq!(k[5], (TokenKind::DollarString, "$$x$$"));
    }

    #[test]
    fn nested_comments_pg_not_mysql() {
        let src = "/* a /* b */ c */ x";
        assert_eq!(kinds(src, Dialect::Postgres)[0].1, "/* a /* b */ c */");
        assert_eq!(kinds(src, Dialect::Mysql)[0].1, "/* a /* b */");
    }

    #[test]
    fn escape_strings() {
        let src = r"E'it\'s' 'a''b' 'c\'";
        let k = kinds(src, Dialect::Postgres);
        assert_eq!(k[0].1, r"E'it\'s'");
        assert_eq!(k[1].1, "'a''b'");
        // standard_conforming_strings: the backslash is literal.
        assert_eq!(k[2].1, r"'c\'");
    }

    #[test]
    fn mysql_backticks_and_comments() {
        let src = "`we``ird` -- c\n#h\n--x";
        let k = kinds(src, Dialect::Mysql);
        assert_eq!(k[0], (TokenKind::QuotedIdent, "`we``ird`"));
        assert_eq!(k[1].0, TokenKind::LineComment);
        assert_eq!(k[2].0, TokenKind::LineComment);
        assert_eq!(k[3].0, TokenKind::Operator);
        assert_eq!(unquote("`we``ird`"), "we`ird");
    }

    #[test]
    fn unterminated_inputs_end_cleanly() {
        for src in ["'abc", "\"abc", "$$abc", "/* abc", "$a$ x", "E'\\"] {
            let toks = tokenize(src, Dialect::Postgres);
            assert_eq!(toks.last().unwrap().end, src.len(), "{src}");
        }
    }

    #[test]
    fn non_ascii_identifiers_stay_whole() {
        let src = "CREATE TABLE café_ü (naïve int); -- 😀";
        let toks = tokenize(src, Dialect::Postgres);
        assert!(toks.iter().any(|t| t.text(src) == "café_ü"));
        assert!(toks.iter().any(|t| t.text(src) == "naïve"));
    }
}
