//! An instant in UTC, to the second: enough for launch times, snapshot ages and metric
//! windows. Like [`crate::date::Date`], "now" is always passed in.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn now() -> Timestamp {
        Timestamp(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0),
        )
    }

    pub fn secs(self) -> i64 {
        self.0
    }

    pub fn date(self) -> Date {
        Date::from_days_since_epoch(self.0.div_euclid(86_400))
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Timestamp) -> i64 {
        (later.0 - self.0).div_euclid(86_400)
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS][.fff]Z` or with a `+HH:MM` offset.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let text = text.trim();
        if text.len() == 10 {
            return Date::parse(text).map(|d| Timestamp(d.days_since_epoch() * 86_400));
        }
        let (date, rest) = text.split_at_checked(10)?;
        let date = Date::parse(date)?;
        let rest = rest.strip_prefix(['T', 't', ' '])?;
        let (clock, offset) = match rest.find(['Z', 'z', '+', '-']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let clock = clock.split('.').next()?;
        let mut parts = clock.split(':');
        let hour: i64 = parts.next()?.parse().ok()?;
        let minute: i64 = parts.next()?.parse().ok()?;
        let second: i64 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
        if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let offset = match offset {
            "" | "Z" | "z" => 0,
            o => {
                let sign = if o.starts_with('-') { -1 } else { 1 };
                let (h, m) = o[1..].split_once(':')?;
                sign * (h.parse::<i64>().ok()? * 3600 + m.parse::<i64>().ok()? * 60)
            }
        };
        Some(Timestamp(
            date.days_since_epoch() * 86_400 + hour * 3600 + minute * 60 + second - offset,
        ))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.rem_euclid(86_400);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.date(),
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a time (expected e.g. 2026-11-30T12:00:00Z)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_utc() {
        let t = Timestamp::parse("2026-11-30T12:34:56Z").unwrap();
        assert_eq!(t.to_string(), "2026-11-30T12:34:56Z");
        assert_eq!(Timestamp::parse("2026-11-30T13:34:56.123+01:00"), Some(t));
        assert_eq!(
            Timestamp::parse("2026-11-30").unwrap().to_string(),
            "2026-11-30T00:00:00Z"
        );
        assert_eq!(Timestamp::parse("2026-11-30T24:00:00Z"), None);
        assert_eq!(Timestamp::parse("yesterday"), None);
    }

    #[test]
    fn whole_days_round_down() {
        let a = Timestamp::parse("2026-01-01T12:00:00Z").unwrap();
        let b = Timestamp::parse("2026-01-31T11:59:59Z").unwrap();
        assert_eq!(a.days_until(b), 29);
        assert_eq!(b.days_until(a), -30);
    }
}
