//! Streaming reads of one object.

use std::io::Read;

use bytes::Bytes;
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use object_store::ObjectStoreExt;
use tamis_core::Result;

use crate::store::{Store, io_err};

/// A blocking [`Read`] over one object, fetched chunk by chunk as it is consumed.
pub struct ObjectReader {
    store: Store,
    url: String,
    stream: BoxStream<'static, object_store::Result<Bytes>>,
    chunk: Bytes,
    size: u64,
}

impl std::fmt::Debug for ObjectReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ObjectReader")
            .field("url", &self.url)
            .field("size", &self.size)
            .finish()
    }
}

impl ObjectReader {
    pub(crate) fn open(store: &Store, url: &str) -> Result<Self> {
        let (obj, path, _) = store.resolve(url)?;
        let got = store
            .block_on(async move { obj.get(&path).await })
            .map_err(|e| io_err(url, e))?;
        let size = got.meta.size;
        Ok(Self {
            store: store.clone(),
            url: url.to_owned(),
            stream: got.into_stream(),
            chunk: Bytes::new(),
            size,
        })
    }

    /// Size of the object in bytes, as listed when it was opened.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The URL read.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Read for ObjectReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        while self.chunk.is_empty() {
            let stream = &mut self.stream;
            match self.store.block_on(stream.next()) {
                None => return Ok(0),
                Some(Ok(b)) => self.chunk = b,
                Some(Err(e)) => return Err(std::io::Error::other(format!("{}: {e}", self.url))),
            }
        }
        let n = buf.len().min(self.chunk.len());
        let head = self.chunk.split_to(n);
        if let Some(dst) = buf.get_mut(..n) {
            dst.copy_from_slice(&head);
        }
        Ok(n)
    }
}
