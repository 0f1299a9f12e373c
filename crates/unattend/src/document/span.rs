//! Byte ranges into a document's decoded text.

use std::ops::Range;

/// A half-open byte range `start..end` into [`Document::text`](super::Document::text).
///
/// Spans index the decoded UTF-8 text (without BOM), not the raw file bytes, so
/// they are the same whatever the file's encoding; [`LineIndex`](super::LineIndex)
/// turns them into line:column positions.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// Builds a span from two offsets. Offsets fit in `u32` because the parser
    /// refuses inputs above [`ParseOptions::max_bytes`](super::ParseOptions).
    pub(crate) fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes (0 for a made-up span that ends before it starts).
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Self {
        span.range()
    }
}
