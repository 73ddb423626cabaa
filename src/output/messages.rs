//! Everything that is not data: errors, hints and warnings, on stderr.

use std::io::{self, Write};

use super::printable::printable;
use crate::error::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Messages {
    pub color: bool,
    pub quiet: bool,
}

impl Messages {
    /// `error: path:line:col: what is wrong`, then `hint: …` where one helps.
    pub fn error(&self, err: &Error) {
        let mut stderr = io::stderr().lock();
        let text = err.to_string();
        let _ = writeln!(
            stderr,
            "{}: {}",
            self.label("error", "1;31"),
            printable(&text)
        );
        if let Some(hint) = err.hint() {
            let _ = writeln!(
                stderr,
                "{}: {}",
                self.label("hint", "1;36"),
                printable(hint)
            );
        }
    }

    /// A non-fatal problem; silenced by `--quiet`.
    pub fn warning(&self, text: &str) {
        if self.quiet {
            return;
        }
        let mut stderr = io::stderr().lock();
        let _ = writeln!(
            stderr,
            "{}: {}",
            self.label("warning", "1;33"),
            printable(text)
        );
    }

    /// Progress and status for people; silenced by `--quiet`.
    pub fn status(&self, text: &str) {
        if self.quiet {
            return;
        }
        let _ = writeln!(io::stderr().lock(), "{}", printable(text));
    }

    fn label(&self, word: &str, ansi: &str) -> String {
        if self.color {
            format!("\u{1b}[{ansi}m{word}\u{1b}[0m")
        } else {
            word.to_string()
        }
    }
}
