//! ## What it checks
//!
//! A `CreatePartition` with `Extend` set to `true` in
//! `Microsoft-Windows-Setup/DiskConfiguration` that is not the last
//! partition created on its disk (by `Order`). An `Extended` partition
//! followed only by `Logical` partitions is fine: those are created inside
//! it. A partition with both `Size` and `Extend` is UA408's finding, not
//! this one's. Disks whose `Order`s are placeholders, missing or repeated,
//! and disks whose partitions a template chooses, are not checked.
//!
//! Warning: the reference says an extended partition fills the rest of the
//! disk; that the partitions after it then fail is inferred, not stated.
//!
//! ## Why it matters
//!
//! Partitions are created in `Order`, and `Extend` makes a partition fill
//! the remainder of the disk. Every partition created after it finds no
//! free space, so Setup cannot create it; Setup then typically stops with
//! "Windows could not apply the unattend answer file's `<DiskConfiguration>`
//! setting", on a disk it has already wiped. Usually the recovery partition was added after the
//! Windows partition without moving `Extend`.
//!
//! ## Example
//!
//! ```xml
//! <CreatePartition wcm:action="add">
//!   <Order>3</Order>
//!   <Type>Primary</Type>
//!   <Extend>true</Extend>
//! </CreatePartition>
//! <CreatePartition wcm:action="add">
//!   <Order>4</Order>
//!   <Type>Primary</Type>
//!   <Size>1000</Size>
//! </CreatePartition>
//! ```
//!
//! ## Fix
//!
//! Give the partition a fixed `Size` and let the last one extend, or
//! reorder the partitions so that the extending one comes last:
//!
//! ```xml
//! <CreatePartition wcm:action="add">
//!   <Order>3</Order>
//!   <Type>Primary</Type>
//!   <Size>1000</Size>
//! </CreatePartition>
//! <CreatePartition wcm:action="add">
//!   <Order>4</Order>
//!   <Type>Primary</Type>
//!   <Extend>true</Extend>
//! </CreatePartition>
//! ```
//!
//! ## Evidence
//!
//! Warning, inferred: the `Extend` page says the partition fills the rest of
//! the disk; that a later partition then cannot be created follows from it but
//! is not stated.
//!
//! ## References
//!
//! - Microsoft-Windows-Setup | DiskConfiguration | Disk | CreatePartitions
//!   ("Partitions are created in the order specified by the Order
//!   setting") and | CreatePartition | Extend ("extended to fill the
//!   remainder of the disk"), Unattended Windows Setup Reference
//!   (Microsoft Learn)
//! - … | CreatePartition | Type (value Logical: logical partitions are
//!   created inside the extended partition)

use super::disk_layout::{Created, PartitionType, disks, value_span};
use crate::lint::prelude::*;

/// UA415 `extend-not-last-partition`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA415",
    name: "extend-not-last-partition",
    severity: Severity::Warning,
    summary: "a partition that fills the rest of the disk (Extend) is followed by other partitions",
};

/// A short description of a partition for messages: "Order 4 (Primary, 1000 MB)".
fn describe(p: &Created<'_>) -> String {
    let order = p.order.and_then(|o| o.value).unwrap_or_default();
    let mut facts: Vec<String> = Vec::new();
    if let Some(kind) = p.kind {
        facts.push(kind.name().to_string());
    }
    if let Some(mb) = p.size.and_then(|s| s.value) {
        facts.push(format!("{mb} MB"));
    }
    if facts.is_empty() {
        format!("Order {order}")
    } else {
        format!("Order {order} ({})", facts.join(", "))
    }
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
            let Some(sorted) = disk.in_creation_order() else {
                continue;
            };
            for (i, p) in sorted.iter().enumerate() {
                let Some(extend) = p.extend else { continue };
                // Size with Extend is UA408's (the partition is not created at all).
                if p.size.is_some_and(|s| {
                    s.el.text().is_some_and(|t| !t.trim().is_empty())
                }) {
                    continue;
                }
                let later = &sorted[i + 1..];
                let inside_extended = p.kind == Some(PartitionType::Extended)
                    && later
                        .iter()
                        .all(|q| q.kind == Some(PartitionType::Logical));
                let Some(next) = later.first() else { continue };
                if inside_extended {
                    continue;
                }
                out.report(
                    Some(extend),
                    value_span(extend),
                    format!(
                        "{} fills the rest of disk{}, but {} is created after it and finds no space left",
                        describe(p),
                        disk.label(),
                        describe(next),
                    ),
                )
                .help("give this partition a Size and set Extend on the last partition only, or move it to the end of the Order");
                out.label(next.el.name_span(), "created after it");
            }
        }
    }
}
