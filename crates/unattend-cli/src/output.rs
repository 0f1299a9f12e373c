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

/// Writes `bytes` to `path` atomically, refusing to replace a write-protected
/// file; see [`replace_file`].
pub(crate) fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_file(path, bytes, false)
}

/// The error [`replace_file`] gives for a file the user may not (or asked
/// not to) write: its mode has no write permission, or opening it for
/// writing is denied. `--force` replaces it anyway.
#[derive(Debug)]
pub(crate) struct WriteProtected;

impl std::fmt::Display for WriteProtected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the file is write-protected (no write permission)")
    }
}

impl std::error::Error for WriteProtected {}

/// True when `e` is [`replace_file`]'s refusal of a write-protected file.
pub(crate) fn is_write_protected(e: &std::io::Error) -> bool {
    e.get_ref()
        .is_some_and(|inner| inner.is::<WriteProtected>())
}

/// `e` for a message; a refused write-protected file says how to force it.
pub(crate) fn describe_write_error(e: &std::io::Error) -> String {
    if is_write_protected(e) {
        format!("{e}; --force replaces it anyway")
    } else {
        e.to_string()
    }
}

/// The file a path finally names: symbolic links followed (relative
/// targets against the link's folder), so the link itself is never
/// replaced. A missing file (or a dangling link's target) is named as is.
fn resolve_links(path: &std::path::Path) -> std::io::Result<std::path::PathBuf> {
    let mut current = path.to_path_buf();
    // The kernel's own limit on nested links is 40.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Replaces the file at `path` with `bytes` atomically and keeps its
/// identity: through a symbolic link the link stays and its target is
/// replaced; the new file gets the old one's permissions (and owner and
/// group, where the user may set them). A write-protected file is refused
/// ([`WriteProtected`]) unless `force`. Written to a temporary file in the
/// same folder (created with the final permissions, so a secret is never
/// readable by more people than the target allows), flushed, then renamed
/// over the target; on any error the target is left exactly as it was and
/// the temporary file is removed. Something that is not a regular file
/// (`/dev/stdout`, a pipe) is written in place.
pub(crate) fn replace_file(
    path: &std::path::Path,
    bytes: &[u8],
    force: bool,
) -> std::io::Result<()> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);

    let target = resolve_links(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(std::io::Error::other("is a directory"));
        }
        if !meta.is_file() {
            let mut f = std::fs::OpenOptions::new().write(true).open(&target)?;
            return f.write_all(bytes).and_then(|()| f.flush());
        }
        // Read-only for everyone (what `chmod a-w` means even to root, as
        // editors treat it), or not writable by this user.
        let denied = || {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
        };
        if !force && (meta.permissions().readonly() || denied()) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                WriteProtected,
            ));
        }
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.unattend-{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if let Some(meta) = &existing {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        // Only the permission bits (and at least owner read/write so the
        // write can happen); the exact mode is set below.
        options.mode((meta.permissions().mode() & 0o777) | 0o600);
    }
    let mut f = options.open(&tmp)?;
    let result = (|| {
        f.write_all(bytes)?;
        if let Some(meta) = &existing {
            keep_owner(&f, meta);
            f.set_permissions(meta.permissions())?;
        }
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, &target)?;
        // Make the rename itself durable where the platform allows it.
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Gives the new file the old one's owner and group, as far as the user
/// may: root keeps both, others at most a group they belong to.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let Ok(new) = file.metadata() else { return };
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return;
    }
    if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &std::fs::File, _old: &std::fs::Metadata) {}

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
