//! Microsoft-Windows-PnpSysprep: what `sysprep /generalize` does with drivers.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::TypedComponent;
use crate::model::element::{Element, Node};
use crate::model::xml_value::{Typed, push_value, value};

/// Settings of Microsoft-Windows-PnpSysprep (valid in the generalize pass).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PnpSysprep {
    /// Keep all installed device drivers through generalize, for images
    /// deployed to identical hardware. Default: `false`. Pass: generalize.
    #[serde(
        rename = "PersistAllDeviceInstalls",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub persist_all_device_installs: Option<bool>,
    /// Keep device state of devices not present during generalize.
    /// Default: `false`. Pass: generalize.
    #[serde(
        rename = "DoNotCleanUpNonPresentDevices",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub do_not_clean_up_non_present_devices: Option<bool>,
}

impl TypedComponent for PnpSysprep {
    const NAME: &'static str = "Microsoft-Windows-PnpSysprep";

    fn read(c: &Element) -> Typed<Self> {
        Ok(PnpSysprep {
            persist_all_device_installs: value(c, "PersistAllDeviceInstalls")?,
            do_not_clean_up_non_present_devices: value(c, "DoNotCleanUpNonPresentDevices")?,
        })
    }

    fn to_children(&self) -> Vec<Node> {
        let mut out = Vec::new();
        push_value(
            &mut out,
            "PersistAllDeviceInstalls",
            &self.persist_all_device_installs,
        );
        push_value(
            &mut out,
            "DoNotCleanUpNonPresentDevices",
            &self.do_not_clean_up_non_present_devices,
        );
        out
    }
}
