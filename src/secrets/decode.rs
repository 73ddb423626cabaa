//! Finds base64 and percent-encoded segments worth decoding: a secret pasted into a
//! Kubernetes Secret or a URL is still a secret. Bounded: segments between 16 bytes and
//! 64 KiB, decoded text that is mostly printable, and a byte budget per blob.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Base64,
    Percent,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Base64 => "base64",
            Encoding::Percent => "percent",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub encoding: Encoding,
    pub decoded: Vec<u8>,
}

const MIN_BASE64: usize = 16;
const MAX_SEGMENT: usize = 64 * 1024;

/// Bytes of the standard and URL-safe base64 alphabets, with padding.
static BASE64_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'-' | b'_' | b'=');
        b += 1;
    }
    table
};

fn is_base64_byte(b: u8) -> bool {
    BASE64_BYTES[b as usize]
}

/// Decoded segments of `text`, at most `budget` decoded bytes in all.
pub fn segments(text: &[u8], budget: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut spent = 0;
    // A run of at least MIN_BASE64 alphabet bytes starting at or after `i` must contain
    // `text[i + MIN_BASE64 - 1]`; when that byte is not in the alphabet, skip the whole
    // window. Invariant: `i == 0` or `text[i - 1]` is not in the alphabet.
    let mut i = 0;
    while i + MIN_BASE64 <= text.len() && spent < budget {
        let probe = i + MIN_BASE64 - 1;
        if !is_base64_byte(text[probe]) {
            i = probe + 1;
            continue;
        }
        let mut start = probe;
        while start > i && is_base64_byte(text[start - 1]) {
            start -= 1;
        }
        let mut end = probe + 1;
        while end < text.len() && is_base64_byte(text[end]) {
            end += 1;
        }
        if let Some(segment) = base64_segment(&text[start..end], start) {
            spent += segment.decoded.len();
            out.push(segment);
        }
        i = end + 1;
    }
    let mut next = 0;
    for i in memchr::memchr_iter(b'%', text) {
        if i < next || i + 2 >= text.len() || spent >= budget {
            continue;
        }
        if text[i + 1].is_ascii_hexdigit() && text[i + 2].is_ascii_hexdigit() {
            let start = text[..i]
                .iter()
                .rposition(|&b| !is_url_byte(b))
                .map_or(0, |p| p + 1);
            let mut end = i;
            while end < text.len() && is_url_byte(text[end]) {
                end += 1;
            }
            if end - start <= MAX_SEGMENT {
                let decoded = percent_decode(&text[start..end]);
                if decoded.len() < end - start && printable(&decoded) {
                    spent += decoded.len();
                    out.push(Segment {
                        start,
                        end,
                        encoding: Encoding::Percent,
                        decoded,
                    });
                }
            }
            next = end.max(i + 1);
        }
    }
    out
}

/// What an earlier version of a text shares with the current one, and the earlier
/// version's segments: enough to find the current segments by decoding only the changed
/// middle.
pub struct Shared<'a> {
    pub old_len: usize,
    /// The lengths of the longest common prefix and suffix (not overlapping).
    pub prefix: usize,
    pub suffix: usize,
    /// Every segment of the earlier version (a list the budget did not cut short).
    pub segments: &'a [Segment],
}

/// [`segments`], and whether they are all of the text's segments (the budget did not cut
/// the list short). With what an earlier version shares, only the changed middle is
/// searched; the answer is the same.
pub fn segments_since(text: &[u8], budget: usize, shared: Option<Shared>) -> (Vec<Segment>, bool) {
    if let Some(found) = shared.and_then(|shared| reuse(text, budget, shared)) {
        return (found, true);
    }
    let found = segments(text, budget);
    let complete = decoded_len(&found) < budget;
    (found, complete)
}

fn decoded_len(segments: &[Segment]) -> usize {
    segments.iter().map(|s| s.decoded.len()).sum()
}

/// The segments of `text` from an earlier version's, or `None` when the budget could cut
/// them short. Every segment lies in a maximal run of URL bytes (a superset of the base64
/// alphabet) and depends only on that run; so the runs wholly inside the shared prefix
/// or suffix are the earlier version's, and only the runs touching the change are searched.
fn reuse(text: &[u8], budget: usize, shared: Shared) -> Option<Vec<Segment>> {
    let Shared {
        old_len,
        prefix,
        suffix,
        segments: old,
    } = shared;
    if prefix + suffix > text.len().min(old_len) {
        return None;
    }
    let mut from = prefix;
    while from > 0 && is_url_byte(text[from - 1]) {
        from -= 1;
    }
    let mut to = text.len() - suffix;
    while to < text.len() && is_url_byte(text[to]) {
        to += 1;
    }
    // `text[..from]` and `text[to..]` are the earlier version's first `from` and last
    // `text.len() - to` bytes; a byte outside the URL alphabet (or an end) bounds each.
    let old_to = old_len - (text.len() - to);
    let middle = segments(&text[from..to], budget);
    let mut out = Vec::new();
    for encoding in [Encoding::Base64, Encoding::Percent] {
        let of = |s: &&Segment| s.encoding == encoding;
        out.extend(old.iter().filter(of).filter(|s| s.end <= from).cloned());
        out.extend(middle.iter().filter(of).map(|s| Segment {
            start: s.start + from,
            end: s.end + from,
            ..s.clone()
        }));
        out.extend(
            old.iter()
                .filter(of)
                .filter(|s| s.start >= old_to)
                .map(|s| Segment {
                    start: s.start - old_to + to,
                    end: s.end - old_to + to,
                    ..s.clone()
                }),
        );
    }
    (decoded_len(&out) < budget).then_some(out)
}

fn base64_segment(run: &[u8], start: usize) -> Option<Segment> {
    // Trim a leading `-`/`_` (identifiers such as `my-key-…`) and keep `=` only at the end.
    let trimmed_start = run
        .iter()
        .position(|&b| b != b'=' && b != b'-' && b != b'_')?;
    let run = &run[trimmed_start..];
    if run.len() < MIN_BASE64 || run.len() > MAX_SEGMENT {
        return None;
    }
    // Plain words and identifiers are not base64: require upper, lower and a digit, or padding.
    let has = |f: fn(&u8) -> bool| run.iter().any(f);
    if !(has(u8::is_ascii_uppercase)
        && has(u8::is_ascii_lowercase)
        && (has(u8::is_ascii_digit) || run.ends_with(b"=")))
    {
        return None;
    }
    let url_safe = run.iter().any(|&b| b == b'-' || b == b'_');
    let engines: [&base64::engine::GeneralPurpose; 2] = if url_safe {
        [&URL_SAFE, &URL_SAFE_NO_PAD]
    } else {
        [&STANDARD, &STANDARD_NO_PAD]
    };
    let decoded = engines.iter().find_map(|e| e.decode(run).ok())?;
    if decoded.len() < 8 || !printable(&decoded) {
        return None;
    }
    Some(Segment {
        start: start + trimmed_start,
        end: start + trimmed_start + run.len(),
        encoding: Encoding::Base64,
        decoded,
    })
}

/// Bytes that may appear in a URL, percent escapes included.
static URL_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let extra = b"-._~%!$&'()*+,;=:@/?#[]";
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        table[extra[i] as usize] = true;
        i += 1;
    }
    table
};

fn is_url_byte(b: u8) -> bool {
    URL_BYTES[b as usize]
}

fn percent_decode(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'%' && i + 2 < text.len() {
            let hex = std::str::from_utf8(&text[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(text[i]);
        i += 1;
    }
    out
}

/// Mostly printable ASCII (or whitespace): worth scanning as text.
fn printable(bytes: &[u8]) -> bool {
    let good = bytes
        .iter()
        .filter(|&&b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    good * 10 >= bytes.len() * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_base64_text() {
        let encoded =
            STANDARD.encode("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        let text = format!("data:\n  creds: {encoded}\n");
        let segs = segments(text.as_bytes(), 1 << 20);
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].encoding, Encoding::Base64);
        assert!(String::from_utf8_lossy(&segs[0].decoded).contains("aws_secret_access_key"));
        assert_eq!(
            &text.as_bytes()[segs[0].start..segs[0].end],
            encoded.as_bytes()
        );
    }

    #[test]
    fn ignores_words_hex_and_binary() {
        assert!(segments(b"some_long_identifier_name_here", 1 << 20).is_empty());
        assert!(segments(b"0123456789abcdef0123456789abcdef", 1 << 20).is_empty());
        let binary = STANDARD.encode([
            0u8, 1, 2, 3, 250, 251, 252, 253, 254, 255, 7, 8, 9, 10, 11, 12,
        ]);
        assert!(segments(binary.as_bytes(), 1 << 20).is_empty());
    }

    #[test]
    fn finds_percent_encoding() {
        let text = b"url=postgres%3A%2F%2Fapp%3Achangeme%40db%2Fx rest";
        let segs = segments(text, 1 << 20);
        let pct: Vec<_> = segs
            .iter()
            .filter(|s| s.encoding == Encoding::Percent)
            .collect();
        assert_eq!(pct.len(), 1);
        assert_eq!(
            String::from_utf8_lossy(&pct[0].decoded),
            "url=postgres://app:changeme@db/x"
        );
    }

    const PIECES: &[&str] = &[
        "c2VjcmV0LXRva2VuLXZhbHVl",
        "QUtJQVo=",
        "%41%42",
        "%2F",
        " ",
        "\n",
        "x",
        "-",
        "_",
        "=",
        "\"",
        "/",
        "abc",
        "Zm9vYmFyYmF6",
        "%zz",
        "%",
    ];

    proptest::proptest! {
        /// Decoding only the changed middle of a new version finds exactly what decoding
        /// the whole of it finds, under any budget.
        #[test]
        fn an_earlier_version_changes_nothing_but_the_work(
            old in proptest::collection::vec(0usize..16, 0..40),
            cut in 0usize..40,
            removed in 0usize..6,
            inserted in proptest::collection::vec(0usize..16, 0..6),
            budget in proptest::sample::select(vec![24usize, 64, 1 << 20]),
        ) {
            let (old_text, text) =
                crate::secrets::edited_text::versions(PIECES, &old, cut, removed, inserted);
            let (old_segments, complete) = segments_since(&old_text, budget, None);
            if !complete {
                // A list the budget cut short is never offered as an earlier version's.
                return Ok(());
            }
            let prefix = crate::secrets::engine::common_prefix(&old_text, &text);
            let suffix = crate::secrets::engine::common_suffix(&old_text[prefix..], &text[prefix..]);
            let shared = Shared { old_len: old_text.len(), prefix, suffix, segments: &old_segments };
            let (found, _) = segments_since(&text, budget, Some(shared));
            proptest::prop_assert_eq!(found, segments(&text, budget));
        }
    }

    #[test]
    fn the_budget_bounds_work() {
        let encoded = STANDARD.encode("a perfectly printable sentence of text");
        let text = format!("{encoded} {encoded} {encoded}");
        assert_eq!(segments(text.as_bytes(), 10).len(), 1);
    }
}
