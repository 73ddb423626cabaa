//! Cost anomalies as shared findings, in the JSON contract, with the table people
//! read.

use serde_json::{json, Value};

use super::anomaly::{Anomaly, Kind};
use super::budget::Projection;
use super::recommendation::round2;
use super::root_cause::Cause;
use super::source::Requests;
use crate::report::{Cell, Diagnostic, Finding, Report, RuleDescriptor, Severity, TableView};

pub const SPIKE: &str = "cost/anomaly-spike";
pub const LEVEL_SHIFT: &str = "cost/anomaly-level-shift";

/// An anomaly of one group's series, with its causes.
pub struct Found {
    pub group: String,
    pub key: String,
    pub anomaly: Anomaly,
    pub causes: Vec<Cause>,
    /// The series' daily cost for the two weeks ending on the anomalous day.
    pub trend: Vec<f64>,
    /// The share of the whole bill's excess that day this group explains, when the total's
    /// own anomaly was folded into this one.
    pub share_of_total: Option<f64>,
}

/// Folds a total anomaly that merely restates one group's anomaly the same day (that
/// group explains at least 80 % of the total's excess) into the group's finding, which
/// then names its share. Several groups together keep the total's finding: the bill as a
/// whole is the news.
pub fn fold_total(found: &mut Vec<Found>, total_key: &str) {
    let mut folded = Vec::new();
    for (i, total) in found.iter().enumerate() {
        if total.key != total_key {
            continue;
        }
        let same_day: Vec<usize> = found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.key != total_key && f.anomaly.date == total.anomaly.date)
            .map(|(j, _)| j)
            .collect();
        if let [only] = same_day[..] {
            let share = found[only].anomaly.impact / total.anomaly.impact.max(0.01);
            if share >= 0.8 {
                folded.push((i, only, share.min(1.0)));
            }
        }
    }
    for &(_, group, share) in &folded {
        found[group].share_of_total = Some(share);
    }
    let drop: std::collections::HashSet<usize> = folded.iter().map(|&(i, _, _)| i).collect();
    *found = std::mem::take(found)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !drop.contains(i))
        .map(|(_, f)| f)
        .collect();
}

pub use crate::report::money;

pub fn report(
    group: &str,
    found: &[Found],
    requests: Requests,
    error_impact: f64,
    warnings: Vec<String>,
) -> Report {
    let mut report = Report::new("cost anomalies");
    report.items_key = "anomalies";
    report.rules = vec![
        RuleDescriptor {
            id: SPIKE.into(),
            name: "CostSpike".into(),
            description: "A day's cost far above its seasonal baseline.".into(),
            default_severity: Severity::Warning,
            help_uri: None,
            help: Some("Open Cost Explorer for the day and group by usage type, region and account (the finding lists the top causes). A one-day spike that does not recur needs no action; raise `min_impact` in `[cost]` if such days are noise to you.".into()),
        },
        RuleDescriptor {
            id: LEVEL_SHIFT.into(),
            name: "CostLevelShift".into(),
            description: "Daily cost moved to a new, higher steady state.".into(),
            default_severity: Severity::Warning,
            help_uri: None,
            help: Some("Daily spend stepped up and stayed there: find the change behind it (the causes list the usage types, regions and accounts that grew) and decide whether it is expected. If it is, it becomes the new baseline after a fortnight.".into()),
        },
    ];
    let mut view = TableView::default();
    let mut ongoing_lines = Vec::new();
    for f in found {
        let a = &f.anomaly;
        let severity = if a.impact > error_impact {
            Severity::Error
        } else {
            Severity::Warning
        };
        let rule = match a.kind {
            Kind::Spike => SPIKE,
            Kind::LevelShift => LEVEL_SHIFT,
        };
        let percent = a
            .impact_percent
            .map(|p| format!(" (+{p:.0} %)"))
            .unwrap_or_default();
        let mut message = format!(
            "{} {}: {} on {} against {} expected{}",
            f.key,
            a.kind.as_str().replace('_', " "),
            money(a.actual),
            a.date,
            money(a.expected),
            percent
        );
        if let Some(share) = f.share_of_total {
            message.push_str(&format!(
                "; {:.0} % of the whole bill's rise that day",
                share * 100.0
            ));
        }
        if let Some(ongoing) = a.ongoing {
            message.push_str(&format!(
                "; still in effect after {} days, {} extra spend since it began",
                ongoing.days,
                money(ongoing.extra_spend)
            ));
        }
        let date = a.date.to_string();
        let causes: Vec<Value> = f
            .causes
            .iter()
            .map(|c| json!({"dimension": c.dimension, "value": c.value, "contribution": c.contribution}))
            .collect();
        report.findings.push(
            Finding::new(
                rule,
                severity,
                message,
                &[&f.group, &f.key, &date, a.kind.as_str()],
            )
            .with("date", date.clone())
            .with("group", f.group.clone())
            .with("key", f.key.clone())
            .with("actual", round2(a.actual))
            .with("expected", round2(a.expected))
            .with("impact", round2(a.impact))
            .with(
                "impact_percent",
                a.impact_percent.map(|p| (p * 10.0).round() / 10.0),
            )
            .with("score", a.score)
            .with("kind", a.kind.as_str())
            .with(
                "share_of_total",
                f.share_of_total.map(|s| (s * 1000.0).round() / 1000.0),
            )
            .with("ongoing", a.ongoing.is_some())
            .with("since", a.ongoing.map(|_| date.clone()))
            .with("days", a.ongoing.map(|o| o.days))
            .with("extra_spend", a.ongoing.map(|o| round2(o.extra_spend)))
            .with("root_causes", causes),
        );
        if let Some(o) = a.ongoing {
            ongoing_lines.push(format!(
                "still in effect: {} since {} ({} days), {} extra spend so far",
                f.key,
                a.date,
                o.days,
                money(o.extra_spend)
            ));
        }
        let mut body = Vec::new();
        if !f.causes.is_empty() {
            body.push(format!(
                "causes: {}",
                f.causes
                    .iter()
                    .take(3)
                    .map(|c| format!("{} {} +{}", c.dimension, c.value, money(c.contribution)))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        view.diagnostics.push(Diagnostic {
            severity: Some(severity),
            label: rule.to_string(),
            subject: if f.group == "total" {
                format!("the whole bill on {date}")
            } else {
                format!("{group} {} on {date}", f.key)
            },
            figure: format!("+{}{}", money(a.impact), percent.replace(" %", "%")),
            // The last bar is the anomalous day, marked so it reads without colour.
            facts: vec![
                format!(
                    "{} · actual {} · expected {} · score {:.1}",
                    a.kind.as_str().replace('_', " "),
                    money(a.actual),
                    money(a.expected),
                    a.score,
                ),
                format!("last 14 days {}◀", super::summary::sparkline(&f.trend)),
            ],
            body,
        });
    }
    view.footer = ongoing_lines;
    report.views.push(view);
    add_requests(&mut report, requests);
    report.warnings = warnings;
    report
}

/// "3 earlier anomalies in the analysed window; `--recent 0` lists them": over before the
/// recent window, so not listed, but never silently dropped.
pub fn count_earlier(report: &mut Report, earlier: usize, recent: u32) {
    report
        .extra
        .insert("earlier_anomalies".into(), json!(earlier));
    if earlier > 0 {
        let line = format!(
            "{earlier} earlier anomal{} in the analysed window, over before the last {recent} days; `--recent 0` lists {}",
            if earlier == 1 { "y" } else { "ies" },
            if earlier == 1 { "it" } else { "them" },
        );
        match report.views.first_mut() {
            Some(view) => view.footer.push(line),
            None => report.warnings.push(line),
        }
    }
}

pub const BUDGET_FORECAST_OVER: &str = "cost/budget-forecast-over";
pub const BUDGET_OVER: &str = "cost/budget-over";

/// `cost budget`: the month's spend and projection against the limit.
pub fn budget_report(
    p: &Projection,
    limit: f64,
    forecast_source: &str,
    requests: Requests,
    warnings: Vec<String>,
) -> Report {
    let mut report = Report::new("cost budget");
    report.rules = vec![
        RuleDescriptor {
            id: BUDGET_OVER.into(),
            name: "BudgetExceeded".into(),
            description: "Month-to-date spend is over the budget.".into(),
            default_severity: Severity::Error,
            help_uri: None,
            help: Some("The month has already spent more than the limit: find what grew with `opsguard cost report` and `opsguard cost anomalies`, or raise the limit.".into()),
        },
        RuleDescriptor {
            id: BUDGET_FORECAST_OVER.into(),
            name: "BudgetForecastExceeded".into(),
            description: "The month is forecast to end over the budget.".into(),
            default_severity: Severity::Error,
            help_uri: None,
            help: Some("At the current run rate the month ends over the limit: find what grew with `opsguard cost anomalies` before the month ends, or raise the limit.".into()),
        },
    ];
    let month = format!("{:04}-{:02}", p.month_start.year, p.month_start.month);
    if let Some(over) = p.over_by {
        let (rule, message) = if p.month_to_date > limit {
            (
                BUDGET_OVER,
                format!(
                    "{month} has already spent {} against a {} budget",
                    money(p.month_to_date),
                    money(limit)
                ),
            )
        } else {
            let when = p
                .crossing
                .map(|d| format!("; the budget runs out on {d}"))
                .unwrap_or_default();
            (
                BUDGET_FORECAST_OVER,
                format!(
                    "{month} is forecast at {}, {} over the {} budget{when}",
                    money(p.total),
                    money(over),
                    money(limit)
                ),
            )
        };
        report.findings.push(
            Finding::new(rule, Severity::Error, message, &[&month, rule])
                .with("period", month.clone())
                .with("limit", round2(limit))
                .with("forecast_total", round2(p.total))
                .with("over_by", round2(over))
                .with("crossing_date", p.crossing.map(|d| d.to_string())),
        );
    }
    report.extra.insert(
        "budget".into(),
        json!({
            "period": month,
            "limit": round2(limit),
            "month_to_date": round2(p.month_to_date),
            "forecast_rest_of_month": round2(p.rest_of_month),
            "forecast_total": round2(p.total),
            "forecast_source": forecast_source,
            "over_by": p.over_by.map(round2),
            "crossing_date": p.crossing.map(|d| d.to_string()),
        }),
    );
    add_requests(&mut report, requests);
    let mut view = TableView::new(["", "amount"]).titled(format!("Budget for {month}"));
    view.right_aligned = vec![1];
    let rows = [
        ("budget", money(limit)),
        ("spent so far", money(p.month_to_date)),
        (
            if forecast_source == "aws" {
                "rest of month (AWS forecast)"
            } else {
                "rest of month (run rate)"
            },
            money(p.rest_of_month),
        ),
        ("projected total", money(p.total)),
        (
            "over by",
            p.over_by.map(money).unwrap_or_else(|| "—".into()),
        ),
        (
            "budget runs out on",
            p.crossing
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into()),
        ),
    ];
    for (label, value) in rows {
        view.push(vec![Cell::plain(label), Cell::plain(value)]);
    }
    report.views.push(view);
    report.warnings = warnings;
    report
}

pub const UNTAGGED: &str = "cost/untagged-spend";

/// `cost tags`: the untagged share of each required tag.
pub fn tags_report(
    coverages: &[super::tags::Coverage],
    max_untagged: f64,
    start: crate::date::Date,
    until: crate::date::Date,
    requests: Requests,
    warnings: Vec<String>,
) -> Report {
    let mut report = Report::new("cost tags");
    report.rules = vec![RuleDescriptor {
        id: UNTAGGED.into(),
        name: "UntaggedSpend".into(),
        description: "Too much spend lacks a required cost-allocation tag.".into(),
        default_severity: Severity::Error,
        help_uri: Some(
            "https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/cost-alloc-tags.html"
                .into(),
        ),
        help: Some("Activate the tag as a cost-allocation tag in the Billing console, then tag the resources of the services listed in the finding; spend before activation stays untagged.".into()),
    }];
    let mut view = TableView::new([
        "tag",
        "untagged",
        "untagged spend",
        "total",
        "largest untagged services",
    ])
    .titled(format!("Cost-allocation tags, {start} to {until}"));
    view.right_aligned = vec![1, 2, 3];
    let mut items = Vec::new();
    for c in coverages {
        let services: Vec<Value> = c
            .top_untagged
            .iter()
            .map(|(s, a)| json!({"service": s, "amount": round2(*a)}))
            .collect();
        items.push(json!({
            "key": c.key,
            "untagged_amount": round2(c.untagged),
            "total": round2(c.total),
            "untagged_percent": (c.untagged_percent * 10.0).round() / 10.0,
            "top_untagged_services": services,
        }));
        if c.untagged_percent > max_untagged {
            let top = c
                .top_untagged
                .first()
                .map(|(s, a)| format!("; most of it {s} ({})", money(*a)))
                .unwrap_or_default();
            report.findings.push(
                Finding::new(
                    UNTAGGED,
                    Severity::Error,
                    format!(
                        "{:.1} % of spend ({} of {}) has no `{}` tag, over the {max_untagged} % allowed{top}",
                        c.untagged_percent,
                        money(c.untagged),
                        money(c.total),
                        c.key
                    ),
                    &[&c.key],
                )
                .with("key", c.key.clone())
                .with("untagged_percent", (c.untagged_percent * 10.0).round() / 10.0)
                .with("untagged_amount", round2(c.untagged))
                .with("max_untagged_percent", max_untagged),
            );
        }
        let top = c
            .top_untagged
            .iter()
            .take(3)
            .map(|(s, a)| format!("{s}: {}", money(*a)))
            .collect::<Vec<_>>()
            .join("\n");
        view.push(vec![
            Cell::plain(&c.key),
            Cell::plain(format!("{:.1} %", c.untagged_percent)),
            Cell::plain(money(c.untagged)),
            Cell::plain(money(c.total)),
            Cell::plain(if top.is_empty() {
                "—".to_string()
            } else {
                top
            }),
        ]);
    }
    report.views.push(view);
    report.extra.insert(
        "period".into(),
        json!({"start": start.to_string(), "end": until.to_string()}),
    );
    report.extra.insert("tags".into(), Value::Array(items));
    add_requests(&mut report, requests);
    report.warnings = warnings;
    report
}

/// `cost report`: spend by group, with the usual figures. Information, not findings.
pub fn spend_report(
    s: &super::summary::Summary,
    group: &str,
    requests: Requests,
    warnings: Vec<String>,
) -> Report {
    use super::summary::sparkline;
    let change = |c: Option<f64>| {
        c.map(|p| format!("{p:+.1} %"))
            .unwrap_or_else(|| "new".into())
    };
    let mut report = Report::new("cost report");
    let mut headline = TableView::new(["yesterday", "last 7 days", "month to date", "last month"])
        .titled(format!("Spend up to {}", s.end));
    headline.right_aligned = vec![0, 1, 2, 3];
    headline.push(vec![
        Cell::plain(money(s.yesterday)),
        Cell::plain(money(s.last_7_days)),
        Cell::plain(money(s.month_to_date)),
        Cell::plain(money(s.last_month)),
    ]);
    let days = s.end.days_since_epoch() - s.start.days_since_epoch() + 1;
    let trend = format!("last {} days", days.min(14));
    let mut table =
        TableView::new([group, "spend", "vs previous", "share", &trend]).titled(format!(
            "{} to {} ({days} days) against the {days} days before",
            s.start, s.end
        ));
    table.right_aligned = vec![1, 2, 3];
    // Figures and the sparkline are never wrapped; the sparkline is the last fortnight (a
    // year of days would wrap over many lines; JSON has every day).
    table.unwrapped = vec![1, 2, 3, 4];
    let mut groups = Vec::new();
    for g in &s.groups {
        table.push(vec![
            Cell::plain(&g.key),
            Cell::plain(money(g.total)),
            Cell::plain(change(g.change_percent)),
            Cell::plain(format!("{:.1} %", g.share_percent)),
            Cell::plain(sparkline(&g.daily[g.daily.len().saturating_sub(14)..])),
        ]);
        groups.push(json!({
            "key": g.key,
            "total": round2(g.total),
            "previous": round2(g.previous),
            "change_percent": g.change_percent.map(|p| (p * 10.0).round() / 10.0),
            "share_percent": (g.share_percent * 10.0).round() / 10.0,
            "daily": g.daily.iter().map(|d| round2(*d)).collect::<Vec<_>>(),
        }));
    }
    table.footer.push(format!(
        "Total {} ({} against {} before)",
        money(s.total),
        change(s.change_percent),
        money(s.previous)
    ));
    report.views.push(headline);
    report.views.push(table);
    report.extra.insert(
        "period".into(),
        json!({"start": s.start.to_string(), "end": s.end.to_string(), "group_by": group}),
    );
    report.extra.insert(
        "totals".into(),
        json!({
            "period": round2(s.total),
            "previous": round2(s.previous),
            "change_percent": s.change_percent.map(|p| (p * 10.0).round() / 10.0),
            "yesterday": round2(s.yesterday),
            "last_7_days": round2(s.last_7_days),
            "month_to_date": round2(s.month_to_date),
            "last_month": round2(s.last_month),
        }),
    );
    report.extra.insert("groups".into(), Value::Array(groups));
    add_requests(&mut report, requests);
    report.warnings = warnings;
    report
}

/// What the run cost: `requests` at the top, and `paid_requests` in the summary.
fn add_requests(report: &mut Report, requests: Requests) {
    report.extra.insert(
        "requests".into(),
        json!({"paid": requests.paid, "cached": requests.cached}),
    );
    report
        .summary
        .insert("paid_requests".into(), requests.paid.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(key: &str, day: &str, impact: f64) -> Found {
        Found {
            group: "service".into(),
            key: key.into(),
            anomaly: Anomaly {
                date: crate::date::Date::parse(day).unwrap(),
                actual: impact + 10.0,
                expected: 10.0,
                impact,
                impact_percent: None,
                score: 9.0,
                kind: Kind::Spike,
                ongoing: None,
            },
            causes: Vec::new(),
            trend: Vec::new(),
            share_of_total: None,
        }
    }

    #[test]
    fn a_total_that_restates_one_group_is_folded_into_it() {
        let mut list = vec![
            found("Total", "2026-03-01", 300.0),
            found("AWS Support", "2026-03-01", 295.0),
            found("Total", "2026-03-05", 300.0),
            found("EC2", "2026-03-05", 150.0),
            found("S3", "2026-03-05", 150.0),
        ];
        fold_total(&mut list, "Total");
        let keys: Vec<(&str, Option<f64>)> = list
            .iter()
            .map(|f| {
                (
                    f.key.as_str(),
                    f.share_of_total.map(|s| (s * 100.0).round()),
                )
            })
            .collect();
        assert_eq!(
            keys,
            [
                ("AWS Support", Some(98.0)),
                ("Total", None),
                ("EC2", None),
                ("S3", None)
            ]
        );
    }

    #[test]
    fn money_is_grouped_with_cents() {
        assert_eq!(money(47_000.0), "$47,000.00");
        assert_eq!(money(3.5), "$3.50");
        assert_eq!(money(1_234_567.891), "$1,234,567.89");
        assert_eq!(money(-12.0), "-$12.00");
    }
}
