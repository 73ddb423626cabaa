//! Hostile and damaged input: every case runs the real binary under a memory limit
//! (`ulimit -v`) and a deadline, so a regression that hangs or balloons fails this suite
//! instead of hanging CI. The deadline is a guard, not a measurement: each case finishes in
//! well under a second when it works.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use crate::git_repo::*;

/// Virtual memory for the spawned binary (KiB): enough for its threads' stacks and the
/// allocator's reservations, far below what the unbounded cases used to reach.
const MEMORY_KIB: u64 = 2 * 1024 * 1024;
const DEADLINE: Duration = Duration::from_secs(60);

struct Run<'a> {
    dir: &'a Path,
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Stdio,
    stdout: Option<Stdio>,
}

impl<'a> Run<'a> {
    fn new(dir: &'a Path, args: &[&str]) -> Self {
        Run {
            dir,
            args: args.iter().map(|s| s.to_string()).collect(),
            env: Vec::new(),
            stdin: Stdio::null(),
            stdout: None,
        }
    }

    fn stdin(mut self, stdin: impl Into<Stdio>) -> Self {
        self.stdin = stdin.into();
        self
    }

    fn stdout(mut self, stdout: impl Into<Stdio>) -> Self {
        self.stdout = Some(stdout.into());
        self
    }

    fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Runs under the limits; a run past the deadline is killed and fails the test.
    fn output(self) -> Output {
        let binary = assert_cmd::cargo::cargo_bin("opsguard");
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
            .arg(&binary)
            .args(&self.args)
            .current_dir(self.dir)
            .stdin(self.stdin)
            .stdout(self.stdout.unwrap_or_else(Stdio::piped))
            .stderr(Stdio::piped());
        for var in ["NO_COLOR", "FORCE_COLOR", "COLUMNS", "CLICOLOR", "RUST_LOG"] {
            cmd.env_remove(var);
        }
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("opsguard starts");
        let started = Instant::now();
        loop {
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            if started.elapsed() > DEADLINE {
                let _ = child.kill();
                panic!("opsguard {:?} ran past {DEADLINE:?}", self.args);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().expect("output")
    }
}

fn code(out: &Output) -> i32 {
    out.status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal:\n{}", transcript(out)))
}

// ---------------------------------------------------------------------------------------
// Damaged repositories: never a clean verdict.

fn secret_repo() -> TestRepo {
    let repo = TestRepo::new();
    let config = format!("aws_access_key_id = {}\n", aws_key_id(7));
    repo.commit("Ann", "one", &[("app.ini", Some(config.as_bytes()))]);
    repo.commit("Ann", "two", &[("README.md", Some(b"# app\n"))]);
    repo
}

fn object_file(repo: &TestRepo, oid: git2::Oid) -> std::path::PathBuf {
    let hex = oid.to_string();
    repo.path()
        .join(".git/objects")
        .join(&hex[..2])
        .join(&hex[2..])
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// Scans with --fail-on-incomplete: exit 2, `incomplete`, and `expected` named in the
/// warnings.
fn assert_incomplete(dir: &Path, extra: &[&str], expected: &str) {
    let mut args = vec!["secrets", "scan", "--format", "json"];
    args.extend_from_slice(extra);
    let out = Run::new(dir, &args).output();
    assert_eq!(
        code(&out),
        1,
        "findings still reported:\n{}",
        transcript(&out)
    );
    let report = json(&out);
    assert_eq!(
        report["summary"]["incomplete"],
        true,
        "{}",
        transcript(&out)
    );
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains(expected), "{expected} not in {warnings}");
    assert!(stderr(&out).contains(expected), "{}", transcript(&out));

    args.push("--fail-on-incomplete");
    let out = Run::new(dir, &args).output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    assert!(stderr(&out).contains("the scan was incomplete"));
}

#[test]
fn a_truncated_loose_commit_is_named_and_never_hangs() {
    let repo = secret_repo();
    let head = repo.repo.head().unwrap().target().unwrap();
    let path = object_file(&repo, head);
    let bytes = std::fs::read(&path).unwrap();
    writable(&path);
    std::fs::write(&path, &bytes[..10]).unwrap();
    assert_damage_named(repo.path(), &format!("loose object {head} cannot be read"));
    // A range through the damaged commit stops too, instead of spinning.
    let out = Run::new(repo.path(), &["secrets", "scan", "--range", "HEAD"]).output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
}

#[test]
fn a_truncated_loose_blob_leaves_the_rest_scanned_and_the_scan_incomplete() {
    let repo = secret_repo();
    let readme = repo.repo.blob(b"# app\n").unwrap();
    let path = object_file(&repo, readme);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 4]).unwrap();
    assert_incomplete(repo.path(), &[], &format!("loose object {readme}"));
}

fn packed_repo() -> (TestRepo, std::path::PathBuf) {
    let repo = secret_repo();
    // Two more commits in a second pack keep some history readable.
    git(repo.path(), &["gc", "--quiet"]);
    let pack = std::fs::read_dir(repo.path().join(".git/objects/pack"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pack"))
        .expect("a pack");
    (repo, pack)
}

fn damaged_pack(damage: impl Fn(&Path, &Path)) {
    let (repo, pack) = packed_repo();
    let index = pack.with_extension("idx");
    writable(&pack);
    writable(&index);
    damage(&pack, &index);
    let name = pack.file_name().unwrap().to_string_lossy().into_owned();
    assert_damage_named(repo.path(), &format!("pack {name} cannot be read"));
}

/// git writes objects and packs read-only.
fn writable(path: &Path) {
    let mut permissions = std::fs::metadata(path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(path, permissions).unwrap();
}

/// HEAD's history is unreadable: exit 2 under --fail-on-incomplete, with the damage and
/// the ref that could not be resolved named.
fn assert_damage_named(dir: &Path, damage: &str) {
    let out = Run::new(dir, &["secrets", "scan", "--fail-on-incomplete"]).output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    let message = stderr(&out);
    assert!(message.contains(damage), "{message}");
    assert!(message.contains("ref refs/heads/main"), "{message}");
}

#[test]
fn a_truncated_pack_is_named() {
    damaged_pack(|pack, _| {
        let bytes = std::fs::read(pack).unwrap();
        std::fs::write(pack, &bytes[..100.min(bytes.len() - 1)]).unwrap();
    });
}

#[test]
fn an_empty_pack_is_named() {
    damaged_pack(|pack, _| std::fs::write(pack, b"").unwrap());
}

#[test]
fn a_truncated_pack_index_is_named() {
    damaged_pack(|_, index| {
        let bytes = std::fs::read(index).unwrap();
        std::fs::write(index, &bytes[..1100]).unwrap();
    });
}

#[test]
fn a_ref_to_a_missing_commit_is_named() {
    let repo = secret_repo();
    let ghost = "1234567890123456789012345678901234567890";
    std::fs::write(
        repo.path().join(".git/refs/heads/ghost"),
        format!("{ghost}\n"),
    )
    .unwrap();
    assert_incomplete(repo.path(), &[], &format!("ref refs/heads/ghost ({ghost})"));
}

// ---------------------------------------------------------------------------------------
// `-o` and the exit status.

#[cfg(unix)]
#[test]
fn output_to_a_descriptor_link_writes_through_and_keeps_the_link() {
    let dir = scratch(&[("a.yaml", "x: 1\n"), ("b.yaml", "x: 2\n")]);
    let link = dir.path().join("stdout-link");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    let target = dir.path().join("captured.json");
    let file = std::fs::File::create(&target).unwrap();
    let out = Run::new(
        dir.path(),
        &[
            "drift",
            "diff",
            "a.yaml",
            "b.yaml",
            "--format",
            "json",
            "-o",
            "stdout-link",
        ],
    )
    .stdout(file)
    .output();
    assert_eq!(code(&out), 1, "{}", transcript(&out));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(written["command"], "drift diff");
}

/// The write end of a pipe whose reader is already gone: every write fails with EPIPE, as
/// when `head` has exited.
#[cfg(target_os = "linux")]
fn closed_pipe(dir: &Path) -> std::fs::File {
    use std::os::unix::fs::OpenOptionsExt;
    let fifo = dir.join("pipe");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // O_NONBLOCK: opening the reader does not wait for a writer.
    let reader = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(0o4000)
        .open(&fifo)
        .unwrap();
    let writer = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    drop(reader);
    std::fs::remove_file(&fifo).unwrap();
    writer
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_pipe_keeps_the_findings_exit_status() {
    let dir = scratch(&[
        ("a.yaml", "x: 1\n"),
        ("b.yaml", "x: 2\n"),
        ("c.yaml", "x: 1\n"),
    ]);
    let out = Run::new(dir.path(), &["drift", "diff", "a.yaml", "b.yaml"])
        .stdout(closed_pipe(dir.path()))
        .output();
    assert_eq!(code(&out), 1, "{}", transcript(&out));
    // Without findings a closed pipe is still success.
    let out = Run::new(dir.path(), &["drift", "diff", "a.yaml", "c.yaml"])
        .stdout(closed_pipe(dir.path()))
        .output();
    assert_eq!(code(&out), 0, "{}", transcript(&out));
}

// ---------------------------------------------------------------------------------------
// Masking on every path.

const PEM_BODY: &str = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7secretbody";

#[test]
fn text_diffs_mask_block_folded_duplicate_and_multiline_values() {
    let a = format!(
        "tls:\n  private_key: |\n    -----BEGIN PRIVATE KEY-----\n    {PEM_BODY}\n    -----END PRIVATE KEY-----\n  port: 1\napi_token: >\n  foldedsecretpartone\n  foldedsecretparttwo\npassword: shadowedsecret1\npassword: finalsecret1\n"
    );
    let b = "tls:\n  port: 2\n";
    let dir = scratch(&[("a.yaml", &a), ("b.yaml", b)]);
    let out = Run::new(dir.path(), &["drift", "diff", "--text", "a.yaml", "b.yaml"]).output();
    assert_eq!(code(&out), 1, "{}", transcript(&out));
    let text = transcript(&out);
    assert!(text.contains("Line diff"), "{text}");
    for secret in [
        PEM_BODY,
        "foldedsecretpartone",
        "foldedsecretparttwo",
        "shadowedsecret1",
        "finalsecret1",
    ] {
        assert!(!text.contains(secret), "{secret} leaked:\n{text}");
    }

    let env_a = "SECRET_KEY=\"firstline-secret\nsecondline-secret\"\nPORT=1\n";
    let dir = scratch(&[("a.env", env_a), ("b.env", "PORT=2\n")]);
    let out = Run::new(dir.path(), &["drift", "diff", "--text", "a.env", "b.env"]).output();
    assert_eq!(code(&out), 1, "{}", transcript(&out));
    let text = transcript(&out);
    assert!(
        !text.contains("firstline-secret") && !text.contains("secondline-secret"),
        "{text}"
    );
}

#[test]
fn an_alias_to_a_secret_is_masked_in_every_format() {
    let a = "db:\n  password: &pw aliasedsecret9\nother: *pw\n";
    let b = "db:\n  password: x\nother: y\n";
    let dir = scratch(&[("a.yaml", a), ("b.yaml", b)]);
    for format in ["human", "json", "jsonl", "sarif"] {
        let out = Run::new(
            dir.path(),
            &["drift", "diff", "a.yaml", "b.yaml", "--format", format],
        )
        .output();
        assert_eq!(code(&out), 1, "{}", transcript(&out));
        assert!(!stdout(&out).is_empty());
        assert!(
            !transcript(&out).contains("aliasedsecret9"),
            "{format}:\n{}",
            transcript(&out)
        );
    }
}

#[test]
fn errors_in_configuration_policies_and_baselines_never_echo_values() {
    let dir = scratch(&[
        ("opsguard.toml", "[cost]\nrecent = \"tomlsecret77\"\n"),
        (
            "policy.toml",
            "[[rule]]\nid = \"a\"\npath = \"x\"\nexpect = \"policysecret77\"\n",
        ),
        ("baseline.json", "{\"version\": \"baselinesecret77\"}\n"),
        (
            "pack.toml",
            "[[rules]]\nid = \"x\"\nregex = \"x\"\nseverity = \"packsecret77\"\n",
        ),
        ("a.yaml", "x: 1\n"),
        ("b.yaml", "x: 1\n"),
    ]);
    let out = Run::new(dir.path(), &["cost", "anomalies", "--source", "fixture:."]).output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    assert!(
        stderr(&out).contains("opsguard.toml:2:"),
        "{}",
        transcript(&out)
    );
    std::fs::remove_file(dir.path().join("opsguard.toml")).unwrap();
    for args in [
        &[
            "drift",
            "diff",
            "a.yaml",
            "b.yaml",
            "--policy",
            "policy.toml",
        ][..],
        &[
            "drift",
            "check",
            "--env",
            "a=a.yaml",
            "--env",
            "b=b.yaml",
            "--baseline",
            "baseline.json",
        ][..],
        &["secrets", "rules", "check", "pack.toml"][..],
    ] {
        let out = Run::new(dir.path(), args).output();
        assert_eq!(code(&out), 2, "{}", transcript(&out));
        let text = transcript(&out);
        assert!(!text.contains("secret77"), "{text}");
        assert!(text.contains(".toml:") || text.contains(".json:"), "{text}");
    }
}

// ---------------------------------------------------------------------------------------
// Bounded work for any input.

#[test]
fn billion_laughs_is_an_error_not_gigabytes() {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let dir = scratch(&[("laughs.yaml", &text), ("b.yaml", "x: 1\n")]);
    let out = Run::new(dir.path(), &["drift", "diff", "laughs.yaml", "b.yaml"]).output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    assert!(
        stderr(&out).contains("laughs.yaml:"),
        "{}",
        transcript(&out)
    );
    assert!(stderr(&out).contains("billion laughs"));
}

#[test]
fn deep_nesting_and_long_keys_are_errors_not_stack_overflows() {
    let block: String = (0..3000)
        .map(|i| format!("{}k:\n", "  ".repeat(i)))
        .collect();
    let dotted = format!("{}=1\n", vec!["a"; 30_000].join("."));
    let long = format!("{}=1\n", "k".repeat(100_000));
    let dir = scratch(&[
        ("deep.yaml", &block),
        ("deep.properties", &dotted),
        ("long.properties", &long),
        ("b.yaml", "x: 1\n"),
    ]);
    for (file, expected) in [
        ("deep.yaml", "nested deeper than 256"),
        ("deep.properties", "nests deeper than 256"),
        ("long.properties", "longer than 4096 bytes"),
    ] {
        let out = Run::new(dir.path(), &["drift", "diff", file, "b.yaml"]).output();
        assert_eq!(code(&out), 2, "{file}: {}", transcript(&out));
        let message = stderr(&out);
        assert!(message.contains(&format!("{file}:")), "{message}");
        assert!(message.contains(expected), "{message}");
    }
}

#[test]
fn a_hundred_thousand_keys_are_read_in_linear_time() {
    let many: String = (0..100_000).map(|i| format!("k{i}.x=v{i}\n")).collect();
    let yaml: String = (0..100_000)
        .map(|i| format!("k{i}:\n  x: v{i}\n"))
        .collect();
    let dir = scratch(&[("many.properties", &many), ("many.yaml", &yaml)]);
    let out = Run::new(
        dir.path(),
        &[
            "drift",
            "diff",
            "many.properties",
            "many.yaml",
            "--format",
            "json",
        ],
    )
    .output();
    assert_eq!(code(&out), 0, "{}", transcript(&out));
    assert_eq!(json(&out)["findings"].as_array().map(Vec::len), Some(0));
}

#[cfg(unix)]
#[test]
fn endless_and_special_inputs_are_bounded_or_refused() {
    let dir = scratch(&[("b.yaml", "x: 1\n")]);
    // Named on the command line: read, but only up to the limit.
    let out = Run::new(dir.path(), &["drift", "diff", "/dev/zero", "b.yaml"])
        .env("OPSGUARD_MAX_INPUT_SIZE", "1MiB")
        .output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    assert!(stderr(&out).contains("/dev/zero: more than 1048576 bytes"));
    // Listed in a committed opsguard.toml: a FIFO is refused, never waited on.
    let fifo = dir.path().join("fifo.yaml");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::fs::write(
        dir.path().join("opsguard.toml"),
        "[drift.envs]\na = [\"fifo.yaml\"]\nb = [\"b.yaml\"]\n",
    )
    .unwrap();
    let out = Run::new(dir.path(), &["drift", "check"]).output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        transcript(&out)
    );
    // Endless standard input stops at --max-blob-size.
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let out = Run::new(
        dir.path(),
        &["secrets", "scan", "-", "--max-blob-size", "1MiB"],
    )
    .stdin(zero)
    .output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    assert!(stderr(&out).contains("standard input: more than 1048576 bytes"));
}

#[cfg(unix)]
#[test]
fn a_gitleaksignore_linked_to_a_device_is_refused() {
    let dir = scratch(&[("app.txt", "nothing here\n")]);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(".gitleaksignore")).unwrap();
    let out = Run::new(dir.path(), &["secrets", "scan", "--no-git", "."]).output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    assert!(stderr(&out).contains(".gitleaksignore: not a regular file"));
}

#[test]
fn a_huge_value_in_a_table_is_cut_not_wrapped_for_seconds() {
    let a = format!("x: {}\n", "v".repeat(200_000));
    let dir = scratch(&[("a.yaml", &a), ("b.yaml", "x: 1\n")]);
    let out = Run::new(dir.path(), &["drift", "diff", "a.yaml", "b.yaml"])
        .env("COLUMNS", "80")
        .output();
    assert_eq!(code(&out), 1, "{}", transcript(&out));
    let text = stdout(&out);
    // Both cells holding the value are cut at 1,000 characters (and say so).
    let shown = text.chars().filter(|&c| c == 'v').count();
    assert!((2000..2100).contains(&shown), "{shown}:\n{text}");
    assert!(text.contains("characters)"), "{text}");
    assert!(text.lines().count() < 200, "{}", text.lines().count());
}

// ---------------------------------------------------------------------------------------
// Terminal injection.

#[test]
fn control_sequences_from_input_are_escaped_in_human_output() {
    let name = "evil\u{1b}]0;pwned\u{7}\u{1b}[2J.env";
    let secret = format!("GITHUB_TOKEN={}\n", github_token(9));
    let dir = scratch(&[(name, &secret)]);
    let out = Run::new(dir.path(), &["secrets", "scan", "--no-git", "."]).output();
    assert_eq!(code(&out), 1, "{}", transcript(&out));
    let text = transcript(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    assert!(text.contains("evil\\x1b]0;pwned\\x07"), "{text}");

    let a = "\"k\u{1b}[31mey\": 1\n";
    let dir = scratch(&[("a.yaml", a), ("b.yaml", "other: 2\n")]);
    let out = Run::new(dir.path(), &["drift", "diff", "a.yaml", "b.yaml"]).output();
    assert_eq!(code(&out), 1, "{}", transcript(&out));
    assert!(!transcript(&out).contains('\u{1b}'), "{}", transcript(&out));
}

// ---------------------------------------------------------------------------------------
// Cost inputs fail closed.

fn export(amounts: &[(&str, &str)]) -> String {
    let results: Vec<String> = amounts
        .iter()
        .map(|(day, amount)| {
            format!(
                "{{\"TimePeriod\": {{\"Start\": \"{day}\", \"End\": \"{day}\"}},\n \"Total\": {{}},\n \"Groups\": [{{\"Keys\": [\"Amazon EC2\"],\n \"Metrics\": {{\"UnblendedCost\": {{\"Amount\": \"{amount}\", \"Unit\": \"USD\"}}}}}}]}}"
            )
        })
        .collect();
    format!(
        "{{\"GroupDefinitions\": [{{\"Type\": \"DIMENSION\", \"Key\": \"SERVICE\"}}],\n\"ResultsByTime\": [\n{}\n]}}\n",
        results.join(",\n")
    )
}

#[test]
fn non_finite_negative_duplicated_and_unordered_days_are_errors_at_their_line() {
    let cases = [
        (
            export(&[("2026-01-01", "1.0"), ("2026-01-02", "NaN")]),
            "the amount for 2026-01-02",
            10,
        ),
        (
            export(&[("2026-01-01", "1.0"), ("2026-01-02", "-5")]),
            "the amount for 2026-01-02",
            10,
        ),
        (
            export(&[("2026-01-01", "1.0"), ("2026-01-02", "inf")]),
            "the amount for 2026-01-02",
            10,
        ),
        (
            export(&[("2026-01-01", "1.0"), ("2026-01-01", "2.0")]),
            "listed twice",
            7,
        ),
        (
            export(&[("2026-01-02", "1.0"), ("2026-01-01", "2.0")]),
            "comes after a later day",
            7,
        ),
    ];
    for (text, expected, line) in cases {
        let dir = scratch(&[("cost-and-usage.service.json", &text)]);
        let out = Run::new(
            dir.path(),
            &[
                "cost",
                "anomalies",
                "--source",
                "fixture:.",
                "--recent",
                "0",
            ],
        )
        .output();
        assert_eq!(code(&out), 2, "{expected}: {}", transcript(&out));
        let message = stderr(&out);
        assert!(
            message.contains(&format!("cost-and-usage.service.json:{line}:")),
            "{expected}: {message}"
        );
        assert!(message.contains(expected), "{message}");
    }
}

#[test]
fn number_flags_refuse_nan_and_infinity() {
    let dir = scratch(&[]);
    for args in [
        &["cost", "anomalies", "--min-impact", "NaN"][..],
        &["cost", "anomalies", "--error-impact", "inf"][..],
        &["cost", "budget", "--limit", "NaN"][..],
        &["cost", "tags", "--require", "team", "--max-untagged", "NaN"][..],
    ] {
        let out = Run::new(dir.path(), args).output();
        assert_eq!(code(&out), 2, "{args:?}: {}", transcript(&out));
        assert!(
            stderr(&out).contains("finite number"),
            "{}",
            transcript(&out)
        );
    }
}

#[test]
fn a_misspelt_region_is_an_error_naming_the_nearest() {
    let out = Run::new(
        &repo_root(),
        &[
            "cost",
            "rightsize",
            "--source",
            "fixture:fixtures/aws/rightsizing",
            "--regions",
            "us-eest-1",
        ],
    )
    .output();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    let message = stderr(&out);
    assert!(
        message.contains("`us-eest-1` is not an AWS region"),
        "{message}"
    );
    assert!(message.contains("did you mean us-east-1"), "{message}");
}

#[test]
fn stdin_scans_stay_bounded_by_the_blob_limit() {
    let dir = scratch(&[]);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("opsguard"))
        .args(["secrets", "scan", "-", "--max-blob-size", "10"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The scanner may stop reading before all of this is written.
    let _ = child.stdin.take().unwrap().write_all(&[b'a'; 100]);
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 2, "{}", transcript(&out));
}

#[cfg(unix)]
#[test]
fn sigterm_and_sighup_end_the_run_like_ctrl_c() {
    for (signal, status) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = scratch(&[]);
        // Waits on standard input, which the test never closes.
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("opsguard"))
            .args(["secrets", "scan", "-", "-o", "report.json"])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The handler is installed first thing; give the process a moment to get there.
        std::thread::sleep(Duration::from_millis(300));
        let sent = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let started = Instant::now();
        let exit = loop {
            if let Some(exit) = child.try_wait().unwrap() {
                break exit;
            }
            assert!(started.elapsed() < DEADLINE, "SIG{signal} ignored");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(exit.code(), Some(status), "SIG{signal}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "SIG{signal} left {left:?}");
    }
}
