use std::io::{self, Write};

use serde_json::{json, Value};

use crate::report::{Report, Section, SectionState, Severity, REPORT_VERSION};

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report.to_json())?;
    out.write_all(b"\n")
}

/// One compact JSON object per finding and line, for `jq -c`-style pipelines.
pub fn render_lines(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for finding in &report.findings {
        serde_json::to_writer(&mut *out, &finding.to_json())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `opsguard audit`: each section with its command's own document, then the totals.
pub fn sections_json(sections: &[Section]) -> Value {
    let mut totals = [0usize; 3];
    let (mut ran, mut failed, mut skipped) = (0, 0, 0);
    let mut errors = Vec::new();
    let list: Vec<Value> = sections
        .iter()
        .map(|s| match &s.state {
            SectionState::Ran(report) => {
                ran += 1;
                for (i, severity) in [Severity::Error, Severity::Warning, Severity::Note]
                    .into_iter()
                    .enumerate()
                {
                    totals[i] += report.count_of(severity);
                }
                json!({"name": s.name, "status": "ran", "report": report.to_json()})
            }
            SectionState::Failed(e) => {
                failed += 1;
                errors.push(format!("{}: {e}", s.name));
                json!({"name": s.name, "status": "failed", "error": e})
            }
            SectionState::Skipped(why) => {
                skipped += 1;
                json!({"name": s.name, "status": "skipped", "reason": why})
            }
        })
        .collect();
    json!({
        "version": REPORT_VERSION,
        "tool": {"name": "opsguard", "version": env!("CARGO_PKG_VERSION")},
        "command": "audit",
        "sections": list,
        "summary": {
            "findings": totals.iter().sum::<usize>(),
            "error": totals[0],
            "warning": totals[1],
            "note": totals[2],
            "sections_ran": ran,
            "sections_failed": failed,
            "sections_skipped": skipped,
        },
        "warnings": [],
        "errors": errors,
    })
}

pub fn render_sections(sections: &[Section], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &sections_json(sections))?;
    out.write_all(b"\n")
}

/// One finding per line, each with the section it belongs to.
pub fn render_section_lines(sections: &[Section], out: &mut dyn Write) -> io::Result<()> {
    for section in sections {
        let Some(report) = section.report() else {
            continue;
        };
        for finding in &report.findings {
            let mut object = finding.to_json();
            if let Value::Object(map) = &mut object {
                map.insert("section".into(), Value::from(section.name.clone()));
            }
            serde_json::to_writer(&mut *out, &object)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
