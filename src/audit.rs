//! `opsguard audit`: every check that `opsguard.toml` configures, each resolved, run and
//! reported through its own domain's boundary, as sections of one report. A section that
//! cannot run becomes a failed section; the others still run.

use std::path::PathBuf;

use clap::{Args, FromArgMatches};

use crate::cli::args::{AuditArgs, AuditDomain, DriftCheckArgs, DriftFlagsArgs, SecretsScanArgs};
use crate::config::LoadedConfig;
use crate::date::Date;
use crate::drift::settings::{CheckSettings, FlagSettings};
use crate::error::{Error, Result};
use crate::report::{Redactor, Report, Section, SectionState, Severity};
use crate::secrets::settings::ScanSettings;

/// One section's work, resolved; or why it will not run.
pub enum Job {
    DriftCheck(CheckSettings),
    DriftFlags(FlagSettings),
    SecretsScan(ScanSettings),
    #[cfg(feature = "aws")]
    CostAnomalies(crate::cost::settings::AnomalySettings),
    #[cfg(feature = "aws")]
    CostBudget(crate::cost::settings::BudgetSettings),
    #[cfg(feature = "aws")]
    CostRightsize(Box<crate::cost::settings::FleetSettings>),
    #[cfg(feature = "aws")]
    CostIdle(Box<crate::cost::settings::FleetSettings>),
    /// Its settings were wrong: the error, reported in the section.
    Invalid(String),
    Skipped(String),
}

pub struct Planned {
    pub name: &'static str,
    pub job: Job,
}

/// A command's own arguments with its defaults, as if typed with `argv` (so an audit
/// section resolves exactly as the single command does).
fn defaults<T: Args + FromArgMatches>(argv: &[&str]) -> Result<T> {
    let command = T::augment_args(clap::Command::new("audit").no_binary_name(true));
    command
        .try_get_matches_from(argv)
        .and_then(|m| T::from_arg_matches(&m))
        .map_err(|e| Error::usage(e.to_string().lines().next().unwrap_or("").to_string()))
}

fn job<S>(resolved: Result<S>, make: impl FnOnce(S) -> Job) -> Job {
    match resolved {
        Ok(settings) => make(settings),
        Err(e) => Job::Invalid(e.to_string()),
    }
}

/// The sections `opsguard.toml` configures, minus `--skip`, within `--only`.
pub fn plan(args: &AuditArgs, loaded: Option<&LoadedConfig>) -> Vec<Planned> {
    let chosen = |domain: AuditDomain| -> Option<String> {
        if args.skip.contains(&domain) {
            Some("left out with --skip".into())
        } else if !args.only.is_empty() && !args.only.contains(&domain) {
            Some("not in --only".into())
        } else {
            None
        }
    };
    let config = loaded.map(|l| &l.config);
    let mut planned = Vec::new();

    let drift = config.map(|c| &c.drift);
    planned.push(Planned {
        name: "drift check",
        job: match (chosen(AuditDomain::Drift), drift) {
            (Some(why), _) => Job::Skipped(why),
            (None, Some(d)) if !d.envs.0.is_empty() => job(
                defaults::<DriftCheckArgs>(&[]).and_then(|a| CheckSettings::resolve(&a, loaded)),
                Job::DriftCheck,
            ),
            _ => Job::Skipped("no [drift.envs] in opsguard.toml".into()),
        },
    });
    planned.push(Planned {
        name: "drift flags",
        job: match (chosen(AuditDomain::Drift), drift) {
            (Some(why), _) => Job::Skipped(why),
            (None, Some(d)) if !d.envs.0.is_empty() && d.flags != Default::default() => job(
                defaults::<DriftFlagsArgs>(&[]).and_then(|a| FlagSettings::resolve(&a, loaded)),
                Job::DriftFlags,
            ),
            _ => Job::Skipped("no [drift.flags] in opsguard.toml".into()),
        },
    });

    // The repository that holds the configuration, else the working directory.
    let root: PathBuf = loaded
        .map(|l| l.base_dir().to_path_buf())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."));
    planned.push(Planned {
        name: "secrets scan",
        job: match chosen(AuditDomain::Secrets) {
            Some(why) => Job::Skipped(why),
            None => job(
                defaults::<SecretsScanArgs>(&[&root.to_string_lossy()])
                    .and_then(|a| ScanSettings::resolve(&a, loaded)),
                Job::SecretsScan,
            ),
        },
    });

    plan_cost(&mut planned, chosen(AuditDomain::Cost), loaded);
    planned
}

#[cfg(feature = "aws")]
fn plan_cost(
    planned: &mut Vec<Planned>,
    not_chosen: Option<String>,
    loaded: Option<&LoadedConfig>,
) {
    use crate::cli::args::{CostAnomaliesArgs, CostBudgetArgs, FleetSourceArgs};
    use crate::cost::config::CostCheck;
    use crate::cost::settings::{AnomalySettings, BudgetSettings, FleetSettings};
    let cost = loaded
        .map(|l| &l.config.cost)
        .filter(|c| **c != crate::cost::config::CostConfig::default());
    let wanted = |check: CostCheck| -> Option<String> {
        if let Some(why) = &not_chosen {
            return Some(why.clone());
        }
        let Some(cost) = cost else {
            return Some("no [cost] in opsguard.toml".into());
        };
        match &cost.checks {
            Some(list) if !list.contains(&check) => Some("not in [cost] checks".into()),
            _ if check == CostCheck::Budget && cost.budget.is_none() => {
                Some("no [cost] budget in opsguard.toml".into())
            }
            _ => None,
        }
    };
    planned.push(Planned {
        name: "cost anomalies",
        job: match wanted(CostCheck::Anomalies) {
            Some(why) => Job::Skipped(why),
            None => job(
                defaults::<CostAnomaliesArgs>(&[])
                    .and_then(|a| AnomalySettings::resolve(&a, loaded)),
                Job::CostAnomalies,
            ),
        },
    });
    planned.push(Planned {
        name: "cost budget",
        job: match wanted(CostCheck::Budget) {
            Some(why) => Job::Skipped(why),
            None => {
                let limit = cost.and_then(|c| c.budget).unwrap_or_default().to_string();
                job(
                    defaults::<CostBudgetArgs>(&["--limit", &limit])
                        .and_then(|a| BudgetSettings::resolve(&a, loaded)),
                    Job::CostBudget,
                )
            }
        },
    });
    for (name, check) in [
        ("cost rightsize", CostCheck::Rightsize),
        ("cost idle", CostCheck::Idle),
    ] {
        planned.push(Planned {
            name,
            job: match wanted(check) {
                Some(why) => Job::Skipped(why),
                None => job(
                    defaults::<FleetSourceArgs>(&[])
                        .and_then(|a| FleetSettings::resolve(&a, false, loaded)),
                    |s| match check {
                        CostCheck::Rightsize => Job::CostRightsize(Box::new(s)),
                        _ => Job::CostIdle(Box::new(s)),
                    },
                ),
            },
        });
    }
}

#[cfg(not(feature = "aws"))]
fn plan_cost(planned: &mut Vec<Planned>, _: Option<String>, _: Option<&LoadedConfig>) {
    planned.push(Planned {
        name: "cost",
        job: Job::Skipped("this opsguard was built without the `aws` feature".into()),
    });
}

/// What the sections share while they run.
pub struct Environment<'a> {
    pub redactor: Redactor,
    pub today: Date,
    pub status: &'a dyn Fn(&str),
}

/// Runs every planned section in order; one that fails does not stop the others.
pub fn run(planned: Vec<Planned>, env: &Environment) -> Vec<Section> {
    planned
        .into_iter()
        .map(|p| {
            if !matches!(p.job, Job::Skipped(_)) {
                (env.status)(&format!("running {}…", p.name));
            }
            let state = match run_job(p.job, env) {
                Ok(report) => SectionState::Ran(Box::new(report)),
                Err(SectionEnd::Skipped(why)) => SectionState::Skipped(why),
                Err(SectionEnd::Failed(e)) => SectionState::Failed(e),
            };
            Section {
                name: p.name.to_string(),
                state,
            }
        })
        .collect()
}

enum SectionEnd {
    Skipped(String),
    Failed(String),
}

impl From<Error> for SectionEnd {
    fn from(e: Error) -> Self {
        SectionEnd::Failed(e.to_string())
    }
}

fn run_job(job: Job, env: &Environment) -> std::result::Result<Report, SectionEnd> {
    let report = match job {
        Job::Skipped(why) => return Err(SectionEnd::Skipped(why)),
        Job::Invalid(e) => return Err(SectionEnd::Failed(e)),
        Job::DriftCheck(s) => crate::drift::run::check(&s, env.redactor, env.today)?.report(),
        Job::DriftFlags(s) => crate::drift::run::flags(&s, env.redactor, env.today)?.report(),
        Job::SecretsScan(s) => {
            let progress = crate::secrets::progress::ScanProgress::default();
            let outcome = crate::secrets::run::scan(&s, "secrets scan", &env.redactor, &progress)?;
            let mut report = outcome.report();
            if outcome.incomplete {
                report
                    .errors
                    .push("the scan was incomplete: part of the history could not be read".into());
            }
            report
        }
        #[cfg(feature = "aws")]
        Job::CostAnomalies(s) => {
            let (mut source, until) = crate::cost::open::bill(&s.source)?;
            crate::cost::run::anomalies(source.as_mut(), until, &s)?.report()
        }
        #[cfg(feature = "aws")]
        Job::CostBudget(s) => {
            let (mut source, until) = crate::cost::open::bill(&s.source)?;
            crate::cost::run::budget(source.as_mut(), until, &s)?.report()
        }
        #[cfg(feature = "aws")]
        Job::CostRightsize(s) => {
            let read = crate::cost::open::fleet(&s, env.status)?;
            crate::cost::run::rightsize(&read, &s.prices, s.cross_family, s.anchor.clone()).report()
        }
        #[cfg(feature = "aws")]
        Job::CostIdle(s) => {
            let read = crate::cost::open::fleet(&s, env.status)?;
            crate::cost::run::idle(&read, &s.prices, s.anchor.clone()).report()
        }
    };
    Ok(report)
}

/// How an audit ends: the exit-status rules of the single commands, applied to the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing at or above the threshold, every section ran or was skipped.
    Clean,
    /// Findings at or above the threshold, or a section that could not run while others
    /// did: a nightly job must not go green on data it could not read.
    Findings,
    /// No section could run (or none was configured).
    Error,
}

pub fn verdict(sections: &[Section], fail_on: Severity, exit_zero: bool) -> Verdict {
    let ran: Vec<&Report> = sections.iter().filter_map(Section::report).collect();
    let failed = sections
        .iter()
        .filter(|s| matches!(s.state, SectionState::Failed(_)))
        .count();
    if ran.is_empty() {
        return Verdict::Error;
    }
    if failed > 0 {
        return Verdict::Findings;
    }
    let found = ran.iter().any(|r| r.count_at_or_above(fail_on) > 0);
    if found && !exit_zero {
        Verdict::Findings
    } else {
        Verdict::Clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Finding;

    fn ran(severity: Option<Severity>) -> Section {
        let mut report = Report::new("t");
        if let Some(s) = severity {
            report.findings.push(Finding::new("r", s, "m", &["1"]));
        }
        Section {
            name: "t".into(),
            state: SectionState::Ran(Box::new(report)),
        }
    }

    fn failed() -> Section {
        Section {
            name: "cost anomalies".into(),
            state: SectionState::Failed("no credentials".into()),
        }
    }

    #[test]
    fn the_exit_status_follows_the_single_commands_rules() {
        assert_eq!(
            verdict(&[ran(None)], Severity::Warning, false),
            Verdict::Clean
        );
        assert_eq!(
            verdict(&[ran(Some(Severity::Warning))], Severity::Warning, false),
            Verdict::Findings
        );
        assert_eq!(
            verdict(&[ran(Some(Severity::Warning))], Severity::Error, false),
            Verdict::Clean
        );
        assert_eq!(
            verdict(&[ran(Some(Severity::Error))], Severity::Warning, true),
            Verdict::Clean
        );
        // A section that could not run: never green, 2 only when nothing ran.
        assert_eq!(
            verdict(&[ran(None), failed()], Severity::Error, true),
            Verdict::Findings
        );
        assert_eq!(verdict(&[failed()], Severity::Error, false), Verdict::Error);
        assert_eq!(verdict(&[], Severity::Error, false), Verdict::Error);
    }
}
