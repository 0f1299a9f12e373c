//! Errors of reading and editing documents.

use super::line_index::LineCol;

/// Why a document could not be read. Every variant carries the position of
/// the problem so callers can print `file:line:col: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{position}: {message}")]
pub struct ParseError {
    /// What went wrong, in one short sentence.
    pub message: String,
    /// Where, as 1-based line and column (Unicode scalar values).
    pub position: LineCol,
    /// Byte offset into the decoded text (or, for decoding errors, the raw bytes).
    pub offset: usize,
    /// The class of problem, for programs that branch on it.
    pub kind: ParseErrorKind,
}

/// Classes of [`ParseError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The bytes are not valid in the detected encoding, or cannot be read back losslessly.
    Encoding,
    /// The input is larger than [`ParseOptions::max_bytes`](super::ParseOptions::max_bytes).
    TooLarge,
    /// Elements nest deeper than [`ParseOptions::max_depth`](super::ParseOptions::max_depth).
    TooDeep,
    /// An element has more attributes than [`ParseOptions::max_attributes`](super::ParseOptions::max_attributes).
    TooManyAttributes,
    /// A DOCTYPE or entity declaration: refused, never expanded.
    Doctype,
    /// An entity reference other than the five predefined ones, or a bad character reference.
    Reference,
    /// A namespace prefix with no `xmlns:` declaration in scope.
    UnboundPrefix,
    /// Any other well-formedness error.
    Syntax,
}

/// Why an edit was refused. The document is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    /// The node handle does not name an element of this document.
    #[error("node {0} is not an element of this document")]
    NotAnElement(u32),
    /// The node handle was taken before an edit that added or removed nodes,
    /// or from another document: look the element up again.
    #[error(
        "the node handle is stale (taken before an edit that added or removed nodes, or from another document); look the element up again"
    )]
    StaleNode,
    /// Setting a text value on an element that has child elements would drop them.
    #[error("element <{0}> has child elements; setting its text would drop them")]
    HasChildElements(String),
    /// The root element cannot be removed.
    #[error("the root element cannot be removed")]
    RootElement,
    /// An attribute name that is not a valid XML name.
    #[error("{0:?} is not a valid XML name")]
    InvalidName(String),
    /// Splices overlap or fall outside the text or inside a character.
    #[error("text edit {start}..{end} is out of bounds or overlaps another edit")]
    BadSplice {
        /// Start offset of the offending edit.
        start: usize,
        /// End offset of the offending edit.
        end: usize,
    },
    /// The markup given for insertion is not exactly one element.
    #[error("the markup to insert must be exactly one element")]
    NotOneElement,
    /// The edited text cannot be written in the file's encoding.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// The document was read by [`Document::parse_recovering`](super::Document::parse_recovering)
    /// past faults: its tree is not what its text says, so editing it could
    /// corrupt data. Fix the file (see the linter's findings) and read it with
    /// [`Document::parse`](super::Document::parse).
    #[error(
        "the file is not well-formed (it was read past its faults for linting only); fix it before editing"
    )]
    Recovered,
    /// The edited text is no longer well-formed; the edit was not applied.
    #[error("the edit would make the document invalid: {0}")]
    Invalid(#[source] ParseError),
}

/// Why a document could not be turned back into bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{position}: character {character:?} cannot be written in {encoding}")]
pub struct EncodeError {
    /// The character the target encoding lacks.
    pub character: char,
    /// The encoding's name.
    pub encoding: &'static str,
    /// Where the character is.
    pub position: LineCol,
}
