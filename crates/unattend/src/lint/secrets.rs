//! Values that must never appear in a message: passwords, product keys,
//! join credentials.

use crate::document::ElementRef;

/// True when the element holds a secret (or is a container whose text
/// would be one).
pub(crate) fn is_secret(el: ElementRef<'_>) -> bool {
    let name = el.local_name();
    let parent = el.parent().map(|p| p.local_name()).unwrap_or_default();
    if name == "PlainText" {
        return false;
    }
    name.contains("Password")
        || parent.contains("Password")
        || name == "ProductKey"
        || (name == "Key" && parent == "ProductKey")
        || name == "AccountData"
}

/// The value quoted for a message, or a placeholder for secrets.
pub(crate) fn shown(el: ElementRef<'_>, value: &str) -> String {
    if is_secret(el) {
        "(value hidden)".to_string()
    } else if value.chars().count() > 60 {
        let cut: String = value.chars().take(57).collect();
        format!("\"{cut}…\"")
    } else {
        format!("{value:?}")
    }
}

fn mask(text: &mut [u8], range: std::ops::Range<usize>) {
    for b in &mut text[range] {
        // Every byte of a UTF-8 character becomes one ASCII star: the text
        // stays valid UTF-8 and every offset stays where it was.
        *b = b'*';
    }
}

/// The document's text with the values of secret elements masked.
pub(crate) fn masked(doc: &crate::document::Document) -> String {
    let mut bytes = doc.text().as_bytes().to_vec();
    for el in doc
        .elements()
        .filter(|e| is_secret(*e) && !e.has_child_elements())
    {
        if let Some(span) = el.content_span() {
            mask(&mut bytes, span.range());
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// Element names whose text is masked in files that did not parse (no tree
/// to tell a password's `Value` from another `Value`: mask them all).
const RAW_SECRET_TAGS: &[&str] = &[
    "Password",
    "AdministratorPassword",
    "OfflineAdministratorPassword",
    "ProductKey",
    "Key",
    "Value",
    "AccountData",
    "MachinePassword",
];

/// Best-effort masking for text that is not well-formed XML.
pub(crate) fn masked_raw(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut i = 0;
    while let Some(off) = text[i..].find('<') {
        let start = i + off + 1;
        let name_end = text[start..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .map_or(text.len(), |n| start + n);
        let name = &text[start..name_end];
        let local = name.rsplit(':').next().unwrap_or(name);
        if RAW_SECRET_TAGS.contains(&local)
            && let Some(gt) = text[name_end..].find('>')
        {
            let content = name_end + gt + 1;
            let end = text[content..]
                .find('<')
                .map_or(text.len(), |n| content + n);
            mask(&mut bytes, content..end);
            i = end;
            continue;
        }
        i = start;
    }
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::document::Document;

    #[test]
    fn secrets_are_recognised() {
        let doc = Document::parse_str(
            "<c><Password><Value>x</Value><PlainText>true</PlainText></Password><ProductKey><Key>k</Key></ProductKey><AdministratorPassword/><Credentials><Password>p</Password><Username>u</Username></Credentials><ComputerName>n</ComputerName></c>",
        )
        .unwrap();
        let secret: Vec<&str> = doc
            .elements()
            .filter(|e| super::is_secret(*e))
            .map(|e| e.local_name())
            .collect();
        assert_eq!(
            secret,
            [
                "Password",
                "Value",
                "ProductKey",
                "Key",
                "AdministratorPassword",
                "Password"
            ]
        );
        let value = doc.elements().find(|e| e.local_name() == "Value").unwrap();
        assert_eq!(super::shown(value, "hunter2"), "(value hidden)");
    }

    #[test]
    fn masking_keeps_offsets_and_hides_only_secrets() {
        let text = "<c><Password><Value>pä$$</Value><PlainText>false</PlainText></Password><ComputerName>PC</ComputerName></c>";
        let doc = Document::parse_str(text).unwrap();
        let masked = super::masked(&doc);
        assert_eq!(masked.len(), text.len());
        assert!(
            masked.contains("<Value>*****</Value>")
                && masked.contains("<PlainText>false<")
                && masked.contains(">PC<"),
            "{masked}"
        );
        let raw =
            super::masked_raw("<Value>a & b</Value><ProductKey>K1-K2</ProductKey><X>keep</X>");
        assert_eq!(
            raw,
            "<Value>*****</Value><ProductKey>*****</ProductKey><X>keep</X>"
        );
    }
}
