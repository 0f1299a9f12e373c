//! ## What it checks
//!
//! That the `CommandLine` of a FirstLogonCommands `SynchronousCommand` or
//! a LogonCommands `AsynchronousCommand` is at most 1024 characters, the
//! documented maximum. The whole value counts, including line breaks and
//! indentation inside the element. Template placeholders are skipped.
//!
//! ## Why it matters
//!
//! Windows does not run a command line over the limit: the command is
//! dropped or the oobeSystem pass fails, and everything the command was to
//! set up at first logon is missing. Inline PowerShell one-liners cross
//! the limit quickly.
//!
//! ## Example
//!
//! ```xml
//! <SynchronousCommand wcm:action="add">
//!   <Order>1</Order>
//!   <CommandLine>powershell -NoProfile -Command "…1100 characters of inline script…"</CommandLine>
//! </SynchronousCommand>
//! ```
//!
//! ## Fix
//!
//! Save the script to a file (for example from a specialize command, or on
//! the installation media) and run the file:
//!
//! ```xml
//! <CommandLine>powershell -NoProfile -ExecutionPolicy Bypass -File C:\Windows\Setup\Scripts\FirstLogon.ps1</CommandLine>
//! ```
//!
//! ## Evidence
//!
//! Error: the CommandLine pages document a maximum of 1024 characters.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn:
//!   `Microsoft-Windows-Shell-Setup | FirstLogonCommands | SynchronousCommand | CommandLine`
//!   ("a maximum length of 1024 characters") and
//!   `LogonCommands | AsynchronousCommand | CommandLine`

use crate::lint::prelude::*;

/// UA307 `commandline-too-long`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA307",
    name: "commandline-too-long",
    severity: Severity::Error,
    summary: "CommandLine over 1024 characters",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::Value || info.element_name != "CommandLine" {
            return;
        }
        let Some(max) = info.max_length else { return };
        let Some(item) = s.parent_info else { return };
        if item.kind != SettingKind::ListItem {
            return;
        }
        let Some(value) = s.value() else { return };
        let len = info.length_unit.measure(value);
        if len <= max as usize || cx.is_template(value) {
            return;
        }
        let Some(span) = s.el.text_span() else { return };
        let trimmed = info.length_unit.measure(value.trim());
        let d = out.report(
            Some(s.el),
            span,
            format!(
                "{} CommandLine is {len} characters long; Windows accepts at most {max}",
                item.element_name
            ),
        );
        if trimmed <= max as usize {
            d.help(format!(
                "without the surrounding whitespace and line breaks it is {trimmed} characters: write the command on one line"
            ));
        } else {
            d.help("save the script to a file and run the file, or split the work into several commands");
        }
    }
}
