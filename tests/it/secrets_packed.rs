//! History scans read packed blobs with opsguard's own pack reader (deltas resolved once,
//! through a shared cache) and leave the rest to libgit2: a packed history must report
//! exactly what the same history does with loose objects, and damage inside a pack must
//! still be named.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::*;
use crate::git_repo::*;

/// Many versions of a few files, so that `git gc` stores most of them as deltas: secrets
/// in middle versions (some only base64-encoded), removed again later.
fn long_history() -> TestRepo {
    let repo = TestRepo::new();
    let mut settings = String::new();
    for i in 0..40 {
        settings.push_str(&format!("setting_{i} = value number {i} of the service\n"));
        if i == 12 {
            settings.push_str(&format!("aws_access_key_id = {}\n", aws_key_id(12)));
        }
        if i == 20 {
            settings = settings.replace(&aws_key_id(12), "REMOVED");
            let encoded = base64_of(&format!("token={}", github_token(20)));
            settings.push_str(&format!("blob: {encoded}\n"));
        }
        if i == 30 {
            settings.push_str(&format!("GITHUB_TOKEN={}\n", github_token(30)));
        }
        let notes = format!(
            "# notes\n{}",
            "a line of prose about the service\n".repeat(i + 1)
        );
        repo.commit(
            "Ann",
            &format!("version {i}"),
            &[
                ("config/settings.ini", Some(settings.as_bytes())),
                ("docs/notes.md", Some(notes.as_bytes())),
            ],
        );
    }
    repo
}

fn base64_of(text: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = text.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .stderr(Stdio::inherit())
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn scan(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let args = [
        &["secrets", "scan", "--format", "json", "--exit-zero"][..],
        extra,
    ]
    .concat();
    let out = opsguard(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let report = json(&out);
    assert!(
        report["summary"]["blobs_scanned"].as_u64().unwrap() > 0,
        "{}",
        transcript(&out)
    );
    report
}

fn the_pack(repo: &TestRepo) -> PathBuf {
    std::fs::read_dir(repo.path().join(".git/objects/pack"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pack"))
        .expect("a pack")
}

/// `git verify-pack -v` lines of the deltas in the repository's one pack.
fn deltas(repo: &TestRepo) -> usize {
    let index = the_pack(repo).with_extension("idx");
    git(repo.path(), &["verify-pack", "-v", index.to_str().unwrap()])
        .lines()
        .filter(|line| line.split_whitespace().count() == 7)
        .count()
}

#[test]
fn a_packed_history_reports_exactly_what_loose_objects_do() {
    for repack in [
        &["gc", "--quiet"][..],
        // Deltas that name their base by id instead of by offset.
        &[
            "-c",
            "repack.useDeltaBaseOffset=false",
            "repack",
            "-a",
            "-d",
            "-q",
            "--depth=60",
        ][..],
    ] {
        let repo = long_history();
        let loose = scan(repo.path(), &[]);
        let loose_small = scan(repo.path(), &["--max-blob-size", "600"]);
        assert!(loose["findings"].as_array().unwrap().len() >= 3, "{loose}");
        assert!(
            loose_small["summary"]["blobs_skipped"].as_u64().unwrap() > 0,
            "{loose_small}"
        );
        git(repo.path(), repack);
        assert!(deltas(&repo) > 20, "the pack holds deltas");
        assert_eq!(scan(repo.path(), &[]), loose, "{repack:?}");
        assert_eq!(
            scan(repo.path(), &["--max-blob-size", "600"]),
            loose_small,
            "{repack:?}"
        );
    }
}

#[test]
fn a_damaged_entry_inside_a_sound_pack_is_named() {
    let repo = long_history();
    git(repo.path(), &["gc", "--quiet"]);
    // The newest settings file, stored whole, is the base of the older versions' deltas.
    let blob = git(repo.path(), &["rev-parse", "HEAD:config/settings.ini"]);
    let blob = blob.trim();
    let pack = the_pack(&repo);
    let index = pack.with_extension("idx");
    let listing = git(repo.path(), &["verify-pack", "-v", index.to_str().unwrap()]);
    let offset: usize = listing
        .lines()
        .find(|line| line.starts_with(blob))
        .and_then(|line| line.split_whitespace().nth(4))
        .expect("the blob is in the pack")
        .parse()
        .unwrap();
    let mut permissions = std::fs::metadata(&pack).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&pack, permissions).unwrap();
    let mut bytes = std::fs::read(&pack).unwrap();
    // Past the entry's header and the zlib header: the deflated text itself.
    for byte in &mut bytes[offset + 8..offset + 24] {
        *byte ^= 0x5a;
    }
    std::fs::write(&pack, bytes).unwrap();
    let out = opsguard(
        repo.path(),
        &[
            "secrets",
            "scan",
            "--format",
            "json",
            "--fail-on-incomplete",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    // Every version stored as a delta on the damaged one is named too; the first twenty
    // by id, the rest counted.
    let message = stderr(&out);
    assert!(
        message.contains("(config/settings.ini) cannot be read"),
        "{message}"
    );
    assert!(message.contains("missing or unreadable"), "{message}");
    assert_eq!(
        json(&out)["summary"]["incomplete"],
        true,
        "{}",
        transcript(&out)
    );
}
