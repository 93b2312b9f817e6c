//! Publication dates as pages write them, read into ISO 8601.
//!
//! Pages write dates in their `<meta>`, JSON-LD and `<time>` elements as RFC 3339
//! (`2019-11-19T10:36:00.000Z`), as ISO dates with a space or an offset without a colon
//! (`2024-07-18 04:39:31Z`, `2025-01-01T09:00:00+0100`), or as text (`November 19, 2019, 07:47
//! PM EST`, `20 Nov 2019 08:02 GMT`, `Thu, 09/25/2025 - 11:38`, `Dec 17th 2025`, `2020年06月16日`). Users
//! compare and sort them, so each is given as `YYYY-MM-DDTHH:MM:SS±HH:MM` when the page gives a
//! time with its offset (`Z` for UTC), `YYYY-MM-DDTHH:MM:SS` when it gives a time without one, and
//! `YYYY-MM-DD` (or `YYYY` for a bare year) otherwise. Text dates are read with chrono's
//! format parser; a time written after a text date is left out (its zone is a name, such as
//! `EST`, that is not an offset). Placeholders (`0001-01-01`, the Unix epoch) and dates outside
//! 1900..=2100 are no dates.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};

/// Earliest and latest year taken for a publication date. Years before are placeholders of
/// empty fields (`0001-01-01`); years after are typing errors.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Text date formats (chrono), tried in order on the text with a leading weekday and the
/// ordinal suffixes (`17th`) taken out. `%B` reads abbreviated month names too.
const TEXT_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%B %d, %Y",
    "%B %d %Y",
    "%B. %d, %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%d. %B %Y",
    "%Y %B %d",
    "%d.%m.%Y",
    "%Y年%m月%d日",
    "%Y년 %m월 %d일",
];

/// The date `raw` in ISO 8601 (see the module doc), or `None` when it is no date.
pub(crate) fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.len() > 64 {
        return None;
    }
    let iso = iso_datetime(s);
    let out = match iso {
        Some(d) => d,
        None => text_date(s)?,
    };
    let year: i32 = out.get(..4)?.parse().ok()?;
    (YEARS.contains(&year) && !out.starts_with("1970-01-01")).then_some(out)
}

/// An ISO date with a time: RFC 3339, or its common variants (a space for `T`, an offset
/// without a colon, a `GMT`/`UTC` suffix, no offset).
fn iso_datetime(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 16 || !(b.get(10) == Some(&b'T') || b.get(10) == Some(&b' ')) {
        return None;
    }
    let mut t = s.to_owned();
    t.replace_range(10..11, "T");
    for zone in [" GMT", " UTC", " Z"] {
        if let Some(head) = t.strip_suffix(zone) {
            t = format!("{head}Z");
        }
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(&t) {
        return Some(d.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%dT%H:%M:%S%.f %z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(&t, f) {
            return Some(d.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(&t, f) {
            return Some(d.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    None
}

/// A date written as text, or an ISO date followed by something other than a time.
fn text_date(s: &str) -> Option<String> {
    // A leading weekday (`Thu, `, `Monday `) says nothing the date does not.
    let mut t = s;
    if let Some((head, rest)) = t.split_once([',', ' '])
        && head.len() >= 3
        && head.chars().all(char::is_alphabetic)
        && is_weekday(head)
    {
        t = rest.trim_start_matches([',', ' ']);
    }
    let t = without_ordinals(t);
    if t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit()) {
        return Some(t);
    }
    for f in TEXT_FORMATS {
        if let Ok((d, rest)) = NaiveDate::parse_and_remainder(&t, f)
            && ends_date(rest)
        {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    numeric_slash_date(&t)
}

/// `MM/DD/YYYY` or `DD/MM/YYYY`, read only when the order is plain: one of the first two
/// numbers is over 12 (`09/25/2025`), or both are the same.
fn numeric_slash_date(t: &str) -> Option<String> {
    let read = |f| {
        NaiveDate::parse_and_remainder(t, f)
            .ok()
            .filter(|(_, r)| ends_date(r))
            .map(|(d, _)| d)
    };
    let d = match (read("%m/%d/%Y"), read("%d/%m/%Y")) {
        (Some(a), None) | (None, Some(a)) => a,
        (Some(a), Some(b)) if a == b => a,
        _ => return None,
    };
    Some(d.format("%Y-%m-%d").to_string())
}

/// What may follow a date: nothing, or a separator before a time or a zone.
fn ends_date(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '-' | '|' | '@' | 'T' | '·'))
}

fn is_weekday(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| w.starts_with(d))
        && w.len() <= "wednesday".len()
}

/// `Dec 17th 2025` → `Dec 17 2025`: ordinal suffixes right after a day number dropped.
fn without_ordinals(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_digit = false;
    let mut chars = s.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if prev_digit {
            let rest = s.get(k..).unwrap_or_default();
            let suffix = ["st", "nd", "rd", "th"]
                .iter()
                .find(|x| rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(x)));
            let after = rest.get(2..).and_then(|r| r.chars().next());
            if suffix.is_some() && after.is_none_or(|a| !a.is_alphanumeric()) {
                chars.next();
                prev_digit = false;
                continue;
            }
        }
        prev_digit = c.is_ascii_digit();
        out.push(c);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_pages_write_them_read_into_iso() {
        for (raw, iso) in [
            ("2019-11-19T10:36:00.000Z", "2019-11-19T10:36:00Z"),
            ("2024-03-01T10:00:00+01:00", "2024-03-01T10:00:00+01:00"),
            ("2025-01-01T09:00:00+0100", "2025-01-01T09:00:00+01:00"),
            ("2024-07-18 04:39:31Z", "2024-07-18T04:39:31Z"),
            ("2019-11-18 17:19:53 GMT", "2019-11-18T17:19:53Z"),
            ("2023-05-31 00:12:34", "2023-05-31T00:12:34"),
            ("2021-06-03T15:49", "2021-06-03T15:49:00"),
            ("2025-03-26", "2025-03-26"),
            ("2025/12/18", "2025-12-18"),
            ("November 19, 2019, 07:47 PM EST", "2019-11-19"),
            ("November 20, 2019 12:32", "2019-11-20"),
            ("20 Nov 2019 08:02 GMT", "2019-11-20"),
            ("Aug 21, 2025", "2025-08-21"),
            ("Dec 17th 2025", "2025-12-17"),
            ("2023 Jan 7", "2023-01-07"),
            ("Thu, 09/25/2025 - 11:38", "2025-09-25"),
            ("02/28/2023 05:17:31 AM", "2023-02-28"),
            ("28/02/2023", "2023-02-28"),
            ("31.12.2024", "2024-12-31"),
            ("Monday, 3 March 2025", "2025-03-03"),
            ("2020", "2020"),
            ("2020年06月16日 02:31", "2020-06-16"),
            ("2026년 3월 3일", "2026-03-03"),
        ] {
            assert_eq!(normalize(raw).as_deref(), Some(iso), "{raw}");
        }
    }

    #[test]
    fn placeholders_and_ambiguous_or_broken_dates_are_no_dates() {
        for raw in [
            "0001-01-01",
            "0001-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2019-13-45",
            "03/04/2025",
            "yesterday",
            "",
            "12345",
            "2019-11-190",
            "Septembruary 3, 2020",
        ] {
            assert_eq!(normalize(raw), None, "{raw}");
        }
    }
}
