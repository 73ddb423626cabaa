//! N-way comparison of environments: typed, unit-aware, with the policy applied. Pure:
//! parsed documents in, drift out.

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use super::flatten::{flatten, match_key, ContainerKind, Flat, Leaf, LeafValue};
use super::policy::{Expect, Policy, Rule};
use super::sensitive::{display_value, is_sensitive};
use super::tree::{Document, DuplicateKey, ScalarKind};
use super::units::{interpret, is_cpu_key, ratio, Typed};
use crate::date::Date;
use crate::report::{Redactor, Severity};

/// One environment: its name and its layered documents.
#[derive(Debug, Clone)]
pub struct Environment {
    pub name: String,
    pub documents: Vec<Document>,
    pub duplicates: Vec<DuplicateKey>,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub show_equivalent: bool,
    /// An explicit `null` is a value of its own; by default it means unset.
    pub strict_null: bool,
    pub today: Date,
    pub redactor: Redactor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Differs,
    Missing,
    TypeMismatch,
    Violation,
    Equivalent,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Differs => "differs",
            Status::Missing => "missing",
            Status::TypeMismatch => "type_mismatch",
            Status::Violation => "violation",
            Status::Equivalent => "equivalent",
        }
    }
}

/// A value as one environment has it, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvValue {
    /// As written, masked where secret.
    pub shown: String,
    pub file: String,
    pub line: u32,
}

impl EnvValue {
    pub fn source(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Drift {
    pub key: String,
    pub status: Status,
    pub severity: Severity,
    /// One slot per environment, in the order given.
    pub values: Vec<Option<EnvValue>>,
    pub detail: String,
    /// The policy rule that decided the verdict, if any.
    pub rule: Option<String>,
    /// What makes this the same drift tomorrow (for fingerprints and baselines).
    pub identity: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Comparison {
    pub envs: Vec<String>,
    pub drifts: Vec<Drift>,
    pub duplicates: Vec<(String, DuplicateKey)>,
    pub expired_rules: Vec<Rule>,
    pub warnings: Vec<String>,
    pub keys_compared: usize,
    /// Differences a policy rule declared expected.
    pub accepted: usize,
}

/// Which environment is production: one named prod/production/prd/live, else the last.
pub fn production_index(names: &[String]) -> usize {
    names
        .iter()
        .position(|n| {
            matches!(
                n.to_ascii_lowercase().as_str(),
                "prod" | "production" | "prd" | "live"
            )
        })
        .unwrap_or(names.len().saturating_sub(1))
}

pub fn compare(envs: &[Environment], policy: &Policy, options: &Options) -> Comparison {
    let names: Vec<String> = envs.iter().map(|e| e.name.clone()).collect();
    let mut run = Run {
        names: &names,
        prod: production_index(&names),
        policy,
        options,
        out: Comparison {
            envs: names.clone(),
            ..Comparison::default()
        },
        warned_rules: HashSet::new(),
    };
    for env in envs {
        for dup in &env.duplicates {
            run.out.duplicates.push((env.name.clone(), dup.clone()));
        }
    }
    run.out.expired_rules = policy
        .rules
        .iter()
        .filter(|r| r.expired(options.today))
        .cloned()
        .collect();

    for (label, docs) in group_documents(envs) {
        if docs.iter().any(Option::is_none) {
            run.missing_document(&label.unwrap_or_default(), &docs);
            continue;
        }
        let prefix = label.unwrap_or_default();
        let flats: Vec<Flat> = docs
            .iter()
            .map(|d| flatten(&d.expect("checked above").root, &prefix))
            .collect();
        run.compare_flats(&flats);
    }
    run.out
}

/// Documents matched across environments: by `Kind/name` where they have one, else by
/// position. A single document per environment gets no label.
pub(crate) fn group_documents(
    envs: &[Environment],
) -> Vec<(Option<String>, Vec<Option<&Document>>)> {
    let single = envs.iter().all(|e| e.documents.len() <= 1);
    if single {
        return vec![(None, envs.iter().map(|e| e.documents.first()).collect())];
    }
    let label = |i: usize, d: &Document| d.identity().unwrap_or_else(|| format!("doc[{i}]"));
    let mut labels: Vec<String> = Vec::new();
    for env in envs {
        for (i, doc) in env.documents.iter().enumerate() {
            let l = label(i, doc);
            if !labels.contains(&l) {
                labels.push(l);
            }
        }
    }
    labels
        .into_iter()
        .map(|l| {
            let docs = envs
                .iter()
                .map(|e| {
                    e.documents
                        .iter()
                        .enumerate()
                        .find(|(i, d)| label(*i, d) == l)
                        .map(|(_, d)| d)
                })
                .collect();
            (Some(l), docs)
        })
        .collect()
}

struct Run<'a> {
    names: &'a [String],
    prod: usize,
    policy: &'a Policy,
    options: &'a Options,
    out: Comparison,
    warned_rules: HashSet<String>,
}

/// One key across environments.
struct Slot<'a> {
    leaf: Option<&'a Leaf>,
    container: Option<ContainerKind>,
    origin: Option<(String, u32)>,
}

impl Run<'_> {
    fn missing_document(&mut self, label: &str, docs: &[Option<&Document>]) {
        let values: Vec<Option<EnvValue>> = docs
            .iter()
            .map(|d| {
                d.map(|d| EnvValue {
                    shown: "<document>".into(),
                    file: d.root.origin.file.to_string(),
                    line: d.root.origin.line,
                })
            })
            .collect();
        let missing = self.env_list(values.iter().map(Option::is_none));
        let severity = if values[self.prod].is_none() {
            Severity::Error
        } else {
            Severity::Warning
        };
        self.push(Drift {
            key: label.to_string(),
            status: Status::Missing,
            severity,
            identity: vec![
                label.to_string(),
                "missing-document".into(),
                missing.clone(),
            ],
            values,
            detail: format!("document missing in {missing}"),
            rule: None,
        });
    }

    fn compare_flats(&mut self, flats: &[Flat]) {
        // Every key once, with the index of its leaf in each environment.
        let mut row_of: FxHashMap<&str, usize> = FxHashMap::default();
        let mut rows: Vec<(&str, Vec<Option<usize>>)> = Vec::new();
        for (e, flat) in flats.iter().enumerate() {
            for (i, key) in flat.keys.iter().enumerate() {
                let row = *row_of.entry(key.as_str()).or_insert_with(|| {
                    rows.push((key.as_str(), vec![None; flats.len()]));
                    rows.len() - 1
                });
                rows[row].1[e] = Some(i);
            }
        }
        // Show each key under its most structured spelling (`db.pool_size` over
        // `DB_POOL_SIZE`), then sort so parents come before children.
        let mut rows: Vec<(&str, &str, Vec<Option<usize>>)> = rows
            .into_iter()
            .map(|(key, slots)| {
                let display = slots
                    .iter()
                    .zip(flats)
                    .filter_map(|(i, f)| i.map(|i| f.leaves[i].path.as_str()))
                    .max_by_key(|p| p.matches(['.', '[']).count())
                    .unwrap_or(key);
                (key, display, slots)
            })
            .collect();
        rows.sort_unstable_by(|a, b| a.1.cmp(b.1));
        self.out.keys_compared += rows.len();
        let first_new = self.out.drifts.len();

        let mut mismatched: Vec<&str> = Vec::new();
        for (key, display, indices) in rows {
            if mismatched.iter().any(|m| {
                display.len() > m.len()
                    && display.starts_with(m)
                    && matches!(display.as_bytes()[m.len()], b'.' | b'[')
            }) {
                continue;
            }
            let slots: Vec<Slot> = indices
                .iter()
                .zip(flats)
                .map(|(index, f)| match index {
                    Some(i) => {
                        let leaf = &f.leaves[*i];
                        Slot {
                            leaf: Some(leaf),
                            container: None,
                            origin: Some((leaf.origin.file.to_string(), leaf.origin.line)),
                        }
                    }
                    None => {
                        let container = f.containers.get(key);
                        Slot {
                            leaf: None,
                            container: container.map(|c| c.kind),
                            origin: container.map(|c| (c.origin.file.to_string(), c.origin.line)),
                        }
                    }
                })
                .collect();
            if self.is_type_mismatch(&slots) {
                self.type_mismatch(key, display, &slots);
                mismatched.push(display);
                continue;
            }
            // An empty `{}` here and a filled map there: the children speak for themselves.
            if slots.iter().any(|s| s.container.is_some()) {
                continue;
            }
            self.compare_leaves(key, display, &slots);
        }
        self.merge_missing_items(first_new, flats);
    }

    /// A list item present in some environments only is one finding, not one per field:
    /// `env[name=EXTRA]` missing in prod, rather than its `.name` and `.value` apart.
    fn merge_missing_items(&mut self, first_new: usize, flats: &[Flat]) {
        let new = self.out.drifts.split_off(first_new);
        let mut kept: Vec<Drift> = Vec::with_capacity(new.len());
        // (item path, which environments lack it) → index in `kept`.
        let mut merged: FxHashMap<(String, Vec<bool>), usize> = FxHashMap::default();
        for drift in new {
            let lacking: Vec<bool> = drift.values.iter().map(Option::is_none).collect();
            let item = (drift.status == Status::Missing)
                .then(|| missing_item(&drift.key, &lacking, flats))
                .flatten();
            let Some(item) = item else {
                kept.push(drift);
                continue;
            };
            let slot = (item.clone(), lacking.clone());
            let field = drift.key[item.len()..].trim_start_matches('.').to_string();
            match merged.get(&slot) {
                Some(&at) => {
                    let into = &mut kept[at];
                    into.severity = into.severity.max(drift.severity);
                    if into.rule != drift.rule {
                        into.rule = None;
                    }
                    for (value, add) in into.values.iter_mut().zip(drift.values) {
                        if let (Some(value), Some(add)) = (value.as_mut(), add) {
                            value.shown = format!("{}, {field}: {}", value.shown, add.shown);
                            value.line = value.line.min(add.line);
                        }
                    }
                }
                None => {
                    let missing = self.env_list(lacking.iter().copied());
                    let values = drift
                        .values
                        .into_iter()
                        .map(|v| {
                            v.map(|v| EnvValue {
                                shown: format!("{field}: {}", v.shown),
                                ..v
                            })
                        })
                        .collect();
                    merged.insert(slot, kept.len());
                    kept.push(Drift {
                        identity: vec![match_key(&item), "missing-item".into(), missing.clone()],
                        key: item,
                        status: Status::Missing,
                        severity: drift.severity,
                        values,
                        detail: format!("list item missing in {missing}"),
                        rule: drift.rule,
                    });
                }
            }
        }
        self.out.drifts.extend(kept);
    }

    fn is_type_mismatch(&self, slots: &[Slot]) -> bool {
        let has_scalar = slots
            .iter()
            .any(|s| matches!(s.leaf.map(|l| &l.value), Some(LeafValue::Scalar(_))));
        let kinds: HashSet<&str> = slots
            .iter()
            .filter_map(|s| match (s.leaf.map(|l| &l.value), s.container) {
                (Some(LeafValue::Scalar(_)), _) => Some("scalar"),
                (Some(LeafValue::EmptyMap), _) | (None, Some(ContainerKind::Map)) => Some("map"),
                (Some(LeafValue::EmptyList), _) | (None, Some(ContainerKind::List)) => Some("list"),
                (None, None) => None,
            })
            .collect();
        kinds.len() > 1 && (has_scalar || kinds.contains("map") && kinds.contains("list"))
    }

    fn shown(&self, display: &str, slot: &Slot) -> Option<EnvValue> {
        let (file, line) = slot.origin.clone()?;
        let shown = match (slot.leaf.map(|l| &l.value), slot.container) {
            (Some(LeafValue::Scalar(s)), _) if s.sensitive && !self.options.redactor.reveals() => {
                self.options.redactor.mask(&s.text)
            }
            // Null and the empty string are both blank as written: show them apart.
            (Some(LeafValue::Scalar(s)), _) if s.kind == ScalarKind::Null => "null".into(),
            (Some(LeafValue::Scalar(s)), _) if s.text.is_empty() => "\"\"".into(),
            (Some(LeafValue::Scalar(s)), _) => {
                display_value(display, &s.text, &self.options.redactor)
            }
            (Some(LeafValue::EmptyMap), _) => "{}".into(),
            (Some(LeafValue::EmptyList), _) => "[]".into(),
            (None, Some(ContainerKind::Map)) => "<map>".into(),
            (None, Some(ContainerKind::List)) => "<list>".into(),
            (None, None) => return None,
        };
        Some(EnvValue { shown, file, line })
    }

    fn type_mismatch(&mut self, key: &str, display: &str, slots: &[Slot]) {
        let values: Vec<Option<EnvValue>> = slots.iter().map(|s| self.shown(display, s)).collect();
        let kinds: Vec<String> = slots
            .iter()
            .zip(self.names)
            .filter_map(|(s, name)| {
                let kind = match (s.leaf.map(|l| &l.value), s.container) {
                    (Some(LeafValue::Scalar(sc)), _) => {
                        interpret(sc, cpu_key(display)).family().to_string()
                    }
                    (Some(LeafValue::EmptyMap), _) | (None, Some(ContainerKind::Map)) => {
                        "map".into()
                    }
                    (Some(LeafValue::EmptyList), _) | (None, Some(ContainerKind::List)) => {
                        "list".into()
                    }
                    (None, None) => return None,
                };
                Some(format!("{kind} in {name}"))
            })
            .collect();
        let mut drift = Drift {
            key: display.to_string(),
            status: Status::TypeMismatch,
            severity: Severity::Error,
            identity: vec![key.to_string(), "type_mismatch".into(), kinds.join(",")],
            values,
            detail: kinds.join(", "),
            rule: None,
        };
        if self.apply_expectation(&mut drift) {
            self.push(drift);
        }
    }

    fn compare_leaves(&mut self, key: &str, display: &str, slots: &[Slot]) {
        let cpu = cpu_key(display);
        let typed: Vec<Option<Typed>> = slots
            .iter()
            .map(|s| match s.leaf.map(|l| &l.value) {
                Some(LeafValue::Scalar(sc)) => Some(interpret(sc, cpu)),
                Some(LeafValue::EmptyMap) => Some(Typed::EmptyMap),
                Some(LeafValue::EmptyList) => Some(Typed::EmptyList),
                None => None,
            })
            .collect();
        let raw: Vec<Option<&str>> = slots
            .iter()
            .map(|s| match s.leaf.map(|l| &l.value) {
                Some(LeafValue::Scalar(sc)) => Some(sc.text.as_str()),
                Some(LeafValue::EmptyMap) => Some("{}"),
                Some(LeafValue::EmptyList) => Some("[]"),
                None => None,
            })
            .collect();
        let values: Vec<Option<EnvValue>> = slots.iter().map(|s| self.shown(display, s)).collect();
        let secret = raw.iter().flatten().any(|r| is_sensitive(display, r))
            || slots.iter().any(
                |s| matches!(s.leaf.map(|l| &l.value), Some(LeafValue::Scalar(sc)) if sc.sensitive),
            );
        let identity_values: Vec<String> = typed
            .iter()
            .zip(&values)
            .zip(self.names)
            .map(|((t, v), name)| match (t, v) {
                (Some(_), Some(v)) if secret => format!("{name}={}", v.shown),
                (Some(t), _) => format!("{name}={}", t.canonical()),
                _ => format!("{name}=∅"),
            })
            .collect();

        let ordering_verdict = self.apply_orderings(key, display, &typed, &values);

        // Null means unset (Helm values, Spring): null against absent is no drift, null
        // against a value is the value missing there.
        let unset: Vec<bool> = typed
            .iter()
            .zip(slots)
            .map(|(t, s)| {
                t.is_none()
                    || !self.options.strict_null
                        && matches!(s.leaf.map(|l| &l.value),
                            Some(LeafValue::Scalar(sc)) if sc.kind == ScalarKind::Null)
            })
            .collect();
        if unset.iter().all(|&u| u) {
            return;
        }
        let present: Vec<&Typed> = typed.iter().flatten().collect();
        let (status, severity, detail) = if unset.iter().any(|&u| u) {
            let missing = self.env_list(unset.iter().copied());
            let severity = if unset[self.prod] {
                Severity::Error
            } else {
                Severity::Warning
            };
            (Status::Missing, severity, format!("missing in {missing}"))
        } else {
            let first = present[0];
            let identical = raw.iter().all(|r| *r == raw[0]);
            if identical || present.iter().all(|t| t.same_as(first)) {
                let status = if identical {
                    None
                } else {
                    Some(Status::Equivalent)
                };
                self.on_equal(key, display, status, values, identity_values);
                return;
            }
            if let Some(held) = ordering_verdict {
                // An ordering rule covers this key: it decides, not the plain difference.
                if held {
                    self.out.accepted += 1;
                }
                return;
            }
            let severity = if present.iter().any(|t| matches!(t, Typed::Bool(_))) {
                Severity::Error
            } else {
                Severity::Warning
            };
            (Status::Differs, severity, describe(&values, &present))
        };
        let mut identity = vec![key.to_string(), status.as_str().to_string()];
        identity.extend(identity_values);
        let mut drift = Drift {
            key: display.to_string(),
            status,
            severity,
            values,
            detail,
            rule: None,
            identity,
        };
        if self.apply_expectation(&mut drift) {
            self.push(drift);
        }
    }

    /// Values equal everywhere: nothing to say, unless a rule expects them to differ or
    /// the user asked to see notation-only differences.
    fn on_equal(
        &mut self,
        key: &str,
        display: &str,
        equivalent: Option<Status>,
        values: Vec<Option<EnvValue>>,
        identity_values: Vec<String>,
    ) {
        let mut identity = vec![key.to_string()];
        identity.extend(identity_values);
        if let Some(rule) = self.policy.expectation(display, self.options.today) {
            if rule.expect == Some(Expect::Differ) {
                let reason = rule
                    .reason
                    .as_deref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default();
                identity.insert(1, "violation".into());
                let drift = Drift {
                    key: display.to_string(),
                    status: Status::Violation,
                    severity: rule.severity.unwrap_or(Severity::Error),
                    values,
                    detail: format!("expected to differ{reason}"),
                    rule: Some(rule.id.clone()),
                    identity,
                };
                self.push(drift);
                return;
            }
            if rule.expect == Some(Expect::Ignore) {
                return;
            }
        }
        if equivalent.is_some() && self.options.show_equivalent {
            let shown: Vec<&str> = values.iter().flatten().map(|v| v.shown.as_str()).collect();
            let mut distinct: Vec<&str> = Vec::new();
            for s in shown {
                if !distinct.contains(&s) {
                    distinct.push(s);
                }
            }
            let detail = format!("same value: {}", distinct.join(" = "));
            identity.insert(1, "equivalent".into());
            self.push(Drift {
                key: display.to_string(),
                status: Status::Equivalent,
                severity: Severity::Note,
                values,
                detail,
                rule: None,
                identity,
            });
        }
    }

    /// Applies the first live `expect` rule. Returns whether the drift is still reported.
    fn apply_expectation(&mut self, drift: &mut Drift) -> bool {
        let Some(rule) = self.policy.expectation(&drift.key, self.options.today) else {
            return true;
        };
        match rule.expect {
            Some(Expect::Ignore) => {
                self.out.accepted += 1;
                false
            }
            // A difference where one is required: intended. (Missing keys still count.)
            Some(Expect::Differ) if drift.status == Status::Differs => {
                self.out.accepted += 1;
                false
            }
            Some(Expect::Equal) => {
                drift.severity = rule.severity.unwrap_or(Severity::Error);
                drift.rule = Some(rule.id.clone());
                let reason = rule
                    .reason
                    .as_deref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default();
                drift.detail = format!("{} (expected equal{reason})", drift.detail);
                true
            }
            _ => true,
        }
    }

    /// Checks `compare = "prod >= staging"` rules on this key. `None` when no rule covered
    /// it, else whether every covering rule held (failures are already reported).
    fn apply_orderings(
        &mut self,
        key: &str,
        display: &str,
        typed: &[Option<Typed>],
        values: &[Option<EnvValue>],
    ) -> Option<bool> {
        let rules: Vec<Rule> = self
            .policy
            .orderings(display, self.options.today)
            .cloned()
            .collect();
        let mut covered = false;
        let mut all_hold = true;
        for rule in rules {
            let ordering = rule.compare.as_ref().expect("orderings have compare");
            let left = self.names.iter().position(|n| *n == ordering.left);
            let right = self.names.iter().position(|n| *n == ordering.right);
            let (Some(l), Some(r)) = (left, right) else {
                if self.warned_rules.insert(rule.id.clone()) {
                    self.out.warnings.push(format!(
                        "policy rule `{}` ({}) compares `{ordering}`, but this run has no environment named {}",
                        rule.id,
                        rule.source,
                        [&ordering.left, &ordering.right]
                            .into_iter()
                            .filter(|n| !self.names.contains(n))
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ));
                }
                continue;
            };
            let (Some(a), Some(b)) = (&typed[l], &typed[r]) else {
                continue;
            };
            covered = true;
            let shown = |i: usize| {
                values[i]
                    .as_ref()
                    .map(|v| v.shown.clone())
                    .unwrap_or_default()
            };
            let verdict = match a.order(b) {
                Some(o) if ordering.op.holds(o) => continue,
                Some(_) => format!(
                    "{} {} is not {} {} {}",
                    ordering.left,
                    shown(l),
                    ordering.op.symbol(),
                    ordering.right,
                    shown(r)
                ),
                None => format!(
                    "cannot order {} ({}) against {} ({})",
                    shown(l),
                    a.family(),
                    shown(r),
                    b.family()
                ),
            };
            all_hold = false;
            let reason = rule
                .reason
                .as_deref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default();
            self.push(Drift {
                key: display.to_string(),
                status: Status::Violation,
                severity: rule.severity.unwrap_or(Severity::Error),
                values: values.to_vec(),
                detail: format!("{verdict} (rule {ordering}{reason})"),
                rule: Some(rule.id.clone()),
                identity: vec![
                    key.to_string(),
                    "violation".into(),
                    rule.id.clone(),
                    a.canonical(),
                    b.canonical(),
                ],
            });
        }
        covered.then_some(all_hold)
    }

    fn env_list(&self, flags: impl Iterator<Item = bool>) -> String {
        flags
            .zip(self.names)
            .filter(|(f, _)| *f)
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn push(&mut self, drift: Drift) {
        self.out.drifts.push(drift);
    }
}

/// The outermost list item on `key`'s path (`a.list[name=x]` of `a.list[name=x].b.c`)
/// that every environment `lacking` the key lacks entirely, while another has it.
fn missing_item(key: &str, lacking: &[bool], flats: &[Flat]) -> Option<String> {
    let ends = key
        .char_indices()
        .filter(|&(i, c)| c == ']' && i + 1 < key.len())
        .map(|(i, _)| i + 1);
    for end in ends {
        let item = &key[..end];
        let id = match_key(item);
        let absent = |flat: &Flat| !flat.containers.contains_key(&id) && flat.get(&id).is_none();
        let lacks_where_missing = flats
            .iter()
            .zip(lacking)
            .all(|(flat, &lacks)| !lacks || absent(flat));
        let somewhere = flats
            .iter()
            .zip(lacking)
            .any(|(flat, &lacks)| !lacks && !absent(flat));
        if lacks_where_missing && somewhere {
            return Some(item.to_string());
        }
    }
    None
}

fn cpu_key(display: &str) -> bool {
    let last = display.rsplit(['.', '[']).next().unwrap_or(display);
    is_cpu_key(last)
}

/// "5s vs 30s, 6×"; across families "10 (number) vs 10s (duration)".
fn describe(values: &[Option<EnvValue>], typed: &[&Typed]) -> String {
    let mut distinct: Vec<(&str, &Typed)> = Vec::new();
    for (v, t) in values.iter().flatten().zip(typed) {
        if !distinct.iter().any(|(_, seen)| seen.same_as(t)) {
            distinct.push((v.shown.as_str(), t));
        }
    }
    let families: HashSet<&str> = distinct.iter().map(|(_, t)| t.family()).collect();
    if families.len() > 1 {
        return distinct
            .iter()
            .map(|(s, t)| format!("{s} ({})", t.family()))
            .collect::<Vec<_>>()
            .join(" vs ");
    }
    let text = distinct
        .iter()
        .map(|(s, _)| *s)
        .collect::<Vec<_>>()
        .join(" vs ");
    let all: Vec<&Typed> = distinct.iter().map(|(_, t)| *t).collect();
    match ratio(&all) {
        Some(r) => format!("{text}, {r}"),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::drift::formats::{self, Format};

    fn env(name: &str, file: &str, text: &str) -> Environment {
        let parsed = formats::parse(text, &Arc::from(file), Format::Yaml).unwrap();
        Environment {
            name: name.into(),
            documents: parsed.documents,
            duplicates: parsed.duplicates,
        }
    }

    fn options() -> Options {
        Options {
            show_equivalent: false,
            strict_null: false,
            today: Date::new(2026, 12, 3).unwrap(),
            redactor: Redactor::hiding(),
        }
    }

    fn run(a: &str, b: &str, policy: &str) -> Comparison {
        let policy =
            crate::drift::policy::parse(policy, std::path::Path::new("policy.toml")).unwrap();
        compare(
            &[
                env("staging", "staging.yaml", a),
                env("prod", "prod.yaml", b),
            ],
            &policy,
            &options(),
        )
    }

    fn statuses(cmp: &Comparison) -> Vec<(String, Status)> {
        cmp.drifts
            .iter()
            .map(|d| (d.key.clone(), d.status))
            .collect()
    }

    #[test]
    fn the_same_duration_in_other_units_is_no_drift() {
        let cmp = run("timeout: 5s\nttl: 1h\n", "timeout: 5000ms\nttl: 60m\n", "");
        assert!(cmp.drifts.is_empty(), "{:?}", statuses(&cmp));
        assert_eq!(cmp.keys_compared, 2);
    }

    #[test]
    fn a_different_value_and_a_missing_key_are_reported_at_prods_line() {
        let cmp = run("timeout: 5s\nretries: 3\n", "timeout: 30s\n", "");
        assert_eq!(
            statuses(&cmp),
            [
                ("retries".to_string(), Status::Missing),
                ("timeout".to_string(), Status::Differs)
            ]
        );
        let timeout = &cmp.drifts[1];
        let prod = timeout.values[1].as_ref().unwrap();
        assert_eq!((prod.file.as_ref(), prod.line), ("prod.yaml", 1));
        assert!(timeout.detail.contains("6×"), "{}", timeout.detail);
    }

    #[test]
    fn a_flag_off_in_prod_is_an_error() {
        let cmp = run(
            "features:\n  checkout: true\n",
            "features:\n  checkout: false\n",
            "",
        );
        assert_eq!(cmp.drifts.len(), 1);
        assert_eq!(cmp.drifts[0].severity, Severity::Error);
    }

    #[test]
    fn a_policy_rule_accepts_an_expected_difference() {
        let policy = "[[rule]]\nid = \"pool\"\npath = \"pool_size\"\nexpect = \"differ\"\nreason = \"prod is larger\"\n";
        let cmp = run("pool_size: 5\n", "pool_size: 50\n", policy);
        assert!(cmp.drifts.is_empty(), "{:?}", statuses(&cmp));
        assert_eq!(cmp.accepted, 1);
    }

    #[test]
    fn secrets_in_values_are_masked_in_the_comparison() {
        let cmp = run(
            "db:\n  password: hunter2-staging\n",
            "db:\n  password: hunter2-prod\n",
            "",
        );
        assert_eq!(cmp.drifts.len(), 1);
        let shown: Vec<&str> = cmp.drifts[0]
            .values
            .iter()
            .flatten()
            .map(|v| v.shown.as_str())
            .collect();
        assert!(shown.iter().all(|v| !v.contains("hunter2")), "{shown:?}");
    }
}
