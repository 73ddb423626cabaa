//! What `cost rightsize` and `cost idle` look at: the account's instances, databases,
//! volumes, snapshots and addresses, and their CloudWatch series. Gathered from AWS by
//! `cost::aws::gather`, or read from a file `--export` wrote (the `fixture:DIR` source);
//! this type is that file's format, so it is versioned.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::timestamp::Timestamp;

pub const FLEET_VERSION: u32 = 1;
/// The file a `fixture:DIR` source reads and `--export DIR` writes.
pub const FLEET_FILE: &str = "fleet.json";

pub type Tags = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fleet {
    pub version: u32,
    /// The metric window: `[start, end)`.
    pub window: Window,
    pub regions: Vec<String>,
    /// vCPUs and memory of the instance types in use (DescribeInstanceTypes).
    #[serde(default)]
    pub instance_types: BTreeMap<String, InstanceTypeInfo>,
    #[serde(default)]
    pub instances: Vec<Instance>,
    #[serde(default)]
    pub databases: Vec<Database>,
    #[serde(default)]
    pub volumes: Vec<Volume>,
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    /// Snapshots that back one of the account's own AMIs: never orphans.
    #[serde(default)]
    pub image_snapshot_ids: Vec<String>,
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// ECS services with their task sizes, autoscaling bounds and recent stops.
    #[serde(default)]
    pub services: Vec<EcsService>,
    #[serde(default)]
    pub metrics: Vec<Series>,
    /// The accounts read, with their names where Organizations gave them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<Account>,
    /// Accounts asked for that could not be read: their findings are missing, so a run
    /// over this fleet is never clean.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread_accounts: Vec<UnreadAccount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnreadAccount {
    pub id: String,
    pub reason: String,
}

/// How an ECS service runs its tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LaunchType {
    /// Fargate, on demand or Spot (through a capacity provider or the launch type).
    Fargate,
    /// Container instances the account runs (EC2 launch type or an Auto Scaling group
    /// capacity provider): the instances are priced by the EC2 rules.
    Ec2,
    /// ECS Anywhere: on-premises; no AWS compute to price.
    External,
}

/// One ECS service (DescribeServices) with what sizing it needs: its task size
/// (DescribeTaskDefinition), its running tasks (ListTasks/DescribeTasks), its autoscaling
/// bounds (Application Auto Scaling) and the tasks that stopped recently, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EcsService {
    /// The service ARN: unique across regions and accounts, and the key of its series.
    pub arn: String,
    pub name: String,
    pub cluster: String,
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    pub launch_type: LaunchType,
    /// Part of the capacity on Fargate Spot (priced at on-demand, said so).
    #[serde(default)]
    pub spot: bool,
    pub desired_count: u32,
    /// Tasks running now (the tasks listed for the service, else DescribeServices' count).
    pub running_count: u32,
    /// vCPUs and memory (MiB) of one task: the task size, else the containers' sum.
    pub task_cpu_units: u32,
    pub task_memory_mib: u32,
    /// `ARM64` tasks are priced at Fargate's Graviton rates.
    #[serde(default)]
    pub arm64: bool,
    /// Behind a load balancer: never fewer than two tasks.
    #[serde(default)]
    pub load_balanced: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autoscaling: Option<ScalingBounds>,
    /// Container Insights is on for the cluster (its RunningTaskCount is read).
    #[serde(default)]
    pub container_insights: bool,
    /// Tasks of the service that ECS stopped because a container ran out of memory,
    /// among the stopped tasks ECS still lists (it keeps them about an hour).
    #[serde(default)]
    pub oom_stops: u32,
    /// The EC2 container instances its tasks run on (EC2 launch type).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub container_instances: Vec<String>,
    #[serde(default)]
    pub tags: Tags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalingBounds {
    pub min: u32,
    pub max: u32,
}

impl Fleet {
    /// Nothing yet, over `window`.
    pub fn empty(window: Window, regions: Vec<String>) -> Fleet {
        Fleet {
            version: FLEET_VERSION,
            window,
            regions,
            instance_types: BTreeMap::new(),
            instances: Vec::new(),
            databases: Vec::new(),
            volumes: Vec::new(),
            snapshots: Vec::new(),
            image_snapshot_ids: Vec::new(),
            addresses: Vec::new(),
            services: Vec::new(),
            metrics: Vec::new(),
            accounts: Vec::new(),
            unread_accounts: Vec::new(),
        }
    }

    /// Adds what another account or region holds.
    pub fn absorb(&mut self, part: Fleet) {
        self.instance_types.extend(part.instance_types);
        self.instances.extend(part.instances);
        self.databases.extend(part.databases);
        self.volumes.extend(part.volumes);
        self.snapshots.extend(part.snapshots);
        self.image_snapshot_ids.extend(part.image_snapshot_ids);
        self.addresses.extend(part.addresses);
        self.services.extend(part.services);
        self.metrics.extend(part.metrics);
    }

    /// Every resource of the fleet tagged with the account that holds it.
    pub fn stamp_account(&mut self, account: &str) {
        let id = Some(account.to_string());
        self.instances
            .iter_mut()
            .for_each(|x| x.account_id.clone_from(&id));
        self.databases
            .iter_mut()
            .for_each(|x| x.account_id.clone_from(&id));
        self.volumes
            .iter_mut()
            .for_each(|x| x.account_id.clone_from(&id));
        self.snapshots
            .iter_mut()
            .for_each(|x| x.account_id.clone_from(&id));
        self.addresses
            .iter_mut()
            .for_each(|x| x.account_id.clone_from(&id));
        self.services
            .iter_mut()
            .for_each(|x| x.account_id.clone_from(&id));
    }

    /// The account of each resource by its ID, for the findings about it.
    pub fn accounts_by_resource<'a>(&'a self) -> HashMap<&'a str, &'a str> {
        let mut index = HashMap::new();
        let mut add = |id: &'a str, account: &'a Option<String>| {
            if let Some(account) = account {
                index.insert(id, account.as_str());
            }
        };
        self.instances
            .iter()
            .for_each(|x| add(&x.id, &x.account_id));
        self.databases
            .iter()
            .for_each(|x| add(&x.id, &x.account_id));
        self.volumes.iter().for_each(|x| add(&x.id, &x.account_id));
        self.snapshots
            .iter()
            .for_each(|x| add(&x.id, &x.account_id));
        self.addresses
            .iter()
            .for_each(|x| add(&x.id, &x.account_id));
        index
    }

    /// Keeps only what lives in `regions` (`--regions` on an export).
    pub fn retain_regions(&mut self, regions: &[String]) {
        let keep = |r: &String| regions.contains(r);
        self.regions.retain(keep);
        self.instances.retain(|x| keep(&x.region));
        self.databases.retain(|x| keep(&x.region));
        self.volumes.retain(|x| keep(&x.region));
        self.snapshots.retain(|x| keep(&x.region));
        self.addresses.retain(|x| keep(&x.region));
        self.services.retain(|x| keep(&x.region));
        let ids: std::collections::HashSet<&str> = self
            .instances
            .iter()
            .map(|i| i.id.as_str())
            .chain(self.databases.iter().map(|d| d.id.as_str()))
            .chain(self.services.iter().map(|s| s.arn.as_str()))
            .collect();
        let metrics = std::mem::take(&mut self.metrics);
        self.metrics = metrics
            .into_iter()
            .filter(|s| ids.contains(s.resource.as_str()))
            .collect();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub start: Timestamp,
    pub end: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceTypeInfo {
    pub vcpu: u32,
    pub memory_gib: f64,
    #[serde(default)]
    pub architectures: Vec<String>,
    #[serde(default)]
    pub burstable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    pub id: String,
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(rename = "type")]
    pub instance_type: String,
    /// pending, running, stopping, stopped, shutting-down, terminated.
    pub state: String,
    pub launched: Timestamp,
    /// When it entered its state, where EC2 says (its StateTransitionReason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_since: Option<Timestamp>,
    /// `windows` for Windows; absent for Linux/UNIX.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(default)]
    pub tags: Tags,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Database {
    pub id: String,
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    pub class: String,
    pub engine: String,
    pub multi_az: bool,
    pub storage_gb: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_type: Option<String>,
    pub status: String,
    pub created: Timestamp,
    /// The source of a read replica: replicas are sized with their source, not alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica_of: Option<String>,
    /// Aurora instances belong to a cluster, whose resilience is the cluster's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    #[serde(default)]
    pub tags: Tags,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Volume {
    pub id: String,
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(rename = "type")]
    pub volume_type: String,
    pub size_gb: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iops: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput: Option<f64>,
    /// available (unattached), in-use, …
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    pub created: Timestamp,
    #[serde(default)]
    pub tags: Tags,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub id: String,
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_id: Option<String>,
    pub size_gb: f64,
    pub started: Timestamp,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub tags: Tags,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// The allocation ID (or the address itself for EC2-Classic).
    pub id: String,
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    pub public_ip: String,
    pub associated: bool,
    #[serde(default)]
    pub tags: Tags,
}

/// The CloudWatch series the analysis reads; each is one metric query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// EC2 CPUUtilization, 5-minute Maximum.
    CpuMax,
    /// EC2 CPUUtilization, daily Average.
    CpuDailyAverage,
    /// EC2 NetworkIn, daily Sum (bytes).
    NetworkInDaily,
    /// EC2 NetworkOut, daily Sum (bytes).
    NetworkOutDaily,
    /// CWAgent mem_used_percent, 5-minute Maximum (only where the agent publishes it).
    MemoryUsedMax,
    /// EC2 CPUCreditBalance, hourly Minimum (burstable types only).
    CpuCreditBalanceMin,
    /// RDS CPUCreditBalance, hourly Minimum (burstable classes only).
    DbCpuCreditBalanceMin,
    /// RDS CPUUtilization, 5-minute Maximum.
    DbCpuMax,
    /// RDS FreeableMemory, 5-minute Minimum (bytes).
    FreeableMemoryMin,
    /// RDS DatabaseConnections, daily Maximum.
    ConnectionsDailyMax,
    /// RDS FreeStorageSpace, daily Minimum (bytes).
    FreeStorageDailyMin,
    /// ECS service CPUUtilization (% of the tasks' reserved CPU), 5-minute Average over
    /// its tasks: with the task count, the service's total load.
    EcsCpuAverage,
    /// ECS service CPUUtilization, 5-minute Maximum: the busiest task.
    EcsCpuMax,
    /// ECS service MemoryUtilization (% of reserved memory), 5-minute Average.
    EcsMemoryAverage,
    /// ECS service MemoryUtilization, 5-minute Maximum.
    EcsMemoryMax,
    /// Container Insights RunningTaskCount, 5-minute Average (clusters with it on).
    EcsRunningTasks,
}

pub struct MetricSpec {
    pub namespace: &'static str,
    pub name: &'static str,
    /// The dimension names; a query gives their values in this order.
    pub dimensions: &'static [&'static str],
    pub stat: &'static str,
    pub period: u32,
}

const FIVE_MINUTES: u32 = 300;
const HOUR: u32 = 3600;
const DAY: u32 = 86_400;

impl MetricKind {
    pub const EC2: [MetricKind; 5] = [
        MetricKind::CpuMax,
        MetricKind::CpuDailyAverage,
        MetricKind::NetworkInDaily,
        MetricKind::NetworkOutDaily,
        MetricKind::MemoryUsedMax,
    ];
    pub const RDS: [MetricKind; 4] = [
        MetricKind::DbCpuMax,
        MetricKind::FreeableMemoryMin,
        MetricKind::ConnectionsDailyMax,
        MetricKind::FreeStorageDailyMin,
    ];
    pub const ECS: [MetricKind; 4] = [
        MetricKind::EcsCpuAverage,
        MetricKind::EcsCpuMax,
        MetricKind::EcsMemoryAverage,
        MetricKind::EcsMemoryMax,
    ];

    pub fn spec(self) -> MetricSpec {
        let (namespace, name, stat, period) = match self {
            MetricKind::CpuMax => ("AWS/EC2", "CPUUtilization", "Maximum", FIVE_MINUTES),
            MetricKind::CpuDailyAverage => ("AWS/EC2", "CPUUtilization", "Average", DAY),
            MetricKind::NetworkInDaily => ("AWS/EC2", "NetworkIn", "Sum", DAY),
            MetricKind::NetworkOutDaily => ("AWS/EC2", "NetworkOut", "Sum", DAY),
            MetricKind::MemoryUsedMax => ("CWAgent", "mem_used_percent", "Maximum", FIVE_MINUTES),
            MetricKind::CpuCreditBalanceMin => ("AWS/EC2", "CPUCreditBalance", "Minimum", HOUR),
            MetricKind::DbCpuCreditBalanceMin => ("AWS/RDS", "CPUCreditBalance", "Minimum", HOUR),
            MetricKind::DbCpuMax => ("AWS/RDS", "CPUUtilization", "Maximum", FIVE_MINUTES),
            MetricKind::FreeableMemoryMin => ("AWS/RDS", "FreeableMemory", "Minimum", FIVE_MINUTES),
            MetricKind::ConnectionsDailyMax => ("AWS/RDS", "DatabaseConnections", "Maximum", DAY),
            MetricKind::FreeStorageDailyMin => ("AWS/RDS", "FreeStorageSpace", "Minimum", DAY),
            MetricKind::EcsCpuAverage => ("AWS/ECS", "CPUUtilization", "Average", FIVE_MINUTES),
            MetricKind::EcsCpuMax => ("AWS/ECS", "CPUUtilization", "Maximum", FIVE_MINUTES),
            MetricKind::EcsMemoryAverage => {
                ("AWS/ECS", "MemoryUtilization", "Average", FIVE_MINUTES)
            }
            MetricKind::EcsMemoryMax => ("AWS/ECS", "MemoryUtilization", "Maximum", FIVE_MINUTES),
            MetricKind::EcsRunningTasks => (
                "ECS/ContainerInsights",
                "RunningTaskCount",
                "Average",
                FIVE_MINUTES,
            ),
        };
        let dimensions: &'static [&'static str] = match namespace {
            "AWS/RDS" => &["DBInstanceIdentifier"],
            "AWS/ECS" | "ECS/ContainerInsights" => &["ClusterName", "ServiceName"],
            _ => &["InstanceId"],
        };
        MetricSpec {
            namespace,
            name,
            dimensions,
            stat,
            period,
        }
    }
}

/// One metric of one resource on a regular grid from the window's start; `None` where
/// CloudWatch has no datapoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub resource: String,
    pub kind: MetricKind,
    pub period: u32,
    pub values: Vec<Option<f64>>,
}

impl Series {
    pub fn present(&self) -> impl Iterator<Item = f64> + '_ {
        self.values.iter().flatten().copied()
    }

    /// The last `n` slots (days, for a daily series).
    pub fn last(&self, n: usize) -> &[Option<f64>] {
        &self.values[self.values.len().saturating_sub(n)..]
    }
}

/// The series by resource and kind, built once per run.
pub struct MetricIndex<'a> {
    by_key: HashMap<(&'a str, MetricKind), &'a Series>,
}

impl<'a> MetricIndex<'a> {
    pub fn new(series: &'a [Series]) -> Self {
        MetricIndex {
            by_key: series
                .iter()
                .map(|s| ((s.resource.as_str(), s.kind), s))
                .collect(),
        }
    }

    pub fn get(&self, resource: &str, kind: MetricKind) -> Option<&'a Series> {
        self.by_key.get(&(resource, kind)).copied()
    }
}

/// The `Name` tag, which the console shows as the name.
pub fn name_of(tags: &Tags) -> Option<String> {
    tags.get("Name").cloned()
}

/// API calls made, by service; `metrics` is the number of series asked of CloudWatch,
/// which is what GetMetricData bills ($0.01 per 1,000).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Calls {
    pub ec2: u64,
    pub rds: u64,
    pub ecs: u64,
    pub application_autoscaling: u64,
    pub cloudwatch: u64,
    pub sts: u64,
    pub organizations: u64,
    pub metrics_requested: u64,
}

impl Calls {
    pub fn add(&mut self, other: Calls) {
        self.ec2 += other.ec2;
        self.rds += other.rds;
        self.ecs += other.ecs;
        self.application_autoscaling += other.application_autoscaling;
        self.cloudwatch += other.cloudwatch;
        self.sts += other.sts;
        self.organizations += other.organizations;
        self.metrics_requested += other.metrics_requested;
    }

    pub fn total(&self) -> u64 {
        self.ec2
            + self.rds
            + self.ecs
            + self.application_autoscaling
            + self.cloudwatch
            + self.sts
            + self.organizations
    }
}
