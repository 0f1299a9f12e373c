//! ## What it checks
//!
//! That the `wcm:` prefix — the one `wcm:action`, `wcm:keyValue` and the
//! other list attributes use — is bound to exactly
//! `http://schemas.microsoft.com/WMIConfig/2002/State`. It catches `https`,
//! a different case (`…/2002/state`), a trailing slash and other typos, on
//! `xmlns:wcm` and on any other prefix bound to a near-miss of that URI.
//!
//! A wrong binding that attributes use is a warning: its effect is that of a
//! list item without `wcm:action` (UA301), and it gets the same severity.
//! One that nothing uses is info. A `wcm:` prefix that is not declared at
//! all makes the file unreadable XML: that is an error.
//!
//! ## Why it matters
//!
//! Namespace URIs compare character by character. With a mangled URI,
//! `wcm:action="add"` is an attribute of some unknown namespace: Windows
//! Setup does not see the action, so list items (commands, partitions,
//! accounts) are not added, or Setup rejects the file. The file still looks
//! right to the eye, which makes this hard to spot.
//!
//! ## Example
//!
//! ```xml
//! <component name="Microsoft-Windows-Deployment" …
//!            xmlns:wcm="https://schemas.microsoft.com/WMIConfig/2002/State">
//!   <RunSynchronous>
//!     <RunSynchronousCommand wcm:action="add">…</RunSynchronousCommand>
//! ```
//!
//! ## Fix
//!
//! Bind the prefix to the exact URI (the linter offers this as a fix):
//!
//! ```xml
//! xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State"
//! ```
//!
//! ## Evidence
//!
//! Error for an undeclared prefix: the file is not namespace-well-formed and
//! no XML parser, Setup's included, reads it. Warning for a wrong URI: by
//! Namespaces in XML the attributes are then not `wcm:action`, so the items
//! behave as items without an action (UA301, a warning: Setup installs such
//! files). Info when nothing uses the binding.
//!
//! ## References
//!
//! - Namespaces in XML 1.0, section 2.3 "Comparing URI References"
//! - Unattended Windows Setup Reference: the `wcm:action` attribute of list
//!   items ("add", "modify", "remove")

use crate::document::TextEdit;
use crate::lint::prelude::*;

/// UA007 `wcm-namespace`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA007",
    name: "wcm-namespace",
    severity: Severity::Error,
    summary: "wcm: prefix undeclared, or bound to a URI other than http://schemas.microsoft.com/WMIConfig/2002/State (typos, https)",
};

/// True when `uri` looks like a mangled form of the wcm namespace: the same
/// text ignoring case, scheme and trailing slash, or mentioning WMIConfig.
fn near_miss(uri: &str) -> bool {
    if uri == WCM_NS {
        return false;
    }
    let strip = |u: &str| -> String {
        let u = u.trim();
        let u = u.split_once("://").map_or(u, |(_, rest)| rest);
        u.trim_end_matches('/').to_ascii_lowercase()
    };
    strip(uri) == strip(WCM_NS) || uri.to_ascii_lowercase().contains("wmiconfig")
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        // Files declare the prefix on every component; one finding per wrong
        // URI, with a fix for every declaration of it.
        let mut reported: Vec<String> = Vec::new();
        for el in cx.doc.elements() {
            for decl in el.attributes().filter(|a| a.prefix() == Some("xmlns")) {
                let uri = decl.value();
                let prefix = decl.local_name();
                if uri == WCM_NS
                    || !(prefix == "wcm" || near_miss(&uri))
                    || reported.iter().any(|r| *r == uri)
                {
                    continue;
                }
                let same = |a: &crate::document::AttributeRef<'_>| {
                    a.prefix() == Some("xmlns") && a.value() == uri
                };
                // Used: some attribute or element in the wrong namespace.
                let used = cx.doc.elements().any(|e| {
                    e.namespace() == Some(&*uri)
                        || e.attributes().any(|a| a.namespace() == Some(&*uri))
                });
                let mut edits = Vec::new();
                for e in cx.doc.elements() {
                    for a in e.attributes().filter(|a| same(a)) {
                        edits.push(TextEdit {
                            span: a.value_span(),
                            replacement: WCM_NS.to_string(),
                        });
                    }
                }
                // Same effect as items without wcm:action (UA301): same severity.
                let severity = if used {
                    super::ua301_missing_wcm_action::META.severity
                } else {
                    Severity::Info
                };
                let times = match edits.len() {
                    1 => String::new(),
                    n => format!(" ({n} declarations)"),
                };
                let what = if used { "" } else { "; nothing uses it yet" };
                let d = out.report_as(
                    severity,
                    Some(el),
                    decl.value_span(),
                    format!(
                        "xmlns:{prefix} is bound to {}, not the wcm namespace{times}{what}",
                        shown(el, &uri)
                    ),
                );
                d.help(format!(
                    "namespace URIs must match exactly ({WCM_NS}); with another one Setup does not see {prefix}:action and the other list attributes"
                ));
                let plural = if edits.len() > 1 {
                    "every declaration"
                } else {
                    "the declaration"
                };
                d.fix(
                    format!("bind {prefix} to the wcm namespace in {plural}"),
                    edits,
                );
                reported.push(uri.into_owned());
            }
        }
    }
}
