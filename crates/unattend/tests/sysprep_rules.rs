//! Answer file ↔ sysprep command checks (UA604, UA605, UA607, UA608).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::lint::{ResolvedConfig, lint_bytes};

const C: &str = r#"processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS""#;

fn file(passes: &[(&str, &str, &str)]) -> String {
    let mut s = String::from("<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n");
    for (pass, component, body) in passes {
        s.push_str(&format!("  <settings pass=\"{pass}\">\n    <component name=\"{component}\" {C}>{body}</component>\n  </settings>\n"));
    }
    s + "</unattend>\n"
}

fn ua604(xml: &str, command: &str) -> Vec<String> {
    let config = ResolvedConfig::default().with_sysprep(command);
    lint_bytes(xml.as_bytes(), &config)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "UA604")
        .map(|d| d.message)
        .collect()
}

const ZONE: (&str, &str, &str) = (
    "oobeSystem",
    "Microsoft-Windows-Shell-Setup",
    "<TimeZone>UTC</TimeZone>",
);
const PE: (&str, &str, &str) = (
    "windowsPE",
    "Microsoft-Windows-International-Core-WinPE",
    "<UILanguage>en-US</UILanguage>",
);
const AUDIT_CMD: (&str, &str, &str) = (
    "auditUser",
    "Microsoft-Windows-Deployment",
    "<RunSynchronous><RunSynchronousCommand><Order>1</Order><Path>cmd /c exit 0</Path></RunSynchronousCommand></RunSynchronous>",
);

#[test]
fn windows_pe_settings_are_never_processed_by_sysprep() {
    let found = ua604(&file(&[PE, ZONE]), "/generalize /oobe /shutdown");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("sysprep never runs the windowsPE pass"),
        "{found:?}"
    );
}

#[test]
fn passes_the_command_does_not_reach_are_reported() {
    let found = ua604(&file(&[AUDIT_CMD, ZONE]), "/generalize /oobe /shutdown");
    assert_eq!(
        found,
        [
            "`sysprep /generalize /oobe /shutdown` never runs the auditUser pass: its settings will not be applied"
        ]
    );
    let specialize = (
        "specialize",
        "Microsoft-Windows-Shell-Setup",
        "<ComputerName>*</ComputerName>",
    );
    let found = ua604(&file(&[specialize, ZONE]), "/oobe /reboot");
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("specialize"));
    assert!(ua604(&file(&[specialize, ZONE]), "/generalize /oobe /reboot").is_empty());
}

#[test]
fn passes_the_file_leads_to_are_reached() {
    // oobeSystem reseals to audit mode: the audit passes run at that boot.
    let reseal_audit = (
        "oobeSystem",
        "Microsoft-Windows-Deployment",
        "<Reseal><Mode>Audit</Mode></Reseal>",
    );
    assert!(
        ua604(
            &file(&[AUDIT_CMD, reseal_audit]),
            "/generalize /oobe /shutdown"
        )
        .is_empty()
    );
    // An audit run that generalizes to OOBE (Mode defaults to OOBE) reaches oobeSystem.
    let to_oobe = (
        "auditUser",
        "Microsoft-Windows-Deployment",
        "<Generalize><ForceShutdownNow>true</ForceShutdownNow></Generalize>",
    );
    assert!(ua604(&file(&[to_oobe, ZONE]), "/audit /reboot").is_empty());
    let found = ua604(&file(&[AUDIT_CMD, ZONE]), "/audit /reboot");
    assert_eq!(found.len(), 1, "no way to OOBE: {found:?}");
}

#[test]
fn invalid_commands_are_reported_by_their_rule() {
    let xml = file(&[ZONE]);
    let codes = |cmd: &str| -> Vec<String> {
        lint_bytes(xml.as_bytes(), &ResolvedConfig::default().with_sysprep(cmd))
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .filter(|c| c.starts_with("UA60"))
            .collect()
    };
    assert_eq!(codes("/oobe /audit"), ["UA608"]);
    assert_eq!(codes("/reboot /quit /oobe"), ["UA608"]);
    assert_eq!(codes("/frobnicate"), ["UA608"]);
    // Azure's and Packer's recipe is fine: Microsoft's page only says which
    // switches apply to VM mode.
    assert!(codes("/oobe /generalize /quiet /quit /mode:vm").is_empty());
    assert!(codes("/generalize /mode:vm /oobe /quiet").is_empty());
    assert_eq!(codes("/oobe /mode:vm"), ["UA607"]);
    assert_eq!(
        codes("/generalize /oobe /mode:vm /unattend:C:\\u.xml"),
        ["UA607"]
    );
    // What the syntax excludes stays an error, with /mode:vm too.
    assert_eq!(codes("/generalize /oobe /audit /mode:vm"), ["UA608"]);
    assert!(codes("/generalize /oobe /mode:vm /shutdown").is_empty());
}

#[test]
fn the_sysprep_key_in_unattend_toml_works_like_the_flag() {
    let config = unattend::lint::Config::from_toml(
        "sysprep = \"/generalize /oobe /shutdown\"\n",
        std::path::Path::new("unattend.toml"),
    )
    .unwrap()
    .resolve(None);
    let report = lint_bytes(file(&[PE, ZONE]).as_bytes(), &config);
    assert!(report.diagnostics.iter().any(|d| d.code == "UA604"));
}

/// An audit run whose auditUser generalizes (the audit-mode preset's
/// workflow) reaches generalize and specialize, and keeps drivers.
#[test]
fn generalize_in_audit_user_reaches_generalize_and_specialize() {
    let generalize = (
        "auditUser",
        "Microsoft-Windows-Deployment",
        "<Generalize><Mode>OOBE</Mode><ForceShutdownNow>true</ForceShutdownNow></Generalize>",
    );
    let specialize = (
        "specialize",
        "Microsoft-Windows-Shell-Setup",
        "<ComputerName>WS-1</ComputerName>",
    );
    let persist = (
        "generalize",
        "Microsoft-Windows-PnpSysprep",
        "<PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>",
    );
    let xml = file(&[generalize, specialize, persist, ZONE]);
    let config = ResolvedConfig::default().with_sysprep("/audit /reboot");
    let codes: Vec<String> = lint_bytes(xml.as_bytes(), &config)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .filter(|c| c == "UA604" || c == "UA605")
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
    // Without the Generalize, nothing leads there.
    let xml = file(&[AUDIT_CMD, specialize, persist, ZONE]);
    let codes: Vec<String> = lint_bytes(xml.as_bytes(), &config)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .filter(|c| c == "UA604" || c == "UA605")
        .collect();
    assert!(
        codes.contains(&"UA605".to_string()) && codes.iter().filter(|c| *c == "UA604").count() == 3,
        "{codes:?}"
    );
}
