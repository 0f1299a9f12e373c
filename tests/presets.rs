//! Presets: every preset builds, lints clean with its sysprep command, and
//! the files under `examples/` are what the presets produce today.
//!
//! `UNATTEND_UPDATE_EXAMPLES=1 cargo test --test presets` rewrites
//! `examples/answer-files/<preset>.xml` and `examples/specs/<preset>.yaml`;
//! without it, a stale file fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use unattend::document::Document;
use unattend::lint::{ResolvedConfig, Severity, lint_document};
use unattend::model::Unattend;
use unattend::presets::{Edition, GenericKey, ImageSelector, Preset, PresetOptions, ProductKey};
use unattend_e2e::workspace_root;

/// Answer files under examples/answer-files that no preset generates.
const HAND_WRITTEN: &[&str] = &["sysprep-generalize-oobe.xml"];

fn updating() -> bool {
    std::env::var_os("UNATTEND_UPDATE_EXAMPLES").is_some_and(|v| !v.is_empty() && v != "0")
}

fn answer_file(p: Preset) -> PathBuf {
    workspace_root()
        .join("examples")
        .join("answer-files")
        .join(format!("{}.xml", p.name()))
}

fn spec_file(p: Preset) -> PathBuf {
    workspace_root()
        .join("examples")
        .join("specs")
        .join(format!("{}.yaml", p.name()))
}

/// The spec `unattend new --preset NAME -o NAME.yaml` writes.
fn spec_of(xml: &str) -> String {
    unattend::spec::write(
        &Unattend::parse(xml.as_bytes()).unwrap(),
        unattend::spec::Format::Yaml,
        &unattend::spec::WriteSpecOptions::default(),
    )
}

/// Compares (or, when updating, rewrites) one generated file; returns a
/// problem description when it is stale.
fn check_current(path: &Path, expected: &str) -> Option<String> {
    let actual = std::fs::read_to_string(path).ok();
    if actual.as_deref() == Some(expected) {
        return None;
    }
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, expected).unwrap();
        eprintln!("updated {}", path.display());
        return None;
    }
    Some(format!(
        "{} is {}",
        path.strip_prefix(workspace_root())
            .unwrap_or(path)
            .display(),
        if actual.is_some() { "stale" } else { "missing" }
    ))
}

/// Every preset × edition, with and without a password, lints clean at
/// `--fail-level warning` with the command it prints.
#[test]
fn every_preset_lints_clean_with_its_sysprep_command() {
    let matrix = Preset::all().iter().flat_map(|p| {
        Edition::ALL.into_iter().flat_map(move |edition| {
            [None, Some("Correct-Horse-9".to_string())]
                .into_iter()
                .map(move |password| {
                    (
                        *p,
                        PresetOptions {
                            edition: Some(edition),
                            password,
                            ..PresetOptions::default()
                        },
                    )
                })
        })
    });
    for (p, options) in matrix {
        let xml = p.to_xml(&options);
        let doc = Document::parse_str(&xml).unwrap();
        let config = match p.sysprep_command(&options, p.file_name()) {
            Some(cmd) => {
                assert_eq!(cmd.validate(), Ok(()), "{p}: {cmd}");
                ResolvedConfig::default().with_sysprep(&cmd.to_string())
            }
            None => {
                assert!(p.is_media(), "{p} has no sysprep command");
                ResolvedConfig::default()
            }
        };
        let findings: Vec<String> = lint_document(&doc, &config)
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| {
                format!(
                    "{}:{} {} {}",
                    d.start.line, d.start.column, d.code, d.message
                )
            })
            .collect();
        assert!(findings.is_empty(), "{p} {options:?}: {findings:#?}");
        // The typed model survives the trip through its own XML.
        assert_eq!(
            Unattend::parse(xml.as_bytes()).unwrap(),
            p.build(&options),
            "{p}"
        );
    }
}

#[test]
fn presets_lint_clean_with_other_options_too() {
    let options = PresetOptions {
        arch: unattend::model::Arch::Arm64,
        ui_language: "de-DE".into(),
        system_locale: "de-DE".into(),
        user_locale: "de-DE".into(),
        input_locale: "0407:00000407".into(),
        time_zone: "W. Europe Standard Time".into(),
        computer_name: "WS-042".into(),
        user: "operator".into(),
        password: Some("Correct-Horse-9".into()),
        image: Some(ImageSelector::Index(3)),
        product_key: Some(ProductKey::Generic(GenericKey::Enterprise)),
        copy_profile: true,
        audit_autologon: true,
        disk_id: 1,
        ..PresetOptions::default()
    };
    for p in Preset::all() {
        let doc = Document::parse_str(&p.to_xml(&options)).unwrap();
        assert!(!options.user.is_empty());
        let config = match p.sysprep_command(&options, p.file_name()) {
            Some(cmd) => ResolvedConfig::default().with_sysprep(&cmd.to_string()),
            None => ResolvedConfig::default(),
        };
        let findings: Vec<String> = lint_document(&doc, &config)
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(findings.is_empty(), "{p}: {findings:#?}");
    }
}

#[test]
fn example_answer_files_and_specs_are_current() {
    let mut stale = Vec::new();
    for p in Preset::all() {
        let xml = p.to_xml(&PresetOptions::default());
        stale.extend(check_current(&answer_file(*p), &xml));
        stale.extend(check_current(&spec_file(*p), &spec_of(&xml)));
    }
    assert!(
        stale.is_empty(),
        "{}\nregenerate with: UNATTEND_UPDATE_EXAMPLES=1 cargo test --test presets",
        stale.join("\n")
    );

    // Nothing else lives in those folders unnoticed.
    let names = |dir: &str, ext: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(workspace_root().join("examples").join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(ext))
            .collect();
        v.sort();
        v
    };
    for name in names("answer-files", ".xml") {
        let known = HAND_WRITTEN.contains(&name.as_str())
            || Preset::all()
                .iter()
                .any(|p| name == format!("{}.xml", p.name()));
        assert!(known, "examples/answer-files/{name} belongs to no preset");
    }
    for name in names("specs", ".yaml") {
        let known = Preset::all()
            .iter()
            .any(|p| name == format!("{}.yaml", p.name()));
        assert!(known, "examples/specs/{name} belongs to no preset");
    }
}

#[test]
fn example_specs_build_the_preset() {
    for p in Preset::all() {
        let Ok(text) = std::fs::read_to_string(spec_file(*p)) else {
            continue; // reported by example_answer_files_and_specs_are_current
        };
        let built = unattend::spec::read(
            &text,
            unattend::spec::Format::Yaml,
            &unattend::spec::ReadOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{p}: {e:#?}"));
        let preset = p.build(&PresetOptions::default());
        assert_eq!(
            built.unattend(),
            Unattend::from_element(&preset.to_element()),
            "{p}"
        );
    }
}

#[test]
fn every_preset_has_a_rust_example() {
    let manifest = std::fs::read_to_string(workspace_root().join("Cargo.toml")).unwrap();
    for p in Preset::all() {
        let name = p.name().replace('-', "_");
        assert!(
            workspace_root()
                .join("examples")
                .join(format!("{name}.rs"))
                .is_file(),
            "examples/{name}.rs is missing"
        );
        assert!(
            manifest.contains(&format!("name = \"{name}\"")),
            "examples/{name}.rs is not registered as an [[example]] in Cargo.toml"
        );
    }
}

/// One setting a preset writes: preset, pass, component, path of the leaf
/// element below the component (`UserAccounts/AdministratorPassword/Value`).
type Written = (String, String, String, String);

/// Every setting the presets write, over editions, with and without a
/// password, and with every option that adds settings switched off and on.
fn written_settings() -> std::collections::BTreeSet<Written> {
    let mut out = std::collections::BTreeSet::new();
    for p in Preset::all() {
        for edition in Edition::ALL {
            for password in [None, Some("pw-Example-1".to_string())] {
                for everything in [false, true] {
                    let mut options = PresetOptions {
                        edition: Some(edition),
                        password: password.clone(),
                        ..PresetOptions::default()
                    };
                    if everything {
                        options.copy_profile = true;
                        options.audit_autologon = true;
                        options.product_key = Some(ProductKey::Generic(GenericKey::Enterprise));
                        options.image = Some(ImageSelector::Name("Windows 11 Enterprise".into()));
                        options.persist_drivers = Some(true);
                        options.computer_name = "WS-042".into();
                    }
                    let doc = Document::parse_str(&p.to_xml(&options)).unwrap();
                    for el in doc.elements() {
                        if el.child_elements().next().is_some() {
                            continue;
                        }
                        // Walk up to the component, collecting the path.
                        let mut path = vec![el.local_name().to_string()];
                        let mut up = el.parent();
                        while let Some(a) = up {
                            if a.local_name() == "component" {
                                break;
                            }
                            path.push(a.local_name().to_string());
                            up = a.parent();
                        }
                        let Some(component) = up else { continue };
                        let pass = component
                            .parent()
                            .and_then(|s| s.attribute_value("pass"))
                            .unwrap_or_default()
                            .to_string();
                        path.reverse();
                        out.insert((
                            p.name().to_string(),
                            pass,
                            component
                                .attribute_value("name")
                                .unwrap_or_default()
                                .to_string(),
                            path.join("/"),
                        ));
                    }
                }
            }
        }
    }
    out
}

/// The rows of the sources table in docs/presets.md, expanded to one entry
/// per preset (`all`, `sysprep` and `media` name groups of presets).
fn table_rows() -> std::collections::BTreeSet<Written> {
    let text = std::fs::read_to_string(workspace_root().join("docs/presets.md")).unwrap();
    let mut rows = std::collections::BTreeSet::new();
    for line in text.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().trim_matches('`'))
            .collect();
        if cells.len() < 7 || cells[0] == "presets" || cells[0].starts_with("---") {
            continue;
        }
        let presets: Vec<&str> = cells[0]
            .split(',')
            .map(str::trim)
            .flat_map(|group| -> Vec<&str> {
                match group {
                    "all" => Preset::names(),
                    "sysprep" => Preset::all()
                        .iter()
                        .filter(|p| !p.is_media())
                        .map(|p| p.name())
                        .collect(),
                    "media" => Preset::all()
                        .iter()
                        .filter(|p| p.is_media())
                        .map(|p| p.name())
                        .collect(),
                    name => vec![name],
                }
            })
            .collect();
        for p in presets {
            rows.insert((
                p.to_string(),
                cells[1].to_string(),
                cells[2].to_string(),
                cells[3].to_string(),
            ));
        }
    }
    rows
}

/// docs/presets.md lists every setting every preset writes (why, and its
/// source), and nothing the presets do not write.
#[test]
fn every_written_setting_is_in_the_sources_table() {
    let written = written_settings();
    let table = table_rows();
    let missing: Vec<String> = written
        .difference(&table)
        .map(|(p, pass, c, s)| format!("| {p} | {pass} | {c} | {s} |"))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/presets.md lacks rows for:\n{}",
        missing.join("\n")
    );
    let unused: Vec<String> = table
        .difference(&written)
        .map(|(p, pass, c, s)| format!("| {p} | {pass} | {c} | {s} |"))
        .collect();
    assert!(
        unused.is_empty(),
        "docs/presets.md lists settings no preset writes:\n{}",
        unused.join("\n")
    );
}
