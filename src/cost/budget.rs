//! Month-to-date spend and its projection against a limit: when the month will cross it,
//! and by how much. Pure: daily history and a forecast total in, a projection out.

use super::anomaly::{weekday, weekday_factors, Day};
use crate::date::Date;

#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub month_start: Date,
    /// Exclusive.
    pub month_end: Date,
    pub month_to_date: f64,
    /// What the rest of the month is expected to cost.
    pub rest_of_month: f64,
    pub total: f64,
    /// How far the projected total goes over the limit.
    pub over_by: Option<f64>,
    /// The day the running total passes the limit (actual or projected).
    pub crossing: Option<Date>,
}

/// The run rate for each remaining day: the last three complete days with the weekday
/// pattern taken out, put back for each day ahead. The pattern is the anomaly model's
/// (each weekday against its centred weekly mean, over the last eight weeks), which a
/// recent change of level does not bend. Three days, not a week: a budget alarm must
/// react to a new level within days.
pub fn run_rate(history: &[Day], remaining: &[Date]) -> Vec<f64> {
    let window = &history[history.len().saturating_sub(56)..];
    let Some(first) = window.first() else {
        return vec![0.0; remaining.len()];
    };
    let factors = weekday_factors(window, weekday(first.date));
    let factor = |date: Date| factors[weekday(date)];
    let recent: Vec<f64> = window
        .iter()
        .rev()
        .filter(|d| !d.estimated)
        .take(3)
        .map(|d| d.amount / factor(d.date))
        .collect();
    if recent.is_empty() {
        return vec![0.0; remaining.len()];
    }
    let level = recent.iter().sum::<f64>() / recent.len() as f64;
    remaining.iter().map(|&d| level * factor(d)).collect()
}

/// Projects the month holding `today` (days before `today` are history). `forecast`, when
/// given, is the total expected for the rest of the month; the daily run rate then only
/// spreads it over the days, to find when the limit is crossed.
pub fn project(history: &[Day], today: Date, limit: f64, forecast: Option<f64>) -> Projection {
    let month_start = Date::new(today.year, today.month, 1).expect("the first exists");
    let month_end = if today.month == 12 {
        Date::new(today.year + 1, 1, 1)
    } else {
        Date::new(today.year, today.month + 1, 1)
    }
    .expect("the first exists");
    let this_month: Vec<&Day> = history
        .iter()
        .filter(|d| d.date >= month_start && d.date < today)
        .collect();
    let month_to_date: f64 = this_month.iter().map(|d| d.amount).sum();
    let remaining: Vec<Date> = (today.days_since_epoch()..month_end.days_since_epoch())
        .map(Date::from_days_since_epoch)
        .collect();
    let mut daily = run_rate(history, &remaining);
    let run_total: f64 = daily.iter().sum();
    let rest_of_month = match forecast {
        Some(total) => {
            if run_total > 0.0 {
                daily.iter_mut().for_each(|d| *d *= total / run_total);
            }
            total
        }
        None => run_total,
    };
    let total = month_to_date + rest_of_month;
    let mut running = 0.0;
    let mut crossing = None;
    let actual = this_month.iter().map(|d| (d.date, d.amount));
    let projected = remaining.iter().copied().zip(daily.iter().copied());
    for (date, amount) in actual.chain(projected) {
        running += amount;
        if running > limit {
            crossing = Some(date);
            break;
        }
    }
    Projection {
        month_start,
        month_end,
        month_to_date,
        rest_of_month,
        total,
        over_by: (total > limit).then_some(total - limit),
        crossing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::synthetic::Shape;

    #[test]
    fn a_steady_month_under_its_limit() {
        let days = Shape::steady(Date::new(2026, 9, 1).unwrap(), 45, 100.0).generate();
        let p = project(&days, Date::new(2026, 10, 11).unwrap(), 5000.0, None);
        assert_eq!(p.month_to_date, 1000.0);
        assert!((p.rest_of_month - 2100.0).abs() < 1e-6);
        assert_eq!(p.total, 3100.0);
        assert_eq!(p.over_by, None);
        assert_eq!(p.crossing, None);
    }

    #[test]
    fn crossing_day_and_overrun() {
        let days = Shape::steady(Date::new(2026, 9, 1).unwrap(), 45, 100.0).generate();
        let p = project(&days, Date::new(2026, 10, 11).unwrap(), 2500.0, None);
        assert_eq!(p.over_by, Some(600.0));
        assert_eq!(
            p.crossing,
            Date::new(2026, 10, 26),
            "the 25th brings 2,500; the 26th passes it"
        );
    }

    #[test]
    fn a_forecast_total_is_spread_by_the_run_rate() {
        let days = Shape::steady(Date::new(2026, 9, 1).unwrap(), 45, 100.0).generate();
        let p = project(
            &days,
            Date::new(2026, 10, 11).unwrap(),
            2500.0,
            Some(4200.0),
        );
        assert_eq!(p.total, 5200.0);
        // 1,000 spent, then 200 a day: the limit is passed on the 18th.
        assert_eq!(p.crossing, Date::new(2026, 10, 18));
    }

    #[test]
    fn weekends_are_projected_as_weekends() {
        let shape = Shape {
            weekend_factor: 0.5,
            ..Shape::steady(Date::new(2026, 9, 1).unwrap(), 45, 100.0)
        };
        let days = shape.generate();
        let remaining = [
            Date::new(2026, 10, 17).unwrap(),
            Date::new(2026, 10, 19).unwrap(),
        ]; // Sat, Mon
        let rates = run_rate(&days, &remaining);
        assert!(rates[0] < rates[1] * 0.6, "{rates:?}");
    }
}
