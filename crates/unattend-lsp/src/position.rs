//! Byte offsets of the buffer text to LSP positions and back, in the
//! encoding the client negotiated.
//!
//! LSP lines end at `\n`, `\r\n` or a lone `\r` (as the library's
//! `LineIndex` counts them); a character offset counts UTF-16 code units by
//! default, UTF-8 bytes when the client offered `utf-8`.

use lsp_types::{Position, Range};

/// How `Position::character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16 code units (the protocol's default).
    Utf16,
    /// UTF-8 bytes.
    Utf8,
}

/// Line starts of one text, for conversions in both directions.
#[derive(Debug, Clone)]
pub struct LineMap {
    starts: Vec<usize>,
    len: usize,
}

impl LineMap {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineMap {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineMap {
            starts,
            len: text.len(),
        }
    }

    /// The position of byte `offset` (clamped to the text; an offset inside
    /// a character counts from that character's start).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let segment = &text[self.starts[line]..offset];
        let character = match enc {
            Encoding::Utf8 => segment.len(),
            Encoding::Utf16 => segment.chars().map(char::len_utf16).sum(),
        };
        Position {
            line: line as u32,
            character: character as u32,
        }
    }

    /// The range of bytes `start..end`.
    pub fn range(&self, text: &str, start: usize, end: usize, enc: Encoding) -> Range {
        Range {
            start: self.position(text, start, enc),
            end: self.position(text, end, enc),
        }
    }

    /// The byte offset of `pos`. A line past the end gives the end of the
    /// text; a character past the line's end gives the line's end (before
    /// its newline); a position inside a surrogate pair or a multi-byte
    /// character gives that character's start.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return self.len;
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let content = text[start..end].trim_end_matches(['\r', '\n']);
        let want = pos.character as usize;
        let mut units = 0;
        for (i, c) in content.char_indices() {
            if units >= want {
                return start + i;
            }
            units += match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units > want {
                return start + i;
            }
        }
        start + content.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn non_ascii_and_crlf_round_trip() {
        // "é" is 2 UTF-8 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 units.
        let text = "a\r\né😀x\rb\nlast";
        let map = LineMap::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(map.position(text, x, Encoding::Utf16), pos(1, 3));
        assert_eq!(map.position(text, x, Encoding::Utf8), pos(1, 6));
        assert_eq!(map.offset(text, pos(1, 3), Encoding::Utf16), x);
        assert_eq!(map.offset(text, pos(1, 6), Encoding::Utf8), x);
        // Lone CR ends a line too.
        let b = text.find('b').unwrap();
        assert_eq!(map.position(text, b, Encoding::Utf16), pos(2, 0));
        // Inside the surrogate pair: the emoji's start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(map.offset(text, pos(1, 2), Encoding::Utf16), emoji);
        // Past the end of a line: before its CRLF.
        assert_eq!(map.offset(text, pos(0, 99), Encoding::Utf16), 1);
        // Past the last line: end of text.
        assert_eq!(map.offset(text, pos(9, 0), Encoding::Utf16), text.len());
        assert_eq!(map.position(text, text.len(), Encoding::Utf16), pos(3, 4));
    }

    #[test]
    fn every_boundary_round_trips() {
        let text = "<a>\r\n  ü€𝄞\n\r<b/>";
        let map = LineMap::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for (i, _) in text.char_indices() {
                // Between the CR and LF of a CRLF is no place in LSP terms.
                if text[..i].ends_with('\r') && text[i..].starts_with('\n') {
                    continue;
                }
                let p = map.position(text, i, enc);
                assert_eq!(map.offset(text, p, enc), i, "{enc:?} at {i}");
            }
        }
    }
}
