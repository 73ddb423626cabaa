//! The file-system side of `secrets scan`: a directory that is not a repository (or
//! `--no-git`), walked honouring `.gitignore`; or standard input.

use std::path::Path;

use rayon::prelude::*;

use super::engine::{Blob, Engine};
use super::occurrence::{Occurrence, ScanOutput, Stats};
use crate::error::{Error, Result};

pub fn scan_dir(dir: &Path, engine: &Engine, max_blob_size: u64) -> Result<ScanOutput> {
    if !dir.is_dir() {
        return Err(Error::usage(format!("{}: not a directory", dir.display())));
    }
    let mut out = ScanOutput::default();
    let mut files = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(false)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .filter_entry(|e| e.file_name() != ".git")
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => out.warnings.push(format!("skipped: {e}")),
        }
    }
    let results: Vec<(Stats, Vec<Occurrence>, Option<String>)> = files
        .par_iter()
        .map(|path| {
            let mut stats = Stats::default();
            let shown = path
                .strip_prefix(dir)
                .unwrap_or(path)
                .to_string_lossy()
                .into_owned();
            match std::fs::metadata(path) {
                Ok(meta) if meta.len() > max_blob_size => {
                    stats.blobs_skipped += 1;
                    return (stats, Vec::new(), None);
                }
                Ok(_) => {}
                Err(e) => return (stats, Vec::new(), Some(format!("cannot read {shown}: {e}"))),
            }
            let bytes = match std::fs::read(path) {
                Ok(bytes) => bytes,
                Err(e) => return (stats, Vec::new(), Some(format!("cannot read {shown}: {e}"))),
            };
            stats.blobs_scanned += 1;
            stats.bytes_scanned += bytes.len() as u64;
            let found = occurrences(engine, &shown, &bytes);
            (stats, found, None)
        })
        .collect();
    for (stats, found, warning) in results {
        out.stats.blobs_scanned += stats.blobs_scanned;
        out.stats.bytes_scanned += stats.bytes_scanned;
        out.stats.blobs_skipped += stats.blobs_skipped;
        out.occurrences.extend(found);
        out.warnings.extend(warning);
    }
    if out.stats.blobs_skipped > 0 {
        out.warnings.push(format!(
            "skipped {} file(s) over {max_blob_size} bytes (--max-blob-size)",
            out.stats.blobs_skipped
        ));
    }
    Ok(out)
}

/// Scans bytes read from standard input, reported as `name`.
pub fn scan_bytes(name: &str, bytes: &[u8], engine: &Engine) -> ScanOutput {
    let mut out = ScanOutput::default();
    out.stats.blobs_scanned = 1;
    out.stats.bytes_scanned = bytes.len() as u64;
    out.occurrences = occurrences(engine, name, bytes);
    out
}

fn occurrences(engine: &Engine, path: &str, bytes: &[u8]) -> Vec<Occurrence> {
    engine
        .scan(&Blob {
            path,
            commit: None,
            content: bytes,
        })
        .into_iter()
        .map(|hit| Occurrence {
            rule: hit.rule,
            secret: hit.secret,
            path: path.to_string(),
            line: hit.line,
            column: hit.column,
            commit: None,
            in_head: None,
            entropy: hit.entropy,
            encoding: hit.encoding,
        })
        .collect()
}
