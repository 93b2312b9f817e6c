//! Opening possibly-compressed files: gzip (single or multi-member), zstd, lz4 frames or plain,
//! chosen by the magic bytes of the file (never by its name), with a counter of the stored
//! (compressed) bytes consumed so far.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tamis_core::{Error, Result};

/// Size of the buffers placed before and after a decompressor, bytes (256 KiB: large enough
/// that per-call overhead vanishes, small enough to stay in L2 cache).
pub const BUFFER_BYTES: usize = 256 * 1024;

/// A compression format recognised by its magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// Not compressed (or compressed with something we do not know).
    None,
    /// gzip (RFC 1952), one member or many concatenated (per-record WARC members).
    Gzip,
    /// Zstandard frames (RFC 8878), possibly many, possibly preceded by skippable frames.
    Zstd,
    /// LZ4 frame format (`.lz4`, as FastWARC writes `.warc.lz4`).
    Lz4,
}

impl Codec {
    /// Recognises a codec from the first bytes of a file (at least 4 for zstd/lz4).
    pub fn sniff(magic: &[u8]) -> Codec {
        match magic {
            [0x1f, 0x8b, ..] => Codec::Gzip,
            [0x28, 0xb5, 0x2f, 0xfd, ..] => Codec::Zstd,
            // Skippable zstd frames (0x184D2A50..=0x184D2A5F, little endian); FastWARC puts its
            // dictionary in one before the first record.
            [0x50..=0x5f, 0x2a, 0x4d, 0x18, ..] => Codec::Zstd,
            [0x04, 0x22, 0x4d, 0x18, ..] => Codec::Lz4,
            _ => Codec::None,
        }
    }

    /// The usual file name suffix (`gz`, `zst`, `lz4`), or `None` for plain files.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Codec::None => None,
            Codec::Gzip => Some("gz"),
            Codec::Zstd => Some("zst"),
            Codec::Lz4 => Some("lz4"),
        }
    }
}

/// A shared count of bytes read from the underlying file.
///
/// Cloned handles see the same value; updated with relaxed atomics once per buffer refill.
#[derive(Debug, Clone, Default)]
pub struct ByteCounter(Arc<AtomicU64>);

impl ByteCounter {
    /// Bytes counted so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn add(&self, n: usize) {
        self.0.fetch_add(n as u64, Ordering::Relaxed);
    }
}

/// A reader that counts the bytes that pass through it.
#[derive(Debug)]
pub struct CountingReader<R> {
    inner: R,
    counter: ByteCounter,
}

impl<R> CountingReader<R> {
    /// Wraps `inner`; the count is readable through `counter` (a clone of it).
    pub fn new(inner: R, counter: ByteCounter) -> Self {
        Self { inner, counter }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.add(n);
        Ok(n)
    }
}

/// A decompressed, buffered stream over a file.
pub struct Decoded {
    /// The decompressed bytes.
    pub reader: Box<dyn BufRead + Send>,
    /// The codec found by the magic bytes.
    pub codec: Codec,
    /// Stored bytes consumed so far (compressed size).
    pub counter: ByteCounter,
}

impl std::fmt::Debug for Decoded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decoded")
            .field("codec", &self.codec)
            .field("counter", &self.counter)
            .finish()
    }
}

/// Opens `path` and returns its decompressed content, the codec being sniffed from the
/// magic bytes. Errors only if the file cannot be opened or its first bytes cannot be read;
/// corruption further on surfaces as an `io::Error` from the returned reader.
pub fn open_decoded(path: &Path) -> Result<Decoded> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    decode(file, path)
}

/// Like [`open_decoded`] for an already opened reader (`path` is used in error messages only).
pub fn decode(inner: impl Read + Send + 'static, path: &Path) -> Result<Decoded> {
    let counter = ByteCounter::default();
    let mut raw =
        BufReader::with_capacity(BUFFER_BYTES, CountingReader::new(inner, counter.clone()));
    let codec = Codec::sniff(raw.fill_buf().map_err(|e| Error::io(path, e))?);
    let reader: Box<dyn BufRead + Send> = match codec {
        Codec::None => Box::new(raw),
        Codec::Gzip => Box::new(BufReader::with_capacity(
            BUFFER_BYTES,
            flate2::bufread::MultiGzDecoder::new(raw),
        )),
        Codec::Zstd => {
            let dec =
                zstd::stream::read::Decoder::with_buffer(raw).map_err(|e| Error::io(path, e))?;
            Box::new(BufReader::with_capacity(BUFFER_BYTES, dec))
        }
        Codec::Lz4 => Box::new(BufReader::with_capacity(
            BUFFER_BYTES,
            lz4_flex::frame::FrameDecoder::new(raw),
        )),
    };
    Ok(Decoded {
        reader,
        codec,
        counter,
    })
}

/// Reads up to `n` bytes from the start of `r` without consuming them from the caller's point
/// of view: returns the bytes and a reader that yields them again followed by the rest.
///
/// A read error while peeking (a corrupt or truncated stream) is not returned here: the
/// bytes read before it are returned, and the returned reader yields them and then the error,
/// so the format reader reports it with its position.
pub fn peek(mut r: Box<dyn BufRead + Send>, n: usize) -> (Vec<u8>, Box<dyn BufRead + Send>) {
    let mut head = Vec::with_capacity(n.min(BUFFER_BYTES));
    let mut failed = None;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                failed = Some(e);
                break;
            }
        };
        if buf.is_empty() || head.len() >= n {
            break;
        }
        let take = buf.len().min(n - head.len());
        head.extend_from_slice(buf.get(..take).unwrap_or_default());
        r.consume(take);
    }
    let again = io::Cursor::new(head.clone());
    match failed {
        None => (head, Box::new(again.chain(r))),
        Some(e) => (
            head,
            Box::new(BufReader::new(again.chain(FailingReader(Some(e))))),
        ),
    }
}

/// A reader that fails once with the stored error, then reports the end of the stream.
struct FailingReader(Option<io::Error>);

impl Read for FailingReader {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn roundtrip(codec: Codec, data: &[u8]) -> Vec<u8> {
        let compressed = match codec {
            Codec::None => data.to_vec(),
            Codec::Gzip => {
                // two members, as per-record WARC gzip has
                let mut out = Vec::new();
                let half = data.len() / 2;
                for part in [&data[..half], &data[half..]] {
                    let mut e =
                        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                    e.write_all(part).unwrap();
                    out.extend(e.finish().unwrap());
                }
                out
            }
            Codec::Zstd => zstd::encode_all(data, 1).unwrap(),
            Codec::Lz4 => {
                let mut e = lz4_flex::frame::FrameEncoder::new(Vec::new());
                e.write_all(data).unwrap();
                e.finish().unwrap()
            }
        };
        let n = compressed.len() as u64;
        let mut d = decode(io::Cursor::new(compressed), Path::new("mem")).unwrap();
        assert_eq!(d.codec, codec);
        let mut out = Vec::new();
        d.reader.read_to_end(&mut out).unwrap();
        assert_eq!(d.counter.get(), n);
        out
    }

    #[test]
    fn every_codec_round_trips() {
        let data: Vec<u8> = (0..100_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        for codec in [Codec::None, Codec::Gzip, Codec::Zstd, Codec::Lz4] {
            assert_eq!(roundtrip(codec, &data), data, "{codec:?}");
        }
    }

    #[test]
    fn empty_input_is_plain_and_empty() {
        let mut d = decode(io::Cursor::new(Vec::new()), Path::new("mem")).unwrap();
        assert_eq!(d.codec, Codec::None);
        let mut out = Vec::new();
        d.reader.read_to_end(&mut out).unwrap();
        assert!(out.is_empty());
    }

    #[test]
    fn peek_gives_the_bytes_back() {
        let r: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(b"hello world".to_vec()));
        let (head, mut r) = peek(r, 5);
        assert_eq!(head, b"hello");
        let mut all = String::new();
        r.read_to_string(&mut all).unwrap();
        assert_eq!(all, "hello world");
    }
}
