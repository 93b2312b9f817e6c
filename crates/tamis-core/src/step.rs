//! The `Step` and `CorpusStep` contracts.

use std::path::Path;

use crate::{Document, Result};

/// Why a step dropped a document: a stable snake_case string such as `too_few_words`.
///
/// Stats report it as `<step>.<reason>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reason(&'static str);

impl Reason {
    /// A reason from its snake_case name.
    pub const fn new(name: &'static str) -> Self {
        Reason(name)
    }

    /// The snake_case name.
    pub const fn as_str(&self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// What a step did with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Passed on unchanged.
    Keep,
    /// Passed on with its text (or metadata) changed.
    Modified,
    /// Removed from the stream, with the reason.
    Drop(Reason),
}

/// Per-worker context handed to a step: measurement recording and scratch space.
///
/// A step must not keep state across documents in globals; anything reusable lives here.
#[derive(Debug, Default)]
pub struct StepContext {
    /// Measurements recorded for the current document, drained into the step's
    /// [`crate::StepStats`] summaries by the runner after each call.
    pub measurements: Vec<(&'static str, f64)>,
    /// Reusable string buffer.
    pub scratch: String,
    /// Word boundaries of the text last split by a step of this worker, so that a chain of
    /// filters over the same text splits it into words once.
    pub words: WordCache,
    /// Index of the shard being processed (set by the executor).
    pub shard: usize,
    /// Position of the current document in this shard's input stream of the current stage,
    /// counting from 0 (set by the executor). In a stage after a barrier this is the position
    /// in the previous stage's output, i.e. the order in which that stage's [`Observer`] saw
    /// the documents, so a [`CorpusStep`] can address documents as `(shard, doc_index)`.
    pub doc_index: u64,
}

impl StepContext {
    /// Records a measured value (word count, ratio, ...) under `name`; the runner summarises
    /// it (count, mean, min, max, variance) in the step's stats.
    pub fn record(&mut self, name: &'static str, value: f64) {
        self.measurements.push((name, value));
    }
}

/// The word boundaries (byte ranges) of one text, kept per worker until a step asks for
/// another text or another splitter.
///
/// Gopher repetition, Gopher quality and FineWeb quality all split the same document into
/// words; with this cache the first one splits it and the others reuse the ranges. A hit needs
/// the same splitter name and a byte-identical text (compared in full, so a step that edits
/// the text simply causes a new split).
///
/// ```
/// use tamis_core::WordCache;
/// let mut cache = WordCache::default();
/// let split = |t: &str, out: &mut Vec<(usize, usize)>| {
///     let mut start = 0;
///     for w in t.split(' ') {
///         out.push((start, start + w.len()));
///         start += w.len() + 1;
///     }
/// };
/// assert_eq!(cache.spans("space", "a bc", split), [(0, 1), (2, 4)]);
/// assert!(cache.is_cached("space", "a bc"));
/// assert!(!cache.is_cached("space", "a bcd"));
/// ```
#[derive(Debug, Default)]
pub struct WordCache {
    splitter: &'static str,
    text: String,
    spans: Vec<(usize, usize)>,
    filled: bool,
}

impl WordCache {
    /// The word ranges of `text` as `split` finds them (`split` appends `(start, end)` byte
    /// ranges to the vector), computed only when the cache holds another text or another
    /// `splitter` name. Different splitting functions must use different names.
    pub fn spans(
        &mut self,
        splitter: &'static str,
        text: &str,
        split: impl FnOnce(&str, &mut Vec<(usize, usize)>),
    ) -> &[(usize, usize)] {
        if !self.is_cached(splitter, text) {
            self.spans.clear();
            split(text, &mut self.spans);
            self.text.clear();
            self.text.push_str(text);
            self.splitter = splitter;
            self.filled = true;
        }
        &self.spans
    }

    /// Whether the ranges of `text` by `splitter` are held.
    pub fn is_cached(&self, splitter: &'static str, text: &str) -> bool {
        self.filled && self.splitter == splitter && self.text == text
    }
}

/// One pipeline step: keeps, changes or drops a document.
///
/// Implementations are immutable after construction and shared between worker threads.
pub trait Step: Send + Sync {
    /// The config tag of this step (`gopher_quality`), also its stats key suffix.
    fn name(&self) -> &'static str;

    /// Processes one document in place and says what happened to it.
    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome;
}

/// Collects, for one shard, what a [`CorpusStep`] needs to know about the documents.
pub trait Observer: Send {
    /// Looks at one document (as it is at this point of the pipeline).
    fn observe(&mut self, doc: &Document);

    /// Writes the observations of this shard to `path` (complete when this returns).
    fn save(self: Box<Self>, path: &Path) -> Result<()>;
}

/// A step that needs to see the whole run before it can decide (frequent lines per site,
/// deduplication). The executor runs it in two phases with a barrier in between:
///
/// 1. every shard feeds its documents to an [`Observer`] and saves the observations;
/// 2. [`CorpusStep::build`] reads all observation files and returns the [`Step`] that is
///    applied to every document.
pub trait CorpusStep: Send + Sync {
    /// The config tag of this step.
    fn name(&self) -> &'static str;

    /// A fresh observer for one shard.
    fn observer(&self) -> Box<dyn Observer>;

    /// Builds the applying step from the observation files of all shards.
    ///
    /// `observations[i]` is the file saved by shard `i`'s observer (the slice is in shard
    /// order). The observer of shard `i` sees exactly the documents that shard writes, in
    /// order, and the applying step later receives them in the same order with
    /// [`StepContext::shard`] = `i` and [`StepContext::doc_index`] counting from 0.
    fn build(&self, observations: &[&Path]) -> Result<Box<dyn Step>>;
}
