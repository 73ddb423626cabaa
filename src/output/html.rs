//! One self-contained HTML file: inline CSS and inline SVG charts, no scripts, no fonts,
//! no network. Every piece of input text is escaped.

use std::io::{self, Write};

use super::human::summary_line;
use crate::report::{
    Chart, ChartKind, Diagnostic, Report, Section, SectionState, Severity, TableView,
};

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
h3{font-size:1rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.875rem;max-width:100%}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f6f8fa;white-space:nowrap}.nowrap{overflow-wrap:normal}.whole{white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.error{background:#ffebe9;color:#82071e}.warning{background:#fff8c5;color:#6c4a00}.note{background:#ddf4ff;color:#0a3069}
.failed{color:#82071e}.skipped{color:#57606a}
.diagnostic{border-left:4px solid #d0d7de;margin:.75rem 0;padding:.25rem .75rem}
.diagnostic.error{border-color:#cf222e}.diagnostic.warning{border-color:#bf8700}.diagnostic.note{border-color:#0969da}
.diagnostic p{margin:.25rem 0}.facts{color:#57606a;font-size:.875rem}
figure{margin:1rem 0}figcaption{font-size:.875rem;color:#57606a}
svg text{font-size:11px;fill:#57606a}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:.8rem}
";

pub fn render(title: &str, sections: &[Section], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        escape(title)
    )?;
    writeln!(out, "<h1>{}</h1>", escape(title))?;
    writeln!(
        out,
        "<p>opsguard {} · secrets are always masked in this report.</p>",
        env!("CARGO_PKG_VERSION")
    )?;
    overview(sections, out)?;
    for section in sections {
        writeln!(out, "<section>\n<h2>{}</h2>", escape(&section.name))?;
        match &section.state {
            SectionState::Ran(report) => render_report(report, out)?,
            SectionState::Failed(e) => {
                writeln!(out, "<p class=\"failed\">Did not run: {}</p>", escape(e))?
            }
            SectionState::Skipped(why) => {
                writeln!(out, "<p class=\"skipped\">Skipped: {}</p>", escape(why))?
            }
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</body>\n</html>")
}

fn overview(sections: &[Section], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<table>\n<tr><th>section</th><th>result</th><th>errors</th><th>warnings</th><th>notes</th></tr>"
    )?;
    for section in sections {
        let name = escape(&section.name);
        match &section.state {
            SectionState::Ran(r) => {
                let class = worst(r).map_or("", |s| s.as_str());
                write!(
                    out,
                    "<tr><td>{name}</td><td class=\"{class}\">{}</td>",
                    escape(&summary_line(r))
                )?;
                for s in [Severity::Error, Severity::Warning, Severity::Note] {
                    write!(out, "<td class=\"num\">{}</td>", r.count_of(s))?;
                }
                writeln!(out, "</tr>")?;
            }
            SectionState::Failed(e) => writeln!(
                out,
                "<tr><td>{name}</td><td class=\"failed\" colspan=\"4\">did not run: {}</td></tr>",
                escape(e)
            )?,
            SectionState::Skipped(why) => writeln!(
                out,
                "<tr><td>{name}</td><td class=\"skipped\" colspan=\"4\">skipped: {}</td></tr>",
                escape(why)
            )?,
        }
    }
    writeln!(out, "</table>")
}

fn worst(report: &Report) -> Option<Severity> {
    report.findings.iter().map(|f| f.severity).max()
}

fn render_report(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<p>{}</p>", escape(&summary_line(report)))?;
    for chart in &report.charts {
        render_chart(chart, out)?;
    }
    for view in &report.views {
        render_view(view, out)?;
    }
    if report.views.is_empty() && !report.findings.is_empty() {
        writeln!(
            out,
            "<table>\n<tr><th>severity</th><th>rule</th><th>location</th><th>message</th></tr>"
        )?;
        for f in &report.findings {
            let place = f.place();
            writeln!(
                out,
                "<tr><td class=\"{0}\">{0}</td><td>{1}</td><td>{2}</td><td>{3}</td></tr>",
                f.severity.as_str(),
                escape(&f.rule_id),
                escape(&place),
                escape(&f.message)
            )?;
        }
        writeln!(out, "</table>")?;
    }
    if !report.warnings.is_empty() || !report.errors.is_empty() {
        writeln!(out, "<h3>Warnings</h3>\n<ul>")?;
        for line in report.errors.iter().chain(&report.warnings) {
            writeln!(out, "<li>{}</li>", escape(line))?;
        }
        writeln!(out, "</ul>")?;
    }
    Ok(())
}

fn render_view(view: &TableView, out: &mut dyn Write) -> io::Result<()> {
    if view.rows.is_empty() && view.diagnostics.is_empty() && view.footer.is_empty() {
        return Ok(());
    }
    if let Some(title) = &view.title {
        writeln!(out, "<h3>{}</h3>", escape(title))?;
    }
    if !view.rows.is_empty() {
        writeln!(out, "<table>\n<tr>")?;
        for h in &view.headers {
            write!(out, "<th>{}</th>", escape(h))?;
        }
        writeln!(out, "</tr>")?;
        for row in &view.rows {
            write!(out, "<tr>")?;
            for (i, cell) in row.iter().enumerate() {
                let mut classes = Vec::new();
                if let Some(s) = cell.severity {
                    classes.push(s.as_str());
                }
                if view.right_aligned.contains(&i) {
                    classes.push("num");
                }
                if view.unwrapped.contains(&i) {
                    classes.push("nowrap");
                }
                let bounded = view.min_widths.iter().any(|(c, _)| *c == i);
                let mut text = cell
                    .text
                    .lines()
                    .map(|line| {
                        // Short lines of value columns (`file:line`) stay whole.
                        if bounded && line.chars().count() <= 32 {
                            format!("<span class=\"whole\">{}</span>", escape(line))
                        } else {
                            escape(line)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("<br>");
                if view.identifiers.contains(&i) {
                    // Keys break after their separators, never inside a name.
                    classes.push("nowrap");
                    for separator in ['.', '_', '-', '/'] {
                        text = text.replace(separator, &format!("{separator}<wbr>"));
                    }
                }
                if classes.is_empty() {
                    write!(out, "<td>{text}</td>")?;
                } else {
                    write!(out, "<td class=\"{}\">{text}</td>", classes.join(" "))?;
                }
            }
            writeln!(out, "</tr>")?;
        }
        writeln!(out, "</table>")?;
    } else {
        for d in &view.diagnostics {
            render_diagnostic(d, out)?;
        }
    }
    if view.preformatted {
        writeln!(out, "<pre>{}</pre>", escape(&view.footer.join("\n")))?;
    } else {
        for line in &view.footer {
            writeln!(out, "<p>{}</p>", escape(line))?;
        }
    }
    Ok(())
}

fn render_diagnostic(d: &Diagnostic, out: &mut dyn Write) -> io::Result<()> {
    let class = d.severity.map_or("", |s| s.as_str());
    writeln!(out, "<div class=\"diagnostic {class}\">")?;
    writeln!(
        out,
        "<p><strong>{}</strong> <code>{}</code> {} <strong>{}</strong></p>",
        d.severity.map_or("", |s| s.as_str()),
        escape(&d.label),
        escape(&d.subject),
        escape(&d.figure)
    )?;
    for fact in &d.facts {
        writeln!(out, "<p class=\"facts\">{}</p>", escape(fact))?;
    }
    for paragraph in &d.body {
        writeln!(out, "<p>{}</p>", escape(paragraph))?;
    }
    writeln!(out, "</div>")
}

/// An inline SVG: a line (daily cost) or bars (counts), marked points, a horizontal line.
fn render_chart(chart: &Chart, out: &mut dyn Write) -> io::Result<()> {
    const W: f64 = 720.0;
    const H: f64 = 200.0;
    const LEFT: f64 = 70.0;
    const BOTTOM: f64 = 24.0;
    const TOP: f64 = 10.0;
    let n = chart.values.len();
    if n == 0 {
        return Ok(());
    }
    let max = chart
        .values
        .iter()
        .copied()
        .chain(chart.line.as_ref().map(|(_, v)| *v))
        .fold(0.0_f64, f64::max)
        .max(1e-9)
        * 1.1;
    let plot_w = W - LEFT - 10.0;
    let plot_h = H - TOP - BOTTOM;
    let x = |i: usize| match chart.kind {
        ChartKind::Line if n > 1 => LEFT + plot_w * i as f64 / (n - 1) as f64,
        _ => LEFT + plot_w * (i as f64 + 0.5) / n as f64,
    };
    let y = |v: f64| TOP + plot_h * (1.0 - v / max);
    writeln!(
        out,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"{}\">",
        escape(&chart.title)
    )?;
    // Axes and the top value.
    writeln!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{0}\" stroke=\"#d0d7de\"/>\
         <line x1=\"{LEFT}\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" stroke=\"#d0d7de\"/>",
        TOP + plot_h,
        W - 10.0
    )?;
    writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        LEFT - 4.0,
        TOP + 10.0,
        escape(&chart.unit.format(max / 1.1)),
        LEFT - 4.0,
        TOP + plot_h,
        escape(&chart.unit.format(0.0))
    )?;
    match chart.kind {
        ChartKind::Line => {
            let points: Vec<String> = chart
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v)))
                .collect();
            writeln!(
                out,
                "<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.5\" points=\"{}\"/>",
                points.join(" ")
            )?;
        }
        ChartKind::Bars => {
            let bar = (plot_w / n as f64 * 0.7).clamp(1.0, 48.0);
            for (i, v) in chart.values.iter().enumerate() {
                writeln!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"#0969da\"><title>{}: {}</title></rect>",
                    x(i) - bar / 2.0,
                    y(*v),
                    TOP + plot_h - y(*v),
                    escape(&chart.labels[i]),
                    escape(&chart.unit.format(*v))
                )?;
            }
        }
    }
    for (i, label) in &chart.marks {
        if let Some(v) = chart.values.get(*i) {
            writeln!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#cf222e\"><title>{}</title></circle>",
                x(*i),
                y(*v),
                escape(label)
            )?;
        }
    }
    if let Some((label, value)) = &chart.line {
        writeln!(
            out,
            "<line x1=\"{LEFT}\" y1=\"{0:.1}\" x2=\"{1}\" y2=\"{0:.1}\" stroke=\"#cf222e\" stroke-dasharray=\"4 3\"/>\
             <text x=\"{1}\" y=\"{2:.1}\" text-anchor=\"end\">{3}</text>",
            y(*value),
            W - 10.0,
            y(*value) - 3.0,
            escape(label)
        )?;
    }
    // First and last labels on the x axis.
    if let (Some(first), Some(last)) = (chart.labels.first(), chart.labels.last()) {
        writeln!(
            out,
            "<text x=\"{LEFT}\" y=\"{0}\">{1}</text><text x=\"{2}\" y=\"{0}\" text-anchor=\"end\">{3}</text>",
            H - 6.0,
            escape(first),
            W - 10.0,
            escape(last)
        )?;
    }
    writeln!(
        out,
        "</svg>\n<figcaption>{}</figcaption>\n</figure>",
        escape(&chart.title)
    )
}

/// The entity HTML needs for `c`, if any.
pub fn entity(c: char) -> Option<&'static str> {
    Some(match c {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => return None,
    })
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match entity(c) {
            Some(e) => out.push_str(e),
            None if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ChartUnit, Finding};

    #[test]
    fn the_page_is_self_contained_and_escaped() {
        let mut report = Report::new("drift check");
        report.findings.push(Finding::new(
            "drift/differs",
            Severity::Warning,
            "<script>alert(1)</script>",
            &["1"],
        ));
        report.charts.push(Chart {
            title: "daily cost".into(),
            kind: ChartKind::Line,
            labels: vec!["2026-10-01".into(), "2026-10-02".into()],
            values: vec![10.0, 90.0],
            marks: vec![(1, "spike".into())],
            line: Some(("budget".into(), 50.0)),
            unit: ChartUnit::Dollars,
        });
        let sections = [Section {
            name: "drift check".into(),
            state: SectionState::Ran(Box::new(report)),
        }];
        let mut out = Vec::new();
        render("opsguard audit", &sections, &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("http://") || html.matches("http://").count() == 1);
        assert!(html.contains("<polyline") && html.contains("<circle"));
        assert!(html.contains("stroke-dasharray"));
    }
}
