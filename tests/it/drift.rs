//! `opsguard drift` end to end: the documented demo, policies, baselines, masking, diff.

use crate::common::*;

#[test]
fn demo_human() {
    let out = opsguard(&drift_demo(), &["drift", "check"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn demo_json() {
    let out = opsguard(&drift_demo(), &["drift", "check", "--format", "json"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn demo_sarif() {
    let out = opsguard(&drift_demo(), &["drift", "check", "--format", "sarif"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn demo_jsonl() {
    let out = opsguard(&drift_demo(), &["drift", "check", "--format", "jsonl"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn json_contract_fields() {
    let out = opsguard(&drift_demo(), &["drift", "check", "--format", "json"]);
    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["envs"], serde_json::json!(["dev", "staging", "prod"]));
    let pool = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "database.pool_size" && f["status"] == "differs")
        .expect("pool size drift");
    assert_eq!(
        pool["values"],
        serde_json::json!({"dev": "5", "staging": "10", "prod": "50"})
    );
    assert_eq!(pool["sources"]["prod"], "config/prod.json:6");
    assert_eq!(pool["sources"]["staging"], "config/staging.env:6");
    assert_eq!(pool["severity"], "warning");
    assert_eq!(pool["rule"], serde_json::Value::Null);
    let replica = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "database.replica_url")
        .unwrap();
    assert_eq!(replica["values"]["dev"], serde_json::Value::Null);
}

const THREE_ENVS: &[(&str, &str)] = &[
    (
        "dev.yaml",
        "app:\n  timeout: 5s\n  flag: true\n  replicas: 1\n  only_dev: x\n",
    ),
    (
        "staging.yaml",
        "app:\n  timeout: 5000ms\n  flag: true\n  replicas: 3\n",
    ),
    (
        "prod.yaml",
        "app:\n  timeout: 30s\n  flag: false\n  replicas: 2\n",
    ),
];

fn three_envs(extra: &[&str]) -> std::process::Output {
    let dir = scratch(THREE_ENVS);
    let mut args = vec![
        "drift",
        "check",
        "--env",
        "dev=dev.yaml",
        "--env",
        "staging=staging.yaml",
        "--env",
        "prod=prod.yaml",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    opsguard(dir.path(), &args)
}

/// JSON, every finding down to notes, and no policy (not even `[drift] policy`).
const JSON_EVERY_FINDING_NO_POLICY: [&str; 6] = [
    "--format",
    "json",
    "--fail-on",
    "note",
    "--policy",
    "/dev/null",
];

/// The keys of a JSON report's findings, in order.
fn finding_keys(doc: &serde_json::Value) -> Vec<&str> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect()
}

fn by_key<'a>(doc: &'a serde_json::Value, key: &str) -> Vec<&'a serde_json::Value> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["key"] == key)
        .collect()
}

#[test]
fn three_environments_with_default_severities() {
    let doc = json(&three_envs(&[]));
    let timeout = by_key(&doc, "app.timeout");
    assert_eq!(timeout[0]["detail"], "5s vs 30s, 6×");
    assert_eq!(timeout[0]["severity"], "warning");
    let flag = by_key(&doc, "app.flag");
    assert_eq!(
        flag[0]["severity"], "error",
        "a feature flag difference is an error"
    );
    let only_dev = by_key(&doc, "app.only_dev");
    assert_eq!(only_dev[0]["status"], "missing");
    assert_eq!(
        only_dev[0]["severity"], "error",
        "missing in prod is an error"
    );
    assert_eq!(only_dev[0]["detail"], "missing in staging, prod");
}

#[test]
fn equivalent_values_are_notes_only_when_asked() {
    let dir = scratch(&[
        ("a.yaml", "t: 5s\nm: 1Gi\n"),
        ("b.yaml", "t: 5000ms\nm: 1024Mi\n"),
    ]);
    let args = ["drift", "check", "--env", "a=a.yaml", "--env", "b=b.yaml"];
    let out = opsguard(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let out = opsguard(dir.path(), &[&args[..], &["--show-equivalent"]].concat());
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn policy_kinds() {
    let policy = r#"
[[rule]]
id = "timeouts-vary"
path = "app.timeout"
expect = "ignore"

[[rule]]
id = "flags-equal"
path = "app.flag"
expect = "equal"
reason = "flags ship together"

[[rule]]
id = "own-names"
path = "app.name"
expect = "differ"

[[rule]]
id = "capacity"
path = "*.replicas"
compare = "prod >= staging"
"#;
    let dir = scratch(&[
        (
            "dev.yaml",
            "app:\n  timeout: 5s\n  flag: true\n  name: svc\n  replicas: 1\n",
        ),
        (
            "staging.yaml",
            "app:\n  timeout: 9s\n  flag: true\n  name: svc\n  replicas: 3\n",
        ),
        (
            "prod.yaml",
            "app:\n  timeout: 30s\n  flag: false\n  name: svc\n  replicas: 2\n",
        ),
        ("policy.toml", policy),
    ]);
    let out = drift_check(
        dir.path(),
        &["dev=dev.yaml", "staging=staging.yaml", "prod=prod.yaml"],
        &["--policy", "policy.toml"],
    );
    insta::assert_snapshot!(transcript(&out));
    let doc = json(&drift_check(
        dir.path(),
        &["dev=dev.yaml", "staging=staging.yaml", "prod=prod.yaml"],
        &["--policy", "policy.toml", "--format", "json"],
    ));
    assert!(by_key(&doc, "app.timeout").is_empty(), "ignored");
    assert_eq!(by_key(&doc, "app.flag")[0]["rule"], "flags-equal");
    assert_eq!(by_key(&doc, "app.flag")[0]["severity"], "error");
    assert_eq!(by_key(&doc, "app.name")[0]["status"], "violation");
    let replicas = by_key(&doc, "app.replicas");
    assert_eq!(
        replicas.len(),
        1,
        "the ordering rule replaces the plain difference"
    );
    assert_eq!(replicas[0]["rule"], "capacity");
    assert_eq!(doc["summary"]["accepted_by_policy"], 1);
}

#[test]
fn a_holding_ordering_rule_accepts_the_difference() {
    let dir = scratch(&[
        ("s.yaml", "replicas: 2\n"),
        ("p.yaml", "replicas: 5\n"),
        (
            "policy.toml",
            "[[rule]]\nid = \"cap\"\npath = \"replicas\"\ncompare = \"prod >= staging\"\n",
        ),
    ]);
    let out = drift_check(
        dir.path(),
        &["staging=s.yaml", "prod=p.yaml"],
        &["--policy", "policy.toml"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
}

#[test]
fn ordering_rule_naming_an_absent_environment_warns() {
    let dir = scratch(&[
        ("a.yaml", "replicas: 2\n"),
        ("b.yaml", "replicas: 5\n"),
        (
            "policy.toml",
            "[[rule]]\nid = \"cap\"\npath = \"replicas\"\ncompare = \"prod >= staging\"\n",
        ),
    ]);
    let out = drift_check(
        dir.path(),
        &["a=a.yaml", "b=b.yaml"],
        &["--policy", "policy.toml"],
    );
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn expired_rules_are_reported_and_not_applied() {
    let dir = scratch(&[
        ("a.yaml", "pool: 10\n"),
        ("b.yaml", "pool: 50\n"),
        ("policy.toml", "[[rule]]\nid = \"pools\"\npath = \"pool\"\nexpect = \"ignore\"\nexpires = 2020-01-31\n"),
    ]);
    let out = drift_check(
        dir.path(),
        &["a=a.yaml", "b=b.yaml"],
        &["--policy", "policy.toml"],
    );
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn bad_policy_is_exit_2_with_position() {
    let dir = scratch(&[
        ("a.yaml", "pool: 10\n"),
        ("b.yaml", "pool: 50\n"),
        (
            "policy.toml",
            "[[rule]]\nid = \"x\"\npath = \"pool\"\nexpect = \"sometimes\"\n",
        ),
    ]);
    let out = drift_check(
        dir.path(),
        &["a=a.yaml", "b=b.yaml"],
        &["--policy", "policy.toml"],
    );
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn baseline_accepts_todays_drift_and_catches_new_drift() {
    let dir = scratch(&[
        ("a.yaml", "pool: 10\nttl: 5m\n"),
        ("b.yaml", "pool: 50\nttl: 5m\n"),
    ]);
    let envs = ["--env", "a=a.yaml", "--env", "b=b.yaml"];
    let out = opsguard(
        dir.path(),
        &[&["drift", "baseline"][..], &envs, &["-o", "baseline.json"]].concat(),
    );
    insta::assert_snapshot!("baseline_written", transcript(&out));
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    insta::assert_snapshot!("baseline_file", baseline);

    let check = [
        &["drift", "check"][..],
        &envs,
        &["--baseline", "baseline.json"],
    ]
    .concat();
    let out = opsguard(dir.path(), &check);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));

    // A notation change is not new drift; a new value is.
    std::fs::write(dir.path().join("b.yaml"), "pool: \"50\"\nttl: 300s\n").unwrap();
    assert_eq!(opsguard(dir.path(), &check).status.code(), Some(0));
    std::fs::write(dir.path().join("b.yaml"), "pool: 60\nttl: 10m\n").unwrap();
    let out = opsguard(dir.path(), &check);
    insta::assert_snapshot!("baseline_new_drift", transcript(&out));
}

#[test]
fn a_broken_baseline_is_exit_2() {
    let dir = scratch(&[
        ("a.yaml", "x: 1\n"),
        ("b.yaml", "x: 2\n"),
        ("baseline.json", "{\"version\": 1,\n \"accepted\": 3}"),
    ]);
    let out = drift_check(
        dir.path(),
        &["a=a.yaml", "b=b.yaml"],
        &["--baseline", "baseline.json"],
    );
    insta::assert_snapshot!(transcript(&out));
}

const PROD_SECRET: &str = "Pr0d-Sup3r-S3cret-Pa55-2026";
const STAGING_SECRET: &str = "St4g1ng-Pa55w0rd-2026";
const URL_SECRET: &str = "Pr0dR3plica!";

#[test]
fn secrets_are_masked_in_every_format() {
    let demo = drift_demo();
    for format in ["human", "json", "jsonl", "sarif"] {
        let out = opsguard(
            &demo,
            &["drift", "check", "--format", format, "--fail-on", "note"],
        );
        let text = transcript(&out);
        for secret in [PROD_SECRET, STAGING_SECRET, URL_SECRET, "devpassword"] {
            assert!(!text.contains(secret), "{format} leaks {secret}:\n{text}");
        }
    }
    let shown = opsguard(
        &demo,
        &[
            "drift",
            "check",
            "--format",
            "json",
            "--show-secrets",
            "--policy",
            "/dev/null",
        ],
    );
    assert!(
        stdout(&shown).contains(PROD_SECRET),
        "--show-secrets reveals:\n{}",
        transcript(&shown)
    );
}

#[test]
fn equal_secrets_are_flagged_by_the_differ_rule_without_showing_them() {
    let dir = scratch(&[
        ("s.env", "DB_PASSWORD=SharedPassw0rd!\n"),
        ("p.json", "{\"db\": {\"password\": \"SharedPassw0rd!\"}}\n"),
        (
            "policy.toml",
            "[[rule]]\nid = \"no-shared-credentials\"\npath = \"*password\"\nexpect = \"differ\"\n",
        ),
    ]);
    let out = drift_check(
        dir.path(),
        &["staging=s.env", "prod=p.json"],
        &["--policy", "policy.toml"],
    );
    insta::assert_snapshot!(transcript(&out));
    assert!(!transcript(&out).contains("SharedPassw0rd!"));
}

#[test]
fn diff_two_files_with_text() {
    let dir = scratch(&[
        (
            "staging.yaml",
            "db:\n  host: db.staging\n  password: stagingpass1\n  timeout: 5s\n",
        ),
        (
            "prod.yaml",
            "db:\n  host: db.prod\n  password: prodpass22\n  timeout: 30s\n",
        ),
    ]);
    let out = opsguard(
        dir.path(),
        &["drift", "diff", "staging.yaml", "prod.yaml", "--text"],
    );
    insta::assert_snapshot!(transcript(&out));
    let text = transcript(&out);
    assert!(!text.contains("stagingpass1") && !text.contains("prodpass22"));
    let json_out = opsguard(
        dir.path(),
        &[
            "drift",
            "diff",
            "staging.yaml",
            "prod.yaml",
            "--text",
            "--format",
            "json",
        ],
    );
    let doc = json(&json_out);
    assert!(doc["text_diff"]
        .as_str()
        .unwrap()
        .contains("+  timeout: 30s"));
    assert!(!stdout(&json_out).contains("prodpass22"));
}

#[test]
fn multi_document_streams_are_compared_document_by_document() {
    let a = "kind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n---\nkind: Service\nmetadata:\n  name: web\nspec:\n  port: 80\n";
    let b = "kind: Service\nmetadata:\n  name: web\nspec:\n  port: 8080\n---\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n---\nkind: ConfigMap\nmetadata:\n  name: extra\n";
    let dir = scratch(&[("a.yaml", a), ("b.yaml", b)]);
    let out = opsguard(dir.path(), &["drift", "diff", "a.yaml", "b.yaml"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn lists_are_matched_by_name_not_position() {
    let a = "containers:\n  - name: web\n    image: web:1\n  - name: sidecar\n    image: side:1\nhosts: [a, b]\n";
    let b = "containers:\n  - name: sidecar\n    image: side:1\n  - name: web\n    image: web:2\nhosts: [b, a]\n";
    let dir = scratch(&[("a.yaml", a), ("b.yaml", b)]);
    let doc = json(&opsguard(
        dir.path(),
        &["drift", "diff", "a.yaml", "b.yaml", "--format", "json"],
    ));
    let keys = finding_keys(&doc);
    assert_eq!(keys, ["containers[name=web].image", "hosts[0]", "hosts[1]"]);
}

#[test]
fn type_mismatch_is_one_finding_not_a_cascade() {
    let dir = scratch(&[
        ("a.yaml", "db:\n  hosts: [a, b]\n"),
        ("b.yaml", "db:\n  hosts: a\n"),
    ]);
    let doc = json(&opsguard(
        dir.path(),
        &["drift", "diff", "a.yaml", "b.yaml", "--format", "json"],
    ));
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{doc:#}");
    assert_eq!(findings[0]["status"], "type_mismatch");
    assert_eq!(findings[0]["detail"], "list in a.yaml, text in b.yaml");
}

#[test]
fn layering_later_files_override() {
    let dir = scratch(&[
        (
            "base.yaml",
            "db:\n  pool: 10\n  host: x\ncache:\n  ttl: 60s\n",
        ),
        ("prod.yaml", "db:\n  pool: 50\ncache: null\n"),
        (
            "staging.yaml",
            "db:\n  pool: 10\n  host: x\ncache:\n  ttl: 1m\n",
        ),
    ]);
    let doc = json(&drift_check(
        dir.path(),
        &["staging=staging.yaml", "prod=base.yaml,prod.yaml"],
        &["--format", "json"],
    ));
    let findings = doc["findings"].as_array().unwrap();
    let summary: Vec<(String, String)> = findings
        .iter()
        .map(|f| {
            (
                f["key"].as_str().unwrap().to_string(),
                f["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("cache.ttl".to_string(), "missing".to_string()),
            ("db.pool".to_string(), "differs".to_string())
        ]
    );
    assert_eq!(findings[1]["sources"]["prod"], "prod.yaml:2");
}

#[test]
fn unit_near_misses_are_reported() {
    let dir = scratch(&[
        ("a.yaml", "mem: 1G\nt: 5s\ncpu: 500m\nlimit_cpu: 1\n"),
        (
            "b.yaml",
            "mem: 1Gi\nt: 5m\ncpu: \"0.5\"\nlimit_cpu: 1000m\n",
        ),
    ]);
    let doc = json(&opsguard(
        dir.path(),
        &["drift", "diff", "a.yaml", "b.yaml", "--format", "json"],
    ));
    let details: Vec<(&str, &str)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["key"].as_str().unwrap(), f["detail"].as_str().unwrap()))
        .collect();
    assert_eq!(
        details,
        [("mem", "1G vs 1Gi, 1.07×"), ("t", "5s vs 5m, 60×")]
    );
}

#[test]
fn duplicate_keys_are_reported() {
    let dir = scratch(&[("a.yaml", "pool: 10\npool: 20\n"), ("b.yaml", "pool: 20\n")]);
    let out = opsguard(dir.path(), &["drift", "diff", "a.yaml", "b.yaml"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn the_starter_policy_pack_loads_and_works() {
    let pack = repo_root().join("rules/drift/common.toml");
    let dir = scratch(&[
        ("staging.yaml", "db:\n  host: db.staging\n  pool_size: 20\n  password: a-staging-pass\nlog_level: debug\nreplicas: 2\n"),
        ("prod.yaml", "db:\n  host: db.prod\n  pool_size: 10\n  password: a-staging-pass\nlog_level: warn\nreplicas: 4\n"),
    ]);
    let doc = json(&opsguard(
        dir.path(),
        &[
            "drift",
            "check",
            "--env",
            "staging=staging.yaml",
            "--env",
            "prod=prod.yaml",
            "--policy",
            pack.to_str().unwrap(),
            "--format",
            "json",
        ],
    ));
    let verdicts: Vec<(&str, &str, &str)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["key"].as_str().unwrap(),
                f["status"].as_str().unwrap(),
                f["rule"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("db.password", "violation", "credentials-never-shared"),
            ("db.pool_size", "violation", "prod-pool-at-least-staging"),
        ]
    );
    assert_eq!(
        doc["summary"]["accepted_by_policy"], 3,
        "host, log level, replicas"
    );
}

#[test]
fn the_docs_show_the_demo_as_it_really_prints() {
    let out = opsguard_with_env(&drift_demo(), &["drift", "check"], &[("COLUMNS", "160")]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(stdout(&out).contains("9 findings"), "{}", transcript(&out));
    let doc = std::fs::read_to_string(repo_root().join("docs/drift.md")).unwrap();
    assert!(
        doc.contains(&stdout(&out)),
        "docs/drift.md's drift demo is stale; paste the output of \
         `cd fixtures/drift && COLUMNS=160 opsguard drift check`:\n{}",
        stdout(&out)
    );
}

#[test]
fn a_credential_under_an_innocuous_key_is_masked_everywhere() {
    // Keys that say nothing of secrets; values a built-in secrets rule matches.
    let google = format!("{}{}", "AIza", "SyB3x9Qm8ZtR3xW9LpK2vN7yHc4BdFg6JsQ");
    let hook = format!(
        "https://hooks.slack.com/services/{}",
        "T0A1B2C3D/B4E5F6G7H/Qm8ZtR3xW9LpK2vN7yHc4BdF"
    );
    let staging = format!("web:\n  firebase: {google}\n  notify: {hook}\n  timeout: 5s\n");
    let prod =
        "web:\n  firebase: none\n  notify: https://hooks.example.invalid/x\n  timeout: 30s\n";
    let dir = scratch(&[("staging.yaml", staging.as_str()), ("prod.yaml", prod)]);
    let secrets = [&google[4..], &hook[33..]];
    for format in ["human", "json", "jsonl", "sarif"] {
        let out = drift_check(
            dir.path(),
            &["staging=staging.yaml", "prod=prod.yaml"],
            &[
                "--format",
                format,
                "--fail-on",
                "note",
                "--policy",
                "/dev/null",
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
        let text = transcript(&out);
        assert!(
            text.contains("firebase"),
            "{format}: the row is there:\n{text}"
        );
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{format} leaks a credential:\n{text}"
            );
        }
    }
    let out = opsguard(
        dir.path(),
        &["drift", "diff", "staging.yaml", "prod.yaml", "--text"],
    );
    let text = transcript(&out);
    assert!(text.contains("timeout"), "{text}");
    for secret in secrets {
        assert!(
            !text.contains(secret),
            "diff --text leaks a credential:\n{text}"
        );
    }
}

#[test]
fn a_terraform_file_is_refused_naming_the_formats_drift_reads_and_an_example_copy_is_read() {
    let dir = scratch(&[
        (
            "main.tf",
            "variable \"region\" {\n  default = \"eu-west-1\"\n}\n",
        ),
        (
            "terraform.tfvars.example",
            "region = \"eu-west-1\"\ncount  = 2\n",
        ),
        ("prod.tfvars", "region = \"eu-west-1\"\ncount  = 3\n"),
    ]);
    let out = drift_check(dir.path(), &["a=main.tf", "b=prod.tfvars"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let stderr = stderr(&out);
    assert!(
        stderr.contains("main.tf:1: HCL (Terraform) is not a configuration format drift reads")
            && stderr.contains("YAML, JSON, TOML, .env, INI, .properties, .tfvars"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line:\n{stderr}");
    let out = drift_check(
        dir.path(),
        &["example=terraform.tfvars.example", "prod=prod.tfvars"],
        &JSON_EVERY_FINDING_NO_POLICY,
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let keys = finding_keys(&doc);
    assert_eq!(keys, ["count"], "{}", transcript(&out));
}

#[test]
fn null_means_unset_unless_strict_and_null_and_empty_show_apart() {
    // A Helm chart's values.yaml and values-production.yaml.
    let base = "ingress:\n  className:\nimage:\n  tag: null\nresources:\n  limits:\n    memory:\nname: \"\"\n";
    let production = "image:\n  tag: null\nresources:\n  limits:\n    memory: 512Mi\nname: web\n";
    let dir = scratch(&[
        ("values.yaml", base),
        ("values-production.yaml", production),
    ]);
    let envs = ["dev=values.yaml", "prod=values.yaml,values-production.yaml"];
    let extra = JSON_EVERY_FINDING_NO_POLICY;
    let out = drift_check(dir.path(), &envs, &extra);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let keys = finding_keys(&doc);
    // null against null, and null against a key the override unset: no drift.
    assert_eq!(
        keys,
        ["name", "resources.limits.memory"],
        "{}",
        transcript(&out)
    );
    let memory = &by_key(&doc, "resources.limits.memory")[0];
    assert_eq!(
        memory["status"], "missing",
        "null against a value: unset there"
    );
    assert_eq!(memory["values"]["dev"], "null", "{memory}");
    assert_eq!(
        memory["sources"]["dev"], "values.yaml:7",
        "the line of the key: {memory}"
    );
    let name = &by_key(&doc, "name")[0];
    assert_eq!(name["values"]["dev"], "\"\"", "{name}");

    let mut strict = extra.to_vec();
    strict.push("--strict-null");
    let doc = json(&drift_check(dir.path(), &envs, &strict));
    assert_eq!(
        by_key(&doc, "image.tag").len(),
        1,
        "--strict-null tells null from absent"
    );
}

#[test]
fn one_setting_spelled_nested_dotted_or_in_properties_is_one_key() {
    let dir = scratch(&[
        (
            "application-dev.properties",
            "logging.level.org.springframework=INFO\nserver.port=8080\n",
        ),
        (
            "application-staging.yml",
            "logging.level:\n  org.springframework: INFO\nserver.port: 8080\n",
        ),
        (
            "application-prod.yml",
            "logging:\n  level:\n    org.springframework: DEBUG\nserver:\n  port: 8080\n",
        ),
    ]);
    let out = drift_check(
        dir.path(),
        &[
            "dev=application-dev.properties",
            "staging=application-staging.yml",
            "prod=application-prod.yml",
        ],
        &JSON_EVERY_FINDING_NO_POLICY,
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    // One row for the one setting that differs; none for the one that does not.
    assert_eq!(
        finding_keys(&doc),
        ["logging.level.org.springframework"],
        "{}",
        transcript(&out)
    );
    assert_eq!(
        by_key(&doc, "logging.level.org.springframework")[0]["status"],
        "differs"
    );
}

#[test]
fn policies_given_more_than_once_all_apply() {
    let ignore = |key: &str| {
        format!("[[rule]]\nid = \"{key}-varies\"\npath = \"{key}\"\nexpect = \"ignore\"\n")
    };
    let (first, second) = (ignore("app.timeout"), ignore("app.name"));
    let dir = scratch(&[
        ("dev.yaml", "app:\n  timeout: 5s\n  name: dev\n"),
        ("prod.yaml", "app:\n  timeout: 30s\n  name: prod\n"),
        ("first.toml", first.as_str()),
        ("second.toml", second.as_str()),
    ]);
    let envs = ["dev=dev.yaml", "prod=prod.yaml"];
    let one = drift_check(
        dir.path(),
        &envs,
        &[
            "--policy",
            "first.toml",
            "--format",
            "json",
            "--fail-on",
            "note",
        ],
    );
    assert_eq!(
        finding_keys(&json(&one)),
        ["app.name"],
        "{}",
        transcript(&one)
    );
    let both = drift_check(
        dir.path(),
        &envs,
        &[
            "--policy",
            "first.toml",
            "--policy",
            "second.toml",
            "--format",
            "json",
            "--fail-on",
            "note",
        ],
    );
    assert_eq!(both.status.code(), Some(0), "{}", transcript(&both));
    assert!(
        finding_keys(&json(&both)).is_empty(),
        "{}",
        transcript(&both)
    );
}

#[test]
fn spring_multi_document_files_resolve_per_profile_and_policies_on_spring_keys_apply() {
    let application = "\
spring:
  application:
    name: shop
  datasource:
    url: jdbc:h2:mem:shop
server:
  port: 8080
---
spring:
  config:
    activate:
      on-profile: prod
server:
  port: 80
management.endpoints.web.exposure.include: health
---
spring.config.activate.on-profile: dev
logging.level.root: DEBUG
";
    let policy = "[[rule]]\nid = \"datasources-differ\"\npath = \"spring.datasource.url\"\nexpect = \"differ\"\n";
    let dir = scratch(&[
        ("application.yml", application),
        (
            "application-dev.yml",
            "spring:\n  datasource:\n    url: jdbc:h2:mem:dev\n",
        ),
        (
            "application-prod.yml",
            "spring:\n  datasource:\n    url: jdbc:postgresql://db/shop\n",
        ),
        ("policy.toml", policy),
    ]);
    let out = drift_check(
        dir.path(),
        &[
            "dev=application.yml,application-dev.yml",
            "prod=application.yml,application-prod.yml",
        ],
        &[
            "--format",
            "json",
            "--fail-on",
            "note",
            "--policy",
            "policy.toml",
        ],
    );
    let doc = json(&out);
    let text = transcript(&out);
    assert!(!text.contains("doc["), "no document prefixes:\n{text}");
    assert!(
        !text.contains("on-profile"),
        "activation keys are not settings:\n{text}"
    );
    // What Spring resolves: the prod document's port and exposure, the dev document's
    // logging; the datasource differs as the policy expects (no finding).
    assert_eq!(
        finding_keys(&doc),
        [
            "logging.level.root",
            "management.endpoints.web.exposure.include",
            "server.port",
        ],
        "{text}"
    );
    assert_eq!(by_key(&doc, "server.port")[0]["values"]["dev"], "8080");
    assert_eq!(by_key(&doc, "server.port")[0]["values"]["prod"], "80");
    assert!(by_key(&doc, "spring.datasource.url").is_empty(), "{text}");
}

#[test]
fn spring_profiles_per_environment_come_from_opsguard_toml() {
    let application = "server:\n  port: 8080\n---\nspring.config.activate.on-profile: prod\nserver:\n  port: 80\n";
    let config = "[drift]\npolicy = []\n\n[drift.envs]\nqa = \"application.yml\"\nlive = \"application.yml\"\n\n[drift.profiles]\nlive = [\"prod\", \"eu\"]\n";
    let dir = scratch(&[("application.yml", application), ("opsguard.toml", config)]);
    let out = opsguard(
        dir.path(),
        &["drift", "check", "--format", "json", "--fail-on", "note"],
    );
    let doc = json(&out);
    let port = &by_key(&doc, "server.port");
    assert_eq!(port.len(), 1, "{}", transcript(&out));
    assert_eq!(port[0]["values"]["qa"], "8080");
    assert_eq!(port[0]["values"]["live"], "80");
}

#[test]
fn input_format_reads_files_whatever_their_names_say() {
    // `.conf` reads as INI by name; these hold YAML. A `.tpl` is refused unless forced.
    let dir = scratch(&[
        ("dev.conf", "db:\n  pool: 5\n"),
        ("prod.conf", "db:\n  pool: 20\n"),
        ("values.yaml.tpl", "db:\n  pool: 20\n"),
    ]);
    let args = JSON_EVERY_FINDING_NO_POLICY;
    let by_name = drift_check(dir.path(), &["dev=dev.conf", "prod=prod.conf"], &args);
    assert_eq!(
        finding_keys(&json(&by_name)),
        ["pool"],
        "read as INI, the nesting is lost:\n{}",
        transcript(&by_name)
    );
    let args = [
        &["--input-format", "yaml"][..],
        &JSON_EVERY_FINDING_NO_POLICY,
    ]
    .concat();
    let out = drift_check(dir.path(), &["dev=dev.conf", "prod=prod.conf"], &args);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert_eq!(finding_keys(&json(&out)), ["db.pool"]);
    let out = drift_check(dir.path(), &["dev=dev.conf", "prod=values.yaml.tpl"], &args);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a template read as YAML when asked:\n{}",
        transcript(&out)
    );
    let out = opsguard(
        dir.path(),
        &[
            "drift",
            "diff",
            "dev.conf",
            "prod.conf",
            "--input-format",
            "yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        finding_keys(&json(&out)),
        ["db.pool"],
        "{}",
        transcript(&out)
    );
}

#[test]
fn a_list_item_in_one_environment_only_is_one_finding() {
    let dir = scratch(&[
        (
            "dev.yaml",
            "containers:\n  - name: web\n    env:\n      - name: LOG_LEVEL\n        value: debug\n      - name: EXTRA\n        value: \"1\"\n    ports:\n      - containerPort: 80\n      - containerPort: 9090\n        protocol: TCP\n",
        ),
        (
            "prod.yaml",
            "containers:\n  - name: web\n    env:\n      - name: LOG_LEVEL\n        value: info\n    ports:\n      - containerPort: 80\n",
        ),
    ]);
    let out = opsguard(
        dir.path(),
        &["drift", "diff", "dev.yaml", "prod.yaml", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let rows: Vec<(String, String, String)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["key"].as_str().unwrap().to_string(),
                f["values"]["dev.yaml"].as_str().unwrap_or("-").to_string(),
                f["sources"]["dev.yaml"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "containers[name=web].env[name=EXTRA]".into(),
                "name: EXTRA, value: 1".into(),
                "dev.yaml:6".into()
            ),
            (
                "containers[name=web].env[name=LOG_LEVEL].value".into(),
                "debug".into(),
                "dev.yaml:5".into()
            ),
            (
                "containers[name=web].ports[1]".into(),
                "containerPort: 9090, protocol: TCP".into(),
                "dev.yaml:10".into()
            ),
        ]
    );
    // The other way round: the item is reported where it is, missing in the other file.
    let out = opsguard(
        dir.path(),
        &["drift", "diff", "prod.yaml", "dev.yaml", "--format", "json"],
    );
    let doc = json(&out);
    assert_eq!(doc["findings"].as_array().unwrap().len(), 3, "{doc}");
    assert_eq!(
        doc["findings"][0]["detail"],
        "list item missing in prod.yaml"
    );
}

#[test]
fn without_a_terminal_tables_fit_120_columns_or_become_diagnostics() {
    // No COLUMNS and stdout is a pipe: 120 columns; the demo's matrix needs more.
    let out = opsguard(&drift_demo(), &["drift", "check"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let text = stdout(&out);
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 120 || l.contains("postgres://")),
        "{text}"
    );
    assert!(text.contains("warning[drift/differs]: database.pool_size\n  --> config/prod.json:6\n   = dev: 5 (config/dev.yaml:7)\n"), "{text}");
    // A wide terminal keeps the matrix, with keys and file:line never split.
    let out = opsguard_with_env(&drift_demo(), &["drift", "check"], &[("COLUMNS", "130")]);
    let text = stdout(&out);
    assert!(
        text.contains("│ deployment.containers[name=web].image ┆"),
        "{text}"
    );
    assert!(text.contains("┆ staging.env:10 ┆"), "{text}");
    // COLUMNS=0: never wrap.
    let out = opsguard_with_env(&drift_demo(), &["drift", "check"], &[("COLUMNS", "0")]);
    assert!(
        stdout(&out).lines().any(|l| l.chars().count() > 130),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_environment_in_opsguard_toml_may_name_its_format() {
    let dir = scratch(&[
        ("dev.conf", "db.pool=5\n"),
        ("prod.conf", "db:\n  pool: 5\n"),
        (
            "opsguard.toml",
            "[drift.envs]\ndev = { files = \"dev.conf\", format = \"properties\" }\nprod = { files = [\"prod.conf\"], format = \"yaml\" }\n",
        ),
    ]);
    let out = opsguard(dir.path(), &["drift", "check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert_eq!(json(&out)["summary"]["keys_compared"], 1);

    std::fs::write(
        dir.path().join("opsguard.toml"),
        "[drift.envs]\ndev = { files = \"dev.conf\", format = \"hcl\" }\nprod = \"prod.conf\"\n",
    )
    .unwrap();
    let out = opsguard(dir.path(), &["drift", "check"]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: opsguard.toml:2:38: unknown variant, expected one of `yaml`"),
        "{err}"
    );
}
