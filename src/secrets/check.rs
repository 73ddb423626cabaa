//! `rules check`: every rule compiles, and finds each of its examples (capturing the
//! secret where the example names it) and none of its negative examples, through the whole
//! engine with every allowlist in force, as a real scan would.

use super::engine::{Blob, Engine};
use super::pack::Example;
use super::rules::{compile, RuleSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub rule_id: String,
    /// `file:line` of the rule.
    pub origin: crate::error::SourcePos,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub rules: usize,
    pub examples: usize,
    pub negative_examples: usize,
}

pub fn check(set: &RuleSet) -> (Summary, Vec<Problem>) {
    let engine = Engine::new(set);
    let mut problems = Vec::new();
    let mut summary = Summary::default();
    for (index, rule) in set.rules.iter().enumerate() {
        summary.rules += 1;
        let mut problem = |message: String| {
            problems.push(Problem {
                rule_id: rule.id.clone(),
                origin: rule.origin.clone(),
                message,
            })
        };
        if let Some(source) = &rule.regex_source {
            match compile(source) {
                Ok(regex) => {
                    if let Some(g) = rule.secret_group {
                        if g >= regex.captures_len() {
                            problem(format!(
                                "secretGroup {g}, but the regex has {} group(s)",
                                regex.captures_len() - 1
                            ));
                        }
                    }
                }
                Err(e) => {
                    problem(format!(
                        "regex does not compile: {}",
                        e.to_string().lines().last().unwrap_or("")
                    ));
                    continue;
                }
            }
        }
        if rule.examples_required && rule.examples.is_empty() {
            problem("has no examples".into());
        }
        if rule.examples_required && rule.negative_examples.is_empty() {
            problem("has no negative_examples".into());
        }
        let hits_of = |example: &Example| {
            engine
                .scan(&Blob {
                    path: example.path(),
                    commit: None,
                    content: example.text().as_bytes(),
                })
                .into_iter()
                .filter(|h| h.rule == index)
                .collect::<Vec<_>>()
        };
        for (n, example) in rule.examples.iter().enumerate() {
            summary.examples += 1;
            let hits = hits_of(example);
            if hits.is_empty() {
                problem(format!("example {} is not found", n + 1));
            } else if let Some(expected) = example.secret() {
                if !hits.iter().any(|h| h.secret == expected) {
                    problem(format!(
                        "example {}: the secret group captures {} characters, not the {}-character secret",
                        n + 1,
                        hits[0].secret.chars().count(),
                        expected.chars().count()
                    ));
                }
            }
        }
        for (n, example) in rule.negative_examples.iter().enumerate() {
            summary.negative_examples += 1;
            if !hits_of(example).is_empty() {
                problem(format!("negative example {} is found", n + 1));
            }
        }
    }
    (summary, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::rules;

    #[test]
    fn the_builtin_packs_pass_their_own_examples() {
        let set = rules::builtin().expect("built-in packs load");
        assert!(set.rules.len() >= 150, "{} rules", set.rules.len());
        let (summary, problems) = check(&set);
        let report: Vec<String> = problems
            .iter()
            .map(|p| format!("{} ({}): {}", p.rule_id, p.origin, p.message))
            .collect();
        assert!(
            report.is_empty(),
            "{} problems:\n{}",
            report.len(),
            report.join("\n")
        );
        assert!(summary.examples >= summary.rules);
    }
}
