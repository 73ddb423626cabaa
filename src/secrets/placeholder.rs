//! Values that stand in for a secret without being one: every rule's match passes through
//! here before it becomes a finding. A pre-commit hook that blocks a commit over
//! `ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX` in a README is switched off the same day,
//! so these are judged on the value's shape, the same way for every rule:
//!
//! - a body of one repeated character or a short repeated unit (`XXXX`, `0000`, `abab`),
//!   or a run of consecutive characters (`abcdefgh`, `12345678`);
//! - the markers documentation uses (`EXAMPLE`, `FAKE`, `DUMMY`, `REDACTED`,
//!   `PLACEHOLDER`, `your_…_here`, `<…>`, `xxxx`, `****`);
//! - references to a variable or a secret store (`${…}`, `{{ … }}`, `%(…)s`, `$NAME`,
//!   `%NAME%`, `vault:…`, `arn:aws:secretsmanager:…`, `process.env.…`);
//! - URLs and paths with no credential in them.
//!
//! And where a capture ran on past the end of the string literal it sits in (`bbbb\n")`),
//! the literal's end ends the secret.

/// Why a value is a placeholder, for `-v` logs and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    Repeated,
    Sequence,
    Marker,
    Reference,
    CredentialFreeUrl,
}

/// Marker words (lowercase) that real credentials do not contain but examples do.
const MARKERS: &[&str] = &[
    "example",
    "fake",
    "dummy",
    "redacted",
    "placeholder",
    "changeme",
    "change_me",
    "replaceme",
    "replace_me",
    "xxxxx",
    "*****",
    "•••",
    "notasecret",
    "not_a_secret",
    "not-a-secret",
    "insert_",
    "insert-",
    "your_",
    "your-",
    "yourapikey",
    "yourtoken",
    "yoursecret",
    "yourpassword",
];

/// Values that specifications and vendor documentation print as examples, copied into
/// code and tests everywhere: RFC 6749's access, refresh and authorization-code examples
/// and Stripe's documented test key.
const DOCUMENTED_EXAMPLES: &[&str] = &[
    "2YotnFZFEjr1zCsicMWpAA",
    "tGzv3JOkF0XG5Qx2TlKWIA",
    "SplxlOBeZQQYbYS6WxSbIA",
    "4eC39HqLyjWDarjtT1zdp7dc",
];

/// `text` with `%XX` escapes decoded, when it holds any and decodes to UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    if !text.contains('%') {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let mut decoded_any = false;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                decoded_any = true;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    decoded_any.then(|| String::from_utf8(out).ok()).flatten()
}

/// Prefixes of references to a secret held elsewhere.
const STORE_PREFIXES: &[&str] = &[
    "vault:",
    "arn:aws:secretsmanager:",
    "arn:aws:ssm:",
    "ssm:",
    "secretsmanager:",
    "sm://",
    "gcp-secret:",
    "projects/",
    "azurekeyvault:",
    "keyvault:",
    "op://",
    "env:",
    "env.",
    "process.env.",
    "os.environ",
    "os.getenv",
    "system.getenv",
    "env[",
    "secrets.",
    "var.",
    "local.",
    "data.",
];

/// Whether `secret` is a placeholder rather than a credential.
pub fn classify(secret: &[u8]) -> Option<Placeholder> {
    let text = std::str::from_utf8(secret).ok()?;
    // `%7BPASSWORD%7D` in a URL is `{PASSWORD}`: judge what it stands for.
    let decoded = percent_decoded(text);
    let text = decoded.as_deref().unwrap_or(text);
    if text.bytes().filter(u8::is_ascii_alphanumeric).count() < 4 {
        // `%!*'();:@&=+$,/?#[]`: punctuation is a character set, not a credential.
        return Some(Placeholder::Marker);
    }
    let lower = text.to_ascii_lowercase();
    if DOCUMENTED_EXAMPLES.iter().any(|e| text.contains(e)) {
        return Some(Placeholder::Marker);
    }
    if is_reference(text, &lower) {
        return Some(Placeholder::Reference);
    }
    if is_credential_free_url(&lower, text) {
        return Some(Placeholder::CredentialFreeUrl);
    }
    if MARKERS.iter().any(|m| lower.contains(m)) {
        return Some(Placeholder::Marker);
    }
    let body = longest_segment(text);
    if body.len() >= 6 {
        if repeats_a_short_unit(body.as_bytes()) {
            return Some(Placeholder::Repeated);
        }
        if is_sequence(body.as_bytes()) {
            return Some(Placeholder::Sequence);
        }
    }
    if body.len() >= 12 && mostly_one_character(body.as_bytes()) {
        return Some(Placeholder::Repeated);
    }
    // A whole value that is one character (`**********`, `----------`).
    if text.len() >= 6 && repeats_a_short_unit(text.as_bytes()) {
        return Some(Placeholder::Repeated);
    }
    None
}

/// `${NAME}`, `$NAME`, `{{ … }}`, `%(name)s`, `%NAME%`, `<your key>`, `@NAME@`, store refs.
fn is_reference(text: &str, lower: &str) -> bool {
    let t = text.trim_matches(|c| c == '"' || c == '\'');
    let wrapped = |open: &str, close: &str| t.starts_with(open) && t.ends_with(close);
    if wrapped("${", "}") || wrapped("{{", "}}") || wrapped("%(", ")s") || wrapped("$(", ")") {
        return true;
    }
    if wrapped("<", ">") || wrapped("[", "]") && t.len() > 2 {
        return true;
    }
    if (wrapped("%", "%") || wrapped("@", "@") || wrapped("{", "}"))
        && t.len() > 2
        && is_identifier(&t[1..t.len() - 1])
    {
        return true;
    }
    if let Some(name) = t.strip_prefix('$') {
        if is_identifier(name) {
            return true;
        }
    }
    // A template in the middle of a value: `prefix-{{ .Values.key }}`.
    if t.contains("{{") && t.contains("}}") || t.contains("${") && t.contains('}') {
        return true;
    }
    STORE_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// A variable's name: letters, `_` and `.`, no digits. Generated tokens that start with
/// `$` (`$aact_prod_…`) nearly always hold digits; variable names seldom do.
fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'.')
}

/// `https://oauth2.googleapis.com/token`, `/usr/local/bin`: no user:password in it, no
/// key in its query, and no path segment that looks like a token (webhook URLs carry one).
fn is_credential_free_url(lower: &str, original: &str) -> bool {
    let Some((scheme, _)) = lower.split_once("://") else {
        return false;
    };
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
    {
        return false;
    }
    let rest = &original[scheme.len() + 3..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return false;
    }
    let query_secret = [
        "key=",
        "token=",
        "secret=",
        "password=",
        "sig=",
        "signature=",
    ]
    .iter()
    .any(|k| lower.contains(k));
    let token_like = rest[authority.len()..]
        .split(['/', '?', '#', '&', '='])
        .any(|segment| {
            segment.len() >= 16
                && segment.bytes().any(|b| b.is_ascii_digit())
                && segment.bytes().any(|b| b.is_ascii_alphabetic())
                && super::entropy::shannon(segment.as_bytes()) >= 3.0
        });
    !query_secret && !token_like
}

/// The longest run between separators: the body of `ghp_XXXX…` or `sk_live_XXXX…`.
fn longest_segment(text: &str) -> &str {
    text.split(['_', '-', '.', ':', '/', '+', '=', ' '])
        .max_by_key(|s| s.len())
        .unwrap_or(text)
}

/// `XXXXXXXX`, `00000000`, `abababab`, `abcabcabc`: a unit of at most 4 bytes, repeated.
fn repeats_a_short_unit(body: &[u8]) -> bool {
    (1..=4).any(|unit| {
        body.len() >= unit * 3
            && body
                .iter()
                .enumerate()
                .all(|(i, &b)| b.eq_ignore_ascii_case(&body[i % unit]))
    })
}

/// `AIzaAAAAAAAA…`: a prefix glued to a run of one character.
fn mostly_one_character(body: &[u8]) -> bool {
    let mut counts = [0usize; 256];
    for &b in body {
        counts[b.to_ascii_lowercase() as usize] += 1;
    }
    counts.iter().max().copied().unwrap_or(0) * 4 >= body.len() * 3
}

/// `abcdefgh…`, `12345678…`, `987654…`: each byte one above (or below) the last, for
/// nearly all of the body.
fn is_sequence(body: &[u8]) -> bool {
    let steps = body.len() - 1;
    let up = body
        .windows(2)
        .filter(|w| {
            w[1].to_ascii_lowercase() == w[0].to_ascii_lowercase().wrapping_add(1) || w == b"90"
        })
        .count();
    let down = body
        .windows(2)
        .filter(|w| w[1].to_ascii_lowercase().wrapping_add(1) == w[0].to_ascii_lowercase())
        .count();
    up.max(down) * 10 >= steps * 9
}

/// Where a capture ran past the end of the string literal it sits in: `pw\n")` → `pw`.
/// Returns the length of the secret to keep.
pub fn literal_end(secret: &[u8]) -> usize {
    let closing = |b: &u8| matches!(b, b'"' | b'\'' | b'`' | b')' | b']' | b'}' | b';' | b',');
    for (i, w) in secret.windows(2).enumerate() {
        // An escape sequence (`\n`, `\"`) followed only by escapes and closing punctuation
        // is the end of the literal the value sits in. One followed by more text is part
        // of the value (a PEM key in a JSON string is `\n`-separated).
        if i > 0 && w[0] == b'\\' && matches!(w[1], b'n' | b'r' | b't' | b'"' | b'\'') {
            let mut rest = &secret[i..];
            loop {
                match rest {
                    [b'\\', b'n' | b'r' | b't' | b'"' | b'\'', tail @ ..] => rest = tail,
                    [b, tail @ ..] if closing(b) => rest = tail,
                    _ => break,
                }
            }
            if rest.is_empty() {
                return i;
            }
        }
    }
    // `secret")`, `secret');`, `secret",`: a closing quote followed only by punctuation.
    if let Some(quote) = secret
        .iter()
        .rposition(|&b| matches!(b, b'"' | b'\'' | b'`'))
    {
        if quote > 0
            && secret[quote + 1..].iter().all(closing)
            && !secret[..quote].contains(&secret[quote])
        {
            return quote;
        }
    }
    secret.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholder(s: &str) -> Option<Placeholder> {
        classify(s.as_bytes())
    }

    #[test]
    fn repeated_bodies_are_placeholders_real_bodies_are_not() {
        assert_eq!(
            placeholder("ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
            Some(Placeholder::Marker)
        );
        assert_eq!(
            placeholder("ghp_000000000000000000000000000000000000"),
            Some(Placeholder::Repeated)
        );
        assert_eq!(
            placeholder("sk_live_aaaaaaaaaaaaaaaaaaaaaaaa"),
            Some(Placeholder::Repeated)
        );
        assert_eq!(
            placeholder("AIzaAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            Some(Placeholder::Repeated)
        );
        assert_eq!(
            placeholder("00000000-0000-0000-0000-000000000000"),
            Some(Placeholder::Repeated)
        );
        assert_eq!(
            placeholder("ab12ab12ab12ab12ab12"),
            Some(Placeholder::Repeated)
        );
        let real = "ghp_R8x2kWq9Lm3Zt7Vn0Pb4Yc6Hd1Jf5Gs8Ke2A"; // opsguard:allow
        assert_eq!(placeholder(real), None);
        assert_eq!(placeholder("sk_live_9rT2xQm4Lk7Zp3Wv8Nb5Hc1J"), None); // opsguard:allow
    }

    #[test]
    fn percent_encoded_references_and_bare_punctuation_are_placeholders() {
        assert_eq!(
            placeholder("%7BENCODED_PASSWORD%7D"),
            Some(Placeholder::Reference)
        );
        assert_eq!(
            placeholder("%25%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D%20"),
            Some(Placeholder::Marker)
        );
        assert_eq!(placeholder("p%40ss%21Zx8Lq2Wm4Rt6"), None);
    }

    #[test]
    fn documented_examples_are_placeholders() {
        assert_eq!(
            placeholder("2YotnFZFEjr1zCsicMWpAA"),
            Some(Placeholder::Marker)
        );
        assert_eq!(
            placeholder("sk_test_4eC39HqLyjWDarjtT1zdp7dc"),
            Some(Placeholder::Marker)
        );
    }

    #[test]
    fn sequences_are_placeholders() {
        assert_eq!(
            placeholder("sk_live_abcdefghijklmnopqrstuvwx"),
            Some(Placeholder::Sequence)
        );
        assert_eq!(
            placeholder("token-1234567890123"),
            Some(Placeholder::Sequence)
        );
        assert_eq!(
            placeholder("xoxb-123456789012-zyxwvutsrqpo"),
            Some(Placeholder::Sequence)
        );
        assert_eq!(placeholder("xoxb-263401859210-Xq8ZrT2mWn4Lk7Pv"), None);
    }

    #[test]
    fn markers_are_placeholders() {
        for s in [
            "AKIAIOSFODNN7EXAMPLE",
            "sk_live_FAKEa8Zr2LmX0vTy7PwN4b6c",
            "glpat-DUMMYtokenForDocs01",
            "REDACTED",
            "your_api_key_here",
            "insert-token-here",
            "xoxb-your-token",
            "pw-xxxxxxxx-1",
        ] {
            assert_eq!(placeholder(s), Some(Placeholder::Marker), "{s}");
        }
        assert_eq!(placeholder("Zx8Lq2Wm4Rt6Yp0Nv3Kb"), None);
    }

    #[test]
    fn references_are_placeholders() {
        for s in [
            "${GITHUB_TOKEN}",
            "$STRIPE_KEY",
            "{{ .Values.apiKey }}",
            "${{ secrets.NPM_TOKEN }}",
            "%(password)s",
            "%DB_PASSWORD%",
            "@SECRET@",
            "<your-api-key>",
            "vault:secret/data/app#token",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
            "process.env.API_KEY",
            "$(cat /run/secrets/token)",
            "prefix-{{ .Values.key }}",
        ] {
            assert_eq!(placeholder(s), Some(Placeholder::Reference), "{s}");
        }
        assert_eq!(placeholder("$2bQz8LmX0vTy7PwN"), None);
        let real = "$aact_prod_Qz8LmX0vTy7PwN4b6cR2"; // opsguard:allow
        assert_eq!(placeholder(real), None);
    }

    #[test]
    fn credential_free_urls_are_not_secrets_urls_with_credentials_are() {
        assert_eq!(
            placeholder("https://oauth2.googleapis.com/token"),
            Some(Placeholder::CredentialFreeUrl)
        );
        assert_eq!(
            placeholder("https://api.example.invalid/v1/keys"),
            Some(Placeholder::CredentialFreeUrl)
        );
        let real = "https://deploy:Zx8Lq2Wm4Rt6@git.acme.io/repo"; // opsguard:allow
        assert_eq!(placeholder(real), None);
        let real = "https://hooks.acme.io/x?token=Zx8Lq2Wm4Rt6Yp0N"; // opsguard:allow
        assert_eq!(placeholder(real), None);
        assert_eq!(
            placeholder("https://discord.com/api/webhooks/1234567890/Zx8Lq2Wm4Rt6Yp0Nv3Kb9Hd"),
            None
        );
    }

    #[test]
    fn a_literal_end_ends_the_secret() {
        assert_eq!(literal_end(br#"bbbb\n")"#), 4);
        assert_eq!(literal_end(br#"hunter2hunter\""#), 13);
        assert_eq!(literal_end(br#"s3cr3tPa55');"#), 10);
        assert_eq!(literal_end(br#"s3cr3tPa55","#), 10);
        assert_eq!(literal_end(b"Zx8Lq2Wm4Rt6"), 12);
        // A quote inside the value, not at its end, stays.
        assert_eq!(literal_end(br#"ab"cd"ef"#), 8);
        assert_eq!(literal_end(br#""quoted""#), 8);
        // A key in a JSON string keeps its escaped line breaks.
        assert_eq!(
            literal_end(br#"-----BEGIN-----\nAAAA\nBBBB\n-----END-----"#),
            42
        );
    }
}
