//! The settings of every drift command, resolved once: flags over `[drift]` in
//! `opsguard.toml` over defaults.

use std::collections::HashSet;
use std::path::PathBuf;

use super::flags::{parse_age, DEFAULT_OLDER_THAN_DAYS, DEFAULT_PATTERNS};
use super::formats::Format;
use super::load::{parse_env_spec, Loader};
use super::{DriftConfig, Environment};
use crate::cli::args::{DriftCheckArgs, DriftDiffArgs, DriftFlagsArgs, InputFormat};
use crate::config::LoadedConfig;
use crate::error::{Error, Result};
use crate::input::Named;
use crate::report::Location;

/// One environment to load.
#[derive(Debug, Clone)]
pub struct EnvPlan {
    pub name: String,
    pub files: Vec<PathBuf>,
    /// `--input-format`, else the environment's `format =`.
    pub format: Option<Format>,
    /// Spring profiles: the environment's `profiles =`, else `[drift.profiles]`, else
    /// its name.
    pub profiles: Vec<String>,
}

/// The environments to compare, from the command line or else `[drift.envs]`.
#[derive(Debug, Clone)]
pub struct Environments {
    pub envs: Vec<EnvPlan>,
    /// Whether the environments' files were typed or come from `opsguard.toml`.
    pub named: Named,
}

fn section(loaded: Option<&LoadedConfig>) -> Option<(&DriftConfig, &LoadedConfig)> {
    loaded.map(|l| (&l.config.drift, l))
}

impl Environments {
    pub fn resolve(
        loaded: Option<&LoadedConfig>,
        given: &[String],
        input_format: Option<InputFormat>,
    ) -> Result<Environments> {
        let section = section(loaded);
        let forced = input_format.map(format_of);
        let profiles_of = |name: &str, own: Option<&Vec<String>>| {
            own.or_else(|| section.and_then(|(drift, _)| drift.profiles.get(name)))
                .cloned()
                .unwrap_or_else(|| vec![name.to_string()])
        };
        let envs: Vec<EnvPlan> = if !given.is_empty() {
            given
                .iter()
                .map(|spec| {
                    let (name, files) = parse_env_spec(spec)?;
                    Ok(EnvPlan {
                        profiles: profiles_of(&name, None),
                        name,
                        files,
                        format: forced,
                    })
                })
                .collect::<Result<_>>()?
        } else {
            section
                .map(|(drift, l)| {
                    drift
                        .envs
                        .0
                        .iter()
                        .map(|(name, spec)| EnvPlan {
                            name: name.clone(),
                            files: spec.files.iter().map(|f| l.resolve(f)).collect(),
                            format: forced.or(spec.format),
                            profiles: profiles_of(name, spec.profiles.as_ref()),
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut seen = HashSet::new();
        for env in &envs {
            if !seen.insert(env.name.as_str()) {
                return Err(Error::usage(format!(
                    "environment `{}` is given twice",
                    env.name
                )));
            }
        }
        if envs.len() < 2 {
            return Err(Error::usage("drift needs at least two environments")
                .with_hint("pass --env NAME=PATH twice or more, or list them under [drift.envs] in opsguard.toml"));
        }
        Ok(Environments {
            envs,
            named: if given.is_empty() {
                Named::InConfig
            } else {
                Named::OnCommandLine
            },
        })
    }

    /// Reads and parses every environment's files.
    pub fn load(&self) -> Result<Vec<Environment>> {
        let mut loader = Loader::new(self.named);
        self.envs
            .iter()
            .map(|env| loader.environment(&env.name, &env.files, env.format, &env.profiles))
            .collect()
    }
}

pub fn format_of(input: InputFormat) -> Format {
    match input {
        InputFormat::Yaml => Format::Yaml,
        InputFormat::Json => Format::Json,
        InputFormat::Toml => Format::Toml,
        InputFormat::Env => Format::Dotenv,
        InputFormat::Ini => Format::Ini,
        InputFormat::Properties => Format::Properties,
        InputFormat::Tfvars => Format::Tfvars,
    }
}

/// Policy files: `--policy`, else `[drift] policy`.
fn policies(loaded: Option<&LoadedConfig>, given: &[PathBuf]) -> (Vec<PathBuf>, Named) {
    match given {
        [] => (
            section(loaded)
                .map(|(drift, l)| drift.policy.iter().map(|p| l.resolve(p)).collect())
                .unwrap_or_default(),
            Named::InConfig,
        ),
        given => (given.to_vec(), Named::OnCommandLine),
    }
}

/// What `drift check` and `drift baseline` compare.
#[derive(Debug, Clone)]
pub struct CheckSettings {
    pub environments: Environments,
    pub policies: (Vec<PathBuf>, Named),
    pub baseline: Option<(PathBuf, Named)>,
    pub show_equivalent: bool,
    pub strict_null: bool,
    /// Where a finding without a file of its own (an expired policy rule's) is anchored.
    pub anchor: Option<Location>,
}

impl CheckSettings {
    pub fn resolve(args: &DriftCheckArgs, loaded: Option<&LoadedConfig>) -> Result<Self> {
        let section = section(loaded);
        let baseline = match &args.baseline {
            Some(b) => Some((b.clone(), Named::OnCommandLine)),
            None => section.and_then(|(drift, l)| {
                drift
                    .baseline
                    .as_ref()
                    .map(|b| (l.resolve(b), Named::InConfig))
            }),
        };
        Ok(CheckSettings {
            environments: Environments::resolve(loaded, &args.envs, args.input_format)?,
            policies: policies(loaded, &args.policy),
            baseline,
            show_equivalent: args.show_equivalent
                || section.is_some_and(|(drift, _)| drift.show_equivalent),
            strict_null: args.strict_null || section.is_some_and(|(drift, _)| drift.strict_null),
            anchor: loaded.map(|l| l.section("drift")),
        })
    }
}

/// What `drift flags` looks for.
#[derive(Debug, Clone)]
pub struct FlagSettings {
    pub environments: Environments,
    pub policies: (Vec<PathBuf>, Named),
    pub patterns: Vec<String>,
    pub older_than_days: i64,
    pub show_emails: bool,
    pub anchor: Option<Location>,
}

impl FlagSettings {
    pub fn resolve(args: &DriftFlagsArgs, loaded: Option<&LoadedConfig>) -> Result<Self> {
        let configured = section(loaded).map(|(drift, _)| &drift.flags);
        let patterns = if !args.prefix.is_empty() {
            args.prefix.clone()
        } else {
            configured
                .and_then(|f| f.prefixes.clone())
                .unwrap_or_else(|| DEFAULT_PATTERNS.iter().map(|p| p.to_string()).collect())
        };
        let older_than_days = match &args.older_than {
            Some(given) => parse_age(given).ok_or_else(|| {
                Error::usage(format!(
                    "--older-than `{given}`: expected an age such as 90d, 12w, 6mo or 1y"
                ))
            })?,
            None => configured
                .and_then(|f| f.older_than)
                .unwrap_or(DEFAULT_OLDER_THAN_DAYS),
        };
        Ok(FlagSettings {
            environments: Environments::resolve(loaded, &args.envs, args.input_format)?,
            policies: policies(loaded, &args.policy),
            patterns,
            older_than_days,
            show_emails: args.show_emails,
            anchor: loaded.map(|l| l.section("drift")),
        })
    }
}

/// `drift diff A B`: two files, named on the command line.
#[derive(Debug, Clone)]
pub struct DiffSettings {
    pub a: PathBuf,
    pub b: PathBuf,
    pub format: Option<Format>,
    pub text: bool,
    pub policy: Vec<PathBuf>,
    pub show_equivalent: bool,
    pub strict_null: bool,
}

impl DiffSettings {
    pub fn resolve(args: &DriftDiffArgs) -> Result<Self> {
        if crate::paths::display_path(&args.a) == crate::paths::display_path(&args.b) {
            return Err(Error::usage("drift diff needs two different files"));
        }
        Ok(DiffSettings {
            a: args.a.clone(),
            b: args.b.clone(),
            format: args.input_format.map(format_of),
            text: args.text,
            policy: args.policy.iter().cloned().collect(),
            show_equivalent: args.show_equivalent,
            strict_null: args.strict_null,
        })
    }
}
