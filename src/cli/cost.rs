//! `opsguard cost anomalies | budget`.

use super::args::{
    CostAnomaliesArgs, CostBudgetArgs, CostCommand, CostReportArgs, CostSourceArgs, CostTagsArgs,
    ForecastKind,
};
use super::{Context, Outcome};
use crate::config::LoadedConfig;
use crate::cost::anomaly::{detect_and_expect, detect_total, Outcome as Analysis, Settings};
use crate::cost::aws::AwsSource;
use crate::cost::budget::project;
use crate::cost::cache::{self, CachedSource};
use crate::cost::config::CostConfig;
use crate::cost::diagnostics::{self, Found};
use crate::cost::export::ExportSource;
use crate::cost::query::{CostQuery, Dimension, GroupBy, Metric};
use crate::cost::root_cause::{causes, Cause};
use crate::cost::series;
use crate::cost::source::CostSource;
use crate::date::Date;
use crate::error::{Error, ErrorKind, Result};

/// The key of the whole bill's series.
const TOTAL: &str = "Total";

pub fn run(ctx: &Context, command: CostCommand) -> Result<Outcome> {
    match command {
        CostCommand::Anomalies(args) => anomalies(ctx, &args),
        CostCommand::Budget(args) => budget(ctx, &args),
        CostCommand::Tags(args) => tags(ctx, &args),
        CostCommand::Report(args) => report(ctx, &args),
        CostCommand::Rightsize(args) => super::cost_fleet::rightsize_command(ctx, &args),
        CostCommand::Idle(args) => super::cost_fleet::idle_command(ctx, &args),
        CostCommand::Prices(command) => super::cost_fleet::prices_command(ctx, command),
    }
}

/// A cost source and the settings around it, from the flags and `[cost]`.
struct Opened {
    source: Box<dyn CostSource>,
    config: CostConfig,
    metric: Metric,
    /// The last day to look at.
    until: Date,
}

fn open_source(ctx: &Context, args: &CostSourceArgs) -> Result<Opened> {
    let (loaded, config) = cost_config(ctx)?;
    let source_name = args
        .source
        .clone()
        .or(config.source.clone())
        .unwrap_or_else(|| "aws".into());
    let profile = args.profile.clone().or(config.profile.clone());
    let region = args.region.clone().or(config.region.clone());
    let (source, last_day): (Box<dyn CostSource>, Option<Date>) = match source_name.as_str() {
        "aws" => {
            let aws = AwsSource::connect(profile.as_deref(), region.as_deref())?;
            let today = Date::today_utc();
            let source: Box<dyn CostSource> = match cache::default_dir().filter(|_| !args.no_cache)
            {
                Some(dir) => {
                    let endpoint =
                        std::env::var("AWS_ENDPOINT_URL").unwrap_or_else(|_| "aws".into());
                    let scope = format!(
                        "{endpoint} {} {}",
                        profile.as_deref().unwrap_or(""),
                        region.as_deref().unwrap_or("")
                    );
                    Box::new(CachedSource::new(aws, &dir, &scope, today))
                }
                None => Box::new(aws),
            };
            (source, Some(today))
        }
        other => {
            let dir = fixture_dir(other, args.source.is_some(), loaded.as_ref())?;
            let export = ExportSource::open(&dir)?;
            let last = export.last_date();
            (Box::new(export), last)
        }
    };
    let metric = Metric::parse(&args.metric).ok_or_else(|| {
        Error::usage(format!(
            "--metric `{}`: expected unblended, amortized or net-unblended",
            args.metric
        ))
    })?;
    let until = match &args.until {
        Some(text) => Date::parse(text)
            .ok_or_else(|| Error::usage(format!("--until `{text}` is not a date (YYYY-MM-DD)")))?,
        None => last_day
            .ok_or_else(|| Error::usage(format!("{source_name}: the exports hold no days")))?,
    };
    Ok(Opened {
        source,
        config,
        metric,
        until,
    })
}

fn anomalies(ctx: &Context, args: &CostAnomaliesArgs) -> Result<Outcome> {
    let Opened {
        mut source,
        config,
        metric,
        until,
    } = open_source(ctx, &args.from)?;
    let group = group_from(args.group_by.as_deref(), &config)?;
    let recent = args.recent.or(config.recent).unwrap_or(7);
    let error_impact = args.error_impact.or(config.error_impact).unwrap_or(1000.0);
    let defaults = Settings::default();
    let min_impact = args
        .min_impact
        .or(config.min_impact)
        .unwrap_or(defaults.min_impact);
    let min_percent = args
        .min_percent
        .or(config.min_percent)
        .unwrap_or(defaults.min_percent);
    let end = Date::from_days_since_epoch(until.days_since_epoch() + 1);
    let start = Date::from_days_since_epoch(end.days_since_epoch() - i64::from(args.days));
    let records = source.cost_and_usage(&CostQuery {
        start,
        end,
        metric,
        group_by: vec![group.clone()],
        filter: None,
    })?;
    if records.is_empty() {
        // A scheduled job must fail loudly: no data is not "no anomalies".
        return Err(no_costs(start, until));
    }
    let settings = Settings {
        min_impact,
        min_percent,
        ..defaults
    };
    let from = (recent > 0)
        .then(|| Date::from_days_since_epoch(end.days_since_epoch() - i64::from(recent)));
    let mut warnings = Vec::new();
    let mut found = Vec::new();
    // Anomalies before the recent window that are over: counted, listed only on request.
    let mut earlier = 0;
    let all = series::daily(&records, start, end);
    // The bill as a whole: a jump spread over several groups may hide in each of them.
    let total = series::total(&all);
    // Every day is judged: a level shift that began before the recent window and still
    // holds is reported whatever `--recent` says. The groups first: the total is judged
    // against the sum of their expectations.
    let mut total_expected = vec![0.0; total.len()];
    let mut analysed = Vec::new();
    for (key, days) in all {
        let (analysis, expected) = detect_and_expect(&days, &settings, None);
        for (sum, e) in total_expected.iter_mut().zip(expected) {
            *sum += e;
        }
        analysed.push((key, days, analysis));
    }
    let total_analysis = detect_total(&total, &total_expected, &settings, None);
    for (key, days, analysis) in
        std::iter::once((TOTAL.to_string(), total, total_analysis)).chain(analysed)
    {
        match analysis {
            Analysis::Analysed(list) => {
                for anomaly in list {
                    let at = (anomaly.date.days_since_epoch() - days[0].date.days_since_epoch())
                        as usize;
                    let trend = days[at.saturating_sub(13)..=at]
                        .iter()
                        .map(|d| d.amount)
                        .collect();
                    found.push(Found {
                        trend,
                        group: if key == TOTAL {
                            "total".to_string()
                        } else {
                            group.label()
                        },
                        key: key.clone(),
                        anomaly,
                        causes: Vec::new(),
                        share_of_total: None,
                    });
                }
            }
            Analysis::TooShort { days } => warnings.push(format!(
                "{} `{key}`: {days} complete days of history, 15 needed; not analysed",
                group.label()
            )),
        }
    }
    diagnostics::fold_total(&mut found, TOTAL);
    found.retain(|f| {
        let listed = from.is_none_or(|from| f.anomaly.date >= from) || f.anomaly.ongoing.is_some();
        if !listed {
            earlier += 1;
        }
        listed
    });
    for f in &mut found {
        f.causes = if f.key == TOTAL {
            causes(&group.label(), &records, f.anomaly.date, 5)
        } else {
            root_causes(
                source.as_mut(),
                &group,
                &f.key,
                f.anomaly.date,
                metric,
                &mut warnings,
            )?
        };
    }
    // Newest first; within a day the whole bill first, then the largest impact.
    found.sort_by(|a, b| {
        (b.anomaly.date, a.key != TOTAL)
            .cmp(&(a.anomaly.date, b.key != TOTAL))
            .then(b.anomaly.impact.total_cmp(&a.anomaly.impact))
    });
    warnings.extend(source.take_warnings());
    let mut report = diagnostics::report(
        &group.label(),
        &found,
        source.requests(),
        error_impact,
        warnings,
    );
    diagnostics::count_earlier(&mut report, earlier, recent);
    ctx.finish(&report)
}

/// The other dimensions' values that added most on `day`, from one query each.
fn root_causes(
    source: &mut dyn CostSource,
    group: &GroupBy,
    key: &str,
    day: Date,
    metric: Metric,
    warnings: &mut Vec<String>,
) -> Result<Vec<Cause>> {
    let dimensions = [
        Dimension::UsageType,
        Dimension::Region,
        Dimension::LinkedAccount,
    ];
    let mut all = Vec::new();
    for dimension in dimensions {
        if *group == GroupBy::Dimension(dimension) {
            continue;
        }
        let query = CostQuery {
            start: Date::from_days_since_epoch(day.days_since_epoch() - 28),
            end: Date::from_days_since_epoch(day.days_since_epoch() + 1),
            metric,
            group_by: vec![GroupBy::Dimension(dimension)],
            filter: Some((group.clone(), key.to_string())),
        };
        match source.cost_and_usage(&query) {
            Ok(records) => all.extend(causes(dimension.label(), &records, day, 3)),
            // An offline export directory may not hold this breakdown: say so once.
            Err(e) if e.kind() == ErrorKind::Usage => {
                let note = format!(
                    "no {} breakdown for root causes: {}",
                    dimension.label(),
                    e.message()
                );
                if !warnings.contains(&note) {
                    warnings.push(note);
                }
            }
            Err(e) => return Err(e),
        }
    }
    all.sort_by(|a, b| b.contribution.total_cmp(&a.contribution));
    all.truncate(5);
    Ok(all)
}

fn budget(ctx: &Context, args: &CostBudgetArgs) -> Result<Outcome> {
    if args.limit.is_nan() || args.limit <= 0.0 {
        return Err(Error::usage("--limit must be a positive number of dollars"));
    }
    let Opened {
        mut source,
        metric,
        until,
        ..
    } = open_source(ctx, &args.from)?;
    // The month holding the day after the last complete one.
    let today = Date::from_days_since_epoch(until.days_since_epoch() + 1);
    let month_start = Date::new(today.year, today.month, 1).expect("the first exists");
    let start = Date::from_days_since_epoch(
        month_start
            .days_since_epoch()
            .min(today.days_since_epoch() - 28)
            - 7,
    );
    let records = source.cost_and_usage(&CostQuery {
        start,
        end: today,
        metric,
        group_by: Vec::new(),
        filter: None,
    })?;
    if records.is_empty() {
        return Err(no_costs(start, until));
    }
    let history = series::total(&series::daily(&records, start, today));
    let month_end = if today.month == 12 {
        Date::new(today.year + 1, 1, 1)
    } else {
        Date::new(today.year, today.month + 1, 1)
    }
    .expect("the first exists");
    let mut warnings = Vec::new();
    let (forecast, forecast_source) = match args.forecast {
        ForecastKind::RunRate => (None, "run-rate"),
        ForecastKind::Aws => match source.forecast(today, month_end, metric) {
            Ok(total) => (Some(total), "aws"),
            Err(e) => {
                // Never pretend the AWS forecast was used.
                warnings.push(format!(
                    "the AWS forecast failed ({}); projected from the run rate instead",
                    e.message()
                ));
                (None, "run-rate")
            }
        },
    };
    warnings.extend(source.take_warnings());
    let projection = project(&history, today, args.limit, forecast);
    ctx.finish(&diagnostics::budget_report(
        &projection,
        args.limit,
        forecast_source,
        source.requests(),
        warnings,
    ))
}

fn tags(ctx: &Context, args: &CostTagsArgs) -> Result<Outcome> {
    let Opened {
        mut source,
        metric,
        until,
        ..
    } = open_source(ctx, &args.from)?;
    let end = Date::from_days_since_epoch(until.days_since_epoch() + 1);
    let start = Date::from_days_since_epoch(end.days_since_epoch() - i64::from(args.days));
    let mut coverages = Vec::new();
    for key in args
        .require
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
    {
        // One query a tag: spend by tag value and service.
        let records = source.cost_and_usage(&CostQuery {
            start,
            end,
            metric,
            group_by: vec![
                GroupBy::Tag(key.to_string()),
                GroupBy::Dimension(Dimension::Service),
            ],
            filter: None,
        })?;
        coverages.push(crate::cost::tags::coverage(key, &records, 5));
    }
    if coverages.iter().all(|c| c.total == 0.0) {
        return Err(no_costs(start, until));
    }
    let mut warnings = source.take_warnings();
    warnings.retain(|w| !w.is_empty());
    let report = diagnostics::tags_report(
        &coverages,
        args.max_untagged,
        start,
        until,
        source.requests(),
        warnings,
    );
    ctx.finish(&report)
}

fn report(ctx: &Context, args: &CostReportArgs) -> Result<Outcome> {
    let Opened {
        mut source,
        config,
        metric,
        until,
    } = open_source(ctx, &args.from)?;
    let group = group_from(args.group_by.as_deref(), &config)?;
    let (start, end) = match &args.month {
        Some(text) => {
            let first = Date::parse(&format!("{text}-01")).ok_or_else(|| {
                Error::usage(format!("--month `{text}` is not a month (YYYY-MM)"))
            })?;
            let (_, next) = crate::cost::summary::last_month(Date::from_days_since_epoch(
                first.days_since_epoch() + 40,
            ));
            let last = Date::from_days_since_epoch(next.days_since_epoch() - 1);
            (first, last.min(until))
        }
        None => (
            Date::from_days_since_epoch(until.days_since_epoch() - i64::from(args.days) + 1),
            until,
        ),
    };
    if start > end {
        return Err(Error::usage(format!(
            "the period starts after {until}, the last day with data"
        )));
    }
    // One query covers the period, the one before it, and last month.
    let len = end.days_since_epoch() - start.days_since_epoch() + 1;
    let (last_month_start, _) = crate::cost::summary::last_month(end);
    let from = Date::from_days_since_epoch(
        (start.days_since_epoch() - len).min(last_month_start.days_since_epoch()),
    );
    let records = source.cost_and_usage(&CostQuery {
        start: from,
        end: Date::from_days_since_epoch(end.days_since_epoch() + 1),
        metric,
        group_by: vec![group.clone()],
        filter: None,
    })?;
    if records.is_empty() {
        return Err(no_costs(from, end));
    }
    let summary = crate::cost::summary::summarise(&records, start, end);
    let warnings = source.take_warnings();
    ctx.finish(&diagnostics::spend_report(
        &summary,
        &group.label(),
        source.requests(),
        warnings,
    ))
}

/// `opsguard.toml` (if any) and its `[cost]` section.
pub(super) fn cost_config(ctx: &Context) -> Result<(Option<LoadedConfig>, CostConfig)> {
    let loaded = ctx.config()?;
    let config = loaded
        .as_ref()
        .map(|l| l.config.cost.clone())
        .unwrap_or_default();
    Ok((loaded, config))
}

/// The directory of a `fixture:DIR` source; from opsguard.toml, relative to that file.
pub(super) fn fixture_dir(
    source: &str,
    from_flag: bool,
    loaded: Option<&LoadedConfig>,
) -> Result<std::path::PathBuf> {
    let dir = source
        .strip_prefix("fixture:")
        .ok_or_else(|| Error::usage(format!("--source `{source}`: expected aws or fixture:DIR")))?;
    Ok(match loaded {
        Some(l) if !from_flag => l.resolve(dir),
        _ => std::path::PathBuf::from(dir),
    })
}

/// `--group-by`, else `[cost] group_by`, else by service.
fn group_from(flag: Option<&str>, config: &CostConfig) -> Result<GroupBy> {
    let text = flag.or(config.group_by.as_deref()).unwrap_or("service");
    GroupBy::parse(text).ok_or_else(|| {
        Error::usage(format!(
            "--group-by `{text}`: expected service, account, region, usage-type or tag:KEY"
        ))
    })
}

/// A scheduled job must fail loudly: no data is never "nothing to report".
fn no_costs(start: Date, end: Date) -> Error {
    Error::runtime(format!(
        "Cost Explorer returned no costs for {start} to {end}"
    ))
    .with_hint(
        "check the account and dates; Cost Explorer needs up to 24 hours after it is enabled",
    )
}
