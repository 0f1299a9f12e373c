//! ## What it checks
//!
//! That commands Setup runs do not restart or shut down the computer
//! themselves: `shutdown /r` (also `/s`, `/p`, `/g`, `/sg`, with `-` or `/`,
//! with or without `.exe`), PowerShell `Restart-Computer` and
//! `Stop-Computer`, and `wpeutil reboot` / `wpeutil shutdown`. `shutdown /a`
//! (abort) and `sysprep … /reboot` are not reported.
//!
//! RunSynchronous and RunAsynchronous commands (windowsPE, specialize,
//! auditUser) are always reported. In FirstLogonCommands and LogonCommands
//! a restart is only reported when commands with a higher `Order` follow it;
//! as the last command it is the usual way to finish.
//!
//! ## Why it matters
//!
//! A restart in the middle of a pass pulls the machine from under Setup: the
//! pass does not complete, the commands after it never run, and Setup may
//! end with "Windows could not complete the installation". The
//! RunSynchronousCommand pages say not to do it and to use `WillReboot`
//! instead, which restarts when Setup is ready and then carries on.
//!
//! ## Example
//!
//! ```xml
//! <RunSynchronousCommand wcm:action="add">
//!   <Order>3</Order>
//!   <Path>cmd /c C:\Drivers\install.cmd &amp;&amp; shutdown /r /t 0</Path>
//! </RunSynchronousCommand>
//! ```
//!
//! ## Fix
//!
//! Let Setup restart:
//!
//! ```xml
//! <RunSynchronousCommand wcm:action="add">
//!   <Order>3</Order>
//!   <Path>cmd /c C:\Drivers\install.cmd</Path>
//!   <WillReboot>Always</WillReboot>
//! </RunSynchronousCommand>
//! ```
//!
//! In audit mode, `Microsoft-Windows-Deployment/Reseal` (with
//! `ForceShutdownNow`) ends the pass with a restart or shutdown; in
//! FirstLogonCommands, make the restart the last command.
//!
//! ## Evidence
//!
//! Warning: Microsoft's RunSynchronous and command pages say to use
//! WillReboot or Reseal rather than restarting from a command; a restart
//! there interrupts Setup, but files doing it do install.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn:
//!   `Microsoft-Windows-Deployment | RunSynchronous | RunSynchronousCommand | Path`
//!   ("Do not add commands that shut down or reboot the computer") and
//!   `… | WillReboot`

use super::support::{command_field, find_ascii_ci, has_later_command};
use crate::lint::prelude::*;

/// UA309 `reboot-inside-command`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA309",
    name: "reboot-inside-command",
    severity: Severity::Warning,
    summary: "command runs shutdown/restart; use WillReboot or Reseal",
};

/// Characters that may stand before a command name.
fn starts_word(prev: Option<char>) -> bool {
    prev.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\\' | '(' | '&' | '|' | ';' | '{' | '>' | '=' | '`')
    })
}

/// Characters that may follow a command name.
fn ends_word(next: Option<char>) -> bool {
    next.is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '\'' | ';' | ')' | '}' | '&' | '|'))
}

/// Byte offsets of `word` in `s`, ignoring ASCII case, as a whole word.
fn find_words<'a>(s: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    find_ascii_ci(s, word).filter(move |&i| starts_word(s[..i].chars().next_back()))
}

/// What a command does to the machine: the matched text (to quote) and the
/// verb, with the byte range of the command name in `cmd`.
fn reboot_in(cmd: &str) -> Option<(usize, usize, String, &'static str)> {
    for i in find_words(cmd, "shutdown") {
        let mut end = i + "shutdown".len();
        if cmd.get(end..end + 4).is_some_and(|e| e.eq_ignore_ascii_case(".exe")) {
            end += 4;
        }
        if !ends_word(cmd[end..].chars().next()) {
            continue;
        }
        let rest = &cmd[end..];
        let args = &rest[..rest.find(['&', '|', '\n', ';', '"', ')']).unwrap_or(rest.len())];
        for arg in args.split_whitespace() {
            let flag = arg.trim_start_matches(['/', '-']).to_ascii_lowercase();
            if arg.len() == flag.len() + 1 {
                let verb = match flag.as_str() {
                    "r" | "g" => Some("restarts the computer"),
                    "s" | "p" | "sg" => Some("shuts down the computer"),
                    _ => None,
                };
                if let Some(verb) = verb {
                    return Some((i, end, format!("shutdown {arg}"), verb));
                }
            }
        }
    }
    for (word, verb) in [
        ("restart-computer", "restarts the computer"),
        ("stop-computer", "shuts down the computer"),
    ] {
        if let Some(i) = find_words(cmd, word).find(|&i| ends_word(cmd[i + word.len()..].chars().next())) {
            return Some((i, i + word.len(), cmd[i..i + word.len()].to_string(), verb));
        }
    }
    for i in find_words(cmd, "wpeutil") {
        let end = i + "wpeutil".len() + cmd[i + 7..].find(|c: char| !c.is_ascii_alphanumeric() && c != '.').unwrap_or(0);
        let rest = cmd[end..].trim_start();
        let arg = rest.split_whitespace().next().unwrap_or("");
        let arg = arg.trim_end_matches(['"', '\'', ';', '&', '|']);
        if arg.eq_ignore_ascii_case("reboot") {
            return Some((i, end, "wpeutil reboot".into(), "restarts the computer"));
        }
        if arg.eq_ignore_ascii_case("shutdown") {
            return Some((i, end, "wpeutil shutdown".into(), "shuts down the computer"));
        }
    }
    None
}

/// The number of `word` matches before byte `at` (to find the same match in
/// the raw text, where entities are not yet resolved).
fn occurrence(s: &str, word: &str, at: usize) -> usize {
    find_ascii_ci(s, word).take_while(|&i| i < at).count()
}

fn nth_match(s: &str, word: &str, n: usize) -> Option<usize> {
    find_ascii_ci(s, word).nth(n)
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some((info, item)) = command_field(s) else { return };
        let field = info.element_name;
        let Some(value) = s.value() else { return };
        let Some((start, end, quoted, verb)) = reboot_in(value) else { return };
        let Some(item_el) = s.el.parent() else { return };
        let at_logon = field == "CommandLine";
        if at_logon && !has_later_command(item_el) {
            return;
        }
        let Some(text_span) = s.el.text_span() else { return };
        // The same match in the raw text (entities such as &amp; shift offsets).
        let word = &value[start..end];
        let raw = cx.doc.span_text(text_span);
        let span = nth_match(raw, word, occurrence(value, word, start)).map_or(text_span, |i| {
            let base = text_span.start as usize + i;
            Span::new(base, base + word.len())
        });
        let item_name = item.element_name;
        let d = out.report(
            Some(s.el),
            span,
            format!("this {item_name} {verb} (`{quoted}`)"),
        );
        let has_will_reboot = item.children().any(|c| c.element_name == "WillReboot");
        if at_logon {
            d.help("the commands ordered after it may never run: make the restart the last command, or move the later commands before it");
        } else if has_will_reboot {
            d.help("remove the restart from the command and set <WillReboot>Always</WillReboot> on it: Setup restarts when it is ready and then goes on with the next command");
        } else if s.pass() == Some(Pass::WindowsPe) {
            d.help("remove it: Setup restarts by itself when windowsPE is done, and a restart inside a command interrupts the installation");
        } else {
            d.help("run it as a RunSynchronousCommand with <WillReboot>Always</WillReboot> instead, so Setup restarts when it is ready");
        }
    }
}
