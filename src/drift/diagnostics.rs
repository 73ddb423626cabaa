//! Drift as shared findings: stable rule ids, severities, the JSON contract's fields, and
//! the matrix people read.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::baseline;
use super::compare::{production_index, Comparison, Drift, Status};
use crate::report::{Cell, Finding, Location, Report, RuleDescriptor, Severity, TableView};

pub const DIFFERS: &str = "drift/differs";
pub const MISSING: &str = "drift/missing";
pub const TYPE_MISMATCH: &str = "drift/type-mismatch";
pub const VIOLATION: &str = "drift/violation";
pub const EQUIVALENT: &str = "drift/equivalent";
pub const DUPLICATE_KEY: &str = "drift/duplicate-key";
pub const EXPIRED_RULE: &str = "drift/expired-rule";

pub fn rule_descriptors() -> Vec<RuleDescriptor> {
    let rule = RuleDescriptor::new;
    vec![
        rule(DIFFERS, "ValueDiffers", "A configuration value differs between environments.", Severity::Warning),
        rule(MISSING, "KeyMissing", "A configuration key is present in some environments only.", Severity::Warning),
        rule(TYPE_MISMATCH, "TypeMismatch", "A key holds different kinds of value (e.g. a number and a list) in different environments.", Severity::Error),
        rule(VIOLATION, "PolicyViolation", "A drift policy rule failed.", Severity::Error),
        rule(EQUIVALENT, "EquivalentNotation", "The same value is written in different notation (e.g. 5s and 5000ms).", Severity::Note),
        rule(DUPLICATE_KEY, "DuplicateKey", "A key is set twice in one file; the last value wins.", Severity::Warning),
        rule(EXPIRED_RULE, "ExpiredPolicyRule", "A drift policy rule has expired and is no longer applied.", Severity::Warning),
    ]
}

fn rule_id(status: Status) -> &'static str {
    match status {
        Status::Differs => DIFFERS,
        Status::Missing => MISSING,
        Status::TypeMismatch => TYPE_MISMATCH,
        Status::Violation => VIOLATION,
        Status::Equivalent => EQUIVALENT,
    }
}

/// One finding of a comparison with the typed facts behind it: the matrix, the baseline
/// and the JSON are all built from these, never from each other.
pub struct Row {
    pub finding: Finding,
    pub key: String,
    /// `differs`, `missing`, …, `duplicate_key`, `expired_rule`.
    pub status: &'static str,
    /// Per environment: the value as shown and where it is set (`file:line`).
    pub values: Vec<(Option<String>, Option<String>)>,
    pub rule: Option<String>,
    pub detail: String,
}

/// The findings of a comparison, in report order.
pub fn findings(cmp: &Comparison) -> Vec<Finding> {
    rows(cmp).into_iter().map(|r| r.finding).collect()
}

pub fn rows(cmp: &Comparison) -> Vec<Row> {
    let mut rows: Vec<Row> = cmp.drifts.iter().map(|d| drift_row(cmp, d)).collect();
    for (env, dup) in &cmp.duplicates {
        let values: Map<String, Value> = Map::new();
        let message = format!(
            "`{}` is set twice in {} (lines {} and {}); the last value wins",
            dup.key, dup.again.file, dup.first.line, dup.again.line
        );
        let finding = Finding::new(
            DUPLICATE_KEY,
            Severity::Warning,
            message.clone(),
            &[env, &dup.again.file, &dup.key],
        )
        .at(Location::file(
            dup.again.file.to_string(),
            Some(dup.again.line as usize),
        ))
        .with("key", dup.key.clone())
        .with("status", "duplicate_key")
        .with("values", values)
        .with(
            "sources",
            Value::Object(Map::from_iter([(
                env.clone(),
                Value::from(dup.again.to_string()),
            )])),
        )
        .with("rule", Value::Null);
        rows.push(Row {
            finding,
            key: dup.key.clone(),
            status: "duplicate_key",
            values: cmp
                .envs
                .iter()
                .map(|e| (None, (e == env).then(|| dup.again.to_string())))
                .collect(),
            rule: None,
            detail: message,
        });
    }
    for rule in &cmp.expired_rules {
        let expired = rule.expires.map(|d| d.to_string()).unwrap_or_default();
        let message = format!(
            "policy rule `{}` expired on {expired}: no longer applied",
            rule.id
        );
        let finding = Finding::new(
            EXPIRED_RULE,
            Severity::Warning,
            message.clone(),
            &[&rule.id, &expired],
        )
        .at(Location::at(&rule.source))
        .with("key", rule.pattern.clone())
        .with("status", "expired_rule")
        .with("values", Map::new())
        .with("sources", Map::new())
        .with("rule", rule.id.clone());
        rows.push(Row {
            finding,
            key: rule.pattern.clone(),
            status: "expired_rule",
            values: vec![(None, None); cmp.envs.len()],
            rule: Some(rule.id.clone()),
            detail: message,
        });
    }
    rows
}

fn drift_row(cmp: &Comparison, drift: &Drift) -> Row {
    Row {
        finding: drift_finding(cmp, drift),
        key: drift.key.clone(),
        status: drift.status.as_str(),
        values: drift
            .values
            .iter()
            .map(|v| match v {
                Some(v) => (Some(v.shown.clone()), Some(v.source())),
                None => (None, None),
            })
            .collect(),
        rule: drift.rule.clone(),
        detail: drift.detail.clone(),
    }
}

fn drift_finding(cmp: &Comparison, drift: &Drift) -> Finding {
    let parts: Vec<&str> = drift.identity.iter().map(String::as_str).collect();
    let mut values = Map::new();
    let mut sources = Map::new();
    for (name, value) in cmp.envs.iter().zip(&drift.values) {
        values.insert(
            name.clone(),
            value
                .as_ref()
                .map_or(Value::Null, |v| Value::from(v.shown.clone())),
        );
        sources.insert(
            name.clone(),
            value
                .as_ref()
                .map_or(Value::Null, |v| Value::from(v.source())),
        );
    }
    // Point at production's line where it has the key: that is what a fix changes.
    let prod = production_index(&cmp.envs);
    let anchor = drift.values[prod]
        .as_ref()
        .or_else(|| drift.values.iter().rev().flatten().next());
    let location = anchor
        .map(|v| Location::file(v.file.clone(), Some(v.line as usize)))
        .unwrap_or_default();
    Finding::new(
        rule_id(drift.status),
        drift.severity,
        format!("{}: {}", drift.key, drift.detail),
        &parts,
    )
    .at(location)
    .with("key", drift.key.clone())
    .with("status", drift.status.as_str())
    .with("values", values)
    .with("sources", sources)
    .with("rule", drift.rule.clone().map_or(Value::Null, Value::from))
    .with("detail", drift.detail.clone())
}

/// Baseline entries for today's findings (notes are never failures, so never recorded).
pub fn baseline_entries(rows: &[Row]) -> Vec<baseline::Entry> {
    rows.iter()
        .filter(|r| r.finding.severity > Severity::Note)
        .map(|r| baseline::Entry {
            key: r.key.clone(),
            status: r.status.to_string(),
            fingerprint: r.finding.fingerprint.clone(),
        })
        .collect()
}

pub fn report(command: &str, cmp: &Comparison, accepted: Option<&HashSet<String>>) -> Report {
    let mut report = Report::new(command);
    report.rules = rule_descriptors();
    report
        .extra
        .insert("envs".into(), Value::from(cmp.envs.clone()));
    let mut rows = rows(cmp);
    let total = rows.len();
    if let Some(set) = accepted {
        rows.retain(|r| !set.contains(&r.finding.fingerprint));
    }
    report.findings = rows.iter().map(|r| r.finding.clone()).collect();
    report
        .summary
        .insert("envs".into(), Value::from(cmp.envs.len()));
    report
        .summary
        .insert("keys_compared".into(), Value::from(cmp.keys_compared));
    report
        .summary
        .insert("accepted_by_policy".into(), Value::from(cmp.accepted));
    report.summary.insert(
        "baselined".into(),
        Value::from(total - report.findings.len()),
    );
    report.warnings.extend(cmp.warnings.iter().cloned());
    report.views.push(matrix(cmp, &rows));
    report
}

/// One row per drifting key, one column per environment, with where each value is set.
fn matrix(cmp: &Comparison, rows: &[Row]) -> TableView {
    let mut headers = vec![
        "key".to_string(),
        "status".to_string(),
        "severity".to_string(),
    ];
    headers.extend(cmp.envs.iter().cloned());
    headers.push("detail".to_string());
    let mut view = TableView::new(headers);
    view.unwrapped = vec![1, 2];
    view.identifiers = vec![0];
    let prefix = common_directory(rows);
    if !prefix.is_empty() {
        view.title = Some(format!("Files are under {prefix}"));
    }
    let mut source_widths = vec![0usize; cmp.envs.len()];
    for (n, r) in rows.iter().enumerate() {
        let f = &r.finding;
        // The values that differ from the most common one are highlighted.
        let common = most_common(r.values.iter().map(|(v, _)| v.as_deref()));
        let mut row = vec![
            Cell::plain(&r.key),
            Cell::plain(r.status.replace('_', " ")),
            Cell::severity(f.severity),
        ];
        if n > 0 {
            view.narrow.push(String::new());
        }
        view.narrow
            .push(format!("{}[{}]: {}", f.severity.as_str(), f.rule_id, r.key));
        if let Some(path) = &f.location.path {
            let line = f.location.line.map(|l| format!(":{l}")).unwrap_or_default();
            view.narrow.push(format!("  --> {path}{line}"));
        }
        for (i, env) in cmp.envs.iter().enumerate() {
            let (value, full_source) = (r.values[i].0.as_deref(), r.values[i].1.as_deref());
            let source = full_source.map(|s| s.strip_prefix(prefix.as_str()).unwrap_or(s));
            if let Some(s) = source {
                source_widths[i] = source_widths[i].max(s.chars().count());
            }
            let text = match (value, source) {
                (Some(v), Some(s)) => format!("{v}\n{s}"),
                (None, Some(s)) => s.to_string(),
                (Some(v), None) => v.to_string(),
                (None, None) => "—".to_string(),
            };
            let differs = r.status != "expired_rule"
                && r.status != "duplicate_key"
                && common.is_some_and(|c| c != value);
            row.push(Cell {
                text,
                severity: differs.then_some(f.severity),
            });
            if f.rule_id != EXPIRED_RULE {
                view.narrow.push(match (value, full_source) {
                    (Some(v), Some(s)) => format!("   = {env}: {v} ({s})"),
                    (None, Some(s)) => format!("   = {env}: ({s})"),
                    (Some(v), None) => format!("   = {env}: {v}"),
                    (None, None) => format!("   = {env}: not set"),
                });
            }
        }
        let detail = match &r.rule {
            Some(rule) if f.rule_id != EXPIRED_RULE => format!("{}\nrule: {rule}", r.detail),
            _ => r.detail.clone(),
        };
        for line in detail.lines() {
            view.narrow.push(format!("   = {line}"));
        }
        row.push(Cell::plain(detail));
        view.push(row);
    }
    // Each environment's column at least as wide as its `file:line`s: they stay whole.
    view.min_widths = source_widths
        .iter()
        .enumerate()
        .filter(|(_, &w)| w > 0)
        // The bound includes one space of padding each side.
        .map(|(i, &w)| (3 + i, w as u16 + 2))
        // The detail quotes values (image references, URLs): a token column too.
        .chain(std::iter::once((3 + cmp.envs.len(), 12)))
        .collect();
    view
}

/// The value most environments have (the first of equals); `None` when none is set.
fn most_common<'a>(values: impl Iterator<Item = Option<&'a str>>) -> Option<Option<&'a str>> {
    let values: Vec<Option<&str>> = values.collect();
    values
        .iter()
        .max_by_key(|v| {
            let count = values.iter().filter(|w| w == v).count();
            // Ties go to the first environment.
            (
                count,
                std::cmp::Reverse(values.iter().position(|w| w == *v)),
            )
        })
        .copied()
}

/// The directory (with its trailing `/`) that every source in the matrix shares, so cells
/// can show `prod.json:6` instead of repeating it.
fn common_directory(rows: &[Row]) -> String {
    let mut sources = rows
        .iter()
        .flat_map(|r| r.values.iter().filter_map(|(_, s)| s.as_deref()));
    let Some(first) = sources.next() else {
        return String::new();
    };
    let mut prefix = match first.rfind('/') {
        Some(i) => &first[..=i],
        None => return String::new(),
    };
    for source in sources {
        while !source.starts_with(prefix) {
            prefix = match prefix[..prefix.len() - 1].rfind('/') {
                Some(i) => &prefix[..=i],
                None => return String::new(),
            };
        }
    }
    prefix.to_string()
}
