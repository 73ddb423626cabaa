//! Go's RE2 syntax, as gitleaks and Betterleaks configurations are written in it, turned
//! into the syntax of Rust's `regex` crate. The two agree on nearly everything; this mends
//! the constructs RE2 accepts and `regex` rejects:
//!
//! - a `{` that does not open a valid repetition is a literal in RE2 (`{{ var }}`,
//!   `${NAME}`, `x{,3}`, `{` at the start or after `|` or `(`); `regex` wants `\{`;
//! - `\Q…\E` quotes its text literally;
//! - `\C` is any single byte.
//!
//! A pattern that `regex` already compiles is used as written, so this never changes the
//! meaning of one that works.

use std::borrow::Cow;

/// The pattern in `regex` syntax; unchanged when nothing needs mending.
pub fn translate(pattern: &str) -> Cow<'_, str> {
    if !pattern.contains(['{', '\\', '[']) {
        return Cow::Borrowed(pattern);
    }
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    // Whether the last thing written can take a repetition operator.
    let mut repeatable = false;
    while i < chars.len() {
        let c = chars[i];
        if in_class {
            match c {
                '\\' if i + 1 < chars.len() => {
                    out.push(c);
                    out.push(chars[i + 1]);
                    i += 2;
                }
                '[' if chars.get(i + 1) == Some(&':') => {
                    // A POSIX class such as [:alpha:] inside a bracket expression.
                    let end = find_from(&chars, i + 2, &[':', ']']).unwrap_or(chars.len() - 2);
                    out.extend(&chars[i..end + 2]);
                    i = end + 2;
                }
                '[' => {
                    // A literal `[` inside a class: RE2 allows it bare, `regex` nests classes.
                    out.push_str("\\[");
                    i += 1;
                }
                ']' => {
                    out.push(c);
                    in_class = false;
                    repeatable = true;
                    i += 1;
                }
                _ => {
                    out.push(c);
                    i += 1;
                }
            }
            continue;
        }
        match c {
            '\\' => match chars.get(i + 1) {
                Some('Q') => {
                    let start = i + 2;
                    let end = find_from(&chars, start, &['\\', 'E']).unwrap_or(chars.len());
                    let literal: String = chars[start..end].iter().collect();
                    out.push_str(&regex::escape(&literal));
                    i = (end + 2).min(chars.len());
                    repeatable = !literal.is_empty();
                }
                Some('C') => {
                    out.push_str("(?s-u:.)");
                    i += 2;
                    repeatable = true;
                }
                Some(&next) => {
                    out.push('\\');
                    out.push(next);
                    i += 2;
                    repeatable = true;
                }
                None => {
                    out.push('\\');
                    i += 1;
                }
            },
            '[' => {
                out.push('[');
                i += 1;
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                // A `]` first in the class is a literal.
                if chars.get(i) == Some(&']') {
                    out.push_str("\\]");
                    i += 1;
                }
                in_class = true;
            }
            '{' => {
                let repetition = repetition_len(&chars[i..]);
                match repetition {
                    Some(len) if repeatable => {
                        out.extend(&chars[i..i + len]);
                        i += len;
                        // `x{2}?` is lazy, but `x{2}{3}` is not valid in RE2 either.
                        repeatable = false;
                    }
                    _ => {
                        out.push_str("\\{");
                        i += 1;
                        repeatable = true;
                    }
                }
            }
            '}' => {
                out.push_str("\\}");
                i += 1;
                repeatable = true;
            }
            '(' => {
                out.push(c);
                i += 1;
                repeatable = false;
            }
            '|' => {
                out.push(c);
                i += 1;
                repeatable = false;
            }
            '*' | '+' | '?' => {
                out.push(c);
                i += 1;
                repeatable = false;
            }
            _ => {
                out.push(c);
                i += 1;
                repeatable = true;
            }
        }
    }
    Cow::Owned(out)
}

/// The length of a valid RE2 counted repetition at the start of `chars` (`{n}`, `{n,}`,
/// `{n,m}`), if there is one.
fn repetition_len(chars: &[char]) -> Option<usize> {
    let mut i = 1;
    let digits = |i: &mut usize| {
        let start = *i;
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return None;
    }
    if chars.get(i) == Some(&',') {
        i += 1;
        digits(&mut i);
    }
    (chars.get(i) == Some(&'}')).then_some(i + 1)
}

fn find_from(chars: &[char], from: usize, needle: &[char]) -> Option<usize> {
    (from..chars.len().saturating_sub(needle.len() - 1)).find(|&i| chars[i..].starts_with(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiles_and_matches(re2: &str, yes: &[&str], no: &[&str]) {
        let rust = translate(re2);
        let regex = crate::secrets::rules::compile(&rust)
            .unwrap_or_else(|e| panic!("{re2} -> {rust} does not compile: {e}"));
        for text in yes {
            assert!(
                regex.is_match(text.as_bytes()),
                "{re2} -> {rust} must match {text:?}"
            );
        }
        for text in no {
            assert!(
                !regex.is_match(text.as_bytes()),
                "{re2} -> {rust} must not match {text:?}"
            );
        }
    }

    #[test]
    fn a_brace_after_alternation_is_a_literal() {
        compiles_and_matches(r"^\$(?:\d+|{\d+})$", &["$1", "${12}"], &["$x", "{12}"]);
    }

    #[test]
    fn a_brace_that_is_not_a_count_is_a_literal() {
        compiles_and_matches(
            r"^\${(?:[A-Z_]+|[a-z_]+)}$",
            &["${HOME}"],
            &["$HOME", "${Home}"],
        );
    }

    #[test]
    fn double_braces_of_a_template_are_literals() {
        compiles_and_matches(
            r#"['"]?\$?{{[^}]+}}['"]?"#,
            &["{{ .Values.token }}", "${{ secrets.X }}"],
            &["{ x }"],
        );
    }

    #[test]
    fn a_brace_after_whitespace_class_repetition_is_a_literal() {
        compiles_and_matches(
            r#"import[ \t]+{[ \t\w,]+}[ \t]+from"#,
            &["import { a, b } from"],
            &["import a from"],
        );
    }

    #[test]
    fn an_open_count_with_no_minimum_is_a_literal() {
        compiles_and_matches(r"x{,3}", &["x{,3}"], &["xxx"]);
    }

    #[test]
    fn an_unclosed_count_is_a_literal() {
        compiles_and_matches(r"a{1,", &["a{1,"], &["a"]);
        compiles_and_matches(r"^{", &["{"], &["a"]);
    }

    #[test]
    fn valid_counts_are_kept() {
        assert_eq!(translate(r"a{2}b{1,}c{3,4}"), "a{2}b{1,}c{3,4}");
        compiles_and_matches(r"^a{2,3}$", &["aa", "aaa"], &["a", "aaaa"]);
        compiles_and_matches(r"^(?:ab){2}$", &["abab"], &["ab"]);
        compiles_and_matches(r"^[a-z]{3}$", &["abc"], &["ab"]);
    }

    #[test]
    fn quoted_text_is_literal() {
        compiles_and_matches(r"^\Qa.b*c\E+$", &["a.b*c", "a.b*cc"], &["axbc"]);
        compiles_and_matches(r"^\Qa.b", &["a.b"], &["axb"]);
    }

    #[test]
    fn any_byte() {
        compiles_and_matches(r"^a\Cb$", &["axb"], &["ab"]);
    }

    #[test]
    fn a_closing_bracket_first_in_a_class_is_a_literal() {
        compiles_and_matches(r"^[^]]+$", &["abc"], &["a]c"]);
        compiles_and_matches(r"^[]a]+$", &["]a"], &["b"]);
    }

    #[test]
    fn a_bare_bracket_inside_a_class_is_a_literal() {
        compiles_and_matches(r"^[a[]+$", &["a[a"], &["b"]);
        compiles_and_matches(r"^[[:alpha:]]+$", &["abc"], &["a1"]);
    }

    #[test]
    fn braces_in_a_class_stay_as_they_are() {
        compiles_and_matches(r"^[{}]+$", &["{}"], &["a"]);
    }

    #[test]
    fn patterns_without_braces_brackets_or_escapes_are_borrowed() {
        assert!(matches!(translate("abc(0|1)+$"), Cow::Borrowed(_)));
    }
}
