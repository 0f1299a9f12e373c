//! Components: identity attributes plus typed or generic settings.

use serde::{Deserialize, Serialize};

use super::components::ComponentSettings;
use super::element::{Attribute, Element, Node};
use super::pass::Arch;
use super::typed::TypedComponent;

/// Microsoft's public key token, the same on every answer-file component.
pub const PUBLIC_KEY_TOKEN: &str = "31bf3856ad364e35";
/// The usual `language` of answer-file components.
pub const LANGUAGE_NEUTRAL: &str = "neutral";
/// The usual `versionScope` of answer-file components.
pub const VERSION_SCOPE_NON_SXS: &str = "nonSxS";

/// A `<component>` element of a configuration pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Component {
    /// The component name as written (Windows compares names ignoring case).
    pub name: String,
    /// The processor architecture this component applies to.
    #[serde(rename = "processorArchitecture")]
    pub processor_architecture: Arch,
    /// Always `31bf3856ad364e35` for Windows components.
    #[serde(rename = "publicKeyToken", default = "default_token")]
    pub public_key_token: String,
    /// Usually `neutral`.
    #[serde(default = "default_language")]
    pub language: String,
    /// Usually `nonSxS`.
    #[serde(rename = "versionScope", default = "default_scope")]
    pub version_scope: String,
    /// Any other attributes of the component element, kept as written.
    #[serde(
        rename = "otherAttributes",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub other_attributes: Vec<Attribute>,
    /// The settings.
    pub settings: ComponentSettings,
}

fn default_token() -> String {
    PUBLIC_KEY_TOKEN.to_string()
}

fn default_language() -> String {
    LANGUAGE_NEUTRAL.to_string()
}

fn default_scope() -> String {
    VERSION_SCOPE_NON_SXS.to_string()
}

impl ComponentSettings {
    /// Reads settings for the named component: typed when the catalog
    /// documents it and the content fits exactly (nothing dropped, nothing
    /// rewritten), generic otherwise.
    pub fn read(name: &str, component: &Element) -> ComponentSettings {
        ComponentSettings::read_typed(name, component)
            .unwrap_or_else(|| ComponentSettings::Generic(component.children.clone()))
    }

    /// True when the settings are carried as a generic element tree.
    pub fn is_generic(&self) -> bool {
        matches!(self, ComponentSettings::Generic(_))
    }
}

impl Component {
    /// A component with Microsoft's default identity attributes.
    pub fn new(name: impl Into<String>, arch: Arch, settings: ComponentSettings) -> Component {
        Component {
            name: name.into(),
            processor_architecture: arch,
            public_key_token: default_token(),
            language: default_language(),
            version_scope: default_scope(),
            other_attributes: Vec::new(),
            settings,
        }
    }

    /// A component with typed settings, named after its type:
    /// `Component::typed(Arch::Amd64, PnpSysprep { .. })`.
    pub fn typed<T: TypedComponent + Into<ComponentSettings>>(
        arch: Arch,
        settings: T,
    ) -> Component {
        Component::new(T::NAME, arch, settings.into())
    }

    /// A component of any name carrying the given child elements.
    pub fn generic(name: impl Into<String>, arch: Arch, children: Vec<Element>) -> Component {
        let nodes = children.into_iter().map(Node::Element).collect();
        Component::new(name, arch, ComponentSettings::Generic(nodes))
    }

    /// Builds a component from a `<component>` element; `None` when the element
    /// lacks a name or identity attribute, or has an unknown architecture (it
    /// is then carried as a generic element).
    pub fn from_element(el: &Element) -> Option<Component> {
        let mut name = None;
        let mut arch = None;
        let mut token = None;
        let mut language = None;
        let mut scope = None;
        let mut other = Vec::new();
        for a in &el.attributes {
            let slot = match (a.namespace.as_deref(), a.name.as_str()) {
                (None, "name") => &mut name,
                (None, "processorArchitecture") => {
                    arch = Some(a.value.parse::<Arch>().ok()?);
                    continue;
                }
                (None, "publicKeyToken") => &mut token,
                (None, "language") => &mut language,
                (None, "versionScope") => &mut scope,
                _ => {
                    other.push(a.clone());
                    continue;
                }
            };
            *slot = Some(a.value.clone());
        }
        let name = name?;
        Some(Component {
            settings: ComponentSettings::read(&name, el),
            name,
            processor_architecture: arch?,
            public_key_token: token?,
            language: language?,
            version_scope: scope?,
            other_attributes: other,
        })
    }

    /// The component as a `<component>` element.
    pub fn to_element(&self) -> Element {
        let mut el = Element::new("component");
        el.attributes = vec![
            Attribute::new("name", &self.name),
            Attribute::new(
                "processorArchitecture",
                self.processor_architecture.as_str(),
            ),
            Attribute::new("publicKeyToken", &self.public_key_token),
            Attribute::new("language", &self.language),
            Attribute::new("versionScope", &self.version_scope),
        ];
        el.attributes.extend(self.other_attributes.iter().cloned());
        el.children = self.settings.to_children();
        el
    }
}
