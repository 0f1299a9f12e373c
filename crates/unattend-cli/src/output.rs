//! Printing that survives closed pipes (`unattend check … | head`).

use std::io::Write;

/// Writes one line to stdout; a closed pipe is not an error worth a panic.
pub(crate) fn line(out: &mut impl Write, text: &str) {
    let _ = writeln!(out, "{text}");
}
