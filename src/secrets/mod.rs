//! `opsguard secrets`: finds leaked credentials with rule packs. The engine (`engine`,
//! `rules`, `allowlist`, `decode`, `entropy`) is pure; `git` and `files` are the adapters
//! that read repositories and directories.

pub mod allowlist;
pub mod check;
pub mod decode;
pub mod engine;
pub mod entropy;
pub mod pack;
pub mod rules;
