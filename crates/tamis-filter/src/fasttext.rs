//! A reader and predictor for fastText supervised models (`.bin` and quantised `.ftz`), such
//! as lid.176, the language identifier FineWeb uses.
//!
//! ## What it does
//! [`FastTextModel::load`] reads a model file written by fastText 0.9 (file format version 12,
//! or 11 for old supervised models) and [`FastTextModel::predict`] returns the most likely
//! labels of one line of text with their probabilities, as fastText's `predict` does:
//!
//! 1. the line is split into tokens at ASCII whitespace (space, `\t`, `\n`, `\v`, `\f`, `\r`,
//!    NUL), and the end-of-line token `</s>` is appended (fastText's Python `predict` appends
//!    a newline to the text);
//! 2. each token contributes its dictionary row (if it is in the dictionary) and the rows of
//!    its character n-grams (`minn..=maxn` characters of `<token>`, hashed with 32-bit FNV-1a
//!    over the bytes *sign-extended* from `i8`, as fastText's `Dictionary::hash`, modulo
//!    `bucket`); tokens starting with `__label__` are skipped;
//! 3. word n-grams (`wordNgrams > 1`) hash consecutive token hashes (`h * 116049371 + next`
//!    in wrapping 64-bit arithmetic over the sign-extended 32-bit token hashes);
//! 4. the hidden vector is the mean of those rows; the output layer is a hierarchical softmax
//!    (Huffman tree over the label counts, searched depth-first with pruning), a softmax, or
//!    one-vs-all sigmoids, depending on the model's loss;
//! 5. the score of a label is `exp` of its summed `ln(p + 1e-5)` terms, in `f32`.
//!
//! Quantised models store rows as product-quantisation codes (256 centroids per
//! sub-quantiser, the last sub-quantiser possibly narrower), optionally with a quantised norm
//! per row, and may have a pruned n-gram table that maps bucket ids to rows.
//!
//! The arithmetic follows fastText's `f32`/`f64` mix step by step, so probabilities agree
//! with fastText's to about 1e-6 (see `bench/filters.md`).
//!
//! ## Example
//! ```no_run
//! use tamis_filter::fasttext::FastTextModel;
//! let model = FastTextModel::load("lid.176.ftz".as_ref())?;
//! let top = model.predict("Ceci est une phrase en français.", 1, 0.0);
//! assert_eq!(model.label(top[0].label), "__label__fr");
//! # Ok::<(), tamis_core::Error>(())
//! ```

use std::path::Path;

use ahash::AHashMap;

/// Magic number at the start of every fastText model file.
const MAGIC: i32 = 793_712_314;
/// Newest file format version understood.
const VERSION: i32 = 12;
/// End-of-sentence token.
const EOS: &str = "</s>";
/// Prefix of label tokens (fastText's default `-label`, which the file does not record).
const LABEL_PREFIX: &str = "__label__";
/// Centroids per sub-quantiser (fastText always uses 8 bits).
const KSUB: usize = 256;

/// Output layer kind (fastText's `loss_name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// Hierarchical softmax over a Huffman tree of the labels (`hs`, lid.176).
    HierarchicalSoftmax,
    /// Negative sampling (`ns`): independent sigmoids at prediction time.
    NegativeSampling,
    /// Full softmax (`softmax`).
    Softmax,
    /// One-vs-all sigmoids (`ova`).
    OneVsAll,
}

/// One predicted label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    /// Index of the label (see [`FastTextModel::label`]).
    pub label: usize,
    /// Probability, as fastText reports it.
    pub prob: f32,
}

/// A loaded supervised fastText model; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct FastTextModel {
    dim: usize,
    word_ngrams: i32,
    minn: usize,
    maxn: usize,
    bucket: u64,
    loss: Loss,
    nwords: i32,
    /// Word and label entries by their bytes: id (`< nwords` for words).
    ids: AHashMap<Box<[u8]>, i32>,
    /// For each word id, its input rows: itself then its character n-grams.
    subword_start: Vec<u32>,
    subwords: Vec<i32>,
    labels: Vec<String>,
    /// `None`: n-grams are not pruned; `Some(map)`: bucket id → row offset (an empty map
    /// drops every n-gram).
    prune: Option<AHashMap<i32, i32>>,
    input: Matrix,
    output: Matrix,
    /// Hierarchical-softmax tree (empty for other losses).
    tree: Vec<Node>,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    left: i32,
    right: i32,
}

#[derive(Debug, Clone)]
struct Quantizer {
    nsubq: usize,
    dsub: usize,
    lastdsub: usize,
    centroids: Vec<f32>,
}

impl Quantizer {
    /// Centroid `code` of sub-quantiser `m`.
    fn centroid(&self, m: usize, code: u8) -> &[f32] {
        let code = usize::from(code);
        let (start, len) = if m + 1 == self.nsubq {
            (m * KSUB * self.dsub + code * self.lastdsub, self.lastdsub)
        } else {
            ((m * KSUB + code) * self.dsub, self.dsub)
        };
        self.centroids.get(start..start + len).unwrap_or(&[])
    }
}

#[derive(Debug, Clone)]
enum Matrix {
    Dense {
        rows: usize,
        cols: usize,
        data: Vec<f32>,
    },
    Quantized {
        rows: usize,
        codes: Vec<u8>,
        pq: Quantizer,
        norms: Option<(Vec<u8>, Quantizer)>,
    },
}

impl Matrix {
    fn rows(&self) -> usize {
        match self {
            Matrix::Dense { rows, .. } | Matrix::Quantized { rows, .. } => *rows,
        }
    }

    /// `x += row i` (fastText's `addRowToVector`).
    fn add_row(&self, x: &mut [f32], i: usize) {
        match self {
            Matrix::Dense { cols, data, .. } => {
                if let Some(row) = data.get(i * cols..(i + 1) * cols) {
                    for (a, b) in x.iter_mut().zip(row) {
                        *a += *b;
                    }
                }
            }
            Matrix::Quantized {
                codes, pq, norms, ..
            } => {
                let alpha = row_norm(norms, i);
                let Some(code) = codes.get(i * pq.nsubq..(i + 1) * pq.nsubq) else {
                    return;
                };
                for (m, &c) in code.iter().enumerate() {
                    let start = m * pq.dsub;
                    for (a, b) in x.iter_mut().skip(start).zip(pq.centroid(m, c)) {
                        *a += alpha * *b;
                    }
                }
            }
        }
    }

    /// Dot product of row `i` with `x` (fastText's `dotRow`).
    fn dot_row(&self, x: &[f32], i: usize) -> f32 {
        match self {
            Matrix::Dense { cols, data, .. } => {
                let mut d = 0.0f32;
                if let Some(row) = data.get(i * cols..(i + 1) * cols) {
                    for (a, b) in row.iter().zip(x) {
                        d += *a * *b;
                    }
                }
                d
            }
            Matrix::Quantized {
                codes, pq, norms, ..
            } => {
                let alpha = row_norm(norms, i);
                let mut d = 0.0f32;
                let Some(code) = codes.get(i * pq.nsubq..(i + 1) * pq.nsubq) else {
                    return 0.0;
                };
                for (m, &c) in code.iter().enumerate() {
                    let start = m * pq.dsub;
                    for (a, b) in x.iter().skip(start).zip(pq.centroid(m, c)) {
                        d += *a * *b;
                    }
                }
                d * alpha
            }
        }
    }
}

fn row_norm(norms: &Option<(Vec<u8>, Quantizer)>, i: usize) -> f32 {
    match norms {
        Some((codes, npq)) => codes
            .get(i)
            .and_then(|&c| npq.centroid(0, c).first().copied())
            .unwrap_or(0.0),
        None => 1.0,
    }
}

/// fastText's `Dictionary::hash`: FNV-1a over the bytes, each byte sign-extended from `i8`
/// before the xor (so bytes ≥ 0x80 differ from textbook FNV-1a).
pub fn hash(bytes: &[u8]) -> u32 {
    let mut h: u32 = 2_166_136_261;
    for &b in bytes {
        h ^= i32::from(b as i8) as u32;
        h = h.wrapping_mul(16_777_619);
    }
    h
}

/// Calls `f` with the byte range of every character n-gram of `word` (already wrapped in `<`
/// and `>`) of `minn..=maxn` characters, skipping the lone `<` and `>` (fastText's
/// `computeSubwords`). Characters are UTF-8 sequences.
pub fn char_ngrams(word: &[u8], minn: usize, maxn: usize, mut f: impl FnMut(&[u8])) {
    let len = word.len();
    for i in 0..len {
        if word[i] & 0xC0 == 0x80 {
            continue;
        }
        let mut j = i;
        let mut n = 1;
        while j < len && n <= maxn {
            j += 1;
            while j < len && word[j] & 0xC0 == 0x80 {
                j += 1;
            }
            if n >= minn && !(n == 1 && (i == 0 || j == len)) {
                f(&word[i..j]);
            }
            n += 1;
        }
    }
}

/// `ln(x + 1e-5)` as fastText's `std_log`: the argument is an `f32`, the sum and logarithm
/// are taken in `f64`, the result is an `f32`.
fn std_log(x: f32) -> f32 {
    (f64::from(x) + 1e-5).ln() as f32
}

/// fastText's tabulated sigmoid (`Loss::sigmoid`, 512 steps over [-8, 8]).
fn table_sigmoid(x: f32) -> f32 {
    const MAX: f32 = 8.0;
    const SIZE: f32 = 512.0;
    if x < -MAX {
        0.0
    } else if x > MAX {
        1.0
    } else {
        let i = ((x + MAX) * SIZE / MAX / 2.0) as i64;
        let t = (i as f64) * 2.0 * f64::from(MAX) / f64::from(SIZE) - f64::from(MAX);
        (1.0 / (1.0 + (-t).exp())) as f32
    }
}

/// Reads little-endian values from a model file, remembering the offset for errors.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

type ParseResult<T> = std::result::Result<T, String>;

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> ParseResult<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len());
        let Some(end) = end else {
            return Err(format!(
                "file ends at byte {} while {} more bytes were expected",
                self.data.len(),
                n
            ));
        };
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> ParseResult<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u8(&mut self) -> ParseResult<u8> {
        Ok(self.array::<1>()?[0])
    }
    fn i32(&mut self) -> ParseResult<i32> {
        Ok(i32::from_le_bytes(self.array()?))
    }
    fn i64(&mut self) -> ParseResult<i64> {
        Ok(i64::from_le_bytes(self.array()?))
    }
    fn f64(&mut self) -> ParseResult<f64> {
        Ok(f64::from_le_bytes(self.array()?))
    }
    fn f32s(&mut self, n: usize) -> ParseResult<Vec<f32>> {
        let bytes = self.take(n.checked_mul(4).ok_or("matrix too large")?)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    fn cstr(&mut self) -> ParseResult<&'a [u8]> {
        let rest = &self.data[self.pos..];
        let end = rest
            .iter()
            .position(|&b| b == 0)
            .ok_or("unterminated dictionary entry")?;
        self.pos += end + 1;
        Ok(&rest[..end])
    }
    /// A non-negative count or size, checked against `max`.
    fn size(&mut self, v: i64, what: &str, max: usize) -> ParseResult<usize> {
        usize::try_from(v)
            .ok()
            .filter(|&n| n <= max)
            .ok_or_else(|| format!("{what} = {v} near byte {} is out of range", self.pos))
    }
    fn quantizer(&mut self) -> ParseResult<Quantizer> {
        let dim = self.i32()?;
        let nsubq = self.i32()?;
        let dsub = self.i32()?;
        let lastdsub = self.i32()?;
        let max = self.data.len();
        let dim = self.size(dim.into(), "quantizer dim", max)?;
        let nsubq = self.size(nsubq.into(), "quantizer nsubq", max)?;
        let dsub = self.size(dsub.into(), "quantizer dsub", max)?;
        let lastdsub = self.size(lastdsub.into(), "quantizer lastdsub", max)?;
        if nsubq == 0 || (nsubq - 1) * dsub + lastdsub != dim {
            return Err(format!(
                "inconsistent product quantizer (dim {dim}, nsubq {nsubq}, dsub {dsub}, lastdsub {lastdsub})"
            ));
        }
        let centroids = self.f32s(dim * KSUB)?;
        Ok(Quantizer {
            nsubq,
            dsub,
            lastdsub,
            centroids,
        })
    }
    fn matrix(&mut self, quantized: bool, dim: usize) -> ParseResult<Matrix> {
        let max = self.data.len();
        if quantized {
            let qnorm = self.u8()? != 0;
            let m = self.i64()?;
            let rows = self.size(m, "matrix rows", max)?;
            let n = self.i64()?;
            let cols = self.size(n, "matrix columns", max)?;
            let codesize = self.i32()?;
            let codesize = self.size(codesize.into(), "code size", max)?;
            let codes = self.take(codesize)?.to_vec();
            let pq = self.quantizer()?;
            if cols != dim || pq.centroids.len() != dim * KSUB || codes.len() != rows * pq.nsubq {
                return Err(format!(
                    "quantized matrix {rows}×{cols} does not fit dimension {dim}"
                ));
            }
            let norms = if qnorm {
                let norm_codes = self.take(rows)?.to_vec();
                let npq = self.quantizer()?;
                Some((norm_codes, npq))
            } else {
                None
            };
            Ok(Matrix::Quantized {
                rows,
                codes,
                pq,
                norms,
            })
        } else {
            let rows = self.i64()?;
            let rows = self.size(rows, "matrix rows", max)?;
            let cols = self.i64()?;
            let cols = self.size(cols, "matrix columns", max)?;
            if cols != dim {
                return Err(format!(
                    "matrix has {cols} columns, the model dimension is {dim}"
                ));
            }
            let data = self.f32s(rows.checked_mul(cols).ok_or("matrix too large")?)?;
            Ok(Matrix::Dense { rows, cols, data })
        }
    }
}

impl FastTextModel {
    /// Reads a model file (`.bin` or `.ftz`).
    pub fn load(path: &Path) -> tamis_core::Result<Self> {
        let data = std::fs::read(path).map_err(|e| tamis_core::Error::io(path, e))?;
        Self::from_bytes(&data).map_err(|message| tamis_core::Error::Format {
            path: path.into(),
            message,
        })
    }

    /// Parses a model from the bytes of a model file; the error says what is wrong and where.
    pub fn from_bytes(data: &[u8]) -> std::result::Result<Self, String> {
        let mut r = Reader { data, pos: 0 };
        if r.i32()? != MAGIC {
            return Err("not a fastText model file (wrong magic number)".into());
        }
        let version = r.i32()?;
        if !(11..=VERSION).contains(&version) {
            return Err(format!(
                "fastText file format version {version} is not supported (11 or 12)"
            ));
        }
        // Args.
        let dim = r.i32()?;
        let _ws = r.i32()?;
        let _epoch = r.i32()?;
        let _min_count = r.i32()?;
        let _neg = r.i32()?;
        let word_ngrams = r.i32()?;
        let loss = match r.i32()? {
            1 => Loss::HierarchicalSoftmax,
            2 => Loss::NegativeSampling,
            3 => Loss::Softmax,
            4 => Loss::OneVsAll,
            other => return Err(format!("unknown loss {other}")),
        };
        let model = r.i32()?;
        if model != 3 {
            return Err(format!(
                "model type {model} is not a supervised (classification) model"
            ));
        }
        let bucket = r.i32()?;
        let minn = r.i32()?;
        let mut maxn = r.i32()?;
        let _lr_update_rate = r.i32()?;
        let _t = r.f64()?;
        if version == 11 {
            maxn = 0; // old supervised models have no character n-grams
        }
        let max = data.len();
        let dim = r.size(dim.into(), "dim", max)?;
        let bucket = u64::try_from(bucket).map_err(|_| format!("bucket = {bucket} is negative"))?;
        let minn = usize::try_from(minn).unwrap_or(0);
        let maxn = usize::try_from(maxn).unwrap_or(0);

        // Dictionary.
        let size = r.i32()?;
        let nwords = r.i32()?;
        let nlabels = r.i32()?;
        let _ntokens = r.i64()?;
        let prune_size = r.i64()?;
        let size = r.size(size.into(), "dictionary size", max)?;
        if nwords < 0 || nlabels <= 0 || i64::from(nwords) + i64::from(nlabels) != size as i64 {
            return Err(format!(
                "dictionary sizes do not add up ({nwords} words + {nlabels} labels ≠ {size})"
            ));
        }
        let mut ids = AHashMap::with_capacity(size);
        let mut entries = Vec::with_capacity(size);
        let mut labels = Vec::new();
        let mut label_counts = Vec::new();
        for i in 0..size {
            let word = r.cstr()?;
            let count = r.i64()?;
            let kind = r.u8()?;
            if kind == 1 {
                labels.push(String::from_utf8_lossy(word).into_owned());
                label_counts.push(count);
            }
            ids.insert(word.into(), i as i32);
            entries.push(word);
        }
        let prune = if prune_size < 0 {
            None
        } else {
            let n = r.size(prune_size, "pruned n-gram count", max)?;
            let mut map = AHashMap::with_capacity(n);
            for _ in 0..n {
                let from = r.i32()?;
                let to = r.i32()?;
                map.insert(from, to);
            }
            Some(map)
        };

        let quant_input = r.u8()? != 0;
        let input = r.matrix(quant_input, dim)?;
        if !quant_input && prune.as_ref().is_some_and(|m| !m.is_empty()) {
            return Err("pruned dictionary with a dense input matrix".into());
        }
        let quant_output = r.u8()? != 0;
        let output = r.matrix(quant_input && quant_output, dim)?;
        // One row per label (a hierarchical softmax uses the first n - 1, one per inner node).
        if output.rows() != labels.len() {
            return Err(format!(
                "output matrix has {} rows for {} labels",
                output.rows(),
                labels.len()
            ));
        }

        let mut model = FastTextModel {
            dim,
            word_ngrams,
            minn,
            maxn,
            bucket,
            loss,
            nwords,
            ids,
            subword_start: Vec::with_capacity(size + 1),
            subwords: Vec::new(),
            labels,
            prune,
            input,
            output,
            tree: Vec::new(),
        };
        // Input rows of every dictionary word (fastText's `initNgrams`).
        let mut buf = Vec::new();
        for (i, word) in entries.iter().enumerate().take(nwords as usize) {
            model.subword_start.push(model.subwords.len() as u32);
            let mut list = std::mem::take(&mut model.subwords);
            list.push(i as i32);
            if *word != EOS.as_bytes() {
                model.push_char_ngrams(word, &mut buf, &mut list);
            }
            model.subwords = list;
        }
        model.subword_start.push(model.subwords.len() as u32);
        let max_row = model.subwords.iter().copied().max().unwrap_or(0);
        if usize::try_from(max_row).is_ok_and(|m| m >= model.input.rows()) {
            return Err(format!(
                "input matrix has {} rows, row {max_row} is needed",
                model.input.rows()
            ));
        }
        if loss == Loss::HierarchicalSoftmax {
            model.tree = huffman_tree(&label_counts);
        }
        Ok(model)
    }

    /// Number of labels.
    pub fn label_count(&self) -> usize {
        self.labels.len()
    }

    /// The label with index `i`, as in the model (`__label__en`); empty if out of range.
    pub fn label(&self, i: usize) -> &str {
        self.labels.get(i).map_or("", String::as_str)
    }

    /// The output layer kind.
    pub fn loss(&self) -> Loss {
        self.loss
    }

    /// Row of bucket `id` (fastText's `pushHash`): `None` when pruned away.
    fn bucket_row(&self, id: i32) -> Option<i32> {
        if id < 0 {
            return None;
        }
        match &self.prune {
            None => Some(self.nwords + id),
            Some(map) => map.get(&id).map(|&r| self.nwords + r),
        }
    }

    fn push_char_ngrams(&self, word: &[u8], buf: &mut Vec<u8>, out: &mut Vec<i32>) {
        if self.maxn == 0 || self.bucket == 0 {
            return;
        }
        buf.clear();
        buf.push(b'<');
        buf.extend_from_slice(word);
        buf.push(b'>');
        char_ngrams(buf, self.minn, self.maxn, |g| {
            let id = (u64::from(hash(g)) % self.bucket) as i32;
            if let Some(row) = self.bucket_row(id) {
                out.push(row);
            }
        });
    }

    /// The input rows of one line of text (fastText's `Dictionary::getLine`), with the
    /// end-of-line token appended.
    pub fn input_rows(&self, line: &str) -> Vec<i32> {
        let mut rows = Vec::new();
        let mut hashes = Vec::new();
        let mut buf = Vec::new();
        let is_space = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0x0b | 0x0c | 0);
        let tokens = line
            .as_bytes()
            .split(is_space)
            .filter(|t| !t.is_empty())
            .chain(std::iter::once(EOS.as_bytes()));
        for token in tokens {
            let h = hash(token);
            match self.ids.get(token) {
                Some(&id) if id < self.nwords => {
                    let (a, b) = (
                        self.subword_start[id as usize] as usize,
                        self.subword_start[id as usize + 1] as usize,
                    );
                    rows.extend_from_slice(&self.subwords[a..b]);
                }
                Some(_) => continue, // a label
                None if token.starts_with(LABEL_PREFIX.as_bytes()) => continue,
                None => self.push_char_ngrams(token, &mut buf, &mut rows),
            }
            hashes.push(h as i32);
        }
        if self.word_ngrams > 1 && self.bucket > 0 {
            let n = self.word_ngrams as usize;
            for i in 0..hashes.len() {
                let mut h = i64::from(hashes[i]) as u64;
                for &next in hashes.iter().take(i + n).skip(i + 1) {
                    h = h
                        .wrapping_mul(116_049_371)
                        .wrapping_add(i64::from(next) as u64);
                    if let Some(row) = self.bucket_row((h % self.bucket) as i32) {
                        rows.push(row);
                    }
                }
            }
        }
        rows
    }

    /// The `k` most likely labels of `line` with probability at least `threshold`, most
    /// likely first (fastText's `predict(line, k, threshold)`; a `\n` inside `line` is read as
    /// a space rather than ending the line, which is what datatrove's replacement gives).
    pub fn predict(&self, line: &str, k: usize, threshold: f32) -> Vec<Prediction> {
        let rows = self.input_rows(line);
        self.predict_rows(&rows, k, threshold)
    }

    /// Like [`predict`](Self::predict), from the input rows of [`input_rows`](Self::input_rows).
    pub fn predict_rows(&self, rows: &[i32], k: usize, threshold: f32) -> Vec<Prediction> {
        let mut out = Vec::new();
        if rows.is_empty() || k == 0 {
            return out;
        }
        let mut hidden = vec![0.0f32; self.dim];
        for &r in rows {
            self.input.add_row(&mut hidden, r as usize);
        }
        let scale = (1.0 / rows.len() as f64) as f32;
        for x in &mut hidden {
            *x *= scale;
        }
        let k = k.min(self.output.rows());
        let mut heap: Vec<(f32, usize)> = Vec::with_capacity(k + 1);
        match self.loss {
            Loss::HierarchicalSoftmax => {
                let root = 2 * self.labels.len() - 2;
                self.dfs(k, std_log(threshold), root, 0.0, &mut heap, &hidden);
            }
            Loss::Softmax => {
                let mut o: Vec<f32> = (0..self.output.rows())
                    .map(|i| self.output.dot_row(&hidden, i))
                    .collect();
                let max = o.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let mut z = 0.0f32;
                for x in &mut o {
                    *x = (*x - max).exp();
                    z += *x;
                }
                for x in &mut o {
                    *x /= z;
                }
                k_best(&o, k, threshold, &mut heap);
            }
            Loss::NegativeSampling | Loss::OneVsAll => {
                let o: Vec<f32> = (0..self.output.rows())
                    .map(|i| table_sigmoid(self.output.dot_row(&hidden, i)))
                    .collect();
                k_best(&o, k, threshold, &mut heap);
            }
        }
        // Highest score first; equal scores by label index, which is what a sorted heap
        // gives in practice.
        heap.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        out.extend(heap.into_iter().map(|(score, label)| Prediction {
            label,
            prob: score.exp(),
        }));
        out
    }

    /// Depth-first search of the hierarchical-softmax tree (fastText's
    /// `HierarchicalSoftmaxLoss::dfs`), keeping the `k` best leaves in `heap`.
    fn dfs(
        &self,
        k: usize,
        log_threshold: f32,
        node: usize,
        score: f32,
        heap: &mut Vec<(f32, usize)>,
        hidden: &[f32],
    ) {
        if score < log_threshold {
            return;
        }
        if heap.len() == k && score < min_score(heap) {
            return;
        }
        let Some(n) = self.tree.get(node) else { return };
        if n.left < 0 && n.right < 0 {
            heap.push((score, node));
            if heap.len() > k {
                let worst = worst_index(heap);
                heap.swap_remove(worst);
            }
            return;
        }
        let osz = self.labels.len();
        let f = self.output.dot_row(hidden, node - osz);
        let f = (1.0 / (1.0 + f64::from((-f).exp()))) as f32;
        self.dfs(
            k,
            log_threshold,
            n.left as usize,
            score + std_log((1.0 - f64::from(f)) as f32),
            heap,
            hidden,
        );
        self.dfs(
            k,
            log_threshold,
            n.right as usize,
            score + std_log(f),
            heap,
            hidden,
        );
    }
}

fn min_score(heap: &[(f32, usize)]) -> f32 {
    heap.iter().map(|&(s, _)| s).fold(f32::INFINITY, f32::min)
}

/// Index of the entry to evict: the lowest score (the later one among equals).
fn worst_index(heap: &[(f32, usize)]) -> usize {
    let mut worst = 0;
    for (i, &(s, _)) in heap.iter().enumerate() {
        if s <= heap[worst].0 {
            worst = i;
        }
    }
    worst
}

/// fastText's `findKBest`: keeps the `k` best `std_log(p)` of the outputs at or above
/// `threshold`.
fn k_best(output: &[f32], k: usize, threshold: f32, heap: &mut Vec<(f32, usize)>) {
    for (i, &p) in output.iter().enumerate() {
        if p < threshold {
            continue;
        }
        let s = std_log(p);
        if heap.len() == k && s < min_score(heap) {
            continue;
        }
        heap.push((s, i));
        if heap.len() > k {
            let worst = worst_index(heap);
            heap.swap_remove(worst);
        }
    }
}

/// The Huffman tree fastText builds over the label counts (labels sorted by decreasing
/// count, as the dictionary stores them): leaves `0..n`, internal nodes `n..2n-1`, root last.
fn huffman_tree(counts: &[i64]) -> Vec<Node> {
    let n = counts.len();
    let total = 2 * n - 1;
    let mut tree = vec![
        Node {
            left: -1,
            right: -1
        };
        total
    ];
    let mut count = vec![1_000_000_000_000_000i64; total];
    count[..n].copy_from_slice(counts);
    let mut leaf = n as i64 - 1;
    let mut next = n;
    for i in n..total {
        let mut pick = [0usize; 2];
        for p in &mut pick {
            if leaf >= 0 && count[leaf as usize] < count[next] {
                *p = leaf as usize;
                leaf -= 1;
            } else {
                *p = next;
                next += 1;
            }
        }
        tree[i] = Node {
            left: pick[0] as i32,
            right: pick[1] as i32,
        };
        count[i] = count[pick[0]] + count[pick[1]];
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_sign_extends_bytes() {
        // Textbook FNV-1a 32 of "a" is 0xe40c292c; ASCII is unaffected by sign extension.
        assert_eq!(hash(b"a"), 0xe40c_292c);
        assert_eq!(hash(b""), 2_166_136_261);
        // A byte ≥ 0x80 is xored as 0xffffff80, not 0x80.
        let expected = (2_166_136_261u32 ^ 0xffff_ff80).wrapping_mul(16_777_619);
        assert_eq!(hash(&[0x80]), expected);
        assert_ne!(
            hash(&[0x80]),
            (2_166_136_261u32 ^ 0x80).wrapping_mul(16_777_619)
        );
    }

    fn ngrams(word: &str, minn: usize, maxn: usize) -> Vec<String> {
        let mut v = Vec::new();
        char_ngrams(word.as_bytes(), minn, maxn, |g| {
            v.push(String::from_utf8_lossy(g).into_owned())
        });
        v
    }

    #[test]
    fn char_ngrams_skip_lone_brackets_and_keep_utf8_whole() {
        assert_eq!(ngrams("<ab>", 1, 2), ["<a", "a", "ab", "b", "b>"]);
        assert_eq!(
            ngrams("<ab>", 2, 4),
            ["<a", "<ab", "<ab>", "ab", "ab>", "b>"]
        );
        assert_eq!(ngrams("<é>", 1, 3), ["<é", "<é>", "é", "é>"]);
        assert!(ngrams("<ab>", 1, 0).is_empty());
    }

    #[test]
    fn huffman_tree_matches_fasttext_construction() {
        // Counts 5, 3, 1: first merge leaves 2 and 1 (counts 1, 3) into node 3, then leaf 0
        // (5) is compared with node 3 (4): node 3 is smaller, so node 4 = (3, 0).
        let t = huffman_tree(&[5, 3, 1]);
        assert_eq!((t[3].left, t[3].right), (2, 1));
        assert_eq!((t[4].left, t[4].right), (3, 0));
    }

    /// Writes a tiny model file in fastText's format.
    struct Builder {
        bytes: Vec<u8>,
    }

    impl Builder {
        fn i32(&mut self, v: i32) -> &mut Self {
            self.bytes.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn i64(&mut self, v: i64) -> &mut Self {
            self.bytes.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn f32s(&mut self, v: &[f32]) -> &mut Self {
            for x in v {
                self.bytes.extend_from_slice(&x.to_le_bytes());
            }
            self
        }
        fn u8(&mut self, v: u8) -> &mut Self {
            self.bytes.push(v);
            self
        }
        fn entry(&mut self, word: &str, count: i64, kind: u8) -> &mut Self {
            self.bytes.extend_from_slice(word.as_bytes());
            self.bytes.push(0);
            self.i64(count).u8(kind)
        }
    }

    /// Header and args of a supervised model.
    fn header(dim: i32, word_ngrams: i32, loss: i32, bucket: i32, minn: i32, maxn: i32) -> Builder {
        let mut b = Builder { bytes: Vec::new() };
        b.i32(MAGIC).i32(12);
        b.i32(dim)
            .i32(5)
            .i32(1)
            .i32(1)
            .i32(5)
            .i32(word_ngrams)
            .i32(loss)
            .i32(3);
        b.i32(bucket).i32(minn).i32(maxn).i32(100);
        b.bytes.extend_from_slice(&1e-4f64.to_le_bytes());
        b
    }

    /// A softmax model with dimension 2, words `</s>` and `good`, labels `pos` and `neg`, no
    /// n-grams: rows are chosen so the prediction can be worked out by hand.
    fn softmax_model() -> Vec<u8> {
        let mut b = header(2, 1, 3, 0, 0, 0);
        b.i32(4).i32(2).i32(2).i64(10).i64(-1);
        b.entry("</s>", 5, 0)
            .entry("good", 3, 0)
            .entry("__label__pos", 4, 1)
            .entry("__label__neg", 2, 1);
        b.u8(0).i64(2).i64(2).f32s(&[0.0, 0.0, 2.0, 0.0]); // input: </s> = (0,0), good = (2,0)
        b.u8(0).i64(2).i64(2).f32s(&[1.0, 0.0, -1.0, 0.0]); // output: pos·h = h0, neg·h = -h0
        b.bytes
    }

    #[test]
    fn softmax_prediction_by_hand() {
        let m = FastTextModel::from_bytes(&softmax_model()).unwrap_or_else(|e| panic!("{e}"));
        // "good" + </s>: hidden = ((2,0) + (0,0)) / 2 = (1, 0); logits (1, -1).
        assert_eq!(m.input_rows("good"), [1, 0]);
        let p = m.predict("good", 2, 0.0);
        assert_eq!(m.label(p[0].label), "__label__pos");
        let e = (-2.0f64).exp();
        let want = 1.0 / (1.0 + e) + 1e-5; // exp(std_log(p)) = p + 1e-5
        assert!((f64::from(p[0].prob) - want).abs() < 1e-6, "{p:?}");
        assert!((f64::from(p[1].prob) - (e / (1.0 + e) + 1e-5)).abs() < 1e-6);
        // Unknown words contribute nothing (no n-grams): only </s>, hidden 0, 50/50.
        let p = m.predict("bad  \t words", 1, 0.0);
        assert!((p[0].prob - 0.50001).abs() < 1e-6, "{p:?}");
        // A label-looking token is skipped, newlines split tokens like spaces.
        assert_eq!(m.input_rows("__label__pos\ngood __label__x"), [1, 0]);
        // Threshold drops the unlikely label.
        assert_eq!(m.predict("good", 2, 0.5).len(), 1);
    }

    /// Hierarchical softmax with 3 labels, character n-grams (minn 2, maxn 3, 16 buckets)
    /// and a quantised input matrix with quantised norms.
    fn hs_quant_model(prune: Option<&[(i32, i32)]>) -> Vec<u8> {
        let mut b = header(2, 2, 1, 16, 2, 3);
        b.i32(5)
            .i32(2)
            .i32(3)
            .i64(10)
            .i64(prune.map_or(-1, |p| p.len() as i64));
        b.entry("</s>", 5, 0).entry("ab", 3, 0);
        b.entry("__label__x", 5, 1)
            .entry("__label__y", 3, 1)
            .entry("__label__z", 1, 1);
        let mut rows = 2 + 16;
        if let Some(p) = prune {
            for &(from, to) in p {
                b.i32(from).i32(to);
            }
            rows = 2 + p.len() as i64;
        }
        // Input: quantised, qnorm, nsubq 2 of width 1; code of row r is (r % 4, r % 3);
        // centroid c of sub-quantiser m is (m + 1) * c / 10; norm centroid c is 1 + c.
        b.u8(1).u8(1).i64(rows).i64(2).i32((rows * 2) as i32);
        for r in 0..rows {
            b.u8((r % 4) as u8).u8((r % 3) as u8);
        }
        b.i32(2).i32(2).i32(1).i32(1);
        let centroids: Vec<f32> = (0..2)
            .flat_map(|m| (0..256).map(move |c| (m + 1) as f32 * c as f32 / 10.0))
            .collect();
        b.f32s(&centroids);
        for r in 0..rows {
            b.u8((r % 2) as u8);
        }
        b.i32(1).i32(1).i32(1).i32(1);
        b.f32s(&(0..256).map(|c| 1.0 + c as f32).collect::<Vec<_>>());
        // Output: dense, one row per label; the 2 inner nodes use the first two.
        b.u8(0).i64(3).i64(2).f32s(&[1.0, -1.0, 0.5, 0.5, 9.0, 9.0]);
        b.bytes
    }

    fn reference_hidden(rows: &[i32]) -> [f32; 2] {
        let mut h = [0.0f32; 2];
        for &r in rows {
            let norm = 1.0 + (r % 2) as f32;
            h[0] += norm * ((r % 4) as f32 / 10.0);
            h[1] += norm * (2.0 * (r % 3) as f32 / 10.0);
        }
        let s = (1.0 / rows.len() as f64) as f32;
        [h[0] * s, h[1] * s]
    }

    #[test]
    fn subwords_word_ngrams_and_quantised_rows() {
        let m = FastTextModel::from_bytes(&hs_quant_model(None)).unwrap_or_else(|e| panic!("{e}"));
        let b = |s: &str| 2 + (hash(s.as_bytes()) % 16) as i32;
        // In-vocabulary "ab": itself then "<a", "<ab", "ab", "ab>", "b>".
        let mut want = vec![1, b("<a"), b("<ab"), b("ab"), b("ab>"), b("b>")];
        // OOV "c": "<c", "<c>", "c>"; then </s> (no n-grams).
        want.extend([b("<c"), b("<c>"), b("c>"), 0]);
        // Word bigrams over the token hashes (sign-extended), modulo 16.
        let hs: Vec<i32> = ["ab", "c", "</s>"]
            .iter()
            .map(|t| hash(t.as_bytes()) as i32)
            .collect();
        for w in hs.windows(2) {
            let h = (i64::from(w[0]) as u64)
                .wrapping_mul(116_049_371)
                .wrapping_add(i64::from(w[1]) as u64);
            want.push(2 + (h % 16) as i32);
        }
        assert_eq!(m.input_rows("ab c"), want);

        // Tree over counts (5, 3, 1): node 3 = (leaf 2, leaf 1), node 4 = (node 3, leaf 0).
        let h = reference_hidden(&want);
        let sig = |node: usize| {
            let w = [[1.0f32, -1.0], [0.5, 0.5]][node - 3];
            let f = w[0] * h[0] + w[1] * h[1];
            (1.0 / (1.0 + f64::from((-f).exp()))) as f32
        };
        let (f4, f3) = (sig(4), sig(3));
        let p_x = std_log(f4).exp();
        let p_y = (std_log((1.0 - f64::from(f4)) as f32) + std_log(f3)).exp();
        let p_z =
            (std_log((1.0 - f64::from(f4)) as f32) + std_log((1.0 - f64::from(f3)) as f32)).exp();
        let p = m.predict("ab c", 5, 0.0);
        assert_eq!(p.len(), 3);
        let mut want = [
            ("__label__x", p_x),
            ("__label__y", p_y),
            ("__label__z", p_z),
        ];
        want.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (got, (wl, wp)) in p.iter().zip(want) {
            assert_eq!(m.label(got.label), wl);
            assert!((got.prob - wp).abs() < 1e-6, "{wl}: {} vs {wp}", got.prob);
        }
        // Top-1 is the best of the three, and probabilities come out sorted.
        assert!(p.windows(2).all(|w| w[0].prob >= w[1].prob));
        assert_eq!(m.predict("ab c", 1, 0.0)[0], p[0]);
    }

    #[test]
    fn pruned_ngrams_map_to_rows_or_vanish() {
        let keep = (hash(b"<c") % 16) as i32;
        let m = FastTextModel::from_bytes(&hs_quant_model(Some(&[(keep, 0)])))
            .unwrap_or_else(|e| panic!("{e}"));
        // Only the kept bucket survives (row nwords + 0); word bigrams are pruned too unless
        // they hash to the same bucket.
        let rows = m.input_rows("c");
        assert_eq!(rows[0], 2);
        assert_eq!(rows[1], 0);
        assert!(rows[2..].iter().all(|&r| r == 2));
    }

    #[test]
    fn rejects_bad_files() {
        assert!(FastTextModel::from_bytes(b"").is_err());
        assert!(FastTextModel::from_bytes(&[0u8; 64]).is_err());
        let good = softmax_model();
        for cut in [8, 60, good.len() - 1] {
            assert!(
                FastTextModel::from_bytes(&good[..cut]).is_err(),
                "cut at {cut}"
            );
        }
    }
}
