//! Microsoft-Windows-Security-SPP: software licensing across sysprep runs.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::TypedComponent;
use crate::model::element::{Element, Node};
use crate::model::xml_value::{Typed, push_value, value};

/// Settings of Microsoft-Windows-Security-SPP (valid in the generalize pass).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecuritySpp {
    /// `1` keeps the licensing state (no rearm) when generalizing, so sysprep
    /// can run more often than the rearm count allows. Values 0 or 1; default 0.
    /// Pass: generalize.
    #[serde(rename = "SkipRearm", default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 1))]
    pub skip_rearm: Option<u32>,
}

impl TypedComponent for SecuritySpp {
    const NAME: &'static str = "Microsoft-Windows-Security-SPP";

    fn read(c: &Element) -> Typed<Self> {
        Ok(SecuritySpp {
            skip_rearm: value(c, "SkipRearm")?,
        })
    }

    fn to_children(&self) -> Vec<Node> {
        let mut out = Vec::new();
        push_value(&mut out, "SkipRearm", &self.skip_rearm);
        out
    }
}
