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

fn is_url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~%!$&'()*+,;=:@/?#[]".contains(&b)
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

    #[test]
    fn the_budget_bounds_work() {
        let encoded = STANDARD.encode("a perfectly printable sentence of text");
        let text = format!("{encoded} {encoded} {encoded}");
        assert_eq!(segments(text.as_bytes(), 10).len(), 1);
    }
}
