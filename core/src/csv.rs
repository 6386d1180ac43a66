//! A small CSV writer (RFC 4180): fields containing a comma, a quote, CR or
//! LF are quoted, quotes doubled; records end with CRLF, which Excel and
//! every CSV reader accept.
//!
//! Why not the `csv` crate: writing is all Canvass needs, and this is a
//! dozen lines; the crate (with `csv-core`, `memchr`, `itoa`, `ryu`) would
//! add its reader and serde glue to the office's wasm bundle for nothing.

/// The UTF-8 byte order mark. Excel opens a CSV file as UTF-8 (and shows
/// Chinese correctly) only when the file starts with it.
pub const BOM: &str = "\u{FEFF}";

/// Appends one field, quoted when needed.
pub fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        for c in field.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Appends one record and its CRLF.
pub fn push_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f.as_ref());
    }
    out.push_str("\r\n");
}

/// The whole document, without a byte order mark (prepend [`BOM`] for a
/// file meant for Excel).
pub fn to_csv<S: AsRef<str>>(records: &[Vec<S>]) -> String {
    let mut out = String::new();
    for r in records {
        push_record(&mut out, r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_quoting() {
        let rows = vec![
            vec!["id", "comment", "score"],
            vec!["a", "电压不稳, 经常停电", "80"],
            vec!["b", "said \"fine\"", ""],
            vec!["c", "two\nlines", "-1.5"],
            vec!["d", "cr\rhere", "x"],
        ];
        assert_eq!(
            to_csv(&rows),
            "id,comment,score\r\na,\"电压不稳, 经常停电\",80\r\nb,\"said \"\"fine\"\"\",\r\nc,\"two\nlines\",-1.5\r\nd,\"cr\rhere\",x\r\n"
        );
    }

    #[test]
    fn an_empty_record_is_an_empty_line() {
        let rows: Vec<Vec<&str>> = vec![vec![], vec![""]];
        assert_eq!(to_csv(&rows), "\r\n\r\n");
    }
}
