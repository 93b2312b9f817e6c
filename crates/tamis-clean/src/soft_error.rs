//! `soft_error`: error pages served as content, and error banners on top of real content.
//!
//! ## What it does
//! Every content line no longer than [`SoftErrorConfig::max_banner_line_chars`] is matched
//! against a multilingual error vocabulary (`rules/soft_error.txt`: "page not found", "doesn't
//! exist", "access denied", "enable JavaScript", captcha walls, HTTP status codes; and weaker
//! words such as "sorry", "oops", "error", "go back"). A line is an *error line* when at least
//! [`SoftErrorConfig::min_line_coverage`] of its words (filler words aside) are error
//! vocabulary, and a *strong* one when a strong phrase matched. A line that starts with a
//! lowercase letter (the end of a sentence) is never an error line, and a line without letters
//! is one only if it is made of status codes ("404"), and then a weak one. Then:
//!
//! * the document is dropped with reason `soft_error_page` if it has a strong error line and
//!   error lines make more than [`SoftErrorConfig::max_error_fraction`] of its characters, or
//!   the text outside error lines is shorter than [`SoftErrorConfig::min_content_chars`], or
//!   more than [`SoftErrorConfig::max_error_word_fraction`] of all its words are error
//!   vocabulary (the explanation of an error page in a long paragraph);
//! * otherwise, each run of consecutive error lines that contains a strong line and starts
//!   within the first (or ends within the last) [`SoftErrorConfig::max_banner_offset_lines`]
//!   content lines is a *banner* and is removed (the document is `Modified`). Interjection lines
//!   next to the message ("Oops!", "Sorry!", "Error 404") are error lines too, so they go
//!   with it.
//!
//! When the document's metadata `http_status` is 400 or more (and
//! [`SoftErrorConfig::use_http_status`] is on), the stricter
//! [`SoftErrorConfig::max_error_fraction_http_error`] applies: the status raises suspicion, but a
//! page whose text is a real article keeps its article.
//!
//! ## Why
//! Crawls are full of soft 404s (an error message served with status 200) and of captures whose
//! template prints an error box next to the article. Neither the message nor a page made only
//! of it is useful text.
//!
//! ## Example
//! ```
//! use tamis_clean::SoftErrorConfig;
//! use tamis_core::{Document, Outcome, Reason, Step, StepContext};
//!
//! let step = SoftErrorConfig::default().build()?;
//! let mut ctx = StepContext::default();
//! let mut page = Document::new("a", "404\nPage not found\nThe page you requested could not be found.\nHome");
//! assert_eq!(step.process(&mut page, &mut ctx), Outcome::Drop(Reason::new("soft_error_page")));
//! # Ok::<(), tamis_core::Error>(())
//! ```

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tamis_core::{Document, Error, Outcome, Reason, Result, Step, StepContext};

use crate::lines;
use crate::vocab::{self, Scan, Section, Tokens, Vocab};

/// Default of [`SoftErrorConfig::max_banner_line_chars`].
pub const DEFAULT_MAX_BANNER_LINE_CHARS: usize = 200;
/// Default of [`SoftErrorConfig::min_line_coverage`].
pub const DEFAULT_MIN_LINE_COVERAGE: f64 = 0.75;
/// Default of [`SoftErrorConfig::max_error_fraction`].
pub const DEFAULT_MAX_ERROR_FRACTION: f64 = 0.5;
/// Default of [`SoftErrorConfig::max_error_fraction_http_error`].
pub const DEFAULT_MAX_ERROR_FRACTION_HTTP_ERROR: f64 = 0.25;
/// Default of [`SoftErrorConfig::max_error_word_fraction`].
pub const DEFAULT_MAX_ERROR_WORD_FRACTION: f64 = 0.4;
/// Default of [`SoftErrorConfig::min_content_chars`].
pub const DEFAULT_MIN_CONTENT_CHARS: usize = 200;
/// Default of [`SoftErrorConfig::max_banner_offset_lines`].
pub const DEFAULT_MAX_BANNER_OFFSET_LINES: usize = 3;
/// Default of [`SoftErrorConfig::use_http_status`].
pub const DEFAULT_USE_HTTP_STATUS: bool = true;

/// Reason of a dropped document.
pub const SOFT_ERROR_PAGE: Reason = Reason::new("soft_error_page");

/// The built-in error vocabulary.
const BUILTIN_RULES: &str = include_str!("../rules/soft_error.txt");
/// The built-in filler words.
pub(crate) const FILLER_RULES: &str = include_str!("../rules/filler.txt");

const STRONG: u8 = 0;
const WEAK: u8 = 1;
const SECTIONS: &[(&str, Section)] = &[
    ("strong", Section::Class(STRONG)),
    ("weak", Section::Class(WEAK)),
    ("filler", Section::Filler),
];

/// Configuration of the `soft_error` step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct SoftErrorConfig {
    /// Longest line, in characters, that can be an error line; longer lines are content.
    /// Default 200: error messages are one or two short sentences (a Cloudflare-style "checking
    /// your browser" notice is about 170 characters). Our choice.
    pub max_banner_line_chars: usize,
    /// Fraction (0..=1) of a line's counted words (filler words and bare numbers aside, unless
    /// they are part of a matched phrase) that must be error vocabulary for the line to be an
    /// error line. Default 0.75: "The body was not found." (2 of 3 words) is content, "Error!
    /// Sorry, the page you requested does not exist." is an error line. Our choice, checked on
    /// the gold texts of ../shared/data/extraction.
    pub min_line_coverage: f64,
    /// A document with a strong error line whose error lines make more than this fraction of
    /// its content characters is dropped (`soft_error_page`). Default 0.5 ("mostly an error
    /// message"). Our choice.
    pub max_error_fraction: f64,
    /// Same as `max_error_fraction`, used instead when metadata `http_status` is 400 or more.
    /// Default 0.25. Our choice.
    pub max_error_fraction_http_error: f64,
    /// A document with a strong error line whose words (all lines, filler words aside) are
    /// more than this fraction (0..=1) error vocabulary is dropped (`soft_error_page`), however
    /// its lines are cut: error pages explain themselves in long paragraphs too. Default 0.4;
    /// ordinary text is below 0.05. Our choice, checked on the gold texts.
    pub max_error_word_fraction: f64,
    /// A document with a strong error line whose text outside error lines has fewer characters
    /// than this is dropped (`soft_error_page`): what is left of an error page is navigation.
    /// Default 200 (about two sentences). Our choice.
    pub min_content_chars: usize,
    /// A run of error lines is a banner, and is removed, only if it starts among the first
    /// `max_banner_offset_lines` content lines or ends among the last ones. Default 3. Our
    /// choice: error boxes sit above or below the content, and a site header may precede them.
    pub max_banner_offset_lines: usize,
    /// Whether metadata `http_status` >= 400 selects `max_error_fraction_http_error`. Default
    /// true.
    pub use_http_status: bool,
    /// Extra rule files (same format as the built-in `rules/soft_error.txt`: `[strong]`,
    /// `[weak]` and `[filler]` sections, one phrase per line, `#` comments), paths relative to
    /// the working directory. Default none.
    pub extra_rules: Vec<PathBuf>,
}

impl Default for SoftErrorConfig {
    fn default() -> Self {
        Self {
            max_banner_line_chars: DEFAULT_MAX_BANNER_LINE_CHARS,
            min_line_coverage: DEFAULT_MIN_LINE_COVERAGE,
            max_error_fraction: DEFAULT_MAX_ERROR_FRACTION,
            max_error_fraction_http_error: DEFAULT_MAX_ERROR_FRACTION_HTTP_ERROR,
            max_error_word_fraction: DEFAULT_MAX_ERROR_WORD_FRACTION,
            min_content_chars: DEFAULT_MIN_CONTENT_CHARS,
            max_banner_offset_lines: DEFAULT_MAX_BANNER_OFFSET_LINES,
            use_http_status: DEFAULT_USE_HTTP_STATUS,
            extra_rules: Vec::new(),
        }
    }
}

pub(crate) fn check_fraction(field: &str, v: f64) -> Result<()> {
    if (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        Err(Error::config(
            field,
            format!("must be a fraction between 0 and 1, got {v}"),
        ))
    }
}

pub(crate) fn load_extra(
    vocab: &mut Vocab,
    paths: &[PathBuf],
    sections: &[(&str, Section)],
) -> Result<()> {
    for p in paths {
        let text = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
        vocab::load_rules(
            vocab,
            &text,
            &p.display().to_string(),
            "extra_rules",
            sections,
        )?;
    }
    Ok(())
}

impl SoftErrorConfig {
    /// Validates the configuration (fractions in 0..=1, extra rule files readable and well
    /// formed) and builds the step.
    pub fn build(&self) -> Result<SoftError> {
        check_fraction("min_line_coverage", self.min_line_coverage)?;
        check_fraction("max_error_fraction", self.max_error_fraction)?;
        check_fraction(
            "max_error_fraction_http_error",
            self.max_error_fraction_http_error,
        )?;
        check_fraction("max_error_word_fraction", self.max_error_word_fraction)?;
        let mut v = Vocab::default();
        vocab::load_rules(
            &mut v,
            FILLER_RULES,
            "rules/filler.txt",
            "extra_rules",
            SECTIONS,
        )?;
        vocab::load_rules(
            &mut v,
            BUILTIN_RULES,
            "rules/soft_error.txt",
            "extra_rules",
            SECTIONS,
        )?;
        load_extra(&mut v, &self.extra_rules, SECTIONS)?;
        Ok(SoftError {
            config: self.clone(),
            vocab: v,
        })
    }
}

/// The `soft_error` step; see the [module docs](self).
///
/// Records `error_fraction` (characters of error lines / content characters) and
/// `banner_lines_removed` for every document it does not drop.
#[derive(Debug, Clone)]
pub struct SoftError {
    config: SoftErrorConfig,
    vocab: Vocab,
}

/// What [`SoftError::analyse`] concluded.
#[derive(Debug, Clone, PartialEq)]
pub enum SoftErrorVerdict {
    /// No error message found, or one that is neither a banner nor most of the page.
    Clean {
        /// Characters of error lines / content characters.
        error_fraction: f64,
    },
    /// Banners found: the text without them and the number of lines removed.
    Banner {
        /// The cleaned text.
        text: String,
        /// Lines removed.
        lines_removed: usize,
        /// Characters of error lines / content characters.
        error_fraction: f64,
    },
    /// The page is an error page.
    ErrorPage {
        /// Characters of error lines / content characters.
        error_fraction: f64,
    },
}

#[derive(Debug, Clone, Copy)]
struct Info {
    line: usize,
    chars: usize,
    error: bool,
    strong: bool,
}

impl SoftError {
    /// `(error, strong)` for one line. A line that starts with a lowercase letter continues a
    /// sentence and is not an error message. A line without letters is an error line only if
    /// all its tokens are status codes ("404"), and then only a weak one: it joins a banner but
    /// never makes one, so phone numbers and bare numbers stay.
    fn classify(&self, line: &str, tokens: &mut Tokens, scan: &mut Scan) -> (bool, bool) {
        let line = line.trim();
        if line.chars().next().is_some_and(|c| c.is_lowercase()) {
            return (false, false);
        }
        vocab::tokenize(&strip_addresses(line), Some(&self.vocab), tokens);
        self.vocab.scan(tokens, scan);
        let mask = (1 << STRONG) | (1 << WEAK);
        let n = tokens.len();
        if !(0..n).any(|i| tokens.get(i).chars().any(char::is_alphabetic)) {
            let codes = n > 0 && (0..n).all(|i| scan.covered_at(i, mask));
            return (codes, false);
        }
        let error = scan.fraction(mask) >= self.config.min_line_coverage
            && (scan.has(STRONG) || scan.has(WEAK));
        (error, error && scan.has(STRONG))
    }

    /// Analyses `text`; `http_error` says whether the document came with an HTTP error status.
    pub fn analyse(&self, text: &str, http_error: bool) -> SoftErrorVerdict {
        let ls = lines::split(text);
        let mut tokens = Tokens::default();
        let mut scan = Scan::default();
        let mut infos: Vec<Info> = Vec::new();
        for (i, l) in ls.iter().enumerate() {
            if !l.content {
                continue;
            }
            let t = l.text(text).trim();
            let chars = t.chars().count();
            let (error, strong) = if chars <= self.config.max_banner_line_chars {
                self.classify(t, &mut tokens, &mut scan)
            } else {
                (false, false)
            };
            infos.push(Info {
                line: i,
                chars,
                error,
                strong,
            });
        }
        let total: usize = infos.iter().map(|x| x.chars).sum();
        let error_chars: usize = infos.iter().filter(|x| x.error).map(|x| x.chars).sum();
        let error_fraction = if total == 0 {
            0.0
        } else {
            error_chars as f64 / total as f64
        };
        if !infos.iter().any(|x| x.strong) {
            return SoftErrorVerdict::Clean { error_fraction };
        }
        let max_fraction = if http_error && self.config.use_http_status {
            self.config.max_error_fraction_http_error
        } else {
            self.config.max_error_fraction
        };
        if error_fraction > max_fraction || total - error_chars < self.config.min_content_chars {
            return SoftErrorVerdict::ErrorPage { error_fraction };
        }
        // The rest of the page may be the error page's explanation in long lines ("This is
        // either because the URL was mistyped or the page has been moved. Return to our
        // homepage or try searching."): judge the words of the whole page.
        let (mut covered, mut counted) = (0usize, 0usize);
        for l in ls.iter().filter(|l| l.content) {
            let t = l.text(text).trim();
            if t.len() > MAX_SCANNED_LINE_BYTES {
                counted += t.len() / 6; // about one word per 6 bytes; never error vocabulary
                continue;
            }
            vocab::tokenize(&strip_addresses(t), Some(&self.vocab), &mut tokens);
            self.vocab.scan(&tokens, &mut scan);
            let (c, n) = scan.coverage_words((1 << STRONG) | (1 << WEAK));
            covered += c;
            counted += n;
        }
        if counted > 0 && covered as f64 > self.config.max_error_word_fraction * counted as f64 {
            return SoftErrorVerdict::ErrorPage { error_fraction };
        }
        let n = infos.len();
        let offset = self.config.max_banner_offset_lines;
        let mut remove = vec![false; ls.len()];
        let mut lines_removed = 0;
        let mut a = 0;
        while a < n {
            if !infos[a].error {
                a += 1;
                continue;
            }
            let mut b = a;
            while b < n && infos[b].error {
                b += 1;
            }
            let run = &infos[a..b];
            if run.iter().any(|x| x.strong) && (a < offset || b + offset > n) {
                for x in run {
                    remove[x.line] = true;
                }
                lines_removed += run.len();
            }
            a = b;
        }
        if lines_removed == 0 {
            return SoftErrorVerdict::Clean { error_fraction };
        }
        SoftErrorVerdict::Banner {
            text: lines::rebuild(text, &ls, &remove),
            lines_removed,
            error_fraction,
        }
    }
}

/// Longest line, in bytes, whose words [`SoftError`] reads when it judges a whole page.
const MAX_SCANNED_LINE_BYTES: usize = 4000;

/// `line` without the words that are addresses (URLs, host names, e-mail addresses: a `.`,
/// `/` or `@` followed by a letter or digit inside the word), which error messages quote
/// ("You don't have access to www.example.com.") and which are no error vocabulary.
fn strip_addresses(line: &str) -> std::borrow::Cow<'_, str> {
    let is_address = |w: &str| {
        w.as_bytes()
            .windows(2)
            .any(|p| matches!(p, [b'.' | b'/' | b'@', n] if n.is_ascii_alphanumeric()))
    };
    if !line.split_whitespace().any(is_address) {
        return std::borrow::Cow::Borrowed(line);
    }
    let kept: Vec<&str> = line.split_whitespace().filter(|w| !is_address(w)).collect();
    std::borrow::Cow::Owned(kept.join(" "))
}

/// Whether metadata `http_status` (number or numeric string) is 400 or more.
fn http_error(doc: &Document) -> bool {
    match doc.metadata.get("http_status") {
        Some(serde_json::Value::Number(n)) => n.as_u64().is_some_and(|s| s >= 400),
        Some(serde_json::Value::String(s)) => s.trim().parse::<u64>().is_ok_and(|s| s >= 400),
        _ => false,
    }
}

impl Step for SoftError {
    fn name(&self) -> &'static str {
        "soft_error"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        match self.analyse(&doc.text, http_error(doc)) {
            SoftErrorVerdict::Clean { error_fraction } => {
                ctx.record("error_fraction", error_fraction);
                ctx.record("banner_lines_removed", 0.0);
                Outcome::Keep
            }
            SoftErrorVerdict::Banner {
                text,
                lines_removed,
                error_fraction,
            } => {
                ctx.record("error_fraction", error_fraction);
                ctx.record("banner_lines_removed", lines_removed as f64);
                doc.text = text;
                Outcome::Modified
            }
            SoftErrorVerdict::ErrorPage { .. } => Outcome::Drop(SOFT_ERROR_PAGE),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "The regional council approved the new transport plan on Monday after a long debate.\n\
        Buses will run every ten minutes on the main lines from next spring, the council said.\n\
        Opposition members criticised the cost, which they put at twice the original estimate.";

    fn step() -> SoftError {
        SoftErrorConfig::default().build().unwrap()
    }

    fn run(step: &SoftError, text: &str, status: Option<u64>) -> (Outcome, String) {
        let mut doc = Document::new("t", text);
        if let Some(s) = status {
            doc.set_meta("http_status", s);
        }
        let o = step.process(&mut doc, &mut StepContext::default());
        (o, doc.text)
    }

    fn line_kind(step: &SoftError, line: &str) -> (bool, bool) {
        step.classify(line, &mut Tokens::default(), &mut Scan::default())
    }

    #[test]
    fn error_lines_are_recognised_in_several_languages() {
        let s = step();
        for l in [
            "404 - Page Not Found",
            "Oops! Something went wrong.",
            "Access denied",
            "403 Forbidden",
            "Error 404: the page you are looking for does not exist",
            "Please enable JavaScript to view this page.",
            "Page introuvable",
            "Désolé, la page que vous recherchez n'existe pas.",
            "Seite nicht gefunden",
            "Diese Seite existiert leider nicht mehr.",
            "Lo sentimos, la página que buscas no existe.",
            "Страница не найдена",
            "页面不存在",
        ] {
            assert_eq!(line_kind(&s, l), (true, true), "{l}");
        }
        for l in [
            "Oops!",
            "Sorry!",
            "Whoops!!",
            "Error!",
            "Hoppla!",
            "Désolé…",
            "404",
            "403.",
        ] {
            assert_eq!(line_kind(&s, l), (true, false), "{l}");
        }
        for l in [
            "The Forbidden City",
            "The body was not found.",
            "Access denied: how the new law restricts courts",
            "Sorry for the late reply, I was travelling all week.",
            "Error handling in Rust with the question mark operator",
            "",
            "中华人民共和国",
            "(408) 555-0100",
            "   doesn't exist?",
            "page not found in the index, so the build failed",
        ] {
            assert!(!line_kind(&s, l).0, "{l}");
        }
    }

    #[test]
    fn banner_on_top_is_removed_and_article_kept() {
        let s = step();
        for banner in [
            "Oops!\nError 404 - Page Not Found",
            "Access denied",
            "Oops! Something went wrong.\nPlease try again later.",
            "Désolé !\nLa page que vous cherchez n'existe plus.",
        ] {
            let text = format!("{banner}\n{ARTICLE}\n");
            assert_eq!(
                run(&s, &text, None),
                (Outcome::Modified, format!("{ARTICLE}\n")),
                "{banner}"
            );
        }
        // Below the content, too.
        let text = format!("{ARTICLE}\n\nSomething went wrong. Please enable JavaScript.");
        assert_eq!(
            run(&s, &text, None),
            (Outcome::Modified, ARTICLE.to_owned())
        );
    }

    #[test]
    fn weak_interjection_alone_is_not_a_banner() {
        let s = step();
        let text = format!("Sorry!\n{ARTICLE}");
        assert_eq!(run(&s, &text, None).0, Outcome::Keep);
    }

    #[test]
    fn banner_in_the_middle_is_left() {
        let s = step();
        let a: Vec<&str> = ARTICLE.lines().collect();
        let text = format!(
            "{}\n{}\n{}\nPage not found\n{}\n{}\n{}",
            a[0], a[1], a[2], a[0], a[1], a[2]
        );
        assert_eq!(run(&s, &text, None).0, Outcome::Keep);
    }

    #[test]
    fn error_pages_are_dropped() {
        let s = step();
        let drop = Outcome::Drop(SOFT_ERROR_PAGE);
        for page in [
            "404\nPage not found\nThe page you requested could not be found.\nHome\nContact",
            "Access denied\nYou don't have permission to access this resource.",
            "Just a moment...\nChecking your browser before accessing the site.\nPlease enable JavaScript and cookies to continue.",
            "Seite nicht gefunden\nZur Startseite",
            "页面不存在\n返回首页",
            "Please verify you are a human\nPress & Hold to confirm you are a human (and not a bot).\nReference ID 5f2c",
            "Sorry, you have been blocked\nYou are unable to access example.com\nCloudflare Ray ID: 7d2e",
            "Request unsuccessful. Incapsula incident ID: 1234-5678",
            "We'll be back soon!\nThe site is down for maintenance.",
            "Nothing Found\nIt looks like nothing was found at this location. Maybe try a search?",
            "Not Found\nThe requested URL /foo/bar.html was not found on this server.",
            "404 Not Found\nnginx/1.18.0",
            "Server Error\n404 - File or directory not found.\nThe resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.",
            "Access denied\nError code 1020\nYou do not have access to www.example.com.\nThe site owner may have set restrictions that prevent you from accessing the site.",
            "Access Denied\nYou don't have permission to access \"http://www.example.com/\" on this server.\nReference #18.2f3c.1699.4b1",
            "403 Forbidden\nCode: AccessDenied\nMessage: Access Denied\nRequestId: 4Q8Z2\nHostId: a9b8c7",
            "404 Page Not Found\nThe page you requested does not exist.\nContinue shopping",
            "Page Not Found\nWe couldn't find the page you were looking for. This is either because there is an error in the URL entered into your web browser, or the page you are looking for has been moved or deleted. Please check the URL and try again, return to our homepage by clicking here, or try searching for the content you are seeking.",
        ] {
            assert_eq!(run(&s, page, None).0, drop, "{page}");
        }
    }

    #[test]
    fn http_status_raises_suspicion_but_keeps_articles() {
        let s = step();
        let text = format!("Whoops!!\nError: the requested page does not exist.\n{ARTICLE}");
        assert_eq!(
            run(&s, &text, Some(403)),
            (Outcome::Modified, ARTICLE.to_owned())
        );
        // Error lines at 30% of the characters: kept with status 200, dropped with 404.
        let long = "Sorry, the page you requested could not be found. It may have been moved or deleted. Please check the URL or go back to the homepage.";
        let text = format!("{long}\n{ARTICLE}");
        let frac = long.len() as f64 / (long.len() + ARTICLE.len() - 2) as f64;
        assert!(frac > 0.25 && frac < 0.5, "{frac}");
        assert_eq!(run(&s, &text, Some(200)).0, Outcome::Modified);
        assert_eq!(run(&s, &text, Some(404)).0, Outcome::Drop(SOFT_ERROR_PAGE));
        let off = SoftErrorConfig {
            use_http_status: false,
            ..Default::default()
        }
        .build()
        .unwrap();
        assert_eq!(run(&off, &text, Some(404)).0, Outcome::Modified);
    }

    #[test]
    fn thresholds_behave_at_their_values() {
        // min_content_chars: exactly at the limit is kept.
        let body = "x".repeat(50);
        let text = format!("Page not found\n{body}");
        let at = SoftErrorConfig {
            min_content_chars: 50,
            max_error_word_fraction: 1.0,
            max_error_fraction: 1.0,
            ..Default::default()
        };
        assert_eq!(
            run(&at.build().unwrap(), &text, None),
            (Outcome::Modified, body.clone())
        );
        let above = SoftErrorConfig {
            min_content_chars: 51,
            max_error_word_fraction: 1.0,
            max_error_fraction: 1.0,
            ..Default::default()
        };
        assert_eq!(
            run(&above.build().unwrap(), &text, None).0,
            Outcome::Drop(SOFT_ERROR_PAGE)
        );
        // max_banner_line_chars: a 14-char error line is not an error line under 13.
        let short = SoftErrorConfig {
            max_banner_line_chars: 13,
            min_content_chars: 0,
            max_error_word_fraction: 1.0,
            ..Default::default()
        };
        assert_eq!(run(&short.build().unwrap(), &text, None).0, Outcome::Keep);
        let exact = SoftErrorConfig {
            max_banner_line_chars: 14,
            min_content_chars: 0,
            max_error_word_fraction: 1.0,
            ..Default::default()
        };
        assert_eq!(
            run(&exact.build().unwrap(), &text, None).0,
            Outcome::Modified
        );
        // max_banner_offset_lines: a banner on the third line needs an offset of at least 3.
        let text = format!("Site\nMenu\nPage not found\n{ARTICLE}\n{ARTICLE}");
        let near = SoftErrorConfig {
            max_banner_offset_lines: 2,
            ..Default::default()
        };
        assert_eq!(run(&near.build().unwrap(), &text, None).0, Outcome::Keep);
        assert_eq!(run(&step(), &text, None).0, Outcome::Modified);
    }

    #[test]
    fn coverage_and_fraction_thresholds_at_their_values() {
        // "Page not found today": 3 of 4 words are error vocabulary.
        let line = "Page not found today";
        let at = SoftErrorConfig {
            min_line_coverage: 0.75,
            ..Default::default()
        }
        .build()
        .unwrap();
        assert_eq!(line_kind(&at, line), (true, true));
        let above = SoftErrorConfig {
            min_line_coverage: 0.76,
            ..Default::default()
        }
        .build()
        .unwrap();
        assert_eq!(line_kind(&above, line), (false, false));
        // Error lines at exactly half of the characters: kept (banner removed) at 0.5.
        let text = "Page not found\nabcdefghijklmn"; // 14 + 14 characters
        let half = SoftErrorConfig {
            min_content_chars: 0,
            max_error_word_fraction: 1.0,
            ..Default::default()
        }
        .build()
        .unwrap();
        assert_eq!(
            run(&half, text, None),
            (Outcome::Modified, "abcdefghijklmn".to_owned())
        );
        let below = SoftErrorConfig {
            min_content_chars: 0,
            max_error_word_fraction: 1.0,
            max_error_fraction: 0.49,
            ..Default::default()
        };
        assert_eq!(
            run(&below.build().unwrap(), text, None).0,
            Outcome::Drop(SOFT_ERROR_PAGE)
        );
    }

    #[test]
    fn word_fraction_threshold_at_its_value() {
        // 3 error words of 8.
        let text = "Page not found\nabc def ghi jkl mno";
        let cfg = |f: f64| SoftErrorConfig {
            max_error_word_fraction: f,
            max_error_fraction: 1.0,
            min_content_chars: 0,
            ..Default::default()
        };
        let at = cfg(0.375).build().unwrap();
        assert_eq!(run(&at, text, None).0, Outcome::Modified);
        let below = cfg(0.37).build().unwrap();
        assert_eq!(run(&below, text, None).0, Outcome::Drop(SOFT_ERROR_PAGE));
    }

    #[test]
    fn empty_and_plain_texts_are_kept() {
        let s = step();
        assert_eq!(run(&s, "", None), (Outcome::Keep, String::new()));
        assert_eq!(run(&s, "\n\n", Some(404)).0, Outcome::Keep);
        assert_eq!(
            run(&s, ARTICLE, Some(500)),
            (Outcome::Keep, ARTICLE.to_owned())
        );
        let ja = "東京都は月曜日、新しい交通計画を承認した。\nバスは来春から十分ごとに運行する。";
        assert_eq!(run(&s, ja, None).0, Outcome::Keep);
    }

    #[test]
    fn config_is_validated() {
        let bad = SoftErrorConfig {
            max_error_fraction: 1.5,
            ..Default::default()
        };
        assert!(
            matches!(bad.build(), Err(Error::Config { location, .. }) if location == "max_error_fraction")
        );
        let missing = SoftErrorConfig {
            extra_rules: vec!["/nonexistent/rules.txt".into()],
            ..Default::default()
        };
        assert!(matches!(missing.build(), Err(Error::Io { .. })));
        assert!(serde_json::from_str::<SoftErrorConfig>(r#"{"max_error_frac": 0.3}"#).is_err());
    }

    #[test]
    fn extra_rules_extend_the_vocabulary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nl.txt");
        std::fs::write(&p, "[strong]\npagina niet gevonden\n[filler]\nde het\n").unwrap();
        let s = SoftErrorConfig {
            extra_rules: vec![p.clone()],
            ..Default::default()
        }
        .build()
        .unwrap();
        let text = format!("Pagina niet gevonden\n{ARTICLE}");
        assert_eq!(run(&s, &text, None).0, Outcome::Modified);
        std::fs::write(&p, "[bogus]\nx\n").unwrap();
        let e = SoftErrorConfig {
            extra_rules: vec![p],
            ..Default::default()
        }
        .build();
        assert!(matches!(e, Err(Error::Config { location, .. }) if location == "extra_rules"));
    }
}
