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

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// Why a `<Value>` does not hold a hidden password. Messages never quote
/// the value or the decoded text.
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
    /// The decoded text does not end with the element name it was hidden
    /// for, so the password cannot be told apart from the suffix.
    #[error("{}", missing_suffix(element.as_deref()))]
    MissingSuffix {
        /// The element asked for; `None` when none was given and the text
        /// ends with no name Windows hides passwords in.
        element: Option<String>,
    },
    /// There is no password to hide.
    #[error("the password is empty; Windows SIM does not hide an empty password")]
    Empty,
}

fn missing_suffix(element: Option<&str>) -> String {
    match element {
        Some(e) => format!(
            "the decoded text does not end with {e:?}: it was hidden for another element, or Windows will not accept it"
        ),
        None => format!(
            "the decoded text ends with none of {}: it was not hidden by Windows SIM's rules, so the password cannot be told apart from its suffix",
            HIDEABLE_ELEMENTS.join(", ")
        ),
    }
}

/// The elements whose `Value` Windows reads hidden (they have a
/// `PlainText` sibling in the catalog), longest name first so that a
/// suffix match picks the most specific one.
pub const HIDEABLE_ELEMENTS: &[&str] = &[
    "OfflineAdministratorPassword",
    "AdministratorPassword",
    "Password",
];

/// Standard alphabet; padding written, optional when read (Microsoft's own
/// examples omit it); stray low bits of the last character ignored as a
/// lenient decoder does.
const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// The `<Value>` Windows expects for `password` held by the element
/// `element_name` (with `<PlainText>false</PlainText>`): base64 of
/// UTF-16LE(`password` + `element_name`), padded.
pub fn encode(password: &str, element_name: &str) -> String {
    let bytes: Vec<u8> = password
        .encode_utf16()
        .chain(element_name.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    ENGINE.encode(bytes)
}

/// [`encode`], refusing an empty password (a hidden empty password is
/// only the element name, which nobody means to write).
pub fn hide(password: &str, element_name: &str) -> Result<String, PasswordError> {
    if password.is_empty() {
        return Err(PasswordError::Empty);
    }
    Ok(encode(password, element_name))
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

/// A password recovered from a hidden value by [`reveal`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revealed {
    /// The password, without the element-name suffix.
    pub password: String,
    /// The element name that was stripped.
    pub element: String,
}

/// The password hidden in `value`: decoded, with the element name stripped.
/// With `element` given, the text must end with exactly that name; without,
/// it must end with one of [`HIDEABLE_ELEMENTS`] (the longest that fits).
/// Anything else is an error rather than a guess: a wrong password is worse
/// than none.
///
/// ```
/// use unattend::password::{encode, reveal};
///
/// let value = encode("pw", "AdministratorPassword");
/// let r = reveal(&value, None)?;
/// assert_eq!((r.password.as_str(), r.element.as_str()), ("pw", "AdministratorPassword"));
/// assert!(reveal(&value, Some("Password")).is_ok_and(|r| r.password == "pwAdministrator"));
/// assert!(reveal(&encode("pw", ""), None).is_err());
/// # Ok::<(), unattend::password::PasswordError>(())
/// ```
pub fn reveal(value: &str, element: Option<&str>) -> Result<Revealed, PasswordError> {
    let text = decode(value)?;
    let suffix = match element {
        Some(e) => text.ends_with(e).then_some(e),
        None => HIDEABLE_ELEMENTS
            .iter()
            .copied()
            .find(|s| text.ends_with(s)),
    };
    match suffix {
        Some(s) => Ok(Revealed {
            password: text[..text.len() - s.len()].to_string(),
            element: s.to_string(),
        }),
        None => Err(PasswordError::MissingSuffix {
            element: element.map(str::to_string),
        }),
    }
}

fn base64_decode(text: &str) -> Result<Vec<u8>, PasswordError> {
    use base64::DecodeError;
    ENGINE.decode(text).map_err(|e| match e {
        DecodeError::InvalidByte(at, _) => PasswordError::InvalidCharacter { position: at + 1 },
        DecodeError::InvalidLastSymbol { offset, .. } => PasswordError::InvalidCharacter {
            position: offset + 1,
        },
        DecodeError::InvalidLength(_) | DecodeError::InvalidPadding => PasswordError::InvalidLength,
    })
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
            let text = ENGINE.encode(&data[..n]);
            assert_eq!(text.len() % 4, 0);
            assert_eq!(base64_decode(&text).unwrap(), &data[..n]);
            assert_eq!(
                base64_decode(text.trim_end_matches('=')).unwrap(),
                &data[..n]
            );
        }
        assert_eq!(ENGINE.encode(b"Man"), "TWFu");
        assert_eq!(ENGINE.encode(b"Ma"), "TWE=");
        assert_eq!(ENGINE.encode(b"M"), "TQ==");
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
        // Too much padding: the first `=` that cannot be padding is to blame.
        assert_eq!(
            decode("abc==="),
            Err(PasswordError::InvalidCharacter { position: 4 })
        );
        assert!(decode("ab=").is_err());
        // "TWFu" is "Man": three bytes.
        assert_eq!(decode("TWFu"), Err(PasswordError::OddLength));
        // A lone high surrogate (0xD800) in UTF-16LE.
        assert_eq!(
            decode(&ENGINE.encode([0x00, 0xD8])),
            Err(PasswordError::InvalidUtf16)
        );
        let message = decode("hunter2!").unwrap_err().to_string();
        assert!(!message.contains("hunter"), "{message}");
    }

    #[test]
    fn reveal_strips_the_suffix_it_recognises_or_refuses() {
        for element in HIDEABLE_ELEMENTS {
            let r = reveal(&encode("Pa$$ w0rd", element), None).unwrap();
            assert_eq!(
                (r.password.as_str(), r.element.as_str()),
                ("Pa$$ w0rd", *element)
            );
            let given = reveal(&encode("Pa$$ w0rd", element), Some(element)).unwrap();
            assert_eq!(given.password, "Pa$$ w0rd");
        }
        // Microsoft's example value, without padding.
        assert_eq!(
            reveal("cAB3AFAAYQBzAHMAdwBvAHIAZAA", None)
                .unwrap()
                .password,
            "pw"
        );
        // No known suffix: refused, never a guess.
        let err = reveal(&encode("hunter2", ""), None).unwrap_err();
        assert_eq!(err, PasswordError::MissingSuffix { element: None });
        assert!(!err.to_string().contains("hunter"), "{err}");
        // The wrong element named: refused.
        let err = reveal(
            &encode("hunter2", "Password"),
            Some("AdministratorPassword"),
        );
        assert_eq!(
            err,
            Err(PasswordError::MissingSuffix {
                element: Some("AdministratorPassword".into())
            })
        );
        // An empty password hidden for an element reveals as empty.
        assert_eq!(reveal(&encode("", "Password"), None).unwrap().password, "");
        assert_eq!(hide("", "Password"), Err(PasswordError::Empty));
        assert_eq!(
            hide("pw", "Password").as_deref(),
            Ok("cAB3AFAAYQBzAHMAdwBvAHIAZAA=")
        );
    }
}
