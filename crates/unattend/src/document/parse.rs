//! Text → flat node tree, driven by quick-xml's tokenizer.
//!
//! quick-xml finds markup boundaries; everything it does not check and an XML
//! processor must (names, attribute syntax, references, characters,
//! namespaces, document structure) is checked here, so a file that Windows'
//! parser would reject is rejected here too, with a precise position.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::ParseOptions;
use super::error::{ParseError, ParseErrorKind};
use super::line_index::LineIndex;
use super::names::{char_reference, find_byte, first_invalid_char, is_qname, predefined_entity};
use super::span::Span;
use super::tree::{AttrData, ElementData, NO_NAMESPACE, NO_PARENT, NodeData, NodeKind};

/// The namespace of `xml:` attributes, bound by definition.
pub(crate) const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
/// The namespace of `xmlns` declarations themselves.
pub(crate) const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// The parsed tree, before it is wrapped into a `Document`.
pub(crate) struct Tree {
    pub nodes: Vec<NodeData>,
    pub elements: Vec<ElementData>,
    pub attrs: Vec<AttrData>,
    pub namespaces: Vec<Box<str>>,
    pub root: u32,
    /// The faults a recovering parse read past, in file order (always empty
    /// in a strict parse).
    pub faults: Vec<ParseError>,
}

/// What an end tag that does not match the innermost open element is.
#[derive(Debug, Clone, Copy)]
enum EndTag {
    /// It closes the element this many levels out; those inside lack end tags.
    ClosesOuter(usize),
    /// A misspelled end tag of the innermost element.
    Misspelled,
    /// An end tag of no open element, to be skipped.
    Stray,
}

/// Most faults a recovering parse reads past: beyond that the file is not an
/// answer file with a few slips but something else, and the first fault is
/// the only useful finding.
const MAX_FAULTS: usize = 32;

/// A namespace declaration in scope, to be popped when its element closes.
struct Binding {
    /// Prefix span in the text; empty span for the default namespace.
    prefix: Span,
    depth: usize,
}

struct Builder<'t> {
    text: &'t str,
    lines: &'t LineIndex,
    options: &'t ParseOptions,
    tree: Tree,
    /// Open elements (node indices).
    stack: Vec<u32>,
    bindings: Vec<Binding>,
    /// The namespaces each prefix is bound to, innermost last (`""` is the
    /// default namespace): resolving a name must not scan every binding in
    /// scope, or hostile files with many declarations take quadratic time.
    scopes: HashMap<&'t str, Vec<u32>>,
    /// The same for the default namespace, kept apart so that unprefixed
    /// names (nearly all of an answer file) resolve without hashing.
    default_scope: Vec<u32>,
    /// Index of `tree.namespaces`, for the same reason.
    interned: HashMap<Box<str>, u32>,
    root_seen: bool,
    /// True for a recovering parse: faults where the structure is still clear
    /// go to `tree.faults` and reading goes on; every check is the same, so a
    /// well-formed file gives the same tree either way.
    recovering: bool,
    /// Set once a recovering parse has read an undeclared `wcm:` prefix as
    /// the wcm namespace (reported once: one cause, one finding).
    wcm_assumed: bool,
}

/// Reads `text` into a tree. With `recovering`, an unescaped `&`, a bad
/// reference, text outside the root, a misplaced XML declaration, a stray or
/// mismatched end tag, unclosed elements at the end and an undeclared `wcm:`
/// prefix are recorded in
/// [`Tree::faults`] and read past; any other fault (and a first fault of the
/// kinds above) fails a strict parse.
pub(crate) fn parse(
    text: &str,
    lines: &LineIndex,
    options: &ParseOptions,
    recovering: bool,
) -> Result<Tree, ParseError> {
    let mut b = Builder {
        text,
        lines,
        options,
        tree: Tree {
            nodes: Vec::with_capacity(text.len() / 24),
            elements: Vec::with_capacity(text.len() / 64),
            attrs: Vec::with_capacity(text.len() / 64),
            namespaces: Vec::new(),
            root: NO_PARENT,
            faults: Vec::new(),
        },
        stack: Vec::new(),
        bindings: Vec::new(),
        scopes: HashMap::new(),
        default_scope: Vec::new(),
        interned: HashMap::new(),
        root_seen: false,
        recovering,
        wcm_assumed: false,
    };
    // The encoding's byte order mark is already gone. Another U+FEFF here is a
    // character before the root element, and quick-xml would silently skip it
    // without counting its bytes, shifting every offset it reports after it.
    if text.starts_with('\u{FEFF}') {
        return Err(b.syntax(
            0,
            "a second byte order mark (U+FEFF) before the root element; save the file with one BOM",
        ));
    }
    if let Some((offset, c)) = first_invalid_char(text) {
        return Err(b.error(
            offset,
            ParseErrorKind::Syntax,
            format!("character U+{:04X} is not allowed in XML", c as u32),
        ));
    }
    b.run()?;
    Ok(b.tree)
}

impl<'t> Builder<'t> {
    fn error(&self, offset: usize, kind: ParseErrorKind, message: impl Into<String>) -> ParseError {
        ParseError {
            message: message.into(),
            position: self.lines.line_col(self.text, offset),
            offset,
            kind,
        }
    }

    fn syntax(&self, offset: usize, message: impl Into<String>) -> ParseError {
        self.error(offset, ParseErrorKind::Syntax, message)
    }

    /// A fault the structure survives: recorded when recovering (the caller
    /// then reads past it), the error otherwise.
    fn recover(&mut self, err: ParseError) -> Result<(), ParseError> {
        if self.recovering && self.tree.faults.len() < MAX_FAULTS {
            self.tree.faults.push(err);
            Ok(())
        } else {
            Err(err)
        }
    }

    fn run(&mut self) -> Result<(), ParseError> {
        let mut reader = Reader::from_str(self.text);
        let config = reader.config_mut();
        config.check_comments = true;
        // A recovering parse matches end tags itself, to read past strays.
        config.check_end_names = !self.recovering;
        config.allow_unmatched_ends = self.recovering;
        // References are validated here, with our own messages.
        config.allow_dangling_amp = true;
        config.trim_text(false);
        loop {
            let start = reader.buffer_position() as usize;
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(err) => {
                    return Err(self.quick_xml_error(
                        &err,
                        reader.error_position() as usize,
                        start,
                    ));
                }
            };
            let end = reader.buffer_position() as usize;
            match event {
                Event::Eof => return self.finish(end),
                Event::Decl(_) => {
                    if start != 0 {
                        let err = self.syntax(
                            start,
                            "the XML declaration must be at the very start of the file",
                        );
                        if self.root_seen {
                            return Err(err);
                        }
                        // Comments or text before `<?xml`: one fault, at the
                        // first of them (text already reported its own).
                        if self.tree.faults.is_empty() {
                            self.recover(err)?;
                        }
                    }
                    self.check_declaration(start, end)?;
                    self.push_leaf(NodeKind::Declaration, start, end);
                }
                Event::PI(pi) => {
                    let target = pi.target();
                    if target.eq_ignore_ascii_case("xml") {
                        return Err(self.syntax(
                            start,
                            "the XML declaration must be at the very start of the file",
                        ));
                    }
                    if !is_qname(target) || target.contains(':') {
                        return Err(self.syntax(
                            start + 2,
                            format!("invalid processing instruction target {target:?}"),
                        ));
                    }
                    self.push_leaf(NodeKind::ProcessingInstruction, start, end);
                }
                Event::DocType(_) => {
                    return Err(self.error(
                        start,
                        ParseErrorKind::Doctype,
                        "DOCTYPE declarations are not allowed in answer files (entities are never expanded)",
                    ));
                }
                Event::Start(tag) => {
                    let name_len = tag.name().as_ref().len();
                    self.open_element(start, end, name_len, false)?;
                }
                Event::Empty(tag) => {
                    let name_len = tag.name().as_ref().len();
                    self.open_element(start, end, name_len, true)?;
                    self.close_element(end, None);
                }
                Event::End(tag) if self.recovering => {
                    let name_len = tag.name().as_ref().len();
                    self.end_tag_recovering(start, end, name_len)?;
                }
                Event::End(_) => {
                    if self.stack.is_empty() {
                        return Err(self.syntax(start, "end tag without a matching start tag"));
                    }
                    self.close_element(end, Some(Span::new(start, end)));
                }
                Event::Text(_) | Event::GeneralRef(_) => self.text_chunk(start, end)?,
                Event::CData(_) => {
                    if self.stack.is_empty() {
                        return Err(
                            self.syntax(start, "CDATA is not allowed outside the root element")
                        );
                    }
                    self.push_leaf(NodeKind::CData, start, end);
                }
                Event::Comment(_) => self.push_leaf(NodeKind::Comment, start, end),
            }
        }
    }

    /// Checks the pseudo-attributes of the XML declaration `text[start..end]`:
    /// `version`, then optionally `encoding` and `standalone`, in that order
    /// (XML 1.0 section 2.8). quick-xml does not check them.
    fn check_declaration(&self, start: usize, end: usize) -> Result<(), ParseError> {
        let bytes = self.text.as_bytes();
        let is_ws = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
        let (mut i, to) = (start + "<?xml".len(), end - "?>".len());
        let mut allowed: &[&str] = &["version", "encoding", "standalone"];
        let mut seen_version = false;
        loop {
            let ws_start = i;
            while i < to && is_ws(bytes[i]) {
                i += 1;
            }
            if i >= to {
                break;
            }
            let name_start = i;
            while i < to && !is_ws(bytes[i]) && bytes[i] != b'=' {
                i += 1;
            }
            let name = &self.text[name_start..i];
            let Some(pos) = allowed.iter().position(|&a| a == name) else {
                let message = if ["version", "encoding", "standalone"].contains(&name) {
                    format!("{name:?} is repeated or out of order in the XML declaration")
                } else {
                    format!(
                        "{name:?} is not allowed in the XML declaration (only version, encoding, standalone)"
                    )
                };
                return Err(self.syntax(name_start, message));
            };
            if !seen_version && name != "version" {
                return Err(self.syntax(
                    name_start,
                    "the XML declaration must start with version=\"1.0\"",
                ));
            }
            if name_start == ws_start {
                return Err(self.syntax(
                    name_start,
                    "expected whitespace before the pseudo-attribute",
                ));
            }
            allowed = &allowed[pos + 1..];
            while i < to && is_ws(bytes[i]) {
                i += 1;
            }
            if bytes.get(i) != Some(&b'=') || i >= to {
                return Err(self.syntax(
                    name_start,
                    format!("{name} in the XML declaration has no value"),
                ));
            }
            i += 1;
            while i < to && is_ws(bytes[i]) {
                i += 1;
            }
            let quote = bytes
                .get(i)
                .copied()
                .filter(|&q| i < to && (q == b'"' || q == b'\''));
            let Some(len) = quote.and_then(|q| bytes[i + 1..to].iter().position(|&b| b == q))
            else {
                return Err(self.syntax(
                    i,
                    format!("the value of {name} in the XML declaration must be quoted"),
                ));
            };
            let value = &self.text[i + 1..i + 1 + len];
            let valid = match name {
                "version" => value
                    .strip_prefix("1.")
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())),
                "encoding" => {
                    value
                        .bytes()
                        .next()
                        .is_some_and(|b| b.is_ascii_alphabetic())
                        && value
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
                }
                _ => value == "yes" || value == "no",
            };
            if !valid {
                return Err(self.syntax(
                    i + 1,
                    format!("invalid {name} {value:?} in the XML declaration"),
                ));
            }
            seen_version = true;
            i += len + 2;
        }
        if !seen_version {
            return Err(self.syntax(start, "the XML declaration must start with version=\"1.0\""));
        }
        Ok(())
    }

    /// Turns a quick-xml error into ours, with a message a user can act on.
    fn quick_xml_error(&self, err: &quick_xml::Error, at: usize, event_start: usize) -> ParseError {
        use quick_xml::errors::{IllFormedError, SyntaxError};
        let at = at.max(event_start).min(self.text.len());
        let message = match err {
            quick_xml::Error::Syntax(s) => match s {
                SyntaxError::InvalidBangMarkup => {
                    "'<!' must start a comment (<!--), a CDATA section or a DOCTYPE".to_string()
                }
                SyntaxError::UnclosedPI => "unclosed processing instruction".to_string(),
                SyntaxError::UnclosedXmlDecl => "unclosed XML declaration".to_string(),
                SyntaxError::UnclosedSingleQuotedAttributeValue
                | SyntaxError::UnclosedDoubleQuotedAttributeValue => {
                    "unclosed attribute value".to_string()
                }
                SyntaxError::UnclosedComment => "unclosed comment".to_string(),
                SyntaxError::UnclosedDoctype => "unclosed DOCTYPE".to_string(),
                SyntaxError::UnclosedCData => "unclosed CDATA section".to_string(),
                SyntaxError::UnclosedTag => "unclosed tag: '>' not found".to_string(),
            },
            quick_xml::Error::IllFormed(ill) => match ill {
                IllFormedError::MismatchedEndTag { expected, found } => {
                    if self.stack.is_empty() {
                        format!("expected </{expected}>, found </{found}>")
                    } else {
                        // quick-xml stops at the end tag's `<`, before the
                        // builder has seen it: the stack is still intact.
                        let end = self.text[at..]
                            .find('>')
                            .map_or(self.text.len(), |i| at + i + 1);
                        self.end_tag_message(self.classify_end_tag(end, found), found)
                    }
                }
                IllFormedError::UnmatchedEndTag(name) => {
                    format!("end tag </{name}> without a matching start tag")
                }
                IllFormedError::DoubleHyphenInComment => {
                    "'--' is not allowed inside a comment".to_string()
                }
                IllFormedError::MissingDeclVersion(_) => {
                    "the XML declaration has no version".to_string()
                }
                other => other.to_string(),
            },
            other => other.to_string(),
        };
        self.syntax(at, message)
    }

    fn push_node(&mut self, kind: NodeKind, start: usize, end: usize, element: u32) -> u32 {
        let idx = self.tree.nodes.len() as u32;
        self.tree.nodes.push(NodeData {
            kind,
            span: Span::new(start, end),
            parent: self.stack.last().copied().unwrap_or(NO_PARENT),
            subtree_end: idx + 1,
            element,
        });
        idx
    }

    fn push_leaf(&mut self, kind: NodeKind, start: usize, end: usize) {
        self.push_node(kind, start, end, u32::MAX);
    }

    fn text_chunk(&mut self, start: usize, end: usize) -> Result<(), ParseError> {
        let text: &'t str = self.text;
        let raw = &text[start..end];
        if self.stack.is_empty() {
            if let Some(i) = raw.find(|c: char| !matches!(c, ' ' | '\t' | '\r' | '\n')) {
                let msg = if self.root_seen {
                    "content after the root element"
                } else {
                    "text before the root element"
                };
                // Recovered text stays a gap, like whitespace.
                self.recover(self.syntax(start + i, msg))?;
            }
            return Ok(()); // whitespace outside the root is kept as a gap, not a node
        }
        self.check_char_data(start, raw)?;
        // quick-xml reports references as separate events: merge them into one text node.
        if let Some(last) = self.tree.nodes.last_mut()
            && last.kind == NodeKind::Text
            && last.span.end as usize == start
            && last.parent == self.stack.last().copied().unwrap_or(NO_PARENT)
        {
            last.span.end = end as u32;
            return Ok(());
        }
        self.push_leaf(NodeKind::Text, start, end);
        Ok(())
    }

    /// Checks references and `]]>` in text or attribute values.
    fn check_char_data(&mut self, start: usize, raw: &str) -> Result<(), ParseError> {
        // Found from its rare last byte: a substring searcher per text chunk
        // cost more than the rest of the check.
        let bytes = raw.as_bytes();
        let close_cdata = |i: usize| i >= 2 && &bytes[i - 2..i] == b"]]";
        let found = if bytes.len() < 32 {
            bytes
                .iter()
                .enumerate()
                .position(|(i, &b)| b == b'>' && close_cdata(i))
        } else {
            memchr::memchr_iter(b'>', bytes).find(|&i| close_cdata(i))
        };
        if let Some(i) = found.map(|i| i - 2) {
            self.recover(self.syntax(start + i, "']]>' is not allowed in text; write ]]&gt;"))?;
        }
        self.check_references(start, raw)
    }

    /// Checks references. A recovering parse keeps a bad one as literal
    /// text (unescaping leaves it as written), which is what its author meant.
    fn check_references(&mut self, start: usize, raw: &str) -> Result<(), ParseError> {
        let mut from = 0;
        while let Some(i) = find_byte(b'&', &raw.as_bytes()[from..]) {
            let at = from + i;
            let rest = &raw[at + 1..];
            let body_len = rest
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '#' | '_' | '-' | '.' | ':')))
                .unwrap_or(rest.len());
            if rest.as_bytes().get(body_len) != Some(&b';') || body_len == 0 {
                self.recover(self.error(
                    start + at,
                    ParseErrorKind::Reference,
                    "'&' must start a reference such as &amp; (write a literal & as &amp;)",
                ))?;
                from = at + 1;
                continue;
            }
            let body = &rest[..body_len];
            if body.starts_with('#') {
                if char_reference(body).is_none() {
                    self.recover(self.error(
                        start + at,
                        ParseErrorKind::Reference,
                        format!("invalid character reference &{body};"),
                    ))?;
                }
            } else if predefined_entity(body).is_none() {
                self.recover(self.error(
                    start + at,
                    ParseErrorKind::Reference,
                    format!("undefined entity &{body}; (only &lt; &gt; &amp; &apos; &quot; exist in answer files)"),
                ))?;
            }
            from = at + 1 + body_len + 1;
        }
        Ok(())
    }

    fn open_element(
        &mut self,
        start: usize,
        end: usize,
        name_len: usize,
        empty: bool,
    ) -> Result<(), ParseError> {
        let name_start = start + 1;
        let name = &self.text[name_start..name_start + name_len];
        if !is_qname(name) {
            return Err(self.syntax(name_start, format!("invalid element name {name:?}")));
        }
        if self.stack.is_empty() {
            if self.root_seen {
                return Err(self.syntax(
                    start,
                    "content after the root element: a document has exactly one root",
                ));
            }
            self.root_seen = true;
        }
        if self.stack.len() >= self.options.max_depth {
            return Err(self.error(
                start,
                ParseErrorKind::TooDeep,
                format!(
                    "elements nest deeper than {} levels",
                    self.options.max_depth
                ),
            ));
        }
        // Tag interior after the name, without the closing `>` or `/>`.
        let inner_end = if empty { end - 2 } else { end - 1 };
        let attrs_start = self.tree.attrs.len() as u32;
        self.scan_attributes(name_start + name_len, inner_end)?;
        let attrs_len = self.tree.attrs.len() as u32 - attrs_start;
        let depth = self.stack.len();

        // Namespace declarations first: they apply to the element's own names.
        for a in attrs_start..attrs_start + attrs_len {
            let attr = &self.tree.attrs[a as usize];
            let qname = &self.text[attr.name.range()];
            let prefix = if qname == "xmlns" {
                Some(Span::new(
                    attr.name.start as usize,
                    attr.name.start as usize,
                ))
            } else if qname.starts_with("xmlns:") {
                Some(Span::new(
                    attr.name.start as usize + 6,
                    attr.name.end as usize,
                ))
            } else {
                None
            };
            if let Some(prefix) = prefix {
                let value =
                    super::escape::unescape(&self.text[attr.value.range()], true).into_owned();
                if !prefix.is_empty() && value.is_empty() {
                    return Err(self.syntax(
                        attr.name.start as usize,
                        "a prefixed namespace cannot be undeclared",
                    ));
                }
                let text: &'t str = self.text;
                let prefix_text = &text[prefix.range()];
                // Namespaces in XML 1.0, section 3: reserved prefixes and names.
                let reserved = match prefix_text {
                    "xmlns" => true,
                    "xml" => value != XML_NS,
                    _ => value == XML_NS || value == XMLNS_NS,
                };
                if reserved {
                    return Err(self.syntax(
                        attr.name.start as usize,
                        format!("{qname:?} binds a reserved prefix or namespace name"),
                    ));
                }
                let ns = self.intern(&value);
                self.bindings.push(Binding { prefix, depth });
                if prefix_text.is_empty() {
                    self.default_scope.push(ns);
                } else {
                    self.scopes.entry(prefix_text).or_default().push(ns);
                }
            }
        }
        let prefix_len = find_byte(b':', name.as_bytes()).unwrap_or(0);
        let ns = self.resolve(name_start, prefix_len, true)?;
        // Resolve attribute names, then check duplicates by expanded name.
        for a in attrs_start..attrs_start + attrs_len {
            let (name_span, prefix_len) = {
                let attr = &self.tree.attrs[a as usize];
                (attr.name, attr.prefix_len as usize)
            };
            let qname = &self.text[name_span.range()];
            let ns = if qname == "xmlns" || qname.starts_with("xmlns:") {
                self.intern(XMLNS_NS)
            } else {
                self.resolve(name_span.start as usize, prefix_len, false)?
            };
            self.tree.attrs[a as usize].ns = ns;
        }
        let attrs = &self.tree.attrs[attrs_start as usize..];
        for (i, a) in attrs.iter().enumerate() {
            let local =
                &self.text[a.name.start as usize + a.prefix_len_with_colon()..a.name.end as usize];
            for b in &attrs[..i] {
                let b_local = &self.text
                    [b.name.start as usize + b.prefix_len_with_colon()..b.name.end as usize];
                if local == b_local && a.ns == b.ns {
                    return Err(self.syntax(
                        a.name.start as usize,
                        format!("duplicate attribute {:?}", &self.text[a.name.range()]),
                    ));
                }
            }
        }

        let element = self.tree.elements.len() as u32;
        self.tree.elements.push(ElementData {
            name: Span::new(name_start, name_start + name_len),
            prefix_len: prefix_len as u16,
            ns,
            attrs_start,
            attrs_len,
            start_tag: Span::new(start, end),
            end_tag: None,
        });
        let idx = self.push_node(NodeKind::Element, start, end, element);
        if self.stack.is_empty() {
            self.tree.root = idx;
        }
        self.stack.push(idx);
        Ok(())
    }

    /// The qualified name of the open element `idx`.
    fn open_name(&self, idx: u32) -> &'t str {
        let text: &'t str = self.text;
        let node = &self.tree.nodes[idx as usize];
        &text[self.tree.elements[node.element as usize].name.range()]
    }

    /// What an end tag `</found>` at `start..end` that does not match the
    /// innermost open element most likely is. It closes the open element of
    /// its name when there is one (the elements above it lack end tags). An
    /// end tag matching no open element is a misspelled end tag of the
    /// innermost one when that is a leaf or its parent's end tag follows,
    /// and stray otherwise: when the innermost element's own end tag
    /// follows, or inside a container. Needs a non-empty stack.
    fn classify_end_tag(&self, end: usize, found: &str) -> EndTag {
        if let Some(above) = self
            .stack
            .iter()
            .rev()
            .skip(1)
            .position(|&i| self.open_name(i) == found)
        {
            return EndTag::ClosesOuter(above + 1);
        }
        let text: &'t str = self.text;
        let end_tag_follows = |name: &str| {
            text[end..]
                .trim_start_matches([' ', '\t', '\r', '\n'])
                .strip_prefix("</")
                .and_then(|a| a.strip_prefix(name))
                .is_some_and(|a| a.starts_with(['>', ' ', '\t', '\r', '\n']))
        };
        let top = self.stack[self.stack.len() - 1];
        // Elements are numbered in document order: none after the innermost
        // open one means it has no child elements.
        let leaf = self.tree.nodes[top as usize].element as usize + 1 == self.tree.elements.len();
        let parent = self
            .stack
            .len()
            .checked_sub(2)
            .map(|i| self.open_name(self.stack[i]));
        if !end_tag_follows(self.open_name(top)) && (leaf || parent.is_some_and(end_tag_follows)) {
            EndTag::Misspelled
        } else {
            EndTag::Stray
        }
    }

    /// The message for an end tag `</found>` that does not match the
    /// innermost open element (the same in a strict and a recovering parse).
    fn end_tag_message(&self, kind: EndTag, found: &str) -> String {
        let top = self.stack[self.stack.len() - 1];
        let name = self.open_name(top);
        let opened = self
            .lines
            .line_col(self.text, self.tree.nodes[top as usize].span.start as usize);
        match kind {
            EndTag::Misspelled => {
                format!(
                    "expected </{name}> to close the element opened at {opened}, found </{found}>"
                )
            }
            EndTag::Stray => format!(
                "stray end tag </{found}>: no open element has that name (the innermost is <{name}>, opened at {opened})"
            ),
            EndTag::ClosesOuter(1) => {
                format!("<{name}> opened at {opened} is not closed before </{found}>")
            }
            EndTag::ClosesOuter(n) => format!(
                "<{name}> opened at {opened} and {} more elements are not closed before </{found}>",
                n - 1
            ),
        }
    }

    /// An end tag in a recovering parse (quick-xml does not match them then):
    /// see [`classify_end_tag`](Self::classify_end_tag). Elements left open
    /// end where the end tag starts; a stray end tag is skipped.
    fn end_tag_recovering(
        &mut self,
        start: usize,
        end: usize,
        name_len: usize,
    ) -> Result<(), ParseError> {
        let text: &'t str = self.text;
        let found = &text[start + 2..start + 2 + name_len];
        let Some(&top) = self.stack.last() else {
            return self.recover(self.syntax(
                start,
                format!("end tag </{found}> without a matching start tag"),
            ));
        };
        if self.open_name(top) == found {
            self.close_element(end, Some(Span::new(start, end)));
            return Ok(());
        }
        let kind = self.classify_end_tag(end, found);
        self.recover(self.syntax(start, self.end_tag_message(kind, found)))?;
        match kind {
            EndTag::ClosesOuter(above) => {
                for _ in 0..above {
                    self.close_element(start, Some(Span::new(start, start)));
                }
                self.close_element(end, Some(Span::new(start, end)));
            }
            EndTag::Misspelled => self.close_element(end, Some(Span::new(start, end))),
            EndTag::Stray => {}
        }
        Ok(())
    }

    fn close_element(&mut self, end: usize, end_tag: Option<Span>) {
        let Some(idx) = self.stack.pop() else { return };
        let count = self.tree.nodes.len() as u32;
        let node = &mut self.tree.nodes[idx as usize];
        node.span.end = end as u32;
        node.subtree_end = count;
        let element = node.element as usize;
        self.tree.elements[element].end_tag = end_tag;
        let depth = self.stack.len();
        let text = self.text;
        while let Some(b) = self.bindings.pop_if(|b| b.depth >= depth) {
            if b.prefix.is_empty() {
                self.default_scope.pop();
            } else if let Some(stack) = self.scopes.get_mut(&text[b.prefix.range()]) {
                stack.pop();
            }
        }
    }

    fn intern(&mut self, uri: &str) -> u32 {
        // Answer files use a handful of namespaces: compare those directly,
        // and hash only when a (hostile) file declares many.
        if self.tree.namespaces.len() <= 8 {
            if let Some(i) = self.tree.namespaces.iter().position(|n| **n == *uri) {
                return i as u32;
            }
        } else if let Some(&i) = self.interned.get(uri) {
            return i;
        }
        let i = self.tree.namespaces.len() as u32;
        self.tree.namespaces.push(uri.into());
        self.interned.insert(uri.into(), i);
        i
    }

    /// Resolves the prefix of the name starting at `name_start`. Unprefixed
    /// element names take the default namespace; unprefixed attributes have none.
    fn resolve(
        &mut self,
        name_start: usize,
        prefix_len: usize,
        element: bool,
    ) -> Result<u32, ParseError> {
        let prefix = &self.text[name_start..name_start + prefix_len];
        if prefix_len == 0 && !element {
            return Ok(NO_NAMESPACE);
        }
        if prefix == "xml" {
            return Ok(self.intern(XML_NS));
        }
        if prefix == "xmlns" {
            return Err(self.syntax(name_start, "the prefix 'xmlns' is reserved"));
        }
        let found = if prefix_len == 0 {
            self.default_scope.last().copied()
        } else {
            self.scopes
                .get(prefix)
                .and_then(|stack| stack.last())
                .copied()
        };
        match found {
            Some(ns) if prefix_len == 0 && self.tree.namespaces[ns as usize].is_empty() => {
                Ok(NO_NAMESPACE)
            }
            Some(ns) => Ok(ns),
            None if prefix_len == 0 => Ok(NO_NAMESPACE),
            None => {
                let err = self.error(
                    name_start,
                    ParseErrorKind::UnboundPrefix,
                    format!(
                        "namespace prefix '{prefix}' is not declared (add xmlns:{prefix}=\"…\")"
                    ),
                );
                // `wcm:action` without its declaration means only one thing.
                if prefix != "wcm" {
                    return Err(err);
                }
                if !self.wcm_assumed {
                    self.recover(err)?;
                    self.wcm_assumed = true;
                }
                Ok(self.intern(super::WCM_NS))
            }
        }
    }

    /// Scans `name="value"` pairs in `text[from..to]`, recording spans.
    fn scan_attributes(&mut self, from: usize, to: usize) -> Result<(), ParseError> {
        let bytes = self.text.as_bytes();
        let is_ws = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
        let mut i = from;
        let mut count = 0usize;
        loop {
            let ws_start = i;
            while i < to && is_ws(bytes[i]) {
                i += 1;
            }
            if i >= to {
                return Ok(());
            }
            if i == ws_start {
                return Err(self.syntax(i, "expected whitespace before the attribute"));
            }
            count += 1;
            if count > self.options.max_attributes {
                return Err(self.error(
                    i,
                    ParseErrorKind::TooManyAttributes,
                    format!(
                        "an element has more than {} attributes",
                        self.options.max_attributes
                    ),
                ));
            }
            let name_start = i;
            while i < to && !is_ws(bytes[i]) && bytes[i] != b'=' {
                i += 1;
            }
            let name = &self.text[name_start..i];
            if name.is_empty() || !is_qname(name) {
                return Err(self.syntax(name_start, format!("invalid attribute name {name:?}")));
            }
            let name_end = i;
            while i < to && is_ws(bytes[i]) {
                i += 1;
            }
            if i >= to || bytes[i] != b'=' {
                return Err(self.syntax(
                    name_start,
                    format!("attribute {name:?} has no value (expected {name}=\"…\")"),
                ));
            }
            i += 1;
            while i < to && is_ws(bytes[i]) {
                i += 1;
            }
            let quote = bytes
                .get(i)
                .copied()
                .filter(|&q| (q == b'"' || q == b'\'') && i < to);
            let Some(quote) = quote else {
                return Err(
                    self.syntax(i, format!("the value of attribute {name:?} must be quoted"))
                );
            };
            let value_start = i + 1;
            let Some(len) = bytes[value_start..to].iter().position(|&b| b == quote) else {
                return Err(self.syntax(i, format!("unterminated value of attribute {name:?}")));
            };
            let value_end = value_start + len;
            let text: &'t str = self.text;
            let raw = &text[value_start..value_end];
            if let Some(lt) = raw.find('<') {
                return Err(self.syntax(
                    value_start + lt,
                    "'<' is not allowed in attribute values; write &lt;",
                ));
            }
            self.check_references(value_start, raw)?;
            i = value_end + 1;
            self.tree.attrs.push(AttrData {
                name: Span::new(name_start, name_end),
                prefix_len: find_byte(b':', name.as_bytes()).unwrap_or(0) as u16,
                ns: NO_NAMESPACE,
                value: Span::new(value_start, value_end),
                quote,
                span: Span::new(name_start, i),
            });
        }
    }

    fn finish(&mut self, end: usize) -> Result<(), ParseError> {
        if let Some(&open) = self.stack.last() {
            let node = &self.tree.nodes[open as usize];
            let element = &self.tree.elements[node.element as usize];
            let name = &self.text[element.name.range()];
            let opened = self.lines.line_col(self.text, node.span.start as usize);
            // A truncated file: what was read is all there is.
            self.recover(self.syntax(
                end,
                format!("unexpected end of file: <{name}> opened at {opened} is not closed"),
            ))?;
            while !self.stack.is_empty() {
                self.close_element(end, Some(Span::new(end, end)));
            }
        }
        if !self.root_seen {
            return Err(self.syntax(end, "no root element: the file has no XML element"));
        }
        Ok(())
    }
}

impl AttrData {
    pub(crate) fn prefix_len_with_colon(&self) -> usize {
        if self.prefix_len == 0 {
            0
        } else {
            self.prefix_len as usize + 1
        }
    }
}
