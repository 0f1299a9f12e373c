//! ## What it checks
//!
//! The sysprep command configured for the file (`sysprep = "…"` in
//! `unattend.toml`, or `unattend lint --sysprep …`) uses `/mode:vm` other
//! than as Microsoft describes it: without both `/generalize` and `/oobe`,
//! or with `/unattend`. One finding per departure, on the root element.
//! `/quiet` is not reported: it only hides confirmation messages, and
//! `/oobe /generalize /quiet /quit /mode:vm` is a common recipe (Azure
//! images, Packer's Azure builder).
//!
//! ## Why it matters
//!
//! VM mode generalizes a virtual disk for the same virtual hardware.
//! Microsoft's "Sysprep command-line options" page shows it as
//! `Sysprep /generalize /oobe /mode:vm` and says that "the only additional
//! switches that apply to VM mode are /reboot, /shutdown, and /quit". The
//! page does not say that sysprep refuses other switches, so this is a
//! warning: an answer file given with `/unattend` may not be used, and a VM
//! mode run without `/generalize /oobe` is not one the documentation
//! describes.
//!
//! ## Example
//!
//! ```text
//! sysprep /generalize /oobe /mode:vm /shutdown /unattend:C:\\Unattend.xml
//! ```
//!
//! ## Fix
//!
//! Drop `/unattend` and copy the answer file to
//! `%WINDIR%\Panther\Unattend.xml`, where Windows looks for one by itself:
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
//! - Sysprep command-line options (`/mode:vm`), Microsoft Learn
//! - Sysprep (Generalize) a Windows installation: generalizing a virtual
//!   hard disk, Microsoft Learn

use crate::lint::prelude::*;

/// UA607 `vm-mode-options`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA607",
    name: "vm-mode-options",
    severity: Severity::Warning,
    summary: "sysprep /mode:vm without /generalize /oobe, or with /unattend, which Microsoft does not list as applying to VM mode",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        let Some(cmd) = cx.config.sysprep_command() else {
            return;
        };
        let root = cx.doc.root();
        for note in cmd.vm_mode_notes() {
            let help = match note {
                crate::sysprep::VmModeNote::Unattend => {
                    "drop /unattend and copy the file to %WINDIR%\\Panther\\Unattend.xml, where Windows looks for one by itself"
                }
                crate::sysprep::VmModeNote::WithoutGeneralizeOobe => "VM mode: sysprep /generalize /oobe /mode:vm with /reboot, /shutdown or /quit",
            };
            out.report(Some(root), root.name_span(), note.to_string())
                .help(help);
        }
    }
}
