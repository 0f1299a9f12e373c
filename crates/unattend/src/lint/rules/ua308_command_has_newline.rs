//! ## What it checks
//!
//! That the `Path` or `CommandLine` of a command (RunSynchronous,
//! RunAsynchronous, FirstLogonCommands, LogonCommands) is one line with no
//! tab: no line break or tab inside the text, whether written literally or
//! as a character reference (`&#10;`, `&#13;`, `&#9;`).
//!
//! A value that only has line breaks around the command (the element was
//! re-wrapped by an editor or formatter, so the command starts on its own
//! line) gets a fix that removes the surrounding whitespace. Template
//! placeholders are skipped.
//!
//! ## Why it matters
//!
//! Setup hands the text to the program as it is. `cmd.exe` stops reading a
//! command at a line break, so everything after it is lost, and other
//! programs get arguments with stray line breaks or tabs in them. A leading
//! line break also counts against the 259 and 1024 character limits
//! (UA306, UA307).
//!
//! ## Example
//!
//! ```xml
//! <CommandLine>
//!   powershell -NoProfile -File C:\Setup\first.ps1
//! </CommandLine>
//! ```
//!
//! ## Fix
//!
//! Write the command on one line, directly between the tags:
//!
//! ```xml
//! <CommandLine>powershell -NoProfile -File C:\Setup\first.ps1</CommandLine>
//! ```
//!
//! ## Evidence
//!
//! Warning: not documented as invalid; a newline in a command is likely a
//! formatter's re-wrap and changes what cmd runs.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: the `Path` and
//!   `CommandLine` pages of the command lists (a path and its arguments,
//!   as one string)

use crate::document::TextEdit;
use super::support::command_field;
use crate::lint::prelude::*;

/// UA308 `command-has-newline`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA308",
    name: "command-has-newline",
    severity: Severity::Warning,
    summary: "newline or tab inside Path/CommandLine",
};

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t')
}

/// The first line break or tab in raw text, literal or as a character
/// reference: offset, length and whether it is a tab.
fn first_break(raw: &str) -> Option<(usize, usize, bool)> {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\t' => return Some((i, 1, true)),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => return Some((i, 2, false)),
            b'\n' | b'\r' => return Some((i, 1, false)),
            b'&' if bytes.get(i + 1) == Some(&b'#') => {
                if let Some(end) = raw[i..].find(';') {
                    let body = &raw[i + 2..i + end];
                    let code = match body.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => body.parse::<u32>().ok(),
                    };
                    match code {
                        Some(9) => return Some((i, end + 1, true)),
                        Some(10 | 13) => return Some((i, end + 1, false)),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some((info, item)) = command_field(s) else { return };
        let field = info.element_name;
        let Some(value) = s.value() else { return };
        if !value.contains(is_break) || cx.is_template(value) {
            return;
        }
        let Some(span) = s.el.text_span() else { return };
        let raw = cx.doc.span_text(span);
        let item_name = item.element_name;
        if !value.trim().contains(is_break) {
            // Only around the command: a re-wrapped element.
            let d = out.report(
                Some(s.el),
                span,
                format!("{item_name} {field} has line breaks or tabs around the command"),
            );
            d.help(format!("write the command directly between <{field}> and </{field}>, on one line"));
            if !raw.contains("&#") {
                let lead = raw.len() - raw.trim_start().len();
                let trail = raw.len() - raw.trim_end().len();
                let (start, end) = (span.start as usize, span.end as usize);
                let mut edits = Vec::new();
                if lead > 0 {
                    edits.push(TextEdit {
                        span: Span::new(start, start + lead),
                        replacement: String::new(),
                    });
                }
                if trail > 0 {
                    edits.push(TextEdit {
                        span: Span::new(end - trail, end),
                        replacement: String::new(),
                    });
                }
                d.fix("remove the whitespace around the command", edits);
            }
            return;
        }
        let inner = raw.len() - raw.trim_start().len();
        let (at, len, tab) = first_break(&raw[inner..])
            .map_or((0, raw.len(), false), |(i, l, t)| (inner + i, l, t));
        let start = span.start as usize + at;
        let (what, help) = if tab {
            ("a tab", "replace the tab with a space")
        } else {
            (
                "a line break",
                "write the whole command on one line; cmd.exe stops reading at a line break, so the rest would be lost (move long commands into a script)",
            )
        };
        // A line break is anchored as a caret where it starts (spanning it
        // would draw across two lines).
        let end = if tab { start + len } else { start };
        out.report(
            Some(s.el),
            Span::new(start, end),
            format!("{item_name} {field} contains {what} inside the command"),
        )
        .help(help);
    }
}
