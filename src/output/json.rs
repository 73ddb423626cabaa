use std::io::{self, Write};

use crate::report::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report.to_json())?;
    out.write_all(b"\n")
}

/// One compact JSON object per finding and line, for `jq -c`-style pipelines.
pub fn render_lines(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for finding in &report.findings {
        serde_json::to_writer(&mut *out, &finding.to_json())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
