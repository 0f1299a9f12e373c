//! Shared helpers for the end-to-end tests: where the public corpus lives and
//! what its manifest says about each file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// The workspace root (this package's manifest directory).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Fixtures of the library's own tests (`crates/unattend/tests/fixtures`),
/// shipped in its package.
pub fn fixtures_dir() -> PathBuf {
    workspace_root().join("crates/unattend/tests/fixtures")
}

/// One file of the public corpus with the facts its manifest records.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    /// File name in the corpus folder.
    pub name: String,
    /// Full path.
    pub path: PathBuf,
    /// The manifest's notes column.
    pub notes: String,
}

impl CorpusFile {
    /// True when the manifest says an XML parser rejects the file (malformed
    /// XML, or an empty file, which has no root element).
    pub fn malformed(&self) -> bool {
        self.notes.contains("MALFORMED XML") || self.notes.contains("EMPTY FILE")
    }

    /// Reads the file's bytes.
    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.path).unwrap_or_else(|e| panic!("reading {}: {e}", self.path.display()))
    }
}

/// The public corpus folder: `$UNATTEND_CORPUS`, or `../shared/corpus/public`
/// beside the repository. `None` (after printing a notice) when absent, so
/// tests skip on a clone without the shared folder.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("UNATTEND_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            workspace_root()
                .join("..")
                .join("shared")
                .join("corpus")
                .join("public")
        });
    if dir.join("MANIFEST.tsv").is_file() {
        Some(dir)
    } else {
        // Written to stderr directly: the test harness captures eprintln!,
        // and a skipped check must be visible in the CI log.
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            let _ = writeln!(
                std::io::stderr(),
                "NOTICE: public corpus not found at {} (set UNATTEND_CORPUS); skipping corpus checks",
                dir.display()
            );
        });
        None
    }
}

/// Every file listed in the corpus manifest, sorted by name; empty (with a
/// notice) when the corpus is absent.
pub fn corpus_files() -> Vec<CorpusFile> {
    let Some(dir) = corpus_dir() else {
        return Vec::new();
    };
    read_manifest(&dir)
}

fn read_manifest(dir: &Path) -> Vec<CorpusFile> {
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("reading MANIFEST.tsv");
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .expect("manifest column")
    };
    let (file_col, notes_col) = (col("file"), col("notes"));
    let mut files: Vec<CorpusFile> = lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            CorpusFile {
                name: cols[file_col].to_string(),
                path: dir.join(cols[file_col]),
                notes: cols.get(notes_col).copied().unwrap_or_default().to_string(),
            }
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Flattens an element tree into sorted lines, one per leaf value, attribute
/// and empty element, each prefixed by its ancestry (names and attributes).
/// Two trees with the same lines hold the same elements, attributes and
/// values, whatever the order of siblings, layout, prefixes or namespace
/// declarations. Comments and processing instructions are not compared.
pub fn content_lines(root: &unattend::model::Element) -> Vec<String> {
    fn ident(el: &unattend::model::Element) -> String {
        let mut attrs: Vec<String> = el
            .attributes
            .iter()
            .map(|a| {
                format!(
                    "{{{}}}{}={:?}",
                    a.namespace.as_deref().unwrap_or(""),
                    a.name,
                    a.value
                )
            })
            .collect();
        attrs.sort();
        format!("{{{}}}{}[{}]", el.namespace, el.name, attrs.join(","))
    }
    fn walk(el: &unattend::model::Element, path: &str, out: &mut Vec<String>) {
        use unattend::model::Node;
        let path = format!("{path}/{}", ident(el));
        let mut had_content = false;
        for child in &el.children {
            match child {
                Node::Element(c) => {
                    had_content = true;
                    walk(c, &path, out);
                }
                Node::Text(t) => {
                    had_content = true;
                    out.push(format!("{path} = {t:?}"));
                }
                Node::Comment(_) | Node::ProcessingInstruction(_) => {}
            }
        }
        if !had_content {
            out.push(format!("{path} (empty)"));
        }
    }
    let mut out = Vec::new();
    walk(root, "", &mut out);
    out.sort();
    out
}

/// The lines only one side has, for a readable failure message.
pub fn line_diff(left: &[String], right: &[String]) -> String {
    let mut l = left.to_vec();
    let mut r = right.to_vec();
    l.sort();
    r.sort();
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < l.len() || j < r.len() {
        match (l.get(i), r.get(j)) {
            (Some(a), Some(b)) if a == b => {
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a < b => {
                out.push(format!("- {a}"));
                i += 1;
            }
            (Some(a), None) => {
                out.push(format!("- {a}"));
                i += 1;
            }
            (_, Some(b)) => {
                out.push(format!("+ {b}"));
                j += 1;
            }
            (None, None) => break,
        }
    }
    out.truncate(40);
    out.join("\n")
}

/// The workspace README's code blocks, compiled as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
