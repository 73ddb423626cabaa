//! `opsguard secrets`: finds leaked credentials with rule packs. The engine (`engine`,
//! `rules`, `allowlist`, `decode`, `entropy`) is pure; `git` and `files` are the adapters
//! that read repositories and directories.

pub mod allowlist;
pub mod baseline;
pub mod check;
pub mod config;
pub mod decode;
pub mod diagnostics;
#[cfg(test)]
mod edited_text;
pub mod engine;
pub mod entropy;
pub mod files;
pub mod filter_expr;
pub mod findings;
pub mod git;
pub mod git_index;
pub mod git_objects;
pub mod git_pack;
pub mod history_cache;
pub mod hook;
pub mod occurrence;
pub mod pack;
pub mod placeholder;
pub mod progress;
pub mod re2;
pub mod rules;
pub mod run;
pub mod settings;
pub mod verify;
pub mod verify_http;
