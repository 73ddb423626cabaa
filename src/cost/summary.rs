//! `cost report`'s numbers: spend per group over a period against the period before, with
//! the figures people ask first (yesterday, last 7 days, month to date, last month). Pure.

use std::collections::BTreeMap;

use super::query::CostRecord;
use crate::date::Date;

#[derive(Debug, Clone, PartialEq)]
pub struct GroupSpend {
    pub key: String,
    pub total: f64,
    pub previous: f64,
    /// `None` when the group cost nothing before.
    pub change_percent: Option<f64>,
    pub share_percent: f64,
    /// One amount per day of the period.
    pub daily: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub start: Date,
    /// Inclusive.
    pub end: Date,
    pub total: f64,
    pub previous: f64,
    pub change_percent: Option<f64>,
    pub yesterday: f64,
    pub last_7_days: f64,
    pub month_to_date: f64,
    pub last_month: f64,
    /// Largest first.
    pub groups: Vec<GroupSpend>,
}

/// The calendar month before the one holding `day`: `[first, first of day's month)`.
pub fn last_month(day: Date) -> (Date, Date) {
    (day.previous_month_start(), day.month_start())
}

/// Spend over `[start, end]` (inclusive) by the records' first key, against the as-long
/// period before it. `records` must cover both periods and last month.
pub fn summarise(records: &[CostRecord], start: Date, end: Date) -> Summary {
    let len = end.days_since_epoch() - start.days_since_epoch() + 1;
    let prev_start = start.plus_days(-len);
    let in_range = |d: Date, a: Date, b: Date| d >= a && d <= b;
    let sum = |a: Date, b: Date| -> f64 {
        records
            .iter()
            .filter(|r| in_range(r.date, a, b))
            .map(|r| r.amount)
            .sum()
    };
    let day_before = |d: Date| d.plus_days(-1);
    let (last_month_start, this_month_start) = last_month(end);
    let mut groups: BTreeMap<String, GroupSpend> = BTreeMap::new();
    for r in records {
        let key = r.keys.first().cloned().unwrap_or_else(|| "Total".into());
        let g = groups.entry(key.clone()).or_insert_with(|| GroupSpend {
            key,
            total: 0.0,
            previous: 0.0,
            change_percent: None,
            share_percent: 0.0,
            daily: vec![0.0; len as usize],
        });
        if in_range(r.date, start, end) {
            g.total += r.amount;
            g.daily[(r.date.days_since_epoch() - start.days_since_epoch()) as usize] += r.amount;
        } else if in_range(r.date, prev_start, day_before(start)) {
            g.previous += r.amount;
        }
    }
    let total = sum(start, end);
    let previous = sum(prev_start, day_before(start));
    let change = |now: f64, before: f64| (before > 0.0).then(|| (now - before) / before * 100.0);
    let mut groups: Vec<GroupSpend> = groups
        .into_values()
        .filter(|g| g.total != 0.0 || g.previous != 0.0)
        .map(|mut g| {
            g.change_percent = change(g.total, g.previous);
            g.share_percent = if total > 0.0 {
                g.total / total * 100.0
            } else {
                0.0
            };
            g
        })
        .collect();
    groups.sort_by(|a, b| b.total.total_cmp(&a.total));
    Summary {
        start,
        end,
        total,
        previous,
        change_percent: change(total, previous),
        yesterday: sum(end, end),
        last_7_days: sum(end.plus_days(-6), end),
        month_to_date: sum(this_month_start, end),
        last_month: sum(last_month_start, day_before(this_month_start)),
        groups,
    }
}

/// `▁▂▃▄▅▆▇█`, scaled to the series' own range.
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return BARS[0].to_string().repeat(values.len());
    }
    values
        .iter()
        .map(|v| BARS[((v / max) * 7.0).round().clamp(0.0, 7.0) as usize])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(date: &str, key: &str, amount: f64) -> CostRecord {
        CostRecord {
            date: Date::parse(date).unwrap(),
            keys: vec![key.into()],
            amount,
            unit: "USD".into(),
            estimated: false,
        }
    }

    #[test]
    fn periods_changes_and_shares() {
        let mut records = Vec::new();
        for d in 1..=30 {
            records.push(rec(&format!("2026-09-{d:02}"), "EC2", 10.0));
        }
        for d in 1..=15 {
            records.push(rec(&format!("2026-10-{d:02}"), "EC2", 20.0));
            records.push(rec(&format!("2026-10-{d:02}"), "S3", 5.0));
        }
        let s = summarise(
            &records,
            Date::parse("2026-10-01").unwrap(),
            Date::parse("2026-10-07").unwrap(),
        );
        assert_eq!(s.total, 175.0);
        assert_eq!(s.previous, 70.0, "the last week of September");
        assert_eq!(s.change_percent, Some(150.0));
        assert_eq!(s.yesterday, 25.0);
        assert_eq!(s.last_7_days, 175.0);
        assert_eq!(s.month_to_date, 175.0);
        assert_eq!(s.last_month, 300.0);
        assert_eq!(s.groups[0].key, "EC2");
        assert_eq!(s.groups[0].share_percent, 80.0);
        assert_eq!(s.groups[1].change_percent, None, "S3 is new");
        assert_eq!(s.groups[0].daily.len(), 7);
    }

    #[test]
    fn sparklines() {
        assert_eq!(sparkline(&[0.0, 1.0, 2.0, 7.0]), "▁▂▃█");
        assert_eq!(sparkline(&[0.0, 0.0]), "▁▁");
    }
}
