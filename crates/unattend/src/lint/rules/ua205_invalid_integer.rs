//! ## What it checks
//!
//! That integer settings hold a decimal whole number, inside the documented
//! range or set of values: `ProtectYourPC` is 1, 2 or 3, `SkipRearm` 0 or 1,
//! `UnattendedJoin/Identification/TimeoutPeriodInMinutes` 5 to 60. Surrounding
//! whitespace is tolerated (the schema's integer types collapse it).
//!
//! When the catalog only infers that a setting is an integer (the page gives
//! an example rather than a type), a value that is not a number is a warning.
//! Empty values are left to UA208, template placeholders are skipped, and
//! the `Order` of list items is left to UA304.
//!
//! ## Why it matters
//!
//! Typed values are read as numbers: a word where a number belongs, or a
//! number outside the documented range, is not a value the setting has, so
//! Setup stops with "The answer file is invalid" or drops the setting and
//! keeps its default.
//!
//! ## Example
//!
//! ```xml
//! <OOBE>
//!   <ProtectYourPC>0</ProtectYourPC>
//! </OOBE>
//! ```
//!
//! ## Fix
//!
//! Use one of the documented values (`unattend catalog COMPONENT/SETTING`
//! lists them):
//!
//! ```xml
//! <ProtectYourPC>3</ProtectYourPC>
//! ```
//!
//! ## Evidence
//!
//! Error: the setting's page states the type and range. Warning where the
//! catalog only infers the type from an example.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: the "Values" table
//!   of each setting's page

use crate::catalog::ValueError;
use crate::lint::prelude::*;

/// UA205 `invalid-integer`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA205",
    name: "invalid-integer",
    severity: Severity::Error,
    summary: "not an integer, or outside the documented range",
};

/// True for the `Order` key of a list item (UA304 checks it).
fn is_list_order(s: &SettingView<'_, '_>) -> bool {
    s.parent_info.is_some_and(|p| {
        p.kind == SettingKind::ListItem
            && p.key
                .is_some_and(|k| k.eq_ignore_ascii_case(s.local_name()))
    }) && s.local_name().eq_ignore_ascii_case("Order")
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::Value || info.value_type != Some(ValueType::Integer) {
            return;
        }
        if is_list_order(s) {
            return;
        }
        let Some(value) = s.value() else { return };
        let trimmed = value.trim();
        if trimmed.is_empty() || cx.is_template(value) {
            return;
        }
        let Some(span) = s.el.text_span() else { return };
        let name = info.element_name;
        match info.check_value(trimmed) {
            Err(ValueError::NotInteger) => {
                let severity = if info.type_inferred() {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                let d = out.report_as(
                    severity,
                    Some(s.el),
                    span,
                    format!("{name} must be a whole number, not {}", shown(s.el, value)),
                );
                match (info.range, info.values.is_empty()) {
                    (Some((min, max)), _) => {
                        d.help(format!("write a decimal integer from {min} to {max}"));
                    }
                    (None, false) => {
                        d.help(format!("write one of {}", info.values.join(", ")));
                    }
                    (None, true) if info.type_inferred() => {
                        d.help("write a decimal integer; the catalog infers this type from the documentation's example, so check the setting's page");
                    }
                    (None, true) => {
                        d.help("write a decimal integer (no units, hexadecimal or words)");
                    }
                }
            }
            Err(ValueError::OutOfRange { min, max, also }) => {
                let extra = if also.is_empty() {
                    String::new()
                } else {
                    format!(", or {}", also.join(", "))
                };
                out.report(
                    Some(s.el),
                    span,
                    format!("{name} is {}, outside {min} to {max}{extra}", shown(s.el, trimmed)),
                )
                .help(format!("write a value from {min} to {max}{extra}"));
            }
            Err(ValueError::NotAllowed { allowed }) => {
                let labelled: Vec<String> = allowed
                    .iter()
                    .map(|v| match info.label(v) {
                        Some(l) => format!("{v} ({l})"),
                        None => (*v).to_string(),
                    })
                    .collect();
                out.report(
                    Some(s.el),
                    span,
                    format!("{name} is {}, not one of {}", shown(s.el, trimmed), allowed.join(", ")),
                )
                .help(format!("write one of {}", labelled.join(", ")));
            }
            _ => {}
        }
    }
}
