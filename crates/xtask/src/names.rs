//! Rust identifiers from XML names.
