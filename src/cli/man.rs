use clap::CommandFactory;

use super::args::Cli;
use super::{Context, Outcome};
use crate::error::Result;
use crate::output::emit_bytes;

const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Nothing at or above \fB\-\-fail\-on\fR was found, or \fB\-\-exit\-zero\fR was given.
.TP
\fB1\fR
Findings at or above \fB\-\-fail\-on\fR (default: warning).
.TP
\fB2\fR
A usage, input or runtime error; one line on stderr says what and where.
.TP
\fB130\fR
Interrupted (Ctrl\-C); no half\-written output file is left behind.
"#;

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, no colour (unless \fB\-\-color always\fR).
.TP
\fBFORCE_COLOR\fR
When set and not empty, colour even when not writing to a terminal (unless \fB\-\-color never\fR).
.TP
\fBCOLUMNS\fR
Width to fit tables into (default: the terminal's, else 120; \fB0\fR: never wrap).
"#;

pub fn run(ctx: &Context) -> Result<Outcome> {
    emit_bytes(&page()?, &ctx.destination)?;
    Ok(Outcome::Clean)
}

pub fn page() -> Result<Vec<u8>> {
    let man = clap_mangen::Man::new(Cli::command());
    let mut buffer = Vec::new();
    man.render_title(&mut buffer)?;
    man.render_name_section(&mut buffer)?;
    man.render_synopsis_section(&mut buffer)?;
    man.render_description_section(&mut buffer)?;
    man.render_options_section(&mut buffer)?;
    man.render_subcommands_section(&mut buffer)?;
    buffer.extend_from_slice(EXIT_STATUS.as_bytes());
    buffer.extend_from_slice(ENVIRONMENT.as_bytes());
    man.render_version_section(&mut buffer)?;
    Ok(buffer)
}
