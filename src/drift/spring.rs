//! Spring Boot's multi-document configuration files. In an `application.yml` holding
//! several `---` documents, Spring merges the documents in order into one property set;
//! a document carrying `spring.config.activate.on-profile` (or the older `spring.profiles`)
//! takes part only when one of its profiles is active. Comparing such a file document by
//! document (`doc[1].server.port`) reports settings a profile sets as missing.
//!
//! Files whose documents have a Kubernetes identity (`kind`, `metadata.name`) are left as
//! they are: those are compared document by document.

use super::layer::overlay;
use super::tree::{Document, Node, Value};

const ON_PROFILE: [&str; 4] = ["spring", "config", "activate", "on-profile"];
const LEGACY_PROFILES: [&str; 2] = ["spring", "profiles"];

/// The documents as Spring sees them with `profiles` active: one merged document, or the
/// documents unchanged when the file is not a Spring multi-document file.
pub fn resolve(documents: Vec<Document>, profiles: &[String]) -> Vec<Document> {
    let gated = documents.iter().any(|d| activation(&d.root).is_some());
    if documents.iter().any(|d| d.identity().is_some()) || documents.len() < 2 && !gated {
        return documents;
    }
    let mut merged: Option<Value> = None;
    for document in documents {
        if let Some(expression) = activation(&document.root) {
            if !expression.iter().any(|e| matches_profiles(e, profiles)) {
                continue;
            }
        }
        let mut root = document.root;
        remove(&mut root, &ON_PROFILE);
        if matches!(
            lookup(&root, &LEGACY_PROFILES).map(|v| &v.node),
            Some(Node::Scalar(_) | Node::List(_))
        ) {
            remove(&mut root, &LEGACY_PROFILES);
        }
        merged = Some(match merged {
            None => root,
            Some(base) => overlay(base, root),
        });
    }
    merged
        .map(|root| vec![Document { root }])
        .unwrap_or_default()
}

/// The profile expressions a document is gated on, if it is gated.
fn activation(root: &Value) -> Option<Vec<String>> {
    let value = lookup(root, &ON_PROFILE).or_else(|| lookup(root, &LEGACY_PROFILES))?;
    match &value.node {
        Node::Scalar(s) => Some(vec![s.text.clone()]),
        Node::List(items) => Some(
            items
                .iter()
                .filter_map(|i| i.as_text().map(str::to_string))
                .collect(),
        ),
        // `spring.profiles.active: …` is a setting, not a gate.
        Node::Map(_) => None,
    }
}

/// Spring's profile expressions: `prod`, `prod,eu` (any), `!dev`, `prod & eu`, `prod | eu`.
fn matches_profiles(expression: &str, profiles: &[String]) -> bool {
    expression.split([',', '|']).any(|alternative| {
        alternative.split('&').all(|atom| {
            let atom = atom.trim().trim_matches(|c| c == '(' || c == ')').trim();
            match atom.strip_prefix('!') {
                Some(negated) => !profiles.iter().any(|p| p == negated.trim()),
                None => !atom.is_empty() && profiles.iter().any(|p| p == atom),
            }
        })
    })
}

/// The value at `path`, however the keys are split: nested (`spring: {config: …}`) or
/// dotted (`spring.config.activate.on-profile:`), or a mix.
fn lookup<'a>(value: &'a Value, path: &[&str]) -> Option<&'a Value> {
    if path.is_empty() {
        return Some(value);
    }
    (1..=path.len()).find_map(|n| {
        let child = value.get(&path[..n].join("."))?;
        lookup(child, &path[n..])
    })
}

/// Removes the value at `path` (spelled as [`lookup`] finds it) and the maps it leaves
/// empty.
fn remove(value: &mut Value, path: &[&str]) -> bool {
    let Node::Map(entries) = &mut value.node else {
        return false;
    };
    for n in 1..=path.len() {
        let key = path[..n].join(".");
        let Some(index) = entries.iter().rposition(|(k, _)| *k == key) else {
            continue;
        };
        let removed = if n == path.len() {
            true
        } else {
            remove(&mut entries[index].1, &path[n..])
        };
        if removed {
            let emptied = matches!(&entries[index].1.node, Node::Map(m) if m.is_empty());
            if n == path.len() || emptied {
                entries.remove(index);
            }
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::flatten::flatten;
    use std::sync::Arc;

    fn resolved(text: &str, profiles: &[&str]) -> Vec<String> {
        let parsed = crate::drift::formats::parse(
            text,
            &Arc::from("application.yml"),
            crate::drift::formats::Format::Yaml,
        )
        .unwrap();
        let profiles: Vec<String> = profiles.iter().map(|p| p.to_string()).collect();
        let documents = resolve(parsed.documents, &profiles);
        assert_eq!(documents.len(), 1);
        let flat = flatten(&documents[0].root, "");
        flat.leaves
            .iter()
            .map(|l| match &l.value {
                crate::drift::flatten::LeafValue::Scalar(s) => format!("{}={}", l.path, s.text),
                _ => format!("{}=?", l.path),
            })
            .collect()
    }

    const APP: &str = "server:\n  port: 8080\nspring:\n  application:\n    name: shop\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\nserver:\n  port: 80\n---\nspring.config.activate.on-profile: dev | test\nlogging.level.root: DEBUG\n";

    #[test]
    fn documents_merge_in_order_and_profile_documents_apply_when_active() {
        assert_eq!(
            resolved(APP, &["prod"]),
            ["server.port=80", "spring.application.name=shop"]
        );
        assert_eq!(
            resolved(APP, &["dev"]),
            [
                "server.port=8080",
                "spring.application.name=shop",
                "logging.level.root=DEBUG"
            ]
        );
    }

    #[test]
    fn legacy_profiles_negation_and_lists() {
        let text = "a: 1\n---\nspring:\n  profiles: \"!prod\"\na: 2\n---\nspring:\n  profiles: [eu, us]\nb: 3\n";
        assert_eq!(resolved(text, &["prod", "eu"]), ["a=1", "b=3"]);
        assert_eq!(resolved(text, &["dev"]), ["a=2"]);
    }

    #[test]
    fn spring_profiles_active_is_a_setting_not_a_gate() {
        let text = "spring:\n  profiles:\n    active: prod\n---\nx: 1\n";
        assert_eq!(
            resolved(text, &["dev"]),
            ["spring.profiles.active=prod", "x=1"]
        );
    }
}
