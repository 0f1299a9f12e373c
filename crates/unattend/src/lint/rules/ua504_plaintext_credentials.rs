//! ## What it checks
//!
//! Secrets that answer files can only hold in clear text, because Windows
//! offers no hidden form for them:
//!
//! - `Credentials/Password` of domain join (`Microsoft-Windows-UnattendedJoin`),
//!   of commands (`RunSynchronous`/`RunAsynchronous` of
//!   `Microsoft-Windows-Deployment` and `Microsoft-Windows-Setup`), of driver
//!   paths (`PathAndCredentials`), of image sources and of Windows
//!   Deployment Services;
//! - other password values such as `MachinePassword` and
//!   `FaxUserPassword`, and the offline domain-join blob `AccountData`;
//! - product keys (`UserData/ProductKey/Key`, `ProductKey`).
//!
//! It is advice (info): the file works, but it is sensitive. Empty values,
//! template placeholders (also `[KEY]`-style ones), values Setup already
//! removed and the all-zero product key (not a secret) are skipped. The
//! secret is never shown in the message, and the finding points at the
//! enclosing element where it can, so that the source line shown does not
//! hold the secret either.
//!
//! ## Why it matters
//!
//! Unlike account passwords (see UA501), these values cannot be hidden with
//! `PlainText`. A domain-join account in an answer file can usually join
//! any machine to the domain; the file is often left in a repository, on
//! installation media, on a deployment share or on the installed machine.
//!
//! ## Example
//!
//! ```xml
//! <Identification>
//!   <Credentials>
//!     <Domain>corp.example</Domain>
//!     <Username>joiner</Username>
//!     <Password>Summer2024!</Password>
//!   </Credentials>
//!   <JoinDomain>corp.example</JoinDomain>
//! </Identification>
//! ```
//!
//! ## Fix
//!
//! Give such accounts the least rights they need (a domain account that may
//! only join computers to one OU), inject secrets when the file is rendered
//! instead of committing them, and delete the answer file from media and
//! machines after setup. Offline domain join (`AccountData`) and one-time
//! machine passwords (`MachinePassword` with `UnsecureJoin`) expose a single
//! computer account rather than a user who can join any machine; they are
//! still reported, because they are still secrets.
//!
//! ## Evidence
//!
//! Info: Microsoft documents that these values cannot be hidden; advice to
//! remove the file after setup.
//!
//! ## References
//!
//! - Microsoft-Windows-UnattendedJoin | Identification | Credentials,
//!   Unattended Windows Setup Reference (Microsoft Learn)
//! - Hide sensitive data in an answer file (Windows System Image Manager,
//!   Microsoft Learn): which settings can be hidden

use crate::lint::prelude::*;

/// UA504 `plaintext-credentials`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA504",
    name: "plaintext-credentials",
    severity: Severity::Info,
    summary: "domain join / RunSynchronous credentials / product keys in clear — cannot be hidden",
};

/// The element to anchor a finding about the secret in `el` on: `el`
/// itself when its value starts on a later line, else the closest ancestor
/// below the component (whose start tag is on its own line), so the source
/// line a renderer shows does not contain the secret.
pub(super) fn secret_anchor(el: ElementRef<'_>) -> ElementRef<'_> {
    let text = el.document().text();
    let mut current = el;
    loop {
        let value_start = el.text_span().map_or(el.span().end, |s| s.start) as usize;
        let tag_start = current.name_span().start as usize;
        let own_line = text
            .get(tag_start..value_start)
            .is_some_and(|between| between.contains('\n'));
        if own_line {
            return current;
        }
        match current.parent() {
            Some(p) if p.local_name() != "component" => current = p,
            _ => return el,
        }
    }
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let local = s.local_name();
        let product_key = super::ua406_product_key_format::is_product_key(s);
        if !(product_key || local.contains("Password") || local.eq_ignore_ascii_case("AccountData"))
        {
            return;
        }
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::Value {
            return;
        }
        let Some(value) = s.value() else { return };
        if value.trim().is_empty()
            || cx.is_template(value)
            || super::ua406_product_key_format::is_deleted_marker(value)
            || crate::lint::template::looks_like_placeholder(value)
            || (product_key && value.trim().chars().all(|c| c == '0' || c == '-'))
        {
            return;
        }
        let component = info.component().name;
        let parent = s.el.parent().map(|p| p.local_name()).unwrap_or_default();
        let (message, help) = if product_key {
            (
                "the product key is stored in clear text".to_string(),
                "Windows cannot hide product keys; use the edition's public generic key in shared files, or activate after setup, and keep this file private",
            )
        } else if parent.eq_ignore_ascii_case("Credentials") {
            let purpose = if component == "Microsoft-Windows-UnattendedJoin" {
                "domain-join"
            } else if info.xml_path.contains("PathAndCredentials") {
                "driver-share"
            } else if info.xml_path.contains("Command") {
                "command"
            } else if info.xml_path.contains("WindowsDeploymentServices") {
                "Windows Deployment Services"
            } else {
                "network"
            };
            (
                format!(
                    "the {purpose} credentials hold a password in clear text, which Windows cannot hide"
                ),
                "use an account with the least rights it needs, inject the password when the file is generated, and delete the file after setup",
            )
        } else if local.eq_ignore_ascii_case("AccountData") {
            (
                "the offline domain-join blob (AccountData) holds the machine account's password"
                    .to_string(),
                "treat this file like a credential and delete it after setup",
            )
        } else {
            (
                format!(
                    "{} is a password stored in clear text, which Windows cannot hide",
                    info.xml_path
                ),
                "keep the file private and delete it after setup",
            )
        };
        let anchor = secret_anchor(s.el);
        out.at(anchor, message).help(help);
    }
}
