//! ## What it checks
//!
//! The `Name` of each local account the file creates
//! (`UserAccounts/LocalAccounts/LocalAccount` and
//! `OfflineUserAccounts/OfflineLocalAccounts/LocalAccount` of
//! `Microsoft-Windows-Shell-Setup`):
//!
//! - none of the characters `" / \ [ ] : | < > + = ; , ? * % @` (error);
//! - at most 20 characters, the limit of a local (SAM) account name (error);
//! - not the restricted name `NONE`, and not only dots or spaces (error);
//! - a built-in account name (`Administrator`, `Guest`, `DefaultAccount`,
//!   `WDAGUtilityAccount`) is reported as info: that account already exists.
//!
//! Empty names (see UA208) and template placeholders are skipped; the same
//! name twice in one list is UA303's.
//!
//! ## Why it matters
//!
//! Windows creates these accounts during oobeSystem (or offlineServicing).
//! A name it cannot use makes account creation fail, and Setup stops with
//! "Windows could not complete the installation" or leaves the machine
//! without the account you planned to sign in with.
//!
//! ## Example
//!
//! ```xml
//! <LocalAccount wcm:action="add">
//!   <Name>build\agent</Name>
//!   <Group>Administrators</Group>
//! </LocalAccount>
//! ```
//!
//! ## Fix
//!
//! Pick a name of at most 20 letters, digits, spaces, dots, hyphens or
//! underscores:
//!
//! ```xml
//! <Name>build-agent</Name>
//! ```
//!
//! To set the built-in Administrator's password, use
//! `UserAccounts/AdministratorPassword` instead of a `LocalAccount`.
//!
//! ## Evidence
//!
//! Error: Microsoft documents the forbidden characters and the 20-character
//! limit of local account names; account creation fails. Info for built-in
//! names, which exist already.
//!
//! ## References
//!
//! - Microsoft-Windows-Shell-Setup | UserAccounts | LocalAccounts |
//!   LocalAccount | Name, Unattended Windows Setup Reference (Microsoft
//!   Learn): forbidden characters and the restricted name `NONE`
//! - Local user account names are limited to 20 characters (Windows
//!   security documentation on the SAM account name)

use crate::lint::prelude::*;

/// UA402 `user-name`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA402",
    name: "user-name",
    severity: Severity::Error,
    summary: "user name with forbidden characters, longer than 20 characters, or reserved (duplicates: UA303)",
};

/// Characters the reference forbids in an account name.
const FORBIDDEN: &str = "\"/\\[]:|<>+=;,?*%@";

/// The longest local account name, in characters.
const MAX_CHARS: usize = 20;

/// Accounts every Windows installation already has.
pub(super) const BUILT_IN: &[&str] = &[
    "Administrator",
    "Guest",
    "DefaultAccount",
    "WDAGUtilityAccount",
];

/// True for the `Name` of a local account the file creates.
pub(super) fn is_local_account_name(s: &SettingView<'_, '_>) -> bool {
    s.local_name().eq_ignore_ascii_case("Name")
        && s.info.is_some_and(|i| {
            (i.xml_path == "UserAccounts/LocalAccounts/LocalAccount/Name"
                || i.xml_path == "OfflineUserAccounts/OfflineLocalAccounts/LocalAccount/Name")
                && i.component().name == "Microsoft-Windows-Shell-Setup"
        })
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        if !is_local_account_name(s) {
            return;
        }
        let Some(value) = s.value() else { return };
        let name = value.trim();
        if name.is_empty() || cx.is_template(value) {
            return;
        }
        let Some(span) = super::ua401_computer_name::trimmed_text_span(s.el) else {
            return;
        };
        let shown_name = shown(s.el, name);

        let mut bad: Vec<char> = Vec::new();
        for c in name
            .chars()
            .filter(|c| FORBIDDEN.contains(*c) || c.is_control())
        {
            if !bad.contains(&c) {
                bad.push(c);
            }
        }
        if !bad.is_empty() {
            let listed: Vec<String> = bad
                .iter()
                .map(|c| {
                    if c.is_control() {
                        format!("{c:?}")
                    } else {
                        format!("`{c}`")
                    }
                })
                .collect();
            out.report(
                Some(s.el),
                span,
                format!("account name {shown_name} contains characters Windows does not allow in user names: {}", listed.join(", ")),
            )
            .help("user names cannot contain \" / \\ [ ] : | < > + = ; , ? * % @");
        }

        let chars = name.chars().count();
        if chars > MAX_CHARS {
            out.report(
                Some(s.el),
                span,
                format!("account name {shown_name} is {chars} characters long; local account names have at most {MAX_CHARS}"),
            )
            .help("shorten the name; put the full name in DisplayName");
        }

        if name.eq_ignore_ascii_case("NONE") {
            out.report(
                Some(s.el),
                span,
                format!("account name {shown_name} is restricted by Windows"),
            )
            .help("choose another name");
        } else if name.chars().all(|c| c == '.' || c == ' ') {
            out.report(
                Some(s.el),
                span,
                format!("account name {shown_name} is only dots or spaces"),
            )
            .help("a user name needs at least one other character");
        }

        if let Some(builtin) = BUILT_IN.iter().find(|b| b.eq_ignore_ascii_case(name)) {
            out.report_as(
                Severity::Info,
                Some(s.el),
                span,
                format!("{builtin} is a built-in account; this LocalAccount does not create a new one"),
            )
            .help(if *builtin == "Administrator" {
                "set the built-in Administrator's password with UserAccounts/AdministratorPassword, or create an account with another name"
            } else {
                "create an account with another name"
            });
        }
    }
}
