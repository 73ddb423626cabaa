//! The README and docs/ as a newcomer meets them: every relative link and anchor leads
//! somewhere, the README stays short, and its examples print what opsguard prints.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

use crate::common::*;

fn documents() -> Vec<PathBuf> {
    let root = repo_root();
    let mut docs = vec![root.join("README.md")];
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 7, "{pages:?}");
    docs.extend(pages);
    docs
}

/// Markdown lines outside fenced code blocks.
fn prose(text: &str) -> Vec<&str> {
    let mut fenced = false;
    text.lines()
        .filter(|line| {
            if line.starts_with("```") {
                fenced = !fenced;
                return false;
            }
            !fenced
        })
        .collect()
}

/// The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces
/// as hyphens, a repeated heading numbered.
fn anchors(text: &str) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    prose(text)
        .into_iter()
        .filter_map(|line| line.strip_prefix('#'))
        .map(|heading| {
            let slug: String = heading
                .trim_start_matches('#')
                .trim()
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
                .map(|c| if c == ' ' { '-' } else { c })
                .collect();
            let count = seen.entry(slug.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                slug
            } else {
                format!("{slug}-{}", *count - 1)
            }
        })
        .collect()
}

/// `(target)` of every `[text](target)` in the prose of `text`.
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in prose(text) {
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            out.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    out
}

#[test]
fn every_relative_link_and_anchor_resolves() {
    let mut checked = 0;
    let mut broken = Vec::new();
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        for link in links(&text) {
            if link.starts_with("http://") || link.starts_with("https://") {
                continue;
            }
            checked += 1;
            let (path, anchor) = match link.split_once('#') {
                Some((path, anchor)) => (path, Some(anchor)),
                None => (link.as_str(), None),
            };
            let target = if path.is_empty() {
                doc.clone()
            } else {
                doc.parent().unwrap().join(path)
            };
            if !target.exists() {
                broken.push(format!("{}: {link}: no such file", doc.display()));
                continue;
            }
            if let Some(anchor) = anchor {
                let page = std::fs::read_to_string(&target).unwrap();
                if !anchors(&page).iter().any(|a| a == anchor) {
                    broken.push(format!("{}: {link}: no such heading", doc.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    assert!(checked > 40, "only {checked} links checked");
}

#[test]
fn anchors_follow_github() {
    assert_eq!(
        anchors("# `opsguard.toml`\n## Drift: dev, staging and prod\n## Exit status\n## Exit status\n```\n# not a heading\n```\n"),
        [
            "opsguardtoml",
            "drift-dev-staging-and-prod",
            "exit-status",
            "exit-status-1"
        ]
    );
}

#[test]
fn the_readme_is_short_with_a_table_of_contents() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let lines = readme.lines().count();
    assert!((100..250).contains(&lines), "README.md has {lines} lines");
    let contents = links(&readme)
        .into_iter()
        .filter(|l| l.starts_with('#'))
        .count();
    let sections = prose(&readme)
        .iter()
        .filter(|l| l.starts_with("## "))
        .count();
    assert_eq!(contents, sections, "one contents entry per section");
}

/// The excerpt of the README's drift example: each run of lines between `…` lines is
/// printed as is by the command the example names.
#[test]
fn the_readme_drift_example_is_what_drift_prints() {
    let out = opsguard_with_env(
        &repo_root().join("fixtures/drift"),
        &["drift", "check"],
        &[("COLUMNS", "80")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let printed = stdout(&out);
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let example = example_after(
        &readme,
        "$ cd fixtures/drift && COLUMNS=80 opsguard drift check",
    );
    let pieces: Vec<&str> = example.split("…\n").collect();
    assert!(pieces.len() >= 3, "{example}");
    for piece in pieces {
        assert!(!piece.trim().is_empty());
        assert!(
            printed.contains(piece),
            "README piece:\n{piece}\nprinted:\n{printed}"
        );
    }
}

/// The README's secrets example, replayed with the same names and dates: git gives the
/// same commit ids, and opsguard must print the same table.
#[test]
fn the_readme_secrets_example_is_what_secrets_prints() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str], date: &str| {
        let status = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env("GIT_AUTHOR_NAME", "Dana")
            .env("GIT_AUTHOR_EMAIL", "dana@example.com")
            .env("GIT_COMMITTER_NAME", "Dana")
            .env("GIT_COMMITTER_EMAIL", "dana@example.com")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("$ echo 'GITHUB_TOKEN="))
        .expect("the example's first line");
    let content = line
        .trim_start_matches("$ echo '")
        .split('\'')
        .next()
        .unwrap();
    git(&["init", "-q", "-b", "main"], "2026-11-30T10:00:00Z");
    std::fs::write(dir.path().join(".env"), format!("{content}\n")).unwrap();
    git(&["add", ".env"], "2026-11-30T10:00:00Z");
    git(&["commit", "-qm", "quick test"], "2026-11-30T10:00:00Z");
    git(&["rm", "-q", ".env"], "2026-11-30T10:05:00Z");
    git(&["commit", "-qm", "remove .env"], "2026-11-30T10:05:00Z");
    let out = opsguard_with_env(dir.path(), &["secrets", "scan"], &[("COLUMNS", "80")]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let example = example_after(&readme, "$ COLUMNS=80 opsguard secrets scan");
    assert_eq!(stdout(&out), example);
}

/// The lines after `command` in a console block, up to the block's end.
fn example_after(text: &str, command: &str) -> String {
    let start = text.find(command).unwrap_or_else(|| panic!("{command}")) + command.len() + 1;
    let end = start + text[start..].find("```").unwrap();
    text[start..end].to_string()
}

/// Every long option of every command, as `--help` lists it, appears in the README or
/// docs/.
#[test]
fn every_flag_is_documented() {
    let docs: String = documents()
        .iter()
        .map(|d| std::fs::read_to_string(d).unwrap())
        .collect();
    let mut missing = Vec::new();
    let mut seen = 0;
    let mut pending: Vec<Vec<String>> = vec![Vec::new()];
    while let Some(path) = pending.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = opsguard(&repo_root(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
        let help = stdout(&out);
        let mut in_commands = false;
        for line in help.lines() {
            if line == "Commands:" {
                in_commands = true;
                continue;
            }
            if in_commands {
                match line
                    .strip_prefix("  ")
                    .and_then(|l| l.split_whitespace().next())
                {
                    Some(name) if !line.starts_with("   ") && name != "help" => {
                        let mut sub = path.clone();
                        sub.push(name.to_string());
                        pending.push(sub);
                    }
                    _ if line.is_empty() => in_commands = false,
                    _ => {}
                }
                continue;
            }
            // `  -o, --output <PATH>` or `      --format <FORMAT>`: the option's own words,
            // before its description.
            let head = line.trim_start();
            if !line.starts_with("  ") || !head.starts_with('-') {
                continue;
            }
            let Some(at) = head.split("  ").next().and_then(|h| h.find("--")) else {
                continue;
            };
            let name: String = head[at + 2..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if name.is_empty() {
                continue;
            }
            seen += 1;
            if !docs.contains(&format!("--{name}")) {
                missing.push(format!("opsguard {} --{name}", path.join(" ")));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "undocumented:\n{}", missing.join("\n"));
    assert!(seen > 100, "only {seen} options seen");
}
