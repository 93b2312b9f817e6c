//! Configuration of the `extract` step.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Extractor;

/// Output format of the extracted text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutputFormat {
    /// Plain text: blocks separated by a blank line, list items and table rows on their own
    /// lines.
    #[default]
    Text,
    /// Light Markdown: `#` headings, `- ` list items, `|` table cells, fenced code blocks.
    Markdown,
}

/// Default of [`ExtractConfig::include_tables`].
pub const DEFAULT_INCLUDE_TABLES: bool = true;
/// Default of [`ExtractConfig::include_lists`].
pub const DEFAULT_INCLUDE_LISTS: bool = true;
/// Default of [`ExtractConfig::include_images`].
pub const DEFAULT_INCLUDE_IMAGES: bool = false;
/// Default of [`ExtractConfig::include_links`].
pub const DEFAULT_INCLUDE_LINKS: bool = false;
/// Default of [`ExtractConfig::include_comments`].
pub const DEFAULT_INCLUDE_COMMENTS: bool = false;
/// Default of [`ExtractConfig::include_title`].
pub const DEFAULT_INCLUDE_TITLE: bool = false;
/// Default of [`ExtractConfig::include_structured_data`].
pub const DEFAULT_INCLUDE_STRUCTURED_DATA: bool = true;
/// Default of [`ExtractConfig::max_input_bytes`]: 16 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;
/// Default of [`ExtractConfig::max_depth`].
pub const DEFAULT_MAX_DEPTH: u32 = 512;
/// Default of [`ExtractConfig::timeout_ms`].
pub const DEFAULT_TIMEOUT_MS: u64 = 2_000;
/// Default of [`ExtractConfig::drop_empty`].
pub const DEFAULT_DROP_EMPTY: bool = true;

/// `[[steps]] type = "extract"`: HTML to main text.
///
/// ```toml
/// [[steps]]
/// type = "extract"
/// output = "markdown"
/// include_tables = false
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ExtractConfig {
    /// `text` (default) or `markdown`.
    pub output: OutputFormat,
    /// Keep tables of the main content (cells separated by spaces, rows by lines; `|` in
    /// Markdown). Default true.
    pub include_tables: bool,
    /// Keep lists of the main content. Default true.
    pub include_lists: bool,
    /// Keep image alt text inside the main content (as `[image: alt]`, Markdown `![alt]()`).
    /// Default false.
    pub include_images: bool,
    /// Keep link targets: Markdown `[text](url)`; in text mode `text <url>`. Default false
    /// (the link text is always kept).
    pub include_links: bool,
    /// Keep user comment sections of articles. Default false. (Forum posts are the content
    /// of a forum page and are kept either way.)
    pub include_comments: bool,
    /// Put the page title (first line) before the text. Default false: the title goes to
    /// metadata `title` only.
    pub include_title: bool,
    /// Use JSON-LD/microdata descriptions (products, recipes, articles) when the visible DOM
    /// lacks them. Default true.
    pub include_structured_data: bool,
    /// Pages longer than this (bytes of HTML) are truncated to it before parsing and counted
    /// as `truncated`. Default 16 MiB.
    pub max_input_bytes: u64,
    /// Deepest element nesting kept; deeper elements are flattened into their ancestor
    /// (never a stack overflow). Default 512.
    pub max_depth: u32,
    /// Per-document time budget in milliseconds, counted from the start of decoding and
    /// checked during the pruning pass and before the choice of a content root: past it,
    /// pruning stops and the whole body minus the boilerplate pruned so far is returned
    /// (recorded as `timed_out`). Parsing and rendering are linear in the page size; some
    /// scoring rules look into subtrees, which nesting (capped at `max_depth`) can make
    /// slow, and an overloaded machine is slow on anything. 0 disables. Default 2000.
    pub timeout_ms: u64,
    /// Drop a page without main content with reason `no_main_content`. Default true.
    pub drop_empty: bool,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        Self {
            output: OutputFormat::default(),
            include_tables: DEFAULT_INCLUDE_TABLES,
            include_lists: DEFAULT_INCLUDE_LISTS,
            include_images: DEFAULT_INCLUDE_IMAGES,
            include_links: DEFAULT_INCLUDE_LINKS,
            include_comments: DEFAULT_INCLUDE_COMMENTS,
            include_title: DEFAULT_INCLUDE_TITLE,
            include_structured_data: DEFAULT_INCLUDE_STRUCTURED_DATA,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            drop_empty: DEFAULT_DROP_EMPTY,
        }
    }
}

impl ExtractConfig {
    /// Validates the configuration and builds the step.
    pub fn build(&self) -> tamis_core::Result<Extractor> {
        if self.max_input_bytes < 1024 {
            return Err(tamis_core::Error::config(
                "max_input_bytes",
                format!("must be at least 1024, got {}", self.max_input_bytes),
            ));
        }
        if !(16..=100_000).contains(&self.max_depth) {
            return Err(tamis_core::Error::config(
                "max_depth",
                format!("must be between 16 and 100000, got {}", self.max_depth),
            ));
        }
        Ok(Extractor::new(self.clone()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_rejected() {
        let r: Result<ExtractConfig, _> = serde_json::from_str(r#"{"include_tabels": false}"#);
        assert!(r.is_err());
        let c: ExtractConfig = serde_json::from_str(r#"{"output": "markdown"}"#).unwrap();
        assert_eq!(c.output, OutputFormat::Markdown);
        assert!(c.include_tables);
    }

    #[test]
    fn build_validates() {
        let bad = ExtractConfig {
            max_depth: 3,
            ..Default::default()
        };
        let err = bad.build().err().unwrap().to_string();
        assert!(err.contains("max_depth"), "{err}");
        let bad = ExtractConfig {
            max_input_bytes: 10,
            ..Default::default()
        };
        assert!(bad.build().is_err());
        assert!(ExtractConfig::default().build().is_ok());
    }
}
