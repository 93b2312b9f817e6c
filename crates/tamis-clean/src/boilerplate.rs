//! `boilerplate`: lines and blocks that every page of a site carries, from rule lists.
//!
//! ## What it does
//! Removes, using the data-driven vocabulary in `rules/boilerplate/{en,fr,de,es}.txt` (plus
//! user files in [`BoilerplateConfig::extra_rules`]):
//!
//! * **crumb lines** (categories `comments`, `share`, `cookies`, `subscribe`, `navigation`): a
//!   line of at most [`BoilerplateConfig::max_line_chars`] characters whose words, filler words
//!   and bare numbers aside, are at least [`BoilerplateConfig::min_line_coverage`] covered by
//!   phrases of the enabled categories: "Comments", "0 Comments", "Leave a reply", "Share this
//!   article", "Accept all cookies", "Subscribe to our newsletter", "Read more", "Next article".
//!   Words glued by a missing space are cut at lowercase→uppercase boundaries first, so
//!   `CommentsAdd comment` reads `comments add comment`. A real sentence that mentions cookies or
//!   comments keeps most of its words uncovered and stays; so do lines that are part of a
//!   sentence, a question, a quotation (`> ...`) or a numbered list. At least
//!   [`BoilerplateConfig::min_line_coverage_with_fillers`] of all the words must be covered
//!   too. A line made of one social network name ("YouTube") is a share crumb only next to
//!   another crumb (a share bar extracted one button per line); alone it is a heading;
//! * **breadcrumb trails** (`navigation`): `Home > News > World`, `News » Europe » France`;
//! * **disclaimers** (`disclaimers`): a heading line ("Disclaimer:", "Legal notice",
//!   "Important disclaimer", "Haftungsausschluss", "Aviso legal") followed by lines that each contain at least
//!   [`BoilerplateConfig::min_disclaimer_cues`] distinct disclaimer cues ("without warranty",
//!   "liability", "accuracy", "copyright", "views expressed", ...), removed together; the same
//!   on one line ("Disclaimer: the views expressed ..."); without a heading, one of the last
//!   [`BoilerplateConfig::disclaimer_tail_lines`] lines with at least
//!   [`BoilerplateConfig::min_unheaded_disclaimer_cues`] cues covering at least
//!   [`BoilerplateConfig::min_unheaded_disclaimer_coverage`] of its words; and copyright lines
//!   (`© 2024 Example Media. All rights reserved.`).
//!
//! A document left without any content line is dropped with reason `empty_after_cleaning`: it
//! was all template.
//!
//! ## Why
//! Extractors keep part of the page template; these lines repeat across pages and teach a model
//! nothing but the template.
//!
//! ## Example
//! ```
//! use tamis_clean::BoilerplateConfig;
//! use tamis_core::{Document, Outcome, Step, StepContext};
//!
//! let step = BoilerplateConfig::default().build()?;
//! let mut doc = Document::new("d", "Home > News > Science\nThe probe reached orbit on Friday.\nShare this article\n3 Comments");
//! assert_eq!(step.process(&mut doc, &mut StepContext::default()), Outcome::Modified);
//! assert_eq!(doc.text, "The probe reached orbit on Friday.");
//! # Ok::<(), tamis_core::Error>(())
//! ```

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Outcome, Reason, Result, Step, StepContext};

use crate::lines;
use crate::soft_error::{FILLER_RULES, check_fraction, load_extra};
use crate::vocab::{self, Scan, Section, Tokens, Vocab};

/// Default of [`BoilerplateConfig::max_line_chars`].
pub const DEFAULT_MAX_LINE_CHARS: usize = 200;
/// Default of [`BoilerplateConfig::min_line_coverage`].
pub const DEFAULT_MIN_LINE_COVERAGE: f64 = 0.8;
/// Default of [`BoilerplateConfig::min_line_coverage_with_fillers`].
pub const DEFAULT_MIN_LINE_COVERAGE_WITH_FILLERS: f64 = 0.5;
/// Default of [`BoilerplateConfig::min_disclaimer_cues`].
pub const DEFAULT_MIN_DISCLAIMER_CUES: usize = 2;
/// Default of [`BoilerplateConfig::max_disclaimer_lines`].
pub const DEFAULT_MAX_DISCLAIMER_LINES: usize = 5;
/// Default of [`BoilerplateConfig::min_unheaded_disclaimer_cues`].
pub const DEFAULT_MIN_UNHEADED_DISCLAIMER_CUES: usize = 3;
/// Default of [`BoilerplateConfig::min_unheaded_disclaimer_coverage`].
pub const DEFAULT_MIN_UNHEADED_DISCLAIMER_COVERAGE: f64 = 0.5;
/// Default of [`BoilerplateConfig::disclaimer_tail_lines`].
pub const DEFAULT_DISCLAIMER_TAIL_LINES: usize = 3;

/// Longest line, in bytes, that can be disclaimer text (longer lines are content).
pub const MAX_DISCLAIMER_BYTES: usize = 4000;

/// Reason of a document left empty.
pub const EMPTY_AFTER_CLEANING: Reason = Reason::new("empty_after_cleaning");

/// Built-in rule files: (name, text).
const BUILTIN_RULES: &[(&str, &str)] = &[
    (
        "rules/boilerplate/en.txt",
        include_str!("../rules/boilerplate/en.txt"),
    ),
    (
        "rules/boilerplate/fr.txt",
        include_str!("../rules/boilerplate/fr.txt"),
    ),
    (
        "rules/boilerplate/de.txt",
        include_str!("../rules/boilerplate/de.txt"),
    ),
    (
        "rules/boilerplate/es.txt",
        include_str!("../rules/boilerplate/es.txt"),
    ),
];

const COMMENTS: u8 = 0;
const SHARE: u8 = 1;
const COOKIES: u8 = 2;
const SUBSCRIBE: u8 = 3;
const NAVIGATION: u8 = 4;
const HEADING: u8 = 5;
const CUE: u8 = 6;
const HOME: u8 = 7;
const COPYRIGHT: u8 = 8;
const SOCIAL: u8 = 9;
const MODIFIER: u8 = 10;

const SECTIONS: &[(&str, Section)] = &[
    ("comments", Section::Class(COMMENTS)),
    ("share", Section::Class(SHARE)),
    ("social", Section::Class(SOCIAL)),
    ("cookies", Section::Class(COOKIES)),
    ("subscribe", Section::Class(SUBSCRIBE)),
    ("navigation", Section::Class(NAVIGATION)),
    ("disclaimer_heading", Section::Class(HEADING)),
    ("disclaimer_modifier", Section::Class(MODIFIER)),
    ("disclaimer_cue", Section::Class(CUE)),
    ("home", Section::Class(HOME)),
    ("copyright", Section::Class(COPYRIGHT)),
    ("filler", Section::Filler),
];

const fn bit(class: u8) -> u16 {
    1 << class
}

/// Configuration of the `boilerplate` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct BoilerplateConfig {
    /// Remove comment crumbs ("Comments", "No comments", "Leave a reply"). Default true.
    pub comments: bool,
    /// Remove share lines ("Share this article", "Tweet", "Facebook Twitter Email"). Default
    /// true.
    pub share: bool,
    /// Remove cookie notices ("We use cookies ...", "Accept all"). Default true.
    pub cookies: bool,
    /// Remove newsletter prompts ("Subscribe to our newsletter"). Default true.
    pub subscribe: bool,
    /// Remove navigation crumbs and breadcrumb trails ("Read more", "Next article",
    /// "Home > News"). Default true.
    pub navigation: bool,
    /// Remove disclaimer blocks and copyright lines. Default true.
    pub disclaimers: bool,
    /// Longest crumb line, in characters; longer lines are never crumbs. Default 200 (a cookie
    /// notice is one or two sentences). Our choice.
    pub max_line_chars: usize,
    /// Fraction (0..=1) of a line's counted words (filler words and bare numbers aside, unless
    /// a phrase covers them) that crumb phrases must cover for the line to be a crumb. Default
    /// 0.8: "Share this article" (all covered) goes, "Share your recipe with us" stays. Our
    /// choice, checked on the gold texts of ../shared/data/extraction.
    pub min_line_coverage: f64,
    /// Fraction (0..=1) of all the words of a line, filler words included, that crumb phrases
    /// must cover. Default 0.5: a heading such as "What I did next (and what you can do too)"
    /// has one crumb word among fillers and stays. Our choice, checked on the gold texts.
    pub min_line_coverage_with_fillers: f64,
    /// Distinct disclaimer cues a line after a disclaimer heading (or after the colon of an
    /// inline heading) needs to be removed as disclaimer text. Default 2. Our choice.
    pub min_disclaimer_cues: usize,
    /// Most lines removed after one disclaimer heading. Default 5. Our choice.
    pub max_disclaimer_lines: usize,
    /// Distinct cues a line with no heading needs to be removed as a disclaimer. Default 3.
    /// Our choice.
    pub min_unheaded_disclaimer_cues: usize,
    /// Fraction (0..=1) of a heading-less line's counted words that disclaimer cues must
    /// cover. Default 0.5: a disclaimer is made of its vocabulary; a news sentence about a
    /// liability lawsuit is not. Our choice.
    pub min_unheaded_disclaimer_coverage: f64,
    /// Heading-less disclaimers are looked for among this many last content lines. Default 3.
    pub disclaimer_tail_lines: usize,
    /// Extra rule files, same format as `rules/boilerplate/*.txt` (sections `comments`,
    /// `share`, `social`, `cookies`, `subscribe`, `navigation`, `disclaimer_heading`,
    /// `disclaimer_modifier`, `disclaimer_cue`, `copyright`, `home`, `filler`), paths relative
    /// to the working directory. Default none.
    pub extra_rules: Vec<PathBuf>,
}

impl Default for BoilerplateConfig {
    fn default() -> Self {
        Self {
            comments: true,
            share: true,
            cookies: true,
            subscribe: true,
            navigation: true,
            disclaimers: true,
            max_line_chars: DEFAULT_MAX_LINE_CHARS,
            min_line_coverage: DEFAULT_MIN_LINE_COVERAGE,
            min_line_coverage_with_fillers: DEFAULT_MIN_LINE_COVERAGE_WITH_FILLERS,
            min_disclaimer_cues: DEFAULT_MIN_DISCLAIMER_CUES,
            max_disclaimer_lines: DEFAULT_MAX_DISCLAIMER_LINES,
            min_unheaded_disclaimer_cues: DEFAULT_MIN_UNHEADED_DISCLAIMER_CUES,
            min_unheaded_disclaimer_coverage: DEFAULT_MIN_UNHEADED_DISCLAIMER_COVERAGE,
            disclaimer_tail_lines: DEFAULT_DISCLAIMER_TAIL_LINES,
            extra_rules: Vec::new(),
        }
    }
}

impl BoilerplateConfig {
    /// Validates the configuration (fractions in 0..=1, cue counts at least 1, extra rule
    /// files readable and well formed) and builds the step.
    pub fn build(&self) -> Result<Boilerplate> {
        check_fraction("min_line_coverage", self.min_line_coverage)?;
        check_fraction(
            "min_line_coverage_with_fillers",
            self.min_line_coverage_with_fillers,
        )?;
        check_fraction(
            "min_unheaded_disclaimer_coverage",
            self.min_unheaded_disclaimer_coverage,
        )?;
        if self.min_disclaimer_cues == 0 {
            return Err(tamis_core::Error::config(
                "min_disclaimer_cues",
                "must be at least 1",
            ));
        }
        if self.min_unheaded_disclaimer_cues == 0 {
            return Err(tamis_core::Error::config(
                "min_unheaded_disclaimer_cues",
                "must be at least 1",
            ));
        }
        let mut v = Vocab::default();
        vocab::load_rules(
            &mut v,
            FILLER_RULES,
            "rules/filler.txt",
            "extra_rules",
            SECTIONS,
        )?;
        for (name, text) in BUILTIN_RULES {
            vocab::load_rules(&mut v, text, name, "extra_rules", SECTIONS)?;
        }
        load_extra(&mut v, &self.extra_rules, SECTIONS)?;
        let mut crumbs = 0;
        for (on, class) in [
            (self.comments, COMMENTS),
            (self.share, SHARE),
            (self.cookies, COOKIES),
            (self.subscribe, SUBSCRIBE),
            (self.navigation, NAVIGATION),
        ] {
            if on {
                crumbs |= bit(class);
                if class == SHARE {
                    crumbs |= bit(SOCIAL);
                }
            }
        }
        Ok(Boilerplate {
            config: self.clone(),
            vocab: v,
            crumbs,
        })
    }
}

/// The `boilerplate` step; see the [module docs](self).
///
/// Records `lines_removed` and `chars_removed` (bytes) for every document it keeps.
#[derive(Debug, Clone)]
pub struct Boilerplate {
    config: BoilerplateConfig,
    vocab: Vocab,
    /// Bit mask of the enabled crumb classes.
    crumbs: u16,
}

/// What [`Boilerplate::crumb_kind`] says of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Crumb {
    /// Not a crumb.
    No,
    /// A crumb.
    Yes,
    /// One social network name: a crumb only next to another crumb.
    Social,
}

/// Scratch buffers for one document.
#[derive(Default)]
struct Work {
    tokens: Tokens,
    scan: Scan,
}

impl Boilerplate {
    fn scan(&self, text: &str, w: &mut Work) {
        vocab::tokenize(text, Some(&self.vocab), &mut w.tokens);
        self.vocab.scan(&w.tokens, &mut w.scan);
    }

    /// Whether `line` (trimmed) is a crumb of an enabled category; `w` must hold the scan of
    /// `line`.
    ///
    /// Besides the coverage thresholds, a crumb is a whole line, not a piece of a sentence, a
    /// question, a quotation or a list (see [`is_whole_line`]), it does not end with an
    /// uncovered filler word (`I agree to the`), and a covered word has at least two characters
    /// (`X` alone is not a share line).
    fn crumb_scanned(&self, line: &str, w: &Work) -> Crumb {
        if self.crumbs == 0
            || line.chars().count() > self.config.max_line_chars
            || !is_whole_line(line)
        {
            return Crumb::No;
        }
        let (covered, counted) = w.scan.coverage(self.crumbs);
        if covered == 0 || (covered as f64) < self.config.min_line_coverage * counted as f64 {
            return Crumb::No;
        }
        let n = w.tokens.len();
        if (covered as f64) < self.config.min_line_coverage_with_fillers * n as f64 {
            return Crumb::No;
        }
        let last = n.saturating_sub(1);
        let last_is_word = w.tokens.get(last).chars().any(char::is_alphabetic);
        if last_is_word && w.scan.neutral_at(last) && !w.scan.covered_at(last, self.crumbs) {
            return Crumb::No;
        }
        if !(0..n)
            .any(|i| w.scan.covered_at(i, self.crumbs) && w.tokens.get(i).chars().count() >= 2)
        {
            return Crumb::No;
        }
        let only_social = !(0..n).any(|i| w.scan.covered_at(i, self.crumbs & !bit(SOCIAL)));
        if only_social && w.scan.distinct(SOCIAL) < 2 {
            Crumb::Social
        } else {
            Crumb::Yes
        }
    }

    #[cfg(test)]
    fn is_crumb(&self, line: &str, w: &mut Work) -> bool {
        self.scan(line, w);
        self.crumb_scanned(line, w) == Crumb::Yes
    }

    /// Whether the scanned text (`chars` characters) is a disclaimer heading: all its words
    /// are heading vocabulary (heading phrases and their modifiers), with a heading phrase.
    fn heading_scanned(&self, chars: usize, w: &Work) -> bool {
        let (covered, counted) = w.scan.coverage(bit(HEADING) | bit(MODIFIER));
        chars <= 80 && w.scan.has(HEADING) && covered == counted
    }

    /// Distinct disclaimer cues in `text`; 0 for texts longer than
    /// [`MAX_DISCLAIMER_BYTES`] bytes (a disclaimer is a paragraph, not a page).
    fn cues(&self, text: &str, w: &mut Work) -> usize {
        if text.len() > MAX_DISCLAIMER_BYTES {
            return 0;
        }
        self.scan(text, w);
        w.scan.distinct(CUE)
    }

    /// Whether `line` is a copyright line: it starts with ©, (c) or "copyright" and names a
    /// year or reserves rights, or it is a short "All rights reserved" line. `w` must hold the
    /// scan of `line`.
    fn copyright_scanned(&self, line: &str, w: &Work) -> bool {
        let chars = line.chars().count();
        if chars > self.config.max_line_chars {
            return false;
        }
        let reserved = w.scan.has(COPYRIGHT) && w.scan.coverage(bit(COPYRIGHT)).0 >= 2;
        if reserved && chars <= 120 && w.scan.fraction(bit(COPYRIGHT)) >= 0.3 {
            return true;
        }
        // "© 2024 ...", "(c) Example 2024", "Copyright © 2019 ...": the symbol, or the word
        // directly followed by a year or a symbol.
        if !line.starts_with(['©', '(', 'c', 'C', '℗']) {
            return false;
        }
        let head: String = line.chars().take(12).flat_map(char::to_lowercase).collect();
        let symbol = head.starts_with('©') || head.starts_with("(c)") || head.starts_with('℗');
        let word = head.strip_prefix("copyright").is_some_and(|rest| {
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
            rest.starts_with('©')
                || rest.starts_with("(c)")
                || rest.starts_with(|c: char| c.is_ascii_digit())
        });
        (symbol || word) && (reserved || has_year(line))
    }

    #[cfg(test)]
    fn is_copyright(&self, line: &str, w: &mut Work) -> bool {
        self.scan(line, w);
        self.copyright_scanned(line, w)
    }

    /// Whether `line` is a breadcrumb trail.
    fn is_breadcrumb(&self, line: &str, w: &mut Work) -> bool {
        if !line.contains(['»', '›', '→', '>', '/', '|']) || !is_whole_line(line) {
            return false;
        }
        if line.chars().count() > 2 * self.config.max_line_chars {
            return false;
        }
        // Separators, strongest first; `/`, `|` and `>` only between spaces.
        const SEPS: &[(&str, bool)] = &[
            ("»", true),
            ("›", true),
            ("→", true),
            (" >> ", true),
            (" > ", true),
            (" / ", false),
            (" | ", false),
        ];
        for &(sep, directional) in SEPS {
            let parts: Vec<&str> = line.split(sep).map(str::trim).collect();
            if parts.len() < 2 {
                continue;
            }
            let Some((last, init)) = parts.split_last() else {
                continue;
            };
            let short = |p: &&str| {
                !p.is_empty() && p.chars().count() <= 40 && p.split_whitespace().count() <= 5
            };
            if !init.iter().all(short) || last.is_empty() || last.chars().count() > 150 {
                continue;
            }
            let first = init.first().copied().unwrap_or("");
            self.scan(first, w);
            let (covered, _) = w.scan.coverage(bit(HOME));
            let starts_home = covered > 0 && covered == w.tokens.len();
            if starts_home || (directional && parts.len() >= 3 && short(last)) {
                return true;
            }
        }
        false
    }

    /// Returns the text without boilerplate and the number of lines removed, or `None` when
    /// nothing is removed.
    pub fn clean(&self, text: &str) -> Option<(String, usize)> {
        let ls = lines::split(text);
        let content: Vec<usize> = (0..ls.len()).filter(|&i| ls[i].content).collect();
        let mut remove = vec![false; ls.len()];
        let mut w = Work::default();
        let cfg = &self.config;
        let n = content.len();
        let mut kinds = vec![Crumb::No; n];
        let short_limit = cfg.max_line_chars.max(80);
        let mut k = 0;
        while k < n {
            let i = content[k];
            if ls[i].table {
                // A Markdown table row is data, not a crumb or a heading.
                k += 1;
                continue;
            }
            let line = ls[i].text(text).trim();
            let chars = line.chars().count();
            if chars > short_limit {
                // Too long for a crumb, a heading or a copyright line.
                k += 1;
                continue;
            }
            self.scan(line, &mut w);
            let crumb = self.crumb_scanned(line, &w);
            if cfg.disclaimers {
                if self.copyright_scanned(line, &w) {
                    remove[i] = true;
                    k += 1;
                    continue;
                }
                // Heading alone, or "Heading: text" on one line.
                let (head, rest) = split_heading(line);
                let rest = rest.filter(|r| !r.trim().is_empty());
                let heading = match rest {
                    None => self.heading_scanned(chars, &w),
                    Some(_) => {
                        self.scan(head, &mut w);
                        self.heading_scanned(head.chars().count(), &w)
                    }
                };
                if heading {
                    if let Some(rest) = rest {
                        if self.cues(rest, &mut w) >= cfg.min_disclaimer_cues {
                            remove[i] = true;
                            k += 1;
                            continue;
                        }
                    } else {
                        let mut j = k + 1;
                        while j < n && j <= k + cfg.max_disclaimer_lines {
                            let l = ls[content[j]].text(text);
                            if self.cues(l, &mut w) < cfg.min_disclaimer_cues {
                                break;
                            }
                            remove[content[j]] = true;
                            j += 1;
                        }
                        if j > k + 1 || j == n {
                            remove[i] = true;
                            k = j;
                            continue;
                        }
                    }
                }
            }
            kinds[k] = crumb;
            if crumb == Crumb::Yes || (cfg.navigation && self.is_breadcrumb(line, &mut w)) {
                remove[i] = true;
                kinds[k] = Crumb::Yes;
            }
            k += 1;
        }
        // A lone social network name goes only when a neighbouring line is a crumb too.
        for k in 0..n {
            if kinds[k] == Crumb::Social {
                let next_to = |j: Option<usize>| {
                    j.and_then(|j| kinds.get(j))
                        .is_some_and(|c| *c != Crumb::No)
                };
                if next_to(k.checked_sub(1)) || next_to(Some(k + 1)) {
                    remove[content[k]] = true;
                }
            }
        }
        // Heading-less disclaimers among the last lines that are not boilerplate already.
        if cfg.disclaimers {
            let tail: Vec<usize> = content
                .iter()
                .rev()
                .copied()
                .filter(|&i| !remove[i])
                .take(cfg.disclaimer_tail_lines)
                .collect();
            for i in tail {
                let line = ls[i].text(text);
                if line.len() > MAX_DISCLAIMER_BYTES {
                    continue;
                }
                self.scan(line, &mut w);
                if w.scan.distinct(CUE) >= cfg.min_unheaded_disclaimer_cues
                    && w.scan.fraction(bit(CUE)) >= cfg.min_unheaded_disclaimer_coverage
                {
                    remove[i] = true;
                }
            }
        }
        let removed = remove.iter().filter(|r| **r).count();
        (removed > 0).then(|| (lines::rebuild(text, &ls, &remove), removed))
    }
}

/// Splits "Heading: rest" at the first colon within the first 60 characters.
fn split_heading(line: &str) -> (&str, Option<&str>) {
    for (pos, c) in line.char_indices().take(60) {
        if c == ':' || c == '：' {
            let head = line.get(..pos).unwrap_or(line);
            let rest = line.get(pos + c.len_utf8()..);
            return (head, rest);
        }
    }
    (line, None)
}

/// Whether a trimmed line can be a crumb or a breadcrumb as a whole: it does not start with a
/// lowercase letter or `.,;:)` (the rest of a sentence), nor with `>` or `|` (quoted mail and
/// Usenet text), it is not a numbered list item (`2. Instagram`) and it is not a question
/// (`Any comments?`).
fn is_whole_line(line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    !(first.is_lowercase()
        || ".,;:)>|".contains(first)
        || is_numbered_item(line)
        || line.ends_with('?'))
}

/// Whether `line` starts like a numbered list item: digits then `.` or `)` then a space.
fn is_numbered_item(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < line.len() && (rest.starts_with(". ") || rest.starts_with(") "))
}

/// Whether `s` contains a year 1900..=2099 as a separate number.
fn has_year(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
}

impl Step for Boilerplate {
    fn name(&self) -> &'static str {
        "boilerplate"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let cleaned = self.clean(&doc.text);
        if cleaned.as_ref().is_some_and(|(text, _)| text.is_empty()) {
            return Outcome::Drop(EMPTY_AFTER_CLEANING);
        }
        crate::lines::apply_cleaned(doc, ctx, cleaned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "The museum reopened on Saturday after three years of renovation work.\n\
        Visitors queued for hours to see the restored ceiling frescoes in the main hall.";

    fn step() -> Boilerplate {
        BoilerplateConfig::default().build().unwrap()
    }

    fn clean(step: &Boilerplate, text: &str) -> String {
        step.clean(text).map_or_else(|| text.to_owned(), |(t, _)| t)
    }

    fn crumb(step: &Boilerplate, line: &str) -> bool {
        step.is_crumb(line, &mut Work::default())
    }

    #[test]
    fn crumbs_in_several_languages() {
        let s = step();
        for l in [
            "Comments",
            "No comments",
            "0 Comments",
            "Comments (12)",
            "Leave a comment",
            "CommentsLeave a reply",
            "ShareTweetPin it",
            "ShareTweetEmail",
            "Share this article",
            "Share on Facebook",
            "Facebook Twitter LinkedIn WhatsApp Email",
            "Facebook Twitter",
            "Accept all cookies",
            "We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies. Learn more",
            "Subscribe to our newsletter",
            "Enter your email address",
            "Read more",
            "Previous article",
            "Next post »",
            "Back to top ↑",
            "Advertisement",
            "Aucun commentaire",
            "Laisser un commentaire",
            "Partager cet article",
            "Ce site utilise des cookies. En savoir plus",
            "Abonnez-vous à notre newsletter",
            "Lire la suite",
            "Keine Kommentare",
            "Diesen Artikel teilen",
            "Wir verwenden Cookies. Alle akzeptieren",
            "Newsletter abonnieren",
            "Weiterlesen",
            "Sin comentarios",
            "Deja un comentario",
            "Compartir en Facebook",
            "Utilizamos cookies. Aceptar",
            "Suscríbete a nuestro boletín",
            "Leer más",
        ] {
            assert!(crumb(&s, l), "{l}");
        }
        for l in [
            "Readers left hundreds of comments under the mayor's post.",
            "Chocolate chip cookies",
            "Share your favourite recipe with our community of home bakers.",
            "We use cookies from the bakery down the street in this recipe.",
            "The next step is to mix the flour and the butter.",
            "Home prices rose again in October",
            "Subscribers to the magazine received a printed map of the island.",
            "What I Did Next (And What You Can Do Too)",
            "My newsletter has:",
            "I agree to the",
            "for more information. When a",
            ". You can read more about the",
            "2. Instagram",
            "..X........X..",
            "Top 3%",
            "Any comments?",
            "> Please reply.",
            "Please reply by email.",
            "",
            "これはテストです",
        ] {
            assert!(!crumb(&s, l), "{l}");
        }
    }

    #[test]
    fn crumb_thresholds() {
        // "share" covered, "great" and "stories" not: 1/3.
        let line = "Share great stories";
        let at = BoilerplateConfig {
            min_line_coverage: 1.0 / 3.0,
            min_line_coverage_with_fillers: 0.0,
            ..Default::default()
        };
        assert!(crumb(&at.clone().build().unwrap(), line));
        assert!(!crumb(&step(), line));
        // With fillers: "And so we share" covers 1 word of 4.
        let line = "And so we share";
        let quarter = BoilerplateConfig {
            min_line_coverage_with_fillers: 0.25,
            ..Default::default()
        };
        assert!(crumb(&quarter.build().unwrap(), line));
        assert!(!crumb(&step(), line));
        let short = BoilerplateConfig {
            max_line_chars: 8,
            ..Default::default()
        }
        .build()
        .unwrap();
        assert!(crumb(&short, "Comments"));
        assert!(!crumb(&short, "Comments!"));
        let off = BoilerplateConfig {
            comments: false,
            ..Default::default()
        }
        .build()
        .unwrap();
        assert!(!crumb(&off, "No comments"));
        assert!(crumb(&off, "Share"));
    }

    #[test]
    fn social_names_alone_need_a_neighbouring_crumb() {
        let s = step();
        let headings = format!("YouTube\n{BODY}\nInstagram\n{BODY}");
        assert_eq!(s.clean(&headings), None);
        let bar = format!("{BODY}\nFacebook\nTwitter\nLinkedIn\nEmail");
        assert_eq!(clean(&s, &bar), BODY);
    }

    #[test]
    fn breadcrumbs() {
        let s = step();
        let mut w = Work::default();
        for l in [
            "Home > News > World",
            "Home / Politics",
            "Accueil » Actualités",
            "News › Europe › France",
            "Startseite | Sport",
        ] {
            assert!(s.is_breadcrumb(l, &mut w), "{l}");
        }
        for l in [
            "Price: 10 € | Size: M",
            "Paris > London",
            "If x > 3 and y > 4 then z > 5 holds for every case we tried in the lab today, as shown",
            "Cats / dogs",
            "HOME: (415) 555-0100 | been forgiven at the end of it all anyway?",
            "|    >> Stealth >>    /      [@@@>    x",
        ] {
            assert!(!s.is_breadcrumb(l, &mut w), "{l}");
        }
    }

    #[test]
    fn disclaimer_block_after_heading() {
        let s = step();
        let text = format!(
            "{BODY}\nDisclaimer:\nThe publisher offers this content as is, with no warranty, and accepts no liability for its accuracy.\nComments"
        );
        assert_eq!(clean(&s, &text), BODY);
        let text = format!(
            "{BODY}\n\nHaftungsausschluss\n\nAlle Angaben ohne Gewähr. Wir übernehmen keine Haftung für die Richtigkeit der Inhalte.\n"
        );
        assert_eq!(clean(&s, &text), format!("{BODY}\n"));
        let text = format!(
            "{BODY}\nAviso legal: este contenido se ofrece sin garantía y no se hace responsable de su exactitud."
        );
        assert_eq!(clean(&s, &text), BODY);
        // Modifiers accompany a heading word; alone they are not a heading.
        let cue_line = "Provided with no warranty; we accept no liability for its accuracy.";
        let text = format!("{BODY}\nImportant disclaimer\n{cue_line}");
        assert_eq!(clean(&s, &text), BODY);
        let text = format!("{BODY}\nImportant\n{cue_line}");
        assert!(clean(&s, &text).contains("Important"));
        // A heading followed by ordinary text is kept, with the text.
        let text = format!("Disclaimer\n{BODY}");
        assert_eq!(s.clean(&text), None);
    }

    #[test]
    fn disclaimer_cue_threshold() {
        let text = format!("{BODY}\nLegal notice\nWe accept no liability for this page.");
        assert_eq!(step().clean(&text), None);
        let one = BoilerplateConfig {
            min_disclaimer_cues: 1,
            ..Default::default()
        }
        .build()
        .unwrap();
        assert_eq!(clean(&one, &text), BODY);
    }

    #[test]
    fn unheaded_disclaimer_needs_density() {
        let s = step();
        let disc = "The views expressed are those of the author and do not necessarily reflect the views of the publisher.";
        assert_eq!(clean(&s, &format!("{BODY}\n{disc}")), BODY);
        // Same line at the top is not in the tail.
        let text = format!("{disc}\n{BODY}\n{BODY}");
        assert_eq!(s.clean(&text), None);
        let news = "The court found the company liable and said the firm bore responsibility for the accuracy of the copyright notices it printed, rejecting its appeal.";
        assert_eq!(s.clean(&format!("{BODY}\n{news}")), None);
    }

    #[test]
    fn unheaded_thresholds_at_their_values() {
        // Cues: views expressed, those of the author, do not necessarily reflect, necessarily
        // reflect: 4 distinct.
        let disc = "The views expressed are those of the author and do not necessarily reflect the newspaper.";
        let text = format!("{BODY}\n{disc}");
        let four = BoilerplateConfig {
            min_unheaded_disclaimer_cues: 4,
            ..Default::default()
        };
        assert_eq!(clean(&four.build().unwrap(), &text), BODY);
        let five = BoilerplateConfig {
            min_unheaded_disclaimer_cues: 5,
            ..Default::default()
        };
        assert_eq!(five.build().unwrap().clean(&text), None);
        let strict = BoilerplateConfig {
            min_unheaded_disclaimer_coverage: 1.0,
            ..Default::default()
        };
        assert_eq!(strict.build().unwrap().clean(&text), None);
        // Tail: the disclaimer followed by two more content lines is out of a 2-line tail.
        let text = format!("{BODY}\n{disc}\nOne more line of text.\nAnd another one here.");
        let tail2 = BoilerplateConfig {
            disclaimer_tail_lines: 2,
            ..Default::default()
        };
        assert_eq!(tail2.build().unwrap().clean(&text), None);
        let tail3 = BoilerplateConfig {
            disclaimer_tail_lines: 3,
            ..Default::default()
        };
        assert!(tail3.build().unwrap().clean(&text).is_some());
    }

    #[test]
    fn copyright_lines() {
        let s = step();
        let mut w = Work::default();
        for l in [
            "© 2024 Example Media. All rights reserved.",
            "Copyright 2019 Example Inc",
            "All rights reserved.",
            "Tous droits réservés",
        ] {
            assert!(s.is_copyright(l, &mut w), "{l}");
        }
        for l in [
            "© Reuters",
            "Copyright law changed in 1998 after a long campaign by authors and publishers across Europe.",
        ] {
            assert!(!s.is_copyright(l, &mut w), "{l}");
        }
    }

    #[test]
    fn all_boilerplate_is_dropped() {
        let s = step();
        let mut doc = Document::new("x", "Home\nMenu\nShare\nNo comments");
        assert_eq!(
            s.process(&mut doc, &mut StepContext::default()),
            Outcome::Drop(EMPTY_AFTER_CLEANING)
        );
        let mut doc = Document::new("x", "");
        assert_eq!(
            s.process(&mut doc, &mut StepContext::default()),
            Outcome::Keep
        );
    }

    #[test]
    fn config_is_validated() {
        assert!(
            BoilerplateConfig {
                min_line_coverage: -0.1,
                ..Default::default()
            }
            .build()
            .is_err()
        );
        assert!(
            BoilerplateConfig {
                min_disclaimer_cues: 0,
                ..Default::default()
            }
            .build()
            .is_err()
        );
        assert!(serde_json::from_str::<BoilerplateConfig>(r#"{"cookie": false}"#).is_err());
        let c: BoilerplateConfig = serde_json::from_str(r#"{"cookies": false}"#).unwrap();
        assert!(!c.cookies && c.share);
    }

    #[test]
    fn extra_rules_add_phrases() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nl.txt");
        std::fs::write(&p, "[comments]\nreacties\ngeen reacties\n").unwrap();
        let s = BoilerplateConfig {
            extra_rules: vec![p],
            ..Default::default()
        }
        .build()
        .unwrap();
        assert_eq!(clean(&s, &format!("{BODY}\nGeen reacties")), BODY);
    }
}
