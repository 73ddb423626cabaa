//! `cost rightsize` and `cost idle` on ECS services, against a real AWS-compatible server:
//! clusters, task definitions, services, their tasks (launched with the `service:NAME`
//! group ECS gives a service's tasks), autoscaling targets and CloudWatch series are built
//! in moto through the official SDK, and the real binary judges them.

use std::collections::BTreeMap;

use aws_config::SdkConfig;
use aws_sdk_cloudwatch::primitives::DateTime;
use aws_sdk_cloudwatch::types::{Dimension, MetricDatum};
use aws_sdk_ecs::types::{
    AwsVpcConfiguration, Compatibility, ContainerDefinition, LaunchType, LoadBalancer,
    NetworkConfiguration, NetworkMode, Tag,
};
use serde_json::Value;

use crate::aws_server::MotoServer;
use crate::common::*;
use crate::cost_fleet_aws::{cpu_points, runtime, sdk};

/// A service of the scenario: its task size, tasks, tags and load.
pub(crate) struct Planned {
    pub name: &'static str,
    pub cluster: &'static str,
    pub cpu: u32,
    pub memory: u32,
    pub tasks: u32,
    pub launch: LaunchType,
    pub tags: &'static [(&'static str, &'static str)],
    pub load_balanced: bool,
    /// CPU and memory utilization (%) of every datapoint.
    pub load: (f64, f64),
}

async fn put_series(
    cw: &aws_sdk_cloudwatch::Client,
    cluster: &str,
    service: &str,
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
                            .name("ClusterName")
                            .value(cluster)
                            .build(),
                    )
                    .dimensions(
                        Dimension::builder()
                            .name("ServiceName")
                            .value(service)
                            .build(),
                    )
                    .timestamp(DateTime::from_secs(*t))
                    .value(*v)
                    .build()
            })
            .collect();
        cw.put_metric_data()
            .namespace("AWS/ECS")
            .set_metric_data(Some(data))
            .send()
            .await
            .unwrap();
    }
}

/// Fargate tasks run in a subnet with a security group: the default VPC's.
pub(crate) async fn network(config: &SdkConfig) -> NetworkConfiguration {
    let ec2 = aws_sdk_ec2::Client::new(config);
    let subnets = ec2.describe_subnets().send().await.unwrap();
    let subnet = subnets.subnets()[0].subnet_id().unwrap().to_string();
    let groups = ec2.describe_security_groups().send().await.unwrap();
    let group = groups.security_groups()[0].group_id().unwrap().to_string();
    NetworkConfiguration::builder()
        .awsvpc_configuration(
            AwsVpcConfiguration::builder()
                .subnets(subnet)
                .security_groups(group)
                .build()
                .unwrap(),
        )
        .build()
}

/// Builds `services` in the account `config` reaches: clusters, task definitions,
/// services, their running tasks, and `hours` of metrics up to `now`.
pub(crate) async fn build_services(config: &SdkConfig, services: &[Planned], now: i64, hours: i64) {
    let ecs = aws_sdk_ecs::Client::new(config);
    let cw = aws_sdk_cloudwatch::Client::new(config);
    let network = network(config).await;
    let mut clusters: Vec<&str> = services.iter().map(|s| s.cluster).collect();
    clusters.sort();
    clusters.dedup();
    for cluster in clusters {
        ecs.create_cluster()
            .cluster_name(cluster)
            .send()
            .await
            .unwrap();
    }
    for s in services {
        let fargate = s.launch == LaunchType::Fargate;
        // moto sums the containers' memory to place a task, so each names its share.
        let container = ContainerDefinition::builder()
            .name("app")
            .image("registry.example/app:1")
            .essential(true)
            .cpu(s.cpu as i32)
            .memory(s.memory as i32);
        let mut definition = ecs.register_task_definition().family(s.name);
        definition = if fargate {
            definition
                .requires_compatibilities(Compatibility::Fargate)
                .network_mode(NetworkMode::Awsvpc)
                .cpu(s.cpu.to_string())
                .memory(s.memory.to_string())
                .container_definitions(container.build())
        } else {
            // EC2 launch type: sized by its container, as such task definitions often are.
            definition
                .requires_compatibilities(Compatibility::Ec2)
                .container_definitions(container.build())
        };
        definition.send().await.unwrap();
        let mut create = ecs
            .create_service()
            .cluster(s.cluster)
            .service_name(s.name)
            .task_definition(s.name)
            .desired_count(s.tasks as i32)
            .launch_type(s.launch.clone());
        for (k, v) in s.tags {
            create = create.tags(Tag::builder().key(*k).value(*v).build());
        }
        if s.load_balanced {
            create = create.load_balancers(
                LoadBalancer::builder()
                    .target_group_arn(format!(
                        "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/{}/0123456789abcdef",
                        s.name
                    ))
                    .container_name("app")
                    .container_port(8080)
                    .build(),
            );
        }
        create.send().await.unwrap();
        // ECS's scheduler starts a service's tasks in the group `service:NAME`.
        let mut left = s.tasks;
        while left > 0 {
            let count = left.min(10);
            ecs.run_task()
                .cluster(s.cluster)
                .task_definition(s.name)
                .count(count as i32)
                .launch_type(s.launch.clone())
                .set_network_configuration(fargate.then(|| network.clone()))
                .group(format!("service:{}", s.name))
                .send()
                .await
                .unwrap();
            left -= count;
        }
        let cpu = cpu_points(now, hours, |_| s.load.0);
        let memory = cpu_points(now, hours, |_| s.load.1);
        put_series(&cw, s.cluster, s.name, "CPUUtilization", &cpu).await;
        put_series(&cw, s.cluster, s.name, "MemoryUtilization", &memory).await;
    }
}

pub(crate) fn by_service(doc: &Value) -> BTreeMap<String, Vec<Value>> {
    let mut out: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for r in doc["recommendations"].as_array().unwrap() {
        if r["service"] == "ecs" {
            out.entry(r["name"].as_str().unwrap().to_string())
                .or_default()
                .push(r.clone());
        }
    }
    out
}

fn finding<'a>(found: &'a BTreeMap<String, Vec<Value>>, service: &str, kind: &str) -> &'a Value {
    found
        .get(service)
        .and_then(|list| list.iter().find(|r| r["finding"] == kind))
        .unwrap_or_else(|| panic!("no {kind} for {service}: {found:#?}"))
}

const SERVICES: [Planned; 6] = [
    // 20 tasks at 12 % CPU and 15 % memory: 3 tasks' worth at P99.5, 4 with headroom.
    Planned {
        name: "batch",
        cluster: "main",
        cpu: 1024,
        memory: 2048,
        tasks: 20,
        launch: LaunchType::Fargate,
        tags: &[("team", "data")],
        load_balanced: false,
        load: (12.0, 15.0),
    },
    // Tasks stopped for memory (set up below) and 93 % memory in use.
    Planned {
        name: "worker",
        cluster: "main",
        cpu: 512,
        memory: 1024,
        tasks: 3,
        launch: LaunchType::Fargate,
        tags: &[],
        load_balanced: false,
        load: (30.0, 93.0),
    },
    // Production at 2 tasks and 5 % CPU: never cut below 2.
    Planned {
        name: "checkout",
        cluster: "main",
        cpu: 1024,
        memory: 2048,
        tasks: 2,
        launch: LaunchType::Fargate,
        tags: &[("Environment", "production")],
        load_balanced: false,
        load: (5.0, 20.0),
    },
    // 4 vCPU/16 GB tasks that use 4 % CPU and 6 % memory, behind a load balancer.
    Planned {
        name: "report",
        cluster: "main",
        cpu: 4096,
        memory: 16384,
        tasks: 2,
        launch: LaunchType::Fargate,
        tags: &[],
        load_balanced: true,
        load: (4.0, 6.0),
    },
    // Never above 0.3 % CPU in a fortnight.
    Planned {
        name: "legacy",
        cluster: "main",
        cpu: 256,
        memory: 512,
        tasks: 2,
        launch: LaunchType::Fargate,
        tags: &[],
        load_balanced: false,
        load: (0.3, 10.0),
    },
    // EC2 launch type: 6 tasks at 10 % on the cluster's own instances.
    Planned {
        name: "queue",
        cluster: "ec2-cluster",
        cpu: 256,
        memory: 512,
        tasks: 6,
        launch: LaunchType::Ec2,
        tags: &[],
        load_balanced: false,
        load: (10.0, 10.0),
    },
];

/// Three days, not the default fortnight: moto's GetMetricData time grows with periods ×
/// datapoints. The rules are the same (30 hours of data; idle over the whole lookback).
const LOOKBACK_DAYS: i64 = 3;

#[test]
fn ecs_services_are_right_sized_in_moto() {
    let server = MotoServer::start();
    let config = sdk(&server);
    let real_now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let now = real_now / 300 * 300;
    runtime().block_on(async {
        let ecs = aws_sdk_ecs::Client::new(&config);
        // The EC2 cluster's container instance: a real instance registered with ECS.
        let ec2 = aws_sdk_ec2::Client::new(&config);
        let reservation = ec2
            .run_instances()
            .image_id("ami-760aaa0f")
            .min_count(1)
            .max_count(1)
            .instance_type(aws_sdk_ec2::types::InstanceType::M5Large)
            .send()
            .await
            .unwrap();
        let instance = reservation.instances()[0]
            .instance_id()
            .unwrap()
            .to_string();
        ecs.create_cluster()
            .cluster_name("ec2-cluster")
            .send()
            .await
            .unwrap();
        ecs.register_container_instance()
            .cluster("ec2-cluster")
            .instance_identity_document(
                serde_json::json!({"instanceId": instance, "region": "us-east-1"}).to_string(),
            )
            .send()
            .await
            .unwrap();
        build_services(&config, &SERVICES, now, LOOKBACK_DAYS * 24).await;
        // Two of worker's tasks were killed for memory.
        let mut running = ecs
            .list_tasks()
            .cluster("main")
            .send()
            .await
            .unwrap()
            .task_arns()
            .to_vec();
        let described = ecs
            .describe_tasks()
            .cluster("main")
            .set_tasks(Some(running.split_off(0)))
            .send()
            .await
            .unwrap();
        let workers: Vec<String> = described
            .tasks()
            .iter()
            .filter(|t| t.group() == Some("service:worker"))
            .filter_map(|t| t.task_arn().map(str::to_string))
            .collect();
        assert_eq!(workers.len(), 3);
        for arn in &workers[..2] {
            ecs.stop_task()
                .cluster("main")
                .task(arn)
                .reason("OutOfMemoryError: Container killed due to memory usage")
                .send()
                .await
                .unwrap();
        }
        // ...and replaced: 3 run again.
        ecs.run_task()
            .cluster("main")
            .task_definition("worker")
            .count(2)
            .launch_type(LaunchType::Fargate)
            .network_configuration(network(&config).await)
            .group("service:worker")
            .send()
            .await
            .unwrap();
        // batch scales between 10 and 30 tasks.
        aws_sdk_applicationautoscaling::Client::new(&config)
            .register_scalable_target()
            .service_namespace(aws_sdk_applicationautoscaling::types::ServiceNamespace::Ecs)
            .resource_id("service/main/batch")
            .scalable_dimension(
                aws_sdk_applicationautoscaling::types::ScalableDimension::EcsServiceDesiredCount,
            )
            .min_capacity(10)
            .max_capacity(30)
            .send()
            .await
            .unwrap();
    });

    let home = tempfile::tempdir().unwrap();
    let env = server.aws_env(home.path());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let at = opsguard::timestamp::Timestamp(now).to_string();
    let out = opsguard_with_env(
        home.path(),
        &[
            "cost",
            "rightsize",
            "--format",
            "json",
            "--now",
            &at,
            "--lookback-days",
            &LOOKBACK_DAYS.to_string(),
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let found = by_service(&doc);

    // 20 quiet tasks → 4, priced at the embedded Fargate rates, below the autoscaling
    // minimum, which is said.
    let batch = finding(&found, "batch", "over_provisioned_tasks");
    assert_eq!(batch["metrics"]["running_tasks"], 20, "{batch:#}");
    assert_eq!(batch["metrics"]["recommended_tasks"], 4, "{batch:#}");
    assert_eq!(batch["recommended_type"], "4 × 1 vCPU/2 GB");
    // 16 tasks × (1 × $0.04048 + 2 × $0.004445) an hour × 730 hours.
    let expected = (16.0 * (0.04048 + 2.0 * 0.004445) * 730.0 * 100.0_f64).round() / 100.0;
    assert_eq!(
        batch["monthly_savings"].as_f64(),
        Some(expected),
        "{batch:#}"
    );
    assert_eq!(batch["account_id"], "123456789012");
    assert!(
        batch["reason"]
            .as_str()
            .unwrap()
            .contains("below its autoscaling minimum of 10: lower MinCapacity to 4 too"),
        "{batch:#}"
    );

    // Out of memory: a risk, a larger valid Fargate size, priced.
    let worker = finding(&found, "worker", "under_provisioned");
    assert_eq!(worker["metrics"]["oom_stopped_tasks"], 2, "{worker:#}");
    assert_eq!(
        worker["recommended_type"], "3 × 0.5 vCPU/2 GB",
        "{worker:#}"
    );
    assert!(worker["monthly_extra_cost"].as_f64().unwrap() > 0.0);

    // Production at 2 tasks: the count is never cut.
    assert!(
        found["checkout"]
            .iter()
            .all(|r| r["finding"] != "over_provisioned_tasks"),
        "{:#?}",
        found["checkout"]
    );

    // A Fargate size that fits a smaller valid combination; the load balancer keeps 2.
    let report = finding(&found, "report", "over_provisioned_task_size");
    assert_eq!(report["current_type"], "2 × 4 vCPU/16 GB");
    assert_eq!(
        report["recommended_type"], "2 × 0.25 vCPU/2 GB",
        "{report:#}"
    );
    assert!(found["report"]
        .iter()
        .all(|r| r["finding"] != "over_provisioned_tasks"));

    // Idle over the whole lookback.
    let legacy = finding(&found, "legacy", "idle");
    assert_eq!(legacy["monthly_savings"], legacy["monthly_cost"]);

    // EC2 launch type: its 6 tasks counted from the cluster's tasks, judged for count
    // only, not priced (its instances are EC2's).
    let queue = finding(&found, "queue", "over_provisioned_tasks");
    assert_eq!(queue["metrics"]["running_tasks"], 6, "{queue:#}");
    assert_eq!(queue["monthly_savings"], Value::Null);
    assert!(queue["reason"]
        .as_str()
        .unwrap()
        .contains("priced under ec2"));
    assert_eq!(found["queue"].len(), 1, "{:#?}", found["queue"]);

    // One GetMetricData call for the 24 series (4 for each of the 6 services), every
    // ECS request counted.
    assert_eq!(
        doc["requests"]["metrics_requested"],
        24 + 5,
        "{:#}",
        doc["requests"]
    );
    assert_eq!(doc["requests"]["cloudwatch"], 1, "{:#}", doc["requests"]);
    assert!(doc["requests"]["ecs"].as_u64().unwrap() >= 10);
    assert_eq!(doc["requests"]["application_autoscaling"], 1);
    assert_eq!(doc["summary"]["resources"]["ecs_services"], 6);

    // `cost idle` reports the idle service too.
    let out = opsguard_with_env(
        home.path(),
        &[
            "cost",
            "idle",
            "--format",
            "json",
            "--now",
            &at,
            "--lookback-days",
            &LOOKBACK_DAYS.to_string(),
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let idle = by_service(&json(&out));
    assert_eq!(idle.keys().collect::<Vec<_>>(), ["legacy"], "{idle:#?}");
}

/// An SDK configuration for `account`, through moto's AssumeRole (before moto checks IAM).
async fn as_account(base: &SdkConfig, account: &str) -> SdkConfig {
    let answer = aws_sdk_sts::Client::new(base)
        .assume_role()
        .role_arn(format!("arn:aws:iam::{account}:role/setup"))
        .role_session_name("setup")
        .send()
        .await
        .unwrap();
    let c = answer.credentials().unwrap();
    let credentials = aws_sdk_sts::config::Credentials::new(
        c.access_key_id(),
        c.secret_access_key(),
        Some(c.session_token().to_string()),
        None,
        "test",
    );
    base.clone()
        .into_builder()
        .credentials_provider(aws_sdk_sts::config::SharedCredentialsProvider::new(
            credentials,
        ))
        .build()
}

/// An organisation with `names` as member accounts; their IDs, in order.
async fn create_organization(config: &SdkConfig, names: &[&str]) -> Vec<String> {
    let organizations = aws_sdk_organizations::Client::new(config);
    organizations
        .create_organization()
        .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
        .send()
        .await
        .unwrap();
    let mut ids = Vec::new();
    for name in names {
        let created = organizations
            .create_account()
            .account_name(*name)
            .email(format!("{name}@example.com"))
            .send()
            .await
            .unwrap();
        ids.push(
            created
                .create_account_status()
                .unwrap()
                .account_id()
                .unwrap()
                .to_string(),
        );
    }
    ids
}

fn policy_text(path: &str) -> String {
    std::fs::read_to_string(repo_root().join(path)).unwrap()
}

/// An organisation of a management account and three members, in a moto that checks
/// every request against IAM: the management user holds docs/iam-policy.json and
/// docs/iam-management.json, each member's OpsguardReadOnly role docs/iam-member-role.json.
/// The third member's role cannot be assumed (moto does not evaluate a member role's trust
/// policy across accounts, so an explicit deny on the caller plays the refusing trust
/// policy). Both readable members run a service of 20 quiet tasks.
#[test]
fn every_account_of_an_organisation_is_read_and_one_that_refuses_is_a_warning() {
    let server = MotoServer::start();
    let config = sdk(&server);
    let real_now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let now = real_now / 300 * 300;
    let (members, key) = runtime().block_on(async {
        let names = ["payments", "search", "sandbox"];
        let ids = create_organization(&config, &names).await;
        let members: Vec<(&str, String)> = names.into_iter().zip(ids).collect();
        for (name, id) in &members {
            let member = as_account(&config, id).await;
            let iam = aws_sdk_iam::Client::new(&member);
            let trust = policy_text("docs/iam-member-trust.json")
                .replace("MANAGEMENT_ACCOUNT_ID", "123456789012");
            iam.create_role()
                .role_name("OpsguardReadOnly")
                .assume_role_policy_document(trust)
                .send()
                .await
                .unwrap();
            iam.put_role_policy()
                .role_name("OpsguardReadOnly")
                .policy_name("opsguard")
                .policy_document(policy_text("docs/iam-member-role.json"))
                .send()
                .await
                .unwrap();
            // moto names CloudWatch's actions after its signing name, `monitoring`.
            iam.put_role_policy()
                .role_name("OpsguardReadOnly")
                .policy_name("moto-signing-name")
                .policy_document(
                    serde_json::json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "monitoring:GetMetricData", "Resource": "*"}]})
                        .to_string(),
                )
                .send()
                .await
                .unwrap();
            if *name != "sandbox" {
                let batch = Planned {
                    name: "batch",
                    cluster: "main",
                    cpu: 1024,
                    memory: 2048,
                    tasks: 20,
                    launch: LaunchType::Fargate,
                    tags: &[],
                    load_balanced: false,
                    load: (12.0, 15.0),
                };
                build_services(&member, &[batch], now, LOOKBACK_DAYS * 24).await;
            }
        }
        let iam = aws_sdk_iam::Client::new(&config);
        iam.create_user().user_name("auditor").send().await.unwrap();
        for (name, doc) in [
            ("single", policy_text("docs/iam-policy.json")),
            ("management", policy_text("docs/iam-management.json")),
            (
                "refused",
                serde_json::json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "sts:AssumeRole", "Resource": format!("arn:aws:iam::{}:role/OpsguardReadOnly", members[2].1)}]}).to_string(),
            ),
        ] {
            iam.put_user_policy()
                .user_name("auditor")
                .policy_name(name)
                .policy_document(doc)
                .send()
                .await
                .unwrap();
        }
        let key = iam
            .create_access_key()
            .user_name("auditor")
            .send()
            .await
            .unwrap();
        let key = key.access_key().unwrap();
        (
            members,
            (key.access_key_id().to_string(), key.secret_access_key().to_string()),
        )
    });
    // From here on moto checks every request's signature and IAM policy.
    server.post_json("/moto-api/reset-auth", &serde_json::json!(0));

    let home = tempfile::tempdir().unwrap();
    let mut env = server.aws_env(home.path());
    for (k, v) in env.iter_mut() {
        match k.as_str() {
            "AWS_ACCESS_KEY_ID" => v.clone_from(&key.0),
            "AWS_SECRET_ACCESS_KEY" => v.clone_from(&key.1),
            _ => {}
        }
    }
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let at = opsguard::timestamp::Timestamp(now).to_string();
    let lookback = LOOKBACK_DAYS.to_string();
    let out = opsguard_with_env(
        home.path(),
        &[
            "cost",
            "rightsize",
            "--organization",
            "--format",
            "json",
            "--now",
            &at,
            "--lookback-days",
            &lookback,
        ],
        &env,
    );
    // Findings in the readable members: exit 1, as any finding.
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let doc = json(&out);
    let (payments, search, sandbox) = (&members[0].1, &members[1].1, &members[2].1);
    let mut accounts: Vec<String> = doc["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["finding"] == "over_provisioned_tasks")
        .map(|r| r["account_id"].as_str().unwrap().to_string())
        .collect();
    accounts.sort();
    let mut expected = vec![payments.clone(), search.clone()];
    expected.sort();
    assert_eq!(accounts, expected, "{}", transcript(&out));
    let read: Vec<&str> = doc["accounts"]["read"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap_or(""))
        .collect();
    assert!(
        read.contains(&"payments") && read.contains(&"search"),
        "{read:?}"
    );
    assert_eq!(doc["accounts"]["unread"][0]["id"], sandbox.as_str());
    let warning = stderr(&out);
    assert!(
        warning.contains(&format!(
            "warning: account {sandbox} was not read: cannot assume arn:aws:iam::{sandbox}:role/OpsguardReadOnly: access denied"
        )),
        "{warning}"
    );
    assert!(!warning.contains("AKIA") && !warning.contains(&key.1));
    // One GetMetricData call per account and region that has series.
    assert_eq!(doc["requests"]["cloudwatch"], 2, "{:#}", doc["requests"]);
    assert_eq!(doc["requests"]["organizations"], 1);
    assert_eq!(doc["requests"]["sts"], 1 + 3);

    // The same accounts listed by ID, the refusing one alone: exit 2, naming it.
    let out = opsguard_with_env(
        home.path(),
        &["cost", "rightsize", "--accounts", sandbox, "--now", &at],
        &env,
    );
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(
        stderr(&out).contains(&format!(
            "\nerror: no account could be read ({sandbox}: cannot assume"
        )),
        "{}",
        transcript(&out)
    );
}

/// `--organization` names the accounts of `cost report --group-by account`: the bill from
/// an export grouped by linked account, the names from Organizations in moto.
#[test]
fn the_organization_names_the_accounts_of_the_bill() {
    let server = MotoServer::start();
    let config = sdk(&server);
    let members =
        runtime().block_on(async { create_organization(&config, &["payments", "search"]).await });
    let home = tempfile::tempdir().unwrap();
    let exports = home.path().join("bill");
    std::fs::create_dir(&exports).unwrap();
    let days: Vec<Value> = (1..=30)
        .map(|d| {
            serde_json::json!({
                "TimePeriod": {"Start": format!("2026-11-{d:02}"), "End": if d == 30 { "2026-12-01".to_string() } else { format!("2026-11-{:02}", d + 1) }},
                "Total": {},
                "Groups": members.iter().enumerate().map(|(i, id)| serde_json::json!({
                    "Keys": [id], "Metrics": {"UnblendedCost": {"Amount": format!("{}.00", 100 * (i + 1)), "Unit": "USD"}}
                })).collect::<Vec<_>>(),
                "Estimated": false
            })
        })
        .collect();
    std::fs::write(
        exports.join("cost-and-usage.account.json"),
        serde_json::json!({"GroupDefinitions": [{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}], "ResultsByTime": days}).to_string(),
    )
    .unwrap();
    let env = server.aws_env(home.path());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let source = format!("fixture:{}", exports.display());
    let out = opsguard_with_env(
        home.path(),
        &[
            "cost",
            "report",
            "--source",
            &source,
            "--group-by",
            "account",
            "--organization",
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    for (id, name) in members.iter().zip(["payments", "search"]) {
        assert!(
            text.contains(&format!("\"{id} ({name})\"")),
            "{id} {name}: {text}"
        );
    }
    // Without the flag, the IDs alone.
    let out = opsguard_with_env(
        home.path(),
        &[
            "cost",
            "report",
            "--source",
            &source,
            "--group-by",
            "account",
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.contains(&format!("\"{}\"", members[0])) && !text.contains("payments"));
}

/// 126 services ask for 504 ECS series: two GetMetricData calls, as for EC2 (500 queries a
/// call at most), every series counted; none has data, so every service is
/// `insufficient_data`, never "optimized" without data.
#[test]
fn ecs_metric_queries_are_batched_500_a_call() {
    let server = MotoServer::start();
    let config = sdk(&server);
    runtime().block_on(async {
        let ecs = aws_sdk_ecs::Client::new(&config);
        let network = network(&config).await;
        ecs.create_cluster()
            .cluster_name("wide")
            .send()
            .await
            .unwrap();
        ecs.register_task_definition()
            .family("small")
            .requires_compatibilities(Compatibility::Fargate)
            .network_mode(NetworkMode::Awsvpc)
            .cpu("256")
            .memory("512")
            .container_definitions(
                ContainerDefinition::builder()
                    .name("app")
                    .image("registry.example/app:1")
                    .cpu(256)
                    .memory(512)
                    .build(),
            )
            .send()
            .await
            .unwrap();
        for i in 0..126 {
            let name = format!("svc-{i:03}");
            ecs.create_service()
                .cluster("wide")
                .service_name(&name)
                .task_definition("small")
                .desired_count(1)
                .launch_type(LaunchType::Fargate)
                .send()
                .await
                .unwrap();
            ecs.run_task()
                .cluster("wide")
                .task_definition("small")
                .launch_type(LaunchType::Fargate)
                .network_configuration(network.clone())
                .group(format!("service:{name}"))
                .send()
                .await
                .unwrap();
        }
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
    assert_eq!(
        doc["requests"]["metrics_requested"], 504,
        "{:#}",
        doc["requests"]
    );
    assert_eq!(doc["requests"]["cloudwatch"], 2, "{:#}", doc["requests"]);
    // DescribeServices takes 10 services a call; one task definition is described once.
    assert!(
        doc["requests"]["ecs"].as_u64().unwrap() > 13,
        "{:#}",
        doc["requests"]
    );
    let found = by_service(&doc);
    assert_eq!(found.len(), 126);
    assert!(found
        .values()
        .flatten()
        .all(|r| r["finding"] == "insufficient_data"));
}
