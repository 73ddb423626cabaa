//! The git side of `drift flags`: when each line that sets a flag last changed, and who
//! changed it, from `git blame` through libgit2. Lines changed in the work tree and files
//! not committed yet count as changed today.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use git2::{BlameOptions, Oid, Repository};

use super::flags::{LineChange, LineRef};
use crate::date::Date;
use crate::error::{Error, Result, SourcePos};

/// The last change of every line in `lines`. A file outside any git repository is an
/// error: a flag's age cannot be told without its history, and guessing would hide a
/// stale flag.
pub fn date_lines(lines: &BTreeSet<LineRef>, today: Date) -> Result<HashMap<LineRef, LineChange>> {
    let mut by_file: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for line in lines {
        by_file.entry(&line.file).or_default().push(line.line);
    }
    let mut repos: HashMap<PathBuf, Repository> = HashMap::new();
    let mut dated = HashMap::new();
    for (file, wanted) in by_file {
        let changes = blame(file, &wanted, today, &mut repos)?;
        for (line, change) in wanted.into_iter().zip(changes) {
            dated.insert(
                LineRef {
                    file: file.into(),
                    line,
                },
                change,
            );
        }
    }
    Ok(dated)
}

/// The last change of each of `wanted` (sorted) in `file`.
fn blame(
    file: &str,
    wanted: &[u32],
    today: Date,
    repos: &mut HashMap<PathBuf, Repository>,
) -> Result<Vec<LineChange>> {
    let problem = |message: String| Error::input(SourcePos::new(file, 1, None), message);
    let path = std::fs::canonicalize(file)
        .map_err(|e| problem(format!("cannot read it again to date its flags: {e}")))?;
    let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
    let repo = match repos.iter().find(|(root, _)| dir.starts_with(root)) {
        Some((_, repo)) => repo,
        None => {
            let repo = Repository::discover(&dir).map_err(|_| {
                problem(
                    "not in a git repository: a flag's age comes from git blame of the line that sets it"
                        .to_string(),
                )
                .with_hint("run drift flags inside the repository that holds the configuration")
            })?;
            let root = repo
                .workdir()
                .and_then(|w| std::fs::canonicalize(w).ok())
                .ok_or_else(|| problem("in a bare git repository: nothing to blame".into()))?;
            repos.entry(root).or_insert(repo)
        }
    };
    let root = std::fs::canonicalize(repo.workdir().expect("checked above"))
        .map_err(|e| problem(e.to_string()))?;
    let relative = path.strip_prefix(&root).unwrap_or(&path);
    let uncommitted = LineChange {
        date: today,
        commit: None,
        author: "not committed yet".into(),
        email: String::new(),
    };
    let contents = std::fs::read(&path).map_err(|e| problem(e.to_string()))?;
    let in_head = repo
        .head()
        .and_then(|h| h.peel_to_tree())
        .and_then(|tree| tree.get_path(relative))
        .and_then(|entry| entry.to_object(repo))
        .ok()
        .and_then(|object| object.into_blob().ok());
    let Some(head_blob) = in_head else {
        // Not in HEAD (a new file, or a repository without commits): every line is new.
        return Ok(vec![uncommitted; wanted.len()]);
    };
    let modified = head_blob.content() != contents.as_slice();
    let mut options = BlameOptions::new();
    if !modified {
        // Only the lines asked for: blame walks history until every line in range is
        // explained, so a narrow range stops sooner. (Not when the work tree differs:
        // its line numbers are not HEAD's.)
        options
            .min_line(wanted.first().copied().unwrap_or(1) as usize)
            .max_line(wanted.last().copied().unwrap_or(1) as usize);
    }
    let committed = repo
        .blame_file(relative, Some(&mut options))
        .map_err(|e| problem(format!("git blame failed: {}", e.message())))?;
    let blame = if modified {
        committed
            .blame_buffer(&contents)
            .map_err(|e| problem(format!("git blame failed: {}", e.message())))?
    } else {
        committed
    };
    Ok(wanted
        .iter()
        .map(|&line| {
            let Some(hunk) = blame.get_line(line as usize) else {
                return uncommitted.clone();
            };
            let commit = hunk.final_commit_id();
            if commit == Oid::zero() {
                return uncommitted.clone();
            }
            let signature = hunk.final_signature();
            LineChange {
                date: Date::from_days_since_epoch(signature.when().seconds().div_euclid(86_400)),
                commit: Some(commit.to_string()[..10].to_string()),
                author: signature.name().unwrap_or_default().to_string(),
                email: signature.email().unwrap_or_default().to_string(),
            }
        })
        .collect())
}
