//! How much spend carries a cost-allocation tag: the untagged share of each required tag,
//! and the services that spend the most without it. Pure.

use std::collections::BTreeMap;

use super::query::CostRecord;

#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub key: String,
    pub total: f64,
    pub untagged: f64,
    pub untagged_percent: f64,
    /// Services by untagged spend, largest first.
    pub top_untagged: Vec<(String, f64)>,
}

/// `records` grouped by (tag value, service); an empty value is untagged.
pub fn coverage(key: &str, records: &[CostRecord], top: usize) -> Coverage {
    let total: f64 = records.iter().map(|r| r.amount).sum();
    let mut by_service: BTreeMap<&str, f64> = BTreeMap::new();
    for r in records
        .iter()
        .filter(|r| r.keys.first().is_none_or(|v| v.is_empty()))
    {
        *by_service
            .entry(r.keys.get(1).map_or("(all)", String::as_str))
            .or_default() += r.amount;
    }
    let untagged: f64 = by_service.values().sum();
    let mut top_untagged: Vec<(String, f64)> = by_service
        .into_iter()
        .map(|(s, a)| (s.to_string(), a))
        .collect();
    top_untagged.sort_by(|a, b| b.1.total_cmp(&a.1));
    top_untagged.truncate(top);
    Coverage {
        key: key.to_string(),
        total,
        untagged,
        untagged_percent: if total > 0.0 {
            untagged / total * 100.0
        } else {
            0.0
        },
        top_untagged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn row(tag: &str, service: &str, amount: f64) -> CostRecord {
        CostRecord {
            date: Date::new(2026, 10, 1).unwrap(),
            keys: vec![tag.into(), service.into()],
            amount,
            unit: "USD".into(),
            estimated: false,
        }
    }

    #[test]
    fn untagged_share_and_its_largest_services() {
        let records = [
            row("platform", "EC2", 600.0),
            row("", "EC2", 250.0),
            row("", "S3", 100.0),
            row("data", "RDS", 50.0),
        ];
        let c = coverage("team", &records, 5);
        assert_eq!(c.total, 1000.0);
        assert_eq!(c.untagged, 350.0);
        assert_eq!(c.untagged_percent, 35.0);
        assert_eq!(
            c.top_untagged,
            [("EC2".to_string(), 250.0), ("S3".to_string(), 100.0)]
        );
    }

    #[test]
    fn nothing_spent_is_nothing_untagged() {
        assert_eq!(coverage("team", &[], 5).untagged_percent, 0.0);
    }
}
