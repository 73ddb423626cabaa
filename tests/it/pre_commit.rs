//! The hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit framework (installed
//! from PyPI by `scripts/test`, pinned): a staged fake credential refuses the commit, and
//! the commit goes through once it is removed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::repo_root;
use crate::git_repo::github_token;

/// `OPSGUARD_PRE_COMMIT` (set by `scripts/test`), else the venv `scripts/test` creates.
fn pre_commit() -> PathBuf {
    crate::common::installed_test_tool(
        "OPSGUARD_PRE_COMMIT",
        "venv-pre-commit-4.7.0/bin/pre-commit",
    )
}

/// A command with the built opsguard first on PATH, pre-commit's cache in `home`, and a
/// fixed identity for commits.
fn command(program: &Path, dir: &Path, home: &Path) -> Command {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_opsguard")).parent().unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin_dir.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let mut command = Command::new(program);
    command
        .current_dir(dir)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", home.join("pre-commit"))
        .env("GIT_AUTHOR_NAME", "Ann")
        .env("GIT_AUTHOR_EMAIL", "ann@acme.test")
        .env("GIT_COMMITTER_NAME", "Ann")
        .env("GIT_COMMITTER_EMAIL", "ann@acme.test")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", home);
    command
}

fn run(program: &Path, dir: &Path, home: &Path, args: &[&str]) -> Output {
    command(program, dir, home).args(args).output().unwrap()
}

fn git(dir: &Path, home: &Path, args: &[&str]) -> String {
    let out = run(Path::new("git"), dir, home, args);
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_secrets_hook_refuses_a_staged_credential_and_allows_the_fix() {
    let home = tempfile::tempdir().unwrap();
    // pre-commit installs hooks from a git repository at a revision: one holding this
    // repository's hook definitions, as committed.
    let hooks = home.path().join("hooks");
    std::fs::create_dir(&hooks).unwrap();
    std::fs::copy(
        repo_root().join(".pre-commit-hooks.yaml"),
        hooks.join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    git(&hooks, home.path(), &["init", "-q"]);
    git(&hooks, home.path(), &["add", "."]);
    git(&hooks, home.path(), &["commit", "-q", "-m", "hooks"]);
    let rev = git(&hooks, home.path(), &["rev-parse", "HEAD"]);

    let work = home.path().join("work");
    std::fs::create_dir(&work).unwrap();
    git(&work, home.path(), &["init", "-q"]);
    let config = format!(
        "repos:\n  - repo: {}\n    rev: {}\n    hooks:\n      - id: opsguard-secrets-system\n",
        hooks.display(),
        rev.trim()
    );
    std::fs::write(work.join(".pre-commit-config.yaml"), config).unwrap();
    let install = run(&pre_commit(), &work, home.path(), &["install"]);
    assert!(install.status.success(), "{}", text(&install));
    git(&work, home.path(), &["add", ".pre-commit-config.yaml"]);
    git(&work, home.path(), &["commit", "-q", "-m", "pre-commit"]);

    let leak = format!("GITHUB_TOKEN={}\n", github_token(9));
    std::fs::write(work.join("app.env"), leak).unwrap();
    git(&work, home.path(), &["add", "app.env"]);
    let refused = run(
        Path::new("git"),
        &work,
        home.path(),
        &["commit", "-m", "leak"],
    );
    let output = text(&refused);
    assert!(!refused.status.success(), "{output}");
    assert!(output.contains("opsguard secrets"), "{output}");
    assert!(output.contains("Failed"), "{output}");
    assert!(output.contains("github-pat"), "{output}");
    assert!(output.contains("app.env"), "{output}");
    // The hook reports the leak without printing it.
    assert!(!output.contains(&github_token(9)), "{output}");

    std::fs::write(work.join("app.env"), "GITHUB_TOKEN=${GITHUB_TOKEN}\n").unwrap();
    git(&work, home.path(), &["add", "app.env"]);
    let allowed = run(
        Path::new("git"),
        &work,
        home.path(),
        &["commit", "-m", "fixed"],
    );
    let output = text(&allowed);
    assert!(allowed.status.success(), "{output}");
    assert!(output.contains("Passed"), "{output}");
    let log = git(&work, home.path(), &["log", "--format=%s"]);
    assert_eq!(log.lines().collect::<Vec<_>>(), ["fixed", "pre-commit"]);
}
