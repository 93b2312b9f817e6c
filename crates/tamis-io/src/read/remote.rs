//! Inputs in object stores (`s3://`, `gs://`, `az://`, ...), through `tamis-store`.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tamis_core::{Error, Result};

use super::{DocReader, Inner, InputFormat, InputOptions, ReadItem, parquet, read_up_to};
use crate::compression::{self, ByteCounter};

/// Opens one object: streamed chunk by chunk (and decompressed, sniffed and read as a local
/// file would be), except Parquet, which needs random access and is downloaded to a
/// temporary file first (removed once open).
pub(super) fn open(url: &str, opts: &InputOptions) -> Result<DocReader> {
    let path = Path::new(url);
    let mut object = tamis_store::open_read(url)?;
    let size = object.size();
    let mut magic = [0u8; 4];
    let n = read_up_to(&mut object, &mut magic).map_err(|e| Error::io(path, e))?;
    let head = magic.get(..n).unwrap_or_default().to_vec();
    let is_parquet = head == b"PAR1";
    if opts.format == InputFormat::Parquet || (opts.format == InputFormat::Auto && is_parquet) {
        return open_parquet(url, Cursor::new(head).chain(object), size, opts);
    }
    let decoded = compression::decode(Cursor::new(head).chain(object), path)?;
    Ok(super::from_decoded(path, decoded, opts))
}

fn open_parquet(
    url: &str,
    mut object: impl Read,
    size: u64,
    opts: &InputOptions,
) -> Result<DocReader> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = Path::new(url)
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "object.parquet".into());
    // Same file name (ids of rows without one are `<file stem>/<row>`), in a directory of its own.
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "tamis-download-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let local = dir.join(name);
    let result = (|| {
        let mut file = std::fs::File::create(&local).map_err(|e| Error::io(&local, e))?;
        std::io::copy(&mut object, &mut file).map_err(|e| Error::io(url, e))?;
        // The reader keeps its open file; the name can go now (Unix semantics).
        Ok(match parquet::ParquetReader::open(&local, opts) {
            Ok(r) => Inner::Parquet(r),
            Err(m) => Inner::Once(Some(ReadItem::Malformed(m))),
        })
    })();
    let _ = std::fs::remove_file(&local);
    let _ = std::fs::remove_dir(&dir);
    Ok(DocReader {
        inner: result?,
        format: InputFormat::Parquet,
        counter: ByteCounter::default(),
        parquet_bytes: Some(size),
    })
}
