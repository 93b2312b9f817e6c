//! # tamis-io
//!
//! Reading crawled data into [`Document`](tamis_core::Document)s and writing documents out.
//!
//! ## Brief overview
//!
//! * [`InputOptions`] is the `[input]` table of a pipeline; [`list_inputs`] expands its paths,
//!   directories and globs into a sorted file list.
//! * [`open`] opens one file and returns a [`DocReader`], an iterator of [`ReadItem`]s: a
//!   document, a [`Malformed`](tamis_core::Malformed) record (counted and skipped, never
//!   fatal) or a deliberate skip. The format (WARC/WET/WAT, HTML, JSONL, Parquet, plain text)
//!   is sniffed from the content after decompression as well as the name, and gzip, zstd and
//!   lz4 are recognised by their magic bytes ([`compression`]).
//! * [`OutputOptions`] is the `[output]` table; [`create_writer`] returns a [`DocWriter`] for
//!   one shard that writes JSONL (plain, gzip, zstd) or Parquet under a temporary name and
//!   renames it to [`output_file_name`] when finished. [`write_jsonl_record`] writes one
//!   record to any `io::Write` (e.g. stdout).
//!
//! Records are `{"id","text","metadata"}`, the layout datatrove reads and writes.
//!
//! ```
//! use tamis_io::{InputOptions, OutputOptions, ReadItem, create_writer, open};
//!
//! # fn main() -> tamis_core::Result<()> {
//! let dir = tempfile::tempdir().unwrap();
//! let input = dir.path().join("in.jsonl");
//! std::fs::write(&input, "{\"id\":\"a\",\"text\":\"hello\",\"lang\":\"en\"}\nnot json\n").unwrap();
//!
//! let out = OutputOptions::default(); // 00000.jsonl.zst
//! let mut writer = create_writer(&out, &dir.path().join("out"), 0)?;
//! let (mut docs, mut bad) = (0, 0);
//! for item in open(&input, &InputOptions::default())? {
//!     match item {
//!         ReadItem::Doc(doc) => { writer.write(&doc)?; docs += 1 }
//!         ReadItem::Malformed(m) => { assert!(m.to_string().contains("line 2")); bad += 1 }
//!         ReadItem::Skipped => {}
//!     }
//! }
//! let path = writer.finish()?;
//! assert!(path.ends_with("00000.jsonl.zst"));
//! assert_eq!((docs, bad), (1, 1));
//! # Ok(()) }
//! ```

#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod compression;
pub mod read;
pub mod write;

pub use read::{DocReader, InputFormat, InputOptions, ReadItem, file_stem, list_inputs, open};
pub use write::{
    Compression, DocWriter, OutputFormat, OutputOptions, create_writer, output_file_name,
    write_jsonl_record,
};
