//! Daily cost anomalies, per series: a seasonal (same-weekday) baseline that follows the
//! recent level, a robust score on the residuals (median and MAD), and floors in dollars
//! and percent. It catches spikes and level shifts ($100/day becoming $1,500/day), and
//! stays quiet on weekly seasonality, steady growth and charges that recur on the same day
//! of every month. Pure: a series in, anomalies out.

use crate::date::Date;

/// Days of history a day needs before it is judged.
pub const MIN_HISTORY: usize = 14;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Day {
    pub date: Date,
    pub amount: f64,
    /// Cost Explorer still marks the day `Estimated`: it is history, never judged.
    pub estimated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Robust z-score (in MADs) a residual must reach.
    pub threshold: f64,
    /// Dollars above expected a day must reach.
    pub min_impact: f64,
    /// Percent above expected a day must reach.
    pub min_percent: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            threshold: 4.0,
            min_impact: 25.0,
            min_percent: 20.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One unusual day (or a few) that returns to normal.
    Spike,
    /// A new steady state: reported once, on its first day.
    LevelShift,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Spike => "spike",
            Kind::LevelShift => "level_shift",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anomaly {
    pub date: Date,
    pub actual: f64,
    pub expected: f64,
    pub impact: f64,
    /// `None` when nothing was expected (a cost that did not exist before).
    pub impact_percent: Option<f64>,
    pub score: f64,
    pub kind: Kind,
    /// A level shift still in effect on the last complete day.
    pub ongoing: Option<Ongoing>,
}

/// How long a level shift has lasted and what it has cost so far.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ongoing {
    /// Days from the onset to the last complete day, both included.
    pub days: u32,
    /// Spend above the level before the shift, from the onset to the last complete day.
    pub extra_spend: f64,
}

/// The analysis of one series, or why it could not be analysed.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Analysed(Vec<Anomaly>),
    TooShort { days: usize },
}

/// Judges every day of `days` (contiguous, oldest first) that has `MIN_HISTORY` days
/// before it and is not estimated; `from` limits the judged days to those on or after it.
pub fn detect(days: &[Day], settings: &Settings, from: Option<Date>) -> Outcome {
    judge(days, &Model::fit(days), settings, from)
}

/// [`detect`], and what the model expected each day to cost (each from the days before it
/// only): a group's expectations, summed, are what the whole bill is judged against.
pub fn detect_and_expect(
    days: &[Day],
    settings: &Settings,
    from: Option<Date>,
) -> (Outcome, Vec<f64>) {
    let model = Model::fit(days);
    (judge(days, &model, settings, from), model.expected)
}

/// [`detect`] for the whole bill, judged against `expected`: the sum of every group's own
/// expectation, so the total knows what each group knows (a fee its group expects on the
/// first of the month is expected of the total too).
pub fn detect_total(
    days: &[Day],
    expected: &[f64],
    settings: &Settings,
    from: Option<Date>,
) -> Outcome {
    let mut model = Model::fit(days);
    if expected.len() == days.len() {
        model.expected = expected.to_vec();
    }
    judge(days, &model, settings, from)
}

fn judge(days: &[Day], model: &Model, settings: &Settings, from: Option<Date>) -> Outcome {
    let complete = days.iter().filter(|d| !d.estimated).count();
    if complete < MIN_HISTORY + 1 {
        return Outcome::TooShort { days: complete };
    }
    let mut anomalies: Vec<Anomaly> = Vec::new();
    let mut shift_until: Option<usize> = None;
    for t in MIN_HISTORY..days.len() {
        let day = days[t];
        if day.estimated || from.is_some_and(|f| day.date < f) {
            continue;
        }
        if shift_until.is_some_and(|end| t <= end) {
            continue;
        }
        let expected = model.expected[t];
        let residual = day.amount - expected;
        let impact_percent = (expected > 0.0).then(|| residual / expected * 100.0);
        // The floors first: they are cheap, and almost every day fails them.
        if residual < settings.min_impact
            || impact_percent.is_some_and(|p| p < settings.min_percent)
        {
            continue;
        }
        let history: Vec<f64> = (t.saturating_sub(28)..t)
            .filter(|&i| i >= 7 && !days[i].estimated && !model.unusual(i))
            .map(|i| model.residual(days, i))
            .collect();
        if history.len() < 7 {
            continue;
        }
        let centre = median(&history);
        let spread = 1.4826
            * median(
                &history
                    .iter()
                    .map(|r| (r - centre).abs())
                    .collect::<Vec<_>>(),
            );
        // A flat series has no spread; a floor keeps one cent from being infinitely unusual.
        let scale = spread.max(0.05 * expected.abs()).max(0.01);
        let score = (residual - centre) / scale;
        if score < settings.threshold {
            continue;
        }
        let kind = shift_kind(days, model, t, residual);
        let mut ongoing = None;
        if kind == Kind::LevelShift {
            // The days after the onset are the same event, not new anomalies.
            shift_until = Some(t + 7);
            ongoing = still_shifted(days, model, t, residual);
        }
        anomalies.push(Anomaly {
            date: day.date,
            actual: day.amount,
            expected,
            impact: residual,
            impact_percent,
            score: (score * 100.0).round() / 100.0,
            kind,
            ongoing,
        });
    }
    Outcome::Analysed(anomalies)
}

/// A level shift when the days after stay well above what the level before the event
/// would have given them (each through its own weekday factor).
fn shift_kind(days: &[Day], model: &Model, t: usize, residual: f64) -> Kind {
    let level = model.base[t] / model.factor[t].max(1e-9);
    let excess: Vec<f64> = (t + 1..days.len().min(t + 8))
        .filter(|&u| !days[u].estimated)
        .map(|u| days[u].amount - level * model.factor[u])
        .collect();
    if excess.len() >= 2 && median(&excess) >= 0.5 * residual {
        Kind::LevelShift
    } else {
        Kind::Spike
    }
}

/// Whether the shift that began on day `t` still holds on the last complete day: the last
/// week stays at least half the onset's excess above the level before it.
fn still_shifted(days: &[Day], model: &Model, t: usize, residual: f64) -> Option<Ongoing> {
    let last = (t..days.len()).rev().find(|&u| !days[u].estimated)?;
    let level = model.base[t] / model.factor[t].max(1e-9);
    let excess = |u: usize| days[u].amount - level * model.factor[u];
    let tail: Vec<f64> = (last.saturating_sub(6).max(t)..=last)
        .filter(|&u| !days[u].estimated)
        .map(excess)
        .collect();
    if tail.is_empty() || median(&tail) < 0.5 * residual {
        return None;
    }
    let extra_spend = (t..=last)
        .filter(|&u| !days[u].estimated)
        .map(|u| excess(u).max(0.0))
        .sum();
    Some(Ongoing {
        days: u32::try_from(last - t + 1).unwrap_or(u32::MAX),
        extra_spend,
    })
}

/// The fitted baseline, online: every day's expectation uses only the days before it —
/// weekday factors from the eight weeks before (a centred moving average inside that
/// window, so outliers and trends barely move them) and the level of the seven days
/// before — so what happens after a day never hides it.
struct Model {
    /// Each day's expectation without the monthly term: level × weekday factor.
    base: Vec<f64>,
    /// The weekday factor applied on each day.
    factor: Vec<f64>,
    expected: Vec<f64>,
    /// Days whose residual is far out: kept out of later days' level and spread.
    outliers: Vec<bool>,
}

impl Model {
    fn fit(days: &[Day]) -> Model {
        let mut model = Model {
            base: vec![0.0; days.len()],
            factor: vec![1.0; days.len()],
            expected: vec![0.0; days.len()],
            outliers: vec![false; days.len()],
        };
        // Days are contiguous, so weekdays follow from the first one.
        let first_weekday = days.first().map_or(0, |d| weekday(d.date));
        let wd = |i: usize| (first_weekday + i) % 7;
        let mut factors = [1.0; 7];
        for t in 0..days.len() {
            // Refitted weekly from the eight weeks before: seasonality moves slowly.
            if t % 7 == 0 {
                let from = t.saturating_sub(56);
                factors = weekday_factors(&days[from..t], wd(from));
            }
            let factor = |i: usize| factors[wd(i)];
            let mut window = [0.0; 7];
            let mut n = 0;
            let from = t.saturating_sub(7);
            for (i, day) in days.iter().enumerate().take(t).skip(from) {
                if !day.estimated && !model.outliers[i] {
                    window[n] = day.amount / factor(i);
                    n += 1;
                }
            }
            let level = if n == 0 {
                days[t].amount / factor(t)
            } else {
                median(&window[..n])
            };
            let base = level * factor(t);
            model.base[t] = base;
            model.factor[t] = factor(t);
            // A recurring charge only ever raises the expectation, so only a day above its
            // base needs the (costlier) look at earlier months.
            let monthly = if days[t].amount > base {
                model.monthly_charge(days, t)
            } else {
                0.0
            };
            let expected = base + monthly;
            model.expected[t] = expected;
            let residual = days[t].amount - expected;
            // A day far above its level is an outlier for the days after it.
            model.outliers[t] = t >= 7 && residual > 0.5 * expected.abs().max(1.0);
        }
        model
    }

    fn unusual(&self, i: usize) -> bool {
        self.outliers[i]
    }

    fn residual(&self, days: &[Day], i: usize) -> f64 {
        days[i].amount - self.expected[i]
    }

    /// A charge that came on the same day of the month in every earlier month of the
    /// series (support plans, reserved upfront fees, taxes) is expected again: each earlier
    /// one must have stood clearly above its own day's base.
    fn monthly_charge(&self, days: &[Day], t: usize) -> f64 {
        let date = days[t].date;
        let first = days[0].date.days_since_epoch();
        // The same day of each of the twelve months before, where the series has it.
        let earlier: Vec<(f64, f64)> = (1..=12)
            .filter_map(|back| {
                let months = i32::from(date.month) - 1 - back;
                let year = date.year + months.div_euclid(12);
                let month = months.rem_euclid(12) as u8 + 1;
                let i = Date::new(year, month, date.day)?.days_since_epoch() - first;
                // A month start too early to have a week before it says nothing.
                usize::try_from(i)
                    .ok()
                    .filter(|&i| i >= 7 && !days[i].estimated)
            })
            .map(|i| (days[i].amount - self.base[i], self.base[i]))
            .collect();
        // At least two thirds of them stood above noise (5 % of their base), and the
        // typical extra is positive: a fee, not chance.
        let clear = earlier
            .iter()
            .filter(|&&(extra, base)| extra > 0.05 * base.abs())
            .count();
        if earlier.is_empty() || clear * 3 < earlier.len() * 2 {
            return 0.0;
        }
        median(&earlier.iter().map(|&(extra, _)| extra).collect::<Vec<_>>()).max(0.0)
    }
}

/// Median ratio of each weekday to its centred seven-day mean, normalised to average 1.
/// `first_weekday` is the weekday of `days[0]` (0 = Monday); days must be contiguous.
pub fn weekday_factors(days: &[Day], first_weekday: usize) -> [f64; 7] {
    let mut ratios: [Vec<f64>; 7] = Default::default();
    for t in 3..days.len().saturating_sub(3) {
        let window = &days[t - 3..=t + 3];
        if window.iter().any(|d| d.estimated) {
            continue;
        }
        let mean = window.iter().map(|d| d.amount).sum::<f64>() / 7.0;
        if mean > 0.0 {
            ratios[(first_weekday + t) % 7].push(days[t].amount / mean);
        }
    }
    let mut factors = [1.0; 7];
    for (d, r) in ratios.iter().enumerate() {
        if r.len() >= 2 {
            factors[d] = median(r).max(0.05);
        }
    }
    let mean = factors.iter().sum::<f64>() / 7.0;
    factors.map(|f| f / mean)
}

/// 0 = Monday.
pub fn weekday(date: Date) -> usize {
    // 1970-01-01 was a Thursday.
    ((date.days_since_epoch() + 3).rem_euclid(7)) as usize
}

pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    // Selection, not a sort, and no allocation for the usual short windows: this runs
    // for every day of every series.
    let mut stack = [0.0; 32];
    let mut heap = Vec::new();
    let v: &mut [f64] = if values.len() <= stack.len() {
        stack[..values.len()].copy_from_slice(values);
        &mut stack[..values.len()]
    } else {
        heap.extend_from_slice(values);
        &mut heap
    };
    let n = v.len();
    let (_, upper, _) = v.select_nth_unstable_by(n / 2, f64::total_cmp);
    let upper = *upper;
    if n % 2 == 1 {
        return upper;
    }
    let lower = v[..n / 2].iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lower + upper) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::synthetic::Shape;

    #[test]
    fn medians() {
        assert_eq!(median(&[]), 0.0);
        assert_eq!(median(&[3.0]), 3.0);
        assert_eq!(median(&[5.0, 1.0, 3.0]), 3.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&[1.0, 1.0, 1.0, 9.0]), 1.0);
    }

    fn start() -> Date {
        // Mid-month, so the first month start (day 13) falls inside the first 14 days,
        // which are history only: with no earlier month to learn from, a first fee would
        // rightly look like a spike.
        Date::new(2026, 6, 18).unwrap()
    }

    fn realistic() -> Shape {
        Shape {
            weekend_factor: 0.6,
            noise: 0.05,
            growth: 0.002,
            month_start_fee: 400.0,
            ..Shape::steady(start(), 120, 300.0)
        }
    }

    fn flagged(shape: &Shape) -> Vec<(Date, Kind)> {
        match detect(&shape.generate(), &Settings::default(), None) {
            Outcome::Analysed(a) => a.iter().map(|a| (a.date, a.kind)).collect(),
            Outcome::TooShort { days } => panic!("too short: {days}"),
        }
    }

    fn day(i: usize) -> Date {
        Date::from_days_since_epoch(start().days_since_epoch() + i as i64)
    }

    #[test]
    fn quiet_on_seasonality_growth_noise_and_month_start_fees() {
        assert_eq!(flagged(&realistic()), []);
        let first_fee_judged = Shape {
            start: Date::new(2026, 6, 17).unwrap(),
            ..realistic()
        };
        assert_eq!(
            flagged(&first_fee_judged),
            [(Date::new(2026, 7, 1).unwrap(), Kind::Spike)],
            "a first fee with no earlier month to learn from is news"
        );
        let fast_growth = Shape {
            growth: 0.01,
            ..realistic()
        };
        assert_eq!(
            flagged(&fast_growth),
            [],
            "1 %/day organic growth is not an anomaly"
        );
        let strong_weekly = Shape {
            weekend_factor: 0.2,
            ..realistic()
        };
        assert_eq!(flagged(&strong_weekly), []);
    }

    #[test]
    fn catches_a_spike_on_its_day_only() {
        let shape = Shape {
            spikes: vec![(70, 3.0)],
            ..realistic()
        };
        assert_eq!(flagged(&shape), [(day(70), Kind::Spike)]);
    }

    #[test]
    fn catches_a_spike_on_a_weekend() {
        // 2026-09-05 is a Saturday: day 79.
        let shape = Shape {
            spikes: vec![(79, 2.5)],
            ..realistic()
        };
        assert_eq!(day(79).to_string(), "2026-09-05");
        assert_eq!(flagged(&shape), [(day(79), Kind::Spike)]);
    }

    #[test]
    fn catches_a_level_shift_once_on_its_first_day() {
        let shape = Shape {
            shift: Some((60, 1500.0)),
            month_start_fee: 0.0,
            ..Shape {
                base: 100.0,
                ..realistic()
            }
        };
        assert_eq!(flagged(&shape), [(day(60), Kind::LevelShift)]);
    }

    fn only(shape: &Shape) -> Anomaly {
        match detect(&shape.generate(), &Settings::default(), None) {
            Outcome::Analysed(a) if a.len() == 1 => a[0],
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_shift_still_in_effect_says_since_when_and_what_it_has_cost() {
        // $100 a day, then $500 a day from 26 days before the end of the series.
        let shape = Shape {
            shift: Some((94, 500.0)),
            ..Shape::steady(start(), 120, 100.0)
        };
        let a = only(&shape);
        assert_eq!((a.date, a.kind), (day(94), Kind::LevelShift));
        let ongoing = a.ongoing.expect("still in effect");
        assert_eq!(ongoing.days, 26);
        assert!(
            (ongoing.extra_spend - 26.0 * 400.0).abs() < 1.0,
            "{ongoing:?}"
        );
    }

    #[test]
    fn the_total_expects_what_its_groups_expect() {
        // A $300 fee on day 45: the total's own model has never seen it and flags it; with
        // its groups' expectations (one of which knows the fee) it is nothing new.
        let mut days = Shape::steady(start(), 60, 100.0).generate();
        days[45].amount = 400.0;
        let alone = match detect(&days, &Settings::default(), None) {
            Outcome::Analysed(a) => a,
            other => panic!("{other:?}"),
        };
        assert_eq!(alone.len(), 1);
        let (_, mut expected) = detect_and_expect(&days, &Settings::default(), None);
        expected[45] = 400.0;
        assert_eq!(
            detect_total(&days, &expected, &Settings::default(), None),
            Outcome::Analysed(Vec::new())
        );
    }

    #[test]
    fn a_shift_that_went_back_is_not_ongoing() {
        // Up for two weeks, then back to the old level.
        let mut days = Shape {
            shift: Some((80, 500.0)),
            ..Shape::steady(start(), 120, 100.0)
        }
        .generate();
        for d in &mut days[94..] {
            d.amount = 100.0;
        }
        let Outcome::Analysed(found) = detect(&days, &Settings::default(), None) else {
            panic!()
        };
        let shift = found.iter().find(|a| a.date == day(80)).expect("{found:?}");
        assert_eq!(shift.kind, Kind::LevelShift);
        assert_eq!(shift.ongoing, None);
    }

    #[test]
    fn details_of_an_anomaly() {
        let shape = Shape {
            spikes: vec![(70, 3.0)],
            noise: 0.0,
            growth: 0.0,
            weekend_factor: 1.0,
            month_start_fee: 0.0,
            ..realistic()
        };
        let Outcome::Analysed(found) = detect(&shape.generate(), &Settings::default(), None) else {
            panic!()
        };
        let a = found[0];
        assert_eq!(a.actual, 900.0);
        assert!((a.expected - 300.0).abs() < 1.0, "{a:?}");
        assert!((a.impact - 600.0).abs() < 1.0);
        assert!((a.impact_percent.unwrap() - 200.0).abs() < 1.0);
        assert!(a.score > 4.0);
    }

    #[test]
    fn floors_keep_small_changes_quiet() {
        let shape = Shape {
            spikes: vec![(70, 3.0)],
            ..Shape::steady(start(), 120, 5.0)
        };
        assert_eq!(
            flagged(&shape),
            [],
            "$10 over a $5 day is under the $25 floor"
        );
        let settings = Settings {
            min_impact: 1.0,
            ..Settings::default()
        };
        let Outcome::Analysed(found) = detect(&shape.generate(), &settings, None) else {
            panic!()
        };
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn estimated_days_are_never_judged() {
        let mut days = Shape {
            spikes: vec![(119, 4.0)],
            ..realistic()
        }
        .generate();
        days[119].estimated = true;
        let Outcome::Analysed(found) = detect(&days, &Settings::default(), None) else {
            panic!()
        };
        assert!(found.is_empty());
    }

    #[test]
    fn too_short_says_so() {
        let days = Shape::steady(start(), 10, 100.0).generate();
        assert_eq!(
            detect(&days, &Settings::default(), None),
            Outcome::TooShort { days: 10 }
        );
    }

    #[test]
    fn from_limits_the_judged_days() {
        let shape = Shape {
            spikes: vec![(40, 3.0), (100, 3.0)],
            ..realistic()
        };
        let Outcome::Analysed(found) =
            detect(&shape.generate(), &Settings::default(), Some(day(90)))
        else {
            panic!()
        };
        assert_eq!(found.iter().map(|a| a.date).collect::<Vec<_>>(), [day(100)]);
    }
}
