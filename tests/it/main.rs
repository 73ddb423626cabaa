//! One integration-test binary (as ripgrep does): the real `opsguard` binary, run the way
//! users run it, with exit code, stdout and stderr checked together.

mod aws_server;
mod betterleaks;
mod cli;
mod common;
mod cost;
mod cost_aws;
mod cost_fleet;
mod cost_fleet_aws;
mod drift;
mod drift_flags;
mod formats;
mod git_repo;
mod hostile;
mod secrets;
mod secrets_cache;
mod secrets_packed;
