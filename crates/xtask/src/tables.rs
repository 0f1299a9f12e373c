//! Static lookup tables for `unattend::catalog`: every component and setting
//! of the merged catalog as `static` Rust data (`tables.rs`), and the Windows
//! identifier lists of `catalog/windows-data/` (`windows_data.rs`).
//!
//! Shape of `tables.rs` (the types live in `crates/unattend/src/catalog/mod.rs`):
//! * `COMPONENTS`: sorted case-insensitively by name; each owns the contiguous
//!   range `settings: (start, len)` of `SETTINGS` and lists its top-level
//!   settings in `top_level`;
//! * `SETTINGS`: flat, each component's settings in catalog order; tree links
//!   are `u16` indices into `SETTINGS` (`parent`, `children`) and `COMPONENTS`
//!   (`component`);
//! * `NAME_INDEX`: every component name and name variant, sorted by its
//!   ASCII-lowercase form, for an allocation-free case-insensitive binary search.
//!
//! Only the facts a setting has are written; the rest come from
//! `SettingInfo::BLANK` / `ComponentInfo::BLANK` by struct update syntax.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::data::{
    CATALOG_FILE, Catalog, ChangelogEntry, Component, SUPPLEMENT_FILE, Setting, Win,
};
use crate::output::{GeneratedFile, header};

/// Where the tables go.
pub const OUT_DIR: &str = "crates/unattend/src/catalog/generated";

/// The Windows identifier lists (MIT-licensed facts, see their README).
const WINDOWS_DATA_DIR: &str = "crates/unattend/catalog/windows-data";

/// Generates the catalog tables.
pub fn generate(catalog: &Catalog, root: &Path) -> Result<Vec<GeneratedFile>, String> {
    Ok(vec![
        GeneratedFile {
            path: PathBuf::from(OUT_DIR).join("mod.rs"),
            contents: generated_mod(catalog),
        },
        GeneratedFile {
            path: PathBuf::from(OUT_DIR).join("tables.rs"),
            contents: tables(catalog)?,
        },
        GeneratedFile {
            path: PathBuf::from(OUT_DIR).join("windows_data.rs"),
            contents: windows_data(root)?,
        },
    ])
}

fn catalog_sources(catalog: &Catalog) -> String {
    format!(
        "{CATALOG_FILE} (Microsoft's Unattended Windows Setup Reference, commit {}, {}) and {SUPPLEMENT_FILE}",
        catalog
            .source_commit
            .get(..12)
            .unwrap_or(&catalog.source_commit),
        catalog
            .source_date
            .get(..10)
            .unwrap_or(&catalog.source_date)
    )
}

fn generated_mod(catalog: &Catalog) -> String {
    let mut out = header(
        "the catalog's static tables (module declarations)",
        &catalog_sources(catalog),
    );
    out.push_str("//! Generated tables; the types and the API are in `crate::catalog`.\n\n");
    out.push_str("pub(crate) mod tables;\npub(crate) mod windows_data;\n");
    out
}

// ---------------------------------------------------------------- literals

/// A Rust string literal.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn opt_str(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("Some({})", lit(s)),
        None => "None".to_string(),
    }
}

fn str_slice<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| lit(s.as_ref())).collect();
    format!("&[{}]", parts.join(", "))
}

fn u16_slice(items: &[u16]) -> String {
    let parts: Vec<String> = items.iter().map(u16::to_string).collect();
    format!("&[{}]", parts.join(", "))
}

fn pass_variant(pass: &str) -> Result<&'static str, String> {
    Ok(match pass {
        "windowsPE" => "Pass::WindowsPe",
        "offlineServicing" => "Pass::OfflineServicing",
        "generalize" => "Pass::Generalize",
        "specialize" => "Pass::Specialize",
        "auditSystem" => "Pass::AuditSystem",
        "auditUser" => "Pass::AuditUser",
        "oobeSystem" => "Pass::OobeSystem",
        other => return Err(format!("unknown pass {other:?}")),
    })
}

fn pass_set(passes: &[String]) -> Result<String, String> {
    let variants = passes
        .iter()
        .map(|p| pass_variant(p))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(format!("PassSet::of(&[{}])", variants.join(", ")))
}

fn status(s: &str) -> Result<&'static str, String> {
    Ok(match s {
        "deprecated" => "Status::Deprecated",
        "removed" => "Status::Removed",
        "unsupported" => "Status::Unsupported",
        other => return Err(format!("unknown status {other:?}")),
    })
}

fn win_facts(win: &Win) -> String {
    let mut fields = String::new();
    let mut opt = |name: &str, v: &Option<String>| {
        if let Some(v) = v {
            let _ = write!(fields, "{name}: Some({}), ", lit(v));
        }
    };
    opt("introduced", &win.introduced);
    opt("deprecated_in", &win.deprecated_in);
    opt("removed_in", &win.removed_in);
    opt("only", &win.only);
    opt("nano_server", &win.nano_server);
    opt("server_core", &win.server_core);
    opt("s_mode", &win.s_mode);
    opt("firmware", &win.firmware);
    opt("requires", &win.requires);
    if !win.editions.is_empty() {
        let _ = write!(fields, "editions: {}, ", str_slice(&win.editions));
    }
    if win.server_only {
        fields.push_str("server_only: true, ");
    }
    format!("WinFacts {{ {fields}..WinFacts::NONE }}")
}

fn changes(entries: &[&ChangelogEntry]) -> String {
    let parts: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "Change {{ release: {}, change: {}, scope: {} }}",
                lit(&e.release),
                lit(&e.change),
                opt_str(e.scope.as_deref())
            )
        })
        .collect();
    format!("&[{}]", parts.join(", "))
}

/// Collects `name: value, ` pairs of one struct expression.
#[derive(Default)]
struct Fields(String);

impl Fields {
    fn put(&mut self, name: &str, value: impl AsRef<str>) {
        let _ = write!(self.0, "{name}: {}, ", value.as_ref());
    }
    fn opt(&mut self, name: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.put(name, format!("Some({})", lit(v)));
        }
    }
    fn list<S: AsRef<str>>(&mut self, name: &str, items: &[S]) {
        if !items.is_empty() {
            self.put(name, str_slice(items));
        }
    }
}

// ------------------------------------------------------------------ tables

/// The names a curated note or change-log entry may use for `c`.
fn is_named(c: &Component, name: &str) -> bool {
    c.name.eq_ignore_ascii_case(name)
        || c.name_variants.iter().any(|v| v.eq_ignore_ascii_case(name))
}

fn tables(catalog: &Catalog) -> Result<String, String> {
    let total: usize = catalog.components.iter().map(|c| c.settings.len()).sum();
    if total > usize::from(u16::MAX) || catalog.components.len() > usize::from(u16::MAX) {
        return Err(format!("{total} settings do not fit u16 indices"));
    }
    // Every change-log entry and curated note must land somewhere, or it is
    // stale (or the matching below is wrong).
    let mut notes_used = vec![false; catalog.curated_notes.len()];

    let mut components = String::new();
    let mut settings = String::new();
    let mut start = 0usize;
    for (ci, c) in catalog.components.iter().enumerate() {
        let index_of: BTreeMap<&str, usize> = c
            .settings
            .iter()
            .enumerate()
            .map(|(i, s)| (s.path.as_str(), start + i))
            .collect();
        let idx = |path: &str| -> Result<u16, String> {
            index_of
                .get(path)
                .map(|&i| i as u16)
                .ok_or_else(|| format!("{}: no setting {path}", c.name))
        };
        let children_of = |parent: Option<&str>| -> Result<Vec<u16>, String> {
            c.children_of(parent).map(|s| idx(&s.path)).collect()
        };

        // The component.
        let mut f = Fields::default();
        f.put("name", lit(&c.name));
        let mut variants: Vec<&str> = Vec::new();
        for v in &c.name_variants {
            if !variants.contains(&v.as_str()) {
                variants.push(v);
            }
        }
        f.list("name_variants", &variants);
        f.opt("summary", c.summary.as_deref());
        if !c.passes.is_empty() {
            f.put("passes", pass_set(&c.passes)?);
        }
        if let Some(s) = &c.status {
            f.put("status", format!("Some({})", status(s)?));
        }
        f.opt("status_src", c.status_src.as_deref());
        f.opt("replacement", c.replacement.as_deref());
        if let Some(w) = &c.win
            && *w != Win::default()
        {
            f.put("win", win_facts(w));
        }
        f.opt("file", c.file.as_deref());
        f.opt("page_date", c.page_date.as_deref());
        if !c.settings_documented {
            f.put("settings_documented", "false");
        }
        f.opt("source", c.source.as_deref());
        let note = curated_note(catalog, c, "", &mut notes_used);
        f.opt("curated_note", note);
        let component_changes: Vec<&ChangelogEntry> = catalog
            .changelog
            .iter()
            .filter(|e| e.path.is_none() && is_named(c, &e.component))
            .collect();
        if !component_changes.is_empty() {
            f.put("changes", changes(&component_changes));
        }
        f.put("settings", format!("({start}, {})", c.settings.len()));
        f.put("top_level", u16_slice(&children_of(None)?));
        let _ = writeln!(
            components,
            "    ComponentInfo {{ {}..ComponentInfo::BLANK }},",
            f.0
        );

        // Its settings.
        let mut xml_paths: BTreeMap<&str, String> = BTreeMap::new();
        for s in &c.settings {
            let xml_path = match s.parent_path() {
                Some(p) => {
                    let parent = xml_paths.get(p).ok_or_else(|| {
                        format!("{}/{}: parent {p} comes after its child", c.name, s.path)
                    })?;
                    format!("{parent}/{}", s.element_name())
                }
                None => s.element_name().to_string(),
            };
            let children = children_of(Some(&s.path))?;
            let entry = setting(
                catalog,
                c,
                ci as u16,
                s,
                &xml_path,
                &children,
                &idx,
                &mut notes_used,
            )?;
            let _ = writeln!(settings, "    {entry},");
            xml_paths.insert(&s.path, xml_path);
        }
        start += c.settings.len();
    }
    if let Some(i) = notes_used.iter().position(|used| !used) {
        let n = &catalog.curated_notes[i];
        return Err(format!(
            "curated note for {}/{} matches no catalog entry",
            n.component, n.path
        ));
    }

    // The name index: names and variants, deduplicated ignoring case.
    let mut index: Vec<(String, &str, usize)> = Vec::new();
    for (ci, c) in catalog.components.iter().enumerate() {
        for name in std::iter::once(&c.name).chain(&c.name_variants) {
            let key = name.to_ascii_lowercase();
            match index.iter().find(|(k, _, _)| *k == key) {
                Some((_, _, other)) if *other == ci => {}
                Some((_, _, other)) => {
                    return Err(format!(
                        "name {name} is used by both {} and {}",
                        c.name, catalog.components[*other].name
                    ));
                }
                None => index.push((key, name, ci)),
            }
        }
    }
    index.sort();
    let mut names = String::new();
    for (_, name, ci) in &index {
        let _ = writeln!(names, "    ({}, {ci}),", lit(name));
    }

    // Names real files use that are deliberately not catalog entries.
    let mut rejected = String::new();
    for r in &catalog.rejected {
        let _ = writeln!(
            rejected,
            "    Rejection {{ component: {}, path: {}, reason: {}, seen_in: {}, undocumented: {} }},",
            lit(&r.component),
            opt_str(r.path.as_deref()),
            lit(&r.reason),
            opt_str(r.seen_in.as_deref()),
            r.undocumented
        );
    }

    let mut out = header(
        "the catalog's components and settings",
        &catalog_sources(catalog),
    );
    out.push_str("//! Components, settings and the name index (see `crate::catalog`).\n\n");
    out.push_str(
        "use crate::catalog::{Change, ComponentInfo, LengthUnit, PassSet, Rejection, SettingInfo, SettingKind, Status, ValueType, WinFacts, XmlForm};\n",
    );
    out.push_str("use crate::model::Pass;\n\n");
    let _ = write!(
        out,
        "/// Every component, sorted by name ignoring ASCII case.\n\
         pub(crate) static COMPONENTS: &[ComponentInfo] = &[\n{components}];\n\n\
         /// Every setting; each component owns a contiguous range, in catalog order.\n\
         pub(crate) static SETTINGS: &[SettingInfo] = &[\n{settings}];\n\n\
         /// Component names and name variants, sorted by their ASCII-lowercase form,\n\
         /// with the index of their component in `COMPONENTS`.\n\
         pub(crate) static NAME_INDEX: &[(&str, u16)] = &[\n{names}];\n\n\
         /// Names real files use that are deliberately not catalog entries\n\
         /// (`rejected` in {SUPPLEMENT_FILE}).\n\
         pub(crate) static REJECTED: &[Rejection] = &[\n{rejected}];\n"
    );
    Ok(out)
}

fn curated_note<'a>(
    catalog: &'a Catalog,
    c: &Component,
    path: &str,
    used: &mut [bool],
) -> Option<&'a str> {
    let mut found = None;
    for (i, n) in catalog.curated_notes.iter().enumerate() {
        if n.path == path && is_named(c, &n.component) {
            used[i] = true;
            found = Some(n.note.as_str());
        }
    }
    found
}

#[allow(clippy::too_many_arguments)]
fn setting(
    catalog: &Catalog,
    c: &Component,
    component: u16,
    s: &Setting,
    xml_path: &str,
    children: &[u16],
    idx: &dyn Fn(&str) -> Result<u16, String>,
    notes_used: &mut [bool],
) -> Result<String, String> {
    let what = format!("{}/{}", c.name, s.path);
    let mut f = Fields::default();
    f.put("name", lit(s.path.rsplit('/').next().unwrap_or(&s.path)));
    f.put("element_name", lit(s.element_name()));
    f.put("path", lit(&s.path));
    f.put("xml_path", lit(xml_path));
    let kind = match s.kind.as_str() {
        "container" => "SettingKind::Container",
        "list" => "SettingKind::List",
        "list_item" => "SettingKind::ListItem",
        "value" => "SettingKind::Value",
        other => return Err(format!("{what}: unknown kind {other}")),
    };
    f.put("kind", kind);
    if let Some(t) = &s.value_type {
        let t = match t.as_str() {
            "boolean" => "ValueType::Boolean",
            "integer" => "ValueType::Integer",
            "string" => "ValueType::String",
            "enum" => "ValueType::Enum",
            other => return Err(format!("{what}: unknown type {other}")),
        };
        f.put("value_type", format!("Some({t})"));
    }
    f.opt("type_src", s.type_src.as_deref());
    f.opt("type_declared", s.type_declared.as_deref());
    f.list("values", &s.values);
    f.list("special_values", &s.special_values);
    if !s.labels.is_empty() {
        // In the order of `values`, then any others.
        let mut labels: Vec<(&String, &String)> = s
            .values
            .iter()
            .filter_map(|v| s.labels.get_key_value(v))
            .collect();
        for (k, v) in &s.labels {
            if !s.values.contains(k) {
                labels.push((k, v));
            }
        }
        let parts: Vec<String> = labels
            .iter()
            .map(|(k, v)| format!("({}, {})", lit(k), lit(v)))
            .collect();
        f.put("labels", format!("&[{}]", parts.join(", ")));
    }
    if let Some([min, max]) = s.range {
        if min > max {
            return Err(format!("{what}: range [{min}, {max}] is empty"));
        }
        f.put("range", format!("Some(({min}, {max}))"));
    }
    if let Some(n) = s.max_length {
        f.put("max_length", format!("Some({n})"));
    }
    if let Some(n) = s.min_length {
        f.put("min_length", format!("Some({n})"));
    }
    match s.length_unit.as_deref() {
        None | Some("characters") => {}
        Some("bytes") => f.put("length_unit", "LengthUnit::Bytes"),
        Some(other) => return Err(format!("{what}: unknown length unit {other}")),
    }
    if let Some(b) = s.empty_ok {
        f.put("empty_ok", format!("Some({b})"));
    }
    f.opt("unit", s.unit.as_deref());
    f.opt("default", s.default.as_deref());
    f.list("default_conditional", &s.default_conditional);
    if !s.passes.is_empty() {
        f.put("passes", pass_set(&s.passes)?);
    }
    f.opt("passes_src", s.passes_src.as_deref());
    f.opt("pass_note", s.pass_note.as_deref());
    if let Some(st) = &s.status {
        f.put("status", format!("Some({})", status(st)?));
    }
    f.opt("status_src", s.status_src.as_deref());
    if let Some(w) = &s.win
        && *w != Win::default()
    {
        f.put("win", win_facts(w));
    }
    f.opt("example", s.example.as_deref());
    f.opt("item", s.item.as_deref());
    f.opt("key", s.key.as_deref());
    f.opt("key_src", s.key_src.as_deref());
    f.opt("list_src", s.list_src.as_deref());
    f.list("repeating", &s.repeating);
    match s.xml_form.as_deref() {
        None => {}
        Some("attribute wcm:keyValue of parent") => {
            f.put("xml_form", "Some(XmlForm::KeyAttribute)")
        }
        Some("text content of parent") => f.put("xml_form", "Some(XmlForm::TextContent)"),
        Some(other) => return Err(format!("{what}: unknown xml_form {other:?}")),
    }
    f.list("notes", &s.notes);
    f.opt("summary", s.summary.as_deref());
    f.opt("file", s.file.as_deref());
    f.opt("source", s.source.as_deref());
    let note = curated_note(catalog, c, &s.path, notes_used);
    f.opt("curated_note", note);
    let setting_changes: Vec<&ChangelogEntry> = catalog
        .changelog
        .iter()
        .filter(|e| e.path.as_deref() == Some(s.path.as_str()) && is_named(c, &e.component))
        .collect();
    if !setting_changes.is_empty() {
        f.put("changes", changes(&setting_changes));
    }
    f.put("component", component.to_string());
    if let Some(p) = s.parent_path() {
        f.put("parent", format!("Some({})", idx(p)?));
    }
    if !children.is_empty() {
        f.put("children", u16_slice(children));
    }
    Ok(format!("SettingInfo {{ {}..SettingInfo::BLANK }}", f.0))
}

// ------------------------------------------------------------ windows data

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct IdName {
    id: String,
    display_name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserLocale {
    #[serde(rename = "Id")]
    id: String,
    #[serde(rename = "DisplayName")]
    display_name: String,
    #[serde(rename = "LCID")]
    lcid: String,
    #[serde(rename = "KeyboardLayout")]
    keyboard_layout: Option<String>,
    #[serde(rename = "GeoLocation")]
    geo_location: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
struct KeyboardIdentifier {
    id: String,
    display_name: String,
    #[serde(rename = "Type")]
    kind: String,
}

fn read_list<T: serde::de::DeserializeOwned>(root: &Path, file: &str) -> Result<Vec<T>, String> {
    let path = format!("{WINDOWS_DATA_DIR}/{file}");
    let text = std::fs::read_to_string(root.join(&path)).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

/// Fails on an identifier listed twice (ignoring ASCII case when `ci`).
fn unique<'a>(file: &str, ids: impl Iterator<Item = &'a str>, ci: bool) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        let key = if ci {
            id.to_ascii_lowercase()
        } else {
            id.to_string()
        };
        if !seen.insert(key) {
            return Err(format!("{WINDOWS_DATA_DIR}/{file}: {id} is listed twice"));
        }
    }
    Ok(())
}

fn windows_data(root: &Path) -> Result<String, String> {
    let time_zones: Vec<IdName> = read_list(root, "TimeOffset.json")?;
    let locales: Vec<UserLocale> = read_list(root, "UserLocale.json")?;
    let keyboards: Vec<KeyboardIdentifier> = read_list(root, "KeyboardIdentifier.json")?;
    let geo_ids: Vec<IdName> = read_list(root, "GeoId.json")?;
    let languages: Vec<IdName> = read_list(root, "ImageLanguage.json")?;
    unique(
        "TimeOffset.json",
        time_zones.iter().map(|t| t.id.as_str()),
        true,
    )?;
    unique(
        "UserLocale.json",
        locales.iter().map(|t| t.id.as_str()),
        true,
    )?;
    unique(
        "KeyboardIdentifier.json",
        keyboards.iter().map(|t| t.id.as_str()),
        true,
    )?;
    unique("GeoId.json", geo_ids.iter().map(|t| t.id.as_str()), false)?;
    unique(
        "ImageLanguage.json",
        languages.iter().map(|t| t.id.as_str()),
        true,
    )?;

    let mut out = header(
        "Windows identifier lists (time zones, locales, keyboards, GeoIDs, image languages)",
        &format!(
            "{WINDOWS_DATA_DIR}/{{TimeOffset,UserLocale,KeyboardIdentifier,GeoId,ImageLanguage}}.json"
        ),
    );
    out.push_str(
        "//! Facts taken from the MIT-licensed cschneegans/unattend-generator (folder `resource/`);\n\
         //! the license notice is in crates/unattend/catalog/windows-data/LICENSE-MIT.txt\n\
         //! and must stay with any copy of this data.\n\n\
         use crate::catalog::windows::{GeoLocation, ImageLanguage, Keyboard, KeyboardKind, Locale, TimeZone};\n\n",
    );

    out.push_str("/// `TimeOffset.json`, in its order (by UTC offset).\npub(crate) static TIME_ZONES: &[TimeZone] = &[\n");
    for t in &time_zones {
        let _ = writeln!(
            out,
            "    TimeZone {{ id: {}, display_name: {} }},",
            lit(&t.id),
            lit(&t.display_name)
        );
    }
    out.push_str(
        "];\n\n/// `UserLocale.json`, in its order.\npub(crate) static LOCALES: &[Locale] = &[\n",
    );
    for l in &locales {
        let geo = match &l.geo_location {
            Some(g) => format!(
                "Some({})",
                g.parse::<u32>()
                    .map_err(|e| format!("UserLocale.json: {}: GeoLocation {g}: {e}", l.id))?
            ),
            None => "None".to_string(),
        };
        let _ = writeln!(
            out,
            "    Locale {{ tag: {}, display_name: {}, lcid: {}, keyboard_layout: {}, geo_id: {geo} }},",
            lit(&l.id),
            lit(&l.display_name),
            lit(&l.lcid),
            opt_str(l.keyboard_layout.as_deref())
        );
    }
    out.push_str("];\n\n/// `KeyboardIdentifier.json`, in its order.\npub(crate) static KEYBOARDS: &[Keyboard] = &[\n");
    for k in &keyboards {
        let kind = match k.kind.as_str() {
            "Keyboard" => "KeyboardKind::Layout",
            "IME" => "KeyboardKind::Ime",
            other => {
                return Err(format!(
                    "KeyboardIdentifier.json: {}: unknown type {other}",
                    k.id
                ));
            }
        };
        let _ = writeln!(
            out,
            "    Keyboard {{ id: {}, display_name: {}, kind: {kind} }},",
            lit(&k.id),
            lit(&k.display_name)
        );
    }
    out.push_str(
        "];\n\n/// `GeoId.json`, in its order.\npub(crate) static GEO_IDS: &[GeoLocation] = &[\n",
    );
    for g in &geo_ids {
        let id: u32 =
            g.id.parse()
                .map_err(|e| format!("GeoId.json: {}: {e}", g.id))?;
        let _ = writeln!(
            out,
            "    GeoLocation {{ id: {id}, display_name: {} }},",
            lit(&g.display_name)
        );
    }
    out.push_str("];\n\n/// `ImageLanguage.json`, in its order.\npub(crate) static IMAGE_LANGUAGES: &[ImageLanguage] = &[\n");
    for l in &languages {
        let _ = writeln!(
            out,
            "    ImageLanguage {{ tag: {}, display_name: {} }},",
            lit(&l.id),
            lit(&l.display_name)
        );
    }
    out.push_str("];\n");
    // Case-insensitive lookups binary-search these instead of scanning the
    // lists (the linter looks up every locale, keyboard and time zone value).
    for (name, list, keys) in [
        (
            "TIME_ZONE_INDEX",
            "TIME_ZONES",
            time_zones.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ),
        (
            "LOCALE_INDEX",
            "LOCALES",
            locales.iter().map(|l| l.id.as_str()).collect(),
        ),
        (
            "KEYBOARD_INDEX",
            "KEYBOARDS",
            keyboards.iter().map(|k| k.id.as_str()).collect(),
        ),
        (
            "IMAGE_LANGUAGE_INDEX",
            "IMAGE_LANGUAGES",
            languages.iter().map(|l| l.id.as_str()).collect(),
        ),
    ] {
        let mut order: Vec<usize> = (0..keys.len()).collect();
        // Stable: among keys equal ignoring case, the first listed comes first.
        order.sort_by_key(|&i| keys[i].to_ascii_lowercase());
        let _ = write!(
            out,
            "\n/// Positions in `{list}`, sorted by identifier ignoring ASCII case.\npub(crate) static {name}: &[u16] = &[\n"
        );
        for chunk in order.chunks(16) {
            let line: Vec<String> = chunk.iter().map(|i| i.to_string()).collect();
            let _ = writeln!(out, "    {},", line.join(", "));
        }
        out.push_str("];\n");
    }
    Ok(out)
}
