//! The disk layout of `Microsoft-Windows-Setup/DiskConfiguration`, read once
//! per component for the disk-layout rules (UA411–UA417): each added `Disk`
//! with the partitions it creates and modifies.
//!
//! Values that are template placeholders, not numbers or not one of the
//! documented partition types read as unknown (`None`), so the rules skip
//! them instead of guessing.

use super::ua403_user_equals_computer_name::{child_ci, descend_all, is_component};
use crate::lint::prelude::*;

/// A `CreatePartition/Type` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartitionType {
    Primary,
    Efi,
    Msr,
    Extended,
    Logical,
}

impl PartitionType {
    fn parse(text: &str) -> Option<PartitionType> {
        let t = text.trim();
        [
            ("Primary", PartitionType::Primary),
            ("EFI", PartitionType::Efi),
            ("MSR", PartitionType::Msr),
            ("Extended", PartitionType::Extended),
            ("Logical", PartitionType::Logical),
        ]
        .into_iter()
        .find(|(name, _)| t.eq_ignore_ascii_case(name))
        .map(|(_, ty)| ty)
    }

    /// The name as the reference writes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            PartitionType::Primary => "Primary",
            PartitionType::Efi => "EFI",
            PartitionType::Msr => "MSR",
            PartitionType::Extended => "Extended",
            PartitionType::Logical => "Logical",
        }
    }

    /// The name with its article ("an EFI", "a Logical"), for messages.
    pub(crate) fn with_article(self) -> String {
        let article = match self {
            PartitionType::Primary | PartitionType::Logical => "a",
            _ => "an",
        };
        format!("{article} {}", self.name())
    }

    /// Types only a GPT disk can hold.
    pub(crate) fn gpt_only(self) -> bool {
        matches!(self, PartitionType::Efi | PartitionType::Msr)
    }

    /// Types only an MBR disk can hold.
    pub(crate) fn mbr_only(self) -> bool {
        matches!(self, PartitionType::Extended | PartitionType::Logical)
    }
}

/// A number and the element it was read from.
#[derive(Clone, Copy)]
pub(crate) struct Num<'d> {
    pub el: ElementRef<'d>,
    /// `None` for placeholders and text that is not an integer.
    pub value: Option<i64>,
}

/// One `CreatePartition`.
pub(crate) struct Created<'d> {
    pub el: ElementRef<'d>,
    pub order: Option<Num<'d>>,
    pub type_el: Option<ElementRef<'d>>,
    pub kind: Option<PartitionType>,
    pub size: Option<Num<'d>>,
    /// The `Extend` element when it says `true`.
    pub extend: Option<ElementRef<'d>>,
}

/// One `ModifyPartition`.
pub(crate) struct Modified<'d> {
    pub order: Option<Num<'d>>,
    pub partition_id: Option<Num<'d>>,
    /// The `Active` element when it says `true`.
    pub active: Option<ElementRef<'d>>,
    /// The `Extend` element when it says `true`.
    pub extend: Option<ElementRef<'d>>,
}

/// One `Disk` of `DiskConfiguration`.
pub(crate) struct Disk<'d> {
    pub id: Option<Num<'d>>,
    pub wiped: bool,
    pub created: Vec<Created<'d>>,
    pub modified: Vec<Modified<'d>>,
    /// True when a template control block (`{% if %}`, `%{ if }`) stands
    /// inside the disk: its items may be alternatives, not one layout.
    pub branched: bool,
}

impl<'d> Disk<'d> {
    /// `DiskID` as a number, when it is one.
    pub(crate) fn id_value(&self) -> Option<i64> {
        self.id.and_then(|n| n.value)
    }

    /// " 0" for disk 0, "" when the id is unknown (for messages).
    pub(crate) fn label(&self) -> String {
        self.id_value().map_or(String::new(), |i| format!(" {i}"))
    }

    /// The created partitions sorted by `Order`, when every `Order` is a
    /// distinct number; `None` otherwise (the creation order is unknown).
    pub(crate) fn in_creation_order(&self) -> Option<Vec<&Created<'d>>> {
        let mut sorted: Vec<&Created<'d>> = self.created.iter().collect();
        if sorted
            .iter()
            .any(|p| p.order.and_then(|o| o.value).is_none())
        {
            return None;
        }
        sorted.sort_by_key(|p| p.order.and_then(|o| o.value));
        if sorted
            .windows(2)
            .any(|w| w[0].order.and_then(|o| o.value) == w[1].order.and_then(|o| o.value))
        {
            return None;
        }
        Some(sorted)
    }

    /// The partitions of a wiped disk numbered as Setup numbers them
    /// (`PartitionID` 1 is the first created), when that numbering is
    /// plain: every type known and none extended or logical (MBR numbering
    /// of logical drives is not modelled).
    pub(crate) fn numbered(&self) -> Option<Vec<&Created<'d>>> {
        if !self.wiped || self.branched {
            return None;
        }
        if self
            .created
            .iter()
            .any(|p| p.kind.is_none_or(PartitionType::mbr_only))
        {
            return None;
        }
        self.in_creation_order()
    }
}

/// The trimmed text of an element, `None` when it has children or is empty.
fn text_of(el: ElementRef<'_>) -> Option<String> {
    el.text()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

fn number<'d>(cx: &FileCx<'_>, parent: ElementRef<'d>, name: &str) -> Option<Num<'d>> {
    let el = child_ci(parent, name)?;
    let value = text_of(el)
        .filter(|t| !cx.is_template(t))
        .and_then(|t| t.parse().ok());
    Some(Num { el, value })
}

/// The child `name` when its text is `true` (any case).
fn flag<'d>(parent: ElementRef<'d>, name: &str) -> Option<ElementRef<'d>> {
    child_ci(parent, name).filter(|e| text_of(*e).is_some_and(|t| t.eq_ignore_ascii_case("true")))
}

/// Items of a list that are added (no action, or `add`).
fn added(el: &ElementRef<'_>) -> bool {
    el.attribute_ns(Some(WCM_NS), "action")
        .is_none_or(|a| a.value().trim().eq_ignore_ascii_case("add"))
}

/// The disks `c` configures; empty unless it is `Microsoft-Windows-Setup`.
pub(crate) fn disks<'d>(cx: &FileCx<'_>, c: &ComponentView<'d>) -> Vec<Disk<'d>> {
    if !is_component(c, "Microsoft-Windows-Setup") {
        return Vec::new();
    }
    descend_all(c.el, "DiskConfiguration/Disk")
        .into_iter()
        .filter(added)
        .map(|disk| {
            let created = descend_all(disk, "CreatePartitions/CreatePartition")
                .into_iter()
                .filter(added)
                .map(|p| {
                    let type_el = child_ci(p, "Type");
                    Created {
                        el: p,
                        order: number(cx, p, "Order"),
                        type_el,
                        kind: type_el
                            .and_then(text_of)
                            .and_then(|t| PartitionType::parse(&t)),
                        size: number(cx, p, "Size"),
                        extend: flag(p, "Extend"),
                    }
                })
                .collect();
            let modified = descend_all(disk, "ModifyPartitions/ModifyPartition")
                .into_iter()
                .filter(added)
                .map(|m| Modified {
                    order: number(cx, m, "Order"),
                    partition_id: number(cx, m, "PartitionID"),
                    active: flag(m, "Active"),
                    extend: flag(m, "Extend"),
                })
                .collect();
            let span = disk.span();
            Disk {
                id: number(cx, disk, "DiskID"),
                wiped: flag(disk, "WillWipeDisk").is_some(),
                created,
                modified,
                branched: cx.in_different_template_branches(span.start, span.end),
            }
        })
        .collect()
}

/// The span of an element's trimmed text, or its name when it has none.
pub(crate) fn value_span(el: ElementRef<'_>) -> Span {
    super::ua401_computer_name::trimmed_text_span(el).unwrap_or(el.name_span())
}

/// True for the `CreatePartition` and `ModifyPartition` lists of
/// `Microsoft-Windows-Setup`, whose `Order` gaps UA416 reports (UA305
/// leaves them alone).
pub(crate) fn is_partition_list(component: &ComponentView<'_>, item: &str) -> bool {
    (item.eq_ignore_ascii_case("CreatePartition") || item.eq_ignore_ascii_case("ModifyPartition"))
        && is_component(component, "Microsoft-Windows-Setup")
}

/// The partitions of one type that the disks of `c` create with a numeric
/// `Size`: the `Size` element and its value in megabytes.
pub(crate) fn created_sizes<'d>(
    cx: &FileCx<'_>,
    c: &ComponentView<'d>,
    kind: PartitionType,
) -> Vec<(ElementRef<'d>, i64)> {
    disks(cx, c)
        .iter()
        .flat_map(|disk| &disk.created)
        .filter(|p| p.kind == Some(kind))
        .filter_map(|p| p.size.and_then(|size| Some((size.el, size.value?))))
        .collect()
}
