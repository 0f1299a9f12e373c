//! The sysprep command line: parsing, validation, rendering, and which
//! configuration passes a run will process.
//!
//! ```
//! use unattend::sysprep::SysprepCommand;
//! use unattend::model::Pass;
//!
//! let cmd: SysprepCommand = "sysprep.exe /generalize /oobe /shutdown /unattend:C:\\Unattend.xml".parse()?;
//! assert!(cmd.processes(Pass::Specialize) && !cmd.processes(Pass::WindowsPe));
//! assert_eq!(cmd.to_string(), r"%WINDIR%\System32\Sysprep\sysprep.exe /generalize /oobe /shutdown /unattend:C:\Unattend.xml");
//! # Ok::<(), unattend::sysprep::SysprepError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::model::Pass;

/// Where Windows goes after sysprep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// `/oobe`: the Windows Welcome screens (oobeSystem pass).
    Oobe,
    /// `/audit`: audit mode (auditSystem and auditUser passes).
    Audit,
}

/// What sysprep does when it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum After {
    /// `/reboot`
    Reboot,
    /// `/shutdown`
    Shutdown,
    /// `/quit`
    Quit,
}

/// A sysprep invocation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SysprepCommand {
    /// `/generalize`: remove machine-specific data (runs the generalize pass,
    /// and specialize at the next boot).
    pub generalize: bool,
    /// `/oobe` or `/audit`.
    pub phase: Option<Phase>,
    /// `/reboot`, `/shutdown` or `/quit`.
    pub after: Option<After>,
    /// `/quiet`: no confirmation dialogs.
    pub quiet: bool,
    /// `/mode:vm`: generalize a virtual hard disk for the same virtual hardware.
    pub vm_mode: bool,
    /// `/unattend:FILE`.
    pub unattend: Option<String>,
}

/// Why a sysprep command is invalid: what Microsoft's syntax excludes
/// (`[/oobe | /audit]`, `[/reboot | /shutdown | /quit]`), options sysprep
/// does not have, and repeats. Each names the lint rule that reports it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SysprepError {
    /// An option sysprep does not have.
    #[error(
        "unknown sysprep option {0:?} (options: /generalize /oobe /audit /reboot /shutdown /quit /quiet /mode:vm /unattend:FILE)"
    )]
    UnknownOption(String),
    /// An option given twice.
    #[error("{0} is given twice")]
    Repeated(String),
    /// `/unattend` without a file.
    #[error("/unattend needs a file: /unattend:C:\\Windows\\Panther\\Unattend.xml")]
    MissingUnattendFile,
    /// `/oobe` together with `/audit`.
    #[error("/oobe and /audit exclude each other: sysprep restarts into one or the other")]
    OobeAndAudit,
    /// More than one of `/reboot`, `/shutdown`, `/quit`.
    #[error("/reboot, /shutdown and /quit exclude each other")]
    SeveralAfter,
}

/// Something VM mode does not do as the command suggests (lint rule UA607).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VmModeNote {
    /// `/mode:vm` without `/generalize` and `/oobe`: Microsoft describes VM
    /// mode only as `/generalize /oobe /mode:vm`.
    WithoutGeneralizeOobe,
    /// `/unattend` with `/mode:vm`: it is not among the switches Microsoft
    /// lists as applying to VM mode; put the file where Windows looks for
    /// one by itself (`%WINDIR%\Panther\Unattend.xml`).
    Unattend,
}

impl fmt::Display for VmModeNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            VmModeNote::WithoutGeneralizeOobe => {
                "/mode:vm without /generalize and /oobe: Microsoft documents VM mode as sysprep /generalize /oobe /mode:vm"
            }
            VmModeNote::Unattend => {
                "/unattend with /mode:vm: Microsoft lists only /reboot, /shutdown and /quit as switches that apply to VM mode, so the answer file may not be used"
            }
        })
    }
}

impl SysprepError {
    /// The lint rule that reports this problem.
    pub fn rule(&self) -> &'static str {
        "UA608"
    }
}

/// Splits a command line into words, keeping quoted parts together.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

impl SysprepCommand {
    /// Parses options (case-insensitive, `/` or `-`), ignoring a leading
    /// `sysprep`/`sysprep.exe` path; checks only the syntax. See [`validate`](Self::validate).
    pub fn parse_options(s: &str) -> Result<SysprepCommand, SysprepError> {
        let mut cmd = SysprepCommand::default();
        let mut seen: Vec<String> = Vec::new();
        for (i, word) in words(s).into_iter().enumerate() {
            if i == 0
                && word
                    .to_ascii_lowercase()
                    .trim_end_matches(".exe")
                    .ends_with("sysprep")
            {
                continue;
            }
            let Some(opt) = word.strip_prefix('/').or_else(|| word.strip_prefix('-')) else {
                return Err(SysprepError::UnknownOption(word));
            };
            let (name, arg) = match opt.split_once(':') {
                Some((n, a)) => (n.to_ascii_lowercase(), Some(a.to_string())),
                None => (opt.to_ascii_lowercase(), None),
            };
            let key = format!("/{name}");
            if seen.contains(&key) {
                return Err(SysprepError::Repeated(key));
            }
            seen.push(key);
            match (name.as_str(), arg) {
                ("generalize", None) => cmd.generalize = true,
                ("oobe", None) => set_phase(&mut cmd, Phase::Oobe)?,
                ("audit", None) => set_phase(&mut cmd, Phase::Audit)?,
                ("reboot", None) => set_after(&mut cmd, After::Reboot)?,
                ("shutdown", None) => set_after(&mut cmd, After::Shutdown)?,
                ("quit", None) => set_after(&mut cmd, After::Quit)?,
                ("quiet", None) => cmd.quiet = true,
                ("mode", Some(m)) if m.eq_ignore_ascii_case("vm") => cmd.vm_mode = true,
                ("unattend", Some(f)) if !f.is_empty() => cmd.unattend = Some(f),
                ("unattend", _) => return Err(SysprepError::MissingUnattendFile),
                _ => return Err(SysprepError::UnknownOption(word)),
            }
        }
        Ok(cmd)
    }

    /// Checks the combination of options. Microsoft's syntax excludes
    /// `/oobe` with `/audit` and more than one of `/reboot`, `/shutdown`,
    /// `/quit`; parsing already refuses those, so a parsed command is valid.
    /// What VM mode ignores is advice, not an error: see
    /// [`vm_mode_notes`](Self::vm_mode_notes).
    pub fn validate(&self) -> Result<(), SysprepError> {
        Ok(())
    }

    /// Where the command departs from Microsoft's description of VM mode
    /// ("Sysprep /generalize /oobe /mode:vm"; "the only additional switches
    /// that apply to VM mode are /reboot, /shutdown, and /quit"). Empty
    /// without `/mode:vm`. `/quiet` only hides confirmation messages and is
    /// not reported (`/oobe /generalize /quiet /quit /mode:vm` is a common
    /// recipe).
    pub fn vm_mode_notes(&self) -> Vec<VmModeNote> {
        let mut notes = Vec::new();
        if !self.vm_mode {
            return notes;
        }
        if !self.generalize || self.phase != Some(Phase::Oobe) {
            notes.push(VmModeNote::WithoutGeneralizeOobe);
        }
        if self.unattend.is_some() {
            notes.push(VmModeNote::Unattend);
        }
        notes
    }

    /// True when this run processes `pass` (now, or at the next boot it sets up).
    pub fn processes(&self, pass: Pass) -> bool {
        match pass {
            Pass::WindowsPe | Pass::OfflineServicing => false,
            Pass::Generalize | Pass::Specialize => self.generalize,
            Pass::AuditSystem | Pass::AuditUser => self.phase == Some(Phase::Audit),
            Pass::OobeSystem => self.phase == Some(Phase::Oobe),
        }
    }

    /// The passes this run processes, in processing order.
    pub fn passes(&self) -> Vec<Pass> {
        Pass::ALL
            .into_iter()
            .filter(|p| self.processes(*p))
            .collect()
    }
}

fn set_phase(cmd: &mut SysprepCommand, p: Phase) -> Result<(), SysprepError> {
    if cmd.phase.is_some() {
        return Err(SysprepError::OobeAndAudit);
    }
    cmd.phase = Some(p);
    Ok(())
}

fn set_after(cmd: &mut SysprepCommand, a: After) -> Result<(), SysprepError> {
    if cmd.after.is_some() {
        return Err(SysprepError::SeveralAfter);
    }
    cmd.after = Some(a);
    Ok(())
}

impl FromStr for SysprepCommand {
    type Err = SysprepError;

    /// Parses and validates.
    fn from_str(s: &str) -> Result<SysprepCommand, SysprepError> {
        let cmd = SysprepCommand::parse_options(s)?;
        cmd.validate()?;
        Ok(cmd)
    }
}

impl fmt::Display for SysprepCommand {
    /// The command line, as typed on the machine being generalized.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r"%WINDIR%\System32\Sysprep\sysprep.exe")?;
        if self.generalize {
            f.write_str(" /generalize")?;
        }
        match self.phase {
            Some(Phase::Oobe) => f.write_str(" /oobe")?,
            Some(Phase::Audit) => f.write_str(" /audit")?,
            None => {}
        }
        if self.vm_mode {
            f.write_str(" /mode:vm")?;
        }
        match self.after {
            Some(After::Reboot) => f.write_str(" /reboot")?,
            Some(After::Shutdown) => f.write_str(" /shutdown")?,
            Some(After::Quit) => f.write_str(" /quit")?,
            None => {}
        }
        if self.quiet {
            f.write_str(" /quiet")?;
        }
        if let Some(file) = &self.unattend {
            if file.contains(' ') {
                write!(f, " \"/unattend:{file}\"")?;
            } else {
                write!(f, " /unattend:{file}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_case_insensitively_with_slash_or_dash() {
        let cmd: SysprepCommand = "C:\\Windows\\System32\\Sysprep\\Sysprep.exe -Generalize /OOBE /Shutdown /Unattend:\"C:\\My Files\\u.xml\"".parse().unwrap();
        assert!(
            cmd.generalize && cmd.phase == Some(Phase::Oobe) && cmd.after == Some(After::Shutdown)
        );
        assert_eq!(cmd.unattend.as_deref(), Some("C:\\My Files\\u.xml"));
        assert_eq!(
            cmd.to_string(),
            "%WINDIR%\\System32\\Sysprep\\sysprep.exe /generalize /oobe /shutdown \"/unattend:C:\\My Files\\u.xml\""
        );
        // Rendering parses back to the same command.
        assert_eq!(cmd.to_string().parse::<SysprepCommand>().unwrap(), cmd);
    }

    #[test]
    fn invalid_combinations_name_their_rule() {
        let err = |s: &str| s.parse::<SysprepCommand>().unwrap_err();
        assert_eq!(err("/oobe /audit"), SysprepError::OobeAndAudit);
        assert_eq!(err("/reboot /shutdown"), SysprepError::SeveralAfter);
        assert_eq!(err("/oobe /oobe"), SysprepError::Repeated("/oobe".into()));
        assert_eq!(
            err("/generalize /reseal"),
            SysprepError::UnknownOption("/reseal".into())
        );
        assert_eq!(err("/unattend:"), SysprepError::MissingUnattendFile);
        assert_eq!(err("/oobe /audit").rule(), "UA608");
        // The documented exclusions stay errors, with /mode:vm too.
        assert_eq!(
            err("/generalize /oobe /mode:vm /reboot /shutdown"),
            SysprepError::SeveralAfter
        );
    }

    #[test]
    fn vm_mode_follows_the_docs() {
        let notes = |s: &str| s.parse::<SysprepCommand>().unwrap().vm_mode_notes();
        // Azure's and Packer's recipe: /quiet and /quit are fine.
        assert_eq!(notes("/oobe /generalize /quiet /quit /mode:vm"), []);
        assert_eq!(notes("/generalize /oobe /mode:vm /reboot"), []);
        assert_eq!(notes("/generalize /oobe /shutdown"), []);
        assert_eq!(
            notes("/generalize /mode:vm /shutdown"),
            [VmModeNote::WithoutGeneralizeOobe]
        );
        assert_eq!(
            notes("/generalize /oobe /mode:vm /unattend:u.xml"),
            [VmModeNote::Unattend]
        );
    }

    #[test]
    fn passes_each_run_processes() {
        let p = |s: &str| s.parse::<SysprepCommand>().unwrap().passes();
        assert_eq!(
            p("/generalize /oobe /shutdown"),
            [Pass::Generalize, Pass::Specialize, Pass::OobeSystem]
        );
        assert_eq!(p("/audit /reboot"), [Pass::AuditSystem, Pass::AuditUser]);
        assert_eq!(
            p("/generalize /audit"),
            [
                Pass::Generalize,
                Pass::Specialize,
                Pass::AuditSystem,
                Pass::AuditUser
            ]
        );
    }
}
