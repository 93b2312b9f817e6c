//! The built-in pipelines behind `tamis clean` and `tamis extract`.

use crate::StepConfig;

/// The steps of `tamis clean`: extraction, then soft-error pages and banners, boilerplate
/// lines, repeated lines inside a document, and lines frequent across one site's documents.
pub fn clean_steps() -> Vec<StepConfig> {
    vec![
        StepConfig::Extract(Default::default()),
        StepConfig::SoftError(Default::default()),
        StepConfig::Boilerplate(Default::default()),
        StepConfig::DedupLines(Default::default()),
        StepConfig::FrequentLines(Default::default()),
    ]
}

/// The steps of `tamis extract`: HTML to main text, nothing else.
pub fn extract_steps() -> Vec<StepConfig> {
    vec![StepConfig::Extract(Default::default())]
}
