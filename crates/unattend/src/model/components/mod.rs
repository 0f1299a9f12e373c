//! Typed structs for the components of the sysprep core.
//!
//! Hand-written for now; the catalog generator will produce one struct per
//! documented component in the same shape.

mod deployment;
mod pnp_sysprep;
mod security_spp;

pub use deployment::{
    AuditComputerName, Credentials, Deployment, ExtendOsPartition, Generalize, Reseal, ResealMode,
    RunAsynchronous, RunAsynchronousCommand, RunSynchronous, RunSynchronousCommand, WillReboot,
};
pub use pnp_sysprep::PnpSysprep;
pub use security_spp::SecuritySpp;

use super::element::{Element, Node};
use super::xml_value::Typed;

/// A component whose settings have a typed struct.
pub trait TypedComponent: Sized {
    /// The component's canonical name.
    const NAME: &'static str;
    /// Reads the settings from a component element's children.
    #[doc(hidden)]
    fn read(component: &Element) -> Typed<Self>;
    /// The settings as child nodes of the component element.
    fn to_children(&self) -> Vec<Node>;
}
