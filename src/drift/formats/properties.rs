//! Java `.properties`: `key=value`, `key: value` or `key value`; `#` and `!` comments;
//! a trailing `\` continues the line; `\uXXXX` escapes. Dotted keys nest (`db.pool.size`).

use std::sync::Arc;

use crate::drift::tree::{Origin, Parsed, PathBuilder, ScalarKind, Value};
use crate::error::{Error, Result, SourcePos};

pub fn parse(text: &str, file: &Arc<str>) -> Result<Parsed> {
    let mut entries = PathBuilder::default();
    let mut duplicates = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut index = 0;
    while index < lines.len() {
        let line_no = index + 1;
        let mut logical = lines[index]
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_string();
        index += 1;
        if logical.is_empty() || logical.starts_with('#') || logical.starts_with('!') {
            continue;
        }
        while ends_with_continuation(&logical) && index < lines.len() {
            logical.pop();
            logical.push_str(lines[index].trim_start());
            index += 1;
        }
        let (key, value) = split_key_value(&logical);
        let key = unescape(&key)
            .map_err(|m| Error::input(SourcePos::new(file.as_ref(), line_no, Some(1)), m))?;
        let value = unescape(&value).map_err(|m| {
            Error::input(
                SourcePos::new(file.as_ref(), line_no, Some(key.len() + 2)),
                m,
            )
        })?;
        if key.is_empty() {
            return Err(Error::input(
                SourcePos::new(file.as_ref(), line_no, Some(1)),
                "empty key",
            ));
        }
        let path: Vec<&str> = key.split('.').collect();
        let value = Value::scalar(value, ScalarKind::String, Origin::new(file, line_no));
        entries.insert(&path, value, &mut duplicates).map_err(|p| {
            Error::input(SourcePos::new(file.as_ref(), line_no, Some(1)), p.message())
        })?;
    }
    Ok(Parsed::single(entries.into_entries(), file, duplicates))
}

/// An odd number of trailing backslashes continues the line.
fn ends_with_continuation(line: &str) -> bool {
    line.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1
}

fn split_key_value(line: &str) -> (String, String) {
    let mut key = String::new();
    let mut escaped = false;
    let mut end = line.len();
    for (i, c) in line.char_indices() {
        if escaped {
            key.push('\\');
            key.push(c);
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '=' | ':' | ' ' | '\t' => {
                end = i;
                break;
            }
            _ => key.push(c),
        }
    }
    let rest = line[end..].trim_start_matches([' ', '\t']);
    let rest = rest
        .strip_prefix(['=', ':'])
        .unwrap_or(rest)
        .trim_start_matches([' ', '\t']);
    (key, rest.to_string())
}

fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| "malformed \\uXXXX escape".to_string())?;
                out.push(code);
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Value {
        parse(text, &Arc::from("app.properties"))
            .unwrap()
            .documents
            .remove(0)
            .root
    }

    #[test]
    fn separators_comments_and_nesting() {
        let r = root("# c\n! c\ndb.pool.size=10\ndb.host: db.local\ncache.ttl 60s\n");
        let db = r.get("db").unwrap();
        assert_eq!(
            db.get("pool").unwrap().get("size").unwrap().as_text(),
            Some("10")
        );
        assert_eq!(db.get("host").unwrap().as_text(), Some("db.local"));
        assert_eq!(
            r.get("cache").unwrap().get("ttl").unwrap().as_text(),
            Some("60s")
        );
    }

    #[test]
    fn continuation_and_escapes() {
        let r = root("greeting=hello \\\n    world\nname=caf\\u00e9\nnext=1\n");
        assert_eq!(r.get("greeting").unwrap().as_text(), Some("hello world"));
        assert_eq!(r.get("name").unwrap().as_text(), Some("café"));
        assert_eq!(r.get("next").unwrap().origin.line, 4);
    }

    #[test]
    fn bad_escape_is_an_error_with_position() {
        let err = parse("a=\\uZZZZ\n", &Arc::from("p.properties"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("p.properties:1:"), "{err}");
    }
}
