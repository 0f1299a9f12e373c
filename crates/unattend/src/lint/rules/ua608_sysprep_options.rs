//! ## What it checks
//!
//! The sysprep command configured for the file (`sysprep = "…"` in
//! `unattend.toml`, or `unattend lint --sysprep …`) is not one sysprep
//! accepts: an unknown or repeated option, `/oobe` together with `/audit`,
//! more than one of `/reboot`, `/shutdown`, `/quit`, or `/unattend` without
//! a file. These are what Microsoft's syntax excludes
//! (`[/oobe | /audit]`, `[/reboot | /shutdown | /quit]`) and what sysprep
//! does not have; how VM mode is used is UA607's (a warning). Reported
//! once, on the root element.
//!
//! ## Why it matters
//!
//! Sysprep stops with a usage message instead of generalizing, at the point
//! of an image build where the machine has been prepared for an hour; the
//! pipeline step fails, or worse, a script ignores the exit code and
//! captures an image that was never generalized.
//!
//! ## Example
//!
//! ```text
//! sysprep /generalize /oobe /audit /shutdown /unattend:C:\\Unattend.xml
//! ```
//!
//! ## Fix
//!
//! Keep one of `/oobe` and `/audit` and one of `/reboot`, `/shutdown`,
//! `/quit`: `sysprep /generalize /oobe /shutdown /unattend:C:\Unattend.xml`.
//!
//! ## Evidence
//!
//! Error: Microsoft's Sysprep command-line options page documents the
//! options; sysprep refuses an invalid command line.
//!
//! ## References
//!
//! - Sysprep command-line options, Microsoft Learn
//! - Boot Windows to audit mode or OOBE; Use answer files with Sysprep, Microsoft Learn

use crate::lint::prelude::*;

/// UA608 `sysprep-options`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA608",
    name: "sysprep-options",
    severity: Severity::Error,
    summary: "the sysprep command is invalid: unknown or repeated option, /oobe with /audit, several of /reboot /shutdown /quit",
};

/// How to write the command instead.
const HELP: &str = "one of /oobe or /audit, at most one of /reboot /shutdown /quit; options: /generalize /oobe /audit /reboot /shutdown /quit /quiet /mode:vm /unattend:FILE";

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        super::sysprep_command::report_invalid(&META, HELP, cx, out);
    }
}
