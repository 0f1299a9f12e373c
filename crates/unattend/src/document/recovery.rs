//! Reading past faults, for the linter: a recovered document is for reading
//! only.

use super::error::ParseError;
use super::tree::NO_NAMESPACE;
use super::{Document, UNATTEND_NS};

/// What [`Document::parse_recovering`] read past or assumed to give a tree
/// for a file that is not well-formed, or whose root `<unattend>` is outside
/// the answer-file namespace.
///
/// Spans still index the original text, so positions stay exact; but the
/// tree is not what the bytes say (a stray end tag is skipped, an `&` kept
/// as a literal, a namespace assumed). Every edit therefore refuses a
/// document that has a recovery ([`EditError::Recovered`](super::EditError::Recovered)):
/// splicing into it, or writing a model read from it, could corrupt data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Recovery {
    /// The well-formedness faults read past, in file order. The first is the
    /// error [`Document::parse`] reports; empty when only the namespace was
    /// assumed.
    pub faults: Vec<ParseError>,
    /// Set when the root `<unattend>` was not in the answer-file namespace:
    /// what it was in. Its elements in that namespace are read as if they
    /// were in [`UNATTEND_NS`].
    pub root_namespace: Option<AssumedNamespace>,
}

/// The namespace a root `<unattend>` really had, when a recovering parse
/// read it as the answer-file namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssumedNamespace {
    /// No namespace (no `xmlns` declaration).
    Missing,
    /// Another namespace URI (a typo, a different schema).
    Other(String),
}

impl Document {
    /// What a recovering parse read past or assumed; `None` for a document
    /// that is exactly what its bytes say (every document from
    /// [`Document::parse`], and a [`Document::parse_recovering`] of a
    /// well-formed answer file).
    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_deref()
    }

    /// True when the tree was recovered (see [`Document::recovery`]): the
    /// document can be read and linted, never edited.
    pub fn is_recovered(&self) -> bool {
        self.recovery.is_some()
    }

    /// True when the root is an unprefixed `<unattend>` outside the
    /// answer-file namespace: the one namespace fault whose structure is
    /// still clear (every other element follows the root's default namespace).
    pub(crate) fn root_namespace_recoverable(&self) -> bool {
        let root = self.root();
        root.name() == "unattend" && root.namespace() != Some(UNATTEND_NS)
    }

    /// Reads the root `<unattend>` and the elements sharing its namespace as
    /// if they were in the answer-file namespace, and marks the document
    /// recovered. Does nothing unless [`root_namespace_recoverable`](Self::root_namespace_recoverable).
    pub(crate) fn assume_unattend_namespace(&mut self) {
        if !self.root_namespace_recoverable() {
            return;
        }
        let root_ns = self.elements[self.nodes[self.root as usize].element as usize].ns;
        let assumed = match self.namespace_uri(root_ns) {
            None => AssumedNamespace::Missing,
            Some(uri) => AssumedNamespace::Other(uri.to_string()),
        };
        let target = match self.namespaces.iter().position(|n| &**n == UNATTEND_NS) {
            Some(i) => i as u32,
            None => {
                self.namespaces.push(UNATTEND_NS.into());
                self.namespaces.len() as u32 - 1
            }
        };
        debug_assert!(root_ns == NO_NAMESPACE || root_ns != target);
        for e in &mut self.elements {
            if e.ns == root_ns {
                e.ns = target;
            }
        }
        let recovery = self.recovery.get_or_insert_with(|| {
            Box::new(Recovery {
                faults: Vec::new(),
                root_namespace: None,
            })
        });
        recovery.root_namespace = Some(assumed);
    }
}
