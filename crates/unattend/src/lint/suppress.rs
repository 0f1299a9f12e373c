//! Suppression comments.
//!
//! * `<!-- unattend: ignore[UA201] reason -->` silences the listed rules on
//!   the next element (and everything inside it).
//! * `<!-- unattend: ignore-file[UA004, non-ascii-text] reason -->` silences
//!   them in the whole file.
//!
//! Codes and names are both accepted. A suppression that silences nothing is
//! reported by UA900 (`unused-suppression`).

use super::registry::{RuleMeta, rule};
use crate::document::{Document, NodeKind, Span};

/// One rule named in one suppression comment.
#[derive(Debug)]
pub(crate) struct Suppression {
    /// The comment.
    pub comment: Span,
    /// The rule, or the unknown name as written.
    pub rule: Result<&'static RuleMeta, String>,
    /// What it covers; `None` for the whole file.
    pub scope: Option<Span>,
    /// Whether it silenced something.
    pub used: bool,
}

/// Finds every suppression comment of the document.
pub(crate) fn collect(doc: &Document) -> Vec<Suppression> {
    let mut out = Vec::new();
    for node in doc.nodes().filter(|n| n.kind() == NodeKind::Comment) {
        let Some(body) = node.value() else { continue };
        let Some(rest) = body.trim().strip_prefix("unattend:") else {
            continue;
        };
        let rest = rest.trim_start();
        let (file_level, rest) = if let Some(r) = rest.strip_prefix("ignore-file") {
            (true, r)
        } else if let Some(r) = rest.strip_prefix("ignore") {
            (false, r)
        } else {
            continue;
        };
        let Some(list) = rest
            .strip_prefix('[')
            .and_then(|r| r.split_once(']'))
            .map(|(l, _)| l)
        else {
            continue;
        };
        let scope = if file_level {
            None
        } else {
            Some(next_element_span(doc, node.id()).unwrap_or_default())
        };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            out.push(Suppression {
                comment: node.span(),
                rule: rule(name).ok_or_else(|| name.to_string()),
                scope,
                used: false,
            });
        }
    }
    out
}

/// The span of the first element after the comment among its siblings (or
/// after it at the top level: the root).
fn next_element_span(doc: &Document, comment: crate::document::NodeId) -> Option<Span> {
    let node = doc.node(comment)?;
    let after = node.span().end;
    match node.parent() {
        Some(parent) => parent
            .child_elements()
            .find(|e| e.span().start >= after)
            .map(|e| e.span()),
        None => {
            let root = doc.root();
            (root.span().start >= after).then(|| root.span())
        }
    }
}

impl Suppression {
    /// True when this suppression silences `code` at `span`.
    pub(crate) fn covers(&self, code: &str, span: Span) -> bool {
        let Ok(rule) = self.rule else { return false };
        rule.code == code
            && match self.scope {
                None => true,
                Some(s) => !s.is_empty() && s.contains(span),
            }
    }
}
