//! Readers: one file in, a stream of [`ReadItem`]s out.
//!
//! [`open`] sniffs the format of a file ([`sniff`]) and returns a [`DocReader`] that yields
//! documents, malformed-record reports and skip markers. Only a file that cannot be opened at
//! all is an error; everything found after that is an item, so one bad record never loses
//! the records next to it.

mod html;
mod jsonl;
mod list;
mod parquet;
mod remote;
pub mod sniff;
mod text;
mod warc;

use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Error, Malformed, Result};

use crate::compression::{self, ByteCounter};

pub use list::list_inputs;

/// Default of [`InputOptions::text_key`].
pub const DEFAULT_TEXT_KEY: &str = "text";
/// Default of [`InputOptions::id_key`].
pub const DEFAULT_ID_KEY: &str = "id";
/// Default of [`InputOptions::warc_record_types`].
pub const DEFAULT_WARC_RECORD_TYPES: [&str; 3] = ["response", "resource", "conversion"];
/// Default of [`InputOptions::max_record_bytes`]: 64 MiB.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;
/// Default of [`InputOptions::html_only`].
pub const DEFAULT_HTML_ONLY: bool = true;

/// The WARC record types a reader knows (WARC 1.1, section 6).
pub const WARC_RECORD_TYPES: [&str; 8] = [
    "warcinfo",
    "response",
    "resource",
    "request",
    "metadata",
    "revisit",
    "conversion",
    "continuation",
];

/// Input configuration: the `[input]` table of a pipeline file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct InputOptions {
    /// Files, directories (walked recursively, hidden entries skipped) and glob patterns
    /// (`data/*.warc.gz`, `dumps/**/*.jsonl.zst`). Relative paths are relative to the current
    /// directory. Default: none (a pipeline must give at least one).
    pub paths: Vec<String>,
    /// Format of the inputs; `auto` (default) decides per file from its content (magic bytes
    /// after decompression) and its name.
    pub format: InputFormat,
    /// JSONL/Parquet: field holding the document text. Default `"text"` (datatrove, Dolma).
    pub text_key: String,
    /// JSONL/Parquet: field holding the document id. Default `"id"`. Records without one get
    /// `<file stem>/<line or row number>` (1-based).
    pub id_key: String,
    /// WARC: record types turned into documents. Default `["response", "resource",
    /// "conversion"]`; other types (request, metadata, warcinfo, revisit) are skipped and
    /// counted as `skipped_other`. `revisit` records carry no payload and are always skipped.
    pub warc_record_types: Vec<String>,
    /// Largest record read, bytes: a WARC record payload, a JSONL line, a whole HTML or text
    /// file, a decoded HTTP body. Larger ones are skipped whole (never truncated) and reported
    /// as malformed (`io.skipped_malformed`); the reader never holds more than this in memory
    /// for one record. Default 64 MiB.
    pub max_record_bytes: u64,
    /// WARC: skip `response`/`resource` records whose payload type is not HTML, XHTML or plain
    /// text (images, PDFs, scripts, ...), counted as `skipped_other`. Records without a
    /// declared type are kept. Default `true`.
    pub html_only: bool,
}

impl Default for InputOptions {
    fn default() -> Self {
        Self {
            paths: Vec::new(),
            format: InputFormat::Auto,
            text_key: DEFAULT_TEXT_KEY.to_owned(),
            id_key: DEFAULT_ID_KEY.to_owned(),
            warc_record_types: DEFAULT_WARC_RECORD_TYPES
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            html_only: DEFAULT_HTML_ONLY,
        }
    }
}

impl InputOptions {
    /// Checks the values (before any data is read). Errors name the field
    /// (`paths`, `text_key`, `warc_record_types`, `max_record_bytes`).
    pub fn validate(&self) -> Result<()> {
        if self.paths.iter().any(|p| p.trim().is_empty()) {
            return Err(Error::config("paths", "empty path"));
        }
        if self.text_key.is_empty() {
            return Err(Error::config("text_key", "must not be empty"));
        }
        if self.id_key.is_empty() {
            return Err(Error::config("id_key", "must not be empty"));
        }
        for t in &self.warc_record_types {
            if !WARC_RECORD_TYPES.contains(&t.as_str()) {
                return Err(Error::config(
                    "warc_record_types",
                    format!(
                        "unknown WARC record type {t:?}; expected one of {WARC_RECORD_TYPES:?}"
                    ),
                ));
            }
        }
        if self.max_record_bytes == 0 {
            return Err(Error::config("max_record_bytes", "must be at least 1"));
        }
        Ok(())
    }

    /// [`InputOptions::max_record_bytes`] as a `usize` (saturating on 32-bit targets).
    pub(crate) fn max_bytes(&self) -> usize {
        usize::try_from(self.max_record_bytes).unwrap_or(usize::MAX)
    }
}

/// Format of an input file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// Decide per file from its content and name ([`sniff::sniff_format`]).
    #[default]
    Auto,
    /// WARC 1.0/1.1, including WET (conversion records) and WAT files.
    Warc,
    /// One HTML page per file.
    Html,
    /// One JSON object per line.
    Jsonl,
    /// Apache Parquet with text/id columns.
    Parquet,
    /// One plain-text document per file.
    Text,
}

impl InputFormat {
    /// The snake_case name, as written in config.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Warc => "warc",
            InputFormat::Html => "html",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Parquet => "parquet",
            InputFormat::Text => "text",
        }
    }
}

/// One item from a reader.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadItem {
    /// A document.
    Doc(Document),
    /// A record that could not be read; counted in `io.skipped_malformed`.
    Malformed(Malformed),
    /// A record skipped on purpose (WARC request/metadata/revisit record, non-HTML payload);
    /// counted in `io.skipped_other`.
    Skipped,
}

/// The reader behind a [`DocReader`].
enum Inner {
    Warc(warc::WarcReader),
    Jsonl(jsonl::JsonlReader),
    Parquet(parquet::ParquetReader),
    /// Formats with one document per file (HTML, text) or a reader that has nothing to say
    /// but one item.
    Once(Option<ReadItem>),
}

/// A stream of [`ReadItem`]s from one file. Build it with [`open`].
pub struct DocReader {
    inner: Inner,
    format: InputFormat,
    counter: ByteCounter,
    parquet_bytes: Option<u64>,
}

impl std::fmt::Debug for DocReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocReader")
            .field("format", &self.format)
            .field("bytes_read", &self.bytes_read())
            .finish()
    }
}

impl DocReader {
    /// Stored (compressed) bytes of the file consumed so far, for MB/s figures.
    pub fn bytes_read(&self) -> u64 {
        match (&self.inner, self.parquet_bytes) {
            (Inner::Parquet(p), Some(total)) => p.bytes_read_estimate(total),
            _ => self.counter.get(),
        }
    }

    /// The format the file was read as (never [`InputFormat::Auto`]).
    pub fn format(&self) -> InputFormat {
        self.format
    }
}

impl Iterator for DocReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        match &mut self.inner {
            Inner::Warc(r) => r.next(),
            Inner::Jsonl(r) => r.next(),
            Inner::Parquet(r) => r.next(),
            Inner::Once(item) => item.take(),
        }
    }
}

/// Bytes of decompressed content looked at to sniff the format.
const SNIFF_BYTES: usize = 4096;

/// Opens one file and returns its items.
///
/// With [`InputFormat::Auto`] the format is sniffed from the content after decompression
/// (`WARC/`, `{`, `PAR1`, `<`, text) and the name (see [`sniff::sniff_format`]); the content
/// wins when they disagree. Compression (gzip, zstd, lz4) is always recognised by magic bytes.
///
/// Errors only if the file cannot be opened or its first bytes cannot be read; anything
/// wrong after that (truncated gzip, bad records, binary data) comes out as
/// [`ReadItem::Malformed`] items naming the file and the record or offset.
///
/// A path that is an object-store URL (`s3://`, `gs://`, `az://`, ...; see `tamis-store`) is
/// streamed from the store; a Parquet object is first downloaded to the temporary directory.
pub fn open(path: &Path, opts: &InputOptions) -> Result<DocReader> {
    if let Some(url) = path.to_str().filter(|s| tamis_store::is_remote(s)) {
        return remote::open(url, opts);
    }
    // Parquet needs random access to the raw file, so it is recognised before decompression.
    let mut magic = [0u8; 4];
    let is_parquet = {
        let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let n = read_up_to(&mut f, &mut magic).map_err(|e| Error::io(path, e))?;
        n == 4 && &magic == b"PAR1"
    };
    if opts.format == InputFormat::Parquet || (opts.format == InputFormat::Auto && is_parquet) {
        let total = std::fs::metadata(path)
            .map_err(|e| Error::io(path, e))?
            .len();
        let inner = match parquet::ParquetReader::open(path, opts) {
            Ok(r) => Inner::Parquet(r),
            Err(m) => Inner::Once(Some(ReadItem::Malformed(m))),
        };
        return Ok(DocReader {
            inner,
            format: InputFormat::Parquet,
            counter: ByteCounter::default(),
            parquet_bytes: Some(total),
        });
    }

    Ok(from_decoded(path, compression::open_decoded(path)?, opts))
}

/// The reader of a decompressed stream of a non-Parquet file.
fn from_decoded(path: &Path, decoded: compression::Decoded, opts: &InputOptions) -> DocReader {
    let counter = decoded.counter.clone();
    let (head, reader) = compression::peek(decoded.reader, SNIFF_BYTES);
    let format = match opts.format {
        InputFormat::Auto => sniff::sniff_format(path, &head),
        f => f,
    };
    let inner = match format {
        InputFormat::Warc => {
            Inner::Warc(warc::WarcReader::new(path, reader, counter.clone(), opts))
        }
        InputFormat::Jsonl => Inner::Jsonl(jsonl::JsonlReader::new(path, reader, opts)),
        InputFormat::Html => Inner::Once(html::read_html(path, reader, opts)),
        InputFormat::Text | InputFormat::Auto | InputFormat::Parquet => {
            Inner::Once(text::read_text(path, reader, opts))
        }
    };
    DocReader {
        inner,
        format,
        counter,
        parquet_bytes: None,
    }
}

/// Reads until `buf` is full or the stream ends; returns the number of bytes read.
fn read_up_to(r: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Shorthand for a [`Malformed`] value.
pub(crate) fn malformed(
    path: &Path,
    location: impl Into<String>,
    message: impl Into<String>,
) -> Malformed {
    Malformed {
        path: path.to_path_buf(),
        location: location.into(),
        message: message.into(),
    }
}

/// The file name without any of its extensions: `sh-06e5.html.gz` → `sh-06e5`.
///
/// A name that starts with a dot keeps its first component (`.hidden.txt` → `.hidden`).
pub fn file_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (lead, rest) = match name.strip_prefix('.') {
        Some(r) => (".", r),
        None => ("", name.as_str()),
    };
    let stem = rest.split('.').next().unwrap_or(rest);
    format!("{lead}{stem}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_all_extensions() {
        assert_eq!(file_stem(Path::new("a/b/sh-06e5.html.gz")), "sh-06e5");
        assert_eq!(file_stem(Path::new("page-403.txt")), "page-403");
        assert_eq!(file_stem(Path::new("noext")), "noext");
        assert_eq!(file_stem(Path::new(".hidden.txt")), ".hidden");
    }

    #[test]
    fn options_deny_unknown_fields_and_validate() {
        let o: InputOptions = serde_json::from_str(r#"{"paths":["x"],"format":"jsonl"}"#).unwrap();
        assert_eq!(o.format, InputFormat::Jsonl);
        assert_eq!(o.text_key, "text");
        o.validate().unwrap();
        assert!(serde_json::from_str::<InputOptions>(r#"{"pathz":["x"]}"#).is_err());
        let bad = InputOptions {
            warc_record_types: vec!["responze".into()],
            ..Default::default()
        };
        let e = bad.validate().unwrap_err().to_string();
        assert!(e.contains("warc_record_types"), "{e}");
        let bad = InputOptions {
            max_record_bytes: 0,
            ..Default::default()
        };
        assert!(bad.validate().is_err());
    }
}

#[cfg(test)]
mod send_tests {
    fn assert_send<T: Send>() {}

    #[test]
    fn readers_and_writers_are_send() {
        assert_send::<super::DocReader>();
        assert_send::<Box<dyn crate::DocWriter>>();
    }
}
