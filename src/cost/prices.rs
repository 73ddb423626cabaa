//! On-demand list prices: the table embedded from `rules/cost/prices.csv`, or a file
//! `cost prices refresh` wrote. Lookups by region and type; sizes within a family.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result, SourcePos};

pub const EMBEDDED: &str = include_str!("../../rules/cost/prices.csv");
pub const EMBEDDED_NAME: &str = "rules/cost/prices.csv (embedded)";
pub const HOURS_PER_MONTH: f64 = 730.0;
pub const HEADER: &str = "service,region,type,engine,deployment,vcpu,memory_gib,usd,unit";

/// One compute price: an EC2 type, or an RDS class for one engine and deployment.
#[derive(Debug, Clone, PartialEq)]
pub struct ComputePrice {
    pub type_name: String,
    pub vcpu: u32,
    pub memory_gib: f64,
    pub usd_per_hour: f64,
}

impl ComputePrice {
    pub fn monthly(&self) -> f64 {
        self.usd_per_hour * HOURS_PER_MONTH
    }
}

/// What a Fargate task costs an hour per vCPU and per GB of memory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FargateRates {
    pub vcpu_hour: f64,
    pub gb_hour: f64,
}

/// A row of the CSV, as `cost prices refresh` writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceRow {
    pub service: String,
    pub region: String,
    pub type_name: String,
    pub engine: String,
    pub deployment: String,
    pub vcpu: Option<u32>,
    pub memory_gib: Option<f64>,
    pub usd: f64,
    pub unit: String,
}

impl PriceRow {
    pub fn to_csv(&self) -> String {
        format!(
            "{},{},{},{},{},{},{},{},{}",
            self.service,
            self.region,
            self.type_name,
            self.engine,
            self.deployment,
            self.vcpu.map(|v| v.to_string()).unwrap_or_default(),
            self.memory_gib.map(trim_number).unwrap_or_default(),
            trim_number(self.usd),
            self.unit
        )
    }
}

fn trim_number(x: f64) -> String {
    let text = format!("{x:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[derive(Debug, Default)]
pub struct PriceTable {
    /// Where the table came from, and the date its header gives.
    pub source: String,
    pub date: Option<String>,
    ec2: HashMap<(String, String), ComputePrice>,
    rds: HashMap<(String, String, String, bool), ComputePrice>,
    /// (service, region, type) → price per unit (GB-month, hour, …).
    other: HashMap<(String, String, String), f64>,
    /// (region, family) → the family's types, by vCPUs then memory.
    ec2_families: HashMap<(String, String), Vec<ComputePrice>>,
    rds_families: HashMap<(String, String, String, bool), Vec<ComputePrice>>,
}

/// `m5.xlarge` → `m5`; `db.r6g.large` → `db.r6g`.
pub fn family(type_name: &str) -> &str {
    type_name.rsplit_once('.').map_or(type_name, |(f, _)| f)
}

/// The engine whose prices apply: Aurora and commercial engines have none in the table.
pub fn engine_key(engine: &str) -> &str {
    match engine {
        "postgres" => "postgres",
        "mysql" => "mysql",
        "mariadb" => "mariadb",
        other => other,
    }
}

impl PriceTable {
    pub fn embedded() -> PriceTable {
        PriceTable::parse(EMBEDDED, Path::new(EMBEDDED_NAME))
            .expect("the embedded price table parses (tested)")
    }

    pub fn load(path: &Path) -> Result<PriceTable> {
        let text = crate::input::read_text(path, crate::input::Named::InConfig)?;
        PriceTable::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<PriceTable> {
        let mut table = PriceTable {
            source: crate::paths::display_path(path),
            ..PriceTable::default()
        };
        let mut header_seen = false;
        for (index, line) in text.lines().enumerate() {
            let at = |column: usize, message: String| {
                Error::input(SourcePos::new(path, index + 1, Some(column)), message)
            };
            let line = line.trim_end_matches('\r');
            if let Some(comment) = line.strip_prefix('#') {
                if let Some(date) = comment.trim().strip_prefix("date:") {
                    table.date = Some(date.trim().to_string());
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            if !header_seen {
                if line != HEADER {
                    return Err(at(1, format!("expected the header `{HEADER}`")));
                }
                header_seen = true;
                continue;
            }
            let fields: Vec<&str> = line.split(',').collect();
            if fields.len() != 9 {
                return Err(at(
                    1,
                    format!("expected 9 comma-separated fields, found {}", fields.len()),
                ));
            }
            let column_of = |n: usize| fields[..n].iter().map(|f| f.len() + 1).sum::<usize>() + 1;
            let number = |n: usize| -> Result<Option<f64>> {
                if fields[n].is_empty() {
                    return Ok(None);
                }
                match fields[n].parse::<f64>() {
                    Ok(x) if x.is_finite() && x >= 0.0 => Ok(Some(x)),
                    _ => Err(at(
                        column_of(n),
                        format!("`{}` is not a non-negative number", fields[n]),
                    )),
                }
            };
            let usd =
                number(7)?.ok_or_else(|| at(column_of(7), "the price (usd) is missing".into()))?;
            let vcpu = number(5)?.map(|v| v as u32);
            let memory = number(6)?;
            let (service, region, type_name) = (fields[0], fields[1], fields[2]);
            let compute = |vcpu: Option<u32>, memory: Option<f64>| -> Result<ComputePrice> {
                match (vcpu, memory) {
                    (Some(vcpu), Some(memory_gib)) => Ok(ComputePrice {
                        type_name: type_name.to_string(),
                        vcpu,
                        memory_gib,
                        usd_per_hour: usd,
                    }),
                    _ => Err(at(
                        column_of(5),
                        format!("{service} {type_name}: vcpu and memory_gib are required"),
                    )),
                }
            };
            match service {
                "ec2" => {
                    table.ec2.insert(
                        (region.to_string(), type_name.to_string()),
                        compute(vcpu, memory)?,
                    );
                }
                "rds" => {
                    let multi_az = match fields[4] {
                        "single-az" => false,
                        "multi-az" => true,
                        other => {
                            return Err(at(
                                column_of(4),
                                format!("deployment `{other}`: expected single-az or multi-az"),
                            ))
                        }
                    };
                    table.rds.insert(
                        (
                            region.to_string(),
                            type_name.to_string(),
                            fields[3].to_string(),
                            multi_az,
                        ),
                        compute(vcpu, memory)?,
                    );
                }
                "ebs" | "ebs-snapshot" | "ipv4" | "fargate" => {
                    table.other.insert(
                        (
                            service.to_string(),
                            region.to_string(),
                            type_name.to_string(),
                        ),
                        usd,
                    );
                }
                other => {
                    return Err(at(
                        1,
                        format!(
                        "service `{other}`: expected ec2, rds, ebs, ebs-snapshot, ipv4 or fargate"
                    ),
                    ))
                }
            }
        }
        if !header_seen {
            return Err(Error::input(
                SourcePos::new(path, 1, None),
                format!("no header `{HEADER}`: not a price table"),
            ));
        }
        table.index_families();
        Ok(table)
    }

    fn index_families(&mut self) {
        let order = |a: &ComputePrice, b: &ComputePrice| {
            (a.vcpu, a.memory_gib, a.usd_per_hour)
                .partial_cmp(&(b.vcpu, b.memory_gib, b.usd_per_hour))
                .unwrap_or(std::cmp::Ordering::Equal)
        };
        let mut ec2: HashMap<(String, String), Vec<&ComputePrice>> = HashMap::new();
        for ((region, name), price) in &self.ec2 {
            ec2.entry((region.clone(), family(name).to_string()))
                .or_default()
                .push(price);
        }
        self.ec2_families = ec2
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_by(|a, b| order(a, b));
                (k, v.into_iter().cloned().collect())
            })
            .collect();
        let mut rds: HashMap<(String, String, String, bool), Vec<&ComputePrice>> = HashMap::new();
        for ((region, name, engine, multi_az), price) in &self.rds {
            rds.entry((
                region.clone(),
                family(name).to_string(),
                engine.clone(),
                *multi_az,
            ))
            .or_default()
            .push(price);
        }
        self.rds_families = rds
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_by(|a, b| order(a, b));
                (k, v.into_iter().cloned().collect())
            })
            .collect();
    }

    pub fn ec2(&self, region: &str, type_name: &str) -> Option<&ComputePrice> {
        self.ec2.get(&(region.to_string(), type_name.to_string()))
    }

    /// The types of `family` in `region`, smallest first.
    pub fn ec2_family(&self, region: &str, family: &str) -> Vec<&ComputePrice> {
        self.ec2_families
            .get(&(region.to_string(), family.to_string()))
            .map(|list| list.iter().collect())
            .unwrap_or_default()
    }

    /// Every EC2 family priced in `region`.
    pub fn ec2_families(&self, region: &str) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .ec2_families
            .keys()
            .filter(|(r, _)| r == region)
            .map(|(_, f)| f.as_str())
            .collect();
        names.sort_unstable();
        names
    }

    pub fn rds(
        &self,
        region: &str,
        class: &str,
        engine: &str,
        multi_az: bool,
    ) -> Option<&ComputePrice> {
        self.rds.get(&(
            region.to_string(),
            class.to_string(),
            engine_key(engine).to_string(),
            multi_az,
        ))
    }

    pub fn rds_family(
        &self,
        region: &str,
        family: &str,
        engine: &str,
        multi_az: bool,
    ) -> Vec<&ComputePrice> {
        self.rds_families
            .get(&(
                region.to_string(),
                family.to_string(),
                engine_key(engine).to_string(),
                multi_az,
            ))
            .map(|list| list.iter().collect())
            .unwrap_or_default()
    }

    /// EBS storage per GB-month for a volume type (and `gp3-iops`, `gp3-throughput`).
    pub fn ebs(&self, region: &str, volume_type: &str) -> Option<f64> {
        self.other_price("ebs", region, volume_type)
    }

    /// Fargate (Linux) per vCPU-hour and per GB-hour, at Graviton rates for arm64.
    pub fn fargate(&self, region: &str, arm64: bool) -> Option<FargateRates> {
        let suffix = if arm64 { "-arm64" } else { "" };
        Some(FargateRates {
            vcpu_hour: self.other_price("fargate", region, &format!("vcpu{suffix}"))?,
            gb_hour: self.other_price("fargate", region, &format!("memory-gb{suffix}"))?,
        })
    }

    pub fn snapshot_gb_month(&self, region: &str) -> Option<f64> {
        self.other_price("ebs-snapshot", region, "standard")
    }

    pub fn public_ipv4_hour(&self, region: &str) -> Option<f64> {
        self.other_price("ipv4", region, "public")
    }

    fn other_price(&self, service: &str, region: &str, type_name: &str) -> Option<f64> {
        self.other
            .get(&(
                service.to_string(),
                region.to_string(),
                type_name.to_string(),
            ))
            .copied()
    }

    /// Every row, in the CSV's order (by service, region, type).
    pub fn rows(&self) -> Vec<PriceRow> {
        let mut rows = Vec::new();
        for ((region, _), p) in &self.ec2 {
            rows.push(PriceRow {
                service: "ec2".into(),
                region: region.clone(),
                type_name: p.type_name.clone(),
                engine: String::new(),
                deployment: String::new(),
                vcpu: Some(p.vcpu),
                memory_gib: Some(p.memory_gib),
                usd: p.usd_per_hour,
                unit: "hour".into(),
            });
        }
        for ((region, _, engine, multi_az), p) in &self.rds {
            rows.push(PriceRow {
                service: "rds".into(),
                region: region.clone(),
                type_name: p.type_name.clone(),
                engine: engine.clone(),
                deployment: if *multi_az { "multi-az" } else { "single-az" }.into(),
                vcpu: Some(p.vcpu),
                memory_gib: Some(p.memory_gib),
                usd: p.usd_per_hour,
                unit: "hour".into(),
            });
        }
        for ((service, region, type_name), usd) in &self.other {
            rows.push(PriceRow {
                service: service.clone(),
                region: region.clone(),
                type_name: type_name.clone(),
                engine: String::new(),
                deployment: String::new(),
                vcpu: None,
                memory_gib: None,
                usd: *usd,
                unit: match (service.as_str(), type_name.as_str()) {
                    ("ipv4", _) => "hour",
                    ("fargate", t) if t.starts_with("vcpu") => "vCPU-hour",
                    ("fargate", _) => "GB-hour",
                    (_, "gp3-iops") => "IOPS-month",
                    (_, "gp3-throughput") => "MiBps-month",
                    _ => "GB-month",
                }
                .into(),
            });
        }
        rows.sort_by(|a, b| {
            (
                &a.service,
                &a.region,
                &a.type_name,
                &a.engine,
                &a.deployment,
            )
                .cmp(&(
                    &b.service,
                    &b.region,
                    &b.type_name,
                    &b.engine,
                    &b.deployment,
                ))
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_parses_and_is_dated() {
        let t = PriceTable::embedded();
        assert_eq!(t.date.as_deref(), Some("2026-11-30"));
        assert_eq!(t.ec2("us-east-1", "m5.large").unwrap().usd_per_hour, 0.096);
        let db = t
            .rds("us-east-1", "db.r6g.4xlarge", "postgres", false)
            .unwrap();
        assert_eq!((db.vcpu, db.memory_gib), (16, 128.0));
        let multi = t
            .rds("us-east-1", "db.r6g.4xlarge", "postgres", true)
            .unwrap();
        assert_eq!(multi.usd_per_hour, 2.0 * db.usd_per_hour);
        assert_eq!(t.ebs("us-east-1", "gp3"), Some(0.08));
        assert_eq!(t.public_ipv4_hour("eu-west-1"), Some(0.005));
        assert_eq!(t.snapshot_gb_month("us-east-1"), Some(0.05));
    }

    #[test]
    fn families_are_ordered_smallest_first() {
        let t = PriceTable::embedded();
        let names: Vec<&str> = t
            .ec2_family("us-east-1", "t3")
            .iter()
            .map(|p| p.type_name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "t3.nano",
                "t3.micro",
                "t3.small",
                "t3.medium",
                "t3.large",
                "t3.xlarge",
                "t3.2xlarge"
            ]
        );
        let db: Vec<&str> = t
            .rds_family("us-east-1", "db.r6g", "postgres", false)
            .iter()
            .map(|p| p.type_name.as_str())
            .collect();
        assert_eq!(db[0], "db.r6g.large");
        assert_eq!(family("db.r6g.large"), "db.r6g");
        assert_eq!(family("m5.xlarge"), "m5");
    }

    #[test]
    fn rows_round_trip_through_csv() {
        let t = PriceTable::embedded();
        let rows = t.rows();
        let mut text = format!("# date: 2026-11-30\n{HEADER}\n");
        for r in &rows {
            text.push_str(&r.to_csv());
            text.push('\n');
        }
        let again = PriceTable::parse(&text, Path::new("p.csv")).unwrap();
        assert_eq!(again.rows(), rows);
    }

    #[test]
    fn bad_rows_name_the_line_and_column() {
        let text = format!("{HEADER}\nec2,us-east-1,m5.large,,,2,8,cheap,hour\n");
        let err = PriceTable::parse(&text, Path::new("p.csv")).unwrap_err();
        assert_eq!(err.position().unwrap().line, 2);
        assert!(err
            .to_string()
            .contains("`cheap` is not a non-negative number"));
        let err = PriceTable::parse("a,b\n", Path::new("p.csv")).unwrap_err();
        assert!(err.to_string().contains("expected the header"));
    }
}
