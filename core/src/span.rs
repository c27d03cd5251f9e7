//! Byte spans and their translation to the positions users see.
//!
//! Everything inside the core works on byte offsets into the original file
//! text. Hosts need 1-based line/column (columns counted in characters, as
//! editors and DESIGN §7 do) and, for JavaScript, UTF-16 offsets; this module
//! is the one place that converts.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text this span covers; empty when the span does not fit `text`
    /// (never panics, even for spans that do not land on char boundaries).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A 1-based line and 1-based column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Line starts of a text, for turning byte offsets into positions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0);
        // Eight bytes at a time: most words of SQL hold no newline.
        const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
        const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
        const NEWLINES: u64 = u64::from_ne_bytes([b'\n'; 8]);
        let mut chunks = bytes.chunks_exact(8);
        let mut at = 0;
        for chunk in &mut chunks {
            let x = u64::from_ne_bytes(chunk.try_into().expect("8 bytes")) ^ NEWLINES;
            // Nonzero when some byte of `x` is zero, i.e. a newline.
            if x.wrapping_sub(ONES) & !x & HIGHS != 0 {
                line_starts.extend(chunk.iter().enumerate().filter(|&(_, &b)| b == b'\n').map(|(i, _)| at + i + 1));
            }
            at += 8;
        }
        line_starts.extend(chunks.remainder().iter().enumerate().filter(|&(_, &b)| b == b'\n').map(|(i, _)| at + i + 1));
        LineIndex { line_starts }
    }

    /// Position of a byte offset. Offsets past the end clamp to the end;
    /// offsets inside a multi-byte character count the character as started.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let column = char_count(text.as_bytes().get(start..offset).unwrap_or(&[])) + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// Byte offset where 1-based `line` starts (clamped to the text).
    pub fn line_start(&self, line: usize) -> usize {
        let i = line.saturating_sub(1).min(self.line_starts.len() - 1);
        self.line_starts[i]
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

fn char_count(bytes: &[u8]) -> usize {
    // Count bytes that start a UTF-8 sequence; robust on any byte slice.
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// Byte offsets → UTF-16 code-unit offsets (JavaScript string indices) for
/// many offsets of one text: identity on ASCII text, otherwise a per-line
/// table so each lookup only walks part of one line.
pub struct Utf16Index<'a> {
    text: &'a str,
    lines: Option<(LineIndex, Vec<usize>)>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Utf16Index { text, lines: None };
        }
        let lines = LineIndex::new(text);
        let mut starts = Vec::with_capacity(lines.line_starts.len());
        let mut units = 0;
        let mut prev = 0;
        for &ls in &lines.line_starts {
            units += text[prev..ls].encode_utf16().count();
            starts.push(units);
            prev = ls;
        }
        Utf16Index { text, lines: Some((lines, starts)) }
    }

    pub fn offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        match &self.lines {
            None => byte,
            Some((lines, starts)) => {
                let line = lines.line_of(byte).max(1) - 1;
                let ls = lines.line_starts[line];
                let mut end = byte;
                while !self.text.is_char_boundary(end) {
                    end -= 1;
                }
                starts[line] + self.text[ls..end.max(ls)].encode_utf16().count()
            }
        }
    }
}

/// UTF-16 code-unit offset of a byte offset (JavaScript string indices).
pub fn utf16_offset(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let mut units = 0;
    for (i, ch) in text.char_indices() {
        if i >= offset {
            break;
        }
        units += ch.len_utf16();
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "ab\nçé x\r\nz";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(idx.position(text, 3), Position { line: 2, column: 1 });
        // "çé " is 5 bytes, 3 characters: 'x' is column 4.
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), Position { line: 2, column: 4 });
        let z = text.find('z').unwrap();
        assert_eq!(idx.position(text, z), Position { line: 3, column: 1 });
        assert_eq!(idx.position(text, 999), Position { line: 3, column: 2 });
    }

    #[test]
    fn line_starts_are_found_in_every_position() {
        for len in 0..40 {
            for nl in 0..len {
                let text: String = (0..len).map(|i| if i == nl || i % 11 == 10 { '\n' } else { 'x' }).collect();
                let expected: Vec<usize> = std::iter::once(0).chain(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1)).collect();
                assert_eq!(LineIndex::new(&text).line_starts, expected, "{text:?}");
            }
        }
        let text = "é\n😀\n\n";
        assert_eq!(LineIndex::new(text).line_starts, vec![0, 3, 8, 9]);
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let text = "a😀b";
        assert_eq!(utf16_offset(text, text.find('b').unwrap()), 3);
        let text = "-- 😀 é\r\nSELECT 'ü';\nx";
        let idx = Utf16Index::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.offset(i), utf16_offset(text, i), "at {i}");
        }
    }
}
