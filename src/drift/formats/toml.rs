//! TOML through the `toml` crate's spanned document, so values keep their lines.

use std::sync::Arc;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::LineIndex;
use crate::config::toml_error;
use crate::drift::tree::{Document, Origin, Parsed, ScalarKind, Value};
use crate::error::Result;

pub fn parse(text: &str, file: &Arc<str>) -> Result<Parsed> {
    let table = DeTable::parse(text)
        .map_err(|e| toml_error(&e, text, std::path::Path::new(file.as_ref())))?;
    let lines = LineIndex::new(text);
    let origin = Origin::new(file, 1);
    let root = convert_table(table.get_ref(), origin, file, &lines);
    Ok(Parsed {
        documents: vec![Document { root }],
        // TOML forbids duplicate keys; the parser has already refused them.
        duplicates: Vec::new(),
    })
}

fn convert_table(table: &DeTable<'_>, origin: Origin, file: &Arc<str>, lines: &LineIndex) -> Value {
    let entries = table
        .iter()
        .map(|(k, v)| (k.get_ref().to_string(), convert(v, file, lines)))
        .collect();
    Value::map(entries, origin)
}

fn convert(value: &Spanned<DeValue<'_>>, file: &Arc<str>, lines: &LineIndex) -> Value {
    let origin = Origin::new(file, lines.line_of(value.span().start));
    match value.get_ref() {
        DeValue::String(s) => Value::scalar(s.to_string(), ScalarKind::String, origin),
        DeValue::Integer(i) => Value::scalar(i.as_str(), ScalarKind::Integer, origin),
        DeValue::Float(f) => Value::scalar(f.as_str(), ScalarKind::Float, origin),
        DeValue::Boolean(b) => Value::scalar(b.to_string(), ScalarKind::Bool, origin),
        DeValue::Datetime(d) => Value::scalar(d.to_string(), ScalarKind::DateTime, origin),
        DeValue::Array(items) => Value::list(
            items
                .iter()
                .map(|item| convert(item, file, lines))
                .collect(),
            origin,
        ),
        DeValue::Table(table) => convert_table(table, origin, file, lines),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_tables_and_lines() {
        let file: Arc<str> = Arc::from("app.toml");
        let parsed = parse(
            "[db]\nhost = \"x\"\npool = 10_000\n\n[[workers]]\nname = \"a\"\n",
            &file,
        )
        .unwrap();
        let root = &parsed.documents[0].root;
        let pool = root.get("db").unwrap().get("pool").unwrap();
        assert_eq!(pool.origin.line, 3);
        assert_eq!(pool.as_text(), Some("10000"));
        assert!(root.get("workers").is_some());
    }

    #[test]
    fn errors_have_a_position() {
        let file: Arc<str> = Arc::from("app.toml");
        let err = parse("a = 1\nb = \n", &file).unwrap_err().to_string();
        assert!(err.starts_with("app.toml:2:"), "{err}");
    }
}
