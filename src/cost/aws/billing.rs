//! The AWS side of `opsguard cost`: Cost Explorer through the official SDK, with the
//! standard credential chain (environment, profiles, SSO, IMDS), `--profile`, and the
//! endpoint override `AWS_ENDPOINT_URL` (how the tests reach a local moto server).
//! `GetCostAndUsage` has no paginator in the SDK, so pages are followed by hand; every page
//! is a paid request ($0.01) and is counted.

use aws_sdk_costexplorer::config::http::HttpResponse;
use aws_sdk_costexplorer::error::SdkError;
use aws_sdk_costexplorer::types::{
    DateInterval, Dimension as AwsDimension, DimensionValues, Expression, Granularity,
    GroupDefinition, GroupDefinitionType, Metric as AwsMetric, TagValues,
};
use aws_sdk_costexplorer::Client;

use crate::cost::query::{CostQuery, CostRecord, Dimension, GroupBy, Metric};
use crate::cost::source::{CostSource, Requests};
use crate::date::Date;
use crate::error::{Error, Result};

/// Cost Explorer answers in us-east-1 whatever region the account uses (outside the China
/// partition, where `--region` says otherwise).
const COST_EXPLORER_REGION: &str = "us-east-1";

pub struct AwsSource {
    runtime: tokio::runtime::Runtime,
    ce: Client,
    requests: Requests,
}

impl AwsSource {
    pub fn connect(profile: Option<&str>, region: Option<&str>) -> Result<AwsSource> {
        let runtime = super::runtime()?;
        let config = super::load_config(
            &runtime,
            profile,
            Some(region.unwrap_or(COST_EXPLORER_REGION)),
        );
        Ok(AwsSource {
            ce: Client::new(&config),
            runtime,
            requests: Requests::default(),
        })
    }
}

impl CostSource for AwsSource {
    fn cost_and_usage(&mut self, query: &CostQuery) -> Result<Vec<CostRecord>> {
        let mut records = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut request = self
                .ce
                .get_cost_and_usage()
                .time_period(
                    DateInterval::builder()
                        .start(query.start.to_string())
                        .end(query.end.to_string())
                        .build()
                        .map_err(|e| Error::runtime(format!("Cost Explorer request: {e}")))?,
                )
                .granularity(Granularity::Daily)
                .metrics(query.metric.aws_name());
            for group in &query.group_by {
                request = request.group_by(group_definition(group));
            }
            if let Some((by, value)) = &query.filter {
                request = request.filter(filter(by, value));
            }
            if let Some(t) = &token {
                request = request.next_page_token(t);
            }
            self.requests.paid += 1;
            tracing::debug!(paid = self.requests.paid, "GetCostAndUsage");
            let response = self
                .runtime
                .block_on(request.send())
                .map_err(|e| explain("ce:GetCostAndUsage", &e))?;
            for result in response.results_by_time() {
                let Some(date) = result.time_period().and_then(|p| Date::parse(p.start())) else {
                    continue;
                };
                let estimated = result.estimated();
                if query.group_by.is_empty() {
                    if let Some(value) = result.total().and_then(|t| t.get(query.metric.aws_name()))
                    {
                        records.push(record(
                            date,
                            Vec::new(),
                            value.amount(),
                            value.unit(),
                            estimated,
                        )?);
                    }
                    continue;
                }
                for group in result.groups() {
                    let Some(value) = group.metrics().and_then(|m| m.get(query.metric.aws_name()))
                    else {
                        continue;
                    };
                    let keys = group
                        .keys()
                        .iter()
                        .zip(&query.group_by)
                        .map(|(key, by)| match by {
                            // Tag groups come back as `key$value`; untagged is `key$`.
                            GroupBy::Tag(_) => key
                                .split_once('$')
                                .map_or(key.as_str(), |(_, v)| v)
                                .to_string(),
                            GroupBy::Dimension(_) => key.clone(),
                        })
                        .collect();
                    records.push(record(date, keys, value.amount(), value.unit(), estimated)?);
                }
            }
            token = response
                .next_page_token()
                .filter(|t| !t.is_empty())
                .map(str::to_string);
            if token.is_none() {
                return Ok(records);
            }
        }
    }

    fn requests(&self) -> Requests {
        self.requests
    }

    fn forecast(&mut self, start: Date, end: Date, metric: Metric) -> Result<f64> {
        let aws_metric = match metric {
            Metric::Unblended => AwsMetric::UnblendedCost,
            Metric::Amortized => AwsMetric::AmortizedCost,
            Metric::NetUnblended => AwsMetric::NetUnblendedCost,
        };
        let request = self
            .ce
            .get_cost_forecast()
            .time_period(
                DateInterval::builder()
                    .start(start.to_string())
                    .end(end.to_string())
                    .build()
                    .map_err(|e| Error::runtime(format!("Cost Explorer request: {e}")))?,
            )
            .granularity(Granularity::Monthly)
            .metric(aws_metric);
        self.requests.paid += 1;
        let response = self
            .runtime
            .block_on(request.send())
            .map_err(|e| explain("ce:GetCostForecast", &e))?;
        let amount = response.total().and_then(|t| t.amount()).unwrap_or("0");
        amount.parse().map_err(|_| {
            Error::runtime(format!(
                "Cost Explorer returned a forecast that is not a number: `{amount}`"
            ))
        })
    }
}

fn record(
    date: Date,
    keys: Vec<String>,
    amount: Option<&str>,
    unit: Option<&str>,
    estimated: bool,
) -> Result<CostRecord> {
    let amount = amount.unwrap_or("0");
    Ok(CostRecord {
        date,
        keys,
        amount: amount.parse().map_err(|_| {
            Error::runtime(format!(
                "Cost Explorer returned an amount that is not a number: `{amount}`"
            ))
        })?,
        unit: unit.unwrap_or("USD").to_string(),
        estimated,
    })
}

fn aws_dimension(d: Dimension) -> AwsDimension {
    match d {
        Dimension::Service => AwsDimension::Service,
        Dimension::LinkedAccount => AwsDimension::LinkedAccount,
        Dimension::Region => AwsDimension::Region,
        Dimension::UsageType => AwsDimension::UsageType,
    }
}

fn group_definition(by: &GroupBy) -> GroupDefinition {
    match by {
        GroupBy::Dimension(d) => GroupDefinition::builder()
            .r#type(GroupDefinitionType::Dimension)
            .key(d.aws_name())
            .build(),
        GroupBy::Tag(key) => GroupDefinition::builder()
            .r#type(GroupDefinitionType::Tag)
            .key(key)
            .build(),
    }
}

fn filter(by: &GroupBy, value: &str) -> Expression {
    match by {
        GroupBy::Dimension(d) => Expression::builder()
            .dimensions(
                DimensionValues::builder()
                    .key(aws_dimension(*d))
                    .values(value)
                    .build(),
            )
            .build(),
        GroupBy::Tag(key) => Expression::builder()
            .tags(TagValues::builder().key(key).values(value).build())
            .build(),
    }
}

/// One line that says what is missing: a scheduled job must fail loudly and usefully,
/// never report "no anomalies" when nothing could be read.
fn explain<E>(action: &str, err: &SdkError<E, HttpResponse>) -> Error
where
    E: aws_sdk_costexplorer::error::ProvideErrorMetadata + std::error::Error + 'static,
{
    let code = match err {
        SdkError::ServiceError(service) => service.err().code(),
        _ => None,
    };
    // Cost Explorer's own cases; everything else is said as for every AWS service.
    let (what, hint) = match code {
        Some("DataUnavailableException") => (
            "Cost Explorer has no data for this period",
            "enable Cost Explorer in the Billing console; data appears within 24 hours",
        ),
        Some("LimitExceededException" | "ThrottlingException") => (
            "Cost Explorer throttled the requests, even after retries",
            "run again later; a second run the same day is answered from the cache",
        ),
        _ => return super::explain(action, err),
    };
    Error::runtime(what).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_costexplorer::error::ErrorMetadata;
    use aws_sdk_costexplorer::operation::get_cost_and_usage::GetCostAndUsageError;
    use aws_smithy_runtime_api::http::{Response, StatusCode};
    use aws_smithy_types::body::SdkBody;

    fn service_error(code: &str) -> Error {
        let err = GetCostAndUsageError::generic(
            ErrorMetadata::builder()
                .code(code)
                .message("details")
                .build(),
        );
        let raw = Response::new(StatusCode::try_from(400).unwrap(), SdkBody::empty());
        explain("ce:GetCostAndUsage", &SdkError::service_error(err, raw))
    }

    #[test]
    fn errors_say_what_is_missing() {
        let denied = service_error("AccessDeniedException");
        assert_eq!(
            denied.to_string(),
            "access denied: this identity may not call ce:GetCostAndUsage"
        );
        assert!(denied.hint().unwrap().contains("ce:GetCostAndUsage"));
        assert!(denied.hint().unwrap().contains("docs/iam-policy.json"));
        let no_data = service_error("DataUnavailableException");
        assert_eq!(
            no_data.to_string(),
            "Cost Explorer has no data for this period"
        );
        assert!(no_data.hint().unwrap().contains("enable Cost Explorer"));
        let throttled = service_error("LimitExceededException");
        assert!(throttled.to_string().contains("throttled"));
        let other = service_error("ValidationException");
        assert_eq!(
            other.to_string(),
            "Cost Explorer refused the request (ValidationException: details)"
        );
    }
}
