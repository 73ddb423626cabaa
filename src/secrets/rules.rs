//! Compiled rule sets: packs resolved (`[extend]`), regexes compiled, keywords gathered
//! into one Aho-Corasick prefilter so a rule's regex only runs where a keyword occurs.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::bytes::{Regex, RegexBuilder};

use super::allowlist::{Allowlist, RegexTarget};
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
    /// `file:line` where the rule is defined.
    pub origin: String,
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
    prefilter: OnceLock<Prefilter>,
}

#[derive(Debug)]
pub struct Prefilter {
    pub automaton: Option<AhoCorasick>,
    /// For each keyword pattern, the rules that carry it.
    pub rules_of_keyword: Vec<Vec<usize>>,
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
                unconditional,
            }
        })
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

/// The built-in rule set.
pub fn builtin() -> Result<RuleSet> {
    let mut specs = Vec::new();
    let mut allowlists = Vec::new();
    let mut sources = Vec::new();
    for (name, text) in BUILTIN_PACKS {
        let file = pack::parse(text, Path::new(name))?;
        sources.push(name.to_string());
        collect(
            &file,
            text,
            Path::new(name),
            false,
            &mut specs,
            &mut allowlists,
        )?;
    }
    Ok(RuleSet {
        rules: specs,
        allowlists,
        sources,
        prefilter: OnceLock::new(),
    })
}

/// A configuration file: an opsguard pack or a gitleaks config, with `[extend]` resolved.
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
    let mut rules = Vec::new();
    let mut allowlists = Vec::new();
    collect(&file, &text, &shown, true, &mut rules, &mut allowlists)?;
    let own = RuleSet {
        rules,
        allowlists,
        sources: vec![shown.display().to_string()],
        prefilter: OnceLock::new(),
    };
    override_with(&mut base, own);
    Ok(base)
}

fn empty() -> RuleSet {
    RuleSet {
        rules: Vec::new(),
        allowlists: Vec::new(),
        sources: Vec::new(),
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
                // compile_rule defaults a missing description to the id.
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
                old.tags.extend(rule.tags);
                old.allowlists.extend(rule.allowlists);
                old.origin = rule.origin;
            }
            None => base.rules.push(rule),
        }
    }
    base.allowlists.extend(child.allowlists);
    base.sources.extend(child.sources);
}

/// Turns one parsed file into rules and global allowlists. `eager` compiles regexes now,
/// so a bad user regex is an error at load, not a silent skip.
fn collect(
    file: &PackFile,
    text: &str,
    path: &Path,
    eager: bool,
    rules: &mut Vec<Rule>,
    allowlists: &mut Vec<Allowlist>,
) -> Result<()> {
    let at = |offset: usize| SourcePos::from_offset(path, text, offset);
    let opsguard_pack = file.name.is_some();
    for spec in &file.rules {
        let mut rule = compile_rule(spec, &at, eager)?;
        rule.examples_required = opsguard_pack;
        if rules.iter().any(|r: &Rule| r.id == rule.id) {
            return Err(Error::input(
                at(spec.id.span().start),
                format!("rule id `{}` is used twice", rule.id),
            ));
        }
        rules.push(rule);
    }
    for spec in file.allowlist.iter().chain(&file.allowlists) {
        allowlists.push(compile_allowlist(spec, None, &at)?);
    }
    Ok(())
}

fn compile_rule(spec: &RuleSpec, at: &dyn Fn(usize) -> SourcePos, eager: bool) -> Result<Rule> {
    let id = spec.id.get_ref().trim().to_string();
    let id_pos = at(spec.id.span().start);
    if id.is_empty() {
        return Err(Error::input(id_pos, "rule `id` is empty"));
    }
    if spec.regex.is_none() && spec.path.is_none() {
        return Err(Error::input(
            id_pos,
            format!("rule `{id}` needs `regex` or `path`"),
        ));
    }
    let regex_source = spec.regex.as_ref().map(|r| r.get_ref().clone());
    let regex = OnceLock::new();
    if let Some(r) = &spec.regex {
        if eager {
            let compiled = compile(r.get_ref()).map_err(|e| {
                Error::input(
                    at(r.span().start),
                    format!("rule `{id}`: regex does not compile: {}", regex_reason(&e)),
                )
            })?;
            if let Some(group) = spec.secret_group {
                if group >= compiled.captures_len() {
                    return Err(Error::input(
                        at(r.span().start),
                        format!(
                            "rule `{id}`: secretGroup {group}, but the regex has {} group(s)",
                            compiled.captures_len() - 1
                        ),
                    ));
                }
            }
            let _ = regex.set(Some(compiled));
        }
    }
    let path = match &spec.path {
        Some(p) => Some(compile(p.get_ref()).map_err(|e| {
            Error::input(
                at(p.span().start),
                format!(
                    "rule `{id}`: path regex does not compile: {}",
                    regex_reason(&e)
                ),
            )
        })?),
        None => None,
    };
    let mut allowlists = Vec::new();
    for a in spec.allowlist.iter().chain(&spec.allowlists) {
        allowlists.push(compile_allowlist(a, Some(&id), at)?);
    }
    Ok(Rule {
        description: spec.description.clone().unwrap_or_else(|| id.clone()),
        regex_source,
        regex,
        secret_group: spec.secret_group.filter(|&g| g > 0),
        entropy: spec.entropy.filter(|&e| e > 0.0),
        keywords: spec
            .keywords
            .iter()
            .map(|k| k.to_ascii_lowercase())
            .filter(|k| !k.is_empty())
            .collect(),
        path,
        tags: spec.tags.clone(),
        allowlists,
        severity: spec.severity.unwrap_or(Severity::Error),
        confidence: spec.confidence.unwrap_or(Confidence::Medium),
        references: spec.references.clone(),
        examples: spec.examples.clone(),
        negative_examples: spec.negative_examples.clone(),
        examples_required: false,
        origin: format!("{}:{}", id_pos.path.display(), id_pos.line),
        id,
    })
}

fn compile_allowlist(
    spec: &AllowlistSpec,
    rule: Option<&str>,
    at: &dyn Fn(usize) -> SourcePos,
) -> Result<Allowlist> {
    let owner = rule.map(|r| format!("rule `{r}`: ")).unwrap_or_default();
    let regexes = |list: &[toml::Spanned<String>], what: &str| -> Result<Vec<Regex>> {
        list.iter()
            .map(|r| {
                compile(r.get_ref()).map_err(|e| {
                    Error::input(
                        at(r.span().start),
                        format!(
                            "{owner}allowlist {what} does not compile: {}",
                            regex_reason(&e)
                        ),
                    )
                })
            })
            .collect()
    };
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
                at(0),
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
                at(0),
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
        paths: regexes(&spec.paths, "path")?,
        target,
        regexes: regexes(&spec.regexes, "regex")?,
        stopwords: spec
            .stopwords
            .iter()
            .map(|w| w.to_ascii_lowercase())
            .collect(),
        target_rules: spec.target_rules.clone(),
    })
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
    fn a_bad_regex_names_file_line_and_rule() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "[[rules]]\nid = \"x\"\nregex = '''a{2,1}'''\n").unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(
            err.contains("p.toml:3:9: rule `x`: regex does not compile"),
            "{err}"
        );
    }
}
