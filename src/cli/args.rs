//! The command line, as clap types. Nothing here acts; `crate::cli` dispatches.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::color::ColorChoice;
use crate::output::Format;
use crate::report::Severity;

pub const EXIT_STATUS_HELP: &str = "\
Exit status:
  0    nothing at or above --fail-on was found (or --exit-zero was given)
  1    findings at or above --fail-on
  2    usage, input or runtime error
  130  interrupted (Ctrl-C)";

#[derive(Debug, Parser)]
#[command(
    name = "opsguard",
    version,
    about = "Cost, config-drift and leaked-secret checks for operations teams",
    long_about = "opsguard checks what operations teams otherwise stitch together from half a \
dozen tools: cloud cost waste and anomalies, configuration drift between environments, and \
credentials leaked into git history.",
    after_help = EXIT_STATUS_HELP,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Output format: tables for people, or JSON, JSON Lines or SARIF for machines.
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Write the output to PATH instead of stdout (replaced atomically).
    #[arg(short = 'o', long, global = true, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// When to use colour; NO_COLOR and FORCE_COLOR are honoured under `auto`.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// More diagnostics on stderr (-v, -vv).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Configuration file [default: the nearest opsguard.toml up to the repository root].
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Lowest severity that makes the exit status 1.
    #[arg(long, global = true, value_enum, default_value_t = Severity::Warning)]
    pub fail_on: Severity,

    /// Report findings but exit 0 whatever they are.
    #[arg(long, global = true)]
    pub exit_zero: bool,

    /// Print secret values instead of redacting them.
    #[arg(long, global = true)]
    pub show_secrets: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare configuration between environments (dev, staging, prod) and report drift.
    #[command(subcommand)]
    Drift(DriftCommand),
    /// Find leaked credentials in git history, commit ranges, staged changes or files.
    #[command(subcommand)]
    Secrets(SecretsCommand),
    /// Watch cloud spend: anomalies and their causes, budgets, untagged spend, right-sizing
    /// and idle waste.
    #[command(subcommand)]
    Cost(CostCommand),
    /// Run every check opsguard.toml configures (drift, secrets, cost) as one report with
    /// one exit status: for the nightly job.
    #[command(after_help = AUDIT_HELP)]
    Audit(AuditArgs),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Print the JSON Schema of the JSON report.
    Schema,
}

pub const AUDIT_HELP: &str = "\
Sections: drift check (with [drift.envs]), drift flags (with [drift.flags]), secrets scan
(always; the repository that holds opsguard.toml), and cost anomalies, budget, rightsize and
idle (with [cost]; `checks` and `budget` under [cost] choose them).

A section that cannot run (no AWS credentials, an unreadable file) is reported inside the
report and makes the exit status 1; 2 only when no section could run.

Examples:
  opsguard audit
  opsguard audit --only secrets,drift --format markdown >> \"$GITHUB_STEP_SUMMARY\"
  opsguard audit --skip cost --format sarif --output opsguard.sarif
  opsguard audit --format html --output audit.html";

/// A part of `opsguard audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditDomain {
    Drift,
    Secrets,
    Cost,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Run only these sections, comma-separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "SECTION[,SECTION…]"
    )]
    pub only: Vec<AuditDomain>,

    /// Leave these sections out, comma-separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "SECTION[,SECTION…]"
    )]
    pub skip: Vec<AuditDomain>,
}

#[derive(Debug, Subcommand)]
pub enum DriftCommand {
    /// Compare two or more environments.
    #[command(after_help = DRIFT_CHECK_HELP)]
    Check(DriftCheckArgs),
    /// Compare two files with the same engine.
    Diff(DriftDiffArgs),
    /// Record today's drift as accepted; `check --baseline FILE` then reports only new drift.
    Baseline(DriftCheckArgs),
    /// Feature flags left behind: the same everywhere for months, rollouts stuck below
    /// production, flags some environments lack (ages from git blame).
    #[command(after_help = DRIFT_FLAGS_HELP)]
    Flags(DriftFlagsArgs),
}

pub const DRIFT_FLAGS_HELP: &str = "\
Examples:
  opsguard drift flags --env dev=config/dev.yaml --env prod=config/prod.yaml
  opsguard drift flags --older-than 180d --prefix 'app.toggles.*' --format json

Environments are listed lowest first; production is the one named prod, production,
prd or live, else the last. Without --env, they come from [drift.envs] in opsguard.toml.";

#[derive(Debug, Args)]
pub struct DriftFlagsArgs {
    /// An environment and its files, layered left to right (later files override earlier).
    #[arg(long = "env", value_name = "NAME=PATH[,PATH…]")]
    pub envs: Vec<String>,

    /// Keys that are feature flags, as globs over key paths; give it more than once
    /// [default: [drift.flags] prefixes, else features.*, flags.*, feature_flags.*,
    /// FEATURE_*].
    #[arg(long, value_name = "GLOB")]
    pub prefix: Vec<String>,

    /// Report a flag once its state has held this long: 90d, 12w, 6mo, 1y
    /// [default: [drift.flags] older_than, else 90d].
    #[arg(long, value_name = "AGE")]
    pub older_than: Option<String>,

    /// Policy files whose `flag = true` rules mark more keys as flags
    /// [default: [drift] policy in opsguard.toml].
    #[arg(long, value_name = "FILE")]
    pub policy: Vec<PathBuf>,

    /// Also print the e-mail address of each flag's last author.
    #[arg(long)]
    pub show_emails: bool,

    /// Read every file as this format, whatever its name or content says.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
}

pub const DRIFT_CHECK_HELP: &str = "\
Examples:
  opsguard drift check --env staging=config/staging.env --env prod=config/base.yaml,config/prod.json
  opsguard drift check --policy drift-policy.toml --format json

Without --env, the environments come from [drift.envs] in opsguard.toml.";

#[derive(Debug, Args)]
pub struct DriftCheckArgs {
    /// An environment and its files, layered left to right (later files override earlier).
    #[arg(long = "env", value_name = "NAME=PATH[,PATH…]")]
    pub envs: Vec<String>,

    /// Policy of expected differences; give it more than once to apply several in order
    /// [default: [drift] policy in opsguard.toml].
    #[arg(long, value_name = "FILE")]
    pub policy: Vec<PathBuf>,

    /// Suppress the drift recorded in FILE by `opsguard drift baseline`.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Also list values that differ only in notation (5s vs 5000ms) as notes.
    #[arg(long)]
    pub show_equivalent: bool,

    /// Report an explicit `null` against an absent key (by default null means unset, as
    /// in Helm values and Spring, so null vs absent is no drift).
    #[arg(long)]
    pub strict_null: bool,

    /// Read every file as this format, whatever its name or content says.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
}

#[derive(Debug, Args)]
pub struct DriftDiffArgs {
    /// The first file (its name is the first column).
    pub a: PathBuf,
    /// The second file.
    pub b: PathBuf,

    /// Also print a unified line diff of the two files.
    #[arg(long)]
    pub text: bool,

    /// Policy of expected differences.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    /// Also list values that differ only in notation as notes.
    #[arg(long)]
    pub show_equivalent: bool,

    /// Report an explicit `null` against an absent key.
    #[arg(long)]
    pub strict_null: bool,

    /// Read both files as this format, whatever their names or content say.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
}

#[derive(Debug, Subcommand)]
pub enum SecretsCommand {
    /// Scan a repository's history (all refs), a commit range, the staged changes, or files.
    #[command(after_help = SECRETS_SCAN_HELP)]
    Scan(SecretsScanArgs),
    /// Record today's findings as accepted; `scan --baseline FILE` then reports only new ones.
    Baseline(SecretsScanArgs),
    /// List or check rule packs.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Manage the git pre-commit hook.
    #[command(subcommand)]
    Hook(HookCommand),
}

pub const SECRETS_SCAN_HELP: &str = "\
Examples:
  opsguard secrets scan                         # every blob reachable from all refs
  opsguard secrets scan --range origin/main..HEAD   # what a push or pull request adds
  opsguard secrets scan --staged                # what is about to be committed
  opsguard secrets scan --no-git ./build        # files, honouring .gitignore
  cat file | opsguard secrets scan -            # standard input

Allow one line with a comment holding `opsguard:allow` (or `gitleaks:allow`,
`pragma: allowlist secret`).";

#[derive(Debug, Args)]
pub struct SecretsScanArgs {
    /// Repository or directory to scan, or `-` for standard input.
    #[arg(default_value = ".")]
    pub path: PathBuf,

    /// Scan only the blobs introduced by the commits in A..B.
    #[arg(long, value_name = "A..B", conflicts_with_all = ["staged", "no_git"])]
    pub range: Option<String>,

    /// Scan only what is staged for the next commit.
    #[arg(long, conflicts_with = "no_git")]
    pub staged: bool,

    /// Scan the files under PATH even if it is a repository (honours .gitignore).
    #[arg(long)]
    pub no_git: bool,

    /// Rules to use instead of the built-in packs: an opsguard pack or a gitleaks or
    /// Betterleaks config (`[extend] useDefault = true` adds to the built-in rules).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Exit 2 when a rule has to be left out (its regex does not compile) instead of
    /// warning and scanning with the others.
    #[arg(long)]
    pub strict_rules: bool,

    /// Suppress the findings recorded in FILE by `opsguard secrets baseline`.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// List baseline entries that no longer match any finding.
    #[arg(long)]
    pub report_unused_ignores: bool,

    /// Skip (and count) blobs larger than this [default: 10MiB].
    #[arg(long, value_name = "SIZE")]
    pub max_blob_size: Option<String>,

    /// Exit 2 when the scan could not read everything (shallow clone, missing objects).
    #[arg(long)]
    pub fail_on_incomplete: bool,

    /// Keep what a history scan read in a cache (in DIR, default `.git/opsguard/`), so the
    /// next scan reads only new commits and blobs; the report stays the same.
    #[arg(
        long,
        value_name = "DIR",
        num_args = 0..=1,
        require_equals = true,
        conflicts_with_all = ["range", "staged", "no_git"]
    )]
    pub cache: Option<Option<PathBuf>>,

    /// Do not use the cache even if `opsguard.toml` turns it on.
    #[arg(long, conflicts_with = "cache")]
    pub no_cache: bool,

    /// Ask each secret's provider whether it still works (read-only requests to the hosts
    /// the rule pack names; docs/secrets.md says what is sent where). Live secrets become
    /// errors.
    #[arg(long)]
    pub verify: bool,

    /// With --verify: report only the secrets their provider says are live.
    #[arg(long, requires = "verify")]
    pub only_active: bool,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the rules in force.
    List {
        /// Rules to list instead of the built-in packs.
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
    },
    /// Validate packs and run every rule against its examples and negative examples.
    Check {
        /// Packs to check [default: the built-in packs].
        packs: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HookCommand {
    /// Write .git/hooks/pre-commit running `opsguard secrets scan --staged`.
    Install {
        /// Replace an existing pre-commit hook.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CostCommand {
    /// Find days whose cost broke from its seasonal baseline (spikes and level shifts),
    /// with the usage types, regions and accounts behind them.
    #[command(after_help = COST_ANOMALIES_HELP)]
    Anomalies(CostAnomaliesArgs),
    /// Month-to-date spend and its forecast against a budget: exit 1 when the month is
    /// forecast over it, with how much and from which day.
    Budget(CostBudgetArgs),
    /// Share of spend missing each required cost-allocation tag, and the services behind it.
    Tags(CostTagsArgs),
    /// Spend by service (or account, region, usage type, tag): totals, yesterday, last 7
    /// days, month to date, last month, and each group against the period before.
    Report(CostReportArgs),
    /// Right-size EC2, RDS and ECS services from CloudWatch: over-provisioned (Compute
    /// Optimizer's P99.5 method, priced saving; for ECS, the task count and the Fargate
    /// task size), under-provisioned (a risk, priced fix), production databases without
    /// Multi-AZ, and resources with too little data to judge.
    #[command(after_help = COST_RIGHTSIZE_HELP)]
    Rightsize(CostRightsizeArgs),
    /// Idle waste: idle instances and databases (Trusted Advisor's rules), unattached
    /// volumes and Elastic IPs, volumes of long-stopped instances, gp2 that would be cheaper
    /// as gp3, old snapshots of deleted volumes, previous-generation types.
    #[command(after_help = COST_RIGHTSIZE_HELP)]
    Idle(CostIdleArgs),
    /// The on-demand price table behind the estimates.
    #[command(subcommand)]
    Prices(PricesCommand),
}

pub const COST_RIGHTSIZE_HELP: &str = "\
Estimates are on-demand list prices (730 hours a month) from the embedded table
rules/cost/prices.csv, or --prices FILE from `opsguard cost prices refresh`. Thresholds
live in rules/cost/rightsizing.toml and can be overridden under [cost.thresholds].

Examples:
  opsguard cost rightsize                                   # the configured region
  opsguard cost rightsize --regions us-east-1,eu-west-1 --cross-family
  opsguard cost idle --all-regions --format json
  opsguard cost rightsize --organization --all-regions      # every account, through
                                                            # the OpsguardReadOnly role
  opsguard cost rightsize --export snapshot/                # keep what was read
  opsguard cost idle --source fixture:fixtures/aws/rightsizing";

/// Where the fleet comes from; shared by `cost rightsize` and `cost idle`.
#[derive(Debug, Args)]
pub struct FleetSourceArgs {
    /// `aws` (EC2, RDS and CloudWatch through the SDK, the standard credential chain) or
    /// `fixture:DIR`, a directory with the fleet.json that --export wrote [default: aws].
    #[arg(long, value_name = "aws|fixture:DIR")]
    pub source: Option<String>,

    /// AWS profile to use (else AWS_PROFILE, then the default chain).
    #[arg(long)]
    pub profile: Option<String>,

    /// Regions to look at, comma-separated [default: the profile's or AWS_REGION, else
    /// us-east-1].
    #[arg(
        long,
        value_name = "REGION[,REGION…]",
        value_delimiter = ',',
        conflicts_with = "all_regions"
    )]
    pub regions: Vec<String>,

    /// Every region enabled for the account (DescribeRegions).
    #[arg(long)]
    pub all_regions: bool,

    /// Read these AWS accounts, comma-separated, each through --role-name (the caller's
    /// own account, if listed, with its own credentials).
    #[arg(
        long,
        value_name = "ID[,ID…]",
        value_delimiter = ',',
        conflicts_with = "organization"
    )]
    pub accounts: Vec<String>,

    /// Read every active account of the organisation (Organizations ListAccounts, from the
    /// management account or a delegated administrator), each through --role-name.
    #[arg(long)]
    pub organization: bool,

    /// The role to assume in each member account [default: OpsguardReadOnly].
    #[arg(long, value_name = "NAME")]
    pub role_name: Option<String>,

    /// The external ID the member roles' trust policy requires.
    #[arg(
        long,
        value_name = "ID",
        env = "OPSGUARD_EXTERNAL_ID",
        hide_env_values = true
    )]
    pub external_id: Option<String>,

    /// Accounts × regions read at once [default: 8].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=64))]
    pub concurrency: Option<u32>,

    /// Days of CloudWatch metrics to judge by [default: 14].
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=63))]
    pub lookback_days: Option<u32>,

    /// Judge as of this time: the end of the metric window and the clock for ages
    /// (snapshots, stopped instances) [default: now; for a fixture, the end of its window].
    #[arg(long, value_name = "YYYY-MM-DD[THH:MM:SSZ]")]
    pub now: Option<String>,

    /// Also write what was read to DIR/fleet.json, for `--source fixture:DIR` later.
    #[arg(long, value_name = "DIR")]
    pub export: Option<PathBuf>,

    /// A price table that `opsguard cost prices refresh` wrote [default: the embedded
    /// rules/cost/prices.csv].
    #[arg(long, value_name = "FILE")]
    pub prices: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CostRightsizeArgs {
    #[command(flatten)]
    pub from: FleetSourceArgs,

    /// Also consider cheaper current-generation families, Graviton (arm64) among them.
    #[arg(long)]
    pub cross_family: bool,
}

#[derive(Debug, Args)]
pub struct CostIdleArgs {
    #[command(flatten)]
    pub from: FleetSourceArgs,
}

#[derive(Debug, Subcommand)]
pub enum PricesCommand {
    /// Rebuild the price table from the AWS Price List API (pricing:GetProducts).
    Refresh(PricesRefreshArgs),
}

#[derive(Debug, Args)]
pub struct PricesRefreshArgs {
    /// Where to write the table (CSV, atomically); pass it to --prices or [cost] prices.
    #[arg(long, value_name = "FILE")]
    pub write: PathBuf,

    /// Regions to price, comma-separated [default: the regions of the current table].
    #[arg(long, value_name = "REGION[,REGION…]", value_delimiter = ',')]
    pub regions: Vec<String>,

    /// AWS profile to use (else AWS_PROFILE, then the default chain).
    #[arg(long)]
    pub profile: Option<String>,
}

pub const COST_ANOMALIES_HELP: &str = "\
Settings can also live under [cost] in opsguard.toml; flags win.

Examples:
  opsguard cost anomalies                            # Cost Explorer, last 90 days, by service
  opsguard cost anomalies --profile prod --group-by tag:team --format json
  opsguard cost anomalies --source fixture:fixtures/aws/startup-spike

A source `fixture:DIR` reads the JSON that `aws ce get-cost-and-usage --granularity DAILY
--group-by … --output json` prints, one file per query.";

/// Where costs come from; shared by every cost command.
#[derive(Debug, Args)]
pub struct CostSourceArgs {
    /// Where costs come from: `aws` (Cost Explorer, the standard credential chain), or
    /// `fixture:DIR`, a directory of Cost Explorer exports [default: aws].
    #[arg(long, value_name = "aws|fixture:DIR")]
    pub source: Option<String>,

    /// AWS profile to use (else AWS_PROFILE, then the default chain).
    #[arg(long)]
    pub profile: Option<String>,

    /// Region of the Cost Explorer endpoint [default: us-east-1, where it lives outside
    /// the China partition].
    #[arg(long)]
    pub region: Option<String>,

    /// Ask Cost Explorer for everything instead of reusing the local cache
    /// (OPSGUARD_CACHE_DIR, else ~/.cache/opsguard).
    #[arg(long)]
    pub no_cache: bool,

    /// Name the organisation's accounts in account groups (`--group-by account`, root
    /// causes): Organizations ListAccounts, from the management account.
    #[arg(long)]
    pub organization: bool,

    /// Cost metric: unblended, amortized or net-unblended.
    #[arg(long, default_value = "unblended")]
    pub metric: String,

    /// Last day to analyse [default: yesterday's data up to today for AWS, the last day an
    /// export has].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<String>,
}

#[derive(Debug, Args)]
pub struct CostAnomaliesArgs {
    #[command(flatten)]
    pub from: CostSourceArgs,

    /// Days of history to analyse.
    #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(u32).range(15..=400))]
    pub days: u32,

    /// Series to watch: service, account, region, usage-type or tag:KEY [default: service].
    #[arg(long, value_name = "GROUP")]
    pub group_by: Option<String>,

    /// Report only anomalies in the last DAYS days (older days are history); 0 reports all
    /// [default: 7].
    #[arg(long, value_name = "DAYS")]
    pub recent: Option<u32>,

    /// Dollars above expected a day must reach [default: 25].
    #[arg(long, value_name = "USD", value_parser = non_negative_number)]
    pub min_impact: Option<f64>,

    /// Percent above expected a day must reach [default: 20].
    #[arg(long, value_name = "P", value_parser = non_negative_number)]
    pub min_percent: Option<f64>,

    /// An anomaly above this many dollars a day is an error, below it a warning
    /// [default: 1000].
    #[arg(long, value_name = "USD", value_parser = non_negative_number)]
    pub error_impact: Option<f64>,
}

/// `--input-format`: read every file as this, whatever its name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Yaml,
    Json,
    Toml,
    Env,
    Ini,
    Properties,
    Tfvars,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BudgetPeriod {
    /// The calendar month.
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ForecastKind {
    /// Cost Explorer's forecast (GetCostForecast); the run rate if it fails, said so.
    Aws,
    /// Our own projection: the last three complete days' level, shaped by weekday (the
    /// pattern of the last eight weeks).
    RunRate,
}

#[derive(Debug, Args)]
pub struct CostBudgetArgs {
    #[command(flatten)]
    pub from: CostSourceArgs,

    /// The budget for the period, in dollars.
    #[arg(long, value_name = "USD", value_parser = non_negative_number)]
    pub limit: f64,

    #[arg(long, value_enum, default_value_t = BudgetPeriod::Month)]
    pub period: BudgetPeriod,

    /// Where the forecast for the rest of the period comes from.
    #[arg(long, value_enum, default_value_t = ForecastKind::Aws)]
    pub forecast: ForecastKind,
}

#[derive(Debug, Args)]
pub struct CostTagsArgs {
    #[command(flatten)]
    pub from: CostSourceArgs,

    /// Cost-allocation tags every resource should carry, comma-separated (e.g. team,env).
    #[arg(
        long,
        value_name = "KEY[,KEY…]",
        value_delimiter = ',',
        required = true
    )]
    pub require: Vec<String>,

    /// Untagged share of spend, in percent, above which a tag is an error.
    #[arg(long, default_value_t = 10.0, value_name = "PERCENT", value_parser = non_negative_number)]
    pub max_untagged: f64,

    /// Days of spend to look at.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=400))]
    pub days: u32,
}

#[derive(Debug, Args)]
pub struct CostReportArgs {
    #[command(flatten)]
    pub from: CostSourceArgs,

    /// The period: the last DAYS days up to --until.
    #[arg(long, default_value_t = 30, conflicts_with = "month", value_parser = clap::value_parser!(u32).range(1..=366))]
    pub days: u32,

    /// The period: a calendar month (up to --until when it is the current month).
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,

    /// Groups: service, account, region, usage-type or tag:KEY [default: service].
    #[arg(long, value_name = "GROUP")]
    pub group_by: Option<String>,
}

/// A finite number, zero or more: `NaN` compares false with every threshold (so it would
/// pass everything) and `inf` prints as a 20-digit dollar figure.
fn non_negative_number(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
        Ok(_) => Err("expected a finite number, zero or more".into()),
        Err(_) => Err("expected a number".into()),
    }
}
