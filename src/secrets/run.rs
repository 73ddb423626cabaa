//! What each secrets command does: load the rules, scan through the right adapter (git
//! history, index or range; files; standard input), apply baselines and ignores, and keep
//! the typed outcome that `report` renders.

use std::path::Path;

use super::diagnostics::{self, Suppressions};
use super::engine::Engine;
use super::git::{self, Selection};
use super::occurrence::ScanOutput;
use super::progress::ScanProgress;
use super::rules::{self, RuleSet};
use super::settings::{CacheChoice, RuleSource, ScanSettings, Target};
use super::{baseline, check, files, findings, history_cache, verify_http};
use crate::error::{Error, Result};
use crate::input::{self, Named};
use crate::report::{Cell, Finding, Location, Redactor, Report, Severity, TableView};

/// Rules from a file, else the built-in packs.
pub fn rule_set(source: &RuleSource) -> Result<RuleSet> {
    match source {
        RuleSource::File(path) => rules::load(path),
        RuleSource::Builtin => rules::builtin(),
    }
}

/// Whether `target` will be read as a repository (the caller shows progress for that).
pub fn is_history(s: &ScanSettings) -> bool {
    matches!(&s.target, Target::Path(p) if !s.no_git && git::is_repository(p))
}

pub struct ScanOutcome {
    pub report: Report,
    pub incomplete: bool,
    /// What the cache did, for a status line.
    pub cache_note: Option<String>,
}

pub fn scan(
    s: &ScanSettings,
    command: &'static str,
    redactor: &Redactor,
    progress: &ScanProgress,
) -> Result<ScanOutcome> {
    let rules = rule_set(&s.rules)?;
    if s.strict_rules {
        if let Some(w) = rules.warnings.iter().find(|w| w.left_out_rule.is_some()) {
            let rule = w.left_out_rule.as_deref().unwrap_or_default();
            return Err(
                Error::input(w.pos.clone(), format!("rule `{rule}`: {}", w.message))
                    .with_hint("without --strict-rules the scan warns and runs the other rules"),
            );
        }
    }
    let engine = Engine::new(&rules);
    let cache = match &s.cache {
        CacheChoice::Off => None,
        CacheChoice::Default => Some(None),
        CacheChoice::Dir(dir) => Some(Some(dir.clone())),
    }
    .map(|dir| git::CacheRequest {
        dir,
        key: history_cache::key(&rules, s.max_blob_size),
    });
    let (output, root) = gather(s, &engine, cache.as_ref(), progress)?;
    let cache_note = output.cache.as_ref().map(|used| {
        format!(
            "cache {}: {} of {} blobs known from earlier scans{}",
            crate::paths::display_path(&used.file),
            used.blobs_reused,
            output.stats.blobs_scanned + output.stats.blobs_skipped,
            if used.written { "" } else { " (not updated)" }
        )
    });
    let mut suppressions = Suppressions::default();
    if let Some((path, named)) = &s.baseline {
        let text = input::read_text(path, *named)?;
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
    // A companion-only rule's matches feed verifiers, never the report.
    let grouped = findings::group(
        output
            .occurrences
            .iter()
            .filter(|o| rules.rules[o.rule].report)
            .cloned()
            .collect(),
    );
    let kept = diagnostics::suppress(&rules, grouped, &suppressions);
    // Only what is left after the baseline is ever sent: an accepted secret stays home.
    let mut verdicts = diagnostics::Verdicts {
        ran: s.verify,
        only_active: s.only_active,
        ..diagnostics::Verdicts::default()
    };
    if s.verify {
        let companions = verify_http::Companions::new(&output.occurrences);
        let cache_dir = output
            .cache
            .as_ref()
            .and_then(|c| c.file.parent().map(Path::to_path_buf));
        let verified =
            verify_http::verify_all(&rules, &kept.findings, &companions, cache_dir.as_deref());
        verdicts.by_fingerprint = verified.verdicts;
        verdicts.requests = verified.requests;
        verdicts.cached = verified.cached;
    }
    let outcome = diagnostics::report(command, &rules, kept, &output, &verdicts, redactor);
    let mut report = outcome.report;
    report
        .warnings
        .splice(0..0, rules.warnings.iter().map(ToString::to_string));
    if s.report_unused_ignores {
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
    Ok(ScanOutcome {
        report,
        incomplete: output.incomplete,
        cache_note,
    })
}

impl ScanOutcome {
    pub fn report(&self) -> Report {
        self.report.clone()
    }

    /// The text of a baseline that accepts every finding.
    pub fn baseline(&self) -> (String, usize) {
        let entries = diagnostics::baseline_entries(&self.report);
        let count = entries.len();
        (baseline::render(entries), count)
    }
}

/// Runs the right adapter; returns its output and the root where `.gitleaksignore` lives.
fn gather(
    s: &ScanSettings,
    engine: &Engine,
    cache: Option<&git::CacheRequest>,
    progress: &ScanProgress,
) -> Result<(ScanOutput, Option<std::path::PathBuf>)> {
    let path = match &s.target {
        Target::Stdin => {
            let bytes = input::read_stdin(s.max_blob_size)?;
            return Ok((files::scan_bytes("-", &bytes, engine), None));
        }
        Target::Path(path) => path,
    };
    if !path.exists() {
        return Err(Error::usage(format!(
            "{}: no such file or directory",
            path.display()
        )));
    }
    if s.no_git || !git::is_repository(path) {
        if s.staged || s.range.is_some() {
            return Err(
                Error::usage(format!("{}: not a git repository", path.display()))
                    .with_hint("--staged and --range need a repository"),
            );
        }
        if path.is_file() {
            let bytes = input::read_limited(path, Named::OnCommandLine, s.max_blob_size)?;
            let name = crate::paths::display_path(path);
            return Ok((
                files::scan_bytes(&name, &bytes, engine),
                path.parent().map(Path::to_path_buf),
            ));
        }
        return Ok((
            files::scan_dir(path, engine, s.max_blob_size)?,
            Some(path.clone()),
        ));
    }
    let selection = match (&s.range, s.staged) {
        (Some(range), _) => Selection::Range(range.clone()),
        (None, true) => Selection::Staged,
        (None, false) => Selection::AllRefs,
    };
    let root = git::open(path)?.workdir().map(Path::to_path_buf);
    let output = git::scan(path, &selection, engine, s.max_blob_size, progress, cache)?;
    Ok((output, root))
}

/// `secrets rules list`.
pub fn list(rules: &RuleSet) -> Report {
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
                        "references": r.references, "source": r.origin.to_string(),
                        "verify": r.verify.as_ref().map(|v| v.spec.provider.clone()),
                        "report": r.report,
                    })
                })
                .collect(),
        ),
    );
    report
}

/// `secrets rules check`: every pack's examples and negative examples, and the rules left
/// out at load.
pub fn check_packs(sets: &[(String, RuleSet)]) -> Report {
    let mut report = Report::new("secrets rules check");
    let mut view = TableView::new(["rule", "defined at", "problem"]);
    let mut lines = Vec::new();
    for (name, set) in sets {
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
                origin: crate::error::SourcePos::new(w.pos.path.clone(), w.pos.line, None),
                message: w.message.clone(),
            })
        });
        for p in left_out.chain(problems) {
            view.push(vec![
                Cell::plain(&p.rule_id),
                Cell::plain(p.origin.to_string()),
                Cell::plain(&p.message),
            ]);
            report.findings.push(
                Finding::new(
                    "secrets/rule-check",
                    Severity::Error,
                    format!("rule `{}`: {}", p.rule_id, p.message),
                    &[&p.rule_id, &p.message],
                )
                .at(Location::at(&p.origin))
                .with("rule", p.rule_id.clone()),
            );
        }
    }
    view.footer = lines;
    report.views.push(view);
    report
}
