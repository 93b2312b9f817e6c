//! HTML files: one file, one document carrying the raw bytes.

use std::io::BufRead;
use std::path::Path;

use tamis_core::{Document, Media};

use super::text::read_bounded;
use super::{InputOptions, ReadItem, file_stem};

/// Reads one HTML file: id = file name without extensions, empty text, media = the raw bytes
/// with mime `text/html` (the charset is left to the extractor, which sniffs BOM and `<meta>`).
/// Empty files give no document.
pub(crate) fn read_html(
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
    let mut doc = Document::new(file_stem(path), String::new());
    doc.media = Some(Media {
        bytes,
        mime: Some("text/html".to_owned()),
        charset: None,
    });
    Some(ReadItem::Doc(doc))
}
