//! The flat node tree: nodes in a `Vec` in document order, linked by indices.

use super::span::Span;

/// A handle on a node of one [`Document`](super::Document).
///
/// A handle names its node's position in document order and the document
/// state it was taken from. It stays valid across edits that keep the node
/// structure (changing an attribute, or the text of an element that has
/// text); after an edit that adds or removes nodes, and on any other
/// document, it is *stale*: [`Document::node`](super::Document::node) gives
/// `None` and edits fail with
/// [`EditError::StaleNode`](super::EditError::StaleNode) instead of
/// addressing whatever node now sits at that position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId {
    pub(crate) generation: u64,
    pub(crate) idx: u32,
}

impl NodeId {
    /// The node's position in document order.
    pub fn index(self) -> usize {
        self.idx as usize
    }
}

pub(crate) const NO_PARENT: u32 = u32::MAX;
pub(crate) const NO_NAMESPACE: u32 = u32::MAX;

/// What kind of node a [`NodeRef`](super::NodeRef) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// The `<?xml …?>` declaration.
    Declaration,
    /// A processing instruction `<?target …?>`.
    ProcessingInstruction,
    /// An element.
    Element,
    /// Character data, entity and character references included.
    Text,
    /// A `<![CDATA[…]]>` section.
    CData,
    /// A comment.
    Comment,
}

#[derive(Debug, Clone)]
pub(crate) struct NodeData {
    pub kind: NodeKind,
    /// Whole extent: for elements from `<` of the start tag to `>` of the end tag.
    pub span: Span,
    pub parent: u32,
    /// Index one past the node's last descendant: descendants are contiguous.
    pub subtree_end: u32,
    /// Index into `Document::elements` for element nodes.
    pub element: u32,
}

#[derive(Debug, Clone)]
pub(crate) struct ElementData {
    /// The qualified name as written.
    pub name: Span,
    /// Length of the prefix (without colon); 0 when unprefixed.
    pub prefix_len: u16,
    /// Index into `Document::namespaces`, or [`NO_NAMESPACE`].
    pub ns: u32,
    pub attrs_start: u32,
    pub attrs_len: u32,
    pub start_tag: Span,
    /// `None` for a self-closing `<tag/>`.
    pub end_tag: Option<Span>,
}

#[derive(Debug, Clone)]
pub(crate) struct AttrData {
    pub name: Span,
    pub prefix_len: u16,
    pub ns: u32,
    /// The raw value between the quotes.
    pub value: Span,
    pub quote: u8,
    /// From the name to the closing quote.
    pub span: Span,
}
