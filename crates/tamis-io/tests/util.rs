//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::{Path, PathBuf};

use tamis_core::{Document, Malformed};
use tamis_io::{InputOptions, ReadItem, open};

/// `../shared` next to the repository, if present.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipped: ../shared not found");
        None
    }
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Everything a reader yields, sorted into three lists.
#[derive(Debug, Default)]
pub struct Items {
    pub docs: Vec<Document>,
    pub bad: Vec<Malformed>,
    pub skipped: usize,
}

pub fn read_all(path: &Path, opts: &InputOptions) -> Items {
    let mut out = Items::default();
    for item in open(path, opts).unwrap_or_else(|e| panic!("open {}: {e}", path.display())) {
        match item {
            ReadItem::Doc(d) => out.docs.push(d),
            ReadItem::Malformed(m) => out.bad.push(m),
            ReadItem::Skipped => out.skipped += 1,
        }
    }
    out
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A WARC `resource` record with an HTML block.
pub fn warc_record(id: &str, html: &str) -> Vec<u8> {
    format!(
        "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: http://example.org/{id}\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{html}\r\n\r\n",
        html.len()
    )
    .into_bytes()
}
