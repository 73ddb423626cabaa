//! `opsguard cost …`: resolve the settings, open the adapters, run, render.

use super::args::{CostCommand, PricesCommand};
use super::{Context, Outcome};
use crate::cost::settings::{
    AnomalySettings, BudgetSettings, FleetSettings, SpendSettings, TagSettings,
};
use crate::cost::{open, run as cost};
use crate::error::Result;

pub fn run(ctx: &Context, command: CostCommand) -> Result<Outcome> {
    let loaded = ctx.config()?;
    let loaded = loaded.as_ref();
    let status = |line: &str| ctx.messages.status(line);
    let report = match command {
        CostCommand::Anomalies(args) => {
            let settings = AnomalySettings::resolve(&args, loaded)?;
            let (mut source, until) = open::bill(&settings.source)?;
            cost::anomalies(source.as_mut(), until, &settings)?.report()
        }
        CostCommand::Budget(args) => {
            let settings = BudgetSettings::resolve(&args, loaded)?;
            let (mut source, until) = open::bill(&settings.source)?;
            cost::budget(source.as_mut(), until, &settings)?.report()
        }
        CostCommand::Tags(args) => {
            let settings = TagSettings::resolve(&args, loaded)?;
            let (mut source, until) = open::bill(&settings.source)?;
            cost::tags(source.as_mut(), until, &settings)?.report()
        }
        CostCommand::Report(args) => {
            let settings = SpendSettings::resolve(&args, loaded)?;
            let (mut source, until) = open::bill(&settings.source)?;
            cost::spend(source.as_mut(), until, &settings)?.report()
        }
        CostCommand::Rightsize(args) => {
            let settings = FleetSettings::resolve(&args.from, args.cross_family, loaded)?;
            let read = open::fleet(&settings, &status)?;
            cost::rightsize(
                &read,
                &settings.prices,
                settings.cross_family,
                settings.anchor,
            )
            .report()
        }
        CostCommand::Idle(args) => {
            let settings = FleetSettings::resolve(&args.from, false, loaded)?;
            let read = open::fleet(&settings, &status)?;
            cost::idle(&read, &settings.prices, settings.anchor).report()
        }
        CostCommand::Prices(PricesCommand::Refresh(args)) => {
            open::refresh_prices(args.profile.as_deref(), &args.regions, &args.write, &status)?
                .report()
        }
    };
    ctx.finish(&report)
}
