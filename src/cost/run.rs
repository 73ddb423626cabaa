//! What each cost command does, over any [`CostSource`] or [`Fleet`]: typed outcomes in,
//! reports out. No AWS, no files: the adapters are handed in (see `open`).

use super::anomaly::{detect_and_expect, detect_total, Day, Outcome as Analysis};
use super::budget::{project, Projection};
use super::diagnostics::{self, Found};
use super::fleet::{Calls, Fleet, Window};
use super::prices::PriceTable;
use super::query::{CostQuery, Dimension, GroupBy, Metric};
use super::recommendation::{sort, Kind, Recommendation};
use super::recommendation_report::PriceNote;
use super::rightsize::{self, Options};
use super::root_cause::{causes, Cause};
use super::series;
use super::settings::{
    AnomalySettings, BudgetSettings, Period, SourceSettings, SpendSettings, TagSettings,
};
use super::source::{CostSource, Requests};
use super::summary::{self, Summary};
use super::tags::Coverage;
use super::thresholds::Thresholds;
use super::waste;
use crate::cli::args::ForecastKind;
use crate::date::Date;
use crate::error::{Error, ErrorKind, Result};
use crate::report::{Chart, ChartKind, ChartUnit, Location, Report};
use crate::timestamp::Timestamp;

/// The key of the whole bill's series.
const TOTAL: &str = "Total";

/// Where SARIF anchors the findings: the export that answered, else the configured place.
fn anchor(source: &dyn CostSource, group_by: &[GroupBy], s: &SourceSettings) -> Location {
    source
        .file_for(group_by)
        .map(|file| Location::file(file, None))
        .unwrap_or_else(|| s.anchor.clone())
}

/// A scheduled job must fail loudly: no data is never "nothing to report".
fn no_costs(start: Date, end: Date) -> Error {
    Error::runtime(format!(
        "Cost Explorer returned no costs for {start} to {end}"
    ))
    .with_hint(
        "check the account and dates; Cost Explorer needs up to 24 hours after it is enabled",
    )
}

pub struct AnomalyOutcome {
    pub group: GroupBy,
    /// Newest first; within a day the whole bill first, then the largest impact.
    pub found: Vec<Found>,
    /// Anomalies before the recent window that are over.
    pub earlier: usize,
    pub recent: u32,
    pub error_impact: f64,
    pub requests: Requests,
    pub warnings: Vec<String>,
    pub anchor: Location,
    /// The whole bill's daily cost and the largest groups', for charts.
    pub series: Vec<(String, Vec<Day>)>,
}

/// Groups charted besides the whole bill.
const CHARTED_GROUPS: usize = 4;

/// Every day is judged, the groups and the whole bill; the anomalies of the recent window
/// (and older ones still in effect) get their root causes from follow-up queries.
pub fn anomalies(
    source: &mut dyn CostSource,
    until: Date,
    s: &AnomalySettings,
) -> Result<AnomalyOutcome> {
    let end = until.plus_days(1);
    let start = end.plus_days(-i64::from(s.days));
    let metric = s.source.metric;
    let group = &s.group;
    let records = source.cost_and_usage(&CostQuery {
        start,
        end,
        metric,
        group_by: vec![group.clone()],
        filter: None,
    })?;
    if records.is_empty() {
        return Err(no_costs(start, until));
    }
    let from = (s.recent > 0).then(|| end.plus_days(-i64::from(s.recent)));
    let mut warnings = Vec::new();
    let mut found = Vec::new();
    let mut earlier = 0;
    let all = series::daily(&records, start, end);
    // The bill as a whole: a jump spread over several groups may hide in each of them.
    let total = series::total(&all);
    // Every day is judged: a level shift that began before the recent window and still
    // holds is reported whatever `--recent` says. The groups first: the total is judged
    // against the sum of their expectations.
    let mut charted: Vec<(String, Vec<Day>)> = all
        .iter()
        .map(|(k, days)| (k.clone(), days.clone()))
        .collect();
    charted.sort_by(|a, b| {
        let sum = |d: &[Day]| d.iter().map(|d| d.amount).sum::<f64>();
        sum(&b.1).total_cmp(&sum(&a.1))
    });
    charted.truncate(CHARTED_GROUPS);
    charted.insert(0, (TOTAL.to_string(), total.clone()));
    let mut total_expected = vec![0.0; total.len()];
    let mut analysed = Vec::new();
    for (key, days) in all {
        let (analysis, expected) = detect_and_expect(&days, &s.detection, None);
        for (sum, e) in total_expected.iter_mut().zip(expected) {
            *sum += e;
        }
        analysed.push((key, days, analysis));
    }
    let total_analysis = detect_total(&total, &total_expected, &s.detection, None);
    for (key, days, analysis) in
        std::iter::once((TOTAL.to_string(), total, total_analysis)).chain(analysed)
    {
        match analysis {
            Analysis::Analysed(list) => {
                for anomaly in list {
                    let at = (anomaly.date.days_since_epoch() - days[0].date.days_since_epoch())
                        as usize;
                    let trend = days[at.saturating_sub(13)..=at]
                        .iter()
                        .map(|d| d.amount)
                        .collect();
                    found.push(Found {
                        trend,
                        group: if key == TOTAL {
                            "total".to_string()
                        } else {
                            group.label()
                        },
                        key: key.clone(),
                        anomaly,
                        causes: Vec::new(),
                        share_of_total: None,
                    });
                }
            }
            Analysis::TooShort { days } => warnings.push(format!(
                "{} `{key}`: {days} complete days of history, 15 needed; not analysed",
                group.label()
            )),
        }
    }
    diagnostics::fold_total(&mut found, TOTAL);
    found.retain(|f| {
        let listed = from.is_none_or(|from| f.anomaly.date >= from) || f.anomaly.ongoing.is_some();
        if !listed {
            earlier += 1;
        }
        listed
    });
    for f in &mut found {
        f.causes = if f.key == TOTAL {
            causes(&group.label(), &records, f.anomaly.date, 5)
        } else {
            root_causes(source, group, &f.key, f.anomaly.date, metric, &mut warnings)?
        };
    }
    found.sort_by(|a, b| {
        (b.anomaly.date, a.key != TOTAL)
            .cmp(&(a.anomaly.date, b.key != TOTAL))
            .then(b.anomaly.impact.total_cmp(&a.anomaly.impact))
    });
    warnings.extend(source.take_warnings());
    Ok(AnomalyOutcome {
        group: group.clone(),
        found,
        earlier,
        recent: s.recent,
        error_impact: s.error_impact,
        requests: source.requests(),
        warnings,
        anchor: anchor(source, std::slice::from_ref(group), &s.source),
        series: charted,
    })
}

impl AnomalyOutcome {
    /// Daily cost of the whole bill and the largest groups, anomalies marked.
    fn charts(&self) -> Vec<Chart> {
        self.series
            .iter()
            .map(|(key, days)| Chart {
                title: if key == TOTAL {
                    "Daily cost, whole bill (red: anomalies)".to_string()
                } else {
                    format!("Daily cost, {} {key}", self.group.label())
                },
                kind: ChartKind::Line,
                labels: days.iter().map(|d| d.date.to_string()).collect(),
                values: days.iter().map(|d| d.amount).collect(),
                marks: self
                    .found
                    .iter()
                    .filter(|f| f.key == *key)
                    .filter_map(|f| {
                        let at = days.iter().position(|d| d.date == f.anomaly.date)?;
                        Some((
                            at,
                            format!(
                                "{} {}: +{}",
                                f.anomaly.date,
                                f.anomaly.kind.as_str().replace('_', " "),
                                crate::report::money(f.anomaly.impact)
                            ),
                        ))
                    })
                    .collect(),
                line: None,
                unit: ChartUnit::Dollars,
            })
            .collect()
    }

    pub fn report(&self) -> Report {
        let mut report = diagnostics::report(
            &self.group.label(),
            &self.found,
            self.requests,
            self.error_impact,
            self.warnings.clone(),
        );
        diagnostics::count_earlier(&mut report, self.earlier, self.recent);
        report.anchor = Some(self.anchor.clone());
        report.charts = self.charts();
        report
    }
}

/// The other dimensions' values that added most on `day`, from one query each.
fn root_causes(
    source: &mut dyn CostSource,
    group: &GroupBy,
    key: &str,
    day: Date,
    metric: Metric,
    warnings: &mut Vec<String>,
) -> Result<Vec<Cause>> {
    let dimensions = [
        Dimension::UsageType,
        Dimension::Region,
        Dimension::LinkedAccount,
    ];
    let mut all = Vec::new();
    for dimension in dimensions {
        if *group == GroupBy::Dimension(dimension) {
            continue;
        }
        let query = CostQuery {
            start: day.plus_days(-28),
            end: day.plus_days(1),
            metric,
            group_by: vec![GroupBy::Dimension(dimension)],
            filter: Some((group.clone(), key.to_string())),
        };
        match source.cost_and_usage(&query) {
            Ok(records) => all.extend(causes(dimension.label(), &records, day, 3)),
            // An offline export directory may not hold this breakdown: say so once.
            Err(e) if e.kind() == ErrorKind::Usage => {
                let note = format!(
                    "no {} breakdown for root causes: {}",
                    dimension.label(),
                    e.message()
                );
                if !warnings.contains(&note) {
                    warnings.push(note);
                }
            }
            Err(e) => return Err(e),
        }
    }
    all.sort_by(|a, b| b.contribution.total_cmp(&a.contribution));
    all.truncate(5);
    Ok(all)
}

pub struct BudgetOutcome {
    pub projection: Projection,
    /// This month's days so far.
    pub month: Vec<Day>,
    pub limit: f64,
    pub forecast_source: &'static str,
    pub requests: Requests,
    pub warnings: Vec<String>,
    pub anchor: Location,
}

pub fn budget(
    source: &mut dyn CostSource,
    until: Date,
    s: &BudgetSettings,
) -> Result<BudgetOutcome> {
    let metric = s.source.metric;
    // The month holding the day after the last complete one.
    let today = until.plus_days(1);
    let start = today.month_start().min(today.plus_days(-28)).plus_days(-7);
    let records = source.cost_and_usage(&CostQuery {
        start,
        end: today,
        metric,
        group_by: Vec::new(),
        filter: None,
    })?;
    if records.is_empty() {
        return Err(no_costs(start, until));
    }
    let history = series::total(&series::daily(&records, start, today));
    let mut warnings = Vec::new();
    let (forecast, forecast_source) = match s.forecast {
        ForecastKind::RunRate => (None, "run-rate"),
        ForecastKind::Aws => match source.forecast(today, today.next_month_start(), metric) {
            Ok(total) => (Some(total), "aws"),
            Err(e) => {
                // Never pretend the AWS forecast was used.
                warnings.push(format!(
                    "the AWS forecast failed ({}); projected from the run rate instead",
                    e.message()
                ));
                (None, "run-rate")
            }
        },
    };
    warnings.extend(source.take_warnings());
    let month_start = today.month_start();
    Ok(BudgetOutcome {
        month: history
            .iter()
            .filter(|d| d.date >= month_start)
            .cloned()
            .collect(),
        projection: project(&history, today, s.limit, forecast),
        limit: s.limit,
        forecast_source,
        requests: source.requests(),
        warnings,
        anchor: anchor(source, &[], &s.source),
    })
}

impl BudgetOutcome {
    pub fn report(&self) -> Report {
        let mut report = diagnostics::budget_report(
            &self.projection,
            self.limit,
            self.forecast_source,
            self.requests,
            self.warnings.clone(),
        );
        report.anchor = Some(self.anchor.clone());
        let mut running = 0.0;
        report.charts.push(Chart {
            title: format!(
                "Spend this month, running total, against the budget of {}",
                crate::report::money(self.limit)
            ),
            kind: ChartKind::Line,
            labels: self.month.iter().map(|d| d.date.to_string()).collect(),
            values: self
                .month
                .iter()
                .map(|d| {
                    running += d.amount;
                    running
                })
                .collect(),
            marks: Vec::new(),
            line: Some((
                format!("budget {}", crate::report::money(self.limit)),
                self.limit,
            )),
            unit: ChartUnit::Dollars,
        });
        report
    }
}

pub struct TagOutcome {
    pub coverages: Vec<Coverage>,
    pub max_untagged: f64,
    pub start: Date,
    pub until: Date,
    pub requests: Requests,
    pub warnings: Vec<String>,
    pub anchor: Location,
}

pub fn tags(source: &mut dyn CostSource, until: Date, s: &TagSettings) -> Result<TagOutcome> {
    let end = until.plus_days(1);
    let start = end.plus_days(-i64::from(s.days));
    let mut coverages = Vec::new();
    for key in &s.require {
        // One query a tag: spend by tag value and service.
        let records = source.cost_and_usage(&CostQuery {
            start,
            end,
            metric: s.source.metric,
            group_by: vec![
                GroupBy::Tag(key.to_string()),
                GroupBy::Dimension(Dimension::Service),
            ],
            filter: None,
        })?;
        coverages.push(super::tags::coverage(key, &records, 5));
    }
    if coverages.iter().all(|c| c.total == 0.0) {
        return Err(no_costs(start, until));
    }
    let mut warnings = source.take_warnings();
    warnings.retain(|w| !w.is_empty());
    Ok(TagOutcome {
        coverages,
        max_untagged: s.max_untagged,
        start,
        until,
        requests: source.requests(),
        warnings,
        anchor: anchor(source, &[], &s.source),
    })
}

impl TagOutcome {
    pub fn report(&self) -> Report {
        let mut report = diagnostics::tags_report(
            &self.coverages,
            self.max_untagged,
            self.start,
            self.until,
            self.requests,
            self.warnings.clone(),
        );
        report.anchor = Some(self.anchor.clone());
        report
    }
}

pub struct SpendOutcome {
    pub summary: Summary,
    pub group: GroupBy,
    pub requests: Requests,
    pub warnings: Vec<String>,
    pub anchor: Location,
}

pub fn spend(source: &mut dyn CostSource, until: Date, s: &SpendSettings) -> Result<SpendOutcome> {
    let (start, end) = match s.period {
        Period::Month(first) => {
            let last = first.next_month_start().plus_days(-1);
            (first, last.min(until))
        }
        Period::Days(days) => (until.plus_days(1 - i64::from(days)), until),
    };
    if start > end {
        return Err(Error::usage(format!(
            "the period starts after {until}, the last day with data"
        )));
    }
    // One query covers the period, the one before it, and last month.
    let len = end.days_since_epoch() - start.days_since_epoch() + 1;
    let (last_month_start, _) = summary::last_month(end);
    let from = start.plus_days(-len).min(last_month_start);
    let records = source.cost_and_usage(&CostQuery {
        start: from,
        end: end.plus_days(1),
        metric: s.source.metric,
        group_by: vec![s.group.clone()],
        filter: None,
    })?;
    if records.is_empty() {
        return Err(no_costs(from, end));
    }
    Ok(SpendOutcome {
        summary: summary::summarise(&records, start, end),
        group: s.group.clone(),
        requests: source.requests(),
        warnings: source.take_warnings(),
        anchor: anchor(source, std::slice::from_ref(&s.group), &s.source),
    })
}

impl SpendOutcome {
    pub fn report(&self) -> Report {
        let mut report = diagnostics::spend_report(
            &self.summary,
            &self.group.label(),
            self.requests,
            self.warnings.clone(),
        );
        report.anchor = Some(self.anchor.clone());
        report
    }
}

/// Idle is here too: an idle resource is the largest right-sizing there is (stop or delete
/// it), and `cost rightsize` must never be silent about one it did not downsize.
pub const RIGHTSIZE_KINDS: [Kind; 7] = [
    Kind::UnderProvisioned,
    Kind::NotMultiAz,
    Kind::Idle,
    Kind::OverProvisioned,
    Kind::OverProvisionedTasks,
    Kind::OverProvisionedTaskSize,
    Kind::InsufficientData,
];
pub const IDLE_KINDS: [Kind; 5] = [
    Kind::Idle,
    Kind::PreviousGeneration,
    Kind::Unattached,
    Kind::Gp2ToGp3,
    Kind::OldSnapshot,
];

/// A fleet as read, with the clock and the requests it took.
pub struct ReadFleet {
    pub fleet: Fleet,
    pub now: Timestamp,
    pub thresholds: Thresholds,
    pub calls: Calls,
    pub warnings: Vec<String>,
}

pub struct FleetOutcome {
    pub command: &'static str,
    pub recommendations: Vec<Recommendation>,
    pub kinds: &'static [Kind],
    pub window: Window,
    pub prices: PriceNote,
    pub calls: Calls,
    pub warnings: Vec<String>,
    pub resources: [usize; 6],
    pub anchor: Location,
    /// Accounts read, and those that could not be (their findings are missing).
    pub accounts: Vec<super::fleet::Account>,
    pub unread_accounts: Vec<super::fleet::UnreadAccount>,
}

pub fn rightsize(
    read: &ReadFleet,
    prices: &PriceTable,
    cross_family: bool,
    anchor: Location,
) -> FleetOutcome {
    let analysis = rightsize::analyse(
        &read.fleet,
        prices,
        &read.thresholds,
        read.now,
        &Options { cross_family },
    );
    let mut list: Vec<_> = analysis
        .recommendations
        .into_iter()
        .filter(|r| RIGHTSIZE_KINDS.contains(&r.finding))
        .collect();
    sort(&mut list);
    fleet_outcome(
        "cost rightsize",
        list,
        &RIGHTSIZE_KINDS,
        read,
        prices,
        analysis.warnings,
        anchor,
    )
}

pub fn idle(read: &ReadFleet, prices: &PriceTable, anchor: Location) -> FleetOutcome {
    let analysis = rightsize::analyse(
        &read.fleet,
        prices,
        &read.thresholds,
        read.now,
        &Options {
            cross_family: false,
        },
    );
    let mut list: Vec<_> = analysis
        .recommendations
        .into_iter()
        .filter(|r| r.finding == Kind::Idle)
        .chain(waste::analyse(
            &read.fleet,
            prices,
            &read.thresholds,
            read.now,
        ))
        .collect();
    sort(&mut list);
    fleet_outcome(
        "cost idle",
        list,
        &IDLE_KINDS,
        read,
        prices,
        analysis.warnings,
        anchor,
    )
}

fn fleet_outcome(
    command: &'static str,
    recommendations: Vec<Recommendation>,
    kinds: &'static [Kind],
    read: &ReadFleet,
    prices: &PriceTable,
    warnings: Vec<String>,
    anchor: Location,
) -> FleetOutcome {
    let f = &read.fleet;
    let mut recommendations = recommendations;
    let owners = f.accounts_by_resource();
    for r in recommendations
        .iter_mut()
        .filter(|r| r.account_id.is_none())
    {
        r.account_id = owners.get(r.resource_id.as_str()).map(|a| a.to_string());
    }
    FleetOutcome {
        command,
        recommendations,
        kinds,
        window: f.window,
        prices: PriceNote {
            source: prices.source.clone(),
            date: prices.date.clone(),
        },
        calls: read.calls,
        warnings: read.warnings.iter().cloned().chain(warnings).collect(),
        resources: [
            f.instances.len(),
            f.databases.len(),
            f.volumes.len(),
            f.snapshots.len(),
            f.addresses.len(),
            f.services.len(),
        ],
        anchor,
        accounts: f.accounts.clone(),
        unread_accounts: f.unread_accounts.clone(),
    }
}

impl FleetOutcome {
    pub fn report(&self) -> Report {
        let c = &self.calls;
        let requests = serde_json::json!({
            "ec2": c.ec2,
            "rds": c.rds,
            "ecs": c.ecs,
            "application_autoscaling": c.application_autoscaling,
            "cloudwatch": c.cloudwatch,
            "sts": c.sts,
            "organizations": c.organizations,
            "total": c.total(),
            "metrics_requested": c.metrics_requested,
        });
        let mut report = super::recommendation_report::report(
            self.command,
            &self.recommendations,
            self.kinds,
            self.window,
            &self.prices,
            requests,
            self.warnings.clone(),
        );
        let [instances, databases, volumes, snapshots, addresses, services] = self.resources;
        report.summary.insert(
            "resources".into(),
            serde_json::json!({
                "instances": instances,
                "databases": databases,
                "volumes": volumes,
                "snapshots": snapshots,
                "addresses": addresses,
                "ecs_services": services,
            }),
        );
        if !self.accounts.is_empty() || !self.unread_accounts.is_empty() {
            report.extra.insert(
                "accounts".into(),
                serde_json::json!({
                    "read": self.accounts,
                    "unread": self.unread_accounts,
                }),
            );
        }
        // An account that could not be read leaves its findings out: said as an error of
        // the run, which keeps the verdict from being clean.
        for u in &self.unread_accounts {
            report
                .errors
                .push(format!("account {} was not read: {}", u.id, u.reason));
        }
        report.anchor = Some(self.anchor.clone());
        report
    }
}
