//! Offline exports: the JSON `aws ce get-cost-and-usage --output json` prints, one file
//! per query (or a JSON array of its pages), in a directory given as
//! `--source fixture:DIR`. Each file says how it is grouped (`GroupDefinitions`), so the
//! directory answers any query one of its files covers: a file grouped by SERVICE and
//! USAGE_TYPE also answers "usage types of one service". Lets users analyse exports
//! without credentials, and tests and demos run without AWS.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::query::{CostQuery, CostRecord, Dimension, GroupBy};
use super::source::{CostSource, Requests};
use crate::date::Date;
use crate::error::{Error, Result, SourcePos};
use crate::paths::display_path;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Response {
    #[serde(default)]
    group_definitions: Vec<GroupDefinition>,
    #[serde(default)]
    results_by_time: Vec<ResultByTime>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct GroupDefinition {
    #[serde(rename = "Type")]
    kind: String,
    key: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ResultByTime {
    time_period: TimePeriod,
    #[serde(default)]
    total: std::collections::HashMap<String, MetricValue>,
    #[serde(default)]
    groups: Vec<Group>,
    #[serde(default)]
    estimated: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct TimePeriod {
    start: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Group {
    keys: Vec<String>,
    metrics: std::collections::HashMap<String, MetricValue>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct MetricValue {
    amount: String,
    #[serde(default)]
    unit: String,
}

/// One export file, parsed.
struct Export {
    path: PathBuf,
    grouping: Vec<GroupBy>,
    results: Vec<ResultByTime>,
}

pub struct ExportSource {
    dir: PathBuf,
    exports: Vec<Export>,
    /// `cost-forecast*.json`: what `aws ce get-cost-forecast --output json` printed.
    forecast: Option<(PathBuf, f64)>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ForecastResponse {
    total: MetricValue,
}

impl ExportSource {
    pub fn open(dir: &Path) -> Result<ExportSource> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, "read", &e))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            // The fleet export may share the directory (one `fixture:DIR` for every cost
            // command); it is not a Cost Explorer response.
            .filter(|p| p.file_name().is_none_or(|n| n != super::fleet::FLEET_FILE))
            .collect();
        paths.sort();
        let mut exports = Vec::new();
        let mut forecast = None;
        for path in paths {
            let text = crate::input::read_text(&path, crate::input::Named::InConfig)?;
            let shown = display_path(&path);
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("cost-forecast"))
            {
                let parsed: ForecastResponse = serde_json::from_str(&text).map_err(|e| {
                    Error::input(
                        SourcePos::new(&shown, e.line().max(1), Some(e.column().max(1))),
                        "not a Cost Explorer forecast (expected `aws ce get-cost-forecast --output json`)",
                    )
                })?;
                let amount = parsed
                    .total
                    .amount
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|a| a.is_finite() && *a >= 0.0)
                    .ok_or_else(|| {
                        let offset = text.find("\"Amount\"").unwrap_or(0);
                        Error::input(
                            SourcePos::from_offset(&shown, &text, offset),
                            "the forecast total is not a finite, non-negative number",
                        )
                    })?;
                forecast = Some((PathBuf::from(shown), amount));
                continue;
            }
            // Pages as an array, or one response; chosen up front so serde's errors keep
            // their line and column.
            let parsed = if text.trim_start().starts_with('[') {
                serde_json::from_str::<Vec<Response>>(&text)
            } else {
                serde_json::from_str::<Response>(&text).map(|r| vec![r])
            };
            let pages = parsed.map_err(|e| {
                let message = crate::error::serde_message(&e.to_string());
                Error::input(
                    SourcePos::new(&shown, e.line().max(1), Some(e.column().max(1))),
                    format!("not a Cost Explorer export: {message}"),
                )
                .with_hint("expected the output of `aws ce get-cost-and-usage --granularity DAILY … --output json`")
            })?;
            let Some(first) = pages.first() else { continue };
            let grouping = first
                .group_definitions
                .iter()
                .map(|g| match g.kind.as_str() {
                    "TAG" => Ok(GroupBy::Tag(g.key.clone())),
                    _ => Dimension::from_aws(&g.key)
                        .map(GroupBy::Dimension)
                        .ok_or_else(|| {
                            Error::input(
                                SourcePos::new(&shown, 1, None),
                                format!("unsupported grouping `{}`", g.key),
                            )
                        }),
                })
                .collect::<Result<Vec<_>>>()?;
            validate(&text, &pages, &shown)?;
            let results = pages.into_iter().flat_map(|p| p.results_by_time).collect();
            exports.push(Export {
                path: PathBuf::from(shown),
                grouping,
                results,
            });
        }
        if exports.is_empty() {
            return Err(Error::usage(format!(
                "{}: no Cost Explorer exports (*.json)",
                dir.display()
            )));
        }
        Ok(ExportSource {
            dir: dir.to_path_buf(),
            exports,
            forecast,
        })
    }

    /// The last day any export covers.
    pub fn last_date(&self) -> Option<Date> {
        self.exports
            .iter()
            .flat_map(|e| &e.results)
            .filter_map(|r| Date::parse(&r.time_period.start))
            .max()
    }

    fn answer(
        &self,
        export: &Export,
        query: &CostQuery,
        keep: &dyn Fn(&[String]) -> Option<Vec<String>>,
    ) -> Result<Vec<CostRecord>> {
        let metric = query.metric.aws_name();
        let mut records = Vec::new();
        for result in &export.results {
            let Some(date) = Date::parse(&result.time_period.start) else {
                return Err(Error::input(
                    SourcePos::new(&export.path, 1, None),
                    format!(
                        "TimePeriod.Start `{}` is not a date",
                        result.time_period.start
                    ),
                ));
            };
            if date < query.start || date >= query.end {
                continue;
            }
            let groups: Vec<(Vec<String>, &MetricValue)> = if export.grouping.is_empty() {
                result
                    .total
                    .get(metric)
                    .map(|m| (Vec::new(), m))
                    .into_iter()
                    .collect()
            } else {
                result
                    .groups
                    .iter()
                    .filter_map(|g| g.metrics.get(metric).map(|m| (g.keys.clone(), m)))
                    .collect()
            };
            for (keys, value) in groups {
                // Tag groups come back as `key$value` (untagged: `key$`), as from AWS.
                let keys: Vec<String> = keys
                    .iter()
                    .zip(&export.grouping)
                    .map(|(k, by)| match by {
                        GroupBy::Tag(_) => {
                            k.split_once('$').map_or(k.as_str(), |(_, v)| v).to_string()
                        }
                        GroupBy::Dimension(_) => k.clone(),
                    })
                    .collect();
                let Some(keys) = keep(&keys) else { continue };
                let amount = value.amount.parse::<f64>().map_err(|_| {
                    Error::input(
                        SourcePos::new(&export.path, 1, None),
                        format!("amount `{}` is not a number", value.amount),
                    )
                })?;
                records.push(CostRecord {
                    date,
                    keys,
                    amount,
                    unit: value.unit.clone(),
                    estimated: result.estimated,
                });
            }
        }
        Ok(records)
    }
}

impl CostSource for ExportSource {
    fn file_for(&self, group_by: &[GroupBy]) -> Option<String> {
        self.exports
            .iter()
            .find(|e| e.grouping == group_by)
            .or_else(|| {
                self.exports
                    .iter()
                    .find(|e| e.grouping.starts_with(group_by))
            })
            .or(self.exports.first())
            .map(|e| display_path(&e.path))
    }

    fn cost_and_usage(&mut self, query: &CostQuery) -> Result<Vec<CostRecord>> {
        // An export grouped exactly as asked.
        if query.filter.is_none() {
            if let Some(export) = self.exports.iter().find(|e| e.grouping == query.group_by) {
                return self.answer(export, query, &|keys| Some(keys.to_vec()));
            }
        }
        // An export grouped by (filter, grouping): keep the filtered value's rows.
        if let Some((by, value)) = &query.filter {
            let mut wanted = vec![by.clone()];
            wanted.extend(query.group_by.iter().cloned());
            if let Some(export) = self.exports.iter().find(|e| e.grouping == wanted) {
                return self.answer(export, query, &|keys| {
                    (keys.first() == Some(value)).then(|| keys[1..].to_vec())
                });
            }
        }
        // Totals from any export grouped by one thing: the groups add up.
        if query.group_by.is_empty() && query.filter.is_none() {
            if let Some(export) = self.exports.iter().find(|e| e.grouping.len() == 1) {
                let rows = self.answer(export, query, &|_| Some(Vec::new()))?;
                return Ok(sum_by_day(rows));
            }
        }
        let mut wanted: Vec<String> = query.filter.iter().map(|(by, _)| by.label()).collect();
        wanted.extend(query.group_by.iter().map(GroupBy::label));
        Err(Error::usage(format!(
            "{}: no export grouped by {}",
            self.dir.display(),
            if wanted.is_empty() { "nothing (totals)".to_string() } else { wanted.join(" and ") }
        ))
        .with_hint("export it with `aws ce get-cost-and-usage --granularity DAILY --metrics UnblendedCost --group-by … --output json`"))
    }

    fn requests(&self) -> Requests {
        Requests::default()
    }

    /// The exported forecast, whatever period it was made for: offline, the file is the
    /// answer the user saved.
    fn forecast(&mut self, _start: Date, _end: Date, _metric: super::query::Metric) -> Result<f64> {
        self.forecast
            .as_ref()
            .map(|(_, amount)| *amount)
            .ok_or_else(|| {
                Error::usage(format!(
                    "{}: no forecast export (cost-forecast.json)",
                    self.dir.display()
                ))
            })
    }
}

fn sum_by_day(rows: Vec<CostRecord>) -> Vec<CostRecord> {
    let mut out: Vec<CostRecord> = Vec::new();
    for row in rows {
        match out.iter_mut().find(|r| r.date == row.date) {
            Some(existing) => {
                existing.amount += row.amount;
                existing.estimated |= row.estimated;
            }
            None => out.push(row),
        }
    }
    out
}

/// Refuses what would make a wrong verdict: a day listed twice for the same group (summed,
/// it is a false level shift), days out of order within a page, and amounts that are not
/// finite, non-negative numbers (`NaN` compares false with every threshold, so it would
/// pass them all). Errors point at the line of the offending `Start` or `Amount`.
fn validate(text: &str, pages: &[Response], shown: &str) -> Result<()> {
    let mut starts = text.match_indices("\"Start\"").map(|(i, _)| i);
    let mut seen: std::collections::HashSet<(Date, Vec<String>)> = std::collections::HashSet::new();
    let at = |offset: usize| SourcePos::from_offset(shown, text, offset);
    for page in pages {
        let mut previous: Option<Date> = None;
        for result in &page.results_by_time {
            let offset = starts.next().unwrap_or(0);
            let Some(date) = Date::parse(&result.time_period.start) else {
                return Err(Error::input(at(offset), "TimePeriod.Start is not a date"));
            };
            if previous.is_some_and(|p| date < p) {
                return Err(Error::input(
                    at(offset),
                    format!(
                        "day {date} comes after a later day; Cost Explorer lists days in order"
                    ),
                ));
            }
            previous = Some(date);
            let groups: Vec<&Vec<String>> = if result.groups.is_empty() {
                vec![&NO_GROUP]
            } else {
                result.groups.iter().map(|g| &g.keys).collect()
            };
            for keys in groups {
                if !seen.insert((date, keys.clone())) {
                    let which = if keys.is_empty() {
                        String::new()
                    } else {
                        format!(" for `{}`", keys.join(", "))
                    };
                    return Err(Error::input(
                        at(offset),
                        format!("day {date} is listed twice{which}; summing the copies would look like a jump in spend"),
                    ));
                }
            }
            let amounts = result
                .total
                .values()
                .chain(result.groups.iter().flat_map(|g| g.metrics.values()));
            for metric in amounts {
                let fine = metric
                    .amount
                    .trim()
                    .parse::<f64>()
                    .is_ok_and(|a| a.is_finite() && a >= 0.0);
                if !fine {
                    let needle = format!("\"{}\"", metric.amount);
                    let line_offset = text[offset..].find(&needle).map_or(offset, |i| offset + i);
                    return Err(Error::input(
                        at(line_offset),
                        format!("the amount for {date} is not a finite, non-negative number"),
                    )
                    .with_hint("export usage cost without credits and refunds (filter on RECORD_TYPE), as `aws ce get-cost-and-usage` writes it"));
                }
            }
        }
    }
    Ok(())
}

static NO_GROUP: Vec<String> = Vec::new();
