use serde::Serialize;
use serde_json::{Map, Value};

use super::secret::content_hash;
use super::severity::Severity;

/// Where a finding is. Paths are relative to the repository or working directory so that
/// SARIF consumers can map them onto their checkout.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// A cloud resource rather than a file (`aws/us-east-1/ec2/i-0abc`): SARIF's logical
    /// location. JSON carries the resource in the finding's own fields instead.
    #[serde(skip)]
    pub resource: Option<String>,
}

impl Location {
    /// The file and line (and column) of a position in an input file.
    pub fn at(pos: &crate::error::SourcePos) -> Self {
        Location {
            path: Some(crate::paths::display_path(&pos.path)),
            line: Some(pos.line),
            column: pos.column,
            ..Location::default()
        }
    }

    pub fn file(path: impl Into<String>, line: Option<usize>) -> Self {
        Location {
            path: Some(path.into()),
            line,
            ..Location::default()
        }
    }
}

/// One thing a check found. Properties carry the command's own typed fields (they appear
/// in JSON beside the common ones); anything secret in them was redacted by the caller
/// through [`super::Redactor`] before it got here.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule_id: String,
    pub severity: Severity,
    pub message: String,
    pub location: Location,
    pub properties: Map<String, Value>,
    pub fingerprint: String,
}

impl Finding {
    /// `identity` is what makes this finding the same finding tomorrow: content, never line
    /// numbers or commits, so the fingerprint survives rebases and edits around it.
    pub fn new(
        rule_id: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
        identity: &[&str],
    ) -> Self {
        let rule_id = rule_id.into();
        let mut parts = vec![rule_id.as_str()];
        parts.extend_from_slice(identity);
        let fingerprint = content_hash(&parts)[..32].to_string();
        Finding {
            rule_id,
            severity,
            message: message.into(),
            location: Location::default(),
            properties: Map::new(),
            fingerprint,
        }
    }

    /// Where it is, for people: `path:line`, else the path, else the cloud resource.
    pub fn place(&self) -> String {
        match (
            &self.location.path,
            self.location.line,
            &self.location.resource,
        ) {
            (Some(p), Some(l), _) => format!("{p}:{l}"),
            (Some(p), None, _) => p.clone(),
            (None, _, Some(r)) => r.clone(),
            _ => String::new(),
        }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = location;
        self
    }

    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.properties.insert(key.to_string(), value.into());
        self
    }

    /// The JSON object for this finding: common fields first, then location, then the
    /// command's properties.
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("rule_id".into(), Value::from(self.rule_id.clone()));
        object.insert("severity".into(), Value::from(self.severity.as_str()));
        object.insert("message".into(), Value::from(self.message.clone()));
        object.insert("fingerprint".into(), Value::from(self.fingerprint.clone()));
        if let Value::Object(location) = serde_json::to_value(&self.location).unwrap_or(Value::Null)
        {
            object.extend(location);
        }
        for (key, value) in &self.properties {
            object.insert(key.clone(), value.clone());
        }
        Value::Object(object)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_depends_on_rule_and_identity_only() {
        let a = Finding::new("r1", Severity::Warning, "x", &["k"]).at(Location::file("a", Some(1)));
        let b = Finding::new("r1", Severity::Error, "y", &["k"]).at(Location::file("b", Some(9)));
        let c = Finding::new("r2", Severity::Warning, "x", &["k"]);
        assert_eq!(a.fingerprint, b.fingerprint);
        assert_ne!(a.fingerprint, c.fingerprint);
        assert_eq!(a.fingerprint.len(), 32);
    }

    #[test]
    fn json_puts_common_fields_first() {
        let f = Finding::new("r1", Severity::Note, "msg", &[])
            .at(Location::file("p.yaml", Some(3)))
            .with("key", "a.b");
        let keys: Vec<String> = f.to_json().as_object().unwrap().keys().cloned().collect();
        assert_eq!(
            keys,
            [
                "rule_id",
                "severity",
                "message",
                "fingerprint",
                "path",
                "line",
                "key"
            ]
        );
    }
}
