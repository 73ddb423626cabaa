//! Analysis time of `cost rightsize` and `cost idle` (BENCHMARKS.md): 1,000 instances and
//! 200 databases with 14 days of 5-minute CPU (and memory) series, 1,500 volumes, 500
//! snapshots and 100 addresses, mixed so that every finding kind occurs. Run with
//! `cargo bench --bench cost_rightsize`.

use std::io::Write;
use std::time::Instant;

use opsguard::cost::fleet::*;
use opsguard::cost::prices::PriceTable;
use opsguard::cost::rightsize::{analyse, Options};
use opsguard::cost::thresholds::{ThresholdOverrides, Thresholds};
use opsguard::cost::waste;
use opsguard::timestamp::Timestamp;

const NOW: i64 = 1_795_996_800; // 2026-11-30
const DAY: i64 = 86_400;

fn series(resource: &str, kind: MetricKind, slots: usize, f: impl Fn(usize) -> f64) -> Series {
    Series {
        resource: resource.into(),
        kind,
        period: kind.spec().period,
        values: (0..slots).map(|i| Some(f(i))).collect(),
    }
}

fn fleet() -> Fleet {
    let types = [
        "m5.4xlarge",
        "m5.large",
        "c5.xlarge",
        "r5.2xlarge",
        "t3.medium",
        "m4.xlarge",
    ];
    let classes = [
        "db.r6g.4xlarge",
        "db.m5.large",
        "db.t3.micro",
        "db.r5.xlarge",
    ];
    let mut f = Fleet::empty(
        Window {
            start: Timestamp(NOW - 14 * DAY),
            end: Timestamp(NOW),
        },
        vec!["us-east-1".into()],
    );
    for i in 0..1000usize {
        let id = format!("i-{i:017x}");
        let load = [3.0, 12.0, 45.0, 95.0][i % 4];
        f.instances.push(Instance {
            id: id.clone(),
            region: "us-east-1".into(),
            account_id: None,
            instance_type: types[i % types.len()].into(),
            state: if i % 50 == 0 { "stopped" } else { "running" }.into(),
            launched: Timestamp(NOW - 300 * DAY),
            state_since: Some(Timestamp(NOW - 60 * DAY)),
            platform: None,
            tags: [("Name".to_string(), format!("node-{i}"))].into(),
        });
        f.metrics.push(series(&id, MetricKind::CpuMax, 4032, |s| {
            load * (1.0 + 0.1 * ((s % 288) as f64 / 288.0))
        }));
        if i % 3 == 0 {
            f.metrics
                .push(series(&id, MetricKind::MemoryUsedMax, 4032, |_| 40.0));
        }
        f.metrics
            .push(series(&id, MetricKind::CpuDailyAverage, 14, |_| load * 0.7));
        for kind in [MetricKind::NetworkInDaily, MetricKind::NetworkOutDaily] {
            f.metrics.push(series(
                &id,
                kind,
                14,
                |_| if load < 5.0 { 1e6 } else { 1e9 },
            ));
        }
        f.volumes.push(Volume {
            id: format!("vol-{i:017x}"),
            region: "us-east-1".into(),
            account_id: None,
            volume_type: if i % 2 == 0 { "gp2" } else { "gp3" }.into(),
            size_gb: 100.0,
            iops: None,
            throughput: None,
            state: "in-use".into(),
            instance_id: Some(id),
            created: Timestamp(NOW - 300 * DAY),
            tags: Default::default(),
        });
    }
    for i in 0..500usize {
        f.volumes.push(Volume {
            id: format!("vol-free-{i}"),
            region: "us-east-1".into(),
            account_id: None,
            volume_type: "gp3".into(),
            size_gb: 50.0,
            iops: None,
            throughput: None,
            state: "available".into(),
            instance_id: None,
            created: Timestamp(NOW - 100 * DAY),
            tags: Default::default(),
        });
        f.snapshots.push(Snapshot {
            id: format!("snap-{i}"),
            region: "us-east-1".into(),
            account_id: None,
            volume_id: Some(format!("vol-gone-{i}")),
            size_gb: 20.0,
            started: Timestamp(NOW - (i as i64 % 200) * DAY),
            description: String::new(),
            tags: Default::default(),
        });
    }
    for i in 0..100usize {
        f.addresses.push(Address {
            id: format!("eipalloc-{i}"),
            region: "us-east-1".into(),
            account_id: None,
            public_ip: format!("203.0.113.{i}"),
            associated: i % 2 == 0,
            tags: Default::default(),
        });
    }
    for i in 0..200usize {
        let id = format!("db-{i}");
        let load = [12.0, 45.0, 95.0, 2.0][i % 4];
        f.databases.push(Database {
            id: id.clone(),
            region: "us-east-1".into(),
            account_id: None,
            class: classes[i % classes.len()].into(),
            engine: "postgres".into(),
            multi_az: i % 3 != 0,
            storage_gb: 200.0,
            storage_type: Some("gp3".into()),
            status: "available".into(),
            created: Timestamp(NOW - 300 * DAY),
            replica_of: None,
            cluster: None,
            tags: [(
                "env".to_string(),
                if i % 2 == 0 { "prod" } else { "dev" }.to_string(),
            )]
            .into(),
        });
        f.metrics
            .push(series(&id, MetricKind::DbCpuMax, 4032, |_| load));
        f.metrics
            .push(series(&id, MetricKind::FreeableMemoryMin, 4032, |_| 2e9));
        f.metrics
            .push(series(&id, MetricKind::ConnectionsDailyMax, 14, |_| {
                if load < 5.0 {
                    0.0
                } else {
                    50.0
                }
            }));
        f.metrics
            .push(series(&id, MetricKind::FreeStorageDailyMin, 14, |_| 1e11));
    }
    f
}

fn main() {
    let fleet = fleet();
    let prices = PriceTable::embedded();
    let t = Thresholds::resolve(&ThresholdOverrides::default()).expect("defaults");
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..10 {
        let began = Instant::now();
        let a = analyse(
            &fleet,
            &prices,
            &t,
            Timestamp(NOW),
            &Options { cross_family: true },
        );
        let w = waste::analyse(&fleet, &prices, &t, Timestamp(NOW));
        found = a.recommendations.len() + w.len();
        best = best.min(began.elapsed().as_secs_f64());
    }
    let began = Instant::now();
    let _ = PriceTable::embedded();
    let table = began.elapsed().as_secs_f64();
    let _ = writeln!(
        std::io::stdout(),
        "1,000 instances, 200 databases, {} series: analysis {:.1} ms (best of 10), {found} recommendations; price table parse {:.1} ms",
        fleet.metrics.len(),
        best * 1000.0,
        table * 1000.0
    );
}
