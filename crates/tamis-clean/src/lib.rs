//! # tamis-clean
//!
//! Cleaning steps for text extracted from crawled pages: they remove what is not the page's
//! own text (error banners, template lines, repeats) and drop pages that have none.
//!
//! ## Brief overview
//!
//! Each step has a serde config (`deny_unknown_fields`, every field defaulted, a JSON schema
//! through schemars) whose `build()` validates it and returns the runtime step. The config tag
//! and stats key is given in parentheses.
//!
//! * [`BoilerplateConfig`] → [`Boilerplate`] (`boilerplate`): comment, share, cookie,
//!   newsletter and navigation crumbs, breadcrumb trails, disclaimer blocks and copyright
//!   lines, from rule lists in several languages (`rules/boilerplate/*.txt`, user files via
//!   `extra_rules`).
//! * [`SoftErrorConfig`] → [`SoftError`] (`soft_error`): drops pages that are mostly an
//!   error message ("page not found", "access denied", captcha and JavaScript walls) with
//!   reason `soft_error_page`, and removes error banners above or below real content.
//! * [`DedupLinesConfig`] → [`DedupLines`] (`dedup_lines`): removes repeated lines or
//!   paragraphs inside one document, keeping the first.
//! * [`FrequentLinesConfig`] → [`FrequentLines`] (`frequent_lines`), a
//!   [`tamis_core::CorpusStep`]: a first pass counts, per host, in how many documents each
//!   line appears; the built [`FrequentLinesFilter`] removes the lines of a site's template.
//!
//! A step that leaves a document without any content line drops it with reason
//! `empty_after_cleaning` (`boilerplate`, `frequent_lines`).
//!
//! ## Recommended order
//!
//! [`DEFAULT_STEPS`]: `boilerplate` → `soft_error` → `dedup_lines` → `frequent_lines`.
//!
//! * `boilerplate` first: once navigation and breadcrumbs are gone, an error banner is at the
//!   top of what is left and `soft_error` judges how much real text a page has on the text
//!   alone (a 404 page whose navigation has been removed has nothing left and is dropped).
//!   `soft_error` first gives the same result on the signature page; it only saves a little
//!   work on error pages.
//! * `dedup_lines` after both, so that a banner or a crumb repeated at the top and bottom of a
//!   page is removed by the rule that names it (and counted under it) rather than half-removed
//!   as a repeat.
//! * `frequent_lines` last: it needs a pass over the whole run, and counting lines on text
//!   that is already clean keeps its tables smaller and its decisions about the site's own
//!   template.
//!
//! ```
//! use tamis_clean::{BoilerplateConfig, DedupLinesConfig, SoftErrorConfig};
//! use tamis_core::{Document, Outcome, Step, StepContext};
//!
//! let steps: Vec<Box<dyn Step>> = vec![
//!     Box::new(BoilerplateConfig::default().build()?),
//!     Box::new(SoftErrorConfig::default().build()?),
//!     Box::new(DedupLinesConfig::default().build()?),
//! ];
//! let para = "The bridge will close for repairs from Monday, the city said in a statement, \
//!             and traffic will be diverted through the old town for at least six weeks.";
//! let mut doc = Document::new("d", format!("Oops!\n404 - Page not found\n{para}\n{para}\n0 Comments"));
//! let mut ctx = StepContext::default();
//! for step in &steps {
//!     assert_ne!(step.process(&mut doc, &mut ctx), Outcome::Keep, "{}", step.name());
//! }
//! assert_eq!(doc.text, para);
//! # Ok::<(), tamis_core::Error>(())
//! ```
//!
//! ## How the rules decide
//!
//! The rule lists are vocabularies, not patterns of whole sentences: a line is cut into
//! lowercase words (glued words such as `CommentsAdd` are cut at the case change when the
//! glued form is not a known word), filler words (articles, pronouns, auxiliaries) are set
//! aside, and the line belongs to a category when the category's phrases cover most of the
//! remaining words. "Leave a comment" is a comment crumb; "Readers left hundreds of comments
//! under the post" is not, because most of its words are not comment vocabulary.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod lines;
mod vocab;

pub mod boilerplate;
pub mod dedup_lines;
pub mod frequent_lines;
pub mod soft_error;

pub use boilerplate::{Boilerplate, BoilerplateConfig};
pub use dedup_lines::{DedupLines, DedupLinesConfig, DedupUnit};
pub use frequent_lines::{
    FrequentLines, FrequentLinesConfig, FrequentLinesFilter, FrequentLinesObserver,
};
pub use soft_error::{SoftError, SoftErrorConfig, SoftErrorVerdict};

/// Tags of the cleaning steps in the recommended order (see the crate docs for why).
pub const DEFAULT_STEPS: &[&str] = &["boilerplate", "soft_error", "dedup_lines", "frequent_lines"];

/// Drop reason of a document left without content (`boilerplate`, `frequent_lines`).
pub const EMPTY_AFTER_CLEANING: tamis_core::Reason = boilerplate::EMPTY_AFTER_CLEANING;

/// Drop reason of an error page (`soft_error`).
pub const SOFT_ERROR_PAGE: tamis_core::Reason = soft_error::SOFT_ERROR_PAGE;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every config has a JSON schema that names its fields, and round-trips through JSON.
    #[test]
    fn configs_have_schemas_and_round_trip() {
        fn check<T>(fields: &[&str])
        where
            T: schemars::JsonSchema
                + serde::Serialize
                + serde::de::DeserializeOwned
                + Default
                + PartialEq
                + std::fmt::Debug,
        {
            let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
            let props = schema["properties"].as_object().unwrap();
            for f in fields {
                assert!(props.contains_key(*f), "{f} missing from schema");
            }
            let json = serde_json::to_string(&T::default()).unwrap();
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), T::default());
            assert_eq!(serde_json::from_str::<T>("{}").unwrap(), T::default());
        }
        check::<BoilerplateConfig>(&["comments", "min_line_coverage", "extra_rules"]);
        check::<SoftErrorConfig>(&["max_error_fraction", "min_content_chars", "extra_rules"]);
        check::<DedupLinesConfig>(&["unit", "min_chars"]);
        check::<FrequentLinesConfig>(&["min_pages", "min_doc_fraction", "min_docs"]);
    }

    #[test]
    fn default_steps_name_the_steps() {
        use tamis_core::{CorpusStep, Step};
        let names = [
            Step::name(&BoilerplateConfig::default().build().unwrap()),
            Step::name(&SoftErrorConfig::default().build().unwrap()),
            Step::name(&DedupLinesConfig::default().build().unwrap()),
            CorpusStep::name(&FrequentLinesConfig::default().build().unwrap()),
        ];
        assert_eq!(names.as_slice(), DEFAULT_STEPS);
    }

    use proptest::prelude::*;
    use tamis_core::{Document, Outcome, Step, StepContext};

    fn all_steps() -> Vec<Box<dyn Step>> {
        vec![
            Box::new(BoilerplateConfig::default().build().unwrap()),
            Box::new(SoftErrorConfig::default().build().unwrap()),
            Box::new(DedupLinesConfig::default().build().unwrap()),
            Box::new(
                DedupLinesConfig {
                    unit: DedupUnit::Paragraph,
                    ..Default::default()
                }
                .build()
                .unwrap(),
            ),
        ]
    }

    /// Text made of lines drawn from junk, error vocabulary, repeats and random Unicode.
    fn texty() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            Just("Comments".to_owned()),
            Just("Oops!".to_owned()),
            Just("404 - Page Not Found".to_owned()),
            Just("Disclaimer:".to_owned()),
            Just("Provided as is without warranty; no liability for accuracy.".to_owned()),
            Just("Home > News > World".to_owned()),
            Just("A long enough paragraph of ordinary article text, repeated.".to_owned()),
            Just(String::new()),
            Just(" \t\r".to_owned()),
            "\\PC{0,80}",
            "[a-zA-Z '’>|»:©().]{0,60}",
        ];
        prop::collection::vec(line, 0..30).prop_map(|ls| ls.join("\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// No step panics; a kept document's lines are a subsequence of its input lines; a
        /// second application changes nothing more for the idempotent steps.
        #[test]
        fn steps_never_panic_and_only_remove_lines(text in texty(), status in prop::option::of(100u64..600)) {
            for step in all_steps() {
                let mut doc = Document::new("p", text.clone());
                if let Some(s) = status {
                    doc.set_meta("http_status", s);
                }
                let out = step.process(&mut doc, &mut StepContext::default());
                if out == Outcome::Keep {
                    prop_assert_eq!(&doc.text, &text);
                }
                if out == Outcome::Modified {
                    let mut input = text.split('\n');
                    for l in doc.text.split('\n').filter(|l| !l.trim().is_empty()) {
                        prop_assert!(input.any(|i| i == l), "{} produced a line not in order: {:?}", step.name(), l);
                    }
                    if step.name() == "dedup_lines" {
                        let again = doc.text.clone();
                        prop_assert_eq!(step.process(&mut doc, &mut StepContext::default()), Outcome::Keep);
                        prop_assert_eq!(doc.text, again);
                    }
                }
            }
        }
    }

    #[test]
    fn non_latin_articles_pass_unchanged() {
        for text in [
            "Правительство утвердило новый план развития транспорта.\nАвтобусы будут ходить каждые десять минут.",
            "政府批准了新的交通发展计划。\n公交车将每十分钟一班。\n反对派批评了这一计划的成本。",
            "東京都は月曜日、新しい交通計画を承認した。\nバスは来春から十分ごとに運行する。",
            "الحكومة وافقت على خطة النقل الجديدة.\nستعمل الحافلات كل عشر دقائق.",
            "सरकार ने नई परिवहन योजना को मंजूरी दी।\nबसें हर दस मिनट में चलेंगी।",
        ] {
            for step in all_steps() {
                let mut doc = Document::new("n", text);
                assert_eq!(
                    step.process(&mut doc, &mut StepContext::default()),
                    Outcome::Keep,
                    "{}",
                    step.name()
                );
            }
        }
    }

    #[test]
    fn huge_single_line_is_handled() {
        let line = "word ".repeat(2_000_000); // 10 MB, one line
        let text = format!("Disclaimer:\n{line}\nComments");
        for step in all_steps() {
            let mut doc = Document::new("h", text.clone());
            let out = step.process(&mut doc, &mut StepContext::default());
            assert_ne!(out, Outcome::Drop(EMPTY_AFTER_CLEANING), "{}", step.name());
            assert!(doc.text.contains(line.trim_end()), "{}", step.name());
        }
    }
}
