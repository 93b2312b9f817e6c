//! Page metadata: title, canonical URL, language, publication date, author, and structured
//! data (JSON-LD) descriptions.

use std::sync::LazyLock;

use serde_json::Value;

use crate::dom::{Attr, Dom};
use crate::tag::Tag;

/// Metadata found in a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// `og:title`, else `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    /// `<link rel=canonical>`, else `og:url`.
    pub canonical_url: Option<String>,
    /// `<html lang>`, else `og:locale`.
    pub lang: Option<String>,
    /// Publication date in ISO 8601 (see [`crate::date`]): the first of the publication-date
    /// `<meta>`s, JSON-LD `datePublished`, microdata `datePublished`, and the date of the
    /// page's `<time datetime>` elements when they all fall on one day, that reads as a date.
    pub date: Option<String>,
    /// Author name: the author `<meta>`s (not a `@handle`), JSON-LD `author` of the article,
    /// microdata `author`, or the text of a `rel=author` link.
    pub author: Option<String>,
    /// Descriptions from JSON-LD/microdata of the main entity (products, recipes, ...).
    pub structured_text: Vec<String>,
    /// The page is about one product: one JSON-LD `Product` outside lists, an `og:type`
    /// naming a product or item, a microdata `Product` item that is the page's (the only
    /// top-level one, or the one holding the `<h1>`), a buy box (a headline, one or two
    /// visible quantity fields and at most four visible add-to-cart buttons), or a buy box
    /// read from the page's structure after its `<h1>` (a price shown alone and a control, or
    /// a control labelled as buying) on a page whose `og:type` is not `article`.
    pub product: bool,
}

/// A buy box has at most this many visible quantity fields (the product's and a quick-buy
/// copy of it).
const MAX_BUY_BOX_QUANTITY_INPUTS: usize = 2;
/// A buy box has at most this many visible add-to-cart buttons (buy now, add to cart, a
/// sticky copy, a bundle's). Our choice: 3 missed a shop's page with a bundle offer.
const MAX_BUY_BOX_BUTTONS: usize = 4;

/// JSON-LD documents larger than this are not parsed (bytes).
const MAX_JSON_LD_BYTES: usize = 2 * 1024 * 1024;
/// JSON-LD nesting walked at most this deep.
const MAX_JSON_LD_DEPTH: usize = 32;

/// Most `<time datetime>` elements read for the page's date, and most nodes read inside a
/// microdata `author` item for its name.
const MAX_TIME_ELEMENTS: usize = 64;
const MAX_AUTHOR_ITEM_NODES: usize = 64;
/// A `datePublished` element with more nodes than this is no date written as text.
const MAX_DATE_ITEM_NODES: usize = 8;
/// Longest author name taken from a page's text (characters).
const MAX_AUTHOR_CHARS: usize = 100;

/// A person's name as pages write it in author fields: `By ` dropped; social handles
/// (`@name`), URLs and long texts are no names.
fn person(s: &str) -> Option<String> {
    let t = clean(s)?;
    let t = ["By ", "by ", "BY ", "By: ", "by: "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .map_or(t.as_str(), str::trim_start)
        .to_owned();
    (!t.is_empty()
        && !t.starts_with('@')
        && !t.starts_with("http")
        && t.chars().count() <= MAX_AUTHOR_CHARS)
        .then_some(t)
}

fn has_token(v: Option<&str>, token: &str) -> bool {
    v.is_some_and(|v| {
        v.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(token))
    })
}

fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// [`clean`] for text that may hold HTML: JSON-LD descriptions are often written with
/// entities (`&apos;`) and tags (`<p>`, `<br>`), which a page never shows as such. The text is
/// parsed as an HTML fragment by the crate's own parser (which decodes entities); elements
/// separate words.
fn clean_markup(s: &str) -> Option<String> {
    let dom = crate::dom::parse(s, MAX_JSON_LD_DEPTH);
    let mut plain = String::with_capacity(s.len());
    for (i, n) in dom.nodes.iter().enumerate() {
        if n.tag == Tag::Text {
            plain.push_str(dom.text_of(i));
        } else {
            plain.push(' ');
        }
    }
    clean(&plain)
}

/// Collects page metadata in one pass over the arena.
pub fn collect(dom: &Dom) -> PageMeta {
    let mut m = PageMeta::default();
    let mut og_title = None;
    let mut title_tag = None;
    let mut h1 = None;
    let mut og_url = None;
    let mut og_locale = None;
    let mut meta_date = None;
    let mut meta_author = None;
    let mut item_date = None;
    let mut item_author = None;
    let mut rel_author = None;
    // The `<time datetime>` elements (read only when no other source gives a date).
    let mut times: Vec<usize> = Vec::new();
    let mut ld = LdFacts::default();
    let mut og_product = false;
    // The page declares itself an article (`og:type`): a review's buy widget under its
    // headline does not make it a product's.
    let mut og_article = false;
    // Top-level microdata items typed `Product` (start, end), the end of the current top-level
    // item, and the first `<h1>`.
    let mut item_products: Vec<(usize, usize)> = Vec::new();
    let mut item_end = 0;
    let mut h1_at = None;
    let mut buy_controls = 0usize;
    let mut quantity_inputs = 0usize;
    for i in 0..dom.nodes.len() {
        if i >= item_end
            && let Some(t) = dom.attr(i, Attr::Itemtype)
        {
            item_end = dom.end(i);
            if names_product_type(t) {
                item_products.push((i, item_end));
            }
        }
        if h1_at.is_none() && dom.tag(i) == Tag::H1 {
            h1_at = Some(i);
        }
        if matches!(dom.tag(i), Tag::Button | Tag::Input)
            && !is_hidden_input(dom, i)
            && names_buy_control(dom, i)
        {
            buy_controls += 1;
        }
        if matches!(dom.tag(i), Tag::Input | Tag::Select) && is_quantity_input(dom, i) {
            quantity_inputs += 1;
        }
        match dom.tag(i) {
            Tag::Html if m.lang.is_none() => {
                m.lang = dom.attr(i, Attr::Lang).and_then(clean);
            }
            Tag::Title if title_tag.is_none() => {
                let mut s = String::new();
                dom.subtree_text(i, &mut s);
                title_tag = clean(&s);
            }
            Tag::H1 if h1.is_none() => {
                let mut s = String::new();
                dom.subtree_text(i, &mut s);
                h1 = clean(&s);
            }
            Tag::Link => {
                let rel = dom.attr(i, Attr::Rel).unwrap_or("");
                if m.canonical_url.is_none()
                    && rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    m.canonical_url = dom.attr(i, Attr::Href).and_then(clean);
                }
            }
            Tag::Meta => {
                let key = dom
                    .attr(i, Attr::Property)
                    .or_else(|| dom.attr(i, Attr::Name))
                    .or_else(|| dom.attr(i, Attr::Itemprop))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = dom.attr(i, Attr::Content).and_then(clean) else {
                    continue;
                };
                match key.as_str() {
                    "og:title" | "twitter:title" if og_title.is_none() => og_title = Some(content),
                    "og:url" if og_url.is_none() => og_url = Some(content),
                    "og:type" if names_item_type(&content) => og_product = true,
                    "og:type" if content.eq_ignore_ascii_case("article") => og_article = true,
                    "og:locale" if og_locale.is_none() => og_locale = Some(content),
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "publishdate"
                    | "publish-date"
                    | "publish_date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.created"
                    | "dcterms.date"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "article.published"
                    | "og:published_time"
                    | "citation_publication_date"
                    | "citation_date"
                        if meta_date.is_none() =>
                    {
                        meta_date = crate::date::normalize(&content);
                    }
                    // Not `twitter:creator`: a handle (`@name`, often without the `@`).
                    "author" | "article:author" | "dc.creator" | "sailthru.author"
                    | "parsely-author" | "citation_author"
                        if meta_author.is_none() =>
                    {
                        meta_author = person(&content);
                    }
                    _ => {}
                }
            }
            // JSON-LD only: a page's other JSON (`application/json` app state, often megabytes)
            // and its scripts are no structured data.
            Tag::Script
                if dom.attr(i, Attr::Type).is_some_and(|t| {
                    t.as_bytes()
                        .windows(7)
                        .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
                }) =>
            {
                let mut s = String::new();
                dom.subtree_text(i, &mut s);
                if !s.is_empty()
                    && s.len() <= MAX_JSON_LD_BYTES
                    && let Ok(v) = serde_json::from_str::<Value>(s.trim())
                {
                    ld.walk(&v);
                }
            }
            Tag::A if rel_author.is_none() && has_token(dom.attr(i, Attr::Rel), "author") => {
                let mut t = String::new();
                dom.subtree_text(i, &mut t);
                rel_author = person(&t);
            }
            _ => {}
        }
        let itemprop = dom.attr(i, Attr::Itemprop);
        if item_date.is_none() && has_token(itemprop, "datePublished") {
            item_date = match dom
                .attr(i, Attr::Datetime)
                .or_else(|| dom.attr(i, Attr::Content))
            {
                Some(v) => crate::date::normalize(v),
                // The date as text (`<abbr itemprop="datePublished">December 19, 2025`).
                None if dom.end(i) - i <= MAX_DATE_ITEM_NODES => {
                    let mut s = String::new();
                    dom.subtree_text(i, &mut s);
                    crate::date::normalize(&s)
                }
                None => None,
            };
        }
        if item_author.is_none() && dom.tag(i) != Tag::Meta && has_token(itemprop, "author") {
            item_author = microdata_name(dom, i);
        }
        if dom.tag(i) == Tag::Time && times.len() < MAX_TIME_ELEMENTS {
            times.push(i);
        }
    }
    m.title = og_title.or(ld.headline.clone()).or(title_tag).or(h1);
    if m.canonical_url.is_none() {
        m.canonical_url = og_url;
    }
    if m.lang.is_none() {
        m.lang = og_locale;
    }
    m.date = meta_date
        .or(ld.date_published.clone())
        .or(item_date)
        .or_else(|| one_day_date(dom, &times))
        .or_else(|| date_line(dom))
        .or_else(|| m.canonical_url.as_deref().and_then(crate::date::from_url));
    m.author = meta_author
        .or(ld.author())
        .or(item_author)
        .or(rel_author)
        // Else a byline's name, else the text of the first link to an author's page
        // (`/author/name/`): read only when no other source names the author.
        .or_else(|| {
            (0..dom.nodes.len())
                .filter(|&i| names_byline(dom, i))
                .find_map(|i| byline_name(dom, i))
        })
        .or_else(|| {
            (0..dom.nodes.len())
                .filter(|&i| {
                    dom.tag(i) == Tag::A && dom.attr(i, Attr::Href).is_some_and(links_author_page)
                })
                .find_map(|i| short_name(dom, i))
        });
    m.structured_text = ld.own_descriptions();
    // Microdata: one top-level `Product` item, or the item that holds the page's headline
    // (the product's name) among product cards (related items) elsewhere on the page. Cards of
    // a listing are many items none of which holds the `<h1>`.
    let item_product = item_products.len() == 1
        || h1_at.is_some_and(|h| item_products.iter().any(|&(s, e)| s < h && h < e));
    m.product = og_product || ld.products == 1 || item_product;
    // A buy box without structured data: a headline, one or two visible quantity fields (the
    // product's, a quick-buy copy) and at most a few add-to-cart buttons. A shop's listing has
    // a button per card, and a quantity field per card when it has any.
    let buy_box = h1_at.is_some()
        && (1..=MAX_BUY_BOX_QUANTITY_INPUTS).contains(&quantity_inputs)
        && (1..=MAX_BUY_BOX_BUTTONS).contains(&buy_controls);
    m.product =
        m.product || buy_box || (!og_article && h1_at.is_some_and(|h| buy_box_after(dom, h)));
    m
}

/// Most nodes read after the page's first `<h1>` for the product's buy box
/// ([`buy_box_after`]): a buy box with its variant pickers, badges and delivery notes takes a
/// few hundred. Our choice.
const MAX_BUY_BOX_SCAN_NODES: usize = 400;
/// Longest text (characters other than spaces) of the block showing a product's price
/// ([`shows_price`]): the price, a former price struck through, a saving ("$3,560.00
/// $1,779.00 (SAVE 50%)"). A price inside a sentence ("it could vary from $793 to $1,125") is
/// a figure of a text. Our choice.
const MAX_PRICE_BLOCK_CHARS: usize = 48;
/// Most nodes of the block read by [`shows_price`]. Our choice.
const MAX_PRICE_BLOCK_NODES: usize = 64;

/// Most prices shown in a product's buy box ([`buy_box_after`]): the price, a former price,
/// a bundle's. A shop's category shows one per card. Our choice.
const MAX_BUY_BOX_PRICES: usize = 3;
/// Most controls labelled as buying in a product's buy box ([`buy_box_after`]): add to cart,
/// buy now, add to wish list. A shop's category has one per card. Our choice.
const MAX_BUY_BOX_LABELLED: usize = 3;

/// Whether the page's headline `h1` is a product's name in its buy box, whatever the page's
/// structured data and class names. The nodes after it, up to the next heading (the page's
/// next section), the first card of a priced product (a grid of products begins) or
/// [`MAX_BUY_BOX_SCAN_NODES`], hold one to [`MAX_BUY_BOX_PRICES`] prices shown alone
/// ([`shows_price`]) and a control (a button, a drop-down, a number field), or one to
/// [`MAX_BUY_BOX_LABELLED`] controls labelled as buying ([`names_buying`]). A shop's category
/// shows its prices and buttons once per card; an article's figures sit in sentences.
fn buy_box_after(dom: &Dom, h1: usize) -> bool {
    let (mut prices, mut controls, mut labelled) = (0usize, 0usize, 0usize);
    let mut buf = String::new();
    let mut k = dom.end(h1);
    let stop = k
        .saturating_add(MAX_BUY_BOX_SCAN_NODES)
        .min(dom.nodes.len());
    while k < stop {
        let tag = dom.tag(k);
        // A price set as a heading (OpenCart's `<h2>$89.00</h2>`) is the buy box's, not the
        // title of the page's next section.
        if tag.is_heading() && heading_shows_price(dom, k, &mut buf) {
            prices += 1;
            k = dom.end(k);
            continue;
        }
        if tag.is_heading() || (tag == Tag::A && crate::content::is_priced_image_link(dom, k)) {
            break;
        }
        if matches!(
            tag,
            Tag::Script | Tag::Style | Tag::Template | Tag::Noscript | Tag::Svg
        ) {
            k = dom.end(k);
            continue;
        }
        if is_control(dom, k, tag) {
            controls += 1;
            labelled += usize::from(names_buying(dom, k, &mut buf));
            // A button's text ("Add to Cart - $549.99") is no price shown.
            k = dom.end(k);
            continue;
        }
        // Each price once: at its text holding digits (not at the sign or spaces beside).
        if tag == Tag::Text
            && dom.text_of(k).bytes().any(|b| b.is_ascii_digit())
            && shows_price(dom, k, &mut buf)
        {
            prices += 1;
        }
        k += 1;
    }
    ((1..=MAX_BUY_BOX_PRICES).contains(&prices) && controls > 0)
        || (1..=MAX_BUY_BOX_LABELLED).contains(&labelled)
}

/// Whether heading `h` shows a price alone ([`shows_price`] on its text holding digits).
fn heading_shows_price(dom: &Dom, h: usize, buf: &mut String) -> bool {
    dom.end(h).saturating_sub(h) <= MAX_PRICE_BLOCK_NODES
        && (h + 1..dom.end(h)).any(|t| {
            dom.tag(t) == Tag::Text
                && dom.text_of(t).bytes().any(|b| b.is_ascii_digit())
                && shows_price(dom, t, buf)
        })
}

/// A control a buyer uses: a button (`<button>`, `role=button`, a submit or image input),
/// a drop-down or a number field; not a hidden input.
fn is_control(dom: &Dom, i: usize, tag: Tag) -> bool {
    match tag {
        Tag::Button | Tag::Select => true,
        Tag::Input => dom.attr(i, Attr::Type).is_some_and(|t| {
            let t = t.trim();
            ["submit", "button", "image", "number"]
                .iter()
                .any(|w| t.eq_ignore_ascii_case(w))
        }),
        Tag::Text => false,
        _ => dom
            .attr(i, Attr::Role)
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("button")),
    }
}

/// Most nodes of a control whose label is read ([`names_buying`]).
const MAX_CONTROL_NODES: usize = 32;

/// Words of a control's label that say it buys the product or keeps it for later, in a few
/// languages (lowercase, single spaces).
const BUYING_WORDS: &[&str] = &[
    "add to cart",
    "add to bag",
    "add to basket",
    "add to trolley",
    "add to wish list",
    "add to wishlist",
    "buy now",
    "in den warenkorb",
    "ajouter au panier",
    "añadir al carrito",
    "agregar al carrito",
    "aggiungi al carrello",
    "in winkelwagen",
    "adicionar ao carrinho",
    "dodaj do koszyka",
];

/// Whether control `i` is labelled (its text or `aria-label`) as putting the product in the
/// cart, buying it now or keeping it in a wish list ([`BUYING_WORDS`]). `buf` is reused.
fn names_buying(dom: &Dom, i: usize, buf: &mut String) -> bool {
    if dom.end(i).saturating_sub(i) > MAX_CONTROL_NODES {
        return false;
    }
    buf.clear();
    let label = dom.attr(i, Attr::AriaLabel).unwrap_or("");
    let words = (i..dom.end(i))
        .flat_map(|j| dom.text_of(j).split_whitespace())
        .chain(label.split_whitespace());
    for w in words {
        if !buf.is_empty() {
            buf.push(' ');
        }
        buf.extend(w.chars().flat_map(char::to_lowercase));
    }
    BUYING_WORDS.iter().any(|w| buf.contains(w))
}

/// Whether text node `t` shows a price on its own: an element around it (up to its block)
/// reads as a price alone ([`crate::content::is_price_line`]), the block holds at most
/// [`MAX_PRICE_BLOCK_CHARS`], no range ("$89 - $249") and no rate (a plan's "$29/mo"), and
/// the text is no link's, button's, option's or struck-through former price.
fn shows_price(dom: &Dom, t: usize, buf: &mut String) -> bool {
    let mut priced = false;
    let mut e = t;
    while let Some(p) = dom.parent(e) {
        e = p;
        let tag = dom.tag(e);
        if matches!(
            tag,
            Tag::A | Tag::Button | Tag::Option | Tag::Del | Tag::S | Tag::Strike
        ) || dom.end(e).saturating_sub(e) > MAX_PRICE_BLOCK_NODES
        {
            return false;
        }
        buf.clear();
        dom.subtree_text(e, buf);
        if buf.chars().filter(|c| !c.is_whitespace()).count() > MAX_PRICE_BLOCK_CHARS {
            return false;
        }
        priced = priced || crate::content::is_price_line(buf);
        if tag.is_block() {
            return priced && !buf.contains(['-', '\u{2013}', '\u{2014}', '/']);
        }
    }
    false
}

/// Words of class/id values that say an element naming an author (`ClassHints::byline`)
/// is something else about them: a comment's, a picture, a biography, a date, the topic tags
/// a byline row also holds (`byline__tag`).
const NOT_BYLINE_WORDS: &[&str] = &[
    "comment",
    "comments",
    "reply",
    "avatar",
    "image",
    "img",
    "photo",
    "bio",
    "date",
    "time",
    "tag",
    "tags",
    "category",
    "categories",
];
/// Labels bylines write before a name (matched in any letter case, followed by a space or a
/// colon).
const BYLINE_LABELS: &[&str] = &[
    "written by",
    "authored by",
    "posted by",
    "text by",
    "words by",
    "story by",
    "articles by",
    "posts by",
    "recipe by",
    "by",
    "author",
];
/// Longest byline name (characters) and most words: longer texts are bios or lists.
const MAX_BYLINE_CHARS: usize = 60;
const MAX_BYLINE_WORDS: usize = 8;

/// Element `i` is a byline by its class or id (`article-meta__author`, `byline`).
fn names_byline(dom: &Dom, i: usize) -> bool {
    if !matches!(
        dom.tag(i),
        Tag::Div | Tag::Span | Tag::P | Tag::A | Tag::Address | Tag::Li | Tag::Strong | Tag::B
    ) {
        return false;
    }
    if !dom.class_id_hints(i).byline {
        return false;
    }
    // A byline word, and none saying the element is something else.
    ![dom.attr(i, Attr::Class), dom.attr(i, Attr::Id)]
        .into_iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| NOT_BYLINE_WORDS.iter().any(|n| w.eq_ignore_ascii_case(n)))
}

/// The name byline `i` gives: that of a link in it to the author's page or of an element
/// its class calls a name (`author-name`), else its whole text (see [`short_name`]).
fn byline_name(dom: &Dom, i: usize) -> Option<String> {
    let end = dom.end(i);
    if end - i > MAX_AUTHOR_ITEM_NODES {
        return None;
    }
    let inner = (i + 1..end).find(|&j| {
        (dom.tag(j) == Tag::A && dom.attr(j, Attr::Href).is_some_and(links_author_page))
            || dom.attr(j, Attr::Class).is_some_and(|c| {
                c.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case("name"))
            })
    });
    inner
        .and_then(|j| short_name(dom, j))
        .or_else(|| short_name(dom, i))
}

/// A link to an author's page: a path segment `author` or `authors` followed by another
/// (`/author/jane-doe/`), as blog and news systems give their authors.
fn links_author_page(href: &str) -> bool {
    // Every link is asked: one substring search rules out nearly all.
    static AUTHOR: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"/author"));
    if AUTHOR.find(href.as_bytes()).is_none() {
        return false;
    }
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let mut segs = path
        .split('/')
        .skip_while(|s| !s.eq_ignore_ascii_case("author") && !s.eq_ignore_ascii_case("authors"));
    segs.next().is_some() && segs.next().is_some_and(|s| !s.is_empty())
}

/// The name that element `i` shows (a byline, an author link): its text, with a `By`
/// label dropped, when it is short and reads as a name (no digits, no trailing colon).
fn short_name(dom: &Dom, i: usize) -> Option<String> {
    if dom.end(i) - i > MAX_AUTHOR_ITEM_NODES {
        return None;
    }
    let t = spaced_text(dom, i)?;
    // A label before the name (`By`, `Written by:`, `Author`), or any one word before a
    // colon, as bylines in other languages write it (`Texto: Ana Lima`, `Автор: …`).
    let t = without_label(&t, BYLINE_LABELS);
    let t = match t.split_once(": ") {
        Some((label, name)) if label.chars().all(char::is_alphabetic) => name,
        _ => t,
    };
    // A footnote mark after the name (`Jane Doe, MD*`).
    let t = t.trim_end_matches(['*', '†', '‡']);
    // A role after a bar (`Jane Doe | Author`).
    let t = t.split(" | ").next().unwrap_or_default();
    let t = person(t)?;
    if BYLINE_LABELS
        .iter()
        .chain(&["authors"])
        .any(|l| t.eq_ignore_ascii_case(l))
    {
        return None;
    }
    (!t.is_empty()
        && t.chars().count() <= MAX_BYLINE_CHARS
        && t.split_whitespace().count() <= MAX_BYLINE_WORDS
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with(':'))
    .then_some(t)
}

/// Most nodes of a date line ([`date_line`]) and most date lines read.
const MAX_DATE_LINE_NODES: usize = 8;
const MAX_DATE_LINES: usize = 64;

/// Labels written before a publication date (matched as [`without_label`] does).
const DATE_LABELS: &[&str] = &[
    "first published on",
    "first published",
    "published on",
    "published",
    "posted on",
    "posted",
    "date:",
    "on",
];

/// The day the page's date lines give, when they all give one: elements whose class or id
/// names a date (`ClassHints::dated`: `post-date`, `published`, `dateline`) holding a short
/// text that reads as a date after its label (`Published on Nov 20, 2019 01:38 pm`). Lines
/// saying `Updated` or `Modified` give no publication date; the many days of a listing's or
/// a thread's lines give none.
fn date_line(dom: &Dom) -> Option<String> {
    let lines = (0..dom.nodes.len())
        .filter(|&i| {
            dom.tag(i) != Tag::Text
                && dom.end(i) - i <= MAX_DATE_LINE_NODES
                && dom.class_id_hints(i).dated
        })
        .take(MAX_DATE_LINES)
        .filter_map(|i| {
            let t = spaced_text(dom, i)?;
            let lower = t.to_ascii_lowercase();
            if lower.starts_with("updated") || lower.starts_with("modified") {
                return None;
            }
            crate::date::normalize(without_label(&t, DATE_LABELS))
        });
    one_day(lines)
}

/// The first of `dates` (normalised) when all that name a day name the same one, else
/// `None`. A normalised date starts with its day (`2019-11-19`); a bare year names none and
/// is passed over.
fn one_day(dates: impl Iterator<Item = String>) -> Option<String> {
    let mut first: Option<String> = None;
    for d in dates.filter(|d| d.len() >= 10) {
        match first.as_deref().and_then(|f| f.get(..10)) {
            None => first = Some(d),
            Some(day) if Some(day) != d.get(..10) => return None,
            Some(_) => {}
        }
    }
    first
}

/// The text of element `i` with elements separating words (`<span>By</span><a>Jane
/// Doe</a>` is `By Jane Doe`), blanks collapsed; `None` when blank.
fn spaced_text(dom: &Dom, i: usize) -> Option<String> {
    let mut s = String::new();
    for j in i..dom.end(i) {
        match dom.tag(j) {
            Tag::Text => s.push_str(dom.text_of(j)),
            _ => s.push(' '),
        }
    }
    clean(&s)
}

/// `t` without the first of `labels` it starts with (in any letter case, followed by a
/// space or a colon) and the blanks and colons after it.
fn without_label<'a>(t: &'a str, labels: &[&str]) -> &'a str {
    for label in labels {
        if let Some(head) = t.get(..label.len())
            && head.eq_ignore_ascii_case(label)
            && let Some(rest) = t.get(label.len()..)
            && rest.starts_with([' ', ':'])
        {
            return rest.trim_start_matches([' ', ':']);
        }
    }
    t
}

/// The date of the `<time datetime>` elements `times` when they all give one day (the first
/// one's): that is the page's date. A listing's or a thread's give many, none of which is
/// the page's.
fn one_day_date(dom: &Dom, times: &[usize]) -> Option<String> {
    one_day(
        times
            .iter()
            .filter_map(|&t| dom.attr(t, Attr::Datetime).and_then(crate::date::normalize)),
    )
}

/// The name of microdata item `i` (an `author`): the text or `content` of its `name`
/// property (at most [`MAX_AUTHOR_ITEM_NODES`] nodes in), else its own text.
fn microdata_name(dom: &Dom, i: usize) -> Option<String> {
    let end = dom.end(i).min(i + 1 + MAX_AUTHOR_ITEM_NODES);
    let at = (i + 1..end)
        .find(|&k| has_token(dom.attr(k, Attr::Itemprop), "name"))
        .unwrap_or(i);
    if let Some(c) = dom.attr(at, Attr::Content) {
        return person(c);
    }
    if dom.end(at).saturating_sub(at) > MAX_AUTHOR_ITEM_NODES {
        return None;
    }
    let mut t = String::new();
    dom.subtree_text(at, &mut t);
    person(&t)
}

/// A button or input that puts a product in the cart (`add-to-cart`, `add_cart`,
/// `addToBasket`, `buy-now` in its id, name or class).
fn names_buy_control(dom: &Dom, i: usize) -> bool {
    // The value's ASCII letters and digits, lowercased (bytes: those of a non-ASCII character
    // are neither), in one buffer for the three attributes.
    let mut squeezed: Vec<u8> = Vec::new();
    [Attr::Id, Attr::Name, Attr::Class].iter().any(|&a| {
        dom.attr(i, a).is_some_and(|v| {
            squeezed.clear();
            squeezed.extend(
                v.bytes()
                    .filter(u8::is_ascii_alphanumeric)
                    .map(|b| b.to_ascii_lowercase()),
            );
            [
                b"addtocart".as_slice(),
                b"addcart",
                b"addtobag",
                b"addtobasket",
                b"buynow",
            ]
            .iter()
            .any(|w| squeezed.windows(w.len()).any(|x| x == *w))
        })
    })
}

/// A visible field for the quantity to buy (`<input name=quantity>`, `qty`, or a
/// `<select>` of them; not hidden).
fn is_quantity_input(dom: &Dom, i: usize) -> bool {
    dom.attr(i, Attr::Name).is_some_and(|n| {
        let n = n.trim();
        n.eq_ignore_ascii_case("quantity") || n.eq_ignore_ascii_case("qty")
    }) && !is_hidden_input(dom, i)
}

/// An `<input type=hidden>`: a form's data, no control a reader sees.
fn is_hidden_input(dom: &Dom, i: usize) -> bool {
    dom.attr(i, Attr::Type)
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("hidden"))
}

/// An `og:type` naming one product for sale: `product`, Open Graph's `product.item`, or a
/// site's own type for its items (`shop:item`, `market:product`). Not `product.group` (a
/// category).
fn names_item_type(og_type: &str) -> bool {
    let t = og_type.trim();
    let last = t.rsplit([':', '.']).next().unwrap_or(t);
    last.eq_ignore_ascii_case("product") || last.eq_ignore_ascii_case("item")
}

/// An `itemtype` naming a schema.org `Product` (`http://schema.org/Product`; several types
/// may be listed).
fn names_product_type(itemtype: &str) -> bool {
    itemtype.split_ascii_whitespace().any(|t| {
        let t = t.trim_end_matches('/');
        let ty = t.rsplit('/').next().unwrap_or(t);
        ty.eq_ignore_ascii_case("Product") || ty.eq_ignore_ascii_case("ProductGroup")
    })
}

/// Facts gathered from JSON-LD.
#[derive(Debug, Default)]
struct LdFacts {
    headline: Option<String>,
    date_published: Option<String>,
    author: Option<String>,
    /// An article's author given as a reference (`{"@id": "#person-1"}`), and the names of
    /// the entities with an `@id` (a `Person` elsewhere in the `@graph`).
    author_ref: Option<String>,
    names: Vec<(String, String)>,
    descriptions: Vec<String>,
    /// The first type of the entity of each of `descriptions`.
    described_types: Vec<String>,
    /// `Product` entities outside lists.
    products: usize,
}

impl LdFacts {
    /// The article's author, its reference resolved.
    fn author(&self) -> Option<String> {
        self.author.clone().or_else(|| {
            let r = self.author_ref.as_ref()?;
            self.names
                .iter()
                .find(|(id, _)| id == r)
                .and_then(|(_, n)| person(n))
        })
    }

    /// The descriptions of the page's own entities: several entities of one type (the events
    /// of a calendar widget, as a bare array rather than an `ItemList`) are a list's members.
    fn own_descriptions(&self) -> Vec<String> {
        let repeated = |t: &String| self.described_types.iter().filter(|x| *x == t).count() > 1;
        self.descriptions
            .iter()
            .zip(&self.described_types)
            .filter(|(_, t)| !repeated(t))
            .map(|(d, _)| d.clone())
            .collect()
    }

    /// Walks a JSON-LD value iteratively (arrays, `@graph`, nested entities).
    fn walk(&mut self, root: &Value) {
        // The flag marks members of a list (`itemListElement`): the items a listing links
        // to, whose descriptions the page itself does not show.
        let mut stack: Vec<(&Value, usize, bool)> = vec![(root, 0, false)];
        while let Some((v, depth, member)) = stack.pop() {
            if depth > MAX_JSON_LD_DEPTH {
                continue;
            }
            match v {
                Value::Array(items) => {
                    for item in items.iter().rev() {
                        stack.push((item, depth + 1, member));
                    }
                }
                Value::Object(map) => {
                    let types = type_names(map.get("@type"));
                    let is_article = types.iter().any(|t| {
                        t.ends_with("Article")
                            || *t == "BlogPosting"
                            || *t == "NewsArticle"
                            || *t == "Report"
                    });
                    let is_described = types.iter().any(|t| {
                        matches!(
                            *t,
                            "Product"
                                | "Recipe"
                                | "Event"
                                | "Course"
                                | "SoftwareApplication"
                                | "Book"
                                | "Movie"
                                | "Service"
                                | "JobPosting"
                                | "Offer"
                                | "LocalBusiness"
                        )
                    });
                    if is_article {
                        if self.headline.is_none() {
                            self.headline =
                                map.get("headline").and_then(Value::as_str).and_then(clean);
                        }
                        if self.date_published.is_none() {
                            self.date_published = map
                                .get("datePublished")
                                .and_then(Value::as_str)
                                .and_then(crate::date::normalize);
                        }
                        if self.author.is_none() {
                            self.author = author_name(map.get("author"));
                        }
                        if self.author_ref.is_none() {
                            self.author_ref = author_ref(map.get("author"));
                        }
                    }
                    if !member
                        && types
                            .iter()
                            .any(|t| *t == "Product" || *t == "ProductGroup")
                    {
                        self.products += 1;
                    }
                    if is_described
                        && !member
                        && let Some(d) = map
                            .get("description")
                            .and_then(Value::as_str)
                            .and_then(clean_markup)
                        && !self.descriptions.contains(&d)
                    {
                        self.descriptions.push(d);
                        self.described_types
                            .push(types.first().copied().unwrap_or_default().to_owned());
                    }
                    if self.date_published.is_none() {
                        self.date_published = map
                            .get("datePublished")
                            .and_then(Value::as_str)
                            .and_then(crate::date::normalize);
                    }
                    if self.names.len() < MAX_LD_NAMES
                        && let (Some(id), Some(name)) = (
                            map.get("@id").and_then(Value::as_str),
                            map.get("name").and_then(Value::as_str),
                        )
                    {
                        self.names.push((id.to_owned(), name.to_owned()));
                    }
                    for (k, child) in map {
                        if k == "@graph" || k == "mainEntity" {
                            stack.push((child, depth + 1, member));
                        } else if k == "itemListElement" || k == "item" {
                            stack.push((child, depth + 1, true));
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

fn type_names(v: Option<&Value>) -> Vec<&str> {
    match v {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Most JSON-LD entities whose `@id` and name are kept for resolving references.
const MAX_LD_NAMES: usize = 256;

/// The `@id` an author value refers to (`{"@id": "#p"}`, or the first of a list of them).
fn author_ref(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Object(o) => o.get("@id").and_then(Value::as_str).map(str::to_owned),
        Value::Array(a) => a.first().and_then(|x| author_ref(Some(x))),
        _ => None,
    }
}

fn author_name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => person(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(person),
        Value::Array(a) => {
            let names: Vec<String> = a
                .iter()
                .filter_map(|x| author_name(Some(x)))
                .take(8)
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::dom::parse;

    #[test]
    fn head_metadata() {
        let html = r#"<html lang="fr"><head><title> Le  titre | Site</title>
            <link rel="canonical" href="https://ex.org/a">
            <meta property="article:published_time" content="2024-03-01T10:00:00Z">
            <meta name="author" content="Jeanne Dupont"></head><body><h1>Le titre</h1></body></html>"#;
        let m = collect(&parse(html, 64));
        assert_eq!(m.title.as_deref(), Some("Le titre | Site"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://ex.org/a"));
        assert_eq!(m.lang.as_deref(), Some("fr"));
        assert_eq!(m.date.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(m.author.as_deref(), Some("Jeanne Dupont"));
    }

    #[test]
    fn dates_and_authors_from_every_source_read_as_dates_and_names() {
        let m = |html: &str| collect(&crate::dom::parse(html, 256));
        // A placeholder in the first source falls through to the next one; text dates read
        // into ISO 8601.
        let p = m(
            r#"<head><meta property="article:published_time" content="0001-01-01T00:00:00Z"><meta name="twitter:creator" content="@janedoe"></head><body><article><time itemprop="datePublished" datetime="November 19, 2019, 07:47 PM EST">Nov 19</time><p>By <span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span></p></article></body>"#,
        );
        assert_eq!(p.date.as_deref(), Some("2019-11-19"));
        assert_eq!(p.author.as_deref(), Some("Jane Doe"));
        // A JSON-LD author given by reference to a person of the graph; `By ` is no name.
        let p = m(
            r##"<script type="application/ld+json">{"@graph":[{"@type":"BlogPosting","author":{"@id":"#p1"},"datePublished":"2024-07-18 04:39:31Z"},{"@type":"Person","@id":"#p1","name":"By Sam Roe"}]}</script>"##,
        );
        assert_eq!(p.date.as_deref(), Some("2024-07-18T04:39:31Z"));
        assert_eq!(p.author.as_deref(), Some("Sam Roe"));
        // A `rel=author` link; the `<time>`s of one day give the page's date, those of many
        // days (a listing's cards) give none.
        let p = m(
            r#"<body><a rel="author" href="/u/kim">Kim Lee</a><time datetime="2025-03-26T10:00:00Z">x</time><time datetime="2025-03-26">y</time></body>"#,
        );
        assert_eq!(p.author.as_deref(), Some("Kim Lee"));
        assert_eq!(p.date.as_deref(), Some("2025-03-26T10:00:00Z"));
        let p = m(
            r#"<body><time datetime="2025-03-26">a</time><time datetime="2025-03-20">b</time></body>"#,
        );
        assert_eq!(p.date, None);
        assert_eq!(p.author, None);
        // A microdata date written as text; a day in the canonical URL's path when nothing
        // else dates the page, and no day from a URL naming only a month.
        let p = m(
            r#"<body><abbr class="published" itemprop="datePublished" title="x">December 19, 2025</abbr></body>"#,
        );
        assert_eq!(p.date.as_deref(), Some("2025-12-19"));
        let p = m(
            r#"<head><link rel="canonical" href="https://e.com/news/2019/11/19/title/"></head><body><p>x</p></body>"#,
        );
        assert_eq!(p.date.as_deref(), Some("2019-11-19"));
        let p = m(
            r#"<head><link rel="canonical" href="https://e.com/news/2019/11/title/"></head><body><p>x</p></body>"#,
        );
        assert_eq!(p.date, None);
        // A byline by its class: its author link's name, or its text without the label;
        // a comment's author, a label alone and a bio are no bylines.
        let p = m(
            r#"<body><div class="comment-author">Troll</div><div class="article-meta__author"><span>By: </span><a href="/people/mdt">Melissa D. Tracey</a></div></body>"#,
        );
        assert_eq!(p.author.as_deref(), Some("Melissa D. Tracey"));
        let p = m(
            r#"<body><p class="byline">Written by <a href="/author/jane-roe/">Jane Roe</a> on 3 May</p></body>"#,
        );
        assert_eq!(p.author.as_deref(), Some("Jane Roe"));
        let p = m(
            r#"<body><span class="author">Author</span><span class="byline">Kim Lee | Editor</span></body>"#,
        );
        assert_eq!(p.author.as_deref(), Some("Kim Lee"));
        // A one-word label before a colon, in any language, and a footnote mark go; the
        // topic tag in a byline row is no author.
        let p = m(
            r#"<body><div class="byline__tag"><a href="/tag/food">Food</a></div><p class="byline">Texto: Ana Lima, MD*</p></body>"#,
        );
        assert_eq!(p.author.as_deref(), Some("Ana Lima, MD"));
        let p = m(
            r#"<body><div class="author">Jane Roe has written about food for twenty years, in three countries and two languages.</div></body>"#,
        );
        assert_eq!(p.author, None);
        // Date lines by class: their one day, after a label; an update's line is no
        // publication date, and a listing's lines of many days give none.
        let p = m(
            r#"<body><p class="post-meta">Updated: May 2, 2024</p><span class="entry-date">Published: January 3, 2024</span><div class="dateline">3 January 2024</div></body>"#,
        );
        assert_eq!(p.date.as_deref(), Some("2024-01-03"));
        let p = m(
            r#"<body><div class="card-date">Jan 3, 2024</div><div class="card-date">Feb 9, 2024</div></body>"#,
        );
        assert_eq!(p.date, None);
        // A link to an author's page, when nothing else names one.
        let p = m(
            r#"<body><a href="/authors/">Authors</a><a href="https://e.com/author/sam-roe/">Sam Roe</a></body>"#,
        );
        assert_eq!(p.author.as_deref(), Some("Sam Roe"));
    }

    #[test]
    fn json_ld() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2020-01-02","author":[{"@type":"Person","name":"A B"},{"name":"C D"}]},{"@type":"Product","description":"A sturdy chair."}]}</script>"#;
        let m = collect(&parse(html, 64));
        assert_eq!(m.title.as_deref(), Some("H"));
        assert_eq!(m.date.as_deref(), Some("2020-01-02"));
        assert_eq!(m.author.as_deref(), Some("A B, C D"));
        assert_eq!(m.structured_text, vec!["A sturdy chair.".to_owned()]);
        // Descriptions of a list's members are not the page's; markup in them is decoded.
        let html = r#"<script type="application/ld+json">[{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"Movie","description":"A hidden synopsis."}}]},{"@type":"Product","description":"<p>Rock &amp; roll&apos;s chair</p>"}]</script>"#;
        let m = collect(&parse(html, 64));
        assert_eq!(m.structured_text, vec!["Rock & roll's chair".to_owned()]);
        assert_eq!(
            clean_markup("a < b and <br/>c").as_deref(),
            Some("a < b and c")
        );
        assert!(m.product);
        // A listing of products is not a product page; `og:type` says so too.
        let html = r#"<script type="application/ld+json">[{"@type":"Product","name":"A"},{"@type":"Product","name":"B"}]</script>"#;
        assert!(!collect(&parse(html, 64)).product);
        let html = r#"<meta property="og:type" content="product">"#;
        assert!(collect(&parse(html, 64)).product);
    }

    /// Cartridge's product page: no structured data, a heading in the description before the
    /// price, and a buy form whose quantity field and `add_cart` button make the buy box.
    #[test]
    fn product_page_from_an_add_cart_button() {
        let html = r#"<h1>Character Map</h1><p>Insert special characters.</p><h3>Details</h3>
            <ul><li>License: GPL-3.0+</li></ul><ul><li><span>$55.24</span></li></ul>
            <form method=post><input type=number name=quantity value=1>
            <input type=submit name=add_cart value=Buy></form>"#;
        assert!(collect(&parse(html, 64)).product);
    }

    #[test]
    fn product_page_from_microdata() {
        let card = r#"<li itemscope itemtype="https://schema.org/Product"><a itemprop="name">Lamp</a></li>"#;
        // One top-level Product item.
        let html = r#"<body><div itemscope itemtype="http://schema.org/Product"><h2 itemprop="name">Oak chair</h2><div itemprop="offers" itemscope itemtype="http://schema.org/Offer">$20</div></div></body>"#;
        assert!(collect(&parse(html, 64)).product);
        // Cards of a listing: several items, the headline in none.
        let html = format!("<body><h1>Lamps</h1><ul>{card}{card}{card}</ul></body>");
        assert!(!collect(&parse(&html, 64)).product);
        // The item holding the headline, next to related-product cards.
        let html = format!(
            r#"<body><div itemscope itemtype="http://schema.org/Product"><h1>Oak chair</h1></div><ul>{card}{card}</ul></body>"#
        );
        assert!(collect(&parse(&html, 64)).product);
        // Products nested in another item (a list's members) are not the page's.
        let html = format!(
            r#"<body><h1>Lamps</h1><ul itemscope itemtype="https://schema.org/ItemList">{card}</ul></body>"#
        );
        assert!(!collect(&parse(&html, 64)).product);
    }

    #[test]
    fn a_price_set_as_a_heading_is_the_buy_boxs() {
        // OpenCart's default theme: the price is an `<h2>` in the list under the name, the
        // button is named by neither its class nor a buying word.
        let html = "<body><div><h1>Brass Telescope</h1><ul><li>Brand: Meridian</li><li>Availability: In Stock</li></ul><ul><li><h2>$89.00</h2></li><li>Ex Tax: $74.17</li></ul><div><input type=text name=qty2 value=1><button type=button id=button-cart>Go</button></div></div></body>";
        assert!(collect(&parse(html, 64)).product);
        // A heading that is no price still ends the buy box: the page's next section.
        let section = html.replace("<h2>$89.00</h2>", "<h2>Details</h2><p>$89.00</p>");
        assert!(!collect(&parse(&section, 64)).product);
    }

    #[test]
    fn product_page_from_buy_box() {
        let buy = r#"<form><input type=number name=quantity value=1><button class="btn add-to-cart-button">Add to cart</button></form>"#;
        let html = format!("<body><h1>Oak chair</h1><p>$20</p>{buy}</body>");
        assert!(collect(&parse(&html, 64)).product);
        // A shop's listing: a buy form per card.
        let html = format!("<body><h1>Chairs</h1>{buy}{buy}{buy}{buy}</body>");
        assert!(!collect(&parse(&html, 64)).product);
        // Buy controls named in any case and spelling, in id, name or class.
        for attrs in [
            "id=AddToCart",
            "name=buy_now",
            r#"class="btn add-to-basket""#,
            r#"class="x Add_To-Bag""#,
            r#"class="add to é cart""#,
        ] {
            let html = format!("<button {attrs}>Buy</button>");
            assert!(names_buy_control(&parse(&html, 64), 1), "{attrs}");
        }
        for attrs in ["id=add-to-wishlist", "class=buy", "name=cart"] {
            let html = format!("<button {attrs}>Buy</button>");
            assert!(!names_buy_control(&parse(&html, 64), 1), "{attrs}");
        }
        // No visible quantity field (a hidden one is any form's default), or no headline.
        let html = r#"<body><h1>Oak chair</h1><form><input type=hidden name=quantity value=1><button id=addToCart>Add</button></form></body>"#;
        assert!(!collect(&parse(html, 64)).product);
        let html = format!("<body><h2>Oak chair</h2>{buy}</body>");
        assert!(!collect(&parse(&html, 64)).product);
        // A quantity `<select>`, and up to four visible buy controls (add to cart, buy now,
        // a bundle's, a sticky copy); hidden inputs named for the cart are form data.
        let buttons = r#"<input type=submit name=add-to-cart><input type=submit name=buy-now>
            <input type=hidden name=isBuyNow value=1><input type=hidden name=addToCart value=1>
            <button class=add-to-cart>Add both</button><button class=sticky-add-to-cart>Add</button>"#;
        let html = format!(
            "<body><h1>Oak chair</h1><form><select name=quantity><option>1</option></select>{buttons}</form></body>"
        );
        assert!(collect(&parse(&html, 64)).product);
        let html = format!(
            "<body><h1>Chairs</h1><form><select name=quantity><option>1</option></select>{buttons}<button class=add-to-cart>Add</button></form></body>"
        );
        assert!(!collect(&parse(&html, 64)).product);
        // Broken JSON is ignored.
        let m = collect(&parse(
            r#"<script type="application/ld+json">{"@type": </script>"#,
            64,
        ));
        assert_eq!(m, PageMeta::default());
    }
}
