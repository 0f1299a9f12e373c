//! Conversions between typed values and the text of leaf elements.
//!
//! Typed structs are read leniently and then written back and compared with
//! the source: a component is typed only when that round trip is exact, so
//! reading never changes a value (for example `True` stays `True` in a
//! generic element instead of becoming `true`).

use std::borrow::Cow;

use super::element::{Attribute, Element, Node};
use crate::document::{UNATTEND_NS, WCM_NS};

/// A value stored as the text of a leaf element.
pub trait XmlValue: Sized {
    /// Parses the exact XML literal.
    fn parse_xml(text: &str) -> Option<Self>;
    /// The XML literal.
    fn to_xml(&self) -> Cow<'_, str>;
}

impl XmlValue for bool {
    fn parse_xml(text: &str) -> Option<bool> {
        match text {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    fn to_xml(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

impl XmlValue for u32 {
    fn parse_xml(text: &str) -> Option<u32> {
        text.parse().ok()
    }

    fn to_xml(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_string())
    }
}

impl XmlValue for String {
    fn parse_xml(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    fn to_xml(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

/// Declares a closed set of XML literals as a Rust enum with exact names.
macro_rules! xml_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $lit:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $lit)] $variant),+
        }

        impl $name {
            /// The exact XML literal.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $lit),+ }
            }
        }

        impl $crate::model::xml_value::XmlValue for $name {
            fn parse_xml(text: &str) -> Option<Self> {
                match text { $($lit => Some($name::$variant),)+ _ => None }
            }

            fn to_xml(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use xml_enum;

xml_enum! {
    /// The `wcm:action` of a list item or container.
    WcmAction {
        /// Add the item.
        Add = "add",
        /// Change an item added earlier (by key).
        Modify = "modify",
        /// Remove an item added earlier (by key).
        Remove = "remove",
    }
}

/// The element does not fit a typed struct exactly; it is carried generically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotTyped;

/// The result of reading a typed struct from elements.
pub type Typed<T> = Result<T, NotTyped>;

/// The first child element in the answer-file namespace with this name.
pub(crate) fn child<'e>(el: &'e Element, name: &str) -> Option<&'e Element> {
    el.child_elements()
        .find(|c| c.name == name && c.namespace == UNATTEND_NS)
}

/// Every child element with this name.
pub(crate) fn children<'e>(
    el: &'e Element,
    name: &'e str,
) -> impl Iterator<Item = &'e Element> + 'e {
    el.child_elements()
        .filter(move |c| c.name == name && c.namespace == UNATTEND_NS)
}

/// Reads an optional leaf value.
pub(crate) fn value<T: XmlValue>(el: &Element, name: &str) -> Typed<Option<T>> {
    match child(el, name) {
        None => Ok(None),
        Some(c) => {
            let text = c.text().ok_or(NotTyped)?;
            T::parse_xml(&text).map(Some).ok_or(NotTyped)
        }
    }
}

/// Reads an optional container.
pub(crate) fn nested<T>(
    el: &Element,
    name: &str,
    read: impl Fn(&Element) -> Typed<T>,
) -> Typed<Option<T>> {
    child(el, name).map(read).transpose()
}

/// Reads the `wcm:action` attribute.
pub(crate) fn action(el: &Element) -> Typed<Option<WcmAction>> {
    match el.attribute(Some(WCM_NS), "action") {
        None => Ok(None),
        Some(v) => WcmAction::parse_xml(v).map(Some).ok_or(NotTyped),
    }
}

/// Writes an optional leaf value.
pub(crate) fn push_value<T: XmlValue>(out: &mut Vec<Node>, name: &str, v: &Option<T>) {
    if let Some(v) = v {
        out.push(Node::Element(Element::leaf(name, v.to_xml())));
    }
}

/// Writes an optional container.
pub(crate) fn push_nested<T>(out: &mut Vec<Node>, v: &Option<T>, write: impl Fn(&T) -> Element) {
    if let Some(v) = v {
        out.push(Node::Element(write(v)));
    }
}

/// An element with an optional `wcm:action` and the given children.
pub(crate) fn element_with_action(
    name: &str,
    action: Option<WcmAction>,
    children: Vec<Node>,
) -> Element {
    let mut el = Element::new(name);
    if let Some(a) = action {
        el.attributes
            .push(Attribute::ns(WCM_NS, "wcm", "action", a.as_str()));
    }
    el.children = children;
    el
}
