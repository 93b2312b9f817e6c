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

/// The day a page's URL names in its path: `/2019/11/19/`, `/2019/nov/18/`, `/2019-11-19-title`
/// (year, month as a number or an English name, day, each separated by the same `/`, `-` or
/// `_`), as `YYYY-MM-DD`, or `None`. News and blog systems put the publication day there.
/// The host and the query are not read, nor a bare year or month (archive pages), nor
/// 8-digit runs (`20191115`), which are as often identifiers.
pub(crate) fn from_url(url: &str) -> Option<String> {
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').and_then(|k| rest.get(k..))?,
        None => url,
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    if path.len() > MAX_URL_PATH_BYTES {
        return None;
    }
    // Tokens with the separator that ends each one.
    let mut toks: Vec<(&str, char)> = Vec::new();
    let mut start = 0;
    for (k, c) in path.char_indices() {
        if matches!(c, '/' | '-' | '_' | '.') {
            toks.push((path.get(start..k).unwrap_or_default(), c));
            start = k + c.len_utf8();
        }
    }
    toks.push((path.get(start..).unwrap_or_default(), '/'));
    toks.windows(3).find_map(|w| {
        let [(y, s1), (m, s2), (d, _)] = w else {
            return None;
        };
        if s1 != s2 || *s1 == '.' || y.len() != 4 || !(1..=2).contains(&d.len()) {
            return None;
        }
        let year: i32 = y.parse().ok().filter(|y| YEARS.contains(y))?;
        let month = month_number(m)?;
        let day: u32 = d.parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, day).map(|d| d.format("%Y-%m-%d").to_string())
    })
}

/// A URL path longer than this (bytes) is not searched for a date.
const MAX_URL_PATH_BYTES: usize = 2048;

/// `11`, `nov` or `november` (any case) → 11.
pub(crate) fn month_number(m: &str) -> Option<u32> {
    if (1..=2).contains(&m.len()) && m.bytes().all(|c| c.is_ascii_digit()) {
        return m.parse().ok().filter(|n| (1..=12).contains(n));
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let k = MONTHS.iter().position(|full| {
        m.len() >= 3
            && full
                .get(..m.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(m))
    })?;
    u32::try_from(k + 1).ok()
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
    // So does a time before the date (`Fri 6:45 PM, Feb 16, 2018`).
    let t = without_ordinals(without_leading_time(t));
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

/// `s` without a leading clock time (`6:45 PM, `, `18:05 `) and what separates it from the
/// rest; `s` itself when it does not start with one.
fn without_leading_time(s: &str) -> &str {
    let b = s.as_bytes();
    let hours = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hours)
        || b.get(hours) != Some(&b':')
        || !b
            .get(hours + 1..hours + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
    {
        return s;
    }
    let rest = s.get(hours + 3..).unwrap_or_default().trim_start();
    let rest = ["am", "pm", "a.m.", "p.m."]
        .iter()
        .find_map(|m| {
            rest.get(..m.len())
                .filter(|h| h.eq_ignore_ascii_case(m))
                .and_then(|_| rest.get(m.len()..))
        })
        .unwrap_or(rest);
    rest.trim_start_matches([',', ' '])
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
            ("Fri 6:45 PM, Feb 16, 2018", "2018-02-16"),
            ("18:05, 3 March 2025", "2025-03-03"),
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
    #[test]
    fn dates_in_url_paths() {
        for (url, day) in [
            (
                "https://www.e.com/story/news/2019/11/19/some-title/4236383002/",
                Some("2019-11-19"),
            ),
            (
                "https://e.com/statements/2019/nov/18/someone/",
                Some("2019-11-18"),
            ),
            (
                "https://e.com/blog/2024-03-05-release-notes",
                Some("2024-03-05"),
            ),
            ("/2021_7_4/fireworks.html", Some("2021-07-04")),
            ("https://e.com/2019/11/", None),
            ("https://e.com/2019/", None),
            ("https://e.com/a/title-20191115/", None),
            ("https://e.com/2019/13/01/x", None),
            ("https://e.com/2019/02/30/x", None),
            ("https://e.com/2019/11-19/x", None),
            ("https://e.com/files/1.2019.11.19.pdf", None),
            ("https://e.com/x?date=2019-11-19", None),
            ("https://2019-11-19.e.com/x", None),
            ("https://e.com/v/1234/56/78", None),
            ("https://e.com/2019/may/bee/", None),
        ] {
            assert_eq!(from_url(url).as_deref(), day, "{url}");
        }
    }
}
