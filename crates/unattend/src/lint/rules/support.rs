//! Helpers several rules share (not a rule: no code, no docs).

use crate::document::ElementRef;

/// The `Order` of a command list item, when it is a number.
pub(crate) fn command_order(item: ElementRef<'_>) -> Option<i64> {
    item.child_elements()
        .find(|c| c.local_name().eq_ignore_ascii_case("Order"))
        .and_then(|o| o.text())
        .and_then(|t| t.trim().parse().ok())
}

/// True when a command of the same list runs after `item` (by `Order`, or
/// by position when orders are missing).
pub(crate) fn has_later_command(item: ElementRef<'_>) -> bool {
    let Some(parent) = item.parent() else {
        return false;
    };
    let mine = command_order(item);
    let mut after = false;
    parent.child_elements().any(|c| {
        if c.id() == item.id() {
            after = true;
            return false;
        }
        if c.local_name() != item.local_name() {
            return false;
        }
        match (mine, command_order(c)) {
            (Some(a), Some(b)) => b > a,
            _ => after,
        }
    })
}
