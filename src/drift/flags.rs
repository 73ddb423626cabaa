//! Stale feature flags: flags set the same way everywhere for months (removal candidates),
//! rollouts stuck on in a lower environment and off in production, and flags some
//! environments lack. Pure: environments and the dates of the lines that set each value in,
//! verdicts out. The dates come from `history` (git blame).

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::compare::{group_documents, production_index, Environment};
use super::flatten::{flatten, LeafValue};
use super::policy::{glob_match, Policy};
use super::sensitive::display_value;
use super::tree::ScalarKind;
use crate::date::Date;
use crate::report::{Redactor, Severity};

/// Where flags live unless `[drift.flags] prefixes` says otherwise.
pub const DEFAULT_PATTERNS: &[&str] = &["features.*", "flags.*", "feature_flags.*", "FEATURE_*"];

/// Flags older than this are reported unless `--older-than` says otherwise.
pub const DEFAULT_OLDER_THAN_DAYS: i64 = 90;

#[derive(Debug, Clone)]
pub struct FlagOptions {
    /// Globs over key paths (`*` crosses dots; case does not count).
    pub patterns: Vec<String>,
    pub older_than_days: i64,
    pub today: Date,
    pub redactor: Redactor,
}

/// One line of one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineRef {
    pub file: Arc<str>,
    pub line: u32,
}

impl std::fmt::Display for LineRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// The last change to a line, as `git blame` tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChange {
    pub date: Date,
    /// Abbreviated commit id; `None` when the line is not committed yet.
    pub commit: Option<String>,
    pub author: String,
    pub email: String,
}

/// A flag's setting in one environment.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    /// As written (for comparing); never shown.
    text: String,
    /// As shown: masked where secret.
    pub shown: String,
    pub at: LineRef,
}

/// A flag: its key and its setting per environment (`None`: not set there).
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub key: String,
    pub settings: Vec<Option<Setting>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagKind {
    /// The same value in every environment for longer than the limit.
    Stale,
    /// On in a lower environment, off in production, for longer than the limit.
    StuckRollout,
    /// Set in some environments only.
    Partial,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Stale => "stale",
            FlagKind::StuckRollout => "stuck_rollout",
            FlagKind::Partial => "partial",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlagFinding {
    pub kind: FlagKind,
    pub severity: Severity,
    pub key: String,
    pub settings: Vec<Option<Setting>>,
    /// The line whose change started the current state: the newest of the lines involved.
    pub decided_by: LineRef,
    pub change: LineChange,
    /// Days since `change`.
    pub age_days: i64,
    pub detail: String,
}

#[derive(Debug, Clone, Default)]
pub struct FlagReport {
    pub envs: Vec<String>,
    pub flags_found: usize,
    pub findings: Vec<FlagFinding>,
}

/// Whether `path` names a flag: under one of the patterns, or covered by a policy rule with
/// `flag = true`. `.`, `_` and `-` are one separator here, so `features.*` also finds the
/// `.env` spelling `FEATURES_NEW_SEARCH`, and `FEATURE_*` finds `feature.x`.
fn is_flag(path: &str, patterns: &[String], policy: &Policy) -> bool {
    let path_form = one_separator(path);
    patterns
        .iter()
        .any(|p| glob_match(p.as_bytes(), path_form.as_bytes()))
        || policy.marks_flag(path)
}

/// `_` and `-` written as `.`, for [`is_flag`].
fn one_separator(text: &str) -> String {
    text.replace(['_', '-'], ".")
}

/// Every flag of the environments, matched across them as `drift check` matches keys: a key
/// is a flag when its path in any environment is. Null means unset, as in `check`.
pub fn collect(envs: &[Environment], policy: &Policy, options: &FlagOptions) -> Vec<Flag> {
    // Patterns in their one-separator form once, not once per key.
    let patterns: Vec<String> = options.patterns.iter().map(|p| one_separator(p)).collect();
    let mut flags: Vec<Flag> = Vec::new();
    let mut flagged: Vec<bool> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    for (label, docs) in group_documents(envs) {
        for (env, doc) in docs.iter().enumerate() {
            let Some(doc) = doc else { continue };
            let flat = flatten(&doc.root, "");
            for (leaf, key) in flat.leaves.iter().zip(&flat.keys) {
                let LeafValue::Scalar(scalar) = &leaf.value else {
                    continue;
                };
                if scalar.kind == ScalarKind::Null {
                    continue;
                }
                let shown_key = match &label {
                    Some(l) => format!("{l}.{}", leaf.path),
                    None => leaf.path.clone(),
                };
                let id = format!("{}\u{0}{key}", label.as_deref().unwrap_or(""));
                let slot = *index.entry(id).or_insert_with(|| {
                    flags.push(Flag {
                        key: shown_key,
                        settings: vec![None; envs.len()],
                    });
                    flagged.push(false);
                    flags.len() - 1
                });
                flagged[slot] |= is_flag(&leaf.path, &patterns, policy);
                let shown = if scalar.sensitive {
                    options.redactor.mask(&scalar.text)
                } else {
                    display_value(&leaf.path, &scalar.text, &options.redactor)
                };
                flags[slot].settings[env] = Some(Setting {
                    text: scalar.text.clone(),
                    shown,
                    at: LineRef {
                        file: Arc::clone(&leaf.origin.file),
                        line: leaf.origin.line,
                    },
                });
            }
        }
    }
    flags
        .into_iter()
        .zip(flagged)
        .filter_map(|(flag, is)| is.then_some(flag))
        .collect()
}

/// The lines whose last change dates the flags.
pub fn lines_to_date(flags: &[Flag]) -> BTreeSet<LineRef> {
    flags
        .iter()
        .flat_map(|f| f.settings.iter().flatten().map(|s| s.at.clone()))
        .collect()
}

/// On, off, or a value that is neither (a percentage, a variant name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    On,
    Off,
    Other,
}

fn state(text: &str) -> State {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" | "enabled" | "enable" => State::On,
        "false" | "off" | "no" | "0" | "disabled" | "disable" => State::Off,
        _ => State::Other,
    }
}

/// Two settings mean the same: the same state, or the same text where they are neither on
/// nor off.
fn same(a: &str, b: &str) -> bool {
    match (state(a), state(b)) {
        (State::Other, State::Other) => a.trim() == b.trim(),
        (x, y) => x == y,
    }
}

pub fn judge(
    envs: &[String],
    flags: Vec<Flag>,
    changes: &HashMap<LineRef, LineChange>,
    options: &FlagOptions,
) -> FlagReport {
    let prod = production_index(envs);
    let mut report = FlagReport {
        envs: envs.to_vec(),
        flags_found: flags.len(),
        findings: Vec::new(),
    };
    let newest = |lines: &[&LineRef]| newest_change(changes, lines);
    let age = |change: &LineChange| age_days(options.today, change);
    for flag in flags {
        let present: Vec<&Setting> = flag.settings.iter().flatten().collect();
        let Some(first) = present.first() else {
            continue;
        };
        let lines: Vec<&LineRef> = present.iter().map(|s| &s.at).collect();
        let verdict = if present.len() < flag.settings.len() {
            let missing: Vec<&str> = envs
                .iter()
                .zip(&flag.settings)
                .filter(|(_, s)| s.is_none())
                .map(|(e, _)| e.as_str())
                .collect();
            newest(&lines).map(|(at, change)| {
                let days = age(&change);
                let old = days >= options.older_than_days;
                (
                    FlagKind::Partial,
                    if old {
                        Severity::Warning
                    } else {
                        Severity::Note
                    },
                    at,
                    change,
                    format!(
                        "not set in {}; set elsewhere for {}",
                        missing.join(", "),
                        days_text(days)
                    ),
                )
            })
        } else if present.iter().all(|s| same(&s.text, &first.text)) {
            newest(&lines)
                .filter(|(_, c)| age(c) >= options.older_than_days)
                .map(|(at, change)| {
                    let days = age(&change);
                    (
                        FlagKind::Stale,
                        Severity::Warning,
                        at,
                        change,
                        format!(
                            "`{}` in every environment for {}: a candidate for removal, with the code path it guards",
                            first.shown,
                            days_text(days)
                        ),
                    )
                })
        } else {
            stuck_rollout(envs, &flag, prod, changes, options)
        };
        if let Some((kind, severity, decided_by, change, detail)) = verdict {
            let age_days = age(&change);
            report.findings.push(FlagFinding {
                kind,
                severity,
                key: flag.key,
                settings: flag.settings,
                decided_by,
                change,
                age_days,
                detail,
            });
        }
    }
    report
        .findings
        .sort_by(|a, b| b.age_days.cmp(&a.age_days).then_with(|| a.key.cmp(&b.key)));
    report
}

type Verdict = (FlagKind, Severity, LineRef, LineChange, String);

/// The newest change among `lines`: the state they make up has held since then.
fn newest_change(
    changes: &HashMap<LineRef, LineChange>,
    lines: &[&LineRef],
) -> Option<(LineRef, LineChange)> {
    lines
        .iter()
        .filter_map(|l| changes.get(*l).map(|c| ((*l).clone(), c.clone())))
        .max_by_key(|(_, c)| c.date)
}

fn age_days(today: Date, change: &LineChange) -> i64 {
    today.days_since_epoch() - change.date.days_since_epoch()
}

/// On in an environment listed before production and off in production, both for longer
/// than the limit.
fn stuck_rollout(
    envs: &[String],
    flag: &Flag,
    prod: usize,
    changes: &HashMap<LineRef, LineChange>,
    options: &FlagOptions,
) -> Option<Verdict> {
    let prod_setting = flag.settings.get(prod)?.as_ref()?;
    if state(&prod_setting.text) != State::Off {
        return None;
    }
    let on: Vec<(usize, &Setting)> = flag.settings[..prod]
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.as_ref().map(|s| (i, s)))
        .filter(|(_, s)| state(&s.text) == State::On)
        .collect();
    // The lower environment that has been on longest decides.
    let (lower, since) = on
        .iter()
        .filter_map(|(i, s)| newest_change(changes, &[&s.at, &prod_setting.at]).map(|n| (*i, n)))
        .min_by_key(|(_, (_, c))| c.date)?;
    let (at, change) = since;
    let days = age_days(options.today, &change);
    (days >= options.older_than_days).then(|| {
        (
            FlagKind::StuckRollout,
            Severity::Warning,
            at,
            change,
            format!(
                "on in {} and off in {} for {}: finish the rollout or remove the flag",
                envs[lower],
                envs[prod],
                days_text(days)
            ),
        )
    })
}

fn days_text(days: i64) -> String {
    match days {
        0 => "less than a day".to_string(),
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    }
}

/// `90d`, `12w`, `6mo`, `1y` (365 days), or a bare number of days.
pub fn parse_age(text: &str) -> Option<i64> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let n: i64 = number.parse().ok()?;
    let per = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "d" | "day" | "days" => 1,
        "w" | "week" | "weeks" => 7,
        "mo" | "month" | "months" => 30,
        "y" | "year" | "years" => 365,
        _ => return None,
    };
    n.checked_mul(per)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::formats::{parse, Format};

    fn env(name: &str, yaml: &str) -> Environment {
        let file: Arc<str> = Arc::from(format!("{name}.yaml").as_str());
        let parsed = parse(yaml, &file, Format::Yaml).unwrap();
        Environment {
            name: name.to_string(),
            documents: parsed.documents,
            duplicates: parsed.duplicates,
        }
    }

    fn options() -> FlagOptions {
        FlagOptions {
            patterns: DEFAULT_PATTERNS.iter().map(|p| p.to_string()).collect(),
            older_than_days: 90,
            today: Date::new(2026, 12, 1).unwrap(),
            redactor: Redactor::hiding(),
        }
    }

    /// Every line of every file changed `days` before `options().today`.
    fn dated(flags: &[Flag], days: impl Fn(&LineRef) -> i64) -> HashMap<LineRef, LineChange> {
        let today = options().today.days_since_epoch();
        lines_to_date(flags)
            .into_iter()
            .map(|l| {
                let change = LineChange {
                    date: Date::from_days_since_epoch(today - days(&l)),
                    commit: Some("abc1234".into()),
                    author: "Dana".into(),
                    email: "dana@example.com".into(),
                };
                (l, change)
            })
            .collect()
    }

    fn run(envs: &[Environment], days: impl Fn(&LineRef) -> i64) -> FlagReport {
        let names: Vec<String> = envs.iter().map(|e| e.name.clone()).collect();
        let flags = collect(envs, &Policy::default(), &options());
        let changes = dated(&flags, days);
        judge(&names, flags, &changes, &options())
    }

    #[test]
    fn the_same_value_everywhere_for_long_is_a_removal_candidate() {
        let envs = [
            env(
                "dev",
                "features:\n  old_checkout: true\n  new_search: true\nport: 1\n",
            ),
            env(
                "prod",
                "features:\n  old_checkout: on\n  new_search: true\nport: 2\n",
            ),
        ];
        let report = run(&envs, |l| if l.line == 2 { 400 } else { 30 });
        assert_eq!(report.flags_found, 2);
        assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
        let f = &report.findings[0];
        assert_eq!(
            (f.kind, f.key.as_str()),
            (FlagKind::Stale, "features.old_checkout")
        );
        assert_eq!(f.age_days, 400);
    }

    #[test]
    fn the_newest_line_dates_the_state() {
        let envs = [
            env("dev", "features:\n  x: true\n"),
            env("prod", "features:\n  x: true\n"),
        ];
        let report = run(&envs, |l| if l.file.starts_with("prod") { 30 } else { 400 });
        assert!(report.findings.is_empty(), "{:?}", report.findings);
    }

    #[test]
    fn on_below_and_off_in_production_is_a_stuck_rollout() {
        let envs = [
            env("dev", "features:\n  x: true\n"),
            env("staging", "features:\n  x: true\n"),
            env("prod", "features:\n  x: false\n"),
        ];
        let report = run(&envs, |_| 120);
        assert_eq!(report.findings.len(), 1);
        let f = &report.findings[0];
        assert_eq!(f.kind, FlagKind::StuckRollout);
        assert!(
            f.detail.contains("on in dev and off in prod for 120 days"),
            "{}",
            f.detail
        );
        let young = run(&envs, |_| 30);
        assert!(young.findings.is_empty());
    }

    #[test]
    fn a_flag_some_environments_lack_is_partial_whatever_its_age() {
        let envs = [
            env("dev", "FEATURE_X: \"true\"\n"),
            env("prod", "other: 1\n"),
        ];
        let young = run(&envs, |_| 30);
        assert_eq!(young.findings.len(), 1);
        assert_eq!(young.findings[0].kind, FlagKind::Partial);
        assert_eq!(young.findings[0].severity, Severity::Note);
        let old = run(&envs, |_| 400);
        assert_eq!(old.findings[0].severity, Severity::Warning);
        assert!(old.findings[0].detail.contains("not set in prod"));
    }

    #[test]
    fn null_is_unset_and_other_keys_are_not_flags() {
        let envs = [
            env("dev", "features:\n  x: ~\nfeaturesque: 1\n"),
            env("prod", "features: {}\nfeaturesque: 1\n"),
        ];
        assert!(run(&envs, |_| 400).findings.is_empty());
    }

    #[test]
    fn env_spellings_of_a_flag_meet_its_yaml_key() {
        let dotenv: Arc<str> = Arc::from("prod.env");
        let parsed = parse(
            "FEATURES_OLD_CHECKOUT=true\nFEATURED_PRODUCTS=4\n",
            &dotenv,
            Format::Dotenv,
        )
        .unwrap();
        let prod = Environment {
            name: "prod".into(),
            documents: parsed.documents,
            duplicates: parsed.duplicates,
        };
        let envs = [
            env(
                "dev",
                "features:\n  old_checkout: true\nfeatured_products: 4\n",
            ),
            prod,
        ];
        let report = run(&envs, |_| 400);
        assert_eq!(report.flags_found, 1);
        assert_eq!(report.findings[0].kind, FlagKind::Stale);
        assert_eq!(report.findings[0].key, "features.old_checkout");
    }

    #[test]
    fn a_policy_rule_marks_more_keys_as_flags() {
        let policy = crate::drift::policy::parse(
            "[[rule]]\nid = \"toggles\"\npath = \"app.toggles.*\"\nflag = true\n",
            std::path::Path::new("p.toml"),
        )
        .unwrap();
        let envs = [
            env("dev", "app:\n  toggles:\n    x: true\n"),
            env("prod", "app:\n  toggles:\n    x: true\n"),
        ];
        let flags = collect(&envs, &policy, &options());
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].key, "app.toggles.x");
    }

    #[test]
    fn ages() {
        assert_eq!(parse_age("90d"), Some(90));
        assert_eq!(parse_age("90"), Some(90));
        assert_eq!(parse_age("2w"), Some(14));
        assert_eq!(parse_age("6mo"), Some(180));
        assert_eq!(parse_age("1y"), Some(365));
        assert_eq!(parse_age("soon"), None);
        assert_eq!(parse_age("9999999999999999999y"), None);
    }
}
