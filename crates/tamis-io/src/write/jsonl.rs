//! JSONL output (plain, gzip or zstd).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use tamis_core::{Document, Error, Result};

use super::{Compression, DocWriter, GZIP_LEVEL, TempFile, ZSTD_LEVEL};

/// Encoded lines are gathered in a buffer of this size and handed to the file or compressor
/// in one piece, bytes. Encoding straight into it saves copying each line once more.
const WRITE_BUFFER: usize = 1024 * 1024;

/// Writes `doc` as one JSON line `{"id","text","metadata"}` followed by `\n` (the layout of
/// `tamis_core::Document`'s serde form and of datatrove's JSONL writer).
pub fn write_jsonl_record(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let mut buf = Vec::with_capacity(doc.text.len() + 256);
    encode(&mut buf, doc)?;
    out.write_all(&buf)
}

/// Appends the JSON line of `doc` to `buf`.
fn encode(buf: &mut Vec<u8>, doc: &Document) -> io::Result<()> {
    sonic_rs::to_writer(&mut *buf, doc).map_err(io::Error::other)?;
    buf.push(b'\n');
    Ok(())
}

enum Sink {
    /// Uncompressed: the line buffer goes to the file as it is.
    Plain(File),
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
    Zstd(zstd::stream::write::Encoder<'static, BufWriter<File>>),
}

impl Sink {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Plain(w) => w,
            Sink::Gzip(w) => w,
            Sink::Zstd(w) => w,
        }
    }

    fn finish(self) -> io::Result<File> {
        let buffered = match self {
            Sink::Plain(f) => return Ok(f),
            Sink::Gzip(w) => w.finish()?,
            Sink::Zstd(w) => w.finish()?,
        };
        buffered.into_inner().map_err(|e| e.into_error())
    }
}

/// A JSONL shard file being written. Build it with [`super::create_writer`].
pub struct JsonlWriter {
    sink: Option<Sink>,
    tmp: TempFile,
    buf: Vec<u8>,
}

impl JsonlWriter {
    pub(crate) fn new((tmp, file): (TempFile, File), compression: Compression) -> Result<Self> {
        let sink = match compression {
            Compression::None => Sink::Plain(file),
            Compression::Gzip => Sink::Gzip(flate2::write::GzEncoder::new(
                BufWriter::with_capacity(WRITE_BUFFER, file),
                flate2::Compression::new(GZIP_LEVEL),
            )),
            Compression::Zstd => Sink::Zstd(
                zstd::stream::write::Encoder::new(
                    BufWriter::with_capacity(WRITE_BUFFER, file),
                    ZSTD_LEVEL,
                )
                .map_err(|e| Error::io(&tmp.tmp_path, e))?,
            ),
        };
        Ok(Self {
            sink: Some(sink),
            tmp,
            buf: Vec::with_capacity(WRITE_BUFFER + 64 * 1024),
        })
    }

    /// Hands the buffered lines to the sink. A buffer grown far beyond its size by one huge
    /// document is given back, so memory stays bounded by the largest document in flight.
    fn flush_buffer(&mut self) -> Result<()> {
        let path = &self.tmp.tmp_path;
        match &mut self.sink {
            Some(s) => s
                .writer()
                .write_all(&self.buf)
                .map_err(|e| Error::io(path, e))?,
            None => return Err(Error::io(path, io::Error::other("writer already finished"))),
        }
        self.buf.clear();
        if self.buf.capacity() > 4 * WRITE_BUFFER {
            self.buf = Vec::with_capacity(WRITE_BUFFER + 64 * 1024);
        }
        Ok(())
    }
}

impl DocWriter for JsonlWriter {
    fn write(&mut self, doc: &Document) -> Result<()> {
        if self.sink.is_none() {
            return Err(Error::io(
                &self.tmp.tmp_path,
                io::Error::other("writer already finished"),
            ));
        }
        let start = self.buf.len();
        if let Err(e) = encode(&mut self.buf, doc) {
            self.buf.truncate(start);
            return Err(Error::io(&self.tmp.tmp_path, e));
        }
        if self.buf.len() >= WRITE_BUFFER {
            self.flush_buffer()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<PathBuf> {
        self.flush_buffer()?;
        let path = self.tmp.tmp_path.clone();
        let sink = self
            .sink
            .take()
            .ok_or_else(|| Error::io(&path, io::Error::other("writer already finished")))?;
        let file = sink.finish().map_err(|e| Error::io(&path, e))?;
        let JsonlWriter { tmp, .. } = *self;
        tmp.commit(&file)
    }
}
