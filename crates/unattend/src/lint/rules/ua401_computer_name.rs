//! ## What it checks
//!
//! The computer name in `Microsoft-Windows-Shell-Setup/ComputerName` (and
//! the audit-mode name in `Microsoft-Windows-Deployment/AuditComputerName/Name`):
//!
//! - at most 15 bytes (ASCII letters and digits count one byte each);
//! - no spaces and none of ``{ | } ~ [ \ ] ^ ' : ; < = > ? @ ! " # $ % ` ( ) + / . , * &``;
//! - not made of digits only (Windows validates names as DNS names).
//!
//! `*` and an empty value are fine: both ask Windows for a random name.
//! Template placeholders are skipped; values that look like a placeholder
//! filled in by some other script (`#COMPUTERNAME#`, `[NAME]`) are a
//! warning. A name that is only too long when
//! counted in UTF-8 (non-ASCII letters, which Windows may store in fewer
//! bytes) is a warning.
//!
//! ## Why it matters
//!
//! Windows Setup refuses the whole answer file ("The answer file is
//! invalid") or stops in the specialize pass when the name breaks these
//! limits; setups have also been seen to crash on long names. The failure
//! comes late, after the image was already applied.
//!
//! ## Example
//!
//! ```xml
//! <ComputerName>Build Server #1</ComputerName>
//! <ComputerName>WORKSTATION-ACCOUNTING</ComputerName>
//! <ComputerName>20240117</ComputerName>
//! ```
//!
//! ## Fix
//!
//! Use letters, digits and hyphens, at most 15 of them, with at least one
//! letter or hyphen:
//!
//! ```xml
//! <ComputerName>BUILD-01</ComputerName>
//! ```
//!
//! Write `*` to let Windows pick a random name.
//!
//! ## Evidence
//!
//! Error: the ComputerName page documents the 15-byte limit and the forbidden
//! characters, and Setup rejects the file ("The answer file is invalid").
//! Warning for values that look like unfilled placeholders and for names only
//! too long in UTF-8.
//!
//! ## References
//!
//! - Microsoft-Windows-Shell-Setup | ComputerName, Unattended Windows Setup
//!   Reference (Microsoft Learn): length in bytes, forbidden characters,
//!   names validated with `DnsValidateName`
//! - `DnsValidateName` function (Win32 API documentation)

use crate::lint::prelude::*;

/// UA401 `computer-name`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA401",
    name: "computer-name",
    severity: Severity::Error,
    summary: "more than 15 bytes, forbidden characters, spaces, all digits (* = random is fine)",
};

/// Characters the reference forbids in a computer name (spaces apart).
const FORBIDDEN: &str = "{|}~[\\]^':;<=>?@!\"#$%`()+/.,*&";

/// The longest name, in bytes.
const MAX_BYTES: usize = 15;

/// True for the settings that hold a computer name.
pub(super) fn is_computer_name(s: &SettingView<'_, '_>) -> bool {
    let name = s.local_name();
    if !(name.eq_ignore_ascii_case("ComputerName") || name.eq_ignore_ascii_case("Name")) {
        return false;
    }
    s.info.is_some_and(|i| {
        let component = i.component().name;
        (i.xml_path == "ComputerName" && component == "Microsoft-Windows-Shell-Setup")
            || (i.xml_path == "AuditComputerName/Name"
                && component == "Microsoft-Windows-Deployment")
    })
}

/// The span of an element's value without surrounding whitespace (the whole
/// content when it is blank).
pub(super) fn trimmed_text_span(el: ElementRef<'_>) -> Option<Span> {
    let span = el.text_span()?;
    let text = el.document().text();
    let raw = text.get(span.range())?;
    let start = raw.len() - raw.trim_start().len();
    let end = raw.trim_end().len();
    if start >= end {
        return Some(span);
    }
    Some(Span::new(
        span.start as usize + start,
        span.start as usize + end,
    ))
}


impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        if !is_computer_name(s) {
            return;
        }
        let Some(value) = s.value() else { return };
        let name = value.trim();
        if name.is_empty() || name == "*" || cx.is_template(value) {
            return;
        }
        let Some(span) = trimmed_text_span(s.el) else {
            return;
        };
        let setting = s.info.map_or("ComputerName", |i| i.xml_path);
        if crate::lint::template::looks_like_placeholder(name) {
            out.report_as(
                Severity::Warning,
                Some(s.el),
                span,
                format!("{setting} {} looks like a placeholder that was not filled in", shown(s.el, name)),
            )
            .help("fill it in before the file is used (a computer name has at most 15 letters, digits or hyphens), or write * for a random name");
            return;
        }

        let mut bad: Vec<char> = Vec::new();
        for c in name.chars() {
            let forbidden = c.is_whitespace() || c.is_control() || FORBIDDEN.contains(c);
            if forbidden && !bad.contains(&c) {
                bad.push(c);
            }
        }
        if !bad.is_empty() {
            let listed: Vec<String> = bad
                .iter()
                .map(|c| match c {
                    ' ' => "space".to_string(),
                    c if c.is_whitespace() || c.is_control() => format!("{:?}", c),
                    c => format!("`{c}`"),
                })
                .collect();
            out.report(
                Some(s.el),
                span,
                format!(
                    "{setting} {} contains characters a computer name cannot have: {}",
                    shown(s.el, name),
                    listed.join(", ")
                ),
            )
            .help("use only letters, digits and hyphens (write * for a random name)");
        }

        let bytes = name.len();
        if bytes > MAX_BYTES {
            // Windows counts the name in its code page, where a non-ASCII
            // letter may take fewer bytes than in UTF-8.
            let at_least: usize = name.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            let severity = if at_least > MAX_BYTES {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.report_as(
                severity,
                Some(s.el),
                span,
                format!("{setting} {} is {bytes} bytes long; a computer name has at most {MAX_BYTES}", shown(s.el, name)),
            )
            .help("shorten it to 15 letters, digits or hyphens (NetBIOS names are limited to 15 bytes)");
        }

        if name.bytes().all(|b| b.is_ascii_digit()) {
            out.report(
                Some(s.el),
                span,
                format!("{setting} {} is made of digits only, which Windows does not accept as a computer name", shown(s.el, name)),
            )
            .help("add at least one letter or hyphen, e.g. PC-20240117");
        }
    }
}
