//! # tamis-extract
//!
//! HTML pages to their main text: the article of a news page, the posts of a forum thread,
//! the description and specifications of a product, the cards of a listing, the body of a
//! documentation page — without navigation, headers, footers, sidebars, share bars, cookie
//! banners or comment sections.
//!
//! ## Brief overview
//!
//! * [`ExtractConfig`] is the `[[steps]] type = "extract"` configuration (output format,
//!   what to keep, size/depth/time limits); [`ExtractConfig::build`] validates it and returns
//!   an [`Extractor`].
//! * [`Extractor::extract`] turns bytes into an [`Extracted`] value: text plus title,
//!   canonical URL, language, publication date, author, the charset used and whether limits
//!   cut the page. [`Extractor`] is also a [`tamis_core::Step`] named `extract` that replaces a
//!   document's HTML `media` with its text and metadata.
//! * [`charset::decode_html`] chooses the encoding (BOM, declared, `<meta>`, detection).
//! * Inside: a fault-tolerant tokenizer and tree builder writes a flat pre-ordered arena
//!   (`dom`), `content` prunes boilerplate and picks the subtree with the highest prose value,
//!   `render` writes text or Markdown. Every pass is a loop over the arena: no recursion,
//!   so hostile nesting cannot overflow the stack.
//!
//! ```
//! use tamis_extract::ExtractConfig;
//!
//! let html = br#"<html lang="en"><head><title>Tea</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
//!   <article><h2>Brewing</h2>
//!     <p>Green tea wants water well below boiling, around eighty degrees, and a short steep.</p>
//!     <p>Black tea takes boiling water and three to five minutes, depending on the leaf.</p>
//!   </article>
//!   <footer>Copyright 2025</footer></body></html>"#;
//! let extractor = ExtractConfig::default().build().unwrap();
//! let page = extractor.extract(html, None);
//! assert!(page.text.starts_with("Brewing\n\nGreen tea wants water"));
//! assert!(!page.text.contains("Home") && !page.text.contains("Copyright"));
//! assert_eq!(page.title.as_deref(), Some("Tea"));
//! assert_eq!(page.lang.as_deref(), Some("en"));
//! ```

#![deny(missing_docs)]

pub mod charset;
mod classes;
mod config;
mod content;
mod css;
mod date;
mod dom;
mod extractor;
mod metadata;
mod render;
mod tag;

pub use config::{
    DEFAULT_DROP_EMPTY, DEFAULT_INCLUDE_COMMENTS, DEFAULT_INCLUDE_IMAGES, DEFAULT_INCLUDE_LINKS,
    DEFAULT_INCLUDE_LISTS, DEFAULT_INCLUDE_STRUCTURED_DATA, DEFAULT_INCLUDE_TABLES,
    DEFAULT_INCLUDE_TITLE, DEFAULT_MAX_DEPTH, DEFAULT_MAX_INPUT_BYTES, DEFAULT_TIMEOUT_MS,
    ExtractConfig, OutputFormat,
};
pub use extractor::{Extracted, Extractor, NO_MAIN_CONTENT, UNSUPPORTED_MEDIA};

/// Most pruned regions [`explain`] lists.
const MAX_EXPLAINED_REGIONS: usize = 25;

/// The page's DOM and its analysis with pruning reasons recorded, as the extractor's defaults
/// make it; and whether the page is one product's.
fn analyse_explained(html: &[u8]) -> (dom::Dom, content::Analysis, bool) {
    let (text, _) = charset::decode_html(html, None);
    let d = dom::parse(&text, DEFAULT_MAX_DEPTH as usize);
    let product = metadata::collect(&d).product;
    let a = content::analyse(
        &d,
        content::PruneOptions {
            product,
            explain: true,
            ..Default::default()
        },
    );
    (d, a, product)
}

/// One region pruning took out of a page (see [`pruned_regions`]).
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct PrunedRegion {
    /// The rule or pass that pruned it (`class-word`, `tag`, `caption`...).
    pub why: &'static str,
    /// The element's tag, id and class, as `explain` prints them.
    pub element: String,
    /// Whether it lay inside the chosen content root.
    pub in_root: bool,
    /// Its text.
    pub text: String,
}

/// Debugging aid (not a stable API): every region pruning took out of `html` (outermost
/// pruned elements only), in document order, with the reason.
#[doc(hidden)]
pub fn pruned_regions(html: &[u8]) -> Vec<PrunedRegion> {
    let (d, a, _) = analyse_explained(html);
    let root_end = d.end(a.root);
    outermost_pruned(&d, &a)
        .map(|i| {
            let mut text = String::new();
            d.subtree_text(i, &mut text);
            PrunedRegion {
                why: reason(&a, i),
                element: element_label(&d, i),
                in_root: i > a.root && i < root_end,
                text,
            }
        })
        .collect()
}

/// The pruned elements that no pruned element holds, in document order.
fn outermost_pruned<'a>(
    d: &'a dom::Dom,
    a: &'a content::Analysis,
) -> impl Iterator<Item = usize> + 'a {
    let pruned = |i: usize| a.pruned.get(i).copied().unwrap_or(false);
    (0..d.nodes.len()).filter(move |&i| pruned(i) && !d.parent(i).is_some_and(pruned))
}

/// The name of the rule or pass that pruned `i` (`?` if none was recorded).
fn reason(a: &content::Analysis, i: usize) -> &'static str {
    a.why
        .get(i)
        .copied()
        .flatten()
        .map_or("?", content::Why::name)
}

/// An element's tag, `#id` and first three classes (`div#main.a.b.c`).
fn element_label(d: &dom::Dom, i: usize) -> String {
    use std::fmt::Write;
    let mut s = format!("{:?}", d.tag(i)).to_lowercase();
    if let Some(id) = d.attr(i, dom::Attr::Id) {
        let _ = write!(s, "#{}", id.chars().take(40).collect::<String>());
    }
    if let Some(c) = d.attr(i, dom::Attr::Class) {
        let _ = write!(
            s,
            ".{}",
            c.split_whitespace().take(3).collect::<Vec<_>>().join(".")
        );
    }
    s
}

/// Debugging aid (not a stable API): describes how the content root of `html` was chosen —
/// the root's path, the highest-valued elements and the largest pruned regions — and, for
/// `ancestors` levels above the root, each ancestor's children with their values,
/// characters and link characters (why a container lost to a narrower root).
#[doc(hidden)]
pub fn explain(html: &[u8], ancestors: usize) -> String {
    use std::fmt::Write;
    let (d, a, product) = analyse_explained(html);
    let label = |i: usize| element_label(&d, i);
    let path = |mut i: usize| {
        let mut parts = Vec::new();
        while let Some(p) = d.parent(i) {
            parts.push(format!("{}[{i}]", label(i)));
            i = p;
        }
        parts.reverse();
        parts.join(" > ")
    };
    // Per-node figures; a node outside the analysis reads as zero (or pruned).
    let num = |v: &[f32], i: usize| v.get(i).copied().unwrap_or(0.0);
    let cnt = |v: &[u32], i: usize| v.get(i).copied().unwrap_or(0);
    let pruned = |i: usize| a.pruned.get(i).copied().unwrap_or(true);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "root: {} value={:.0} chars={} of {} listing={} product={product} thread={} comments_as_content={}",
        path(a.root),
        num(&a.value, a.root),
        cnt(&a.chars, a.root),
        cnt(&a.chars, a.body),
        a.listing,
        a.thread,
        a.comments_as_content
    );
    let mut idx: Vec<usize> = (0..d.nodes.len())
        .filter(|&i| d.tag(i) != tag::Tag::Text && !pruned(i))
        .collect();
    idx.sort_by(|&x, &y| num(&a.value, y).total_cmp(&num(&a.value, x)));
    for &i in idx.iter().take(12) {
        let _ = writeln!(
            out,
            "  v={:.0} c={} l={} k={} {}",
            num(&a.value, i),
            cnt(&a.chars, i),
            cnt(&a.link_chars, i),
            cnt(&a.links, i),
            path(i)
        );
    }
    // The root's ancestors and their children, with their values.
    let mut r = a.root;
    for _ in 0..ancestors {
        let Some(p) = d.parent(r) else { break };
        let _ = writeln!(
            out,
            "up: v={:.0} c={} l={} {}[{p}]",
            num(&a.value, p),
            cnt(&a.chars, p),
            cnt(&a.link_chars, p),
            label(p)
        );
        let mut c = p + 1;
        while c < d.end(p) {
            if d.tag(c) != tag::Tag::Text {
                let mut s = String::new();
                d.subtree_text(c, &mut s);
                let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
                let s: String = s.chars().take(70).collect();
                let _ = writeln!(
                    out,
                    "    {} v={:.0} c={} l={} {}[{c}] | {s}",
                    if pruned(c) { "P" } else { " " },
                    num(&a.value, c),
                    cnt(&a.chars, c),
                    cnt(&a.link_chars, c),
                    label(c)
                );
            }
            c = d.end(c).max(c + 1);
        }
        r = p;
    }
    if let Ok(needle) = std::env::var("TAMIS_FIND")
        && let Some(t) = (0..d.nodes.len()).find(|&i| d.text_of(i).contains(needle.as_str()))
    {
        let _ = writeln!(out, "found: {}", path(t));
        let mut i = t;
        while let Some(p) = d.parent(i) {
            if pruned(p) {
                let _ = writeln!(out, "  pruned ancestor: {} by={}", label(p), reason(&a, p));
            }
            i = p;
        }
    }
    let mut pr: Vec<(usize, usize)> = outermost_pruned(&d, &a)
        .map(|i| {
            let mut s = String::new();
            d.subtree_text(i, &mut s);
            (s.split_whitespace().count(), i)
        })
        .collect();
    pr.sort_unstable_by(|x, y| y.cmp(x));
    let _ = writeln!(
        out,
        "pruned: {} regions, {} words (largest first; by= the rule or pass)",
        pr.len(),
        pr.iter().map(|(w, _)| w).sum::<usize>()
    );
    for (w, i) in pr.iter().take(MAX_EXPLAINED_REGIONS) {
        let mut text = String::new();
        d.subtree_text(*i, &mut text);
        let preview: String = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(70)
            .collect();
        let _ = writeln!(
            out,
            "  pruned words={w} by={} {}\n      | {preview}",
            reason(&a, *i),
            path(*i)
        );
    }
    if pr.len() > MAX_EXPLAINED_REGIONS {
        let _ = writeln!(out, "  ... {} more", pr.len() - MAX_EXPLAINED_REGIONS);
    }
    out
}
