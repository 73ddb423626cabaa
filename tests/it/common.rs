use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs `opsguard` in `dir` with a clean, colourless environment.
pub fn opsguard(dir: &Path, args: &[&str]) -> Output {
    opsguard_with_env(dir, args, &[])
}

pub fn opsguard_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = assert_cmd::Command::cargo_bin("opsguard").expect("binary is built");
    cmd.current_dir(dir).args(args);
    for var in ["NO_COLOR", "FORCE_COLOR", "COLUMNS", "CLICOLOR", "RUST_LOG"] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("opsguard runs")
}

/// Exit code, stdout and stderr in one text, for snapshots.
pub fn transcript(output: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        output
            .status
            .code()
            .map_or("signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn drift_demo() -> PathBuf {
    repo_root().join("fixtures/drift")
}

/// A scratch directory with the given files.
pub fn scratch(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, text).unwrap();
    }
    dir
}

pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", transcript(output)))
}

/// Validates `instance` against the JSON Schema in `schema` (a file in the repo).
pub fn assert_valid(schema_path: &Path, instance: &serde_json::Value) {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "invalid against {}:\n{}",
        schema_path.display(),
        errors.join("\n")
    );
}

/// `opsguard drift check --env E… EXTRA…` in `dir`.
pub fn drift_check(dir: &Path, envs: &[&str], extra: &[&str]) -> Output {
    let mut args = vec!["drift", "check"];
    for env in envs {
        args.extend(["--env", env]);
    }
    args.extend_from_slice(extra);
    opsguard(dir, &args)
}

/// A daily Cost Explorer response grouped by service, as `aws ce get-cost-and-usage`
/// writes it: `count` days from `first`, each service's cost on a day from `amount(service,
/// day)`.
#[cfg(feature = "aws")]
pub fn service_costs(
    first: &str,
    count: usize,
    services: &[&str],
    amount: impl Fn(&str, &str) -> f64,
) -> serde_json::Value {
    let results: Vec<serde_json::Value> = days_from(first, count)
        .iter()
        .map(|day| {
            let groups: Vec<serde_json::Value> = services
                .iter()
                .map(|service| {
                    let cost = format!("{:.2}", amount(service, day));
                    serde_json::json!({"Keys": [service], "Metrics": {"UnblendedCost": {"Amount": cost, "Unit": "USD"}}})
                })
                .collect();
            serde_json::json!({"TimePeriod": {"Start": day, "End": day}, "Total": {}, "Groups": groups, "Estimated": false})
        })
        .collect();
    serde_json::json!({"GroupDefinitions": [{"Type": "DIMENSION", "Key": "SERVICE"}], "ResultsByTime": results})
}

/// `count` consecutive dates from `first` (YYYY-MM-DD), for generated cost data.
#[cfg(feature = "aws")]
pub fn days_from(first: &str, count: usize) -> Vec<String> {
    let first = opsguard::date::Date::parse(first).expect("a date");
    (0..count as i64)
        .map(|i| {
            opsguard::date::Date::from_days_since_epoch(first.days_since_epoch() + i).to_string()
        })
        .collect()
}

/// `doc` (a path in the repository) shows `out`'s stdout as it really prints: a run that
/// finished (exit 0, or 1 for findings) with output, shown whole. (The examples it
/// checks are all `cost` ones.)
#[cfg(feature = "aws")]
pub fn assert_doc_shows(doc: &str, out: &Output) {
    let shown = stdout(out);
    assert!(
        matches!(out.status.code(), Some(0 | 1)) && !shown.trim().is_empty(),
        "{}",
        transcript(out)
    );
    let text = std::fs::read_to_string(repo_root().join(doc)).unwrap();
    assert!(
        text.contains(&shown),
        "{doc} is stale; paste the output as it prints now:\n{shown}"
    );
}

/// A test tool `scripts/test` installs into a venv under `~/.cache/opsguard`: the path in
/// `variable` (which `scripts/test` sets), else `venv_program` under that directory.
pub fn installed_test_tool(variable: &str, venv_program: &str) -> PathBuf {
    if let Ok(program) = std::env::var(variable) {
        return PathBuf::from(program);
    }
    let home = std::env::var("HOME").expect("HOME is set");
    let default = PathBuf::from(format!("{home}/.cache/opsguard/{venv_program}"));
    assert!(
        default.exists(),
        "{venv_program} is not installed: run the tests through scripts/test, which installs it"
    );
    default
}
