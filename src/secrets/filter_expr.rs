//! Betterleaks' `filter` and `prefilter` expressions: the part of its expression language
//! that its own default configuration uses to drop findings, run here without an
//! interpreter for the whole language.
//!
//! Understood: `||`, `&&`, `!`, parentheses, comparisons (`<`, `<=`, `>`, `>=`, `==`, `!=`),
//! numbers, strings (`"…"`, `'…'`, `` `…` ``), lists, `finding["secret" | "match" |
//! "line"]`, `attributes["path"]`, and the functions `entropy`, `matchesAny`,
//! `containsAny`, `len` and `lower`.
//!
//! Anything else is either refused at load (syntax: `let`, `?:`, method calls, slices —
//! the whole expression is then not run) or evaluates to *unknown* (another function, such
//! as `tokenRatio`, whose tokenizer opsguard does not carry). Unknown is three-valued:
//! `true || unknown` is true, `false || unknown` is unknown, and a filter that comes out
//! unknown keeps the finding. So where opsguard cannot tell, it reports what Betterleaks
//! might have dropped; it never drops what Betterleaks would report.

use std::collections::BTreeSet;

use regex::bytes::Regex;

use super::entropy::shannon;

/// A parsed expression, with its regex lists compiled.
#[derive(Debug)]
pub struct FilterExpr {
    root: Node,
    /// Functions and variables the expression uses that opsguard does not evaluate.
    pub not_run: BTreeSet<String>,
}

/// What a filter sees of one finding.
pub struct FilterInput<'a> {
    pub secret: &'a [u8],
    pub matched: &'a [u8],
    pub line: &'a [u8],
    pub path: &'a str,
}

#[derive(Debug)]
enum Node {
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<Node>),
    Var(Var),
    Unknown,
    Not(Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Compare(Box<Node>, CompareOp, Box<Node>),
    Entropy(Box<Node>),
    Len(Box<Node>),
    Lower(Box<Node>),
    MatchesAny(Box<Node>, Option<Regex>),
    ContainsAny(Box<Node>, Vec<String>),
}

#[derive(Debug, Clone, Copy)]
enum Var {
    Secret,
    Match,
    Line,
    Path,
}

#[derive(Debug, Clone, Copy)]
enum CompareOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<Value>),
    Unknown,
}

impl FilterExpr {
    /// Parses `text`; the error names what is not supported, for the load warning.
    pub fn parse(text: &str) -> Result<FilterExpr, String> {
        let tokens = tokenize(text)?;
        let mut parser = Parser {
            tokens,
            at: 0,
            not_run: BTreeSet::new(),
        };
        let root = parser.or()?;
        if parser.at < parser.tokens.len() {
            return Err(format!(
                "unsupported syntax at `{}`",
                parser.tokens[parser.at].shown()
            ));
        }
        Ok(FilterExpr {
            root,
            not_run: parser.not_run,
        })
    }

    /// True when the expression says to drop the finding; unknown keeps it.
    pub fn drops(&self, input: &FilterInput) -> bool {
        eval(&self.root, input) == Value::Bool(true)
    }
}

fn eval(node: &Node, input: &FilterInput) -> Value {
    match node {
        Node::Bool(b) => Value::Bool(*b),
        Node::Num(n) => Value::Num(*n),
        Node::Str(s) => Value::Str(s.clone()),
        Node::List(items) => Value::List(items.iter().map(|n| eval(n, input)).collect()),
        Node::Unknown => Value::Unknown,
        Node::Var(var) => {
            let bytes: &[u8] = match var {
                Var::Secret => input.secret,
                Var::Match => input.matched,
                Var::Line => input.line,
                Var::Path => input.path.as_bytes(),
            };
            Value::Str(String::from_utf8_lossy(bytes).into_owned())
        }
        Node::Not(inner) => match eval(inner, input) {
            Value::Bool(b) => Value::Bool(!b),
            _ => Value::Unknown,
        },
        Node::Or(a, b) => match (eval(a, input), eval(b, input)) {
            (Value::Bool(true), _) | (_, Value::Bool(true)) => Value::Bool(true),
            (Value::Bool(false), Value::Bool(false)) => Value::Bool(false),
            _ => Value::Unknown,
        },
        Node::And(a, b) => match (eval(a, input), eval(b, input)) {
            (Value::Bool(false), _) | (_, Value::Bool(false)) => Value::Bool(false),
            (Value::Bool(true), Value::Bool(true)) => Value::Bool(true),
            _ => Value::Unknown,
        },
        Node::Compare(a, op, b) => compare(&eval(a, input), *op, &eval(b, input)),
        Node::Entropy(arg) => match eval(arg, input) {
            Value::Str(s) => Value::Num(shannon(s.as_bytes())),
            _ => Value::Unknown,
        },
        Node::Len(arg) => match eval(arg, input) {
            Value::Str(s) => Value::Num(s.chars().count() as f64),
            Value::List(l) => Value::Num(l.len() as f64),
            _ => Value::Unknown,
        },
        Node::Lower(arg) => match eval(arg, input) {
            Value::Str(s) => Value::Str(s.to_lowercase()),
            _ => Value::Unknown,
        },
        Node::MatchesAny(arg, regex) => match (eval(arg, input), regex) {
            (Value::Str(s), Some(regex)) => Value::Bool(regex.is_match(s.as_bytes())),
            (Value::Str(_), None) => Value::Bool(false),
            _ => Value::Unknown,
        },
        Node::ContainsAny(arg, terms) => match eval(arg, input) {
            Value::Str(s) => {
                let lower = s.to_lowercase();
                Value::Bool(terms.iter().any(|t| lower.contains(t.as_str())))
            }
            _ => Value::Unknown,
        },
    }
}

fn compare(a: &Value, op: CompareOp, b: &Value) -> Value {
    let ordering = match (a, b) {
        (Value::Num(x), Value::Num(y)) => x.partial_cmp(y),
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        _ => return Value::Unknown,
    };
    let Some(ordering) = ordering else {
        return Value::Unknown;
    };
    use std::cmp::Ordering::*;
    Value::Bool(match op {
        CompareOp::Lt => ordering == Less,
        CompareOp::Le => ordering != Greater,
        CompareOp::Gt => ordering == Greater,
        CompareOp::Ge => ordering != Less,
        CompareOp::Eq => ordering == Equal,
        CompareOp::Ne => ordering != Equal,
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Num(f64),
    Str(String),
    Punct(&'static str),
}

impl Token {
    fn shown(&self) -> String {
        match self {
            Token::Ident(s) => s.clone(),
            Token::Num(n) => n.to_string(),
            Token::Str(_) => "a string".into(),
            Token::Punct(p) => p.to_string(),
        }
    }
}

const PUNCTUATION: &[&str] = &[
    "||", "&&", "<=", ">=", "==", "!=", "??", "?.", "<", ">", "!", "(", ")", "[", "]", ",", ":",
    "?", ".", ";", "=", "+", "-", "*", "/", "{", "}", "%",
];

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            // A comment, to the end of the line.
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(Token::Ident(chars[start..i].iter().collect()));
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            let n = text
                .parse()
                .map_err(|_| format!("`{text}` is not a number"))?;
            tokens.push(Token::Num(n));
        } else if c == '`' {
            let end = (i + 1..chars.len())
                .find(|&j| chars[j] == '`')
                .ok_or("an unterminated `…` string")?;
            tokens.push(Token::Str(chars[i + 1..end].iter().collect()));
            i = end + 1;
        } else if c == '"' || c == '\'' {
            let mut s = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err("an unterminated string".into()),
                    Some(&q) if q == c => break,
                    Some('\\') => {
                        let escaped = chars.get(i + 1).ok_or("an unterminated string")?;
                        s.push(match escaped {
                            'n' => '\n',
                            't' => '\t',
                            'r' => '\r',
                            other => *other,
                        });
                        i += 2;
                    }
                    Some(&other) => {
                        s.push(other);
                        i += 1;
                    }
                }
            }
            tokens.push(Token::Str(s));
            i += 1;
        } else {
            let rest: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            let punct = PUNCTUATION
                .iter()
                .find(|p| rest.starts_with(**p))
                .ok_or_else(|| format!("unsupported character `{c}`"))?;
            tokens.push(Token::Punct(punct));
            i += punct.chars().count();
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    not_run: BTreeSet<String>,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn eat(&mut self, punct: &str) -> bool {
        if matches!(self.peek(), Some(Token::Punct(p)) if *p == punct) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, punct: &str) -> Result<(), String> {
        if self.eat(punct) {
            Ok(())
        } else {
            Err(match self.peek() {
                Some(t) => format!("unsupported syntax at `{}`", t.shown()),
                None => format!("expected `{punct}` at the end"),
            })
        }
    }

    fn or(&mut self) -> Result<Node, String> {
        let mut left = self.and()?;
        while self.eat("||") {
            let right = self.and()?;
            left = Node::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Node, String> {
        let mut left = self.unary()?;
        while self.eat("&&") {
            let right = self.unary()?;
            left = Node::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Node, String> {
        if self.eat("!") {
            return Ok(Node::Not(Box::new(self.unary()?)));
        }
        let left = self.primary()?;
        let op = match self.peek() {
            Some(Token::Punct("<")) => CompareOp::Lt,
            Some(Token::Punct("<=")) => CompareOp::Le,
            Some(Token::Punct(">")) => CompareOp::Gt,
            Some(Token::Punct(">=")) => CompareOp::Ge,
            Some(Token::Punct("==")) => CompareOp::Eq,
            Some(Token::Punct("!=")) => CompareOp::Ne,
            _ => return Ok(left),
        };
        self.at += 1;
        let right = self.primary()?;
        Ok(Node::Compare(Box::new(left), op, Box::new(right)))
    }

    fn primary(&mut self) -> Result<Node, String> {
        let token = self
            .peek()
            .cloned()
            .ok_or("the expression ends too early")?;
        self.at += 1;
        match token {
            Token::Num(n) => Ok(Node::Num(n)),
            Token::Str(s) => Ok(Node::Str(s)),
            Token::Punct("(") => {
                let inner = self.or()?;
                self.expect(")")?;
                Ok(inner)
            }
            Token::Punct("[") => {
                let mut items = Vec::new();
                while !self.eat("]") {
                    items.push(self.or()?);
                    if !self.eat(",") {
                        self.expect("]")?;
                        break;
                    }
                }
                Ok(Node::List(items))
            }
            Token::Ident(name) if name == "true" || name == "false" => {
                Ok(Node::Bool(name == "true"))
            }
            Token::Ident(name) if self.eat("[") => {
                let key = match self.peek().cloned() {
                    Some(Token::Str(key)) => key,
                    _ => return Err(format!("unsupported index into `{name}`")),
                };
                self.at += 1;
                self.expect("]")?;
                Ok(match (name.as_str(), key.as_str()) {
                    ("finding", "secret") => Node::Var(Var::Secret),
                    ("finding", "match") => Node::Var(Var::Match),
                    ("finding", "line") => Node::Var(Var::Line),
                    ("attributes", "path") => Node::Var(Var::Path),
                    _ => {
                        self.not_run.insert(format!("{name}[\"{key}\"]"));
                        Node::Unknown
                    }
                })
            }
            Token::Ident(name) if self.eat("(") => {
                let mut args = Vec::new();
                while !self.eat(")") {
                    args.push(self.or()?);
                    if !self.eat(",") {
                        self.expect(")")?;
                        break;
                    }
                }
                self.call(&name, args)
            }
            Token::Ident(name) => Err(format!("unsupported syntax at `{name}`")),
            Token::Punct(p) => Err(format!("unsupported syntax at `{p}`")),
        }
    }

    fn call(&mut self, name: &str, mut args: Vec<Node>) -> Result<Node, String> {
        let arity = |n: usize| {
            if args.len() == n {
                Ok(())
            } else {
                Err(format!("{name}() takes {n} argument(s)"))
            }
        };
        match name {
            "entropy" | "len" | "lower" => {
                arity(1)?;
                let arg = Box::new(args.remove(0));
                Ok(match name {
                    "entropy" => Node::Entropy(arg),
                    "len" => Node::Len(arg),
                    _ => Node::Lower(arg),
                })
            }
            "matchesAny" | "containsAny" => {
                arity(2)?;
                let list = args.pop().expect("two arguments");
                let subject = Box::new(args.remove(0));
                let Node::List(items) = list else {
                    return Err(format!("{name}() with a list that is not written out"));
                };
                let strings = items
                    .into_iter()
                    .map(|item| match item {
                        Node::Str(s) => Ok(s),
                        _ => Err(format!("{name}() with a list of non-strings")),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                if name == "containsAny" {
                    return Ok(Node::ContainsAny(
                        subject,
                        strings.iter().map(|s| s.to_lowercase()).collect(),
                    ));
                }
                let joined = strings
                    .iter()
                    .map(|p| format!("(?:{})", super::re2::translate(p)))
                    .collect::<Vec<_>>()
                    .join("|");
                let regex =
                    if strings.is_empty() {
                        None
                    } else {
                        Some(super::rules::compile(&joined).map_err(|_| {
                            format!("{name}() with a pattern that does not compile")
                        })?)
                    };
                Ok(Node::MatchesAny(subject, regex))
            }
            other => {
                self.not_run.insert(format!("{other}()"));
                Ok(Node::Unknown)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drops(expr: &str, secret: &str) -> bool {
        FilterExpr::parse(expr).unwrap().drops(&FilterInput {
            secret: secret.as_bytes(),
            matched: secret.as_bytes(),
            line: secret.as_bytes(),
            path: "src/app.py",
        })
    }

    #[test]
    fn entropy_thresholds() {
        let f = r#"entropy(finding["secret"]) < 3.5"#;
        assert!(drops(f, "aaaaaaaaaaaaaaaa"));
        assert!(!drops(f, "q8Zr2LmX0vTy7PwN"));
        assert!(drops(
            r#"entropy(finding["secret"]) <= 4.0"#,
            "0123456789abcdef"
        ));
    }

    #[test]
    fn unknown_functions_keep_the_finding_unless_the_known_part_drops_it() {
        let f = r#"entropy(finding["secret"]) < 3.5 || tokenRatio(finding["secret"]) >= 2.5"#;
        let parsed = FilterExpr::parse(f).unwrap();
        assert!(parsed.not_run.contains("tokenRatio()"));
        assert!(drops(f, "aaaaaaaaaaaaaaaa"));
        assert!(!drops(f, "q8Zr2LmX0vTy7PwN"));
        assert!(!drops(r#"!tokenRatio(finding["secret"])"#, "x"));
        assert!(!drops(r#"true && tokenRatio(finding["secret"])"#, "x"));
        assert!(!drops(r#"false && tokenRatio(finding["secret"])"#, "x"));
    }

    #[test]
    fn matches_any_uses_re2_syntax() {
        let f =
            r#"matchesAny(finding["secret"], [`^\${(?:[A-Z_]+|[a-z_]+)}$`, `^\$(?:\d+|{\d+})$`])"#;
        assert!(drops(f, "${API_TOKEN}"));
        assert!(drops(f, "${1}"));
        assert!(!drops(f, "hunter2hunter2"));
        let negated = r#"entropy(finding["secret"]) < 1 || !matchesAny(finding["secret"], ["^(?:[^0-9]*[0-9]){2}"])"#;
        assert!(drops(negated, "abcdefgh1"));
        assert!(!drops(negated, "ab1cd2ef"));
    }

    #[test]
    fn contains_any_is_case_insensitive_on_the_subject() {
        let f = r#"containsAny(finding["secret"], ["abcdefghijklmnopqrstuvwxyz", "example"])"#;
        assert!(drops(f, "MyEXAMPLEKey"));
        assert!(!drops(f, "q8Zr2LmX0vTy7PwN"));
    }

    #[test]
    fn the_path_attribute() {
        let f = r#"matchesAny(attributes["path"], [`(?:^|/)vendor/`, `\.lock$`])"#;
        assert!(!drops(f, "x"));
        let input = FilterInput {
            secret: b"x",
            matched: b"x",
            line: b"x",
            path: "third/vendor/a.go",
        };
        assert!(FilterExpr::parse(f).unwrap().drops(&input));
    }

    #[test]
    fn len_lower_and_comparisons() {
        assert!(drops(r#"len(finding["secret"]) < 8"#, "short"));
        assert!(!drops(r#"len(finding["secret"]) < 8"#, "long enough"));
        assert!(drops(r#"lower(finding["secret"]) == "null""#, "NULL"));
        assert!(drops(r#"(1 < 2) && !(2 <= 1)"#, "x"));
    }

    #[test]
    fn unknown_variables_are_named() {
        let parsed = FilterExpr::parse(r#"finding["fragment"] == "x""#).unwrap();
        assert!(parsed.not_run.contains("finding[\"fragment\"]"));
        assert!(!drops(r#"finding["fragment"] == "x""#, "x"));
    }

    #[test]
    fn comments_are_skipped() {
        assert!(drops(
            "// short values only\nlen(finding[\"secret\"]) < 8 // here",
            "short"
        ));
    }

    #[test]
    fn unsupported_syntax_is_refused() {
        for text in [
            r#"let x = 1; x > 0"#,
            r#"finding["secret"][0:3] == "abc""#,
            r#"a ? b : c"#,
            r#"finding.secret"#,
            r#"entropy(finding["secret"]"#,
            "`unterminated",
        ] {
            assert!(FilterExpr::parse(text).is_err(), "{text}");
        }
    }
}
