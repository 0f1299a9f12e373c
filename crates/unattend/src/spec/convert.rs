//! Answer file → spec text: the catalog decides what is written as plain
//! keys, lists and values; anything it does not describe (unknown
//! components and settings, comments, odd attributes) is kept as raw XML
//! under `xml`, so building the spec gives back an equivalent file.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::catalog::{self, ComponentInfo, SettingInfo, SettingKind, ValueType, XmlForm};
use crate::document::{CPI_NS, UNATTEND_NS, WCM_NS, XSI_NS};
use crate::model::{
    Arch, Attribute, Element, LANGUAGE_NEUTRAL, Node as XmlNode, PUBLIC_KEY_TOKEN, Pass, Unattend,
    VERSION_SCOPE_NON_SXS,
};

use super::Format;

/// The schema reference written at the top of a spec by default: a file
/// next to the spec, so editors check specs offline. Write it with
/// `unattend schema spec > unattend-spec.schema.json` (or from
/// [`schema`](super::schema)); there is no published copy to point at.
pub const SCHEMA_REF: &str = "./unattend-spec.schema.json";

/// How [`write`](fn@write) lays out a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteSpecOptions {
    /// The schema reference written at the top (`# yaml-language-server:
    /// $schema=…` in YAML, `#:schema …` in TOML, `"$schema"` in JSON);
    /// `None` writes none.
    pub schema: Option<String>,
}

impl Default for WriteSpecOptions {
    fn default() -> Self {
        WriteSpecOptions {
            schema: Some(SCHEMA_REF.to_string()),
        }
    }
}

/// A spec value being written; maps keep their order.
#[derive(Debug, Clone, PartialEq)]
enum Out {
    Str(String),
    Bool(bool),
    Int(i64),
    Seq(Vec<Out>),
    Map(Vec<(String, Out)>),
}

impl Serialize for Out {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Out::Str(v) => s.serialize_str(v),
            Out::Bool(v) => s.serialize_bool(*v),
            Out::Int(v) => s.serialize_i64(*v),
            Out::Seq(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(i)?;
                }
                seq.end()
            }
            Out::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// The spec of an answer file, in `format`. Building it gives back an
/// equivalent file (same elements, attributes and values; comments kept
/// under `xml`).
pub fn write(file: &Unattend, format: Format, options: &WriteSpecOptions) -> String {
    let mut top = spec_of(&file.to_element());
    match format {
        Format::Yaml => {
            let text = serde_saphyr::to_string(&top).unwrap_or_default();
            match &options.schema {
                Some(s) => format!("# yaml-language-server: $schema={s}\n{text}"),
                None => text,
            }
        }
        Format::Toml => {
            let text = toml::to_string_pretty(&top).unwrap_or_default();
            match &options.schema {
                Some(s) => format!("#:schema {s}\n{text}"),
                None => text,
            }
        }
        Format::Json => {
            if let (Some(s), Out::Map(entries)) = (&options.schema, &mut top) {
                entries.insert(0, ("$schema".into(), Out::Str(s.clone())));
            }
            serde_json::to_string_pretty(&top).unwrap_or_default() + "\n"
        }
    }
}

fn spec_of(root: &Element) -> Out {
    let mut entries: Vec<(String, Out)> = Vec::new();
    let mut extra: Vec<XmlNode> = Vec::new();
    attributes_out(&root.attributes, &mut entries);
    // Passes merge when the file repeats one (without attributes).
    let mut passes: Vec<(Pass, Vec<XmlNode>, Vec<Attribute>)> = Vec::new();
    for child in &root.children {
        if let XmlNode::Element(e) = child
            && e.name == "settings"
            && e.namespace == UNATTEND_NS
            && let Some(pass) = e
                .attribute(None, "pass")
                .and_then(|p| p.parse::<Pass>().ok())
        {
            let attrs: Vec<Attribute> = e
                .attributes
                .iter()
                .filter(|a| !a.is(None, "pass"))
                .cloned()
                .collect();
            if mixed(e) || !attributes_ok(&e.attributes) {
                extra.push(child.clone());
                continue;
            }
            match passes.iter_mut().find(|(p, _, _)| *p == pass) {
                Some((_, nodes, prev)) if attrs.is_empty() && prev.is_empty() => {
                    nodes.extend(e.children.iter().cloned());
                }
                Some(_) => extra.push(child.clone()),
                None => passes.push((pass, e.children.clone(), attrs)),
            }
            continue;
        }
        extra.push(child.clone());
    }
    // Components grouped per pass and name, identical bodies merged across
    // architectures.
    let mut grouped: Vec<GroupedPass> = Vec::new();
    let mut arch_counts: Vec<(Vec<Arch>, usize)> = Vec::new();
    for (pass, nodes, attrs) in passes {
        let mut groups: Vec<Group> = Vec::new();
        let mut leftovers = Vec::new();
        for node in nodes {
            match component_out(&node) {
                Some((name, arch, body)) => match groups.iter_mut().find(|g| g.name == name) {
                    Some(g) => match g.entries.iter_mut().find(|(_, b)| *b == body) {
                        Some((archs, _)) => archs.push(arch),
                        None => g.entries.push((vec![arch], body)),
                    },
                    None => groups.push(Group {
                        name,
                        entries: vec![(vec![arch], body)],
                    }),
                },
                None => leftovers.push(node),
            }
        }
        for g in &groups {
            for (archs, _) in &g.entries {
                match arch_counts.iter_mut().find(|(a, _)| a == archs) {
                    Some((_, n)) => *n += 1,
                    None => arch_counts.push((archs.clone(), 1)),
                }
            }
        }
        grouped.push((pass, groups, leftovers, attrs));
    }
    let mut default_arch = vec![Arch::Amd64];
    let mut best = 0;
    for (archs, n) in &arch_counts {
        if *n > best {
            best = *n;
            default_arch = archs.clone();
        }
    }
    entries.insert(0, ("arch".into(), archs_out(&default_arch)));
    for (pass, groups, leftovers, attrs) in grouped {
        let mut pass_entries = Vec::new();
        let pass_extra = leftovers;
        attributes_out(&attrs, &mut pass_entries);
        for g in groups {
            let bodies: Vec<Out> = g
                .entries
                .into_iter()
                .map(|(archs, body)| {
                    let Out::Map(mut m) = body else { return body };
                    if archs != default_arch {
                        m.insert(0, ("arch".into(), archs_out(&archs)));
                    }
                    Out::Map(m)
                })
                .collect();
            let value = match <[Out; 1]>::try_from(bodies) {
                Ok([one]) => one,
                Err(many) => Out::Seq(many),
            };
            pass_entries.push((g.name, value));
        }
        push_xml(&mut pass_entries, &pass_extra, true);
        entries.push((pass.as_str().to_string(), Out::Map(pass_entries)));
    }
    push_xml(&mut entries, &extra, true);
    Out::Map(entries)
}

/// A pass: its components grouped by name, raw content, attributes.
type GroupedPass = (Pass, Vec<Group>, Vec<XmlNode>, Vec<Attribute>);

struct Group {
    name: String,
    entries: Vec<(Vec<Arch>, Out)>,
}

fn archs_out(archs: &[Arch]) -> Out {
    match archs {
        [one] => Out::Str(one.as_str().into()),
        many => Out::Seq(many.iter().map(|a| Out::Str(a.as_str().into())).collect()),
    }
}

/// The spec key of an attribute, when the spec can name its namespace.
fn attribute_key(a: &Attribute) -> Option<String> {
    let prefix = match a.namespace.as_deref() {
        None => return crate::document::is_qname(&a.name).then(|| format!("@{}", a.name)),
        Some(WCM_NS) => "wcm",
        Some(XSI_NS) => "xsi",
        Some(CPI_NS) => "cpi",
        Some(_) => return None,
    };
    Some(format!("@{prefix}:{}", a.name))
}

/// True when every attribute can be written as an `@` key (otherwise the
/// caller keeps the element as raw XML).
fn attributes_ok(attrs: &[Attribute]) -> bool {
    attrs.iter().all(|a| attribute_key(a).is_some())
}

/// Attributes as `@` keys (those whose namespace the spec can name).
fn attributes_out(attrs: &[Attribute], entries: &mut Vec<(String, Out)>) {
    for a in attrs {
        if let Some(k) = attribute_key(a) {
            entries.push((k, Out::Str(a.value.clone())));
        }
    }
}

/// A `<component>` as (name, arch, body), when the spec can carry it.
fn component_out(node: &XmlNode) -> Option<(String, Arch, Out)> {
    let XmlNode::Element(el) = node else {
        return None;
    };
    if el.name != "component" || el.namespace != UNATTEND_NS || mixed(el) {
        return None;
    }
    let name = el.attribute(None, "name")?;
    let info = catalog::component(name)?;
    let arch = el
        .attribute(None, "processorArchitecture")?
        .parse::<Arch>()
        .ok()?;
    let mut entries = Vec::new();
    for (attr, default) in [
        ("publicKeyToken", PUBLIC_KEY_TOKEN),
        ("language", LANGUAGE_NEUTRAL),
        ("versionScope", VERSION_SCOPE_NON_SXS),
    ] {
        let value = el.attribute(None, attr)?;
        if value != default {
            entries.push((format!("@{attr}"), Out::Str(value.to_string())));
        }
    }
    let others: Vec<Attribute> = el
        .attributes
        .iter()
        .filter(|a| {
            !(a.namespace.is_none()
                && matches!(
                    a.name.as_str(),
                    "name"
                        | "processorArchitecture"
                        | "publicKeyToken"
                        | "language"
                        | "versionScope"
                ))
        })
        .cloned()
        .collect();
    if !attributes_ok(&others) {
        return None;
    }
    for a in &others {
        entries.push((attribute_key(a)?, Out::Str(a.value.clone())));
    }
    children_out(Parent::Component(info), el, &mut entries);
    Some((name.to_string(), arch, Out::Map(entries)))
}

#[derive(Clone, Copy)]
enum Parent {
    Component(&'static ComponentInfo),
    Setting(&'static SettingInfo),
}

impl Parent {
    fn child(self, name: &str) -> Option<&'static SettingInfo> {
        let found = match self {
            Parent::Component(c) => c.child(name),
            Parent::Setting(s) => s.child(name),
        };
        found.filter(|s| s.element_name == name && !s.is_pseudo())
    }
}

/// The children of `el` as entries of `entries`; what the catalog cannot
/// place goes under `xml`.
fn children_out(parent: Parent, el: &Element, entries: &mut Vec<(String, Out)>) {
    let mut extra: Vec<XmlNode> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    let mut i = 0;
    while i < el.children.len() {
        let node = &el.children[i];
        i += 1;
        let XmlNode::Element(c) = node else {
            extra.push(node.clone());
            continue;
        };
        let setting = (c.namespace == UNATTEND_NS)
            .then(|| parent.child(&c.name))
            .flatten();
        if setting.is_some_and(|s| s.kind == SettingKind::ListItem)
            && used.iter().any(|u| *u == c.name)
        {
            continue; // taken with the first item of its name
        }
        let setting = setting.filter(|_| !used.iter().any(|u| *u == c.name));
        let Some(s) = setting else {
            extra.push(node.clone());
            continue;
        };
        if s.kind == SettingKind::ListItem {
            // Every sibling item of this name, in order.
            let items: Vec<&Element> = el
                .children
                .iter()
                .filter_map(|n| match n {
                    XmlNode::Element(e) if e.name == c.name && e.namespace == UNATTEND_NS => {
                        Some(e)
                    }
                    _ => None,
                })
                .collect();
            let (out, rest) = items_out(s, &items);
            used.push(c.name.to_string());
            if !out.is_empty() {
                entries.push((c.name.to_string(), Out::Seq(out)));
            }
            extra.extend(rest.into_iter().map(|e| XmlNode::Element(e.clone())));
            continue;
        }
        match setting_out(s, c) {
            Some(out) => {
                used.push(c.name.to_string());
                entries.push((c.name.to_string(), out));
            }
            None => extra.push(node.clone()),
        }
    }
    let has_elements = el.child_elements().next().is_some();
    push_xml(entries, &extra, has_elements);
}

fn push_xml(entries: &mut Vec<(String, Out)>, nodes: &[XmlNode], has_elements: bool) {
    if nodes.is_empty() {
        return;
    }
    let sep = if has_elements { "\n" } else { "" };
    let text = nodes
        .iter()
        .map(crate::model::write_fragment)
        .collect::<Vec<_>>()
        .join(sep);
    entries.push(("xml".into(), Out::Str(text)));
}

/// A value as the spec writes it: booleans and canonical integers typed
/// when the catalog says so, text otherwise.
fn value_out(s: Option<&SettingInfo>, text: &str) -> Out {
    match s.and_then(|s| s.value_type) {
        Some(ValueType::Boolean) if text == "true" || text == "false" => Out::Bool(text == "true"),
        Some(ValueType::Integer) => match text.parse::<i64>() {
            Ok(n) if n.to_string() == text => Out::Int(n),
            _ => Out::Str(text.to_string()),
        },
        _ => Out::Str(text.to_string()),
    }
}

/// Text beside child elements (template directives between settings):
/// such an element is kept raw, since the spec cannot say where the text
/// goes among the settings.
fn mixed(el: &Element) -> bool {
    el.child_elements().next().is_some()
        && el.children.iter().any(|c| matches!(c, XmlNode::Text(_)))
}

/// Text-only content (no elements, comments or instructions).
fn plain_text(el: &Element) -> Option<String> {
    if el.children.iter().any(|c| !matches!(c, XmlNode::Text(_))) {
        return None;
    }
    el.text().map(|t| t.into_owned())
}

fn setting_out(s: &'static SettingInfo, el: &Element) -> Option<Out> {
    match s.kind {
        SettingKind::Value => {
            if !el.attributes.is_empty() {
                return None;
            }
            Some(value_out(Some(s), &plain_text(el)?))
        }
        SettingKind::Container => map_out(s, el),
        SettingKind::List => {
            let item = s
                .item
                .and_then(|n| s.child(n))
                .filter(|i| i.kind == SettingKind::ListItem);
            if let Some(item) = item
                && el.attributes.is_empty()
            {
                let items: Vec<&Element> = el.child_elements().collect();
                let only_items = el.children.len() == items.len()
                    && items
                        .iter()
                        .all(|e| e.name == item.element_name && e.namespace == UNATTEND_NS);
                if only_items {
                    let (out, rest) = items_out(item, &items);
                    if rest.is_empty() {
                        return Some(Out::Seq(out));
                    }
                }
            }
            map_out(s, el)
        }
        SettingKind::ListItem => None,
    }
}

fn map_out(s: &'static SettingInfo, el: &Element) -> Option<Out> {
    if !attributes_ok(&el.attributes) || mixed(el) {
        return None;
    }
    let mut entries = Vec::new();
    for a in &el.attributes {
        entries.push((attribute_key(a)?, Out::Str(a.value.clone())));
    }
    children_out(Parent::Setting(s), el, &mut entries);
    Some(Out::Map(entries))
}

/// List items: the ones the spec can carry as array entries, and the rest
/// (kept as raw XML).
fn items_out<'e>(s: &'static SettingInfo, items: &[&'e Element]) -> (Vec<Out>, Vec<&'e Element>) {
    let mut out = Vec::new();
    let mut rest = Vec::new();
    for el in items {
        match item_out(s, el) {
            Some(o) => out.push(o),
            None => rest.push(*el),
        }
    }
    // Sequential Order (1, 2, …) is implied when left out.
    if s.key == Some("Order") {
        let sequential = out.iter().enumerate().all(|(i, o)| match o {
            Out::Map(m) => m
                .iter()
                .any(|(k, v)| k == "Order" && *v == Out::Int(i as i64 + 1)),
            _ => false,
        });
        if sequential {
            for o in &mut out {
                if let Out::Map(m) = o {
                    m.retain(|(k, _)| k != "Order");
                }
            }
        }
    }
    // Value-only items with keys 1, 2, … are written as their values.
    let key_form = s
        .children()
        .find(|c| c.xml_form == Some(XmlForm::KeyAttribute));
    let text_form = s
        .children()
        .find(|c| c.xml_form == Some(XmlForm::TextContent));
    if let (Some(k), Some(v)) = (key_form, text_form) {
        let scalar = out.iter().enumerate().all(|(i, o)| match o {
            Out::Map(m) => {
                m.len() == 2
                    && m.iter().any(|(key, val)| {
                        *key == k.element_name && *val == Out::Str((i + 1).to_string())
                    })
                    && m.iter().any(|(key, val)| {
                        *key == v.element_name && !matches!(val, Out::Map(_) | Out::Seq(_))
                    })
            }
            _ => false,
        });
        if scalar {
            for o in &mut out {
                if let Out::Map(m) = o
                    && let Some(pos) = m.iter().position(|(key, _)| *key == v.element_name)
                {
                    let value = m.remove(pos).1;
                    *o = value;
                }
            }
        }
    }
    (out, rest)
}

fn item_out(s: &'static SettingInfo, el: &Element) -> Option<Out> {
    if mixed(el) {
        return None;
    }
    let mut entries = Vec::new();
    let key_form = s
        .children()
        .find(|c| c.xml_form == Some(XmlForm::KeyAttribute));
    let text_form = s
        .children()
        .find(|c| c.xml_form == Some(XmlForm::TextContent));
    let mut has_action = false;
    for a in &el.attributes {
        if a.is(Some(WCM_NS), "action") {
            has_action = true;
            if a.value == "add" {
                continue;
            }
        }
        if a.is(Some(WCM_NS), "keyValue")
            && let Some(k) = key_form
        {
            entries.push((k.element_name.to_string(), Out::Str(a.value.clone())));
            continue;
        }
        entries.push((attribute_key(a)?, Out::Str(a.value.clone())));
    }
    // An item without wcm:action would get "add" when built: keep it raw.
    if !has_action {
        return None;
    }
    // Items keyed by Order get one when built: keep one without it raw.
    if s.key == Some("Order")
        && !el
            .child_elements()
            .any(|c| c.name == "Order" && c.namespace == UNATTEND_NS)
    {
        return None;
    }
    if let Some(v) = text_form
        && el.child_elements().next().is_none()
    {
        let text = plain_text(el)?;
        if !text.is_empty() {
            entries.push((v.element_name.to_string(), value_out(Some(v), &text)));
        }
        return Some(Out::Map(entries));
    }
    children_out(Parent::Setting(s), el, &mut entries);
    Some(Out::Map(entries))
}
