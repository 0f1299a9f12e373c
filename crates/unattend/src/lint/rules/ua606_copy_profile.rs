//! ## What it checks
//!
//! `Microsoft-Windows-Shell-Setup/CopyProfile` set to `true`. It is advice
//! (info): the file cannot show whether the conditions under which
//! CopyProfile fails hold on the reference machine, so the finding lists
//! them.
//!
//! ## Why it matters
//!
//! CopyProfile copies the profile of the account you customised in audit
//! mode (the built-in Administrator) to the default user profile during
//! specialize. `sysprep /generalize` is known to fail, or the copy to be
//! incomplete, when:
//!
//! - more than one local user profile exists on the reference machine;
//! - Microsoft Store apps were updated or installed for that user (sysprep
//!   stops with "package … was installed for a user, but not provisioned
//!   for all users");
//! - the machine was joined to a domain or signed in with a Microsoft
//!   account.
//!
//! Some settings, such as the Start menu layout, are not carried over by
//! CopyProfile on current releases and have their own deployment mechanisms.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="specialize">
//!   <component name="Microsoft-Windows-Shell-Setup" …>
//!     <CopyProfile>true</CopyProfile>
//!   </component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! Before running sysprep, make sure only the built-in Administrator
//! profile exists and Store apps were not updated (disconnect the network
//! in audit mode), or customise the default profile with Group Policy,
//! provisioning packages or layout files instead.
//!
//! ## Evidence
//!
//! Info: Microsoft documents conditions under which CopyProfile fails to
//! generalize; whether they hold cannot be seen from the file.
//!
//! ## References
//!
//! - Customize the default user profile by using CopyProfile, Microsoft
//!   Learn
//! - Microsoft-Windows-Shell-Setup | CopyProfile, Unattended Windows Setup
//!   Reference (Microsoft Learn)
//! - Sysprep fails after you remove or update Microsoft Store apps that
//!   include built-in Windows images (Microsoft support)

use crate::lint::prelude::*;

/// UA606 `copy-profile`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA606",
    name: "copy-profile",
    severity: Severity::Info,
    summary: "CopyProfile=true with known-failing conditions (more than one local profile; Store apps updated) — advisory",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, _cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        if !s.local_name().eq_ignore_ascii_case("CopyProfile") {
            return;
        }
        let is_copy_profile = s.info.is_some_and(|i| {
            i.xml_path == "CopyProfile" && i.component().name == "Microsoft-Windows-Shell-Setup"
        });
        if !is_copy_profile {
            return;
        }
        let Some(value) = s.value() else { return };
        if !value.trim().eq_ignore_ascii_case("true") {
            return;
        }
        let Some(span) = super::ua401_computer_name::trimmed_text_span(s.el) else {
            return;
        };
        out.report(
            Some(s.el),
            span,
            "CopyProfile copies the audit-mode profile to the default profile; sysprep fails when more than one local profile exists or Store apps were updated",
        )
        .help("before sysprep, keep only the built-in Administrator profile and do not let Store apps update (stay offline in audit mode)");
    }
}
