//! `get` and `set` by setting path: minimal diffs, created structure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::document::Document;
use unattend::edit::{PathError, SettingPath, get, set};
use unattend::model::Arch;

fn p(s: &str) -> SettingPath {
    s.parse().unwrap()
}

const FILE: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n    <!-- image settings -->\r\n    <settings pass=\"specialize\">\r\n        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\r\n            <ComputerName>OLD</ComputerName>\r\n        </component>\r\n    </settings>\r\n    <settings pass=\"oobeSystem\">\r\n    </settings>\r\n</unattend>\r\n";

#[test]
fn setting_an_existing_value_changes_only_its_bytes() {
    let mut doc = Document::parse_str(FILE).unwrap();
    let path = p("specialize/microsoft-windows-shell-setup/ComputerName");
    assert_eq!(get(&doc, &path, None).unwrap().as_deref(), Some("OLD"));
    let outcome = set(&mut doc, &path, "WS-042", None).unwrap();
    assert_eq!((outcome.created, outcome.changed), (0, true));
    assert_eq!(doc.text(), FILE.replace(">OLD<", ">WS-042<"));
    // Setting the same value again is a no-op.
    assert!(!set(&mut doc, &path, "WS-042", None).unwrap().changed);
}

#[test]
fn missing_list_items_get_wcm_action_their_key_and_the_files_layout() {
    let mut doc = Document::parse_str(FILE).unwrap();
    let path = p(
        "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=2]/Path",
    );
    set(&mut doc, &path, "cmd /c echo a & b", None).unwrap();
    insta::assert_snapshot!(doc.text().replace('\r', "␍"));
    assert!(
        doc.text()
            .contains("xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\"")
    );
    assert!(
        !doc.text().replace("\r\n", "").contains('\n'),
        "CRLF kept everywhere"
    );
    assert_eq!(
        get(&doc, &path, None).unwrap().as_deref(),
        Some("cmd /c echo a & b")
    );
    // A second item lands beside the first, not inside it.
    let second = p(
        "specialize/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=3]/Path",
    );
    set(&mut doc, &second, "cmd /c exit 0", None).unwrap();
    let items = doc
        .elements()
        .filter(|e| e.local_name() == "RunSynchronousCommand")
        .count();
    assert_eq!(items, 2);
    assert_eq!(
        get(&doc, &path, None).unwrap().as_deref(),
        Some("cmd /c echo a & b")
    );
}

#[test]
fn missing_passes_are_inserted_in_processing_order() {
    let mut doc = Document::parse_str(FILE).unwrap();
    set(
        &mut doc,
        &p("generalize/Microsoft-Windows-PnpSysprep/PersistAllDeviceInstalls"),
        "true",
        None,
    )
    .unwrap();
    let passes: Vec<String> = doc
        .root()
        .child_elements()
        .map(|s| s.attribute_value("pass").unwrap().into_owned())
        .collect();
    assert_eq!(passes, ["generalize", "specialize", "oobeSystem"]);
    assert!(doc.text().contains(
        "<component name=\"Microsoft-Windows-PnpSysprep\" processorArchitecture=\"amd64\""
    ));
    // Into an existing empty pass.
    set(
        &mut doc,
        &p("oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone"),
        "UTC",
        None,
    )
    .unwrap();
    assert_eq!(
        get(
            &doc,
            &p("oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone"),
            None
        )
        .unwrap()
        .as_deref(),
        Some("UTC")
    );
}

#[test]
fn architectures_must_be_chosen_when_ambiguous() {
    let two = FILE.replace(
        "        </component>\r\n    </settings>\r\n    <settings pass=\"oobeSystem\">",
        "        </component>\r\n        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\r\n            <ComputerName>OLD86</ComputerName>\r\n        </component>\r\n    </settings>\r\n    <settings pass=\"oobeSystem\">",
    );
    let mut doc = Document::parse_str(&two).unwrap();
    let path = p("specialize/Microsoft-Windows-Shell-Setup/ComputerName");
    assert!(matches!(
        get(&doc, &path, None),
        Err(PathError::AmbiguousArch { .. })
    ));
    assert_eq!(
        get(&doc, &path, Some(Arch::X86)).unwrap().as_deref(),
        Some("OLD86")
    );
    set(&mut doc, &path, "NEW86", Some(Arch::X86)).unwrap();
    assert_eq!(
        get(&doc, &path, Some(Arch::Amd64)).unwrap().as_deref(),
        Some("OLD")
    );
    assert_eq!(
        get(&doc, &path, Some(Arch::X86)).unwrap().as_deref(),
        Some("NEW86")
    );
}

#[test]
fn containers_are_not_values_and_missing_paths_read_as_none() {
    let doc = Document::parse_str(FILE).unwrap();
    assert_eq!(
        get(
            &doc,
            &p("specialize/Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage"),
            None
        )
        .unwrap(),
        None
    );
    assert!(matches!(
        get(
            &doc,
            &p("specialize/Microsoft-Windows-Shell-Setup/ComputerName/X"),
            None
        ),
        Ok(None)
    ));
    let mut doc = Document::parse_str(FILE).unwrap();
    set(
        &mut doc,
        &p("oobeSystem/Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage"),
        "true",
        None,
    )
    .unwrap();
    assert!(matches!(
        get(
            &doc,
            &p("oobeSystem/Microsoft-Windows-Shell-Setup/OOBE"),
            None
        ),
        Err(PathError::NotAValue(_))
    ));
    let not_answer = Document::parse_str("<a/>").unwrap();
    assert!(matches!(
        get(&not_answer, &p("specialize/X/Y"), None),
        Err(PathError::NotAnAnswerFile)
    ));
}
