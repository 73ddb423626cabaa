//! `opsguard drift`: compares the effective configuration of environments, unit-aware,
//! with a policy of expected differences.
//!
//! Shape (as every check): `config` (the `[drift]` section), `load` (the only module that
//! touches files), `formats` + `tree` + `layer` + `flatten` (gathering), `compare` (the
//! verdict), `diagnostics` (findings and their rule ids).

pub mod baseline;
pub mod compare;
pub mod config;
pub mod diagnostics;
pub mod flag_diagnostics;
pub mod flags;
pub mod flatten;
pub mod formats;
pub mod history;
pub mod layer;
pub mod load;
pub mod mask;
pub mod policy;
pub mod run;
pub mod sensitive;
pub mod settings;
pub mod spring;
pub mod tree;
pub mod units;

pub use compare::{compare, Comparison, Environment, Options, Status};
pub use config::DriftConfig;
pub use policy::Policy;
