//! Calendar periods and timestamps. Periods use the local calendar date of a
//! timestamp *as recorded* (DOMAIN resolved item 22): `2026-03-31T23:30:00+08:00`
//! is in March even though it is 15:30 UTC, because the interviewer was in
//! March. "Latest visit" comparisons, on the other hand, use the instant
//! with the offset applied (item 21). Both are parsed here by hand: a date
//! library would add weight to the wasm bundle for two small functions.

use serde::{Deserialize, Serialize};

/// How records are grouped in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Period {
    Month,
    Quarter,
    Year,
}

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// One calendar period: a year, and the month (1–12) or quarter (1–4)
/// within it (0 for a whole year). Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeriodKey {
    pub kind: PeriodKind,
    pub year: i32,
    pub index: u8,
}

/// `Period` without serde, usable as part of an ordered key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn digits(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl LocalDate {
    /// The date part of an RFC 3339 timestamp (`YYYY-MM-DD…`), as written:
    /// no conversion to UTC. `None` when it is not a valid date.
    pub fn parse(timestamp: &str) -> Option<LocalDate> {
        let date = timestamp.get(..10)?;
        let bytes = date.as_bytes();
        if bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = digits(&date[..4])? as i32;
        let month = digits(&date[5..7])? as u8;
        let day = digits(&date[8..10])? as u8;
        let rest = &timestamp[10..];
        if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
            return None;
        }
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(LocalDate { year, month, day })
    }

    /// The period of `kind` containing this date.
    pub fn period(self, kind: Period) -> PeriodKey {
        let (kind, index) = match kind {
            Period::Month => (PeriodKind::Month, self.month),
            Period::Quarter => (PeriodKind::Quarter, (self.month - 1) / 3 + 1),
            Period::Year => (PeriodKind::Year, 0),
        };
        PeriodKey {
            kind,
            year: self.year,
            index,
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl PeriodKey {
    /// The immediately preceding calendar period: January's is the previous
    /// year's December, Q1's the previous year's Q4 (not the last period
    /// that happens to have data).
    pub fn previous(self) -> PeriodKey {
        let last = match self.kind {
            PeriodKind::Month => 12,
            PeriodKind::Quarter => 4,
            PeriodKind::Year => 0,
        };
        match self.kind {
            PeriodKind::Year => PeriodKey {
                year: self.year - 1,
                ..self
            },
            _ if self.index <= 1 => PeriodKey {
                year: self.year - 1,
                index: last,
                ..self
            },
            _ => PeriodKey {
                index: self.index - 1,
                ..self
            },
        }
    }

    /// `2026-03`, `2026-Q1`, `2026`.
    pub fn label(self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{:04}-{:02}", self.year, self.index),
            PeriodKind::Quarter => format!("{:04}-Q{}", self.year, self.index),
            PeriodKind::Year => format!("{:04}", self.year),
        }
    }
}

/// An RFC 3339 timestamp as an instant: nanoseconds since the Unix epoch,
/// UTC offset applied. `None` when the text is not RFC 3339 with an offset
/// (`Z` or `±HH:MM`).
pub fn instant(timestamp: &str) -> Option<i128> {
    let date = LocalDate::parse(timestamp)?;
    let rest = timestamp.get(10..)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let time = rest.get(..8)?;
    let tb = time.as_bytes();
    if tb[2] != b':' || tb[5] != b':' {
        return None;
    }
    let (h, m, s) = (
        digits(&time[..2])?,
        digits(&time[3..5])?,
        digits(&time[6..8])?,
    );
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    let mut rest = &rest[8..];
    let mut nanos: i128 = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        let len = frac.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 {
            return None;
        }
        let kept = &frac[..len.min(9)];
        nanos = i128::from(digits(kept)?) * 10i128.pow(9 - kept.len() as u32);
        rest = &frac[len..];
    }
    let offset_seconds: i64 = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (oh, om) = (rest.get(1..3)?, rest.get(4..6)?);
            if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                return None;
            }
            let (oh, om) = (digits(oh)?, digits(om)?);
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    let seconds = date.days_since_epoch() * 86_400 + h * 3600 + m * 60 + s - offset_seconds;
    Some(i128::from(seconds) * 1_000_000_000 + nanos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_date_is_the_recorded_date_not_utc() {
        let cases = [
            ("2026-03-31T23:30:00+08:00", Some((2026, 3, 31))),
            ("2026-04-01T00:10:00+08:00", Some((2026, 4, 1))),
            ("2025-12-31T23:59:59-05:00", Some((2025, 12, 31))),
            ("2024-02-29T10:00:00Z", Some((2024, 2, 29))),
            ("2026-11-23", Some((2026, 11, 23))),
            ("2023-02-29T10:00:00Z", None),
            ("2026-13-01T00:00:00Z", None),
            ("2026-1-01T00:00:00Z", None),
            ("yesterday", None),
            ("", None),
            ("2026-11-23X", None),
        ];
        for (text, want) in cases {
            let got = LocalDate::parse(text).map(|d| (d.year, d.month, d.day));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn periods_labels_and_previous() {
        let d = |y, m, day| LocalDate {
            year: y,
            month: m,
            day,
        };
        let cases = [
            (d(2026, 3, 31), Period::Quarter, "2026-Q1", "2025-Q4"),
            (d(2026, 4, 1), Period::Quarter, "2026-Q2", "2026-Q1"),
            (d(2026, 12, 31), Period::Quarter, "2026-Q4", "2026-Q3"),
            (d(2026, 1, 15), Period::Month, "2026-01", "2025-12"),
            (d(2026, 11, 23), Period::Month, "2026-11", "2026-10"),
            (d(2026, 6, 1), Period::Year, "2026", "2025"),
        ];
        for (date, kind, label, previous) in cases {
            let key = date.period(kind);
            assert_eq!(key.label(), label);
            assert_eq!(key.previous().label(), previous, "{label}");
        }
        assert!(d(2025, 12, 1).period(Period::Month) < d(2026, 1, 1).period(Period::Month));
    }

    #[test]
    fn instants_apply_the_offset() {
        let a = instant("2026-11-23T16:20:05+08:00").unwrap();
        let b = instant("2026-11-23T08:20:05Z").unwrap();
        assert_eq!(a, b);
        assert_eq!(instant("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(instant("1970-01-01T08:00:00.5+08:00"), Some(500_000_000));
        assert_eq!(
            instant("2000-03-01T00:00:00Z"),
            Some(951_868_800 * 1_000_000_000)
        );
        // Later in local time but earlier as an instant.
        assert!(
            instant("2026-11-23T10:00:00+08:00").unwrap()
                < instant("2026-11-23T09:00:00+00:00").unwrap()
        );
        for bad in [
            "2026-11-23",
            "2026-11-23T16:20:05",
            "2026-11-23T16:20:05+0800",
            "2026-11-23T25:00:00Z",
            "2026-11-23T16:20:05.Z",
        ] {
            assert_eq!(instant(bad), None, "{bad}");
        }
    }
}
