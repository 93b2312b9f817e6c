//! The document record.

use serde::{Deserialize, Serialize};

/// Ordered JSON metadata of a document (`url`, `date`, `http_status`, `language`, ...).
///
/// Keys keep their insertion order so that output is stable and readable.
pub type Metadata = serde_json::Map<String, serde_json::Value>;

/// Raw bytes of a document that has not been turned into text yet (usually HTML).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Media {
    /// The payload as it was read (HTTP body, file content), not decoded.
    pub bytes: Vec<u8>,
    /// MIME type if known (from the HTTP `Content-Type` or the file name), lowercase, without
    /// parameters, e.g. `text/html`.
    pub mime: Option<String>,
    /// Charset label declared outside the bytes (HTTP header, WARC record), if any.
    pub charset: Option<String>,
}

/// One document: the unit that flows through a pipeline.
///
/// Serialises as `{"id": ..., "text": ..., "metadata": {...}}`, the layout datatrove's
/// JSONL and Parquet writers use; `media` is never serialised.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the WARC record id, the file name without extensions, or the
    /// id field of a JSONL/Parquet record.
    pub id: String,
    /// The text. Empty while the document is still raw HTML in [`Document::media`].
    pub text: String,
    /// Ordered metadata.
    #[serde(default)]
    pub metadata: Metadata,
    /// Raw payload while the document still needs extraction.
    #[serde(skip)]
    pub media: Option<Media>,
}

impl Document {
    /// A text document with empty metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            text: text.into(),
            metadata: Metadata::new(),
            media: None,
        }
    }

    /// Sets a metadata value, replacing any previous value of that key (keeping its position).
    pub fn set_meta(&mut self, key: &str, value: impl Into<serde_json::Value>) {
        self.metadata.insert(key.to_owned(), value.into());
    }

    /// A metadata value as a string slice, if present and a string.
    pub fn meta_str(&self, key: &str) -> Option<&str> {
        self.metadata.get(key).and_then(|v| v.as_str())
    }

    /// Number of bytes this document occupies in memory, roughly (text + media).
    pub fn approx_bytes(&self) -> usize {
        self.text.len() + self.media.as_ref().map_or(0, |m| m.bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_layout_matches_datatrove() {
        let mut d = Document::new("x", "hello");
        d.set_meta("url", "http://e.com/");
        d.set_meta("http_status", 403);
        d.media = Some(Media {
            bytes: b"<p>hello".to_vec(),
            ..Media::default()
        });
        let s = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(
            s,
            r#"{"id":"x","text":"hello","metadata":{"url":"http://e.com/","http_status":403}}"#
        );
        let back: Document = serde_json::from_str(&s).unwrap_or_default();
        assert_eq!(back.metadata, d.metadata);
        assert!(back.media.is_none());
    }
}
