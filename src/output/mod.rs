//! The one output layer: every byte opsguard prints goes through here. Data goes to stdout
//! (or `--output`), diagnostics to stderr (see [`messages`]).

pub mod atomic;
pub mod color;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod messages;
pub mod printable;
pub mod sarif;

use std::io::{self, Write};
use std::path::PathBuf;

use crate::error::Result;
use crate::report::{Report, Section, SectionState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for people.
    Human,
    /// One versioned JSON document (see `opsguard schema`).
    Json,
    /// One JSON object per finding and line.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// A summary for $GITHUB_STEP_SUMMARY and pull-request comments (secrets masked).
    Markdown,
    /// One self-contained HTML page with charts (secrets masked).
    Html,
}

/// How the human renderer should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
    /// Wrap tables to this many columns; `None` never wraps.
    pub width: Option<u16>,
}

/// Where data goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    /// Written atomically: the file is either the old one or the complete new one.
    File(PathBuf),
}

impl Destination {
    pub fn from_option(path: Option<PathBuf>) -> Self {
        match path {
            Some(path) if path.as_os_str() != "-" => Destination::File(path),
            _ => Destination::Stdout,
        }
    }
}

pub fn render(
    report: &Report,
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, style, out),
        Format::Json => json::render(report, out),
        Format::Jsonl => json::render_lines(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Markdown | Format::Html => render_sections(
            &format!("opsguard {}", report.command),
            &[Section {
                name: report.command.clone(),
                state: SectionState::Ran(Box::new(report.clone())),
            }],
            format,
            style,
            out,
        ),
    }
}

/// Several commands' reports as one (`opsguard audit`): one JSON document with a
/// `sections` array, one SARIF file with a run per section, one page.
pub fn render_sections(
    title: &str,
    sections: &[Section],
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Markdown => markdown::render(title, sections, out),
        Format::Html => html::render(title, sections, out),
        Format::Sarif => {
            let reports: Vec<&Report> = sections.iter().filter_map(Section::report).collect();
            sarif::render_runs(&reports, out)
        }
        Format::Json => json::render_sections(sections, out),
        Format::Jsonl => json::render_section_lines(sections, out),
        Format::Human => human::render_sections(sections, style, out),
    }
}

/// Renders a report to its destination.
pub fn emit(
    report: &Report,
    format: Format,
    style: Style,
    destination: &Destination,
) -> Result<()> {
    let mut buffer = Vec::new();
    render(report, format, style, &mut buffer)?;
    emit_bytes(&buffer, destination)
}

/// Writes finished bytes (a report, a completion script, a baseline) to a destination.
pub fn emit_bytes(bytes: &[u8], destination: &Destination) -> Result<()> {
    match destination {
        Destination::Stdout => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(bytes)?;
            stdout.flush()?;
            Ok(())
        }
        Destination::File(path) => atomic::write(path, bytes),
    }
}
