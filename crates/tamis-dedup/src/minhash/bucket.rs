//! The observing stage: signatures of one shard's documents, written as sorted band records.

use std::path::Path;

use tamis_core::{Document, Observer, Result};

use super::signature::{SignScratch, Signer};
use crate::obsfile::Collector;

/// Observer of one shard: signs every document and keeps, for each band `b`, the record
/// `[first hash of the band, xxh3 of the band's hashes, doc_index]`.
///
/// Sorting by that record orders each band as datatrove orders it (by the band's hash tuple,
/// whose first value decides unless two different bands share a 61-bit first value) and
/// then by document, so the duplicate pairs come out in datatrove's order. Two band records
/// are equal when both words are equal: a false match needs a collision of the 61-bit first
/// value *and* of the 64-bit digest.
pub(crate) struct MinhashObserver {
    signer: std::sync::Arc<Signer>,
    bands: usize,
    rows: usize,
    collector: Collector,
    scratch: SignScratch,
    signature: Vec<u64>,
    band_bytes: Vec<u8>,
    doc_index: u64,
}

impl MinhashObserver {
    pub(crate) fn new(
        signer: std::sync::Arc<Signer>,
        bands: usize,
        rows: usize,
        collector: Collector,
    ) -> Self {
        Self {
            signer,
            bands,
            rows,
            collector,
            scratch: SignScratch::default(),
            signature: Vec::new(),
            band_bytes: Vec::with_capacity(rows * 8),
            doc_index: 0,
        }
    }
}

/// The two key words of one band's hashes.
pub(crate) fn band_key(band: &[u64], bytes: &mut Vec<u8>) -> (u64, u64) {
    bytes.clear();
    for v in band {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    (
        band.first().copied().unwrap_or(0),
        xxhash_rust::xxh3::xxh3_64(bytes),
    )
}

impl Observer for MinhashObserver {
    fn observe(&mut self, doc: &Document) {
        let index = self.doc_index;
        self.doc_index += 1;
        self.collector.add_doc();
        if !self
            .signer
            .sign(&doc.text, &mut self.scratch, &mut self.signature)
        {
            return;
        }
        for b in 0..self.bands {
            let band = self
                .signature
                .get(b * self.rows..(b + 1) * self.rows)
                .unwrap_or(&[]);
            let (k0, k1) = band_key(band, &mut self.band_bytes);
            self.collector.push(b, [k0, k1, index]);
        }
    }

    fn save(self: Box<Self>, path: &Path) -> Result<()> {
        self.collector.save(path)
    }
}
