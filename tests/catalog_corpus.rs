//! Every name the public corpus uses is either in the catalog or rejected on
//! purpose: each component name, and each element path below a component,
//! that the catalog does not know must be listed in `rejected` of
//! `crates/unattend/catalog/supplement.json` (or be added to the supplement).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use serde_json::Value;
use unattend::catalog::{self, SettingKind};
use unattend::document::{Document, ElementRef, UNATTEND_NS};
use unattend_e2e::{corpus_files, workspace_root};

/// A name the catalog does not know: a component (`path` `None`) or an
/// element path below a known component (documented names, then the element
/// as written).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Unknown {
    component: String,
    path: Option<String>,
}

impl std::fmt::Display for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}/{p}", self.component),
            None => write!(f, "component {}", self.component),
        }
    }
}

/// What the corpus uses: unknown names with the files using them, and the
/// supplement entries (additions and fix-ups) the corpus relies on.
#[derive(Default)]
struct Scan {
    files: usize,
    unknown: BTreeMap<Unknown, Vec<String>>,
    supplement_used: BTreeMap<String, (usize, &'static str)>,
}

fn walk(
    el: ElementRef<'_>,
    parent: Option<&'static catalog::SettingInfo>,
    component: &'static catalog::ComponentInfo,
    file: &str,
    scan: &mut Scan,
) {
    for child in el.child_elements() {
        let name = child.local_name();
        let info = match parent {
            Some(p) => p.child(name),
            None => component.child(name),
        };
        let Some(info) = info else {
            let path = match parent {
                Some(p) => format!("{}/{name}", p.path),
                None => name.to_string(),
            };
            scan.unknown
                .entry(Unknown {
                    component: component.name.to_string(),
                    path: Some(path),
                })
                .or_default()
                .push(file.to_string());
            continue;
        };
        if info.source.is_some() {
            scan.supplement_used
                .entry(format!("{}/{}", component.name, info.path))
                .or_insert((0, info.source.unwrap_or_default()))
                .0 += 1;
        }
        // The content of a value is not looked at (and not a name).
        if info.kind != SettingKind::Value {
            walk(child, Some(info), component, file, scan);
        }
    }
}

fn scan_corpus() -> Scan {
    let mut scan = Scan::default();
    for f in corpus_files().iter().filter(|f| !f.malformed()) {
        let doc = Document::parse(&f.bytes()).unwrap_or_else(|e| panic!("{}: {e}", f.name));
        let root = doc.root();
        if !root.is(UNATTEND_NS, "unattend") {
            continue;
        }
        scan.files += 1;
        let components: Vec<ElementRef<'_>> = root
            .child_elements()
            .filter(|s| s.local_name() == "settings")
            .flat_map(|s| s.child_elements().collect::<Vec<_>>())
            .filter(|c| c.local_name() == "component")
            .collect();
        for el in components {
            let name = el.attribute_value("name").unwrap_or_default();
            let Some(component) = catalog::component(&name) else {
                scan.unknown
                    .entry(Unknown {
                        component: name.into_owned(),
                        path: None,
                    })
                    .or_default()
                    .push(f.name.clone());
                continue;
            };
            if let Some(source) = component.source {
                scan.supplement_used
                    .entry(format!("component {}", component.name))
                    .or_insert((0, source))
                    .0 += 1;
            }
            // Nothing below it is documented: every element would be unknown.
            if !component.settings_documented {
                continue;
            }
            walk(el, None, component, &f.name, &mut scan);
        }
    }
    scan
}

/// `rejected` of supplement.json, read as a user of the file would.
fn rejected_entries() -> Vec<Value> {
    let path = workspace_root().join("crates/unattend/catalog/supplement.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let supplement: Value = serde_json::from_str(&text).unwrap();
    supplement["rejected"].as_array().unwrap().clone()
}

fn decides(entry: &Value, unknown: &Unknown) -> bool {
    let component = entry["component"].as_str().unwrap();
    let path = entry["path"].as_str();
    component.eq_ignore_ascii_case(&unknown.component)
        && match (path, &unknown.path) {
            (None, None) => true,
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        }
}

/// The unknown names no rejection decides.
fn undecided<'a>(scan: &'a Scan, rejected: &[Value]) -> Vec<&'a Unknown> {
    scan.unknown
        .keys()
        .filter(|u| !rejected.iter().any(|r| decides(r, u)))
        .collect()
}

#[test]
fn every_unknown_corpus_name_has_a_decision() {
    let scan = scan_corpus();
    if scan.files == 0 {
        return; // corpus absent: notice printed by corpus_files()
    }
    let rejected = rejected_entries();
    // The generated table carries the same decisions.
    assert_eq!(catalog::rejected().len(), rejected.len());
    for r in &rejected {
        let component = r["component"].as_str().unwrap();
        assert!(
            catalog::rejection(component, r["path"].as_str()).is_some(),
            "{r}"
        );
    }

    let missing = undecided(&scan, &rejected);
    assert!(
        missing.is_empty(),
        "names the public corpus uses that are neither in the catalog nor rejected in supplement.json \
         (add each to the supplement with its source, or to `rejected` with a reason):\n{}",
        missing
            .iter()
            .map(|u| format!("  {u} (in {})", scan.unknown[u].join(", ")))
            .collect::<Vec<_>>()
            .join("\n")
    );

    let mut report = format!(
        "catalog over the public corpus: {} answer files; decisions relied on:\n",
        scan.files
    );
    for (u, files) in &scan.unknown {
        let r = rejected.iter().find(|r| decides(r, u)).unwrap();
        report += &format!(
            "  rejected {u} ({} file{}): {}\n",
            files.len(),
            if files.len() == 1 { "" } else { "s" },
            r["reason"].as_str().unwrap_or_default()
        );
    }
    for (entry, (uses, source)) in &scan.supplement_used {
        report += &format!(
            "  known {entry} ({uses} use{}): {source}\n",
            if *uses == 1 { "" } else { "s" }
        );
    }
    eprint!("{report}");
}

/// The assertion above is real: without any one of the rejections the
/// corpus relies on, the check finds an undecided name.
#[test]
fn removing_a_relied_on_rejection_is_caught() {
    let scan = scan_corpus();
    if scan.files == 0 {
        return;
    }
    let rejected = rejected_entries();
    let relied_on: Vec<usize> = (0..rejected.len())
        .filter(|&i| scan.unknown.keys().any(|u| decides(&rejected[i], u)))
        .collect();
    assert!(
        !relied_on.is_empty(),
        "the corpus relies on no rejection: nothing to check"
    );
    for i in relied_on {
        let mut copy = rejected.clone();
        let removed = copy.remove(i);
        let missing = undecided(&scan, &copy);
        assert!(
            missing.iter().any(|u| decides(&removed, u)),
            "without {removed} the check still passes"
        );
    }
}
