//! Records to daily series, one per group key, with days that have no record filled
//! with zero (Cost Explorer omits groups that cost nothing that day).

use std::collections::BTreeMap;

use super::anomaly::Day;
use super::query::CostRecord;
use crate::date::Date;

/// Daily series for `[start, end)`, keyed by the records' first key ("Total" for totals).
/// They begin on the first day any record covers: before it the cost is unknown (an
/// export that starts later, an account opened later), not zero.
pub fn daily(records: &[CostRecord], start: Date, end: Date) -> BTreeMap<String, Vec<Day>> {
    let covered = records.iter().map(|r| r.date).filter(|d| *d >= start).min();
    let first = covered.unwrap_or(start).days_since_epoch();
    let len = (end.days_since_epoch() - first).max(0) as usize;
    let mut estimated = vec![false; len];
    for r in records {
        let i = r.date.days_since_epoch() - first;
        if (0..len as i64).contains(&i) && r.estimated {
            estimated[i as usize] = true;
        }
    }
    let mut out: BTreeMap<String, Vec<Day>> = BTreeMap::new();
    for r in records {
        let i = r.date.days_since_epoch() - first;
        if !(0..len as i64).contains(&i) {
            continue;
        }
        let key = r
            .keys
            .first()
            .cloned()
            .unwrap_or_else(|| "Total".to_string());
        let days = out.entry(key).or_insert_with(|| {
            (0..len)
                .map(|d| Day {
                    date: Date::from_days_since_epoch(first + d as i64),
                    amount: 0.0,
                    estimated: estimated[d],
                })
                .collect()
        });
        days[i as usize].amount += r.amount;
    }
    out
}

/// The sum of all series, day by day (a day is estimated if any part of it is).
pub fn total(all: &BTreeMap<String, Vec<Day>>) -> Vec<Day> {
    let mut total: Vec<Day> = Vec::new();
    for days in all.values() {
        if total.is_empty() {
            total = days.clone();
            continue;
        }
        for (t, d) in total.iter_mut().zip(days) {
            t.amount += d.amount;
            t.estimated |= d.estimated;
        }
    }
    total
}
