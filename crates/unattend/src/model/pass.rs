//! Configuration passes and processor architectures.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A configuration pass, in the order Windows processes them.
///
/// The derived `Ord` is processing order: `windowsPE < offlineServicing <
/// generalize < specialize < auditSystem < auditUser < oobeSystem`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Pass {
    /// Windows Setup from media: disks, image selection, product key, setup language.
    #[serde(rename = "windowsPE")]
    WindowsPe,
    /// Applies packages, drivers and updates to the offline image.
    #[serde(rename = "offlineServicing")]
    OfflineServicing,
    /// Runs during `sysprep /generalize`: removes machine-specific data.
    #[serde(rename = "generalize")]
    Generalize,
    /// Runs at the first boot after setup or generalize: machine-specific settings.
    #[serde(rename = "specialize")]
    Specialize,
    /// Runs in audit mode before a user logs on.
    #[serde(rename = "auditSystem")]
    AuditSystem,
    /// Runs in audit mode after the built-in administrator logs on.
    #[serde(rename = "auditUser")]
    AuditUser,
    /// Runs before the Windows Welcome (OOBE) screens.
    #[serde(rename = "oobeSystem")]
    OobeSystem,
}

impl Pass {
    /// All passes in processing order.
    pub const ALL: [Pass; 7] = [
        Pass::WindowsPe,
        Pass::OfflineServicing,
        Pass::Generalize,
        Pass::Specialize,
        Pass::AuditSystem,
        Pass::AuditUser,
        Pass::OobeSystem,
    ];

    /// The exact name used in `<settings pass="…">`.
    pub fn as_str(self) -> &'static str {
        match self {
            Pass::WindowsPe => "windowsPE",
            Pass::OfflineServicing => "offlineServicing",
            Pass::Generalize => "generalize",
            Pass::Specialize => "specialize",
            Pass::AuditSystem => "auditSystem",
            Pass::AuditUser => "auditUser",
            Pass::OobeSystem => "oobeSystem",
        }
    }

    /// Looks a pass up ignoring ASCII case (for "did you mean" messages; Windows
    /// itself wants the exact casing).
    pub fn from_str_ignore_case(name: &str) -> Option<Pass> {
        Pass::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Pass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name is not one of the seven passes (exact casing).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown configuration pass {0:?}")]
pub struct UnknownPass(pub String);

impl FromStr for Pass {
    type Err = UnknownPass;

    fn from_str(s: &str) -> Result<Pass, UnknownPass> {
        Pass::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| UnknownPass(s.to_string()))
    }
}

/// A component's `processorArchitecture`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Arch {
    /// 32-bit x86.
    X86,
    /// 64-bit x86.
    Amd64,
    /// 64-bit ARM.
    Arm64,
    /// 32-bit components on 64-bit Windows.
    Wow64,
    /// Itanium (historic).
    Ia64,
}

impl Arch {
    /// All architectures.
    pub const ALL: [Arch; 5] = [Arch::X86, Arch::Amd64, Arch::Arm64, Arch::Wow64, Arch::Ia64];

    /// The exact attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Arch::X86 => "x86",
            Arch::Amd64 => "amd64",
            Arch::Arm64 => "arm64",
            Arch::Wow64 => "wow64",
            Arch::Ia64 => "ia64",
        }
    }
}

impl fmt::Display for Arch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The value is not one of the five architectures (exact casing).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown processor architecture {0:?}")]
pub struct UnknownArch(pub String);

impl FromStr for Arch {
    type Err = UnknownArch;

    fn from_str(s: &str) -> Result<Arch, UnknownArch> {
        Arch::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| UnknownArch(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_are_in_processing_order_with_exact_names() {
        let mut sorted = Pass::ALL;
        sorted.sort();
        assert_eq!(sorted, Pass::ALL);
        assert_eq!(
            Pass::ALL.map(Pass::as_str).join(","),
            "windowsPE,offlineServicing,generalize,specialize,auditSystem,auditUser,oobeSystem"
        );
        assert_eq!("oobeSystem".parse::<Pass>(), Ok(Pass::OobeSystem));
        assert!("OobeSystem".parse::<Pass>().is_err());
        assert_eq!(
            Pass::from_str_ignore_case("OOBESYSTEM"),
            Some(Pass::OobeSystem)
        );
        assert_eq!(
            serde_json::to_string(&Pass::WindowsPe).unwrap(),
            "\"windowsPE\""
        );
    }

    #[test]
    fn architectures_parse_exactly() {
        for a in Arch::ALL {
            assert_eq!(a.as_str().parse::<Arch>(), Ok(a));
            assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{a}\""));
        }
        assert!("AMD64".parse::<Arch>().is_err());
    }
}
