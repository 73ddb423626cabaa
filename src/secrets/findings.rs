//! One finding per (rule, secret), however many places and commits it appears in.

use std::collections::HashMap;

use super::occurrence::Occurrence;

#[derive(Debug, Clone, PartialEq)]
pub struct SecretFinding {
    pub rule: usize,
    pub secret: String,
    /// Earliest commit first (history), else by path and line. The first is the one shown.
    pub occurrences: Vec<Occurrence>,
}

impl SecretFinding {
    pub fn first(&self) -> &Occurrence {
        &self.occurrences[0]
    }

    /// Still present at HEAD, when the scan knows (history scans).
    pub fn in_head(&self) -> Option<bool> {
        let known: Vec<bool> = self.occurrences.iter().filter_map(|o| o.in_head).collect();
        (!known.is_empty()).then(|| known.iter().any(|&b| b))
    }
}

pub fn group(occurrences: Vec<Occurrence>) -> Vec<SecretFinding> {
    let mut index: HashMap<(usize, String), usize> = HashMap::new();
    let mut findings: Vec<SecretFinding> = Vec::new();
    for occurrence in occurrences {
        let key = (occurrence.rule, occurrence.secret.clone());
        match index.get(&key) {
            Some(&i) => findings[i].occurrences.push(occurrence),
            None => {
                index.insert(key, findings.len());
                findings.push(SecretFinding {
                    rule: occurrence.rule,
                    secret: occurrence.secret.clone(),
                    occurrences: vec![occurrence],
                });
            }
        }
    }
    for finding in &mut findings {
        finding.occurrences.sort_by(|a, b| {
            let time = |o: &Occurrence| o.commit.as_ref().map_or(i64::MAX, |c| c.time);
            (time(a), &a.path, a.line, a.column).cmp(&(time(b), &b.path, b.line, b.column))
        });
        finding
            .occurrences
            .dedup_by(|a, b| a.path == b.path && a.line == b.line && a.commit == b.commit);
    }
    findings.sort_by(|a, b| {
        let (x, y) = (a.first(), b.first());
        (&x.path, x.line, x.column, a.rule).cmp(&(&y.path, y.line, y.column, b.rule))
    });
    findings
}
