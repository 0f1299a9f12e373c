//! Components: identity attributes plus typed or generic settings.

use serde::{Deserialize, Serialize};

use super::components::ComponentSettings;
use super::element::{Attribute, Element, Node};
use super::name::Name;
use super::pass::Arch;
use super::typed::ComponentType;

/// Microsoft's public key token, the same on every answer-file component.
pub const PUBLIC_KEY_TOKEN: &str = "31bf3856ad364e35";
/// The usual `language` of answer-file components.
pub const LANGUAGE_NEUTRAL: &str = "neutral";
/// The usual `versionScope` of answer-file components.
pub const VERSION_SCOPE_NON_SXS: &str = "nonSxS";

/// A `<component>` element of a configuration pass.
///
/// The name and the settings are private so they cannot disagree: typed
/// settings are always under their component's name (or one of the
/// catalog's name variants, in any casing, as read from a file), and
/// deserialization checks the same.
///
/// ```
/// use unattend::model::components::{PnpSysprep, ShellSetup};
/// use unattend::model::{Arch, Component, ComponentSettings};
///
/// let c = Component::typed(Arch::Amd64, PnpSysprep::default());
/// assert_eq!(c.name(), "Microsoft-Windows-PnpSysprep");
/// assert!(c.get::<PnpSysprep>().is_some());
///
/// // Typed settings under another component's name are refused.
/// let wrong = Component::new(
///     "Microsoft-Windows-Shell-Setup",
///     Arch::Amd64,
///     ComponentSettings::from(PnpSysprep::default()),
/// );
/// assert!(wrong.is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Component {
    /// The component name as written (Windows compares names ignoring case).
    name: String,
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
    settings: ComponentSettings,
}

/// What [`Component`]'s `Deserialize` reads before checking that the name
/// and the settings agree.
#[derive(Deserialize)]
struct ComponentData {
    name: String,
    #[serde(rename = "processorArchitecture")]
    processor_architecture: Arch,
    #[serde(rename = "publicKeyToken", default = "default_token")]
    public_key_token: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(rename = "versionScope", default = "default_scope")]
    version_scope: String,
    #[serde(rename = "otherAttributes", default)]
    other_attributes: Vec<Attribute>,
    settings: ComponentSettings,
}

impl<'de> Deserialize<'de> for Component {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Component, D::Error> {
        let d = ComponentData::deserialize(deserializer)?;
        let mut c = Component::new(d.name, d.processor_architecture, d.settings)
            .map_err(serde::de::Error::custom)?;
        c.public_key_token = d.public_key_token;
        c.language = d.language;
        c.version_scope = d.version_scope;
        c.other_attributes = d.other_attributes;
        Ok(c)
    }
}

/// Typed settings under a name that is not their component's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("component {name:?} cannot hold the typed settings of {expected}")]
#[non_exhaustive]
pub struct ComponentNameMismatch {
    /// The name given.
    pub name: String,
    /// The component the settings belong to.
    pub expected: &'static str,
}

/// True when `name` may carry `settings`: any name for generic settings;
/// for typed ones the component's name or a documented variant, any casing
/// (how [`ComponentSettings::read`] accepts them from a file).
fn fits(name: &str, settings: &ComponentSettings) -> Result<(), ComponentNameMismatch> {
    match settings.component_name() {
        None => Ok(()),
        Some(expected) if crate::catalog::component(name).is_some_and(|c| c.name == expected) => {
            Ok(())
        }
        Some(expected) => Err(ComponentNameMismatch {
            name: name.to_string(),
            expected,
        }),
    }
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
    /// A component with Microsoft's default identity attributes; fails when
    /// `settings` are typed settings of another component.
    pub fn new(
        name: impl Into<String>,
        arch: Arch,
        settings: ComponentSettings,
    ) -> Result<Component, ComponentNameMismatch> {
        let name = name.into();
        fits(&name, &settings)?;
        Ok(Component::unchecked(name, arch, settings))
    }

    fn unchecked(name: String, arch: Arch, settings: ComponentSettings) -> Component {
        Component {
            name,
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
    pub fn typed<T: ComponentType>(arch: Arch, settings: T) -> Component {
        Component::unchecked(T::COMPONENT_NAME.to_string(), arch, settings.into())
    }

    /// A component of any name carrying the given child elements.
    ///
    /// ```
    /// use unattend::model::{Arch, Component, Element, Name};
    ///
    /// let c = Component::generic(
    ///     "Contoso-Agent",
    ///     Arch::Amd64,
    ///     vec![Element::leaf(Name::new("Server")?, "agent.contoso.com")],
    /// );
    /// assert!(c.settings().is_generic());
    /// # Ok::<(), unattend::model::InvalidName>(())
    /// ```
    pub fn generic(name: impl Into<String>, arch: Arch, children: Vec<Element>) -> Component {
        let nodes = children.into_iter().map(Node::Element).collect();
        Component::unchecked(name.into(), arch, ComponentSettings::Generic(nodes))
    }

    /// The component name as written.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Renames the component; fails, changing nothing, when its settings
    /// are typed settings of another component.
    pub fn set_name(&mut self, name: impl Into<String>) -> Result<(), ComponentNameMismatch> {
        let name = name.into();
        fits(&name, &self.settings)?;
        self.name = name;
        Ok(())
    }

    /// The settings.
    pub fn settings(&self) -> &ComponentSettings {
        &self.settings
    }

    /// Replaces the settings; fails, changing nothing, when they are typed
    /// settings of another component.
    pub fn set_settings(
        &mut self,
        settings: ComponentSettings,
    ) -> Result<(), ComponentNameMismatch> {
        fits(&self.name, &settings)?;
        self.settings = settings;
        Ok(())
    }

    /// The settings, mutably, for the crate's own conversions that keep the
    /// settings' type in step with the name (public callers go through
    /// [`set_settings`](Self::set_settings), which checks).
    pub(crate) fn settings_mut(&mut self) -> &mut ComponentSettings {
        &mut self.settings
    }

    /// The typed settings when they are of type `T`.
    pub fn get<T: ComponentType>(&self) -> Option<&T> {
        T::from_settings(&self.settings)
    }

    /// The typed settings, mutably, when they are of type `T`.
    pub fn get_mut<T: ComponentType>(&mut self) -> Option<&mut T> {
        T::from_settings_mut(&mut self.settings)
    }

    /// The child nodes of generic settings, mutably (`None` when typed).
    pub fn generic_mut(&mut self) -> Option<&mut Vec<Node>> {
        match &mut self.settings {
            ComponentSettings::Generic(nodes) => Some(nodes),
            _ => None,
        }
    }

    /// The name and the settings, taken apart.
    pub fn into_parts(self) -> (String, ComponentSettings) {
        (self.name, self.settings)
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
        // `read` types the settings only under a name that fits them.
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
        let mut el = Element::new(Name::from_static("component"));
        el.attributes = vec![
            Attribute::new(Name::from_static("name"), &self.name),
            Attribute::new(
                Name::from_static("processorArchitecture"),
                self.processor_architecture.as_str(),
            ),
            Attribute::new(Name::from_static("publicKeyToken"), &self.public_key_token),
            Attribute::new(Name::from_static("language"), &self.language),
            Attribute::new(Name::from_static("versionScope"), &self.version_scope),
        ];
        el.attributes.extend(self.other_attributes.iter().cloned());
        el.children = self.settings.to_children();
        el
    }
}
