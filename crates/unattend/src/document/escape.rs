//! Escaping for writing and unescaping for reading XML character data.

use std::borrow::Cow;

use super::names::{char_reference, predefined_entity};

/// Resolves entity and character references in already-validated character
/// data. Line ends are normalized to `\n` as XML processors do; with
/// `attribute`, literal tabs and newlines become spaces (attribute-value
/// normalization).
pub(crate) fn unescape(raw: &str, attribute: bool) -> Cow<'_, str> {
    let bytes = raw.as_bytes();
    let special = |b: u8| b == b'&' || b == b'\r' || (attribute && (b == b'\n' || b == b'\t'));
    // Most values are short: a plain loop beats memchr's setup there.
    let needs_work = if bytes.len() < 32 {
        bytes.iter().any(|&b| special(b))
    } else if attribute {
        memchr::memchr3(b'&', b'\r', b'\n', bytes).is_some()
            || memchr::memchr(b'\t', bytes).is_some()
    } else {
        memchr::memchr2(b'&', b'\r', bytes).is_some()
    };
    if !needs_work {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        match c {
            '&' => {
                let end = rest.find(';').unwrap_or(rest.len());
                let body = &rest[1..end];
                match predefined_entity(body).or_else(|| char_reference(body)) {
                    Some(ch) => out.push(ch),
                    None => out.push_str(&rest[..(end + 1).min(rest.len())]),
                }
                rest = &rest[(end + 1).min(rest.len())..];
                continue;
            }
            '\r' => {
                out.push(if attribute { ' ' } else { '\n' });
                if rest.as_bytes().get(1) == Some(&b'\n') {
                    rest = &rest[1..];
                }
            }
            '\n' | '\t' if attribute => out.push(' '),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// Escapes text content: `&`, `<` and `>` (the last so `]]>` can never form),
/// and `\r`, which a parser would otherwise turn into `\n`.
pub fn escape_text(value: &str) -> Cow<'_, str> {
    escape(value, None)
}

/// Escapes an attribute value for the given quote character: `&`, `<`, `>`, the
/// quote, and tab / newline / carriage return (which attribute-value
/// normalization would turn into spaces).
pub fn escape_attribute(value: &str, quote: char) -> Cow<'_, str> {
    escape(value, Some(quote))
}

fn escape(value: &str, quote: Option<char>) -> Cow<'_, str> {
    let special = |c: char| match c {
        '&' | '<' | '>' | '\r' => true,
        '"' | '\'' => Some(c) == quote,
        '\n' | '\t' => quote.is_some(),
        _ => false,
    };
    if !value.chars().any(special) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 16);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if quote == Some('"') => out.push_str("&quot;"),
            '\'' if quote == Some('\'') => out.push_str("&apos;"),
            '\n' if quote.is_some() => out.push_str("&#10;"),
            '\t' if quote.is_some() => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_resolves_references_and_normalizes() {
        assert_eq!(unescape("a &amp; b &#x41;&#66; &lt;", false), "a & b AB <");
        assert_eq!(unescape("a\r\nb\rc", false), "a\nb\nc");
        assert_eq!(unescape("a\r\nb\tc&#10;", true), "a b c\n");
        assert!(matches!(unescape("plain", false), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_round_trips_through_unescape() {
        let value = "x < y & \"q\" 'a' ]]> \t\n\r";
        assert_eq!(unescape(&escape_text(value), false), value);
        for q in ['"', '\''] {
            assert_eq!(unescape(&escape_attribute(value, q), true), value);
        }
        assert_eq!(escape_text("a>b"), "a&gt;b");
    }
}
