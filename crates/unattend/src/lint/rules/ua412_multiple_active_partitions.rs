//! ## What it checks
//!
//! `ModifyPartition/Active` set to `true` on more than one partition
//! (different `PartitionID`s) of the same `Disk` in
//! `Microsoft-Windows-Setup/DiskConfiguration`. Each partition after the
//! first is reported. Disks that also create `EFI` or `MSR` partitions are
//! left to UA411 (`Active` is ignored there anyway), and disks whose
//! partitions a template chooses are not checked.
//!
//! Warning: the reference documents what Setup does (the last partition
//! marked wins), so the installation goes on, but only one of the intended
//! settings survives.
//!
//! ## Why it matters
//!
//! A BIOS boots from the one active partition of a disk. The reference
//! says only one partition of a disk can be active, and marking another
//! one removes the mark from the partition that had it. With two `Active`
//! partitions in the file, which one ends up active depends on the order
//! Setup modifies them in; when it is not the system partition that
//! Setup writes the boot files to, the first start after Setup can fail.
//!
//! ## Example
//!
//! ```xml
//! <ModifyPartition wcm:action="add">
//!   <Order>1</Order>
//!   <PartitionID>1</PartitionID>
//!   <Label>System</Label>
//!   <Active>true</Active>
//! </ModifyPartition>
//! <ModifyPartition wcm:action="add">
//!   <Order>2</Order>
//!   <PartitionID>2</PartitionID>
//!   <Label>Windows</Label>
//!   <Active>true</Active>
//! </ModifyPartition>
//! ```
//!
//! ## Fix
//!
//! Mark only the system partition active (on BIOS layouts the small first
//! partition) and remove `Active` from the others:
//!
//! ```xml
//! <ModifyPartition wcm:action="add">
//!   <Order>2</Order>
//!   <PartitionID>2</PartitionID>
//!   <Label>Windows</Label>
//! </ModifyPartition>
//! ```
//!
//! ## Evidence
//!
//! Warning: the `ModifyPartition/Active` page says only one partition of a
//! disk can be active and a later mark moves it; it documents no failure, and
//! real files with two marks install.
//!
//! ## References
//!
//! - Microsoft-Windows-Setup | DiskConfiguration | Disk | ModifyPartitions
//!   | ModifyPartition | Active ("Only one active partition can be set on a
//!   hard disk"), Unattended Windows Setup Reference (Microsoft Learn)
//! - BIOS/MBR-based hard drive partitions, Windows manufacturing
//!   documentation (Microsoft Learn): the system partition is the active
//!   one

use super::disk_layout::{PartitionType, disks, value_span};
use crate::lint::prelude::*;

/// UA412 `multiple-active-partitions`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA412",
    name: "multiple-active-partitions",
    severity: Severity::Warning,
    summary: "more than one partition of a disk marked Active",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        for disk in disks(cx, c) {
            if disk.branched
                || disk
                    .created
                    .iter()
                    .any(|p| p.kind.is_some_and(PartitionType::gpt_only))
            {
                continue;
            }
            let mut first: Option<(Option<i64>, ElementRef<'_>)> = None;
            for m in &disk.modified {
                let Some(active) = m.active else { continue };
                let pid = m.partition_id.and_then(|p| p.value);
                let Some((first_pid, first_el)) = first else {
                    first = Some((pid, active));
                    continue;
                };
                // The same partition modified twice is not a second active
                // partition; an unknown id cannot be compared.
                if pid.is_none() || first_pid.is_none() || pid == first_pid {
                    continue;
                }
                out.report(
                    Some(active),
                    value_span(active),
                    format!(
                        "partition {} of disk{} is marked Active, but partition {} already is: a disk has one active partition, and the last one marked wins",
                        pid.unwrap_or_default(),
                        disk.label(),
                        first_pid.unwrap_or_default(),
                    ),
                )
                .help("keep Active only on the system partition the PC boots from");
                out.label(value_span(first_el), "first Active partition");
            }
        }
    }
}
