//! ## What it checks
//!
//! That boolean settings hold `true` or `false`. Windows Setup reads
//! booleans ignoring case, so `True` is a warning (write the canonical
//! form); anything else (`yes`, `1`, `enabled`) is an error. Empty values
//! are left to UA208 and template placeholders are skipped.
//!
//! ## Why it matters
//!
//! A value Setup cannot read as a boolean makes it reject the answer file
//! ("The answer file is invalid") or ignore the setting.
//!
//! ## Example
//!
//! ```xml
//! <HideEULAPage>yes</HideEULAPage>
//! ```
//!
//! ## Fix
//!
//! ```xml
//! <HideEULAPage>true</HideEULAPage>
//! ```
//!
//! ## Evidence
//!
//! Error for a value that is no boolean: the setting's page types it as a
//! boolean (`true`/`false`). Warning for other casing, which Setup reads.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference: each boolean setting's "Values" table

use crate::lint::prelude::*;

/// UA204 `invalid-boolean`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA204",
    name: "invalid-boolean",
    severity: Severity::Error,
    summary: "boolean not true/false (case variants warn, anything else errors)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::Value || info.value_type != Some(ValueType::Boolean) {
            return;
        }
        let Some(value) = s.value() else { return };
        let trimmed = value.trim();
        if trimmed.is_empty() || value == "true" || value == "false" || cx.is_template(value) {
            return;
        }
        let Some(span) = s.el.text_span() else { return };
        let canonical = ["true", "false"].into_iter().find(|b| trimmed.eq_ignore_ascii_case(b));
        match canonical {
            Some(b) => {
                let d = out.report_as(
                    Severity::Warning,
                    Some(s.el),
                    span,
                    format!("{} is {}; write {b}", info.element_name, shown(s.el, value)),
                );
                d.fix(format!("write {b}"), vec![crate::document::TextEdit { span, replacement: b.to_string() }]);
            }
            None => {
                out.report(
                    Some(s.el),
                    span,
                    format!("{} must be true or false, not {}", info.element_name, shown(s.el, value)),
                );
            }
        }
    }
}
