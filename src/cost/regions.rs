//! AWS region names, so a misspelt one (`us-eest-1`) is an error that suggests the right
//! name instead of an empty, clean-looking report.

use crate::error::{Error, Result};

/// Every public AWS region (commercial, GovCloud, China, European Sovereign Cloud) as of
/// this release.
pub const KNOWN: &[&str] = &[
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "cn-north-1",
    "cn-northwest-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eusc-de-east-1",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-west-1",
    "us-west-2",
];

/// `Ok` for a known region; otherwise an error naming the nearest known ones.
pub fn check(name: &str, what: &str) -> Result<()> {
    if KNOWN.contains(&name) {
        return Ok(());
    }
    let mut nearest: Vec<(usize, &str)> = KNOWN
        .iter()
        .map(|known| (strsim::levenshtein(name, known), *known))
        .collect();
    nearest.sort();
    let best = nearest[0].0;
    let names: Vec<&str> = nearest
        .iter()
        .take_while(|(d, _)| *d <= best + 1)
        .take(3)
        .map(|(_, n)| *n)
        .collect();
    Err(
        Error::usage(format!("{what}: `{name}` is not an AWS region"))
            .with_hint(format!("did you mean {}?", names.join(", "))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_regions_pass_and_typos_suggest_the_nearest() {
        assert!(check("eu-west-1", "--regions").is_ok());
        let err = check("us-eest-1", "--regions").unwrap_err();
        assert_eq!(
            err.to_string(),
            "--regions: `us-eest-1` is not an AWS region"
        );
        assert!(
            err.hint().unwrap().starts_with("did you mean us-east-1"),
            "{:?}",
            err.hint()
        );
    }
}
