//! ## What it checks
//!
//! With the sysprep command configured (`sysprep = "…"` in `unattend.toml`
//! or `unattend lint --sysprep …`): `PersistAllDeviceInstalls` set to
//! `true` (Microsoft-Windows-PnpSysprep, generalize pass) while the command
//! has no `/generalize` and the file does not generalize later either
//! (`Generalize` in auditUser after `/audit`).
//!
//! ## Why it matters
//!
//! Keeping the installed drivers is a decision taken while generalizing:
//! the setting is read in the generalize pass only. A run without
//! `/generalize` never processes that pass, so the drivers are not kept the
//! way the file intends, and nothing says so.
//!
//! ## Example
//!
//! ```xml
//! <!-- used with: sysprep /oobe /reboot /unattend:Unattend.xml -->
//! <settings pass="generalize">
//!   <component name="Microsoft-Windows-PnpSysprep" …>
//!     <PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>
//!   </component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! Generalize the image (`sysprep /generalize /oobe /shutdown
//! /unattend:Unattend.xml`), or drop the setting if the run is not meant to
//! generalize.
//!
//! ## Evidence
//!
//! Warning: PersistAllDeviceInstalls only has an effect with /generalize (its
//! reference page); without it the setting is ignored.
//!
//! ## References
//!
//! - Microsoft-Windows-PnpSysprep | PersistAllDeviceInstalls, Unattended
//!   Windows Setup Reference
//! - Sysprep (Generalize) a Windows installation, Microsoft Learn

use crate::lint::prelude::*;

/// UA605 `persist-drivers-without-generalize`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA605",
    name: "persist-drivers-without-generalize",
    severity: Severity::Warning,
    summary: "PersistAllDeviceInstalls set but the sysprep command has no /generalize",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        if cx.config.sysprep_command().is_none() || super::support::runs_pass(cx, Pass::Generalize) {
            return;
        }
        let Some(info) = s.info else { return };
        if info.element_name != "PersistAllDeviceInstalls" || info.component().name != "Microsoft-Windows-PnpSysprep" {
            return;
        }
        let Some(value) = s.value() else { return };
        if !value.trim().eq_ignore_ascii_case("true") {
            return;
        }
        let span = s.el.text_span().unwrap_or(s.el.name_span());
        out.report(
            Some(s.el),
            span,
            "PersistAllDeviceInstalls keeps drivers while generalizing, but the sysprep command has no /generalize",
        )
        .help("add /generalize to the sysprep command, or remove the setting");
    }
}
