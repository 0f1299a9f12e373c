//! Semantic diff: what two answer files set differently, setting by setting.
//!
//! [`flatten`] turns a file into one [`Setting`] per value, named by its path
//! `pass/component[arch]/setting/…`:
//!
//! ```text
//! specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName = WS-042
//! specialize/Microsoft-Windows-Deployment[amd64]/RunSynchronous/RunSynchronousCommand[Order=1]/Path = cmd /c exit 0
//! specialize/Microsoft-Windows-Deployment[amd64]/RunSynchronous/RunSynchronousCommand[Order=1]/@wcm:action = add
//! ```
//!
//! List items are named by their key (the catalog's key element such as
//! `Order`, or `wcm:keyValue`), so inserting an item does not renumber the
//! others; attributes other than the component's name and architecture and
//! the list key are settings of their own (`/@wcm:action`), except a
//! component's `publicKeyToken`, `language` and `versionScope` when they
//! have Microsoft's usual values (`31bf3856ad364e35`, `neutral`, `nonSxS`;
//! `unattend lint` reports missing ones).
//! [`diff`] compares two flattened files. Layout, attribute order,
//! comments, the order of passes and components, the order of settings in a
//! component and `CRLF` against `LF` inside values make no difference, so a
//! file and its `unattend fmt` output are equivalent.
//!
//! Secrets (passwords, product keys, join credentials) are carried as
//! [`Secret`], which compares but never prints: a changed password shows as
//! `…/AdministratorPassword/Value: changed (hidden)`.
//!
//! ```
//! use unattend::document::Document;
//! use unattend::diff::{Change, diff};
//!
//! let old = Document::parse_str(r#"<unattend xmlns="urn:schemas-microsoft-com:unattend">
//!   <settings pass="specialize">
//!     <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64">
//!       <ComputerName>WS-001</ComputerName>
//!     </component>
//!   </settings>
//! </unattend>"#)?;
//! let new = Document::parse_str(r#"<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize"><component processorArchitecture="amd64" name="Microsoft-Windows-Shell-Setup"><ComputerName>WS-042</ComputerName></component></settings></unattend>"#)?;
//! let changes = diff(&old, &new)?;
//! assert_eq!(changes.len(), 1);
//! assert_eq!(
//!     changes[0].to_string(),
//!     r#"specialize/Microsoft-Windows-Shell-Setup[amd64]/ComputerName: changed "WS-001" -> "WS-042""#
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::catalog::{self, SettingInfo, SettingKind};
use crate::document::{Document, ElementRef, UNATTEND_NS, WCM_NS};
use crate::lint::secrets::is_secret;
use crate::model::{LANGUAGE_NEUTRAL, PUBLIC_KEY_TOKEN, Pass, VERSION_SCOPE_NON_SXS};

/// The document is not an answer file: its root is not `<unattend>`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the document's root is not <unattend> in the answer-file namespace")]
pub struct NotAnAnswerFile;

/// A value that must never be printed (a password, product key or join
/// credential). It compares with other secrets; `Debug` and `Display` show
/// `(hidden)`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(hidden)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(hidden)")
    }
}

/// The value of one setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// An ordinary value, references resolved, line ends as `\n`.
    Text(String),
    /// A secret: compared, never shown.
    Secret(Secret),
}

impl Value {
    /// The text, or `None` for a secret.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            Value::Secret(_) => None,
        }
    }

    /// True for a secret.
    pub fn is_secret(&self) -> bool {
        matches!(self, Value::Secret(_))
    }
}

/// Shows the value quoted (`"…"`, with `\"`, `\n`, `\r`, `\t` and other
/// control characters escaped; backslashes, common in Windows paths, stay
/// as they are), or `(hidden)` for a secret.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Text(t) => write!(f, "\"{}\"", escaped(t, true)),
            Value::Secret(s) => s.fmt(f),
        }
    }
}

/// Control characters (and, when `quote`, double quotes) escaped so that a
/// value stays on one line.
fn escaped(text: &str, quote: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '"' if quote => out.push_str("\\\""),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// One value of an answer file and its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// `pass/component[arch]/setting/…`, list items with their key
    /// (`RunSynchronousCommand[Order=1]`), attributes as `@name`.
    pub path: String,
    /// The value.
    pub value: Value,
    sort: SortKey,
}

/// `path = value`, one line: the value unquoted with control characters
/// escaped, `(hidden)` for a secret (the form `unattend flatten` prints for
/// `git diff`).
impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Value::Text(t) => write!(f, "{} = {}", self.path, escaped(t, false)),
            Value::Secret(s) => write!(f, "{} = {s}", self.path),
        }
    }
}

/// Where a setting sorts: passes in processing order, then components by
/// name and architecture, then paths with numbers compared as numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SortKey {
    /// Pass rank (processing order; unknown passes and other top-level
    /// elements after every pass).
    rank: u8,
    /// The component's name in lower case, then its architecture.
    component: String,
}

/// What changed at one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Set in the new file only.
    Added {
        /// The setting's path.
        path: String,
        /// The new value.
        value: Value,
    },
    /// Set in the old file only.
    Removed {
        /// The setting's path.
        path: String,
        /// The old value.
        value: Value,
    },
    /// Set in both, to different values.
    Changed {
        /// The setting's path.
        path: String,
        /// The old value.
        old: Value,
        /// The new value.
        new: Value,
    },
}

impl Change {
    /// The setting's path.
    pub fn path(&self) -> &str {
        match self {
            Change::Added { path, .. }
            | Change::Removed { path, .. }
            | Change::Changed { path, .. } => path,
        }
    }

    /// `added`, `removed` or `changed`.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Added { .. } => "added",
            Change::Removed { .. } => "removed",
            Change::Changed { .. } => "changed",
        }
    }

    /// True when the setting holds a secret (in either file).
    pub fn is_secret(&self) -> bool {
        match self {
            Change::Added { value, .. } | Change::Removed { value, .. } => value.is_secret(),
            Change::Changed { old, new, .. } => old.is_secret() || new.is_secret(),
        }
    }
}

/// `path: added "value"`, `path: removed "value"`,
/// `path: changed "old" -> "new"`; for secrets `path: changed (hidden)`
/// (never the value, not even its length).
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path();
        match self {
            Change::Added { value, .. } | Change::Removed { value, .. } => {
                write!(f, "{path}: {} {value}", self.kind())
            }
            Change::Changed { .. } if self.is_secret() => write!(f, "{path}: changed (hidden)"),
            Change::Changed { old, new, .. } => write!(f, "{path}: changed {old} -> {new}"),
        }
    }
}

/// Every setting of an answer file, sorted: passes in processing order,
/// components by name and architecture, then by path.
pub fn flatten(doc: &Document) -> Result<Vec<Setting>, NotAnAnswerFile> {
    let root = doc.root();
    if !root.is(UNATTEND_NS, "unattend") {
        return Err(NotAnAnswerFile);
    }
    let mut out = Vec::new();
    let top = SortKey {
        rank: u8::MAX,
        component: String::new(),
    };
    attributes_except(root, "", &top, &[], &mut out);
    for (child, segment) in segments(root, None) {
        if child.is(UNATTEND_NS, "settings") {
            settings(child, &mut out);
        } else {
            element(child, &segment, None, &top, &mut out);
        }
    }
    // Two components of the same name and architecture in one pass, or a
    // pass written twice, give the same paths: number the later ones.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for s in &mut out {
        let n = seen.entry(s.path.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            s.path = format!("{} (#{n})", s.path);
        }
    }
    out.sort_by(|a, b| compare(&a.sort, &a.path, &b.sort, &b.path));
    Ok(out)
}

fn compare(a: &SortKey, a_path: &str, b: &SortKey, b_path: &str) -> Ordering {
    a.rank
        .cmp(&b.rank)
        .then_with(|| a.component.cmp(&b.component))
        .then_with(|| natural_cmp(a_path, b_path))
}

/// Compares strings with runs of ASCII digits compared as numbers, so
/// `[Order=2]` comes before `[Order=10]`.
fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let db = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let (na, nb) = (&a[..da], &b[..db]);
                let strip = |n: &[u8]| {
                    let zeros = n.iter().take_while(|&&c| c == b'0').count();
                    n[zeros..].to_vec()
                };
                let (sa, sb) = (strip(na), strip(nb));
                let ord = sa
                    .len()
                    .cmp(&sb.len())
                    .then_with(|| sa.cmp(&sb))
                    .then(da.cmp(&db));
                if ord != Ordering::Equal {
                    return ord;
                }
                a = &a[da..];
                b = &b[db..];
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

/// A `<settings pass="…">` block: its components.
fn settings(el: ElementRef<'_>, out: &mut Vec<Setting>) {
    let pass_text = el.attribute_value("pass").unwrap_or_default();
    let pass = pass_text.parse::<Pass>().ok();
    let pass_name = pass.map_or_else(|| pass_text.to_string(), |p| p.as_str().to_string());
    // Unknown passes sort after the known ones, before other elements.
    let rank = pass.map_or(u8::MAX - 1, |p| p as u8);
    let pass_key = SortKey {
        rank,
        component: String::new(),
    };
    let skip = ["pass"];
    attributes_except(el, &pass_name, &pass_key, &skip, out);
    for (child, segment) in segments(el, None) {
        let path = format!("{pass_name}/{segment}");
        if child.is(UNATTEND_NS, "component") {
            let name = child.attribute_value("name").unwrap_or_default();
            let arch = child
                .attribute_value("processorArchitecture")
                .unwrap_or_default();
            let key = SortKey {
                rank,
                component: format!("{}\u{0}{arch}", name.to_ascii_lowercase()),
            };
            let info = catalog::component(&name);
            let before = out.len();
            // Microsoft's usual identity values are what every component
            // carries: only other values are worth a line.
            let mut skip = vec!["name", "processorArchitecture"];
            for (attr, usual) in [
                ("publicKeyToken", PUBLIC_KEY_TOKEN),
                ("language", LANGUAGE_NEUTRAL),
                ("versionScope", VERSION_SCOPE_NON_SXS),
            ] {
                if child.attribute_value(attr).as_deref() == Some(usual) {
                    skip.push(attr);
                }
            }
            attributes_except(child, &path, &key, &skip, out);
            children(child, &path, info.map(Parent::Component), &key, out);
            if out.len() == before {
                push_empty(child, &path, &key, out);
            }
        } else {
            element(child, &path, None, &pass_key, out);
        }
    }
}

/// Where catalog facts about an element's children come from.
#[derive(Clone, Copy)]
enum Parent {
    Component(&'static catalog::ComponentInfo),
    Setting(&'static SettingInfo),
}

impl Parent {
    fn child(self, name: &str) -> Option<&'static SettingInfo> {
        match self {
            Parent::Component(c) => c.child(name),
            Parent::Setting(s) => s.child(name),
        }
    }
}

/// An element below a component (or any element outside one): its
/// attributes, then its value or its children.
fn element(
    el: ElementRef<'_>,
    path: &str,
    info: Option<&'static SettingInfo>,
    key: &SortKey,
    out: &mut Vec<Setting>,
) {
    let key_attr = list_key(el, info).and_then(|k| match k {
        ListKey::Attribute(a) => Some(a),
        ListKey::Child(_) => None,
    });
    let skip: Vec<&str> = key_attr.iter().copied().collect();
    let before = out.len();
    attributes_except(el, path, key, &skip, out);
    if el.has_child_elements() {
        children(el, path, info.map(Parent::Setting), key, out);
        if out.len() == before {
            push_empty(el, path, key, out);
        }
    } else {
        let text = el.text().unwrap_or_default().replace("\r\n", "\n");
        out.push(Setting {
            path: path.to_string(),
            value: value_of(el, text),
            sort: key.clone(),
        });
    }
}

/// An element with nothing to show (no attribute, only its list key): it
/// is there, so say so with an empty value.
fn push_empty(el: ElementRef<'_>, path: &str, key: &SortKey, out: &mut Vec<Setting>) {
    out.push(Setting {
        path: path.to_string(),
        value: value_of(el, String::new()),
        sort: key.clone(),
    });
}

fn value_of(el: ElementRef<'_>, text: String) -> Value {
    if is_secret(el) {
        Value::Secret(Secret(text))
    } else {
        Value::Text(text)
    }
}

fn children(
    el: ElementRef<'_>,
    path: &str,
    parent: Option<Parent>,
    key: &SortKey,
    out: &mut Vec<Setting>,
) {
    // The key element of a list item is already in the item's path.
    let key_child = match list_key(el, parent_info(parent)) {
        Some(ListKey::Child(k)) => Some(k),
        _ => None,
    };
    for (child, segment) in segments(el, parent) {
        if key_child
            .is_some_and(|k| child.local_name() == k && child.namespace() == Some(UNATTEND_NS))
        {
            continue;
        }
        let info = parent.and_then(|p| p.child(child.local_name()));
        element(child, &format!("{path}/{segment}"), info, key, out);
    }
}

fn parent_info(parent: Option<Parent>) -> Option<&'static SettingInfo> {
    match parent {
        Some(Parent::Setting(s)) => Some(s),
        _ => None,
    }
}

/// What names one list item among its siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKey<'d> {
    /// A child element (`Order`), by local name.
    Child(&'d str),
    /// An attribute (`wcm:keyValue`), by local name.
    Attribute(&'d str),
}

/// Key elements tried for repeated elements the catalog does not describe.
const USUAL_KEYS: [&str; 5] = ["Order", "Key", "Name", "Identifier", "Id"];

/// The key that names `el` among its siblings, when it is a list item that
/// has one: `wcm:keyValue`, else the catalog's key element, else (for an
/// element repeated or written with `wcm:action`) a usual key element.
fn list_key<'d>(el: ElementRef<'d>, info: Option<&'static SettingInfo>) -> Option<ListKey<'d>> {
    if let Some(a) = el
        .attributes()
        .find(|a| a.local_name() == "keyValue" && a.namespace() == Some(WCM_NS))
    {
        return Some(ListKey::Attribute(a.local_name()));
    }
    let has_child = |name: &str| {
        el.child_elements()
            .find(|c| {
                c.local_name() == name
                    && c.namespace() == Some(UNATTEND_NS)
                    && !c.has_child_elements()
            })
            .map(|c| c.local_name())
    };
    if let Some(info) = info.filter(|i| i.kind == SettingKind::ListItem)
        && let Some(k) = info.key.filter(|k| !k.starts_with('@'))
    {
        return has_child(k).map(ListKey::Child);
    }
    let repeated = el.parent().is_some_and(|p| {
        p.child_elements()
            .filter(|s| s.local_name() == el.local_name())
            .nth(1)
            .is_some()
    });
    let has_action = el
        .attributes()
        .any(|a| a.local_name() == "action" && a.namespace() == Some(WCM_NS));
    if repeated || has_action {
        return USUAL_KEYS
            .iter()
            .find_map(|k| has_child(k))
            .map(ListKey::Child);
    }
    None
}

/// Each child element of `el` with its path segment: its name, a key
/// predicate for list items (`[Order=1]`, `[@wcm:keyValue=1]`), else a
/// position (`[2]`) among same-named siblings; components as
/// `Name[arch]`. Segments are unique among siblings (`[#2]` otherwise).
fn segments<'d>(el: ElementRef<'d>, parent: Option<Parent>) -> Vec<(ElementRef<'d>, String)> {
    let mut out = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut positions: HashMap<String, usize> = HashMap::new();
    let kids: Vec<ElementRef<'d>> = el.child_elements().collect();
    for child in &kids {
        let name = element_name(*child);
        let position = positions.entry(name.clone()).or_insert(0);
        *position += 1;
        let mut segment = if child.is(UNATTEND_NS, "component") && el.is(UNATTEND_NS, "settings") {
            let comp = child.attribute_value("name").unwrap_or_default();
            let comp =
                catalog::component(&comp).map_or_else(|| comp.to_string(), |c| c.name.to_string());
            match child.attribute_value("processorArchitecture") {
                Some(arch) => format!("{comp}[{arch}]"),
                None => comp,
            }
        } else {
            let info = parent.and_then(|p| p.child(child.local_name()));
            match list_key(*child, info) {
                Some(ListKey::Attribute(a)) => {
                    let v = child
                        .attributes()
                        .find(|x| x.local_name() == a && x.namespace() == Some(WCM_NS))
                        .map(|x| x.value().into_owned())
                        .unwrap_or_default();
                    format!("{name}[@wcm:{a}={v}]")
                }
                Some(ListKey::Child(k)) => {
                    let v = child
                        .child_elements()
                        .find(|c| c.local_name() == k)
                        .and_then(|c| c.text())
                        .unwrap_or_default();
                    format!("{name}[{k}={}]", v.trim())
                }
                None => {
                    let same = kids
                        .iter()
                        .filter(|s| element_name(**s) == name)
                        .nth(1)
                        .is_some();
                    if same {
                        format!("{name}[{position}]")
                    } else {
                        name
                    }
                }
            }
        };
        if !used.insert(segment.clone()) {
            let base = segment.clone();
            let mut n = 2;
            while !used.insert(format!("{base}[#{n}]")) {
                n += 1;
            }
            segment = format!("{base}[#{n}]");
        }
        out.push((*child, segment));
    }
    out
}

/// The element's name for a path: its local name in the answer-file
/// namespace, else its name as written (`cpi:offlineImage`).
fn element_name(el: ElementRef<'_>) -> String {
    if el.namespace() == Some(UNATTEND_NS) {
        el.local_name().to_string()
    } else {
        el.name().to_string()
    }
}

/// The element's attributes as `path/@name` settings, namespace
/// declarations and `skip` (local names) left out. Attributes in the WMI
/// namespace are named `wcm:…` whatever prefix the file binds.
fn attributes_except(
    el: ElementRef<'_>,
    path: &str,
    key: &SortKey,
    skip: &[&str],
    out: &mut Vec<Setting>,
) {
    for a in el.attributes() {
        if a.is_namespace_declaration() || skip.contains(&a.local_name()) {
            continue;
        }
        let name = match a.namespace() {
            None => a.local_name().to_string(),
            Some(WCM_NS) => format!("wcm:{}", a.local_name()),
            Some(_) => a.name().to_string(),
        };
        let sep = if path.is_empty() { "" } else { "/" };
        // Attributes are never secrets (`wcm:action`, identity attributes).
        out.push(Setting {
            path: format!("{path}{sep}@{name}"),
            value: Value::Text(a.value().into_owned()),
            sort: key.clone(),
        });
    }
}

/// The settings the two files set differently, in [`flatten`] order.
/// Empty when the files are equivalent.
pub fn diff(old: &Document, new: &Document) -> Result<Vec<Change>, NotAnAnswerFile> {
    Ok(diff_settings(flatten(old)?, flatten(new)?))
}

/// [`diff`] of two flattened files.
pub fn diff_settings(old: Vec<Setting>, new: Vec<Setting>) -> Vec<Change> {
    let mut new_by_path: HashMap<String, Setting> =
        new.into_iter().map(|s| (s.path.clone(), s)).collect();
    let mut keyed: Vec<(SortKey, Change)> = Vec::new();
    for s in old {
        match new_by_path.remove(&s.path) {
            Some(n) if n.value == s.value => {}
            Some(n) => keyed.push((
                n.sort,
                Change::Changed {
                    path: s.path,
                    old: s.value,
                    new: n.value,
                },
            )),
            None => keyed.push((
                s.sort,
                Change::Removed {
                    path: s.path,
                    value: s.value,
                },
            )),
        }
    }
    for (path, n) in new_by_path {
        keyed.push((
            n.sort,
            Change::Added {
                path,
                value: n.value,
            },
        ));
    }
    keyed.sort_by(|(ka, a), (kb, b)| compare(ka, a.path(), kb, b.path()));
    keyed.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::natural_cmp;
    use std::cmp::Ordering;

    #[test]
    fn numbers_compare_as_numbers() {
        assert_eq!(natural_cmp("a[Order=2]", "a[Order=10]"), Ordering::Less);
        assert_eq!(
            natural_cmp("a[Order=10]/b", "a[Order=9]/b"),
            Ordering::Greater
        );
        assert_eq!(natural_cmp("a1", "a1"), Ordering::Equal);
        assert_eq!(natural_cmp("a01", "a1"), Ordering::Greater);
        assert_eq!(natural_cmp("a", "a/b"), Ordering::Less);
    }
}
