//! ## What it checks
//!
//! Passwords that Windows lets you hide but that the file stores in plain
//! text: every `Password`, `AdministratorPassword` and
//! `OfflineAdministratorPassword` element with a `Value` whose `PlainText`
//! is `true` or missing (a missing `PlainText` means plain text). Empty
//! passwords and values Setup already removed (`*SENSITIVE*DATA*DELETED*`)
//! are not reported; a placeholder value is, because the rendered
//! file will hold the password in plain text.
//!
//! ## Why it matters
//!
//! Answer files travel: they sit in repositories, on USB sticks, on
//! deployment shares, and Windows keeps a copy under `%WINDIR%\Panther`.
//! Anyone who can read the file can read a plain-text password. Hiding it
//! (`PlainText` `false`) keeps it from being read at a glance, although it
//! is only an encoding that anyone can undo: protect or delete the file
//! after setup either way.
//!
//! ## Example
//!
//! ```xml
//! <AdministratorPassword>
//!   <Value>P@ssw0rd</Value>
//!   <PlainText>true</PlainText>
//! </AdministratorPassword>
//! ```
//!
//! ## Fix
//!
//! Store base64 of the UTF-16LE text *password followed by the element
//! name* and set `PlainText` to `false`, as Windows System Image Manager's
//! "Hide Sensitive Data" does (the library's `password::encode`):
//!
//! ```xml
//! <AdministratorPassword>
//!   <Value>UABAAHMAcwB3ADAAcgBkAEEAZABtAGkAbgBpAHMAdAByAGEAdABvAHIAUABhAHMAcwB3AG8AcgBkAA==</Value>
//!   <PlainText>false</PlainText>
//! </AdministratorPassword>
//! ```
//!
//! ## Evidence
//!
//! Info. Microsoft documents `PlainText` and Windows SIM's "Hide Sensitive
//! Data", but also that hiding is only an encoding, and Setup accepts both.
//! On real files the plain-text passwords are mostly throwaway build boxes
//! (Packer, Vagrant) where nobody would act, and hiding would not protect a
//! real password anyway: advice, not a warning.
//!
//! ## References
//!
//! - Hide sensitive data in an answer file (Windows System Image Manager,
//!   Microsoft Learn)
//! - Microsoft-Windows-Shell-Setup | UserAccounts | AdministratorPassword |
//!   PlainText, and | AutoLogon | Password | PlainText, Unattended Windows
//!   Setup Reference (Microsoft Learn)

use crate::lint::prelude::*;

/// UA501 `plaintext-password`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA501",
    name: "plaintext-password",
    severity: Severity::Info,
    summary: "password with PlainText true or missing",
};

/// How a hideable password is stored, from its `PlainText`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Storage {
    /// `PlainText` is `true` or missing.
    Plain,
    /// `PlainText` is `false`: `Value` is encoded.
    Hidden,
    /// `PlainText` holds something else (see UA204) or a placeholder.
    Unknown,
}

/// A password element Windows can hide (`Value` + `PlainText` children).
pub(super) struct Hideable<'d> {
    /// The `Password`/`AdministratorPassword`/… element.
    pub el: ElementRef<'d>,
    /// Its `Value` child.
    pub value: ElementRef<'d>,
    /// Its `PlainText` child, if any.
    pub plain_text: Option<ElementRef<'d>>,
    /// What `PlainText` says.
    pub storage: Storage,
}

impl Hideable<'_> {
    /// How to name the element in a message (`AutoLogon/Password`).
    pub fn describe(&self) -> String {
        let name = self.el.local_name();
        match self.el.parent() {
            Some(p) if name == "Password" => format!("{}/{name}", p.local_name()),
            _ => name.to_string(),
        }
    }
}

/// The hideable password at `s`, if it is one.
pub(super) fn hideable<'d>(s: &SettingView<'d, '_>) -> Option<Hideable<'d>> {
    if !s.local_name().ends_with("Password") || !s.in_unattend_ns() {
        return None;
    }
    let documented = s
        .info
        .is_some_and(|i| i.kind == SettingKind::Container && i.child("PlainText").is_some());
    let value = s.el.child_elements().find(|c| c.local_name() == "Value")?;
    let plain_text =
        s.el.child_elements()
            .find(|c| c.local_name() == "PlainText");
    if !documented && (s.info.is_some() || plain_text.is_none()) {
        return None;
    }
    let storage = match plain_text.map(|p| p.text()) {
        None => Storage::Plain,
        Some(None) => Storage::Unknown,
        Some(Some(t)) => match t.trim() {
            t if t.eq_ignore_ascii_case("true") => Storage::Plain,
            t if t.eq_ignore_ascii_case("false") => Storage::Hidden,
            _ => Storage::Unknown,
        },
    };
    Some(Hideable {
        el: s.el,
        value,
        plain_text,
        storage,
    })
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, _cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(h) = hideable(s) else { return };
        if h.storage != Storage::Plain {
            return;
        }
        let value = h.value.text();
        if value.as_deref().is_none_or(|v| {
            v.trim().is_empty() || super::ua406_product_key_format::is_deleted_marker(v)
        }) {
            return;
        }
        let what = h.describe();
        let element = h.el.local_name();
        let help = format!(
            "set PlainText to false and store base64(UTF-16LE(password + \"{element}\")) in Value, as Windows SIM's Hide Sensitive Data does; this only obfuscates, so protect or delete the file after setup"
        );
        match h
            .plain_text
            .and_then(|p| super::ua401_computer_name::trimmed_text_span(p).map(|span| (p, span)))
        {
            Some((p, span)) => {
                out.report(Some(p), span, format!("{what} is stored in plain text"))
                    .help(help);
            }
            None => {
                out.at(
                    h.el,
                    format!(
                        "{what} is stored in plain text (no PlainText element, which means true)"
                    ),
                )
                .help(help);
            }
        }
    }
}
