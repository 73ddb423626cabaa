//! Which AWS accounts a fleet command reads: the caller's own, a list (`--accounts`), or
//! every account of the caller's organisation (`--organization`), each member through a
//! role it trusts the caller to assume.

use std::collections::HashMap;

use super::query::{CostQuery, CostRecord, Dimension, GroupBy, Metric};
use super::source::{CostSource, Requests};
use crate::date::Date;
use crate::error::{Error, Result};

/// Which accounts to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountChoice {
    /// The caller's own account, with its own credentials.
    Caller,
    /// These accounts, each through `role_name`.
    Listed(Vec<String>),
    /// Every active account of the caller's organisation (Organizations ListAccounts,
    /// from the management account or a delegated administrator).
    Organization,
}

/// How to reach member accounts.
#[derive(Debug, Clone)]
pub struct Reach {
    pub accounts: AccountChoice,
    pub role_name: String,
    pub external_id: Option<String>,
    /// Account × region units in flight at once.
    pub concurrency: usize,
}

impl Default for Reach {
    fn default() -> Self {
        Reach {
            accounts: AccountChoice::Caller,
            role_name: DEFAULT_ROLE_NAME.into(),
            external_id: None,
            concurrency: DEFAULT_CONCURRENCY,
        }
    }
}

pub const DEFAULT_ROLE_NAME: &str = "OpsguardReadOnly";
pub const DEFAULT_CONCURRENCY: usize = 8;

/// An AWS account ID: twelve digits.
pub fn check_account_id(id: &str, flag: &str) -> Result<()> {
    if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "{flag}: `{id}` is not an AWS account ID (twelve digits)"
        )))
    }
}

/// An IAM role name: 1–64 of letters, digits and `+=,.@_-` (IAM's rule), so the ARN
/// built from it is well formed.
pub fn check_role_name(name: &str, flag: &str) -> Result<()> {
    let valid = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c));
    if valid {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "{flag}: `{name}` is not an IAM role name (1-64 letters, digits and +=,.@_-)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids_and_role_names_are_checked() {
        assert!(check_account_id("123456789012", "--accounts").is_ok());
        let err = check_account_id("12345678901", "--accounts").unwrap_err();
        assert!(err.to_string().contains("not an AWS account ID"), "{err}");
        assert!(check_account_id("12345678901a", "--accounts").is_err());
        assert!(check_role_name("OpsguardReadOnly", "--role-name").is_ok());
        assert!(check_role_name("ops/guard", "--role-name").is_err());
        assert!(check_role_name("", "--role-name").is_err());
    }
}

/// A cost source whose account groups carry the organisation's account names
/// (`123456789012 (payments)`), for `cost anomalies/report/budget --organization`.
pub struct NamedAccounts {
    inner: Box<dyn CostSource>,
    names: HashMap<String, String>,
}

impl NamedAccounts {
    pub fn new(inner: Box<dyn CostSource>, names: HashMap<String, String>) -> NamedAccounts {
        NamedAccounts { inner, names }
    }

    fn label(&self, id: &str) -> String {
        match self.names.get(id) {
            Some(name) => format!("{id} ({name})"),
            None => id.to_string(),
        }
    }
}

fn is_account(group: &GroupBy) -> bool {
    *group == GroupBy::Dimension(Dimension::LinkedAccount)
}

impl CostSource for NamedAccounts {
    fn cost_and_usage(&mut self, query: &CostQuery) -> Result<Vec<CostRecord>> {
        // A root-cause query names an account by the label it was shown with.
        let mut asked = query.clone();
        if let Some((group, value)) = &mut asked.filter {
            if is_account(group) {
                if let Some((id, _)) = value.split_once(" (") {
                    *value = id.to_string();
                }
            }
        }
        let mut records = self.inner.cost_and_usage(&asked)?;
        for record in &mut records {
            for (key, group) in record.keys.iter_mut().zip(&query.group_by) {
                if is_account(group) {
                    *key = self.label(key);
                }
            }
        }
        Ok(records)
    }

    fn requests(&self) -> Requests {
        self.inner.requests()
    }

    fn forecast(&mut self, start: Date, end: Date, metric: Metric) -> Result<f64> {
        self.inner.forecast(start, end, metric)
    }

    fn file_for(&self, group_by: &[GroupBy]) -> Option<String> {
        self.inner.file_for(group_by)
    }

    fn take_warnings(&mut self) -> Vec<String> {
        self.inner.take_warnings()
    }
}

#[cfg(test)]
mod named_tests {
    use super::*;

    struct Fixed;

    impl CostSource for Fixed {
        fn cost_and_usage(&mut self, query: &CostQuery) -> Result<Vec<CostRecord>> {
            let key = match &query.filter {
                Some((_, value)) => value.clone(),
                None => "111111111111".into(),
            };
            Ok(vec![CostRecord {
                date: Date::parse("2026-11-01").unwrap(),
                keys: vec![key],
                amount: 1.0,
                unit: "USD".into(),
                estimated: false,
            }])
        }

        fn requests(&self) -> Requests {
            Requests::default()
        }
    }

    #[test]
    fn account_groups_carry_names_and_filters_lose_them() {
        let names = HashMap::from([("111111111111".to_string(), "payments".to_string())]);
        let mut source = NamedAccounts::new(Box::new(Fixed), names);
        let account = GroupBy::Dimension(Dimension::LinkedAccount);
        let mut query = CostQuery {
            start: Date::parse("2026-11-01").unwrap(),
            end: Date::parse("2026-11-02").unwrap(),
            metric: Metric::Unblended,
            group_by: vec![account.clone()],
            filter: None,
        };
        let records = source.cost_and_usage(&query).unwrap();
        assert_eq!(records[0].keys, ["111111111111 (payments)"]);
        // Asked back by its label, the source sees the ID.
        query.filter = Some((account, "111111111111 (payments)".into()));
        let records = source.cost_and_usage(&query).unwrap();
        assert_eq!(records[0].keys, ["111111111111 (payments)"]);
    }
}
