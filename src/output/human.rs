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
    if let Some(title) = &view.title {
        writeln!(out, "{}", printable(title))?;
    }
    if !view.rows.is_empty() {
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED);
        // The renderer decides about colour and width, never the environment behind its back.
        table.force_no_tty();
        if style.color {
            table.enforce_styling();
        }
        match style.width {
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
        for row in &view.rows {
            table.add_row(row.iter().map(|c| to_cell(c, style.color)));
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
