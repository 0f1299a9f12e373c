//! The false-error classes seen on real answer files (issue 11), each with a
//! fixture that must not be an error and one that still is
//! (`tests/fixtures/precision/`), and the one-cause-one-finding rules.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use unattend::lint::{Diagnostic, ResolvedConfig, Severity, lint_bytes};

fn lint(name: &str) -> Vec<Diagnostic> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/precision")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    lint_bytes(&bytes, &ResolvedConfig::default()).diagnostics
}

/// The severities `code` reported in `name`, in file order.
fn severities(name: &str, code: &str) -> Vec<Severity> {
    lint(name)
        .into_iter()
        .filter(|d| d.code == code)
        .map(|d| d.severity)
        .collect()
}

fn assert_no_error(name: &str) {
    let errors: Vec<String> = lint(name)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
}

fn message(name: &str, code: &str) -> String {
    lint(name)
        .into_iter()
        .find(|d| d.code == code)
        .map(|d| format!("{} | {}", d.message, d.help.unwrap_or_default()))
        .unwrap_or_else(|| panic!("{name}: no {code}"))
}

#[test]
fn whole_value_tokens_are_placeholders() {
    assert_no_error("token.not-error.xml");
    assert!(message("token.not-error.xml", "UA008").contains("`{Name}`"));
    // A brace inside a longer value is no token: the value is still checked.
    assert_eq!(severities("token.error.xml", "UA404"), [Severity::Error]);
}

#[test]
fn powershell_here_string_templates_are_placeholders_named_as_such() {
    assert_no_error("powershell.not-error.xml");
    let m = message("powershell.not-error.xml", "UA008");
    assert!(m.contains("PowerShell"), "{m}");
    assert!(!m.contains("Packer"), "{m}");
    // PowerShell code in a command line and one password starting with `$`
    // do not make a file a template: the time zone is still checked.
    assert_eq!(
        severities("powershell.error.xml", "UA404"),
        [Severity::Error]
    );
    assert!(severities("powershell.error.xml", "UA008").is_empty());
}

#[test]
fn wim_metadata_paths_are_warnings_and_made_up_paths_errors() {
    assert_no_error("metadata-key.not-error.xml");
    assert_eq!(
        severities("metadata-key.not-error.xml", "UA206"),
        [Severity::Warning]
    );
    assert_eq!(
        severities("metadata-key.error.xml", "UA206"),
        [Severity::Error]
    );
}

#[test]
fn a_disabled_pass_is_info_and_a_misspelt_one_an_error_with_did_you_mean() {
    assert_no_error("pass-disabled.not-error.xml");
    assert_eq!(
        severities("pass-disabled.not-error.xml", "UA101"),
        [Severity::Info]
    );
    assert!(message("pass-disabled.not-error.xml", "UA101").contains("never processed"));
    assert_eq!(
        severities("pass-disabled.error.xml", "UA101"),
        [Severity::Error]
    );
    assert!(message("pass-disabled.error.xml", "UA101").contains("did you mean \"specialize\""));
}

#[test]
fn a_mistyped_wcm_uri_has_the_severity_of_a_missing_wcm_action() {
    let mistyped = severities("wcm-uri.not-error.xml", "UA007");
    let missing = severities("wcm-action.not-error.xml", "UA301");
    assert_eq!(mistyped, [Severity::Warning]);
    assert_eq!(mistyped, missing);
    assert_no_error("wcm-uri.not-error.xml");
    // One cause, one finding: the items are not also reported by UA301.
    assert!(severities("wcm-uri.not-error.xml", "UA301").is_empty());
    // An undeclared prefix makes the file unreadable: still an error.
    assert_eq!(
        severities("wcm-undeclared.error.xml", "UA007"),
        [Severity::Error]
    );
}

#[test]
fn supplement_passes_give_warnings_never_doubled_with_deprecation() {
    assert_no_error("supplement-pass.not-error.xml");
    let findings = lint("supplement-pass.not-error.xml");
    let on = |line: u32| -> Vec<(&str, Severity)> {
        findings
            .iter()
            .filter(|d| d.start.line == line)
            .map(|d| (d.code.as_str(), d.severity))
            .collect()
    };
    // ConfigureChatAutoInstall: passes from the supplement, so a warning.
    assert_eq!(on(5), [("UA201", Severity::Warning)]);
    // ShowWindowsLive, DoNotCleanTaskBar: removed, so UA209 alone.
    assert_eq!(on(6), [("UA209", Severity::Warning)]);
    assert_eq!(on(7), [("UA209", Severity::Warning)]);
    // Passes stated by Microsoft's reference: still an error.
    assert_eq!(
        severities("supplement-pass.error.xml", "UA201"),
        [Severity::Error]
    );
}

#[test]
fn version_scope_in_microsofts_casing_is_fine() {
    assert!(lint("version-scope.not-error.xml").is_empty());
    assert_eq!(
        severities("version-scope.error.xml", "UA103"),
        [Severity::Error]
    );
}

#[test]
fn files_carrying_every_component_for_x86_and_amd64_are_not_mixed() {
    assert!(lint("both-architectures.not-error.xml").is_empty());
    assert_eq!(
        severities("mixed-architectures.flagged.xml", "UA106"),
        [Severity::Warning]
    );
}

#[test]
fn duplicate_pass_blocks_are_warnings_duplicate_components_errors() {
    assert_no_error("duplicate-pass.not-error.xml");
    assert_eq!(
        severities("duplicate-pass.not-error.xml", "UA102"),
        [Severity::Warning]
    );
    assert_eq!(
        severities("duplicate-component.error.xml", "UA107"),
        [Severity::Error]
    );
}

#[test]
fn a_processed_copys_deleted_secret_is_reported_once() {
    let codes: Vec<String> = lint("processed-copy.not-doubled.xml")
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert!(codes.iter().all(|c| c == "UA601"), "{codes:?}");
    assert_eq!(
        severities("container-text.error.xml", "UA210"),
        [Severity::Error]
    );
}

#[test]
fn deprecated_settings_are_one_finding_per_file_without_a_target_release() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/UA209.fail.xml");
    let bytes = std::fs::read(path).unwrap();
    let ua209 = |config: &ResolvedConfig| -> Vec<Diagnostic> {
        lint_bytes(&bytes, config)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "UA209")
            .collect()
    };
    // No target: the removed ShowWindowsLive where it is, and one warning
    // for NetworkLocation and SkipMachineOOBE pointing at both.
    let grouped = ua209(&ResolvedConfig::default());
    let messages: Vec<&str> = grouped.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(grouped.len(), 2, "{messages:?}");
    let group = grouped
        .iter()
        .find(|d| d.message.starts_with("2 deprecated settings"))
        .unwrap_or_else(|| panic!("{messages:?}"));
    assert!(group.message.contains("NetworkLocation") && group.message.contains("SkipMachineOOBE"));
    assert_eq!(group.labels.len(), 1);
    assert!(grouped.iter().all(|d| d.severity == Severity::Warning));
    // With a target release, each deprecated setting is its own finding.
    let config =
        unattend::lint::Config::from_toml("target-windows = \"11\"", Path::new("unattend.toml"))
            .unwrap()
            .resolve(None);
    let each = ua209(&config);
    assert!(
        each.iter()
            .any(|d| d.message.starts_with("NetworkLocation")),
        "{each:?}"
    );
    assert!(
        each.iter()
            .any(|d| d.message.starts_with("SkipMachineOOBE")),
        "{each:?}"
    );
}
