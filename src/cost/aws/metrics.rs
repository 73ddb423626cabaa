//! Utilization through CloudWatch `GetMetricData`: every series of a region in batches
//! of 500 queries (the API's limit), each batch followed through its `NextToken` pages.

use aws_sdk_cloudwatch::primitives::DateTime;
use aws_sdk_cloudwatch::types::{Dimension, Metric, MetricDataQuery, MetricStat, ScanBy};
use aws_sdk_cloudwatch::Client as CloudWatch;

use super::explain;
use crate::cost::fleet::{MetricKind, Series, Window};
use crate::error::Result;

/// GetMetricData accepts at most 500 queries a call.
pub const QUERIES_PER_CALL: usize = 500;

/// What to ask for: one series of a resource, with the values of its kind's dimensions
/// (an instance ID; a cluster and a service name).
pub struct Wanted {
    pub resource: String,
    pub kind: MetricKind,
    pub dimensions: Vec<String>,
}

impl Wanted {
    /// A series whose only dimension is the resource's ID (EC2, RDS).
    pub fn of(resource: &str, kind: MetricKind) -> Wanted {
        Wanted {
            resource: resource.to_string(),
            kind,
            dimensions: vec![resource.to_string()],
        }
    }
}

pub struct Fetched {
    pub series: Vec<Series>,
    pub calls: u64,
}

fn query(id: String, wanted: &Wanted) -> MetricDataQuery {
    let spec = wanted.kind.spec();
    let dimensions = spec
        .dimensions
        .iter()
        .zip(&wanted.dimensions)
        .map(|(name, value)| Dimension::builder().name(*name).value(value).build())
        .collect();
    MetricDataQuery::builder()
        .id(id)
        .metric_stat(
            MetricStat::builder()
                .metric(
                    Metric::builder()
                        .namespace(spec.namespace)
                        .metric_name(spec.name)
                        .set_dimensions(Some(dimensions))
                        .build(),
                )
                .period(spec.period as i32)
                .stat(spec.stat)
                .build(),
        )
        .return_data(true)
        .build()
}

pub async fn fetch(cloudwatch: &CloudWatch, wanted: &[Wanted], window: Window) -> Result<Fetched> {
    // A series is allocated at its first datapoint: most asked for may have none (the
    // agent's memory, a stopped resource), and a fortnight of 5-minute slots is 64 KiB.
    let mut series: Vec<Option<Series>> = vec![None; wanted.len()];
    let mut calls = 0;
    for (batch, chunk) in wanted.chunks(QUERIES_PER_CALL).enumerate() {
        let base = batch * QUERIES_PER_CALL;
        let queries: Vec<MetricDataQuery> = chunk
            .iter()
            .enumerate()
            .map(|(i, w)| query(format!("q{}", base + i), w))
            .collect();
        let mut pages = cloudwatch
            .get_metric_data()
            .set_metric_data_queries(Some(queries))
            .start_time(DateTime::from_secs(window.start.secs()))
            .end_time(DateTime::from_secs(window.end.secs()))
            .scan_by(ScanBy::TimestampAscending)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            calls += 1;
            let page = page.map_err(|e| explain("cloudwatch:GetMetricData", &e))?;
            for result in page.metric_data_results() {
                let Some(index) = result
                    .id()
                    .and_then(|id| id.strip_prefix('q'))
                    .and_then(|n| n.parse::<usize>().ok())
                    .filter(|n| *n < wanted.len())
                else {
                    continue;
                };
                if result.values().is_empty() {
                    continue;
                }
                let Wanted { resource, kind, .. } = &wanted[index];
                let s = series[index].get_or_insert_with(|| {
                    let period = i64::from(kind.spec().period);
                    let slots = ((window.end.secs() - window.start.secs()) + period - 1) / period;
                    Series {
                        resource: resource.clone(),
                        kind: *kind,
                        period: kind.spec().period,
                        values: vec![None; slots.max(0) as usize],
                    }
                });
                let period = i64::from(s.period);
                for (at, value) in result.timestamps().iter().zip(result.values()) {
                    let offset = at.secs() - window.start.secs();
                    if offset < 0 || !value.is_finite() {
                        continue;
                    }
                    if let Some(slot) = s.values.get_mut((offset / period) as usize) {
                        *slot = Some(*value);
                    }
                }
            }
        }
    }
    // A series with no datapoint at all is left out, as if never asked for.
    let series = series
        .into_iter()
        .flatten()
        .filter(|s| s.values.iter().any(Option::is_some))
        .collect();
    Ok(Fetched { series, calls })
}
