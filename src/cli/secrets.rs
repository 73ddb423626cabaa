//! `opsguard secrets scan | baseline | rules | hook`: resolve, run, render.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

use super::args::{HookCommand, RulesCommand, SecretsCommand, SecretsScanArgs};
use super::progress::Ticker;
use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::output::{emit_bytes, Destination, Format};
use crate::secrets::progress::ScanProgress;
use crate::secrets::run::{self, ScanOutcome};
use crate::secrets::settings::{RuleSource, ScanSettings};
use crate::secrets::{hook, rules};

pub fn run(ctx: &Context, command: SecretsCommand) -> Result<Outcome> {
    match command {
        SecretsCommand::Scan(args) => {
            let (settings, scanned) = scan(ctx, &args, "secrets scan")?;
            let outcome = ctx.finish(&scanned.report())?;
            if scanned.incomplete && settings.fail_on_incomplete {
                return Err(Error::runtime("the scan was incomplete (see the warnings above)")
                    .with_hint("a shallow clone needs `git fetch --unshallow`; for a damaged repository `git fsck` names what is broken"));
            }
            Ok(outcome)
        }
        SecretsCommand::Baseline(args) => {
            let (_, scanned) = scan(ctx, &args, "secrets baseline")?;
            let (text, count) = scanned.baseline();
            emit_bytes(text.as_bytes(), &ctx.destination)?;
            ctx.messages.status(&format!(
                "recorded {count} accepted finding{}",
                if count == 1 { "" } else { "s" }
            ));
            Ok(Outcome::Clean)
        }
        SecretsCommand::Rules(RulesCommand::List { rules }) => {
            let source = match rules {
                Some(path) => RuleSource::File(path),
                None => rule_source(ctx)?,
            };
            ctx.finish(&run::list(&run::rule_set(&source)?))
        }
        SecretsCommand::Rules(RulesCommand::Check { packs }) => {
            let sets = if packs.is_empty() {
                vec![("built-in packs".to_string(), rules::builtin()?)]
            } else {
                packs
                    .iter()
                    .map(|p| Ok((crate::paths::display_path(p), rules::load(p)?)))
                    .collect::<Result<_>>()?
            };
            ctx.finish(&run::check_packs(&sets))
        }
        SecretsCommand::Hook(HookCommand::Install { force }) => {
            let path = hook::install(Path::new("."), force)?;
            ctx.messages
                .status(&format!("installed {}", path.display()));
            Ok(Outcome::Clean)
        }
    }
}

/// `[secrets] rules`, else the built-in packs.
fn rule_source(ctx: &Context) -> Result<RuleSource> {
    let loaded = ctx.config()?;
    Ok(
        match loaded
            .as_ref()
            .and_then(|l| l.config.secrets.rules.as_ref().map(|r| l.resolve(r)))
        {
            Some(path) => RuleSource::File(path),
            None => RuleSource::Builtin,
        },
    )
}

fn scan(
    ctx: &Context,
    args: &SecretsScanArgs,
    command: &'static str,
) -> Result<(ScanSettings, ScanOutcome)> {
    let settings = ScanSettings::resolve(args, ctx.config()?.as_ref())?;
    let progress = Arc::new(ScanProgress::default());
    let machine_format_to_pipe = ctx.format != Format::Human
        && matches!(ctx.destination, Destination::Stdout)
        && !std::io::stdout().is_terminal();
    let _ticker = run::is_history(&settings).then(|| {
        Ticker::start(
            Arc::clone(&progress),
            super::progress::wanted(
                std::io::stderr().is_terminal(),
                ctx.messages.quiet,
                machine_format_to_pipe,
            ),
        )
    });
    let outcome = run::scan(&settings, command, &ctx.redactor, &progress)?;
    if let Some(note) = &outcome.cache_note {
        ctx.messages.status(note);
    }
    Ok((settings, outcome))
}
