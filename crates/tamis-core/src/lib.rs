//! # tamis-core
//!
//! The vocabulary every other tamis crate speaks.
//!
//! ## Brief overview
//!
//! * [`Document`] is one unit of text flowing through a pipeline: an id, the text, an ordered
//!   JSON [`Metadata`] map and, while it is still HTML, its raw [`Media`] bytes. Its JSON form
//!   `{"id","text","metadata"}` is the record datatrove reads and writes.
//! * [`Step`] keeps, changes or drops one document and answers with an [`Outcome`]; a drop
//!   carries a stable snake_case [`Reason`]. Steps are immutable once built, `Send + Sync`, and
//!   get per-worker scratch space through [`StepContext`], where they can also record
//!   measurements.
//! * [`CorpusStep`] is a step that must see the whole run first (frequent lines per site,
//!   deduplication): an [`Observer`] collects per-shard observations into files, and after a
//!   barrier the step is built from all of them into an ordinary [`Step`].
//! * [`StepStats`] and [`RunStats`] count what happened; they merge with `+=` in any order
//!   (associative and commutative), so each worker keeps its own without locks.
//! * [`Error`] is the shared error type for failures that stop a file or a shard; a bad
//!   *record* is not an error but a [`Malformed`] value that is counted and skipped.
//!
//! ```
//! use tamis_core::{Document, Outcome, Reason, Step, StepContext};
//!
//! /// Drops documents shorter than `min_chars`.
//! struct MinChars { min_chars: usize }
//!
//! impl Step for MinChars {
//!     fn name(&self) -> &'static str { "min_chars" }
//!     fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
//!         ctx.record("chars", doc.text.chars().count() as f64);
//!         if doc.text.chars().count() < self.min_chars {
//!             Outcome::Drop(Reason::new("too_short"))
//!         } else {
//!             Outcome::Keep
//!         }
//!     }
//! }
//!
//! let step = MinChars { min_chars: 5 };
//! let mut ctx = StepContext::default();
//! let mut doc = Document::new("a", "hi");
//! assert_eq!(step.process(&mut doc, &mut ctx), Outcome::Drop(Reason::new("too_short")));
//! ```

mod document;
mod error;
mod stats;
mod step;

pub use document::{Document, Media, Metadata};
pub use error::{Error, Malformed, Result};
pub use stats::{IoStats, RunStats, StepStats, Summary};
pub use step::{CorpusStep, Observer, Outcome, Reason, Step, StepContext, WordCache};
