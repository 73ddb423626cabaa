//! What a full-history scan leaves behind for the next one (`secrets scan --cache`): the
//! refs it walked, the trees and blobs it met and each blob's verdict, so a nightly re-scan
//! reads only what is new.
//!
//! A blob's findings are kept with it (rule, secret, line, column), so a cached run reports
//! exactly what a full scan would without reading the blob again. The file therefore holds
//! the secrets the scan found, as the repository's history itself does: it is created
//! readable by its owner only, and lives under `.git/` unless `--cache=DIR` says otherwise.
//! The file ends in a SHA-256 of its contents, so a truncated or corrupt file is noticed
//! (and answered with a full scan), never half-trusted.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use git2::Oid;
use sha2::{Digest, Sha256};

use super::decode::Encoding;

const MAGIC: &[u8] = b"opsguard secrets history cache\n";
/// Bumped whenever the layout or the meaning of a field changes.
const FORMAT: u32 = 2;
pub const FILE_NAME: &str = "secrets-history.cache";

/// What decided a cached blob's verdict: the rules, their allowlists and filters, the size
/// limit and the engine itself (the opsguard version).
pub type Key = [u8; 32];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Scanned, nothing found.
    Clean,
    /// Scanned, with findings (kept in [`CachedBlob::hits`]).
    Hits,
    /// Over the size limit, counted and not read.
    Skipped,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CachedBlob {
    pub oid: Oid,
    pub path: String,
    pub commit: Option<Oid>,
    pub size: u64,
    pub verdict: Verdict,
    pub hits: Vec<CachedHit>,
}

/// One hit of the engine, with its rule named by id (indexes change with the rule set).
#[derive(Debug, Clone, PartialEq)]
pub struct CachedHit {
    pub rule: String,
    pub secret: String,
    pub line: u64,
    pub column: u64,
    pub entropy: f64,
    pub encoding: Option<Encoding>,
}

/// A ref as the cached scan saw it: its name and the object it peeled to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tip {
    pub name: String,
    pub oid: Oid,
    /// Whether it peeled to a commit (else a tree or a blob).
    pub commit: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub tips: Vec<Tip>,
    pub commits: u64,
    pub trees: Vec<Oid>,
    pub blobs: Vec<CachedBlob>,
}

/// A loaded cache: the history walked, and whether its verdicts hold for this run's key.
#[derive(Debug)]
pub struct Loaded {
    pub history: History,
    pub verdicts_valid: bool,
}

/// The key for a scan with `rules` and this size limit.
pub fn key(rules: &super::rules::RuleSet, max_blob_size: u64) -> Key {
    let mut hash = Sha256::new();
    hash.update(rules.fingerprint());
    hash.update(max_blob_size.to_le_bytes());
    hash.finalize().into()
}

/// The cache file in `dir`.
pub fn file_in(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// `Ok(None)` when there is no cache yet; `Err` names why an existing file cannot be used.
pub fn load(file: &Path, key: &Key) -> Result<Option<Loaded>, String> {
    let bytes = match fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    decode(&bytes, key).map(Some)
}

/// Writes atomically: a reader sees the old file or the new one, never a part. The file is
/// created readable and writable by its owner only (it holds the secrets found).
pub fn store(file: &Path, key: &Key, history: &History) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(&encode(key, history))?;
    temp.as_file().sync_all()?;
    temp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

fn encode(key: &Key, history: &History) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + history.trees.len() * 20 + history.blobs.len() * 80);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(&history.commits.to_le_bytes());
    put_len(&mut out, history.tips.len());
    for tip in &history.tips {
        put_bytes(&mut out, tip.name.as_bytes());
        out.extend_from_slice(tip.oid.as_bytes());
        out.push(tip.commit as u8);
    }
    put_len(&mut out, history.trees.len());
    for tree in &history.trees {
        out.extend_from_slice(tree.as_bytes());
    }
    put_len(&mut out, history.blobs.len());
    for blob in &history.blobs {
        out.extend_from_slice(blob.oid.as_bytes());
        let verdict = match blob.verdict {
            Verdict::Clean => 0u8,
            Verdict::Hits => 1,
            Verdict::Skipped => 2,
        };
        out.push(verdict | (blob.commit.is_some() as u8) << 4);
        if let Some(commit) = blob.commit {
            out.extend_from_slice(commit.as_bytes());
        }
        out.extend_from_slice(&blob.size.to_le_bytes());
        put_bytes(&mut out, blob.path.as_bytes());
        put_len(&mut out, blob.hits.len());
        for hit in &blob.hits {
            put_bytes(&mut out, hit.rule.as_bytes());
            put_bytes(&mut out, hit.secret.as_bytes());
            out.extend_from_slice(&hit.line.to_le_bytes());
            out.extend_from_slice(&hit.column.to_le_bytes());
            out.extend_from_slice(&hit.entropy.to_le_bytes());
            out.push(match hit.encoding {
                None => 0,
                Some(Encoding::Base64) => 1,
                Some(Encoding::Percent) => 2,
            });
        }
    }
    let digest = Sha256::digest(&out);
    out.extend_from_slice(&digest);
    out
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

fn decode(bytes: &[u8], key: &Key) -> Result<Loaded, String> {
    if !bytes.starts_with(MAGIC) {
        return Err("not an opsguard secrets cache".into());
    }
    if bytes.len() < MAGIC.len() + 4 + 32 {
        return Err("truncated".into());
    }
    let (body, digest) = bytes.split_at(bytes.len() - 32);
    let mut reader = Reader {
        bytes: body,
        at: MAGIC.len(),
    };
    let format = u32::from_le_bytes(reader.array()?);
    if format != FORMAT {
        return Err(format!(
            "written in format {format} by another opsguard version (this one reads {FORMAT})"
        ));
    }
    if Sha256::digest(body).as_slice() != digest {
        return Err("truncated or corrupt (its checksum does not match)".into());
    }
    let stored_key: Key = reader.array()?;
    let commits = u64::from_le_bytes(reader.array()?);
    let mut history = History {
        commits,
        ..History::default()
    };
    for _ in 0..reader.len()? {
        let name = reader.text()?;
        let oid = reader.oid()?;
        let commit = reader.array::<1>()?[0] != 0;
        history.tips.push(Tip { name, oid, commit });
    }
    for _ in 0..reader.len()? {
        history.trees.push(reader.oid()?);
    }
    for _ in 0..reader.len()? {
        let oid = reader.oid()?;
        let flags = reader.array::<1>()?[0];
        let verdict = match flags & 0x0f {
            0 => Verdict::Clean,
            1 => Verdict::Hits,
            2 => Verdict::Skipped,
            other => return Err(format!("unknown verdict {other}")),
        };
        let commit = if flags & 0x10 != 0 {
            Some(reader.oid()?)
        } else {
            None
        };
        let size = u64::from_le_bytes(reader.array()?);
        let path = reader.text()?;
        let mut hits = Vec::new();
        for _ in 0..reader.len()? {
            hits.push(CachedHit {
                rule: reader.text()?,
                secret: reader.text()?,
                line: u64::from_le_bytes(reader.array()?),
                column: u64::from_le_bytes(reader.array()?),
                entropy: f64::from_le_bytes(reader.array()?),
                encoding: match reader.array::<1>()?[0] {
                    0 => None,
                    1 => Some(Encoding::Base64),
                    2 => Some(Encoding::Percent),
                    other => return Err(format!("unknown encoding {other}")),
                },
            });
        }
        history.blobs.push(CachedBlob {
            oid,
            path,
            commit,
            size,
            verdict,
            hits,
        });
    }
    if reader.at != body.len() {
        return Err("trailing bytes".into());
    }
    Ok(Loaded {
        history,
        verdicts_valid: &stored_key == key,
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or("truncated")?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        Ok(self.take(N)?.try_into().expect("take returns N bytes"))
    }

    /// A count, bounded by what is left to read, so a damaged length cannot ask for an
    /// absurd allocation.
    fn len(&mut self) -> Result<usize, String> {
        let n = u64::from_le_bytes(self.array()?);
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= self.bytes.len() - self.at)
            .ok_or_else(|| "a length runs past the end".to_string())
    }

    fn text(&mut self) -> Result<String, String> {
        let n = self.len()?;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "a name is not UTF-8".to_string())
    }

    fn oid(&mut self) -> Result<Oid, String> {
        Oid::from_bytes(self.take(20)?).map_err(|e| e.message().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap()
    }

    fn sample() -> History {
        History {
            tips: vec![Tip {
                name: "refs/heads/main".into(),
                oid: oid(1),
                commit: true,
            }],
            commits: 3,
            trees: vec![oid(2), oid(3)],
            blobs: vec![
                CachedBlob {
                    oid: oid(4),
                    path: "src/ä.rs".into(),
                    commit: Some(oid(1)),
                    size: 12,
                    verdict: Verdict::Hits,
                    hits: vec![CachedHit {
                        rule: "github-pat".into(),
                        secret: "ghp_x".into(),
                        line: 3,
                        column: 9,
                        entropy: 4.25,
                        encoding: Some(Encoding::Base64),
                    }],
                },
                CachedBlob {
                    oid: oid(5),
                    path: "refs/tags/blob".into(),
                    commit: None,
                    size: 1 << 40,
                    verdict: Verdict::Skipped,
                    hits: Vec::new(),
                },
            ],
        }
    }

    #[test]
    fn round_trips_and_knows_its_key() {
        let bytes = encode(&[7; 32], &sample());
        let loaded = decode(&bytes, &[7; 32]).unwrap();
        assert_eq!(loaded.history, sample());
        assert!(loaded.verdicts_valid);
        assert!(!decode(&bytes, &[8; 32]).unwrap().verdicts_valid);
    }

    #[test]
    fn damage_is_named_never_half_read() {
        let bytes = encode(&[7; 32], &sample());
        for cut in [0, 10, MAGIC.len() + 2, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut], &[7; 32]).is_err(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 1;
        assert!(decode(&flipped, &[7; 32]).unwrap_err().contains("checksum"));
        let mut other_version = bytes.clone();
        other_version[MAGIC.len()] = 9;
        assert!(decode(&other_version, &[7; 32])
            .unwrap_err()
            .contains("format 9"));
        assert!(decode(b"PK\x03\x04 a zip", &[7; 32]).is_err());
    }

    #[test]
    fn stores_atomically_where_asked() {
        let dir = tempfile::tempdir().unwrap();
        let file = file_in(&dir.path().join("opsguard"));
        assert!(load(&file, &[1; 32]).unwrap().is_none());
        store(&file, &[1; 32], &sample()).unwrap();
        store(&file, &[1; 32], &sample()).unwrap();
        let loaded = load(&file, &[1; 32]).unwrap().unwrap();
        assert_eq!(loaded.history, sample());
        let leftovers = fs::read_dir(file.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "it holds the secrets found");
        }
    }
}
