//! The adapters a setting names: Cost Explorer (cached) or an export directory for the
//! bill, EC2/RDS/CloudWatch or a fleet export for the fleet, and the Price List API. The
//! only part of the cost domain besides `aws` that touches the network or the disk.

use std::path::Path;

use super::aws::{self, AwsSource, RegionChoice};
use super::cache::{self, CachedSource};
use super::config::SourceChoice;
use super::export::ExportSource;
use super::fleet::{Calls, Fleet, Window, FLEET_FILE, FLEET_VERSION};
use super::prices::{PriceRow, PriceTable, HEADER};
use super::run::ReadFleet;
use super::settings::{FleetSettings, Regions, SourceSettings};
use super::source::CostSource;
use crate::date::Date;
use crate::error::{Error, Result, SourcePos};
use crate::report::{Cell, Report, TableView};
use crate::timestamp::Timestamp;

/// The bill's source and the last day to look at (`--until`, else the source's last
/// complete day).
pub fn bill(s: &SourceSettings) -> Result<(Box<dyn CostSource>, Date)> {
    let (source, last_day): (Box<dyn CostSource>, Option<Date>) = match &s.choice {
        SourceChoice::Aws => {
            let aws = AwsSource::connect(s.profile.as_deref(), s.region.as_deref())?;
            let today = Date::today_utc();
            let source: Box<dyn CostSource> = match cache::default_dir().filter(|_| s.cache) {
                Some(dir) => {
                    let endpoint =
                        std::env::var("AWS_ENDPOINT_URL").unwrap_or_else(|_| "aws".into());
                    let scope = format!(
                        "{endpoint} {} {}",
                        s.profile.as_deref().unwrap_or(""),
                        s.region.as_deref().unwrap_or("")
                    );
                    Box::new(CachedSource::new(aws, &dir, &scope, today))
                }
                None => Box::new(aws),
            };
            (source, Some(today))
        }
        SourceChoice::Fixture(dir) => {
            let export = ExportSource::open(dir)?;
            let last = export.last_date();
            (Box::new(export), last)
        }
    };
    let source: Box<dyn CostSource> = if s.organization {
        let names = aws::organization_names(s.profile.as_deref())?;
        Box::new(super::accounts::NamedAccounts::new(source, names))
    } else {
        source
    };
    let until = match s.until.or(last_day) {
        Some(day) => day,
        None => {
            return Err(Error::usage(format!(
                "{}: the exports hold no days",
                match &s.choice {
                    SourceChoice::Aws => "aws".to_string(),
                    SourceChoice::Fixture(dir) =>
                        format!("fixture:{}", crate::paths::display_path(dir)),
                }
            )))
        }
    };
    Ok((source, until))
}

/// The fleet from AWS or from an export, judged as of `--now` (else now, or the export's
/// end); written to `--export DIR` when asked.
pub fn fleet(s: &FleetSettings, status: &dyn Fn(&str)) -> Result<ReadFleet> {
    let mut thresholds = s.thresholds.clone();
    let mut warnings = Vec::new();
    let (fleet, now, calls) = match &s.choice {
        SourceChoice::Aws => {
            // The window ends on a five-minute boundary so its slots line up with
            // CloudWatch's.
            let now = s.now.unwrap_or_else(|| {
                let t = Timestamp::now().secs();
                Timestamp(t - t.rem_euclid(300))
            });
            let window = Window {
                start: Timestamp(now.secs() - i64::from(thresholds.lookback_days) * 86_400),
                end: now,
            };
            let regions = match &s.regions {
                Regions::All => RegionChoice::All,
                Regions::Listed(list) => RegionChoice::Listed(list.clone()),
                Regions::Configured => RegionChoice::Configured,
            };
            status(&format!(
                "reading EC2, RDS, ECS and CloudWatch ({} days of metrics)…",
                thresholds.lookback_days
            ));
            let (fleet, calls) = aws::gather(s.profile.as_deref(), regions, window, &s.reach)?;
            (fleet, now, calls)
        }
        SourceChoice::Fixture(dir) => {
            let mut fleet = read_fleet(&dir.join(FLEET_FILE))?;
            // An export's metrics cover the window it was read with, whatever is asked now.
            let days = (fleet.window.end.secs() - fleet.window.start.secs()) / 86_400;
            if s.lookback_days.is_some_and(|d| i64::from(d) != days) {
                warnings.push(format!(
                    "--lookback-days is ignored for an export: its metrics cover {days} days"
                ));
            }
            thresholds.lookback_days = u32::try_from(days.max(1)).unwrap_or(14);
            if let Regions::Listed(list) = &s.regions {
                fleet.retain_regions(list);
            }
            let now = s.now.unwrap_or(fleet.window.end);
            (fleet, now, Calls::default())
        }
    };
    if let Some(dir) = &s.export {
        write_fleet(dir, &fleet)?;
    }
    Ok(ReadFleet {
        fleet,
        now,
        thresholds,
        calls,
        warnings,
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

/// What `cost prices refresh` wrote.
pub struct RefreshOutcome {
    pub written: String,
    pub rows: usize,
    pub regions: Vec<String>,
    pub calls: u64,
}

/// Asks the Price List API for `regions` (default: the current table's) and writes the
/// table to `write`, keeping the prices the API has no stable filter for.
pub fn refresh_prices(
    profile: Option<&str>,
    regions: &[String],
    write: &Path,
    status: &dyn Fn(&str),
) -> Result<RefreshOutcome> {
    let current = PriceTable::embedded();
    let mut regions = regions.to_vec();
    if regions.is_empty() {
        regions = current.rows().into_iter().map(|r| r.region).collect();
        regions.sort();
        regions.dedup();
    }
    status(&format!(
        "asking the AWS Price List API for {} regions…",
        regions.len()
    ));
    let (mut rows, calls) = aws::fetch_prices(profile, &regions)?;
    if rows.is_empty() {
        return Err(Error::runtime(
            "the Price List API returned no prices; the table was left unchanged",
        ));
    }
    // Snapshot, public IPv4 and gp3 performance prices are kept from the current table:
    // their Price List products have no stable filter.
    // Fargate rows the API did not give (a region without Fargate, say) are kept too.
    let priced: std::collections::HashSet<(String, String, String)> = rows
        .iter()
        .map(|r| (r.service.clone(), r.region.clone(), r.type_name.clone()))
        .collect();
    rows.extend(current.rows().into_iter().filter(|r| {
        regions.contains(&r.region)
            && (r.service == "ebs-snapshot"
                || r.service == "ipv4"
                || r.type_name.starts_with("gp3-")
                || (r.service == "fargate"
                    && !priced.contains(&(
                        r.service.clone(),
                        r.region.clone(),
                        r.type_name.clone(),
                    ))))
    }));
    let csv = |rows: &[PriceRow]| {
        rows.iter()
            .map(|r| format!("{}\n", r.to_csv()))
            .collect::<String>()
    };
    let table = PriceTable::parse(&format!("{HEADER}\n{}", csv(&rows)), write)?;
    let rows = table.rows();
    let today = Timestamp::now().date();
    let text = format!(
        "# opsguard price table: on-demand list prices in USD, as in rules/cost/prices.csv.\n\
         # source: AWS Price List API (pricing:GetProducts), written by `opsguard cost prices refresh`;\n\
         #   snapshot, public IPv4 and gp3 IOPS/throughput prices kept from the embedded table.\n\
         # date: {today}\n{HEADER}\n{}",
        csv(&rows)
    );
    crate::output::atomic::write(write, text.as_bytes())?;
    Ok(RefreshOutcome {
        written: crate::paths::display_path(write),
        rows: rows.len(),
        regions,
        calls,
    })
}

impl RefreshOutcome {
    pub fn report(&self) -> Report {
        let mut report = Report::new("cost prices refresh");
        let mut view = TableView::new(["written", "rows", "regions", "Price List calls"]);
        view.push(vec![
            Cell::plain(&self.written),
            Cell::plain(self.rows.to_string()),
            Cell::plain(self.regions.len().to_string()),
            Cell::plain(self.calls.to_string()),
        ]);
        report.views.push(view);
        report.extra.insert(
            "written".into(),
            serde_json::json!({"path": self.written, "rows": self.rows, "regions": self.regions, "calls": self.calls}),
        );
        report
    }
}
