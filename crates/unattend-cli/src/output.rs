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

/// How a path given on the command line is named in messages (`-` is
/// standard input).
pub(crate) fn input_name(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
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
    if path.as_os_str() != "-" {
        return read_file(path);
    }
    let name = input_name(path);
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(max_bytes() + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("{name}: {e}"))?;
    within_limit(&name, buf)
}

/// [`read_input`] for a file named in a file (a spec's `{ file = … }`):
/// `-` is a file of that name, never standard input.
pub(crate) fn read_file(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let name = path.display().to_string();
    let max = max_bytes();
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("{name}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{name}: is a directory, not an answer file"));
    }
    if meta.len() > max {
        return Err(too_large(&name, &meta.len().to_string()));
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("{name}: {e}"))?;
    within_limit(&name, buf)
}

/// The most [`read_input`] and [`read_file`] read: the parser's limit.
fn max_bytes() -> u64 {
    unattend::document::ParseOptions::default().max_bytes as u64
}

fn too_large(name: &str, len: &str) -> String {
    let max = max_bytes();
    format!(
        "{name}: the file is {len} bytes; the limit is {max} bytes (answer files are rarely above 200 KiB)"
    )
}

/// `buf`, unless a read stopped by the limit filled it past the limit.
fn within_limit(name: &str, buf: Vec<u8>) -> Result<Vec<u8>, String> {
    let max = max_bytes();
    if buf.len() as u64 > max {
        return Err(too_large(name, &format!("more than {max}")));
    }
    Ok(buf)
}

/// Text read by [`read_input`] or [`read_file`], which must be UTF-8.
pub(crate) fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| format!("{name}: stream did not contain valid UTF-8"))
}

/// Reads an answer file (`-`: standard input) into the model, printing why
/// when it cannot: `Err(2)` when the file cannot be read (missing, a
/// directory, over the size limit), `Err(1)` when it is not an answer file
/// the model reads. The bytes come back too, for whatever else looks at them.
pub(crate) fn read_model(
    path: &std::path::Path,
) -> Result<(Vec<u8>, unattend::model::Unattend), u8> {
    let bytes = read_input(path).map_err(|e| {
        eprintln!("unattend: {e}");
        crate::exit::ERROR
    })?;
    match unattend::model::Unattend::parse(&bytes) {
        Ok(model) => Ok((bytes, model)),
        Err(e) => {
            eprintln!("{}:{e}", input_name(path));
            Err(crate::exit::PROBLEMS)
        }
    }
}
