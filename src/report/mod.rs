//! The findings model every command shares: findings, the rules that produce them, the
//! report that carries them, and redaction of secrets before any of it is rendered.

mod baseline;
mod chart;
mod finding;
mod secret;
mod severity;
mod view;

pub use baseline::BaselineKind;
pub use chart::{money, Chart, ChartKind, ChartUnit};
pub use finding::{Finding, Location};
pub use secret::{content_hash, short_hash, Redactor};
pub use severity::Severity;
pub use view::{Cell, Diagnostic, TableView};

use serde_json::{Map, Value};

/// Bumped only on an incompatible change of the JSON report.
pub const REPORT_VERSION: u64 = 1;

/// Describes a rule or check so SARIF consumers can show help for it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDescriptor {
    pub id: String,
    pub name: String,
    pub description: String,
    pub default_severity: Severity,
    pub help_uri: Option<String>,
    /// What to do about a finding of this rule, in Markdown (SARIF's `help`: code scanning
    /// shows it beside each alert). Without it the domain's general advice is used.
    pub help: Option<String>,
}

impl RuleDescriptor {
    pub fn new(id: &str, name: &str, description: &str, default_severity: Severity) -> Self {
        RuleDescriptor {
            id: id.into(),
            name: name.into(),
            description: description.into(),
            default_severity,
            help_uri: None,
            help: None,
        }
    }

    pub fn with_help(mut self, help: &str) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_help_uri(mut self, uri: &str) -> Self {
        self.help_uri = Some(uri.into());
        self
    }

    /// The rule's help as Markdown: its own, else the advice for its domain, always with
    /// the description first and the reference link last.
    pub fn help_markdown(&self) -> String {
        let advice = self.help.clone().unwrap_or_else(|| {
            match self.id.split('/').next().unwrap_or("") {
                "secrets" => SECRET_ADVICE,
                "drift" => DRIFT_ADVICE,
                "cost" => COST_ADVICE,
                _ => "See the opsguard documentation for this check.",
            }
            .to_string()
        });
        let mut text = format!("{}\n\n{advice}", self.description.trim_end());
        if let Some(uri) = &self.help_uri {
            text.push_str(&format!("\n\nReference: <{uri}>"));
        }
        text
    }
}

const SECRET_ADVICE: &str = "A credential was committed. Rotate it at its provider first \
(removing it from the repository does not make it safe: history keeps it), then remove it \
from the code and read it from the environment or a secret store. If it is a placeholder or \
test value, mark the line `opsguard:allow` or accept it with `opsguard secrets baseline`.";
const DRIFT_ADVICE: &str = "Environments disagree where the drift policy expects them to \
agree. Make the value the same, or record the difference as expected in the drift policy \
(`expect = \"differs\"` with a reason) or accept it with `opsguard drift baseline`.";
const COST_ADVICE: &str = "Check the resource or spend named in the finding in the AWS \
console or Cost Explorer; the finding's properties carry the figures it was judged on.";

/// One part of `opsguard audit`'s report: a command that ran, failed or was not
/// configured. A single command's report is one section that ran.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The command, e.g. `secrets scan`.
    pub name: String,
    pub state: SectionState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SectionState {
    Ran(Box<Report>),
    /// It could not run (no credentials, unreadable input): the error's one line.
    Failed(String),
    /// Not configured, or left out with `--only` / `--skip`: why.
    Skipped(String),
}

impl Section {
    pub fn report(&self) -> Option<&Report> {
        match &self.state {
            SectionState::Ran(report) => Some(report),
            _ => None,
        }
    }
}

/// Everything one command run produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// e.g. `drift check`.
    pub command: String,
    /// The JSON key that holds the items: `findings`, or a command's own noun such as
    /// `anomalies`.
    pub items_key: &'static str,
    pub findings: Vec<Finding>,
    pub rules: Vec<RuleDescriptor>,
    /// Extra top-level JSON members (e.g. `envs`, `requests`), in order, placed before the
    /// items.
    pub extra: Map<String, Value>,
    /// Command-specific counters merged into `summary`.
    pub summary: Map<String, Value>,
    /// Non-fatal problems: the run finished, but the user should know (e.g. skipped input).
    pub warnings: Vec<String>,
    /// Non-fatal errors: part of the input could not be processed.
    pub errors: Vec<String>,
    /// Layout for the human renderer.
    pub views: Vec<TableView>,
    /// The repository file a finding without a file of its own is anchored to in SARIF
    /// (code scanning rejects a result without one): for cost findings, the `opsguard.toml`
    /// line that configured the check, or the export file that was read.
    pub anchor: Option<Location>,
    /// Charts for the HTML report (cost by day, secrets by year).
    pub charts: Vec<Chart>,
}

impl Report {
    pub fn new(command: impl Into<String>) -> Self {
        Report {
            command: command.into(),
            items_key: "findings",
            findings: Vec::new(),
            rules: Vec::new(),
            extra: Map::new(),
            summary: Map::new(),
            warnings: Vec::new(),
            errors: Vec::new(),
            views: Vec::new(),
            anchor: None,
            charts: Vec::new(),
        }
    }

    /// How many findings are at `threshold` or worse.
    pub fn count_at_or_above(&self, threshold: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity >= threshold)
            .count()
    }

    pub fn count_of(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The summary object: totals by severity, then the command's own counters.
    pub fn summary_json(&self) -> Map<String, Value> {
        let mut summary = Map::new();
        summary.insert("findings".into(), Value::from(self.findings.len()));
        for severity in [Severity::Error, Severity::Warning, Severity::Note] {
            summary.insert(
                severity.as_str().to_string(),
                Value::from(self.count_of(severity)),
            );
        }
        for (k, v) in &self.summary {
            summary.insert(k.clone(), v.clone());
        }
        summary
    }

    /// The stable, versioned JSON document (see `opsguard schema`).
    pub fn to_json(&self) -> Value {
        let mut doc = Map::new();
        doc.insert("version".into(), Value::from(REPORT_VERSION));
        doc.insert(
            "tool".into(),
            serde_json::json!({"name": "opsguard", "version": env!("CARGO_PKG_VERSION")}),
        );
        doc.insert("command".into(), Value::from(self.command.clone()));
        for (k, v) in &self.extra {
            doc.insert(k.clone(), v.clone());
        }
        doc.insert(
            self.items_key.into(),
            Value::Array(self.findings.iter().map(Finding::to_json).collect()),
        );
        doc.insert("summary".into(), Value::Object(self.summary_json()));
        doc.insert("warnings".into(), Value::from(self.warnings.clone()));
        doc.insert("errors".into(), Value::from(self.errors.clone()));
        Value::Object(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_respect_the_threshold() {
        let mut r = Report::new("test");
        r.findings
            .push(Finding::new("a", Severity::Note, "n", &["1"]));
        r.findings
            .push(Finding::new("a", Severity::Warning, "w", &["2"]));
        r.findings
            .push(Finding::new("a", Severity::Error, "e", &["3"]));
        assert_eq!(r.count_at_or_above(Severity::Note), 3);
        assert_eq!(r.count_at_or_above(Severity::Warning), 2);
        assert_eq!(r.count_at_or_above(Severity::Error), 1);
    }

    #[test]
    fn json_has_version_tool_and_items_under_their_key() {
        let mut r = Report::new("cost anomalies");
        r.items_key = "anomalies";
        r.extra.insert("envs".into(), serde_json::json!(["a"]));
        let doc = r.to_json();
        assert_eq!(doc["version"], 1);
        assert_eq!(doc["tool"]["name"], "opsguard");
        assert!(doc["anomalies"].is_array());
        assert!(doc.get("findings").is_none());
        let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "version",
                "tool",
                "command",
                "envs",
                "anomalies",
                "summary",
                "warnings",
                "errors"
            ]
        );
    }
}
