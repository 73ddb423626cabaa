//! Reading the files opsguard is given — configuration, policies, baselines, rule packs,
//! drift inputs, cost exports — with a bound: a pull request can name `/dev/zero`, a FIFO
//! nobody writes to, or a 10 GB file, and a CI job must fail fast instead of hanging or
//! running out of memory.
//!
//! - At most [`max_input_size`] bytes are read from any one input (64 MiB unless
//!   `OPSGUARD_MAX_INPUT_SIZE` says otherwise); more is an error naming the file.
//! - Only regular files are read, unless the user named the path on the command line: a
//!   device or FIFO listed in a committed `opsguard.toml` or found by discovery is refused.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

const DEFAULT_MAX_INPUT_SIZE: u64 = 64 * 1024 * 1024;

/// Who chose the path, which decides whether something other than a regular file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// Typed by the user (an argument or option): `--env prod=/dev/stdin` is deliberate.
    OnCommandLine,
    /// Taken from a configuration file or found by discovery: only regular files.
    InConfig,
}

/// The per-input limit: `OPSGUARD_MAX_INPUT_SIZE` (bytes or a size such as `256MiB`),
/// else 64 MiB.
pub fn max_input_size() -> u64 {
    std::env::var("OPSGUARD_MAX_INPUT_SIZE")
        .ok()
        .and_then(|v| crate::secrets::config::parse_size(&v))
        .unwrap_or(DEFAULT_MAX_INPUT_SIZE)
}

/// The file's bytes, bounded by [`max_input_size`].
pub fn read(path: &Path, named: Named) -> Result<Vec<u8>> {
    read_limited(path, named, max_input_size())
}

/// The file as UTF-8 text, bounded by [`max_input_size`]; not UTF-8 is an error at the
/// line where the text stops being UTF-8.
pub fn read_text(path: &Path, named: Named) -> Result<String> {
    let bytes = read(path, named)?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::input(
            crate::error::SourcePos::new(crate::paths::display_path(path), line, None),
            "not UTF-8 text",
        )
    })
}

pub fn read_limited(path: &Path, named: Named, limit: u64) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, "read", &e))?;
    if meta.is_dir() {
        return Err(Error::usage(format!("{}: is a directory", path.display())));
    }
    if !meta.is_file() && named == Named::InConfig {
        return Err(Error::usage(format!(
            "{}: not a regular file (a device, FIFO or socket); only a path given on the command line may be one",
            path.display()
        )));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_large(path, limit));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, "read", &e))?;
    read_bounded(file, limit).map_err(|e| match e {
        Bounded::TooLarge => too_large(path, limit),
        Bounded::Io(e) => Error::io(path, "read", &e),
    })
}

/// Standard input, bounded by `limit`.
pub fn read_stdin(limit: u64) -> Result<Vec<u8>> {
    read_bounded(std::io::stdin().lock(), limit).map_err(|e| match e {
        Bounded::TooLarge => too_large(Path::new("standard input"), limit),
        Bounded::Io(e) => Error::io(Path::new("-"), "read", &e),
    })
}

enum Bounded {
    TooLarge,
    Io(std::io::Error),
}

fn read_bounded(reader: impl Read, limit: u64) -> std::result::Result<Vec<u8>, Bounded> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Bounded::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Bounded::TooLarge);
    }
    Ok(bytes)
}

fn too_large(path: &Path, limit: u64) -> Error {
    Error::usage(format!(
        "{}: more than {limit} bytes; opsguard reads at most that much of one input",
        path.display()
    ))
    .with_hint("raise the limit with OPSGUARD_MAX_INPUT_SIZE (e.g. 256MiB) if the file is meant to be this large")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_the_limit_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.yaml");
        std::fs::write(&path, "x".repeat(100)).unwrap();
        assert_eq!(
            read_limited(&path, Named::InConfig, 100).unwrap().len(),
            100
        );
        let err = read_limited(&path, Named::InConfig, 99).unwrap_err();
        assert!(
            err.to_string().contains("big.yaml: more than 99 bytes"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_only_when_named_on_the_command_line() {
        let dev = Path::new("/dev/zero");
        let err = read_limited(dev, Named::InConfig, 10).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        // Endless: stopped at the limit instead of reading forever.
        let err = read_limited(dev, Named::OnCommandLine, 1000).unwrap_err();
        assert!(err.to_string().contains("more than 1000 bytes"), "{err}");
        assert!(
            read_limited(Path::new("/dev/null"), Named::OnCommandLine, 10)
                .unwrap()
                .is_empty()
        );
    }
}
