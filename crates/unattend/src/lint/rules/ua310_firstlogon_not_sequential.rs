//! ## What it checks
//!
//! FirstLogonCommands that hand their work to a background process while
//! later commands follow: a `SynchronousCommand` whose `CommandLine` uses
//! `start` without `/wait` (in `cmd`, or PowerShell's `start` alias) or
//! `Start-Process` without `-Wait`, and a command with a higher `Order`
//! comes after it. `net start`, `sc start` and `start=` service options are
//! not launches and are ignored.
//!
//! ## Why it matters
//!
//! Microsoft's pages disagree on how FirstLogonCommands are sequenced: the
//! `Order` page says that since Windows 10 they all start together, while
//! the `SynchronousCommand` page says each one still waits for the previous
//! one to finish. Either way, a command that only launches something
//! returns at once, so the next command runs while the launched installer
//! or script is still busy. Files that depend on that order (install, then
//! configure what was installed; copy, then run) fail intermittently.
//!
//! ## Example
//!
//! ```xml
//! <SynchronousCommand wcm:action="add">
//!   <Order>1</Order>
//!   <CommandLine>cmd /c start "" msiexec /i C:\Setup\agent.msi /qn</CommandLine>
//! </SynchronousCommand>
//! <SynchronousCommand wcm:action="add">
//!   <Order>2</Order>
//!   <CommandLine>"C:\Program Files\Agent\agent.exe" --register</CommandLine>
//! </SynchronousCommand>
//! ```
//!
//! ## Fix
//!
//! Wait for what the command starts, or run the dependent steps from one
//! script:
//!
//! ```xml
//! <CommandLine>cmd /c start "" /wait msiexec /i C:\Setup\agent.msi /qn</CommandLine>
//! ```
//!
//! ## Evidence
//!
//! Info: Microsoft's FirstLogonCommands pages disagree on whether the
//! commands wait for each other; whether that matters depends on the
//! commands.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn:
//!   `Microsoft-Windows-Shell-Setup | FirstLogonCommands | SynchronousCommand`
//!   and its `Order` page (the two notes on sequencing)

use super::support::has_later_command;
use crate::lint::prelude::*;

/// UA310 `firstlogon-not-sequential`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA310",
    name: "firstlogon-not-sequential",
    severity: Severity::Info,
    summary: "a FirstLogonCommand starts work in the background (start without /wait, Start-Process without -Wait) while later commands follow",
};

fn starts_word(prev: Option<char>) -> bool {
    prev.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '(' | '&' | '|' | ';' | '{' | '`')
    })
}

fn ends_word(next: Option<char>) -> bool {
    next.is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '\'' | ';' | ')' | '}'))
}

/// The statement of `cmd` that starts at byte `at`: up to the next command
/// separator.
fn statement(cmd: &str, at: usize) -> &str {
    let rest = &cmd[at..];
    &rest[..rest.find(['&', '|', ';', '\n']).unwrap_or(rest.len())]
}

/// The word before byte `at`.
fn previous_word(cmd: &str, at: usize) -> &str {
    cmd[..at]
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '(' | '&' | '|' | ';'))
        .next()
        .unwrap_or("")
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// A launch that does not wait: byte range of the launching word.
fn detached_launch(cmd: &str) -> Option<(usize, usize)> {
    for (word, wait) in [("start-process", "-wait"), ("start", "/wait")] {
        let n = word.len();
        for i in 0..cmd.len().saturating_sub(n - 1) {
            if !cmd.is_char_boundary(i)
                || !cmd.is_char_boundary(i + n)
                || !cmd[i..i + n].eq_ignore_ascii_case(word)
                || !starts_word(cmd[..i].chars().next_back())
                || !ends_word(cmd[i + n..].chars().next())
            {
                continue;
            }
            let before = previous_word(cmd, i);
            if before.eq_ignore_ascii_case("net") || before.eq_ignore_ascii_case("sc") {
                continue;
            }
            let stmt = statement(cmd, i + n);
            // PowerShell's alias takes -Wait too.
            if contains_ignore_case(stmt, wait) || contains_ignore_case(stmt, "-wait") {
                continue;
            }
            return Some((i, i + n));
        }
    }
    None
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::Value || info.element_name != "CommandLine" {
            return;
        }
        let Some(item) = s.parent_info else { return };
        let in_first_logon = item.kind == SettingKind::ListItem
            && item.element_name == "SynchronousCommand"
            && item.parent().is_some_and(|p| p.element_name == "FirstLogonCommands");
        if !in_first_logon {
            return;
        }
        let Some(value) = s.value() else { return };
        let Some((start, end)) = detached_launch(value) else { return };
        let Some(item_el) = s.el.parent() else { return };
        if !has_later_command(item_el) {
            return;
        }
        let Some(text_span) = s.el.text_span() else { return };
        let word = &value[start..end];
        // Find the launching word in the raw text (entities shift offsets).
        let raw = cx.doc.span_text(text_span);
        let nth = (0..start)
            .filter(|&i| value.get(i..i + word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word)))
            .count();
        let span = (0..raw.len())
            .filter(|&i| raw.get(i..i + word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word)))
            .nth(nth)
            .map_or(text_span, |i| {
                let base = text_span.start as usize + i;
                Span::new(base, base + word.len())
            });
        let how = if word.eq_ignore_ascii_case("start") { "/wait" } else { "-Wait" };
        out.report(
            Some(s.el),
            span,
            format!("this FirstLogonCommand launches a process with `{word}` and returns at once; the commands ordered after it do not wait for that process"),
        )
        .help(format!(
            "if later commands depend on it, add {how} (or run the dependent steps from one script)"
        ));
    }
}
