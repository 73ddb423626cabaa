//! Idle waste from the inventory alone: unattached volumes and addresses, volumes of
//! long-stopped instances, gp2 that would be cheaper as gp3, old snapshots of deleted
//! volumes, and previous-generation types. Pure: a fleet in, findings out.

use std::collections::{HashMap, HashSet};

use super::fleet::{Fleet, Volume};
use super::prices::{family, ComputePrice, PriceTable, HOURS_PER_MONTH};
use super::recommendation::{round2, Figures, Kind, Recommendation, Service};
use super::thresholds::Thresholds;
use crate::timestamp::Timestamp;

/// gp3 includes 3,000 IOPS and 125 MiB/s; gp2 gives 3 IOPS a GB (100 to 16,000) and up
/// to 250 MiB/s above 170 GB. The gp3 price that matches a gp2 volume's performance.
pub fn gp3_equivalent_monthly(prices: &PriceTable, region: &str, size_gb: f64) -> Option<f64> {
    let gp2_iops = (size_gb * 3.0).clamp(100.0, 16_000.0);
    let gp2_throughput: f64 = if size_gb > 170.0 { 250.0 } else { 125.0 };
    let storage = prices.ebs(region, "gp3")? * size_gb;
    let iops = (gp2_iops - 3000.0).max(0.0) * prices.ebs(region, "gp3-iops")?;
    let throughput = (gp2_throughput - 125.0).max(0.0) * prices.ebs(region, "gp3-throughput")?;
    Some(storage + iops + throughput)
}

/// A volume's monthly storage price (provisioned gp3 IOPS and throughput included).
pub fn volume_monthly(prices: &PriceTable, v: &Volume) -> Option<f64> {
    let storage = prices.ebs(&v.region, &v.volume_type)? * v.size_gb;
    let extra = if v.volume_type == "gp3" {
        v.iops.map_or(0.0, |i| (i - 3000.0).max(0.0))
            * prices.ebs(&v.region, "gp3-iops").unwrap_or(0.0)
            + v.throughput.map_or(0.0, |t| (t - 125.0).max(0.0))
                * prices.ebs(&v.region, "gp3-throughput").unwrap_or(0.0)
    } else {
        0.0
    };
    Some(round2(storage + extra))
}

pub fn analyse(
    fleet: &Fleet,
    prices: &PriceTable,
    t: &Thresholds,
    now: Timestamp,
) -> Vec<Recommendation> {
    let mut found = Vec::new();
    let instances: HashMap<&str, &super::fleet::Instance> =
        fleet.instances.iter().map(|i| (i.id.as_str(), i)).collect();
    for v in &fleet.volumes {
        let monthly = volume_monthly(prices, v);
        let new = |kind| {
            let mut r = Recommendation::new(Service::Ebs, &v.id, &v.region, &v.tags, kind);
            r.current_type = Some(v.volume_type.clone());
            r.metrics = Figures {
                size_gb: Some(v.size_gb),
                age_days: Some(v.created.days_until(now)),
                ..Figures::default()
            };
            r.monthly_cost = monthly;
            r
        };
        if v.state == "available" {
            let mut r = new(Kind::Unattached);
            r.monthly_savings = monthly;
            r.reason = format!(
                "a {} GB {} volume, created {} days ago, attached to nothing: snapshot it if needed, then delete it",
                v.size_gb, v.volume_type, v.created.days_until(now)
            );
            found.push(r);
            continue;
        }
        let stopped = v
            .instance_id
            .as_deref()
            .and_then(|id| instances.get(id))
            .filter(|i| i.state == "stopped")
            .and_then(|i| i.state_since.map(|since| (i, since.days_until(now))))
            .filter(|(_, days)| *days > i64::from(t.stopped_days));
        if let Some((instance, days)) = stopped {
            let mut r = new(Kind::Idle);
            r.metrics.days_low = Some(days as u32);
            r.monthly_savings = monthly;
            r.reason = format!(
                "attached to {}, stopped for {days} days: a stopped instance still pays for its volumes; snapshot and delete it, or terminate the instance",
                instance.id
            );
            found.push(r);
            continue;
        }
        if v.volume_type == "gp2" {
            if let (Some(now_cost), Some(gp3)) = (
                monthly,
                gp3_equivalent_monthly(prices, &v.region, v.size_gb),
            ) {
                let saving = round2(now_cost - gp3);
                if saving > 0.0 {
                    let mut r = new(Kind::Gp2ToGp3);
                    r.recommended_type = Some("gp3".into());
                    r.monthly_savings = Some(saving);
                    r.reason = format!(
                        "gp3 gives this {} GB volume the same IOPS and throughput for {} a month less; modify it in place, without downtime",
                        v.size_gb, super::diagnostics::money(saving)
                    );
                    found.push(r);
                }
            }
        }
    }

    let volumes: HashSet<&str> = fleet.volumes.iter().map(|v| v.id.as_str()).collect();
    let images: HashSet<&str> = fleet
        .image_snapshot_ids
        .iter()
        .map(String::as_str)
        .collect();
    for s in &fleet.snapshots {
        let age = s.started.days_until(now);
        let volume_gone = s.volume_id.as_deref().is_none_or(|v| !volumes.contains(v));
        if age > i64::from(t.snapshot_days) && volume_gone && !images.contains(s.id.as_str()) {
            let monthly = prices
                .snapshot_gb_month(&s.region)
                .map(|p| round2(p * s.size_gb));
            let mut r = Recommendation::new(
                Service::Snapshot,
                &s.id,
                &s.region,
                &s.tags,
                Kind::OldSnapshot,
            );
            r.metrics = Figures {
                size_gb: Some(s.size_gb),
                age_days: Some(age),
                ..Figures::default()
            };
            r.monthly_cost = monthly;
            r.monthly_savings = monthly;
            r.reason = format!(
                "{age} days old and its volume {} is gone, and no AMI uses it: delete it if nothing restores from it (saving at most the full size; snapshots are incremental)",
                s.volume_id.as_deref().unwrap_or("(none)")
            );
            found.push(r);
        }
    }

    for a in fleet.addresses.iter().filter(|a| !a.associated) {
        let monthly = prices
            .public_ipv4_hour(&a.region)
            .map(|p| round2(p * HOURS_PER_MONTH));
        let mut r = Recommendation::new(Service::Eip, &a.id, &a.region, &a.tags, Kind::Unattached);
        r.monthly_cost = monthly;
        r.monthly_savings = monthly;
        r.reason = format!(
            "Elastic IP {} is associated with nothing, and every public IPv4 address is billed by the hour: release it",
            a.public_ip
        );
        found.push(r);
    }

    for i in fleet.instances.iter().filter(|i| i.state == "running") {
        let windows = i.platform.as_deref() == Some("windows");
        if let Some(r) = previous_generation(
            Service::Ec2,
            &i.id,
            &i.region,
            &i.tags,
            &i.instance_type,
            t,
            prices.ec2(&i.region, &i.instance_type).filter(|_| !windows),
            |f| prices.ec2_family(&i.region, f),
        ) {
            found.push(r);
        }
    }
    for d in fleet.databases.iter().filter(|d| d.status == "available") {
        if let Some(r) = previous_generation(
            Service::Rds,
            &d.id,
            &d.region,
            &d.tags,
            &d.class,
            t,
            prices.rds(&d.region, &d.class, &d.engine, d.multi_az),
            |f| prices.rds_family(&d.region, f, &d.engine, d.multi_az),
        ) {
            found.push(r);
        }
    }
    found
}

#[allow(clippy::too_many_arguments)]
fn previous_generation<'p>(
    service: Service,
    id: &str,
    region: &str,
    tags: &super::fleet::Tags,
    type_name: &str,
    t: &Thresholds,
    current: Option<&'p ComputePrice>,
    family_of: impl Fn(&str) -> Vec<&'p ComputePrice>,
) -> Option<Recommendation> {
    let target_family = t.previous_generation.get(family(type_name))?;
    let size = type_name.rsplit_once('.').map(|(_, s)| s)?;
    let candidates = family_of(target_family);
    // The same size, else the smallest that holds the same vCPUs and memory.
    let target = candidates
        .iter()
        .find(|p| p.type_name.rsplit_once('.').is_some_and(|(_, s)| s == size))
        .or_else(|| {
            current.and_then(|c| {
                candidates
                    .iter()
                    .find(|p| p.vcpu >= c.vcpu && p.memory_gib >= c.memory_gib)
            })
        });
    let mut r = Recommendation::new(service, id, region, tags, Kind::PreviousGeneration);
    r.current_type = Some(type_name.to_string());
    r.monthly_cost = current.map(|c| round2(c.monthly()));
    match (target, current) {
        (Some(target), Some(current)) => {
            let saving = round2((current.usd_per_hour - target.usd_per_hour) * HOURS_PER_MONTH);
            if saving < 0.0 {
                return None;
            }
            r.recommended_type = Some(target.type_name.clone());
            r.monthly_savings = Some(saving);
            r.reason = format!(
                "{} is a previous generation; {} is faster and costs {} a month {}",
                type_name,
                target.type_name,
                super::diagnostics::money(saving.abs()),
                if saving > 0.0 { "less" } else { "the same" }
            );
        }
        (target, _) => {
            r.recommended_type = target.map(|p| p.type_name.clone());
            r.reason = format!(
                "{type_name} is a previous generation; move to the {target_family} family (no list price to compare)"
            );
        }
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::fleet::{Address, Instance, Snapshot, Window};
    use crate::cost::thresholds::ThresholdOverrides;

    const NOW: i64 = 1_790_000_000;
    const DAY: i64 = 86_400;

    fn fleet() -> Fleet {
        Fleet::empty(
            Window {
                start: Timestamp(NOW - 14 * DAY),
                end: Timestamp(NOW),
            },
            vec!["us-east-1".into()],
        )
    }

    fn volume(id: &str, kind: &str, size: f64, instance: Option<&str>) -> Volume {
        Volume {
            id: id.into(),
            region: "us-east-1".into(),
            account_id: None,
            volume_type: kind.into(),
            size_gb: size,
            iops: None,
            throughput: None,
            state: if instance.is_some() {
                "in-use"
            } else {
                "available"
            }
            .into(),
            instance_id: instance.map(str::to_string),
            created: Timestamp(NOW - 200 * DAY),
            tags: Default::default(),
        }
    }

    fn instance(id: &str, type_name: &str, state: &str, since_days: i64) -> Instance {
        Instance {
            id: id.into(),
            region: "us-east-1".into(),
            account_id: None,
            instance_type: type_name.into(),
            state: state.into(),
            launched: Timestamp(NOW - 400 * DAY),
            state_since: Some(Timestamp(NOW - since_days * DAY)),
            platform: None,
            tags: Default::default(),
        }
    }

    fn run(f: &Fleet) -> Vec<Recommendation> {
        let t = Thresholds::resolve(&ThresholdOverrides::default()).unwrap();
        analyse(f, &PriceTable::embedded(), &t, Timestamp(NOW))
    }

    fn kinds(list: &[Recommendation]) -> Vec<(&str, Kind)> {
        list.iter()
            .map(|r| (r.resource_id.as_str(), r.finding))
            .collect()
    }

    #[test]
    fn unattached_volumes_and_addresses_fire_attached_ones_do_not() {
        let mut f = fleet();
        f.instances
            .push(instance("i-1", "m5.large", "running", 100));
        f.volumes.push(volume("vol-free", "gp3", 500.0, None));
        f.volumes
            .push(volume("vol-used", "gp3", 500.0, Some("i-1")));
        f.addresses.push(Address {
            id: "eipalloc-free".into(),
            region: "us-east-1".into(),
            account_id: None,
            public_ip: "203.0.113.7".into(),
            associated: false,
            tags: Default::default(),
        });
        f.addresses.push(Address {
            id: "eipalloc-used".into(),
            region: "us-east-1".into(),
            account_id: None,
            public_ip: "203.0.113.8".into(),
            associated: true,
            tags: Default::default(),
        });
        let found = run(&f);
        assert_eq!(
            kinds(&found),
            [
                ("vol-free", Kind::Unattached),
                ("eipalloc-free", Kind::Unattached)
            ]
        );
        assert_eq!(found[0].monthly_savings, Some(40.0));
        assert_eq!(found[1].monthly_savings, Some(3.65));
    }

    #[test]
    fn volumes_of_long_stopped_instances_only() {
        let mut f = fleet();
        f.instances
            .push(instance("i-old", "m5.large", "stopped", 45));
        f.instances
            .push(instance("i-new", "m5.large", "stopped", 10));
        f.volumes
            .push(volume("vol-old", "gp3", 100.0, Some("i-old")));
        f.volumes
            .push(volume("vol-new", "gp3", 100.0, Some("i-new")));
        let found = run(&f);
        assert_eq!(kinds(&found), [("vol-old", Kind::Idle)]);
        assert_eq!(found[0].metrics.days_low, Some(45));
    }

    #[test]
    fn gp2_to_gp3_prices_matching_performance() {
        let mut f = fleet();
        f.instances
            .push(instance("i-1", "m5.large", "running", 100));
        f.volumes.push(volume("vol-gp2", "gp2", 100.0, Some("i-1")));
        f.volumes.push(volume("vol-gp3", "gp3", 100.0, Some("i-1")));
        let found = run(&f);
        assert_eq!(kinds(&found), [("vol-gp2", Kind::Gp2ToGp3)]);
        assert_eq!(found[0].monthly_savings, Some(2.0));
        // 2,000 GB of gp2 has 6,000 IOPS and 250 MiB/s; gp3 pays for the extras.
        let gp3 = gp3_equivalent_monthly(&PriceTable::embedded(), "us-east-1", 2000.0).unwrap();
        assert_eq!(round2(gp3), 160.0 + 15.0 + 5.0);
    }

    #[test]
    fn old_snapshots_of_deleted_volumes_that_no_image_uses() {
        let mut f = fleet();
        f.volumes.push(volume("vol-live", "gp3", 10.0, Some("i-x")));
        let snap = |id: &str, vol: &str, days: i64| Snapshot {
            id: id.into(),
            region: "us-east-1".into(),
            account_id: None,
            volume_id: Some(vol.into()),
            size_gb: 100.0,
            started: Timestamp(NOW - days * DAY),
            description: String::new(),
            tags: Default::default(),
        };
        f.snapshots.push(snap("snap-orphan", "vol-gone", 120));
        f.snapshots.push(snap("snap-young", "vol-gone", 30));
        f.snapshots.push(snap("snap-live", "vol-live", 120));
        f.snapshots.push(snap("snap-ami", "vol-gone", 120));
        f.image_snapshot_ids.push("snap-ami".into());
        let found = run(&f);
        assert_eq!(kinds(&found), [("snap-orphan", Kind::OldSnapshot)]);
        assert_eq!(found[0].monthly_savings, Some(5.0));
        assert_eq!(found[0].metrics.age_days, Some(120));
    }

    #[test]
    fn previous_generation_types_get_the_current_equivalent() {
        let mut f = fleet();
        f.instances
            .push(instance("i-m4", "m4.xlarge", "running", 100));
        f.instances
            .push(instance("i-m5", "m5.xlarge", "running", 100));
        f.instances
            .push(instance("i-t2-stopped", "t2.micro", "stopped", 1));
        let found = run(&f);
        assert_eq!(kinds(&found), [("i-m4", Kind::PreviousGeneration)]);
        assert_eq!(found[0].recommended_type.as_deref(), Some("m6i.xlarge"));
        assert_eq!(found[0].monthly_savings, Some(5.84));
    }
}
