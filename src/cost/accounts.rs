//! Which AWS accounts a fleet command reads: the caller's own, a list (`--accounts`), or
//! every account of the caller's organisation (`--organization`), each member through a
//! role it trusts the caller to assume.

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
pub fn check_role_name(name: &str) -> Result<()> {
    let valid = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c));
    if valid {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "--role-name: `{name}` is not an IAM role name (1-64 letters, digits and +=,.@_-)"
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
        assert!(check_role_name("OpsguardReadOnly").is_ok());
        assert!(check_role_name("ops/guard").is_err());
        assert!(check_role_name("").is_err());
    }
}
