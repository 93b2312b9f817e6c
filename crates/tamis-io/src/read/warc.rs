//! WARC 1.0/1.1 records (including WET and WAT files) over an already decompressed stream.
//!
//! A small streaming record parser: version line, header fields up to the blank line,
//! `Content-Length` bytes of block. Gzip per-record members, whole-file gzip, zstd and lz4 are
//! all undone below it by [`crate::compression`], so the parser sees one byte stream.
//! Header lines may end in CRLF or LF. A record whose header cannot be parsed is reported and
//! the parser resynchronises on the next `WARC/` version line; a stream that ends (or fails to
//! decompress) inside a record reports that record with its byte offset and stops.

use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use tamis_core::{Document, Media};

use super::jsonl::{LineRead, read_line_bounded};
use super::sniff::{ContentKind, content_kind};
use super::{InputOptions, ReadItem, malformed};
use crate::compression::ByteCounter;

/// Longest WARC or HTTP header line accepted, bytes.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Longest WARC header block accepted, bytes (FastWARC's default is 32 KiB; ClueWeb22 records
/// carry headers near 1 MiB).
const MAX_HEADER_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Expecting the next record's version line.
    Start,
    /// After a malformed header: scanning for the next `WARC/` line.
    Resync,
    /// The stream ended or failed.
    Done,
}

/// The header fields the reader uses.
#[derive(Debug, Default)]
struct Header {
    record_type: Option<String>,
    record_id: Option<String>,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: Option<String>,
    content_length: Option<String>,
}

pub(crate) struct WarcReader {
    path: PathBuf,
    src: Box<dyn BufRead + Send>,
    counter: ByteCounter,
    /// Decompressed offset of the next unread byte.
    offset: u64,
    /// Records started so far.
    record_no: u64,
    types: Vec<String>,
    max: usize,
    html_only: bool,
    line: Vec<u8>,
    state: State,
}

// The helpers return the item to emit as their error; it is built once per bad record, so
// its size does not matter.
#[allow(clippy::result_large_err)]
impl WarcReader {
    pub(crate) fn new(
        path: &Path,
        src: Box<dyn BufRead + Send>,
        counter: ByteCounter,
        opts: &InputOptions,
    ) -> Self {
        Self {
            path: path.to_path_buf(),
            src,
            counter,
            offset: 0,
            record_no: 0,
            types: opts.warc_record_types.clone(),
            max: opts.max_bytes(),
            html_only: opts.html_only,
            line: Vec::with_capacity(256),
            state: State::Start,
        }
    }

    fn location(&self, offset: u64) -> String {
        format!("record {} at byte offset {offset}", self.record_no)
    }

    fn bad(&self, offset: u64, message: impl Into<String>) -> ReadItem {
        ReadItem::Malformed(malformed(&self.path, self.location(offset), message))
    }

    /// Reads one line into `self.line`; `None` at end of input.
    fn read_line(&mut self) -> io::Result<Option<bool>> {
        let r = read_line_bounded(&mut self.src, &mut self.line, MAX_HEADER_LINE)?;
        match r {
            LineRead::Eof => Ok(None),
            LineRead::Line => {
                self.offset += self.line.len() as u64 + 1;
                if self.line.last() == Some(&b'\r') {
                    self.line.pop();
                }
                Ok(Some(true))
            }
            LineRead::TooLong(n) => {
                self.offset += n + 1;
                Ok(Some(false))
            }
        }
    }

    /// The stream failed to decompress or read: report and stop.
    fn fail(&mut self, offset: u64, what: &str, e: &io::Error) -> ReadItem {
        self.state = State::Done;
        self.bad(
            offset,
            format!(
                "{what}: {e} (truncated or corrupt file; about {} stored bytes read)",
                self.counter.get()
            ),
        )
    }

    /// Finds the next version line. Returns its offset, or `None` at the end of input.
    fn next_version_line(&mut self) -> Result<Option<u64>, ReadItem> {
        loop {
            let start = self.offset;
            match self.read_line() {
                Ok(None) => return Ok(None),
                Ok(Some(complete)) => {
                    if complete && self.line.starts_with(b"WARC/") {
                        return Ok(Some(start));
                    }
                    if self.state == State::Resync || (complete && self.line.is_empty()) {
                        continue;
                    }
                    self.record_no += 1;
                    self.state = State::Resync;
                    let seen = String::from_utf8_lossy(self.line.get(..40).unwrap_or(&self.line))
                        .into_owned();
                    return Err(self.bad(
                        start,
                        format!("expected a WARC/1.x version line, found {seen:?}"),
                    ));
                }
                Err(e) => {
                    self.record_no += 1;
                    return Err(self.fail(start, "read error between records", &e));
                }
            }
        }
    }

    /// Reads the header fields after the version line.
    fn read_header(&mut self, start: u64) -> Result<Header, ReadItem> {
        let mut h = Header::default();
        let mut bytes = 0usize;
        loop {
            match self.read_line() {
                Ok(None) => {
                    self.state = State::Done;
                    return Err(self.bad(start, "stream ends inside the WARC header"));
                }
                Ok(Some(false)) => {
                    self.state = State::Resync;
                    return Err(self.bad(
                        start,
                        format!("WARC header line longer than {MAX_HEADER_LINE} bytes"),
                    ));
                }
                Ok(Some(true)) => {}
                Err(e) => return Err(self.fail(start, "read error in the WARC header", &e)),
            }
            if self.line.is_empty() {
                return Ok(h);
            }
            bytes += self.line.len();
            if bytes > MAX_HEADER_BYTES {
                self.state = State::Resync;
                return Err(self.bad(
                    start,
                    format!("WARC header longer than {MAX_HEADER_BYTES} bytes"),
                ));
            }
            let Some(colon) = memchr::memchr(b':', &self.line) else {
                continue;
            };
            let (name, value) = self.line.split_at(colon);
            let value = String::from_utf8_lossy(value.get(1..).unwrap_or_default())
                .trim()
                .to_owned();
            let slot = if name.eq_ignore_ascii_case(b"WARC-Type") {
                &mut h.record_type
            } else if name.eq_ignore_ascii_case(b"WARC-Record-ID") {
                &mut h.record_id
            } else if name.eq_ignore_ascii_case(b"WARC-Target-URI") {
                &mut h.target_uri
            } else if name.eq_ignore_ascii_case(b"WARC-Date") {
                &mut h.date
            } else if name.eq_ignore_ascii_case(b"Content-Type") {
                &mut h.content_type
            } else if name.eq_ignore_ascii_case(b"Content-Length") {
                &mut h.content_length
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
    }

    /// Reads `len` bytes of record block (or discards them when `keep` is false).
    fn read_block(&mut self, start: u64, len: u64, keep: bool) -> Result<Vec<u8>, ReadItem> {
        let mut buf = Vec::new();
        let got = if keep {
            buf.reserve(usize::try_from(len.min(16 * 1024 * 1024)).unwrap_or(0));
            (&mut self.src)
                .take(len)
                .read_to_end(&mut buf)
                .map(|n| n as u64)
        } else {
            io::copy(&mut (&mut self.src).take(len), &mut io::sink())
        };
        match got {
            Ok(n) => {
                self.offset += n;
                if n < len {
                    self.state = State::Done;
                    return Err(self.bad(
                        start,
                        format!("stream ends inside the record: {n} of {len} content bytes present (truncated file)"),
                    ));
                }
                Ok(buf)
            }
            Err(e) => {
                self.offset += buf.len() as u64;
                Err(self.fail(start, "record content cannot be read", &e))
            }
        }
    }

    fn read_record(&mut self) -> Option<ReadItem> {
        let start = match self.next_version_line() {
            Ok(Some(s)) => s,
            Ok(None) => {
                self.state = State::Done;
                return None;
            }
            Err(item) => return Some(item),
        };
        self.state = State::Start;
        self.record_no += 1;
        let header = match self.read_header(start) {
            Ok(h) => h,
            Err(item) => return Some(item),
        };
        let Some(len) = header
            .content_length
            .as_deref()
            .and_then(|v| v.parse::<u64>().ok())
        else {
            self.state = State::Resync;
            return Some(self.bad(
                start,
                format!(
                    "missing or invalid Content-Length {:?}",
                    header.content_length.as_deref().unwrap_or("")
                ),
            ));
        };
        let rtype = header
            .record_type
            .clone()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let wanted = rtype != "revisit" && self.types.contains(&rtype);
        let too_big = len > self.max as u64;
        let block = match self.read_block(start, len, wanted && !too_big) {
            Ok(b) => b,
            Err(item) => return Some(item),
        };
        if !wanted {
            return Some(ReadItem::Skipped);
        }
        if too_big {
            return Some(self.bad(
                start,
                format!(
                    "{rtype} record of {len} bytes is larger than max_record_bytes ({}), skipped",
                    self.max
                ),
            ));
        }
        Some(self.to_item(start, header, &rtype, block))
    }

    fn to_item(&self, start: u64, header: Header, rtype: &str, block: Vec<u8>) -> ReadItem {
        let id = header
            .record_id
            .clone()
            .unwrap_or_else(|| format!("{}#{}", super::file_stem(&self.path), self.record_no));
        let mut doc = Document::new(id, String::new());
        if let Some(u) = &header.target_uri {
            doc.set_meta("url", u.as_str());
        }
        if let Some(d) = &header.date {
            doc.set_meta("date", d.as_str());
        }
        if let Some(r) = &header.record_id {
            doc.set_meta("warc_record_id", r.as_str());
        }
        // An HTTP response is recognised by its status line, not by the declared
        // `application/http` type: some crawls (ClueWeb22) declare it on bare HTML blocks.
        let is_http = rtype == "response" && block.starts_with(b"HTTP/");
        match rtype {
            "response" | "resource" => {
                let (body, content_type) = if is_http {
                    let http = match parse_http(&block) {
                        Ok(h) => h,
                        Err(msg) => return self.bad(start, msg),
                    };
                    if let Some(s) = http.status {
                        doc.set_meta("http_status", s);
                    }
                    let body = match decode_body(&block, &http, self.max) {
                        Ok(b) => b,
                        Err(msg) => return self.bad(start, msg),
                    };
                    (body, http.content_type)
                } else {
                    // A declared `application/http` without a status line says nothing about
                    // the payload: let the bytes decide.
                    let declared = header.content_type.clone();
                    (
                        block,
                        declared
                            .filter(|c| !c.to_ascii_lowercase().starts_with("application/http")),
                    )
                };
                let (mime, charset) = split_content_type(content_type.as_deref());
                if self.html_only && !is_textual(mime.as_deref(), &body) {
                    return ReadItem::Skipped;
                }
                if let Some(ct) = &content_type {
                    doc.set_meta("content_type", ct.as_str());
                }
                doc.media = Some(Media {
                    bytes: body,
                    mime,
                    charset,
                });
            }
            _ => {
                // conversion (WET text) and any other type the user asked for: the block is
                // the text. Invalid UTF-8 is replaced rather than losing the record.
                if let Some(ct) = &header.content_type {
                    doc.set_meta("content_type", ct.as_str());
                }
                doc.text = match String::from_utf8(block) {
                    Ok(s) => s,
                    Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                };
            }
        }
        ReadItem::Doc(doc)
    }
}

impl Iterator for WarcReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        if self.state == State::Done {
            return None;
        }
        self.read_record()
    }
}

/// The parts of an HTTP response header the reader uses.
#[derive(Debug, Default, PartialEq)]
struct Http {
    status: Option<u16>,
    content_type: Option<String>,
    transfer_encoding: Option<String>,
    content_encoding: Option<String>,
    /// Offset of the body in the block.
    body_start: usize,
}

/// Parses an HTTP response header (CRLF or LF line ends).
fn parse_http(block: &[u8]) -> Result<Http, String> {
    let mut http = Http::default();
    let mut pos = 0usize;
    let mut first = true;
    loop {
        let rest = block.get(pos..).unwrap_or_default();
        let Some(nl) = memchr::memchr(b'\n', rest) else {
            if first && !rest.is_empty() {
                // A status line alone without a newline: no body.
                http.status = parse_status(rest);
                http.body_start = block.len();
                return Ok(http);
            }
            return Err("HTTP header is not terminated by a blank line".to_owned());
        };
        let raw = rest.get(..nl).unwrap_or_default();
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        pos += nl + 1;
        if first {
            first = false;
            http.status = parse_status(line);
            if http.status.is_none() {
                return Err(format!(
                    "bad HTTP status line {:?}",
                    String::from_utf8_lossy(line.get(..60).unwrap_or(line))
                ));
            }
            continue;
        }
        if line.is_empty() {
            http.body_start = pos;
            return Ok(http);
        }
        let Some(colon) = memchr::memchr(b':', line) else {
            continue;
        };
        let (name, value) = line.split_at(colon);
        let value = || {
            Some(
                String::from_utf8_lossy(value.get(1..).unwrap_or_default())
                    .trim()
                    .to_owned(),
            )
        };
        let name = trim_ascii(name);
        if name.eq_ignore_ascii_case(b"Content-Type") && http.content_type.is_none() {
            http.content_type = value();
        } else if name.eq_ignore_ascii_case(b"Transfer-Encoding") {
            http.transfer_encoding = value();
        } else if name.eq_ignore_ascii_case(b"Content-Encoding") {
            http.content_encoding = value();
        }
    }
}

fn trim_ascii(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    s.get(start..end).unwrap_or_default()
}

/// `HTTP/1.1 200 OK` → 200.
fn parse_status(line: &[u8]) -> Option<u16> {
    let s = std::str::from_utf8(line).ok()?;
    let mut parts = s.split_ascii_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let code = parts.next()?;
    if code.len() != 3 {
        return None;
    }
    code.parse().ok()
}

/// The HTTP body, with chunked transfer encoding and gzip/deflate/br content encoding undone.
/// Decoding that fails leaves the bytes as they are when they look like text (crawlers often
/// store bodies already decoded but keep the header); otherwise the record is malformed.
fn decode_body(block: &[u8], http: &Http, max: usize) -> Result<Vec<u8>, String> {
    let mut body = block.get(http.body_start..).unwrap_or_default().to_vec();
    let has = |v: &Option<String>, what: &str| {
        v.as_deref()
            .is_some_and(|s| s.to_ascii_lowercase().contains(what))
    };
    if has(&http.transfer_encoding, "chunked")
        && let Some(d) = dechunk(&body)
    {
        body = d;
    }
    let encoding = http
        .content_encoding
        .as_deref()
        .map(|s| s.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let decoded = match encoding.as_str() {
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => Some(bounded_read(
            flate2::read::MultiGzDecoder::new(body.as_slice()),
            max,
        )),
        "deflate" => Some(
            bounded_read(flate2::read::ZlibDecoder::new(body.as_slice()), max)
                .or_else(|_| bounded_read(flate2::read::DeflateDecoder::new(body.as_slice()), max)),
        ),
        "br" => Some(bounded_read(
            brotli_decompressor::Decompressor::new(body.as_slice(), 64 * 1024),
            max,
        )),
        _ => None,
    };
    match decoded {
        None => Ok(body),
        Some(Ok(d)) => Ok(d),
        Some(Err(e)) if e.kind() == io::ErrorKind::FileTooLarge => Err(format!(
            "HTTP body decodes ({encoding}) to more than max_record_bytes ({max}), skipped"
        )),
        Some(Err(e)) => match content_kind(body.get(..1024).unwrap_or(&body)) {
            ContentKind::Markup | ContentKind::Text | ContentKind::Empty => Ok(body),
            _ => Err(format!("HTTP body cannot be decoded ({encoding}): {e}")),
        },
    }
}

/// Reads all of `r` but at most `max` bytes; more is an error of kind `FileTooLarge`.
fn bounded_read(r: impl Read, max: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(max as u64 + 1).read_to_end(&mut out)?;
    if out.len() > max {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            "decoded body too large",
        ));
    }
    Ok(out)
}

/// Undoes HTTP/1.1 chunked transfer coding; `None` if the body is not validly chunked.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut pos = 0usize;
    loop {
        let rest = body.get(pos..)?;
        let nl = memchr::memchr(b'\n', rest)?;
        let line = rest.get(..nl)?;
        let size_part = line.split(|b| *b == b';').next()?;
        let size_str = std::str::from_utf8(trim_ascii(size_part)).ok()?;
        let size = usize::from_str_radix(size_str, 16).ok()?;
        pos += nl + 1;
        if size == 0 {
            return Some(out);
        }
        let end = pos.checked_add(size)?;
        out.extend_from_slice(body.get(pos..end)?);
        pos = end;
        // CRLF (or LF) after the chunk data
        let tail = body.get(pos..).unwrap_or_default();
        if tail.starts_with(b"\r\n") {
            pos += 2;
        } else if tail.starts_with(b"\n") {
            pos += 1;
        } else if tail.is_empty() {
            return Some(out);
        }
    }
}

/// `text/html; charset="UTF-8"` → (`text/html`, `utf-8`).
pub(crate) fn split_content_type(ct: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(ct) = ct else { return (None, None) };
    let mut parts = ct.split(';');
    let mime = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
    });
    (mime, charset.filter(|c| !c.is_empty()))
}

/// HTML, XHTML or plain text, or no declared type (then the bytes are checked: markup or text).
fn is_textual(mime: Option<&str>, body: &[u8]) -> bool {
    match mime {
        Some(
            "text/html"
            | "application/xhtml+xml"
            | "text/plain"
            | "text/x-html"
            | "application/xhtml",
        ) => true,
        Some(_) => false,
        None => matches!(
            content_kind(body.get(..1024).unwrap_or(body)),
            ContentKind::Markup | ContentKind::Text
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], opts: &InputOptions) -> Vec<ReadItem> {
        WarcReader::new(
            Path::new("t.warc"),
            Box::new(io::Cursor::new(input.to_vec())),
            ByteCounter::default(),
            opts,
        )
        .collect()
    }

    fn record(rtype: &str, id: &str, extra: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: http://e.com/{id}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n{extra}Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut b = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        b.extend_from_slice(body);
        b
    }

    const HTTP_CT: &str = "Content-Type: application/http; msgtype=response\r\n";

    #[test]
    fn response_resource_conversion_and_skips() {
        let mut input = record("warcinfo", "0", "", b"software: x\r\n");
        input.extend(record("request", "1", "", b"GET / HTTP/1.1\r\n\r\n"));
        input.extend(record(
            "response",
            "2",
            HTTP_CT,
            &http(
                "404 Not Found",
                "Content-Type: text/html; charset=\"ISO-8859-1\"\r\n",
                b"<p>x</p>",
            ),
        ));
        input.extend(record(
            "response",
            "3",
            HTTP_CT,
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG"),
        ));
        input.extend(record(
            "resource",
            "4",
            "Content-Type: text/html\r\n",
            b"<html>r</html>",
        ));
        input.extend(record(
            "conversion",
            "5",
            "Content-Type: text/plain\r\n",
            "Texte é".as_bytes(),
        ));
        input.extend(record("revisit", "6", HTTP_CT, b"HTTP/1.1 200 OK\r\n\r\n"));
        let items = read(&input, &InputOptions::default());
        assert_eq!(items.len(), 7);
        assert!(matches!(items[0], ReadItem::Skipped));
        assert!(matches!(items[1], ReadItem::Skipped));
        let ReadItem::Doc(d) = &items[2] else {
            panic!("{:?}", items[2])
        };
        assert_eq!(d.id, "<urn:uuid:2>");
        assert_eq!(d.text, "");
        assert_eq!(d.metadata.get("http_status"), Some(&serde_json::json!(404)));
        assert_eq!(d.meta_str("url"), Some("http://e.com/2"));
        assert_eq!(d.meta_str("date"), Some("2024-01-01T00:00:00Z"));
        assert_eq!(d.meta_str("warc_record_id"), Some("<urn:uuid:2>"));
        assert_eq!(
            d.meta_str("content_type"),
            Some("text/html; charset=\"ISO-8859-1\"")
        );
        let m = d.media.as_ref().unwrap();
        assert_eq!(m.bytes, b"<p>x</p>");
        assert_eq!(m.mime.as_deref(), Some("text/html"));
        assert_eq!(m.charset.as_deref(), Some("iso-8859-1"));
        assert!(
            matches!(items[3], ReadItem::Skipped),
            "png skipped with html_only"
        );
        let ReadItem::Doc(r) = &items[4] else {
            panic!()
        };
        assert_eq!(r.media.as_ref().unwrap().bytes, b"<html>r</html>");
        let ReadItem::Doc(c) = &items[5] else {
            panic!()
        };
        assert_eq!(c.text, "Texte é");
        assert!(c.media.is_none());
        assert!(matches!(items[6], ReadItem::Skipped));

        let all = InputOptions {
            html_only: false,
            ..Default::default()
        };
        assert!(matches!(read(&input, &all)[3], ReadItem::Doc(_)));
    }

    #[test]
    fn chunked_gzip_and_lf_only() {
        let chunked = b"5\r\n<p>ab\r\n3;ext=1\r\ncd<\r\n4\r\n/p>!\r\n0\r\n\r\n";
        let body = http(
            "200 OK",
            "Transfer-Encoding: chunked\r\nContent-Type: text/html\r\n",
            chunked,
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        io::Write::write_all(&mut gz, b"<b>zipped</b>").unwrap();
        let gz_body = http(
            "200 OK",
            "Content-Encoding: gzip\r\n",
            &gz.finish().unwrap(),
        );
        let mut input = record("response", "a", HTTP_CT, &body);
        input.extend(record("response", "b", HTTP_CT, &gz_body));
        // LF-only WARC and HTTP headers
        let lf_block = "HTTP/1.0 200 OK\nContent-Type: text/html\n\n<i>lf</i>";
        let lf = format!(
            "WARC/1.0\nWARC-Type: response\nWARC-Record-ID: <c>\nContent-Length: {}\n\n{lf_block}\n\n",
            lf_block.len()
        );
        input.extend_from_slice(lf.as_bytes());
        let items = read(&input, &InputOptions::default());
        let bodies: Vec<Vec<u8>> = items
            .iter()
            .map(|i| match i {
                ReadItem::Doc(d) => d.media.as_ref().unwrap().bytes.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            bodies,
            [
                b"<p>abcd</p>!".to_vec(),
                b"<b>zipped</b>".to_vec(),
                b"<i>lf</i>".to_vec()
            ]
        );
    }

    #[test]
    fn malformed_header_resyncs_and_truncation_reports_offset() {
        let good = record("resource", "1", "Content-Type: text/html\r\n", b"<p>1</p>");
        let mut input = good.clone();
        let bad_start = input.len();
        input.extend_from_slice(
            b"WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: lots\r\n\r\n<p>junk</p>\r\n\r\n",
        );
        input.extend(record(
            "resource",
            "2",
            "Content-Type: text/html\r\n",
            b"<p>2</p>",
        ));
        let garbage_start = input.len();
        input.extend_from_slice(b"garbage line\r\n");
        input.extend(record(
            "resource",
            "3",
            "Content-Type: text/html\r\n",
            b"<p>3</p>",
        ));
        let cut_start = input.len();
        let last = record(
            "resource",
            "4",
            "Content-Type: text/html\r\n",
            b"<p>4 is long</p>",
        );
        input.extend_from_slice(&last[..last.len() - 12]);
        let items = read(&input, &InputOptions::default());
        let summary: Vec<String> = items
            .iter()
            .map(|i| match i {
                ReadItem::Doc(d) => d.id.clone(),
                ReadItem::Malformed(m) => m.location.clone(),
                ReadItem::Skipped => "skip".into(),
            })
            .collect();
        let expected = [
            "<urn:uuid:1>".to_owned(),
            format!("record 2 at byte offset {bad_start}"),
            "<urn:uuid:2>".to_owned(),
            format!("record 4 at byte offset {garbage_start}"),
            "<urn:uuid:3>".to_owned(),
            format!("record 6 at byte offset {cut_start}"),
        ];
        assert_eq!(summary, expected);
        let ReadItem::Malformed(m) = &items[5] else {
            panic!()
        };
        assert!(m.message.contains("truncated"), "{m}");
    }

    #[test]
    fn bare_html_in_a_response_record_is_kept() {
        let input = record(
            "response",
            "cw",
            HTTP_CT,
            b"<html><p>no status line</p></html>",
        );
        let items = read(&input, &InputOptions::default());
        let ReadItem::Doc(d) = &items[0] else {
            panic!("{items:?}")
        };
        assert_eq!(
            d.media.as_ref().unwrap().bytes,
            b"<html><p>no status line</p></html>"
        );
        assert!(d.metadata.get("http_status").is_none());
    }

    #[test]
    fn oversize_records_are_skipped_not_truncated() {
        let opts = InputOptions {
            max_record_bytes: 10,
            ..Default::default()
        };
        let mut input = record(
            "resource",
            "big",
            "Content-Type: text/html\r\n",
            &[b'x'; 11],
        );
        input.extend(record(
            "resource",
            "ok",
            "Content-Type: text/html\r\n",
            b"<p>ok</p>",
        ));
        let items = read(&input, &opts);
        assert!(
            matches!(&items[0], ReadItem::Malformed(m) if m.message.contains("max_record_bytes"))
        );
        assert!(matches!(&items[1], ReadItem::Doc(d) if d.id == "<urn:uuid:ok>"));
    }

    #[test]
    fn http_parsing_helpers() {
        assert_eq!(parse_status(b"HTTP/1.1 200 OK"), Some(200));
        assert_eq!(parse_status(b"HTTP/2 404"), Some(404));
        assert_eq!(parse_status(b"HTTP/1.1 20"), None);
        assert_eq!(parse_status(b"GET / HTTP/1.1"), None);
        assert_eq!(dechunk(b"2\r\nab\r\n0\r\n\r\n"), Some(b"ab".to_vec()));
        assert_eq!(dechunk(b"zz\r\nab"), None);
        assert_eq!(dechunk(b"ff\r\nab"), None);
        assert_eq!(
            split_content_type(Some("Text/HTML ; Charset='UTF-8'")),
            (Some("text/html".into()), Some("utf-8".into()))
        );
        assert_eq!(split_content_type(Some("")), (None, None));
    }
}
