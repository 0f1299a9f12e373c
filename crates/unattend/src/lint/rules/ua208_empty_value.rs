//! ## What it checks
//!
//! That a value setting is not left empty (`<Key/>`, `<Organization></Organization>`,
//! or only whitespace) when its reference page says empty elements are not
//! supported, and that booleans, integers and enumerations are never empty
//! (an empty string is not one of their values).
//!
//! It is a warning, not an error: empty `UserData/ProductKey/Key`,
//! `UserData/Organization` and `UserData/FullName` are written by some tools
//! and appear in working builds, where Setup falls back to asking or to a
//! default.
//!
//! ## Why it matters
//!
//! An empty element does not mean "use the default". Depending on the
//! setting and the release, Setup rejects it, stops to ask the user (ending
//! an unattended install), or stores the empty string. Leaving the element
//! out is the reliable way to keep the default.
//!
//! ## Example
//!
//! ```xml
//! <UserData>
//!   <ProductKey>
//!     <Key></Key>
//!     <WillShowUI>OnError</WillShowUI>
//!   </ProductKey>
//!   <Organization/>
//! </UserData>
//! ```
//!
//! ## Fix
//!
//! Give the setting a value, or remove the element:
//!
//! ```xml
//! <UserData>
//!   <ProductKey>
//!     <WillShowUI>OnError</WillShowUI>
//!   </ProductKey>
//! </UserData>
//! ```
//!
//! ## Evidence
//!
//! Warning: the page says the setting does not support an empty value, but
//! what Setup does with one is not documented, and tools write empty elements
//! into files that install.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: pages say "This
//!   string type does not support empty elements. Do not create an empty
//!   value for this setting" where it applies

use crate::catalog::ValueError;
use crate::lint::prelude::*;

/// UA208 `empty-value`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA208",
    name: "empty-value",
    severity: Severity::Warning,
    summary: "empty where the catalog says empty is not supported",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, _cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::Value {
            return;
        }
        let Some(value) = s.value() else { return };
        if !value.trim().is_empty() || info.check_value("") != Err(ValueError::Empty) {
            return;
        }
        let why = match (info.empty_ok, info.value_type) {
            (Some(false), _) => "its documentation says empty elements are not supported".to_string(),
            (_, Some(t)) => format!("an empty string is not a valid {t}"),
            _ => "it does not accept an empty value".to_string(),
        };
        out.at(s.el, format!("{} is empty; {why}", info.element_name))
            .help(format!(
                "write a value, or remove <{}> to keep the default (an empty element is not the same as leaving it out)",
                s.el.name()
            ));
    }
}
