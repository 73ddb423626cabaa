//! Rule packs as written: gitleaks v8 configuration read unchanged, plus opsguard's
//! additions (pack `name`/`version`, per-rule `severity`, `confidence`, `references`,
//! `examples` and `negative_examples`). Only syntax and positions here; `rules` compiles.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::config::from_toml;
use crate::error::Result;
use crate::report::Severity;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PackFile {
    /// gitleaks' name for a configuration.
    #[serde(default)]
    pub title: Option<String>,
    /// opsguard: the pack's name, e.g. `opsguard/cloud`.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub version: Option<toml::Value>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub extend: Option<ExtendSpec>,
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    /// gitleaks before 8.25: one global allowlist.
    #[serde(default)]
    pub allowlist: Option<AllowlistSpec>,
    /// gitleaks 8.25 and later: several, optionally aimed at some rules.
    #[serde(default)]
    pub allowlists: Vec<AllowlistSpec>,
    /// gitleaks and Betterleaks: the oldest version of theirs the file is written for.
    /// Says nothing about opsguard; accepted and passed over.
    #[serde(default)]
    pub min_version: Option<String>,
    #[serde(default)]
    pub betterleaks_min_version: Option<String>,
    /// Betterleaks: an expression on a file's attributes; true skips the file.
    #[serde(default)]
    pub prefilter: Option<Spanned<String>>,
    /// Betterleaks: an expression on every finding; true drops it.
    #[serde(default)]
    pub filter: Option<Spanned<String>>,
    /// opsguard: the only hosts this pack's `[rules.verify]` tables may contact.
    #[serde(default, rename = "verify_hosts")]
    pub verify_hosts: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ExtendSpec {
    /// Build on the built-in pack (gitleaks: its default configuration).
    #[serde(default)]
    pub use_default: bool,
    /// Build on another configuration file, relative to this one.
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub disabled_rules: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RuleSpec {
    pub id: Spanned<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub regex: Option<Spanned<String>>,
    #[serde(default)]
    pub secret_group: Option<usize>,
    #[serde(default)]
    pub entropy: Option<f64>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// A regex on the file path: the rule applies only there, or, without `regex`, the
    /// path itself is the finding (e.g. a `.p12` file).
    #[serde(default)]
    pub path: Option<Spanned<String>>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub allowlist: Option<AllowlistSpec>,
    #[serde(default)]
    pub allowlists: Vec<AllowlistSpec>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub references: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default, rename = "negative_examples", alias = "negativeExamples")]
    pub negative_examples: Vec<Example>,
    /// Betterleaks: an expression on each finding of this rule; true drops it.
    #[serde(default)]
    pub filter: Option<Spanned<String>>,
    /// Betterleaks: the group holding the value when `secretGroup` is not given.
    #[serde(default)]
    pub value_group: Option<usize>,
    /// Betterleaks: where findings of two rules overlap, the higher one is kept.
    #[serde(default)]
    pub specificity: Option<i32>,
    /// Betterleaks: the rule only feeds composite rules and is never reported itself.
    #[serde(default)]
    pub skip_report: bool,
    /// Betterleaks: an expression that asks the provider whether the secret is live.
    /// This and the fields below are read but not run; each is named in a load warning.
    #[serde(default)]
    pub validate: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub analyze: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub revoke: Option<Spanned<toml::Value>>,
    /// gitleaks: composite rules, reported only beside another rule's finding.
    #[serde(default)]
    pub required: Option<Spanned<toml::Value>>,
    /// Betterleaks' name for the same.
    #[serde(default)]
    pub components: Option<Spanned<toml::Value>>,
    /// Betterleaks: drops values that a language model's tokenizer reads as words.
    #[serde(default)]
    pub token_efficiency: Option<Spanned<toml::Value>>,
    /// opsguard: how `--verify` asks the provider whether the secret works.
    #[serde(default)]
    pub verify: Option<Spanned<super::verify::VerifyToml>>,
    /// opsguard: `false` for a value that is no secret by itself (an account ID) but that
    /// another rule's verifier needs beside its secret (`with`): matched, never reported.
    #[serde(default)]
    pub report: Option<bool>,
}

impl RuleSpec {
    /// `(field, position, what opsguard does instead)` for each field present that
    /// opsguard does not run.
    pub fn not_run(&self) -> Vec<(&'static str, usize, &'static str)> {
        const UNVERIFIED: &str =
            "opsguard verifies with its own `[rules.verify]` tables (`--verify`)";
        const COMPOSITE: &str = "composite rules are reported on their own match, without the companion rule's match nearby";
        [
            ("validate", &self.validate, UNVERIFIED),
            ("analyze", &self.analyze, UNVERIFIED),
            ("revoke", &self.revoke, "opsguard never revokes a secret"),
            ("required", &self.required, COMPOSITE),
            ("components", &self.components, COMPOSITE),
            ("tokenEfficiency", &self.token_efficiency, "values that read as words are not dropped by a tokenizer (opsguard's placeholder filter still applies)"),
        ]
        .into_iter()
        .filter_map(|(name, field, effect)| field.as_ref().map(|f| (name, f.span().start, effect)))
        .collect()
    }
}

/// An example for `rules check`: text, or text with the secret the rule must capture and
/// the path it is found at (for rules limited to some paths).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Example {
    Text(String),
    Detailed {
        text: String,
        #[serde(default)]
        secret: Option<String>,
        #[serde(default)]
        path: Option<String>,
    },
}

impl Example {
    pub fn text(&self) -> &str {
        match self {
            Example::Text(t) | Example::Detailed { text: t, .. } => t,
        }
    }

    pub fn secret(&self) -> Option<&str> {
        match self {
            Example::Detailed { secret, .. } => secret.as_deref(),
            Example::Text(_) => None,
        }
    }

    pub fn path(&self) -> &str {
        match self {
            Example::Detailed { path: Some(p), .. } => p,
            _ => "example.txt",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AllowlistSpec {
    #[serde(default)]
    pub description: Option<String>,
    /// `OR` (default): any criterion allows; `AND`: every criterion given must hold.
    #[serde(default)]
    pub condition: Option<String>,
    #[serde(default)]
    pub commits: Vec<String>,
    #[serde(default)]
    pub paths: Vec<Spanned<String>>,
    /// What `regexes` look at: `secret` (default), `match` or `line`.
    #[serde(default)]
    pub regex_target: Option<String>,
    #[serde(default)]
    pub regexes: Vec<Spanned<String>>,
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Global allowlists only: the rules it applies to (all when empty).
    #[serde(default)]
    pub target_rules: Vec<String>,
}

pub fn parse(text: &str, path: &Path) -> Result<PackFile> {
    from_toml(text, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gitleaks_config_parses_unchanged() {
        let text = r#"
title = "team config"
[extend]
useDefault = true
disabledRules = ["generic-api-key"]

[[rules]]
id = "internal-token"
description = "Internal service token"
regex = '''itk_([a-z0-9]{32})'''
secretGroup = 1
entropy = 3.5
keywords = ["itk_"]
path = '''\.go$'''
tags = ["internal"]
  [[rules.allowlists]]
  condition = "AND"
  regexTarget = "line"
  regexes = ['''test''']
  stopwords = ["example"]
  paths = ['''_test\.go$''']
  commits = ["abc123"]

[allowlist]
paths = ['''vendor/''']

[[allowlists]]
targetRules = ["internal-token"]
regexes = ['''itk_0{32}''']
"#;
        let pack = parse(text, Path::new(".gitleaks.toml")).unwrap();
        assert!(pack.extend.as_ref().unwrap().use_default);
        assert_eq!(pack.rules[0].secret_group, Some(1));
        assert_eq!(
            pack.rules[0].allowlists[0].regex_target.as_deref(),
            Some("line")
        );
        assert_eq!(pack.allowlists[0].target_rules, ["internal-token"]);
        assert!(pack.allowlist.is_some());
    }

    #[test]
    fn unknown_keys_point_at_the_line() {
        let err = parse(
            "[[rules]]\nid = \"x\"\nregexx = \"a\"\n",
            Path::new("p.toml"),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("p.toml:3:1: unknown field `regexx`"),
            "{err}"
        );
    }
}
