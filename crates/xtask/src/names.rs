//! Rust identifiers from XML names and literals.

/// Splits a name into words at case changes, digits and punctuation:
/// `ExtendOSPartition` → `Extend OS Partition`, `IEWelcomeMsg` → `IE Welcome Msg`,
/// `SquareTile12` → `Square Tile12`.
pub fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let boundary = match prev {
            Some(p) if c.is_ascii_uppercase() => {
                p.is_ascii_lowercase()
                    || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
            }
            _ => false,
        };
        if boundary && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match",
    "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static", "struct",
    "super", "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// `ForceShutdownNow` → `force_shutdown_now`; keywords get a trailing `_`.
pub fn snake(name: &str) -> String {
    let s = words(name)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    let s = if s.is_empty() { "field".to_string() } else { s };
    let s = if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{s}")
    } else {
        s
    };
    if KEYWORDS.contains(&s.as_str()) {
        format!("{s}_")
    } else {
        s
    }
}

/// `ExtendOSPartition` → `ExtendOsPartition`; `OOBE` → `Oobe`; `1A` → `V1a`.
pub fn camel(name: &str) -> String {
    let s: String = words(name)
        .iter()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + &cs.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect();
    if s.is_empty() {
        "Empty".to_string()
    } else if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{s}")
    } else if s == "Self" {
        "SelfValue".to_string()
    } else {
        s
    }
}

/// The module and type names of a component: `Microsoft-Windows-Shell-Setup`
/// → (`shell_setup`, `ShellSetup`).
pub fn component_names(name: &str) -> (String, String) {
    let short = name.strip_prefix("Microsoft-Windows-").unwrap_or(name);
    (snake(short), camel(short))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert_eq!(snake("ForceShutdownNow"), "force_shutdown_now");
        assert_eq!(snake("ExtendOSPartition"), "extend_os_partition");
        assert_eq!(snake("IEWelcomeMsg"), "ie_welcome_msg");
        assert_eq!(snake("SquareTile12"), "square_tile12");
        assert_eq!(snake("Type"), "type_");
        assert_eq!(snake("OEMAppID"), "oem_app_id");
        assert_eq!(camel("OOBE"), "Oobe");
        assert_eq!(camel("1A"), "V1a");
        assert_eq!(camel("x86"), "X86");
        assert_eq!(camel("Windows Vista"), "WindowsVista");
        assert_eq!(camel(""), "Empty");
        assert_eq!(camel("FAT32"), "Fat32");
        assert_eq!(
            component_names("Microsoft-Windows-Shell-Setup"),
            ("shell_setup".into(), "ShellSetup".into())
        );
        assert_eq!(
            component_names("Networking-MPSSVC-Svc"),
            ("networking_mpssvc_svc".into(), "NetworkingMpssvcSvc".into())
        );
    }
}
