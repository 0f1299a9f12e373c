//! The `unattend` binary as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{file, run, run_with_stdin, stdout};
use unattend_e2e::{corpus_files, workspace_root};

#[test]
fn version_prints_name_and_version() {
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o).trim(),
        format!("unattend {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    let help = run(&["check", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Examples:"));
}

#[test]
fn missing_file_is_an_io_error_with_exit_2() {
    let o = run(&["check", "does-not-exist.xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does-not-exist.xml"));
}

#[test]
fn clean_file_exits_0_silently() {
    let example = workspace_root().join("examples/answer-files/sysprep-generalize-oobe.xml");
    let o = run(&["check", example.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn malformed_input_on_stdin_reports_line_and_column() {
    let o = run_with_stdin(
        None,
        &["check", "-"],
        b"<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"x\" pass=\"y\"/>\n</unattend>",
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "<stdin>:2:22: duplicate attribute \"pass\"\n");
}

#[test]
fn a_root_that_is_not_unattend_is_a_problem() {
    let file = file(
        "not-unattend.xml",
        "<?xml version=\"1.0\"?>\n<settings pass=\"specialize\"/>\n",
    );
    let o = run(&["check", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).ends_with(":2:1: the root element is <settings> without a namespace, not <unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"), "{}", stdout(&o));
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
}

/// Every public corpus file through the real binary: no crash, malformed
/// files reported as path:line:col, well-formed answer files clean.
#[test]
fn check_over_the_public_corpus() {
    let files = corpus_files();
    for f in &files {
        let path = f.path.to_str().unwrap();
        let o = run(&["check", path]);
        let code = o.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "{}: exit {code:?}\n{}",
            f.name,
            String::from_utf8_lossy(&o.stderr)
        );
        let out = stdout(&o);
        if f.malformed() {
            assert_eq!(code, Some(1), "{}", f.name);
            let rest = out
                .strip_prefix(&format!("{path}:"))
                .unwrap_or_else(|| panic!("{}: {out}", f.name));
            let mut parts = rest.splitn(3, ':');
            let line: u32 = parts.next().unwrap().parse().unwrap();
            let col: u32 = parts.next().unwrap().parse().unwrap();
            assert!(line >= 1 && col >= 1, "{}: {out}", f.name);
        }
    }
    eprintln!("checked {} corpus files through the CLI", files.len());
}

#[test]
fn catalog_shows_every_fact_of_a_setting() {
    let o = run(&["catalog", "Microsoft-Windows-Deployment/Generalize/Mode"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("catalog_generalize_mode", stdout(&o));
    // Names ignore case.
    let lower = run(&["catalog", "microsoft-windows-deployment/generalize/MODE"]);
    assert_eq!(stdout(&lower), stdout(&o));
}

#[test]
fn catalog_shows_a_component_tree() {
    let o = run(&["catalog", "Microsoft-Windows-PnpSysprep"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("catalog_pnp_sysprep", stdout(&o));
}

#[test]
fn catalog_json_gives_the_same_facts() {
    let o = run(&[
        "catalog",
        "Microsoft-Windows-Deployment/Generalize/Mode",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["component"], "Microsoft-Windows-Deployment");
    assert_eq!(v["path"], "Generalize/Mode");
    assert_eq!(v["passes"], serde_json::json!(["auditUser"]));
    assert_eq!(v["values"], serde_json::json!(["Audit", "OOBE"]));
    assert_eq!(v["default"], "OOBE");
    assert_eq!(v["type"], "enum");
    assert!(
        v["page_url"]
            .as_str()
            .unwrap()
            .ends_with("/microsoft-windows-deployment-generalize-mode")
    );

    let list = run(&["catalog", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let slc = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Microsoft-Windows-Security-Licensing-SLC")
        .unwrap();
    assert_eq!(slc["status"], "removed");
    assert_eq!(slc["replacement"], "Microsoft-Windows-Security-SPP");
}

#[test]
fn catalog_lists_components_with_passes_and_status() {
    let o = run(&["catalog"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), unattend::catalog::components().len());
    let line = out
        .lines()
        .find(|l| l.starts_with("Microsoft-Windows-OutOfBoxExperience "))
        .unwrap();
    assert!(
        line.ends_with(
            "generalize, specialize  [deprecated; use Microsoft-Windows-ServerManager-SvrMgrNc]"
        ),
        "{line}"
    );
}

#[test]
fn catalog_unknown_names_exit_2_with_a_suggestion() {
    let o = run(&["catalog", "Microsoft-Windows-Deploymnet"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "unattend: no component named \"Microsoft-Windows-Deploymnet\" in the catalog\ndid you mean Microsoft-Windows-Deployment?\n"
    );
    let o = run(&["catalog", "microsoft-windows-deployment/Generalize/Mod"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "unattend: Microsoft-Windows-Deployment has no setting \"Generalize/Mod\"\ndid you mean Microsoft-Windows-Deployment/Generalize/Mode?\n"
    );
    let o = run(&["catalog", "Contoso-Widget"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("did you mean"));
    let help = run(&["catalog", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Examples:"));
}

#[test]
fn catalog_markdown_is_the_hover_text() {
    use unattend::catalog::{self, markdown};
    let o = run(&[
        "catalog",
        "Microsoft-Windows-Shell-Setup/TimeZone",
        "--format",
        "markdown",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let s = catalog::setting("Microsoft-Windows-Shell-Setup", "TimeZone").unwrap();
    assert_eq!(
        stdout(&o),
        format!("{}\n", markdown::setting_markdown(s, None))
    );
    assert!(stdout(&o).starts_with("**TimeZone**"), "{}", stdout(&o));

    let o = run(&[
        "catalog",
        "microsoft-windows-pnpsysprep",
        "--format",
        "markdown",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let c = catalog::component("Microsoft-Windows-PnpSysprep").unwrap();
    assert_eq!(
        stdout(&o),
        format!("{}\n", markdown::component_markdown(c, None))
    );

    let all = run(&["catalog", "--format", "markdown"]);
    assert_eq!(all.status.code(), Some(0));
    assert_eq!(
        stdout(&all).matches("\n---\n").count() + 1,
        catalog::components().len()
    );
}
