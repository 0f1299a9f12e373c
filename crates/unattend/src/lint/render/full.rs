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
    let mut lines = LineCounter::default();
    for d in diagnostics {
        let clamp = |r: std::ops::Range<usize>| r.start.min(text.len())..r.end.min(text.len());
        // Give the renderer only the lines the annotations touch: it scans
        // all of its source for every report, which cost more than linting.
        let ranges = std::iter::once(clamp(d.span.range()))
            .chain(d.labels.iter().map(|l| clamp(l.span.range())));
        let (from, to) = ranges.fold((text.len(), 0), |(f, t), r| (f.min(r.start), t.max(r.end)));
        let start = text[..from].rfind('\n').map_or(0, |i| i + 1);
        let mut end = text[to..].find('\n').map_or(text.len(), |i| to + i);
        // The renderer reads `\r\n` as a line end, but a bare `\r` as a character.
        if end > to && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        let window = &text[start..end];
        let shift = |r: std::ops::Range<usize>| r.start - start..r.end - start;
        let snippet = Snippet::source(window)
            .path(path)
            .line_start(lines.line_of(text, start))
            .fold(true);
        let report = report(d, snippet, |r| shift(clamp(r)));
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// The report for `d` on `snippet`, with `place` turning a span of the file
/// into a range of the snippet's source.
fn report<'a>(
    d: &'a Diagnostic,
    mut snippet: Snippet<'a, annotate_snippets::Annotation<'a>>,
    place: impl Fn(std::ops::Range<usize>) -> std::ops::Range<usize>,
) -> Vec<Group<'a>> {
    snippet = snippet.annotation(AnnotationKind::Primary.span(place(d.span.range())));
    for l in &d.labels {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(place(l.span.range()))
                .label(l.message.as_str()),
        );
    }
    let title = format!("{} [{}]", d.message, d.name);
    let mut report: Vec<Group<'a>> = vec![
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
    report
}

/// 1-based line numbers of offsets as the renderer counts them (after each
/// `\n`), counted on from the previous offset when offsets ascend, as
/// diagnostics mostly do.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    fn line_of(&mut self, text: &str, offset: usize) -> usize {
        if offset < self.offset {
            *self = LineCounter::default();
        }
        self.line += memchr::memchr_iter(b'\n', &text.as_bytes()[self.offset..offset]).count();
        self.offset = offset;
        self.line + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{ResolvedConfig, lint_bytes};

    /// The renderer given the whole file, as `full` did before it cut a
    /// window of lines: the windowed output must not differ from it.
    fn unwindowed(path: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
        let renderer = Renderer::plain().decor_style(DecorStyle::Ascii);
        let mut out = String::new();
        for d in diagnostics {
            let snippet = Snippet::source(text).path(path).fold(true);
            let report = report(d, snippet, |r| r);
            out.push_str(&renderer.render(&report));
            out.push_str("\n\n");
        }
        out
    }

    #[test]
    fn a_window_of_lines_renders_like_the_whole_file() {
        // Findings with labels far from them, on LF and CRLF files, with a
        // bare CR inside a line.
        let lf = r#"<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>THIS-NAME-IS-FAR-TOO-LONG</ComputerName>
      <TimeZone>Nowhere Standard Time</TimeZone>
    </component>
  </settings>
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <FirstLogonCommands>
        <SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>a</CommandLine></SynchronousCommand>

        <SynchronousCommand wcm:action="add"><Order>1</Order><CommandLine>b</CommandLine></SynchronousCommand>
      </FirstLogonCommands>
      <RegisteredOwner>x</RegisteredOwner>
      <RegisteredOwner>y</RegisteredOwner>
    </component>
  </settings>
  <settings pass="specialize"/>
</unattend>
"#;
        let crlf = lf.replace('\n', "\r\n");
        let bare_cr = lf.replace(
            "<Order>1</Order><CommandLine>b",
            "<Order>1</Order>\r<CommandLine>b",
        );
        for text in [lf.to_string(), crlf, bare_cr] {
            let report = lint_bytes(text.as_bytes(), &ResolvedConfig::default());
            let d = &report.diagnostics;
            assert!(d.len() >= 4, "{d:#?}");
            assert!(
                d.iter().any(|d| !d.labels.is_empty()),
                "a finding with a label"
            );
            let text = report.text();
            assert_eq!(full("u.xml", text, d, false), unwindowed("u.xml", text, d));
        }
    }
}
