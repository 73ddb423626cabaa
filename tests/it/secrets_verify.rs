//! `secrets scan --verify` against stand-ins for the providers on 127.0.0.1: an HTTP server
//! the test starts records every request (method, path, headers with the secret) and
//! answers as the provider would for a live or a dead key; AWS keys are checked against
//! moto's STS with IAM enforced. Nothing reaches the internet: each provider's base URL is
//! moved to loopback with the test-only `OPSGUARD_VERIFY_ENDPOINT_<PROVIDER>`.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::aws_server::MotoServer;
use crate::common::*;
use crate::git_repo::TestRepo;

/// Random-looking text over `alphabet`, the same for the same seed; built at run time so
/// this file holds no credential.
fn token(seed: u64, alphabet: &str, len: usize) -> String {
    let chars: Vec<char> = alphabet.chars().collect();
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            chars[((state >> 33) % chars.len() as u64) as usize]
        })
        .collect()
}

const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_DIGITS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX: &str = "0123456789abcdef";

/// One provider's two planted secrets and the line that carries each.
struct Planted {
    provider: &'static str,
    file: &'static str,
    live: String,
    dead: String,
    line: fn(&str) -> String,
}

fn planted() -> Vec<Planted> {
    let join = |a: &str, b: String| format!("{a}{b}");
    vec![
        Planted {
            provider: "github",
            file: "github.env",
            live: join("ghp_", token(1, ALNUM, 36)),
            dead: join("ghp_", token(2, ALNUM, 36)),
            line: |s| format!("GITHUB_TOKEN={s}"),
        },
        Planted {
            provider: "github",
            file: "github-fine.env",
            live: join("github_pat_", token(3, ALNUM, 82)),
            dead: join("github_pat_", token(4, ALNUM, 82)),
            line: |s| format!("GH_PAT={s}"),
        },
        Planted {
            provider: "gitlab",
            file: "gitlab.env",
            live: join("glpat-", token(5, ALNUM, 20)),
            dead: join("glpat-", token(6, ALNUM, 20)),
            line: |s| format!("GITLAB_TOKEN={s}"),
        },
        Planted {
            provider: "slack",
            file: "slack.env",
            live: format!(
                "xoxb-{}-{}-{}",
                token(7, "0123456789", 12),
                token(8, "0123456789", 13),
                token(9, ALNUM, 24)
            ),
            dead: format!(
                "xoxb-{}-{}-{}",
                token(10, "0123456789", 12),
                token(11, "0123456789", 13),
                token(12, ALNUM, 24)
            ),
            line: |s| format!("SLACK_BOT_TOKEN={s}"),
        },
        Planted {
            provider: "slack-webhook",
            file: "webhook.env",
            live: format!(
                "T{}/B{}/{}",
                token(13, UPPER_DIGITS, 10),
                token(14, UPPER_DIGITS, 10),
                token(15, ALNUM, 24)
            ),
            dead: format!(
                "T{}/B{}/{}",
                token(16, UPPER_DIGITS, 10),
                token(17, UPPER_DIGITS, 10),
                token(18, ALNUM, 24)
            ),
            line: |s| format!("SLACK_WEBHOOK=https://hooks.slack.com/services/{s}"),
        },
        Planted {
            provider: "sendgrid",
            file: "sendgrid.env",
            live: format!("SG.{}.{}", token(19, ALNUM, 22), token(20, ALNUM, 43)),
            dead: format!("SG.{}.{}", token(21, ALNUM, 22), token(22, ALNUM, 43)),
            line: |s| format!("SENDGRID_API_KEY={s}"),
        },
        Planted {
            provider: "stripe",
            file: "stripe.env",
            live: join("sk_live_", token(23, ALNUM, 32)),
            dead: join("sk_live_", token(24, ALNUM, 32)),
            line: |s| format!("STRIPE_KEY={s}"),
        },
        Planted {
            provider: "openai",
            file: "openai.env",
            live: format!(
                "sk-proj-{}T3BlbkFJ{}",
                token(25, ALNUM, 64),
                token(26, ALNUM, 64)
            ),
            dead: format!(
                "sk-proj-{}T3BlbkFJ{}",
                token(27, ALNUM, 64),
                token(28, ALNUM, 64)
            ),
            line: |s| format!("OPENAI_API_KEY={s}"),
        },
        Planted {
            provider: "anthropic",
            file: "anthropic.env",
            live: format!("sk-ant-api03-{}AA", token(29, ALNUM, 93)),
            dead: format!("sk-ant-api03-{}AA", token(30, ALNUM, 93)),
            line: |s| format!("ANTHROPIC_API_KEY={s}"),
        },
        Planted {
            provider: "npm",
            file: "npm.env",
            live: join("npm_", token(31, ALNUM, 36)),
            dead: join("npm_", token(32, ALNUM, 36)),
            line: |s| format!("NPM_TOKEN={s}"),
        },
        Planted {
            provider: "twilio",
            file: "twilio.env",
            live: token(35, HEX, 32),
            dead: token(36, HEX, 32),
            line: |s| format!("TWILIO_AUTH_TOKEN={s}"),
        },
        Planted {
            provider: "pypi",
            file: "pypirc",
            live: join("pypi-AgEIcHlwaS5vcmc", token(60, ALNUM, 70)),
            dead: join("pypi-AgEIcHlwaS5vcmc", token(61, ALNUM, 70)),
            line: |s| format!("password = {s}"),
        },
        Planted {
            provider: "docker-hub",
            file: "docker.env",
            live: join("dckr_pat_", token(62, ALNUM, 27)),
            dead: join("dckr_pat_", token(63, ALNUM, 27)),
            line: |s| format!("DOCKERHUB_TOKEN={s}"),
        },
        Planted {
            provider: "google",
            file: "firebase.js",
            live: join("AIza", token(64, ALNUM, 35)),
            dead: join("AIza", token(65, ALNUM, 35)),
            line: |s| format!("const firebaseConfig = {{ apiKey: \"{s}\" }};"),
        },
        Planted {
            provider: "testpypi",
            file: "testpypirc",
            live: join("pypi-AgENdGVzdC5weXBpLm9yZw", token(66, ALNUM, 70)),
            dead: join("pypi-AgENdGVzdC5weXBpLm9yZw", token(67, ALNUM, 70)),
            line: |s| format!("password = {s}"),
        },
        Planted {
            provider: "docker-hub",
            file: "docker-org.env",
            live: join("dckr_oat_", token(68, ALNUM, 32)),
            dead: join("dckr_oat_", token(69, ALNUM, 32)),
            line: |s| format!("DOCKER_ORG_TOKEN={s}"),
        },
        Planted {
            provider: "github",
            file: "github-oauth.env",
            live: join("gho_", token(73, ALNUM, 36)),
            dead: join("gho_", token(74, ALNUM, 36)),
            line: |s| format!("GH_OAUTH={s}"),
        },
        Planted {
            provider: "slack",
            file: "slack-user.env",
            live: format!(
                "xoxp-{}-{}-{}-{}",
                token(75, "0123456789", 12),
                token(76, "0123456789", 12),
                token(77, "0123456789", 13),
                token(78, ALNUM, 32)
            ),
            dead: format!(
                "xoxp-{}-{}-{}-{}",
                token(79, "0123456789", 12),
                token(80, "0123456789", 12),
                token(81, "0123456789", 13),
                token(82, ALNUM, 32)
            ),
            line: |s| format!("SLACK_USER_TOKEN={s}"),
        },
        Planted {
            provider: "datadog",
            file: "datadog.env",
            live: token(33, HEX, 32),
            dead: token(34, HEX, 32),
            line: |s| format!("DATADOG_API_KEY={s}"),
        },
    ]
}

/// PyPI answers its upload endpoint in text (Pyramid's error page), the reason also in
/// the status line.
const PYPI_UNKNOWN_PROTOCOL: &str = "400 Bad Request\n\nThe server could not comply with the request since it is either malformed or otherwise incorrect.\n\nUnknown protocol version.\n\n";
const PYPI_INVALID_AUTH: &str = "403 Forbidden\n\nAccess was denied to this resource.\n\nInvalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.\n\n";
const PYPI_READ_ONLY: &str =
    "403 Forbidden\n\nRead-only mode: Uploads are temporarily disabled.\n\n";
/// Google's error documents: the reason sits in `error.details[].reason`.
const GOOGLE_INVALID_KEY: &str = r#"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}"#;
const GEMINI_DISABLED: &str = r#"{"error":{"code":403,"message":"Generative Language API has not been used in project 1234 before or it is disabled.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.Help"},{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED","domain":"googleapis.com"}]}}"#;

#[derive(Debug, Clone)]
struct Recorded {
    method: String,
    path: String,
    /// The request line, headers and body, as sent.
    text: String,
}

/// The stand-in providers: `/PROVIDER/...` answers as PROVIDER does for a live key when
/// the request carries one of `live`, with 429 for `limited`, 500 for `broken`, with the
/// 403s that are no verdict on a key for `restricted` (Google: it exists but may not call
/// Gemini; PyPI: read-only mode), and as for a dead key otherwise. Docker Hub's live answer also needs the username `dockerbot`.
struct Providers {
    port: u16,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl Providers {
    fn start(
        live: Vec<String>,
        limited: Vec<String>,
        broken: Vec<String>,
        restricted: Vec<String>,
    ) -> Providers {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests: Arc<Mutex<Vec<Recorded>>> = Arc::default();
        let log = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut head = String::new();
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                    head.push_str(&line);
                }
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                let mut text = format!("{head}\r\n{}", String::from_utf8_lossy(&body));
                // Basic authentication carries the secret base64-encoded.
                let basic: Option<String> = head.lines().find_map(|l| {
                    let value = l.split_once(':')?.1.trim().strip_prefix("Basic ")?;
                    use base64::Engine as _;
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(value)
                        .ok()?;
                    String::from_utf8(bytes).ok()
                });
                if let Some(decoded) = basic {
                    text.push_str(&format!("\n[basic {decoded}]"));
                }
                let mut words = head.split_whitespace();
                let method = words.next().unwrap_or("").to_string();
                let path = words.next().unwrap_or("").to_string();
                let provider = path.trim_start_matches('/').split('/').next().unwrap_or("");
                let carries = |list: &[String]| list.iter().any(|s| text.contains(s.as_str()));
                let (status, answer) = if carries(&limited) {
                    (429, "{}".to_string())
                } else if carries(&broken) {
                    (500, "{}".to_string())
                } else if carries(&restricted) {
                    match provider {
                        "pypi" => (403, PYPI_READ_ONLY.to_string()),
                        _ => (403, GEMINI_DISABLED.to_string()),
                    }
                } else {
                    let live = carries(&live);
                    match (provider, live) {
                        ("github", true) => (200, r#"{"login":"octo-deployer"}"#.into()),
                        ("gitlab", true) => (200, r#"{"username":"gl-ci"}"#.into()),
                        ("slack", true) => (200, r#"{"ok":true,"user":"deploy-bot"}"#.into()),
                        ("slack", false) => (200, r#"{"ok":false,"error":"invalid_auth"}"#.into()),
                        ("slack-webhook", true) => (400, "no_text".into()),
                        ("slack-webhook", false) => (404, "no_service".into()),
                        ("stripe", true) => (200, r#"{"id":"acct_1Live"}"#.into()),
                        ("npm", true) => (200, r#"{"username":"npm-publisher"}"#.into()),
                        ("datadog", true) => (200, r#"{"valid":true}"#.into()),
                        ("twilio", true) => (200, r#"{"friendly_name":"Ops alerts"}"#.into()),
                        ("datadog", false) => (403, r#"{"errors":["Forbidden"]}"#.into()),
                        ("sendgrid" | "openai" | "anthropic", true) => (200, "{}".into()),
                        ("pypi" | "testpypi", true) => (400, PYPI_UNKNOWN_PROTOCOL.into()),
                        ("pypi" | "testpypi", false) => (403, PYPI_INVALID_AUTH.into()),
                        ("docker-hub", true) if text.contains("[basic dockerbot:") => {
                            (200, r#"{"token":"eyJ0","expires_in":300}"#.into())
                        }
                        ("google", true) => (200, r#"{"models":[{"name":"models/g"}]}"#.into()),
                        ("google", false) => (400, GOOGLE_INVALID_KEY.into()),
                        _ => (401, r#"{"message":"Bad credentials"}"#.into()),
                    }
                };
                log.lock().unwrap().push(Recorded { method, path, text });
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                    answer.len()
                );
            }
        });
        Providers { port, requests }
    }

    /// Moves each of `providers` to this server.
    fn endpoints(&self, providers: &[&str]) -> Vec<(String, String)> {
        providers
            .iter()
            .map(|p| {
                (
                    format!(
                        "OPSGUARD_VERIFY_ENDPOINT_{}",
                        p.to_uppercase().replace('-', "_")
                    ),
                    format!("http://127.0.0.1:{}/{p}", self.port),
                )
            })
            .collect()
    }

    fn env(&self, moto: &MotoServer) -> Vec<(String, String)> {
        let mut env = self.endpoints(&[
            "github",
            "gitlab",
            "slack",
            "slack-webhook",
            "sendgrid",
            "stripe",
            "openai",
            "anthropic",
            "npm",
            "datadog",
            "twilio",
            "pypi",
            "testpypi",
            "docker-hub",
            "google",
        ]);
        env.push(("OPSGUARD_VERIFY_ENDPOINT_AWS".into(), moto.endpoint()));
        env
    }

    fn recorded(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

/// A moto user's key whose ID has the shape AWS issues (moto's may hold 0, 1, 8 or 9).
fn moto_key(server: &MotoServer) -> (String, String) {
    server.unsigned_query(
        "iam",
        "Action=CreateUser&UserName=leaked&Version=2010-05-08",
    );
    for _ in 0..200 {
        let (id, secret) = server.create_access_key("leaked");
        let shaped = id[4..]
            .chars()
            .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c));
        // A user holds two keys at most: delete the ones that do not fit.
        if shaped && id.len() == 20 {
            return (id, secret);
        }
        server.unsigned_query(
            "iam",
            &format!("Action=DeleteAccessKey&UserName=leaked&AccessKeyId={id}&Version=2010-05-08"),
        );
    }
    panic!("moto gave no key of AWS's shape in 200 tries");
}

struct Scenario {
    repo: TestRepo,
    moto: MotoServer,
    providers: Providers,
    planted: Vec<Planted>,
    aws_live: (String, String),
    aws_dead: (String, String),
    limited: String,
    broken: String,
}

impl Scenario {
    fn build() -> Scenario {
        let moto = MotoServer::start();
        let aws_live = moto_key(&moto);
        let aws_dead = (
            format!("AKIA{}", token(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)),
            token(41, ALNUM, 40),
        );
        // From here on moto checks every request's key, as AWS does.
        moto.post_json("/moto-api/reset-auth", &serde_json::json!(0));
        let planted = planted();
        let limited = format!("ghp_{}", token(42, ALNUM, 36));
        let broken = format!("ghp_{}", token(43, ALNUM, 36));
        let live: Vec<String> = planted.iter().map(|p| p.live.clone()).collect();
        let providers = Providers::start(
            live,
            vec![limited.clone()],
            vec![broken.clone()],
            Vec::new(),
        );
        let repo = TestRepo::new();
        let mut files: Vec<(String, String)> = planted
            .iter()
            .map(|p| {
                let mut text = format!("{}\n{}\n", (p.line)(&p.live), (p.line)(&p.dead));
                // Twilio's token is checked with the account SID beside it.
                if p.provider == "twilio" {
                    text.push_str(&format!("TWILIO_ACCOUNT_SID=AC{}\n", token(37, HEX, 32)));
                }
                // Docker Hub's token is checked with the username beside it.
                if p.provider == "docker-hub" {
                    text.push_str("DOCKERHUB_USERNAME=dockerbot\n");
                }
                (p.file.to_string(), text)
            })
            .collect();
        // The live GitHub token again elsewhere: asked about once.
        files.push((
            "ci/deploy.env".into(),
            format!("TOKEN={}\n", planted[0].live),
        ));
        files.push((
            "github-odd.env".into(),
            format!("A={limited}\nB={broken}\n"),
        ));
        for (name, pair) in [("aws-live.env", &aws_live), ("aws-dead.env", &aws_dead)] {
            files.push((
                name.into(),
                format!(
                    "aws_access_key_id = {}\naws_secret_access_key = {}\n",
                    pair.0, pair.1
                ),
            ));
        }
        let borrowed: Vec<(&str, Option<&[u8]>)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), Some(t.as_bytes())))
            .collect();
        repo.commit("dev", "config", &borrowed);
        Scenario {
            repo,
            moto,
            providers,
            planted,
            aws_live,
            aws_dead,
            limited,
            broken,
        }
    }

    fn scan(&self, args: &[&str]) -> std::process::Output {
        let home = self.repo.path().join(".git").join("home");
        let mut env = self.moto.aws_env(&home);
        env.retain(|(k, _)| k != "AWS_ENDPOINT_URL");
        env.extend(self.providers.env(&self.moto));
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let path = self.repo.path().display().to_string();
        let args = [&["secrets", "scan", &path], args].concat();
        opsguard_with_env(self.repo.path(), &args, &env)
    }

    fn every_secret(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .planted
            .iter()
            .flat_map(|p| [p.live.clone(), p.dead.clone()])
            .collect();
        all.extend([
            self.aws_live.0.clone(),
            self.aws_live.1.clone(),
            self.aws_dead.0.clone(),
            self.aws_dead.1.clone(),
            self.limited.clone(),
            self.broken.clone(),
        ]);
        all
    }
}

fn verdicts(doc: &Value) -> BTreeMap<String, (String, String, Option<String>)> {
    // path:line → (rule, status, identity)
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["verification"].is_null())
        .map(|f| {
            (
                format!("{}:{}", f["path"].as_str().unwrap(), f["line"]),
                (
                    f["rule_id"].as_str().unwrap().to_string(),
                    f["verification"]["status"].as_str().unwrap().to_string(),
                    f["verification"]["identity"]
                        .as_str()
                        .or(f["verification"]["detail"].as_str())
                        .map(str::to_string),
                ),
            )
        })
        .collect()
}

#[test]
fn verify_tells_live_keys_from_dead_ones_without_leaking_them() {
    let s = Scenario::build();
    let out = s.scan(&["--verify", "--format", "json", "-v"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let found = verdicts(&doc);
    // Every provider: line 1 live, line 2 dead.
    for p in &s.planted {
        // The live GitHub token is reported at its first place, ci/deploy.env.
        let at = if p.file == "github.env" {
            "ci/deploy.env"
        } else {
            p.file
        };
        let (rule, live, who) = found
            .get(&format!("{at}:1"))
            .unwrap_or_else(|| panic!("{at}: {found:#?}"));
        assert_eq!(live, "active", "{} {rule}: {found:#?}", p.file);
        let (_, dead, _) = &found[&format!("{}:2", p.file)];
        assert_eq!(dead, "inactive", "{}: {found:#?}", p.file);
        match p.provider {
            "github" => assert_eq!(who.as_deref(), Some("octo-deployer")),
            "docker-hub" => assert_eq!(who.as_deref(), Some("dockerbot")),
            "google" => assert_eq!(
                who.as_deref(),
                Some("it can call the Gemini API, billed to its project")
            ),
            _ => {}
        }
    }
    assert_eq!(found["aws-live.env:1"].1, "active", "{found:#?}");
    assert!(found["aws-live.env:1"]
        .2
        .as_deref()
        .unwrap()
        .starts_with("arn:aws:iam::"));
    assert_eq!(found["aws-dead.env:1"].1, "inactive", "{found:#?}");
    assert_eq!(found["github-odd.env:1"].1, "unknown");
    assert_eq!(found["github-odd.env:2"].1, "error");
    // Twilio's account SID only feeds the token's verifier: never a finding.
    assert!(doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule_id"] != "twilio-account-sid"));
    // Every rule that verifies has a live and a dead case here.
    let out_rules = opsguard(
        s.repo.path(),
        &["secrets", "rules", "list", "--format", "json"],
    );
    assert_eq!(out_rules.status.code(), Some(0));
    let verifying: std::collections::BTreeSet<String> = json(&out_rules)["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["verify"].is_null())
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    for status in ["active", "inactive"] {
        let seen: std::collections::BTreeSet<String> = found
            .values()
            .filter(|(_, st, _)| st == status)
            .map(|(rule, _, _)| rule.clone())
            .collect();
        assert_eq!(seen, verifying, "rules without an {status} case");
    }
    // Live keys are errors, whatever their rule's severity; the summary counts them.
    for f in doc["findings"].as_array().unwrap() {
        if f["verification"]["status"] == "active" {
            assert_eq!(f["severity"], "error", "{f:#}");
        }
    }
    let live = s.planted.len() + 1;
    assert_eq!(
        doc["summary"]["verified"]["active"], live,
        "{:#}",
        doc["summary"]
    );
    assert_eq!(doc["summary"]["verified"]["inactive"], s.planted.len() + 1);

    // Each distinct secret asked once (the live GitHub token is in two files), every
    // request to the provider's path, never to anything else.
    let recorded = s.providers.recorded();
    let github_live: Vec<&Recorded> = recorded
        .iter()
        .filter(|r| r.text.contains(&s.planted[0].live))
        .collect();
    assert_eq!(github_live.len(), 1, "{recorded:#?}");
    assert_eq!(github_live[0].path, "/github/user");
    assert!(github_live[0]
        .text
        .contains(&format!("token {}", s.planted[0].live)));
    let webhook: Vec<&Recorded> = recorded
        .iter()
        .filter(|r| r.path.starts_with("/slack-webhook/"))
        .collect();
    assert!(
        webhook
            .iter()
            .all(|r| r.method == "POST" && r.text.ends_with("{}")),
        "{webhook:#?}"
    );
    // PyPI: an upload form that stops at the protocol check, the token as basic auth.
    let pypi_live = s.planted.iter().find(|p| p.provider == "pypi").unwrap();
    let pypi: Vec<&Recorded> = recorded
        .iter()
        .filter(|r| r.path.starts_with("/pypi/"))
        .collect();
    assert_eq!(pypi.len(), 2, "{recorded:#?}");
    for r in &pypi {
        assert_eq!(
            (r.method.as_str(), r.path.as_str()),
            ("POST", "/pypi/legacy/")
        );
        assert!(
            r.text
                .contains("\r\n\r\n%3Aaction=file_upload&protocol_version=2"),
            "{r:#?}"
        );
    }
    assert!(pypi.iter().any(|r| r
        .text
        .contains(&format!("[basic __token__:{}]", pypi_live.live))));
    // Docker Hub: the registry token exchange with the username found beside the token,
    // never asking for a refresh token.
    let docker: Vec<&Recorded> = recorded
        .iter()
        .filter(|r| r.path.starts_with("/docker-hub/"))
        .collect();
    assert_eq!(docker.len(), 4, "{recorded:#?}");
    assert!(docker.iter().all(|r| r.method == "GET"
        && r.path == "/docker-hub/token?service=registry.docker.io"
        && r.text.contains("[basic dockerbot:dckr_")));
    // Google: the key in a header, never in the URL.
    let google_live = s.planted.iter().find(|p| p.provider == "google").unwrap();
    let google: Vec<&Recorded> = recorded
        .iter()
        .filter(|r| r.path.starts_with("/google/"))
        .collect();
    assert_eq!(google.len(), 2, "{recorded:#?}");
    assert!(google
        .iter()
        .all(|r| r.method == "GET" && r.path == "/google/v1beta/models?pageSize=1"));
    assert!(google
        .iter()
        .any(|r| r.text.to_ascii_lowercase().contains(&format!(
            "x-goog-api-key: {}",
            google_live.live.to_ascii_lowercase()
        ))));
    assert_eq!(recorded.len(), 2 * s.planted.len() + 2, "{recorded:#?}");

    // No secret in anything printed, the `-v` request log included.
    let printed = format!("{}{}", stdout(&out), stderr(&out));
    for secret in s.every_secret() {
        assert!(!printed.contains(&secret), "{secret} printed");
    }
    assert!(
        stderr(&out).contains("verify github: GET http://127.0.0.1:"),
        "{}",
        stderr(&out)
    );
    // A webhook's URL is the secret: logged masked.
    assert!(
        stderr(&out).contains("/slack-webhook/services/«redacted» → HTTP 400"),
        "{}",
        stderr(&out)
    );

    // Every format says it, and none leaks.
    for format in ["human", "jsonl", "sarif", "markdown", "html"] {
        let out = s.scan(&["--verify", "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", transcript(&out));
        let text = stdout(&out);
        assert!(text.contains("active"), "{format}: {text}");
        for secret in s.every_secret() {
            assert!(!text.contains(&secret), "{format} printed {secret}");
        }
    }

    let out = s.scan(&["--verify"]);
    assert!(
        stdout(&out).contains(&format!(
            "Verified with the providers: {live} active, {} inactive, 1 unknown, 1 failed",
            s.planted.len() + 1
        )),
        "{}",
        stdout(&out)
    );

    // --only-active: the live ones alone.
    let out = s.scan(&["--verify", "--only-active", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let statuses: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["verification"]["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.len(), live);
    assert!(statuses.iter().all(|s| *s == "active"));
}

#[test]
fn a_baselined_secret_is_never_sent_and_dead_keys_are_not_asked_again() {
    let s = Scenario::build();
    // Accept both findings of github.env: `secrets baseline`, kept to that file.
    let baseline = s.repo.path().join(".git").join("baseline.json");
    let all = opsguard_with_env(
        s.repo.path(),
        &["secrets", "baseline", &s.repo.path().display().to_string()],
        &[],
    );
    assert_eq!(all.status.code(), Some(0), "{}", transcript(&all));
    let mut doc: Value = serde_json::from_slice(&all.stdout).unwrap();
    let keep: Vec<Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["rule_id"] == "github-pat" && e["path"] != "github-odd.env")
        .cloned()
        .collect();
    // github.env's dead token, and its live one (first seen in ci/deploy.env).
    assert_eq!(keep.len(), 2, "{doc:#}");
    doc["findings"] = Value::Array(keep);
    let text = doc.to_string();
    std::fs::write(&baseline, text).unwrap();
    let cache = s.repo.path().join(".git").join("opsguard-cache");
    let cache_flag = format!("--cache={}", cache.display());
    let baseline_arg = baseline.display().to_string();
    let out = s.scan(&[
        "--verify",
        "--baseline",
        &baseline_arg,
        &cache_flag,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let recorded = s.providers.recorded();
    assert!(!recorded.is_empty());
    for p in [&s.planted[0].live, &s.planted[0].dead] {
        let sent = recorded
            .iter()
            .filter(|r| r.text.contains(p.as_str()))
            .count();
        assert_eq!(sent, 0, "baselined secret sent: {recorded:#?}");
    }
    let first = recorded.len();
    // The next run reuses the dead keys' verdicts: only live and unsettled ones are asked.
    let out = s.scan(&[
        "--verify",
        "--baseline",
        &baseline_arg,
        &cache_flag,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let again = s.providers.recorded().len() - first;
    let dead = s.planted.len() - 1; // github.env's dead one is baselined
    assert_eq!(
        doc["summary"]["verified"]["cached"],
        dead + 1,
        "{:#}",
        doc["summary"]
    );
    assert_eq!(again, first - dead, "re-asked dead keys");
    let stored = std::fs::read_to_string(cache.join("verify-v1.json")).unwrap();
    for secret in s.every_secret() {
        assert!(!stored.contains(&secret), "the cache holds a secret");
    }
}

#[test]
fn a_verifier_may_only_contact_the_hosts_its_pack_names() {
    let dir = scratch(&[
        (
            "elsewhere.toml",
            "name = \"mine\"\nversion = 1\nverify_hosts = [\"api.github.com\"]\n\n[[rules]]\nid = \"t\"\nregex = '''(tok_[a-z]{12})'''\nexamples = [\"tok_abcdefghijkl\"]\n\n[rules.verify]\nprovider = \"x\"\nurl = \"https://collector.example.net/?k={{secret}}\"\nactive = [200]\n",
        ),
        (
            "unknown-host.toml",
            "name = \"mine\"\nversion = 1\nverify_hosts = [\"collector.example.net\"]\n",
        ),
        (
            "placeholder.toml",
            "name = \"mine\"\nversion = 1\nverify_hosts = [\"api.github.com\"]\n\n[[rules]]\nid = \"t\"\nregex = '''(tok_[a-z]{12})'''\n\n[rules.verify]\nprovider = \"x\"\nurl = \"https://api.github.com/user\"\nheaders = { A = \"{{password}}\" }\nactive = [200]\n",
        ),
    ]);
    for (file, message) in [
        ("elsewhere.toml", "elsewhere.toml:10:1: rule `t`: [rules.verify]: host `collector.example.net` is not in the pack's verify_hosts"),
        ("unknown-host.toml", "unknown-host.toml:3:17: verify host `collector.example.net` is not a provider host of the built-in packs"),
        ("placeholder.toml", "placeholder.toml:9:1: rule `t`: [rules.verify]: placeholder `{{password}}` is neither"),
    ] {
        let out = opsguard(dir.path(), &["secrets", "rules", "check", file]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", transcript(&out));
        assert!(stderr(&out).contains(message), "{file}: {}", stderr(&out));
        // A scan refuses the same pack before it reads anything.
        let out = opsguard(dir.path(), &["secrets", "scan", "--no-git", "--verify", "--rules", file, "."]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", transcript(&out));
    }
}

/// `[secrets] verify = true` verifies the scans people read, not the pre-commit hook's
/// `--staged` scan: a commit never waits on a provider.
#[test]
fn the_config_verifies_scans_but_not_the_pre_commit_hook() {
    let live = format!("ghp_{}", token(50, ALNUM, 36));
    let providers = Providers::start(vec![live.clone()], Vec::new(), Vec::new(), Vec::new());
    let repo = TestRepo::new();
    repo.commit(
        "dev",
        "config",
        &[(
            "opsguard.toml",
            Some(b"[secrets]\nverify = true\n".as_slice()),
        )],
    );
    let text = format!("GITHUB_TOKEN={live}\n");
    repo.stage(&[("deploy.env", Some(text.as_bytes()))]);
    let endpoint = format!("http://127.0.0.1:{}/github", providers.port);
    let env = [("OPSGUARD_VERIFY_ENDPOINT_GITHUB", endpoint.as_str())];
    let out = opsguard_with_env(
        repo.path(),
        &["secrets", "scan", "--staged", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(json(&out)["findings"][0]["verification"].is_null());
    assert!(providers.recorded().is_empty());
    let out = opsguard_with_env(
        repo.path(),
        &["secrets", "scan", "--no-git", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert_eq!(
        json(&out)["findings"][0]["verification"]["status"],
        "active"
    );
    assert_eq!(providers.recorded().len(), 1);
}

/// The answers that are no verdict on a key stay `unknown`, and a key that exists but may
/// not call the API asked is still live: Google's 403, PyPI in read-only mode, a Docker
/// Hub token with no username beside it (not sent at all).
#[test]
fn answers_that_are_no_verdict_stay_unknown_and_a_restricted_key_is_live() {
    let restricted_key = format!("AIza{}", token(70, ALNUM, 35));
    let pypi_token = format!("pypi-AgEIcHlwaS5vcmc{}", token(71, ALNUM, 70));
    let docker_pat = format!("dckr_pat_{}", token(72, ALNUM, 27));
    let providers = Providers::start(
        vec![docker_pat.clone()],
        Vec::new(),
        Vec::new(),
        vec![restricted_key.clone(), pypi_token.clone()],
    );
    let dir = scratch(&[
        ("maps.js", &format!("const key = \"{restricted_key}\";\n")),
        ("pypirc", &format!("password = {pypi_token}\n")),
        ("push.sh", &format!("docker login -p {docker_pat}\n")),
    ]);
    let env = providers.endpoints(&["google", "pypi", "docker-hub"]);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let out = opsguard_with_env(
        dir.path(),
        &[
            "secrets", "scan", "--no-git", "--verify", "--format", "json", ".",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let found = verdicts(&doc);
    assert_eq!(
        found["maps.js:1"],
        (
            "gcp-api-key".to_string(),
            "active".to_string(),
            Some("it exists; the Gemini API is off or not allowed for it".to_string())
        ),
        "{found:#?}"
    );
    assert_eq!(found["pypirc:1"].1, "unknown", "{found:#?}");
    assert!(found["pypirc:1"].2.as_deref().unwrap().contains("HTTP 403"));
    assert_eq!(
        found["push.sh:1"],
        (
            "docker-hub-pat".to_string(),
            "unknown".to_string(),
            Some("no docker-hub-username found beside it".to_string())
        ),
        "{found:#?}"
    );
    let recorded = providers.recorded();
    assert_eq!(recorded.len(), 2, "{recorded:#?}");
    assert!(recorded.iter().all(|r| !r.text.contains(&docker_pat)));
    // The finding's message says what the live key may do.
    let message = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "gcp-api-key")
        .map(|f| f["message"].as_str().unwrap().to_string())
        .unwrap();
    assert!(
        message.ends_with(
            "; verified ACTIVE (it exists; the Gemini API is off or not allowed for it)"
        ),
        "{message}"
    );
    assert!(!stdout(&out).contains(&restricted_key));
}
