//! ## What it checks
//!
//! The disk layout of `Microsoft-Windows-Setup` (windowsPE), within each
//! component:
//!
//! - a `CreatePartition` with both a `Size` and `Extend` set to `true`
//!   (error: a partition either has a size or fills the rest of the disk);
//! - a `ModifyPartition/PartitionID`, or an `InstallTo/PartitionID`
//!   (`OSImage`, `DataImage`, Windows Deployment Services), that points past
//!   the partitions created on a disk with `WillWipeDisk` set to `true`
//!   (error: after the wipe only those partitions exist);
//! - an `InstallTo/DiskID` that `DiskConfiguration` does not list although
//!   it lists other disks (warning: the disk may exist and keep its
//!   partitions, but usually the numbers disagree by mistake).
//!
//! Disks with extended or logical partitions (MBR numbering), disks that
//! are not wiped, and template placeholders are not checked.
//!
//! ## Why it matters
//!
//! Windows Setup validates the layout before it writes to the disk; the
//! reference states that an installation with a conflicting layout is
//! terminated. When the numbers only disagree after partitioning, Setup
//! stops with "Windows could not apply the unattend answer file's
//! `<DiskConfiguration>` setting" or cannot find the partition to install to,
//! on a disk it has already wiped.
//!
//! ## Example
//!
//! ```xml
//! <Disk wcm:action="add">
//!   <DiskID>0</DiskID>
//!   <WillWipeDisk>true</WillWipeDisk>
//!   <CreatePartitions>
//!     <CreatePartition wcm:action="add">
//!       <Order>1</Order>
//!       <Type>Primary</Type>
//!       <Size>500</Size>
//!       <Extend>true</Extend>
//!     </CreatePartition>
//!   </CreatePartitions>
//! </Disk>
//! …
//! <InstallTo>
//!   <DiskID>0</DiskID>
//!   <PartitionID>2</PartitionID>
//! </InstallTo>
//! ```
//!
//! ## Fix
//!
//! Give each created partition either a `Size` or `<Extend>true</Extend>`
//! (usually the last one), and point `InstallTo` and `ModifyPartition` at
//! partitions that exist, counting from 1 in `Order`:
//!
//! ```xml
//! <CreatePartition wcm:action="add">
//!   <Order>1</Order>
//!   <Type>Primary</Type>
//!   <Extend>true</Extend>
//! </CreatePartition>
//! …
//! <PartitionID>1</PartitionID>
//! ```
//!
//! ## Evidence
//!
//! Error: the CreatePartition and ModifyPartition pages document that Extend
//! and Size exclude each other and that installation is terminated when a
//! referenced partition does not exist.
//!
//! ## References
//!
//! - Microsoft-Windows-Setup | DiskConfiguration | Disk | CreatePartitions
//!   | CreatePartition | Extend and | Size, Unattended Windows Setup
//!   Reference (Microsoft Learn)
//! - Microsoft-Windows-Setup | ImageInstall | OSImage | InstallTo |
//!   PartitionID, and | ModifyPartitions | ModifyPartition | PartitionID

use super::ua403_user_equals_computer_name::{child_ci, descend, descend_all, is_component};
use crate::lint::prelude::*;

/// UA408 `partition-references`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA408",
    name: "partition-references",
    severity: Severity::Error,
    summary: "CreatePartition with both Size and Extend",
};

/// One `Disk` of `DiskConfiguration`.
struct DiskInfo<'d> {
    id: Option<i64>,
    el: ElementRef<'d>,
    /// Number of created partitions when the disk is wiped and numbered
    /// simply (no extended or logical partitions); `None` otherwise.
    wiped_partitions: Option<i64>,
}

fn text_of(el: ElementRef<'_>) -> Option<String> {
    el.text().map(|t| t.trim().to_string())
}

fn number(cx: &FileCx<'_>, el: ElementRef<'_>) -> Option<i64> {
    let text = el.text()?;
    if cx.is_template(&text) {
        return None;
    }
    text.trim().parse().ok()
}

fn is_true(el: Option<ElementRef<'_>>) -> bool {
    el.and_then(text_of)
        .is_some_and(|t| t.eq_ignore_ascii_case("true"))
}

/// Items of a list that are added (not removed or modified).
fn added(el: ElementRef<'_>) -> bool {
    el.attribute_ns(Some(WCM_NS), "action")
        .is_none_or(|a| a.value().trim().eq_ignore_ascii_case("add"))
}

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_component(&self, cx: &FileCx<'_>, c: &ComponentView<'_>, out: &mut Reporter<'_>) {
        if !is_component(c, "Microsoft-Windows-Setup") {
            return;
        }
        let disks: Vec<DiskInfo<'_>> = descend_all(c.el, "DiskConfiguration/Disk")
            .into_iter()
            .filter(|d| added(*d))
            .map(|disk| {
                let partitions: Vec<ElementRef<'_>> =
                    descend_all(disk, "CreatePartitions/CreatePartition")
                        .into_iter()
                        .filter(|p| added(*p))
                        .collect();
                check_size_and_extend(&partitions, out);
                let simple = partitions.iter().all(|p| {
                    child_ci(*p, "Type").and_then(text_of).is_none_or(|t| {
                        !(t.eq_ignore_ascii_case("Extended")
                            || t.eq_ignore_ascii_case("Logical")
                            || cx.is_template(&t))
                    })
                });
                let wiped = is_true(child_ci(disk, "WillWipeDisk"));
                DiskInfo {
                    id: child_ci(disk, "DiskID").and_then(|e| number(cx, e)),
                    el: disk,
                    wiped_partitions: (wiped && simple).then_some(partitions.len() as i64),
                }
            })
            .collect();

        // ModifyPartition on a wiped disk.
        for disk in &disks {
            let Some(count) = disk.wiped_partitions else {
                continue;
            };
            for modify in descend_all(disk.el, "ModifyPartitions/ModifyPartition")
                .into_iter()
                .filter(|m| added(*m))
            {
                let Some(pid_el) = child_ci(modify, "PartitionID") else {
                    continue;
                };
                let Some(pid) = number(cx, pid_el) else {
                    continue;
                };
                if pid > count {
                    let span = super::ua401_computer_name::trimmed_text_span(pid_el)
                        .unwrap_or(pid_el.name_span());
                    out.report(
                        Some(pid_el),
                        span,
                        format!("ModifyPartition refers to partition {pid}, but the wiped disk{} gets only {count} partition{}", disk_label(disk.id), plural(count)),
                    )
                    .help("partitions are numbered from 1 in the Order they are created; fix PartitionID or add the missing CreatePartition");
                }
            }
        }

        // InstallTo of the OS image, data images and WDS.
        let targets = descend(c.el, "ImageInstall/OSImage/InstallTo")
            .into_iter()
            .chain(descend_all(c.el, "ImageInstall/DataImage/InstallTo"))
            .chain(descend(
                c.el,
                "WindowsDeploymentServices/ImageSelection/InstallTo",
            ));
        for install_to in targets {
            let Some(disk_el) = child_ci(install_to, "DiskID") else {
                continue;
            };
            let Some(disk_id) = number(cx, disk_el) else {
                continue;
            };
            if disks.is_empty() || disks.iter().any(|d| d.id.is_none()) {
                continue;
            }
            let Some(disk) = disks.iter().find(|d| d.id == Some(disk_id)) else {
                let span = super::ua401_computer_name::trimmed_text_span(disk_el)
                    .unwrap_or(disk_el.name_span());
                let listed: Vec<String> = disks
                    .iter()
                    .filter_map(|d| d.id)
                    .map(|i| i.to_string())
                    .collect();
                out.report_as(
                    Severity::Warning,
                    Some(disk_el),
                    span,
                    format!("InstallTo uses disk {disk_id}, but DiskConfiguration only configures disk {}", listed.join(", ")),
                )
                .help("make InstallTo/DiskID match the Disk you partition, unless the target disk already has its partitions");
                continue;
            };
            let Some(count) = disk.wiped_partitions else {
                continue;
            };
            let Some(pid_el) = child_ci(install_to, "PartitionID") else {
                continue;
            };
            let Some(pid) = number(cx, pid_el) else {
                continue;
            };
            if pid > count {
                let span = super::ua401_computer_name::trimmed_text_span(pid_el)
                    .unwrap_or(pid_el.name_span());
                out.report(
                    Some(pid_el),
                    span,
                    format!("InstallTo uses partition {pid}, but the wiped disk {disk_id} gets only {count} partition{}", plural(count)),
                )
                .help("partitions are numbered from 1 in the Order they are created; point PartitionID at the Windows partition");
                if let Some(id_el) = child_ci(disk.el, "DiskID") {
                    out.label(id_el.span(), "the disk is wiped and partitioned here");
                }
            }
        }
    }
}

fn disk_label(id: Option<i64>) -> String {
    id.map_or(String::new(), |i| format!(" {i}"))
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A created partition has either a size or extends to fill the disk.
fn check_size_and_extend(partitions: &[ElementRef<'_>], out: &mut Reporter<'_>) {
    for p in partitions {
        let Some(extend) = child_ci(*p, "Extend") else {
            continue;
        };
        if !is_true(Some(extend)) {
            continue;
        }
        let Some(size) = child_ci(*p, "Size") else {
            continue;
        };
        if size.text().is_none_or(|t| t.trim().is_empty()) {
            continue;
        }
        let span =
            super::ua401_computer_name::trimmed_text_span(extend).unwrap_or(extend.name_span());
        out.report(Some(extend), span, "CreatePartition has both a Size and Extend=true")
            .help("remove Size to let the partition fill the rest of the disk, or remove Extend to give it a fixed size");
        out.label(size.span(), "the Size");
    }
}
