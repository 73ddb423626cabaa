use clap::CommandFactory;

use super::args::Cli;
use super::{Context, Outcome};
use crate::error::Result;
use crate::output::emit_bytes;

pub fn run(ctx: &Context, shell: clap_complete::Shell) -> Result<Outcome> {
    emit_bytes(&script(shell), &ctx.destination)?;
    Ok(Outcome::Clean)
}

/// The completion script for `shell`, exactly as checked in under `completions/`.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "opsguard", &mut buffer);
    buffer
}
