//! ## What it checks
//!
//! That every `<component>` carries the attributes that identify it:
//! `name`, `processorArchitecture`, `publicKeyToken` and `language` (an
//! error when one is missing or `name` is empty), and
//! `versionScope="nonSxS"`: a missing `versionScope` is a warning, any value
//! other than `nonSxS` in any casing an error (`NonSxS`, which Microsoft's own
//! examples write, is fine). An attribute written
//! with other casing (`ProcessorArchitecture`) counts as missing, since
//! attribute names are case-sensitive; the message says so.
//!
//! The values of `processorArchitecture` and `publicKeyToken` are checked by
//! UA105 and UA104.
//!
//! ## Why it matters
//!
//! Windows Setup finds the code that applies a component's settings by
//! these attributes: together they are the identity of a Windows component
//! manifest. A component it cannot match is treated as one that does not
//! exist ("A component or setting specified in the answer file does not
//! exist"), or its settings are skipped. Hand-written snippets often carry
//! only `name`.
//!
//! ## Example
//!
//! ```xml
//! <component name="Microsoft-Windows-Shell-Setup">
//! ```
//!
//! ## Fix
//!
//! Write the full set, as Windows System Image Manager does; for Microsoft
//! components the linter inserts the fixed ones (`publicKeyToken`,
//! `language`, `versionScope`), while the architecture is yours to choose:
//!
//! ```xml
//! <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64"
//!            publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
//! ```
//!
//! ## Evidence
//!
//! Error for a missing identity attribute: the reference's component element
//! lists name, processorArchitecture, publicKeyToken and language, and Setup
//! matches components by them. Warning for a missing versionScope; no finding
//! for `NonSxS`, which Microsoft's own reference examples write (e.g.
//! Microsoft-Windows-Embedded-ShellLauncher).
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, "Components": the component
//!   element and its attributes
//! - Answer file schema (`unattend.xsd` in the Windows ADK)

use crate::document::TextEdit;
use crate::lint::prelude::*;

/// UA103 `component-attributes`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA103",
    name: "component-attributes",
    severity: Severity::Error,
    summary: "name, processorArchitecture, publicKeyToken, language missing; versionScope not nonSxS",
};

/// The required attributes, with the value to insert when it is the same
/// for every Microsoft component.
const REQUIRED: [(&str, Option<&str>); 4] = [
    ("name", None),
    ("processorArchitecture", None),
    ("publicKeyToken", Some("31bf3856ad364e35")),
    ("language", Some("neutral")),
];

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        let el = c.el;
        let present = |name: &str| el.attribute_ns(None, name).is_some();
        let misspelt = |name: &str| {
            el.attributes().find(|a| {
                a.prefix().is_none()
                    && a.local_name() != name
                    && a.local_name().eq_ignore_ascii_case(name)
            })
        };
        // Insert after the last attribute (or the element name).
        let insert_at = el
            .attributes()
            .last()
            .map_or(el.name_span().end, |a| a.span().end);
        let microsoft = c.info.is_some();

        let all = || {
            REQUIRED
                .iter()
                .chain(std::iter::once(&("versionScope", Some("nonSxS"))))
        };
        if all().any(|(n, _)| !present(n)) {
            let missing: Vec<&str> = all().map(|(n, _)| *n).filter(|n| !present(n)).collect();
            let required_missing: Vec<&str> = missing
                .iter()
                .copied()
                .filter(|n| *n != "versionScope")
                .collect();
            let mut edits = Vec::new();
            let mut inserted = String::new();
            let mut notes = Vec::new();
            for name in &missing {
                if let Some(a) = misspelt(name) {
                    notes.push(format!("{} must be written {name}", a.local_name()));
                    edits.push(TextEdit {
                        span: a.name_span(),
                        replacement: name.to_string(),
                    });
                } else if let Some(value) = all()
                    .find(|(n, _)| n == name)
                    .and_then(|(_, v)| *v)
                    .filter(|_| microsoft)
                {
                    inserted.push_str(&format!(" {name}=\"{value}\""));
                }
            }
            if !inserted.is_empty() {
                edits.push(TextEdit {
                    span: Span {
                        start: insert_at,
                        end: insert_at,
                    },
                    replacement: inserted,
                });
            }
            let list = missing.join(", ");
            let (severity, message) = if required_missing.is_empty() {
                (
                    Severity::Warning,
                    "<component> has no versionScope attribute".to_string(),
                )
            } else {
                let plural = if missing.len() > 1 {
                    "attributes"
                } else {
                    "attribute"
                };
                (
                    Severity::Error,
                    format!("<component> lacks the {plural} {list}"),
                )
            };
            let d = out.report_as(severity, Some(el), el.name_span(), message);
            let mut help = if notes.is_empty() {
                "Setup identifies a component by name, processorArchitecture, publicKeyToken and language; write versionScope=\"nonSxS\" too".to_string()
            } else {
                format!("attribute names are case-sensitive: {}", notes.join("; "))
            };
            if required_missing.contains(&"processorArchitecture")
                && misspelt("processorArchitecture").is_none()
            {
                help.push_str(" (processorArchitecture: amd64, x86 or arm64, matching the Windows being installed)");
            }
            d.help(help);
            // A fix that leaves a required attribute missing is still worth
            // applying; one that covers nothing is not offered.
            if !edits.is_empty() {
                d.fix("add the missing attributes", edits);
            }
        }

        if let Some(a) = el.attribute_ns(None, "name")
            && a.value().trim().is_empty()
        {
            out.report(Some(el), a.value_span(), "<component> has an empty name")
                .help("name the component, e.g. Microsoft-Windows-Shell-Setup");
        }

        let Some(scope) = el.attribute_ns(None, "versionScope") else {
            return;
        };
        let value = scope.value();
        // Any casing is what Setup accepts and what Microsoft's own examples
        // write (`NonSxS`): nothing to report.
        if value.eq_ignore_ascii_case("nonSxS") || cx.is_template(&value) {
            return;
        }
        out.report(
            Some(el),
            scope.value_span(),
            format!("versionScope must be nonSxS, not {value:?}"),
        )
        .help("answer-file components always use versionScope=\"nonSxS\"");
    }
}
