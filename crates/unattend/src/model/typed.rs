//! What generated component code is made of: the traits every typed struct
//! implements and the helpers its `read`/`write` bodies call.
//!
//! Reading is lenient (first matching element wins, unknown content goes to
//! `other`); `read_component` then writes the result back and compares it
//! with the source, so a component is typed only when nothing was dropped or
//! rewritten.

pub(crate) use super::element::{Attribute, Element, Node};
pub(crate) use super::xml_value::xml_enum;
pub(crate) use super::xml_value::{NotTyped, Typed, WcmAction, XmlValue};

use super::components::ComponentSettings;
use super::name::Name;
use crate::document::{UNATTEND_NS, WCM_NS};

/// A component's settings struct (generator plumbing: the module is
/// private, so the trait cannot be named, implemented or called outside
/// the crate; [`ComponentType`] is the public face).
pub trait TypedComponent: Sized {
    /// The component's canonical name.
    const NAME: &'static str;
    /// Reads the settings from a `<component>` element's children.
    fn read(component: &Element) -> Typed<Self>;
    /// The settings as child nodes of the component element.
    fn to_children(&self) -> Vec<Node>;
    /// The content the catalog does not describe, kept as read.
    fn other_mut(&mut self) -> &mut Vec<Node>;
}

/// A typed component struct that [`Unattend::component`](crate::model::Unattend::component)
/// and [`Unattend::component_mut`](crate::model::Unattend::component_mut) can find
/// in a pass: every generated component type implements it.
///
/// The trait is sealed: only the generated types implement it, so the name a
/// component is written under always comes from its type.
pub trait ComponentType: TypedComponent + Into<ComponentSettings> + sealed::Sealed {
    /// The component's canonical name, e.g. `Microsoft-Windows-Shell-Setup`.
    const COMPONENT_NAME: &'static str = <Self as TypedComponent>::NAME;
    /// The typed settings when `settings` holds this type.
    fn from_settings(settings: &ComponentSettings) -> Option<&Self>;
    /// The typed settings, mutably, when `settings` holds this type.
    fn from_settings_mut(settings: &mut ComponentSettings) -> Option<&mut Self>;
}

/// Keeps [`ComponentType`] implemented by the generated types only.
#[doc(hidden)]
pub mod sealed {
    /// The seal.
    pub trait Sealed {}
}

/// A container, list or list item struct.
pub(crate) trait XmlStruct: Sized {
    /// Reads the struct from its element (attributes and children).
    fn read(el: &Element) -> Typed<Self>;
    /// The struct as an element named `name`.
    fn write(&self, name: &str) -> Element;
}

fn is_named(e: &Element, name: &str) -> bool {
    e.name == name && e.namespace == UNATTEND_NS
}

/// The `wcm:action` attribute.
pub(crate) fn action(el: &Element) -> Typed<Option<WcmAction>> {
    match el.attribute(Some(WCM_NS), "action") {
        None => Ok(None),
        Some(v) => WcmAction::parse_xml(v).map(Some).ok_or(NotTyped),
    }
}

/// The `wcm:keyValue` attribute.
pub(crate) fn key_value(el: &Element) -> Option<String> {
    el.attribute(Some(WCM_NS), "keyValue").map(str::to_string)
}

/// The value of the first leaf child named `name`.
pub(crate) fn value<T: XmlValue>(el: &Element, name: &str) -> Typed<Option<T>> {
    match el.child_elements().find(|c| is_named(c, name)) {
        None => Ok(None),
        Some(c) if !c.attributes.is_empty() => Err(NotTyped),
        Some(c) => {
            let text = c.text().ok_or(NotTyped)?;
            T::parse_xml(&text).map(Some).ok_or(NotTyped)
        }
    }
}

/// The element's own text as a value (`None` when empty).
pub(crate) fn text_value<T: XmlValue>(el: &Element) -> Typed<Option<T>> {
    let text = el.text().ok_or(NotTyped)?;
    if text.is_empty() {
        return Ok(None);
    }
    T::parse_xml(&text).map(Some).ok_or(NotTyped)
}

/// The first child container named `name`.
pub(crate) fn nested<T: XmlStruct>(el: &Element, name: &str) -> Typed<Option<T>> {
    el.child_elements()
        .find(|c| is_named(c, name))
        .map(T::read)
        .transpose()
}

/// Every child item named `name`, in order.
pub(crate) fn repeated<T: XmlStruct>(el: &Element, name: &str) -> Typed<Vec<T>> {
    el.child_elements()
        .filter(|c| is_named(c, name))
        .map(T::read)
        .collect()
}

/// The children no field took: unknown elements, second occurrences of
/// single settings, comments, and text unless the text is the item's value.
///
/// Text beside child elements (mixed content, e.g. template directives
/// between settings) cannot be typed: `other` is written after the fields,
/// which would move the text and merge it with its neighbours.
pub(crate) fn others(
    el: &Element,
    singles: &[&str],
    repeated: &[&str],
    text_is_value: bool,
) -> Typed<Vec<Node>> {
    let has_elements = el.child_elements().next().is_some();
    let mut seen = vec![false; singles.len()];
    let mut out = Vec::new();
    for node in &el.children {
        match node {
            Node::Element(e) if e.namespace == UNATTEND_NS => {
                if let Some(i) = singles.iter().position(|s| *s == e.name)
                    && !seen[i]
                {
                    seen[i] = true;
                    continue;
                }
                if repeated.contains(&e.name.as_str()) {
                    continue;
                }
                out.push(node.clone());
            }
            Node::Text(_) if text_is_value => {}
            Node::Text(_) if has_elements => return Err(NotTyped),
            _ => out.push(node.clone()),
        }
    }
    Ok(out)
}

/// Writes an optional leaf value.
pub(crate) fn push_value<T: XmlValue>(out: &mut Vec<Node>, name: &str, v: &Option<T>) {
    if let Some(v) = v {
        out.push(Node::Element(Element::leaf(
            Name::trusted(name.to_string()),
            v.to_xml(),
        )));
    }
}

/// Writes an optional container.
pub(crate) fn push_nested<T: XmlStruct>(out: &mut Vec<Node>, name: &str, v: &Option<T>) {
    if let Some(v) = v {
        out.push(Node::Element(v.write(name)));
    }
}

/// Writes repeated items.
pub(crate) fn push_repeated<T: XmlStruct>(out: &mut Vec<Node>, name: &str, items: &[T]) {
    out.extend(items.iter().map(|v| Node::Element(v.write(name))));
}

/// Writes an item's text value.
pub(crate) fn push_text<T: XmlValue>(out: &mut Vec<Node>, v: &Option<T>) {
    if let Some(v) = v {
        out.push(Node::Text(v.to_xml().into_owned()));
    }
}

/// An element with optional `wcm:action` and `wcm:keyValue`.
pub(crate) fn element(
    name: &str,
    action: Option<WcmAction>,
    key: Option<&str>,
    children: Vec<Node>,
) -> Element {
    let mut el = Element::new(Name::trusted(name.to_string()));
    if let Some(a) = action {
        el.attributes.push(Attribute::ns(
            WCM_NS,
            "wcm",
            Name::from_static("action"),
            a.as_str(),
        ));
    }
    if let Some(k) = key {
        el.attributes.push(Attribute::ns(
            WCM_NS,
            "wcm",
            Name::from_static("keyValue"),
            k,
        ));
    }
    el.children = children;
    el
}

/// Reads a component's typed settings, keeping them only when writing them
/// back gives the same content as the source (order of siblings aside).
pub(crate) fn read_component<T: TypedComponent>(component: &Element) -> Option<T> {
    let value = T::read(component).ok()?;
    same_content(&value.to_children(), &component.children).then_some(value)
}

/// Types as much of a component's content as fits `T` and keeps every
/// other child, unchanged, in `T`'s `other` nodes: nothing is dropped.
///
/// Children are tried one at a time, in order; a child is typed when the
/// children typed so far plus it still read back exactly.
pub(crate) fn adopt<T: TypedComponent + Default>(children: &[Node]) -> T {
    let mut trial = Element::new(super::Name::from_static("component"));
    let mut kept = Vec::new();
    for node in children {
        trial.children.push(node.clone());
        if read_component::<T>(&trial).is_none() {
            kept.extend(trial.children.pop());
        }
    }
    let mut value = read_component::<T>(&trial).unwrap_or_default();
    value.other_mut().extend(kept);
    value
}

/// Equal content with sibling order ignored: the canonical writer may order
/// settings differently from the source, which Windows does not mind.
pub(crate) fn same_content(a: &[Node], b: &[Node]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut used = vec![false; b.len()];
    a.iter().all(|x| {
        let found = b
            .iter()
            .enumerate()
            .find(|(i, y)| !used[*i] && same_node(x, y))
            .map(|(i, _)| i);
        found.map(|i| used[i] = true).is_some()
    })
}

fn same_node(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Element(x), Node::Element(y)) => {
            x.name == y.name
                && x.namespace == y.namespace
                && x.attributes.len() == y.attributes.len()
                && x.attributes.iter().all(|a| {
                    y.attributes.iter().any(|b| {
                        a.name == b.name && a.namespace == b.namespace && a.value == b.value
                    })
                })
                && same_content(&x.children, &y.children)
        }
        (x, y) => x == y,
    }
}
