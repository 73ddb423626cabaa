//! Redaction lives in the model: a command turns every secret into its printable form here,
//! before a finding exists, so no renderer ever holds the raw value unless the user asked
//! for it with `--show-secrets`.

use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Redactor {
    reveal: bool,
}

impl Redactor {
    /// Secrets are hidden: the default everywhere.
    pub fn hiding() -> Self {
        Redactor { reveal: false }
    }

    /// `--show-secrets`.
    pub fn revealing() -> Self {
        Redactor { reveal: true }
    }

    pub fn reveals(&self) -> bool {
        self.reveal
    }

    /// A short preview that identifies a match to a person without disclosing it:
    /// the first four characters and an ellipsis (fewer for very short secrets).
    pub fn preview(&self, raw: &str) -> String {
        if self.reveal {
            return raw.to_string();
        }
        let count = raw.chars().count();
        let keep = if count >= 16 { 4 } else { count / 4 };
        let head: String = raw.chars().take(keep).collect();
        format!("{head}…")
    }

    /// The raw value, only when revealing.
    pub fn disclose(&self, raw: &str) -> Option<String> {
        self.reveal.then(|| raw.to_string())
    }

    /// A rendering that lets two secrets be told apart (length and a short hash) without
    /// showing either: `<secret len=24 sha256:1a2b3c4d>`.
    pub fn mask(&self, raw: &str) -> String {
        if self.reveal {
            return raw.to_string();
        }
        format!(
            "<secret len={} sha256:{}>",
            raw.chars().count(),
            &short_hash(raw)[..8]
        )
    }
}

/// Hex SHA-256 of `parts` joined by NUL (so `("ab","c")` and `("a","bc")` differ).
pub fn short_hash(raw: &str) -> String {
    content_hash(&[raw])
}

pub fn content_hash(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hasher.update([0u8]);
        }
        hasher.update(part.as_bytes());
    }
    let digest = hasher.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hiding_never_returns_the_raw_value() {
        let r = Redactor::hiding();
        let raw = "AKIAZZZZZZZZZZZZ1234";
        assert_eq!(r.preview(raw), "AKIA…");
        assert_eq!(r.disclose(raw), None);
        let masked = r.mask(raw);
        assert!(!masked.contains("ZZZZ"), "{masked}");
        assert!(masked.starts_with("<secret len=20 sha256:"), "{masked}");
    }

    #[test]
    fn short_secrets_show_less() {
        assert_eq!(Redactor::hiding().preview("hunter2"), "h…");
        assert_eq!(Redactor::hiding().preview("abc"), "…");
    }

    #[test]
    fn revealing_returns_the_raw_value() {
        let r = Redactor::revealing();
        assert_eq!(r.preview("s3cr3t"), "s3cr3t");
        assert_eq!(r.mask("s3cr3t"), "s3cr3t");
        assert_eq!(r.disclose("s3cr3t").as_deref(), Some("s3cr3t"));
    }

    #[test]
    fn masks_distinguish_different_secrets() {
        let r = Redactor::hiding();
        assert_ne!(r.mask("password-one"), r.mask("password-two"));
        assert_eq!(r.mask("same"), r.mask("same"));
    }

    #[test]
    fn hash_parts_are_separated() {
        assert_ne!(content_hash(&["ab", "c"]), content_hash(&["a", "bc"]));
    }
}
