//! Tables for people. Readable without colour: severity is always written out, colour only
//! repeats it.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width};

use super::printable::printable;
use super::Style;
use crate::report::{Cell, Report, Severity, TableView};

/// Cells longer than this are cut in tables: a 40 KB value is unreadable in a table, and
/// wrapping it to the terminal's width took seconds. JSON and SARIF keep the whole text.
const MAX_CELL_CHARS: usize = 1000;

pub fn render(report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let views: Vec<TableView> = if report.views.is_empty() && !report.findings.is_empty() {
        vec![generic_view(report)]
    } else {
        report
            .views
            .iter()
            .filter(|v| !v.rows.is_empty() || !v.footer.is_empty() || !v.diagnostics.is_empty())
            .cloned()
            .collect()
    };
    for (i, view) in views.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        render_view(view, style, out)?;
    }
    if !views.is_empty() {
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(report))
}

/// Each section under its name, then one line for the whole audit.
pub fn render_sections(
    sections: &[crate::report::Section],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::report::SectionState;
    let (mut ran, mut failed, mut skipped) = (0, 0, 0);
    let mut counts = [0usize; 3];
    for section in sections {
        let width = style.width.map_or(60, |w| usize::from(w).min(80));
        let rule = "─".repeat(width.saturating_sub(section.name.chars().count() + 4));
        writeln!(out, "── {} {rule}", printable(&section.name))?;
        match &section.state {
            SectionState::Ran(report) => {
                ran += 1;
                for (i, s) in [Severity::Error, Severity::Warning, Severity::Note]
                    .into_iter()
                    .enumerate()
                {
                    counts[i] += report.count_of(s);
                }
                render(report, style, out)?;
            }
            SectionState::Failed(e) => {
                failed += 1;
                writeln!(out, "did not run: {}", printable(e))?;
            }
            SectionState::Skipped(why) => {
                skipped += 1;
                writeln!(out, "skipped: {}", printable(why))?;
            }
        }
        writeln!(out)?;
    }
    let total: usize = counts.iter().sum();
    let mut line = format!(
        "audit: {ran} section{} ran, {failed} failed, {skipped} skipped; ",
        if ran == 1 { "" } else { "s" }
    );
    if total == 0 {
        line.push_str("no findings.");
    } else {
        let parts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Note]
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{n} {}{}", s.as_str(), if n == 1 { "" } else { "s" }))
            .collect();
        line.push_str(&format!(
            "{total} finding{}: {}",
            if total == 1 { "" } else { "s" },
            parts.join(", ")
        ));
    }
    writeln!(out, "{line}")
}

/// "2 findings: 1 error, 1 warning" or "No findings."
pub fn summary_line(report: &Report) -> String {
    let total = report.findings.len();
    if total == 0 {
        return "No findings.".to_string();
    }
    let parts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Note]
        .into_iter()
        .filter_map(|s| {
            let n = report.count_of(s);
            (n > 0).then(|| format!("{n} {}{}", s.as_str(), if n == 1 { "" } else { "s" }))
        })
        .collect();
    format!(
        "{total} finding{}: {}",
        if total == 1 { "" } else { "s" },
        parts.join(", ")
    )
}

fn render_view(view: &TableView, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let fits = style.width.map(|w| needed_width(view) <= usize::from(w));
    // Findings with long text read as diagnostics; a table that cannot fit the width
    // falls back to them too, when it has them.
    if !view.diagnostics.is_empty() && (view.rows.is_empty() || fits == Some(false)) {
        return render_diagnostics(view, style, out);
    }
    let too_wide = fits == Some(false) && !view.narrow.is_empty();
    // The title belongs to the table (it may explain the table's cells).
    if let Some(title) = view.title.as_ref().filter(|_| !too_wide) {
        writeln!(out, "{}", printable(title))?;
    }
    if too_wide {
        let width = style.width.map_or(usize::MAX, usize::from);
        for line in &view.narrow {
            let line = shortened(&printable(line)).into_owned();
            let text = line.trim_start();
            let indent = &line[..line.len() - text.len()];
            let rest = format!("{indent}    ");
            for wrapped in wrap(text, width.saturating_sub(rest.len()), indent, &rest) {
                writeln!(out, "{wrapped}")?;
            }
        }
    } else if !view.rows.is_empty() {
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        // The renderer decides about colour and width, never the environment behind its back.
        table.force_no_tty();
        if style.color {
            table.enforce_styling();
        }
        // A table that cannot fit without splitting its words keeps its long lines: a
        // squeezed table is harder to read than a wide one.
        match style.width.filter(|_| fits == Some(true)) {
            Some(width) => {
                table.set_content_arrangement(ContentArrangement::Dynamic);
                table.set_width(width);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        table.set_header(view.headers.iter().map(|h| {
            let cell = comfy_table::Cell::new(printable(h));
            if style.color {
                cell.add_attribute(comfy_table::Attribute::Bold)
            } else {
                cell
            }
        }));
        // An identifier column gets up to two fifths of the width; longer identifiers are
        // broken at their separators to fit it, so the table never splits a word of a key.
        let identifier_width = |column: usize| {
            let longest = longest_line(view, column);
            let share = style
                .width
                .map_or(usize::MAX, |w| (usize::from(w) * 2 / 5).max(16));
            longest.min(share)
        };
        let identifier_widths: Vec<(usize, usize)> = view
            .identifiers
            .iter()
            .map(|&c| (c, identifier_width(c)))
            .collect();
        for row in &view.rows {
            table.add_row(row.iter().enumerate().map(|(column, c)| {
                match identifier_widths.iter().find(|(i, _)| *i == column) {
                    Some(&(_, width)) => {
                        let broken = break_identifier(&c.text, width);
                        to_cell(
                            &Cell {
                                text: broken,
                                severity: c.severity,
                            },
                            style.color,
                        )
                    }
                    None => to_cell(c, style.color),
                }
            }));
        }
        for &column in &view.right_aligned {
            if let Some(col) = table.column_mut(column) {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        // Every wrapping column at least as wide as its longest word, so comfy-table wraps
        // between words and never inside one.
        for column in 0..view.headers.len() {
            // Identifiers break at their separators; value columns with a lower bound
            // (configuration values, which may be long tokens) keep it.
            if view.identifiers.contains(&column)
                || view.min_widths.iter().any(|(c, _)| *c == column)
            {
                continue;
            }
            let word = longest_word(view, column);
            if let Some(col) = table.column_mut(column) {
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                    u16::try_from(word + 2).unwrap_or(u16::MAX),
                )));
            }
        }
        for &column in &view.unwrapped {
            if let Some(col) = table.column_mut(column) {
                col.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        for &(column, width) in &view.min_widths {
            if let Some(col) = table.column_mut(column) {
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
            }
        }
        for &(column, width) in &identifier_widths {
            if let Some(col) = table.column_mut(column) {
                // A constraint's width includes the cell's padding of one space each side.
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                    width as u16 + 2,
                )));
            }
        }
        writeln!(out, "{table}")?;
    }
    for line in &view.footer {
        writeln!(out, "{}", printable(line))?;
    }
    Ok(())
}

/// Findings as compilers print them: `severity[label]: subject  figure`, the facts and the
/// explanation indented beneath, wrapped at word boundaries to the width.
fn render_diagnostics(view: &TableView, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let width = style.width.map_or(usize::MAX, usize::from).max(40);
    if let Some(title) = &view.title {
        writeln!(out, "{}", printable(title))?;
        writeln!(out)?;
    }
    for (i, d) in view.diagnostics.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let mut header = match d.severity {
            Some(s) => format!("{}[{}]: ", s.as_str(), printable(&d.label)),
            None => format!("{}: ", printable(&d.label)),
        };
        header.push_str(&printable(&d.subject));
        if !d.figure.is_empty() {
            header.push_str("  ");
            header.push_str(&printable(&d.figure));
        }
        for (n, line) in wrap(&header, width, "", "    ").into_iter().enumerate() {
            match d.severity.filter(|_| style.color && n == 0) {
                Some(s) => {
                    let code = match s {
                        Severity::Error => "31",
                        Severity::Warning => "33",
                        Severity::Note => "36",
                    };
                    let word = s.as_str();
                    writeln!(
                        out,
                        "\u{1b}[1;{code}m{word}\u{1b}[0m{}",
                        &line[word.len()..]
                    )?;
                }
                None => writeln!(out, "{line}")?,
            }
        }
        for fact in &d.facts {
            for line in wrap(
                &shortened(&printable(fact)),
                width.saturating_sub(4),
                "  = ",
                "    ",
            ) {
                writeln!(out, "{line}")?;
            }
        }
        for paragraph in &d.body {
            for line in wrap(
                &shortened(&printable(paragraph)),
                width.saturating_sub(2),
                "  ",
                "  ",
            ) {
                writeln!(out, "{line}")?;
            }
        }
    }
    if !view.footer.is_empty() {
        writeln!(out)?;
    }
    for line in &view.footer {
        for line in wrap(&printable(line), width, "", "  ") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// Word-wraps `text` so that no line, indent included, is longer than `width` + indent; a
/// word longer than the width stays whole on its own line rather than being split.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(20);
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut length = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if length > 0 && length + 1 + n > width {
            lines.push(std::mem::take(&mut current));
            length = 0;
        }
        if length > 0 {
            current.push(' ');
            length += 1;
        }
        current.push_str(word);
        length += n;
    }
    if length > 0 || lines.is_empty() {
        lines.push(current);
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("{}{l}", if i == 0 { first } else { rest }))
        .collect()
}

fn to_cell(cell: &Cell, color: bool) -> comfy_table::Cell {
    let mut c = comfy_table::Cell::new(shortened(&printable(&cell.text)));
    if color {
        if let Some(severity) = cell.severity {
            c = c.fg(match severity {
                Severity::Error => Color::Red,
                Severity::Warning => Color::Yellow,
                Severity::Note => Color::Cyan,
            });
        }
    }
    c
}

/// The longest line of a column, header included, in characters.
fn longest_line(view: &TableView, column: usize) -> usize {
    view.rows
        .iter()
        .filter_map(|r| r.get(column))
        .flat_map(|c| c.text.lines())
        .chain(view.headers.get(column).map(String::as_str))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

/// Longer words are tokens (URLs, image references, hashes) that may be split where a
/// column cannot hold them; a table is not dropped for one.
const LONGEST_UNSPLIT_WORD: usize = 20;

/// The longest word of a column, header included: a cell may wrap between words, never
/// inside one (up to [`LONGEST_UNSPLIT_WORD`] characters).
fn longest_word(view: &TableView, column: usize) -> usize {
    view.rows
        .iter()
        .filter_map(|r| r.get(column))
        .flat_map(|c| c.text.split_whitespace())
        .chain(
            view.headers
                .get(column)
                .into_iter()
                .flat_map(|h| h.split_whitespace()),
        )
        .map(|w| w.chars().count().min(LONGEST_UNSPLIT_WORD))
        .max()
        .unwrap_or(0)
}

/// The narrowest the table can be without splitting what must not be split: identifiers
/// whole, unwrapped columns at their content, `min_widths` at their bound, other columns at
/// their longest word (and at least ten characters when they have that much), and the
/// borders.
fn needed_width(view: &TableView) -> usize {
    let columns = view.headers.len();
    let longest = |column: usize| longest_line(view, column);
    let content: usize = (0..columns)
        .map(|c| {
            if view.unwrapped.contains(&c) || view.identifiers.contains(&c) {
                longest(c)
            } else if let Some(&(_, min)) = view.min_widths.iter().find(|(i, _)| *i == c) {
                usize::from(min).saturating_sub(2).max(10)
            } else {
                longest(c).min(10).max(longest_word(view, c))
            }
        })
        .sum();
    // `│ a ┆ b │`: two spaces of padding per column and one border more than columns.
    content + 3 * columns + 1
}

/// Breaks each line of `text` longer than `width` after a separator, keeping the separator
/// at the end of the line it closes. A piece with no separator that is still too long is
/// left whole for the table to split.
fn break_identifier(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.chars().count() <= width {
            out.push_str(line);
            continue;
        }
        let mut pieces = Vec::new();
        let mut start = 0;
        for (at, c) in line.char_indices() {
            if matches!(c, '.' | '_' | '-' | '/') {
                pieces.push(&line[start..at + c.len_utf8()]);
                start = at + c.len_utf8();
            }
        }
        pieces.push(&line[start..]);
        let mut current = 0;
        for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
            let n = piece.chars().count();
            if current > 0 && current + n > width {
                out.push('\n');
                current = 0;
            }
            out.push_str(piece);
            current += n;
        }
    }
    out
}

fn shortened(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        None => text.into(),
        Some((cut, _)) => {
            let rest = text[cut..].chars().count();
            format!("{}… ({rest} more characters)", &text[..cut]).into()
        }
    }
}

/// For reports whose command did not lay out a view of its own: each finding as a
/// diagnostic.
fn generic_view(report: &Report) -> TableView {
    let mut view = TableView::default();
    for f in &report.findings {
        let location = f.place();
        view.diagnostics.push(crate::report::Diagnostic {
            severity: Some(f.severity),
            label: f.rule_id.clone(),
            subject: location,
            figure: String::new(),
            facts: Vec::new(),
            body: vec![f.message.clone()],
        });
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_break_after_separators() {
        assert_eq!(
            break_identifier("logging.level.org.springframework.web", 20),
            "logging.level.org.\nspringframework.web"
        );
        assert_eq!(break_identifier("short.key", 20), "short.key");
        assert_eq!(
            break_identifier("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", 16),
            "SPRING_\nDATASOURCE_\nHIKARI_MAXIMUM_\nPOOL_SIZE"
        );
        assert_eq!(
            break_identifier("averyveryverylongword", 8),
            "averyveryverylongword"
        );
    }
    use crate::report::Finding;

    fn report() -> Report {
        let mut r = Report::new("t");
        r.findings
            .push(Finding::new("r", Severity::Error, "bad", &["1"]));
        r.findings
            .push(Finding::new("r", Severity::Warning, "meh", &["2"]));
        r.findings
            .push(Finding::new("r", Severity::Warning, "meh", &["3"]));
        r
    }

    #[test]
    fn diagnostics_wrap_at_words_within_the_width() {
        let mut view = TableView::default();
        view.diagnostics.push(crate::report::Diagnostic {
            severity: Some(Severity::Warning),
            label: "cost/over-provisioned".into(),
            subject: "ec2 api-batch (i-0a1b2c3d4e5f60001)".into(),
            figure: "saves $420.48/month".into(),
            facts: vec!["us-east-1 · m5.4xlarge → m5.xlarge".into()],
            body: vec!["P99.5 CPU is 13.2 % of 16 vCPUs; m5.xlarge would run at 52.8 % with 20 % headroom; a smaller size also has lower network and EBS bandwidth caps, check them".into()],
        });
        let mut out = Vec::new();
        render_view(
            &view,
            Style {
                color: false,
                width: Some(60),
            },
            &mut out,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("warning[cost/over-provisioned]: ec2 api-batch"),
            "{text}"
        );
        let words: Vec<&str> = view.diagnostics[0].body[0].split_whitespace().collect();
        let fact = text
            .lines()
            .position(|l| l.starts_with("  = us-east-1"))
            .unwrap();
        let printed: Vec<&str> = text
            .lines()
            .skip(fact + 1)
            .flat_map(str::split_whitespace)
            .collect();
        assert_eq!(printed, words, "{text}");
        for line in text.lines().skip(1) {
            assert!(line.chars().count() <= 60, "{line:?}");
        }
    }

    #[test]
    fn summary_counts_by_severity() {
        assert_eq!(summary_line(&report()), "3 findings: 1 error, 2 warnings");
        assert_eq!(summary_line(&Report::new("t")), "No findings.");
    }

    #[test]
    fn no_escape_codes_without_colour() {
        let mut out = Vec::new();
        render(&report(), Style::default(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("error"));
    }

    #[test]
    fn colour_adds_escape_codes_but_keeps_the_words() {
        let mut out = Vec::new();
        let style = Style {
            color: true,
            width: None,
        };
        render(&report(), style, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains('\u{1b}'), "{text}");
        assert!(text.contains("warning"));
    }

    #[test]
    fn input_text_cannot_drive_the_terminal_and_long_cells_are_cut() {
        let mut r = Report::new("t");
        r.findings.push(Finding::new(
            "r",
            Severity::Error,
            format!("\u{1b}]0;pwned\u{7}{}", "x".repeat(40_000)),
            &["1"],
        ));
        let mut out = Vec::new();
        let style = Style {
            color: false,
            width: Some(80),
        };
        render(&r, style, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
        assert!(text.contains("\\x1b]0;pwned\\x07"), "{text}");
        assert!(text.contains("more characters)"), "{text}");
        assert!(text.len() < 4000, "{}", text.len());
    }

    #[test]
    fn tables_fit_the_requested_width() {
        let mut r = Report::new("t");
        r.findings.push(Finding::new(
            "r",
            Severity::Error,
            "word ".repeat(60),
            &["1"],
        ));
        let mut out = Vec::new();
        let style = Style {
            color: false,
            width: Some(60),
        };
        render(&r, style, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        for line in text.lines() {
            assert!(line.chars().count() <= 60, "{line:?}");
        }
    }
}
