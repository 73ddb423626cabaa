//! INI: `[section]` headers (dotted sections nest), `key = value` or `key: value`, `;` and
//! `#` comments. Keys become `section.key`.

use std::sync::Arc;

use crate::drift::tree::{Origin, Parsed, PathBuilder, ScalarKind, Value};
use crate::error::{Error, Result, SourcePos};

pub fn parse(text: &str, file: &Arc<str>) -> Result<Parsed> {
    let mut entries = PathBuilder::default();
    let mut duplicates = Vec::new();
    let mut section: Vec<String> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with(';') || line.starts_with('#') {
            continue;
        }
        let pos = |col: usize| SourcePos::new(file.as_ref(), line_no, Some(col));
        if let Some(rest) = line.strip_prefix('[') {
            let Some(name) = rest.strip_suffix(']') else {
                return Err(Error::input(pos(1), "section header without closing `]`"));
            };
            section = name
                .trim()
                .split('.')
                .map(|s| s.trim().to_string())
                .collect();
            continue;
        }
        let Some(sep) = line.find(['=', ':']) else {
            return Err(Error::input(pos(1), "expected `key = value`"));
        };
        let key = line[..sep].trim();
        if key.is_empty() {
            return Err(Error::input(pos(1), "empty key before `=`"));
        }
        let value = unquote(strip_inline_comment(line[sep + 1..].trim()));
        let mut path: Vec<&str> = section.iter().map(String::as_str).collect();
        path.push(key);
        let value = Value::scalar(value, ScalarKind::String, Origin::new(file, line_no));
        entries
            .insert(&path, value, &mut duplicates)
            .map_err(|p| Error::input(pos(1), p.message()))?;
    }
    Ok(Parsed::single(entries.into_entries(), file, duplicates))
}

fn strip_inline_comment(value: &str) -> &str {
    match value.find(" ;").or_else(|| value.find(" #")) {
        Some(i) if !value.starts_with('"') => value[..i].trim_end(),
        _ => value,
    }
}

fn unquote(value: &str) -> String {
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return value[1..value.len() - 1].to_string();
        }
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_become_path_prefixes() {
        let text = "top = 1\n[database]\nhost = db.local ; primary\nport: 5432\n[cache.redis]\nttl = \"60s\"\n";
        let root = parse(text, &Arc::from("app.ini"))
            .unwrap()
            .documents
            .remove(0)
            .root;
        assert_eq!(root.get("top").unwrap().as_text(), Some("1"));
        let db = root.get("database").unwrap();
        assert_eq!(db.get("host").unwrap().as_text(), Some("db.local"));
        assert_eq!(db.get("port").unwrap().origin.line, 4);
        let ttl = root
            .get("cache")
            .unwrap()
            .get("redis")
            .unwrap()
            .get("ttl")
            .unwrap();
        assert_eq!(ttl.as_text(), Some("60s"));
    }

    #[test]
    fn garbage_line_is_an_error() {
        let err = parse("[a]\njunk\n", &Arc::from("x.ini"))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "x.ini:2:1: expected `key = value`");
    }
}
