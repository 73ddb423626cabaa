//! `opsguard drift flags` on a real git repository whose flags were set 400, 120 and 30
//! days ago: ages come from git blame of the lines that set them.

use crate::common::*;
use crate::git_repo::TestRepo;

const DAY: i64 = 86_400;

fn days_ago(days: i64) -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    now - days * DAY
}

/// dev and prod in YAML, staging in `.env` spelling; three commits by three people.
fn flag_repo() -> TestRepo {
    let repo = TestRepo::new();
    repo.commit_at(
        days_ago(400),
        "Ana",
        "legacy checkout everywhere",
        &[
            (
                "config/dev.yaml",
                Some(b"server:\n  port: 8080\nfeatures:\n  legacy_checkout: true\n"),
            ),
            (
                "config/staging.env",
                Some(b"SERVER_PORT=8080\nFEATURES_LEGACY_CHECKOUT=true\n"),
            ),
            (
                "config/prod.yaml",
                Some(b"server:\n  port: 80\nfeatures:\n  legacy_checkout: true\n"),
            ),
        ],
    );
    repo.commit_at(
        days_ago(120),
        "Ben",
        "new search: on below prod",
        &[
            ("config/dev.yaml", Some(b"server:\n  port: 8080\nfeatures:\n  legacy_checkout: true\n  new_search: true\n")),
            ("config/staging.env", Some(b"SERVER_PORT=8080\nFEATURES_LEGACY_CHECKOUT=true\nFEATURES_NEW_SEARCH=true\n")),
            ("config/prod.yaml", Some(b"server:\n  port: 80\nfeatures:\n  legacy_checkout: true\n  new_search: false\n")),
        ],
    );
    repo.commit_at(
        days_ago(30),
        "Chi",
        "dark mode everywhere, beta banner in dev",
        &[
            ("config/dev.yaml", Some(b"server:\n  port: 8080\nfeatures:\n  legacy_checkout: true\n  new_search: true\n  dark_mode: true\n  beta_banner: true\n")),
            ("config/staging.env", Some(b"SERVER_PORT=8080\nFEATURES_LEGACY_CHECKOUT=true\nFEATURES_NEW_SEARCH=true\nFEATURES_DARK_MODE=true\n")),
            ("config/prod.yaml", Some(b"server:\n  port: 80\nfeatures:\n  legacy_checkout: true\n  new_search: false\n  dark_mode: true\n")),
        ],
    );
    repo
}

const ENVS: &[&str] = &[
    "drift",
    "flags",
    "--env",
    "dev=config/dev.yaml",
    "--env",
    "staging=config/staging.env",
    "--env",
    "prod=config/prod.yaml",
];

fn flags_json(repo: &TestRepo, extra: &[&str]) -> (i32, serde_json::Value) {
    let args: Vec<&str> = ENVS
        .iter()
        .chain(extra)
        .chain(&["--format", "json"])
        .copied()
        .collect();
    let out = opsguard(repo.path(), &args);
    let code = out.status.code().unwrap_or(-1);
    assert!(code == 0 || code == 1, "{}", transcript(&out));
    (code, json(&out))
}

/// (rule_id, key, age_days) of every finding, in report order.
fn verdicts(doc: &serde_json::Value) -> Vec<(String, String, i64)> {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["key"].as_str().unwrap().to_string(),
                f["age_days"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// Ages are whole days since the commit; a run that crosses midnight may add one.
fn assert_age(actual: i64, expected: i64) {
    assert!(
        actual == expected || actual == expected + 1,
        "age {actual}, expected {expected}"
    );
}

#[test]
fn default_limit_finds_the_stale_flag_the_stuck_rollout_and_the_partial_one() {
    let repo = flag_repo();
    let (code, doc) = flags_json(&repo, &[]);
    assert_eq!(code, 1);
    let found = verdicts(&doc);
    let kinds: Vec<(&str, &str)> = found
        .iter()
        .map(|(r, k, _)| (r.as_str(), k.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("drift/flag-stale", "features.legacy_checkout"),
            ("drift/flag-stuck-rollout", "features.new_search"),
            ("drift/flag-partial", "features.beta_banner"),
        ]
    );
    assert_age(found[0].2, 400);
    assert_age(found[1].2, 120);
    assert_age(found[2].2, 30);
    assert_eq!(
        doc["summary"]["flags"], 4,
        "dark_mode is a flag, only too young to report"
    );
    assert_eq!(doc["summary"]["older_than_days"], 90);

    let stale = &doc["findings"][0];
    assert_eq!(stale["severity"], "warning");
    assert_eq!(stale["author"], "Ana");
    assert!(
        stale.get("author_email").is_none(),
        "e-mail only when asked: {stale}"
    );
    assert_eq!(stale["status"], "stale");
    assert_eq!(stale["values"]["staging"], "true");
    assert_eq!(stale["sources"]["staging"], "config/staging.env:2");
    assert_eq!(stale["sources"]["prod"], "config/prod.yaml:4");
    assert_eq!(stale["commit"].as_str().map(str::len), Some(10));

    let stuck = &doc["findings"][1];
    assert_eq!(stuck["author"], "Ben");
    assert_eq!(stuck["path"], "config/prod.yaml");
    assert_eq!(stuck["line"], 5);
    assert!(stuck["detail"]
        .as_str()
        .unwrap()
        .contains("on in dev and off in prod"));

    let partial = &doc["findings"][2];
    assert_eq!(
        partial["severity"], "note",
        "younger than the limit: a note"
    );
    assert_eq!(partial["values"]["prod"], serde_json::Value::Null);
    assert!(partial["detail"]
        .as_str()
        .unwrap()
        .starts_with("not set in staging, prod"));
}

#[test]
fn older_than_moves_the_limit() {
    let repo = flag_repo();
    let (_, doc) = flags_json(&repo, &["--older-than", "180d"]);
    let keys: Vec<String> = verdicts(&doc).into_iter().map(|(_, k, _)| k).collect();
    assert_eq!(keys, ["features.legacy_checkout", "features.beta_banner"]);

    let (_, doc) = flags_json(&repo, &["--older-than", "2w"]);
    let found = verdicts(&doc);
    assert!(
        found
            .iter()
            .any(|(r, k, _)| r == "drift/flag-stale" && k == "features.dark_mode"),
        "{found:?}"
    );
    assert_eq!(doc["findings"].as_array().unwrap().len(), 4);
    // Old enough now: the partial flag is a warning.
    assert!(doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["severity"] == "warning"));

    let out = opsguard(repo.path(), &[ENVS, &["--older-than", "soon"]].concat());
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(
        stderr(&out).contains("--older-than `soon`"),
        "{}",
        transcript(&out)
    );
}

#[test]
fn human_output_reads_like_compiler_diagnostics() {
    let repo = flag_repo();
    let out = opsguard(repo.path(), ENVS);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let text = stdout(&out);
    let normalised = regex::Regex::new(r"\d{4}-\d{2}-\d{2}|\(([0-9a-f]{10})\)|\d+ days?")
        .unwrap()
        .replace_all(&text, |c: &regex::Captures| {
            if c.get(1).is_some() {
                "(COMMIT)".to_string()
            } else if c[0].contains("day") {
                "N days".to_string()
            } else {
                "DATE".to_string()
            }
        })
        .into_owned();
    insta::assert_snapshot!("drift_flags_human", normalised);
    assert!(
        !text.contains("@acme.test"),
        "no e-mail unless asked:\n{text}"
    );

    let out = opsguard(repo.path(), &[ENVS, &["--show-emails"]].concat());
    assert!(
        stdout(&out).contains("Ana <ana@acme.test>"),
        "{}",
        transcript(&out)
    );
}

#[test]
fn a_change_in_the_work_tree_is_dated_today() {
    let repo = flag_repo();
    // Switch the legacy flag off in prod without committing: the state is new.
    std::fs::write(
        repo.path().join("config/prod.yaml"),
        "server:\n  port: 80\nfeatures:\n  legacy_checkout: false\n  new_search: false\n  dark_mode: true\n",
    )
    .unwrap();
    let (_, doc) = flags_json(&repo, &[]);
    let keys: Vec<String> = verdicts(&doc).into_iter().map(|(_, k, _)| k).collect();
    assert_eq!(keys, ["features.new_search", "features.beta_banner"]);
}

#[test]
fn a_file_outside_git_is_an_error_not_a_clean_run() {
    let dir = scratch(&[
        ("dev.yaml", "features:\n  x: true\n"),
        ("prod.yaml", "features:\n  x: true\n"),
    ]);
    let out = opsguard(
        dir.path(),
        &[
            "drift",
            "flags",
            "--env",
            "dev=dev.yaml",
            "--env",
            "prod=prod.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let err = stderr(&out);
    assert!(err.contains("dev.yaml:1: not in a git repository"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn prefixes_and_policy_rules_choose_the_flags() {
    let repo = TestRepo::new();
    repo.commit_at(
        days_ago(200),
        "Ana",
        "toggles",
        &[
            (
                "dev.yaml",
                Some(b"app:\n  toggles:\n    x: true\n  other: 1\n"),
            ),
            (
                "prod.yaml",
                Some(b"app:\n  toggles:\n    x: true\n  other: 1\n"),
            ),
            (
                "policy.toml",
                Some(b"[[rule]]\nid = \"other-is-a-flag\"\npath = \"app.other\"\nflag = true\n"),
            ),
        ],
    );
    let base = [
        "drift",
        "flags",
        "--env",
        "dev=dev.yaml",
        "--env",
        "prod=prod.yaml",
        "--format",
        "json",
    ];
    let out = opsguard(repo.path(), &base);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert_eq!(json(&out)["summary"]["flags"], 0);

    let out = opsguard(
        repo.path(),
        &[&base[..], &["--prefix", "app.toggles.*"]].concat(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let keys: Vec<String> = verdicts(&json(&out))
        .into_iter()
        .map(|(_, k, _)| k)
        .collect();
    assert_eq!(keys, ["app.toggles.x"]);

    let out = opsguard(
        repo.path(),
        &[&base[..], &["--policy", "policy.toml"]].concat(),
    );
    let keys: Vec<String> = verdicts(&json(&out))
        .into_iter()
        .map(|(_, k, _)| k)
        .collect();
    assert_eq!(keys, ["app.other"]);

    // The same from opsguard.toml.
    std::fs::write(
        repo.path().join("opsguard.toml"),
        "[drift]\npolicy = \"policy.toml\"\n[drift.envs]\ndev = \"dev.yaml\"\nprod = \"prod.yaml\"\n[drift.flags]\nprefixes = [\"app.toggles.*\"]\nolder_than = \"1y\"\n",
    )
    .unwrap();
    let out = opsguard(repo.path(), &["drift", "flags", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "200 days is under a year: {}",
        transcript(&out)
    );
    let doc = json(&out);
    assert_eq!(doc["summary"]["flags"], 2);
    assert_eq!(doc["summary"]["older_than_days"], 365);
}

#[test]
fn json_and_sarif_follow_the_published_schemas() {
    let repo = flag_repo();
    let (_, doc) = flags_json(&repo, &[]);
    assert_eq!(doc["command"], "drift flags");
    assert_valid(&repo_root().join("schema/report.schema.json"), &doc);

    let out = opsguard(repo.path(), &[ENVS, &["--format", "sarif"]].concat());
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let sarif = json(&out);
    assert_valid(
        &repo_root().join("fixtures/sarif-2.1.0.schema.json"),
        &sarif,
    );
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["ruleId"], "drift/flag-stale");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "config/prod.yaml"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("@acme.test"));
}
