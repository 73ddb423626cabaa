//! `opsguard cost`: AWS spend, anomalies, budgets and tagging. The analysis is pure; the
//! sources (AWS, offline exports) are adapters.

pub mod accounts;
pub mod anomaly;
#[cfg(feature = "aws")]
pub mod aws;
pub mod budget;
pub mod cache;
pub mod config;
pub mod diagnostics;
pub mod ecs;
pub mod export;
pub mod fleet;
#[cfg(feature = "aws")]
pub mod open;
pub mod percentile;
pub mod price_list;
pub mod prices;
pub mod query;
pub mod recommendation;
pub mod recommendation_report;
pub mod regions;
pub mod rightsize;
pub mod root_cause;
pub mod run;
pub mod series;
pub mod settings;
pub mod source;
pub mod summary;
pub mod synthetic;
pub mod tags;
pub mod thresholds;
pub mod waste;
