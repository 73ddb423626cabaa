//! The git side of `secrets scan`, through libgit2 (no `git` subprocess). Enumerates the
//! blobs to scan — every unique blob reachable from all refs, the blobs a commit range
//! introduced, or the staged ones — and scans them in parallel, one repository handle per
//! thread.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use git2::{Delta, DiffOptions, ObjectType, Oid, Repository, Sort, Tree};
use rayon::prelude::*;

use super::engine::{Blob, Engine, Hit};
use super::git_objects::{self, Inspection};
use super::occurrence::{Commit, Occurrence, ScanOutput, Stats};
use super::progress::ScanProgress;
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
    progress: &ScanProgress,
) -> Result<ScanOutput> {
    // libgit2 re-hashes every object it reads with collision-detecting SHA-1; a read-only
    // scan does not need that, and it costs a sixth of the run.
    git2::opts::strict_hash_verification(false);
    // Each tree and blob is read exactly once (seen trees are skipped), so libgit2's object
    // cache only costs memory and lock traffic.
    git2::opts::enable_caching(false);
    let repo = open(dir)?;
    let mut out = ScanOutput::default();
    let inspection = git_objects::inspect(&repo.path().join("objects")).map_err(|e| {
        Error::runtime(format!("git: {e}")).with_hint("`git fsck` names what is broken")
    })?;
    inspection.guard(&repo).map_err(git_error)?;
    if repo.is_shallow() {
        out.warnings
            .push("shallow clone: history before the shallow boundary is not scanned".into());
        out.incomplete = true;
    }
    let head_blobs = match selection {
        Selection::Staged => None,
        _ => Some(head_blobs(&repo)),
    };
    let repo_path: PathBuf = repo.path().to_path_buf();
    let started = std::time::Instant::now();
    // Walking history and scanning blobs run at the same time: one thread enumerates and
    // streams blobs through a bounded channel to the scanning threads.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<(usize, Target)>(4096);
    let (enumerated, (stats, hits)) = std::thread::scope(|scope| {
        let producer =
            scope.spawn(|| enumerate(&repo_path, &inspection, selection, sender, progress));
        let scanned = scan_stream(
            receiver,
            &repo_path,
            &inspection,
            engine,
            max_blob_size,
            progress,
        );
        (
            producer
                .join()
                .unwrap_or_else(|_| Err(Error::runtime("git: the history walk failed"))),
            scanned,
        )
    });
    let (targets, walk_stats) = enumerated?;
    out.stats.commits = walk_stats.commits;
    out.stats.objects_missing = walk_stats.objects_missing;
    let mut problems = inspection.problems.clone();
    problems.extend(walk_stats.problems);
    problems.extend(stats.problems);
    tracing::debug!(blobs = targets.len(), elapsed = ?started.elapsed(), "walked history and scanned blobs");
    out.stats.blobs_scanned = stats.blobs_scanned;
    out.stats.bytes_scanned = stats.bytes_scanned;
    out.stats.blobs_skipped = stats.blobs_skipped;
    out.stats.objects_missing += stats.objects_missing;
    // Every missing object or ref was recorded with its name, so the names count them.
    if !problems.is_empty() {
        out.warnings.push(format!(
            "{} object(s) or ref(s) missing or unreadable (shallow clone or damaged repository); the scan went on without them",
            problems.len()
        ));
        out.incomplete = true;
    }
    // Named, so the user can find the damage; a badly broken repository names the first
    // ones rather than flooding the log.
    const NAMED: usize = 20;
    for problem in problems.iter().take(NAMED) {
        out.warnings.push(problem.clone());
    }
    if problems.len() > NAMED {
        out.warnings
            .push(format!("… and {} more unreadable", problems.len() - NAMED));
    }
    out.stats.problems = problems;
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

/// Runs on its own thread: finds the blobs `selection` asks for and sends each to the
/// scanners as soon as it is known. Returns them all (for provenance) and the walk's counts.
fn enumerate(
    repo_path: &Path,
    inspection: &Inspection,
    selection: &Selection,
    sender: std::sync::mpsc::SyncSender<(usize, Target)>,
    progress: &ScanProgress,
) -> Result<(Vec<Target>, Stats)> {
    let repo = inspection.open(repo_path).map_err(git_error)?;
    let mut targets = Vec::new();
    let mut stats = Stats::default();
    let mut emit = |target: Target| {
        let _ = sender.send((targets.len(), target.clone()));
        targets.push(target);
    };
    match selection {
        Selection::AllRefs => all_refs(&repo, &mut stats, &mut emit, progress)?,
        Selection::Range(range) => range_targets(&repo, range, &mut stats, &mut emit, progress)?,
        Selection::Staged => staged(&repo, &mut emit)?,
    }
    Ok((targets, stats))
}

/// Every unique blob reachable from any ref, each with the first commit (oldest first,
/// topologically) whose tree holds it: the commit that introduced it. Trees already seen
/// are skipped, so the walk costs one visit per unique tree, not per commit.
fn all_refs(
    repo: &Repository,
    stats: &mut Stats,
    emit: &mut dyn FnMut(Target),
    progress: &ScanProgress,
) -> Result<()> {
    let mut walk = repo.revwalk().map_err(git_error)?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(git_error)?;
    let mut pushed = 0;
    // Tags that point at a tree or a blob rather than a commit: scanned too.
    let mut loose_ends = Vec::new();
    for reference in repo.references().map_err(git_error)? {
        let reference = match reference {
            Ok(r) => r,
            Err(e) => {
                stats.missing(format!("a ref cannot be read: {}", e.message()));
                continue;
            }
        };
        let name = String::from_utf8_lossy(reference.name_bytes()).into_owned();
        match reference.resolve().and_then(|r| r.peel(ObjectType::Any)) {
            Ok(object) => match object.kind() {
                Some(ObjectType::Commit) => match walk.push(object.id()) {
                    Ok(()) => pushed += 1,
                    Err(e) => stats.missing(format!(
                        "ref {name}: commit {} cannot be read: {}",
                        object.id(),
                        e.message()
                    )),
                },
                _ => loose_ends.push((name, object.id(), object.kind())),
            },
            Err(e) => {
                let target = reference
                    .resolve()
                    .ok()
                    .and_then(|r| r.target())
                    .map(|oid| format!(" ({oid})"))
                    .unwrap_or_default();
                stats.missing(format!(
                    "ref {name}{target} cannot be resolved: {}",
                    e.message()
                ));
            }
        }
    }
    let mut walker = TreeWalker {
        repo,
        seen_trees: HashSet::new(),
        seen_blobs: HashSet::new(),
        stats,
        emit,
    };
    if pushed > 0 {
        for oid in walk {
            let oid = match oid {
                Ok(oid) => oid,
                Err(e) => {
                    walker
                        .stats
                        .missing(format!("history walk: {}", e.message()));
                    continue;
                }
            };
            walker.stats.commits += 1;
            progress.commit_walked();
            match repo.find_commit(oid).and_then(|c| c.tree()) {
                Ok(tree) => walker.visit(&tree, "", Some(oid)),
                Err(e) => walker.stats.missing(format!(
                    "commit {oid} or its tree cannot be read: {}",
                    e.message()
                )),
            }
        }
    }
    for (name, oid, kind) in loose_ends {
        match kind {
            Some(ObjectType::Tree) => match repo.find_tree(oid) {
                // A tree a tag points at: its blobs belong to no commit.
                Ok(tree) => walker.visit(&tree, &name, None),
                Err(e) => walker.stats.missing(format!(
                    "ref {name}: tree {oid} cannot be read: {}",
                    e.message()
                )),
            },
            Some(ObjectType::Blob) if walker.seen_blobs.insert(oid) => (walker.emit)(Target {
                oid,
                path: name,
                commit: None,
            }),
            _ => {}
        }
    }
    Ok(())
}

/// Visits each unique tree once and emits each unique blob once.
struct TreeWalker<'a, 'r> {
    repo: &'r Repository,
    seen_trees: HashSet<Oid>,
    seen_blobs: HashSet<Oid>,
    stats: &'a mut Stats,
    emit: &'a mut dyn FnMut(Target),
}

impl TreeWalker<'_, '_> {
    fn visit(&mut self, tree: &Tree, prefix: &str, commit: Option<Oid>) {
        if !self.seen_trees.insert(tree.id()) {
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
                Some(ObjectType::Blob) if self.seen_blobs.insert(entry.id()) => {
                    (self.emit)(Target {
                        oid: entry.id(),
                        path,
                        commit,
                    })
                }
                Some(ObjectType::Tree) if !self.seen_trees.contains(&entry.id()) => {
                    match self.repo.find_tree(entry.id()) {
                        Ok(sub) => self.visit(&sub, &path, commit),
                        Err(e) => self.stats.missing(format!(
                            "tree {} ({path}) cannot be read: {}",
                            entry.id(),
                            e.message()
                        )),
                    }
                }
                // Blobs and trees already seen, and submodules (commits of another repository).
                _ => {}
            }
        }
    }
}

/// Blobs added or changed by each commit of `A..B` against every one of its parents, so
/// a secret first appearing in a merge commit is found.
fn range_targets(
    repo: &Repository,
    range: &str,
    stats: &mut Stats,
    emit: &mut dyn FnMut(Target),
    progress: &ScanProgress,
) -> Result<()> {
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
    let mut options = DiffOptions::new();
    options.ignore_submodules(true);
    for oid in walk {
        let oid = match oid {
            Ok(oid) => oid,
            Err(e) => {
                stats.missing(format!("history walk: {}", e.message()));
                continue;
            }
        };
        stats.commits += 1;
        progress.commit_walked();
        let (commit, tree) = match repo.find_commit(oid).and_then(|c| {
            let tree = c.tree()?;
            Ok((c, tree))
        }) {
            Ok(found) => found,
            Err(e) => {
                stats.missing(format!(
                    "commit {oid} or its tree cannot be read: {}",
                    e.message()
                ));
                continue;
            }
        };
        let mut parents: Vec<Option<Tree>> = Vec::new();
        if commit.parent_count() == 0 {
            parents.push(None);
        }
        for (i, parent) in commit.parent_ids().enumerate() {
            match repo.find_commit(parent).and_then(|p| p.tree()) {
                Ok(tree) => parents.push(Some(tree)),
                // Without the parent every blob of the commit is new to the scan: more
                // work, nothing missed.
                Err(e) => {
                    stats.missing(format!(
                        "parent {} of commit {oid} cannot be read: {}",
                        i + 1,
                        e.message()
                    ));
                    parents.push(None);
                }
            }
        }
        for parent in parents {
            let diff =
                match repo.diff_tree_to_tree(parent.as_ref(), Some(&tree), Some(&mut options)) {
                    Ok(diff) => diff,
                    Err(e) => {
                        stats.missing(format!(
                            "commit {oid} cannot be compared with its parent: {}",
                            e.message()
                        ));
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
                emit(Target {
                    oid: file.id(),
                    path,
                    commit: Some(oid),
                });
            }
        }
    }
    Ok(())
}

/// What `git commit` would record: index entries that differ from HEAD.
fn staged(repo: &Repository, emit: &mut dyn FnMut(Target)) -> Result<()> {
    let index = repo.index().map_err(git_error)?;
    let head_tree = repo.head().ok().and_then(|h| h.peel_to_tree().ok());
    if let Some(changed) = super::git_index::staged_changes(repo, &index, head_tree.as_ref()) {
        for (path, oid) in changed {
            emit(Target {
                oid,
                path,
                commit: None,
            });
        }
        return Ok(());
    }
    let diff = repo
        .diff_tree_to_index(head_tree.as_ref(), Some(&index), None)
        .map_err(git_error)?;
    for delta in diff.deltas() {
        if matches!(delta.status(), Delta::Deleted) {
            continue;
        }
        let file = delta.new_file();
        if file.id().is_zero() {
            continue;
        }
        emit(Target {
            oid: file.id(),
            path: file
                .path()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default(),
            commit: None,
        });
    }
    Ok(())
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

/// Scans blobs as they arrive, in parallel. Each thread opens its own handle (libgit2
/// repositories are not shared between threads) and holds one blob at a time, so memory
/// stays bounded. Returns the hits with the index of the target they were found in.
fn scan_stream(
    receiver: std::sync::mpsc::Receiver<(usize, Target)>,
    repo_path: &Path,
    inspection: &Inspection,
    engine: &Engine,
    max_blob_size: u64,
    progress: &ScanProgress,
) -> (Stats, Vec<(usize, Hit)>) {
    let results: Vec<(Stats, Vec<(usize, Hit)>)> = receiver
        .into_iter()
        .par_bridge()
        .map_init(
            || inspection.open(repo_path).ok(),
            |repo, (index, target)| {
                let mut stats = Stats::default();
                let Some(blob) = read_blob(repo.as_ref(), &target, max_blob_size, &mut stats)
                else {
                    return (stats, Vec::new());
                };
                stats.blobs_scanned += 1;
                stats.bytes_scanned += blob.size() as u64;
                progress.blob_scanned(blob.size() as u64);
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
        total.problems.extend(stats.problems);
        all.extend(hits);
    }
    (total, all)
}

/// The blob, unless it is missing (counted) or over the size limit (counted as skipped).
fn read_blob<'r>(
    repo: Option<&'r Repository>,
    target: &Target,
    max_blob_size: u64,
    stats: &mut Stats,
) -> Option<git2::Blob<'r>> {
    let oid = target.oid;
    let Some(repo) = repo else {
        stats.missing(format!(
            "blob {oid} ({}): the repository could not be opened",
            target.path
        ));
        return None;
    };
    let unreadable = |stats: &mut Stats, e: git2::Error| {
        stats.missing(format!(
            "blob {oid} ({}) cannot be read: {}",
            target.path,
            e.message()
        ));
    };
    match repo.odb().and_then(|odb| odb.read_header(oid)) {
        Ok((size, _)) if size as u64 > max_blob_size => {
            stats.blobs_skipped += 1;
            return None;
        }
        Ok(_) => {}
        Err(e) => {
            unreadable(stats, e);
            return None;
        }
    }
    match repo.find_blob(oid) {
        Ok(blob) => Some(blob),
        Err(e) => {
            unreadable(stats, e);
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
