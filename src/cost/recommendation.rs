//! One recommendation of `cost rightsize` or `cost idle`: what the resource is, what was
//! found, what to do, and what it saves (or, for a risk, what fixing it costs).

use serde::Serialize;

use super::fleet::Tags;
use crate::report::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    Ec2,
    Rds,
    Ebs,
    Eip,
    Snapshot,
    Ecs,
}

impl Service {
    pub fn as_str(self) -> &'static str {
        match self {
            Service::Ec2 => "ec2",
            Service::Rds => "rds",
            Service::Ebs => "ebs",
            Service::Eip => "eip",
            Service::Snapshot => "snapshot",
            Service::Ecs => "ecs",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    UnderProvisioned,
    NotMultiAz,
    OverProvisioned,
    OverProvisionedTasks,
    OverProvisionedTaskSize,
    Idle,
    PreviousGeneration,
    Unattached,
    Gp2ToGp3,
    OldSnapshot,
    InsufficientData,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::UnderProvisioned => "under_provisioned",
            Kind::NotMultiAz => "not_multi_az",
            Kind::OverProvisioned => "over_provisioned",
            Kind::OverProvisionedTasks => "over_provisioned_tasks",
            Kind::OverProvisionedTaskSize => "over_provisioned_task_size",
            Kind::Idle => "idle",
            Kind::PreviousGeneration => "previous_generation",
            Kind::Unattached => "unattached",
            Kind::Gp2ToGp3 => "gp2_to_gp3",
            Kind::OldSnapshot => "old_snapshot",
            Kind::InsufficientData => "insufficient_data",
        }
    }

    /// Risks are errors, savings warnings, missing data a note.
    pub fn severity(self) -> Severity {
        match self {
            Kind::UnderProvisioned | Kind::NotMultiAz => Severity::Error,
            Kind::InsufficientData => Severity::Note,
            _ => Severity::Warning,
        }
    }

    pub fn rule_id(self) -> String {
        format!("cost/{}", self.as_str().replace('_', "-"))
    }

    pub fn description(self) -> &'static str {
        match self {
            Kind::UnderProvisioned => "CPU, memory, storage or burst credits run out: size up.",
            Kind::NotMultiAz => "A production database runs in one Availability Zone.",
            Kind::OverProvisioned => {
                "Peak use (P99.5) fits a smaller type with headroom (Compute Optimizer's method)."
            }
            Kind::OverProvisionedTasks => {
                "An ECS service's peak load (P99.5, summed over its tasks) fits in fewer tasks with headroom."
            }
            Kind::OverProvisionedTaskSize => {
                "An ECS task's peak use fits a smaller valid Fargate CPU/memory size with headroom."
            }
            Kind::Idle => {
                "Little or no use: Trusted Advisor's idle rules, or storage nothing uses."
            }
            Kind::PreviousGeneration => {
                "A previous-generation type: the current one costs less or the same."
            }
            Kind::Unattached => "Paid for, attached to nothing.",
            Kind::Gp2ToGp3 => "gp3 gives the same IOPS and throughput for less.",
            Kind::OldSnapshot => "An old snapshot whose volume is gone.",
            Kind::InsufficientData => "Too few hours of metrics to recommend anything.",
        }
    }

    /// What to do about a finding of this kind (SARIF's rule help).
    pub fn advice(self) -> &'static str {
        match self {
            Kind::UnderProvisioned => "Move to the recommended larger type before the resource fails under load; the finding names the measure that ran out (CPU, memory, storage or CPU credits).",
            Kind::NotMultiAz => "Enable Multi-AZ for the database (a reboot with failover); the finding gives what it adds to the bill.",
            Kind::OverProvisioned => "Change to the recommended type in a maintenance window and watch the service for a week; network and EBS bandwidth caps shrink with the size, so check them first.",
            Kind::OverProvisionedTasks => "Lower the service's desired count (and its autoscaling minimum, when the finding says so) to the recommended number of tasks; watch latency and CPU for a week.",
            Kind::OverProvisionedTaskSize => "Register a task definition revision with the recommended CPU and memory and update the service to it; ECS replaces the tasks one deployment at a time.",
            Kind::Idle => "Confirm with the owner (the tags name them), then stop or delete the resource; snapshot a database or volume first.",
            Kind::PreviousGeneration => "Move to the current-generation type named in the finding: the same or more capacity for the same or less money.",
            Kind::Unattached => "Delete the volume or release the address if nothing will use it; snapshot a volume first if its data may be needed.",
            Kind::Gp2ToGp3 => "Modify the volume to gp3 in place (no downtime); set IOPS and throughput at least to today's gp2 baseline.",
            Kind::OldSnapshot => "Delete the snapshot if no one needs to restore the volume it came from; check AMIs and backup plans that may use it.",
            Kind::InsufficientData => "Nothing to do yet: the resource is judged once it has enough hours of CloudWatch metrics (see `min_hours_of_data`).",
        }
    }
}

/// Measured figures behind a recommendation; absent ones are left out of JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_p99_5: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projected_cpu_p99_5: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mem_used_max_percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mem_min_free_percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_min_free_percent: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_credit_balance_min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connections_max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_low: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_of_data: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_days: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_gb: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_p99_5: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub running_tasks: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended_tasks: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autoscaling_min: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oom_stopped_tasks: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub resource_id: String,
    pub service: Service,
    /// The account that holds the resource, where known (always with `--accounts` or
    /// `--organization`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    pub region: String,
    pub name: Option<String>,
    pub tags: Tags,
    pub finding: Kind,
    pub current_type: Option<String>,
    pub recommended_type: Option<String>,
    pub metrics: Figures,
    /// What the resource costs a month now, at on-demand list prices.
    pub monthly_cost: Option<f64>,
    /// What following the recommendation saves a month; `None` for risks and where a
    /// price is missing.
    pub monthly_savings: Option<f64>,
    /// What fixing a risk adds a month.
    pub monthly_extra_cost: Option<f64>,
    pub reason: String,
}

impl Recommendation {
    pub fn new(
        service: Service,
        resource_id: &str,
        region: &str,
        tags: &Tags,
        finding: Kind,
    ) -> Self {
        Recommendation {
            resource_id: resource_id.to_string(),
            service,
            account_id: None,
            region: region.to_string(),
            name: super::fleet::name_of(tags),
            tags: tags.clone(),
            finding,
            current_type: None,
            recommended_type: None,
            metrics: Figures::default(),
            monthly_cost: None,
            monthly_savings: None,
            monthly_extra_cost: None,
            reason: String::new(),
        }
    }

    pub fn severity(&self) -> Severity {
        self.finding.severity()
    }
}

/// Dollars to the cent, as reports show them.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Risks first (worst extra cost first), then savings (largest first), then notes; ties
/// by resource so output is stable.
pub fn sort(list: &mut [Recommendation]) {
    list.sort_by(|a, b| {
        let rank = |r: &Recommendation| match r.severity() {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Note => 2,
        };
        rank(a)
            .cmp(&rank(b))
            .then_with(|| {
                let value = |r: &Recommendation| r.monthly_savings.unwrap_or(0.0);
                value(b).total_cmp(&value(a))
            })
            .then_with(|| a.finding.cmp(&b.finding))
            .then_with(|| {
                (&a.account_id, &a.region, &a.resource_id).cmp(&(
                    &b.account_id,
                    &b.region,
                    &b.resource_id,
                ))
            })
    });
}
