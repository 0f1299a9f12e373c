//! ## What it checks
//!
//! Combinations of `Microsoft-Windows-Deployment` settings that do not do
//! what they seem to:
//!
//! - `Generalize` and `Reseal` in the same `auditUser` pass: `Generalize`
//!   runs sysprep with its own `Mode` and `ForceShutdownNow`, so `Reseal`
//!   there is ignored;
//! - `Reseal` with `ForceShutdownNow` `true` whose `Mode` restarts the pass
//!   it is in (`Audit` in `auditSystem`, `OOBE` in `oobeSystem`): Microsoft
//!   documents this as unsupported, looping through restarts on releases
//!   before Windows 10. With `target-windows` set to 10 or later it is not
//!   reported; without `target-windows` it is advice (info).
//!
//! ## Why it matters
//!
//! Both mistakes make the machine end up in a different mode than the file
//! asks for; the loop leaves it restarting without end.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="auditUser">
//!   <component name="Microsoft-Windows-Deployment" …>
//!     <Generalize>
//!       <Mode>OOBE</Mode>
//!     </Generalize>
//!     <Reseal>
//!       <Mode>Audit</Mode>
//!     </Reseal>
//!   </component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! Keep one of them: `Generalize` (with the `Mode` to boot into after
//! generalizing) when the image must be generalized, `Reseal` otherwise.
//! Do not combine `ForceShutdownNow` with a `Reseal` `Mode` that restarts
//! the current pass.
//!
//! ## Evidence
//!
//! Warning: Microsoft's Generalize and Reseal pages say which one wins; the
//! file still works, it just does not do both.
//!
//! ## References
//!
//! - Microsoft-Windows-Deployment | Generalize and | Reseal, | Reseal |
//!   Mode, | Reseal | ForceShutdownNow (the table of passes, modes and
//!   results), Unattended Windows Setup Reference (Microsoft Learn)
//! - Changed answer file settings, Windows 10 version 1511 (Reseal is
//!   processed after the other settings of its pass)

use super::ua403_user_equals_computer_name::{child_ci, is_component};
use crate::lint::prelude::*;

/// UA603 `generalize-and-reseal`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA603",
    name: "generalize-and-reseal",
    severity: Severity::Warning,
    summary: "Generalize and Reseal both present (Reseal ignored)",
};

fn text_is(el: Option<ElementRef<'_>>, expected: &str) -> bool {
    el.and_then(|e| e.text())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case(expected))
}

/// True when `target-windows` names Windows 10, 11 or a later release.
fn targets_windows_10_or_later(target: Option<&str>) -> Option<bool> {
    let target = target?.trim();
    let major: String = target.chars().take_while(|c| c.is_ascii_digit()).collect();
    major.parse::<u32>().ok().map(|m| m >= 10)
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        if !is_component(c, "Microsoft-Windows-Deployment") {
            return;
        }
        let Some(reseal) = child_ci(c.el, "Reseal") else {
            return;
        };
        let generalize = child_ci(c.el, "Generalize");
        if let (Some(g), Some(Pass::AuditUser)) = (generalize, c.pass) {
            out.at(
                reseal,
                "Reseal is ignored: Generalize in the same auditUser pass decides the next mode",
            )
            .help(
                "remove Reseal and set Generalize/Mode (and Generalize/ForceShutdownNow) instead",
            );
            out.label(g.name_span(), "Generalize is here");
        }

        if !text_is(child_ci(reseal, "ForceShutdownNow"), "true") {
            return;
        }
        let mode = child_ci(reseal, "Mode");
        let same_mode = match c.pass {
            Some(Pass::AuditSystem) => text_is(mode, "Audit"),
            Some(Pass::OobeSystem) => text_is(mode, "OOBE"),
            _ => false,
        };
        if !same_mode {
            return;
        }
        let severity = match targets_windows_10_or_later(cx.config.target_windows.as_deref()) {
            Some(true) => return,
            Some(false) => Severity::Warning,
            None => Severity::Info,
        };
        let pass = c.pass.map(Pass::as_str).unwrap_or_default();
        let Some(mode) = mode else { return };
        let span = super::ua401_computer_name::trimmed_text_span(mode).unwrap_or(mode.name_span());
        out.report_as(
            severity,
            Some(mode),
            span,
            format!("Reseal restarts the {pass} pass with ForceShutdownNow: unsupported, and a restart loop before Windows 10"),
        )
        .help("remove ForceShutdownNow, or reseal into the other mode; set target-windows in unattend.toml if the file is only for Windows 10 or later");
    }
}
