use std::process::ExitCode;

use clap::Parser;
use opsguard::cli::{self, args::Cli, Outcome};
use opsguard::error::ErrorKind;

fn main() -> ExitCode {
    let cli = Cli::parse();
    cli::install_interrupt_handler();
    let messages = cli::messages_for(&cli.global);
    match cli::run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        // A reader such as `head` went away: it has what it wanted.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::Interrupted => ExitCode::from(130),
        Err(e) => {
            messages.error(&e);
            ExitCode::from(2)
        }
    }
}
