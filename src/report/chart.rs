/// A small chart for the HTML report, from typed data: a daily cost series with its
/// anomalies marked and, where one applies, a budget line; or counts as bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub kind: ChartKind,
    /// One label per value (a date, a year).
    pub labels: Vec<String>,
    pub values: Vec<f64>,
    /// Indices of the values to mark (anomalies), each with what the mark says.
    pub marks: Vec<(usize, String)>,
    /// A horizontal line (the budget) and its label.
    pub line: Option<(String, f64)>,
    pub unit: ChartUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Line,
    Bars,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartUnit {
    Dollars,
    Count,
}

impl ChartUnit {
    pub fn format(self, value: f64) -> String {
        match self {
            ChartUnit::Dollars => super::money(value),
            ChartUnit::Count => format!("{}", value.round() as i64),
        }
    }
}

/// Dollars with thousands separators and cents: `$1,560.90`, `-$3.00`.
pub fn money(amount: f64) -> String {
    let cents = (amount * 100.0).round() as i64;
    let (sign, cents) = if cents < 0 {
        ("-", -cents)
    } else {
        ("", cents)
    };
    let dollars = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in dollars.chars().enumerate() {
        if i > 0 && (dollars.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}${grouped}.{:02}", cents % 100)
}
