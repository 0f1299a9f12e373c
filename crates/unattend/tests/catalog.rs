//! The catalog's generated tables against hand-checked facts, and its lookup
//! and value-checking API.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use unattend::catalog::{
    self, ComponentInfo, LengthUnit, SettingInfo, SettingKind, Status, ValueError, ValueType,
    XmlForm,
};
use unattend::model::Pass;

const EXPECTED: &str = include_str!("../catalog/unattend-key-settings.expected.json");

fn opt_str(s: Option<&str>) -> Option<Value> {
    s.map(Value::from)
}

fn list(items: &[&str]) -> Option<Value> {
    (!items.is_empty()).then(|| json!(items))
}

/// Passes as a sorted list (the expectations do not use processing order).
fn passes(set: catalog::PassSet) -> Option<Value> {
    let mut names: Vec<&str> = set.iter().map(Pass::as_str).collect();
    names.sort_unstable();
    (!names.is_empty()).then(|| json!(names))
}

fn sorted_passes(v: &Value) -> Value {
    let mut names: Vec<&str> = v
        .as_array()
        .expect("passes is a list")
        .iter()
        .map(|p| p.as_str().expect("pass name"))
        .collect();
    names.sort_unstable();
    json!(names)
}

/// A setting's fact under the expectation file's field name; `None` when the
/// catalog entry does not have it. Unknown field names fail the test.
fn setting_fact(s: &SettingInfo, field: &str) -> Option<Value> {
    match field {
        "kind" => Some(s.kind.as_str().into()),
        "type" => s.value_type.map(|t| t.as_str().into()),
        "values" => list(s.values),
        "special_values" => list(s.special_values),
        "default" => opt_str(s.default),
        "default_conditional" => list(s.default_conditional),
        "passes" => passes(s.passes),
        // The expectations describe Microsoft's pages: children the project
        // added (supplement entries carry a `source`) are not part of them.
        "children" => {
            let names: Vec<&str> = s
                .children()
                .filter(|c| c.source.is_none())
                .map(|c| c.name)
                .collect();
            list(&names)
        }
        "item" => opt_str(s.item),
        "key" => opt_str(s.key),
        "range" => s.range.map(|(a, b)| json!([a, b])),
        "max_length" => s.max_length.map(Value::from),
        "min_length" => s.min_length.map(Value::from),
        "length_unit" => (s.length_unit == LengthUnit::Bytes).then(|| "bytes".into()),
        "empty_ok" => s.empty_ok.map(Value::from),
        "notes" => list(s.notes),
        "pass_note" => opt_str(s.pass_note),
        "status" => s.status.map(|st| st.as_str().into()),
        "unit" => opt_str(s.unit),
        "repeating" => list(s.repeating),
        "example" => opt_str(s.example),
        other => panic!(
            "the expectation file uses field {other:?}, which this test does not compare yet"
        ),
    }
}

fn component_fact(c: &ComponentInfo, field: &str) -> Option<Value> {
    match field {
        "passes" => passes(c.passes),
        "status" => c.status.map(|st| st.as_str().into()),
        "replacement" => opt_str(c.replacement),
        other => panic!(
            "the expectation file uses component field {other:?}, which this test does not compare yet"
        ),
    }
}

/// Compares every check of the expectation file with the tables; returns
/// the disagreements and the number of facts compared.
fn disagreements(expected: &Value) -> (Vec<String>, usize) {
    let checks = expected["checks"].as_array().unwrap();
    let mut problems = Vec::new();
    let mut compared = 0;
    for check in checks {
        let component = check["component"].as_str().unwrap();
        let path = check["path"].as_str().unwrap();
        let Some(c) = catalog::component(component) else {
            problems.push(format!("{component}: no such component"));
            continue;
        };
        if c.name != component {
            problems.push(format!("{component}: the tables spell it {}", c.name));
        }
        let setting = if path.is_empty() {
            None
        } else {
            match c.setting(path) {
                Some(s) if s.path == path => Some(s),
                Some(s) => {
                    problems.push(format!(
                        "{component}/{path}: the tables spell it {}",
                        s.path
                    ));
                    continue;
                }
                None => {
                    problems.push(format!("{component}/{path}: no such setting"));
                    continue;
                }
            }
        };
        for (field, want) in check["expect"].as_object().unwrap() {
            let got = match setting {
                Some(s) => setting_fact(s, field),
                None => component_fact(c, field),
            };
            let want = match (field.as_str(), want) {
                (_, Value::Null) => None,
                ("passes", v) => Some(sorted_passes(v)),
                (_, v) => Some(v.clone()),
            };
            if got != want {
                problems.push(format!(
                    "{component}/{path}: {field}: expected {}, tables have {}",
                    want.map_or("(absent)".to_string(), |v| v.to_string()),
                    got.map_or("(absent)".to_string(), |v| v.to_string()),
                ));
            }
            compared += 1;
        }
    }
    (problems, compared)
}

/// Every hand-checked entry agrees with the generated tables; a field listed
/// with `null` must be absent.
#[test]
fn hand_checked_key_settings_agree_with_the_tables() {
    let expected: Value = serde_json::from_str(EXPECTED).unwrap();
    let (problems, compared) = disagreements(&expected);
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
    let checks = expected["checks"].as_array().unwrap().len();
    eprintln!("{checks} hand-checked entries: all {compared} facts agree with the tables");
    assert!(checks >= 106, "only {checks} entries");
    assert!(compared >= 300, "only {compared} facts compared");
}

/// The comparison is real: each kind of changed expectation is caught.
#[test]
fn a_disagreeing_expectation_is_detected() {
    let original: Value = serde_json::from_str(EXPECTED).unwrap();
    let index = |component: &str, path: &str| {
        original["checks"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c["component"] == component && c["path"] == path)
            .unwrap()
    };
    let mode = index("Microsoft-Windows-Deployment", "Generalize/Mode");
    let order = index(
        "Microsoft-Windows-Deployment",
        "RunSynchronous/RunSynchronousCommand/Order",
    );
    let oobe = index("Microsoft-Windows-Shell-Setup", "OOBE");
    let deployment = index("Microsoft-Windows-Deployment", "");
    let mutations: [(usize, &str, Value); 7] = [
        (mode, "default", json!("Audit")),
        (mode, "passes", json!(["auditUser", "oobeSystem"])),
        (mode, "values", json!(["OOBE", "Audit"])),
        (mode, "type", Value::Null),
        (order, "range", json!([1, 499])),
        (oobe, "children", json!(["HideEULAPage"])),
        (deployment, "passes", json!(["generalize"])),
    ];
    for (i, field, value) in mutations {
        let mut changed = original.clone();
        changed["checks"][i]["expect"][field] = value.clone();
        let (problems, _) = disagreements(&changed);
        assert_eq!(problems.len(), 1, "{field} = {value}: {problems:?}");
    }
    let mut renamed = original.clone();
    renamed["checks"][mode]["path"] = json!("Generalize/Mood");
    assert_eq!(disagreements(&renamed).0.len(), 1);
}

#[test]
fn generalize_mode_is_audit_user_only_with_oobe_default() {
    let mode = catalog::setting("Microsoft-Windows-Deployment", "Generalize/Mode").unwrap();
    assert_eq!(mode.passes.iter().collect::<Vec<_>>(), [Pass::AuditUser]);
    assert_eq!(mode.values, ["Audit", "OOBE"]);
    assert_eq!(mode.default, Some("OOBE"));
    assert_eq!(mode.kind, SettingKind::Value);
    assert_eq!(mode.value_type, Some(ValueType::Enum));
    assert!(mode.valid_in(Pass::AuditUser));
    assert!(!mode.valid_in(Pass::OobeSystem));
    assert_eq!(mode.component().name, "Microsoft-Windows-Deployment");
    assert_eq!(mode.parent().unwrap().path, "Generalize");
    assert_eq!(
        mode.page_url().as_deref(),
        Some(
            "https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/microsoft-windows-deployment-generalize-mode"
        )
    );
}

#[test]
fn lookups_ignore_case_and_accept_name_variants() {
    let shell = catalog::component("MICROSOFT-WINDOWS-SHELL-SETUP").unwrap();
    assert_eq!(shell.name, "Microsoft-Windows-Shell-Setup");
    assert_eq!(
        catalog::component("Microsoft-Windows-Wlansvc")
            .unwrap()
            .name,
        "Microsoft-Windows-WLANSVC"
    );
    assert_eq!(
        catalog::component("microsoft-windows-tapisetup")
            .unwrap()
            .name,
        "Microsoft-Windows-TapiSetup"
    );
    assert!(catalog::component("Microsoft-Windows-Shell-Setu").is_none());
    assert!(catalog::component("").is_none());

    // Settings: every segment ignores case; the element spelling is kept.
    let oem = catalog::setting("microsoft-windows-shell-setup", "oobe/oemappid").unwrap();
    assert_eq!(oem.path, "OOBE/OEMAppId");
    assert_eq!(oem.element_name, "OEMAppID");
    assert_eq!(oem.xml_path, "OOBE/OEMAppID");
    let user = catalog::setting(
        "Microsoft-Windows-Setup",
        "RunAsynchronous/RunAsynchronousCommand/Credentials/UserName",
    )
    .unwrap();
    assert_eq!(user.name, "Username");
    assert_eq!(user.element_name, "UserName");
    assert!(shell.setting("OOBE/").is_none());
    assert!(shell.setting("").is_none());
    assert!(shell.setting("OOBE/NoSuchThing").is_none());
    assert_eq!(shell.child("autologon").unwrap().name, "AutoLogon");
    assert_eq!(
        shell
            .child("AutoLogon")
            .unwrap()
            .child("PASSWORD")
            .unwrap()
            .path,
        "AutoLogon/Password"
    );

    // Key/Value pseudo-settings: found by path, never as child elements.
    let ip = catalog::setting(
        "Microsoft-Windows-TCPIP",
        "Interfaces/Interface/UnicastIpAddresses/IpAddress",
    )
    .unwrap();
    assert_eq!(ip.kind, SettingKind::ListItem);
    assert_eq!(ip.key, Some("@wcm:keyValue"));
    assert!(ip.child("Value").is_none());
    let value = catalog::setting(
        "Microsoft-Windows-TCPIP",
        "Interfaces/Interface/UnicastIpAddresses/IpAddress/Value",
    )
    .unwrap();
    assert_eq!(value.xml_form, Some(XmlForm::TextContent));
    assert!(value.is_pseudo());
}

#[test]
fn wdf_kernel_library_is_renamed_and_the_documented_name_still_resolves() {
    let c = catalog::component("Microsoft-Windows-WDF-KernelLibrary").unwrap();
    assert_eq!(c.name, "Microsoft-Windows-WDF-KernelLibrary");
    assert!(
        c.name_variants
            .contains(&"Microsoft-Windows-WDF-Kernel Library")
    );
    assert!(c.source.is_some_and(|s| s.contains("space")));
    assert!(std::ptr::eq(
        catalog::component("microsoft-windows-wdf-kernel library").unwrap(),
        c
    ));
    assert!(c.curated_note.is_some());
    assert!(!c.settings().is_empty());
}

#[test]
fn removed_components_name_their_replacement() {
    let slc = catalog::component("Microsoft-Windows-Security-Licensing-SLC").unwrap();
    assert_eq!(slc.status, Some(Status::Removed));
    assert_eq!(slc.replacement, Some("Microsoft-Windows-Security-SPP"));
    assert!(!slc.settings_documented);
    assert!(slc.settings().is_empty());
    assert!(catalog::component(slc.replacement.unwrap()).is_some());
    let ehome = catalog::component("Microsoft-Windows-ehome-reg-inf").unwrap();
    assert_eq!(ehome.status, Some(Status::Removed));
    assert_eq!(ehome.changes[0].change, "removed");
}

#[test]
fn supplement_entries_are_merged_with_their_sources() {
    let shell = catalog::component("Microsoft-Windows-Shell-Setup").unwrap();
    let skip = shell.setting("OOBE/SkipMachineOOBE").unwrap();
    assert_eq!(skip.status, Some(Status::Deprecated));
    assert_eq!(skip.value_type, Some(ValueType::Boolean));
    assert_eq!(skip.passes.iter().collect::<Vec<_>>(), [Pass::OobeSystem]);
    assert!(skip.source.unwrap().contains("corpus"));
    assert!(std::ptr::eq(
        shell
            .child("OOBE")
            .unwrap()
            .child("skipmachineoobe")
            .unwrap(),
        skip
    ));
    assert!(skip.file.is_none());
    let authui = catalog::component("Microsoft-Windows-Authentication-AuthUI").unwrap();
    assert!(!authui.settings_documented);
    assert!(authui.source.is_some());
    // Rejected names stay unknown, with the reason.
    let r = catalog::rejection(
        "microsoft-windows-shell-setup",
        Some("FirstLogonCommands/SynchronousCommand/RequiresInput"),
    )
    .unwrap();
    assert!(r.reason.contains("RequiresUserInput"));
    assert!(
        shell
            .setting("FirstLogonCommands/SynchronousCommand/RequiresInput")
            .is_none()
    );
}

#[test]
fn tables_cover_the_whole_catalog() {
    // 82 documented components, 7 removed ones, 3 supplement additions.
    assert_eq!(catalog::components().len(), 92);
    // 1,121 documented settings and 20 supplement additions (5 settings the
    // 2019 snapshot lacks, 15 from newer reference pages).
    assert_eq!(catalog::all_settings().count(), 1141);
    for (c, s) in catalog::all_settings() {
        assert!(std::ptr::eq(s.component(), c));
        if s.kind == SettingKind::Value {
            assert!(s.children().len() == 0, "{}/{}", c.name, s.path);
        }
        if let Some(d) = s.default
            && s.values.contains(&d)
        {
            assert_eq!(
                s.check_value(d),
                Ok(()),
                "{}/{} default {d}",
                c.name,
                s.path
            );
        }
    }
}

fn setting(component: &str, path: &str) -> &'static SettingInfo {
    catalog::setting(component, path).unwrap_or_else(|| panic!("{component}/{path}"))
}

#[test]
fn check_value_reports_each_kind_of_error() {
    const DEPLOY: &str = "Microsoft-Windows-Deployment";
    let mode = setting(DEPLOY, "Generalize/Mode");
    let shutdown = setting(DEPLOY, "Generalize/ForceShutdownNow");
    let order = setting(DEPLOY, "RunSynchronous/RunSynchronousCommand/Order");
    let audit_name = setting(DEPLOY, "AuditComputerName/Name");
    let computer_name = setting("Microsoft-Windows-Shell-Setup", "ComputerName");
    let domain = setting("Microsoft-Windows-Shell-Setup", "AutoLogon/Domain");
    let rearm = setting("Microsoft-Windows-Security-SPP", "SkipRearm");
    let camera = setting("Microsoft-Windows-CoreMmRes", "CameraSoundLevel");
    let shweb_id = setting("Microsoft-Windows-SHWebSVC", "ID");

    // Accepted.
    assert_eq!(mode.check_value("Audit"), Ok(()));
    assert_eq!(shutdown.check_value("false"), Ok(()));
    assert_eq!(order.check_value("500"), Ok(()));
    assert_eq!(rearm.check_value("1"), Ok(()));
    assert_eq!(
        camera.check_value("0"),
        Ok(()),
        "a literal besides the range"
    );
    assert_eq!(camera.check_value("100"), Ok(()));
    assert_eq!(domain.check_value(""), Ok(()), "empty_ok");
    assert_eq!(
        shweb_id.check_value(""),
        Ok(()),
        "empty_ok wins over min_length"
    );
    assert_eq!(computer_name.check_value("*"), Ok(()));

    // Empty.
    assert_eq!(audit_name.check_value(""), Err(ValueError::Empty));
    assert_eq!(shutdown.check_value(""), Err(ValueError::Empty));
    assert_eq!(mode.check_value(""), Err(ValueError::Empty));
    assert_eq!(order.check_value(""), Err(ValueError::Empty));
    // Booleans.
    assert_eq!(shutdown.check_value("yes"), Err(ValueError::NotBoolean));
    assert_eq!(shutdown.check_value("1"), Err(ValueError::NotBoolean));
    assert_eq!(
        shutdown.check_value("True"),
        Err(ValueError::WrongCase { expected: "true" })
    );
    // Integers.
    assert_eq!(order.check_value("first"), Err(ValueError::NotInteger));
    assert_eq!(order.check_value("1.5"), Err(ValueError::NotInteger));
    assert_eq!(
        order.check_value("501"),
        Err(ValueError::OutOfRange {
            min: 1,
            max: 500,
            also: &[]
        })
    );
    assert_eq!(
        order.check_value("0").unwrap_err().to_string(),
        "out of range: expected 1 to 500"
    );
    assert_eq!(
        camera.check_value("101").unwrap_err().to_string(),
        "out of range: expected 1 to 100 or 0"
    );
    assert_eq!(
        rearm.check_value("2"),
        Err(ValueError::NotAllowed {
            allowed: &["0", "1"]
        })
    );
    // Enums.
    assert_eq!(
        mode.check_value("oobe"),
        Err(ValueError::WrongCase { expected: "OOBE" })
    );
    let err = mode.check_value("Sysprep").unwrap_err();
    assert_eq!(
        err,
        ValueError::NotAllowed {
            allowed: &["Audit", "OOBE"]
        }
    );
    assert_eq!(err.to_string(), "not one of Audit, OOBE");
    // Lengths: characters, or UTF-8 bytes where the page says bytes.
    assert_eq!(audit_name.check_value("ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ"), Ok(()));
    assert_eq!(
        audit_name.check_value("ABCDEFGHIJKLMNOP"),
        Err(ValueError::TooLong {
            max: 15,
            unit: LengthUnit::Characters
        })
    );
    assert_eq!(
        computer_name.check_value("ÄÄÄÄÄÄÄÄ"),
        Err(ValueError::TooLong {
            max: 15,
            unit: LengthUnit::Bytes
        })
    );
    assert_eq!(
        computer_name
            .check_value("WORKSTATION-0042")
            .unwrap_err()
            .to_string(),
        "too long: at most 15 bytes"
    );
    assert_eq!(
        shweb_id
            .check_value("abcdefghijklmnopqrstu")
            .unwrap_err()
            .to_string(),
        "too long: at most 20 characters"
    );
    // Not a value at all.
    let generalize = setting(DEPLOY, "Generalize");
    assert_eq!(
        generalize.check_value("x"),
        Err(ValueError::NotAValue {
            kind: SettingKind::Container
        })
    );
    assert_eq!(
        generalize.check_value("x").unwrap_err().to_string(),
        "a container holds elements, not a value"
    );
    let run = setting(DEPLOY, "RunSynchronous");
    assert_eq!(
        run.check_value("").unwrap_err(),
        ValueError::NotAValue {
            kind: SettingKind::List
        }
    );
}

#[test]
fn windows_identifier_lists() {
    use unattend::catalog::windows;
    assert!(windows::time_zone("Pacific Standard Time").is_some());
    assert!(windows::time_zone("pacific standard time").is_none());
    assert_eq!(
        windows::time_zone_ignore_case("pacific standard time")
            .unwrap()
            .id,
        "Pacific Standard Time"
    );
    assert!(windows::time_zone_ignore_case("Mars Standard Time").is_none());
    let de = windows::locale("de-de").unwrap();
    assert_eq!((de.tag, de.lcid), ("de-DE", "0407"));
    assert!(windows::locale("xx-XX").is_none());
    assert!(windows::image_languages().iter().any(|l| l.tag == "en-US"));
    assert!(windows::geo_ids().iter().any(|g| g.id == 244));
}

#[test]
fn catalog_follows_the_current_documentation() {
    // Dynamic Lighting: documented now, every setting in the catalog.
    let lights = catalog::component("Microsoft-Windows-Devices-Lights-WinRT").unwrap();
    assert!(lights.settings_documented);
    let effect = lights.setting("WinDLDefaultEffectType").unwrap();
    assert_eq!(effect.values.len(), 7);
    assert_eq!(effect.check_value("6"), Ok(()));
    assert!(effect.check_value("7").is_err());
    let brightness = lights.setting("WinDLDefaultBrightness").unwrap();
    assert_eq!(brightness.range, Some((0, 100)));
    assert!(brightness.passes.contains(Pass::Specialize));
    assert!(
        lights
            .setting("DefaultLightingProvider")
            .unwrap()
            .page_url()
            .unwrap()
            .ends_with("/microsoft-windows-devices-lights-winrt-defaultlightingprovider")
    );
    // Presence sensing: the settings whose names the pages give; the others
    // stay unreported.
    let sensors = catalog::component("Microsoft-Windows-Sensors-Core").unwrap();
    assert!(!sensors.settings_documented);
    let wake = sensors.setting("DefaultWakeDetectionDistance").unwrap();
    assert_eq!(wake.default, Some("450"));
    assert!(wake.passes.contains(Pass::OobeSystem));
    // Windows Deployment Services: the Windows 11 note on every setting.
    let setup = catalog::component("Microsoft-Windows-Setup").unwrap();
    for path in [
        "WindowsDeploymentServices",
        "WindowsDeploymentServices/ImageSelection/InstallTo/PartitionID",
        "WindowsDeploymentServices/Login/Credentials/Password",
    ] {
        let s = setup.setting(path).unwrap();
        assert!(
            s.notes.iter().any(|n| n.contains("Windows 11")),
            "{path}: {:?}",
            s.notes
        );
    }
    // Moved pages of the regional square-or-desktop tiles.
    let shell = catalog::component("Microsoft-Windows-Shell-Setup").unwrap();
    let tile = shell
        .setting("StartTiles/RegionalOverrides/RegionalOverride/SquareTiles/SquareOrDesktopTile7/AppIdOrPath")
        .unwrap();
    assert_eq!(
        tile.page_url().unwrap(),
        "https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/windows-shell-setup-starttiles-regionaloverrides-regionaloverride-squaretiles-squareordesktoptile7-appidorpath"
    );
    // No Microsoft source: out of the supplement, rejected with a reason.
    assert!(shell.setting("Themes/SystemUsesLightTheme").is_none());
    let r = catalog::rejection(
        "Microsoft-Windows-Shell-Setup",
        Some("Themes/SystemUsesLightTheme"),
    )
    .unwrap();
    assert!(r.reason.contains("registry"));
    assert!(
        r.undocumented,
        "only missing from the references: a warning"
    );
}
