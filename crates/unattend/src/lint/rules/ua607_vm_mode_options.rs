//! ## What it checks
//!
//! The sysprep command configured for the file (`sysprep = "…"` in
//! `unattend.toml`, or `unattend lint --sysprep …`) uses `/mode:vm` in a way
//! sysprep refuses: without both `/generalize` and `/oobe`, or together with
//! an option other than `/reboot`, `/shutdown` and `/quit` (such as
//! `/quiet` or `/unattend`). Reported once, on the root element.
//!
//! ## Why it matters
//!
//! VM mode generalizes a virtual disk for the same virtual hardware and
//! skips the hardware re-detection of a normal generalize. Sysprep accepts
//! it only as `/generalize /oobe /mode:vm` with one of `/reboot`,
//! `/shutdown`, `/quit`; any other combination fails when the image build
//! reaches that step. Because `/unattend` is not accepted, the answer file
//! must be where Windows finds it by itself (for example
//! `%WINDIR%\Panther\Unattend.xml`).
//!
//! ## Example
//!
//! ```text
//! sysprep /generalize /oobe /mode:vm /shutdown /unattend:C:\\Unattend.xml
//! ```
//!
//! ## Fix
//!
//! Drop the extra option and copy the answer file to
//! `%WINDIR%\Panther\Unattend.xml` instead of passing `/unattend`:
//! `sysprep /generalize /oobe /mode:vm /shutdown`.
//!
//! ## Evidence
//!
//! Error: Microsoft's Sysprep command-line options page documents that
//! /mode:vm supports only /generalize, /oobe, /reboot, /shutdown and /quit;
//! sysprep refuses other combinations.
//!
//! ## References
//!
//! - Sysprep command-line options, Microsoft Learn
//! - Boot Windows to audit mode or OOBE; Use answer files with Sysprep, Microsoft Learn

use crate::lint::prelude::*;

/// UA607 `vm-mode-options`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA607",
    name: "vm-mode-options",
    severity: Severity::Error,
    summary: "sysprep /mode:vm without /generalize and /oobe, or with options other than /reboot, /shutdown, /quit",
};

/// How to write the command instead.
const HELP: &str = "VM mode: sysprep /generalize /oobe /mode:vm plus /reboot, /shutdown or /quit; put the answer file in %WINDIR%\\Panther instead of /unattend";

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        super::sysprep_command::report_invalid(&META, HELP, cx, out);
    }
}
