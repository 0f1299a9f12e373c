//! ## What it checks
//!
//! That every list item (an element the catalog marks as repeatable, such as
//! `RunSynchronousCommand`, `SynchronousCommand`, `LocalAccount`,
//! `CreatePartition`, `PathAndCredentials` or `IpAddress`) carries a
//! `wcm:action` attribute. An `action` attribute without the `wcm` namespace
//! (`Action="Add"`) is reported too, since Setup only reads the namespaced
//! one.
//!
//! It is a warning: Microsoft's own example for
//! `Microsoft-Windows-Setup/RunSynchronous` omits the attribute, and real
//! files without it install, so Setup evidently treats a bare item as an
//! addition. Windows System Image Manager always writes it, and tools that
//! merge or service answer files rely on it.
//!
//! ## Why it matters
//!
//! `wcm:action` says what to do with the item: `add` it, `modify` an
//! existing one, or `remove` one. Without it, the result depends on how the
//! consumer defaults, and merging the file with another one (WSIM, MDT,
//! offline servicing) can drop or duplicate the item.
//!
//! ## Example
//!
//! ```xml
//! <FirstLogonCommands>
//!   <SynchronousCommand>
//!     <Order>1</Order>
//!     <CommandLine>cmd /c C:\Setup\first.cmd</CommandLine>
//!   </SynchronousCommand>
//! </FirstLogonCommands>
//! ```
//!
//! ## Fix
//!
//! Add `wcm:action="add"` (and declare the `wcm` prefix on the root if it is
//! not yet declared):
//!
//! ```xml
//! <SynchronousCommand wcm:action="add">
//! ```
//!
//! ## Evidence
//!
//! Warning: Microsoft's own example for `RunSynchronous` omits the attribute
//! and real files without it install; Windows SIM always writes it.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: the XML examples of
//!   list settings (`wcm:action="add"`)
//! - Windows System Image Manager technical reference: "Add, modify and
//!   remove list items"

use crate::document::TextEdit;
use crate::lint::prelude::*;

/// UA301 `missing-wcm-action`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA301",
    name: "missing-wcm-action",
    severity: Severity::Warning,
    summary: "list item without wcm:action",
};

/// The prefix bound to the wcm namespace where `el` is, if any.
fn wcm_prefix<'d>(el: ElementRef<'d>) -> Option<&'d str> {
    std::iter::successors(Some(el), |e| e.parent()).find_map(|e| {
        e.attributes()
            .find(|a| {
                a.is_namespace_declaration() && a.prefix() == Some("xmlns") && a.value() == WCM_NS
            })
            .map(|a| a.local_name())
    })
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, _cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::ListItem {
            return;
        }
        // A `wcm:` attribute bound to a wrong URI is UA007's finding.
        if s.el.attributes().any(|a| {
            a.local_name() == "action" && (a.namespace() == Some(WCM_NS) || a.prefix() == Some("wcm"))
        }) {
            return;
        }
        let name = info.element_name;
        let stray = s
            .el
            .attributes()
            .find(|a| a.local_name().eq_ignore_ascii_case("action") && !a.is_namespace_declaration());
        let d = match stray {
            Some(a) => {
                let d = out.report(
                    Some(s.el),
                    a.name_span(),
                    format!(
                        "{name} has {}=\"{}\", which Setup does not read; list items take wcm:action",
                        a.name(),
                        a.value()
                    ),
                );
                d.help("write wcm:action=\"add\" (the attribute lives in the wcm namespace, lower case)");
                d
            }
            None => {
                let d = out.at(s.el, format!("{name} is a list item without wcm:action"));
                d.help("add wcm:action=\"add\" so the item is added to the list whatever tool reads the file");
                d
            }
        };
        let Some(prefix) = wcm_prefix(s.el) else { return };
        let quote = s.el.attributes().last().map_or('"', |a| a.quote());
        let edit = match stray {
            Some(a) => TextEdit {
                span: a.span(),
                replacement: format!("{prefix}:action={quote}add{quote}"),
            },
            None => {
                let at = s
                    .el
                    .attributes()
                    .last()
                    .map_or(s.el.name_span().end, |a| a.span().end) as usize;
                TextEdit {
                    span: Span::new(at, at),
                    replacement: format!(" {prefix}:action={quote}add{quote}"),
                }
            }
        };
        d.fix(format!("write {prefix}:action=\"add\""), vec![edit]);
    }
}
