//! The typed model: reading, typing, preserving and writing answer files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::document::{CPI_NS, Document, WCM_NS};
use unattend::model::components::Deployment;
use unattend::model::components::deployment::{Mode, RunSynchronousCommand, WillReboot};
use unattend::model::{
    Arch, Component, ComponentSettings, Element, Name, Node, Pass, Unattend, WcmAction,
    WriteOptions,
};

const WSIM_FILE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
    <servicing>
        <package action="configure">
            <assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="10.0.17763.1" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="" />
        </package>
    </servicing>
    <settings pass="oobeSystem" wasPassProcessed="true">
        <!-- boot to audit -->
        <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <Reseal>
                <Mode>Audit</Mode>
            </Reseal>
        </component>
    </settings>
    <settings pass="specialize">
        <component name="Microsoft-Windows-Deployment" processorArchitecture="x86" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
            <RunSynchronous>
                <RunSynchronousCommand wcm:action="add">
                    <Description>Disable hibernation</Description>
                    <Order>1</Order>
                    <Path>powercfg -h off</Path>
                    <WillReboot>Never</WillReboot>
                </RunSynchronousCommand>
            </RunSynchronous>
        </component>
        <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
            <ComputerName>*</ComputerName>
        </component>
        <component name="Microsoft-Windows-Broken" processorArchitecture="AMD64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" />
    </settings>
    <cpi:offlineImage cpi:source="wim:c:/images/install.wim#Windows Server 2019 SERVERSTANDARD" xmlns:cpi="urn:schemas-microsoft-com:cpi" />
</unattend>
"#;

fn wsim() -> Unattend {
    Unattend::parse(WSIM_FILE.as_bytes()).unwrap()
}

#[test]
fn passes_components_and_typed_settings_are_read() {
    let file = wsim();
    let passes: Vec<Pass> = file.settings.iter().map(|s| s.pass).collect();
    assert_eq!(passes, [Pass::OobeSystem, Pass::Specialize]);
    let (pass, reseal) = file.components().next().unwrap();
    assert_eq!(pass, Pass::OobeSystem);
    assert_eq!(reseal.processor_architecture, Arch::Amd64);
    let ComponentSettings::Deployment(d) = reseal.settings() else {
        panic!("{reseal:?}")
    };
    assert_eq!(d.reseal.as_ref().unwrap().mode, Some(Mode::Audit));

    let (_, sync) = file.components().nth(1).unwrap();
    assert_eq!(sync.processor_architecture, Arch::X86);
    let ComponentSettings::Deployment(d) = &sync.settings() else {
        panic!("{sync:?}")
    };
    let cmd: &RunSynchronousCommand =
        &d.run_synchronous.as_ref().unwrap().run_synchronous_command[0];
    assert_eq!(cmd.wcm_action, Some(WcmAction::Add));
    assert_eq!(cmd.order, Some(1));
    assert_eq!(cmd.path.as_deref(), Some("powercfg -h off"));
    assert_eq!(cmd.will_reboot, Some(WillReboot::Never));

    // Every documented component is typed when its content fits.
    let (_, shell) = file.components().nth(2).unwrap();
    let ComponentSettings::ShellSetup(s) = shell.settings() else {
        panic!("{shell:?}")
    };
    assert_eq!(s.computer_name.as_deref(), Some("*"));
}

#[test]
fn servicing_offline_image_and_odd_content_are_preserved() {
    let file = wsim();
    let servicing = file.servicing.as_ref().unwrap();
    assert_eq!(servicing.child_elements().next().unwrap().name, "package");
    let image = file.offline_image.as_ref().unwrap();
    assert_eq!(
        image.source,
        "wim:c:/images/install.wim#Windows Server 2019 SERVERSTANDARD"
    );
    let oobe = &file.settings[0];
    assert_eq!(oobe.other_attributes[0].name, "wasPassProcessed");
    assert!(matches!(&oobe.other[0], Node::Comment(c) if c == " boot to audit "));
    // An unknown architecture keeps the component as a generic element.
    let specialize = &file.settings[1];
    assert_eq!(specialize.components.len(), 2);
    assert!(
        matches!(&specialize.other[0], Node::Element(e) if e.attribute(None, "processorArchitecture") == Some("AMD64"))
    );

    let xml = file.to_xml(&WriteOptions::default());
    for needle in [
        "<servicing>",
        "language=\"\"",
        "wasPassProcessed=\"true\"",
        "<!-- boot to audit -->",
        "processorArchitecture=\"AMD64\"",
        "<cpi:offlineImage cpi:source=\"wim:c:/images/install.wim#Windows Server 2019 SERVERSTANDARD\" />",
        "xmlns:cpi=\"urn:schemas-microsoft-com:cpi\"",
    ] {
        assert!(xml.contains(needle), "missing {needle} in\n{xml}");
    }
    // WSIM's per-component declarations collapse into one on the root.
    assert_eq!(xml.matches("xmlns:wcm=").count(), 1);
    assert!(!xml.contains("xmlns:xsi"), "xsi is declared but unused");
}

#[test]
fn canonical_writer_is_a_fixed_point_and_orders_passes() {
    let xml = wsim().to_xml(&WriteOptions::default());
    let again = Unattend::parse(xml.as_bytes()).unwrap();
    assert_eq!(again.to_xml(&WriteOptions::default()), xml);
    let servicing = xml.find("<servicing>").unwrap();
    let specialize = xml.find("pass=\"specialize\"").unwrap();
    let oobe = xml.find("pass=\"oobeSystem\"").unwrap();
    let image = xml.find("<cpi:offlineImage").unwrap();
    assert!(
        servicing < specialize && specialize < oobe && oobe < image,
        "{xml}"
    );
}

#[test]
fn not_an_answer_file_is_an_error_with_position() {
    let doc = Document::parse_str("<?xml version=\"1.0\"?>\n<unattend/>").unwrap();
    let err = Unattend::from_document(&doc).unwrap_err();
    assert_eq!(err.position.to_string(), "2:1");
    assert!(
        err.message.contains("<unattend> without a namespace"),
        "{}",
        err.message
    );
    let err =
        Unattend::parse(b"<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">").unwrap_err();
    assert!(err.to_string().starts_with("1:"), "{err}");
}

#[test]
fn foreign_namespaces_and_prefixes_survive_the_writer() {
    let xml = r#"<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:x="urn:example:x">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="arm64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" x:note="kept">
      <x:Extra>1</x:Extra>
    </component>
  </settings>
  <Extensions xmlns="https://example.com/extensions"><File path="a.ps1">Write-Host &lt;hi&gt;</File></Extensions>
</unattend>"#;
    let file = Unattend::parse(xml.as_bytes()).unwrap();
    let out = file.to_xml(&WriteOptions::default());
    let back = Document::parse_str(&out).unwrap();
    let extra = back.elements().find(|e| e.local_name() == "Extra").unwrap();
    assert_eq!(extra.namespace(), Some("urn:example:x"));
    let note = back
        .elements()
        .find_map(|e| e.attribute_ns(Some("urn:example:x"), "note"))
        .unwrap();
    assert_eq!(note.value(), "kept");
    let file_el = back.elements().find(|e| e.local_name() == "File").unwrap();
    assert_eq!(file_el.namespace(), Some("https://example.com/extensions"));
    assert_eq!(file_el.text().unwrap(), "Write-Host <hi>");
}

#[test]
#[cfg(feature = "schemars")]
fn serde_round_trip_and_json_schema() {
    let file = wsim();
    let json = serde_json::to_string_pretty(&file).unwrap();
    // Exact XML names in the spec format.
    for key in [
        "\"pass\": \"oobeSystem\"",
        "\"processorArchitecture\": \"amd64\"",
        "\"Reseal\"",
        "\"Mode\": \"Audit\"",
        "\"wcm:action\": \"add\"",
        "\"RunSynchronousCommand\"",
    ] {
        assert!(json.contains(key), "missing {key} in {json}");
    }
    let back: Unattend = serde_json::from_str(&json).unwrap();
    assert_eq!(back, file);

    let schema = serde_json::to_value(schemars::schema_for!(Unattend)).unwrap();
    let text = schema.to_string();
    assert!(
        text.contains("\"windowsPE\"")
            && text.contains("\"OOBE\"")
            && text.contains("\"PersistAllDeviceInstalls\"")
    );
}

#[test]
fn spec_defaults_fill_microsofts_identity_attributes() {
    let json = r#"{"settings":[{"pass":"generalize","components":[{"name":"Microsoft-Windows-PnpSysprep","processorArchitecture":"amd64","settings":{"Microsoft-Windows-PnpSysprep":{"PersistAllDeviceInstalls":true}}}]}]}"#;
    let file: Unattend = serde_json::from_str(json).unwrap();
    let c = &file.settings[0].components[0];
    assert_eq!(c.public_key_token, "31bf3856ad364e35");
    assert_eq!(c.language, "neutral");
    assert_eq!(c.version_scope, "nonSxS");
    let unknown = r#"{"settings":[{"pass":"generalize","components":[{"name":"x","processorArchitecture":"amd64","settings":{"Microsoft-Windows-PnpSysprep":{"Persist":true}}}]}]}"#;
    assert!(
        serde_json::from_str::<Unattend>(unknown).is_err(),
        "unknown settings must be rejected"
    );
}

#[test]
fn builders_use_defaults_and_generic_components_write_their_elements() {
    let mut file = Unattend::new();
    file.pass_mut(Pass::Specialize)
        .components
        .push(Component::generic(
            "Microsoft-Windows-Shell-Setup",
            Arch::Amd64,
            vec![Element::leaf(Name::from_static("ComputerName"), "WS-01")],
        ));
    file.pass_mut(Pass::Specialize)
        .components
        .push(Component::typed(Arch::Amd64, Deployment::default()));
    assert_eq!(file.settings.len(), 1, "pass_mut reuses the pass");
    let xml = file.to_xml(&WriteOptions::default());
    assert!(xml.contains("<ComputerName>WS-01</ComputerName>"));
    assert!(xml.contains("<component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\" />"));
}

#[test]
fn element_tree_keeps_leaf_text_exactly_and_drops_only_layout() {
    let doc = Document::parse_str(&format!(
        "<a xmlns:wcm=\"{WCM_NS}\" xmlns:cpi=\"{CPI_NS}\">\n  <b wcm:action=\"add\">  x &amp; <![CDATA[<y>]]> </b>\n  <!--c-->\n  <e/>\n</a>"
    ))
    .unwrap();
    let el = Element::from_document(doc.root());
    assert_eq!(el.children.len(), 3, "{el:?}");
    let Node::Element(b) = &el.children[0] else {
        panic!()
    };
    assert_eq!(b.text().unwrap(), "  x & <y> ");
    assert_eq!(b.attribute(Some(WCM_NS), "action"), Some("add"));
    assert_eq!(b.attributes[0].prefix.as_deref(), Some("wcm"));
    assert!(matches!(&el.children[1], Node::Comment(c) if c == "c"));
    assert!(
        el.attributes.is_empty(),
        "namespace declarations are derived, not stored"
    );
}

#[test]
fn list_item_action_and_key_value_are_readable_on_generic_elements() {
    let xml = format!(
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:w=\"{WCM_NS}\"><settings pass=\"specialize\"><component name=\"Contoso-Custom-Settings\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"><SearchScopes><Scope w:action=\"modify\" w:keyValue=\"Bing\"><ScopeKey>Bing</ScopeKey></Scope></SearchScopes></component></settings></unattend>"
    );
    let file = Unattend::parse(xml.as_bytes()).unwrap();
    let (_, c) = file.components().next().unwrap();
    let ComponentSettings::Generic(nodes) = &c.settings() else {
        panic!()
    };
    let Node::Element(scopes) = &nodes[0] else {
        panic!()
    };
    let scope = scopes.child_elements().next().unwrap();
    assert_eq!(scope.wcm_action(), Some(WcmAction::Modify));
    assert_eq!(scope.wcm_key_value(), Some("Bing"));
    // Written back with the canonical prefix.
    let out = file.to_xml(&WriteOptions::default());
    assert!(
        out.contains("<Scope wcm:action=\"modify\" wcm:keyValue=\"Bing\">"),
        "{out}"
    );
}

#[test]
fn keyed_list_items_are_typed_with_their_key_and_text_value() {
    let xml = format!(
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"{WCM_NS}\"><settings pass=\"specialize\"><component name=\"Microsoft-Windows-DNS-Client\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"><DNSSuffixSearchOrder><DomainName wcm:action=\"add\" wcm:keyValue=\"1\">corp.example.com</DomainName><DomainName wcm:action=\"add\" wcm:keyValue=\"2\">example.com</DomainName></DNSSuffixSearchOrder></component></settings></unattend>"
    );
    let file = Unattend::parse(xml.as_bytes()).unwrap();
    let (_, c) = file.components().next().unwrap();
    let ComponentSettings::DnsClient(dns) = &c.settings() else {
        panic!("{c:?}")
    };
    let names = &dns.dns_suffix_search_order.as_ref().unwrap().domain_name;
    assert_eq!(names.len(), 2);
    assert_eq!(names[1].wcm_key_value.as_deref(), Some("2"));
    assert_eq!(names[1].value.as_deref(), Some("example.com"));
    assert_eq!(names[0].wcm_action, Some(WcmAction::Add));
    let out = file.to_xml(&WriteOptions::default());
    assert!(
        out.contains("<DomainName wcm:action=\"add\" wcm:keyValue=\"2\">example.com</DomainName>"),
        "{out}"
    );
}

#[test]
fn unknown_children_of_a_typed_component_are_kept_in_other() {
    let xml = r#"<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"><ComputerName>PC1</ComputerName><!-- note --><FutureSetting>1</FutureSetting></component></settings></unattend>"#;
    let file = Unattend::parse(xml.as_bytes()).unwrap();
    let (_, c) = file.components().next().unwrap();
    let ComponentSettings::ShellSetup(s) = &c.settings() else {
        panic!("{c:?}")
    };
    assert_eq!(s.computer_name.as_deref(), Some("PC1"));
    assert_eq!(s.other.len(), 2, "{:?}", s.other);
    let out = file.to_xml(&WriteOptions::default());
    assert!(
        out.contains("<FutureSetting>1</FutureSetting>") && out.contains("<!-- note -->"),
        "{out}"
    );
}

/// The structure Microsoft documents for the two sysprep settings every
/// golden image needs, built from typed values.
#[test]
fn typed_reseal_and_persist_all_device_installs_serialize_as_documented() {
    use unattend::model::components::PnpSysprep;
    use unattend::model::components::deployment::Reseal;
    let mut file = Unattend::new();
    file.pass_mut(Pass::OobeSystem)
        .components
        .push(Component::typed(
            Arch::Amd64,
            Deployment {
                reseal: Some(Reseal {
                    mode: Some(Mode::Audit),
                    force_shutdown_now: Some(true),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ));
    file.pass_mut(Pass::Generalize)
        .components
        .push(Component::typed(
            Arch::Amd64,
            PnpSysprep {
                persist_all_device_installs: Some(true),
                ..Default::default()
            },
        ));
    let doc = Document::parse_str(&file.to_xml(&WriteOptions::default())).unwrap();
    let root = doc.root();
    assert!(root.is(unattend::document::UNATTEND_NS, "unattend"));
    let passes: Vec<String> = root
        .child_elements()
        .map(|s| s.attribute_value("pass").unwrap().into_owned())
        .collect();
    assert_eq!(passes, ["generalize", "oobeSystem"], "processing order");

    let component = |pass: &str| {
        let settings = root
            .child_elements()
            .find(|s| s.attribute_value("pass").as_deref() == Some(pass))
            .unwrap();
        let c = settings.child("component").unwrap();
        for (attr, value) in [
            ("processorArchitecture", "amd64"),
            ("publicKeyToken", "31bf3856ad364e35"),
            ("language", "neutral"),
            ("versionScope", "nonSxS"),
        ] {
            assert_eq!(c.attribute_value(attr).as_deref(), Some(value));
        }
        c
    };
    let deployment = component("oobeSystem");
    assert_eq!(
        deployment.attribute_value("name").as_deref(),
        Some("Microsoft-Windows-Deployment")
    );
    let reseal = deployment.child("Reseal").unwrap();
    assert_eq!(reseal.child("Mode").unwrap().text().unwrap(), "Audit");
    assert_eq!(
        reseal.child("ForceShutdownNow").unwrap().text().unwrap(),
        "true"
    );
    assert_eq!(reseal.child_elements().count(), 2);

    let pnp = component("generalize");
    assert_eq!(
        pnp.attribute_value("name").as_deref(),
        Some("Microsoft-Windows-PnpSysprep")
    );
    assert_eq!(
        pnp.child("PersistAllDeviceInstalls")
            .unwrap()
            .text()
            .unwrap(),
        "true"
    );
    assert_eq!(pnp.child_elements().count(), 1);
}

#[cfg(feature = "lint")]
mod typed_access {
    use unattend::lint::{ResolvedConfig, lint_model};
    use unattend::model::components::deployment::{RunSynchronous, RunSynchronousCommand};
    use unattend::model::components::{Deployment, PnpSysprep, ShellSetup};
    use unattend::model::{Arch, Pass, Unattend, WriteOptions};

    #[test]
    fn component_mut_inserts_once_per_pass_and_architecture() {
        let mut file = Unattend::new();
        file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64)
            .computer_name = Some("A".into());
        file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64)
            .time_zone = Some("UTC".into());
        file.component_mut::<ShellSetup>(Pass::Specialize, Arch::X86)
            .computer_name = Some("B".into());
        assert_eq!(file.settings.len(), 1);
        assert_eq!(file.settings[0].components.len(), 2);
        let first = file.component::<ShellSetup>(Pass::Specialize).unwrap();
        assert_eq!(first.computer_name.as_deref(), Some("A"));
        assert_eq!(first.time_zone.as_deref(), Some("UTC"));
        let names: Vec<(Arch, Option<&str>)> = file
            .components_of::<ShellSetup>()
            .map(|(_, arch, s)| (arch, s.computer_name.as_deref()))
            .collect();
        assert_eq!(names, [(Arch::Amd64, Some("A")), (Arch::X86, Some("B"))]);
        assert!(file.component::<Deployment>(Pass::Specialize).is_none());
    }

    #[test]
    fn component_mut_finds_a_read_component_whatever_its_casing() {
        let xml = br#"<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="specialize"><component name="microsoft-windows-shell-setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"><ComputerName>WEB01</ComputerName></component></settings></unattend>"#;
        let mut file = Unattend::parse(xml).unwrap();
        let shell = file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64);
        assert_eq!(shell.computer_name.as_deref(), Some("WEB01"));
        shell.computer_name = Some("WEB02".into());
        assert_eq!(file.settings[0].components.len(), 1);
        let out = file.to_xml(&WriteOptions::default());
        assert!(out.contains("<ComputerName>WEB02</ComputerName>"), "{out}");
    }

    const GENERIC_PNP: &[u8] = br#"<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="generalize"><component name="Microsoft-Windows-PnpSysprep" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"><PersistAllDeviceInstalls>maybe</PersistAllDeviceInstalls><!-- keep --><DoNotCleanUpNonPresentDevices>true</DoNotCleanUpNonPresentDevices></component></settings></unattend>"#;

    #[test]
    fn try_component_mut_refuses_a_generic_component_and_changes_nothing() {
        // A value that does not fit its type keeps the component generic.
        let mut file = Unattend::parse(GENERIC_PNP).unwrap();
        let before = file.clone();
        let err = file
            .try_component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64)
            .unwrap_err();
        assert_eq!(err.component, "Microsoft-Windows-PnpSysprep");
        assert_eq!((err.pass, err.arch), (Pass::Generalize, Arch::Amd64));
        assert!(err.to_string().contains("generic"));
        assert_eq!(file, before);
        assert!(file.component::<PnpSysprep>(Pass::Generalize).is_none());
        // Another architecture has no component yet: inserted.
        file.try_component_mut::<PnpSysprep>(Pass::Generalize, Arch::X86)
            .unwrap()
            .persist_all_device_installs = Some(true);
        assert_eq!(file.settings[0].components.len(), 2);
    }

    #[test]
    fn component_mut_types_what_fits_and_keeps_the_rest_unchanged() {
        let mut file = Unattend::parse(GENERIC_PNP).unwrap();
        let pnp = file.component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64);
        // The child that fits is typed; the value `maybe` and the comment are kept.
        assert_eq!(pnp.do_not_clean_up_non_present_devices, Some(true));
        assert_eq!(pnp.persist_all_device_installs, None);
        assert_eq!(pnp.other.len(), 2, "{:?}", pnp.other);
        pnp.do_not_clean_up_non_present_devices = Some(false);
        assert_eq!(file.settings[0].components.len(), 1, "no second component");
        let xml = file.to_xml(&WriteOptions::default());
        assert!(
            xml.contains("<PersistAllDeviceInstalls>maybe</PersistAllDeviceInstalls>"),
            "{xml}"
        );
        assert!(xml.contains("<!-- keep -->"), "{xml}");
        assert!(
            xml.contains("<DoNotCleanUpNonPresentDevices>false</DoNotCleanUpNonPresentDevices>"),
            "{xml}"
        );
        // Read back, the same content (the bad value keeps it generic again).
        let again = Unattend::parse(xml.as_bytes()).unwrap();
        assert_eq!(again.to_xml(&WriteOptions::default()), xml);
    }

    /// A node's content with attribute and child order ignored, as Windows
    /// reads it (the canonical writer orders settings by the catalog).
    fn normalized(node: &unattend::model::Node) -> String {
        match node {
            unattend::model::Node::Element(e) => {
                let mut attrs: Vec<String> = e
                    .attributes
                    .iter()
                    .map(|a| format!("{:?}:{}={}", a.namespace, a.name, a.value))
                    .collect();
                attrs.sort();
                let mut kids: Vec<String> = e.children.iter().map(normalized).collect();
                kids.sort();
                format!("<{}:{} {attrs:?}>{kids:?}", e.namespace, e.name)
            }
            other => format!("{other:?}"),
        }
    }

    fn content(c: &unattend::model::Component) -> Vec<String> {
        let mut v: Vec<String> = c.settings().to_children().iter().map(normalized).collect();
        v.sort();
        v
    }

    /// Converts every Shell-Setup and Deployment component through
    /// `component_mut` (typed ones stay as they are, generic ones are
    /// adopted) and checks that not one child changed.
    fn convert_and_compare(bytes: &[u8], what: &str) -> usize {
        let Ok(mut file) = Unattend::parse(bytes) else {
            return 0; // malformed corpus files
        };
        let before: Vec<Vec<String>> = file.components().map(|(_, c)| content(c)).collect();
        let mut converted = 0;
        for i in 0..file.settings.len() {
            let pass = file.settings[i].pass;
            if file.settings.iter().position(|s| s.pass == pass) != Some(i) {
                continue; // component_mut edits the first settings of a pass
            }
            for j in 0..file.settings[i].components.len() {
                let c = &file.settings[i].components[j];
                let (arch, name, generic) = (
                    c.processor_architecture,
                    c.name().to_string(),
                    c.settings().is_generic(),
                );
                let first = file.settings[i].components.iter().position(|d| {
                    d.processor_architecture == arch && d.name().eq_ignore_ascii_case(&name)
                });
                if first != Some(j) {
                    continue; // a duplicate component: component_mut finds the first
                }
                if name.eq_ignore_ascii_case("Microsoft-Windows-Shell-Setup") {
                    file.component_mut::<ShellSetup>(pass, arch);
                } else if name.eq_ignore_ascii_case("Microsoft-Windows-Deployment") {
                    file.component_mut::<Deployment>(pass, arch);
                } else {
                    continue;
                }
                converted += usize::from(generic);
                assert!(
                    !file.settings[i].components[j].settings().is_generic(),
                    "{what}"
                );
            }
        }
        let after: Vec<Vec<String>> = file.components().map(|(_, c)| content(c)).collect();
        assert_eq!(before, after, "{what}: content changed");
        converted
    }

    #[test]
    fn component_mut_never_drops_or_changes_content() {
        let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let typical = std::fs::read(manifest.join("tests/fixtures/typical.xml")).unwrap();
        convert_and_compare(&typical, "typical.xml");
        let corpus = std::env::var_os("UNATTEND_CORPUS")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| manifest.join("../../../shared/corpus/public"));
        let Ok(entries) = std::fs::read_dir(&corpus) else {
            eprintln!(
                "note: no corpus at {}; checked the fixture only",
                corpus.display()
            );
            return;
        };
        let mut generic = 0;
        for path in entries.map(|e| e.unwrap().path()) {
            if path.extension().is_some_and(|e| e == "xml") {
                generic += convert_and_compare(
                    &std::fs::read(&path).unwrap(),
                    &path.display().to_string(),
                );
            }
        }
        // The corpus has components that do not fit their type: the
        // conversion was exercised, not only the typed path.
        assert!(generic > 0, "no generic component converted");
        eprintln!("converted {generic} generic components");
    }

    #[test]
    fn list_items_without_an_action_are_written_as_add_and_lint_clean() {
        let mut file = Unattend::new();
        file.component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64)
            .persist_all_device_installs = Some(true);
        file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64)
            .computer_name = Some("*".into());
        file.component_mut::<Deployment>(Pass::Specialize, Arch::Amd64)
            .run_synchronous = Some(RunSynchronous {
            // wcm:action left out: the writer fills "add".
            run_synchronous_command: (1..=2)
                .map(|order| RunSynchronousCommand {
                    order: Some(order),
                    path: Some(format!("cmd /c echo {order}")),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        });
        let xml = file.to_xml(&WriteOptions::default());
        assert_eq!(
            xml.matches(r#"<RunSynchronousCommand wcm:action="add">"#)
                .count(),
            2,
            "{xml}"
        );
        let findings = lint_model(&file, &ResolvedConfig::default());
        assert!(findings.is_empty(), "{findings:#?}");
        // Read back, the file is typed again (wcm:action now present).
        let again = Unattend::parse(xml.as_bytes()).unwrap();
        assert_eq!(again.to_xml(&WriteOptions::default()), xml);
        assert!(again.component::<Deployment>(Pass::Specialize).is_some());
    }

    #[test]
    fn lint_model_reports_setting_paths() {
        let mut file = Unattend::new();
        file.component_mut::<ShellSetup>(Pass::OobeSystem, Arch::Amd64)
            .computer_name = Some("WEB01".into());
        let findings = lint_model(&file, &ResolvedConfig::default());
        let ua201 = findings.iter().find(|d| d.code == "UA201").unwrap();
        assert_eq!(
            ua201.path.as_deref(),
            Some(
                "/unattend/settings[@pass='oobeSystem']/component[@name='Microsoft-Windows-Shell-Setup']/ComputerName"
            )
        );
    }
}

/// The crate example `sysprep_pipeline`, built here through the same code.
#[path = "../examples/sysprep_pipeline.rs"]
#[allow(dead_code)] // its `main`
mod sysprep_pipeline;

mod constructors {
    use unattend::model::components::deployment::{RunSynchronous, RunSynchronousCommand};
    use unattend::model::components::shell_setup::{
        AdministratorPassword, LocalAccount, Password, ProtectYourPc,
    };
    use unattend::model::components::{Deployment, PnpSysprep, ShellSetup};
    use unattend::model::{Order, Pass, Unattend, WcmAction, WriteOptions};
    use unattend::password;

    use super::sysprep_pipeline;

    #[test]
    fn the_sysprep_pipeline_example_lints_clean_and_reads_back() {
        let file = sysprep_pipeline::build("S3cret-pw").unwrap();
        let findings = sysprep_pipeline::check(&file);
        assert!(findings.is_empty(), "{findings:#?}");
        let xml = file.to_xml(&WriteOptions::default());
        assert!(!xml.contains("S3cret-pw"), "the password is hidden");
        let again = Unattend::parse(xml.as_bytes()).unwrap();
        assert_eq!(again, file, "the model reads back as built");
        assert_eq!(again.to_xml(&WriteOptions::default()), xml);
        assert!(again.component::<PnpSysprep>(Pass::Generalize).is_some());
        let commands = &again
            .component::<Deployment>(Pass::Specialize)
            .unwrap()
            .run_synchronous
            .as_ref()
            .unwrap()
            .run_synchronous_command;
        let orders: Vec<_> = commands.iter().map(|c| (c.order, c.wcm_action)).collect();
        assert_eq!(
            orders,
            [
                (Some(1), Some(WcmAction::Add)),
                (Some(2), Some(WcmAction::Add))
            ]
        );
        let oobe = again.component::<ShellSetup>(Pass::OobeSystem).unwrap();
        let account = &oobe
            .user_accounts
            .as_ref()
            .unwrap()
            .local_accounts
            .as_ref()
            .unwrap()
            .local_account[0];
        let value = account.password.as_ref().unwrap().value.as_deref().unwrap();
        assert_eq!(password::decode(value).unwrap(), "S3cret-pwPassword");
    }

    #[test]
    fn ordered_lists_number_from_one_without_gaps() {
        let list = RunSynchronous::ordered([
            RunSynchronousCommand::new(Order::new(7).unwrap(), "a"),
            RunSynchronousCommand::new(Order::new(3).unwrap(), "b"),
            RunSynchronousCommand::new(Order::FIRST, "c"),
        ]);
        let got: Vec<(Option<i64>, Option<&str>)> = list
            .run_synchronous_command
            .iter()
            .map(|c| (c.order, c.path.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), Some("a")),
                (Some(2), Some("b")),
                (Some(3), Some("c"))
            ]
        );
        assert_eq!(
            RunSynchronous::from_commands(Vec::<String>::new())
                .run_synchronous_command
                .len(),
            0
        );
    }

    #[test]
    fn orders_below_one_are_refused() {
        assert!(Order::new(0).is_err());
        assert_eq!(Order::try_from(-1i64).unwrap_err().value, -1);
        assert_eq!(Order::try_from(500i64).unwrap().get(), 500);
        assert!(Order::try_from(i64::from(u32::MAX) + 1).is_err());
        assert!(Order::new(0).unwrap_err().to_string().contains("from 1"));
    }

    #[test]
    fn hidden_passwords_carry_the_element_name_of_their_type() {
        let admin = AdministratorPassword::hidden("pw").unwrap();
        assert_eq!(admin.plain_text, Some(false));
        assert_eq!(
            admin.value.as_deref(),
            Some(password::encode("pw", "AdministratorPassword").as_str())
        );
        let user = Password::hidden("pw").unwrap();
        assert_eq!(
            user.value.as_deref(),
            Some(password::encode("pw", "Password").as_str())
        );
        assert!(Password::hidden("").is_err());
        assert_eq!(Password::plain("").value.as_deref(), Some(""));
    }

    #[test]
    fn debug_never_prints_a_secret() {
        let account = LocalAccount {
            password: Some(Password::plain("Sup3r-secret")),
            ..LocalAccount::new("Operator")
        };
        let shell = ShellSetup {
            product_key: Some("VK7JG-NPHTM-C97JM-9MPGT-3V66T".into()),
            ..Default::default()
        };
        let text = format!("{account:?} {account:#?} {shell:?}");
        assert!(!text.contains("Sup3r-secret"), "{text}");
        assert!(!text.contains("VK7JG"), "{text}");
        assert!(text.contains("Operator"), "{text}");
        assert!(text.contains("***"), "{text}");
    }

    const OOBE: &str = r#"<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="oobeSystem"><component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"><OOBE><ProtectYourPC>VALUE</ProtectYourPC></OOBE></component></settings></unattend>"#;

    #[test]
    fn closed_integer_sets_are_enums_that_keep_unknown_values() {
        let file = Unattend::parse(OOBE.replace("VALUE", "3").as_bytes()).unwrap();
        let shell = file.component::<ShellSetup>(Pass::OobeSystem).unwrap();
        assert_eq!(
            shell.oobe.as_ref().unwrap().protect_your_pc,
            Some(ProtectYourPc::V3)
        );
        assert_eq!(ProtectYourPc::V3.as_str(), "3");
        // serde keeps the exact literal too.
        assert_eq!(serde_json::to_string(&ProtectYourPc::V3).unwrap(), r#""3""#);
        // A value outside the set (or spelled differently) is not lost: the
        // component stays generic and writes the text back as read.
        for odd in ["4", "03", " 3"] {
            let file = Unattend::parse(OOBE.replace("VALUE", odd).as_bytes()).unwrap();
            assert!(
                file.component::<ShellSetup>(Pass::OobeSystem).is_none(),
                "{odd}"
            );
            let xml = file.to_xml(&WriteOptions::default());
            assert!(
                xml.contains(&format!("<ProtectYourPC>{odd}</ProtectYourPC>")),
                "{xml}"
            );
        }
    }
}

/// A typed component's name comes from its type; every way of pairing a
/// name with typed settings checks that they agree.
#[test]
fn typed_settings_and_their_component_name_cannot_disagree() {
    use unattend::model::components::{PnpSysprep, ShellSetup};
    let typed = Component::typed(Arch::Amd64, PnpSysprep::default());
    assert_eq!(typed.name(), "Microsoft-Windows-PnpSysprep");

    let pnp = ComponentSettings::from(PnpSysprep::default());
    let err =
        Component::new("Microsoft-Windows-Shell-Setup", Arch::Amd64, pnp.clone()).unwrap_err();
    assert_eq!(err.expected, "Microsoft-Windows-PnpSysprep");
    assert!(
        err.to_string().contains("Microsoft-Windows-Shell-Setup"),
        "{err}"
    );
    // Windows compares names ignoring case, as the reader does.
    let lower = Component::new("microsoft-windows-pnpsysprep", Arch::Amd64, pnp.clone()).unwrap();
    assert!(lower.get::<PnpSysprep>().is_some());

    let mut c = typed.clone();
    assert!(c.set_name("Microsoft-Windows-Shell-Setup").is_err());
    assert_eq!(c.name(), "Microsoft-Windows-PnpSysprep", "unchanged");
    assert!(c.set_settings(ShellSetup::default().into()).is_err());
    assert!(c.get::<PnpSysprep>().is_some(), "unchanged");
    assert!(c.get::<ShellSetup>().is_none());
    // Generic settings go under any name.
    c.set_settings(ComponentSettings::Generic(Vec::new()))
        .unwrap();
    c.set_name("Contoso-Agent").unwrap();
    assert!(c.generic_mut().is_some());

    // Deserialization checks the same, with an error rather than silently.
    let mut json = serde_json::to_value(&typed).unwrap();
    assert!(serde_json::from_value::<Component>(json.clone()).is_ok());
    json["name"] = "Microsoft-Windows-Shell-Setup".into();
    let err = serde_json::from_value::<Component>(json).unwrap_err();
    assert!(
        err.to_string().contains("cannot hold the typed settings"),
        "{err}"
    );
}

/// Names inside a deserialized model are checked too: the spec and JSON
/// paths cannot smuggle in a name that would not parse.
#[test]
fn deserialized_elements_with_invalid_names_are_refused() {
    let ok: Element = serde_json::from_str(r#"{"name":"Reseal"}"#).unwrap();
    assert_eq!(ok.name, "Reseal");
    for bad in ["Re seal", "a:b", "", "<x"] {
        let json = serde_json::json!({ "name": bad });
        let err = serde_json::from_value::<Element>(json).unwrap_err();
        assert!(err.to_string().contains("not a valid XML"), "{bad}: {err}");
        let json = serde_json::json!({ "name": "A", "attributes": [{ "name": bad, "value": "" }] });
        assert!(serde_json::from_value::<Element>(json).is_err(), "{bad}");
    }
}
