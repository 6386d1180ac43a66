//! Local time as Canvass records it: RFC 3339 with the device's own UTC
//! offset (`2026-11-23T16:20:05+08:00`), so that period reports group a
//! response by the calendar day the respondent lived it. Built from
//! `js_sys::Date` to keep chrono out of the bundle.

/// The fields of one local instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Minutes east of UTC (China: +480). `Date.getTimezoneOffset` is the
    /// opposite sign.
    pub offset_minutes: i32,
}

impl LocalTime {
    /// The device's current local time.
    pub fn now() -> LocalTime {
        let d = js_sys::Date::new_0();
        LocalTime {
            year: d.get_full_year() as i32,
            month: d.get_month() + 1,
            day: d.get_date(),
            hour: d.get_hours(),
            minute: d.get_minutes(),
            second: d.get_seconds(),
            offset_minutes: -(d.get_timezone_offset() as i32),
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM`.
    pub fn rfc3339(&self) -> String {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let off = self.offset_minutes.unsigned_abs();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            off / 60,
            off % 60
        )
    }

    /// `YYYYMMDD-HHMMSS`, for file names.
    pub fn file_stamp(&self) -> String {
        format!(
            "{:04}{:02}{:02}-{:02}{:02}{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// Now, as stored in `started_at` / `completed_at` / `exported_at`.
pub fn now_rfc3339() -> String {
    LocalTime::now().rfc3339()
}

#[cfg(test)]
mod tests {
    use super::LocalTime;

    fn at(offset_minutes: i32) -> LocalTime {
        LocalTime {
            year: 2026,
            month: 11,
            day: 3,
            hour: 6,
            minute: 5,
            second: 9,
            offset_minutes,
        }
    }

    #[test]
    fn rfc3339_carries_the_local_offset() {
        let cases = [
            (480, "2026-11-03T06:05:09+08:00"),
            (0, "2026-11-03T06:05:09+00:00"),
            (-210, "2026-11-03T06:05:09-03:30"),
            (345, "2026-11-03T06:05:09+05:45"),
        ];
        for (offset, expected) in cases {
            assert_eq!(at(offset).rfc3339(), expected, "offset {offset}");
        }
    }

    #[test]
    fn file_stamp_is_compact_and_padded() {
        assert_eq!(at(480).file_stamp(), "20261103-060509");
    }
}
