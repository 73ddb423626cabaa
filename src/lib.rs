//! opsguard: cost, config-drift and leaked-secret checks for operations teams.
//!
//! The domain cores (`drift`, …) are pure: they take data and return findings. `cli` wires
//! them to files and the terminal; `output` is the only place that prints.

pub mod audit;
pub mod cli;
pub mod config;
pub mod cost;
pub mod date;
pub mod drift;
pub mod error;
pub mod input;
pub mod output;
pub mod paths;
pub mod report;
pub mod secrets;
pub mod timestamp;
