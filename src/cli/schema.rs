use super::{Context, Outcome};
use crate::error::Result;
use crate::output::emit_bytes;

/// The JSON Schema of `--format json`, kept in the repository and compiled in.
pub const REPORT_SCHEMA: &str = include_str!("../../schema/report.schema.json");

pub fn run(ctx: &Context) -> Result<Outcome> {
    emit_bytes(REPORT_SCHEMA.as_bytes(), &ctx.destination)?;
    Ok(Outcome::Clean)
}
