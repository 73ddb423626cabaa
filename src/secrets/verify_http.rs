//! Sends the verification requests: one per distinct secret, read-only, to the hosts its
//! pack allows, up to eight hosts at once but each host one request at a time and at most
//! one every 250 ms, each within 10 seconds, never following a redirect. Results are kept
//! per fingerprint for the run and, for keys found dead, across runs in the cache
//! directory. Every request is logged at `-v` with the secret masked.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::diagnostics::fingerprint;
use super::findings::SecretFinding;
use super::occurrence::Occurrence;
use super::rules::RuleSet;
use super::verify::{host_allowed, https_host, judge, render, Status, Verification, Verifier};
use crate::timestamp::Timestamp;

const TIMEOUT: Duration = Duration::from_secs(10);
const PER_HOST_INTERVAL: Duration = Duration::from_millis(250);
const BODY_LIMIT: u64 = 64 * 1024;
/// A key found dead is not asked about again for a week.
const INACTIVE_TTL_SECS: i64 = 7 * 86_400;
const CACHE_FILE: &str = "verify-v1.json";

/// What `--verify` produced: a verdict per fingerprint, and what went wrong on the way.
#[derive(Debug, Default)]
pub struct Verified {
    pub verdicts: HashMap<String, Verification>,
    pub requests: u64,
    pub cached: u64,
}

/// The test-only base URL that replaces a provider's scheme and host: loopback only.
fn endpoint_override(provider: &str) -> Option<String> {
    let var = format!(
        "OPSGUARD_VERIFY_ENDPOINT_{}",
        provider.to_ascii_uppercase().replace('-', "_")
    );
    let value = std::env::var(var).ok()?;
    let loopback = ["http://127.0.0.1:", "http://localhost:", "http://[::1]:"];
    loopback
        .iter()
        .any(|p| value.starts_with(p))
        .then(|| value.trim_end_matches('/').to_string())
}

/// `https://api.github.com/user` with a base of `http://127.0.0.1:9/github` →
/// `http://127.0.0.1:9/github/user`.
fn rebase(url: &str, base: &str) -> String {
    let rest = url.strip_prefix("https://").unwrap_or(url);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    format!("{base}{path}")
}

/// The secrets another rule found next to each place: by path and commit.
pub struct Companions<'a> {
    by_place: HashMap<(&'a str, Option<&'a str>), Vec<&'a Occurrence>>,
}

impl<'a> Companions<'a> {
    pub fn new(occurrences: &'a [Occurrence]) -> Self {
        let mut by_place: HashMap<(&str, Option<&str>), Vec<&Occurrence>> = HashMap::new();
        for o in occurrences {
            by_place
                .entry((o.path.as_str(), o.commit.as_ref().map(|c| c.id.as_str())))
                .or_default()
                .push(o);
        }
        Companions { by_place }
    }

    /// The nearest secret of rule `rule` in the same file (and commit) as `o`.
    fn nearest(&self, o: &Occurrence, rule: usize) -> Option<&'a str> {
        let key = (o.path.as_str(), o.commit.as_ref().map(|c| c.id.as_str()));
        self.by_place
            .get(&key)?
            .iter()
            .filter(|c| c.rule == rule)
            .min_by_key(|c| c.line.abs_diff(o.line))
            .map(|c| c.secret.as_str())
    }
}

#[derive(serde::Serialize, serde::Deserialize, Default)]
struct CacheFile {
    entries: BTreeMap<String, Verification>,
}

fn read_cache(path: &Path) -> CacheFile {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// One request to make: the secret's fingerprint, its verifier and the values it renders.
struct Job<'a> {
    fp: String,
    verifier: &'a Verifier,
    vars: BTreeMap<String, String>,
}

/// At most this many hosts are asked at once; each host is asked one request at a time.
const HOSTS_AT_ONCE: usize = 8;

/// The lane a job's request waits in: its host (one request at a time, 250 ms apart), or
/// its provider for a builtin or a URL that does not render (`http` says why).
fn lane(job: &Job) -> String {
    job.verifier
        .spec
        .url
        .as_deref()
        .and_then(|u| render(u, &job.vars))
        .and_then(|url| https_host(&url))
        .unwrap_or_else(|| format!("provider:{}", job.verifier.spec.provider))
}

/// Verifies every finding whose rule has a verifier, each distinct secret once; different
/// hosts are asked in parallel, each host one request at a time.
pub fn verify_all(
    rules: &RuleSet,
    findings: &[SecretFinding],
    companions: &Companions,
    cache_dir: Option<&Path>,
) -> Verified {
    let now = Timestamp::now();
    let cache_path: Option<PathBuf> = cache_dir.map(|d| d.join(CACHE_FILE));
    let mut cache = cache_path.as_deref().map(read_cache).unwrap_or_default();
    let mut out = Verified::default();
    let mut lanes: BTreeMap<String, Vec<Job>> = BTreeMap::new();
    let mut queued: std::collections::HashSet<String> = std::collections::HashSet::new();
    for f in findings {
        let rule = &rules.rules[f.rule];
        let Some(verifier) = &rule.verify else {
            continue;
        };
        let fp = fingerprint(&rule.id, &f.secret);
        if out.verdicts.contains_key(&fp) || queued.contains(&fp) {
            continue;
        }
        if let Some(hit) = cache.entries.get(&fp).filter(|v| {
            v.status == Status::Inactive
                && Timestamp::parse(&v.checked_at)
                    .is_some_and(|t| now.secs() - t.secs() < INACTIVE_TTL_SECS)
        }) {
            out.cached += 1;
            out.verdicts.insert(fp, hit.clone());
            continue;
        }
        let mut vars = BTreeMap::from([("secret".to_string(), f.secret.clone())]);
        if let Some(with) = &verifier.spec.with {
            let companion = rules
                .rules
                .iter()
                .position(|r| r.id == with.rule)
                .and_then(|i| f.occurrences.iter().find_map(|o| companions.nearest(o, i)));
            match companion {
                Some(value) => {
                    vars.insert(with.name.clone(), value.to_string());
                }
                None => {
                    out.verdicts.insert(
                        fp,
                        verdict(
                            verifier,
                            Status::Unknown,
                            None,
                            Some(format!("no {} found beside it", with.rule)),
                            now,
                        ),
                    );
                    continue;
                }
            }
        }
        let job = Job { fp, verifier, vars };
        queued.insert(job.fp.clone());
        lanes.entry(lane(&job)).or_default().push(job);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(concat!("opsguard/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    out.requests = queued.len() as u64;
    let pending = std::sync::Mutex::new(lanes.into_values().collect::<Vec<_>>());
    let answered = std::sync::Mutex::new(Vec::new());
    let workers = pending.lock().map_or(0, |l| l.len()).min(HOSTS_AT_ONCE);
    let (agent, pending, answered_by) = (&agent, &pending, &answered);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            // The guard is dropped inside `next`: no lock is held while a request runs.
            let next = || pending.lock().ok().and_then(|mut l| l.pop());
            scope.spawn(move || {
                while let Some(jobs) = next() {
                    let mut last_request: HashMap<String, Instant> = HashMap::new();
                    for job in jobs {
                        let (status, identity, detail) = match job.verifier.spec.builtin.as_deref()
                        {
                            Some("aws-sts") => aws_sts(job.verifier, &job.vars),
                            Some(other) => (
                                Status::Unknown,
                                None,
                                Some(format!("builtin `{other}` is not available")),
                            ),
                            None => http(agent, job.verifier, &job.vars, &mut last_request),
                        };
                        let v = verdict(job.verifier, status, identity, detail, now);
                        if let Ok(mut a) = answered_by.lock() {
                            a.push((job.fp, v));
                        }
                    }
                }
            });
        }
    });
    for (fp, v) in answered.into_inner().unwrap_or_default() {
        if v.status == Status::Inactive {
            cache.entries.insert(fp.clone(), v.clone());
        }
        out.verdicts.insert(fp, v);
    }
    if let Some(path) = &cache_path {
        // Fingerprints only (hashes of rule and secret), never a secret.
        cache.entries.retain(|_, v| {
            Timestamp::parse(&v.checked_at)
                .is_some_and(|t| now.secs() - t.secs() < INACTIVE_TTL_SECS)
        });
        if let Ok(text) = serde_json::to_string(&cache) {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = crate::output::atomic::write(path, text.as_bytes());
        }
    }
    out
}

fn verdict(
    verifier: &Verifier,
    status: Status,
    identity: Option<String>,
    detail: Option<String>,
    now: Timestamp,
) -> Verification {
    Verification {
        status,
        identity,
        detail,
        checked_at: now.to_string(),
        provider: verifier.spec.provider.clone(),
    }
}

/// The URL with every secret masked, for the log.
fn masked(text: &str, vars: &BTreeMap<String, String>) -> String {
    vars.values()
        .filter(|v| !v.is_empty())
        .fold(text.to_string(), |t, v| t.replace(v.as_str(), "«redacted»"))
}

fn http(
    agent: &ureq::Agent,
    verifier: &Verifier,
    vars: &BTreeMap<String, String>,
    last_request: &mut HashMap<String, Instant>,
) -> (Status, Option<String>, Option<String>) {
    let spec = &verifier.spec;
    let Some(url) = spec.url.as_deref().and_then(|u| render(u, vars)) else {
        return (Status::Error, None, Some("the URL did not render".into()));
    };
    // Checked again once rendered: a webhook's URL is the secret itself.
    let Some(host) = https_host(&url) else {
        return (Status::Error, None, Some("not an https URL".into()));
    };
    if !host_allowed(&host, &verifier.hosts) {
        return (
            Status::Error,
            None,
            Some(format!(
                "host `{host}` is not allowed for {}",
                spec.provider
            )),
        );
    }
    let target = match endpoint_override(&spec.provider) {
        Some(base) => rebase(&url, &base),
        None => url.clone(),
    };
    if let Some(at) = last_request.get(&host) {
        let since = at.elapsed();
        if since < PER_HOST_INTERVAL {
            std::thread::sleep(PER_HOST_INTERVAL - since);
        }
    }
    last_request.insert(host, Instant::now());
    let mut headers: Vec<(String, String)> = Vec::new();
    for (name, value) in &spec.headers {
        match render(value, vars) {
            Some(v) => headers.push((name.clone(), v)),
            None => return (Status::Error, None, Some("a header did not render".into())),
        }
    }
    if let Some(auth) = &spec.basic_auth {
        use base64::Engine as _;
        let (Some(user), Some(password)) = (render(&auth.user, vars), render(&auth.password, vars))
        else {
            return (
                Status::Error,
                None,
                Some("basic auth did not render".into()),
            );
        };
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        headers.push(("Authorization".into(), format!("Basic {token}")));
    }
    let body = spec.body.as_deref().and_then(|b| render(b, vars));
    let answer = match verifier.method.as_str() {
        "POST" => {
            let mut request = agent.post(&target);
            for (k, v) in &headers {
                request = request.header(k, v);
            }
            request.send(body.unwrap_or_default().as_bytes())
        }
        "HEAD" => {
            let mut request = agent.head(&target);
            for (k, v) in &headers {
                request = request.header(k, v);
            }
            request.call()
        }
        _ => {
            let mut request = agent.get(&target);
            for (k, v) in &headers {
                request = request.header(k, v);
            }
            request.call()
        }
    };
    let shown = masked(&target, vars);
    match answer {
        Ok(mut response) => {
            let status = response.status().as_u16();
            let text = response
                .body_mut()
                .with_config()
                .limit(BODY_LIMIT)
                .read_to_string()
                .unwrap_or_default();
            tracing::info!(
                "verify {}: {} {shown} → HTTP {status}",
                spec.provider,
                verifier.method
            );
            judge(spec, status, &text, vars)
        }
        Err(e) => {
            let reason = masked(&e.to_string(), vars);
            tracing::info!(
                "verify {}: {} {shown} → {reason}",
                spec.provider,
                verifier.method
            );
            (Status::Error, None, Some(reason))
        }
    }
}

/// AWS: STS GetCallerIdentity signed with the key pair, which any valid key may call and
/// which changes nothing; names the account and ARN.
#[cfg(feature = "aws")]
fn aws_sts(
    verifier: &Verifier,
    vars: &BTreeMap<String, String>,
) -> (Status, Option<String>, Option<String>) {
    use aws_sdk_sts::config::{Credentials, Region};
    use aws_sdk_sts::error::ProvideErrorMetadata;
    let param = |name: &str| verifier.spec.params.get(name).and_then(|t| render(t, vars));
    let (Some(key_id), Some(secret)) = (param("access_key_id"), param("secret_access_key")) else {
        return (
            Status::Error,
            None,
            Some("the key pair did not render".into()),
        );
    };
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return (Status::Error, None, Some("no async runtime".into()));
    };
    let mut config = aws_sdk_sts::Config::builder()
        .behavior_version(aws_sdk_sts::config::BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            key_id,
            secret,
            None,
            None,
            "opsguard-verify",
        ));
    if let Some(base) = endpoint_override("aws") {
        config = config.endpoint_url(base);
    }
    let client = aws_sdk_sts::Client::from_conf(config.build());
    let answer = runtime.block_on(client.get_caller_identity().send());
    tracing::info!(
        "verify aws: sts:GetCallerIdentity with «redacted» → {}",
        if answer.is_ok() { "ok" } else { "refused" }
    );
    match answer {
        Ok(out) => (Status::Active, out.arn().map(str::to_string), None),
        // GetCallerIdentity needs no permission (an explicit deny cannot stop it), so a
        // 403 means the key pair itself is not valid, whatever the body says.
        Err(e) if e.raw_response().is_some_and(|r| r.status().as_u16() == 403) => {
            (Status::Inactive, None, None)
        }
        Err(e) => match e.code() {
            Some(
                "InvalidClientTokenId"
                | "SignatureDoesNotMatch"
                | "AccessDenied"
                | "ExpiredToken"
                | "UnrecognizedClientException",
            ) => (Status::Inactive, None, None),
            Some(code) => (Status::Error, None, Some(format!("STS said {code}"))),
            None => (
                Status::Error,
                None,
                Some("STS could not be reached".to_string()),
            ),
        },
    }
}

#[cfg(not(feature = "aws"))]
fn aws_sts(
    _verifier: &Verifier,
    _vars: &BTreeMap<String, String>,
) -> (Status, Option<String>, Option<String>) {
    (
        Status::Unknown,
        None,
        Some("this build has no AWS support (the `aws` feature)".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provider_url_is_rebased_on_the_test_endpoint() {
        assert_eq!(
            rebase("https://api.github.com/user?x=1", "http://127.0.0.1:9/gh"),
            "http://127.0.0.1:9/gh/user?x=1"
        );
        assert_eq!(
            rebase("https://slack.com", "http://127.0.0.1:9"),
            "http://127.0.0.1:9"
        );
    }

    #[test]
    fn a_rendered_url_off_the_allowed_hosts_is_never_requested() {
        // A URL that is the secret: whatever was found, only the pack's hosts are asked.
        let spec: super::super::verify::VerifyToml = toml::from_str(
            "provider = \"slack-webhook\"\nmethod = \"POST\"\nurl = \"{{secret}}\"\nactive = [400]\n",
        )
        .unwrap();
        let verifier = Verifier::check(spec, &["hooks.slack.com".to_string()]).unwrap();
        let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
        for found in [
            "https://collector.example.net/services/T0/B0/x",
            "https://hooks.slack.com.collector.example.net/x",
            "http://hooks.slack.com/services/x",
        ] {
            let vars = BTreeMap::from([("secret".to_string(), found.to_string())]);
            let (status, _, detail) = http(&agent, &verifier, &vars, &mut HashMap::new());
            assert_eq!(status, Status::Error, "{found}");
            let detail = detail.unwrap();
            assert!(
                detail.contains("is not allowed") || detail.contains("not an https URL"),
                "{found}: {detail}"
            );
        }
    }

    #[test]
    fn logs_never_hold_the_secret() {
        let vars = BTreeMap::from([("secret".to_string(), "ghp_abc".to_string())]);
        assert_eq!(
            masked("https://x/?t=ghp_abc", &vars),
            "https://x/?t=«redacted»"
        );
    }
}
