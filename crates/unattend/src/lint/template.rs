//! Template placeholders (Packer `${var}`, Jinja `{{ }}`/`{% %}`, `@VAR@`,
//! `%VAR%`, whole-value `{Name}` tokens, PowerShell `$Name`/`$($x.Name)` in
//! here-string templates): values holding them are not checked, since their
//! real value is only known after rendering.

use serde::{Deserialize, Serialize};

use crate::document::Span;

/// Which template syntax a file may use (`template` in `unattend.toml`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TemplateSyntax {
    /// Recognise every syntax below.
    #[default]
    Auto,
    /// The file is never a template: placeholders are checked as values.
    None,
    /// Packer/HCL `templatefile`: `${var}`, `%{ if … }`.
    Packer,
    /// Jinja/Ansible: `{{ var }}`, `{% … %}`, `{# … #}`.
    Jinja,
    /// `@VAR@` substitution (configure_file, many shell pipelines).
    At,
    /// `%VAR%` substitution (Windows environment variables are never placeholders).
    Percent,
    /// Whole-value `{Name}` tokens, filled in by a script from a tokens file.
    Token,
    /// A PowerShell here-string template: whole-value `$Name`, `$($x.Name)`
    /// and `${Name}`, expanded by PowerShell before the file is written.
    Powershell,
}

/// Kinds of placeholder, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceholderKind {
    Packer,
    Jinja,
    At,
    Percent,
    Token,
    PowerShell,
}

impl PlaceholderKind {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            PlaceholderKind::Packer => "Packer/HCL `${…}`",
            PlaceholderKind::Jinja => "Jinja `{{ … }}`/`{% … %}`",
            PlaceholderKind::At => "`@VAR@`",
            PlaceholderKind::Percent => "`%VAR%`",
            PlaceholderKind::Token => "whole-value `{Name}` token",
            PlaceholderKind::PowerShell => "PowerShell `$Name`/`$(…)`",
        }
    }
}

/// Elements whose text is a command line: PowerShell there is code that runs
/// on the machine, not a template placeholder.
const COMMAND_ELEMENTS: &[&str] = &["CommandLine", "Path", "Command"];

/// True for `[A-Za-z_][A-Za-z0-9_]*`.
fn is_identifier(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `{Name}` as a whole value: a token a script replaces from a tokens file.
/// GUIDs (`{1234…-…}`) and URL templates are not tokens.
fn is_token(value: &str) -> bool {
    value
        .strip_prefix('{')
        .and_then(|v| v.strip_suffix('}'))
        .is_some_and(|n| is_identifier(&n.replace('.', "_")))
}

/// `$Name` as a whole value (not `$OEM$`, not `$env:X`).
fn is_ps_variable(value: &str) -> bool {
    value.strip_prefix('$').is_some_and(is_identifier)
}

/// The end of a `$( … )` subexpression starting at `start`, parentheses
/// balanced, on one line.
fn subexpression_end(s: &str, start: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    if bytes.get(start..start + 2) != Some(b"$(") {
        return None;
    }
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(start + 1).take(200) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return (i > start + 2).then_some(i + 1);
                }
            }
            b'\n' => return None,
            _ => {}
        }
    }
    None
}

/// The single-line text node around byte `at` of a whole file, with the
/// local name of the element it is the text of: `(text start, text end,
/// element name)`. `None` when the place is not element text on one line
/// (markup, text after an end tag, multi-line scripts). Searches stay within
/// the line, so long embedded scripts cost no more than one pass.
fn text_node_at(s: &str, at: usize) -> Option<(usize, usize, &str)> {
    // Placeholders are short: look back at most 400 bytes.
    let mut floor = at.saturating_sub(400);
    while !s.is_char_boundary(floor) {
        floor += 1;
    }
    let line_start =
        memchr::memrchr(b'\n', &s.as_bytes()[floor..at]).map_or(floor, |i| floor + i + 1);
    let gt = line_start + s[line_start..at].rfind('>')?;
    if s[gt..at].contains('<') {
        return None;
    }
    let end = at + memchr::memchr2(b'<', b'\n', &s.as_bytes()[at..])?;
    if s.as_bytes()[end] != b'<' {
        return None;
    }
    let lt = line_start + s[line_start..gt].rfind('<')?;
    let tag = &s[lt + 1..gt];
    if tag.starts_with(['/', '!', '?']) || tag.ends_with('/') {
        return None;
    }
    let name = tag.split(char::is_whitespace).next().unwrap_or(tag);
    let local = name.rsplit(':').next().unwrap_or(name);
    Some((gt + 1, end, local))
}

/// Whole-value placeholders in a whole file: the first text node (trimmed)
/// that `whole` accepts, starting at a `mark` byte.
fn find_whole_values(s: &str, mark: u8, whole: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for i in memchr::memchr_iter(mark, s.as_bytes()) {
        let Some((start, end, _)) = text_node_at(s, i) else {
            continue;
        };
        let text = &s[start..end];
        let trimmed = text.trim();
        let t_start = start + (text.len() - text.trim_start().len());
        if t_start == i && whole(trimmed) {
            found.push((i, i + trimmed.len()));
        }
    }
    found
}

/// `$( … )` subexpressions in single-line values of a whole file, commands
/// and multi-line scripts aside.
fn find_subexpressions(s: &str) -> Option<(usize, usize)> {
    memchr::memchr_iter(b'$', s.as_bytes()).find_map(|i| {
        let end = subexpression_end(s, i)?;
        let (_, _, element) = text_node_at(s, i)?;
        (!COMMAND_ELEMENTS.contains(&element)).then_some((i, end))
    })
}

/// The PowerShell placeholders of a whole file, when it is a PowerShell
/// here-string template: a `$( … )` subexpression in a value, or at least two
/// values that are a bare `$Name` (one could be a password starting with `$`).
fn find_powershell_file(s: &str) -> Option<(usize, usize)> {
    let variables = find_whole_values(s, b'$', is_ps_variable);
    let sub = find_subexpressions(s);
    let first_variable = (variables.len() >= 2).then(|| variables[0]);
    let braced = find_delimited(s, *b"${", b"}", powershell_drive);
    match (sub, first_variable) {
        (None, None) => None,
        (a, b) => [a, b, braced]
            .into_iter()
            .flatten()
            .min_by_key(|(start, _)| *start),
    }
}

/// A PowerShell placeholder in one value.
fn find_powershell_value(s: &str) -> Option<(usize, usize)> {
    let trimmed = s.trim();
    if is_ps_variable(trimmed) {
        let start = s.len() - s.trim_start().len();
        return Some((start, start + trimmed.len()));
    }
    memchr::memchr_iter(b'$', s.as_bytes())
        .find_map(|i| subexpression_end(s, i).map(|e| (i, e)))
        .or_else(|| find_delimited(s, *b"${", b"}", powershell_drive))
}

/// Variables Windows expands in command lines and paths: `%WINDIR%` is not a
/// template placeholder.
const WINDOWS_VARIABLES: &[&str] = &[
    "ALLUSERSPROFILE",
    "APPDATA",
    "CD",
    "CMDCMDLINE",
    "CMDEXTVERSION",
    "COMMONPROGRAMFILES",
    "COMMONPROGRAMFILES(X86)",
    "COMMONPROGRAMW6432",
    "COMPUTERNAME",
    "COMSPEC",
    "DATE",
    "ERRORLEVEL",
    "HOMEDRIVE",
    "HOMEPATH",
    "LOCALAPPDATA",
    "LOGONSERVER",
    "NUMBER_OF_PROCESSORS",
    "OS",
    "PATH",
    "PATHEXT",
    "PROCESSOR_ARCHITECTURE",
    "PROCESSOR_IDENTIFIER",
    "PROGRAMDATA",
    "PROGRAMFILES",
    "PROGRAMFILES(X86)",
    "PROGRAMW6432",
    "PROMPT",
    "PSMODULEPATH",
    "PUBLIC",
    "RANDOM",
    "SYSTEMDRIVE",
    "SYSTEMROOT",
    "TEMP",
    "TIME",
    "TMP",
    "USERDOMAIN",
    "USERNAME",
    "USERPROFILE",
    "WINDIR",
    "CONFIGSETROOT",
    "SCRIPTPATH",
    "DRIVE",
    "ONEDRIVE",
];

/// The first `open … close` on one line whose body `skip` does not reject.
/// `open` is two bytes, found with memchr on its first byte: this runs over
/// every file and every value, so it must not build a substring searcher.
fn find_delimited(
    s: &str,
    open: [u8; 2],
    close: &[u8],
    skip: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(open[0], &bytes[from..]) {
        let start = from + i;
        from = start + 1;
        if bytes.get(start + 1) != Some(&open[1]) {
            continue;
        }
        let body_start = start + 2;
        // Placeholders are short and on one line.
        let limit = bytes.len().min(body_start + 200);
        let window = &bytes[body_start..limit];
        let Some(j) = window
            .iter()
            .enumerate()
            .take_while(|&(_, &b)| b != b'\n')
            .find(|&(j, _)| window[j..].starts_with(close))
            .map(|(j, _)| j)
        else {
            continue;
        };
        // `open` and `close` are ASCII, so both ends are character boundaries.
        if !skip(&s[body_start..body_start + j]) {
            return Some((start, body_start + j + close.len()));
        }
    }
    None
}

/// PowerShell's `${env:WINDIR}` drive syntax is not a Packer variable.
fn powershell_drive(body: &str) -> bool {
    body.trim_start()
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("env:"))
}

fn never(_: &str) -> bool {
    false
}

fn find_wrapped_name(s: &str, mark: u8, skip: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr(mark, &bytes[from..]) {
        let i = from + k;
        let mut j = i + 1;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
            j += 1;
        }
        let name = &s[i + 1..j];
        if j < bytes.len()
            && bytes[j] == mark
            && !name.is_empty()
            && !name.as_bytes()[0].is_ascii_digit()
            && !skip(name)
        {
            return Some((i, j + 1));
        }
        // The closing mark of a rejected name may open the next one.
        from = j.max(i + 1);
    }
    None
}

fn is_windows_variable(name: &str) -> bool {
    WINDOWS_VARIABLES
        .iter()
        .any(|v| v.eq_ignore_ascii_case(name))
}

/// The first placeholder of `kind` in `s` (one value), as a byte range.
fn find(s: &str, kind: PlaceholderKind) -> Option<(usize, usize)> {
    match kind {
        PlaceholderKind::Token => {
            let trimmed = s.trim();
            let start = s.len() - s.trim_start().len();
            is_token(trimmed).then_some((start, start + trimmed.len()))
        }
        PlaceholderKind::PowerShell => find_powershell_value(s),
        PlaceholderKind::Packer => find_delimited(s, *b"${", b"}", powershell_drive)
            .or_else(|| find_delimited(s, *b"%{", b"}", never)),
        PlaceholderKind::Jinja => find_delimited(s, *b"{{", b"}}", never)
            .or_else(|| find_delimited(s, *b"{%", b"%}", never))
            .or_else(|| find_delimited(s, *b"{#", b"#}", never)),
        // `@` names are UPPER_CASE by convention; lower case is an address.
        PlaceholderKind::At => {
            find_wrapped_name(s, b'@', |n| n.bytes().any(|b| b.is_ascii_lowercase()))
        }
        PlaceholderKind::Percent => find_wrapped_name(s, b'%', is_windows_variable),
    }
}

/// The first placeholder of `kind` in a whole file: whole-value kinds look
/// at element text only.
fn find_in_file(s: &str, kind: PlaceholderKind) -> Option<(usize, usize)> {
    match kind {
        PlaceholderKind::Token => find_whole_values(s, b'{', is_token).first().copied(),
        PlaceholderKind::PowerShell => find_powershell_file(s),
        _ => find(s, kind),
    }
}

/// What the file holds in template syntax.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    kinds: Vec<PlaceholderKind>,
    /// The first placeholder of the file, with its kind.
    first: Option<(PlaceholderKind, Span)>,
}

impl Templates {
    /// Scans the whole text once for the syntaxes `syntax` allows.
    pub(crate) fn scan(text: &str, syntax: TemplateSyntax) -> Templates {
        let kinds: Vec<PlaceholderKind> = match syntax {
            TemplateSyntax::Auto => vec![
                PlaceholderKind::PowerShell,
                PlaceholderKind::Packer,
                PlaceholderKind::Jinja,
                PlaceholderKind::At,
                PlaceholderKind::Percent,
                PlaceholderKind::Token,
            ],
            TemplateSyntax::None => vec![],
            TemplateSyntax::Packer => vec![PlaceholderKind::Packer],
            TemplateSyntax::Jinja => vec![PlaceholderKind::Jinja],
            TemplateSyntax::At => vec![PlaceholderKind::At],
            TemplateSyntax::Percent => vec![PlaceholderKind::Percent],
            TemplateSyntax::Token => vec![PlaceholderKind::Token],
            TemplateSyntax::Powershell => vec![PlaceholderKind::PowerShell],
        };
        // One search per syntax: the first placeholder of each, if any.
        let mut found: Vec<(PlaceholderKind, Span)> = kinds
            .iter()
            .filter_map(|&k| find_in_file(text, k).map(|(s, e)| (k, Span::new(s, e))))
            .collect();
        // In a PowerShell here-string template `${Name}` is PowerShell's own
        // braced variable: name the style that is there, not Packer.
        if found.iter().any(|(k, _)| *k == PlaceholderKind::PowerShell) {
            found.retain(|(k, _)| *k != PlaceholderKind::Packer);
        }
        let first = found.iter().min_by_key(|(_, span)| span.start).copied();
        // Only the syntaxes the file really uses make values placeholders.
        let used = found.into_iter().map(|(k, _)| k).collect();
        Templates { kinds: used, first }
    }

    /// True when the file contains any placeholder.
    pub fn is_template(&self) -> bool {
        self.first.is_some()
    }

    /// The first placeholder and its kind.
    pub(crate) fn first(&self) -> Option<(PlaceholderKind, Span)> {
        self.first
    }

    /// True when `value` holds a placeholder of a syntax the file uses.
    pub fn contains_placeholder(&self, value: &str) -> bool {
        self.kind_in(value).is_some()
    }

    /// The syntax of the placeholder in `value`, among those the file uses.
    pub(crate) fn kind_in(&self, value: &str) -> Option<PlaceholderKind> {
        self.kinds
            .iter()
            .copied()
            .find(|&k| find(value, k).is_some())
    }
}

/// True when a value looks like a placeholder a script fills in before the
/// file is used (`[KEY]`, `#COMPUTERNAME#`, `***TimeZone***`, `__NAME__`,
/// `$NAME$`, `REPLACE WITH …`), in a syntax the template scanner does not
/// know. Such values are reported as warnings: the file works once they are
/// filled in.
pub(crate) fn looks_like_placeholder(value: &str) -> bool {
    let v = value.trim();
    let wrapped = |open: &str, close: &str| {
        v.len() > open.len() + close.len()
            && v.starts_with(open)
            && v.ends_with(close)
            && v[open.len()..v.len() - close.len()]
                .chars()
                .any(|c| c.is_alphabetic())
    };
    if wrapped("[", "]")
        || wrapped("#", "#")
        || wrapped("*", "*")
        || wrapped("__", "__")
        || wrapped("$", "$")
    {
        return true;
    }
    let lower = v.to_ascii_lowercase();
    [
        "replace",
        "changeme",
        "change_me",
        "change-me",
        "your_",
        "your-",
        "your ",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

/// True when `value` is just the name of its own setting (`timezone` in
/// `<TimeZone>`, `Product_Key` in `<ProductKey>`): a placeholder left for a
/// script, not an attempt at a value.
pub(crate) fn names_its_setting(value: &str, element: &str) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let v = squash(value);
    !v.is_empty() && v == squash(element)
}

/// Describes the template syntax of raw text that did not parse (for a
/// single clear message instead of parse noise).
pub(crate) fn describe_raw(text: &str, syntax: TemplateSyntax) -> Option<&'static str> {
    Templates::scan(text, syntax)
        .first()
        .map(|(k, _)| k.describe())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_of_each_syntax() {
        let t = Templates::scan("<a>${var.password}</a>", TemplateSyntax::Auto);
        assert!(t.contains_placeholder("x ${ foo } y"));
        assert!(
            !t.contains_placeholder("{{ x }}"),
            "only syntaxes the file uses count"
        );
        let all = Templates::scan("${a} {{ b }} @C@ %D%", TemplateSyntax::Auto);
        for v in [
            "${x}",
            "{{ x }}",
            "{% if x %}",
            "@HOST_NAME@",
            "%ADMIN_PASSWORD%",
        ] {
            assert!(all.contains_placeholder(v), "{v}");
        }
        for v in [
            "%WINDIR%\\System32",
            "%SystemRoot%",
            "user@example.com",
            "50%",
            "%1",
            "a@b@c",
            "${env:WINDIR}\\Temp",
        ] {
            assert!(!all.contains_placeholder(v), "{v}");
        }
    }

    #[test]
    fn tokens_and_powershell_templates() {
        let t = Templates::scan(
            "<a>{ComputerName}</a><b>{1234-5678}</b><c>x {Name} y</c>",
            TemplateSyntax::Auto,
        );
        assert!(t.contains_placeholder("{TimeZone}"));
        assert!(!t.contains_placeholder("{1234-5678}"));
        assert!(!t.contains_placeholder("x {Name} y"));
        assert_eq!(t.first().map(|(k, _)| k), Some(PlaceholderKind::Token));
        // A script in a command, or one `$` password, is no template.
        let code = Templates::scan(
            "<Path>powershell $($_.Name)</Path><Value>$ecret</Value>",
            TemplateSyntax::Auto,
        );
        assert!(!code.is_template());
        let ps = Templates::scan(
            "<A>$($cfg.Name)</A>\n<B>${env:TEMP}</B><C>${Other}</C>",
            TemplateSyntax::Auto,
        );
        assert_eq!(
            ps.first().map(|(k, _)| k),
            Some(PlaceholderKind::PowerShell)
        );
        assert!(ps.contains_placeholder("${Other}"));
        assert!(ps.contains_placeholder("$Name"));
        assert!(!ps.contains_placeholder("C:\\$OEM$\\x"));
        assert!(names_its_setting("timezone", "TimeZone"));
        assert!(!names_its_setting("UTC", "TimeZone"));
    }

    #[test]
    fn configured_syntax_limits_detection() {
        let none = Templates::scan("${a}", TemplateSyntax::None);
        assert!(!none.is_template());
        let jinja = Templates::scan("${a} {{ b }}", TemplateSyntax::Jinja);
        assert!(jinja.contains_placeholder("{{ b }}"));
        assert!(!jinja.contains_placeholder("${a}"));
        assert_eq!(jinja.first().map(|(k, _)| k), Some(PlaceholderKind::Jinja));
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn a_powershell_drive_does_not_hide_a_later_placeholder() {
        let t = Templates::scan("${env:WINDIR} then ${var.name}", TemplateSyntax::Auto);
        assert!(t.contains_placeholder("x ${env:TEMP} ${var.name}"));
        assert!(!t.contains_placeholder("${env:TEMP}"));
    }

    #[test]
    fn multi_byte_text_near_the_window_edge_does_not_panic() {
        let s = format!("${{{}é}}", "a".repeat(198));
        let _ = Templates::scan(&s, TemplateSyntax::Auto);
        let s = format!("{{{{{}ü", "b".repeat(199));
        let _ = Templates::scan(&s, TemplateSyntax::Auto);
    }
}
