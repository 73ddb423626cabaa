//! Accepted findings: opsguard's baseline (sorted fingerprints, no timestamps, so it merges
//! cleanly) and gitleaks' `.gitleaksignore` (`commit:path:rule:line` or `path:rule:line`).

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::report::BaselineKind;

pub const KIND: &str = "opsguard-secrets-baseline";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule_id: String,
    /// Where it was first seen, for the reader; matching uses the fingerprint only.
    pub path: String,
}

const FORMAT: BaselineKind = BaselineKind {
    kind: KIND,
    items: "findings",
    domain: "secrets",
};

pub fn render(mut entries: Vec<Entry>) -> String {
    entries.sort();
    entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    FORMAT.render(entries)
}

pub fn parse(text: &str, path: &Path) -> Result<Vec<Entry>> {
    FORMAT.parse(text, path)
}

/// `.gitleaksignore`: one gitleaks fingerprint (or opsguard fingerprint) a line; `#`
/// comments.
pub fn parse_gitleaksignore(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// gitleaks' fingerprint of one occurrence.
pub fn gitleaks_fingerprint(
    commit: Option<&str>,
    path: &str,
    rule_id: &str,
    line: usize,
) -> String {
    match commit {
        Some(c) => format!("{c}:{path}:{rule_id}:{line}"),
        None => format!("{path}:{rule_id}:{line}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_sorted_without_duplicates() {
        let e = |fp: &str| Entry {
            fingerprint: fp.into(),
            rule_id: "r".into(),
            path: "p".into(),
        };
        let text = render(vec![e("b"), e("a"), e("a")]);
        let parsed = parse(&text, Path::new("b.json")).unwrap();
        assert_eq!(
            parsed
                .iter()
                .map(|e| e.fingerprint.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert!(!text.contains("202"), "no timestamps");
    }

    #[test]
    fn gitleaksignore_lines() {
        let set = parse_gitleaksignore(
            "# comment\n\nabc123:a/b.py:generic-api-key:12\nc.py:aws-access-key-id:3\n",
        );
        assert!(set.contains(&gitleaks_fingerprint(
            Some("abc123"),
            "a/b.py",
            "generic-api-key",
            12
        )));
        assert!(set.contains(&gitleaks_fingerprint(None, "c.py", "aws-access-key-id", 3)));
        assert_eq!(set.len(), 2);
    }
}
