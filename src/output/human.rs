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
            .filter(|v| !v.rows.is_empty() || !v.footer.is_empty())
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
    let too_wide = fits == Some(false) && !view.narrow.is_empty();
    // The title belongs to the table (it may explain the table's cells).
    if let Some(title) = view.title.as_ref().filter(|_| !too_wide) {
        writeln!(out, "{}", printable(title))?;
    }
    if too_wide {
        for line in &view.narrow {
            writeln!(out, "{}", printable(line))?;
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

/// The narrowest the table can be without splitting what must not be split: identifiers
/// whole, unwrapped columns at their content, `min_widths` at their bound, other columns at
/// ten characters, and the borders.
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
                longest(c).min(10)
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

/// For reports whose command did not lay out a table of its own.
fn generic_view(report: &Report) -> TableView {
    let mut view = TableView::new(["severity", "rule", "location", "message"]);
    for f in &report.findings {
        let location = match (&f.location.path, f.location.line) {
            (Some(p), Some(l)) => format!("{p}:{l}"),
            (Some(p), None) => p.clone(),
            _ => String::new(),
        };
        view.push(vec![
            Cell::severity(f.severity),
            Cell::plain(&f.rule_id),
            Cell::plain(location),
            Cell::plain(&f.message),
        ]);
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
