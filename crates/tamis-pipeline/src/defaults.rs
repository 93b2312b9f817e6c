//! The built-in pipelines behind `tamis clean` and `tamis extract`.

use crate::StepConfig;

/// The steps of `tamis clean`: extraction, then boilerplate lines, soft-error pages and
/// banners, repeated lines inside a document, and lines frequent across one site's documents.
///
/// Boilerplate goes before soft errors so that, once navigation crumbs are gone, an error
/// banner sits at the top and "how much real text is left" is judged on real text; repeats
/// go after both so a crumb or banner repeated at top and bottom is removed by the rule that
/// names it; frequent lines go last because they need the whole run.
pub fn clean_steps() -> Vec<StepConfig> {
    vec![
        StepConfig::Extract(Default::default()),
        StepConfig::Boilerplate(Default::default()),
        StepConfig::SoftError(Default::default()),
        StepConfig::DedupLines(Default::default()),
        StepConfig::FrequentLines(Default::default()),
    ]
}

/// The steps of `tamis extract`: HTML to main text, nothing else.
pub fn extract_steps() -> Vec<StepConfig> {
    vec![StepConfig::Extract(Default::default())]
}
