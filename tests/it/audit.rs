//! `opsguard audit` on the repository's own fixtures, in every format: the JSON against the
//! schema, the SARIF against the SARIF 2.1.0 schema and GitHub's ingestion rules (the SARIF
//! multitool), the HTML rendered in headless Chromium; and the exit status per section
//! failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;
use crate::git_repo::TestRepo;

/// A fake token of the shape GitHub's classic tokens have, built here so this file holds
/// none.
fn planted_token() -> String {
    format!("ghp_{}", "aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4")
}

const CONFIG: &str = r#"[drift]
policy = "drift-policy.toml"

[drift.envs]
dev = ["config/base.yaml", "config/dev.yaml"]
staging = ["config/base.yaml", "config/staging.env"]
prod = ["config/base.yaml", "config/prod.json"]

[cost]
source = "fixture:costdata"
budget = 20000
"#;

/// A repository with the drift demo, the cost exports and the fleet export, and a
/// committed credential; `opsguard.toml` as given.
fn audited_repo(config: &str) -> TestRepo {
    let repo = TestRepo::new();
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("opsguard.toml".into(), config.as_bytes().to_vec()),
        (
            "app.cfg".into(),
            format!("github_token = \"{}\"\n", planted_token()).into_bytes(),
        ),
    ];
    let demo = drift_demo();
    files.push((
        "drift-policy.toml".into(),
        std::fs::read(demo.join("drift-policy.toml")).unwrap(),
    ));
    for name in ["base.yaml", "dev.yaml", "staging.env", "prod.json"] {
        files.push((
            format!("config/{name}"),
            std::fs::read(demo.join("config").join(name)).unwrap(),
        ));
    }
    let spike = repo_root().join("fixtures/aws/startup-spike");
    for entry in std::fs::read_dir(&spike).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.push((format!("costdata/{name}"), std::fs::read(&path).unwrap()));
        }
    }
    files.push((
        "costdata/fleet.json".into(),
        std::fs::read(repo_root().join("fixtures/aws/rightsizing/fleet.json")).unwrap(),
    ));
    let staged: Vec<(&str, Option<&[u8]>)> = files
        .iter()
        .map(|(n, b)| (n.as_str(), Some(b.as_slice())))
        .collect();
    repo.commit("Ann", "everything", &staged);
    repo
}

fn section<'a>(doc: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no section {name} in {doc}"))
}

#[test]
fn audit_reports_every_configured_section_in_json_that_follows_the_schema() {
    let repo = audited_repo(CONFIG);
    let out = opsguard(repo.path(), &["audit", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    assert_valid(&repo_root().join("schema/report.schema.json"), &doc);
    assert_eq!(doc["command"], "audit");
    for name in [
        "drift check",
        "secrets scan",
        "cost anomalies",
        "cost budget",
        "cost rightsize",
        "cost idle",
    ] {
        assert_eq!(section(&doc, name)["status"], "ran", "{name}: {doc}");
    }
    assert_eq!(section(&doc, "drift flags")["status"], "skipped");
    // Each section carries its command's own contract.
    let secrets = &section(&doc, "secrets scan")["report"];
    assert_eq!(secrets["command"], "secrets scan");
    assert!(secrets["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule_id"] == "github-pat" && f["path"] == "app.cfg"));
    assert!(section(&doc, "cost anomalies")["report"]["anomalies"].is_array());
    assert!(section(&doc, "cost rightsize")["report"]["recommendations"].is_array());
    assert_eq!(
        section(&doc, "cost budget")["report"]["findings"][0]["rule_id"],
        "cost/budget-forecast-over"
    );
    let total: u64 = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["report"]["summary"]["findings"].as_u64())
        .sum();
    assert_eq!(doc["summary"]["findings"].as_u64(), Some(total));
    assert_eq!(doc["summary"]["sections_ran"], 6);
    assert!(!stdout(&out).contains(&planted_token()));
}

#[test]
fn audit_sarif_has_one_run_per_section_and_a_file_for_every_result() {
    let repo = audited_repo(CONFIG);
    let out = opsguard(repo.path(), &["audit", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let sarif = json(&out);
    assert_valid(
        &repo_root().join("fixtures/sarif-2.1.0.schema.json"),
        &sarif,
    );
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 6, "{sarif}");
    let ids: std::collections::HashSet<&str> = runs
        .iter()
        .map(|r| r["automationDetails"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 6, "each run its own category: {ids:?}");
    let mut results = 0;
    for run in runs {
        for result in run["results"].as_array().unwrap() {
            results += 1;
            let uri = &result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
            assert!(uri.is_string(), "no physical location: {result}");
        }
    }
    assert!(results > 20, "{results}");
    // Cost findings point at the export that was read, their resource beside it.
    let rightsize = runs
        .iter()
        .find(|r| r["automationDetails"]["id"] == "opsguard/cost-rightsize/")
        .unwrap();
    let location = &rightsize["results"][0]["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "costdata/fleet.json"
    );
    assert!(location["logicalLocations"][0]["fullyQualifiedName"]
        .as_str()
        .unwrap()
        .starts_with("aws/us-east-1/"));
    // Every file a result points at is in the repository.
    for run in runs {
        for result in run["results"].as_array().unwrap() {
            let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(
                repo.path().join(uri).is_file(),
                "{uri} is not a file: {result}"
            );
        }
    }
    let anomalies = runs
        .iter()
        .find(|r| r["automationDetails"]["id"] == "opsguard/cost-anomalies/")
        .unwrap();
    assert_eq!(
        anomalies["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "costdata/cost-and-usage.service.json"
    );
    assert_passes_github_ingestion(&stdout(&out), "audit");
    assert!(!stdout(&out).contains(&planted_token()));
}

#[test]
fn audit_markdown_is_a_step_summary_with_secrets_masked_even_when_asked() {
    let repo = audited_repo(CONFIG);
    let out = opsguard(
        repo.path(),
        &["audit", "--format", "markdown", "--show-secrets"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let text = stdout(&out);
    assert!(text.starts_with("## opsguard audit\n"), "{text}");
    assert!(text.contains("| section | result | errors | warnings | notes |"));
    assert!(text.contains("| secrets scan | ❌ "), "{text}");
    assert!(text.contains("| drift flags | skipped: no \\[drift.flags\\] in opsguard.toml |"));
    assert!(text.contains("\n### cost rightsize\n"), "{text}");
    assert!(
        text.contains("<details><summary>All 10 findings</summary>"),
        "{text}"
    );
    assert!(!text.contains(&planted_token()), "{text}");
    assert!(!text.contains(&planted_token()[4..20]), "{text}");
}

#[test]
fn audit_html_is_self_contained_and_renders_in_chromium_without_console_errors() {
    let repo = audited_repo(CONFIG);
    let page = repo.path().join("audit.html");
    let out = opsguard(
        repo.path(),
        &["audit", "--format", "html", "--output", "audit.html"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    for external in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!html.contains(external), "{external} in the page");
    }
    // The cost chart with its anomalies, the budget line, the drift matrix with differing
    // cells marked, secrets by year.
    assert!(html.contains("Daily cost, whole bill"), "cost chart");
    assert!(html.contains("<circle"), "anomaly marks");
    assert!(html.contains("budget $20,000.00"), "budget line");
    assert!(html.contains("<th>prod</th>"), "drift matrix");
    assert!(html.contains("Secrets by the year they were committed"));
    assert!(!html.contains(&planted_token()));

    let (console, screenshot) = render_in_chromium(&page, repo.path());
    assert!(
        std::fs::metadata(&screenshot).map(|m| m.len()).unwrap_or(0) > 10_000,
        "no screenshot"
    );
    assert!(
        !console.contains(":CONSOLE"),
        "the page logged to the console:\n{console}"
    );
}

/// The check above would pass on a browser that logs nothing: a page with a console error
/// must be caught by the same method.
#[test]
fn chromium_console_check_catches_an_error() {
    let dir = scratch(&[(
        "bad.html",
        "<!DOCTYPE html><html><body><script>console.error('boom')</script></body></html>",
    )]);
    let (console, _) = render_in_chromium(&dir.path().join("bad.html"), dir.path());
    assert!(
        console.contains(":CONSOLE") && console.contains("boom"),
        "{console}"
    );
}

/// Renders `page` headless (Debian's Chromium, which scripts/test installs) and returns
/// what it logged and the screenshot's path.
fn render_in_chromium(page: &Path, dir: &Path) -> (String, PathBuf) {
    let chromium =
        std::env::var("OPSGUARD_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "Chromium is not installed: run the tests through scripts/test, which installs it"
    );
    let screenshot = dir.join("screenshot.png");
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1200,3000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    (
        String::from_utf8_lossy(&out.stderr).into_owned(),
        screenshot,
    )
}

/// Microsoft's SARIF multitool with GitHub's ingestion rules (`Sarif;Gh`), installed by
/// scripts/test: no errors.
pub fn assert_passes_github_ingestion(sarif: &str, what: &str) {
    let tool = installed_test_tool(
        "OPSGUARD_SARIF_MULTITOOL",
        "sarif-multitool-5.7.0/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool",
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.sarif");
    std::fs::write(&file, sarif).unwrap();
    let out = Command::new(&tool)
        .args(["validate", "--rule-kind", "Sarif;Gh"])
        .arg(&file)
        .output()
        .expect("the multitool runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Analysis completed"), "{what}: {text}");
    let errors: Vec<&str> = text.lines().filter(|l| l.contains(": error ")).collect();
    assert!(errors.is_empty(), "{what}: {}", errors.join("\n"));
}

/// The check would pass on a tool that reports nothing: SARIF as opsguard wrote it before
/// (a rule without `help`, a result without a file) must fail it.
#[test]
#[should_panic(expected = "GH")]
fn the_ingestion_check_catches_a_rule_without_help_and_a_result_without_a_file() {
    let sarif = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "opsguard", "rules": [{"id": "cost/idle", "shortDescription": {"text": "idle"}}]}},
            "results": [{"ruleId": "cost/idle", "ruleIndex": 0, "message": {"text": "idle"},
                "locations": [{"logicalLocations": [{"name": "i-0abc", "kind": "resource"}]}]}]
        }]
    });
    assert_passes_github_ingestion(&sarif.to_string(), "hand-made");
}

#[test]
fn every_commands_sarif_passes_githubs_ingestion_rules() {
    let repo = audited_repo(CONFIG);
    let dir = repo.path();
    // A pack with a failing example, so `rules check` has findings to write.
    std::fs::write(
        dir.join("pack.toml"),
        "name = \"team\"\n\n[[rules]]\nid = \"team-token\"\nregex = '''team_[a-z]{8}'''\nkeywords = [\"team_\"]\nexamples = [\"team_short\"]\n",
    )
    .unwrap();
    let spike = "fixture:costdata";
    let runs: Vec<Vec<&str>> = vec![
        vec!["drift", "check"],
        vec!["drift", "diff", "config/dev.yaml", "config/base.yaml"],
        vec!["drift", "flags"],
        vec!["secrets", "scan", "."],
        vec!["secrets", "scan", "--no-git", "."],
        vec!["secrets", "rules", "check", "pack.toml"],
        vec!["secrets", "rules", "list"],
        vec!["cost", "anomalies", "--source", spike],
        vec!["cost", "budget", "--limit", "20000", "--source", spike],
        vec!["cost", "report", "--source", spike],
        vec!["cost", "tags", "--require", "team", "--source", spike],
        vec!["cost", "rightsize", "--source", spike],
        vec!["cost", "idle", "--source", spike],
    ];
    for args in runs {
        let mut full = vec!["--format", "sarif"];
        full.extend(&args);
        let out = opsguard(dir, &full);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            transcript(&out)
        );
        let sarif = json(&out);
        for result in sarif["runs"][0]["results"].as_array().unwrap() {
            assert!(
                result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].is_string(),
                "{args:?}: {result}"
            );
        }
        assert_passes_github_ingestion(&stdout(&out), &args.join(" "));
    }
}

// ---------------------------------------------------------------------------------------
// Exit status, per section failure.

#[test]
fn a_section_that_cannot_run_is_reported_and_the_run_is_not_green() {
    // Drift is clean (two identical environments); the cost exports do not exist.
    let repo = TestRepo::new();
    repo.commit(
        "Ann",
        "config",
        &[
            (
                "opsguard.toml",
                Some(
                    b"[drift.envs]\na = [\"a.yaml\"]\nb = [\"b.yaml\"]\n\n[cost]\nsource = \"fixture:missing\"\nchecks = [\"anomalies\"]\n",
                ),
            ),
            ("a.yaml", Some(b"timeout: 5s\n")),
            ("b.yaml", Some(b"timeout: 5000ms\n")),
        ],
    );
    let out = opsguard(repo.path(), &["audit", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    assert_valid(&repo_root().join("schema/report.schema.json"), &doc);
    assert_eq!(section(&doc, "drift check")["status"], "ran");
    assert_eq!(
        section(&doc, "drift check")["report"]["summary"]["findings"],
        0
    );
    let cost = section(&doc, "cost anomalies");
    assert_eq!(cost["status"], "failed");
    assert!(
        cost["error"].as_str().unwrap().contains("missing"),
        "{cost}"
    );
    assert!(
        stderr(&out).contains("cost anomalies did not run"),
        "{}",
        stderr(&out)
    );
    // --exit-zero does not make an unread section green.
    let out = opsguard(repo.path(), &["audit", "--exit-zero"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    // Without the failing section the audit is clean.
    let out = opsguard(repo.path(), &["audit", "--skip", "cost"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert!(
        stdout(&out).contains("audit: 2 sections ran, 0 failed, 5 skipped; no findings."),
        "{}",
        stdout(&out)
    );
}

#[test]
fn when_no_section_can_run_the_exit_status_is_2_and_the_report_still_says_why() {
    let repo = TestRepo::new();
    repo.commit(
        "Ann",
        "config",
        &[(
            "opsguard.toml",
            Some(b"[cost]\nsource = \"fixture:missing\"\nchecks = [\"anomalies\"]\n"),
        )],
    );
    let out = opsguard(
        repo.path(),
        &["audit", "--only", "cost", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let doc = json(&out);
    assert_eq!(section(&doc, "cost anomalies")["status"], "failed");
    assert!(
        stderr(&out).contains("no audit section could run"),
        "{}",
        stderr(&out)
    );
    // Nothing configured for the chosen section: an error too, never a clean run.
    let out = opsguard(repo.path(), &["audit", "--only", "drift"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
}

#[test]
fn findings_below_fail_on_leave_the_audit_clean() {
    let repo = audited_repo(CONFIG);
    let out = opsguard(
        repo.path(),
        &["audit", "--only", "drift", "--fail-on", "error"],
    );
    // The drift demo has errors: a policy violation and a flag off in prod.
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let clean = TestRepo::new();
    clean.commit(
        "Ann",
        "config",
        &[
            (
                "opsguard.toml",
                Some(b"[drift.envs]\na = [\"a.yaml\"]\nb = [\"b.yaml\"]\n"),
            ),
            ("a.yaml", Some(b"timeout: 5s\npool: 5\n")),
            ("b.yaml", Some(b"timeout: 5s\npool: 6\n")),
        ],
    );
    let out = opsguard(clean.path(), &["audit", "--only", "drift"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let out = opsguard(
        clean.path(),
        &["audit", "--only", "drift", "--fail-on", "error"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
}
