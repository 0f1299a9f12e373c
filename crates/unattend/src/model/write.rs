//! The canonical writer: UTF-8, a declaration, consistent indentation,
//! namespace declarations derived from use.

use crate::document::{
    CPI_NS, Newline, UNATTEND_NS, WCM_NS, XSI_NS, escape_attribute, escape_text,
};

use super::element::{Element, Node};

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

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
    fn element(&mut self, el: &Element, depth: usize, default_ns: &str, extra: &str) {
        let mut decls = extra.to_string();
        let (qname, child_default) =
            match known_prefix(&el.namespace).filter(|_| el.namespace != UNATTEND_NS) {
                Some(prefix) => (format!("{prefix}:{}", el.name), default_ns),
                None => {
                    if el.namespace != default_ns {
                        decls.insert_str(
                            0,
                            &format!(" xmlns=\"{}\"", escape_attribute(&el.namespace, '"')),
                        );
                    }
                    (el.name.clone(), el.namespace.as_str())
                }
            };
        self.out.push('<');
        self.out.push_str(&qname);
        self.out.push_str(&decls);
        let mut declared: Vec<(&str, &str)> = Vec::new();
        for a in &el.attributes {
            self.out.push(' ');
            if let Some(ns) = a.namespace.as_deref() {
                let prefix = match known_prefix(ns) {
                    Some(p) => p,
                    None => {
                        let p = a
                            .prefix
                            .as_deref()
                            .filter(|p| !p.is_empty() && *p != "xmlns")
                            .unwrap_or("ns0");
                        if !declared.iter().any(|(dp, _)| *dp == p) {
                            declared.push((p, ns));
                            self.out
                                .push_str(&format!("xmlns:{p}=\"{}\" ", escape_attribute(ns, '"')));
                        }
                        p
                    }
                };
                self.out.push_str(prefix);
                self.out.push(':');
            }
            self.out.push_str(&a.name);
            self.out.push_str("=\"");
            self.out.push_str(&escape_attribute(&a.value, '"'));
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
            Node::Text(t) => self.out.push_str(&escape_text(t)),
            Node::Comment(c) => {
                self.out.push_str("<!--");
                self.out.push_str(c);
                self.out.push_str("-->");
            }
            Node::ProcessingInstruction(p) => {
                self.out.push_str("<?");
                self.out.push_str(p);
                self.out.push_str("?>");
            }
        }
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
