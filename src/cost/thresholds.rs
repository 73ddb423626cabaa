//! The thresholds of `cost rightsize` and `cost idle`, as data: `rules/cost/rightsizing.toml`
//! (with the source of each), overridden key by key under `[cost.thresholds]`.

use std::collections::BTreeMap;

use serde::Deserialize;

pub const EMBEDDED: &str = include_str!("../../rules/cost/rightsizing.toml");

/// Every key optional: the embedded file sets them all (tested), opsguard.toml any.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdOverrides {
    #[serde(default, deserialize_with = "percentile")]
    pub cpu_percentile: Option<f64>,
    #[serde(default, deserialize_with = "headroom")]
    pub headroom_percent: Option<f64>,
    #[serde(default, deserialize_with = "lookback")]
    pub lookback_days: Option<u32>,
    pub min_hours_of_data: Option<f64>,
    pub idle_cpu_percent: Option<f64>,
    pub idle_network_mb: Option<f64>,
    pub idle_days: Option<u32>,
    pub rds_idle_days: Option<u32>,
    pub ecs_idle_cpu_percent: Option<f64>,
    pub under_cpu_percent: Option<f64>,
    pub under_free_memory_percent: Option<f64>,
    pub under_free_storage_percent: Option<f64>,
    pub exhausted_credit_balance: Option<f64>,
    pub stopped_days: Option<u32>,
    pub snapshot_days: Option<u32>,
    pub production_tags: Option<Vec<String>>,
    pub production_values: Option<Vec<String>>,
    #[serde(default, deserialize_with = "pattern")]
    pub production_name_pattern: Option<String>,
    pub previous_generation: Option<BTreeMap<String, String>>,
}

// Checked while `[cost.thresholds]` is read, so a bad value is an error at its
// file:line:col; `resolve` checks again for values from elsewhere (the embedded file).
fn percentile<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let n = f64::deserialize(d)?;
    check_percentile(n)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

fn headroom<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let n = f64::deserialize(d)?;
    check_headroom(n)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

fn lookback<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let n = u32::deserialize(d)?;
    check_lookback(n)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

fn pattern<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(d)?;
    match regex::Regex::new(&text) {
        Ok(_) => Ok(Some(text)),
        Err(_) => Err(serde::de::Error::custom(
            "production_name_pattern is not a valid regular expression",
        )),
    }
}

fn check_percentile(n: f64) -> Result<f64, &'static str> {
    if (50.0..=100.0).contains(&n) {
        Ok(n)
    } else {
        Err("cpu_percentile must be between 50 and 100")
    }
}

fn check_headroom(n: f64) -> Result<f64, &'static str> {
    if (0.0..100.0).contains(&n) {
        Ok(n)
    } else {
        Err("headroom_percent must be at least 0 and below 100")
    }
}

fn check_lookback(n: u32) -> Result<u32, &'static str> {
    // CloudWatch keeps 5-minute data for 63 days.
    if (1..=63).contains(&n) {
        Ok(n)
    } else {
        Err("lookback_days must be between 1 and 63")
    }
}

#[derive(Debug, Clone)]
pub struct Thresholds {
    pub cpu_percentile: f64,
    pub headroom_percent: f64,
    pub lookback_days: u32,
    pub min_hours_of_data: f64,
    pub idle_cpu_percent: f64,
    pub idle_network_mb: f64,
    pub idle_days: u32,
    pub rds_idle_days: u32,
    pub ecs_idle_cpu_percent: f64,
    pub under_cpu_percent: f64,
    pub under_free_memory_percent: f64,
    pub under_free_storage_percent: f64,
    pub exhausted_credit_balance: f64,
    pub stopped_days: u32,
    pub snapshot_days: u32,
    pub production_tags: Vec<String>,
    pub production_values: Vec<String>,
    pub production_name: regex::Regex,
    pub previous_generation: BTreeMap<String, String>,
}

impl Thresholds {
    /// The embedded defaults with `overrides` applied; a bad pattern or value is an error
    /// that names the key.
    pub fn resolve(overrides: &ThresholdOverrides) -> Result<Thresholds, String> {
        let base: ThresholdOverrides =
            toml::from_str(EMBEDDED).expect("rules/cost/rightsizing.toml parses (tested)");
        macro_rules! pick {
            ($field:ident) => {
                overrides
                    .$field
                    .clone()
                    .or(base.$field.clone())
                    .ok_or(concat!(
                        "rules/cost/rightsizing.toml lacks ",
                        stringify!($field)
                    ))?
            };
        }
        let pattern: String = pick!(production_name_pattern);
        let production_name = regex::RegexBuilder::new(&pattern)
            .case_insensitive(true)
            .build()
            .map_err(|e| format!("production_name_pattern: {e}"))?;
        let t = Thresholds {
            cpu_percentile: pick!(cpu_percentile),
            headroom_percent: pick!(headroom_percent),
            lookback_days: pick!(lookback_days),
            min_hours_of_data: pick!(min_hours_of_data),
            idle_cpu_percent: pick!(idle_cpu_percent),
            idle_network_mb: pick!(idle_network_mb),
            idle_days: pick!(idle_days),
            rds_idle_days: pick!(rds_idle_days),
            ecs_idle_cpu_percent: pick!(ecs_idle_cpu_percent),
            under_cpu_percent: pick!(under_cpu_percent),
            under_free_memory_percent: pick!(under_free_memory_percent),
            under_free_storage_percent: pick!(under_free_storage_percent),
            exhausted_credit_balance: pick!(exhausted_credit_balance),
            stopped_days: pick!(stopped_days),
            snapshot_days: pick!(snapshot_days),
            production_tags: pick!(production_tags),
            production_values: pick!(production_values),
            production_name,
            previous_generation: pick!(previous_generation),
        };
        check_percentile(t.cpu_percentile)?;
        check_headroom(t.headroom_percent)?;
        check_lookback(t.lookback_days)?;
        Ok(t)
    }

    /// Production by a tag (`production_tags` = `production_values`) or by one of
    /// `names` matching `production_name_pattern`.
    pub fn is_production(&self, tags: &super::fleet::Tags, names: &[&str]) -> bool {
        let tagged = tags.iter().any(|(k, v)| {
            self.production_tags
                .iter()
                .any(|p| p.eq_ignore_ascii_case(k))
                && self
                    .production_values
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(v.trim()))
        });
        tagged || names.iter().any(|n| self.production_name.is_match(n))
    }

    /// The highest projected CPU a recommendation may leave: 100 − headroom.
    pub fn cpu_ceiling(&self) -> f64 {
        100.0 - self.headroom_percent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_rules_set_every_threshold() {
        let t = Thresholds::resolve(&ThresholdOverrides::default()).unwrap();
        assert_eq!(t.cpu_percentile, 99.5);
        assert_eq!(t.cpu_ceiling(), 80.0);
        assert_eq!(t.idle_days, 4);
        assert_eq!(t.previous_generation["m4"], "m6i");
        assert!(t.production_name.is_match("orders-prod-db"));
        assert!(t.production_name.is_match("PRODUCTION"));
        assert!(!t.production_name.is_match("product-catalog"));
        assert!(!t.production_name.is_match("preprod2"));
    }

    #[test]
    fn overrides_win_and_are_checked() {
        let o = ThresholdOverrides {
            headroom_percent: Some(30.0),
            ..ThresholdOverrides::default()
        };
        assert_eq!(Thresholds::resolve(&o).unwrap().cpu_ceiling(), 70.0);
        let bad = ThresholdOverrides {
            production_name_pattern: Some("(".into()),
            ..ThresholdOverrides::default()
        };
        assert!(Thresholds::resolve(&bad)
            .unwrap_err()
            .starts_with("production_name_pattern"));
        let bad = ThresholdOverrides {
            lookback_days: Some(90),
            ..ThresholdOverrides::default()
        };
        assert!(Thresholds::resolve(&bad).is_err());
    }
}
