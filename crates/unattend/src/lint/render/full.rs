//! rustc-style rendering with source snippets (annotate-snippets).

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::lint::{Diagnostic, Severity};

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Renders every diagnostic with its source lines. `styled` adds ANSI colours
/// (for terminals); snapshots and files use plain text.
pub fn full(path: &str, text: &str, diagnostics: &[Diagnostic], styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for d in diagnostics {
        let title = format!("{} [{}]", d.message, d.name);
        let clamp = |r: std::ops::Range<usize>| r.start.min(text.len())..r.end.min(text.len());
        let mut snippet = Snippet::source(text)
            .path(path)
            .fold(true)
            .annotation(AnnotationKind::Primary.span(clamp(d.span.range())));
        for l in &d.labels {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(clamp(l.span.range()))
                    .label(l.message.as_str()),
            );
        }
        let mut report: Vec<Group<'_>> = vec![
            level(d.severity)
                .primary_title(title)
                .id(d.code.as_str())
                .element(snippet),
        ];
        if let Some(help) = &d.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        if let Some(path) = &d.path {
            report.push(Group::with_title(
                Level::NOTE.secondary_title(format!("at {path}")),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}
