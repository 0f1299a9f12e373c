//! One module per subcommand.

pub(crate) mod catalog;
pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod edit;
pub(crate) mod explain;
pub(crate) mod fmt;
pub(crate) mod lint;
pub(crate) mod misc;
pub(crate) mod new;
pub(crate) mod password;
pub(crate) mod spec;
pub(crate) mod sysprep;
