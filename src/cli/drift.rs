//! `opsguard drift check | diff | baseline`.

use std::collections::HashSet;
use std::path::PathBuf;

use similar::TextDiff;

use super::args::{DriftCheckArgs, DriftCommand, DriftDiffArgs, DriftFlagsArgs, InputFormat};
use super::{Context, Outcome};
use crate::config::LoadedConfig;
use crate::date::Date;
use crate::drift::flags::{
    self, parse_age, FlagOptions, DEFAULT_OLDER_THAN_DAYS, DEFAULT_PATTERNS,
};
use crate::drift::flatten::{flatten, LeafValue};
use crate::drift::formats::Format;
use crate::drift::load::{
    display_path, load_baseline, load_policies, parse_env_spec, read_config_file, Loader,
};
use crate::drift::sensitive::{holds_credential, is_secret_key, url_password};
use crate::drift::tree::Parsed;
use crate::drift::{
    baseline, compare, diagnostics, flag_diagnostics, history, Comparison, DriftConfig,
    Environment, Options,
};
use crate::error::{Error, Result};
use crate::input::Named;
use crate::output::emit_bytes;
use crate::report::{Redactor, TableView};

pub fn run(ctx: &Context, command: DriftCommand) -> Result<Outcome> {
    match command {
        DriftCommand::Check(args) => {
            let plan = Plan::resolve(ctx, &args)?;
            let cmp = plan.compare(ctx)?;
            let accepted = match &plan.baseline {
                Some((path, named)) => Some(load_baseline(path, *named)?),
                None => None,
            };
            ctx.finish(&diagnostics::report("drift check", &cmp, accepted.as_ref()))
        }
        DriftCommand::Baseline(args) => {
            let plan = Plan::resolve(ctx, &args)?;
            let cmp = plan.compare(ctx)?;
            let entries = diagnostics::baseline_entries(&diagnostics::findings(&cmp));
            let count = entries.len();
            emit_bytes(baseline::render(entries).as_bytes(), &ctx.destination)?;
            ctx.messages.status(&format!(
                "recorded {count} accepted drift{}",
                if count == 1 { "" } else { "s" }
            ));
            Ok(Outcome::Clean)
        }
        DriftCommand::Diff(args) => diff(ctx, &args),
        DriftCommand::Flags(args) => flags(ctx, &args),
    }
}

fn flags(ctx: &Context, args: &DriftFlagsArgs) -> Result<Outcome> {
    let loaded = ctx.config()?;
    let section = loaded.as_ref().map(|l| (&l.config.drift, l));
    let environments = Environments::resolve(section, &args.envs, args.input_format)?;
    let configured = section.map(|(drift, _)| &drift.flags);
    let patterns = if !args.prefix.is_empty() {
        args.prefix.clone()
    } else {
        configured
            .and_then(|f| f.prefixes.clone())
            .unwrap_or_else(|| DEFAULT_PATTERNS.iter().map(|p| p.to_string()).collect())
    };
    let older_than_days = match &args.older_than {
        Some(given) => parse_age(given).ok_or_else(|| {
            Error::usage(format!(
                "--older-than `{given}`: expected an age such as 90d, 12w, 6mo or 1y"
            ))
        })?,
        None => configured
            .and_then(|f| f.older_than)
            .unwrap_or(DEFAULT_OLDER_THAN_DAYS),
    };
    let policies = policies(section, &args.policy);
    let policy = load_policies(&policies.0, policies.1)?;
    let options = FlagOptions {
        patterns,
        older_than_days,
        today: Date::today_utc(),
        redactor: ctx.redactor,
    };
    let envs = environments.load()?;
    let names: Vec<String> = envs.iter().map(|e| e.name.clone()).collect();
    let found = flags::collect(&envs, &policy, &options);
    let changes = history::date_lines(&flags::lines_to_date(&found), options.today)?;
    let verdicts = flags::judge(&names, found, &changes, &options);
    ctx.finish(&flag_diagnostics::report(
        &verdicts,
        older_than_days,
        args.show_emails,
    ))
}

/// The environments to load, from the command line or else `[drift.envs]`.
struct EnvPlan {
    name: String,
    files: Vec<PathBuf>,
    /// `--input-format`, else the environment's `format =`.
    format: Option<Format>,
    /// Spring profiles: the environment's `profiles =`, else `[drift.profiles]`, else
    /// its name.
    profiles: Vec<String>,
}

struct Environments {
    envs: Vec<EnvPlan>,
    /// Whether the environments' files were typed or come from `opsguard.toml`.
    named: Named,
}

impl Environments {
    fn resolve(
        section: Option<(&DriftConfig, &LoadedConfig)>,
        given: &[String],
        input_format: Option<InputFormat>,
    ) -> Result<Environments> {
        let forced = input_format.map(format_of);
        let profiles_of = |name: &str, own: Option<&Vec<String>>| {
            own.or_else(|| section.and_then(|(drift, _)| drift.profiles.get(name)))
                .cloned()
                .unwrap_or_else(|| vec![name.to_string()])
        };
        let envs: Vec<EnvPlan> = if !given.is_empty() {
            given
                .iter()
                .map(|spec| {
                    let (name, files) = parse_env_spec(spec)?;
                    Ok(EnvPlan {
                        profiles: profiles_of(&name, None),
                        name,
                        files,
                        format: forced,
                    })
                })
                .collect::<Result<_>>()?
        } else {
            section
                .map(|(drift, l)| {
                    drift
                        .envs
                        .0
                        .iter()
                        .map(|(name, spec)| EnvPlan {
                            name: name.clone(),
                            files: spec.files.iter().map(|f| l.resolve(f)).collect(),
                            format: forced.or(spec.format),
                            profiles: profiles_of(name, spec.profiles.as_ref()),
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut seen = HashSet::new();
        for env in &envs {
            if !seen.insert(env.name.as_str()) {
                return Err(Error::usage(format!(
                    "environment `{}` is given twice",
                    env.name
                )));
            }
        }
        if envs.len() < 2 {
            return Err(Error::usage("drift needs at least two environments")
                .with_hint("pass --env NAME=PATH twice or more, or list them under [drift.envs] in opsguard.toml"));
        }
        Ok(Environments {
            envs,
            named: if given.is_empty() {
                Named::InConfig
            } else {
                Named::OnCommandLine
            },
        })
    }

    fn load(&self) -> Result<Vec<Environment>> {
        let mut loader = Loader::new(self.named);
        self.envs
            .iter()
            .map(|env| loader.environment(&env.name, &env.files, env.format, &env.profiles))
            .collect()
    }
}

/// What a check compares, from the command line or else `[drift]` in `opsguard.toml`.
struct Plan {
    environments: Environments,
    policies: (Vec<PathBuf>, Named),
    baseline: Option<(PathBuf, Named)>,
    show_equivalent: bool,
    strict_null: bool,
}

fn format_of(input: InputFormat) -> Format {
    match input {
        InputFormat::Yaml => Format::Yaml,
        InputFormat::Json => Format::Json,
        InputFormat::Toml => Format::Toml,
        InputFormat::Env => Format::Dotenv,
        InputFormat::Ini => Format::Ini,
        InputFormat::Properties => Format::Properties,
        InputFormat::Tfvars => Format::Tfvars,
    }
}

fn policies(
    section: Option<(&DriftConfig, &LoadedConfig)>,
    given: &[PathBuf],
) -> (Vec<PathBuf>, Named) {
    match given {
        [] => (
            section
                .map(|(drift, l)| drift.policy.iter().map(|p| l.resolve(p)).collect())
                .unwrap_or_default(),
            Named::InConfig,
        ),
        given => (given.to_vec(), Named::OnCommandLine),
    }
}

impl Plan {
    fn resolve(ctx: &Context, args: &DriftCheckArgs) -> Result<Plan> {
        let loaded = ctx.config()?;
        let section = loaded.as_ref().map(|l| (&l.config.drift, l));
        let environments = Environments::resolve(section, &args.envs, args.input_format)?;
        let baseline = match &args.baseline {
            Some(b) => Some((b.clone(), Named::OnCommandLine)),
            None => section.and_then(|(drift, l)| {
                drift
                    .baseline
                    .as_ref()
                    .map(|b| (l.resolve(b), Named::InConfig))
            }),
        };
        Ok(Plan {
            environments,
            policies: policies(section, &args.policy),
            baseline,
            show_equivalent: args.show_equivalent
                || section.is_some_and(|(drift, _)| drift.show_equivalent),
            strict_null: args.strict_null || section.is_some_and(|(drift, _)| drift.strict_null),
        })
    }

    fn compare(&self, ctx: &Context) -> Result<Comparison> {
        let environments = self.environments.load()?;
        let policy = load_policies(&self.policies.0, self.policies.1)?;
        let options = Options {
            show_equivalent: self.show_equivalent,
            strict_null: self.strict_null,
            today: Date::today_utc(),
            redactor: ctx.redactor,
        };
        Ok(compare(&environments, &policy, &options))
    }
}

fn diff(ctx: &Context, args: &DriftDiffArgs) -> Result<Outcome> {
    let names = [display_path(&args.a), display_path(&args.b)];
    if names[0] == names[1] {
        return Err(Error::usage("drift diff needs two different files"));
    }
    let forced = args.input_format.map(format_of);
    let (_, text_a, parsed_a) = read_config_file(&args.a, Named::OnCommandLine, forced)?;
    let (_, text_b, parsed_b) = read_config_file(&args.b, Named::OnCommandLine, forced)?;
    let text_diff = args.text.then(|| {
        let a = mask_secret_lines(&text_a, &parsed_a, &ctx.redactor);
        let b = mask_secret_lines(&text_b, &parsed_b, &ctx.redactor);
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
    let policy = load_policies(
        &args.policy.iter().cloned().collect::<Vec<_>>(),
        Named::OnCommandLine,
    )?;
    let options = Options {
        show_equivalent: args.show_equivalent,
        strict_null: args.strict_null,
        today: Date::today_utc(),
        redactor: ctx.redactor,
    };
    let cmp = compare(&envs, &policy, &options);
    let mut report = diagnostics::report("drift diff", &cmp, None);
    if let Some(text) = text_diff {
        let mut view = TableView::default().titled("Line diff:");
        view.footer = text.lines().map(str::to_string).collect();
        report.views.push(view);
        report.extra.insert("text_diff".into(), text.into());
    }
    ctx.finish(&report)
}

/// The file's text with every secret value replaced by its mask, so the line diff shows that
/// a password changed without showing it. A value's lines run from its own line to the next
/// value's: block (`|`) and folded (`>`) scalars, multi-line quoted values, and values a
/// duplicate key shadowed are masked on every line they occupy.
fn mask_secret_lines(text: &str, parsed: &Parsed, redactor: &Redactor) -> String {
    if redactor.reveals() {
        return text.to_string();
    }
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let leaves: Vec<_> = parsed
        .documents
        .iter()
        .flat_map(|doc| flatten(&doc.root, "").leaves)
        .collect();
    let mut starts: Vec<usize> = leaves
        .iter()
        .map(|l| l.origin.line as usize)
        .chain(parsed.duplicates.iter().map(|d| d.first.line as usize))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let total = lines.len();
    let region_end = |line: usize| {
        let next = starts.partition_point(|&s| s <= line);
        starts.get(next).map_or(total, |&s| s - 1)
    };
    for leaf in &leaves {
        let LeafValue::Scalar(scalar) = &leaf.value else {
            continue;
        };
        let secret: Option<&str> =
            if is_secret_key(&leaf.path) || scalar.sensitive || holds_credential(&scalar.text) {
                Some(&scalar.text)
            } else {
                url_password(&scalar.text).map(|r| &scalar.text[r])
            };
        let Some(secret) = secret.filter(|s| !s.trim().is_empty()) else {
            continue;
        };
        let start = leaf.origin.line as usize - 1;
        let end = region_end(leaf.origin.line as usize);
        // Each word of the value (a PEM line, a folded fragment), short words only when
        // they are the whole value: leftmost-longest, in one pass, so a mask is never masked.
        let words: Vec<&str> = secret
            .split_whitespace()
            .filter(|w| w.chars().count() >= 4 || *w == secret.trim())
            .collect();
        let Ok(matcher) = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&words)
        else {
            continue;
        };
        for line in lines.iter_mut().take(end).skip(start) {
            let mut masked = String::with_capacity(line.len());
            matcher.replace_all_with(line, &mut masked, |_, word, out| {
                out.push_str(&redactor.mask(word));
                true
            });
            *line = masked;
        }
    }
    for duplicate in &parsed.duplicates {
        let start = duplicate.first.line as usize - 1;
        let shadowed = lines.get(start).map_or("", |line| {
            line.split_once([':', '='])
                .map_or("", |(_, value)| value.trim())
        });
        if !is_secret_key(&duplicate.key) && !holds_credential(shadowed) {
            continue;
        }
        let end = region_end(duplicate.first.line as usize);
        for (i, line) in lines.iter_mut().enumerate().take(end).skip(start) {
            let value_at = if i == start {
                line.find([':', '=']).map_or(0, |p| p + 1)
            } else {
                line.len() - line.trim_start().len()
            };
            let value = line[value_at..].trim();
            if !value.is_empty() {
                let masked = redactor.mask(value);
                *line = format!("{} {masked}", &line[..value_at]);
            }
        }
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}
