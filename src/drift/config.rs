//! `[drift]` in `opsguard.toml`.

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// ```toml
/// [drift]
/// policy = "drift-policy.toml"
/// baseline = "drift-baseline.json"
///
/// [drift.envs]
/// dev = "config/dev.yaml"
/// staging = ["config/base.yaml", "config/staging.env"]
/// prod = ["config/base.yaml", "config/prod.json"]
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
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnvList(pub Vec<(String, Vec<String>)>);

#[derive(Deserialize)]
#[serde(untagged)]
enum Files {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for EnvList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = EnvList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table of environment = file or [files]")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EnvList, A::Error> {
                let mut envs = Vec::new();
                while let Some((name, files)) = map.next_entry::<String, Files>()? {
                    let files = match files {
                        Files::One(f) => vec![f],
                        Files::Many(f) => f,
                    };
                    envs.push((name, files));
                }
                Ok(EnvList(envs))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
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
        assert_eq!(
            c.envs.0[0],
            ("prod".to_string(), vec!["p.json".to_string()])
        );
        assert_eq!(c.envs.0[1].1.len(), 2);
        assert_eq!(c.policy, ["x.toml"]);
    }

    #[test]
    fn a_standard_table_keeps_the_written_order() {
        let text = "[drift]\npolicy = \"p\"\n\n[drift.envs]\ndev = [\"a\"]\nstaging = [\"b\"]\nprod = [\"c\"]\n";
        let c: crate::config::Config = toml::from_str(text).unwrap();
        let names: Vec<_> = c.drift.envs.0.iter().map(|e| e.0.clone()).collect();
        assert_eq!(names, ["dev", "staging", "prod"]);
    }
}
