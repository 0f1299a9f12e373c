//! The JSON Schemas checked in under `schemas/` are generated from the Rust
//! types; this test fails when a checked-in copy is stale. Regenerate with
//! `UNATTEND_UPDATE_SCHEMAS=1 cargo test -p unattend --test schemas`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

fn check(file: &str, generated: String) {
    check_at("schemas", file, generated);
}

fn check_at(folder: &str, file: &str, generated: String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(folder)
        .join(file);
    // The checked-in schemas live in the workspace, not in the published
    // package: there is nothing to compare when testing the package alone.
    let Some(dir) = path.parent().filter(|d| d.is_dir()) else {
        eprintln!(
            "notice: {} is not here (packaged crate?); schema staleness not checked",
            path.display()
        );
        return;
    };
    let _ = dir;
    if std::env::var_os("UNATTEND_UPDATE_SCHEMAS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "{folder}/{file} is stale: run `UNATTEND_UPDATE_SCHEMAS=1 cargo test -p unattend --test schemas` and commit it"
    );
}

#[test]
fn config_schema_is_current() {
    check(
        "unattend-config.schema.json",
        unattend::lint::config_schema(),
    );
}

#[test]
fn config_schema_describes_every_key() {
    let schema = serde_json::to_value(schemars::schema_for!(unattend::lint::Config)).unwrap();
    let props = schema["properties"].as_object().unwrap();
    for key in [
        "select",
        "ignore",
        "severity",
        "per-file-ignores",
        "target-arch",
        "target-windows",
        "profile",
        "template",
    ] {
        assert!(props.contains_key(key), "{key} missing from the schema");
    }
    assert_eq!(schema["additionalProperties"], serde_json::json!(false));
}

#[test]
fn spec_schema_is_current() {
    check("unattend-spec.schema.json", unattend::spec::schema());
    // The example specs refer to a copy next to them (`spec::SCHEMA_REF`).
    check_at(
        "examples/specs",
        "unattend-spec.schema.json",
        unattend::spec::schema(),
    );
}

#[test]
fn specs_refer_to_a_schema_file_next_to_them() {
    assert_eq!(unattend::spec::SCHEMA_REF, "./unattend-spec.schema.json");
    let out = unattend::spec::write(
        &unattend::Unattend::new(),
        unattend::spec::Format::Yaml,
        &unattend::spec::WriteSpecOptions::default(),
    );
    assert!(
        out.starts_with("# yaml-language-server: $schema=./unattend-spec.schema.json\n"),
        "{out}"
    );
    assert!(
        !out.contains("://"),
        "no URL in a spec's schema line: {out}"
    );
}
