//! ## What it checks
//!
//! The `publicKeyToken` of each `<component>`: it must be 16 hexadecimal
//! digits, and every Microsoft component (every component the catalog
//! knows) is signed with the key whose token is `31bf3856ad364e35`. A
//! different token on a known component is an error; the right token in
//! capitals is a warning (write it as Windows System Image Manager does).
//! Components the catalog does not know may use tokens of their own, as
//! long as the token is well formed.
//!
//! A missing `publicKeyToken` is reported by UA103.
//!
//! ## Why it matters
//!
//! The token is part of the identity Windows Setup matches against the
//! component manifests of the image. With a typo in it, no manifest
//! matches: Setup reports that a component in the answer file does not
//! exist, or skips the component's settings.
//!
//! ## Example
//!
//! ```xml
//! <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64"
//!            publicKeyToken="31bf3856ad364e53" language="neutral" versionScope="nonSxS">
//! ```
//!
//! ## Fix
//!
//! Use Microsoft's token (the linter offers it as a fix for known
//! components):
//!
//! ```xml
//! publicKeyToken="31bf3856ad364e35"
//! ```
//!
//! ## Evidence
//!
//! Error: the token is part of the component identity Setup matches
//! (reference: component attributes); every Microsoft component uses
//! `31bf3856ad364e35`, so another token matches no component.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, "Components": the attributes of
//!   the component element
//! - Manifest files reference (side-by-side assemblies): `assemblyIdentity`
//!   and its `publicKeyToken`

use crate::document::TextEdit;
use crate::lint::prelude::*;

/// UA104 `public-key-token`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA104",
    name: "public-key-token",
    severity: Severity::Error,
    summary: "not 16 hex digits; Microsoft components use 31bf3856ad364e35",
};

/// Microsoft's public key token for Windows components.
const MICROSOFT_TOKEN: &str = "31bf3856ad364e35";

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        let Some(attr) = c.el.attribute_ns(None, "publicKeyToken") else {
            return;
        };
        let value = attr.value();
        if value == MICROSOFT_TOKEN || cx.is_template(&value) {
            return;
        }
        let span = attr.value_span();
        let fix = || {
            vec![TextEdit {
                span,
                replacement: MICROSOFT_TOKEN.to_string(),
            }]
        };
        let well_formed = value.len() == 16 && value.bytes().all(|b| b.is_ascii_hexdigit());
        let known = c.info.map(|i| i.name);
        if value.eq_ignore_ascii_case(MICROSOFT_TOKEN) {
            out.report_as(
                Severity::Warning,
                Some(c.el),
                span,
                format!("publicKeyToken {value:?} is in capitals"),
            )
            .help("write it in lower case, as Windows System Image Manager does")
            .fix(format!("write {MICROSOFT_TOKEN}"), fix());
            return;
        }
        match (well_formed, known) {
            (true, None) => {}
            (_, Some(name)) => {
                let what = if value.is_empty() {
                    "an empty publicKeyToken".to_string()
                } else {
                    format!("publicKeyToken {value:?}")
                };
                out.report(Some(c.el), span, format!("{name} has {what}; Microsoft components use {MICROSOFT_TOKEN}"))
                    .help("with another token no component manifest matches, and Setup treats the component as missing")
                    .fix(format!("write {MICROSOFT_TOKEN}"), fix());
            }
            (false, None) => {
                out.report(
                    Some(c.el),
                    span,
                    format!("publicKeyToken {value:?} is not 16 hexadecimal digits"),
                )
                .help(format!("Microsoft components use {MICROSOFT_TOKEN}; other vendors' tokens are 16 hex digits too"));
            }
        }
    }
}
