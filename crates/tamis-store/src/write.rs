//! Writing one object with a multipart upload.

use std::io::Write;

use object_store::{ObjectStoreExt, WriteMultipart};
use tamis_core::{Error, Result};

use crate::store::{Store, io_err};

/// Default multipart part size: 8 MiB (S3 accepts 5 MiB to 5 GiB for every part but the last,
/// and at most 10,000 parts, so objects up to ~78 GiB).
pub const DEFAULT_PART_BYTES: usize = 8 * 1024 * 1024;
/// Parts uploaded concurrently, at most; a writer holds at most this many parts (plus the one
/// filling) in memory.
pub const MAX_PARTS_IN_FLIGHT: usize = 4;

/// A blocking [`Write`] that uploads one object in parts. Call [`ObjectWriter::finish`] to
/// complete it; dropping the writer before aborts the upload and nothing is created.
pub struct ObjectWriter {
    store: Store,
    url: String,
    upload: Option<WriteMultipart>,
    written: u64,
}

impl std::fmt::Debug for ObjectWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ObjectWriter")
            .field("url", &self.url)
            .field("written", &self.written)
            .finish()
    }
}

impl ObjectWriter {
    pub(crate) fn create(store: &Store, url: &str, part_bytes: usize) -> Result<Self> {
        let (obj, path, _) = store.resolve(url)?;
        let upload = store
            .block_on(async move { obj.put_multipart(&path).await })
            .map_err(|e| io_err(url, e))?;
        Ok(Self {
            store: store.clone(),
            url: url.to_owned(),
            upload: Some(WriteMultipart::new_with_chunk_size(upload, part_bytes)),
            written: 0,
        })
    }

    /// Bytes written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Uploads the last part and completes the object; returns its URL.
    pub fn finish(mut self) -> Result<String> {
        let Some(upload) = self.upload.take() else {
            return Err(Error::io(
                &self.url,
                std::io::Error::other("writer already finished"),
            ));
        };
        let url = self.url.clone();
        let _guard = self.store.runtime().enter();
        self.store
            .block_on(upload.finish())
            .map_err(|e| io_err(&url, e))?;
        Ok(url)
    }
}

impl Write for ObjectWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let Some(upload) = self.upload.as_mut() else {
            return Err(std::io::Error::other("writer already finished"));
        };
        {
            // Full parts are spawned as upload tasks on the store's runtime.
            let _guard = self.store.runtime().enter();
            upload.write(buf);
        }
        self.store
            .block_on(upload.wait_for_capacity(MAX_PARTS_IN_FLIGHT))
            .map_err(|e| std::io::Error::other(format!("{}: {e}", self.url)))?;
        self.written += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        // Parts go out as they fill; the rest is uploaded by `finish`.
        Ok(())
    }
}

impl Drop for ObjectWriter {
    fn drop(&mut self) {
        if let Some(upload) = self.upload.take() {
            let _guard = self.store.runtime().enter();
            if let Err(e) = self.store.block_on(upload.abort()) {
                log::warn!("{}: could not abort the unfinished upload: {e}", self.url);
            }
        }
    }
}
