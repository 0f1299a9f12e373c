//! Document → Unattend → canonical XML → Document over the public corpus:
//! every element, attribute and value survives.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::document::{Document, UNATTEND_NS};
use unattend::model::{ComponentSettings, Element, Unattend, WriteOptions};
use unattend_e2e::{content_lines, corpus_files, line_diff};

#[test]
fn model_round_trip_keeps_every_element_attribute_and_value() {
    let mut checked = 0;
    let mut not_answer_files = Vec::new();
    let mut typed = 0;
    for f in corpus_files().iter().filter(|f| !f.malformed()) {
        let doc = Document::parse(&f.bytes()).unwrap_or_else(|e| panic!("{}: {e}", f.name));
        let model = match Unattend::from_document(&doc) {
            Ok(m) => m,
            Err(e) => {
                assert!(!doc.root().is(UNATTEND_NS, "unattend"), "{}: {e}", f.name);
                not_answer_files.push(format!("{}: {e}", f.name));
                continue;
            }
        };
        typed += model
            .components()
            .filter(|(_, c)| !c.settings().is_generic())
            .count();
        for options in [
            WriteOptions::default(),
            WriteOptions {
                indent: "\t".into(),
                newline: unattend::document::Newline::CrLf,
            },
        ] {
            let xml = model.to_xml(&options);
            let back = Document::parse_str(&xml).unwrap_or_else(|e| {
                panic!("{}: canonical output does not parse: {e}\n{xml}", f.name)
            });
            let before = content_lines(&Element::from_document(doc.root()));
            let after = content_lines(&Element::from_document(back.root()));
            assert!(
                before == after,
                "{}: content changed:\n{}",
                f.name,
                line_diff(&before, &after)
            );
            // The canonical form is a fixed point.
            let again =
                Unattend::from_document(&back).unwrap_or_else(|e| panic!("{}: {e}", f.name));
            assert_eq!(
                again.to_xml(&options),
                xml,
                "{}: canonical output is not stable",
                f.name
            );
        }
        checked += 1;
    }
    eprintln!(
        "model round trip: {checked} answer files, {typed} typed components; not answer files: {}\n{}",
        not_answer_files.len(),
        not_answer_files.join("\n")
    );
    if !corpus_files().is_empty() {
        assert!(checked > 150, "only {checked} answer files checked");
        assert!(typed > 50, "only {typed} components were typed");
    }
}

#[test]
fn typed_components_are_recognised_case_insensitively_but_written_as_read() {
    let xml = r#"<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="generalize">
    <component name="Microsoft-Windows-PnPSysprep" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>
    </component>
  </settings>
</unattend>"#;
    let model = Unattend::parse(xml.as_bytes()).unwrap();
    let (_, c) = model.components().next().unwrap();
    assert_eq!(c.name(), "Microsoft-Windows-PnPSysprep");
    match c.settings() {
        ComponentSettings::PnpSysprep(p) => assert_eq!(p.persist_all_device_installs, Some(true)),
        other => panic!("not typed: {other:?}"),
    }
    assert!(
        model
            .to_xml(&WriteOptions::default())
            .contains("name=\"Microsoft-Windows-PnPSysprep\"")
    );
}

#[test]
fn values_that_do_not_fit_their_type_stay_generic_and_unchanged() {
    let xml = r#"<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <Reseal><Mode>audit</Mode><ForceShutdownNow>True</ForceShutdownNow></Reseal>
    </component>
  </settings>
</unattend>"#;
    let model = Unattend::parse(xml.as_bytes()).unwrap();
    let (_, c) = model.components().next().unwrap();
    assert!(c.settings().is_generic());
    let out = model.to_xml(&WriteOptions::default());
    assert!(
        out.contains("<Mode>audit</Mode>")
            && out.contains("<ForceShutdownNow>True</ForceShutdownNow>"),
        "{out}"
    );
}
