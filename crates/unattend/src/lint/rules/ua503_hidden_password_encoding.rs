//! ## What it checks
//!
//! Hidden passwords (`PlainText` `false`) whose `Value` is not base64 of
//! UTF-16LE text: characters outside the base64 alphabet, a length base64
//! cannot have, an odd number of decoded bytes, or bytes that are not valid
//! UTF-16. Missing `=` padding is accepted (Microsoft's own examples omit
//! it). The value is never shown in messages.
//!
//! Empty values, template placeholders and values that look like a
//! placeholder of some script (`#ADMINPASSWORD#`) are skipped. A value that decodes
//! but lacks the element-name suffix is UA502's.
//!
//! ## Why it matters
//!
//! Windows decodes the value before it sets the password. A value it cannot
//! decode makes Setup fail to create the account or set the password, and
//! the installation stops or ends at a sign-in screen nobody can pass. The
//! usual cause is a plain-text password left with `PlainText` `false`.
//!
//! ## Example
//!
//! ```xml
//! <Password>
//!   <Value>Welcome to the lab!</Value>
//!   <PlainText>false</PlainText>
//! </Password>
//! ```
//!
//! ## Fix
//!
//! Either mark the password as plain text:
//!
//! ```xml
//! <Password>
//!   <Value>Welcome to the lab!</Value>
//!   <PlainText>true</PlainText>
//! </Password>
//! ```
//!
//! or store base64(UTF-16LE(password + "Password")) with `PlainText`
//! `false` (Windows SIM's "Hide Sensitive Data", the library's
//! `password::encode`).
//!
//! ## Evidence
//!
//! Error: with PlainText false, Setup decodes the value as base64 of
//! UTF-16LE; a value that is not is not the password.
//!
//! ## References
//!
//! - Hide sensitive data in an answer file (Windows System Image Manager,
//!   Microsoft Learn)
//! - Microsoft-Windows-Shell-Setup | UserAccounts | AdministratorPassword |
//!   PlainText, Unattended Windows Setup Reference (Microsoft Learn)

use super::hidden_password::{HiddenValue, hidden_value};
use crate::lint::prelude::*;
use crate::password;

/// UA503 `hidden-password-encoding`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA503",
    name: "hidden-password-encoding",
    severity: Severity::Error,
    summary: "PlainText=false but not base64 of UTF-16LE",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(HiddenValue { h, value, anchor }) = hidden_value(cx, s) else {
            return;
        };
        // The error describes the encoding only, never the text.
        let Err(error) = password::decode(&value) else {
            return;
        };
        let what = h.describe();
        out.report(Some(h.el), anchor, format!("the hidden {what} is not base64 of UTF-16LE text: {error}"))
            .help(format!(
                "if Value holds the password itself, set PlainText to true; otherwise encode it as base64(UTF-16LE(password + \"{}\"))",
                h.el.local_name()
            ));
    }
}
