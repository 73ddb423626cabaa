//! `cost prices refresh`: rows of the price table from the AWS Price List API
//! (`pricing:GetProducts`, served from us-east-1), 100 products a page.

use aws_sdk_pricing::types::{Filter, FilterType};

use super::{explain, load_config, runtime};
use crate::cost::price_list::{parse, Product};
use crate::cost::prices::PriceRow;
use crate::error::Result;

/// The Price List API answers in us-east-1 (and ap-south-1, eu-central-1).
const PRICE_LIST_REGION: &str = "us-east-1";

/// Every EC2, RDS and EBS row for `regions`, and the number of calls made.
pub fn fetch_prices(profile: Option<&str>, regions: &[String]) -> Result<(Vec<PriceRow>, u64)> {
    let runtime = runtime()?;
    let config = load_config(&runtime, profile, Some(PRICE_LIST_REGION));
    let pricing = aws_sdk_pricing::Client::new(&config);
    let mut rows = Vec::new();
    let mut calls = 0;
    runtime.block_on(async {
        for region in regions {
            for product in Product::ALL {
                let mut filters: Vec<Filter> = product
                    .filters()
                    .iter()
                    .map(|(field, value)| term(field, value))
                    .collect::<Result<_>>()?;
                filters.push(term("regionCode", region)?);
                let mut pages = pricing
                    .get_products()
                    .service_code(product.service_code())
                    .set_filters(Some(filters))
                    .format_version("aws_v1")
                    .max_results(100)
                    .into_paginator()
                    .send();
                while let Some(page) = pages.next().await {
                    calls += 1;
                    let page = page.map_err(|e| explain("pricing:GetProducts", &e))?;
                    rows.extend(page.price_list().iter().filter_map(|d| parse(product, d)));
                }
            }
        }
        Ok::<_, crate::error::Error>(())
    })?;
    Ok((rows, calls))
}

fn term(field: &str, value: &str) -> Result<Filter> {
    Filter::builder()
        .r#type(FilterType::TermMatch)
        .field(field)
        .value(value)
        .build()
        .map_err(|e| crate::error::Error::runtime(format!("Price List filter: {e}")))
}
