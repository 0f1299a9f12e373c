//! ## What it checks
//!
//! The `Order` values of each disk's `CreatePartition` items, and of its
//! `ModifyPartition` items, in `Microsoft-Windows-Setup/DiskConfiguration`:
//! they should run 1, 2, 3… without gaps. Reported once per list, at the
//! first item after the gap. Repeated values are UA303's finding
//! (`duplicate-list-key`), and this rule then stays silent; lists with a
//! placeholder or a non-number, and disks whose partitions a template
//! chooses, are not checked. Other lists with an `Order` are UA305's
//! (`order-gaps`, info).
//!
//! Warning: the reference asks for this numbering but does not say what
//! Setup does with a gap.
//!
//! ## Why it matters
//!
//! The reference's `Order` page asks for partition orders that start at 1
//! and increase by one on each drive. Partition numbers do not follow
//! `Order` values: Setup numbers the partitions it creates 1, 2, 3… in
//! creation order, and `ModifyPartition/PartitionID` and
//! `InstallTo/PartitionID` count those. A gap usually means a partition was
//! removed and the references were not renumbered, or that they were
//! written as `Order` values.
//!
//! ## Example
//!
//! ```xml
//! <CreatePartition wcm:action="add">
//!   <Order>1</Order>
//!   <Type>Primary</Type>
//!   <Size>500</Size>
//! </CreatePartition>
//! <CreatePartition wcm:action="add">
//!   <Order>3</Order>
//!   <Type>Primary</Type>
//!   <Extend>true</Extend>
//! </CreatePartition>
//! ```
//!
//! ## Fix
//!
//! Renumber the items 1 to n, then check every `PartitionID` that refers to
//! them:
//!
//! ```xml
//! <Order>2</Order>
//! ```
//!
//! ## Evidence
//!
//! Warning: the `CreatePartition/Order` page asks for orders 1, 2, 3… but does
//! not say what Setup does with a gap.
//!
//! ## References
//!
//! - Microsoft-Windows-Setup | DiskConfiguration | Disk | CreatePartitions
//!   | CreatePartition | Order ("use the partition order starting with 1
//!   and increasing"), and | ModifyPartitions | ModifyPartition | Order,
//!   Unattended Windows Setup Reference (Microsoft Learn)

use super::disk_layout::{Num, disks};
use crate::lint::prelude::*;

/// UA416 `partition-order`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA416",
    name: "partition-order",
    severity: Severity::Warning,
    summary: "CreatePartition or ModifyPartition Order values of a disk not 1, 2, 3… without gaps",
};

/// Reports the first gap of one list's orders.
fn check_list(item: &str, disk: &str, orders: &[Option<Num<'_>>], out: &mut Reporter<'_>) {
    let mut values: Vec<(i64, ElementRef<'_>)> = Vec::with_capacity(orders.len());
    for order in orders {
        let Some(Num { el, value: Some(v) }) = *order else {
            return;
        };
        values.push((v, el));
    }
    values.sort_by_key(|&(v, _)| v);
    if values.windows(2).any(|w| w[0].0 == w[1].0) {
        return;
    }
    let count = values.len() as i64;
    let Some(&(min, _)) = values.first() else {
        return;
    };
    if min < 1 || values.last().is_some_and(|&(max, _)| max == count) {
        // Below 1 is UA304's range check; 1..=n is fine.
        return;
    }
    // The first value that is not its position, and the item holding it.
    let Some((position, &(value, el))) = values
        .iter()
        .enumerate()
        .find(|&(i, &(v, _))| v != i as i64 + 1)
    else {
        return;
    };
    let expected = position as i64 + 1;
    let message = if position == 0 {
        format!("the {item} Orders of disk{disk} start at {value}, not 1")
    } else {
        format!("the {item} Orders of disk{disk} skip {expected}: they go on at {value}")
    };
    out.report(Some(el), super::disk_layout::value_span(el), message)
        .help(if count == 1 {
            format!("give the only {item} Order 1")
        } else {
            format!(
                "renumber the {count} {item} items 1 to {count}; PartitionIDs count partitions in creation order, not Order values"
            )
        });
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        for disk in disks(cx, c) {
            if disk.branched {
                continue;
            }
            let label = disk.label();
            let created: Vec<_> = disk.created.iter().map(|p| p.order).collect();
            check_list("CreatePartition", &label, &created, out);
            let modified: Vec<_> = disk.modified.iter().map(|m| m.order).collect();
            check_list("ModifyPartition", &label, &modified, out);
        }
    }
}
