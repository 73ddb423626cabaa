//! Live verification as data: a rule's `[rules.verify]` table says which read-only request
//! tells its provider's answer "this secret works" from "it does not", and which field of
//! the answer names who it belongs to. Pure: templates rendered, hosts checked, answers
//! judged; `verify_http` sends the requests.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `[rules.verify]` as written in a pack.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyToml {
    /// Names the provider: its rate limit, its cache entries, and the test-only
    /// `OPSGUARD_VERIFY_ENDPOINT_<PROVIDER>` override.
    pub provider: String,
    /// A verifier in code, for a provider whose requests are signed (`aws-sts`).
    #[serde(default)]
    pub builtin: Option<String>,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// HTTP basic authentication, `{user, password}` templates.
    #[serde(default)]
    pub basic_auth: Option<BasicAuth>,
    #[serde(default)]
    pub body: Option<String>,
    /// Status codes that mean the secret works / does not.
    #[serde(default)]
    pub active: Vec<u16>,
    #[serde(default)]
    pub inactive: Vec<u16>,
    /// What must also hold for `active` (Slack answers 200 either way).
    #[serde(default)]
    pub active_when: Option<Condition>,
    /// What, holding, means inactive whatever the status.
    #[serde(default)]
    pub inactive_when: Option<Condition>,
    /// Who the secret belongs to: a JSON pointer into the answer (`/login`), or a template
    /// of the `with` secret (`{{user}}`), never of the secret itself.
    #[serde(default)]
    pub identity: Option<String>,
    /// What an active answer with a given status means, said with the verdict
    /// (`notes = { 403 = "…" }`): a key that exists but may not call this API.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// A second secret the request needs, found by another rule in the same file.
    #[serde(default)]
    pub with: Option<Companion>,
    /// Parameters of a built-in verifier, as templates.
    #[serde(default)]
    pub params: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasicAuth {
    pub user: String,
    #[serde(default)]
    pub password: String,
}

/// A test on the provider's answer: a JSON field holding a value (`pointer` and `equals`),
/// or the body containing a text (`contains`), for providers that answer in text or put
/// the reason deep in a list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    #[serde(default)]
    pub pointer: Option<String>,
    #[serde(default)]
    pub equals: Option<serde_json::Value>,
    #[serde(default)]
    pub contains: Option<String>,
}

impl Condition {
    fn check(&self, name: &str) -> Result<(), Problem> {
        match (&self.pointer, &self.equals, &self.contains) {
            (Some(p), Some(_), None) if p.starts_with('/') => Ok(()),
            (Some(p), Some(_), None) => Err(format!(
                "`{name}.pointer` `{p}` is not a JSON pointer (it starts with `/`)"
            )),
            (None, None, Some(text)) if !text.is_empty() => Ok(()),
            _ => Err(format!(
                "`{name}` takes `pointer` and `equals`, or `contains` alone"
            )),
        }
    }

    fn holds(&self, json: Option<&serde_json::Value>, body: &str) -> bool {
        match (&self.pointer, &self.equals, &self.contains) {
            (Some(p), Some(value), _) => json.and_then(|j| j.pointer(p)) == Some(value),
            (_, _, Some(text)) => body.contains(text.as_str()),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Companion {
    /// The rule whose secret goes with this one.
    pub rule: String,
    /// Its placeholder: `{{NAME}}`.
    pub name: String,
}

/// The built-in verifiers: requests a plain HTTP table cannot express.
pub const BUILTINS: [&str; 1] = ["aws-sts"];

/// A checked verify table of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Verifier {
    pub spec: VerifyToml,
    pub method: String,
    /// The hosts this verifier may contact (its pack's `verify_hosts`).
    pub hosts: Vec<String>,
}

/// Why a verify table cannot be used; the loader adds the position.
pub type Problem = String;

/// `{{name}}` placeholders of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                out.push(after[..end].trim());
                rest = &after[end + 2..];
            }
            None => break,
        }
    }
    out
}

/// Replaces every `{{name}}` with its value; `None` if one has no value.
pub fn render(template: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}")?;
        out.push_str(vars.get(after[..end].trim())?);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Some(out)
}

/// The host of an `https://host[:port]/…` URL, lower-cased; `None` for anything else.
pub fn https_host(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    if authority.contains('@') || authority.is_empty() {
        return None;
    }
    let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
    Some(host.to_ascii_lowercase())
}

/// Whether `host` is one of `allowed` (`*.example.com` allows its subdomains).
pub fn host_allowed(host: &str, allowed: &[String]) -> bool {
    allowed.iter().any(|a| match a.strip_prefix("*.") {
        Some(domain) => host.ends_with(&format!(".{domain}")),
        None => host == a,
    })
}

impl Verifier {
    /// Checks a verify table of `rule` against its pack's hosts: its placeholders must be
    /// `secret` or its companion's name, every literal URL https to an allowed host, and a
    /// builtin one opsguard has.
    pub fn check(spec: VerifyToml, hosts: &[String]) -> Result<Verifier, Problem> {
        if spec.provider.is_empty()
            || !spec
                .provider
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err("`provider` must be letters, digits and dashes".into());
        }
        if hosts.is_empty() {
            return Err(
                "the pack declares no `verify_hosts`: a verifier may only contact the hosts its pack names"
                    .into(),
            );
        }
        let mut names = vec!["secret".to_string()];
        if let Some(with) = &spec.with {
            names.push(with.name.clone());
        }
        let mut templates: Vec<&str> = spec.headers.values().map(String::as_str).collect();
        templates.extend(spec.url.as_deref());
        templates.extend(spec.body.as_deref());
        if let Some(auth) = &spec.basic_auth {
            templates.extend([auth.user.as_str(), auth.password.as_str()]);
        }
        templates.extend(spec.params.values().map(String::as_str));
        templates.extend(spec.identity.as_deref().filter(|i| !i.starts_with('/')));
        for template in &templates {
            for name in placeholders(template) {
                if !names.iter().any(|n| n == name) {
                    return Err(format!(
                        "placeholder `{{{{{name}}}}}` is neither `secret` nor the `with` secret's name"
                    ));
                }
            }
        }
        if let Some(identity) = &spec.identity {
            let names = placeholders(identity);
            if !identity.starts_with('/') && names.is_empty() {
                return Err(format!(
                    "`identity` `{identity}` is neither a JSON pointer nor a template"
                ));
            }
            // The identity is printed: it may name the companion, never show the secret.
            if names.contains(&"secret") {
                return Err("`identity` may not show `{{secret}}`".into());
            }
        }
        for (name, condition) in [
            ("active_when", &spec.active_when),
            ("inactive_when", &spec.inactive_when),
        ] {
            if let Some(c) = condition {
                c.check(name)?;
            }
        }
        for code in spec.notes.keys() {
            if code
                .parse::<u16>()
                .map_or(true, |c| !(100..600).contains(&c))
            {
                return Err(format!("`notes` key `{code}` is not an HTTP status"));
            }
        }
        let method = spec.method.clone().unwrap_or_else(|| "GET".into());
        match (&spec.builtin, &spec.url) {
            (Some(b), _) if !BUILTINS.contains(&b.as_str()) => {
                return Err(format!(
                    "builtin `{b}` is not a verifier opsguard has (it has {})",
                    BUILTINS.join(", ")
                ))
            }
            (Some(_), _) => {}
            (None, None) => return Err("a verify table needs `url` or `builtin`".into()),
            (None, Some(url)) => {
                if !["GET", "POST", "HEAD"].contains(&method.as_str()) {
                    return Err(format!("method `{method}`: expected GET, POST or HEAD"));
                }
                if spec.active.is_empty() && spec.active_when.is_none() {
                    return Err("`active` lists no status code".into());
                }
                // A URL that is the secret (a webhook) is checked when rendered.
                if !url.starts_with("{{") {
                    let host =
                        https_host(url).ok_or_else(|| format!("`{url}` is not an https URL"))?;
                    if !host_allowed(&host, hosts) {
                        return Err(format!(
                            "host `{host}` is not in the pack's verify_hosts ({})",
                            hosts.join(", ")
                        ));
                    }
                }
            }
        }
        Ok(Verifier {
            spec,
            method,
            hosts: hosts.to_vec(),
        })
    }
}

/// The verdict on one secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Inactive,
    /// The provider could not say (rate limited, no companion secret, an answer we do not
    /// know).
    Unknown,
    /// The request failed (network, timeout, a server error).
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Inactive => "inactive",
            Status::Unknown => "unknown",
            Status::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verification {
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// Why, for unknown and error; for active, what the answer means where the verifier
    /// says (a key that exists but may not call the API asked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub checked_at: String,
    pub provider: String,
}

/// The longest identity kept: a name or an ID, never a document.
const IDENTITY_MAX: usize = 120;

/// Judges a provider's answer by the table; `vars` renders a templated identity.
pub fn judge(
    spec: &VerifyToml,
    status: u16,
    body: &str,
    vars: &BTreeMap<String, String>,
) -> (Status, Option<String>, Option<String>) {
    let json: Option<serde_json::Value> = serde_json::from_str(body).ok();
    let holds = |c: &Condition| c.holds(json.as_ref(), body);
    if spec.inactive_when.as_ref().is_some_and(holds) || spec.inactive.contains(&status) {
        return (Status::Inactive, None, None);
    }
    let active_status = spec.active.is_empty() || spec.active.contains(&status);
    let active_field = spec.active_when.as_ref().is_none_or(holds);
    if active_status && active_field && (200..500).contains(&status) {
        let identity = spec
            .identity
            .as_deref()
            .and_then(|p| {
                if p.starts_with('/') {
                    match json.as_ref()?.pointer(p)? {
                        serde_json::Value::String(s) => Some(s.clone()),
                        serde_json::Value::Number(n) => Some(n.to_string()),
                        _ => None,
                    }
                } else {
                    render(p, vars)
                }
            })
            .map(|s| s.chars().take(IDENTITY_MAX).collect());
        let note = spec.notes.get(&status.to_string()).cloned();
        return (Status::Active, identity, note);
    }
    match status {
        429 => (
            Status::Unknown,
            None,
            Some("rate limited (HTTP 429)".into()),
        ),
        500..=599 => (
            Status::Error,
            None,
            Some(format!("HTTP {status} from the provider")),
        ),
        _ => (
            Status::Unknown,
            None,
            Some(format!("HTTP {status}, which the verifier does not know")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> VerifyToml {
        toml::from_str(text).unwrap()
    }

    fn none() -> BTreeMap<String, String> {
        BTreeMap::new()
    }

    fn hosts() -> Vec<String> {
        vec!["api.github.com".into(), "*.slack.com".into()]
    }

    #[test]
    fn templates_render_only_known_placeholders() {
        let vars = BTreeMap::from([("secret".to_string(), "tok".to_string())]);
        assert_eq!(
            render("token {{secret}}", &vars).as_deref(),
            Some("token tok")
        );
        assert_eq!(render("{{ secret }}/x", &vars).as_deref(), Some("tok/x"));
        assert_eq!(render("{{other}}", &vars), None);
        assert_eq!(placeholders("a {{x}} b {{ y }}"), ["x", "y"]);
    }

    #[test]
    fn hosts_are_https_and_allowed_only() {
        assert_eq!(
            https_host("https://API.github.com/user").as_deref(),
            Some("api.github.com")
        );
        assert_eq!(https_host("http://api.github.com/user"), None);
        assert_eq!(https_host("https://user@evil.example/"), None);
        assert!(host_allowed("hooks.slack.com", &hosts()));
        assert!(!host_allowed("slack.com.evil.example", &hosts()));
        assert!(!host_allowed("evil.example", &hosts()));
    }

    #[test]
    fn a_table_is_checked_for_placeholders_hosts_and_codes() {
        let good = table(
            "provider = \"github\"\nurl = \"https://api.github.com/user\"\nheaders = { Authorization = \"token {{secret}}\" }\nactive = [200]\ninactive = [401]\nidentity = \"/login\"\n",
        );
        assert!(Verifier::check(good.clone(), &hosts()).is_ok());
        let mut bad = good.clone();
        bad.headers.insert("X".into(), "{{password}}".into());
        let err = Verifier::check(bad, &hosts()).unwrap_err();
        assert!(err.contains("`{{password}}` is neither"), "{err}");
        let mut elsewhere = good.clone();
        elsewhere.url = Some("https://collector.evil.example/?k={{secret}}".into());
        let err = Verifier::check(elsewhere, &hosts()).unwrap_err();
        assert!(
            err.contains("host `collector.evil.example` is not in"),
            "{err}"
        );
        let mut plain = good.clone();
        plain.url = Some("http://api.github.com/user".into());
        assert!(Verifier::check(plain, &hosts())
            .unwrap_err()
            .contains("not an https URL"));
        assert!(Verifier::check(good.clone(), &[])
            .unwrap_err()
            .contains("verify_hosts"));
        let mut builtin = good;
        builtin.builtin = Some("gcp-magic".into());
        assert!(Verifier::check(builtin, &hosts())
            .unwrap_err()
            .contains("builtin `gcp-magic`"));
    }

    #[test]
    fn answers_are_judged_by_status_and_fields() {
        let github = table(
            "provider = \"github\"\nurl = \"https://api.github.com/user\"\nactive = [200]\ninactive = [401]\nidentity = \"/login\"\n",
        );
        assert_eq!(
            judge(&github, 200, r#"{"login":"octo"}"#, &none()),
            (Status::Active, Some("octo".into()), None)
        );
        assert_eq!(judge(&github, 401, "", &none()).0, Status::Inactive);
        assert_eq!(judge(&github, 429, "", &none()).0, Status::Unknown);
        assert_eq!(judge(&github, 503, "", &none()).0, Status::Error);
        assert_eq!(judge(&github, 302, "", &none()).0, Status::Unknown);
        let slack = table(
            "provider = \"slack\"\nurl = \"https://slack.com/api/auth.test\"\nactive = [200]\nactive_when = { pointer = \"/ok\", equals = true }\ninactive_when = { pointer = \"/ok\", equals = false }\nidentity = \"/user\"\n",
        );
        assert_eq!(
            judge(
                &slack,
                200,
                r#"{"ok":false,"error":"invalid_auth"}"#,
                &none()
            )
            .0,
            Status::Inactive
        );
        assert_eq!(
            judge(&slack, 200, r#"{"ok":true,"user":"bot"}"#, &none()),
            (Status::Active, Some("bot".into()), None)
        );
    }

    #[test]
    fn text_answers_notes_and_companion_identities() {
        // PyPI answers in text: the reason decides, not the status alone.
        let pypi = table(
            "provider = \"pypi\"\nmethod = \"POST\"\nurl = \"https://upload.pypi.org/legacy/\"\nactive = [400]\nactive_when = { contains = \"Unknown protocol version\" }\ninactive_when = { contains = \"Invalid or non-existent authentication\" }\n",
        );
        let hosts = vec!["upload.pypi.org".to_string()];
        assert!(Verifier::check(pypi.clone(), &hosts).is_ok());
        assert_eq!(
            judge(&pypi, 400, "400 Unknown protocol version.", &none()).0,
            Status::Active
        );
        assert_eq!(
            judge(
                &pypi,
                403,
                "Invalid or non-existent authentication information.",
                &none()
            )
            .0,
            Status::Inactive
        );
        // Read-only mode is a 403 too: not a verdict on the key.
        assert_eq!(
            judge(
                &pypi,
                403,
                "Read-only mode: Uploads are temporarily disabled.",
                &none()
            )
            .0,
            Status::Unknown
        );
        assert_eq!(
            judge(&pypi, 400, "metadata: bad", &none()).0,
            Status::Unknown
        );

        let google = table(
            "provider = \"google\"\nurl = \"https://generativelanguage.googleapis.com/v1beta/models\"\nactive = [200, 403]\ninactive_when = { contains = \"API_KEY_INVALID\" }\nnotes = { 403 = \"exists; may not call Gemini\" }\n",
        );
        assert_eq!(
            judge(
                &google,
                403,
                r#"{"error":{"status":"PERMISSION_DENIED"}}"#,
                &none()
            ),
            (
                Status::Active,
                None,
                Some("exists; may not call Gemini".into())
            )
        );
        assert_eq!(
            judge(
                &google,
                400,
                r#"{"error":{"details":[{"reason":"API_KEY_INVALID"}]}}"#,
                &none()
            )
            .0,
            Status::Inactive
        );
        assert_eq!(
            judge(&google, 200, "{}", &none()),
            (Status::Active, None, None)
        );

        let docker = table(
            "provider = \"docker-hub\"\nurl = \"https://auth.docker.io/token\"\nbasic_auth = { user = \"{{user}}\", password = \"{{secret}}\" }\nwith = { rule = \"docker-hub-username\", name = \"user\" }\nactive = [200]\ninactive = [401]\nidentity = \"{{user}}\"\n",
        );
        let hub = vec!["auth.docker.io".to_string()];
        assert!(Verifier::check(docker.clone(), &hub).is_ok());
        let vars = BTreeMap::from([
            ("secret".to_string(), "dckr_pat_x".to_string()),
            ("user".to_string(), "octodev".to_string()),
        ]);
        assert_eq!(
            judge(&docker, 200, r#"{"token":"t"}"#, &vars),
            (Status::Active, Some("octodev".into()), None)
        );

        // The identity is printed: it may never show the secret.
        let mut leaky = docker.clone();
        leaky.identity = Some("{{secret}}".into());
        assert!(Verifier::check(leaky, &hub)
            .unwrap_err()
            .contains("may not show"));
        let mut bad = google.clone();
        bad.inactive_when = Some(Condition {
            pointer: Some("/error".into()),
            equals: None,
            contains: Some("x".into()),
        });
        let hosts = vec!["generativelanguage.googleapis.com".to_string()];
        assert!(Verifier::check(bad, &hosts)
            .unwrap_err()
            .contains("`inactive_when` takes"));
        let mut odd = google;
        odd.notes.insert("often".into(), "x".into());
        assert!(Verifier::check(odd, &hosts)
            .unwrap_err()
            .contains("`notes` key `often`"));
    }
}
