//! `opsguard cost` against a real AWS-compatible server: the official SDK talks to moto on
//! 127.0.0.1, seeded through moto's own API with the startup-spike data.

use serde_json::{json, Value};

use crate::aws_server::MotoServer;
use crate::common::*;

fn export(name: &str) -> Value {
    let path = repo_root().join("fixtures/aws/startup-spike").join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A Cost Explorer response with the rows of `doc` whose first key is `value`, grouped by
/// the remaining key, for the days `[start, end)`: what a filtered query returns.
fn filtered(doc: &Value, value: &str, start: &str, end: &str) -> Value {
    let results: Vec<Value> = doc["ResultsByTime"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            let day = r["TimePeriod"]["Start"].as_str().unwrap();
            day >= start && day < end
        })
        .map(|r| {
            let groups: Vec<Value> = r["Groups"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|g| g["Keys"][0] == value)
                .map(|g| json!({"Keys": [g["Keys"][1].clone()], "Metrics": g["Metrics"].clone()}))
                .collect();
            json!({"TimePeriod": r["TimePeriod"].clone(), "Total": {}, "Groups": groups, "Estimated": r["Estimated"].clone()})
        })
        .collect();
    json!({"GroupDefinitions": [doc["GroupDefinitions"][1].clone()], "ResultsByTime": results, "DimensionValueAttributes": []})
}

fn run(server: &MotoServer, home: &std::path::Path, args: &[&str]) -> std::process::Output {
    let env = server.aws_env(home);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    opsguard_with_env(home, &[&["cost", "anomalies"][..], args].concat(), &env)
}

#[test]
fn anomalies_through_the_sdk_with_pagination_and_root_causes() {
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    let services = export("cost-and-usage.service.json");
    let results = services["ResultsByTime"].as_array().unwrap();
    let (first, second) = results.split_at(45);
    let mut queue = vec![
        json!({"GroupDefinitions": services["GroupDefinitions"], "ResultsByTime": first, "NextPageToken": "page-2"}),
        json!({"GroupDefinitions": services["GroupDefinitions"], "ResultsByTime": second}),
    ];
    // Root causes are asked for in series order (services alphabetically), each in the
    // order usage type, region, account; moto hands each new request the next result.
    let breakdowns = [
        export("cost-and-usage.service.usage-type.json"),
        export("cost-and-usage.service.region.json"),
        export("cost-and-usage.service.account.json"),
    ];
    for service in [
        "Amazon CloudFront",
        "Amazon Elastic Compute Cloud - Compute",
        "EC2 - Other",
    ] {
        for doc in &breakdowns {
            queue.push(filtered(doc, service, "2026-09-14", "2026-10-13"));
        }
    }
    server.post_json(
        "/moto-api/static/ce/cost-and-usage-results",
        &json!({"results": queue}),
    );

    let out = run(
        &server,
        home.path(),
        &["--until", "2026-10-15", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    assert_eq!(
        doc["requests"]["paid"],
        2 + 9,
        "two pages and nine breakdowns, each a paid request"
    );
    let anomalies = doc["anomalies"].as_array().unwrap();
    let days: Vec<(&str, &str, &str)> = anomalies
        .iter()
        .map(|a| {
            (
                a["date"].as_str().unwrap(),
                a["key"].as_str().unwrap(),
                a["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        days,
        [
            ("2026-10-12", "Total", "level_shift"),
            (
                "2026-10-12",
                "Amazon Elastic Compute Cloud - Compute",
                "level_shift"
            ),
            ("2026-10-12", "EC2 - Other", "level_shift"),
            ("2026-10-12", "Amazon CloudFront", "level_shift"),
        ]
    );
    let ec2 = &anomalies[1]["root_causes"];
    assert_eq!(ec2[0]["value"], "EUW1-BoxUsage:c5.4xlarge", "{ec2:#}");
    assert!(ec2
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["dimension"] == "region" && c["value"] == "eu-west-1"));
}

#[test]
fn no_data_from_aws_is_not_a_clean_bill_of_health() {
    // moto answers an unseeded query with no results at all: the series are too short to
    // judge, and the report says so instead of claiming there are no anomalies.
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    let out = run(&server, home.path(), &["--until", "2026-10-15"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(
        stderr(&out).contains("Cost Explorer returned no costs"),
        "{}",
        transcript(&out)
    );
}

#[test]
fn missing_credentials_are_a_clear_error() {
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    let env: Vec<(String, String)> = server
        .aws_env(home.path())
        .into_iter()
        .filter(|(k, _)| {
            !k.starts_with("AWS_ACCESS_KEY_ID") && !k.starts_with("AWS_SECRET_ACCESS_KEY")
        })
        .collect();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let out = opsguard_with_env(
        home.path(),
        &["cost", "anomalies", "--until", "2026-10-15"],
        &env,
    );
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let err = stderr(&out);
    assert!(err.starts_with("error: no AWS credentials"), "{err}");
    assert!(err.contains("hint: set AWS_PROFILE"), "{err}");
}

/// The IAM actions of the SDK calls in `files` of src/cost/aws (lower case: IAM spells
/// acronyms in capitals, DescribeDBInstances).
fn actions_called_in(files: &[&str]) -> Vec<String> {
    // Every adapter names its client after the service: `ec2.describe_volumes()`.
    let call = regex::Regex::new(
        r"\b(ce|ec2|rds|cloudwatch|pricing|sts|ecs|autoscaling|organizations)\s*\.\s*([a-z_]+)\s*\(",
    )
    .unwrap();
    let mut called = Vec::new();
    for entry in std::fs::read_dir(repo_root().join("src/cost/aws")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if !name.ends_with(".rs") || !(files.is_empty() || files.contains(&name.as_str())) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for c in call.captures_iter(&text) {
            let camel: String = c[2]
                .split('_')
                .map(|w| w[..1].to_uppercase() + &w[1..])
                .collect();
            let service = match &c[1] {
                "autoscaling" => "application-autoscaling",
                other => other,
            };
            called.push(format!("{service}:{camel}").to_lowercase());
        }
    }
    called.sort();
    called.dedup();
    assert!(!called.is_empty(), "found the SDK calls");
    called
}

fn actions_granted_by(doc: &str) -> Vec<String> {
    let policy: Value =
        serde_json::from_str(&std::fs::read_to_string(repo_root().join(doc)).unwrap()).unwrap();
    let mut granted: Vec<String> = policy["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["Effect"] == "Allow")
        .flat_map(|s| match &s["Action"] {
            Value::String(one) => vec![one.to_lowercase()],
            list => list
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_lowercase())
                .collect(),
        })
        .collect();
    granted.sort();
    granted.dedup();
    granted
}

/// Every AWS API the code calls is in the shipped read-only policies, and nothing else:
/// the single-account policy, the member accounts' role (what `rightsize`/`idle` call in
/// each account) and the management account's (listing accounts, assuming the role).
#[test]
fn the_iam_policies_list_every_action_the_code_calls() {
    let everything = actions_called_in(&[]);
    let fleet: Vec<String> = [
        actions_called_in(&["inventory.rs", "ecs.rs", "metrics.rs"]),
        vec!["sts:getcalleridentity".to_string()],
    ]
    .concat();
    let management = vec![
        "organizations:listaccounts".to_string(),
        "sts:assumerole".to_string(),
    ];
    let single: Vec<String> = everything
        .iter()
        .filter(|a| !management.contains(a))
        .cloned()
        .collect();
    assert_eq!(
        actions_granted_by("docs/iam-policy.json"),
        single,
        "docs/iam-policy.json must grant exactly what src/cost calls in one account"
    );
    let mut fleet = fleet;
    fleet.sort();
    assert_eq!(
        actions_granted_by("docs/iam-member-role.json"),
        fleet,
        "docs/iam-member-role.json must grant exactly what rightsize and idle call"
    );
    assert_eq!(
        actions_granted_by("docs/iam-management.json"),
        management,
        "docs/iam-management.json must grant exactly the organisation calls"
    );
    let mut union: Vec<String> = [single, management].concat();
    union.sort();
    assert_eq!(union, everything);
}

#[test]
fn budget_falls_back_to_the_run_rate_when_the_aws_forecast_fails_and_says_so() {
    // moto 5.2.5 does not implement GetCostForecast and answers HTTP 500; with
    // AWS_MAX_ATTEMPTS=1 the SDK gives up at once. The AWS path itself is tested through
    // an exported forecast (cost::budget_over_the_limit_says_by_how_much_and_when).
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    // The budget asks for totals: the day's groups added up, as Cost Explorer does.
    let services = export("cost-and-usage.service.json");
    let totals: Vec<Value> = services["ResultsByTime"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let sum: f64 = r["Groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g["Metrics"]["UnblendedCost"]["Amount"].as_str().unwrap().parse::<f64>().unwrap())
                .sum();
            json!({"TimePeriod": r["TimePeriod"], "Total": {"UnblendedCost": {"Amount": sum.to_string(), "Unit": "USD"}}, "Groups": [], "Estimated": r["Estimated"]})
        })
        .collect();
    server.post_json(
        "/moto-api/static/ce/cost-and-usage-results",
        &json!({"results": [{"GroupDefinitions": [], "ResultsByTime": totals}]}),
    );
    let env = server.aws_env(home.path());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let args = [
        "cost",
        "budget",
        "--limit",
        "20000",
        "--until",
        "2026-10-15",
    ];
    let out = opsguard_with_env(home.path(), &args, &env);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(
        stderr(&out).contains("warning: the AWS forecast failed"),
        "{}",
        transcript(&out)
    );
    let doc = json(&opsguard_with_env(
        home.path(),
        &[&args[..], &["--format", "json"]].concat(),
        &env,
    ));
    assert_eq!(
        doc["budget"]["forecast_source"], "run-rate",
        "never pretends the AWS forecast was used"
    );
    assert!(doc["warnings"][0]
        .as_str()
        .unwrap()
        .starts_with("the AWS forecast failed"));
    assert!(doc["budget"]["forecast_total"].as_f64().unwrap() > 20_000.0);
}

#[test]
fn tags_through_the_sdk_read_untagged_values() {
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    server.post_json(
        "/moto-api/static/ce/cost-and-usage-results",
        &json!({"results": [export("cost-and-usage.tag-team.service.json")]}),
    );
    let out = run_cost(
        &server,
        home.path(),
        &[
            "tags",
            "--require",
            "team",
            "--until",
            "2026-10-15",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    assert!(
        doc["tags"][0]["untagged_percent"].as_f64().unwrap() > 50.0,
        "`team$` is untagged: {doc:#}"
    );
    assert_eq!(doc["requests"]["paid"], 1);
}

fn run_cost(server: &MotoServer, home: &std::path::Path, args: &[&str]) -> std::process::Output {
    let env = server.aws_env(home);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    opsguard_with_env(home, &[&["cost"][..], args].concat(), &env)
}

/// The issue's request budget: `report` + `anomalies` for 90 days and 50 services cost at
/// most 3 paid requests on a cold cache and none on a warm one (BENCHMARKS.md).
#[test]
fn report_and_anomalies_share_one_paid_query() {
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    let until = "2026-10-15";
    let first = 20_652; // 2026-07-18, the first of the 90 days
    let results: Vec<Value> = (0..90)
        .map(|d| {
            let day = |n: i64| {
                let date = opsguard::date::Date::from_days_since_epoch(first + n);
                date.to_string()
            };
            let groups: Vec<Value> = (0..50)
                .map(|s| {
                    let weekend = (first + d + 3).rem_euclid(7) >= 5;
                    let amount = (10.0 + s as f64) * if weekend { 0.7 } else { 1.0 };
                    json!({"Keys": [format!("Service {s:02}")], "Metrics": {"UnblendedCost": {"Amount": format!("{amount:.4}"), "Unit": "USD"}}})
                })
                .collect();
            json!({"TimePeriod": {"Start": day(d), "End": day(d + 1)}, "Total": {}, "Groups": groups, "Estimated": false})
        })
        .collect();
    assert_eq!(results[0]["TimePeriod"]["Start"], "2026-07-18");
    server.post_json(
        "/moto-api/static/ce/cost-and-usage-results",
        &json!({"results": [{"GroupDefinitions": [{"Type": "DIMENSION", "Key": "SERVICE"}], "ResultsByTime": results}]}),
    );
    let paid = |args: &[&str]| {
        let out = run_cost(
            &server,
            home.path(),
            &[args, &["--until", until, "--format", "json"]].concat(),
        );
        assert!(out.status.code() == Some(0), "{}", transcript(&out));
        json(&out)["requests"].clone()
    };
    let cold = [paid(&["anomalies"]), paid(&["report"])];
    let cold_paid: u64 = cold.iter().map(|r| r["paid"].as_u64().unwrap()).sum();
    assert!(cold_paid <= 3, "cold: {cold:?}");
    assert_eq!(cold_paid, 1, "the report reuses the anomalies' days");
    let warm = [paid(&["anomalies"]), paid(&["report"])];
    assert!(warm.iter().all(|r| r["paid"] == 0), "warm: {warm:?}");
}

/// A service-grouped Cost Explorer response for 100 days from 2026-05-22: Amazon RDS at
/// $100 a day until 2026-08-04, then $500 a day to the end (2026-08-29, 26 days); Amazon S3
/// at $50 a day with one $400 day on 2026-07-01.
fn shift_and_old_spike() -> Value {
    service_costs(
        "2026-05-22",
        100,
        &["Amazon RDS", "Amazon S3"],
        |service, day| match service {
            "Amazon RDS" if day >= "2026-08-04" => 500.0,
            "Amazon RDS" => 100.0,
            _ if day == "2026-07-01" => 400.0,
            _ => 50.0,
        },
    )
}

#[test]
fn a_shift_that_began_weeks_ago_and_persists_fails_the_default_run() {
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    let empty = json!({"ResultsByTime": []});
    // The bill, then the three breakdowns asked for the listed service anomaly.
    server.post_json(
        "/moto-api/static/ce/cost-and-usage-results",
        &json!({"results": [shift_and_old_spike(), empty, empty, empty]}),
    );
    let out = run(
        &server,
        home.path(),
        &["--until", "2026-08-29", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let anomalies = doc["anomalies"].as_array().unwrap();
    let rds = anomalies
        .iter()
        .find(|a| a["key"] == "Amazon RDS")
        .unwrap_or_else(|| panic!("{}", transcript(&out)));
    assert_eq!(rds["kind"], "level_shift");
    assert_eq!(rds["ongoing"], true);
    assert_eq!(rds["since"], "2026-08-04");
    assert_eq!(rds["days"], 26);
    assert_eq!(rds["extra_spend"], 26.0 * 400.0);
    // The old one-day spike is over: counted, not listed.
    assert!(
        anomalies.iter().all(|a| a["date"] != "2026-07-01"),
        "{}",
        transcript(&out)
    );
    assert_eq!(
        doc["earlier_anomalies"], 1,
        "S3 on 2026-07-01, the total's spike folded into it"
    );
    // The total's shift restates RDS's alone: folded into it, with its share.
    assert_eq!(anomalies.len(), 1, "{}", transcript(&out));
    assert!(rds["share_of_total"].as_f64().unwrap() > 0.99, "{rds}");
}

/// 100 days from 2026-04-24 to 2026-08-01: EC2 at $5,000 a day, cut to $500 from
/// 2026-07-10, and a $200 support fee on the first of every month. The fee was under 5 % of
/// the bill before the cut, so the total's own history does not know it as a fee; the
/// support series does.
fn month_start_fees() -> Value {
    let days = days_from("2026-04-24", 100);
    service_costs(
        "2026-04-24",
        100,
        &["AWS Support (Business)", "Amazon EC2"],
        |service, day| {
            let i = days.iter().position(|d| d == day).unwrap_or(0);
            match service {
                "Amazon EC2" if day < "2026-07-10" => 5000.0 + (i % 3) as f64,
                "Amazon EC2" => 500.0 + (i % 3) as f64,
                _ if day.ends_with("-01") => 200.0,
                _ => 0.0,
            }
        },
    )
}

#[test]
fn a_month_start_fee_is_no_anomaly_of_the_total_either() {
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    server.post_json(
        "/moto-api/static/ce/cost-and-usage-results",
        &json!({"results": [month_start_fees()]}),
    );
    let out = run(
        &server,
        home.path(),
        &["--until", "2026-08-01", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let doc = json(&out);
    assert_eq!(
        doc["anomalies"].as_array().map(Vec::len),
        Some(0),
        "{doc:#}"
    );
}
