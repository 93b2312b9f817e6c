//! `dedup_lines`: duplicate lines or paragraphs inside one document.
//!
//! ## What it does
//! Removes every line (or paragraph) whose normalised form (lowercase, whitespace collapsed)
//! already appeared earlier in the same document; the first occurrence stays where it is.
//! Units shorter than [`DedupLinesConfig::min_chars`] are never removed.
//!
//! ## Why
//! Extractors and CMS templates often emit the same paragraph twice (a teaser then the body,
//! a pull quote, a paragraph repeated by a broken pagination), and repeated text skews
//! training. Short lines (`Share`, `|`, `Yes`, table cells) legitimately repeat and are left to
//! the boilerplate rules.
//!
//! ## Example
//! ```
//! use tamis_clean::DedupLinesConfig;
//! use tamis_core::{Document, Outcome, Step, StepContext};
//!
//! let step = DedupLinesConfig::default().build()?;
//! let mut doc = Document::new("d", "A first paragraph that is long enough.\nAnother one.\na first  PARAGRAPH that is long enough.");
//! assert_eq!(step.process(&mut doc, &mut StepContext::default()), Outcome::Modified);
//! assert_eq!(doc.text, "A first paragraph that is long enough.\nAnother one.");
//! # Ok::<(), tamis_core::Error>(())
//! ```

use ahash::AHashSet;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Result, Step, StepContext};

use crate::lines;

/// Default of [`DedupLinesConfig::unit`].
pub const DEFAULT_UNIT: DedupUnit = DedupUnit::Line;
/// Default of [`DedupLinesConfig::min_chars`].
pub const DEFAULT_MIN_CHARS: usize = 20;

/// What counts as one unit of comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DedupUnit {
    /// Every non-blank line is a unit (right for extracted text, where a paragraph is a line).
    Line,
    /// A run of consecutive non-blank lines (a blank-line-separated paragraph) is a unit.
    Paragraph,
}

/// Configuration of the `dedup_lines` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct DedupLinesConfig {
    /// Unit of comparison: `line` (each non-blank line) or `paragraph` (blank-line-separated
    /// blocks). Default `line`.
    pub unit: DedupUnit,
    /// Units whose normalised form has fewer characters (Unicode scalar values) than this are
    /// never removed, so short repeated lines (`Share`, `Yes`, `|`, `$10`) stay. Default 20: our
    /// choice, measured on the gold texts of ../shared/data/extraction, where lines under 20
    /// characters make up most legitimate repetitions (table cells, labels, list headings)
    /// while repeated paragraphs of real text are longer.
    pub min_chars: usize,
}

impl Default for DedupLinesConfig {
    fn default() -> Self {
        Self {
            unit: DEFAULT_UNIT,
            min_chars: DEFAULT_MIN_CHARS,
        }
    }
}

impl DedupLinesConfig {
    /// Validates the configuration and builds the step. Every value is valid today; the
    /// method exists so that all steps are built the same way.
    pub fn build(&self) -> Result<DedupLines> {
        Ok(DedupLines {
            config: self.clone(),
        })
    }
}

/// The `dedup_lines` step; see the [module docs](self).
///
/// Records `lines_removed` (number of lines removed) and `chars_removed` (bytes removed) for
/// every document.
#[derive(Debug, Clone)]
pub struct DedupLines {
    config: DedupLinesConfig,
}

impl DedupLines {
    /// Returns the text without duplicate units, or `None` when nothing is removed.
    pub fn clean(&self, text: &str) -> Option<String> {
        self.clean_counted(text).map(|(t, _)| t)
    }

    /// Like [`DedupLines::clean`], with the number of lines removed.
    fn clean_counted(&self, text: &str) -> Option<(String, usize)> {
        let ls = lines::split(text);
        let mut remove = vec![false; ls.len()];
        let mut seen: AHashSet<u64> = AHashSet::new();
        let mut norm = String::new();
        let mut any = false;
        match self.config.unit {
            DedupUnit::Line => {
                for (i, l) in ls.iter().enumerate() {
                    if !l.content || l.table {
                        continue;
                    }
                    lines::normalize_into(l.text(text), &mut norm);
                    if norm.len() < self.config.min_chars
                        || norm.chars().count() < self.config.min_chars
                    {
                        continue;
                    }
                    if !seen.insert(lines::hash(&norm)) {
                        remove[i] = true;
                        any = true;
                    }
                }
            }
            DedupUnit::Paragraph => {
                let mut i = 0;
                let mut para = String::new();
                while i < ls.len() {
                    if !ls[i].content {
                        i += 1;
                        continue;
                    }
                    let start = i;
                    para.clear();
                    while i < ls.len() && ls[i].content {
                        lines::normalize_into(ls[i].text(text), &mut norm);
                        if !para.is_empty() {
                            para.push('\n');
                        }
                        para.push_str(&norm);
                        i += 1;
                    }
                    if para.chars().count() >= self.config.min_chars
                        && !seen.insert(lines::hash(&para))
                    {
                        remove[start..i].iter_mut().for_each(|r| *r = true);
                        any = true;
                    }
                }
            }
        }
        any.then(|| {
            (
                lines::rebuild(text, &ls, &remove),
                remove.iter().filter(|r| **r).count(),
            )
        })
    }
}

impl Step for DedupLines {
    fn name(&self) -> &'static str {
        "dedup_lines"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let cleaned = self.clean_counted(&doc.text);
        crate::lines::apply_cleaned(doc, ctx, cleaned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(cfg: DedupLinesConfig, text: &str) -> (Outcome, String) {
        let step = cfg.build().unwrap();
        let mut doc = Document::new("t", text);
        let mut ctx = StepContext::default();
        let out = step.process(&mut doc, &mut ctx);
        (out, doc.text)
    }

    const P1: &str = "The committee met on Tuesday to discuss the budget.";
    const P2: &str = "Members agreed to postpone the vote until next month.";

    #[test]
    fn markdown_tables_keep_their_rows() {
        let table = |r: &str| {
            format!("| Year | Team | Games | Points |\n| --- | --- | --- | --- |\n| {r} |")
        };
        let text = format!(
            "{}\n\n{P1}\n\n{}\n\n{P1}",
            table("2024 | Lions | 12 | 30"),
            table("2025 | Bears | 10 | 21")
        );
        let (_, out) = run(DedupLinesConfig::default(), &text);
        assert_eq!(out.matches("| --- | --- | --- | --- |").count(), 2, "{out}");
        assert_eq!(
            out.matches("| Year | Team | Games | Points |").count(),
            2,
            "{out}"
        );
        assert_eq!(out.matches(P1).count(), 1, "{out}");
    }

    #[test]
    fn keeps_first_occurrence_in_order() {
        let text = format!("{P1}\n{P2}\n{P1}\n  {}  \n", P2.to_uppercase());
        let (o, t) = run(DedupLinesConfig::default(), &text);
        assert_eq!(o, Outcome::Modified);
        assert_eq!(t, format!("{P1}\n{P2}\n"));
    }

    #[test]
    fn unchanged_text_is_kept_verbatim() {
        let text = format!("\n{P1}\n\n\n{P2}\n");
        assert_eq!(
            run(DedupLinesConfig::default(), &text),
            (Outcome::Keep, text.clone())
        );
        assert_eq!(
            run(DedupLinesConfig::default(), ""),
            (Outcome::Keep, String::new())
        );
    }

    #[test]
    fn min_chars_threshold_is_inclusive() {
        let line = "abcdefghij"; // 10 chars
        let text = format!("{line}\nx\n{line}");
        let at = DedupLinesConfig {
            min_chars: 10,
            ..Default::default()
        };
        assert_eq!(run(at, &text).1, format!("{line}\nx"));
        let above = DedupLinesConfig {
            min_chars: 11,
            ..Default::default()
        };
        assert_eq!(run(above, &text).0, Outcome::Keep);
        // Short crumbs repeat freely under the default.
        assert_eq!(
            run(DedupLinesConfig::default(), "Share\nText\nShare").0,
            Outcome::Keep
        );
    }

    #[test]
    fn paragraph_unit_compares_blocks() {
        let text =
            format!("{P1}\n{P2}\n\nMiddle paragraph of its own here.\n\n{P1}\n{P2}\n\n{P1}\n");
        let cfg = DedupLinesConfig {
            unit: DedupUnit::Paragraph,
            ..Default::default()
        };
        let (o, t) = run(cfg, &text);
        assert_eq!(o, Outcome::Modified);
        assert_eq!(
            t,
            format!("{P1}\n{P2}\n\nMiddle paragraph of its own here.\n\n{P1}\n")
        );
    }

    #[test]
    fn non_latin_text() {
        let zh = "这是一个足够长的中文段落，用来测试重复段落的删除功能。";
        let text = format!("{zh}\n第二段。\n{zh}");
        assert_eq!(
            run(DedupLinesConfig::default(), &text).1,
            format!("{zh}\n第二段。")
        );
    }

    #[test]
    fn config_rejects_unknown_fields() {
        assert!(serde_json::from_str::<DedupLinesConfig>(r#"{"min_char": 3}"#).is_err());
        let c: DedupLinesConfig = serde_json::from_str(r#"{"unit": "paragraph"}"#).unwrap();
        assert_eq!(c.unit, DedupUnit::Paragraph);
        assert_eq!(c.min_chars, DEFAULT_MIN_CHARS);
    }
}
