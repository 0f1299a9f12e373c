//! The lossless document layer.
//!
//! A [`Document`] holds the decoded text of an answer file and a flat tree of
//! nodes that point into it by byte [`Span`]s. Nothing is normalized away:
//! writing an unmodified document gives back the input bytes exactly, and
//! edits are text splices, so bytes outside an edit never change.
//!
//! ```
//! use unattend::document::Document;
//!
//! let doc = Document::parse(b"<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"specialize\"/></unattend>")?;
//! let settings = doc.root().child_elements().next().unwrap();
//! assert_eq!(settings.attribute_value("pass").as_deref(), Some("specialize"));
//! assert_eq!(doc.line_col(settings.span().start as usize).to_string(), "1:54");
//! # Ok::<(), unattend::document::ParseError>(())
//! ```

mod edit;
mod encoding;
mod error;
mod escape;
mod line_index;
mod names;
mod nodes;
mod parse;
mod recovery;
mod span;
mod tree;

use std::borrow::Cow;

pub use edit::{InsertPosition, TextEdit};
pub use encoding::{EncodingFinding, Newline, NewlineStats, SourceEncoding, TextEncoding};
pub use error::{EditError, EncodeError, ParseError, ParseErrorKind};
pub use escape::{escape_attribute, escape_text};
pub use line_index::{LineCol, LineIndex};
pub use names::is_qname;
pub(crate) use names::is_xml_char;
pub use nodes::{AttributeRef, Children, ElementRef, NodeRef};
pub use recovery::{AssumedNamespace, Recovery};
pub use span::Span;
pub use tree::{NodeId, NodeKind};

use tree::{AttrData, ElementData, NO_NAMESPACE, NodeData};

/// Namespace of answer-file elements.
pub const UNATTEND_NS: &str = "urn:schemas-microsoft-com:unattend";
/// Namespace of `wcm:action`, `wcm:keyValue` and other WMI configuration attributes.
pub const WCM_NS: &str = "http://schemas.microsoft.com/WMIConfig/2002/State";
/// Namespace of `cpi:offlineImage`, written by Windows System Image Manager.
pub const CPI_NS: &str = "urn:schemas-microsoft-com:cpi";
/// The XML Schema instance namespace (`xsi:`), declared by many generated files.
pub const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// Limits that keep hostile input from exhausting time or memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// Largest accepted input, in bytes. Default: 32 MiB (real answer files
    /// are rarely above 200 KiB).
    pub max_bytes: usize,
    /// Deepest accepted element nesting. Default: 256 (answer files nest about 10 deep).
    pub max_depth: usize,
    /// Most attributes accepted on one element. Default: 256.
    pub max_attributes: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_bytes: 32 * 1024 * 1024,
            max_depth: 256,
            max_attributes: 256,
        }
    }
}

/// The decoded text of raw bytes (BOM removed), even when the text is not
/// well-formed XML; `None` when the bytes cannot be decoded. For showing
/// where a parse error is.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    encoding::decode(bytes).ok().map(|d| d.text)
}

/// The error for an input over [`ParseOptions::max_bytes`].
pub(crate) fn too_large(len: usize, max: usize) -> ParseError {
    ParseError {
        message: format!("the file is {len} bytes; the limit is {max} bytes"),
        position: LineCol { line: 1, column: 1 },
        offset: 0,
        kind: ParseErrorKind::TooLarge,
    }
}

/// A well-formed XML document with every byte accounted for (or, from
/// [`Document::parse_recovering`], a malformed one read as far as its
/// structure is clear: see [`Recovery`]).
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    source: SourceEncoding,
    findings: Vec<EncodingFinding>,
    lines: LineIndex,
    options: ParseOptions,
    nodes: Vec<NodeData>,
    elements: Vec<ElementData>,
    attrs: Vec<AttrData>,
    namespaces: Vec<Box<str>>,
    root: u32,
    /// `Some` only for a recovered tree, which edits refuse.
    recovery: Option<Box<Recovery>>,
    /// Which node structure [`NodeId`]s were issued for: unique per parse,
    /// renewed by an edit that adds or removes nodes.
    generation: u64,
}

/// Generations come from one counter, so a handle from another document is
/// stale too.
fn next_generation() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Document {
    /// Reads a document from the raw bytes of a file, detecting its encoding.
    ///
    /// ```
    /// use unattend::Document;
    ///
    /// // UTF-16LE with a BOM and CRLF line ends, as Windows SIM saves files.
    /// let text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n  <!-- keep me -->\r\n</unattend>";
    /// let mut bytes = vec![0xFF, 0xFE];
    /// bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    /// let doc = Document::parse(&bytes)?;
    /// assert_eq!(doc.root().local_name(), "unattend");
    /// assert_eq!(doc.to_bytes()?, bytes); // written back byte for byte
    ///
    /// let err = Document::parse(b"<unattend>\n  <a></b>\n</unattend>").unwrap_err();
    /// assert_eq!((err.position.line, err.position.column), (2, 6));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(bytes: &[u8]) -> Result<Document, ParseError> {
        Document::parse_with(bytes, &ParseOptions::default())
    }

    /// Like [`Document::parse`], with explicit limits.
    pub fn parse_with(bytes: &[u8], options: &ParseOptions) -> Result<Document, ParseError> {
        if bytes.len() > options.max_bytes {
            return Err(too_large(bytes.len(), options.max_bytes));
        }
        let decoded = encoding::decode(bytes)?;
        Document::from_parts(
            decoded.text,
            decoded.source,
            decoded.findings,
            options.clone(),
            false,
        )
    }

    /// Reads a file as far as its structure is clear, for linting: an
    /// unescaped `&` or a bad reference (kept as literal text), text or
    /// comments before `<?xml` or text after the root (skipped), a stray end
    /// tag (skipped), a mismatched one (closes what it most likely meant),
    /// elements left open at the end (closed there), an undeclared `wcm:`
    /// prefix (read as the wcm namespace), and a root `<unattend>` without
    /// the answer-file namespace (read as if it had it).
    ///
    /// A well-formed answer file gives the same document as
    /// [`Document::parse`]. Otherwise the document carries a [`Recovery`]
    /// listing what was read past; its spans index the original text, and
    /// every edit refuses it. Faults of any other kind (and more than a few
    /// dozen) still fail, with the same error as [`Document::parse`].
    ///
    /// ```
    /// use unattend::document::{Document, EditError, ParseOptions};
    ///
    /// let bytes = b"<unattend><a>x & y</a></b></unattend>";
    /// let mut doc = Document::parse_recovering(bytes, &ParseOptions::default())?;
    /// let recovery = doc.recovery().unwrap();
    /// assert_eq!(recovery.faults.len(), 2); // the `&` and the stray </b>
    /// assert!(recovery.root_namespace.is_some());
    /// assert_eq!(doc.root().child("a").unwrap().text().as_deref(), Some("x & y"));
    /// let id = doc.root().id();
    /// assert!(matches!(doc.set_attribute(id, "a", "b"), Err(EditError::Recovered)));
    /// # Ok::<(), unattend::document::ParseError>(())
    /// ```
    pub fn parse_recovering(bytes: &[u8], options: &ParseOptions) -> Result<Document, ParseError> {
        if bytes.len() > options.max_bytes {
            return Err(too_large(bytes.len(), options.max_bytes));
        }
        let decoded = encoding::decode(bytes)?;
        let mut doc = Document::from_parts(
            decoded.text,
            decoded.source,
            decoded.findings,
            options.clone(),
            true,
        )?;
        doc.assume_unattend_namespace();
        Ok(doc)
    }

    /// Reads a document from text (written back as UTF-8 without BOM).
    pub fn parse_str(text: &str) -> Result<Document, ParseError> {
        Document::parse(text.as_bytes())
    }

    fn from_parts(
        text: String,
        source: SourceEncoding,
        findings: Vec<EncodingFinding>,
        options: ParseOptions,
        recovering: bool,
    ) -> Result<Document, ParseError> {
        let lines = LineIndex::new(&text);
        let tree = parse::parse(&text, &lines, &options, recovering)?;
        let recovery = (!tree.faults.is_empty()).then(|| {
            Box::new(Recovery {
                faults: tree.faults,
                root_namespace: None,
            })
        });
        Ok(Document {
            text,
            source,
            findings,
            lines,
            options,
            nodes: tree.nodes,
            elements: tree.elements,
            attrs: tree.attrs,
            namespaces: tree.namespaces,
            root: tree.root,
            recovery,
            generation: next_generation(),
        })
    }

    /// The decoded text (without BOM). All spans index into it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text covered by `span`; `None` when the span reaches past the
    /// end of the text, ends before it starts, or starts or ends inside a
    /// character (a span from another document, or made up).
    ///
    /// ```
    /// use unattend::Document;
    ///
    /// let doc = Document::parse_str("<a>é</a>")?;
    /// let root = doc.root();
    /// assert_eq!(doc.slice(root.name_span()), Some("a"));
    /// let mut inside = root.text_span().unwrap();
    /// inside.end -= 1; // the middle of `é`
    /// assert_eq!(doc.slice(inside), None);
    /// # Ok::<(), unattend::ParseError>(())
    /// ```
    pub fn slice(&self, span: Span) -> Option<&str> {
        self.text.get(span.range())
    }

    /// The text of a span this document issued (empty if it is not one).
    pub(crate) fn span_text(&self, span: Span) -> &str {
        self.slice(span).unwrap_or_default()
    }

    /// How the file was encoded.
    pub fn source_encoding(&self) -> &SourceEncoding {
        &self.source
    }

    /// Encoding problems that did not stop reading (for the linter).
    pub fn encoding_findings(&self) -> &[EncodingFinding] {
        &self.findings
    }

    /// The newline sequences the text uses.
    pub fn newlines(&self) -> NewlineStats {
        NewlineStats::of(&self.text)
    }

    /// The line index of the text.
    pub fn line_index(&self) -> &LineIndex {
        &self.lines
    }

    /// The 1-based line:column of a byte offset of [`Document::text`].
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }

    /// The root element.
    pub fn root(&self) -> ElementRef<'_> {
        ElementRef::new(self, self.root)
    }

    /// Every node, in document order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> + '_ {
        (0..self.nodes.len() as u32).map(move |i| NodeRef::new(self, i))
    }

    /// Every element, in document order.
    pub fn elements(&self) -> impl Iterator<Item = ElementRef<'_>> + '_ {
        self.nodes().filter_map(|n| n.as_element())
    }

    /// The node with this id; `None` when the id is stale (taken before
    /// an edit that added or removed nodes, or from another document).
    pub fn node(&self, id: NodeId) -> Option<NodeRef<'_>> {
        (id.generation == self.generation && (id.idx as usize) < self.nodes.len())
            .then(|| NodeRef::new(self, id.idx))
    }

    /// True when `id` was issued for this document's current node structure.
    pub fn is_current(&self, id: NodeId) -> bool {
        id.generation == self.generation
    }

    /// True when `other` has the same nodes (kinds, parents, element names)
    /// at the same positions: handles of one address the same nodes in the other.
    fn same_structure(&self, other: &Document) -> bool {
        self.nodes.len() == other.nodes.len()
            && self.nodes.iter().zip(&other.nodes).all(|(a, b)| {
                a.kind == b.kind
                    && a.parent == b.parent
                    && (a.kind != NodeKind::Element
                        || self.span_text(self.elements[a.element as usize].name)
                            == other.span_text(other.elements[b.element as usize].name))
            })
    }

    /// The element with this id, if the id names an element.
    pub fn element(&self, id: NodeId) -> Option<ElementRef<'_>> {
        self.node(id).and_then(|n| n.as_element())
    }

    /// The XML declaration's span, if the file has one (in a recovered
    /// document it may follow comments or text).
    pub fn declaration(&self) -> Option<Span> {
        self.nodes[..self.root as usize]
            .iter()
            .find(|n| n.kind == NodeKind::Declaration)
            .map(|n| n.span)
    }

    /// The bytes of the document in its original encoding. For an unmodified
    /// document these are exactly the bytes it was read from.
    pub fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        encoding::encode(&self.text, &self.source)
    }

    fn namespace_uri(&self, ns: u32) -> Option<&str> {
        if ns == NO_NAMESPACE {
            None
        } else {
            self.namespaces.get(ns as usize).map(|s| &**s)
        }
    }

    fn unescape<'a>(&'a self, span: Span, attribute: bool) -> Cow<'a, str> {
        escape::unescape(&self.text[span.range()], attribute)
    }
}
