//! What is staged, the way git finds it: the index's cache-tree extension records, for each
//! directory the index has not changed since, the tree id it would write. Where that id
//! equals HEAD's, the whole directory is unchanged and is skipped without reading a tree,
//! so a pre-commit scan costs the changed directories, not the size of the repository.
//! libgit2 does not expose the cache-tree, so it is read from the index file here; any
//! layout this reader does not know (split or sparse index, SHA-256) returns `None` and
//! the caller falls back to libgit2's full diff.

use std::cell::RefCell;
use std::collections::HashMap;

use git2::{Index, ObjectType, Oid, Repository, Tree};

/// Index entries that differ from HEAD (added or modified), as (path, blob id).
pub fn staged_changes(
    repo: &Repository,
    index: &Index,
    head: Option<&Tree>,
) -> Option<Vec<(String, Oid)>> {
    if std::env::var_os("GIT_INDEX_FILE").is_some() {
        return None;
    }
    let bytes = std::fs::read(repo.path().join("index")).ok()?;
    let cached = cache_tree(&bytes)?;
    let head_dirs = HeadDirs::new(repo, head);
    let mut changed = Vec::new();
    let mut skip: Option<String> = None;
    for entry in index.iter() {
        let path = String::from_utf8_lossy(&entry.path).into_owned();
        // Stage-0 entries only; conflicts (stages 1-3) cannot be committed anyway.
        if (entry.flags >> 12) & 0x3 != 0 {
            continue;
        }
        if let Some(prefix) = &skip {
            if path.starts_with(prefix.as_str()) {
                continue;
            }
            skip = None;
        }
        if let Some(dir) = unchanged_ancestor(&path, &cached, &head_dirs) {
            skip = Some(if dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            });
            continue;
        }
        if head_dirs.blob(&path) != Some(entry.id) {
            changed.push((path, entry.id));
        }
    }
    Some(changed)
}

/// The shallowest directory above `path` (the root is `""`) whose cached tree id equals
/// HEAD's tree at that directory.
fn unchanged_ancestor(
    path: &str,
    cached: &HashMap<String, Oid>,
    head: &HeadDirs,
) -> Option<String> {
    let mut dirs = vec![String::new()];
    let mut end = 0;
    while let Some(i) = path[end..].find('/') {
        end += i;
        dirs.push(path[..end].to_string());
        end += 1;
    }
    dirs.into_iter().find(|dir| {
        cached
            .get(dir)
            .is_some_and(|oid| head.tree(dir) == Some(*oid))
    })
}

/// HEAD's trees, looked up by directory path; each tree is read once and its children are
/// resolved from it in memory.
struct HeadDirs<'r> {
    repo: &'r Repository,
    trees: RefCell<HashMap<String, Option<Tree<'r>>>>,
}

impl<'r> HeadDirs<'r> {
    fn new(repo: &'r Repository, head: Option<&Tree<'r>>) -> Self {
        let mut trees = HashMap::new();
        trees.insert(String::new(), head.cloned());
        HeadDirs {
            repo,
            trees: RefCell::new(trees),
        }
    }

    /// The id of HEAD's tree at `dir`.
    fn tree(&self, dir: &str) -> Option<Oid> {
        self.load(dir);
        self.trees.borrow().get(dir)?.as_ref().map(Tree::id)
    }

    /// The id of what HEAD has at `path`.
    fn blob(&self, path: &str) -> Option<Oid> {
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        self.load(dir);
        let trees = self.trees.borrow();
        let entry_id = trees.get(dir)?.as_ref()?.get_name(name).map(|e| e.id());
        entry_id
    }

    fn load(&self, dir: &str) {
        if self.trees.borrow().contains_key(dir) {
            return;
        }
        let (parent, name) = dir.rsplit_once('/').unwrap_or(("", dir));
        self.load(parent);
        let child = {
            let trees = self.trees.borrow();
            trees
                .get(parent)
                .and_then(|t| t.as_ref())
                .and_then(|t| t.get_name(name))
                .filter(|e| e.kind() == Some(ObjectType::Tree))
                .map(|e| e.id())
        };
        let tree = child.and_then(|id| self.repo.find_tree(id).ok());
        self.trees.borrow_mut().insert(dir.to_string(), tree);
    }
}

/// The valid nodes of the index's cache-tree, by directory path (`""` is the root).
pub fn cache_tree(index: &[u8]) -> Option<HashMap<String, Oid>> {
    let data = tree_extension(index)?;
    let mut nodes = HashMap::new();
    let mut pos = 0;
    parse_node(data, &mut pos, "", &mut nodes)?;
    Some(nodes)
}

fn parse_node(
    data: &[u8],
    pos: &mut usize,
    parent: &str,
    nodes: &mut HashMap<String, Oid>,
) -> Option<()> {
    let name_end = *pos + data[*pos..].iter().position(|&b| b == 0)?;
    let name = std::str::from_utf8(&data[*pos..name_end]).ok()?;
    let path = match (parent.is_empty(), name.is_empty()) {
        (_, true) => parent.to_string(),
        (true, false) => name.to_string(),
        (false, false) => format!("{parent}/{name}"),
    };
    *pos = name_end + 1;
    let line_end = *pos + data[*pos..].iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&data[*pos..line_end]).ok()?;
    let (entries, subtrees) = line.split_once(' ')?;
    let entries: i64 = entries.parse().ok()?;
    let subtrees: usize = subtrees.parse().ok()?;
    *pos = line_end + 1;
    if entries >= 0 {
        let oid = Oid::from_bytes(data.get(*pos..*pos + 20)?).ok()?;
        *pos += 20;
        nodes.insert(path.clone(), oid);
    }
    for _ in 0..subtrees {
        parse_node(data, pos, &path, nodes)?;
    }
    Some(())
}

/// The body of the `TREE` extension, after walking the entries (versions 2 to 4).
fn tree_extension(index: &[u8]) -> Option<&[u8]> {
    const SHA1: usize = 20;
    if index.len() < 12 + SHA1 || &index[..4] != b"DIRC" {
        return None;
    }
    let version = u32::from_be_bytes(index[4..8].try_into().ok()?);
    let count = u32::from_be_bytes(index[8..12].try_into().ok()?) as usize;
    if !(2..=4).contains(&version) {
        return None;
    }
    let mut pos = 12;
    for _ in 0..count {
        let start = pos;
        let flags = u16::from_be_bytes(index.get(start + 60..start + 62)?.try_into().ok()?);
        pos = start + 62;
        if version >= 3 && flags & 0x4000 != 0 {
            pos += 2;
        }
        if version == 4 {
            // Prefix-compressed path: a varint, then the NUL-terminated suffix; no padding.
            while *index.get(pos)? & 0x80 != 0 {
                pos += 1;
            }
            pos += 1;
            pos += index[pos..].iter().position(|&b| b == 0)? + 1;
        } else {
            let name_end = pos + index.get(pos..)?.iter().position(|&b| b == 0)?;
            // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
            let length = name_end - start;
            pos = start + (length + 8) / 8 * 8;
        }
    }
    let end = index.len() - SHA1;
    while pos + 8 <= end {
        let signature = &index[pos..pos + 4];
        let size = u32::from_be_bytes(index[pos + 4..pos + 8].try_into().ok()?) as usize;
        let body = index.get(pos + 8..pos + 8 + size)?;
        match signature {
            b"TREE" => return Some(body),
            // A split or sparse index keeps entries elsewhere: not ours to read.
            b"link" | b"sdir" => return None,
            _ => pos += 8 + size,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_cache_tree_libgit2_writes() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        for (name, text) in [("a.txt", "a"), ("src/b.rs", "b"), ("src/deep/c.rs", "c")] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let mut index = repo.index().unwrap();
        for name in ["a.txt", "src/b.rs", "src/deep/c.rs"] {
            index.add_path(std::path::Path::new(name)).unwrap();
        }
        let root = index.write_tree().unwrap();
        index.write().unwrap();
        let nodes =
            cache_tree(&std::fs::read(dir.path().join(".git/index")).unwrap()).expect("cache-tree");
        assert_eq!(nodes[""], root);
        let tree = repo.find_tree(root).unwrap();
        let src = tree.get_path(std::path::Path::new("src")).unwrap().id();
        assert_eq!(nodes["src"], src);
        assert!(nodes.contains_key("src/deep"));
    }

    #[test]
    fn staged_changes_match_a_full_diff() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        let files = [
            "a.txt",
            "src/b.rs",
            "src/deep/c.rs",
            "docs/d.md",
            "docs/e.md",
        ];
        for name in files {
            write(name, name);
        }
        let mut index = repo.index().unwrap();
        for name in files {
            index.add_path(std::path::Path::new(name)).unwrap();
        }
        let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
        let sig = git2::Signature::new("A", "a@b.c", &git2::Time::new(1_700_000_000, 0)).unwrap();
        repo.commit(Some("HEAD"), &sig, &sig, "init", &tree, &[])
            .unwrap();
        index.write().unwrap();
        // Modify one file deep down, add one in a new directory, touch nothing else.
        write("src/deep/c.rs", "changed");
        write("new/f.txt", "new");
        index
            .add_path(std::path::Path::new("src/deep/c.rs"))
            .unwrap();
        index.add_path(std::path::Path::new("new/f.txt")).unwrap();
        index.write().unwrap();

        let index = repo.index().unwrap();
        let head = repo.head().unwrap().peel_to_tree().unwrap();
        let mut fast: Vec<String> = staged_changes(&repo, &index, Some(&head))
            .expect("cache-tree is readable")
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        fast.sort();
        let diff = repo
            .diff_tree_to_index(Some(&head), Some(&index), None)
            .unwrap();
        let mut full: Vec<String> = diff
            .deltas()
            .map(|d| d.new_file().path().unwrap().to_string_lossy().into_owned())
            .collect();
        full.sort();
        assert_eq!(fast, ["new/f.txt", "src/deep/c.rs"]);
        assert_eq!(fast, full);
    }

    #[test]
    fn unknown_layouts_are_declined() {
        assert!(cache_tree(b"not an index at all, just bytes").is_none());
        let mut v5 = b"DIRC\0\0\0\x05\0\0\0\0".to_vec();
        v5.extend_from_slice(&[0; 20]);
        assert!(cache_tree(&v5).is_none());
    }
}
