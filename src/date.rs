//! A calendar date without a time zone, enough for expiry dates and billing days. "Today"
//! is always passed in, so tests and reports are reproducible.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day_text = parts.next()?;
        if day_text.len() != 2 {
            return None;
        }
        Date::new(year, month, day_text.parse().ok()?)
    }

    /// Today in UTC, from the system clock.
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days_since_epoch(secs.div_euclid(86_400))
    }

    /// Howard Hinnant's `civil_from_days`.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The day `days` later (earlier when negative).
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// The first day of this date's month.
    pub fn month_start(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }

    /// The first day of the next month.
    pub fn next_month_start(self) -> Date {
        if self.month == 12 {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                year: self.year,
                month: self.month + 1,
                day: 1,
            }
        }
    }

    /// The first day of the previous month.
    pub fn previous_month_start(self) -> Date {
        if self.month == 1 {
            Date {
                year: self.year - 1,
                month: 12,
                day: 1,
            }
        } else {
            Date {
                year: self.year,
                month: self.month - 1,
                day: 1,
            }
        }
    }

    /// Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn month_arithmetic_crosses_years() {
        let d = Date::new(2026, 12, 17).unwrap();
        assert_eq!(d.month_start(), Date::new(2026, 12, 1).unwrap());
        assert_eq!(d.next_month_start(), Date::new(2027, 1, 1).unwrap());
        assert_eq!(d.previous_month_start(), Date::new(2026, 11, 1).unwrap());
        let jan = Date::new(2027, 1, 31).unwrap();
        assert_eq!(jan.previous_month_start(), Date::new(2026, 12, 1).unwrap());
        assert_eq!(jan.plus_days(1), Date::new(2027, 2, 1).unwrap());
        assert_eq!(jan.plus_days(-31), Date::new(2026, 12, 31).unwrap());
    }

    #[test]
    fn parse_and_display() {
        let d = Date::parse("2027-06-30").unwrap();
        assert_eq!(d.to_string(), "2027-06-30");
        assert!(Date::parse("2027-02-29").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2027-6-3").is_none());
        assert!(Date::parse("soon").is_none());
    }

    #[test]
    fn epoch() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
    }

    proptest! {
        #[test]
        fn days_round_trip(days in -100_000i64..100_000) {
            prop_assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }
}
