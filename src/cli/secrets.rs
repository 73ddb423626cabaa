//! `opsguard secrets scan | baseline | rules | hook`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::args::{HookCommand, RulesCommand, SecretsCommand, SecretsScanArgs};
use super::progress::Ticker;
use super::{Context, Outcome};
use crate::config::LoadedConfig;
use crate::error::{Error, Result};
use crate::input::{self, Named};
use crate::output::{emit_bytes, Destination, Format};
use crate::report::{Cell, Finding, Location, Report, Severity, TableView};
use crate::secrets::config::{parse_size, CacheSetting, SecretsConfig};
use crate::secrets::diagnostics::{self, Suppressions};
use crate::secrets::engine::Engine;
use crate::secrets::git::{self, Selection};
use crate::secrets::occurrence::ScanOutput;
use crate::secrets::progress::ScanProgress;
use crate::secrets::rules::{self, RuleSet};
use crate::secrets::{baseline, check, files, findings, history_cache, hook};

const DEFAULT_MAX_BLOB_SIZE: u64 = 10 * 1024 * 1024;

pub fn run(ctx: &Context, command: SecretsCommand) -> Result<Outcome> {
    match command {
        SecretsCommand::Scan(args) => {
            let (report, incomplete) = scan(ctx, &args, "secrets scan")?;
            let outcome = ctx.finish(&report)?;
            if incomplete && args.fail_on_incomplete {
                return Err(Error::runtime("the scan was incomplete (see the warnings above)")
                    .with_hint("a shallow clone needs `git fetch --unshallow`; for a damaged repository `git fsck` names what is broken"));
            }
            Ok(outcome)
        }
        SecretsCommand::Baseline(args) => {
            let (report, _) = scan(ctx, &args, "secrets baseline")?;
            let entries = diagnostics::baseline_entries(&report);
            let count = entries.len();
            emit_bytes(baseline::render(entries).as_bytes(), &ctx.destination)?;
            ctx.messages.status(&format!(
                "recorded {count} accepted finding{}",
                if count == 1 { "" } else { "s" }
            ));
            Ok(Outcome::Clean)
        }
        SecretsCommand::Rules(RulesCommand::List { rules }) => list(ctx, rules.as_deref()),
        SecretsCommand::Rules(RulesCommand::Check { packs }) => check_packs(ctx, &packs),
        SecretsCommand::Hook(HookCommand::Install { force }) => {
            let path = hook::install(Path::new("."), force)?;
            ctx.messages
                .status(&format!("installed {}", path.display()));
            Ok(Outcome::Clean)
        }
    }
}

/// Rules from `--rules`, else `[secrets] rules`, else the built-in packs.
fn rule_set(config: Option<&LoadedConfig>, explicit: Option<&Path>) -> Result<RuleSet> {
    if let Some(path) = explicit {
        return rules::load(path);
    }
    if let Some(loaded) = config {
        if let Some(path) = &loaded.config.secrets.rules {
            return rules::load(&loaded.resolve(path));
        }
    }
    rules::builtin()
}

fn scan(ctx: &Context, args: &SecretsScanArgs, command: &str) -> Result<(Report, bool)> {
    let config = ctx.config()?;
    let section = config.as_ref().map(|c| (&c.config.secrets, c));
    let rules = rule_set(config.as_ref(), args.rules.as_deref())?;
    if args.strict_rules {
        if let Some(w) = rules.warnings.iter().find(|w| w.left_out_rule.is_some()) {
            let rule = w.left_out_rule.as_deref().unwrap_or_default();
            return Err(
                Error::input(w.pos.clone(), format!("rule `{rule}`: {}", w.message))
                    .with_hint("without --strict-rules the scan warns and runs the other rules"),
            );
        }
    }
    let max_blob_size = match &args.max_blob_size {
        Some(text) => parse_size(text).ok_or_else(|| {
            Error::usage(format!(
                "--max-blob-size `{text}` is not a size (examples: 10485760, 10MiB, 500KB)"
            ))
        })?,
        None => section
            .and_then(|(s, _)| s.max_blob_size)
            .unwrap_or(DEFAULT_MAX_BLOB_SIZE),
    };
    let engine = Engine::new(&rules);
    let cache = cache_request(args, section, &rules, max_blob_size);
    let (output, root) = gather(ctx, args, &engine, max_blob_size, cache.as_ref())?;
    if let Some(used) = &output.cache {
        ctx.messages.status(&format!(
            "cache {}: {} of {} blobs known from earlier scans{}",
            crate::paths::display_path(&used.file),
            used.blobs_reused,
            output.stats.blobs_scanned + output.stats.blobs_skipped,
            if used.written { "" } else { " (not updated)" }
        ));
    }
    let mut suppressions = Suppressions::default();
    let baseline_path = args
        .baseline
        .clone()
        .or_else(|| section.and_then(|(s, c)| s.baseline.as_ref().map(|b| c.resolve(b))));
    if let Some(path) = &baseline_path {
        let named = if args.baseline.is_some() {
            Named::OnCommandLine
        } else {
            Named::InConfig
        };
        let text = input::read_text(path, named)?;
        suppressions.baseline =
            baseline::parse(&text, Path::new(&crate::paths::display_path(path)))?;
    }
    if let Some(root) = root {
        // Committed with the code, so as untrusted as it: a link to /dev/zero or a FIFO is
        // refused, not read. A dangling link holds no suppressions and is passed over.
        let ignore = root.join(".gitleaksignore");
        if std::fs::metadata(&ignore).is_ok() {
            let text = input::read_text(&ignore, Named::InConfig)?;
            suppressions.gitleaks_ignore = baseline::parse_gitleaksignore(&text);
        }
    }
    let incomplete = output.incomplete;
    let grouped = findings::group(output.occurrences.clone());
    let outcome = diagnostics::report(
        command,
        &rules,
        grouped,
        &output,
        &suppressions,
        &ctx.redactor,
    );
    let mut report = outcome.report;
    report
        .warnings
        .splice(0..0, rules.warnings.iter().map(ToString::to_string));
    if args.report_unused_ignores {
        for entry in &outcome.unused {
            report.warnings.push(format!(
                "baseline entry {} ({} in {}) no longer matches any finding",
                entry.fingerprint, entry.rule_id, entry.path
            ));
        }
        report.extra.insert(
            "unused_ignores".into(),
            diagnostics::unused_json(&outcome.unused),
        );
    }
    Ok((report, incomplete))
}

/// `--cache[=DIR]`, else `[secrets] cache` unless `--no-cache`; only full-history scans use
/// it (a `--staged` hook run with the cache on in `opsguard.toml` just does not).
fn cache_request(
    args: &SecretsScanArgs,
    section: Option<(&SecretsConfig, &LoadedConfig)>,
    rules: &RuleSet,
    max_blob_size: u64,
) -> Option<git::CacheRequest> {
    if args.no_cache || args.no_git || args.staged || args.range.is_some() {
        return None;
    }
    let dir = match &args.cache {
        Some(dir) => dir.clone(),
        None => match section.and_then(|(s, c)| s.cache.as_ref().map(|x| (x, c)))? {
            (CacheSetting::On(false), _) => return None,
            (CacheSetting::On(true), _) => None,
            (CacheSetting::Dir(dir), loaded) => Some(loaded.resolve(dir)),
        },
    };
    Some(git::CacheRequest {
        dir,
        key: history_cache::key(rules, max_blob_size),
    })
}

/// Runs the right adapter; returns its output and the root where `.gitleaksignore` lives.
fn gather(
    ctx: &Context,
    args: &SecretsScanArgs,
    engine: &Engine,
    max_blob_size: u64,
    cache: Option<&git::CacheRequest>,
) -> Result<(ScanOutput, Option<PathBuf>)> {
    if args.path.as_os_str() == "-" {
        let bytes = input::read_stdin(max_blob_size)?;
        return Ok((files::scan_bytes("-", &bytes, engine), None));
    }
    let path = &args.path;
    if !path.exists() {
        return Err(Error::usage(format!(
            "{}: no such file or directory",
            path.display()
        )));
    }
    if args.no_git || !git::is_repository(path) {
        if args.staged || args.range.is_some() {
            return Err(
                Error::usage(format!("{}: not a git repository", path.display()))
                    .with_hint("--staged and --range need a repository"),
            );
        }
        if path.is_file() {
            let bytes = input::read_limited(path, Named::OnCommandLine, max_blob_size)?;
            let name = crate::paths::display_path(path);
            return Ok((
                files::scan_bytes(&name, &bytes, engine),
                path.parent().map(Path::to_path_buf),
            ));
        }
        return Ok((
            files::scan_dir(path, engine, max_blob_size)?,
            Some(path.clone()),
        ));
    }
    let selection = match (&args.range, args.staged) {
        (Some(range), _) => Selection::Range(range.clone()),
        (None, true) => Selection::Staged,
        (None, false) => Selection::AllRefs,
    };
    let root = git::open(path)?.workdir().map(Path::to_path_buf);
    let progress = Arc::new(ScanProgress::default());
    let machine_format_to_pipe = ctx.format != Format::Human
        && matches!(ctx.destination, Destination::Stdout)
        && !std::io::stdout().is_terminal();
    let _ticker = Ticker::start(
        Arc::clone(&progress),
        super::progress::wanted(
            std::io::stderr().is_terminal(),
            ctx.messages.quiet,
            machine_format_to_pipe,
        ),
    );
    let output = git::scan(path, &selection, engine, max_blob_size, &progress, cache)?;
    Ok((output, root))
}

fn list(ctx: &Context, explicit: Option<&Path>) -> Result<Outcome> {
    let rules = rule_set(ctx.config()?.as_ref(), explicit)?;
    let mut report = Report::new("secrets rules list");
    report.warnings = rules.warnings.iter().map(ToString::to_string).collect();
    let mut view = TableView::new(["id", "severity", "confidence", "keywords", "description"]);
    for rule in &rules.rules {
        view.push(vec![
            Cell::plain(&rule.id),
            Cell::severity(rule.severity),
            Cell::plain(rule.confidence.as_str()),
            Cell::plain(rule.keywords.join(", ")),
            Cell::plain(&rule.description),
        ]);
    }
    view.footer.push(format!(
        "{} rules from {}",
        rules.rules.len(),
        rules.sources.join(", ")
    ));
    report.views.push(view);
    report.extra.insert(
        "rules".into(),
        serde_json::Value::Array(
            rules
                .rules
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id, "description": r.description, "severity": r.severity.as_str(),
                        "confidence": r.confidence.as_str(), "keywords": r.keywords, "tags": r.tags,
                        "references": r.references, "source": r.origin,
                    })
                })
                .collect(),
        ),
    );
    ctx.finish(&report)
}

fn check_packs(ctx: &Context, packs: &[PathBuf]) -> Result<Outcome> {
    let sets: Vec<(String, RuleSet)> = if packs.is_empty() {
        vec![("built-in packs".to_string(), rules::builtin()?)]
    } else {
        packs
            .iter()
            .map(|p| Ok((crate::paths::display_path(p), rules::load(p)?)))
            .collect::<Result<_>>()?
    };
    let mut report = Report::new("secrets rules check");
    let mut view = TableView::new(["rule", "defined at", "problem"]);
    let mut lines = Vec::new();
    for (name, set) in &sets {
        report.warnings.extend(
            set.warnings
                .iter()
                .filter(|w| w.left_out_rule.is_none())
                .map(ToString::to_string),
        );
        let (summary, problems) = check::check(set);
        lines.push(format!(
            "{name}: {} rules, {} examples, {} negative examples checked",
            summary.rules, summary.examples, summary.negative_examples
        ));
        // A rule left out at load (its regex does not compile) is a problem of the pack.
        let left_out = set.warnings.iter().filter_map(|w| {
            Some(check::Problem {
                rule_id: w.left_out_rule.clone()?,
                origin: format!("{}:{}", w.pos.path.display(), w.pos.line),
                message: w.message.clone(),
            })
        });
        for p in left_out.chain(problems) {
            let (file, line) = p.origin.rsplit_once(':').unwrap_or((&p.origin, "1"));
            view.push(vec![
                Cell::plain(&p.rule_id),
                Cell::plain(&p.origin),
                Cell::plain(&p.message),
            ]);
            report.findings.push(
                Finding::new(
                    "secrets/rule-check",
                    Severity::Error,
                    format!("rule `{}`: {}", p.rule_id, p.message),
                    &[&p.rule_id, &p.message],
                )
                .at(Location::file(file, line.parse().ok()))
                .with("rule", p.rule_id.clone()),
            );
        }
    }
    view.footer = lines;
    report.views.push(view);
    ctx.finish(&report)
}
