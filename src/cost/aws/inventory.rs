//! What the account runs, per region: EC2 instances, volumes, snapshots, images and
//! addresses, instance-type shapes, and RDS instances. Every call paginated and counted.

use std::collections::BTreeMap;

use aws_sdk_ec2::types::{Filter, Tag};
use aws_sdk_ec2::Client as Ec2;
use aws_sdk_rds::Client as Rds;

use super::{explain, timestamp};
use crate::cost::fleet::{Address, Database, Instance, InstanceTypeInfo, Snapshot, Tags, Volume};
use crate::error::Result;
use crate::timestamp::Timestamp;

fn tags(list: &[Tag]) -> Tags {
    list.iter()
        .filter_map(|t| Some((t.key()?.to_string(), t.value().unwrap_or("").to_string())))
        .collect()
}

/// `User initiated (2026-11-30 11:10:30 GMT)` → that time. EC2 says when an instance
/// stopped only here.
pub fn transition_time(reason: &str) -> Option<Timestamp> {
    let inside = reason.rsplit_once('(')?.1.split_once(')')?.0;
    let mut parts = inside.split_whitespace();
    let (date, time) = (parts.next()?, parts.next()?);
    Timestamp::parse(&format!("{date}T{time}Z"))
}

pub async fn instances(ec2: &Ec2, region: &str, calls: &mut u64) -> Result<Vec<Instance>> {
    let mut out = Vec::new();
    let mut pages = ec2
        .describe_instances()
        .max_results(1000)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        *calls += 1;
        let page = page.map_err(|e| explain("ec2:DescribeInstances", &e))?;
        for reservation in page.reservations() {
            for i in reservation.instances() {
                let state = i
                    .state()
                    .and_then(|s| s.name())
                    .map(|n| n.as_str().to_string())
                    .unwrap_or_default();
                if state == "terminated" {
                    continue;
                }
                let (Some(id), Some(kind)) = (i.instance_id(), i.instance_type()) else {
                    continue;
                };
                out.push(Instance {
                    id: id.to_string(),
                    region: region.to_string(),
                    account_id: None,
                    instance_type: kind.as_str().to_string(),
                    state,
                    launched: i.launch_time().map(timestamp).unwrap_or(Timestamp(0)),
                    state_since: i.state_transition_reason().and_then(transition_time),
                    platform: i.platform().map(|p| p.as_str().to_lowercase()),
                    tags: tags(i.tags()),
                });
            }
        }
    }
    Ok(out)
}

pub async fn volumes(ec2: &Ec2, region: &str, calls: &mut u64) -> Result<Vec<Volume>> {
    let mut out = Vec::new();
    let mut pages = ec2
        .describe_volumes()
        .max_results(500)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        *calls += 1;
        let page = page.map_err(|e| explain("ec2:DescribeVolumes", &e))?;
        for v in page.volumes() {
            let Some(id) = v.volume_id() else { continue };
            out.push(Volume {
                id: id.to_string(),
                region: region.to_string(),
                account_id: None,
                volume_type: v
                    .volume_type()
                    .map(|t| t.as_str().to_string())
                    .unwrap_or_else(|| "standard".into()),
                size_gb: f64::from(v.size().unwrap_or(0)),
                iops: v.iops().map(f64::from),
                throughput: v.throughput().map(f64::from),
                state: v
                    .state()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default(),
                instance_id: v
                    .attachments()
                    .iter()
                    .find_map(|a| a.instance_id())
                    .filter(|i| !i.is_empty())
                    .map(str::to_string),
                created: v.create_time().map(timestamp).unwrap_or(Timestamp(0)),
                tags: tags(v.tags()),
            });
        }
    }
    Ok(out)
}

/// The account's own snapshots. `account`, when known, filters out any that a server
/// returns for other owners (moto ignores `OwnerIds=self` and lists public AMI snapshots).
pub async fn snapshots(
    ec2: &Ec2,
    region: &str,
    account: Option<&str>,
    calls: &mut u64,
) -> Result<Vec<Snapshot>> {
    let mut out = Vec::new();
    let mut pages = ec2
        .describe_snapshots()
        .owner_ids("self")
        .max_results(1000)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        *calls += 1;
        let page = page.map_err(|e| explain("ec2:DescribeSnapshots", &e))?;
        for s in page.snapshots() {
            let Some(id) = s.snapshot_id() else { continue };
            if account.is_some_and(|a| s.owner_id().is_some_and(|o| o != a)) {
                continue;
            }
            out.push(Snapshot {
                id: id.to_string(),
                region: region.to_string(),
                account_id: None,
                // Copies and AMI-made snapshots carry the placeholder vol-ffffffff.
                volume_id: s.volume_id().filter(|v| !v.is_empty()).map(str::to_string),
                size_gb: f64::from(s.volume_size().unwrap_or(0)),
                started: s.start_time().map(timestamp).unwrap_or(Timestamp(0)),
                description: s.description().unwrap_or("").to_string(),
                tags: tags(s.tags()),
            });
        }
    }
    Ok(out)
}

/// Snapshots behind the account's own AMIs: deleting them would break the image.
pub async fn image_snapshots(ec2: &Ec2, calls: &mut u64) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut pages = ec2
        .describe_images()
        .owners("self")
        .max_results(1000)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        *calls += 1;
        let page = page.map_err(|e| explain("ec2:DescribeImages", &e))?;
        for image in page.images() {
            for mapping in image.block_device_mappings() {
                if let Some(id) = mapping.ebs().and_then(|e| e.snapshot_id()) {
                    out.push(id.to_string());
                }
            }
        }
    }
    Ok(out)
}

pub async fn addresses(ec2: &Ec2, region: &str, calls: &mut u64) -> Result<Vec<Address>> {
    *calls += 1;
    let page = ec2
        .describe_addresses()
        .send()
        .await
        .map_err(|e| explain("ec2:DescribeAddresses", &e))?;
    Ok(page
        .addresses()
        .iter()
        .filter_map(|a| {
            let ip = a.public_ip()?.to_string();
            let associated = [
                a.association_id(),
                a.instance_id(),
                a.network_interface_id(),
            ]
            .into_iter()
            .flatten()
            .any(|x| !x.is_empty());
            Some(Address {
                id: a.allocation_id().map_or_else(|| ip.clone(), str::to_string),
                region: region.to_string(),
                account_id: None,
                public_ip: ip,
                associated,
                tags: tags(a.tags()),
            })
        })
        .collect())
}

/// vCPUs, memory and architectures of `types`, 100 names a call.
pub async fn instance_types(
    ec2: &Ec2,
    types: &[String],
    calls: &mut u64,
) -> Result<BTreeMap<String, InstanceTypeInfo>> {
    let mut out = BTreeMap::new();
    for chunk in types.chunks(100) {
        let mut pages = ec2
            .describe_instance_types()
            .set_instance_types(Some(chunk.iter().map(|t| t.as_str().into()).collect()))
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            *calls += 1;
            let page = page.map_err(|e| explain("ec2:DescribeInstanceTypes", &e))?;
            for t in page.instance_types() {
                let Some(name) = t.instance_type() else {
                    continue;
                };
                out.insert(
                    name.as_str().to_string(),
                    InstanceTypeInfo {
                        vcpu: t.v_cpu_info().and_then(|v| v.default_v_cpus()).unwrap_or(0) as u32,
                        memory_gib: t.memory_info().and_then(|m| m.size_in_mib()).unwrap_or(0)
                            as f64
                            / 1024.0,
                        architectures: t
                            .processor_info()
                            .map(|p| {
                                p.supported_architectures()
                                    .iter()
                                    .map(|a| a.as_str().to_string())
                                    .collect()
                            })
                            .unwrap_or_default(),
                        burstable: t.burstable_performance_supported().unwrap_or(false),
                    },
                );
            }
        }
    }
    Ok(out)
}

/// The regions this account has enabled (`--all-regions`).
pub async fn enabled_regions(ec2: &Ec2, calls: &mut u64) -> Result<Vec<String>> {
    *calls += 1;
    let page = ec2
        .describe_regions()
        .filters(
            Filter::builder()
                .name("opt-in-status")
                .values("opt-in-not-required")
                .values("opted-in")
                .build(),
        )
        .send()
        .await
        .map_err(|e| explain("ec2:DescribeRegions", &e))?;
    let mut names: Vec<String> = page
        .regions()
        .iter()
        .filter_map(|r| r.region_name().map(str::to_string))
        .collect();
    names.sort();
    Ok(names)
}

pub async fn databases(rds: &Rds, region: &str, calls: &mut u64) -> Result<Vec<Database>> {
    let mut out = Vec::new();
    let mut pages = rds
        .describe_db_instances()
        .max_records(100)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        *calls += 1;
        let page = page.map_err(|e| explain("rds:DescribeDBInstances", &e))?;
        for d in page.db_instances() {
            let (Some(id), Some(class)) = (d.db_instance_identifier(), d.db_instance_class())
            else {
                continue;
            };
            out.push(Database {
                id: id.to_string(),
                region: region.to_string(),
                account_id: None,
                class: class.to_string(),
                engine: d.engine().unwrap_or("").to_string(),
                multi_az: d.multi_az().unwrap_or(false),
                storage_gb: f64::from(d.allocated_storage().unwrap_or(0)),
                storage_type: d.storage_type().map(str::to_string),
                status: d.db_instance_status().unwrap_or("").to_string(),
                created: d
                    .instance_create_time()
                    .map(|t| Timestamp(t.secs()))
                    .unwrap_or(Timestamp(0)),
                replica_of: d
                    .read_replica_source_db_instance_identifier()
                    .map(str::to_string),
                cluster: d.db_cluster_identifier().map(str::to_string),
                tags: d
                    .tag_list()
                    .iter()
                    .filter_map(|t| {
                        Some((t.key()?.to_string(), t.value().unwrap_or("").to_string()))
                    })
                    .collect(),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_times_come_from_the_transition_reason() {
        assert_eq!(
            transition_time("User initiated (2026-08-01 10:20:30 GMT)").map(|t| t.to_string()),
            Some("2026-08-01T10:20:30Z".to_string())
        );
        assert_eq!(transition_time(""), None);
        assert_eq!(transition_time("Server.SpotInstanceTermination"), None);
    }
}
