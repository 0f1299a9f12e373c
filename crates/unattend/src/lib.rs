//! Read, validate, edit and write Windows answer files (`Unattend.xml`,
//! `Autounattend.xml`).
//!
//! * [`document`]: the lossless layer. Any real file (UTF-8 with or without BOM,
//!   UTF-16, CRLF, comments, templates) is read into a tree of spans and written
//!   back byte for byte; edits change only the bytes they must.
//! * [`model`]: the typed answer file: passes, components, settings. Built from a
//!   document without losing content, written out by a canonical writer.
//! * [`catalog`]: every documented component and setting (types, allowed
//!   values, valid passes, status) and Windows identifier lists, as static
//!   tables generated from the catalog data.

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
pub mod sysprep;

pub use document::{Document, ParseError};
pub use model::Unattend;

/// The README's code blocks, compiled as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
