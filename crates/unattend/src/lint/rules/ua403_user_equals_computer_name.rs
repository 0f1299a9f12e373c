//! ## What it checks
//!
//! That no local account the file creates (`LocalAccount/Name` in
//! `Microsoft-Windows-Shell-Setup`) has the same name as the computer
//! (`ComputerName`), compared ignoring case. Template placeholders, `*` and
//! empty names are skipped.
//!
//! ## Why it matters
//!
//! Windows resolves a bare name against the computer and the account alike.
//! When both are equal, group membership is applied to the wrong object:
//! the account has been seen to end up in no group at all, so the
//! administrator you planned to sign in with is a powerless user.
//!
//! ## Example
//!
//! ```xml
//! <ComputerName>LAB01</ComputerName>
//! …
//! <LocalAccount wcm:action="add">
//!   <Name>lab01</Name>
//!   <Group>Administrators</Group>
//! </LocalAccount>
//! ```
//!
//! ## Fix
//!
//! Rename the account or the computer so that they differ:
//!
//! ```xml
//! <Name>labadmin</Name>
//! ```
//!
//! ## Evidence
//!
//! Warning: a third-party report (cschneegans/unattend-generator issue #16)
//! of an account named like the computer created without group membership;
//! not documented by Microsoft.
//!
//! ## References
//!
//! - cschneegans/unattend-generator issue #16: an account named like the
//!   computer was created without any group membership
//! - Microsoft-Windows-Shell-Setup | ComputerName and | UserAccounts |
//!   LocalAccounts, Unattended Windows Setup Reference (Microsoft Learn)

use crate::lint::prelude::*;

/// UA403 `user-equals-computer-name`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA403",
    name: "user-equals-computer-name",
    severity: Severity::Warning,
    summary: "account name equals ComputerName",
};

/// The first child element named `name` (ignoring ASCII case).
pub(super) fn child_ci<'d>(el: ElementRef<'d>, name: &str) -> Option<ElementRef<'d>> {
    el.child_elements()
        .find(|c| c.local_name().eq_ignore_ascii_case(name))
}

/// The element at `path` (`/`-separated names, ignoring ASCII case) below `el`,
/// taking the first match at each step.
pub(super) fn descend<'d>(el: ElementRef<'d>, path: &str) -> Option<ElementRef<'d>> {
    path.split('/').try_fold(el, |e, name| child_ci(e, name))
}

/// Every element at `path` below `el` (all matches at each step).
pub(super) fn descend_all<'d>(el: ElementRef<'d>, path: &str) -> Vec<ElementRef<'d>> {
    let mut current = vec![el];
    for name in path.split('/') {
        current = current
            .iter()
            .flat_map(|e| {
                e.child_elements()
                    .filter(|c| c.local_name().eq_ignore_ascii_case(name))
            })
            .collect();
    }
    current
}

/// True when the component is `name` according to the catalog.
pub(super) fn is_component(c: &ComponentView<'_>, name: &str) -> bool {
    c.info.is_some_and(|i| i.name == name)
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
        let computer_names: Vec<ElementRef<'_>> = shell
            .iter()
            .filter_map(|c| child_ci(c.el, "ComputerName"))
            .filter(|e| {
                e.text().is_some_and(|t| {
                    let t = t.trim();
                    !t.is_empty() && t != "*" && !cx.is_template(t)
                })
            })
            .collect();
        if computer_names.is_empty() {
            return;
        }
        for c in &shell {
            let names = descend_all(c.el, "UserAccounts/LocalAccounts/LocalAccount/Name")
                .into_iter()
                .chain(descend_all(
                    c.el,
                    "OfflineUserAccounts/OfflineLocalAccounts/LocalAccount/Name",
                ));
            for name_el in names {
                let Some(name) = name_el.text() else { continue };
                let name = name.trim();
                if name.is_empty() || cx.is_template(name) {
                    continue;
                }
                let same = computer_names.iter().find(|cn| {
                    cn.text()
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case(name))
                });
                let Some(computer) = same else { continue };
                let span = super::ua401_computer_name::trimmed_text_span(name_el)
                    .unwrap_or(name_el.name_span());
                out.report(
                    Some(name_el),
                    span,
                    format!("the account {} has the same name as the computer", shown(name_el, name)),
                )
                .help("rename the account or the computer; Windows may leave an account named like the computer out of its groups");
                if let Some(cn_span) = super::ua401_computer_name::trimmed_text_span(*computer) {
                    out.label(cn_span, "the computer name");
                }
            }
        }
    }
}
