//! The one error type every command returns. It always knows where the problem is when the
//! problem is in an input file, so the user gets `path:line:col: what is wrong`.

use std::fmt;
use std::path::{Path, PathBuf};

/// A position inside an input file, 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePos {
    pub path: PathBuf,
    pub line: usize,
    pub column: Option<usize>,
}

impl SourcePos {
    pub fn new(path: impl Into<PathBuf>, line: usize, column: Option<usize>) -> Self {
        SourcePos {
            path: path.into(),
            line,
            column,
        }
    }

    /// The 1-based line and column of a byte offset in `text`.
    pub fn from_offset(path: impl Into<PathBuf>, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        SourcePos::new(path, line, Some(column))
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

impl fmt::Display for SourcePos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)?;
        if let Some(col) = self.column {
            write!(f, ":{col}")?;
        }
        Ok(())
    }
}

/// What class of failure this is; all of them exit with status 2 except `BrokenPipe`
/// (a reader such as `head` went away: not our failure, exit 0) and `Interrupted` (130).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The command line or configuration asks for something impossible.
    Usage,
    /// An input file is malformed.
    Input,
    /// Reading or writing failed.
    Io,
    /// Anything else that stops the run (e.g. a remote API refused).
    Runtime,
    /// stdout was closed by the reader.
    BrokenPipe,
    /// The user pressed Ctrl-C.
    Interrupted,
}

#[derive(Debug, Clone)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    position: Option<SourcePos>,
    hint: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            position: None,
            hint: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, message)
    }

    pub fn runtime(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Runtime, message)
    }

    /// A malformed input file, pointing at the offending position.
    pub fn input(position: SourcePos, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Input, message).at(position)
    }

    /// A file that could not be read or written.
    pub fn io(path: &Path, action: &str, err: &std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::new(ErrorKind::BrokenPipe, "broken pipe");
        }
        Error::new(
            ErrorKind::Io,
            format!("cannot {action} {}: {}", path.display(), io_reason(err)),
        )
    }

    pub fn at(mut self, position: SourcePos) -> Self {
        self.position = Some(position);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn position(&self) -> Option<&SourcePos> {
        self.position.as_ref()
    }

    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }
}

/// A serde (JSON or TOML) complaint, made safe to print about a file that may hold
/// secrets: the position serde appends is dropped (errors carry their own) and every value
/// it quotes is left out, keeping what was expected. `invalid type: string "hunter2",
/// expected u64` becomes `invalid type: string, expected u64`.
pub fn serde_message(message: &str) -> String {
    static VALUES: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let values = VALUES.get_or_init(|| {
        regex::Regex::new(
            r#"(string|integer|floating point|character|unknown variant|byte array|boolean) (?:"(?:[^"\\]|\\.)*"|`[^`]*`)"#,
        )
        .expect("valid pattern")
    });
    let first = message.lines().next().unwrap_or(message);
    let first = match first.find(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    values.replace_all(first, "$1").into_owned()
}

/// `std::io::Error` prints "No such file or directory (os error 2)"; users need the first half.
fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(pos) = &self.position {
            write!(f, "{pos}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::new(ErrorKind::BrokenPipe, "broken pipe");
        }
        Error::new(ErrorKind::Io, io_reason(&err))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one_in_characters() {
        let text = "a = 1\nbé = x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        // the 'x' sits after a two-byte character
        assert_eq!(line_col(text, text.find('x').unwrap()), (2, 6));
    }

    #[test]
    fn serde_messages_keep_the_expectation_and_drop_the_value() {
        assert_eq!(
            serde_message(
                r#"invalid type: string "hunter2 \"x\"", expected u64 at line 3 column 9"#
            ),
            "invalid type: string, expected u64"
        );
        assert_eq!(
            serde_message("unknown variant `s3cr3t`, expected one of `a`, `b`"),
            "unknown variant, expected one of `a`, `b`"
        );
        assert_eq!(
            serde_message("invalid value: integer `-5`, expected u32"),
            "invalid value: integer, expected u32"
        );
        assert_eq!(
            serde_message("unknown field `colour`, expected `x`"),
            "unknown field `colour`, expected `x`"
        );
    }

    #[test]
    fn display_puts_position_first() {
        let e = Error::input(SourcePos::new("a.toml", 3, Some(7)), "unknown key `x`");
        assert_eq!(e.to_string(), "a.toml:3:7: unknown key `x`");
    }

    #[test]
    fn io_errors_drop_the_os_error_suffix() {
        let err = std::io::Error::from_raw_os_error(2);
        let e = Error::io(Path::new("x.yaml"), "read", &err);
        assert_eq!(
            e.to_string(),
            "cannot read x.yaml: No such file or directory"
        );
    }
}
