//! The matching engine: pure, byte-oriented, linear-time. It takes one blob's bytes and
//! returns the hits; it knows nothing of git, files or output.

use super::allowlist::Candidate;
use super::decode::{self, Encoding};
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

impl<'r> Engine<'r> {
    pub fn new(rules: &'r RuleSet) -> Self {
        Engine { rules }
    }

    /// Every allowed-through hit in `blob`, deduplicated, in order of position.
    pub fn scan(&self, blob: &Blob) -> Vec<Hit> {
        let mut hits = Vec::new();
        if let Some(filter) = &self.rules.path_filter {
            let skipped = filter.drops(&FilterInput {
                secret: b"",
                matched: b"",
                line: b"",
                path: blob.path,
            });
            if skipped {
                return hits;
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
        let content = if looks_binary(blob.content) {
            printable = printable_runs(blob.content);
            &printable[..]
        } else {
            blob.content
        };
        let mut raw = Vec::new();
        self.scan_text(blob, content, 0, None, &mut raw);
        if raw.is_empty() {
            return hits;
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
        self.drop_less_specific_overlaps(hits)
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
        let candidates = self.candidate_rules(text);
        for index in candidates {
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
        if depth < MAX_DECODE_DEPTH {
            for segment in decode::segments(text, DECODE_BUDGET) {
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
        }
    }

    /// The rules whose keywords occur in `text`, plus the keyword-less ones, in rule order.
    fn candidate_rules(&self, text: &[u8]) -> Vec<usize> {
        let prefilter = self.rules.prefilter();
        let mut selected = vec![false; self.rules.rules.len()];
        for &i in &prefilter.unconditional {
            selected[i] = true;
        }
        if let Some(automaton) = &prefilter.automaton {
            for m in automaton.find_overlapping_iter(text) {
                for &i in &prefilter.rules_of_keyword[m.pattern().as_usize()] {
                    selected[i] = true;
                }
            }
        }
        selected
            .iter()
            .enumerate()
            .filter_map(|(i, &s)| s.then_some(i))
            .collect()
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

    #[test]
    fn the_line_of_a_match_that_ends_in_a_line_break_is_its_own() {
        let text = b"a = tok\nb = {{ x }}\n";
        assert_eq!(line_around(text, 4, 8), b"a = tok");
        assert_eq!(line_around(text, 12, 20), b"b = {{ x }}");
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
