//! Which configuration values are secrets, and how to show them without showing them.

use std::sync::OnceLock;

use crate::report::Redactor;
use crate::secrets::engine::{Blob, Engine};
use crate::secrets::rules::{self, RuleSet};

/// Key fragments that mark a value as secret, compared without case, `_` or `-`.
const SECRET_KEY_PARTS: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "apikey",
    "privatekey",
    "credential",
    "dsn",
];

/// Whether any segment of a dotted key path names a secret.
pub fn is_secret_key(path: &str) -> bool {
    let squashed: String = path
        .chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .collect::<String>()
        .to_ascii_lowercase();
    SECRET_KEY_PARTS.iter().any(|part| squashed.contains(part))
}

/// The byte range of the password in `scheme://user:password@host…`, if there is one.
pub fn url_password(value: &str) -> Option<std::ops::Range<usize>> {
    let scheme_end = value.find("://")?;
    let scheme = &value[..scheme_end];
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    {
        return None;
    }
    let authority_start = scheme_end + 3;
    let rest = &value[authority_start..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let at = rest[..authority_end].rfind('@')?;
    let colon = rest[..at].find(':')?;
    (colon + 1 < at).then(|| authority_start + colon + 1..authority_start + at)
}

/// Whether a built-in secrets rule finds a credential in the value itself, whatever its
/// key is called (`firebase: AIza…`, a webhook URL with its token): `drift` masks what
/// `secrets scan` would flag, with the same rules.
pub fn holds_credential(raw: &str) -> bool {
    static RULES: OnceLock<Option<RuleSet>> = OnceLock::new();
    // No rule matches a value this short; most configuration values are.
    if raw.len() < 12 {
        return false;
    }
    let Some(rules) = RULES.get_or_init(|| rules::builtin().ok()) else {
        return true;
    };
    !Engine::new(rules)
        .scan(&Blob {
            path: "",
            commit: None,
            content: raw.as_bytes(),
        })
        .is_empty()
}

/// How a value is shown: masked whole under a secret key or when it holds a credential,
/// its password masked inside a URL, otherwise as written.
pub fn display_value(path: &str, raw: &str, redactor: &Redactor) -> String {
    if redactor.reveals() {
        return raw.to_string();
    }
    if is_secret_key(path) {
        return redactor.mask(raw);
    }
    let shown = match url_password(raw) {
        Some(range) => format!(
            "{}{}{}",
            &raw[..range.start],
            redactor.mask(&raw[range.clone()]),
            &raw[range.end..]
        ),
        None => raw.to_string(),
    };
    // A credential left once the URL's password is masked (a webhook's token, a key
    // under an innocuous name) masks the whole value.
    if holds_credential(&shown) {
        return redactor.mask(raw);
    }
    shown
}

/// Whether a value must not be shown as written.
pub fn is_sensitive(path: &str, raw: &str) -> bool {
    is_secret_key(path) || url_password(raw).is_some() || holds_credential(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_a_secrets_rule_matches_are_credentials_whatever_their_key() {
        let key = concat!("AIza", "SyB3x9Qm8ZtR3xW9LpK2vN7yHc4BdFg6JsQ");
        assert!(holds_credential(key));
        assert!(is_sensitive("firebase.web", key));
        let hook = concat!(
            "https://hooks.slack.com/services/",
            "T0A1B2C3D/B4E5F6G7H/Qm8ZtR3xW9LpK2vN7yHc4BdF"
        );
        assert!(holds_credential(hook));
        let shown = display_value("notify.url", key, &Redactor::hiding());
        assert!(!shown.contains(&key[8..]), "{shown}");
        for plain in [
            "30s",
            "https://api.example.invalid/v1",
            "db.internal:5432",
            "INFO",
        ] {
            assert!(!holds_credential(plain), "{plain}");
        }
    }

    #[test]
    fn secret_keys() {
        for key in [
            "db.password",
            "DB_PASSWORD",
            "stripe.api_key",
            "API-KEY",
            "auth.private_key",
            "sentry.dsn",
            "github_token",
            "aws.credentials.id",
            "client_secret",
        ] {
            assert!(is_secret_key(key), "{key}");
        }
        for key in ["db.host", "pool_size", "tokens_per_minute_limit_x"] {
            // "tokens…" does contain "token": masking too much is the safe side.
            assert_eq!(is_secret_key(key), key.contains("token"), "{key}");
        }
    }

    #[test]
    fn url_passwords_are_masked_and_the_rest_kept() {
        let r = Redactor::hiding();
        let shown = display_value("db.url", "postgres://app:hunter22@db.prod:5432/app", &r); // opsguard:allow (test data)
        assert!(
            shown.starts_with("postgres://app:<secret len=8 "),
            "{shown}"
        );
        assert!(shown.ends_with("@db.prod:5432/app"), "{shown}");
        assert!(!shown.contains("hunter22"));
        assert_eq!(
            display_value("db.url", "https://example.com/a@b", &r),
            "https://example.com/a@b"
        );
        assert_eq!(url_password("redis://:pw@cache:6379"), Some(9..11));
    }

    #[test]
    fn secret_keys_mask_the_whole_value_unless_revealing() {
        let shown = display_value("db.password", "hunter2", &Redactor::hiding());
        assert!(!shown.contains("hunter2"));
        assert_eq!(
            display_value("db.password", "hunter2", &Redactor::revealing()),
            "hunter2"
        );
    }
}
