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
}
