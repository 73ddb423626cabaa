//! One integration-test binary (as ripgrep does): the real `opsguard` binary, run the way
//! users run it, with exit code, stdout and stderr checked together.

// `opsguard cost` and the AWS test server exist only with the `aws` feature (the default,
// which the tests run with).
#[cfg(feature = "aws")]
mod audit;
#[cfg(feature = "aws")]
mod aws_server;
mod betterleaks;
mod cli;
mod common;
#[cfg(feature = "aws")]
mod cost;
#[cfg(feature = "aws")]
mod cost_aws;
#[cfg(feature = "aws")]
mod cost_ecs_aws;
#[cfg(feature = "aws")]
mod cost_fleet;
#[cfg(feature = "aws")]
mod cost_fleet_aws;
mod docs;
mod drift;
mod drift_flags;
mod formats;
mod git_repo;
mod hostile;
mod layout;
mod pre_commit;
mod secrets;
mod secrets_cache;
mod secrets_packed;
#[cfg(feature = "aws")]
mod secrets_verify;
