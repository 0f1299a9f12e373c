//! The canonical writer: UTF-8, a declaration, consistent indentation,
//! namespace declarations derived from use.

use std::borrow::Cow;

use crate::document::{
    CPI_NS, Newline, UNATTEND_NS, WCM_NS, XSI_NS, escape_attribute, escape_text, is_qname,
    is_xml_char,
};

use super::element::{Element, Node};

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// The prefix to declare for an unknown namespace on one element: the one the
/// source used when it can be bound here, else the first free `nsN`.
fn fresh_prefix(wanted: Option<&str>, bound: &[(String, &str)]) -> String {
    let free = |p: &str| !bound.iter().any(|(b, _)| b == p);
    if let Some(p) = wanted
        && super::Name::new(p).is_ok()
        // `xml…` prefixes are reserved; the well-known ones are bound at the root.
        && !p.get(..3).is_some_and(|x| x.eq_ignore_ascii_case("xml"))
        && !["wcm", "cpi", "xsi"].contains(&p)
        && free(p)
    {
        return p.to_string();
    }
    (0..)
        .map(|i| format!("ns{i}"))
        .find(|p| free(p))
        .unwrap_or_default()
}

/// Layout of canonical output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    /// One level of indentation. Default: two spaces.
    pub indent: String,
    /// Line ends. Default: `\n`; `CrLf` for files edited with Notepad-era tools.
    pub newline: Newline,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            indent: "  ".to_string(),
            newline: Newline::Lf,
        }
    }
}

/// Prefixes the writer always uses for the well-known namespaces.
fn known_prefix(ns: &str) -> Option<&'static str> {
    match ns {
        WCM_NS => Some("wcm"),
        CPI_NS => Some("cpi"),
        XSI_NS => Some("xsi"),
        XML_NS => Some("xml"),
        _ => None,
    }
}

fn uses_namespace(el: &Element, ns: &str) -> bool {
    el.namespace == ns
        || el
            .attributes
            .iter()
            .any(|a| a.namespace.as_deref() == Some(ns))
        || el
            .children
            .iter()
            .any(|c| matches!(c, Node::Element(e) if uses_namespace(e, ns)))
}

/// Writes `root` as a complete document.
pub(crate) fn write_document(root: &Element, options: &WriteOptions) -> String {
    let nl = options.newline.as_str();
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    out.push_str(nl);
    let mut root_decls = String::new();
    for ns in [WCM_NS, CPI_NS, XSI_NS] {
        if uses_namespace(root, ns) {
            let prefix = known_prefix(ns).unwrap_or_default();
            root_decls.push_str(&format!(" xmlns:{prefix}=\"{ns}\""));
        }
    }
    let mut w = Writer { out, options };
    w.element(root, 0, "", &root_decls);
    w.out.push_str(nl);
    w.out
}

/// Writes one node as an XML fragment: answer-file namespace as the
/// default, the well-known prefixes (`wcm`, `cpi`, `xsi`) undeclared (the
/// reader of the fragment declares them), other namespaces declared inline.
#[cfg(feature = "spec")]
pub(crate) fn write_fragment(node: &Node) -> String {
    let options = WriteOptions::default();
    let mut w = Writer {
        out: String::new(),
        options: &options,
    };
    w.node(node, 0, UNATTEND_NS);
    w.out
}

struct Writer<'o> {
    out: String,
    options: &'o WriteOptions,
}

impl Writer<'_> {
    fn newline_indent(&mut self, depth: usize) {
        self.out.push_str(self.options.newline.as_str());
        for _ in 0..depth {
            self.out.push_str(&self.options.indent);
        }
    }

    /// Writes one element. `default_ns` is the default namespace in scope;
    /// `extra` holds declarations to put on this element (the root's).
    ///
    /// Names are valid by construction ([`Name`](super::Name)); what the
    /// public fields can still hold that XML cannot say is settled here so
    /// the output always parses: namespace declarations are derived from use
    /// (attributes that are declarations are not copied), the first of two
    /// attributes with one expanded name wins (as
    /// [`Element::attribute`](super::Element::attribute) reads it), a prefix
    /// that is not usable is replaced by a fresh `nsN`, and an element in the
    /// reserved `xmlns` namespace, which no document can hold, is written in
    /// no namespace.
    fn element(&mut self, el: &Element, depth: usize, default_ns: &str, extra: &str) {
        let mut decls = extra.to_string();
        let el_ns = if el.namespace == XMLNS_NS {
            ""
        } else {
            el.namespace.as_str()
        };
        let (qname, child_default) = match known_prefix(el_ns).filter(|_| el_ns != UNATTEND_NS) {
            Some(prefix) => (format!("{prefix}:{}", el.name), default_ns),
            None => {
                if el_ns != default_ns {
                    decls.insert_str(
                        0,
                        &format!(" xmlns=\"{}\"", escape_attribute(&xml_chars(el_ns), '"')),
                    );
                }
                (el.name.to_string(), el_ns)
            }
        };
        self.out.push('<');
        self.out.push_str(&qname);
        self.out.push_str(&decls);
        let mut bound: Vec<(String, &str)> = Vec::new();
        let mut written: Vec<(Option<&str>, &str)> = Vec::new();
        for a in &el.attributes {
            // `Some("")` is no namespace: a prefix cannot be bound to "".
            let ns = a.namespace.as_deref().filter(|ns| !ns.is_empty());
            if ns == Some(XMLNS_NS) || (ns.is_none() && a.name == "xmlns") {
                continue; // a declaration: the writer derives those
            }
            if written.contains(&(ns, a.name.as_str())) {
                continue;
            }
            written.push((ns, a.name.as_str()));
            self.out.push(' ');
            if let Some(ns) = ns {
                let prefix = match known_prefix(ns) {
                    Some(p) => p.to_string(),
                    None => match bound.iter().find(|(_, b)| *b == ns) {
                        Some((p, _)) => p.clone(),
                        None => {
                            let p = fresh_prefix(a.prefix.as_deref(), &bound);
                            self.out.push_str(&format!(
                                "xmlns:{p}=\"{}\" ",
                                escape_attribute(&xml_chars(ns), '"')
                            ));
                            bound.push((p.clone(), ns));
                            p
                        }
                    },
                };
                self.out.push_str(&prefix);
                self.out.push(':');
            }
            self.out.push_str(&a.name);
            self.out.push_str("=\"");
            self.out
                .push_str(&escape_attribute(&xml_chars(&a.value), '"'));
            self.out.push('"');
        }
        if el.children.is_empty() {
            self.out.push_str(" />");
            return;
        }
        self.out.push('>');
        let has_text = el.children.iter().any(|c| matches!(c, Node::Text(_)));
        if has_text {
            // Leaf or mixed content: any added whitespace would change a value.
            for c in &el.children {
                self.node(c, depth, child_default);
            }
        } else {
            for c in &el.children {
                self.newline_indent(depth + 1);
                self.node(c, depth + 1, child_default);
            }
            self.newline_indent(depth);
        }
        self.out.push_str("</");
        self.out.push_str(&qname);
        self.out.push('>');
    }

    fn node(&mut self, node: &Node, depth: usize, default_ns: &str) {
        match node {
            Node::Element(e) => self.element(e, depth, default_ns, ""),
            Node::Text(t) => self.out.push_str(&escape_text(&xml_chars(t))),
            Node::Comment(c) => self.comment(c),
            Node::ProcessingInstruction(p) if writable_pi(p) => {
                self.out.push_str("<?");
                self.out.push_str(p);
                self.out.push_str("?>");
            }
            // Kept as a comment rather than written as markup that no XML
            // parser (Windows' included) would read.
            Node::ProcessingInstruction(p) => self.comment(&format!("?{p}?")),
        }
    }

    /// Writes a comment, breaking up `--` (not allowed inside one) and a
    /// final `-` (which would run into the closing `-->`).
    fn comment(&mut self, text: &str) {
        let mut body = xml_chars(text).into_owned();
        while body.contains("--") {
            body = body.replace("--", "- -");
        }
        if body.ends_with('-') {
            body.push(' ');
        }
        self.out.push_str("<!--");
        self.out.push_str(&body);
        self.out.push_str("-->");
    }
}

/// Text with the characters XML 1.0 cannot hold at all (not even as a
/// reference, e.g. U+0001) replaced by U+FFFD, so a model built from any spec
/// still writes a file that parses.
fn xml_chars(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(
            text.chars()
                .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// True when `<?{pi}?>` is a processing instruction a parser accepts: a
/// target that is a name without a colon and not `xml`, no `?>` inside,
/// only XML characters.
fn writable_pi(pi: &str) -> bool {
    let target = pi.split([' ', '\t', '\r', '\n']).next().unwrap_or("");
    let after_target = &pi[target.len()..];
    is_qname(target)
        && !target.contains(':')
        && !target.eq_ignore_ascii_case("xml")
        && !pi.contains("?>")
        && (after_target.is_empty() || after_target.starts_with([' ', '\t', '\r', '\n']))
        && pi.chars().all(is_xml_char)
}

#[cfg(test)]
mod spec_safety_tests {
    use super::*;
    use crate::document::Document;
    use crate::model::Unattend;

    /// Found by the `spec_build` fuzz target: a spec comment holding `--`
    /// was written as is, and the built file did not parse.
    #[test]
    fn any_comment_text_or_instruction_writes_a_file_that_parses() {
        for odd in [
            "Gener--alize",
            "ends with -",
            "---",
            "a\u{1}b",
            "?>",
            "xml version",
            "bad:target x",
            "",
        ] {
            let mut model = Unattend::default();
            model.other.push(Node::Comment(odd.to_string()));
            model
                .other
                .push(Node::ProcessingInstruction(odd.to_string()));
            if !odd.is_empty() {
                model.other.push(Node::Text(odd.to_string()));
            }
            let xml = model.to_xml(&WriteOptions::default());
            let doc = Document::parse_str(&xml).unwrap_or_else(|e| panic!("{odd:?}: {e}\n{xml}"));
            // And the file reads back into a model that writes the same text.
            let again = Unattend::from_document(&doc).expect("an answer file");
            assert_eq!(again.to_xml(&WriteOptions::default()), xml, "{odd:?}");
        }
        let mut model = Unattend::default();
        model
            .other
            .push(Node::ProcessingInstruction("fine data".into()));
        assert!(
            model
                .to_xml(&WriteOptions::default())
                .contains("<?fine data?>")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::components::deployment::{
        Mode, Reseal, RunSynchronous, RunSynchronousCommand,
    };
    use crate::model::components::{Deployment, PnpSysprep};
    use crate::model::{Arch, Component, Pass, Unattend, WcmAction};

    fn sysprep_core() -> Unattend {
        let mut file = Unattend::new();
        file.pass_mut(Pass::OobeSystem)
            .components
            .push(Component::typed(
                Arch::Amd64,
                Deployment {
                    reseal: Some(Reseal {
                        mode: Some(Mode::Audit),
                        force_shutdown_now: Some(true),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            ));
        file.pass_mut(Pass::Specialize)
            .components
            .push(Component::typed(
                Arch::Amd64,
                Deployment {
                    run_synchronous: Some(RunSynchronous {
                        run_synchronous_command: vec![RunSynchronousCommand {
                            wcm_action: Some(WcmAction::Add),
                            order: Some(1),
                            path: Some("cmd /c \"echo a & b\" > C:\\log.txt".into()),
                            ..Default::default()
                        }],
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            ));
        file.pass_mut(Pass::Generalize)
            .components
            .push(Component::typed(
                Arch::Amd64,
                PnpSysprep {
                    persist_all_device_installs: Some(true),
                    ..Default::default()
                },
            ));
        file
    }

    /// Passes come out in processing order whatever order they were added in;
    /// wcm is declared because a list item uses it; values are escaped.
    #[test]
    fn canonical_output_of_the_sysprep_core() {
        insta::assert_snapshot!(sysprep_core().to_xml(&WriteOptions::default()));
    }

    #[test]
    fn crlf_and_tab_options_apply_to_every_line() {
        let options = WriteOptions {
            indent: "\t".into(),
            newline: Newline::CrLf,
        };
        let xml = sysprep_core().to_xml(&options);
        assert!(!xml.replace("\r\n", "").contains('\n'));
        assert!(xml.ends_with("</unattend>\r\n"));
        assert!(xml.contains("\r\n\t<settings pass=\"generalize\">"));
    }

    #[test]
    fn wcm_is_declared_only_when_used() {
        let mut file = Unattend::new();
        file.pass_mut(Pass::Generalize)
            .components
            .push(Component::typed(Arch::X86, PnpSysprep::default()));
        let xml = file.to_xml(&WriteOptions::default());
        assert!(!xml.contains("xmlns:wcm"), "{xml}");
        assert!(sysprep_core().to_xml(&WriteOptions::default()).contains(
            "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">"
        ));
    }
}
