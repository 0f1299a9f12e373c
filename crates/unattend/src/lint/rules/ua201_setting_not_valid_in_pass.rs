//! ## What it checks
//!
//! That each setting (and each component) sits in a configuration pass its
//! catalog entry lists: `RunSynchronous` in `specialize` or `auditUser`,
//! `Generalize` only in `auditUser`, `SetupUILanguage` only in `windowsPE`,
//! `Microsoft-Windows-International-Core-WinPE` (not `…International-Core`)
//! in `windowsPE`. It reports the outermost misplaced element only.
//!
//! Where the catalog's passes are inferred rather than stated by the
//! documentation, or come from the project's supplement (settings and
//! components the 2019 reference lacks, such as `ShowWindowsLive`,
//! `DoNotCleanTaskBar` or `ConfigureChatAutoInstall`, whose passes come from
//! an older or newer reference), the finding is a warning.
//!
//! A setting or component that was removed from Windows is reported by
//! UA209 or UA110 only: where it sits does not matter when current Windows
//! ignores it everywhere (one cause, one finding).
//!
//! ## Why it matters
//!
//! Windows Setup processes each setting only in its passes. Elsewhere it is
//! ignored without a word, or Setup stops with "The answer file is invalid":
//! either way the machine does not end up as configured.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="oobeSystem">
//!   <component name="Microsoft-Windows-Deployment" …>
//!     <RunSynchronous>…</RunSynchronous>
//!   </component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! Move the setting into a pass it is valid in (here `specialize`), or use
//! the component meant for that pass.
//!
//! ## Evidence
//!
//! Error: each setting's page in Microsoft's Unattended Windows Setup
//! Reference states its "Valid Configuration Passes", and Setup does not
//! apply a setting outside them. Warning: passes the catalog infers (from a
//! parent element) or takes from the supplement (an older or newer
//! reference than the current pages).
//!
//! ## References
//!
//! - Each setting's page in the Unattended Windows Setup Reference lists its
//!   "Valid Configuration Passes" (`unattend catalog COMPONENT/SETTING`).

use crate::lint::prelude::*;

/// UA201 `setting-not-valid-in-pass`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA201",
    name: "setting-not-valid-in-pass",
    severity: Severity::Error,
    summary: "setting or component placed in a pass its catalog entry does not list",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        let (Some(info), Some(pass)) = (c.info, c.pass) else { return };
        if info.passes.is_empty() || info.passes.contains(pass) {
            return;
        }
        // A removed component is UA110's finding, wherever it sits.
        if info.status == Some(catalog::Status::Removed) && reported_by(cx, "UA110") {
            return;
        }
        let span = c.el.attribute_ns(None, "name").map_or(c.el.name_span(), |a| a.value_span());
        // No reference page: the component and its passes come from the
        // supplement (a fix-up such as a rename keeps the page).
        let severity = if info.file.is_none() { Severity::Warning } else { Severity::Error };
        let d = out.report_as(
            severity,
            Some(c.el),
            span,
            format!("{} is not processed in the {pass} pass (valid in: {})", info.name, info.passes),
        );
        // Setup-only twins: International-Core → International-Core-WinPE, …
        let twin = catalog::components().iter().find(|o| {
            o.name.len() > info.name.len()
                && o.name[..info.name.len()].eq_ignore_ascii_case(info.name)
                && o.passes.contains(pass)
        });
        match twin {
            Some(t) => d.help(format!("in {pass}, use {}", t.name)),
            None => d.help(format!("move it into one of these passes: {}", info.passes)),
        };
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let (Some(info), Some(pass)) = (s.info, s.pass()) else { return };
        // The component-level finding covers its settings.
        if s.component.info.is_some_and(|c| !c.passes.is_empty() && !c.passes.contains(pass)) {
            return;
        }
        if info.valid_in(pass) || s.parent_info.is_some_and(|p| !p.valid_in(pass)) {
            return;
        }
        // A removed setting is UA209's finding, wherever it sits.
        if info.status == Some(catalog::Status::Removed) && reported_by(cx, "UA209") {
            return;
        }
        // Added or corrected by the supplement: its passes are the project's.
        let from_supplement =
            info.file.is_none() || info.source.is_some() || s.component.info.is_some_and(|c| c.file.is_none());
        let severity = if info.passes_inferred() || from_supplement { Severity::Warning } else { Severity::Error };
        out.report_as(
            severity,
            Some(s.el),
            s.el.name_span(),
            format!("{} is not processed in the {pass} pass (valid in: {})", info.element_name, info.passes),
        )
        .help(format!("move it into one of these passes: {}", info.passes));
    }
}

/// True when the rule `code` is enabled, so the finding it makes on the same
/// element stands for this one.
fn reported_by(cx: &FileCx<'_>, code: &str) -> bool {
    cx.config.severity_of(code).is_some()
}
