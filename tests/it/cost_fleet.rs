//! `cost rightsize` and `cost idle` on the offline rightsizing export
//! (fixtures/aws/rightsizing): every finding kind, its neighbour, and every output format.

use crate::common::*;

const FIXTURE: &str = "fixture:fixtures/aws/rightsizing";

fn fleet(args: &[&str]) -> std::process::Output {
    let mut cmd = assert_cmd::Command::cargo_bin("opsguard").unwrap();
    cmd.current_dir(repo_root())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "160")
        .env_remove("AWS_PROFILE");
    cmd.args(args).output().unwrap()
}

#[test]
fn rightsize_human_puts_risks_first_and_totals_savings() {
    let out = fleet(&["cost", "rightsize", "--source", FIXTURE]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn idle_human() {
    let out = fleet(&["cost", "idle", "--source", FIXTURE]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn rightsize_json_follows_the_contract_and_the_schema() {
    let out = fleet(&["cost", "rightsize", "--source", FIXTURE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    assert_valid(&repo_root().join("schema/report.schema.json"), &doc);
    assert_eq!(doc["version"], 1);
    let first = &doc["recommendations"][0];
    for key in [
        "resource_id",
        "service",
        "region",
        "name",
        "tags",
        "finding",
        "severity",
        "current_type",
        "recommended_type",
        "metrics",
        "monthly_cost",
        "monthly_savings",
        "reason",
    ] {
        assert!(first.get(key).is_some(), "{key} missing from {first:#}");
    }
    assert_eq!(doc["totals"]["monthly_savings"], 2588.0);
    assert_eq!(doc["requests"]["total"], 0);
    insta::assert_snapshot!(serde_json::to_string_pretty(&doc["recommendations"]).unwrap());
}

#[test]
fn sarif_and_jsonl_carry_the_same_findings() {
    let out = fleet(&["cost", "idle", "--source", FIXTURE, "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let sarif = json(&out);
    assert_valid(
        &repo_root().join("fixtures/sarif-2.1.0.schema.json"),
        &sarif,
    );
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 8);
    // No file to point at: each result names its resource as a logical location.
    let logical = &results[0]["locations"][0]["logicalLocations"][0];
    assert_eq!(
        logical["fullyQualifiedName"],
        "aws/us-east-1/rds/reports-old"
    );
    assert_eq!(logical["kind"], "resource");
    let out = fleet(&["cost", "idle", "--source", FIXTURE, "--format", "jsonl"]);
    assert_eq!(stdout(&out).lines().count(), 8);
}

#[test]
fn thresholds_and_prices_can_be_overridden() {
    let dir = scratch(&[(
        "opsguard.toml",
        "[cost]\nsource = \"fixture:fleet\"\n[cost.thresholds]\nheadroom_percent = 50\n",
    )]);
    std::fs::create_dir(dir.path().join("fleet")).unwrap();
    std::fs::copy(
        repo_root().join("fixtures/aws/rightsizing/fleet.json"),
        dir.path().join("fleet/fleet.json"),
    )
    .unwrap();
    let out = opsguard(dir.path(), &["cost", "rightsize", "--format", "json"]);
    let doc = json(&out);
    // With 50 % headroom, 13.2 % of 16 vCPUs needs 8: m5.2xlarge, not m5.xlarge.
    let batch = doc["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "api-batch")
        .unwrap();
    assert_eq!(batch["recommended_type"], "m5.2xlarge");

    std::fs::write(
        dir.path().join("opsguard.toml"),
        "[cost]\nsource = \"fixture:fleet\"\n[cost.thresholds]\nheadroom = 50\n",
    )
    .unwrap();
    let out = opsguard(dir.path(), &["cost", "rightsize"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("opsguard.toml:4:1"), "{err}");
    assert!(err.contains("unknown field `headroom`"), "{err}");

    std::fs::write(
        dir.path().join("opsguard.toml"),
        "[cost]\nsource = \"fixture:fleet\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("prices.csv"),
        "service,region,type,engine,deployment,vcpu,memory_gib,usd,unit\nec2,us-east-1,m5.large,,,2,8,lots,hour\n",
    )
    .unwrap();
    let out = opsguard(dir.path(), &["cost", "idle", "--prices", "prices.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).lines().next().unwrap(),
        "error: prices.csv:2:30: `lots` is not a non-negative number"
    );
}

#[test]
fn a_damaged_export_is_named_with_line_and_column() {
    let dir = scratch(&[("snap/fleet.json", "{\"version\": 1,\n \"window\": 3}\n")]);
    let out = opsguard(dir.path(), &["cost", "idle", "--source", "fixture:snap"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("error: snap/fleet.json:2:"), "{err}");
    assert!(err.contains("not an opsguard fleet export"), "{err}");
    let out = opsguard(
        dir.path(),
        &["cost", "idle", "--source", "fixture:snap", "--now", "soon"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--now `soon` is not a time"));
}

#[test]
fn now_moves_the_age_rules() {
    // Judged 100 days earlier, the 200-day-old snapshot is 100 days old: still old; the
    // instance stopped 60 days before the export was stopped for none.
    let out = fleet(&[
        "cost",
        "idle",
        "--source",
        FIXTURE,
        "--format",
        "json",
        "--now",
        "2026-08-22",
    ]);
    let doc = json(&out);
    let kinds: Vec<&str> = doc["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["service"] == "ebs" || r["service"] == "snapshot")
        .map(|r| r["finding"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"old_snapshot"), "{kinds:?}");
    assert!(!kinds.contains(&"idle"), "{kinds:?}");
}

#[test]
fn the_docs_show_the_rightsize_demo_as_it_really_prints() {
    let out = fleet(&["cost", "rightsize", "--source", FIXTURE]);
    assert_doc_shows("docs/cost.md", &out);
}

#[test]
fn regions_filter_an_export_and_nothing_found_is_exit_0() {
    let out = fleet(&[
        "cost",
        "idle",
        "--source",
        FIXTURE,
        "--regions",
        "eu-west-1",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert!(
        stdout(&out).contains("nothing to recommend"),
        "{}",
        stdout(&out)
    );
}
