#![doc = include_str!("../README.md")]

pub mod catalog;
pub mod diff;
pub mod document;
pub mod edit;
pub mod format;
pub mod lint;
pub mod model;
pub mod password;
pub mod presets;
pub mod spec;
pub mod suggest;
pub mod sysprep;

pub use document::{Document, ParseError};
pub use model::Unattend;
