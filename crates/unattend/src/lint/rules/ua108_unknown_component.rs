//! ## What it checks
//!
//! That each `<component name="…">` names a component the catalog knows
//! (names compare ignoring case, and documented variant spellings count).
//! A name within two edits of a known one — a typo such as
//! `Microsoft-Windows-Shell-Setpu` — is an error with "did you mean …". Any
//! other unknown name is a warning: the catalog follows the Unattended
//! Windows Setup Reference and may lack components of newer releases,
//! features on demand or other vendors. Names the project has looked at and
//! rejected say why.
//!
//! A missing or empty `name` is reported by UA103; template placeholders
//! are skipped.
//!
//! ## Why it matters
//!
//! Windows Setup stops with "A component or setting specified in the answer
//! file does not exist" when no component of the image has the name — often
//! after the disk was already wiped. Where Setup does not stop, all the
//! component's settings are ignored.
//!
//! ## Example
//!
//! ```xml
//! <component name="Microsoft-Windows-International-Core-WinPe-Setup" …>
//! ```
//!
//! ## Fix
//!
//! Correct the name; `unattend catalog` lists every known component, and
//! `unattend catalog NAME` shows one with its settings:
//!
//! ```xml
//! <component name="Microsoft-Windows-International-Core-WinPE" …>
//! ```
//!
//! ## Evidence
//!
//! Error for a near-miss of a known name: Setup stops with "A component or
//! setting specified in the answer file does not exist". Warning for other
//! unknown names: the catalog (2019 reference plus supplement) may be older
//! than the file.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, "Components", Microsoft Learn
//! - Windows Setup error "A component or setting specified in the answer
//!   file does not exist"

use crate::lint::prelude::*;

/// UA108 `unknown-component`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA108",
    name: "unknown-component",
    severity: Severity::Error,
    summary: "component not in the catalog",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        if c.info.is_some() {
            return;
        }
        let Some(name) = c.name.as_deref() else {
            return;
        };
        if name.trim().is_empty() || cx.is_template(name) {
            return;
        }
        let Some(attr) = c.el.attribute_ns(None, "name") else {
            return;
        };
        let span = attr.value_span();
        if let Some(r) = catalog::rejection(name, None) {
            out.report(
                Some(c.el),
                span,
                format!("{name} is not a Windows component"),
            )
            .help(r.reason);
            return;
        }
        match catalog::similar_component(name.trim()) {
            Some(known) if catalog::component(name.trim()).is_some() => {
                out.report(
                    Some(c.el),
                    span,
                    format!("component name {name:?} has spaces around it"),
                )
                .help("Setup compares the name exactly; remove the spaces")
                .fix(
                    "remove the spaces",
                    vec![crate::document::TextEdit {
                        span,
                        replacement: known.name.to_string(),
                    }],
                );
            }
            Some(known) => {
                out.report_as(
                    Severity::Error,
                    Some(c.el),
                    span,
                    format!("unknown component {name}; did you mean {}?", known.name),
                )
                .help("Setup reports that a component of the answer file does not exist, or skips it; `unattend catalog` lists the known components");
            }
            None => {
                out.report_as(
                    Severity::Warning,
                    Some(c.el),
                    span,
                    format!("{name} is not a component the catalog knows"),
                )
                .help("check the name with `unattend catalog`; the catalog follows Microsoft's reference and may lack components of newer releases or other vendors");
            }
        }
    }
}
