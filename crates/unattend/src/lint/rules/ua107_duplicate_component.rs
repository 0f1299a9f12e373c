//! ## What it checks
//!
//! That a `<settings>` block holds each component once per architecture:
//! two `<component>` elements with the same `name` (compared ignoring case)
//! and the same `processorArchitecture` in one pass are reported, pointing
//! back at the first. The same component for two architectures (`x86` and
//! `amd64`) is fine.
//!
//! ## Why it matters
//!
//! Windows Setup stops with "A component or non-list setting is specified
//! more than once in the answer file" — often in `specialize`, after the
//! disk was already partitioned and the image applied. Duplicates appear
//! when a snippet (say, a Shell-Setup block with FirstLogonCommands) is
//! pasted into a file that already has that component in the pass.
//!
//! ## Example
//!
//! ```xml
//! <settings pass="oobeSystem">
//!   <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" …>
//!     <TimeZone>UTC</TimeZone>
//!   </component>
//!   <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" …>
//!     <FirstLogonCommands>…</FirstLogonCommands>
//!   </component>
//! </settings>
//! ```
//!
//! ## Fix
//!
//! Merge the two into one `<component>` element holding the settings of
//! both (keeping one of each setting, see UA203).
//!
//! ## Evidence
//!
//! Error: Setup stops with the documented message "A component or non-list
//! setting is specified more than once".
//!
//! ## References
//!
//! - Windows Setup error "A component or non-list setting is specified more
//!   than once in the answer file"
//! - Unattended Windows Setup Reference, "Components"

use crate::lint::prelude::*;

/// UA107 `duplicate-component`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA107",
    name: "duplicate-component",
    severity: Severity::Error,
    summary: "same component + architecture twice in one pass",
};

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
        (None, None) => true,
        _ => false,
    }
}

fn name_span(c: &ComponentView<'_>) -> Span {
    c.el.attribute_ns(None, "name")
        .map_or(c.el.name_span(), |a| a.value_span())
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_pass(&self, _cx: &FileCx<'_>, pass: &PassView<'_>, out: &mut Reporter<'_>) {
        for (i, c) in pass.components.iter().enumerate() {
            let Some(name) = c.name.as_deref() else {
                continue;
            };
            let arch = c.el.attribute_ns(None, "processorArchitecture");
            let arch_value = arch.as_ref().map(|a| a.raw_value());
            let Some(first) = pass.components[..i].iter().find(|o| {
                same(o.name.as_deref(), Some(name))
                    && same(
                        o.el.attribute_ns(None, "processorArchitecture")
                            .map(|a| a.raw_value()),
                        arch_value,
                    )
            }) else {
                continue;
            };
            let where_ = match (pass.pass, arch_value) {
                (Some(p), Some(a)) => format!(" ({a}) in the {p} pass"),
                (Some(p), None) => format!(" in the {p} pass"),
                (None, Some(a)) => format!(" ({a}) in this pass"),
                (None, None) => " in this pass".to_string(),
            };
            out.report(Some(c.el), name_span(c), format!("{name} appears a second time{where_}"))
                .help("Setup stops when a component is specified more than once; merge the settings into the first one");
            out.label(name_span(first), "first here");
        }
    }
}
