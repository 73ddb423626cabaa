//! `.env` files as the common dotenv readers (dotenv, python-dotenv, Vite, Docker Compose)
//! agree on them: `KEY=VALUE`, optional `export`, single, double or backtick quotes (all may
//! span lines; only double quotes take `\n`-style escapes), `#` comments (a whole line, or
//! after whitespace in an unquoted value), `KEY=` as the empty string and a bare `KEY` as
//! no value. `${VAR}` is compared as written, not expanded: the variable it names is
//! compared in its own row.

use std::sync::Arc;

use crate::drift::tree::{
    KeyProblem, MapBuilder, Origin, Parsed, ScalarKind, Value, MAX_KEY_BYTES,
};
use crate::error::{Error, Result, SourcePos};

pub fn parse(text: &str, file: &Arc<str>) -> Result<Parsed> {
    let mut entries = MapBuilder::default();
    let mut duplicates = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut index = 0;
    while index < lines.len() {
        let line_no = index + 1;
        let raw = lines[index];
        index += 1;
        let line = raw.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line
            .strip_prefix("export ")
            .map(str::trim_start)
            .unwrap_or(line);
        let pos = |col: usize| SourcePos::new(file.as_ref(), line_no, Some(col));
        let Some(eq) = line.find('=') else {
            // A bare name: declared without a value (python-dotenv reads None, Compose
            // takes it from the shell), so unset here.
            let name = line
                .split_once(char::is_whitespace)
                .map_or(line, |(n, rest)| {
                    if rest.trim_start().starts_with('#') {
                        n
                    } else {
                        line
                    }
                });
            if is_variable_name(name) && name.len() <= MAX_KEY_BYTES {
                let value =
                    Value::scalar(String::new(), ScalarKind::Null, Origin::new(file, line_no));
                entries.insert(name.to_string(), value, &mut duplicates);
                continue;
            }
            return Err(Error::input(pos(1), "expected KEY=VALUE"));
        };
        let key = line[..eq].trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        {
            return Err(Error::input(pos(1), "invalid variable name before `=`"));
        }
        if key.len() > MAX_KEY_BYTES {
            return Err(Error::input(pos(1), KeyProblem::TooLong.message()));
        }
        let rest = line[eq + 1..].trim_start();
        let value = match rest.chars().next() {
            Some(quote @ ('"' | '\'' | '`')) => {
                let mut body = rest[1..].to_string();
                // Where the search for the closing quote goes on: only the new line is
                // searched, so a long unterminated value costs linear time, not quadratic.
                let mut from = 0;
                // A quoted value may continue on the following lines (a PEM key, JSON).
                loop {
                    if let Some(end) = closing_quote(&body[from..], quote) {
                        body.truncate(from + end);
                        break;
                    }
                    from = body.len();
                    if index >= lines.len() {
                        return Err(Error::input(pos(eq + 2), "unterminated quoted value"));
                    }
                    body.push('\n');
                    body.push_str(lines[index]);
                    index += 1;
                }
                if quote == '"' {
                    unescape(&body)
                } else {
                    body
                }
            }
            _ => {
                let value = match rest.char_indices().find(|&(i, c)| {
                    c == '#' && (i == 0 || rest[..i].ends_with(char::is_whitespace))
                }) {
                    Some((hash, _)) => &rest[..hash],
                    None => rest,
                };
                value.trim_end().to_string()
            }
        };
        // `KEY=` sets the variable to the empty string, which is not unset.
        let value = Value::scalar(value, ScalarKind::String, Origin::new(file, line_no));
        entries.insert(key.to_string(), value, &mut duplicates);
    }
    Ok(Parsed::single(entries.into_entries(), file, duplicates))
}

fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

fn closing_quote(body: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' && quote == '"' {
            escaped = true;
        } else if c == quote {
            return Some(i);
        }
    }
    None
}

fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Value {
        parse(text, &Arc::from(".env"))
            .unwrap()
            .documents
            .remove(0)
            .root
    }

    #[test]
    fn quoted_values_of_every_kind_may_span_lines() {
        let root = parse_ok("A='line one\nline two'\nB=\"x\\ny\nz\"\nC=`multi\nline`\nD=after\n");
        assert_eq!(root.get("A").unwrap().as_text(), Some("line one\nline two"));
        assert_eq!(root.get("B").unwrap().as_text(), Some("x\ny\nz"));
        assert_eq!(root.get("C").unwrap().as_text(), Some("multi\nline"));
        assert_eq!(root.get("D").unwrap().as_text(), Some("after"));
        assert_eq!(root.get("D").unwrap().origin.line, 7);
    }

    #[test]
    fn the_usual_forms() {
        let root = parse_ok(
            "# comment\nexport A=1\nB = \"two words\" \nC='single # not a comment'\nD=x # comment\nE=\n",
        );
        assert_eq!(root.get("A").unwrap().as_text(), Some("1"));
        assert_eq!(root.get("B").unwrap().as_text(), Some("two words"));
        assert_eq!(
            root.get("C").unwrap().as_text(),
            Some("single # not a comment")
        );
        assert_eq!(root.get("D").unwrap().as_text(), Some("x"));
        assert_eq!(root.get("E").unwrap().as_text(), Some(""));
        assert!(
            matches!(&root.get("E").unwrap().node, crate::drift::tree::Node::Scalar(s) if s.kind == ScalarKind::String)
        );
        assert_eq!(root.get("D").unwrap().origin.line, 5);
    }

    #[test]
    fn double_quotes_take_escapes_and_span_lines() {
        let root = parse_ok("K=\"a\\nb\"\nM=\"line1\nline2\"\nN=3\n");
        assert_eq!(root.get("K").unwrap().as_text(), Some("a\nb"));
        assert_eq!(root.get("M").unwrap().as_text(), Some("line1\nline2"));
        assert_eq!(root.get("N").unwrap().origin.line, 4);
    }

    #[test]
    fn a_line_without_equals_is_an_error_that_does_not_echo_it() {
        let err = parse("A=1\nsuper secret value\n", &Arc::from(".env"))
            .unwrap_err()
            .to_string();
        assert_eq!(err, ".env:2:1: expected KEY=VALUE");
    }

    /// The behaviour dotenv readers share, one case per row: (file, key, value or `None`
    /// for no value).
    const CASES: &[(&str, &str, Option<&str>)] = &[
        ("A=1", "A", Some("1")),
        ("export A=1", "A", Some("1")),
        ("export\tA=1", "export\tA", None),
        ("A = spaced ", "A", Some("spaced")),
        ("A=two words", "A", Some("two words")),
        ("A=", "A", Some("")),
        ("A=\"\"", "A", Some("")),
        ("A=''", "A", Some("")),
        ("A", "A", None),
        ("A # declared, no value", "A", None),
        ("A=x # comment", "A", Some("x")),
        ("A=x\t# comment", "A", Some("x")),
        ("A=x#not-a-comment", "A", Some("x#not-a-comment")),
        ("A=#", "A", Some("")),
        ("A=\"x # kept\" # comment", "A", Some("x # kept")),
        ("A='x # kept'", "A", Some("x # kept")),
        ("A='no \\n escape'", "A", Some("no \\n escape")),
        ("A=\"new\\nline\"", "A", Some("new\nline")),
        ("A=\"tab\\there\"", "A", Some("tab\there")),
        ("A=\"quote \\\" inside\"", "A", Some("quote \" inside")),
        ("A=\"back\\\\slash\"", "A", Some("back\\slash")),
        (
            "A=`backtick 'and' \"quotes\"`",
            "A",
            Some("backtick 'and' \"quotes\""),
        ),
        ("A=it's", "A", Some("it's")),
        ("A=${HOST}/api", "A", Some("${HOST}/api")),
        ("A=\"${HOST}\"", "A", Some("${HOST}")),
        ("A=a=b=c", "A", Some("a=b=c")),
        ("A=1\r\nB=2\r\n", "B", Some("2")),
        ("\u{feff}A=1", "A", Some("1")),
        ("A=1\nA=2", "A", Some("2")),
        ("  # indented comment\nA=1", "A", Some("1")),
        ("A='multi\nline'", "A", Some("multi\nline")),
        ("A=\"multi\nline\"", "A", Some("multi\nline")),
        (
            "A=\"-----BEGIN-----\nabc\n-----END-----\"\nB=1",
            "B",
            Some("1"),
        ),
        ("app.name=x", "app.name", Some("x")),
        ("VITE_API-URL=x", "VITE_API-URL", Some("x")),
    ];

    #[test]
    fn the_dotenv_case_table() {
        for &(text, key, expected) in CASES {
            let parsed = parse(text, &Arc::from(".env"));
            if key.contains('\t') {
                assert!(parsed.is_err(), "{text:?} should be refused");
                continue;
            }
            let root = parsed
                .unwrap_or_else(|e| panic!("{text:?}: {e}"))
                .documents
                .remove(0)
                .root;
            let value = root
                .get(key)
                .unwrap_or_else(|| panic!("{text:?}: no key {key}"));
            let got = match &value.node {
                crate::drift::tree::Node::Scalar(s) if s.kind == ScalarKind::Null => None,
                _ => value.as_text(),
            };
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn unterminated_quote_does_not_echo_the_value() {
        let err = parse("PASSWORD='hunter2\n", &Arc::from(".env"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(".env:1:10: unterminated"), "{err}");
        assert!(!err.contains("hunter2"));
    }
}
