//! Checks a repository's object store before libgit2 reads it, so a damaged repository
//! gives a named warning and an incomplete scan instead of a clean verdict or a hang.
//!
//! - **Loose objects** are inflated here first. libgit2 1.9 spins forever on a truncated
//!   loose object (zlib's `Z_BUF_ERROR` is retried without new input: libgit2 issue 7342,
//!   fixed upstream by pull request 7346, not yet in a libgit2-sys release). A damaged one
//!   is left out of a shadow object directory (links to every sound loose object and to the
//!   packs), which the scan's repository handles read instead of `.git/objects`.
//! - **Packs**: an index whose recorded pack checksum is not the pack's trailer means a
//!   truncated or replaced pack (or index); libgit2 then just fails to find the objects.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use git2::{Odb, Repository};
use rayon::prelude::*;

/// What [`inspect`] found.
#[derive(Debug, Default)]
pub struct Inspection {
    /// One line per damaged object or pack, naming it and what is wrong.
    pub problems: Vec<String>,
    /// An object directory without the damaged loose objects, when there are any.
    shadow: Option<tempfile::TempDir>,
}

impl Inspection {
    /// Opens `repo_path` so that it reads objects through the shadow directory if there is
    /// one: every handle the scan opens goes through here.
    pub fn open(&self, repo_path: &Path) -> Result<Repository, git2::Error> {
        let repo = Repository::open(repo_path)?;
        self.guard(&repo)?;
        Ok(repo)
    }

    /// Points an open repository at the shadow directory, if there is one.
    pub fn guard(&self, repo: &Repository) -> Result<(), git2::Error> {
        if let Some(shadow) = &self.shadow {
            let odb = Odb::new()?;
            odb.add_disk_alternate(&shadow.path().to_string_lossy())?;
            repo.set_odb(&odb)?;
        }
        Ok(())
    }
}

/// The object store's problems, named; an error only when damaged loose objects exist and
/// cannot be set aside (libgit2 would then hang on them).
pub fn inspect(objects: &Path) -> Result<Inspection, String> {
    let mut inspection = Inspection::default();
    let mut damaged = HashSet::new();
    let mut sound = Vec::new();
    // git packs loose objects from about 6,700 on (gc.auto), so this is at most a few
    // thousand small inflations, spread over every core.
    let checked: Vec<_> = loose_objects(objects)
        .into_par_iter()
        .map(|(oid, path)| {
            let verdict = check_loose(&path);
            (oid, path, verdict)
        })
        .collect();
    for (oid, path, verdict) in checked {
        match verdict {
            Ok(()) => sound.push((oid, path)),
            Err(reason) => {
                inspection
                    .problems
                    .push(format!("loose object {oid} cannot be read: {reason}"));
                damaged.insert(oid);
            }
        }
    }
    inspection
        .problems
        .extend(check_packs(&objects.join("pack")));
    if !damaged.is_empty() {
        let dir = shadow(objects, &sound).map_err(|e| {
            format!(
                "{} damaged loose object(s) could not be set aside ({e}); reading them would hang",
                damaged.len()
            )
        })?;
        inspection.shadow = Some(dir);
    }
    Ok(inspection)
}

/// `(hex id, file)` for every `objects/xx/yyyy…` file.
fn loose_objects(objects: &Path) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    let Ok(dirs) = fs::read_dir(objects) else {
        return found;
    };
    for dir in dirs.flatten() {
        let name = dir.file_name().to_string_lossy().into_owned();
        if name.len() != 2 || !name.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        let Ok(files) = fs::read_dir(dir.path()) else {
            continue;
        };
        for file in files.flatten() {
            let rest = file.file_name().to_string_lossy().into_owned();
            if rest.len() == 38 && rest.bytes().all(|b| b.is_ascii_hexdigit()) {
                found.push((format!("{name}{rest}"), file.path()));
            }
        }
    }
    found
}

/// Inflates the whole object: its header must be `type size\0` and exactly `size` bytes
/// must follow before the zlib stream ends.
fn check_loose(path: &Path) -> Result<(), String> {
    let meta = fs::symlink_metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    let file = fs::File::open(path).map_err(|e| e.to_string())?;
    let mut inflater = flate2::read::ZlibDecoder::new(std::io::BufReader::new(file));
    let mut header = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        match inflater.read(&mut byte) {
            Ok(0) => return Err("truncated before the end of its header".into()),
            Ok(_) if byte[0] == 0 => break,
            Ok(_) if header.len() < 32 => header.push(byte[0]),
            Ok(_) => return Err("no object header".into()),
            Err(e) => return Err(format!("corrupt zlib data ({e})")),
        }
    }
    let header = String::from_utf8_lossy(&header);
    let (kind, size) = header
        .split_once(' ')
        .ok_or_else(|| "no object header".to_string())?;
    if !matches!(kind, "blob" | "tree" | "commit" | "tag") {
        return Err("unknown object type".into());
    }
    let expected: u64 = size.parse().map_err(|_| "bad size in its header")?;
    let mut sink = std::io::sink();
    let actual = std::io::copy(&mut inflater, &mut sink)
        .map_err(|e| format!("truncated or corrupt zlib data ({e})"))?;
    if actual != expected {
        return Err(format!(
            "holds {actual} bytes where its header says {expected}"
        ));
    }
    Ok(())
}

/// Every `pack-*.pack` needs its `.idx`, and the index's copy of the pack checksum must be
/// the pack's own trailer.
fn check_packs(pack_dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let Ok(entries) = fs::read_dir(pack_dir) else {
        return problems;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("pack") {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let index = path.with_extension("idx");
        let pack_trailer = trailer(&path, 20, 0);
        let index_copy = trailer(&index, 20, 20);
        let reason = match (pack_trailer, index_copy) {
            (_, Err(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Some("its .idx file is missing".to_string())
            }
            (Err(e), _) | (_, Err(e)) => Some(e.to_string()),
            (Ok(pack), Ok(copy)) if pack != copy => Some(
                "its index does not match it (a truncated or replaced .pack or .idx file)"
                    .to_string(),
            ),
            _ => None,
        };
        if let Some(reason) = reason {
            problems.push(format!("pack {name} cannot be read: {reason}"));
        }
    }
    problems
}

/// `len` bytes ending `skip` bytes before the end of the file.
fn trailer(path: &Path, len: u64, skip: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Seek, SeekFrom};
    let mut file = fs::File::open(path)?;
    let size = file.metadata()?.len();
    // A pack is at least its 12-byte header and 20-byte trailer; an index at least its
    // 1 KiB fan-out table and two checksums.
    if size < len + skip + 12 {
        return Err(std::io::Error::other("the file is truncated"));
    }
    file.seek(SeekFrom::Start(size - len - skip))?;
    let mut bytes = vec![0; len as usize];
    file.read_exact(&mut bytes)?;
    Ok(bytes)
}

/// A directory laid out like `.git/objects` with links to the packs, the alternates file
/// and every sound loose object.
fn shadow(objects: &Path, sound: &[(String, PathBuf)]) -> std::io::Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new()
        .prefix("opsguard-objects-")
        .tempdir()?;
    for name in ["pack", "info"] {
        let real = objects.join(name);
        if real.exists() {
            link(&real, &dir.path().join(name))?;
        }
    }
    for (oid, path) in sound {
        let sub = dir.path().join(&oid[..2]);
        fs::create_dir_all(&sub)?;
        link(path, &sub.join(&oid[2..]))?;
    }
    Ok(dir)
}

fn link(real: &Path, at: &Path) -> std::io::Result<()> {
    let real = fs::canonicalize(real)?;
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(real, at)
    }
    #[cfg(windows)]
    {
        if real.is_dir() {
            std::os::windows::fs::symlink_dir(real, at)
        } else {
            fs::copy(real, at).map(|_| ())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn loose(dir: &Path, body: &[u8]) -> PathBuf {
        let path = dir.join("obj");
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(body).unwrap();
        fs::write(&path, z.finish().unwrap()).unwrap();
        path
    }

    #[test]
    fn sound_loose_objects_pass() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(check_loose(&loose(dir.path(), b"blob 5\0hello")), Ok(()));
    }

    #[test]
    fn damaged_loose_objects_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = loose(dir.path(), b"blob 50\0hello");
        assert!(check_loose(&path).unwrap_err().contains("header says 50"));
        let path = loose(
            dir.path(),
            &[b"blob 4000\0".as_slice(), &[7u8; 4000]].concat(),
        );
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..10]).unwrap();
        assert!(check_loose(&path).is_err());
        fs::write(&path, b"").unwrap();
        assert!(check_loose(&path).is_err());
        fs::write(&path, b"not zlib at all").unwrap();
        assert!(check_loose(&path).is_err());
        let path = loose(dir.path(), b"weird 5\0hello");
        assert_eq!(check_loose(&path), Err("unknown object type".into()));
    }
}
