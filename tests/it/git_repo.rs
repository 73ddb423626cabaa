//! Real git repositories for tests, built with libgit2 and fixed dates, so commit ids and
//! snapshots are the same on every run.

use std::path::Path;

use git2::{Oid, Repository, Signature, Time};

pub struct TestRepo {
    pub dir: tempfile::TempDir,
    pub repo: Repository,
    clock: std::cell::Cell<i64>,
}

impl TestRepo {
    pub fn new() -> TestRepo {
        let dir = tempfile::tempdir().unwrap();
        let mut options = git2::RepositoryInitOptions::new();
        options.initial_head("main");
        let repo = Repository::init_opts(dir.path(), &options).unwrap();
        TestRepo {
            dir,
            repo,
            clock: std::cell::Cell::new(1_735_689_600), // 2025-01-01T00:00:00Z
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    fn signature(&self, who: &str) -> Signature<'static> {
        let t = self.clock.get() + 3600;
        self.clock.set(t);
        Signature::new(
            who,
            &format!("{}@acme.test", who.to_lowercase()),
            &Time::new(t, 0),
        )
        .unwrap()
    }

    /// Writes (Some) or deletes (None) files in the work tree and stages them.
    pub fn stage(&self, files: &[(&str, Option<&[u8]>)]) {
        let mut index = self.repo.index().unwrap();
        for (name, content) in files {
            let path = self.path().join(name);
            match content {
                Some(bytes) => {
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(&path, bytes).unwrap();
                    index.add_path(Path::new(name)).unwrap();
                }
                None => {
                    let _ = std::fs::remove_file(&path);
                    index.remove_path(Path::new(name)).unwrap();
                }
            }
        }
        index.write().unwrap();
    }

    /// Stages `files` and commits them on HEAD as `who`.
    pub fn commit(&self, who: &str, message: &str, files: &[(&str, Option<&[u8]>)]) -> Oid {
        self.stage(files);
        let parents: Vec<git2::Commit> = self
            .repo
            .head()
            .ok()
            .and_then(|h| h.peel_to_commit().ok())
            .into_iter()
            .collect();
        self.commit_with_parents(who, message, &parents.iter().collect::<Vec<_>>())
    }

    pub fn commit_with_parents(&self, who: &str, message: &str, parents: &[&git2::Commit]) -> Oid {
        let mut index = self.repo.index().unwrap();
        let tree = self.repo.find_tree(index.write_tree().unwrap()).unwrap();
        let sig = self.signature(who);
        self.repo
            .commit(Some("HEAD"), &sig, &sig, message, &tree, parents)
            .unwrap()
    }

    /// Commits `files` as `who` at `unix_seconds` (the clock goes on from there).
    pub fn commit_at(
        &self,
        unix_seconds: i64,
        who: &str,
        message: &str,
        files: &[(&str, Option<&[u8]>)],
    ) -> Oid {
        self.clock.set(unix_seconds - 3600);
        self.commit(who, message, files)
    }

    pub fn branch(&self, name: &str) {
        let head = self.repo.head().unwrap().peel_to_commit().unwrap();
        self.repo.branch(name, &head, false).unwrap();
    }

    pub fn checkout(&self, name: &str) {
        let refname = format!("refs/heads/{name}");
        let obj = self.repo.revparse_single(&refname).unwrap();
        self.repo
            .checkout_tree(&obj, Some(git2::build::CheckoutBuilder::new().force()))
            .unwrap();
        self.repo.set_head(&refname).unwrap();
    }

    pub fn tag(&self, name: &str, target: Oid) {
        let obj = self.repo.find_object(target, None).unwrap();
        self.repo.tag_lightweight(name, &obj, false).unwrap();
    }
}

/// Fake credentials, built at run time so this file itself holds none.
pub fn github_token(seed: u8) -> String {
    let body: String = (0..36u32)
        .map(|i| {
            let n = (i * 7 + u32::from(seed) * 13) % 62;
            (match n {
                0..=9 => b'0' + n as u8,
                10..=35 => b'a' + (n - 10) as u8,
                _ => b'A' + (n - 36) as u8,
            }) as char
        })
        .collect();
    format!("{}_{body}", "ghp")
}

pub fn aws_key_id(seed: u8) -> String {
    let body: String = (0..16u32)
        .map(|i| (b'A' + ((i * 5 + u32::from(seed) * 3) % 26) as u8) as char)
        .collect();
    format!("{}{body}", "AKIA")
}
