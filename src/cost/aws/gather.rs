//! Gathers a [`Fleet`] from AWS: every account (the caller's, `--accounts`, or an
//! organisation's, each through an assumed role) × every region, at most `concurrency` at
//! a time; in each, the inventory calls concurrently, then the instance shapes and the
//! CloudWatch series of what runs.

use std::sync::Arc;

use aws_config::{Region, SdkConfig};
use aws_sdk_sts::config::{Credentials, SharedCredentialsProvider};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::{ecs, explain, inventory, load_config, metrics, runtime};
use crate::cost::accounts::{AccountChoice, Reach};
use crate::cost::fleet::{Account, Fleet, MetricKind, UnreadAccount, Window, FLEET_VERSION};
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
    reach: &Reach,
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
    runtime.block_on(gather_async(config, regions, window, reach))
}

/// One account to read: its ID, name, and the configuration that reaches it.
struct Reached {
    id: String,
    name: Option<String>,
    config: SdkConfig,
}

async fn gather_async(
    config: SdkConfig,
    regions: RegionChoice,
    window: Window,
    reach: &Reach,
) -> Result<(Fleet, Calls)> {
    let mut calls = Calls::default();
    // Whose credentials these are: GetCallerIdentity needs no permission.
    calls.sts += 1;
    let sts = aws_sdk_sts::Client::new(&config);
    let caller = sts
        .get_caller_identity()
        .send()
        .await
        .map_err(|e| explain("sts:GetCallerIdentity", &e))?
        .account()
        .map(str::to_string)
        .unwrap_or_default();

    let wanted: Vec<(String, Option<String>)> = match &reach.accounts {
        AccountChoice::Caller => vec![(caller.clone(), None)],
        AccountChoice::Listed(ids) => ids.iter().map(|id| (id.clone(), None)).collect(),
        AccountChoice::Organization => {
            organization_accounts(&config, &mut calls.organizations).await?
        }
    };
    let (reached, mut unread) = assume_all(&config, &caller, &wanted, reach, &mut calls).await;
    if reached.is_empty() {
        let first = unread
            .first()
            .map(|u| format!("{}: {}", u.id, u.reason))
            .unwrap_or_else(|| "the organisation lists no active account".into());
        return Err(Error::runtime(format!("no account could be read ({first})"))
            .with_hint(format!(
                "each account needs the role {} that the caller may assume; docs/iam-member-role.json is its policy",
                reach.role_name
            )));
    }

    let semaphore = Arc::new(Semaphore::new(reach.concurrency.max(1)));
    let multi = reach.accounts != AccountChoice::Caller;
    let mut all_regions = Vec::new();
    let mut tasks = JoinSet::new();
    let mut order = 0usize;
    for account in &reached {
        let home = account
            .config
            .region()
            .map(|r| r.to_string())
            .unwrap_or_else(|| "us-east-1".into());
        let regions = match &regions {
            RegionChoice::Configured => vec![home],
            RegionChoice::Listed(list) => list.clone(),
            RegionChoice::All => {
                let ec2 = aws_sdk_ec2::Client::new(&account.config);
                match inventory::enabled_regions(&ec2, &mut calls.ec2).await {
                    Ok(list) => list,
                    Err(e) if multi => {
                        unread.push(UnreadAccount {
                            id: account.id.clone(),
                            reason: e.to_string(),
                        });
                        continue;
                    }
                    Err(e) => return Err(e),
                }
            }
        };
        for region in regions {
            if !all_regions.contains(&region) {
                all_regions.push(region.clone());
            }
            let config = account
                .config
                .clone()
                .into_builder()
                .region(Region::new(region.clone()))
                .build();
            let id = account.id.clone();
            let semaphore = Arc::clone(&semaphore);
            let unit = order;
            order += 1;
            tasks.spawn(async move {
                let _permit = semaphore.acquire_owned().await;
                let result = gather_region(&config, &region, Some(&id), window).await;
                (unit, id, result)
            });
        }
    }
    let mut parts = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let (unit, account, result) =
            joined.map_err(|e| Error::runtime(format!("a region's task failed: {e}")))?;
        match result {
            Ok(part) => parts.push((unit, account, part)),
            // One account's refusal must not hide the others; alone, it is the error.
            Err(e) if multi => {
                if !unread.iter().any(|u| u.id == account) {
                    unread.push(UnreadAccount {
                        id: account,
                        reason: e.to_string(),
                    });
                }
            }
            Err(e) => return Err(e),
        }
    }
    parts.sort_by_key(|(unit, _, _)| *unit);
    let mut fleet = Fleet::empty(window, all_regions);
    for (_, account, (mut part, part_calls)) in parts {
        calls.add(part_calls);
        if unread.iter().any(|u| u.id == account) {
            continue;
        }
        part.stamp_account(&account);
        fleet.absorb(part);
    }
    fleet.accounts = reached
        .into_iter()
        .filter(|a| !unread.iter().any(|u| u.id == a.id))
        .map(|a| Account {
            id: a.id,
            name: a.name,
        })
        .collect();
    unread.sort_by(|a, b| a.id.cmp(&b.id));
    fleet.unread_accounts = unread;
    Ok((fleet, calls))
}

/// Account ID → name, for every account of the caller's organisation.
pub fn organization_names(
    profile: Option<&str>,
) -> Result<std::collections::HashMap<String, String>> {
    let runtime = runtime()?;
    let config = load_config(&runtime, profile, Some("us-east-1"));
    let mut calls = 0;
    let accounts = runtime.block_on(organization_accounts(&config, &mut calls))?;
    Ok(accounts
        .into_iter()
        .filter_map(|(id, name)| Some((id, name?)))
        .collect())
}

/// The organisation's active accounts with their names.
async fn organization_accounts(
    config: &SdkConfig,
    calls: &mut u64,
) -> Result<Vec<(String, Option<String>)>> {
    // Organizations answers in us-east-1 for the commercial partition.
    let config = config
        .clone()
        .into_builder()
        .region(Region::new("us-east-1"))
        .build();
    let organizations = aws_sdk_organizations::Client::new(&config);
    let mut out = Vec::new();
    let mut pages = organizations.list_accounts().into_paginator().send();
    while let Some(page) = pages.next().await {
        *calls += 1;
        let page = page.map_err(|e| explain("organizations:ListAccounts", &e))?;
        for account in page.accounts() {
            let active = account
                .state()
                .map(|s| s.as_str() == "ACTIVE")
                .or_else(|| {
                    #[allow(deprecated)]
                    account.status().map(|s| s.as_str() == "ACTIVE")
                })
                .unwrap_or(true);
            if let (true, Some(id)) = (active, account.id()) {
                out.push((id.to_string(), account.name().map(str::to_string)));
            }
        }
    }
    Ok(out)
}

/// Assumes the role in every wanted account but the caller's own (read with the caller's
/// credentials); an account whose role cannot be assumed is set aside with the reason.
async fn assume_all(
    config: &SdkConfig,
    caller: &str,
    wanted: &[(String, Option<String>)],
    reach: &Reach,
    calls: &mut Calls,
) -> (Vec<Reached>, Vec<UnreadAccount>) {
    let semaphore = Arc::new(Semaphore::new(reach.concurrency.max(1)));
    let mut tasks = JoinSet::new();
    let mut reached = Vec::new();
    let mut unread = Vec::new();
    for (order, (id, name)) in wanted.iter().enumerate() {
        if id == caller {
            reached.push((
                order,
                Reached {
                    id: id.clone(),
                    name: name.clone(),
                    config: config.clone(),
                },
            ));
            continue;
        }
        calls.sts += 1;
        let role = format!("arn:aws:iam::{id}:role/{}", reach.role_name);
        let (config, semaphore) = (config.clone(), Arc::clone(&semaphore));
        let (id, name, external_id) = (id.clone(), name.clone(), reach.external_id.clone());
        tasks.spawn(async move {
            let _permit = semaphore.acquire_owned().await;
            let sts = aws_sdk_sts::Client::new(&config);
            let answer = sts
                .assume_role()
                .role_arn(&role)
                .role_session_name("opsguard")
                .set_external_id(external_id)
                .send()
                .await;
            let result = match answer {
                Ok(out) => match out.credentials() {
                    Some(c) => {
                        let credentials = Credentials::new(
                            c.access_key_id(),
                            c.secret_access_key(),
                            Some(c.session_token().to_string()),
                            None,
                            "opsguard-assume-role",
                        );
                        Ok(config
                            .into_builder()
                            .credentials_provider(SharedCredentialsProvider::new(credentials))
                            .build())
                    }
                    None => Err(format!("sts:AssumeRole on {role} returned no credentials")),
                },
                Err(e) => {
                    let error = explain("sts:AssumeRole", &e);
                    Err(format!("cannot assume {role}: {error}"))
                }
            };
            (order, id, name, result)
        });
    }
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok((order, id, name, Ok(config))) => {
                reached.push((order, Reached { id, name, config }))
            }
            Ok((_, id, _, Err(reason))) => unread.push(UnreadAccount { id, reason }),
            Err(e) => unread.push(UnreadAccount {
                id: "?".into(),
                reason: format!("the task assuming a role failed: {e}"),
            }),
        }
    }
    reached.sort_by_key(|(order, _)| *order);
    (reached.into_iter().map(|(_, r)| r).collect(), unread)
}

async fn gather_region(
    config: &SdkConfig,
    region: &str,
    account: Option<&str>,
    window: Window,
) -> Result<(Fleet, Calls)> {
    let ec2 = aws_sdk_ec2::Client::new(config);
    let rds = aws_sdk_rds::Client::new(config);
    let ecs_client = aws_sdk_ecs::Client::new(config);
    let autoscaling = aws_sdk_applicationautoscaling::Client::new(config);
    // Each concurrent call counts its own pages.
    let (mut c_instances, mut c_volumes, mut c_snapshots, mut c_images, mut c_addresses) =
        (0, 0, 0, 0, 0);
    let (mut c_databases, mut c_types) = (0, 0);
    let mut c_ecs = ecs::EcsCalls::default();
    let (instances, volumes, snapshots, image_snapshot_ids, addresses, databases, services) = tokio::try_join!(
        inventory::instances(&ec2, region, &mut c_instances),
        inventory::volumes(&ec2, region, &mut c_volumes),
        inventory::snapshots(&ec2, region, account, &mut c_snapshots),
        inventory::image_snapshots(&ec2, &mut c_images),
        inventory::addresses(&ec2, region, &mut c_addresses),
        inventory::databases(&rds, region, &mut c_databases),
        ecs::services(&ecs_client, &autoscaling, region, &mut c_ecs),
    )?;
    let mut types: Vec<String> = instances.iter().map(|i| i.instance_type.clone()).collect();
    types.sort();
    types.dedup();
    let instance_types = inventory::instance_types(&ec2, &types, &mut c_types).await?;

    let mut wanted = Vec::new();
    for i in instances.iter().filter(|i| i.state == "running") {
        wanted.extend(
            MetricKind::EC2
                .iter()
                .map(|k| metrics::Wanted::of(&i.id, *k)),
        );
        if is_burstable(&i.instance_type) {
            wanted.push(metrics::Wanted::of(&i.id, MetricKind::CpuCreditBalanceMin));
        }
    }
    for d in databases.iter().filter(|d| d.status == "available") {
        wanted.extend(
            MetricKind::RDS
                .iter()
                .map(|k| metrics::Wanted::of(&d.id, *k)),
        );
        if is_burstable(&d.class) {
            wanted.push(metrics::Wanted::of(
                &d.id,
                MetricKind::DbCpuCreditBalanceMin,
            ));
        }
    }
    for s in services.iter().filter(|s| s.running_count > 0) {
        let series = |kind| metrics::Wanted {
            resource: s.arn.clone(),
            kind,
            dimensions: vec![s.cluster.clone(), s.name.clone()],
        };
        wanted.extend(MetricKind::ECS.into_iter().map(series));
        if s.container_insights {
            wanted.push(series(MetricKind::EcsRunningTasks));
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
        ecs: c_ecs.ecs,
        application_autoscaling: c_ecs.application_autoscaling,
        cloudwatch: fetched.calls,
        sts: 0,
        organizations: 0,
        metrics_requested: wanted.len() as u64,
    };
    let mut fleet = Fleet::empty(window, vec![region.to_string()]);
    fleet.version = FLEET_VERSION;
    fleet.instance_types = instance_types;
    fleet.instances = instances;
    fleet.databases = databases;
    fleet.volumes = volumes;
    fleet.snapshots = snapshots;
    fleet.image_snapshot_ids = image_snapshot_ids;
    fleet.addresses = addresses;
    fleet.services = services;
    fleet.metrics = fetched.series;
    Ok((fleet, calls))
}
