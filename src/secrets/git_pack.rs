//! Reads blobs and trees straight from a repository's pack files, for history scans.
//!
//! libgit2 resolves every delta chain through a fixed 16 MiB base cache, so in a history
//! scan it inflates the same bases again and again: on curl's repository that was half of
//! the scan's CPU. Here every decoded object stays in a bounded cache (one for the
//! scanners' blobs, one for the walk's trees); read in history order (newest first), an
//! object's delta base is then usually the newer version just read, as git writes its
//! packs that way. Entries are read with positioned reads, not mapped, so the pack does
//! not count towards the scan's memory.
//!
//! Anything unusual is left to libgit2, which then reads (and, for damage, names) the
//! object as before: an index other than version 2, an object not in a pack, a base in
//! another pack, a chain too long, sizes beyond [`HARD_LIMIT`], or bytes that do not
//! inflate or apply exactly. So this reader can make a scan faster, never less complete.

use std::collections::VecDeque;
use std::fs::File;
use std::path::Path;
use std::sync::{Arc, Mutex};

use flate2::{Decompress, FlushDecompress, Status};
use rustc_hash::FxHashMap;

/// Larger objects anywhere in a chain go to libgit2: bounds this reader's memory.
const HARD_LIMIT: u64 = 256 << 20;
/// Longer chains go to libgit2 (git writes at most 50; a hostile pack could loop through
/// ref-deltas).
const MAX_CHAIN: usize = 10_000;
/// Larger pack indexes are left to libgit2 (see [`Pack::open`]).
const MAX_INDEX: u64 = 1 << 30;

const OBJ_TREE: u8 = 2;
const OBJ_BLOB: u8 = 3;
const OBJ_OFS_DELTA: u8 = 6;
const OBJ_REF_DELTA: u8 = 7;

/// The packs of one object directory.
pub struct Packs {
    packs: Vec<Pack>,
    /// Blobs and trees apart: the history walk reads trees while the scanners read blobs,
    /// and neither should push the other's bases out.
    blobs: Mutex<Decoded>,
    trees: Mutex<Decoded>,
}

struct Pack {
    file: File,
    /// The whole `.idx` file (version 2): about 28 bytes per object.
    index: Vec<u8>,
    count: usize,
    /// Every entry's offset, sorted: an entry ends where the next begins.
    offsets: Vec<u64>,
    /// Where the trailing checksum starts.
    end: u64,
}

/// What [`Packs::read_blob`] found.
pub enum PackRead {
    /// The object's bytes (a blob's, or a tree's for [`Packs::read_tree`]).
    Blob(Arc<Vec<u8>>),
    /// Over the caller's size limit, with its size: not decoded.
    TooLarge(u64),
}

impl Packs {
    /// The packs under `objects/pack` whose index this reader understands; the others are
    /// left out, and libgit2 reads their objects.
    pub fn open(objects: &Path) -> Packs {
        let mut packs = Vec::new();
        if let Ok(entries) = std::fs::read_dir(objects.join("pack")) {
            let mut paths: Vec<_> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "pack"))
                .collect();
            paths.sort();
            packs.extend(paths.iter().filter_map(|p| Pack::open(p)));
        }
        Packs {
            packs,
            blobs: Mutex::new(Decoded::with_budget(32 << 20)),
            trees: Mutex::new(Decoded::with_budget(8 << 20)),
        }
    }

    /// The blob `oid`, or `None` when this reader leaves it to libgit2 (see the module
    /// documentation). `inflater` is the calling thread's own.
    pub fn read_blob(
        &self,
        oid: &[u8; 20],
        max_size: u64,
        inflater: &mut Decompress,
    ) -> Option<PackRead> {
        self.read(oid, OBJ_BLOB, max_size, inflater, &self.blobs)
    }

    /// The raw bytes of the tree `oid`, or `None` when this reader leaves it to libgit2.
    pub fn read_tree(&self, oid: &[u8; 20], inflater: &mut Decompress) -> Option<Arc<Vec<u8>>> {
        match self.read(oid, OBJ_TREE, HARD_LIMIT, inflater, &self.trees)? {
            PackRead::Blob(bytes) => Some(bytes),
            PackRead::TooLarge(_) => None,
        }
    }

    fn read(
        &self,
        oid: &[u8; 20],
        kind: u8,
        max_size: u64,
        inflater: &mut Decompress,
        cache: &Mutex<Decoded>,
    ) -> Option<PackRead> {
        let (pack_index, offset) = self
            .packs
            .iter()
            .enumerate()
            .find_map(|(i, pack)| pack.locate(oid).map(|offset| (i, offset)))?;
        let pack = &self.packs[pack_index];
        // Down the chain to a decoded or whole object, then back up applying deltas.
        let mut chain: Vec<(u64, Entry)> = Vec::new();
        let mut at = offset;
        let mut base = loop {
            if let Some(data) = cached(cache, pack_index, at) {
                if chain.is_empty() && data.len() as u64 > max_size {
                    return Some(PackRead::TooLarge(data.len() as u64));
                }
                break data;
            }
            if chain.len() > MAX_CHAIN {
                return None;
            }
            let entry = pack.entry(at)?;
            match entry.kind {
                OBJ_OFS_DELTA | OBJ_REF_DELTA => {
                    let base_at = entry.base?;
                    chain.push((at, entry));
                    at = base_at;
                }
                found if found == kind => {
                    if chain.is_empty() && entry.size > max_size {
                        return Some(PackRead::TooLarge(entry.size));
                    }
                    let data = Arc::new(pack.inflate(&entry, inflater)?);
                    keep(cache, pack_index, at, &data);
                    break data;
                }
                // Not the kind the walk said: libgit2 says what it is.
                _ => return None,
            }
        };
        while let Some((at, entry)) = chain.pop() {
            let delta = pack.inflate(&entry, inflater)?;
            let (base_size, result_size) = delta_sizes(&delta)?;
            if base_size != base.len() as u64 || result_size > HARD_LIMIT {
                return None;
            }
            if chain.is_empty() && result_size > max_size {
                return Some(PackRead::TooLarge(result_size));
            }
            base = Arc::new(apply_delta(&base, &delta)?);
            keep(cache, pack_index, at, &base);
        }
        Some(PackRead::Blob(base))
    }
}

fn cached(cache: &Mutex<Decoded>, pack: usize, offset: u64) -> Option<Arc<Vec<u8>>> {
    cache.lock().ok()?.get(pack, offset)
}

fn keep(cache: &Mutex<Decoded>, pack: usize, offset: u64, data: &Arc<Vec<u8>>) {
    if let Ok(mut cache) = cache.lock() {
        cache.keep(pack, offset, data);
    }
}

/// Decoded objects by (pack, offset), oldest out first once over the budget. For blobs,
/// measured on curl's history: 32 MiB saves most of the inflations a 16 MiB cache repeats
/// (a 64 MiB one saves a third more, at the cost of peak memory).
struct Decoded {
    objects: FxHashMap<(usize, u64), Arc<Vec<u8>>>,
    order: VecDeque<(usize, u64)>,
    bytes: usize,
    budget: usize,
}

impl Decoded {
    const LARGEST: usize = 4 << 20;

    fn with_budget(budget: usize) -> Decoded {
        Decoded {
            objects: FxHashMap::default(),
            order: VecDeque::new(),
            bytes: 0,
            budget,
        }
    }

    fn get(&self, pack: usize, offset: u64) -> Option<Arc<Vec<u8>>> {
        self.objects.get(&(pack, offset)).cloned()
    }

    fn keep(&mut self, pack: usize, offset: u64, data: &Arc<Vec<u8>>) {
        if data.len() > Self::LARGEST || self.objects.contains_key(&(pack, offset)) {
            return;
        }
        self.objects.insert((pack, offset), Arc::clone(data));
        self.order.push_back((pack, offset));
        self.bytes += data.len();
        while self.bytes > self.budget {
            let Some(key) = self.order.pop_front() else {
                break;
            };
            if let Some(old) = self.objects.remove(&key) {
                self.bytes -= old.len();
            }
        }
    }
}

/// One pack entry's header.
struct Entry {
    kind: u8,
    /// The inflated size: the object's, or for a delta the delta's.
    size: u64,
    /// Where the compressed bytes start and end.
    data: (u64, u64),
    /// A delta's base, in the same pack.
    base: Option<u64>,
}

impl Pack {
    fn open(pack_path: &Path) -> Option<Pack> {
        let index_path = pack_path.with_extension("idx");
        // Regular files only (a FIFO would block the open); and 28 bytes an object: a
        // larger index (38 million objects) is left to libgit2, which maps it rather than
        // reading it into memory.
        let index_meta = std::fs::metadata(&index_path).ok()?;
        if !index_meta.is_file()
            || index_meta.len() > MAX_INDEX
            || !std::fs::metadata(pack_path).ok()?.is_file()
        {
            return None;
        }
        let index = std::fs::read(index_path).ok()?;
        // Version 2: magic, version, 256 fan-out counts, then ids, CRCs, 4-byte offsets
        // and 8-byte offsets.
        if index.len() < 8 + 256 * 4 || index[..8] != [0xff, b't', b'O', b'c', 0, 0, 0, 2] {
            return None;
        }
        let count = be32(&index, 8 + 255 * 4)? as usize;
        let small = 8 + 256 * 4 + count * 24;
        if index.len() < small + count * 4 + 40 {
            return None;
        }
        let large_count = (index.len() - small - count * 4 - 40) / 8;
        let file = File::open(pack_path).ok()?;
        let end = file.metadata().ok()?.len().checked_sub(20)?;
        let mut pack = Pack {
            file,
            index,
            count,
            offsets: Vec::with_capacity(count),
            end,
        };
        for i in 0..count {
            let offset = pack.offset_of(i, large_count)?;
            if offset < 12 || offset >= end {
                return None;
            }
            pack.offsets.push(offset);
        }
        pack.offsets.sort_unstable();
        Some(pack)
    }

    fn offset_of(&self, i: usize, large_count: usize) -> Option<u64> {
        let small = 8 + 256 * 4 + self.count * 24;
        let offset = be32(&self.index, small + i * 4)?;
        if offset & 0x8000_0000 == 0 {
            return Some(u64::from(offset));
        }
        let j = (offset & 0x7fff_ffff) as usize;
        if j >= large_count {
            return None;
        }
        let at = small + self.count * 4 + j * 8;
        Some(u64::from_be_bytes(
            self.index.get(at..at + 8)?.try_into().ok()?,
        ))
    }

    /// The offset of `oid` in this pack (binary search within its fan-out bucket).
    fn locate(&self, oid: &[u8; 20]) -> Option<u64> {
        let bucket = oid[0] as usize;
        let lo = if bucket == 0 {
            0
        } else {
            be32(&self.index, 8 + (bucket - 1) * 4)? as usize
        };
        let hi = be32(&self.index, 8 + bucket * 4)? as usize;
        let ids = 8 + 256 * 4;
        let id = |i: usize| self.index.get(ids + i * 20..ids + i * 20 + 20);
        let (mut lo, mut hi) = (lo, hi.min(self.count));
        while lo < hi {
            let mid = (lo + hi) / 2;
            match id(mid)?.cmp(&oid[..]) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let large_count = (self.index.len() - (ids + self.count * 28) - 40) / 8;
                    return self.offset_of(mid, large_count);
                }
            }
        }
        None
    }

    fn entry(&self, offset: u64) -> Option<Entry> {
        let next = match self.offsets.binary_search(&offset) {
            Ok(i) => self.offsets.get(i + 1).copied().unwrap_or(self.end),
            Err(_) => return None,
        };
        // Type and size, then a base offset (or id): at most 10 + 10 + 20 bytes.
        let mut head = [0u8; 40];
        let head_len = ((next - offset) as usize).min(head.len());
        read_at(&self.file, &mut head[..head_len], offset)?;
        let head = &head[..head_len];
        let mut p = 0;
        let mut byte = *head.get(p)?;
        p += 1;
        let kind = (byte >> 4) & 7;
        let mut size = u64::from(byte & 15);
        let mut shift = 4;
        while byte & 0x80 != 0 {
            byte = *head.get(p)?;
            p += 1;
            if shift > 56 {
                return None;
            }
            size |= u64::from(byte & 0x7f) << shift;
            shift += 7;
        }
        if size > HARD_LIMIT {
            return None;
        }
        let base = match kind {
            OBJ_OFS_DELTA => {
                let mut byte = *head.get(p)?;
                p += 1;
                let mut back = u64::from(byte & 0x7f);
                while byte & 0x80 != 0 {
                    byte = *head.get(p)?;
                    p += 1;
                    back = back.checked_add(1)?.checked_mul(128)? | u64::from(byte & 0x7f);
                }
                Some(offset.checked_sub(back).filter(|&b| b > 0 && back > 0)?)
            }
            OBJ_REF_DELTA => {
                let id: [u8; 20] = head.get(p..p + 20)?.try_into().ok()?;
                p += 20;
                Some(self.locate(&id)?)
            }
            _ => None,
        };
        Some(Entry {
            kind,
            size,
            data: (offset + p as u64, next),
            base,
        })
    }

    /// The entry's bytes, inflated: exactly its recorded size, or `None`.
    fn inflate(&self, entry: &Entry, inflater: &mut Decompress) -> Option<Vec<u8>> {
        let (from, to) = entry.data;
        if to.checked_sub(from)? > HARD_LIMIT {
            return None;
        }
        let mut compressed = vec![0; usize::try_from(to.checked_sub(from)?).ok()?];
        read_at(&self.file, &mut compressed, from)?;
        let size = usize::try_from(entry.size).ok()?;
        // One spare byte: output beyond the recorded size is damage, not a larger object.
        let mut out = Vec::with_capacity(size + 1);
        inflater.reset(true);
        let status = inflater
            .decompress_vec(&compressed, &mut out, FlushDecompress::Finish)
            .ok()?;
        (status == Status::StreamEnd && out.len() == size).then_some(out)
    }
}

/// A delta's base and result sizes, from its header.
fn delta_sizes(delta: &[u8]) -> Option<(u64, u64)> {
    let mut p = 0;
    let base = delta_varint(delta, &mut p)?;
    let result = delta_varint(delta, &mut p)?;
    Some((base, result))
}

fn delta_varint(delta: &[u8], p: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = *delta.get(*p)?;
        *p += 1;
        if shift > 56 {
            return None;
        }
        value |= u64::from(byte & 0x7f) << shift;
        shift += 7;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
}

/// `base` with git's delta `delta` applied; `None` if the delta does not fit the base or
/// does not produce exactly the size it declares.
fn apply_delta(base: &[u8], delta: &[u8]) -> Option<Vec<u8>> {
    let mut p = 0;
    delta_varint(delta, &mut p)?;
    let size = usize::try_from(delta_varint(delta, &mut p)?).ok()?;
    let mut out = Vec::with_capacity(size);
    while p < delta.len() {
        let op = delta[p];
        p += 1;
        if op & 0x80 != 0 {
            let mut offset = 0usize;
            let mut len = 0usize;
            for i in 0..4 {
                if op & (1 << i) != 0 {
                    offset |= usize::from(*delta.get(p)?) << (8 * i);
                    p += 1;
                }
            }
            for i in 0..3 {
                if op & (0x10 << i) != 0 {
                    len |= usize::from(*delta.get(p)?) << (8 * i);
                    p += 1;
                }
            }
            if len == 0 {
                len = 0x10000;
            }
            out.extend_from_slice(base.get(offset..offset.checked_add(len)?)?);
        } else if op != 0 {
            let len = usize::from(op);
            out.extend_from_slice(delta.get(p..p + len)?);
            p += len;
        } else {
            return None;
        }
        if out.len() > size {
            return None;
        }
    }
    (out.len() == size).then_some(out)
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Positioned reads: the scanning threads share one handle per pack.
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> Option<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset).ok()
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n = std::os::windows::fs::FileExt::seek_read(
                file,
                &mut buf[done..],
                offset + done as u64,
            )
            .ok()?;
            if n == 0 {
                return None;
            }
            done += n;
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A delta in git's format: base size, result size, then operations.
    fn delta(base: usize, result: usize, ops: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for mut v in [base, result] {
            loop {
                let byte = (v & 0x7f) as u8;
                v >>= 7;
                out.push(if v == 0 { byte } else { byte | 0x80 });
                if v == 0 {
                    break;
                }
            }
        }
        out.extend_from_slice(ops);
        out
    }

    fn git(dir: &Path, args: &[&str]) {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(dir)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    /// Every blob of a packed history, read here, is what libgit2 reads: with deltas on
    /// offsets and on ids, and none left to libgit2.
    #[test]
    fn reads_every_blob_of_a_packed_history() {
        for offsets in ["true", "false"] {
            let dir = tempfile::tempdir().unwrap();
            let repo = git2::Repository::init(dir.path()).unwrap();
            let signature = git2::Signature::now("Ann", "ann@acme.test").unwrap();
            let mut parent: Option<git2::Oid> = None;
            let mut text = String::new();
            for i in 0..30 {
                text.push_str(&format!(
                    "line {i}: the quick brown fox jumps over the lazy dog\n"
                ));
                let blob = repo.blob(text.as_bytes()).unwrap();
                let mut tree = repo.treebuilder(None).unwrap();
                tree.insert("notes.txt", blob, 0o100644).unwrap();
                let tree = repo.find_tree(tree.write().unwrap()).unwrap();
                let parents: Vec<_> = parent
                    .iter()
                    .map(|p| repo.find_commit(*p).unwrap())
                    .collect();
                let parents: Vec<_> = parents.iter().collect();
                parent = Some(
                    repo.commit(Some("HEAD"), &signature, &signature, "v", &tree, &parents)
                        .unwrap(),
                );
            }
            let option = format!("repack.useDeltaBaseOffset={offsets}");
            git(dir.path(), &["-c", &option, "repack", "-a", "-d", "-q"]);
            let packs = Packs::open(&dir.path().join(".git/objects"));
            let mut inflater = Decompress::new(true);
            let mut blobs = Vec::new();
            repo.odb()
                .unwrap()
                .foreach(|oid| {
                    blobs.push(*oid);
                    true
                })
                .unwrap();
            let mut read = 0;
            for oid in blobs {
                let Ok(blob) = repo.find_blob(oid) else {
                    continue;
                };
                let id: [u8; 20] = oid.as_bytes().try_into().unwrap();
                match packs.read_blob(&id, u64::MAX, &mut inflater) {
                    Some(PackRead::Blob(bytes)) => assert_eq!(&bytes[..], blob.content()),
                    _ => panic!("blob {oid} left to libgit2 (offsets: {offsets})"),
                }
                read += 1;
            }
            assert_eq!(read, 30);
            // Over the size limit: its size, not its bytes.
            let id: [u8; 20] = repo
                .revparse_single("HEAD:notes.txt")
                .unwrap()
                .id()
                .as_bytes()
                .try_into()
                .unwrap();
            assert!(matches!(
                packs.read_blob(&id, 10, &mut inflater),
                Some(PackRead::TooLarge(size)) if size == text.len() as u64
            ));
        }
    }

    /// A pack index that is a FIFO would block a read forever: it is left to libgit2
    /// (whose own checks name it), and opening the packs returns at once.
    #[cfg(unix)]
    #[test]
    fn a_fifo_for_an_index_is_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let packs = dir.path().join("pack");
        std::fs::create_dir(&packs).unwrap();
        std::fs::write(packs.join("pack-1.pack"), b"PACK").unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(packs.join("pack-1.idx"))
            .status()
            .unwrap();
        assert!(status.success());
        assert!(Packs::open(dir.path()).packs.is_empty());
    }

    #[test]
    fn deltas_copy_and_insert() {
        let base = b"hello, world";
        // Copy 5 bytes from offset 0, insert "!", copy 5 bytes from offset 7.
        let d = delta(12, 11, &[0x90, 5, 1, b'!', 0x91, 7, 5]);
        assert_eq!(apply_delta(base, &d).as_deref(), Some(&b"hello!world"[..]));
    }

    #[test]
    fn deltas_that_do_not_fit_are_refused() {
        let base = b"short";
        // A copy past the base's end.
        assert_eq!(apply_delta(base, &delta(5, 10, &[0x90, 10])), None);
        // A result shorter or longer than declared.
        assert_eq!(apply_delta(base, &delta(5, 9, &[0x90, 5])), None);
        assert_eq!(apply_delta(base, &delta(5, 3, &[0x90, 5])), None);
        // The reserved opcode 0 and a truncated insert.
        assert_eq!(apply_delta(base, &delta(5, 1, &[0])), None);
        assert_eq!(apply_delta(base, &delta(5, 4, &[4, b'a'])), None);
    }
}
