//! YAML through yaml-rust2's event parser, so every value keeps its line. Anchors and
//! aliases are expanded, `<<` merge keys resolved (explicit keys win, earlier merge sources
//! beat later ones), duplicate keys reported, and a stream stays a list of documents.

use std::collections::HashMap;
use std::sync::Arc;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::drift::sensitive::is_secret_key;
use crate::drift::tree::{
    Document, DuplicateKey, KeyProblem, MapBuilder, Node, Origin, Parsed, ScalarKind, Value,
    MAX_DEPTH, MAX_KEY_BYTES,
};

/// How many values aliases may add to one file: PyYAML-style anchors expanded without a
/// bound let ten lines ("billion laughs") grow to gigabytes. Real configuration stays far
/// below this.
const MAX_ALIAS_VALUES: usize = 1_000_000;
use crate::error::{Error, Result, SourcePos};

pub fn parse(text: &str, file: &Arc<str>) -> Result<Parsed> {
    let mut builder = Builder {
        file,
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        documents: Vec::new(),
        duplicates: Vec::new(),
        error: None,
        last_key_line: 1,
        alias_values: 0,
    };
    let mut parser = Parser::new_from_str(text);
    // Events one at a time, not `Parser::load`: that recurses once per nesting level of a
    // block mapping, and a few thousand levels overflow the stack before the builder can
    // refuse them.
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let m = e.marker();
            Error::input(
                SourcePos::new(file.as_ref(), m.line().max(1), Some(m.col() + 1)),
                format!("invalid YAML: {}", e.info()),
            )
        })?;
        let end = event == Event::StreamEnd;
        builder.on_event(event, mark);
        if end || builder.error.is_some() {
            break;
        }
    }
    if let Some(err) = builder.error {
        return Err(err);
    }
    let mut documents = builder.documents;
    if documents.is_empty() {
        documents.push(Document {
            root: Value::map(Vec::new(), Origin::new(file, 1)),
        });
    }
    Ok(Parsed {
        documents,
        duplicates: builder.duplicates,
    })
}

enum Frame {
    List {
        items: Vec<Value>,
        origin: Origin,
        anchor: usize,
    },
    Map {
        entries: MapBuilder,
        key: Option<(String, bool)>,
        merges: Vec<Value>,
        origin: Origin,
        anchor: usize,
    },
}

/// An anchored value, how many values it holds, and whether it sits under a secret key
/// (so that every alias to it is masked too).
struct Anchor {
    value: Value,
    values: usize,
    secret: bool,
}

struct Builder<'a> {
    file: &'a Arc<str>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Anchor>,
    /// Values added by aliases so far, bounded by [`MAX_ALIAS_VALUES`].
    alias_values: usize,
    root: Option<Value>,
    documents: Vec<Document>,
    duplicates: Vec<DuplicateKey>,
    error: Option<Error>,
    /// The line of the last map key: where an empty value (`key:`, null) is written. The
    /// parser marks an empty scalar at the next token, lines further down.
    last_key_line: usize,
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        if self.error.is_some() {
            return;
        }
        let origin = Origin::new(self.file, mark.line().max(1));
        let at = || SourcePos::new(self.file.as_ref(), mark.line().max(1), Some(mark.col() + 1));
        match event {
            Event::DocumentEnd => {
                if let Some(root) = self.root.take() {
                    self.documents.push(Document { root });
                }
            }
            Event::Scalar(text, style, anchor, _tag) => {
                let plain = style == TScalarStyle::Plain;
                let kind = if plain {
                    resolve_plain(&text)
                } else {
                    ScalarKind::String
                };
                let awaits_value =
                    matches!(self.stack.last(), Some(Frame::Map { key: Some(_), .. }));
                let origin = if plain && text.is_empty() && awaits_value {
                    Origin::new(self.file, self.last_key_line)
                } else {
                    origin
                };
                let value = Value::scalar(text, kind, origin);
                self.remember(anchor, &value);
                self.push(value, plain);
            }
            Event::Alias(id) => match self.anchors.get(&id) {
                Some(anchor) => {
                    self.alias_values = self.alias_values.saturating_add(anchor.values);
                    if self.alias_values > MAX_ALIAS_VALUES {
                        self.error = Some(Error::input(
                            at(),
                            format!(
                                "aliases expand to more than {MAX_ALIAS_VALUES} values (a \"billion laughs\" document?)"
                            ),
                        ));
                        return;
                    }
                    let mut value = anchor.value.clone();
                    if anchor.secret {
                        mark_sensitive(&mut value);
                    }
                    self.push(value, false);
                }
                None => {
                    self.error = Some(Error::input(at(), "alias to an unknown anchor"));
                }
            },
            Event::SequenceStart(..) | Event::MappingStart(..) if self.stack.len() >= MAX_DEPTH => {
                self.error = Some(Error::input(
                    at(),
                    format!("nested deeper than {MAX_DEPTH} levels"),
                ));
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Frame::List {
                items: Vec::new(),
                origin,
                anchor,
            }),
            Event::MappingStart(anchor, _) => self.stack.push(Frame::Map {
                entries: MapBuilder::default(),
                key: None,
                merges: Vec::new(),
                origin,
                anchor,
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return;
                };
                let (value, anchor) = match frame {
                    Frame::List {
                        items,
                        origin,
                        anchor,
                    } => (Value::list(items, origin), anchor),
                    Frame::Map {
                        entries,
                        merges,
                        origin,
                        anchor,
                        ..
                    } => {
                        let mut entries = entries.into_entries();
                        merge_into(&mut entries, merges);
                        (Value::map(entries, origin), anchor)
                    }
                };
                self.remember(anchor, &value);
                self.push(value, false);
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentStart => {}
        }
    }
}

impl Builder<'_> {
    fn remember(&mut self, anchor: usize, value: &Value) {
        if anchor > 0 {
            let anchor_data = Anchor {
                value: value.clone(),
                values: count_values(value),
                secret: is_secret_key(&self.key_path()),
            };
            self.anchors.insert(anchor, anchor_data);
        }
    }

    /// The keys above the value being built, joined: where an anchored value sits.
    fn key_path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            if let Frame::Map {
                key: Some((k, _)), ..
            } = frame
            {
                path.push_str(k);
                path.push('.');
            }
        }
        path
    }

    /// Places a finished value into its parent: a list item, a map key, or a map value.
    fn push(&mut self, value: Value, plain: bool) {
        match self.stack.last_mut() {
            None => self.root = Some(value),
            Some(Frame::List { items, .. }) => items.push(value),
            Some(Frame::Map {
                entries,
                key,
                merges,
                ..
            }) => match key.take() {
                None => {
                    let text = match &value.node {
                        Node::Scalar(s) => s.text.clone(),
                        // Complex keys are legal YAML but never configuration in practice.
                        _ => format!("<complex key at line {}>", value.origin.line),
                    };
                    if text.len() > MAX_KEY_BYTES && self.error.is_none() {
                        self.error = Some(Error::input(
                            SourcePos::new(self.file.as_ref(), value.origin.line as usize, None),
                            KeyProblem::TooLong.message(),
                        ));
                    }
                    *key = Some((text, plain));
                    self.last_key_line = value.origin.line as usize;
                }
                Some((k, true)) if k == "<<" => merges.push(value),
                Some((k, _)) => entries.insert(k, value, &mut self.duplicates),
            },
        }
    }
}

/// `<<: *base` or `<<: [*a, *b]`: keys the map does not set itself come from the sources,
/// the earliest source winning.
fn merge_into(entries: &mut Vec<(String, Value)>, merges: Vec<Value>) {
    let mut sources = Vec::new();
    for merge in merges {
        match merge.node {
            Node::Map(map) => sources.push(map),
            Node::List(items) => {
                for item in items {
                    if let Node::Map(map) = item.node {
                        sources.push(map);
                    }
                }
            }
            Node::Scalar(_) => {}
        }
    }
    let mut present: std::collections::HashSet<String> =
        entries.iter().map(|(k, _)| k.clone()).collect();
    for source in sources {
        for (k, v) in source {
            if present.insert(k.clone()) {
                entries.push((k, v));
            }
        }
    }
}

/// How many values (scalars, lists, maps) `value` holds, itself included.
fn count_values(value: &Value) -> usize {
    let mut count = 0;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        count += 1;
        match &v.node {
            Node::Scalar(_) => {}
            Node::List(items) => stack.extend(items),
            Node::Map(entries) => stack.extend(entries.iter().map(|(_, v)| v)),
        }
    }
    count
}

fn mark_sensitive(value: &mut Value) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match &mut v.node {
            Node::Scalar(s) => s.sensitive = true,
            Node::List(items) => stack.extend(items.iter_mut()),
            Node::Map(entries) => stack.extend(entries.iter_mut().map(|(_, v)| v)),
        }
    }
}

/// YAML 1.2 core schema resolution of an unquoted scalar.
fn resolve_plain(text: &str) -> ScalarKind {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return ScalarKind::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => return ScalarKind::Bool,
        ".inf" | "-.inf" | "+.inf" | ".Inf" | ".INF" | ".nan" | ".NaN" | ".NAN" => {
            return ScalarKind::Float
        }
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return ScalarKind::Integer;
    }
    if let Some(hex) = text.strip_prefix("0x") {
        if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return ScalarKind::Integer;
        }
    }
    if digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && text.parse::<f64>().is_ok()
    {
        return ScalarKind::Float;
    }
    ScalarKind::String
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> Arc<str> {
        Arc::from("values.yaml")
    }

    fn doc(text: &str) -> Value {
        parse(text, &file()).unwrap().documents.remove(0).root
    }

    #[test]
    fn an_empty_value_is_on_its_key_s_line() {
        let parsed = parse("a:\n  b:\n\n\n  c: 1\nd:\n", &Arc::from("v.yaml")).unwrap();
        let root = &parsed.documents[0].root;
        let a = root.get("a").unwrap();
        assert_eq!(a.get("b").unwrap().origin.line, 2);
        assert_eq!(root.get("d").unwrap().origin.line, 6);
    }

    #[test]
    fn lines_and_kinds() {
        let root = doc("db:\n  host: db.local\n  pool: 10\n  ssl: true\n  name: \"10\"\n");
        let db = root.get("db").unwrap();
        assert_eq!(db.get("pool").unwrap().origin.line, 3);
        let kind = |k: &str| match &db.get(k).unwrap().node {
            Node::Scalar(s) => s.kind,
            _ => panic!(),
        };
        assert_eq!(kind("pool"), ScalarKind::Integer);
        assert_eq!(kind("ssl"), ScalarKind::Bool);
        assert_eq!(kind("name"), ScalarKind::String);
        assert_eq!(kind("host"), ScalarKind::String);
    }

    #[test]
    fn merge_keys_and_anchors_resolve_with_explicit_keys_winning() {
        let root =
            doc("base: &base\n  timeout: 5s\n  retries: 3\nprod:\n  <<: *base\n  timeout: 30s\n");
        let prod = root.get("prod").unwrap();
        assert_eq!(prod.get("timeout").unwrap().as_text(), Some("30s"));
        assert_eq!(prod.get("retries").unwrap().as_text(), Some("3"));
        assert!(prod.get("<<").is_none());
    }

    #[test]
    fn earlier_merge_sources_win() {
        let root = doc("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n");
        let c = root.get("c").unwrap();
        assert_eq!(c.get("x").unwrap().as_text(), Some("1"));
        assert_eq!(c.get("y").unwrap().as_text(), Some("2"));
    }

    #[test]
    fn a_quoted_merge_key_is_an_ordinary_key() {
        let root = doc("a:\n  \"<<\": 1\n");
        assert_eq!(
            root.get("a").unwrap().get("<<").unwrap().as_text(),
            Some("1")
        );
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let parsed = parse("a: 1\nb: 2\na: 3\n", &file()).unwrap();
        assert_eq!(parsed.duplicates.len(), 1);
        assert_eq!(parsed.duplicates[0].first.line, 1);
        assert_eq!(parsed.duplicates[0].again.line, 3);
        assert_eq!(
            parsed.documents[0].root.get("a").unwrap().as_text(),
            Some("3")
        );
    }

    #[test]
    fn streams_keep_their_documents() {
        let parsed = parse("kind: A\n---\nkind: B\n", &file()).unwrap();
        assert_eq!(parsed.documents.len(), 2);
        assert_eq!(parsed.documents[1].identity().as_deref(), Some("B"));
    }

    #[test]
    fn errors_name_line_and_column_without_the_value() {
        let err = parse("a: 1\npassword: \"hunter2\n", &file())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("values.yaml:"), "{err}");
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn alias_expansion_is_bounded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            let refs = vec![format!("*{prev}"); 10].join(", ");
            text.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let err = parse(&text, &file()).unwrap_err().to_string();
        assert!(err.contains("billion laughs"), "{err}");
        assert!(err.starts_with("values.yaml:"), "{err}");
    }

    #[test]
    fn nesting_and_key_length_are_bounded() {
        let deep: String = (0..5000)
            .map(|i| format!("{}k:\n", "  ".repeat(i)))
            .collect();
        let err = parse(&deep, &file()).unwrap_err().to_string();
        assert!(err.contains("nested deeper than 256"), "{err}");
        // An explicit key: plain implicit keys over 1024 characters are refused by the
        // YAML parser itself.
        let long = format!("? {}\n: 1\n", "k".repeat(5000));
        let err = parse(&long, &file()).unwrap_err().to_string();
        assert!(err.contains("longer than 4096 bytes"), "{err}");
    }

    #[test]
    fn aliases_to_secrets_are_marked_sensitive() {
        let root = doc("db:\n  password: &pw hunter2\nother: *pw\nplain: &p x\nalso: *p\n");
        let sensitive = |k: &str| match &root.get(k).unwrap().node {
            Node::Scalar(s) => s.sensitive,
            _ => panic!(),
        };
        assert!(sensitive("other"));
        assert!(!sensitive("also"));
    }

    #[test]
    fn empty_file_is_an_empty_map() {
        let parsed = parse("# only a comment\n", &file()).unwrap();
        assert_eq!(parsed.documents.len(), 1);
    }
}
