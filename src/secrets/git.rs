//! The git side of `secrets scan`, through libgit2 (no `git` subprocess). Enumerates the
//! blobs to scan — every unique blob reachable from all refs, the blobs a commit range
//! introduced, or the staged ones — and scans them in parallel, one repository handle per
//! thread.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use git2::{Delta, DiffOptions, ObjectType, Oid, Repository, Sort, Tree};
use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::engine::{Blob, Earlier, Engine, Hit, VersionNotes};
use super::git_objects::{self, Inspection};
use super::git_pack::{PackRead, Packs};
use super::history_cache::{self, CachedBlob, CachedHit, History, Key, Tip, Verdict};
use super::occurrence::{CacheUse, Commit, Occurrence, ScanOutput, Stats};
use super::progress::ScanProgress;
use super::rules::RuleSet;
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

/// `--cache`: where the history cache lives (`None`: under the repository's git directory)
/// and the key its verdicts were computed with.
#[derive(Debug, Clone)]
pub struct CacheRequest {
    pub dir: Option<PathBuf>,
    pub key: Key,
}

/// What the walk starts from when a cache holds an earlier scan.
struct Prior {
    history: History,
    /// Whether the cached verdicts hold (same rules and settings); when not, every cached
    /// blob is scanned again, but the walk is still not repeated.
    verdicts_valid: bool,
}

/// libgit2 maps a pack in windows of up to 1 GiB and never unmaps below 8 GiB, so reading
/// the commits of a history (everything else goes through `git_pack` when it can) would
/// keep the whole pack resident: 128 MiB for curl's, 165 MiB for the generated benchmark,
/// whose commits are spread over the pack. Smaller windows and a mapped limit keep the
/// scan's memory bounded; the cost is a few remaps.
#[allow(unsafe_code)]
fn limit_pack_mapping() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: libgit2's global options are plain integers read when a pack window is
        // mapped; `Once` sets them before this process opens any repository for a scan and
        // never while another thread could be setting them.
        unsafe {
            let _ = git2::opts::set_mwindow_size(32 << 20);
            let _ = git2::opts::set_mwindow_mapped_limit(64 << 20);
        }
    });
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
    cache: Option<&CacheRequest>,
) -> Result<ScanOutput> {
    // libgit2 re-hashes every object it reads with collision-detecting SHA-1; a read-only
    // scan does not need that, and it costs a sixth of the run.
    git2::opts::strict_hash_verification(false);
    // Each tree and blob is read exactly once (seen trees are skipped), so libgit2's object
    // cache only costs memory and lock traffic.
    git2::opts::enable_caching(false);
    limit_pack_mapping();
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
    let mut ref_stats = Stats::default();
    let tips = match selection {
        Selection::AllRefs => read_refs(&repo, &mut ref_stats)?,
        _ => Vec::new(),
    };
    let cache_file = match (cache, selection) {
        (Some(request), Selection::AllRefs) => Some(history_cache::file_in(
            &request
                .dir
                .clone()
                .unwrap_or_else(|| repo.commondir().join("opsguard")),
        )),
        _ => None,
    };
    let prior = match (&cache_file, cache) {
        (Some(file), Some(request)) => {
            load_prior(&repo, file, &request.key, &tips, &mut out.warnings)
        }
        _ => None,
    };
    let repo_path: PathBuf = repo.path().to_path_buf();
    // A damaged repository, and the few blobs of a staged scan, are read through libgit2 only.
    let packs = (inspection.problems.is_empty() && *selection != Selection::Staged)
        .then(|| Packs::open(&repo.path().join("objects")));
    let started = std::time::Instant::now();
    // Walking history and scanning blobs run at the same time: one thread enumerates and
    // streams blobs through a bounded channel to the scanning threads.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<(usize, Target)>(4096);
    let (enumerated, (stats, mut hits, verdicts)) = std::thread::scope(|scope| {
        let producer = scope.spawn(|| {
            enumerate(
                &repo_path,
                &inspection,
                selection,
                Walk {
                    tips: &tips,
                    prior: prior.as_ref(),
                    packs: packs.as_ref(),
                },
                sender,
                progress,
            )
        });
        let scanned = scan_stream(
            receiver,
            &repo_path,
            &inspection,
            packs.as_ref(),
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
    let (mut targets, walk_stats, seen_trees) = enumerated?;
    out.stats.commits = walk_stats.commits;
    out.stats.objects_missing = walk_stats.objects_missing + ref_stats.objects_missing;
    let mut problems = inspection.problems.clone();
    problems.extend(ref_stats.problems);
    problems.extend(walk_stats.problems);
    problems.extend(stats.problems);
    tracing::debug!(blobs = targets.len(), elapsed = ?started.elapsed(), "walked history and scanned blobs");
    out.stats.blobs_scanned = stats.blobs_scanned;
    out.stats.bytes_scanned = stats.bytes_scanned;
    out.stats.blobs_skipped = stats.blobs_skipped;
    out.stats.objects_missing += stats.objects_missing;
    let complete = problems.is_empty() && !out.incomplete;
    if let (Some(file), Some(request)) = (cache_file, cache) {
        let history = settle_cache(
            &mut out.stats,
            engine.rules(),
            prior,
            &tips,
            &mut targets,
            &mut hits,
            &verdicts,
            seen_trees,
        );
        let mut used = CacheUse {
            file: file.clone(),
            blobs_reused: out.stats.blobs_cached,
            written: false,
        };
        if complete {
            match history_cache::store(&file, &request.key, &history) {
                Ok(()) => used.written = true,
                Err(e) => out.warnings.push(format!(
                    "cache {}: cannot be written ({e}); the next run scans the whole history",
                    file.display()
                )),
            }
        } else {
            out.warnings.push(format!(
                "cache {}: not updated, because this scan could not read everything",
                file.display()
            ));
        }
        out.cache = Some(used);
    }
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

/// What a full-history walk starts from: the refs read before it, and an earlier scan's
/// history when a cache holds one.
struct Walk<'a> {
    tips: &'a [Tip],
    prior: Option<&'a Prior>,
    /// The pack reader, when the repository is read through it.
    packs: Option<&'a Packs>,
}

/// Runs on its own thread: finds the blobs `selection` asks for and sends each to the
/// scanners as soon as it is known. Returns them all (for provenance), the walk's counts
/// and the trees it has seen (for the cache).
fn enumerate(
    repo_path: &Path,
    inspection: &Inspection,
    selection: &Selection,
    walk: Walk,
    sender: std::sync::mpsc::SyncSender<(usize, Target)>,
    progress: &ScanProgress,
) -> Result<(Vec<Target>, Stats, FxHashSet<SeenKey>)> {
    let repo = inspection.open(repo_path).map_err(git_error)?;
    let mut targets = Vec::new();
    let mut stats = Stats::default();
    let mut emit = |target: Target| {
        let _ = sender.send((targets.len(), target.clone()));
        targets.push(target);
    };
    let mut trees = FxHashSet::default();
    match selection {
        Selection::AllRefs => {
            trees = all_refs(&repo, walk, &mut stats, &mut emit, progress)?;
        }
        Selection::Range(range) => range_targets(&repo, range, &mut stats, &mut emit, progress)?,
        Selection::Staged => staged(&repo, &mut emit)?,
    }
    Ok((targets, stats, trees))
}

/// Every ref, peeled: to a commit (walked) or to a tree or a blob (scanned as they are).
/// A ref that cannot be read or resolved is named in `stats`.
fn read_refs(repo: &Repository, stats: &mut Stats) -> Result<Vec<Tip>> {
    let mut tips = Vec::new();
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
                Some(ObjectType::Commit) => tips.push(Tip {
                    name,
                    oid: object.id(),
                    commit: true,
                }),
                Some(ObjectType::Tree | ObjectType::Blob) => tips.push(Tip {
                    name,
                    oid: object.id(),
                    commit: false,
                }),
                _ => {}
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
    Ok(tips)
}

/// The cached history, if there is one this run can build on. A cache that cannot be read
/// or that no longer describes the repository (a ref rewritten or deleted since) is a
/// warning and a full scan, never a report built on it.
fn load_prior(
    repo: &Repository,
    file: &Path,
    key: &Key,
    tips: &[Tip],
    warnings: &mut Vec<String>,
) -> Option<Prior> {
    let full_scan = |reason: String, warnings: &mut Vec<String>| {
        warnings.push(format!(
            "cache {}: {reason}; scanning the whole history",
            file.display()
        ));
        None
    };
    let loaded = match history_cache::load(file, key) {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return None,
        Err(reason) => return full_scan(reason, warnings),
    };
    if let Some(gone) = unreachable_tip(repo, &loaded.history.tips, tips) {
        return full_scan(
            format!("{gone} was rewritten or deleted since the cached scan"),
            warnings,
        );
    }
    Some(Prior {
        history: loaded.history,
        verdicts_valid: loaded.verdicts_valid,
    })
}

/// The first cached tip whose history the current refs no longer contain: its blobs may no
/// longer be in the repository's history, so nothing cached can be trusted to be.
fn unreachable_tip(repo: &Repository, cached: &[Tip], current: &[Tip]) -> Option<String> {
    let now: HashMap<&str, &Tip> = current.iter().map(|t| (t.name.as_str(), t)).collect();
    let current_objects: HashSet<Oid> = current.iter().map(|t| t.oid).collect();
    let current_commits: Vec<Oid> = current.iter().filter(|t| t.commit).map(|t| t.oid).collect();
    for tip in cached {
        if current_objects.contains(&tip.oid) {
            continue;
        }
        let moved_forward = tip.commit
            && now.get(tip.name.as_str()).is_some_and(|t| {
                t.commit && repo.graph_descendant_of(t.oid, tip.oid).unwrap_or(false)
            });
        if moved_forward {
            continue;
        }
        let still_reachable = tip.commit
            && current_commits
                .iter()
                .any(|&c| repo.graph_descendant_of(c, tip.oid).unwrap_or(false));
        if !still_reachable {
            return Some(format!("ref {} ({})", tip.name, tip.oid));
        }
    }
    None
}

/// Every unique blob reachable from any ref, each with the first commit (oldest first,
/// topologically) whose tree holds it: the commit that introduced it. Trees already seen
/// are skipped, so the walk costs one visit per unique tree, not per commit. With a cached
/// earlier walk, only the commits it had not reached are walked, and the trees and blobs it
/// had seen are skipped; cached blobs whose verdict must be renewed are sent first.
fn all_refs(
    repo: &Repository,
    walk_from: Walk,
    stats: &mut Stats,
    emit: &mut dyn FnMut(Target),
    progress: &ScanProgress,
) -> Result<FxHashSet<SeenKey>> {
    let mut walk = repo.revwalk().map_err(git_error)?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(git_error)?;
    let mut seen_trees = FxHashSet::default();
    let mut seen_blobs = FxHashSet::default();
    if let Some(prior) = walk_from.prior {
        seen_trees.extend(prior.history.trees.iter().map(|&t| seen_key(t)));
        for blob in &prior.history.blobs {
            seen_blobs.insert(seen_key(blob.oid));
            if !prior.verdicts_valid {
                emit(Target {
                    oid: blob.oid,
                    path: blob.path.clone(),
                    commit: blob.commit,
                });
            }
        }
        for tip in prior.history.tips.iter().filter(|t| t.commit) {
            // Reachable (checked before the walk): what it reaches was walked before.
            walk.hide(tip.oid).map_err(git_error)?;
        }
    }
    let mut pushed = 0;
    // Tags that point at a tree or a blob rather than a commit: scanned too.
    let mut loose_ends = Vec::new();
    for tip in walk_from.tips {
        if !tip.commit {
            loose_ends.push(tip);
            continue;
        }
        match walk.push(tip.oid) {
            Ok(()) => pushed += 1,
            Err(e) => stats.missing(format!(
                "ref {}: commit {} cannot be read: {}",
                tip.name,
                tip.oid,
                e.message()
            )),
        }
    }
    let mut walker = TreeWalker {
        repo,
        packs: walk_from.packs,
        inflater: flate2::Decompress::new(true),
        seen_trees,
        seen_blobs,
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
            match repo.find_commit(oid).map(|c| c.tree_id()) {
                Ok(tree) => walker.visit(tree, "", Some(oid)),
                Err(e) => walker
                    .stats
                    .missing(format!("commit {oid} cannot be read: {}", e.message())),
            }
        }
    }
    for tip in loose_ends {
        let (name, oid) = (&tip.name, tip.oid);
        match repo.find_object(oid, None).map(|o| o.kind()) {
            // A tree a tag points at: its blobs belong to no commit.
            Ok(Some(ObjectType::Tree)) => walker.visit(oid, name, None),
            Ok(Some(ObjectType::Blob)) if walker.seen_blobs.insert(seen_key(oid)) => {
                (walker.emit)(Target {
                    oid,
                    path: name.clone(),
                    commit: None,
                })
            }
            Ok(_) => {}
            Err(e) => walker.stats.missing(format!(
                "ref {name}: object {oid} cannot be read: {}",
                e.message()
            )),
        }
    }
    Ok(walker.seen_trees)
}

/// Folds the cached blobs that were not read again into the counts and the hits, and
/// returns the history to store: the refs walked, every tree seen, every blob with its
/// verdict and hits.
#[allow(clippy::too_many_arguments)]
fn settle_cache(
    stats: &mut Stats,
    rules: &RuleSet,
    prior: Option<Prior>,
    tips: &[Tip],
    targets: &mut Vec<Target>,
    hits: &mut Vec<(usize, Hit)>,
    verdicts: &[(usize, u64, Verdict)],
    trees: FxHashSet<SeenKey>,
) -> History {
    let mut history = History {
        tips: tips.to_vec(),
        commits: stats.commits,
        trees: trees
            .into_iter()
            .filter_map(|t| Oid::from_bytes(&t).ok())
            .collect(),
        blobs: Vec::with_capacity(targets.len()),
    };
    let mut hits_of: HashMap<usize, Vec<CachedHit>> = HashMap::new();
    for (index, hit) in hits.iter() {
        hits_of.entry(*index).or_default().push(CachedHit {
            rule: rules.rules[hit.rule].id.clone(),
            secret: hit.secret.clone(),
            line: hit.line as u64,
            column: hit.column as u64,
            entropy: hit.entropy,
            encoding: hit.encoding,
        });
    }
    for &(index, size, verdict) in verdicts {
        let target = &targets[index];
        history.blobs.push(CachedBlob {
            oid: target.oid,
            path: target.path.clone(),
            commit: target.commit,
            size,
            verdict,
            hits: hits_of.remove(&index).unwrap_or_default(),
        });
    }
    if let Some(prior) = prior {
        history.commits += prior.history.commits;
        stats.commits = history.commits;
        if prior.verdicts_valid {
            for blob in prior.history.blobs {
                stats.blobs_cached += 1;
                match blob.verdict {
                    Verdict::Skipped => stats.blobs_skipped += 1,
                    Verdict::Clean | Verdict::Hits => {
                        stats.blobs_scanned += 1;
                        stats.bytes_scanned += blob.size;
                    }
                }
                for hit in &blob.hits {
                    // The key covers the rules, so every id is still there.
                    if let Some(rule) = rules.rule_index(&hit.rule) {
                        hits.push((
                            targets.len(),
                            Hit {
                                rule,
                                secret: hit.secret.clone(),
                                line: hit.line as usize,
                                column: hit.column as usize,
                                entropy: hit.entropy,
                                encoding: hit.encoding,
                            },
                        ));
                    }
                }
                if !blob.hits.is_empty() {
                    targets.push(Target {
                        oid: blob.oid,
                        path: blob.path.clone(),
                        commit: blob.commit,
                    });
                }
                history.blobs.push(blob);
            }
        }
    }
    history
}

/// Visits each unique tree once and emits each unique blob once.
struct TreeWalker<'a, 'r> {
    repo: &'r Repository,
    packs: Option<&'r Packs>,
    inflater: flate2::Decompress,
    seen_trees: FxHashSet<SeenKey>,
    seen_blobs: FxHashSet<SeenKey>,
    stats: &'a mut Stats,
    emit: &'a mut dyn FnMut(Target),
}

impl TreeWalker<'_, '_> {
    fn visit(&mut self, tree: Oid, prefix: &str, commit: Option<Oid>) {
        if !self.seen_trees.insert(seen_key(tree)) {
            return;
        }
        let bytes = match self.tree_bytes(tree) {
            Ok(bytes) => bytes,
            Err(e) => {
                let problem = match commit {
                    Some(commit) if prefix.is_empty() => {
                        format!("tree {tree} of commit {commit} cannot be read: {e}")
                    }
                    _ => format!("tree {tree} ({prefix}) cannot be read: {e}"),
                };
                self.stats.missing(problem);
                return;
            }
        };
        for entry in TreeEntries(&bytes) {
            let Ok((kind, name, id)) = entry else {
                self.stats.missing(format!(
                    "tree {tree} ({prefix}) cannot be read: an entry is malformed"
                ));
                break;
            };
            // Most entries were seen in an earlier commit: test before building the path.
            let fresh = match kind {
                EntryKind::Blob => self.seen_blobs.insert(id),
                EntryKind::Tree => !self.seen_trees.contains(&id),
                // Submodules: commits of another repository.
                EntryKind::Other => false,
            };
            if !fresh {
                continue;
            }
            let name = String::from_utf8_lossy(name);
            let path = if prefix.is_empty() {
                name.into_owned()
            } else {
                format!("{prefix}/{name}")
            };
            let oid = Oid::from_bytes(&id).expect("20 bytes");
            if kind == EntryKind::Blob {
                (self.emit)(Target { oid, path, commit });
            } else {
                self.visit(oid, &path, commit);
            }
        }
    }

    /// A tree's raw bytes: from the pack reader when it has them, else through libgit2.
    fn tree_bytes(&mut self, tree: Oid) -> std::result::Result<std::sync::Arc<Vec<u8>>, String> {
        let id = seen_key(tree);
        if let Some(bytes) = self
            .packs
            .and_then(|packs| packs.read_tree(&id, &mut self.inflater))
        {
            return Ok(bytes);
        }
        let odb = self.repo.odb().map_err(|e| e.message().to_string())?;
        let object = odb.read(tree).map_err(|e| e.message().to_string())?;
        if object.kind() != ObjectType::Tree {
            return Err(format!("it is a {}, not a tree", object.kind()));
        }
        Ok(std::sync::Arc::new(object.data().to_vec()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    Blob,
    Tree,
    /// A submodule's commit.
    Other,
}

/// The entries of a raw tree object: `<octal mode> <name>\0<20-byte id>`, repeated.
struct TreeEntries<'a>(&'a [u8]);

impl<'a> Iterator for TreeEntries<'a> {
    type Item = std::result::Result<(EntryKind, &'a [u8], SeenKey), ()>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.0.is_empty() {
            return None;
        }
        let entry = (|| {
            let space = memchr::memchr(b' ', self.0)?;
            let mode = std::str::from_utf8(&self.0[..space]).ok()?;
            let mode = u32::from_str_radix(mode, 8).ok()?;
            let nul = space + 1 + memchr::memchr(0, &self.0[space + 1..])?;
            let id: SeenKey = self.0.get(nul + 1..nul + 21)?.try_into().ok()?;
            let kind = match mode & 0o170000 {
                0o040000 => EntryKind::Tree,
                0o100000 | 0o120000 => EntryKind::Blob,
                _ => EntryKind::Other,
            };
            Some(((kind, &self.0[space + 1..nul], id), nul + 21))
        })();
        match entry {
            Some((item, len)) => {
                self.0 = &self.0[len..];
                Some(Ok(item))
            }
            None => {
                self.0 = &[];
                Some(Err(()))
            }
        }
    }
}

/// Object ids as plain bytes in the walk's sets: comparing `Oid`s goes through libgit2,
/// and the walk compares a few million of them.
type SeenKey = [u8; 20];

fn seen_key(oid: Oid) -> SeenKey {
    oid.as_bytes().try_into().unwrap_or([0; 20])
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

/// The latest scanned version of each file, so that the next version's keyword search
/// skips what the two share (most commits change a few lines of a file). Bounded: the
/// oldest entries go once more than [`Versions::BUDGET`] bytes are kept.
#[derive(Default)]
struct Versions {
    latest: HashMap<String, (u64, std::sync::Arc<Version>)>,
    order: std::collections::VecDeque<(String, u64)>,
    bytes: usize,
    generation: u64,
}

struct Version {
    content: std::sync::Arc<Vec<u8>>,
    notes: VersionNotes,
}

impl Version {
    fn size(&self) -> usize {
        self.content.len() + self.notes.size()
    }
}

impl Versions {
    const BUDGET: usize = 16 << 20;
    /// Larger files are rare in a history and would crowd out the rest.
    const LARGEST: usize = 4 << 20;

    fn get(&self, path: &str) -> Option<std::sync::Arc<Version>> {
        self.latest.get(path).map(|(_, v)| std::sync::Arc::clone(v))
    }

    fn keep(&mut self, path: &str, content: std::sync::Arc<Vec<u8>>, notes: VersionNotes) {
        if content.len() > Self::LARGEST {
            return;
        }
        self.generation += 1;
        let version = Version { content, notes };
        self.bytes += version.size();
        if let Some((_, old)) = self.latest.insert(
            path.to_string(),
            (self.generation, std::sync::Arc::new(version)),
        ) {
            self.bytes -= old.size();
        }
        self.order.push_back((path.to_string(), self.generation));
        while self.bytes > Self::BUDGET {
            let Some((path, generation)) = self.order.pop_front() else {
                break;
            };
            if self
                .latest
                .get(&path)
                .is_some_and(|(g, _)| *g == generation)
            {
                if let Some((_, old)) = self.latest.remove(&path) {
                    self.bytes -= old.size();
                }
            }
        }
    }
}

/// Hits with the index of the target they were found in, and each read target's verdict
/// with its size (for the cache).
type Scanned = (Stats, Vec<(usize, Hit)>, Vec<(usize, u64, Verdict)>);

/// Scans blobs as they arrive, in parallel. Each thread opens its own handle (libgit2
/// repositories are not shared between threads) and holds one blob at a time, so memory
/// stays bounded.
#[allow(clippy::too_many_arguments)]
fn scan_stream(
    receiver: std::sync::mpsc::Receiver<(usize, Target)>,
    repo_path: &Path,
    inspection: &Inspection,
    packs: Option<&Packs>,
    engine: &Engine,
    max_blob_size: u64,
    progress: &ScanProgress,
) -> Scanned {
    let versions = std::sync::Mutex::new(Versions::default());
    let results: Vec<Scanned> = receiver
        .into_iter()
        .par_bridge()
        .map_init(
            || {
                (
                    inspection.open(repo_path).ok(),
                    flate2::Decompress::new(true),
                )
            },
            |(repo, inflater), (index, target)| {
                let mut stats = Stats::default();
                let reader = Reader {
                    repo: repo.as_ref(),
                    packs,
                };
                let blob = match reader.read(&target, max_blob_size, inflater, &mut stats) {
                    BlobRead::Blob(blob) => blob,
                    BlobRead::Skipped(size) => {
                        return (stats, Vec::new(), vec![(index, size, Verdict::Skipped)])
                    }
                    BlobRead::Missing => return (stats, Vec::new(), Vec::new()),
                };
                let size = blob.content().len() as u64;
                stats.blobs_scanned += 1;
                stats.bytes_scanned += size;
                progress.blob_scanned(size);
                let commit = target.commit.map(|c| c.to_string());
                let earlier = versions.lock().ok().and_then(|v| v.get(&target.path));
                let (hits, notes) = engine.scan_version(
                    &Blob {
                        path: &target.path,
                        commit: commit.as_deref(),
                        content: blob.content(),
                    },
                    earlier.as_ref().map(|v| Earlier {
                        content: &v.content,
                        notes: &v.notes,
                    }),
                );
                if let (Some(notes), Ok(mut versions)) = (notes, versions.lock()) {
                    versions.keep(&target.path, blob.shared(), notes);
                }
                let verdict = if hits.is_empty() {
                    Verdict::Clean
                } else {
                    Verdict::Hits
                };
                (
                    stats,
                    hits.into_iter().map(|h| (index, h)).collect(),
                    vec![(index, size, verdict)],
                )
            },
        )
        .collect();
    let mut total = Stats::default();
    let mut all = Vec::new();
    let mut verdicts = Vec::new();
    for (stats, hits, verdict) in results {
        total.blobs_scanned += stats.blobs_scanned;
        total.bytes_scanned += stats.bytes_scanned;
        total.blobs_skipped += stats.blobs_skipped;
        total.objects_missing += stats.objects_missing;
        total.problems.extend(stats.problems);
        all.extend(hits);
        verdicts.extend(verdict);
    }
    (total, all, verdicts)
}

enum BlobRead<'r> {
    Blob(BlobContent<'r>),
    /// Over the size limit: counted as skipped, with its size.
    Skipped(u64),
    /// Counted and named in the stats.
    Missing,
}

/// A blob's bytes, as libgit2 or the pack reader gave them.
enum BlobContent<'r> {
    Git(git2::Blob<'r>),
    Packed(std::sync::Arc<Vec<u8>>),
}

impl BlobContent<'_> {
    fn content(&self) -> &[u8] {
        match self {
            BlobContent::Git(blob) => blob.content(),
            BlobContent::Packed(bytes) => bytes,
        }
    }

    /// The bytes to keep beyond this blob's scan: shared when the pack reader gave them.
    fn shared(&self) -> std::sync::Arc<Vec<u8>> {
        match self {
            BlobContent::Git(blob) => std::sync::Arc::new(blob.content().to_vec()),
            BlobContent::Packed(bytes) => std::sync::Arc::clone(bytes),
        }
    }
}

/// One scanning thread's ways to read a blob: the pack reader first, when there is one,
/// then libgit2 for everything it leaves (loose objects, anything unusual or damaged).
struct Reader<'r> {
    repo: Option<&'r Repository>,
    packs: Option<&'r Packs>,
}

impl<'r> Reader<'r> {
    /// The blob, unless it is missing (counted) or over the size limit (counted as skipped).
    fn read(
        &self,
        target: &Target,
        max_blob_size: u64,
        inflater: &mut flate2::Decompress,
        stats: &mut Stats,
    ) -> BlobRead<'r> {
        let oid = target.oid;
        let packed = self.packs.zip(<[u8; 20]>::try_from(oid.as_bytes()).ok());
        match packed.and_then(|(packs, id)| packs.read_blob(&id, max_blob_size, inflater)) {
            Some(PackRead::Blob(bytes)) => return BlobRead::Blob(BlobContent::Packed(bytes)),
            Some(PackRead::TooLarge(size)) => {
                stats.blobs_skipped += 1;
                return BlobRead::Skipped(size);
            }
            None => {}
        }
        let Some(repo) = self.repo else {
            stats.missing(format!(
                "blob {oid} ({}): the repository could not be opened",
                target.path
            ));
            return BlobRead::Missing;
        };
        let unreadable = |stats: &mut Stats, e: git2::Error| {
            stats.missing(format!(
                "blob {oid} ({}) cannot be read: {}",
                target.path,
                e.message()
            ));
            BlobRead::Missing
        };
        match repo.odb().and_then(|odb| odb.read_header(oid)) {
            Ok((size, _)) if size as u64 > max_blob_size => {
                stats.blobs_skipped += 1;
                return BlobRead::Skipped(size as u64);
            }
            Ok(_) => {}
            Err(e) => return unreadable(stats, e),
        }
        match repo.find_blob(oid) {
            Ok(blob) => BlobRead::Blob(BlobContent::Git(blob)),
            Err(e) => unreadable(stats, e),
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
    fn tree_entries_are_read_and_malformed_ones_refused() {
        let mut tree = Vec::new();
        for (mode, name, id) in [
            ("100644", "a.txt", 1u8),
            ("40000", "dir", 2),
            ("160000", "sub", 3),
        ] {
            tree.extend_from_slice(format!("{mode} {name}\0").as_bytes());
            tree.extend_from_slice(&[id; 20]);
        }
        let entries: Vec<_> = TreeEntries(&tree).collect();
        assert_eq!(
            entries,
            vec![
                Ok((EntryKind::Blob, &b"a.txt"[..], [1; 20])),
                Ok((EntryKind::Tree, &b"dir"[..], [2; 20])),
                Ok((EntryKind::Other, &b"sub"[..], [3; 20])),
            ]
        );
        // Cut inside the last id, and a mode that is not octal: one error, then the end.
        let cut: Vec<_> = TreeEntries(&tree[..tree.len() - 3]).collect();
        assert_eq!(cut.len(), 3);
        assert_eq!(cut[2], Err(()));
        assert_eq!(
            TreeEntries(b"10x644 a\0").collect::<Vec<_>>(),
            vec![Err(())]
        );
    }

    #[test]
    fn timestamps() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_764_493_374), "2025-11-30T09:02:54Z");
    }
}
