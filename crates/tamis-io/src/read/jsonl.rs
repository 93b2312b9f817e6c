//! JSON Lines: one JSON object per line.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use tamis_core::{Document, Metadata};

use super::{InputOptions, ReadItem, file_stem, malformed};

/// Reads one JSON object per line. See [`record_to_document`] for how fields map.
pub(crate) struct JsonlReader {
    path: PathBuf,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    line: Vec<u8>,
    line_no: u64,
    max: usize,
    text_key: String,
    id_key: String,
    done: bool,
}

/// Outcome of reading one line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// End of input, nothing read.
    Eof,
    /// A line (without its `\n`) is in the buffer.
    Line,
    /// The line was longer than the limit; it was skipped up to its end. Carries its length.
    TooLong(u64),
}

/// Reads one line into `line` (cleared first), holding at most `max` bytes: the rest of a
/// longer line is read and dropped, so memory stays bounded whatever the input.
pub(crate) fn read_line_bounded(
    r: &mut dyn BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<LineRead> {
    line.clear();
    let mut total: u64 = 0;
    let mut too_long = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(if too_long {
                LineRead::TooLong(total)
            } else if total == 0 {
                LineRead::Eof
            } else {
                LineRead::Line
            });
        }
        let (chunk, used, end) = match memchr::memchr(b'\n', buf) {
            Some(i) => (buf.get(..i).unwrap_or_default(), i + 1, true),
            None => (buf, buf.len(), false),
        };
        total += chunk.len() as u64;
        if !too_long {
            if line.len() + chunk.len() > max {
                too_long = true;
                line.clear();
                line.shrink_to(64 * 1024);
            } else {
                line.extend_from_slice(chunk);
            }
        }
        r.consume(used);
        if end {
            return Ok(if too_long {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
    }
}

impl JsonlReader {
    pub(crate) fn new(path: &Path, reader: Box<dyn BufRead + Send>, opts: &InputOptions) -> Self {
        Self {
            path: path.to_path_buf(),
            stem: file_stem(path),
            reader,
            line: Vec::new(),
            line_no: 0,
            max: opts.max_bytes(),
            text_key: opts.text_key.clone(),
            id_key: opts.id_key.clone(),
            done: false,
        }
    }

    /// Ends the input on a read error, reported at the line being read.
    fn read_error(&mut self, e: io::Error) -> ReadItem {
        self.done = true;
        ReadItem::Malformed(malformed(
            &self.path,
            format!("line {}", self.line_no + 1),
            format!("input ends with a read error (truncated or corrupt file?): {e}"),
        ))
    }

    /// The next line when it lies wholly inside the reader's buffer: parsed in place, without
    /// copying it to `self.line` first (most lines of a JSONL file; the copy is a measurable
    /// share of passthrough time). `None` when the buffer holds no complete line: the caller
    /// then takes the general path, which sees the same bytes. Blank lines are skipped.
    fn next_in_buffer(&mut self) -> Option<ReadItem> {
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(b) => b,
                // Decoders report an error once: it must be reported here, not retried.
                Err(e) => return Some(self.read_error(e)),
            };
            let end = memchr::memchr(b'\n', buf)?;
            let line = buf.get(..end)?;
            if line.len() > self.max {
                return None;
            }
            self.line_no += 1;
            let blank = line.iter().all(u8::is_ascii_whitespace);
            // `self.reader` is borrowed by `line`: pass the other fields one by one.
            let item = (!blank).then(|| {
                parse_line(
                    line,
                    &self.path,
                    &self.stem,
                    self.line_no,
                    &self.text_key,
                    &self.id_key,
                )
            });
            self.reader.consume(end + 1);
            if item.is_some() {
                return item;
            }
        }
    }
}

/// Parses one non-blank line, number `line_no` of `path`.
fn parse_line(
    line: &[u8],
    path: &Path,
    stem: &str,
    line_no: u64,
    text_key: &str,
    id_key: &str,
) -> ReadItem {
    let loc = || format!("line {line_no}");
    let fields: Fields<'_> = match sonic_rs::from_slice(line) {
        Ok(f) => f,
        Err(e) => {
            let msg = if std::str::from_utf8(line).is_err() {
                "invalid UTF-8".to_owned()
            } else {
                format!("not a JSON object: {e}")
            };
            return ReadItem::Malformed(malformed(path, loc(), msg));
        }
    };
    match fields_to_document(fields.0, text_key, id_key, format!("{stem}/{line_no}")) {
        Ok(doc) => ReadItem::Doc(doc),
        Err(msg) => ReadItem::Malformed(malformed(path, loc(), msg)),
    }
}

/// The fields of one JSON object in their order, keys borrowed from the line when they hold
/// no escapes. Parsing a line into this rather than into a map saves hashing and allocating
/// the top-level keys, which the document does not keep as such.
struct Fields<'de>(Vec<(Cow<'de, str>, Value)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(4).min(64));
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    fields.push((key, map.next_value()?));
                }
                Ok(Fields(fields))
            }
        }
        d.deserialize_map(FieldsVisitor)
    }
}

/// Turns one JSON object into a document, the way datatrove's JSONL reader does:
///
/// * `text_key` (a string) is the text; missing or not a string is an error;
/// * `id_key` (a string, or a number turned into its decimal form) is the id, `fallback_id`
///   if missing or of another type;
/// * a nested `"metadata"` object is merged into the metadata first, then every other
///   top-level field is added in order (a top-level field wins over a nested one of the same
///   name). A record written by tamis or datatrove therefore reads back as it was.
pub fn record_to_document(
    map: Map<String, Value>,
    text_key: &str,
    id_key: &str,
    fallback_id: String,
) -> Result<Document, String> {
    fields_to_document(map, text_key, id_key, fallback_id)
}

/// [`record_to_document`] over the fields in their order. When a key repeats, its last value
/// counts, as when the object is read into a map first.
fn fields_to_document<K: AsRef<str> + Into<String>>(
    fields: impl IntoIterator<Item = (K, Value)>,
    text_key: &str,
    id_key: &str,
    fallback_id: String,
) -> Result<Document, String> {
    let mut text = None;
    let mut id = None;
    let mut nested: Option<Metadata> = None;
    let mut extra: Vec<(K, Value)> = Vec::new();
    for (k, v) in fields {
        let key = k.as_ref();
        if key == text_key {
            text = Some(v);
        } else if key == id_key {
            id = match v {
                Value::String(s) => Some(s),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            };
        } else if key == "metadata" && v.is_object() {
            if let Value::Object(m) = v {
                nested = Some(m);
            }
        } else {
            extra.push((k, v));
        }
    }
    let text = match text {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(format!(
                "field {text_key:?} is not a string but {}",
                kind(&other)
            ));
        }
        None => return Err(format!("no {text_key:?} field")),
    };
    let mut metadata = nested.unwrap_or_default();
    for (k, v) in extra {
        metadata.insert(k.into(), v);
    }
    Ok(Document {
        id: id.unwrap_or(fallback_id),
        text,
        metadata,
        media: None,
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Iterator for JsonlReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        loop {
            if self.done {
                return None;
            }
            if let Some(item) = self.next_in_buffer() {
                return Some(item);
            }
            match read_line_bounded(&mut self.reader, &mut self.line, self.max) {
                Ok(LineRead::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(LineRead::Line) => {
                    self.line_no += 1;
                    if self.line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_line(
                        &self.line,
                        &self.path,
                        &self.stem,
                        self.line_no,
                        &self.text_key,
                        &self.id_key,
                    ));
                }
                Ok(LineRead::TooLong(n)) => {
                    self.line_no += 1;
                    return Some(ReadItem::Malformed(malformed(
                        &self.path,
                        format!("line {}", self.line_no),
                        format!(
                            "line of {n} bytes is longer than max_record_bytes ({}), skipped",
                            self.max
                        ),
                    )));
                }
                Err(e) => return Some(self.read_error(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(input: &[u8], opts: &InputOptions) -> Vec<ReadItem> {
        JsonlReader::new(
            Path::new("d/x.jsonl"),
            Box::new(io::Cursor::new(input.to_vec())),
            opts,
        )
        .collect()
    }

    #[test]
    fn fields_map_like_datatrove() {
        let input = b"{\"text\":\"hi\",\"id\":\"a\",\"metadata\":{\"url\":\"u\",\"k\":1},\"k\":2,\"lang\":\"en\"}\n\n{\"id\":7,\"text\":\"t\"}\n{\"text\":\"no id\"}";
        let v = items(input, &InputOptions::default());
        assert_eq!(v.len(), 3);
        let ReadItem::Doc(a) = &v[0] else {
            panic!("{v:?}")
        };
        assert_eq!(a.id, "a");
        assert_eq!(a.text, "hi");
        assert_eq!(
            serde_json::to_string(&a.metadata).unwrap(),
            r#"{"url":"u","k":2,"lang":"en"}"#
        );
        let ReadItem::Doc(b) = &v[1] else { panic!() };
        assert_eq!(b.id, "7");
        let ReadItem::Doc(c) = &v[2] else { panic!() };
        assert_eq!(c.id, "x/4");
    }

    #[test]
    fn datatrove_layout_and_repeated_keys() {
        // datatrove's JsonlWriter: text, id, media, then metadata after the other fields.
        let input = b"{\"text\":\"t\",\"id\":\"d\",\"media\":[],\"metadata\":{\"url\":\"u\",\"media\":1}}\n{\"text\":\"first\",\"id\":\"a\",\"text\":\"last\",\"k\":1,\"k\":2}\n{\"text\":\"x\",\"text\":3}\n";
        let v = items(input, &InputOptions::default());
        let ReadItem::Doc(a) = &v[0] else {
            panic!("{v:?}")
        };
        assert_eq!((a.id.as_str(), a.text.as_str()), ("d", "t"));
        assert_eq!(
            serde_json::to_string(&a.metadata).unwrap(),
            r#"{"url":"u","media":[]}"#
        );
        let ReadItem::Doc(b) = &v[1] else {
            panic!("{v:?}")
        };
        assert_eq!(b.text, "last");
        assert_eq!(serde_json::to_string(&b.metadata).unwrap(), r#"{"k":2}"#);
        assert!(
            matches!(&v[2], ReadItem::Malformed(m) if m.message.contains("not a string but a number"))
        );
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let input = b"{\"text\":\"1\"}\nnot json\n{\"id\":\"x\"}\n{\"text\":5}\n[1]\n{\"text\":\"\xff\"}\n{\"text\":\"ok\"}\n";
        let v = items(input, &InputOptions::default());
        let locs: Vec<String> = v
            .iter()
            .map(|i| match i {
                ReadItem::Doc(d) => format!("doc {}", d.text),
                ReadItem::Malformed(m) => m.location.clone(),
                ReadItem::Skipped => "skip".into(),
            })
            .collect();
        assert_eq!(
            locs,
            [
                "doc 1", "line 2", "line 3", "line 4", "line 5", "line 6", "doc ok"
            ]
        );
    }

    #[test]
    fn custom_keys() {
        let opts = InputOptions {
            text_key: "content".into(),
            id_key: "doc_id".into(),
            ..Default::default()
        };
        let v = items(
            b"{\"doc_id\":\"q\",\"content\":\"c\",\"text\":\"other\"}\n",
            &opts,
        );
        let ReadItem::Doc(d) = &v[0] else { panic!() };
        assert_eq!((d.id.as_str(), d.text.as_str()), ("q", "c"));
        assert_eq!(d.meta_str("text"), Some("other"));
    }

    #[test]
    fn long_lines_are_skipped_with_bounded_buffer() {
        let opts = InputOptions {
            max_record_bytes: 100,
            ..Default::default()
        };
        let mut input = b"{\"text\":\"a\"}\n".to_vec();
        input.extend(format!("{{\"text\":\"{}\"}}\n", "b".repeat(1000)).bytes());
        input.extend(b"{\"text\":\"c\"}");
        let v = items(&input, &opts);
        assert_eq!(v.len(), 3);
        assert!(
            matches!(&v[1], ReadItem::Malformed(m) if m.location == "line 2" && m.message.contains("1011 bytes"))
        );
        assert!(matches!(&v[2], ReadItem::Doc(d) if d.text == "c"));
    }

    #[test]
    fn line_reader_edges() {
        let mut r: &[u8] = b"ab\n\ncd";
        let mut line = Vec::new();
        assert_eq!(
            read_line_bounded(&mut r, &mut line, 10).unwrap(),
            LineRead::Line
        );
        assert_eq!(line, b"ab");
        assert_eq!(
            read_line_bounded(&mut r, &mut line, 10).unwrap(),
            LineRead::Line
        );
        assert!(line.is_empty());
        assert_eq!(
            read_line_bounded(&mut r, &mut line, 10).unwrap(),
            LineRead::Line
        );
        assert_eq!(line, b"cd");
        assert_eq!(
            read_line_bounded(&mut r, &mut line, 10).unwrap(),
            LineRead::Eof
        );
        let mut r: &[u8] = b"abc";
        assert_eq!(
            read_line_bounded(&mut r, &mut line, 3).unwrap(),
            LineRead::Line
        );
        let mut r: &[u8] = b"abcd";
        assert_eq!(
            read_line_bounded(&mut r, &mut line, 3).unwrap(),
            LineRead::TooLong(4)
        );
    }
}
