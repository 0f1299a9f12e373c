//! ## What it checks
//!
//! Hidden passwords (`PlainText` `false`): the `Value` must decode to the
//! password followed by the name of the element that holds `Value`:
//! `Password` for local accounts and AutoLogon, `AdministratorPassword`,
//! `OfflineAdministratorPassword`. The check decodes the value in memory
//! only; neither the value nor the decoded text ever appears in a message.
//!
//! Values that are not base64 of UTF-16LE text are UA503's; empty values,
//! template placeholders and values that look like a placeholder of some
//! script (`#ADMINPASSWORD#`) are skipped.
//!
//! ## Why it matters
//!
//! Windows decodes the value and strips the suffix it expects. When the
//! suffix is missing or belongs to another element (a `Password` value
//! copied into `AdministratorPassword`), the account gets a different
//! password than intended, or Setup fails to apply it and the installation
//! does not complete. The most common cause is a plain-text password with
//! `PlainText` set to `false`, or a value encoded by a script that forgot
//! the suffix.
//!
//! ## Example
//!
//! ```xml
//! <AdministratorPassword>
//!   <!-- base64 of UTF-16LE "P@ssw0rdPassword": the suffix of another element -->
//!   <Value>UABAAHMAcwB3ADAAcgBkAFAAYQBzAHMAdwBvAHIAZAA=</Value>
//!   <PlainText>false</PlainText>
//! </AdministratorPassword>
//! ```
//!
//! ## Fix
//!
//! Encode the password again with the right suffix, here
//! base64(UTF-16LE("P@ssw0rd" + "AdministratorPassword")):
//!
//! ```xml
//! <AdministratorPassword>
//!   <Value>UABAAHMAcwB3ADAAcgBkAEEAZABtAGkAbgBpAHMAdAByAGEAdABvAHIAUABhAHMAcwB3AG8AcgBkAA==</Value>
//!   <PlainText>false</PlainText>
//! </AdministratorPassword>
//! ```
//!
//! or write the password itself with `PlainText` `true`.
//!
//! ## Evidence
//!
//! Error: Windows SIM's Hide Sensitive Data encoding (password plus element
//! name) is what Setup decodes; a wrong suffix stopped real installs from
//! completing.
//!
//! ## References
//!
//! - Hide sensitive data in an answer file (Windows System Image Manager,
//!   Microsoft Learn)
//! - Microsoft-Windows-Shell-Setup | UserAccounts | LocalAccounts |
//!   LocalAccount | Password: its XML example stores
//!   `cAB3AFAAYQBzAHMAdwBvAHIAZAA` (the text `pwPassword`)

use super::hidden_password::{HiddenValue, hidden_value};
use crate::lint::prelude::*;
use crate::password;

/// UA502 `hidden-password-suffix`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA502",
    name: "hidden-password-suffix",
    severity: Severity::Error,
    summary: "PlainText=false value whose decoded text does not end with the element name (Password, AdministratorPassword)",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(HiddenValue { h, value, anchor }) = hidden_value(cx, s) else {
            return;
        };
        let expected = h.el.local_name();
        // Only facts about the suffix leave this block; the decoded text is
        // dropped at its end.
        let (ends_ok, other, case_only) = {
            let Ok(decoded) = password::decode(&value) else {
                return;
            };
            let ends_ok = decoded.ends_with(expected);
            let other = password::HIDEABLE_ELEMENTS
                .iter()
                .copied()
                .find(|suffix| *suffix != expected && decoded.ends_with(suffix));
            let case_only = decoded.len() >= expected.len()
                && decoded.is_char_boundary(decoded.len() - expected.len())
                && decoded[decoded.len() - expected.len()..].eq_ignore_ascii_case(expected);
            (ends_ok, other, case_only)
        };
        if ends_ok {
            return;
        }
        let what = h.describe();
        let detail = match (other, case_only) {
            (Some(o), _) => format!("it ends with \"{o}\", the suffix of another element"),
            (None, true) => format!("its suffix differs from \"{expected}\" in case"),
            (None, false) => "it has no suffix; the value may be a plain-text password or encoded without the element name".to_string(),
        };
        out.report(Some(h.el), anchor, format!("the hidden {what} does not decode to a password followed by \"{expected}\": {detail}"))
            .help(format!(
                "encode the password again as base64(UTF-16LE(password + \"{expected}\")), or write it in plain text with PlainText true"
            ));
    }
}
