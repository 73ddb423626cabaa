//! The settings of `secrets scan` and `secrets baseline`, resolved once: flags over
//! `[secrets]` in `opsguard.toml` over defaults.

use std::path::PathBuf;

use super::config::{parse_size, CacheSetting};
use crate::cli::args::SecretsScanArgs;
use crate::config::LoadedConfig;
use crate::error::{Error, Result};
use crate::input::Named;

pub const DEFAULT_MAX_BLOB_SIZE: u64 = 10 * 1024 * 1024;

/// Where the rules come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSource {
    Builtin,
    File(PathBuf),
}

/// What a scan reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard input (`-`).
    Stdin,
    /// A repository's history, range or index; or, without git, a file or directory.
    Path(PathBuf),
}

/// The incremental cache: off, in the default place, or in a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheChoice {
    Off,
    Default,
    Dir(PathBuf),
}

#[derive(Debug, Clone)]
pub struct ScanSettings {
    pub target: Target,
    pub range: Option<String>,
    pub staged: bool,
    pub no_git: bool,
    pub rules: RuleSource,
    pub strict_rules: bool,
    pub baseline: Option<(PathBuf, Named)>,
    pub report_unused_ignores: bool,
    pub max_blob_size: u64,
    pub fail_on_incomplete: bool,
    pub cache: CacheChoice,
    /// Ask providers whether the secrets work (`--verify`, `[secrets] verify`).
    pub verify: bool,
    pub only_active: bool,
}

impl ScanSettings {
    pub fn resolve(args: &SecretsScanArgs, loaded: Option<&LoadedConfig>) -> Result<Self> {
        let section = loaded.map(|l| (&l.config.secrets, l));
        let rules = match (
            &args.rules,
            section.and_then(|(s, l)| s.rules.as_ref().map(|r| (r, l))),
        ) {
            (Some(path), _) => RuleSource::File(path.clone()),
            (None, Some((path, l))) => RuleSource::File(l.resolve(path)),
            (None, None) => RuleSource::Builtin,
        };
        let max_blob_size = match &args.max_blob_size {
            Some(text) => parse_size(text).ok_or_else(|| {
                Error::usage(format!(
                    "--max-blob-size `{text}` is not a size (examples: 10485760, 10MiB, 500KB)"
                ))
            })?,
            None => section
                .and_then(|(s, _)| s.max_blob_size)
                .unwrap_or(DEFAULT_MAX_BLOB_SIZE),
        };
        let baseline = match &args.baseline {
            Some(path) => Some((path.clone(), Named::OnCommandLine)),
            None => section
                .and_then(|(s, l)| s.baseline.as_ref().map(|b| (l.resolve(b), Named::InConfig))),
        };
        // Only full-history scans use the cache (a `--staged` hook run with the cache on in
        // opsguard.toml just does not).
        let cache = if args.no_cache || args.no_git || args.staged || args.range.is_some() {
            CacheChoice::Off
        } else {
            match &args.cache {
                Some(Some(dir)) => CacheChoice::Dir(dir.clone()),
                Some(None) => CacheChoice::Default,
                None => match section.and_then(|(s, l)| s.cache.as_ref().map(|c| (c, l))) {
                    None | Some((CacheSetting::On(false), _)) => CacheChoice::Off,
                    Some((CacheSetting::On(true), _)) => CacheChoice::Default,
                    Some((CacheSetting::Dir(dir), l)) => CacheChoice::Dir(l.resolve(dir)),
                },
            }
        };
        Ok(ScanSettings {
            target: if args.path.as_os_str() == "-" {
                Target::Stdin
            } else {
                Target::Path(args.path.clone())
            },
            range: args.range.clone(),
            staged: args.staged,
            no_git: args.no_git,
            rules,
            strict_rules: args.strict_rules,
            baseline,
            report_unused_ignores: args.report_unused_ignores,
            max_blob_size,
            fail_on_incomplete: args.fail_on_incomplete,
            cache,
            // `[secrets] verify` is for scans people and scheduled jobs read, not for the
            // pre-commit hook: a commit must not wait on providers (`--verify` still can).
            verify: args.verify
                || (!args.staged && section.and_then(|(s, _)| s.verify).unwrap_or(false)),
            only_active: args.only_active,
        })
    }
}
