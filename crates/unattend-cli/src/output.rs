//! Printing that survives closed pipes (`unattend check … | head`).

use std::io::Write;

/// Writes one line to stdout; a closed pipe is not an error worth a panic.
pub(crate) fn line(out: &mut impl Write, text: &str) {
    let _ = writeln!(out, "{text}");
}

/// `print!` that ignores a closed pipe (`unattend … | head`) instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// `println!` that ignores a closed pipe.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

pub(crate) use {out, outln};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed, then renamed over the target. On any error the target is left
/// exactly as it was (and the temporary file is removed).
pub(crate) fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.unattend-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        // Keep the target's permissions.
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Reads an answer file (`-`: standard input) for parsing, refusing anything
/// over the parser's size limit ([`ParseOptions::max_bytes`]) before reading
/// it: a file's size is checked on its metadata, and no read goes past the
/// limit (so `/dev/zero` or an endless pipe is refused too). Directories are
/// refused by name. Errors are `path: message`.
///
/// [`ParseOptions::max_bytes`]: unattend::document::ParseOptions::max_bytes
pub(crate) fn read_input(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let max = unattend::document::ParseOptions::default().max_bytes as u64;
    let stdin = path.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let too_large = |len: String| {
        format!(
            "{name}: the file is {len} bytes; the limit is {max} bytes (answer files are rarely above 200 KiB)"
        )
    };
    let mut buf = Vec::new();
    if stdin {
        std::io::stdin()
            .lock()
            .take(max + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("{name}: {e}"))?;
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
        let meta = file.metadata().map_err(|e| format!("{name}: {e}"))?;
        if meta.is_dir() {
            return Err(format!("{name}: is a directory, not an answer file"));
        }
        if meta.len() > max {
            return Err(too_large(meta.len().to_string()));
        }
        buf.reserve_exact(meta.len() as usize);
        file.take(max + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("{name}: {e}"))?;
    }
    if buf.len() as u64 > max {
        return Err(too_large(format!("more than {max}")));
    }
    Ok(buf)
}
