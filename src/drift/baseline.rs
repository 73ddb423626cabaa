//! Accepted drift: a sorted, timestamp-free list of fingerprints, so the file diffs and
//! merges cleanly in review.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, SourcePos};

pub const KIND: &str = "opsguard-drift-baseline";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub key: String,
    pub status: String,
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    kind: String,
    accepted: Vec<Entry>,
}

pub fn render(mut entries: Vec<Entry>) -> String {
    entries.sort();
    entries.dedup();
    let file = File {
        version: 1,
        kind: KIND.to_string(),
        accepted: entries,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// The fingerprints a baseline accepts.
pub fn parse(text: &str, path: &Path) -> Result<HashSet<String>> {
    let file: File = serde_json::from_str(text).map_err(|e| {
        Error::input(
            SourcePos::new(path, e.line().max(1), Some(e.column().max(1))),
            format!(
                "not a drift baseline: {}",
                crate::error::serde_message(&e.to_string())
            ),
        )
        .with_hint("write one with `opsguard drift baseline -o FILE`")
    })?;
    if file.kind != KIND || file.version != 1 {
        return Err(Error::input(
            SourcePos::new(path, 1, None),
            format!(
                "not a drift baseline (kind `{}`, version {})",
                file.kind, file.version
            ),
        ));
    }
    Ok(file.accepted.into_iter().map(|e| e.fingerprint).collect())
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
