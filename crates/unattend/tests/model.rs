//! The typed model: reading, typing, preserving and writing answer files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use unattend::document::{CPI_NS, Document, WCM_NS};
use unattend::model::components::Deployment;
use unattend::model::components::deployment::{Mode, RunSynchronousCommand, WillReboot};
use unattend::model::{
    Arch, Component, ComponentSettings, Element, Node, Pass, Unattend, WcmAction, WriteOptions,
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
    let ComponentSettings::Deployment(d) = &reseal.settings else {
        panic!("{reseal:?}")
    };
    assert_eq!(d.reseal.as_ref().unwrap().mode, Some(Mode::Audit));

    let (_, sync) = file.components().nth(1).unwrap();
    assert_eq!(sync.processor_architecture, Arch::X86);
    let ComponentSettings::Deployment(d) = &sync.settings else {
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
    let ComponentSettings::ShellSetup(s) = &shell.settings else {
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
            vec![Element::leaf("ComputerName", "WS-01")],
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
    let ComponentSettings::Generic(nodes) = &c.settings else {
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
    let ComponentSettings::DnsClient(dns) = &c.settings else {
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
    let ComponentSettings::ShellSetup(s) = &c.settings else {
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
            .unwrap()
            .computer_name = Some("A".into());
        file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64)
            .unwrap()
            .time_zone = Some("UTC".into());
        file.component_mut::<ShellSetup>(Pass::Specialize, Arch::X86)
            .unwrap()
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
        let shell = file
            .component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64)
            .unwrap();
        assert_eq!(shell.computer_name.as_deref(), Some("WEB01"));
        shell.computer_name = Some("WEB02".into());
        assert_eq!(file.settings[0].components.len(), 1);
        let out = file.to_xml(&WriteOptions::default());
        assert!(out.contains("<ComputerName>WEB02</ComputerName>"), "{out}");
    }

    #[test]
    fn component_mut_refuses_a_generic_component_and_changes_nothing() {
        // A value that does not fit its type keeps the component generic.
        let xml = br#"<unattend xmlns="urn:schemas-microsoft-com:unattend"><settings pass="generalize"><component name="Microsoft-Windows-PnpSysprep" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS"><PersistAllDeviceInstalls>maybe</PersistAllDeviceInstalls></component></settings></unattend>"#;
        let mut file = Unattend::parse(xml).unwrap();
        let before = file.clone();
        let err = file
            .component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64)
            .unwrap_err();
        assert_eq!(err.component, "Microsoft-Windows-PnpSysprep");
        assert_eq!((err.pass, err.arch), (Pass::Generalize, Arch::Amd64));
        assert!(err.to_string().contains("generic"));
        assert_eq!(file, before);
        assert!(file.component::<PnpSysprep>(Pass::Generalize).is_none());
    }

    #[test]
    fn list_items_without_an_action_are_written_as_add_and_lint_clean() {
        let mut file = Unattend::new();
        file.component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64)
            .unwrap()
            .persist_all_device_installs = Some(true);
        file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64)
            .unwrap()
            .computer_name = Some("*".into());
        file.component_mut::<Deployment>(Pass::Specialize, Arch::Amd64)
            .unwrap()
            .run_synchronous = Some(RunSynchronous {
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
            .unwrap()
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
