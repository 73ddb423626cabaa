//! The matching engine: pure, byte-oriented, linear-time. It takes one blob's bytes and
//! returns the hits; it knows nothing of git, files or output.

use super::allowlist::Candidate;
use super::decode::{self, Encoding, Segment, Shared};
use super::entropy::shannon;
use super::filter_expr::FilterInput;
use super::placeholder;
use super::rules::{Rule, RuleSet};

/// Markers that, on the line of a match, allow it.
pub const INLINE_ALLOW_MARKERS: &[&str] = &[
    "opsguard:allow",
    "gitleaks:allow",
    "pragma: allowlist secret",
];

/// How deep decoded text is decoded again (base64 inside base64).
const MAX_DECODE_DEPTH: usize = 2;
/// Decoded bytes scanned per blob at most.
const DECODE_BUDGET: usize = 1 << 20;

pub struct Blob<'a> {
    pub path: &'a str,
    pub commit: Option<&'a str>,
    pub content: &'a [u8],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub rule: usize,
    pub secret: String,
    /// 1-based, in the blob as stored (for decoded hits: where the encoded text starts).
    pub line: usize,
    pub column: usize,
    pub entropy: f64,
    pub encoding: Option<Encoding>,
}

pub struct Engine<'r> {
    rules: &'r RuleSet,
}

/// Where each prefilter keyword first and last starts in a text: enough to tell, for the
/// next version of the same file, which keywords lie in the bytes the two share, so only
/// the changed bytes need the keyword search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeywordSpans {
    /// `(keyword, first start, last start)`, by keyword.
    spans: Vec<(usize, usize, usize)>,
}

/// What the scan of one version of a file leaves for the next version's scan.
#[derive(Debug, Clone, Default)]
pub struct VersionNotes {
    keywords: KeywordSpans,
    /// Every decoded segment, when the decode budget did not cut the list short.
    segments: Option<Vec<Segment>>,
}

impl VersionNotes {
    /// Bytes held beyond the version's content.
    pub fn size(&self) -> usize {
        self.segments
            .iter()
            .flatten()
            .map(|s| s.decoded.len())
            .sum::<usize>()
            + self.keywords.spans.len() * std::mem::size_of::<(usize, usize, usize)>()
    }
}

/// An earlier version of a blob's file, already scanned.
pub struct Earlier<'a> {
    pub content: &'a [u8],
    pub notes: &'a VersionNotes,
}

/// How an earlier version and the current one overlap.
#[derive(Clone, Copy)]
struct Overlap {
    old_len: usize,
    prefix: usize,
    suffix: usize,
}

impl Overlap {
    fn of(old: &[u8], text: &[u8]) -> Overlap {
        let prefix = common_prefix(old, text);
        let suffix = common_suffix(&old[prefix..], &text[prefix..]);
        Overlap {
            old_len: old.len(),
            prefix,
            suffix,
        }
    }
}

impl<'r> Engine<'r> {
    pub fn new(rules: &'r RuleSet) -> Self {
        Engine { rules }
    }

    pub fn rules(&self) -> &'r RuleSet {
        self.rules
    }

    /// Every allowed-through hit in `blob`, deduplicated, in order of position.
    pub fn scan(&self, blob: &Blob) -> Vec<Hit> {
        self.scan_version(blob, None).0
    }

    /// [`Engine::scan`], given an earlier version of the same file (the same hits as
    /// without it: the keyword search and the decoder skip the bytes the versions share).
    /// Also returns notes for the next version, when they are known exactly.
    pub fn scan_version(
        &self,
        blob: &Blob,
        earlier: Option<Earlier>,
    ) -> (Vec<Hit>, Option<VersionNotes>) {
        let mut hits = Vec::new();
        if let Some(filter) = &self.rules.path_filter {
            let skipped = filter.drops(&FilterInput {
                secret: b"",
                matched: b"",
                line: b"",
                path: blob.path,
            });
            if skipped {
                return (hits, None);
            }
        }
        for (i, rule) in self.rules.rules.iter().enumerate() {
            if rule.regex_source.is_none()
                && rule
                    .path
                    .as_ref()
                    .is_some_and(|p| p.is_match(blob.path.as_bytes()))
            {
                hits.push(Hit {
                    rule: i,
                    secret: blob.path.to_string(),
                    line: 1,
                    column: 1,
                    entropy: 0.0,
                    encoding: None,
                });
            }
        }
        let printable;
        let binary = looks_binary(blob.content);
        let (content, earlier) = if binary {
            printable = printable_runs(blob.content);
            (&printable[..], None)
        } else {
            (blob.content, earlier)
        };
        let earlier = earlier.map(|e| (Overlap::of(e.content, content), e.notes));
        let (present, spans) =
            self.keywords_in(content, earlier.map(|(o, notes)| (o, &notes.keywords)));
        let shared = earlier.and_then(|(overlap, notes)| {
            Some(Shared {
                old_len: overlap.old_len,
                prefix: overlap.prefix,
                suffix: overlap.suffix,
                segments: notes.segments.as_deref()?,
            })
        });
        let mut raw = Vec::new();
        let segments = self.scan_text_with(blob, content, 0, None, &present, shared, &mut raw);
        // Notes on the printable strings say nothing about the next version's bytes.
        let notes = spans
            .filter(|_| !binary)
            .map(|keywords| VersionNotes { keywords, segments });
        if raw.is_empty() {
            return (hits, notes);
        }
        let lines = LineIndex::new(content);
        for (offset, mut hit) in raw {
            let (line, column) = lines.position(content, offset);
            hit.line = line;
            hit.column = column;
            hits.push(hit);
        }
        hits.sort_by_key(|h| (h.line, h.column, h.rule));
        hits.dedup_by(|a, b| a.rule == b.rule && a.secret == b.secret && a.line == b.line);
        (self.drop_less_specific_overlaps(hits), notes)
    }

    /// A generic rule says less than a specific one: where two rules match the same secret
    /// (or one inside the other) on the same line, only the most specific finding is kept.
    fn drop_less_specific_overlaps(&self, hits: Vec<Hit>) -> Vec<Hit> {
        let specificity = |h: &Hit| self.rules.rules[h.rule].specificity;
        let mut keep = vec![true; hits.len()];
        // Hits are sorted by line: compare within each line only.
        let mut start = 0;
        while start < hits.len() {
            let end = start + hits[start..].partition_point(|h| h.line == hits[start].line);
            let line = &hits[start..end];
            let top = line.iter().map(specificity).max().unwrap_or(0);
            for (i, h) in line.iter().enumerate() {
                if specificity(h) == top {
                    continue;
                }
                keep[start + i] = !line.iter().any(|other| {
                    specificity(other) > specificity(h)
                        && (other.secret.contains(h.secret.as_str())
                            || h.secret.contains(other.secret.as_str()))
                });
            }
            start = end;
        }
        hits.into_iter()
            .zip(keep)
            .filter_map(|(h, k)| k.then_some(h))
            .collect()
    }

    /// Hits in `text` as (byte offset in `text`, hit).
    fn scan_text(
        &self,
        blob: &Blob,
        text: &[u8],
        depth: usize,
        encoding: Option<Encoding>,
        out: &mut Vec<(usize, Hit)>,
    ) {
        let (present, _) = self.keywords_in(text, None);
        self.scan_text_with(blob, text, depth, encoding, &present, None, out);
    }

    /// [`Engine::scan_text`] with the keywords present in `text` already known, and what
    /// an earlier version shares with it. Returns the text's decoded segments when they
    /// are all of them, for the next version.
    #[allow(clippy::too_many_arguments)]
    fn scan_text_with(
        &self,
        blob: &Blob,
        text: &[u8],
        depth: usize,
        encoding: Option<Encoding>,
        present: &[bool],
        shared: Option<Shared>,
        out: &mut Vec<(usize, Hit)>,
    ) -> Option<Vec<Segment>> {
        for index in self.candidate_rules(present) {
            let rule = &self.rules.rules[index];
            if rule
                .path
                .as_ref()
                .is_some_and(|p| !p.is_match(blob.path.as_bytes()))
            {
                continue;
            }
            let Some(regex) = rule.regex() else { continue };
            for captures in regex.captures_iter(text) {
                let whole = captures.get(0).expect("group 0 always matches");
                let secret = match rule.secret_group {
                    Some(g) => captures.get(g),
                    None => captures.iter().skip(1).flatten().find(|m| !m.is_empty()),
                }
                .unwrap_or(whole);
                if secret.is_empty() {
                    continue;
                }
                let line = line_around(text, whole.start(), whole.end());
                if let Some(hit) = self.judge(
                    blob,
                    rule,
                    index,
                    secret.as_bytes(),
                    whole.as_bytes(),
                    line,
                    encoding,
                ) {
                    out.push((secret.start(), hit));
                }
            }
        }
        if depth >= MAX_DECODE_DEPTH {
            return None;
        }
        let (segments, complete) = decode::segments_since(text, DECODE_BUDGET, shared);
        for segment in &segments {
            // An allow marker on the line of the encoded text covers what it decodes to.
            if has_inline_allow(line_around(text, segment.start, segment.end)) {
                continue;
            }
            let mut inner = Vec::new();
            self.scan_text(
                blob,
                &segment.decoded,
                depth + 1,
                Some(segment.encoding),
                &mut inner,
            );
            out.extend(inner.into_iter().map(|(_, hit)| (segment.start, hit)));
        }
        complete.then_some(segments)
    }

    /// The rules whose keywords are `present`, plus the keyword-less ones, in rule order.
    fn candidate_rules(&self, present: &[bool]) -> Vec<usize> {
        let prefilter = self.rules.prefilter();
        let mut selected = vec![false; self.rules.rules.len()];
        for &i in &prefilter.unconditional {
            selected[i] = true;
        }
        for (keyword, _) in present.iter().enumerate().filter(|(_, &p)| p) {
            for &i in &prefilter.rules_of_keyword[keyword] {
                selected[i] = true;
            }
        }
        selected
            .iter()
            .enumerate()
            .filter_map(|(i, &s)| s.then_some(i))
            .collect()
    }

    /// Which keywords occur in `text` (by keyword index), and where each first and last
    /// starts when that is known exactly. With an earlier version of the text, only the
    /// bytes between the longest common prefix and suffix (widened by a keyword's length)
    /// are searched: a keyword lies wholly in the shared prefix exactly when its first
    /// occurrence in the earlier version does, and likewise for the suffix and its last.
    fn keywords_in(
        &self,
        text: &[u8],
        earlier: Option<(Overlap, &KeywordSpans)>,
    ) -> (Vec<bool>, Option<KeywordSpans>) {
        let prefilter = self.rules.prefilter();
        let count = prefilter.keyword_len.len();
        let Some(automaton) = &prefilter.automaton else {
            return (Vec::new(), Some(KeywordSpans::default()));
        };
        const NONE: (usize, usize) = (usize::MAX, 0);
        let mut found = vec![NONE; count];
        let search = |from: usize, to: usize, found: &mut [(usize, usize)]| {
            let input = aho_corasick::Input::new(text).span(from..to);
            for m in automaton.find_overlapping_iter(input) {
                let span = &mut found[m.pattern().as_usize()];
                span.0 = span.0.min(m.start());
                span.1 = span.1.max(m.start());
            }
        };
        let Some((overlap, earlier)) = earlier else {
            search(0, text.len(), &mut found);
            return spans_from(found, NONE);
        };
        let Overlap {
            old_len,
            prefix,
            suffix,
        } = overlap;
        let widen = prefilter.max_keyword_len.saturating_sub(1);
        let from = prefix.saturating_sub(widen);
        let to = (text.len() - suffix + widen).min(text.len());
        search(from, to, &mut found);
        let mut exact = true;
        for &(keyword, first, last) in &earlier.spans {
            let len = prefilter.keyword_len[keyword];
            let in_prefix = first + len <= prefix;
            let suffix_start = old_len - suffix;
            let in_suffix = last >= suffix_start;
            let span = &mut found[keyword];
            let in_middle = span.0 != usize::MAX;
            if !(in_prefix || in_middle || in_suffix) {
                continue;
            }
            // The first start: in the prefix, else in the searched middle, else the
            // first one in the suffix, known only if the earlier first was there.
            if in_prefix {
                span.0 = first;
            } else if !in_middle {
                if first >= suffix_start {
                    span.0 = first - suffix_start + (text.len() - suffix);
                } else {
                    exact = false;
                    span.0 = text.len() - suffix;
                }
            }
            if in_suffix {
                span.1 = last - suffix_start + (text.len() - suffix);
            } else if !in_middle {
                if last + len <= prefix {
                    span.1 = last;
                } else {
                    exact = false;
                    span.1 = span.0;
                }
            }
        }
        let (present, spans) = spans_from(found, NONE);
        (present, spans.filter(|_| exact))
    }

    #[allow(clippy::too_many_arguments)]
    fn judge(
        &self,
        blob: &Blob,
        rule: &Rule,
        index: usize,
        secret: &[u8],
        matched: &[u8],
        line: &[u8],
        encoding: Option<Encoding>,
    ) -> Option<Hit> {
        let secret = &secret[..placeholder::literal_end(secret)];
        if secret.is_empty() {
            return None;
        }
        let entropy = shannon(secret);
        if rule.entropy.is_some_and(|min| entropy < min) {
            return None;
        }
        // After the cheap checks: it allocates, and most matches of a generic rule are
        // already dropped by their entropy.
        if has_inline_allow(line) || placeholder::classify(secret).is_some() {
            return None;
        }
        let input = FilterInput {
            secret,
            matched,
            line,
            path: blob.path,
        };
        if rule.filter.as_ref().is_some_and(|f| f.drops(&input))
            || self.rules.filter.as_ref().is_some_and(|f| f.drops(&input))
        {
            return None;
        }
        let candidate = Candidate {
            path: blob.path,
            commit: blob.commit,
            secret,
            matched,
            line,
        };
        if rule.allowlists.iter().any(|a| a.allows(&candidate)) {
            return None;
        }
        if self
            .rules
            .allowlists
            .iter()
            .any(|a| a.applies_to(&rule.id) && a.allows(&candidate))
        {
            return None;
        }
        Some(Hit {
            rule: index,
            secret: String::from_utf8_lossy(secret).into_owned(),
            line: 0,
            column: 0,
            entropy: (entropy * 1000.0).round() / 1000.0,
            encoding,
        })
    }
}

fn spans_from(
    found: Vec<(usize, usize)>,
    none: (usize, usize),
) -> (Vec<bool>, Option<KeywordSpans>) {
    let present = found.iter().map(|&f| f != none).collect();
    let spans = found
        .into_iter()
        .enumerate()
        .filter(|(_, f)| *f != none)
        .map(|(k, (first, last))| (k, first, last))
        .collect();
    (present, Some(KeywordSpans { spans }))
}

/// The length of the longest common prefix, compared a block at a time.
pub(crate) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= n && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    at + a[at..n]
        .iter()
        .zip(&b[at..n])
        .take_while(|(x, y)| x == y)
        .count()
}

/// The length of the longest common suffix.
pub(crate) fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut len = 0;
    while len + BLOCK <= n && a[n - len - BLOCK..n - len] == b[n - len - BLOCK..n - len] {
        len += BLOCK;
    }
    len + a[..n - len]
        .iter()
        .rev()
        .zip(b[..n - len].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn has_inline_allow(line: &[u8]) -> bool {
    let line = String::from_utf8_lossy(line);
    INLINE_ALLOW_MARKERS.iter().any(|m| line.contains(m))
}

/// The whole line(s) a match sits on. A match that ends by consuming the line break (a
/// rule's `\s` terminator) sits on its own line only, not the next one too.
fn line_around(text: &[u8], start: usize, mut end: usize) -> &[u8] {
    while end > start && matches!(text[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    let line_start = text[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line_end = text[end..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |i| end + i);
    &text[line_start..line_end]
}

/// Git's own test: a NUL byte in the first 8000 bytes.
pub fn looks_binary(content: &[u8]) -> bool {
    content[..content.len().min(8000)].contains(&0)
}

/// What `strings` would show of a binary blob: every unprintable byte turned into a line
/// break (the printable runs keep their offsets, and no match spans two of them), then the
/// UTF-16LE strings (Windows binaries, .NET resources) decoded, one per line, after them.
fn printable_runs(content: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = content
        .iter()
        .map(|&b| if is_printable(b) { b } else { b'\n' })
        .collect();
    for alignment in 0..2 {
        let mut run = Vec::new();
        // Whether the run's first character may be the last letter of a NUL-terminated
        // ASCII string (`tool\0` then `A\0K\0…` reads `lAK…`): then the run is also
        // given without it.
        let mut ambiguous_start = false;
        let flush = |run: &mut Vec<u8>, ambiguous: bool, out: &mut Vec<u8>| {
            if run.len() >= MIN_UTF16_RUN {
                out.push(b'\n');
                out.extend_from_slice(run);
                if ambiguous {
                    out.push(b'\n');
                    out.extend_from_slice(&run[1..]);
                }
            }
            run.clear();
        };
        for (k, pair) in content[alignment..].chunks_exact(2).enumerate() {
            if pair[1] == 0 && is_printable(pair[0]) {
                if run.is_empty() {
                    let at = alignment + 2 * k;
                    ambiguous_start = at > 0 && is_printable(content[at - 1]);
                }
                run.push(pair[0]);
            } else {
                flush(&mut run, ambiguous_start, &mut out);
            }
        }
        flush(&mut run, ambiguous_start, &mut out);
    }
    out
}

/// Shorter UTF-16 runs are mostly noise (`strings -el` uses 4; no credential is that short).
const MIN_UTF16_RUN: usize = 8;

fn is_printable(b: u8) -> bool {
    (0x20..0x7f).contains(&b) || b == b'\t'
}

struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &[u8]) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    fn position(&self, text: &[u8], offset: usize) -> (usize, usize) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let column = String::from_utf8_lossy(&text[self.starts[line]..offset])
            .chars()
            .count()
            + 1;
        (line + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static RuleSet {
        static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
        RULES.get_or_init(|| crate::secrets::rules::builtin().unwrap())
    }

    fn hits(path: &str, text: &str) -> Vec<(String, String, usize, usize)> {
        let engine = Engine::new(builtin());
        engine
            .scan(&Blob {
                path,
                commit: None,
                content: text.as_bytes(),
            })
            .into_iter()
            .map(|h| {
                (
                    builtin().rules[h.rule].id.clone(),
                    h.secret,
                    h.line,
                    h.column,
                )
            })
            .collect()
    }

    #[test]
    fn a_token_is_found_with_its_rule_line_and_column() {
        let token = format!("ghp_{}", "aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4");
        let found = hits(
            "deploy.sh",
            &format!("#!/bin/sh\nexport GITHUB_TOKEN={token}\n"),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let (rule, secret, line, column) = &found[0];
        assert_eq!(rule, "github-pat");
        assert_eq!(secret, &token);
        assert_eq!((*line, *column), (2, 21));
    }

    #[test]
    fn placeholders_and_binary_content_are_not_findings() {
        assert!(hits("app.env", "PASSWORD=changeme\nAPI_KEY=<your-api-key>\n").is_empty());
        assert!(hits("app.env", "password = ${DB_PASSWORD}\n").is_empty());
        let mut binary = vec![0u8, 159, 146, 150];
        binary.extend_from_slice(
            format!("ghp_{}", "aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4").as_bytes(),
        );
        assert!(looks_binary(&binary));
    }

    #[test]
    fn the_same_secret_twice_in_a_blob_is_two_hits_in_order() {
        let token = format!("ghp_{}", "aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4");
        let found = hits("a.txt", &format!("a={token}\nb={token}\n"));
        let lines: Vec<usize> = found.iter().map(|h| h.2).collect();
        assert_eq!(lines, [1, 2], "{found:?}");
    }

    #[test]
    fn the_line_of_a_match_that_ends_in_a_line_break_is_its_own() {
        let text = b"a = tok\nb = {{ x }}\n";
        assert_eq!(line_around(text, 4, 8), b"a = tok");
        assert_eq!(line_around(text, 12, 20), b"b = {{ x }}");
    }

    const PIECES: &[&str] = &[
        "curl", "pass", "word", "PassWord", "ghp_", "token", " ", "\n", "x", "sk", "akia", "AKIA",
        "secret", "_auth", "://", "ion_", "=", "7",
    ];

    proptest::proptest! {
        /// The keyword search that skips what an earlier version shares gives exactly what a
        /// full search gives: the same keywords, and the same spans whenever it has them.
        #[test]
        fn an_earlier_version_changes_nothing_but_the_work(
            old in proptest::collection::vec(0usize..18, 0..60),
            cut in 0usize..60,
            removed in 0usize..8,
            inserted in proptest::collection::vec(0usize..18, 0..8),
        ) {
            let engine = Engine::new(builtin());
            let (old_text, new_text) =
                crate::secrets::edited_text::versions(PIECES, &old, cut, removed, inserted);
            let (_, old_spans) = engine.keywords_in(&old_text, None);
            let old_spans = old_spans.unwrap();
            let (full_present, full_spans) = engine.keywords_in(&new_text, None);
            let overlap = Overlap::of(&old_text, &new_text);
            let (present, spans) = engine.keywords_in(&new_text, Some((overlap, &old_spans)));
            proptest::prop_assert_eq!(present, full_present);
            if let Some(spans) = spans {
                proptest::prop_assert_eq!(Some(spans), full_spans);
            }
        }
    }

    #[test]
    fn common_prefix_and_suffix_across_blocks() {
        let a: Vec<u8> = (0..1000u32).map(|i| (i % 251) as u8).collect();
        let mut b = a.clone();
        b[700] = 255;
        assert_eq!(common_prefix(&a, &b), 700);
        assert_eq!(common_suffix(&a, &b), 299);
        assert_eq!(common_prefix(&a, &a[..10]), 10);
        assert_eq!(common_suffix(b"", b"abc"), 0);
    }

    #[test]
    fn binary_blobs_yield_their_ascii_and_utf16_strings() {
        let mut blob = b"\x7fELF\x00\x01usage: tool\x00".to_vec();
        let key = concat!("AKIA", "Z3MQ7KV5RT2LWXNP");
        blob.extend(key.encode_utf16().flat_map(u16::to_le_bytes));
        blob.extend(b"\x00\x00\x03");
        let text = printable_runs(&blob);
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains("usage: tool"), "{text:?}");
        assert!(text.lines().any(|l| l == key), "{text:?}");
        // Short UTF-16 runs are left out.
        assert_eq!(printable_runs(b"\x00a\x00b\x00c\x00").len(), 7);
    }
}
