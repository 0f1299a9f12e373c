//! The typed answer file.
//!
//! [`Unattend`] → [`Settings`] (one per `<settings pass="…">`) → [`Component`]s.
//! Components the catalog documents get typed settings (generated, see
//! [`components`]);
//! everything else is carried as a generic [`Element`] tree, so converting a
//! [`Document`] to an `Unattend` never drops an
//! element, attribute or value. The canonical writer ([`Unattend::to_xml`])
//! writes UTF-8 with a declaration, passes in processing order and consistent
//! indentation.
//!
//! Comments inside `<settings>` are kept in [`Settings::other`] and written
//! after the components; comments outside the root element are not part of
//! the model (the document layer keeps them).
//!
//! ```
//! use unattend::model::{Arch, Component, Pass, Unattend, WriteOptions};
//! use unattend::model::components::deployment::{Mode, Reseal};
//! use unattend::model::components::{Deployment, PnpSysprep};
//!
//! let mut file = Unattend::new();
//! file.pass_mut(Pass::Generalize).components.push(Component::typed(
//!     Arch::Amd64,
//!     PnpSysprep { persist_all_device_installs: Some(true), ..Default::default() },
//! ));
//! file.pass_mut(Pass::OobeSystem).components.push(Component::typed(
//!     Arch::Amd64,
//!     Deployment {
//!         reseal: Some(Reseal { mode: Some(Mode::Audit), ..Default::default() }),
//!         ..Default::default()
//!     },
//! ));
//! let xml = file.to_xml(&WriteOptions::default());
//! assert!(xml.contains("<PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>"));
//! ```

mod component;
#[path = "generated/mod.rs"]
pub mod components;
mod element;
mod name;
mod order;
mod pass;
// Generator plumbing: the traits generated code implements and the helpers
// its bodies call. Private, so none of it is public API; `ComponentType`
// (sealed) is re-exported below.
mod typed;
mod write;
mod xml_value;

use serde::{Deserialize, Serialize};

pub use component::{
    Component, ComponentNameMismatch, LANGUAGE_NEUTRAL, PUBLIC_KEY_TOKEN, VERSION_SCOPE_NON_SXS,
};
pub use components::ComponentSettings;
pub use element::{Attribute, Element, Node};
pub use name::{InvalidName, Name};
pub use order::{Order, OrderError};
pub use pass::{Arch, Pass, UnknownArch, UnknownPass};
pub use typed::ComponentType;
pub use write::WriteOptions;
#[cfg(feature = "spec")]
pub(crate) use write::{write_document, write_fragment};
pub use xml_value::{WcmAction, XmlValue};

use crate::document::{CPI_NS, Document, LineCol, ParseError, UNATTEND_NS};

/// Why a document is not an answer file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{position}: {message}")]
pub struct ModelError {
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where.
    pub position: LineCol,
    /// The class of problem.
    pub kind: ModelErrorKind,
}

/// Classes of [`ModelError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ModelErrorKind {
    /// The root element is not `<unattend>` in the answer-file namespace.
    NotAnAnswerFile,
    /// The document was read past faults ([`Document::parse_recovering`]):
    /// a model of it, written back, would not be the file.
    Recovered,
}

/// [`Unattend::component_mut`] found the component, but its content does not
/// fit the typed struct (it is kept as a generic element tree).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{component} ({arch}) in {pass} holds content its typed settings cannot represent; edit it as generic elements"
)]
#[non_exhaustive]
pub struct ComponentNotTyped {
    /// The component's canonical name.
    pub component: &'static str,
    /// The pass it is in.
    pub pass: Pass,
    /// Its architecture.
    pub arch: Arch,
}

/// Reading an answer file failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The bytes are not well-formed XML.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The XML is not an answer file.
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// An answer file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Unattend {
    /// The `<servicing>` element (package servicing), kept as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servicing: Option<Element>,
    /// The configuration passes in file order (the writer sorts them by
    /// processing order).
    #[serde(default)]
    pub settings: Vec<Settings>,
    /// The `<cpi:offlineImage>` reference Windows SIM writes.
    #[serde(
        rename = "offlineImage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub offline_image: Option<OfflineImage>,
    /// Attributes of `<unattend>` other than namespace declarations.
    #[serde(
        rename = "otherAttributes",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub other_attributes: Vec<Attribute>,
    /// Any other content of `<unattend>` (comments, unknown elements).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Node>,
}

/// One `<settings pass="…">` element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Settings {
    /// The configuration pass.
    pub pass: Pass,
    /// The components, in order.
    #[serde(default)]
    pub components: Vec<Component>,
    /// Attributes other than `pass` (e.g. `wasPassProcessed`).
    #[serde(
        rename = "otherAttributes",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub other_attributes: Vec<Attribute>,
    /// Other content: comments, and component elements that lack identity
    /// attributes or name an unknown architecture.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<Node>,
}

/// `<cpi:offlineImage cpi:source="wim:…">`: the image Windows SIM used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct OfflineImage {
    /// The `cpi:source` value, e.g. `wim:c:/images/install.wim#Windows 10 Pro`.
    pub source: String,
    /// Other attributes, as written.
    #[serde(
        rename = "otherAttributes",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub other_attributes: Vec<Attribute>,
    /// Child nodes, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

impl Settings {
    /// An empty pass.
    pub fn new(pass: Pass) -> Settings {
        Settings {
            pass,
            components: Vec::new(),
            other_attributes: Vec::new(),
            other: Vec::new(),
        }
    }

    fn from_element(el: &Element) -> Option<Settings> {
        let pass = el.attribute(None, "pass")?.parse::<Pass>().ok()?;
        let mut settings = Settings::new(pass);
        settings.other_attributes = el
            .attributes
            .iter()
            .filter(|a| !a.is(None, "pass"))
            .cloned()
            .collect();
        for child in &el.children {
            let component = match child {
                Node::Element(c) if c.name == "component" && c.namespace == UNATTEND_NS => {
                    Component::from_element(c)
                }
                _ => None,
            };
            match component {
                Some(c) => settings.components.push(c),
                None => settings.other.push(child.clone()),
            }
        }
        Some(settings)
    }

    /// The pass as a `<settings>` element.
    pub fn to_element(&self) -> Element {
        let mut el = Element::new(Name::from_static("settings")).with_attribute(Attribute::new(
            Name::from_static("pass"),
            self.pass.as_str(),
        ));
        el.attributes.extend(self.other_attributes.iter().cloned());
        el.children = self
            .components
            .iter()
            .map(|c| Node::Element(c.to_element()))
            .chain(self.other.iter().cloned())
            .collect();
        el
    }
}

impl OfflineImage {
    fn from_element(el: &Element) -> Option<OfflineImage> {
        let source = el.attribute(Some(CPI_NS), "source")?.to_string();
        Some(OfflineImage {
            source,
            other_attributes: el
                .attributes
                .iter()
                .filter(|a| !a.is(Some(CPI_NS), "source"))
                .cloned()
                .collect(),
            children: el.children.clone(),
        })
    }

    fn to_element(&self) -> Element {
        let mut el = Element::new(Name::from_static("offlineImage"));
        el.namespace = CPI_NS.to_string();
        el.prefix = Some("cpi".to_string());
        el.attributes.push(Attribute::ns(
            CPI_NS,
            "cpi",
            Name::from_static("source"),
            &self.source,
        ));
        el.attributes.extend(self.other_attributes.iter().cloned());
        el.children = self.children.clone();
        el
    }
}

impl Unattend {
    /// An empty answer file.
    ///
    /// ```
    /// use unattend::model::{Unattend, WriteOptions};
    ///
    /// let xml = Unattend::new().to_xml(&WriteOptions::default());
    /// assert!(xml.contains(r#"<unattend xmlns="urn:schemas-microsoft-com:unattend" />"#));
    /// ```
    pub fn new() -> Unattend {
        Unattend::default()
    }

    /// Reads an answer file from bytes.
    ///
    /// ```
    /// use unattend::model::{LoadError, Pass, Unattend};
    ///
    /// let file = Unattend::parse(br#"<unattend xmlns="urn:schemas-microsoft-com:unattend">
    ///   <settings pass="generalize"/>
    /// </unattend>"#)?;
    /// assert_eq!(file.settings[0].pass, Pass::Generalize);
    ///
    /// assert!(matches!(Unattend::parse(b"<a/>"), Err(LoadError::Model(_))));
    /// assert!(matches!(Unattend::parse(b"<a>"), Err(LoadError::Parse(_))));
    /// # Ok::<(), LoadError>(())
    /// ```
    pub fn parse(bytes: &[u8]) -> Result<Unattend, LoadError> {
        let doc = Document::parse(bytes)?;
        Ok(Unattend::from_document(&doc)?)
    }

    /// Builds the model from a document; every element, attribute and value is kept.
    pub fn from_document(doc: &Document) -> Result<Unattend, ModelError> {
        let root = doc.root();
        if let Some(recovery) = doc.recovery() {
            let at = recovery
                .faults
                .first()
                .map_or(root.span().start as usize, |f| f.offset);
            return Err(ModelError {
                message: "the file was read past its faults for linting only; fix it first".into(),
                position: doc.line_col(at),
                kind: ModelErrorKind::Recovered,
            });
        }
        if !root.is(UNATTEND_NS, "unattend") {
            let namespace = match root.namespace() {
                Some(ns) => format!(" in namespace {ns:?}"),
                None => " without a namespace".to_string(),
            };
            return Err(ModelError {
                message: format!(
                    "the root element is <{}>{namespace}, not <unattend xmlns=\"{UNATTEND_NS}\">",
                    root.name()
                ),
                position: doc.line_col(root.span().start as usize),
                kind: ModelErrorKind::NotAnAnswerFile,
            });
        }
        Ok(Unattend::from_element(&Element::from_document(root)))
    }

    /// Builds the model from a generic `<unattend>` element.
    pub fn from_element(root: &Element) -> Unattend {
        let mut file = Unattend {
            other_attributes: root.attributes.clone(),
            ..Unattend::default()
        };
        for child in &root.children {
            let adopted = match child {
                Node::Element(el) => file.adopt(el),
                _ => false,
            };
            if !adopted {
                file.other.push(child.clone());
            }
        }
        file
    }

    /// Takes a child of `<unattend>` into its typed place; false when it has none.
    fn adopt(&mut self, el: &Element) -> bool {
        match (el.namespace.as_str(), el.name.as_str()) {
            (UNATTEND_NS, "settings") => Settings::from_element(el)
                .map(|s| self.settings.push(s))
                .is_some(),
            (UNATTEND_NS, "servicing") if self.servicing.is_none() => {
                self.servicing = Some(el.clone());
                true
            }
            (CPI_NS, "offlineImage") if self.offline_image.is_none() => {
                OfflineImage::from_element(el)
                    .map(|img| self.offline_image = Some(img))
                    .is_some()
            }
            _ => false,
        }
    }

    /// The settings of a pass (the first, if the file repeats the pass),
    /// created empty when missing.
    pub fn pass_mut(&mut self, pass: Pass) -> &mut Settings {
        let idx = match self.settings.iter().position(|s| s.pass == pass) {
            Some(i) => i,
            None => {
                self.settings.push(Settings::new(pass));
                self.settings.len() - 1
            }
        };
        &mut self.settings[idx]
    }

    /// The typed settings of component `T` in `pass`, whatever its
    /// architecture (the first one, in file order); `None` when the pass has
    /// no such component or its content does not fit the type.
    ///
    /// ```
    /// use unattend::model::components::ShellSetup;
    /// use unattend::model::{Pass, Unattend};
    ///
    /// let xml = br#"<unattend xmlns="urn:schemas-microsoft-com:unattend">
    ///   <settings pass="specialize">
    ///     <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64"
    ///       publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
    ///       <ComputerName>WEB01</ComputerName>
    ///     </component>
    ///   </settings>
    /// </unattend>"#;
    /// let file = Unattend::parse(xml).unwrap();
    /// let shell = file.component::<ShellSetup>(Pass::Specialize).unwrap();
    /// assert_eq!(shell.computer_name.as_deref(), Some("WEB01"));
    /// assert!(file.component::<ShellSetup>(Pass::OobeSystem).is_none());
    /// ```
    pub fn component<T: ComponentType>(&self, pass: Pass) -> Option<&T> {
        self.settings
            .iter()
            .filter(|s| s.pass == pass)
            .flat_map(|s| &s.components)
            .find_map(|c| c.get::<T>())
    }

    /// The typed settings of component `T` for one architecture in `pass`
    /// (get or insert): inserted empty, with Microsoft's identity attributes,
    /// when the pass has none; the pass is created when missing. One
    /// component per pass and architecture, as Windows requires.
    ///
    /// This never fails and never drops content. When the pass already holds
    /// a component of that name and architecture whose content does not fit
    /// the type as a whole (for example `<PersistAllDeviceInstalls>True`,
    /// which is not the exact literal `true`), the component is converted:
    /// every child that fits is typed, and every child that does not is
    /// moved, unchanged, into `T`'s `other` nodes, which are written after
    /// the typed settings. Setting a field whose element is among those kept
    /// nodes writes the element twice (lint reports UA203); use
    /// [`try_component_mut`](Self::try_component_mut) to leave such a
    /// component untouched instead.
    ///
    /// ```
    /// use unattend::model::components::{Deployment, PnpSysprep, ShellSetup};
    /// use unattend::model::{Arch, Pass, Unattend, WriteOptions};
    ///
    /// let mut file = Unattend::new();
    /// file.component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64)
    ///     .persist_all_device_installs = Some(true);
    /// file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64).computer_name =
    ///     Some("WEB01".into());
    /// // Asking again gives the same component, not a second one.
    /// file.component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64).time_zone =
    ///     Some("UTC".into());
    /// assert_eq!(file.components().count(), 2);
    /// let xml = file.to_xml(&WriteOptions::default());
    /// assert!(xml.contains("<ComputerName>WEB01</ComputerName>"));
    /// ```
    ///
    /// A component read from a file that does not fit its type keeps what
    /// does not fit:
    ///
    /// ```
    /// use unattend::model::components::PnpSysprep;
    /// use unattend::model::{Arch, Pass, Unattend, WriteOptions};
    ///
    /// let xml = br#"<unattend xmlns="urn:schemas-microsoft-com:unattend">
    ///   <settings pass="generalize">
    ///     <component name="Microsoft-Windows-PnpSysprep" processorArchitecture="amd64"
    ///       publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
    ///       <PersistAllDeviceInstalls>True</PersistAllDeviceInstalls>
    ///     </component>
    ///   </settings>
    /// </unattend>"#;
    /// let mut file = Unattend::parse(xml)?;
    /// let pnp = file.component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64);
    /// assert_eq!(pnp.persist_all_device_installs, None); // `True` is not typed…
    /// pnp.do_not_clean_up_non_present_devices = Some(true);
    /// let out = file.to_xml(&WriteOptions::default());
    /// assert!(out.contains("<PersistAllDeviceInstalls>True</PersistAllDeviceInstalls>")); // …but kept
    /// assert!(out.contains("<DoNotCleanUpNonPresentDevices>true</DoNotCleanUpNonPresentDevices>"));
    /// # Ok::<(), unattend::model::LoadError>(())
    /// ```
    pub fn component_mut<T: ComponentType + Default>(&mut self, pass: Pass, arch: Arch) -> &mut T {
        let settings = self.pass_mut(pass);
        let idx = match Self::find_component::<T>(settings, arch) {
            Some(i) => {
                let component = &mut settings.components[i];
                if component.get::<T>().is_none() {
                    // Generic content: type what fits, keep the rest. The
                    // name already is T's, so name and settings agree.
                    let adopted = typed::adopt::<T>(&component.settings().to_children()).into();
                    *component.settings_mut() = adopted;
                }
                i
            }
            None => {
                settings
                    .components
                    .push(Component::typed(arch, T::default()));
                settings.components.len() - 1
            }
        };
        match settings.components[idx].get_mut::<T>() {
            Some(t) => t,
            // Converted above when it held anything else.
            None => unreachable!(
                "component {} holds settings of another type",
                T::COMPONENT_NAME
            ),
        }
    }

    /// Like [`component_mut`](Self::component_mut), but fails, changing
    /// nothing, when the pass already holds a component of that name and
    /// architecture whose content does not fit the type (it is carried as a
    /// generic element tree): for callers that would rather edit such a
    /// component as generic elements than have it converted.
    ///
    /// ```
    /// use unattend::model::components::ShellSetup;
    /// use unattend::model::{Arch, Pass, Unattend};
    ///
    /// let mut file = Unattend::new();
    /// file.try_component_mut::<ShellSetup>(Pass::Specialize, Arch::Amd64)?.computer_name =
    ///     Some("WEB01".into());
    /// assert!(file.component::<ShellSetup>(Pass::Specialize).is_some());
    /// # Ok::<(), unattend::model::ComponentNotTyped>(())
    /// ```
    pub fn try_component_mut<T: ComponentType + Default>(
        &mut self,
        pass: Pass,
        arch: Arch,
    ) -> Result<&mut T, ComponentNotTyped> {
        let not_typed = ComponentNotTyped {
            component: T::COMPONENT_NAME,
            pass,
            arch,
        };
        let fits = self
            .settings
            .iter()
            .filter(|s| s.pass == pass)
            .take(1)
            .find_map(|s| Self::find_component::<T>(s, arch).map(|i| &s.components[i]))
            .is_none_or(|c| !c.settings().is_generic());
        if !fits {
            return Err(not_typed);
        }
        Ok(self.component_mut::<T>(pass, arch))
    }

    /// The index of the component named `T::NAME` (any casing) for `arch`.
    fn find_component<T: ComponentType>(settings: &Settings, arch: Arch) -> Option<usize> {
        settings.components.iter().position(|c| {
            c.processor_architecture == arch && c.name().eq_ignore_ascii_case(T::COMPONENT_NAME)
        })
    }

    /// Every component of type `T` with its pass and architecture, in file
    /// order (components whose content does not fit the type are skipped).
    ///
    /// ```
    /// use unattend::model::components::InternationalCore;
    /// use unattend::model::{Arch, Pass, Unattend};
    ///
    /// let mut file = Unattend::new();
    /// for arch in [Arch::X86, Arch::Amd64] {
    ///     file.component_mut::<InternationalCore>(Pass::OobeSystem, arch).ui_language =
    ///         Some("en-US".into());
    /// }
    /// let archs: Vec<Arch> = file.components_of::<InternationalCore>().map(|(_, a, _)| a).collect();
    /// assert_eq!(archs, [Arch::X86, Arch::Amd64]);
    /// ```
    pub fn components_of<'a, T: ComponentType + 'a>(
        &'a self,
    ) -> impl Iterator<Item = (Pass, Arch, &'a T)> {
        self.components()
            .filter_map(|(pass, c)| c.get::<T>().map(|t| (pass, c.processor_architecture, t)))
    }

    /// Every component with its pass, in file order.
    pub fn components(&self) -> impl Iterator<Item = (Pass, &Component)> {
        self.settings
            .iter()
            .flat_map(|s| s.components.iter().map(move |c| (s.pass, c)))
    }

    /// The file as a generic `<unattend>` element in canonical order:
    /// servicing, passes in processing order, other content, offline image.
    pub fn to_element(&self) -> Element {
        let mut root = Element::new(Name::from_static("unattend"));
        root.attributes = self.other_attributes.clone();
        if let Some(s) = &self.servicing {
            root.children.push(Node::Element(s.clone()));
        }
        let mut passes: Vec<&Settings> = self.settings.iter().collect();
        passes.sort_by_key(|s| s.pass); // stable: repeated passes keep file order
        root.children
            .extend(passes.into_iter().map(|s| Node::Element(s.to_element())));
        root.children.extend(self.other.iter().cloned());
        if let Some(img) = &self.offline_image {
            root.children.push(Node::Element(img.to_element()));
        }
        root
    }

    /// Writes the canonical XML text: UTF-8 with a declaration, passes in
    /// processing order, namespace declarations derived from use. The
    /// output always parses, whatever the model holds (names are checked
    /// when made, see [`Name`]).
    ///
    /// ```
    /// use unattend::Document;
    /// use unattend::model::components::PnpSysprep;
    /// use unattend::model::{Arch, Pass, Unattend, WriteOptions};
    /// use unattend::document::Newline;
    ///
    /// let mut file = Unattend::new();
    /// file.component_mut::<PnpSysprep>(Pass::Generalize, Arch::Amd64)
    ///     .persist_all_device_installs = Some(true);
    /// let options = WriteOptions { indent: "\t".into(), newline: Newline::CrLf };
    /// let xml = file.to_xml(&options);
    /// assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"));
    /// assert!(xml.contains("\r\n\t<settings pass=\"generalize\">"));
    /// assert!(Document::parse_str(&xml).is_ok());
    /// ```
    pub fn to_xml(&self, options: &WriteOptions) -> String {
        write::write_document(&self.to_element(), options)
    }
}
