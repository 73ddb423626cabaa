//! Turns parsed arguments into work: loads configuration, runs a command, renders its
//! report and decides the exit status. One module per command group.

pub mod args;
mod audit;
mod completions;
#[cfg(feature = "aws")]
mod cost;
mod drift;
mod man;
mod progress;
mod schema;
mod secrets;

use std::io::IsTerminal;
use std::path::PathBuf;

use args::{Cli, Command, GlobalArgs};

use crate::config::{self, LoadedConfig};
use crate::error::Result;
use crate::output::color::should_color;
use crate::output::messages::Messages;
use crate::output::{self, Destination, Format, Style};
use crate::report::{Redactor, Report, Severity};

/// How a successful run ended; errors are the `Err` side of [`run`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at or above `--fail-on`.
    Clean,
    /// Findings at or above `--fail-on`.
    Findings,
}

/// Without a terminal (CI logs) and without `COLUMNS`, tables fit this width.
pub const DEFAULT_WIDTH: u16 = 120;

/// `COLUMNS` if set (`0`: never wrap), else the terminal's width, else [`DEFAULT_WIDTH`].
fn table_width(columns: Option<&str>, terminal: Option<u16>) -> Option<u16> {
    match columns.and_then(|c| c.trim().parse::<u16>().ok()) {
        Some(0) => None,
        Some(width) => Some(width),
        None => Some(terminal.unwrap_or(DEFAULT_WIDTH)),
    }
}

/// What every command needs from the global options.
pub struct Context {
    pub format: Format,
    pub style: Style,
    pub messages: Messages,
    pub destination: Destination,
    pub fail_on: Severity,
    pub exit_zero: bool,
    pub redactor: Redactor,
    config_path: Option<PathBuf>,
}

impl Context {
    pub fn new(global: &GlobalArgs) -> Self {
        let env = |name: &str| std::env::var(name).ok();
        let stdout_tty = std::io::stdout().is_terminal();
        let color = should_color(global.color, stdout_tty, env);
        let stderr_color = should_color(global.color, std::io::stderr().is_terminal(), env);
        let width = table_width(
            std::env::var("COLUMNS").ok().as_deref(),
            stdout_tty
                .then(|| comfy_table::Table::new().width())
                .flatten(),
        );
        Context {
            format: global.format,
            style: Style { color, width },
            messages: Messages {
                color: stderr_color,
                quiet: global.quiet,
            },
            destination: Destination::from_option(global.output.clone()),
            fail_on: global.fail_on,
            exit_zero: global.exit_zero,
            // Markdown and HTML end up in pull-request comments and shared pages: masked
            // whatever the flags say.
            redactor: if global.show_secrets
                && !matches!(global.format, Format::Markdown | Format::Html)
            {
                Redactor::revealing()
            } else {
                Redactor::hiding()
            },
            config_path: global.config.clone(),
        }
    }

    /// The configuration in force: `--config`, else the nearest `opsguard.toml`.
    pub fn config(&self) -> Result<Option<LoadedConfig>> {
        use crate::input::Named;
        let path = match &self.config_path {
            Some(path) => Some((path.clone(), Named::OnCommandLine)),
            None => std::env::current_dir()
                .ok()
                .and_then(|cwd| config::discover(&cwd))
                .map(|p| (p, Named::InConfig)),
        };
        match path {
            Some((path, named)) => {
                tracing::debug!(path = %path.display(), "loading configuration");
                config::load(&path, named).map(Some)
            }
            None => Ok(None),
        }
    }

    /// Prints the report's non-fatal problems, renders it, and says whether it fails.
    pub fn finish(&self, report: &Report) -> Result<Outcome> {
        for error in &report.errors {
            self.messages.warning(error);
        }
        for warning in &report.warnings {
            self.messages.warning(warning);
        }
        // Part of the input unread (a member account's role) is never a clean verdict,
        // whatever --exit-zero says, as `opsguard audit` treats a section that failed.
        let outcome = if !report.errors.is_empty()
            || (!self.exit_zero && report.count_at_or_above(self.fail_on) > 0)
        {
            Outcome::Findings
        } else {
            Outcome::Clean
        };
        match output::emit(report, self.format, self.style, &self.destination) {
            // A reader such as `head` went away: printing stops, the verdict stands, so
            // `opsguard … | head` in a pipefail CI step still fails on findings.
            Err(e) if e.kind() == crate::error::ErrorKind::BrokenPipe => Ok(outcome),
            Err(e) => Err(e),
            Ok(()) => Ok(outcome),
        }
    }
}

pub fn run(cli: Cli) -> Result<Outcome> {
    let ctx = Context::new(&cli.global);
    init_tracing(&cli.global, ctx.messages.color);
    match cli.command {
        Command::Drift(command) => drift::run(&ctx, command),
        Command::Secrets(command) => secrets::run(&ctx, command),
        #[cfg(feature = "aws")]
        Command::Cost(command) => cost::run(&ctx, command),
        // The command stays in the help, so a user learns what this build leaves out.
        #[cfg(not(feature = "aws"))]
        Command::Cost(_) => Err(crate::error::Error::usage(
            "this opsguard was built without the `aws` feature, so it has no `cost` commands; \
             use a release binary, or `cargo install opsguard` with default features",
        )),
        Command::Audit(args) => audit::run(&ctx, &args),
        Command::Completions { shell } => completions::run(&ctx, shell),
        Command::Man => man::run(&ctx),
        Command::Schema => schema::run(&ctx),
    }
}

/// Messages for the user who is running the command, e.g. an error that stopped it.
pub fn messages_for(global: &GlobalArgs) -> Messages {
    Context::new(global).messages
}

fn init_tracing(global: &GlobalArgs, color: bool) {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::layer::{Layer, SubscriberExt};
    use tracing_subscriber::util::SubscriberInitExt;
    let level = match (global.quiet, global.verbose) {
        (true, _) => LevelFilter::ERROR,
        (false, 0) => LevelFilter::WARN,
        (false, 1) => LevelFilter::INFO,
        (false, 2) => LevelFilter::DEBUG,
        _ => LevelFilter::TRACE,
    };
    // Libraries (the AWS SDK above all) speak only from -vv: their warnings are about
    // their internals, not about the user's result.
    let libraries = if global.verbose >= 2 {
        level
    } else {
        LevelFilter::ERROR
    };
    let filter = Targets::new()
        .with_target("opsguard", level)
        .with_default(libraries);
    let _ = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(color)
                .with_target(false)
                .without_time()
                .with_filter(filter),
        )
        .try_init();
}

/// Ctrl-C, SIGTERM (a CI runner cancelling the job) and SIGHUP (a closed terminal): remove
/// half-written files and exit 128 + the signal's number, as shells expect (130 for Ctrl-C).
pub fn install_interrupt_handler() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            output::atomic::abandon_in_flight();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(test)]
mod width_tests {
    use super::*;

    #[test]
    fn tables_fit_columns_else_the_terminal_else_120() {
        assert_eq!(table_width(Some("80"), Some(200)), Some(80));
        assert_eq!(table_width(Some("0"), Some(200)), None);
        assert_eq!(table_width(None, Some(200)), Some(200));
        assert_eq!(table_width(None, None), Some(DEFAULT_WIDTH));
        assert_eq!(table_width(Some("wide"), None), Some(DEFAULT_WIDTH));
    }
}
