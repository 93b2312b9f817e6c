//! Deciding the format of a file from its content and its name.

use std::path::Path;

use super::InputFormat;

/// The format suggested by a file name, ignoring compression suffixes (`.gz`, `.zst`,
/// `.lz4`, `.bz2`): `x.warc.gz`, `x.arc`, `x.warc.wet.gz` → WARC; `.html`, `.htm`,
/// `.xhtml` → HTML; `.jsonl`, `.json`, `.ndjson` → JSONL; `.parquet` → Parquet; `.txt` → text.
/// `None` when the name says nothing.
pub fn format_from_name(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let mut parts: Vec<&str> = name.split('.').skip(1).collect();
    while let Some(last) = parts.last() {
        if matches!(*last, "gz" | "gzip" | "zst" | "zstd" | "lz4") {
            parts.pop();
        } else {
            break;
        }
    }
    // The last meaningful extension decides, except that any `warc` part makes it a WARC
    // (`x.warc.wet.gz`, `x.warc.wat.gz`).
    if parts
        .iter()
        .any(|p| matches!(*p, "warc" | "arc" | "wet" | "wat"))
    {
        return Some(InputFormat::Warc);
    }
    match *parts.last()? {
        "html" | "htm" | "xhtml" | "shtml" => Some(InputFormat::Html),
        "jsonl" | "json" | "ndjson" => Some(InputFormat::Jsonl),
        "parquet" | "pq" => Some(InputFormat::Parquet),
        "txt" | "text" => Some(InputFormat::Text),
        _ => None,
    }
}

/// What the first bytes of (decompressed) content look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// No bytes at all.
    Empty,
    /// Starts with `WARC/` (after blank lines).
    Warc,
    /// Starts with `{` (after a BOM and whitespace).
    JsonObject,
    /// Starts with `<` (after a BOM and whitespace).
    Markup,
    /// Starts with `PAR1`.
    Parquet,
    /// NUL bytes or invalid UTF-8 in the head.
    Binary,
    /// Anything else that is valid UTF-8 without NUL bytes.
    Text,
}

/// Classifies the head of a (decompressed) file.
pub fn content_kind(head: &[u8]) -> ContentKind {
    if head.is_empty() {
        return ContentKind::Empty;
    }
    if head.starts_with(b"PAR1") {
        return ContentKind::Parquet;
    }
    let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let trimmed = body.get(start..).unwrap_or_default();
    if trimmed.starts_with(b"WARC/") {
        return ContentKind::Warc;
    }
    if trimmed.starts_with(b"{") {
        return ContentKind::JsonObject;
    }
    if trimmed.starts_with(b"<") {
        return ContentKind::Markup;
    }
    if looks_binary(head) {
        return ContentKind::Binary;
    }
    ContentKind::Text
}

/// NUL bytes, or UTF-8 that is invalid before the last (possibly cut) character.
pub fn looks_binary(head: &[u8]) -> bool {
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    match std::str::from_utf8(head) {
        Ok(_) => false,
        // error_len() == None: the input ends inside a character (the head was cut there).
        Err(e) => e.error_len().is_some(),
    }
}

/// The format of a file: the content decides when it is recognisable (`WARC/`, `PAR1`, `{`,
/// `<`), the name otherwise, and plain text when neither says anything.
///
/// A `.warc` file whose content does not start with `WARC/` stays a WARC (its reader reports
/// the malformed header); a binary file with a name that says nothing is read as text (its
/// reader reports it as malformed).
pub fn sniff_format(path: &Path, head: &[u8]) -> InputFormat {
    let by_name = format_from_name(path);
    match content_kind(head) {
        ContentKind::Warc => InputFormat::Warc,
        ContentKind::Parquet => InputFormat::Parquet,
        ContentKind::JsonObject => InputFormat::Jsonl,
        ContentKind::Markup => match by_name {
            // An XHTML page could start with `<?xml`; a WARC never starts with `<`.
            Some(InputFormat::Jsonl) | Some(InputFormat::Warc) | Some(InputFormat::Text) | None => {
                InputFormat::Html
            }
            Some(f) => f,
        },
        ContentKind::Empty | ContentKind::Binary | ContentKind::Text => match by_name {
            Some(InputFormat::Parquet) | None => InputFormat::Text,
            Some(f) => f,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let f = |s: &str| format_from_name(Path::new(s));
        assert_eq!(f("a.warc.gz"), Some(InputFormat::Warc));
        assert_eq!(f("whirlwind.warc.wet.gz"), Some(InputFormat::Warc));
        assert_eq!(f("x.arc"), Some(InputFormat::Warc));
        assert_eq!(f("sh-06e5.html.gz"), Some(InputFormat::Html));
        assert_eq!(f("d.JSONL.zst"), Some(InputFormat::Jsonl));
        assert_eq!(f("d.json.gz"), Some(InputFormat::Jsonl));
        assert_eq!(f("d.ndjson"), Some(InputFormat::Jsonl));
        assert_eq!(f("d.parquet"), Some(InputFormat::Parquet));
        assert_eq!(f("page-403.txt"), Some(InputFormat::Text));
        assert_eq!(f("README"), None);
        assert_eq!(f("x.gz"), None);
    }

    #[test]
    fn content_wins_over_name() {
        let s = |n: &str, h: &[u8]| sniff_format(Path::new(n), h);
        assert_eq!(s("x.txt", b"WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(s("x.gz", b"{\"text\":1}\n"), InputFormat::Jsonl);
        assert_eq!(
            s("x.txt", b"\xef\xbb\xbf  <!doctype html>"),
            InputFormat::Html
        );
        assert_eq!(s("x.jsonl", b"<html>"), InputFormat::Html);
        assert_eq!(s("x.html", b"hello"), InputFormat::Html);
        assert_eq!(s("x.warc", b"garbage"), InputFormat::Warc);
        assert_eq!(s("x", b" date 2025-05-12 403\nSorry"), InputFormat::Text);
        assert_eq!(s("x", b""), InputFormat::Text);
        assert_eq!(s("x.bin", b"\x00\x01\x02"), InputFormat::Text);
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"ab\0c"));
        assert!(looks_binary(b"ab\xffcd"));
        assert!(!looks_binary("héllo".as_bytes()));
        // cut in the middle of a two-byte character
        assert!(!looks_binary(&"hé".as_bytes()[..2]));
        assert_eq!(content_kind(b"\x00\x00"), ContentKind::Binary);
    }
}
