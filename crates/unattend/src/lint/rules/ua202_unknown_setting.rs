//! ## What it checks
//!
//! That every element below a known component is a setting the catalog
//! knows at that place. A name within two edits of a known setting (a typo)
//! is an error with "did you mean …"; any other unknown name is a warning,
//! because the catalog may be older than the Windows release the file is
//! written for. Names the project has looked at and rejected say why: an
//! error when a reference shows the name is wrong, a warning when it is only
//! missing from every reference.
//!
//! Elements below an unknown element, inside values (see UA210), in other
//! namespaces, and below components whose settings no reference documents are
//! not reported.
//!
//! ## Why it matters
//!
//! Windows Setup stops with "A component or setting specified in the answer
//! file does not exist" when a setting is misspelt, often after the disk was
//! already wiped.
//!
//! ## Example
//!
//! ```xml
//! <OOBE>
//!   <HideEULAPages>true</HideEULAPages>
//! </OOBE>
//! ```
//!
//! ## Fix
//!
//! Correct the name (`HideEULAPage`); `unattend catalog COMPONENT` lists the
//! settings of a component.
//!
//! ## Evidence
//!
//! Error for a near-miss of a known setting: Setup stops with "A component or
//! setting specified in the answer file does not exist". Warning for other
//! unknown names: the catalog may be older than the file's Windows release.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn

use crate::lint::prelude::*;

/// UA202 `unknown-setting`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA202",
    name: "unknown-setting",
    severity: Severity::Error,
    summary: "element not in the component's catalog tree (error on a near-miss, else warning)",
};

/// The element's path below its component, e.g. `OOBE/HideEULAPages`.
fn path_below_component(el: ElementRef<'_>) -> String {
    let mut parts: Vec<&str> = std::iter::successors(Some(el), |e| e.parent())
        .take_while(|e| e.local_name() != "component")
        .map(|e| e.local_name())
        .collect();
    parts.reverse();
    parts.join("/")
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, _cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        if s.info.is_some() || s.under_unknown || !s.in_unattend_ns() {
            return;
        }
        let Some(component) = s.component.info else { return };
        if !component.settings_documented {
            return;
        }
        let top = s.el.parent().is_some_and(|p| p.id() == s.component.el.id());
        if !top && s.parent_info.is_none_or(|p| p.kind == SettingKind::Value) {
            return;
        }
        let name = s.local_name();
        let similar = match s.parent_info {
            Some(p) if !top => p.similar_child(name),
            _ => component.similar_child(name),
        };
        let path = path_below_component(s.el);
        if let Some(r) = catalog::rejection(component.name, Some(&path)) {
            if r.undocumented {
                out.report_as(
                    Severity::Warning,
                    Some(s.el),
                    s.el.name_span(),
                    format!("{name} is not a documented setting of {}", component.name),
                )
                .help(r.reason);
            } else {
                out.at(s.el, format!("{name} is not a setting of {}", component.name))
                    .help(r.reason);
            }
            return;
        }
        match similar {
            Some(known) => {
                let d = out.report_as(
                    Severity::Error,
                    Some(s.el),
                    s.el.name_span(),
                    format!("unknown setting {name} in {}; did you mean {}?", component.name, known.element_name),
                );
                d.help(format!("the catalog has {}", known.xml_path));
            }
            None => {
                out.report_as(
                    Severity::Warning,
                    Some(s.el),
                    s.el.name_span(),
                    format!("{name} is not a documented setting of {} at {path}", component.name),
                )
                .help("check the name against `unattend catalog`; newer Windows releases may add settings the catalog lacks");
            }
        }
    }
}
