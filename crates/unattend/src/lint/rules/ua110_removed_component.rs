//! ## What it checks
//!
//! Components that Windows no longer has: the ones the Unattended Windows
//! Setup Reference lists as removed (`Microsoft-Windows-Security-Licensing-SLC`,
//! `…-SLC-UX`, `…-SLCC`, `Microsoft-Windows-ehome-reg-inf`, `UDDI-Setup`, …)
//! and those whose page says they were removed in a given release. Where
//! the catalog names a replacement (`Microsoft-Windows-Security-SPP` for
//! `…-Licensing-SLC`), the message suggests it.
//!
//! The severity depends on `target-windows` in `unattend.toml`: an error
//! when the target is a release without the component (Windows 10 or later
//! when the removal release is not known), nothing when the target predates
//! a known removal, and a warning when no target is configured — these
//! components are usually met in files written for Windows Vista or 7,
//! where they still work.
//!
//! ## Why it matters
//!
//! On a Windows release without the component, Setup cannot apply its
//! settings: they are skipped, or Setup stops because a component of the
//! answer file does not exist. Either way the setting (often `SkipRearm` or
//! a product key from an old Vista-era template) has no effect.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="generalize">
//!   <component name="Microsoft-Windows-Security-Licensing-SLC" …>
//!     <SkipRearm>1</SkipRearm>
//!   </component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! Use the replacement component (here `Microsoft-Windows-Security-SPP`,
//! which has `SkipRearm`), checking its settings with `unattend catalog`, or
//! remove the component. Set `target-windows` if the file really is for an
//! older release.
//!
//! ## Evidence
//!
//! Error with a target release that lacks the component (the reference's list
//! of removed components); warning without a target, because the same files
//! work on the older releases they were written for.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, "Components": deprecated and
//!   removed components
//! - Changed answer file settings (Windows 10 and later), Microsoft Learn

use crate::catalog::Status;
use crate::lint::prelude::*;

/// UA110 `removed-component`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA110",
    name: "removed-component",
    severity: Severity::Error,
    summary: "component removed from Windows (Security-Licensing-SLC and friends); suggest replacement",
};

/// A release as (major, minor or version): `10.1709` → (10, 1709),
/// `Windows 10, version 1803` → (10, 1803), `8.1` → (8, 1), `Vista` → (6, 0).
fn release(text: &str) -> Option<(u32, u32)> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("vista") {
        return Some((6, 0));
    }
    let mut numbers = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse::<u32>().ok());
    let major = numbers.next()?;
    // Server releases by year.
    let major = match major {
        2008 | 2012 => 6,
        y if y >= 2016 => 10,
        m => m,
    };
    Some((major, numbers.next().unwrap_or(0)))
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        let Some(info) = c.info else { return };
        if info.status != Some(Status::Removed) {
            return;
        }
        let removed_in = info.win.removed_in;
        let target = cx.config.target_windows.as_deref().and_then(release);
        let severity = match (target, removed_in.and_then(release)) {
            (Some(t), Some(r)) if t < r => return,
            (Some(_), Some(_)) => Severity::Error,
            (Some(t), None) if t >= (10, 0) => Severity::Error,
            _ => Severity::Warning,
        };
        let span =
            c.el.attribute_ns(None, "name")
                .map_or(c.el.name_span(), |a| a.value_span());
        let since = match removed_in {
            Some(r) => format!(" in {r}"),
            None => String::new(),
        };
        let d = out.report_as(
            severity,
            Some(c.el),
            span,
            format!(
                "{} was removed from Windows{since}; Setup cannot apply its settings there",
                info.name
            ),
        );
        let help = match info.replacement {
            Some(r) => format!("use {r} instead (check its settings with `unattend catalog {r}`), or set target-windows if the file is for an older release"),
            None => "remove the component, or set target-windows if the file is for an older release that still has it".to_string(),
        };
        d.help(help);
    }
}
