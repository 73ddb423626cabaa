//! Files opsguard writes are replaced atomically: written to a temporary file beside the
//! target, flushed to disk, then renamed over it. A crash, an error or Ctrl-C leaves either
//! the old file or the new one, never half of one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// Temporary files in flight, so the Ctrl-C handler can remove them before exiting.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    // `-o /dev/null`, `-o /dev/stdout` or a named pipe: there is nothing to replace, and
    // renaming over a device would destroy it. Write through.
    if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| Error::io(path, "write", &e));
    }
    let dir = match path.parent() {
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
        set_readable(temp.path(), path)?;
        Ok::<(), std::io::Error>(())
    })();
    let temp_path = temp.path().to_path_buf();
    let outcome = match result {
        Ok(()) => temp
            .persist(path)
            .map(|_| ())
            .map_err(|e| Error::io(path, "write", &e.error)),
        Err(e) => Err(Error::io(path, "write", &e)),
    };
    track(&temp_path, false);
    outcome
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

    #[test]
    fn a_missing_directory_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("nope").join("report.json");
        let err = write(&target, b"x").unwrap_err();
        assert!(err.to_string().contains("report.json"), "{err}");
    }
}
