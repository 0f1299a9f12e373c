//! ## What it checks
//!
//! That the items of one list have distinct keys. The key is what the
//! catalog says identifies an item: a child element (`Order` for commands,
//! partitions and images, `Name` for local accounts, `DiskID` for disks,
//! `Identifier` for network interfaces) or the `wcm:keyValue` attribute
//! (`PathAndCredentials`, `IpAddress`, `DomainName`). Numbers compare by
//! value (`01` equals `1`), other keys ignoring ASCII case. Items removed or
//! modified with `wcm:action`, template placeholders, and items in
//! different branches of a template condition are not compared.
//!
//! ## Why it matters
//!
//! Setup merges list items by key. Two items with one key collide: Setup
//! stops with "The answer file is invalid", or one item silently replaces
//! the other, so a command never runs, a partition is not created or a
//! driver path is lost.
//!
//! ## Example
//!
//! ```xml
//! <RunSynchronous>
//!   <RunSynchronousCommand wcm:action="add">
//!     <Order>1</Order>
//!     <Path>cmd /c C:\Setup\a.cmd</Path>
//!   </RunSynchronousCommand>
//!   <RunSynchronousCommand wcm:action="add">
//!     <Order>1</Order>
//!     <Path>cmd /c C:\Setup\b.cmd</Path>
//!   </RunSynchronousCommand>
//! </RunSynchronous>
//! ```
//!
//! ## Fix
//!
//! Give every item its own key; for commands, renumber `Order` 1, 2, 3, …
//! in the sequence the commands should run.
//!
//! ## Evidence
//!
//! Error: the reference's Order pages say each command must have a unique
//! order, and keyed lists are identified by their key; Setup reports an item
//! given twice as specified more than once.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: the `Order` pages
//!   ("each command must have a unique order") and the `wcm:keyValue`
//!   examples of keyed lists

use std::borrow::Cow;

use crate::lint::prelude::*;

/// UA303 `duplicate-list-key`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA303",
    name: "duplicate-list-key",
    severity: Severity::Error,
    summary: "duplicate Order, wcm:keyValue or other key among siblings",
};

/// An item's key: its span (for the report) and its value.
struct Key<'d> {
    span: Span,
    el: ElementRef<'d>,
    value: Cow<'d, str>,
}

fn key_of<'d>(item: ElementRef<'d>, key: &str) -> Option<Key<'d>> {
    if let Some(attr) = key.strip_prefix('@') {
        let local = attr.rsplit(':').next().unwrap_or(attr);
        let a = item.attribute_ns(Some(WCM_NS), local)?;
        return Some(Key {
            span: a.value_span(),
            el: item,
            value: a.value(),
        });
    }
    let child = item
        .child_elements()
        .find(|c| c.local_name().eq_ignore_ascii_case(key))?;
    Some(Key {
        span: child.text_span().unwrap_or(child.name_span()),
        el: child,
        value: child.text()?,
    })
}

fn same_key(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    match (a.parse::<i64>(), b.parse::<i64>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.eq_ignore_ascii_case(b),
    }
}

/// True for items that add to the list (no action, or `add`).
fn adds(item: ElementRef<'_>) -> bool {
    item.attribute_ns(Some(WCM_NS), "action")
        .is_none_or(|a| a.value().trim().eq_ignore_ascii_case("add"))
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::ListItem {
            return;
        }
        let Some(key_name) = info.key else { return };
        let Some(parent) = s.el.parent() else { return };
        let (name, ns, id) = (s.local_name(), s.el.namespace(), s.el.id());
        let items = || {
            parent
                .child_elements()
                .filter(move |c| c.namespace() == ns && c.local_name().eq_ignore_ascii_case(name))
        };
        // Once per list, at its first item: every key is read once, not once
        // per later item.
        if items().next().is_none_or(|first| first.id() != id) {
            return;
        }
        let keys: Vec<Key<'_>> = items()
            .filter(|c| adds(*c))
            .filter_map(|c| key_of(c, key_name))
            .collect();
        for (i, key) in keys.iter().enumerate() {
            if key.value.trim().is_empty() || cx.is_template(&key.value) {
                continue;
            }
            let Some(first) = keys[..i].iter().find(|k| same_key(&k.value, &key.value)) else {
                continue;
            };
            if cx.in_different_template_branches(first.span.end, key.span.start) {
                continue;
            }
            report(info, key_name, parent, key, first, out);
        }
    }
}

/// Reports `key` as a repeat of `first`.
fn report(
    info: &catalog::SettingInfo,
    key_name: &str,
    parent: ElementRef<'_>,
    key: &Key<'_>,
    first: &Key<'_>,
    out: &mut Reporter<'_>,
) {
    let shown_key = if key_name.starts_with('@') { "wcm:keyValue" } else { key_name };
    let value = match key.value.trim().parse::<i64>() {
        Ok(n) => n.to_string(),
        Err(_) => shown(key.el, key.value.trim()),
    };
    out.report(
        Some(key.el),
        key.span,
        format!(
            "two {} items in <{}> have {shown_key} {value}",
            info.element_name,
            parent.local_name(),
        ),
    )
    .help(format!(
        "{shown_key} identifies a {} in its list: give each item its own value",
        info.element_name
    ));
    out.label(first.span, "first used here");
}
