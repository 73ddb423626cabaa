//! Text from input (paths, keys, values, author names) on its way to a terminal. A file
//! name or value holding ESC, OSC or another control sequence could otherwise move the
//! cursor, rewrite earlier lines, set the window title or hide text; it is shown escaped.

use std::borrow::Cow;
use std::fmt::Write;

/// `s` with every control character (C0 but tab and newline, DEL, C1) and every
/// bidirectional override written as a visible escape: ESC becomes `\x1b`, U+009B `\u{9b}`.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            if (c as u32) < 0x80 {
                let _ = write!(out, "\\x{:02x}", c as u32);
            } else {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        // C0, DEL and C1.
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidirectional embeddings, overrides and isolates ("Trojan Source").
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sequences_are_made_visible() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(printable("\u{1b}]0;title\u{7}"), "\\x1b]0;title\\x07");
        assert_eq!(printable("csi\u{9b}31m"), "csi\\u{9b}31m");
        assert_eq!(printable("r\u{202e}txt.exe"), "r\\u{202e}txt.exe");
        assert_eq!(printable("cr\rover"), "cr\\x0dover");
    }

    proptest::proptest! {
        #[test]
        fn nothing_a_terminal_acts_on_survives(s in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}a-z]*") {
            let shown = printable(&s);
            proptest::prop_assert!(!shown.chars().any(|c| !matches!(c, '\t' | '\n') && c.is_control() || needs_escape(c)), "{shown:?}");
        }
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for s in ["plain", "tab\there", "two\nlines", "ünïcödé — €", ""] {
            assert!(matches!(printable(s), Cow::Borrowed(_)), "{s}");
        }
    }
}
