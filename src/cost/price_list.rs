//! Reads the AWS Price List API's product documents (`GetProducts` returns each as a JSON
//! string) into rows of our price table. Pure; `cost::aws::fetch_prices` does the calls.

use serde_json::Value;

use super::prices::PriceRow;

/// What one GetProducts query asks for, and how its products become rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Product {
    /// EC2 Linux, shared tenancy, on-demand capacity.
    Ec2,
    /// RDS PostgreSQL, MySQL and MariaDB, Single-AZ and Multi-AZ.
    Rds,
    /// EBS storage per GB-month by volume type.
    Ebs,
    /// Fargate (ECS, Linux) per vCPU-hour and GB-hour, x86 and arm64.
    Fargate,
}

impl Product {
    pub const ALL: [Product; 4] = [Product::Ec2, Product::Rds, Product::Ebs, Product::Fargate];

    pub fn service_code(self) -> &'static str {
        match self {
            Product::Rds => "AmazonRDS",
            Product::Fargate => "AmazonECS",
            _ => "AmazonEC2",
        }
    }

    /// TERM_MATCH filters (field, value); the region is added by the caller.
    pub fn filters(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Product::Ec2 => &[
                ("productFamily", "Compute Instance"),
                ("operatingSystem", "Linux"),
                ("tenancy", "Shared"),
                ("preInstalledSw", "NA"),
                ("capacitystatus", "Used"),
                ("licenseModel", "No License required"),
            ],
            Product::Rds => &[("productFamily", "Database Instance")],
            Product::Ebs => &[("productFamily", "Storage")],
            // AmazonECS has few products a region; they are told apart by usage type.
            Product::Fargate => &[],
        }
    }
}

/// The first on-demand USD price of a product and its unit.
fn on_demand(doc: &Value) -> Option<(f64, String)> {
    let terms = doc.get("terms")?.get("OnDemand")?.as_object()?;
    let term = terms.values().next()?;
    let dimension = term.get("priceDimensions")?.as_object()?.values().next()?;
    let usd: f64 = dimension
        .get("pricePerUnit")?
        .get("USD")?
        .as_str()?
        .parse()
        .ok()?;
    let unit = dimension.get("unit")?.as_str()?.to_string();
    Some((usd, unit))
}

/// `16 GiB` → 16.0; `0.5 GiB` → 0.5.
fn gib(text: &str) -> Option<f64> {
    text.split_whitespace()
        .next()?
        .replace(',', "")
        .parse()
        .ok()
}

pub fn parse(product: Product, document: &str) -> Option<PriceRow> {
    let doc: Value = serde_json::from_str(document).ok()?;
    let a = doc.get("product")?.get("attributes")?;
    let text = |key: &str| a.get(key).and_then(Value::as_str);
    let region = text("regionCode")?.to_string();
    let (usd, unit) = on_demand(&doc)?;
    if usd <= 0.0 {
        return None;
    }
    match product {
        Product::Ec2 => Some(PriceRow {
            service: "ec2".into(),
            region,
            type_name: text("instanceType")?.to_string(),
            engine: String::new(),
            deployment: String::new(),
            vcpu: text("vcpu")?.parse().ok(),
            memory_gib: gib(text("memory")?),
            usd,
            unit: "hour".into(),
        }),
        Product::Rds => {
            let engine = match text("databaseEngine")? {
                "PostgreSQL" => "postgres",
                "MySQL" => "mysql",
                "MariaDB" => "mariadb",
                _ => return None,
            };
            let deployment = match text("deploymentOption")? {
                "Single-AZ" => "single-az",
                "Multi-AZ" => "multi-az",
                _ => return None,
            };
            Some(PriceRow {
                service: "rds".into(),
                region,
                type_name: text("instanceType")?.to_string(),
                engine: engine.into(),
                deployment: deployment.into(),
                vcpu: text("vcpu")?.parse().ok(),
                memory_gib: gib(text("memory")?),
                usd,
                unit: "hour".into(),
            })
        }
        Product::Fargate => {
            // `USE1-Fargate-vCPU-Hours:perCPU`, `USE1-Fargate-ARM-GB-Hours`; Spot, Windows
            // and ephemeral storage have usage types of their own and are left out.
            let usage = text("usagetype")?;
            if usage.contains("Spot") {
                return None;
            }
            let type_name = [
                ("Fargate-vCPU-Hours:perCPU", "vcpu"),
                ("Fargate-GB-Hours", "memory-gb"),
                ("Fargate-ARM-vCPU-Hours:perCPU", "vcpu-arm64"),
                ("Fargate-ARM-GB-Hours", "memory-gb-arm64"),
            ]
            .iter()
            .find(|(suffix, _)| usage == *suffix || usage.ends_with(&format!("-{suffix}")))?
            .1;
            Some(PriceRow {
                service: "fargate".into(),
                region,
                type_name: type_name.into(),
                engine: String::new(),
                deployment: String::new(),
                vcpu: None,
                memory_gib: None,
                usd,
                unit: if type_name.starts_with("vcpu") {
                    "vCPU-hour"
                } else {
                    "GB-hour"
                }
                .into(),
            })
        }
        Product::Ebs => {
            if unit != "GB-Mo" {
                return None;
            }
            Some(PriceRow {
                service: "ebs".into(),
                region,
                type_name: text("volumeApiName")?.to_string(),
                engine: String::new(),
                deployment: String::new(),
                vcpu: None,
                memory_gib: None,
                usd,
                unit: "GB-month".into(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of a GetProducts document, as the Price List API documents it.
    fn document(attributes: Value, usd: &str, unit: &str) -> String {
        serde_json::json!({
            "product": {"productFamily": "Compute Instance", "attributes": attributes, "sku": "ABC"},
            "serviceCode": "AmazonEC2",
            "terms": {"OnDemand": {"ABC.JRTCKXETXF": {
                "priceDimensions": {"ABC.JRTCKXETXF.6YS6EN2CT7": {
                    "unit": unit, "pricePerUnit": {"USD": usd}, "description": "…"
                }},
                "sku": "ABC", "effectiveDate": "2026-11-01T00:00:00Z"
            }}},
            "version": "20261101000000",
            "publicationDate": "2026-11-01T00:00:00Z"
        })
        .to_string()
    }

    #[test]
    fn ec2_rds_and_ebs_products_become_rows() {
        let ec2 = document(
            serde_json::json!({"instanceType": "m5.large", "vcpu": "2", "memory": "8 GiB",
                "regionCode": "us-east-1", "operatingSystem": "Linux"}),
            "0.0960000000",
            "Hrs",
        );
        let row = parse(Product::Ec2, &ec2).unwrap();
        assert_eq!(row.to_csv(), "ec2,us-east-1,m5.large,,,2,8,0.096,hour");

        let rds = document(
            serde_json::json!({"instanceType": "db.r6g.large", "vcpu": "2", "memory": "16 GiB",
                "regionCode": "eu-west-1", "databaseEngine": "PostgreSQL",
                "deploymentOption": "Multi-AZ"}),
            "0.4960000000",
            "Hrs",
        );
        assert_eq!(
            parse(Product::Rds, &rds).unwrap().to_csv(),
            "rds,eu-west-1,db.r6g.large,postgres,multi-az,2,16,0.496,hour"
        );
        let oracle = rds.replace("PostgreSQL", "Oracle");
        assert_eq!(parse(Product::Rds, &oracle), None);
        let readable = rds.replace("\"Multi-AZ\"", "\"Multi-AZ (readable standbys)\"");
        assert_eq!(parse(Product::Rds, &readable), None);

        let ebs = document(
            serde_json::json!({"volumeApiName": "gp3", "regionCode": "us-east-1"}),
            "0.0800000000",
            "GB-Mo",
        );
        assert_eq!(
            parse(Product::Ebs, &ebs).unwrap().to_csv(),
            "ebs,us-east-1,gp3,,,,,0.08,GB-month"
        );
        assert_eq!(parse(Product::Ebs, "not json"), None);
    }

    #[test]
    fn fargate_products_become_rows_by_usage_type() {
        let fargate = |usage: &str, usd: &str| {
            document(
                serde_json::json!({"usagetype": usage, "regionCode": "us-east-1",
                    "servicecode": "AmazonECS"}),
                usd,
                "hours",
            )
        };
        let row = |usage: &str, usd: &str| parse(Product::Fargate, &fargate(usage, usd));
        assert_eq!(
            row("USE1-Fargate-vCPU-Hours:perCPU", "0.0404800000")
                .unwrap()
                .to_csv(),
            "fargate,us-east-1,vcpu,,,,,0.04048,vCPU-hour"
        );
        assert_eq!(
            row("USE1-Fargate-ARM-GB-Hours", "0.0035600000")
                .unwrap()
                .to_csv(),
            "fargate,us-east-1,memory-gb-arm64,,,,,0.00356,GB-hour"
        );
        assert_eq!(
            row("USE1-SpotUsage:Fargate-vCPU-Hours:perCPU", "0.012"),
            None
        );
        assert_eq!(row("USE1-Fargate-Windows-vCPU-Hours:perCPU", "0.09"), None);
        assert_eq!(
            row("USE1-Fargate-EphemeralStorage-GB-Hours", "0.0001"),
            None
        );
    }
}
