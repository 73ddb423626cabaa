//! Right-sizing of ECS services: too many tasks for the load (Compute Optimizer's P99.5
//! method applied to the service's summed load), a Fargate task size larger than its peak
//! needs, tasks that run out of CPU or memory, idle services, and services with too little
//! data to judge. Pure: a service and its series in, findings out.

use super::fleet::{EcsService, LaunchType, MetricIndex, MetricKind, Series};
use super::percentile::percentile;
use super::prices::{PriceTable, HOURS_PER_MONTH};
use super::recommendation::{round2, Figures, Kind, Recommendation, Service};
use super::rightsize::{hours, round1};
use super::thresholds::Thresholds;

/// A service behind a load balancer or tagged production keeps at least this many tasks:
/// one Availability Zone or one failed task must not take it down.
pub const MIN_RESILIENT_TASKS: u32 = 2;

/// One task's size: CPU units (1,024 to a vCPU) and memory in MiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskSize {
    pub cpu_units: u32,
    pub memory_mib: u32,
}

impl TaskSize {
    pub fn vcpu(self) -> f64 {
        f64::from(self.cpu_units) / 1024.0
    }

    pub fn memory_gb(self) -> f64 {
        f64::from(self.memory_mib) / 1024.0
    }

    /// `1 vCPU/2 GB`, `0.25 vCPU/0.5 GB`.
    pub fn label(self) -> String {
        format!("{} vCPU/{} GB", trim(self.vcpu()), trim(self.memory_gb()))
    }
}

fn trim(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Every CPU/memory combination Fargate runs (Amazon ECS Developer Guide, "Task CPU and
/// memory"), smallest first: 0.25 vCPU with 0.5, 1 or 2 GB; 0.5 vCPU with 1–4 GB; 1 vCPU
/// with 2–8 GB; 2 vCPU with 4–16 GB and 4 vCPU with 8–30 GB, in 1 GB steps; 8 vCPU with
/// 16–60 GB in 4 GB steps; 16 vCPU with 32–120 GB in 8 GB steps.
pub fn fargate_sizes() -> Vec<TaskSize> {
    let mut sizes = Vec::new();
    let mut push = |cpu_units: u32, memory: &mut dyn Iterator<Item = u32>| {
        for memory_mib in memory {
            sizes.push(TaskSize {
                cpu_units,
                memory_mib,
            });
        }
    };
    push(256, &mut [512, 1024, 2048].into_iter());
    push(512, &mut (1..=4).map(|g| g * 1024));
    push(1024, &mut (2..=8).map(|g| g * 1024));
    push(2048, &mut (4..=16).map(|g| g * 1024));
    push(4096, &mut (8..=30).map(|g| g * 1024));
    push(8192, &mut (16..=60).step_by(4).map(|g| g * 1024));
    push(16384, &mut (32..=120).step_by(8).map(|g| g * 1024));
    sizes
}

/// What one task of `size` costs an hour on Fargate in `region`; `None` off Fargate or
/// where the table has no Fargate price.
fn task_hour(prices: &PriceTable, s: &EcsService, size: TaskSize) -> Option<f64> {
    if s.launch_type != LaunchType::Fargate {
        return None;
    }
    let rates = prices.fargate(&s.region, s.arm64)?;
    Some(size.vcpu() * rates.vcpu_hour + size.memory_gb() * rates.gb_hour)
}

/// A production service by its tags, its name or its cluster's, as databases are judged.
pub fn is_production(s: &EcsService, t: &Thresholds) -> bool {
    t.is_production(&s.tags, &[&s.name, &s.cluster])
}

/// The service's load in tasks' worth, slot by slot: the average utilization of its tasks
/// times how many ran (Container Insights' count where the cluster has it, else today's).
fn summed_load(average: &Series, count: Option<&Series>, running: u32) -> Vec<f64> {
    average
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let tasks = count
                .and_then(|c| c.values.get(i).copied().flatten())
                .unwrap_or(f64::from(running));
            v.map(|v| v / 100.0 * tasks)
        })
        .collect()
}

/// How many days lie between the first and the last datapoint of `series`.
fn span_days(series: &Series) -> f64 {
    let first = series.values.iter().position(Option::is_some);
    let last = series.values.iter().rposition(Option::is_some);
    match (first, last) {
        (Some(a), Some(b)) => (b - a) as f64 * f64::from(series.period) / 86_400.0,
        _ => 0.0,
    }
}

pub fn service_findings(
    s: &EcsService,
    metrics: &MetricIndex,
    prices: &PriceTable,
    t: &Thresholds,
    warnings: &mut Vec<String>,
) -> Vec<Recommendation> {
    let tasks = s.running_count;
    let size = TaskSize {
        cpu_units: s.task_cpu_units,
        memory_mib: s.task_memory_mib,
    };
    let resource = format!("{}/{}", s.cluster, s.name);
    let new = |kind| {
        let mut r = Recommendation::new(Service::Ecs, &resource, &s.region, &s.tags, kind);
        r.name = Some(s.name.clone());
        r.account_id.clone_from(&s.account_id);
        r.current_type = Some(format!("{tasks} × {}", size.label()));
        r
    };
    let per_task = task_hour(prices, s, size);
    if s.launch_type == LaunchType::Fargate && per_task.is_none() {
        warnings.push(format!(
            "no Fargate price for {} in the price table: ECS savings there are not priced",
            s.region
        ));
    }
    let monthly = per_task.map(|p| round2(p * f64::from(tasks) * HOURS_PER_MONTH));
    let ecs_note = match s.launch_type {
        LaunchType::Fargate if s.spot => "; priced at on-demand rates, part runs on Fargate Spot",
        LaunchType::Fargate => "",
        LaunchType::Ec2 => "; its container instances are priced under ec2",
        LaunchType::External => "; ECS Anywhere runs on your own hardware",
    };

    let cpu_average = metrics.get(&s.arn, MetricKind::EcsCpuAverage);
    let cpu_max = metrics.get(&s.arn, MetricKind::EcsCpuMax);
    let memory_average = metrics.get(&s.arn, MetricKind::EcsMemoryAverage);
    let memory_max = metrics.get(&s.arn, MetricKind::EcsMemoryMax);
    let count = metrics.get(&s.arn, MetricKind::EcsRunningTasks);
    let mut figures = Figures {
        running_tasks: Some(tasks),
        autoscaling_min: s.autoscaling.map(|a| a.min),
        oom_stopped_tasks: (s.oom_stops > 0).then_some(s.oom_stops),
        ..Figures::default()
    };
    let hours_of_data = hours(cpu_average).max(hours(cpu_max));
    let (Some(cpu_average), Some(cpu_max)) = (cpu_average, cpu_max) else {
        return insufficient(new(Kind::InsufficientData), hours_of_data, monthly, t, s);
    };
    if hours_of_data < t.min_hours_of_data && s.oom_stops == 0 {
        return insufficient(new(Kind::InsufficientData), hours_of_data, monthly, t, s);
    }
    let p = t.cpu_percentile;
    let ceiling = t.cpu_ceiling();
    let cpu_peak = percentile(cpu_max.present(), p).unwrap_or(0.0);
    let memory_peak = memory_max.and_then(|m| percentile(m.present(), p));
    let cpu_load = percentile(summed_load(cpu_average, count, tasks), p).unwrap_or(0.0);
    let memory_load = memory_average.and_then(|m| percentile(summed_load(m, count, tasks), p));
    figures.cpu_p99_5 = Some(round1(cpu_peak));
    figures.cpu_max = cpu_max.present().reduce(f64::max).map(round1);
    figures.memory_p99_5 = memory_peak.map(round1);
    figures.hours_of_data = Some(round1(hours_of_data));

    // Under-provisioned: the busiest task's CPU or memory near its limit, or tasks killed
    // for memory. Memory is fixed with a larger task; CPU with more tasks.
    let memory_full = 100.0 - t.under_free_memory_percent;
    let memory_short = s.oom_stops > 0 || memory_peak.is_some_and(|m| m > memory_full);
    let cpu_short = cpu_peak > t.under_cpu_percent;
    if memory_short || cpu_short {
        let mut r = new(Kind::UnderProvisioned);
        let mut why = Vec::new();
        let mut target_size = size;
        if memory_short {
            let used = memory_peak
                .unwrap_or(100.0)
                .max(if s.oom_stops > 0 { 100.0 } else { 0.0 });
            let needed = f64::from(size.memory_mib) * used / ceiling;
            target_size = match s.launch_type {
                LaunchType::Fargate => fargate_sizes()
                    .into_iter()
                    .filter(|c| c.cpu_units >= size.cpu_units)
                    .filter(|c| f64::from(c.memory_mib) >= needed && c.memory_mib > size.memory_mib)
                    .min_by_key(|c| (c.cpu_units, c.memory_mib))
                    .unwrap_or(size),
                _ => TaskSize {
                    cpu_units: size.cpu_units,
                    memory_mib: ((needed / 512.0).ceil() as u32 * 512).max(size.memory_mib + 512),
                },
            };
            if s.oom_stops > 0 {
                why.push(format!(
                    "{} of its tasks stopped with OutOfMemoryError",
                    s.oom_stops
                ));
            }
            if let Some(m) = memory_peak.filter(|m| *m > memory_full) {
                why.push(format!(
                    "P{p} memory of the busiest task is {} %",
                    round1(m)
                ));
            }
        }
        let mut target_tasks = tasks;
        if cpu_short {
            target_tasks = ((f64::from(tasks) * cpu_peak / ceiling).ceil() as u32).max(tasks + 1);
            why.push(format!(
                "P{p} CPU of the busiest task is {} %",
                round1(cpu_peak)
            ));
        }
        let mut advice = match (target_tasks != tasks, target_size != size) {
            (true, true) => format!("run {target_tasks} tasks of {}", target_size.label()),
            (true, false) => format!("run {target_tasks} tasks"),
            _ => format!("give each task {}", target_size.label()),
        };
        if let Some(bounds) = s.autoscaling.filter(|b| b.max < target_tasks) {
            advice.push_str(&format!(
                " (raise the autoscaling maximum of {} too)",
                bounds.max
            ));
        }
        figures.recommended_tasks = Some(target_tasks);
        r.metrics = figures;
        r.recommended_type = Some(format!("{target_tasks} × {}", target_size.label()));
        r.monthly_cost = monthly;
        r.monthly_extra_cost = task_hour(prices, s, target_size)
            .zip(per_task)
            .map(|(new, old)| {
                round2(
                    (new * f64::from(target_tasks) - old * f64::from(tasks)).max(0.0)
                        * HOURS_PER_MONTH,
                )
            });
        r.reason = format!("{}: {advice}{ecs_note}", why.join(", "));
        return vec![r];
    }

    // Idle: no task went above the floor over (almost) the whole lookback.
    let max_seen = cpu_max.present().reduce(f64::max).unwrap_or(0.0);
    if max_seen <= t.ecs_idle_cpu_percent && span_days(cpu_max) >= f64::from(t.lookback_days) - 1.0
    {
        let mut r = new(Kind::Idle);
        r.metrics = figures;
        r.monthly_cost = monthly;
        r.monthly_savings = monthly;
        r.reason = format!(
            "no task went above {} % CPU in {} days (the most was {} %): if nothing calls it, scale it to 0 tasks or delete it{ecs_note}",
            t.ecs_idle_cpu_percent,
            t.lookback_days,
            round1(max_seen)
        );
        return vec![r];
    }

    let mut found = Vec::new();
    // Over-provisioned tasks: the summed P99.5 load in as few tasks as keep the headroom.
    let needed = (cpu_load.max(memory_load.unwrap_or(0.0)) * 100.0 / ceiling)
        .ceil()
        .max(1.0) as u32;
    let resilient = s.load_balanced || is_production(s, t);
    let floor = if resilient { MIN_RESILIENT_TASKS } else { 1 };
    let mut recommended = needed.max(floor);
    if recommended < tasks {
        let mut r = new(Kind::OverProvisionedTasks);
        let mut notes = Vec::new();
        if needed < floor {
            notes.push(format!(
                "kept at {floor}, the least for a service {}",
                if s.load_balanced {
                    "behind a load balancer"
                } else {
                    "tagged production"
                }
            ));
        }
        match s.autoscaling {
            Some(b) if b.min > recommended => notes.push(format!(
                "below its autoscaling minimum of {}: lower MinCapacity to {recommended} too",
                b.min
            )),
            Some(b) => notes.push(format!(
                "its autoscaling ({}–{} tasks) holds {tasks}: raise the scaling policy's target so it settles near {recommended}",
                b.min, b.max
            )),
            None => {}
        }
        let memory_text = memory_load
            .map(|m| format!(" and {} tasks' worth of memory", round1(m)))
            .unwrap_or_default();
        figures.recommended_tasks = Some(recommended);
        r.metrics = figures.clone();
        r.recommended_type = Some(format!("{recommended} × {}", size.label()));
        r.monthly_cost = monthly;
        r.monthly_savings =
            per_task.map(|p| round2(p * f64::from(tasks - recommended) * HOURS_PER_MONTH));
        r.reason = format!(
            "at P{p} its {tasks} tasks carry {} tasks' worth of CPU{memory_text}; {recommended} tasks would run at {} % with {} % headroom{}{ecs_note}",
            round1(cpu_load),
            round1(cpu_load.max(memory_load.unwrap_or(0.0)) / f64::from(recommended) * 100.0),
            t.headroom_percent,
            notes.iter().map(|n| format!("; {n}")).collect::<String>(),
        );
        found.push(r);
    } else {
        recommended = tasks;
    }

    // Over-provisioned task size (Fargate): the busiest task's peak, spread over the
    // recommended count, in the cheapest valid size that keeps the headroom.
    if s.launch_type == LaunchType::Fargate {
        let spread = f64::from(tasks) / f64::from(recommended);
        let cpu_need = cpu_peak / 100.0 * size.vcpu() * spread * 100.0 / ceiling;
        let memory_need = memory_peak
            .map(|m| m / 100.0 * size.memory_gb() * spread * 100.0 / ceiling)
            .unwrap_or(size.memory_gb());
        let smaller = fargate_sizes()
            .into_iter()
            .filter(|c| c.vcpu() >= cpu_need && c.memory_gb() >= memory_need)
            .filter_map(|c| task_hour(prices, s, c).map(|price| (c, price)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some((best, best_price)), Some(current_price)) = (smaller, per_task) {
            if best_price < current_price - 1e-9 {
                let mut r = new(Kind::OverProvisionedTaskSize);
                figures.recommended_tasks = Some(recommended);
                r.metrics = figures;
                r.current_type = Some(format!("{recommended} × {}", size.label()));
                r.recommended_type = Some(format!("{recommended} × {}", best.label()));
                r.monthly_cost =
                    per_task.map(|p| round2(p * f64::from(recommended) * HOURS_PER_MONTH));
                r.monthly_savings = Some(round2(
                    (current_price - best_price) * f64::from(recommended) * HOURS_PER_MONTH,
                ));
                let memory_text = memory_peak
                    .map(|m| format!(" and {} % of its memory", round1(m)))
                    .unwrap_or_else(|| " (memory not measured: kept)".into());
                r.reason = format!(
                    "the busiest task uses at P{p} {} % of its CPU{memory_text}{}; {} is the smallest valid Fargate size that keeps {} % headroom",
                    round1(cpu_peak),
                    if recommended < tasks {
                        format!(" (over {recommended} tasks instead of {tasks})")
                    } else {
                        String::new()
                    },
                    best.label(),
                    t.headroom_percent
                );
                found.push(r);
            }
        }
    }
    found
}

fn insufficient(
    mut r: Recommendation,
    hours: f64,
    monthly: Option<f64>,
    t: &Thresholds,
    s: &EcsService,
) -> Vec<Recommendation> {
    r.metrics.hours_of_data = Some(round1(hours));
    r.metrics.running_tasks = Some(s.running_count);
    r.monthly_cost = monthly;
    r.reason = format!(
        "only {} hours of ECS CPU metrics in the last {} days ({} needed); nothing is recommended without data",
        round1(hours),
        t.lookback_days,
        t.min_hours_of_data
    );
    vec![r]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::fleet::ScalingBounds;
    use crate::cost::thresholds::ThresholdOverrides;

    fn thresholds() -> Thresholds {
        Thresholds::resolve(&ThresholdOverrides::default()).unwrap()
    }

    fn service(tasks: u32, cpu_units: u32, memory_mib: u32) -> EcsService {
        EcsService {
            arn: "arn:aws:ecs:us-east-1:111111111111:service/main/api".into(),
            name: "api".into(),
            cluster: "main".into(),
            region: "us-east-1".into(),
            account_id: Some("111111111111".into()),
            launch_type: LaunchType::Fargate,
            spot: false,
            desired_count: tasks,
            running_count: tasks,
            task_cpu_units: cpu_units,
            task_memory_mib: memory_mib,
            arm64: false,
            load_balanced: false,
            autoscaling: None,
            container_insights: false,
            oom_stops: 0,
            container_instances: Vec::new(),
            tags: Default::default(),
        }
    }

    /// A fortnight of 5-minute values.
    fn series(arn: &str, kind: MetricKind, value: impl Fn(usize) -> f64) -> Series {
        Series {
            resource: arn.into(),
            kind,
            period: 300,
            values: (0..14 * 288).map(|i| Some(value(i))).collect(),
        }
    }

    fn run(s: &EcsService, cpu: (f64, f64), memory: (f64, f64)) -> Vec<Recommendation> {
        let list = vec![
            series(&s.arn, MetricKind::EcsCpuAverage, |_| cpu.0),
            series(&s.arn, MetricKind::EcsCpuMax, |_| cpu.1),
            series(&s.arn, MetricKind::EcsMemoryAverage, |_| memory.0),
            series(&s.arn, MetricKind::EcsMemoryMax, |_| memory.1),
        ];
        let index = MetricIndex::new(&list);
        let mut warnings = Vec::new();
        let found = service_findings(
            s,
            &index,
            &PriceTable::embedded(),
            &thresholds(),
            &mut warnings,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        found
    }

    #[test]
    fn every_fargate_size_is_valid_and_they_are_ordered() {
        let sizes = fargate_sizes();
        assert_eq!(
            sizes.first(),
            Some(&TaskSize {
                cpu_units: 256,
                memory_mib: 512
            })
        );
        assert!(sizes.contains(&TaskSize {
            cpu_units: 4096,
            memory_mib: 30 * 1024
        }));
        assert!(!sizes.contains(&TaskSize {
            cpu_units: 256,
            memory_mib: 1536
        }));
        assert!(!sizes.contains(&TaskSize {
            cpu_units: 8192,
            memory_mib: 18 * 1024
        }));
        assert!(sizes.contains(&TaskSize {
            cpu_units: 16384,
            memory_mib: 120 * 1024
        }));
        assert!(sizes.iter().all(|s| s.memory_mib >= 2 * s.cpu_units));
    }

    #[test]
    fn twenty_quiet_tasks_become_four_priced() {
        // 20 tasks of 1 vCPU/2 GB at 12 % CPU and 15 % memory: 2.4 tasks' worth of CPU,
        // 3 tasks at 80 % ceiling → 3; the task size is then checked at 3 tasks.
        let s = service(20, 1024, 2048);
        let found = run(&s, (12.0, 14.0), (15.0, 16.0));
        let tasks = &found[0];
        assert_eq!(tasks.finding, Kind::OverProvisionedTasks, "{found:#?}");
        assert_eq!(tasks.metrics.recommended_tasks, Some(4));
        assert_eq!(tasks.recommended_type.as_deref(), Some("4 × 1 vCPU/2 GB"));
        // 16 tasks × (0.04048 + 2 × 0.004445) $/h × 730 h.
        assert_eq!(tasks.monthly_savings, Some(round2(16.0 * 0.04937 * 730.0)));
        assert_eq!(tasks.account_id.as_deref(), Some("111111111111"));
        assert!(
            tasks.reason.contains("3 tasks' worth of memory"),
            "{}",
            tasks.reason
        );
    }

    #[test]
    fn a_production_or_load_balanced_service_keeps_two_tasks() {
        let mut s = service(2, 256, 512);
        s.tags.insert("env".into(), "production".into());
        let found = run(&s, (3.0, 4.0), (10.0, 12.0));
        assert!(
            found
                .iter()
                .all(|r| r.finding != Kind::OverProvisionedTasks),
            "{found:#?}"
        );
        let mut s = service(6, 256, 512);
        s.load_balanced = true;
        let found = run(&s, (3.0, 4.0), (10.0, 12.0));
        assert_eq!(found[0].metrics.recommended_tasks, Some(2), "{found:#?}");
        assert!(found[0].reason.contains("kept at 2"), "{}", found[0].reason);
    }

    #[test]
    fn the_autoscaling_minimum_is_named_when_the_count_goes_below_it() {
        let mut s = service(10, 1024, 2048);
        s.autoscaling = Some(ScalingBounds { min: 8, max: 20 });
        let found = run(&s, (10.0, 12.0), (20.0, 22.0));
        assert_eq!(found[0].finding, Kind::OverProvisionedTasks);
        assert!(
            found[0]
                .reason
                .contains("below its autoscaling minimum of 8: lower MinCapacity to 3 too"),
            "{}",
            found[0].reason
        );
    }

    #[test]
    fn a_task_size_shrinks_to_a_valid_fargate_combination() {
        // 4 tasks of 4 vCPU/16 GB, busiest at 5 % CPU and 12 % memory; production keeps
        // 2 tasks, over which the peak is spread: 0.5 vCPU and 4.8 GB with headroom, so
        // 1 vCPU/5 GB, the cheapest valid size that holds both.
        let mut s = service(4, 4096, 16384);
        s.tags.insert("Environment".into(), "prod".into());
        let found = run(&s, (4.0, 5.0), (10.0, 12.0));
        let size = found
            .iter()
            .find(|r| r.finding == Kind::OverProvisionedTaskSize)
            .unwrap_or_else(|| panic!("{found:#?}"));
        let label = size.recommended_type.as_deref().unwrap();
        assert_eq!(label, "2 × 1 vCPU/5 GB");
        // Every recommendation is a size Fargate runs.
        let valid: Vec<String> = fargate_sizes()
            .iter()
            .map(|s| format!("2 × {}", s.label()))
            .collect();
        assert!(valid.iter().any(|v| v == label), "{label}");
        assert!(size.monthly_savings.unwrap() > 0.0);
    }

    #[test]
    fn out_of_memory_is_a_risk_with_a_larger_valid_size() {
        let mut s = service(3, 512, 1024);
        s.oom_stops = 2;
        let found = run(&s, (30.0, 40.0), (70.0, 96.0));
        assert_eq!(found.len(), 1);
        let r = &found[0];
        assert_eq!(r.finding, Kind::UnderProvisioned);
        assert!(
            r.reason
                .contains("2 of its tasks stopped with OutOfMemoryError"),
            "{}",
            r.reason
        );
        let label = r.recommended_type.as_deref().unwrap();
        assert!(
            fargate_sizes()
                .iter()
                .any(|s| label == format!("3 × {}", s.label())),
            "{label}"
        );
        assert!(r.monthly_extra_cost.unwrap() > 0.0);
    }

    #[test]
    fn a_service_that_never_wakes_is_idle_and_one_without_data_is_not_judged() {
        let s = service(3, 256, 512);
        let found = run(&s, (0.2, 0.4), (5.0, 5.0));
        assert_eq!(found[0].finding, Kind::Idle, "{found:#?}");
        assert_eq!(found[0].monthly_savings, found[0].monthly_cost);
        let index = MetricIndex::new(&[]);
        let found = service_findings(
            &s,
            &index,
            &PriceTable::embedded(),
            &thresholds(),
            &mut Vec::new(),
        );
        assert_eq!(found[0].finding, Kind::InsufficientData);
    }

    #[test]
    fn container_insights_counts_weigh_each_slot() {
        // 10 tasks ran by day at 70 % (7 tasks' worth), 2 by night at 70 % (1.4): the
        // day's load sets the count, not today's 2 tasks times the average.
        let mut s = service(2, 1024, 2048);
        s.container_insights = true;
        let day = |i: usize| (i / 144) % 2 == 0;
        let list = vec![
            series(&s.arn, MetricKind::EcsCpuAverage, |_| 70.0),
            series(&s.arn, MetricKind::EcsCpuMax, |_| 75.0),
            series(&s.arn, MetricKind::EcsRunningTasks, |i| {
                if day(i) {
                    10.0
                } else {
                    2.0
                }
            }),
        ];
        let load = summed_load(&list[0], Some(&list[2]), s.running_count);
        assert_eq!(
            percentile(load.iter().copied(), 99.5).map(|x| (x * 10.0).round() / 10.0),
            Some(7.0)
        );
        let index = MetricIndex::new(&list);
        let found = service_findings(
            &s,
            &index,
            &PriceTable::embedded(),
            &thresholds(),
            &mut Vec::new(),
        );
        assert!(
            found
                .iter()
                .all(|r| r.finding != Kind::OverProvisionedTasks),
            "{found:#?}"
        );
    }

    #[test]
    fn ec2_launch_type_is_judged_for_count_only_and_not_priced() {
        let mut s = service(8, 512, 1024);
        s.launch_type = LaunchType::Ec2;
        let found = run(&s, (10.0, 12.0), (10.0, 12.0));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].finding, Kind::OverProvisionedTasks);
        assert_eq!(found[0].monthly_savings, None);
        assert!(found[0]
            .reason
            .contains("container instances are priced under ec2"));
    }
}
