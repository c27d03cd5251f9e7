//! A cursor over a statement's significant tokens, with the small vocabulary
//! the DDL reader needs (keywords, identifiers, balanced parentheses).

use super::lexer::{ident_value, Token, TokenKind};
use crate::span::Span;
use crate::Dialect;

#[derive(Clone)]
pub struct Cursor<'a> {
    pub src: &'a str,
    pub toks: &'a [Token],
    pub pos: usize,
    pub dialect: Dialect,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str, toks: &'a [Token], dialect: Dialect) -> Self {
        Cursor {
            src,
            toks,
            pos: 0,
            dialect,
        }
    }

    #[inline]
    pub fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    #[inline]
    pub fn peek(&self) -> Option<&'a Token> {
        self.toks.get(self.pos)
    }

    #[inline]
    pub fn peek_at(&self, n: usize) -> Option<&'a Token> {
        self.toks.get(self.pos + n)
    }

    #[inline]
    pub fn bump(&mut self) -> Option<&'a Token> {
        let t = self.toks.get(self.pos);
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    #[inline]
    pub fn text(&self, t: &Token) -> &'a str {
        t.text(self.src)
    }

    #[inline]
    pub fn at_word(&self, kw: &str) -> bool {
        self.peek().is_some_and(|t| t.is_word(self.src, kw))
    }

    #[inline]
    pub fn at_word_n(&self, n: usize, kw: &str) -> bool {
        self.peek_at(n).is_some_and(|t| t.is_word(self.src, kw))
    }

    pub fn at_any_word(&self, kws: &[&str]) -> bool {
        match self.peek() {
            Some(t) if t.kind == TokenKind::Word => {
                let text = self.text(t);
                kws.iter().any(|k| text.eq_ignore_ascii_case(k))
            }
            _ => false,
        }
    }

    #[inline]
    pub fn eat_word(&mut self, kw: &str) -> bool {
        if self.at_word(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Eat the whole keyword sequence or nothing.
    pub fn eat_words(&mut self, kws: &[&str]) -> bool {
        if kws.iter().enumerate().all(|(i, k)| self.at_word_n(i, k)) {
            self.pos += kws.len();
            true
        } else {
            false
        }
    }

    #[inline]
    pub fn at_punct(&self, c: u8) -> bool {
        self.peek().is_some_and(|t| t.is_punct(self.src, c))
    }

    pub fn eat_punct(&mut self, c: u8) -> bool {
        if self.at_punct(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub fn at_operator(&self, op: &str) -> bool {
        self.peek().is_some_and(|t| t.kind == TokenKind::Operator && self.text(t) == op)
    }

    pub fn eat_operator(&mut self, op: &str) -> bool {
        if self.at_operator(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// `IF NOT EXISTS` / `IF EXISTS`.
    pub fn eat_if_not_exists(&mut self) -> bool {
        self.eat_words(&["if", "not", "exists"])
    }

    pub fn eat_if_exists(&mut self) -> bool {
        self.eat_words(&["if", "exists"])
    }

    /// An identifier: a word or a quoted identifier (MySQL also accepts a
    /// string literal in a few name positions, e.g. index names in old dumps).
    pub fn ident(&mut self) -> Option<String> {
        let t = self.peek()?;
        match t.kind {
            TokenKind::Word | TokenKind::QuotedIdent => {
                self.pos += 1;
                Some(ident_value(self.src, t, self.dialect))
            }
            _ => None,
        }
    }

    /// `a`, `a.b`, `a.b.c` — returns the parts.
    pub fn object_name(&mut self) -> Option<Vec<String>> {
        let mut parts = vec![self.ident()?];
        while self.at_punct(b'.') {
            let save = self.pos;
            self.pos += 1;
            match self.ident() {
                Some(p) => parts.push(p),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Some(parts)
    }

    /// At `(`: skip to after the matching `)`; returns the inner span.
    pub fn skip_parens(&mut self) -> Option<Span> {
        if !self.at_punct(b'(') {
            return None;
        }
        let open = self.bump()?;
        let mut depth = 1usize;
        let inner_start = open.end;
        while let Some(t) = self.bump() {
            if t.is_punct(self.src, b'(') {
                depth += 1;
            } else if t.is_punct(self.src, b')') {
                depth -= 1;
                if depth == 0 {
                    return Some(Span::new(inner_start, t.start));
                }
            }
        }
        Some(Span::new(inner_start, self.src.len().min(self.toks.last().map_or(inner_start, |t| t.end))))
    }

    /// Consume tokens until `stop` matches a token at parenthesis depth 0
    /// (or the end); returns the span of what was consumed, if anything.
    pub fn take_until(&mut self, stop: impl Fn(&Cursor<'a>) -> bool) -> Option<Span> {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(t) = self.peek() {
            if depth == 0 && stop(self) {
                break;
            }
            if t.is_punct(self.src, b'(') || t.is_punct(self.src, b'[') {
                depth += 1;
            } else if t.is_punct(self.src, b')') || t.is_punct(self.src, b']') {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            self.pos += 1;
        }
        if self.pos > start {
            Some(Span::new(self.toks[start].start, self.toks[self.pos - 1].end))
        } else {
            None
        }
    }

    /// The tokens from `from` to the current position (exclusive).
    pub fn span_from(&self, from: usize) -> Option<Span> {
        if self.pos > from && from < self.toks.len() {
            Some(Span::new(self.toks[from].start, self.toks[self.pos - 1].end))
        } else {
            None
        }
    }

    /// Split the tokens inside the parentheses at the cursor on top-level
    /// commas; each item is a token sub-slice. Consumes the parentheses.
    pub fn paren_list(&mut self) -> Option<Vec<&'a [Token]>> {
        if !self.at_punct(b'(') {
            return None;
        }
        self.pos += 1;
        let mut items = Vec::new();
        let mut depth = 0usize;
        let mut item_start = self.pos;
        while let Some(t) = self.peek() {
            if t.is_punct(self.src, b'(') || t.is_punct(self.src, b'[') {
                depth += 1;
            } else if t.is_punct(self.src, b')') || t.is_punct(self.src, b']') {
                if depth == 0 {
                    if self.pos > item_start {
                        items.push(&self.toks[item_start..self.pos]);
                    }
                    self.pos += 1;
                    return Some(items);
                }
                depth -= 1;
            } else if depth == 0 && t.is_punct(self.src, b',') {
                items.push(&self.toks[item_start..self.pos]);
                item_start = self.pos + 1;
            }
            self.pos += 1;
        }
        if self.pos > item_start {
            items.push(&self.toks[item_start..self.pos]);
        }
        Some(items)
    }

    /// A parenthesised list of plain identifiers, e.g. `("a", "b")`.
    pub fn ident_list(&mut self) -> Option<Vec<String>> {
        let items = self.paren_list()?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let mut c = Cursor::new(self.src, item, self.dialect);
            out.push(c.ident()?);
        }
        Some(out)
    }

    pub fn sub(&self, toks: &'a [Token]) -> Cursor<'a> {
        Cursor::new(self.src, toks, self.dialect)
    }

    /// Span of the remaining tokens.
    pub fn rest_span(&self) -> Option<Span> {
        let first = self.toks.get(self.pos)?;
        let last = self.toks.last()?;
        Some(Span::new(first.start, last.end))
    }
}
