#![doc = include_str!("../README.md")]

pub mod catalog;
pub mod diff;
pub mod document;
pub mod edit;
pub mod format;
pub mod lint;
pub mod model;
/// Hidden (`PlainText=false`) answer-file passwords: encode and decode (obfuscation, not encryption).
pub mod password;
/// Ready-made answer files (generalize-oobe, cloudbase-init, audit-mode, vm-mode, install media) with their sysprep commands.
pub mod presets;
pub mod spec;
pub mod suggest;
pub mod sysprep;

pub use document::{Document, ParseError};
pub use model::Unattend;
