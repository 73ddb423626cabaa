//! What a configuration value means, so `5s` equals `5000ms`, `1Gi` equals `1024Mi`, `"10"`
//! equals `10` and `yes` equals `true` — while `1G` and `1Gi`, or `5s` and `5m`, do not.

use std::cmp::Ordering;

use super::tree::{Scalar, ScalarKind};

#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    Null,
    Bool(bool),
    Number(f64),
    /// Seconds.
    Duration(f64),
    /// Bytes.
    Bytes(f64),
    /// Kubernetes CPU, in cores.
    Cpu(f64),
    Text(String),
    EmptyMap,
    EmptyList,
}

/// The reading of one scalar; `cpu_key` tells whether the key is a CPU quantity, where a
/// trailing `m` means millicores rather than minutes.
pub fn interpret(scalar: &Scalar, cpu_key: bool) -> Typed {
    let text = scalar.text.trim();
    match scalar.kind {
        ScalarKind::Null => return Typed::Null,
        ScalarKind::Bool => return Typed::Bool(text.eq_ignore_ascii_case("true")),
        ScalarKind::DateTime => return Typed::Text(text.to_string()),
        _ => {}
    }
    if text.is_empty() {
        return Typed::Null;
    }
    if let Some(b) = parse_bool(text) {
        return Typed::Bool(b);
    }
    if cpu_key {
        if let Some(cores) = parse_cpu(text) {
            return Typed::Cpu(cores);
        }
    }
    if let Some(n) = parse_number(text) {
        return Typed::Number(n);
    }
    if let Some(d) = parse_duration(text) {
        return Typed::Duration(d);
    }
    if let Some(b) = parse_bytes(text) {
        return Typed::Bytes(b);
    }
    Typed::Text(scalar.text.clone())
}

/// Whether a key names a CPU quantity (`resources.limits.cpu`, `cpu_request`).
pub fn is_cpu_key(last_segment: &str) -> bool {
    last_segment.to_ascii_lowercase().contains("cpu")
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" => Some(true),
        "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// Decimal numbers, with `_` digit separators (`10_485_760`) and exponents.
pub fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    if text.contains('_') {
        // separators only between digits
        let ok = text
            .as_bytes()
            .windows(3)
            .all(|w| w[1] != b'_' || (w[0].is_ascii_digit() && w[2].is_ascii_digit()))
            && !text.ends_with('_');
        if !ok {
            return None;
        }
    }
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    if cleaned.eq_ignore_ascii_case("inf") || cleaned.to_ascii_lowercase().contains("nan") {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn split_number_prefix(text: &str) -> Option<(f64, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    if end == 0 {
        return None;
    }
    let number = text[..end].parse::<f64>().ok()?;
    Some((number, text[end..].trim_start()))
}

fn duration_unit(unit: &str) -> Option<f64> {
    Some(match unit {
        "ns" | "nanosecond" | "nanoseconds" => 1e-9,
        "us" | "µs" | "μs" | "microsecond" | "microseconds" => 1e-6,
        "ms" | "millisecond" | "milliseconds" | "millis" => 1e-3,
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
        "d" | "day" | "days" => 86_400.0,
        "w" | "week" | "weeks" => 604_800.0,
        _ => return None,
    })
}

/// `5s`, `"5 s"`, `1m30s`, `250ms`, `2 hours`, ISO-8601 `PT30S` / `P1DT2H`. In seconds.
pub fn parse_duration(text: &str) -> Option<f64> {
    if let Some(iso) = parse_iso_duration(text) {
        return Some(iso);
    }
    let mut rest = text.trim();
    let negative = rest.starts_with('-');
    if negative {
        rest = &rest[1..];
    }
    let mut total = 0.0;
    let mut parts = 0;
    while !rest.is_empty() {
        let (number, after) = split_number_prefix(rest)?;
        let unit_len = after
            .find(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .unwrap_or(after.len());
        let unit = &after[..unit_len];
        total += number * duration_unit(unit)?;
        parts += 1;
        rest = after[unit_len..].trim_start();
    }
    if parts == 0 {
        return None;
    }
    Some(if negative { -total } else { total })
}

fn parse_iso_duration(text: &str) -> Option<f64> {
    let rest = text.strip_prefix('P').or_else(|| text.strip_prefix('p'))?;
    let mut total = 0.0;
    let mut in_time = false;
    let mut number = String::new();
    let mut any = false;
    for c in rest.chars() {
        match c {
            'T' | 't' => in_time = true,
            '0'..='9' | '.' | ',' => number.push(if c == ',' { '.' } else { c }),
            _ => {
                let n: f64 = number.parse().ok()?;
                number.clear();
                let unit = match (c.to_ascii_uppercase(), in_time) {
                    ('W', false) => 604_800.0,
                    ('D', false) => 86_400.0,
                    ('H', true) => 3600.0,
                    ('M', true) => 60.0,
                    ('S', true) => 1.0,
                    // years and months have no fixed length
                    _ => return None,
                };
                total += n * unit;
                any = true;
            }
        }
    }
    (any && number.is_empty()).then_some(total)
}

/// `512Mi`, `1G`, `10KB`, `1.5GiB`, `100B`: SI prefixes are decimal, `i` prefixes binary.
pub fn parse_bytes(text: &str) -> Option<f64> {
    let (number, unit) = split_number_prefix(text.trim())?;
    let factor: f64 = match unit {
        "B" | "b" => 1.0,
        "k" | "K" | "kB" | "KB" | "kb" => 1e3,
        "M" | "MB" | "mb" => 1e6,
        "G" | "GB" | "gb" => 1e9,
        "T" | "TB" | "tb" => 1e12,
        "P" | "PB" => 1e15,
        "E" | "EB" => 1e18,
        "Ki" | "KiB" => 1024.0,
        "Mi" | "MiB" => 1024f64.powi(2),
        "Gi" | "GiB" => 1024f64.powi(3),
        "Ti" | "TiB" => 1024f64.powi(4),
        "Pi" | "PiB" => 1024f64.powi(5),
        "Ei" | "EiB" => 1024f64.powi(6),
        _ => return None,
    };
    Some(number * factor)
}

/// Kubernetes CPU: `500m` = 0.5 cores, `2` = 2 cores.
fn parse_cpu(text: &str) -> Option<f64> {
    if let Some(milli) = text.strip_suffix('m') {
        return parse_number(milli).map(|m| m / 1000.0);
    }
    parse_number(text)
}

impl Typed {
    pub fn family(&self) -> &'static str {
        match self {
            Typed::Null => "null",
            Typed::Bool(_) => "bool",
            Typed::Number(_) => "number",
            Typed::Duration(_) => "duration",
            Typed::Bytes(_) => "byte size",
            Typed::Cpu(_) => "cpu",
            Typed::Text(_) => "text",
            Typed::EmptyMap => "map",
            Typed::EmptyList => "list",
        }
    }

    fn magnitude(&self) -> Option<f64> {
        match self {
            Typed::Number(n) | Typed::Duration(n) | Typed::Bytes(n) | Typed::Cpu(n) => Some(*n),
            _ => None,
        }
    }

    /// The same value, whatever the notation.
    pub fn same_as(&self, other: &Typed) -> bool {
        match (self, other) {
            (Typed::Null, Typed::Text(t)) | (Typed::Text(t), Typed::Null) => t.is_empty(),
            (a, b) if a.family() != b.family() => false,
            (a, b) => match (a.magnitude(), b.magnitude()) {
                (Some(x), Some(y)) => close(x, y),
                _ => a == b,
            },
        }
    }

    /// Ordering for policy rules such as `prod >= staging`; `None` across families or for
    /// text.
    pub fn order(&self, other: &Typed) -> Option<Ordering> {
        if self.family() != other.family() {
            return None;
        }
        match (self.magnitude(), other.magnitude()) {
            (Some(x), Some(y)) if close(x, y) => Some(Ordering::Equal),
            (Some(x), Some(y)) => x.partial_cmp(&y),
            _ => match (self, other) {
                (Typed::Bool(a), Typed::Bool(b)) => Some(a.cmp(b)),
                _ => None,
            },
        }
    }

    /// A canonical spelling, for fingerprints that survive changes of notation.
    pub fn canonical(&self) -> String {
        match self {
            Typed::Text(t) => format!("text:{t}"),
            Typed::Bool(b) => format!("bool:{b}"),
            other => match other.magnitude() {
                Some(m) => format!("{}:{}", other.family(), m),
                None => other.family().to_string(),
            },
        }
    }
}

fn trim_zeros(text: String) -> String {
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1e-12)
}

/// "6×" or "1.07×" between the smallest and the largest of numeric values of one family.
pub fn ratio(values: &[&Typed]) -> Option<String> {
    let family = values.first()?.family();
    if values.iter().any(|v| v.family() != family) {
        return None;
    }
    let magnitudes: Vec<f64> = values.iter().filter_map(|v| v.magnitude()).collect();
    if magnitudes.len() != values.len() {
        return None;
    }
    let min = magnitudes.iter().copied().fold(f64::INFINITY, f64::min);
    let max = magnitudes.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if min <= 0.0 || close(min, max) {
        return None;
    }
    let r = max / min;
    let text = if (r - r.round()).abs() < 0.005 {
        format!("{}", r.round())
    } else if r < 10.0 {
        trim_zeros(format!("{r:.2}"))
    } else {
        trim_zeros(format!("{r:.1}"))
    };
    Some(format!("{text}×"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Typed {
        interpret(
            &Scalar {
                text: text.into(),
                kind: ScalarKind::String,
                sensitive: false,
            },
            false,
        )
    }

    fn cpu(text: &str) -> Typed {
        interpret(
            &Scalar {
                text: text.into(),
                kind: ScalarKind::String,
                sensitive: false,
            },
            true,
        )
    }

    #[test]
    fn durations() {
        assert!(t("5s").same_as(&t("5000ms")));
        assert!(t("5s").same_as(&t("5 s")));
        assert!(t("1m").same_as(&t("60s")));
        assert!(t("PT30S").same_as(&t("30s")));
        assert!(t("1h30m").same_as(&t("90m")));
        assert!(t("P1DT2H").same_as(&t("26h")));
        assert!(!t("5s").same_as(&t("5m")), "near miss must differ");
        assert!(!t("5s").same_as(&t("30s")));
        assert_eq!(t("P1Y"), Typed::Text("P1Y".into()));
    }

    #[test]
    fn byte_sizes() {
        assert!(t("1Gi").same_as(&t("1024Mi")));
        assert!(t("1000M").same_as(&t("1G")));
        assert!(!t("1G").same_as(&t("1Gi")), "near miss must differ");
        assert!(t("512MiB").same_as(&t("0.5Gi")));
    }

    #[test]
    fn cpu_only_under_cpu_keys() {
        assert!(cpu("500m").same_as(&cpu("0.5")));
        assert!(cpu("2").same_as(&cpu("2000m")));
        // elsewhere `m` is minutes
        assert_eq!(t("500m"), Typed::Duration(30_000.0));
    }

    #[test]
    fn booleans_and_numbers() {
        assert!(t("yes").same_as(&t("true")));
        assert!(t("on").same_as(&t("TRUE")));
        assert!(!t("on").same_as(&t("off")));
        assert!(t("10").same_as(&t("10.0")));
        assert!(t("10_485_760").same_as(&t("10485760")));
        assert!(!t("10").same_as(&t("10s")));
        assert_eq!(t("1_"), Typed::Text("1_".into()));
        assert_eq!(t("v1.2.3"), Typed::Text("v1.2.3".into()));
    }

    #[test]
    fn typed_scalars_from_parsers() {
        let b = Scalar {
            text: "true".into(),
            kind: ScalarKind::Bool,
            sensitive: false,
        };
        assert_eq!(interpret(&b, false), Typed::Bool(true));
        let n = Scalar {
            text: "".into(),
            kind: ScalarKind::Null,
            sensitive: false,
        };
        assert!(interpret(&n, false).same_as(&t("")));
    }

    #[test]
    fn ratios() {
        assert_eq!(ratio(&[&t("5s"), &t("30s")]).as_deref(), Some("6×"));
        assert_eq!(ratio(&[&t("1G"), &t("1Gi")]).as_deref(), Some("1.07×"));
        assert_eq!(ratio(&[&t("10"), &t("50")]).as_deref(), Some("5×"));
        assert_eq!(ratio(&[&t("2"), &t("5")]).as_deref(), Some("2.5×"));
        assert_eq!(ratio(&[&t("a"), &t("b")]), None);
        assert_eq!(ratio(&[&t("0"), &t("5")]), None);
    }

    #[test]
    fn ordering() {
        assert_eq!(t("3").order(&t("2")), Some(Ordering::Greater));
        assert_eq!(t("1m").order(&t("60s")), Some(Ordering::Equal));
        assert_eq!(t("1m").order(&t("5")), None);
        assert_eq!(t("abc").order(&t("abd")), None);
    }
}
