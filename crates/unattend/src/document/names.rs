//! XML name and character rules (XML 1.0 fifth edition, Namespaces in XML).

/// True for characters that may start an XML name.
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '_' | ':'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// True for characters allowed after the first one of an XML name.
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Position of `needle` in `hay`: a plain loop for short slices (names,
/// most values), where memchr's setup costs more than the search itself.
pub(crate) fn find_byte(needle: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() < 32 {
        hay.iter().position(|&b| b == needle)
    } else {
        memchr::memchr(needle, hay)
    }
}

const START: u8 = 1;
const NAME: u8 = 2;
const COLON: u8 = 3;

/// Classes of ASCII bytes in qualified names: 0 = not allowed, `START` =
/// may start one, `NAME` = may follow, `COLON` = the prefix separator.
static ASCII_NAME: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() || c == b'_' {
            START
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            NAME
        } else if c == b':' {
            COLON
        } else {
            0
        };
        b += 1;
    }
    t
};

/// True when `name` is an XML name.
pub(crate) fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// True when `name` is a qualified name: an XML name with at most one colon,
/// not at either end.
pub fn is_qname(name: &str) -> bool {
    // Answer-file names are ASCII: check those with a byte table, without
    // decoding (this runs on every element and attribute name).
    let bytes = name.as_bytes();
    if bytes.is_ascii() {
        let Some((&first, rest)) = bytes.split_first() else {
            return false;
        };
        let mut colons = 0;
        for &b in rest {
            let class = ASCII_NAME[usize::from(b)];
            if class == 0 {
                return false;
            }
            colons += usize::from(class == COLON);
        }
        return ASCII_NAME[usize::from(first)] == START
            && colons <= 1
            && bytes.last() != Some(&b':');
    }
    if !is_name(name) {
        return false;
    }
    match name.find(':') {
        None => true,
        Some(i) => i > 0 && i + 1 < name.len() && !name[i + 1..].contains(':'),
    }
}

/// True for characters XML 1.0 allows in a document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Offset of the first character that XML forbids anywhere in a document.
pub(crate) fn first_invalid_char(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    // A branch-free test per 64-byte block (the compiler vectorizes it) skips
    // the blocks with no control byte and no 0xEF (the lead byte of
    // U+FFFE/U+FFFF); only suspicious blocks are checked byte by byte.
    for (k, block) in bytes.chunks(64).enumerate() {
        let suspicious = block.iter().fold(false, |acc, &b| {
            acc | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0xEF)
        });
        if suspicious && let Some(found) = first_invalid_from(text, k * 64, k * 64 + block.len()) {
            return Some(found);
        }
    }
    None
}

/// The byte-by-byte check behind [`first_invalid_char`], for `text[from..to]`
/// (a three-byte sequence may run past `to`).
fn first_invalid_from(text: &str, from: usize, to: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate().take(to).skip(from) {
        if b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r' {
            return Some((i, b as char));
        }
        if b == 0xEF
            && bytes.get(i + 1) == Some(&0xBF)
            && matches!(bytes.get(i + 2), Some(0xBE | 0xBF))
        {
            let c = text[i..].chars().next().unwrap_or('\u{FFFF}');
            return Some((i, c));
        }
    }
    None
}

pub(crate) fn predefined_entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// Resolves the body of a character reference (`#65` or `#x41`).
pub(crate) fn char_reference(body: &str) -> Option<char> {
    let code = if let Some(hex) = body.strip_prefix("#x") {
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(hex, 16).ok()?
    } else {
        let dec = body.strip_prefix('#')?;
        if dec.is_empty() || !dec.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        dec.parse::<u32>().ok()?
    };
    char::from_u32(code).filter(|&c| is_xml_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_qname("wcm:action"));
        assert!(is_qname("Microsoft-Windows-Shell-Setup"));
        assert!(is_qname("_x.1"));
        assert!(!is_qname("wcm/Order"));
        assert!(!is_qname("1abc"));
        assert!(!is_qname(":a"));
        assert!(!is_qname("a:b:c"));
        assert!(!is_qname(""));
        // The ASCII fast path agrees with the general definition.
        let alphabet = ["a", "Z", "_", ":", "-", ".", "1", " ", "/", "é"];
        let mut names = vec![String::new()];
        for _ in 0..4 {
            names = names
                .iter()
                .flat_map(|n| alphabet.iter().map(move |c| format!("{n}{c}")))
                .collect();
            for n in &names {
                let general = is_name(n)
                    && match n.find(':') {
                        None => true,
                        Some(i) => i > 0 && i + 1 < n.len() && !n[i + 1..].contains(':'),
                    };
                assert_eq!(is_qname(n), general, "{n:?}");
            }
        }
    }

    #[test]
    fn references() {
        assert_eq!(char_reference("#65"), Some('A'));
        assert_eq!(char_reference("#x41"), Some('A'));
        assert_eq!(char_reference("#x0"), None);
        assert_eq!(char_reference("#xD800"), None);
        assert_eq!(char_reference("#"), None);
        assert_eq!(char_reference("#X41"), None);
        assert_eq!(predefined_entity("amp"), Some('&'));
        assert_eq!(predefined_entity("nbsp"), None);
    }

    #[test]
    fn invalid_chars() {
        assert_eq!(first_invalid_char("a\tb\r\n"), None);
        assert_eq!(first_invalid_char("ab\u{1}"), Some((2, '\u{1}')));
        assert_eq!(first_invalid_char("a\u{FFFE}"), Some((1, '\u{FFFE}')));
        assert_eq!(first_invalid_char("\u{FFFD}"), None);
        // Every position of an eight-byte word, and a U+FFFF split across words.
        for at in 0..20 {
            let mut t = "a".repeat(at);
            t.push('\u{B}');
            t.push_str("\r\n\tbcdefghijk");
            assert_eq!(first_invalid_char(&t), Some((at, '\u{B}')), "{at}");
            let t = format!("{}\u{FFFF}{}", "é".repeat(at), "x".repeat(9));
            assert_eq!(first_invalid_char(&t), Some((2 * at, '\u{FFFF}')), "{at}");
        }
        assert_eq!(first_invalid_char(&"\u{EFFF}\r\n\t".repeat(9)), None);
    }
}
