//! `cost rightsize` and `cost idle` as shared findings, in the JSON contract
//! (`recommendations`, `totals`, `requests`), with risks shown first and apart from
//! savings for people.

use serde_json::{json, Map, Value};

use super::diagnostics::money;
use super::fleet::Window;
use super::recommendation::{round2, Kind, Recommendation};
use crate::report::{
    Cell, Diagnostic, Finding, Location, Report, RuleDescriptor, Severity, TableView,
};

/// Where the prices came from, for the report and its footer.
pub struct PriceNote {
    pub source: String,
    pub date: Option<String>,
}

pub fn report(
    command: &str,
    list: &[Recommendation],
    kinds: &[Kind],
    window: Window,
    prices: &PriceNote,
    requests: Value,
    warnings: Vec<String>,
) -> Report {
    let mut report = Report::new(command);
    report.items_key = "recommendations";
    report.rules = kinds
        .iter()
        .map(|k| RuleDescriptor {
            id: k.rule_id(),
            name: k.as_str().to_string(),
            description: k.description().to_string(),
            default_severity: k.severity(),
            help_uri: None,
            help: Some(k.advice().to_string()),
        })
        .collect();
    let mut risks = TableView::default().titled("Risks");
    let mut savings = TableView::default().titled("Savings (on-demand list prices)");
    let mut unknown = TableView::default().titled("Not judged: too little data");

    let (mut total_savings, mut total_extra, mut total_cost) = (0.0, 0.0, 0.0);
    let mut by_kind: Map<String, Value> = Map::new();
    for r in list {
        let label = r
            .name
            .as_ref()
            .map(|n| format!("{n} ({})", r.resource_id))
            .unwrap_or_else(|| r.resource_id.clone());
        let types = match (&r.current_type, &r.recommended_type) {
            (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
            (Some(a), Some(_)) if r.finding == Kind::NotMultiAz => format!("{a} → Multi-AZ"),
            (Some(a), _) => a.clone(),
            (None, Some(b)) => format!("→ {b}"),
            (None, None) => "—".into(),
        };
        let message = format!(
            "{} {} {}: {}",
            r.service.as_str(),
            label,
            r.finding.as_str().replace('_', " "),
            r.reason
        );
        // The account is part of who a finding is about (two accounts may both have an
        // `orders-db` in one region); a fleet read without one keeps its old fingerprints.
        let mut identity: Vec<&str> = r.account_id.iter().map(String::as_str).collect();
        identity.extend([
            r.service.as_str(),
            &r.region,
            &r.resource_id,
            r.finding.as_str(),
        ]);
        let mut finding =
            Finding::new(r.finding.rule_id(), r.severity(), message, &identity).at(Location {
                resource: Some(format!(
                    "aws/{}/{}/{}",
                    r.region,
                    r.service.as_str(),
                    r.resource_id
                )),
                ..Location::default()
            });
        if let Value::Object(fields) = serde_json::to_value(r).unwrap_or(Value::Null) {
            for (k, v) in fields {
                finding.properties.insert(k, v);
            }
        }
        report.findings.push(finding);
        total_savings += r.monthly_savings.unwrap_or(0.0);
        total_extra += r.monthly_extra_cost.unwrap_or(0.0);
        total_cost += r.monthly_cost.unwrap_or(0.0);
        let entry = by_kind
            .entry(r.finding.as_str().to_string())
            .or_insert_with(|| json!({"count": 0, "monthly_savings": 0.0}));
        entry["count"] = Value::from(entry["count"].as_u64().unwrap_or(0) + 1);
        entry["monthly_savings"] = Value::from(round2(
            entry["monthly_savings"].as_f64().unwrap_or(0.0) + r.monthly_savings.unwrap_or(0.0),
        ));
        let price = |x: Option<f64>| x.map(money).unwrap_or_else(|| "—".into());
        let (view, figure) = match r.severity() {
            Severity::Error => (
                &mut risks,
                r.monthly_extra_cost
                    .map(|x| format!("adds {}/month", money(x)))
                    .unwrap_or_default(),
            ),
            Severity::Warning => (
                &mut savings,
                format!(
                    "saves {}/month of {}",
                    price(r.monthly_savings),
                    price(r.monthly_cost)
                ),
            ),
            Severity::Note => (
                &mut unknown,
                r.metrics
                    .hours_of_data
                    .map(|h| format!("{h} hours of data"))
                    .unwrap_or_default(),
            ),
        };
        view.diagnostics.push(Diagnostic {
            severity: Some(r.severity()),
            label: r.finding.rule_id(),
            subject: format!("{} {label}", r.service.as_str()),
            figure,
            facts: vec![match &r.account_id {
                Some(account) => format!("{account} · {} · {types}", r.region),
                None => format!("{} · {types}", r.region),
            }],
            body: vec![r.reason.clone()],
        });
    }
    let dated = prices
        .date
        .as_ref()
        .map(|d| format!(" of {d}"))
        .unwrap_or_default();
    if !risks.diagnostics.is_empty() {
        risks.footer.push(format!(
            "Fixing these risks adds {} a month.",
            money(total_extra)
        ));
        report.views.push(risks);
    }
    if !savings.diagnostics.is_empty() {
        savings.footer.push(format!(
            "Total {} a month ({} a year), at on-demand list prices{dated} from {}.",
            money(total_savings),
            money(total_savings * 12.0),
            prices.source
        ));
        report.views.push(savings);
    }
    if !unknown.diagnostics.is_empty() {
        report.views.push(unknown);
    }
    if report.views.is_empty() {
        let mut clean = TableView::new(["result"]);
        clean.push(vec![Cell::plain(format!(
            "nothing to recommend ({} to {})",
            window.start, window.end
        ))]);
        report.views.push(clean);
    }
    report.extra.insert(
        "window".into(),
        json!({"start": window.start.to_string(), "end": window.end.to_string()}),
    );
    report.extra.insert(
        "prices".into(),
        json!({"source": prices.source, "date": prices.date, "basis": "on-demand list prices, 730 hours a month"}),
    );
    report.extra.insert(
        "totals".into(),
        json!({
            "monthly_savings": round2(total_savings),
            "annual_savings": round2(total_savings * 12.0),
            "monthly_extra_cost": round2(total_extra),
            "monthly_cost_of_flagged": round2(total_cost),
            "by_finding": by_kind,
        }),
    );
    report.extra.insert("requests".into(), requests);
    report
        .summary
        .insert("monthly_savings".into(), Value::from(round2(total_savings)));
    report.warnings = warnings;
    report
}
