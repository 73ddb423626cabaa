//! Every input format end to end, cross-format comparison, and parse errors that point at
//! `file:line:col` without echoing the (possibly secret) value.

use crate::common::*;

/// The same configuration in every format opsguard reads.
const SAME_CONFIG: &[(&str, &str)] = &[
    (
        "c.yaml",
        "db:\n  pool_size: 10\n  timeout: 5s\n  ssl: true\n",
    ),
    (
        "c.json",
        "{\"db\": {\"pool_size\": 10, \"timeout\": \"5000ms\", \"ssl\": \"yes\"}}\n",
    ),
    (
        "c.toml",
        "[db]\npool_size = 10\ntimeout = \"5 s\"\nssl = true\n",
    ),
    ("c.env", "DB_POOL_SIZE=10\nDB_TIMEOUT=PT5S\nDB_SSL=on\n"),
    ("c.ini", "[db]\npool_size = 10\ntimeout = 5s\nssl = true\n"),
    (
        "c.properties",
        "db.pool_size=10\ndb.timeout=5s\ndb.ssl=true\n",
    ),
    (
        "c.tfvars",
        "db = {\n  pool_size = 10\n  timeout = \"5s\"\n  ssl = true\n}\n",
    ),
];

#[test]
fn every_format_reads_the_same_configuration() {
    let dir = scratch(SAME_CONFIG);
    let mut args = vec!["drift".to_string(), "check".to_string()];
    for (name, _) in SAME_CONFIG {
        args.push("--env".into());
        args.push(format!("{}={name}", name.replace('.', "_")));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = opsguard(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert_eq!(stdout(&out), "No findings.\n");
}

#[test]
fn every_format_reports_lines() {
    let dir = scratch(&[
        ("c.yaml", "db:\n  pool_size: 10\n"),
        ("c.json", "{\n  \"db\": {\n    \"pool_size\": 11\n  }\n}\n"),
        ("c.toml", "[db]\n\npool_size = 12\n"),
        ("c.env", "# x\n\nDB_POOL_SIZE=13\n"),
        ("c.ini", "[db]\n\n\n\npool_size = 14\n"),
        ("c.properties", "\n\n\n\n\ndb.pool_size=15\n"),
        ("c.tfvars", "db = {\n\n\n\n\n\n  pool_size = 16\n}\n"),
    ]);
    let names = [
        "c.yaml",
        "c.json",
        "c.toml",
        "c.env",
        "c.ini",
        "c.properties",
        "c.tfvars",
    ];
    let mut args = vec![
        "drift".to_string(),
        "check".to_string(),
        "--format".into(),
        "json".into(),
    ];
    for name in names {
        args.push("--env".into());
        args.push(format!("{name}={name}"));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let doc = json(&opsguard(dir.path(), &args));
    let sources = &doc["findings"][0]["sources"];
    let lines = [2, 3, 3, 3, 5, 6, 7];
    for (name, line) in names.iter().zip(lines) {
        assert_eq!(sources[*name], format!("{name}:{line}"), "{doc:#}");
    }
}

#[test]
fn content_sniffing_for_unnamed_files() {
    let dir = scratch(&[("settings", "{\"a\": 1}\n"), ("other", "A=2\n")]);
    let doc = json(&opsguard(
        dir.path(),
        &["drift", "diff", "settings", "other", "--format", "json"],
    ));
    assert_eq!(doc["findings"][0]["detail"], "1 vs 2, 2×");
}

/// Each format's parse error: one line, `file:line:col`, exit 2, and the secret on the
/// broken line never printed.
#[test]
fn parse_errors_point_at_the_problem_and_hide_the_value() {
    let cases = [
        ("bad.yaml", "db:\n  host: x\n  password: \"hunter2-secret\n"),
        (
            "bad.json",
            "{\n  \"db\": {\n    \"password\": \"hunter2-secret\n  }\n}\n",
        ),
        ("bad.toml", "[db]\npassword = \"hunter2-secret\n"),
        ("bad.env", "A=1\nPASSWORD='hunter2-secret\n"),
        ("bad.ini", "[db]\nhunter2-secret\n"),
        ("bad.properties", "db.password=\\uZZZZhunter2-secret\n"),
        ("bad.tfvars", "db_password = \"hunter2-secret\n"),
    ];
    let mut transcripts = String::new();
    for (name, text) in cases {
        let dir = scratch(&[(name, text), ("ok.yaml", "a: 1\n")]);
        let out = opsguard(dir.path(), &["drift", "diff", "ok.yaml", name]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", transcript(&out));
        let err = stderr(&out);
        assert!(!err.contains("hunter2"), "{name} leaks: {err}");
        assert!(err.starts_with(&format!("error: {name}:")), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
        transcripts.push_str(&err);
    }
    insta::assert_snapshot!(transcripts);
}

#[test]
fn not_utf8_is_an_error_not_a_panic() {
    let dir = scratch(&[("ok.yaml", "a: 1\n")]);
    std::fs::write(dir.path().join("bin.yaml"), b"a: 1\nb: \xff\xfe\n").unwrap();
    let out = opsguard(dir.path(), &["drift", "diff", "ok.yaml", "bin.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: bin.yaml:2: not UTF-8 text\n");
}
