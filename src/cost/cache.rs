//! A local cache of Cost Explorer answers, because every page costs $0.01. Keyed by the
//! exact query (endpoint, profile, metric, groupings, filter), one file per key, one entry
//! per day. A complete day is kept forever; a day still `Estimated` or younger than 48
//! hours is fetched again, but at most once per UTC day, so a second run the same day
//! costs nothing. Only the span of days that need fetching is asked for. A file that
//! cannot be read is discarded with a warning, never trusted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::query::{CostQuery, CostRecord, GroupBy};
use super::source::{CostSource, Requests};
use crate::date::Date;
use crate::error::Result;
use crate::report::content_hash;

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    version: u32,
    query: String,
    days: BTreeMap<String, CachedDay>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedDay {
    /// The UTC day it was fetched.
    fetched: String,
    estimated: bool,
    rows: Vec<Row>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CachedForecast {
    fetched: String,
    amount: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Row {
    keys: Vec<String>,
    amount: f64,
    unit: String,
}

pub struct CachedSource<S> {
    inner: S,
    dir: PathBuf,
    /// What else makes two identical queries different: the endpoint and the profile.
    scope: String,
    today: Date,
    cached: u64,
    warnings: Vec<String>,
}

impl<S: CostSource> CachedSource<S> {
    pub fn new(inner: S, dir: &Path, scope: &str, today: Date) -> Self {
        CachedSource {
            inner,
            dir: dir.to_path_buf(),
            scope: scope.to_string(),
            today,
            cached: 0,
            warnings: Vec::new(),
        }
    }

    fn describe(&self, query: &CostQuery) -> String {
        let groups: Vec<String> = query.group_by.iter().map(GroupBy::label).collect();
        let filter = query
            .filter
            .as_ref()
            .map(|(by, value)| format!("{}={value}", by.label()))
            .unwrap_or_default();
        format!(
            "{} {} by [{}] where [{}]",
            self.scope,
            query.metric.aws_name(),
            groups.join(","),
            filter
        )
    }

    fn load(&mut self, path: &Path) -> File {
        let Ok(text) = std::fs::read_to_string(path) else {
            return File::default();
        };
        match serde_json::from_str::<File>(&text) {
            Ok(file) if file.version == 1 => file,
            _ => {
                self.warnings.push(format!(
                    "discarded a damaged cache entry {}",
                    crate::paths::display_path(path)
                ));
                let _ = std::fs::remove_file(path);
                File::default()
            }
        }
    }

    /// Writes an entry atomically; a cache that cannot be written is a warning, not a
    /// failure of the run.
    fn store(&mut self, path: &Path, text: &str) {
        let written = std::fs::create_dir_all(&self.dir)
            .map_err(crate::error::Error::from)
            .and_then(|_| crate::output::atomic::write(path, text.as_bytes()));
        if let Err(e) = written {
            self.warnings
                .push(format!("could not update the cache: {e}"));
        }
    }

    /// Whether a cached day must be asked for again.
    fn stale(&self, date: Date, day: Option<&CachedDay>) -> bool {
        let Some(day) = day else { return true };
        let recent = self.today.days_since_epoch() - date.days_since_epoch() <= 2;
        (day.estimated || recent) && day.fetched != self.today.to_string()
    }
}

impl<S: CostSource> CostSource for CachedSource<S> {
    fn cost_and_usage(&mut self, query: &CostQuery) -> Result<Vec<CostRecord>> {
        let description = self.describe(query);
        let path = self
            .dir
            .join(format!("{}.json", &content_hash(&[&description])[..24]));
        let mut file = self.load(&path);
        file.version = 1;
        file.query = description;
        let days: Vec<Date> = (query.start.days_since_epoch()..query.end.days_since_epoch())
            .map(Date::from_days_since_epoch)
            .collect();
        let stale: Vec<Date> = days
            .iter()
            .copied()
            .filter(|d| self.stale(*d, file.days.get(&d.to_string())))
            .collect();
        if let (Some(first), Some(last)) = (stale.first(), stale.last()) {
            let span = CostQuery {
                start: *first,
                end: last.plus_days(1),
                ..query.clone()
            };
            let fetched = self.inner.cost_and_usage(&span)?;
            for d in first.days_since_epoch()..=last.days_since_epoch() {
                let date = Date::from_days_since_epoch(d);
                let rows: Vec<&CostRecord> = fetched.iter().filter(|r| r.date == date).collect();
                file.days.insert(
                    date.to_string(),
                    CachedDay {
                        fetched: self.today.to_string(),
                        estimated: rows.iter().any(|r| r.estimated),
                        rows: rows
                            .iter()
                            .map(|r| Row {
                                keys: r.keys.clone(),
                                amount: r.amount,
                                unit: r.unit.clone(),
                            })
                            .collect(),
                    },
                );
            }
            let text = serde_json::to_string(&file).unwrap_or_default();
            self.store(&path, &text);
        } else {
            self.cached += 1;
        }
        Ok(days
            .iter()
            .filter_map(|d| file.days.get(&d.to_string()).map(|day| (d, day)))
            .flat_map(|(date, day)| {
                day.rows.iter().map(move |row| CostRecord {
                    date: *date,
                    keys: row.keys.clone(),
                    amount: row.amount,
                    unit: row.unit.clone(),
                    estimated: day.estimated,
                })
            })
            .collect())
    }

    /// A forecast changes daily: one fetched today is reused today, never after.
    fn forecast(&mut self, start: Date, end: Date, metric: super::query::Metric) -> Result<f64> {
        let key = format!(
            "{} forecast {} {start} {end}",
            self.scope,
            metric.aws_name()
        );
        let path = self
            .dir
            .join(format!("{}.json", &content_hash(&[&key])[..24]));
        let today = self.today.to_string();
        if let Ok(text) = std::fs::read_to_string(&path) {
            match serde_json::from_str::<CachedForecast>(&text) {
                Ok(cached) if cached.fetched == today => {
                    self.cached += 1;
                    return Ok(cached.amount);
                }
                Ok(_) => {}
                Err(_) => self.warnings.push(format!(
                    "discarded a damaged cache entry {}",
                    crate::paths::display_path(&path)
                )),
            }
        }
        let amount = self.inner.forecast(start, end, metric)?;
        let text = serde_json::to_string(&CachedForecast {
            fetched: today,
            amount,
        })
        .unwrap_or_default();
        self.store(&path, &text);
        Ok(amount)
    }

    fn requests(&self) -> Requests {
        Requests {
            paid: self.inner.requests().paid,
            cached: self.cached,
        }
    }

    fn take_warnings(&mut self) -> Vec<String> {
        let mut warnings = std::mem::take(&mut self.warnings);
        warnings.extend(self.inner.take_warnings());
        warnings
    }
}

/// `OPSGUARD_CACHE_DIR`, else `$XDG_CACHE_HOME/opsguard`, else `~/.cache/opsguard`; with
/// `cost-explorer` below it.
pub fn default_dir() -> Option<PathBuf> {
    let base = std::env::var_os("OPSGUARD_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XDG_CACHE_HOME").map(|x| PathBuf::from(x).join("opsguard")))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/opsguard")))?;
    Some(base.join("cost-explorer"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::query::{Dimension, Metric};

    /// A source that answers every day with one row and counts what it was asked.
    struct Counting {
        asked: Vec<(Date, Date)>,
        estimated_from: Option<Date>,
    }

    impl CostSource for Counting {
        fn cost_and_usage(&mut self, q: &CostQuery) -> Result<Vec<CostRecord>> {
            self.asked.push((q.start, q.end));
            Ok((q.start.days_since_epoch()..q.end.days_since_epoch())
                .map(|d| {
                    let date = Date::from_days_since_epoch(d);
                    CostRecord {
                        date,
                        keys: vec!["svc".into()],
                        amount: 1.0,
                        unit: "USD".into(),
                        estimated: self.estimated_from.is_some_and(|e| date >= e),
                    }
                })
                .collect())
        }
        fn requests(&self) -> Requests {
            Requests {
                paid: self.asked.len() as u64,
                cached: 0,
            }
        }
    }

    fn query(start: &str, end: &str) -> CostQuery {
        CostQuery {
            start: Date::parse(start).unwrap(),
            end: Date::parse(end).unwrap(),
            metric: Metric::Unblended,
            group_by: vec![GroupBy::Dimension(Dimension::Service)],
            filter: None,
        }
    }

    #[test]
    fn complete_days_are_kept_and_only_the_missing_span_is_fetched() {
        let dir = tempfile::tempdir().unwrap();
        let today = Date::parse("2026-11-30").unwrap();
        let inner = Counting {
            asked: vec![],
            estimated_from: None,
        };
        let mut cached = CachedSource::new(inner, dir.path(), "aws", today);
        assert_eq!(
            cached
                .cost_and_usage(&query("2026-10-01", "2026-10-11"))
                .unwrap()
                .len(),
            10
        );
        assert_eq!(
            cached
                .cost_and_usage(&query("2026-10-01", "2026-10-11"))
                .unwrap()
                .len(),
            10
        );
        assert_eq!(cached.requests(), Requests { paid: 1, cached: 1 });
        // A wider window asks only for the new days.
        cached
            .cost_and_usage(&query("2026-10-01", "2026-10-15"))
            .unwrap();
        assert_eq!(
            cached.inner.asked.last().unwrap(),
            &(
                Date::parse("2026-10-11").unwrap(),
                Date::parse("2026-10-15").unwrap()
            )
        );
    }

    #[test]
    fn estimated_and_recent_days_are_fetched_again_on_a_later_day_only() {
        let dir = tempfile::tempdir().unwrap();
        let day1 = Date::parse("2026-11-30").unwrap();
        let inner = Counting {
            asked: vec![],
            estimated_from: Date::parse("2026-11-29"),
        };
        let mut first = CachedSource::new(inner, dir.path(), "aws", day1);
        first
            .cost_and_usage(&query("2026-11-20", "2026-12-01"))
            .unwrap();
        first
            .cost_and_usage(&query("2026-11-20", "2026-12-01"))
            .unwrap();
        assert_eq!(
            first.requests().paid,
            1,
            "the same UTC day costs nothing more"
        );
        let inner = Counting {
            asked: vec![],
            estimated_from: None,
        };
        let mut next_day =
            CachedSource::new(inner, dir.path(), "aws", Date::parse("2026-12-01").unwrap());
        next_day
            .cost_and_usage(&query("2026-11-20", "2026-12-01"))
            .unwrap();
        assert_eq!(
            next_day.inner.asked,
            [(
                Date::parse("2026-11-29").unwrap(),
                Date::parse("2026-12-01").unwrap()
            )],
            "only the estimated days and those within 48 hours"
        );
    }

    #[test]
    fn a_damaged_entry_is_discarded_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let today = Date::parse("2026-11-30").unwrap();
        let mut cached = CachedSource::new(
            Counting {
                asked: vec![],
                estimated_from: None,
            },
            dir.path(),
            "aws",
            today,
        );
        cached
            .cost_and_usage(&query("2026-10-01", "2026-10-03"))
            .unwrap();
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            std::fs::write(entry.unwrap().path(), "{not json").unwrap();
        }
        let rows = cached
            .cost_and_usage(&query("2026-10-01", "2026-10-03"))
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(cached.requests().paid, 2, "fetched again, not trusted");
        let warnings = cached.take_warnings();
        assert!(
            warnings[0].starts_with("discarded a damaged cache entry"),
            "{warnings:?}"
        );
    }

    #[test]
    fn forecasts_are_reused_the_same_day_only() {
        struct Forecasting(u64);
        impl CostSource for Forecasting {
            fn cost_and_usage(&mut self, _: &CostQuery) -> Result<Vec<CostRecord>> {
                Ok(Vec::new())
            }
            fn requests(&self) -> Requests {
                Requests {
                    paid: self.0,
                    cached: 0,
                }
            }
            fn forecast(&mut self, _: Date, _: Date, _: Metric) -> Result<f64> {
                self.0 += 1;
                Ok(1234.5)
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let (start, end) = (
            Date::parse("2026-11-30").unwrap(),
            Date::parse("2026-12-01").unwrap(),
        );
        let mut today = CachedSource::new(Forecasting(0), dir.path(), "aws", start);
        assert_eq!(
            today.forecast(start, end, Metric::Unblended).unwrap(),
            1234.5
        );
        assert_eq!(
            today.forecast(start, end, Metric::Unblended).unwrap(),
            1234.5
        );
        assert_eq!(today.requests(), Requests { paid: 1, cached: 1 });
        let mut tomorrow = CachedSource::new(Forecasting(0), dir.path(), "aws", end);
        tomorrow.forecast(start, end, Metric::Unblended).unwrap();
        assert_eq!(tomorrow.requests().paid, 1);
    }

    #[test]
    fn different_queries_do_not_share_entries() {
        let dir = tempfile::tempdir().unwrap();
        let today = Date::parse("2026-11-30").unwrap();
        let mut cached = CachedSource::new(
            Counting {
                asked: vec![],
                estimated_from: None,
            },
            dir.path(),
            "aws",
            today,
        );
        cached
            .cost_and_usage(&query("2026-10-01", "2026-10-03"))
            .unwrap();
        let mut filtered = query("2026-10-01", "2026-10-03");
        filtered.filter = Some((GroupBy::Dimension(Dimension::Service), "svc".into()));
        cached.cost_and_usage(&filtered).unwrap();
        assert_eq!(cached.requests().paid, 2);
    }
}
