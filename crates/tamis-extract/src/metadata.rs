//! Page metadata: title, canonical URL, language, publication date, author, and structured
//! data (JSON-LD) descriptions.

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
    /// Publication date as written by the page (ISO 8601 mostly).
    pub date: Option<String>,
    /// Author name.
    pub author: Option<String>,
    /// Descriptions from JSON-LD/microdata of the main entity (products, recipes, ...).
    pub structured_text: Vec<String>,
    /// The page is about one product: one JSON-LD `Product` outside lists, or `og:type`
    /// `product`.
    pub product: bool,
}

/// JSON-LD documents larger than this are not parsed (bytes).
const MAX_JSON_LD_BYTES: usize = 2 * 1024 * 1024;
/// JSON-LD nesting walked at most this deep.
const MAX_JSON_LD_DEPTH: usize = 32;

fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// [`clean`] for text that may hold HTML: JSON-LD descriptions are often written with
/// entities (`&apos;`) and tags (`<p>`, `<br>`), which a page never shows as such.
fn clean_markup(s: &str) -> Option<String> {
    let mut plain = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        plain.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open..).unwrap_or_default();
        match after.find('>') {
            // A tag when it starts like one (`<p`, `</p`, `<br/>`); `a < b` is text.
            Some(close)
                if after
                    .as_bytes()
                    .get(1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/') =>
            {
                plain.push(' ');
                rest = after.get(close + 1..).unwrap_or_default();
            }
            _ => {
                plain.push('<');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    plain.push_str(rest);
    clean(&html_escape::decode_html_entities(&plain))
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
    let mut ld = LdFacts::default();
    let mut og_product = false;
    for i in 0..dom.nodes.len() {
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
                    "og:type" if content.eq_ignore_ascii_case("product") => og_product = true,
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
                        meta_date = Some(content)
                    }
                    "author" | "article:author" | "dc.creator" | "sailthru.author"
                    | "parsely-author" | "citation_author" | "twitter:creator"
                        if meta_author.is_none() && !content.starts_with("http") =>
                    {
                        meta_author = Some(content)
                    }
                    _ => {}
                }
            }
            Tag::Script => {
                let mut s = String::new();
                dom.subtree_text(i, &mut s);
                if !s.is_empty()
                    && s.len() <= MAX_JSON_LD_BYTES
                    && let Ok(v) = serde_json::from_str::<Value>(s.trim())
                {
                    ld.walk(&v);
                }
            }
            Tag::Time
                if item_date.is_none()
                    && dom
                        .attr(i, Attr::Itemprop)
                        .is_some_and(|p| p.eq_ignore_ascii_case("datePublished")) =>
            {
                item_date = dom.attr(i, Attr::Datetime).and_then(clean);
            }
            _ => {}
        }
    }
    m.title = og_title.or(ld.headline.clone()).or(title_tag).or(h1);
    if m.canonical_url.is_none() {
        m.canonical_url = og_url;
    }
    if m.lang.is_none() {
        m.lang = og_locale;
    }
    m.date = meta_date.or(ld.date_published.clone()).or(item_date);
    m.author = meta_author.or(ld.author.clone());
    m.structured_text = ld.own_descriptions();
    m.product = og_product || ld.products == 1;
    m
}

/// Facts gathered from JSON-LD.
#[derive(Debug, Default)]
struct LdFacts {
    headline: Option<String>,
    date_published: Option<String>,
    author: Option<String>,
    descriptions: Vec<String>,
    /// The first type of the entity of each of `descriptions`.
    described_types: Vec<String>,
    /// `Product` entities outside lists.
    products: usize,
}

impl LdFacts {
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
                                .and_then(clean);
                        }
                        if self.author.is_none() {
                            self.author = author_name(map.get("author"));
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
                            .and_then(clean);
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

fn author_name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(clean),
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
        // Broken JSON is ignored.
        let m = collect(&parse(
            r#"<script type="application/ld+json">{"@type": </script>"#,
            64,
        ));
        assert_eq!(m, PageMeta::default());
    }
}
