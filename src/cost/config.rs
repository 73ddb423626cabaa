//! `[cost]` in `opsguard.toml`; command-line flags override it.

use serde::Deserialize;

use std::path::PathBuf;

use super::query::GroupBy;
use super::thresholds::ThresholdOverrides;

/// Where costs and the fleet are read from: the AWS APIs, or an export directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceChoice {
    Aws,
    /// `fixture:DIR`, the directory as written (relative to `opsguard.toml` when it came
    /// from there).
    Fixture(PathBuf),
}

impl SourceChoice {
    /// `aws` or `fixture:DIR`.
    pub fn parse(text: &str) -> Option<SourceChoice> {
        match text {
            "aws" => Some(SourceChoice::Aws),
            _ => text
                .strip_prefix("fixture:")
                .filter(|dir| !dir.is_empty())
                .map(|dir| SourceChoice::Fixture(PathBuf::from(dir))),
        }
    }
}

pub const SOURCE_EXPECTED: &str = "expected aws or fixture:DIR";
pub const GROUP_BY_EXPECTED: &str = "expected service, account, region, usage-type or tag:KEY";

// Parsed while the TOML is read, so a wrong value is an error at its file:line:col.
fn source_choice<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<SourceChoice>, D::Error> {
    let text = String::deserialize(d)?;
    SourceChoice::parse(&text)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(SOURCE_EXPECTED))
}

fn group_by<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<GroupBy>, D::Error> {
    let text = String::deserialize(d)?;
    GroupBy::parse(&text)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(GROUP_BY_EXPECTED))
}

/// ```toml
/// [cost]
/// source = "aws"              # or "fixture:DIR"
/// profile = "billing"
/// region = "us-east-1"
/// group_by = "service"
/// min_impact = 50.0           # dollars a day
/// min_percent = 20.0
/// error_impact = 1000.0
/// recent = 7                  # days whose anomalies are reported
/// regions = ["us-east-1"]     # rightsize / idle
/// accounts = ["111111111111"] # rightsize / idle: member accounts (or organization = true)
/// role_name = "OpsguardReadOnly"
/// prices = "prices.csv"       # from `cost prices refresh`
/// budget = 5000.0             # audit: the monthly budget
/// checks = ["anomalies", "budget", "rightsize", "idle"]   # audit
///
/// [cost.thresholds]           # any key of rules/cost/rightsizing.toml
/// headroom_percent = 30
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostConfig {
    #[serde(default, deserialize_with = "source_choice")]
    pub source: Option<SourceChoice>,
    #[serde(default)]
    pub profile: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default, deserialize_with = "group_by")]
    pub group_by: Option<GroupBy>,
    #[serde(default, deserialize_with = "non_negative")]
    pub min_impact: Option<f64>,
    #[serde(default, deserialize_with = "non_negative")]
    pub min_percent: Option<f64>,
    #[serde(default, deserialize_with = "non_negative")]
    pub error_impact: Option<f64>,
    #[serde(default)]
    pub recent: Option<u32>,
    #[serde(default)]
    pub regions: Option<Vec<String>>,
    #[serde(default)]
    pub prices: Option<String>,
    /// `cost rightsize` / `cost idle`: the accounts to read, each through `role_name`.
    #[serde(default, deserialize_with = "account_ids")]
    pub accounts: Option<Vec<String>>,
    /// Every account of the organisation (and, for the billing commands, their names).
    #[serde(default)]
    pub organization: Option<bool>,
    #[serde(default, deserialize_with = "role_name")]
    pub role_name: Option<String>,
    #[serde(default)]
    pub thresholds: ThresholdOverrides,
    /// `opsguard audit`: the monthly budget in dollars (the budget check runs when set).
    #[serde(default, deserialize_with = "positive")]
    pub budget: Option<f64>,
    /// `opsguard audit`: which cost checks run [default: all that are configured].
    #[serde(default)]
    pub checks: Option<Vec<CostCheck>>,
}

/// A cost check `opsguard audit` can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CostCheck {
    Anomalies,
    Budget,
    Rightsize,
    Idle,
}

fn account_ids<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    let ids = Vec::<String>::deserialize(d)?;
    for id in &ids {
        super::accounts::check_account_id(id, "accounts")
            .map_err(|e| serde::de::Error::custom(e.to_string()))?;
    }
    Ok(Some(ids))
}

fn role_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let name = String::deserialize(d)?;
    super::accounts::check_role_name(&name, "role_name")
        .map_err(|e| serde::de::Error::custom(e.to_string()))?;
    Ok(Some(name))
}

/// TOML has `nan` and `inf`; neither is a threshold (`NaN` would pass every check).
fn non_negative<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let n = f64::deserialize(d)?;
    if n.is_finite() && n >= 0.0 {
        Ok(Some(n))
    } else {
        Err(serde::de::Error::custom(
            "expected a finite number, zero or more",
        ))
    }
}

/// A budget of zero would be over on the first cent.
fn positive<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let n = f64::deserialize(d)?;
    if n.is_finite() && n > 0.0 {
        Ok(Some(n))
    } else {
        Err(serde::de::Error::custom(
            "expected a positive number of dollars",
        ))
    }
}
