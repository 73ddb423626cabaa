//! `drift flags` verdicts as shared findings: rule ids, the JSON contract's fields, and
//! compiler-style diagnostics for people (a header line, then where and why).

use serde_json::{Map, Value};

use super::flags::{FlagFinding, FlagKind, FlagReport};
use crate::report::{Finding, Location, Report, RuleDescriptor, Severity, TableView};

pub const FLAG_STALE: &str = "drift/flag-stale";
pub const FLAG_STUCK_ROLLOUT: &str = "drift/flag-stuck-rollout";
pub const FLAG_PARTIAL: &str = "drift/flag-partial";

pub fn rule_descriptors() -> Vec<RuleDescriptor> {
    let rule = RuleDescriptor::new;
    vec![
        rule(FLAG_STALE, "StaleFlag", "A feature flag has had the same value in every environment for longer than the limit: a candidate for removal.", Severity::Warning),
        rule(FLAG_STUCK_ROLLOUT, "StuckRollout", "A feature flag has been on in a lower environment and off in production for longer than the limit.", Severity::Warning),
        rule(FLAG_PARTIAL, "PartialFlag", "A feature flag is set in some environments only.", Severity::Warning),
    ]
}

fn rule_id(kind: FlagKind) -> &'static str {
    match kind {
        FlagKind::Stale => FLAG_STALE,
        FlagKind::StuckRollout => FLAG_STUCK_ROLLOUT,
        FlagKind::Partial => FLAG_PARTIAL,
    }
}

/// The report of `drift flags`. E-mail addresses appear only with `show_emails`.
pub fn report(flags: &FlagReport, older_than_days: i64, show_emails: bool) -> Report {
    let mut report = Report::new("drift flags");
    report.rules = rule_descriptors();
    report
        .extra
        .insert("envs".into(), Value::from(flags.envs.clone()));
    report.findings = flags
        .findings
        .iter()
        .map(|f| finding(&flags.envs, f, show_emails))
        .collect();
    report
        .summary
        .insert("envs".into(), Value::from(flags.envs.len()));
    report
        .summary
        .insert("flags".into(), Value::from(flags.flags_found));
    report
        .summary
        .insert("older_than_days".into(), Value::from(older_than_days));
    let mut view = TableView::default();
    for (i, f) in flags.findings.iter().enumerate() {
        if i > 0 {
            view.footer.push(String::new());
        }
        view.footer.extend(diagnostic(&flags.envs, f, show_emails));
    }
    report.views.push(view);
    report
}

fn author(f: &FlagFinding, show_emails: bool) -> String {
    if show_emails && !f.change.email.is_empty() {
        format!("{} <{}>", f.change.author, f.change.email)
    } else {
        f.change.author.clone()
    }
}

fn finding(envs: &[String], f: &FlagFinding, show_emails: bool) -> Finding {
    let mut values = Map::new();
    let mut sources = Map::new();
    for (env, setting) in envs.iter().zip(&f.settings) {
        values.insert(
            env.clone(),
            setting
                .as_ref()
                .map_or(Value::Null, |s| Value::from(s.shown.clone())),
        );
        sources.insert(
            env.clone(),
            setting
                .as_ref()
                .map_or(Value::Null, |s| Value::from(s.at.to_string())),
        );
    }
    let mut out = Finding::new(
        rule_id(f.kind),
        f.severity,
        format!("{}: {}", f.key, f.detail),
        &[&f.key, f.kind.as_str()],
    )
    .at(Location::file(
        f.decided_by.file.to_string(),
        Some(f.decided_by.line as usize),
    ))
    .with("key", f.key.clone())
    .with("status", f.kind.as_str())
    .with("values", values)
    .with("sources", sources)
    .with("age_days", f.age_days)
    .with("last_changed", f.change.date.to_string())
    .with(
        "commit",
        f.change.commit.clone().map_or(Value::Null, Value::from),
    )
    .with("author", f.change.author.clone());
    if show_emails {
        out = out.with("author_email", f.change.email.clone());
    }
    out.with("detail", f.detail.clone())
}

/// ```text
/// warning[drift/flag-stale]: features.legacy_checkout
///   --> config/prod.yaml:3
///    = `true` in every environment for 412 days: a candidate for removal, …
///    = last changed 2025-10-16 by Dana Reyes (3f2a1c9e01)
///    = dev: true (config/dev.yaml:3)
///    = prod: true (config/prod.yaml:3)
/// ```
fn diagnostic(envs: &[String], f: &FlagFinding, show_emails: bool) -> Vec<String> {
    let mut lines = vec![
        format!("{}[{}]: {}", f.severity.as_str(), rule_id(f.kind), f.key),
        format!("  --> {}", f.decided_by),
        format!("   = {}", f.detail),
    ];
    let commit = f
        .change
        .commit
        .as_ref()
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    lines.push(match f.change.commit {
        Some(_) => format!(
            "   = last changed {} by {}{commit}",
            f.change.date,
            author(f, show_emails)
        ),
        None => "   = changed in the work tree, not committed yet".to_string(),
    });
    for (env, setting) in envs.iter().zip(&f.settings) {
        lines.push(match setting {
            Some(s) => format!("   = {env}: {} ({})", s.shown, s.at),
            None => format!("   = {env}: not set"),
        });
    }
    lines
}
