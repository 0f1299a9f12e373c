//! ## What it checks
//!
//! That the `Path` of a `RunSynchronousCommand` or `RunAsynchronousCommand`
//! is at most 259 characters, the documented maximum for the
//! `Microsoft-Windows-Deployment` commands (specialize, auditUser). The
//! whole value counts, including line breaks and indentation a formatter
//! may have put inside the element.
//!
//! `Microsoft-Windows-Setup` commands (windowsPE) document no maximum; an
//! over-long `Path` there is a warning, since the same 259-character
//! limit is the likely one and nothing says it is lifted. Template
//! placeholders are skipped.
//!
//! ## Why it matters
//!
//! Setup refuses the value, so the command does not run, or the pass fails
//! with "Windows could not parse or process the unattend answer file".
//! Long one-liners grow past the limit easily, especially after an editor
//! re-wraps them.
//!
//! ## Example
//!
//! ```xml
//! <RunSynchronousCommand wcm:action="add">
//!   <Order>1</Order>
//!   <Path>powershell -NoProfile -Command "Set-ItemProperty -Path 'HKLM:\SOFTWARE\…' …; Set-ItemProperty …; …"</Path>
//! </RunSynchronousCommand>
//! ```
//!
//! ## Fix
//!
//! Put the commands in a script and run that, or split them into several
//! commands:
//!
//! ```xml
//! <Path>powershell -NoProfile -ExecutionPolicy Bypass -File C:\Windows\Setup\Scripts\specialize.ps1</Path>
//! ```
//!
//! ## Evidence
//!
//! Error: the command Path pages document a maximum of 259 characters; a
//! longer Path broke specialize in a real pipeline.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn:
//!   `Microsoft-Windows-Deployment | RunSynchronous | RunSynchronousCommand | Path`
//!   ("a string with a maximum length of 259 characters"), and the same for
//!   `RunAsynchronousCommand`

use crate::lint::prelude::*;

/// UA306 `command-path-too-long`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA306",
    name: "command-path-too-long",
    severity: Severity::Error,
    summary: "RunSynchronousCommand/Path (and friends) over 259 characters",
};

/// The limit of command paths documented for Microsoft-Windows-Deployment.
const PATH_MAX: usize = 259;

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::Value || info.element_name != "Path" {
            return;
        }
        let Some(item) = s.parent_info else { return };
        if item.kind != SettingKind::ListItem || !item.element_name.ends_with("Command") {
            return;
        }
        let Some(value) = s.value() else { return };
        let (max, severity) = match info.max_length {
            Some(m) => (m as usize, Severity::Error),
            None => (PATH_MAX, Severity::Warning),
        };
        let len = value.chars().count();
        if len <= max || cx.is_template(value) {
            return;
        }
        let Some(span) = s.el.text_span() else { return };
        let trimmed = value.trim().chars().count();
        let limit = if info.max_length.is_some() {
            format!("Setup accepts at most {max}")
        } else {
            format!("{} documents no maximum, but its twin in Microsoft-Windows-Deployment allows {max}", s.component.info.map_or("this component", |c| c.name))
        };
        let d = out.report_as(
            severity,
            Some(s.el),
            span,
            format!("{} Path is {len} characters long; {limit}", item.element_name),
        );
        if trimmed <= max {
            d.help(format!(
                "without the surrounding whitespace and line breaks it is {trimmed} characters: write the command on one line, right after <Path>"
            ));
        } else {
            d.help("move the commands into a script (e.g. under C:\\Windows\\Setup\\Scripts) and run that, or split them into several commands");
        }
    }
}
