//! `opsguard cost` end to end on offline Cost Explorer exports.

use crate::common::*;

/// `opsguard cost COMMAND --source fixture:fixtures/aws/startup-spike ARGS…` from the
/// repository root.
fn spike(args: &[&str]) -> std::process::Output {
    let (command, rest) = args.split_first().expect("a command");
    let mut all = vec![
        "cost",
        command,
        "--source",
        "fixture:fixtures/aws/startup-spike",
    ];
    all.extend_from_slice(rest);
    opsguard(&repo_root(), &all)
}

fn spike_dir() -> String {
    repo_root()
        .join("fixtures/aws/startup-spike")
        .display()
        .to_string()
}

#[test]
fn startup_spike_human() {
    let out = spike(&["anomalies"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn startup_spike_json_contract() {
    let dir = scratch(&[]);
    let out = opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--source",
            &format!("fixture:{}", spike_dir()),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["requests"], serde_json::json!({"paid": 0, "cached": 0}));
    let anomalies = doc["anomalies"].as_array().unwrap();
    assert_eq!(anomalies.len(), 4);
    let total = &anomalies[0];
    assert_eq!(total["date"], "2026-10-12", "caught on the launch day");
    assert_eq!(total["key"], "Total");
    assert_eq!(total["kind"], "level_shift");
    assert_eq!(total["severity"], "error", "over $1,000 a day");
    assert!(total["impact"].as_f64().unwrap() > 1000.0);
    let ec2 = anomalies
        .iter()
        .find(|a| a["key"] == "Amazon Elastic Compute Cloud - Compute")
        .unwrap();
    assert_eq!(ec2["group"], "service");
    let causes = ec2["root_causes"].as_array().unwrap();
    let dims: Vec<&str> = causes
        .iter()
        .map(|c| c["dimension"].as_str().unwrap())
        .collect();
    assert!(
        dims.contains(&"usage-type") && dims.contains(&"region") && dims.contains(&"account"),
        "{dims:?}"
    );
    assert_eq!(causes[0]["value"], "EUW1-BoxUsage:c5.4xlarge");
    let region = causes.iter().find(|c| c["dimension"] == "region").unwrap();
    assert_eq!(region["value"], "eu-west-1");
    for key in ["actual", "expected", "impact", "impact_percent", "score"] {
        assert!(ec2[key].is_number(), "{key}");
    }
    assert_valid(&repo_root().join("schema/report.schema.json"), &doc);
}

#[test]
fn the_day_before_the_launch_is_quiet_and_a_shift_still_in_effect_is_never_old_news() {
    let dir = scratch(&[]);
    let source = format!("fixture:{}", spike_dir());
    let before = opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--source",
            &source,
            "--until",
            "2026-10-11",
        ],
    );
    assert_eq!(before.status.code(), Some(0), "{}", transcript(&before));
    // Outside the recent window, the launch's level shift is still reported: the bill is
    // still at the new level, with how long and how much so far.
    let json_out = opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--source",
            &source,
            "--recent",
            "1",
            "--format",
            "json",
        ],
    );
    assert_eq!(json_out.status.code(), Some(1), "{}", transcript(&json_out));
    let report = json(&json_out);
    let anomalies = report["anomalies"].as_array().unwrap();
    assert_eq!(anomalies.len(), 4, "{}", transcript(&json_out));
    for a in anomalies {
        assert_eq!(a["kind"], "level_shift");
        assert_eq!(a["ongoing"], true);
        assert_eq!(a["since"], "2026-10-12");
        assert_eq!(a["days"], 3);
        let extra = a["extra_spend"].as_f64().unwrap();
        let impact = a["impact"].as_f64().unwrap();
        // Three days at roughly the onset's excess.
        assert!(extra > 2.5 * impact && extra < 3.5 * impact, "{a}");
    }
    assert_eq!(report["earlier_anomalies"], 0);
}

#[test]
fn sarif_is_valid() {
    let dir = scratch(&[]);
    let out = opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--source",
            &format!("fixture:{}", spike_dir()),
            "--format",
            "sarif",
        ],
    );
    assert_valid(
        &repo_root().join("fixtures/sarif-2.1.0.schema.json"),
        &json(&out),
    );
}

#[test]
fn a_broken_export_is_exit_2_with_position() {
    let dir = scratch(&[(
        "exports/ce.json",
        "{\n  \"ResultsByTime\": [\n    {\"TimePeriod\": 3}\n  ]\n}\n",
    )]);
    let out = opsguard(
        dir.path(),
        &["cost", "anomalies", "--source", "fixture:exports"],
    );
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn missing_breakdowns_and_short_series_are_said() {
    let dir = scratch(&[]);
    let only_services = dir.path().join("exports");
    std::fs::create_dir(&only_services).unwrap();
    std::fs::copy(
        repo_root().join("fixtures/aws/startup-spike/cost-and-usage.service.json"),
        only_services.join("services.json"),
    )
    .unwrap();
    let out = opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--source",
            "fixture:exports",
            "--days",
            "20",
            "--format",
            "json",
        ],
    );
    let doc = json(&out);
    let warnings: Vec<&str> = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("no usage-type breakdown for root causes")),
        "{warnings:?}"
    );
    let short = opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--source",
            "fixture:exports",
            "--until",
            "2026-07-30",
        ],
    );
    assert!(
        stderr(&short).contains("complete days of history, 15 needed"),
        "{}",
        transcript(&short)
    );
}

#[test]
fn bad_arguments_are_exit_2() {
    let dir = scratch(&[]);
    let out = opsguard(dir.path(), &["cost", "anomalies", "--source", "aws-please"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: --source `aws-please`: expected aws or fixture:DIR\n"
    );
    let out = opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--source",
            &format!("fixture:{}", spike_dir()),
            "--group-by",
            "colour",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_docs_show_the_demo_as_it_really_prints() {
    let out = opsguard_with_env(
        &repo_root(),
        &[
            "cost",
            "anomalies",
            "--source",
            "fixture:fixtures/aws/startup-spike",
        ],
        &[("COLUMNS", "160")],
    );
    assert_doc_shows("docs/cost.md", &out);
}

#[test]
fn settings_come_from_opsguard_toml_and_flags_win() {
    let dir = scratch(&[(
        "opsguard.toml",
        &format!(
            "[cost]\nsource = \"fixture:{}\"\nerror_impact = 100000.0\nrecent = 30\n",
            spike_dir()
        ),
    )]);
    let doc = json(&opsguard(
        dir.path(),
        &["cost", "anomalies", "--format", "json"],
    ));
    let total = &doc["anomalies"][0];
    assert_eq!(total["key"], "Total");
    assert_eq!(
        total["severity"], "warning",
        "error_impact from opsguard.toml"
    );
    let doc = json(&opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--format",
            "json",
            "--error-impact",
            "1000",
        ],
    ));
    assert_eq!(doc["anomalies"][0]["severity"], "error", "the flag wins");
    let bad = scratch(&[("opsguard.toml", "[cost]\nmin_impact = \"lots\"\n")]);
    let out = opsguard(bad.path(), &["cost", "anomalies"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: opsguard.toml:2:14: "),
        "{}",
        transcript(&out)
    );
}

#[test]
fn budget_over_the_limit_says_by_how_much_and_when() {
    let out = spike(&["budget", "--limit", "20000"]);
    insta::assert_snapshot!(transcript(&out));
    let doc = json(&spike(&["budget", "--limit", "20000", "--format", "json"]));
    let budget = &doc["budget"];
    assert_eq!(budget["period"], "2026-10");
    assert_eq!(budget["forecast_source"], "aws", "from cost-forecast.json");
    assert!(budget["forecast_total"].as_f64().unwrap() > 30_000.0);
    let finding = &doc["findings"][0];
    assert_eq!(finding["rule_id"], "cost/budget-forecast-over");
    assert_eq!(finding["severity"], "error");
    assert!(finding["crossing_date"].as_str().unwrap() > "2026-10-15");
    assert_valid(&repo_root().join("schema/report.schema.json"), &doc);
}

#[test]
fn budget_run_rate_and_under_the_limit() {
    let out = spike(&[
        "budget",
        "--limit",
        "60000",
        "--forecast",
        "run-rate",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let doc = json(&out);
    assert_eq!(doc["budget"]["forecast_source"], "run-rate");
    assert_eq!(doc["budget"]["over_by"], serde_json::Value::Null);
    // Before the launch the same budget is nowhere near.
    let quiet = spike(&[
        "budget",
        "--limit",
        "5000",
        "--forecast",
        "run-rate",
        "--until",
        "2026-10-10",
    ]);
    assert_eq!(quiet.status.code(), Some(0), "{}", transcript(&quiet));
    let bad = spike(&["budget", "--limit", "0"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_docs_show_the_budget_as_it_really_prints() {
    let out = spike(&["budget", "--limit", "20000"]);
    assert_doc_shows("README.md", &out);
    assert_doc_shows("docs/cost.md", &out);
}

#[test]
fn tags_untagged_share_over_the_limit() {
    let out = spike(&["tags", "--require", "team,env"]);
    insta::assert_snapshot!(transcript(&out));
    let doc = json(&spike(&["tags", "--require", "team", "--format", "json"]));
    let team = &doc["tags"][0];
    assert_eq!(team["key"], "team");
    assert!(team["untagged_percent"].as_f64().unwrap() > 50.0);
    assert_eq!(
        team["top_untagged_services"][0]["service"],
        "Amazon Elastic Compute Cloud - Compute"
    );
    assert_eq!(doc["findings"][0]["rule_id"], "cost/untagged-spend");
    assert_valid(&repo_root().join("schema/report.schema.json"), &doc);
    // Before the untagged launch, almost everything carried a team.
    let before = spike(&["tags", "--require", "team", "--until", "2026-10-10"]);
    assert_eq!(before.status.code(), Some(0), "{}", transcript(&before));
    let lenient = spike(&["tags", "--require", "team", "--max-untagged", "70"]);
    assert_eq!(lenient.status.code(), Some(0));
}

#[test]
fn report_spend_by_service() {
    let out = spike(&["report", "--days", "7"]);
    insta::assert_snapshot!(transcript(&out));
    let doc = json(&spike(&[
        "report", "--month", "2026-09", "--format", "json",
    ]));
    assert_eq!(doc["period"]["start"], "2026-09-01");
    assert_eq!(doc["period"]["end"], "2026-09-30");
    let totals = &doc["totals"];
    assert_eq!(
        totals["period"], totals["month_to_date"],
        "the whole of September is its month to date"
    );
    let groups = doc["groups"].as_array().unwrap();
    assert_eq!(groups[0]["key"], "Amazon Elastic Compute Cloud - Compute");
    assert_eq!(groups[0]["daily"].as_array().unwrap().len(), 30);
    assert_eq!(
        doc["findings"].as_array().unwrap().len(),
        0,
        "a report has no findings: exit 0"
    );
    assert_valid(&repo_root().join("schema/report.schema.json"), &doc);
    let bad = spike(&["report", "--month", "2026-13"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_docs_show_the_spend_report_as_it_really_prints() {
    let out = spike(&["report", "--days", "7"]);
    assert_doc_shows("docs/cost.md", &out);
}

#[test]
fn an_old_spike_is_counted_not_listed_and_recent_0_lists_it() {
    let export = service_costs("2026-05-22", 100, &["Amazon S3"], |_, day| {
        if day == "2026-07-01" {
            400.0
        } else {
            50.0
        }
    })
    .to_string();
    let dir = scratch(&[("ce/cost-and-usage.service.json", &export)]);
    let out = opsguard(dir.path(), &["cost", "anomalies", "--source", "fixture:ce"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let text = stdout(&out);
    assert!(
        text.contains("1 earlier anomaly in the analysed window, over before the last 7 days; `--recent 0` lists it"),
        "{text}"
    );
    let all = opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--source",
            "fixture:ce",
            "--recent",
            "0",
            "--format",
            "json",
        ],
    );
    assert_eq!(all.status.code(), Some(1), "{}", transcript(&all));
    let doc = json(&all);
    let dates: Vec<&str> = doc["anomalies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["date"].as_str().unwrap())
        .collect();
    // The total's spike only restates S3's: folded into it, with S3's share of the rise.
    assert_eq!(dates, ["2026-07-01"], "{}", transcript(&all));
    assert_eq!(doc["anomalies"][0]["key"], "Amazon S3");
    assert_eq!(doc["anomalies"][0]["share_of_total"], 1.0);
    assert_eq!(doc["earlier_anomalies"], 0);
    assert_eq!(doc["anomalies"][0]["ongoing"], false);
}

#[test]
fn a_migration_that_leaves_the_total_flat_is_still_reported_while_it_lasts() {
    // From 2026-08-04 one service's cost moves to another: the bill as a whole barely
    // moves, but the service that grew has a new level, 26 days on.
    let export = service_costs(
        "2026-05-22",
        100,
        &["Amazon RDS", "Amazon Aurora"],
        |service, day| match (service, day >= "2026-08-04") {
            ("Amazon RDS", false) | ("Amazon Aurora", true) => 500.0,
            _ => 100.0,
        },
    )
    .to_string();
    let dir = scratch(&[("ce/cost-and-usage.service.json", &export)]);
    let out = opsguard(
        dir.path(),
        &[
            "cost",
            "anomalies",
            "--source",
            "fixture:ce",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let anomalies = doc["anomalies"].as_array().unwrap();
    assert_eq!(anomalies.len(), 1, "{}", transcript(&out));
    assert_eq!(anomalies[0]["key"], "Amazon Aurora");
    assert_eq!(anomalies[0]["ongoing"], true);
    assert_eq!(anomalies[0]["since"], "2026-08-04");
    assert_eq!(anomalies[0]["days"], 26);
}
