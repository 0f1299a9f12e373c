//! Reading and writing settings by path, with minimal diffs.
//!
//! A path names a pass, a component and the elements below it:
//! `specialize/Microsoft-Windows-Shell-Setup/ComputerName`, or with a list
//! item picked by its key,
//! `specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=2]/Path`
//! (`[@wcm:keyValue=1]` picks by attribute). [`set`] creates whatever is
//! missing (pass, component, containers, list items with `wcm:action="add"`
//! and their key) and changes nothing else: every other byte of the file
//! stays as it was.
//!
//! ```
//! use unattend::document::Document;
//! use unattend::edit::{SettingPath, get, set};
//!
//! let mut doc = Document::parse_str("<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n</unattend>\n")?;
//! let path: SettingPath = "specialize/Microsoft-Windows-Shell-Setup/ComputerName".parse()?;
//! set(&mut doc, &path, "WS-042", None)?;
//! assert_eq!(get(&doc, &path, None)?.as_deref(), Some("WS-042"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::catalog::{self, SettingInfo, SettingKind};
use crate::document::{
    Document, EditError, ElementRef, InsertPosition, NodeId, UNATTEND_NS, WCM_NS, escape_attribute,
    escape_text,
};
use crate::model::{Arch, LANGUAGE_NEUTRAL, PUBLIC_KEY_TOKEN, Pass, VERSION_SCOPE_NON_SXS};

/// How a path step picks among repeated elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Predicate {
    /// `[Order=2]`: the child element `Order` has this text.
    Child {
        /// The child element's name.
        name: String,
        /// Its text.
        value: String,
    },
    /// `[@wcm:keyValue=1]` or `[@keyValue=1]`: the attribute has this value.
    Attribute {
        /// The attribute's local name.
        name: String,
        /// Its value.
        value: String,
    },
}

/// One element of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Element name.
    pub name: String,
    /// Optional key selector.
    pub predicate: Option<Predicate>,
}

/// `PASS/COMPONENT/SETTING[/…]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingPath {
    /// The configuration pass.
    pub pass: Pass,
    /// The component name (compared ignoring case, as Windows does).
    pub component: String,
    /// Elements below the component (at least one).
    pub steps: Vec<Step>,
}

/// Why a path could not be read, found or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// The path text is malformed.
    #[error("invalid path {path:?}{}: {reason}", at_column(*.column))]
    Syntax {
        /// The path as given.
        path: String,
        /// What is wrong.
        reason: String,
        /// Where in the path (1-based, in characters), when one place is
        /// to blame.
        column: Option<usize>,
    },
    /// The file is not an answer file (root is not `<unattend>`).
    #[error("the document's root is not <unattend> in the answer-file namespace")]
    NotAnAnswerFile,
    /// The component appears for several architectures and none was chosen.
    #[error("{component} appears for several architectures ({found}); choose one architecture")]
    AmbiguousArch {
        /// The component.
        component: String,
        /// The architectures present.
        found: String,
    },
    /// The element to set holds other elements.
    #[error("{0} holds other elements, not a value")]
    NotAValue(String),
    /// The edit was refused by the document layer.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The component is not in the catalog, and the file does not have it.
    #[error("{}", unknown_component(component, suggestion.as_deref(), reason.as_deref()))]
    UnknownComponent {
        /// The name as given.
        component: String,
        /// The closest catalog name, for "did you mean".
        suggestion: Option<String>,
        /// Why the project rejects this name, when it is a known mistake.
        reason: Option<String>,
    },
    /// A step names no setting of the catalog, and the file does not have
    /// that element.
    #[error("{}", unknown_setting(component, setting, suggestion.as_deref(), reason.as_deref()))]
    UnknownSetting {
        /// The component (catalog spelling).
        component: String,
        /// The path below the component up to the unknown name
        /// (`OOBE/HideEULAPage`).
        setting: String,
        /// The closest catalog name at that place, for "did you mean".
        suggestion: Option<String>,
        /// Why the project rejects this name, when it is a known mistake.
        reason: Option<String>,
    },
}

fn unknown_component(name: &str, suggestion: Option<&str>, reason: Option<&str>) -> String {
    match (suggestion, reason) {
        (_, Some(r)) => format!("{name} is not a Windows component: {r}"),
        (Some(s), None) => format!("unknown component {name}; did you mean {s}?"),
        (None, None) => format!(
            "unknown component {name}: the catalog does not know it (`unattend catalog` lists the components)"
        ),
    }
}

fn unknown_setting(
    component: &str,
    setting: &str,
    suggestion: Option<&str>,
    reason: Option<&str>,
) -> String {
    match (suggestion, reason) {
        (_, Some(r)) => format!("{setting} is not a setting of {component}: {r}"),
        (Some(s), None) => format!("unknown setting {setting} in {component}; did you mean {s}?"),
        (None, None) => format!(
            "unknown setting {setting} in {component}: the catalog does not know it (`unattend catalog {component}` lists its settings)"
        ),
    }
}

fn at_column(column: Option<usize>) -> String {
    column
        .map(|c| format!(" at column {c}"))
        .unwrap_or_default()
}

/// A syntax error about the whole path.
fn syntax(path: &str, reason: impl Into<String>) -> PathError {
    PathError::Syntax {
        path: path.to_string(),
        reason: reason.into(),
        column: None,
    }
}

/// A syntax error at byte `offset` of `path`.
fn syntax_at(path: &str, offset: usize, reason: impl Into<String>) -> PathError {
    let before = path.get(..offset).unwrap_or(path);
    PathError::Syntax {
        path: path.to_string(),
        reason: reason.into(),
        column: Some(before.chars().count() + 1),
    }
}

/// Splits on `/` outside brackets; each segment comes with its byte offset
/// in `s`.
fn segments(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '/' if depth == 0 => {
                out.push((start, &s[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push((start, &s[start..]));
    out
}

/// Why `name` is not an XML name without a prefix (an NCName): the byte
/// offset of the first character to blame and what is wrong with it.
fn name_problem(name: &str) -> Option<(usize, String)> {
    if crate::document::is_qname(name) && !name.contains(':') {
        return None;
    }
    let Some(first) = name.chars().next() else {
        return Some((0, "the name is missing".to_string()));
    };
    // One character at a time: alone it must start a name, after a letter
    // it must continue one.
    if first == ':' || !crate::document::is_qname(first.encode_utf8(&mut [0; 4])) {
        return Some((0, format!("{first:?} cannot start an XML name")));
    }
    name.char_indices().skip(1).find_map(|(i, c)| {
        let mut probe = String::from("a");
        probe.push(c);
        (c == ':' || !crate::document::is_qname(&probe))
            .then(|| (i, format!("{c:?} cannot appear in an XML name")))
    })
}

/// Checks that `name` (at byte `offset` of `path`) names an element.
fn check_element_name(path: &str, offset: usize, name: &str) -> Result<(), PathError> {
    match name_problem(name) {
        None => Ok(()),
        Some((at, why)) => Err(syntax_at(
            path,
            offset + at,
            format!("{name:?} is not an element name: {why}"),
        )),
    }
}

/// Checks that `name` (at byte `offset` of `path`) names an attribute:
/// an XML name with at most one prefix (`wcm:keyValue`, `keyValue`).
fn check_attribute_name(path: &str, offset: usize, name: &str) -> Result<(), PathError> {
    let (prefix, local, local_at) = match name.split_once(':') {
        Some((p, l)) => (Some(p), l, p.len() + 1),
        None => (None, name, 0),
    };
    let problem = prefix
        .and_then(name_problem)
        .or_else(|| name_problem(local).map(|(at, why)| (local_at + at, why)));
    match problem {
        None => Ok(()),
        Some((at, why)) => Err(syntax_at(
            path,
            offset + at,
            format!("{name:?} is not an attribute name: {why}"),
        )),
    }
}

impl FromStr for SettingPath {
    type Err = PathError;

    fn from_str(s: &str) -> Result<SettingPath, PathError> {
        let body = s.trim().trim_matches('/');
        // Offsets below are in `s`, the path as given.
        let base = s.len() - s.trim_start().trim_start_matches('/').len();
        let parts: Vec<(usize, &str)> = segments(body)
            .into_iter()
            .map(|(at, seg)| (base + at, seg))
            .collect();
        if parts.len() < 3 {
            return Err(syntax(s, "expected PASS/COMPONENT/SETTING[/…]"));
        }
        let (pass_at, pass_text) = parts[0];
        let pass = pass_text.parse::<Pass>().map_err(|_| {
            let hint = Pass::from_str_ignore_case(pass_text)
                .map(|p| format!("; did you mean {p}?"))
                .unwrap_or_default();
            syntax_at(s, pass_at, format!("unknown pass {pass_text:?}{hint}"))
        })?;
        let (component_at, component) = parts[1];
        if component.is_empty() || component.contains(['[', ']']) {
            let at = component.find(['[', ']']).unwrap_or(0);
            return Err(syntax_at(
                s,
                component_at + at,
                "missing or malformed component name",
            ));
        }
        let steps = parts[2..]
            .iter()
            .map(|&(at, seg)| parse_step(s, at, seg))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(SettingPath {
            pass,
            component: component.to_string(),
            steps,
        })
    }
}

/// One step, `seg`, found at byte `at` of `path`: `Name`, `Name[Key=value]`
/// or `Name[@attribute=value]`.
fn parse_step(path: &str, at: usize, seg: &str) -> Result<Step, PathError> {
    let (name, predicate) = match seg.split_once('[') {
        None => (seg, None),
        Some((name, rest)) => {
            let open = at + name.len();
            let body_at = open + 1;
            let Some(close) = rest.find(']') else {
                return Err(syntax_at(path, open, format!("unclosed [ in {seg:?}")));
            };
            // The last `]` closes the selector (values may hold brackets).
            let close = rest.rfind(']').unwrap_or(close);
            if close + 1 < rest.len() {
                return Err(syntax_at(
                    path,
                    body_at + close + 1,
                    format!("unexpected text after ] in {seg:?}"),
                ));
            }
            let body = &rest[..close];
            let (key, value) = body.split_once('=').ok_or_else(|| {
                syntax_at(
                    path,
                    open,
                    format!("expected [Name=value] or [@attribute=value] in {seg:?}"),
                )
            })?;
            let value = value.trim().trim_matches(['"', '\'']).to_string();
            let key_at = body_at + (key.len() - key.trim_start().len());
            let key = key.trim();
            let predicate = match key.strip_prefix('@') {
                Some(attr) => {
                    check_attribute_name(path, key_at + 1, attr)?;
                    Predicate::Attribute {
                        name: attr.rsplit(':').next().unwrap_or(attr).to_string(),
                        value,
                    }
                }
                None => {
                    check_element_name(path, key_at, key)?;
                    Predicate::Child {
                        name: key.to_string(),
                        value,
                    }
                }
            };
            (name, Some(predicate))
        }
    };
    check_element_name(path, at, name)?;
    Ok(Step {
        name: name.to_string(),
        predicate,
    })
}

impl fmt::Display for SettingPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.pass, self.component)?;
        for s in &self.steps {
            write!(f, "/{}", s.name)?;
            match &s.predicate {
                Some(Predicate::Child { name, value }) => write!(f, "[{name}={value}]")?,
                Some(Predicate::Attribute { name, value }) => write!(f, "[@{name}={value}]")?,
                None => {}
            }
        }
        Ok(())
    }
}

fn answer_root(doc: &Document) -> Result<ElementRef<'_>, PathError> {
    let root = doc.root();
    if root.is(UNATTEND_NS, "unattend") {
        Ok(root)
    } else {
        Err(PathError::NotAnAnswerFile)
    }
}

fn pass_of(el: ElementRef<'_>) -> Option<Pass> {
    el.attribute_value("pass").and_then(|p| p.parse().ok())
}

/// The component element the path names, if present.
fn find_component<'d>(
    doc: &'d Document,
    path: &SettingPath,
    arch: Option<Arch>,
) -> Result<Option<ElementRef<'d>>, PathError> {
    let root = answer_root(doc)?;
    let mut found: Vec<ElementRef<'d>> = Vec::new();
    for settings in root
        .child_elements()
        .filter(|e| e.is(UNATTEND_NS, "settings") && pass_of(*e) == Some(path.pass))
    {
        for c in settings
            .child_elements()
            .filter(|e| e.is(UNATTEND_NS, "component"))
        {
            let name_ok = c
                .attribute_value("name")
                .is_some_and(|n| n.eq_ignore_ascii_case(&path.component));
            let arch_ok = arch.is_none_or(|a| {
                c.attribute_value("processorArchitecture").as_deref() == Some(a.as_str())
            });
            if name_ok && arch_ok {
                found.push(c);
            }
        }
    }
    let mut arches: Vec<String> = found
        .iter()
        .filter_map(|c| {
            c.attribute_value("processorArchitecture")
                .map(|a| a.into_owned())
        })
        .collect();
    arches.sort();
    arches.dedup();
    if arch.is_none() && arches.len() > 1 {
        return Err(PathError::AmbiguousArch {
            component: path.component.clone(),
            found: arches.join(", "),
        });
    }
    Ok(found.first().copied())
}

/// Whether `el` is what `step` names. Names (the step's and its key's) are
/// compared exactly, or with `exact == false` ignoring ASCII case, the way
/// `set` names what it creates (`[order=1]` creates the catalog's `Order`).
fn matches(el: ElementRef<'_>, step: &Step, exact: bool) -> bool {
    let same = |a: &str, b: &str| {
        if exact {
            a == b
        } else {
            a.eq_ignore_ascii_case(b)
        }
    };
    if !same(el.local_name(), &step.name) || el.namespace() != Some(UNATTEND_NS) {
        return false;
    }
    match &step.predicate {
        None => true,
        Some(Predicate::Child { name, value }) => el
            .child_elements()
            .any(|c| same(c.local_name(), name) && c.text().is_some_and(|t| t.trim() == value)),
        Some(Predicate::Attribute { name, value }) => el
            .attributes()
            .any(|a| same(a.local_name(), name) && a.value() == value.as_str()),
    }
}

fn find_child<'d>(parent: ElementRef<'d>, step: &Step) -> Option<ElementRef<'d>> {
    parent
        .child_elements()
        .find(|c| matches(*c, step, true))
        .or_else(|| parent.child_elements().find(|c| matches(*c, step, false)))
}

/// The value at `path` (`None` when an element on the way is missing).
pub fn get(
    doc: &Document,
    path: &SettingPath,
    arch: Option<Arch>,
) -> Result<Option<String>, PathError> {
    let Some(mut el) = find_component(doc, path, arch)? else {
        return Ok(None);
    };
    for step in &path.steps {
        match find_child(el, step) {
            Some(c) => el = c,
            None => return Ok(None),
        }
    }
    match el.text() {
        Some(t) => Ok(Some(t.into_owned())),
        None => Err(PathError::NotAValue(path.to_string())),
    }
}

/// What [`set`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetOutcome {
    /// Elements created on the way (pass, component, containers, items).
    pub created: usize,
    /// Whether the value changed.
    pub changed: bool,
}

/// A prefix bound to the WMI configuration namespace on the root, added
/// when missing (new list items need `wcm:action`).
fn wcm_prefix(doc: &mut Document) -> Result<String, PathError> {
    let root = doc.root();
    if let Some(a) = root
        .attributes()
        .find(|a| a.is_namespace_declaration() && a.value() == WCM_NS && a.prefix().is_some())
    {
        return Ok(a.local_name().to_string());
    }
    let id = root.id();
    doc.set_attribute(id, "xmlns:wcm", WCM_NS)?;
    Ok("wcm".to_string())
}

/// Sets the value at `path`, creating what is missing. Bytes outside the
/// changed and inserted text are untouched. On error the document is left
/// exactly as it was (nothing created on the way is kept).
pub fn set(
    doc: &mut Document,
    path: &SettingPath,
    value: &str,
    arch: Option<Arch>,
) -> Result<SetOutcome, PathError> {
    // A tree read past faults is not what the file says: refuse up front,
    // even when the value is already there and nothing would be written.
    if doc.is_recovered() {
        return Err(EditError::Recovered.into());
    }
    // The steps are separate edits: work on a copy so that a late failure
    // (a value the file's encoding cannot hold, a target that holds
    // elements) does not leave the pass, component or containers behind.
    let mut work = doc.clone();
    let outcome = set_steps(&mut work, path, value, arch)?;
    *doc = work;
    Ok(outcome)
}

fn set_steps(
    doc: &mut Document,
    path: &SettingPath,
    value: &str,
    arch: Option<Arch>,
) -> Result<SetOutcome, PathError> {
    let mut created = 0;
    // Pass and component.
    let component_id = match find_component(doc, path, arch)? {
        Some(c) => c.id(),
        None => {
            let existing = answer_root(doc)?
                .child_elements()
                .find(|e| e.is(UNATTEND_NS, "settings") && pass_of(*e) == Some(path.pass))
                .map(|s| s.id());
            let settings_id = match existing {
                Some(id) => id,
                None => {
                    created += 1;
                    insert_settings(doc, path.pass)?
                }
            };
            let arch = arch.or_else(|| first_arch(doc)).unwrap_or(Arch::Amd64);
            let name =
                catalog::component(&path.component).map_or(path.component.as_str(), |c| c.name);
            let markup = format!(
                "<component name=\"{}\" processorArchitecture=\"{arch}\" publicKeyToken=\"{PUBLIC_KEY_TOKEN}\" language=\"{LANGUAGE_NEUTRAL}\" versionScope=\"{VERSION_SCOPE_NON_SXS}\"></component>",
                escape_attribute(name, '"')
            );
            created += 1;
            doc.insert_element(settings_id, InsertPosition::LastChild, &markup)?
        }
    };
    // Elements below the component.
    let mut info: Option<&'static SettingInfo> = None;
    let component_info = catalog::component(&path.component);
    let mut current: NodeId = component_id;
    for (i, step) in path.steps.iter().enumerate() {
        info = match (i, info) {
            (0, _) => component_info.and_then(|c| c.child(&step.name)),
            (_, Some(p)) => p.child(&step.name),
            _ => None,
        };
        let parent = doc
            .element(current)
            .ok_or(EditError::NotAnElement(current.index() as u32))?;
        if let Some(found) = find_child(parent, step) {
            current = found.id();
            continue;
        }
        let name = info.map_or(step.name.as_str(), |s| s.element_name);
        let mut attrs = String::new();
        let list_item = info.is_some_and(|s| s.kind == SettingKind::ListItem);
        let needs_wcm = list_item || matches!(step.predicate, Some(Predicate::Attribute { .. }));
        if needs_wcm {
            let prefix = wcm_prefix(doc)?;
            if list_item {
                attrs.push_str(&format!(" {prefix}:action=\"add\""));
            }
            if let Some(Predicate::Attribute { name, value }) = &step.predicate {
                attrs.push_str(&format!(
                    " {prefix}:{name}=\"{}\"",
                    escape_attribute(value, '"')
                ));
            }
        }
        created += 1;
        current = doc.insert_element(
            current,
            InsertPosition::LastChild,
            &format!("<{name}{attrs}></{name}>"),
        )?;
        // The key goes in as its own element so it takes the file's indentation.
        if let Some(Predicate::Child { name: key, value }) = &step.predicate {
            let key_name = info
                .and_then(|s| s.child(key))
                .map_or(key.as_str(), |k| k.element_name);
            let start = doc.element(current).map(|e| e.span().start);
            doc.insert_element(
                current,
                InsertPosition::LastChild,
                &format!("<{key_name}>{}</{key_name}>", escape_text(value)),
            )?;
            // The insertion added nodes, so the item's handle is stale; the
            // item still starts where it did (the text before it is unchanged).
            current = doc
                .elements()
                .find(|e| Some(e.span().start) == start)
                .map(|e| e.id())
                .ok_or(EditError::StaleNode)?;
        }
    }
    let target = doc
        .element(current)
        .ok_or(EditError::NotAnElement(current.index() as u32))?;
    if target.has_child_elements() {
        return Err(PathError::NotAValue(path.to_string()));
    }
    let changed = target.text().is_none_or(|t| t != value);
    if changed {
        doc.set_text(current, value)?;
    }
    Ok(SetOutcome { created, changed })
}

fn first_arch(doc: &Document) -> Option<Arch> {
    doc.elements()
        .filter(|e| e.is(UNATTEND_NS, "component"))
        .find_map(|c| {
            c.attribute_value("processorArchitecture")
                .and_then(|a| a.parse().ok())
        })
}

/// Inserts `<settings pass="…">` keeping passes in processing order.
fn insert_settings(doc: &mut Document, pass: Pass) -> Result<NodeId, PathError> {
    let root = answer_root(doc)?;
    let settings: Vec<(Option<Pass>, NodeId)> = root
        .child_elements()
        .filter(|e| e.is(UNATTEND_NS, "settings"))
        .map(|e| (pass_of(e), e.id()))
        .collect();
    let position = match settings.iter().find(|(p, _)| p.is_some_and(|p| p > pass)) {
        Some((_, later)) => InsertPosition::Before(*later),
        None => match settings.last() {
            Some((_, last)) => InsertPosition::After(*last),
            None => InsertPosition::LastChild,
        },
    };
    let root_id = root.id();
    Ok(doc.insert_element(
        root_id,
        position,
        &format!("<settings pass=\"{pass}\"></settings>"),
    )?)
}

// ------------------------------------------------------------ checked edits

/// Checks `path` against the catalog before anything is written: the
/// component and every step must be catalog names, unless the file already
/// has that component or element (a setting the catalog lacks may still be
/// edited where the file has it). Steps below an element the catalog does
/// not know, and components whose settings the catalog does not document,
/// are not checked. Unknown names come with the closest catalog name.
pub fn check_path(doc: &Document, path: &SettingPath, arch: Option<Arch>) -> Result<(), PathError> {
    let existing = find_component(doc, path, arch)?;
    let Some(component) = catalog::component(&path.component) else {
        if existing.is_some() {
            return Ok(());
        }
        return Err(PathError::UnknownComponent {
            component: path.component.clone(),
            suggestion: catalog::similar_component(&path.component).map(|c| c.name.to_string()),
            reason: catalog::rejection(&path.component, None).map(|r| r.reason.to_string()),
        });
    };
    if !component.settings_documented {
        return Ok(());
    }
    let mut el = existing;
    let mut info: Option<&'static SettingInfo> = None;
    let mut below: Vec<&str> = Vec::new();
    for (i, step) in path.steps.iter().enumerate() {
        el = el.and_then(|e| find_child(e, step));
        let known = if i == 0 {
            component.child(&step.name)
        } else {
            info.and_then(|p| p.child(&step.name))
        };
        match known {
            Some(k) => {
                below.push(k.element_name);
                info = Some(k);
            }
            // The file has it: the catalog's silence is no reason to refuse.
            None if el.is_some() => return Ok(()),
            None => {
                let similar = if i == 0 {
                    component.similar_child(&step.name)
                } else {
                    info.and_then(|p| p.similar_child(&step.name))
                };
                let at = below.join("/");
                let setting = if at.is_empty() {
                    step.name.clone()
                } else {
                    format!("{at}/{}", step.name)
                };
                let suggestion = similar.map(|k| {
                    if at.is_empty() {
                        k.element_name.to_string()
                    } else {
                        format!("{at}/{}", k.element_name)
                    }
                });
                return Err(PathError::UnknownSetting {
                    component: component.name.to_string(),
                    reason: catalog::rejection(component.name, Some(&setting))
                        .map(|r| r.reason.to_string()),
                    setting,
                    suggestion,
                });
            }
        }
    }
    Ok(())
}

/// One `PATH=VALUE` for [`set_checked`].
#[cfg(feature = "lint")]
#[cfg_attr(docsrs, doc(cfg(feature = "lint")))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Where.
    pub path: SettingPath,
    /// The value as the user means it (a password in clear: it is hidden
    /// when its `PlainText` is `false`).
    pub value: String,
}

/// How [`set_checked`] checks what it writes.
#[cfg(feature = "lint")]
#[cfg_attr(docsrs, doc(cfg(feature = "lint")))]
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions<'a> {
    /// The component's architecture (see [`set`]).
    pub arch: Option<Arch>,
    /// The linter configuration in force for the file.
    pub config: &'a crate::lint::ResolvedConfig,
    /// Write even what the catalog or the linter refuses (the findings are
    /// still returned).
    pub force: bool,
}

/// What [`set_checked`] did for one assignment.
#[cfg(feature = "lint")]
#[cfg_attr(docsrs, doc(cfg(feature = "lint")))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    /// Elements created and whether the value changed.
    pub outcome: SetOutcome,
    /// True when the value was stored hidden (a password whose `PlainText`
    /// is `false`).
    pub hidden: bool,
}

/// Why [`set_checked`] wrote nothing.
#[cfg(feature = "lint")]
#[cfg_attr(docsrs, doc(cfg(feature = "lint")))]
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SetError {
    /// A path names nothing the catalog or the file knows, or cannot be
    /// written (see [`PathError`]).
    #[error(transparent)]
    Path(#[from] PathError),
    /// A password to hide is empty.
    #[error("{path}: the password is empty; Windows SIM does not hide an empty password")]
    EmptyPassword {
        /// The password's `Value` path.
        path: String,
    },
    /// The linter finds errors in what would be written: the findings, with
    /// places in the edited text.
    #[error("the linter refuses the edit ({} error{})", findings.len(), if findings.len() == 1 { "" } else { "s" })]
    Refused {
        /// The errors that touch the edited elements.
        findings: Vec<crate::lint::Diagnostic>,
    },
}

/// The checked edit's result: per assignment, what was done; and the
/// linter's findings that touch the edited elements (warnings, and errors
/// when forced), with places in the edited text.
#[cfg(feature = "lint")]
#[cfg_attr(docsrs, doc(cfg(feature = "lint")))]
#[derive(Debug, Clone)]
pub struct CheckedEdit {
    /// One per assignment, in order.
    pub applied: Vec<Applied>,
    /// Findings on the edited elements.
    pub findings: Vec<crate::lint::Diagnostic>,
}

/// Sets every assignment as [`set`] does, but only when the result is
/// something the linter accepts: each path is checked against the catalog
/// first ([`check_path`]); a password `Value` whose `PlainText` is `false`
/// is stored hidden (base64 of UTF-16LE(password + element name), as
/// Windows SIM does), unless the value already decodes so; then the edited
/// document is linted with `options.config`, and any error on an edited or
/// created element refuses the whole edit. Errors the file already had
/// about elements the catalog does not know (unknown component or setting)
/// do not count against it; everything else on an edited element does,
/// since the edit writes it. `options.force` writes anyway. On error
/// `doc` is left exactly as it was.
///
/// ```
/// use unattend::document::Document;
/// use unattend::edit::{Assignment, CheckOptions, SetError, set_checked};
/// use unattend::lint::ResolvedConfig;
///
/// let mut doc = Document::parse_str("<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n</unattend>\n")?;
/// let config = ResolvedConfig::default();
/// let options = CheckOptions { arch: None, config: &config, force: false };
/// let long = Assignment {
///     path: "specialize/Microsoft-Windows-Shell-Setup/ComputerName".parse()?,
///     value: "A-NAME-FAR-TOO-LONG-FOR-NETBIOS".into(),
/// };
/// let err = set_checked(&mut doc, &[long], &options).unwrap_err();
/// assert!(matches!(err, SetError::Refused { ref findings } if findings[0].code == "UA401"));
/// assert!(!doc.text().contains("ComputerName"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "lint")]
#[cfg_attr(docsrs, doc(cfg(feature = "lint")))]
pub fn set_checked(
    doc: &mut Document,
    assignments: &[Assignment],
    options: &CheckOptions<'_>,
) -> Result<CheckedEdit, SetError> {
    let mut work = doc.clone();
    // Where each edit starts: the first level of its path the file lacks.
    let mut created_from = Vec::with_capacity(assignments.len());
    let mut applied = Vec::with_capacity(assignments.len());
    for a in assignments {
        if !options.force {
            check_path(&work, &a.path, options.arch)?;
        }
        created_from.push(first_missing_level(&work, &a.path, options.arch)?);
        let outcome = set(&mut work, &a.path, &a.value, options.arch)?;
        applied.push(Applied {
            outcome,
            hidden: false,
        });
    }
    // Passwords are hidden once every assignment is in, so that the order
    // of `Value` and `PlainText` in one edit does not matter.
    for (a, done) in assignments.iter().zip(applied.iter_mut()) {
        if let Some(element) = hidden_password_element(&work, &a.path, options.arch) {
            let already = crate::password::reveal(&a.value, Some(element)).is_ok();
            if !already {
                let hidden = crate::password::hide(&a.value, element).map_err(|_| {
                    SetError::EmptyPassword {
                        path: a.path.to_string(),
                    }
                })?;
                set(&mut work, &a.path, &hidden, options.arch)?;
            }
            done.hidden = true;
            done.outcome.changed |= get(doc, &a.path, options.arch).ok().flatten().as_deref()
                != get(&work, &a.path, options.arch).ok().flatten().as_deref();
        }
    }
    let regions = assignments
        .iter()
        .zip(&created_from)
        .filter_map(|(a, from)| edit_region(&work, &a.path, options.arch, *from))
        .collect::<Vec<crate::document::Span>>();
    let before = crate::lint::lint_document(doc, options.config);
    let after = crate::lint::lint_document(&work, options.config);
    let inside =
        |s: crate::document::Span| regions.iter().any(|r| r.start <= s.start && s.end <= r.end);
    let excusable = |d: &crate::lint::Diagnostic| {
        [
            crate::lint::rules::ua108_unknown_component::META.code,
            crate::lint::rules::ua202_unknown_setting::META.code,
        ]
        .contains(&d.code.as_str())
            && before
                .iter()
                .any(|b| b.code == d.code && b.path == d.path && b.message == d.message)
    };
    let findings: Vec<crate::lint::Diagnostic> = after
        .into_iter()
        .filter(|d| inside(d.span) || d.labels.iter().any(|l| inside(l.span)))
        .filter(|d| !excusable(d))
        .collect();
    let errors: Vec<crate::lint::Diagnostic> = findings
        .iter()
        .filter(|d| d.severity == crate::lint::Severity::Error)
        .cloned()
        .collect();
    if !errors.is_empty() && !options.force {
        return Err(SetError::Refused { findings: errors });
    }
    *doc = work;
    Ok(CheckedEdit { applied, findings })
}

/// How deep `path` already exists in `doc`: 0 when even the pass is
/// missing, 1 the component, 2 + i step i; `None` when all of it exists.
#[cfg(feature = "lint")]
fn first_missing_level(
    doc: &Document,
    path: &SettingPath,
    arch: Option<Arch>,
) -> Result<Option<usize>, PathError> {
    let has_pass = answer_root(doc)?
        .child_elements()
        .any(|e| e.is(UNATTEND_NS, "settings") && pass_of(e) == Some(path.pass));
    if !has_pass {
        return Ok(Some(0));
    }
    let Some(mut el) = find_component(doc, path, arch)? else {
        return Ok(Some(1));
    };
    for (i, step) in path.steps.iter().enumerate() {
        match find_child(el, step) {
            Some(c) => el = c,
            None => return Ok(Some(2 + i)),
        }
    }
    Ok(None)
}

/// The element `path` names in `doc`, if present.
#[cfg(feature = "lint")]
fn find_target<'d>(
    doc: &'d Document,
    path: &SettingPath,
    arch: Option<Arch>,
) -> Option<ElementRef<'d>> {
    let mut el = find_component(doc, path, arch).ok().flatten()?;
    for step in &path.steps {
        el = find_child(el, step)?;
    }
    Some(el)
}

/// The text an edit wrote: the first element it created (with everything
/// inside), or the target itself; for a password's `Value` or `PlainText`,
/// the whole password element (the hidden-password rules report at
/// `PlainText`).
#[cfg(feature = "lint")]
fn edit_region(
    doc: &Document,
    path: &SettingPath,
    arch: Option<Arch>,
    created_from: Option<usize>,
) -> Option<crate::document::Span> {
    let target = find_target(doc, path, arch)?;
    // Levels above the target: the steps before it, the component, the pass.
    let depth = path.steps.len() + 1;
    let mut el = target;
    let up = match created_from {
        Some(level) => depth.saturating_sub(level),
        None => 0,
    };
    for _ in 0..up {
        el = el.parent()?;
    }
    if el.id() == target.id()
        && matches!(target.local_name(), "Value" | "PlainText")
        && let Some(parent) = target.parent()
        && crate::password::HIDEABLE_ELEMENTS.contains(&parent.local_name())
    {
        el = parent;
    }
    Some(el.span())
}

/// For a path ending in a hideable password's `Value` whose `PlainText`
/// sibling says `false`: the password element's name (the suffix to hide
/// with).
#[cfg(feature = "lint")]
fn hidden_password_element(
    doc: &Document,
    path: &SettingPath,
    arch: Option<Arch>,
) -> Option<&'static str> {
    let value = find_target(doc, path, arch)?;
    if value.local_name() != "Value" {
        return None;
    }
    let parent = value.parent()?;
    let element = crate::password::HIDEABLE_ELEMENTS
        .iter()
        .copied()
        .find(|e| *e == parent.local_name())?;
    let plain = parent
        .child_elements()
        .find(|c| c.local_name() == "PlainText")?
        .text()?;
    plain
        .trim()
        .eq_ignore_ascii_case("false")
        .then_some(element)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> SettingPath {
        s.parse().unwrap()
    }

    #[test]
    fn paths_parse_and_print() {
        let path = p(
            "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=2]/Path",
        );
        assert_eq!(path.pass, Pass::Specialize);
        assert_eq!(path.steps.len(), 3);
        assert_eq!(
            path.steps[1].predicate,
            Some(Predicate::Child {
                name: "Order".into(),
                value: "2".into()
            })
        );
        assert_eq!(
            path.to_string(),
            "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=2]/Path"
        );
        let attr = p(
            "specialize/Microsoft-Windows-DNS-Client/DNSSuffixSearchOrder/DomainName[@wcm:keyValue=1]",
        );
        assert_eq!(
            attr.steps[1].predicate,
            Some(Predicate::Attribute {
                name: "keyValue".into(),
                value: "1".into()
            })
        );
        for bad in [
            "specialize/X",
            "Specialize/X/Y",
            "specialize/X/Y[Order=1",
            "specialize/X/a b",
            "specialize/X/Y[Order]",
        ] {
            assert!(bad.parse::<SettingPath>().is_err(), "{bad}");
        }
        let e = "OOBESystem/X/Y".parse::<SettingPath>().unwrap_err();
        assert!(e.to_string().contains("did you mean oobeSystem"), "{e}");
    }

    /// The column a syntax error points at (1-based, in characters).
    fn column(path: &str) -> (Option<usize>, String) {
        match path.parse::<SettingPath>() {
            Err(e @ PathError::Syntax { column, .. }) => (column, e.to_string()),
            other => panic!("{path}: {other:?}"),
        }
    }

    #[test]
    fn invalid_names_are_refused_at_their_column() {
        // An attribute name with a space: the space is to blame.
        let path = "specialize/X/Item[@bad name=1]/Leaf";
        let (col, msg) = column(path);
        assert_eq!(col, Some(23), "{msg}");
        assert_eq!(path.chars().nth(22), Some(' '));
        assert_eq!(
            msg,
            "invalid path \"specialize/X/Item[@bad name=1]/Leaf\" at column 23: \"bad name\" is not an attribute name: ' ' cannot appear in an XML name"
        );
        for (path, expected, what) in [
            // Attribute names: one prefix at most, each part an XML name.
            ("specialize/X/Item[@1key=1]", 20, "'1' cannot start"),
            ("specialize/X/Item[@=1]", 20, "the name is missing"),
            ("specialize/X/Item[@wcm:=1]", 24, "the name is missing"),
            ("specialize/X/Item[@:key=1]", 20, "the name is missing"),
            ("specialize/X/Item[@a:b:c=1]", 23, "':' cannot appear"),
            ("specialize/X/Item[@key<x=1]", 23, "'<' cannot appear"),
            ("specialize/X/Item[@key\"=1]", 23, "'\"' cannot appear"),
            // Child keys are element names: no prefix.
            (
                "specialize/X/Item[Or der=1]",
                21,
                "\"Or der\" is not an element name",
            ),
            ("specialize/X/Item[wcm:Order=1]", 22, "':' cannot appear"),
            ("specialize/X/Item[ -Order=1]", 20, "'-' cannot start"),
            ("specialize/X/Item[=1]", 19, "the name is missing"),
            // Step names.
            ("specialize/X/a b", 15, "\"a b\" is not an element name"),
            ("specialize/X/Y//Z", 16, "the name is missing"),
            ("specialize/X/Y/9Z", 16, "'9' cannot start"),
            ("specialize/X/wcm:Y", 17, "':' cannot appear"),
            ("specialize/X/Y\u{e9}/Z&", 18, "'&' cannot appear"),
            ("specialize/X/Item [Order=1]", 18, "' ' cannot appear"),
            // Brackets, pass and component.
            ("specialize/X/Y[Order=1", 15, "unclosed ["),
            ("specialize/X/Y[Order]", 15, "expected [Name=value]"),
            ("specialize/X/Y[Order=1]Z", 24, "unexpected text after ]"),
            ("Specialize/X/Y", 1, "unknown pass"),
            ("specialize/X[1]/Y", 13, "malformed component"),
            ("  /specialize//Y", 15, "missing or malformed component"),
        ] {
            let (col, msg) = column(path);
            assert_eq!(col, Some(expected), "{path}: {msg}");
            assert!(msg.contains(what), "{path}: {msg}");
            assert!(
                msg.contains(&format!("at column {expected}:")),
                "{path}: {msg}"
            );
        }
        // Columns count characters, not bytes.
        let (col, _) = column("specialize/Zoé/Ünïcödé/a b");
        assert_eq!(col, Some(25));
        // A path too short to have a place to blame has no column.
        let e = "specialize/X".parse::<SettingPath>().unwrap_err();
        assert!(matches!(e, PathError::Syntax { column: None, .. }), "{e:?}");
        assert!(!e.to_string().contains("column"), "{e}");
    }

    #[test]
    fn valid_names_still_parse() {
        for path in [
            "specialize/X/Item[@wcm:keyValue=1]/Leaf",
            "specialize/X/Item[@keyValue=1]",
            "specialize/X/Item[@_k.e-y=a b]",
            "specialize/X/Item[ Order = 2 ]",
            "specialize/X/Item[Order=\"a]b\"]",
            "specialize/X/Ünïcödé·1/_x.y-z",
            " /specialize/X/Y/ ",
        ] {
            assert!(path.parse::<SettingPath>().is_ok(), "{path}");
        }
        assert_eq!(
            p("specialize/X/Item[Order=\"a]b\"]").steps[0].predicate,
            Some(Predicate::Child {
                name: "Order".into(),
                value: "a]b".into()
            })
        );
    }

    const CHECKED: &str = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"oobeSystem\">\n    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n      <FutureSetting>1</FutureSetting>\n      <UserAccounts>\n        <AdministratorPassword>\n          <Value></Value>\n          <PlainText>false</PlainText>\n        </AdministratorPassword>\n      </UserAccounts>\n    </component>\n  </settings>\n</unattend>\n";

    #[cfg(feature = "lint")]
    fn checked(
        assignments: &[(&str, &str)],
        force: bool,
    ) -> (Document, Result<CheckedEdit, SetError>) {
        let mut doc = Document::parse_str(CHECKED).unwrap();
        let config = crate::lint::ResolvedConfig::default();
        let options = CheckOptions {
            arch: None,
            config: &config,
            force,
        };
        let list: Vec<Assignment> = assignments
            .iter()
            .map(|(path, value)| Assignment {
                path: p(path),
                value: value.to_string(),
            })
            .collect();
        let result = set_checked(&mut doc, &list, &options);
        (doc, result)
    }

    #[test]
    fn check_path_suggests_catalog_names_and_allows_what_the_file_has() {
        let doc = Document::parse_str(CHECKED).unwrap();
        let e = check_path(
            &doc,
            &p("oobeSystem/Microsoft-Windows-Shell-Setup/OOBE/HideEULAPages"),
            None,
        )
        .unwrap_err();
        assert_eq!(
            e,
            PathError::UnknownSetting {
                component: "Microsoft-Windows-Shell-Setup".into(),
                setting: "OOBE/HideEULAPages".into(),
                suggestion: Some("OOBE/HideEULAPage".into()),
                reason: None,
            }
        );
        assert!(
            check_path(
                &doc,
                &p("oobeSystem/Microsoft-Windows-Shell-Setup/FutureSetting"),
                None
            )
            .is_ok()
        );
        assert!(
            check_path(
                &doc,
                &p("oobeSystem/Microsoft-Windows-Shell-Setup/FutureSetting/Below"),
                None
            )
            .is_ok()
        );
        // Another pass does not have it: refused there.
        assert!(
            check_path(
                &doc,
                &p("specialize/Microsoft-Windows-Shell-Setup/FutureSetting"),
                None
            )
            .is_err()
        );
        let e = check_path(
            &doc,
            &p("specialize/Microsoft-Windows-Shel-Setup/ComputerName"),
            None,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("did you mean Microsoft-Windows-Shell-Setup?"),
            "{e}"
        );
    }

    #[test]
    #[cfg(feature = "lint")]
    fn set_checked_refuses_lint_errors_and_leaves_the_document_alone() {
        let (doc, result) = checked(
            &[
                ("oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone", "UTC"),
                (
                    "oobeSystem/Microsoft-Windows-Shell-Setup/ComputerName",
                    "WS-1",
                ),
            ],
            false,
        );
        match result {
            Err(SetError::Refused { findings }) => {
                assert_eq!(findings.len(), 1, "{findings:?}");
                assert_eq!(findings[0].code, "UA201");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(doc.text(), CHECKED);
        // Forced: written, and the finding is still reported.
        let (doc, result) = checked(
            &[(
                "oobeSystem/Microsoft-Windows-Shell-Setup/ComputerName",
                "WS-1",
            )],
            true,
        );
        let edit = result.unwrap();
        assert!(edit.findings.iter().any(|d| d.code == "UA201"));
        assert!(doc.text().contains("<ComputerName>WS-1</ComputerName>"));
        // The unknown setting the file had is no reason to refuse its edit.
        let (doc, result) = checked(
            &[(
                "oobeSystem/Microsoft-Windows-Shell-Setup/FutureSetting",
                "2",
            )],
            false,
        );
        assert!(result.is_ok(), "{result:?}");
        assert!(doc.text().contains("<FutureSetting>2</FutureSetting>"));
    }

    #[test]
    #[cfg(feature = "lint")]
    fn set_checked_hides_passwords_under_plaintext_false() {
        let path =
            "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value";
        let (doc, result) = checked(&[(path, "s3cret")], false);
        let edit = result.unwrap();
        assert!(edit.applied[0].hidden && edit.applied[0].outcome.changed);
        let value = get(&doc, &p(path), None).unwrap().unwrap();
        assert_eq!(
            crate::password::reveal(&value, Some("AdministratorPassword"))
                .unwrap()
                .password,
            "s3cret"
        );
        // An already hidden value is kept as given.
        let hidden = crate::password::encode("s3cret", "AdministratorPassword");
        let (doc, _) = checked(&[(path, &hidden)], false);
        assert_eq!(
            get(&doc, &p(path), None).unwrap().as_deref(),
            Some(hidden.as_str())
        );
        let (doc, result) = checked(&[(path, "")], false);
        assert!(
            matches!(result, Err(SetError::EmptyPassword { .. })),
            "{result:?}"
        );
        assert_eq!(doc.text(), CHECKED);
    }
}
