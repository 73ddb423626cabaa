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
            (time(a), &a.path, a.line, a.column, commit_id(a)).cmp(&(
                time(b),
                &b.path,
                b.line,
                b.column,
                commit_id(b),
            ))
        });
        finding
            .occurrences
            .dedup_by(|a, b| a.path == b.path && a.line == b.line && a.commit == b.commit);
    }
    // Total, so the order never depends on which scanning thread finished first.
    findings.sort_by(|a, b| {
        let (x, y) = (a.first(), b.first());
        (&x.path, x.line, x.column, a.rule, &a.secret)
            .cmp(&(&y.path, y.line, y.column, b.rule, &b.secret))
    });
    findings
}

fn commit_id(o: &Occurrence) -> Option<&str> {
    o.commit.as_ref().map(|c| c.id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::occurrence::Commit;

    fn at(secret: &str, commit: &str) -> Occurrence {
        Occurrence {
            rule: 0,
            secret: secret.into(),
            path: "key.pem".into(),
            line: 1,
            column: 1,
            commit: Some(Commit {
                id: commit.into(),
                author: "A".into(),
                email: "a@x.test".into(),
                date: "2020-01-01T00:00:00Z".into(),
                time: 1_577_836_800,
            }),
            in_head: Some(false),
            entropy: 5.0,
            encoding: None,
        }
    }

    #[test]
    fn the_order_does_not_depend_on_the_order_hits_arrive_in() {
        // Two versions of one file, each with its own key at the same place, and one key
        // in two commits of the same second.
        let hits = vec![
            at("k2", "c2"),
            at("k1", "c1"),
            at("k1", "c0"),
            at("k2", "c3"),
        ];
        let mut reversed = hits.clone();
        reversed.reverse();
        let forward = group(hits);
        assert_eq!(forward, group(reversed));
        assert_eq!(forward[0].secret, "k1");
        assert_eq!(forward[0].first().commit.as_ref().unwrap().id, "c0");
    }
}
