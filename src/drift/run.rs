//! What each drift command does: load (through `load`, the file adapter), compare, and
//! keep the typed outcome that `report` turns into findings.

use std::collections::HashSet;

use similar::TextDiff;

use super::flags::{self, FlagOptions, FlagReport};
use super::load::{display_path, load_baseline, load_policies, read_config_file};
use super::mask::mask_secret_lines;
use super::settings::{CheckSettings, DiffSettings, FlagSettings};
use super::{
    baseline, compare, diagnostics, flag_diagnostics, history, Comparison, Environment, Options,
};
use crate::date::Date;
use crate::error::Result;
use crate::input::Named;
use crate::report::{Location, Redactor, Report, TableView};

pub struct CheckOutcome {
    pub command: &'static str,
    pub comparison: Comparison,
    /// Fingerprints the baseline accepts.
    pub accepted: Option<HashSet<String>>,
    pub anchor: Option<Location>,
}

pub fn check(s: &CheckSettings, redactor: Redactor, today: Date) -> Result<CheckOutcome> {
    let environments = s.environments.load()?;
    let policy = load_policies(&s.policies.0, s.policies.1)?;
    let options = Options {
        show_equivalent: s.show_equivalent,
        strict_null: s.strict_null,
        today,
        redactor,
    };
    let accepted = match &s.baseline {
        Some((path, named)) => Some(load_baseline(path, *named)?),
        None => None,
    };
    Ok(CheckOutcome {
        command: "drift check",
        comparison: compare(&environments, &policy, &options),
        accepted,
        anchor: s.anchor.clone(),
    })
}

impl CheckOutcome {
    pub fn report(&self) -> Report {
        let mut report =
            diagnostics::report(self.command, &self.comparison, self.accepted.as_ref());
        report.anchor = self.anchor.clone();
        report
    }

    /// The text of a baseline that accepts every drift found.
    pub fn baseline(&self) -> (String, usize) {
        let entries = diagnostics::baseline_entries(&diagnostics::rows(&self.comparison));
        let count = entries.len();
        (baseline::render(entries), count)
    }
}

pub struct FlagOutcome {
    pub flags: FlagReport,
    pub older_than_days: i64,
    pub show_emails: bool,
    pub anchor: Option<Location>,
}

pub fn flags(s: &FlagSettings, redactor: Redactor, today: Date) -> Result<FlagOutcome> {
    let policy = load_policies(&s.policies.0, s.policies.1)?;
    let options = FlagOptions {
        patterns: s.patterns.clone(),
        older_than_days: s.older_than_days,
        today,
        redactor,
    };
    let envs = s.environments.load()?;
    let names: Vec<String> = envs.iter().map(|e| e.name.clone()).collect();
    let found = flags::collect(&envs, &policy, &options);
    let changes = history::date_lines(&flags::lines_to_date(&found), options.today)?;
    Ok(FlagOutcome {
        flags: flags::judge(&names, found, &changes, &options),
        older_than_days: s.older_than_days,
        show_emails: s.show_emails,
        anchor: s.anchor.clone(),
    })
}

impl FlagOutcome {
    pub fn report(&self) -> Report {
        let mut report =
            flag_diagnostics::report(&self.flags, self.older_than_days, self.show_emails);
        report.anchor = self.anchor.clone();
        report
    }
}

pub struct DiffOutcome {
    pub comparison: Comparison,
    /// The unified line diff, secrets masked, when asked for.
    pub text_diff: Option<String>,
}

pub fn diff(s: &DiffSettings, redactor: Redactor, today: Date) -> Result<DiffOutcome> {
    let names = [display_path(&s.a), display_path(&s.b)];
    let (_, text_a, parsed_a) = read_config_file(&s.a, Named::OnCommandLine, s.format)?;
    let (_, text_b, parsed_b) = read_config_file(&s.b, Named::OnCommandLine, s.format)?;
    let text_diff = s.text.then(|| {
        let a = mask_secret_lines(&text_a, &parsed_a, &redactor);
        let b = mask_secret_lines(&text_b, &parsed_b, &redactor);
        TextDiff::from_lines(&a, &b)
            .unified_diff()
            .context_radius(3)
            .header(&names[0], &names[1])
            .to_string()
    });
    let envs = [(&names[0], parsed_a), (&names[1], parsed_b)]
        .into_iter()
        .map(|(name, parsed)| Environment {
            name: name.clone(),
            documents: parsed.documents,
            duplicates: parsed.duplicates,
        })
        .collect::<Vec<_>>();
    let policy = load_policies(&s.policy, Named::OnCommandLine)?;
    let options = Options {
        show_equivalent: s.show_equivalent,
        strict_null: s.strict_null,
        today,
        redactor,
    };
    Ok(DiffOutcome {
        comparison: compare(&envs, &policy, &options),
        text_diff,
    })
}

impl DiffOutcome {
    pub fn report(&self) -> Report {
        let mut report = diagnostics::report("drift diff", &self.comparison, None);
        if let Some(text) = &self.text_diff {
            let mut view = TableView::default().titled("Line diff:");
            view.preformatted = true;
            view.footer = text.lines().map(str::to_string).collect();
            report.views.push(view);
            report.extra.insert("text_diff".into(), text.clone().into());
        }
        report
    }
}
