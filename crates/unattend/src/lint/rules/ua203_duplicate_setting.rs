//! ## What it checks
//!
//! That a setting which is not a list item appears at most once below its
//! parent: two `<OOBE>` blocks in one `Microsoft-Windows-Shell-Setup`
//! component, two `<ComputerName>` elements, two `<Mode>` elements inside
//! `<Reseal>`. List items (`RunSynchronousCommand`, `LocalAccount`,
//! `CreatePartition`, …) repeat by design and are left to the list rules
//! (UA301–UA303). Names are compared ignoring case, as the catalog does.
//! Each repetition is reported, pointing back at the first occurrence.
//! Copies separated by a template condition (`%{ if … }…%{ else }…`,
//! `{% if %}…{% else %}…`) are alternatives, not repeats, and are skipped.
//!
//! ## Why it matters
//!
//! Windows Setup refuses the file with "A component or non-list setting is
//! specified more than once in the answer file". When the error surfaces
//! depends on the pass, so a machine may already be half configured. Even
//! tools that accept the file keep only one of the copies, and which one
//! wins is not something to rely on.
//!
//! ## Example
//!
//! ```xml
//! <OOBE>
//!   <HideEULAPage>true</HideEULAPage>
//! </OOBE>
//! <OOBE>
//!   <ProtectYourPC>3</ProtectYourPC>
//! </OOBE>
//! ```
//!
//! ## Fix
//!
//! Merge the copies into one element, keeping the value you mean:
//!
//! ```xml
//! <OOBE>
//!   <HideEULAPage>true</HideEULAPage>
//!   <ProtectYourPC>3</ProtectYourPC>
//! </OOBE>
//! ```
//!
//! ## Evidence
//!
//! Error: Setup stops with the documented message "A component or non-list
//! setting is specified more than once".
//!
//! ## References
//!
//! - Windows Setup error "A component or non-list setting is specified more
//!   than once in the answer file" (Windows Setup log, `setupact.log`)
//! - Unattended Windows Setup Reference, Microsoft Learn: list settings are
//!   the ones written with `wcm:action`

use crate::lint::prelude::*;

/// UA203 `duplicate-setting`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA203",
    name: "duplicate-setting",
    severity: Severity::Error,
    summary: "a non-list element repeated",
};

/// True when `name` may repeat below `parent` (a list's item or one of the
/// repeated children of a mixed element).
fn repeats_below(parent: Option<&catalog::SettingInfo>, name: &str) -> bool {
    parent.is_some_and(|p| {
        p.item.is_some_and(|i| i.eq_ignore_ascii_case(name))
            || p.repeating.iter().any(|r| r.eq_ignore_ascii_case(name))
    })
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind == SettingKind::ListItem || info.is_pseudo() {
            return;
        }
        let name = s.local_name();
        if repeats_below(s.parent_info, name) {
            return;
        }
        let Some(parent) = s.el.parent() else { return };
        let ns = s.el.namespace();
        let id = s.el.id();
        let Some(first) = parent
            .child_elements()
            .take_while(|c| c.id() != id)
            .find(|c| c.namespace() == ns && c.local_name().eq_ignore_ascii_case(name))
        else {
            return;
        };
        if cx.in_different_template_branches(first.span().end, s.el.span().start) {
            return;
        }
        let within = if parent.local_name() == "component" {
            s.component
                .info
                .map_or_else(|| "this component".to_string(), |c| c.name.to_string())
        } else {
            format!("<{}>", parent.local_name())
        };
        out.at(
            s.el,
            format!("{} is given more than once in {within}", info.element_name),
        )
        .help(format!(
            "{} is not a list item: keep a single {0} and merge the contents of the copies into it",
            info.element_name
        ));
        out.label(first.name_span(), "first given here");
    }
}
