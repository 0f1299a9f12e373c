//! ## What it checks
//!
//! That string values are not longer than the maximum their reference page
//! states: `UserData/FullName` and `Organization` 63 characters,
//! `RegisteredOwner` 256, `OEMInformation/SupportURL` 2083, `DNSDomain` 255,
//! `LogPath` 259. Lengths count characters, or bytes where the page says
//! bytes (counted as UTF-8). Template placeholders are skipped.
//!
//! Three limits have rules of their own and are not repeated here:
//! `ComputerName` (UA401), command `Path` (UA306) and `CommandLine` (UA307).
//!
//! ## Why it matters
//!
//! The maximum is part of the setting's definition, and Setup is not built
//! to take more: depending on the setting, it rejects the answer file ("The
//! answer file is invalid"), drops the value, or cuts it short, which for a
//! path or a domain name means it points at something else.
//!
//! ## Example
//!
//! ```xml
//! <UserData>
//!   <FullName>Contoso Engineering Build Infrastructure Team – Lab Machines (Do Not Use)</FullName>
//! </UserData>
//! ```
//!
//! ## Fix
//!
//! Shorten the value to the documented maximum (`unattend catalog
//! COMPONENT/SETTING` shows it):
//!
//! ```xml
//! <FullName>Contoso Build Lab</FullName>
//! ```
//!
//! ## Evidence
//!
//! Error: the setting's page states the maximum length.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: the "Values"
//!   section of each setting's page states its maximum length

use crate::lint::prelude::*;

/// UA207 `value-too-long`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA207",
    name: "value-too-long",
    severity: Severity::Error,
    summary: "string longer than the documented maximum (bytes where the docs say bytes)",
};

/// True for limits other rules check: command paths and command lines
/// (UA306, UA307) and the computer name (UA401).
fn checked_elsewhere(s: &SettingView<'_, '_>, info: &catalog::SettingInfo) -> bool {
    let name = info.element_name;
    let in_command = s
        .parent_info
        .is_some_and(|p| p.kind == SettingKind::ListItem && p.element_name.ends_with("Command"));
    (in_command && (name == "Path" || name == "CommandLine"))
        || (info.parent().is_none()
            && name == "ComputerName"
            && info.component().name == "Microsoft-Windows-Shell-Setup")
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        let Some(max) = info.max_length else { return };
        if info.kind != SettingKind::Value || checked_elsewhere(s, info) {
            return;
        }
        let Some(value) = s.value() else { return };
        let unit = info.length_unit;
        let len = unit.measure(value);
        if len <= max as usize || cx.is_template(value) {
            return;
        }
        let Some(span) = s.el.text_span() else { return };
        out.report(
            Some(s.el),
            span,
            format!(
                "{} is {len} {unit} long; the documented maximum is {max}",
                info.element_name
            ),
        )
        .help(format!("shorten it to at most {max} {unit}"));
    }
}
