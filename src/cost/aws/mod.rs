//! The AWS adapters of `opsguard cost`, each through the official SDK: Cost Explorer
//! (billing), EC2 and RDS inventory, CloudWatch metrics, and the Price List API. They
//! share the standard credential chain, `--profile`, and `AWS_ENDPOINT_URL` (how the
//! tests reach a local moto server).

mod billing;
mod ecs;
mod gather;
mod inventory;
mod metrics;
mod pricing;

pub use billing::AwsSource;
pub use gather::{gather, organization_names, Calls, RegionChoice};
pub use pricing::fetch_prices;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_ec2::config::http::HttpResponse;
use aws_sdk_ec2::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};

use crate::error::{Error, Result};

/// One runtime per command: the CLI is synchronous everywhere else.
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::runtime(format!("cannot start the async runtime: {e}")))
}

/// The SDK configuration from the standard chain, with `--profile` and a region.
pub(crate) fn load_config(
    runtime: &tokio::runtime::Runtime,
    profile: Option<&str>,
    region: Option<&str>,
) -> SdkConfig {
    let mut loader = aws_config::defaults(BehaviorVersion::latest());
    if let Some(region) = region {
        loader = loader.region(Region::new(region.to_string()));
    }
    if let Some(profile) = profile {
        loader = loader.profile_name(profile);
    }
    runtime.block_on(loader.load())
}

/// The service an IAM action belongs to, as people name it.
fn service_of(action: &str) -> &str {
    match action.split_once(':').map_or(action, |(prefix, _)| prefix) {
        "ec2" => "EC2",
        "rds" => "RDS",
        "cloudwatch" => "CloudWatch",
        "sts" => "STS",
        "pricing" => "the Price List API",
        "ce" => "Cost Explorer",
        "ecs" => "ECS",
        "application-autoscaling" => "Application Auto Scaling",
        "organizations" => "Organizations",
        other => other,
    }
}

/// One line that says what went wrong calling `action` (the IAM action, e.g.
/// `ec2:DescribeInstances`), and what to do about it: a denied call names the action to
/// grant.
pub(crate) fn explain<E>(action: &str, err: &SdkError<E, HttpResponse>) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    let service = service_of(action);
    let (code, message) = match err {
        // A 403 whose body the SDK could not read as an AWS error is still a refusal
        // (an XML or HTML page where JSON was expected: a proxy, or moto for ECS).
        SdkError::ServiceError(e)
            if e.raw().status().as_u16() == 403 && e.err().code().is_none() =>
        {
            (Some("AccessDenied".to_string()), String::new())
        }
        SdkError::ResponseError(e) if e.raw().status().as_u16() == 403 => {
            (Some("AccessDenied".to_string()), String::new())
        }
        SdkError::ServiceError(e) if e.err().message().is_some_and(|m| !m.is_empty()) => (
            e.err().code().map(str::to_string),
            e.err().message().unwrap_or("").to_string(),
        ),
        // No AWS error in the answer (e.g. an HTML page from a proxy or a test server).
        SdkError::ServiceError(e) => (
            e.err().code().map(str::to_string),
            format!("HTTP {} without an AWS error", e.raw().status().as_u16()),
        ),
        other => (None, DisplayErrorContext(other).to_string()),
    };
    match code.as_deref() {
        Some(
            "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation"
            | "AuthFailure",
        ) => Error::runtime(format!(
            "access denied: this identity may not call {action}"
        ))
        .with_hint(format!(
            "grant {action}; docs/iam-policy.json grants every read-only action opsguard calls"
        )),
        Some("OptInRequired") => Error::runtime(format!(
            "{service}: the region is not enabled for this account"
        ))
        .with_hint("pass --regions with enabled regions only, or use --all-regions"),
        Some("Throttling" | "ThrottlingException" | "RequestLimitExceeded") => Error::runtime(
            format!("{service} throttled the requests, even after retries"),
        )
        .with_hint("run again later, or with fewer --regions"),
        Some(other) => Error::runtime(format!(
            "{service} refused the request ({other}: {})",
            first_line(&message)
        )),
        None if message.contains("credentials") || message.contains("Credentials") => {
            Error::runtime("no AWS credentials").with_hint(
                "set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, pass --profile, or log in with `aws sso login`",
            )
        }
        None if matches!(err, SdkError::ServiceError(_)) => {
            Error::runtime(format!("{service} failed: {}", first_line(&message)))
        }
        None => Error::runtime(format!("cannot reach {service}: {}", first_line(&message))),
    }
}

/// The first line that says something (SDK messages can start with a blank one).
fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no details")
}

/// SDK times to ours.
pub(crate) fn timestamp(t: &aws_sdk_ec2::primitives::DateTime) -> crate::timestamp::Timestamp {
    crate::timestamp::Timestamp(t.secs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_ec2::error::ErrorMetadata;
    use aws_sdk_ec2::operation::describe_volumes::DescribeVolumesError;
    use aws_smithy_runtime_api::http::{Response, StatusCode};
    use aws_smithy_types::body::SdkBody;

    #[test]
    fn a_denied_call_names_its_action_for_every_service() {
        for action in [
            "ec2:DescribeInstances",
            "rds:DescribeDBInstances",
            "cloudwatch:GetMetricData",
            "ce:GetCostAndUsage",
        ] {
            let err = DescribeVolumesError::generic(
                ErrorMetadata::builder()
                    .code("AccessDeniedException")
                    .message("details")
                    .build(),
            );
            let raw = Response::new(StatusCode::try_from(403).unwrap(), SdkBody::empty());
            let denied = explain(action, &SdkError::service_error(err, raw));
            assert!(denied.to_string().ends_with(action), "{denied}");
            assert!(denied
                .hint()
                .unwrap()
                .starts_with(&format!("grant {action};")));
        }
    }

    fn service_error(status: u16, code: Option<&str>) -> Error {
        let mut meta = ErrorMetadata::builder();
        if let Some(code) = code {
            meta = meta.code(code).message("details");
        }
        let err = DescribeVolumesError::generic(meta.build());
        let raw = Response::new(StatusCode::try_from(status).unwrap(), SdkBody::empty());
        explain("ec2:DescribeVolumes", &SdkError::service_error(err, raw))
    }

    #[test]
    fn errors_say_what_is_missing_and_what_to_grant() {
        let denied = service_error(403, Some("UnauthorizedOperation"));
        assert_eq!(
            denied.to_string(),
            "access denied: this identity may not call ec2:DescribeVolumes"
        );
        assert!(denied
            .hint()
            .unwrap()
            .starts_with("grant ec2:DescribeVolumes;"));
        assert!(denied.hint().unwrap().contains("docs/iam-policy.json"));
        let region = service_error(401, Some("OptInRequired"));
        assert!(region.hint().unwrap().contains("--regions"));
        assert_eq!(
            service_error(400, Some("InvalidParameterValue")).to_string(),
            "EC2 refused the request (InvalidParameterValue: details)"
        );
        assert_eq!(
            service_error(502, None).to_string(),
            "EC2 failed: HTTP 502 without an AWS error"
        );
        // A 403 whose body is not the protocol's (XML where JSON was due) is a refusal.
        let raw = Response::new(StatusCode::try_from(403).unwrap(), SdkBody::empty());
        let unreadable: SdkError<DescribeVolumesError, _> =
            SdkError::response_error("malformed JSON error body", raw);
        let denied = explain("ecs:ListClusters", &unreadable);
        assert_eq!(
            denied.to_string(),
            "access denied: this identity may not call ecs:ListClusters"
        );
    }
}
