//! ECS services of one region: clusters, services, their task definitions, their running
//! and recently stopped tasks, the EC2 instances under them, and their autoscaling bounds
//! (Application Auto Scaling). Every call paginated and counted; describe calls batched
//! at the API's limits (10 services, 100 tasks, 100 container instances, 100 clusters).

use std::collections::{BTreeMap, HashMap};

use aws_sdk_applicationautoscaling::types::{ScalableDimension, ServiceNamespace};
use aws_sdk_applicationautoscaling::Client as AutoScaling;
use aws_sdk_ecs::types::{
    ClusterField, ClusterSettingName, CpuArchitecture, DesiredStatus, LaunchType as EcsLaunch,
    ServiceField, TaskStopCode,
};
use aws_sdk_ecs::Client as Ecs;

use super::explain;
use crate::cost::fleet::{EcsService, LaunchType, ScalingBounds, Tags};
use crate::error::Result;

const SERVICES_PER_DESCRIBE: usize = 10;
const TASKS_PER_DESCRIBE: usize = 100;
const CLUSTERS_PER_DESCRIBE: usize = 100;

/// Calls by API family.
#[derive(Default)]
pub struct EcsCalls {
    pub ecs: u64,
    pub application_autoscaling: u64,
}

/// What a task definition says about sizing.
#[derive(Clone, Copy)]
struct Shape {
    cpu_units: u32,
    memory_mib: u32,
    arm64: bool,
}

/// What the tasks of one service look like now.
#[derive(Default)]
struct TaskCounts {
    running: u32,
    oom_stops: u32,
    container_instances: Vec<String>,
}

pub async fn services(
    ecs: &Ecs,
    autoscaling: &AutoScaling,
    region: &str,
    calls: &mut EcsCalls,
) -> Result<Vec<EcsService>> {
    let mut cluster_arns = Vec::new();
    let mut pages = ecs.list_clusters().into_paginator().send();
    while let Some(page) = pages.next().await {
        calls.ecs += 1;
        let page = page.map_err(|e| explain("ecs:ListClusters", &e))?;
        cluster_arns.extend(page.cluster_arns().iter().cloned());
    }
    if cluster_arns.is_empty() {
        return Ok(Vec::new());
    }
    let mut insights: HashMap<String, bool> = HashMap::new();
    for chunk in cluster_arns.chunks(CLUSTERS_PER_DESCRIBE) {
        calls.ecs += 1;
        let answer = ecs
            .describe_clusters()
            .set_clusters(Some(chunk.to_vec()))
            .include(ClusterField::Settings)
            .send()
            .await
            .map_err(|e| explain("ecs:DescribeClusters", &e))?;
        for cluster in answer.clusters() {
            let on = cluster.settings().iter().any(|s| {
                s.name() == Some(&ClusterSettingName::ContainerInsights)
                    && s.value().is_some_and(|v| v != "disabled")
            });
            if let Some(arn) = cluster.cluster_arn() {
                insights.insert(arn.to_string(), on);
            }
        }
    }
    let bounds = scaling_bounds(autoscaling, &mut calls.application_autoscaling).await?;
    let mut shapes: HashMap<String, Shape> = HashMap::new();
    let mut out = Vec::new();
    for cluster_arn in &cluster_arns {
        let cluster_name = cluster_arn.rsplit('/').next().unwrap_or(cluster_arn);
        let mut service_arns = Vec::new();
        let mut pages = ecs
            .list_services()
            .cluster(cluster_arn)
            .max_results(100)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            calls.ecs += 1;
            let page = page.map_err(|e| explain("ecs:ListServices", &e))?;
            service_arns.extend(page.service_arns().iter().cloned());
        }
        if service_arns.is_empty() {
            continue;
        }
        let tasks = task_counts(ecs, cluster_arn, &mut calls.ecs).await?;
        for chunk in service_arns.chunks(SERVICES_PER_DESCRIBE) {
            calls.ecs += 1;
            let answer = ecs
                .describe_services()
                .cluster(cluster_arn)
                .set_services(Some(chunk.to_vec()))
                .include(ServiceField::Tags)
                .send()
                .await
                .map_err(|e| explain("ecs:DescribeServices", &e))?;
            for service in answer.services() {
                if service.status().is_some_and(|s| s != "ACTIVE") {
                    continue;
                }
                let (Some(arn), Some(name)) = (service.service_arn(), service.service_name())
                else {
                    continue;
                };
                let shape = match service.task_definition() {
                    Some(definition) => match shapes.get(definition) {
                        Some(shape) => Some(*shape),
                        None => {
                            let shape = task_shape(ecs, definition, &mut calls.ecs).await?;
                            shapes.insert(definition.to_string(), shape);
                            Some(shape)
                        }
                    },
                    None => None,
                };
                let Some(shape) = shape else { continue };
                let strategy = service.capacity_provider_strategy();
                let launch_type = match service.launch_type() {
                    Some(EcsLaunch::Fargate) => LaunchType::Fargate,
                    Some(EcsLaunch::External) => LaunchType::External,
                    Some(_) => LaunchType::Ec2,
                    None if strategy
                        .iter()
                        .any(|s| s.capacity_provider().starts_with("FARGATE")) =>
                    {
                        LaunchType::Fargate
                    }
                    None => LaunchType::Ec2,
                };
                let counts = tasks.get(name);
                let running = counts
                    .map(|c| c.running)
                    .filter(|n| *n > 0)
                    .unwrap_or(service.running_count().max(0) as u32);
                let tags: Tags = service
                    .tags()
                    .iter()
                    .filter_map(|t| {
                        Some((t.key()?.to_string(), t.value().unwrap_or("").to_string()))
                    })
                    .collect();
                out.push(EcsService {
                    arn: arn.to_string(),
                    name: name.to_string(),
                    cluster: cluster_name.to_string(),
                    region: region.to_string(),
                    account_id: None,
                    launch_type,
                    spot: strategy
                        .iter()
                        .any(|s| s.capacity_provider() == "FARGATE_SPOT"),
                    desired_count: service.desired_count().max(0) as u32,
                    running_count: running,
                    task_cpu_units: shape.cpu_units,
                    task_memory_mib: shape.memory_mib,
                    arm64: shape.arm64,
                    load_balanced: !service.load_balancers().is_empty(),
                    autoscaling: bounds
                        .get(&format!("service/{cluster_name}/{name}"))
                        .copied(),
                    container_insights: insights.get(cluster_arn).copied().unwrap_or(false),
                    oom_stops: counts.map_or(0, |c| c.oom_stops),
                    container_instances: counts
                        .map(|c| c.container_instances.clone())
                        .unwrap_or_default(),
                    tags,
                });
            }
        }
    }
    Ok(out)
}

/// The service's tasks by service name (`group` is `service:NAME` for a service's
/// tasks): how many run, on which container instances, and how many ECS stopped because
/// a container ran out of memory (stopped tasks stay listed for about an hour).
async fn task_counts(
    ecs: &Ecs,
    cluster: &str,
    calls: &mut u64,
) -> Result<HashMap<String, TaskCounts>> {
    let mut by_service: HashMap<String, TaskCounts> = HashMap::new();
    let mut instance_arns: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for status in [DesiredStatus::Running, DesiredStatus::Stopped] {
        let mut arns = Vec::new();
        let mut pages = ecs
            .list_tasks()
            .cluster(cluster)
            .desired_status(status.clone())
            .max_results(100)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            *calls += 1;
            let page = page.map_err(|e| explain("ecs:ListTasks", &e))?;
            arns.extend(page.task_arns().iter().cloned());
        }
        for chunk in arns.chunks(TASKS_PER_DESCRIBE) {
            *calls += 1;
            let answer = ecs
                .describe_tasks()
                .cluster(cluster)
                .set_tasks(Some(chunk.to_vec()))
                .send()
                .await
                .map_err(|e| explain("ecs:DescribeTasks", &e))?;
            for task in answer.tasks() {
                let Some(service) = task.group().and_then(|g| g.strip_prefix("service:")) else {
                    continue;
                };
                let counts = by_service.entry(service.to_string()).or_default();
                if status == DesiredStatus::Running {
                    counts.running += 1;
                    if let Some(instance) = task.container_instance_arn() {
                        instance_arns
                            .entry(service.to_string())
                            .or_default()
                            .push(instance.to_string());
                    }
                } else if out_of_memory(task) {
                    counts.oom_stops += 1;
                }
            }
        }
    }
    if instance_arns.is_empty() {
        return Ok(by_service);
    }
    // Container instance ARNs → their EC2 instance IDs.
    let mut all: Vec<String> = instance_arns.values().flatten().cloned().collect();
    all.sort();
    all.dedup();
    let mut ec2_ids: HashMap<String, String> = HashMap::new();
    for chunk in all.chunks(TASKS_PER_DESCRIBE) {
        *calls += 1;
        let answer = ecs
            .describe_container_instances()
            .cluster(cluster)
            .set_container_instances(Some(chunk.to_vec()))
            .send()
            .await
            .map_err(|e| explain("ecs:DescribeContainerInstances", &e))?;
        for ci in answer.container_instances() {
            if let (Some(arn), Some(id)) = (ci.container_instance_arn(), ci.ec2_instance_id()) {
                ec2_ids.insert(arn.to_string(), id.to_string());
            }
        }
    }
    for (service, arns) in instance_arns {
        let mut ids: Vec<String> = arns
            .iter()
            .filter_map(|a| ec2_ids.get(a).cloned())
            .collect();
        ids.sort();
        ids.dedup();
        by_service.entry(service).or_default().container_instances = ids;
    }
    Ok(by_service)
}

/// ECS says a container was killed for memory in the container's reason
/// (`OutOfMemoryError: Container killed due to memory usage`) or the task's.
fn out_of_memory(task: &aws_sdk_ecs::types::Task) -> bool {
    let said = |text: Option<&str>| text.is_some_and(|t| t.contains("OutOfMemory"));
    said(task.stopped_reason())
        || task.containers().iter().any(|c| said(c.reason()))
        || (task.stop_code() == Some(&TaskStopCode::EssentialContainerExited)
            && task
                .containers()
                .iter()
                .any(|c| c.exit_code() == Some(137) && said(c.reason())))
}

/// CPU units and MiB of a task: the task-level size, else the containers' sum (EC2
/// launch type may leave the task size out).
async fn task_shape(ecs: &Ecs, definition: &str, calls: &mut u64) -> Result<Shape> {
    *calls += 1;
    let answer = ecs
        .describe_task_definition()
        .task_definition(definition)
        .send()
        .await
        .map_err(|e| explain("ecs:DescribeTaskDefinition", &e))?;
    let Some(def) = answer.task_definition() else {
        return Ok(Shape {
            cpu_units: 0,
            memory_mib: 0,
            arm64: false,
        });
    };
    let containers = def.container_definitions();
    let cpu_units = def
        .cpu()
        .and_then(parse_cpu)
        .unwrap_or_else(|| containers.iter().map(|c| c.cpu().max(0) as u32).sum());
    let memory_mib = def.memory().and_then(parse_memory).unwrap_or_else(|| {
        containers
            .iter()
            .map(|c| c.memory().or(c.memory_reservation()).unwrap_or(0).max(0) as u32)
            .sum()
    });
    let arm64 = def
        .runtime_platform()
        .and_then(|p| p.cpu_architecture())
        .is_some_and(|a| *a == CpuArchitecture::Arm64);
    Ok(Shape {
        cpu_units,
        memory_mib,
        arm64,
    })
}

/// CPU `1024` or `1 vCPU`, memory `2048` or `2 GB` (RegisterTaskDefinition takes both):
/// the number, or the count of `unit` times 1,024.
fn parse_units(text: &str, unit: &str) -> Option<u32> {
    let t = text.trim();
    let scaled = t
        .strip_suffix(unit)
        .or_else(|| t.strip_suffix(unit.to_lowercase().as_str()));
    match scaled {
        Some(v) => v
            .trim()
            .parse::<f64>()
            .ok()
            .map(|v| (v * 1024.0).round() as u32),
        None => t.parse().ok(),
    }
}

fn parse_cpu(text: &str) -> Option<u32> {
    parse_units(text, "vCPU")
}

fn parse_memory(text: &str) -> Option<u32> {
    parse_units(text, "GB")
}

/// Autoscaling bounds of the region's ECS services, by resource ID
/// (`service/CLUSTER/SERVICE`).
async fn scaling_bounds(
    autoscaling: &AutoScaling,
    calls: &mut u64,
) -> Result<HashMap<String, ScalingBounds>> {
    let mut out = HashMap::new();
    let mut pages = autoscaling
        .describe_scalable_targets()
        .service_namespace(ServiceNamespace::Ecs)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        *calls += 1;
        let page =
            page.map_err(|e| explain("application-autoscaling:DescribeScalableTargets", &e))?;
        for target in page.scalable_targets() {
            if target.scalable_dimension() != &ScalableDimension::EcsServiceDesiredCount {
                continue;
            }
            out.insert(
                target.resource_id().to_string(),
                ScalingBounds {
                    min: target.min_capacity().max(0) as u32,
                    max: target.max_capacity().max(0) as u32,
                },
            );
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_sizes_in_both_spellings() {
        assert_eq!(parse_cpu("1024"), Some(1024));
        assert_eq!(parse_cpu("0.25 vCPU"), Some(256));
        assert_eq!(parse_memory("2 GB"), Some(2048));
        assert_eq!(parse_memory("512"), Some(512));
        assert_eq!(parse_memory("lots"), None);
    }
}
