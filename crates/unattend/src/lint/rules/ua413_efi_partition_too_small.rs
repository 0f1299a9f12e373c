//! ## What it checks
//!
//! A `CreatePartition` of `Type` `EFI` in
//! `Microsoft-Windows-Setup/DiskConfiguration` whose `Size` is below
//! 100 (megabytes). Sizes that are template placeholders are not checked.
//!
//! ## Why it matters
//!
//! Microsoft's partition requirements for UEFI PCs give the EFI system
//! partition a minimum size of 100 MB (260 MB on Advanced Format 4K Native
//! drives, where FAT32 needs more room). A smaller ESP either cannot be
//! formatted FAT32 at all or leaves no room for the boot files Windows
//! writes there on setup and on later feature updates.
//!
//! ## Example
//!
//! ```xml
//! <CreatePartition wcm:action="add">
//!   <Order>1</Order>
//!   <Type>EFI</Type>
//!   <Size>50</Size>
//! </CreatePartition>
//! ```
//!
//! ## Fix
//!
//! Give the EFI system partition at least 100 MB; 260 MB also covers 4K
//! Native drives:
//!
//! ```xml
//! <Size>260</Size>
//! ```
//!
//! ## Evidence
//!
//! Error: Microsoft's current UEFI/GPT partition page documents 100 MB as the
//! minimum size of the EFI system partition.
//!
//! ## References
//!
//! - UEFI/GPT-based hard drive partitions, "System partition", Windows
//!   manufacturing documentation (Microsoft Learn,
//!   learn.microsoft.com/windows-hardware/manufacture/desktop/configure-uefigpt-based-hard-drive-partitions)
//! - Microsoft-Windows-Setup | DiskConfiguration | Disk | CreatePartitions
//!   | CreatePartition | Size (megabytes), Unattended Windows Setup
//!   Reference (Microsoft Learn)

use super::disk_layout::{PartitionType, created_sizes, value_span};
use crate::lint::prelude::*;

/// UA413 `efi-partition-too-small`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA413",
    name: "efi-partition-too-small",
    severity: Severity::Error,
    summary: "EFI system partition smaller than the documented 100 MB minimum",
};

/// The documented minimum, in megabytes.
const MIN_MB: i64 = 100;

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        for (size_el, mb) in created_sizes(cx, c, PartitionType::Efi) {
            if mb >= MIN_MB {
                continue;
            }
            out.report(
                Some(size_el),
                value_span(size_el),
                format!("the EFI system partition is {mb} MB; Microsoft's minimum is {MIN_MB} MB"),
            )
            .help("give it at least 100 MB (260 MB also covers 4K Native drives); Size is in megabytes");
        }
    }
}
