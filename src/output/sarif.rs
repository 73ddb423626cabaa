//! SARIF 2.1.0 as GitHub code scanning accepts it: every rule once in `tool.driver.rules`,
//! results pointing at them by id and index, repository-relative URIs, and
//! `partialFingerprints` so alerts stay the same alert across runs.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde_sarif::sarif;

use crate::report::{Finding, Location, Report, RuleDescriptor, Severity};

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const FINGERPRINT_KEY: &str = "opsguard/v1";
/// Properties never copied into SARIF: code-scanning alerts are widely visible, so secret
/// text stays out even under `--show-secrets` (`match` then holds it unredacted).
const WITHHELD_PROPERTIES: &[&str] = &["secret", "match"];

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_sarif(report))?;
    out.write_all(b"\n")
}

pub fn to_sarif(report: &Report) -> sarif::Sarif {
    document(vec![run(report)])
}

/// One SARIF file with one run per report (`opsguard audit`: one per section).
pub fn render_runs(reports: &[&Report], out: &mut dyn Write) -> io::Result<()> {
    let doc = document(reports.iter().map(|r| run(r)).collect());
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

fn document(runs: Vec<sarif::Run>) -> sarif::Sarif {
    sarif::Sarif::builder()
        .schema(SCHEMA_URI)
        .version(serde_json::json!("2.1.0"))
        .runs(runs)
        .build()
}

fn run(report: &Report) -> sarif::Run {
    let rules = rule_table(report);
    let index: HashMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let descriptors: Vec<sarif::ReportingDescriptor> = rules.iter().map(descriptor).collect();
    let results: Vec<sarif::Result> = report
        .findings
        .iter()
        .map(|f| result(f, index[f.rule_id.as_str()], report.anchor.as_ref()))
        .collect();

    let driver = sarif::ToolComponent::builder()
        .name("opsguard")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://github.com/opsguard/opsguard")
        .rules(descriptors)
        .build();
    // Code scanning tells the runs of one file apart by their automation id.
    let automation = sarif::RunAutomationDetails::builder()
        .id(format!("opsguard/{}/", report.command.replace(' ', "-")))
        .build();
    sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .results(results)
        .automation_details(automation)
        .build()
}

/// The report's rule descriptors, plus a plain one for any rule a finding names that the
/// command did not describe, each id once and in a stable order.
fn rule_table(report: &Report) -> Vec<RuleDescriptor> {
    let mut rules: Vec<RuleDescriptor> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for rule in &report.rules {
        if seen.insert(rule.id.clone()) {
            rules.push(rule.clone());
        }
    }
    for finding in &report.findings {
        if seen.insert(finding.rule_id.clone()) {
            rules.push(RuleDescriptor {
                id: finding.rule_id.clone(),
                name: finding.rule_id.clone(),
                description: finding.rule_id.clone(),
                default_severity: finding.severity,
                help_uri: None,
                help: None,
            });
        }
    }
    rules
}

fn level(severity: Severity) -> sarif::ResultLevel {
    match severity {
        Severity::Note => sarif::ResultLevel::Note,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Error => sarif::ResultLevel::Error,
    }
}

fn descriptor(rule: &RuleDescriptor) -> sarif::ReportingDescriptor {
    let text = |t: &str| sarif::MultiformatMessageString::builder().text(t).build();
    let markdown = rule.help_markdown();
    let help = sarif::MultiformatMessageString::builder()
        .text(markdown.replace('`', ""))
        .markdown(markdown)
        .build();
    let configuration = sarif::ReportingConfiguration::builder()
        .level(serde_json::to_value(level(rule.default_severity)).unwrap_or_default())
        .build();
    let base = sarif::ReportingDescriptor::builder()
        .id(rule.id.clone())
        .name(rule.name.clone())
        .short_description(text(&rule.description))
        .full_description(text(&rule.description))
        .default_configuration(configuration)
        .help(help);
    match &rule.help_uri {
        Some(uri) => base.help_uri(uri.clone()).build(),
        None => base.build(),
    }
}

fn result(finding: &Finding, rule_index: usize, anchor: Option<&Location>) -> sarif::Result {
    let mut properties: BTreeMap<String, serde_json::Value> = finding
        .properties
        .iter()
        .filter(|(k, _)| !WITHHELD_PROPERTIES.contains(&k.as_str()))
        .map(|(k, v)| {
            // SARIF reserves a property bag's `tags` for an array of strings; a resource's
            // key/value tags (cost findings) go beside it instead.
            if k == "tags" && !v.is_array() {
                ("resource_tags".to_string(), v.clone())
            } else {
                (k.clone(), v.clone())
            }
        })
        .collect();
    if let Some(commit) = &finding.location.commit {
        properties.insert("commit".into(), serde_json::Value::from(commit.clone()));
    }
    let fingerprints = BTreeMap::from([(FINGERPRINT_KEY.to_string(), finding.fingerprint.clone())]);
    let base = sarif::Result::builder()
        .rule_id(finding.rule_id.clone())
        .rule_index(rule_index as i64)
        .level(level(finding.severity))
        .message(
            sarif::Message::builder()
                .text(finding.message.clone())
                .build(),
        )
        .partial_fingerprints(fingerprints)
        .properties(
            sarif::PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        );
    base.locations(vec![location(finding, anchor)]).build()
}

/// Always a physical location, which code scanning requires of every result: the finding's
/// own file, else the report's anchor, else `opsguard.toml`; a cloud resource rides along as
/// a logical location.
fn location(finding: &Finding, anchor: Option<&Location>) -> sarif::Location {
    let fallback = Location::file(crate::config::FILE_NAME, None);
    let file = if finding.location.path.is_some() {
        &finding.location
    } else {
        anchor.filter(|a| a.path.is_some()).unwrap_or(&fallback)
    };
    let path = file.path.as_deref().unwrap_or(crate::config::FILE_NAME);
    let artifact = sarif::ArtifactLocation::builder()
        .uri(relative_uri(path))
        .uri_base_id("%SRCROOT%")
        .build();
    let physical = match file.line {
        Some(line) => {
            let region = match file.column {
                Some(col) => sarif::Region::builder()
                    .start_line(line as i64)
                    .start_column(col as i64)
                    .build(),
                None => sarif::Region::builder().start_line(line as i64).build(),
            };
            sarif::PhysicalLocation::builder()
                .artifact_location(artifact)
                .region(region)
                .build()
        }
        None => sarif::PhysicalLocation::builder()
            .artifact_location(artifact)
            .build(),
    };
    match &finding.location.resource {
        Some(resource) => {
            let name = resource.rsplit('/').next().unwrap_or(resource);
            let logical = sarif::LogicalLocation::builder()
                .name(name)
                .fully_qualified_name(resource.clone())
                .kind("resource")
                .build();
            sarif::Location::builder()
                .physical_location(physical)
                .logical_locations(vec![logical])
                .build()
        }
        None => sarif::Location::builder()
            .physical_location(physical)
            .build(),
    }
}

/// Forward slashes, no leading `./`, and characters URIs reserve percent-encoded.
pub fn relative_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let mut uri = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(b as char)
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_escaped() {
        assert_eq!(
            relative_uri("./config/prod env.yaml"),
            "config/prod%20env.yaml"
        );
        assert_eq!(relative_uri("a\\b.txt"), "a/b.txt");
    }

    #[test]
    fn every_rule_appears_once_and_results_point_at_it() {
        let mut r = Report::new("t");
        for i in 0..3 {
            r.findings.push(
                Finding::new("same-rule", Severity::Warning, "m", &[&i.to_string()])
                    .at(Location::file("a.yaml", Some(i + 1))),
            );
        }
        r.findings
            .push(Finding::new("other", Severity::Error, "m", &["x"]));
        let doc = serde_json::to_value(to_sarif(&r)).unwrap();
        let rules = doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), 2);
        let results = doc["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results[3]["ruleIndex"], 1);
        assert_eq!(results[3]["level"], "error");
        assert!(results[0]["partialFingerprints"][FINGERPRINT_KEY].is_string());
        assert!(rules[1]["help"]["markdown"]
            .as_str()
            .is_some_and(|h| h.len() > 20));
    }

    #[test]
    fn a_resource_finding_is_anchored_to_the_report_file_and_keeps_its_resource() {
        let mut r = Report::new("cost idle");
        r.anchor = Some(Location::file("opsguard.toml", Some(12)));
        let located = Location {
            resource: Some("aws/us-east-1/ec2/i-0abc".into()),
            ..Location::default()
        };
        r.findings
            .push(Finding::new("cost/idle", Severity::Warning, "m", &["x"]).at(located));
        r.findings
            .push(Finding::new("cost/idle", Severity::Warning, "m", &["y"]));
        let doc = serde_json::to_value(to_sarif(&r)).unwrap();
        let first = &doc["runs"][0]["results"][0]["locations"][0];
        assert_eq!(
            first["physicalLocation"]["artifactLocation"]["uri"],
            "opsguard.toml"
        );
        assert_eq!(first["physicalLocation"]["region"]["startLine"], 12);
        assert_eq!(first["logicalLocations"][0]["name"], "i-0abc");
        let second = &doc["runs"][0]["results"][1]["locations"][0];
        assert_eq!(
            second["physicalLocation"]["artifactLocation"]["uri"],
            "opsguard.toml"
        );
        r.anchor = None;
        let doc = serde_json::to_value(to_sarif(&r)).unwrap();
        assert_eq!(
            doc["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"],
            "opsguard.toml"
        );
    }

    #[test]
    fn secret_property_is_withheld() {
        let mut r = Report::new("t");
        r.findings
            .push(Finding::new("s", Severity::Error, "m", &[]).with("secret", "hunter2"));
        let text = serde_json::to_string(&to_sarif(&r)).unwrap();
        assert!(!text.contains("hunter2"));
    }
}
