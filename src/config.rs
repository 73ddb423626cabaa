//! `opsguard.toml`: found by walking up from the working directory to the repository root,
//! or named with `--config`. Unknown keys and wrong types are errors at `file:line:col`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cost::config::CostConfig;
use crate::drift::DriftConfig;
use crate::error::{Error, Result, SourcePos};
use crate::paths::display_path;
use crate::secrets::config::SecretsConfig;

pub const FILE_NAME: &str = "opsguard.toml";

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub drift: DriftConfig,
    #[serde(default)]
    pub secrets: SecretsConfig,
    #[serde(default)]
    pub cost: CostConfig,
}

/// A configuration and the file it came from (relative paths in it resolve against that
/// file's directory).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedConfig {
    pub path: PathBuf,
    pub config: Config,
    /// The file's text, to point at the line that configured a check.
    pub text: String,
}

impl LoadedConfig {
    pub fn base_dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// Where `[section]` (or its first `[section.sub]` table) starts, to anchor the
    /// findings of the check it configured; the file's first line if it has none.
    pub fn section(&self, section: &str) -> crate::report::Location {
        let header = format!("[{section}");
        let line = self
            .text
            .lines()
            .position(|l| {
                let l = l.trim_start();
                l.starts_with(&header)
                    && matches!(l.as_bytes().get(header.len()), Some(b']' | b'.'))
            })
            .map_or(1, |i| i + 1);
        crate::report::Location::file(display_path(&self.path), Some(line))
    }

    /// A path from the configuration, made usable from the working directory.
    pub fn resolve(&self, path: &str) -> PathBuf {
        let p = Path::new(path);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base_dir().join(p)
        }
    }
}

/// The `opsguard.toml` that governs `start`: the nearest one in `start` or above, stopping
/// at the repository root (a directory holding `.git`).
pub fn discover(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

pub fn load(path: &Path, named: crate::input::Named) -> Result<LoadedConfig> {
    let text = crate::input::read_text(path, named)?;
    let config = parse(&text, Path::new(&display_path(path)))?;
    Ok(LoadedConfig {
        path: path.to_path_buf(),
        config,
        text,
    })
}

pub fn parse(text: &str, path: &Path) -> Result<Config> {
    from_toml(text, path)
}

/// Deserializes TOML into `T`, turning the parser's complaint into a one-line error at
/// `file:line:col`.
pub fn from_toml<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T> {
    toml::from_str(text).map_err(|e| toml_error(&e, text, path))
}

pub fn toml_error(err: &toml::de::Error, text: &str, path: &Path) -> Error {
    let position = match err.span() {
        Some(span) => SourcePos::from_offset(path, text, span.start),
        None => SourcePos::new(path, 1, None),
    };
    // toml's messages can run over several lines; the first says what is wrong.
    let message = crate::error::serde_message(err.message().trim());
    let message = if message.is_empty() {
        "invalid TOML".to_string()
    } else {
        message
    };
    Error::input(position, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_line_and_column() {
        let err = parse(
            "[drift]\npolicy = \"p.toml\"\ncolour = 1\n",
            Path::new("opsguard.toml"),
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("opsguard.toml:3:1: unknown field `colour`"),
            "{text}"
        );
    }

    #[test]
    fn wrong_type_names_the_position_and_the_type_never_the_value() {
        let err = parse("[drift]\npolicy = 3\n", Path::new("o.toml")).unwrap_err();
        assert!(err.to_string().starts_with("o.toml:2:10: "), "{err}");
        let err = parse("[cost]\nrecent = \"hunter2-s3cr3t\"\n", Path::new("o.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("o.toml:2:"), "{err}");
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn cost_values_are_checked_where_they_are_written() {
        let err = parse("[cost]\nsource = \"azure\"\n", Path::new("o.toml")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("o.toml:2:10: expected aws or fixture:DIR"),
            "{err}"
        );
        let err = parse("[cost]\ngroup_by = \"colour\"\n", Path::new("o.toml")).unwrap_err();
        assert!(
            err.to_string().starts_with("o.toml:2:12: expected service"),
            "{err}"
        );
        let err = parse(
            "[cost]\n\n[cost.thresholds]\nheadroom_percent = 120\n",
            Path::new("o.toml"),
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("o.toml:4:20: headroom_percent"),
            "{err}"
        );
        let err = parse(
            "[cost]\naccounts = [\"111111111111\", \"12345\"]\n",
            Path::new("o.toml"),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("o.toml:2:12: accounts: `12345` is not an AWS account ID"),
            "{err}"
        );
        let err = parse("[cost]\nrole_name = \"a/b\"\n", Path::new("o.toml")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("o.toml:2:13: role_name: `a/b` is not"),
            "{err}"
        );
    }

    #[test]
    fn a_section_is_found_by_its_header() {
        let loaded = LoadedConfig {
            path: PathBuf::from("opsguard.toml"),
            config: Config::default(),
            text: "[drift]\n[costs]\n\n  [cost.thresholds]\n".into(),
        };
        assert_eq!(loaded.section("cost").line, Some(4));
        assert_eq!(loaded.section("secrets").line, Some(1));
    }

    #[test]
    fn empty_file_is_the_default() {
        assert_eq!(parse("", Path::new("o.toml")).unwrap(), Config::default());
    }

    #[test]
    fn discovery_stops_at_the_repository_root() {
        let outer = tempfile::tempdir().unwrap();
        std::fs::write(outer.path().join(FILE_NAME), "").unwrap();
        let repo = outer.path().join("repo");
        let nested = repo.join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::create_dir(repo.join(".git")).unwrap();
        assert_eq!(discover(&nested), None);
        std::fs::write(repo.join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&nested), Some(repo.join(FILE_NAME)));
    }
}
