//! `unattend.toml`: which rules run, how severe they are, and what the
//! files target. Discovered upward from each linted file.
//!
//! ```toml
//! select = ["ALL"]                 # codes, code prefixes (UA2), names or ALL
//! ignore = ["UA305"]
//! profile = "sysprep"              # or "setup" (Autounattend.xml on media)
//! target-arch = "amd64"
//! target-windows = "11"
//! template = "auto"                # auto, none, packer, jinja, at, percent
//!
//! [severity]
//! deprecated-setting = "error"
//!
//! [per-file-ignores]
//! "legacy/**/*.xml" = ["UA108", "UA202"]
//! ```

use std::collections::BTreeMap;
use std::path::Path;
#[cfg(feature = "config")]
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::diagnostic::Severity;
use super::registry::{RuleMeta, rules, select};
use super::template::TemplateSyntax;
#[cfg(feature = "config")]
use crate::document::{LineCol, LineIndex};
use crate::model::Arch;

#[cfg(feature = "config")]
#[cfg_attr(docsrs, doc(cfg(feature = "config")))]
/// The configuration file's name.
pub const CONFIG_FILE_NAME: &str = "unattend.toml";

/// Where an answer file is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Read by Windows Setup from installation media (Autounattend.xml): every pass can run.
    Setup,
    /// Given to `sysprep /unattend:` for an installed image: windowsPE and
    /// offlineServicing are never processed.
    Sysprep,
}

/// The contents of `unattend.toml`, as plain data: build one in code
/// (`Config::default()`, then set fields) or read one with
/// [`Config::from_toml`] (feature `config`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub struct Config {
    /// Rules to run: codes (`UA201`), code prefixes (`UA2`), names
    /// (`setting-not-valid-in-pass`) or `ALL`. Default: all rules.
    #[serde(default)]
    pub select: Option<Vec<String>>,
    /// Rules not to run (same selectors as `select`).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity overrides: selector → `error`, `warning` or `info`.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Rules to skip in files matching a glob (relative to this file's folder).
    #[cfg(feature = "config")]
    #[cfg_attr(docsrs, doc(cfg(feature = "config")))]
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// The architecture the files are written for (mixed-architecture checks).
    #[serde(default)]
    pub target_arch: Option<Arch>,
    /// The Windows release the files are written for, e.g. `10`, `11`,
    /// `10.1709` (settings introduced later, or removed earlier, are flagged).
    #[serde(default)]
    pub target_windows: Option<String>,
    /// How the files are used: `setup` (media) or `sysprep` (`/unattend:`).
    #[serde(default)]
    pub profile: Option<Profile>,
    /// Template syntax placeholders may use. Default: `auto`.
    #[serde(default)]
    pub template: TemplateSyntax,
    /// The sysprep command the files are given to, e.g.
    /// `/generalize /oobe /shutdown` (implies `profile = "sysprep"`): settings
    /// in passes that run never processes are reported.
    #[serde(default)]
    pub sysprep: Option<String>,
}

/// Where each `select` and `ignore` entry is in the file: read next to
/// [`Config`] so its public fields stay plain strings.
#[cfg(feature = "config")]
#[derive(Deserialize)]
struct SelectorSpans {
    #[serde(default)]
    select: Option<Vec<toml::Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<toml::Spanned<String>>,
}

/// A configuration problem, with file and position.
#[cfg(feature = "config")]
#[cfg_attr(docsrs, doc(cfg(feature = "config")))]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{position}: {message}", path.display())]
pub struct ConfigError {
    /// The configuration file.
    pub path: PathBuf,
    /// Where in it.
    pub position: LineCol,
    /// What is wrong.
    pub message: String,
}

/// A loaded configuration and the folder its globs are relative to.
#[cfg(feature = "config")]
#[cfg_attr(docsrs, doc(cfg(feature = "config")))]
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// The `unattend.toml` it came from.
    pub path: PathBuf,
    /// The parsed configuration.
    pub config: Config,
}

#[cfg(feature = "config")]
impl ConfigFile {
    /// The rule set in force for `file`: per-file ignores match its path
    /// relative to this configuration's folder (none when it lies outside).
    pub fn resolve_for(&self, file: &Path) -> ResolvedConfig {
        let base = self.path.parent().unwrap_or(Path::new(""));
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        self.config.resolve(absolute.strip_prefix(base).ok())
    }
}

impl Config {
    /// Parses `unattend.toml` text; `path` is used in error messages.
    #[cfg(feature = "config")]
    #[cfg_attr(docsrs, doc(cfg(feature = "config")))]
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let lines = LineIndex::new(text);
        let error = |offset: usize, message: String| ConfigError {
            path: path.to_path_buf(),
            position: lines.line_col(text, offset),
            message,
        };
        let config: Config = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            error(offset, e.message().trim().to_string())
        })?;
        let unknown = |s: &String| select(s).is_empty();
        if let Some(bad) = config
            .select
            .iter()
            .flatten()
            .chain(&config.ignore)
            .find(|s| unknown(s))
        {
            // Only now read the text again, for the selector's position.
            let spans: Option<SelectorSpans> = toml::from_str(text).ok();
            let offset = spans
                .iter()
                .flat_map(|sp| sp.select.iter().flatten().chain(&sp.ignore))
                .find(|s| s.get_ref() == bad)
                .map_or(0, |s| s.span().start);
            return Err(error(offset, unknown_rule(bad)));
        }
        for key in config
            .severity
            .keys()
            .chain(config.per_file_ignores.values().flatten())
        {
            if select(key).is_empty() {
                let offset = text.find(key.as_str()).unwrap_or(0);
                return Err(error(offset, unknown_rule(key)));
            }
        }
        for glob in config.per_file_ignores.keys() {
            if let Err(e) = globset::Glob::new(glob) {
                let offset = text.find(glob.as_str()).unwrap_or(0);
                return Err(error(offset, format!("invalid glob {glob:?}: {e}")));
            }
        }
        Ok(config)
    }

    /// Reads the `unattend.toml` nearest to `file` (its folder, then each
    /// parent); `None` when there is none.
    #[cfg(feature = "config")]
    #[cfg_attr(docsrs, doc(cfg(feature = "config")))]
    pub fn discover(file: &Path) -> Result<Option<ConfigFile>, ConfigError> {
        let start = if file.is_dir() {
            Some(file)
        } else {
            file.parent()
        };
        let absolute = start.map(|s| {
            if s.as_os_str().is_empty() {
                std::env::current_dir().unwrap_or_default()
            } else {
                std::path::absolute(s).unwrap_or_else(|_| s.to_path_buf())
            }
        });
        for dir in absolute.iter().flat_map(|d| d.ancestors()) {
            let candidate = dir.join(CONFIG_FILE_NAME);
            if candidate.is_file() {
                let text = std::fs::read_to_string(&candidate).map_err(|e| ConfigError {
                    path: candidate.clone(),
                    position: LineCol { line: 1, column: 1 },
                    message: e.to_string(),
                })?;
                let config = Config::from_toml(&text, &candidate)?;
                return Ok(Some(ConfigFile {
                    path: candidate,
                    config,
                }));
            }
        }
        Ok(None)
    }

    /// The rule set and facts in force for one file. `relative_path` is the
    /// file's path relative to the configuration's folder (for per-file ignores).
    pub fn resolve(&self, relative_path: Option<&Path>) -> ResolvedConfig {
        let all: Vec<&'static RuleMeta> = rules().collect();
        let mut enabled: Vec<bool> = match &self.select {
            None => vec![true; all.len()],
            Some(sel) => {
                let chosen: Vec<&RuleMeta> = sel.iter().flat_map(|s| select(s)).collect();
                all.iter().map(|r| chosen.contains(r)).collect()
            }
        };
        let mut off = |selector: &str| {
            for r in select(selector) {
                if let Some(i) = all.iter().position(|x| *x == r) {
                    enabled[i] = false;
                }
            }
        };
        for s in &self.ignore {
            off(s);
        }
        #[cfg(not(feature = "config"))]
        let _ = relative_path; // Per-file ignores are read from unattend.toml only.
        #[cfg(feature = "config")]
        if let Some(path) = relative_path {
            for (glob, selectors) in &self.per_file_ignores {
                let matches = globset::Glob::new(glob)
                    .map(|g| g.compile_matcher().is_match(path))
                    .unwrap_or(false);
                if matches {
                    for s in selectors {
                        off(s);
                    }
                }
            }
        }
        let severities = all
            .iter()
            .zip(&enabled)
            .map(|(r, on)| {
                on.then(|| {
                    // Later, more specific selectors win: prefixes first, then codes/names.
                    let mut sev = r.severity;
                    let mut keys: Vec<(&String, &Severity)> = self.severity.iter().collect();
                    keys.sort_by_key(|(k, _)| k.len());
                    for (k, s) in keys {
                        if select(k).contains(r) {
                            sev = *s;
                        }
                    }
                    sev
                })
            })
            .collect();
        let sysprep = self
            .sysprep
            .as_deref()
            .map(crate::sysprep::SysprepCommand::parse_options);
        ResolvedConfig {
            severities,
            target_arch: self.target_arch,
            target_windows: self.target_windows.clone(),
            profile: if sysprep.is_some() {
                Some(Profile::Sysprep)
            } else {
                self.profile
            },
            template: self.template,
            sysprep: sysprep.map(|r| r.and_then(|c| c.validate().map(|()| c))),
        }
    }
}

/// The JSON Schema of `unattend.toml`, as checked in at
/// `schemas/unattend-config.schema.json`.
#[cfg(all(feature = "config", feature = "schemars"))]
#[cfg_attr(docsrs, doc(cfg(all(feature = "config", feature = "schemars"))))]
pub fn config_schema() -> String {
    let mut schema = schemars::schema_for!(Config);
    schema.insert("title".into(), "unattend.toml".into());
    schema.insert(
        "description".into(),
        "Configuration of `unattend lint`, discovered upward from each linted file.".into(),
    );
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

#[cfg(feature = "config")]
fn unknown_rule(name: &str) -> String {
    format!("unknown rule {name:?} (use a code like UA201, a prefix like UA2, a rule name, or ALL)")
}

/// The configuration in force for one file.
#[derive(Debug, Clone)]
pub struct ResolvedConfig {
    /// Per rule (in registry order): `None` when disabled, else its severity.
    pub(crate) severities: Vec<Option<Severity>>,
    /// The target architecture.
    pub target_arch: Option<Arch>,
    /// The target Windows release.
    pub target_windows: Option<String>,
    /// How the file is used.
    pub profile: Option<Profile>,
    /// Template syntax.
    pub template: TemplateSyntax,
    /// The sysprep command the file is given to, when configured; an error
    /// message when the command itself is invalid (reported by UA607/UA608).
    pub sysprep: Option<Result<crate::sysprep::SysprepCommand, crate::sysprep::SysprepError>>,
}

impl Default for ResolvedConfig {
    fn default() -> Self {
        Config::default().resolve(None)
    }
}

impl ResolvedConfig {
    /// Uses `command` as the sysprep command (the CLI's `--sysprep`).
    pub fn with_sysprep(mut self, command: &str) -> ResolvedConfig {
        let parsed = crate::sysprep::SysprepCommand::parse_options(command)
            .and_then(|c| c.validate().map(|()| c));
        self.sysprep = Some(parsed);
        self.profile = Some(Profile::Sysprep);
        self
    }

    /// The valid sysprep command, when one is configured.
    pub fn sysprep_command(&self) -> Option<&crate::sysprep::SysprepCommand> {
        self.sysprep.as_ref().and_then(|r| r.as_ref().ok())
    }

    /// The severity of a rule, `None` when it is disabled.
    pub fn severity_of(&self, code: &str) -> Option<Severity> {
        rules()
            .position(|r| r.code == code)
            .and_then(|i| self.severities.get(i).copied().flatten())
    }
}

#[cfg(test)]
#[cfg(feature = "config")]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text, Path::new("unattend.toml"))
    }

    #[test]
    fn defaults_enable_every_rule_at_its_default_severity() {
        let r = ResolvedConfig::default();
        for rule in rules() {
            assert_eq!(r.severity_of(rule.code), Some(rule.severity));
        }
    }

    #[test]
    fn resolve_for_matches_per_file_ignores_relative_to_the_config_folder() {
        let dir = std::env::temp_dir().join("unattend-resolve-for");
        let cf = ConfigFile {
            path: dir.join(CONFIG_FILE_NAME),
            config: parse("[per-file-ignores]\n\"legacy/*.xml\" = [\"UA203\"]\n").unwrap(),
        };
        let inside = cf.resolve_for(&dir.join("legacy").join("a.xml"));
        assert_eq!(inside.severity_of("UA203"), None);
        let elsewhere = cf.resolve_for(&dir.join("new").join("a.xml"));
        assert!(elsewhere.severity_of("UA203").is_some());
        // Outside the folder no per-file pattern applies.
        let outside = cf.resolve_for(&std::env::temp_dir().join("legacy").join("a.xml"));
        assert!(outside.severity_of("UA203").is_some());
    }

    #[test]
    fn select_ignore_severity_and_per_file_ignores() {
        let c = parse(
            "select = [\"UA2\", \"root-element\"]\nignore = [\"UA201\"]\n[severity]\nUA2 = \"info\"\nunknown-setting = \"error\"\n[per-file-ignores]\n\"legacy/*.xml\" = [\"UA203\"]\n",
        )
        .unwrap();
        let r = c.resolve(Some(Path::new("legacy/a.xml")));
        assert_eq!(r.severity_of("UA201"), None);
        assert_eq!(r.severity_of("UA203"), None);
        assert_eq!(r.severity_of("UA005"), Some(Severity::Error));
        assert_eq!(r.severity_of("UA204"), Some(Severity::Info));
        assert_eq!(
            r.severity_of("UA202"),
            Some(Severity::Error),
            "a name beats a prefix"
        );
        assert_eq!(r.severity_of("UA101"), None, "not selected");
        let other = c.resolve(Some(Path::new("new/a.xml")));
        assert!(other.severity_of("UA203").is_some());
    }

    #[test]
    fn errors_carry_line_and_column() {
        let e = parse("select = [\"UA201\",\n  \"UA999\"]\n").unwrap_err();
        assert_eq!(e.position, LineCol { line: 2, column: 3 });
        assert!(e.message.contains("UA999"), "{e}");
        let e = parse("profile = \"media\"\n").unwrap_err();
        assert_eq!(e.position.line, 1);
        let e = parse("colour = 1\n").unwrap_err();
        assert!(e.message.contains("colour"), "{e}");
        assert!(e.to_string().starts_with("unattend.toml:1:"));
    }
}

/// `Config` is plain data: built in code, without any file format.
#[cfg(test)]
mod plain_data_tests {
    use super::*;

    #[test]
    fn a_config_built_in_code_resolves_like_a_file() {
        let mut c = Config {
            select: Some(vec!["UA2".to_string()]),
            ignore: vec!["UA201".to_string()],
            ..Config::default()
        };
        c.severity.insert("unknown-setting".into(), Severity::Error);
        let r = c.resolve(None);
        assert_eq!(r.severity_of("UA201"), None);
        assert_eq!(r.severity_of("UA202"), Some(Severity::Error));
        assert_eq!(r.severity_of("UA101"), None, "not selected");
    }
}
