//! Offsets to 1-based line:column positions.

/// A position in a text: 1-based line and 1-based column counted in Unicode
/// scalar values (what editors and CI annotations expect).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct LineCol {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in Unicode scalar values.
    pub column: u32,
}

impl std::fmt::Display for LineCol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Start offsets of every line of a text, for fast offset → line:column lookup.
///
/// A line ends after `\n`, after `\r\n`, or after a lone `\r` (old Mac files),
/// matching how XML processors count lines.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
        starts.push(0);
        // One memchr pass over `\n` finds the lines of LF and CRLF files;
        // a lone `\r` (old Mac files) is rare enough to take the slow path.
        let mut crlf = 0;
        for i in memchr::memchr_iter(b'\n', bytes) {
            crlf += usize::from(i > 0 && bytes[i - 1] == b'\r');
            starts.push((i + 1) as u32);
        }
        if memchr::memchr_iter(b'\r', bytes).count() != crlf {
            starts.truncate(1);
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    starts.push((i + 1) as u32);
                }
            }
        }
        LineIndex { starts }
    }

    /// Number of lines (a text without newline has one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 1-based `line` starts, if it exists.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        let idx = (line as usize).checked_sub(1)?;
        self.starts.get(idx).map(|&s| s as usize)
    }

    /// Converts a byte offset of `text` (the text this index was built from)
    /// to a line:column. Offsets past the end clamp to the end; offsets inside
    /// a multi-byte character count that character as started. Never panics,
    /// whatever the offset (or the text).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line_idx = match self.starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line_idx).copied().unwrap_or(0) as usize;
        // `get`: a text other than the indexed one must not panic.
        let segment = text.as_bytes().get(start..offset).unwrap_or_default();
        // Count scalar values: every byte that is not a UTF-8 continuation byte.
        let column = segment.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        LineCol {
            line: line_idx as u32 + 1,
            column: column as u32 + 1,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_scalar_values() {
        let text = "ab\r\nçd\ne\rf";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(text, 2), LineCol { line: 1, column: 3 });
        // 'ç' is two bytes; 'd' is the second column of line 2.
        let d = text.find('d').unwrap();
        assert_eq!(idx.line_col(text, d), LineCol { line: 2, column: 2 });
        let f = text.find('f').unwrap();
        assert_eq!(idx.line_col(text, f), LineCol { line: 4, column: 1 });
        assert_eq!(idx.line_col(text, 999), LineCol { line: 4, column: 2 });
        assert_eq!(idx.line_start(2), Some(4));
        assert_eq!(idx.line_start(9), None);
    }

    #[test]
    fn empty_text_has_one_line() {
        let idx = LineIndex::new("");
        assert_eq!(idx.line_col("", 0), LineCol { line: 1, column: 1 });
    }
}
