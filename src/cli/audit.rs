//! `opsguard audit`: plan the sections from opsguard.toml, run them, render one report.

use super::args::AuditArgs;
use super::{Context, Outcome};
use crate::audit::{self, Environment, Verdict};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::output::{emit_bytes, render_sections};

pub fn run(ctx: &Context, args: &AuditArgs) -> Result<Outcome> {
    let loaded = ctx.config()?;
    let planned = audit::plan(args, loaded.as_ref());
    let status = |line: &str| ctx.messages.status(line);
    let sections = audit::run(
        planned,
        &Environment {
            redactor: ctx.redactor,
            today: Date::today_utc(),
            status: &status,
        },
    );
    for section in &sections {
        match &section.state {
            crate::report::SectionState::Failed(e) => ctx
                .messages
                .warning(&format!("{} did not run: {e}", section.name)),
            crate::report::SectionState::Ran(report) => {
                for line in report.errors.iter().chain(&report.warnings) {
                    ctx.messages.warning(&format!("{}: {line}", section.name));
                }
            }
            crate::report::SectionState::Skipped(_) => {}
        }
    }
    let mut buffer = Vec::new();
    render_sections(
        "opsguard audit",
        &sections,
        ctx.format,
        ctx.style,
        &mut buffer,
    )?;
    match emit_bytes(&buffer, &ctx.destination) {
        Err(e) if e.kind() == crate::error::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    match audit::verdict(&sections, ctx.fail_on, ctx.exit_zero) {
        Verdict::Clean => Ok(Outcome::Clean),
        Verdict::Findings => Ok(Outcome::Findings),
        Verdict::Error => Err(Error::runtime("no audit section could run")
            .with_hint("configure [drift.envs], [secrets] or [cost] in opsguard.toml, or see the section errors above")),
    }
}
