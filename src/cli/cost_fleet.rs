//! `opsguard cost rightsize | idle | prices`: the commands that read the fleet (EC2, RDS,
//! CloudWatch) rather than the bill.

use std::path::Path;

use serde_json::json;

use super::args::{
    CostIdleArgs, CostRightsizeArgs, FleetSourceArgs, PricesCommand, PricesRefreshArgs,
};
use super::cost::{cost_config, fixture_dir};
use super::{Context, Outcome};
use crate::cost::aws::{self, Calls, RegionChoice};
use crate::cost::fleet::{Fleet, Window, FLEET_FILE, FLEET_VERSION};
use crate::cost::prices::{PriceTable, HEADER};
use crate::cost::recommendation::{sort, Kind};
use crate::cost::recommendation_report::{report, PriceNote};
use crate::cost::rightsize::{self, Options};
use crate::cost::thresholds::Thresholds;
use crate::cost::waste;
use crate::error::{Error, Result, SourcePos};
use crate::report::{Cell, Report, TableView};
use crate::timestamp::Timestamp;

/// Idle is here too: an idle resource is the largest right-sizing there is (stop or delete
/// it), and `cost rightsize` must never be silent about one it did not downsize.
const RIGHTSIZE_KINDS: [Kind; 5] = [
    Kind::UnderProvisioned,
    Kind::NotMultiAz,
    Kind::Idle,
    Kind::OverProvisioned,
    Kind::InsufficientData,
];
const IDLE_KINDS: [Kind; 5] = [
    Kind::Idle,
    Kind::PreviousGeneration,
    Kind::Unattached,
    Kind::Gp2ToGp3,
    Kind::OldSnapshot,
];

/// A fleet, its judging clock, and the settings around it.
struct Opened {
    fleet: Fleet,
    now: Timestamp,
    thresholds: Thresholds,
    prices: PriceTable,
    requests: serde_json::Value,
}

fn open(ctx: &Context, args: &FleetSourceArgs) -> Result<Opened> {
    let (loaded, config) = cost_config(ctx)?;
    let mut overrides = config.thresholds.clone();
    if args.lookback_days.is_some() {
        overrides.lookback_days = args.lookback_days;
    }
    let mut thresholds = Thresholds::resolve(&overrides).map_err(|e| {
        let file = loaded
            .as_ref()
            .map(|l| crate::paths::display_path(&l.path))
            .unwrap_or_else(|| "opsguard.toml".into());
        Error::usage(format!("{file}: [cost.thresholds] {e}"))
    })?;
    let prices = match (&args.prices, &config.prices, &loaded) {
        (Some(path), _, _) => PriceTable::load(path)?,
        (None, Some(path), Some(l)) => PriceTable::load(&l.resolve(path))?,
        _ => PriceTable::embedded(),
    };
    let requested_now = args
        .now
        .as_deref()
        .map(|text| {
            Timestamp::parse(text).ok_or_else(|| {
                Error::usage(format!(
                    "--now `{text}` is not a time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"
                ))
            })
        })
        .transpose()?;
    let source = args
        .source
        .clone()
        .or(config.source.clone())
        .unwrap_or_else(|| "aws".into());
    let (fleet, now, requests) = if source == "aws" {
        // The window ends on a five-minute boundary so its slots line up with CloudWatch's.
        let now = requested_now.unwrap_or_else(|| {
            let t = Timestamp::now().secs();
            Timestamp(t - t.rem_euclid(300))
        });
        let window = Window {
            start: Timestamp(now.secs() - i64::from(thresholds.lookback_days) * 86_400),
            end: now,
        };
        for region in &args.regions {
            crate::cost::regions::check(region, "--regions")?;
        }
        for region in config.regions.iter().flatten() {
            crate::cost::regions::check(region, "[cost] regions")?;
        }
        let regions = if args.all_regions {
            RegionChoice::All
        } else if !args.regions.is_empty() {
            RegionChoice::Listed(args.regions.clone())
        } else if let Some(list) = config.regions.clone().filter(|l| !l.is_empty()) {
            RegionChoice::Listed(list)
        } else {
            RegionChoice::Configured
        };
        let profile = args.profile.clone().or(config.profile.clone());
        ctx.messages.status(&format!(
            "reading EC2, RDS and CloudWatch ({} days of metrics)…",
            thresholds.lookback_days
        ));
        let (fleet, calls) = aws::gather(profile.as_deref(), regions, window)?;
        (fleet, now, requests_json(&calls))
    } else {
        let dir = fixture_dir(&source, args.source.is_some(), loaded.as_ref())?;
        let mut fleet = read_fleet(&dir.join(FLEET_FILE))?;
        // An export's metrics cover the window it was read with, whatever is asked now.
        let days = (fleet.window.end.secs() - fleet.window.start.secs()) / 86_400;
        if args.lookback_days.is_some_and(|d| i64::from(d) != days) {
            ctx.messages.warning(&format!(
                "--lookback-days is ignored for an export: its metrics cover {days} days"
            ));
        }
        thresholds.lookback_days = u32::try_from(days.max(1)).unwrap_or(14);
        if !args.regions.is_empty() {
            for region in &args.regions {
                crate::cost::regions::check(region, "--regions")?;
            }
            fleet.retain_regions(&args.regions);
        }
        let now = requested_now.unwrap_or(fleet.window.end);
        let requests = requests_json(&Calls::default());
        (fleet, now, requests)
    };
    if let Some(dir) = &args.export {
        write_fleet(dir, &fleet)?;
    }
    Ok(Opened {
        fleet,
        now,
        thresholds,
        prices,
        requests,
    })
}

fn requests_json(calls: &Calls) -> serde_json::Value {
    json!({
        "ec2": calls.ec2,
        "rds": calls.rds,
        "cloudwatch": calls.cloudwatch,
        "sts": calls.sts,
        "total": calls.total(),
        "metrics_requested": calls.metrics_requested,
    })
}

fn read_fleet(path: &Path) -> Result<Fleet> {
    let text = crate::input::read_text(path, crate::input::Named::InConfig)?;
    let fleet: Fleet = serde_json::from_str(&text).map_err(|e| {
        Error::input(
            SourcePos::new(path, e.line(), Some(e.column())),
            format!(
                "not an opsguard fleet export: {}",
                crate::error::serde_message(&e.to_string())
            ),
        )
    })?;
    if fleet.version != FLEET_VERSION {
        return Err(Error::input(
            SourcePos::new(path, 1, None),
            format!(
                "fleet export version {} is not supported (expected {FLEET_VERSION})",
                fleet.version
            ),
        ));
    }
    Ok(fleet)
}

fn write_fleet(dir: &Path, fleet: &Fleet) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create", &e))?;
    // Compact: a fortnight of 5-minute series for a thousand instances is tens of MB.
    let mut text = serde_json::to_string(fleet)
        .map_err(|e| Error::runtime(format!("cannot encode the fleet: {e}")))?;
    text.push('\n');
    crate::output::atomic::write(&dir.join(FLEET_FILE), text.as_bytes())
}

pub fn rightsize_command(ctx: &Context, args: &CostRightsizeArgs) -> Result<Outcome> {
    let o = open(ctx, &args.from)?;
    let analysis = rightsize::analyse(
        &o.fleet,
        &o.prices,
        &o.thresholds,
        o.now,
        &Options {
            cross_family: args.cross_family,
        },
    );
    let mut list: Vec<_> = analysis
        .recommendations
        .into_iter()
        .filter(|r| RIGHTSIZE_KINDS.contains(&r.finding))
        .collect();
    sort(&mut list);
    finish(
        ctx,
        "cost rightsize",
        &list,
        &RIGHTSIZE_KINDS,
        &o,
        analysis.warnings,
    )
}

pub fn idle_command(ctx: &Context, args: &CostIdleArgs) -> Result<Outcome> {
    let o = open(ctx, &args.from)?;
    let analysis = rightsize::analyse(
        &o.fleet,
        &o.prices,
        &o.thresholds,
        o.now,
        &Options {
            cross_family: false,
        },
    );
    let mut list: Vec<_> = analysis
        .recommendations
        .into_iter()
        .filter(|r| r.finding == Kind::Idle)
        .chain(waste::analyse(&o.fleet, &o.prices, &o.thresholds, o.now))
        .collect();
    sort(&mut list);
    finish(ctx, "cost idle", &list, &IDLE_KINDS, &o, analysis.warnings)
}

fn finish(
    ctx: &Context,
    command: &str,
    list: &[crate::cost::recommendation::Recommendation],
    kinds: &[Kind],
    o: &Opened,
    warnings: Vec<String>,
) -> Result<Outcome> {
    let note = PriceNote {
        source: o.prices.source.clone(),
        date: o.prices.date.clone(),
    };
    let mut report = report(
        command,
        list,
        kinds,
        o.fleet.window,
        &note,
        o.requests.clone(),
        warnings,
    );
    report.summary.insert(
        "resources".into(),
        json!({
            "instances": o.fleet.instances.len(),
            "databases": o.fleet.databases.len(),
            "volumes": o.fleet.volumes.len(),
            "snapshots": o.fleet.snapshots.len(),
            "addresses": o.fleet.addresses.len(),
        }),
    );
    ctx.finish(&report)
}

pub fn prices_command(ctx: &Context, command: PricesCommand) -> Result<Outcome> {
    match command {
        PricesCommand::Refresh(args) => refresh(ctx, &args),
    }
}

fn refresh(ctx: &Context, args: &PricesRefreshArgs) -> Result<Outcome> {
    let current = PriceTable::embedded();
    let mut regions = args.regions.clone();
    if regions.is_empty() {
        regions = current.rows().into_iter().map(|r| r.region).collect();
        regions.sort();
        regions.dedup();
    }
    ctx.messages.status(&format!(
        "asking the AWS Price List API for {} regions…",
        regions.len()
    ));
    let (mut rows, calls) = aws::fetch_prices(args.profile.as_deref(), &regions)?;
    if rows.is_empty() {
        return Err(Error::runtime(
            "the Price List API returned no prices; the table was left unchanged",
        ));
    }
    // Snapshot, public IPv4 and gp3 performance prices are kept from the current table:
    // their Price List products have no stable filter.
    rows.extend(current.rows().into_iter().filter(|r| {
        regions.contains(&r.region)
            && (r.service == "ebs-snapshot"
                || r.service == "ipv4"
                || r.type_name.starts_with("gp3-"))
    }));
    let today = Timestamp::now().date();
    let mut text = format!(
        "# opsguard price table: on-demand list prices in USD, as in rules/cost/prices.csv.\n\
         # source: AWS Price List API (pricing:GetProducts), written by `opsguard cost prices refresh`;\n\
         #   snapshot, public IPv4 and gp3 IOPS/throughput prices kept from the embedded table.\n\
         # date: {today}\n{HEADER}\n"
    );
    let table = PriceTable::parse(
        &{
            let mut body = format!("{HEADER}\n");
            for r in &rows {
                body.push_str(&r.to_csv());
                body.push('\n');
            }
            body
        },
        &args.write,
    )?;
    let rows = table.rows();
    for r in &rows {
        text.push_str(&r.to_csv());
        text.push('\n');
    }
    crate::output::atomic::write(&args.write, text.as_bytes())?;
    let mut report = Report::new("cost prices refresh");
    let mut view = TableView::new(["written", "rows", "regions", "Price List calls"]);
    view.push(vec![
        Cell::plain(crate::paths::display_path(&args.write)),
        Cell::plain(rows.len().to_string()),
        Cell::plain(regions.len().to_string()),
        Cell::plain(calls.to_string()),
    ]);
    report.views.push(view);
    report.extra.insert(
        "written".into(),
        json!({"path": crate::paths::display_path(&args.write), "rows": rows.len(), "regions": regions, "calls": calls}),
    );
    ctx.finish(&report)
}
