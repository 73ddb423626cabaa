//! The envelope of a baseline file, shared by `drift baseline` and `secrets baseline`:
//! `{"version": 1, "kind": "…", "<items>": [sorted entries]}`, no timestamps, so the file
//! diffs and merges cleanly in review.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, SourcePos};

/// What one command's baseline files are called and hold.
pub struct BaselineKind {
    /// The `kind` member, e.g. `opsguard-drift-baseline`.
    pub kind: &'static str,
    /// The member that holds the entries (`accepted` for drift, `findings` for secrets).
    pub items: &'static str,
    /// For messages: `drift`, `secrets`.
    pub domain: &'static str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File<T> {
    version: u32,
    kind: String,
    #[serde(alias = "accepted", alias = "findings")]
    entries: Vec<T>,
}

impl BaselineKind {
    /// The file's text: entries sorted, as given otherwise (the caller deduplicates).
    pub fn render<T: Serialize + Ord>(&self, mut entries: Vec<T>) -> String {
        entries.sort();
        let mut object = serde_json::Map::new();
        object.insert("version".into(), 1.into());
        object.insert("kind".into(), self.kind.into());
        object.insert(
            self.items.into(),
            serde_json::to_value(entries).unwrap_or_default(),
        );
        let mut text = serde_json::to_string_pretty(&object).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The entries of a baseline file; anything else is an error at its line and column.
    pub fn parse<T: DeserializeOwned>(&self, text: &str, path: &Path) -> Result<Vec<T>> {
        let file: File<T> = serde_json::from_str(text).map_err(|e| {
            Error::input(
                SourcePos::new(path, e.line().max(1), Some(e.column().max(1))),
                format!(
                    "not a {} baseline: {}",
                    self.domain,
                    crate::error::serde_message(&e.to_string())
                ),
            )
            .with_hint(format!(
                "write one with `opsguard {} baseline -o FILE`",
                self.domain
            ))
        })?;
        if file.kind != self.kind || file.version != 1 {
            return Err(Error::input(
                SourcePos::new(path, 1, None),
                format!(
                    "not a {} baseline (kind `{}`, version {})",
                    self.domain, file.kind, file.version
                ),
            ));
        }
        Ok(file.entries)
    }
}
