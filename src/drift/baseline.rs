//! Accepted drift: a sorted, timestamp-free list of fingerprints, so the file diffs and
//! merges cleanly in review.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::report::BaselineKind;

pub const KIND: &str = "opsguard-drift-baseline";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub key: String,
    pub status: String,
    pub fingerprint: String,
}

const FORMAT: BaselineKind = BaselineKind {
    kind: KIND,
    items: "accepted",
    domain: "drift",
};

pub fn render(mut entries: Vec<Entry>) -> String {
    entries.sort();
    entries.dedup();
    FORMAT.render(entries)
}

/// The fingerprints a baseline accepts.
pub fn parse(text: &str, path: &Path) -> Result<HashSet<String>> {
    let entries: Vec<Entry> = FORMAT.parse(text, path)?;
    Ok(entries.into_iter().map(|e| e.fingerprint).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, fp: &str) -> Entry {
        Entry {
            key: key.into(),
            status: "differs".into(),
            fingerprint: fp.into(),
        }
    }

    #[test]
    fn sorted_and_round_trips() {
        let text = render(vec![entry("b", "2"), entry("a", "1"), entry("a", "1")]);
        assert!(text.find("\"a\"").unwrap() < text.find("\"b\"").unwrap());
        let set = parse(&text, Path::new("b.json")).unwrap();
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn junk_is_an_error_with_position() {
        let err = parse(
            "{\n  \"version\": 1,\n  \"oops\": 2\n}",
            Path::new("b.json"),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("b.json:3:"), "{err}");
    }
}
