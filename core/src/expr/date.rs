//! Calendar dates as whole days since 1970-01-01, computed by hand.
//!
//! Expressions only ever need dates (SurveyJS's date questions store
//! `YYYY-MM-DD`), so a day count is enough and keeps chrono out of the wasm
//! bundle. The civil-calendar conversions are Howard Hinnant's
//! `days_from_civil` / `civil_from_days` algorithms (proleptic Gregorian).

use std::fmt;
use std::str::FromStr;

/// Milliseconds in a day: a JSON number used as a date counts milliseconds
/// since the epoch, as a JavaScript `Date` does.
const MS_PER_DAY: f64 = 86_400_000.0;

/// A calendar date between 0000-01-01 and 9999-12-31.
///
/// The range keeps every date printable as `YYYY-MM-DD` and every day count
/// far from overflow; arithmetic that leaves it gives `None` (and the
/// expression gives null).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// Days from 1970-01-01 to 0000-01-01 and to 9999-12-31.
const MIN_DAYS: i64 = -719_528;
const MAX_DAYS: i64 = 2_932_896;

impl Date {
    /// The date `year-month-day`, or `None` when it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(0..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Date::from_days(days_from_civil(year, month, day))
    }

    /// The date this many days after 1970-01-01 (negative: before).
    pub fn from_days(days: i64) -> Option<Date> {
        if (MIN_DAYS..=MAX_DAYS).contains(&days) {
            Some(Date(days as i32))
        } else {
            None
        }
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        i64::from(self.0)
    }

    /// `(year, month 1–12, day 1–31)`.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days())
    }

    /// Day of the week, 0 = Sunday … 6 = Saturday, as JavaScript's `getDay`.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.days() + 4).rem_euclid(7) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days().checked_add(n)?)
    }

    /// The date `n` months later, with JavaScript's `setMonth` overflow: a
    /// day past the end of the target month rolls into the next month
    /// (2024-01-31 plus one month is 2024-03-02).
    pub fn add_months(self, n: i64) -> Option<Date> {
        let (y, m, d) = self.ymd();
        let total = i64::from(y)
            .checked_mul(12)?
            .checked_add(i64::from(m) - 1)?
            .checked_add(n)?;
        let year = total.div_euclid(12);
        let month = total.rem_euclid(12) as u32 + 1;
        if !(0..=9999).contains(&year) {
            return None;
        }
        let first = days_from_civil(year as i32, month, 1);
        Date::from_days(first + i64::from(d) - 1)
    }

    /// Parses the date part of `YYYY-MM-DD`, `YYYY/MM/DD` (one- or two-digit
    /// month and day), optionally followed by a time after `T` or a space,
    /// which is ignored.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let date_part = text.split(['T', ' ']).next().unwrap_or("");
        let sep = if date_part.contains('-') { '-' } else { '/' };
        let mut parts = date_part.split(sep);
        let year = parse_digits(parts.next()?, 4, 4)?;
        let month = parse_digits(parts.next()?, 1, 2)?;
        let day = parse_digits(parts.next()?, 1, 2)?;
        if parts.next().is_some() {
            return None;
        }
        Date::from_ymd(year as i32, month, day)
    }

    /// The UTC date of a JavaScript timestamp (milliseconds since the epoch).
    pub fn from_millis(ms: f64) -> Option<Date> {
        if !ms.is_finite() {
            return None;
        }
        let days = (ms / MS_PER_DAY).floor();
        if days.abs() > 1e9 {
            return None;
        }
        Date::from_days(days as i64)
    }
}

fn parse_digits(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// The error of [`Date::from_str`]: the text is not a date Canvass reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a date (expected YYYY-MM-DD)")]
pub struct DateParseError(pub String);

impl FromStr for Date {
    type Err = DateParseError;
    fn from_str(s: &str) -> Result<Date, DateParseError> {
        Date::parse(s).ok_or_else(|| DateParseError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        let cases: &[(&str, i64, u32)] = &[
            ("1970-01-01", 0, 4),
            ("2000-02-29", 11_016, 2),
            ("2026-11-23", 20_780, 1),
            ("1969-12-31", -1, 3),
            ("0000-01-01", MIN_DAYS, 6),
            ("9999-12-31", MAX_DAYS, 5),
        ];
        for &(text, days, weekday) in cases {
            let d = Date::parse(text).unwrap_or_else(|| panic!("{text} parses"));
            assert_eq!(d.days(), days, "{text}");
            assert_eq!(d.weekday(), weekday, "{text} weekday");
            assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn parse_forms() {
        let ok = [
            ("2026-1-5", "2026-01-05"),
            ("2026/11/23", "2026-11-23"),
            (" 2026-11-23T08:30:00+08:00 ", "2026-11-23"),
            ("2026-11-23 08:30", "2026-11-23"),
        ];
        for (text, want) in ok {
            assert_eq!(
                Date::parse(text).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        for bad in [
            "",
            "2026-02-30",
            "2025-02-29",
            "26-11-23",
            "2026-13-01",
            "abc",
            "2026-11",
            "2026-11-23-1",
            "+2026-11-23",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn month_arithmetic_follows_javascript_overflow() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-03-02")));
        assert_eq!(d("2024-02-29").add_months(12), Some(d("2025-03-01")));
        assert_eq!(d("2026-11-23").add_months(-11), Some(d("2025-12-23")));
        assert_eq!(d("9999-12-01").add_months(1), None);
        assert_eq!(d("2026-11-23").add_days(i64::MAX), None);
    }

    #[test]
    fn round_trip_every_day_of_a_range() {
        for days in (MIN_DAYS..=MAX_DAYS).step_by(97) {
            let d = Date::from_days(days).unwrap();
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
        }
    }
}
