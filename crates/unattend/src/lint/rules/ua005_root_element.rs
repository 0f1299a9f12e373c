//! ## What it checks
//!
//! That the root element is `<unattend>` in the answer-file namespace
//! `urn:schemas-microsoft-com:unattend`. It catches a missing default
//! namespace, a different root (`<AutoUnattend>`), and bare `<settings>`
//! fragments saved on their own.
//!
//! ## Why it matters
//!
//! Windows Setup looks for `unattend` elements in that namespace only; any
//! other root means no setting in the file is ever applied, silently.
//!
//! A root `<unattend>` without that namespace (or with a mistyped one) is
//! reported once, first, and the rest of the file is linted as if it had it,
//! so its other faults show up in the same run.
//!
//! ## Example
//!
//! ```xml
//! <unattend>
//!   <settings pass="oobeSystem">…</settings>
//! </unattend>
//! ```
//!
//! ## Fix
//!
//! Declare the namespace on the root:
//!
//! ```xml
//! <unattend xmlns="urn:schemas-microsoft-com:unattend">
//! ```
//!
//! ## Evidence
//!
//! Error: the answer-file schema and every reference example have `<unattend
//! xmlns="urn:schemas-microsoft-com:unattend">` as root; Setup finds no
//! settings in a file with another root or namespace.
//!
//! ## References
//!
//! - Answer files overview (unattend.xml), Microsoft Learn: "Answer file components"

use crate::document::AssumedNamespace;
use crate::lint::prelude::*;

/// UA005 `root-element`.
pub(crate) struct Rule;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "UA005",
    name: "root-element",
    severity: Severity::Error,
    summary: "the root is not <unattend> in namespace urn:schemas-microsoft-com:unattend",
};

impl Check for Rule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileCx<'_>, out: &mut Reporter<'_>) {
        let root = cx.doc.root();
        // A root <unattend> outside the namespace is read as if it were in it
        // (the linter's recovering parse), so the rest of the file is linted;
        // this is the one finding about it.
        let assumed = cx.doc.recovery().and_then(|r| r.root_namespace.as_ref());
        let namespace = match assumed {
            Some(AssumedNamespace::Missing) => None,
            Some(AssumedNamespace::Other(uri)) => Some(uri.as_str()),
            None if cx.root.is_some() => return,
            None => root.namespace(),
        };
        let (message, help) = match (root.local_name(), namespace) {
            ("unattend", None) => (
                "the root <unattend> has no namespace".to_string(),
                format!("add xmlns=\"{UNATTEND_NS}\" to the root element"),
            ),
            ("unattend", Some(ns)) => (
                format!("the root <unattend> is in namespace {ns:?}"),
                format!("the answer-file namespace is {UNATTEND_NS}"),
            ),
            ("settings", _) => (
                "the root is a bare <settings> fragment".to_string(),
                format!("wrap it in <unattend xmlns=\"{UNATTEND_NS}\">"),
            ),
            (other, _) => (
                format!("the root element is <{other}>, not <unattend>"),
                format!("an answer file's root is <unattend xmlns=\"{UNATTEND_NS}\">"),
            ),
        };
        out.at(root, message).help(help);
    }
}
