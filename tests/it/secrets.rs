//! `opsguard secrets` end to end on real repositories.

use crate::common::*;
use crate::git_repo::*;

fn scan(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    opsguard(dir, &[&["secrets", "scan"][..], extra].concat())
}

fn findings(out: &std::process::Output) -> Vec<serde_json::Value> {
    json(out)["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn rules_of(out: &std::process::Output) -> Vec<String> {
    findings(out)
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap().to_string())
        .collect()
}

/// A repository with a history: a secret added then deleted (only in history), a secret
/// still at HEAD, a rename, and a secret on an unmerged branch.
pub fn history_repo() -> TestRepo {
    let repo = TestRepo::new();
    repo.commit("Alice", "init", &[("README.md", Some(b"# service\n"))]);
    let env = format!("GITHUB_TOKEN={}\n", github_token(1));
    repo.commit("Bob", "quick test", &[(".env", Some(env.as_bytes()))]);
    repo.commit("Bob", "remove .env", &[(".env", None)]);
    let config = format!("[aws]\naws_access_key_id = {}\n", aws_key_id(2));
    repo.commit(
        "Carol",
        "add config",
        &[("config/app.ini", Some(config.as_bytes()))],
    );
    // Renaming keeps the blob: still one occurrence.
    repo.commit(
        "Carol",
        "move config",
        &[
            ("config/app.ini", None),
            ("etc/app.ini", Some(config.as_bytes())),
        ],
    );
    repo.branch("feature");
    repo.checkout("feature");
    let feature = format!("token = \"{}\"\n", github_token(3));
    repo.commit("Dave", "wip", &[("feature.py", Some(feature.as_bytes()))]);
    repo.checkout("main");
    repo
}

#[test]
fn history_scan_human() {
    let repo = history_repo();
    insta::assert_snapshot!(transcript(&scan(repo.path(), &[])));
}

#[test]
fn history_scan_json_contract() {
    let repo = history_repo();
    let out = scan(repo.path(), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    let all = doc["findings"].as_array().unwrap();
    assert_eq!(all.len(), 3, "{doc:#}");
    let gone = all.iter().find(|f| f["path"] == ".env").unwrap();
    assert_eq!(gone["rule_id"], "github-pat");
    assert_eq!(gone["in_head"], false, "deleted, only in history");
    assert_eq!(gone["author"], "Bob <bob@acme.test>");
    assert_eq!(gone["date"], "2025-01-01T02:00:00Z");
    assert_eq!(gone["line"], 1);
    assert_eq!(gone["column"], 14);
    assert_eq!(gone["match"], "ghp_…");
    assert!(gone.get("secret").is_none(), "never without --show-secrets");
    assert!(gone["entropy"].as_f64().unwrap() > 3.0);
    assert_eq!(gone["occurrences"].as_array().unwrap().len(), 1);
    assert!(gone["commit"].as_str().unwrap().len() == 40);

    let moved = all
        .iter()
        .find(|f| f["rule_id"] == "aws-access-key-id")
        .unwrap();
    assert_eq!(
        moved["path"], "config/app.ini",
        "first seen at its original path"
    );
    assert_eq!(moved["in_head"], true);
    assert_eq!(
        moved["occurrences"].as_array().unwrap().len(),
        1,
        "a rename is the same blob"
    );

    let branch = all.iter().find(|f| f["path"] == "feature.py").unwrap();
    assert_eq!(branch["in_head"], false, "only on an unmerged branch");
    assert_eq!(branch["author"], "Dave <dave@acme.test>");

    let summary = &doc["summary"];
    assert_eq!(
        summary["blobs_scanned"], 4,
        "README, .env, app.ini (renamed: same blob), feature.py"
    );
    assert_eq!(summary["blobs_skipped"], 0);
    assert!(summary["bytes_scanned"].as_u64().unwrap() > 0);
}

#[test]
fn fingerprints_survive_line_shifts_and_rewrites() {
    let repo = TestRepo::new();
    let secret = github_token(9);
    repo.commit(
        "Alice",
        "a",
        &[("a.txt", Some(format!("x = {secret}\n").as_bytes()))],
    );
    let first = findings(&scan(repo.path(), &["--format", "json"]))[0]["fingerprint"].clone();
    let other = TestRepo::new();
    other.commit(
        "Zed",
        "b",
        &[(
            "moved/b.txt",
            Some(format!("\n\n\n  y: {secret}\n").as_bytes()),
        )],
    );
    let second = findings(&scan(other.path(), &["--format", "json"]))[0]["fingerprint"].clone();
    assert_eq!(first, second);
}

#[test]
fn secrets_never_leak_into_any_format() {
    let repo = history_repo();
    for format in ["human", "json", "jsonl", "sarif"] {
        let text = transcript(&scan(repo.path(), &["--format", format]));
        for seed in [1, 3] {
            assert!(
                !text.contains(&github_token(seed)),
                "{format} leaks a token"
            );
        }
        assert!(!text.contains(&aws_key_id(2)), "{format} leaks a key id");
    }
    let shown = scan(repo.path(), &["--format", "json", "--show-secrets"]);
    assert!(stdout(&shown).contains(&github_token(1)));
    assert!(findings(&shown).iter().all(|f| f["secret"].is_string()));
    // SARIF never carries the secret, even when asked.
    let sarif = scan(repo.path(), &["--format", "sarif", "--show-secrets"]);
    assert!(!stdout(&sarif).contains(&github_token(1)));
}

#[test]
fn sarif_output_is_valid() {
    let repo = history_repo();
    let out = scan(repo.path(), &["--format", "sarif"]);
    assert_valid(
        &repo_root().join("fixtures/sarif-2.1.0.schema.json"),
        &json(&out),
    );
    assert_valid(
        &repo_root().join("schema/report.schema.json"),
        &json(&scan(repo.path(), &["--format", "json"])),
    );
}

#[test]
fn range_diffs_merge_commits_against_every_parent() {
    let repo = TestRepo::new();
    let base = repo.commit("Alice", "base", &[("a.txt", Some(b"a\n"))]);
    repo.branch("feature");
    repo.checkout("feature");
    repo.commit("Bob", "feature work", &[("b.txt", Some(b"b\n"))]);
    repo.checkout("main");
    repo.commit("Alice", "main work", &[("c.txt", Some(b"c\n"))]);
    // The merge itself adds a secret that neither parent has.
    let main_tip = repo.repo.head().unwrap().peel_to_commit().unwrap();
    let feature_tip = repo
        .repo
        .revparse_single("feature")
        .unwrap()
        .peel_to_commit()
        .unwrap();
    repo.stage(&[
        ("b.txt", Some(b"b\n")),
        (
            "merged.env",
            Some(format!("TOKEN={}\n", github_token(4)).as_bytes()),
        ),
    ]);
    let merge = repo.commit_with_parents("Carol", "merge feature", &[&main_tip, &feature_tip]);
    let range = format!("{base}..{merge}");
    let out = scan(repo.path(), &["--range", &range, "--format", "json"]);
    let found = findings(&out);
    assert_eq!(found.len(), 1, "{}", transcript(&out));
    assert_eq!(found[0]["commit"], merge.to_string());
    assert_eq!(found[0]["author"], "Carol <carol@acme.test>");
    // A range that stops before the merge finds nothing.
    let before = format!("{base}..{}", main_tip.id());
    assert_eq!(
        scan(repo.path(), &["--range", &before]).status.code(),
        Some(0)
    );
}

#[test]
fn staged_scans_the_index_not_the_work_tree() {
    let repo = TestRepo::new();
    repo.commit("Alice", "init", &[("a.txt", Some(b"a\n"))]);
    repo.stage(&[(
        "staged.env",
        Some(format!("TOKEN={}\n", github_token(5)).as_bytes()),
    )]);
    std::fs::write(
        repo.path().join("unstaged.env"),
        format!("TOKEN={}\n", github_token(6)),
    )
    .unwrap();
    let out = scan(repo.path(), &["--staged", "--format", "json"]);
    let found = findings(&out);
    assert_eq!(found.len(), 1, "{}", transcript(&out));
    assert_eq!(found[0]["path"], "staged.env");
    assert_eq!(found[0]["commit"], serde_json::Value::Null);
    insta::assert_snapshot!(transcript(&scan(repo.path(), &["--staged"])));
}

#[test]
fn secrets_only_in_the_stash_or_a_tag_are_found() {
    let repo = TestRepo::new();
    repo.commit("Alice", "init", &[("a.txt", Some(b"a\n"))]);
    let tagged = repo.commit(
        "Alice",
        "release",
        &[(
            "rel.txt",
            Some(format!("k = {}\n", github_token(7)).as_bytes()),
        )],
    );
    repo.tag("v1", tagged);
    // Rewind main so the secret is reachable from the tag only.
    let first = repo.repo.revparse_single("HEAD~1").unwrap();
    repo.repo
        .reset(&first, git2::ResetType::Hard, None)
        .unwrap();
    std::fs::write(
        repo.path().join("a.txt"),
        format!("a\nTOKEN={}\n", github_token(8)),
    )
    .unwrap();
    let mut git = git2::Repository::open(repo.path()).unwrap();
    let sig = git2::Signature::new(
        "Alice",
        "alice@acme.test",
        &git2::Time::new(1_735_700_000, 0),
    )
    .unwrap();
    git.stash_save(&sig, "wip", None).unwrap();
    let out = scan(repo.path(), &["--format", "json"]);
    let paths: Vec<String> = findings(&out)
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["a.txt", "rel.txt"], "{}", transcript(&out));
}

#[test]
fn binary_base64_and_large_files() {
    let repo = TestRepo::new();
    let mut binary = vec![0u8, 1, 2, 3, 255, 254];
    binary.extend_from_slice(format!("\u{1}{}\u{0}", aws_key_id(3)).as_bytes());
    binary.extend_from_slice(&[0, 7, 7, 7]);
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD
        .encode(format!("GITHUB_TOKEN={}", github_token(10)));
    let secret_yaml = format!("apiVersion: v1\nkind: Secret\ndata:\n  token: {encoded}\n");
    let mut big = "lorem ipsum dolor sit amet\n".repeat(200_000).into_bytes(); // ~5.4 MB
    big.extend_from_slice(format!("late = {}\n", github_token(11)).as_bytes());
    repo.commit(
        "Alice",
        "assets",
        &[
            ("logo.bin", Some(&binary)),
            ("k8s/secret.yaml", Some(secret_yaml.as_bytes())),
            ("big.txt", Some(&big)),
        ],
    );
    let out = scan(repo.path(), &["--format", "json"]);
    let found = findings(&out);
    let by_path = |p: &str| found.iter().find(|f| f["path"] == p).cloned();
    assert!(
        by_path("logo.bin").is_some(),
        "printable run in a binary: {}",
        transcript(&out)
    );
    let k8s = by_path("k8s/secret.yaml").expect("base64-encoded secret");
    assert_eq!(k8s["encoding"], "base64");
    assert_eq!(k8s["line"], 4, "reported where the encoded text is");
    let big_hit = by_path("big.txt").expect("5 MB file is scanned");
    assert_eq!(big_hit["line"], 200_001);

    let limited = scan(
        repo.path(),
        &["--format", "json", "--max-blob-size", "1MiB"],
    );
    let doc = json(&limited);
    assert_eq!(doc["summary"]["blobs_skipped"], 1);
    assert!(doc["warnings"][0]
        .as_str()
        .unwrap()
        .contains("skipped 1 blob(s) over 1048576 bytes"));
    assert!(findings(&limited).iter().all(|f| f["path"] != "big.txt"));
}

#[test]
fn missing_objects_are_counted_and_fail_only_when_asked() {
    let repo = TestRepo::new();
    repo.commit(
        "Alice",
        "init",
        &[("a.txt", Some(b"alpha\n")), ("b.txt", Some(b"beta\n"))],
    );
    let blob = repo
        .repo
        .revparse_single("HEAD:b.txt")
        .unwrap()
        .id()
        .to_string();
    let object = repo
        .path()
        .join(".git/objects")
        .join(&blob[..2])
        .join(&blob[2..]);
    std::fs::remove_file(object).unwrap();
    let out = scan(repo.path(), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let doc = json(&out);
    assert_eq!(doc["summary"]["objects_missing"], 1);
    assert_eq!(doc["summary"]["incomplete"], true);
    assert!(stderr(&out).contains("1 object(s) or ref(s) missing"));
    let strict = scan(repo.path(), &["--fail-on-incomplete"]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(stderr(&strict).contains("error: the scan was incomplete"));
}

#[test]
fn not_findings_documented_examples_hashes_uuids_placeholders() {
    let dir = scratch(&[(
        "notes.env",
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n\
         aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\
         token = \"2d9b5a7e-3f1c-4b8e-9a6d-0c5e7f1a2b3c\"\n\
         api_key = 3f786850e387550fdab836ed7e6dc881de23001b\n\
         password = ${DB_PASSWORD}\n\
         secret: <your-secret-here>\n\
         API_KEY=your-api-key-here\n\
         password = xxxxxxxxxxxxxxxx\n\
         password = changeme\n\
         token = process.env.GITHUB_TOKEN\n",
    ), (
        "package-lock.json",
        "{\"integrity\": \"sha512-Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYg==\", \"token\": \"Zm9vYmFyYmF6cXV4Zm9vYmFy\"}\n",
    )]);
    let out = scan(dir.path(), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
}

#[test]
fn inline_allow_markers() {
    let token = github_token(12);
    let text = format!(
        "a = \"{token}\"  # opsguard:allow\nb = \"{token}\" // gitleaks:allow\nc = \"{token}\"  # pragma: allowlist secret\n"
    );
    let dir = scratch(&[("app.py", &text)]);
    assert_eq!(scan(dir.path(), &[]).status.code(), Some(0));
    let dir = scratch(&[("app.py", &format!("d = \"{token}\"\n"))]);
    assert_eq!(scan(dir.path(), &[]).status.code(), Some(1));
}

#[test]
fn directories_honour_gitignore_and_stdin_works() {
    let dir = scratch(&[
        (".gitignore", "build/\n"),
        ("src/app.py", &format!("TOKEN = \"{}\"\n", github_token(13))),
        (
            "build/out.py",
            &format!("TOKEN = \"{}\"\n", github_token(14)),
        ),
    ]);
    let out = scan(dir.path(), &["--format", "json"]);
    let paths: Vec<String> = findings(&out)
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths, ["src/app.py"]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("opsguard"))
        .args(["secrets", "scan", "-", "--format", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("x={}\n", github_token(15)).as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("\"path\":\"-\""));
}

#[test]
fn baseline_then_only_new_findings() {
    let repo = TestRepo::new();
    repo.commit(
        "Alice",
        "old",
        &[(
            "old.env",
            Some(format!("T={}\n", github_token(16)).as_bytes()),
        )],
    );
    let out = opsguard(repo.path(), &["secrets", "baseline", "-o", "baseline.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert_eq!(stderr(&out), "recorded 1 accepted finding\n");
    let text = std::fs::read_to_string(repo.path().join("baseline.json")).unwrap();
    assert!(
        !text.contains(&github_token(16)),
        "baselines hold fingerprints, not secrets"
    );
    assert_eq!(
        scan(repo.path(), &["--baseline", "baseline.json"])
            .status
            .code(),
        Some(0)
    );
    repo.commit(
        "Bob",
        "new",
        &[(
            "new.env",
            Some(format!("T={}\n", github_token(17)).as_bytes()),
        )],
    );
    let out = scan(
        repo.path(),
        &["--baseline", "baseline.json", "--format", "json"],
    );
    assert_eq!(rules_of(&out), ["github-pat"]);
    assert_eq!(findings(&out)[0]["path"], "new.env");
    assert_eq!(json(&out)["summary"]["baselined"], 1);

    // An entry that matches nothing any more is reported when asked.
    let other = TestRepo::new();
    other.commit("Alice", "clean", &[("a.txt", Some(b"nothing here\n"))]);
    std::fs::copy(
        repo.path().join("baseline.json"),
        other.path().join("baseline.json"),
    )
    .unwrap();
    let out = scan(
        other.path(),
        &[
            "--baseline",
            "baseline.json",
            "--report-unused-ignores",
            "--format",
            "json",
        ],
    );
    let doc = json(&out);
    assert_eq!(doc["unused_ignores"].as_array().unwrap().len(), 1);
    assert!(stderr(&out).contains("no longer matches any finding"));
}

#[test]
fn gitleaksignore_is_honoured() {
    let repo = TestRepo::new();
    let commit = repo.commit(
        "Alice",
        "a",
        &[(
            "a.env",
            Some(format!("T={}\n", github_token(18)).as_bytes()),
        )],
    );
    std::fs::write(
        repo.path().join(".gitleaksignore"),
        format!("{commit}:a.env:github-pat:1\n"),
    )
    .unwrap();
    assert_eq!(scan(repo.path(), &[]).status.code(), Some(0));
}

#[test]
fn a_gitleaks_config_with_custom_rules_and_allowlists() {
    let config = r#"
title = "team rules"
[extend]
useDefault = true
disabledRules = ["aws-access-key-id"]

[[rules]]
id = "acme-internal-token"
description = "ACME internal service token"
regex = '''acme_([a-z0-9]{32})'''
secretGroup = 1
entropy = 3.0
keywords = ["acme_"]
  [[rules.allowlists]]
  description = "test fixtures with the fake marker"
  condition = "AND"
  paths = ['''^tests/''']
  regexTarget = "line"
  regexes = ['''FAKE''']

[[allowlists]]
description = "generated docs"
targetRules = ["github-pat"]
paths = ['''^docs/''']

[[allowlists]]
stopwords = ["0000"]
"#;
    let token = "acme_k3j5h7g9f1d3s5a7p9o1i3u5y7t9r2e4";
    let dir = scratch(&[
        (".gitleaks.toml", config),
        ("src/a.py", &format!("T = \"{token}\"\n")),
        ("tests/b.py", &format!("T = \"{token}\"  # FAKE\n")),
        ("tests/c.py", &format!("T = \"{token}\"\n")),
        (
            "src/low.py",
            "T = \"acme_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n",
        ),
        (
            "src/zero.py",
            "T = \"acme_k3j5h7g9f1d3s5a7p9o0000u5y7t9r2e4\"\n",
        ),
        ("docs/gh.md", &format!("{}\n", github_token(19))),
        ("src/gh.md", &format!("{}\n", github_token(19))),
        ("src/aws.txt", &format!("{}\n", aws_key_id(5))),
    ]);
    let out = scan(
        dir.path(),
        &["--no-git", "--rules", ".gitleaks.toml", "--format", "json"],
    );
    let got: Vec<(String, String)> = findings(&out)
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("acme-internal-token".to_string(), "src/a.py".to_string()),
            ("github-pat".to_string(), "src/gh.md".to_string()),
        ],
        "{}",
        transcript(&out)
    );
    let acme = &findings(&out)[0];
    assert_eq!(
        acme["occurrence_count"], 2,
        "src/a.py and tests/c.py (AND needs both path and line)"
    );
}

#[test]
fn rules_check_passes_on_the_builtin_packs() {
    let dir = scratch(&[]);
    let out = opsguard(dir.path(), &["secrets", "rules", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert!(
        stdout(&out).contains("built-in packs: 309 rules"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn rules_check_reports_failing_examples_and_bad_regexes() {
    let pack = "name = \"team\"\n\n[[rules]]\nid = \"team-token\"\nregex = '''team_[a-z]{8}'''\nkeywords = [\"team_\"]\nexamples = [\"team_qzrlmxvw\", \"team_short\"]\nnegative_examples = [\"team_qzrlmxvwyz\"]\n";
    let dir = scratch(&[("pack.toml", pack)]);
    let out = opsguard(dir.path(), &["secrets", "rules", "check", "pack.toml"]);
    insta::assert_snapshot!(transcript(&out));
    let bad = "[[rules]]\nid = \"broken\"\nregex = '''(unclosed'''\n";
    let dir = scratch(&[("bad.toml", bad)]);
    let out = opsguard(dir.path(), &["secrets", "rules", "check", "bad.toml"]);
    insta::assert_snapshot!("rules_check_bad_regex", transcript(&out));
}

#[test]
fn rules_list() {
    let dir = scratch(&[]);
    let out = opsguard(
        dir.path(),
        &["secrets", "rules", "list", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0));
    let doc = json(&out);
    let rules = doc["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 309);
    assert!(rules.iter().any(|r| r["id"] == "aws-access-key-id"));
    // Which rules --verify can check, and the one that only feeds a verifier.
    let verified: Vec<&str> = rules
        .iter()
        .filter(|r| !r["verify"].is_null())
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(verified.len(), 20, "{verified:?}");
    for id in [
        "pypi-upload-token",
        "docker-hub-pat",
        "docker-hub-org-token",
        "gcp-api-key",
    ] {
        assert!(verified.contains(&id), "{id}: {verified:?}");
    }
    for id in ["twilio-account-sid", "docker-hub-username"] {
        assert!(
            rules.iter().any(|r| r["id"] == id && r["report"] == false),
            "{id}"
        );
    }
}

#[test]
fn hook_install_writes_refuses_and_forces() {
    let repo = TestRepo::new();
    let out = opsguard(repo.path(), &["secrets", "hook", "install"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let hook = repo.path().join(".git/hooks/pre-commit");
    let text = std::fs::read_to_string(&hook).unwrap();
    assert!(text.contains("exec opsguard secrets scan --staged"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&hook).unwrap().permissions().mode() & 0o111,
            0o111
        );
    }
    let again = opsguard(repo.path(), &["secrets", "hook", "install"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        transcript(&again)
    );
    assert!(stderr(&again).contains("hint: pass --force"));
    let forced = opsguard(repo.path(), &["secrets", "hook", "install", "--force"]);
    assert_eq!(forced.status.code(), Some(0));
}

#[test]
fn bad_rule_pack_is_exit_2_naming_file_and_rule() {
    let dir = scratch(&[
        ("rules.toml", "[[rules]]\nid = \"x\"\nregex = '''[a-'''\n"),
        ("a.txt", "a\n"),
    ]);
    let out = scan(dir.path(), &["--rules", "rules.toml", "--strict-rules"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn a_rule_whose_regex_does_not_compile_is_left_out_with_a_warning() {
    let dir = scratch(&[
        (
            "rules.toml",
            "[[rules]]\nid = \"x\"\nregex = '''[a-'''\n[[rules]]\nid = \"team\"\nregex = '''team_[a-z0-9]{16}'''\n",
        ),
        ("a.txt", "key = team_q8zr2lmx0vty7pwn\n"),
    ]);
    let out = scan(dir.path(), &["--rules", "rules.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("rules.toml:3:9: rule `x`: regex does not compile")
            && stderr.contains("the rule is left out"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("team"));
}

#[test]
fn pre_commit_hooks_file_offers_the_staged_scan() {
    let text = std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(text.contains("id: opsguard-secrets"));
    assert!(text.contains("entry: opsguard secrets scan --staged"));
    assert!(text.contains("language: rust"));
}

#[test]
fn this_repository_passes_its_own_scan() {
    // What the pre-commit hook and CI would say about opsguard's own tree: rule examples
    // and test fixtures are allowlisted by the repository's own configuration.
    let out = opsguard(
        &repo_root(),
        &["secrets", "scan", "--no-git", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
}

#[test]
fn the_documented_example_pack_passes_rules_check() {
    let doc = std::fs::read_to_string(repo_root().join("docs/secrets.md")).unwrap();
    let start = doc
        .find("name = \"acme/internal\"")
        .expect("example pack in docs/secrets.md");
    let end = start + doc[start..].find("```").unwrap();
    let dir = scratch(&[("acme.toml", &doc[start..end])]);
    let out = opsguard(dir.path(), &["secrets", "rules", "check", "acme.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
}

#[test]
fn placeholders_never_fire_beside_real_values_that_do() {
    // Each pair: a placeholder of one kind, then a real-looking value of the same shape.
    let body = "Qm8ZtR3xW9LpK2vN7yHc4BdFg6JsUe1A5rTk";
    let pairs = [
        (
            "repeated",
            format!("ghp_{}", "X".repeat(36)),
            format!("ghp_{body}"),
        ),
        (
            "zeros",
            format!("ghp_{}", "0".repeat(36)),
            format!("ghp_{body}"),
        ),
        (
            "marker",
            format!("sk_live_FAKE{}", &body[..20]),
            format!("sk_live_{}", &body[..24]),
        ),
        (
            "sequence",
            "sk_live_abcdefghijklmnopqrstuvwx".to_string(),
            format!("sk_live_{}", &body[..24]),
        ),
        (
            "reference",
            "${STRIPE_SECRET_KEY}".to_string(),
            format!("sk_live_{}", &body[..24]),
        ),
        (
            "template",
            "{{ .Values.stripeKey }}".to_string(),
            format!("sk_live_{}", &body[..24]),
        ),
    ];
    let mut files = Vec::new();
    for (name, placeholder, real) in &pairs {
        files.push((
            format!("{name}-placeholder.env"),
            format!("STRIPE_KEY={placeholder}\nGITHUB_TOKEN={placeholder}\n"),
        ));
        files.push((format!("{name}-real.env"), format!("KEY={real}\n")));
    }
    files.push((
        "google.json".to_string(),
        "{\"token_uri\": \"https://oauth2.googleapis.com/token\"}\n".to_string(),
    ));
    files.push((
        "url-real.env".to_string(),
        format!(
            "DATABASE_URL=postgres://app:{}@db.internal/app\n",
            &body[..18]
        ),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dir = scratch(&refs);
    let out = opsguard(
        dir.path(),
        &["secrets", "scan", "--no-git", ".", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let paths: std::collections::BTreeSet<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["occurrences"].as_array().unwrap().iter())
        .map(|o| o["path"].as_str().unwrap().to_string())
        .collect();
    for (name, _, _) in &pairs {
        assert!(
            paths.contains(&format!("{name}-real.env")),
            "{name}: real value missed: {paths:?}"
        );
        assert!(
            !paths.contains(&format!("{name}-placeholder.env")),
            "{name}: placeholder reported"
        );
    }
    assert!(paths.contains("url-real.env"), "{paths:?}");
    assert!(!paths.contains("google.json"), "{paths:?}");
}

#[test]
fn a_config_written_like_gitleaks_default_passes_rules_check_without_warnings() {
    // The shape of gitleaks' own default configuration: minVersion, RE2-only syntax (a
    // literal `{` that opens no repetition), per-rule [[rules.allowlists]] and a global
    // [allowlist] whose regexes are RE2 too.
    let config = r#"title = "team gitleaks config"
minVersion = "v8.25.0"

[allowlist]
description = "global allow list"
regexes = ['''^\$(?:\d+|{\d+})$''', '''^\${(?:[A-Z_]+|[a-z_]+)}$''']
paths = ['''(?:^|/)vendor/''']

[[rules]]
id = "team-service-token"
description = "Team service token"
regex = '''\b(tst_[a-zA-Z0-9]{32})(?:['"\s;]|$)'''
keywords = ["tst_"]
entropy = 3.5
tags = ["team"]

[[rules.allowlists]]
regexTarget = "line"
regexes = ['''['"]?\$?{{[^}]+}}['"]?''', '''import[ \t]+{[ \t\w,]+}[ \t]+from''']

[[rules.allowlists]]
condition = "AND"
paths = ['''_test\.go$''']
stopwords = ["sample"]
"#;
    let dir = scratch(&[
        ("gitleaks.toml", config),
        (
            "app.env",
            "TOKEN=tst_Qm8ZtR3xW9LpK2vN7yHc4BdFg6JsUe1A\nTPL={{ .Values.token }} tst_Zx8Lq2Wm4Rt6Yp0Nv3Kb9Hd5Fj7Gs1Ce\n",
        ),
    ]);
    let out = opsguard(dir.path(), &["secrets", "rules", "check", "gitleaks.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert!(
        stdout(&out).contains("gitleaks.toml: 1 rules"),
        "{}",
        stdout(&out)
    );
    assert_eq!(stderr(&out), "", "no warnings: every field is run");
    let out = opsguard(
        dir.path(),
        &[
            "secrets",
            "scan",
            "--no-git",
            "app.env",
            "--rules",
            "gitleaks.toml",
            "--format",
            "json",
            "--show-secrets",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let secrets: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["secret"].as_str().unwrap())
        .collect();
    // The templated line is allowed by the translated `{{[^}]+}}` allowlist regex.
    assert_eq!(secrets, ["tst_Qm8ZtR3xW9LpK2vN7yHc4BdFg6JsUe1A"]);
}

#[test]
fn random_values_in_every_generic_shape_are_reported() {
    // The shared allowlists (identifiers, placeholders, hashes) must not swallow real
    // random credentials: 200 random mixed-case values, 20 to 32 characters long.
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        .chars()
        .collect();
    let mut state: u64 = 20261202;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let shapes = [
        "password: {}",
        "API_KEY={}",
        "client_secret = \"{}\"",
        "auth_token: '{}'",
    ];
    let mut text = String::new();
    let mut values = Vec::new();
    for i in 0..200 {
        let len = 20 + next() % 13;
        let value: String = (0..len)
            .map(|_| alphabet[next() % alphabet.len()])
            .collect();
        text.push_str(&shapes[i % shapes.len()].replace("{}", &value));
        text.push('\n');
        values.push(value);
    }
    let dir = scratch(&[("settings.txt", text.as_str())]);
    let out = opsguard(
        dir.path(),
        &[
            "secrets",
            "scan",
            "--no-git",
            ".",
            "--format",
            "json",
            "--show-secrets",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let reported: std::collections::HashSet<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["secret"].as_str().unwrap())
        .collect();
    let missed: Vec<&String> = values
        .iter()
        .filter(|v| !reported.contains(v.as_str()))
        .collect();
    assert!(
        missed.is_empty(),
        "{} of 200 missed: {missed:?}",
        missed.len()
    );
}
