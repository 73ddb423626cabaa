//! What we ask Cost Explorer, and what comes back, as plain data.

use crate::date::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Service,
    LinkedAccount,
    Region,
    UsageType,
}

impl Dimension {
    /// Cost Explorer's name.
    pub fn aws_name(self) -> &'static str {
        match self {
            Dimension::Service => "SERVICE",
            Dimension::LinkedAccount => "LINKED_ACCOUNT",
            Dimension::Region => "REGION",
            Dimension::UsageType => "USAGE_TYPE",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Dimension::Service => "service",
            Dimension::LinkedAccount => "account",
            Dimension::Region => "region",
            Dimension::UsageType => "usage-type",
        }
    }

    pub fn from_aws(name: &str) -> Option<Dimension> {
        Some(match name {
            "SERVICE" => Dimension::Service,
            "LINKED_ACCOUNT" => Dimension::LinkedAccount,
            "REGION" => Dimension::Region,
            "USAGE_TYPE" => Dimension::UsageType,
            _ => return None,
        })
    }
}

/// A grouping: a dimension or a cost-allocation tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupBy {
    Dimension(Dimension),
    Tag(String),
}

impl GroupBy {
    /// `service`, `account`, `region`, `usage-type` or `tag:KEY`.
    pub fn parse(text: &str) -> Option<GroupBy> {
        Some(match text {
            "service" => GroupBy::Dimension(Dimension::Service),
            "account" | "linked-account" => GroupBy::Dimension(Dimension::LinkedAccount),
            "region" => GroupBy::Dimension(Dimension::Region),
            "usage-type" => GroupBy::Dimension(Dimension::UsageType),
            _ => {
                let key = text.strip_prefix("tag:")?;
                if key.is_empty() {
                    return None;
                }
                GroupBy::Tag(key.to_string())
            }
        })
    }

    pub fn label(&self) -> String {
        match self {
            GroupBy::Dimension(d) => d.label().to_string(),
            GroupBy::Tag(k) => format!("tag:{k}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    Unblended,
    Amortized,
    NetUnblended,
}

impl Metric {
    pub fn aws_name(self) -> &'static str {
        match self {
            Metric::Unblended => "UnblendedCost",
            Metric::Amortized => "AmortizedCost",
            Metric::NetUnblended => "NetUnblendedCost",
        }
    }

    pub fn parse(text: &str) -> Option<Metric> {
        Some(match text {
            "unblended" => Metric::Unblended,
            "amortized" => Metric::Amortized,
            "net-unblended" => Metric::NetUnblended,
            _ => return None,
        })
    }
}

/// One `GetCostAndUsage` question, daily.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CostQuery {
    pub start: Date,
    /// Exclusive, as in Cost Explorer.
    pub end: Date,
    pub metric: Metric,
    /// Up to two groupings (Cost Explorer's limit).
    pub group_by: Vec<GroupBy>,
    /// Only this value of the first grouping (root-cause queries).
    pub filter: Option<(GroupBy, String)>,
}

/// One day's cost for one group.
#[derive(Debug, Clone, PartialEq)]
pub struct CostRecord {
    pub date: Date,
    /// The group's keys, one per grouping (empty for totals).
    pub keys: Vec<String>,
    pub amount: f64,
    pub unit: String,
    pub estimated: bool,
}
