//! ## What it checks
//!
//! That the `Order` values of one list (commands, data images, …) count
//! 1, 2, 3, … without holes: it reports a list that starts above 1 or
//! skips a number, once per list, at the first item after the gap. Lists
//! with duplicate, non-numeric or templated orders are left to UA303 and
//! UA304; the partition lists of `DiskConfiguration` to UA416.
//!
//! ## Why it matters
//!
//! Setup sorts items by `Order`, so a gap is harmless by itself. It is
//! still worth a look: a hole in otherwise contiguous numbering usually
//! means a command was deleted or commented out, or that two lists were
//! merged by hand, and the file may no longer do what its author expects.
//!
//! ## Example
//!
//! ```xml
//! <FirstLogonCommands>
//!   <SynchronousCommand wcm:action="add">
//!     <Order>1</Order>
//!     <CommandLine>cmd /c C:\Setup\a.cmd</CommandLine>
//!   </SynchronousCommand>
//!   <SynchronousCommand wcm:action="add">
//!     <Order>3</Order>
//!     <CommandLine>cmd /c C:\Setup\c.cmd</CommandLine>
//!   </SynchronousCommand>
//! </FirstLogonCommands>
//! ```
//!
//! ## Fix
//!
//! Check that nothing is missing, then renumber the items 1, 2, 3, ….
//!
//! ## Evidence
//!
//! Info: gaps in Order are allowed; commands run in Order order.
//!
//! ## References
//!
//! - Unattended Windows Setup Reference, Microsoft Learn: the `Order` pages
//!   of the command lists

use crate::lint::prelude::*;

/// UA305 `order-gaps`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA305",
    name: "order-gaps",
    severity: Severity::Info,
    summary: "Order values not contiguous from 1",
};

/// The `Order` element of an item and its value.
fn order_of(item: ElementRef<'_>) -> Option<(ElementRef<'_>, Option<i64>)> {
    let el = item
        .child_elements()
        .find(|c| c.local_name().eq_ignore_ascii_case("Order"))?;
    let value = el.text().and_then(|t| t.trim().parse::<i64>().ok());
    Some((el, value))
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_setting(&self, _cx: &FileCx<'_>, s: &SettingView<'_, '_>, out: &mut Reporter<'_>) {
        let Some(info) = s.info else { return };
        if info.kind != SettingKind::ListItem || info.key != Some("Order") {
            return;
        }
        // Partition lists have their own, more specific rule.
        if super::disk_layout::is_partition_list(s.component, s.local_name()) {
            return;
        }
        let Some(parent) = s.el.parent() else { return };
        let (name, ns, id) = (s.local_name(), s.el.namespace(), s.el.id());
        let items = || {
            parent
                .child_elements()
                .filter(move |c| c.namespace() == ns && c.local_name().eq_ignore_ascii_case(name))
        };
        // Once per list: at its first item.
        if items().next().is_none_or(|first| first.id() != id) {
            return;
        }
        // Every item's Order, read once (lists of commands can be long).
        let mut orders = Vec::new();
        for item in items() {
            let Some((el, Some(n))) = order_of(item) else { return };
            orders.push((n, el));
        }
        let count = orders.len() as i64;
        orders.sort_by_key(|&(n, _)| n);
        let (min, max) = match (orders.first(), orders.last()) {
            (Some(&(min, _)), Some(&(max, _))) => (min, max),
            _ => return,
        };
        if min < 1 || (count < 2 && min == 1) {
            return;
        }
        // Distinct values (duplicates are UA303's).
        if orders.windows(2).any(|w| w[0].0 == w[1].0) {
            return;
        }
        if min == 1 && max == count {
            return;
        }
        // The first missing value, and the item just after the gap.
        let missing = (1..=max)
            .zip(orders.iter())
            .find(|(k, (n, _))| k != n)
            .map_or(1, |(k, _)| k);
        let Some(&(next, after)) = orders.iter().find(|(n, _)| *n > missing) else {
            return;
        };
        let Some(span) = after.text_span() else { return };
        let message = if missing < min {
            format!("{name} Order starts at {next}, not 1")
        } else {
            format!("{name} Order skips {missing}: it goes on at {next}")
        };
        out.report(Some(after), span, message).help(format!(
            "check that no {name} was lost, then renumber the {count} items 1 to {count}"
        ));
    }
}
