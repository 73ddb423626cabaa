//! Allowlists with gitleaks' semantics: criteria are commits, path regexes, regexes on the
//! secret / match / line, and stopwords; `OR` (default) allows when any holds, `AND` when
//! every criterion given holds.

use regex::bytes::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegexTarget {
    Secret,
    Match,
    Line,
}

#[derive(Debug, Clone)]
pub struct Allowlist {
    pub description: Option<String>,
    pub all_of: bool,
    pub commits: Vec<String>,
    pub paths: Vec<Regex>,
    pub target: RegexTarget,
    pub regexes: Vec<Regex>,
    /// Lowercase.
    pub stopwords: Vec<String>,
    /// Global allowlists: the rules they apply to; empty means all.
    pub target_rules: Vec<String>,
}

/// What an allowlist looks at for one candidate.
pub struct Candidate<'a> {
    pub path: &'a str,
    pub commit: Option<&'a str>,
    pub secret: &'a [u8],
    pub matched: &'a [u8],
    pub line: &'a [u8],
}

impl Allowlist {
    pub fn applies_to(&self, rule_id: &str) -> bool {
        self.target_rules.is_empty() || self.target_rules.iter().any(|r| r == rule_id)
    }

    pub fn allows(&self, c: &Candidate) -> bool {
        let mut checks: Vec<bool> = Vec::with_capacity(4);
        if !self.commits.is_empty() {
            checks.push(c.commit.is_some_and(|commit| {
                self.commits
                    .iter()
                    .any(|a| a.len() >= 7 && commit.starts_with(a.as_str()) || a == commit)
            }));
        }
        if !self.paths.is_empty() {
            checks.push(self.paths.iter().any(|p| p.is_match(c.path.as_bytes())));
        }
        if !self.regexes.is_empty() {
            let haystack = match self.target {
                RegexTarget::Secret => c.secret,
                RegexTarget::Match => c.matched,
                RegexTarget::Line => c.line,
            };
            checks.push(self.regexes.iter().any(|r| r.is_match(haystack)));
        }
        if !self.stopwords.is_empty() {
            let secret = String::from_utf8_lossy(c.secret).to_ascii_lowercase();
            checks.push(self.stopwords.iter().any(|w| secret.contains(w.as_str())));
        }
        if checks.is_empty() {
            return false;
        }
        if self.all_of {
            checks.iter().all(|&b| b)
        } else {
            checks.iter().any(|&b| b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(all_of: bool) -> Allowlist {
        Allowlist {
            description: None,
            all_of,
            commits: vec!["deadbeefcafe".into()],
            paths: vec![Regex::new(r"_test\.go$").unwrap()],
            target: RegexTarget::Secret,
            regexes: vec![Regex::new("^EXAMPLE").unwrap()],
            stopwords: vec!["dummy".into()],
            target_rules: vec![],
        }
    }

    fn candidate<'a>(path: &'a str, secret: &'a [u8]) -> Candidate<'a> {
        Candidate {
            path,
            commit: None,
            secret,
            matched: secret,
            line: secret,
        }
    }

    #[test]
    fn or_allows_when_any_criterion_holds() {
        assert!(list(false).allows(&candidate("a_test.go", b"real")));
        assert!(list(false).allows(&candidate("a.go", b"EXAMPLEKEY")));
        assert!(list(false).allows(&candidate("a.go", b"myDummyKey")));
        assert!(!list(false).allows(&candidate("a.go", b"real")));
    }

    #[test]
    fn and_needs_every_criterion() {
        let mut l = list(true);
        l.commits.clear();
        l.regexes.clear();
        assert!(l.allows(&candidate("a_test.go", b"dummy-value")));
        assert!(!l.allows(&candidate("a.go", b"dummy-value")));
        assert!(!l.allows(&candidate("a_test.go", b"real")));
    }

    #[test]
    fn commits_match_by_prefix() {
        let l = list(false);
        let mut c = candidate("a.go", b"real");
        c.commit = Some("deadbeefcafe0123456789");
        assert!(l.allows(&c));
    }
}
