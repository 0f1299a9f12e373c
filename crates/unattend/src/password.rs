//! Hidden passwords in answer files.
//!
//! Windows System Image Manager's *Hide Sensitive Data* writes a password as
//! `<Value>` = base64 of the UTF-16LE text *password followed by the name of
//! the element that holds it* (`Password` for accounts and auto logon,
//! `AdministratorPassword`, `OfflineAdministratorPassword`), together with
//! `<PlainText>false</PlainText>`.
//!
//! **This is obfuscation, not encryption.** Anyone who has the file can
//! decode the password with [`decode`]; hiding it only keeps it from being
//! read over someone's shoulder. Protect or delete answer files that hold
//! passwords.
//!
//! ```
//! use unattend::password;
//!
//! let value = password::encode("pw", "Password");
//! assert_eq!(value, "cAB3AFAAYQBzAHMAdwBvAHIAZAA=");
//! assert_eq!(password::decode(&value)?, "pwPassword");
//! # Ok::<(), password::PasswordError>(())
//! ```

/// Why a `<Value>` is not base64 of UTF-16LE text. Messages never quote the
/// value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PasswordError {
    /// A character outside the base64 alphabet (`A`–`Z`, `a`–`z`, `0`–`9`,
    /// `+`, `/`, trailing `=`), or padding in the middle.
    #[error("not base64: character {position} is not in the base64 alphabet")]
    InvalidCharacter {
        /// 1-based position of the character in the trimmed value.
        position: usize,
    },
    /// The number of base64 characters cannot encode whole bytes.
    #[error("not base64: its length is not valid for base64")]
    InvalidLength,
    /// The decoded bytes are an odd number, so they cannot be UTF-16 text.
    #[error("decodes to an odd number of bytes, so it is not UTF-16LE text")]
    OddLength,
    /// The decoded bytes are not valid UTF-16LE (an unpaired surrogate).
    #[error("decodes to bytes that are not valid UTF-16LE text")]
    InvalidUtf16,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The `<Value>` Windows expects for `password` held by the element
/// `element_name` (with `<PlainText>false</PlainText>`): base64 of
/// UTF-16LE(`password` + `element_name`), padded.
pub fn encode(password: &str, element_name: &str) -> String {
    let bytes: Vec<u8> = password
        .encode_utf16()
        .chain(element_name.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    base64_encode(&bytes)
}

/// Decodes a hidden `<Value>` to its text, *including* the element-name
/// suffix (`pwPassword`). Surrounding ASCII whitespace is ignored and the
/// `=` padding may be missing (Microsoft's own examples omit it).
pub fn decode(value: &str) -> Result<String, PasswordError> {
    let bytes = base64_decode(value.trim_matches(|c: char| c.is_ascii_whitespace()))?;
    if !bytes.len().is_multiple_of(2) {
        return Err(PasswordError::OddLength);
    }
    let units = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| PasswordError::InvalidUtf16)
}

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn base64_decode(text: &str) -> Result<Vec<u8>, PasswordError> {
    let raw = text.as_bytes();
    let data_len = raw.len() - raw.iter().rev().take_while(|&&c| c == b'=').count();
    let padding = raw.len() - data_len;
    let data = &raw[..data_len];
    if let Some(i) = data.iter().position(|&c| sextet(c).is_none()) {
        return Err(PasswordError::InvalidCharacter { position: i + 1 });
    }
    if padding > 2 || (padding > 0 && !raw.len().is_multiple_of(4)) || data.len() % 4 == 1 {
        return Err(PasswordError::InvalidLength);
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for v in data.iter().filter_map(|&c| sextet(c)) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn microsoft_examples_decode_with_and_without_padding() {
        // The reference's LocalAccount example (no padding, as published).
        assert_eq!(
            decode("cAB3AFAAYQBzAHMAdwBvAHIAZAA").as_deref(),
            Ok("pwPassword")
        );
        assert_eq!(
            decode("cABhAHMAcwB3AG8AcgBkAFAAYQBzAHMAdwBvAHIAZAA=").as_deref(),
            Ok("passwordPassword")
        );
        assert_eq!(
            decode("  cAB3AFAAYQBzAHMAdwBvAHIAZAA=\n").as_deref(),
            Ok("pwPassword")
        );
    }

    #[test]
    fn encode_matches_the_known_vector_and_round_trips() {
        assert_eq!(encode("pw", "Password"), "cAB3AFAAYQBzAHMAdwBvAHIAZAA=");
        assert_eq!(
            encode("password", "Password"),
            "cABhAHMAcwB3AG8AcgBkAFAAYQBzAHMAdwBvAHIAZAA="
        );
        for (pw, name) in [
            ("", "Password"),
            ("Pa$$w0rd!", "AdministratorPassword"),
            ("äöü € 😀", "OfflineAdministratorPassword"),
            ("x", ""),
            ("", ""),
        ] {
            let value = encode(pw, name);
            assert_eq!(decode(&value), Ok(format!("{pw}{name}")), "{pw:?}");
        }
        assert_eq!(encode("", ""), "");
    }

    #[test]
    fn base64_of_every_length_round_trips() {
        let data: Vec<u8> = (0u8..=255).collect();
        for n in 0..data.len() {
            let text = base64_encode(&data[..n]);
            assert_eq!(text.len() % 4, 0);
            assert_eq!(base64_decode(&text).unwrap(), &data[..n]);
            assert_eq!(
                base64_decode(text.trim_end_matches('=')).unwrap(),
                &data[..n]
            );
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        assert_eq!(base64_encode(b"M"), "TQ==");
    }

    #[test]
    fn errors() {
        assert_eq!(
            decode("pass word"),
            Err(PasswordError::InvalidCharacter { position: 5 })
        );
        assert_eq!(
            decode("ab=c"),
            Err(PasswordError::InvalidCharacter { position: 3 })
        );
        assert_eq!(decode("abcde"), Err(PasswordError::InvalidLength));
        assert_eq!(decode("abc==="), Err(PasswordError::InvalidLength));
        assert_eq!(decode("ab="), Err(PasswordError::InvalidLength));
        // "TWFu" is "Man": three bytes.
        assert_eq!(decode("TWFu"), Err(PasswordError::OddLength));
        // A lone high surrogate (0xD800) in UTF-16LE.
        assert_eq!(
            decode(&base64_encode(&[0x00, 0xD8])),
            Err(PasswordError::InvalidUtf16)
        );
        let message = decode("hunter2!").unwrap_err().to_string();
        assert!(!message.contains("hunter"), "{message}");
    }
}
