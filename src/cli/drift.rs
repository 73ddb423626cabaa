//! `opsguard drift check | diff | baseline | flags`: resolve, run, render.

use super::args::DriftCommand;
use super::{Context, Outcome};
use crate::date::Date;
use crate::drift::run;
use crate::drift::settings::{CheckSettings, DiffSettings, FlagSettings};
use crate::error::Result;
use crate::output::emit_bytes;

pub fn run(ctx: &Context, command: DriftCommand) -> Result<Outcome> {
    let today = Date::today_utc();
    match command {
        DriftCommand::Check(args) => {
            let settings = CheckSettings::resolve(&args, ctx.config()?.as_ref())?;
            ctx.finish(&run::check(&settings, ctx.redactor, today)?.report())
        }
        DriftCommand::Baseline(args) => {
            let settings = CheckSettings::resolve(&args, ctx.config()?.as_ref())?;
            let (text, count) = run::check(&settings, ctx.redactor, today)?.baseline();
            emit_bytes(text.as_bytes(), &ctx.destination)?;
            ctx.messages.status(&format!(
                "recorded {count} accepted drift{}",
                if count == 1 { "" } else { "s" }
            ));
            Ok(Outcome::Clean)
        }
        DriftCommand::Diff(args) => {
            let settings = DiffSettings::resolve(&args)?;
            ctx.finish(&run::diff(&settings, ctx.redactor, today)?.report())
        }
        DriftCommand::Flags(args) => {
            let settings = FlagSettings::resolve(&args, ctx.config()?.as_ref())?;
            ctx.finish(&run::flags(&settings, ctx.redactor, today)?.report())
        }
    }
}
