//! `[cost]` in `opsguard.toml`; command-line flags override it.

use serde::Deserialize;

use super::thresholds::ThresholdOverrides;

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
/// prices = "prices.csv"       # from `cost prices refresh`
///
/// [cost.thresholds]           # any key of rules/cost/rightsizing.toml
/// headroom_percent = 30
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostConfig {
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub profile: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub group_by: Option<String>,
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
    #[serde(default)]
    pub thresholds: ThresholdOverrides,
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
