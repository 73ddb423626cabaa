//! Compatibility with the real Betterleaks (gitleaks' successor), installed from PyPI by
//! `scripts/test` (pinned): its own default configuration, as `betterleaks config show
//! toml` prints it, loads in opsguard with every rule compiling, and on one generated
//! repository every secret Betterleaks reports with that configuration, opsguard reports
//! too.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{json, opsguard, stderr, transcript};
use crate::git_repo::TestRepo;

/// `OPSGUARD_BETTERLEAKS` (set by `scripts/test`), else the venv `scripts/test` creates.
fn betterleaks() -> PathBuf {
    crate::common::installed_test_tool(
        "OPSGUARD_BETTERLEAKS",
        "venv-betterleaks-2.0.0/bin/betterleaks",
    )
}

fn betterleaks_config(dir: &Path) -> PathBuf {
    let out = Command::new(betterleaks())
        .args(["config", "show", "toml"])
        .output()
        .expect("betterleaks runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.len() > 100_000, "a full configuration");
    let path = dir.join("betterleaks.toml");
    std::fs::write(&path, &out.stdout).unwrap();
    path
}

/// Random-looking credentials of many kinds, from a fixed seed, built at run time.
struct Fakes(u64);

impl Fakes {
    fn pick(&mut self, alphabet: &str, n: usize) -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        (0..n)
            .map(|_| {
                self.0 = self
                    .0
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                chars[(self.0 >> 33) as usize % chars.len()]
            })
            .collect()
    }
}

const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX: &str = "0123456789abcdef";

fn planted_files() -> Vec<(String, String)> {
    let mut f = Fakes(20261202);
    let mut files = Vec::new();
    let mut add = |name: &str, text: String| files.push((name.to_string(), text));
    add(
        "ci/github.env",
        format!("GITHUB_TOKEN={}_{}\n", "ghp", f.pick(ALNUM, 36)),
    );
    add(
        "aws/credentials",
        format!(
            "[default]\naws_access_key_id = {}{}\naws_secret_access_key = {}\n",
            "AKIA",
            f.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
            f.pick(ALNUM, 40)
        ),
    );
    add(
        "billing/stripe.py",
        format!("stripe.api_key = \"{}_live_{}\"\n", "sk", f.pick(ALNUM, 24)),
    );
    add(
        "chat/slack.yml",
        format!(
            "token: {}-{}-{}-{}\n",
            "xoxb",
            f.pick("0123456789", 12),
            f.pick("0123456789", 13),
            f.pick(ALNUM, 24)
        ),
    );
    add(
        "gitlab.toml",
        format!("token = \"{}-{}\"\n", "glpat", f.pick(ALNUM, 20)),
    );
    add(
        "mail.env",
        format!(
            "SENDGRID_API_KEY={}.{}.{}\n",
            "SG",
            f.pick(ALNUM, 22),
            f.pick(ALNUM, 43)
        ),
    );
    add(
        ".npmrc",
        format!(
            "//registry.npmjs.org/:_authToken={}_{}\n",
            "npm",
            f.pick(ALNUM, 36)
        ),
    );
    add(
        "ai/anthropic.env",
        format!(
            "ANTHROPIC_API_KEY={}-ant-api03-{}AA\n",
            "sk",
            f.pick(ALNUM, 93)
        ),
    );
    add(
        "ai/hf.env",
        format!(
            "HF_TOKEN={}_{}\n",
            "hf",
            f.pick("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 34)
        ),
    );
    add(
        "web/firebase.js",
        format!("const key = \"{}{}\";\n", "AIza", f.pick(ALNUM, 35)),
    );
    add(
        "shop/shopify.rb",
        format!("TOKEN = \"{}_{}\"\n", "shpat", f.pick(HEX, 32)),
    );
    add(
        "deploy/docker.sh",
        format!(
            "echo {}_pat_{} | docker login -u ci --password-stdin\n",
            "dckr",
            f.pick(ALNUM, 27)
        ),
    );
    add(
        "keys/age.txt",
        format!(
            "{}-SECRET-KEY-1{}\n",
            "AGE",
            f.pick("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)
        ),
    );
    add(
        "keys/id_rsa",
        format!(
            "-----BEGIN RSA {} KEY-----\n{}\n{}\n{}\n-----END RSA {} KEY-----\n",
            "PRIVATE",
            f.pick(ALNUM, 64),
            f.pick(ALNUM, 64),
            f.pick(ALNUM, 40),
            "PRIVATE"
        ),
    );
    add(
        "db.env",
        format!(
            "DATABASE_URL=postgres://app:{}@db.internal:5432/app\n",
            f.pick(ALNUM, 18)
        ),
    );
    add(
        "pypi/.pypirc",
        format!(
            "[pypi]\nusername = __token__\npassword = {}-AgEIcHlwaS5vcmc{}\n",
            "pypi",
            f.pick(ALNUM, 80)
        ),
    );
    files
}

#[test]
fn betterleaks_default_configuration_loads_with_every_rule_compiling() {
    let dir = tempfile::tempdir().unwrap();
    betterleaks_config(dir.path());
    let out = opsguard(
        dir.path(),
        &[
            "secrets",
            "rules",
            "check",
            "betterleaks.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let report = json(&out);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    let warnings = stderr(&out);
    // What opsguard does not run is named, with its effect; nothing is left out.
    assert!(warnings.contains("`validate` ("), "{warnings}");
    assert!(warnings.contains(
        "is not run: opsguard verifies with its own `[rules.verify]` tables (`--verify`)"
    ));
    assert!(!warnings.contains("left out"), "{warnings}");
    assert!(!warnings.contains("does not compile"), "{warnings}");
    // docs/secrets.md shows these warnings as a user sees them.
    let doc = std::fs::read_to_string(crate::common::repo_root().join("docs/secrets.md")).unwrap();
    let shown: Vec<&str> = doc
        .lines()
        .filter(|l| l.starts_with("warning: betterleaks.toml:"))
        .collect();
    assert!(shown.len() >= 4, "docs/secrets.md shows the load warnings");
    for line in shown {
        assert!(
            warnings.lines().any(|w| w == line),
            "docs/secrets.md: {line}\nactual:\n{warnings}"
        );
    }
}

#[test]
fn every_secret_betterleaks_reports_with_its_configuration_opsguard_reports_too() {
    let repo = TestRepo::new();
    let files = planted_files();
    let blobs: Vec<(&str, Option<&[u8]>)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), Some(text.as_bytes())))
        .collect();
    repo.commit("dev", "configuration", &blobs);
    let dir = tempfile::tempdir().unwrap();
    let config = betterleaks_config(dir.path());
    let report = dir.path().join("betterleaks.json");
    let out = Command::new(betterleaks())
        .arg("git")
        .arg(repo.path())
        .args(["--no-banner", "--no-color", "--exit-code", "0", "-c"])
        .arg(&config)
        .arg("-o")
        .arg(&report)
        .output()
        .expect("betterleaks runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let their_secrets: Vec<String> = theirs["findings"]
        .as_array()
        .expect("a findings array")
        .iter()
        .map(|f| {
            f["match"]["value"]
                .as_str()
                .expect("a match value")
                .to_string()
        })
        .collect();
    assert!(
        their_secrets.len() >= 10,
        "Betterleaks found only {their_secrets:?}"
    );

    let out = opsguard(
        repo.path(),
        &[
            "secrets",
            "scan",
            ".",
            "--rules",
            config.to_str().unwrap(),
            "--format",
            "json",
            "--show-secrets",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let ours = json(&out);
    let our_secrets: Vec<&str> = ours["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["secret"].as_str().unwrap())
        .collect();
    let missed: Vec<&String> = their_secrets
        .iter()
        .filter(|s| !our_secrets.iter().any(|o| o.contains(s.trim())))
        .collect();
    assert!(
        missed.is_empty(),
        "opsguard misses {} of Betterleaks' {} secrets (lengths {:?})",
        missed.len(),
        their_secrets.len(),
        missed.iter().map(|s| s.len()).collect::<Vec<_>>()
    );
}
