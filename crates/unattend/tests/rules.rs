//! Every rule: documented (with the evidence its severity rests on, see
//! docs/severity-policy.md), and tested on a fixture that must trigger it
//! (`tests/fixtures/rules/UAnnn.fail.xml`) and a near-miss that must not
//! (`UAnnn.pass.xml`), with the rendered diagnostics of both snapshotted.
//! A rule may take configuration from `UAnnn.toml` beside its fixtures, or
//! `UAnnn.fail.toml` / `UAnnn.pass.toml` when the two need different ones.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use unattend::lint::{Config, ResolvedConfig, lint_bytes, render, rules};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// `UAnnn.fail.toml` / `UAnnn.pass.toml` when present, else `UAnnn.toml`.
fn config_for(code: &str, kind: &str) -> ResolvedConfig {
    let specific = fixtures().join(format!("{code}.{kind}.toml"));
    let path = if specific.exists() {
        specific
    } else {
        fixtures().join(format!("{code}.toml"))
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => Config::from_toml(&text, &path).unwrap().resolve(None),
        Err(_) => ResolvedConfig::default(),
    }
}

#[test]
fn every_rule_is_fully_documented() {
    let mut problems = Vec::new();
    for rule in rules() {
        let docs = rule.docs();
        for section in [
            "## What it checks",
            "## Why it matters",
            "## Example",
            "## Fix",
            "## Evidence",
            "## References",
        ] {
            if !docs.contains(section) {
                problems.push(format!("{}: no {section}", rule.code));
            }
        }
        if docs.contains("TODO") {
            problems.push(format!("{}: documentation still has TODOs", rule.code));
        }
        if rule.summary.is_empty() || rule.name.contains('_') {
            problems.push(format!("{}: bad summary or name", rule.code));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let all: Vec<_> = rules().collect();
    for (i, r) in all.iter().enumerate() {
        assert!(r.code.len() == 5 && r.code.starts_with("UA"), "{}", r.code);
        for other in &all[..i] {
            assert_ne!(r.code, other.code);
            assert_ne!(r.name, other.name);
        }
        assert_eq!(unattend::lint::rule(r.name).map(|x| x.code), Some(r.code));
        assert_eq!(
            unattend::lint::rule(&r.code.to_lowercase()).map(|x| x.code),
            Some(r.code)
        );
    }
}

#[test]
fn every_rule_fires_on_its_fixture_and_not_on_its_near_miss() {
    let mut problems = Vec::new();
    let mut rendered = Vec::new();
    for rule in rules() {
        for (kind, must_fire) in [("fail", true), ("pass", false)] {
            let config = config_for(rule.code, kind);
            let name = format!("{}.{kind}.xml", rule.code);
            let path = fixtures().join(&name);
            let Ok(bytes) = std::fs::read(&path) else {
                problems.push(format!("{}: missing fixture {name}", rule.code));
                continue;
            };
            let report = lint_bytes(&bytes, &config);
            let fired = report
                .diagnostics
                .iter()
                .filter(|d| d.code == rule.code)
                .count();
            if must_fire && fired == 0 {
                problems.push(format!("{}: {name} does not trigger it", rule.code));
            }
            if !must_fire && fired > 0 {
                problems.push(format!(
                    "{}: near-miss {name} triggers it {fired} time(s)",
                    rule.code
                ));
            }
            let text = render::full(
                &format!("tests/fixtures/rules/{name}"),
                &report.display_text(),
                &report.diagnostics,
                false,
            );
            rendered.push((format!("{}_{kind}", rule.code), text));
        }
    }
    // Behaviour first (a clear list), then the reviewed renderings.
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for (name, text) in rendered {
        insta::assert_snapshot!(name, text);
    }
}
