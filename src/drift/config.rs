//! `[drift]` in `opsguard.toml`.

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::formats::Format;

/// ```toml
/// [drift]
/// policy = "drift-policy.toml"
/// baseline = "drift-baseline.json"
///
/// [drift.envs]
/// dev = "config/dev.yaml"
/// staging = ["config/base.yaml", "config/staging.env"]
/// prod = { files = ["config/base.yaml", "config/prod.json"], format = "yaml" }
///
/// [drift.flags]
/// prefixes = ["features.*", "FEATURE_*"]
/// older_than = "90d"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DriftConfig {
    /// Environments in the order written (that is the column order).
    #[serde(default)]
    pub envs: EnvList,
    /// One policy file or several, applied in order.
    #[serde(default, deserialize_with = "one_or_many")]
    pub policy: Vec<String>,
    #[serde(default)]
    pub baseline: Option<String>,
    #[serde(default)]
    pub show_equivalent: bool,
    /// Tell an explicit `null` from an absent key (default: null means unset).
    #[serde(default)]
    pub strict_null: bool,
    /// Spring profiles active per environment (default: the environment's name).
    #[serde(default)]
    pub profiles: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub flags: FlagsConfig,
}

/// `[drift.flags]`: which keys are feature flags, and when one is old.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagsConfig {
    /// Globs over key paths (default: `features.*`, `flags.*`, `feature_flags.*`,
    /// `FEATURE_*`).
    #[serde(default)]
    pub prefixes: Option<Vec<String>>,
    /// `90d`, `12w`, `6mo`, `1y`, in days.
    #[serde(default, deserialize_with = "age_in_days")]
    pub older_than: Option<i64>,
}

fn age_in_days<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    let text = String::deserialize(deserializer)?;
    super::flags::parse_age(&text).map(Some).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{text}` is not an age such as 90d, 12w, 6mo or 1y"
        ))
    })
}

/// Environments in the order written (that is the column order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnvList(pub Vec<(String, EnvSpec)>);

/// One environment in `[drift.envs]`: `"file"`, `["files"…]`, or
/// `{ files = […], format = "properties", profiles = ["prod", "eu"] }`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvSpec {
    #[serde(deserialize_with = "one_or_many")]
    pub files: Vec<String>,
    /// Read this environment's files as this format, whatever their names say.
    #[serde(default)]
    pub format: Option<Format>,
    /// Spring profiles active in this environment (default: `[drift.profiles]`, else the
    /// environment's name).
    #[serde(default)]
    pub profiles: Option<Vec<String>>,
}

impl<'de> Deserialize<'de> for EnvList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = EnvList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table of environment = file, [files] or { files = … }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EnvList, A::Error> {
                let mut envs = Vec::new();
                while let Some((name, spec)) = map.next_entry::<String, OneEnv>()? {
                    envs.push((name, spec.0));
                }
                Ok(EnvList(envs))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

/// A visitor rather than an untagged enum, so that a bad `format` is reported as such, at
/// its own position, not as "did not match any variant".
struct OneEnv(EnvSpec);

impl<'de> Deserialize<'de> for OneEnv {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Spec;
        impl<'de> Visitor<'de> for Spec {
            type Value = OneEnv;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a file, a list of files, or a table with `files`")
            }
            fn visit_str<E: serde::de::Error>(self, file: &str) -> Result<OneEnv, E> {
                Ok(OneEnv(EnvSpec {
                    files: vec![file.to_string()],
                    ..EnvSpec::default()
                }))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<OneEnv, A::Error> {
                let files = Vec::<String>::deserialize(SeqAccessDeserializer::new(seq))?;
                Ok(OneEnv(EnvSpec {
                    files,
                    ..EnvSpec::default()
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OneEnv, A::Error> {
                EnvSpec::deserialize(MapAccessDeserializer::new(map)).map(OneEnv)
            }
        }
        deserializer.deserialize_any(Spec)
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Files {
    One(String),
    Many(Vec<String>),
}

fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    Ok(match Files::deserialize(deserializer)? {
        Files::One(f) => vec![f],
        Files::Many(f) => f,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envs_keep_their_order_and_accept_one_or_many_files() {
        let text =
            "envs = { prod = \"p.json\", dev = [\"b.yaml\", \"d.env\"] }\npolicy = \"x.toml\"\n";
        let c: DriftConfig = toml::from_str(text).unwrap();
        assert_eq!(c.envs.0[0].0, "prod");
        assert_eq!(c.envs.0[0].1.files, ["p.json"]);
        assert_eq!(c.envs.0[1].1.files.len(), 2);
        assert_eq!(c.policy, ["x.toml"]);
    }

    #[test]
    fn a_standard_table_keeps_the_written_order() {
        let text = "[drift]\npolicy = \"p\"\n\n[drift.envs]\ndev = [\"a\"]\nstaging = [\"b\"]\nprod = [\"c\"]\n";
        let c: crate::config::Config = toml::from_str(text).unwrap();
        let names: Vec<_> = c.drift.envs.0.iter().map(|e| e.0.clone()).collect();
        assert_eq!(names, ["dev", "staging", "prod"]);
    }

    #[test]
    fn an_environment_may_name_its_format_and_profiles() {
        let text = "[envs]\nprod = { files = \"p.conf\", format = \"properties\", profiles = [\"prod\", \"eu\"] }\n";
        let c: DriftConfig = toml::from_str(text).unwrap();
        let prod = &c.envs.0[0].1;
        assert_eq!(prod.files, ["p.conf"]);
        assert_eq!(prod.format, Some(Format::Properties));
        assert_eq!(
            prod.profiles.as_deref(),
            Some(&["prod".to_string(), "eu".to_string()][..])
        );
    }

    #[test]
    fn an_unknown_format_is_named_at_its_position() {
        let text = "[envs]\nprod = { files = \"p\", format = \"hcl\" }\n";
        let err = toml::from_str::<DriftConfig>(text).unwrap_err();
        assert!(err.message().contains("hcl"), "{}", err.message());
        assert!(err.message().contains("properties"), "{}", err.message());
        let span = err.span().expect("a position");
        assert_eq!(&text[span.start..span.start + 5], "\"hcl\"");
    }

    #[test]
    fn flag_ages_are_read_and_checked_where_written() {
        let c: DriftConfig = toml::from_str("[flags]\nolder_than = \"6mo\"\n").unwrap();
        assert_eq!(c.flags.older_than, Some(180));
        let text = "[flags]\nolder_than = \"soon\"\n";
        let err = toml::from_str::<DriftConfig>(text).unwrap_err();
        assert!(err.message().contains("not an age"), "{}", err.message());
        assert_eq!(err.span().map(|s| s.start), text.find("\"soon"));
    }
}
