//! A generic element tree: how the model carries content it has no type for.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::name::Name;
use crate::document::{ElementRef, NodeKind, UNATTEND_NS};

fn unattend_ns() -> String {
    UNATTEND_NS.to_string()
}

fn is_unattend_ns(ns: &str) -> bool {
    ns == UNATTEND_NS
}

/// An XML element with its attributes and children, namespaces resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Element {
    /// Local name (`Reseal`, `component`, `offlineImage`).
    pub name: Name,
    /// Namespace URI; omitted in specs when it is the answer-file namespace.
    #[serde(default = "unattend_ns", skip_serializing_if = "is_unattend_ns")]
    pub namespace: String,
    /// The prefix the source used, kept to write unknown namespaces back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Attributes in order, namespace declarations excluded (writers derive them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
    /// Child nodes in order. Whitespace between child elements is layout and is
    /// not kept; text of leaf elements is kept exactly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

/// An attribute, namespace resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Attribute {
    /// Local name (`action` for `wcm:action`).
    pub name: Name,
    /// Namespace URI; `None` for unprefixed attributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The prefix the source used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// The value, references resolved.
    pub value: String,
}

/// A child of an [`Element`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data (CDATA sections are carried as their text).
    Text(String),
    /// A comment's text, between `<!--` and `-->`.
    Comment(String),
    /// A processing instruction, as written between `<?` and `?>`.
    ProcessingInstruction(String),
}

impl Attribute {
    /// An unprefixed attribute.
    ///
    /// ```
    /// use unattend::model::{Attribute, Element, Name};
    ///
    /// let settings = Element::new(Name::new("settings")?)
    ///     .with_attribute(Attribute::new(Name::new("pass")?, "specialize"));
    /// assert_eq!(settings.attribute(None, "pass"), Some("specialize"));
    /// # Ok::<(), unattend::model::InvalidName>(())
    /// ```
    pub fn new(name: Name, value: impl Into<String>) -> Self {
        Attribute {
            name,
            namespace: None,
            prefix: None,
            value: value.into(),
        }
    }

    /// An attribute in a namespace, e.g. `wcm:action`.
    pub fn ns(namespace: &str, prefix: &str, name: Name, value: impl Into<String>) -> Self {
        Attribute {
            name,
            namespace: Some(namespace.to_string()),
            prefix: Some(prefix.to_string()),
            value: value.into(),
        }
    }

    /// True when the attribute has this namespace and local name.
    pub fn is(&self, namespace: Option<&str>, name: &str) -> bool {
        self.name == name && self.namespace.as_deref() == namespace
    }
}

impl Element {
    /// An empty element in the answer-file namespace.
    ///
    /// The name is a [`Name`], checked when it is made, so whatever is built
    /// from elements writes XML that parses.
    pub fn new(name: Name) -> Self {
        Element {
            name,
            namespace: unattend_ns(),
            prefix: None,
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// A leaf element holding `value` as text.
    ///
    /// ```
    /// use unattend::model::{Element, Name, Node};
    ///
    /// let el = Element::leaf(Name::new("ComputerName")?, "WEB01");
    /// assert_eq!(el.text().as_deref(), Some("WEB01"));
    /// // A name that would not parse is refused before any element exists.
    /// assert!(Name::new("Computer Name").is_err());
    /// # Ok::<(), unattend::model::InvalidName>(())
    /// ```
    pub fn leaf(name: Name, value: impl Into<String>) -> Self {
        let value = value.into();
        let mut el = Element::new(name);
        if !value.is_empty() {
            el.children.push(Node::Text(value));
        }
        el
    }

    /// Adds an attribute (builder style).
    pub fn with_attribute(mut self, attribute: Attribute) -> Self {
        self.attributes.push(attribute);
        self
    }

    /// Adds a child element (builder style).
    pub fn with_child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    /// The value of the attribute with this namespace and local name.
    pub fn attribute(&self, namespace: Option<&str>, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.is(namespace, name))
            .map(|a| a.value.as_str())
    }

    /// The `wcm:action` of a list item or container, when it is one of the
    /// three valid literals.
    pub fn wcm_action(&self) -> Option<super::WcmAction> {
        use super::XmlValue;
        self.attribute(Some(crate::document::WCM_NS), "action")
            .and_then(super::WcmAction::parse_xml)
    }

    /// The `wcm:keyValue` that keys a list item (e.g. a registry-style entry).
    pub fn wcm_key_value(&self) -> Option<&str> {
        self.attribute(Some(crate::document::WCM_NS), "keyValue")
    }

    /// Child elements in order.
    pub fn child_elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The text of a leaf element (text children joined); `None` when it has
    /// child elements.
    pub fn text(&self) -> Option<Cow<'_, str>> {
        let mut out: Option<Cow<'_, str>> = None;
        for child in &self.children {
            match child {
                Node::Element(_) => return None,
                Node::Text(t) => {
                    out = Some(match out {
                        None => Cow::Borrowed(t.as_str()),
                        Some(prev) => Cow::Owned(prev.into_owned() + t),
                    })
                }
                _ => {}
            }
        }
        Some(out.unwrap_or_default())
    }

    /// Copies an element of a document, with everything below it.
    pub fn from_document(el: ElementRef<'_>) -> Element {
        let mut out = Element {
            // The parser checked every name of a document.
            name: Name::trusted(el.local_name().to_string()),
            namespace: el.namespace().unwrap_or_default().to_string(),
            prefix: el.prefix().map(str::to_string),
            attributes: el
                .attributes()
                .filter(|a| !a.is_namespace_declaration())
                .map(|a| Attribute {
                    name: Name::trusted(a.local_name().to_string()),
                    namespace: a.namespace().map(str::to_string),
                    prefix: a.prefix().map(str::to_string),
                    value: a.value().into_owned(),
                })
                .collect(),
            children: Vec::new(),
        };
        let leaf = !el.has_child_elements();
        for child in el.children() {
            match child.kind() {
                NodeKind::Element => {
                    if let Some(c) = child.as_element() {
                        out.children.push(Node::Element(Element::from_document(c)));
                    }
                }
                NodeKind::Text | NodeKind::CData => {
                    if !leaf && child.is_whitespace() {
                        continue; // layout between child elements
                    }
                    let value = child.value().unwrap_or_default();
                    // Adjacent text and CDATA make one value.
                    if let Some(Node::Text(prev)) = out.children.last_mut() {
                        prev.push_str(&value);
                    } else if !value.is_empty() {
                        out.children.push(Node::Text(value.into_owned()));
                    }
                }
                NodeKind::Comment => out.children.push(Node::Comment(
                    child.value().unwrap_or_default().into_owned(),
                )),
                NodeKind::ProcessingInstruction => {
                    let raw = child.raw();
                    out.children.push(Node::ProcessingInstruction(
                        raw[2..raw.len() - 2].to_string(),
                    ));
                }
                NodeKind::Declaration => {}
            }
        }
        out
    }
}
