//! ## What it checks
//!
//! `SkipRearm` set to `1` in `Microsoft-Windows-Security-SPP` (or in its
//! Windows 7 predecessor `Microsoft-Windows-Security-Licensing-SLC`).
//!
//! ## Why it matters
//!
//! With `SkipRearm` `1`, `sysprep /generalize` keeps the licensing state:
//! the activation grace timer is not reset and, above all, the client
//! machine ID (CMID) stays the same on every machine deployed from the
//! image. A KMS host counts machines by CMID, so clones of such an image
//! look like one machine and never reach the activation threshold, or
//! clients fail to activate. The setting exists to let you run sysprep more
//! times than the rearm limit while you build an image; it does not belong
//! in the last generalize before deployment.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="generalize">
//!   <component name="Microsoft-Windows-Security-SPP" …>
//!     <SkipRearm>1</SkipRearm>
//!   </component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! For the final image, remove `SkipRearm` or set it to `0`. Keep `1` only
//! in answer files for intermediate builds, and suppress this finding there
//! (`<!-- unattend: ignore[UA602] intermediate build -->` or `per-file-ignores`).
//!
//! ## Evidence
//!
//! Warning: the SkipRearm page documents that 1 keeps the licensing state
//! (CMID) for the image; fine while iterating, a KMS problem in a final
//! image.
//!
//! ## References
//!
//! - Microsoft-Windows-Security-SPP | SkipRearm, Unattended Windows Setup
//!   Reference (Microsoft Learn)
//! - Plan for volume activation / KMS client machine ID (CMID) and
//!   `sysprep /generalize` (Microsoft Learn)

use crate::lint::prelude::*;

/// UA602 `skip-rearm`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA602",
    name: "skip-rearm",
    severity: Severity::Warning,
    summary: "Security-SPP SkipRearm=1 in a final image",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, _cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        if !s.local_name().eq_ignore_ascii_case("SkipRearm") || !s.in_unattend_ns() {
            return;
        }
        // The top level of SPP, or of SLC (whose settings the catalog does not list).
        let component = s.component.info.map(|c| c.name).unwrap_or_default();
        let top = s.el.parent().is_some_and(|p| p == s.component.el);
        if !top
            || !(component == "Microsoft-Windows-Security-SPP"
                || component == "Microsoft-Windows-Security-Licensing-SLC")
        {
            return;
        }
        let Some(value) = s.value() else { return };
        if value.trim() != "1" {
            return;
        }
        let Some(span) = super::ua401_computer_name::trimmed_text_span(s.el) else {
            return;
        };
        out.report(
            Some(s.el),
            span,
            "SkipRearm is 1: sysprep keeps the licensing state and every clone keeps the same KMS client machine ID",
        )
        .help("remove SkipRearm (or set 0) in the answer file of the final image; keep 1 only for intermediate builds");
    }
}
