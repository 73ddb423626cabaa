//! The port every cost source implements: AWS through the SDK, or offline exports.

use super::query::{CostQuery, CostRecord, Metric};
use crate::date::Date;
use crate::error::{Error, Result};

/// How many requests a run made: Cost Explorer charges $0.01 for each page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Requests {
    pub paid: u64,
    pub cached: u64,
}

pub trait CostSource {
    fn cost_and_usage(&mut self, query: &CostQuery) -> Result<Vec<CostRecord>>;
    fn requests(&self) -> Requests;

    /// Cost Explorer's forecast of the total for `[start, end)`.
    fn forecast(&mut self, start: Date, end: Date, metric: Metric) -> Result<f64> {
        let _ = (start, end, metric);
        Err(Error::usage("this source has no forecast"))
    }

    /// The file that answers a query grouped by `group_by`, for SARIF to point at (offline
    /// exports); `None` for an API.
    fn file_for(&self, group_by: &[super::query::GroupBy]) -> Option<String> {
        let _ = group_by;
        None
    }

    /// Non-fatal problems met so far (e.g. a damaged cache entry), handed over once.
    fn take_warnings(&mut self) -> Vec<String> {
        Vec::new()
    }
}
