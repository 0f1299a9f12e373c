//! ## What it checks
//!
//! That the element tree has the shape the catalog describes, in both
//! directions:
//!
//! - a container, list or list item (an element that holds other settings)
//!   has no text of its own, as in `<AdministratorPassword>secret</AdministratorPassword>`
//!   instead of a `<Value>` inside it;
//! - a value setting holds text only, no child elements, as in a
//!   `<ComputerName>` with a `<Value>` inside it.
//!
//! Whitespace, comments and template directives (`%{ if … }`,
//! `{% if %}`, `@PRODUCT_KEY_XML@`) are fine. List items whose value is their text
//! (`DNSSuffixSearchOrder/DomainName`, `DNSServerSearchOrder/IpAddress`,
//! `UnicastIpAddresses/IpAddress` and the like, written
//! `<IpAddress wcm:action="add" wcm:keyValue="1">10.0.0.1</IpAddress>`)
//! legitimately hold text. Elements the catalog does not know are left to
//! UA202.
//!
//! ## Why it matters
//!
//! Setup reads a container's children and a value's text, nothing else: the
//! stray text or element is dropped without a word, and with it the setting
//! the author meant to make (a password that is never set, a name that stays
//! empty). Where the schema is enforced, the file is rejected as invalid.
//!
//! ## Example
//!
//! ```xml
//! <UserAccounts>
//!   <AdministratorPassword>P@ssw0rd</AdministratorPassword>
//! </UserAccounts>
//! ```
//!
//! ## Fix
//!
//! Put the value into the child setting meant for it:
//!
//! ```xml
//! <UserAccounts>
//!   <AdministratorPassword>
//!     <Value>P@ssw0rd</Value>
//!     <PlainText>true</PlainText>
//!   </AdministratorPassword>
//! </UserAccounts>
//! ```
//!
//! ## Evidence
//!
//! Error: the reference defines the element as a container (or a value);
//! Setup does not read text in a container or elements in a value as the
//! setting. Text Setup itself wrote into a processed copy
//! (`*SENSITIVE*DATA*DELETED*`) is UA601's finding.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: each setting's
//!   "Child Elements" table and XML example show which elements hold values

use crate::catalog::XmlForm;
use crate::document::NodeKind;
use crate::lint::prelude::*;

/// UA210 `container-has-text`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA210",
    name: "container-has-text",
    severity: Severity::Error,
    summary: "text where a container is expected, or child elements inside a value",
};

/// Up to five child element names of a container, for the help text.
fn child_names(info: &catalog::SettingInfo) -> String {
    let names: Vec<&str> = info
        .children()
        .filter(|c| !c.is_pseudo())
        .map(|c| c.element_name)
        .take(6)
        .collect();
    match names.len() {
        0 => String::new(),
        6 => format!(" ({}, …)", names[..5].join(", ")),
        _ => format!(" ({})", names.join(", ")),
    }
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        let name = info.element_name;
        if info.kind == SettingKind::Value {
            let Some(child) = s.el.child_elements().next() else { return };
            out.at(
                child,
                format!("{name} holds a value, but contains the element <{}>", child.name()),
            )
            .help(format!(
                "write the value of {name} as text, with no elements inside it; move <{}> to where it belongs",
                child.name()
            ));
            return;
        }
        if info
            .children()
            .any(|c| c.xml_form == Some(XmlForm::TextContent))
        {
            return;
        }
        let Some((text, value)) = s
            .el
            .children()
            .filter(|n| matches!(n.kind(), NodeKind::Text | NodeKind::CData) && !n.is_whitespace())
            .filter_map(|n| n.value().map(|v| (n, v)))
            .find(|(_, v)| !v.trim().is_empty() && !cx.is_template(v))
        else {
            return;
        };
        // Setup's `*SENSITIVE*DATA*DELETED*` in a processed copy is UA601's
        // finding (one cause, one finding).
        if super::ua406_product_key_format::is_deleted_marker(&value)
            && cx.config.severity_of(super::ua601_was_pass_processed::META.code).is_some()
        {
            return;
        }
        let raw = text.raw();
        let start = text.span().start as usize + (raw.len() - raw.trim_start().len());
        let end = text.span().end as usize - (raw.len() - raw.trim_end().len());
        let span = Span::new(start, end.max(start));
        out.report(
            Some(s.el),
            span,
            format!(
                "{name} holds other settings, not a value, but contains the text {}",
                shown(s.el, value.trim())
            ),
        )
        .help(format!(
            "move the value into the child setting meant for it{}",
            child_names(info)
        ));
    }
}
