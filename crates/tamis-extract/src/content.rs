//! Main-content selection: pruning of boilerplate regions and choice of the content root.
//!
//! Three passes over the pre-ordered arena, all loops:
//!
//! 1. **Prune** (forward, parents first): elements that are never content by their tag
//!    (`nav`, `footer`, `aside`, forms controls, media, `<header>` outside an article, `<small>`
//!    side comments (credits, fine print), form
//!    labels that wrap no block, short wrappers of text-entry fields; elements whose whole text
//!    is a hexadecimal identifier such as a UUID; blocks of "Lorem ipsum" placeholder text),
//!    their ARIA role (`navigation`, `banner`, `contentinfo`, `complementary`, ...), hidden
//!    state (`hidden`, `aria-hidden="true"`, `display:none`, hidden and screen-reader-only
//!    classes) or their `class`/`id` vocabulary
//!    ([`crate::classes`]). Guards: a hidden-state or class rule never removes a region that
//!    holds more than [`MAX_PRUNED_SHARE`] of the page's text (a wrapper named
//!    `page-with-sidebar` is not a sidebar; streaming renderers ship the whole page in a
//!    `<div hidden>`); a class rule never removes a region holding the page's `<h1>` or
//!    `<main>`, nor a region named only by a weak token that holds
//!    [`MIN_WEAK_PARAGRAPHS`] long paragraphs; collapsed accordion, tab and FAQ panels are
//!    kept despite their hidden state.
//!    Comment regions are pruned unless they hold most of the page's text (forums) and the
//!    best prose outside them is short next to them (a topic post, not a blog post with a
//!    long thread, see [`MIN_ARTICLE_SHARE_OF_COMMENTS`]); customer reviews never count as a
//!    forum.
//!    A region named like boilerplate whose text is mostly a `<blockquote>` is an embedded
//!    post (tweet) quoted by the text, and kept. A region (even an `<article>`, and whatever
//!    its share of the text) that opens with a heading named like boilerplate
//!    (`<h3 class=related-posts-title>`) is the block that the heading titles, and pruned.
//! 2. **Blocks** (forward): each text node belongs to its nearest block element; per block we
//!    count characters, characters inside links, links and sentence punctuation. Links inside
//!    a fragment of code (`<code><a>String</a> <a>trim</a>()</code>) are cross-references of
//!    an API reference's signatures, and count as text.
//! 3. **Value** (reverse, children before parents): each block gets a value — its non-link
//!    characters if it reads like prose (jusText's "good" class: long enough, not link
//!    dense), a penalty equal to its link text if it is a short-link cluster (navigation),
//!    a small constant penalty for short fragments (none for data-table cells; the cells of a
//!    grid of data, such as a pricing table, are worth their non-link text) — and each
//!    element sums the values of its subtree. The content root is the element with the
//!    highest sum (the maximum-sum subtree: going up from the article adds its boilerplate
//!    neighbours' penalties, so the sum stops growing at the article's container). Ties go to
//!    the outermost element so headings and captions next to the prose are kept. A body that
//!    wins holds the page's wrapper and what the site lays beside it (pop-ups, drawers,
//!    footers): the root is chosen again inside a child of the body that holds most of its
//!    value (see [`MIN_INSIDE_BODY_SHARE`]). Then, as in
//!    Readability, siblings of the root worth [`SIBLING_SHARE`] of its value join it; before
//!    that, a root holding one `<main>` or `<article>` (or `articleBody`) worth most of its
//!    value narrows to it. Last, in an article's root, image captions and credits that are not
//!    `<figcaption>` (a short line whose wrappers hold only it and an image) are pruned, unless
//!    they are many (image tiles, see [`MAX_CAPTION_SHARE`]); and a root next to a grid of
//!    product cards (a category's description) grows to hold the grid too, on pages that are
//!    not one product's ([`MIN_PRODUCT_CARDS`]). Paragraphs of an article that are one
//!    headline link ("read also" teasers) are pruned too, and so are standfirsts (deks) and
//!    groups of teaser cards (an image link and a title link to one address, a short blurb).
//!    On a product page, the product's microdata description (else its list of features
//!    under its name, `feature_list`) joins the root (see `join_description`), and groups of cards of other products in the root (an image, a
//!    link and a price each: recommendations) are pruned. On any page, a section whose title
//!    names customer reviews ("Customer Reviews", "Ratings & Reviews") is pruned from the
//!    root, whatever its class names.
//!
//! Pages where no prose region stands out are scored again as listings (records: repeated
//! siblings of one tag and class count for their text), see [`LISTING_FACTOR`].
//!
//! Cost: each pass is linear in the nodes; a rule that looks into a candidate's subtree or
//! along its siblings must be bounded (a card's size in nodes, a look-back window, a memo of
//! the previous answer), since nested wrappers ask every level in turn and the depth cap is
//! [`crate::ExtractConfig::max_depth`]. `bench/extraction_hostile.sh` measures generated pages
//! built against each such scan. The time budget ([`PruneOptions::deadline`]) is the last
//! guard, not the plan.
//!
//! Holdout check of the constants marked "tuned on the development pages": the development
//! pages were split in two halves by a hash of their id (`bench/extraction_split.py`); moving
//! each constant to either side of its value did not help the held-out half.

use crate::classes::ClassHints;
use crate::dom::{Attr, Dom, NONE};
use crate::tag::Tag;
use std::time::Instant;

/// A class/id rule never prunes a region holding more than this share of the page's text.
/// Our choice, tuned on the development pages: real sidebars and menus stay well below.
pub const MAX_PRUNED_SHARE: f32 = 0.5;

/// Comment regions holding more than this share of the page's text are the content (forum
/// threads, Q&A pages), not an article's comment section. Our choice.
pub const MIN_FORUM_COMMENT_SHARE: f32 = 0.4;

/// When comment regions hold a forum's share of the page, they are still an article's comment
/// section if the best prose region outside them is worth at least this share of their text.
/// Our choice.
pub const MIN_ARTICLE_SHARE_OF_COMMENTS: f32 = 0.3;

/// How many element siblings before a comment body [`under_own_heading`] looks back for the
/// reply's heading (a panel of changed fields may sit between). Our choice.
pub const MAX_REPLY_HEAD_SIBLINGS: u32 = 2;

/// An element holding a text-entry form field and at most this many characters of text is
/// the field's wrapper (label, hint, button). Our choice: a field label with a line of help.
pub const MAX_FIELD_WRAPPER_CHARS: u32 = 120;

/// A `<main>`/`<article>` element worth this share of the root's value becomes the root. Our
/// choice.
pub const MIN_ARTICLE_ELEMENT_SHARE: f32 = 0.75;

/// In article mode, a `<main>` element (or `role=main`) worth this share of the root's value
/// becomes the root: HTML has one `<main>` per page, holding its own content, so what the root
/// adds around it are the site's boxes (pop-ups, drawers, rails). Our choice.
pub const MIN_MAIN_SHARE: f32 = 0.5;

/// In listing mode, a `<main>`/`<article>` element worth this share of the root's value
/// becomes the root. Our choice: 0.75 (as in article mode) lost a category's description
/// outside `<main>` on the tuning half.
pub const MIN_LISTING_MAIN_SHARE: f32 = 0.9;
/// On a product page, [`MIN_ARTICLE_ELEMENT_SHARE`] is this lower share: a shop's theme puts
/// its cart drawer, gift and store panels outside `<main>`, and they hold more prose than a
/// news site's chrome. Our choice (one value tried).
pub const MIN_PRODUCT_MAIN_SHARE: f32 = 0.5;

/// Minimum characters of non-link text for a block to count as prose without punctuation
/// (jusText's `length_low` is 70 with stop-word checks; we have no stop-word lists, so we ask
/// for a little less text plus punctuation, or a little more without).
pub const MIN_PROSE_CHARS: u32 = 60;
/// Minimum characters of a block that ends sentences (`.`, `!`, `?`, CJK full stops).
pub const MIN_SENTENCE_CHARS: u32 = 25;
/// A block whose link characters exceed this fraction of its text is a link cluster
/// (jusText `max_link_density` is 0.2 for good blocks; navigation is near 1.0).
pub const MAX_LINK_DENSITY: f32 = 0.5;
/// Link text length (chars) from which a link reads as the title of a content card
/// (headline, product name) rather than navigation ("Home", "About us", "Contact").
pub const MIN_TITLE_LINK_CHARS: u32 = 30;
/// In listing mode, value per character of title links and headings (navigation links count
/// -1 per character, prose +1). Our choice: positive so that cards of headlines win over
/// menus, well below prose.
pub const TITLE_WEIGHT: f32 = 0.3;
/// Minimum number of siblings sharing tag and class to be records of a listing.
pub const MIN_RECORDS: usize = 3;
/// Minimum average characters of records (menu items are shorter).
pub const MIN_RECORD_CHARS: u64 = 40;
/// In listing mode, value per character of a record's text. Our choice: half of prose, so a
/// listing must hold about twice the text of the best prose region to win.
pub const RECORD_WEIGHT: f32 = 0.5;
/// Link share from which a record reads as a teaser (headline card) rather than a paragraph.
pub const MIN_TEASER_LINK_DENSITY: f32 = 0.2;
/// In article mode, value per character of teaser records ("more stories" boxes): slightly
/// negative, so an article's root does not grow to take them in.
pub const TEASER_WEIGHT: f32 = -0.3;
/// A page is scored as a listing when its best listing value exceeds this multiple of its
/// best prose value. Our choice, tuned on the development pages.
pub const LISTING_FACTOR: f32 = 3.0;
/// A page whose prose is worth less than [`MIN_ARTICLE_VALUE`] stays an article when the
/// listing scoring takes the whole `<body>` and is worth at most this multiple of the prose.
/// Our choice: 1.4 to 3.0 score alike on the development pages; 3.0 ([`LISTING_FACTOR`])
/// loses a short catalogue page of 20 items (snapshot fixture `10-0615235.com`).
pub const MAX_SHORT_PAGE_LISTING_FACTOR: f32 = 1.5;
/// ...and when one group of records (the children of one parent) is worth more than this
/// multiple of the best prose value: a listing value summed over the article and the teaser
/// boxes around it (sidebars of "most read", "featured") does not make a listing. Our choice:
/// on the tuning half, the one article flipped by teasers had 0.89, listings 3.1 and more.
pub const MIN_RECORD_GROUP_FACTOR: f32 = 1.5;
/// Groups of records with a member holding more than this share of the page's text are the
/// page's layout regions (unnamed `<div>`s), and do not count for
/// [`MIN_RECORD_GROUP_FACTOR`].
pub const MAX_RECORD_REGION_SHARE: f32 = 0.5;
/// A page whose best prose region is worth less than this (about characters of prose) is
/// scored again as a listing. Our choice, tuned on the development pages.
pub const MIN_ARTICLE_VALUE: f32 = 300.0;
/// A sibling of the root joins it when its value is at least this share of the root's
/// (Readability: `max(10, topCandidate.score * 0.2)`; 0.3 measured slightly better on
/// both halves of the development pages)...
pub const SIBLING_SHARE: f32 = 0.3;
/// ...and at least this value.
pub const SIBLING_MIN_VALUE: f32 = 10.0;
/// A body chosen as the root gives way to its child worth at least this share of the body's
/// value (see `inside_body`). Our choice, tuned on the development pages with hashed classes:
/// 0.8 and 0.7 narrowed fewer pages, 0.5 took one section of a service page.
pub const MIN_INSIDE_BODY_SHARE: f32 = 0.6;
/// How far inside a tab panel a root may lie and still grow to the widget's panels (see
/// `join_tab_panels`).
pub const MAX_TAB_PANEL_DEPTH: usize = 3;
/// Text length (non-whitespace characters) of an image caption or credit line.
pub const MIN_CAPTION_CHARS: u32 = 15;
/// See [`MIN_CAPTION_CHARS`].
pub const MAX_CAPTION_CHARS: u32 = 400;
/// Captions are pruned from an article's root only while they hold at most this share of its
/// text: image tiles with a line each (a services page's features) are content. Our choice,
/// tuned on the development pages (0.05 and 0.1 measured the same, 0.2 dropped a product's
/// text on the held-out half).
pub const MAX_CAPTION_SHARE: f32 = 0.1;
/// A prose root joins a grid of at least this many product cards next to it (a category's
/// description and its products, see `with_product_grid`). Our choice: 3 and 4 measured the
/// same on the development pages.
pub const MIN_PRODUCT_CARDS: u32 = 4;
/// ...when the grid holds at least this share of the root's text. Our choice (0.2 and 0.5
/// measured the same).
pub const MIN_GRID_SHARE: f32 = 0.5;
/// ...or this lower share when the grid comes before the root: a shop's category shows its
/// products first and its description under them, where a carousel of products under an
/// article recommends them. Our choice.
pub const MIN_LEADING_GRID_SHARE: f32 = 0.1;
/// A region named like boilerplate is an embedded post when a `<blockquote>` holds this share
/// of its text. Our choice.
pub const MIN_EMBED_QUOTE_SHARE: f32 = 0.8;
/// In an article's root, a paragraph that is one link holding at least this share of its
/// text is a "read also" teaser. Our choice (0.8 measured the same on the tuning half).
pub const MIN_LINK_PARAGRAPH_DENSITY: f32 = 0.9;
/// ...or a paragraph that is one link after a lead-in of at most this many characters
/// ("Read more:", "See also:"). Our choice.
pub const MAX_LEAD_IN_CHARS: u32 = 12;
/// A `<noscript>` of at most this many characters is a notice, and pruned. Our choice.
pub const MAX_NOSCRIPT_CHARS: u32 = 200;
/// Teaser cards are pruned from an article's root only while they hold at most this share of
/// its text: more, and they are the page's content (a category's products). Our choice.
pub const MAX_TEASER_CARD_SHARE: f32 = 0.5;
/// A root inside an `articleBody` grows to it when it is worth at least this share of the
/// root's value (see `to_article_body`). Our choice.
pub const MIN_ARTICLE_BODY_SHARE: f32 = 0.5;
/// A region named only by a weak boilerplate token holding this many long paragraphs is
/// kept. Our choice.
pub const MIN_WEAK_PARAGRAPHS: u32 = 5;
/// Penalty of a short, non-link fragment (bylines, labels, button text).
pub const SHORT_BLOCK_PENALTY: f32 = 3.0;

/// Per-node facts computed by [`analyse`].
#[derive(Debug, Default)]
pub struct Analysis {
    /// Subtree is boilerplate: skipped by rendering.
    pub pruned: Vec<bool>,
    /// Non-whitespace characters of non-pruned text in the subtree.
    pub chars: Vec<u32>,
    /// Of which inside links.
    pub link_chars: Vec<u32>,
    /// Number of links in the subtree.
    pub links: Vec<u32>,
    /// Sum of block values in the subtree.
    pub value: Vec<f32>,
    /// The chosen content root.
    pub root: usize,
    /// The `<body>` (or the document root).
    pub body: usize,
    /// The page was scored as a listing (no prose region stood out).
    pub listing: bool,
    /// Node is a listing record or inside one (listing mode only matters).
    pub in_record: Vec<bool>,
    /// Value of the best prose region (article mode).
    pub prose_value: f32,
    /// The page is a thread: it holds at least two posts typed by microdata
    /// ([`is_typed_post`]).
    pub thread: bool,
    /// Comment regions held most of the page's text and were read as its content (a forum or
    /// Q&A page), see [`MIN_FORUM_COMMENT_SHARE`].
    pub comments_as_content: bool,
    /// The deadline ([`PruneOptions::deadline`]) passed: pruning may be partial and the root
    /// is the body.
    pub timed_out: bool,
    /// The root's table of contents was restored ([`restore_contents_lists`]): the text
    /// starts at the top of the root, not at its first prose paragraph.
    pub contents: bool,
    /// Why each pruned node was pruned: the rule of the pruning pass, or the later pass that
    /// trimmed it. Filled only with [`PruneOptions::explain`] (empty otherwise).
    pub why: Vec<Option<Why>>,
    /// The set of tab panels the root grew to (see `join_tab_panels`): its link lists are
    /// the tabs' content, kept by rendering.
    pub tab_set: Option<usize>,
    /// The page is one product's ([`PruneOptions::product`]) and was read as an article, not
    /// a listing: its specification tables are its text wherever they stand.
    pub product: bool,
    /// In a thread (by its markup: comment regions, microdata, posts named or dated), the
    /// last of its posts ([`last_post`]): the text runs to its end, however short its words
    /// ("Thanks, that fixed it").
    pub last_post: Option<usize>,
}

/// The rule or pass that pruned a region (see [`Analysis::why`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// A tag that is never content (`<nav>`, `<footer>`, `<script>`, forms' controls...).
    Tag,
    /// A `<header>` outside the article.
    Header,
    /// A region standing before the site's `<header>` (announcement bar, promo carousel).
    BeforeHeader,
    /// `data-nosnippet`.
    Nosnippet,
    /// A person's portrait card (photo, name, role).
    PortraitCard,
    /// A hexadecimal identifier shown as text.
    HexId,
    /// Placeholder text ("Loading...").
    Placeholder,
    /// A forum script's notice: a quote's expander, the count of those viewing the page.
    ForumNotice,
    /// Machine data shown as text (a JSON object).
    Data,
    /// A "read more" link.
    ReadMore,
    /// A heading's permalink mark (`¶`, `§`, `#`).
    Permalink,
    /// A microdata counter or list position.
    Counter,
    /// The short form of a value shown in two forms.
    ShortForm,
    /// A form label.
    FormLabel,
    /// `<small>` print.
    Small,
    /// `<noscript>`.
    Noscript,
    /// The `hidden` attribute.
    Hidden,
    /// `aria-hidden=true`.
    AriaHidden,
    /// A style that hides.
    StyleHidden,
    /// An ARIA landmark role of boilerplate (`navigation`, `banner`...).
    Role,
    /// The wrapper of a text-entry field.
    FormField,
    /// A short form one fills in and sends (comment, contact, sign-up, search), with the
    /// small box holding its heading and notes.
    Form,
    /// Screen-reader-only text.
    ScreenReader,
    /// A class or id word of a hidden state.
    HiddenClass,
    /// A class or id word of boilerplate (`sidebar`, `share`, `related`...).
    ClassWord,
    /// A fixed-position overlay.
    Overlay,
    /// A comment section (comments off).
    Comments,
    /// Shop chrome on a product page (delivery, returns, payment).
    Commerce,
    /// A region headed by a boilerplate heading ("Related articles").
    Heading,
    /// A post's poster card, but for the name.
    PosterCard,
    /// A link's preview card in a thread's post.
    LinkPreview,
    /// A line two posts of a thread show alike (a poster's signature).
    RepeatedPostLine,
    /// Link clusters among the root's children (tags, share links).
    LinkCluster,
    /// Trimmed when the root was joined with its siblings or the product description.
    Join,
    /// Image captions and credits.
    Caption,
    /// Paragraphs that are links to other pages.
    LinkParagraph,
    /// Teaser cards of other pages.
    TeaserCard,
    /// Standfirst repeated from the page's description.
    Standfirst,
    /// Product page: repeated short labels.
    RepeatedLabel,
    /// Product page: an icon strip.
    IconStrip,
    /// The shop's contact box beside a product (a phone number to call).
    ContactBox,
    /// Product page: a shop-policy section.
    Policy,
    /// A section or run of links titled as the site's ("Related articles", "Tags").
    SiteTitle,
    /// Promo tiles between a shop grid's cards.
    PromoTile,
    /// A short button label.
    Button,
    /// A section titled as customer reviews.
    Reviews,
    /// Product page: cards of other products (recommendations).
    Recommended,
    /// Product page: a heading whose section was pruned.
    OrphanHeading,
    /// A thread's counters and ages.
    PostCounter,
    /// A thread's or listing's action link repeated on every post or record.
    RepeatedAction,
    /// Regions after a thread's last post.
    AfterPosts,
    /// A thread's poster-card lines repeated on every post (field names, ranks, counts).
    PosterLabel,
    /// Listing records' date lines.
    RecordDate,
    /// A listing's menu of links to its own sections (`#...`).
    JumpMenu,
    /// A line the records' template writes alike in every record.
    TemplateLine,
    /// A closing call to action after the article (a heading, a line and a button).
    ClosingCall,
    /// A call to action set between the article's paragraphs (a heading, a line, a button).
    InlineCall,
    /// An author's card closing the article (portrait, name repeated from the byline, bio).
    AuthorCard,
    /// The name or description a container gives itself (`aria-labelledby`,
    /// `aria-describedby`) by an element inside it that repeats what it shows: text for
    /// screen readers.
    AriaCopy,
    /// A link to another page of the same list (a pager's numbers, "Next page").
    Pager,
    /// The site's footer, by the copyright line closing the root.
    Footer,
    /// What follows the reply form closing an article (its notes, related boxes).
    AfterReplyForm,
    /// A reading-time notice ("5 min read") and the date beside it.
    ReadingTime,
}

impl Why {
    /// A short name, as `explain` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Why::Tag => "tag",
            Why::Header => "header",
            Why::BeforeHeader => "before-header",
            Why::Nosnippet => "nosnippet",
            Why::PortraitCard => "portrait-card",
            Why::HexId => "hex-id",
            Why::Placeholder => "placeholder",
            Why::ForumNotice => "forum-notice",
            Why::Data => "data",
            Why::ReadMore => "read-more",
            Why::Permalink => "permalink",
            Why::Counter => "counter",
            Why::ShortForm => "short-form",
            Why::FormLabel => "form-label",
            Why::Small => "small",
            Why::Noscript => "noscript",
            Why::Hidden => "hidden",
            Why::AriaHidden => "aria-hidden",
            Why::StyleHidden => "style-hidden",
            Why::Role => "role",
            Why::FormField => "form-field",
            Why::Form => "form",
            Why::ScreenReader => "screen-reader",
            Why::HiddenClass => "hidden-class",
            Why::ClassWord => "class-word",
            Why::Overlay => "overlay",
            Why::Comments => "comments",
            Why::Commerce => "commerce",
            Why::Heading => "heading",
            Why::PosterCard => "poster-card",
            Why::LinkPreview => "link-preview",
            Why::RepeatedPostLine => "repeated-post-line",
            Why::LinkCluster => "link-cluster",
            Why::Join => "join",
            Why::Caption => "caption",
            Why::LinkParagraph => "link-paragraph",
            Why::TeaserCard => "teaser-card",
            Why::Standfirst => "standfirst",
            Why::RepeatedLabel => "repeated-label",
            Why::IconStrip => "icon-strip",
            Why::ContactBox => "contact-box",
            Why::Policy => "policy",
            Why::SiteTitle => "site-title",
            Why::PromoTile => "promo-tile",
            Why::Button => "button",
            Why::Reviews => "reviews",
            Why::Recommended => "recommended",
            Why::OrphanHeading => "orphan-heading",
            Why::PostCounter => "post-counter",
            Why::AfterPosts => "after-posts",
            Why::PosterLabel => "poster-label",
            Why::RecordDate => "record-date",
            Why::JumpMenu => "jump-menu",
            Why::TemplateLine => "template-line",
            Why::RepeatedAction => "repeated-action",
            Why::ClosingCall => "closing-call",
            Why::InlineCall => "inline-call",
            Why::AuthorCard => "author-card",
            Why::AriaCopy => "aria-copy",
            Why::Pager => "pager",
            Why::Footer => "footer",
            Why::AfterReplyForm => "after-reply-form",
            Why::ReadingTime => "reading-time",
        }
    }
}

/// Names `pass` as the reason of every pruned node that has none yet: called after each
/// pruning pass. Does nothing unless reasons are recorded (`why` empty).
fn blame(pruned: &[bool], why: &mut [Option<Why>], pass: Why) {
    for (w, &p) in why.iter_mut().zip(pruned) {
        if p && w.is_none() {
            *w = Some(pass);
        }
    }
}

/// Non-whitespace characters of `s`, East Asian wide ones counted twice, and how many
/// sentence ends it has.
///
/// Han, kana and Hangul (U+3000..U+DFFF, wide in Unicode's East Asian Width, UAX #11) carry
/// about as much text per character as two to three Latin letters: a Chinese word is one or
/// two characters where an English one is five. Counting them once put every length
/// threshold (prose, captions, cards) two to three times higher for CJK pages, which then
/// lost short paragraphs and chose narrower roots; counting them at their display width
/// keeps the thresholds' meaning across scripts.
fn count(s: &str) -> (u32, u32) {
    // One pass over the bytes, without branches so that it vectorises: every byte but a UTF-8
    // continuation byte starts a character; ASCII whitespace for `char::is_whitespace` is the
    // space and `\t`, `\n`, vertical tab, `\x0c`, `\r` (0x09..=0x0d); ASCII punctuation is
    // never whitespace. A wide character's first byte (0xe3..=0xed: U+3000..U+DFFF) counts
    // one more. Byte counters over chunks of at most 254 bytes (they cannot overflow: a
    // wide character counts two for three bytes, or for the one byte of it a chunk ends
    // with) let the vectorised loop take 16 bytes a step rather than 4.
    let mut chars = 0u32;
    let mut punct = 0u32;
    for chunk in s.as_bytes().chunks(254) {
        let (mut c, mut p) = (0u8, 0u8);
        for &b in chunk {
            c += u8::from(!(b == b' ' || (0x09..=0x0d).contains(&b) || b & 0xc0 == 0x80))
                + u8::from((0xe3..=0xed).contains(&b));
            p += u8::from(matches!(b, b'.' | b'!' | b'?' | b';' | b','));
        }
        chars += u32::from(c);
        punct += u32::from(p);
    }
    if s.is_ascii() {
        return (chars, punct);
    }
    // Then the non-ASCII whitespace (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000) and CJK
    // punctuation (U+3001, U+3002, U+FF01, U+FF0C, U+FF1F): characters whose UTF-8 form
    // starts with one of these bytes; only they are decoded.
    for (k, &b) in s.as_bytes().iter().enumerate() {
        if matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef)
            && let Some(c) = s.get(k..).and_then(|t| t.chars().next())
        {
            if c.is_whitespace() {
                chars -= if is_wide(c) { 2 } else { 1 };
            } else if matches!(c, '。' | '！' | '？' | '、' | '，') {
                punct += 1;
            }
        }
    }
    (chars, punct)
}

/// Whether [`count`] counts `c` twice: U+3000..U+D7FF (CJK symbols, kana, Han, Yi, Hangul;
/// U+D800..U+DFFF, the rest of the first bytes' range, are surrogates and never in a `str`).
fn is_wide(c: char) -> bool {
    ('\u{3000}'..='\u{d7ff}').contains(&c)
}

fn role_is_boilerplate(role: &str) -> bool {
    role.split_ascii_whitespace().any(|r| {
        matches!(
            r.to_ascii_lowercase().as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
                | "toolbar"
                | "tooltip"
        )
    })
}

/// Whether an ARIA role value names an alert (`role="alert"`).
fn role_is_alert(role: &str) -> bool {
    role.split_ascii_whitespace()
        .any(|r| r.eq_ignore_ascii_case("alert"))
}

/// Words of an accessible name (`aria-label`) naming a site's trail through its pages: the
/// WAI-ARIA authoring practices' `aria-label="Breadcrumb"` and `aria-label="Pagination"`.
const TRAIL_LABEL_WORDS: &[&str] = &["breadcrumb", "breadcrumbs", "pagination"];

/// Whether element `i` is a breadcrumb trail or a pager by its accessible name
/// ([`TRAIL_LABEL_WORDS`]) or its microdata (`itemtype=".../BreadcrumbList"`), whatever its
/// tag: an `<ol>` or `<div>` out of a `<nav>` is still the site's navigation.
fn names_trail(dom: &Dom, i: usize) -> bool {
    dom.attr(i, Attr::AriaLabel).is_some_and(|v| {
        v.split(|c: char| !c.is_alphanumeric())
            .any(|w| TRAIL_LABEL_WORDS.iter().any(|t| w.eq_ignore_ascii_case(t)))
    }) || dom
        .attr(i, Attr::Itemtype)
        .is_some_and(|v| v.trim_end_matches('/').ends_with("/BreadcrumbList"))
}

/// Words of an accessible name (`aria-label`) naming a site's navigation or footer
/// (`aria-label="Main navigation"`, `"Footer menu"`, `"Primary sidebar"`): the name screen
/// readers announce for the landmark, which stays when a page builder writes its `<nav>`,
/// `<aside>` or `<footer>` as a `<div>`.
const NAVIGATION_LABEL_WORDS: &[&str] = &["navigation", "nav", "menu", "sidebar", "footer"];

/// Whether element `i` names itself, by its accessible name, the site's navigation, a
/// sidebar or a footer ([`NAVIGATION_LABEL_WORDS`]).
fn names_navigation(dom: &Dom, i: usize) -> bool {
    dom.attr(i, Attr::AriaLabel).is_some_and(|v| {
        v.split(|c: char| !c.is_alphanumeric()).any(|w| {
            NAVIGATION_LABEL_WORDS
                .iter()
                .any(|t| w.eq_ignore_ascii_case(t))
        })
    })
}

/// The outermost regions (start, end of their subtrees) that are not pruned, hold no `<h1>`
/// (a page wrapped in a mislabelled `<div>`), hold at least [`MIN_CONTENTS_LINKS`] links (a
/// restaurant's menu labelled "Menu" lists its dishes, not links) and name themselves the
/// site's navigation ([`names_navigation`]), in document order. One walk over the body.
fn navigation_regions(
    dom: &Dom,
    pruned: &[bool],
    has_h1: &[bool],
    links: &[u32],
    body: usize,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let end = dom.end(body);
    let mut i = body + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if dom.tag(i) != Tag::Text
            && !has_h1.get(i).copied().unwrap_or(false)
            && links.get(i).copied().unwrap_or(0) >= MIN_CONTENTS_LINKS
            && names_navigation(dom, i)
        {
            let e = dom.end(i).max(i + 1);
            found.push((i, e));
            i = e;
            continue;
        }
        i += 1;
    }
    found
}

fn role_is_disclosure(role: &str) -> bool {
    role.split_ascii_whitespace()
        .any(|r| r.eq_ignore_ascii_case("tabpanel") || r.eq_ignore_ascii_case("region"))
}

fn style_hides(style: &str) -> bool {
    // `visibility:hidden` is left alone: it keeps the element's space in the layout, and
    // scripts use it to animate content in (collapsed answers, fade-in sections).
    style_declares(style, "display:none")
}

/// Whether inline style `style` holds declaration `decl` (lowercase, written without
/// spaces: `display:none`), whatever its case and spacing.
fn style_declares(style: &str, decl: &str) -> bool {
    // No copy of the style: a match is tried from each character that opens `decl`.
    let Some(first) = decl.chars().next() else {
        return true;
    };
    let matches_at = |k: usize| {
        let mut rest = style
            .get(k..)
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_whitespace());
        decl.chars()
            .all(|d| rest.next().is_some_and(|c| c.to_ascii_lowercase() == d))
    };
    if first.is_ascii() {
        // The characters that open `decl` are found as bytes (an ASCII byte is always a whole
        // character), without decoding the style.
        let b = first as u8;
        return memchr::memchr2_iter(b, b.to_ascii_uppercase(), style.as_bytes()).any(matches_at);
    }
    style
        .char_indices()
        .any(|(k, c)| c.to_ascii_lowercase() == first && matches_at(k))
}

/// A text-entry form control: `<textarea>` or an `<input>` typed for text (quantity, choice
/// and hidden inputs are not: they sit in product buy boxes and variant pickers).
fn is_text_field(dom: &Dom, i: usize, tag: Tag) -> bool {
    match tag {
        Tag::Textarea => true,
        Tag::Input => {
            let t = dom.attr(i, Attr::Type).unwrap_or("text").trim();
            ["text", "email", "search", "tel", "password", "url"]
                .iter()
                .any(|k| t.eq_ignore_ascii_case(k))
        }
        _ => false,
    }
}

fn tag_is_never_content(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Head
            | Tag::Script
            | Tag::Style
            | Tag::Template
            | Tag::Svg
            | Tag::Math
            | Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Applet
            | Tag::Canvas
            | Tag::Video
            | Tag::Audio
            | Tag::Select
            | Tag::Option
            | Tag::Optgroup
            | Tag::Datalist
            | Tag::Textarea
            | Tag::Input
            | Tag::Button
            | Tag::Nav
            | Tag::Dialog
            | Tag::Map
            | Tag::Frameset
            | Tag::Noframes
            | Tag::Noembed
            | Tag::Title
            | Tag::Footer
            | Tag::Aside
            | Tag::Figcaption
            | Tag::Meta
            | Tag::Link
    )
}

/// Options that change pruning.
#[derive(Debug, Clone, Copy, Default)]
pub struct PruneOptions {
    /// Keep comment sections.
    pub include_comments: bool,
    /// The page is about one product (from its structured data): its delivery, returns,
    /// payment and loyalty blurbs are not content ([`ClassHints::commerce`]).
    pub product: bool,
    /// When to give up: past it, pruning stops and no content root is chosen (the root is
    /// the body; [`Analysis::timed_out`]). Checked every [`DEADLINE_CHECK_NODES`] nodes of
    /// the pruning pass and between the later passes.
    pub deadline: Option<Instant>,
    /// Record why each region was pruned ([`Analysis::why`]), for `explain`.
    pub explain: bool,
}

/// How many nodes the pruning pass handles between two looks at the clock.
pub const DEADLINE_CHECK_NODES: usize = 4096;

impl PruneOptions {
    fn out_of_time(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

/// Runs the three passes and picks the content root.
pub fn analyse(dom: &Dom, opts: PruneOptions) -> Analysis {
    analyse_impl(dom, opts, true)
}

/// The comment region `i` follows a heading in its own box (a reply's title line: the poster
/// and the date, then the reply's body): looks back at most [`MAX_REPLY_HEAD_SIBLINGS`]
/// element siblings.
fn under_own_heading(dom: &Dom, i: usize) -> bool {
    let mut k = i;
    let mut seen = 0;
    while let Some(p) = dom.previous_sibling(k) {
        k = p;
        let tag = dom.tag(k);
        if tag == Tag::Text {
            continue;
        }
        if matches!(tag, Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6) {
            return true;
        }
        seen += 1;
        if seen >= MAX_REPLY_HEAD_SIBLINGS {
            break;
        }
    }
    false
}

/// Whether the root `article` (the page read with its comment regions pruned) chose lies in
/// a comment region, or most of the text it keeps under it still does: a thread whose
/// opening post is written in the same comment markup as its replies, kept only because it
/// is too large a share of the page to prune. Its "prose" is the first post, not an article
/// standing beside a thread.
fn opens_in_comment_markup(dom: &Dom, article: &Analysis) -> bool {
    let root = article.root;
    let chars = |k: usize| article.chars.get(k).copied().unwrap_or(0);
    let comment = |k: usize| {
        let h = dom.class_id_hints(k);
        h.comments && !h.boilerplate && !h.reviews
    };
    // The root inside a comment region: the first post's body itself.
    let mut k = root;
    while k > article.body {
        if comment(k) {
            return true;
        }
        match dom.parent(k) {
            Some(p) => k = p,
            None => break,
        }
    }
    let end = dom.end(root);
    let mut in_comments = 0u32;
    let mut i = root;
    while i < end {
        if article.pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if comment(i) {
            in_comments = in_comments.saturating_add(chars(i));
            i = dom.end(i).max(i + 1);
            continue;
        }
        i += 1;
    }
    2 * u64::from(in_comments) > u64::from(chars(root))
}

fn analyse_impl(dom: &Dom, opts: PruneOptions, detect_forum: bool) -> Analysis {
    let n = dom.nodes.len();
    let body = (0..n).find(|&i| dom.tag(i) == Tag::Body).unwrap_or(0);

    // Raw text per subtree (before pruning) to protect large regions from class rules.
    let mut raw = vec![0u32; n];
    // Subtree holds an `<h1>` or `<main>` (the page's title or main region, which menus and
    // sidebars never hold).
    let mut has_h1 = vec![false; n];
    // Subtree holds a text-entry form field.
    let mut has_field = vec![false; n];
    // Subtree holds a drop-down (`<select>`), and the characters of its options' text.
    let mut has_select = vec![false; n];
    let mut select_raw = vec![0u32; n];
    // Subtree holds an image.
    let mut has_img = vec![false; n];
    // Long paragraphs (`<p>` of at least [`MIN_PROSE_CHARS`]) per subtree.
    let mut para = vec![0u32; n];
    // Sentence punctuation of each text node counted in `raw` (pass 2 reads both).
    let mut text_punct = vec![0u32; n];
    for i in (1..n).rev() {
        let node = dom.nodes.get(i).copied();
        let Some(node) = node else { continue };
        if matches!(node.tag, Tag::H1 | Tag::Main)
            && let Some(h) = has_h1.get_mut(i)
        {
            *h = true;
        }
        if node.parent != NONE
            && has_h1.get(i).copied().unwrap_or(false)
            && let Some(h) = has_h1.get_mut(node.parent as usize)
        {
            *h = true;
        }
        if is_text_field(dom, i, node.tag)
            && let Some(f) = has_field.get_mut(i)
        {
            *f = true;
        }
        // A field in a box its style hides (a post's share panel with the link to copy, a
        // reply box a button opens) is not shown: it makes no wrapper around the box a form.
        if node.parent != NONE
            && has_field.get(i).copied().unwrap_or(false)
            && !dom.attr(i, Attr::Style).is_some_and(style_hides)
            && let Some(f) = has_field.get_mut(node.parent as usize)
        {
            *f = true;
        }
        if node.tag == Tag::Select {
            if let Some(h) = has_select.get_mut(i) {
                *h = true;
            }
            // Its options' text is all its text (counted below, children first).
            if let Some(x) = select_raw.get_mut(i) {
                *x = raw.get(i).copied().unwrap_or(0);
            }
        }
        if node.parent != NONE {
            let (h, r) = (
                has_select.get(i).copied().unwrap_or(false),
                select_raw.get(i).copied().unwrap_or(0),
            );
            let p = node.parent as usize;
            if let Some(x) = has_select.get_mut(p) {
                *x |= h;
            }
            if let Some(x) = select_raw.get_mut(p) {
                *x += r;
            }
        }
        if matches!(node.tag, Tag::Img | Tag::Picture)
            && let Some(h) = has_img.get_mut(i)
        {
            *h = true;
        }
        if node.parent != NONE
            && has_img.get(i).copied().unwrap_or(false)
            && let Some(h) = has_img.get_mut(node.parent as usize)
        {
            *h = true;
        }
        if node.tag == Tag::Text {
            let parent_tag = dom.tag(node.parent as usize);
            if !matches!(parent_tag, Tag::Script | Tag::Title | Tag::Style)
                && let Some(r) = raw.get_mut(i)
            {
                let (c, p) = count(dom.text_of(i));
                *r = c;
                if let Some(x) = text_punct.get_mut(i) {
                    *x = p;
                }
            }
        }
        if node.tag == Tag::P
            && raw.get(i).copied().unwrap_or(0) >= MIN_PROSE_CHARS
            && let Some(x) = para.get_mut(i)
        {
            *x = 1;
        }
        if node.parent != NONE {
            let v = raw.get(i).copied().unwrap_or(0);
            if let Some(p) = raw.get_mut(node.parent as usize) {
                *p += v;
            }
            let v = para.get(i).copied().unwrap_or(0);
            if let Some(p) = para.get_mut(node.parent as usize) {
                *p += v;
            }
        }
    }
    let page_chars = raw.get(body).copied().unwrap_or(0).max(1) as f32;

    // Forums and Q&A pages put their posts in "comment" markup: when comment regions hold
    // most of the page's text, they are the content.
    let mut opts = opts;
    let mut forum_mode = false;
    // The last reply met under its own heading, on a page read as one thread by them.
    let mut headed_reply = None;
    if !opts.include_comments && detect_forum {
        let mut comment_chars = 0u64;
        let mut headed_replies = 0u32;
        let mut i = body;
        let end = dom.end(body);
        while i < end {
            let h = dom.class_id_hints(i);
            if h.comments && !h.boilerplate && !h.reviews {
                comment_chars += u64::from(raw.get(i).copied().unwrap_or(0));
                if under_own_heading(dom, i) {
                    headed_replies += 1;
                    headed_reply = Some(i);
                }
                i = dom.end(i).max(i + 1);
                continue;
            }
            i += 1;
        }
        if headed_replies >= 2 {
            // Replies each under their own heading in comment markup (the poster and the
            // date as a reply's title): the page is one thread, its opening post and replies.
            opts.include_comments = true;
            forum_mode = true;
        } else if comment_chars as f32 > MIN_FORUM_COMMENT_SHARE * page_chars {
            headed_reply = None;
            // A blog post or news article with a long comment thread: its prose stands on its
            // own outside the comments, where a forum's or Q&A page's topic is a short post
            // (or itself in the comment markup).
            let article = analyse_impl(dom, opts, false);
            if article.timed_out {
                return article;
            }
            if !article.listing
                && article.prose_value >= MIN_ARTICLE_SHARE_OF_COMMENTS * comment_chars as f32
                && !opens_in_comment_markup(dom, &article)
            {
                return article;
            }
            opts.include_comments = true;
            forum_mode = true;
        }
    }

    let aria_copy = aria_copies(dom, &raw);
    let labelled_panel = labelled_panels(dom);
    // On a product page, a form beside the offer (notify me when back in stock) is the
    // offer's.
    let form_box = if opts.product {
        Vec::new()
    } else {
        form_boxes(dom, &raw, &select_raw, &has_h1, body)
    };
    let facts = PageFacts {
        aria_copy: &aria_copy,
        labelled_panel: &labelled_panel,
        form_box: &form_box,
        raw: &raw,
        page_chars,
        has_h1: &has_h1,
        has_field: &has_field,
        has_select: &has_select,
        select_raw: &select_raw,
        has_img: &has_img,
        para: &para,
        last_twin: std::cell::Cell::new((NONE as usize, false)),
    };

    // Pass 1: pruning.
    let mut pruned = vec![false; n];
    let mut why: Vec<Option<Why>> = if opts.explain {
        vec![None; n]
    } else {
        Vec::new()
    };
    let mut in_article = vec![false; n];
    // Node is a link or inside one.
    let mut in_link = vec![false; n];
    // The post (see [`is_post`]) holding each node, on pages with at least two posts; and
    // whether a post's poster name was kept already.
    let mut post_of = vec![NONE; n];
    let mut named = vec![false; n];
    // One scan for both: a page holding two posts ([`is_post`]) is threaded for poster
    // names; one holding two posts typed by microdata is a thread for rendering.
    let (mut posts, mut typed) = (0u32, 0u32);
    for k in body..dom.end(body) {
        let tag = dom.tag(k);
        if tag == Tag::Text {
            // No attributes: neither a typed post nor an `<article>`.
            continue;
        }
        if is_typed_post(dom, k) {
            typed += 1;
            posts += 1;
        } else if tag == Tag::Article {
            posts += 1;
        }
        if typed >= 2 {
            break;
        }
    }
    let threaded = posts >= 2;
    // Poster cards met outside typed posts, for [`keep_repeated_poster_names`]: (card, name,
    // candidate posts).
    let mut cards: Vec<(usize, usize, [usize; MAX_CARD_POSTS])> = Vec::new();
    let mut timed_out = false;
    let mut i = 1;
    let mut visited = 0usize;
    while i < n {
        let Some(node) = dom.nodes.get(i).copied() else {
            break;
        };
        if visited.is_multiple_of(DEADLINE_CHECK_NODES) && opts.out_of_time() {
            timed_out = true;
            break;
        }
        visited += 1;
        if pruned.get(i).copied().unwrap_or(false) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        let parent = node.parent as usize;
        let inherited_article = in_article.get(parent).copied().unwrap_or(false);
        if node.tag == Tag::Text {
            i += 1;
            continue;
        }
        let is_article = inherited_article || matches!(node.tag, Tag::Article | Tag::Main);
        if let Some(a) = in_article.get_mut(i) {
            *a = is_article;
        }
        let linked = node.tag == Tag::A || in_link.get(parent).copied().unwrap_or(false);
        if let Some(a) = in_link.get_mut(i) {
            *a = linked;
        }
        let post = post_of.get(parent).copied().unwrap_or(NONE);
        if threaded && let Some(x) = post_of.get_mut(i) {
            *x = if is_post(dom, i) { i as u32 } else { post };
        }
        if let Some(reason) =
            should_prune(dom, i, node.tag, inherited_article, linked, &facts, opts)
        {
            // A post's poster card or header (`<aside>`, `message-userDetails`) keeps the
            // poster's name, once per post: the rest of it (avatar, rank, post count) goes.
            if post != NONE
                && !named.get(post as usize).copied().unwrap_or(true)
                && let Some(a) = poster_name(dom, i, facts.raw, true)
            {
                prune_except(dom, &mut pruned, i, a);
                if let Some(x) = named.get_mut(post as usize) {
                    *x = true;
                }
                // All but the name's path is pruned: the walk does not go down it again (a
                // wrapper of the name named by a boilerplate word would take the name along).
                i = dom.end(i).max(i + 1);
                continue;
            }
            if post == NONE
                && let Some(a) = poster_name(dom, i, facts.raw, false)
                && let Some(p) = post_of_card(dom, i, facts.raw)
            {
                cards.push((i, a, p));
            }
            if let Some(p) = pruned.get_mut(i) {
                *p = true;
            }
            if let Some(w) = why.get_mut(i) {
                *w = Some(reason);
            }
            i = dom.end(i).max(i + 1);
            continue;
        }
        i += 1;
    }
    keep_repeated_poster_names(dom, &mut pruned, &mut why, &cards);
    blame(&pruned, &mut why, Why::PosterCard);
    // The page's footer, by its closing copyright line, before the scoring: its prose
    // (addresses, fine print) would count for the regions holding it.
    if !timed_out {
        prune_copyright_footer(dom, &mut pruned, &raw, &has_h1, &para, body);
        blame(&pruned, &mut why, Why::Footer);
    }

    // Pass 2: text into blocks.
    let mut block_of = vec![0u32; n];
    let mut link_of = vec![NONE; n];
    let mut title_link_chars = vec![0u32; n];
    let mut chars = vec![0u32; n];
    let mut link_chars = vec![0u32; n];
    let mut links = vec![0u32; n];
    let mut punct = vec![0u32; n];
    // Node is a `<code>` or `<pre>` or inside one.
    let mut code_of = vec![false; n];
    let mut i = 1;
    while i < n {
        let Some(node) = dom.nodes.get(i).copied() else {
            break;
        };
        if pruned.get(i).copied().unwrap_or(false) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        let parent = node.parent as usize;
        let pblock = block_of.get(parent).copied().unwrap_or(0);
        let plink_of = link_of.get(parent).copied().unwrap_or(NONE);
        let plink = plink_of != NONE;
        let pcode = code_of.get(parent).copied().unwrap_or(false);
        match node.tag {
            Tag::Text => {
                let parent_tag = dom.tag(parent);
                if !matches!(parent_tag, Tag::Script | Tag::Title) {
                    // Counted before pruning, but for `<style>` text (pruned unless the
                    // deadline stopped pruning).
                    let (c, p) = if parent_tag == Tag::Style {
                        count(dom.text_of(i))
                    } else {
                        (
                            raw.get(i).copied().unwrap_or(0),
                            text_punct.get(i).copied().unwrap_or(0),
                        )
                    };
                    let b = pblock as usize;
                    if let Some(x) = chars.get_mut(b) {
                        *x += c;
                    }
                    // A link inside a fragment of code (`<code><a>Object</a>
                    // <a>getName</a>()</code>: an API reference's signatures, a list of
                    // inherited members) is a cross-reference to an identifier's
                    // documentation: code, not navigation. (A link around code, a menu item
                    // naming a module, stays a link.)
                    let xref = pcode
                        && dom
                            .parent(plink_of as usize)
                            .is_some_and(|q| code_of.get(q).copied().unwrap_or(false));
                    if plink && !xref {
                        if let Some(x) = link_chars.get_mut(b) {
                            *x += c;
                        }
                        // A link is a title (headline, product name, a whole card) rather than
                        // navigation when its whole text is long.
                        if raw.get(plink_of as usize).copied().unwrap_or(0) >= MIN_TITLE_LINK_CHARS
                            && let Some(x) = title_link_chars.get_mut(b)
                        {
                            *x += c;
                        }
                    }
                    if let Some(x) = punct.get_mut(b) {
                        *x += p;
                    }
                }
            }
            t => {
                let is_block = t.is_block() || matches!(t, Tag::Td | Tag::Th | Tag::Li);
                if let Some(x) = block_of.get_mut(i) {
                    *x = if is_block { i as u32 } else { pblock };
                }
                // A heading stating a code signature is code too (see
                // [`heading_names_code`]).
                if (pcode
                    || matches!(t, Tag::Code | Tag::Pre)
                    || (t.is_heading() && heading_names_code(dom, i)))
                    && let Some(x) = code_of.get_mut(i)
                {
                    *x = true;
                }
                if let Some(x) = link_of.get_mut(i) {
                    *x = if plink {
                        plink_of
                    } else if t == Tag::A {
                        i as u32
                    } else {
                        NONE
                    };
                }
                if t == Tag::A
                    && !plink
                    && let Some(x) = links.get_mut(pblock as usize)
                {
                    *x += 1;
                }
            }
        }
        i += 1;
    }

    // Each block's own characters and link characters, what both scorings read: the counts
    // so far (no count lands in a pruned subtree). The document root is no block of its own.
    let mut direct: Vec<(u32, u32)> = chars
        .iter()
        .zip(&link_chars)
        .map(|(&c, &l)| (c, l))
        .collect();
    if let Some(d) = direct.first_mut() {
        *d = (0, 0);
    }
    // Sums of the counts over subtrees.
    for i in (1..n).rev() {
        if pruned.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(node) = dom.nodes.get(i) else {
            continue;
        };
        let p = node.parent as usize;
        if node.parent == NONE || p >= n {
            continue;
        }
        let (c, l, k) = (chars[i], link_chars[i], links[i]);
        chars[p] += c;
        link_chars[p] += l;
        links[p] += k;
    }
    // Out of time: the body is the root, minus what pruning found so far (the later passes
    // choose among regions and trim the root; the two above are linear).
    if timed_out || opts.out_of_time() {
        return Analysis {
            pruned,
            chars,
            link_chars,
            links,
            value: vec![0.0; n],
            root: body,
            body,
            listing: false,
            in_record: vec![false; n],
            prose_value: 0.0,
            thread: typed >= 2,
            comments_as_content: forum_mode,
            timed_out: true,
            contents: false,
            why,
            tab_set: None,
            product: false,
            last_post: None,
        };
    }

    // Pass 3, first as an article (prose only), then, if no prose region stands out, as a
    // listing (titles and headings count too).
    // Regions naming themselves the site's navigation (see [`names_navigation`]) hold no
    // records: a `<div>` menu tree of long entries is no listing. They stay in the scoring,
    // where their links weigh against the regions holding them (a `<div>` header or footer
    // loses to the content beside it), and are pruned from the root once it is chosen.
    // Nor are their long links titles of a listing: the listing scoring goes without them.
    let labelled_nav = navigation_regions(dom, &pruned, &has_h1, &links, body);
    let without_nav = |pruned: &[bool]| {
        (!labelled_nav.is_empty()).then(|| {
            let mut masked = pruned.to_vec();
            for &(a, e) in &labelled_nav {
                if let Some(m) = masked.get_mut(a..e) {
                    m.fill(true);
                }
            }
            masked
        })
    };
    let masked = without_nav(&pruned);
    let (records, teasers, cards) = find_records(
        dom,
        masked.as_deref().unwrap_or(&pruned),
        &raw,
        &chars,
        &link_chars,
    );
    // Both scorings read the cells of grids of data.
    let grid = grid_cells(dom, &pruned, body);
    let blocks = Blocks {
        chars: &chars,
        direct: &direct,
        title_link_chars: &title_link_chars,
        punct: &punct,
    };
    let article_score = |pruned: &[bool]| {
        score(
            dom,
            pruned,
            &blocks,
            &grid,
            body,
            0.0,
            Some((&cards, TEASER_WEIGHT)),
        )
    };
    let mut scored = article_score(&pruned);
    // Timestamped posts beside an article that stands without them are its comments, named
    // or not (hashed class names, utility classes): pruned as comment sections are, unless
    // the page is a discussion (the prose outside them is the thread's opening post, shaped
    // like its replies or written in their text blocks, or the page declares a forum posting
    // or question). Only posts that meet the chosen root can
    // change the result, so the page is scored again without them only then.
    if !opts.include_comments && !forum_mode {
        let r = scored.1;
        let (posts, heads, post_chars) =
            dated_posts(dom, &pruned, &raw, &records, &teasers, &chars, r);
        if post_chars > 0 && posts.iter().any(|&p| nested(dom, p, r)) {
            let bodies = sibling_bodies(dom, &pruned, &chars, &posts);
            let post_chars = post_chars
                + bodies
                    .iter()
                    .map(|&b| u64::from(chars.get(b).copied().unwrap_or(0)))
                    .sum::<u64>();
            let mut without = pruned.clone();
            for &p in posts.iter().chain(&bodies) {
                if let Some(x) = without.get_mut(p) {
                    *x = true;
                }
            }
            let (v, r, b) = article_score(&without);
            if b >= MIN_ARTICLE_VALUE
                && b >= MIN_ARTICLE_SHARE_OF_COMMENTS * post_chars as f32
                && !opening_post(dom, &heads, &v, r)
                && !declares_discussion(dom)
                && !shaped_like_posts(dom, &without, &chars, &v, r, &posts)
            {
                pruned = without;
                blame(&pruned, &mut why, Why::Comments);
                scored = (v, r, b);
            }
        }
    }
    let (mut value, mut root, best) = scored;
    let mut tab_set = None;
    let masked = without_nav(&pruned);
    let (lvalue, lroot, lbest) = score(
        dom,
        masked.as_deref().unwrap_or(&pruned),
        &blocks,
        &grid,
        body,
        TITLE_WEIGHT,
        Some((&records, RECORD_WEIGHT)),
    );
    // One group of records (the children of one parent, none of them holding most of the
    // page) must outweigh the prose: a root summing the article and the teaser boxes around
    // it is no listing.
    let page = chars.get(body).copied().unwrap_or(0) as f32;
    let mut group = vec![0f32; n];
    let mut region = vec![false; n];
    for i in 1..n {
        if records.get(i).copied().unwrap_or(false)
            && let Some(p) = dom.parent(i)
        {
            let c = chars.get(i).copied().unwrap_or(0) as f32;
            if let Some(g) = group.get_mut(p) {
                *g += RECORD_WEIGHT * c;
            }
            if c > MAX_RECORD_REGION_SHARE * page
                && let Some(r) = region.get_mut(p)
            {
                *r = true;
            }
        }
    }
    let top_group = group
        .iter()
        .zip(&region)
        .filter(|(_, r)| !**r)
        .map(|(g, _)| *g)
        .fold(0.0, f32::max);
    // A page with short prose and no listing either (the listing scoring takes the whole
    // body, not its `<main>`, and is worth little more than the prose: a short note, a
    // chapter page of a manual with one paragraph) keeps its prose root rather than becoming
    // a listing of everything.
    let short_article = best > 0.0
        && best < MIN_ARTICLE_VALUE
        && lroot == body
        && lbest <= MAX_SHORT_PAGE_LISTING_FACTOR * best
        && single_article(
            dom,
            &pruned,
            &lvalue,
            body,
            MIN_LISTING_MAIN_SHARE,
            MIN_LISTING_MAIN_SHARE,
        ) == body;
    let listing = (best < MIN_ARTICLE_VALUE && !short_article)
        || (lbest > LISTING_FACTOR * best && top_group > MIN_RECORD_GROUP_FACTOR * best);
    if listing {
        (value, root) = (lvalue, lroot);
        // The page's `<main>` (or its only `<article>`) worth most of the listing's value is
        // the listing: what the root adds around it are boxes next to it.
        loop {
            let r = single_article(
                dom,
                &pruned,
                &value,
                root,
                MIN_LISTING_MAIN_SHARE,
                MIN_LISTING_MAIN_SHARE,
            );
            if r == root {
                break;
            }
            root = r;
        }
        // A listing is its run of items, never one of them: a root that is one of
        // [`MIN_RECORDS`] or more shown siblings of its tag (an archive's `<dd>` titles under
        // their `<dt>` dates, one `<li>` of a list of short links) holding under
        // [`MAX_ITEM_ROOT_SHARE`] of the page's text grows to their parent.
        if let Some(p) = dom.parent(root)
            && p >= body
            && (chars.get(root).copied().unwrap_or(0) as f32) < MAX_ITEM_ROOT_SHARE * page
            && like_siblings(dom, &pruned, &chars, root) + 1 >= MIN_RECORDS
        {
            root = p;
        }
        // Timestamped posts in the listing that are not its records (the largest group of
        // records there) are comments on it, named or not, as beside an article: pruned when
        // the listing's records outweigh them, unless the page is a discussion.
        if !opts.include_comments && !forum_mode {
            prune_listing_comments(dom, &mut pruned, &raw, &records, &teasers, &chars, root);
            blame(&pruned, &mut why, Why::Comments);
        }
    }
    // The page marks its regions with `<main>` or `<article>`: they, not its headings, say
    // where its story lies.
    let sectioned = (body..dom.end(body)).any(|k| matches!(dom.tag(k), Tag::Main | Tag::Article));
    if !listing && root == body {
        root = inside_body(dom, &pruned, &value, &has_h1, body);
    }
    if !listing {
        // An `<article>` may hold its `articleBody` and more: narrow until nothing changes.
        loop {
            let share = if opts.product {
                MIN_PRODUCT_MAIN_SHARE
            } else {
                MIN_ARTICLE_ELEMENT_SHARE
            };
            let r = single_article(dom, &pruned, &value, root, share, MIN_MAIN_SHARE.min(share));
            if r == root {
                break;
            }
            root = r;
        }
        if !opts.product && !sectioned {
            root = titled_box(dom, &pruned, &value, root);
        }
        root = to_article_body(dom, &mut pruned, &value, root, body);
        blame(&pruned, &mut why, Why::LinkCluster);
        // A definition (`<dd>`) is read with its term (`<dt>`, a function's signature): a
        // root that is one grows to their `<dl>`, and siblings join from there.
        if matches!(dom.tag(root), Tag::Dd | Tag::Dt)
            && let Some(p) = dom.parent(root)
            && dom.tag(p) == Tag::Dl
        {
            root = p;
        }
        let r = join_tab_panels(dom, &pruned, root, body);
        if r != root {
            tab_set = Some(r);
            root = r;
        }
        root = merge_siblings(dom, &mut pruned, &value, root, body);
        blame(&pruned, &mut why, Why::Join);
        // A thread read by its headed replies is its opening post and the replies: a root
        // that misses the last shown reply grows to the box holding both.
        if forum_mode
            && let Some(r) = headed_reply
            && !pruned.get(r).copied().unwrap_or(true)
        {
            while !(root <= r && r < dom.end(root)) && root > body {
                match dom.parent(root) {
                    Some(p) => root = p,
                    None => break,
                }
            }
        }
        if opts.product
            && let Some(d) = product_description(dom, &pruned, &raw, body)
                .or_else(|| feature_list(dom, &pruned, &raw, body))
        {
            root = join_description(dom, &mut pruned, root, d, body);
            blame(&pruned, &mut why, Why::Join);
        }
        if opts.product
            && let Some(d) = sheet_beside(dom, &pruned, &has_h1, root, body)
        {
            root = join_description(dom, &mut pruned, root, d, body);
            blame(&pruned, &mut why, Why::Join);
        }
        let prev = previous_siblings(dom);
        prune_captions(dom, &mut pruned, &records, &prev, root, &facts);
        blame(&pruned, &mut why, Why::Caption);
        prune_link_paragraphs(dom, &mut pruned, &records, &prev, &chars, &link_chars, root);
        blame(&pruned, &mut why, Why::LinkParagraph);
        prune_teaser_cards(dom, &mut pruned, &chars, &link_chars, root, &facts);
        blame(&pruned, &mut why, Why::TeaserCard);
        prune_standfirsts(dom, &mut pruned, &raw, root);
        blame(&pruned, &mut why, Why::Standfirst);
        prune_site_titled(dom, &mut pruned, &raw, &chars, &link_chars, root);
        blame(&pruned, &mut why, Why::SiteTitle);
        // One buffer for the opening titles read below.
        let mut title = String::new();
        if opts.product {
            prune_repeated_labels(dom, &mut pruned, root);
            blame(&pruned, &mut why, Why::RepeatedLabel);
            prune_icon_strips(dom, &mut pruned, root, &facts);
            blame(&pruned, &mut why, Why::IconStrip);
            // Groups of cards of other products (an image, a link and a price: "Customers
            // also viewed", "Similar items") are the shop's recommendations, whatever their
            // class names.
            prune_recommended_cards(dom, &mut pruned, &records, &facts, root);
            blame(&pruned, &mut why, Why::Recommended);
            // A section titled by the shop's policies ("Shipping, Returns & Warranty",
            // "Delivery and pickup") is the shop's chrome around the product, as the commerce
            // class words are. Pruned once the root is chosen: it does not move the root.
            let limit = raw.get(root).copied().unwrap_or(0) / 2;
            prune_in_root(dom, &mut pruned, root, |i, _| {
                raw.get(i).copied().unwrap_or(0) <= limit && headed_by_policy(dom, i, &mut title)
            });
            blame(&pruned, &mut why, Why::Policy);
            prune_suggestions(dom, &mut pruned, &raw, &has_h1, root);
            blame(&pruned, &mut why, Why::Recommended);
            prune_contact_boxes(dom, &mut pruned, &raw, &has_h1, root);
            blame(&pruned, &mut why, Why::ContactBox);
        }
        // A section titled as the customers' reviews ("Customer Reviews", "Ratings &
        // Reviews") is their widget, whatever its class names, as review class words
        // are; the product's own box (its `<h1>`) is never one. Off a product page the
        // title must name the customers ("Code reviews" in a manual is a chapter), and the
        // section must hold at most half the root's text (a shop's page of testimonials is
        // them).
        let half = raw.get(root).copied().unwrap_or(0) / 2;
        let name = if opts.product {
            product_name(dom, root, body)
        } else {
            String::new()
        };
        prune_in_root(dom, &mut pruned, root, |i, _| {
            !facts.has_h1.get(i).copied().unwrap_or(false)
                && (opts.product || raw.get(i).copied().unwrap_or(0) <= half)
                && headed_by_reviews(dom, i, opts.product, &name, &mut title)
        });
        blame(&pruned, &mut why, Why::Reviews);
        if !opts.product {
            root = with_product_grid(dom, &pruned, &records, &chars, &has_img, root, body);
        }
    }
    // A product page read as a listing (the product's box is short beside the carousels
    // around it) still shows one product: its carousels' titles say what they are.
    if listing && opts.product {
        prune_suggestions(dom, &mut pruned, &raw, &has_h1, root);
        blame(&pruned, &mut why, Why::Recommended);
        // Its customers' reviews too (their records made it a listing): the section titled as
        // them goes, as on a product page read as one product.
        let name = product_name(dom, root, body);
        let mut title = String::new();
        prune_in_root(dom, &mut pruned, root, |i, _| {
            !facts.has_h1.get(i).copied().unwrap_or(false)
                && headed_by_reviews(dom, i, true, &name, &mut title)
        });
        blame(&pruned, &mut why, Why::Reviews);
    }
    for &(a, _) in &labelled_nav {
        if a > root
            && a < dom.end(root)
            && let Some(p) = pruned.get_mut(a)
        {
            *p = true;
        }
    }
    blame(&pruned, &mut why, Why::Role);
    let mut contents = restore_contents_lists(dom, &mut pruned, &mut why, &raw, &chars, root, body);
    // A listing's root holding records is short because they are, not because it is a
    // chapter's one paragraph: a list of links beside it is the site's (categories,
    // filters), no contents.
    if !contents
        && let Some(p) = dom.parent(root).filter(|&p| p > body)
        && !(listing
            && (root..dom.end(root))
                .filter(|&k| records.get(k).copied().unwrap_or(false))
                .take(MIN_RECORDS)
                .count()
                >= MIN_RECORDS)
        && contents_beside(dom, &pruned, &chars, &link_chars, &links, &mut value, root)
    {
        root = p;
        contents = true;
    }
    prune_copyright_footer(dom, &mut pruned, &raw, &has_h1, &para, root);
    blame(&pruned, &mut why, Why::Footer);
    if !opts.product {
        prune_promo_tiles(dom, &mut pruned, &raw, &records, root);
        blame(&pruned, &mut why, Why::PromoTile);
    }
    let pagers = prune_buttons(dom, &mut pruned, &raw, root);
    if !why.is_empty() {
        for &p in &pagers {
            if let Some(w) = why.get_mut(p) {
                w.get_or_insert(Why::Pager);
            }
        }
    }
    blame(&pruned, &mut why, Why::Button);
    if opts.product && !listing {
        prune_orphan_headings(dom, &mut pruned, &raw, root);
        blame(&pruned, &mut why, Why::OrphanHeading);
    }
    // A thread (comment regions holding the page, or two posts): its posts' counters and
    // ages are the forum's template. Elsewhere a number alone is a figure ("10,000+"
    // customers, a timeline's years).
    let last = if listing {
        None
    } else {
        last_post(dom, &pruned, &records, &chars, root)
    };
    // The posts are a thread's when their class names them so, or, named or not (hashed or
    // utility class names), when most of them carry a date line: a thread's template dates
    // each post.
    let dated = last.is_some_and(|l| dated_group(dom, &raw, l));
    let named = dated || last.is_some_and(|l| names_post(dom, l));
    if !listing && (opts.include_comments || threaded || named) {
        // Posts' numbers only inside the posts' container: elsewhere `#2` is a label of the
        // page's own (a screwdriver bit's size).
        let posts = last.and_then(|l| dom.parent(l));
        prune_counters(dom, &mut pruned, &raw, root, false, posts);
        blame(&pruned, &mut why, Why::PostCounter);
    } else if !listing {
        // Outside a thread (or one not recognised: posts in `<div>`s), a relative time alone
        // ("1 year ago") is still a post's or a page's age, never text.
        prune_counters(dom, &mut pruned, &raw, root, true, None);
        blame(&pruned, &mut why, Why::PostCounter);
    }
    if !listing {
        prune_reading_times(dom, &mut pruned, &raw, root);
        blame(&pruned, &mut why, Why::ReadingTime);
    }
    if let Some(l) = last
        && (opts.include_comments || typed >= 2 || named)
    {
        prune_after_posts(dom, &mut pruned, &raw, &records, l, root);
        blame(&pruned, &mut why, Why::AfterPosts);
    }
    // A thread by its markup (comment regions, microdata, posts named or dated), not merely
    // by two `<article>` elements (a page's story and a related one, a services grid).
    let thread = !listing && (opts.include_comments || forum_mode || typed >= 2 || named);
    // An article's or a service page's template repeats its buttons too ("Check price",
    // "Book now" under each item). Product pages keep the narrower scope (not measured).
    if listing || opts.include_comments || forum_mode || threaded || named || !opts.product {
        prune_repeated_actions(dom, &mut pruned, &raw, root, thread);
        blame(&pruned, &mut why, Why::RepeatedAction);
    }
    if thread {
        prune_author_cards(dom, &mut pruned, &raw, root);
        blame(&pruned, &mut why, Why::PosterCard);
        // The posts (the last post's group), in document order.
        let posts = last.map_or_else(Vec::new, |l| group_of(dom, l));
        keep_post_bylines(dom, &mut pruned, &raw, &posts);
        prune_poster_labels(dom, &mut pruned, &raw, root, &posts, dated);
        blame(&pruned, &mut why, Why::PosterLabel);
        prune_link_previews(dom, &mut pruned, &raw, &posts);
        blame(&pruned, &mut why, Why::LinkPreview);
        prune_repeated_post_lines(dom, &mut pruned, &raw, &posts);
        blame(&pruned, &mut why, Why::RepeatedPostLine);
    }
    if !listing && !thread && !opts.product {
        prune_closing_call(dom, &mut pruned, &raw, root);
        blame(&pruned, &mut why, Why::ClosingCall);
        prune_inline_calls(dom, &mut pruned, &raw, &has_img, root);
        blame(&pruned, &mut why, Why::InlineCall);
        prune_author_card(dom, &mut pruned, &raw, &has_img, body, root);
        blame(&pruned, &mut why, Why::AuthorCard);
        prune_after_reply_form(dom, &mut pruned, &raw, root);
        blame(&pruned, &mut why, Why::AfterReplyForm);
    }
    if listing {
        prune_record_dates(dom, &mut pruned, &raw, &records, root);
        blame(&pruned, &mut why, Why::RecordDate);
        prune_jump_menus(dom, &mut pruned, &chars, &link_chars, root);
        blame(&pruned, &mut why, Why::JumpMenu);
    }
    prune_title_echoes(dom, &mut pruned, &records, root);
    blame(&pruned, &mut why, Why::ReadMore);
    prune_template_lines(dom, &mut pruned, &raw, &records, root, thread);
    blame(&pruned, &mut why, Why::TemplateLine);
    let mut in_record = records;
    for i in 1..n {
        if let Some(p) = dom.parent(i)
            && in_record.get(p).copied().unwrap_or(false)
            && let Some(x) = in_record.get_mut(i)
        {
            *x = true;
        }
    }
    Analysis {
        pruned,
        chars,
        link_chars,
        links,
        value,
        root,
        body,
        listing,
        in_record,
        prose_value: best,
        thread: typed >= 2,
        comments_as_content: forum_mode,
        timed_out: false,
        contents,
        why,
        tab_set,
        product: opts.product && !listing,
        // Not a teaser's (a record whose heading links to another page: an event, a story).
        last_post: if thread {
            last.filter(|&l| !titled_by_link_away(dom, l))
        } else {
            None
        },
    }
}

/// Most characters of a reading-time line with its date ("Jun 08, 2023 • 11 Minute Read"),
/// before pruning. Our choice.
const MAX_READING_TIME_RAW_CHARS: u32 = 64;

/// Units of a reading time ("5 *min* read").
const READING_TIME_UNITS: &[&str] = &["min", "mins", "minute", "minutes"];
/// Words saying the time is a reading's ("5 min *read*", "*Lesezeit*: 5 Min.").
const READING_WORDS: &[&str] = &[
    "read", "reading", "lesezeit", "lectura", "lecture", "leitura", "lettura",
];
/// Words of a date line beside a reading time besides numbers and months
/// ([`crate::date::month_number`]): weekdays (English, full and short), the clock's, and the
/// few words joining them.
const DATE_LINE_WORDS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "am",
    "pm",
    "updated",
    "published",
    "on",
    "at",
    "time",
    "de",
    "of",
];

/// Reads the shown text of element `i` word by word: `Some(true)` when it is a reading time
/// ("2 min read", "0 min. read", "11 Minute Read") with nothing but a date beside it,
/// `Some(false)` when it is a date alone, `None` otherwise.
fn reading_time_line(dom: &Dom, pruned: &[bool], i: usize) -> Option<bool> {
    let (mut reading, mut unit_after_number, mut number) = (false, false, false);
    let mut last_number = false;
    for k in shown_nodes(dom, pruned, i + 1, dom.end(i)).filter(|&k| dom.tag(k) == Tag::Text) {
        for w in dom
            .text_of(k)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let is = |list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let numeric = !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && w.len() - digits.len() <= 2;
            if numeric {
                number = true;
                last_number = true;
                continue;
            }
            if is(READING_TIME_UNITS) && last_number {
                unit_after_number = true;
            } else if is(READING_WORDS) {
                reading = true;
            } else if !is(DATE_LINE_WORDS) && crate::date::month_number(w).is_none() {
                return None;
            }
            last_number = false;
        }
    }
    if reading && unit_after_number {
        Some(true)
    } else if number && !reading && !unit_after_number {
        Some(false)
    } else {
        None
    }
}

/// Separators between the items of a post's meta line ("Jan 20, 2024 · 4 min · Ann Lee").
const META_ITEM_SEPARATORS: &[char] = &['·', '•', '|'];
/// Fewest characters of a meta line of three items with a date and a reading time
/// ("1 May 2024 · 4 min · Jo"). Our choice: shorter elements are left without reading them.
const MIN_META_LINE_RAW_CHARS: u32 = 16;
/// Words counting a post's length ("820 *words*").
const WORD_COUNT_UNITS: &[&str] = &["words", "word"];

/// Whether the shown text of element `i` is a post's meta line of at least three items set
/// apart by middots, bullets or bars: a date, a reading time ("4 min", the word "read" left
/// out), and nothing else but a word count ("820 words") and at most one name (the byline,
/// one to three capitalised words). Themes print it under the title from the post's front
/// matter; none of it is the author's text.
fn meta_items_line(dom: &Dom, pruned: &[bool], i: usize) -> bool {
    let texts = || shown_nodes(dom, pruned, i + 1, dom.end(i)).filter(|&k| dom.tag(k) == Tag::Text);
    // Most short elements hold no separator between their own children: they are left
    // without reading their descendants (the items' separators are the line's own text).
    let (mut k, end) = (i + 1, dom.end(i));
    let mut separated = false;
    while k < end && !separated {
        // A byte test first: '|', and the last bytes of '·' and '•' in UTF-8.
        separated = dom.tag(k) == Tag::Text
            && dom
                .text_of(k)
                .bytes()
                .any(|b| b == b'|' || b == 0xB7 || b == 0xA2)
            && dom.text_of(k).contains(META_ITEM_SEPARATORS);
        k = dom.end(k).max(k + 1);
    }
    if !separated {
        return false;
    }
    let mut line = String::new();
    for k in texts() {
        line.push_str(dom.text_of(k));
        line.push(' ');
    }
    let (mut items, mut date, mut time, mut names) = (0, false, false, 0);
    for item in line.split(META_ITEM_SEPARATORS) {
        let words: Vec<&str> = item
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        items += 1;
        let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
        let numeric = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
        let counted = |units: &[&str]| {
            numeric(words[0])
                && words.len() <= 3
                && words.get(1).is_some_and(|w| is(w, units))
                && words.get(2).is_none_or(|w| is(w, READING_WORDS))
        };
        if counted(READING_TIME_UNITS) {
            time = true;
        } else if counted(WORD_COUNT_UNITS) {
        } else if words.iter().any(|w| numeric(w))
            && words.iter().all(|w| {
                numeric(w) || is(w, DATE_LINE_WORDS) || crate::date::month_number(w).is_some()
            })
        {
            date = true;
        } else if words.len() <= 3
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.contains(|c: char| c.is_ascii_digit())
            })
        {
            names += 1;
        } else {
            return false;
        }
    }
    items >= 3 && date && time && names <= 1
}

/// Prunes, in an article's root, a line telling how long the article takes to read ("2 min
/// read", "Jun 08, 2023 • 11 Minute Read"): the template's, from the word count, never the
/// author's words. Its line goes whole when it holds nothing but a date beside the reading
/// time, and so does a date alone next to it (the post's meta line: `<time>` then the
/// reading time). A reading time inside a sentence is text, and so are several: they
/// describe the cards of other pages (a resource list's "8-minute read"), not the page.
fn prune_reading_times(dom: &Dom, pruned: &mut [bool], raw: &[u32], root: usize) {
    let end = dom.end(root);
    let mut found = None;
    let mut i = root + 1;
    while i < end {
        let tag = dom.tag(i);
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if tag == Tag::Text
            || !(1..=MAX_READING_TIME_RAW_CHARS).contains(&raw.get(i).copied().unwrap_or(0))
            || dom.end(i) > i + MAX_COUNTER_NODES
            || in_running_text(dom, i)
            || (reading_time_line(dom, pruned, i) != Some(true)
                && (raw.get(i).copied().unwrap_or(0) < MIN_META_LINE_RAW_CHARS
                    || !meta_items_line(dom, pruned, i)))
        {
            i += 1;
            continue;
        }
        if found.is_some() {
            return;
        }
        found = Some(i);
        i = dom.end(i).max(i + 1);
    }
    let Some(i) = found else { return };
    if let Some(x) = pruned.get_mut(i) {
        *x = true;
    }
    for s in [
        previous_element_sibling(dom, i),
        next_element_sibling(dom, i),
    ]
    .into_iter()
    .flatten()
    {
        if !pruned.get(s).copied().unwrap_or(true)
            && raw.get(s).copied().unwrap_or(0) <= MAX_READING_TIME_RAW_CHARS
            && dom.end(s) <= s + MAX_COUNTER_NODES
            && reading_time_line(dom, pruned, s) == Some(false)
            && let Some(x) = pruned.get_mut(s)
        {
            *x = true;
        }
    }
}

/// Most nodes of a form [`prune_after_reply_form`] reads for its text box.
const MAX_REPLY_FORM_NODES: usize = 256;

/// An article's reply form (a `<form>` holding a `<textarea>`: "Leave a comment") closes
/// what the author wrote: blogs and news templates put it after the story and its comments.
/// What follows the form in the root (the form's privacy notes, related posts, the
/// site's blurbs) is no part of the story, when the story before the form holds at least
/// [`MIN_ARTICLE_VALUE`] characters and twice the text after it. A form high on the page
/// (a contact form heading a service page) is left alone.
fn prune_after_reply_form(dom: &Dom, pruned: &mut [bool], raw: &[u32], root: usize) {
    let end = dom.end(root);
    let mut form = None;
    let mut before = 0u32;
    // The form is looked for in pruned regions too (a comments area pruned by its name);
    // only text outside them counts.
    let mut hidden_until = 0;
    let mut i = root + 1;
    while i < end {
        if i >= hidden_until && pruned.get(i).copied().unwrap_or(true) {
            hidden_until = dom.end(i);
        }
        match dom.tag(i) {
            Tag::Form => {
                let e = dom.end(i).min(i + MAX_REPLY_FORM_NODES);
                if (i + 1..e).any(|k| dom.tag(k) == Tag::Textarea) {
                    form = Some(i);
                    break;
                }
                i = dom.end(i).max(i + 1);
            }
            Tag::Text => {
                if i >= hidden_until {
                    before += raw.get(i).copied().unwrap_or(0);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    let Some(f) = form else { return };
    prune_comments_area(dom, pruned, raw, root, f);
    let start = dom.end(f);
    let mut after = 0u32;
    let mut i = start;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if dom.tag(i) == Tag::Text {
            after += raw.get(i).copied().unwrap_or(0);
        }
        i += 1;
    }
    if after == 0 || (before as f32) < MIN_ARTICLE_VALUE || before < 2 * after {
        return;
    }
    let mut i = start;
    while i < end {
        if let Some(p) = pruned.get_mut(i) {
            *p = true;
        }
        i = dom.end(i).max(i + 1);
    }
}

/// The comments area around an article's reply form `f` (blogs put the form after the
/// comments it answers, in one block: "3 Comments", the comments, "Leave a reply"): the
/// largest block holding the form, below the root, whose shown text is at most half the
/// story's shown text before it while that holds at least [`MIN_ARTICLE_VALUE`]
/// characters. The comments are no part of the story, and a page built of `<div>`s has no
/// class or `<aside>` to say so; the form is what marks them.
fn prune_comments_area(dom: &Dom, pruned: &mut [bool], raw: &[u32], root: usize, f: usize) {
    // The form's ancestors below the root, nearest first.
    let chain: Vec<usize> = dom
        .ancestors(f)
        .skip(1)
        .take_while(|&a| a > root)
        .take(MAX_REPLY_FORM_NODES)
        .collect();
    let Some(&top) = chain.last() else { return };
    // Shown text before each node up to the end of the outermost ancestor, in one walk:
    // `upto[i - root]` is the shown text of the root before node `i`.
    let end = dom.end(top);
    let mut upto = vec![0u32; end - root + 1];
    let mut shown = 0u32;
    let mut i = root + 1;
    while i < end {
        let next = if pruned.get(i).copied().unwrap_or(true) {
            dom.end(i).max(i + 1).min(end)
        } else {
            if dom.tag(i) == Tag::Text {
                shown += raw.get(i).copied().unwrap_or(0);
            }
            i + 1
        };
        for x in upto
            .get_mut(i + 1 - root..=next - root)
            .into_iter()
            .flatten()
        {
            *x = shown;
        }
        i = next;
    }
    let at = |k: usize| upto.get(k - root).copied().unwrap_or(0);
    let mut area = None;
    for &a in &chain {
        let (b, t) = (at(a), at(dom.end(a)) - at(a));
        if (b as f32) < MIN_ARTICLE_VALUE || b < 2 * t {
            break;
        }
        area = Some(a);
    }
    if let Some(a) = area
        && let Some(p) = pruned.get_mut(a)
    {
        *p = true;
    }
}

/// Most characters of a copyright line ([`prune_copyright_footer`]).
const MAX_COPYRIGHT_LINE_CHARS: u32 = 300;
/// Most characters of the root's text after the footer ([`prune_copyright_footer`]): a
/// cookie notice, a "back to top" link. Our choice.
const MAX_AFTER_FOOTER_CHARS: u32 = 200;
/// Most share of the root's text the footer may hold ([`prune_copyright_footer`]). Our
/// choice.
const MAX_FOOTER_SHARE: f32 = 0.3;

/// Most long paragraphs ([`MIN_PROSE_CHARS`]) a footer holds ([`prune_copyright_footer`]):
/// its fine print. An article closing with its agency's copyright line holds more. Our
/// choice.
const MAX_FOOTER_PARAGRAPHS: u32 = 3;

/// Whether text `t` is a copyright notice (`© 2024 Acme Inc.`, `Copyright 2024`).
fn is_copyright(t: &str) -> bool {
    // It runs on every short text of the page: memchr finds the candidates (`©` is C2 A9
    // in UTF-8, and C2 only ever starts a character).
    let b = t.as_bytes();
    memchr::memchr_iter(0xa9, b).any(|k| k > 0 && b.get(k - 1) == Some(&0xc2))
        || memchr::memchr2_iter(b'c', b'C', b).any(|k| {
            b.get(k..k + 9)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"copyright"))
        })
}

/// A site's footer closes the page with its copyright line: when the root (the body before
/// the scoring, the chosen root after it) ends with a short text holding one (at most
/// [`MAX_AFTER_FOOTER_CHARS`] of the root's text after it), the largest region around it
/// that holds no `<h1>`, at most [`MAX_FOOTER_PARAGRAPHS`] long paragraphs and at most
/// [`MAX_FOOTER_SHARE`] of the root's text (its links, addresses and fine print) is the
/// footer, whatever its tag, when it holds a link: pruned. A page built of `<div>`s has no
/// `<footer>` to say so.
fn prune_copyright_footer(
    dom: &Dom,
    pruned: &mut [bool],
    raw: &[u32],
    has_h1: &[bool],
    para: &[u32],
    root: usize,
) {
    let total = raw.get(root).copied().unwrap_or(0);
    // The last shown copyright line, and the shown text after it.
    let (mut line, mut after) = (None, 0u32);
    let end = dom.end(root);
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if dom.tag(i) == Tag::Text {
            let r = raw.get(i).copied().unwrap_or(0);
            if r > 0 && r <= MAX_COPYRIGHT_LINE_CHARS && is_copyright(dom.text_of(i)) {
                (line, after) = (Some(i), 0);
            } else {
                after += r;
            }
        }
        i += 1;
    }
    let Some(mut a) = line else { return };
    if after > MAX_AFTER_FOOTER_CHARS {
        return;
    }
    while let Some(p) = dom.parent(a) {
        if p <= root
            || has_h1.get(p).copied().unwrap_or(true)
            || para.get(p).copied().unwrap_or(0) > MAX_FOOTER_PARAGRAPHS
            || raw.get(p).copied().unwrap_or(0) as f32 > MAX_FOOTER_SHARE * total as f32
        {
            break;
        }
        a = p;
    }
    // A footer links to the site's pages (its policies, contacts); a credit line closing an
    // article ("© 2019 Associated Press. All rights reserved.") links nowhere and stays.
    let linked = (a + 1..dom.end(a)).any(|k| {
        dom.tag(k) == Tag::A
            && dom.attr(k, Attr::Href).is_some()
            && !pruned.get(k).copied().unwrap_or(true)
    });
    if linked && let Some(x) = pruned.get_mut(a) {
        *x = true;
    }
}

/// Fewest links of a list of links that [`restore_contents_lists`] takes for the page's
/// table of contents. Our choice: a "Prev Up Next" bar has three.
const MIN_CONTENTS_LINKS: u32 = 4;

/// Most nodes a pruned region may hold for [`restore_contents_lists`] to read it: bounds the
/// walk on huge menus. Our choice.
const MAX_CONTENTS_NODES: usize = 4096;

/// A chapter or index page of a manual is its table of contents and a paragraph: pruning the
/// contents list by its class word ("toc") leaves the root with a sentence. When regions of
/// the root pruned by a boilerplate class word are lists of links (mostly link text, at least
/// [`MIN_CONTENTS_LINKS`] links, a `<ul>`, `<ol>` or `<dl>` inside) that together hold at
/// least as much text as the root kept, and the root kept less than [`MIN_ARTICLE_VALUE`]
/// characters (a short note, not an article), they are the page's content and are restored (and
/// the text starts at the top of the root, the contents before the first paragraph). An
/// article keeps more text than its table of contents, which stays pruned.
fn restore_contents_lists(
    dom: &Dom,
    pruned: &mut [bool],
    why: &mut [Option<Why>],
    raw: &[u32],
    chars: &[u32],
    root: usize,
    body: usize,
) -> bool {
    if root <= body {
        return false;
    }
    let kept = chars.get(root).copied().unwrap_or(0);
    if kept as f32 >= MIN_ARTICLE_VALUE {
        return false;
    }
    let end = dom.end(root);
    let mut found: Vec<usize> = Vec::new();
    let mut total = 0u32;
    let mut i = root + 1;
    while i < end {
        let e = dom.end(i).max(i + 1);
        if !pruned.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let r = raw.get(i).copied().unwrap_or(0);
        if r > 0
            && dom.tag(i) != Tag::Text
            && e - i <= MAX_CONTENTS_NODES
            && dom.class_id_hints(i).boilerplate
        {
            let (mut links, mut link_chars, mut list) = (0u32, 0u32, false);
            let mut link_end = 0;
            for j in i + 1..e {
                match dom.tag(j) {
                    Tag::A if j >= link_end => {
                        links += 1;
                        link_end = dom.end(j);
                    }
                    Tag::Ul | Tag::Ol | Tag::Dl => list = true,
                    Tag::Text if j < link_end => link_chars += raw.get(j).copied().unwrap_or(0),
                    _ => {}
                }
            }
            if list
                && links >= MIN_CONTENTS_LINKS
                && link_chars as f32 > MAX_LINK_DENSITY * r as f32
            {
                found.push(i);
                total += r;
            }
        }
        i = e;
    }
    if found.is_empty() || total < kept {
        return false;
    }
    for f in found {
        if let Some(p) = pruned.get_mut(f) {
            *p = false;
        }
        if let Some(w) = why.get_mut(f) {
            *w = None;
        }
    }
    true
}

/// Whether element `i` is a list of links: a `<ul>`, `<ol>` or `<dl>` inside (within
/// [`MAX_CONTENTS_NODES`] nodes), at least [`MIN_CONTENTS_LINKS`] links and mostly link text.
fn is_link_list(
    dom: &Dom,
    pruned: &[bool],
    chars: &[u32],
    link_chars: &[u32],
    links: &[u32],
    i: usize,
) -> bool {
    let c = chars.get(i).copied().unwrap_or(0);
    c > 0
        && links.get(i).copied().unwrap_or(0) >= MIN_CONTENTS_LINKS
        && link_chars.get(i).copied().unwrap_or(0) as f32 > MAX_LINK_DENSITY * c as f32
        && (i + 1..dom.end(i).min(i + 1 + MAX_CONTENTS_NODES)).any(|j| {
            matches!(dom.tag(j), Tag::Ul | Tag::Ol | Tag::Dl)
                && !pruned.get(j).copied().unwrap_or(true)
        })
}

/// The same page as [`restore_contents_lists`] when no class word named its contents: the
/// chapter's contents list is a sibling of the short root (the chapter's one paragraph), not
/// pruned but worth less than nothing as links. When the root kept less than
/// [`MIN_ARTICLE_VALUE`] characters and its parent holds, beside it, lists of links with at
/// least as much text, and other text (the chapter's title) shorter than the root's, the
/// parent (inside the body: the caller checks) is the root: the chapter with its contents.
/// The lists are then valued as restored ones are (nothing: they were no part of the
/// choice), so that the text keeps them.
fn contents_beside(
    dom: &Dom,
    pruned: &[bool],
    chars: &[u32],
    link_chars: &[u32],
    links: &[u32],
    value: &mut [f32],
    root: usize,
) -> bool {
    let kept = chars.get(root).copied().unwrap_or(0);
    if kept == 0 || kept as f32 >= MIN_ARTICLE_VALUE {
        return false;
    }
    let Some(p) = dom.parent(root) else {
        return false;
    };
    let (mut lists, mut other) = (0u32, 0u32);
    let mut c = p + 1;
    while c < dom.end(p) {
        if c != root && dom.tag(c) != Tag::Text && !pruned.get(c).copied().unwrap_or(true) {
            let n = chars.get(c).copied().unwrap_or(0);
            if is_link_list(dom, pruned, chars, link_chars, links, c) {
                lists += n;
            } else {
                other += n;
            }
        }
        c = dom.end(c).max(c + 1);
    }
    if lists < kept || other >= kept {
        return false;
    }
    let mut c = p + 1;
    while c < dom.end(p) {
        let e = dom.end(c).max(c + 1);
        if c != root
            && dom.tag(c) != Tag::Text
            && !pruned.get(c).copied().unwrap_or(true)
            && is_link_list(dom, pruned, chars, link_chars, links, c)
        {
            for v in value.get_mut(c..e).unwrap_or_default() {
                *v = 0.0;
            }
        }
        c = e;
    }
    true
}

/// A body that won as the root (nothing inside it is worth as much) holds the site's page
/// wrapper and, beside it, what the site lays over or around the page: pop-ups, drawers,
/// sign-up and consent panels, footers. When those add a little value (their sentences) to
/// a child of the body that holds most of it, at least [`MIN_INSIDE_BODY_SHARE`] of the
/// body's value, the root is chosen again inside that child (its best element, ties to the
/// outermost). Otherwise the body stays, and so it does when the page's `<h1>` or `<main>`
/// lies outside that child: then the body's children are the page's own sections.
fn inside_body(dom: &Dom, pruned: &[bool], value: &[f32], has_h1: &[bool], body: usize) -> usize {
    let whole = value.get(body).copied().unwrap_or(0.0);
    let (mut child, mut child_value) = (body, f32::MIN);
    let end = dom.end(body);
    let mut c = body + 1;
    while c < end {
        let v = value.get(c).copied().unwrap_or(0.0);
        if dom.tag(c) != Tag::Text && !pruned.get(c).copied().unwrap_or(true) && v > child_value {
            (child, child_value) = (c, v);
        }
        c = dom.end(c).max(c + 1);
    }
    if whole <= 0.0
        || child_value >= whole
        || child_value < MIN_INSIDE_BODY_SHARE * whole
        || (has_h1.get(body).copied().unwrap_or(false)
            && !has_h1.get(child).copied().unwrap_or(false))
    {
        return body;
    }
    let (mut best, mut best_value) = (child, child_value);
    let mut i = child + 1;
    while i < dom.end(child) {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        let v = value.get(i).copied().unwrap_or(0.0);
        if dom.tag(i) != Tag::Text && v > best_value {
            (best, best_value) = (i, v);
        }
        i += 1;
    }
    best
}

/// When the root holds exactly one `<main>` or `<article>` element (or ARIA role, or
/// schema.org `articleBody`) worth most of the root's value (`min_share`:
/// [`MIN_ARTICLE_ELEMENT_SHARE`], [`MIN_PRODUCT_MAIN_SHARE`] on a product page,
/// [`MIN_LISTING_MAIN_SHARE`] in listing mode; `main_share` when the element is a `<main>`
/// or `role=main`), the article is the root: what the root adds around it are teasers and
/// blurbs next to the article.
fn single_article(
    dom: &Dom,
    pruned: &[bool],
    value: &[f32],
    root: usize,
    min_share: f32,
    main_share: f32,
) -> usize {
    let end = dom.end(root);
    let mut found = None;
    let mut main = false;
    // An `<article>` nested in an `<article>` is, as HTML defines it, related to the outer
    // one (a comment on it, a customer's review of the product): never its body.
    let in_article =
        dom.tag(root) == Tag::Article || dom.ancestors(root).any(|a| dom.tag(a) == Tag::Article);
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        let is_main = dom.tag(i) == Tag::Main
            || dom.attr(i, Attr::Role).is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("main"))
            });
        if is_main
            || (dom.tag(i) == Tag::Article && !in_article)
            || dom.attr(i, Attr::Role).is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("article"))
            })
            || dom
                .attr(i, Attr::Itemprop)
                .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "articleBody"))
        {
            if found.is_some() {
                return root;
            }
            found = Some(i);
            main = is_main;
            i = dom.end(i).max(i + 1);
            continue;
        }
        i += 1;
    }
    let share = if main { main_share } else { min_share };
    match found {
        Some(a)
            if value.get(a).copied().unwrap_or(0.0)
                >= share * value.get(root).copied().unwrap_or(0.0) =>
        {
            a
        }
        _ => root,
    }
}

/// Most levels [`titled_box`] climbs from a heading. Bounds the walk on deep nesting.
const MAX_TITLED_BOX_DEPTH: usize = 32;

/// A box holding the page's `<h1>` and this share of the root's value is the page's story
/// (see [`titled_box`]). Our choice: 0.5 and 0.6 measured the same on the tuning half; 0.75
/// (as for an `<article>`) left four pages' sidebars, bios and comments in.
const MIN_TITLED_BOX_SHARE: f32 = 0.6;

/// The box of the story under the root's first `<h1>` when the markup names none (no
/// `<article>` or `<main>` on the page: a page of `<div>`s): walking up from the heading, the
/// first element worth at least [`MIN_TITLED_BOX_SHARE`] of the root's value is the story, its
/// title and its text, and becomes the root when it holds an article's worth of prose
/// ([`MIN_ARTICLE_VALUE`]) and less than the root's value (what the root adds around it are
/// boxes beside the story: a bio, a sidebar, comments, a footer's blurb).
fn titled_box(dom: &Dom, pruned: &[bool], value: &[f32], root: usize) -> usize {
    let whole = value.get(root).copied().unwrap_or(0.0);
    if whole <= 0.0 {
        return root;
    }
    let end = dom.end(root);
    let mut h = root + 1;
    let mut first = None;
    while h < end {
        if pruned.get(h).copied().unwrap_or(true) {
            h = dom.end(h).max(h + 1);
            continue;
        }
        if dom.tag(h) == Tag::H1 {
            first = Some(h);
            break;
        }
        h += 1;
    }
    let Some(h) = first else { return root };
    let mut a = h;
    for _ in 0..MAX_TITLED_BOX_DEPTH {
        let Some(p) = dom.parent(a) else { break };
        if p <= root {
            break;
        }
        a = p;
        let v = value.get(a).copied().unwrap_or(0.0);
        if v >= MIN_TITLED_BOX_SHARE * whole {
            return if v >= MIN_ARTICLE_VALUE && v < whole {
                a
            } else {
                root
            };
        }
    }
    root
}

/// A root at most four levels inside an element marked `itemprop="articleBody"` (one
/// paragraph of it, when the rest is short lines: notes under a table of dates written with
/// `<br>`s) grows to that element, when the element is worth at least
/// [`MIN_ARTICLE_BODY_SHARE`] of the root's value; its children that are link clusters (its
/// tags: link text over [`MAX_LINK_DENSITY`] and 3 links or more, or shorter than
/// [`MIN_TITLE_LINK_CHARS`]: a share button) are pruned.
fn to_article_body(
    dom: &Dom,
    pruned: &mut [bool],
    value: &[f32],
    root: usize,
    body: usize,
) -> usize {
    let mut a = root;
    let mut found = None;
    for _ in 0..4 {
        let Some(p) = dom.parent(a) else { break };
        if p <= body {
            break;
        }
        a = p;
        if dom
            .attr(a, Attr::Itemprop)
            .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "articleBody"))
        {
            found = Some(a);
            break;
        }
    }
    let Some(a) = found else { return root };
    if value.get(a).copied().unwrap_or(0.0)
        < MIN_ARTICLE_BODY_SHARE * value.get(root).copied().unwrap_or(0.0)
    {
        return root;
    }
    // Its children that are link clusters: counted here from their text, since an inline
    // element (`<strong>Tags<br><a>..</a>, <a>..</a></strong>`) is no block of its own.
    let end = dom.end(a);
    let mut i = a + 1;
    while i < end {
        if dom.tag(i) != Tag::Text && !pruned.get(i).copied().unwrap_or(true) {
            let (c, l, k) = text_counts(dom, pruned, i);
            if c > 0
                && l as f32 > MAX_LINK_DENSITY * c as f32
                && (k >= 3 || c < MIN_TITLE_LINK_CHARS)
                && let Some(x) = pruned.get_mut(i)
            {
                *x = true;
            }
        }
        i = dom.end(i).max(i + 1);
    }
    a
}

/// Non-whitespace characters of the text of element `i` outside pruned regions, of which
/// inside links, and its number of links: counted from the text, for inline elements, which
/// are no blocks of their own.
fn text_counts(dom: &Dom, pruned: &[bool], i: usize) -> (u32, u32, u32) {
    let (mut c, mut l, mut k) = (0u32, 0u32, 0u32);
    let mut link_end = 0;
    let mut j = i + 1;
    while j < dom.end(i) {
        if pruned.get(j).copied().unwrap_or(true) {
            j = dom.end(j).max(j + 1);
            continue;
        }
        match dom.tag(j) {
            Tag::A if j >= link_end => {
                k += 1;
                link_end = dom.end(j);
            }
            Tag::Text => {
                let n = count(dom.text_of(j)).0;
                c += n;
                if j < link_end {
                    l += n;
                }
            }
            _ => {}
        }
        j += 1;
    }
    (c, l, k)
}

/// Readability's sibling step: siblings of the root worth at least [`SIBLING_SHARE`] of the
/// root's value (a product's specification list next to its description, an article's
/// second column) join it. The root's parent becomes the root and its other children are
/// pruned. Returns the (possibly new) root.
fn merge_siblings(
    dom: &Dom,
    pruned: &mut [bool],
    value: &[f32],
    root: usize,
    body: usize,
) -> usize {
    let Some(parent) = dom.parent(root) else {
        return root;
    };
    if root == body || parent < body {
        return root;
    }
    let min = (SIBLING_SHARE * value.get(root).copied().unwrap_or(0.0)).max(SIBLING_MIN_VALUE);
    let end = dom.end(parent);
    let mut keep = Vec::new();
    let mut drop = Vec::new();
    let mut c = parent + 1;
    while c < end {
        if c != root && dom.tag(c) != Tag::Text && !pruned.get(c).copied().unwrap_or(true) {
            if value.get(c).copied().unwrap_or(0.0) >= min {
                keep.push(c);
            } else {
                drop.push(c);
            }
        }
        c = dom.end(c).max(c + 1);
    }
    if keep.is_empty() {
        return root;
    }
    for d in drop {
        if let Some(p) = pruned.get_mut(d) {
            *p = true;
        }
    }
    parent
}

/// A root that is one panel of a tab widget (`role=tabpanel`, `tab-pane`), or lies at most
/// [`MAX_TAB_PANEL_DEPTH`] levels inside one, grows to the widget's set of panels when the
/// panel has a sibling panel: the other tabs hold the rest of what the page offers (a
/// department's forms, a plan's features), one click away, however link-heavy they are.
fn join_tab_panels(dom: &Dom, pruned: &[bool], root: usize, body: usize) -> usize {
    let is_panel = |i: usize| {
        names_tab_panel(dom, i)
            || dom.attr(i, Attr::Role).is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("tabpanel"))
            })
    };
    let mut panel = root;
    let mut depth = 0;
    while !is_panel(panel) {
        depth += 1;
        match dom.parent(panel) {
            Some(p) if p > body && depth <= MAX_TAB_PANEL_DEPTH => panel = p,
            _ => return hidden_twin_panels(dom, pruned, root, body).unwrap_or(root),
        }
    }
    let Some(set) = dom.parent(panel) else {
        return root;
    };
    if set <= body {
        return root;
    }
    let end = dom.end(set);
    let mut c = set + 1;
    while c < end {
        if c != panel && !pruned.get(c).copied().unwrap_or(true) && is_panel(c) {
            return set;
        }
        c = dom.end(c).max(c + 1);
    }
    root
}

/// [`join_tab_panels`] without a named panel (`role` and class names gone): the root, or an
/// element at most [`MAX_TAB_PANEL_DEPTH`] levels above it, shown among siblings of its tag
/// and class that are hidden but kept (by [`hidden_twin`]: a tab widget's other panels, shown
/// by a click). Their parent, when inside the body, is the widget's set of panels.
fn hidden_twin_panels(dom: &Dom, pruned: &[bool], root: usize, body: usize) -> Option<usize> {
    let mut panel = root;
    for _ in 0..=MAX_TAB_PANEL_DEPTH {
        let set = dom.parent(panel).filter(|&p| p > body)?;
        let tag = dom.tag(panel);
        if let Some(cls) = dom.attr(panel, Attr::Class)
            && !hidden_state(dom, panel, &dom.class_hints(panel))
        {
            let shares = |c: &str| {
                c.split_ascii_whitespace().any(|t| {
                    cls.split_ascii_whitespace()
                        .any(|w| w.eq_ignore_ascii_case(t))
                })
            };
            let mut c = set + 1;
            let end = dom.end(set);
            let mut seen = 0;
            while c < end && seen < MAX_TWIN_SIBLINGS {
                if c != panel
                    && dom.tag(c) == tag
                    && !pruned.get(c).copied().unwrap_or(true)
                    && dom.attr(c, Attr::Class).is_some_and(shares)
                    && hidden_state(dom, c, &dom.class_hints(c))
                {
                    return Some(set);
                }
                seen += 1;
                c = dom.end(c).max(c + 1);
            }
        }
        panel = set;
    }
    None
}

/// Marks "records": children of one parent that share a tag and class, at least
/// [`MIN_RECORDS`] of them, averaging at least [`MIN_RECORD_CHARS`] characters — the cards of
/// a listing, the rows of a results table, the posts of a thread. Menus repeat too, but their
/// items are a word or two.
///
/// Also returns which records are "teasers": groups where most members are at least
/// [`MIN_TEASER_LINK_DENSITY`] link text (headline cards of "more stories" boxes), as opposed
/// to paragraphs or posts that only mention a link. And which are teasers to the article
/// scoring: those, and groups most of whose members link to another page by a thumbnail
/// alone ([`thumbnail_link`]).
fn find_records(
    dom: &Dom,
    pruned: &[bool],
    raw: &[u32],
    chars: &[u32],
    link_chars: &[u32],
) -> (Vec<bool>, Vec<bool>, Vec<bool>) {
    let n = dom.nodes.len();
    let mut records = vec![false; n];
    let mut teasers = vec![false; n];
    let mut cards = vec![false; n];
    let mut group: Vec<(u64, usize)> = Vec::new();
    let mut scratch = LoopScratch::default();
    // Headings per element, and those that are links or inside one (an item of a
    // template's loop carries its title in one heading, linked to the item's own page):
    // one walk up the tree; a heading looks up for a link around it (headings are few).
    let mut holds_link = vec![false; n];
    let mut headed = vec![(0u32, 0u32); n];
    for i in (1..n).rev() {
        let tag = dom.tag(i);
        if tag == Tag::Text {
            continue;
        }
        let link = holds_link.get(i).copied().unwrap_or(false);
        if tag.is_heading()
            && let Some(h) = headed.get_mut(i)
        {
            h.0 = h.0.saturating_add(1);
            if link
                || dom
                    .ancestors(i)
                    .take(MAX_HEADING_LINK_DEPTH)
                    .any(|a| dom.tag(a) == Tag::A)
            {
                h.1 = h.1.saturating_add(1);
            }
        }
        let here = headed.get(i).copied().unwrap_or((0, 0));
        if let Some(p) = dom.parent(i) {
            if here != (0, 0)
                && let Some(h) = headed.get_mut(p)
            {
                h.0 = h.0.saturating_add(here.0);
                h.1 = h.1.saturating_add(here.1);
            }
            if (link || tag == Tag::A)
                && let Some(x) = holds_link.get_mut(p)
            {
                *x = true;
            }
        }
    }
    for parent in 0..n {
        let end = dom.end(parent);
        if end <= parent + 1
            || dom.tag(parent) == Tag::Text
            || pruned.get(parent).copied().unwrap_or(true)
        {
            continue;
        }
        group.clear();
        let mut c = parent + 1;
        while c < end {
            let tag = dom.tag(c);
            if tag != Tag::Text && !pruned.get(c).copied().unwrap_or(true) {
                group.push((signature(dom, c, tag), c));
            }
            c = dom.end(c).max(c + 1);
        }
        if group.len() < MIN_RECORDS {
            continue;
        }
        merge_striped(dom, &mut group, chars);
        shared_class_signatures(dom, &mut group, &mut scratch, &headed);
        group.sort_unstable();
        for run in group.chunk_by(|a, b| a.0 == b.0) {
            let mut total = 0u64;
            let mut linked = 0usize;
            for &(_, node) in run {
                let c = chars.get(node).copied().unwrap_or(0);
                let l = link_chars.get(node).copied().unwrap_or(0);
                total += u64::from(c);
                if c > 0 && l as f32 >= MIN_TEASER_LINK_DENSITY * c as f32 {
                    linked += 1;
                }
            }
            let count = run.len();
            if count >= MIN_RECORDS && total >= MIN_RECORD_CHARS * count as u64 {
                let teaser = linked * 3 >= count * 2;
                // Link-dense posts without a title (a short answer under its poster's
                // name and date link) beside at least half as much text as one of them (the
                // question they answer, a thread's opening post; a blog's comment list
                // stands alone in its box) are no cards of other pages: the article scoring
                // does not weigh them against the page; they stay teasers otherwise.
                let beside =
                    u64::from(chars.get(parent).copied().unwrap_or(0)).saturating_sub(total);
                let posts = if teaser && 2 * beside * count as u64 > total {
                    run.iter()
                        .filter(|&&(_, node)| {
                            let c = chars.get(node).copied().unwrap_or(0);
                            let l = link_chars.get(node).copied().unwrap_or(0);
                            c > 0
                                && l as f32 >= MIN_TEASER_LINK_DENSITY * c as f32
                                && untitled_post(dom, pruned, raw, node)
                        })
                        .count()
                } else {
                    0
                };
                let titled = linked - posts;
                // A card whose link is its thumbnail (`<a href=story><img></a>` and a blurb
                // beside it) leads to another page as a headline link does: in the article
                // scoring only.
                let mut thumbnails = titled;
                if titled * 3 < count * 2 {
                    thumbnails += run
                        .iter()
                        .filter(|&&(_, node)| {
                            let c = chars.get(node).copied().unwrap_or(0);
                            let l = link_chars.get(node).copied().unwrap_or(0);
                            (l as f32) < MIN_TEASER_LINK_DENSITY * c as f32
                                && (c as f32) < MIN_ARTICLE_VALUE
                                && thumbnail_link(dom, node)
                        })
                        .count();
                }
                let card = thumbnails * 3 >= count * 2;
                // List items that are all links and open a list of their own (`<li><a>
                // Council</a><ul>..</ul></li>`) are the branches of a menu tree, however long
                // their submenus: teasers to an article (weighing against it as such), no
                // records of a listing.
                let branches = run
                    .iter()
                    .filter(|&&(_, node)| menu_branch(dom, chars, link_chars, node))
                    .count();
                let record = 2 * branches <= count;
                for &(_, node) in run {
                    if let Some(r) = records.get_mut(node) {
                        *r = record;
                    }
                    if let Some(t) = teasers.get_mut(node) {
                        *t = teaser;
                    }
                    if let Some(t) = cards.get_mut(node) {
                        *t = card;
                    }
                }
            }
        }
    }
    (records, teasers, cards)
}

/// Most nodes of a record [`untitled_post`] reads. Our choice.
const MAX_TITLE_LINK_NODES: usize = 512;

/// Fewest words with a letter in a link read as a title ([`untitled_post`]). Our choice.
const MIN_TITLE_LINK_WORDS: usize = 3;

/// Fewest letters outside ASCII in a one-word link read as a title (scripts written
/// without spaces). Our choice.
const MIN_TITLE_LINK_WIDE_LETTERS: usize = 6;

/// Whether record `r` (at most [`MAX_TITLE_LINK_NODES`] nodes) is a post rather than a
/// teaser card, however link-dense: it carries a date line ([`has_date_line`]) and no title
/// leading to another page: no shown heading, no link away whose text is
/// [`MIN_TITLE_LINK_WORDS`] words or more with a letter (or [`MIN_TITLE_LINK_WIDE_LETTERS`]
/// letters of a script written without spaces). A teaser card names the page it leads to;
/// an answer whose only links are its poster's name, its dated "answered" line and "link"
/// is a post however short (a Q&A page's answers).
fn untitled_post(dom: &Dom, pruned: &[bool], raw: &[u32], r: usize) -> bool {
    let end = dom.end(r);
    if end.saturating_sub(r) > MAX_TITLE_LINK_NODES {
        return false;
    }
    let mut a = r + 1;
    while a < end {
        let tag = dom.tag(a);
        if pruned.get(a).copied().unwrap_or(true) {
            a = dom.end(a).max(a + 1);
            continue;
        }
        if tag.is_heading() {
            return false;
        }
        if tag != Tag::A {
            a += 1;
            continue;
        }
        let away = dom
            .attr(a, Attr::Href)
            .map(str::trim)
            .is_some_and(|h| !h.is_empty() && !h.starts_with('#'));
        if away {
            let (mut words, mut wide) = (0usize, 0usize);
            for k in a + 1..dom.end(a) {
                if dom.tag(k) == Tag::Text {
                    let t = dom.text_of(k);
                    words += t
                        .split_whitespace()
                        .filter(|w| w.chars().any(char::is_alphabetic))
                        .count();
                    wide += t
                        .chars()
                        .filter(|ch| !ch.is_ascii() && ch.is_alphabetic())
                        .count();
                }
            }
            if words >= MIN_TITLE_LINK_WORDS || wide >= MIN_TITLE_LINK_WIDE_LETTERS {
                return false;
            }
        }
        a = dom.end(a).max(a + 1);
    }
    has_date_line(dom, raw, r, MAX_TITLE_LINK_NODES)
}

/// Most nodes of a card [`thumbnail_link`] reads. Our choice.
const MAX_THUMBNAIL_CARD_NODES: usize = 64;

/// File endings of an image: a link to one opens the picture itself (a lightbox), no
/// other page.
const IMAGE_FILE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"];

/// Most characters of a name linked beside an avatar ([`names_link`]). Our choice.
const MAX_LINKED_NAME_CHARS: usize = 32;

/// Whether card `r` links page `href` elsewhere by a name: a link to the same page whose
/// text is one or two words (at most [`MAX_LINKED_NAME_CHARS`]). A picture linked to the page
/// the card names that way is a poster's avatar beside their name (a thread's post), no
/// teaser's thumbnail, whose page the card titles by a headline.
fn names_link(dom: &Dom, r: usize, href: &str, thumb: usize) -> bool {
    let end = dom.end(r);
    (r + 1..end).any(|a| {
        if dom.tag(a) != Tag::A
            || (a..dom.end(a)).contains(&thumb)
            || dom.attr(a, Attr::Href).map(str::trim) != Some(href)
        {
            return false;
        }
        shows_short_name(dom, a)
    })
}

/// Whether link `a` shows a name: one or two words, at most [`MAX_LINKED_NAME_CHARS`].
fn shows_short_name(dom: &Dom, a: usize) -> bool {
    let (mut len, mut words) = (0usize, 0usize);
    for k in a + 1..dom.end(a) {
        if dom.tag(k) == Tag::Text {
            let t = dom.text_of(k);
            len += t.trim().len();
            words += t.split_whitespace().count();
        }
    }
    len > 0 && len <= MAX_LINKED_NAME_CHARS && words <= 2
}

/// Levels looked up from a link for the avatar beside it ([`beside_avatar`]). Our choice.
const MAX_AVATAR_DEPTH: usize = 6;

/// Whether link `a` is a poster's name beside their avatar: its text a name (one or two
/// words, at most [`MAX_LINKED_NAME_CHARS`]), and within [`MAX_AVATAR_DEPTH`] levels up, in
/// a box of at most [`MAX_THUMBNAIL_CARD_NODES`] nodes, another link to the same page shows
/// only a picture: [`names_link`] seen from the name's side.
fn beside_avatar(dom: &Dom, a: usize) -> bool {
    let Some(href) = dom.attr(a, Attr::Href).map(str::trim) else {
        return false;
    };
    if href.is_empty() || href.starts_with('#') {
        return false;
    }
    if !shows_short_name(dom, a) {
        return false;
    }
    let mut b = a;
    for _ in 0..MAX_AVATAR_DEPTH {
        let Some(p) = dom.parent(b) else { break };
        b = p;
        let end = dom.end(b);
        if end.saturating_sub(b) > MAX_THUMBNAIL_CARD_NODES {
            break;
        }
        if (b + 1..end).any(|k| {
            k != a
                && dom.tag(k) == Tag::A
                && dom.attr(k, Attr::Href).map(str::trim) == Some(href)
                && (k + 1..dom.end(k)).any(|x| matches!(dom.tag(x), Tag::Img | Tag::Picture))
                && (k + 1..dom.end(k))
                    .all(|x| dom.tag(x) != Tag::Text || dom.text_of(x).trim().is_empty())
        }) {
            return true;
        }
    }
    false
}

/// Whether card `r` (at most [`MAX_THUMBNAIL_CARD_NODES`] nodes, no heading of its own)
/// holds a link to another page whose only content is an image: the thumbnail of a teaser
/// card, its title outside it. Not an avatar ([`names_link`]).
fn thumbnail_link(dom: &Dom, r: usize) -> bool {
    let end = dom.end(r);
    if end.saturating_sub(r) > MAX_THUMBNAIL_CARD_NODES
        || (r + 1..end).any(|k| dom.tag(k).is_heading())
    {
        return false;
    }
    (r + 1..end).any(|a| {
        dom.tag(a) == Tag::A
            && dom.attr(a, Attr::Href).is_some_and(|h| {
                let h = h.trim();
                let path = h.split(['?', '#']).next().unwrap_or(h);
                !h.is_empty()
                    && !h.starts_with('#')
                    && !IMAGE_FILE_ENDINGS.iter().any(|e| {
                        path.len() >= e.len()
                            && path
                                .get(path.len() - e.len()..)
                                .is_some_and(|x| x.eq_ignore_ascii_case(e))
                    })
            })
            && (a + 1..dom.end(a)).any(|k| matches!(dom.tag(k), Tag::Img | Tag::Picture))
            && (a + 1..dom.end(a))
                .all(|k| dom.tag(k) != Tag::Text || dom.text_of(k).trim().is_empty())
            && !dom
                .attr(a, Attr::Href)
                .is_some_and(|h| names_link(dom, r, h.trim(), a))
    })
}

/// Most children and grandchildren of a list item [`menu_branch`] looks at. Our choice.
const MAX_BRANCH_NODES: usize = 32;

/// Whether `li` is a branch of a menu tree: a list item whose text is all links (but for
/// a twentieth) and that holds a list among its children or grandchildren.
fn menu_branch(dom: &Dom, chars: &[u32], link_chars: &[u32], li: usize) -> bool {
    if dom.tag(li) != Tag::Li {
        return false;
    }
    let c = chars.get(li).copied().unwrap_or(0);
    let l = link_chars.get(li).copied().unwrap_or(0);
    if c == 0 || 20 * l < 19 * c {
        return false;
    }
    let mut seen = 0;
    let mut k = li + 1;
    while k < dom.end(li) && seen < MAX_BRANCH_NODES {
        seen += 1;
        if matches!(dom.tag(k), Tag::Ul | Tag::Ol) {
            return true;
        }
        // Down one level into a child, never into a grandchild.
        k = if dom.parent(k) == Some(li) {
            k + 1
        } else {
            dom.end(k).max(k + 1)
        };
    }
    false
}

/// Most nodes of a record looked at for its date line.
const MAX_POST_DATE_NODES: usize = 64;
/// Most characters of a post's date line.
const MAX_POST_DATE_CHARS: u32 = 60;

/// Whether one of nodes `a` and `b` holds the other (or they are the same node).
fn nested(dom: &Dom, a: usize, b: usize) -> bool {
    (a <= b && b < dom.end(a)) || (b <= a && a < dom.end(b))
}

/// Groups of repeated siblings (records, or elements with a class; not teasers) most of whose
/// members carry a date line near their top: timestamped posts (an article's comments, a
/// thread's posts, a product's reviews), found by their shape rather than their class words. A group is the children of one parent sharing
/// a tag and their first class word, at least [`MIN_RECORDS`] of them averaging
/// [`MIN_RECORD_CHARS`]: a template's later class words are often its state (a comment's
/// `even`/`odd`, `depth-1`, `parent`, `byauthor`), which splits the posts of one thread into
/// groups too small to be records. Returns the members, the first member of each group and
/// the members' characters; nothing when no candidate meets the root `r` (inside it or
/// holding it), as then none can change the page's text.
fn dated_posts(
    dom: &Dom,
    pruned: &[bool],
    raw: &[u32],
    records: &[bool],
    teasers: &[bool],
    chars: &[u32],
    r: usize,
) -> (Vec<usize>, Vec<usize>, u64) {
    // A member has text (a spacer or an icon is no post) and is a record or has a class.
    let candidate = |i: usize| {
        let tag = dom.tag(i);
        tag != Tag::Text
            && tag != Tag::Tr
            && chars.get(i).copied().unwrap_or(0) > 0
            && !pruned.get(i).copied().unwrap_or(true)
            && !teasers.get(i).copied().unwrap_or(false)
            && (records.get(i).copied().unwrap_or(false)
                || dom
                    .attr(i, Attr::Class)
                    .is_some_and(|c| !c.trim().is_empty()))
    };
    // Cheap test first: posts beside an article are found with its paragraphs, which are
    // records; no record meeting the root, no post can change the page's text.
    let record = |i: usize| {
        records.get(i).copied().unwrap_or(false)
            && !teasers.get(i).copied().unwrap_or(false)
            && dom.tag(i) != Tag::Tr
    };
    if !(0..dom.nodes.len()).any(|i| record(i) && nested(dom, i, r)) {
        return (Vec::new(), Vec::new(), 0);
    }
    let mut out = Vec::new();
    let mut heads = Vec::new();
    let mut total = 0u64;
    let mut members: Vec<(u64, usize)> = Vec::new();
    for p in 0..dom.nodes.len() {
        let end = dom.end(p);
        if end <= p + 1 || dom.tag(p) == Tag::Text {
            continue;
        }
        members.clear();
        let mut c = p + 1;
        while c < end {
            if candidate(c) {
                members.push((first_word_signature(dom, c), c));
            }
            c = dom.end(c).max(c + 1);
        }
        if members.len() < MIN_RECORDS {
            continue;
        }
        members.sort_unstable();
        for run in members.chunk_by(|a, b| a.0 == b.0) {
            let text: u64 = run
                .iter()
                .map(|&(_, m)| u64::from(chars.get(m).copied().unwrap_or(0)))
                .sum();
            let count = run.len();
            // Two thirds of the members dated; reading stops once the count is settled either
            // way.
            let need = (2 * count).div_ceil(3);
            let (mut dated, mut undated) = (0usize, 0usize);
            if count >= MIN_RECORDS && text >= MIN_RECORD_CHARS * count as u64 {
                for &(_, m) in run {
                    if dated >= need || count - undated < need {
                        break;
                    }
                    if has_date_line(dom, raw, m, MAX_POST_DATE_NODES) {
                        dated += 1;
                    } else {
                        undated += 1;
                    }
                }
            }
            if count >= MIN_RECORDS && dated >= need {
                heads.extend(run.first().map(|&(_, m)| m));
                for &(_, m) in run {
                    out.push(m);
                    total += u64::from(chars.get(m).copied().unwrap_or(0));
                }
            }
        }
    }
    (out, heads, total)
}

/// See the call in [`analyse_impl`]: the posts of [`dated_posts`] inside the listing `root`,
/// outside the root's largest group of records and without a title (a heading, a link of
/// [`MIN_TITLE_LINK_CHARS`]), are pruned when their text is less than that group's (none on
/// a page declaring a discussion).
fn prune_listing_comments(
    dom: &Dom,
    pruned: &mut [bool],
    raw: &[u32],
    records: &[bool],
    teasers: &[bool],
    chars: &[u32],
    root: usize,
) {
    let (posts, _, post_chars) = dated_posts(dom, pruned, raw, records, teasers, chars, root);
    let inside = |p: usize| root < p && p < dom.end(root);
    if post_chars == 0 || !posts.iter().any(|&p| inside(p)) || declares_discussion(dom) {
        return;
    }
    // Text of the records per parent inside the root; the largest group is the listing's.
    let mut groups: Vec<(usize, u64)> = Vec::new();
    let mut k = root + 1;
    while k < dom.end(root) {
        if pruned.get(k).copied().unwrap_or(true) {
            k = dom.end(k).max(k + 1);
            continue;
        }
        if records.get(k).copied().unwrap_or(false)
            && let Some(p) = dom.parent(k)
        {
            let c = u64::from(chars.get(k).copied().unwrap_or(0));
            match groups.iter_mut().find(|g| g.0 == p) {
                Some(g) => g.1 += c,
                None => groups.push((p, c)),
            }
            if groups.len() > MAX_LISTING_GROUPS {
                return;
            }
        }
        k += 1;
    }
    let Some(&(top, top_chars)) = groups.iter().max_by_key(|g| g.1) else {
        return;
    };
    // A comment has no title: no heading and no link of a title's length (an item of
    // another group of the listing, a dated story, has its headline). One pass up the root.
    let end = dom.end(root);
    let mut titled = vec![false; end - root];
    for k in (root + 1..end).rev() {
        let t = dom.tag(k);
        let own = t.is_heading()
            || (t == Tag::A && raw.get(k).copied().unwrap_or(0) >= MIN_TITLE_LINK_CHARS);
        if own && let Some(x) = titled.get_mut(k - root) {
            *x = true;
        }
        if titled.get(k - root).copied().unwrap_or(false)
            && let Some(p) = dom.parent(k).filter(|&p| p > root)
            && let Some(x) = titled.get_mut(p - root)
        {
            *x = true;
        }
    }
    let comment = |p: usize| {
        inside(p) && dom.parent(p) != Some(top) && !titled.get(p - root).copied().unwrap_or(true)
    };
    let comments: u64 = posts
        .iter()
        .filter(|&&p| comment(p))
        .map(|&p| u64::from(chars.get(p).copied().unwrap_or(0)))
        .sum();
    if comments == 0 || comments >= top_chars {
        return;
    }
    for &p in &posts {
        if comment(p)
            && let Some(x) = pruned.get_mut(p)
        {
            *x = true;
        }
    }
}

/// Most groups of records read by [`prune_listing_comments`]. Our choice.
const MAX_LISTING_GROUPS: usize = 256;

/// Most levels descended from a post to the block holding its text, for
/// [`shaped_like_posts`].
const MAX_TEXT_BLOCK_DEPTH: usize = 16;

/// The block holding post `p`'s text: descending from `p` into the child with the most
/// characters (`chars`) while it holds at least half of them, the deepest container (a
/// `<div>`, `<article>`, `<section>` or `<blockquote>`) with a class below `p`; its tag and
/// signature.
fn text_block(dom: &Dom, chars: &[u32], p: usize) -> Option<(Tag, u64)> {
    let c = |k: usize| chars.get(k).copied().unwrap_or(0);
    let (mut d, mut found) = (p, None);
    for _ in 0..MAX_TEXT_BLOCK_DEPTH {
        let mut best: Option<usize> = None;
        let mut k = d + 1;
        while k < dom.end(d) {
            if dom.tag(k) != Tag::Text && best.is_none_or(|b| c(k) > c(b)) {
                best = Some(k);
            }
            k = dom.end(k).max(k + 1);
        }
        match best {
            Some(b) if c(b) > 0 && 2 * c(b) >= c(d) => d = b,
            _ => break,
        }
        // A container of the text: a paragraph's or a span's class is its typography, which
        // an article and its comments may share.
        if matches!(
            dom.tag(d),
            Tag::Div | Tag::Article | Tag::Section | Tag::Blockquote
        ) && dom
            .attr(d, Attr::Class)
            .is_some_and(|x| !x.trim().is_empty())
        {
            found = Some((dom.tag(d), signature(dom, d, dom.tag(d))));
        }
    }
    found
}

/// Whether the prose root `r`, scored without the posts `posts` (values `value`, pruned
/// `pruned`), writes most of its text in the blocks the posts write theirs in (a tag and
/// class holding the text of at least two posts, [`text_block`]): the thread's opening
/// post (and any reply left out of the posts' groups), written by the template of its
/// replies. An article's body and its comments' bodies are written by different templates.
fn shaped_like_posts(
    dom: &Dom,
    pruned: &[bool],
    chars: &[u32],
    value: &[f32],
    r: usize,
    posts: &[usize],
) -> bool {
    let mut bodies: std::collections::HashMap<(Tag, u64), usize> = std::collections::HashMap::new();
    for &p in posts {
        if let Some(b) = text_block(dom, chars, p) {
            *bodies.entry(b).or_default() += 1;
        }
    }
    bodies.retain(|_, n| *n >= 2);
    if bodies.is_empty() {
        return false;
    }
    let mut shaped = 0.0f32;
    let mut k = r;
    while k < dom.end(r) {
        if pruned.get(k).copied().unwrap_or(true) {
            k = dom.end(k).max(k + 1);
            continue;
        }
        let tag = dom.tag(k);
        if tag != Tag::Text && bodies.contains_key(&(tag, signature(dom, k, tag))) {
            shaped += value.get(k).copied().unwrap_or(0.0);
            k = dom.end(k).max(k + 1);
            continue;
        }
        k += 1;
    }
    2.0 * shaped >= value.get(r).copied().unwrap_or(0.0)
}

/// Bodies of timestamped posts laid out as a header and a body side by side (a row holding the
/// author and date, then the message in the next sibling, as flat thread and message-list
/// templates do): each post's next element sibling that is no post itself, holds more text
/// than the post and is followed by the next post (or is the last post's). Returned only when most posts
/// have one: then a post is its header and its body, and the body goes with it.
fn sibling_bodies(dom: &Dom, pruned: &[bool], chars: &[u32], posts: &[usize]) -> Vec<usize> {
    let mut sorted = posts.to_vec();
    sorted.sort_unstable();
    let posts = &sorted[..];
    let mut bodies = Vec::new();
    for (j, &p) in posts.iter().enumerate() {
        let Some(b) = next_element_sibling(dom, p) else {
            continue;
        };
        // the last post's body is followed by whatever ends the thread
        let after = next_element_sibling(dom, b).filter(|_| j + 1 < posts.len());
        if !pruned.get(b).copied().unwrap_or(true)
            && chars.get(b).copied().unwrap_or(0) > chars.get(p).copied().unwrap_or(0)
            && posts.binary_search(&b).is_err()
            && after.is_none_or(|a| posts.binary_search(&a).is_ok())
        {
            bodies.push(b);
        }
    }
    if bodies.len() < MIN_RECORDS || 2 * bodies.len() < posts.len() {
        bodies.clear();
    }
    bodies
}

/// Schema.org types of a page that is a discussion: its posts are its text.
const DISCUSSION_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage", "Question"];
/// [`DISCUSSION_TYPES`] as JSON-LD writes them (`"@type": "QAPage"`).
const DISCUSSION_JSON_TYPES: &[&str] =
    &["\"DiscussionForumPosting\"", "\"QAPage\"", "\"Question\""];

/// Whether the page declares itself a discussion (a forum thread, a question and its
/// answers) by microdata `itemtype` or JSON-LD `@type` ([`DISCUSSION_TYPES`]).
fn declares_discussion(dom: &Dom) -> bool {
    let named = |t: &str| {
        let t = t.trim().trim_end_matches('/');
        let ty = t.rsplit('/').next().unwrap_or(t);
        DISCUSSION_TYPES.iter().any(|d| ty.eq_ignore_ascii_case(d))
    };
    (0..dom.nodes.len()).any(|i| match dom.tag(i) {
        Tag::Text => false,
        Tag::Script => {
            dom.attr(i, Attr::Type)
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                && (i + 1..dom.end(i)).any(|j| {
                    let t = dom.text_of(j);
                    DISCUSSION_JSON_TYPES.iter().any(|d| t.contains(d))
                })
        }
        _ => dom.attr(i, Attr::Itemtype).is_some_and(named),
    })
}

/// Most children of a group's parent looked at for the thread's opening post.
const MAX_OPENING_SIBLINGS: usize = 64;

/// Whether the prose root `r` is inside, or holds most of its value (`value`) in, a sibling of
/// a group of posts (`heads`: one member per group) with their tag and first class word but
/// another signature: the thread's opening post, shaped like its replies.
fn opening_post(dom: &Dom, heads: &[usize], value: &[f32], r: usize) -> bool {
    let half = 0.5 * value.get(r).copied().unwrap_or(0.0);
    let first_word = |i: usize| {
        dom.attr(i, Attr::Class)
            .and_then(|c| c.split_ascii_whitespace().next())
            .unwrap_or("")
    };
    heads.iter().any(|&m| {
        let Some(p) = dom.parent(m) else { return false };
        let (tag, sig) = (dom.tag(m), signature(dom, m, dom.tag(m)));
        let mut c = p + 1;
        let mut seen = 0;
        while c < dom.end(p) && seen < MAX_OPENING_SIBLINGS {
            if dom.tag(c) == tag
                && signature(dom, c, tag) != sig
                && first_word(c) == first_word(m)
                && ((c <= r && r < dom.end(c))
                    || (r <= c && c < dom.end(r) && value.get(c).copied().unwrap_or(0.0) >= half))
            {
                return true;
            }
            if dom.tag(c) != Tag::Text {
                seen += 1;
            }
            c = dom.end(c).max(c + 1);
        }
        false
    })
}

/// Whether record `r` holds, within its first `nodes` nodes, a `<time>` or a
/// short text that reads as a date or an age: in its markup, pruned parts included (a
/// comment's date sits in its `<footer>`).
fn has_date_line(dom: &Dom, raw: &[u32], r: usize, nodes: usize) -> bool {
    let end = dom.end(r).min(r + nodes);
    let mut j = r + 1;
    while j < end {
        match dom.tag(j) {
            Tag::Time => return true,
            Tag::Text if raw.get(j).copied().unwrap_or(0) <= MAX_POST_DATE_CHARS => {
                // Both tests need a digit, or `ago` (`an hour ago`): most texts have neither.
                // Numbers alone are a date only with a year (`2024-06-14`): `4.8.3.` numbers
                // a section, `1.2.3` a version.
                let t = dom.text_of(j);
                let digit = t.bytes().any(|b| b.is_ascii_digit());
                if (digit && crate::render::date_with_month_or_year(t))
                    || ((digit
                        || t.as_bytes()
                            .windows(3)
                            .any(|w| w.eq_ignore_ascii_case(b"ago")))
                        && relative_time(t.trim()))
                {
                    return true;
                }
            }
            _ => {}
        }
        j += 1;
    }
    false
}

/// A table is a grid of data when at least this many of its rows have at least
/// [`MIN_GRID_COLUMNS`] cells. Our choice.
const MIN_GRID_ROWS: usize = 3;
/// See [`MIN_GRID_ROWS`]. Our choice.
const MIN_GRID_COLUMNS: usize = 3;

/// The cells (`td`, `th`) of the grids of data under `body`: tables holding no other table
/// (layout tables nest) with at least [`MIN_GRID_ROWS`] rows of at least [`MIN_GRID_COLUMNS`]
/// cells.
fn grid_cells(dom: &Dom, pruned: &[bool], body: usize) -> Vec<bool> {
    let mut cells = vec![false; dom.nodes.len()];
    let end = dom.end(body);
    let mut t = body;
    while t < end {
        if dom.tag(t) != Tag::Table || pruned.get(t).copied().unwrap_or(true) {
            t += 1;
            continue;
        }
        let t_end = dom.end(t);
        let mut rows = 0;
        let mut nested = false;
        for r in t + 1..t_end {
            match dom.tag(r) {
                Tag::Table => {
                    nested = true;
                    break;
                }
                Tag::Tr => {
                    let mut n = 0;
                    let mut c = r + 1;
                    while c < dom.end(r) {
                        if matches!(dom.tag(c), Tag::Td | Tag::Th) {
                            n += 1;
                        }
                        c = dom.end(c).max(c + 1);
                    }
                    if n >= MIN_GRID_COLUMNS {
                        rows += 1;
                    }
                }
                _ => {}
            }
        }
        if !nested && rows >= MIN_GRID_ROWS {
            for c in t + 1..t_end {
                if matches!(dom.tag(c), Tag::Td | Tag::Th)
                    && let Some(x) = cells.get_mut(c)
                {
                    *x = true;
                }
            }
        }
        t = if nested { t + 1 } else { t_end.max(t + 1) };
    }
    cells
}

/// Most nodes of a heading read by [`heading_names_code`]. Our choice: a signature with a
/// link per type takes a few dozen.
const MAX_SIGNATURE_NODES: usize = 64;

/// Whether heading `i` (at most [`MAX_SIGNATURE_NODES`] nodes) states a code signature, as an
/// API reference's member headings do (`pub fn new(value: u8) -> Literal`,
/// `impl<T> From<T> for T`, `getPrincipal`): see [`crate::render::names_code`], plus type
/// arguments (`From<T>`). Its links are cross-references to the types it names.
fn heading_names_code(dom: &Dom, i: usize) -> bool {
    let end = dom.end(i);
    if end.saturating_sub(i) > MAX_SIGNATURE_NODES {
        return false;
    }
    let mut s = String::new();
    for j in i + 1..end {
        if dom.tag(j) == Tag::Text {
            s.push_str(dom.text_of(j));
        }
    }
    crate::render::names_code(&s)
        || s.as_bytes()
            .windows(2)
            .any(|w| w[1] == b'<' && w[0].is_ascii_alphanumeric())
}

/// Tag and first class word of an element, hashed: the template an element is made from,
/// without the state words that follow (see [`dated_posts`]).
fn first_word_signature(dom: &Dom, i: usize) -> u64 {
    tag_hash(dom.tag(i), first_class_word(dom, i).bytes())
}

/// The first word of element `i`'s class (empty when it has none).
fn first_class_word(dom: &Dom, i: usize) -> &str {
    dom.attr(i, Attr::Class)
        .and_then(|c| c.split_ascii_whitespace().next())
        .unwrap_or("")
}

/// Fewest siblings holding one heading for [`shared_class_signatures`] to join those with
/// words of their own: three boxes marked `grid_1`, `grid_2`, `grid_3` are the columns of one
/// row, a layout rather than a loop. Our choice: [`MIN_RECORDS`] merged a row of three teasers
/// beside an article on the plain copy of one tuning page and read it as a listing.
const MIN_LOOP_ITEMS: u64 = 4;

/// Most element children of an item [`shared_class_signatures`] reads for its shape. Our
/// choice.
const MAX_SHAPE_CHILDREN: usize = 8;

/// Hash of one class token, seeded with the element's tag.
fn class_token(tag: Tag, token: &str) -> u64 {
    tag_hash(tag, token.bytes())
}

/// Rewrites the signatures of the children `group` (signature, node) of one parent so that
/// the words a template adds per item do not split its records. The items of a loop are
/// the children holding one heading, a link (a loop's item is titled by a link to its own
/// page; a menu's branch holds no heading or several, a page builder's section an unlinked
/// one), when there are [`MIN_LOOP_ITEMS`] of one tag. An item with words of its own
/// (`post-118`, `first`, `category-news` in a WordPress or WooCommerce loop) whose words held
/// by at least half of its siblings of that tag (`product`, `type-product`, `hentry`) are
/// most of its class is signed by its tag, those words and its shape (the tags of its element
/// children). Other children keep their whole class: `container header`, `container main`
/// and `container footer` stay apart. `scratch` is reused space; linear in the children's
/// class words (at most [`MAX_CLASS_WORDS`] each).
fn shared_class_signatures(
    dom: &Dom,
    group: &mut [(u64, usize)],
    scratch: &mut LoopScratch,
    headed: &[(u32, u32)],
) {
    let LoopScratch {
        tokens,
        per_tag,
        shared,
    } = scratch;
    tokens.clear();
    per_tag.clear();
    // Most parents hold no loop of titled items: they are left before any class is read.
    let titled = |c: usize| headed.get(c).copied() == Some((1, 1));
    if (group.iter().filter(|&&(_, c)| titled(c)).count() as u64) < MIN_LOOP_ITEMS {
        return;
    }
    for &(_, c) in group.iter() {
        let tag = dom.tag(c);
        let titled = u64::from(titled(c));
        match per_tag.iter_mut().find(|(t, _, _)| *t == tag) {
            Some((_, k, h)) => {
                *k += 1;
                *h += titled;
            }
            None => per_tag.push((tag, 1, titled)),
        }
        let class = dom.attr(c, Attr::Class).unwrap_or("");
        for (i, w) in class
            .split_ascii_whitespace()
            .take(MAX_CLASS_WORDS)
            .enumerate()
        {
            // A word the class repeats counts once.
            if class.split_ascii_whitespace().take(i).any(|x| x == w) {
                continue;
            }
            tokens.push((class_token(tag, w), 1));
        }
    }
    tokens.sort_unstable();
    tokens.dedup_by(|a, b| {
        if a.0 == b.0 {
            b.1 += a.1;
            true
        } else {
            false
        }
    });
    for (sig, c) in group.iter_mut() {
        let tag = dom.tag(*c);
        let (siblings, titled) = per_tag
            .iter()
            .find(|(t, _, _)| *t == tag)
            .map_or((1, 0), |&(_, k, h)| (k, h));
        if titled < MIN_LOOP_ITEMS || headed.get(*c).copied() != Some((1, 1)) {
            continue;
        }
        let class = dom.attr(*c, Attr::Class).unwrap_or("");
        shared.clear();
        shared.extend(
            class
                .split_ascii_whitespace()
                .take(MAX_CLASS_WORDS)
                .map(|w| class_token(tag, w))
                .filter(|h| {
                    tokens
                        .binary_search_by(|(t, _)| t.cmp(h))
                        .ok()
                        .and_then(|i| tokens.get(i))
                        .is_some_and(|&(_, k)| 2 * k >= siblings)
                }),
        );
        shared.sort_unstable();
        shared.dedup();
        let own = {
            let words = class.split_ascii_whitespace().take(MAX_CLASS_WORDS);
            words
                .clone()
                .enumerate()
                .filter(|&(i, w)| !words.clone().take(i).any(|x| x == w))
                .count()
        };
        // A child all of whose words are shared keeps its signature (the same words, the
        // same signature as before); one whose shared words are half of its class or fewer
        // is another kind of box.
        if shared.len() >= own || 2 * shared.len() <= own {
            continue;
        }
        let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ (tag as u64);
        // Items of one loop are made from one template: a child with words of its own joins
        // siblings of the same shape only (the tags of its element children).
        {
            let end = dom.end(*c);
            let mut k = *c + 1;
            let mut seen = 0;
            while k < end && seen < MAX_SHAPE_CHILDREN {
                let t = dom.tag(k);
                if t != Tag::Text {
                    h ^= t as u64 + 1;
                    h = h.wrapping_mul(0x0100_0000_01b3);
                    seen += 1;
                }
                k = dom.end(k).max(k + 1);
            }
            h ^= 0xff;
        }
        for &t in shared.iter() {
            h ^= t;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        *sig = h;
    }
}

/// Most ancestors of a heading looked through for a link holding it ([`find_records`]):
/// a card that is one link wraps its title in a few boxes. Our choice.
const MAX_HEADING_LINK_DEPTH: usize = 32;

/// Reused space of [`shared_class_signatures`].
#[derive(Default)]
struct LoopScratch {
    /// Tag-seeded class word hash, siblings holding it.
    tokens: Vec<(u64, u64)>,
    /// Tag, siblings of that tag, those holding one heading.
    per_tag: Vec<(Tag, u64, u64)>,
    /// A child's shared words.
    shared: Vec<u64>,
}

/// Most class words of an element [`shared_class_signatures`] reads. Our choice.
const MAX_CLASS_WORDS: usize = 32;

/// Tag and class of an element, hashed.
fn signature(dom: &Dom, i: usize, tag: Tag) -> u64 {
    tag_hash(tag, dom.attr(i, Attr::Class).unwrap_or("").bytes())
}

/// Fewest siblings in a run of alternating classes for [`merge_striped`]: two of each.
const MIN_STRIPED_RUN: usize = 4;

/// Gives one signature to a run of consecutive children `group` (signature, node, in
/// document order) of one tag whose class alternates between two values (`odd even odd
/// even`, `bg1 bg2`, `alt1 alt2`): a template striping its rows or posts, one loop's items.
/// Every member of the run shows text (an empty separator between items is no item); the
/// run is at least [`MIN_STRIPED_RUN`] long. Linear in the children.
fn merge_striped(dom: &Dom, group: &mut [(u64, usize)], chars: &[u32]) {
    let shows = |c: usize| chars.get(c).copied().unwrap_or(0) > 0;
    let mut start = 0;
    while start + MIN_STRIPED_RUN <= group.len() {
        let (Some(&(a, x)), Some(&(b, y))) = (group.get(start), group.get(start + 1)) else {
            break;
        };
        let mut end = start;
        if a != b && dom.tag(x) == dom.tag(y) {
            end = start + 2;
            while let Some(&(s, c)) = group.get(end) {
                let want = if (end - start) % 2 == 0 { a } else { b };
                if s != want || !shows(c) {
                    break;
                }
                end += 1;
            }
            if !(shows(x) && shows(y)) {
                end = start;
            }
        }
        if end - start >= MIN_STRIPED_RUN {
            for g in group.get_mut(start..end).into_iter().flatten() {
                g.0 = a;
            }
            start = end;
        } else {
            start += 1;
        }
    }
}

/// The signature of the siblings striped with element `l` ([`merge_striped`]): its parent's
/// element children, around `l`, alternate between `l`'s class and another of its tag, at
/// least [`MIN_STRIPED_RUN`] of them. Reads at most [`MAX_DATED_SIBLINGS`] siblings.
fn striped_with(dom: &Dom, l: usize) -> Option<u64> {
    let p = dom.parent(l)?;
    let tag = dom.tag(l);
    let mut kids: Vec<(u64, usize)> = Vec::new();
    let mut c = p + 1;
    while c < dom.end(p) && kids.len() < MAX_DATED_SIBLINGS {
        if dom.tag(c) != Tag::Text {
            kids.push((signature(dom, c, dom.tag(c)), c));
        }
        c = dom.end(c).max(c + 1);
    }
    let at = kids.iter().position(|&(_, c)| c == l)?;
    let own = kids.get(at)?.0;
    let other = [at.checked_sub(1), Some(at + 1)]
        .into_iter()
        .flatten()
        .filter_map(|k| kids.get(k))
        .find(|&&(s, c)| s != own && dom.tag(c) == tag)?
        .0;
    // The longest alternation through `l`.
    let fits = |k: usize, s: u64| {
        let want = if k.abs_diff(at) % 2 == 0 { own } else { other };
        s == want
    };
    let mut lo = at;
    while lo > 0 && kids.get(lo - 1).is_some_and(|&(s, _)| fits(lo - 1, s)) {
        lo -= 1;
    }
    let mut hi = at + 1;
    while kids.get(hi).is_some_and(|&(s, _)| fits(hi, s)) {
        hi += 1;
    }
    (hi - lo >= MIN_STRIPED_RUN).then_some(other)
}

/// A tag and bytes, hashed (FNV-1a, seeded with the tag).
fn tag_hash(tag: Tag, bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (tag as u64);
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Per-block counts, indexed by node: only block elements have non-zero direct counts.
struct Blocks<'a> {
    /// Characters of the subtree (sums).
    chars: &'a [u32],
    /// Each block's own characters and link characters.
    direct: &'a [(u32, u32)],
    title_link_chars: &'a [u32],
    punct: &'a [u32],
}

/// Values every block, sums values over subtrees and returns the values, the root with the
/// highest value (ties to the outermost) and that value. `grid` holds the cells of
/// [`grid_cells`].
fn score(
    dom: &Dom,
    pruned: &[bool],
    b: &Blocks<'_>,
    grid: &[bool],
    body: usize,
    title_weight: f32,
    records: Option<(&[bool], f32)>,
) -> (Vec<f32>, usize, f32) {
    let n = dom.nodes.len();
    let mut value = vec![0f32; n];
    for (i, &(c, l)) in b.direct.iter().enumerate() {
        if c == 0 {
            continue;
        }
        let nl = c.saturating_sub(l);
        let long = b.title_link_chars.get(i).copied().unwrap_or(0).min(l);
        let p = b.punct.get(i).copied().unwrap_or(0);
        let tag = dom.tag(i);
        let v = if tag.is_heading() {
            title_weight * (nl + long) as f32 - (l - long) as f32
        } else if grid.get(i).copied().unwrap_or(false) {
            // A cell of a grid of data (a pricing or comparison table) is worth its text; its
            // links (a row's label opening a popup) are not navigation.
            nl as f32
        } else if l as f32 > MAX_LINK_DENSITY * c as f32 {
            title_weight * long as f32 - (l - long) as f32
        } else if nl >= MIN_PROSE_CHARS || (nl >= MIN_SENTENCE_CHARS && p > 0) {
            nl as f32 - l as f32
        } else if matches!(tag, Tag::Td | Tag::Th) {
            // Cells of a data table (standings, specifications) are short by nature: they
            // are neither prose nor chrome.
            0.0
        } else {
            -SHORT_BLOCK_PENALTY
        };
        if let Some(x) = value.get_mut(i) {
            *x = v;
        }
    }
    for i in (1..n).rev() {
        if pruned.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(p) = dom.parent(i) else { continue };
        if let Some((mask, weight)) = records
            && mask.get(i).copied().unwrap_or(false)
        {
            // A record is worth its text, whatever its parts look like in isolation.
            let c = b.chars.get(i).copied().unwrap_or(0) as f32;
            if let Some(x) = value.get_mut(i) {
                *x = weight * c;
            }
        }
        let v = value.get(i).copied().unwrap_or(0.0);
        if let Some(x) = value.get_mut(p) {
            *x += v;
        }
    }
    let mut root = body;
    let mut best = 0.0;
    let mut i = body;
    let end = dom.end(body);
    while i < end {
        if pruned.get(i).copied().unwrap_or(false) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if dom.tag(i) != Tag::Text {
            let v = value.get(i).copied().unwrap_or(0.0);
            if v > best {
                best = v;
                root = i;
            }
        }
        i += 1;
    }
    (value, root, best)
}

/// Page-wide facts used by [`should_prune`].
struct PageFacts<'a> {
    /// Text characters per subtree, before pruning.
    raw: &'a [u32],
    /// Text characters of the body.
    page_chars: f32,
    /// Subtree holds an `<h1>`.
    has_h1: &'a [bool],
    /// Subtree holds a text-entry form field.
    has_field: &'a [bool],
    /// Subtree holds a `<select>`.
    has_select: &'a [bool],
    /// Text characters inside `<select>` elements per subtree (their options).
    select_raw: &'a [u32],
    /// Subtree holds an image.
    has_img: &'a [bool],
    /// Long paragraphs per subtree, before pruning.
    para: &'a [u32],
    /// The last element [`hidden_twin`] judged and its answer.
    last_twin: std::cell::Cell<(usize, bool)>,
    /// Elements [`aria_copies`] finds (empty when the page has none).
    aria_copy: &'a [bool],
    /// Hidden panels named by an element before them ([`labelled_panels`]; empty when the
    /// page has none).
    labelled_panel: &'a [bool],
    /// Boxes [`form_boxes`] finds (empty when the page has none).
    form_box: &'a [bool],
}

/// Share of the page's text from which an `<aside>` holding a story is the page's own
/// ([`featured_story`]). Our choice.
const MIN_FEATURED_ASIDE_SHARE: f32 = 0.5;
/// Fewest long paragraphs of such a story. Our choice.
const MIN_FEATURED_PARAGRAPHS: u32 = 3;

/// Whether `<aside>` `i` holds the page's featured story rather than a sidebar: an
/// `<article>` inside it, [`MIN_FEATURED_PARAGRAPHS`] long paragraphs and at least
/// [`MIN_FEATURED_ASIDE_SHARE`] of the page's text (a static blog's index showing its newest
/// post whole above the teasers of the others, as Pelican's default theme does). A sidebar
/// is set beside the text; it does not hold most of it.
fn featured_story(dom: &Dom, i: usize, facts: &PageFacts<'_>) -> bool {
    facts.raw.get(i).copied().unwrap_or(0) as f32 >= MIN_FEATURED_ASIDE_SHARE * facts.page_chars
        && facts.para.get(i).copied().unwrap_or(0) >= MIN_FEATURED_PARAGRAPHS
        && (i + 1..dom.end(i)).any(|k| dom.tag(k) == Tag::Article)
}

/// Elements above one named as reviews that are looked at for a testimonials block
/// ([`chosen_quotes`]): a theme's wrapper of the quotes, and its slider's. Our choice.
const MAX_TESTIMONIAL_LEVELS: usize = 3;

/// Whether element `i`, named as reviews (`reviews`) off a product page (`product`), is or
/// sits in a block named as testimonials (Avada's `fusion-testimonials > reviews > review`):
/// a business's chosen quotes of its clients, part of a service page's text, not its
/// visitors' comments.
fn chosen_quotes(dom: &Dom, i: usize, reviews: bool, product: bool) -> bool {
    reviews && !product && in_testimonials(dom, i)
}

/// Whether element `i` or one of its [`MAX_TESTIMONIAL_LEVELS`] nearest ancestors has a class
/// naming testimonials.
fn in_testimonials(dom: &Dom, i: usize) -> bool {
    let mut k = Some(i);
    for _ in 0..=MAX_TESTIMONIAL_LEVELS {
        let Some(e) = k else { return false };
        if class_has_word(dom, e, &["testimonial", "testimonials"]) {
            return true;
        }
        k = dom.parent(e);
    }
    false
}

/// Whether one of the words of element `i`'s class (split at every non-alphanumeric
/// character: `products__card` is `products` and `card`) is one of `words`, ignoring case.
pub(crate) fn class_has_word(dom: &Dom, i: usize, words: &[&str]) -> bool {
    dom.attr(i, Attr::Class)
        .is_some_and(|c| value_has_word(c, words))
}

/// Whether one of the words of a class value (see [`class_has_word`]) is one of `words`.
pub(crate) fn value_has_word(class: &str, words: &[&str]) -> bool {
    // Bytes, not chars: the bytes of a non-ASCII character are no ASCII alphanumerics, so they
    // split the same way, without decoding.
    class
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .any(|t| words.iter().any(|w| t.eq_ignore_ascii_case(w.as_bytes())))
}

/// A class naming the panel of a tab widget (`tab-pane`, `tabs__panel`, `tab-content`).
fn names_tab_panel(dom: &Dom, i: usize) -> bool {
    class_has_word(dom, i, &["tab", "tabs"])
        && class_has_word(dom, i, &["pane", "panel", "content"])
}

/// The product's description in microdata: the first element marked
/// `itemprop="description"` whose item (nearest `itemtype`) is a schema.org `Product`, with at
/// least [`MIN_SENTENCE_CHARS`] characters and not pruned.
fn product_description(dom: &Dom, pruned: &[bool], raw: &[u32], body: usize) -> Option<usize> {
    let end = dom.end(body);
    let mut i = body;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if dom
            .attr(i, Attr::Itemprop)
            .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "description"))
            && raw.get(i).copied().unwrap_or(0) >= MIN_SENTENCE_CHARS
        {
            let mut k = dom.parent(i);
            while let Some(a) = k {
                if let Some(t) = dom.attr(a, Attr::Itemtype) {
                    let t = t.trim().trim_end_matches('/');
                    let ty = t.rsplit('/').next().unwrap_or(t);
                    if ty.eq_ignore_ascii_case("Product") {
                        return Some(i);
                    }
                    break;
                }
                k = dom.parent(a);
            }
        }
        i += 1;
    }
    None
}

/// Most nodes read after a product page's `<h1>` for its list of features
/// ([`feature_list`]). Our choice.
const MAX_FEATURE_SCAN_NODES: usize = 600;
/// Least items of a product's list of features ([`feature_list`]). Our choice.
const MIN_FEATURE_ITEMS: usize = 3;
/// Longest item (characters) of a product's list of features ([`feature_list`]): a phrase
/// or a sentence. Our choice.
const MAX_FEATURE_ITEM_CHARS: u32 = 200;

/// Without microdata, a product's description is its list of features under its name: the
/// first list (`<ul>`, `<ol>`) within [`MAX_FEATURE_SCAN_NODES`] after the page's first
/// `<h1>`, before any card of a priced product, of at least [`MIN_FEATURE_ITEMS`] items of
/// plain text (no link, image or control; at most [`MAX_FEATURE_ITEM_CHARS`] each) holding
/// at least a sentence's worth of text. Not pruned.
fn feature_list(dom: &Dom, pruned: &[bool], raw: &[u32], body: usize) -> Option<usize> {
    let h = (body..dom.end(body)).find(|&i| dom.tag(i) == Tag::H1)?;
    if pruned.get(h).copied().unwrap_or(true) {
        return None;
    }
    let stop = dom
        .end(h)
        .saturating_add(MAX_FEATURE_SCAN_NODES)
        .min(dom.end(body));
    let mut k = dom.end(h);
    while k < stop {
        let tag = dom.tag(k);
        if tag == Tag::H1 || (tag == Tag::A && is_priced_image_link(dom, k)) {
            return None;
        }
        if pruned.get(k).copied().unwrap_or(true) {
            k = dom.end(k).max(k + 1);
            continue;
        }
        if matches!(tag, Tag::Ul | Tag::Ol) && is_feature_list(dom, raw, k) {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// Most nodes of a product's list of features ([`feature_list`]): a few dozen items. Bounds
/// the reading of the lists met after the `<h1>`. Our choice.
const MAX_FEATURE_LIST_NODES: usize = 400;

/// Whether list `l` is a list of features ([`feature_list`]).
fn is_feature_list(dom: &Dom, raw: &[u32], l: usize) -> bool {
    let raw_of = |i: usize| raw.get(i).copied().unwrap_or(0);
    if raw_of(l) < MIN_SENTENCE_CHARS
        || dom.end(l).saturating_sub(l) > MAX_FEATURE_LIST_NODES
        || (l + 1..dom.end(l)).any(|i| {
            matches!(
                dom.tag(i),
                Tag::A
                    | Tag::Img
                    | Tag::Picture
                    | Tag::Svg
                    | Tag::Button
                    | Tag::Input
                    | Tag::Select
                    | Tag::Ul
                    | Tag::Ol
            )
        })
    {
        return false;
    }
    let mut items = 0;
    let mut c = l + 1;
    while c < dom.end(l) {
        if dom.tag(c) == Tag::Li {
            if raw_of(c) == 0 || raw_of(c) > MAX_FEATURE_ITEM_CHARS {
                return false;
            }
            items += 1;
        }
        c = dom.end(c).max(c + 1);
    }
    items >= MIN_FEATURE_ITEMS
}

/// A product's description ([`product_description`]) outside the content root joins it: the
/// root becomes their nearest common ancestor, and the other branches on the way down to
/// either (the buy box next to the description) are pruned.
fn join_description(dom: &Dom, pruned: &mut [bool], root: usize, d: usize, body: usize) -> usize {
    let inside = |x: usize, a: usize| x >= a && x < dom.end(a);
    if inside(d, root) || inside(root, d) {
        return root;
    }
    let mut a = root;
    while !inside(d, a) {
        match dom.parent(a) {
            Some(p) if p >= body => a = p,
            _ => return root,
        }
    }
    let mut path = Vec::new();
    for x in [root, d] {
        let mut y = x;
        while y != a {
            path.push(y);
            match dom.parent(y) {
                Some(p) => y = p,
                None => break,
            }
        }
    }
    let mut parents: Vec<usize> = path.iter().filter_map(|&y| dom.parent(y)).collect();
    parents.sort_unstable();
    parents.dedup();
    for p in parents {
        let end = dom.end(p);
        let mut c = p + 1;
        while c < end {
            // A heading straight before the description (or a box holding it) is its title.
            let titles = dom.tag(c).is_heading()
                && next_element_sibling(dom, c).is_some_and(|n| n == d || path.contains(&n));
            if dom.tag(c) != Tag::Text
                && !titles
                && !path.contains(&c)
                && let Some(x) = pruned.get_mut(c)
            {
                *x = true;
            }
            c = dom.end(c).max(c + 1);
        }
    }
    a
}

/// Most nodes of a table read by [`is_sheet`]: a specification sheet of a few dozen rows.
/// Our choice.
const MAX_SHEET_NODES: usize = 600;

/// Whether element `i` is a sheet of labelled values: a definition list, or a table of
/// label and value rows (two cells each) holding no table (a layout table holds the page).
pub(crate) fn is_sheet(dom: &Dom, i: usize) -> bool {
    match dom.tag(i) {
        Tag::Dl => true,
        Tag::Table => {
            let end = dom.end(i);
            if end - i > MAX_SHEET_NODES {
                return false;
            }
            let mut rows = 0usize;
            let mut k = i + 1;
            while k < end {
                match dom.tag(k) {
                    Tag::Table => return false,
                    Tag::Tr => {
                        let mut cells = 0usize;
                        let mut c = k + 1;
                        while c < dom.end(k) {
                            if matches!(dom.tag(c), Tag::Td | Tag::Th) {
                                cells += 1;
                            }
                            c = dom.end(c).max(c + 1);
                        }
                        if cells != 2 {
                            return false;
                        }
                        rows += 1;
                    }
                    _ => {}
                }
                k += 1;
            }
            rows >= 2
        }
        _ => false,
    }
}

/// Most levels above the root, and most element siblings after each, read by
/// [`sheet_beside`]. Our choice: a theme puts the specifications in the box after the
/// description's, or one level up.
const MAX_SHEET_LEVELS: usize = 2;
const MAX_SHEET_SIBLINGS: usize = 3;
/// Most nodes of a sibling box searched for a sheet by [`sheet_beside`]. Our choice.
const MAX_SHEET_BOX_NODES: usize = 1500;

/// On a product page, a specification sheet ([`is_sheet`]) in a box that follows the root
/// (the root's next element siblings, or its parent's, up to [`MAX_SHEET_LEVELS`] levels):
/// the element holding the sheet, when the box holds no `<h1>`. Shops put the description
/// and the specifications in sibling boxes (nopCommerce's `product-collateral` after its
/// `product-essential`), whose short cells alone never outweigh the description.
fn sheet_beside(
    dom: &Dom,
    pruned: &[bool],
    has_h1: &[bool],
    root: usize,
    body: usize,
) -> Option<usize> {
    let mut a = root;
    for _ in 0..MAX_SHEET_LEVELS {
        let mut s = a;
        for _ in 0..MAX_SHEET_SIBLINGS {
            let Some(n) = element_sibling(dom, s, Dom::next_sibling) else {
                break;
            };
            s = n;
            let end = dom.end(s);
            if pruned.get(s).copied().unwrap_or(true)
                || has_h1.get(s).copied().unwrap_or(false)
                || end - s > MAX_SHEET_BOX_NODES
            {
                continue;
            }
            let mut k = s;
            while k < end {
                if pruned.get(k).copied().unwrap_or(true) {
                    k = dom.end(k).max(k + 1);
                    continue;
                }
                if matches!(dom.tag(k), Tag::Table | Tag::Dl) && is_sheet(dom, k) {
                    return dom.parent(k).filter(|&p| p >= s).or(Some(k));
                }
                k += 1;
            }
        }
        match dom.parent(a) {
            Some(p) if p > body => a = p,
            _ => break,
        }
    }
    None
}

/// Most nodes of a product card link ([`is_product_card_link`]): an image, a name, prices,
/// badges and rating stars take dozens. Our choice.
pub(crate) const MAX_PRODUCT_CARD_NODES: usize = 400;

/// Currency signs that mark a price next to digits.
pub(crate) const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₫', '₪'];

/// Whether link `a` is a product card of a shop's grid: it wraps an image and a price (a
/// currency sign and digits). Related-story cards hold a date, not a price; menus hold
/// neither.
pub(crate) fn is_product_card_link(dom: &Dom, a: usize) -> bool {
    let end = dom.end(a);
    // A card is small; a link around a whole region is none (and would be read whole for
    // each element around it that asks).
    if end.saturating_sub(a) > MAX_PRODUCT_CARD_NODES
        || !(a + 1..end).any(|k| matches!(dom.tag(k), Tag::Img | Tag::Picture))
    {
        return false;
    }
    let mut s = String::new();
    dom.subtree_text(a, &mut s);
    holds_price(&s)
}

/// Levels above an image link searched for the card holding its price
/// ([`is_priced_image_link`]): the link, its picture box, the card's body. Our choice.
const MAX_CARD_DEPTH: usize = 4;

/// Whether link `a` wraps an image and a small element around it (at most
/// [`MAX_CARD_DEPTH`] levels up, at most [`MAX_PRODUCT_CARD_NODES`] nodes) holds a price: a
/// product card whose picture, name and price are separate links and lines (a shop's
/// grid). A menu's items hold no price.
pub(crate) fn is_priced_image_link(dom: &Dom, a: usize) -> bool {
    let end = dom.end(a);
    if end.saturating_sub(a) > MAX_PRODUCT_CARD_NODES
        || !(a + 1..end).any(|k| matches!(dom.tag(k), Tag::Img | Tag::Picture))
    {
        return false;
    }
    let mut c = a;
    let mut s = String::new();
    for _ in 0..MAX_CARD_DEPTH {
        s.clear();
        dom.subtree_text(c, &mut s);
        if holds_price(&s) {
            return true;
        }
        match dom.parent(c) {
            Some(p) if dom.end(p).saturating_sub(p) <= MAX_PRODUCT_CARD_NODES => c = p,
            _ => return false,
        }
    }
    false
}

/// Most nodes of a record read by [`is_priced_card`]: a tile with its colour swatches, badges
/// and quick-view panel takes several hundred. Bounds the scan of nested records. Our choice.
const MAX_PRICED_CARD_NODES: usize = 2000;

/// Whether element `i` (at most [`MAX_PRICED_CARD_NODES`] nodes) holds an image and a
/// price: a product's card, whatever its class names (a grid's column wrapping it).
/// (`s` is a buffer for the card's text, reused across calls.)
/// The caller knows that `i` holds an image.
fn is_priced_card(dom: &Dom, i: usize, s: &mut String) -> bool {
    if dom.end(i).saturating_sub(i) > MAX_PRICED_CARD_NODES {
        return false;
    }
    s.clear();
    dom.subtree_text(i, s);
    holds_price(s)
}

/// Most nodes of an element read as a drop-down's bar ([`is_select_bar`]): a sort bar takes a
/// few dozen, a country picker's options some five hundred; a larger region holding a
/// drop-down is passed without reading its text. Our choice.
const MAX_SELECT_BAR_NODES: usize = 2000;

/// Whether element `i`, which holds a drop-down (`<select>`), is the drop-down's bar: at most
/// [`MAX_FIELD_WRAPPER_CHARS`] characters beside the options' text, and no image, price or
/// `<h1>`: a listing's sort order or page size ("Sort: Best match", "Show 24 per page"), a
/// currency or language picker. A product's card or buy box with a size picker holds its
/// picture or price. (Read once per element: the walk stops at the first such wrapper.)
fn is_select_bar(dom: &Dom, i: usize, facts: &PageFacts<'_>) -> bool {
    let own = facts
        .raw
        .get(i)
        .copied()
        .unwrap_or(0)
        .saturating_sub(facts.select_raw.get(i).copied().unwrap_or(0));
    if own > MAX_FIELD_WRAPPER_CHARS
        || facts.has_img.get(i).copied().unwrap_or(false)
        || facts.has_h1.get(i).copied().unwrap_or(false)
        || dom.end(i).saturating_sub(i) > MAX_SELECT_BAR_NODES
    {
        return false;
    }
    let mut s = String::new();
    dom.subtree_text(i, &mut s);
    !holds_price(&s)
}

/// Whether `s` holds a price: a currency sign ([`CURRENCY_SIGNS`]) next to a digit.
pub(crate) fn holds_price(s: &str) -> bool {
    // The signs are `$` or start with byte C2 or E2 in UTF-8: only there is a character
    // decoded (such a byte always starts one).
    memchr::memchr3_iter(b'$', 0xc2, 0xe2, s.as_bytes()).any(|at| {
        s.get(at..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| CURRENCY_SIGNS.contains(&c))
            && (s
                .get(at..)
                .and_then(|t| t.chars().skip(1).find(|x| !x.is_whitespace()))
                .is_some_and(|x| x.is_ascii_digit())
                || s.get(..at)
                    .and_then(|t| t.chars().rev().find(|x| !x.is_whitespace()))
                    .is_some_and(|x| x.is_ascii_digit()))
    })
}

/// ISO codes of currencies written beside prices ("EUR 163.12", "19,99 EUR"), and the
/// short signs of a few more ("kr", "zł", "Kč").
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "CZK",
    "HUF", "RON", "INR", "BRL", "MXN", "CNY", "HKD", "SGD", "ZAR", "TRY", "KRW", "kr", "zł", "Kč",
    "Ft", "lei",
];

/// Whether `s` is a price alone: a currency sign or code before or after an amount ("$19.95",
/// "79,00 €", "$ 599", "R$ 49,90", "EUR 163.12", "299 kr"), not zero.
pub(crate) fn is_price_line(s: &str) -> bool {
    let t = s.trim();
    // A sign may follow a country's letters (R$, C$, HK$).
    let signed = |c: &str| {
        c.strip_suffix(CURRENCY_SIGNS)
            .is_some_and(|p| p.len() <= 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
    };
    let currency = |c: &str| signed(c) || CURRENCY_CODES.contains(&c);
    let amount = match t.find(|c: char| c.is_ascii_digit()) {
        Some(0) => {
            // The currency after the amount.
            let at = t
                .rfind(|c: char| c.is_ascii_digit())
                .map_or(t.len(), |i| i + 1);
            let (amount, cur) = t.split_at(at);
            if !currency(cur.trim()) {
                return false;
            }
            amount
        }
        Some(at) => {
            let (cur, amount) = t.split_at(at);
            if !currency(cur.trim()) {
                return false;
            }
            amount
        }
        None => return false,
    };
    let amount = amount.trim();
    amount.ends_with(|c: char| c.is_ascii_digit())
        && amount.contains(|c: char| matches!(c, '1'..='9'))
        && amount
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'') || c.is_whitespace())
}

/// Least number of sibling cards of other products for a group to be the shop's
/// recommendations on a product page ([`prune_recommended_cards`]). Our choice: a carousel
/// shows three to six at a time.
pub const MIN_RECOMMENDED_CARDS: u32 = 3;

/// Whether element `i` is a small card of another product: at most
/// [`MAX_PRODUCT_CARD_NODES`] nodes, an image, a link with an address and a price, and not
/// the page's `<h1>` (the product's own box).
fn is_recommended_card(dom: &Dom, i: usize, facts: &PageFacts<'_>, s: &mut String) -> bool {
    let end = dom.end(i);
    end.saturating_sub(i) <= MAX_PRODUCT_CARD_NODES
        && facts.has_img.get(i).copied().unwrap_or(false)
        && !facts.has_h1.get(i).copied().unwrap_or(false)
        && (i..end).any(|k| dom.tag(k) == Tag::A && dom.attr(k, Attr::Href).is_some())
        && is_priced_card(dom, i, s)
}

/// In a product page's root, records (siblings of one tag and class) that are cards of other
/// products ([`is_recommended_card`]), at least [`MIN_RECOMMENDED_CARDS`] under one parent,
/// are the shop's recommendations ("Customers also viewed", "Similar items", "Complete the
/// look"): pruned, unless a group holds more than [`MAX_PRUNED_SHARE`] of the root's text
/// (then the root lists products, whatever the page's structured data says). Each node is
/// read once as a candidate, and a card's text once (cards are bounded).
fn prune_recommended_cards(
    dom: &Dom,
    pruned: &mut [bool],
    records: &[bool],
    facts: &PageFacts<'_>,
    root: usize,
) {
    let root_chars = facts.raw.get(root).copied().unwrap_or(0) as f32;
    let mut cards: Vec<(usize, usize)> = Vec::new();
    let mut text = String::new();
    walk_shown(dom, pruned, root, |i, _| {
        if records.get(i).copied().unwrap_or(false)
            && let Some(p) = dom.parent(i)
            && is_recommended_card(dom, i, facts, &mut text)
        {
            cards.push((p, i));
            return Some(i);
        }
        None
    });
    // Cards come in document order, so a parent's cards are consecutive unless a nested
    // group interleaves; sort to group them.
    cards.sort_unstable();
    let mut k = 0;
    while k < cards.len() {
        let p = cards[k].0;
        let mut e = k;
        let mut group_chars = 0u64;
        while e < cards.len() && cards[e].0 == p {
            group_chars += u64::from(facts.raw.get(cards[e].1).copied().unwrap_or(0));
            e += 1;
        }
        if (e - k) as u32 >= MIN_RECOMMENDED_CARDS
            && group_chars as f32 <= MAX_PRUNED_SHARE * root_chars
        {
            for &(_, c) in &cards[k..e] {
                if let Some(x) = pruned.get_mut(c) {
                    *x = true;
                }
            }
        }
        k = e;
    }
}

/// A class naming a product card (`product`, `product-item`, `products__card`).
fn names_product(dom: &Dom, i: usize) -> bool {
    // Read with the memoised class hints ([`ClassHints::product`]).
    dom.class_hints(i).product
}

/// The class words of [`names_product`].
pub(crate) const PRODUCT_WORDS: &[&str] = &["product", "products"];

/// A prose root (a category's description) next to a grid of product cards: the root grows to
/// the nearest element holding both, when the grid holds at least [`MIN_PRODUCT_CARDS`] cards
/// and at least [`MIN_GRID_SHARE`] of the root's text.
fn with_product_grid(
    dom: &Dom,
    pruned: &[bool],
    records: &[bool],
    chars: &[u32],
    has_img: &[bool],
    root: usize,
    body: usize,
) -> usize {
    let n = dom.nodes.len();
    let mut cards = vec![0u32; n];
    let mut text = String::new();
    let mut i = body;
    let end = dom.end(body);
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if records.get(i).copied().unwrap_or(false)
            && (names_product(dom, i)
                || (has_img.get(i).copied().unwrap_or(false) && is_priced_card(dom, i, &mut text)))
        {
            if let Some(p) = dom.parent(i)
                && let Some(x) = cards.get_mut(p)
            {
                *x += 1;
            }
            i = dom.end(i).max(i + 1);
            continue;
        }
        i += 1;
    }
    let Some((grid, &count)) = cards.iter().enumerate().max_by_key(|&(_, c)| *c) else {
        return root;
    };
    if count < MIN_PRODUCT_CARDS
        || (grid >= root && grid < dom.end(root))
        || (root >= grid && root < dom.end(grid))
        || (chars.get(grid).copied().unwrap_or(0) as f32)
            < if grid < root {
                MIN_LEADING_GRID_SHARE
            } else {
                MIN_GRID_SHARE
            } * chars.get(root).copied().unwrap_or(0) as f32
    {
        return root;
    }
    let mut a = root;
    while let Some(p) = dom.parent(a) {
        a = p;
        if grid > a && grid < dom.end(a) {
            break;
        }
    }
    if a <= body {
        return root;
    }
    a
}

/// Longest text (non-whitespace characters) of a promotional tile in a grid of products: a
/// slogan and a button. Longer text between the cards is a note on them (a ranking's
/// disclosure). Our choice.
pub const MAX_PROMO_TILE_CHARS: u32 = 120;
/// Least share of a group's cards holding a price for the group to be a shop's grid of
/// products ([`prune_promo_tiles`]). Our choice.
pub const MIN_PRICED_CARD_SHARE: f32 = 0.75;

/// In a shop's grid of product cards (a parent of listing records whose children with text
/// are at least [`MIN_PRODUCT_CARDS`] cards holding an image and a price, and
/// [`MIN_PRICED_CARD_SHARE`] of them), the children that are no such card are the shop's promotional tiles set between the
/// products ("Save 30% off your first order", "Bundle + save"): pruned. Children larger than
/// [`MAX_PRODUCT_CARD_NODES`] are no cards and are left alone, and so are table rows and
/// texts longer than [`MAX_PROMO_TILE_CHARS`].
fn prune_promo_tiles(dom: &Dom, pruned: &mut [bool], raw: &[u32], records: &[bool], root: usize) {
    let end = dom.end(root);
    let mut done = std::collections::HashSet::new();
    let mut cards: Vec<(usize, bool)> = Vec::new();
    let mut text = String::new();
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if !records.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let Some(p) = dom.parent(i) else {
            i += 1;
            continue;
        };
        if !done.insert(p) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        cards.clear();
        let mut c = p + 1;
        while c < dom.end(p) {
            if dom.tag(c) != Tag::Text
                && dom.tag(c) != Tag::Tr
                && !pruned.get(c).copied().unwrap_or(true)
                && dom.end(c) <= c + MAX_PRODUCT_CARD_NODES
                && raw.get(c).copied().unwrap_or(0) > 0
            {
                // The image first: the text is read only for cards that have one.
                let card =
                    (c + 1..dom.end(c)).any(|k| matches!(dom.tag(k), Tag::Img | Tag::Picture)) && {
                        text.clear();
                        dom.subtree_text(c, &mut text);
                        holds_price(&text)
                    };
                cards.push((c, card));
            }
            c = dom.end(c).max(c + 1);
        }
        let priced = cards.iter().filter(|(_, p)| *p).count();
        if priced >= MIN_PRODUCT_CARDS as usize
            && priced as f32 >= MIN_PRICED_CARD_SHARE * cards.len() as f32
        {
            for &(c, has) in &cards {
                if !has
                    && raw.get(c).copied().unwrap_or(0) <= MAX_PROMO_TILE_CHARS
                    && let Some(x) = pruned.get_mut(c)
                {
                    *x = true;
                }
            }
        }
        i = dom.end(i).max(i + 1);
    }
}

/// Most nodes of an emphasis element that [`prune_link_paragraphs`] judges as a line.
const MAX_EMPHASIS_LINE_NODES: usize = 64;

/// In an article's root, prunes paragraphs that are one headline link ("read also" teasers
/// between the paragraphs of a news story): a `<p>`, `<div>` or emphasis of at least
/// [`MIN_TITLE_LINK_CHARS`], a single link holding [`MIN_LINK_PARAGRAPH_DENSITY`] of its text,
/// of at least three words and no bare address, outside list items, table cells and the cards
/// of grids (records other than paragraphs); or one link with at most [`MAX_LEAD_IN_CHARS`]
/// of text on one side of it ("Read more:", "\[INSIGHT\]"). Emphasis elements are inline, so
/// their text is counted here (`text_counts`).
fn prune_link_paragraphs(
    dom: &Dom,
    pruned: &mut [bool],
    records: &[bool],
    prev: &[u32],
    chars: &[u32],
    link_chars: &[u32],
    root: usize,
) {
    let end = dom.end(root);
    let mut i = root + 1;
    while i < end {
        // Cards of a grid hold their title links; an article's paragraphs repeat as records too.
        if pruned.get(i).copied().unwrap_or(true)
            || (records.get(i).copied().unwrap_or(false)
                && dom.tag(i) != Tag::P
                && !interleaved(dom, pruned, prev, i))
        {
            i = dom.end(i).max(i + 1);
            continue;
        }
        let tag = dom.tag(i);
        let emphasis = matches!(tag, Tag::Strong | Tag::B | Tag::Em);
        // A headline line in bold is a link and a label: a few nodes. Bounding it keeps
        // nested emphasis (each level counted from its text) from being quadratic.
        if emphasis && dom.end(i).saturating_sub(i) > MAX_EMPHASIS_LINE_NODES {
            i += 1;
            continue;
        }
        let (c, l) = if emphasis {
            let (c, l, _) = text_counts(dom, pruned, i);
            (c, l)
        } else {
            (
                chars.get(i).copied().unwrap_or(0),
                link_chars.get(i).copied().unwrap_or(0),
            )
        };
        if matches!(tag, Tag::P | Tag::Div | Tag::Strong | Tag::B | Tag::Em)
            && c >= MIN_TITLE_LINK_CHARS
            && (l as f32 >= MIN_LINK_PARAGRAPH_DENSITY * c as f32
                || (c - l.min(c) <= MAX_LEAD_IN_CHARS && text_before_link(dom, i)))
            && dom
                .parent(i)
                .is_some_and(|p| !matches!(dom.tag(p), Tag::Li | Tag::Td | Tag::Th))
            && !(i + 1..dom.end(i))
                .any(|k| matches!(dom.tag(k), Tag::Li | Tag::Ul | Tag::Ol | Tag::Table))
            && (i + 1..dom.end(i))
                .filter(|&k| dom.tag(k) == Tag::A)
                .count()
                <= 1
            && reads_as_headline(dom, i)
            && !(i + 1..dom.end(i)).any(|k| dom.tag(k) == Tag::A && is_product_card_link(dom, k))
        {
            if let Some(p) = pruned.get_mut(i) {
                *p = true;
            }
            i = dom.end(i).max(i + 1);
            continue;
        }
        i += 1;
    }
}

/// In an article's root, prunes groups of teaser cards ("most popular" boxes of other
/// stories) by their shape rather than their link share, since a card's blurb may outweigh
/// its title link: at least [`MIN_RECORDS`] siblings of one tag and first class name (see
/// [`first_word_signature`]) each of which holds an image link and at least one more link, all to one
/// address, and at most [`MAX_CAPTION_CHARS`] of text outside its links; product cards are
/// left alone. A wrapper left with headings only (the box's title) goes with them.
fn prune_teaser_cards(
    dom: &Dom,
    pruned: &mut [bool],
    chars: &[u32],
    link_chars: &[u32],
    root: usize,
    facts: &PageFacts<'_>,
) {
    let end = dom.end(root);
    let mut cards = Vec::new();
    let mut kinds = Vec::new();
    let mut last_text = None;
    let mut p = root;
    while p < end {
        if pruned.get(p).copied().unwrap_or(true) {
            p = dom.end(p).max(p + 1);
            continue;
        }
        if dom.tag(p) == Tag::Text {
            p += 1;
            continue;
        }
        cards.clear();
        let mut c = p + 1;
        while c < dom.end(p) {
            if !pruned.get(c).copied().unwrap_or(true)
                && dom.tag(c) != Tag::Text
                && teaser_card(dom, pruned, c, chars, link_chars, facts)
            {
                cards.push(c);
            }
            c = dom.end(c).max(c + 1);
        }
        // The cards of one box share their tag and first class name; themes add per-item
        // classes (`post-3460 category-news`) that make their whole class values differ.
        kinds.clear();
        kinds.extend(cards.iter().map(|&c| first_word_signature(dom, c)));
        kinds.sort_unstable();
        if let Some(kind) = kinds
            .chunk_by(|a, b| a == b)
            .max_by_key(|run| run.len())
            .and_then(|run| run.first().copied())
        {
            cards.retain(|&c| first_word_signature(dom, c) == kind);
        }
        // Cards without a picture (a linked heading and blurb) are other pages' teasers only
        // as a titled box closing the root's text ("More from Money"): between its parts,
        // or untitled, they are the page's own sections (a service page's offers).
        let has_img = |c: usize| facts.has_img.get(c).copied().unwrap_or(false);
        if cards.len() >= MIN_RECORDS && cards.iter().any(|&c| !has_img(c)) {
            // The root's last shown text, found once: a box closes the root when it holds
            // it, so only the few boxes around it are read further (no quadratic scan).
            let last = *last_text.get_or_insert_with(|| {
                shown_nodes(dom, pruned, root + 1, end)
                    .filter(|&k| shows_text(dom, k))
                    .last()
                    .unwrap_or(root)
            });
            let closes = last > p && last < dom.end(p);
            let first = cards.first().copied().unwrap_or(p);
            if !(closes && heading_before_cards(dom, pruned, root, first)) {
                cards.retain(|&c| has_img(c));
            }
        }
        let card_chars: u32 = cards
            .iter()
            .map(|&c| chars.get(c).copied().unwrap_or(0))
            .sum();
        if cards.len() >= MIN_RECORDS
            && card_chars as f32
                <= MAX_TEASER_CARD_SHARE * chars.get(root).copied().unwrap_or(0) as f32
        {
            for &c in &cards {
                if let Some(x) = pruned.get_mut(c) {
                    *x = true;
                }
            }
            let mut rest = false;
            let mut c = p + 1;
            while c < dom.end(p) {
                let tag = dom.tag(c);
                if !pruned.get(c).copied().unwrap_or(true)
                    && !tag.is_heading()
                    && (tag != Tag::Text || !dom.text_of(c).trim().is_empty())
                    && chars.get(c).copied().unwrap_or(0) > 0
                {
                    rest = true;
                }
                c = dom.end(c).max(c + 1);
            }
            if !rest
                && p != root
                && let Some(x) = pruned.get_mut(p)
            {
                *x = true;
            }
            p = dom.end(p).max(p + 1);
            continue;
        }
        p += 1;
    }
}

/// Whether element `i` is a schema.org article item (`itemtype` `Article`, `NewsArticle`,
/// `BlogPosting`).
fn names_article_item(dom: &Dom, i: usize) -> bool {
    dom.attr(i, Attr::Itemtype).is_some_and(|t| {
        let t = t.trim().trim_end_matches('/');
        let ty = t.rsplit('/').next().unwrap_or(t);
        ["Article", "NewsArticle", "BlogPosting"]
            .iter()
            .any(|a| ty.eq_ignore_ascii_case(a))
    })
}

/// Most nodes (elements and texts) of a teaser card ([`teaser_card`]): an image, a title, a
/// date and a blurb take a few dozen; shop themes' icons a few more. Our choice.
const MAX_TEASER_CARD_NODES: usize = 200;

/// A teaser card: an image link and at least one more link (the title), all to one
/// address, at most [`MAX_CAPTION_CHARS`] of text outside links (a blurb), not a product.
fn teaser_card(
    dom: &Dom,
    pruned: &[bool],
    c: usize,
    chars: &[u32],
    link_chars: &[u32],
    facts: &PageFacts<'_>,
) -> bool {
    let text = chars.get(c).copied().unwrap_or(0);
    // Every element of the root is asked: bounding a card's size keeps nested wrappers from
    // making this quadratic.
    if text == 0
        || dom.end(c).saturating_sub(c) > MAX_TEASER_CARD_NODES
        || text.saturating_sub(link_chars.get(c).copied().unwrap_or(0)) > MAX_CAPTION_CHARS
        || names_product(dom, c)
    {
        return false;
    }
    // A card marked up as an article of its own (schema.org microdata) is a teaser of
    // another page, whatever its links.
    if names_article_item(dom, c) {
        return (c + 1..dom.end(c))
            .any(|k| dom.tag(k) == Tag::A && dom.attr(k, Attr::Href).is_some());
    }
    if !facts.has_img.get(c).copied().unwrap_or(false) {
        return linked_heading_card(dom, pruned, c, text, link_chars);
    }
    let mut href: Option<&str> = None;
    let mut anchors = 0;
    let mut image = false;
    // Links in pruned parts (a hidden author link) do not count.
    for k in shown_nodes(dom, pruned, c + 1, dom.end(c)) {
        if dom.tag(k) != Tag::A {
            continue;
        }
        let Some(h) = dom.attr(k, Attr::Href) else {
            return false;
        };
        if href.is_some_and(|x| x != h) {
            return false;
        }
        href = Some(h);
        anchors += 1;
        if facts.has_img.get(k).copied().unwrap_or(false) {
            image = true;
        }
    }
    anchors >= 2 && image
}

/// Whether node `k` is a text node with more than white space.
fn shows_text(dom: &Dom, k: usize) -> bool {
    dom.tag(k) == Tag::Text && !dom.text_of(k).trim().is_empty()
}

/// Whether the last shown text of the root before a box's first card `first` is a heading's
/// (the box's title).
fn heading_before_cards(dom: &Dom, pruned: &[bool], root: usize, first: usize) -> bool {
    let Some(last) = shown_nodes(dom, pruned, root + 1, first)
        .filter(|&k| shows_text(dom, k))
        .last()
    else {
        return false;
    };
    let mut a = dom.parent(last);
    while let Some(x) = a {
        if x == root {
            break;
        }
        if dom.tag(x).is_heading() {
            return true;
        }
        a = dom.parent(x);
    }
    false
}

/// A teaser card without a thumbnail: all of element `c`'s `text` inside one link that holds
/// a heading (`<a><h3>title</h3><p>blurb</p></a>`): the whole box points at another page.
fn linked_heading_card(
    dom: &Dom,
    pruned: &[bool],
    c: usize,
    text: u32,
    link_chars: &[u32],
) -> bool {
    if link_chars.get(c).copied().unwrap_or(0) < text {
        return false;
    }
    let mut links = shown_nodes(dom, pruned, c + 1, dom.end(c)).filter(|&k| dom.tag(k) == Tag::A);
    let Some(a) = links.next() else {
        return false;
    };
    links.next().is_none()
        && dom.attr(a, Attr::Href).is_some()
        && (a + 1..dom.end(a)).any(|k| dom.tag(k).is_heading())
}

/// Whether all the text of element `i` outside its first link comes before that link (a
/// lead-in such as "Read more:" of a teaser paragraph), or after it without ending a
/// sentence (a label such as "\[INSIGHT\]").
fn text_before_link(dom: &Dom, i: usize) -> bool {
    let Some(a) = (i + 1..dom.end(i)).find(|&k| dom.tag(k) == Tag::A) else {
        return false;
    };
    !(dom.end(a)..dom.end(i)).any(|k| dom.tag(k) == Tag::Text && !dom.text_of(k).trim().is_empty())
        // Or a label after the link ("[INSIGHT]"), not the end of a sentence ("<a>Visit
        // their website</a> to learn more.").
        || (!(i + 1..a).any(|k| dom.tag(k) == Tag::Text && !dom.text_of(k).trim().is_empty())
            && !(dom.end(a)..dom.end(i))
                .any(|k| dom.tag(k) == Tag::Text && count(dom.text_of(k)).1 > 0))
}

/// Class tokens of an article's standfirst (dek): the summary under its headline, which
/// repeats the page's description rather than starting the story; a "key points" box is
/// such a summary too.
const STANDFIRST_TOKENS: &[&str] = &[
    "dek",
    "standfirst",
    "subhead",
    "subheadline",
    "abstract",
    "keypoints",
];

/// In an article's root, prunes standfirsts: elements of at most [`MAX_CAPTION_CHARS`]
/// characters whose class holds a [`STANDFIRST_TOKENS`] token, or headings marked as the
/// article's `itemprop="description"`.
fn prune_standfirsts(dom: &Dom, pruned: &mut [bool], raw: &[u32], root: usize) {
    prune_in_root(dom, pruned, root, |i, _| {
        let short = raw.get(i).copied().unwrap_or(0) <= MAX_CAPTION_CHARS;
        let named = class_has_word(dom, i, STANDFIRST_TOKENS);
        let described = dom.tag(i).is_heading()
            && dom
                .attr(i, Attr::Itemprop)
                .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "description"));
        short && (named || described)
    });
}

/// Walks the nodes inside `root` in document order, skipping pruned subtrees: `visit` gets
/// each node not pruned (and the pruning so far, which it may extend) and returns the node
/// (itself or an ancestor it pruned) past whose subtree the walk goes on, or `None` to go
/// down into it.
fn walk_shown(
    dom: &Dom,
    pruned: &mut [bool],
    root: usize,
    mut visit: impl FnMut(usize, &mut [bool]) -> Option<usize>,
) {
    let end = dom.end(root);
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        i = match visit(i, pruned) {
            Some(past) => dom.end(past).max(i + 1),
            None => i + 1,
        };
    }
}

/// Prunes the nodes inside `root` for which `hit` (given the pruning so far) holds, in
/// document order, with their subtrees; pruned subtrees are not looked into.
fn prune_in_root(
    dom: &Dom,
    pruned: &mut [bool],
    root: usize,
    mut hit: impl FnMut(usize, &[bool]) -> bool,
) {
    walk_shown(dom, pruned, root, |i, pruned| {
        let h = hit(i, pruned);
        if h && let Some(p) = pruned.get_mut(i) {
            *p = true;
        }
        h.then_some(i)
    });
}

/// Most nodes walked after a heading to find what its section shows
/// ([`prune_orphan_headings`]): past it, the section counts as shown. Our choice.
const MAX_SECTION_NODES: usize = 4096;

/// On a product page, a heading (`<h2>` to `<h6>`) whose section had text that pruning
/// removed entirely titles chrome ("Related products", "Customers also bought", "Customer
/// reviews of ...", "How to get it"): the carousel, review widget or store picker went, and
/// its title goes with it. The heading's block is the heading with its wrappers that hold no
/// other text; its section is what follows that block inside the block's parent, up to the
/// next heading shown of the same or a higher rank. A heading followed by no text at all is kept (its section may be the
/// parent's next sibling, or a script's).
fn prune_orphan_headings(dom: &Dom, pruned: &mut [bool], raw: &[u32], root: usize) {
    let end = dom.end(root);
    walk_shown(dom, pruned, root, |i, pruned| {
        let tag = dom.tag(i);
        if !tag.is_heading() || tag == Tag::H1 {
            return None;
        }
        let rank = heading_rank(tag);
        let own = raw.get(i).copied().unwrap_or(0);
        let mut w = i;
        while let Some(p) = dom.parent(w) {
            if p <= root || raw.get(p).copied().unwrap_or(0) != own {
                break;
            }
            w = p;
        }
        let section_end = dom.parent(w).map_or(end, |p| dom.end(p));
        let (mut had, mut shows) = (0u32, false);
        let mut k = dom.end(w);
        let mut walked = 0usize;
        while k < section_end {
            walked += 1;
            if walked > MAX_SECTION_NODES {
                shows = true;
                break;
            }
            if pruned.get(k).copied().unwrap_or(true) {
                had += raw.get(k).copied().unwrap_or(0);
                k = dom.end(k).max(k + 1);
                continue;
            }
            let t = dom.tag(k);
            if t.is_heading() && heading_rank(t) <= rank {
                break;
            }
            if t == Tag::Text && !dom.text_of(k).trim().is_empty() {
                shows = true;
                break;
            }
            k += 1;
        }
        if had >= MIN_SENTENCE_CHARS
            && !shows
            && let Some(x) = pruned.get_mut(w)
        {
            *x = true;
        }
        Some(i)
    });
}

/// The rank of a heading tag: 1 for `<h1>` to 6 for `<h6>` (7 for other tags).
fn heading_rank(tag: Tag) -> u8 {
    match tag {
        Tag::H1 => 1,
        Tag::H2 => 2,
        Tag::H3 => 3,
        Tag::H4 => 4,
        Tag::H5 => 5,
        Tag::H6 => 6,
        _ => 7,
    }
}

/// Longest text (characters) of a label that may be pruned as repeated on a product page.
pub const MAX_REPEATED_LABEL_CHARS: usize = 30;
/// Longest label (characters) of an item of an icon strip. Our choice.
pub const MAX_ICON_LABEL_CHARS: u32 = 40;
/// Most items of an icon strip: a shop states a few assurances; a longer run of icons with
/// labels is the product's own grid (the bits of a kit, its colours, its ports). Our choice.
pub const MAX_ICON_ITEMS: usize = 8;
/// Most nodes of an item of an icon strip (an icon's `<svg>` paths included). Our choice.
const MAX_ICON_ITEM_NODES: usize = 48;

/// Whether the first element inside `c` is an empty `<i>` or `<span>` (whitespace at most):
/// an icon font's glyph (`<i class="fa fa-truck"></i>`), drawn by a style sheet.
fn opens_with_glyph(dom: &Dom, c: usize) -> bool {
    let end = dom.end(c);
    let Some(k) = (c + 1..end).find(|&k| dom.tag(k) != Tag::Text) else {
        return false;
    };
    matches!(dom.tag(k), Tag::I | Tag::Span)
        && (k + 1..dom.end(k)).all(|t| dom.tag(t) == Tag::Text && dom.text_of(t).trim().is_empty())
        && (c + 1..k).all(|t| dom.text_of(t).trim().is_empty())
}

/// On a product page, a strip of three to [`MAX_ICON_ITEMS`] items that are each an icon (an
/// image, an `<svg>` or an icon font's glyph) and a short label, without links ("Free
/// shipping", "Secure checkout", "30-day returns"), is the shop's trust badges: pruned.
fn prune_icon_strips(dom: &Dom, pruned: &mut [bool], root: usize, facts: &PageFacts<'_>) {
    prune_in_root(dom, pruned, root, |i, pruned| {
        if dom.tag(i) == Tag::Text {
            return false;
        }
        // The items: element children with text; any other text breaks the strip.
        let mut items = 0usize;
        let mut c = i + 1;
        while c < dom.end(i) {
            if dom.tag(c) != Tag::Text && !pruned.get(c).copied().unwrap_or(true) {
                let raw = facts.raw.get(c).copied().unwrap_or(0);
                if raw == 0 {
                    c = dom.end(c).max(c + 1);
                    continue;
                }
                // Checked in this order, the subtree scans stay within an item's few nodes.
                if raw > MAX_ICON_LABEL_CHARS
                    || dom.end(c) > c + MAX_ICON_ITEM_NODES
                    || !(facts.has_img.get(c).copied().unwrap_or(false)
                        || (c..dom.end(c)).any(|k| dom.tag(k) == Tag::Svg)
                        || opens_with_glyph(dom, c))
                    || (c..dom.end(c)).any(|k| dom.tag(k) == Tag::A)
                {
                    return false;
                }
                items += 1;
            } else if dom.tag(c) == Tag::Text && !dom.text_of(c).trim().is_empty() {
                return false;
            }
            c = dom.end(c).max(c + 1);
        }
        (MIN_RECORDS..=MAX_ICON_ITEMS).contains(&items)
    });
}

/// How often a short text must occur in a product page's root to be chrome.
pub const MIN_LABEL_REPEATS: usize = 3;

/// On a product page, a short text shown at least [`MIN_LABEL_REPEATS`] times in the root
/// (a badge on every card, the row labels of a comparison of related products, a trust
/// blurb) keeps its first occurrence only: the element holding nothing but a later copy is
/// pruned. Table cells and list items are spared (a specification table's "Yes", a variant
/// list).
fn prune_repeated_labels(dom: &Dom, pruned: &mut [bool], root: usize) {
    let mut seen: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    walk_shown(dom, pruned, root, |i, _| {
        if dom.tag(i) == Tag::Text
            && let Some(p) = dom.parent(i)
            && p != root
            && i == p + 1
            && dom.end(p) == i + 1
            && !matches!(
                dom.tag(p),
                Tag::Td | Tag::Th | Tag::Li | Tag::Script | Tag::Title
            )
        {
            let t = dom.text_of(i).trim();
            if !t.is_empty() && t.chars().count() <= MAX_REPEATED_LABEL_CHARS {
                seen.entry(t).or_default().push(p);
            }
        }
        None
    });
    for ps in seen.values() {
        if ps.len() < MIN_LABEL_REPEATS {
            continue;
        }
        for &p in ps.iter().skip(1) {
            if let Some(x) = pruned.get_mut(p) {
                *x = true;
            }
        }
    }
}

/// Text of a few words, not a bare address (a reference's URL is cited content).
fn reads_as_headline(dom: &Dom, i: usize) -> bool {
    let mut words = 0usize;
    for k in i + 1..dom.end(i) {
        if dom.tag(k) == Tag::Text {
            let t = dom.text_of(k);
            if t.contains("://") || t.contains("www.") {
                return false;
            }
            words += t.split_whitespace().count();
        }
    }
    words >= 3
}

/// In an article's root, prunes image captions and credits ([`caption_wrapper`], and short
/// elements without headings whose class names a caption, [`names_caption`]) that are
/// not part of repeated records (the image tiles of a services page, the cards of a grid).
fn prune_captions(
    dom: &Dom,
    pruned: &mut [bool],
    records: &[bool],
    prev: &[u32],
    root: usize,
    facts: &PageFacts<'_>,
) {
    let end = dom.end(root);
    let mut found = Vec::new();
    let mut total = 0u32;
    // A short record between text blocks of another kind ([`interleaved`]) is a photo and
    // its caption, not a tile of a grid: its caption goes (the record and its end).
    let mut photo = (NONE as usize, 0);
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if records.get(i).copied().unwrap_or(false) {
            if facts.raw.get(i).copied().unwrap_or(0) <= MAX_CAPTION_CHARS
                && interleaved(dom, pruned, prev, i)
            {
                photo = (i, dom.end(i));
                i += 1;
            } else {
                i = dom.end(i).max(i + 1);
            }
            continue;
        }
        let tag = dom.tag(i);
        // Captions named by their class, whose image may be a script's placeholder.
        let c = facts.raw.get(i).copied().unwrap_or(0);
        if tag != Tag::Text
            && !tag.is_heading()
            && (MIN_CAPTION_CHARS..=MAX_CAPTION_CHARS).contains(&c)
            && names_caption(dom, i)
            && !(i + 1..dom.end(i)).any(|k| dom.tag(k).is_heading())
        {
            found.push(i);
            total += c;
            i = dom.end(i).max(i + 1);
            continue;
        }
        if tag != Tag::Text
            && let Some(w) = caption_wrapper(dom, i, tag, facts)
            && (if i < photo.1 {
                w == photo.0
            } else {
                !(w..i).any(|k| records.get(k).copied().unwrap_or(false))
            })
        {
            found.push(i);
            total += facts.raw.get(i).copied().unwrap_or(0);
            i = dom.end(i).max(i + 1);
            continue;
        }
        i += 1;
    }
    if total as f32 > MAX_CAPTION_SHARE * facts.raw.get(root).copied().unwrap_or(0) as f32 {
        return;
    }
    for c in found {
        if let Some(p) = pruned.get_mut(c) {
            *p = true;
        }
    }
}

/// A class naming a caption: the word `caption` or `captions`, alone or as the last word of
/// a camelCase name (`newsCaption`, `InlineImage-imageEmbedCaption`).
fn names_caption(dom: &Dom, i: usize) -> bool {
    dom.attr(i, Attr::Class).is_some_and(|c| {
        c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(|t| {
            let t = t.strip_suffix('s').unwrap_or(t);
            t.eq_ignore_ascii_case("caption")
                || (t.len() > 7
                    && t.ends_with("Caption")
                    && t.as_bytes()
                        .get(t.len() - 8)
                        .is_some_and(u8::is_ascii_lowercase))
        })
    })
}

/// Each node's previous sibling (text nodes included; [`NONE`] for a first child), in one
/// pass: [`Dom::previous_sibling`] climbs from the node before, as deep as the sibling's last
/// descendant, which nested wrappers make slow when asked for every record.
fn previous_siblings(dom: &Dom) -> Vec<u32> {
    let n = dom.nodes.len();
    let mut prev = vec![NONE; n];
    let mut last_child = vec![NONE; n];
    for (i, node) in dom.nodes.iter().enumerate().skip(1) {
        if let Some(l) = last_child.get_mut(node.parent as usize) {
            if let Some(p) = prev.get_mut(i) {
                *p = *l;
            }
            *l = i as u32;
        }
    }
    prev
}

/// Most siblings [`interleaved`] looks past on each side.
const MAX_INTERLEAVE_LOOK: usize = 64;

/// A record (see [`find_records`]) between two elements that share a tag and class other
/// than its own: a photo between text blocks of an article, not a card of a grid (whose
/// neighbours are cards) nor the last card after a heading. Neighbours that are pruned (a
/// related-stories box between the photo and the next text block) or of the record's own
/// kind (two photos in a row) are looked past.
fn interleaved(dom: &Dom, pruned: &[bool], prev_sibling: &[u32], i: usize) -> bool {
    let Some(p) = dom.parent(i) else {
        return false;
    };
    let own = signature(dom, i, dom.tag(i));
    // Neighbours that are pruned (a related-stories box) or of the record's own kind (a run
    // of photos) are skipped.
    let skip = |k: usize| {
        dom.tag(k) == Tag::Text
            || pruned.get(k).copied().unwrap_or(false)
            || signature(dom, k, dom.tag(k)) == own
    };
    // At most [`MAX_INTERLEAVE_LOOK`] siblings each way: a grid of thousands of cards would
    // make this quadratic, and a photo's text neighbours are close.
    let mut prev = None;
    let mut k = i;
    for _ in 0..MAX_INTERLEAVE_LOOK {
        let s = prev_sibling.get(k).copied().unwrap_or(NONE);
        if s == NONE {
            break;
        }
        let s = s as usize;
        if !skip(s) {
            prev = Some(s);
            break;
        }
        k = s;
    }
    let mut next = None;
    let mut k = dom.end(i).max(i + 1);
    for _ in 0..MAX_INTERLEAVE_LOOK {
        if k >= dom.end(p) {
            break;
        }
        if !skip(k) {
            next = Some(k);
            break;
        }
        k = dom.end(k).max(k + 1);
    }
    match (prev, next) {
        (Some(a), Some(b)) => signature(dom, a, dom.tag(a)) == signature(dom, b, dom.tag(b)),
        _ => false,
    }
}

/// Most nodes of a caption ([`caption_wrapper`]): a line with some inline markup. Bounds the
/// scan on nested inline elements, each of which is asked.
const MAX_CAPTION_NODES: usize = 64;

/// An image's caption or credit: a short text whose wrappers hold nothing else than it and
/// an image (`<div><img><p>Caption.</p></div>`, `<figure><picture/><span><cite>Photo by
/// ...</cite></span></figure>`).
fn caption_wrapper(dom: &Dom, i: usize, tag: Tag, facts: &PageFacts<'_>) -> Option<usize> {
    let c = facts.raw.get(i).copied().unwrap_or(0);
    if tag.is_heading()
        || matches!(
            tag,
            Tag::A | Tag::Li | Tag::Td | Tag::Th | Tag::Tr | Tag::Table
        )
        || !(MIN_CAPTION_CHARS..=MAX_CAPTION_CHARS).contains(&c)
        || facts.has_img.get(i).copied().unwrap_or(true)
        || dom.end(i).saturating_sub(i) > MAX_CAPTION_NODES
        || (i + 1..dom.end(i)).any(|k| dom.tag(k).is_block())
    {
        return None;
    }
    let mut a = i;
    for _ in 0..3 {
        let p = dom.parent(a)?;
        if facts.raw.get(p).copied().unwrap_or(0) != c
            || matches!(dom.tag(p), Tag::A | Tag::Li | Tag::Td | Tag::Th | Tag::Body)
        {
            return None;
        }
        if facts.has_img.get(p).copied().unwrap_or(false) {
            return Some(p);
        }
        a = p;
    }
    None
}

/// Last segments of the schema.org types of a post of a thread (forum posts, replies,
/// answers).
const POST_TYPES: &[&str] = &[
    "Comment",
    "DiscussionForumPosting",
    "Answer",
    "Question",
    "SocialMediaPosting",
];

/// A post of a thread: an `<article>`, or a post typed by microdata ([`is_typed_post`]).
fn is_post(dom: &Dom, i: usize) -> bool {
    dom.tag(i) == Tag::Article || is_typed_post(dom, i)
}

/// An element typed (microdata) as a comment, forum posting, question or answer.
pub(crate) fn is_typed_post(dom: &Dom, i: usize) -> bool {
    if dom
        .attr(i, Attr::Itemprop)
        .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "comment"))
    {
        return true;
    }
    dom.attr(i, Attr::Itemtype).is_some_and(|t| {
        let t = t.trim().trim_end_matches('/');
        let ty = t.rsplit('/').next().unwrap_or(t);
        POST_TYPES.iter().any(|p| ty.eq_ignore_ascii_case(p))
    })
}

/// Longest text (characters) of a poster's card or post header that keeps the poster's name
/// when it is pruned.
pub const MAX_POSTER_CARD_CHARS: u32 = 400;
/// Longest name (characters) of a poster.
const MAX_POSTER_NAME_CHARS: u32 = 60;
/// Shortest name (characters) of a poster found by its profile link alone: shorter ones
/// are an avatar's initials (`G`, `JD`).
const MIN_LINKED_NAME_CHARS: u32 = 3;

/// In region `i` (a poster's card or a post header about to be pruned, of at most
/// [`MAX_POSTER_CARD_CHARS`]), holding no post itself, the element holding the poster's
/// name: a class naming a user name (`username`, `ipsEntry__username`, `author-name`), or
/// microdata `itemprop="name"` of the post's `itemprop="author"`; failing both, with
/// `by_link` (the post typed as one), the first link to a user's page
/// ([`links_to_profile`]) showing at least [`MIN_LINKED_NAME_CHARS`].
fn poster_name(dom: &Dom, i: usize, raw: &[u32], by_link: bool) -> Option<usize> {
    let raw = |k: usize| raw.get(k).copied().unwrap_or(0);
    if raw(i) > MAX_POSTER_CARD_CHARS {
        return None;
    }
    let end = dom.end(i);
    // A card named for its poster (`email-author`, `comment-author`) names its poster's
    // name by the bare word (`<span class=name>`).
    let poster_card = std::cell::Cell::new(None);
    let card_named = || {
        poster_card.get().unwrap_or_else(|| {
            let v = names_poster_card(dom, i);
            poster_card.set(Some(v));
            v
        })
    };
    let is_name = |k: usize| {
        dom.tag(k) != Tag::Text
            && (1..=MAX_POSTER_NAME_CHARS).contains(&raw(k))
            && (names_user_name(dom, k)
                || author_name_prop(dom, k)
                || (card_named() && class_word(dom, k, "name")))
    };
    // Every small pruned region is asked (poster cards outside typed posts): most hold no
    // name, and that is the cheaper question.
    if (!by_link && !(i..end).any(is_name)) || (i..end).any(|k| is_post(dom, k)) {
        return None;
    }
    // The innermost: `<h3 class=username><a class=username>Name</a> <span>Rank</span></h3>`.
    // Without a class or microdata naming it, in a post typed as one (`by_link`), the
    // first link to a user's page showing a name.
    let Some(mut a) = (i..end).find(|&k| is_name(k)) else {
        if !by_link {
            return None;
        }
        return (i..end).find(|&k| {
            (MIN_LINKED_NAME_CHARS..=MAX_POSTER_NAME_CHARS).contains(&raw(k))
                && links_to_profile(dom, k)
        });
    };
    while let Some(b) = (a + 1..dom.end(a)).find(|&k| is_name(k)) {
        a = b;
    }
    Some(a)
}

/// Whether one of element `i`'s class tokens is `w` (any case): `name`, `x name` hold
/// `name`; `post-name`, `nameLink` do not.
fn class_word(dom: &Dom, i: usize, w: &str) -> bool {
    dom.attr(i, Attr::Class).is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(w))
    })
}

/// Whether card `i`'s class names a poster: a word ending in `author` or `poster`
/// (`email-author`, `comment-author`, `postAuthor`).
fn names_poster_card(dom: &Dom, i: usize) -> bool {
    dom.attr(i, Attr::Class).is_some_and(|c| {
        c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(|t| {
            let b = t.as_bytes();
            ["author", "poster"].iter().any(|w| {
                b.len()
                    .checked_sub(w.len())
                    .and_then(|k| b.get(k..))
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(w.as_bytes()))
            })
        })
    })
}

/// Words of a link's address naming a user's page (`/profiles/91-name`,
/// `member.php?u=7`, `index.php?action=profile;u=9`).
const PROFILE_PATH_WORDS: &[&str] = &[
    "profile",
    "profiles",
    "viewprofile",
    "user",
    "users",
    "member",
    "members",
    "u",
];

/// Whether element `i` is a link whose address names a user's page ([`PROFILE_PATH_WORDS`]
/// among its words): in a poster's card, the poster's name.
fn links_to_profile(dom: &Dom, i: usize) -> bool {
    dom.tag(i) == Tag::A
        && dom.attr(i, Attr::Href).is_some_and(|h| {
            h.split(['/', '?', '&', '=', ';', '.'])
                .any(|w| PROFILE_PATH_WORDS.iter().any(|p| w.eq_ignore_ascii_case(p)))
        })
}

/// A class naming a user's name: a word ending in `username` (`username`, `ipsUsername`),
/// or `name` after `user`, `author`, `poster` or `member` (`author-name`, `user_name`).
fn names_user_name(dom: &Dom, i: usize) -> bool {
    dom.attr(i, Attr::Class).is_some_and(|c| {
        // Every class names a user name with the word "name" in it.
        if !c
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"name"))
        {
            return false;
        }
        let mut prev = "";
        // Every word of every small pruned region's classes is asked (poster cards outside
        // typed posts): no lowercase copy per word.
        c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(|t| {
            let b = t.as_bytes();
            let hit = b
                .len()
                .checked_sub(8)
                .and_then(|k| b.get(k..))
                .is_some_and(|tail| tail.eq_ignore_ascii_case(b"username"))
                || ["authorname", "postername", "membername"]
                    .iter()
                    .any(|w| t.eq_ignore_ascii_case(w))
                || (t.eq_ignore_ascii_case("name")
                    && ["user", "author", "poster", "member"]
                        .iter()
                        .any(|w| prev.eq_ignore_ascii_case(w)));
            prev = t;
            hit
        })
    })
}

/// Microdata `itemprop="name"` of an `itemprop="author"` (or `creator`) at most five
/// levels up, or the author's `itemprop="url"` link (its text is the name where the name
/// itself is a `<meta>`).
fn author_name_prop(dom: &Dom, i: usize) -> bool {
    let has = |k: usize, w: &str| {
        dom.attr(k, Attr::Itemprop)
            .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == w))
    };
    if !(has(i, "name") || (dom.tag(i) == Tag::A && has(i, "url"))) {
        return false;
    }
    let mut k = i;
    for _ in 0..6 {
        if has(k, "author") || has(k, "creator") {
            return true;
        }
        match dom.parent(k) {
            Some(p) => k = p,
            None => break,
        }
    }
    false
}

/// Levels looked up from a poster's card for the post holding it. Our choice.
const MAX_CARD_POST_DEPTH: usize = 8;
/// Element siblings looked at on each side of an element for its twin by
/// [`post_of_card`]. Our choice.
const MAX_CARD_TWIN_SIBLINGS: usize = 4;

/// An element's tag and the first word of its class without its digits (`loop-item-3`
/// reads `loop-item-`), hashed: what a template writes alike on each of its records, the
/// post's number aside.
fn template_word(dom: &Dom, i: usize) -> u64 {
    tag_hash(
        dom.tag(i),
        first_class_word(dom, i)
            .bytes()
            .filter(|b| !b.is_ascii_digit()),
    )
}

/// Candidate posts kept per poster card by [`post_of_card`]. Our choice.
const MAX_CARD_POSTS: usize = 3;

/// The posts that may hold poster card `i` where no post is typed (no `<article>`, no
/// microdata), nearest first, at most [`MAX_CARD_POSTS`] ([`NONE`] past the last): its
/// ancestors (at most [`MAX_CARD_POST_DEPTH`] levels up) that have a twin among their
/// nearest element siblings ([`MAX_CARD_TWIN_SIBLINGS`] each side; same tag and
/// [`template_word`]), a record repeated by the template, and that hold more text than the
/// card (the post's own words). A post's own rows may be twins too (a header row beside
/// its body row): [`keep_repeated_poster_names`] picks the one repeated across posts.
fn post_of_card(dom: &Dom, i: usize, raw: &[u32]) -> Option<[usize; MAX_CARD_POSTS]> {
    let raw = |k: usize| raw.get(k).copied().unwrap_or(0);
    let mut out = [NONE as usize; MAX_CARD_POSTS];
    let mut n = 0;
    let mut k = i;
    for _ in 0..MAX_CARD_POST_DEPTH {
        let Some(p) = dom.parent(k).filter(|&p| dom.tag(p) != Tag::Body) else {
            break;
        };
        k = p;
        let word = template_word(dom, k);
        let twin = |step: fn(&Dom, usize) -> Option<usize>| {
            let mut s = k;
            for _ in 0..MAX_CARD_TWIN_SIBLINGS {
                match element_sibling(dom, s, step) {
                    Some(x) if template_word(dom, x) == word => return true,
                    Some(x) => s = x,
                    None => return false,
                }
            }
            false
        };
        if (twin(Dom::previous_sibling) || twin(Dom::next_sibling))
            && raw(k) > raw(i)
            && let Some(x) = out.get_mut(n)
        {
            *x = k;
            n += 1;
        }
    }
    (n > 0).then_some(out)
}

/// Fewest posts, siblings of one parent, each with a poster card naming its poster, for
/// [`keep_repeated_poster_names`]. Our choice.
const MIN_NAMED_POSTS: usize = 2;

/// Keeps the poster's name of the poster cards pruned outside typed posts (`cards`: card,
/// name, post of [`post_of_card`]), once per post, where at least [`MIN_NAMED_POSTS`]
/// posts under one parent have one: the repeated posts of a thread, each with its poster's
/// card (a phpBB `postprofile`, a vBulletin `userinfo`); their names are the thread's, the
/// rest of the cards (rank, post count, join date) goes. A lone card (a page's logged-in
/// user box) keeps nothing.
fn keep_repeated_poster_names(
    dom: &Dom,
    pruned: &mut [bool],
    why: &mut [Option<Why>],
    cards: &[(usize, usize, [usize; MAX_CARD_POSTS])],
) {
    let parent = |p: usize| dom.parent(p).unwrap_or(p);
    // Parent -> (its last post counted, its posts with a card). Cards come in document
    // order: a post's cards follow each other.
    let mut count: std::collections::HashMap<usize, (usize, usize), ahash::RandomState> =
        std::collections::HashMap::default();
    for &(_, _, posts) in cards {
        for post in posts.into_iter().filter(|&p| p != NONE as usize) {
            let c = count.entry(parent(post)).or_insert((NONE as usize, 0));
            if c.0 != post {
                *c = (post, c.1 + 1);
            }
        }
    }
    let mut named = NONE as usize;
    for &(card, name, posts) in cards {
        // The nearest candidate repeated across posts.
        let Some(post) = posts.into_iter().find(|&p| {
            p != NONE as usize
                && count
                    .get(&parent(p))
                    .is_some_and(|c| c.1 >= MIN_NAMED_POSTS)
        }) else {
            continue;
        };
        if post == named || titled_by_link_away(dom, post) {
            continue;
        }
        named = post;
        if let Some(p) = pruned.get_mut(card) {
            *p = false;
        }
        if let Some(w) = why.get_mut(card) {
            *w = None;
        }
        prune_except(dom, pruned, card, name);
    }
}

/// Most posts of a thread [`keep_post_bylines`] reads. Our choice: bounds the work on huge
/// threads (one page of a forum shows some tens).
const MAX_BYLINE_POSTS: usize = 200;

/// Restores, in a thread's posts (`posts`, one group of one template), each post's line of
/// fine print (`<small>`, pruned as a side note, its parent shown) that names the poster by
/// a link to their page ([`links_to_profile`]): the post's byline ("By: alice on March 3,
/// 2021"), which a thread's text keeps with each post. Only where at least
/// [`MIN_NAMED_POSTS`] posts carry one, the template's line, not a lone note.
fn keep_post_bylines(dom: &Dom, pruned: &mut [bool], raw: &[u32], posts: &[usize]) {
    let mut found: Vec<usize> = Vec::new();
    for &p in posts.iter().take(MAX_BYLINE_POSTS) {
        let end = dom.end(p).min(p + MAX_CARD_NODES);
        let byline = (p + 1..end).find(|&k| {
            dom.tag(k) == Tag::Small
                && pruned.get(k).copied().unwrap_or(false)
                && dom
                    .parent(k)
                    .is_some_and(|q| !pruned.get(q).copied().unwrap_or(true))
                && raw.get(k).copied().unwrap_or(0) <= MAX_POSTER_CARD_CHARS
                && (k + 1..dom.end(k)).any(|a| links_to_profile(dom, a))
        });
        if let Some(k) = byline {
            found.push(k);
        }
    }
    if found.len() < MIN_NAMED_POSTS {
        return;
    }
    for k in found {
        if let Some(x) = pruned.get_mut(k) {
            *x = false;
        }
    }
}

/// Whether record `p` holds a heading linking to another page (not to an anchor of this
/// one): the teaser of that page in a listing, whose byline card is the listing's chrome. A
/// thread's post is read where it stands; its heading, if any, links to the post itself
/// (phpBB's `<h3><a href="#p101">`).
fn titled_by_link_away(dom: &Dom, p: usize) -> bool {
    let away = |k: usize| {
        dom.tag(k) == Tag::A
            && dom
                .attr(k, Attr::Href)
                .is_some_and(|h| !h.trim_start().starts_with('#'))
    };
    let end = dom.end(p);
    let mut k = p + 1;
    while k < end {
        if dom.tag(k).is_heading() {
            if (k + 1..dom.end(k)).any(away) {
                return true;
            }
            k = dom.end(k).max(k + 1);
        } else {
            k += 1;
        }
    }
    false
}

/// Most nodes of a poster's card read for a block inside it. Our choice.
const MAX_CARD_NODES: usize = 256;

/// Whether element `i` is the `itemprop="author"` element of microdata (a post's poster,
/// `<section itemprop="author" itemscope itemtype="https://schema.org/Person">`).
fn is_author_card(dom: &Dom, i: usize) -> bool {
    !matches!(dom.tag(i), Tag::Text | Tag::Meta | Tag::Link)
        && dom
            .attr(i, Attr::Itemprop)
            .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == "author"))
}

/// Prunes, in a thread, a post's poster card typed by microdata (the post's
/// `itemprop="author"` element, at most [`MAX_CARD_POST_DEPTH`] levels inside the post) but
/// for the poster's name ([`poster_name`]): its rank, join date, post count and location
/// are the forum's template, whatever its class names. Only a card of lines (a block inside
/// it or itself one) goes: an inline byline ("alice (Alice Smith)") is the name as shown.
/// Run after the root is chosen, like the other lines of the thread's template, so that the
/// card's text still counts against its links when the root is scored.
fn prune_author_cards(dom: &Dom, pruned: &mut [bool], raw: &[u32], root: usize) {
    walk_shown(dom, pruned, root, |i, pruned| {
        if !is_author_card(dom, i) {
            return None;
        }
        let e = dom.end(i);
        let lines = dom.tag(i).is_block()
            || (i + 1..e.min(i + MAX_CARD_NODES)).any(|k| dom.tag(k).is_block());
        let mut in_post = false;
        let mut k = i;
        for _ in 0..MAX_CARD_POST_DEPTH {
            match dom.parent(k) {
                Some(p) if p >= root => k = p,
                _ => break,
            }
            if is_post(dom, k) {
                in_post = true;
                break;
            }
        }
        if lines
            && in_post
            && let Some(a) = poster_name(dom, i, raw, true)
            && a != i
        {
            prune_except(dom, pruned, i, a);
        }
        Some(i)
    });
}

/// Whether the passes reading a post's own words ([`prune_link_previews`],
/// [`prune_repeated_post_lines`]) skip element `i` (tag `tag`) and its subtree: pruned
/// already, or a quote (another post's words), a table of data or code.
fn skipped_in_post(dom: &Dom, pruned: &[bool], raw: &[u32], i: usize, tag: Tag) -> bool {
    pruned_data_or_code(dom, pruned, raw, i, tag) || tag == Tag::Blockquote
}

/// What every pass over a thread's posts skips: element `i` (tag `tag`) pruned already, or
/// code (`<pre>`, `<code>`), or a table of data (not a post's layout, [`layout_table`]).
fn pruned_data_or_code(dom: &Dom, pruned: &[bool], raw: &[u32], i: usize, tag: Tag) -> bool {
    pruned.get(i).copied().unwrap_or(true)
        || matches!(tag, Tag::Pre | Tag::Code)
        || (tag == Tag::Table && !layout_table(dom, raw, i))
}

/// Fewest characters of a table's cell that make the table a post's layout
/// ([`layout_table`]). Our choice.
pub const MIN_LAYOUT_CELL_CHARS: u32 = 200;
/// Most nodes of a table read by [`layout_table`] for such a cell. Our choice.
const MAX_LAYOUT_TABLE_NODES: usize = 256;

/// Whether table `i` lays a post out rather than holding data: a cell among its first
/// [`MAX_LAYOUT_TABLE_NODES`] nodes holds at least [`MIN_LAYOUT_CELL_CHARS`] (the post's
/// words beside the poster's cell, as older forum software draws each post: vBulletin 3,
/// phpBB 2); a grid of data holds values, short cells. The thread passes read such a table
/// as the post it is, not as the poster's data.
fn layout_table(dom: &Dom, raw: &[u32], i: usize) -> bool {
    let end = dom.end(i).min(i + MAX_LAYOUT_TABLE_NODES);
    (i + 1..end).any(|k| {
        matches!(dom.tag(k), Tag::Td | Tag::Th)
            && raw.get(k).copied().unwrap_or(0) >= MIN_LAYOUT_CELL_CHARS
    })
}

/// Longest text (characters, before pruning) of a link's preview card pruned in a post.
/// Our choice.
pub const MAX_LINK_PREVIEW_CHARS: u32 = 600;
/// Levels looked up from a preview's title for the box holding the preview. Our choice.
const MAX_PREVIEW_DEPTH: usize = 4;
/// Most nodes of a link's preview card. Our choice.
const MAX_PREVIEW_NODES: usize = 96;

/// Prunes, in the posts of a thread (the last post's group, [`group_of`]), the preview
/// cards the forum draws under a pasted link: a heading showing only a link, in a box (at
/// most [`MAX_PREVIEW_DEPTH`] levels up, of at most [`MAX_LINK_PREVIEW_CHARS`]) whose links
/// all lead to that one address, at least two of them (the site's name and the title, often
/// the thumbnail), and that shows a blurb outside them (at least [`MIN_SENTENCE_CHARS`]),
/// after the post's own words (as many, outside links): a poster's card, its name a heading
/// beside an avatar linked to one profile, comes before them. The title, blurb and site name
/// are the linked page's, written by no poster; a poster's own links lead to several places
/// or sit in their sentences, without a heading. Quotes, tables and code are spared.
fn prune_link_previews(dom: &Dom, pruned: &mut [bool], raw: &[u32], posts: &[usize]) {
    for &post in posts {
        let end = dom.end(post);
        // The post's own words met so far, outside links: a preview follows the poster's.
        let (mut words, mut link_end) = (0u32, 0usize);
        let mut i = post + 1;
        while i < end {
            let tag = dom.tag(i);
            if skipped_in_post(dom, pruned, raw, i, tag) {
                i = dom.end(i).max(i + 1);
                continue;
            }
            if tag == Tag::A {
                link_end = link_end.max(dom.end(i));
            } else if tag == Tag::Text && i >= link_end {
                words += raw.get(i).copied().unwrap_or(0);
            }
            if tag.is_heading() && words >= MIN_SENTENCE_CHARS {
                if let Some(b) = preview_box(dom, raw, i, post)
                    && let Some(x) = pruned.get_mut(b)
                {
                    *x = true;
                    i = dom.end(b).max(i + 1);
                } else {
                    i = dom.end(i).max(i + 1);
                }
                continue;
            }
            i += 1;
        }
    }
}

/// The box of a link's preview card titled by heading `h` inside post `post`, for
/// [`prune_link_previews`]: the heading shows a link alone, and the nearest box above it
/// (below the post) holding another link holds links to that address only.
fn preview_box(dom: &Dom, raw: &[u32], h: usize, post: usize) -> Option<usize> {
    let raw = |k: usize| raw.get(k).copied().unwrap_or(0);
    let e = dom.end(h);
    let a = (h + 1..e).find(|&k| dom.tag(k) == Tag::A)?;
    let href = dom.attr(a, Attr::Href)?.trim();
    if href.is_empty() || href.starts_with('#') || raw(a) == 0 || raw(a) != raw(h) {
        return None;
    }
    let mut b = h;
    for _ in 0..MAX_PREVIEW_DEPTH {
        b = dom.parent(b).filter(|&p| p > post)?;
        if !dom.tag(b).is_block()
            || raw(b) > MAX_LINK_PREVIEW_CHARS
            || dom.end(b) > b + MAX_PREVIEW_NODES
        {
            return None;
        }
        let (mut same, mut blurb, mut link_end) = (0usize, 0u32, 0usize);
        for k in b + 1..dom.end(b) {
            match dom.tag(k) {
                Tag::A => {
                    link_end = link_end.max(dom.end(k));
                    match dom.attr(k, Attr::Href) {
                        Some(v) if v.trim() == href => same += 1,
                        Some(_) => return None,
                        None => {}
                    }
                }
                Tag::Text if k >= link_end => blurb += raw(k),
                _ => {}
            }
        }
        if same >= 2 {
            return (blurb >= MIN_SENTENCE_CHARS).then_some(b);
        }
    }
    None
}

/// Shortest and longest text (characters, before pruning) of a line read by
/// [`prune_repeated_post_lines`]. Our choice.
pub const MIN_REPEATED_POST_LINE_CHARS: u32 = 40;
/// See [`MIN_REPEATED_POST_LINE_CHARS`].
pub const MAX_REPEATED_POST_LINE_CHARS: u32 = 400;
/// Most nodes of such a line. Our choice.
const MAX_POST_LINE_NODES: usize = 64;
/// Most repeated lines of a post pruned as its signature. Our choice.
pub const MAX_SIGNATURE_LINES: usize = 3;

/// Prunes, in the posts of a thread (the last post's group, [`group_of`]), the lines that
/// two posts or more show alike (a block holding no other block, of
/// [`MIN_REPEATED_POST_LINE_CHARS`] to [`MAX_REPEATED_POST_LINE_CHARS`]) closing a post,
/// after its own words, at most [`MAX_SIGNATURE_LINES`] of them (shorter lines between
/// them aside): a poster writes new words in each post, while the forum repeats a poster's
/// signature under each of their posts. Quotes (the words of another post), tables of data
/// ([`layout_table`]) and code are spared, and so is a post whose own words before them weigh less than them (a
/// copy of another post).
fn prune_repeated_post_lines(dom: &Dom, pruned: &mut [bool], raw_chars: &[u32], posts: &[usize]) {
    let raw = |k: usize| raw_chars.get(k).copied().unwrap_or(0);
    // Line text hash -> (first post, seen in another post).
    let mut seen: std::collections::HashMap<u64, (usize, bool), ahash::RandomState> =
        std::collections::HashMap::default();
    // (post's place, node, line's text hash, characters) of every line read, and of every
    // text outside lines (no hash: the post's own words, never repeated).
    let mut lines: Vec<(usize, usize, Option<u64>, u32)> = Vec::new();
    for (n, &post) in posts.iter().enumerate() {
        let end = dom.end(post);
        let mut i = post + 1;
        while i < end {
            let tag = dom.tag(i);
            if skipped_in_post(dom, pruned, raw_chars, i, tag) {
                i = dom.end(i).max(i + 1);
                continue;
            }
            let e = dom.end(i);
            if tag == Tag::Text {
                lines.push((n, i, None, raw(i)));
            } else if tag.is_block()
                && raw(i) <= MAX_REPEATED_POST_LINE_CHARS
                && e <= i + MAX_POST_LINE_NODES
                && (i + 1..e).all(|k| !dom.tag(k).is_block())
                && !rule_within(dom, i, e)
            {
                let (h, _, letters) = text_hash(dom, pruned, i + 1, e, false);
                if letters > 0 {
                    lines.push((n, i, Some(h), raw(i)));
                    if raw(i) >= MIN_REPEATED_POST_LINE_CHARS {
                        let s = seen.entry(h).or_insert((n, false));
                        s.1 |= s.0 != n;
                    }
                }
                i = e.max(i + 1);
                continue;
            }
            i += 1;
        }
    }
    let repeated = |x: &(usize, usize, Option<u64>, u32)| {
        x.3 >= MIN_REPEATED_POST_LINE_CHARS
            && x.2.is_some_and(|h| seen.get(&h).is_some_and(|s| s.1))
    };
    // Per post (its lines in document order), from its end: the run of repeated and short
    // lines closing it. It is a signature when it repeats at most [`MAX_SIGNATURE_LINES`]
    // and the post's own words before it outweigh it (a post mostly repeated is a copy of
    // another).
    for post in lines.chunk_by(|a, b| a.0 == b.0) {
        // A line opened by a rule of underscores (vBulletin's and phpBB 2's `__________`)
        // parts the post's words from the signature under them: what follows it goes, when
        // short and outweighed by the words before.
        if let Some(d) = post.iter().position(|x| opens_with_rule(dom, x.1)) {
            let (own, closing) = post.split_at(d);
            let chars: u32 = closing.iter().map(|x| x.3).sum();
            let own: u32 = own.iter().map(|x| x.3).sum();
            if chars <= MAX_REPEATED_POST_LINE_CHARS && own >= chars {
                for x in closing {
                    if let Some(p) = pruned.get_mut(x.1) {
                        *p = true;
                    }
                }
                continue;
            }
        }
        let run = post
            .iter()
            .rev()
            .take_while(|x| repeated(x) || x.3 < MIN_REPEATED_POST_LINE_CHARS)
            .count();
        let (own, closing) = post.split_at(post.len() - run);
        let (count, chars) = closing
            .iter()
            .filter(|x| repeated(x))
            .fold((0usize, 0u32), |(c, s), x| (c + 1, s + x.3));
        let own: u32 = own.iter().map(|x| x.3).sum();
        if count > MAX_SIGNATURE_LINES || own < chars.max(MIN_REPEATED_POST_LINE_CHARS) {
            continue;
        }
        for x in closing {
            if repeated(x)
                && let Some(p) = pruned.get_mut(x.1)
            {
                *p = true;
            }
        }
    }
}

/// Fewest underscores of the rule that opens a forum signature ([`opens_with_rule`]). Our
/// choice.
const MIN_SIGNATURE_RULE_CHARS: usize = 5;
/// Most nodes read by [`opens_with_rule`] for the line's first text.
const MAX_RULE_NODES: usize = 8;

/// Whether line `i` (a text, or a block of a post) starts with a text that is only a rule
/// of underscores, at least [`MIN_SIGNATURE_RULE_CHARS`] of them: the line forum software
/// draws above a poster's signature.
fn opens_with_rule(dom: &Dom, i: usize) -> bool {
    let end = dom.end(i).max(i + 1).min(i + MAX_RULE_NODES);
    (i..end)
        .filter(|&k| dom.tag(k) == Tag::Text)
        .map(|k| dom.text_of(k).trim())
        .find(|t| !t.is_empty())
        .is_some_and(is_rule)
}

/// Whether `t` is only a rule of underscores, at least [`MIN_SIGNATURE_RULE_CHARS`].
fn is_rule(t: &str) -> bool {
    t.len() >= MIN_SIGNATURE_RULE_CHARS && t.bytes().all(|b| b == b'_')
}

/// Whether nodes `i + 1 .. e` (a block of inline content) hold a rule of underscores
/// ([`is_rule`]) after their first text: a short post's words and its signature in one
/// block (`text<br>_____<br>signature`), read line by line.
fn rule_within(dom: &Dom, i: usize, e: usize) -> bool {
    (i + 1..e)
        .filter(|&k| dom.tag(k) == Tag::Text)
        .map(|k| dom.text_of(k).trim())
        .filter(|t| !t.is_empty())
        .skip(1)
        .any(is_rule)
}

/// Prunes region `r` but for element `a` inside it: every branch off the path from `r` down
/// to `a` (text included) is pruned, `a` and its ancestors up to `r` are kept.
fn prune_except(dom: &Dom, pruned: &mut [bool], r: usize, a: usize) {
    let mut y = a;
    while y > r {
        let Some(p) = dom.parent(y) else { break };
        let mut c = p + 1;
        while c < dom.end(p) {
            if c != y
                && let Some(x) = pruned.get_mut(c)
            {
                *x = true;
            }
            c = dom.end(c).max(c + 1);
        }
        y = p;
    }
}

/// Levels looked up from an element for the `<blockquote>` it opens.
const MAX_QUOTE_OPENER_DEPTH: usize = 3;

/// Whether element `i` opens a `<blockquote>` (at most [`MAX_QUOTE_OPENER_DEPTH`] levels
/// down, each level the first element of its parent): its attribution line.
fn opens_quote(dom: &Dom, i: usize) -> bool {
    let mut k = i;
    for _ in 0..MAX_QUOTE_OPENER_DEPTH {
        let Some(p) = dom.parent(k) else { return false };
        // `k` is the first element of `p`: only blank text before it.
        let mut c = p + 1;
        while c < k {
            if dom.tag(c) != Tag::Text || !dom.text_of(c).trim().is_empty() {
                return false;
            }
            c = dom.end(c).max(c + 1);
        }
        if dom.tag(p) == Tag::Blockquote {
            return true;
        }
        k = p;
    }
    false
}

/// An embedded post (a tweet, an Instagram post: a `<blockquote>` holding most of the
/// region's text) in a wrapper named like a share bar (`social-media-embed`).
fn embeds_quote(dom: &Dom, i: usize, raw: &[u32]) -> bool {
    let total = raw.get(i).copied().unwrap_or(0);
    if total < MIN_SENTENCE_CHARS {
        return false;
    }
    let end = dom.end(i);
    let mut k = i + 1;
    let mut quoted = 0u32;
    while k < end {
        if dom.tag(k) == Tag::Blockquote {
            quoted += raw.get(k).copied().unwrap_or(0);
            k = dom.end(k).max(k + 1);
            continue;
        }
        k += 1;
    }
    quoted as f32 >= MIN_EMBED_QUOTE_SHARE * total as f32
}

/// Element `i` is hidden by its attributes, style or class.
fn hidden_state(dom: &Dom, i: usize, h: &ClassHints) -> bool {
    h.hidden
        || dom.attr(i, Attr::Hidden).is_some()
        || dom
            .attr(i, Attr::AriaHidden)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || dom.attr(i, Attr::Style).is_some_and(style_hides)
}

/// How many earlier siblings [`hidden_twin`] looks at (bounds the work on long lists).
const MAX_TWIN_SIBLINGS: usize = 100;
/// How many of those siblings [`hidden_twin`] classifies (bounds the work when every sibling
/// has a class of its own).
const MAX_TWIN_JUDGED: usize = 16;

/// Whether `i`, hidden by a class or an inline style, has an earlier sibling of its tag, shown,
/// sharing a class word with it: the hidden members of a set whose first members show (the
/// colours after "+11", a tab widget's other panels, the next page of a grid) until a click
/// reveals them.
fn hidden_twin(
    dom: &Dom,
    i: usize,
    tag: Tag,
    h: &ClassHints,
    last: &std::cell::Cell<(usize, bool)>,
) -> bool {
    let styled = dom.attr(i, Attr::Style).is_some_and(style_hides);
    if !(h.hidden || styled) || dom.attr(i, Attr::Hidden).is_some() {
        return false;
    }
    let twin = hidden_twin_walk(dom, i, tag, h, last.get());
    last.set((i, twin));
    twin
}

/// [`hidden_twin`]'s walk back from a hidden `i`. `last` is the hidden element judged last and
/// its answer: a sibling hidden the same way has the answer of `i` (without it, each of a run
/// of 300,000 hidden siblings would look back over the full window).
fn hidden_twin_walk(dom: &Dom, i: usize, tag: Tag, h: &ClassHints, last: (usize, bool)) -> bool {
    let Some(cls) = dom.attr(i, Attr::Class) else {
        return false;
    };
    let words = |c: &str| -> Vec<String> {
        c.split_ascii_whitespace()
            .filter(|t| {
                !crate::classes::HIDDEN_TOKENS
                    .iter()
                    .any(|w| t.eq_ignore_ascii_case(w))
            })
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let mine = words(cls);
    if mine.is_empty() {
        return false;
    }
    // `mine` holds no hiding word, so a shared word is never one.
    let shares = |c: &str| {
        c.split_ascii_whitespace()
            .any(|t| mine.iter().any(|w| t.eq_ignore_ascii_case(w)))
    };
    let mut k = i;
    let mut seen = 0;
    let mut judged = 0;
    while let Some(s) = dom.previous_sibling(k) {
        k = s;
        seen += 1;
        if seen > MAX_TWIN_SIBLINGS || judged >= MAX_TWIN_JUDGED {
            break;
        }
        if dom.tag(s) != tag {
            continue;
        }
        let Some(c) = dom.attr(s, Attr::Class) else {
            continue;
        };
        // A sibling of the same class as a class-hidden `i` (or of the same class and
        // style as a style-hidden one) is hidden the same way (a run of hidden swatches): no
        // need to classify it.
        if !shares(c) {
            continue;
        }
        if c == cls && (h.hidden || dom.attr(s, Attr::Style) == dom.attr(i, Attr::Style)) {
            if s == last.0 {
                return last.1;
            }
            continue;
        }
        judged += 1;
        if !hidden_state(dom, s, &dom.class_hints(s)) {
            return true;
        }
    }
    false
}

/// The next element sibling of `i`, past blank text ([`element_sibling`]).
fn next_element_sibling(dom: &Dom, i: usize) -> Option<usize> {
    element_sibling(dom, i, Dom::next_sibling)
}

/// The nearest element sibling of `i` that `step` (next or previous sibling) reaches past
/// blank text nodes (at most a few); none when text stands between.
pub(crate) fn element_sibling(
    dom: &Dom,
    i: usize,
    step: fn(&Dom, usize) -> Option<usize>,
) -> Option<usize> {
    let mut k = step(dom, i)?;
    for _ in 0..4 {
        if dom.tag(k) != Tag::Text {
            return Some(k);
        }
        if !dom.text_of(k).trim().is_empty() {
            return None;
        }
        k = step(dom, k)?;
    }
    None
}

/// Most siblings (blank text nodes included) read after a region by
/// [`precedes_site_header`], and after the header it finds. Our choice.
const MAX_PRE_HEADER_SIBLINGS: usize = 16;

/// Whether element `i` stands before the site's header: a later sibling (within
/// [`MAX_PRE_HEADER_SIBLINGS`]) is a `<header>` holding no `<h1>`, while neither `i` nor
/// that header holds the page's `<h1>` or `<main>` and the page has one. What a page shows
/// above its own masthead is a bar of announcements, a promo carousel, a cookie or
/// country notice; the page's content comes after the header.
fn precedes_site_header(dom: &Dom, i: usize, facts: &PageFacts<'_>) -> bool {
    let has = |k: usize| facts.has_h1.get(k).copied().unwrap_or(false);
    if has(i) {
        return false;
    }
    let mut k = i;
    for _ in 0..MAX_PRE_HEADER_SIBLINGS {
        let Some(next) = dom.next_sibling(k) else {
            return false;
        };
        k = next;
        if dom.tag(k) == Tag::Header {
            // The page's title region or main region must come after this header.
            let mut m = k;
            for _ in 0..MAX_PRE_HEADER_SIBLINGS {
                let Some(after) = dom.next_sibling(m) else {
                    return false;
                };
                m = after;
                if has(m) {
                    return !has(k);
                }
            }
            return false;
        }
        if has(k) {
            return false;
        }
    }
    false
}

/// Most siblings read after an element by [`closes_parent`]. Our choice.
const MAX_CLOSING_SIBLINGS: usize = 8;

/// Whether no text follows element `i` in its parent: the siblings after it are blank
/// (empty meta bars and button rows may still follow) or a post's controls (a short row
/// holding a link or button: "Like", "Quote"), within [`MAX_CLOSING_SIBLINGS`].
fn closes_parent(dom: &Dom, i: usize, raw: &[u32]) -> bool {
    let mut next = dom.next_sibling(i);
    for _ in 0..MAX_CLOSING_SIBLINGS {
        let Some(k) = next else {
            return true;
        };
        let blank = if dom.tag(k) == Tag::Text {
            dom.text_of(k).trim().is_empty()
        } else {
            let chars = raw.get(k).copied().unwrap_or(0);
            chars == 0
                || (chars as usize <= MAX_ACTION_CHARS
                    && dom.end(k) <= k + 4 * MAX_ACTION_NODES
                    && (k..dom.end(k)).any(|x| matches!(dom.tag(x), Tag::A | Tag::Button)))
        };
        if !blank {
            return false;
        }
        next = dom.next_sibling(k);
    }
    false
}

/// The previous element sibling of `i` is a `<button>` or a `<summary>` (the toggle of a
/// `<details>`), or a heading holding a button or an icon: `i` is the panel the button
/// opens (an accordion's answer).
fn follows_button(dom: &Dom, i: usize) -> bool {
    let mut k = i;
    while let Some(s) = dom.previous_sibling(k) {
        if dom.tag(s) != Tag::Text {
            return matches!(dom.tag(s), Tag::Button | Tag::Summary)
                || (dom.tag(s).is_heading() && holds_toggle(dom, s));
        }
        k = s;
    }
    false
}

/// Most wrappers read up from a hidden block by [`opens_after_button`]. Our choice.
const MAX_PANEL_WRAPPERS: usize = 2;

/// Whether block `i` is an accordion's panel or wraps all of its text: `i` or a wrapper
/// holding no text besides `i`'s (at most [`MAX_PANEL_WRAPPERS`] levels up, the collapsing
/// box around the hidden body, `<div style="max-height:0"><div aria-hidden=true>`) follows
/// a button ([`follows_button`]).
fn opens_after_button(dom: &Dom, i: usize, raw: &[u32]) -> bool {
    let own = raw.get(i).copied().unwrap_or(0);
    let mut k = i;
    for _ in 0..=MAX_PANEL_WRAPPERS {
        if follows_button(dom, k) {
            return true;
        }
        match dom.parent(k) {
            Some(p) if raw.get(p).copied().unwrap_or(0) == own => k = p,
            _ => return false,
        }
    }
    false
}

/// Whether `i` is a counter on a link to nowhere: an `<a>` with neither `href` nor `id` nor
/// `name` (no place and no anchor) showing a bare count, a script's control (a post's like
/// or comment counter). Old sites style plain text as such links (a race's date), so its
/// label must be a count.
fn control_link(dom: &Dom, i: usize) -> bool {
    dom.tag(i) == Tag::A
        && [Attr::Href, Attr::Id, Attr::Name]
            .iter()
            .all(|&a| dom.attr(i, a).is_none())
        && {
            // Digits, with thousands commas or one decimal point and a unit ("1.2k").
            let (mut digits, mut points) = (false, 0);
            (i + 1..dom.end(i))
                .filter(|&k| dom.tag(k) == Tag::Text)
                .flat_map(|k| dom.text_of(k).chars())
                .all(|c| {
                    digits |= c.is_ascii_digit();
                    points += usize::from(c == '.');
                    c.is_ascii_digit()
                        || c.is_whitespace()
                        || matches!(c, '.' | ',' | 'k' | 'K' | 'm' | 'M')
                })
                && digits
                && points <= 1
        }
}

/// Longest text (characters) of an element styled as a button (`class="btn"`) pruned as a
/// control's label. Our choice.
pub const MAX_BUTTON_CHARS: u32 = 20;
/// Most nodes of an element pruned as a button (its label, an icon's `<svg>` paths): bounds
/// the scan for blocks inside it on hostile pages of nested buttons. Our choice.
const MAX_BUTTON_NODES: usize = 48;

/// Prunes, inside the root, the elements styled as buttons (a `btn` or `button` class word:
/// Bootstrap's `.btn`, most themes' `.button`) with a short label and no blocks ("Quick
/// Shop", "Learn more", "Book now"): controls, not text. Done after the root is chosen: as
/// short fragments they still weigh against the regions that hold them. In the same walk,
/// prunes the links of a pager ([`is_pager_link`], outside running text) and returns them.
fn prune_buttons(dom: &Dom, pruned: &mut [bool], raw: &[u32], root: usize) -> Vec<usize> {
    let mut pagers = Vec::new();
    prune_in_root(dom, pruned, root, |i, _| {
        if dom.tag(i) == Tag::A
            && raw.get(i).copied().unwrap_or(0) <= MAX_PAGER_LINK_CHARS
            && is_pager_link(dom, i)
            && !inside_sentence(dom, i)
            && !in_running_text(dom, i)
        {
            pagers.push(i);
            return true;
        }
        dom.tag(i) != Tag::Text
            && raw.get(i).copied().unwrap_or(0) <= MAX_BUTTON_CHARS
            && dom.end(i) <= i + MAX_BUTTON_NODES
            && (class_has_word(dom, i, &["btn", "button"])
                || ((dom.attr(i, Attr::Role).is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("button"))
                }) || control_link(dom, i))
                    && !in_running_text(dom, i)))
            && !(i + 1..dom.end(i)).any(|k| dom.tag(k).is_block() && dom.tag(k) != Tag::Div)
            && !is_accordion_toggle(dom, i)
    });
    pagers
}

/// Most characters shown in a box pruned as a closing call to action. Our choice: a
/// heading and a paragraph or two.
const MAX_CALL_CHARS: u32 = 600;
/// The article before a closing call holds at least this many times its text. Our choice.
const MIN_ARTICLE_BEFORE_CALL: u32 = 4;
/// Longest label (characters) of a link standing alone as a closing call's button. Our
/// choice.
const MAX_CALL_LABEL_CHARS: u32 = 40;
/// Most nodes of a closing call's box walked for its button: bounds the scan.
const MAX_CALL_NODES: usize = 2048;

/// Whether the box `b` holds a control a reader acts on: a form's control or a link
/// standing alone in its block with a short label ("Contact us", "Get started"). A
/// `<button>` is not one: most open or close a panel (an accordion's question).
fn holds_action(dom: &Dom, raw: &[u32], b: usize) -> bool {
    let end = dom.end(b).min(b + MAX_CALL_NODES);
    (b + 1..end).any(|k| match dom.tag(k) {
        Tag::Form | Tag::Input | Tag::Select | Tag::Textarea => true,
        Tag::A => {
            let label = raw.get(k).copied().unwrap_or(0);
            label > 0
                && label <= MAX_CALL_LABEL_CHARS
                && dom
                    .ancestors(k)
                    .take_while(|&p| p != b)
                    .find(|&p| dom.tag(p).is_block())
                    .is_some_and(|p| raw.get(p).copied().unwrap_or(0) == label)
        }
        _ => false,
    })
}

/// A listing's root that is one item of a run is no listing when it holds less than this
/// share of the page's text. Our choice.
const MAX_ITEM_ROOT_SHARE: f32 = 0.25;

/// How many element siblings of `i` with its tag show text (pruned ones do not count).
fn like_siblings(dom: &Dom, pruned: &[bool], chars: &[u32], i: usize) -> usize {
    let Some(p) = dom.parent(i) else { return 0 };
    let tag = dom.tag(i);
    let mut n = 0;
    let mut c = p + 1;
    while c < dom.end(p) {
        if c != i
            && dom.tag(c) == tag
            && !pruned.get(c).copied().unwrap_or(true)
            && chars.get(c).copied().unwrap_or(0) > 0
        {
            n += 1;
        }
        c = dom.end(c).max(c + 1);
    }
    n
}

/// Most wrappers [`has_like_sibling`] climbs through. Our choice.
const MAX_LIKE_WRAPPERS: usize = 4;

/// Whether an element sibling of `b` (before or after it) shown with text has its tag and
/// class: `b` is one of a run of like boxes (an FAQ's entries, posts, cards), not a box of
/// its own. Pruned siblings (a row of teasers) do not count. A box that is all of its parent
/// (the parent shows nothing beside it) is read as that parent: an item's inner wrapper. And
/// siblings are alike by their whole class, or, items titled by a link to their own page
/// ([`titled_by_link_away`]: a loop's teasers), by its first word: the template they come
/// from, before the words each item adds (a WordPress loop's `wp-block-post post-26
/// category-news`).
fn has_like_sibling(dom: &Dom, pruned: &[bool], raw: &[u32], b: usize) -> bool {
    let mut b = b;
    for _ in 0..MAX_LIKE_WRAPPERS {
        let Some(p) = dom.parent(b) else { break };
        if p == 0 || raw.get(p).copied().unwrap_or(0) != raw.get(b).copied().unwrap_or(0) {
            break;
        }
        b = p;
    }
    let tag = dom.tag(b);
    let sig = signature(dom, b, tag);
    let first = first_class_word(dom, b);
    let teaser = !first.is_empty() && titled_by_link_away(dom, b);
    let like = |s: usize| {
        dom.tag(s) == tag
            && !pruned.get(s).copied().unwrap_or(true)
            && raw.get(s).copied().unwrap_or(0) > 0
            && (signature(dom, s, tag) == sig
                || (teaser && first_class_word(dom, s) == first && titled_by_link_away(dom, s)))
    };
    element_sibling(dom, b, |d, k| d.previous_sibling(k)).is_some_and(like)
        || element_sibling(dom, b, |d, k| d.next_sibling(k)).is_some_and(like)
}

/// The shown text nodes of the root, in order.
fn shown_texts(dom: &Dom, pruned: &[bool], raw: &[u32], root: usize) -> Vec<usize> {
    let end = dom.end(root);
    let mut texts: Vec<usize> = Vec::new();
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if dom.tag(i) == Tag::Text && raw.get(i).copied().unwrap_or(0) > 0 {
            texts.push(i);
        }
        i += 1;
    }
    texts
}

/// The box that closes the root: the outermost container (not the root) holding the root's
/// last shown text, with at most [`MAX_CALL_CHARS`] shown and at least
/// [`MIN_ARTICLE_BEFORE_CALL`] times as much shown before it. Returns it, the position of
/// its first text in the root's shown texts, and those texts.
fn closing_box(
    dom: &Dom,
    pruned: &[bool],
    raw: &[u32],
    root: usize,
) -> Option<(usize, usize, Vec<usize>)> {
    let texts = shown_texts(dom, pruned, raw, root);
    closing_box_of(dom, raw, root, &texts).map(|(b, first)| (b, first, texts))
}

/// [`closing_box`] of the root's shown texts `texts` (a prefix of them: what stands before a
/// box set aside): the box and the position of its first text in `texts`.
fn closing_box_of(dom: &Dom, raw: &[u32], root: usize, texts: &[usize]) -> Option<(usize, usize)> {
    let &last = texts.last()?;
    let total: u32 = texts
        .iter()
        .map(|&t| raw.get(t).copied().unwrap_or(0))
        .sum();
    let mut best = None;
    for b in dom.ancestors(last).take_while(|&b| b != root) {
        let first = texts.partition_point(|&t| t < b);
        let shown: u32 = texts
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .map(|&t| raw.get(t).copied().unwrap_or(0))
            .sum();
        if shown > MAX_CALL_CHARS || total.saturating_sub(shown) < MIN_ARTICLE_BEFORE_CALL * shown {
            break;
        }
        if matches!(
            dom.tag(b),
            Tag::Div | Tag::Section | Tag::Aside | Tag::Table | Tag::Td | Tag::Form
        ) {
            best = Some((b, first));
        }
    }
    best
}

/// Longest name (characters) read as the author's in a closing box. Our choice.
const MAX_NAME_CHARS: u32 = 40;
/// Most words of such a name. Our choice.
const MAX_NAME_WORDS: usize = 5;

/// Whether the short text node `t` (a name) is also the whole text of a text node between
/// `body` and `start` (the article's first line of prose), outside lists and navigation: a
/// byline over the article.
fn named_before(dom: &Dom, body: usize, t: usize, start: usize) -> bool {
    let name = dom.text_of(t).trim();
    (body..start).any(|k| {
        dom.tag(k) == Tag::Text
            && dom.text_of(k).trim() == name
            && !dom
                .ancestors(k)
                .take(MAX_INLINE_WRAPPERS + 2)
                .any(|p| matches!(dom.tag(p), Tag::Li | Tag::Nav | Tag::Option))
    })
}

/// Most boxes of links only set aside after an author's card ([`prune_author_card`]): the
/// post's tags, the links to the previous and the next post. Our choice.
const MAX_LINK_BOXES_AFTER_CARD: usize = 2;

/// Prunes, at the end of the root, an author's card: a closing box ([`closing_box`]) with
/// an image (the portrait), opening with a short line starting with a letter (or a label and
/// such a line) that is also a whole line before the article's prose (the byline's name),
/// and more text after it (the author's biography), with no like sibling (a grid's cards);
/// boxes of links only after it (tags, the next post's link) do not hide it. The article's
/// credit is its byline; the card is the site's, whatever its class names.
fn prune_author_card(
    dom: &Dom,
    pruned: &mut [bool],
    raw: &[u32],
    has_img: &[bool],
    body: usize,
    root: usize,
) {
    let Some((mut b, mut first, texts)) = closing_box(dom, pruned, raw, root) else {
        return;
    };
    // Boxes of links only after the card (the post's tags, the links to the previous and
    // the next post) are set aside: the card is the box before them.
    for _ in 0..MAX_LINK_BOXES_AFTER_CARD {
        if has_img.get(b).copied().unwrap_or(false) {
            break;
        }
        let links_only = texts.get(first..).unwrap_or(&[]).iter().all(|&t| {
            dom.ancestors(t)
                .take_while(|&p| p != b)
                .any(|p| dom.tag(p) == Tag::A)
        });
        let Some(before) = texts.get(..first).filter(|_| links_only) else {
            return;
        };
        let Some((c, f)) = closing_box_of(dom, raw, root, before) else {
            return;
        };
        (b, first) = (c, f);
    }
    if !has_img.get(b).copied().unwrap_or(false) {
        return;
    }
    // The article's first line of prose: a byline stands before it. A heading is no prose
    // (a news story's subheadline stands above its byline).
    let prose_start = texts
        .iter()
        .copied()
        .find(|&t| {
            raw.get(t).copied().unwrap_or(0) >= MIN_PROSE_CHARS
                && !dom
                    .ancestors(t)
                    .take(MAX_INLINE_WRAPPERS + 2)
                    .any(|p| dom.tag(p).is_heading())
        })
        .unwrap_or(root);
    let is_name = |t: usize| {
        raw.get(t).copied().unwrap_or(0) <= MAX_NAME_CHARS
            && dom.text_of(t).split_whitespace().count() <= MAX_NAME_WORDS
            && dom
                .text_of(t)
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    };
    let named = texts
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take(2)
        .enumerate()
        .any(|(k, &t)| {
            is_name(t)
                && texts.get(first + k + 1).is_some()
                && named_before(dom, body, t, prose_start)
        });
    if named
        && !has_like_sibling(dom, pruned, raw, b)
        && let Some(p) = pruned.get_mut(b)
    {
        *p = true;
    }
}

/// Prunes, at the end of the root, a box (a container, not a paragraph) that follows the
/// article and holds little text opening with a heading and a control to act on (a form, a
/// link alone on its line): a call to action ("Work with us ... Contact us", "Ready to
/// start? Get started"), the site's, not the article's. A whole box of its own only (no
/// like sibling) holding no code, after at least [`MIN_ARTICLE_BEFORE_CALL`] times its text.
fn prune_closing_call(dom: &Dom, pruned: &mut [bool], raw: &[u32], root: usize) {
    let Some((b, first, texts)) = closing_box(dom, pruned, raw, root) else {
        return;
    };
    let in_heading = |t: usize| {
        dom.ancestors(t)
            .take_while(|&p| p != b)
            .any(|p| matches!(dom.tag(p), Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6))
    };
    // The box's first text in its markup counts too: a sign-up box whose heading went with
    // its form ([`form_boxes`]) still opens with it.
    let first_written = (b + 1..dom.end(b).min(b + MAX_CALL_NODES))
        .find(|&k| dom.tag(k) == Tag::Text && raw.get(k).copied().unwrap_or(0) > 0);
    let opens_with_heading =
        texts.get(first).is_some_and(|&t| in_heading(t)) || first_written.is_some_and(in_heading);
    // A box holding code is a reference's last member (its signature, its `Throws:` links),
    // never a call to action.
    let code = (b + 1..dom.end(b)).any(|k| matches!(dom.tag(k), Tag::Pre | Tag::Code));
    if opens_with_heading
        && !code
        && texts.get(first + 1).is_some()
        && holds_action(dom, raw, b)
        && !has_like_sibling(dom, pruned, raw, b)
        && let Some(p) = pruned.get_mut(b)
    {
        *p = true;
    }
}

/// Prunes, inside the article, a box (a container, not a paragraph) set between two of its
/// paragraphs (a paragraph of prose before it, a paragraph or a heading after it) that holds
/// little text, opens with a heading and holds a link alone on its line (a button), with no
/// image, no code, no form control and no like sibling: a prompt the site drops into every
/// story ("Like what you are reading? ... Donate today"), not the article's. A figure, a
/// pull quote, a table or a poll (its form) is no such box; sign-up forms have their own
/// rule.
fn prune_inline_calls(dom: &Dom, pruned: &mut [bool], raw: &[u32], has_img: &[bool], root: usize) {
    let end = dom.end(root);
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        let chars = raw.get(i).copied().unwrap_or(0);
        let candidate = matches!(dom.tag(i), Tag::Div | Tag::Section | Tag::Aside)
            && chars > 0
            && chars <= MAX_CALL_CHARS
            && element_sibling(dom, i, |d, k| d.previous_sibling(k)).is_some_and(|p| {
                dom.tag(p) == Tag::P
                    && !pruned.get(p).copied().unwrap_or(true)
                    && raw.get(p).copied().unwrap_or(0) >= MIN_PROSE_CHARS
            })
            && element_sibling(dom, i, |d, k| d.next_sibling(k)).is_some_and(|n| {
                (dom.tag(n) == Tag::P || dom.tag(n).is_heading())
                    && raw.get(n).copied().unwrap_or(0) > 0
            });
        if candidate && inline_call(dom, pruned, raw, has_img, i) {
            if let Some(p) = pruned.get_mut(i) {
                *p = true;
            }
            i = dom.end(i).max(i + 1);
            continue;
        }
        i += 1;
    }
}

/// Whether the box `b` ([`prune_inline_calls`]) opens with a heading followed by more text
/// and holds a link alone on its line, with no image, no code, no form control and no like
/// sibling.
fn inline_call(dom: &Dom, pruned: &[bool], raw: &[u32], has_img: &[bool], b: usize) -> bool {
    if has_img.get(b).copied().unwrap_or(true) {
        return false;
    }
    let end = dom.end(b).min(b + MAX_CALL_NODES);
    let mut texts =
        (b + 1..end).filter(|&k| dom.tag(k) == Tag::Text && raw.get(k).copied().unwrap_or(0) > 0);
    let opens_with_heading = texts.next().is_some_and(|t| {
        dom.ancestors(t)
            .take_while(|&p| p != b)
            .any(|p| matches!(dom.tag(p), Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6))
    });
    opens_with_heading
        && texts.next().is_some()
        && !(b + 1..end).any(|k| {
            matches!(
                dom.tag(k),
                Tag::Pre
                    | Tag::Code
                    | Tag::Table
                    | Tag::Figure
                    | Tag::Blockquote
                    | Tag::Form
                    | Tag::Input
                    | Tag::Select
                    | Tag::Textarea
            )
        })
        && holds_action(dom, raw, b)
        && !has_like_sibling(dom, pruned, raw, b)
}

/// Longest count (characters) pruned as a post's counter line. Our choice.
pub const MAX_COUNTER_CHARS: u32 = 30;
/// Most characters of a counter line before pruning (with its icons' titles).
const MAX_COUNTER_RAW_CHARS: u32 = 64;
/// Most nodes of a counter line (its number and an icon's `<svg>`): bounds the scan.
const MAX_COUNTER_NODES: usize = 32;

/// Whether `s` is a relative time (`1 year ago`, `posted 6 years ago`, `an hour ago`): a
/// post's age, shown where the forum's template puts its date.
fn relative_time(s: &str) -> bool {
    const UNITS: &[&str] = &[
        "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours",
        "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years", "yr",
        "yrs",
    ];
    // Three or four words, without allocating: it runs on every short line of a page.
    let mut w = [""; 4];
    let mut n = 0;
    for t in s.split_whitespace() {
        let Some(slot) = w.get_mut(n) else {
            return false;
        };
        *slot = t;
        n += 1;
    }
    let [count, unit, last] = match n {
        3 => [w[0], w[1], w[2]],
        4 => [w[1], w[2], w[3]],
        _ => return false,
    };
    last.trim_end_matches('.').eq_ignore_ascii_case("ago")
        && (count.bytes().all(|b| b.is_ascii_digit())
            || count.eq_ignore_ascii_case("a")
            || count.eq_ignore_ascii_case("an"))
        && UNITS.iter().any(|u| unit.eq_ignore_ascii_case(u))
}

/// Whether a text node of element `i`'s subtree holds "ago" in any case: the word every
/// relative time ends with ([`relative_time`]), looked for before the element's text is
/// put together.
fn mentions_ago(dom: &Dom, i: usize) -> bool {
    (i + 1..dom.end(i)).any(|k| {
        dom.tag(k) == Tag::Text
            && dom
                .text_of(k)
                .as_bytes()
                .windows(3)
                .any(|w| w.eq_ignore_ascii_case(b"ago"))
    })
}

/// Whether `s` is only a count: digits with separators and a magnitude suffix (`26`,
/// `1,206`, `1.2k`, `26 ·`).
fn counter_shaped(s: &str) -> bool {
    let mut digit = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            digit = true;
        } else if !(c.is_whitespace()
            || matches!(c, '.' | ',' | '·' | '•' | '|' | '+' | 'k' | 'K' | 'M'))
        {
            return false;
        }
    }
    digit
}

/// Whether `s` is a post's number in its thread, a `#` before or after the post's place:
/// digits (`#2`, `5#`) or a short word naming the place (Chinese forums' `沙发#`, "sofa",
/// the first reply). A lone ASCII letter before `#` is a name (`C#`), not a place.
fn post_number(s: &str) -> bool {
    let t = s.trim();
    let core = t.trim_start_matches('#').trim_end_matches('#').trim();
    if core.len() == t.len() || core.is_empty() {
        return false;
    }
    core.chars().all(|c| c.is_ascii_digit())
        || (core.chars().count() <= 3 && core.chars().all(|c| c.is_alphabetic() && !c.is_ascii()))
}

/// Whether inline element `i` (with the inline elements around it holding nothing else)
/// shows on a line of its own: the nearest shown siblings before and after it, at the level
/// of its block, are blocks or none (`<div><strong><a>#2</a></strong><div>...`).
fn own_line(dom: &Dom, pruned: &[bool], i: usize, root: usize) -> bool {
    let own = count(&shown_text(dom, pruned, i)).0;
    let mut x = i;
    for _ in 0..MAX_RULE_NODES {
        let Some(p) = dom.parent(x) else { return false };
        if p <= root {
            return false;
        }
        if dom.tag(p).is_block() || matches!(dom.tag(p), Tag::Li | Tag::Td | Tag::Th) {
            // Children of `p` in order; `x` must have only blocks (or nothing shown) beside it.
            let mut c = p + 1;
            while c < dom.end(p) {
                if c != x && !pruned.get(c).copied().unwrap_or(true) {
                    let t = dom.tag(c);
                    let shows = if t == Tag::Text {
                        !dom.text_of(c).trim().is_empty()
                    } else {
                        !t.is_block() && count(&shown_text(dom, pruned, c)).0 > 0
                    };
                    if shows {
                        return false;
                    }
                }
                c = dom.end(c).max(c + 1);
            }
            return true;
        }
        if count(&shown_text(dom, pruned, p)).0 != own {
            return false;
        }
        x = p;
    }
    false
}

/// Whether the thread passes ([`prune_counters`], [`prune_poster_labels`]) skip element `i`
/// (tag `tag`) and its subtree: pruned already, or data, code or a title (tables, `<pre>`,
/// `<code>`, headings), whose numbers and labels are the text's.
fn skipped_by_thread_passes(dom: &Dom, pruned: &[bool], raw: &[u32], i: usize, tag: Tag) -> bool {
    pruned_data_or_code(dom, pruned, raw, i, tag) || tag.is_heading()
}

/// Prunes, in a thread's root, the lines that are only a count (votes, likes, reactions,
/// a poster's points: `26`, `1.2k`) and the relative times (`1 year ago`): a post's text is
/// words, and a bare number on its own line is a counter of the forum's template, as a
/// post's age is its date. Lines inside tables, code and headings stay (data, titles).
/// Inside `posts` (the posts' container), a post's number (`#2`, [`post_number`]) goes too.
fn prune_counters(
    dom: &Dom,
    pruned: &mut [bool],
    raw: &[u32],
    root: usize,
    ages_only: bool,
    posts: Option<usize>,
) {
    let end = dom.end(root);
    let mut i = root + 1;
    while i < end {
        let tag = dom.tag(i);
        if skipped_by_thread_passes(dom, pruned, raw, i, tag) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if tag != Tag::Text
            && (1..=MAX_COUNTER_RAW_CHARS).contains(&raw.get(i).copied().unwrap_or(0))
            && dom.end(i) <= i + MAX_COUNTER_NODES
            && (!ages_only || mentions_ago(dom, i))
        {
            let text = shown_text(dom, pruned, i);
            // A number inside a sentence ("I have <b>3</b> cats") is text: only a number
            // alone on its line is a counter. A relative time is a post's age wherever it is.
            let short = count(&text).0 <= MAX_COUNTER_CHARS;
            if short
                && (relative_time(&text)
                    || (!ages_only
                        && !holds_shown_block(dom, pruned, i)
                        && ((line_alone(dom, pruned, i, root)
                            && counter_shaped(&text)
                            && !numbered_run(dom, pruned, i, &text))
                            || (posts.is_some_and(|p| p < i && i < dom.end(p))
                                && post_number(&text)
                                && own_line(dom, pruned, i, root)))))
            {
                if let Some(x) = pruned.get_mut(i) {
                    *x = true;
                }
                i = dom.end(i).max(i + 1);
                continue;
            }
        }
        i += 1;
    }
}

/// Longest region after a thread's last post pruned as the thread's footer. Our choice.
pub const MAX_THREAD_FOOTER_CHARS: u32 = 400;
/// Share of the root's text that the posts must hold for the root to be their thread. Our
/// choice.
const MIN_THREAD_POSTS_SHARE: f32 = 0.5;

/// Prunes, in a thread's root, the short regions after its last post (a guest's "sign in to
/// reply" box, "Not open for further replies", the reply form): the posts are a group of
/// records (siblings of one tag and class) holding most of the root's text, and what follows
/// the last one, outside any post, is the forum's template.
fn prune_after_posts(
    dom: &Dom,
    pruned: &mut [bool],
    raw: &[u32],
    records: &[bool],
    last: usize,
    root: usize,
) {
    let parent = dom.parent(last).unwrap_or(root);
    let mut y = last;
    while y > root {
        let Some(p) = dom.parent(y) else { break };
        // A sibling built like the element walked up from (its tag and class) is another
        // post of the loop that wrote it (a short reply after a long one, too few posts to
        // make records), not the thread's footer.
        let sig = signature(dom, y, dom.tag(y));
        let mut c = dom.end(y);
        while c < dom.end(p) {
            let twin = dom.tag(c) == dom.tag(y) && signature(dom, c, dom.tag(c)) == sig;
            if dom.tag(c) != Tag::Text
                && !records.get(c).copied().unwrap_or(false)
                && !is_post(dom, c)
                && !twin
                && raw.get(c).copied().unwrap_or(0) <= MAX_THREAD_FOOTER_CHARS
                && (p != parent || !same_template_teaser(dom, c, last))
                && let Some(x) = pruned.get_mut(c)
            {
                *x = true;
            }
            c = dom.end(c).max(c + 1);
        }
        y = p;
    }
}

/// Whether sibling `c` of post `last` is another item of its loop rather than the thread's
/// footer: the same tag and first class word (the template; the words after it are the
/// item's own, as a WordPress loop's `post-26 category-news`, which split its records), and
/// a heading linking to another page (a teaser's title; a forum's reply box has none).
fn same_template_teaser(dom: &Dom, c: usize, last: usize) -> bool {
    dom.tag(c) == dom.tag(last)
        && !first_class_word(dom, c).is_empty()
        && first_word_signature(dom, c) == first_word_signature(dom, last)
        && titled_by_link_away(dom, c)
}

/// Levels of nested groups of records [`last_post`] descends through. Our choice.
const MAX_NESTED_GROUPS: usize = 4;

/// Whether list `l` stands between paragraphs (a `<p>` is its previous or next element
/// sibling): a list written in a post's or an article's text, whose items are no posts.
fn list_in_text(dom: &Dom, l: usize) -> bool {
    matches!(dom.tag(l), Tag::Ul | Tag::Ol)
        && [
            Dom::previous_sibling as fn(&Dom, usize) -> Option<usize>,
            Dom::next_sibling,
        ]
        .into_iter()
        .any(|step| element_sibling(dom, l, step).is_some_and(|k| dom.tag(k) == Tag::P))
}

/// The last post of the root's posts: the group of records (siblings of one tag and class,
/// paragraphs and the items of a list in running text aside, [`list_in_text`]) worth the
/// most text, when it holds [`MIN_THREAD_POSTS_SHARE`] of the root's text, with its siblings
/// of its tag when it does not alone (an opening post with a class of its own).
fn last_post(
    dom: &Dom,
    pruned: &[bool],
    records: &[bool],
    chars: &[u32],
    root: usize,
) -> Option<usize> {
    let end = dom.end(root);
    // (parent, signature) -> (chars, last member)
    let mut groups: std::collections::HashMap<(usize, u64), (u64, usize)> =
        std::collections::HashMap::new();
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if dom.tag(i) != Tag::Text
            && dom.tag(i) != Tag::P
            && records.get(i).copied().unwrap_or(false)
            && let Some(p) = dom.parent(i)
            && !(dom.tag(i) == Tag::Li && list_in_text(dom, p))
        {
            let e = groups
                .entry((p, signature(dom, i, dom.tag(i))))
                .or_insert((0, i));
            e.0 += u64::from(chars.get(i).copied().unwrap_or(0));
            e.1 = i;
        }
        i += 1;
    }
    // Equal totals go to the group that ends later: the map's order changes from run to run,
    // and the same page must give the same text every time.
    let (mut key, mut best) = groups
        .iter()
        .max_by_key(|(_, g)| (g.0, g.1))
        .map(|(&k, &g)| (k, g))?;
    // Layout rows repeat too (a grid's `row`s: the title's, the actions', the posts'), and
    // the row holding the posts outweighs them: a group nested in the heaviest group's
    // members that holds three quarters of its text is the posts (half took one comment's
    // replies in a nested thread for the thread's posts).
    for _ in 0..MAX_NESTED_GROUPS {
        let outer = key.0;
        let inner = groups
            .iter()
            .filter(|(k, g)| k.0 > outer && k.0 < dom.end(outer) && 4 * g.0 >= 3 * best.0)
            .max_by_key(|(_, g)| (g.0, g.1))
            .map(|(&k, &g)| (k, g));
        match inner {
            Some((k, g)) => (key, best) = (k, g),
            None => break,
        }
    }
    let (total, last) = best;
    let share = MIN_THREAD_POSTS_SHARE * chars.get(root).copied().unwrap_or(0) as f32;
    if total as f32 >= share {
        return Some(last);
    }
    // The opening post often carries a class of its own (the thread's starter, a first
    // post's extras): the group's siblings of its tag count with it.
    let p = dom.parent(last)?;
    let tag = dom.tag(last);
    let mut total = 0u64;
    let mut c = p + 1;
    while c < dom.end(p) {
        if dom.tag(c) == tag && !pruned.get(c).copied().unwrap_or(true) {
            total += u64::from(chars.get(c).copied().unwrap_or(0));
        }
        c = dom.end(c).max(c + 1);
    }
    (total as f32 >= share).then_some(last)
}

/// Most nodes of a post looked at by [`dated_group`] for its date line: a forum's poster
/// card (avatar, name, rank, counts, fields) may come first. Our choice.
const MAX_THREAD_DATE_NODES: usize = 256;
/// Most siblings of a post looked at by [`dated_group`]: bounds the walk on huge threads.
const MAX_DATED_SIBLINGS: usize = 256;

/// Whether post `l` and its siblings of its signature (its group of records) mostly carry a
/// date line near their top ([`has_date_line`]): two thirds of those looked at, and at least
/// [`MIN_RECORDS`] of them.
fn dated_group(dom: &Dom, raw: &[u32], l: usize) -> bool {
    let Some(p) = dom.parent(l) else { return false };
    let (tag, sig) = (dom.tag(l), signature(dom, l, dom.tag(l)));
    let striped = striped_with(dom, l);
    let (mut members, mut dated, mut seen) = (0usize, 0usize, 0usize);
    let mut c = p + 1;
    while c < dom.end(p) && seen < MAX_DATED_SIBLINGS {
        if dom.tag(c) != Tag::Text {
            seen += 1;
            // Rows without words (a spacer, a "Back to top" link) between the posts of a
            // table are no posts.
            if dom.tag(c) == tag
                && (signature(dom, c, tag) == sig || Some(signature(dom, c, tag)) == striped)
                && raw.get(c).copied().unwrap_or(0) >= MIN_SENTENCE_CHARS
            {
                members += 1;
                dated += usize::from(has_date_line(dom, raw, c, MAX_THREAD_DATE_NODES));
            }
        }
        c = dom.end(c).max(c + 1);
    }
    members >= MIN_RECORDS && 3 * dated >= 2 * members
}

/// Whether a post's class or id names it a post, message, comment or reply (`post`,
/// `postItem`, `message`, `comment-node`): forum templates name their posts so.
fn names_post(dom: &Dom, i: usize) -> bool {
    [Attr::Class, Attr::Id].iter().any(|&a| {
        dom.attr(i, a).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            ["post", "message", "comment", "reply"]
                .iter()
                .any(|w| v.contains(w))
        })
    })
}

/// Most siblings looked at for [`numbered_run`].
const MAX_RUN_SIBLINGS: usize = 64;

/// Whether element `i`, whose text is a number, is one of a run of siblings numbered in
/// sequence (a code block's line numbers `1 2 3`, a page list): numbering, not a counter.
fn numbered_run(dom: &Dom, pruned: &[bool], i: usize, text: &str) -> bool {
    let Ok(n) = text.trim().parse::<u64>() else {
        return false;
    };
    let Some(p) = dom.parent(i) else { return false };
    let mut c = p + 1;
    for _ in 0..MAX_RUN_SIBLINGS {
        if c >= dom.end(p) {
            break;
        }
        if c != i
            && dom.tag(c) != Tag::Text
            && dom.end(c) <= c + MAX_COUNTER_NODES
            && let Ok(m) = shown_text(dom, pruned, c).trim().parse::<u64>()
            && (m + 1 == n || n + 1 == m)
        {
            return true;
        }
        c = dom.end(c).max(c + 1);
    }
    false
}

/// Whether element `i` holds a block (or list item, cell) outside its pruned parts: its
/// text is several lines.
fn holds_shown_block(dom: &Dom, pruned: &[bool], i: usize) -> bool {
    shown_nodes(dom, pruned, i + 1, dom.end(i)).any(|k| {
        let t = dom.tag(k);
        t.is_block() || matches!(t, Tag::Li | Tag::Td | Tag::Th)
    })
}

/// The nodes of `from..to` outside pruned regions, in document order: a pruned node is
/// skipped with its whole subtree.
fn shown_nodes<'a>(
    dom: &'a Dom,
    pruned: &'a [bool],
    from: usize,
    to: usize,
) -> impl Iterator<Item = usize> + 'a {
    let mut k = from;
    std::iter::from_fn(move || {
        while k < to {
            let at = k;
            if pruned.get(at).copied().unwrap_or(true) {
                k = dom.end(at).max(at + 1);
            } else {
                k = at + 1;
                return Some(at);
            }
        }
        None
    })
}

/// The text of element `i` outside its pruned parts (an icon's screen-reader title).
fn shown_text(dom: &Dom, pruned: &[bool], i: usize) -> String {
    shown_nodes(dom, pruned, i + 1, dom.end(i))
        .filter(|&k| dom.tag(k) == Tag::Text)
        .map(|k| dom.text_of(k))
        .collect()
}

/// Whether element `i` is all the shown text of its line: it is a block, or its nearest
/// block ancestor (below `root`, of at most [`MAX_COUNTER_NODES`] nodes) shows no other
/// text.
fn line_alone(dom: &Dom, pruned: &[bool], i: usize, root: usize) -> bool {
    let mut b = i;
    loop {
        let t = dom.tag(b);
        if t.is_block() || matches!(t, Tag::Li | Tag::Td | Tag::Th) {
            return b == i
                || (dom.end(b) <= b + MAX_COUNTER_NODES
                    && count(&shown_text(dom, pruned, b)).0
                        == count(&shown_text(dom, pruned, i)).0);
        }
        match dom.parent(b) {
            Some(p) if p > root => b = p,
            _ => return false,
        }
    }
}

/// Most characters of a repeated action's label ("Reply", "Back to Project"). Our choice.
pub const MAX_ACTION_CHARS: usize = 30;
/// How often an action's label must occur in the root. Our choice, as
/// [`MIN_LABEL_REPEATS`].
pub const MIN_ACTION_REPEATS: usize = 3;
/// Most nodes of an action's element (`<p><a><span>Reply</span></a></p>`).
const MAX_ACTION_NODES: usize = 8;
/// Levels looked up from an action's label for its link or button.
const MAX_CONTROL_DEPTH: usize = 3;

/// Prunes, in a thread, a listing, an article or a service page, the actions its template
/// repeats on every post, record or item: a link or button alone on its line whose label (letters, no digits, no `:`,
/// at most [`MAX_ACTION_CHARS`]) occurs at least [`MIN_ACTION_REPEATS`] times ("Reply",
/// "Quote", "Back to Project", "I like..."). A post's or record's own words differ from one
/// to the next; a label the template writes on each is its chrome. Spared: a poster's name
/// (it repeats too, [`names_user_name`]), labels with digits (dates, counts, which other
/// rules read), a field's label ("Comments:"), links inside headings, links inside lists and
/// tables but in a `thread` (whose posts' action bars are often lists, and whose posts are
/// often rows of layout tables: a comment tree, an old board's postbits), and a card's link
/// around its thumbnail. A link without a target (no `href`, no anchor's `name`) is a
/// script's control as a button is ("Click to expand..."). In a thread, a poster's initials
/// linked alone on their line ([`is_initials`], a letter avatar) count together, whatever
/// the letters.
fn prune_repeated_actions(dom: &Dom, pruned: &mut [bool], raw: &[u32], root: usize, thread: bool) {
    let end = dom.end(root);
    let mut seen: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    // Initials linked alone on their line: posters' letter avatars.
    let mut avatars = Vec::new();
    let mut i = root + 1;
    while i < end {
        let tag = dom.tag(i);
        if pruned.get(i).copied().unwrap_or(true)
            || matches!(tag, Tag::Pre | Tag::Code | Tag::Dl)
            || (!thread && matches!(tag, Tag::Li | Tag::Table))
            || tag.is_heading()
        {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if tag != Tag::Text
            && dom.end(i) <= i + MAX_ACTION_NODES
            && let Some(t) = single_text(dom, pruned, i)
            && t.chars().count() <= MAX_ACTION_CHARS
            && t.chars().any(char::is_alphabetic)
            && !t.contains(|c: char| c.is_ascii_digit() || c == ':')
            && is_control(dom, pruned, raw, i, t)
            && line_alone(dom, pruned, i, root)
        {
            if thread && is_initials(t) {
                avatars.push(i);
            } else {
                seen.entry(t).or_default().push(i);
            }
            i = dom.end(i).max(i + 1);
            continue;
        }
        i += 1;
    }
    if avatars.len() >= MIN_ACTION_REPEATS {
        seen.insert("", avatars);
    }
    for ps in seen.values() {
        if ps.len() < MIN_ACTION_REPEATS {
            continue;
        }
        for &p in ps {
            if let Some(x) = pruned.get_mut(p) {
                *x = true;
            }
        }
    }
}

/// Most letters of a poster's initials shown as an avatar.
const MAX_INITIALS: usize = 2;

/// Whether `t` is a poster's initials (`T`, `JD`): one or two capital letters, what a forum
/// shows in a coloured disc for a poster without a picture.
fn is_initials(t: &str) -> bool {
    (1..=MAX_INITIALS).contains(&t.chars().count()) && t.chars().all(char::is_uppercase)
}

/// Longest name of a field of a poster's card ("Joined:", "Location:") read by
/// [`poster_label`]. Our choice.
const MAX_FIELD_LABEL_CHARS: usize = 24;
/// Longest line read as a field of a poster's card with its value ("Posts: 4,958"). Our
/// choice.
const MAX_FIELD_LINE_CHARS: usize = 60;

/// The label of a line of a poster's card, for [`prune_poster_labels`]: the line itself
/// when it is a word or a few (letters, no digits, at most [`MAX_ACTION_CHARS`]: "Joined",
/// "Offline", "Senior Member"), a count's words ([`counted_label`]) or a field's name
/// ([`field_label`]).
fn poster_label(t: &str) -> Option<&str> {
    if t.chars().count() <= MAX_ACTION_CHARS
        && t.chars().any(char::is_alphabetic)
        && !t.contains(|c: char| c.is_ascii_digit())
    {
        return Some(t);
    }
    counted_label(t).or_else(|| field_label(t))
}

/// The name of a field with its colon when line `t` is a field and its value ("Posts: 116",
/// "Location: Basel"): a name of letters, no digits, at most [`MAX_FIELD_LABEL_CHARS`], and
/// the line at most [`MAX_FIELD_LINE_CHARS`].
fn field_label(t: &str) -> Option<&str> {
    let (name, value) = t.split_once(':')?;
    (t.chars().count() <= MAX_FIELD_LINE_CHARS
        && !value.trim().is_empty()
        && name.chars().count() <= MAX_FIELD_LABEL_CHARS
        && name.chars().any(char::is_alphabetic)
        && !name.contains(|c: char| c.is_ascii_digit()))
    .then(|| t.get(..=name.len()).unwrap_or(t))
}

/// The words of a count and what it counts ("4.7k posts", "312 Reputation": a count, then
/// one or two words of letters), for [`poster_label`].
fn counted_label(t: &str) -> Option<&str> {
    let (count, words) = t.split_once(char::is_whitespace)?;
    let words = words.trim();
    (counter_shaped(count)
        && (1..=2).contains(&words.split_whitespace().count())
        && words
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace()))
    .then_some(words)
}

/// Separators of the fields of one line of a poster's card.
const FIELD_SEPARATORS: &[char] = &['·', '•', '|'];

/// The shape of a line of a poster's card joining fields with a separator, one of them a
/// count ("1,674 posts · Joined 2020" gives "# posts · Joined #"): its counts masked, when
/// it holds no date (a post's date line is the post's, "#3 · Jan 4, 2024").
fn counted_fields(t: &str) -> Option<String> {
    if !t.contains(FIELD_SEPARATORS)
        || crate::render::date_with_month_or_year(t)
        || !t
            .split(FIELD_SEPARATORS)
            .any(|f| counted_label(f.trim()).is_some())
    {
        return None;
    }
    let mut key = String::new();
    for w in t.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(if counter_shaped(w) && !w.contains(FIELD_SEPARATORS) {
            "#"
        } else {
            w
        });
    }
    (key.chars().count() <= MAX_FIELD_LINE_CHARS).then_some(key)
}

/// A field whose value is an element of its own (`Reputation: <a>7</a>`, the value linked
/// to the list it counts): text node `k` is a field's name and its colon alone, opening its
/// line (the edge of its block or after a line break or block), and the element after it
/// shows one short text and closes the line. The name (as [`field_label`] reads it) and the
/// value's element.
fn linked_field<'a>(dom: &'a Dom, pruned: &[bool], k: usize) -> Option<(&'a str, usize)> {
    let t = dom.text_of(k).trim();
    let name = t.strip_suffix(':')?;
    if name.is_empty()
        || name.chars().count() > MAX_FIELD_LABEL_CHARS
        || !name.chars().any(char::is_alphabetic)
        || name.contains(|c: char| c.is_ascii_digit() || c == ':')
    {
        return None;
    }
    let in_block = dom.parent(k).is_some_and(|p| dom.tag(p).is_block());
    // What stands beside the field on one side, past blank text: the edge of the block, a
    // line break or a block.
    let edge = |from: usize, step: fn(&Dom, usize) -> Option<usize>| {
        let mut s = step(dom, from);
        for _ in 0..MAX_POSTER_LINE_NODES {
            match s {
                None => return in_block,
                Some(x) if dom.tag(x) == Tag::Text && dom.text_of(x).trim().is_empty() => {
                    s = step(dom, x);
                }
                Some(x) => return dom.tag(x) == Tag::Br || dom.tag(x).is_block(),
            }
        }
        false
    };
    if !edge(k, Dom::previous_sibling) {
        return None;
    }
    let v = element_sibling(dom, k, Dom::next_sibling)?;
    let tag = dom.tag(v);
    if tag.is_block()
        || tag == Tag::Br
        || dom.end(v) > v + MAX_POSTER_LINE_NODES
        || single_text(dom, pruned, v)
            .is_none_or(|x| t.chars().count() + x.chars().count() > MAX_FIELD_LINE_CHARS)
    {
        return None;
    }
    edge(v, Dom::next_sibling).then_some((t, v))
}

/// Most nodes of a line of a poster's card read by [`prune_poster_labels`] (a count and its
/// label in a link with an icon).
const MAX_POSTER_LINE_NODES: usize = 16;

/// Levels of inline parents (`<span>`) climbed by [`line_edge`] from a text at their edge.
/// Our choice.
const MAX_LINE_INLINE_DEPTH: usize = 3;

/// Whether text node `k` is a line of its own: no element or text beside it but line
/// breaks and blocks, or the edge of its parent when that is a block, or of an inline
/// parent standing so (`<br><span>Joined: 2019<br>Posts: 12</span></td>`).
fn text_line(dom: &Dom, k: usize) -> bool {
    line_edge(dom, k, Dom::previous_sibling) && line_edge(dom, k, Dom::next_sibling)
}

/// Whether what `step` (the previous or next sibling) meets from node `k` ends a line: a
/// line break or a block, or no sibling in a block; with no sibling in an inline element,
/// what its own sibling is (at most [`MAX_LINE_INLINE_DEPTH`] levels up).
fn line_edge(dom: &Dom, k: usize, step: fn(&Dom, usize) -> Option<usize>) -> bool {
    let mut k = k;
    for _ in 0..=MAX_LINE_INLINE_DEPTH {
        if let Some(s) = step(dom, k) {
            let t = dom.tag(s);
            return t == Tag::Br || t.is_block();
        }
        match dom.parent(k) {
            Some(p) if dom.tag(p).is_block() => return true,
            Some(p) => k = p,
            None => return false,
        }
    }
    false
}

/// Most nodes read before an element by [`opens_post`]. Our choice.
const MAX_POST_OPENING_NODES: usize = 128;

/// Most texts of a line read by [`label_texts`]. Our choice.
const MAX_LABEL_TEXTS: usize = 4;

/// The key of a line of element `i` made of several texts, each a count and its word or two
/// ([`counted_label`], one at least) or a short label ([`poster_label`]): `<span>0
/// comments</span> <span>No comments</span>`, a template's pieces side by side, its counts
/// read as `#`. A sentence's words split by inline markup run into a longer text.
fn label_texts(dom: &Dom, pruned: &[bool], i: usize) -> Option<String> {
    let mut key = String::new();
    let (mut texts, mut counted) = (0usize, false);
    for k in shown_nodes(dom, pruned, i + 1, dom.end(i)) {
        if dom.tag(k) != Tag::Text {
            continue;
        }
        let t = dom.text_of(k).trim();
        if t.is_empty() {
            continue;
        }
        texts += 1;
        if texts > MAX_LABEL_TEXTS {
            return None;
        }
        if !key.is_empty() {
            key.push('|');
        }
        if let Some(w) = counted_label(t) {
            counted = true;
            key.push('#');
            key.push_str(w);
        } else {
            key.push_str(poster_label(t)?);
        }
    }
    (texts >= 2 && counted).then_some(key)
}

/// Nodes after an element read by [`opens_post`] for a linked name. Our choice.
const MAX_NAME_LINK_GAP: usize = 12;

/// Whether element `i` shows the first words of its post (one of `posts`, in document
/// order), its poster's name: no shown text before it in the post, among at most
/// [`MAX_POST_OPENING_NODES`], and no linked name ([`shows_short_name`]) in the
/// [`MAX_NAME_LINK_GAP`] nodes after it (a badge, "Author", before the poster's linked name).
fn opens_post(dom: &Dom, pruned: &[bool], posts: &[usize], i: usize) -> bool {
    let Some(&post) = posts
        .partition_point(|&m| m < i)
        .checked_sub(1)
        .and_then(|k| posts.get(k))
    else {
        return false;
    };
    let next = dom.end(i)..dom.end(post).min(dom.end(i) + MAX_NAME_LINK_GAP);
    i < dom.end(post)
        && i <= post + MAX_POST_OPENING_NODES
        && !shown_nodes(dom, pruned, post + 1, i).any(|k| shows_text(dom, k))
        && !next
            .clone()
            .any(|k| dom.tag(k) == Tag::A && shows_short_name(dom, k))
}

/// Prunes, in a thread, the lines its template writes beside every post: a line whose
/// label ([`poster_label`]) occurs at least [`MIN_ACTION_REPEATS`] times in the root
/// ("Joined", "Offline", "Senior Member", "4.7k posts", "Posts: 116", "Location: Basel").
/// Posts' words differ from one to the next; the poster card's field names, ranks and counts
/// do not. A line is an element alone on its line showing one text, a count and its words
/// (`<a><b>4.7k</b> posts</a>`) or fields joined by a separator, one of them a count
/// ([`counted_fields`], outside links); or a text between line breaks when it is a field
/// and its value (a post's own lines are text between line breaks too), the value maybe an
/// element of its own closing the line (`Reputation: <a>7</a>`, [`linked_field`]); or, when
/// the posts are `dated` (their group found by its date lines, [`dated_group`]), an element
/// whose texts read as a field, its name an element of its own (`<span>Location</span>:
/// <span>Basel</span>`, `<strong>About me:</strong><div>...</div>`). The label must
/// occur in that many posts of the thread's group of posts, when it has one (a post's own
/// "Pros:" and "Cons:" repeat within it). A term of a definition list so pruned takes its
/// definitions along (`<dt>Joined</dt><dd>Nov 12, 2011</dd>`: the field's value). Spared:
/// links and buttons but for counts (a
/// poster's name links to their profile; actions are [`prune_repeated_actions`]'), text
/// inside tables, code and headings, and a post's opening words ([`opens_post`]: its
/// poster's name, unlinked in a guest's view, repeated on each of their posts).
fn prune_poster_labels(
    dom: &Dom,
    pruned: &mut [bool],
    raw: &[u32],
    root: usize,
    posts: &[usize],
    dated: bool,
) {
    let end = dom.end(root);
    let mut seen: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    let mut i = root + 1;
    while i < end {
        let tag = dom.tag(i);
        if skipped_by_thread_passes(dom, pruned, raw, i, tag) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if tag == Tag::Text {
            if let Some(label) = field_label(dom.text_of(i).trim())
                && dom.parent(i).is_some_and(|p| p != root)
                && text_line(dom, i)
            {
                seen.entry(label.to_owned()).or_default().push(i);
            } else if let Some((label, v)) = linked_field(dom, pruned, i)
                && dom.parent(i).is_some_and(|p| p != root)
            {
                let at = seen.entry(label.to_owned()).or_default();
                at.push(i);
                at.push(v);
            }
            i += 1;
            continue;
        }
        // A link or button shows a name or an action, and several texts are a sentence's
        // words: a label there is only a count's ("<a><b>4.7k</b> posts</a>").
        // A poster's name is no label, nor is its emphasis (`<a class=username><strong>`).
        if dom.end(i) <= i + MAX_POSTER_LINE_NODES
            && !names_user_name(dom, i)
            && !dom.parent(i).is_some_and(|p| names_user_name(dom, p))
        {
            let linked = matches!(tag, Tag::A | Tag::Button)
                || (i + 1..dom.end(i)).any(|k| matches!(dom.tag(k), Tag::A | Tag::Button));
            let single = single_text(dom, pruned, i);
            let t = match single {
                Some(t) => std::borrow::Cow::Borrowed(t),
                None => std::borrow::Cow::Owned(shown_text(dom, pruned, i)),
            };
            let t = t.trim();
            let label = match counted_label(t) {
                Some(w) => Some(w.to_owned()),
                // The first words a post shows are its poster's name (a guest's view shows
                // it unlinked), the card's rank and fields follow.
                None if !linked && single.is_some() && !opens_post(dom, pruned, posts, i) => {
                    poster_label(t).map(str::to_owned)
                }
                None if !linked => counted_fields(t)
                    .or_else(|| dated.then(|| field_label(t).map(str::to_owned)).flatten())
                    .or_else(|| label_texts(dom, pruned, i)),
                None => None,
            };
            if let Some(label) = label
                && line_alone(dom, pruned, i, root)
            {
                seen.entry(label).or_default().push(i);
                i = dom.end(i).max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    // A label counts once per post.
    for ps in seen.values() {
        let repeats = if posts.is_empty() {
            ps.len()
        } else {
            let mut distinct = 0usize;
            let mut prev = None;
            for &p in ps {
                let k = posts.partition_point(|&m| m <= p);
                let post = k
                    .checked_sub(1)
                    .filter(|&k| posts.get(k).is_some_and(|&m| p < dom.end(m)));
                if post.is_some() && post != prev {
                    distinct += 1;
                    prev = post;
                }
            }
            distinct
        };
        if repeats < MIN_ACTION_REPEATS {
            continue;
        }
        for &p in ps {
            if let Some(x) = pruned.get_mut(p) {
                *x = true;
            }
            // A term of a definition list is a field's name: its definitions are the
            // field's value ("Joined" / "Nov 12, 2011").
            if dom.tag(p) == Tag::Dt {
                let mut d = next_element_sibling(dom, p);
                while let Some(k) = d.filter(|&k| dom.tag(k) == Tag::Dd) {
                    if let Some(x) = pruned.get_mut(k) {
                        *x = true;
                    }
                    d = next_element_sibling(dom, k);
                }
            }
        }
    }
}

/// Post `l` and its siblings of its tag and class, in document order.
fn group_of(dom: &Dom, l: usize) -> Vec<usize> {
    let Some(p) = dom.parent(l) else {
        return vec![l];
    };
    let (tag, sig) = (dom.tag(l), signature(dom, l, dom.tag(l)));
    let striped = striped_with(dom, l);
    let mut out = Vec::new();
    let mut c = p + 1;
    while c < dom.end(p) {
        if dom.tag(c) == tag
            && (signature(dom, c, tag) == sig || Some(signature(dom, c, tag)) == striped)
        {
            out.push(c);
        }
        c = dom.end(c).max(c + 1);
    }
    out
}

/// The one text element `i` shows (trimmed), if it shows exactly one.
fn single_text<'a>(dom: &'a Dom, pruned: &[bool], i: usize) -> Option<&'a str> {
    let mut texts = shown_nodes(dom, pruned, i + 1, dom.end(i))
        .filter(|&k| dom.tag(k) == Tag::Text)
        .map(|k| dom.text_of(k).trim())
        .filter(|t| !t.is_empty());
    let found = texts.next();
    match texts.next() {
        Some(_) => None,
        None => found,
    }
}

/// Whether element `i`, showing only `label`, is a control: a link or button, inside one
/// (at most [`MAX_CONTROL_DEPTH`] levels up) or wrapping one, that shows the label alone
/// and holds no image (a card's link around its thumbnail and a badge is no action); and
/// whether it names no user (a poster's name links to the poster's profile).
fn is_control(dom: &Dom, pruned: &[bool], raw: &[u32], i: usize, label: &str) -> bool {
    // A link without a target and no anchor's name is a script's control ("Click to
    // expand...").
    let control = |k: usize| {
        dom.tag(k) == Tag::Button
            || (dom.tag(k) == Tag::A
                && (dom.attr(k, Attr::Href).is_some() || dom.attr(k, Attr::Name).is_none()))
    };
    let alone = |k: usize| {
        raw.get(k).copied().unwrap_or(0) <= raw.get(i).copied().unwrap_or(0)
            && dom.end(k) <= k + 2 * MAX_ACTION_NODES
            && (k..dom.end(k)).all(|x| dom.tag(x) != Tag::Img)
            && single_text(dom, pruned, k) == Some(label)
    };
    let mut hit = false;
    let mut k = i;
    for _ in 0..=MAX_CONTROL_DEPTH {
        if names_user_name(dom, k) || author_name_prop(dom, k) {
            return false;
        }
        hit |= control(k) && alone(k);
        match dom.parent(k) {
            Some(p) => k = p,
            None => break,
        }
    }
    for k in i + 1..dom.end(i) {
        if names_user_name(dom, k) || author_name_prop(dom, k) {
            return false;
        }
        hit |= control(k) && alone(k);
    }
    hit
}

/// Longest text (characters) of a record's date line pruned in a listing. Our choice.
pub const MAX_DATE_CHARS: u32 = 30;
/// Shortest such date line: shorter ones are ages (`18d`, `2h`), kept. Our choice.
pub const MIN_DATE_CHARS: u32 = 6;
/// Longest line (characters) holding a record's date and its byline pruned with it. Our
/// choice.
pub const MAX_DATE_LINE_CHARS: u32 = 60;
/// Most nodes of a record read for its first link. Our choice.
const MAX_TITLE_LOOK_NODES: usize = 256;
/// Most nodes of a date line read for its text. Our choice.
const MAX_DATE_NODES: usize = 16;

/// Prunes, in a listing, the date lines of its records: a `<time>` element or an element
/// with a `date` class word, or, whatever the markup (hashed or utility class names), a
/// block outside tables whose text is only a date or an age ([`crate::render::only_date`])
/// and that is no field of a row ([`in_row`]); of [`MIN_DATE_CHARS`] to [`MAX_DATE_CHARS`]
/// characters, with its wrappers that hold no other text, and the short line of plain text
/// around it (the date's labels), or the short block holding it whose links are names
/// beside it rather than the record's title (its byline). A listing's records are its titles and blurbs; their
/// publication dates are metadata, as bylines are (an age such as `18d` is too short to be a
/// date line, and stays).
fn prune_record_dates(dom: &Dom, pruned: &mut [bool], raw: &[u32], records: &[bool], root: usize) {
    let end = dom.end(root);
    let mut in_rec = 0usize;
    let mut in_table = 0usize;
    let mut first_link = NONE as usize;
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        // Records of paragraphs are a text's paragraphs, not items.
        if records.get(i).copied().unwrap_or(false) && dom.tag(i) != Tag::P {
            if i >= in_rec {
                // The record's first link: its title's (or its card's) link.
                first_link = (i..dom.end(i).min(i + MAX_TITLE_LOOK_NODES))
                    .find(|&k| dom.tag(k) == Tag::A)
                    .unwrap_or(NONE as usize);
            }
            in_rec = in_rec.max(dom.end(i));
        }
        if dom.tag(i) == Tag::Table {
            in_table = in_table.max(dom.end(i));
        }
        let size = raw.get(i).copied().unwrap_or(0);
        let short = i < in_rec
            && dom.tag(i) != Tag::Text
            && (MIN_DATE_CHARS..=MAX_DATE_CHARS).contains(&size);
        // Named a date by its markup, or reading as one and nothing else (outside tables,
        // where a date is a column of the data).
        let marked = short && (dom.tag(i) == Tag::Time || class_has_word(dom, i, &["date"]));
        let shaped = short
            && !marked
            && i >= in_table
            && dom.end(i) <= i + MAX_DATE_NODES
            && crate::render::only_date(&shown_text(dom, pruned, i));
        if marked || shaped {
            // The date's block: climb while the parent holds no other text.
            let mut d = i;
            while let Some(p) = dom.parent(d) {
                if p <= root || raw.get(p).copied().unwrap_or(0) != raw.get(i).copied().unwrap_or(0)
                {
                    break;
                }
                d = p;
            }
            // A short line of plain text holding the date is the record's date line with a
            // label or two (`9 hrs ago · Europe`, the section it was filed in): it goes whole.
            if let Some(p) = dom.parent(d)
                && p > root
                && !records.get(p).copied().unwrap_or(true)
                && raw.get(p).copied().unwrap_or(u32::MAX) <= MAX_DATE_CHARS
                && dom.end(p) <= p + MAX_DATE_NODES
                && (p..dom.end(p))
                    .all(|k| !matches!(dom.tag(k), Tag::A | Tag::Img) && !dom.tag(k).is_heading())
            {
                d = p;
            }
            // A byline beside the date (`Alan Woinski and Kim Woinski | 2 weeks ago`): the
            // nearest block holding the date, a short line whose links are short (names, not
            // the record's title link), goes whole.
            if !dom.tag(d).is_block() {
                let mut b = d;
                while let Some(p) = dom.parent(b)
                    && p > root
                    && !records.get(p).copied().unwrap_or(true)
                    && !dom.tag(b).is_block()
                {
                    b = p;
                }
                if b != d
                    && dom.tag(b).is_block()
                    && raw.get(b).copied().unwrap_or(u32::MAX) <= MAX_DATE_LINE_CHARS
                    && dom.end(b) <= b + 2 * MAX_DATE_NODES
                    && !(b..dom.end(b)).contains(&first_link)
                    && (b..dom.end(b)).all(|k| {
                        let t = dom.tag(k);
                        !t.is_heading()
                            && t != Tag::Img
                            && (t != Tag::A || raw.get(k).copied().unwrap_or(0) <= MAX_NAME_CHARS)
                    })
                {
                    d = b;
                }
            }
            // A date read from its text is pruned only as a block of its own beside longer
            // ones (a card's title and blurb): a date among a row's fields (`2020-04-09 |
            // admin | 137 | Title`, list items or blocks under a header naming the columns)
            // is the row's data.
            if marked || (dom.tag(d).is_block() && !in_row(dom, pruned, raw, d)) {
                if let Some(x) = pruned.get_mut(d) {
                    *x = true;
                }
                i = dom.end(d).max(i + 1);
                continue;
            }
        }
        i += 1;
    }
}

/// Fewest links of a menu pruned by [`prune_jump_menus`]. Our choice, as
/// [`MIN_CONTENTS_LINKS`].
const MIN_JUMP_LINKS: usize = 4;
/// Most nodes of a list read by [`prune_jump_menus`]. Our choice.
const MAX_JUMP_NODES: usize = 4096;

/// Prunes, in a listing, the lists (`<ul>`, `<ol>`) that are all links to places on the
/// page itself (every link's `href` a fragment, `#project-apartment`; at least
/// [`MIN_JUMP_LINKS`]; link text over [`MIN_LINK_PARAGRAPH_DENSITY`] of the list's): a menu
/// jumping to the listing's sections or filtering it, which repeats the section titles the
/// listing shows anyway.
fn prune_jump_menus(
    dom: &Dom,
    pruned: &mut [bool],
    chars: &[u32],
    link_chars: &[u32],
    root: usize,
) {
    prune_in_root(dom, pruned, root, |i, pruned| {
        if !matches!(dom.tag(i), Tag::Ul | Tag::Ol) || dom.end(i) > i + MAX_JUMP_NODES {
            return false;
        }
        let c = chars.get(i).copied().unwrap_or(0) as f32;
        let l = link_chars.get(i).copied().unwrap_or(0) as f32;
        let mut links = 0usize;
        let mut jumps = true;
        for k in i + 1..dom.end(i) {
            if dom.tag(k) == Tag::A && !pruned.get(k).copied().unwrap_or(true) {
                links += 1;
                jumps &= dom
                    .attr(k, Attr::Href)
                    .is_some_and(|h| h.trim().len() > 1 && h.trim().starts_with('#'));
            }
        }
        jumps && links >= MIN_JUMP_LINKS && c > 0.0 && l >= MIN_LINK_PARAGRAPH_DENSITY * c
    });
}

/// Whether element `d` is a field of a row: its parent shows at least [`MIN_RECORDS`]
/// elements (of its first [`MAX_DATE_NODES`]), two thirds of them short
/// ([`MAX_DATE_CHARS`]), as a table's cells are.
fn in_row(dom: &Dom, pruned: &[bool], raw: &[u32], d: usize) -> bool {
    let Some(p) = dom.parent(d) else {
        return false;
    };
    let (mut fields, mut short) = (0usize, 0usize);
    let mut c = p + 1;
    while c < dom.end(p) && fields < MAX_DATE_NODES {
        if dom.tag(c) != Tag::Text && !pruned.get(c).copied().unwrap_or(true) {
            fields += 1;
            if raw.get(c).copied().unwrap_or(0) <= MAX_DATE_CHARS {
                short += 1;
            }
        }
        c = dom.end(c).max(c + 1);
    }
    fields >= MIN_RECORDS && 3 * short >= 2 * fields
}

/// Longest line (characters) read by [`prune_template_lines`]. Our choice.
pub const MAX_TEMPLATE_LINE_CHARS: usize = 80;
/// Most nodes of a line read by [`prune_template_lines`], and half the most of its parent.
const MAX_TEMPLATE_LINE_NODES: usize = 32;
/// Deepest slot (levels below its record) read by [`prune_template_lines`]. Our choice.
const MAX_SLOT_DEPTH: usize = 16;

/// Words of the shown text of nodes `from..to`, hashed, their characters and their letters
/// (counted when `count_letters`, else 1 when there is one).
fn text_hash(
    dom: &Dom,
    pruned: &[bool],
    from: usize,
    to: usize,
    count_letters: bool,
) -> (u64, usize, usize) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let (mut chars, mut letters) = (0usize, 0usize);
    for k in shown_nodes(dom, pruned, from, to) {
        if dom.tag(k) != Tag::Text {
            continue;
        }
        let t = dom.text_of(k).trim();
        if t.is_empty() {
            continue;
        }
        chars += t.chars().count() + 1;
        if count_letters {
            letters += t.chars().filter(|c| c.is_alphabetic()).count();
        } else if letters == 0 && t.chars().any(char::is_alphabetic) {
            letters = 1;
        }
        for b in t.bytes().chain(std::iter::once(b' ')) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (h, chars, letters)
}

/// Prunes the lines a group of records' template writes alike in each record. A line (a
/// block holding no other block, of at most [`MAX_TEMPLATE_LINE_CHARS`] characters) has two
/// slots in each record holding it: the tags and places (among the parent's elements) from
/// the record down to it, and the tags and class names (a record's optional parts shift the
/// places). A slot in at least [`MIN_RECORDS`] records and half
/// of its group, reading the same in each, is the template's when its line is a control (a
/// link or button: "Quick shop", "Read full story", a financing offer linked from every
/// price) or part of a widget that reads the same in every record too (its parent shows more
/// text, at most twice a line's, alike each time: "Rate this book", "Clear rating" over the
/// stars), or alone in a box of its own outside links, the same in every record (a badge:
/// "Coming soon", "Top Rated"; an image's "Courtesy of brand"). A record's fields vary from
/// one record to the next in their slot; a field's name ("Retention rate",
/// "Previously at") reads the same but sits beside its varying value, and stays. Tables,
/// list items and definition lists are spared (a column of "Yes", a table's header row, a
/// parameter documented alike in each member of a reference).
fn prune_template_lines(
    dom: &Dom,
    pruned: &mut [bool],
    raw: &[u32],
    records: &[bool],
    root: usize,
    thread: bool,
) {
    struct Slot {
        text: u64,
        same: bool,
        count: usize,
        last: usize,
        /// Every occurrence is a control.
        control: bool,
        /// The parent's text of the first occurrence; whether every parent reads alike and
        /// shows more than its line.
        parent: u64,
        widget: bool,
        /// Every occurrence is alone in its box.
        alone: bool,
        nodes: Vec<usize>,
    }
    let cell = |t: Tag| matches!(t, Tag::Td | Tag::Th | Tag::Li | Tag::Tr | Tag::Dt | Tag::Dd);
    let is_record = |k: usize| dom.tag(k) != Tag::P && records.get(k).copied().unwrap_or(false);
    // A link, button or custom element (`<quick-shop-opener>`, a script's widget: no
    // standard element, so its label is a control's) showing `own` characters and no image
    // (a card's link around its thumbnail and a badge is no control).
    // Nor is, in a thread, a poster's name beside their avatar ([`beside_avatar`]): one
    // poster's posts repeat it alike (elsewhere a card's "Learn more" beside its logo).
    let is_control = |k: usize, own: u32| {
        (matches!(dom.tag(k), Tag::Button | Tag::Other)
            || (dom.tag(k) == Tag::A && dom.attr(k, Attr::Href).is_some()))
            && raw.get(k).copied().unwrap_or(0) == own
            && dom.end(k) <= k + 2 * MAX_TEMPLATE_LINE_NODES
            && (k..dom.end(k)).all(|x| dom.tag(x) != Tag::Img)
            && !(thread && dom.tag(k) == Tag::A && beside_avatar(dom, k))
    };
    // A group of records: their parent and signature.
    let group_of = |k: usize| {
        let parent = dom.parent(k).unwrap_or(0) as u64;
        signature(dom, k, dom.tag(k)) ^ parent.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    };
    let end = dom.end(root);
    let Some(first) = (root + 1..end).find(|&k| is_record(k)) else {
        return;
    };
    // Each element's place among its parent's elements (from the first record on), set as
    // the walk meets it.
    let mut place = vec![0u32; end - first];
    let mut next = vec![0u32; end - first];
    // aHash: keys are the page's own hashes.
    let mut groups: std::collections::HashMap<u64, usize, ahash::RandomState> =
        std::collections::HashMap::default();
    let mut slots: std::collections::HashMap<(u64, u64), Slot, ahash::RandomState> =
        std::collections::HashMap::default();
    // The outermost record holding the walk's node, and its end.
    let (mut outer, mut outer_end) = (root, root);
    // The last line's parent and its text (siblings share it).
    let mut last_parent: (usize, Option<(u64, usize, usize)>) = (usize::MAX, None);
    let mut i = first;
    while i < end {
        let tag = dom.tag(i);
        if tag != Tag::Text
            && let Some(p) = dom.parent(i)
            && let Some(c) = p.checked_sub(first).and_then(|p| next.get_mut(p))
        {
            if let Some(x) = place.get_mut(i - first) {
                *x = *c;
            }
            *c += 1;
        }
        // Tables and definition lists are data: a header row or a term repeated in each
        // record's table (a reference's "Column / Type / Description") is the data's.
        if pruned.get(i).copied().unwrap_or(true)
            || matches!(tag, Tag::Script | Tag::Pre | Tag::Table | Tag::Dl)
        {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if tag != Tag::Text && is_record(i) {
            *groups.entry(group_of(i)).or_default() += 1;
            if i >= outer_end {
                (outer, outer_end) = (i, dom.end(i));
            }
            i += 1;
            continue;
        }
        if i >= outer_end {
            i += 1;
            continue;
        }
        let e = dom.end(i);
        if !(tag.is_block()
            && !cell(tag)
            && e <= i + MAX_TEMPLATE_LINE_NODES
            && (i + 1..e).all(|k| !dom.tag(k).is_block() && !cell(dom.tag(k))))
        {
            i += 1;
            continue;
        }
        // Its text before pruning, without spaces, bounds its shown text: longer blocks (a
        // record's blurb) are passed without reading them.
        if raw.get(i).copied().unwrap_or(0) as usize > MAX_TEMPLATE_LINE_CHARS {
            i = e.max(i + 1);
            continue;
        }
        let (text, chars, letters) = text_hash(dom, pruned, i + 1, e, true);
        if letters == 0 || chars > MAX_TEMPLATE_LINE_CHARS + 1 {
            i = e.max(i + 1);
            continue;
        }
        // A control: links or buttons in the line showing all its letters ("Read more →",
        // "Reply | Flag"), or one around it showing the line alone.
        let own = raw.get(i).copied().unwrap_or(0);
        let (mut linked, mut any) = (0, false);
        let mut k = i + 1;
        while k < e {
            let ke = dom.end(k).max(k + 1);
            if is_control(k, raw.get(k).copied().unwrap_or(0)) {
                linked += text_hash(dom, pruned, k + 1, ke, true).2;
                any = true;
                k = ke;
            } else {
                k += 1;
            }
        }
        let mut control = is_control(i, own) || (any && linked >= letters);
        let mut a = i;
        for _ in 0..MAX_CONTROL_DEPTH {
            match dom.parent(a) {
                Some(p) if p > root && !is_record(p) => a = p,
                _ => break,
            }
            control |= is_control(a, own);
        }
        let p = dom.parent(i).unwrap_or(root);
        if p != last_parent.0 {
            last_parent = (
                p,
                (p > root && !is_record(p) && dom.end(p) <= p + 2 * MAX_TEMPLATE_LINE_NODES)
                    .then(|| text_hash(dom, pruned, p + 1, dom.end(p), false)),
            );
        }
        // Alone in a box of its own, outside any link (a badge over a card's thumbnail, in
        // the card's link, is the card's).
        let alone = last_parent.1.is_some_and(|t| t.1 == chars) && {
            let mut a = i;
            let mut linked = false;
            for _ in 0..MAX_SLOT_DEPTH {
                match dom.parent(a) {
                    Some(p) if p > root => a = p,
                    _ => break,
                }
                linked |= dom.tag(a) == Tag::A;
                if is_record(a) {
                    break;
                }
            }
            !linked
        };
        let parent = last_parent
            .1
            .filter(|t| t.1 > chars && t.1 <= 2 * MAX_TEMPLATE_LINE_CHARS);
        // The slots in each record holding the line: the tags and places from the line up to
        // the record, and the tags and classes (a record's optional parts shift the places).
        let (mut by_place, mut by_class) = (0u64, 1u64);
        let mut k = i;
        for _ in 0..=MAX_SLOT_DEPTH {
            let at = place.get(k - first).copied().unwrap_or(0);
            by_place = by_place.rotate_left(7) ^ (dom.tag(k) as u64) ^ (u64::from(at) << 16);
            by_place = by_place.wrapping_mul(0x0100_0000_01b3);
            by_class = by_class.rotate_left(7) ^ signature(dom, k, dom.tag(k));
            by_class = by_class.wrapping_mul(0x0100_0000_01b3);
            match dom.parent(k) {
                Some(p) if p >= outer => k = p,
                _ => break,
            }
            if !is_record(k) {
                continue;
            }
            for h in [by_place, by_class] {
                let s = slots.entry((group_of(k), h)).or_insert(Slot {
                    text,
                    same: true,
                    count: 0,
                    last: usize::MAX,
                    control: true,
                    parent: parent.map_or(0, |t| t.0),
                    widget: true,
                    alone: true,
                    nodes: Vec::new(),
                });
                s.alone &= alone;
                s.same &= s.text == text;
                s.control &= control;
                s.widget &= parent.is_some_and(|t| t.0 == s.parent);
                if s.last != k {
                    s.count += 1;
                    s.last = k;
                }
                s.nodes.push(i);
            }
        }
        i = e.max(i + 1);
    }
    for ((g, _), s) in &slots {
        let members = groups.get(g).copied().unwrap_or(0);
        if !s.same
            || !(s.control || s.widget || s.alone)
            || s.count < MIN_RECORDS
            || s.count * 2 < members
        {
            continue;
        }
        for &p in &s.nodes {
            if let Some(x) = pruned.get_mut(p) {
                *x = true;
            }
        }
    }
}

/// Longest text (characters) of a `<button>` kept as an accordion's section title.
pub const MAX_TOGGLE_CHARS: u32 = 120;
/// Most nodes of a toggle button read for its heading or question. Our choice.
const MAX_TOGGLE_NODES: usize = 32;

/// Whether `<button>` `i` is the toggle of an accordion section, whose label is the section's
/// title ("Description", "Specifications", a FAQ question): the only element of a heading
/// (the WAI-ARIA accordion pattern, `<h3><button aria-expanded>Title</button></h3>`), or a
/// button named like an accordion's (`accordion__button`).
fn is_accordion_toggle(dom: &Dom, i: usize) -> bool {
    // A button holding a heading (`<button><svg/><h3>Question?</h3></button>`, the ARIA
    // pattern turned inside out by component libraries): the heading titles the section the
    // button opens. And a disclosure button (`aria-expanded`) labelled by a question and
    // followed by its answer: an FAQ entry (an FAQ whose answers a script fetches on a click
    // shows questions only, a list of links in all but name). The scans are bounded: an
    // icon's `<svg>` paths may come first.
    let end = dom.end(i).min(i + 1 + MAX_TOGGLE_NODES);
    if (i + 1..end).any(|k| dom.tag(k).is_heading()) {
        return true;
    }
    if dom.attr(i, Attr::AriaExpanded).is_some()
        && (i + 1..end)
            .any(|k| dom.tag(k) == Tag::Text && dom.text_of(k).trim_end().ends_with(['?', '？']))
        && next_element_sibling(dom, i).is_some_and(|a| {
            (a..dom.end(a).min(a + MAX_TOGGLE_NODES))
                .any(|k| dom.tag(k) == Tag::Text && !dom.text_of(k).trim().is_empty())
        })
    {
        return true;
    }
    // A button that is all of a heading, or of a description list's term (`<dt><button>`:
    // the term an FAQ's `<dd>` answers), titles what it opens.
    let in_heading = dom.parent(i).is_some_and(|p| {
        (dom.tag(p).is_heading() || dom.tag(p) == Tag::Dt)
            && (p + 1..dom.end(p)).all(|k| {
                (k >= i && k < dom.end(i))
                    || (dom.tag(k) == Tag::Text && dom.text_of(k).trim().is_empty())
            })
    });
    let h = dom.class_hints(i);
    in_heading || (h.disclosure && !h.boilerplate)
}

/// Whole class names of an element laid out at a fixed place of the window (Tailwind's and
/// Bootstrap's position utilities): a banner, bar or drawer over the page (cookie consent,
/// chat, a sticky buy bar), not the page's text.
pub(crate) const FIXED_CLASSES: &[&str] = &["fixed", "fixed-bottom", "fixed-top"];

/// Whether a class value holds one of [`FIXED_CLASSES`] (in any letter case).
pub(crate) fn names_fixed(class: &str) -> bool {
    class
        .split_ascii_whitespace()
        .any(|t| FIXED_CLASSES.iter().any(|f| t.eq_ignore_ascii_case(f)))
}

/// Most nodes of a control read by [`glyph_or_nothing`]. Our choice.
const MAX_CLOSE_CONTROL_NODES: usize = 8;

/// Whether control `k`'s text is nothing or one sign that is no letter or digit (the "×"
/// of a close button).
fn glyph_or_nothing(dom: &Dom, k: usize) -> bool {
    let end = dom.end(k);
    if end - k > MAX_CLOSE_CONTROL_NODES {
        return false;
    }
    let mut signs = 0;
    for j in k + 1..end {
        if dom.tag(j) != Tag::Text {
            continue;
        }
        for c in dom.text_of(j).chars().filter(|c| !c.is_whitespace()) {
            if c.is_alphanumeric() {
                return false;
            }
            signs += 1;
        }
    }
    signs <= 1
}

/// Most levels between the `<body>` and a dialog, and between a dialog and its close
/// control, for [`opens_with_close`]: the dialogs' own wrapper and the dialog's inner box.
/// Our choice.
const MAX_DIALOG_WRAPPERS: usize = 2;

/// Whether element `i`, a child of the `<body>` or of a `<div>` that is one, opens with a
/// close control: its first element (past blank text, and into at most one inner `<div>` or
/// `<section>`) is an `<a>` or `<button>` with no text but a sign ([`glyph_or_nothing`]), no
/// image, no target (`href`) and no name (`id`, `name`: an anchor), followed by more of the
/// box.
fn opens_with_close(dom: &Dom, i: usize, facts: &PageFacts<'_>) -> bool {
    let mut a = i;
    let mut at_body = false;
    for _ in 0..MAX_DIALOG_WRAPPERS {
        match dom.parent(a) {
            Some(p) if dom.tag(p) == Tag::Body => {
                at_body = true;
                break;
            }
            Some(p) if dom.tag(p) == Tag::Div => a = p,
            _ => break,
        }
    }
    if !at_body {
        return false;
    }
    let end = dom.end(i);
    let mut k = i + 1;
    for _ in 0..MAX_DIALOG_WRAPPERS {
        while k < end && dom.tag(k) == Tag::Text {
            if !dom.text_of(k).trim().is_empty() {
                return false;
            }
            k += 1;
        }
        if k < end && matches!(dom.tag(k), Tag::Div | Tag::Section) {
            k += 1;
        } else {
            break;
        }
    }
    if k >= end
        || !matches!(dom.tag(k), Tag::A | Tag::Button)
        || facts.raw.get(k).copied().unwrap_or(1) > 1
        || !glyph_or_nothing(dom, k)
        || facts.has_img.get(k).copied().unwrap_or(true)
        || [Attr::Href, Attr::Id, Attr::Name]
            .iter()
            .any(|&a| dom.attr(k, a).is_some())
    {
        return false;
    }
    (dom.end(k)..end).any(|x| dom.tag(x) != Tag::Text)
}

/// Whether element `i` is positioned over the page ([`FIXED_CLASSES`], read with the class
/// hints, or `position:fixed` in its style).
fn fixed_overlay(dom: &Dom, i: usize) -> bool {
    dom.class_hints(i).fixed
        || dom
            .attr(i, Attr::Style)
            .is_some_and(|st| st.contains("fixed") && style_declares(st, "position:fixed"))
}

/// Whether heading `h` holds its accordion's toggle, a `<button>` or an icon (`<svg>`: the
/// plus or chevron): the heading is the question a click opens, the hidden block after it
/// the answer.
fn holds_toggle(dom: &Dom, h: usize) -> bool {
    (h + 1..dom.end(h)).any(|k| matches!(dom.tag(k), Tag::Svg | Tag::Button))
}

/// Whether the first element inside `i` is a heading whose class names boilerplate
/// (`<h3 class=related-posts-title>`, `<h4 class=footer-heading>`): the element is the
/// region that the heading titles.
fn headed_by_boilerplate(dom: &Dom, i: usize) -> bool {
    let end = dom.end(i);
    let mut k = i + 1;
    while k < end {
        let tag = dom.tag(k);
        if tag == Tag::Text {
            if !dom.text_of(k).trim().is_empty() {
                return false;
            }
            k += 1;
            continue;
        }
        if !tag.is_heading() {
            return false;
        }
        // Not the id: headings' ids are anchors made of their text (`project-social-club`).
        return dom.class_hints(k).boilerplate;
    }
    false
}

/// Longest title (characters) of a section of the site's own ([`site_title`]). Our choice: a
/// few words ("You may also like").
const MAX_SITE_TITLE_CHARS: usize = 40;

/// Most nodes of such a title (a heading and its inline markup) and of what comes before it
/// in the section it opens. Our choice.
const MAX_SITE_TITLE_NODES: usize = 48;

/// Least share of link text of a block in the run of links after a lone title of the site's
/// own ([`prune_site_titled`]): mostly links, a label beside them ("\[INSIGHT\]"). Our choice.
const MIN_SITE_RUN_LINK_SHARE: f32 = 0.5;

/// Most wrappers climbed from a title to the section it opens. Our choice.
const MAX_SITE_TITLE_DEPTH: usize = 12;

/// Words of a title that names a section of the site rather than of the text: links to
/// other pages ("Related articles", "Also read", "Don't miss", "Recommended", "Trending"),
/// the page's tags, its author's credit ("Written by", "About the author"), sharing, the
/// newsletter, the site's disclaimer. A title must hold one of them.
const SITE_TITLE_KEYS: &[&str] = &[
    "related",
    "tags",
    "tagged",
    "recommended",
    "written",
    "author",
    "share",
    "miss",
    "popular",
    "trending",
    "also",
    "newsletter",
    "disclaimer",
];

/// Words that may complete such a title ("More *from the* author", "You *may* also *like*").
/// Not "see": "See also" lists a reference's own further reading.
const SITE_TITLE_FILLERS: &[&str] = &[
    "articles", "article", "posts", "post", "content", "contents", "stories", "story", "news",
    "reading", "reads", "read", "more", "you", "may", "might", "like", "by", "about", "the",
    "this", "don", "t", "most", "topics", "links", "next", "from", "our", "explore", "similar",
    "other", "further", "on",
];

/// Whether text `t` is a title naming a section of the site's own: a few words, all of
/// [`SITE_TITLE_KEYS`] and [`SITE_TITLE_FILLERS`], at least one of them a key.
fn site_title(t: &str) -> bool {
    let t = t.trim();
    if t.is_empty() || t.len() > MAX_SITE_TITLE_CHARS {
        return false;
    }
    let mut key = false;
    for w in t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let is = |list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
        if is(SITE_TITLE_KEYS) {
            key = true;
        } else if !is(SITE_TITLE_FILLERS) {
            return false;
        }
    }
    key
}

/// Whether element `i` may be a title: a heading below `<h1>`, or a paragraph, `<div>` or
/// `<span>` of a few nodes holding no block (`<p><strong>Don't miss</strong></p>`, `<div
/// class=label>Written by</div>`).
fn is_title_element(dom: &Dom, i: usize) -> bool {
    let tag = dom.tag(i);
    if tag.is_heading() {
        return tag != Tag::H1;
    }
    matches!(tag, Tag::P | Tag::Div | Tag::Span)
        && dom.end(i) <= i + MAX_SITE_TITLE_NODES
        && !(i + 1..dom.end(i)).any(|k| dom.tag(k).is_block())
}

/// Whether nothing shown comes between element `p` and node `t` inside it (no text but
/// blanks, pruned regions skipped): `t` opens `p`. Bounded by [`MAX_SITE_TITLE_NODES`].
fn opens(dom: &Dom, pruned: &[bool], p: usize, t: usize) -> bool {
    if t > p + MAX_SITE_TITLE_NODES {
        return false;
    }
    !shown_nodes(dom, pruned, p + 1, t)
        .any(|k| dom.tag(k) == Tag::Text && !dom.text_of(k).trim().is_empty())
}

/// Whether block `b` has sentence punctuation ([`count`]) in text outside its links; a block
/// of more than [`MAX_SITE_TITLE_NODES`] nodes counts as punctuated (it is no line of links).
fn punctuated_outside_links(dom: &Dom, pruned: &[bool], b: usize) -> bool {
    let end = dom.end(b);
    if end > b + MAX_SITE_TITLE_NODES {
        return true;
    }
    let mut in_link_until = 0usize;
    shown_nodes(dom, pruned, b + 1, end).any(|k| match dom.tag(k) {
        Tag::A => {
            in_link_until = in_link_until.max(dom.end(k));
            false
        }
        Tag::Text => k >= in_link_until && count(dom.text_of(k)).1 > 0,
        _ => false,
    })
}

/// In an article's root, prunes what a title of the site's own ([`site_title`]) opens: the
/// section it heads (the widest element of the root that it opens, at most half of the
/// root's text), or, when the title stands alone among the text's blocks, the title and the
/// blocks of links after it. A related-links box or an author's credit written into the
/// article's markup is still the site's, not the text's.
fn prune_site_titled(
    dom: &Dom,
    pruned: &mut [bool],
    raw: &[u32],
    chars: &[u32],
    link_chars: &[u32],
    root: usize,
) {
    let limit = chars.get(root).copied().unwrap_or(0) / 2;
    let end = dom.end(root);
    let mut i = root + 1;
    let mut title = String::new();
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        // Only a few words are read: longer elements are no title (their counted text
        // without blanks is shorter than the title's, so the test is loose).
        if dom.tag(i) == Tag::Text
            || raw.get(i).copied().unwrap_or(0) as usize > MAX_SITE_TITLE_CHARS
            || !is_title_element(dom, i)
            || dom.end(i) > i + MAX_SITE_TITLE_NODES
        {
            i += 1;
            continue;
        }
        title.clear();
        title.extend(
            shown_nodes(dom, pruned, i + 1, dom.end(i))
                .filter(|&k| dom.tag(k) == Tag::Text)
                .map(|k| dom.text_of(k)),
        );
        if !site_title(&title) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        // The widest element below the root that the title opens.
        let mut s = i;
        for _ in 0..MAX_SITE_TITLE_DEPTH {
            match dom.parent(s) {
                Some(p) if p != root && p > root && opens(dom, pruned, p, i) => s = p,
                _ => break,
            }
        }
        let own = chars.get(i).copied().unwrap_or(0);
        let section = chars.get(s).copied().unwrap_or(0);
        if section > own {
            // A section: the title and what it heads.
            if section <= limit
                && let Some(x) = pruned.get_mut(s)
            {
                *x = true;
            }
            i = dom.end(s).max(i + 1);
            continue;
        }
        // A title alone: it and the blocks of links after it go.
        if let Some(x) = pruned.get_mut(s) {
            *x = true;
        }
        let mut k = dom.next_sibling(s);
        while let Some(b) = k {
            if dom.tag(b) != Tag::Text && !pruned.get(b).copied().unwrap_or(true) {
                let c = chars.get(b).copied().unwrap_or(0);
                let l = link_chars.get(b).copied().unwrap_or(0);
                if c > 0 {
                    // Mostly links: headline links with labels ("\[VIDEO\]"), or links only (a
                    // paragraph citing many works, its own words punctuated, is text).
                    let links = (l as f32) >= MIN_LINK_PARAGRAPH_DENSITY * c as f32
                        || ((l as f32) >= MIN_SITE_RUN_LINK_SHARE * c as f32
                            && !punctuated_outside_links(dom, pruned, b));
                    if dom.tag(b).is_heading() || !links {
                        break;
                    }
                    if let Some(x) = pruned.get_mut(b) {
                        *x = true;
                    }
                }
            } else if dom.tag(b) == Tag::Text && !dom.text_of(b).trim().is_empty() {
                break;
            }
            k = dom.next_sibling(b);
        }
        i = dom.end(s).max(i + 1);
    }
}

/// Longest title (characters) of a shop policy section ([`headed_by_policy`]). Our choice:
/// a few words ("Shipping, Returns & Warranty").
const MAX_POLICY_TITLE_CHARS: usize = 40;

/// Most nodes of such a title: a heading, its toggle button and an icon.
const MAX_POLICY_TITLE_NODES: usize = 24;

/// Words of a shop's policy titles: delivery, returns and refunds, payment, warranty.
const POLICY_WORDS: &[&str] = &[
    "shipping", "delivery", "returns", "refund", "refunds", "payment", "payments", "warranty",
];

/// The text of the short title that opens section `i`, if it opens with one: its first
/// element, or the first inside at most `wrappers` block wrappers (a widget's header box),
/// with no text before it, that is a heading below `<h1>` (or an element of ARIA role
/// `heading`: a widget's label drawn as one), an accordion's toggle `<button>`,
/// a `<details>`'s `<summary>` or, inside a wrapper, a bold line ([`bold_line`]), of at
/// most [`MAX_POLICY_TITLE_NODES`] nodes and `max_chars` characters. The title's text is written to `buf` (cleared
/// first; a buffer reused across the elements of a root, so that no title allocates).
fn opening_title<'b>(
    dom: &Dom,
    i: usize,
    wrappers: usize,
    max_chars: usize,
    buf: &'b mut String,
) -> Option<&'b str> {
    let end = dom.end(i);
    let mut k = i + 1;
    let mut passed = 0;
    while k < end {
        let tag = dom.tag(k);
        if tag == Tag::Text {
            if !dom.text_of(k).trim().is_empty() {
                return None;
            }
            k += 1;
            continue;
        }
        // A script or a hidden field between the wrapper and its title shows nothing.
        if matches!(tag, Tag::Script | Tag::Style | Tag::Template | Tag::Input) {
            k = dom.end(k).max(k + 1);
            continue;
        }
        let title = (tag.is_heading() && tag != Tag::H1)
            || matches!(tag, Tag::Button | Tag::Summary)
            || aria_heading(dom, k)
            || (passed > 0 && bold_line(dom, k));
        if !title {
            if passed >= wrappers || !tag.is_block() {
                return None;
            }
            passed += 1;
            k += 1;
            continue;
        }
        if dom.end(k) > k + MAX_POLICY_TITLE_NODES {
            return None;
        }
        title_words(dom, k, buf);
        return (buf.trim().chars().count() <= max_chars).then_some(buf.as_str());
    }
    None
}

/// Whether `k` is a line of bold text (`<strong>`, `<b>`) that its wrapper holds alone, with
/// no text after it: a title drawn in bold rather than as a heading (a widget's
/// `<div><strong>Customer Reviews</strong></div>`). A bold phrase opening a paragraph has the
/// paragraph's text after it.
fn bold_line(dom: &Dom, k: usize) -> bool {
    if !matches!(dom.tag(k), Tag::Strong | Tag::B) {
        return false;
    }
    let Some(p) = dom.parent(k) else {
        return false;
    };
    (dom.end(k)..dom.end(p)).all(|t| dom.tag(t) == Tag::Text && dom.text_of(t).trim().is_empty())
}

/// Writes the words of title `k` to `buf` (cleared first): its text but for its links, which
/// are the title's actions ("See all", "Your preferences", "Write a review"), unless the
/// whole title is a link.
fn title_words(dom: &Dom, k: usize, buf: &mut String) {
    buf.clear();
    let mut t = k + 1;
    while t < dom.end(k) {
        if dom.tag(t) == Tag::A {
            t = dom.end(t).max(t + 1);
            continue;
        }
        buf.push_str(dom.text_of(t));
        t += 1;
    }
    if buf.trim().is_empty() {
        dom.subtree_text(k, buf);
    }
}

/// Whether element `k` is a heading by its ARIA role (`role="heading"`).
fn aria_heading(dom: &Dom, k: usize) -> bool {
    dom.attr(k, Attr::Role)
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("heading"))
}

/// Whether one of the words of `t` (split at non-alphanumerics) is one of `words`, ignoring
/// case.
fn has_word(t: &str, words: &[&str]) -> bool {
    t.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// Whether the first element inside `i` is a short title that names a shop's policies
/// ([`POLICY_WORDS`], see [`opening_title`]); `i` is the section (or accordion item) that it
/// titles.
fn headed_by_policy(dom: &Dom, i: usize, buf: &mut String) -> bool {
    opening_title(dom, i, 0, MAX_POLICY_TITLE_CHARS, buf).is_some_and(|t| has_word(t, POLICY_WORDS))
}

/// Most ancestors of a suggestions title climbed to find the section it opens
/// ([`prune_suggestions`]): a carousel's title sits in a few wrappers. Our choice.
const MAX_SUGGESTION_TITLE_DEPTH: usize = 12;
/// Most nodes before a title inside the section it opens (icons, empty wrappers). Our choice.
const MAX_BEFORE_TITLE_NODES: usize = 64;

/// On a product page, a section opened by a heading (`<h2>` to `<h6>`, at most
/// [`MAX_POLICY_TITLE_CHARS`] characters) that names the shop's suggestions
/// ([`SUGGESTION_TITLE_WORDS`]: "Related products", "You may also like", "Frequently bought
/// together", "Similar items") is its carousel of other products, whatever its class names,
/// as the recommendation class words are: pruned. The section is the highest ancestor of the
/// heading that shows no text before it, holds no `<h1>` (the product's own box) and at most
/// half the root's text.
fn prune_suggestions(dom: &Dom, pruned: &mut [bool], raw: &[u32], has_h1: &[bool], root: usize) {
    let limit = raw.get(root).copied().unwrap_or(0) / 2;
    let mut text = String::new();
    walk_shown(dom, pruned, root, |h, pruned| {
        let tag = dom.tag(h);
        if !(tag.is_heading() && tag != Tag::H1) || dom.end(h) > h + MAX_POLICY_TITLE_NODES {
            return None;
        }
        title_words(dom, h, &mut text);
        if text.trim().len() > MAX_POLICY_TITLE_CHARS || !has_word(&text, SUGGESTION_TITLE_WORDS) {
            return Some(h);
        }
        let mut section = h;
        for _ in 0..MAX_SUGGESTION_TITLE_DEPTH {
            let Some(p) = dom.parent(section).filter(|&p| p > root) else {
                break;
            };
            if raw.get(p).copied().unwrap_or(0) > limit
                || has_h1.get(p).copied().unwrap_or(true)
                || h > p + MAX_BEFORE_TITLE_NODES
                || (p + 1..h)
                    .any(|k| dom.tag(k) == Tag::Text && raw.get(k).copied().unwrap_or(0) > 0)
            {
                break;
            }
            section = p;
        }
        if section != h
            && let Some(x) = pruned.get_mut(section)
        {
            *x = true;
        }
        Some(section)
    });
}

/// Longest contact box (characters) beside a product ([`prune_contact_boxes`]): a question
/// and a sentence giving an address and a phone number. Our choice.
pub const MAX_CONTACT_BOX_CHARS: u32 = 300;

/// On a product page, the highest element around a phone link (`href="tel:..."`) that holds
/// at most [`MAX_CONTACT_BOX_CHARS`] characters and no `<h1>`, climbing through wrappers of
/// one block with text and once through one of two (the question joining the sentence that
/// answers it; another such step would take in something else: a short table of
/// specifications beside the box), is the shop's contact box ("Any questions
/// about this product? Call us at ..."): pruned. A product's description gives no number to
/// call; the shop's support does.
fn prune_contact_boxes(dom: &Dom, pruned: &mut [bool], raw: &[u32], has_h1: &[bool], root: usize) {
    walk_shown(dom, pruned, root, |a, pruned| {
        let phone = dom.tag(a) == Tag::A
            && dom.attr(a, Attr::Href).is_some_and(|h| {
                h.trim_start()
                    .get(..4)
                    .is_some_and(|s| s.eq_ignore_ascii_case("tel:"))
            });
        if !phone {
            return None;
        }
        let mut b = a;
        // Whether the question has joined the sentence: a second such step would join
        // something else.
        let mut joined = false;
        while let Some(p) = dom.parent(b).filter(|&p| p > root) {
            if raw.get(p).copied().unwrap_or(0) > MAX_CONTACT_BOX_CHARS
                || has_h1.get(p).copied().unwrap_or(true)
            {
                break;
            }
            match shown_children(dom, raw, p, 3) {
                0 | 1 => {}
                2 if !joined => joined = true,
                _ => break,
            }
            b = p;
        }
        if let Some(x) = pruned.get_mut(b) {
            *x = true;
        }
        Some(b)
    });
}

/// Most children of an element read by [`shown_children`]; past them it counts as full.
const MAX_SHOWN_CHILDREN_READ: usize = 64;

/// How many block children of `p` hold text (before pruning), counted up to `cap`: its lines
/// (inline children, a sentence's links, are parts of one). An element with more than
/// [`MAX_SHOWN_CHILDREN_READ`] children counts `cap`.
fn shown_children(dom: &Dom, raw: &[u32], p: usize, cap: usize) -> usize {
    let mut n = 0;
    let mut c = p + 1;
    let mut read = 0;
    while c < dom.end(p) && n < cap {
        if read == MAX_SHOWN_CHILDREN_READ {
            return cap;
        }
        read += 1;
        if dom.tag(c).is_block() && raw.get(c).copied().unwrap_or(0) > 0 {
            n += 1;
        }
        c = dom.end(c).max(c + 1);
    }
    n
}

/// Words of the titles of a shop's suggestions of other products ([`prune_suggestions`]):
/// "Related products", "Recommended for you", "You may also like", "Customers also bought",
/// "Frequently bought together", "Similar items".
const SUGGESTION_TITLE_WORDS: &[&str] = &[
    "related",
    "recommended",
    "recommendations",
    "similar",
    "also",
    "together",
    "similaires",
    "complémentaires",
];

/// Words naming the customers in a reviews section's title ([`headed_by_reviews`]).
const CUSTOMER_WORDS: &[&str] = &["customer", "customers", "clients", "kundenbewertungen"];

/// Words of the titles of customer reviews sections ([`headed_by_reviews`]), in a few
/// languages: "Customer Reviews", "Ratings & Reviews", "Bewertungen", "Opiniones".
const REVIEW_TITLE_WORDS: &[&str] = &[
    "reviews",
    "ratings",
    "testimonials",
    "bewertungen",
    "kundenbewertungen",
    "rezensionen",
    "opiniones",
    "reseñas",
    "recensioni",
];

/// Longest title (characters) read for a product's customer reviews ([`headed_by_reviews`]),
/// the product's name included: a shop titles them with the name ("2 reviews for Walnut
/// Pour-Over Coffee Stand", WooCommerce's template), which does not count against
/// [`MAX_POLICY_TITLE_CHARS`]. Our choice: a name of a dozen words.
const MAX_REVIEW_TITLE_CHARS: usize = 120;

/// Wrappers looked through for the title opening a section ([`headed_by_reviews`]): a
/// widget's header box around its heading. Our choice.
const MAX_TITLE_WRAPPERS: usize = 3;

/// The product's name: the text of the first `<h1>` in the root, else in the body, trimmed
/// (empty when there is none).
fn product_name(dom: &Dom, root: usize, body: usize) -> String {
    let mut name = String::new();
    if let Some(h) = (root..dom.end(root))
        .chain(body..dom.end(body))
        .find(|&k| dom.tag(k) == Tag::H1)
    {
        dom.subtree_text(h, &mut name);
    }
    name.trim().to_owned()
}

/// Whether element `i` opens (through at most [`MAX_TITLE_WRAPPERS`] first wrappers, no text
/// before; see [`opening_title`]) with a short title naming customer reviews
/// ([`REVIEW_TITLE_WORDS`]). `i` is the reviews section it titles. On a product page a title
/// naming the customers alone ("Customers say", "What our customers think") is one too; off
/// one (`product` false) the title must name both. A title naming editorial reviews (the
/// publisher's blurbs and critics' quotes of a book) is none: they describe the product.
/// `name` is the product's name (its `<h1>`'s text, empty off a product page): in the title
/// it is not counted against the title's length.
fn headed_by_reviews(dom: &Dom, i: usize, product: bool, name: &str, buf: &mut String) -> bool {
    let max = if product {
        MAX_REVIEW_TITLE_CHARS
    } else {
        MAX_POLICY_TITLE_CHARS
    };
    opening_title(dom, i, MAX_TITLE_WRAPPERS, max, buf).is_some_and(|t| {
        let named = !name.is_empty() && t.contains(name);
        let own =
            t.trim()
                .chars()
                .count()
                .saturating_sub(if named { name.chars().count() } else { 0 });
        if own > MAX_POLICY_TITLE_CHARS {
            false
        } else if has_word(t, &["editorial"]) {
            // The publisher's and critics' reviews ("Editorial Reviews") describe the
            // product: they are its text, not its customers' reviews.
            false
        } else if product {
            has_word(t, REVIEW_TITLE_WORDS) || has_word(t, CUSTOMER_WORDS)
        } else {
            has_word(t, REVIEW_TITLE_WORDS) && has_word(t, CUSTOMER_WORDS)
        }
    })
}

/// Most nodes of a container read by [`aria_copies`] (bounds the work on nested
/// containers). Our choice: a product card with its swatches takes a few hundred.
const MAX_ARIA_CONTAINER_NODES: usize = 2000;
/// Most containers read by [`aria_copies`] (bounds the work on hostile pages of thousands of
/// nested named containers). Our choice: a grid of cards names a few dozen.
const MAX_ARIA_CONTAINERS: usize = 500;
/// Most characters of an element taken for a container's name or description by
/// [`aria_copies`]: a name and a sentence or two.
const MAX_ARIA_COPY_CHARS: u32 = 300;

/// Most nodes of a `<form>` read by [`form_boxes`]: a longer one is not a small form (and
/// the bound keeps the scan linear on hostile pages).
const MAX_FORM_NODES: usize = 1024;
/// Most characters of a form's own text (labels, notes, button; its drop-downs' options
/// aside) for [`form_boxes`]. Our choice: a comment or contact form's labels and a line or
/// two of notes.
const MAX_FORM_CHARS: u32 = 600;
/// Most characters a form's wrapper may add to it (a heading, a line of notes). Our choice.
const MAX_FORM_WRAPPER_EXTRA: u32 = 200;
/// Most ancestors of a form climbed for its wrapper. Our choice.
const MAX_FORM_WRAPPER_DEPTH: usize = 6;

/// Whether `i` is a control that sends its form: a submit or image input, or a button (not
/// a reset one).
fn is_submit_control(dom: &Dom, i: usize) -> bool {
    let t = dom.attr(i, Attr::Type).map(str::trim);
    match dom.tag(i) {
        Tag::Input => {
            t.is_some_and(|t| t.eq_ignore_ascii_case("submit") || t.eq_ignore_ascii_case("image"))
        }
        Tag::Button => !t.is_some_and(|t| t.eq_ignore_ascii_case("reset")),
        _ => false,
    }
}

/// The forms a reader fills in and sends (a comment form, a contact form, a newsletter
/// sign-up, a search box), each with the small box around it that holds its heading and
/// notes: a `<form>` of at most [`MAX_FORM_NODES`] nodes holding a text field and a control
/// that sends it, with at most [`MAX_FORM_CHARS`] of its own text and not the page's title;
/// the box is its outermost ancestor (of [`MAX_FORM_WRAPPER_DEPTH`]) adding at most
/// [`MAX_FORM_WRAPPER_EXTRA`] characters and no `<h1>`, not a child of `<body>`. What one
/// types into is not what the page says. Empty when the page has none.
fn form_boxes(
    dom: &Dom,
    raw: &[u32],
    select_raw: &[u32],
    has_h1: &[bool],
    body: usize,
) -> Vec<bool> {
    let mut boxes: Vec<bool> = Vec::new();
    let end = dom.end(body);
    // Forms read so far end before `next`: each node is read once, even in nested forms.
    let mut next = body + 1;
    for f in body + 1..end {
        if f < next || dom.tag(f) != Tag::Form || dom.end(f).saturating_sub(f) > MAX_FORM_NODES {
            continue;
        }
        next = dom.end(f);
        let own = raw.get(f).copied().unwrap_or(0);
        if own.saturating_sub(select_raw.get(f).copied().unwrap_or(0)) > MAX_FORM_CHARS
            || has_h1.get(f).copied().unwrap_or(false)
        {
            continue;
        }
        let (mut field, mut submit) = (false, false);
        for k in f + 1..dom.end(f) {
            let tag = dom.tag(k);
            field |= is_text_field(dom, k, tag);
            submit |= is_submit_control(dom, k);
        }
        if !(field && submit) {
            continue;
        }
        let mut top = f;
        for p in dom.ancestors(f).take(MAX_FORM_WRAPPER_DEPTH) {
            if p == body
                || has_h1.get(p).copied().unwrap_or(false)
                || raw.get(p).copied().unwrap_or(0).saturating_sub(own) > MAX_FORM_WRAPPER_EXTRA
            {
                break;
            }
            top = p;
        }
        // A box straight under `<body>` is the site's frame around every page (a sign-up
        // bar), outside any content root: left to the root choice, whose shares it is part
        // of.
        if dom.parent(top) == Some(body) {
            continue;
        }
        if boxes.is_empty() {
            boxes = vec![false; dom.nodes.len()];
        }
        if let Some(b) = boxes.get_mut(top) {
            *b = true;
        }
    }
    boxes
}

/// The page's elements by id, the first of each id (as `getElementById` finds it).
fn id_index(dom: &Dom) -> std::collections::HashMap<&str, usize, ahash::RandomState> {
    // aHash: keys are the page's own ids.
    let mut ids: std::collections::HashMap<&str, usize, ahash::RandomState> =
        std::collections::HashMap::default();
    for i in 0..dom.nodes.len() {
        if let Some(id) = dom.attr(i, Attr::Id) {
            ids.entry(id).or_insert(i);
        }
    }
    ids
}

/// Most nodes of a tab's list looked at by [`is_tab`] for the selected tab.
const MAX_TAB_LIST_NODES: usize = 64;

/// Whether `t` is a tab: it or an element of its list (its parent's or grandparent's
/// subtree, up to [`MAX_TAB_LIST_NODES`] nodes) is marked `aria-selected`, as WAI-ARIA's tab
/// pattern marks the tabs (or only the selected one).
fn is_tab(dom: &Dom, t: usize) -> bool {
    if dom.attr(t, Attr::AriaSelected).is_some() {
        return true;
    }
    let mut a = t;
    for _ in 0..2 {
        let Some(p) = dom.parent(a) else { return false };
        a = p;
        let end = dom.end(a).min(a + MAX_TAB_LIST_NODES);
        if (a + 1..end).any(|k| dom.attr(k, Attr::AriaSelected).is_some()) {
            return true;
        }
    }
    false
}

/// Hidden elements (by attribute, style or class) tied to a tab ([`is_tab`]) before them in
/// the page, which names them (`aria-labelledby`) or switches them (`aria-controls`): the
/// other panels of a tab widget (`<a aria-controls=p2>macOS</a> ... <div id=p2 hidden>`),
/// the page's content one click away even when their `role=tabpanel` is missing. Empty when
/// the page ties nothing so.
fn labelled_panels(dom: &Dom) -> Vec<bool> {
    if !dom
        .attrs
        .iter()
        .any(|&(a, _, _)| matches!(a, Attr::AriaLabelledby | Attr::AriaControls))
    {
        return Vec::new();
    }
    let n = dom.nodes.len();
    let ids = id_index(dom);
    let mut out = vec![false; n];
    let hidden = |x: usize| hidden_state(dom, x, &dom.class_hints(x));
    for i in 0..n {
        if let Some(labels) = dom.attr(i, Attr::AriaLabelledby)
            && labels.split_ascii_whitespace().any(|id| {
                ids.get(id)
                    .is_some_and(|&t| t < i && dom.attr(t, Attr::AriaSelected).is_some())
            })
            && hidden(i)
            && let Some(x) = out.get_mut(i)
        {
            *x = true;
        }
        if let Some(panels) = dom.attr(i, Attr::AriaControls) {
            for id in panels.split_ascii_whitespace() {
                if let Some(&x) = ids.get(id)
                    && x > dom.end(i)
                    && !out.get(x).copied().unwrap_or(true)
                    && hidden(x)
                    && is_tab(dom, i)
                    && let Some(o) = out.get_mut(x)
                {
                    *o = true;
                }
            }
        }
    }
    out
}

/// The elements a container names or describes itself by (`aria-labelledby`,
/// `aria-describedby` give their ids) when they sit inside it and the name repeats text the
/// container shows elsewhere (a product card's name in its title link): the container's
/// accessible name and description written out for screen readers (a list of "Product
/// name / Product details / Product link" after each card), which a stylesheet keeps off
/// the screen whatever its class is called. Headings, captions, legends and labels name
/// their container on screen and are no copies; nor are the names of links and buttons
/// (their own text). Empty when the page has no such container.
fn aria_copies(dom: &Dom, raw: &[u32]) -> Vec<bool> {
    let named = |i: usize| {
        dom.attr(i, Attr::AriaLabelledby).is_some()
            && !matches!(
                dom.tag(i),
                Tag::A
                    | Tag::Button
                    | Tag::Input
                    | Tag::Select
                    | Tag::Textarea
                    | Tag::Label
                    | Tag::Svg
                    | Tag::Img
            )
            && dom.end(i) <= i + MAX_ARIA_CONTAINER_NODES
    };
    let n = dom.nodes.len();
    // Most pages name nothing so: one look over the attributes spares the walk.
    if !dom.attrs.iter().any(|&(a, _, _)| a == Attr::AriaLabelledby) {
        return Vec::new();
    }
    let containers: Vec<usize> = (0..n)
        .filter(|&i| named(i))
        .take(MAX_ARIA_CONTAINERS)
        .collect();
    if containers.is_empty() {
        return Vec::new();
    }
    let ids = id_index(dom);
    let mut out = vec![false; n];
    let mut text = String::new();
    for &c in &containers {
        let end = dom.end(c);
        // The container's own elements among those `attr` lists, copies if short and no
        // heading, caption, legend or label.
        let inside = |attr: Attr| -> Vec<usize> {
            dom.attr(c, attr)
                .into_iter()
                .flat_map(str::split_ascii_whitespace)
                .filter_map(|id| ids.get(id).copied())
                .filter(|&t| {
                    c < t
                        && t < end
                        && raw.get(t).copied().unwrap_or(0) <= MAX_ARIA_COPY_CHARS
                        && (t..dom.end(t)).all(|k| {
                            !dom.tag(k).is_heading()
                                && !matches!(
                                    dom.tag(k),
                                    Tag::Caption | Tag::Figcaption | Tag::Legend | Tag::Label
                                )
                                && dom.attr(k, Attr::Role) != Some("heading")
                        })
                })
                .collect()
        };
        let labels = inside(Attr::AriaLabelledby);
        // The name repeats a text of the container outside it.
        let repeated = labels.iter().any(|&t| {
            text.clear();
            dom.subtree_text(t, &mut text);
            let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
            !name.is_empty()
                && (c + 1..end).any(|k| {
                    !(t..dom.end(t)).contains(&k)
                        && dom.tag(k) == Tag::Text
                        && dom.text_of(k).split_whitespace().eq(name.split(' '))
                })
        });
        if !repeated {
            continue;
        }
        let copies: Vec<usize> = labels
            .into_iter()
            .chain(inside(Attr::AriaDescribedby))
            .collect();
        // Copies gathered in one block of the container (a `<dl>` of "Product name", the
        // name, "Product details", the description) take the block along: its terms and
        // other entries are for screen readers too, unless it holds a link or an image.
        let mut block = copies.first().and_then(|&t| dom.parent(t));
        while let Some(p) = block
            && p > c
            && !copies.iter().all(|&t| p < t && t < dom.end(p))
        {
            block = dom.parent(p);
        }
        let block = block.filter(|&p| {
            copies.len() >= 2
                && p > c
                && raw.get(p).copied().unwrap_or(0) <= 2 * MAX_ARIA_COPY_CHARS
                && (p..dom.end(p)).all(|k| !matches!(dom.tag(k), Tag::A | Tag::Img))
        });
        for t in block.map_or(copies, |p| vec![p]) {
            if let Some(x) = out.get_mut(t) {
                *x = true;
            }
        }
    }
    out
}

/// Whether screen-reader text `i` follows a `<del>` or `<ins>` (whitespace between): it
/// spells out the struck-out or new price shown beside it ("Original price was: $24.95.",
/// WooCommerce's sale price markup), and reads as part of the record.
fn spoken_price(dom: &Dom, i: usize) -> bool {
    let mut k = i;
    while let Some(s) = dom.previous_sibling(k) {
        match dom.tag(s) {
            Tag::Text if dom.text_of(s).trim().is_empty() => k = s,
            Tag::Del | Tag::Ins => return true,
            _ => return false,
        }
    }
    false
}

/// Most ancestors looked at for a `<pre>` or `<code>` around an element. Highlighters nest
/// their tokens one or two deep. Our choice.
const MAX_CODE_DEPTH: usize = 6;

/// Whether element `i` is inside a `<pre>` or `<code>` (or is one), within
/// [`MAX_CODE_DEPTH`] ancestors.
fn in_code(dom: &Dom, i: usize) -> bool {
    dom.ancestors(i)
        .take(MAX_CODE_DEPTH + 1)
        .any(|k| matches!(dom.tag(k), Tag::Pre | Tag::Code))
}

/// Whether the inline element `i` stands inside a run of text: a sibling right before or
/// after it is non-blank text (`$20 <small>per month</small>`, `H<small>2</small>O`).
fn inside_sentence(dom: &Dom, i: usize) -> bool {
    let text = |k: usize| dom.tag(k) == Tag::Text && !dom.text_of(k).trim().is_empty();
    dom.previous_sibling(i).is_some_and(text) || dom.next_sibling(i).is_some_and(text)
}

/// Most inline wrappers climbed by [`in_running_text`]. Our choice.
const MAX_INLINE_WRAPPERS: usize = 4;

/// Whether the inline element `i`, or an inline element wrapping it (up to
/// [`MAX_INLINE_WRAPPERS`] levels), stands inside a run of text ([`inside_sentence`]): a
/// link styled as a button in a sentence is part of the sentence.
fn in_running_text(dom: &Dom, i: usize) -> bool {
    dom.ancestors(i)
        .take(MAX_INLINE_WRAPPERS)
        .take_while(|&k| !dom.tag(k).is_block())
        .any(|k| inside_sentence(dom, k))
}

/// Whether the whole text of element `i` is one text node holding a JSON object or array of
/// objects (`{"key":...}`, `[{"key":...}]`): a script's data left in the markup (a hidden
/// price store, a widget's state), never text to read. Code samples stand in `<pre>` or
/// `<code>`.
fn is_json_text(dom: &Dom, i: usize) -> bool {
    if dom.end(i) != i + 2 || dom.tag(i + 1) != Tag::Text {
        return false;
    }
    let t = dom.text_of(i + 1).trim_start();
    if !(t.starts_with("{\"") || t.starts_with("[{\"")) {
        return false;
    }
    let t = t.trim_end();
    (t.ends_with('}') || t.ends_with(']')) && t.contains("\":")
}

/// Shortest JSON text pruned by [`is_json_text`] (`{"a":1}`): bounds the test to texts that
/// may be data.
const MIN_JSON_CHARS: u32 = 7;

/// Shortest text that reads as a machine identifier (a UUID has 36 characters).
pub const MIN_IDENTIFIER_CHARS: u32 = 32;

/// Most nodes (elements and texts) of an element [`is_hex_identifier`] looks into: an
/// identifier is one text in a wrapper or two. Bounds the walk on nested wrappers.
const MAX_IDENTIFIER_NODES: usize = 16;

/// An element whose whole text is one machine identifier (a UUID or a long hexadecimal hash,
/// as scripts leave in pages to obfuscate or track): no words of the page.
fn is_hex_identifier(dom: &Dom, i: usize, raw: u32) -> bool {
    if !(MIN_IDENTIFIER_CHARS..=2 * MIN_IDENTIFIER_CHARS).contains(&raw)
        || dom.end(i).saturating_sub(i) > MAX_IDENTIFIER_NODES
    {
        return false;
    }
    let mut digits = 0u32;
    for k in i + 1..dom.end(i) {
        if dom.tag(k) != Tag::Text {
            continue;
        }
        let t = dom.text_of(k).trim();
        if t.is_empty() {
            continue;
        }
        if t.split_whitespace().nth(1).is_some()
            || !t.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
        {
            return false;
        }
        digits += t.chars().filter(char::is_ascii_digit).count() as u32;
    }
    // A word spelled in hexadecimal letters only (`deadbeef`) has no digits.
    digits * 4 >= raw
}

/// A block of placeholder text: a block with no blocks inside whose text opens with the
/// typesetters' dummy text ("Lorem ipsum"), left in templates and hidden by their styles.
fn is_placeholder_text(dom: &Dom, i: usize) -> bool {
    // One walk that stops at the first block or at a first text that is no dummy text: on
    // nested wrappers each is asked, so a walk of the whole subtree would be quadratic.
    let mut opens = false;
    for k in i + 1..dom.end(i) {
        let tag = dom.tag(k);
        if tag.is_block() {
            return false;
        }
        if !opens && tag == Tag::Text {
            let t = dom.text_of(k).trim_start();
            if t.is_empty() {
                continue;
            }
            if !t
                .get(..11)
                .is_some_and(|p| p.eq_ignore_ascii_case("lorem ipsum"))
            {
                return false;
            }
            opens = true;
        }
    }
    opens
}

/// Longest block read as a forum script's notice ([`is_forum_notice`]). Our choice.
const MAX_FORUM_NOTICE_CHARS: u32 = 160;

/// A block with no blocks inside whose text a forum's script writes, never a poster: the
/// expander under a long quote ("Click to expand...", a control for the quote's hidden
/// end), or the count of those viewing the page ("0 Members and 1 Guest are viewing this
/// topic.", "Users browsing this thread: 1 Guest(s)": a count of guests and a verb of
/// viewing). The words are the forum software's own (SMF, vBulletin, phpBB, MyBB,
/// XenForo), the same on every board.
fn is_forum_notice(dom: &Dom, i: usize) -> bool {
    // The block's text, lowercased, in a buffer on the stack (no allocation: every short
    // block is asked).
    // First the cheap test: no block inside, and a word of a notice somewhere.
    let mut word = false;
    for k in i + 1..dom.end(i) {
        let tag = dom.tag(k);
        if tag.is_block() {
            return false;
        }
        if tag == Tag::Text && !word {
            let t = dom.text_of(k);
            word = t.contains("uest") || t.contains("xpand");
        }
    }
    if !word {
        return false;
    }
    let mut buf = [0u8; 4 * MAX_FORUM_NOTICE_CHARS as usize];
    let mut n = 0;
    for k in i + 1..dom.end(i) {
        if dom.tag(k) == Tag::Text {
            let b = dom.text_of(k).as_bytes();
            if n + 1 + b.len() > buf.len() {
                return false;
            }
            buf[n] = b' ';
            buf[n + 1..n + 1 + b.len()].copy_from_slice(b);
            n += 1 + b.len();
        }
    }
    buf[..n].make_ascii_lowercase();
    // Whole texts joined by spaces: still UTF-8.
    let Ok(t) = std::str::from_utf8(&buf[..n]) else {
        return false;
    };
    let t = t.trim();
    let bare = t.trim_end_matches(['.', '\u{2026}', ' ']);
    if matches!(
        bare,
        "click to expand" | "click here to expand" | "tap to expand"
    ) {
        return true;
    }
    let Some(g) = t.find("guest") else {
        return false;
    };
    // A count next to the guests ("1 guest", "guests: 1", "1 Guest(s)").
    let before = t[..g].trim_end();
    let counted = before.chars().rev().take(4).any(|c| c.is_ascii_digit())
        || t[g..].chars().take(12).any(|c| c.is_ascii_digit())
        || before.ends_with(" no");
    counted
        && ["viewing", "browsing", "reading this"]
            .iter()
            .any(|v| t.contains(v))
}

/// Whether an element sibling of `i` has a class word of `words` ([`class_has_word`]).
fn sibling_named(dom: &Dom, i: usize, words: &[&str]) -> bool {
    let Some(p) = dom.parent(i) else {
        return false;
    };
    let mut c = p + 1;
    while c < dom.end(p) {
        if c != i && dom.tag(c) != Tag::Text && class_has_word(dom, c, words) {
            return true;
        }
        c = dom.end(c).max(c + 1);
    }
    false
}

/// Longest text (characters) of a card of a person's portrait and biography.
pub const MAX_PORTRAIT_CARD_CHARS: u32 = 1200;
/// Most nodes (elements and texts) of a person's card: a portrait, a name, a few lines and
/// links take a few dozen. Our choice.
pub const MAX_PORTRAIT_CARD_NODES: usize = 200;

/// Longest honorific before a person's name (`Dr.`, `Prof.`, `Mrs.`).
const MAX_HONORIFIC_CHARS: usize = 5;

/// Whether `i` is a person's card: an image whose `alt` names the person (`photo of Jane
/// Doe`) and a text that starts with that name (`Jane Doe is the editor of ...`). Authors'
/// and reviewers' biographies after an article are about the writer, not the subject.
fn is_portrait_card(dom: &Dom, i: usize, in_link: bool) -> bool {
    let end = dom.end(i);
    // A card inside a link (`in_link`: `i` is a link or in one) is a card of another page (a
    // product, a story), not a portrait. Each wrapper of a card is asked in turn: bounding
    // the card's size keeps nested wrappers from making this quadratic.
    if in_link || end.saturating_sub(i) > MAX_PORTRAIT_CARD_NODES {
        return false;
    }
    let Some(img) = (i + 1..end).find(|&k| dom.tag(k) == Tag::Img) else {
        return false;
    };
    let Some(alt) = dom.attr(img, Attr::Alt) else {
        return false;
    };
    let Some(bio) = (i + 1..end)
        .filter(|&k| dom.tag(k) == Tag::Text)
        .map(|k| dom.text_of(k).trim())
        .max_by_key(|t| t.len())
        .filter(|t| t.len() >= MIN_PROSE_CHARS as usize)
    else {
        return false;
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.len() >= 2;
    // An honorific before the name (`Dr. Jane Doe is ...`, where the photo's `alt` reads
    // `photo of Jane Doe, MD`) is skipped: a short capitalised abbreviation.
    let mut raw = bio.split_whitespace().peekable();
    if raw
        .peek()
        .is_some_and(|w| w.len() <= MAX_HONORIFIC_CHARS && w.ends_with('.') && capital(w))
    {
        raw.next();
    }
    let mut words = raw.map(|w| w.trim_end_matches([',', '.']));
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return false;
    };
    if !(capital(a) && capital(b) && alt.contains(&format!("{a} {b}"))) {
        return false;
    }
    // A card with a price is a product's (a shop's tile whose screen-reader description
    // starts with the product's name, as its image's `alt` does), not a person's.
    let mut text = String::new();
    dom.subtree_text(i, &mut text);
    if holds_price(&text) {
        return false;
    }
    // So is a linked image. Checked last, up to the card.
    let mut p = dom.parent(img);
    while let Some(q) = p {
        if q <= i {
            break;
        }
        if dom.tag(q) == Tag::A {
            return false;
        }
        p = dom.parent(q);
    }
    true
}

/// Least list items of an `<aside>` in an article that holds the text's own list.
pub const MIN_ASIDE_LIST_ITEMS: usize = 3;

/// Whether `<aside>` element `i` holds a list of at least [`MIN_ASIDE_LIST_ITEMS`] items
/// whose text is mostly not links and holds at least half of its text: a box of the
/// article's own list (a recipe's ingredients, key facts, a summary's points) set beside the
/// text, not a list of links to other pages, nor a sidebar whose lists are a small part of
/// it (a community's description and rules over a few counts, in a page's `<main>`).
fn is_text_list_box(dom: &Dom, i: usize) -> bool {
    let end = dom.end(i);
    let (mut items, mut text, mut linked, mut listed) = (0usize, 0usize, 0usize, 0usize);
    let (mut in_link_until, mut in_item_until) = (0usize, 0usize);
    for k in i + 1..end {
        match dom.tag(k) {
            Tag::Li => {
                items += 1;
                in_item_until = in_item_until.max(dom.end(k));
            }
            Tag::A => in_link_until = in_link_until.max(dom.end(k)),
            Tag::Text => {
                let n = dom
                    .text_of(k)
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count();
                text += n;
                if k < in_link_until {
                    linked += n;
                }
                if k < in_item_until {
                    listed += n;
                }
            }
            _ => {}
        }
    }
    items >= MIN_ASIDE_LIST_ITEMS && linked * 2 < text && listed * 2 >= text
}

/// Most nodes of a callout box ([`is_callout`]): a title and a few paragraphs. Our choice;
/// it bounds the scan of every `<aside>` of an article.
pub const MAX_CALLOUT_NODES: usize = 100;

/// Whether `<aside>` element `i` is a callout of the text around it (a box explaining a term,
/// a key fact set apart): it stands between two of the text's own blocks (a paragraph, a
/// heading, a list or a quote on each side) and holds a long paragraph whose text is mostly
/// not links. A sidebar, a related-links box or an author's card sits beside or after the
/// text, not inside its run.
fn is_callout(dom: &Dom, i: usize, facts: &PageFacts<'_>) -> bool {
    let end = dom.end(i);
    if facts.para.get(i).copied().unwrap_or(0) == 0 || end.saturating_sub(i) > MAX_CALLOUT_NODES {
        return false;
    }
    let text_block = |k: Option<usize>| {
        k.is_some_and(|k| {
            let t = dom.tag(k);
            matches!(t, Tag::P | Tag::Ul | Tag::Ol | Tag::Blockquote)
                || (t.is_heading() && t != Tag::H1)
        })
    };
    if !text_block(next_element_sibling(dom, i)) || !text_block(previous_element_sibling(dom, i)) {
        return false;
    }
    let (mut text, mut linked) = (0usize, 0usize);
    let mut in_link_until = 0usize;
    for k in i + 1..end {
        match dom.tag(k) {
            Tag::A => in_link_until = in_link_until.max(dom.end(k)),
            Tag::Text => {
                let n = dom.text_of(k).trim().len();
                text += n;
                if k < in_link_until {
                    linked += n;
                }
            }
            _ => {}
        }
    }
    linked * 4 < text
}

/// The previous element sibling of `i`, past blank text ([`element_sibling`]).
fn previous_element_sibling(dom: &Dom, i: usize) -> Option<usize> {
    element_sibling(dom, i, Dom::previous_sibling)
}

/// Marks that documentation and blog generators give the permalink of a heading or an API
/// member (Sphinx, MkDocs and texinfo `¶`, rustdoc `§`, Hugo and Jekyll themes `#`, `🔗`).
const PERMALINK_MARKS: &[&str] = &["¶", "§", "#", "🔗"];

/// A link to a place on the same page (`href="#..."`) whose whole text is a permalink mark:
/// the heading's own address, no text of the page.
fn is_permalink(dom: &Dom, i: usize) -> bool {
    let end = dom.end(i);
    if end > i + 3 || !dom.attr(i, Attr::Href).is_some_and(|h| h.starts_with('#')) {
        return false;
    }
    // The mark is one text (`<a>¶</a>`, `<a><span>#</span></a>`): at most two nodes to read.
    let mut texts = (i + 1..end)
        .map(|k| dom.text_of(k).trim())
        .filter(|t| !t.is_empty());
    matches!((texts.next(), texts.next()), (Some(t), None) if PERMALINK_MARKS.contains(&t))
}

/// Longest text (characters) of a pager's link ([`is_pager_link`]): a page number, an arrow,
/// "Next page", "Older posts". Our choice.
pub const MAX_PAGER_LINK_CHARS: u32 = 16;

/// Query parameters numbering the pages of a list (`?page=2`, WordPress `?paged=2`).
const PAGE_PARAMS: &[&str] = &["page", "paged", "pg", "pagenum", "page_num", "pagenumber"];

/// Whether link `i` leads to another page of the list it closes: it points at a page number
/// (`?page=2`, `&paged=3`, `/page/4/`). The caller bounds its text: a pager's link is a
/// number, an arrow or a word or two ("Next page ›"); a longer link to such an address is a
/// record's title. (`rel=next` is no such mark: sites put it on an article's link to the
/// next article, and on links in running text.) Pruned inside the root only, once it is
/// chosen: a pager's links weigh in the choice like the records beside them.
fn is_pager_link(dom: &Dom, i: usize) -> bool {
    let Some(href) = dom.attr(i, Attr::Href) else {
        return false;
    };
    let href = href.split('#').next().unwrap_or("");
    let numbered = |v: &str| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    query.split(['&', ';']).any(|kv| {
        kv.split_once('=').is_some_and(|(k, v)| {
            PAGE_PARAMS.iter().any(|p| k.eq_ignore_ascii_case(p)) && numbered(v)
        })
    }) || {
        let mut segs = path.trim_end_matches('/').rsplit('/');
        let last = segs.next().unwrap_or("");
        numbered(last) && segs.next().is_some_and(|s| s.eq_ignore_ascii_case("page"))
    }
}

/// A class holding `readmore`, or `read` followed by `more` (`read-more-big`, `read_more`).
fn names_read_more(dom: &Dom, i: usize) -> bool {
    dom.attr(i, Attr::Class).is_some_and(|c| {
        let mut prev = "";
        c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(|t| {
            let hit = t.eq_ignore_ascii_case("readmore")
                || (prev.eq_ignore_ascii_case("read") && t.eq_ignore_ascii_case("more"));
            prev = t;
            hit
        })
    })
}

/// Most nodes of a record read by [`prune_title_echoes`]. Our choice: a teaser's card.
const MAX_ECHO_RECORD_NODES: usize = 400;
/// Most words before a record's title in a link repeating it ("Read more about", "Continue
/// reading"). Our choice.
const MAX_ECHO_PREFIX_WORDS: usize = 4;
/// Fewest words of a record's title for a link repeating it to be read so. Our choice.
const MIN_ECHO_TITLE_WORDS: usize = 2;

/// Prunes, in the records of the root, the links that repeat the record's title after a few
/// words ("Read more about Library hours", "Continue reading Pruning apple trees": the
/// title sits in the link for screen readers, hidden by a class a hashed or utility-class
/// site does not name): the record's action link, whose words add nothing to its title.
/// A link inside a sentence ("offered at The Ohio State University") is the sentence's.
fn prune_title_echoes(dom: &Dom, pruned: &mut [bool], records: &[bool], root: usize) {
    let end = dom.end(root);
    let mut i = root + 1;
    while i < end {
        if pruned.get(i).copied().unwrap_or(true) {
            i = dom.end(i).max(i + 1);
            continue;
        }
        if !records.get(i).copied().unwrap_or(false) || dom.tag(i) == Tag::P {
            i += 1;
            continue;
        }
        let e = dom.end(i).min(i + MAX_ECHO_RECORD_NODES);
        let title = (i..e)
            .find(|&k| dom.tag(k).is_heading())
            .or_else(|| (i..e).find(|&k| dom.tag(k) == Tag::A));
        if let Some(t) = title {
            let name = shown_text(dom, pruned, t);
            let name = name.trim();
            if name.split_whitespace().count() >= MIN_ECHO_TITLE_WORDS {
                let mut k = dom.end(t);
                while k < e {
                    if dom.tag(k) == Tag::A
                        && !pruned.get(k).copied().unwrap_or(true)
                        && !in_running_text(dom, k)
                    {
                        let text = shown_text(dom, pruned, k);
                        let text = text.trim();
                        let cut = text.len().saturating_sub(name.len());
                        if cut > 0
                            && text
                                .get(cut..)
                                .is_some_and(|x| x.eq_ignore_ascii_case(name))
                            && text.get(..cut).is_some_and(|p| {
                                p.split_whitespace().count() <= MAX_ECHO_PREFIX_WORDS
                            })
                            && let Some(x) = pruned.get_mut(k)
                        {
                            *x = true;
                        }
                        k = dom.end(k).max(k + 1);
                        continue;
                    }
                    k += 1;
                }
            }
        }
        i = dom.end(i).max(i + 1);
    }
}

/// Longest text (characters) of a field named by a comment word. Our choice.
pub const MAX_COMMENT_FIELD_CHARS: u32 = 200;
/// Most nodes of such a field.
const MAX_COMMENT_FIELD_NODES: usize = 16;

/// Whether element `i`, named by a comment word, is a one-line field of text (a paper's
/// "Comments: 10 pages, 4 figures" in a list of papers) rather than a comment section: a
/// few words without links or blocks. A section of comments holds posts, a form or a
/// link ("3 Comments", "Leave a comment").
fn comment_field(dom: &Dom, i: usize, raw: &[u32]) -> bool {
    if raw.get(i).copied().unwrap_or(0) > MAX_COMMENT_FIELD_CHARS
        || dom.end(i) > i + MAX_COMMENT_FIELD_NODES
    {
        return false;
    }
    let mut words = 0;
    for k in i + 1..dom.end(i) {
        let t = dom.tag(k);
        if t == Tag::A || t == Tag::Button || t.is_block() || matches!(t, Tag::Li | Tag::Form) {
            return false;
        }
        if t == Tag::Text {
            words += dom.text_of(k).split_whitespace().count();
        }
    }
    words >= 3
}

/// Levels looked up from an `<aside>` for the `<blockquote>` holding it. Our choice.
const MAX_QUOTE_ASIDE_DEPTH: usize = 4;

/// Whether element `i` sits inside a `<blockquote>` (at most [`MAX_QUOTE_ASIDE_DEPTH`]
/// levels up): an `<aside>` there is part of the quoted text (XenForo 1 writes a post as a
/// `<blockquote>` and each quote in it as an `<aside>`), no sidebar.
fn in_blockquote(dom: &Dom, i: usize) -> bool {
    let mut k = i;
    for _ in 0..MAX_QUOTE_ASIDE_DEPTH {
        match dom.parent(k) {
            Some(p) if dom.tag(p) == Tag::Blockquote => return true,
            Some(p) => k = p,
            None => return false,
        }
    }
    false
}

fn should_prune(
    dom: &Dom,
    i: usize,
    tag: Tag,
    in_article: bool,
    in_link: bool,
    facts: &PageFacts<'_>,
    opts: PruneOptions,
) -> Option<Why> {
    let (raw, page_chars) = (facts.raw, facts.page_chars);
    if tag == Tag::Button
        && raw.get(i).copied().unwrap_or(0) <= MAX_TOGGLE_CHARS
        && is_accordion_toggle(dom, i)
    {
        return None;
    }
    if tag_is_never_content(tag)
        && !(tag == Tag::Aside
            && ((in_article && (is_text_list_box(dom, i) || is_callout(dom, i, facts)))
                || in_blockquote(dom, i)
                || featured_story(dom, i, facts)))
    {
        return Some(Why::Tag);
    }
    if tag == Tag::Header && !in_article {
        return Some(Why::Header);
    }
    if !in_article
        && matches!(tag, Tag::Div | Tag::Section | Tag::Aside | Tag::Ul | Tag::P)
        && precedes_site_header(dom, i, facts)
    {
        return Some(Why::BeforeHeader);
    }
    // `data-nosnippet` (Google's mark of text the site keeps out of search results' snippets):
    // the site's own word that the region is no part of what the page is about (its footer,
    // cookie banner, ads, "JavaScript is disabled"). Not the page's title region.
    if dom.attr(i, Attr::DataNosnippet).is_some() && !facts.has_h1.get(i).copied().unwrap_or(false)
    {
        return Some(Why::Nosnippet);
    }
    // A product's page keeps the card of the person who made it (a book's author, a print's
    // artist): it is about the product, as the buyer reads it (the byline of a story is not).
    if !opts.product
        && matches!(tag, Tag::Div | Tag::Section | Tag::Aside)
        && facts.has_img.get(i).copied().unwrap_or(false)
        && raw.get(i).copied().unwrap_or(0) <= MAX_PORTRAIT_CARD_CHARS
        && facts.para.get(i).copied().unwrap_or(0) <= 2
        && is_portrait_card(dom, i, in_link)
    {
        return Some(Why::PortraitCard);
    }
    if is_hex_identifier(dom, i, raw.get(i).copied().unwrap_or(0)) {
        return Some(Why::HexId);
    }
    if tag.is_block() && raw.get(i).copied().unwrap_or(0) >= 11 && is_placeholder_text(dom, i) {
        return Some(Why::Placeholder);
    }
    if tag.is_block()
        && (15..=MAX_FORUM_NOTICE_CHARS).contains(&raw.get(i).copied().unwrap_or(0))
        && is_forum_notice(dom, i)
    {
        return Some(Why::ForumNotice);
    }
    if raw.get(i).copied().unwrap_or(0) >= MIN_JSON_CHARS
        && !matches!(tag, Tag::Pre | Tag::Code)
        && is_json_text(dom, i)
        && !in_code(dom, i)
    {
        return Some(Why::Data);
    }
    // A link named "read more" is a teaser of another page (or the button to it).
    if tag == Tag::A && names_read_more(dom, i) {
        return Some(Why::ReadMore);
    }
    if tag == Tag::A && is_permalink(dom, i) {
        return Some(Why::Permalink);
    }
    // A count of likes, replies or views (microdata `InteractionCounter`) and a post's or
    // item's number in its list (`itemprop=position`) are no text.
    if dom.attr(i, Attr::Itemprop).is_some_and(|v| {
        v.split_ascii_whitespace()
            .any(|t| t == "interactionStatistic" || t == "position")
    }) {
        return Some(Why::Counter);
    }
    // The short form of a value shown in two forms, one for narrow screens (`<time><span
    // class=time__long>June 14, 2024</span><span class=time__short>1 yr</span></time>`).
    if dom.class_hints(i).short && sibling_named(dom, i, &["long"]) {
        return Some(Why::ShortForm);
    }
    // A form label is a phrase ("Email", "I agree to the terms..."); a label wrapping a
    // whole card of blocks (selectable tiles, radio cards) is content.
    if tag == Tag::Label && !(i + 1..dom.end(i)).any(|k| dom.tag(k).is_block()) {
        return Some(Why::FormLabel);
    }
    if matches!(tag, Tag::Html | Tag::Body | Tag::Root) {
        return None;
    }
    let share = raw.get(i).copied().unwrap_or(0) as f32 / page_chars;
    // `<small>` is a side comment (HTML: "small print", disclaimers, caveats, legal
    // restrictions, copyrights, attribution): image credits, author notes, fine print. Old
    // pages that set their whole text in `<small>` keep it, and so does a sentence with a
    // `<small>` inside (`$20 <small>per month</small>`).
    if tag == Tag::Small && share <= MAX_PRUNED_SHARE && !inside_sentence(dom, i) {
        return Some(Why::Small);
    }
    // What a page shows only without scripts (fallback menus, "enable JavaScript" notes) is
    // not what a reader sees; a page whose text is all there is the exception, unless that
    // text is short: a notice ("Please enable JavaScript to view ...") on an empty page.
    if tag == Tag::Noscript
        && (share <= MAX_PRUNED_SHARE || raw.get(i).copied().unwrap_or(0) <= MAX_NOSCRIPT_CHARS)
    {
        return Some(Why::Noscript);
    }
    let h = dom.class_id_hints(i);
    let role = dom.attr(i, Attr::Role);
    // Collapsed accordion, tab and FAQ panels are hidden until a click, but they are the
    // page's content (answers, course descriptions, specifications): their hidden state is
    // ignored. Screen-reader-only text stays pruned. On a product page, the panes of a tab
    // widget (`tab-pane`: description, specifications) count as such panels too; so does a
    // block right after a `<button>` (an accordion's answer hidden by a utility class).
    let disclosure = h.disclosure
        || role.is_some_and(role_is_disclosure)
        || (opts.product && names_tab_panel(dom, i))
        || (tag.is_block() && hidden_state(dom, i, &h) && opens_after_button(dom, i, raw))
        || (!h.screen_reader && hidden_twin(dom, i, tag, &h, &facts.last_twin))
        || facts.labelled_panel.get(i).copied().unwrap_or(false);
    // Streaming server renderers (React `<div hidden id="S:0">`) send the whole page in a
    // hidden element that a script moves into place: like hidden styles below, only small
    // hidden regions are dropped.
    if !disclosure {
        if dom.attr(i, Attr::Hidden).is_some() && share <= MAX_PRUNED_SHARE {
            return Some(Why::Hidden);
        }
        // `aria-hidden` hides from screen readers, not from the eye: a link so marked is a
        // card's second link to the same target (its summary or image), shown on screen.
        if dom
            .attr(i, Attr::AriaHidden)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            && !(tag == Tag::A && dom.attr(i, Attr::Href).is_some())
            && !matches!(tag, Tag::Del | Tag::Ins)
        {
            return Some(Why::AriaHidden);
        }
        // Content hidden by a style or class is sometimes the page itself, revealed by a
        // script (pay/age gates, "lockdown" plugins): only small hidden regions are dropped.
        if dom.attr(i, Attr::Style).is_some_and(style_hides) && share <= MAX_PRUNED_SHARE {
            return Some(Why::StyleHidden);
        }
    }
    if role.is_some_and(role_is_boilerplate) || names_trail(dom, i) {
        return Some(Why::Role);
    }
    // `aria-modal="true"` is allowed on dialogs only: a modal (cookie consent, sign-in,
    // newsletter) whose `role` is missing, unless it holds the page's title or most of the
    // page (a story opened over the feed).
    if dom
        .attr(i, Attr::AriaModal)
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        && share <= MAX_PRUNED_SHARE
        && !facts.has_h1.get(i).copied().unwrap_or(false)
    {
        return Some(Why::Role);
    }
    // A box laid on the `<body>` beside the page that opens with a close control (an empty
    // link or button going nowhere: the "×" a style draws) is a dialog or drawer a script
    // shows over the page (sign-in, registration, house rules, a mobile menu), whatever its
    // class names.
    if matches!(tag, Tag::Div | Tag::Section | Tag::Aside)
        && share <= MAX_PRUNED_SHARE
        && !facts.has_h1.get(i).copied().unwrap_or(false)
        && opens_with_close(dom, i, facts)
    {
        return Some(Why::Overlay);
    }
    // An ARIA alert is a message a script shows when something happens; on a product page,
    // the buy box's ("Added to your list", "Unable to add item", "Not available for the
    // seller you chose"), sent with the page for later.
    if opts.product && role.is_some_and(role_is_alert) {
        return Some(Why::Role);
    }
    if facts.form_box.get(i).copied().unwrap_or(false) {
        return Some(Why::Form);
    }
    // The wrapper of a text-entry field (search box, newsletter sign-up, contact form row,
    // anti-spam field) is a form's chrome: its label, hint and button are no content.
    if facts.has_field.get(i).copied().unwrap_or(false)
        && raw.get(i).copied().unwrap_or(0) <= MAX_FIELD_WRAPPER_CHARS
    {
        return Some(Why::FormField);
    }
    if facts.has_select.get(i).copied().unwrap_or(false) && is_select_bar(dom, i, facts) {
        return Some(Why::FormField);
    }
    if facts.aria_copy.get(i).copied().unwrap_or(false) && share <= MAX_PRUNED_SHARE {
        return Some(Why::AriaCopy);
    }
    // A form with a free-text box (`<textarea>`) under a page is its reply form ("Leave a
    // reply", the notes on the name and email fields, the consent to store them): the comment
    // section's, kept with the comments when they are asked for. A form holding the page's
    // `<h1>` is the page (a contact page written as one form).
    if tag == Tag::Form
        && !opts.include_comments
        && share <= MAX_PRUNED_SHARE
        && !facts.has_h1.get(i).copied().unwrap_or(true)
        && (i + 1..dom.end(i).min(i + MAX_CALL_NODES)).any(|k| dom.tag(k) == Tag::Textarea)
    {
        return Some(Why::Comments);
    }
    if h.screen_reader && share <= MAX_PRUNED_SHARE && !spoken_price(dom, i) {
        return Some(Why::ScreenReader);
    }
    if h.hidden && !disclosure && share <= MAX_PRUNED_SHARE && !spoken_price(dom, i) {
        return Some(Why::HiddenClass);
    }
    let headed = headed_by_boilerplate(dom, i);
    // On a product's page, a box named for an author that holds a paragraph is the maker's
    // biography (a book's author, a print's artist), as the portrait card above is.
    let makers_bio = opts.product && h.byline && facts.para.get(i).copied().unwrap_or(0) > 0;
    let flag = if h.boilerplate && !makers_bio {
        Why::ClassWord
    } else if fixed_overlay(dom, i) {
        Why::Overlay
    } else if h.comments
        && !opts.include_comments
        && !comment_field(dom, i, raw)
        && !chosen_quotes(dom, i, h.reviews, opts.product)
    {
        Why::Comments
    } else if h.commerce && opts.product {
        Why::Commerce
    } else if h.signature && closes_parent(dom, i, raw) {
        // A forum signature closes its post; an API member's signature opens the member's
        // description and stays.
        Why::ClassWord
    } else if headed {
        Why::Heading
    } else {
        return None;
    };
    // Inside code, classes are a syntax highlighter's tokens (`hljs-comment`, `token
    // comment`, `hljs-meta`): code, whatever they say.
    if in_code(dom, i) {
        return None;
    }
    // A region holding the page's `<h1>` or `<main>` is where the content is, whatever its
    // class says (`sticky-navbar` wrappers of a product's title, `content-has-sidebar`).
    if facts.has_h1.get(i).copied().unwrap_or(false) {
        return None;
    }
    // A region named only by a weak token (`paragraph--type--jump-link`: a table of contents
    // and the sections it links to) holding several long paragraphs is the article.
    if !headed
        && !h.strong
        && !h.comments
        && facts.para.get(i).copied().unwrap_or(0) >= MIN_WEAK_PARAGRAPHS
    {
        return None;
    }
    // The attribution line opening a quote ("Irene said:", XenForo's `<blockquote><div
    // class=bbCodeBlock-title><a class=bbCodeBlock-sourceJump>`) is the quote's, whatever a
    // weak word of its link's class says.
    if !headed && !h.strong && !h.comments && opens_quote(dom, i) {
        return None;
    }
    // An embedded post quoted by the text (`<div class="social-media-embed"><blockquote
    // class="twitter-tweet">`) is no share bar.
    if !h.comments && embeds_quote(dom, i, raw) {
        return None;
    }
    ((share <= MAX_PRUNED_SHARE || headed) && (tag != Tag::Main && (tag != Tag::Article || headed)))
        .then_some(flag)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::dom::parse;

    #[test]
    fn holds_price_finds_signs_beside_digits() {
        for t in [
            "$20",
            "20 €",
            "£ 3",
            "¥1,000",
            "₹ 99",
            "Price: 12.50 ₪",
            "a ₫5 b",
        ] {
            assert!(holds_price(t), "{t}");
        }
        for t in ["$", "20", "€ x", "Ǣ2 â3 ‒4", "US$", "\u{a3}\u{a0}x", "2 ¢"] {
            assert!(!holds_price(t), "{t}");
        }
        assert!(holds_price("x \u{a3}\u{a0}7"));
    }

    #[test]
    fn count_reads_ascii_and_other_text_alike() {
        // The ASCII fast path against the general one: the same text with one non-ASCII
        // character added must count one character more and the same punctuation.
        for s in [
            "",
            " a, b. c!\t\n\x0b\x0cd?; ",
            "One two.  Three",
            "\r\n",
            ".,;!?",
        ] {
            let (c, p) = count(s);
            let (c2, p2) = count(&format!("{s}é"));
            assert_eq!((c + 1, p), (c2, p2), "{s:?}");
        }
        assert_eq!(count(" a, b. c!\t\n\x0b\x0cd?; "), (9, 5));
        assert_eq!(count("。a\u{3000}b"), (4, 1));
        assert_eq!(count("日本語 한국어"), (12, 0));
    }

    #[test]
    fn count_agrees_with_char_by_char_counting_for_every_character() {
        // The byte-wise count against the plain definition, for each character next to
        // ASCII and non-ASCII neighbours.
        fn by_chars(s: &str) -> (u32, u32) {
            let mut chars = 0u32;
            let mut punct = 0u32;
            for c in s.chars() {
                if !c.is_whitespace() {
                    chars += if is_wide(c) { 2 } else { 1 };
                    if matches!(
                        c,
                        '.' | '!' | '?' | '。' | '！' | '？' | ';' | ',' | '、' | '，'
                    ) {
                        punct += 1;
                    }
                }
            }
            (chars, punct)
        }
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("a {c}."), format!("é{c}\u{3000}")] {
                assert_eq!(count(&s), by_chars(&s), "{:x}", c as u32);
            }
        }
        // Texts longer than the 255-byte chunks of the byte counters.
        for s in [
            "Sentence one. Two, three!\n".repeat(100),
            " ".repeat(1000),
            ".".repeat(1000),
            "Ça coûte 20 €. Très bien ! ".repeat(40),
            "日本語の文章。".repeat(100),
            format!("{}日本", "a".repeat(253)),
        ] {
            assert_eq!(count(&s), by_chars(&s));
        }
    }

    fn root_text(html: &str) -> String {
        let dom = parse(html, 256);
        let a = analyse(&dom, PruneOptions::default());
        text_of(&dom, &a)
    }

    fn text_of(dom: &Dom, a: &Analysis) -> String {
        let mut s = String::new();
        let mut i = a.root;
        while i < dom.end(a.root) {
            if a.pruned[i] {
                i = dom.end(i);
                continue;
            }
            s.push_str(dom.text_of(i));
            i += 1;
        }
        s
    }

    const PROSE: &str = "This is a long paragraph of real prose, with commas and full stops. It goes on for a while to look like an article.";

    #[test]
    fn style_declarations_match_whatever_case_and_spacing() {
        for st in [
            "display:none",
            "color: red; Display : NONE ;",
            "display:\tnone",
            "DISPLAY:NONE!important",
            "font-family:\"Café\"; display:\u{a0}none",
            "dd display:none",
        ] {
            assert!(style_declares(st, "display:none"), "{st}");
        }
        for st in [
            "display:block",
            "display:non",
            "",
            "dis play none",
            "display-none",
            "dé display:nonè",
        ] {
            assert!(!style_declares(st, "display:none"), "{st}");
        }
    }

    #[test]
    fn nav_and_footer_tags_are_pruned() {
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><div><p>{PROSE}</p></div><footer>Copyright</footer></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("real prose"));
        assert!(!t.contains("Home") && !t.contains("Copyright"));
    }

    #[test]
    fn link_clusters_are_penalised() {
        let menu: String = (0..20)
            .map(|k| format!("<li><a href=/{k}>Item {k}</a></li>"))
            .collect();
        let html = format!(
            "<body><div><ul>{menu}</ul><div id=x><p>{PROSE}</p><p>{PROSE}</p></div></div></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("real prose"));
        assert!(!t.contains("Item 3"), "{t}");
    }

    #[test]
    fn class_rules_spare_large_regions() {
        let html = format!(
            "<body><div class=has-sidebar><p>{PROSE}</p><p>{PROSE}</p></div><div class=sidebar>x y z</div></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("real prose"));
        assert!(!t.contains("x y z"));
    }

    #[test]
    fn hidden_content_is_pruned() {
        let html = format!(
            "<body><div><p>{PROSE}</p><p style='display: none'>secret</p><p hidden>gone</p><span class=sr-only>skip</span><p aria-hidden=true>aria</p></div></body>"
        );
        let t = root_text(&html);
        for w in ["secret", "gone", "skip", "aria"] {
            assert!(!t.contains(w), "{w} in {t}");
        }
    }

    #[test]
    fn comments_pruned_unless_asked() {
        let html = format!(
            "<body><article><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article><div id=comments><p>Great post, thanks a lot for sharing this with us.</p></div></body>"
        );
        let dom = parse(&html, 256);
        let a = analyse(&dom, PruneOptions::default());
        assert!(a.pruned.iter().any(|&p| p));
        let a = analyse(
            &dom,
            PruneOptions {
                include_comments: true,
                ..Default::default()
            },
        );
        let comments = (0..dom.nodes.len())
            .find(|&i| dom.attr(i, Attr::Id) == Some("comments"))
            .unwrap();
        assert!(!a.pruned[comments]);
    }

    #[test]
    fn large_hidden_attribute_region_is_the_page() {
        // Streaming renderers ship the page in `<div hidden>` and move it with a script.
        let html = format!(
            "<body><template id=B:0></template><div hidden id=S:0><main><p>{PROSE}</p><p>{PROSE}</p></main></div><div><p hidden>tiny secret</p><p>Short.</p></div></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("real prose"), "{t}");
        assert!(!t.contains("tiny secret"));
    }

    #[test]
    fn labels_are_pruned_unless_they_wrap_blocks() {
        let html = format!(
            "<body><div><p>{PROSE}</p><label><div><h3>Card title</h3><p>{PROSE} Card.</p></div></label><form><label>I agree to receive marketing emails and calls from us and partners, forever and ever.</label></form></div></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("Card title"), "{t}");
        assert!(!t.contains("I agree"), "{t}");
    }

    #[test]
    fn customer_reviews_do_not_make_a_forum() {
        let review = "I love this shelf, it was easy to assemble and holds all my books well. ";
        let reviews: String = (0..4).map(|_| format!("<li>{review}</li>")).collect();
        let html = format!(
            "<body><main><div class=description><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div><ul class=product-reviews>{reviews}</ul></main></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("real prose"));
        assert!(!t.contains("easy to assemble"), "{t}");
        // The same markup named as comments under a short topic post is a thread: kept.
        let replies: String = (0..8).map(|_| format!("<li>{review}</li>")).collect();
        let html = format!(
            "<body><main><div class=topic><p>{PROSE}</p></div><ul class=comments>{replies}</ul></main></body>"
        );
        assert!(root_text(&html).contains("easy to assemble"));
    }

    #[test]
    fn the_single_article_element_is_the_root() {
        let teaser = "<div class=more><p>A teaser with a summary of another story, long enough to read as prose here.</p></div>";
        let html = format!(
            "<body><main><article><h1>Title</h1><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article>{teaser}</main></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("Title") && t.contains("real prose"), "{t}");
        assert!(!t.contains("teaser"), "{t}");
        // The same with schema.org microdata: the article's body inside the article.
        let html = format!(
            "<body><main><article><div itemprop=articleBody><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>{teaser}</article></main></body>"
        );
        assert!(!root_text(&html).contains("teaser"));
        // And with `<main>`: the blurb next to it goes.
        let html = format!(
            "<body><div><main><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></main>{teaser}</div></body>"
        );
        assert!(!root_text(&html).contains("teaser"));
        // And with the ARIA role of an article.
        let html = format!(
            "<body><div><div role=article><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>{teaser}</div></body>"
        );
        assert!(!root_text(&html).contains("teaser"));
    }

    #[test]
    fn text_field_wrappers_are_pruned() {
        let html = format!(
            "<body><main><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><div class=row><p>Leave this field empty, it catches spam bots.</p><input type=text name=x></div><div class=qty>Quantity: <input type=number value=1> in stock</div></main></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("real prose"), "{t}");
        assert!(!t.contains("spam bots"), "{t}");
        // Quantity pickers stay (buy boxes hold prices and stock).
        assert!(t.contains("in stock"), "{t}");
    }

    #[test]
    fn an_article_with_a_long_comment_thread_is_not_a_forum() {
        let comment = "Great post, thanks for sharing these thoughts with us all here today. ";
        let comments: String = (0..6).map(|_| format!("<li>{comment}</li>")).collect();
        // Comments hold almost half of the text (a forum's share), but the article's own prose is worth
        // at least 0.3 of them: a blog post with its comment section.
        let html = format!(
            "<body><main><div class=post-body><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div><ul class=comments>{comments}</ul></main></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("real prose"), "{t}");
        assert!(!t.contains("Great post"), "{t}");
    }

    #[test]
    fn collapsed_disclosure_panels_are_content() {
        let html = format!(
            "<body><main><p>{PROSE}</p><div class=accordion__content style='display: none; height: 0'><p>The answer is kept: {PROSE}</p></div><div role=tabpanel hidden><p>Second tab kept: {PROSE}</p></div><div style='display:none'><p>Plain hidden dropped: {PROSE}</p></div><div style='visibility:hidden'><p>Fading in: {PROSE}</p></div><div class=faq><span class=sr-only>Reader only</span></div></main></body>"
        );
        let t = root_text(&html);
        assert!(
            t.contains("answer is kept") && t.contains("Second tab"),
            "{t}"
        );
        assert!(t.contains("Fading in"), "{t}");
        assert!(
            !t.contains("Plain hidden") && !t.contains("Reader only"),
            "{t}"
        );
    }

    #[test]
    fn class_rules_spare_the_region_of_the_h1() {
        let html = format!(
            "<body><div class=sticky-navbar><h1>Nano Puff Jacket</h1><p>{PROSE}</p></div><div class=navbar><a href=/>Home</a> Shop now and more</div><div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></body>"
        );
        let dom = parse(&html, 256);
        let a = analyse(&dom, PruneOptions::default());
        let find = |c: &str| {
            (0..dom.nodes.len())
                .find(|&i| dom.attr(i, Attr::Class) == Some(c))
                .unwrap()
        };
        assert!(!a.pruned[find("sticky-navbar")]);
        assert!(a.pruned[find("navbar")]);
        let html = format!(
            "<body><div class=content-has-sidebar><main><p>{PROSE}</p></main></div><div><p>{PROSE}</p><p>{PROSE}</p></div></body>"
        );
        let dom = parse(&html, 256);
        let a = analyse(&dom, PruneOptions::default());
        assert!(!a.pruned.iter().any(|&p| p));
    }

    #[test]
    fn tab_widgets_keep_their_panels() {
        // Some CMSs put role=tablist on the whole widget, panels included.
        let html = format!(
            "<body><div role=tablist><a role=tab href=#a>Info</a><div role=tabpanel><p>{PROSE}</p><p>{PROSE}</p></div></div><div role=navigation><a href=/>Home</a></div></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("real prose"), "{t}");
        assert!(!t.contains("Home"));
    }

    #[test]
    fn data_table_cells_are_not_penalised() {
        let rows: String = (1..40)
            .map(|k| {
                format!(
                    "<tr><td>{k}</td><td>Driver {k}</td><td>{}</td></tr>",
                    5000 - k
                )
            })
            .collect();
        let html = format!(
            "<body><div class=main><p>{PROSE}</p><table>{rows}</table></div><div class=other><p>Comments with unreadable texts will not be approved by the moderator.</p></div></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("real prose") && t.contains("Driver 39"), "{t}");
    }

    #[test]
    fn shop_chrome_is_pruned_on_product_pages_only() {
        let html = format!(
            "<body><main><h1>Nano Puff Jacket</h1><div class=description><p>{PROSE}</p><p>{PROSE}</p></div><ul class=usp-list><li>Free shipping over $100 on every order, shipped from our Iowa store.</li></ul><div class=product-delivery><p>Order today and get it delivered tomorrow morning, returns free.</p></div></main></body>"
        );
        let dom = parse(&html, 256);
        let product = PruneOptions {
            product: true,
            ..Default::default()
        };
        let t = text_of(&dom, &analyse(&dom, product));
        assert!(t.contains("real prose") && t.contains("Nano Puff"), "{t}");
        assert!(
            !t.contains("Free shipping") && !t.contains("delivered"),
            "{t}"
        );
        // Elsewhere (a courier's service page) delivery is the content.
        let t = text_of(&dom, &analyse(&dom, PruneOptions::default()));
        assert!(t.contains("delivered"), "{t}");
    }

    #[test]
    fn valuable_siblings_join_the_root() {
        let menu: String = (0..40)
            .map(|k| format!("<li><a href=/{k}>Item {k}</a></li>"))
            .collect();
        let html = format!(
            "<body><div class=page><div class=specs><p>{PROSE}</p><p>{PROSE} Specs.</p></div><ul class=x>{menu}</ul><div class=text><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div></body>"
        );
        let t = root_text(&html);
        assert!(t.contains("Specs."), "{t}");
        assert!(!t.contains("Item 3"), "{t}");
    }
}

#[cfg(test)]
#[path = "content_tests.rs"]
mod rule_tests;
