//! ## What it checks
//!
//! For answer files given to sysprep (`profile = "sysprep"` in
//! `unattend.toml`): components in the `windowsPE` and `offlineServicing`
//! passes. Reported once per pass, at its `pass` attribute. Without the
//! profile the rule does nothing, since Autounattend.xml files on media run
//! every pass.
//!
//! With the sysprep command configured (`sysprep = "/generalize /oobe
//! /shutdown"` in `unattend.toml`, or `unattend lint --sysprep …`), every
//! non-empty pass that run never reaches is reported: generalize and
//! specialize without `/generalize`, the audit passes without `/audit`,
//! oobeSystem without `/oobe`. Passes the file itself leads to are reached:
//! audit passes after `Reseal` with `Mode` `Audit` in oobeSystem, and
//! oobeSystem after `Generalize` or `Reseal` with `Mode` `OOBE` in auditUser
//! (Windows keeps the answer file for those later boots), and generalize
//! and specialize after `Generalize` in auditUser.
//!
//! ## Why it matters
//!
//! `windowsPE` and `offlineServicing` only run when Windows Setup installs
//! from media or applies an image offline. `sysprep /unattend:` starts at
//! generalize, specialize or oobeSystem, so settings in those two passes are
//! silently never applied: disk layouts, language of Setup, product keys
//! entered there, drivers added offline.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="windowsPE">
//!   <component name="Microsoft-Windows-International-Core-WinPE" …>
//!     <UILanguage>en-US</UILanguage>
//!   </component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! Move what you need into a pass sysprep runs (for example the
//! `Microsoft-Windows-International-Core` settings into `oobeSystem` or
//! `specialize`), and remove the rest; or, if the file is really an
//! Autounattend.xml for media, do not lint it with the sysprep profile.
//!
//! ## Evidence
//!
//! Warning: Microsoft's "Use answer files with Sysprep" page documents which
//! passes a sysprep run processes; settings elsewhere are ignored, not fatal.
//!
//! ## References
//!
//! - Use answer files with Sysprep, and How configuration passes work,
//!   Microsoft Learn
//! - Sysprep command-line options (`/generalize`, `/oobe`, `/audit`,
//!   `/unattend`), Microsoft Learn

use crate::lint::Profile;
use crate::lint::prelude::*;

/// UA604 `pass-ignored-by-sysprep`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA604",
    name: "pass-ignored-by-sysprep",
    severity: Severity::Warning,
    summary: "profile/sysprep command given: settings in windowsPE/offlineServicing (never processed by sysprep), audit passes without /audit",
};

/// The options of a command, without the executable.
fn options_of(cmd: &crate::sysprep::SysprepCommand) -> String {
    let full = cmd.to_string();
    full.split_once(' ').map_or(String::new(), |(_, o)| o.to_string())
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_pass(&self, cx: &FileCx<'_>, pass: &PassView<'_>, out: &mut Reporter<'_>) {
        if cx.config.profile != Some(Profile::Sysprep) || pass.components.is_empty() {
            return;
        }
        let Some(p) = pass.pass else { return };
        if let Some(cmd) = cx.config.sysprep_command()
            && !matches!(p, Pass::WindowsPe | Pass::OfflineServicing)
        {
            if super::support::runs_pass(cx, p) {
                return;
            }
            let needs = match p {
                Pass::Generalize | Pass::Specialize => "/generalize",
                Pass::AuditSystem | Pass::AuditUser => "/audit",
                _ => "/oobe",
            };
            let span = pass.el.attribute_ns(None, "pass").map_or(pass.el.name_span(), |a| a.value_span());
            out.report(
                Some(pass.el),
                span,
                format!("`sysprep {}` never runs the {p} pass: its settings will not be applied", options_of(cmd)),
            )
            .help(format!("add {needs} to the sysprep command, or move these settings into a pass it runs"));
            return;
        }
        if !matches!(p, Pass::WindowsPe | Pass::OfflineServicing) {
            return;
        }
        let span = pass
            .el
            .attribute_ns(None, "pass")
            .map_or(pass.el.name_span(), |a| a.value_span());
        let count = pass.components.len();
        let components = if count == 1 {
            "1 component".to_string()
        } else {
            format!("{count} components")
        };
        out.report(
            Some(pass.el),
            span,
            format!("sysprep never runs the {p} pass: its {components} will not be applied"),
        )
        .help("move the settings you need into generalize, specialize or oobeSystem, or lint media files (Autounattend.xml) without profile = \"sysprep\"");
    }
}
