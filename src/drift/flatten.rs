//! Trees to dotted paths: `db.pool_size`, `containers[name=web].image`, `hosts[0]`.
//! Lists of maps that carry `name`, `id` or `key` are keyed by it, so reordering a list is
//! not drift.

use rustc_hash::FxHashMap;

use super::tree::{Node, Origin, Scalar, Value};

/// The fields that identify list items, in order of preference.
const ITEM_KEYS: &[&str] = &["name", "id", "key"];

#[derive(Debug, Clone, PartialEq)]
pub enum LeafValue {
    Scalar(Scalar),
    EmptyMap,
    EmptyList,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Leaf {
    pub path: String,
    pub value: LeafValue,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContainerKind {
    Map,
    List,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Container {
    pub path: String,
    pub kind: ContainerKind,
    pub origin: Origin,
}

/// One environment's document, flattened and indexed by [`match_key`].
#[derive(Debug, Default)]
pub struct Flat {
    pub leaves: Vec<Leaf>,
    /// The match key of each leaf, in the same order.
    pub keys: Vec<String>,
    pub index: FxHashMap<String, usize>,
    pub containers: FxHashMap<String, Container>,
}

impl Flat {
    pub fn get(&self, key: &str) -> Option<&Leaf> {
        self.index.get(key).map(|&i| &self.leaves[i])
    }
}

/// The key two environments' paths are matched on: case, `_`, `-` and `.` do not count,
/// so `.env`'s `DB_POOL_SIZE` meets YAML's `db.pool_size` and JSON's `db.poolSize`.
pub fn match_key(path: &str) -> String {
    path.chars()
        .filter(|c| !matches!(c, '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn flatten(root: &Value, prefix: &str) -> Flat {
    let mut flat = Flat::default();
    walk(root, prefix.to_string(), &mut flat);
    flat
}

fn walk(value: &Value, path: String, flat: &mut Flat) {
    match &value.node {
        Node::Scalar(s) => push_leaf(flat, path, LeafValue::Scalar(s.clone()), &value.origin),
        Node::Map(entries) if entries.is_empty() => {
            push_leaf(flat, path, LeafValue::EmptyMap, &value.origin)
        }
        Node::List(items) if items.is_empty() => {
            push_leaf(flat, path, LeafValue::EmptyList, &value.origin)
        }
        Node::Map(entries) => {
            push_container(flat, &path, ContainerKind::Map, &value.origin);
            for (key, child) in entries {
                walk(child, join_key(&path, key), flat);
            }
        }
        Node::List(items) => {
            push_container(flat, &path, ContainerKind::List, &value.origin);
            let selector = item_selector(items);
            for (i, item) in items.iter().enumerate() {
                let segment = match selector {
                    Some(field) => {
                        let id = item.get(field).and_then(Value::as_text).unwrap_or_default();
                        format!("[{field}={id}]")
                    }
                    None => format!("[{i}]"),
                };
                walk(item, format!("{path}{segment}"), flat);
            }
        }
    }
}

fn push_leaf(flat: &mut Flat, path: String, value: LeafValue, origin: &Origin) {
    let mut key = match_key(&path);
    if flat.index.contains_key(&key) {
        // Two paths that only differ in separators (`a.b_c`, `a_b.c`): keep both, exactly.
        key = format!("\u{0}{path}");
    }
    flat.index.insert(key.clone(), flat.leaves.len());
    flat.keys.push(key);
    flat.leaves.push(Leaf {
        path,
        value,
        origin: origin.clone(),
    });
}

fn push_container(flat: &mut Flat, path: &str, kind: ContainerKind, origin: &Origin) {
    if path.is_empty() {
        return;
    }
    flat.containers.insert(
        match_key(path),
        Container {
            path: path.to_string(),
            kind,
            origin: origin.clone(),
        },
    );
}

/// `prefix.key`, or `prefix["key"]` for a key that a dotted path cannot spell. A key made
/// of dot-separated names (`org.springframework`, YAML's `server.port:`) is written as
/// the path it stands for, so the same setting nested, dotted or in `.properties` is one
/// key; one with `/`, spaces or brackets (`app.kubernetes.io/name`) stays quoted.
fn join_key(prefix: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.split('.').all(|segment| {
            !segment.is_empty()
                && !segment
                    .chars()
                    .any(|c| matches!(c, '[' | ']' | '"' | '/') || c.is_whitespace())
        });
    match (prefix.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{prefix}.{key}"),
        (_, false) => format!("{prefix}[\"{}\"]", key.replace('"', "\\\"")),
    }
}

/// The identifying field shared by every item, with unique values; `None` for plain lists.
fn item_selector(items: &[Value]) -> Option<&'static str> {
    ITEM_KEYS.iter().copied().find(|field| {
        let mut seen = std::collections::HashSet::new();
        items.iter().all(|item| {
            item.get(field)
                .and_then(Value::as_text)
                .is_some_and(|id| seen.insert(id.to_string()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::formats::{parse, Format};
    use std::sync::Arc;

    fn flat(text: &str) -> Flat {
        let doc = parse(text, &Arc::from("x.yaml"), Format::Yaml)
            .unwrap()
            .documents
            .remove(0);
        flatten(&doc.root, "")
    }

    fn paths(f: &Flat) -> Vec<&str> {
        f.leaves.iter().map(|l| l.path.as_str()).collect()
    }

    #[test]
    fn lists_with_names_are_keyed_by_name() {
        let f = flat("containers:\n  - name: web\n    image: web:1\n  - name: sidecar\n    image: s:2\nhosts: [a, b]\n");
        assert_eq!(
            paths(&f),
            [
                "containers[name=web].name",
                "containers[name=web].image",
                "containers[name=sidecar].name",
                "containers[name=sidecar].image",
                "hosts[0]",
                "hosts[1]"
            ]
        );
    }

    #[test]
    fn duplicate_names_fall_back_to_positions() {
        let f = flat("x:\n  - name: a\n  - name: a\n");
        assert_eq!(paths(&f), ["x[0].name", "x[1].name"]);
    }

    #[test]
    fn odd_keys_are_quoted_and_empty_containers_are_leaves() {
        let f = flat("labels:\n  app.kubernetes.io/name: web\nempty: {}\nnone: []\n");
        assert_eq!(
            paths(&f),
            ["labels[\"app.kubernetes.io/name\"]", "empty", "none"]
        );
    }

    #[test]
    fn dotted_keys_are_the_path_they_stand_for() {
        let nested = flat("logging:\n  level:\n    org.springframework: INFO\n");
        let dotted = flat("logging.level:\n  org.springframework: INFO\n");
        let flat_key = flat("logging.level.org.springframework: INFO\n");
        for f in [&nested, &dotted, &flat_key] {
            assert_eq!(paths(f), ["logging.level.org.springframework"]);
        }
        // An odd segment keeps the key quoted.
        assert_eq!(paths(&flat("a:\n  b..c: 1\n")), ["a[\"b..c\"]"]);
    }

    #[test]
    fn loose_matching() {
        assert_eq!(match_key("db.pool_size"), match_key("DB_POOL_SIZE"));
        assert_eq!(match_key("db.poolSize"), match_key("db.pool-size"));
        assert_ne!(match_key("db.pool"), match_key("db.pools"));
    }

    #[test]
    fn containers_are_recorded() {
        let f = flat("a:\n  b: 1\nl: [1]\n");
        assert_eq!(f.containers[&match_key("a")].kind, ContainerKind::Map);
        assert_eq!(f.containers[&match_key("l")].kind, ContainerKind::List);
    }
}
