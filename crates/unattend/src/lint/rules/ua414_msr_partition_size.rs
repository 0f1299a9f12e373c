//! ## What it checks
//!
//! A `CreatePartition` of `Type` `MSR` in
//! `Microsoft-Windows-Setup/DiskConfiguration` whose `Size` is below 16 or
//! above 128 (megabytes). Sizes that are template placeholders are not
//! checked.
//!
//! Warning: Microsoft documents the sizes (16 MB since Windows 10; 32 or
//! 128 MB in the unattend reference), not a failure outside them.
//!
//! ## Why it matters
//!
//! The Microsoft reserved partition holds no data; Windows uses it to
//! manage the GPT disk. Microsoft's partition requirements for UEFI PCs
//! give it 16 MB, and the unattend reference's `Type` page 32 MB on disks
//! under 16 GB and 128 MB on larger ones. A size far outside that range is
//! almost always a slip: a value meant for another partition, or kilobytes
//! written where `Size` takes megabytes, wasting disk space or leaving the
//! partition smaller than Windows expects.
//!
//! ## Example
//!
//! ```xml
//! <CreatePartition wcm:action="add">
//!   <Order>2</Order>
//!   <Type>MSR</Type>
//!   <Size>16384</Size>
//! </CreatePartition>
//! ```
//!
//! ## Fix
//!
//! ```xml
//! <Size>16</Size>
//! ```
//!
//! ## Evidence
//!
//! Warning: only the sizes are documented (16 MB on the UEFI/GPT partition
//! page; 32 or 128 MB on the older `Type` page), not a failure for other sizes.
//!
//! ## References
//!
//! - UEFI/GPT-based hard drive partitions, "Microsoft reserved partition
//!   (MSR)", Windows manufacturing documentation (Microsoft Learn,
//!   learn.microsoft.com/windows-hardware/manufacture/desktop/configure-uefigpt-based-hard-drive-partitions)
//! - Microsoft-Windows-Setup | DiskConfiguration | Disk | CreatePartitions
//!   | CreatePartition | Type (value MSR) and | Size, Unattended Windows
//!   Setup Reference (Microsoft Learn)

use super::disk_layout::{PartitionType, created_sizes, value_span};
use crate::lint::prelude::*;

/// UA414 `msr-partition-size`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA414",
    name: "msr-partition-size",
    severity: Severity::Warning,
    summary: "MSR partition size far from the documented 16 MB (outside 16–128 MB)",
};

/// The documented sizes span this range, in megabytes.
const MIN_MB: i64 = 16;
const MAX_MB: i64 = 128;

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        for (size_el, mb) in created_sizes(cx, c, PartitionType::Msr) {
            if (MIN_MB..=MAX_MB).contains(&mb) {
                continue;
            }
            let side = if mb < MIN_MB { "smaller" } else { "larger" };
            out.report(
                Some(size_el),
                value_span(size_el),
                format!("the MSR partition is {mb} MB, {side} than any size Microsoft documents (16 MB; 32 or 128 MB in older guidance)"),
            )
            .help("use 16 (Size is in megabytes)");
        }
    }
}
