//! The git side of `secrets scan`, through libgit2 (no `git` subprocess). Enumerates the
//! blobs to scan — every unique blob reachable from all refs, the blobs a commit range
//! introduced, or the staged ones — and scans them in parallel, one repository handle per
//! thread.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use git2::{Delta, DiffOptions, ObjectType, Oid, Repository, Sort, Tree};
use rayon::prelude::*;

use super::engine::{Blob, Engine, Hit};
use super::occurrence::{Commit, Occurrence, ScanOutput, Stats};
use crate::date::Date;
use crate::error::{Error, Result};

/// What part of the repository to scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every blob reachable from any ref (branches, tags, remotes, the stash).
    AllRefs,
    /// The blobs introduced by the commits in `A..B`, each diffed against every parent.
    Range(String),
    /// The index, where it differs from HEAD.
    Staged,
}

/// A blob to scan and where it was first seen.
#[derive(Debug, Clone)]
struct Target {
    oid: Oid,
    path: String,
    commit: Option<Oid>,
}

pub fn open(dir: &Path) -> Result<Repository> {
    Repository::discover(dir).map_err(|e| {
        Error::runtime(format!(
            "{}: not a git repository ({})",
            dir.display(),
            e.message()
        ))
        .with_hint("use --no-git to scan the files of a directory")
    })
}

/// Whether `dir` is inside a git work tree.
pub fn is_repository(dir: &Path) -> bool {
    Repository::discover(dir).is_ok()
}

pub fn scan(
    dir: &Path,
    selection: &Selection,
    engine: &Engine,
    max_blob_size: u64,
) -> Result<ScanOutput> {
    let repo = open(dir)?;
    let mut out = ScanOutput::default();
    if repo.is_shallow() {
        out.warnings
            .push("shallow clone: history before the shallow boundary is not scanned".into());
        out.incomplete = true;
    }
    let targets = match selection {
        Selection::AllRefs => all_refs(&repo, &mut out)?,
        Selection::Range(range) => range_targets(&repo, range, &mut out)?,
        Selection::Staged => staged(&repo)?,
    };
    let head_blobs = match selection {
        Selection::Staged => None,
        _ => Some(head_blobs(&repo)),
    };
    let repo_path: PathBuf = repo.path().to_path_buf();
    let (stats, hits) = scan_targets(&repo_path, &targets, engine, max_blob_size);
    out.stats.blobs_scanned = stats.blobs_scanned;
    out.stats.bytes_scanned = stats.bytes_scanned;
    out.stats.blobs_skipped = stats.blobs_skipped;
    out.stats.objects_missing += stats.objects_missing;
    if out.stats.objects_missing > 0 {
        out.warnings.push(format!(
            "{} object(s) missing or unreadable (shallow clone or damaged repository); the scan went on without them",
            out.stats.objects_missing
        ));
        out.incomplete = true;
    }
    if out.stats.blobs_skipped > 0 {
        out.warnings.push(format!(
            "skipped {} blob(s) over {} bytes (--max-blob-size)",
            out.stats.blobs_skipped, max_blob_size
        ));
    }
    // Provenance only for blobs with findings: each introducing commit is looked up once.
    let mut commits: HashMap<Oid, Option<Commit>> = HashMap::new();
    for (index, hit) in hits {
        let target = &targets[index];
        let commit = target.commit.and_then(|id| {
            commits
                .entry(id)
                .or_insert_with(|| describe_commit(&repo, id))
                .clone()
        });
        out.occurrences.push(Occurrence {
            rule: hit.rule,
            secret: hit.secret,
            path: target.path.clone(),
            line: hit.line,
            column: hit.column,
            commit,
            in_head: head_blobs.as_ref().map(|head| head.contains(&target.oid)),
            entropy: hit.entropy,
            encoding: hit.encoding,
        });
    }
    Ok(out)
}

/// Every unique blob reachable from any ref, each with the first commit (oldest first,
/// topologically) whose tree holds it: the commit that introduced it. Trees already seen
/// are skipped, so the walk costs one visit per unique tree, not per commit.
fn all_refs(repo: &Repository, out: &mut ScanOutput) -> Result<Vec<Target>> {
    let mut walk = repo.revwalk().map_err(git_error)?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(git_error)?;
    let mut pushed = 0;
    for reference in repo.references().map_err(git_error)?.flatten() {
        if let Ok(commit) = reference.peel_to_commit() {
            if walk.push(commit.id()).is_ok() {
                pushed += 1;
            }
        }
    }
    let mut targets = Vec::new();
    if pushed == 0 {
        return Ok(targets);
    }
    let mut seen_trees = HashSet::new();
    let mut seen_blobs = HashSet::new();
    for oid in walk {
        let Ok(oid) = oid else {
            out.stats.objects_missing += 1;
            continue;
        };
        out.stats.commits += 1;
        let tree = match repo.find_commit(oid).and_then(|c| c.tree()) {
            Ok(tree) => tree,
            Err(_) => {
                out.stats.objects_missing += 1;
                continue;
            }
        };
        collect_tree(
            repo,
            &tree,
            "",
            Some(oid),
            &mut seen_trees,
            &mut seen_blobs,
            &mut targets,
            &mut out.stats,
        );
    }
    Ok(targets)
}

#[allow(clippy::too_many_arguments)]
fn collect_tree(
    repo: &Repository,
    tree: &Tree,
    prefix: &str,
    commit: Option<Oid>,
    seen_trees: &mut HashSet<Oid>,
    seen_blobs: &mut HashSet<Oid>,
    targets: &mut Vec<Target>,
    stats: &mut Stats,
) {
    if !seen_trees.insert(tree.id()) {
        return;
    }
    for entry in tree.iter() {
        let name = String::from_utf8_lossy(entry.name_bytes());
        let path = if prefix.is_empty() {
            name.into_owned()
        } else {
            format!("{prefix}/{name}")
        };
        match entry.kind() {
            Some(ObjectType::Blob) if seen_blobs.insert(entry.id()) => {
                targets.push(Target {
                    oid: entry.id(),
                    path,
                    commit,
                });
            }
            Some(ObjectType::Tree) => match repo.find_tree(entry.id()) {
                Ok(sub) => collect_tree(
                    repo, &sub, &path, commit, seen_trees, seen_blobs, targets, stats,
                ),
                Err(_) => stats.objects_missing += 1,
            },
            // Submodules (commits) live in another repository.
            _ => {}
        }
    }
}

/// Blobs added or changed by each commit of `A..B` against every one of its parents, so
/// a secret first appearing in a merge commit is found.
fn range_targets(repo: &Repository, range: &str, out: &mut ScanOutput) -> Result<Vec<Target>> {
    let mut walk = repo.revwalk().map_err(git_error)?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(git_error)?;
    if range.contains("..") {
        walk.push_range(range).map_err(|e| {
            Error::usage(format!("--range {range}: {}", e.message()))
                .with_hint("give two commits, e.g. --range origin/main..HEAD")
        })?;
    } else {
        let oid = repo
            .revparse_single(range)
            .and_then(|o| o.peel_to_commit())
            .map_err(|e| Error::usage(format!("--range {range}: {}", e.message())))?
            .id();
        walk.push(oid).map_err(git_error)?;
    }
    let mut seen = HashSet::new();
    let mut targets = Vec::new();
    let mut options = DiffOptions::new();
    options.ignore_submodules(true);
    for oid in walk {
        let Ok(oid) = oid else {
            out.stats.objects_missing += 1;
            continue;
        };
        out.stats.commits += 1;
        let Ok(commit) = repo.find_commit(oid) else {
            out.stats.objects_missing += 1;
            continue;
        };
        let Ok(tree) = commit.tree() else {
            out.stats.objects_missing += 1;
            continue;
        };
        let parents: Vec<Option<Tree>> = if commit.parent_count() == 0 {
            vec![None]
        } else {
            commit.parents().map(|p| p.tree().ok()).collect()
        };
        for parent in parents {
            let diff =
                match repo.diff_tree_to_tree(parent.as_ref(), Some(&tree), Some(&mut options)) {
                    Ok(diff) => diff,
                    Err(_) => {
                        out.stats.objects_missing += 1;
                        continue;
                    }
                };
            for delta in diff.deltas() {
                if matches!(
                    delta.status(),
                    Delta::Deleted | Delta::Unmodified | Delta::Ignored
                ) {
                    continue;
                }
                let file = delta.new_file();
                if file.id().is_zero() || !seen.insert(file.id()) {
                    continue;
                }
                let path = file
                    .path()
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default();
                targets.push(Target {
                    oid: file.id(),
                    path,
                    commit: Some(oid),
                });
            }
        }
    }
    Ok(targets)
}

/// What `git commit` would record: index entries that differ from HEAD.
fn staged(repo: &Repository) -> Result<Vec<Target>> {
    let index = repo.index().map_err(git_error)?;
    let head_tree = repo.head().ok().and_then(|h| h.peel_to_tree().ok());
    let diff = repo
        .diff_tree_to_index(head_tree.as_ref(), Some(&index), None)
        .map_err(git_error)?;
    let mut targets = Vec::new();
    for delta in diff.deltas() {
        if matches!(delta.status(), Delta::Deleted) {
            continue;
        }
        let file = delta.new_file();
        if file.id().is_zero() {
            continue;
        }
        targets.push(Target {
            oid: file.id(),
            path: file
                .path()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default(),
            commit: None,
        });
    }
    Ok(targets)
}

fn head_blobs(repo: &Repository) -> HashSet<Oid> {
    let mut blobs = HashSet::new();
    if let Some(tree) = repo.head().ok().and_then(|h| h.peel_to_tree().ok()) {
        let _ = tree.walk(git2::TreeWalkMode::PreOrder, |_, entry| {
            if entry.kind() == Some(ObjectType::Blob) {
                blobs.insert(entry.id());
            }
            git2::TreeWalkResult::Ok
        });
    }
    blobs
}

/// Scans targets in parallel. Each thread opens its own handle (libgit2 repositories are
/// not shared between threads) and holds one blob at a time, so memory stays bounded.
/// Returns the hits with the index of the target they were found in.
fn scan_targets(
    repo_path: &Path,
    targets: &[Target],
    engine: &Engine,
    max_blob_size: u64,
) -> (Stats, Vec<(usize, Hit)>) {
    let results: Vec<(Stats, Vec<(usize, Hit)>)> = targets
        .par_iter()
        .enumerate()
        .map_init(
            || Repository::open(repo_path).ok(),
            |repo, (index, target)| {
                let mut stats = Stats::default();
                let Some(blob) = read_blob(repo.as_ref(), target.oid, max_blob_size, &mut stats)
                else {
                    return (stats, Vec::new());
                };
                stats.blobs_scanned += 1;
                stats.bytes_scanned += blob.size() as u64;
                let commit = target.commit.map(|c| c.to_string());
                let hits = engine.scan(&Blob {
                    path: &target.path,
                    commit: commit.as_deref(),
                    content: blob.content(),
                });
                (stats, hits.into_iter().map(|h| (index, h)).collect())
            },
        )
        .collect();
    let mut total = Stats::default();
    let mut all = Vec::new();
    for (stats, hits) in results {
        total.blobs_scanned += stats.blobs_scanned;
        total.bytes_scanned += stats.bytes_scanned;
        total.blobs_skipped += stats.blobs_skipped;
        total.objects_missing += stats.objects_missing;
        all.extend(hits);
    }
    (total, all)
}

/// The blob, unless it is missing (counted) or over the size limit (counted as skipped).
fn read_blob<'r>(
    repo: Option<&'r Repository>,
    oid: Oid,
    max_blob_size: u64,
    stats: &mut Stats,
) -> Option<git2::Blob<'r>> {
    let Some(repo) = repo else {
        stats.objects_missing += 1;
        return None;
    };
    match repo.odb().and_then(|odb| odb.read_header(oid)) {
        Ok((size, _)) if size as u64 > max_blob_size => {
            stats.blobs_skipped += 1;
            return None;
        }
        Ok(_) => {}
        Err(_) => {
            stats.objects_missing += 1;
            return None;
        }
    }
    match repo.find_blob(oid) {
        Ok(blob) => Some(blob),
        Err(_) => {
            stats.objects_missing += 1;
            None
        }
    }
}

fn describe_commit(repo: &Repository, oid: Oid) -> Option<Commit> {
    let commit = repo.find_commit(oid).ok()?;
    let author = commit.author();
    let time = author.when().seconds();
    Some(Commit {
        id: oid.to_string(),
        author: author.name().unwrap_or_default().to_string(),
        email: author.email().unwrap_or_default().to_string(),
        date: rfc3339(time),
        time,
    })
}

/// `2026-11-30T09:02:54Z`.
pub fn rfc3339(seconds: i64) -> String {
    let date = Date::from_days_since_epoch(seconds.div_euclid(86_400));
    let rest = seconds.rem_euclid(86_400);
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

fn git_error(e: git2::Error) -> Error {
    Error::runtime(format!("git: {}", e.message()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_764_493_374), "2025-11-30T09:02:54Z");
    }
}
