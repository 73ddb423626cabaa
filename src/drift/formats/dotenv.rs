//! `.env` files: `KEY=VALUE`, optional `export`, single, double or backtick quotes (all may
//! span lines, as dotenv, python-dotenv and Vite read them; double quotes take `\n`-style
//! escapes), `#` comments.

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
        let (value, quoted) = match rest.chars().next() {
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
                let value = if quote == '"' { unescape(&body) } else { body };
                (value, true)
            }
            _ => {
                let value = match rest.find(" #") {
                    Some(hash) => &rest[..hash],
                    None => rest,
                };
                (value.trim_end().to_string(), false)
            }
        };
        let kind = if quoted || !value.is_empty() {
            ScalarKind::String
        } else {
            ScalarKind::Null
        };
        let value = Value::scalar(value, kind, Origin::new(file, line_no));
        entries.insert(key.to_string(), value, &mut duplicates);
    }
    Ok(Parsed::single(entries.into_entries(), file, duplicates))
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
        let err = parse("A=1\nsupersecretvalue\n", &Arc::from(".env"))
            .unwrap_err()
            .to_string();
        assert_eq!(err, ".env:2:1: expected KEY=VALUE");
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
