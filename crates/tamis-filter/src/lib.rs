//! # tamis-filter
//!
//! Quality filters with datatrove's decisions: the FineWeb recipe's heuristics, in Rust.
//!
//! ## Brief overview
//!
//! Each filter is one file with a serde config (`XConfig`, field names as datatrove's
//! constructor arguments, defaults from the papers in `DEFAULT_*` constants) whose `build()`
//! validates it and returns a [`tamis_core::Step`]. A step keeps the document or drops it with
//! a stable snake_case reason (datatrove's reason strings). With `mode = "annotate"` it keeps
//! everything and records the verdict in `metadata.filters.<tag>` and its measurements in
//! `metadata.filter_values.<tag>` instead ([`Mode`]).
//!
//! | tag | config | reasons |
//! |---|---|---|
//! | `gopher_quality` | [`GopherQualityConfig`] | `gopher_short_doc`, `gopher_below_alpha_threshold`, ... |
//! | `gopher_repetition` | [`GopherRepetitionConfig`] | `dup_line_frac`, `top_2_gram`, `duplicated_5_n_grams`, ... |
//! | `c4_quality` | [`C4QualityConfig`] | `too_few_sentences`, `curly_bracket`, `lorem_ipsum` (also removes lines) |
//! | `fineweb_quality` | [`FineWebQualityConfig`] | `line_punct_ratio`, `short_line_ratio`, `char_dup_ratio`, `list_ratio` |
//! | `language` | [`LanguageConfig`] | `language`, `language_score` (sets `metadata.language`, `language_score`) |
//! | `url_filter` | [`UrlFilterConfig`] | `domain`, `subdomain`, `url`, `hard_blacklisted`, `soft_blacklisted`, `blacklisted_subword`, `missing_url` |
//! | `pii` | [`PiiConfig`] | never drops: replaces e-mail and public IP addresses |
//!
//! Words are split with [`tamis_text::split_words`], which reproduces the spaCy tokenizer
//! datatrove uses for English, so counts and ratios agree with datatrove's. The word
//! boundaries of a document are kept in [`tamis_core::StepContext::words`], so a chain of
//! filters over the same text splits it once.
//!
//! [`fasttext`] reads fastText supervised models (`.bin`, quantised `.ftz`) and predicts with
//! them; the `language` step uses it for FineWeb's lid.176 (`backend = "fasttext"`).
//!
//! ```
//! use tamis_core::{Document, Outcome, Reason, Step, StepContext};
//! use tamis_filter::GopherQualityConfig;
//!
//! let step = GopherQualityConfig::default().build()?;
//! let mut doc = Document::new("1", "Too short to be a web page.");
//! let outcome = step.process(&mut doc, &mut StepContext::default());
//! assert_eq!(outcome, Outcome::Drop(Reason::new("gopher_short_doc")));
//! # Ok::<(), tamis_core::Error>(())
//! ```

#![deny(missing_docs)]

pub mod c4_quality;
mod common;
pub mod fasttext;
pub mod fineweb_quality;
pub mod gopher_quality;
pub mod gopher_repetition;
pub mod language;
pub mod pii;
pub mod url_filter;

pub use c4_quality::{C4QualityConfig, C4QualityFilter};
pub use common::Mode;
pub use fineweb_quality::{FineWebQualityConfig, FineWebQualityFilter};
pub use gopher_quality::{GopherQualityConfig, GopherQualityFilter};
pub use gopher_repetition::{GopherRepetitionConfig, GopherRepetitionFilter};
pub use language::{LanguageBackend, LanguageConfig, LanguageFilter};
pub use pii::{PiiConfig, PiiFormatter};
pub use url_filter::{UrlFilter, UrlFilterConfig};
