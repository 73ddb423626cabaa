//! Secret findings as shared findings: the JSON contract's fields, redacted in the model,
//! and the table people read.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Map, Value};

use super::baseline::{self, gitleaks_fingerprint};
use super::findings::SecretFinding;
use super::occurrence::{Occurrence, ScanOutput};
use super::rules::RuleSet;
use super::verify::{Status, Verification};
use crate::report::{
    content_hash, Cell, Chart, ChartKind, ChartUnit, Diagnostic, Finding, Location, Redactor,
    Report, RuleDescriptor, TableView,
};

/// Occurrences listed per finding at most; the count says how many there were.
const MAX_OCCURRENCES: usize = 100;

/// What to leave out of the report.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// Fingerprints from `--baseline`.
    pub baseline: Vec<baseline::Entry>,
    /// `.gitleaksignore` lines.
    pub gitleaks_ignore: HashSet<String>,
}

pub struct Outcome {
    pub report: Report,
    /// Baseline entries no finding matched (for `--report-unused-ignores`).
    pub unused: Vec<baseline::Entry>,
}

/// The content fingerprint: rule and secret, never a line or a commit.
pub fn fingerprint(rule_id: &str, secret: &str) -> String {
    content_hash(&[rule_id, secret])[..32].to_string()
}

/// The findings left once the baseline and `.gitleaksignore` have had their say.
pub struct Kept {
    pub findings: Vec<SecretFinding>,
    pub baselined: usize,
    /// Baseline entries no finding matched (for `--report-unused-ignores`).
    pub unused: Vec<baseline::Entry>,
}

pub fn suppress(
    rules: &RuleSet,
    mut findings: Vec<SecretFinding>,
    suppressions: &Suppressions,
) -> Kept {
    let accepted: HashSet<&str> = suppressions
        .baseline
        .iter()
        .map(|e| e.fingerprint.as_str())
        .collect();
    let mut matched: HashSet<String> = HashSet::new();
    let mut baselined = 0;
    findings.retain_mut(|f| {
        let rule_id = &rules.rules[f.rule].id;
        let fp = fingerprint(rule_id, &f.secret);
        if accepted.contains(fp.as_str()) {
            matched.insert(fp);
            baselined += 1;
            return false;
        }
        if !suppressions.gitleaks_ignore.is_empty() {
            f.occurrences.retain(|o| {
                let commit = o.commit.as_ref().map(|c| c.id.as_str());
                !suppressions
                    .gitleaks_ignore
                    .contains(&gitleaks_fingerprint(commit, &o.path, rule_id, o.line))
            });
            if f.occurrences.is_empty() || suppressions.gitleaks_ignore.contains(&fp) {
                baselined += 1;
                return false;
            }
        }
        true
    });
    let unused: Vec<baseline::Entry> = suppressions
        .baseline
        .iter()
        .filter(|e| !matched.contains(&e.fingerprint))
        .cloned()
        .collect();
    Kept {
        findings,
        baselined,
        unused,
    }
}

/// What `--verify` said, by fingerprint; empty when it did not run.
#[derive(Debug, Default)]
pub struct Verdicts {
    pub ran: bool,
    pub only_active: bool,
    pub by_fingerprint: HashMap<String, Verification>,
    pub requests: u64,
    pub cached: u64,
}

impl Verdicts {
    fn of(&self, rule_id: &str, secret: &str) -> Option<&Verification> {
        self.by_fingerprint.get(&fingerprint(rule_id, secret))
    }

    /// A live key is an error whatever its rule says.
    fn severity(&self, rule: &super::rules::Rule, secret: &str) -> crate::report::Severity {
        match self.of(&rule.id, secret) {
            Some(v) if v.status == Status::Active => crate::report::Severity::Error,
            _ => rule.severity,
        }
    }
}

pub fn report(
    command: &str,
    rules: &RuleSet,
    kept: Kept,
    scan: &ScanOutput,
    verdicts: &Verdicts,
    redactor: &Redactor,
) -> Outcome {
    let mut report = Report::new(command);
    let Kept {
        mut findings,
        baselined,
        unused,
    } = kept;
    if verdicts.only_active {
        findings.retain(|f| {
            verdicts
                .of(&rules.rules[f.rule].id, &f.secret)
                .is_some_and(|v| v.status == Status::Active)
        });
    }
    let mut used_rules: Vec<usize> = findings.iter().map(|f| f.rule).collect();
    used_rules.sort_unstable();
    used_rules.dedup();
    report.rules = used_rules
        .iter()
        .map(|&i| {
            let rule = &rules.rules[i];
            RuleDescriptor {
                id: rule.id.clone(),
                name: rule.id.clone(),
                description: rule.description.clone(),
                default_severity: rule.severity,
                help_uri: rule.references.first().cloned(),
                help: None,
            }
        })
        .collect();
    report.findings = findings
        .iter()
        .map(|f| to_finding(rules, f, verdicts, redactor))
        .collect();
    let mut view = table(rules, &findings, verdicts, redactor);
    if verdicts.ran {
        // Status's order: active, inactive, unknown, error.
        let mut counts = [0usize; 4];
        for f in &findings {
            if let Some(v) = verdicts.of(&rules.rules[f.rule].id, &f.secret) {
                counts[v.status as usize] += 1;
            }
        }
        view.footer.push(format!(
            "Verified with the providers: {} active, {} inactive, {} unknown, {} failed ({} requests, {} answers reused from the cache).",
            counts[0], counts[1], counts[2], counts[3], verdicts.requests, verdicts.cached
        ));
    }
    report.views.push(view);
    report.charts.extend(by_year(&findings));
    let stats = &scan.stats;
    report
        .summary
        .insert("blobs_scanned".into(), stats.blobs_scanned.into());
    report
        .summary
        .insert("bytes_scanned".into(), stats.bytes_scanned.into());
    report
        .summary
        .insert("blobs_skipped".into(), stats.blobs_skipped.into());
    report
        .summary
        .insert("objects_missing".into(), stats.objects_missing.into());
    report
        .summary
        .insert("commits_scanned".into(), stats.commits.into());
    if scan.cache.is_some() {
        // Also counted in `blobs_scanned` / `blobs_skipped`: the report is a full scan's.
        report
            .summary
            .insert("blobs_cached".into(), stats.blobs_cached.into());
    }
    report
        .summary
        .insert("rules".into(), rules.rules.len().into());
    report.summary.insert("baselined".into(), baselined.into());
    if verdicts.ran {
        let count = |status: Status| {
            findings
                .iter()
                .filter(|f| {
                    verdicts
                        .of(&rules.rules[f.rule].id, &f.secret)
                        .is_some_and(|v| v.status == status)
                })
                .count()
        };
        report.summary.insert(
            "verified".into(),
            json!({
                "active": count(Status::Active),
                "inactive": count(Status::Inactive),
                "unknown": count(Status::Unknown),
                "error": count(Status::Error),
                "requests": verdicts.requests,
                "cached": verdicts.cached,
            }),
        );
    }
    report
        .summary
        .insert("incomplete".into(), scan.incomplete.into());
    report.warnings.extend(scan.warnings.iter().cloned());
    Outcome { report, unused }
}

fn to_finding(
    rules: &RuleSet,
    f: &SecretFinding,
    verdicts: &Verdicts,
    redactor: &Redactor,
) -> Finding {
    let rule = &rules.rules[f.rule];
    let verification = verdicts.of(&rule.id, &f.secret);
    let first = f.first();
    let commit = first.commit.as_ref();
    let location = Location {
        path: Some(first.path.clone()),
        line: Some(first.line),
        column: Some(first.column),
        commit: commit.map(|c| c.id.clone()),
        resource: None,
    };
    let mut message = format!("{} in {}:{}", rule.description, first.path, first.line);
    if let Some(c) = commit {
        message.push_str(&format!(" (commit {}, {})", short(&c.id), c.author));
    }
    if f.in_head() == Some(false) {
        message.push_str("; gone from HEAD but still in history");
    }
    if let Some(v) = verification {
        message.push_str(&match (&v.status, &v.identity, &v.detail) {
            (Status::Active, Some(who), _) => format!("; verified ACTIVE ({who})"),
            (Status::Active, None, Some(note)) => format!("; verified ACTIVE ({note})"),
            (status, _, _) => format!("; verified {}", status.as_str()),
        });
    }
    let occurrences: Vec<Value> = f
        .occurrences
        .iter()
        .take(MAX_OCCURRENCES)
        .map(|o: &Occurrence| {
            json!({"path": o.path, "line": o.line, "commit": o.commit.as_ref().map(|c| c.id.clone())})
        })
        .collect();
    let mut finding = Finding {
        fingerprint: fingerprint(&rule.id, &f.secret),
        ..Finding::new(
            rule.id.clone(),
            verdicts.severity(rule, &f.secret),
            message,
            &[],
        )
    }
    .at(location)
    .with("description", rule.description.clone())
    .with("path", first.path.clone())
    .with("line", first.line)
    .with("column", first.column)
    .with("commit", commit.map(|c| c.id.clone()))
    .with(
        "author",
        commit.map(|c| format!("{} <{}>", c.author, c.email)),
    )
    .with("date", commit.map(|c| c.date.clone()))
    .with("in_head", f.in_head())
    .with("match", redactor.preview(&f.secret));
    if let Some(secret) = redactor.disclose(&f.secret) {
        finding = finding.with("secret", secret);
    }
    finding = finding
        .with("entropy", first.entropy)
        .with("confidence", rule.confidence.as_str())
        .with("encoding", first.encoding.map(|e| e.as_str()))
        .with("occurrence_count", f.occurrences.len())
        .with("occurrences", occurrences);
    if let Some(v) = verification {
        finding = finding.with(
            "verification",
            serde_json::to_value(v).unwrap_or(Value::Null),
        );
    }
    finding
}

fn short(commit: &str) -> &str {
    &commit[..commit.len().min(8)]
}

/// Findings by the year of the commit that brought the secret in: old leaks are as live
/// as new ones until rotated.
fn by_year(findings: &[SecretFinding]) -> Option<Chart> {
    let mut years: std::collections::BTreeMap<String, f64> = Default::default();
    for f in findings {
        let year = f
            .first()
            .commit
            .as_ref()
            .and_then(|c| c.date.get(..4))
            .unwrap_or("not in history");
        *years.entry(year.to_string()).or_default() += 1.0;
    }
    (!years.is_empty()).then(|| Chart {
        title: "Secrets by the year they were committed".into(),
        kind: ChartKind::Bars,
        labels: years.keys().cloned().collect(),
        values: years.values().copied().collect(),
        marks: Vec::new(),
        line: None,
        unit: ChartUnit::Count,
    })
}

/// The table people read, from the typed findings (the same order as the report's).
fn table(
    rules: &RuleSet,
    findings: &[SecretFinding],
    verdicts: &Verdicts,
    redactor: &Redactor,
) -> TableView {
    // Commit, author and date only mean something for history scans.
    let history = findings.iter().any(|f| f.first().commit.is_some());
    let mut headers = vec!["severity", "rule", "location"];
    if history {
        headers.extend(["commit", "author", "date"]);
    }
    headers.push("match");
    if verdicts.ran {
        headers.push("verified");
    }
    let mut view = TableView::new(headers);
    view.unwrapped = if history { vec![0, 3] } else { vec![0] };
    // Paths break after `/`, `-`, `.` or `_`, never inside a name.
    view.identifiers = vec![2];
    for f in findings {
        let rule = &rules.rules[f.rule];
        let first = f.first();
        let mut location = format!("{}:{}", first.path, first.line);
        if f.occurrences.len() > 1 {
            location.push_str(&format!("\n(+{} more)", f.occurrences.len() - 1));
        }
        let severity = verdicts.severity(rule, &f.secret);
        let verification = verdicts.of(&rule.id, &f.secret);
        let mut row = vec![
            Cell::severity(severity),
            Cell::plain(&rule.id),
            Cell::plain(location),
        ];
        if history {
            let commit = first.commit.as_ref();
            let mut shown = commit.map_or("—", |c| short(&c.id)).to_string();
            if f.in_head() == Some(false) {
                shown.push_str("\nnot in HEAD");
            }
            let author = commit.map_or("", |c| c.author.as_str());
            let date = commit.and_then(|c| c.date.get(..10)).unwrap_or("—");
            row.push(Cell::plain(shown));
            row.push(Cell::plain(if author.is_empty() { "—" } else { author }));
            row.push(Cell::plain(date));
        }
        row.push(Cell::plain(redactor.preview(&f.secret)));
        if verdicts.ran {
            row.push(Cell::plain(verification.map_or("—", |v| v.status.as_str())));
        }
        view.push(row);
        let mut facts = Vec::new();
        if let Some(c) = first.commit.as_ref() {
            facts.push(format!(
                "commit {}{} · {} · {}",
                short(&c.id),
                if f.in_head() == Some(false) {
                    " (not in HEAD)"
                } else {
                    ""
                },
                c.author,
                c.date.get(..10).unwrap_or("—")
            ));
        }
        if let Some(v) = verification {
            facts.push(match (&v.identity, &v.detail) {
                (Some(who), _) => format!("verified {} as {who}", v.status.as_str()),
                (None, Some(why)) => format!("verified {}: {why}", v.status.as_str()),
                (None, None) => format!("verified {}", v.status.as_str()),
            });
        }
        let more = f.occurrences.len() - 1;
        view.diagnostics.push(Diagnostic {
            severity: Some(severity),
            label: rule.id.clone(),
            subject: if more > 0 {
                format!("{}:{} (+{more} more)", first.path, first.line)
            } else {
                format!("{}:{}", first.path, first.line)
            },
            figure: format!("match {}", redactor.preview(&f.secret)),
            facts,
            body: vec![rule.description.clone()],
        });
    }
    view
}

/// Baseline entries for a report's findings.
pub fn baseline_entries(report: &Report) -> Vec<baseline::Entry> {
    report
        .findings
        .iter()
        .map(|f| baseline::Entry {
            fingerprint: f.fingerprint.clone(),
            rule_id: f.rule_id.clone(),
            path: f.location.path.clone().unwrap_or_default(),
        })
        .collect()
}

/// `unused_ignores` for the JSON report.
pub fn unused_json(unused: &[baseline::Entry]) -> Value {
    Value::Array(
        unused
            .iter()
            .map(|e| {
                let mut m = Map::new();
                m.insert("fingerprint".into(), e.fingerprint.clone().into());
                m.insert("rule_id".into(), e.rule_id.clone().into());
                m.insert("path".into(), e.path.clone().into());
                Value::Object(m)
            })
            .collect(),
    )
}
