//! Spec tree → answer-file elements, checked against the catalog. Errors
//! are collected, not returned at the first one, so a spec shows all its
//! problems at once.

use crate::catalog::{self, ComponentInfo, SettingInfo, SettingKind, XmlForm};
use crate::document::{CPI_NS, Document, LineCol, UNATTEND_NS, WCM_NS, XSI_NS};
use crate::model::{
    Arch, Attribute, Element, LANGUAGE_NEUTRAL, Name, Node as XmlNode, PUBLIC_KEY_TOKEN, Pass,
    VERSION_SCOPE_NON_SXS,
};

use super::tree::{Key, Node, Value};
use super::{BuiltSpec, ReadOptions, SpecError, SpecErrorKind};

/// Marks each built element with its spec position until the tree is done
/// (then [`take_origins`] strips the marks in document order).
const ORIGIN_NS: &str = "urn:x-unattend-spec-origin";

/// Spec keywords at the top level, besides pass names.
const TOP_KEYWORDS: [&str; 4] = ["arch", "hidePasswords", "xml", "$schema"];

pub(crate) fn build(tree: &Node, options: &ReadOptions<'_>) -> Result<BuiltSpec, Vec<SpecError>> {
    let mut b = Builder {
        errors: Vec::new(),
        options,
    };
    let mut root = b.top(tree);
    if !b.errors.is_empty() {
        let mut errors = b.errors;
        errors.sort_by_key(|e| (e.position.line, e.position.column));
        return Err(errors);
    }
    drop_layout(&mut root.0);
    let hidden = if root.1 || options.hide_passwords {
        hide_passwords(&mut root.0)
    } else {
        0
    };
    let mut origins = Vec::new();
    take_origins(&mut root.0, &mut origins);
    Ok(BuiltSpec {
        root: root.0,
        origins,
        hidden,
    })
}

struct Builder<'o, 'a> {
    errors: Vec<SpecError>,
    options: &'o ReadOptions<'a>,
}

fn mark(el: &mut Element, pos: LineCol) {
    el.attributes.push(Attribute::ns(
        ORIGIN_NS,
        "o",
        Name::from_static("o"),
        format!("{}:{}", pos.line, pos.column),
    ));
}

/// A marked element; names come from the catalog or are literals.
fn marked(name: &'static str, pos: LineCol) -> Element {
    let mut el = Element::new(Name::trusted(name));
    mark(&mut el, pos);
    el
}

/// Strips the origin marks, recording them in document order.
fn take_origins(el: &mut Element, out: &mut Vec<LineCol>) {
    let mut pos = LineCol { line: 1, column: 1 };
    el.attributes.retain(|a| {
        if a.namespace.as_deref() == Some(ORIGIN_NS) {
            let mut parts = a.value.split(':').map(|p| p.parse::<u32>().unwrap_or(1));
            pos = LineCol {
                line: parts.next().unwrap_or(1),
                column: parts.next().unwrap_or(1),
            };
            false
        } else {
            true
        }
    });
    out.push(pos);
    for child in &mut el.children {
        if let XmlNode::Element(c) = child {
            take_origins(c, out);
        }
    }
}

/// Whitespace-only text beside child elements is layout (raw XML pieces
/// bring it along); dropped as the document reader drops it, so the built
/// tree is exactly what its XML reads back as.
fn drop_layout(el: &mut Element) {
    if el.child_elements().next().is_some() {
        el.children
            .retain(|n| !matches!(n, XmlNode::Text(t) if t.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))));
    }
    for child in &mut el.children {
        if let XmlNode::Element(c) = child {
            drop_layout(c);
        }
    }
}

/// Marks a whole subtree (raw XML) with one position.
fn mark_all(el: &mut Element, pos: LineCol) {
    mark(el, pos);
    for child in &mut el.children {
        if let XmlNode::Element(c) = child {
            mark_all(c, pos);
        }
    }
}

/// Names within an edit distance of 2 (ignoring case), closest first.
fn closest<'n>(name: &str, candidates: impl IntoIterator<Item = &'n str>) -> Option<&'n str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = distance(&c.to_ascii_lowercase(), &name.to_ascii_lowercase());
        if d <= 2 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = sub.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

impl Builder<'_, '_> {
    fn error(&mut self, kind: SpecErrorKind, pos: LineCol, message: impl Into<String>) {
        self.errors.push(SpecError::new(kind, pos, message));
    }

    /// The entries of a map, reporting duplicates; `None` (and an error)
    /// when the node is not a map.
    fn map<'n>(&mut self, node: &'n Node, what: &str) -> Option<Vec<&'n (Key, Node)>> {
        let Value::Map(entries) = &node.value else {
            self.error(
                SpecErrorKind::WrongShape,
                node.pos,
                format!("{what} must be a map, not {}", node.value.kind()),
            );
            return None;
        };
        let mut out: Vec<&(Key, Node)> = Vec::with_capacity(entries.len());
        for entry in entries {
            if out.iter().any(|(k, _)| k.name == entry.0.name) {
                self.error(
                    SpecErrorKind::DuplicateKey,
                    entry.0.pos,
                    format!("`{}` is given twice", entry.0.name),
                );
                continue;
            }
            out.push(entry);
        }
        Some(out)
    }

    fn top(&mut self, node: &Node) -> (Element, bool) {
        let mut root = marked("unattend", node.pos);
        let mut hide = false;
        let Some(entries) = self.map(node, "a spec") else {
            return (root, hide);
        };
        let mut archs = vec![Arch::Amd64];
        if let Some((_, v)) = entries.iter().find(|(k, _)| k.name == "arch") {
            archs = self.archs(v);
        }
        let mut passes: Vec<(Pass, &Node)> = Vec::new();
        let mut extra = Vec::new();
        for (key, value) in entries {
            match key.name.as_str() {
                "arch" | "$schema" => {}
                "hidePasswords" => match value.value {
                    Value::Bool(b) => hide = b,
                    _ => self.error(
                        SpecErrorKind::WrongShape,
                        value.pos,
                        "hidePasswords must be true or false",
                    ),
                },
                "xml" => extra.extend(self.xml(value)),
                name if name.starts_with('@') => {
                    if let Some(a) = self.attribute(key, value) {
                        root.attributes.push(a);
                    }
                }
                name => match name.parse::<Pass>() {
                    Ok(p) => passes.push((p, value)),
                    Err(_) => {
                        let known = crate::model::Pass::ALL
                            .iter()
                            .map(|p| p.as_str())
                            .chain(TOP_KEYWORDS);
                        let hint = closest(name, known);
                        self.error(
                            SpecErrorKind::UnknownKey,
                            key.pos,
                            format!("unknown key `{name}`{}", match hint {
                                Some(_) => did_you_mean(hint),
                                None => " (expected a pass: windowsPE, offlineServicing, generalize, specialize, auditSystem, auditUser, oobeSystem; or arch, hidePasswords, xml)".to_string(),
                            }),
                        );
                    }
                },
            }
        }
        // `servicing` comes first in an answer file; other raw content after the passes.
        let (servicing, rest): (Vec<XmlNode>, Vec<XmlNode>) = extra
            .into_iter()
            .partition(|n| matches!(n, XmlNode::Element(e) if e.name == "servicing" && e.namespace == UNATTEND_NS));
        root.children.extend(servicing);
        passes.sort_by_key(|(p, _)| *p);
        for (pass, value) in passes {
            let el = self.pass(pass, value, &archs);
            root.children.push(XmlNode::Element(el));
        }
        root.children.extend(rest);
        (root, hide)
    }

    fn archs(&mut self, node: &Node) -> Vec<Arch> {
        let one = |b: &mut Self, n: &Node| -> Option<Arch> {
            let Value::Str(s) = &n.value else {
                b.error(
                    SpecErrorKind::WrongShape,
                    n.pos,
                    format!("an architecture is a string, not {}", n.value.kind()),
                );
                return None;
            };
            match s.parse::<Arch>() {
                Ok(a) => Some(a),
                Err(_) => {
                    let hint = closest(s, Arch::ALL.iter().map(|a| a.as_str()));
                    b.error(
                        SpecErrorKind::InvalidValue,
                        n.pos,
                        format!(
                            "unknown architecture `{s}`{}",
                            match hint {
                                Some(_) => did_you_mean(hint),
                                None => " (expected x86, amd64, arm64, wow64 or ia64)".into(),
                            }
                        ),
                    );
                    None
                }
            }
        };
        match &node.value {
            Value::Seq(items) if !items.is_empty() => {
                items.iter().filter_map(|n| one(self, n)).collect()
            }
            Value::Seq(_) => {
                self.error(
                    SpecErrorKind::InvalidValue,
                    node.pos,
                    "an empty list of architectures",
                );
                Vec::new()
            }
            _ => one(self, node).into_iter().collect(),
        }
    }

    /// `@name` / `@prefix:name` = value.
    fn attribute(&mut self, key: &Key, value: &Node) -> Option<Attribute> {
        let name = &key.name[1..];
        let text = self.scalar(value, &key.name)?;
        match name.split_once(':') {
            None if Name::new(name).is_ok() => Some(Attribute::new(Name::new(name).ok()?, text)),
            Some((prefix, local)) if Name::new(local).is_ok() => {
                let ns = match prefix {
                    "wcm" => WCM_NS,
                    "xsi" => XSI_NS,
                    "cpi" => CPI_NS,
                    _ => {
                        self.error(
                            SpecErrorKind::InvalidValue,
                            key.pos,
                            format!("unknown attribute prefix `{prefix}` (use wcm, xsi or cpi, or write the element under `xml`)"),
                        );
                        return None;
                    }
                };
                Some(Attribute::ns(ns, prefix, Name::new(local).ok()?, text))
            }
            _ => {
                self.error(
                    SpecErrorKind::InvalidValue,
                    key.pos,
                    format!("`{}` is not an attribute name", key.name),
                );
                None
            }
        }
    }

    /// A scalar as element text: strings as written, booleans and integers
    /// in their XML spelling, `{ env }` / `{ file }` resolved.
    fn scalar(&mut self, node: &Node, what: &str) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(_) => {
                self.error(
                    SpecErrorKind::InvalidValue,
                    node.pos,
                    format!("{what}: a number with a fraction is no answer-file value; quote it if it is text"),
                );
                None
            }
            Value::Null => {
                self.error(
                    SpecErrorKind::WrongShape,
                    node.pos,
                    format!("{what} has no value (write \"\" for an empty one)"),
                );
                None
            }
            Value::Map(entries) => {
                if let [(k, v)] = entries.as_slice()
                    && (k.name == "env" || k.name == "file")
                {
                    return self.secret(&k.name, v);
                }
                self.error(
                    SpecErrorKind::WrongShape,
                    node.pos,
                    format!(
                        "{what} takes a value (or {{ env: NAME }} / {{ file: path }}), not a map"
                    ),
                );
                None
            }
            Value::Seq(_) => {
                self.error(
                    SpecErrorKind::WrongShape,
                    node.pos,
                    format!("{what} takes a value, not a list"),
                );
                None
            }
        }
    }

    fn secret(&mut self, kind: &str, arg: &Node) -> Option<String> {
        let Value::Str(name) = &arg.value else {
            self.error(
                SpecErrorKind::Secret,
                arg.pos,
                format!("`{kind}` needs a string"),
            );
            return None;
        };
        let resolved = if kind == "env" {
            self.options
                .secrets
                .env(name)
                .ok_or_else(|| format!("environment variable {name} is not set"))
        } else {
            self.options
                .secrets
                .file(name)
                .map(|t| t.trim_end_matches(['\r', '\n']).to_string())
        };
        match resolved {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(SpecErrorKind::Secret, arg.pos, e);
                None
            }
        }
    }

    /// Raw XML content: parsed inside a wrapper that declares the answer-file
    /// namespaces.
    fn xml(&mut self, node: &Node) -> Vec<XmlNode> {
        let Value::Str(text) = &node.value else {
            self.error(
                SpecErrorKind::WrongShape,
                node.pos,
                format!("xml takes a string of XML, not {}", node.value.kind()),
            );
            return Vec::new();
        };
        let wrapped = format!(
            "<x xmlns=\"{UNATTEND_NS}\" xmlns:wcm=\"{WCM_NS}\" xmlns:xsi=\"{XSI_NS}\" xmlns:cpi=\"{CPI_NS}\">{text}</x>"
        );
        match Document::parse_str(&wrapped) {
            Ok(doc) => {
                let mut nodes = Element::from_document(doc.root()).children;
                for n in &mut nodes {
                    if let XmlNode::Element(e) = n {
                        mark_all(e, node.pos);
                    }
                }
                nodes
            }
            Err(e) => {
                self.error(
                    SpecErrorKind::InvalidXml,
                    node.pos,
                    format!("xml is not well-formed: {}", e.message),
                );
                Vec::new()
            }
        }
    }

    fn pass(&mut self, pass: Pass, node: &Node, archs: &[Arch]) -> Element {
        let mut el = marked("settings", node.pos);
        el.attributes
            .push(Attribute::new(Name::from_static("pass"), pass.as_str()));
        let Some(entries) = self.map(node, pass.as_str()) else {
            return el;
        };
        let mut extra = Vec::new();
        for (key, value) in entries {
            match key.name.as_str() {
                "xml" => extra.extend(self.xml(value)),
                n if n.starts_with('@') => {
                    if let Some(a) = self.attribute(key, value) {
                        el.attributes.push(a);
                    }
                }
                name => {
                    let Some(info) = catalog::component(name) else {
                        let hint = catalog::similar_component(name).map(|c| c.name);
                        self.error(
                            SpecErrorKind::UnknownKey,
                            key.pos,
                            format!(
                                "unknown component `{name}` in {pass}{}",
                                match hint {
                                    Some(_) => did_you_mean(hint),
                                    None =>
                                        " (components the catalog does not describe go under `xml`)"
                                            .into(),
                                }
                            ),
                        );
                        continue;
                    };
                    let items: Vec<&Node> = match &value.value {
                        Value::Seq(items) => items.iter().collect(),
                        _ => vec![value],
                    };
                    for item in items {
                        for c in self.component(name, info, key.pos, item, archs) {
                            el.children.push(XmlNode::Element(c));
                        }
                    }
                }
            }
        }
        el.children.extend(extra);
        el
    }

    fn component(
        &mut self,
        name: &str,
        info: &'static ComponentInfo,
        pos: LineCol,
        node: &Node,
        archs: &[Arch],
    ) -> Vec<Element> {
        let Some(entries) = self.map(node, name) else {
            return Vec::new();
        };
        let mut archs = archs.to_vec();
        let mut token = PUBLIC_KEY_TOKEN.to_string();
        let mut language = LANGUAGE_NEUTRAL.to_string();
        let mut scope = VERSION_SCOPE_NON_SXS.to_string();
        let mut others = Vec::new();
        let mut children: Vec<XmlNode> = Vec::new();
        let mut extra = Vec::new();
        for (key, value) in entries {
            match key.name.as_str() {
                "arch" => archs = self.archs(value),
                "xml" => extra.extend(self.xml(value)),
                n if n.starts_with('@') => {
                    if let Some(a) = self.attribute(key, value) {
                        match (a.namespace.as_deref(), a.name.as_str()) {
                            (None, "publicKeyToken") => token = a.value,
                            (None, "language") => language = a.value,
                            (None, "versionScope") => scope = a.value,
                            (None, "name" | "processorArchitecture") => self.error(
                                SpecErrorKind::InvalidValue,
                                key.pos,
                                format!("`{n}` comes from the key and `arch`; it cannot be set as an attribute"),
                            ),
                            _ => others.push(a),
                        }
                    }
                }
                setting_name => match top_setting(info, setting_name) {
                    Some(s) => children.extend(
                        self.setting(s, key, value)
                            .into_iter()
                            .map(XmlNode::Element),
                    ),
                    None => {
                        let hint = info.similar_child(setting_name).map(|s| s.element_name);
                        self.unknown_setting(key, info.name, hint);
                    }
                },
            }
        }
        children.extend(extra);
        archs
            .iter()
            .map(|arch| {
                let mut el = marked("component", pos);
                el.attributes.extend([
                    Attribute::new(Name::from_static("name"), name),
                    Attribute::new(Name::from_static("processorArchitecture"), arch.as_str()),
                    Attribute::new(Name::from_static("publicKeyToken"), &token),
                    Attribute::new(Name::from_static("language"), &language),
                    Attribute::new(Name::from_static("versionScope"), &scope),
                ]);
                el.attributes.extend(others.iter().cloned());
                el.children = children.clone();
                el
            })
            .collect()
    }

    fn unknown_setting(&mut self, key: &Key, parent: &str, hint: Option<&str>) {
        self.error(
            SpecErrorKind::UnknownKey,
            key.pos,
            format!(
                "unknown setting `{}` in {parent}{}",
                key.name,
                match hint {
                    Some(_) => did_you_mean(hint),
                    None => " (settings the catalog does not describe go under `xml`)".into(),
                }
            ),
        );
    }

    /// The element(s) of one setting key.
    fn setting(&mut self, s: &'static SettingInfo, key: &Key, value: &Node) -> Vec<Element> {
        match s.kind {
            SettingKind::Value => {
                let mut el = marked(s.element_name, key.pos);
                if let Some(text) = self.scalar(value, s.element_name)
                    && !text.is_empty()
                {
                    el.children.push(XmlNode::Text(text));
                }
                vec![el]
            }
            SettingKind::Container => {
                let mut el = marked(s.element_name, key.pos);
                if let Some(entries) = self.map(value, s.element_name) {
                    self.fill(&mut el, s, &entries, None);
                }
                vec![el]
            }
            SettingKind::List => {
                let mut el = marked(s.element_name, key.pos);
                match &value.value {
                    Value::Seq(items) => {
                        el.children
                            .extend(self.items(s, items).into_iter().map(XmlNode::Element));
                    }
                    _ => {
                        if let Some(entries) = self.map(value, s.element_name) {
                            self.fill(&mut el, s, &entries, None);
                        }
                    }
                }
                vec![el]
            }
            SettingKind::ListItem => match &value.value {
                Value::Seq(items) => self.item_list(s, items),
                _ => self.item_list(s, std::slice::from_ref(value)),
            },
        }
    }

    /// The items of a list setting given as an array.
    fn items(&mut self, list: &'static SettingInfo, items: &[Node]) -> Vec<Element> {
        let item = list.item.and_then(|name| list.child(name));
        match item {
            Some(item) => self.item_list(item, items),
            None => {
                self.error(
                    SpecErrorKind::WrongShape,
                    items
                        .first()
                        .map_or(LineCol { line: 1, column: 1 }, |n| n.pos),
                    format!(
                        "the catalog does not name the items of {}; write them under `xml`",
                        list.element_name
                    ),
                );
                Vec::new()
            }
        }
    }

    fn item_list(&mut self, item: &'static SettingInfo, items: &[Node]) -> Vec<Element> {
        items
            .iter()
            .enumerate()
            .filter_map(|(i, node)| self.item(item, node, i + 1))
            .collect()
    }

    /// One list item; `index` (from 1) numbers it when its key is implied.
    fn item(&mut self, s: &'static SettingInfo, node: &Node, index: usize) -> Option<Element> {
        let mut el = marked(s.element_name, node.pos);
        let text_form = s
            .children()
            .find(|c| c.xml_form == Some(XmlForm::TextContent));
        let key_form = s
            .children()
            .find(|c| c.xml_form == Some(XmlForm::KeyAttribute));
        let is_scalar = !matches!(&node.value, Value::Map(m) if !is_secret(m));
        if is_scalar {
            if text_form.is_none() {
                self.error(
                    SpecErrorKind::WrongShape,
                    node.pos,
                    format!(
                        "an item of {} is a map of its settings, not {}",
                        s.element_name,
                        node.value.kind()
                    ),
                );
                return None;
            }
            let text = self.scalar(node, s.element_name)?;
            el.attributes.push(Attribute::ns(
                WCM_NS,
                "wcm",
                Name::from_static("action"),
                "add",
            ));
            if key_form.is_some() {
                el.attributes.push(Attribute::ns(
                    WCM_NS,
                    "wcm",
                    Name::from_static("keyValue"),
                    index.to_string(),
                ));
            }
            if !text.is_empty() {
                el.children.push(XmlNode::Text(text));
            }
            return Some(el);
        }
        let entries = self.map(node, s.element_name)?;
        if !entries.iter().any(|(k, _)| k.name == "@wcm:action") {
            el.attributes.push(Attribute::ns(
                WCM_NS,
                "wcm",
                Name::from_static("action"),
                "add",
            ));
        }
        let implied_order = (s.key == Some("Order")
            && !entries.iter().any(|(k, _)| k.name == "Order"))
        .then(|| index.to_string());
        self.fill(&mut el, s, &entries, implied_order.map(|o| (o, node.pos)));
        Some(el)
    }

    /// Fills a container, list (map form) or item from its map.
    fn fill(
        &mut self,
        el: &mut Element,
        s: &'static SettingInfo,
        entries: &[&(Key, Node)],
        implied_order: Option<(String, LineCol)>,
    ) {
        let mut extra = Vec::new();
        if let Some((order, pos)) = implied_order {
            let mut o = marked("Order", pos);
            o.children.push(XmlNode::Text(order));
            el.children.push(XmlNode::Element(o));
        }
        for (key, value) in entries {
            match key.name.as_str() {
                "xml" => extra.extend(self.xml(value)),
                n if n.starts_with('@') => {
                    if let Some(a) = self.attribute(key, value) {
                        el.attributes.push(a);
                    }
                }
                name => {
                    let pseudo = s.children().find(|c| {
                        c.is_pseudo() && c.element_name == name && s.child(name).is_none()
                    });
                    if let Some(p) = pseudo {
                        let Some(text) = self.scalar(value, name) else {
                            continue;
                        };
                        match p.xml_form {
                            Some(XmlForm::KeyAttribute) => el.attributes.push(Attribute::ns(
                                WCM_NS,
                                "wcm",
                                Name::from_static("keyValue"),
                                text,
                            )),
                            _ if !text.is_empty() => el.children.push(XmlNode::Text(text)),
                            _ => {}
                        }
                        continue;
                    }
                    match s.child(name).filter(|c| c.element_name == name) {
                        Some(child) => el.children.extend(
                            self.setting(child, key, value)
                                .into_iter()
                                .map(XmlNode::Element),
                        ),
                        None => {
                            let hint =
                                s.similar_child(name).map(|c| c.element_name).or_else(|| {
                                    closest(
                                        name,
                                        s.children()
                                            .filter(|c| c.is_pseudo())
                                            .map(|c| c.element_name),
                                    )
                                });
                            self.unknown_setting(key, s.element_name, hint);
                        }
                    }
                }
            }
        }
        el.children.extend(extra);
    }
}

fn is_secret(entries: &[(Key, Node)]) -> bool {
    matches!(entries, [(k, _)] if k.name == "env" || k.name == "file")
}

/// A top-level setting spelled exactly as its element.
fn top_setting(info: &'static ComponentInfo, name: &str) -> Option<&'static SettingInfo> {
    info.child(name).filter(|s| s.element_name == name)
}

/// Hides every `…Password` `Value` whose `PlainText` is true or missing,
/// as Windows SIM does; returns how many.
pub(crate) fn hide_passwords(el: &mut Element) -> usize {
    let mut hidden = 0;
    for child in &mut el.children {
        if let XmlNode::Element(c) = child {
            hidden += hide_passwords(c);
        }
    }
    if !el.name.ends_with("Password") {
        return hidden;
    }
    let is = |n: &XmlNode, name: &str| matches!(n, XmlNode::Element(e) if e.name == name);
    let Some(value_idx) = el.children.iter().position(|n| is(n, "Value")) else {
        return hidden;
    };
    let plain_idx = el.children.iter().position(|n| is(n, "PlainText"));
    let plain = plain_idx.and_then(|i| match &el.children[i] {
        XmlNode::Element(e) => e.text().map(|t| t.trim().eq_ignore_ascii_case("true")),
        _ => None,
    });
    if plain == Some(false) || (plain_idx.is_some() && plain.is_none()) {
        return hidden;
    }
    let name = el.name.clone();
    if let XmlNode::Element(v) = &mut el.children[value_idx] {
        let Some(password) = v.text().map(|t| t.into_owned()) else {
            return hidden;
        };
        v.children = vec![XmlNode::Text(crate::password::encode(&password, &name))];
    }
    match plain_idx {
        Some(i) => {
            if let XmlNode::Element(p) = &mut el.children[i] {
                p.children = vec![XmlNode::Text("false".into())];
            }
        }
        None => {
            let origin = el
                .attributes
                .iter()
                .find(|a| a.namespace.as_deref() == Some(ORIGIN_NS))
                .cloned();
            let mut p = Element::leaf(Name::from_static("PlainText"), "false");
            p.attributes.extend(origin);
            el.children.push(XmlNode::Element(p));
        }
    }
    hidden + 1
}
