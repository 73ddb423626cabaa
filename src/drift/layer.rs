//! Layering: `base.yaml,prod.yaml` deep-merges left to right, like `helm -f a -f b`. Maps
//! merge key by key; anything else is replaced; an explicit `null` deletes the key.

use std::collections::HashMap;

use super::flatten::{flatten, match_key};
use super::tree::{Document, Node, PathBuilder, ScalarKind, Value};

pub fn overlay(base: Value, top: Value) -> Value {
    match (base.node, top.node) {
        (Node::Map(mut entries), Node::Map(overrides)) => {
            for (key, value) in overrides {
                let deletes = matches!(&value.node, Node::Scalar(s) if s.kind == ScalarKind::Null);
                match entries.iter().position(|(k, _)| *k == key) {
                    Some(i) if deletes => {
                        entries.remove(i);
                    }
                    Some(i) => {
                        let (_, old) = entries.remove(i);
                        entries.insert(i, (key, overlay(old, value)));
                    }
                    None => entries.push((key, value)),
                }
            }
            Value::map(entries, base.origin)
        }
        (_, node) => Value {
            node,
            origin: top.origin,
        },
    }
}

/// Layers one file's documents over another's: documents with the same identity
/// (`Kind/name`) merge, others by position, extra ones are appended.
pub fn overlay_documents(base: Vec<Document>, top: Vec<Document>) -> Vec<Document> {
    let mut result = base;
    for (index, doc) in top.into_iter().enumerate() {
        let identity = doc.identity();
        let slot = match &identity {
            Some(id) => result
                .iter()
                .position(|d| d.identity().as_ref() == Some(id)),
            None => (index < result.len() && result[index].identity().is_none()).then_some(index),
        };
        match slot {
            Some(i) => {
                let old = std::mem::replace(
                    &mut result[i].root,
                    Value::map(Vec::new(), doc.root.origin.clone()),
                );
                result[i].root = overlay(old, doc.root);
            }
            None => result.push(doc),
        }
    }
    result
}

/// Moves a flat layer's keys (`.env`'s `DB_POOL_SIZE`) onto the paths the base already has
/// (`db.pool_size`), so the layer overrides them instead of sitting beside them. Keys the
/// base does not know stay as they are.
pub fn align_flat_keys(base: &[Document], layer: Vec<Document>) -> Vec<Document> {
    let Some(base_doc) = base.first() else {
        return layer;
    };
    let known: HashMap<String, Vec<String>> = flatten(&base_doc.root, "")
        .leaves
        .into_iter()
        .filter(|leaf| !leaf.path.contains(['[', '"']))
        .map(|leaf| {
            let segments = leaf.path.split('.').map(str::to_string).collect();
            (match_key(&leaf.path), segments)
        })
        .collect();
    layer
        .into_iter()
        .map(|doc| {
            let Node::Map(entries) = doc.root.node else {
                return doc;
            };
            let mut aligned = PathBuilder::default();
            let mut duplicates = Vec::new();
            for (key, value) in entries {
                // Both the layer's keys and the base's paths passed their parsers' depth and
                // length limits, so placing them cannot fail.
                let _ = match known.get(&match_key(&key)) {
                    Some(path) => {
                        let path: Vec<&str> = path.iter().map(String::as_str).collect();
                        aligned.insert(&path, value, &mut duplicates)
                    }
                    None => aligned.insert(&[key.as_str()], value, &mut duplicates),
                };
            }
            Document {
                root: Value::map(aligned.into_entries(), doc.root.origin),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::formats::{parse, Format};
    use std::sync::Arc;

    fn yaml(text: &str, name: &str) -> Vec<Document> {
        parse(text, &Arc::from(name), Format::Yaml)
            .unwrap()
            .documents
    }

    #[test]
    fn later_files_override_key_by_key_and_keep_their_origin() {
        let base = yaml("db:\n  host: a\n  pool: 10\nlog: info\n", "base.yaml");
        let prod = yaml("db:\n  pool: 50\n", "prod.yaml");
        let merged = overlay_documents(base, prod).remove(0).root;
        let db = merged.get("db").unwrap();
        assert_eq!(db.get("host").unwrap().as_text(), Some("a"));
        let pool = db.get("pool").unwrap();
        assert_eq!(pool.as_text(), Some("50"));
        assert_eq!(&*pool.origin.file, "prod.yaml");
        assert_eq!(merged.get("log").unwrap().as_text(), Some("info"));
    }

    #[test]
    fn null_deletes_and_lists_replace() {
        let base = yaml("a: 1\nb: [1, 2, 3]\n", "base.yaml");
        let top = yaml("a: null\nb: [9]\n", "top.yaml");
        let merged = overlay_documents(base, top).remove(0).root;
        assert!(merged.get("a").is_none());
        let Node::List(items) = &merged.get("b").unwrap().node else {
            panic!()
        };
        assert_eq!(items.len(), 1);
    }

    #[test]
    fn documents_merge_by_identity() {
        let base = yaml("kind: Deployment\nmetadata: {name: web}\nspec: {replicas: 1}\n---\nkind: Service\nmetadata: {name: web}\n", "base.yaml");
        let top = yaml(
            "kind: Service\nmetadata: {name: web}\nspec: {port: 80}\n",
            "top.yaml",
        );
        let merged = overlay_documents(base, top);
        assert_eq!(merged.len(), 2);
        assert!(merged[1].root.get("spec").is_some());
        assert!(merged[0]
            .root
            .get("spec")
            .unwrap()
            .get("replicas")
            .is_some());
    }

    #[test]
    fn dotenv_keys_land_on_the_base_paths() {
        let base = yaml("db:\n  pool_size: 20\n  host: a\n", "base.yaml");
        let env = parse(
            "DB_POOL_SIZE=10\nEXTRA=1\n",
            &Arc::from("s.env"),
            Format::Dotenv,
        )
        .unwrap()
        .documents;
        let merged = overlay_documents(base.clone(), align_flat_keys(&base, env))
            .remove(0)
            .root;
        let db = merged.get("db").unwrap();
        assert_eq!(db.get("pool_size").unwrap().as_text(), Some("10"));
        assert_eq!(db.get("host").unwrap().as_text(), Some("a"));
        assert_eq!(merged.get("EXTRA").unwrap().as_text(), Some("1"));
        assert!(merged.get("DB_POOL_SIZE").is_none());
    }
}
