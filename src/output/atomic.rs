//! Files opsguard writes are replaced atomically: written to a temporary file beside the
//! target, flushed to disk, then renamed over it. A crash, an error, Ctrl-C, SIGTERM or
//! SIGHUP leaves either the old file or the new one, never half of one. A symbolic link is
//! followed and its target replaced (the link stays a link); anything that is not a regular
//! file once links are followed (a device, a FIFO, `/dev/stdout`, `/proc/self/fd/N`) is
//! written through, never replaced.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// Temporary files in flight, so the Ctrl-C handler can remove them before exiting.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let target = match resolve(path) {
        Resolved::Through => return write_through(path, bytes),
        Resolved::Path(target) => target,
    };
    match fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => {
            return Err(Error::usage(format!("{}: is a directory", path.display())))
        }
        // `-o /dev/null`, a named pipe, a terminal: there is nothing to replace, and
        // renaming over a device would destroy it.
        Ok(meta) if !meta.is_file() => return write_through(path, bytes),
        _ => {}
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".opsguard-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, "write", &e))?;
    track(temp.path(), true);
    let result = (|| {
        temp.write_all(bytes)?;
        temp.as_file().sync_all()?;
        set_readable(temp.path(), &target)?;
        Ok::<(), std::io::Error>(())
    })();
    let temp_path = temp.path().to_path_buf();
    let outcome = match result {
        Ok(()) => temp
            .persist(&target)
            .map(|_| ())
            .map_err(|e| Error::io(path, "write", &e.error)),
        Err(e) => Err(Error::io(path, "write", &e)),
    };
    track(&temp_path, false);
    outcome
}

/// Where a write to `path` must land.
enum Resolved {
    /// Open `path` and write into it: a stream (`/dev/stdout`, `/proc/self/fd/N`), not a
    /// file that can be replaced.
    Through,
    /// Replace this file atomically: `path` with every symbolic link followed, so a link
    /// keeps pointing at the new report instead of being replaced by it.
    Path(PathBuf),
}

fn resolve(path: &Path) -> Resolved {
    let mut current = path.to_path_buf();
    // As many links as the kernel follows before ELOOP.
    for _ in 0..40 {
        if is_stream_alias(&current) {
            return Resolved::Through;
        }
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let Ok(link) = fs::read_link(&current) else {
                    return Resolved::Through;
                };
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Resolved::Path(current),
        }
    }
    Resolved::Through
}

/// `/dev/stdout`, `/dev/fd/1` and `/proc/…/fd/1` name an open file descriptor: their
/// "target" may be `pipe:[123]` or a file the shell already opened, and renaming over them
/// would replace a system link (or a file behind the shell's back).
fn is_stream_alias(path: &Path) -> bool {
    let text = path.to_string_lossy();
    matches!(text.as_ref(), "/dev/stdout" | "/dev/stderr")
        || text.starts_with("/dev/fd/")
        || text.starts_with("/proc/")
}

fn write_through(path: &Path, bytes: &[u8]) -> Result<()> {
    // Append: with `-o /dev/stdout >> log` the shell's file keeps what it had.
    fs::OpenOptions::new()
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| Error::io(path, "write", &e))
}

/// Temporary files are created 0600; a report should get the permissions the old file had,
/// or the usual 0644.
fn set_readable(temp: &Path, target: &Path) -> std::io::Result<()> {
    let permissions = match fs::metadata(target) {
        Ok(meta) => meta.permissions(),
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::Permissions::from_mode(0o644)
            }
            #[cfg(not(unix))]
            {
                return Ok(());
            }
        }
    };
    fs::set_permissions(temp, permissions)
}

fn track(path: &Path, add: bool) {
    let mut list = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    if add {
        list.push(path.to_path_buf());
    } else {
        list.retain(|p| p != path);
    }
}

/// Removes temporary files still being written; called when the process is interrupted.
pub fn abandon_in_flight() {
    let list = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    for path in list.iter() {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.json");
        fs::write(&target, "old").unwrap();
        write(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_written_through_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write(&fifo, b"through").unwrap();
        assert_eq!(reader.join().unwrap(), "through");
        assert!(
            fs::metadata(&fifo).unwrap().file_type().is_fifo(),
            "still a pipe"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_file_keeps_the_link_and_replaces_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // A dangling link: its target is created, the link kept.
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink("created.json", &dangling).unwrap();
        write(&dangling, b"made").unwrap();
        assert!(fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(
            fs::read_to_string(dir.path().join("created.json")).unwrap(),
            "made"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_descriptor_or_device_is_written_through() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("null");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        write(&link, b"gone").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device());
        assert!(matches!(
            resolve(Path::new("/dev/stdout")),
            Resolved::Through
        ));
        let fd = dir.path().join("fd");
        std::os::unix::fs::symlink("/proc/self/fd/1", &fd).unwrap();
        assert!(matches!(resolve(&fd), Resolved::Through));
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = write(dir.path(), b"x").unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("nope").join("report.json");
        let err = write(&target, b"x").unwrap_err();
        assert!(err.to_string().contains("report.json"), "{err}");
    }
}
