//! A Markdown summary for `$GITHUB_STEP_SUMMARY` and pull-request comments: counts per
//! section and severity, the top findings, and the rest folded away in `<details>`.
//! Everything from the input is escaped, so a file name cannot inject HTML or links.

use std::io::{self, Write};

use super::human::summary_line;
use crate::report::{Finding, Report, Section, SectionState, Severity};

/// Findings shown before the fold.
const TOP: usize = 5;
/// Findings listed in the fold at most: a comment has a size limit (65,536 characters).
const MAX_LISTED: usize = 200;

pub fn render(title: &str, sections: &[Section], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {}\n", escape(title))?;
    writeln!(out, "| section | result | errors | warnings | notes |")?;
    writeln!(out, "| --- | --- | ---: | ---: | ---: |")?;
    for section in sections {
        let (result, counts) = match &section.state {
            SectionState::Ran(r) => (
                if r.findings.is_empty() {
                    "✅ no findings".to_string()
                } else if r.count_of(Severity::Error) > 0 {
                    format!("❌ {}", summary_line(r))
                } else {
                    format!("⚠️ {}", summary_line(r))
                },
                [Severity::Error, Severity::Warning, Severity::Note]
                    .map(|s| r.count_of(s).to_string()),
            ),
            SectionState::Failed(e) => (
                format!("💥 did not run: {}", escape(e)),
                ["—", "—", "—"].map(String::from),
            ),
            SectionState::Skipped(why) => (
                format!("skipped: {}", escape(why)),
                ["—", "—", "—"].map(String::from),
            ),
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&section.name),
            result,
            counts[0],
            counts[1],
            counts[2]
        )?;
    }
    for section in sections {
        let Some(report) = section.report() else {
            continue;
        };
        if report.findings.is_empty() && report.warnings.is_empty() && report.errors.is_empty() {
            continue;
        }
        writeln!(out, "\n### {}\n", escape(&section.name))?;
        let mut findings: Vec<&Finding> = report.findings.iter().collect();
        // Worst first; the command's own order within a severity.
        findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        for f in findings.iter().take(TOP) {
            writeln!(out, "- {}", item(f))?;
        }
        if findings.len() > TOP {
            writeln!(
                out,
                "\n<details><summary>All {} findings</summary>\n",
                findings.len()
            )?;
            writeln!(out, "| severity | rule | where | message |")?;
            writeln!(out, "| --- | --- | --- | --- |")?;
            for f in findings.iter().take(MAX_LISTED) {
                writeln!(
                    out,
                    "| {} | `{}` | {} | {} |",
                    f.severity.as_str(),
                    code(&f.rule_id),
                    escape(&f.place()),
                    escape(&f.message)
                )?;
            }
            if findings.len() > MAX_LISTED {
                writeln!(
                    out,
                    "\n{} more in the JSON or SARIF report.",
                    findings.len() - MAX_LISTED
                )?;
            }
            writeln!(out, "\n</details>")?;
        }
        problems(report, out)?;
    }
    Ok(())
}

fn problems(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    if report.warnings.is_empty() && report.errors.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n<details><summary>{} warnings and errors</summary>\n",
        report.warnings.len() + report.errors.len()
    )?;
    for line in report.errors.iter().chain(&report.warnings) {
        writeln!(out, "- {}", escape(line))?;
    }
    writeln!(out, "\n</details>")
}

fn item(f: &Finding) -> String {
    let place = f.place();
    let at = if place.is_empty() {
        String::new()
    } else {
        format!(" {}", escape(&place))
    };
    format!(
        "**{}** `{}`{at}: {}",
        f.severity.as_str(),
        code(&f.rule_id),
        escape(&f.message)
    )
}

/// Text that Markdown and the HTML GitHub allows in it will show as written, on one line:
/// HTML's entities, then Markdown's punctuation and table pipes escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => match super::html::entity(c) {
                Some(e) => out.push_str(e),
                None if c.is_control() => out.push('\u{fffd}'),
                None => out.push(c),
            },
        }
    }
    out
}

/// Inside backticks nothing is interpreted, but a backtick would end the span.
fn code(text: &str) -> String {
    text.replace('`', "'")
        .replace(['\n', '\r'], " ")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_cannot_inject_markup() {
        assert_eq!(
            escape("<img src=x> | [link](http://x) `a`\nb"),
            "&lt;img src=x&gt; \\| \\[link\\](http://x) \\`a\\` b"
        );
        assert_eq!(escape("staging's"), "staging&#39;s");
    }

    #[test]
    fn sections_are_counted_and_long_lists_folded() {
        let mut report = Report::new("secrets scan");
        for i in 0..7 {
            report.findings.push(
                Finding::new("r", Severity::Warning, format!("m{i}"), &[&i.to_string()])
                    .at(crate::report::Location::file("a.txt", Some(i + 1))),
            );
        }
        let sections = vec![
            Section {
                name: "secrets scan".into(),
                state: SectionState::Ran(Box::new(report)),
            },
            Section {
                name: "cost anomalies".into(),
                state: SectionState::Failed("no AWS credentials".into()),
            },
        ];
        let mut out = Vec::new();
        render("opsguard audit", &sections, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("| secrets scan | ⚠️ 7 findings: 7 warnings | 0 | 7 | 0 |"),
            "{text}"
        );
        assert!(
            text.contains("| cost anomalies | 💥 did not run: no AWS credentials |"),
            "{text}"
        );
        assert_eq!(text.matches("\n- **warning**").count(), 5, "{text}");
        assert!(
            text.contains("<details><summary>All 7 findings</summary>"),
            "{text}"
        );
    }
}
