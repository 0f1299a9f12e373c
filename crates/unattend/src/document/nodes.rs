//! Borrowed handles onto a document's nodes.

use std::borrow::Cow;

use super::Document;
use super::span::Span;
use super::tree::{AttrData, ElementData, NO_PARENT, NodeData, NodeId, NodeKind};

/// Any node of a [`Document`].
#[derive(Clone, Copy)]
pub struct NodeRef<'d> {
    doc: &'d Document,
    idx: u32,
}

impl std::fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?}@{}..{}",
            self.kind(),
            self.span().start,
            self.span().end
        )
    }
}

impl<'d> NodeRef<'d> {
    pub(crate) fn new(doc: &'d Document, idx: u32) -> Self {
        NodeRef { doc, idx }
    }

    fn data(&self) -> &'d NodeData {
        &self.doc.nodes[self.idx as usize]
    }

    /// The node's id.
    pub fn id(&self) -> NodeId {
        NodeId {
            generation: self.doc.generation,
            idx: self.idx,
        }
    }

    /// What kind of node this is.
    pub fn kind(&self) -> NodeKind {
        self.data().kind
    }

    /// The node's whole extent in the text.
    pub fn span(&self) -> Span {
        self.data().span
    }

    /// The node's raw text, markup included.
    pub fn raw(&self) -> &'d str {
        &self.doc.text[self.span().range()]
    }

    /// The element that contains this node; `None` for the root and for nodes
    /// outside it (declaration, top-level comments).
    pub fn parent(&self) -> Option<ElementRef<'d>> {
        let p = self.data().parent;
        (p != NO_PARENT).then(|| ElementRef::new(self.doc, p))
    }

    /// This node as an element, if it is one.
    pub fn as_element(&self) -> Option<ElementRef<'d>> {
        (self.kind() == NodeKind::Element).then(|| ElementRef::new(self.doc, self.idx))
    }

    /// For text, the character data with references resolved and line ends
    /// normalized; for CDATA, its content; for comments, the text between
    /// `<!--` and `-->`; `None` for other nodes.
    pub fn value(&self) -> Option<Cow<'d, str>> {
        let raw = self.raw();
        match self.kind() {
            NodeKind::Text => Some(self.doc.unescape(self.span(), false)),
            NodeKind::CData => Some(normalize_newlines(&raw[9..raw.len() - 3])),
            NodeKind::Comment => Some(Cow::Borrowed(&raw[4..raw.len() - 3])),
            _ => None,
        }
    }

    /// True for text nodes made only of XML whitespace.
    pub fn is_whitespace(&self) -> bool {
        self.kind() == NodeKind::Text
            && self
                .raw()
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    }
}

fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if s.contains('\r') {
        Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(s)
    }
}

/// An element of a [`Document`].
#[derive(Clone, Copy)]
pub struct ElementRef<'d> {
    doc: &'d Document,
    idx: u32,
}

impl std::fmt::Debug for ElementRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>@{}", self.name(), self.span().start)
    }
}

impl PartialEq for ElementRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.doc, other.doc) && self.idx == other.idx
    }
}

impl<'d> ElementRef<'d> {
    pub(crate) fn new(doc: &'d Document, idx: u32) -> Self {
        ElementRef { doc, idx }
    }

    fn node(&self) -> &'d NodeData {
        &self.doc.nodes[self.idx as usize]
    }

    fn data(&self) -> &'d ElementData {
        &self.doc.elements[self.node().element as usize]
    }

    /// The document this element belongs to.
    pub fn document(&self) -> &'d Document {
        self.doc
    }

    /// The element's id.
    pub fn id(&self) -> NodeId {
        NodeId {
            generation: self.doc.generation,
            idx: self.idx,
        }
    }

    /// This element as a plain node.
    pub fn as_node(&self) -> NodeRef<'d> {
        NodeRef::new(self.doc, self.idx)
    }

    /// From `<` of the start tag to `>` of the end tag.
    pub fn span(&self) -> Span {
        self.node().span
    }

    /// The start tag (the whole tag for a self-closing element).
    pub fn start_tag_span(&self) -> Span {
        self.data().start_tag
    }

    /// The end tag; `None` for a self-closing element.
    pub fn end_tag_span(&self) -> Option<Span> {
        self.data().end_tag
    }

    /// True for `<tag/>`.
    pub fn is_self_closing(&self) -> bool {
        self.data().end_tag.is_none()
    }

    /// What lies between the start and end tags; `None` when self-closing.
    pub fn content_span(&self) -> Option<Span> {
        let d = self.data();
        d.end_tag.map(|end| Span {
            start: d.start_tag.end,
            end: end.start,
        })
    }

    /// The qualified name as written (`wcm:action`, `component`).
    pub fn name(&self) -> &'d str {
        &self.doc.text[self.data().name.range()]
    }

    /// Span of the name in the start tag.
    pub fn name_span(&self) -> Span {
        self.data().name
    }

    /// The prefix as written, if any.
    pub fn prefix(&self) -> Option<&'d str> {
        let d = self.data();
        (d.prefix_len > 0).then(|| &self.name()[..d.prefix_len as usize])
    }

    /// The name without its prefix.
    pub fn local_name(&self) -> &'d str {
        let d = self.data();
        let name = self.name();
        if d.prefix_len > 0 {
            &name[d.prefix_len as usize + 1..]
        } else {
            name
        }
    }

    /// The resolved namespace URI, if any.
    pub fn namespace(&self) -> Option<&'d str> {
        self.doc.namespace_uri(self.data().ns)
    }

    /// True when the element has this namespace and local name.
    pub fn is(&self, namespace: &str, local_name: &str) -> bool {
        self.local_name() == local_name && self.namespace() == Some(namespace)
    }

    /// The attributes in the order written.
    pub fn attributes(&self) -> impl ExactSizeIterator<Item = AttributeRef<'d>> + 'd {
        let d = self.data();
        let doc = self.doc;
        let owner = self.idx;
        (d.attrs_start..d.attrs_start + d.attrs_len).map(move |i| AttributeRef {
            doc,
            idx: i,
            owner,
        })
    }

    /// The attribute with this qualified name as written (`pass`, `wcm:action`).
    pub fn attribute(&self, qname: &str) -> Option<AttributeRef<'d>> {
        self.attributes().find(|a| a.name() == qname)
    }

    /// The attribute with this namespace (`None` for unprefixed) and local name,
    /// whatever prefix it was written with.
    pub fn attribute_ns(
        &self,
        namespace: Option<&str>,
        local_name: &str,
    ) -> Option<AttributeRef<'d>> {
        self.attributes()
            .find(|a| a.local_name() == local_name && a.namespace() == namespace)
    }

    /// The normalized value of the unprefixed attribute `name`.
    pub fn attribute_value(&self, name: &str) -> Option<Cow<'d, str>> {
        self.attribute_ns(None, name).map(|a| a.value())
    }

    /// The child nodes in order.
    pub fn children(&self) -> Children<'d> {
        let node = self.node();
        Children {
            doc: self.doc,
            next: self.idx + 1,
            end: node.subtree_end,
        }
    }

    /// The child elements in order.
    pub fn child_elements(&self) -> impl Iterator<Item = ElementRef<'d>> + 'd {
        self.children().filter_map(|n| n.as_element())
    }

    /// The first child element with this local name in the element's namespace.
    pub fn child(&self, local_name: &str) -> Option<ElementRef<'d>> {
        let ns = self.namespace();
        self.child_elements()
            .find(|c| c.local_name() == local_name && c.namespace() == ns)
    }

    /// Every element below this one, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = ElementRef<'d>> + 'd {
        let doc = self.doc;
        (self.idx + 1..self.node().subtree_end)
            .filter_map(move |i| NodeRef::new(doc, i).as_element())
    }

    /// True when the element contains other elements.
    pub fn has_child_elements(&self) -> bool {
        self.child_elements().next().is_some()
    }

    /// The parent element; `None` for the root.
    pub fn parent(&self) -> Option<ElementRef<'d>> {
        self.as_node().parent()
    }

    /// Number of ancestors (0 for the root).
    pub fn depth(&self) -> usize {
        std::iter::successors(self.parent(), |p| p.parent()).count()
    }

    /// The text value of a leaf element: its text and CDATA children joined,
    /// references resolved (comments skipped). `None` when the element has
    /// child elements; `Some("")` when it is empty.
    pub fn text(&self) -> Option<Cow<'d, str>> {
        // Containers first: the whitespace before their first child would
        // otherwise be unescaped (and, with CRLF, copied) for nothing.
        if self.has_child_elements() {
            return None;
        }
        let mut value: Option<Cow<'d, str>> = None;
        for child in self.children() {
            match child.kind() {
                NodeKind::Element => return None,
                NodeKind::Text | NodeKind::CData => {
                    let part = child.value().unwrap_or_default();
                    value = Some(match value {
                        None => part,
                        Some(v) => Cow::Owned(v.into_owned() + &part),
                    });
                }
                _ => {}
            }
        }
        Some(value.unwrap_or_default())
    }

    /// Span of the value text for a leaf element (its content span), or `None`.
    pub fn text_span(&self) -> Option<Span> {
        if self.has_child_elements() {
            None
        } else {
            self.content_span()
        }
    }
}

/// Iterator over the child nodes of an element.
#[derive(Clone)]
pub struct Children<'d> {
    doc: &'d Document,
    next: u32,
    end: u32,
}

impl<'d> Iterator for Children<'d> {
    type Item = NodeRef<'d>;

    fn next(&mut self) -> Option<NodeRef<'d>> {
        if self.next >= self.end {
            return None;
        }
        let idx = self.next;
        self.next = self.doc.nodes[idx as usize].subtree_end;
        Some(NodeRef::new(self.doc, idx))
    }
}

/// An attribute of an element.
#[derive(Clone, Copy)]
pub struct AttributeRef<'d> {
    doc: &'d Document,
    idx: u32,
    owner: u32,
}

impl std::fmt::Debug for AttributeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={:?}", self.name(), self.raw_value())
    }
}

impl<'d> AttributeRef<'d> {
    fn data(&self) -> &'d AttrData {
        &self.doc.attrs[self.idx as usize]
    }

    /// The element carrying this attribute.
    pub fn owner(&self) -> ElementRef<'d> {
        ElementRef::new(self.doc, self.owner)
    }

    /// The qualified name as written.
    pub fn name(&self) -> &'d str {
        &self.doc.text[self.data().name.range()]
    }

    /// The prefix as written, if any.
    pub fn prefix(&self) -> Option<&'d str> {
        let d = self.data();
        (d.prefix_len > 0).then(|| &self.name()[..d.prefix_len as usize])
    }

    /// The name without prefix.
    pub fn local_name(&self) -> &'d str {
        &self.name()[self.data().prefix_len_with_colon()..]
    }

    /// The resolved namespace; `None` for unprefixed attributes.
    pub fn namespace(&self) -> Option<&'d str> {
        self.doc.namespace_uri(self.data().ns)
    }

    /// True for `xmlns` and `xmlns:p` declarations.
    pub fn is_namespace_declaration(&self) -> bool {
        self.namespace() == Some(super::parse::XMLNS_NS)
    }

    /// The value as written between the quotes.
    pub fn raw_value(&self) -> &'d str {
        &self.doc.text[self.data().value.range()]
    }

    /// The value with references resolved and whitespace normalized.
    pub fn value(&self) -> Cow<'d, str> {
        self.doc.unescape(self.data().value, true)
    }

    /// The quote character used (`"` or `'`).
    pub fn quote(&self) -> char {
        self.data().quote as char
    }

    /// Span of the name.
    pub fn name_span(&self) -> Span {
        self.data().name
    }

    /// Span of the raw value, inside the quotes.
    pub fn value_span(&self) -> Span {
        self.data().value
    }

    /// From the name to the closing quote.
    pub fn span(&self) -> Span {
        self.data().span
    }
}
