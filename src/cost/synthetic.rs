//! Deterministic synthetic daily cost series for tests, demos and benchmarks: weekly
//! seasonality, noise, growth, month-start fees, and injected spikes and level shifts on
//! known dates.

use super::anomaly::Day;
use crate::date::Date;

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub start: Date,
    pub days: usize,
    /// Dollars per day at the start.
    pub base: f64,
    /// Weekend days cost this fraction of weekdays.
    pub weekend_factor: f64,
    /// Relative noise (0.05 = ±5 %).
    pub noise: f64,
    /// Daily growth (0.005 = +0.5 % a day).
    pub growth: f64,
    /// Charged on the first of every month.
    pub month_start_fee: f64,
    /// (day index, multiplier) for one-day spikes.
    pub spikes: Vec<(usize, f64)>,
    /// (day index, new base) from which the level changes for good.
    pub shift: Option<(usize, f64)>,
    pub seed: u64,
}

impl Shape {
    pub fn steady(start: Date, days: usize, base: f64) -> Shape {
        Shape {
            start,
            days,
            base,
            weekend_factor: 1.0,
            noise: 0.0,
            growth: 0.0,
            month_start_fee: 0.0,
            spikes: Vec::new(),
            shift: None,
            seed: 1,
        }
    }

    pub fn generate(&self) -> Vec<Day> {
        let mut rng = self.seed.max(1);
        let first = self.start.days_since_epoch();
        (0..self.days)
            .map(|i| {
                let date = Date::from_days_since_epoch(first + i as i64);
                let mut base = self.base * (1.0 + self.growth).powi(i as i32);
                if let Some((from, level)) = self.shift {
                    if i >= from {
                        base = level * (1.0 + self.growth).powi(i as i32);
                    }
                }
                let weekday = (date.days_since_epoch() + 3).rem_euclid(7);
                if weekday >= 5 {
                    base *= self.weekend_factor;
                }
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                let unit = (rng % 10_000) as f64 / 10_000.0 * 2.0 - 1.0;
                let mut amount = base * (1.0 + self.noise * unit);
                if date.day == 1 {
                    amount += self.month_start_fee;
                }
                for &(day, factor) in &self.spikes {
                    if day == i {
                        amount *= factor;
                    }
                }
                Day {
                    date,
                    amount: (amount * 100.0).round() / 100.0,
                    estimated: false,
                }
            })
            .collect()
    }
}
