//! Go to definition: from a partition reference (`InstallTo`'s `DiskID` and
//! `PartitionID`) to the `ModifyPartition` (or `CreatePartition`) it names.

use lsp_types::{Location, Position, Uri};
use unattend::document::ElementRef;

use crate::Doc;
use crate::position::Encoding;
use crate::symbols::parsed;

fn child_text(e: ElementRef<'_>, name: &str) -> Option<String> {
    e.child_elements()
        .find(|c| c.local_name() == name)
        .and_then(|c| c.text())
        .map(|t| t.trim().to_string())
}

/// The partition the reference at `pos` names.
pub(crate) fn definition(doc: &Doc, uri: &Uri, pos: Position, enc: Encoding) -> Option<Location> {
    let tree = parsed(doc)?;
    let offset = doc.lines.offset(&doc.text, pos, enc) as u32;
    // The innermost element at the position.
    let here = tree
        .elements()
        .filter(|e| e.span().start <= offset && offset < e.span().end)
        .last()?;
    // The reference: the element holding DiskID and PartitionID.
    let reference = if child_text(here, "PartitionID").is_some() {
        here
    } else {
        here.parent()?
    };
    let disk = child_text(reference, "DiskID")?;
    let partition = child_text(reference, "PartitionID")?;
    let target = tree
        .elements()
        .filter(|e| e.local_name() == "Disk" && child_text(*e, "DiskID").as_deref() == Some(&disk))
        .flat_map(|d| d.descendants().collect::<Vec<_>>())
        .find(|e| {
            (e.local_name() == "ModifyPartition"
                && child_text(*e, "PartitionID").as_deref() == Some(&partition))
                || (e.local_name() == "CreatePartition"
                    && child_text(*e, "Order").as_deref() == Some(&partition))
        })?;
    let span = target.span();
    Some(Location {
        uri: uri.clone(),
        range: doc
            .lines
            .range(&doc.text, span.start as usize, span.end as usize, enc),
    })
}
