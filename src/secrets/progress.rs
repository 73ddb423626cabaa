//! How far a scan has got, shared between the scanning threads and whoever shows it.
//! Plain counters: the scan knows nothing of terminals.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Default)]
pub struct ScanProgress {
    commits: AtomicU64,
    blobs: AtomicU64,
    bytes: AtomicU64,
}

/// The counters at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub commits: u64,
    pub blobs: u64,
    pub bytes: u64,
}

impl ScanProgress {
    pub fn commit_walked(&self) {
        self.commits.fetch_add(1, Ordering::Relaxed);
    }

    pub fn blob_scanned(&self, bytes: u64) {
        self.blobs.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            commits: self.commits.load(Ordering::Relaxed),
            blobs: self.blobs.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        }
    }
}
