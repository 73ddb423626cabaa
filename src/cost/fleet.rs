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
    #[serde(default)]
    pub metrics: Vec<Series>,
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
            metrics: Vec::new(),
        }
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
        let ids: std::collections::HashSet<&str> = self
            .instances
            .iter()
            .map(|i| i.id.as_str())
            .chain(self.databases.iter().map(|d| d.id.as_str()))
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
}

pub struct MetricSpec {
    pub namespace: &'static str,
    pub name: &'static str,
    pub dimension: &'static str,
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
        };
        let dimension = if namespace == "AWS/RDS" {
            "DBInstanceIdentifier"
        } else {
            "InstanceId"
        };
        MetricSpec {
            namespace,
            name,
            dimension,
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
    pub cloudwatch: u64,
    pub sts: u64,
    pub metrics_requested: u64,
}

impl Calls {
    pub fn add(&mut self, other: Calls) {
        self.ec2 += other.ec2;
        self.rds += other.rds;
        self.cloudwatch += other.cloudwatch;
        self.sts += other.sts;
        self.metrics_requested += other.metrics_requested;
    }

    pub fn total(&self) -> u64 {
        self.ec2 + self.rds + self.cloudwatch + self.sts
    }
}
