//! Gathers a [`Fleet`] from AWS: the regions concurrently, in each the inventory calls
//! concurrently, then the instance shapes and the CloudWatch series of what runs.

use aws_config::{Region, SdkConfig};
use tokio::task::JoinSet;

use super::{explain, inventory, load_config, metrics, runtime};
use crate::cost::fleet::{Fleet, MetricKind, Window, FLEET_VERSION};
use crate::cost::rightsize::is_burstable;
use crate::error::{Error, Result};

/// Which regions to look at.
pub enum RegionChoice {
    /// The configured region (profile, AWS_REGION), else us-east-1.
    Configured,
    Listed(Vec<String>),
    /// Every region enabled for the account (DescribeRegions).
    All,
}

pub use crate::cost::fleet::Calls;

pub fn gather(
    profile: Option<&str>,
    regions: RegionChoice,
    window: Window,
) -> Result<(Fleet, Calls)> {
    let runtime = runtime()?;
    let listed_first = match &regions {
        RegionChoice::Listed(list) => list.first().cloned(),
        _ => None,
    };
    let config = load_config(&runtime, profile, listed_first.as_deref());
    let config = if config.region().is_none() {
        load_config(&runtime, profile, Some("us-east-1"))
    } else {
        config
    };
    runtime.block_on(gather_async(config, regions, window))
}

async fn gather_async(
    config: SdkConfig,
    regions: RegionChoice,
    window: Window,
) -> Result<(Fleet, Calls)> {
    let mut calls = Calls::default();
    let home = config
        .region()
        .map(|r| r.to_string())
        .unwrap_or_else(|| "us-east-1".into());
    let regions = match regions {
        RegionChoice::Configured => vec![home],
        RegionChoice::Listed(list) => list,
        RegionChoice::All => {
            let ec2 = aws_sdk_ec2::Client::new(&config);
            inventory::enabled_regions(&ec2, &mut calls.ec2).await?
        }
    };
    // Which snapshots are our own: GetCallerIdentity needs no permission.
    calls.sts += 1;
    let sts = aws_sdk_sts::Client::new(&config);
    let account = sts
        .get_caller_identity()
        .send()
        .await
        .map_err(|e| explain("sts:GetCallerIdentity", &e))?
        .account()
        .map(str::to_string);
    let mut tasks = JoinSet::new();
    for (order, region) in regions.iter().enumerate() {
        let config = config
            .clone()
            .into_builder()
            .region(Region::new(region.clone()))
            .build();
        let region = region.clone();
        let account = account.clone();
        tasks.spawn(async move {
            (
                order,
                gather_region(&config, &region, account.as_deref(), window).await,
            )
        });
    }
    let mut parts = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let (order, result) =
            joined.map_err(|e| Error::runtime(format!("a region's task failed: {e}")))?;
        parts.push((order, result?));
    }
    parts.sort_by_key(|(order, _)| *order);
    let mut fleet = Fleet::empty(window, regions);
    for (_, (part, part_calls)) in parts {
        calls.add(part_calls);
        fleet.instance_types.extend(part.instance_types);
        fleet.instances.extend(part.instances);
        fleet.databases.extend(part.databases);
        fleet.volumes.extend(part.volumes);
        fleet.snapshots.extend(part.snapshots);
        fleet.image_snapshot_ids.extend(part.image_snapshot_ids);
        fleet.addresses.extend(part.addresses);
        fleet.metrics.extend(part.metrics);
    }
    Ok((fleet, calls))
}

async fn gather_region(
    config: &SdkConfig,
    region: &str,
    account: Option<&str>,
    window: Window,
) -> Result<(Fleet, Calls)> {
    let ec2 = aws_sdk_ec2::Client::new(config);
    let rds = aws_sdk_rds::Client::new(config);
    // Each concurrent call counts its own pages.
    let (mut c_instances, mut c_volumes, mut c_snapshots, mut c_images, mut c_addresses) =
        (0, 0, 0, 0, 0);
    let (mut c_databases, mut c_types) = (0, 0);
    let (instances, volumes, snapshots, image_snapshot_ids, addresses, databases) = tokio::try_join!(
        inventory::instances(&ec2, region, &mut c_instances),
        inventory::volumes(&ec2, region, &mut c_volumes),
        inventory::snapshots(&ec2, region, account, &mut c_snapshots),
        inventory::image_snapshots(&ec2, &mut c_images),
        inventory::addresses(&ec2, region, &mut c_addresses),
        inventory::databases(&rds, region, &mut c_databases),
    )?;
    let mut types: Vec<String> = instances.iter().map(|i| i.instance_type.clone()).collect();
    types.sort();
    types.dedup();
    let instance_types = inventory::instance_types(&ec2, &types, &mut c_types).await?;

    let mut wanted = Vec::new();
    for i in instances.iter().filter(|i| i.state == "running") {
        wanted.extend(MetricKind::EC2.iter().map(|k| (i.id.clone(), *k)));
        if is_burstable(&i.instance_type) {
            wanted.push((i.id.clone(), MetricKind::CpuCreditBalanceMin));
        }
    }
    for d in databases.iter().filter(|d| d.status == "available") {
        wanted.extend(MetricKind::RDS.iter().map(|k| (d.id.clone(), *k)));
        if is_burstable(&d.class) {
            wanted.push((d.id.clone(), MetricKind::DbCpuCreditBalanceMin));
        }
    }
    let cloudwatch = aws_sdk_cloudwatch::Client::new(config);
    let fetched = if wanted.is_empty() {
        metrics::Fetched {
            series: Vec::new(),
            calls: 0,
        }
    } else {
        metrics::fetch(&cloudwatch, &wanted, window).await?
    };
    let calls = Calls {
        ec2: c_instances + c_volumes + c_snapshots + c_images + c_addresses + c_types,
        rds: c_databases,
        cloudwatch: fetched.calls,
        sts: 0,
        metrics_requested: wanted.len() as u64,
    };
    Ok((
        Fleet {
            version: FLEET_VERSION,
            window,
            regions: vec![region.to_string()],
            instance_types,
            instances,
            databases,
            volumes,
            snapshots,
            image_snapshot_ids,
            addresses,
            metrics: fetched.series,
        },
        calls,
    ))
}
