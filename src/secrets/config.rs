//! `[secrets]` in `opsguard.toml`.

use serde::Deserialize;

/// ```toml
/// [secrets]
/// rules = ".gitleaks.toml"        # a gitleaks config or an opsguard pack
/// baseline = "secrets-baseline.json"
/// max_blob_size = "10MiB"
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
    /// Bytes, or a size such as `"10MiB"`.
    #[serde(default)]
    pub max_blob_size: Option<toml::Value>,
}
