//! `[secrets]` in `opsguard.toml`.

use serde::{Deserialize, Deserializer};

use crate::drift::units::parse_bytes;

/// ```toml
/// [secrets]
/// rules = ".gitleaks.toml"        # a gitleaks config or an opsguard pack
/// baseline = "secrets-baseline.json"
/// max_blob_size = "10MiB"         # or a number of bytes
/// cache = true                    # or a directory: keep history scans incremental
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretsConfig {
    /// Rules to use instead of the built-in ones (with `[extend] useDefault = true` to add
    /// to them).
    #[serde(default)]
    pub rules: Option<String>,
    #[serde(default)]
    pub baseline: Option<String>,
    /// In bytes; validated while the file is read, so a bad size names its line.
    #[serde(default, deserialize_with = "size")]
    pub max_blob_size: Option<u64>,
    /// `true` for the default place under the repository's git directory, or a directory.
    #[serde(default)]
    pub cache: Option<CacheSetting>,
    /// `secrets scan --verify` by default.
    #[serde(default)]
    pub verify: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged, expecting = "expected true, false or a directory path")]
pub enum CacheSetting {
    On(bool),
    Dir(String),
}

/// A size in bytes: a positive integer, or a string such as `"10MiB"` or `"500KB"`.
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    text.parse::<u64>()
        .ok()
        .or_else(|| parse_bytes(text).map(|b| b as u64))
        .filter(|&n| n > 0)
}

fn size<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Size {
        Bytes(u64),
        Text(String),
    }
    let invalid = || {
        serde::de::Error::custom("max_blob_size must be a number of bytes or a size like \"10MiB\"")
    };
    match Size::deserialize(deserializer).map_err(|_: D::Error| invalid())? {
        Size::Bytes(n) if n > 0 => Ok(Some(n)),
        Size::Bytes(_) => Err(invalid()),
        Size::Text(t) => parse_size(&t).map(Some).ok_or_else(invalid),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::parse;
    use std::path::Path;

    #[test]
    fn sizes_in_bytes_or_with_units() {
        let c = parse("[secrets]\nmax_blob_size = \"1MiB\"\n", Path::new("o.toml")).unwrap();
        assert_eq!(c.secrets.max_blob_size, Some(1_048_576));
        let c = parse("[secrets]\nmax_blob_size = 2048\n", Path::new("o.toml")).unwrap();
        assert_eq!(c.secrets.max_blob_size, Some(2048));
    }

    #[test]
    fn the_cache_is_on_off_or_a_directory() {
        use super::CacheSetting;
        let c = parse("[secrets]\ncache = true\n", Path::new("o.toml")).unwrap();
        assert_eq!(c.secrets.cache, Some(CacheSetting::On(true)));
        let c = parse("[secrets]\ncache = \"ci-cache\"\n", Path::new("o.toml")).unwrap();
        assert_eq!(c.secrets.cache, Some(CacheSetting::Dir("ci-cache".into())));
        let err = parse("[secrets]\ncache = 3\n", Path::new("o.toml")).unwrap_err();
        assert!(err.to_string().starts_with("o.toml:2:9:"), "{err}");
        assert!(
            err.to_string().contains("true, false or a directory path"),
            "{err}"
        );
    }

    #[test]
    fn a_bad_size_names_its_line() {
        let err = parse("[secrets]\nmax_blob_size = \"huge\"\n", Path::new("o.toml")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("o.toml:2:17: max_blob_size must be"),
            "{err}"
        );
    }
}
