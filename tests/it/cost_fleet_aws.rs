//! `cost rightsize` and `cost idle` against a real AWS-compatible server: the test builds
//! the rightsizing scenario (fixtures/aws/rightsizing/generate.py describes it) in moto
//! through the official SDK — instances, volumes, snapshots, addresses, databases, and
//! CloudWatch series through PutMetricData — and runs the real binary against it.

use std::collections::BTreeMap;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_cloudwatch::primitives::DateTime;
use aws_sdk_cloudwatch::types::{Dimension, MetricDatum};
use aws_sdk_ec2::types::{InstanceType, ResourceType, Tag, TagSpecification, VolumeType};
use serde_json::Value;

use crate::aws_server::MotoServer;
use crate::common::*;

const DAY: i64 = 86_400;
/// moto stamps creation and stop times with the real clock; the scenario is judged 120
/// days later so those ages pass the 30- and 90-day rules. Its metrics are published
/// relative to that "now" (moto accepts future timestamps).
const LATER: i64 = 120 * DAY;

struct Scenario {
    server: MotoServer,
    home: tempfile::TempDir,
    now: i64,
    /// Name → ID of what was created.
    ids: BTreeMap<&'static str, String>,
}

pub(crate) fn sdk(server: &MotoServer) -> SdkConfig {
    let rt = runtime();
    rt.block_on(
        aws_config::defaults(BehaviorVersion::latest())
            .endpoint_url(server.endpoint())
            .region(Region::new("us-east-1"))
            .test_credentials()
            .load(),
    )
}

pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn named(kind: ResourceType, name: &str) -> TagSpecification {
    TagSpecification::builder()
        .resource_type(kind)
        .tags(Tag::builder().key("Name").value(name).build())
        .build()
}

/// 5-minute points for the last 31 hours (more than the 30 a judgement needs) and one a
/// day before, each a minute after its slot starts: few datums, because moto's
/// GetMetricData time grows with every stored datapoint.
pub(crate) fn cpu_points(now: i64, hours: i64, value: impl Fn(i64) -> f64) -> Vec<(i64, f64)> {
    let start = now - hours * 3600;
    let dense_from = (now - 31 * 3600).max(start);
    let daily = (start..dense_from).step_by(DAY as usize);
    let dense = (dense_from..now).step_by(300);
    daily.chain(dense).map(|t| (t + 60, value(t))).collect()
}

async fn put(
    cw: &aws_sdk_cloudwatch::Client,
    namespace: &str,
    dimension: (&str, &str),
    metric: &str,
    points: &[(i64, f64)],
) {
    for chunk in points.chunks(1000) {
        let data: Vec<MetricDatum> = chunk
            .iter()
            .map(|(t, v)| {
                MetricDatum::builder()
                    .metric_name(metric)
                    .dimensions(
                        Dimension::builder()
                            .name(dimension.0)
                            .value(dimension.1)
                            .build(),
                    )
                    .timestamp(DateTime::from_secs(*t))
                    .value(*v)
                    .build()
            })
            .collect();
        cw.put_metric_data()
            .namespace(namespace)
            .set_metric_data(Some(data))
            .send()
            .await
            .unwrap();
    }
}

fn daily(now: i64, days: i64, value: impl Fn(i64) -> f64) -> Vec<(i64, f64)> {
    (0..days)
        .map(|d| (now - (days - d) * DAY + 3600, value(d)))
        .collect()
}

impl Scenario {
    fn build() -> Scenario {
        let server = MotoServer::start();
        let config = sdk(&server);
        let real_now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let now = (real_now + LATER) / 300 * 300;
        let ids = runtime().block_on(create(&config, now));
        Scenario {
            server,
            home: tempfile::tempdir().unwrap(),
            now,
            ids,
        }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        let env = self.server.aws_env(self.home.path());
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let now = opsguard::timestamp::Timestamp(self.now).to_string();
        let args = [args, &["--now", &now]].concat();
        opsguard_with_env(self.home.path(), &args, &env)
    }

    fn id(&self, name: &str) -> &str {
        &self.ids[name]
    }
}

async fn create(config: &SdkConfig, now: i64) -> BTreeMap<&'static str, String> {
    let ec2 = aws_sdk_ec2::Client::new(config);
    let rds = aws_sdk_rds::Client::new(config);
    let cw = aws_sdk_cloudwatch::Client::new(config);
    let mut ids = BTreeMap::new();
    let instances: [(&str, InstanceType); 7] = [
        ("api-batch", InstanceType::M54xlarge),
        ("web-1", InstanceType::M5Large),
        ("legacy-worker", InstanceType::M4Xlarge),
        ("dev-sandbox", InstanceType::T3Large),
        ("new-service", InstanceType::M52xlarge),
        ("queue-consumer", InstanceType::C5Large),
        ("old-build", InstanceType::M5Large),
    ];
    for (name, kind) in instances {
        let out = ec2
            .run_instances()
            // Amazon Linux (moto's ami-12c6146b is Windows, which the price table lacks).
            .image_id("ami-760aaa0f")
            .min_count(1)
            .max_count(1)
            .instance_type(kind)
            .tag_specifications(named(ResourceType::Instance, name))
            .send()
            .await
            .unwrap();
        ids.insert(name, out.instances()[0].instance_id().unwrap().to_string());
    }
    ec2.stop_instances()
        .instance_ids(&ids["old-build"])
        .send()
        .await
        .unwrap();

    let volume = |name: &'static str, kind: VolumeType, size: i32| {
        ec2.create_volume()
            .availability_zone("us-east-1a")
            .volume_type(kind)
            .size(size)
            .tag_specifications(named(ResourceType::Volume, name))
            .send()
    };
    for (name, kind, size, attach_to) in [
        ("vol-unattached", VolumeType::Gp3, 500, None),
        ("vol-web", VolumeType::Gp2, 1000, Some("web-1")),
        ("vol-batch", VolumeType::Gp3, 100, Some("api-batch")),
        ("vol-deleted", VolumeType::Gp3, 100, None),
    ] {
        let id = volume(name, kind, size)
            .await
            .unwrap()
            .volume_id()
            .unwrap()
            .to_string();
        if let Some(instance) = attach_to {
            ec2.attach_volume()
                .volume_id(&id)
                .instance_id(&ids[instance])
                .device("/dev/sdf")
                .send()
                .await
                .unwrap();
        }
        ids.insert(name, id);
    }
    for (name, volume) in [
        ("snap-of-deleted", "vol-deleted"),
        ("snap-of-live", "vol-batch"),
    ] {
        let snap = ec2
            .create_snapshot()
            .volume_id(&ids[volume])
            .send()
            .await
            .unwrap();
        ids.insert(name, snap.snapshot_id().unwrap().to_string());
    }
    ec2.delete_volume()
        .volume_id(&ids["vol-deleted"])
        .send()
        .await
        .unwrap();
    for name in ["eip-free", "eip-used"] {
        let a = ec2.allocate_address().send().await.unwrap();
        ids.insert(name, a.allocation_id().unwrap().to_string());
    }
    ec2.associate_address()
        .allocation_id(&ids["eip-used"])
        .instance_id(&ids["web-1"])
        .send()
        .await
        .unwrap();

    for (name, class, engine, multi_az, env) in [
        ("orders-prod", "db.r6g.4xlarge", "postgres", true, "prod"),
        ("checkout-prod", "db.t3.micro", "postgres", false, "prod"),
        (
            "ledger-prod",
            "db.m6g.large",
            "postgres",
            false,
            "production",
        ),
        (
            "analytics-staging",
            "db.m5.large",
            "mysql",
            false,
            "staging",
        ),
        ("reports-old", "db.m5.large", "postgres", false, "dev"),
    ] {
        rds.create_db_instance()
            .db_instance_identifier(name)
            .db_instance_class(class)
            .engine(engine)
            .master_username("admin")
            .master_user_password("not-a-secret-1")
            .allocated_storage(100)
            .multi_az(multi_az)
            .tags(
                aws_sdk_rds::types::Tag::builder()
                    .key("env")
                    .value(env)
                    .build(),
            )
            .send()
            .await
            .unwrap();
        ids.insert(name, name.to_string());
    }

    // CloudWatch: what each resource did over the 14 days before `now`.
    let ec2_load = [
        ("api-batch", 12.0, 900.0),
        ("web-1", 60.0, 5000.0),
        ("legacy-worker", 35.0, 400.0),
        ("dev-sandbox", 1.5, 1.0),
        ("queue-consumer", 95.0, 2000.0),
    ];
    for (name, cpu, network_mb) in ec2_load {
        let id = ids[name].clone();
        put(
            &cw,
            "AWS/EC2",
            ("InstanceId", &id),
            "CPUUtilization",
            &cpu_points(now, 14 * 24, |_| cpu),
        )
        .await;
        for metric in ["NetworkIn", "NetworkOut"] {
            put(
                &cw,
                "AWS/EC2",
                ("InstanceId", &id),
                metric,
                &daily(now, 14, |_| network_mb * 1048576.0 / 2.0),
            )
            .await;
        }
    }
    for (name, memory) in [("web-1", 70.0), ("api-batch", 15.0)] {
        put(
            &cw,
            "CWAgent",
            ("InstanceId", &ids[name]),
            "mem_used_percent",
            &cpu_points(now, 14 * 24, |_| memory),
        )
        .await;
    }
    // Twenty hours of data only.
    let new_service = ids["new-service"].clone();
    put(
        &cw,
        "AWS/EC2",
        ("InstanceId", &new_service),
        "CPUUtilization",
        &cpu_points(now, 20, |_| 5.0),
    )
    .await;

    const GIB: f64 = 1024.0 * 1024.0 * 1024.0;
    let rds_load = [
        ("orders-prod", 12.0, 110.0, 180.0),
        ("checkout-prod", 95.0, 0.05, 60.0),
        ("ledger-prod", 45.0, 3.0, 40.0),
        ("analytics-staging", 40.0, 2.5, 12.0),
        ("reports-old", 2.0, 6.0, 0.0),
    ];
    for (name, cpu, free_gib, connections) in rds_load {
        let dim = ("DBInstanceIdentifier", name);
        put(
            &cw,
            "AWS/RDS",
            dim,
            "CPUUtilization",
            &cpu_points(now, 14 * 24, |_| cpu),
        )
        .await;
        put(
            &cw,
            "AWS/RDS",
            dim,
            "FreeableMemory",
            &cpu_points(now, 14 * 24, |_| free_gib * GIB),
        )
        .await;
        // reports-old had connections until nine days ago.
        put(
            &cw,
            "AWS/RDS",
            dim,
            "DatabaseConnections",
            &daily(now, 14, |d| {
                if name == "reports-old" && d < 5 {
                    3.0
                } else {
                    connections
                }
            }),
        )
        .await;
        put(
            &cw,
            "AWS/RDS",
            dim,
            "FreeStorageSpace",
            &daily(now, 14, |_| 60.0 * GIB),
        )
        .await;
    }
    ids
}

fn by_resource(doc: &Value) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in doc["recommendations"].as_array().unwrap() {
        out.entry(r["resource_id"].as_str().unwrap().to_string())
            .or_default()
            .push(r["finding"].as_str().unwrap().to_string());
    }
    out
}

fn find<'a>(doc: &'a Value, id: &str, finding: &str) -> &'a Value {
    doc["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["resource_id"] == id && r["finding"] == finding)
        .unwrap_or_else(|| panic!("no {finding} for {id} in {doc:#}"))
}

#[test]
fn rightsize_and_idle_find_every_kind_in_moto_and_leave_the_neighbours_alone() {
    let s = Scenario::build();

    let out = s.run(&["cost", "rightsize", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let found = by_resource(&doc);
    let over = find(&doc, s.id("api-batch"), "over_provisioned");
    assert_eq!(over["recommended_type"], "m5.xlarge");
    assert_eq!(over["monthly_savings"], 420.48);
    assert_eq!(over["name"], "api-batch");
    let db = find(&doc, "orders-prod", "over_provisioned");
    assert_eq!(db["recommended_type"], "db.r6g.xlarge");
    assert_eq!(db["monthly_savings"], 1971.0);
    let under = find(&doc, "checkout-prod", "under_provisioned");
    assert_eq!(under["recommended_type"], "db.t3.small");
    assert_eq!(under["severity"], "error");
    assert!(under["monthly_savings"].is_null());
    assert_eq!(
        find(&doc, s.id("queue-consumer"), "under_provisioned")["recommended_type"],
        "c5.xlarge"
    );
    assert_eq!(
        find(&doc, "checkout-prod", "not_multi_az")["severity"],
        "error"
    );
    assert_eq!(found["ledger-prod"], ["not_multi_az"]);
    let thin = find(&doc, s.id("new-service"), "insufficient_data");
    assert_eq!(thin["severity"], "note");
    assert!(thin["metrics"]["hours_of_data"].as_f64().unwrap() < 30.0);
    // Idle wins over downsizing, in `cost rightsize` too: the sandbox and the database
    // nobody connects to are idle, never over-provisioned.
    assert_eq!(found[s.id("dev-sandbox")], ["idle"]);
    assert_eq!(found["reports-old"], ["idle"]);
    // The neighbours: busy and staging are not right-sized.
    for quiet in [s.id("web-1"), "analytics-staging"] {
        assert!(
            !found.contains_key(quiet),
            "{quiet}: {:?}",
            found.get(quiet)
        );
    }
    // One CloudWatch call carries every series of the region (< 500 queries).
    assert_eq!(doc["requests"]["cloudwatch"], 1, "{:#}", doc["requests"]);
    assert_eq!(doc["requests"]["rds"], 1);
    assert!(doc["requests"]["metrics_requested"].as_u64().unwrap() > 40);
    assert_eq!(
        doc["totals"]["monthly_savings"].as_f64().unwrap(),
        doc["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["monthly_savings"].as_f64().unwrap_or(0.0))
            .sum::<f64>()
    );

    let export = s.home.path().join("export");
    let out = s.run(&[
        "cost",
        "idle",
        "--format",
        "json",
        "--export",
        export.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let idle = json(&out);
    let found = by_resource(&idle);
    assert_eq!(
        find(&idle, s.id("dev-sandbox"), "idle")["metrics"]["days_low"],
        14
    );
    assert_eq!(found["reports-old"], ["idle"]);
    assert_eq!(found[s.id("vol-unattached")], ["unattached"]);
    assert_eq!(found[s.id("vol-web")], ["gp2_to_gp3"]);
    assert_eq!(found[s.id("snap-of-deleted")], ["old_snapshot"]);
    assert_eq!(found[s.id("eip-free")], ["unattached"]);
    assert_eq!(
        find(&idle, s.id("legacy-worker"), "previous_generation")["recommended_type"],
        "m6i.xlarge"
    );
    // The stopped instance's root volume, stopped (by moto's clock) 120 days before.
    let stopped_volume = idle["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["service"] == "ebs" && r["finding"] == "idle")
        .expect("a volume of the stopped instance");
    assert!(stopped_volume["reason"]
        .as_str()
        .unwrap()
        .contains(s.id("old-build")));
    for quiet in [
        s.id("vol-batch"),
        s.id("snap-of-live"),
        s.id("eip-used"),
        s.id("web-1"),
        "orders-prod",
    ] {
        assert!(
            !found.contains_key(quiet),
            "{quiet}: {:?}",
            found.get(quiet)
        );
    }

    // What was read, replayed offline, gives the same recommendations.
    let offline = opsguard(
        s.home.path(),
        &[
            "cost",
            "idle",
            "--format",
            "json",
            "--source",
            &format!("fixture:{}", export.display()),
        ],
    );
    assert_eq!(offline.status.code(), Some(1), "{}", transcript(&offline));
    assert_eq!(json(&offline)["recommendations"], idle["recommendations"]);
}

#[test]
fn an_unreachable_endpoint_is_a_one_line_error() {
    let home = tempfile::tempdir().unwrap();
    let server = MotoServer::start();
    let mut env = server.aws_env(home.path());
    for (k, v) in env.iter_mut() {
        if k == "AWS_ENDPOINT_URL" {
            // A port nothing listens on.
            *v = "http://127.0.0.1:9".into();
        }
    }
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let out = opsguard_with_env(home.path(), &["cost", "rightsize"], &env);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let err = stderr(&out);
    assert!(err.contains("error: cannot reach STS"), "{err}");
    assert_eq!(stdout(&out), "");
}

#[test]
fn all_regions_reads_every_enabled_region_and_an_empty_account_is_clean() {
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    let env = server.aws_env(home.path());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let out = opsguard_with_env(
        home.path(),
        &["cost", "idle", "--all-regions", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let doc = json(&out);
    // One DescribeDBInstances per region, and moto enables more than a dozen; moto's
    // public AMI snapshots belong to other accounts and are not ours.
    assert!(
        doc["requests"]["rds"].as_u64().unwrap() > 12,
        "{:#}",
        doc["requests"]
    );
    assert_eq!(doc["summary"]["resources"]["snapshots"], 0);
    assert_eq!(doc["recommendations"], serde_json::json!([]));
}

/// moto has no Price List API; the refresh must fail in one line and leave the table it
/// would have replaced as it was.
#[test]
fn a_failed_price_refresh_leaves_the_table_alone() {
    let server = MotoServer::start();
    let home = tempfile::tempdir().unwrap();
    let table = home.path().join("prices.csv");
    std::fs::write(&table, "the old table\n").unwrap();
    let env = server.aws_env(home.path());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let out = opsguard_with_env(
        home.path(),
        &[
            "cost",
            "prices",
            "refresh",
            "--write",
            "prices.csv",
            "--regions",
            "us-east-1",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let err = stderr(&out);
    // The status line on stderr, then the one-line error.
    assert_eq!(
        err.lines().last().unwrap(),
        "error: the Price List API failed: HTTP 500 without an AWS error"
    );
    assert_eq!(std::fs::read_to_string(&table).unwrap(), "the old table\n");
}

/// 101 running instances ask for 505 series: two GetMetricData calls (500 queries each at
/// most), and every instance is `insufficient_data`, never "optimized" without data.
#[test]
fn metric_queries_are_batched_500_a_call() {
    let server = MotoServer::start();
    let config = sdk(&server);
    runtime().block_on(async {
        aws_sdk_ec2::Client::new(&config)
            .run_instances()
            .image_id("ami-760aaa0f")
            .min_count(101)
            .max_count(101)
            .instance_type(InstanceType::M5Large)
            .send()
            .await
            .unwrap();
    });
    let home = tempfile::tempdir().unwrap();
    let env = server.aws_env(home.path());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let out = opsguard_with_env(
        home.path(),
        &["cost", "rightsize", "--format", "json"],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let doc = json(&out);
    assert_eq!(doc["requests"]["metrics_requested"], 505);
    assert_eq!(doc["requests"]["cloudwatch"], 2);
    let findings = doc["recommendations"].as_array().unwrap();
    assert_eq!(findings.len(), 101);
    assert!(findings.iter().all(|r| r["finding"] == "insufficient_data"));
}

/// A moto that checks IAM: a user allowed `allowed` and denied `denied` (the calls run
/// concurrently, so a test names the one that must fail), with an instance to measure.
/// Returns the server and the environment for the user's keys.
fn restricted(
    allowed: &[&str],
    denied: &[&str],
    home: &std::path::Path,
) -> (MotoServer, Vec<(String, String)>) {
    // Four unauthenticated calls: the user, its policy, its key and one instance.
    let server = MotoServer::start_with_env(&[("INITIAL_NO_AUTH_ACTION_COUNT", "4")]);
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": allowed, "Resource": "*"},
            {"Effect": "Deny", "Action": if denied.is_empty() { vec!["none:None"] } else { denied.to_vec() }, "Resource": "*"}
        ]
    })
    .to_string();
    let encoded: String = policy
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    server.unsigned_query("iam", "Action=CreateUser&UserName=ro&Version=2010-05-08");
    server.unsigned_query(
        "iam",
        &format!("Action=PutUserPolicy&UserName=ro&PolicyName=p&PolicyDocument={encoded}&Version=2010-05-08"),
    );
    let (key_id, secret) = server.create_access_key("ro");
    server.unsigned_query(
        "ec2",
        "Action=RunInstances&ImageId=ami-12c6146b&MinCount=1&MaxCount=1&InstanceType=m5.large&Version=2016-11-15",
    );
    let mut env = server.aws_env(home);
    for (k, v) in env.iter_mut() {
        match k.as_str() {
            "AWS_ACCESS_KEY_ID" => v.clone_from(&key_id),
            "AWS_SECRET_ACCESS_KEY" => v.clone_from(&secret),
            _ => {}
        }
    }
    (server, env)
}

#[test]
fn a_denied_call_names_the_iam_action_for_ec2_rds_ecs_cloudwatch_and_cost_explorer() {
    let cases: [(&[&str], &[&str], &str); 5] = [
        (
            &["sts:GetCallerIdentity", "ec2:*"],
            &["cost", "rightsize"],
            "ec2:DescribeInstances",
        ),
        (
            &["sts:GetCallerIdentity", "ec2:*", "ecs:*"],
            &["cost", "rightsize"],
            "rds:DescribeDBInstances",
        ),
        (
            &["sts:GetCallerIdentity", "ec2:*", "rds:*"],
            &["cost", "rightsize"],
            "ecs:ListClusters",
        ),
        (
            &[
                "sts:GetCallerIdentity",
                "ec2:*",
                "rds:*",
                "ecs:*",
                "application-autoscaling:*",
            ],
            &["cost", "rightsize"],
            "cloudwatch:GetMetricData",
        ),
        (
            &["sts:GetCallerIdentity"],
            &["cost", "anomalies"],
            "ce:GetCostAndUsage",
        ),
    ];
    for (allowed, command, action) in cases {
        let home = tempfile::tempdir().unwrap();
        let denied: &[&str] = if action.starts_with("ec2:") {
            &[action]
        } else {
            &[]
        };
        let (_server, env) = restricted(allowed, denied, home.path());
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let out = opsguard_with_env(home.path(), command, &env);
        assert_eq!(out.status.code(), Some(2), "{action}: {}", transcript(&out));
        let message = stderr(&out);
        assert!(
            message.contains(&format!(
                "error: access denied: this identity may not call {action}"
            )),
            "{action}: {message}"
        );
        assert!(
            message.contains(&format!("hint: grant {action};")),
            "{action}: {message}"
        );
    }
}
