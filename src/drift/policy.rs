//! The policy of expected differences, as TOML `[[rule]]` tables. Rules change the verdict
//! and the exit code, not just the display.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::config::from_toml;
use crate::date::Date;
use crate::error::{Error, Result, SourcePos};
use crate::report::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// Any difference is an error.
    Equal,
    /// Equality is a violation.
    Differ,
    /// Differences are expected and not reported.
    Ignore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    Ne,
}

impl Operator {
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Ge => ">=",
            Operator::Gt => ">",
            Operator::Le => "<=",
            Operator::Lt => "<",
            Operator::Eq => "==",
            Operator::Ne => "!=",
        }
    }

    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Operator::Ge => ordering != Less,
            Operator::Gt => ordering == Greater,
            Operator::Le => ordering != Greater,
            Operator::Lt => ordering == Less,
            Operator::Eq => ordering == Equal,
            Operator::Ne => ordering != Equal,
        }
    }
}

/// `prod >= staging`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ordering {
    pub left: String,
    pub op: Operator,
    pub right: String,
}

impl std::fmt::Display for Ordering {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.left, self.op.symbol(), self.right)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub id: String,
    pub pattern: String,
    pub expect: Option<Expect>,
    pub compare: Option<Ordering>,
    pub reason: Option<String>,
    pub owner: Option<String>,
    pub expires: Option<Date>,
    pub severity: Option<Severity>,
    /// The keys it covers are feature flags (`opsguard drift flags`).
    pub flag: bool,
    /// `file:line` of the rule, for reports about the rule itself.
    pub source: crate::error::SourcePos,
}

impl Rule {
    /// Glob over dotted paths: `*` any run of characters (dots included), `?` one
    /// character; case does not count.
    pub fn matches(&self, path: &str) -> bool {
        glob_match(self.pattern.as_bytes(), path.as_bytes())
    }

    pub fn expired(&self, today: Date) -> bool {
        self.expires.is_some_and(|d| d < today)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policy {
    pub rules: Vec<Rule>,
}

impl Policy {
    /// The first live `expect` rule that covers `path`.
    pub fn expectation(&self, path: &str, today: Date) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|r| r.expect.is_some() && !r.expired(today) && r.matches(path))
    }

    pub fn orderings<'a>(&'a self, path: &'a str, today: Date) -> impl Iterator<Item = &'a Rule> {
        self.rules
            .iter()
            .filter(move |r| r.compare.is_some() && !r.expired(today) && r.matches(path))
    }

    /// Whether a live rule with `flag = true` covers `path`.
    pub fn marks_flag(&self, path: &str) -> bool {
        self.rules.iter().any(|r| r.flag && r.matches(path))
    }

    pub fn extend(&mut self, other: Policy) {
        self.rules.extend(other.rules);
    }
}

pub(crate) fn glob_match(pattern: &[u8], text: &[u8]) -> bool {
    // Iterative wildcard matching with one backtrack point: linear in practice.
    let (mut p, mut t) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == b'?' || pattern[p].eq_ignore_ascii_case(&text[t])) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == b'*' {
            star = Some(p);
            mark = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&b| b == b'*')
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    // A pack's name and version are accepted for people reading it; the verdict does not
    // depend on them.
    #[serde(default)]
    #[allow(dead_code)]
    name: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    version: Option<toml::Value>,
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: Spanned<String>,
    path: Spanned<String>,
    #[serde(default)]
    expect: Option<Expect>,
    #[serde(default)]
    compare: Option<Spanned<String>>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    expires: Option<Spanned<toml::Value>>,
    #[serde(default)]
    severity: Option<Severity>,
    #[serde(default)]
    flag: bool,
}

pub fn parse(text: &str, path: &Path) -> Result<Policy> {
    let file: PolicyFile = from_toml(text, path)?;
    let at = |offset: usize| SourcePos::from_offset(path, text, offset);
    let mut rules = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for spec in file.rule {
        let id_pos = at(spec.id.span().start);
        let id = spec.id.into_inner();
        if !ids.insert(id.clone()) {
            return Err(Error::input(
                id_pos,
                format!("rule id `{id}` is used twice"),
            ));
        }
        let pattern = spec.path.get_ref().trim().to_string();
        if pattern.is_empty() {
            return Err(Error::input(at(spec.path.span().start), "empty `path`"));
        }
        let compare = match &spec.compare {
            Some(c) => Some(parse_ordering(c.get_ref()).ok_or_else(|| {
                Error::input(
                    at(c.span().start),
                    format!("rule `{id}`: `compare` must look like `prod >= staging` (operators >= > <= < == !=)"),
                )
            })?),
            None => None,
        };
        if spec.expect.is_none() && compare.is_none() && !spec.flag {
            return Err(Error::input(
                id_pos,
                format!("rule `{id}` needs `expect` (equal, differ, ignore), `compare` or `flag = true`"),
            ));
        }
        let expires = match &spec.expires {
            Some(e) => {
                let text_value = match e.get_ref() {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Datetime(d) => d.to_string(),
                    _ => String::new(),
                };
                Some(Date::parse(&text_value).ok_or_else(|| {
                    Error::input(
                        at(e.span().start),
                        format!("rule `{id}`: `expires` must be a date like 2027-06-30"),
                    )
                })?)
            }
            None => None,
        };
        rules.push(Rule {
            id,
            pattern,
            expect: spec.expect,
            compare,
            reason: spec.reason,
            owner: spec.owner,
            expires,
            severity: spec.severity,
            flag: spec.flag,
            source: crate::error::SourcePos::new(path, id_pos.line, None),
        });
    }
    Ok(Policy { rules })
}

fn parse_ordering(text: &str) -> Option<Ordering> {
    let ops = [
        (">=", Operator::Ge),
        ("<=", Operator::Le),
        ("==", Operator::Eq),
        ("!=", Operator::Ne),
        (">", Operator::Gt),
        ("<", Operator::Lt),
    ];
    let (index, symbol, op) = ops
        .iter()
        .filter_map(|(s, op)| text.find(s).map(|i| (i, *s, *op)))
        .min_by_key(|(i, s, _)| (*i, std::cmp::Reverse(s.len())))?;
    let left = text[..index].trim();
    let right = text[index + symbol.len()..].trim();
    let valid = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    (valid(left) && valid(right)).then(|| Ordering {
        left: left.to_string(),
        op,
        right: right.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"
[[rule]]
id = "hosts-differ"
path = "*.host"
expect = "ignore"
reason = "each env has its own database"
owner = "platform"
expires = "2027-06-30"

[[rule]]
id = "prod-capacity"
path = "*.replicas"
compare = "prod >= staging"
"#;

    #[test]
    fn the_documented_example_parses() {
        let p = parse(EXAMPLE, Path::new("policy.toml")).unwrap();
        assert_eq!(p.rules.len(), 2);
        assert_eq!(p.rules[0].expect, Some(Expect::Ignore));
        assert_eq!(p.rules[0].expires, Date::parse("2027-06-30"));
        assert_eq!(p.rules[0].source.to_string(), "policy.toml:3");
        assert_eq!(
            p.rules[1].compare.as_ref().unwrap().to_string(),
            "prod >= staging"
        );
    }

    #[test]
    fn globs() {
        let rule = |pattern: &str| Rule {
            id: "r".into(),
            pattern: pattern.into(),
            expect: Some(Expect::Ignore),
            compare: None,
            reason: None,
            owner: None,
            expires: None,
            severity: None,
            flag: false,
            source: crate::error::SourcePos::new("policy.toml", 1, None),
        };
        assert!(rule("*.host").matches("db.host"));
        assert!(rule("*.host").matches("cache.redis.host"));
        assert!(!rule("*.host").matches("db.hostname"));
        assert!(rule("db.*").matches("db.pool.size"));
        assert!(rule("containers[name=web].*").matches("containers[name=web].image"));
        assert!(rule("log?level").matches("log_level"));
        assert!(rule("*HOST").matches("DB_HOST"));
    }

    #[test]
    fn expiry() {
        let p = parse(EXAMPLE, Path::new("p.toml")).unwrap();
        assert!(!p.rules[0].expired(Date::parse("2027-06-30").unwrap()));
        assert!(p.rules[0].expired(Date::parse("2027-07-01").unwrap()));
    }

    #[test]
    fn errors_point_into_the_policy() {
        let bad_expect = "[[rule]]\nid = \"a\"\npath = \"x\"\nexpect = \"maybe\"\n";
        let err = parse(bad_expect, Path::new("p.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("p.toml:4:10: unknown variant, expected one of"),
            "{err}"
        );

        let bad_compare = "[[rule]]\nid = \"a\"\npath = \"x\"\ncompare = \"prod bigger staging\"\n";
        let err = parse(bad_compare, Path::new("p.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("p.toml:4:11: rule `a`: `compare` must look like"),
            "{err}"
        );

        let unknown = "[[rule]]\nid = \"a\"\npath = \"x\"\nexpect = \"equal\"\nwho = 1\n";
        let err = parse(unknown, Path::new("p.toml")).unwrap_err().to_string();
        assert!(err.starts_with("p.toml:5:1: unknown field `who`"), "{err}");

        let neither = "[[rule]]\nid = \"a\"\npath = \"x\"\n";
        let err = parse(neither, Path::new("p.toml")).unwrap_err().to_string();
        assert!(err.starts_with("p.toml:2:6: rule `a` needs"), "{err}");

        let twice = "[[rule]]\nid = \"a\"\npath = \"x\"\nexpect = \"equal\"\n[[rule]]\nid = \"a\"\npath = \"y\"\nexpect = \"equal\"\n";
        let err = parse(twice, Path::new("p.toml")).unwrap_err().to_string();
        assert!(
            err.starts_with("p.toml:6:6: rule id `a` is used twice"),
            "{err}"
        );

        let date =
            "[[rule]]\nid = \"a\"\npath = \"x\"\nexpect = \"equal\"\nexpires = \"next june\"\n";
        let err = parse(date, Path::new("p.toml")).unwrap_err().to_string();
        assert!(err.starts_with("p.toml:5:11: rule `a`: `expires`"), "{err}");
    }

    #[test]
    fn orderings_parse() {
        assert_eq!(parse_ordering("prod>=staging").unwrap().op, Operator::Ge);
        assert_eq!(parse_ordering(" a < b ").unwrap().op, Operator::Lt);
        assert!(parse_ordering(">= b").is_none());
        assert!(parse_ordering("a = b").is_none());
    }
}
