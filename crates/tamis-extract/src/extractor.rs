//! The `extract` step: bytes in, main text and metadata out.

use std::time::{Duration, Instant};

use tamis_core::{Document, Outcome, Reason, Step, StepContext};

use crate::charset;
use crate::config::ExtractConfig;
use crate::content::{self, PruneOptions};
use crate::dom;
use crate::metadata;
use crate::render;

/// Reason for dropping a page whose main content is empty.
pub const NO_MAIN_CONTENT: Reason = Reason::new("no_main_content");
/// Reason for dropping a payload that is neither HTML nor text (images, PDFs, ...).
pub const UNSUPPORTED_MEDIA: Reason = Reason::new("unsupported_media");

/// Result of extracting one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// Main text; blocks separated by a blank line.
    pub text: String,
    /// Page title.
    pub title: Option<String>,
    /// Declared language (`<html lang>`).
    pub lang: Option<String>,
    /// Canonical URL.
    pub canonical_url: Option<String>,
    /// Publication date in ISO 8601: `2019-11-19T10:36:00Z` (a time with its offset),
    /// `2019-11-19T10:36:00` (a time without one), `2019-11-19`, or `2019` (a bare year).
    /// Read from the page's metadata, JSON-LD, microdata or `<time>` elements, else from its
    /// date lines (elements whose class names a date: `Published: January 3, 2024`), else
    /// from a day in its canonical URL's path (`/2019/11/19/`); the `extract` step also
    /// reads the record's URL.
    pub date: Option<String>,
    /// Author's name (or names, comma-separated), from the page's metadata, JSON-LD,
    /// microdata or `rel=author` link, else its byline (an element whose class or id says
    /// `author` or `byline`) or its first link to an author's page (`/author/name/`).
    pub author: Option<String>,
    /// Name of the encoding used to decode the bytes (`UTF-8`, `windows-1251`, ...).
    pub charset: &'static str,
    /// The page was cut: longer than `max_input_bytes`, or nested deeper than `max_depth`.
    pub truncated: bool,
    /// The time budget ran out; the text is the body's text minus the boilerplate pruned
    /// before it did, unscored.
    pub timed_out: bool,
}

/// HTML main-content extractor; also the `extract` pipeline [`Step`].
///
/// Built by [`ExtractConfig::build`]. Immutable and shareable between threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    cfg: ExtractConfig,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new(ExtractConfig::default())
    }
}

impl Extractor {
    pub(crate) fn new(cfg: ExtractConfig) -> Self {
        Self { cfg }
    }

    /// The configuration this extractor was built from.
    pub fn config(&self) -> &ExtractConfig {
        &self.cfg
    }

    /// Extracts the main text and metadata of one HTML page.
    ///
    /// `declared_charset` is the charset named outside the bytes (HTTP header), if any.
    /// Never panics; arbitrary bytes give some (possibly empty) text.
    pub fn extract(&self, html: &[u8], declared_charset: Option<&str>) -> Extracted {
        let start = Instant::now();
        let cap = usize::try_from(self.cfg.max_input_bytes).unwrap_or(usize::MAX);
        let truncated_input = html.len() > cap;
        let bytes = html.get(..cap.min(html.len())).unwrap_or(html);
        let (text, enc) = charset::decode_html(bytes, declared_charset);
        let max_depth = usize::try_from(self.cfg.max_depth).unwrap_or(usize::MAX);
        let dom = dom::parse(&text, max_depth);
        let meta = metadata::collect(&dom);
        let deadline = (self.cfg.timeout_ms > 0)
            .then(|| start.checked_add(Duration::from_millis(self.cfg.timeout_ms)))
            .flatten();
        let analysis = content::analyse(
            &dom,
            PruneOptions {
                include_comments: self.cfg.include_comments,
                product: meta.product,
                deadline,
                explain: false,
            },
        );
        let timed_out = analysis.timed_out;
        let root = analysis.root;
        let mut body = render::render(&dom, &analysis, root, &self.cfg);
        if meta.product
            && let Some(name) = product_name(&dom, &analysis)
            && !body.is_empty()
        {
            let probe: String = name.chars().take(40).collect();
            if !body.contains(&probe) {
                body.insert_str(0, &format!("{name}\n\n"));
            }
        }
        if self.cfg.include_structured_data {
            append_structured(&mut body, &meta.structured_text);
        }
        if self.cfg.include_title
            && let Some(t) = &meta.title
            && !body.is_empty()
        {
            body.insert_str(0, &format!("{t}\n\n"));
        }
        Extracted {
            text: body,
            title: meta.title,
            lang: meta.lang,
            canonical_url: meta.canonical_url,
            date: meta.date,
            author: meta.author,
            charset: enc.name(),
            truncated: truncated_input || dom.depth_capped,
            timed_out,
        }
    }
}

/// A product's name longer than this (characters) is no name: an `<h1>` wrapping more.
const MAX_PRODUCT_NAME_CHARS: usize = 200;

/// The name of the product of a product page: its first `<h1>`, unless pruned. The content
/// root is often the description and specifications next to the buy box that holds the name.
fn product_name(dom: &dom::Dom, analysis: &content::Analysis) -> Option<String> {
    // An `<h1>` inside the content root is the product's (a theme may title its mobile menu
    // with an earlier one).
    let root = analysis.root;
    let h = (root..dom.end(root))
        .find(|&i| dom.tag(i) == crate::tag::Tag::H1)
        .or_else(|| (0..dom.nodes.len()).find(|&i| dom.tag(i) == crate::tag::Tag::H1))?;
    let mut k = Some(h);
    while let Some(i) = k {
        if analysis.pruned.get(i).copied().unwrap_or(false) {
            return None;
        }
        k = dom.parent(i);
    }
    // Each text node is a word boundary: shop themes write a name as sibling spans without
    // spaces between them (model, colour, size), shown as separate lines or blocks.
    let name = (h..dom.end(h))
        .flat_map(|j| dom.text_of(j).split_whitespace())
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty() && name.chars().count() <= MAX_PRODUCT_NAME_CHARS).then_some(name)
}

/// Structured-data descriptions shorter than this many characters are not worth adding.
const MIN_STRUCTURED_CHARS: usize = 80;

/// A body of at least this many characters gets no structured-data description appended. Our
/// choice: a few paragraphs.
const MAX_BODY_CHARS_FOR_STRUCTURED: usize = 1000;

/// Appends descriptions from structured data that the visible text does not already hold,
/// when that text is short: structured data fills in for a page whose text was not found
/// (rendered by a script, an empty shell). Next to a page's text of a few paragraphs, a
/// description that the text does not hold is the page's search snippet (`KALLAX Shelf unit
/// - white 30 1/8x57 5/8". The simple design...`), which the page does not show.
fn append_structured(body: &mut String, descriptions: &[String]) {
    if body.chars().count() >= MAX_BODY_CHARS_FOR_STRUCTURED {
        return;
    }
    for d in descriptions {
        if d.chars().count() < MIN_STRUCTURED_CHARS {
            continue;
        }
        let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = |t: &str| {
            let probe = t
                .split_whitespace()
                .take(STRUCTURED_PROBE_WORDS)
                .collect::<Vec<_>>()
                .join(" ");
            flat.contains(&probe)
        };
        if !shown(d) {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(d);
            continue;
        }
        // The page shows the description's opening only (a teaser clamped to a few lines,
        // the rest rendered by a script): the sentences it does not show follow it.
        let words: Vec<&str> = d.split_whitespace().collect();
        let Some(tail) = words.len().checked_sub(STRUCTURED_PROBE_WORDS) else {
            continue;
        };
        if shown(&words[tail..].join(" ")) {
            continue;
        }
        let rest: Vec<&str> = d
            .split_inclusive(". ")
            .map(str::trim)
            .filter(|s| !s.is_empty() && !shown(s))
            .collect();
        if rest.iter().map(|s| s.chars().count()).sum::<usize>() >= MIN_STRUCTURED_CHARS {
            body.push_str("\n\n");
            body.push_str(&rest.join(" "));
        }
    }
}

/// Words of a structured-data description (its first, its last, a sentence's first) looked
/// for in the visible text by [`append_structured`]. Our choice.
const STRUCTURED_PROBE_WORDS: usize = 8;

fn is_html_mime(mime: &str) -> bool {
    mime.contains("html") || mime.contains("xml")
}

impl Step for Extractor {
    fn name(&self) -> &'static str {
        "extract"
    }

    fn process(&self, doc: &mut Document, ctx: &mut StepContext) -> Outcome {
        let Some(media) = doc.media.take() else {
            return Outcome::Keep;
        };
        ctx.record("html_bytes", media.bytes.len() as f64);
        let mime = media.mime.as_deref().unwrap_or("text/html");
        if !is_html_mime(mime) {
            if mime.starts_with("text/") {
                let (text, _) = charset::decode_html(&media.bytes, media.charset.as_deref());
                doc.text = text.into_owned();
                return if doc.text.trim().is_empty() && self.cfg.drop_empty {
                    Outcome::Drop(NO_MAIN_CONTENT)
                } else {
                    Outcome::Modified
                };
            }
            return Outcome::Drop(UNSUPPORTED_MEDIA);
        }
        let mut ex = self.extract(&media.bytes, media.charset.as_deref());
        if ex.date.is_none() {
            // The day the record's URL names, when the page gives none.
            ex.date = doc.meta_str("url").and_then(crate::date::from_url);
        }
        ctx.record("truncated", if ex.truncated { 1.0 } else { 0.0 });
        ctx.record("timed_out", if ex.timed_out { 1.0 } else { 0.0 });
        ctx.record("text_chars", ex.text.chars().count() as f64);
        doc.text = ex.text;
        for (key, value) in [
            ("title", ex.title),
            ("canonical_url", ex.canonical_url),
            ("lang", ex.lang),
            ("date_published", ex.date),
            ("author", ex.author),
        ] {
            if let Some(v) = value {
                doc.set_meta(key, v);
            }
        }
        if doc.text.is_empty() && self.cfg.drop_empty {
            return Outcome::Drop(NO_MAIN_CONTENT);
        }
        Outcome::Modified
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use tamis_core::Media;

    #[test]
    fn step_sets_text_and_metadata() {
        let ex = ExtractConfig::default().build().unwrap();
        let html = "<html lang=en><head><title>T</title></head><body><nav><a href=/>Home</a></nav><article><p>A paragraph that is long enough to be prose, with a comma and a full stop.</p></article></body></html>";
        let mut doc = Document::new("d", "");
        doc.media = Some(Media {
            bytes: html.as_bytes().to_vec(),
            ..Media::default()
        });
        let mut ctx = StepContext::default();
        assert_eq!(ex.process(&mut doc, &mut ctx), Outcome::Modified);
        assert!(doc.text.starts_with("A paragraph"));
        assert!(!doc.text.contains("Home"));
        assert_eq!(doc.meta_str("title"), Some("T"));
        assert_eq!(doc.meta_str("lang"), Some("en"));
        assert!(doc.media.is_none());
        // No date in the page: the day the record's URL names.
        assert_eq!(doc.meta_str("date_published"), None);
        let mut doc = Document::new("d", "");
        doc.set_meta("url", "https://e.com/2024/02/29/leap/");
        doc.media = Some(Media {
            bytes: html.as_bytes().to_vec(),
            ..Media::default()
        });
        assert_eq!(ex.process(&mut doc, &mut ctx), Outcome::Modified);
        assert_eq!(doc.meta_str("date_published"), Some("2024-02-29"));
    }

    #[test]
    fn text_documents_pass_unchanged() {
        let ex = Extractor::default();
        let mut doc = Document::new("d", "already text");
        assert_eq!(
            ex.process(&mut doc, &mut StepContext::default()),
            Outcome::Keep
        );
        assert_eq!(doc.text, "already text");
    }

    #[test]
    fn empty_pages_are_dropped() {
        let ex = Extractor::default();
        let mut doc = Document::new("d", "");
        doc.media = Some(Media {
            bytes: b"<html><body><nav>x</nav></body></html>".to_vec(),
            ..Media::default()
        });
        assert_eq!(
            ex.process(&mut doc, &mut StepContext::default()),
            Outcome::Drop(NO_MAIN_CONTENT)
        );
    }

    #[test]
    fn a_product_page_keeps_its_name() {
        let ex = Extractor::default();
        let prose = "A warm, light jacket for climbers, packable into its own pocket, with a recycled shell and insulation. ";
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"Product","name":"Nano Puff"}}</script></head><body>
            <div class=buybox><h1>Nano Puff Jacket</h1><span>$229.00</span><button>Add</button><a href=/a>Compare</a> <a href=/b>Wishlist</a> <a href=/c>Size guide</a></div>
            <div class=description><p>{prose}{prose}</p><p>{prose}{prose}</p></div></body></html>"#
        );
        let out = ex.extract(html.as_bytes(), None);
        assert!(
            out.text.starts_with("Nano Puff Jacket\n\nA warm"),
            "{}",
            out.text
        );
        // A name written as sibling spans keeps a space between its parts.
        let spans = html.replace(
            "<h1>Nano Puff Jacket</h1>",
            "<h1><span>Nano Puff</span><span>Jacket</span></h1>",
        );
        let out = ex.extract(spans.as_bytes(), None);
        assert!(out.text.starts_with("Nano Puff Jacket\n\n"), "{}", out.text);
        // Without structured data the buy box (a price and a button after the name) still
        // says it; without either, the page is not known as a product's: no name added.
        let plain = html.replace("Product", "Thing");
        assert!(
            ex.extract(plain.as_bytes(), None)
                .text
                .starts_with("Nano Puff Jacket\n\n")
        );
        let plain = plain.replace("<span>$229.00</span><button>Add</button>", "");
        assert!(
            ex.extract(plain.as_bytes(), None)
                .text
                .starts_with("A warm")
        );
    }

    #[test]
    fn a_product_name_is_the_h1_of_the_content_root() {
        // A theme titles its (unpruned) mobile drawer with an earlier `<h1>`.
        let ex = Extractor::default();
        let prose = "A warm, light jacket for climbers, packable into its own pocket, with a recycled shell and insulation. ";
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"Product","name":"Nano Puff"}}</script></head><body>
            <div id=drawer><h1>Menu</h1><span>USD</span></div>
            <div class=product><h1>Nano Puff Jacket</h1><p>{prose}{prose}</p><p>{prose}{prose}</p></div></body></html>"#
        );
        let out = ex.extract(html.as_bytes(), None);
        assert!(
            out.text.starts_with("Nano Puff Jacket\n\nA warm"),
            "{}",
            out.text
        );
    }

    #[test]
    fn structured_descriptions_fill_in_for_short_texts_only() {
        let ex = Extractor::default();
        let ld = r#"<script type="application/ld+json">{"@type":"Product","name":"Kallax","description":"Kallax shelf unit, white. Standing or lying, the series adapts to taste, space and budget."}</script>"#;
        // A script-rendered shell: the description is the page's text.
        let shell = format!("<html><head>{ld}</head><body><div id=app></div></body></html>");
        let out = ex.extract(shell.as_bytes(), None);
        assert!(out.text.contains("adapts to taste"), "{}", out.text);
        // A page with paragraphs of its own: the description missing from them is a snippet.
        let prose: String = (1..=12)
            .map(|k| format!("<p>Point {k}: the simple design with clean lines makes the unit flexible and easy to use at home.</p>"))
            .collect();
        let page = format!(
            "<html><head>{ld}</head><body><main><h1>Kallax</h1>{prose}</main></body></html>"
        );
        let out = ex.extract(page.as_bytes(), None);
        assert!(out.text.contains("simple design"), "{}", out.text);
        assert!(!out.text.contains("adapts to taste"), "{}", out.text);
    }

    #[test]
    fn a_structured_description_shown_as_its_opening_only_is_completed() {
        // A headless shop: the page shows the description's first sentence, clamped; the
        // JSON-LD holds all of it.
        let ex = Extractor::default();
        let ld = r#"<script type="application/ld+json">{"@type":"Product","name":"Dripper","description":"A ceramic cone dripper with spiral ribs, glazed inside and matte outside. The spiral ribs hold the paper filter away from the wall so the water flows evenly through the bed of coffee. The thick walls hold heat through a four-minute brew."}</script>"#;
        let page = format!(
            "<html><head>{ld}</head><body><main><h1>Dripper</h1><p>$34.00</p><button>Add to cart</button><div><p>A ceramic cone dripper with spiral ribs, glazed inside and matte outside.</p></div></main></body></html>"
        );
        let out = ex.extract(page.as_bytes(), None);
        assert!(out.text.contains("four-minute brew"), "{}", out.text);
        // The sentence the page shows is not written twice.
        assert_eq!(out.text.matches("glazed inside").count(), 1, "{}", out.text);
        // A page that shows the whole description gets nothing appended.
        let whole = page.replace(
            "glazed inside and matte outside.</p>",
            "glazed inside and matte outside. The spiral ribs hold the paper filter away from the wall so the water flows evenly through the bed of coffee. The thick walls hold heat through a four-minute brew.</p>",
        );
        let out = ex.extract(whole.as_bytes(), None);
        assert_eq!(
            out.text.matches("four-minute brew").count(),
            1,
            "{}",
            out.text
        );
    }

    #[test]
    fn input_cap_truncates() {
        let cfg = ExtractConfig {
            max_input_bytes: 2048,
            ..Default::default()
        };
        let ex = cfg.build().unwrap();
        let html = format!("<p>{}</p>", "word ".repeat(2000));
        let out = ex.extract(html.as_bytes(), None);
        assert!(out.truncated);
        assert!(out.text.len() <= 2048);
    }
}
