//! # tamis-store
//!
//! Object-store URLs for tamis inputs and outputs: `s3://bucket/key`, `gs://bucket/key`,
//! `az://container/key` (and the other Azure forms), `file:///abs/path` and plain local paths,
//! through the [`object_store`] crate.
//!
//! ## Brief overview
//!
//! * [`Store`] holds the options (credentials, endpoint, region) and a small Tokio runtime;
//!   [`Store::from_env`] takes them from the usual environment variables (`AWS_ACCESS_KEY_ID`,
//!   `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_ALLOW_HTTP`,
//!   `GOOGLE_SERVICE_ACCOUNT`, `AZURE_STORAGE_ACCOUNT_NAME`, ...).
//! * [`Store::list`] expands a URL prefix or glob (`s3://b/crawl/*.warc.gz`, `**` spans
//!   directories) into sorted object URLs.
//! * [`Store::open_read`] streams one object as a blocking [`std::io::Read`]: memory holds one
//!   network chunk at a time, whatever the object's size.
//! * [`Store::create`] returns an [`ObjectWriter`], a blocking [`std::io::Write`] that uploads
//!   parts of [`DEFAULT_PART_BYTES`] as they fill (a multipart upload, at most
//!   [`MAX_PARTS_IN_FLIGHT`] parts buffered) and completes the object in
//!   [`ObjectWriter::finish`]. Until then the object does not exist; a writer dropped without
//!   `finish` aborts the upload, so readers see a whole object or none.
//!
//! * [`shared`] is the process's store from the environment, which `tamis-io` (inputs and
//!   output shards) and `tamis-exec` (run directories: markers, stats, manifest) use for every
//!   path that [`is_remote`]. Local paths and `file://` URLs never go through it.
//!
//! Errors are [`tamis_core::Error::Io`] values whose `path` is the URL.
//!
//! ```
//! use std::io::{Read, Write};
//! use tamis_store::Store;
//!
//! # fn main() -> tamis_core::Result<()> {
//! let dir = tempfile::tempdir().unwrap();
//! let store = Store::from_env()?;
//! let url = format!("file://{}/shard/00000.jsonl", dir.path().display());
//! let mut w = store.create(&url)?;
//! w.write_all(b"{\"id\":\"a\",\"text\":\"hello\"}\n").unwrap();
//! w.finish()?;
//! let mut text = String::new();
//! store.open_read(&url)?.read_to_string(&mut text).unwrap();
//! assert!(text.contains("hello"));
//! assert_eq!(store.list(&format!("file://{}/**/*.jsonl", dir.path().display()))?, vec![url]);
//! # Ok(()) }
//! ```

#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod read;
mod store;
mod write;

pub use read::ObjectReader;
pub use store::{Store, file_url_path, is_remote, is_url};
pub use write::{DEFAULT_PART_BYTES, MAX_PARTS_IN_FLIGHT, ObjectWriter};

/// The store of this process, configured from the environment ([`Store::from_env`]) the
/// first time it is used and shared afterwards (one connection pool and runtime for all
/// readers and writers of a run).
pub fn shared() -> tamis_core::Result<&'static Store> {
    static SHARED: std::sync::OnceLock<Store> = std::sync::OnceLock::new();
    if let Some(s) = SHARED.get() {
        return Ok(s);
    }
    let store = Store::from_env()?;
    Ok(SHARED.get_or_init(|| store))
}

/// Lists objects under a URL prefix or glob with the [`shared`] store.
pub fn list(url_or_glob: &str) -> tamis_core::Result<Vec<String>> {
    shared()?.list(url_or_glob)
}

/// Opens one object for streaming reads with the [`shared`] store.
pub fn open_read(url: &str) -> tamis_core::Result<ObjectReader> {
    shared()?.open_read(url)
}

/// Creates one object (multipart upload on finish) with the [`shared`] store.
pub fn create(url: &str) -> tamis_core::Result<ObjectWriter> {
    shared()?.create(url)
}
