use std::process::ExitCode;

use clap::Parser;
use opsguard::cli::{self, args::Cli, Outcome};
use opsguard::error::ErrorKind;

// mimalloc, overriding malloc for the C code too: libgit2 allocates a buffer per object
// read, and glibc's allocator was a sixth of a history scan's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
