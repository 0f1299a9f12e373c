//! `Order`: the position and key of an ordered list item.

use std::fmt;
use std::num::NonZeroU32;

/// The `Order` of a list item (commands, partitions, data images): a whole
/// number from 1. Setup processes items by `Order`, and it is also the
/// key `wcm:action="modify"` and `remove` name an item by, so 0 or a
/// negative number is never valid.
///
/// The generated constructors of items keyed by `Order` take one (for
/// example `RunSynchronousCommand::new(order, path)`), and the lists of such
/// items have an `ordered` constructor that numbers them 1, 2, 3, … with no
/// gap. Some lists document a smaller maximum (commands: 500); the field
/// docs give it and [`lint_model`](crate::lint::lint_model) checks it
/// (UA304).
///
/// ```
/// use unattend::model::Order;
///
/// let first = Order::FIRST;
/// assert_eq!(first.get(), 1);
/// assert_eq!(Order::new(2)?.get(), 2);
/// assert!(Order::new(0).is_err());
/// assert_eq!(first.next(), Order::new(2)?);
/// # Ok::<(), unattend::model::OrderError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Order(NonZeroU32);

/// A number that cannot be an [`Order`]: items are numbered from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Order {value} is not valid: list items are numbered from 1")]
#[non_exhaustive]
pub struct OrderError {
    /// The number refused.
    pub value: i64,
}

impl Order {
    /// The first item: `1`.
    pub const FIRST: Order = Order(NonZeroU32::MIN);

    /// `n` as an order; fails when it is 0.
    pub fn new(n: u32) -> Result<Order, OrderError> {
        NonZeroU32::new(n).map(Order).ok_or(OrderError { value: 0 })
    }

    /// The number.
    pub fn get(self) -> u32 {
        self.0.get()
    }

    /// The order after this one (saturating at `u32::MAX`, far above every
    /// documented limit).
    #[must_use]
    pub fn next(self) -> Order {
        Order(self.0.saturating_add(1))
    }

    /// Orders 1, 2, 3, … as many as asked for.
    pub(crate) fn sequence() -> impl Iterator<Item = Order> {
        std::iter::successors(Some(Order::FIRST), |o| o.0.checked_add(1).map(Order))
    }
}

impl TryFrom<i64> for Order {
    type Error = OrderError;

    fn try_from(value: i64) -> Result<Order, OrderError> {
        u32::try_from(value)
            .ok()
            .and_then(NonZeroU32::new)
            .map(Order)
            .ok_or(OrderError { value })
    }
}

impl TryFrom<u32> for Order {
    type Error = OrderError;

    fn try_from(value: u32) -> Result<Order, OrderError> {
        Order::new(value)
    }
}

impl From<NonZeroU32> for Order {
    fn from(n: NonZeroU32) -> Order {
        Order(n)
    }
}

impl From<Order> for i64 {
    fn from(o: Order) -> i64 {
        i64::from(o.get())
    }
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
