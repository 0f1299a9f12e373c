//! ## What it checks
//!
//! Each enabled `Microsoft-Windows-Shell-Setup/AutoLogon`:
//!
//! - has a `LogonCount` (the reference says it must be set when AutoLogon
//!   is used) — info: build boxes (Packer, Vagrant) sign in automatically on
//!   purpose and install fine without it;
//! - signs in as an account that exists: one the file creates
//!   (`LocalAccounts`, `OfflineLocalAccounts`), the built-in
//!   `Administrator`, or a name a command of the file mentions (e.g.
//!   `net user NAME /add`). Accounts of another domain (a `Domain` other
//!   than `.` or the computer name) are not checked.
//!
//! AutoLogon with `Enabled` set to `false`, and template placeholders, are
//! skipped.
//!
//! ## Why it matters
//!
//! Without `LogonCount`, automatic sign-in is not limited to the setup
//! phase: the machine keeps signing in on every restart with a password
//! stored on it. An account that does not exist leaves the machine at the
//! sign-in screen, and whatever was meant to run at first logon
//! (`FirstLogonCommands`) never starts. When the file is used with sysprep
//! on an image that already has the account, the second warning does not
//! apply.
//!
//! ## Example
//!
//! ```xml
//! <AutoLogon>
//!   <Enabled>true</Enabled>
//!   <Username>builder</Username>
//!   <Password>…</Password>
//! </AutoLogon>
//! ```
//!
//! ## Fix
//!
//! Set how many automatic sign-ins you want, and create the account in the
//! same file:
//!
//! ```xml
//! <AutoLogon>
//!   <Enabled>true</Enabled>
//!   <LogonCount>1</LogonCount>
//!   <Username>builder</Username>
//!   <Password>…</Password>
//! </AutoLogon>
//! <UserAccounts>
//!   <LocalAccounts>
//!     <LocalAccount wcm:action="add">
//!       <Name>builder</Name>
//!       …
//! ```
//!
//! Windows adds one to a `LogonCount` above zero (a known issue the
//! reference describes), so `1` gives two automatic sign-ins.
//!
//! ## Evidence
//!
//! The reference's AutoLogon and LogonCount pages say LogonCount must be
//! set with AutoLogon (info: files without it install and keep signing in,
//! which build boxes want). Warning for an account the file neither creates
//! nor names: an inference from the file, since the image may already have
//! the account.
//!
//! ## References
//!
//! - Microsoft-Windows-Shell-Setup | AutoLogon, | LogonCount (including
//!   "LogonCount known issue") and | Username, Unattended Windows Setup
//!   Reference (Microsoft Learn)

use super::ua403_user_equals_computer_name::{child_ci, descend_all, is_component};
use crate::lint::prelude::*;

/// UA407 `autologon`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA407",
    name: "autologon",
    severity: Severity::Warning,
    summary: "AutoLogon without LogonCount, or its user is neither created nor built-in",
};

/// The trimmed text of an element, `None` when it has children.
fn text_of(el: ElementRef<'_>) -> Option<String> {
    el.text().map(|t| t.trim().to_string())
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        let shell: Vec<&ComponentView<'_>> = cx
            .components()
            .filter(|c| is_component(c, "Microsoft-Windows-Shell-Setup"))
            .collect();
        let autologons: Vec<ElementRef<'_>> = shell
            .iter()
            .filter_map(|c| child_ci(c.el, "AutoLogon"))
            .collect();
        if autologons.is_empty() {
            return;
        }
        let created: Vec<String> = shell
            .iter()
            .flat_map(|c| {
                descend_all(c.el, "UserAccounts/LocalAccounts/LocalAccount/Name")
                    .into_iter()
                    .chain(descend_all(
                        c.el,
                        "OfflineUserAccounts/OfflineLocalAccounts/LocalAccount/Name",
                    ))
            })
            .filter_map(text_of)
            .collect();
        let computer_names: Vec<String> = shell
            .iter()
            .filter_map(|c| child_ci(c.el, "ComputerName"))
            .filter_map(text_of)
            .collect();

        for autologon in autologons {
            let enabled = child_ci(autologon, "Enabled").and_then(text_of);
            if enabled
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case("false") || cx.is_template(e))
            {
                continue;
            }
            if child_ci(autologon, "LogonCount").is_none() {
                // Build boxes sign in automatically on purpose; the reference's
                // requirement is advice for images people keep (info).
                let at = autologon.name_span();
                out.report_as(Severity::Info, Some(autologon), at, "AutoLogon has no LogonCount, so automatic sign-in is not limited to setup")
                    .help("add <LogonCount>1</LogonCount> (Windows adds one to values above zero); the reference requires LogonCount with AutoLogon");
            }

            let Some(user_el) = child_ci(autologon, "Username") else {
                continue;
            };
            let Some(user) = text_of(user_el) else {
                continue;
            };
            if user.is_empty() || cx.is_template(&user) {
                continue;
            }
            let domain = child_ci(autologon, "Domain")
                .and_then(text_of)
                .unwrap_or_default();
            let local_domain = domain.is_empty()
                || domain == "."
                || computer_names
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(&domain))
                || cx.is_template(&domain);
            if !local_domain {
                continue;
            }
            // `DOMAIN\user` and `user@domain` name accounts elsewhere.
            if user.contains('\\') || user.contains('@') {
                continue;
            }
            if user.eq_ignore_ascii_case("Administrator")
                || created.iter().any(|n| n.eq_ignore_ascii_case(&user))
            {
                continue;
            }
            if mentioned_in_commands(cx, &user) {
                continue;
            }
            let span = super::ua401_computer_name::trimmed_text_span(user_el)
                .unwrap_or(user_el.name_span());
            out.report(
                Some(user_el),
                span,
                format!(
                    "AutoLogon signs in as {}, but this file does not create that account and it is not built in",
                    shown(user_el, &user)
                ),
            )
            .help("create the account under UserAccounts/LocalAccounts, or ignore this if the image already has it (sysprep)");
        }
    }
}

/// True when a command of the file (`Path`, `CommandLine`) mentions `user`
/// as a word, e.g. `net user NAME /add`.
fn mentioned_in_commands(cx: &FileCx<'_>, user: &str) -> bool {
    let Some(root) = cx.root else { return false };
    let user = user.to_lowercase();
    root.descendants()
        .filter(|e| matches!(e.local_name(), "Path" | "CommandLine"))
        .filter_map(|e| e.text())
        .any(|text| {
            let text = text.to_lowercase();
            text.match_indices(&user).any(|(i, m)| {
                let before = text[..i].chars().next_back();
                let after = text[i + m.len()..].chars().next();
                let boundary = |c: Option<char>| {
                    c.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-'))
                };
                boundary(before) && boundary(after)
            })
        })
}
