//! The command-line contract shared by every command: help, version, exit codes, colour,
//! `--output`, configuration errors, completions, man page, schema and SARIF.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::common::*;

const SAME_A: &str = "db:\n  pool: 10\n  timeout: 5s\n";
const SAME_B: &str = "{\"db\": {\"pool\": \"10\", \"timeout\": \"5000ms\"}}\n";
const DIFFERENT: &str = "db:\n  pool: 50\n  timeout: 5s\n";

#[test]
fn help() {
    let dir = scratch(&[]);
    insta::assert_snapshot!(transcript(&opsguard(dir.path(), &["--help"])));
}

#[test]
fn drift_check_help() {
    let dir = scratch(&[]);
    insta::assert_snapshot!(transcript(&opsguard(
        dir.path(),
        &["drift", "check", "--help"]
    )));
}

#[test]
fn version() {
    let dir = scratch(&[]);
    let out = opsguard(dir.path(), &["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("opsguard {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn exit_0_when_nothing_differs() {
    let dir = scratch(&[("a.yaml", SAME_A), ("b.json", SAME_B)]);
    let out = drift_check(dir.path(), &["a=a.yaml", "b=b.json"], &[]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn exit_1_on_findings_at_or_above_fail_on() {
    let dir = scratch(&[("a.yaml", SAME_A), ("b.yaml", DIFFERENT)]);
    let out = drift_check(dir.path(), &["a=a.yaml", "b=b.yaml"], &[]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn fail_on_error_ignores_warnings_and_exit_zero_ignores_everything() {
    let dir = scratch(&[("a.yaml", SAME_A), ("b.yaml", DIFFERENT)]);
    let args = ["drift", "check", "--env", "a=a.yaml", "--env", "b=b.yaml"];
    let out = opsguard(dir.path(), &[&args[..], &["--fail-on", "error"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let out = opsguard(dir.path(), &[&args[..], &["--fail-on", "note"]].concat());
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let out = opsguard(dir.path(), &[&args[..], &["--exit-zero"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert!(
        stdout(&out).contains("db.pool"),
        "still reported:\n{}",
        transcript(&out)
    );
}

#[test]
fn exit_2_on_usage_error() {
    let dir = scratch(&[]);
    let out = opsguard(dir.path(), &["drift", "check", "--format", "xml"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn exit_2_on_missing_file() {
    let dir = scratch(&[("a.yaml", SAME_A)]);
    let out = drift_check(dir.path(), &["a=a.yaml", "b=nope.yaml"], &[]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn exit_2_when_fewer_than_two_environments() {
    let dir = scratch(&[("a.yaml", SAME_A)]);
    let out = drift_check(dir.path(), &["a=a.yaml"], &[]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn no_color_wins_over_force_color_and_colour_never_carries_meaning_alone() {
    let dir = scratch(&[("a.yaml", SAME_A), ("b.yaml", DIFFERENT)]);
    let args = ["drift", "check", "--env", "a=a.yaml", "--env", "b=b.yaml"];
    let plain = opsguard_with_env(
        dir.path(),
        &args,
        &[("NO_COLOR", "1"), ("FORCE_COLOR", "1")],
    );
    assert!(!stdout(&plain).contains('\u{1b}'));
    insta::assert_snapshot!(transcript(&plain));

    let coloured = opsguard_with_env(dir.path(), &args, &[("FORCE_COLOR", "1")]);
    assert!(stdout(&coloured).contains('\u{1b}'), "FORCE_COLOR colours");
    let stripped = strip_ansi(&stdout(&coloured));
    assert_eq!(stripped, stdout(&plain), "colour adds nothing but escapes");

    let never = opsguard_with_env(
        dir.path(),
        &[&args[..], &["--color", "never"]].concat(),
        &[("FORCE_COLOR", "1")],
    );
    assert!(!stdout(&never).contains('\u{1b}'));
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn output_file_is_written_whole_and_stdout_stays_empty() {
    let dir = scratch(&[("a.yaml", SAME_A), ("b.yaml", DIFFERENT)]);
    let out = drift_check(
        dir.path(),
        &["a=a.yaml", "b=b.yaml"],
        &["--format", "json", "-o", "report.json"],
    );
    insta::assert_snapshot!(transcript(&out));
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap())
            .unwrap();
    assert_eq!(written["version"], 1);
    assert_eq!(written["findings"][0]["key"], "db.pool");
}

#[test]
fn output_file_is_left_alone_when_the_run_fails() {
    let dir = scratch(&[
        ("a.yaml", SAME_A),
        ("b.yaml", "db: [unclosed\n"),
        ("report.json", "previous report\n"),
    ]);
    let out = drift_check(
        dir.path(),
        &["a=a.yaml", "b=b.yaml"],
        &["-o", "report.json"],
    );
    insta::assert_snapshot!(transcript(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("report.json")).unwrap(),
        "previous report\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".opsguard-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn output_into_a_missing_directory_is_exit_2() {
    let dir = scratch(&[("a.yaml", SAME_A), ("b.yaml", DIFFERENT)]);
    let out = drift_check(
        dir.path(),
        &["a=a.yaml", "b=b.yaml"],
        &["-o", "no/such/dir/r.json"],
    );
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn a_closed_stdout_pipe_exits_0_quietly() {
    let dir = scratch(&[]);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("opsguard"))
        .current_dir(dir.path())
        .args(["man"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before opsguard writes, as `| head -0` would.
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(stderr, "");
}

#[test]
fn bad_config_names_file_line_and_column() {
    let dir = scratch(&[(
        "opsguard.toml",
        "[drift]\npolicy = \"p.toml\"\ncolour = \"always\"\n",
    )]);
    let out = opsguard(dir.path(), &["drift", "check"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn config_with_a_wrong_type_names_file_line_and_column() {
    let dir = scratch(&[("opsguard.toml", "[drift]\nenvs = 3\n")]);
    let out = opsguard(dir.path(), &["drift", "check"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn config_is_found_by_walking_up_to_the_repository_root() {
    let dir = scratch(&[
        (".git/HEAD", "ref: refs/heads/main\n"),
        (
            "opsguard.toml",
            "[drift.envs]\na = \"conf/a.yaml\"\nb = \"conf/b.yaml\"\n",
        ),
        ("conf/a.yaml", SAME_A),
        ("conf/b.yaml", DIFFERENT),
        ("deep/er/x", ""),
    ]);
    let out = opsguard(
        &dir.path().join("deep/er"),
        &["drift", "check", "--format", "jsonl"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(
        stdout(&out).contains("\"key\":\"db.pool\""),
        "{}",
        transcript(&out)
    );
}

#[test]
fn explicit_config_path() {
    let dir = scratch(&[
        (
            "settings/ops.toml",
            "[drift.envs]\na = \"../a.yaml\"\nb = \"../b.yaml\"\n",
        ),
        ("a.yaml", SAME_A),
        ("b.yaml", SAME_A),
    ]);
    let out = opsguard(
        dir.path(),
        &["--config", "settings/ops.toml", "drift", "check"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let missing = opsguard(dir.path(), &["--config", "nope.toml", "drift", "check"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stderr(&missing),
        "error: cannot read nope.toml: No such file or directory\n"
    );
}

#[test]
fn jsonl_is_one_finding_per_line() {
    let dir = scratch(&[("a.yaml", "a: 1\nb: 2\n"), ("b.yaml", "a: 2\nb: 3\n")]);
    let out = drift_check(
        dir.path(),
        &["x=a.yaml", "y=b.yaml"],
        &["--format", "jsonl"],
    );
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["rule_id"] == "drift/differs"));
}

#[test]
fn completions_are_current() {
    let dir = scratch(&[]);
    for (shell, file) in [
        ("bash", "opsguard.bash"),
        ("zsh", "_opsguard"),
        ("fish", "opsguard.fish"),
        ("powershell", "_opsguard.ps1"),
        ("elvish", "opsguard.elv"),
    ] {
        let out = opsguard(dir.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        let checked_in =
            std::fs::read_to_string(repo_root().join("completions").join(file)).unwrap_or_default();
        assert!(
            checked_in == stdout(&out),
            "completions/{file} is stale: run `scripts/update-completions`"
        );
    }
}

#[test]
fn man_page_has_exit_status() {
    let dir = scratch(&[]);
    let out = opsguard(dir.path(), &["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "roff");
    assert!(page.contains(".SH \"EXIT STATUS\""));
    assert!(page.contains("\\fB130\\fR"));
    assert!(page.contains("NO_COLOR"));
}

#[test]
fn schema_is_the_checked_in_file_and_reports_follow_it() {
    let dir = scratch(&[]);
    let out = opsguard(dir.path(), &["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let schema_path = repo_root().join("schema/report.schema.json");
    assert_eq!(stdout(&out), std::fs::read_to_string(&schema_path).unwrap());

    let demo = drift_demo();
    let report = opsguard(
        &demo,
        &["drift", "check", "--format", "json", "--show-equivalent"],
    );
    assert_valid(&schema_path, &json(&report));
    let clean = scratch(&[("a.yaml", SAME_A), ("b.json", SAME_B)]);
    let report = drift_check(
        clean.path(),
        &["a=a.yaml", "b=b.json"],
        &["--format", "json"],
    );
    assert_valid(&schema_path, &json(&report));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let demo = drift_demo();
    let out = opsguard(&demo, &["drift", "check", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let sarif = json(&out);
    assert_valid(
        &repo_root().join("fixtures/sarif-2.1.0.schema.json"),
        &sarif,
    );

    // What GitHub code scanning needs beyond the schema.
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: std::collections::HashSet<&str> =
        rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), rules.len(), "rule ids are unique");
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            !uri.starts_with('/') && !uri.contains("://"),
            "relative uri: {uri}"
        );
        assert!(result["partialFingerprints"]["opsguard/v1"].is_string());
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_exits_130_and_leaves_no_partial_output() {
    // `secrets scan -` waits for standard input; an interrupt then stops it.
    let dir = scratch(&[]);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("opsguard"))
        .current_dir(dir.path())
        .args(["secrets", "scan", "-", "-o", "report.json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(!dir.path().join("report.json").exists());
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 0, "no temporary files");
}
