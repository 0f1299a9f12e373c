//! The catalog data as the generator reads it: Microsoft's reference facts
//! (`unattend-catalog.json`) merged with the project's supplement.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Deserialize;

/// Windows-version facts of a component or setting.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Win {
    pub introduced: Option<String>,
    pub deprecated_in: Option<String>,
    pub removed_in: Option<String>,
    #[serde(default)]
    pub editions: Vec<String>,
    pub only: Option<String>,
    pub nano_server: Option<String>,
    pub server_core: Option<String>,
    #[serde(default)]
    pub server_only: bool,
    pub s_mode: Option<String>,
    pub firmware: Option<String>,
    pub requires: Option<String>,
}

/// One setting (element) below a component.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    pub path: String,
    pub kind: String,
    #[serde(rename = "type")]
    pub value_type: Option<String>,
    pub type_src: Option<String>,
    pub type_declared: Option<String>,
    #[serde(default)]
    pub values: Vec<String>,
    #[serde(default)]
    pub special_values: Vec<String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    pub range: Option<[i64; 2]>,
    pub max_length: Option<u32>,
    pub min_length: Option<u32>,
    pub length_unit: Option<String>,
    pub empty_ok: Option<bool>,
    pub default: Option<String>,
    #[serde(default)]
    pub default_conditional: Vec<String>,
    #[serde(default)]
    pub passes: Vec<String>,
    pub passes_src: Option<String>,
    pub pass_note: Option<String>,
    pub status: Option<String>,
    pub status_src: Option<String>,
    pub win: Option<Win>,
    pub example: Option<String>,
    pub xml_name: Option<String>,
    pub item: Option<String>,
    #[serde(default)]
    pub children: Vec<String>,
    #[serde(default)]
    pub repeating: Vec<String>,
    pub key: Option<String>,
    pub key_src: Option<String>,
    pub list_src: Option<String>,
    pub xml_form: Option<String>,
    pub unit: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    pub summary: Option<String>,
    /// The documentation page (file name in the reference folder).
    pub file: Option<String>,
    /// Supplement only: where the fact comes from.
    pub source: Option<String>,
    /// Supplement only: the component the setting belongs to.
    pub component: Option<String>,
}

impl Setting {
    /// The element name as written in XML (last path segment, with the
    /// exact casing of the documentation's XML example when it differs).
    pub fn element_name(&self) -> &str {
        self.xml_name
            .as_deref()
            .unwrap_or_else(|| self.path.rsplit('/').next().unwrap_or(&self.path))
    }

    /// The parent path, `None` at the top of the component.
    pub fn parent_path(&self) -> Option<&str> {
        self.path.rsplit_once('/').map(|(p, _)| p)
    }

    /// True for the Key/Value pseudo-settings of keyed items, which are not
    /// child elements (the key is `wcm:keyValue`, the value the item's text).
    pub fn is_pseudo(&self) -> bool {
        self.xml_form.is_some()
    }
}

/// One component.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub name: String,
    pub file: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub passes: Vec<String>,
    pub page_date: Option<String>,
    #[serde(default)]
    pub settings: Vec<Setting>,
    pub win: Option<Win>,
    #[serde(default)]
    pub name_variants: Vec<String>,
    pub status: Option<String>,
    pub status_src: Option<String>,
    pub replacement: Option<String>,
    /// False for components known to exist whose settings no reference here documents.
    #[serde(default = "yes")]
    pub settings_documented: bool,
    /// Supplement only: where the facts come from.
    pub source: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
struct RemovedComponent {
    name: String,
    status: String,
    replacement: Option<String>,
}

#[derive(Debug, Deserialize)]
struct CatalogFile {
    source: serde_json::Value,
    passes_order: Vec<String>,
    components: Vec<Component>,
    removed_components: Vec<RemovedComponent>,
    #[serde(default)]
    curated_notes: Vec<CuratedNote>,
    #[serde(default)]
    changelog: Vec<ChangelogEntry>,
}

/// A hand-checked observation about a component (`path` empty) or setting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedNote {
    pub component: String,
    pub path: String,
    pub note: String,
}

/// One entry of the reference's "Changed answer file settings" pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangelogEntry {
    pub release: String,
    pub change: String,
    pub component: String,
    /// Absent: the entry is about the component.
    pub path: Option<String>,
    /// False: the setting has no page in the snapshot.
    #[allow(dead_code)]
    pub in_docs: Option<bool>,
    pub scope: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixup {
    component: String,
    rename: String,
    source: String,
}

/// A fact of the reference that is wrong, replaced by the right one. The old
/// value must still be there: once upstream data changes, the correction is
/// stale and generation fails until someone looks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Correction {
    component: String,
    path: String,
    field: String,
    from: serde_json::Value,
    /// The new value; `null` removes the field.
    to: serde_json::Value,
    source: String,
}

impl Correction {
    fn apply(&self, catalog: &mut serde_json::Value) -> Result<(), String> {
        let what = format!("{}/{} {}", self.component, self.path, self.field);
        let setting = catalog["components"]
            .as_array_mut()
            .and_then(|cs| cs.iter_mut().find(|c| c["name"] == self.component.as_str()))
            .and_then(|c| c["settings"].as_array_mut())
            .and_then(|ss| ss.iter_mut().find(|x| x["path"] == self.path.as_str()))
            .and_then(|x| x.as_object_mut())
            .ok_or_else(|| format!("stale correction in {SUPPLEMENT_FILE}: no setting {what}"))?;
        let current = setting
            .get(&self.field)
            .cloned()
            .unwrap_or(serde_json::Value::Null);
        if current != self.from {
            return Err(format!(
                "stale correction in {SUPPLEMENT_FILE}: {what} is {current}, not {} ({})",
                self.from, self.source
            ));
        }
        if self.to.is_null() {
            setting.remove(&self.field);
        } else {
            setting.insert(self.field.clone(), self.to.clone());
        }
        Ok(())
    }
}

/// A name real files use that is deliberately not a catalog entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    pub component: String,
    pub path: Option<String>,
    pub reason: String,
    pub seen_in: Option<String>,
    /// True when no reference documents the name but none says it is wrong
    /// either: linters report it as a warning, not an error.
    #[serde(default)]
    pub undocumented: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Supplement {
    #[allow(dead_code)]
    about: String,
    fixups: Vec<Fixup>,
    #[serde(default)]
    corrections: Vec<Correction>,
    components: Vec<Component>,
    settings: Vec<Setting>,
    rejected: Vec<Rejected>,
}

/// The merged catalog.
#[derive(Debug)]
pub struct Catalog {
    /// Where Microsoft's facts come from (commit, date), for headers.
    pub source_commit: String,
    pub source_date: String,
    pub passes_order: Vec<String>,
    /// Components sorted by name (case-insensitive), settings in file order.
    pub components: Vec<Component>,
    pub rejected: Vec<Rejected>,
    /// Hand-checked notes (component names as in the catalog file, before fix-ups).
    pub curated_notes: Vec<CuratedNote>,
    /// The reference's change log (component names as in the catalog file).
    pub changelog: Vec<ChangelogEntry>,
}

/// The data files, relative to the workspace root.
pub const CATALOG_FILE: &str = "crates/unattend/catalog/unattend-catalog.json";
pub const SUPPLEMENT_FILE: &str = "crates/unattend/catalog/supplement.json";

fn read_json<T: serde::de::DeserializeOwned>(root: &Path, file: &str) -> Result<T, String> {
    let text = std::fs::read_to_string(root.join(file)).map_err(|e| format!("{file}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))
}

impl Catalog {
    /// Reads and merges the data; fails loudly on stale fix-ups and
    /// inconsistent entries.
    pub fn load(root: &Path) -> Result<Catalog, String> {
        let supplement: Supplement = read_json(root, SUPPLEMENT_FILE)?;
        let mut raw: serde_json::Value = read_json(root, CATALOG_FILE)?;
        for c in &supplement.corrections {
            c.apply(&mut raw)?;
        }
        let file: CatalogFile =
            serde_json::from_value(raw).map_err(|e| format!("{CATALOG_FILE}: {e}"))?;
        let mut components = file.components;

        for fix in &supplement.fixups {
            let c = components
                .iter_mut()
                .find(|c| c.name == fix.component)
                .ok_or_else(|| {
                    format!(
                        "stale fix-up in {SUPPLEMENT_FILE}: no component {:?} to rename ({})",
                        fix.component, fix.source
                    )
                })?;
            c.name_variants
                .push(std::mem::replace(&mut c.name, fix.rename.clone()));
            c.source = Some(fix.source.clone());
        }
        for removed in file.removed_components {
            if components
                .iter()
                .any(|c| c.name.eq_ignore_ascii_case(&removed.name))
            {
                return Err(format!("removed component {} also has pages", removed.name));
            }
            components.push(Component {
                name: removed.name,
                file: None,
                summary: None,
                passes: Vec::new(),
                page_date: None,
                settings: Vec::new(),
                win: None,
                name_variants: Vec::new(),
                status: Some(removed.status),
                status_src: Some("components page".to_string()),
                replacement: removed.replacement,
                settings_documented: false,
                source: Some(
                    "Listed as removed on the reference's Components page; no pages of its own."
                        .to_string(),
                ),
            });
        }
        for c in supplement.components {
            if c.source.is_none() {
                return Err(format!(
                    "{SUPPLEMENT_FILE}: component {} has no source",
                    c.name
                ));
            }
            if components
                .iter()
                .any(|x| x.name.eq_ignore_ascii_case(&c.name))
            {
                return Err(format!(
                    "stale supplement entry: component {} is in the catalog now",
                    c.name
                ));
            }
            components.push(c);
        }
        for s in supplement.settings {
            let owner = s.component.clone().unwrap_or_default();
            if s.source.is_none() {
                return Err(format!(
                    "{SUPPLEMENT_FILE}: setting {owner}/{} has no source",
                    s.path
                ));
            }
            let c = components
                .iter_mut()
                .find(|c| c.name.eq_ignore_ascii_case(&owner))
                .ok_or_else(|| {
                    format!(
                        "{SUPPLEMENT_FILE}: setting {} names unknown component {owner:?}",
                        s.path
                    )
                })?;
            if c.settings
                .iter()
                .any(|x| x.path.eq_ignore_ascii_case(&s.path))
            {
                return Err(format!(
                    "stale supplement entry: {owner}/{} is in the catalog now",
                    s.path
                ));
            }
            // Keep the parent's child list complete.
            if let Some(parent) = s.parent_path() {
                let leaf = s.element_name().to_string();
                let p = c
                    .settings
                    .iter_mut()
                    .find(|x| x.path == parent)
                    .ok_or_else(|| {
                        format!("{SUPPLEMENT_FILE}: {owner}/{}: no parent {parent}", s.path)
                    })?;
                p.children.push(leaf);
                p.children.sort();
            }
            c.settings.push(s);
        }
        for r in &supplement.rejected {
            let known = components
                .iter()
                .find(|c| c.name.eq_ignore_ascii_case(&r.component));
            let stale = match (&r.path, known) {
                (None, Some(_)) => true,
                (Some(p), Some(c)) => c.settings.iter().any(|s| s.path.eq_ignore_ascii_case(p)),
                _ => false,
            };
            if stale {
                return Err(format!(
                    "stale rejection in {SUPPLEMENT_FILE}: {}/{} is in the catalog now",
                    r.component,
                    r.path.as_deref().unwrap_or("")
                ));
            }
        }
        components.sort_by_key(|c| c.name.to_ascii_lowercase());
        let catalog = Catalog {
            source_commit: file.source["commit"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            source_date: file.source["commit_date"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            passes_order: file.passes_order,
            components,
            rejected: supplement.rejected,
            curated_notes: file.curated_notes,
            changelog: file.changelog,
        };
        catalog.validate()?;
        Ok(catalog)
    }

    /// Structural checks the generators rely on.
    fn validate(&self) -> Result<(), String> {
        let passes: HashSet<&str> = self.passes_order.iter().map(String::as_str).collect();
        for c in &self.components {
            for p in &c.passes {
                if !passes.contains(p.as_str()) {
                    return Err(format!("{}: unknown pass {p}", c.name));
                }
            }
            let mut seen = HashSet::new();
            for s in &c.settings {
                if !seen.insert(s.path.to_ascii_lowercase()) {
                    return Err(format!("{}: duplicate setting {}", c.name, s.path));
                }
                if !matches!(
                    s.kind.as_str(),
                    "container" | "list" | "list_item" | "value"
                ) {
                    return Err(format!("{}/{}: unknown kind {}", c.name, s.path, s.kind));
                }
                for p in &s.passes {
                    if !passes.contains(p.as_str()) {
                        return Err(format!("{}/{}: unknown pass {p}", c.name, s.path));
                    }
                }
                if let Some(parent) = s.parent_path()
                    && !c.settings.iter().any(|x| x.path == parent)
                {
                    return Err(format!("{}/{}: parent {parent} missing", c.name, s.path));
                }
            }
        }
        Ok(())
    }
}

impl Component {
    /// Settings directly below `parent` (`None`: the component's top level),
    /// in catalog order.
    pub fn children_of<'a>(
        &'a self,
        parent: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Setting> + 'a {
        self.settings
            .iter()
            .filter(move |s| s.parent_path() == parent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn correction(from: serde_json::Value) -> Correction {
        Correction {
            component: "C".into(),
            path: "A/B".into(),
            field: "values".into(),
            from,
            to: serde_json::json!(["x"]),
            source: "test".into(),
        }
    }

    #[test]
    fn corrections_apply_and_fail_loudly_when_stale() {
        let doc = serde_json::json!({"components": [{"name": "C", "settings": [{"path": "A/B", "values": ["y"]}]}]});
        let mut ok = doc.clone();
        correction(serde_json::json!(["y"])).apply(&mut ok).unwrap();
        assert_eq!(
            ok["components"][0]["settings"][0]["values"],
            serde_json::json!(["x"])
        );
        let err = correction(serde_json::json!(["z"]))
            .apply(&mut doc.clone())
            .unwrap_err();
        assert!(err.contains("stale correction"), "{err}");
        let mut missing = correction(serde_json::json!(["y"]));
        missing.path = "A/Gone".into();
        assert!(
            missing
                .apply(&mut doc.clone())
                .unwrap_err()
                .contains("no setting")
        );
    }

    #[test]
    fn the_project_data_loads() {
        let catalog = Catalog::load(&crate::workspace_root()).unwrap();
        assert!(catalog.components.len() >= 92);
    }
}
