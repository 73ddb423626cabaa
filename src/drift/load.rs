//! The file-system side of drift: reads environment files, policies and baselines. The
//! rest of `drift` only sees their text.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::compare::Environment;
use super::formats::{self, Format};
use super::layer::{align_flat_keys, overlay_documents};
use super::policy::{self, Policy};
use super::spring;
use super::{baseline, tree::Parsed};
use crate::error::{Error, Result, SourcePos};
use crate::input::{self, Named};
pub use crate::paths::display_path;

/// `NAME=PATH[,PATH…]`.
pub fn parse_env_spec(spec: &str) -> Result<(String, Vec<PathBuf>)> {
    let Some((name, paths)) = spec.split_once('=') else {
        return Err(
            Error::usage(format!("--env `{spec}`: expected NAME=PATH[,PATH…]"))
                .with_hint("for example --env prod=config/base.yaml,config/prod.yaml"),
        );
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::usage(format!(
            "--env `{spec}`: the environment needs a name"
        )));
    }
    let paths: Vec<PathBuf> = paths
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        return Err(Error::usage(format!(
            "--env `{spec}`: no file given for `{name}`"
        )));
    }
    Ok((name.to_string(), paths))
}

/// Reads and parses one configuration file, in `forced` format if given, else the format
/// its name or content says.
pub fn read_config_file(
    path: &Path,
    named: Named,
    forced: Option<Format>,
) -> Result<(Format, String, Parsed)> {
    if let Some(language) = Format::unsupported(path).filter(|_| forced.is_none()) {
        let supported: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        return Err(Error::input(
            SourcePos::new(display_path(path), 1, None),
            format!(
                "{language} is not a configuration format drift reads; it reads {}",
                supported.join(", ")
            ),
        ));
    }
    let text = input::read_text(path, named)?;
    let format = forced
        .or_else(|| Format::from_path(path))
        .unwrap_or_else(|| Format::sniff(&text));
    let name: Arc<str> = Arc::from(display_path(path).as_str());
    tracing::debug!(file = %name, format = format.name(), "parsing");
    let parsed = formats::parse(&text, &name, format)?;
    Ok((format, text, parsed))
}

/// Loads environments, parsing each distinct file once: environments usually share a base
/// file, and parsing dominates the run.
pub struct Loader {
    parsed: HashMap<(PathBuf, Option<Format>), (Format, Parsed)>,
    named: Named,
}

impl Loader {
    pub fn new(named: Named) -> Self {
        Loader {
            parsed: HashMap::new(),
            named,
        }
    }

    /// One environment: its files layered left to right, each Spring multi-document file
    /// resolved for the environment's `profiles` first; every file in `forced` format if
    /// given (`--input-format`, or the environment's `format =`).
    pub fn environment(
        &mut self,
        name: &str,
        files: &[PathBuf],
        forced: Option<Format>,
        profiles: &[String],
    ) -> Result<Environment> {
        let mut documents = Vec::new();
        let mut duplicates = Vec::new();
        for (i, file) in files.iter().enumerate() {
            let (format, parsed) = self.parse(file, forced)?;
            duplicates.extend(parsed.duplicates);
            let mut layer = spring::resolve(parsed.documents, profiles);
            if format == Format::Dotenv && i > 0 {
                // `DB_POOL_SIZE=10` over a YAML base means `db.pool_size`.
                layer = align_flat_keys(&documents, layer);
            }
            documents = if i == 0 {
                layer
            } else {
                overlay_documents(documents, layer)
            };
        }
        Ok(Environment {
            name: name.to_string(),
            documents,
            duplicates,
        })
    }

    fn parse(&mut self, file: &Path, forced: Option<Format>) -> Result<(Format, Parsed)> {
        let key = (file.to_path_buf(), forced);
        if let Some(cached) = self.parsed.get(&key) {
            return Ok(cached.clone());
        }
        let (format, _, parsed) = read_config_file(file, self.named, forced)?;
        self.parsed.insert(key, (format, parsed.clone()));
        Ok((format, parsed))
    }
}

pub fn load_policies(paths: &[PathBuf], named: Named) -> Result<Policy> {
    let mut policy = Policy::default();
    for path in paths {
        let text = input::read_text(path, named)?;
        policy.extend(policy::parse(&text, Path::new(&display_path(path)))?);
    }
    Ok(policy)
}

pub fn load_baseline(path: &Path, named: Named) -> Result<HashSet<String>> {
    let text = input::read_text(path, named)?;
    baseline::parse(&text, Path::new(&display_path(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_specs() {
        let (name, paths) = parse_env_spec("prod=a.yaml, b.json").unwrap();
        assert_eq!(name, "prod");
        assert_eq!(paths, [PathBuf::from("a.yaml"), PathBuf::from("b.json")]);
        assert!(parse_env_spec("prod").is_err());
        assert!(parse_env_spec("=a.yaml").is_err());
        assert!(parse_env_spec("prod=").is_err());
    }
}
