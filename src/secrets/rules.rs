//! Compiled rule sets: packs resolved (`[extend]`), regexes compiled, keywords gathered
//! into one Aho-Corasick prefilter so a rule's regex only runs where a keyword occurs.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::bytes::{Regex, RegexBuilder};

use super::allowlist::{Allowlist, RegexTarget};
use super::filter_expr::FilterExpr;
use super::pack::{self, AllowlistSpec, Confidence, Example, PackFile, RuleSpec};
use crate::error::{Error, Result, SourcePos};
use crate::report::Severity;

/// The built-in packs, embedded in the binary: `(file name, text)`.
pub const BUILTIN_PACKS: &[(&str, &str)] = &[
    (
        "rules/secrets/cloud.toml",
        include_str!("../../rules/secrets/cloud.toml"),
    ),
    (
        "rules/secrets/source-hosts.toml",
        include_str!("../../rules/secrets/source-hosts.toml"),
    ),
    (
        "rules/secrets/messaging.toml",
        include_str!("../../rules/secrets/messaging.toml"),
    ),
    (
        "rules/secrets/payments.toml",
        include_str!("../../rules/secrets/payments.toml"),
    ),
    (
        "rules/secrets/ai.toml",
        include_str!("../../rules/secrets/ai.toml"),
    ),
    (
        "rules/secrets/registries.toml",
        include_str!("../../rules/secrets/registries.toml"),
    ),
    (
        "rules/secrets/observability.toml",
        include_str!("../../rules/secrets/observability.toml"),
    ),
    (
        "rules/secrets/infrastructure.toml",
        include_str!("../../rules/secrets/infrastructure.toml"),
    ),
    (
        "rules/secrets/saas.toml",
        include_str!("../../rules/secrets/saas.toml"),
    ),
    (
        "rules/secrets/prefixed.toml",
        include_str!("../../rules/secrets/prefixed.toml"),
    ),
    (
        "rules/secrets/keys.toml",
        include_str!("../../rules/secrets/keys.toml"),
    ),
    (
        "rules/secrets/generic.toml",
        include_str!("../../rules/secrets/generic.toml"),
    ),
];

#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub regex_source: Option<String>,
    regex: OnceLock<Option<Regex>>,
    pub secret_group: Option<usize>,
    pub entropy: Option<f64>,
    /// Lowercase.
    pub keywords: Vec<String>,
    pub path: Option<Regex>,
    pub tags: Vec<String>,
    pub allowlists: Vec<Allowlist>,
    pub severity: Severity,
    pub confidence: Confidence,
    pub references: Vec<String>,
    pub examples: Vec<Example>,
    pub negative_examples: Vec<Example>,
    /// Whether the pack promises examples (opsguard packs do; gitleaks configs do not).
    pub examples_required: bool,
    /// Betterleaks' per-rule filter: true drops the finding.
    pub filter: Option<FilterExpr>,
    /// Where findings of two rules overlap on one line, only the most specific are kept.
    /// Rules tagged `generic` default to 0, others to 100 (Betterleaks' default).
    pub specificity: i32,
    /// `file:line` where the rule is defined.
    pub origin: crate::error::SourcePos,
    /// How `--verify` checks its secrets, when its pack says.
    pub verify: Option<super::verify::Verifier>,
    /// Whether its matches are findings (`false`: only a verifier's companion).
    pub report: bool,
}

impl Rule {
    /// The content regex, compiled on first use: a pre-commit run over a few files only
    /// pays for the rules whose keywords it meets.
    pub fn regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| self.regex_source.as_deref().and_then(|s| compile(s).ok()))
            .as_ref()
    }
}

#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub allowlists: Vec<Allowlist>,
    /// Where the rules came from, for `rules list`.
    pub sources: Vec<String>,
    /// Betterleaks' global filter: true drops a finding of any rule.
    pub filter: Option<FilterExpr>,
    /// Betterleaks' `prefilter`: true skips a file (by its path) altogether.
    pub path_filter: Option<FilterExpr>,
    /// What loading noticed: fields not run, regexes that could not be used.
    pub warnings: Vec<LoadWarning>,
    prefilter: OnceLock<Prefilter>,
}

/// A note from loading a rule file, at the position it is about.
#[derive(Debug, Clone)]
pub struct LoadWarning {
    pub pos: SourcePos,
    pub message: String,
    /// The rule this warning left out (`--strict-rules` makes that an error).
    pub left_out_rule: Option<String>,
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.left_out_rule {
            Some(id) => write!(f, "{}: rule `{id}`: {}", self.pos, self.message),
            None => write!(f, "{}: {}", self.pos, self.message),
        }
    }
}

#[derive(Debug)]
pub struct Prefilter {
    pub automaton: Option<AhoCorasick>,
    /// For each keyword pattern, the rules that carry it.
    pub rules_of_keyword: Vec<Vec<usize>>,
    /// For each keyword pattern, its length in bytes (a match is always that long).
    pub keyword_len: Vec<usize>,
    /// The longest keyword's length.
    pub max_keyword_len: usize,
    /// Rules with a regex and no keywords: they run on everything.
    pub unconditional: Vec<usize>,
}

impl RuleSet {
    pub fn prefilter(&self) -> &Prefilter {
        self.prefilter.get_or_init(|| {
            let mut keywords: Vec<String> = Vec::new();
            let mut rules_of_keyword: Vec<Vec<usize>> = Vec::new();
            let mut unconditional = Vec::new();
            for (i, rule) in self.rules.iter().enumerate() {
                if rule.regex_source.is_none() {
                    continue;
                }
                if rule.keywords.is_empty() {
                    unconditional.push(i);
                }
                for keyword in &rule.keywords {
                    match keywords.iter().position(|k| k == keyword) {
                        Some(k) => rules_of_keyword[k].push(i),
                        None => {
                            keywords.push(keyword.clone());
                            rules_of_keyword.push(vec![i]);
                        }
                    }
                }
            }
            let automaton = (!keywords.is_empty()).then(|| {
                // A DFA: several times faster than the default NFA for overlapping search
                // over a few hundred short keywords, for some hundred KB of memory.
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&keywords)
                    .expect("keywords are plain strings")
            });
            Prefilter {
                automaton,
                rules_of_keyword,
                keyword_len: keywords.iter().map(String::len).collect(),
                max_keyword_len: keywords.iter().map(String::len).max().unwrap_or(0),
                unconditional,
            }
        })
    }

    /// A digest of everything that decides which hits a blob yields: each rule's matching
    /// fields, allowlists and filters, the global ones, and the engine's version. What only
    /// shapes the report (severity, description, references) is left out.
    pub fn fingerprint(&self) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        let mut field = |text: String| {
            hash.update((text.len() as u64).to_le_bytes());
            hash.update(text.as_bytes());
        };
        field(env!("CARGO_PKG_VERSION").to_string());
        for rule in &self.rules {
            field(format!(
                "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}",
                rule.id,
                rule.regex_source,
                rule.secret_group,
                rule.entropy,
                rule.keywords,
                rule.path.as_ref().map(Regex::as_str),
                rule.allowlists,
                rule.filter,
                rule.specificity,
            ));
        }
        field(format!(
            "{:?}|{:?}|{:?}",
            self.allowlists, self.filter, self.path_filter
        ));
        hash.finalize().into()
    }

    pub fn rule_index(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id == id)
    }
}

/// Rust's regex crate, byte-oriented and ASCII-only where the pattern allows (smaller,
/// faster automata); patterns that need Unicode classes keep them.
pub fn compile(source: &str) -> std::result::Result<Regex, regex::Error> {
    RegexBuilder::new(source)
        .unicode(false)
        .size_limit(32 << 20)
        .build()
        .or_else(|_| RegexBuilder::new(source).size_limit(32 << 20).build())
}

/// Every host a built-in pack lets its verifiers contact.
pub fn builtin_verify_hosts() -> Vec<String> {
    let mut hosts: Vec<String> = BUILTIN_PACKS
        .iter()
        .filter_map(|(name, text)| pack::parse(text, Path::new(name)).ok())
        .flat_map(|file| file.verify_hosts.into_iter().map(|h| h.into_inner()))
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    hosts.sort();
    hosts.dedup();
    hosts
}

/// The built-in rule set.
pub fn builtin() -> Result<RuleSet> {
    let mut set = empty();
    for (name, text) in BUILTIN_PACKS {
        let file = pack::parse(text, Path::new(name))?;
        set.sources.push(name.to_string());
        Loader::new(Path::new(name), text, false).collect(&file, &mut set)?;
    }
    check_companions(&set)?;
    Ok(set)
}

/// A verifier's `with` must name a rule of the set.
fn check_companions(set: &RuleSet) -> Result<()> {
    for rule in &set.rules {
        let Some(with) = rule.verify.as_ref().and_then(|v| v.spec.with.as_ref()) else {
            continue;
        };
        if !set.rules.iter().any(|r| r.id == with.rule) {
            return Err(Error::input(
                rule.origin.clone(),
                format!(
                    "rule `{}`: [rules.verify] `with` names rule `{}`, which is not loaded",
                    rule.id, with.rule
                ),
            ));
        }
    }
    Ok(())
}

/// A configuration file: an opsguard pack or a gitleaks / Betterleaks config, with
/// `[extend]` resolved.
pub fn load(path: &Path) -> Result<RuleSet> {
    load_depth(path, 0)
}

fn load_depth(path: &Path, depth: usize) -> Result<RuleSet> {
    let shown = PathBuf::from(crate::paths::display_path(path));
    if depth > 4 {
        return Err(Error::input(
            SourcePos::new(&shown, 1, None),
            "[extend] nests more than 4 levels (a cycle?)",
        ));
    }
    // Packs named by `[extend] path` come from a file, not from the user's command line.
    let named = if depth == 0 {
        crate::input::Named::OnCommandLine
    } else {
        crate::input::Named::InConfig
    };
    let text = crate::input::read_text(path, named)?;
    let file = pack::parse(&text, &shown)?;
    let mut base = match &file.extend {
        Some(extend) => {
            let mut base = match (&extend.path, extend.use_default) {
                (Some(p), _) => {
                    let dir = path.parent().unwrap_or(Path::new("."));
                    load_depth(&dir.join(p), depth + 1)?
                }
                (None, true) => builtin()?,
                (None, false) => empty(),
            };
            if extend.path.is_some() && extend.use_default {
                let builtin = builtin()?;
                merge(&mut base, builtin);
            }
            base.rules
                .retain(|r| !extend.disabled_rules.contains(&r.id));
            base
        }
        None => empty(),
    };
    let mut own = empty();
    own.sources.push(shown.display().to_string());
    Loader::new(&shown, &text, true).collect(&file, &mut own)?;
    override_with(&mut base, own);
    check_companions(&base)?;
    Ok(base)
}

fn empty() -> RuleSet {
    RuleSet {
        rules: Vec::new(),
        allowlists: Vec::new(),
        sources: Vec::new(),
        filter: None,
        path_filter: None,
        warnings: Vec::new(),
        prefilter: OnceLock::new(),
    }
}

/// Adds `other`'s rules that `base` does not have.
fn merge(base: &mut RuleSet, other: RuleSet) {
    for rule in other.rules {
        if base.rule_index(&rule.id).is_none() {
            base.rules.push(rule);
        }
    }
    base.allowlists.extend(other.allowlists);
    base.sources.extend(other.sources);
    base.warnings.extend(other.warnings);
}

/// `child` extends `base`: a rule with the same id replaces the base rule's fields that it
/// sets and adds its allowlists; new rules are appended (gitleaks' behaviour).
fn override_with(base: &mut RuleSet, child: RuleSet) {
    for rule in child.rules {
        match base.rule_index(&rule.id) {
            Some(i) => {
                let old = &mut base.rules[i];
                if rule.regex_source.is_some() {
                    old.regex_source = rule.regex_source;
                    old.regex = OnceLock::new();
                }
                // Loader::rule defaults a missing description to the id.
                if rule.description != rule.id {
                    old.description = rule.description;
                }
                old.secret_group = rule.secret_group.or(old.secret_group);
                old.entropy = rule.entropy.or(old.entropy);
                if !rule.keywords.is_empty() {
                    old.keywords = rule.keywords;
                }
                if rule.path.is_some() {
                    old.path = rule.path;
                }
                if rule.filter.is_some() {
                    old.filter = rule.filter;
                }
                old.tags.extend(rule.tags);
                old.allowlists.extend(rule.allowlists);
                old.origin = rule.origin;
            }
            None => base.rules.push(rule),
        }
    }
    base.allowlists.extend(child.allowlists);
    base.sources.extend(child.sources);
    base.warnings.extend(child.warnings);
    if child.filter.is_some() {
        base.filter = child.filter;
    }
    if child.path_filter.is_some() {
        base.path_filter = child.path_filter;
    }
}

/// Turns one parsed file into rules, allowlists and filters, noting what it cannot run.
struct Loader<'a> {
    path: &'a Path,
    text: &'a str,
    line_starts: Vec<usize>,
    /// Compile regexes now, so a bad one is reported at load, not silently skipped.
    eager: bool,
    /// Fields not run, gathered so a config with 200 `validate` blocks gives one warning:
    /// field → (count, first position, effect).
    not_run: Vec<(String, usize, usize, String)>,
    /// The pack's `verify_hosts`.
    verify_hosts: Vec<String>,
}

impl<'a> Loader<'a> {
    fn new(path: &'a Path, text: &'a str, eager: bool) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Loader {
            path,
            text,
            line_starts,
            eager,
            not_run: Vec::new(),
            verify_hosts: Vec::new(),
        }
    }

    fn at(&self, offset: usize) -> SourcePos {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        SourcePos::new(self.path, line, Some(column))
    }

    fn note_not_run(&mut self, what: String, offset: usize, effect: &str) {
        match self.not_run.iter_mut().find(|(w, ..)| *w == what) {
            Some(entry) => entry.1 += 1,
            None => self.not_run.push((what, 1, offset, effect.to_string())),
        }
    }

    fn collect(mut self, file: &PackFile, set: &mut RuleSet) -> Result<()> {
        let opsguard_pack = file.name.is_some();
        // A pack of the user's may only name hosts the built-in packs document: a config
        // file must not send the secrets it finds anywhere else.
        let known = if self.eager && !file.verify_hosts.is_empty() {
            builtin_verify_hosts()
        } else {
            Vec::new()
        };
        for host in &file.verify_hosts {
            let name = host.get_ref().trim().to_ascii_lowercase();
            if self.eager && !known.contains(&name) {
                return Err(Error::input(
                    self.at(host.span().start),
                    format!(
                        "verify host `{name}` is not a provider host of the built-in packs; opsguard sends secrets to those only"
                    ),
                ));
            }
            self.verify_hosts.push(name);
        }
        let first_new = set.rules.len();
        for spec in &file.rules {
            let Some(mut rule) = self.rule(spec, &mut set.warnings)? else {
                continue;
            };
            rule.examples_required = opsguard_pack;
            if set.rules[first_new..]
                .iter()
                .any(|r: &Rule| r.id == rule.id)
            {
                return Err(Error::input(
                    self.at(spec.id.span().start),
                    format!("rule id `{}` is used twice", rule.id),
                ));
            }
            set.rules.push(rule);
        }
        for spec in file.allowlist.iter().chain(&file.allowlists) {
            let allowlist = self.allowlist(spec, None, &mut set.warnings)?;
            set.allowlists.push(allowlist);
        }
        if let Some(filter) = &file.filter {
            set.filter = self.filter(filter, "the global `filter`", &mut set.warnings);
        }
        if let Some(prefilter) = &file.prefilter {
            set.path_filter = self.filter(prefilter, "`prefilter`", &mut set.warnings);
        }
        for (what, count, offset, effect) in std::mem::take(&mut self.not_run) {
            let rules = if count == 1 {
                "1 rule".to_string()
            } else {
                format!("{count} rules")
            };
            set.warnings.push(LoadWarning {
                pos: self.at(offset),
                message: format!("{what} ({rules}) is not run: {effect}"),
                left_out_rule: None,
            });
        }
        Ok(())
    }

    /// Compiles a regex written for RE2 (gitleaks, Betterleaks) or `regex`.
    fn regex(&self, source: &str) -> std::result::Result<(String, Regex), regex::Error> {
        match compile(source) {
            Ok(regex) => Ok((source.to_string(), regex)),
            Err(first) => {
                let translated = super::re2::translate(source);
                compile(&translated)
                    .map(|regex| (translated.into_owned(), regex))
                    .map_err(|_| first)
            }
        }
    }

    fn filter(
        &mut self,
        source: &toml::Spanned<String>,
        owner: &str,
        warnings: &mut Vec<LoadWarning>,
    ) -> Option<FilterExpr> {
        match FilterExpr::parse(source.get_ref()) {
            Ok(expr) => {
                for name in &expr.not_run {
                    self.note_not_run(
                        format!("`{name}` in a filter"),
                        source.span().start,
                        "where it alone would drop a finding, the finding is reported",
                    );
                }
                Some(expr)
            }
            Err(reason) => {
                warnings.push(LoadWarning {
                    pos: self.at(source.span().start),
                    message: format!(
                        "{owner} is not run ({reason}); what it would drop is reported"
                    ),
                    left_out_rule: None,
                });
                None
            }
        }
    }

    /// The rule, or None when it is left out (a warning says why).
    fn rule(&mut self, spec: &RuleSpec, warnings: &mut Vec<LoadWarning>) -> Result<Option<Rule>> {
        let id = spec.id.get_ref().trim().to_string();
        let id_pos = self.at(spec.id.span().start);
        if id.is_empty() {
            return Err(Error::input(id_pos, "rule `id` is empty"));
        }
        if spec.regex.is_none() && spec.path.is_none() {
            return Err(Error::input(
                id_pos,
                format!("rule `{id}` needs `regex` or `path`"),
            ));
        }
        for (field, offset, effect) in spec.not_run() {
            self.note_not_run(format!("`{field}`"), offset, effect);
        }
        if spec.skip_report {
            self.note_not_run(
                "`skipReport`".into(),
                spec.id.span().start,
                "such rules only feed composite rules, so they are not loaded",
            );
            return Ok(None);
        }
        let disable = |pos: SourcePos, what: &str, err: &regex::Error| LoadWarning {
            pos,
            message: format!(
                "{what} does not compile ({}); the rule is left out",
                regex_reason(err)
            ),
            left_out_rule: Some(id.clone()),
        };
        let mut regex_source = spec.regex.as_ref().map(|r| r.get_ref().clone());
        let regex = OnceLock::new();
        let secret_group = spec
            .secret_group
            .filter(|&g| g > 0)
            .or(spec.value_group.filter(|&g| g > 0));
        if let Some(r) = &spec.regex {
            if self.eager {
                let (source, compiled) = match self.regex(r.get_ref()) {
                    Ok(ok) => ok,
                    Err(e) => {
                        warnings.push(disable(self.at(r.span().start), "regex", &e));
                        return Ok(None);
                    }
                };
                if let Some(group) = secret_group {
                    if group >= compiled.captures_len() {
                        return Err(Error::input(
                            self.at(r.span().start),
                            format!(
                                "rule `{id}`: secretGroup {group}, but the regex has {} group(s)",
                                compiled.captures_len() - 1
                            ),
                        ));
                    }
                }
                regex_source = Some(source);
                let _ = regex.set(Some(compiled));
            }
        }
        let path = match &spec.path {
            Some(p) => match self.regex(p.get_ref()) {
                Ok((_, compiled)) => Some(compiled),
                Err(e) => {
                    warnings.push(disable(self.at(p.span().start), "path regex", &e));
                    return Ok(None);
                }
            },
            None => None,
        };
        let mut allowlists = Vec::new();
        for a in spec.allowlist.iter().chain(&spec.allowlists) {
            allowlists.push(self.allowlist(a, Some(&id), warnings)?);
        }
        let filter = spec
            .filter
            .as_ref()
            .and_then(|f| self.filter(f, &format!("rule `{id}`: its `filter`"), warnings));
        let verify = match &spec.verify {
            Some(table) => Some(
                super::verify::Verifier::check(table.get_ref().clone(), &self.verify_hosts)
                    .map_err(|problem| {
                        Error::input(
                            self.at(table.span().start),
                            format!("rule `{id}`: [rules.verify]: {problem}"),
                        )
                    })?,
            ),
            None => None,
        };
        let tags = spec.tags.clone();
        let generic = tags.iter().any(|t| t == "generic");
        Ok(Some(Rule {
            verify,
            report: spec.report.unwrap_or(true),
            description: spec.description.clone().unwrap_or_else(|| id.clone()),
            regex_source,
            regex,
            secret_group,
            entropy: spec.entropy.filter(|&e| e > 0.0),
            keywords: spec
                .keywords
                .iter()
                .map(|k| k.to_ascii_lowercase())
                .filter(|k| !k.is_empty())
                .collect(),
            path,
            tags,
            allowlists,
            severity: spec.severity.unwrap_or(Severity::Error),
            confidence: spec.confidence.unwrap_or(Confidence::Medium),
            references: spec.references.clone(),
            examples: spec.examples.clone(),
            negative_examples: spec.negative_examples.clone(),
            examples_required: false,
            filter,
            specificity: spec.specificity.unwrap_or(if generic { 0 } else { 100 }),
            origin: crate::error::SourcePos::new(id_pos.path.clone(), id_pos.line, None),
            id,
        }))
    }

    fn allowlist(
        &mut self,
        spec: &AllowlistSpec,
        rule: Option<&str>,
        warnings: &mut Vec<LoadWarning>,
    ) -> Result<Allowlist> {
        let owner = rule.map(|r| format!("rule `{r}`: ")).unwrap_or_default();
        // An allowlist pattern that cannot be used is dropped with a warning: the scan then
        // reports more, never less.
        let mut regexes = |list: &[toml::Spanned<String>], what: &str| -> Vec<Regex> {
            list.iter()
                .filter_map(|r| match self.regex(r.get_ref()) {
                    Ok((_, regex)) => Some(regex),
                    Err(e) => {
                        warnings.push(LoadWarning {
                            pos: self.at(r.span().start),
                            message: format!(
                                "{owner}allowlist {what} does not compile ({}); it allows nothing",
                                regex_reason(&e)
                            ),
                            left_out_rule: None,
                        });
                        None
                    }
                })
                .collect()
        };
        let paths = regexes(&spec.paths, "path");
        let content = regexes(&spec.regexes, "regex");
        let all_of = match spec
            .condition
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            None | Some("OR") => false,
            Some("AND") => true,
            Some(other) => {
                return Err(Error::input(
                    self.at(0),
                    format!("{owner}allowlist condition `{other}` is neither OR nor AND"),
                ))
            }
        };
        let target = match spec.regex_target.as_deref() {
            None | Some("secret") => RegexTarget::Secret,
            Some("match") => RegexTarget::Match,
            Some("line") => RegexTarget::Line,
            Some(other) => {
                return Err(Error::input(
                    self.at(0),
                    format!("{owner}allowlist regexTarget `{other}` is not secret, match or line"),
                ))
            }
        };
        Ok(Allowlist {
            description: spec.description.clone(),
            all_of,
            commits: spec
                .commits
                .iter()
                .map(|c| c.trim().to_ascii_lowercase())
                .collect(),
            paths,
            target,
            regexes: content,
            stopwords: spec
                .stopwords
                .iter()
                .map(|w| w.to_ascii_lowercase())
                .collect(),
            target_rules: spec.target_rules.clone(),
        })
    }
}

/// The regex crate's errors span several lines with a caret diagram; one line is enough.
fn regex_reason(err: &regex::Error) -> String {
    let text = err.to_string();
    text.lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map(|l| {
            l.trim_start()
                .trim_start_matches("error:")
                .trim()
                .to_string()
        })
        .unwrap_or_else(|| text.lines().next().unwrap_or("invalid regex").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pack_under_rules_secrets_is_built_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/secrets");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| format!("rules/secrets/{}", e.unwrap().file_name().to_string_lossy()))
            .filter(|n| n.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = BUILTIN_PACKS.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded, "add new packs to BUILTIN_PACKS");
    }

    #[test]
    fn rule_ids_are_unique_across_packs() {
        let set = builtin().unwrap();
        let mut ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        let total = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), total);
    }

    #[test]
    fn a_bad_regex_is_a_warning_that_names_file_line_and_rule_and_leaves_it_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(
            &path,
            "[[rules]]\nid = \"x\"\nregex = '''a{2,1}'''\n[[rules]]\nid = \"y\"\nregex = '''y{{'''\n",
        )
        .unwrap();
        let set = load(&path).unwrap();
        assert_eq!(set.rules.len(), 1);
        assert_eq!(set.rules[0].id, "y");
        assert_eq!(set.warnings.len(), 1, "{:?}", set.warnings);
        let warning = set.warnings[0].to_string();
        assert!(
            warning.contains("p.toml:3:9: rule `x`: regex does not compile")
                && warning.ends_with("the rule is left out"),
            "{warning}"
        );
        assert_eq!(set.warnings[0].left_out_rule.as_deref(), Some("x"));
    }

    #[test]
    fn fields_not_run_give_one_warning_each_with_the_count_and_first_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bl.toml");
        std::fs::write(
            &path,
            r#"minVersion = "v2.0.0"
prefilter = '''matchesAny(attributes["path"], [`(?:^|/)vendor/`])'''

[[rules]]
id = "a"
regex = '''tok_[a-z0-9]{16}'''
validate = '''http.get("https://example.invalid")'''
filter = '''entropy(finding["secret"]) < 3.0 || tokenRatio(finding["secret"]) >= 2.5'''

[[rules]]
id = "b"
regex = '''(key)=([a-z0-9]{16})'''
valueGroup = 2
validate = '''x'''
specificity = -10

[[rules]]
id = "c"
regex = '''cid_[a-z]{8}'''
skipReport = true
"#,
        )
        .unwrap();
        let set = load(&path).unwrap();
        let ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(set.rules[1].secret_group, Some(2));
        assert_eq!(set.rules[1].specificity, -10);
        let warnings: Vec<String> = set.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("bl.toml:7:") && w.contains("`validate` (2 rules) is not run")),
            "{warnings:?}"
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("`tokenRatio()` in a filter (1 rule) is not run")),
            "{warnings:?}"
        );
        assert!(
            warnings.iter().any(|w| w.contains("`skipReport` (1 rule)")),
            "{warnings:?}"
        );
        assert!(set.path_filter.is_some());
        assert_eq!(warnings.len(), 3, "{warnings:?}");
    }
}
