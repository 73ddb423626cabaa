//! The configuration tree every format parses into. Every value remembers where it was
//! written, so findings can point at `file:line`.

use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: u32,
}

impl Origin {
    pub fn new(file: &Arc<str>, line: usize) -> Self {
        Origin {
            file: Arc::clone(file),
            line: line as u32,
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// How a scalar was written, which decides how it may be read (a quoted `"10"` is still
/// compared as a number, but a list is never a number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarKind {
    String,
    Integer,
    Float,
    Bool,
    Null,
    DateTime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// The value as written, without quotes.
    pub text: String,
    pub kind: ScalarKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Scalar(Scalar),
    /// Keys in source order.
    Map(Vec<(String, Value)>),
    List(Vec<Value>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub node: Node,
    pub origin: Origin,
}

impl Value {
    pub fn scalar(text: impl Into<String>, kind: ScalarKind, origin: Origin) -> Self {
        Value {
            node: Node::Scalar(Scalar {
                text: text.into(),
                kind,
            }),
            origin,
        }
    }

    pub fn map(entries: Vec<(String, Value)>, origin: Origin) -> Self {
        Value {
            node: Node::Map(entries),
            origin,
        }
    }

    pub fn list(items: Vec<Value>, origin: Origin) -> Self {
        Value {
            node: Node::List(items),
            origin,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        match &self.node {
            Node::Map(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match &self.node {
            Node::Scalar(s) => Some(&s.text),
            _ => None,
        }
    }
}

/// A duplicate key: parsers keep the last value, as most loaders do, and report it.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateKey {
    pub key: String,
    pub first: Origin,
    pub again: Origin,
}

/// One document of a file (YAML streams have several; other formats one).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub root: Value,
}

impl Document {
    /// `Kind/name` for Kubernetes-style documents, used to match documents across envs.
    pub fn identity(&self) -> Option<String> {
        let kind = self.root.get("kind").and_then(Value::as_text);
        let name = self
            .root
            .get("metadata")
            .and_then(|m| m.get("name"))
            .and_then(Value::as_text);
        match (kind, name) {
            (Some(k), Some(n)) => Some(format!("{k}/{n}")),
            (Some(k), None) => Some(k.to_string()),
            (None, Some(n)) => Some(n.to_string()),
            (None, None) => None,
        }
    }
}

/// What a parser returns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub duplicates: Vec<DuplicateKey>,
}

impl Parsed {
    /// One document whose root is the map `entries`, for formats without streams.
    pub fn single(
        entries: Vec<(String, Value)>,
        file: &Arc<str>,
        duplicates: Vec<DuplicateKey>,
    ) -> Self {
        Parsed {
            documents: vec![Document {
                root: Value::map(entries, Origin::new(file, 1)),
            }],
            duplicates,
        }
    }
}

/// Inserts into a map, keeping the last value and recording a duplicate.
pub fn insert_entry(
    entries: &mut Vec<(String, Value)>,
    key: String,
    value: Value,
    duplicates: &mut Vec<DuplicateKey>,
) {
    if let Some(slot) = entries.iter_mut().find(|(k, _)| *k == key) {
        duplicates.push(DuplicateKey {
            key: key.clone(),
            first: slot.1.origin.clone(),
            again: value.origin.clone(),
        });
        slot.1 = value;
    } else {
        entries.push((key, value));
    }
}

/// Builds nested maps from a dotted key path (`a.b.c = v`), for flat formats.
pub fn insert_path(
    root: &mut Vec<(String, Value)>,
    path: &[&str],
    value: Value,
    duplicates: &mut Vec<DuplicateKey>,
) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut entries = root;
    for segment in parents {
        let position = entries.iter().position(|(k, _)| k == segment);
        let index = match position {
            Some(i) if matches!(entries[i].1.node, Node::Map(_)) => i,
            Some(i) => {
                // `a = 1` then `a.b = 2`: the nested key wins, as in Spring and Java.
                let origin = value.origin.clone();
                entries[i].1 = Value::map(Vec::new(), origin);
                i
            }
            None => {
                entries.push((
                    segment.to_string(),
                    Value::map(Vec::new(), value.origin.clone()),
                ));
                entries.len() - 1
            }
        };
        entries = match &mut entries[index].1.node {
            Node::Map(inner) => inner,
            _ => unreachable!("made a map above"),
        };
    }
    insert_entry(entries, last.to_string(), value, duplicates);
}
