//! Right-sizing from utilization: over-provisioned (Compute Optimizer's P99.5 method),
//! under-provisioned, idle (Trusted Advisor's rules), production databases without
//! Multi-AZ, and resources with too little data to say. Pure: a fleet in, findings out.

use super::fleet::{Database, Fleet, Instance, MetricIndex, MetricKind, Series};
use super::percentile::percentile;
use super::prices::{family, ComputePrice, PriceTable, HOURS_PER_MONTH};
use super::recommendation::{round2, Figures, Kind, Recommendation, Service};
use super::thresholds::Thresholds;
use crate::timestamp::Timestamp;

const GIB: f64 = 1024.0 * 1024.0 * 1024.0;
const MB: f64 = 1024.0 * 1024.0;

pub struct Options {
    /// Also consider cheaper current-generation families (Graviton among them).
    pub cross_family: bool,
}

/// Findings and the problems met on the way (e.g. a type with no price).
#[derive(Debug, Default)]
pub struct Analysis {
    pub recommendations: Vec<Recommendation>,
    pub warnings: Vec<String>,
    /// Running instances and available databases looked at.
    pub analysed: usize,
}

pub fn analyse(
    fleet: &Fleet,
    prices: &PriceTable,
    t: &Thresholds,
    now: Timestamp,
    options: &Options,
) -> Analysis {
    let metrics = MetricIndex::new(&fleet.metrics);
    let mut out = Analysis::default();
    for instance in fleet.instances.iter().filter(|i| i.state == "running") {
        out.analysed += 1;
        if let Some(r) = instance_finding(
            fleet,
            instance,
            &metrics,
            prices,
            t,
            options,
            &mut out.warnings,
        ) {
            out.recommendations.push(r);
        }
    }
    for db in fleet.databases.iter().filter(|d| d.status == "available") {
        out.analysed += 1;
        out.recommendations.extend(database_findings(
            db,
            &metrics,
            prices,
            t,
            now,
            &mut out.warnings,
        ));
    }
    for service in fleet.services.iter().filter(|s| s.running_count > 0) {
        out.analysed += 1;
        out.recommendations.extend(super::ecs::service_findings(
            service,
            &metrics,
            prices,
            t,
            &mut out.warnings,
        ));
    }
    out.warnings.sort();
    out.warnings.dedup();
    out
}

/// vCPUs and memory (GiB) of an instance type: DescribeInstanceTypes, else the price table.
fn shape(fleet: &Fleet, prices: &PriceTable, region: &str, type_name: &str) -> Option<(u32, f64)> {
    fleet
        .instance_types
        .get(type_name)
        .map(|i| (i.vcpu, i.memory_gib))
        .or_else(|| {
            prices
                .ec2(region, type_name)
                .map(|p| (p.vcpu, p.memory_gib))
        })
}

/// Hours of data a series holds.
pub(crate) fn hours(series: Option<&Series>) -> f64 {
    series.map_or(0.0, |s| {
        s.present().count() as f64 * f64::from(s.period) / 3600.0
    })
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Too few hours of metrics: said so, and nothing recommended.
fn insufficient(
    mut r: Recommendation,
    hours: f64,
    monthly: Option<f64>,
    t: &Thresholds,
) -> Recommendation {
    r.metrics.hours_of_data = Some(round1(hours));
    r.monthly_cost = monthly;
    r.reason = format!(
        "only {} hours of CPU metrics in the last {} days ({} needed); nothing is recommended without data",
        round1(hours),
        t.lookback_days,
        t.min_hours_of_data
    );
    r
}

/// Burstable families: t2, t3, t3a, t4g and their db. classes.
pub fn is_burstable(type_name: &str) -> bool {
    let f = family(type_name).trim_start_matches("db.");
    f.starts_with('t') && f[1..].chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// The CPU (%) a burstable size sustains on every vCPU without spending credits, its
/// baseline (AWS: "Key concepts for burstable performance instances"); `None` for a type
/// that is not burstable or a size this table does not know.
pub fn burst_baseline_percent(type_name: &str) -> Option<f64> {
    if !is_burstable(type_name) {
        return None;
    }
    let (family, size) = type_name.trim_start_matches("db.").split_once('.')?;
    let t2 = family == "t2";
    Some(match (t2, size) {
        (_, "nano") => 5.0,
        (_, "micro") => 10.0,
        (_, "small" | "medium") => 20.0,
        (_, "large") => 30.0,
        (false, "xlarge" | "2xlarge") => 40.0,
        (true, "xlarge") => 22.5,
        (true, "2xlarge") => 17.0,
        _ => return None,
    })
}

/// Whether `candidate` can carry a load averaging `average` % of `vcpu` vCPUs. A
/// burstable size only when that average, on its own vCPUs, stays under its baseline:
/// above it, the size spends credits faster than it earns them and is throttled within
/// hours. Any other size: always (its P99.5 is checked apart).
fn sustains(candidate: &ComputePrice, average: f64, vcpu: u32) -> bool {
    if !is_burstable(&candidate.type_name) {
        return true;
    }
    let on_candidate = average * f64::from(vcpu) / f64::from(candidate.vcpu);
    burst_baseline_percent(&candidate.type_name).is_some_and(|baseline| on_candidate < baseline)
}

/// The size after `current` in its family (smallest first), with more memory when memory
/// is what ran out. Burstable sizes step up in baseline and credits before vCPUs
/// (t3.micro → t3.small), so the next size is the next in the list, not the next vCPU count.
fn next_size_up<'p>(
    family: &[&'p ComputePrice],
    current: &str,
    (vcpu, memory_gib): (u32, f64),
    memory_short: bool,
) -> Option<&'p ComputePrice> {
    let after = match family.iter().position(|p| p.type_name == current) {
        Some(i) => &family[i + 1..],
        None => family,
    };
    after
        .iter()
        .find(|p| {
            (p.vcpu >= vcpu && p.memory_gib >= memory_gib && p.type_name != current)
                && (!memory_short || p.memory_gib > memory_gib)
        })
        .copied()
}

/// The lowest CPU credit balance after the first day (every instance starts low).
fn credit_floor(
    series: Option<&Series>,
    window_start: Timestamp,
    launched: Timestamp,
) -> Option<f64> {
    let s = series?;
    let skip =
        ((launched.secs() + 86_400 - window_start.secs()).max(0) / i64::from(s.period)) as usize;
    s.values
        .iter()
        .skip(skip)
        .flatten()
        .copied()
        .reduce(f64::min)
}

fn instance_finding(
    fleet: &Fleet,
    instance: &Instance,
    metrics: &MetricIndex,
    prices: &PriceTable,
    t: &Thresholds,
    options: &Options,
    warnings: &mut Vec<String>,
) -> Option<Recommendation> {
    let new = |kind| {
        let mut r = Recommendation::new(
            Service::Ec2,
            &instance.id,
            &instance.region,
            &instance.tags,
            kind,
        );
        r.current_type = Some(instance.instance_type.clone());
        r
    };
    let windows = instance.platform.as_deref() == Some("windows");
    // The table holds Linux prices; a Windows instance gets its recommendation unpriced.
    let price_of = |type_name: &str| {
        if windows {
            None
        } else {
            prices.ec2(&instance.region, type_name)
        }
    };
    let current_price = price_of(&instance.instance_type);
    let monthly = current_price.map(|p| round2(p.monthly()));
    let cpu = metrics.get(&instance.id, MetricKind::CpuMax);
    let hours = hours(cpu);
    if hours < t.min_hours_of_data {
        return Some(insufficient(new(Kind::InsufficientData), hours, monthly, t));
    }
    let Some((vcpu, memory_gib)) = shape(fleet, prices, &instance.region, &instance.instance_type)
    else {
        warnings.push(format!(
            "{}: no vCPU/memory data for instance type {}; not right-sized",
            instance.id, instance.instance_type
        ));
        return None;
    };
    let values = cpu.expect("hours > 0 means a series");
    let p995 = percentile(values.present(), t.cpu_percentile).unwrap_or(0.0);
    let cpu_max = values.present().fold(0.0, f64::max);
    let mem_used = metrics
        .get(&instance.id, MetricKind::MemoryUsedMax)
        .and_then(|s| s.present().reduce(f64::max));
    let credits = if is_burstable(&instance.instance_type) {
        credit_floor(
            metrics.get(&instance.id, MetricKind::CpuCreditBalanceMin),
            fleet.window.start,
            instance.launched,
        )
    } else {
        None
    };
    let mut figures = Figures {
        cpu_p99_5: Some(round1(p995)),
        cpu_max: Some(round1(cpu_max)),
        mem_used_max_percent: mem_used.map(round1),
        mem_min_free_percent: mem_used.map(|m| round1(100.0 - m)),
        cpu_credit_balance_min: credits.map(round1),
        hours_of_data: Some(round1(hours)),
        ..Figures::default()
    };

    // Idle: Trusted Advisor's rule on daily averages.
    let days_low = idle_days(metrics, &instance.id, t);
    if days_low >= t.idle_days {
        let mut r = new(Kind::Idle);
        figures.days_low = Some(days_low);
        r.metrics = figures;
        r.monthly_cost = monthly;
        r.monthly_savings = monthly;
        r.reason = format!(
            "idle on {days_low} of the last {} days (daily CPU ≤ {} % and network ≤ {} MB, Trusted Advisor's rule): stop or terminate it",
            t.lookback_days.min(14), t.idle_cpu_percent, t.idle_network_mb
        );
        return Some(r);
    }

    let family_types = prices.ec2_family(&instance.region, family(&instance.instance_type));
    // Under-provisioned: a risk, sized up within the family.
    let memory_short = mem_used.is_some_and(|m| m > 100.0 - t.under_free_memory_percent);
    let credits_out = credits.is_some_and(|c| c < t.exhausted_credit_balance);
    if p995 > t.under_cpu_percent || memory_short || credits_out {
        let mut why = Vec::new();
        if p995 > t.under_cpu_percent {
            why.push(format!("P{} CPU is {} %", t.cpu_percentile, round1(p995)));
        }
        if memory_short {
            why.push(format!(
                "memory use reached {} %",
                round1(mem_used.unwrap_or(0.0))
            ));
        }
        if credits_out {
            why.push("its CPU credits ran out".to_string());
        }
        let next = next_size_up(
            &family_types,
            &instance.instance_type,
            (vcpu, memory_gib),
            memory_short,
        );
        let mut r = new(Kind::UnderProvisioned);
        r.metrics = figures;
        r.monthly_cost = monthly;
        match next {
            Some(next) => {
                r.recommended_type = Some(next.type_name.clone());
                r.monthly_extra_cost = current_price
                    .filter(|_| !windows)
                    .map(|c| round2((next.usd_per_hour - c.usd_per_hour) * HOURS_PER_MONTH));
                r.reason = format!(
                    "{}: move up to {} before it slows down or fails under load",
                    why.join(", "),
                    next.type_name
                );
            }
            None => {
                r.reason = format!(
                    "{}: it needs more capacity than its largest size gives; scale out or change family",
                    why.join(", ")
                );
            }
        }
        return Some(r);
    }

    // Over-provisioned: the cheapest type that holds P99.5 under the ceiling. Linux list
    // prices order the candidates even for Windows, whose saving is left unestimated.
    let current_price = prices.ec2(&instance.region, &instance.instance_type)?;
    let ceiling = t.cpu_ceiling();
    let used_gib = mem_used.map(|m| m / 100.0 * memory_gib);
    let previous = t
        .previous_generation
        .get(family(&instance.instance_type))
        .cloned();
    let mut families: Vec<String> =
        vec![previous.unwrap_or_else(|| family(&instance.instance_type).to_string())];
    if options.cross_family {
        families.extend(
            prices
                .ec2_families(&instance.region)
                .into_iter()
                .filter(|f| !t.previous_generation.contains_key(*f))
                .filter(|f| is_burstable(f) == is_burstable(&instance.instance_type))
                .map(str::to_string),
        );
    }
    // The observed average: daily averages where CloudWatch has them, else the mean of the
    // 5-minute maxima (never lower than the true average).
    let average = metrics
        .get(&instance.id, MetricKind::CpuDailyAverage)
        .and_then(|s| mean(s.present()))
        .or_else(|| mean(values.present()))
        .unwrap_or(0.0);
    // The safety rules, each a test in this module: P99.5 under the ceiling; memory kept
    // with the same headroom when measured, never less than today's when not; a burstable
    // target only under its baseline. A previous-generation type is judged through its
    // current-generation family, which `families` starts with.
    let fits = |p: &ComputePrice| {
        let projected = p995 * f64::from(vcpu) / f64::from(p.vcpu);
        let memory_ok = match used_gib {
            Some(used) => p.memory_gib * ceiling / 100.0 >= used,
            None => p.memory_gib >= memory_gib,
        };
        projected <= ceiling && memory_ok && sustains(p, average, vcpu)
    };
    let mut best: Option<&ComputePrice> = None;
    for f in &families {
        for p in prices.ec2_family(&instance.region, f) {
            if p.usd_per_hour < current_price.usd_per_hour
                && fits(p)
                && best.is_none_or(|b| p.usd_per_hour < b.usd_per_hour)
            {
                best = Some(p);
            }
        }
    }
    let best = best?;
    let projected = p995 * f64::from(vcpu) / f64::from(best.vcpu);
    figures.projected_cpu_p99_5 = Some(round1(projected));
    let mut r = new(Kind::OverProvisioned);
    r.metrics = figures;
    r.recommended_type = Some(best.type_name.clone());
    r.monthly_cost = monthly;
    r.monthly_savings = (!windows)
        .then(|| round2((current_price.usd_per_hour - best.usd_per_hour) * HOURS_PER_MONTH));
    let arch_note = match fleet.instance_types.get(&instance.instance_type) {
        Some(info)
            if is_graviton(&best.type_name) && !info.architectures.iter().any(|a| a == "arm64") =>
        {
            " (Graviton: needs arm64 builds)"
        }
        _ => "",
    };
    let windows_note = if windows {
        "; Windows licence prices are not in the table, so the saving is not estimated"
    } else {
        ""
    };
    let memory_note = if mem_used.is_none() {
        "; memory is not measured (no CloudWatch agent), so only sizes with at least today's memory were considered"
    } else {
        ""
    };
    let bandwidth_note = if best.vcpu < vcpu {
        "; a smaller size also has lower network and EBS bandwidth caps, check them"
    } else {
        ""
    };
    let burst_note = if is_burstable(&best.type_name) {
        format!(
            "; its average CPU ({} %) stays under {}'s {} % baseline",
            round1(average * f64::from(vcpu) / f64::from(best.vcpu)),
            best.type_name,
            burst_baseline_percent(&best.type_name).unwrap_or(0.0)
        )
    } else {
        String::new()
    };
    r.reason = format!(
        "P{} CPU is {} % of {} vCPUs; {}{arch_note} would run at {} % with {} % headroom{burst_note}{memory_note}{windows_note}{bandwidth_note}",
        t.cpu_percentile,
        round1(p995),
        vcpu,
        best.type_name,
        round1(projected),
        t.headroom_percent
    );
    Some(r)
}

/// Graviton families have a `g` after the generation digit: m6g, c7g, r8g, t4g.
fn is_graviton(type_name: &str) -> bool {
    let f = family(type_name).trim_start_matches("db.");
    f.chars()
        .skip_while(|c| c.is_ascii_alphabetic())
        .find(|c| !c.is_ascii_digit())
        == Some('g')
}

/// Days of the lookback on which daily CPU ≤ the idle CPU and network I/O ≤ the idle MB.
fn idle_days(metrics: &MetricIndex, id: &str, t: &Thresholds) -> u32 {
    let (Some(cpu), Some(net_in), Some(net_out)) = (
        metrics.get(id, MetricKind::CpuDailyAverage),
        metrics.get(id, MetricKind::NetworkInDaily),
        metrics.get(id, MetricKind::NetworkOutDaily),
    ) else {
        return 0;
    };
    let days = 14;
    let (cpu, net_in, net_out) = (cpu.last(days), net_in.last(days), net_out.last(days));
    cpu.iter()
        .zip(net_in)
        .zip(net_out)
        .filter(|((c, i), o)| match (c, i, o) {
            (Some(c), i, o) => {
                let network = i.unwrap_or(0.0) + o.unwrap_or(0.0);
                *c <= t.idle_cpu_percent && network <= t.idle_network_mb * MB
            }
            _ => false,
        })
        .count() as u32
}

/// A production database by its tags or name.
pub fn is_production(db: &Database, t: &Thresholds) -> bool {
    t.is_production(&db.tags, &[&db.id])
}

fn database_findings(
    db: &Database,
    metrics: &MetricIndex,
    prices: &PriceTable,
    t: &Thresholds,
    now: Timestamp,
    warnings: &mut Vec<String>,
) -> Vec<Recommendation> {
    let new = |kind| {
        let mut r = Recommendation::new(Service::Rds, &db.id, &db.region, &db.tags, kind);
        r.current_type = Some(db.class.clone());
        r
    };
    let mut found = Vec::new();
    let price = prices.rds(&db.region, &db.class, &db.engine, db.multi_az);
    let monthly = price.map(|p| round2(p.monthly()));
    if price.is_none() {
        let note = format!(
            "no list price for {} {} in {} in the price table; its findings are unpriced",
            db.engine, db.class, db.region
        );
        if !warnings.contains(&note) {
            warnings.push(note);
        }
    }

    // Resilience first: it does not depend on metrics.
    if !db.multi_az && db.cluster.is_none() && db.replica_of.is_none() && is_production(db, t) {
        let mut r = new(Kind::NotMultiAz);
        r.recommended_type = Some(db.class.clone());
        r.monthly_cost = monthly;
        r.monthly_extra_cost = prices
            .rds(&db.region, &db.class, &db.engine, true)
            .zip(price)
            .map(|(multi, single)| {
                round2((multi.usd_per_hour - single.usd_per_hour) * HOURS_PER_MONTH)
            });
        r.reason = "a production database in a single Availability Zone: an AZ outage or a failed host takes it down; enable Multi-AZ".to_string();
        found.push(r);
    }

    let cpu = metrics.get(&db.id, MetricKind::DbCpuMax);
    let hours = hours(cpu);
    if hours < t.min_hours_of_data {
        found.push(insufficient(new(Kind::InsufficientData), hours, monthly, t));
        return found;
    }
    let values = cpu.expect("hours > 0 means a series");
    let p995 = percentile(values.present(), t.cpu_percentile).unwrap_or(0.0);
    let cpu_max = values.present().fold(0.0, f64::max);
    let shape = price.map(|p| (p.vcpu, p.memory_gib)).or_else(|| {
        prices
            .rds(&db.region, &db.class, &db.engine, !db.multi_az)
            .map(|p| (p.vcpu, p.memory_gib))
    });
    let free_memory = metrics
        .get(&db.id, MetricKind::FreeableMemoryMin)
        .and_then(|s| s.present().reduce(f64::min));
    let free_memory_percent = free_memory
        .zip(shape)
        .map(|(free, (_, mem))| free / (mem * GIB) * 100.0);
    let free_storage_percent = metrics
        .get(&db.id, MetricKind::FreeStorageDailyMin)
        .and_then(|s| s.present().reduce(f64::min))
        .filter(|_| db.storage_gb > 0.0)
        .map(|free| free / (db.storage_gb * GIB) * 100.0);
    let connections = metrics.get(&db.id, MetricKind::ConnectionsDailyMax);
    let connections_max = connections.and_then(|s| s.present().reduce(f64::max));
    let credits = if is_burstable(&db.class) {
        credit_floor(
            metrics.get(&db.id, MetricKind::DbCpuCreditBalanceMin),
            Timestamp(now.secs() - i64::from(t.lookback_days) * 86_400),
            db.created,
        )
    } else {
        None
    };
    let mut figures = Figures {
        cpu_p99_5: Some(round1(p995)),
        cpu_max: Some(round1(cpu_max)),
        mem_min_free_percent: free_memory_percent.map(round1),
        storage_min_free_percent: free_storage_percent.map(round1),
        connections_max: connections_max.map(round1),
        cpu_credit_balance_min: credits.map(round1),
        hours_of_data: Some(round1(hours)),
        ..Figures::default()
    };

    // Idle: no connection on each of the last N days (Trusted Advisor), once it is that old.
    let days = t.rds_idle_days as usize;
    let old_enough = db.created.days_until(now) >= i64::from(t.rds_idle_days);
    if let Some(series) = connections.filter(|s| s.values.len() >= days && old_enough) {
        // Today's bucket may hold no datapoint yet: the last N days that have one decide.
        let mut values: Vec<Option<f64>> = series.values.clone();
        if values.last().is_some_and(Option::is_none) {
            values.pop();
        }
        let recent = &values[values.len().saturating_sub(days)..];
        if recent.len() == days && recent.iter().all(|v| v.is_some_and(|c| c <= 0.0)) {
            let mut r = new(Kind::Idle);
            figures.days_low = Some(t.rds_idle_days);
            r.metrics = figures;
            r.monthly_cost = monthly;
            r.monthly_savings = monthly;
            r.reason = format!(
                "no connection in the last {} days (Trusted Advisor's rule): snapshot it and delete it",
                t.rds_idle_days
            );
            found.push(r);
            return found;
        }
    }

    let Some((vcpu, memory_gib)) = shape else {
        return found;
    };
    let family_types = prices.rds_family(&db.region, family(&db.class), &db.engine, db.multi_az);
    let memory_short = free_memory_percent.is_some_and(|f| f < t.under_free_memory_percent);
    let storage_short = free_storage_percent.is_some_and(|f| f < t.under_free_storage_percent);
    let credits_out = credits.is_some_and(|c| c < t.exhausted_credit_balance);
    let cpu_short = p995 > t.under_cpu_percent;
    if cpu_short || memory_short || storage_short || credits_out {
        let mut why = Vec::new();
        if cpu_short {
            why.push(format!("P{} CPU is {} %", t.cpu_percentile, round1(p995)));
        }
        if memory_short {
            why.push(format!(
                "free memory fell to {} % of {} GiB",
                round1(free_memory_percent.unwrap_or(0.0)),
                memory_gib
            ));
        }
        if credits_out {
            why.push("its CPU credits ran out".to_string());
        }
        if storage_short {
            why.push(format!(
                "free storage fell to {} % of {} GB",
                round1(free_storage_percent.unwrap_or(0.0)),
                db.storage_gb
            ));
        }
        let mut r = new(Kind::UnderProvisioned);
        r.metrics = figures;
        r.monthly_cost = monthly;
        let next = (cpu_short || memory_short || credits_out)
            .then(|| next_size_up(&family_types, &db.class, (vcpu, memory_gib), memory_short))
            .flatten();
        match next {
            Some(next) => {
                r.recommended_type = Some(next.type_name.clone());
                r.monthly_extra_cost =
                    price.map(|c| round2((next.usd_per_hour - c.usd_per_hour) * HOURS_PER_MONTH));
                r.reason = format!(
                    "{}: move up to {} before it fails under load{}",
                    why.join(", "),
                    next.type_name,
                    if storage_short {
                        ", and add storage"
                    } else {
                        ""
                    }
                );
            }
            None if storage_short && !(cpu_short || memory_short || credits_out) => {
                r.recommended_type = Some(db.class.clone());
                r.reason = format!(
                    "{}: add storage or enable storage autoscaling",
                    why.join(", ")
                );
            }
            None => {
                r.reason = format!(
                    "{}: it needs more than its family's largest class; scale out (read replicas) or change family",
                    why.join(", ")
                );
            }
        }
        found.push(r);
        return found;
    }

    // Over-provisioned: a smaller class of the family that keeps CPU and memory headroom.
    let Some(current) = price else {
        return found;
    };
    let ceiling = t.cpu_ceiling();
    let used_gib = free_memory.map(|free| (memory_gib - free / GIB).max(0.0));
    let average = mean(values.present()).unwrap_or(0.0);
    let best = family_types
        .iter()
        .filter(|p| p.usd_per_hour < current.usd_per_hour)
        .filter(|p| p995 * f64::from(vcpu) / f64::from(p.vcpu) <= ceiling)
        .filter(|p| sustains(p, average, vcpu))
        .filter(|p| match used_gib {
            Some(used) => p.memory_gib * ceiling / 100.0 >= used,
            None => false,
        })
        .min_by(|a, b| a.usd_per_hour.total_cmp(&b.usd_per_hour));
    if let Some(best) = best {
        let projected = p995 * f64::from(vcpu) / f64::from(best.vcpu);
        figures.projected_cpu_p99_5 = Some(round1(projected));
        let mut r = new(Kind::OverProvisioned);
        r.metrics = figures;
        r.recommended_type = Some(best.type_name.clone());
        r.monthly_cost = monthly;
        r.monthly_savings = Some(round2(
            (current.usd_per_hour - best.usd_per_hour) * HOURS_PER_MONTH,
        ));
        r.reason = format!(
            "P{} CPU is {} % of {} vCPUs and at most {} of {} GiB memory is in use; {} would run at {} % CPU with {} % headroom",
            t.cpu_percentile,
            round1(p995),
            vcpu,
            round1(used_gib.unwrap_or(0.0)),
            memory_gib,
            best.type_name,
            round1(projected),
            t.headroom_percent
        );
        found.push(r);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::fleet::{InstanceTypeInfo, Window};
    use crate::cost::thresholds::ThresholdOverrides;

    const NOW: i64 = 1_790_000_000;

    fn thresholds() -> Thresholds {
        Thresholds::resolve(&ThresholdOverrides::default()).unwrap()
    }

    fn fleet() -> Fleet {
        Fleet::empty(
            Window {
                start: Timestamp(NOW - 14 * 86_400),
                end: Timestamp(NOW),
            },
            vec!["us-east-1".into()],
        )
    }

    fn instance(id: &str, type_name: &str) -> Instance {
        Instance {
            id: id.into(),
            region: "us-east-1".into(),
            account_id: None,
            instance_type: type_name.into(),
            state: "running".into(),
            launched: Timestamp(NOW - 60 * 86_400),
            state_since: None,
            platform: None,
            tags: Default::default(),
        }
    }

    fn database(id: &str, class: &str) -> Database {
        Database {
            id: id.into(),
            region: "us-east-1".into(),
            account_id: None,
            class: class.into(),
            engine: "postgres".into(),
            multi_az: true,
            storage_gb: 100.0,
            storage_type: Some("gp3".into()),
            status: "available".into(),
            created: Timestamp(NOW - 60 * 86_400),
            replica_of: None,
            cluster: None,
            tags: Default::default(),
        }
    }

    fn series(
        resource: &str,
        kind: MetricKind,
        slots: usize,
        value: impl Fn(usize) -> f64,
    ) -> Series {
        Series {
            resource: resource.into(),
            kind,
            period: kind.spec().period,
            values: (0..slots).map(|i| Some(value(i))).collect(),
        }
    }

    /// 14 days of 5-minute maxima, and daily CPU and network to match.
    fn busy_instance(fleet: &mut Fleet, id: &str, cpu: f64, network_bytes: f64) {
        fleet
            .metrics
            .push(series(id, MetricKind::CpuMax, 4032, |i| {
                if i % 300 == 0 {
                    cpu * 1.1
                } else {
                    cpu
                }
            }));
        fleet
            .metrics
            .push(series(id, MetricKind::CpuDailyAverage, 14, |_| cpu * 0.7));
        fleet
            .metrics
            .push(series(id, MetricKind::NetworkInDaily, 14, |_| {
                network_bytes / 2.0
            }));
        fleet
            .metrics
            .push(series(id, MetricKind::NetworkOutDaily, 14, |_| {
                network_bytes / 2.0
            }));
    }

    /// A fortnight of 5-minute CPU maxima and, when given, freeable-memory minima.
    fn loaded_database(fleet: &mut Fleet, id: &str, cpu: f64, free_gib: Option<f64>) {
        fleet
            .metrics
            .push(series(id, MetricKind::DbCpuMax, 4032, |_| cpu));
        if let Some(free) = free_gib {
            fleet
                .metrics
                .push(series(id, MetricKind::FreeableMemoryMin, 4032, |_| {
                    free * GIB
                }));
        }
    }

    fn run(fleet: &Fleet, cross_family: bool) -> Analysis {
        analyse(
            fleet,
            &PriceTable::embedded(),
            &thresholds(),
            Timestamp(NOW),
            &Options { cross_family },
        )
    }

    fn only(a: &Analysis) -> &Recommendation {
        assert_eq!(a.recommendations.len(), 1, "{:#?}", a.recommendations);
        &a.recommendations[0]
    }

    /// The CloudWatch agent's memory use, at most `percent`.
    fn memory_used(fleet: &mut Fleet, id: &str, percent: f64) {
        fleet
            .metrics
            .push(series(id, MetricKind::MemoryUsedMax, 4032, |_| percent));
    }

    #[test]
    fn a_quiet_instance_is_sized_down_within_its_family_with_headroom() {
        let mut f = fleet();
        f.instances.push(instance("i-1", "m5.4xlarge"));
        busy_instance(&mut f, "i-1", 12.0, 5e9);
        memory_used(&mut f, "i-1", 10.0);
        let r = run(&f, false);
        let r = only(&r);
        assert_eq!(r.finding, Kind::OverProvisioned);
        // 12 % of 16 vCPUs on 4 vCPUs is 48 %, on 2 vCPUs 96 %: m5.xlarge.
        assert_eq!(r.recommended_type.as_deref(), Some("m5.xlarge"));
        assert_eq!(r.metrics.projected_cpu_p99_5, Some(48.0));
        assert_eq!(r.monthly_cost, Some(560.64));
        assert_eq!(r.monthly_savings, Some(420.48));
        assert!(r.reason.contains("bandwidth caps"), "{}", r.reason);
    }

    #[test]
    fn unmeasured_memory_never_shrinks() {
        // The same quiet m5.4xlarge without the CloudWatch agent: every smaller m5 has
        // less memory, so nothing is recommended within the family…
        let mut f = fleet();
        f.instances.push(instance("i-1", "m5.4xlarge"));
        busy_instance(&mut f, "i-1", 12.0, 5e9);
        assert!(run(&f, false).recommendations.is_empty());
        // …and across families only a type with at least its 64 GiB.
        let a = run(&f, true);
        let r = only(&a);
        let best = r.recommended_type.as_deref().unwrap();
        let memory = PriceTable::embedded()
            .ec2("us-east-1", best)
            .unwrap()
            .memory_gib;
        assert!(memory >= 64.0, "{best}: {memory} GiB");
        assert!(r.reason.contains("memory is not measured"), "{}", r.reason);
    }

    #[test]
    fn a_burstable_target_only_under_its_baseline() {
        // t3.large at 4 % average CPU (daily averages) may become a smaller t3…
        let mut f = fleet();
        f.instances.push(instance("i-1", "t3.large"));
        busy_instance(&mut f, "i-1", 4.0 / 0.7, 5e9);
        memory_used(&mut f, "i-1", 15.0);
        let a = run(&f, false);
        let r = only(&a);
        assert_eq!(r.finding, Kind::OverProvisioned);
        let best = r.recommended_type.as_deref().unwrap();
        assert!(["t3.small", "t3.medium"].contains(&best), "{best}");
        assert!(r.reason.contains("baseline"), "{}", r.reason);
        // …at 35 % it may not: every smaller t3's baseline is at most 20 %.
        let mut f = fleet();
        f.instances.push(instance("i-1", "t3.large"));
        busy_instance(&mut f, "i-1", 35.0 / 0.7, 5e9);
        memory_used(&mut f, "i-1", 15.0);
        assert!(run(&f, false)
            .recommendations
            .iter()
            .all(|r| r.finding != Kind::OverProvisioned));
        assert_eq!(burst_baseline_percent("t3.nano"), Some(5.0));
        assert_eq!(burst_baseline_percent("db.t3.medium"), Some(20.0));
        assert_eq!(burst_baseline_percent("t2.2xlarge"), Some(17.0));
        assert_eq!(burst_baseline_percent("m5.large"), None);
    }

    #[test]
    fn a_previous_generation_burstable_is_judged_on_its_current_equivalent() {
        // The case: a t2.medium at about half its CPU, memory not measured, was sent
        // to t3.nano (an eighth of the memory, a 5 % baseline). Now: nothing that small.
        let mut f = fleet();
        f.instances.push(instance("i-1", "t2.medium"));
        busy_instance(&mut f, "i-1", 50.0, 5e9);
        assert!(run(&f, false)
            .recommendations
            .iter()
            .all(|r| r.finding != Kind::OverProvisioned));
        // A quiet one moves to the current generation at the same memory.
        let mut f = fleet();
        f.instances.push(instance("i-1", "t2.medium"));
        busy_instance(&mut f, "i-1", 10.0, 5e9);
        let a = run(&f, false);
        assert_eq!(only(&a).recommended_type.as_deref(), Some("t3.medium"));
    }

    #[test]
    fn cross_family_finds_a_cheaper_current_family_and_names_the_architecture() {
        let mut f = fleet();
        f.instances.push(instance("i-1", "m5.4xlarge"));
        f.instance_types.insert(
            "m5.4xlarge".into(),
            InstanceTypeInfo {
                vcpu: 16,
                memory_gib: 64.0,
                architectures: vec!["x86_64".into()],
                burstable: false,
            },
        );
        busy_instance(&mut f, "i-1", 12.0, 5e9);
        // 9.6 GiB in use: c6g.xlarge (8 GiB) cannot hold it, m6g.xlarge (16 GiB) can.
        memory_used(&mut f, "i-1", 15.0);
        let r = run(&f, true);
        let r = only(&r);
        assert_eq!(r.recommended_type.as_deref(), Some("m6g.xlarge"));
        assert!(r.reason.contains("Graviton"), "{}", r.reason);
    }

    #[test]
    fn windows_is_sized_but_not_priced() {
        let mut f = fleet();
        let mut i = instance("i-1", "m5.4xlarge");
        i.platform = Some("windows".into());
        f.instances.push(i);
        busy_instance(&mut f, "i-1", 12.0, 5e9);
        memory_used(&mut f, "i-1", 10.0);
        let a = run(&f, false);
        let r = only(&a);
        assert_eq!(r.recommended_type.as_deref(), Some("m5.xlarge"));
        assert_eq!((r.monthly_cost, r.monthly_savings), (None, None));
        assert!(r.reason.contains("Windows"), "{}", r.reason);
    }

    #[test]
    fn a_busy_instance_is_left_alone() {
        let mut f = fleet();
        f.instances.push(instance("i-1", "m5.large"));
        busy_instance(&mut f, "i-1", 60.0, 5e9);
        assert!(run(&f, false).recommendations.is_empty());
    }

    #[test]
    fn measured_memory_blocks_a_downsize_that_would_not_hold_it() {
        let mut f = fleet();
        f.instances.push(instance("i-1", "r5.2xlarge"));
        busy_instance(&mut f, "i-1", 10.0, 5e9);
        // 64 GiB, 70 % used = 44.8 GiB: r5.xlarge (32 GiB) cannot hold it.
        f.metrics
            .push(series("i-1", MetricKind::MemoryUsedMax, 4032, |_| 70.0));
        assert!(run(&f, false).recommendations.is_empty());
    }

    #[test]
    fn idle_by_trusted_advisor_needs_four_low_days() {
        let mut f = fleet();
        f.instances.push(instance("i-1", "m5.large"));
        busy_instance(&mut f, "i-1", 30.0, 5e9);
        // Three quiet days: not idle.
        for s in f
            .metrics
            .iter_mut()
            .filter(|s| s.kind != MetricKind::CpuMax)
        {
            for d in 0..3 {
                s.values[d] = Some(if s.kind == MetricKind::CpuDailyAverage {
                    2.0
                } else {
                    1e6
                });
            }
        }
        assert!(run(&f, false).recommendations.is_empty());
        for s in f
            .metrics
            .iter_mut()
            .filter(|s| s.kind != MetricKind::CpuMax)
        {
            s.values[3] = Some(if s.kind == MetricKind::CpuDailyAverage {
                2.0
            } else {
                1e6
            });
        }
        let a = run(&f, false);
        let r = only(&a);
        assert_eq!(r.finding, Kind::Idle);
        assert_eq!(r.metrics.days_low, Some(4));
        assert_eq!(r.monthly_savings, r.monthly_cost);
    }

    #[test]
    fn too_little_data_is_insufficient_not_optimized() {
        let mut f = fleet();
        f.instances.push(instance("i-1", "m5.4xlarge"));
        // 29 hours of 5-minute data at 1 % CPU.
        f.metrics
            .push(series("i-1", MetricKind::CpuMax, 29 * 12, |_| 1.0));
        let a = run(&f, false);
        assert_eq!(only(&a).finding, Kind::InsufficientData);
        assert_eq!(only(&a).metrics.hours_of_data, Some(29.0));
        f.metrics[0] = series("i-1", MetricKind::CpuMax, 30 * 12, |_| 1.0);
        memory_used(&mut f, "i-1", 10.0);
        assert_eq!(only(&run(&f, false)).finding, Kind::OverProvisioned);
    }

    #[test]
    fn a_saturated_or_starved_instance_is_under_provisioned() {
        let mut f = fleet();
        f.instances.push(instance("i-1", "c5.large"));
        busy_instance(&mut f, "i-1", 95.0, 5e9);
        let a = run(&f, false);
        let r = only(&a);
        assert_eq!(r.finding, Kind::UnderProvisioned);
        assert_eq!(r.recommended_type.as_deref(), Some("c5.xlarge"));
        assert_eq!(r.monthly_extra_cost, Some(62.05));
        assert_eq!(r.monthly_savings, None);
        // A burstable instance out of credits, at moderate CPU.
        let mut f = fleet();
        f.instances.push(instance("i-2", "t3.small"));
        busy_instance(&mut f, "i-2", 40.0, 5e9);
        f.metrics
            .push(series("i-2", MetricKind::CpuCreditBalanceMin, 336, |h| {
                if h > 300 {
                    0.0
                } else {
                    50.0
                }
            }));
        let a = run(&f, false);
        assert_eq!(only(&a).finding, Kind::UnderProvisioned);
        assert!(only(&a).reason.contains("credits ran out"));
        // The next burstable size earns more credits at the same vCPU count.
        assert_eq!(only(&a).recommended_type.as_deref(), Some("t3.medium"));
    }

    #[test]
    fn a_database_nobody_connects_to_is_idle_not_oversized() {
        // Fourteen days without a connection, today's bucket still empty (CloudWatch has
        // nothing for it yet), memory plentiful: idle, the whole cost saved.
        let mut f = fleet();
        f.databases.push(database("quiet", "db.r6g.4xlarge"));
        loaded_database(&mut f, "quiet", 2.0, Some(120.0));
        let mut connections = series("quiet", MetricKind::ConnectionsDailyMax, 14, |_| 0.0);
        connections.values.push(None);
        f.metrics.push(connections);
        let a = run(&f, false);
        assert_eq!(only(&a).finding, Kind::Idle);
        // The neighbour: one connection yesterday, so it is oversized, not idle.
        let mut f = fleet();
        f.databases.push(database("quiet", "db.r6g.4xlarge"));
        loaded_database(&mut f, "quiet", 2.0, Some(120.0));
        f.metrics
            .push(series("quiet", MetricKind::ConnectionsDailyMax, 14, |d| {
                if d == 13 {
                    1.0
                } else {
                    0.0
                }
            }));
        assert_eq!(only(&run(&f, false)).finding, Kind::OverProvisioned);
    }

    #[test]
    fn databases_oversized_undersized_idle_and_single_az_production() {
        let mut f = fleet();
        // Multi-AZ r6g.4xlarge at 12 % with 110 GiB free of 128: two sizes down fits.
        let mut big = database("orders-prod", "db.r6g.4xlarge");
        big.multi_az = true;
        f.databases.push(big);
        loaded_database(&mut f, "orders-prod", 12.0, Some(110.0));
        f.metrics.push(series(
            "orders-prod",
            MetricKind::ConnectionsDailyMax,
            14,
            |_| 40.0,
        ));
        let a = run(&f, false);
        let r = only(&a);
        assert_eq!(r.finding, Kind::OverProvisioned);
        assert_eq!(r.recommended_type.as_deref(), Some("db.r6g.xlarge"));
        assert_eq!(r.monthly_savings, Some(1971.0));

        let mut f = fleet();
        let mut small = database("staging-api", "db.t3.micro");
        small.multi_az = false;
        f.databases.push(small);
        loaded_database(&mut f, "staging-api", 95.0, Some(0.05));
        let a = run(&f, false);
        let r = only(&a);
        assert_eq!(r.finding, Kind::UnderProvisioned);
        assert_eq!(r.recommended_type.as_deref(), Some("db.t3.small"));
        assert_eq!(r.metrics.mem_min_free_percent, Some(5.0));

        let mut f = fleet();
        let mut prod = database("billing", "db.m5.large");
        prod.multi_az = false;
        prod.tags.insert("Environment".into(), "Production".into());
        f.databases.push(prod.clone());
        let mut staging = prod.clone();
        staging.id = "billing-staging".into();
        staging.tags.insert("Environment".into(), "staging".into());
        f.databases.push(staging);
        loaded_database(&mut f, "billing", 50.0, None);
        loaded_database(&mut f, "billing-staging", 50.0, None);
        let a = run(&f, false);
        let r = only(&a);
        assert_eq!(
            (r.finding, r.resource_id.as_str()),
            (Kind::NotMultiAz, "billing")
        );
        assert_eq!(r.monthly_extra_cost, Some(129.94));

        let mut f = fleet();
        f.databases.push(database("old-reports", "db.m5.large"));
        loaded_database(&mut f, "old-reports", 3.0, None);
        f.metrics.push(series(
            "old-reports",
            MetricKind::ConnectionsDailyMax,
            14,
            |d| if d < 7 { 2.0 } else { 0.0 },
        ));
        let a = run(&f, false);
        assert_eq!(only(&a).finding, Kind::Idle);
        // Six quiet days are not seven.
        f.metrics[1].values[7] = Some(1.0);
        assert!(run(&f, false)
            .recommendations
            .iter()
            .all(|r| r.finding != Kind::Idle));
    }
}
