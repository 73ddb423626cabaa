//! `secrets scan --cache`: a re-scan reads only what is new and reports exactly what a full
//! scan reports, after new commits, a rules change, a damaged cache and a rewritten history.

use std::path::{Path, PathBuf};

use crate::common::*;
use crate::git_repo::*;

fn scan(dir: &Path, extra: &[&str]) -> std::process::Output {
    opsguard(
        dir,
        &[
            &["secrets", "scan", "--format", "json", "--exit-zero"][..],
            extra,
        ]
        .concat(),
    )
}

/// The report of a successful scan, with `blobs_cached` taken out of the summary and
/// returned apart (a full scan has none), and the warnings left out (they are checked on
/// stderr, where they also go).
fn report(out: &std::process::Output) -> (serde_json::Value, Option<u64>) {
    assert_eq!(out.status.code(), Some(0), "{}", transcript(out));
    let mut value = json(out);
    value.as_object_mut().unwrap().remove("warnings");
    let cached = value["summary"]
        .as_object_mut()
        .unwrap()
        .remove("blobs_cached")
        .map(|v| v.as_u64().unwrap());
    assert!(
        value["summary"]["blobs_scanned"].as_u64().unwrap() > 0,
        "{}",
        transcript(out)
    );
    (value, cached)
}

fn cache_file(repo: &TestRepo) -> PathBuf {
    repo.path().join(".git/opsguard/secrets-history.cache")
}

/// The secrets tests' history (secrets in history only, at HEAD and on a branch), with a
/// few more commits that hold none.
fn history() -> TestRepo {
    let repo = crate::secrets::history_repo();
    for i in 0..5 {
        let text = format!("line {i}\n");
        repo.commit("Alice", "docs", &[("docs/notes.md", Some(text.as_bytes()))]);
    }
    repo
}

#[test]
fn a_cached_rescan_reports_exactly_what_a_full_scan_does() {
    let repo = history();
    let (full, none) = report(&scan(repo.path(), &[]));
    assert_eq!(none, None);
    assert!(!cache_file(&repo).exists());
    let first = scan(repo.path(), &["--cache"]);
    let (cold, cached) = report(&first);
    assert_eq!(cold, full);
    assert_eq!(cached, Some(0));
    assert!(cache_file(&repo).is_file(), "{}", transcript(&first));
    // Nothing new: every blob comes from the cache, and the report does not change.
    let (warm, cached) = report(&scan(repo.path(), &["--cache"]));
    assert_eq!(warm, full);
    let blobs = full["summary"]["blobs_scanned"].as_u64().unwrap();
    assert_eq!(cached, Some(blobs));

    // One new commit with a new secret, on top of the cached scan.
    let key = format!("key = {}\n", aws_key_id(9));
    repo.commit("Eve", "oops", &[("deploy/key.txt", Some(key.as_bytes()))]);
    let incremental = scan(repo.path(), &["--cache"]);
    let (after, cached) = report(&incremental);
    let (full_after, _) = report(&scan(repo.path(), &[]));
    assert_eq!(after, full_after);
    assert_eq!(cached, Some(blobs));
    assert_eq!(after["findings"].as_array().unwrap().len(), 4);
    assert!(
        stderr(&incremental).contains("known from earlier scans"),
        "{}",
        transcript(&incremental)
    );
}

#[test]
fn a_rules_or_allowlist_change_renews_the_verdicts_it_must() {
    let repo = history();
    let config = "mysvc_config = \"abcd1234efgh5678ijkl\"\n";
    repo.commit("Alice", "svc", &[("svc.toml", Some(config.as_bytes()))]);
    let rules = tempfile::tempdir().unwrap();
    let pack = rules.path().join("rules.toml");
    let base = "[extend]\nuseDefault = true\n";
    std::fs::write(&pack, base).unwrap();
    let pack_arg = pack.to_str().unwrap();
    let (before, _) = report(&scan(repo.path(), &["--cache", "--rules", pack_arg]));
    assert_eq!(before["findings"].as_array().unwrap().len(), 3);

    // A new rule matches a blob the cache had judged clean: the cached verdicts are renewed.
    let custom = format!(
        "{base}\n[[rules]]\nid = \"mysvc-config\"\ndescription = \"x\"\nregex = '''mysvc_config = \"([a-z0-9]{{20}})\"'''\nkeywords = [\"mysvc_config\"]\n"
    );
    std::fs::write(&pack, &custom).unwrap();
    let out = scan(repo.path(), &["--cache", "--rules", pack_arg]);
    let (with_rule, cached) = report(&out);
    let (full, _) = report(&scan(repo.path(), &["--rules", pack_arg]));
    assert_eq!(with_rule, full);
    assert_eq!(cached, Some(0), "every verdict was renewed");
    assert!(
        rule_ids(&with_rule).contains(&"mysvc-config".to_string()),
        "{}",
        transcript(&out)
    );

    // An allowlist added to the same pack hides it again, from the cache as from a full scan.
    let allowed = format!("{custom}\n[[allowlists]]\npaths = ['''svc\\.toml''']\n");
    std::fs::write(&pack, allowed).unwrap();
    let (allowlisted, _) = report(&scan(repo.path(), &["--cache", "--rules", pack_arg]));
    let (full, _) = report(&scan(repo.path(), &["--rules", pack_arg]));
    assert_eq!(allowlisted, full);
    assert!(!rule_ids(&allowlisted).contains(&"mysvc-config".to_string()));
    // Suppressions applied to the report (a baseline) need no rescan.
    let (_, cached) = report(&scan(repo.path(), &["--cache", "--rules", pack_arg]));
    assert!(cached.unwrap() > 0);
}

fn rule_ids(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_damaged_or_foreign_cache_is_a_warning_and_a_full_scan() {
    let repo = history();
    let dir = tempfile::tempdir().unwrap();
    let cache_arg = format!("--cache={}", dir.path().display());
    let (full, _) = report(&scan(repo.path(), &[]));
    report(&scan(repo.path(), &[&cache_arg]));
    let file = dir.path().join("secrets-history.cache");
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    let damage: [(&str, Vec<u8>); 4] = [
        ("checksum", flipped),
        ("truncated", good[..good.len() / 3].to_vec()),
        (
            "not an opsguard secrets cache",
            b"{\"json\": true}".to_vec(),
        ),
        ("format 7", {
            let mut other = good.clone();
            other[31] = 7;
            other
        }),
    ];
    for (reason, bytes) in damage {
        std::fs::write(&file, bytes).unwrap();
        let out = scan(repo.path(), &[&cache_arg]);
        let (value, cached) = report(&out);
        assert_eq!(value, full, "{reason}");
        assert_eq!(cached, Some(0), "{reason}");
        let err = stderr(&out);
        assert!(
            err.contains(reason) && err.contains("scanning the whole history"),
            "{reason}: {err}"
        );
        // Replaced by a sound one.
        let (_, cached) = report(&scan(repo.path(), &[&cache_arg]));
        assert!(cached.unwrap() > 0, "{reason}");
    }
}

#[test]
fn a_rewritten_history_is_never_reported_from_the_cache() {
    let repo = history();
    let leak = format!("TOKEN={}\n", github_token(5));
    repo.commit("Bob", "leak", &[("leak.env", Some(leak.as_bytes()))]);
    let (before, _) = report(&scan(repo.path(), &["--cache"]));
    assert_eq!(before["findings"].as_array().unwrap().len(), 4);
    // The remedy for a leak: rewrite the history so no ref reaches it.
    let parent = repo.repo.revparse_single("HEAD~1").unwrap();
    repo.repo
        .reset(&parent, git2::ResetType::Hard, None)
        .unwrap();
    let out = scan(repo.path(), &["--cache"]);
    let (after, cached) = report(&out);
    let (full, _) = report(&scan(repo.path(), &[]));
    assert_eq!(after, full);
    assert_eq!(after["findings"].as_array().unwrap().len(), 3);
    assert_eq!(cached, Some(0));
    assert!(
        stderr(&out).contains("refs/heads/main") && stderr(&out).contains("rewritten or deleted"),
        "{}",
        transcript(&out)
    );
}

#[test]
fn the_config_turns_it_on_and_only_history_scans_use_it() {
    let repo = history();
    std::fs::write(
        repo.path().join("opsguard.toml"),
        "[secrets]\ncache = true\n",
    )
    .unwrap();
    let out = scan(repo.path(), &["--no-cache"]);
    report(&out);
    assert!(!cache_file(&repo).exists(), "{}", transcript(&out));
    report(&scan(repo.path(), &[]));
    assert!(cache_file(&repo).is_file());
    let (_, cached) = report(&scan(repo.path(), &[]));
    assert!(cached.unwrap() > 0);
    // A pre-commit run with the cache on in the config: the staged scan ignores it.
    repo.stage(&[("new.txt", Some(b"hello\n"))]);
    let staged = scan(repo.path(), &["--staged"]);
    assert_eq!(staged.status.code(), Some(0), "{}", transcript(&staged));
    assert!(json(&staged)["summary"].get("blobs_cached").is_none());
    // Asking for it with a scan it cannot serve is a usage error.
    let both = opsguard(repo.path(), &["secrets", "scan", "--cache", "--staged"]);
    assert_eq!(both.status.code(), Some(2), "{}", transcript(&both));
    assert!(stderr(&both).contains("--staged"), "{}", transcript(&both));
}
