//! Typed structs, one module per component, and the `ComponentSettings` enum.
//!
//! Shape of the generated code, for a component `C`:
//! * one struct per container, list and list item (structurally identical
//!   ones share a type); lists and repeated items become `Vec` fields;
//! * a Rust enum per closed set of literals (exact XML spellings);
//! * `bool` / `i64` / `String` for the other values;
//! * every struct keeps `wcm:action`, list items `wcm:keyValue`, and any
//!   content the catalog does not describe in `other`, so reading never drops
//!   anything; a component whose content does not fit exactly stays generic.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use crate::data::{Catalog, Component, Setting};
use crate::names::{camel, component_names, snake};
use crate::output::{GeneratedFile, header};

mod constructors;

/// Where the typed component modules go.
pub const OUT_DIR: &str = "crates/unattend/src/model/generated";

/// The documentation page of a reference file name.
pub fn page_url(file: &str) -> String {
    format!(
        "https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/{}",
        file.trim_end_matches(".md")
    )
}

fn sources(catalog: &Catalog) -> String {
    format!(
        "crates/unattend/catalog/unattend-catalog.json (Microsoft's Unattended Windows Setup Reference, commit {}, {}) and crates/unattend/catalog/supplement.json",
        &catalog
            .source_commit
            .get(..12)
            .unwrap_or(&catalog.source_commit),
        catalog
            .source_date
            .get(..10)
            .unwrap_or(&catalog.source_date)
    )
}

/// Generates every component module and `mod.rs`.
pub fn generate(catalog: &Catalog) -> Result<Vec<GeneratedFile>, String> {
    let mut files = Vec::new();
    let mut typed: Vec<(&Component, String, String)> = Vec::new();
    let mut modules = HashSet::new();
    for c in catalog.components.iter().filter(|c| !c.settings.is_empty()) {
        let (module, ty) = component_names(&c.name);
        if !modules.insert(module.clone()) {
            return Err(format!("two components map to module {module}"));
        }
        files.push(GeneratedFile {
            path: PathBuf::from(OUT_DIR).join(format!("{module}.rs")),
            contents: generate_component(catalog, c)?,
        });
        typed.push((c, module, ty));
    }
    files.push(GeneratedFile {
        path: PathBuf::from(OUT_DIR).join("mod.rs"),
        contents: generate_mod(catalog, &typed),
    });
    Ok(files)
}

fn generate_mod(catalog: &Catalog, typed: &[(&Component, String, String)]) -> String {
    let mut s = header(
        "typed settings of every documented component.",
        &sources(catalog),
    );
    s.push_str("//! Typed settings, one module per documented component.\n//!\n//! Each module holds the component's struct (re-exported here) and the types of its containers, list items and closed value sets, named after their XML elements.\n\n");
    s.push_str("use serde::{Deserialize, Serialize};\n\nuse crate::model::element::{Element, Node};\nuse crate::model::typed::{ComponentType, read_component};\n\n");
    for (_, module, _) in typed {
        let _ = writeln!(s, "pub mod {module};");
    }
    s.push('\n');
    for (_, module, ty) in typed {
        let _ = writeln!(s, "pub use {module}::{ty};");
    }
    s.push_str("\n/// A component's settings: typed when the catalog documents the component and the content fits the type exactly (nothing dropped, nothing rewritten), otherwise the child nodes as read.\n///\n/// In spec files the variant is named by the exact component name.\n#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]\n#[cfg_attr(feature = \"schemars\", derive(schemars::JsonSchema))]\npub enum ComponentSettings {\n");
    for (c, _, ty) in typed {
        let summary = c
            .summary
            .as_deref()
            .map(|x| format!(": {}", one_line(x)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "    /// `{}`{summary}\n    #[serde(rename = {:?})]\n    {ty}(Box<{ty}>),",
            c.name, c.name
        );
    }
    s.push_str("    /// A component without a typed struct, or content that does not fit its type: the child nodes as read.\n    #[serde(rename = \"elements\")]\n    Generic(Vec<Node>),\n}\n\n");
    s.push_str("impl ComponentSettings {\n    /// The canonical component name of a typed variant; `None` for generic settings.\n    pub fn component_name(&self) -> Option<&'static str> {\n        match self {\n");
    for (c, _, ty) in typed {
        let _ = writeln!(
            s,
            "            ComponentSettings::{ty}(_) => Some({:?}),",
            c.name
        );
    }
    s.push_str("            ComponentSettings::Generic(_) => None,\n        }\n    }\n\n");
    s.push_str("    /// The settings as child nodes of the component element.\n    pub fn to_children(&self) -> Vec<Node> {\n        use crate::model::typed::TypedComponent;\n        match self {\n");
    for (_, _, ty) in typed {
        let _ = writeln!(
            s,
            "            ComponentSettings::{ty}(v) => v.to_children(),"
        );
    }
    s.push_str(
        "            ComponentSettings::Generic(nodes) => nodes.clone(),\n        }\n    }\n\n",
    );
    s.push_str("    /// Typed settings for the named component (any casing, or a documented name variant); `None` when there is no typed struct or the content does not fit it exactly.\n    pub(crate) fn read_typed(name: &str, component: &Element) -> Option<ComponentSettings> {\n        match name.to_ascii_lowercase().as_str() {\n");
    for (c, _, ty) in typed {
        let mut names: Vec<String> = vec![c.name.to_ascii_lowercase()];
        names.extend(c.name_variants.iter().map(|v| v.to_ascii_lowercase()));
        names.dedup();
        let pats = names
            .iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(" | ");
        let _ = writeln!(
            s,
            "            {pats} => read_component::<{ty}>(component).map(|v| ComponentSettings::{ty}(Box::new(v))),"
        );
    }
    s.push_str("            _ => None,\n        }\n    }\n}\n\n");
    for (_, _, ty) in typed {
        let _ = writeln!(
            s,
            "impl From<{ty}> for ComponentSettings {{\n    fn from(v: {ty}) -> Self {{\n        ComponentSettings::{ty}(Box::new(v))\n    }}\n}}\n\nimpl crate::model::typed::sealed::Sealed for {ty} {{}}\n\nimpl ComponentType for {ty} {{\n    fn from_settings(settings: &ComponentSettings) -> Option<&Self> {{\n        match settings {{\n            ComponentSettings::{ty}(v) => Some(v),\n            _ => None,\n        }}\n    }}\n\n    fn from_settings_mut(settings: &mut ComponentSettings) -> Option<&mut Self> {{\n        match settings {{\n            ComponentSettings::{ty}(v) => Some(v),\n            _ => None,\n        }}\n    }}\n}}\n"
        );
    }
    s
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Names and shapes of one component's types.
struct Plan<'c> {
    comp: &'c Component,
    root: String,
    /// Struct type of each container / list / list item path.
    structs: HashMap<&'c str, String>,
    /// Enum type of each closed-set value path.
    enums: HashMap<&'c str, String>,
}

fn is_struct(s: &Setting) -> bool {
    s.kind != "value" && !s.is_pseudo()
}

fn is_enum(s: &Setting) -> bool {
    s.kind == "value"
        && !s.values.is_empty()
        && match s.value_type.as_deref() {
            Some("enum") => true,
            // A closed set of integers (`ProtectYourPC` 1–3) is an enum too,
            // with the exact literals; powers of two 1, 2, 4, … are flags
            // that combine (`BrandingNeutral`), so they stay integers.
            Some("integer") => !is_flags(&s.values),
            _ => false,
        }
}

/// Values 1, 2, 4, 8, … (at least three): bit flags, not a closed set.
fn is_flags(values: &[String]) -> bool {
    values.len() >= 3
        && values
            .iter()
            .enumerate()
            .all(|(i, v)| v.parse::<u64>().ok() == 1u64.checked_shl(i as u32))
}

fn is_bool(s: &Setting) -> bool {
    s.value_type.as_deref() == Some("boolean")
        && s.values.iter().all(|v| v == "true" || v == "false")
}

fn rust_value_type(plan: &Plan<'_>, s: &Setting) -> String {
    match s.value_type.as_deref() {
        _ if is_enum(s) => plan.enums[s.path.as_str()].clone(),
        Some("boolean") if is_bool(s) => "bool".to_string(),
        Some("integer") => "i64".to_string(),
        _ => "String".to_string(),
    }
}

/// A structural signature: two settings with equal signatures can share a type.
fn signature(c: &Component, s: &Setting) -> String {
    if !is_struct(s) {
        return format!(
            "{}:{}:{}",
            s.kind,
            s.value_type.as_deref().unwrap_or(""),
            s.values.join("|")
        );
    }
    let kids: Vec<String> = c
        .children_of(Some(&s.path))
        .map(|k| format!("{}={}", k.element_name(), signature(c, k)))
        .collect();
    format!("{}{{{}}}", s.kind, kids.join(","))
}

/// Gives each group of settings (same element name) a type name: one shared
/// name when all have the same shape, otherwise names built from as many
/// trailing path segments as make them distinct.
fn assign_names<'c>(
    c: &'c Component,
    nodes: &[&'c Setting],
    taken: &mut HashSet<String>,
    suffix: &str,
) -> HashMap<&'c str, String> {
    let mut groups: BTreeMap<String, Vec<&'c Setting>> = BTreeMap::new();
    for s in nodes {
        groups.entry(camel(s.element_name())).or_default().push(s);
    }
    let mut out = HashMap::new();
    for (base, members) in groups {
        let mut shapes: Vec<(String, Vec<&Setting>)> = Vec::new();
        for s in members {
            let sig = signature(c, s);
            match shapes.iter_mut().find(|(g, _)| *g == sig) {
                Some((_, v)) => v.push(s),
                None => shapes.push((sig, vec![s])),
            }
        }
        let names: Vec<String> = if shapes.len() == 1 {
            vec![format!("{base}{suffix}")]
        } else {
            let segs: Vec<Vec<String>> = shapes
                .iter()
                .map(|(_, v)| v[0].path.split('/').map(camel).collect())
                .collect();
            let mut k = 2;
            loop {
                let cand: Vec<String> = segs
                    .iter()
                    .map(|p| format!("{}{suffix}", p[p.len().saturating_sub(k)..].concat()))
                    .collect();
                let unique = cand.iter().collect::<HashSet<_>>().len() == cand.len();
                if unique || k > 12 {
                    break if unique {
                        cand
                    } else {
                        cand.iter()
                            .enumerate()
                            .map(|(i, n)| format!("{n}{i}"))
                            .collect()
                    };
                }
                k += 1;
            }
        };
        for ((_, members), mut name) in shapes.into_iter().zip(names) {
            while taken.contains(&name) {
                name.push('_');
                name = name.trim_end_matches('_').to_string() + "Type";
            }
            taken.insert(name.clone());
            for s in members {
                out.insert(s.path.as_str(), name.clone());
            }
        }
    }
    out
}

fn plan(c: &Component) -> Plan<'_> {
    let (_, root) = component_names(&c.name);
    let mut taken: HashSet<String> = [root.clone()].into_iter().collect();
    // Names the generated code imports or defines: keep them free.
    for reserved in [
        "Element",
        "Node",
        "WcmAction",
        "Typed",
        "NotTyped",
        "XmlStruct",
        "TypedComponent",
        "String",
        "Vec",
        "Option",
        "Box",
    ] {
        taken.insert(reserved.to_string());
    }
    let struct_nodes: Vec<&Setting> = c.settings.iter().filter(|s| is_struct(s)).collect();
    let structs = assign_names(c, &struct_nodes, &mut taken, "");
    let enum_nodes: Vec<&Setting> = c.settings.iter().filter(|s| is_enum(s)).collect();
    // Enums share the struct namespace; a clash takes a `Value` suffix.
    let mut enums = HashMap::new();
    for (path, name) in assign_names(c, &enum_nodes, &mut taken.clone(), "") {
        let mut n = name;
        if structs.values().any(|x| *x == n) || n == root {
            n.push_str("Value");
        }
        enums.insert(path, n);
    }
    Plan {
        comp: c,
        root,
        structs,
        enums,
    }
}

/// Doc lines for a setting: summary and every fact worth knowing when
/// writing the value.
fn setting_docs(s: &Setting) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(sum) = &s.summary {
        lines.push(one_line(sum));
        lines.push(String::new());
    }
    let mut facts = Vec::new();
    if !s.passes.is_empty() {
        let inferred = if s.passes_src.is_some() {
            " (inferred)"
        } else {
            ""
        };
        facts.push(format!("Passes: {}{inferred}.", s.passes.join(", ")));
    }
    if let Some(note) = &s.pass_note {
        facts.push(format!(
            "Pass note: {}.",
            one_line(note).trim_end_matches('.')
        ));
    }
    if let Some(d) = &s.default {
        facts.push(format!("Default: `{d}`."));
    } else if !s.default_conditional.is_empty() {
        facts.push(format!(
            "Default depends on the configuration: {}.",
            quoted(&s.default_conditional)
        ));
    }
    if !s.values.is_empty() && !is_bool(s) {
        let vals: Vec<String> = s
            .values
            .iter()
            .map(|v| match s.labels.get(v) {
                Some(l) => format!("`{v}` ({l})"),
                None => format!("`{v}`"),
            })
            .collect();
        facts.push(format!("Values: {}.", vals.join(", ")));
    }
    if !s.special_values.is_empty() {
        facts.push(format!("Special values: {}.", quoted(&s.special_values)));
    }
    if let Some([lo, hi]) = s.range {
        facts.push(format!("Range: {lo} to {hi}."));
    }
    if let Some(u) = &s.unit {
        facts.push(format!("Unit: {u}."));
    }
    let unit = if s.length_unit.as_deref() == Some("bytes") {
        "bytes"
    } else {
        "characters"
    };
    if let Some(m) = s.max_length {
        facts.push(format!("At most {m} {unit}."));
    }
    if let Some(m) = s.min_length {
        facts.push(format!("At least {m} {unit}."));
    }
    match s.empty_ok {
        Some(true) => facts.push("May be empty.".to_string()),
        Some(false) => facts.push("Must not be empty.".to_string()),
        None => {}
    }
    if let Some(k) = &s.key {
        facts.push(format!("List key: `{k}`."));
    }
    if let Some(st) = &s.status {
        facts.push(format!("Status: {st}."));
    }
    if let Some(w) = &s.win {
        for (label, v) in [
            ("Introduced", &w.introduced),
            ("Deprecated in", &w.deprecated_in),
            ("Removed in", &w.removed_in),
            ("Only", &w.only),
            ("Requires", &w.requires),
        ] {
            if let Some(v) = v {
                facts.push(format!("{label}: {}.", one_line(v).trim_end_matches('.')));
            }
        }
    }
    for n in &s.notes {
        facts.push(format!("Note: {}.", one_line(n).trim_end_matches('.')));
    }
    lines.push(facts.join(" "));
    if let Some(f) = &s.file {
        lines.push(String::new());
        lines.push(format!("Reference: <{}>", page_url(f)));
    }
    if let Some(src) = &s.source {
        lines.push(String::new());
        lines.push(format!("Source (supplement): {}", one_line(src)));
    }
    lines
}

fn quoted(v: &[String]) -> String {
    v.iter()
        .map(|x| format!("`{x}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn doc(out: &mut String, indent: &str, lines: &[String]) {
    for l in lines {
        // Brackets would read as intra-doc links.
        let l = l.replace('[', "\\[").replace(']', "\\]");
        if l.is_empty() {
            let _ = writeln!(out, "{indent}///");
        } else {
            let _ = writeln!(out, "{indent}/// {l}");
        }
    }
}

/// One field of a generated struct.
struct Field {
    ident: String,
    xml: String,
    ty: String,
    kind: FieldKind,
    docs: Vec<String>,
    /// A `#[schemars(...)]` constraint for editors (range, length).
    schema: Option<String>,
}

/// The JSON Schema constraint a value setting carries, if any.
fn schema_constraint(s: &Setting, ty: &str) -> Option<String> {
    match ty {
        "i64" => s
            .range
            .map(|[lo, hi]| format!("range(min = {lo}, max = {hi})")),
        // Byte limits depend on Windows' encoding; only character limits are exact.
        "String" if s.length_unit.as_deref() != Some("bytes") => match (s.min_length, s.max_length)
        {
            (Some(lo), Some(hi)) => Some(format!("length(min = {lo}, max = {hi})")),
            (None, Some(hi)) => Some(format!("length(max = {hi})")),
            (Some(lo), None) => Some(format!("length(min = {lo})")),
            (None, None) => None,
        },
        _ => None,
    }
}

enum FieldKind {
    /// `Option<T>` read from a leaf child element.
    Value,
    /// `Option<S>` read from a child container or list.
    Nested,
    /// `Vec<S>` of repeated child items.
    Repeated,
    /// `wcm:keyValue` of a list item (`Option<String>`).
    KeyAttribute,
    /// The item's own text (`Option<T>`).
    Text,
}

fn fields_of(plan: &Plan<'_>, parent: Option<&str>, list_item: bool) -> Vec<Field> {
    let c = plan.comp;
    let mut fields = Vec::new();
    let mut used: HashSet<String> = ["wcm_action", "wcm_key_value", "other"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut key_doc = None;
    for s in c.children_of(parent) {
        if s.is_pseudo() {
            let form = s.xml_form.as_deref().unwrap_or_default();
            if form.starts_with("attribute") {
                key_doc = Some(setting_docs(s));
            } else {
                fields.push(Field {
                    ident: "value".to_string(),
                    xml: "Value".to_string(),
                    ty: rust_value_type(plan, s),
                    kind: FieldKind::Text,
                    docs: [
                        vec!["The item's text content.".to_string(), String::new()],
                        setting_docs(s),
                    ]
                    .concat(),
                    schema: schema_constraint(s, &rust_value_type(plan, s)),
                });
                used.insert("value".to_string());
            }
            continue;
        }
        let mut ident = snake(s.element_name());
        while used.contains(&ident) {
            ident.push_str("_setting");
        }
        used.insert(ident.clone());
        let (ty, kind) = match s.kind.as_str() {
            "value" => (rust_value_type(plan, s), FieldKind::Value),
            "list_item" => (plan.structs[s.path.as_str()].clone(), FieldKind::Repeated),
            _ => (plan.structs[s.path.as_str()].clone(), FieldKind::Nested),
        };
        let schema = matches!(kind, FieldKind::Value)
            .then(|| schema_constraint(s, &ty))
            .flatten();
        fields.push(Field {
            ident,
            xml: s.element_name().to_string(),
            ty,
            kind,
            docs: setting_docs(s),
            schema,
        });
    }
    if list_item {
        let docs = key_doc.unwrap_or_else(|| {
            vec!["The item's `wcm:keyValue`, when it is keyed by one.".to_string()]
        });
        fields.insert(
            0,
            Field {
                ident: "wcm_key_value".to_string(),
                xml: "wcm:keyValue".to_string(),
                ty: "String".to_string(),
                kind: FieldKind::KeyAttribute,
                docs,
                schema: None,
            },
        );
    }
    fields
}

fn emit_struct(out: &mut String, plan: &Plan<'_>, name: &str, node: Option<&Setting>) {
    let c = plan.comp;
    let list_item = node.is_some_and(|s| s.kind == "list_item");
    let fields = fields_of(plan, node.map(|s| s.path.as_str()), list_item);
    // Docs.
    match node {
        Some(s) => {
            let mut lines = vec![format!(
                "`{}`{}",
                s.element_name(),
                match s.kind.as_str() {
                    "list" => format!(
                        ": a list of `{}` items.",
                        s.item.as_deref().unwrap_or("item")
                    ),
                    "list_item" => ": one list item.".to_string(),
                    _ => ".".to_string(),
                }
            )];
            lines.push(String::new());
            lines.extend(setting_docs(s));
            let others: Vec<&str> = plan
                .structs
                .iter()
                .filter(|(p, n)| n.as_str() == name && **p != s.path.as_str())
                .map(|(p, _)| *p)
                .collect();
            if !others.is_empty() {
                let mut others = others;
                others.sort();
                lines.push(String::new());
                lines.push(format!(
                    "Also used at: {}.",
                    others
                        .iter()
                        .map(|p| format!("`{p}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            doc(out, "", &lines);
        }
        None => {
            let mut lines = vec![format!(
                "Settings of `{}`{}",
                c.name,
                c.summary
                    .as_deref()
                    .map(|x| format!(": {}", one_line(x)))
                    .unwrap_or_else(|| ".".into())
            )];
            lines.push(String::new());
            let mut facts = Vec::new();
            if !c.passes.is_empty() {
                facts.push(format!("Passes: {}.", c.passes.join(", ")));
            }
            if let Some(st) = &c.status {
                facts.push(format!("Status: {st}."));
            }
            if let Some(r) = &c.replacement {
                facts.push(format!("Replaced by `{r}`."));
            }
            lines.push(facts.join(" "));
            if let Some(f) = &c.file {
                lines.push(String::new());
                lines.push(format!("Reference: <{}>", page_url(f)));
            }
            doc(out, "", &lines);
        }
    }
    let secrets = constructors::secret_fields(node, &fields);
    let derive = "#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]\n#[cfg_attr(feature = \"schemars\", derive(schemars::JsonSchema))]\n#[serde(deny_unknown_fields)]\n";
    if secrets.is_empty() {
        out.push_str(derive);
    } else {
        out.push_str(&derive.replacen("Debug, ", "", 1));
    }
    let _ = writeln!(out, "pub struct {name} {{");
    if node.is_some_and(|s| s.kind == "list_item") {
        out.push_str("    /// The item's `wcm:action` (`add`, `modify`, `remove`); `None` is written as `add`, what Windows needs to create a list item.\n    #[serde(rename = \"wcm:action\", default, skip_serializing_if = \"Option::is_none\")]\n    pub wcm_action: Option<WcmAction>,\n");
    } else if node.is_some() {
        out.push_str("    /// The element's `wcm:action` (`add`, `modify`, `remove`), when written.\n    #[serde(rename = \"wcm:action\", default, skip_serializing_if = \"Option::is_none\")]\n    pub wcm_action: Option<WcmAction>,\n");
    }
    for f in &fields {
        doc(out, "    ", &f.docs);
        match f.kind {
            FieldKind::Repeated => {
                let _ = writeln!(
                    out,
                    "    #[serde(rename = {:?}, default, skip_serializing_if = \"Vec::is_empty\")]\n    pub {}: Vec<{}>,",
                    f.xml, f.ident, f.ty
                );
            }
            _ => {
                if let Some(c) = &f.schema {
                    let _ = writeln!(
                        out,
                        "    #[cfg_attr(feature = \"schemars\", schemars({c}))]"
                    );
                }
                let _ = writeln!(
                    out,
                    "    #[serde(rename = {:?}, default, skip_serializing_if = \"Option::is_none\")]\n    pub {}: Option<{}>,",
                    f.xml, f.ident, f.ty
                );
            }
        }
    }
    out.push_str("    /// Content the catalog does not describe (unknown elements, comments), kept as read.\n    #[serde(default, skip_serializing_if = \"Vec::is_empty\")]\n    pub other: Vec<Node>,\n}\n\n");

    // Reading and writing.
    let singles: Vec<String> = fields
        .iter()
        .filter(|f| matches!(f.kind, FieldKind::Value | FieldKind::Nested))
        .map(|f| format!("{:?}", f.xml))
        .collect();
    let repeated: Vec<String> = fields
        .iter()
        .filter(|f| matches!(f.kind, FieldKind::Repeated))
        .map(|f| format!("{:?}", f.xml))
        .collect();
    let text_is_value = fields.iter().any(|f| matches!(f.kind, FieldKind::Text));
    let mut reads = String::new();
    let mut writes = String::new();
    for f in &fields {
        let (r, w) = match f.kind {
            FieldKind::Value => (
                format!("value(el, {:?})?", f.xml),
                format!("push_value(&mut out, {:?}, &self.{});", f.xml, f.ident),
            ),
            FieldKind::Nested => (
                format!("nested(el, {:?})?", f.xml),
                format!("push_nested(&mut out, {:?}, &self.{});", f.xml, f.ident),
            ),
            FieldKind::Repeated => (
                format!("repeated(el, {:?})?", f.xml),
                format!("push_repeated(&mut out, {:?}, &self.{});", f.xml, f.ident),
            ),
            FieldKind::KeyAttribute => ("key_value(el)".to_string(), String::new()),
            FieldKind::Text => (
                "text_value(el)?".to_string(),
                "push_text(&mut out, &self.value);".to_string(),
            ),
        };
        let _ = writeln!(reads, "            {}: {r},", f.ident);
        if !w.is_empty() {
            let _ = writeln!(writes, "        {w}");
        }
    }
    let others = format!(
        "others(el, &[{}], &[{}], {text_is_value})?",
        singles.join(", "),
        repeated.join(", ")
    );
    let (key, action) = if list_item {
        (
            "self.wcm_key_value.as_deref()",
            "Some(self.wcm_action.unwrap_or(WcmAction::Add))",
        )
    } else {
        ("None", "self.wcm_action")
    };
    if !secrets.is_empty() {
        constructors::emit_debug(out, name, node.is_some(), &fields, &secrets);
    }
    if let Some(s) = node {
        constructors::emit(out, plan, name, s, &fields);
    }
    match node {
        Some(_) => {
            let _ = write!(
                out,
                "impl XmlStruct for {name} {{\n    fn read(el: &Element) -> Typed<Self> {{\n        Ok({name} {{\n            wcm_action: action(el)?,\n{reads}            other: {others},\n        }})\n    }}\n\n    fn write(&self, name: &str) -> Element {{\n        let mut out = Vec::new();\n{writes}        out.extend(self.other.iter().cloned());\n        element(name, {action}, {key}, out)\n    }}\n}}\n\n"
            );
        }
        None => {
            let _ = write!(
                out,
                "impl TypedComponent for {name} {{\n    const NAME: &'static str = {:?};\n\n    fn read(el: &Element) -> Typed<Self> {{\n        Ok({name} {{\n{reads}            other: {others},\n        }})\n    }}\n\n    fn to_children(&self) -> Vec<Node> {{\n        let mut out = Vec::new();\n{writes}        out.extend(self.other.iter().cloned());\n        out\n    }}\n\n    fn other_mut(&mut self) -> &mut Vec<Node> {{\n        &mut self.other\n    }}\n}}\n\n",
                c.name
            );
        }
    }
}

fn emit_enum(out: &mut String, name: &str, s: &Setting) {
    let mut lines = vec![format!("Values of `{}`.", s.element_name())];
    lines.push(String::new());
    lines.extend(setting_docs(s));
    out.push_str("xml_enum! {\n");
    doc(out, "    ", &lines);
    let _ = writeln!(out, "    {name} {{");
    let mut used = HashSet::new();
    for v in &s.values {
        let mut variant = camel(v);
        while !used.insert(variant.clone()) {
            variant.push('_');
            variant = variant.trim_end_matches('_').to_string() + "Alt";
        }
        let label = s
            .labels
            .get(v)
            .map(|l| format!(" ({l})"))
            .unwrap_or_default();
        let _ = writeln!(out, "        /// `{v}`{label}\n        {variant} = {v:?},");
    }
    out.push_str("    }\n}\n\n");
}

/// The module of one component.
pub fn generate_component(catalog: &Catalog, c: &Component) -> Result<String, String> {
    let plan = plan(c);
    let mut out = header(&format!("typed settings of {}.", c.name), &sources(catalog));
    let _ = writeln!(
        out,
        "//! `{}`{}\n",
        c.name,
        c.summary
            .as_deref()
            .map(|x| format!(": {}", one_line(x)))
            .unwrap_or_default()
    );
    out.push_str("#[allow(unused_imports)]\nuse crate::model::typed::{\n    Element, Node, Typed, TypedComponent, WcmAction, XmlStruct, action, element, key_value, nested, others, push_nested, push_repeated, push_text, push_value, repeated, text_value, value, xml_enum,\n};\nuse serde::{Deserialize, Serialize};\n\n");
    emit_struct(&mut out, &plan, &plan.root, None);
    let mut done: HashSet<String> = HashSet::new();
    for s in &c.settings {
        if let Some(name) = plan.structs.get(s.path.as_str())
            && done.insert(name.clone())
        {
            emit_struct(&mut out, &plan, name, Some(s));
        }
        if let Some(name) = plan.enums.get(s.path.as_str())
            && done.insert(name.clone())
        {
            emit_enum(&mut out, name, s);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::rustfmt;

    fn catalog() -> Catalog {
        Catalog::load(&crate::workspace_root()).expect("catalog loads")
    }

    fn module(name: &str) -> String {
        let catalog = catalog();
        let c = catalog
            .components
            .iter()
            .find(|c| c.name == name)
            .expect("component exists");
        rustfmt(&generate_component(&catalog, c).expect("generates")).expect("formats")
    }

    /// Small components whose whole generated module is reviewed in the snapshot.
    #[test]
    fn pnp_sysprep_module() {
        insta::assert_snapshot!(module("Microsoft-Windows-PnpSysprep"));
    }

    #[test]
    fn security_spp_module() {
        insta::assert_snapshot!(module("Microsoft-Windows-Security-SPP"));
    }

    /// Containers, a list with keyed items, shared types and enums.
    #[test]
    fn deployment_module() {
        insta::assert_snapshot!(module("Microsoft-Windows-Deployment"));
    }

    #[test]
    fn structurally_equal_settings_share_one_type() {
        let m = module("Microsoft-Windows-Deployment");
        // Reseal/Mode and Generalize/Mode have the same literals: one enum.
        assert_eq!(m.matches("    Mode {").count(), 1);
        // Credentials of both command lists: one struct.
        assert_eq!(m.matches("pub struct Credentials {").count(), 1);
        assert!(m.contains("pub mode: Option<Mode>"));
    }

    #[test]
    fn every_component_with_settings_gets_a_module() {
        let catalog = catalog();
        let files = generate(&catalog).expect("generates");
        let with_settings = catalog
            .components
            .iter()
            .filter(|c| !c.settings.is_empty())
            .count();
        assert_eq!(
            files.len(),
            with_settings + 1,
            "one module per component plus mod.rs"
        );
        assert!(with_settings >= 82);
    }
}
