//! Edits as text splices.
//!
//! Every edit is planned as [`TextEdit`]s against the current text, applied,
//! and the result read again. Bytes outside the edited ranges never change, and
//! an edit that would break well-formedness (or the file's encoding) is refused
//! with the document left as it was.

use super::error::{EditError, ParseErrorKind};
use super::escape::{escape_attribute, escape_text};
use super::names::is_qname;
use super::nodes::ElementRef;
use super::span::Span;
use super::tree::{NodeId, NodeKind};
use super::{Document, Newline};

/// Replace the text of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TextEdit {
    /// The range to replace (empty for a pure insertion).
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

impl TextEdit {
    fn new(start: usize, end: usize, replacement: impl Into<String>) -> Self {
        TextEdit {
            span: Span::new(start, end),
            replacement: replacement.into(),
        }
    }
}

/// Where [`Document::insert_element`] puts a new element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertPosition {
    /// Before the parent's first child element.
    FirstChild,
    /// After the parent's last child element.
    LastChild,
    /// Just before this sibling element.
    Before(NodeId),
    /// Just after this sibling element.
    After(NodeId),
}

impl Document {
    /// Every edit planner starts here, so none plans edits on a recovered tree.
    fn element_or_err(&self, id: NodeId) -> Result<ElementRef<'_>, EditError> {
        self.editable()?;
        self.element(id).ok_or_else(|| self.bad_id(id))
    }

    /// Why `id` names no element here.
    fn bad_id(&self, id: NodeId) -> EditError {
        if self.is_current(id) {
            EditError::NotAnElement(id.idx)
        } else {
            EditError::StaleNode
        }
    }

    /// Refuses a recovered document: its tree is not what its text says.
    fn editable(&self) -> Result<(), EditError> {
        match self.recovery {
            Some(_) => Err(EditError::Recovered),
            None => Ok(()),
        }
    }

    /// Applies text edits (non-overlapping, any order) and reads the result
    /// again. On error nothing changes.
    pub fn apply_edits(&mut self, mut edits: Vec<TextEdit>) -> Result<(), EditError> {
        self.editable()?;
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        let mut prev_end = 0usize;
        for e in &edits {
            let (s, t) = (e.span.start as usize, e.span.end as usize);
            if s < prev_end
                || s > t
                || t > self.text.len()
                || !self.text.is_char_boundary(s)
                || !self.text.is_char_boundary(t)
            {
                return Err(EditError::BadSplice { start: s, end: t });
            }
            prev_end = t;
        }
        let mut text = String::with_capacity(
            self.text.len() + edits.iter().map(|e| e.replacement.len()).sum::<usize>(),
        );
        let mut at = 0usize;
        for e in &edits {
            text.push_str(&self.text[at..e.span.start as usize]);
            text.push_str(&e.replacement);
            at = e.span.end as usize;
        }
        text.push_str(&self.text[at..]);
        let bytes = super::encoding::encode(&text, &self.source).map_err(EditError::Encode)?;
        if bytes.len() > self.options.max_bytes {
            return Err(EditError::Invalid(super::too_large(
                bytes.len(),
                self.options.max_bytes,
            )));
        }
        // Keep the encoding the file was read with: re-detecting it could read
        // the same bytes differently (a Windows-1252 file whose last invalid
        // UTF-8 byte was just edited away would turn into UTF-8). Findings are
        // recomputed only when detection agrees.
        let (source, findings) = match super::encoding::decode(&bytes) {
            Ok(d) if d.source == self.source => (d.source, d.findings),
            _ => (self.source.clone(), self.findings.clone()),
        };
        let mut edited = Document::from_parts(text, source, findings, self.options.clone(), false)
            .map_err(EditError::Invalid)?;
        if edited.same_structure(self) {
            // Handles taken before the edit still address the same nodes.
            edited.generation = self.generation;
        }
        *self = edited;
        Ok(())
    }

    /// Plans setting the text value of a leaf element (comments inside are kept).
    pub fn set_text_edits(&self, element: NodeId, value: &str) -> Result<Vec<TextEdit>, EditError> {
        let el = self.element_or_err(element)?;
        if el.has_child_elements() {
            return Err(EditError::HasChildElements(el.name().to_string()));
        }
        let escaped = escape_text(value);
        let Some(content) = el.content_span() else {
            let tag = el.start_tag_span();
            let open = self.text[tag.start as usize..tag.end as usize - 2].trim_end();
            let replacement = format!("{open}>{escaped}</{}>", el.name());
            return Ok(vec![TextEdit::new(
                tag.start as usize,
                tag.end as usize,
                replacement,
            )]);
        };
        let mut edits = Vec::new();
        for child in el.children() {
            if matches!(child.kind(), NodeKind::Text | NodeKind::CData) {
                let s = child.span();
                let replacement = if edits.is_empty() {
                    escaped.to_string()
                } else {
                    String::new()
                };
                edits.push(TextEdit::new(s.start as usize, s.end as usize, replacement));
            }
        }
        if edits.is_empty() {
            edits.push(TextEdit::new(
                content.end as usize,
                content.end as usize,
                escaped,
            ));
        }
        Ok(edits)
    }

    /// Sets the text value of a leaf element.
    ///
    /// ```
    /// use unattend::Document;
    ///
    /// let mut doc = Document::parse_str("<a>\r\n  <!-- note -->\r\n  <b>old</b>\r\n</a>")?;
    /// let b = doc.root().child("b").unwrap().id();
    /// doc.set_text(b, "new & <improved>")?;
    /// // Only the value's bytes changed; the comment and CRLFs are as they were.
    /// assert_eq!(doc.text(), "<a>\r\n  <!-- note -->\r\n  <b>new &amp; &lt;improved&gt;</b>\r\n</a>");
    /// // The structure did not change, so the handle still works.
    /// doc.set_attribute(b, "lang", "en")?;
    /// assert!(doc.element(b).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_text(&mut self, element: NodeId, value: &str) -> Result<(), EditError> {
        let edits = self.set_text_edits(element, value)?;
        self.apply_edits(edits)
    }

    /// Plans setting an attribute (by qualified name as written), replacing
    /// only its value when it exists, appending it to the start tag otherwise.
    pub fn set_attribute_edit(
        &self,
        element: NodeId,
        qname: &str,
        value: &str,
    ) -> Result<TextEdit, EditError> {
        let el = self.element_or_err(element)?;
        if !is_qname(qname) {
            return Err(EditError::InvalidName(qname.to_string()));
        }
        if let Some(attr) = el.attribute(qname) {
            let s = attr.value_span();
            let escaped = escape_attribute(value, attr.quote());
            return Ok(TextEdit::new(s.start as usize, s.end as usize, escaped));
        }
        let after = el
            .attributes()
            .last()
            .map_or(el.name_span().end, |a| a.span().end) as usize;
        let quote = el.attributes().last().map_or('"', |a| a.quote());
        let escaped = escape_attribute(value, quote);
        Ok(TextEdit::new(
            after,
            after,
            format!(" {qname}={quote}{escaped}{quote}"),
        ))
    }

    /// Sets an attribute.
    pub fn set_attribute(
        &mut self,
        element: NodeId,
        qname: &str,
        value: &str,
    ) -> Result<(), EditError> {
        let edit = self.set_attribute_edit(element, qname, value)?;
        self.apply_edits(vec![edit])
    }

    /// Plans removing an attribute and the whitespace before it; `None` when absent.
    pub fn remove_attribute_edit(
        &self,
        element: NodeId,
        qname: &str,
    ) -> Result<Option<TextEdit>, EditError> {
        let el = self.element_or_err(element)?;
        let mut prev_end = el.name_span().end;
        for attr in el.attributes() {
            if attr.name() == qname {
                return Ok(Some(TextEdit::new(
                    prev_end as usize,
                    attr.span().end as usize,
                    "",
                )));
            }
            prev_end = attr.span().end;
        }
        Ok(None)
    }

    /// Removes an attribute; returns whether it was there.
    pub fn remove_attribute(&mut self, element: NodeId, qname: &str) -> Result<bool, EditError> {
        match self.remove_attribute_edit(element, qname)? {
            Some(edit) => self.apply_edits(vec![edit]).map(|()| true),
            None => Ok(false),
        }
    }

    /// Plans removing an element; when it stands alone on its line, the whole
    /// line goes, so no blank line is left behind.
    pub fn remove_element_edit(&self, element: NodeId) -> Result<TextEdit, EditError> {
        let el = self.element_or_err(element)?;
        if el.parent().is_none() {
            return Err(EditError::RootElement);
        }
        let span = el.span();
        let (start, end) = (span.start as usize, span.end as usize);
        let bytes = self.text.as_bytes();
        let line_start = self.text[..start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let before_blank = bytes[line_start..start]
            .iter()
            .all(|&b| b == b' ' || b == b'\t');
        let mut after = end;
        while after < bytes.len() && (bytes[after] == b' ' || bytes[after] == b'\t') {
            after += 1;
        }
        let line_end = match bytes.get(after) {
            Some(b'\r') if bytes.get(after + 1) == Some(&b'\n') => Some(after + 2),
            Some(b'\r' | b'\n') => Some(after + 1),
            _ => None,
        };
        match line_end {
            Some(line_end) if before_blank && line_start > 0 => {
                Ok(TextEdit::new(line_start, line_end, ""))
            }
            _ => Ok(TextEdit::new(start, end, "")),
        }
    }

    /// Removes an element (not the root).
    pub fn remove_element(&mut self, element: NodeId) -> Result<(), EditError> {
        let edit = self.remove_element_edit(element)?;
        self.apply_edits(vec![edit])
    }

    /// Whitespace indentation before `offset` on its line, if only whitespace
    /// precedes it (also on the first line: a root element at offset 0 has
    /// the empty indentation, which `indent_unit` needs to measure its children).
    fn indent_at(&self, offset: usize) -> Option<&str> {
        let line_start = self.text[..offset].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let indent = &self.text[line_start..offset];
        indent
            .bytes()
            .all(|b| b == b' ' || b == b'\t')
            .then_some(indent)
    }

    /// The newline that ends the line before `offset`'s line.
    fn newline_before(&self, offset: usize) -> Newline {
        let line_start = self.text[..offset].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let head = &self.text[..line_start];
        if head.ends_with("\r\n") {
            Newline::CrLf
        } else if head.ends_with('\r') {
            Newline::Cr
        } else if head.ends_with('\n') {
            Newline::Lf
        } else {
            self.newlines().dominant().unwrap_or_default()
        }
    }

    /// The indentation one level adds in this document (default two spaces).
    fn indent_unit(&self) -> String {
        for el in self.elements() {
            let Some(parent) = el.parent() else { continue };
            let (Some(child), Some(outer)) = (
                self.indent_at(el.span().start as usize),
                self.indent_at(parent.span().start as usize),
            ) else {
                continue;
            };
            if let Some(unit) = child.strip_prefix(outer).filter(|u| !u.is_empty()) {
                return unit.to_string();
            }
        }
        "  ".to_string()
    }

    /// Plans inserting `markup` (one element, written as if at column 0) under
    /// `parent`. The element copies its siblings' indentation and newline
    /// style; returns the edits and the offset where the element will start.
    pub fn insert_element_edits(
        &self,
        parent: NodeId,
        position: InsertPosition,
        markup: &str,
    ) -> Result<(Vec<TextEdit>, usize), EditError> {
        let parent_el = self.element_or_err(parent)?;
        let markup = markup.trim();
        let siblings: Vec<ElementRef<'_>> = parent_el.child_elements().collect();
        let anchor = match position {
            InsertPosition::FirstChild => siblings.first().map(|s| (*s, true)),
            InsertPosition::LastChild => siblings.last().map(|s| (*s, false)),
            InsertPosition::Before(id) | InsertPosition::After(id) => {
                let sib = siblings
                    .iter()
                    .find(|s| s.id() == id)
                    .copied()
                    .ok_or_else(|| self.bad_id(id))?;
                Some((sib, matches!(position, InsertPosition::Before(_))))
            }
        };
        let layout = layout_newlines(markup, parent_el);
        let reindent = |indent: &str, newline: Newline| -> String {
            let mut out = String::with_capacity(markup.len() + 64);
            let mut at = 0;
            for &(start, len) in &layout {
                out.push_str(&markup[at..start]);
                out.push_str(newline.as_str());
                out.push_str(indent);
                at = start + len;
            }
            out.push_str(&markup[at..]);
            out
        };
        if let Some((sib, before)) = anchor {
            let span = sib.span();
            let Some(indent) = self.indent_at(span.start as usize) else {
                // Inline layout: put the element right next to its sibling.
                let at = if before { span.start } else { span.end } as usize;
                return Ok((vec![TextEdit::new(at, at, markup)], at));
            };
            let nl = self.newline_before(span.start as usize);
            let body = reindent(indent, nl);
            return Ok(if before {
                let at = span.start as usize;
                (
                    vec![TextEdit::new(
                        at,
                        at,
                        format!("{body}{}{indent}", nl.as_str()),
                    )],
                    at,
                )
            } else {
                let at = span.end as usize;
                let text = format!("{}{indent}{body}", nl.as_str());
                let start = at + nl.as_str().len() + indent.len();
                (vec![TextEdit::new(at, at, text)], start)
            });
        }
        // No child elements yet: indent one level deeper than the parent.
        let pspan = parent_el.span();
        let parent_indent = self.indent_at(pspan.start as usize).map(str::to_string);
        let nl = self.newline_before(pspan.start as usize);
        let Some(parent_indent) = parent_indent
            .or_else(|| (parent_el.parent().is_none() && pspan.start == 0).then(String::new))
            .or_else(|| {
                // A root after a declaration or comment starts its line too.
                let line_start = self.text[..pspan.start as usize]
                    .rfind(['\n', '\r'])
                    .map_or(0, |p| p + 1);
                (line_start == pspan.start as usize).then(String::new)
            })
        else {
            return self.insert_inline(parent_el, markup);
        };
        let indent = format!("{parent_indent}{}", self.indent_unit());
        let body = reindent(&indent, nl);
        let nl = nl.as_str();
        match parent_el.content_span() {
            None => {
                let tag = parent_el.start_tag_span();
                let open = self.text[tag.start as usize..tag.end as usize - 2].trim_end();
                let text = format!(
                    "{open}>{nl}{indent}{body}{nl}{parent_indent}</{}>",
                    parent_el.name()
                );
                let start = tag.start as usize + open.len() + 1 + nl.len() + indent.len();
                Ok((
                    vec![TextEdit::new(tag.start as usize, tag.end as usize, text)],
                    start,
                ))
            }
            Some(content) => {
                let end_tag = content.end as usize;
                if self.indent_at(end_tag).is_some() {
                    let line_start = self.text[..end_tag]
                        .rfind(['\n', '\r'])
                        .map_or(0, |p| p + 1);
                    let text = format!("{indent}{body}{nl}");
                    Ok((
                        vec![TextEdit::new(line_start, line_start, text)],
                        line_start + indent.len(),
                    ))
                } else {
                    let all_blank = self.text[content.range()]
                        .bytes()
                        .all(|b| b.is_ascii_whitespace());
                    let from = if all_blank {
                        content.start as usize
                    } else {
                        end_tag
                    };
                    let text = format!("{nl}{indent}{body}{nl}{parent_indent}");
                    Ok((
                        vec![TextEdit::new(from, end_tag, text)],
                        from + nl.len() + indent.len(),
                    ))
                }
            }
        }
    }

    fn insert_inline(
        &self,
        parent: ElementRef<'_>,
        markup: &str,
    ) -> Result<(Vec<TextEdit>, usize), EditError> {
        match parent.content_span() {
            Some(content) => {
                let at = content.end as usize;
                Ok((vec![TextEdit::new(at, at, markup)], at))
            }
            None => {
                let tag = parent.start_tag_span();
                let open = self.text[tag.start as usize..tag.end as usize - 2].trim_end();
                let text = format!("{open}>{markup}</{}>", parent.name());
                Ok((
                    vec![TextEdit::new(tag.start as usize, tag.end as usize, text)],
                    tag.start as usize + open.len() + 1,
                ))
            }
        }
    }

    /// Inserts one element given as markup under `parent` and returns its id.
    ///
    /// ```
    /// use unattend::document::{Document, InsertPosition};
    /// let mut doc = Document::parse_str("<a>\r\n    <b/>\r\n</a>")?;
    /// let root = doc.root().id();
    /// doc.insert_element(root, InsertPosition::LastChild, "<c>1</c>").unwrap();
    /// assert_eq!(doc.text(), "<a>\r\n    <b/>\r\n    <c>1</c>\r\n</a>");
    /// # Ok::<(), unattend::document::ParseError>(())
    /// ```
    pub fn insert_element(
        &mut self,
        parent: NodeId,
        position: InsertPosition,
        markup: &str,
    ) -> Result<NodeId, EditError> {
        let (edits, start) = self.insert_element_edits(parent, position, markup)?;
        // Checked before splicing, so that unbalanced markup is reported as
        // such rather than as whatever error it causes in the document.
        if is_single_element(markup, self.element_or_err(parent)?) == Some(false) {
            return Err(EditError::NotOneElement);
        }
        let mut next = self.clone();
        next.apply_edits(edits)?;
        let inserted = next
            .elements()
            .find(|e| e.span().start as usize == start)
            .filter(|e| {
                e.parent().map(|p| p.span().start) == self.element(parent).map(|p| p.span().start)
            })
            .map(|e| e.id());
        match inserted {
            Some(id) => {
                *self = next;
                Ok(id)
            }
            None => Err(EditError::NotOneElement),
        }
    }
}

/// The namespace declarations in scope at `parent`, as attribute text, so a
/// fragment can be read with every prefix the document binds there.
fn scope_declarations(parent: ElementRef<'_>) -> String {
    let mut declared: Vec<&str> = Vec::new();
    let mut scope = String::new();
    for el in std::iter::successors(Some(parent), |e| e.parent()) {
        for a in el.attributes().filter(|a| a.is_namespace_declaration()) {
            if !declared.contains(&a.name()) {
                declared.push(a.name());
                let q = a.quote();
                scope.push_str(&format!(" {}={q}{}{q}", a.name(), a.raw_value()));
            }
        }
    }
    scope
}

/// Reads `markup` inside a wrapper element carrying the declarations in scope
/// at `parent`; returns the wrapped document and the wrapper's prefix length.
fn read_fragment(
    markup: &str,
    parent: ElementRef<'_>,
) -> (Result<Document, super::ParseError>, usize) {
    let head = format!("<w{}>", scope_declarations(parent));
    let wrapped = format!("{head}{markup}</w>");
    (Document::parse_str(&wrapped), head.len())
}

/// The newlines of `markup` that are layout, i.e. inside whitespace-only text
/// between elements, as `(offset, length)`. Only these get re-indented:
/// newlines inside values, CDATA, comments or attributes are content.
/// Markup that cannot be read falls back to every line break.
fn layout_newlines(markup: &str, parent: ElementRef<'_>) -> Vec<(usize, usize)> {
    let newlines_in = |text: &str, base: usize, out: &mut Vec<(usize, usize)>| {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    out.push((base + i, 2));
                    i += 1;
                }
                b'\r' | b'\n' => out.push((base + i, 1)),
                _ => {}
            }
            i += 1;
        }
    };
    let mut out = Vec::new();
    let (doc, head) = read_fragment(markup, parent);
    let Ok(doc) = doc else {
        newlines_in(markup, 0, &mut out);
        return out;
    };
    for node in doc.nodes() {
        let in_layout = node.is_whitespace()
            && node
                .parent()
                .is_some_and(|p| p.parent().is_some() && p.has_child_elements());
        if in_layout {
            let span = node.span();
            newlines_in(node.raw(), span.start as usize - head, &mut out);
        }
    }
    out
}

/// Whether `markup` is a single element (with its content), nothing more,
/// read with the namespace declarations in scope at `parent` (so it may use
/// any prefix the document binds there, whatever its name). `None` when it
/// uses a prefix not bound there: splicing it in then reports that prefix
/// with its position in the document.
fn is_single_element(markup: &str, parent: ElementRef<'_>) -> Option<bool> {
    let markup = markup.trim();
    if !markup.starts_with('<') || markup.starts_with("<!") || markup.starts_with("<?") {
        return Some(false);
    }
    match read_fragment(markup, parent).0 {
        Ok(doc) => {
            let root = doc.root();
            Some(root.children().count() == 1 && root.child_elements().count() == 1)
        }
        Err(e) if e.kind == ParseErrorKind::UnboundPrefix => None,
        Err(_) => Some(false),
    }
}
