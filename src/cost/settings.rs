//! The settings of every cost command, resolved once: flags over `[cost]` in
//! `opsguard.toml` over defaults. Values from the file were checked while it was read (at
//! their file:line:col); flags are checked here and blamed on the flag.

use std::path::PathBuf;

use super::accounts::{AccountChoice, Reach, DEFAULT_CONCURRENCY, DEFAULT_ROLE_NAME};
use super::anomaly;
use super::config::{CostConfig, SourceChoice, GROUP_BY_EXPECTED, SOURCE_EXPECTED};
use super::prices::PriceTable;
use super::query::{GroupBy, Metric};
use super::thresholds::Thresholds;
use crate::cli::args::{
    CostAnomaliesArgs, CostBudgetArgs, CostReportArgs, CostSourceArgs, CostTagsArgs,
    FleetSourceArgs, ForecastKind,
};
use crate::config::LoadedConfig;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::report::Location;
use crate::timestamp::Timestamp;

/// Where costs come from and how they are asked for.
#[derive(Debug, Clone)]
pub struct SourceSettings {
    pub choice: SourceChoice,
    pub profile: Option<String>,
    pub region: Option<String>,
    /// Reuse the local Cost Explorer cache.
    pub cache: bool,
    pub metric: Metric,
    /// The last day to look at; `None`: the source's last complete day.
    pub until: Option<Date>,
    /// Where SARIF anchors findings that name no file (see [`anchor`]).
    pub anchor: Location,
    /// Name the organisation's accounts (`--organization`, `[cost] organization`).
    pub organization: bool,
}

fn config_of(loaded: Option<&LoadedConfig>) -> CostConfig {
    loaded.map(|l| l.config.cost.clone()).unwrap_or_default()
}

/// `--source`, else `[cost] source` (relative to the file), else AWS.
fn source_choice(flag: Option<&str>, loaded: Option<&LoadedConfig>) -> Result<SourceChoice> {
    match flag {
        Some(text) => SourceChoice::parse(text)
            .ok_or_else(|| Error::usage(format!("--source `{text}`: {SOURCE_EXPECTED}"))),
        None => Ok(
            match loaded.and_then(|l| l.config.cost.source.clone().map(|s| (s, l))) {
                Some((SourceChoice::Fixture(dir), l)) => {
                    SourceChoice::Fixture(l.resolve(&dir.to_string_lossy()))
                }
                Some((choice, _)) => choice,
                None => SourceChoice::Aws,
            },
        ),
    }
}

/// SARIF needs a file for every result: the export that was read, else the `[cost]` line
/// of `opsguard.toml`, else `opsguard.toml` itself.
fn anchor(choice: &SourceChoice, file: Option<&str>, loaded: Option<&LoadedConfig>) -> Location {
    match (choice, file, loaded) {
        (SourceChoice::Fixture(dir), Some(file), _) => {
            Location::file(crate::paths::display_path(&dir.join(file)), None)
        }
        (_, _, Some(l)) => l.section("cost"),
        _ => Location::file(crate::config::FILE_NAME, None),
    }
}

impl SourceSettings {
    pub fn resolve(args: &CostSourceArgs, loaded: Option<&LoadedConfig>) -> Result<Self> {
        let config = config_of(loaded);
        let choice = source_choice(args.source.as_deref(), loaded)?;
        let metric = Metric::parse(&args.metric).ok_or_else(|| {
            Error::usage(format!(
                "--metric `{}`: expected unblended, amortized or net-unblended",
                args.metric
            ))
        })?;
        let until = args
            .until
            .as_deref()
            .map(|text| {
                Date::parse(text).ok_or_else(|| {
                    Error::usage(format!("--until `{text}` is not a date (YYYY-MM-DD)"))
                })
            })
            .transpose()?;
        Ok(SourceSettings {
            // The export that answers is known once it is open (`CostSource::file_for`).
            anchor: anchor(&choice, None, loaded),
            choice,
            profile: args.profile.clone().or(config.profile),
            region: args.region.clone().or(config.region),
            cache: !args.no_cache,
            metric,
            until,
            organization: args.organization || config.organization == Some(true),
        })
    }
}

/// `--group-by`, else `[cost] group_by`, else by service.
fn group_by(flag: Option<&str>, config: &CostConfig) -> Result<GroupBy> {
    match flag {
        Some(text) => GroupBy::parse(text)
            .ok_or_else(|| Error::usage(format!("--group-by `{text}`: {GROUP_BY_EXPECTED}"))),
        None => Ok(config
            .group_by
            .clone()
            .unwrap_or(GroupBy::Dimension(super::query::Dimension::Service))),
    }
}

#[derive(Debug, Clone)]
pub struct AnomalySettings {
    pub source: SourceSettings,
    pub days: u32,
    pub group: GroupBy,
    /// Days whose anomalies are listed (0: all).
    pub recent: u32,
    /// Impact in dollars from which an anomaly is an error.
    pub error_impact: f64,
    pub detection: anomaly::Settings,
}

impl AnomalySettings {
    pub fn resolve(args: &CostAnomaliesArgs, loaded: Option<&LoadedConfig>) -> Result<Self> {
        let config = config_of(loaded);
        let defaults = anomaly::Settings::default();
        Ok(AnomalySettings {
            source: SourceSettings::resolve(&args.from, loaded)?,
            days: args.days,
            group: group_by(args.group_by.as_deref(), &config)?,
            recent: args.recent.or(config.recent).unwrap_or(7),
            error_impact: args.error_impact.or(config.error_impact).unwrap_or(1000.0),
            detection: anomaly::Settings {
                min_impact: args
                    .min_impact
                    .or(config.min_impact)
                    .unwrap_or(defaults.min_impact),
                min_percent: args
                    .min_percent
                    .or(config.min_percent)
                    .unwrap_or(defaults.min_percent),
                ..defaults
            },
        })
    }
}

#[derive(Debug, Clone)]
pub struct BudgetSettings {
    pub source: SourceSettings,
    pub limit: f64,
    pub forecast: ForecastKind,
}

impl BudgetSettings {
    pub fn resolve(args: &CostBudgetArgs, loaded: Option<&LoadedConfig>) -> Result<Self> {
        if args.limit.is_nan() || args.limit <= 0.0 {
            return Err(Error::usage("--limit must be a positive number of dollars"));
        }
        Ok(BudgetSettings {
            source: SourceSettings::resolve(&args.from, loaded)?,
            limit: args.limit,
            forecast: args.forecast,
        })
    }
}

#[derive(Debug, Clone)]
pub struct TagSettings {
    pub source: SourceSettings,
    pub require: Vec<String>,
    pub max_untagged: f64,
    pub days: u32,
}

impl TagSettings {
    pub fn resolve(args: &CostTagsArgs, loaded: Option<&LoadedConfig>) -> Result<Self> {
        Ok(TagSettings {
            source: SourceSettings::resolve(&args.from, loaded)?,
            require: args
                .require
                .iter()
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty())
                .collect(),
            max_untagged: args.max_untagged,
            days: args.days,
        })
    }
}

/// The period of `cost report`.
#[derive(Debug, Clone, Copy)]
pub enum Period {
    Days(u32),
    Month(Date),
}

#[derive(Debug, Clone)]
pub struct SpendSettings {
    pub source: SourceSettings,
    pub period: Period,
    pub group: GroupBy,
}

impl SpendSettings {
    pub fn resolve(args: &CostReportArgs, loaded: Option<&LoadedConfig>) -> Result<Self> {
        let config = config_of(loaded);
        let period = match &args.month {
            Some(text) => Period::Month(Date::parse(&format!("{text}-01")).ok_or_else(|| {
                Error::usage(format!("--month `{text}` is not a month (YYYY-MM)"))
            })?),
            None => Period::Days(args.days),
        };
        Ok(SpendSettings {
            source: SourceSettings::resolve(&args.from, loaded)?,
            period,
            group: group_by(args.group_by.as_deref(), &config)?,
        })
    }
}

/// Which regions to read the fleet from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Regions {
    /// The profile's region (or AWS_REGION, else us-east-1).
    Configured,
    All,
    Listed(Vec<String>),
}

/// The settings of `cost rightsize` and `cost idle`.
pub struct FleetSettings {
    pub choice: SourceChoice,
    pub profile: Option<String>,
    pub regions: Regions,
    /// `--lookback-days` when given (an export keeps its own window).
    pub lookback_days: Option<u32>,
    pub thresholds: Thresholds,
    pub prices: PriceTable,
    pub now: Option<Timestamp>,
    pub export: Option<PathBuf>,
    pub cross_family: bool,
    pub anchor: Location,
    pub reach: Reach,
}

/// The list without repeats, in its order.
fn dedup(list: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in list {
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

impl FleetSettings {
    pub fn resolve(
        args: &FleetSourceArgs,
        cross_family: bool,
        loaded: Option<&LoadedConfig>,
    ) -> Result<Self> {
        let config = config_of(loaded);
        let mut overrides = config.thresholds.clone();
        if args.lookback_days.is_some() {
            overrides.lookback_days = args.lookback_days;
        }
        // The file's values were checked as it was read; what is left is the embedded
        // table, which is tested.
        let thresholds = Thresholds::resolve(&overrides).map_err(|e| {
            let file = loaded
                .map(|l| crate::paths::display_path(&l.path))
                .unwrap_or_else(|| crate::config::FILE_NAME.into());
            Error::usage(format!("{file}: [cost.thresholds] {e}"))
        })?;
        let prices = match (&args.prices, &config.prices, loaded) {
            (Some(path), _, _) => PriceTable::load(path)?,
            (None, Some(path), Some(l)) => PriceTable::load(&l.resolve(path))?,
            _ => PriceTable::embedded(),
        };
        let now = args
            .now
            .as_deref()
            .map(|text| {
                Timestamp::parse(text).ok_or_else(|| {
                    Error::usage(format!(
                        "--now `{text}` is not a time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"
                    ))
                })
            })
            .transpose()?;
        for region in &args.regions {
            super::regions::check(region, "--regions")?;
        }
        for region in config.regions.iter().flatten() {
            super::regions::check(region, "[cost] regions")?;
        }
        let regions = if args.all_regions {
            Regions::All
        } else if !args.regions.is_empty() {
            Regions::Listed(args.regions.clone())
        } else if let Some(list) = config.regions.clone().filter(|l| !l.is_empty()) {
            Regions::Listed(list)
        } else {
            Regions::Configured
        };
        for id in &args.accounts {
            super::accounts::check_account_id(id, "--accounts")?;
        }
        if let Some(name) = &args.role_name {
            super::accounts::check_role_name(name, "--role-name")?;
        }
        let accounts = if args.organization {
            AccountChoice::Organization
        } else if !args.accounts.is_empty() {
            AccountChoice::Listed(dedup(&args.accounts))
        } else if config.organization == Some(true) {
            AccountChoice::Organization
        } else if let Some(list) = config.accounts.clone().filter(|l| !l.is_empty()) {
            AccountChoice::Listed(dedup(&list))
        } else {
            AccountChoice::Caller
        };
        let reach = Reach {
            accounts,
            role_name: args
                .role_name
                .clone()
                .or(config.role_name.clone())
                .unwrap_or_else(|| DEFAULT_ROLE_NAME.into()),
            external_id: args.external_id.clone(),
            concurrency: args.concurrency.map_or(DEFAULT_CONCURRENCY, |n| n as usize),
        };
        let choice = source_choice(args.source.as_deref(), loaded)?;
        Ok(FleetSettings {
            reach,
            anchor: anchor(&choice, Some(super::fleet::FLEET_FILE), loaded),
            choice,
            profile: args.profile.clone().or(config.profile),
            regions,
            lookback_days: args.lookback_days,
            thresholds,
            prices,
            now,
            export: args.export.clone(),
            cross_family,
        })
    }
}
