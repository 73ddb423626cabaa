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
    /// Masked wherever it is shown, whatever its key: a YAML alias (`other: *pw`) to a
    /// value anchored under a secret key.
    pub sensitive: bool,
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
                sensitive: false,
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

/// How deep configuration may nest, in every format: deeper input is an error at its line,
/// never a stack overflow in the parser, the flattener or the destructor.
pub const MAX_DEPTH: usize = 256;

/// The longest key opsguard accepts (bytes), in every format.
pub const MAX_KEY_BYTES: usize = 4096;

/// Why a key cannot be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    TooDeep,
    TooLong,
}

impl KeyProblem {
    pub fn message(&self) -> String {
        match self {
            KeyProblem::TooDeep => format!("the key nests deeper than {MAX_DEPTH} levels"),
            KeyProblem::TooLong => format!("the key is longer than {MAX_KEY_BYTES} bytes"),
        }
    }
}

/// A map under construction: keys in first-seen order, the last value winning in the first
/// key's place, each duplicate recorded. A hash index keeps inserting n keys O(n).
#[derive(Debug, Default)]
pub struct MapBuilder {
    entries: Vec<(String, Value)>,
    index: rustc_hash::FxHashMap<String, usize>,
}

impl MapBuilder {
    pub fn insert(&mut self, key: String, value: Value, duplicates: &mut Vec<DuplicateKey>) {
        match self.index.get(&key) {
            Some(&i) => {
                let slot = &mut self.entries[i].1;
                duplicates.push(DuplicateKey {
                    key,
                    first: slot.origin.clone(),
                    again: value.origin.clone(),
                });
                *slot = value;
            }
            None => {
                self.index.insert(key.clone(), self.entries.len());
                self.entries.push((key, value));
            }
        }
    }

    pub fn into_entries(self) -> Vec<(String, Value)> {
        self.entries
    }
}

/// Nested maps built from dotted key paths (`a.b.c = v`), for flat formats. `a = 1` then
/// `a.b = 2`: the nested key wins, as in Spring and Java.
#[derive(Debug, Default)]
pub struct PathBuilder {
    root: Branch,
}

#[derive(Debug, Default)]
struct Branch {
    entries: Vec<(String, Slot)>,
    index: rustc_hash::FxHashMap<String, usize>,
}

#[derive(Debug)]
enum Slot {
    Leaf(Value),
    Branch(Branch, Origin),
}

impl Slot {
    fn origin(&self) -> &Origin {
        match self {
            Slot::Leaf(v) => &v.origin,
            Slot::Branch(_, origin) => origin,
        }
    }
}

impl Branch {
    fn slot(&mut self, key: &str) -> Option<&mut Slot> {
        let i = *self.index.get(key)?;
        Some(&mut self.entries[i].1)
    }

    fn push(&mut self, key: &str, slot: Slot) {
        self.index.insert(key.to_string(), self.entries.len());
        self.entries.push((key.to_string(), slot));
    }

    fn into_entries(self) -> Vec<(String, Value)> {
        self.entries
            .into_iter()
            .map(|(key, slot)| {
                let value = match slot {
                    Slot::Leaf(value) => value,
                    Slot::Branch(branch, origin) => Value::map(branch.into_entries(), origin),
                };
                (key, value)
            })
            .collect()
    }
}

impl PathBuilder {
    pub fn insert(
        &mut self,
        path: &[&str],
        value: Value,
        duplicates: &mut Vec<DuplicateKey>,
    ) -> Result<(), KeyProblem> {
        if path.len() > MAX_DEPTH {
            return Err(KeyProblem::TooDeep);
        }
        if path.iter().map(|s| s.len() + 1).sum::<usize>() > MAX_KEY_BYTES + 1 {
            return Err(KeyProblem::TooLong);
        }
        let Some((last, parents)) = path.split_last() else {
            return Ok(());
        };
        let mut branch = &mut self.root;
        for segment in parents {
            let i = match branch.index.get(*segment) {
                Some(&i) => i,
                None => {
                    branch.push(
                        segment,
                        Slot::Branch(Branch::default(), value.origin.clone()),
                    );
                    branch.entries.len() - 1
                }
            };
            let slot = &mut branch.entries[i].1;
            if matches!(slot, Slot::Leaf(_)) {
                *slot = Slot::Branch(Branch::default(), value.origin.clone());
            }
            branch = match slot {
                Slot::Branch(inner, _) => inner,
                Slot::Leaf(_) => unreachable!("made a branch above"),
            };
        }
        match branch.slot(last) {
            Some(slot) => {
                duplicates.push(DuplicateKey {
                    key: last.to_string(),
                    first: slot.origin().clone(),
                    again: value.origin.clone(),
                });
                *slot = Slot::Leaf(value);
            }
            None => {
                branch.push(last, Slot::Leaf(value));
            }
        }
        Ok(())
    }

    pub fn into_entries(self) -> Vec<(String, Value)> {
        self.root.into_entries()
    }
}
