//! A real AWS-compatible server for tests: moto, installed by `scripts/test`, started on
//! 127.0.0.1 on a free port and stopped when the guard drops. Never a mock of the SDK.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct MotoServer {
    child: Child,
    pub port: u16,
}

impl MotoServer {
    /// Starts moto. Panics (never skips) when it is not installed: run the tests through
    /// `scripts/test`, which installs it.
    pub fn start() -> MotoServer {
        MotoServer::start_with_env(&[])
    }

    /// Starts moto with extra environment, e.g. `INITIAL_NO_AUTH_ACTION_COUNT`, after which
    /// moto checks every request's signature and IAM policy as AWS does.
    pub fn start_with_env(env: &[(&str, &str)]) -> MotoServer {
        let program = moto_program().unwrap_or_else(|| {
            panic!("moto is not installed: run the tests with scripts/test, which installs it")
        });
        let port = free_port();
        let child = Command::new(&program)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
        let server = MotoServer { child, port };
        server.wait_until_ready();
        server
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn wait_until_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.get("/moto-api/").is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("moto did not answer on port {} within 30 s", self.port);
    }

    /// A plain HTTP GET on loopback; the status line and body, or `None` if not listening.
    pub fn get(&self, path: &str) -> Option<String> {
        self.request("GET", path, "")
    }

    /// A JSON POST to moto's own API (e.g. to queue Cost Explorer results).
    pub fn post_json(&self, path: &str, body: &serde_json::Value) -> String {
        let response = self
            .request("POST", path, &body.to_string())
            .expect("moto answers");
        assert!(
            response.starts_with("HTTP/1.0 20") || response.starts_with("HTTP/1.1 20"),
            "{response}"
        );
        response
    }

    /// An AWS query-protocol call (IAM, EC2) without a real signature: moto accepts it while
    /// its unauthenticated allowance lasts. The scope in the header names the service.
    pub fn unsigned_query(&self, service: &str, form: &str) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("moto listens");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(
            stream,
            "POST / HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
            form.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        assert!(response.contains(" 200 "), "{response}");
        response
    }

    /// A new access key of IAM user `user`: its ID and secret.
    pub fn create_access_key(&self, user: &str) -> (String, String) {
        let key = self.unsigned_query(
            "iam",
            &format!("Action=CreateAccessKey&UserName={user}&Version=2010-05-08"),
        );
        let field = |name: &str| {
            let start = key.find(&format!("<{name}>")).unwrap() + name.len() + 2;
            key[start..start + key[start..].find('<').unwrap()].to_string()
        };
        (field("AccessKeyId"), field("SecretAccessKey"))
    }

    fn request(&self, method: &str, path: &str, body: &str) -> Option<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        write!(
            stream,
            "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        Some(response)
    }

    /// The environment that points the real AWS SDK at this server, with dummy
    /// credentials and no way to reach anything else.
    pub fn aws_env(&self, home: &std::path::Path) -> Vec<(String, String)> {
        let none = home.join("none");
        [
            ("AWS_ENDPOINT_URL", self.endpoint()),
            ("AWS_ACCESS_KEY_ID", "testing".to_string()),
            ("AWS_SECRET_ACCESS_KEY", "testing".to_string()),
            ("AWS_REGION", "us-east-1".to_string()),
            // moto answers calls it does not implement with HTTP 500, which the SDK retries.
            ("AWS_MAX_ATTEMPTS", "1".to_string()),
            ("AWS_EC2_METADATA_DISABLED", "true".to_string()),
            ("AWS_CONFIG_FILE", none.display().to_string()),
            ("AWS_SHARED_CREDENTIALS_FILE", none.display().to_string()),
            ("HOME", home.display().to_string()),
            (
                "OPSGUARD_CACHE_DIR",
                home.join("cache").display().to_string(),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `OPSGUARD_MOTO_SERVER` (set by `scripts/test`), else the venv `scripts/test` creates.
fn moto_program() -> Option<String> {
    if let Ok(program) = std::env::var("OPSGUARD_MOTO_SERVER") {
        return Some(program);
    }
    let home = std::env::var("HOME").ok()?;
    let default = format!("{home}/.cache/opsguard/venv-moto-5.2.5/bin/moto_server");
    std::path::Path::new(&default).exists().then_some(default)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on loopback")
}

#[test]
fn the_aws_test_server_starts_on_loopback() {
    let server = MotoServer::start();
    let response = server.get("/moto-api/").expect("moto answers");
    assert!(
        response.starts_with("HTTP/1.0 200") || response.starts_with("HTTP/1.1 200"),
        "{response}"
    );
    assert!(server.endpoint().starts_with("http://127.0.0.1:"));
}
