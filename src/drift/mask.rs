//! Masking for `drift diff --text`: the line diff shows that a password changed without
//! showing it.

use super::flatten::{flatten, LeafValue};
use super::sensitive::{holds_credential, is_secret_key, url_password};
use super::tree::Parsed;
use crate::report::Redactor;

/// The file's text with every secret value replaced by its mask, so the line diff shows that
/// a password changed without showing it. A value's lines run from its own line to the next
/// value's: block (`|`) and folded (`>`) scalars, multi-line quoted values, and values a
/// duplicate key shadowed are masked on every line they occupy.
pub fn mask_secret_lines(text: &str, parsed: &Parsed, redactor: &Redactor) -> String {
    if redactor.reveals() {
        return text.to_string();
    }
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let leaves: Vec<_> = parsed
        .documents
        .iter()
        .flat_map(|doc| flatten(&doc.root, "").leaves)
        .collect();
    let mut starts: Vec<usize> = leaves
        .iter()
        .map(|l| l.origin.line as usize)
        .chain(parsed.duplicates.iter().map(|d| d.first.line as usize))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let total = lines.len();
    let region_end = |line: usize| {
        let next = starts.partition_point(|&s| s <= line);
        starts.get(next).map_or(total, |&s| s - 1)
    };
    for leaf in &leaves {
        let LeafValue::Scalar(scalar) = &leaf.value else {
            continue;
        };
        let secret: Option<&str> =
            if is_secret_key(&leaf.path) || scalar.sensitive || holds_credential(&scalar.text) {
                Some(&scalar.text)
            } else {
                url_password(&scalar.text).map(|r| &scalar.text[r])
            };
        let Some(secret) = secret.filter(|s| !s.trim().is_empty()) else {
            continue;
        };
        let start = leaf.origin.line as usize - 1;
        let end = region_end(leaf.origin.line as usize);
        // Each word of the value (a PEM line, a folded fragment), short words only when
        // they are the whole value: leftmost-longest, in one pass, so a mask is never masked.
        let words: Vec<&str> = secret
            .split_whitespace()
            .filter(|w| w.chars().count() >= 4 || *w == secret.trim())
            .collect();
        let Ok(matcher) = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&words)
        else {
            continue;
        };
        for line in lines.iter_mut().take(end).skip(start) {
            let mut masked = String::with_capacity(line.len());
            matcher.replace_all_with(line, &mut masked, |_, word, out| {
                out.push_str(&redactor.mask(word));
                true
            });
            *line = masked;
        }
    }
    for duplicate in &parsed.duplicates {
        let start = duplicate.first.line as usize - 1;
        let shadowed = lines.get(start).map_or("", |line| {
            line.split_once([':', '='])
                .map_or("", |(_, value)| value.trim())
        });
        if !is_secret_key(&duplicate.key) && !holds_credential(shadowed) {
            continue;
        }
        let end = region_end(duplicate.first.line as usize);
        for (i, line) in lines.iter_mut().enumerate().take(end).skip(start) {
            let value_at = if i == start {
                line.find([':', '=']).map_or(0, |p| p + 1)
            } else {
                line.len() - line.trim_start().len()
            };
            let value = line[value_at..].trim();
            if !value.is_empty() {
                let masked = redactor.mask(value);
                *line = format!("{} {masked}", &line[..value_at]);
            }
        }
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}
