//! Plain-text captures: one file, one document.

use std::io::{BufRead, Read};
use std::path::Path;

use tamis_core::{Document, Malformed};

use super::{InputOptions, ReadItem, file_stem, malformed};

/// Reads the whole stream, at most `max` bytes. More than that (a huge file, a gzip bomb)
/// is reported as malformed without reading further.
pub(crate) fn read_bounded(
    path: &Path,
    reader: Box<dyn BufRead + Send>,
    max: usize,
) -> Result<Vec<u8>, Malformed> {
    let mut buf = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    match reader.take(limit).read_to_end(&mut buf) {
        Ok(_) if buf.len() > max => Err(malformed(
            path,
            "whole file",
            format!("larger than max_record_bytes ({max} bytes), skipped"),
        )),
        Ok(_) => Ok(buf),
        Err(e) => Err(malformed(
            path,
            format!("byte offset {}", buf.len()),
            format!("read failed: {e}"),
        )),
    }
}

/// Reads a plain-text capture: the whole file is one document whose id is the file name
/// without extensions. An optional first line `date YYYY-MM-DD NNN` (crawler metadata: fetch
/// date and HTTP status) becomes metadata `date` (string) and `http_status` (integer) and is
/// removed from the text. Empty files give no document; NUL bytes or invalid UTF-8 give a
/// malformed item.
pub(crate) fn read_text(
    path: &Path,
    reader: Box<dyn BufRead + Send>,
    opts: &InputOptions,
) -> Option<ReadItem> {
    let bytes = match read_bounded(path, reader, opts.max_bytes()) {
        Ok(b) => b,
        Err(m) => return Some(ReadItem::Malformed(m)),
    };
    if bytes.is_empty() {
        return None;
    }
    if let Some(pos) = memchr::memchr(0, &bytes) {
        return Some(ReadItem::Malformed(malformed(
            path,
            format!("byte offset {pos}"),
            "binary content (NUL byte) in a text input",
        )));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return Some(ReadItem::Malformed(malformed(
                path,
                format!("byte offset {}", e.utf8_error().valid_up_to()),
                "invalid UTF-8 in a text input",
            )));
        }
    };
    let mut doc = Document::new(file_stem(path), String::new());
    let (first, rest) = match text.split_once('\n') {
        Some((a, b)) => (a, b),
        None => (text.as_str(), ""),
    };
    match parse_date_status(first) {
        Some((date, status)) => {
            doc.set_meta("date", date);
            doc.set_meta("http_status", status);
            doc.text = rest.to_owned();
        }
        None => doc.text = text,
    }
    Some(ReadItem::Doc(doc))
}

/// Parses a crawler metadata line `^\s*date (\d{4}-\d{2}-\d{2}) (\d{3})\s*$`.
pub fn parse_date_status(line: &str) -> Option<(String, u16)> {
    let rest = line.trim().strip_prefix("date ")?;
    let (date, status) = rest.split_once(' ')?;
    let db = date.as_bytes();
    let date_ok = db.len() == 10
        && db.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let status_ok = status.len() == 3 && status.bytes().all(|b| b.is_ascii_digit());
    if !date_ok || !status_ok {
        return None;
    }
    Some((date.to_owned(), status.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Option<ReadItem> {
        read_text(
            Path::new("dir/page.txt"),
            Box::new(std::io::Cursor::new(bytes.to_vec())),
            &InputOptions::default(),
        )
    }

    #[test]
    fn date_line_becomes_metadata() {
        let Some(ReadItem::Doc(d)) = read(b" date 2025-05-12 403\nFirst line.\nSecond.\n") else {
            panic!()
        };
        assert_eq!(d.id, "page");
        assert_eq!(d.text, "First line.\nSecond.\n");
        assert_eq!(d.meta_str("date"), Some("2025-05-12"));
        assert_eq!(d.metadata.get("http_status"), Some(&serde_json::json!(403)));
    }

    #[test]
    fn other_first_lines_stay() {
        for first in [
            "date 2025-5-12 403",
            "date 2025-05-12 40",
            "the date 2025-05-12 403",
            "date 2025-05-12 403 x",
        ] {
            let input = format!("{first}\nbody");
            let Some(ReadItem::Doc(d)) = read(input.as_bytes()) else {
                panic!()
            };
            assert_eq!(d.text, input);
            assert!(d.metadata.is_empty());
        }
    }

    #[test]
    fn empty_binary_and_invalid() {
        assert_eq!(read(b""), None);
        assert!(
            matches!(read(b"ab\0cd"), Some(ReadItem::Malformed(m)) if m.location == "byte offset 2")
        );
        assert!(
            matches!(read(b"abc\xff"), Some(ReadItem::Malformed(m)) if m.location == "byte offset 3")
        );
    }

    #[test]
    fn oversize_is_malformed() {
        let opts = InputOptions {
            max_record_bytes: 10,
            ..Default::default()
        };
        let r = read_text(
            Path::new("a.txt"),
            Box::new(std::io::Cursor::new(vec![b'a'; 11])),
            &opts,
        );
        assert!(matches!(r, Some(ReadItem::Malformed(_))));
        let r = read_text(
            Path::new("a.txt"),
            Box::new(std::io::Cursor::new(vec![b'a'; 10])),
            &opts,
        );
        assert!(matches!(r, Some(ReadItem::Doc(_))));
    }
}
