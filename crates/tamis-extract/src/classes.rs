//! Boilerplate vocabulary of `class`/`id` attribute values.
//!
//! Front-end frameworks and CMS themes name their page regions with a small, shared
//! vocabulary (`nav`, `sidebar`, `breadcrumb`, `share`, `cookie-banner`, ...). Readability's
//! `unlikelyCandidates` pattern and trafilatura's boilerplate XPaths rely on the same idea; the
//! lists here are our own, grouped by what they mark. They are matched on tokens of the
//! lowercased attribute value split at non-alphanumerics (`site-nav__list` → `site`, `nav`,
//! `list`), plus a few substrings for words that themes glue together (`navbar`, `sidebarleft`).

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// What a class/id says about its element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClassHints {
    /// Navigation, chrome, ads, sharing, cookie banners: not content.
    pub boilerplate: bool,
    /// User comments of an article (kept on forum pages).
    pub comments: bool,
    /// Content markers (`content`, `article`, `post`, `entry`, `main`, `body`, `text`) as the
    /// last marker of a name (`post-most-popular-list` is no content marker).
    pub content: bool,
    /// Hidden text (`hidden`, `hide` and screen-reader-only classes).
    pub hidden: bool,
    /// Screen-reader-only text (`sr-only`, `visually-hidden`): never shown, even on click.
    pub screen_reader: bool,
    /// A panel that a click opens (accordion, collapse, tab, FAQ answer).
    pub disclosure: bool,
    /// Customer reviews (of a product, a service): pruned like comments, but never taken
    /// for a forum thread.
    pub reviews: bool,
    /// A name holds a weak boilerplate token that no content token follows (see
    /// [`WEAK_BOILERPLATE_TOKENS`]).
    pub weak: bool,
    /// A shop's chrome around a product (delivery, returns, payment, loyalty): boilerplate on
    /// product pages only.
    pub commerce: bool,
    /// Boilerplate by a strong token or substring (not only by a weak token).
    pub strong: bool,
    /// The word `short` (the short form of a value shown in two forms, see
    /// `content::should_prune`), as [`crate::content::class_has_word`] reads words: pruning
    /// asks it of every element.
    pub short: bool,
    /// A class name positioning the element over the page (`fixed`, `fixed-top`: see
    /// `content::fixed_overlay`), in any letter case.
    pub fixed: bool,
    /// The word `product` or `products` (a product card, see `content::names_product`), as
    /// [`crate::content::class_has_word`] reads words.
    pub product: bool,
    /// A signature (`signature`): a forum post's, which closes the post, or an API
    /// member's (`member-signature`), which opens its description. See
    /// [`SIGNATURE_TOKENS`].
    pub signature: bool,
    /// The word `author`, `authors` or `byline` (a byline, see `metadata`), as tokens are
    /// split here.
    pub byline: bool,
    /// A word naming a date line (`date`, `pubdate`, `published`, `posted`, `timestamp`; see
    /// `metadata`), as tokens are split here.
    pub dated: bool,
}

impl ClassHints {
    /// The hints as bits, one per field (for a per-element table, see
    /// [`crate::dom::Dom::class_hints`]).
    pub fn pack(self) -> u16 {
        [
            self.boilerplate,
            self.comments,
            self.content,
            self.hidden,
            self.screen_reader,
            self.disclosure,
            self.reviews,
            self.weak,
            self.commerce,
            self.strong,
            self.short,
            self.fixed,
            self.product,
            self.signature,
            self.byline,
            self.dated,
        ]
        .iter()
        .enumerate()
        .fold(0, |bits, (k, &on)| bits | (u16::from(on) << k))
    }

    /// The hints packed by [`ClassHints::pack`].
    pub fn unpack(bits: u16) -> Self {
        let on = |k: u16| bits & (1 << k) != 0;
        ClassHints {
            boilerplate: on(0),
            comments: on(1),
            content: on(2),
            hidden: on(3),
            screen_reader: on(4),
            disclosure: on(5),
            reviews: on(6),
            weak: on(7),
            commerce: on(8),
            strong: on(9),
            short: on(10),
            fixed: on(11),
            product: on(12),
            signature: on(13),
            byline: on(14),
            dated: on(15),
        }
    }
}

/// Whole tokens that mark boilerplate, whatever else the attribute says.
const BOILERPLATE_TOKENS: &[&str] = &[
    // `robots-nocontent`: the marker of text that crawlers should not index (Yahoo's).
    "nocontent",
    "nav",
    "navbar",
    "navigation",
    "navlinks",
    "menu",
    "menus",
    "submenu",
    "megamenu",
    "menubar",
    "footer",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "crumbs",
    "share",
    "shares",
    "sharing",
    "sharebar",
    "social",
    "socials",
    "socialmedia",
    "related",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "newsletters",
    "subscribe",
    "signup",
    "advert",
    "advertisement",
    "advertising",
    "adsense",
    "adslot",
    "dfp",
    "sponsor",
    "sponsored",
    "outbrain",
    "taboola",
    "recirculation",
    "recirc",
    "pagination",
    "pager",
    "tagcloud",
    "skiplink",
    "subnav",
    "sitemap",
    "paywall",
    "searchform",
    // Forum software: the poster's card next to each post (join date, post count, rank) and
    // signatures (phpBB `postprofile`, vBulletin `userinfo`, XenForo `message-userDetails`).
    "userdetails",
    "userextras",
    "userinfo",
    "userstats",
    "usertitle",
    "postprofile",
    // Avatars (an image, or the poster's initial when there is none) and the "Click to
    // expand..." link of a quoted post (XenForo `bbCodeBlock-expandLink`).
    "avatar",
    "avatars",
    "expandlink",
    "jswarning",
    // A post's edit note ("Last edited: Oct 29, 2023", "This post was last modified ... by
    // ..."): XenForo `message-lastEdit`, MyBB `edited_post`, vBulletin `lastedited`.
    "lastedit",
    "lastedited",
    "edited",
    "editedby",
];

/// Tokens that mark boilerplate unless a content token is present too (`promo article-body`,
/// `article modal-enabled`) and comes after them within a compound name (`toc-content` is
/// content, `post-most-popular-list` and `entry-author` are not).
const WEAK_BOILERPLATE_TOKENS: &[&str] = &[
    "promo",
    "promos",
    "popup",
    "modal",
    // A subscription box; on a shop, a product sold by subscription (`product-card
    // subscription-eligible`).
    "subscription",
    "skip",
    "masthead",
    "topbar",
    "toolbar",
    "dropdown",
    "offcanvas",
    "login",
    "signin",
    "recommended",
    "recommendations",
    "trending",
    "popular",
    "toc",
    "disclaimer",
    // Fine print under a page (`copy-legal`: the footnotes of a pricing claim); a page's
    // legal text itself is named as content (`legal-content`).
    "legal",
    "copyright",
    "author-bio",
    "bio",
    "utility",
    "jump",
    "tooltip",
    "lightbox",
    "credit",
    "credits",
    "byline",
    "bylines",
    // Author boxes and bylines (`author-card`, `c-author`); `author-content` is not.
    "author",
    // Calls to action: "Request a quote", "Book a demo" banners between sections.
    "cta",
    // Site notices ("The forum moves on Friday") and badges ("New", "Best seller", "4.8 ★").
    "notice",
    "notices",
    "badge",
    "badges",
    // Links to the previous and next post, and the filter and sort controls of listings.
    "prev",
    "previous",
    "filter",
    "filters",
    "facet",
    "facets",
    "sort",
    "sorting",
];

/// Weak tokens that name a container rather than what it holds (a product's details open in
/// a modal): they do not head a compound name.
const CONTAINER_TOKENS: &[&[u8]] = &[
    b"modal",
    b"popup",
    b"lightbox",
    b"offcanvas",
    b"dropdown",
    b"tooltip",
];

/// Substrings that mark boilerplate even inside glued words.
const BOILERPLATE_SUBSTRINGS: &[&str] = &[
    "sidebar",
    "navbar",
    "breadcrumb",
    "cookie",
    "newsletter",
    "socialshare",
    "sharing",
    "share-",
    "disqus",
    "outbrain",
    "taboola",
    "advert",
    "related-",
    "relatedpost",
    "megamenu",
    "footer",
    "subscribe",
    "popup",
    "mainnav",
    "topnav",
    "sitenav",
    "author-bio",
    "authorbio",
    "author-box",
    "authorbox",
    "about-author",
    "abouttheauthor",
    "about-the-author",
    // Captions of images (as `<figcaption>`, which is pruned by its tag).
    "wp-caption-text",
    "image-caption",
    "img-caption",
    "photo-caption",
    "media-caption",
    "imagecaption",
    "photocaption",
    // Forum poster cards (see the tokens above): `MessageCard__user-info`, FluxBB `postleft`.
    "user-info",
    "user_info",
    "user-details",
    "user_details",
    "postleft",
    "postfootleft",
];

/// Tokens of a shop's chrome around a product: delivery and returns blurbs, payment and trust
/// badges, unique-selling-point strips, loyalty points, cross-sell shelves. Boilerplate only
/// on a product page: a logistics company's "delivery" section is its content.
const COMMERCE_TOKENS: &[&str] = &[
    "shipping",
    "delivery",
    "returns",
    "payment",
    "payments",
    "klarna",
    "afterpay",
    "trust",
    "trustpilot",
    "badges",
    "usp",
    "usps",
    "reward",
    "rewards",
    "loyalty",
    "upsell",
    "upsells",
    "crosssell",
    "recently",
    // Shop reassurance strips: PrestaShop's `blockreassurance` module, buyer protections,
    // price and satisfaction guarantees.
    "reassurance",
    "blockreassurance",
    "protections",
    "guarantee",
    "guarantees",
    // Slides next to a product: similar items, recently viewed, reviews (its image gallery
    // holds no text).
    "carousel",
];

/// Tokens that mark user comments.
const COMMENT_TOKENS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "respond",
    "replies",
    "discussion",
    "disqus",
    "reviews",
];

/// Tokens that mark customer reviews (also comment tokens).
const REVIEW_TOKENS: &[&str] = &["review", "reviews", "testimonial", "testimonials"];

/// Tokens of a signature: forum software's under each post (phpBB `signature`, XenForo
/// `message-signature`), and API documentation's above each member (Javadoc
/// `member-signature`). Where it stands tells them apart (`should_prune`).
const SIGNATURE_TOKENS: &[&str] = &["signature", "signatures"];

/// Tokens that mark content.
const CONTENT_TOKENS: &[&str] = &[
    "content",
    "article",
    "post",
    "entry",
    "main",
    "body",
    "text",
    "story",
    "blog",
    "prose",
    "markdown",
    "richtext",
    "description",
    "product",
    "documentation",
    "docs",
];

/// Class names of screen-reader-only text.
const SCREEN_READER_TOKENS: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "visually-hidden",
    "visuallyhidden",
];

/// Class names of hidden elements.
pub(crate) const HIDDEN_TOKENS: &[&str] = &["hidden", "hide"];

/// Class names that hide an element from print (Bootstrap `d-print-none`, `hidden-print`;
/// Tailwind `print:hidden`; MediaWiki `noprint`): the page's own print stylesheet marks it as
/// chrome (menus, share and print bars, sign-up boxes), not the document.
const PRINT_HIDDEN_CLASSES: &[&str] = &[
    "print:hidden",
    "d-print-none",
    "hidden-print",
    "noprint",
    "no-print",
    "print-hidden",
    "donotprint",
    "do-not-print",
];

/// Tokens of panels opened by a click: accordions, collapsible sections, tabs, FAQ answers.
const DISCLOSURE_TOKENS: &[&str] = &[
    "accordion",
    "collapse",
    "collapsible",
    "collapsed",
    "expandable",
    "tabpanel",
    "tabcontent",
    "faq",
    "faqs",
    "answer",
];

const BOILER: u8 = 1;
const WEAK: u8 = 2;
const COMMENT: u8 = 4;
const CONTENT: u8 = 8;
const REVIEW: u8 = 16;
const DISCLOSURE: u8 = 32;
const COMMERCE: u8 = 64;
const SIGNATURE: u8 = 128;

/// Token → flags, built once.
static TOKENS: LazyLock<HashMap<&'static [u8], u8, ahash::RandomState>> = LazyLock::new(|| {
    // aHash: every class and id token of a page is looked up; SipHash took ~5% of extraction.
    let mut m: HashMap<&'static [u8], u8, ahash::RandomState> = HashMap::default();
    for (list, flag) in [
        (BOILERPLATE_TOKENS, BOILER),
        (WEAK_BOILERPLATE_TOKENS, WEAK),
        (COMMENT_TOKENS, COMMENT),
        (CONTENT_TOKENS, CONTENT),
        (REVIEW_TOKENS, REVIEW),
        (DISCLOSURE_TOKENS, DISCLOSURE),
        (COMMERCE_TOKENS, COMMERCE),
        (SIGNATURE_TOKENS, SIGNATURE),
    ] {
        for t in list {
            *m.entry(t.as_bytes()).or_default() |= flag;
        }
    }
    m
});

/// The (length, first byte) shapes of the keys of [`TOKENS`]: bit `first % 32` of entry
/// `min(length, 31)`. Most tokens of a page's class values (`col`, `md`, `elementor`,
/// `wrapper`) have a shape no key has, and are not hashed (see [`token_shape_listed`]).
static TOKEN_SHAPES: LazyLock<[u32; 32]> = LazyLock::new(|| {
    let mut shapes = [0u32; 32];
    for t in TOKENS.keys() {
        if let (Some(s), Some(&b)) = (shapes.get_mut(t.len().min(31)), t.first()) {
            *s |= 1 << (b % 32);
        }
    }
    shapes
});

/// Whether a key of [`TOKENS`] may be `tok` (false: none is).
fn token_shape_listed(tok: &[u8]) -> bool {
    let (Some(s), Some(&b)) = (TOKEN_SHAPES.get(tok.len().min(31)), tok.first()) else {
        return false;
    };
    s >> (b % 32) & 1 != 0
}

/// One automaton for all boilerplate substrings (ASCII case-insensitive).
static SUBSTRINGS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(BOILERPLATE_SUBSTRINGS)
        .ok()
});

/// Whether a class/id word (lowercase) names a date line (`ClassHints::dated`).
fn names_date(tok: &[u8]) -> bool {
    matches!(
        tok,
        b"date"
            | b"datetime"
            | b"pubdate"
            | b"postdate"
            | b"publishdate"
            | b"dateline"
            | b"published"
            | b"posted"
            | b"timestamp"
    )
}

/// Classifies one `class` or `id` value.
pub fn classify(value: &str, out: &mut ClassHints) {
    if value.is_empty() {
        return;
    }
    let mut lower_buf = [0u8; 256];
    let bytes = value.as_bytes();
    let n = bytes.len().min(lower_buf.len());
    for (d, s) in lower_buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    let lower = lower_buf.get(..n).unwrap_or_default();
    // A value longer than the buffer is read whole for `short`, `fixed` and `product`, whose
    // answers must not depend on the cut (a cut `shortcut` would read `short`).
    let cut = n < bytes.len();
    if cut {
        out.short |= crate::content::value_has_word(value, &["short"]);
        out.fixed |= crate::content::names_fixed(value);
        out.product |= crate::content::value_has_word(value, crate::content::PRODUCT_WORDS);
    }
    let orig = bytes.get(..n).unwrap_or_default();
    // Most values have no uppercase letter, hence no camelCase word to look for below.
    let cased = orig.iter().any(u8::is_ascii_uppercase);
    let mut flags = 0u8;
    // Whole class names (split on whitespace) for the hidden markers, which contain '-'.
    let mut pos = 0;
    for cls in lower.split(|c| c.is_ascii_whitespace()) {
        let cls_start = pos;
        pos += cls.len() + 1;
        if cls.is_empty() {
            continue;
        }
        if !cut {
            out.fixed |= crate::content::FIXED_CLASSES
                .iter()
                .any(|f| f.as_bytes() == cls);
        }
        if HIDDEN_TOKENS.iter().any(|t| t.as_bytes() == cls) {
            out.hidden = true;
        }
        if PRINT_HIDDEN_CLASSES.iter().any(|t| t.as_bytes() == cls) {
            flags |= BOILER;
            continue;
        }
        if SCREEN_READER_TOKENS.iter().any(|t| t.as_bytes() == cls) {
            out.hidden = true;
            out.screen_reader = true;
        }
        // "ad"/"ads" name an ad slot only in short names (`ad`, `ad-slot`, `top-ads`), not as
        // a modifier at the end of a long one (`hide-read-more-ad`).
        let mut count = 0;
        let mut ad = false;
        // Which of a content and a weak token comes last in this name: the last word of a
        // compound name is its head (`post-most-popular-list` is a list of popular posts,
        // `toc-content` is content). Container words do not head a name (`product-modal`).
        let mut head = 0u8;
        let mut name_flags = 0u8;
        // An editorial review (`editorialReviews`, `editorial-review`: the publisher's blurbs,
        // critics' quotes) is the product's own description, not its customers' reviews.
        let mut editorial = false;
        let mut lookup = |tok: &[u8]| {
            if !token_shape_listed(tok) {
                return;
            }
            if let Some(f) = TOKENS.get(tok) {
                name_flags |= f;
                if f & (CONTENT | WEAK) != 0 && !CONTAINER_TOKENS.contains(&tok) {
                    head = f & (CONTENT | WEAK);
                }
            }
        };
        let mut k = 0;
        while k < cls.len() {
            if !cls.get(k).is_some_and(u8::is_ascii_alphanumeric) {
                k += 1;
                continue;
            }
            let start = k;
            while cls.get(k).is_some_and(u8::is_ascii_alphanumeric) {
                k += 1;
            }
            let tok = cls.get(start..k).unwrap_or_default();
            count += 1;
            editorial |= tok.starts_with(b"editorial");
            out.short |= !cut && tok == b"short";
            out.product |= !cut && matches!(tok, b"product" | b"products");
            out.byline |= matches!(tok, b"author" | b"authors" | b"byline");
            out.dated |= names_date(tok);
            ad |= tok == b"ad" || tok == b"ads";
            lookup(tok);
            // The last camelCase word of the token too (`imageEmbedCredit` is a credit line):
            // each lowercase-to-uppercase step starts a word.
            if !cased {
                continue;
            }
            let o = orig
                .get(cls_start + start..cls_start + k)
                .unwrap_or_default();
            let mut w = 0;
            for j in 1..o.len() {
                if o.get(j - 1).is_some_and(u8::is_ascii_lowercase)
                    && o.get(j).is_some_and(u8::is_ascii_uppercase)
                {
                    w = j;
                }
            }
            if w > 0 {
                let last = tok.get(w..).unwrap_or_default();
                lookup(last);
                out.dated |= names_date(last);
            }
        }
        if editorial {
            name_flags &= !(COMMENT | REVIEW);
        }
        flags |= name_flags;
        if ad && count <= 2 {
            flags |= BOILER;
        }
        if head & CONTENT != 0 {
            out.content = true;
        } else if name_flags & WEAK != 0 {
            out.weak = true;
        }
    }
    out.comments |= flags & COMMENT != 0;
    out.reviews |= flags & REVIEW != 0;
    out.disclosure |= flags & DISCLOSURE != 0;
    out.commerce |= flags & COMMERCE != 0;
    out.signature |= flags & SIGNATURE != 0;
    if flags & BOILER != 0 || (out.weak && !out.content) {
        out.boilerplate = true;
    }
    out.strong |= flags & BOILER != 0;
    if !out.strong && SUBSTRINGS.as_ref().is_some_and(|ac| ac.is_match(lower)) {
        out.boilerplate = true;
        out.strong = true;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn hints(v: &str) -> ClassHints {
        let mut h = ClassHints::default();
        classify(v, &mut h);
        h
    }

    #[test]
    fn packing_keeps_every_hint() {
        for bits in 0..=u16::MAX {
            assert_eq!(ClassHints::unpack(bits).pack(), bits);
        }
        let h = hints("comments-area sr-only");
        assert_eq!(ClassHints::unpack(h.pack()), h);
    }

    #[test]
    fn every_listed_token_passes_the_shape_filter() {
        for t in TOKENS.keys() {
            assert!(token_shape_listed(t), "{t:?}");
        }
        assert!(!token_shape_listed(b""));
        assert!(!token_shape_listed(b"wrapper") && !token_shape_listed(b"elementor"));
    }

    #[test]
    fn tokens_and_substrings() {
        assert!(hints("site-nav__list").boilerplate);
        assert!(hints("mySidebarLeft").boilerplate);
        assert!(hints("social-share-buttons").boilerplate);
        assert!(!hints("navigator-article").boilerplate);
        assert!(!hints("entry-content").boilerplate);
        assert!(hints("entry-content").content);
        assert!(hints("comment-list").comments);
        assert!(hints("message-userDetails").boilerplate);
        assert!(hints("MessageCard__user-info").boilerplate);
        assert!(hints("wp-caption-text").boilerplate);
        assert!(!hints("item-caption").boilerplate);
        assert!(!hints("message-body").boilerplate);
        assert!(hints("product-reviews").comments && hints("product-reviews").reviews);
        assert!(!hints("comment-list").reviews);
        assert!(hints("sr-only").hidden);
        assert!(!hints("hidden-xs").hidden);
        assert!(!hints("headline shadow").boilerplate);
        assert!(hints("promo").boilerplate);
        assert!(!hints("promo article-body").boilerplate);
        assert!(hints("related-posts").boilerplate);
        assert!(hints("x ad-slot").boilerplate);
        assert!(!hints("grid-items hide-read-more-ad").boilerplate);
        assert!(hints("author-card").boilerplate && hints("cta-banner").boilerplate);
        assert!(!hints("author-content").boilerplate);
        // The head of a compound name decides: a list of popular posts is no post.
        assert!(hints("post-most-popular-list").boilerplate);
        assert!(hints("entry-author").boilerplate);
        assert!(!hints("toc-content").boilerplate);
        assert!(!hints("pipf-product-details-modal").boilerplate);
        assert!(hints("modal").boilerplate && hints("popup-inner").boilerplate);
        assert!(hints("message-avatar").boilerplate && hints("bbCodeBlock-expandLink").boilerplate);
        // The last word of a camelCase token counts too; the others do not (`navSource` is
        // where a scroll-spy menu takes its sections from).
        assert!(hints("InlineImage-imageEmbedCredit").boilerplate);
        assert!(hints("ServiceRequestCta_root").boilerplate);
        assert!(!hints("lm_navSource").boilerplate);
        assert!(hints("p-notice").boilerplate && hints("product-badge").boilerplate);
        assert!(hints("post-prev").boilerplate && hints("search-filters").boilerplate);
        assert!(hints("product-shipping-info").commerce);
        assert!(hints("mt-12 print:hidden").strong && hints("d-print-none row").boilerplate);
        assert!(!hints("print-only").boilerplate);
        assert!(!hints("product-shipping-info").boilerplate);
        assert!(hints("blockreassurance_product").commerce && hints("blocReassurance").commerce);
        assert!(hints("listing-buyer-protections").commerce && hints("price-guarantee").commerce);
    }

    #[test]
    fn hidden_disclosure_and_weak_tokens() {
        assert!(hints("hidden").hidden && hints("js hide").hidden);
        assert!(!hints("hidden").screen_reader);
        assert!(hints("visually-hidden").screen_reader);
        assert!(hints("accordion__content").disclosure);
        assert!(hints("faq-answer").disclosure);
        assert!(!hints("entry-content").disclosure);
        // Weak tokens need no content token to mark boilerplate.
        assert!(hints("modal").boilerplate && hints("toc").boilerplate);
        assert!(!hints("post toc").boilerplate);
        assert!(hints("subscription-box").boilerplate);
        assert!(!hints("product-card subscription-eligible").boilerplate);
        // Content and comment tokens together: comments stay comments.
        let h = hints("comment-body");
        assert!(h.comments && h.content && !h.boilerplate);
        // Strong tokens win over content tokens.
        assert!(hints("content sidebar").boilerplate);
    }

    #[test]
    fn class_and_id_values_combine_and_long_values_are_safe() {
        let mut h = ClassHints::default();
        classify("entry", &mut h);
        classify("promo", &mut h);
        // `promo` is weak and the element's other attribute says content.
        assert!(h.content && !h.boilerplate);
        // Values longer than the lowercase buffer are read in part, without a panic.
        assert!(hints(&format!("sidebar {}", "x".repeat(1000))).boilerplate);
        assert!(hints(&format!("{} nav", "é".repeat(100))).boilerplate);
        assert_eq!(hints(""), ClassHints::default());
    }

    #[test]
    fn editorial_reviews_are_no_customer_reviews() {
        for v in [
            "editorialReviews_feature_div",
            "editorial-reviews",
            "editorial_review",
        ] {
            let h = hints(v);
            assert!(!h.reviews && !h.comments, "{v}");
        }
        // Only the name holding the word: another name of the value still counts.
        let h = hints("editorialReviews customer-reviews");
        assert!(h.reviews && h.comments);
        assert!(hints("customerReviews").reviews);
    }

    #[test]
    fn date_line_words_also_as_the_last_camel_case_word() {
        for v in [
            "post-date",
            "datetime",
            "storyDate",
            "entry-published",
            "dateline",
        ] {
            assert!(hints(v).dated, "{v}");
        }
        for v in ["update", "dates-list", "candidate", "mandate"] {
            assert!(!hints(v).dated, "{v}");
        }
    }
}
