//! What the adapters hand back: every place a rule matched, and what was read.

use super::decode::Encoding;

/// One match in one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    pub rule: usize,
    pub secret: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// The commit that introduced the blob (history scans only).
    pub commit: Option<Commit>,
    /// Whether this blob is in HEAD's tree (history scans only).
    pub in_head: Option<bool>,
    pub entropy: f64,
    pub encoding: Option<Encoding>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub id: String,
    pub author: String,
    pub email: String,
    /// RFC 3339, UTC.
    pub date: String,
    /// Seconds since the epoch, for ordering.
    pub time: i64,
}

/// What a scan read and what it could not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub blobs_scanned: u64,
    pub bytes_scanned: u64,
    /// Blobs over `--max-blob-size`, counted, never silently dropped.
    pub blobs_skipped: u64,
    /// Objects a shallow clone or a damaged repository does not have.
    pub objects_missing: u64,
    pub commits: u64,
    /// Blobs whose verdict came from the history cache instead of being read again
    /// (counted in `blobs_scanned` or `blobs_skipped` too).
    pub blobs_cached: u64,
    /// What could not be read, named: a ref, an object, a pack.
    pub problems: Vec<String>,
}

impl Stats {
    /// Counts an object that could not be read and says which and why.
    pub fn missing(&mut self, what: String) {
        self.objects_missing += 1;
        self.problems.push(what);
    }
}

#[derive(Debug, Default)]
pub struct ScanOutput {
    pub occurrences: Vec<Occurrence>,
    pub stats: Stats,
    pub warnings: Vec<String>,
    /// Whether the scan could not read everything it should have.
    pub incomplete: bool,
    /// How the history cache was used, when it was asked for.
    pub cache: Option<CacheUse>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheUse {
    pub file: std::path::PathBuf,
    pub blobs_reused: u64,
    /// Whether the cache now holds this scan (not after an incomplete one).
    pub written: bool,
}
