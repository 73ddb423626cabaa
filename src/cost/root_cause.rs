//! Why a day cost more: the same group's cost that day split by another dimension, each
//! value's contribution being its cost that day minus its usual cost (the median of the
//! same weekday over the four weeks before).

use std::collections::BTreeMap;

use super::anomaly::median;
use super::query::CostRecord;
use crate::date::Date;

#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    pub dimension: String,
    pub value: String,
    pub contribution: f64,
}

/// The values of `dimension` that added most on `day`, largest first, at most `limit`.
pub fn causes(dimension: &str, records: &[CostRecord], day: Date, limit: usize) -> Vec<Cause> {
    let mut by_value: BTreeMap<&str, Vec<&CostRecord>> = BTreeMap::new();
    for r in records {
        if let Some(value) = r.keys.first() {
            by_value.entry(value.as_str()).or_default().push(r);
        }
    }
    let mut found: Vec<Cause> = by_value
        .into_iter()
        .filter_map(|(value, rows)| {
            let on_day: f64 = rows
                .iter()
                .filter(|r| r.date == day)
                .map(|r| r.amount)
                .sum();
            let usual: Vec<f64> = (1..=4)
                .map(|w| {
                    let d = day.plus_days(-7 * w);
                    rows.iter().filter(|r| r.date == d).map(|r| r.amount).sum()
                })
                .collect();
            let contribution = on_day - median(&usual);
            (contribution > 0.005).then(|| Cause {
                dimension: dimension.to_string(),
                value: value.to_string(),
                contribution: (contribution * 100.0).round() / 100.0,
            })
        })
        .collect();
    found.sort_by(|a, b| b.contribution.total_cmp(&a.contribution));
    found.truncate(limit);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_that_jumped_comes_first() {
        let day = Date::parse("2026-03-30").unwrap();
        let mut records = Vec::new();
        for w in 0..=4 {
            let d = day.plus_days(-7 * w);
            let rec = |key: &str, amount: f64| CostRecord {
                date: d,
                keys: vec![key.into()],
                amount,
                unit: "USD".into(),
                estimated: false,
            };
            records.push(rec("BoxUsage:m5.large", 100.0));
            records.push(rec(
                "DataTransfer-Out-Bytes",
                if w == 0 { 900.0 } else { 20.0 },
            ));
            records.push(rec("EBS:VolumeUsage.gp3", if w == 0 { 40.0 } else { 30.0 }));
        }
        let found = causes("usage-type", &records, day, 3);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].value, "DataTransfer-Out-Bytes");
        assert_eq!(found[0].contribution, 880.0);
        assert_eq!(found[1].contribution, 10.0);
    }
}
