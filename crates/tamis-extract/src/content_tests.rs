//! Unit tests of the scoring rules of `content.rs`, one per rule, on small hand-written
//! HTML: each asserts which text is kept or dropped, never exact scores. Kept apart from
//! `content.rs` so that edits of the rules and of their tests do not collide. (Rules with a
//! test in `content.rs` itself: nav/footer tags, link clusters, the class rules' share and
//! `<h1>` guards, hidden state, labels, comments and forums, customer reviews, the single
//! article, text-field wrappers, disclosure panels, tab widgets, data-table cells and
//! sibling merging.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::dom::parse;

const PROSE: &str = "This is a long paragraph of real prose, with commas and full stops. It goes on for a while to look like an article.";

/// Text of the chosen root, without pruned regions.
fn root_text(html: &str) -> String {
    let dom = parse(html, 256);
    let a = analyse(&dom, PruneOptions::default());
    text_of(&dom, &a, a.root)
}

/// [`root_text`] with the user comments asked for ([`PruneOptions::include_comments`]).
fn root_text_with_comments(html: &str) -> String {
    let dom = parse(html, 256);
    let a = analyse(
        &dom,
        PruneOptions {
            include_comments: true,
            ..PruneOptions::default()
        },
    );
    text_of(&dom, &a, a.root)
}

/// [`root_text`] on a page known to be one product's ([`PruneOptions::product`]).
fn product_root_text(html: &str) -> String {
    let dom = parse(html, 256);
    let a = analyse(
        &dom,
        PruneOptions {
            product: true,
            ..PruneOptions::default()
        },
    );
    text_of(&dom, &a, a.root)
}

fn text_of(dom: &Dom, a: &Analysis, root: usize) -> String {
    let mut s = String::new();
    let mut i = root;
    while i < dom.end(root) {
        if a.pruned[i] {
            i = dom.end(i).max(i + 1);
            continue;
        }
        s.push_str(dom.text_of(i));
        s.push(' ');
        i += 1;
    }
    s
}

fn article(paragraphs: usize) -> String {
    (0..paragraphs).map(|_| format!("<p>{PROSE}</p>")).collect()
}

#[test]
fn never_content_tags_are_pruned_even_when_they_hold_prose() {
    // Sidebars, captions, buttons and form pickers written as full sentences.
    let html = format!(
        "<body><div>{}<aside><p>An aside written as prose, with commas, about another story entirely.</p></aside><figure><img src=a.jpg><figcaption>A caption written as a long sentence, describing the photograph above.</figcaption></figure><button>Click here to load the next chapter of this long story, please.</button><select><option>An option that reads like a very long sentence of prose, with commas.</option></select></div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    for w in ["An aside", "A caption", "Click here", "An option"] {
        assert!(!t.contains(w), "{w} in {t}");
    }
}

#[test]
fn header_is_pruned_outside_articles_and_kept_inside() {
    // A site header written as prose, next to the text in the same wrapper.
    let html = format!(
        "<body><div class=page><header><p>Welcome to the site of the town, with its news, events and services for all.</p><p>Our office is open on weekdays, and the hall can be booked for weddings.</p></header><div class=text>{}</div></div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Welcome to the site"), "{t}");
    // An article's own header holds its title and standfirst.
    let html = format!(
        "<body><article><header><h1>Budget approved</h1><p>The council voted on Tuesday evening, after a long debate.</p></header>{}</article></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(
        t.contains("Budget approved") && t.contains("voted on Tuesday"),
        "{t}"
    );
}

#[test]
fn boilerplate_roles_are_pruned() {
    for role in [
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "dialog",
        "menu",
        "toolbar",
    ] {
        let html = format!(
            "<body><div>{}<div role='{role}'><p>A region written as prose, with commas, that the page marks as chrome.</p></div></div></body>",
            article(3)
        );
        let t = root_text(&html);
        assert!(t.contains("real prose"), "{role}: {t}");
        assert!(!t.contains("marks as chrome"), "{role}: {t}");
    }
}

#[test]
fn hidden_classes_are_pruned_unless_they_hold_the_page() {
    let html = format!(
        "<body><div>{}<div class=hide><p>A hidden panel written as prose, with commas, shown by a script.</p></div><p class=hidden>Hidden too, as a long sentence of prose for good measure.</p></div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(
        !t.contains("hidden panel") && !t.contains("Hidden too"),
        "{t}"
    );
    // Age and pay gates hide the whole page with a class or style a script removes.
    let html = format!(
        "<body><div class=hidden>{}</div><div><p>Short footer.</p></div></body>",
        article(4)
    );
    assert!(root_text(&html).contains("real prose"));
    let html = format!(
        "<body><div style='display:none'>{}</div><div><p>Short footer.</p></div></body>",
        article(4)
    );
    assert!(root_text(&html).contains("real prose"));
}

#[test]
fn flagged_article_elements_are_not_pruned_by_class() {
    // An embedded post inside the text, its class a boilerplate word.
    let html = format!(
        "<body><div class=content>{}<article class=social><p>The embedded post says the library opens in spring, with a new reading room.</p></article>{}</div></body>",
        article(2),
        article(2)
    );
    let t = root_text(&html);
    assert!(t.contains("embedded post"), "{t}");
    // The same as a `<div>` is pruned.
    let html = html.replace("<article class=social>", "<div class=social>");
    let html = html.replace("</article>", "</div>");
    assert!(!root_text(&html).contains("embedded post"));
}

#[test]
fn short_fragments_are_penalised_so_the_root_stays_tight() {
    // Without a penalty, the wrapper would tie with the text and win as the outermost.
    let html = format!(
        "<body><div class=wrap><div class=text>{}</div><div>Print</div><div>Email</div><div>Save for later</div></div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    for w in ["Print", "Email", "Save for later"] {
        assert!(!t.contains(w), "{w} in {t}");
    }
}

#[test]
fn ties_go_to_the_outermost_element_so_headings_are_kept() {
    // A heading is worth nothing in article mode: its wrapper ties with the prose's.
    let html = format!(
        "<body><div><section><h2>Opening hours</h2><div>{}</div></section><div>Print</div></div></body>",
        article(5)
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(!a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(
        t.contains("Opening hours") && t.contains("real prose"),
        "{t}"
    );
    assert!(!t.contains("Print"), "{t}");
}

#[test]
fn sentence_punctuation_makes_short_blocks_prose() {
    // Each paragraph is below `MIN_PROSE_CHARS`; ending sentences makes it prose (in Latin
    // and CJK script alike), so its box joins the article as a valuable sibling; the same
    // length without punctuation is a run of fragments and stays out.
    let menu: String = (0..40)
        .map(|k| format!("<li><a href=/{k}>Item {k}</a></li>"))
        .collect();
    let page = |para: &str| {
        let box_: String = (0..8).map(|_| format!("<p>{para}</p>")).collect();
        let html = format!(
            "<body><div class=a>{box_}</div><ul>{menu}</ul><div class=c>{}</div></body>",
            article(4)
        );
        root_text(&html)
    };
    for (good, bad) in [
        (
            "The hall opens at nine on Sundays.",
            "Opening hours Sunday morning nine",
        ),
        (
            "新图书馆将于今年春季正式开放，欢迎所有市民前来参观和借阅。",
            "新图书馆开放时间春季市民参观活动信息汇总表格下载链接",
        ),
    ] {
        let t = page(good);
        assert!(t.contains(good) && t.contains("real prose"), "{t}");
        let t = page(bad);
        assert!(!t.contains(bad) && t.contains("real prose"), "{t}");
    }
}

/// A page of product cards: long title links, prices, no prose.
fn listing_page(cards: usize) -> String {
    let menu: String = (0..12)
        .map(|k| format!("<li><a href=/c{k}>Shop {k}</a></li>"))
        .collect();
    let cards: String = (0..cards)
        .map(|k| {
            format!(
                "<div class=card><a href=/p{k}>Handmade oak bookshelf with five shelves, model {k}</a><span class=price>{k}9.90 EUR</span><span>In stock</span></div>"
            )
        })
        .collect();
    format!("<body><ul class=x>{menu}</ul><div class=grid>{cards}</div></body>")
}

#[test]
fn pages_without_prose_are_scored_as_listings_of_all_records() {
    let html = listing_page(8);
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(a.listing);
    let t = text_of(&dom, &a, a.root);
    for k in 0..8 {
        assert!(t.contains(&format!("model {k}")), "card {k} lost: {t}");
    }
    // Title links count in listings, navigation links do not.
    assert!(!t.contains("Shop 3"), "{t}");
}

#[test]
fn title_links_count_in_listings_navigation_links_do_not() {
    // Headline cards that are no records (each its own class): their long title links
    // make the grid the root, the menu's short links keep out.
    let menu: String = (0..12)
        .map(|k| format!("<li><a href=/c{k}>Shop {k}</a></li>"))
        .collect();
    let cards: String = (0..6)
        .map(|k| {
            format!(
                "<div class=card-{k}><a href=/p{k}>Handmade oak bookshelf with five shelves, model {k}</a></div>"
            )
        })
        .collect();
    let html = format!("<body><ul class=x>{menu}</ul><div class=grid>{cards}</div></body>");
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(a.listing && !a.in_record.contains(&true));
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("model 0") && t.contains("model 5"), "{t}");
    assert!(!t.contains("Shop 3"), "{t}");
}

#[test]
fn records_need_enough_siblings_and_text() {
    // Two cards are not a listing's records, three are.
    let dom = parse(&listing_page(2), 256);
    assert!(
        !analyse(&dom, PruneOptions::default())
            .in_record
            .contains(&true)
    );
    let dom = parse(&listing_page(3), 256);
    assert!(
        analyse(&dom, PruneOptions::default())
            .in_record
            .contains(&true)
    );
    // Repeated short items (a menu) are no records.
    let menu: String = (0..12)
        .map(|k| format!("<li class=item><a href=/c{k}>Shop {k}</a></li>"))
        .collect();
    let dom = parse(&format!("<body><ul>{menu}</ul></body>"), 256);
    assert!(
        !analyse(&dom, PruneOptions::default())
            .in_record
            .contains(&true)
    );
}

#[test]
fn prose_wins_over_a_listing_unless_the_listing_is_much_larger() {
    // An article with a few cards next to it is an article.
    let html = format!(
        "<body><div class=text>{}</div>{}</body>",
        article(6),
        listing_page(4).trim_start_matches("<body>")
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(!a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("real prose") && !t.contains("model 1"), "{t}");
}

#[test]
fn teaser_cards_do_not_join_an_article() {
    // "More stories": headline cards next to the article, inside the same wrapper.
    let teasers: String = (0..4)
        .map(|k| {
            format!(
                "<div class=teaser><a href=/s{k}>Another story about the town council and its budget, part {k}</a><p>Read it now.</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><div class=wrap><div class=text>{}</div>{teasers}</div></body>",
        article(4)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Another story"), "{t}");
}

#[test]
fn a_small_sibling_does_not_join_the_root() {
    // Siblings below `SIBLING_SHARE` of the root's value stay out (a teaser paragraph), those
    // above join (see `valuable_siblings_join_the_root`).
    let html = format!(
        "<body><div class=page><div class=text>{}</div><div class=blurb><p>A short blurb about the author, who writes about towns and their libraries.</p></div><ul>{}</ul></div></body>",
        article(6),
        (0..20)
            .map(|k| format!("<li><a href=/{k}>Item {k}</a></li>"))
            .collect::<String>()
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("short blurb"), "{t}");
}

#[test]
fn weak_boilerplate_classes_yield_to_content_classes() {
    let html = format!(
        "<body><div>{}<div class='promo'><p>A promotion written as prose, with commas, for a newsletter.</p></div><div class='promo article-body'><p>The promoted article body, written as prose, is kept as text.</p></div></div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("promoted article body"), "{t}");
    assert!(!t.contains("A promotion"), "{t}");
}

#[test]
fn image_captions_in_an_article_are_pruned_but_image_tiles_are_kept() {
    // A caption in a wrapper with its image, and a credit two levels below a <figure>.
    let html = format!(
        "<body><div class=story>{}<div class=pic><img src=a.jpg><p>In this file photo, the minister speaks to reporters outside the hall.</p></div>{}<figure><picture><img src=b.jpg></picture><span><cite>Photo by A. Photographer</cite></span></figure>{}</div></body>",
        article(3),
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("In this file photo"), "{t}");
    assert!(!t.contains("Photo by"), "{t}");
    // A paragraph holding its own image, and tiles of an image and a line each, whose
    // lines are a large share of the text, stay.
    let tiles: String = (0..3)
        .map(|k| format!("<div class=t{k}><img src=t.jpg><p>We repair treadmills, bikes and rowers on site, within a day of your call.</p></div>"))
        .collect();
    let html = format!(
        "<body><div class=story><p><img src=i.jpg>{PROSE}</p>{tiles}{}</div></body>",
        article(1)
    );
    let t = root_text(&html);
    assert!(t.contains("We repair treadmills"), "{t}");
    assert!(t.contains("real prose"), "{t}");
}

#[test]
fn a_category_description_takes_in_the_product_grid_next_to_it() {
    let card = |k: usize| {
        format!(
            "<li class=\"item product-item\"><a href=/p{k}><img src=p.jpg> Garden kneeling pad, waterproof, model {k}</a> <span class=price>$19.{k}</span></li>"
        )
    };
    let grid: String = (0..6).map(card).collect();
    let html = format!(
        "<body><div class=main><div class=description>{}</div><ul class=grid>{grid}</ul></div><div class=other><p>Another region: opening hours</p></div></body>",
        article(5)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(t.contains("Garden kneeling pad"), "{t}");
    assert!(!t.contains("Another region"), "{t}");
    // On one product's page the grid holds other products: it stays out.
    let dom = parse(&html, 256);
    let a = analyse(
        &dom,
        PruneOptions {
            product: true,
            ..PruneOptions::default()
        },
    );
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Garden kneeling pad"), "{t}");
}

#[test]
fn embedded_posts_in_share_named_wrappers_are_kept() {
    let html = format!(
        "<body><article>{}<div class=social-media-embed><blockquote class=twitter-tweet><p>Yes this is real and the state spent a fortune on it, apparently.</p>&mdash; A Reader (@reader) <a href=/t>November 18, 2019</a></blockquote></div>{}<div class=social-share><a href=/s>Share on Facebook</a> <a href=/t>Share on Twitter</a></div></article></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("Yes this is real"), "{t}");
    assert!(!t.contains("Share on Facebook"), "{t}");
}

#[test]
fn headline_link_paragraphs_in_an_article_are_pruned() {
    let html = format!(
        "<body><div class=story>{}<p><strong><a href=/other>Singer opens up about a serious health condition</a></strong></p>{}<p>As the report says, <a href=/r>the full findings of the inquiry</a> are online.</p><ul><li><a href=/doc>The specification of the format, second edition</a></li></ul></div></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Singer opens up"), "{t}");
    // A paragraph that mentions a link, and a list of links, stay.
    assert!(t.contains("the full findings"), "{t}");
    assert!(t.contains("The specification of the format"), "{t}");
    // A bare reference address stays.
    let html = format!(
        "<body><div class=story>{}<p><a href=/ref>http://www.example.org/archives/2364/fatwa-para-ulama</a></p>{}</div></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("example.org"), "{t}");
}

#[test]
fn standfirsts_in_an_article_are_pruned() {
    let html = format!(
        "<body><article><h1>Is it a crime?</h1><h2 class=sub-head itemprop=description>Assaults on the field have led to lawsuits before, but rarely to charges.</h2><div class=m-detail--abstract>Our top picks for the month, from shows to clinics.</div>{}<h2>What the law says</h2>{}</article></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(t.contains("What the law says"), "{t}");
    assert!(!t.contains("Assaults on the field"), "{t}");
    assert!(!t.contains("Our top picks"), "{t}");
    // A "key points" box summing the story up.
    let html = format!(
        "<body><article><h1>Airline orders jets</h1><div class=RenderKeyPoints-keyPoints><div>Key Points</div><ul><li>The carrier has finalized a deal to buy thirty jets.</li><li>The deal comes on top of five sales this week.</li></ul></div>{}</article></body>",
        article(4)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("finalized a deal"), "{t}");
}

#[test]
fn captions_named_by_their_class_are_pruned_without_their_image() {
    // The image is a lazy-loading placeholder: only the class says "caption".
    let html = format!(
        "<body><div class=story>{}<div class=InlineImage-wrapper><div class=placeholder></div><div class=InlineImage-imageEmbedCaption>The minister passes a passenger aircraft during the air show on Monday.</div></div>{}<span class=newsCaption>Protesters have worn masks to protect their identities <span>(Image: AGENCY)</span></span>{}<div class=caption><h2><a href=/v>Video: the founder on the company's employees</a></h2></div></div></body>",
        article(6),
        article(6),
        article(6)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("passenger aircraft"), "{t}");
    assert!(!t.contains("Protesters"), "{t}");
    // Class words that only contain the word stay (`captioning`), and so do headings.
    let html = format!(
        "<body><div class=story>{}<p class=captioning-note>Closed captioning is available for every video on this site.</p></div></body>",
        article(3)
    );
    assert!(root_text(&html).contains("Closed captioning"));
}

#[test]
fn teaser_paragraphs_with_a_lead_in_are_pruned() {
    let html = format!(
        "<body><div class=story>{}<p><strong>READ MORE: <a href=/other>China outbreak confirmed: two diagnosed with the disease</a></strong></p>{}<p>Source: <a href=/r>the full findings of the inquiry</a>, page 3.</p></div></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("China outbreak"), "{t}");
    // Text after the link: a sentence that cites it.
    assert!(t.contains("the full findings"), "{t}");
}

#[test]
fn photos_between_paragraph_blocks_lose_their_captions() {
    // Photos and text blocks alternate, each kind repeating with one class: the photos are
    // records, but not tiles of a grid; the text blocks' teaser paragraphs go too.
    let text = |k: usize| {
        let teaser = if k == 1 {
            "<p><a href=/t>Plane passengers quarantined after an outbreak in the region</a></p>"
        } else {
            ""
        };
        format!("<div class=text-description>{}{teaser}</div>", article(4))
    };
    let photo = |k: usize| {
        format!(
            "<div class=\"photo space\"><p><img src={k}.jpg></p><span class=line>A plague doctor of the 14th century, number {k}</span></div>"
        )
    };
    let body: String = (0..4).map(|k| format!("{}{}", text(k), photo(k))).collect();
    let html = format!("<body><div class=story>{body}{}</div></body>", text(9));
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("plague doctor"), "{t}");
    assert!(!t.contains("Plane passengers"), "{t}");
}

#[test]
fn regions_headed_by_a_boilerplate_heading_are_pruned() {
    // "You may also like": a block of other posts, longer than the story, titled by a heading
    // whose class says so; the blocks are <article> elements like the story.
    let post = |k: usize| {
        format!("<article class=\"box post-{k}\"><p>{PROSE} Other post {k}.</p></article>")
    };
    let posts: String = (0..4).map(post).collect();
    let html = format!(
        "<body><div id=primary><article class=\"box main\"><h1>Only who loves</h1>{}</article><article class=\"box list\"><h3 class=relatedpoststitle>You may also like</h3>{posts}</article></div></body>",
        article(2)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Other post"), "{t}");
    // A section whose heading's id (an anchor made of its text) holds such a word stays.
    let html = format!(
        "<body><div class=text>{}<div class=group><h3 class=heading id=project-social-club>Social club</h3><p>{PROSE} Club.</p></div></div></body>",
        article(3)
    );
    assert!(root_text(&html).contains("Club."));
}

#[test]
fn short_noscript_notices_are_pruned_long_fallbacks_kept() {
    let html = format!(
        "<body><article>{}<noscript>Please enable JavaScript to view the <a href=/d>comments powered by a widget.</a></noscript></article></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("enable JavaScript"), "{t}");
    let html = format!(
        "<body><div><p>Short.</p><noscript><p>{PROSE} Fallback one.</p><p>{PROSE}</p><p>{PROSE}</p></noscript></div></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("Fallback one"), "{t}");
}

#[test]
fn repeated_structured_entities_are_a_list_not_the_page() {
    // A calendar widget's events, as a bare JSON-LD array: none of their descriptions is the
    // page's. One event alone is the page's entity.
    let ev = |k: usize| {
        format!(
            r#"{{"@type":"Event","name":"Expo {k}","description":"The must-attend executive event number {k} for the industry."}}"#
        )
    };
    let html = format!(
        r#"<body><script type="application/ld+json">[{},{},{}]</script><p>Text.</p></body>"#,
        ev(1),
        ev(2),
        ev(3)
    );
    let m = crate::metadata::collect(&parse(&html, 64));
    assert!(m.structured_text.is_empty(), "{:?}", m.structured_text);
    let html = format!(
        r#"<body><script type="application/ld+json">{}</script><p>Text.</p></body>"#,
        ev(1)
    );
    let m = crate::metadata::collect(&parse(&html, 64));
    assert_eq!(m.structured_text.len(), 1);
}

#[test]
fn read_more_links_are_pruned() {
    let html = format!(
        "<body><article>{}<a class=read-more-big href=/o><span>Also on our site</span> <span>Journalists threatened with arrests as the purge of the opposition goes on</span></a>{}<p>See <a class=readmore-inline-note href=/x>the notes</a> below. <a class=more href=/y>More detail on the threats made against the reporters</a></p></article></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Journalists threatened"), "{t}");
    assert!(!t.contains("the notes"), "{t}");
    assert!(t.contains("More detail on the threats"), "{t}");
}

#[test]
fn teaser_card_groups_are_pruned_by_shape() {
    let card = |k: usize| {
        format!(
            "<div class=tumb><div class=r><a href=/s{k}><img src=/i{k}.jpg></a></div><div class=title><a href=/s{k}>Story {k}</a></div><div class=body>A short blurb of the other story number {k}, telling why it is worth a read.</div></div>"
        )
    };
    let cards: String = (1..=4).map(card).collect();
    let html = format!(
        "<body><div id=ct><h1>Title</h1>{}<div id=box><h2>Most popular</h2>{cards}</div></div></body>",
        article(5)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("blurb"), "{t}");
    assert!(!t.contains("Most popular"), "{t}");
    // Cards whose links go to different places (a title and a source) are not teasers.
    let mixed: String = (1..=4)
        .map(|k| format!("<div class=tumb><a href=/s{k}><img src=/i{k}.jpg></a><a href=/t{k}>Story {k}</a><p>A short blurb of the other story number {k}, telling why it is worth a read.</p></div>"))
        .collect();
    let html = format!(
        "<body><div id=ct><h1>Title</h1>{}<div id=box>{mixed}</div></div></body>",
        article(5)
    );
    assert!(root_text(&html).contains("blurb"));
    // Cards whose class values differ past their first name (a theme's per-post classes)
    // are one box of teasers too.
    let themed: String = (1..=4)
        .map(|k| format!("<article class='card post-{k} category-c{k}'><a href=/s{k}><img src=/i{k}.jpg></a><h4><a href=/s{k}>Story {k}</a></h4><p>A short blurb of the other story number {k}, telling why it is worth a read.</p></article>"))
        .collect();
    let html = format!(
        "<body><div id=ct><h1>Title</h1>{}<div id=box>{themed}</div></div></body>",
        article(5)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose") && !t.contains("blurb"), "{t}");
    // A hidden link in a card (its author's, for microformats) does not count.
    let hidden: String = (1..=4)
        .map(|k| format!("<div class=tumb><a href=/s{k}><img src=/i{k}.jpg></a><h4><a href=/s{k}>Story {k}</a></h4><span style='display:none'><a href=/author/a{k}>Writer</a></span><p>A short blurb of the other story number {k}, telling why it is worth a read.</p></div>"))
        .collect();
    let html = format!(
        "<body><div id=ct><h1>Title</h1>{}<div id=box>{hidden}</div></div></body>",
        article(5)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose") && !t.contains("blurb"), "{t}");
    // Cards marked up as articles of their own (microdata) are teasers, image link or not.
    let items: String = (1..=4)
        .map(|k| format!("<li class=card itemscope itemtype=https://schema.org/Article><img src=/i{k}.jpg><h2><a href=/s{k}>Story {k}</a></h2><p>A short blurb of the other story number {k}, telling why it is worth a read.</p></li>"))
        .collect();
    let html = format!(
        "<body><div id=ct><h1>Title</h1>{}<ul class=cards>{items}</ul></div></body>",
        article(5)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose") && !t.contains("blurb"), "{t}");
    // Cards holding most of the root's text are its content (a category's items).
    let html = format!(
        "<body><div id=ct><h1>Title</h1><p>{PROSE}</p><div id=box>{cards}</div></div></body>"
    );
    assert!(root_text(&html).contains("blurb"));
}

#[test]
fn photo_runs_between_text_blocks_lose_their_captions() {
    let photo = |k: usize| {
        format!(
            "<div class=photo><p><img src=/p{k}.jpg></p><span class=newsCaption>The harbour seen from the hill at dawn, photo {k} (Image: AGENCY)</span></div>"
        )
    };
    let text = |k: usize| format!("<div class=text>{}</div>", article(3 * k));
    let html = format!(
        "<body><div id=story><h1>Title</h1>{}{}{}{}{}<div class=related-articles><a href=/r>Another story about the harbour and its boats</a></div>{}</div></body>",
        text(2),
        photo(1),
        photo(2),
        text(2),
        photo(3),
        text(2)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("harbour seen"), "{t}");
}

#[test]
fn a_root_inside_the_article_body_grows_to_it_without_its_tags() {
    let dates: String = (1..=16)
        .map(|k| format!("Round {k}: {k} March - Interlagos circuit, Sao Paulo<br>"))
        .collect();
    let html = format!(
        "<body><div class=page><div itemprop=articleBody class=body><h1>Calendar 2018</h1><h3>The season's calendar</h3><p>{dates}</p><p>* Calendar subject to change</p><p>* Published in January</p><strong>Tags<br><a href=/t/1>calendar</a>, <a href=/t/2>stock car</a>, <a href=/t/3>interlagos</a>, <a href=/t/4>season</a></strong></div></div><div class=side><p>Short.</p></div></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("Round 16"), "{t}");
    assert!(t.contains("subject to change"), "{t}");
    assert!(t.contains("season's calendar"), "{t}");
    assert!(!t.contains("interlagos"), "{t}");
}

#[test]
fn robots_nocontent_regions_are_pruned() {
    let html = format!(
        "<body><article><h1>Kit review</h1>{}<p class=\"jetpack-slideshow-noscript robots-nocontent\">This slideshow requires JavaScript.</p>{}</article></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("slideshow requires"), "{t}");
}

#[test]
fn teaser_lines_with_a_label_after_the_link_are_pruned() {
    let html = format!(
        "<body><div class=story>{}<p><strong>DON'T MISS</strong><br><strong><a href=/a>Plague warning: officials name eight deadly diseases</a> [WARNING]</strong><br><strong><a href=/b>Holidaymakers fall ill after eating marmot meat</a> [INSIGHT]</strong></p>{}<p><a href=/w>Visit the company's own website</a> to learn more.</p></div></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("officials name eight"), "{t}");
    assert!(!t.contains("marmot"), "{t}");
    // Text after the link that ends a sentence: the link is part of it.
    assert!(t.contains("company's own website"), "{t}");
}

#[test]
fn aria_hidden_links_are_visible_duplicates_and_kept() {
    // A card's summary wrapped in a second link to the story, hidden from screen readers
    // (which already read the headline link) but shown on screen.
    let card = |k: usize| {
        format!(
            "<article class=river><h2><a href=/s{k}>Headline number {k} of the river</a></h2><p><a href=/s{k} aria-hidden=true tabindex=-1>Summary {k} of the story, with enough words to read as a sentence.</a></p></article>"
        )
    };
    let cards: String = (0..5).map(card).collect();
    let html = format!(
        "<body><main>{cards}</main><p aria-hidden=true>Decorative text</p><span aria-hidden=\"true\">*</span></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("Summary 3 of the story"), "{t}");
    // Other aria-hidden elements stay pruned.
    let t = text_of(&dom, &a, a.body);
    assert!(!t.contains("Decorative"), "{t}");
}

#[test]
fn product_cards_sold_by_subscription_are_not_subscription_boxes() {
    let card = |k: usize| {
        format!(
            "<li class=grid__item><div class=\"card-wrapper product-card-wrapper subscription-eligible\"><a href=/p{k}>Dark roast coffee, whole bean, bag {k}</a> <span class=price>$19.{k}</span></div></li>"
        )
    };
    let grid: String = (0..6).map(card).collect();
    let html = format!(
        "<body><main><ul class=grid>{grid}</ul></main><div class=subscription-box><p>Get our roasting news every week, with offers and recipes.</p></div></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    let t = text_of(&dom, &a, a.body);
    assert!(t.contains("bag 4"), "{t}");
    assert!(!t.contains("roasting news"), "{t}");
}

#[test]
fn a_paragraph_repeating_the_one_before_is_dropped() {
    // A card's name as its image's caption, its link and its heading.
    let card = |k: usize| {
        format!(
            "<li class=card><div class=media>Roast {k}</div><a href=/p{k}>Roast {k}</a><h3>Roast {k}</h3><p>Price $19.{k}, bag of 340 g, whole beans</p><ul><li>Yes</li><li>Yes</li></ul></li>"
        )
    };
    let grid: String = (0..5).map(card).collect();
    let html = format!("<body><main><ul class=grid>{grid}</ul></main></body>");
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert_eq!(t.matches("Roast 3").count(), 1, "{t}");
    // Lines of one block (list items, table rows) may repeat.
    assert_eq!(t.matches("Yes").count(), 10, "{t}");
}

#[test]
fn noscript_fallbacks_are_pruned_unless_they_hold_the_page() {
    let menu: String = (0..8)
        .map(|k| format!("<li><a href=/s{k}>Section {k}</a><ul><li><a href=/s{k}/a>Subsection {k} a</a></li><li><a href=/s{k}/b>Subsection {k} b</a></li></ul></li>"))
        .collect();
    let html = format!(
        "<body><noscript><ul>{menu}</ul><p>Please enable JavaScript to use this site.</p></noscript><main>{}</main></body>",
        article(4)
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    let t = text_of(&dom, &a, a.body);
    assert!(t.contains("real prose"), "{t}");
    assert!(
        !t.contains("Subsection") && !t.contains("enable JavaScript"),
        "{t}"
    );
    // A page shipped whole in `<noscript>` is kept.
    let html = format!(
        "<body><noscript><main>{}</main></noscript></body>",
        article(4)
    );
    assert!(root_text(&html).contains("real prose"));
}

#[test]
fn a_listing_narrows_to_the_main_element_holding_it() {
    let card = |k: usize| {
        format!(
            "<div class=result><h3><a href=/r{k}>Result number {k} with a long enough title</a></h3><span>Filed under forms, updated this year {k}</span></div>"
        )
    };
    let cards: String = (0..12).map(card).collect();
    let html = format!(
        "<body><div class=wrap><main>{cards}</main><div class=box><p>Our partners: Legal Aid, Bar Association</p></div></div></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("Result number 11"), "{t}");
    assert!(!t.contains("Our partners"), "{t}");
}

#[test]
fn teaser_boxes_around_an_article_do_not_make_a_listing() {
    // Eight boxes of headline teasers: together worth more than the listing factor times the
    // article, each far less than the article.
    let boxes: String = (0..8)
        .map(|b| {
            let items: String = (0..8)
                .map(|k| {
                    format!("<li><a href=/t{b}{k}>Teaser headline {b}-{k} about another story of the day</a></li>")
                })
                .collect();
            format!("<div class=box{b}><ul>{items}</ul></div>")
        })
        .collect();
    let html = format!(
        "<body><div class=page><div class=story><h1>Title</h1>{}</div><div class=rail>{boxes}</div></div></body>",
        article(5)
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(!a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Teaser headline"), "{t}");
}

#[test]
fn hidden_tab_panes_of_a_product_page_are_content() {
    // A product's description and specifications tabs: the second is hidden until a click.
    let html = format!(
        "<body><main><h1>Graphics card</h1><div class=tab-content><div class=tab-pane>{}</div><div class=tab-pane style='display:none'><table><tr><th>Core Clock</th><td>732 MHz</td></tr><tr><th>Memory</th><td>12 GB</td></tr></table></div></div><div class=promo-pane style='display:none'><p>Hidden offer: {PROSE}</p></div></main></body>",
        article(3)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose") && t.contains("Core Clock"), "{t}");
    assert!(!t.contains("Hidden offer"), "{t}");
    // On other pages a hidden tab pane stays hidden, unless a shown pane of its set sits
    // before it (see `hidden_members_of_a_shown_set_are_content`).
    let t = root_text(&html);
    assert!(t.contains("Core Clock"), "{t}");
    let html = format!(
        "<body><main><h1>Graphics card</h1>{}<div class=tab-content><div class=tab-pane style='display:none'><table><tr><th>Core Clock</th><td>732 MHz</td></tr></table></div></div></main></body>",
        article(3)
    );
    assert!(product_root_text(&html).contains("Core Clock"));
    let t = root_text(&html);
    assert!(!t.contains("Core Clock"), "{t}");
}

#[test]
fn a_product_description_in_microdata_joins_the_root() {
    // The description (short bullet points, no prose) sits in a column next to the buy box;
    // the root is the long marketing text further down.
    let html = format!(
        "<body><div itemscope itemtype=https://schema.org/Product><div class=cols><div class=col><h2>Condenser microphone</h2><ul itemprop=description><li>Gold-plated 1\" capsule</li><li>Polar pattern: cardioid</li><li>Weight: 311 g</li></ul></div><div class=col itemscope itemtype=https://schema.org/Offer><p itemprop=description>Terms of the offer sold by the shop</p><p>£199</p><p>In stock</p><p><a href=/cart>Add to basket</a></p><p>Delivery tomorrow</p></div></div><div class=rich>{}</div></div></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(
        t.contains("real prose") && t.contains("Polar pattern"),
        "{t}"
    );
    assert!(
        !t.contains("Add to basket") && !t.contains("Terms of the offer"),
        "{t}"
    );
    // Without structured data saying the page is a product's, nothing joins.
    let t = root_text(&html);
    assert!(!t.contains("Polar pattern"), "{t}");
}

#[test]
fn carousels_are_shop_chrome_on_product_pages() {
    // "Similar items" slides next to a product's description.
    let slide = |k: usize| {
        format!(
            "<li class=carousel__item><h3>Motorbike chain 520 with 120 links, gold, model {k}</h3><span>$103.{k}</span><span>+ $23.12 delivery</span><a href=/i{k} aria-label=item></a></li>"
        )
    };
    let slides: String = (0..5).map(slide).collect();
    let html = format!(
        "<body><main><h1>Chain</h1><div class=description>{}</div><div class=carousel><h2>Similar items</h2><ul>{slides}</ul></div></main></body>",
        article(3)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Motorbike chain"), "{t}");
    // Elsewhere a carousel's slides can be the content (a services page's features).
    let t = root_text(&html);
    assert!(t.contains("Motorbike chain"), "{t}");
}

#[test]
fn hex_identifiers_are_pruned() {
    // Obfuscated labels: letters between UUID-filled spans that a stylesheet hides.
    let html = format!(
        "<body><main>{}<div><span>S</span><span class=x>f2f260c3-bf1f-466a-b856-6f031758a086</span><span>p</span><span class=x>9b1d4c1e0f6a4e7d8a2b3c4d5e6f7a8b</span></div><p>Call 0033-1234-5678-9999-0000-1111-22 for the key.</p><p><span>deadbeefcafebabedeadbeefcafebabe</span></p></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("f2f260c3") && !t.contains("9b1d4c1e"), "{t}");
    // Numbers in a sentence and words spelled with hex letters only stay.
    assert!(t.contains("0033-1234") && t.contains("deadbeef"), "{t}");
}

#[test]
fn hidden_blocks_after_a_button_are_accordion_answers() {
    let item = |k: usize| {
        format!(
            "<div class=item><button type=button><h5>Question number {k}?</h5></button><div class='text-sm hidden'><p>Answer {k} is kept: {PROSE}</p></div></div>"
        )
    };
    let faq: String = (0..3).map(item).collect();
    let html = format!(
        "<body><main>{}<div class=faq-list>{faq}</div><div><button>Open</button><a class=hidden href=/d>See the hidden details link</a></div><div class=hidden><p>Plain hidden dropped: {PROSE}</p></div></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(
        t.contains("Answer 0 is kept") && t.contains("Answer 2"),
        "{t}"
    );
    // A hidden link after a button is no panel; a hidden block after no button stays hidden.
    assert!(
        !t.contains("See the hidden") && !t.contains("Plain hidden"),
        "{t}"
    );
}

#[test]
fn a_product_page_narrows_to_its_main_element_sooner() {
    // A cart drawer and a gift panel outside <main> hold more than a third of the prose.
    let html = format!(
        "<body><main><h1>Diffuser</h1>{}</main><div class=drawer><p>Your basket: gift wrapping is offered, with a message, for every order of the shop.</p></div><div class=gifts>{}</div></body>",
        article(4),
        article(2)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Your basket"), "{t}");
    // Other pages keep the body when the region outside <main> is worth more than <main>
    // (see also `a_body_root_gives_way_to_the_page_wrapper_beside_overlays`).
    let html = format!(
        "<body><main><h1>Diffuser</h1>{}</main><div class=drawer><p>Your basket: gift wrapping is offered, with a message, for every order of the shop.</p></div><div class=gifts>{}</div></body>",
        article(2),
        article(2)
    );
    let t = root_text(&html);
    assert!(t.contains("Your basket"), "{t}");
}

#[test]
fn an_article_page_narrows_to_its_main_element_worth_half_the_root() {
    // Pop-ups after the page (a plan's terms, a sign-up panel) hold three sevenths of the
    // prose: the root is <main>, not the body holding both.
    let html = format!(
        "<body><div><main><h1>Title</h1>{}</main></div><div class=m1>{}</div><div class=m2>{}</div></body>",
        article(4),
        article(1).replace("This is", "Offer one:"),
        article(2).replace("This is", "Offer two:")
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Offer one") && !t.contains("Offer two"), "{t}");
    // An <article> element needs more: one of several stories is no page's main content.
    let html = html
        .replace("<main>", "<article>")
        .replace("</main>", "</article>");
    let t = root_text(&html);
    assert!(t.contains("Offer one"), "{t}");
}

#[test]
fn a_grid_of_data_is_worth_its_text() {
    // A pricing table: row labels are links (popups), cells are short. A welcome bar elsewhere
    // is the only other text.
    let mut rows = String::from("<tr><th>Plan</th><th>Basic</th><th>Pro</th><th>Team</th></tr>");
    for f in [
        "Unlimited revisions",
        "Phone support",
        "Cover letter",
        "Interview coaching",
    ] {
        rows.push_str(&format!(
            "<tr><td><a href=#popup>{f}</a></td><td>Yes</td><td>Yes</td><td>-</td></tr>"
        ));
    }
    let html = format!(
        "<body><div class=bar><p>Get the career app, free for seven days!</p></div><div class=plans><table>{rows}</table></div></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("Interview coaching"), "{t}");
    // A layout table (holding another table) is not a grid of data: its link rows stay
    // navigation.
    let nested = html.replace(
        "<table>",
        "<table><tr><td><table><tr><td>x</td></tr></table></td></tr>",
    );
    let t = root_text(&nested);
    assert!(!t.contains("Interview coaching"), "{t}");
}

#[test]
fn placeholder_text_is_pruned() {
    let html = format!(
        "<body><main><p>{PROSE}</p><div class=chart><p><span>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</span></p></div><p>{PROSE} Designers call this dummy text lorem ipsum, after Cicero.</p></main></body>"
    );
    let t = root_text(&html);
    assert!(!t.contains("consectetur"), "{t}");
    // Text that mentions the placeholder is kept.
    assert!(t.contains("after Cicero"), "{t}");
}

#[test]
fn adjacent_inline_items_are_separated_but_styled_runs_of_a_word_are_not() {
    let html = format!(
        "<body><main><p>{PROSE}</p><div class=meta><span class=item>2026</span><span class=item>1h 54m</span><span class=item>R</span></div><div><span class=v>158</span><span class=u>kcal</span></div><p><span class=s>Le</span><span class=s>arn more about <b>W</b>ords</span> and <a href=/x>links</a>.</p><p>Visit <b>example</b><i>.com</i> today.</p><p>{PROSE}</p></main></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("2026 1h 54m R"), "{t}");
    assert!(t.contains("158 kcal"), "{t}");
    // A lowercase word split into runs, and markup inside a word, stay whole.
    assert!(t.contains("Learn more about Words and links."), "{t}");
    // Punctuation keeps to the word before it.
    assert!(t.contains("Visit example.com today."), "{t}");
}

#[test]
fn hidden_blocks_after_a_heading_with_a_toggle_are_accordion_answers() {
    // A FAQ whose questions are headings holding the toggle's icon: each hidden answer stays.
    let faq: String = (0..3)
        .map(|k| {
            format!(
                "<div class=item><h3>Question number {k}? <span class=toggler><svg><path d=M0></path></svg></span></h3><div class=content style='display: none;'><p>Answer {k} is kept: {PROSE}</p></div></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><main>{}<div class=faq>{faq}</div><h3>Plain heading</h3><div style='display:none'><p>Hidden after a plain heading: {PROSE}</p></div></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(
        t.contains("Answer 0 is kept") && t.contains("Answer 2 is kept"),
        "{t}"
    );
    // A hidden block after a heading without a toggle stays hidden.
    assert!(!t.contains("Hidden after a plain heading"), "{t}");
}

#[test]
fn labels_repeated_in_a_product_page_keep_their_first_copy() {
    // A comparison of related products repeats its row labels; a badge repeats per card.
    let cards: String = (0..3)
        .map(|k| {
            format!("<div class=col><span>Bit Count</span><span>{}</span><div>Free Shipping</div></div>", 16 + k)
        })
        .collect();
    let html = format!(
        "<body><main><h1>Driver kit</h1>{}<div class=specs><div>Bit Count</div><div>32</div></div><table><tr><td>Yes</td></tr><tr><td>Yes</td></tr><tr><td>Yes</td></tr></table><div class=compare>{cards}</div></main></body>",
        article(8)
    );
    let t = product_root_text(&html);
    assert_eq!(t.matches("Bit Count").count(), 1, "{t}");
    assert_eq!(t.matches("Free Shipping").count(), 1, "{t}");
    // Table cells stay, and so do the labels' values.
    assert_eq!(t.matches("Yes").count(), 3, "{t}");
    assert!(t.contains("32") && t.contains("17"), "{t}");
    // On other pages repeated labels stay.
    let t = root_text(&html);
    assert_eq!(t.matches("Bit Count").count(), 4, "{t}");
}

#[test]
fn accordion_toggle_buttons_keep_their_section_titles() {
    // The WAI-ARIA accordion: a heading holding only the toggle button; and a button named
    // like an accordion's. Other buttons stay pruned.
    let html = format!(
        "<body><main><div class=acc><h3><button aria-expanded=true>Specifications</button></h3><div><p>{PROSE}</p></div></div><div class=item><button class=accordion__button><span>Care and use</span></button><div><p>{PROSE}</p><p>{PROSE}</p></div></div><button>Add to cart</button><h3><button>Save</button> for later</h3></main></body>"
    );
    let t = root_text(&html);
    assert!(
        t.contains("Specifications") && t.contains("Care and use"),
        "{t}"
    );
    assert!(!t.contains("Add to cart") && !t.contains("Save"), "{t}");
}

#[test]
fn faq_buttons_holding_a_heading_or_a_question_keep_it() {
    // Component libraries put the heading inside the toggle (`<button><svg/><h3>..</h3>`);
    // and a disclosure button labelled by a question, followed by its answer, is an FAQ
    // entry. A question button with no answer after it (answers fetched on a click) and a
    // menu's disclosure button stay pruned.
    let html = format!(
        "<body><main><p>{PROSE}</p><div><button><svg><path d=M0></path></svg><h3>What does the trial cost?</h3></button><div class=hidden><p>{PROSE}</p></div></div>\
         <div><button aria-expanded=true>Do you work on weekends?<svg></svg></button><div><p>Yes, we do, every Saturday and every Sunday of the year.</p></div></div>\
         <div><button aria-expanded=false><span>Can I pay later?</span></button></div>\
         <div><button aria-expanded=false>Products</button><ul><li>A list of items</li></ul></div><p>{PROSE}</p></main></body>"
    );
    let t = root_text(&html);
    assert!(
        t.contains("What does the trial cost?") && t.contains("Do you work on weekends?"),
        "{t}"
    );
    assert!(t.contains("every Saturday"), "{t}");
    assert!(
        !t.contains("Can I pay later") && !t.contains("Products"),
        "{t}"
    );
}

#[test]
fn ids_made_from_a_heading_say_nothing_of_the_template() {
    // Generators give headings and their sections ids from the heading's words: a heading
    // that mentions social media or related deaths is no share bar or related-posts box.
    // A template's short id keeps its meaning, unless the heading holds a permalink to it.
    let html = format!(
        "<body><article><h2 id=what-is-social-media-marketing>What is Social Media Marketing?</h2><p>{PROSE}</p>\
         <section id=respond-to-review-comments><h2>Respond to review comments</h2><p>Reviewers will ask for changes; answer each point.</p></section><p>{PROSE}</p>\
         <section id=social-auth><h2>Social Auth<a class=headerlink href=#social-auth>#</a></h2><p>Sign in with a provider account of your choice.</p></section>\
         <div id=related-posts><h3>Related posts</h3><p>Ten more tips about marketing</p></div></article></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("What is Social Media Marketing?"), "{t}");
    // A short slug counts when the heading links to it (a generator's permalink).
    assert!(t.contains("provider account"), "{t}");
    assert!(t.contains("answer each point"), "{t}");
    assert!(!t.contains("Ten more tips"), "{t}");
}

#[test]
fn signatures_closing_a_post_go_those_opening_a_member_stay() {
    // A forum signature closes its post (an empty meta bar may follow); an API member's
    // signature (Javadoc `member-signature`) opens its description.
    let post = |k: u32| {
        format!(
            "<div class=post><div class=post_body><p>Reply {k}: {PROSE}</p></div><div class=signature>Sent from my phone, visit my shop</div><div class=post_meta><span></span></div></div>"
        )
    };
    let html = format!("<body><main>{}{}</main></body>", post(1), post(2));
    let t = root_text(&html);
    assert!(t.contains("Reply 2"), "{t}");
    assert!(!t.contains("Sent from my phone"), "{t}");
    let member = |name: &str| {
        format!(
            "<section class=detail><h3>{name}</h3><div class=member-signature>public static int {name}(String value)</div><div class=block><p>{PROSE}</p></div></section>"
        )
    };
    let html = format!(
        "<body><main><h1>Class Parser</h1>{}{}</main></body>",
        member("parseInt"),
        member("parseLong")
    );
    let t = root_text(&html);
    assert!(
        t.contains("public static int parseInt(String value)")
            && t.contains("public static int parseLong(String value)"),
        "{t}"
    );
}

#[test]
fn permalink_marks_are_no_text() {
    // Generators put a link to the heading itself after it (Sphinx `¶`, rustdoc `§`, `#`).
    // A link to a footnote or another page keeps its mark. (From the x-docs helper.)
    let html = format!(
        "<body><main><h1>Guide<a class=headerlink href=#guide>¶</a></h1><p>{PROSE}</p><h2>Usage <a href=#usage>#</a></h2><p>{PROSE}<a href=/other>§</a></p></main></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("Guide") && t.contains("Usage"), "{t}");
    assert!(!t.contains('¶') && !t.contains('#'), "{t}");
    assert!(t.contains('§'), "{t}");
}

#[test]
fn syntax_highlighted_code_keeps_its_comments() {
    // Highlighters mark tokens with classes (`hljs-comment`, `token comment`): inside code,
    // they are code, not a comment section. Outside code the class rules stand.
    let html = format!(
        "<body><article><p>{PROSE}</p><pre><code><span class=hljs-comment>// open the file first</span>\nlet f = open();\n<span class='token comment'># then read it</span></code></pre><p>{PROSE}</p><div class=comments><p>First! Great post, thanks for sharing it.</p></div></article></body>"
    );
    let t = root_text(&html);
    assert!(
        t.contains("open the file first") && t.contains("then read it"),
        "{t}"
    );
    assert!(!t.contains("Great post"), "{t}");
}

#[test]
fn fixed_position_overlays_are_pruned() {
    // A consent banner at the end of the body, positioned over the page by a utility class or
    // an inline style, written as prose.
    let html = format!(
        "<body><div><main>{}</main></div><div class='pointer-events-auto fixed bottom-6'><p>This site uses cookies to enhance site functionality, analyze traffic, and personalize ads.</p></div><div style='position: fixed; bottom: 0'><p>Chat with us now, our friendly team is online and ready to help you today.</p></div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("cookies") && !t.contains("Chat with us"), "{t}");
    // `fixed` as part of another name (a fixed-width layout) is no overlay.
    let html = format!("<body><div class=fixed-width><p>{PROSE}</p><p>{PROSE}</p></div></body>");
    assert!(root_text(&html).contains("real prose"));
}

#[test]
fn weakly_named_regions_with_many_paragraphs_are_kept() {
    // A table of contents and the sections it links to in one wrapper named after the menu
    // (`jump-link`): the weak token does not prune five long paragraphs.
    let offers: String = (0..12)
        .map(|k| format!("<p>Offer {k}: {PROSE} {PROSE}</p>"))
        .collect();
    let html = format!(
        "<body><h1>Title</h1><div class=jump-link><ul><li><a href=#a>Part one</a></li></ul><div><h2 id=a>Part one</h2>{}</div></div><div class=terms>{offers}</div></body>",
        format!("<p>Section: {PROSE}</p>").repeat(5)
    );
    let t = root_text(&html);
    assert!(t.contains("Section:"), "{t}");
    // A strong token still prunes it (a sidebar of posts).
    let html = html.replace("jump-link", "sidebar");
    assert!(!root_text(&html).contains("Section:"));
}

#[test]
fn a_posters_card_keeps_the_posters_name() {
    // Posts of a thread with their poster's card in an `<aside>` (pruned by its tag) and a
    // user-details block (pruned by its class): the name stays, rank and counts go.
    let post = |name: &str| {
        format!(
            "<article class=post><aside class=author-column><div class=avatar><img src=a.png></div><h3 class=entry-username><a class=ipsUsername href=/u>{name}</a> <span class=group>Members</span></h3><ul class=stats><li>4.7k posts</li></ul></aside><div class=body>{}</div></article>",
            article(2)
        )
    };
    let html = format!("<body><main>{}{}</main></body>", post("Alice"), post("Bob"));
    let t = root_text(&html);
    assert!(t.contains("Alice") && t.contains("Bob"), "{t}");
    assert!(!t.contains("Members") && !t.contains("4.7k"), "{t}");
    // The same with microdata: the name of the post's author in a user-details block.
    let post = |name: &str| {
        format!(
            "<div class=message itemscope itemtype=https://schema.org/Comment><section class=message-user itemprop=author itemscope itemtype=https://schema.org/Person><div class=message-userDetails><h4><a href=/u><span itemprop=name>{name}</span></a></h4><h5 class=rank>Veteran</h5></div></section><div class=body>{}</div></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><main>{}{}</main></body>",
        post("Carol"),
        post("Dave")
    );
    let t = root_text(&html);
    assert!(t.contains("Carol") && t.contains("Dave"), "{t}");
    assert!(!t.contains("Veteran"), "{t}");
    // A single article's author box is no poster's card.
    let html = format!(
        "<body><main><article>{}<aside><span class=author-name>Erin</span> writes weekly.</aside></article></main></body>",
        article(3)
    );
    assert!(!root_text(&html).contains("Erin"));
}

#[test]
fn repeated_posts_in_divs_keep_their_posters_names() {
    // Posts that are neither `<article>` nor typed (phpBB, vBulletin, bbPress): each a
    // `<div>` of the same first class word (its number aside), its poster's card pruned by
    // class. The name stays once per post, the rank and counts go.
    let post = |k: usize, name: &str| {
        format!(
            "<div class='post bg{k}'><dl class=postprofile><dt><a class=username href=/u{k}>{name}</a></dt><dd>Senior Member</dd><dd>Posts: 4,381</dd></dl><div class=postbody><p class=author>by <a class=username href=/u{k}>{name}</a> on Jan 8</p><div>{}</div></div></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><div id=page>{}{}{}</div></body>",
        post(1, "Alice"),
        post(2, "Bob"),
        post(1, "Carol")
    );
    let t = root_text(&html);
    for name in ["Alice", "Bob", "Carol"] {
        assert_eq!(t.matches(name).count(), 1, "{name}: {t}");
    }
    assert!(!t.contains("Senior Member") && !t.contains("4,381"), "{t}");
    // A post of rows sharing one class (header, body, footer): the name is kept from the
    // post repeated across the thread, not from its header row.
    let post = |k: usize, name: &str| {
        format!(
            "<div class=message-view><div class='row row-header'><div class=author-box><a class=username href=/u{k}>{name}</a> Senior Member</div><span>Jan {k}, 2024</span></div><div class='row row-main'>{}</div><div class='row row-footer'><a href=/r>Reply</a></div></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><div id=list>{}{}{}</div></body>",
        post(1, "Alice"),
        post(2, "Bob"),
        post(3, "Carol")
    );
    let t = root_text(&html);
    for name in ["Alice", "Bob", "Carol"] {
        assert_eq!(t.matches(name).count(), 1, "{name}: {t}");
    }
    // One card alone (a signed-in user's box beside an article) keeps nothing.
    let html = format!(
        "<body><div><div class=userinfo><a class=username href=/me>Dora</a> Settings</div><div class=text>{}</div></div><div class=other><p>{PROSE}</p></div></body>",
        article(3)
    );
    assert!(!root_text(&html).contains("Dora"));
    // Records titled by a link to another page are a listing's teasers: their byline cards
    // stay pruned (the same records with a title linking to the post itself keep them).
    let teaser = |k: usize, name: &str, href: &str| {
        format!(
            "<div class='post bg{k}'><h2><a href={href}>Story number {k} of the week</a></h2><dl class=postprofile><dt><a class=username href=/u{k}>{name}</a></dt><dd>Staff writer</dd></dl><div class=postbody><div>{}</div></div></div>",
            article(2)
        )
    };
    let page = |h: [&str; 3]| {
        format!(
            "<body><div id=page>{}{}{}</div></body>",
            teaser(1, "Alice", h[0]),
            teaser(2, "Bob", h[1]),
            teaser(1, "Carol", h[2])
        )
    };
    let t = root_text(&page(["/story/1", "/story/2", "/story/3"]));
    assert!(!t.contains("Alice") && !t.contains("Bob"), "{t}");
    let t = root_text(&page(["#p1", "#p2", "#p3"]));
    assert!(t.contains("Alice") && t.contains("Bob"), "{t}");
}

#[test]
fn posts_laid_out_in_tables_are_read_as_posts() {
    // Older forum software draws each post as a table: the poster's cell beside the
    // message's. The poster's fields repeated from post to post go, as in posts of
    // `<div>`s, and a signature under its rule of underscores goes, even a lone one.
    let post = |k: usize, name: &str, sig: &str| {
        format!(
            "<div id=edit{k}><table id=post{k} class=tborder><tr><td class=thead>Jan {k}, 2024, 09:1{k} AM</td><td>#{k}</td></tr><tr><td class=alt2><a class=bigusername href=/u{k}>{name}</a><div>Join Date: Mar 2019</div><div>Posts: 21{k}</div></td><td class=alt1><div>{}</div>{sig}</td></tr></table></div>",
            article(3)
        )
    };
    let html = format!(
        "<body><div id=posts>{}{}{}<div id=lastpost></div></div></body>",
        post(1, "Alice", ""),
        post(
            2,
            "Bob",
            "<div>__________________<br>Licensed plumber, thirty years in the trade and counting.</div>"
        ),
        post(3, "Carol", "")
    );
    let t = root_text(&html);
    assert!(t.contains("Alice") && t.contains("Carol"), "{t}");
    assert!(!t.contains("Join Date") && !t.contains("Posts:"), "{t}");
    assert!(!t.contains("Licensed plumber"), "{t}");
    // A short post's words and signature in one block, parted by the rule.
    let post = |k: usize| {
        format!(
            "<div class=post><span>Posted Jan {k}, 2024</span><div class=body>{}<span>Thanks, that fixed it for me too, great advice.<br>_________________<br>My shop: spare parts for old heaters</span></div></div>",
            article(1)
        )
    };
    let html = format!(
        "<body><main>{}{}{}</main></body>",
        post(1),
        post(2),
        post(3)
    );
    let t = root_text(&html);
    assert!(t.contains("that fixed it"), "{t}");
    assert!(!t.contains("My shop") && !t.contains("_____"), "{t}");
    // A table of data in a post stays whole: its cells are short.
    let data = |k: usize| {
        format!(
            "<div class=post><p>{PROSE}</p><table><tr><td>Posts:</td><td>{k}</td></tr></table></div>"
        )
    };
    let html = format!(
        "<body><div id=posts>{}{}{}</div></body>",
        data(1),
        data(2),
        data(3)
    );
    assert!(root_text(&html).contains("Posts:"));
}

#[test]
fn a_signature_followed_by_a_posts_controls_closes_it() {
    // A signature (by class) followed by the post's reaction bar still closes the post.
    let post = |k: usize| {
        format!(
            "<li class=comment-item><div class=message><p>{PROSE} Reply {k}.</p></div><div class=signature>Sent from my phone, visit my shop</div><div class=reactions><a href=/like>Like</a></div></li>"
        )
    };
    let html = format!("<body><main><ul>{}{}</ul></main></body>", post(1), post(2));
    let t = root_text(&html);
    assert!(t.contains("Reply 2."), "{t}");
    assert!(!t.contains("visit my shop"), "{t}");
}

#[test]
fn an_aside_inside_a_quotation_is_the_quotations() {
    // A post written as a `<blockquote>` quoting another post in an `<aside>`: the quote
    // stays; an `<aside>` outside quotations is still a sidebar.
    let html = format!(
        "<body><main><blockquote class=messageText><div class=quote-block><aside><div>Alice said:</div><blockquote>The pilot flame should wrap the tip by half an inch.</blockquote></aside></div>{}</blockquote><aside><p>Popular threads this week, picked by our editors.</p></aside></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(
        t.contains("Alice said:") && t.contains("half an inch"),
        "{t}"
    );
    assert!(!t.contains("Popular threads"), "{t}");
}

#[test]
fn a_threads_table_rows_without_words_are_no_posts() {
    // Posts as rows of one table, each followed by a "Back to top" row and a spacer row:
    // the dated rows are two thirds of the rows with words, a thread, and its poster's
    // fields repeated on every post go.
    let row = |k: usize, name: &str| {
        format!(
            "<tr><td><span class=name><a name=p{k}></a><b>{name}</b></span><br><span class=postdetails>Member<br><br><img src=r.gif><br>Joined: Mar 2019<br>Posts: 21{k}<br>Location: Ohio</span><br></td><td><div>Posted: Jan {k}, 2024 9:1{k} pm</div><div>{}</div></td></tr><tr><td><a href=#top>Back to top</a></td><td></td></tr><tr><td colspan=2></td></tr>",
            article(3)
        )
    };
    let html = format!(
        "<body><table class=forumline>{}{}{}</table></body>",
        row(1, "Alice"),
        row(2, "Bob"),
        row(3, "Carol")
    );
    let t = root_text(&html);
    assert!(t.contains("Alice") && t.contains("Carol"), "{t}");
    assert!(!t.contains("Joined:") && !t.contains("Posts:"), "{t}");
    assert!(!t.contains("Location:"), "{t}");
}

#[test]
fn a_typed_posts_card_keeps_the_name_its_profile_link_shows() {
    // Posts as `<article>`s, the poster's card an `<aside>` whose name has no class: the
    // link to the poster's page showing a name is the name; an avatar's initials linked
    // to the same page are not.
    let post = |k: usize, name: &str| {
        format!(
            "<article><aside><a href=/members/{name}.{k}/><span>{}</span></a><h4><a href=/members/{name}.{k}/>{name}</a></h4><div>Veteran</div><dl><dt>Joined</dt><dd>Jan 2020</dd></dl></aside><div>{}</div></article>",
            &name[..1],
            article(2)
        )
    };
    let html = format!(
        "<body><main>{}{}</main></body>",
        post(1, "Alice"),
        post(2, "Bob")
    );
    let t = root_text(&html);
    assert!(t.contains("Alice") && t.contains("Bob"), "{t}");
    assert!(!t.contains("Veteran"), "{t}");
}

#[test]
fn the_first_post_of_a_thread_keeps_its_header() {
    // The poster's name and date before the first post's text are not a byline to trim.
    let post = |name: &str| {
        format!(
            "<div itemprop=comment itemscope itemtype=http://schema.org/Comment class=post><div class=meta><span itemprop=author itemscope itemtype=http://schema.org/Person><a href=/u><span itemprop=name>{name}</span></a></span> <time>May 4, 2022</time></div><div class=text>{}</div></div>",
            article(2)
        )
    };
    let html = format!(
        "<html><body><div id=main><h1>A question</h1>{}{}</div></body></html>",
        post("alice"),
        post("bob")
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.starts_with("alice"), "{t}");
    assert!(t.contains("bob"), "{t}");
}

#[test]
fn the_short_form_of_a_value_shown_in_two_forms_is_pruned() {
    // A responsive date: the long form for wide screens, the short one for phones.
    let html = format!(
        "<body><main><p>Posted <time datetime=2024-06-14><span class=ipsTime__long>June 14, 2024</span><span class=ipsTime__short>1 yr</span></time></p>{}<p><span class=short>Short alone stays.</span></p></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("June 14, 2024"), "{t}");
    assert!(!t.contains("1 yr"), "{t}");
    assert!(t.contains("Short alone stays"), "{t}");
}

#[test]
fn a_collapsed_details_answer_is_content() {
    // An FAQ of `<details>` whose answers a script hides from screen readers until opened.
    let html = format!(
        "<body><main>{}<details><summary>What is a CDN?</summary><div class=content aria-hidden=true><p>A network of servers that serves the answer kept here, close to its readers.</p></div></details><div aria-hidden=true><p>Plain hidden text goes, as it always did.</p></div></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("answer kept here"), "{t}");
    assert!(!t.contains("Plain hidden"), "{t}");
}

#[test]
fn legal_fine_print_is_pruned() {
    // The footnotes of a service page's claims, under its text.
    let html = format!(
        "<body><main><div class=intro>{}</div><div class='module'><div class=copy-legal><p><strong>*Disclaimers</strong></p><p>Based on publicly available data on the number of customers of competitors, as of December, the fine print.</p></div></div></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("fine print"), "{t}");
    // A page's legal text named as content stays.
    let html = format!(
        "<body><main><div class=legal-content>{}</div></main></body>",
        article(3)
    );
    assert!(root_text(&html).contains("real prose"));
}

#[test]
fn interaction_counters_and_positions_are_pruned() {
    // A post's like count, typed as a schema.org InteractionCounter, and its number.
    let post = |k: usize| {
        format!(
            "<div class=post><span itemprop=position>#{k}0</span><p>{PROSE} Post {k}.</p><div itemprop=interactionStatistic itemscope itemtype=http://schema.org/InteractionCounter><span class=post-likes>{k} Likes</span></div></div>"
        )
    };
    let html = format!(
        "<body><main>{}{}{}</main></body>",
        post(1),
        post(2),
        post(3)
    );
    let t = root_text(&html);
    assert!(t.contains("Post 2."), "{t}");
    assert!(!t.contains("Likes"), "{t}");
    assert!(!t.contains("#20"), "{t}");
}

#[test]
fn a_run_of_subheadings_before_the_first_prose_is_kept() {
    // A service page titles its first section with a heading and a tagline set as a second
    // heading; the byline-like fragment before them is still trimmed, and so is the <h1>.
    let html = format!(
        "<body><main><h1>Page title</h1><p>Call us today</p><h2>Cosmetic packaging design</h2><h3>Where looks meet purpose</h3><p>{PROSE} One.</p><p>{PROSE} Two.</p><p>{PROSE} Three.</p><p>{PROSE} Four.</p></main></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(
        t.starts_with("Cosmetic packaging design\n\nWhere looks meet purpose\n\nThis is"),
        "{t}"
    );
}

#[test]
fn link_tables_under_column_headers_are_rendered_link_lists_are_not() {
    // A data table whose first column is linked names is content (render.rs skips inner
    // link clusters, but not a table with `<th>` headers, nor its body or a wrapper of it);
    // the same links without headers are still a cluster.
    let rows: String = [
        "Northwind Traders",
        "Contoso Builders",
        "Fabrikam Electric",
        "Tailspin Works",
    ]
    .iter()
    .enumerate()
    .map(|(k, n)| format!("<tr><td><a href=/c{k}>{n}</a></td><td>${k}B</td></tr>"))
    .collect();
    let html = format!(
        "<body><article><p>{PROSE}</p><p>Electrical firms design, install, test and repair the systems of large buildings, and the market for their work grew again last year, by a steady margin.</p><p>The list below ranks the firms by their revenue, as reported for the last full year.</p><div class=scroll><table><thead><tr><th>Company</th><th>Revenue</th></tr></thead><tbody>{rows}</tbody></table></div><p>Growth, not size, is what the rest of this long article looks at, firm by firm, with the figures each of them reported to the trade press.</p><table><tr><td><a href=/a>Read the first related story here</a></td><td><a href=/b>Read the second related story</a></td><td><a href=/c>Read a third related story</a></td></tr></table><p>The last of the firms, founded a century ago, now employs more than twenty thousand people across the country, in every one of its regions.</p></article></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Company Revenue"), "{t}");
    assert!(t.contains("Fabrikam Electric $2B"), "{t}");
    assert!(!t.contains("related story"), "{t}");
}

#[test]
fn an_aside_in_an_article_holding_a_text_list_is_kept() {
    // A recipe's ingredients set beside its steps stay; a box of links beside the text and
    // an aside outside any article go.
    let html = format!(
        "<body><article><h1>Bread</h1><aside class=box><h2>Ingredients</h2><ul><li>4 cups of bread flour</li><li>2 teaspoons of salt</li><li>1 cup of <a href=/starter>starter</a></li></ul></aside>{}<aside><h4>Related</h4><ul><li><a href=/a>Rye bread</a></li><li><a href=/b>Sandwich loaf</a></li><li><a href=/c>Bagels</a></li></ul></aside></article><aside><ul><li>One more thing</li><li>Another thing here</li><li>A third thing</li></ul></aside></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("2 teaspoons of salt"), "{t}");
    assert!(!t.contains("Sandwich loaf"), "{t}");
    assert!(!t.contains("Another thing"), "{t}");
}

#[test]
fn a_callout_aside_between_paragraphs_of_an_article_is_kept() {
    // A box of prose set inside the run of the text (a paragraph before it, a heading after
    // it) is the article's; the same box after the text, and one of links, go.
    let callout = "<aside class=center><p><strong>Not all diets are the same.</strong><br>The kinds of diets people follow vary widely, and some eat dairy while others do not.</p></aside>";
    let links = "<aside><p><a href=/a>One other story about the diets of people in another country far away</a></p></aside>";
    let html = format!(
        "<body><article><h1>Diets</h1>{}{callout}<h2>More</h2>{}{links}<p>{PROSE}</p></article></body>",
        article(2),
        article(2)
    );
    let t = root_text(&html);
    assert!(t.contains("some eat dairy"), "{t}");
    assert!(!t.contains("far away"), "{t}");
    let html = format!(
        "<body><article><h1>Diets</h1>{}{callout}</article></body>",
        article(4)
    );
    assert!(!root_text(&html).contains("some eat dairy"));
}

#[test]
fn sections_titled_as_the_sites_own_are_pruned() {
    // A section opened by "Related Content" (its title in wrappers) and a disclaimer go; a
    // lone "Don't miss" line goes with the links after it, up to the next paragraph of text;
    // "See also" and titles with other words stay.
    let related = "<div class=block><div class=head><h5>Related Content</h5></div><ul><li><h5>Best thermostats</h5><p>Compare the top models and their features for your home.</p><a href=/x>Learn more</a></li></ul></div>";
    let html = format!(
        "<body><article><h1>Heat</h1>{}{related}<div><h2>Disclaimer:</h2><p>As a service to our readers, we keep old articles online; note their dates.</p></div><p><strong>DON'T MISS</strong></p><p><a href=/a>Another story on the heating bills</a> [VIDEO]<br><a href=/b>And a third one</a></p>{}<h2>See also</h2><p>The manual of the boiler, with its settings.</p><h2>Related work of the lab</h2><p>Our earlier results on heat pumps, published in two papers.</p></article></body>",
        article(4),
        article(2)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    for gone in [
        "Related Content",
        "Compare the top",
        "Disclaimer",
        "As a service",
        "MISS",
        "heating bills",
        "third one",
    ] {
        assert!(!t.contains(gone), "{gone}: {t}");
    }
    for kept in [
        "See also",
        "manual of the boiler",
        "Related work",
        "heat pumps",
    ] {
        assert!(t.contains(kept), "{kept}: {t}");
    }
}

#[test]
fn site_titles_are_a_few_site_words() {
    for t in [
        "Related Articles:",
        "You may also like",
        "DON'T MISS",
        "Written by",
        "Tags",
        "About the author",
        "Also read",
    ] {
        assert!(site_title(t), "{t}");
    }
    for t in [
        "See also",
        "Related work",
        "Recommended for",
        "Popular White Wines",
        "",
        "Share your story with the other readers of this site",
    ] {
        assert!(!site_title(t), "{t}");
    }
}

#[test]
fn a_portrait_card_whose_text_starts_with_the_pictured_name_is_pruned() {
    // An author's card after the article (portrait, name, biography) goes; a linked card
    // (a product or story teaser) and a photo in the text stay.
    let html = format!(
        "<body><div class=post><div class=body>{}<p><img src=m.jpg alt='Mary Major at her desk'>Mary Major said the results were encouraging, and that more work was planned for next year.</p></div><div class=box><div><img src=a.jpg alt='photo of Jane Doe'></div><div><p><span>Jane Doe</span>, Executive Editor</p><div>Jane Doe is the executive editor of the magazine. She also writes for its sister titles and teaches journalism.</div></div></div><div class=box><a href=/p><img src=b.jpg alt='Blue Kettle Deluxe'></a><p>Blue Kettle Deluxe boils a full litre of water in under three minutes, quietly and safely.</p></div></div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(!t.contains("executive editor of the magazine"), "{t}");
    assert!(t.contains("Mary Major said"), "{t}");
    // A biography that opens with an honorific before the name is the same card.
    let dr = html.replace("Jane Doe is the", "Dr. Jane Doe is the");
    let t = root_text(&dr);
    assert!(!t.contains("executive editor of the magazine"), "{t}");
    assert!(t.contains("boils a full litre"), "{t}");
    // A card inside a link (a story teaser) is no portrait either.
    let dom = parse(
        "<body><a href=/s><div class=card><div><img src=c.jpg alt='Actor Sam Roe in the film Red Band'></div><p>Red Band is the moving tale of a father who rescues his daughter from her new home.</p></div></a></body>",
        256,
    );
    let card = (0..dom.nodes.len())
        .find(|&k| dom.tag(k) == Tag::Div)
        .unwrap();
    assert!(!is_portrait_card(&dom, card, true));
    let a = analyse(&dom, PruneOptions::default());
    assert!(!a.pruned[card]);
    // Nor is a card whose image is a link.
    let dom = parse(
        "<body><div class=card><a href=/s><img src=c.jpg alt='Actor Sam Roe in the film Red Band'></a><p>Sam Roe is the moving father who rescues his daughter from her new home.</p></div></body>",
        256,
    );
    let card = (0..dom.nodes.len())
        .find(|&k| dom.tag(k) == Tag::Div)
        .unwrap();
    assert!(!is_portrait_card(&dom, card, false));
    // Nor is a shop's product tile whose description starts with the product's name, as its
    // image's `alt` does: it has a price.
    let dom = parse(
        "<body><div class=tile><div role=button><img src=t.jpg alt='Rejoy Carry-On'></div><a href=/r>Rejoy Carry-On</a><span>$79.99</span><dd class=sr-only>Rejoy Carry-On is available in 6 different options, each with spinner wheels.</dd></div></body>",
        256,
    );
    let card = (0..dom.nodes.len())
        .find(|&k| dom.tag(k) == Tag::Div)
        .unwrap();
    assert!(!is_portrait_card(&dom, card, false));
}

#[test]
fn hidden_members_of_a_shown_set_are_content() {
    // A card's colour swatches: the first ones shown, the rest hidden by a class until "+3"
    // is clicked; a grid's second tab hidden by a style next to the shown one.
    let swatch =
        |c: &str, h: &str| format!("<div class='swatch-wrapper {h}'><a href=#>{c}</a></div>");
    let html = format!(
        "<body><main>{}<div class=swatches>{}{}{}{}</div><div class='grid mx-auto' style='display:block'><p>Shown grid of the first tab.</p></div><div class='grid wide' style='display: none'><p>Second tab grid kept.</p></div><div class=note><p class=hidden>Plain hidden note dropped.</p></div><div class='grid-x' style='display:none'><p>Unrelated hidden dropped.</p></div></main></body>",
        article(3),
        swatch("Amberlight", ""),
        swatch("Bluestone", ""),
        swatch("Meadowlark", "hidden"),
        swatch("Violet", "hidden"),
    );
    let t = root_text(&html);
    assert!(t.contains("Meadowlark") && t.contains("Violet"), "{t}");
    assert!(t.contains("Second tab grid kept"), "{t}");
    // A hidden element with no shown sibling sharing a class word stays pruned.
    assert!(
        !t.contains("Plain hidden") && !t.contains("Unrelated hidden"),
        "{t}"
    );
}

#[test]
fn past_the_deadline_the_body_is_the_root() {
    let html = format!(
        "<body><div class=menu><a href=/a>Home</a> <a href=/b>News</a></div><div class=sidebar><p>Sign up for our newsletter today and save.</p></div><article><p>{PROSE}</p><p>{PROSE}</p></article></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(!a.timed_out);
    assert_ne!(a.root, a.body);
    assert!(!text_of(&dom, &a, a.root).contains("newsletter"));
    // A deadline already passed: no pruning, no choice of a root, nothing lost.
    let late = PruneOptions {
        deadline: Some(std::time::Instant::now()),
        ..PruneOptions::default()
    };
    let a = analyse(&dom, late);
    assert!(a.timed_out);
    assert_eq!(a.root, a.body);
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("real prose") && t.contains("newsletter"), "{t}");
    // A deadline far ahead changes nothing.
    let early = PruneOptions {
        deadline: std::time::Instant::now().checked_add(std::time::Duration::from_secs(3600)),
        ..PruneOptions::default()
    };
    let a = analyse(&dom, early);
    assert!(!a.timed_out && a.root != a.body);
}

#[test]
fn nested_wrappers_are_judged_like_their_card() {
    // A portrait card and a teaser card each wrapped in many single-child `<div>`s: the
    // bounded scans (card size caps) still judge the card itself.
    let wrap = |inner: &str| format!("{}{inner}{}", "<div>".repeat(300), "</div>".repeat(300));
    let portrait = wrap(
        "<div class=bio><img src=p.jpg alt='Photo of Jane Doe'><p>Jane Doe is the editor of the magazine and writes about gardens every week.</p></div>",
    );
    let html = format!("<body><article><p>{PROSE}</p><p>{PROSE}</p>{portrait}</article></body>");
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("editor of the magazine"), "{t}");
}

#[test]
fn a_long_run_of_hidden_members_is_content_to_its_end() {
    // One shown member and more hidden ones than a look back covers: each hidden member
    // takes the answer of the one before it, so the last is content like the first.
    let hidden: String = (0..150)
        .map(|k| format!("<li class='swatch hidden'>Colour number {k}</li>"))
        .collect();
    let html = format!(
        "<body><article><p>{PROSE}</p><ul><li class=swatch>Colour shown</li>{hidden}</ul></article></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    let t = text_of(&dom, &a, a.body);
    assert!(
        t.contains("Colour number 0") && t.contains("Colour number 149"),
        "{t}"
    );
}

#[test]
fn product_cards_with_prices_are_kept_in_a_collection_root() {
    // A shop's collection: a description, a grid of cards (each one link around the photo,
    // the name and the price), more description. The cards are the collection's content; the
    // same cards with a date instead of a price are other stories, dropped.
    let page = |price: bool, name: &str| {
        let cards: String = (0..6)
            .map(|k| {
                let tail = if price {
                    format!("$<!-- -->{}", 20 + k)
                } else {
                    format!("May {k}, 2025")
                };
                format!(
                    "<div class=col><a href=/p{k}><div><img src=p{k}.jpg alt=x></div><h2>{name} {k}</h2><div><p>{tail}</p></div></a></div>"
                )
            })
            .collect();
        format!(
            "<body><main><h1>Dress socks</h1><p>{PROSE}</p><div class=grid>{cards}</div>{}</main></body>",
            article(4)
        )
    };
    let render = |html: &str| {
        let dom = parse(html, 256);
        let a = analyse(&dom, PruneOptions::default());
        crate::render::render(&dom, &a, a.root, &crate::config::ExtractConfig::default())
    };
    // Long names (a card reads as a headline link) and short ones (the grid reads as a menu).
    for name in ["Stance Crew Socks In Navy Blue Cotton No", "Crew Socks No"] {
        let shop = render(&page(true, name));
        assert!(shop.contains(&format!("{name} 3")), "{shop}");
        assert!(shop.contains("$23"), "{shop}");
        assert!(shop.contains("full stops"), "{shop}");
        let stories = render(&page(false, name));
        assert!(!stories.contains(&format!("{name} 3")), "{stories}");
        assert!(stories.contains("full stops"), "{stories}");
    }
}

#[test]
fn a_short_page_without_a_listing_keeps_its_prose_root() {
    // One paragraph of prose (below `MIN_ARTICLE_VALUE`) under a menu and a bar of long links
    // (a network's other sites): the listing scoring takes the whole body, worth little more
    // than the paragraph, so the page stays an article and its root the paragraph's.
    let html = format!(
        "<body><div class=top><a href=/>Home</a> <a href=/about>About us</a> <a href=/c>Contact</a></div><p class=sites><a href=/a>The news network site number one of ours</a> <a href=/b>The news network site number two of ours</a></p><div class=note><h2>Chapter 11. Indexes</h2><p>{PROSE}</p></div></body>"
    );
    let text = root_text(&html);
    assert!(text.contains("full stops"), "{text}");
    assert!(text.contains("Chapter 11"), "{text}");
    assert!(!text.contains("network site"), "{text}");
}

#[test]
fn short_labels_styled_as_buttons_are_pruned() {
    // Call-to-action links and a theme's quick-view opener styled as buttons: controls. A
    // long label naming what it opens stays, and so does a button-named wrapper of blocks.
    let html = format!(
        "<body><main>{}<p><a class='btn btn-primary' href=/shop>Shop now</a></p><div class=card><h3>Dark Roast Coffee</h3><quick-shop class='button quick-shop'><span>Quick Shop</span></quick-shop></div><p>Our painters love these paints. <a class=button href=/w>Explore Winsor and Newton Watercolours</a></p><div class=button-row><p>{PROSE} Row.</p></div></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(!t.contains("Shop now") && !t.contains("Quick Shop"), "{t}");
    assert!(
        t.contains("Dark Roast") && t.contains("Explore Winsor"),
        "{t}"
    );
    assert!(t.contains("Row."), "{t}");
}

#[test]
fn links_with_the_button_role_are_pruned_unless_in_a_sentence() {
    // `role=button` marks a control whatever its class: "Add to Compare" goes; a link with
    // the role inside a sentence ("... | No Code Necessary!") is part of the sentence.
    let html = format!(
        "<body><main>{}<div class=actions><a href=# role=button><span>Add to Compare</span></a></div><p>Free shipping on orders over $59 | <span><a href=/ship role=button><strong>No Code Necessary!</strong></a></span></p></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(!t.contains("Add to Compare"), "{t}");
    assert!(t.contains("No Code Necessary"), "{t}");
}

#[test]
fn button_controls_with_a_div_label_and_links_to_nowhere_are_pruned() {
    // A post's like and comment counters, buttons whose label sits in a `<div>` (React
    // apps), and counters on links to nowhere (no `href`, no `id` or `name`: once their role
    // is gone): controls. A named anchor around a title, a link to a place, an old site's
    // text styled as a link to nowhere (a date) stay, and so does a button-role wrapper
    // holding a paragraph.
    let html = format!(
        "<body><main>{}<div class=ufi><a role=button aria-label='Like (12)'><div class=label>12</div></a><a class=counter><div class=label>47</div></a></div><h2><a name=s2>Second part</a></h2><p><a href=/more>More notes</a></p><p><a style='font-size:10px'>08.08.2020</a></p><div role=button><p>{PROSE} Kept.</p></div></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(!t.contains("12") && !t.contains("47"), "{t}");
    assert!(t.contains("Second part") && t.contains("More notes"), "{t}");
    assert!(t.contains("08.08.2020"), "{t}");
    assert!(t.contains("Kept."), "{t}");
}

#[test]
fn links_repeating_a_records_title_after_a_few_words_are_pruned() {
    // Teasers whose "Read more" link carries the title for screen readers, hidden by a
    // class a hashed site does not name: the link adds nothing to the title. The title
    // itself stays, and so does a link to the same name inside a sentence.
    let card = |t: &str| {
        format!(
            "<div class=c><h2><a href=/x>{t}</a></h2><p>{PROSE} Offered at <a href=/u>The {t}</a> now.</p><a href=/x>Read more about<span class=h1a2>{t}</span></a></div>"
        )
    };
    let html = format!(
        "<body><main>{}{}{}</main></body>",
        card("Library opening hours"),
        card("Riverside cycle path"),
        card("Spring waste collections")
    );
    let t = root_text(&html);
    assert!(!t.contains("Read more about"), "{t}");
    assert!(t.contains("Library opening hours"), "{t}");
    assert!(t.contains("The Riverside cycle path"), "{t}");
}

#[test]
fn json_left_in_the_markup_is_pruned() {
    // A script's data written into a (hidden by style sheet) element is no text; JSON in
    // code is.
    let html = format!(
        "<body><main>{}<div class=price-data>{{\"buybox\":[{{\"displayPrice\":\"EUR 15.49\",\"priceAmount\":15.49}}]}}</div><pre><code>{{\"name\": \"example\"}}</code></pre></main></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(!t.contains("displayPrice"), "{t}");
    assert!(t.contains("example"), "{t}");
}

#[test]
fn a_grid_of_priced_cards_before_a_long_description_joins_it() {
    // A category page: the products first (cards in unnamed grid columns, each an image, a
    // name and a price), then a long description. The grid holds little of the text, but
    // it comes first, so it is the page's too. The same cards after an article are a
    // carousel recommending products.
    let card = |k: usize| {
        format!(
            "<div class=col><div class=tile><a href=/p{k}><img src=p.jpg></a><div class=name><a href=/p{k}>Carry-on spinner {k}, hardside, expandable</a></div><div class=price>$79.{k}9</div><div class=colors>6 colors</div></div></div>"
        )
    };
    let grid: String = (0..6).map(card).collect();
    let grid = format!("<div class=results><div class=row>{grid}</div></div>");
    let html = format!(
        "<body><div class=page>{grid}<div class=seo><h2>About</h2>{}</div></div><footer>Footer</footer></body>",
        article(12)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(t.contains("Carry-on spinner 3"), "{t}");
    let html = format!(
        "<body><div class=page><div class=seo><h2>About</h2>{}</div>{grid}</div><footer>Footer</footer></body>",
        article(12)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Carry-on spinner"), "{t}");
}

#[test]
fn date_lines_of_listing_records_are_pruned() {
    // A news listing: each record's title, blurb and date line; the dates go, a record's
    // age written short stays, and so does a date inside a longer line.
    let record = |k: usize, date: &str| {
        format!(
            "<li class=item><h3><a href=/n{k}>Researchers propose a new model number {k} for software</a></h3><p>A short blurb of story {k}</p><p class=item--publication-date><time datetime=2025-12-01>{date}</time></p><p>Reported from Boston, July {k}, 2025</p><span class=date>{k}d</span></li>"
        )
    };
    let items: String = (1..=6).map(|k| record(k, "December 1, 2025")).collect();
    let html = format!("<body><main><h1>News</h1><ul class=list>{items}</ul></main></body>");
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("new model number 3"), "{t}");
    assert!(!t.contains("December 1, 2025"), "{t}");
    assert!(
        t.contains("Boston, July 4, 2025") && t.contains("5d"),
        "{t}"
    );
}

#[test]
fn listing_lines_that_are_only_a_date_are_pruned_whatever_their_markup() {
    // Hashed class names: a record's metadata line, its age and its section's label, goes
    // whole; a line saying more than when ("Releases May 8, 2026") stays, and so does a date
    // in a table's cell (a column of its data).
    let sections = [
        "Europe",
        "Asia",
        "Latin America",
        "Culture",
        "Africa",
        "US & Canada",
    ];
    let record = |k: usize| {
        format!(
            "<div class=c9f2><a href=/n{k}><h2 class=h1a>Storms uproot trees across the region number {k}</h2><p class=p7e>The storms downed power lines and damaged buildings in town {k}.</p><div class=m3b><span class=s1x>{k} hrs ago</span><div class=s2y></div><span class=s3z>{}</span></div></a><div class=r5q>Releases May {k}, 2026</div></div>",
            sections[k % sections.len()]
        )
    };
    let cards: String = (1..=6).map(record).collect();
    let rows: String = (1..=4)
        .map(|k| format!("<tr class=x1><td>Match number {k} of the regular season at the home stadium</td><td>Team {k}</td><td>Mar {k}, 2026</td></tr>"))
        .collect();
    let html = format!(
        "<body><main><h1>News</h1><section class=g4>{cards}</section><table class=t2>{rows}</table></main></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(
        t.contains("region number 3") && t.contains("in town 5"),
        "{t}"
    );
    assert!(
        !t.contains("hrs ago") && !t.contains("Latin America"),
        "{t}"
    );
    assert!(t.contains("Releases May 4, 2026"), "{t}");
    assert!(t.contains("Mar 2, 2026"), "{t}");
}

#[test]
fn a_listing_records_byline_beside_its_date_goes_with_it() {
    // Hashed class names: each card's line of author links and its `<time>` goes whole; in
    // the second list the date sits in the title's line, which stays.
    let card = |k: usize| {
        format!(
            "<article class=t7><h3 class=t8><a href=/s{k}>Hotel group number {k} sells five properties</a></h3><div class=t9>The company sold non-core properties in region {k} this year.</div><div class=u1><a href=/a/alan>Alan Woinski</a> and <a href=/a/kim>Kim Woinski</a> | <time datetime=2025-12-09>{k} weeks ago</time></div></article>"
        )
    };
    let row = |k: usize| {
        format!(
            "<li class=v2><div class=v3><a href=/r{k}>Quarterly report {k} on the local economy</a> <time datetime=2025-12-0{k}>Dec {k}, 2025</time></div><p class=v4>A longer summary of the findings of report number {k}.</p></li>"
        )
    };
    let cards: String = (1..=5).map(card).collect();
    let rows: String = (1..=5).map(row).collect();
    let html = format!(
        "<body><main><h1>Latest</h1><section class=s0>{cards}</section><ul class=w0>{rows}</ul></main></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(
        t.contains("number 3 sells") && t.contains("region 4"),
        "{t}"
    );
    assert!(!t.contains("Woinski") && !t.contains("weeks ago"), "{t}");
    assert!(
        t.contains("report 2 on the") && t.contains("report number 2"),
        "{t}"
    );
}

#[test]
fn a_listings_menu_of_links_to_its_own_sections_is_pruned() {
    // Hashed class names: a menu of fragment links to the listing's sections goes as a jump
    // menu; a list of links to other pages, and a list with one link elsewhere, do not.
    let names = ["Apartment", "Beach House", "Hotel", "Library", "Lounge"];
    let list = |class: &str, label: &str, href: &dyn Fn(usize) -> String| -> String {
        let items: String = names
            .iter()
            .enumerate()
            .map(|(k, n)| format!("<li><a href={}>{label} {n}</a></li>", href(k)))
            .collect();
        format!("<ul class={class}>{items}</ul>")
    };
    let jump = list("f0", "Go to", &|k| format!("#s-{k}"));
    let other = list("f5", "Tag", &|k| format!("/tags/{k}"));
    let mixed = list("f6", "Mixed", &|k| {
        if k == 0 {
            "/about".to_string()
        } else {
            format!("#m-{k}")
        }
    });
    let section = |j: usize| -> String {
        (j..j + 4)
            .map(|k| {
                format!(
                    "<div class=g1><h3 class=g2><a href=/w{k}>Winner number {k} of the year</a></h3><p class=g3>Studio {k} and its partners designed this project in the old harbour district of the city.</p></div>"
                )
            })
            .collect()
    };
    let html = format!(
        "<body><main><h1>Awards</h1>{jump}<div class=g0>{}</div>{other}<div class=g0>{}</div>{mixed}</main></body>",
        section(1),
        section(5)
    );
    let dom = parse(&html, 256);
    let with = PruneOptions {
        explain: true,
        ..PruneOptions::default()
    };
    let a = analyse(&dom, with);
    assert!(a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(
        t.contains("Winner number 6") && t.contains("Studio 3"),
        "{t}"
    );
    assert!(!t.contains("Go to"), "{t}");
    let why_of = |class: &str| {
        let u = (0..dom.nodes.len())
            .find(|&i| dom.tag(i) == Tag::Ul && dom.attr(i, Attr::Class) == Some(class))
            .unwrap();
        a.why[u]
    };
    assert_eq!(why_of("f0"), Some(Why::JumpMenu));
    assert_ne!(why_of("f5"), Some(Why::JumpMenu));
    assert_ne!(why_of("f6"), Some(Why::JumpMenu));
}

#[test]
fn dated_posts_under_a_listing_are_its_comments_whatever_their_class_names() {
    // Hashed class names: a ranked list of books (table rows) and, below it, readers'
    // messages each with a date line: the messages go, the books stay. When the dated posts
    // are the page's largest group, they are its records and stay.
    let book = |k: usize| {
        format!(
            "<tr class=b1><td class=b2>{k}</td><td class=b3><a href=/book/{k}>The long and winding title of book number {k}</a> by Author Name {k}<div class=b4>4.{k} avg rating, {k}00 ratings, score {k}2,000</div></td></tr>"
        )
    };
    let message = |k: usize| {
        format!(
            "<div class=m1><div class=m2>message {k}: by Reader{k}</div><div class=m3>Jul {k}, 2008 09:08PM</div><div class=m4>I think book {k} should rank higher, it is really good.</div></div>"
        )
    };
    let books: String = (1..=12).map(book).collect();
    let messages: String = (1..=4).map(message).collect();
    let html = format!(
        "<body><main><h1>Best books ever</h1><table class=t1>{books}</table><div class=c1>{messages}</div></main></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("book number 7"), "{t}");
    assert!(!t.contains("should rank higher"), "{t}");

    let messages: String = (1..=12).map(message).collect();
    let books: String = (1..=3).map(book).collect();
    let html = format!(
        "<body><main><h1>Best books ever</h1><table class=t1>{books}</table><div class=c1>{messages}</div></main></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("book 9 should rank higher"), "{t}");
}

#[test]
fn only_date_reads_dates_and_ages_with_nothing_else() {
    use crate::render::only_date;
    for s in [
        "9 hrs ago",
        "Dec 15, 2025",
        "46m - Dec 15, 2025",
        "2026-03-03",
        "Jul 28, 2008 09:08PM",
    ] {
        assert!(only_date(s), "{s}");
    }
    for s in [
        "Releases May 8, 2026",
        "Updated on Nov 25, 2025",
        "Latin America",
        "46m",
        "an hour ago",
    ] {
        assert!(!only_date(s), "{s}");
    }
}

#[test]
fn lines_a_listings_template_writes_alike_in_every_record_are_pruned() {
    // Each record: a title link, a rating widget whose lines read the same in every record
    // ("Rate this book", "Clear rating" over the star links), a financing offer linked from
    // every price (digits, so no action label; an arrow after the link), a field's name
    // beside its varying value, and a line whose slot reads differently from record to
    // record (the genre).
    let genres = ["Fantasy", "History", "Poetry", "Science", "Travel", "Crime"];
    let record = |k: usize| {
        format!(
            "<tr class=row><td><a href=/b{k}>The long and winding title of book number {k}</a><div class=genre>{}</div><div class=rating><div>Rate this book</div><div>Clear rating</div><div><a href=#>1 of 5 stars</a><a href=#>2 of 5 stars</a></div></div><div class=price><span>${k}9.00</span></div><div class=offer><a href=/financing><span>0% Financing Available</span></a> &rarr;</div><div class=fact><div>Pages in print</div><div>{k}20</div></div></td></tr>",
            genres[k % genres.len()]
        )
    };
    let rows: String = (1..=6).map(record).collect();
    let html = format!("<body><main><h1>Best books</h1><table>{rows}</table></main></body>");
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(a.listing);
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("book number 4") && t.contains("Poetry"), "{t}");
    assert!(
        !t.contains("Rate this book") && !t.contains("Clear rating"),
        "{t}"
    );
    assert!(!t.contains("stars") && !t.contains("Financing"), "{t}");
    // A field's name stays beside its value.
    assert_eq!(t.matches("Pages in print").count(), 6, "{t}");
}

#[test]
fn a_header_row_repeated_in_each_records_table_is_data() {
    // A reference's sections, each documenting a view in a table with the same header row
    // (a paragraph per line of the header cell): the header is the table's, not a template's.
    let section = |k: usize| {
        format!(
            "<div class=sect2><h2>The progress view number {k}</h2><p>{}</p><table><thead><tr><th><p>Column Type</p><p>Description</p></th></tr></thead><tbody><tr><td><p>pid integer</p><p>Process ID of backend number {k} in the cluster.</p></td></tr></tbody></table></div>",
            "Each row of this view shows one backend that is running the command, with its progress. "
                .repeat(2)
        )
    };
    let body: String = (1..=5).map(section).collect();
    let html = format!("<body><main><h1>Progress reporting</h1>{body}</main></body>");
    let t = root_text(&html);
    assert_eq!(t.matches("Column Type").count(), 5, "{t}");
    assert!(t.contains("backend number 4"), "{t}");
}

#[test]
fn icon_strips_are_pruned_on_product_pages() {
    // A shop's trust badges under the buy box: an icon and a short label each, no links.
    let badge =
        |t: &str| format!("<div class=icon-item><svg><path d=M0/></svg><span>{t}</span></div>");
    let html = format!(
        "<body><main><h1>Ridge Wallet</h1><div class=description>{}<div class=info-icons>{}{}{}</div><ul class=features><li><img src=a.png>Holds 12 cards</li><li><img src=b.png>Blocks RFID</li><li>Weighs 2 oz</li></ul></div></main></body>",
        article(4),
        badge("Free Shipping &amp; Returns"),
        badge("Secure Checkout"),
        badge("Built To Last"),
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(
        !t.contains("Secure Checkout") && !t.contains("Built To Last"),
        "{t}"
    );
    // A list of which one item has no icon is no strip of badges.
    assert!(
        t.contains("Holds 12 cards") && t.contains("Weighs 2 oz"),
        "{t}"
    );
    // A long run of icons with labels is the product's own grid: the bits of a kit.
    let bits: String = (1..=12)
        .map(|k| badge(&format!("Torx T{k}")))
        .collect::<String>();
    let html = format!(
        "<body><main><h1>Moray Driver Kit</h1><div class=description>{}<div class=bits>{bits}</div></div></main></body>",
        article(4),
    );
    let t = product_root_text(&html);
    assert!(t.contains("Torx T1 ") && t.contains("Torx T12"), "{t}");
}

#[test]
fn undated_card_links_after_prose_are_text_dated_teasers_are_not() {
    // A service page's cards, each a link around a title and a blurb, between two prose
    // paragraphs and after the last one; a "more posts" slider of the same shape whose
    // cards carry dates.
    let card = |t: &str, date: &str| {
        format!(
            "<div class=col><a href=/s/{}><div class=card><div class=text><h3>{t}</h3><p class=small>Help with {t} for teams of every size.</p></div>{date}<div class=link><span>Learn More</span></div></div></a></div>",
            t.len()
        )
    };
    let cards: String = ["Payroll", "Compliance", "Recruiting"]
        .iter()
        .map(|t| card(t, ""))
        .collect();
    let teasers: String = [
        ("Winter roofs", "<span class=meta>Mar. 03, 2026</span>"),
        ("Gutter care", "<time>2026-02-25</time>"),
        ("Moss removal", "<span class=post-date>Jan 7</span>"),
    ]
    .iter()
    .map(|(t, d)| card(t, d))
    .collect();
    let html = format!(
        "<body><main><h1>Consulting</h1>{}<section><h2>Our services</h2><div class=row>{cards}</div></section>{}<div class=slider>{teasers}</div>{}<div class=row>{}</div></main></body>",
        article(4),
        article(4),
        article(4),
        card("Onboarding", "") + &card("Benefits", "") + &card("Training", "")
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Help with Compliance"), "{t}");
    assert!(t.contains("Help with Benefits"), "{t}");
    assert!(
        !t.contains("Gutter care") && !t.contains("Moss removal"),
        "{t}"
    );
}

#[test]
fn date_shapes() {
    for s in [
        "Mar. 03, 2026",
        "3 March",
        "03/03/2026",
        "2026-03-03",
        "6 years ago",
        "May 2025",
        "3. März 2026",
        "12 décembre 2025",
        "3 марта 2026",
        "5 de mayo de 2024",
        "2026年3月3日",
        "3월 3일",
        "vor 3 Tagen",
        "3 giorni fa",
    ] {
        assert!(crate::render::date_shaped(s), "{s}");
    }
    for s in [
        "such as date, apricot",
        "May we help?",
        "Top 3%",
        "Version 2.1",
        "1-800",
        "4 out of 5",
        "Set of 3",
        "2026年",
        "Mai Tai",
    ] {
        assert!(!crate::render::date_shaped(s), "{s}");
    }
}

#[test]
fn print_hidden_regions_are_chrome() {
    // The page's print stylesheet hides its share and print bars (Tailwind `print:hidden`,
    // Bootstrap `d-print-none`): not the document, even inside the `<article>`.
    let html = format!(
        "<body><article><h1>Title</h1><p>{PROSE}</p><p>{PROSE}</p><div class='mt-12 flex print:hidden'><span>Share this page</span><span>Print This Page</span></div><div class='d-print-none row'><p>Watch the video transcript of this long story, it is a second copy.</p></div><p>{PROSE}</p></article></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("real prose") && t.contains("Title"), "{t}");
    assert!(!t.contains("Print This Page"), "{t}");
    assert!(!t.contains("transcript"), "{t}");
}

#[test]
fn small_print_is_a_side_comment() {
    // HTML's `<small>`: side comments such as small print, disclaimers, copyrights and
    // attribution (an image credit, an author's note) are no part of the text.
    let html = format!(
        "<body><article><h1>Title</h1><p><img src=a.jpg><small>Image: Jane Doe/Getty Images</small></p><p>{PROSE}</p><p>{PROSE}</p><p><small>About the author: Jane Doe is a freelance photographer based in Eastern Europe.</small></p></article></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("real prose") && t.contains("Title"), "{t}");
    assert!(
        !t.contains("Getty") && !t.contains("About the author"),
        "{t}"
    );
    // Inside a sentence it is part of the sentence.
    let html = format!(
        "<body><article><h1>Title</h1><p>{PROSE}</p><p>The plan costs $20 <small>per month</small> and water is H<small>2</small>O, as the brochure says on every page.</p><p>{PROSE}</p></article></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("per month") && t.contains("H  2 O"), "{t}");
}

#[test]
fn policy_sections_are_pruned_on_product_pages() {
    // An accordion of a product page (the WAI-ARIA pattern: a toggle `<button>` titles each
    // item): the description, the specifications and the shop's delivery and returns terms.
    let item = |title: &str, body: &str| {
        format!(
            "<div class=accordion-item><button aria-expanded=false>{title}</button><div class=panel><p>{body}</p></div></div>"
        )
    };
    let html = format!(
        "<body><main><h1>Summit Fire Pit</h1>{}{}{}<section><h3>Delivery &amp; Returns</h3><p>Orders ship within two days from our warehouse; returns are free for thirty days.</p></section></main></body>",
        article(4),
        item(
            "Specifications",
            "Weight 20 kg, height 40 cm, stainless steel, with a removable ash pan."
        ),
        item(
            "Shipping, Returns &amp; Warranty",
            "We offer free standard shipping and returns on orders over 125 EUR within the union."
        ),
    );
    let t = product_root_text(&html);
    assert!(
        t.contains("real prose") && t.contains("removable ash pan"),
        "{t}"
    );
    assert!(!t.contains("free standard shipping"), "{t}");
    assert!(!t.contains("warehouse"), "{t}");
    // Elsewhere a delivery section is what the page is about (a courier's service page).
    assert!(root_text(&html).contains("free standard shipping"));
    // A refund policy (a site builder's "Return & Refund Policy") is one of them.
    let refund = html.replace(
        "Shipping, Returns &amp; Warranty",
        "Return &amp; Refund Policy",
    );
    assert!(!product_root_text(&refund).contains("free standard shipping"));
    // A title drawn as a heading by its ARIA role (a buy box's "Returns" label) counts too.
    let aria = format!(
        "<body><main><h1>Atomic Habits</h1>{}<div class=r1><div class=r2 role=heading aria-level=4><span>Returns</span></div><div class=r3><span>This item can be returned in its original condition within 30 days.</span></div></div></main></body>",
        article(4)
    );
    let t = product_root_text(&aria);
    assert!(
        t.contains("real prose") && !t.contains("original condition"),
        "{t}"
    );
}

#[test]
fn sale_prices_and_their_spoken_form_are_kept() {
    // WooCommerce's sale price: the old and new prices hidden from screen readers
    // (`aria-hidden` on `<del>`/`<ins>`), each followed by its spoken form in screen-reader
    // text. Both are the card's text; other screen-reader text stays pruned.
    let card = |name: &str| {
        format!(
            "<li class=product><a href=/{name}><img src=a.jpg><h2>{name} cup</h2><span class=price><del aria-hidden=true><span>$24.95</span></del> <span class=screen-reader-text>Original price was: $24.95.</span><ins aria-hidden=true><span>$14.97</span></ins><span class=screen-reader-text>Current price is: $14.97.</span></span></a><span class=screen-reader-text>Opens in a new window</span></li>"
        )
    };
    let cards: String = ["Amber", "Bluestone", "Flaxen", "Lilac"]
        .iter()
        .map(|n| card(n))
        .collect();
    let html = format!(
        "<body><main><h1>Shop</h1>{}<ul class=products>{cards}</ul></main></body>",
        article(2)
    );
    let t = root_text(&html);
    assert!(t.contains("Lilac cup"), "{t}");
    // Shown and spoken, on each of the four cards.
    assert_eq!(t.matches("$24.95").count(), 8, "{t}");
    assert_eq!(t.matches("$14.97").count(), 8, "{t}");
    assert!(
        t.contains("Original price was") && t.contains("Current price is"),
        "{t}"
    );
    assert!(!t.contains("new window"), "{t}");
}

#[test]
fn a_threads_counters_and_post_ages_are_pruned() {
    // Posts of a thread: a vote count with its icon, a relative time and a reaction count on
    // their own lines are the forum's template; numbers inside the posts' sentences, a code
    // block's line numbers and a heading that is a number stay.
    let post = |name: &str, votes: u32| {
        format!(
            "<article class=post><div class=meta><a href=/u>{name}</a><div><span aria-label=votes><svg><title>arrow-up</title></svg>{votes}</span> <span>·</span></div><span title='Oct 4, 2024'>{votes} years ago</span></div><div class=body><p>I have <b>{votes}</b> cats and they sleep all day, which is fine by me.</p>{}</div><div class=reactions><span class=count>7</span></div></article>",
            article(1)
        )
    };
    let html = format!(
        "<body><main>{}{}<ul class=gutter><li>1</li><li>2</li><li>3</li></ul><h2>2024</h2><p>{PROSE}</p></main></body>",
        post("alice", 26),
        post("bob", 31)
    );
    let t = root_text(&html);
    assert!(t.contains("alice") && t.contains("bob"), "{t}");
    assert!(!t.contains("26·") && !t.contains("26 ·"), "{t}");
    assert!(!t.contains("years ago") && !t.contains('7'), "{t}");
    let words = t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("I have 26 cats") && words.contains("I have 31 cats"),
        "{t}"
    );
    assert!(words.contains("1 2 3") && t.contains("2024"), "{t}");
    // On a page that is no thread, a figure alone on its line stays ("10,000+" customers).
    let html = format!(
        "<body><main><div class=stat><div>10,000+</div><div>customers</div></div>{}</main></body>",
        article(3)
    );
    assert!(root_text(&html).contains("10,000+"));
}

#[test]
fn a_posts_number_in_a_thread_is_pruned() {
    // Posts numbered by the forum (`#2`, Discuz!'s `5#` and `沙发#`) on their own line: the
    // thread's template, even numbered in a run. `C#` alone in a post stays.
    let post = |name: &str, no: &str, own: &str| {
        format!(
            "<div class=postItem><div class=poster><a href=/u>{name}</a></div><div class=right><span title='Sep 16, 2019'>posted 6 years ago</span><a href=#p>{no}</a><div class=postText>{}<p>{own}</p></div></div></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><div class=topic><h1>A topic</h1>{}{}{}</div></body>",
        post("alice", "#1", "C#"),
        post("bob", "沙发<sup>#</sup>", ""),
        post("carol", "<em>5</em><sup>#</sup>", "")
    );
    let t = root_text(&html);
    assert!(t.contains("alice") && t.contains("real prose"), "{t}");
    for n in ["#1", "沙发", "5#"] {
        assert!(!t.contains(n), "{n}: {t}");
    }
    assert!(t.contains("C#"), "{t}");
}

#[test]
fn short_regions_after_a_threads_last_post_are_pruned() {
    // Posts typed by microdata, then a guest's sign-in box and a thread status: the forum's
    // template after the last post. A long region after the posts stays.
    let post = |name: &str| {
        format!(
            "<div class=post itemscope itemtype=https://schema.org/Comment><div class=name>{name}</div><div class=text>{}</div></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><main><h1>A question</h1><div class=posts>{}{}{}<div class=teaser><h2>Join the conversation</h2><p>You can post now and register later.</p></div></div><dl class=status><dt>Status</dt><dd>Not open for further replies.</dd></dl></main></body>",
        post("alice"),
        post("bob"),
        post("carol")
    );
    let t = root_text(&html);
    assert!(t.contains("alice") && t.contains("carol"), "{t}");
    assert!(!t.contains("Join the conversation"), "{t}");
    assert!(!t.contains("further replies"), "{t}");
    // Text worth more than a footer after the posts stays.
    let long = format!(
        "<div class=summary><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
    );
    let html = html.replace("<dl class=status>", &format!("{long}<dl class=status>"));
    assert!(root_text(&html).contains("real prose"));
}

#[test]
fn posts_named_by_their_class_make_a_thread() {
    // No microdata and no comment markup: posts named `postItem` (siblings of one class
    // holding the root's text) are a thread, so their counters and ages go.
    let post = |name: &str| {
        format!(
            "<div class=postItem><div class=poster><a href=/u>{name}</a><div class=apples><span>39</span></div></div><div class=right><span title='Sep 16, 2019'>posted 6 years ago</span><div class=postText>{}</div></div></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><div class=topic><h1>A topic</h1>{}{}{}</div></body>",
        post("alice"),
        post("bob"),
        post("carol")
    );
    let t = root_text(&html);
    assert!(t.contains("alice") && t.contains("real prose"), "{t}");
    assert!(!t.contains("39") && !t.contains("years ago"), "{t}");
    // The same records named as cards and undated are no thread: their counts stay. (Dated,
    // they are a thread's posts whatever their names, `dated_posts_are_a_thread_...`.)
    let t = root_text(
        &html
            .replace("postItem", "card")
            .replace("posted 6 years ago", "in stock"),
    );
    assert!(t.contains("39"), "{t}");
}

#[test]
fn a_posts_edit_note_is_pruned() {
    // XenForo's and MyBB's notes of a post's last edit are the forum's template.
    let html = format!(
        "<body><main><div class=post><p>{PROSE}</p><div class=message-lastEdit>Last edited: Oct 29, 2023</div></div><div class=post><p>{PROSE}</p><span class=post_edit id=edited_by_12><span class=edited_post>(This post was last modified: 2024-01-05 by Sam.)</span></span></div></main></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(
        !t.contains("Last edited") && !t.contains("last modified"),
        "{t}"
    );
}

#[test]
fn a_quotes_attribution_line_is_kept() {
    // XenForo's quote: the attribution link's class ends in a weak word (`sourceJump`), but
    // the line opens a `<blockquote>`, so it is the quote's.
    let html = format!(
        "<body><main><p>{PROSE}</p><blockquote class=bbCodeBlock><div class=bbCodeBlock-title> <a class=bbCodeBlock-sourceJump href=/p/1>Irene said:</a></div><div class=content>Colour me clueless.</div></blockquote><p>{PROSE}</p><div><a class=jump-link href=#top>Back to top</a></div></main></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("Irene said:"), "{t}");
    // The same weak word elsewhere still prunes.
    assert!(!t.contains("Back to top"), "{t}");
}

#[test]
fn data_nosnippet_regions_are_chrome() {
    // Google's `data-nosnippet` marks text a site keeps out of search snippets: its
    // template (an ad, a consent note), not what the page is about; the title region stays.
    let html = format!(
        "<body><article><div data-nosnippet><h1>Title</h1></div><p>{PROSE}</p><div data-nosnippet><p>Advertisement: try our premium plan today and save twenty percent on your first year of service.</p></div><p>{PROSE}</p></article></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("Title") && t.contains("real prose"), "{t}");
    assert!(!t.contains("premium plan"), "{t}");
}

#[test]
fn headings_of_pruned_sections_go_on_product_pages() {
    // "Customers also bought" over a cross-sell shelf that the commerce words prune: the
    // title of a region that is gone. A section whose text shows keeps its heading, and so
    // does one that loses only a control's label ("Play the film").
    let html = format!(
        "<body><main><h1>Nano Puff Jacket</h1><div class=description>{}</div><h2>Customers also bought</h2><div class=upsell><p>Down Sweater Hoody, warm and light, now with a recycled shell.</p></div><h2>Specifications</h2><p>Weight: 13 oz</p><section><h2>Take a closer look</h2><button>Play the film</button></section><section><p>{PROSE} Closer.</p></section></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose") && t.contains("Closer."), "{t}");
    assert!(!t.contains("Down Sweater"), "{t}");
    assert!(!t.contains("Customers also bought"), "{t}");
    assert!(
        t.contains("Specifications") && t.contains("Take a closer look"),
        "{t}"
    );
}

#[test]
fn promo_tiles_between_product_cards_are_pruned() {
    // A shop's category grid: cards of an image, a name and a price, and between them a
    // tile of the shop's own offer. A longer note in the grid (a disclosure) stays.
    let cards: String = [
        "Dark Roast",
        "Medium Roast",
        "Light Roast",
        "Espresso Roast",
        "Vanilla Latte",
        "Mocha Latte",
    ]
    .iter()
    .map(|n| {
        format!(
            "<li class=grid__item><a href=/p/{}><img src=c.jpg><h3>{n} Coffee, whole bean, roasted in small batches</h3><span class=price>$19.99</span></a></li>",
            n.len()
        )
    })
    .collect();
    let promo = "<li class='grid__item grid__item--wide'><a href=/sub><img src=s.jpg><p>Save 30% off your first order + free shipping</p></a></li>";
    let note = "<li class=grid__note><p>Prices are set by our roasters and may change with each harvest; the cards show the price of a 12 oz bag, with the taxes of your state added at checkout.</p></li>";
    let html = format!(
        "<body><main><h1>Coffee</h1><p>{PROSE}</p><ul class=grid>{cards}{promo}{note}</ul></main></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("Dark Roast") && t.contains("Mocha Latte"), "{t}");
    assert!(!t.contains("Save 30%"), "{t}");
    assert!(t.contains("Prices are set by our roasters"), "{t}");
}

#[test]
fn explain_names_the_rule_or_pass_that_pruned_each_region() {
    let html = format!(
        "<body><nav><a href=/>Home</a></nav><main><article><h1>Title</h1><p>{PROSE}</p>\
         <p>{PROSE} <a class=btn href=/buy>Book now</a></p><div class=share-buttons>Share this</div></article></main>\
         <div class=sidebar>Popular posts</div></body>"
    );
    let dom = parse(&html, 256);
    let with = PruneOptions {
        explain: true,
        ..PruneOptions::default()
    };
    let a = analyse(&dom, with);
    let reason_of = |needle: &str| {
        let t = (0..dom.nodes.len())
            .find(|&i| dom.tag(i) == Tag::Text && dom.text_of(i).contains(needle))
            .unwrap();
        // The outermost pruned element holding the text.
        let mut i = t;
        let mut found = None;
        while let Some(p) = dom.parent(i) {
            if a.pruned[p] {
                found = Some(p);
            }
            i = p;
        }
        found.and_then(|p| a.why[p])
    };
    assert_eq!(reason_of("Home"), Some(Why::Tag));
    assert_eq!(reason_of("Popular posts"), Some(Why::ClassWord));
    assert_eq!(reason_of("Share this"), Some(Why::ClassWord));
    // A later pass (button labels are trimmed once the root is chosen) is named too.
    assert_eq!(reason_of("Book now"), Some(Why::Button));
    assert_eq!(reason_of("real prose"), None);
    // Every pruned node has a reason; without `explain`, none is recorded and the pruning is
    // the same.
    assert!((0..dom.nodes.len()).all(|i| !a.pruned[i] || a.why[i].is_some()));
    let b = analyse(&dom, PruneOptions::default());
    assert!(b.why.is_empty());
    assert_eq!(a.pruned, b.pruned);
    assert_eq!(a.root, b.root);
}

#[test]
fn dated_posts_after_a_standing_article_are_its_comments() {
    // Comments with hashed class names: records of one shape, each with a date line.
    let comment = |name: &str| {
        format!(
            "<li class=c4d5e6f><div class=c7a8b9c><b>{name}</b> <span>March 3, 2024 at 10:12 am</span></div><p>I really liked this post, thank you for writing it, and I will share it with my friends.</p></li>"
        )
    };
    let comments: String = ["Amy", "Bob", "Cid", "Dee"]
        .iter()
        .map(|n| comment(n))
        .collect();
    let page = |head: &str, article_class: &str| {
        format!(
            "<html><head>{head}</head><body><div class=c1b2c3d><div class={article_class}>{}</div><ol class=c0f0e0d>{comments}</ol></div></body></html>",
            article(4)
        )
    };
    let text = root_text(&page("", "c2e2e2e"));
    assert!(text.contains("long paragraph"), "{text}");
    assert!(!text.contains("I really liked"), "{text}");
    // A page that declares a forum thread keeps its posts.
    let ld = r#"<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>"#;
    assert!(root_text(&page(ld, "c2e2e2e")).contains("I really liked"));
    // So does a thread whose opening post is shaped like its replies (same tag, same first
    // class word).
    let html = format!(
        "<body><ol class=c0f0e0d><li class='c4d5e6f c9first'><span>March 2, 2024</span>{}</li>{comments}</ol></body>",
        article(4)
    );
    assert!(root_text(&html).contains("I really liked"));
}

#[test]
fn a_dated_posts_body_in_its_next_sibling_goes_with_it() {
    // A message list laid out as header rows (view link, author, date) each followed by the
    // message in a sibling block (Roundup's jinja2 issue page): the bodies are the posts'
    // text, so the thread is kept whole, headers and bodies, not its headers pruned as
    // comments and its bodies left as an article.
    let body = |k: usize| {
        format!(
            "<div><pre class=c5e5e5e>Message {k}: the fix for the crash on start-up is in the new upload, and the test suite passes again on every architecture we build for.</pre></div>"
        )
    };
    let head = |k: usize, name: &str| {
        format!(
            "<div class='c1a1a1a c2b2b2b'><div class=c3c3c3c><a href='msg{k}'>msg{k} (view)</a></div><div class=c3c3c3c>Author: {name}</div><div class=c3c3c3c>Date: 2023-0{k}-02.12:06:21</div><div class=c3c3c3c></div></div>"
        )
    };
    let msgs: String = ["amy", "bob", "cid", "dee"]
        .iter()
        .enumerate()
        .map(|(k, n)| head(k + 1, n) + &body(k + 1))
        .collect();
    let html = format!(
        "<html><body><div class=c9d9d9d><h1>Issue 5</h1><table><tr><th>Status</th><td>resolved</td></tr></table><h4>Messages</h4>{msgs}<div class=c0e0e0e></div></div></body></html>"
    );
    let text = root_text(&html);
    for k in 1..=4 {
        assert!(text.contains(&format!("Message {k}:")), "{text}");
    }
    assert!(
        text.contains("Author: amy") && text.contains("Author: dee"),
        "{text}"
    );
    // After an article that stands on its own, the same header-and-body pairs are its
    // comments: both go.
    let html = format!(
        "<html><body><div class=c9d9d9d><div class=c8f8f8f>{}</div><h4>Comments</h4>{msgs}<div class=c0e0e0e></div></div></body></html>",
        article(6)
    );
    let text = root_text(&html);
    assert!(text.contains("long paragraph"), "{text}");
    assert!(
        !text.contains("Message 2:") && !text.contains("Author: bob"),
        "{text}"
    );
}

#[test]
fn dated_posts_whose_classes_differ_by_state_words_are_comments() {
    // A comment template's class words after the first are its state (`even`/`odd`,
    // `parent`, `depth-1`, the author's): no three comments share the whole class, but all
    // share its first word, and each has a date line.
    let states = ["even", "odd alt", "even parent", "odd alt parent"];
    let comments: String = ["Amy", "Bob", "Cid", "Dee"]
        .iter()
        .zip(states)
        .map(|(name, state)| {
            format!(
                "<li class='c4d5e6f {state}'><div class=c7a8b9c><b>{name}</b> <span>March 3, 2024 at 10:12 am</span></div><p>I really liked this post, thank you for writing it, and I will share it with my friends.</p></li>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><div class=c1b2c3d><div class=c2e2e2e>{}</div><ol class=c0f0e0d>{comments}</ol></div></body></html>",
        article(4)
    );
    let text = root_text(&html);
    assert!(text.contains("long paragraph"), "{text}");
    assert!(!text.contains("I really liked"), "{text}");
    // Asked for, comments stay.
    let text = root_text_with_comments(&html);
    assert!(
        text.contains("long paragraph") && text.contains("I really liked"),
        "{text}"
    );
    // A thread whose opening post is one of the posts (its own state word, `first`): the
    // posts are the page.
    let html = format!(
        "<body><ol class=c0f0e0d><li class='c4d5e6f first'><span>March 2, 2024</span>{}</li>{comments}</ol></body>",
        article(4)
    );
    let text = root_text(&html);
    assert!(
        text.contains("long paragraph") && text.contains("I really liked"),
        "{text}"
    );
}

#[test]
fn a_form_with_a_text_box_is_a_reply_form() {
    // An article's reply form, named by nothing (hashed classes): its notes and consent go.
    // The consent is long (several hundred characters, as they are), so only the reply-form
    // rule reads it as the comments' and not the rule on short forms.
    let consent = "We keep your name and email for as long as your comment is shown, and we use them for nothing else. You may ask us to delete them at any time by writing to the address given on our page about privacy. ".repeat(3);
    let form = format!(
        "<form class=c5e5e5e><p>Your email address will not be published, and the required fields are marked with a star.</p><p><textarea name=body></textarea></p><p>By sending this form you agree to the storage of your name and email by this website. {consent}</p><input type=submit value=Send></form>"
    );
    let html = format!(
        "<html><body><div class=c1b2c3d><div class=c2e2e2e>{}</div><div class=c3c3c3c><h3>Leave a Reply</h3>{form}</div></div></body></html>",
        article(8)
    );
    let text = root_text(&html);
    assert!(text.contains("long paragraph"), "{text}");
    assert!(!text.contains("will not be published"), "{text}");
    // Asked for, comments keep their form.
    let text = root_text_with_comments(&html);
    assert!(text.contains("will not be published"), "{text}");
    // A thread's posts stay beside its reply form.
    let short = form.replace(&consent, "");
    let posts: String = ["Amy", "Bob", "Cid", "Dee"]
        .iter()
        .map(|name| {
            format!(
                "<li class=c4d5e6f><div class=c7a8b9c><b>{name}</b> <span>March 3, 2024 at 10:12 am</span></div><p>I really liked this post, thank you for writing it, and I will share it with my friends.</p></li>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><ol class=c0f0e0d><li class=c4d5e6f><span>March 2, 2024</span>{}</li>{posts}</ol>{short}</body></html>",
        article(2)
    );
    let text = root_text(&html);
    assert!(
        text.contains("long paragraph") && text.contains("I really liked"),
        "{text}"
    );
}

#[test]
fn numbered_sections_are_no_dated_posts() {
    // A tutorial's subsections, each headed by its number (`4.8.3.`), are records of one
    // shape whose first line is three numbers: no date without a year, so no comments.
    let section = |k: usize| {
        format!(
            "<section id=s{k}><h3><span>4.8.{k}. </span>Special parameters {k}</h3><p>By default, arguments may be passed to a function either by position or explicitly by keyword, and section {k} says how.</p></section>"
        )
    };
    let sections: String = (1..=5).map(section).collect();
    let html = format!(
        "<body><div class=body><section>{}{sections}</section></div></body>",
        article(4)
    );
    let text = root_text(&html);
    assert!(text.contains("section 3 says how"), "{text}");
}

#[test]
fn links_inside_code_are_cross_references_not_navigation() {
    // An API reference page: a short description, then a summary of members whose
    // signatures are code with links to each type and member. The signatures are the page's
    // content, not a menu: the root holds them with the description.
    let member = |k: usize| {
        format!(
            "<li><code>public static <a href=\"t{k}.html\">TypeName{k}</a> <a href=\"#m{k}\">memberName{k}</a>(<a href=\"a.html\">ArgumentType</a> value, int count)</code><div>Returns thing {k} of the widget.</div></li>"
        )
    };
    let members: String = (0..12).map(member).collect();
    let html = format!(
        "<body><nav><a href=a>Overview</a> <a href=b>Package</a> <a href=c>Class</a></nav><main><h1>Class Widget</h1><div><p>A widget holds one value, and gives it back on request.</p>{}</div><section><h2>Method Summary</h2><ul>{members}</ul></section></main></body>",
        article(3)
    );
    let text = root_text(&html);
    assert!(text.contains("A widget holds one value"), "{text}");
    assert!(text.contains("memberName3"), "{text}");
    assert!(text.contains("Returns thing 11"), "{text}");
    // A link around code (a menu item naming a module) stays a link.
    let menu: String = (0..12)
        .map(|k| {
            format!("<li><a href=\"m{k}.html\"><code>module{k}</code> and a few words</a></li>")
        })
        .collect();
    let html = format!(
        "<body><div><ul>{menu}</ul></div><article>{}</article></body>",
        article(3)
    );
    let text = root_text(&html);
    assert!(!text.contains("module3"), "{text}");
}

#[test]
fn headings_stating_code_signatures_are_no_link_clusters() {
    // An API reference's member headings link every type they name; they are the page's
    // content, and the root grows over the members' sections with the description.
    let member = |k: usize| {
        format!(
            "<section><h4>pub fn <a href=\"#m{k}\">with_value_{k}</a>(value: <a href=\"u.html\">SomeValueType</a>) -&gt; <a href=\"w.html\">ConfiguredWidget</a></h4><p>Makes widget number {k} from a value.</p></section>"
        )
    };
    let members: String = (0..12).map(member).collect();
    let html = format!(
        "<body><nav><a href=a>Overview</a> <a href=b>Crate</a> <a href=c>Struct</a></nav><main><h1>Struct Widget</h1><div>{}</div><h2>Implementations</h2>{members}</main></body>",
        article(4)
    );
    let text = root_text(&html);
    assert!(text.contains("This is a long paragraph"), "{text}");
    assert!(text.contains("with_value_7"), "{text}");
    assert!(text.contains("Makes widget number 11 from"), "{text}");
}

#[test]
fn a_definition_root_grows_to_its_term() {
    // A manual's function definition: the signature in `<dt>`, the text in `<dd>`.
    let html = format!(
        "<body><nav><a href=a>Up</a> <a href=b>Next</a></nav><div><h3>Graphics Toolkits</h3><dl><dt>name = graphics_toolkit (hlist)</dt><dd>{}</dd></dl></div></body>",
        article(4)
    );
    let text = root_text(&html);
    assert!(text.contains("graphics_toolkit (hlist)"), "{text}");
    assert!(text.contains("This is a long paragraph"), "{text}");
}

#[test]
fn an_articles_repeated_button_labels_are_pruned() {
    // An Astra-like roundup on a site of `<div>`s with hashed names: each pick ends with
    // the same "Check price" button. A label the template writes under every pick is
    // chrome; the picks' own words stay.
    let pick = |name: &str| {
        format!(
            "<h3><a href=https://shop.example.com/{name}>{name}</a></h3><p>{PROSE}</p><div class=h1b><div class=h2c><a class=h3d href=https://shop.example.com/{name}>Check price</a></div></div>"
        )
    };
    let html = format!(
        "<body><div class=h0a><h1>The best trail shoes</h1>{}{}{}{}</div></body>",
        pick("lexi"),
        pick("corva"),
        pick("nimbo"),
        article(2)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(t.contains("corva"), "{t}");
    assert!(!t.contains("Check price"), "{t}");
    // Written twice, a label is no template's.
    let html = format!(
        "<body><div class=h0a><h1>The best trail shoes</h1>{}{}{}</div></body>",
        pick("lexi"),
        pick("corva"),
        article(2)
    );
    assert!(root_text(&html).contains("Check price"));
}

#[test]
fn a_threads_repeated_action_links_are_pruned() {
    // Posts named by their class (a thread): each ends with a "Reply" link and a "Back to
    // top" link alone on their lines, which the template repeats; a poster's name link
    // (repeated too), a link inside a sentence and a field's label stay.
    let post = |name: &str| {
        format!(
            "<div class=postItem><div class=poster><a class=username href=/u/{name}>{name}</a></div><div class=postText>{}<p>See <a href=/faq>the answer</a> in the FAQ, as said before.</p><div><span>Subjects:</span> Woodworking</div></div><div class=buttons><a href=/reply?to={name}><span>Reply</span></a></div><p><a href=#top>Back to top</a></p></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><div class=topic><h1>A topic</h1>{}{}{}{}</div></body>",
        post("alice"),
        post("bob"),
        post("alice"),
        post("carol")
    );
    let t = root_text(&html);
    assert!(!t.contains("Reply") && !t.contains("Back to top"), "{t}");
    assert!(t.contains("alice") && t.contains("carol"), "{t}");
    assert!(t.contains("the answer"), "{t}");
    assert!(t.contains("Subjects:"), "{t}");
    // Twice is no template's habit: two posts keep their links.
    let html = format!(
        "<body><div class=topic><h1>A topic</h1>{}{}</div></body>",
        post("alice"),
        post("bob")
    );
    assert!(root_text(&html).contains("Reply"));
    // A card's link around its thumbnail and a badge is no action: the badge stays.
    let cards: String = (0..6)
        .map(|k| {
            format!(
                "<div class=card><a href=/p{k}><img src=/p{k}.jpg><div class=flag><span>On Sale</span></div></a><a href=/p{k}>Handmade oak bookshelf with five shelves, model {k}</a><span class=price>{k}9.90 EUR</span></div>"
            )
        })
        .collect();
    let t = root_text(&format!("<body><div class=grid>{cards}</div></body>"));
    assert!(t.contains("model 3") && t.contains("On Sale"), "{t}");
}

#[test]
fn a_records_field_named_comments_is_no_comment_section() {
    // A list of papers: each record's "Comments: 10 pages, 4 figures" line is named by a
    // comment word but is a line of text without links, a field of the record; a comment
    // section (posts in blocks) and a "3 Comments" link are pruned.
    let papers: String = (1..=5)
        .map(|n| {
            format!(
                "<dt><a href=/abs/{n}>paper:26{n}</a></dt><dd><div class=meta><div class=list-title>Title: A study of sparse attention, part {n}</div><div class=list-comments><span class=descriptor>Comments:</span> {n}2 pages, {n} figures</div><div class=list-subjects>Subjects: Artificial Intelligence</div></div></dd>"
            )
        })
        .collect();
    let t = root_text(&format!(
        "<body><main><h1>Recent submissions</h1><dl>{papers}</dl></main></body>"
    ));
    assert!(t.contains("32 pages, 3 figures"), "{t}");
    let html = format!(
        "<body><article>{}<span class=comments-link><a href=#c>3 Comments</a></span></article><div class=comments><div><p>Great read, thanks for writing it up.</p></div><div><p>I disagree with the second point.</p></div></div></body>",
        article(4)
    );
    let t = root_text(&html);
    assert!(
        !t.contains("3 Comments") && !t.contains("Great read"),
        "{t}"
    );
}

#[test]
fn a_short_chapter_page_keeps_its_table_of_contents() {
    let toc = |n: usize| {
        let items: String = (1..=n)
            .map(|k| {
                format!("<li><a href=\"s{k}.html\">{k}. Section number {k} of the chapter</a></li>")
            })
            .collect();
        format!("<div class=\"toc\"><p>Contents</p><ul>{items}</ul></div>")
    };
    let intro = "Indexes are a common way to enhance the performance of a database, and this \
                 chapter explains them. An index lets the server find rows much faster than it \
                 could without one, but indexes also add overhead, so they should be used with \
                 some care.";
    let page = |inner: &str| {
        format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/docs\">Docs</a> \
             <a href=\"/about\">About us</a></nav><div>Supported versions: 18 / 17</div>\
             <div class=\"chapter\"><h2>Chapter 11. Indexes</h2>{inner}</div>\
             <footer>Copyright</footer></body></html>"
        )
    };
    // One paragraph and a long contents list: the list is the chapter page's content.
    let t = root_text(&page(&format!("{}<p>{intro}</p>", toc(8))));
    assert!(t.contains("Section number 5 of the chapter"), "{t}");
    assert!(t.contains("Indexes are a common way"), "{t}");
    // An article with a contents list keeps its prose only.
    let t = root_text(&page(&format!("{}<p>{intro}</p>{}", toc(8), article(6))));
    assert!(t.contains("Indexes are a common way"), "{t}");
    assert!(!t.contains("Section number 5 of the chapter"), "{t}");
}

#[test]
fn a_root_in_a_tab_panel_grows_to_the_widgets_panels() {
    // A department's page in tabs: the shown tab holds the prose, the other tab a list of
    // forms to download (links only). The forms are the page's content; a menu outside the
    // widget is not.
    let forms: String = ["Building permit", "Complaint form", "Pool registration"]
        .iter()
        .map(|f| {
            format!(
                "<li><a href=/forms/{}.pdf>{f} - printable PDF</a></li>",
                f.len()
            )
        })
        .collect();
    let prose: String = (1..=4)
        .map(|n| format!("<p>{PROSE} Part {n}.</p>"))
        .collect();
    let html = format!(
        "<body><nav><a href=/>Home</a><a href=/about>About</a></nav><div class=content><div class=widget><div role=tablist><a role=tab href=#t1>Overview</a><a role=tab href=#t2>Forms</a></div><div class=panels><div id=t1 role=tabpanel class=showing>{prose}</div><div id=t2 role=tabpanel><ul>{forms}</ul></div></div></div></div></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("real prose"), "{t}");
    assert!(t.contains("Complaint form - printable PDF"), "{t}");
    assert!(!t.contains("About"), "{t}");
    // One panel alone (no sibling panel) does not grow.
    let dom = parse(
        &format!(
            "<body><div class=page><div role=tabpanel>{prose}</div><ul>{forms}</ul></div></body>"
        ),
        256,
    );
    let a = analyse(&dom, PruneOptions::default());
    assert_eq!(a.tab_set, None);
}

#[test]
fn the_text_runs_to_the_end_of_the_tab_set_it_grew_to() {
    // A department's page in tabs: the shown tab holds the prose, the later tabs lists
    // (questions, maps to download). The text does not end at the first tab's last paragraph.
    let prose: String = (1..=4)
        .map(|n| format!("<p>{PROSE} Part {n}.</p>"))
        .collect();
    let faq: String = [
        "How do I obtain a permit?",
        "Do I need a permit for a fence?",
    ]
    .iter()
    .enumerate()
    .map(|(k, q)| format!("<li><a href=/faq/{k}>{q}</a></li>"))
    .collect();
    let maps = "<ul><li><a href=/maps/1.pdf>Zoning map</a></li><li><a href=/maps/2.pdf>Flood map</a></li><li><a href=/maps/3.pdf>Road map</a></li></ul>";
    let html = format!(
        "<body><nav><a href=/>Home</a><a href=/about>About</a></nav><div class=content><div class=widget><div role=tablist><a role=tab href=#t1>Overview</a><a role=tab href=#t2>FAQs</a><a role=tab href=#t3>Maps</a></div><div class=panels><div id=t1 role=tabpanel class=showing>{prose}</div><div id=t2 role=tabpanel><h2>Questions</h2><ul>{faq}</ul></div><div id=t3 role=tabpanel><h2>Tables and maps</h2>{maps}</div></div></div></div></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Part 4."), "{t}");
    assert!(t.contains("Do I need a permit for a fence?"), "{t}");
    assert!(t.contains("Flood map"), "{t}");
    assert!(!t.contains("About"), "{t}");
    // Outside a tab widget, the list after an article's last paragraph is no part of it.
    let html = format!(
        "<body><div class=content><article>{prose}<h2>Tables and maps</h2>{maps}</article></div></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Part 4."), "{t}");
    assert!(!t.contains("Flood map"), "{t}");
}

#[test]
fn sections_titled_as_reviews_are_pruned() {
    // A review widget whose class names say nothing (hashed, utility classes): its title,
    // inside a header box, names the reviews.
    let review = "I love this shelf, it was easy to assemble and holds all my books well.";
    let reviews: String = (0..3)
        .map(|n| {
            format!(
                "<div class=x1><span class=x2>Buyer {n}</span><span class=x3>{review}</span></div>"
            )
        })
        .collect();
    let html = format!(
        "<body><main><h1>Kallax Shelf</h1>{}<div class=x4><div class=x5><h2>Customer Reviews</h2></div>{reviews}</div><div class=x6><h2>Materials and care</h2><p>Particleboard and acrylic paint; wipe clean using a damp cloth and a mild cleaner.</p></div></main></body>",
        article(4)
    );
    for t in [root_text(&html), product_root_text(&html)] {
        assert!(t.contains("real prose") && t.contains("damp cloth"), "{t}");
        assert!(
            !t.contains("easy to assemble") && !t.contains("Customer Reviews"),
            "{t}"
        );
    }
    // Off a product page, a title that does not name the customers is a chapter ("Code
    // reviews" in a manual).
    let chapter = html.replace("Customer Reviews", "Code Reviews");
    assert!(root_text(&chapter).contains("easy to assemble"));
    assert!(!product_root_text(&chapter).contains("easy to assemble"));
    // Off a product page, a section holding most of the root is the page's text (a shop's
    // page of testimonials).
    let page = format!(
        "<body><main><p>{PROSE}</p><div class=x4><h2>Customer Reviews</h2>{reviews}{reviews}</div></main></body>"
    );
    assert!(root_text(&page).contains("easy to assemble"));
    // A box holding the page's `<h1>` stays, whatever its title.
    let html = format!(
        "<body><main><div class=x4><h2>Reviews</h2><h1>Kallax Shelf</h1>{}</div></main></body>",
        article(4)
    );
    assert!(product_root_text(&html).contains("real prose"));
}

#[test]
fn reviews_titled_by_a_bold_line_or_with_the_products_name_are_pruned() {
    // A widget titled by a bold line in its header box rather than a heading (Magento's
    // `<div class=block-title><strong>Customer Reviews</strong></div>`), class names hashed.
    let review = "I love this shelf, it was easy to assemble and holds all my books well.";
    let reviews: String = (0..3)
        .map(|n| format!("<li class=x1><b class=x2>Buyer {n}</b><p class=x3>{review}</p></li>"))
        .collect();
    let html = format!(
        "<body><main><h1>Kallax Shelf</h1>{}<div class=x4><div class=x5><strong>Customer Reviews</strong></div><ol class=x6>{reviews}</ol></div><div class=x7><h2>Materials and care</h2><p>Particleboard and acrylic paint; wipe clean using a damp cloth and a mild cleaner.</p></div></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose") && t.contains("damp cloth"), "{t}");
    assert!(!t.contains("easy to assemble"), "{t}");
    // A bold phrase opening a line of text is no title.
    let lead = html.replace(
        "<strong>Customer Reviews</strong>",
        "<strong>Customer reviews</strong> of this shelf, unedited:",
    );
    assert!(product_root_text(&lead).contains("easy to assemble"));
    // A heading naming the reviews and the product's long name (WooCommerce's "2 reviews
    // for <name>"): the name does not count against the title's length.
    let name = "KALLAX Shelf Unit, White, 30 1/8x57 5/8 Inches";
    let named = html
        .replace(
            "<div class=x5><strong>Customer Reviews</strong></div>",
            &format!("<h2 class=x5>3 reviews for <span>{name}</span></h2>"),
        )
        .replace("<h1>Kallax Shelf</h1>", &format!("<h1>{name}</h1>"));
    let t = product_root_text(&named);
    assert!(
        t.contains("damp cloth") && !t.contains("easy to assemble"),
        "{t}"
    );
    // Another long title stays too long to be one.
    let other = named.replace(
        &format!("<span>{name}</span>"),
        "the shelving unit that fits in every room of the house",
    );
    assert!(product_root_text(&other).contains("easy to assemble"));
}

#[test]
fn sections_titled_by_the_customers_or_as_editorial_reviews() {
    // On a product page a widget titled by the customers alone ("Customers say": a summary of
    // their reviews) is theirs; editorial reviews (the publisher's blurbs) are the book's text.
    let said = "Readers find the book practical and easy to follow, with many useful examples.";
    let blurb = "A supremely practical and useful book, says a critic in a national newspaper.";
    let html = format!(
        "<body><main><h1>Atomic Habits</h1>{}<div class=x1><div class=x2><h3>Editorial Reviews</h3><p>{blurb}</p></div></div><div class=x3><div class=x4><h3>Customers say</h3><p>{said}</p></div></div></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(
        t.contains("real prose") && t.contains("national newspaper"),
        "{t}"
    );
    assert!(!t.contains("easy to follow"), "{t}");
    // Off a product page the customers' title must name reviews too.
    assert!(root_text(&html).contains("easy to follow"));
    // In French, "Les avis de nos clients" (their reviews' usual title) names them too.
    let french = html.replace("Customers say", "Les avis de nos clients");
    assert!(!product_root_text(&french).contains("easy to follow"));
}

#[test]
fn sections_titled_as_suggestions_are_pruned_on_product_pages() {
    // A carousel of other products whose title sits deep in wrappers and whose class names
    // say nothing: its title names the shop's suggestions; the whole section opened by the
    // title goes, not the product's box nor the text after the carousel.
    let card = |n: u32| {
        format!("<div class=c1><span>Matching storage box with a lid, number {n}</span></div>")
    };
    let cards: String = (1..=4).map(card).collect();
    let html = format!(
        "<body><main><h1>Kallax Shelf</h1>{}<section class=s1><div class=s2><div class=s3><div class=s4><div class=s5><h2>People who viewed this item also viewed</h2></div></div></div><div class=s6>{cards}</div></div></section><div class=x6><h2>Materials and care</h2><p>Particleboard and acrylic paint; wipe clean using a damp cloth.</p></div></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose") && t.contains("damp cloth"), "{t}");
    assert!(
        !t.contains("storage box") && !t.contains("also viewed"),
        "{t}"
    );
    let french = html.replace(
        "People who viewed this item also viewed",
        "Produits complémentaires",
    );
    assert!(!product_root_text(&french).contains("storage box"));
    // Off a product page such a section is left to the other rules.
    assert!(root_text(&html).contains("storage box"));
    // A section with text before its title is not one it opens: only the title's own
    // wrappers would go, and nothing is pruned.
    let led = html.replace(
        "<div class=s2>",
        "<div class=s2><p>Our matching boxes fit every compartment of the shelf.</p>",
    );
    assert!(product_root_text(&led).contains("storage box"));
}

#[test]
fn contact_boxes_are_pruned_on_product_pages() {
    // The shop's support box beside a product: a question, and a sentence with an address
    // and a phone number to call. Its wrapper goes; the table of specifications beside it
    // inside a shared column stays.
    let html = format!(
        "<body><main><h1>Nano Puff Jacket</h1>{}<div class=c1><table><tr><td>SKU</td><td>84213</td></tr></table><div class=c2><div class=c3><div class=c4>Any questions about this product?</div><div class=c5>Feel free to get in touch with our support team at <a href=\"tel:563-441-9488\">563-441-9488</a>. We're happy to help!</div></div></div></div></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose") && t.contains("84213"), "{t}");
    assert!(
        !t.contains("Any questions") && !t.contains("happy to help"),
        "{t}"
    );
    // Elsewhere a phone number is the page's text (a shop's contact page).
    assert!(root_text(&html).contains("happy to help"));
}

#[test]
fn cards_of_other_products_are_pruned_on_product_pages() {
    // A carousel of other products under a product's description: each card an image, a
    // link and a price, whatever its class names.
    let card = |n: u32| {
        format!(
            "<li class=c1><a href=/p/{n}><img src={n}.jpg><span>Matching storage box with a lid and two handles, number {n}</span></a><span>${n}9.99</span></li>"
        )
    };
    let cards: String = (1..=4).map(card).collect();
    let html = format!(
        "<body><main><h1>Kallax Shelf</h1>{}<h2>You may also like</h2><ul class=c2>{cards}</ul></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Matching storage box"), "{t}");
    // Two cards are no group; and elsewhere the cards stay (a category's description and
    // its products).
    let two: String = (1..=2).map(card).collect();
    let t = product_root_text(&format!(
        "<body><main><h1>Kallax Shelf</h1>{}<ul class=c2>{two}</ul></main></body>",
        article(4)
    ));
    assert!(t.contains("Matching storage box"), "{t}");
    assert!(root_text(&html).contains("Matching storage box"));
}

#[test]
fn icon_font_glyphs_make_icon_strips() {
    // Trust badges whose icons are an icon font's empty `<i>` (drawn by a style sheet), with
    // class names that say nothing.
    let badge = |t: &str| format!("<li><i class=x1></i> <span>{t}</span></li>");
    let strip = format!(
        "<ul class=x2>{}{}{}</ul>",
        badge("<strong>FREE SHIPPING</strong> over $100"),
        badge("Pick-up In Store"),
        badge("Call for availability!"),
    );
    let html = format!(
        "<body><main><h1>Nano Puff Jacket</h1><div class=x3>{}{strip}</div></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(
        !t.contains("Pick-up In Store") && !t.contains("FREE SHIPPING"),
        "{t}"
    );
    // Items opening with a label (no glyph) are the product's own list.
    let list = "<ul class=x2><li><span>Weight:</span> 13 oz</li><li><span>Shell:</span> recycled polyester</li><li><span>Fit:</span> regular</li></ul>";
    let html = format!(
        "<body><main><h1>Nano Puff Jacket</h1><div class=x3>{}{list}</div></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(t.contains("recycled polyester"), "{t}");
}

#[test]
fn a_body_root_gives_way_to_the_page_wrapper_beside_overlays() {
    // Classes that name nothing (hashed or utility classes): the sign-up pop-ups beside the
    // page wrapper hold sentences, so the body outweighs the wrapper; the wrapper holds most
    // of the value, and the root is chosen inside it.
    let popup = |n: usize| {
        format!(
            "<div class=x9><div class=x8><p>Sign up for our newsletter number {n} today, and get \
             the best stories of the week in your inbox, every Friday.</p></div></div>"
        )
    };
    let html = format!(
        "<html><body><div class=x1><nav><a href=/>Home</a> <a href=/a>About</a></nav>\
         <div class=x2><h1>Title</h1><div class=x3>{}</div></div></div>{}{}</body></html>",
        article(4),
        popup(1),
        popup(2)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("newsletter number"), "{t}");
    // Sections of the body none of which holds most of its value: the body stays.
    let html = format!(
        "<html><body><div class=x1>{}</div><div class=x2><p>Another section, about the \
         second subject of this page, written in full sentences as well.</p>{}</div>\
         </body></html>",
        article(2),
        article(1)
    );
    let t = root_text(&html);
    assert!(t.contains("second subject"), "{t}");
    assert_eq!(t.matches("real prose").count(), 3, "{t}");
    // The page's title outside the wrapper: the body's children are the page's sections.
    let html = format!(
        "<html><body><h1>Title</h1><div class=x1>{}</div>{}</body></html>",
        article(4),
        popup(1)
    );
    assert!(root_text(&html).contains("newsletter number"));
}

#[test]
fn a_chapter_page_keeps_its_contents_list_without_class_words() {
    // As `a_short_chapter_page_keeps_its_table_of_contents`, with classes that name nothing:
    // the contents list is not pruned but sits beside the chapter's one paragraph.
    let toc: String = (1..=8)
        .map(|k| {
            format!("<li><a href=\"s{k}.html\">{k}. Section number {k} of the chapter</a></li>")
        })
        .collect();
    let intro = "Indexes are a common way to enhance the performance of a database, and this \
                 chapter explains them. An index lets the server find rows much faster than it \
                 could without one, but indexes also add overhead.";
    let page = |more: &str| {
        format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/docs\">Docs</a></nav>\
             <div class=x1><div class=x2><h2>Chapter 11. Indexes</h2></div>\
             <div class=x3><p>Contents</p><ul>{toc}</ul></div><p>{intro}</p>{more}</div>\
             <footer>Copyright</footer></body></html>"
        )
    };
    let text = |html: &str| {
        crate::Extractor::default()
            .extract(html.as_bytes(), None)
            .text
    };
    let t = text(&page(""));
    assert!(t.contains("Section number 5 of the chapter"), "{t}");
    assert!(t.contains("Indexes are a common way"), "{t}");
    // An article beside a contents list keeps its prose only.
    let t = text(&page(&article(6)));
    assert!(t.contains("Indexes are a common way"), "{t}");
    assert!(!t.contains("Section number 5 of the chapter"), "{t}");
}

/// A thread whose posts have meaningless (hashed) class names: each `post(k)` is a poster
/// card, a date line and `body`, then an action bar as a list.
fn hashed_thread(post: impl Fn(usize) -> String, posts: usize) -> String {
    let posts: String = (0..posts).map(post).collect();
    format!("<body><div class=h1a2b><h1>A topic</h1><div class=h9f0e>{posts}</div></div></body>")
}

#[test]
fn dated_posts_are_a_thread_whatever_their_class_names() {
    // No class word names them posts, but each carries a date line near its top: a thread,
    // whose repeated "Reply" links and vote counts are its template's.
    let post = |dated: bool| {
        move |k: usize| {
            let date = if dated {
                format!("<span>2019-02-2{k}, 09:14 PM</span>")
            } else {
                String::new()
            };
            format!(
                "<div class=h5e09><div class=h42af><a href=/u/{k}>user{k}</a></div>{date}<div class=h8dfb>{}</div><div class=h3c3c>{}</div><div class=h6780><a href=/reply/{k}>Reply</a></div></div>",
                article(2),
                300 + 7 * k
            )
        }
    };
    let t = root_text(&hashed_thread(post(true), 4));
    assert!(!t.contains("Reply") && !t.contains("307"), "{t}");
    assert!(t.contains("user2") && t.contains("09:14 PM"), "{t}");
    // Undated, the same records are no thread: a number alone is a figure, and stays. (The
    // "Reply" links go either way, as a line every record's template writes alike.)
    let t = root_text(&hashed_thread(post(false), 4));
    assert!(t.contains("307"), "{t}");
}

#[test]
fn a_threads_poster_card_lines_are_pruned() {
    // Each post's card repeats its field names, its rank and its counts (alone or joined with
    // another field); the poster's name (a link), the dates (a line joining a number and a
    // date too), the post's words, a lead-in inside a sentence and a label repeated within
    // one post ("Pros:") stay.
    let post = |k: usize| {
        let own = if k == 0 {
            format!("<p><b>Pros:</b></p><p>{PROSE}</p>").repeat(3)
        } else {
            String::new()
        };
        format!(
            "<div class=h5e09><div class=h42af><a href=/u/{k}>user{k}</a><p class=h751>Senior Member</p><div class=h329a>Posts: 1{k}6<br>Joined: Feb 201{k}<br></div><ul class=h20c><li><a href=/u/{k}/posts><b>{k}.7k</b> <span>posts</span></a></li></ul><dl><dt>Location</dt><dd>Town {k}</dd></dl><div class=h3b9><span>{k},674 posts</span> <span>·</span> <span>Member since 201{k}</span></div></div><div class=h6c1>#{k} · Feb 2{k}, 2019</div><span>2019-02-2{k}, 09:14 PM</span><div class=h8dfb><p><strong>Note:</strong> {PROSE}</p>{own}{}</div><ul class=h0bb><li><a href=/quote/{k}>Quote</a></li></ul></div>",
            article(2)
        )
    };
    let t = root_text(&hashed_thread(post, 4));
    for gone in [
        "Senior Member",
        "Posts:",
        "Joined:",
        "posts",
        "Location",
        "Member since",
        "Quote",
    ] {
        assert!(!t.contains(gone), "{gone}: {t}");
    }
    assert!(t.contains("user3") && t.contains("09:14 PM"), "{t}");
    assert!(t.contains("#3 · Feb 23, 2019"), "{t}");
    assert!(t.contains("Note:") && t.contains("real prose"), "{t}");
    assert_eq!(t.matches("Pros:").count(), 3, "{t}");
    // Two posts are no template's habit: their cards stay.
    let t = root_text(&hashed_thread(post, 2));
    assert!(t.contains("Senior Member") && t.contains("Posts:"), "{t}");
}

#[test]
fn a_link_preview_in_a_threads_post_is_pruned() {
    // Div-only markup: a post's pasted link drawn as a card (the site's name, a linked title
    // and the linked page's blurb, all to one address) goes; the poster's words, a heading
    // linking to two places and a poster's card (its name a heading beside an avatar to one
    // profile, before the post's words) stay.
    let post = |k: usize| {
        let preview = if k == 1 {
            "<div class=h0b1><div class=h0b2><a href=https://example.org/x>example.org</a></div><div class=h0b3><h3><a href=https://example.org/x>The Linked Page Title</a></h3><p>The linked page describes itself in a sentence of its own.</p></div></div><h4><a href=https://example.org/a>Alpha</a> and <a href=https://example.org/b>Beta</a></h4><p>Another note, with a sentence after the two links above.</p>"
        } else {
            ""
        };
        format!(
            "<div class=h5e09><div class=h42af><h4><a href=/u/{k}>user{k}</a></h4><a href=/u/{k}><img src=/a/{k}.png></a><p>Rank title of a member {k}</p></div><span>2019-02-2{k}, 09:14 PM</span><div class=h8dfb><p>Here is a site that might be useful to all of you.</p>{preview}{}</div></div>",
            article(2)
        )
    };
    let t = root_text(&hashed_thread(post, 4));
    assert!(
        !t.contains("The Linked Page Title") && !t.contains("describes itself"),
        "{t}"
    );
    assert!(!t.contains("example.org"), "{t}");
    assert!(
        t.contains("might be useful") && t.contains("Alpha") && t.contains("Another note"),
        "{t}"
    );
    assert!(t.contains("user1") && t.contains("user3"), "{t}");
}

#[test]
fn a_signature_closing_two_posts_is_pruned() {
    // Div-only markup: the same line closing two posts after their own words is a poster's
    // signature; each post's own words stay, and so does a post that repeats another's words
    // with nothing of its own (a copy of the opening post).
    let own = |k: usize| {
        format!(
            "<p>Post number {k} has words of its own, and they differ from one post to the next.</p><p>It says so twice, in a second paragraph {k} of prose written here.</p>"
        )
    };
    let post = |k: usize| {
        let body = if k == 3 {
            own(1)
        } else {
            format!(
                "{}{}",
                own(k),
                if k.is_multiple_of(2) {
                    "<div class=h5160><p>Send me a message if you want to sponsor any update of my plugins.</p></div>"
                } else {
                    ""
                }
            )
        };
        format!(
            "<div class=h5e09><div class=h42af><a href=/u/{k}>user{k}</a></div><span>2019-02-2{k}, 09:14 PM</span><div class=h8dfb>{body}</div></div>"
        )
    };
    let t = root_text(&hashed_thread(post, 4));
    assert!(!t.contains("sponsor any update"), "{t}");
    assert!(
        t.contains("Post number 2 has") && t.contains("paragraph 1 of prose"),
        "{t}"
    );
    assert_eq!(t.matches("Post number 1 has").count(), 2, "{t}");
}

#[test]
fn an_opening_post_with_a_class_of_its_own_counts_with_the_thread() {
    // The replies alone hold less than half the thread (a long opening post with an extra
    // class of its own): the siblings of their tag count with them, so the page is a
    // thread and its posters' ranks are the template's.
    let post = |k: usize| {
        let (extra, body) = if k == 0 {
            (" h7f31", article(8))
        } else {
            ("", article(1))
        };
        format!(
            "<div class=\"h5e09{extra}\"><div class=h42af><a href=/u/{k}>user{k}</a><p>Senior Member</p></div><span>2019-02-2{k}, 09:14 PM</span><div class=h8dfb>{body}</div></div>"
        )
    };
    let t = root_text(&hashed_thread(post, 4));
    assert!(!t.contains("Senior Member"), "{t}");
    assert!(
        t.contains("user0") && t.contains("user3") && t.contains("real prose"),
        "{t}"
    );
}

#[test]
fn a_poster_card_keeps_its_authors_url_link_as_the_name() {
    // The author's microdata names the poster in a `<meta>`; the name shown is the author's
    // `itemprop=url` link, inside wrappers named as the poster card: the card goes, the name
    // stays, once per post.
    let post = |name: &str| {
        format!(
            "<div class=message itemprop=comment itemscope itemtype=https://schema.org/Comment><div class=user-info itemprop=author itemscope><meta itemprop=name content={name}><div class=user-info__name-wrap><a class=user-info__name href=/members/{name} itemprop=url>{name}</a></div><div class=user-details>120 posts, joined 2012</div></div><div class=body>{}</div></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><div class=thread><h1>A topic</h1>{}{}{}</div></body>",
        post("alice"),
        post("bob"),
        post("carol")
    );
    let t = root_text(&html);
    assert!(
        t.contains("alice") && t.contains("bob") && t.contains("carol"),
        "{t}"
    );
    assert!(!t.contains("120 posts"), "{t}");
    assert!(t.contains("real prose"), "{t}");
}

#[test]
fn a_closing_call_to_action_after_the_article_is_pruned() {
    // A box after the article with a heading, a line and a link alone on its line: the
    // site's call to action, whatever its class names.
    let page = |call: &str| {
        format!(
            "<body><div class=x1><h1>A title</h1>{}<div class=x2><div class=x3><h2>Work with us</h2><p>Whether you are buying or selling, our team will guide you all the way.</p><div class=x4><a href=/contact>Contact us</a></div></div></div>{call}</div></body>",
            article(6)
        )
    };
    let t = root_text(&page(""));
    assert!(t.contains("real prose"), "{t}");
    assert!(
        !t.contains("Work with us") && !t.contains("our team"),
        "{t}"
    );
    // One of a run of like boxes (an FAQ's entries) is kept.
    let t = root_text(&page(
        "<div class=x2><div class=x3><h2>Another question?</h2><p>Another answer to read here.</p><div class=x4><a href=/more>More</a></div></div></div>",
    ));
    assert!(
        t.contains("Work with us") && t.contains("Another answer"),
        "{t}"
    );
    // A box holding code is a reference's last member (its signature and the exception it
    // links to), not a call to action.
    let html = format!(
        "<body><div class=x1><h1>A title</h1>{}<div class=x2><div class=x3><h3>throwException</h3><pre>public void throwException()</pre><p>Throws an exception appropriate to the result.</p><div class=x4><a href=/cce>CharacterCodingException</a></div></div></div></div></body>",
        article(6)
    );
    let t = root_text(&html);
    assert!(
        t.contains("throwException") && t.contains("appropriate"),
        "{t}"
    );
    // Without a control to act on, a closing section is the article's.
    let html = format!(
        "<body><div class=x1><h1>A title</h1>{}<div class=x2><h2>Conclusion</h2><p>So the team will guide you all the way, and that is the end.</p></div></div></body>",
        article(6)
    );
    let t = root_text(&html);
    assert!(t.contains("Conclusion") && t.contains("the end"), "{t}");
}

#[test]
fn an_authors_card_closing_the_article_is_pruned_by_its_bylines_name() {
    // Hashed class names: the card after the article has a portrait, the byline's name and
    // a biography.
    let page = |card_name: &str| {
        format!(
            "<body><div class=h1><h1>A title</h1><div class=h2><span>Jane Doe</span></div>{}<div class=h3><img src=jane.jpg><div class=h4><div class=h5>{card_name}</div><p>Writes about gardens and has done so for twenty years.</p></div></div></div></body>",
            article(6)
        )
    };
    let t = root_text(&page("Jane Doe"));
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("twenty years"), "{t}");
    // A name not shown before the article's prose is no byline's: the box stays.
    let t = root_text(&page("Other Person"));
    assert!(t.contains("twenty years"), "{t}");
}

#[test]
fn an_authors_card_before_the_posts_tags_under_a_subheadline_is_pruned() {
    // A news page of `<div>`s with hashed names: the subheadline (a long heading) stands
    // above the byline, and the post's tags (links only) follow the author's card.
    let page = |tags: &str| {
        format!(
            "<body><div class=h1><h1>A title</h1><h2>The 6-3 vote clears the way for 240 apartments on the site of the old garage.</h2><div class=h2>By <a href=/people/jane>Jane Doe</a></div>{}<div class=h3><img src=jane.jpg><div class=h4><a href=/people/jane>Jane Doe</a><p>Covers city hall and housing, and has done so for twenty years.</p></div></div>{tags}</div></body>",
            article(6)
        )
    };
    let t = root_text(&page(
        "<div class=h6><a href=/tags/housing>Housing</a> <a href=/tags/council>City Council</a></div>",
    ));
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("twenty years"), "{t}");
    // A box of text after the card is the article's end, not a list of links: the card
    // stays.
    let t = root_text(&page(
        "<div class=h6><p>Correction: an earlier version misstated the number of flats.</p></div>",
    ));
    assert!(t.contains("twenty years"), "{t}");
}

#[test]
fn a_posts_microdata_author_card_keeps_only_the_name_whatever_its_classes() {
    // The poster's card is the post's `itemprop=author` element: its rank, location and join
    // date go whatever its (meaningless) class names, the name stays, once per post.
    let post = |name: &str, rank: &str, place: &str| {
        format!(
            "<article class=x1 itemscope itemtype=https://schema.org/Comment><section class=x2 itemprop=author itemscope itemtype=https://schema.org/Person><div class=x3><a class=x4 href=/members/{name}><img src=a.png></a></div><div class=x5><h4 class=x6><a class=x7 href=/members/{name}><span itemprop=name>{name}</span></a></h4><h5 class=x8>{rank}</h5></div><div class=x9><dl class=x10><dt>Location</dt><dd>{place}</dd></dl><dl class=x10><dt>Joined</dt><dd>Mar 3, 2011</dd></dl></div></section><div class=x11>{}</div></article>",
            article(2)
        )
    };
    let html = format!(
        "<body><div class=x0><h1>A topic</h1>{}{}{}</div></body>",
        post("alice", "Hall of Famer", "Land of lakes"),
        post("bob", "Veteran", "Lower Valley"),
        post("carol", "Top Poster", "North Shore")
    );
    let t = root_text(&html);
    assert!(
        t.contains("alice") && t.contains("bob") && t.contains("carol"),
        "{t}"
    );
    for w in [
        "Hall of Famer",
        "Veteran",
        "Land of lakes",
        "North Shore",
        "Joined",
    ] {
        assert!(!t.contains(w), "{w}: {t}");
    }
    assert!(t.contains("real prose"), "{t}");
    // An inline byline typed the same way is the name as shown: the full name stays.
    let post = |name: &str, full: &str| {
        format!(
            "<div class=x1 itemprop=comment itemscope itemtype=https://schema.org/Comment><div class=x2><span class=x3 itemprop=author itemscope itemtype=https://schema.org/Person><a itemprop=url href=/u/{name}><span itemprop=name>{name}</span></a> ({full})</span></div><div class=x4 itemprop=text>{}</div></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><div class=x0><h1>A topic</h1>{}{}{}</div></body>",
        post("alice", "Alice Smith"),
        post("bob", "Bob Jones"),
        post("carol", "Carol King")
    );
    let t = root_text(&html);
    assert!(
        t.contains("(Alice Smith)") && t.contains("(Carol King)"),
        "{t}"
    );
}

#[test]
fn an_aside_whose_lists_are_a_small_part_of_it_is_no_text_list_box() {
    // A sidebar inside `<main>` (a community's description, its rules, a list of counts) is
    // no box of the text's own list: its list items are a small part of its text.
    let side = "<aside><section><h2>Announcements</h2><p>Official announcements from the project team. Subscribe to be told about new releases and other news.</p><p>This community can be followed from other instances and commented on by their users.</p><ul><li>65 users / day</li><li>433 Posts</li><li>6.49K Comments</li></ul></section></aside>";
    let html = format!(
        "<body><main><div><h1>A post</h1>{}</div>{side}</main></body>",
        article(4)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Official announcements"), "{t}");
}

#[test]
fn a_poster_cards_field_whose_value_is_a_link_is_pruned() {
    // "Reputation: <a>7</a>" on a line of its own in every post's card is the template's
    // field, its value linked or not; the post's own "Note: <a>a link</a> and more" stays.
    let post = |name: &str, rep: &str| {
        format!(
            "<div class=x1 itemprop=comment itemscope itemtype=https://schema.org/Comment><div class=x2><a class=x3 href=/u/{name}>{name}</a><div class=x4>Posts: 116<br>Threads: 23<br>Reputation: <a href=/rep/{name}><strong>{rep}</strong></a></div></div><div class=x5>{}<p>Note: <a href=/doc>the manual</a> says more.</p></div></div>",
            article(2)
        )
    };
    let html = format!(
        "<body><div class=x0><h1>A topic</h1>{}{}{}</div></body>",
        post("alice", "7"),
        post("bob", "265"),
        post("carol", "604")
    );
    let t = root_text(&html);
    assert!(!t.contains("Reputation"), "{t}");
    assert!(!t.contains("265"), "{t}");
    assert!(t.contains("the manual"), "{t}");
    assert!(t.contains("real prose"), "{t}");
}

#[test]
fn a_region_before_the_site_header_is_pruned_when_the_content_follows_it() {
    // A long promo carousel above the masthead outweighs a short grid of four items: it
    // goes, whatever its class names, and the grid in `<main>` is the content.
    let slide = "<p>Free standard shipping on qualifying orders, see our international page for the rates and timelines.</p>";
    let html = format!(
        "<html><body><div class=h1>{}</div><header><a href=/>Shop</a></header>\
         <main><h1>Skincare sets</h1><ul>\
         <li><h3><a href=/a>Balm trio</a></h3><p>Original formula, sale price $49.95</p></li>\
         <li><h3><a href=/b>Super pack</a></h3><p>All three serums, sale price $104.95</p></li>\
         <li><h3><a href=/c>Dewy look</a></h3><p>Cloud paint and dew, sale price $51.95</p></li>\
         <li><h3><a href=/d>Smile duo</a></h3><p>A balm and a paste, sale price $35.95</p></li>\
         </ul></main></body></html>",
        slide.repeat(8)
    );
    let t = root_text(&html);
    assert!(t.contains("Balm trio"), "{t}");
    assert!(!t.contains("Free standard shipping"), "{t}");
    // Without a `<header>` after it, the same region is the page's text.
    let html = format!(
        "<html><body><div class=h1>{}</div><footer><a href=/>Shop</a></footer></body></html>",
        slide.repeat(8)
    );
    let t = root_text(&html);
    assert!(t.contains("Free standard shipping"), "{t}");
    // Nor does it go when the header is followed by no title nor `<main>`.
    let html = format!(
        "<html><body><div class=h1>{}</div><header><a href=/>Shop</a></header>\
         <div><p>Short note.</p></div></body></html>",
        slide.repeat(8)
    );
    let t = root_text(&html);
    assert!(t.contains("Free standard shipping"), "{t}");
}

#[test]
fn a_custom_elements_label_alike_in_every_record_is_a_control() {
    // Each product card ends with a theme's quick-view opener, a custom element (no
    // standard tag) showing "Quick Shop": a control in every record, pruned, whatever its
    // class names. The same words in a plain `<span>` stay (a line, not a control).
    let cards = |opener: &str, close: &str| -> String {
        (1..=6)
            .map(|k| {
                format!(
                    "<div class=h1><h3><a href=/p{k}>Dark roast coffee blend number {k}</a></h3><div class=h2><span>${k}9.99 per bag of beans</span></div><div class=h3>{opener}<span>Quick Shop</span>{close}</div></div>"
                )
            })
            .collect()
    };
    let page =
        |c: String| format!("<body><main><h1>Coffee</h1><div class=h4>{c}</div></main></body>");
    let t = root_text(&page(cards(
        "<quick-shop-opener class=h5>",
        "</quick-shop-opener>",
    )));
    assert!(t.contains("blend number 4"), "{t}");
    assert!(!t.contains("Quick Shop"), "{t}");
    let t = root_text(&page(cards("<span class=h5>", "</span>")));
    assert_eq!(t.matches("Quick Shop").count(), 6, "{t}");
}

#[test]
fn a_hidden_body_inside_an_accordions_collapsing_box_is_its_panel() {
    // WAI-ARIA accordion: the heading's button toggles a collapsing box whose only child is
    // the body, `aria-hidden` while closed. The body is the section's text, whatever the
    // class names; with no toggle before the box, the same hidden body goes.
    let section = |head: &str, k: usize| {
        format!(
            "<div class=h1>{head}<div class=h2 style='max-height:0px'><div class=h3 aria-hidden=true><p>Answer number {k}. {PROSE}</p></div></div></div>"
        )
    };
    let html = |toggle: bool| {
        let s: String = (1..=3)
            .map(|k| {
                let head = if toggle {
                    format!("<h3><button aria-expanded=false>Question {k}</button></h3>")
                } else {
                    format!("<h3>Question {k}</h3>")
                };
                section(&head, k)
            })
            .collect();
        format!("<body><main><h1>Tents</h1><p>{PROSE}</p>{s}</main></body>")
    };
    let t = root_text(&html(true));
    assert!(t.contains("Answer number 2"), "{t}");
    let t = root_text(&html(false));
    assert!(!t.contains("Answer number 2"), "{t}");
}

#[test]
fn an_opening_post_written_like_its_replies_keeps_them() {
    // A thread without microdata whose opening post stands apart from its dated replies
    // (another parent, another shape) but writes its text in the block its replies write
    // theirs in: the replies are the thread's, not comments under an article.
    let reply = |name: &str| {
        format!(
            "<li class=c4d5e6f><div class=c7a8b9c><b>{name}</b> <span>March 3, 2024 at 10:12 am</span></div><div class=c8b8b8b><p>I really liked this post, thank you for writing it, and I will share it with my friends.</p></div></li>"
        )
    };
    let replies: String = ["Amy", "Bob", "Cid", "Dee"]
        .iter()
        .map(|n| reply(n))
        .collect();
    let page = |body_class: &str| {
        format!(
            "<html><body><div class=c1b2c3d><div class=c2e2e2e><div class={body_class}>{}</div></div><ol class=c0f0e0d>{replies}</ol></div></body></html>",
            article(4)
        )
    };
    let t = root_text(&page("c8b8b8b"));
    assert!(
        t.contains("long paragraph") && t.contains("I really liked"),
        "{t}"
    );
    // Written in a block of its own, it is an article, and the replies are its comments.
    let t = root_text(&page("c3f3f3f"));
    assert!(
        t.contains("long paragraph") && !t.contains("I really liked"),
        "{t}"
    );
}

#[test]
fn a_dated_threads_fields_named_by_an_element_are_pruned() {
    // A poster card's field whose name is an element of its own (`<span>Location</span>:
    // <span>Basel</span>`, `<strong>About me:</strong><div>...</div>`), alike in each dated
    // post, is the card's; the post's words stay.
    let post = |dated: bool| {
        move |k: usize| {
            let date = if dated {
                format!("<span>2019-02-2{k}, 09:14 PM</span>")
            } else {
                String::new()
            };
            format!(
                "<div class=h5e09><div class=h42af><a href=/u/{k}>user{k}</a><ul class=h1c><li class=h2d><span class=h3e>Location</span>: <span class=h4f>Town {k}</span></li><li class=h2d><strong>About me:</strong><div class=h5a>Person number {k}</div></li></ul></div>{date}<div class=h8dfb>{}</div></div>",
                article(2)
            )
        }
    };
    let t = root_text(&hashed_thread(post(true), 4));
    assert!(!t.contains("Location") && !t.contains("About me"), "{t}");
    assert!(t.contains("user2") && t.contains("real prose"), "{t}");
    // Undated, the records are no thread's posts: their fields stay.
    let t = root_text(&hashed_thread(post(false), 4));
    assert!(t.contains("Location") && t.contains("About me"), "{t}");
}

#[test]
fn a_threads_repeated_targetless_links_and_letter_avatars_are_pruned() {
    // A link without a target ("Click to expand..." under each quote) is a script's control,
    // and a poster's initials linked alone on their line (`T`, `JD`) are a letter avatar: in a
    // thread, repeated, both are its template's. A named anchor is no control, and a capital
    // letter of a post's own (not linked) stays.
    let post = |k: usize| {
        let initials = ["T", "R", "JD", "G"][k % 4];
        let own = if k == 1 { "<p>Q</p>" } else { "" };
        format!(
            "<div class=h5e09><div class=h42af><a href=/u/{k}><div class=hav><span>{initials}</span></div></a><a href=/u/{k}>user{k}</a></div><span>2019-02-2{k}, 09:14 PM</span><div class=h8dfb><blockquote><div>Someone wrote something worth quoting here, number {k}.</div><div class=hq><a>Click to expand...</a></div></blockquote><p><a name=n{k}>Notes of the day</a></p>{own}{}</div></div>",
            article(2)
        )
    };
    let t = root_text(&hashed_thread(post, 4));
    assert!(!t.contains("Click to expand"), "{t}");
    assert!(
        !t.contains("JD") && !t.lines().any(|l| l.trim() == "T"),
        "{t}"
    );
    assert!(t.contains("Notes of the day") && t.contains('Q'), "{t}");
    assert!(t.contains("user2") && t.contains("worth quoting"), "{t}");
}

#[test]
fn a_poster_card_fields_term_takes_its_definition_along() {
    // A poster card written as a definition list: the term ("Joined") is the template's
    // label, repeated in each post, and its definition (the date) is the field's value.
    // A post's own definition list, its terms differing from one post to the next, stays.
    let post = |k: usize| {
        format!(
            "<div class=h5e09><div class=h42af><a href=/u/{k}>user{k}</a><dl class=h8f2><dt>Joined</dt><dd>Nov 1{k}, 2011</dd></dl></div><span>2019-02-2{k}, 09:14 PM</span><div class=h8dfb><dl><dt>Term {k}</dt><dd>Meaning number {k}</dd></dl>{}</div></div>",
            article(2)
        )
    };
    let t = root_text(&hashed_thread(post, 4));
    assert!(!t.contains("Joined") && !t.contains("Nov 12, 2011"), "{t}");
    assert!(
        t.contains("Term 2") && t.contains("Meaning number 2"),
        "{t}"
    );
    assert!(t.contains("user2") && t.contains("real prose"), "{t}");
}

#[test]
fn a_drop_downs_bar_goes_a_card_with_a_picker_stays() {
    // A listing's sort bar (a `<select>`, its label and a count) is a control, whatever its
    // class names; a card holding a picker beside its picture or price is the card.
    let cards: String = (1..=4)
        .map(|k| format!("<div class=c><h3>Kneeling pad {k}</h3><p>{PROSE}</p></div>"))
        .collect();
    let html = |bar: &str| {
        format!(
            "<body><main><h1>Garden pads</h1><div class=x><label>Sort by</label><select><option>Best match</option><option>Price, low to high</option></select><span>Items 1-24 of 123</span></div>{bar}{cards}</main></body>"
        )
    };
    let t = root_text(&html(""));
    assert!(!t.contains("Items 1-24"), "{t}");
    assert!(t.contains("Kneeling pad 3"), "{t}");
    let t = root_text(&html(
        "<div class=y><span>Pad size</span><select><option>Small</option></select><span>Only $19.99</span></div>",
    ));
    assert!(t.contains("Only $19.99"), "{t}");
    let t = root_text(&html(
        "<div class=y><img src=pad.jpg><span>Pad size picker</span><select><option>Small</option></select></div>",
    ));
    assert!(t.contains("Pad size picker"), "{t}");
}

#[test]
fn a_trail_named_by_its_accessible_name_or_microdata_goes() {
    // A breadcrumb out of a `<nav>` (`<ol aria-label="Breadcrumb">`, schema.org's
    // BreadcrumbList) and a pager named "pagination" are the site's navigation; a list named
    // otherwise stays.
    let html = |attrs: &str| {
        format!(
            "<body><main><ol {attrs}><li><a href=/>Home page link</a></li><li><a href=/shop>All products link</a></li></ol><h1>Watches</h1><p>{PROSE}</p><p>{PROSE}</p></main></body>"
        )
    };
    for attrs in [
        "aria-label=Breadcrumb",
        "aria-label='breadcrumbs navigation'",
        "aria-label=Pagination",
        "itemscope itemtype=https://schema.org/BreadcrumbList",
    ] {
        let t = root_text(&html(attrs));
        assert!(!t.contains("All products link"), "{attrs}: {t}");
        assert!(t.contains("long paragraph"), "{attrs}: {t}");
    }
    let t = root_text(&html("aria-label='Steps to follow'"));
    assert!(t.contains("All products link"), "{t}");
}

#[test]
fn an_ad_slots_label_line_goes_a_sentence_about_ads_stays() {
    // An ad slot's label ("Advertisement", "- ADVERT -") left between two paragraphs once
    // its script renders nothing; a paragraph about advertisements stays.
    let html = format!(
        "<body><main><article><h1>Title</h1><p>{PROSE} One.</p><div><span>Advertisement</span></div><p>{PROSE} Two.</p><div>- ADVERT -</div><p>Sponsored posts and every advertisement are marked as such on this site.</p><p>{PROSE} Three.</p></article></main></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(!t.contains("\nAdvertisement\n"), "{t}");
    assert!(!t.contains("ADVERT"), "{t}");
    assert!(t.contains("every advertisement are marked"), "{t}");
    assert_eq!(t.matches("long paragraph").count(), 3, "{t}");
}

#[test]
fn a_short_line_promising_your_inbox_goes() {
    // A newsletter prompt ("... delivered to your inbox") is no part of the text; a long
    // paragraph that mentions an inbox, or one not addressed to "your inbox", stays.
    let html = format!(
        "<body><main><article><h1>Title</h1><p>{PROSE} One.</p><p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p><p>{PROSE} Two.</p><p>The shared inbox lets a team answer every customer from one place.</p></article></main></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(!t.contains("right in your inbox"), "{t}");
    assert!(t.contains("The shared inbox lets"), "{t}");
    assert!(crate::render::inbox_prompt(
        "Don't miss anything. Get all the latest posts delivered straight to your inbox."
    ));
    let long = format!("{PROSE} {PROSE} Then it lands in your inbox.");
    assert!(!crate::render::inbox_prompt(&long));
}

#[test]
fn an_authors_bio_closing_the_text_goes_a_company_profile_stays() {
    let page = |end: &str| {
        format!(
            "<body><main><article><h1>Title</h1><p>{PROSE} One.</p><h2>Part</h2><p>{PROSE} {PROSE} Two.</p><p>{PROSE} {PROSE} Three.</p>{end}</article></main></body>"
        )
    };
    let text = |end: &str| {
        crate::Extractor::default()
            .extract(page(end).as_bytes(), None)
            .text
    };
    // "Firstname Lastname is a ..." closing the text is its author's bio.
    let t = text(
        "<div><p>Jane Doe is a reporter for the Daily Example, covering city hall and schools.</p></div>",
    );
    assert!(!t.contains("Jane Doe"), "{t}");
    assert!(t.contains("Three."), "{t}");
    // A one-word name goes only under an author box's heading naming it.
    let t = text(
        "<div><h4>Regan</h4><p>Regan is a native of the coast now living inland with her family and cats.</p></div>",
    );
    assert!(!t.contains("Regan"), "{t}");
    // A company or an organisation the article ends on stays.
    let t = text(
        "<p>Emirates is the number one buyer of the large jet, with more than a hundred in service.</p>",
    );
    assert!(t.contains("Emirates is the number one"), "{t}");
    let t = text(
        "<p>The Dental Association is an independent organization that offers health advice to all.</p>",
    );
    assert!(t.contains("The Dental Association"), "{t}");
    // Nor is a definition led by an article a bio (a blog index's last teaser).
    let t = text(
        "<p>An Enum is a set of symbolic names bound to unique values, much like global constants.</p>",
    );
    assert!(t.contains("An Enum is a set"), "{t}");
    // A reference page's closing note on a command in capitals is no person's bio.
    let t = text(
        "<h2>Compatibility</h2><p>DECLARE STATEMENT is an extension of the SQL standard, but can be used in famous DBMSs.</p>",
    );
    assert!(t.contains("DECLARE STATEMENT is an extension"), "{t}");
}

#[test]
fn a_pictures_credit_line_goes_a_config_line_stays() {
    let html = format!(
        "<body><main><article><h1>Title</h1><p>{PROSE} One.</p><figure><img src=a.jpg><p>Photo: Jane Doe, AP</p></figure><p>{PROSE} {PROSE} Two.</p><div>Image copyright Reuters</div><p>{PROSE} {PROSE} Three.</p><pre>services:\n  db:\n    image: postgres:18\n</pre><p>Image quality matters: a sharp picture tells the story better than a blurred one.</p></article></main></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(!t.contains("Jane Doe"), "{t}");
    assert!(!t.contains("copyright Reuters"), "{t}");
    assert!(t.contains("image: postgres:18"), "{t}");
    assert!(t.contains("Image quality matters"), "{t}");
}

#[test]
fn section_titles_are_read_without_their_links_and_past_scripts() {
    // A reviews widget whose heading carries its own links ("See language breakdown", "Your
    // preferences") and follows an inline script: the title's words are the heading's own,
    // and the script shows nothing before it.
    let review = "I love this shelf, it was easy to assemble and holds all my books well.";
    let reviews: String = (0..3)
        .map(|n| format!("<div class=x1><span>Buyer {n}</span><span>{review}</span></div>"))
        .collect();
    let html = format!(
        "<body><main><h1>Kallax Shelf</h1>{}<div class=x4><script>var n = 1;</script><input type=hidden value=3><h2>Customer reviews for Kallax Shelf <span><a href=/a>See language breakdown</a> <a href=/b>About user reviews</a> <a href=/c>Your preferences</a></span></h2>{reviews}</div><div class=x6><h2>Materials and care</h2><p>Particleboard and acrylic paint; wipe clean using a damp cloth and a mild cleaner.</p></div></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose") && t.contains("damp cloth"), "{t}");
    assert!(!t.contains("easy to assemble"), "{t}");
    // Read whole, the title is too long to be one: the section stays.
    let long = html.replace(
        "Customer reviews for Kallax Shelf",
        "Customer reviews for Kallax Shelf, the shelving unit that fits every room",
    );
    assert!(product_root_text(&long).contains("easy to assemble"));
    // A title that is one link is read whole.
    let linked = html.replace(
        "<h2>Customer reviews for Kallax Shelf <span><a href=/a>See language breakdown</a> <a href=/b>About user reviews</a> <a href=/c>Your preferences</a></span></h2>",
        "<h2><a href=/r>Customer reviews</a></h2>",
    );
    assert!(!product_root_text(&linked).contains("easy to assemble"));
    // Text before the title still means the section is not the one it opens.
    let led = html.replace(
        "<script>var n = 1;</script>",
        "<p>Our shelves are loved by thousands of happy homes.</p>",
    );
    assert!(product_root_text(&led).contains("easy to assemble"));
}

#[test]
fn alerts_are_pruned_on_product_pages() {
    // The buy box's messages, sent with the page for a script to show: ARIA alerts.
    let html = format!(
        "<body><main><h1>Atomic Habits</h1>{}<div class=b1><p>Hardcover, 320 pages, ships in two days.</p><div role=alert><p>Unable to add item to List. Please try again.</p></div><div class=b2 role=\"alert\">This item is not available for the seller you chose.</div></div></main></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(t.contains("real prose") && t.contains("320 pages"), "{t}");
    assert!(
        !t.contains("Unable to add") && !t.contains("seller you chose"),
        "{t}"
    );
    // Off a product page an alert is left to the other rules (a callout in a manual).
    assert!(root_text(&html).contains("Unable to add"));
}

/// Whether the page metadata reads `html` as one product's page.
fn is_product_page(html: &str) -> bool {
    crate::metadata::collect(&parse(html, 256)).product
}

#[test]
fn a_price_and_a_control_after_the_headline_make_a_product_page() {
    // No structured data, no class names: the name, its price shown alone, a button.
    let html = "<body><main><div><h1>Summit Fire Pit</h1><p>Lights three times faster.</p><div><b>€549.99</b></div></div><div><button type=button>Add</button></div><h2>Details</h2><p>Steel.</p></main></body>";
    assert!(is_product_page(html));
    // Without the control, or without the price, it is no buy box.
    assert!(!is_product_page(
        &html.replace("<button type=button>Add</button>", "")
    ));
    assert!(!is_product_page(&html.replace("<b>€549.99</b>", "")));
    // Prices written with a code or a local sign, before or after the amount.
    for price in ["EUR 163.12", "299 kr", "R$ 49,90", "79,00 €", "$ 1,299"] {
        let html = html.replace("€549.99", price);
        assert!(is_product_page(&html), "{price}");
    }
    for not_price in ["ISO 9001", "$0", "EUR", "12 months"] {
        let html = html.replace("€549.99", not_price);
        assert!(!is_product_page(&html), "{not_price}");
    }
    // A page declaring itself an article: a review's buy widget under its headline.
    let review = html.replace(
        "<body>",
        "<head><meta property=og:type content=article></head><body>",
    );
    assert!(!is_product_page(&review));
    // A figure in a sentence, a range, a price after the next heading: an article's.
    for other in [
        "<p>The average cost in town is <b>$876</b>, but it could vary from one job to another.</p>",
        "<p><span>$89</span> - <span>$249</span></p>",
        "<p><span>$29</span><span>/month</span></p>",
        "<h2>Costs</h2><div><b>$549.99</b></div>",
    ] {
        let html = html.replace("<div><b>€549.99</b></div>", other);
        assert!(!is_product_page(&html), "{other}");
    }
    // A category: one price per card, more than a buy box shows.
    let card = "<div><p>Oak chair</p><p>$120</p><button>Add</button></div>";
    let html = format!("<body><h1>Chairs</h1>{card}{card}{card}{card}</body>");
    assert!(!is_product_page(&html));
}

#[test]
fn a_buying_control_after_the_headline_makes_a_product_page() {
    let html = "<body><h1>Nintendo Switch OLED</h1><div><button aria-label=\"Add to Wish List\"></button><span>Quantity</span><button>-</button>1<button>+</button></div><h2>About</h2></body>";
    assert!(is_product_page(html));
    // Labelled in another language, as text.
    let html = "<body><h1>Diffuseur</h1><form><button type=submit>Ajouter  au Panier</button></form></body>";
    assert!(is_product_page(html));
    // A button labelled for something else, or a buying button past the next heading.
    assert!(!is_product_page(
        "<body><h1>Switch</h1><button>Share</button><h2>More</h2></body>"
    ));
    assert!(!is_product_page(
        "<body><h1>Switch</h1><h2>Deals</h2><button>Add to cart</button></body>"
    ));
    // A category's button per card.
    let card = "<div><p>Lamp</p><button>Add to cart</button></div>";
    let html = format!("<body><h1>Lamps</h1>{card}{card}{card}{card}</body>");
    assert!(!is_product_page(&html));
}

#[test]
fn an_open_graph_item_type_makes_a_product_page() {
    for ty in [
        "product",
        "product.item",
        "market-objects:item",
        "shop:Product",
    ] {
        let html = format!(
            "<head><meta property=\"og:type\" content=\"{ty}\"></head><body><h1>Chain</h1></body>"
        );
        assert!(is_product_page(&html), "{ty}");
    }
    for ty in ["website", "article", "product.group", "video.other"] {
        let html = format!(
            "<head><meta property=\"og:type\" content=\"{ty}\"></head><body><h1>Chain</h1></body>"
        );
        assert!(!is_product_page(&html), "{ty}");
    }
}

#[test]
fn a_product_list_of_features_under_its_name_joins_the_description() {
    // No microdata: the features listed in the buy box beside the gallery, the description
    // in its own region further down.
    let features = "<ul><li>Gold-plated one inch capsule</li><li>Polar pattern: cardioid</li><li>Weight: 311 g</li></ul>";
    let html = format!(
        "<body><div><div><h1>Studio Mic</h1><div><img src=a.jpg></div><h2>Condenser microphone</h2>{features}<button>Add</button></div><div><section>{}</section></div></div><footer><p>Shop</p></footer></body>",
        article(4)
    );
    let t = product_root_text(&html);
    assert!(
        t.contains("real prose") && t.contains("Polar pattern"),
        "{t}"
    );
    // Off a product page, and for a list of links (a menu), the root stays the description.
    assert!(!root_text(&html).contains("Polar pattern"));
    let menu = html.replace(
        features,
        "<ul><li><a href=/a>Microphones for the studio</a></li><li><a href=/b>Headphones</a></li><li><a href=/c>Cables</a></li></ul>",
    );
    assert!(!product_root_text(&menu).contains("Headphones"));
}

/// A grid of cards for the rules on collection pages: `card(k)` is each card's markup.
fn card_grid(head: &str, card: impl Fn(usize) -> String) -> String {
    let cards: String = (0..6).map(card).collect();
    format!(
        "<html><head>{head}</head><body><main><h1>Carry-on bags</h1><p>{PROSE}</p>\
         <div class=g1>{cards}</div><p>{PROSE}</p></main></body></html>"
    )
}

#[test]
fn classes_the_page_style_sheet_clips_are_screen_reader_text() {
    // `h9f` means nothing; the page's own CSS clips it to a pixel out of the flow.
    let style = "<style>.h1{color:red}.h9f{position:absolute;width:1px;height:1px;\
                 overflow:hidden;clip:rect(0 0 0 0)}</style>";
    let card = |k: usize| {
        format!(
            "<div class=c1><a href=/p/{k}>Bag number {k}</a><span class=h9f>Regular price</span>\
             <span class=h1>${k}9.99</span></div>"
        )
    };
    let t = root_text(&card_grid(style, card));
    assert!(t.contains("Bag number 3") && t.contains("$39.99"), "{t}");
    assert!(!t.contains("Regular price"), "{t}");
    // Without the rule in the sheet, the same class is text like any other.
    let t = root_text(&card_grid("<style>.h1{color:red}</style>", card));
    assert!(t.contains("Regular price"), "{t}");
}

#[test]
fn a_card_named_by_a_copy_of_its_title_loses_the_copy() {
    // Each card names and describes itself by a list inside it that repeats its title: the
    // screen readers' copy, kept off the screen by a class whose name says nothing.
    let card = |with_ref: bool| {
        move |k: usize| {
            let refs = if with_ref {
                format!("aria-labelledby=n{k} aria-describedby=d{k}")
            } else {
                String::new()
            };
            format!(
                "<div class=c1 {refs}><a href=/p/{k}>Bag number {k}</a><span>${k}9.99</span>\
                 <dl class=x7><dt>Product name</dt><dd id=n{k}>Bag number {k}</dd>\
                 <dt>Product details</dt><dd id=d{k}>Bag number {k} comes in 4 colours.</dd>\
                 <dt>Product link</dt><dd>/p/{k}</dd></dl></div>"
            )
        }
    };
    let t = root_text(&card_grid("", card(true)));
    assert!(t.contains("Bag number 2") && t.contains("$29.99"), "{t}");
    assert!(
        !t.contains("Product details") && !t.contains("comes in 4 colours"),
        "{t}"
    );
    let t = root_text(&card_grid("", card(false)));
    assert!(t.contains("comes in 4 colours"), "{t}");
}

#[test]
fn a_section_named_by_its_heading_keeps_it() {
    // A heading naming its section is on screen: no copy.
    let t = root_text(&format!(
        "<html><body><main><h1>Guide</h1><section aria-labelledby=s1><h2 id=s1>Packing</h2>\
         <p>{PROSE}</p><p>Packing is the first step.</p></section></main></body></html>"
    ));
    assert!(t.contains("Packing"), "{t}");
}

#[test]
fn links_to_other_pages_of_the_list_are_pruned() {
    let page = |pager: &str| {
        let cards: String = (0..6)
            .map(|k| {
                format!(
                    "<div class=c1><h3><a href=/p/{k}>Bag number {k}</a></h3><p>{PROSE}</p></div>"
                )
            })
            .collect();
        format!(
            "<html><body><main><h1>Bags</h1>{cards}<div class=p1>{pager}</div></main></body></html>"
        )
    };
    let t = root_text(&page(
        "<span>Page 1 of 9</span> <a href=\"/bags?page=2\">Next page</a> <a href=\"/bags/page/3/\">Last</a>",
    ));
    assert!(
        t.contains("Bag number 5") && t.contains("Page 1 of 9"),
        "{t}"
    );
    assert!(!t.contains("Next page") && !t.contains("Last"), "{t}");
    // The same words linking elsewhere stay, and so does such a link inside a sentence.
    let t = root_text(&page(
        "<span>Page 1 of 9</span> <a href=\"/bags/new\">Next page</a>",
    ));
    assert!(t.contains("Next page"), "{t}");
    let t = root_text(&page(
        "<p>Our older posts are a <a href=\"/blog/page/5/\">perfect match</a> for this, read them all.</p>",
    ));
    assert!(t.contains("perfect match"), "{t}");
}

#[test]
fn boxes_on_the_body_opening_with_a_close_control_are_dialogs() {
    // House rules of the comments, laid on the body beside the page and shown by a script:
    // they open with an empty close link, and outweigh the short article.
    let rules: String = (0..4)
        .map(|_| "<p>Users agree to these house rules, which forbid insults, spam and threats of any kind.</p>")
        .collect();
    let html = format!(
        "<body><div><div><h1>Title</h1>{}</div></div><div><a class=x></a><header>Rules</header><section>{rules}</section></div><div><button> × </button><p>Sign in to comment, with your e-mail and a password of your choosing.</p></div></body>",
        article(3)
    );
    let text = root_text(&html);
    assert!(text.contains("real prose"), "{text}");
    assert!(!text.contains("house rules"), "{text}");
    assert!(!text.contains("Sign in"), "{text}");
    // The same in the dialogs' wrapper, the close button inside the dialog's inner box.
    let rules = &rules[..rules.len() / 4 * 3];
    let html = format!(
        "<body><div><div><h1>Title</h1>{}</div></div><div><div><div><button></button><section>{rules}</section></div></div></div></body>",
        article(3)
    );
    let text = root_text(&html);
    assert!(!text.contains("house rules"), "{text}");
    // A box opening with an anchor (an empty link named by `id`) is the page's own section.
    let html = format!(
        "<body><div><a id=top></a>{}</div><div><a id=more></a><p>A second section of the article, with more commas, sentences and facts to read.</p>{}</div></body>",
        article(3),
        article(3)
    );
    let text = root_text(&html);
    assert!(text.contains("second section"), "{text}");
}

#[test]
fn a_short_form_with_its_heading_and_notes_is_pruned_whatever_its_classes() {
    // A sign-up box between the article's paragraphs: a heading, a line, and a form with an
    // email field, a note and a button. Hashed class names: the form's shape tells.
    let html = format!(
        "<body><div class=h1><h1>A title</h1>{}<div class=h2><div class=h3><h3>Sign up for our newsletter</h3><p>Get the best stories in your inbox every week.</p><form class=h4 action=/join method=post><p>We will never share your address with anyone, promised.</p><p><label>Email</label><input type=email name=email></p><button>Subscribe</button></form></div></div>{}</div></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(
        !t.contains("Sign up") && !t.contains("best stories") && !t.contains("never share"),
        "{t}"
    );
    // A form without a text field (a poll's choices) is no such form.
    let html = format!(
        "<body><div class=h1><h1>A title</h1>{}<div class=h2><h3>Which season do you like best?</h3><form class=h4><p>Pick the one you would live in all year.</p><input type=radio name=s><input type=radio name=s><button>Vote</button></form></div>{}</div></body>",
        article(3),
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("live in all year"), "{t}");
}

#[test]
fn a_form_holding_the_pages_title_or_beside_a_products_offer_is_kept() {
    // A contact page written as one form: its title and text are the page's.
    let html = format!(
        "<body><div class=h0><div class=h1><form class=h2 action=/send method=post><h1>Contact our team</h1><p>Write to us about anything and we answer within one working day.</p><p>Our office is open from Monday to Friday, and the team reads every message itself.</p><label>Name</label><input type=text name=n><textarea name=m></textarea><button>Send</button></form></div>{}</div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("answer within one working day"), "{t}");
    // On a product page, a "notify me" form is part of the offer.
    let html = format!(
        "<body><div class=h1><h1>Classic Watch</h1><p>$168.00</p><div class=h2><h3>Notify me when back in stock</h3><form class=h3><p>Please add me to the mailing list of the shop. We write when it is back, and you can leave the list at any time. The watch comes back in small batches, so the list is the surest way to get one of the next.</p><input type=email name=e><button>Notify me</button></form></div>{}</div></body>",
        article(3)
    );
    let t = product_root_text(&html);
    assert!(t.contains("back in stock"), "{t}");
}

#[test]
fn a_closing_sign_up_box_whose_heading_went_with_its_form_is_pruned() {
    // The box closing the article opens with a heading in its markup, pruned with the form
    // it heads; the message left after it goes with the box.
    let html = format!(
        "<body><div class=h1><h1>A title</h1>{}<section class=h2><div class=h3><h3>Pick of the week</h3><p>The day's big stories in your inbox.</p><form class=h4><input type=text name=e><input type=submit value=Join></form></div><div class=h5>Please tick the box to say you would like to join.</div><div class=h6><h4>Thanks for joining!</h4><p>Keep an eye on your inbox for the first letter, it comes every Monday.</p></div><div class=h7><h4>Sorry!</h4><p>There was an error with your sign-up, please try again in a moment.</p></div></section></div></body>",
        article(10)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(
        !t.contains("Pick of the week") && !t.contains("Please tick") && !t.contains("Sorry"),
        "{t}"
    );
}

#[test]
fn a_line_alone_in_its_box_alike_in_every_record_is_pruned() {
    // Each record: a title link, a badge alone in a box of its own reading the same in every
    // record ("Coming soon"), a line alone in its box varying with the record, and a field's
    // name beside its value. The badge goes; the varying line and the field's name stay.
    let record = |k: usize| {
        format!(
            "<div class=card><h2><a href=/p{k}>The long and winding title of product number {k}</a></h2><div><p>Coming soon</p></div><div><p>Made in workshop {k}</p></div><div><span>Weight</span> <span>{k}20 g</span></div></div>"
        )
    };
    let cards: String = (1..=6).map(record).collect();
    let html = format!("<body><main><h1>Soon in store</h1><div>{cards}</div></main></body>");
    let t = root_text(&html);
    assert!(t.contains("product number 4"), "{t}");
    assert!(t.contains("Made in workshop 3"), "{t}");
    assert_eq!(t.matches("Weight").count(), 6, "{t}");
    assert!(!t.contains("Coming soon"), "{t}");
}

#[test]
fn a_div_naming_itself_the_navigation_holds_no_records_and_is_pruned() {
    // A manual's index page written in `<div>`s: a short list of its chapters, beside a
    // menu tree of long entries labelled "Documentation navigation". The menu is no listing
    // and none of the text; unlabelled, the same menu outweighs the chapters.
    let entries: String = (1..=30)
        .map(|k| {
            format!("<li><a href=/docs/{k}>Configuring the workflow runner number {k}</a></li>")
        })
        .collect();
    let chapters: String = (1..=3)
        .map(|k| {
            format!(
                "<div class=card><h3><a href=/c{k}>Chapter {k}: running the jobs</a></h3><p>What chapter {k} covers, in a sentence or two of plain words.</p></div>"
            )
        })
        .collect();
    let page = |label: &str| {
        format!(
            "<body><div class=wrap><div class=side {label}><ul>{entries}</ul></div><div class=content><h1>Workflows</h1><p>{PROSE}</p>{chapters}</div></div></body>"
        )
    };
    let t = crate::Extractor::default()
        .extract(
            page("aria-label='Documentation navigation'").as_bytes(),
            None,
        )
        .text;
    assert!(t.contains("What chapter 2 covers,"), "{t}");
    assert!(!t.contains("runner number 7"), "{t}");
    let t = crate::Extractor::default()
        .extract(page("").as_bytes(), None)
        .text;
    assert!(t.contains("runner number 7"), "{t}");
    // A restaurant's menu labelled "Menu" lists dishes, not links: it stays.
    let dishes: String = (1..=6)
        .map(|k| {
            format!("<li>Grilled fish of the day number {k}, with lemon and herbs: $1{k}</li>")
        })
        .collect();
    let html = format!(
        "<body><div class=page><h1>Our kitchen</h1><p>{PROSE}</p><div aria-label=Menu><ul>{dishes}</ul></div></div></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("day number 4"), "{t}");
}

#[test]
fn a_hidden_panel_tied_to_a_tab_is_kept() {
    // Tabs without `role=tabpanel`: the hidden panels are named by their tab
    // (`aria-labelledby`) or switched by it (`aria-controls`), and the tabs are marked
    // `aria-selected`. Their text is the page's; a hidden box tied to no tab is not.
    let prose: String = (1..=4)
        .map(|n| format!("<p>{PROSE} Part {n}.</p>"))
        .collect();
    let html = format!(
        "<body><div class=page><h1>Insurance</h1><div class=tabs><button id=t1 aria-selected=true aria-controls=p1>Drivers</button><button id=t2 aria-selected=false aria-controls=p2>Riders</button><button id=t3 aria-controls=p3>Couriers</button></div><div id=p1 aria-labelledby=t1>{prose}</div><div id=p2 aria-labelledby=t2 hidden><p>Riders may report an accident on the help page of the app.</p></div><div id=p3 hidden><p>Couriers call the safety line from the delivery screen.</p></div><div hidden><p>Your session expired, please sign in again to go on.</p></div></div></body>"
    );
    let t = root_text(&html);
    assert!(t.contains("Part 4."), "{t}");
    assert!(t.contains("Riders may report an accident"), "{t}");
    assert!(t.contains("Couriers call the safety line"), "{t}");
    assert!(!t.contains("session expired"), "{t}");
}

#[test]
fn a_root_among_hidden_twins_grows_to_their_set() {
    // A department's page in tabs written in `<div>`s with no role or tab class: the shown
    // panel and its hidden siblings share a class. The root grows to the set of panels.
    let prose: String = (1..=4)
        .map(|n| format!("<p>{PROSE} Part {n}.</p>"))
        .collect();
    let forms = "<ul><li><a href=/f1.pdf>Building permit - printable PDF</a></li><li><a href=/f2.pdf>Complaint form - printable PDF</a></li></ul>";
    let html = format!(
        "<body><div class=content><div class=widget><div class=panels><div class='p1 shown'>{prose}</div><div class=p1 style='display: none'>{forms}</div></div></div></div></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert!(a.tab_set.is_some());
    assert!(text_of(&dom, &a, a.root).contains("Complaint form"));
    // Siblings of another class are no twins: the root stays the prose.
    let html = html.replace("class=p1 style", "class=p2 style");
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    assert_eq!(a.tab_set, None);
}

#[test]
fn a_footer_closing_with_a_copyright_line_is_pruned() {
    // A page of `<div>`s: the article, then the site's footer (links, an address, the
    // copyright line). The footer goes; an article closing with an agency's copyright line
    // (no link) keeps it.
    let prose: String = (1..=5)
        .map(|n| format!("<p>{PROSE} Part {n}.</p>"))
        .collect();
    let html = format!(
        "<body><div class=page><div class=story><h1>News</h1>{prose}</div><div class=foot><div><a href=/privacy>Privacy policy</a> <a href=/terms>Terms of use</a></div><p>Our office is at 10 Long Road, Springfield, open every weekday.</p><p>© 2025 Acme Media Inc. All rights reserved.</p></div></div></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Part 5."), "{t}");
    assert!(!t.contains("Long Road") && !t.contains("Acme Media"), "{t}");
    let html = format!(
        "<body><div class=page><div class=story><h1>News</h1>{prose}<p>© 2019 Associated Press. All rights reserved.</p></div></div></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Associated Press"), "{t}");
}

#[test]
fn a_div_only_page_narrows_to_the_box_under_its_h1() {
    // No `<article>` or `<main>`: the box holding the `<h1>` and most of the value is the
    // story; a short note beside it (which the wrapper would add) is left out.
    let page = |tag: &str| {
        format!(
            "<html><body><div class=\"wrap\"><{tag} class=\"post\"><h1>The story</h1>{}</{tag}>\
             <div class=\"col\"><p>Elsewhere in town: the market opens on Sundays, with stalls, \
             music and long sentences.</p></div></div></body></html>",
            article(5)
        )
    };
    let t = root_text(&page("div"));
    assert!(t.contains("The story"), "{t}");
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Elsewhere in town"), "{t}");
    // A page that marks its story with `<article>` is left to that element's rules.
    let t = root_text(&format!(
        "<html><body><div class=\"wrap\"><div class=\"post\"><h1>The story</h1>{}</div>\
         <div class=\"col\"><p>Elsewhere in town: the market opens on Sundays, with stalls, \
         music and long sentences.</p></div></div><article><p>x</p></article>\
         </body></html>",
        article(5)
    ));
    assert!(t.contains("Elsewhere in town"), "{t}");
}

#[test]
fn the_branches_of_a_menu_tree_are_no_records() {
    // A dropdown menu written as nested lists: each top item a link opening a list of long
    // links. Its items are no records of a listing; a list of headline links without
    // sublists stays one.
    let sub = |k: usize| -> String {
        (1..=8)
            .map(|j| format!("<li><a href=/s{k}/{j}>Municipal council number {k}{j}</a></li>"))
            .collect()
    };
    let tree: String = (1..=3)
        .map(|k| format!("<li><a href=#>Section {k}</a><ul>{}</ul></li>", sub(k)))
        .collect();
    let flat: String = (1..=4)
        .map(|k| {
            format!("<li><a href=/n{k}>The town hall opens a new public library and a reading room in district {k}</a></li>")
        })
        .collect();
    let html = format!(
        "<body><div class=top><ul class=menu>{tree}</ul></div><div class=news><ul class=list>{flat}</ul></div><p>{PROSE}</p></body>"
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    let items: Vec<usize> = (0..dom.nodes.len())
        .filter(|&i| {
            dom.tag(i) == Tag::Li
                && dom
                    .parent(i)
                    .is_some_and(|p| dom.attr(p, Attr::Class).is_some())
        })
        .collect();
    let (branches, headlines): (Vec<usize>, Vec<usize>) = items
        .iter()
        .partition(|&&i| (i + 1..dom.end(i)).any(|k| dom.tag(k) == Tag::Ul));
    assert_eq!(branches.len(), 3);
    assert_eq!(headlines.len(), 4);
    assert!(branches.iter().all(|&i| !a.in_record[i]));
    assert!(headlines.iter().all(|&i| a.in_record[i]));
}

#[test]
fn a_relative_time_alone_is_pruned_outside_a_thread_too() {
    // Replies in `<div>`s that no rule reads as a thread: each carries its age alone on its
    // line ("1 year ago"), the template's, not text. A sentence saying "ago" stays.
    let reply = |k: usize| {
        format!(
            "<div class=r{k}><span><span>{k} years ago</span></span><p>{PROSE} Reply {k}, written two years ago by hand.</p></div>"
        )
    };
    let replies: String = (1..=3).map(reply).collect();
    let html = format!("<body><div class=page><h1>A question</h1>{replies}</div></body>");
    let t = root_text(&html);
    assert!(t.contains("Reply 3, written two years ago"), "{t}");
    assert!(!t.contains("2 years ago"), "{t}");
}

#[test]
fn a_box_marked_aria_modal_is_a_dialog() {
    // A cookie consent box without its `role`: `aria-modal` is allowed on dialogs only.
    let consent = "<div class=c1 aria-modal=true><div class=c2>About your privacy</div><p>We and our partners use cookies to remember your preferences and to measure how the site is used, as described in our policy.</p></div>";
    let html = format!(
        "<body>{consent}<div class=h2><h1>A title</h1>{}</div></body>",
        article(2)
    );
    let dom = parse(&html, 256);
    let a = analyse(&dom, PruneOptions::default());
    let t = text_of(&dom, &a, a.body);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("partners use cookies"), "{t}");
}

#[test]
fn what_follows_an_articles_reply_form_is_pruned() {
    // A WordPress-like post: the story, then the comments area with its reply form
    // (`#respond`: a `<textarea>`), then the site's privacy note on the form. Class names
    // are hashed: only the form's shape says what it is.
    let form = "<div class=h1a><h3>Leave a Reply</h3><form action=/wp-comments-post.php method=post><p><label for=c>Comment</label><textarea id=c name=comment></textarea></p><p><label for=n>Name</label><input id=n name=author type=text></p><p><input type=submit value='Post Comment'></p></form></div>";
    let note = "<div class=h2b><p>By submitting this form you agree to our use of your data for the purposes of publishing your comment, as our privacy policy says.</p></div>";
    let html = format!(
        "<body><div class=h3c><h1>A title</h1>{}{form}{note}</div></body>",
        article(4)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("By submitting this form"), "{t}");
    // A contact form heading a page is no reply form closing a story: the text after it
    // stays.
    let html = format!(
        "<body><div class=h3c><h1>Contact us</h1>{form}{note}{}</div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(t.contains("By submitting this form"), "{t}");
}

#[test]
fn the_comments_area_around_an_articles_reply_form_is_pruned() {
    // A Divi-like post on a site of `<div>`s with hashed names: the story, then one block
    // holding the comment count (an `<h1>`, as Divi titles it), the comments and the reply
    // form after them. Only the form says what the block is.
    let comment = |who: &str, said: &str| {
        format!(
            "<li class=h4d><div class=h5e><span class=h6f>{who}</span><span class=h7a>on February 13, 2024 at 8:14 am</span></div><div class=h8b><p>{said}</p><a href='#'>Reply</a></div></li>"
        )
    };
    let area = format!(
        "<div class=h9c><h1>2 Comments</h1><ol class=h0d>{}{}</ol><div class=h1e><h3>Submit a Comment</h3><form action=/wp-comments-post.php method=post><textarea name=comment></textarea><input type=submit value=Submit></form></div></div>",
        comment(
            "Gwen Patel",
            "I cut mine back every October and wondered why it never flowered."
        ),
        comment(
            "Tom Reyes",
            "Does the same apply to the climbing kind on a north wall?"
        )
    );
    let html = format!(
        "<body><div class=h3c><div class=h1x><h1>A title</h1><p class=h1y>by Ruth Alder | Feb 12, 2024</p></div><div class=h2f>{}</div>{area}</div><div class=h4g><h4>Recent Posts</h4><ul><li><a href=/a>Dividing Hostas in Early Spring</a></li><li><a href=/b>A Seed-Starting Calendar</a></li></ul></div></body>",
        article(4)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Gwen Patel"), "{t}");
    assert!(!t.contains("wondered why it never flowered"), "{t}");
}

#[test]
fn a_posts_meta_line_of_date_reading_time_and_author_is_pruned() {
    // Hugo PaperMod's meta line: date, reading time without "read", word count, author.
    let meta = "<div class=m><span>January 20, 2024</span>&nbsp;·&nbsp;4 min&nbsp;·&nbsp;820 words&nbsp;·&nbsp;Ann Lee</div>";
    let html = format!(
        "<body><div class=page><h1>A title</h1>{meta}{}</div></body>",
        article(4)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("820 words") && !t.contains("Ann Lee"), "{t}");
    // Without a date, or with words that are no item of a meta line, it stays.
    for line in [
        "Ann Lee · 4 min · 820 words",
        "January 20, 2024 · 4 min · we baked bread every morning",
    ] {
        let html = format!(
            "<body><div class=page><h1>A title</h1><div class=m>{line}</div>{}</div></body>",
            article(4)
        );
        let t = root_text(&html);
        assert!(t.contains(line), "{line}: {t}");
    }
}

#[test]
fn an_articles_reading_time_line_is_pruned_with_its_date() {
    // A Ghost-like meta line: the byline, the `<time>` and the reading time side by side.
    let meta = "<div class=m><div class=a><a href=/author/jo>Jo Writer</a></div><time datetime=2025-12-18>Dec 18, 2025</time> <span class=r>2 min read</span></div>";
    let html = format!(
        "<body><div class=page><h1>A title</h1>{meta}{}</div></body>",
        article(4)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("min read"), "{t}");
    assert!(!t.contains("Dec 18, 2025"), "{t}");
    // In a sentence it is the author's words; and several are the cards of other pages.
    let html = format!(
        "<body><div class=page><h1>A title</h1><p>This guide is a <span>5 min read</span>, with commas and full stops, for anyone.</p>{}</div></body>",
        article(4)
    );
    assert!(root_text(&html).contains("5 min read"));
    let card = |k: usize| format!("<div class=c><p>{PROSE}</p><span>{k} min read</span></div>");
    let html = format!(
        "<body><div class=page><h1>Resources</h1>{}{}</div></body>",
        card(3),
        card(8)
    );
    let t = root_text(&html);
    assert!(t.contains("3 min read") && t.contains("8 min read"), "{t}");
}

#[test]
fn cards_linked_by_their_thumbnail_are_teasers_beside_an_article() {
    // A sidebar of "more from us" boxes: each a picture linking to another story and a blurb
    // (its title outside it), no text link. They tease other pages as headline links do.
    let card = |k: usize| {
        format!(
            "<h4>Column {k}</h4><div class=c><a href=/story-{k}/><img src=/t{k}.jpg></a><p>Click the picture above and read what our columnist wrote this week about the race number {k}, with commas.</p></div>"
        )
    };
    let side: String = (1..=4).map(card).collect();
    let html = format!(
        "<body><div class=wrap><div class=main><h1>A title</h1>{}</div><div class=side>{side}</div></div></body>",
        article(3)
    );
    let t = root_text(&html);
    assert!(t.contains("real prose"), "{t}");
    assert!(!t.contains("Click the picture above"), "{t}");
}

/// A WooCommerce-like grid: every card's class carries words of its own (`post-N`, `first`,
/// `sale`), its title is a heading inside the link to the product.
fn loop_grid(per_item_words: bool, heading: bool) -> String {
    let mut cards = String::new();
    for (i, (t, p)) in [
        ("Waffle Cotton Tea Towel, Set of Two", "$18.00"),
        ("Stonewashed Linen Bread Bag, Natural", "$32.00"),
        ("Hand-Thrown Stoneware Butter Crock", "$46.00"),
        ("Olive Wood Spoon Set with Linen Pouch", "$38.00"),
        ("Enamel Measuring Cups, Set of Four", "$29.00"),
        ("Cast Iron Trivet from Reclaimed Grates", "$24.00"),
    ]
    .iter()
    .enumerate()
    {
        let own = if per_item_words {
            format!(
                " post-{} {}",
                100 + i,
                if i % 3 == 0 { "first" } else { "" }
            )
        } else {
            String::new()
        };
        let (open, close) = if heading {
            ("<h2>", "</h2>")
        } else {
            ("<span>", "</span>")
        };
        cards.push_str(&format!(
            "<li class='product type-product status-publish instock{own}'><a href='/product/{i}/'><img src='/p{i}.jpg' alt=''>{open}{t}{close}<span class=price>{p}</span></a><a href='?add-to-cart={i}' class=button>Add to cart</a></li>"
        ));
    }
    format!(
        "<body><div><h1>Kitchen</h1><p>Everyday tools for a kitchen you actually cook in, each made by a small workshop we have visited in person.</p></div><ul class=products>{cards}</ul></body>"
    )
}

#[test]
fn loop_items_with_words_of_their_own_are_still_records() {
    // Before the rule, `post-100 first` and `post-101 sale` split the grid into one-item
    // groups: no records, and the page kept its intro only.
    let text = root_text(&loop_grid(true, true));
    assert!(text.contains("Everyday tools"), "{text}");
    assert!(text.contains("Waffle Cotton Tea Towel"), "{text}");
    assert!(text.contains("Cast Iron Trivet"), "{text}");
    // The same cards with identical classes read alike.
    let same = root_text(&loop_grid(false, true));
    assert!(same.contains("Cast Iron Trivet"), "{same}");
}

#[test]
fn loop_items_without_a_title_heading_keep_their_whole_class() {
    // Without one heading per item (a menu's branches), words of their own still split them.
    let dom = parse(&loop_grid(true, false), 256);
    let pruned = vec![false; dom.nodes.len()];
    let chars: Vec<u32> = vec![50; dom.nodes.len()];
    let links = vec![0; dom.nodes.len()];
    let (records, _, _) = find_records(&dom, &pruned, &chars, &chars, &links);
    let lis = (0..dom.nodes.len())
        .filter(|&i| dom.tag(i) == Tag::Li && records.get(i).copied().unwrap_or(false))
        .count();
    assert_eq!(lis, 0);
    let dom = parse(&loop_grid(true, true), 256);
    let (records, _, _) = find_records(&dom, &pruned, &chars, &chars, &links);
    let lis = (0..dom.nodes.len())
        .filter(|&i| dom.tag(i) == Tag::Li && records.get(i).copied().unwrap_or(false))
        .count();
    assert_eq!(lis, 6);
}

#[test]
fn posts_with_linked_avatars_are_no_teaser_cards() {
    // A thread's posts, each with its poster's avatar linked to the poster's page and the
    // poster's name linked to the same page; the opening poster's posts (1, 3, 5) share a
    // class of their own, and all but the first are short. The picture is an avatar, not a
    // teaser's thumbnail: the opening poster's posts are not weighed as teasers (they were,
    // and the first post's text was taken alone).
    let post = |k: usize, cls: &str, words: &str| {
        format!(
            "<div class='{cls}'><div class=av><a href=/u/user{k}><img src=/a{k}.png width=48 height=48></a></div><div class=meta><a href=/u/user{k}>user{k}</a></div><div class=body><p>Reply number {k}: {words}</p></div></div>"
        )
    };
    let long = "the flame touches one side of the tip only, and it is blue rather than yellow, so the orifice is clean; the thermocouple is the likely culprit, and a new one costs less than fifteen dollars at any hardware store, which makes it the cheapest thing to try first.";
    let short = "thanks, the new thermocouple fixed it and the water is hot every morning.";
    let posts = [
        post(1, "post owner", long),
        post(2, "post", short),
        post(3, "post owner", short),
        post(4, "post", short),
        post(5, "post owner", short),
    ]
    .concat();
    let html = format!("<body><div class=thread>{posts}</div></body>");
    let t = root_text(&html);
    for k in 1..=5 {
        assert!(t.contains(&format!("Reply number {k}")), "{t}");
    }
}

#[test]
fn a_threads_repeated_controls_go_inside_layout_tables() {
    // Comments laid out as rows of a table, each ending in its "reply" link: in a thread the
    // repeated control goes inside tables as outside them.
    let row = |k: usize| {
        format!(
            "<tr><td><table><tr><td class=c><div>Comment {k} says the flame should wrap around the tip of the thermocouple by about half an inch, and a yellow flame points at a dirty orifice.</div><div><font size=1><u><a href=/reply?id={k}>reply</a></u></font></div></td></tr></table></td></tr>"
        )
    };
    let rows: String = (1..=4).map(row).collect();
    let html = format!("<body><table class=tree>{rows}</table></body>");
    let t = root_text_with_comments(&html);
    assert!(t.contains("Comment 4 says"), "{t}");
    assert!(!t.contains("reply"), "{t}");
}

#[test]
fn a_posters_name_beside_their_avatar_is_no_template_line() {
    // One poster's posts form a group of their own (their class), each showing the same
    // name linked to the poster's page beside the avatar linked there too: in a thread the
    // name is the poster's, not a line the template writes alike in each record.
    let post = |k: usize| {
        format!(
            "<div class='post owner'><div class=av><a href=/u/dmartin><img src=/a.png></a></div><div class=meta><div class=names><span class=username><a href=/u/dmartin>dmartin</a></span></div><div class=date>2024-01-0{k} 10:0{k}</div></div><div class=body><p>Update number {k} from the opening poster: the new thermocouple is in and the flame wraps its tip now, blue and steady, for day {k}.</p></div></div>"
        )
    };
    let posts: String = (1..=4).map(post).collect();
    let html = format!("<body><div class=thread>{posts}</div></body>");
    let t = root_text(&html);
    assert!(t.contains("Update number 4"), "{t}");
    assert_eq!(t.matches("dmartin").count(), 4, "{t}");
}

#[test]
fn a_button_that_is_all_of_a_term_titles_its_description() {
    // Headless UI's disclosure in a description list (Tailwind UI's FAQ sections):
    // `<dt><button><span>Question</span><svg/></button></dt><dd>Answer</dd>`; the question
    // is kept with its answer. A button beside other words in a term stays pruned.
    let html = format!(
        "<body><main><h2>Questions</h2><p>{PROSE}</p><dl>\
         <div><dt><button type=button aria-expanded=false><span>Can staff use it without a phone</span><span><svg><path d=M0></path></svg></span></button></dt><dd><p>Yes, every rota can be printed or sent as a text message.</p></dd></div>\
         <div><dt><button type=button aria-expanded=false><span>How long does setup take</span></button></dt><dd><p>Most teams publish a first rota within an afternoon.</p></dd></div>\
         <div><dt>Plan <button type=button>Compare</button></dt><dd><p>Monthly or yearly.</p></dd></div>\
         </dl><p>{PROSE}</p></main></body>"
    );
    let t = root_text(&html);
    assert!(
        t.contains("Can staff use it without a phone") && t.contains("How long does setup take"),
        "{t}"
    );
    assert!(t.contains("printed or sent"), "{t}");
    assert!(!t.contains("Compare"), "{t}");
}

#[test]
fn reviews_inside_a_testimonials_block_are_the_pages_text() {
    // Avada's testimonials element (`fusion-testimonials > reviews > review`): a business's
    // chosen quotes of its clients on a service page are kept. A reviews section that is no
    // testimonials block, and one on a product page, stay pruned as comments.
    let quote =
        "The engineer explained every control before he left, and the house has never been warmer.";
    let page = |outer: &str| {
        format!(
            "<body><main><h1>Boiler installation</h1><p>{PROSE}</p><p>{PROSE}</p>\
             <div class={outer}><div class=reviews><div class=review><blockquote><q>{quote}</q></blockquote><div class=author><strong>Ruth Hallam</strong></div></div></div></div></main></body>"
        )
    };
    let t = root_text(&page("fusion-testimonials"));
    assert!(t.contains("has never been warmer"), "{t}");
    let t = root_text(&page("box"));
    assert!(!t.contains("has never been warmer"), "{t}");
    let t = product_root_text(&page("fusion-testimonials"));
    assert!(!t.contains("has never been warmer"), "{t}");
}

#[test]
fn linked_heading_cards_after_the_story_are_teasers_between_its_parts_sections() {
    // Cards without a picture, each one link around a heading and a blurb ("More from
    // Money" under a news story): after the story's text they point at other pages; between
    // two parts of the text (a service page's offers, then its questions) they are the page.
    let card = |k: usize| {
        format!(
            "<div class=card><a href=/money/story-{k}><h3>Other story number {k} about savings</h3><p>A short blurb of story {k}.</p></a></div>"
        )
    };
    let cards: String = (1..=3).map(card).collect();
    let after = format!(
        "<body><div class=page><div class=body>{}<div class=more><h2>More from Money</h2>{cards}</div></div></div></body>",
        article(3)
    );
    let t = root_text(&after);
    assert!(t.contains("This is a long paragraph"), "{t}");
    assert!(!t.contains("Other story number 2"), "{t}");
    assert!(!t.contains("More from Money"), "{t}");
    let between = format!(
        "<body><div class=page><div class=body>{}<div class=more><h2>Our services</h2>{cards}</div><h2>Questions</h2>{}</div></div></body>",
        article(3),
        article(2)
    );
    let t = root_text(&between);
    assert!(t.contains("Other story number 2"), "{t}");
    assert!(t.contains("Questions"), "{t}");
}

/// Three paragraphs of a product's description, each its own.
const KETTLE: &str = "<p>The kettle is cast in one piece in grey iron and coated inside and out with two layers of enamel, so the water never tastes of metal.</p><p>A cool-touch wooden grip is pinned to a wire bail that folds flat for storage, and the lid is held by a lug so it stays put when you pour.</p><p>On an open fire, hang it from the bail well clear of the flames: enamel can craze when a flame licks a cold kettle.</p>";

#[test]
fn a_products_specification_sheet_in_the_box_after_its_description_joins_the_root() {
    // nopCommerce: the buy box and the description in one box, the specifications in the
    // next one (their short cells never outweigh the description), then cards of other
    // products.
    let cards: String = (1..=4)
        .map(|k| format!("<div class=c><a href=/p{k}><img src=/p{k}.jpg alt=''></a><h2><a href=/p{k}>Other {k}</a></h2><span>${k}0.00</span></div>"))
        .collect();
    let html = format!(
        "<body><div class=page><div class=e><div class=o><h1>Kettle</h1><p>$64.00</p></div><div class=f>{KETTLE}</div></div><div class=col><div><b>Specifications</b></div><table><tr><td>Capacity</td><td>3 quarts</td></tr><tr><td>Weight</td><td>2.6 kg</td></tr></table></div><div class=r><div><b>Related products</b></div><div class=g>{cards}</div></div></div></body>"
    );
    let t = product_root_text(&html);
    assert!(t.contains("grey iron") && t.contains("2.6 kg"), "{t}");
    assert!(!t.contains("Other 2"), "{t}");
    // A box holding the page's `<h1>` is the product's own, not a sheet beside it.
    let t = product_root_text(&html.replace("<div><b>Specifications</b></div>", "<h1>Specs</h1>"));
    assert!(!t.contains("2.6 kg"), "{t}");
}

#[test]
fn a_products_page_keeps_its_makers_portrait_card() {
    // A publisher's book page: the author's photo and biography are about the book.
    let html = format!(
        "<body><main><h1>The Salt Road</h1>{KETTLE}<section><h2>About Imogen Trask</h2><div><img src=/a.jpg alt='Imogen Trask'><p>Imogen Trask grew up in Maldon and worked as a river clerk before turning to fiction.</p></div></section></main></body>"
    );
    assert!(product_root_text(&html).contains("grew up in Maldon"));
    // After an article, the writer's card is no part of the story.
    assert!(!root_text(&html).contains("grew up in Maldon"));
}

#[test]
fn striped_siblings_share_one_signature() {
    // Four posts whose classes alternate (`odd even odd even`, a template's striped rows):
    // one group, so two of each stripe make records, and each post finds the other stripe.
    let dom = parse(
        "<div><div class=odd>a</div><div class=even>b</div><div class=odd>c</div><div class=even>d</div><div class=odd>e</div></div>",
        32,
    );
    let kids: Vec<usize> = (1..dom.nodes.len())
        .filter(|&k| dom.tag(k) == Tag::Div && dom.attr(k, Attr::Class).is_some())
        .collect();
    assert_eq!(kids.len(), 5);
    let chars = vec![1u32; dom.nodes.len()];
    let mut group: Vec<(u64, usize)> = kids
        .iter()
        .map(|&k| (signature(&dom, k, Tag::Div), k))
        .collect();
    merge_striped(&dom, &mut group, &chars);
    assert!(group.iter().all(|g| g.0 == group[0].0), "{group:?}");
    let odd = signature(&dom, kids[0], Tag::Div);
    let even = signature(&dom, kids[1], Tag::Div);
    assert_eq!(striped_with(&dom, kids[0]), Some(even));
    assert_eq!(striped_with(&dom, kids[3]), Some(odd));
    // A member without text (an empty separator between items) breaks the run.
    let mut chars = chars;
    chars[kids[1]] = 0;
    let mut group: Vec<(u64, usize)> = kids
        .iter()
        .map(|&k| (signature(&dom, k, Tag::Div), k))
        .collect();
    let before = group.clone();
    merge_striped(&dom, &mut group, &chars);
    assert_eq!(group, before);
    // Classes that do not alternate (two of one, then the other) stay apart.
    let dom = parse(
        "<div><div class=odd>a</div><div class=odd>b</div><div class=even>c</div><div class=even>d</div></div>",
        32,
    );
    let kids: Vec<usize> = (1..dom.nodes.len())
        .filter(|&k| dom.tag(k) == Tag::Div && dom.attr(k, Attr::Class).is_some())
        .collect();
    let chars = vec![1u32; dom.nodes.len()];
    let mut group: Vec<(u64, usize)> = kids
        .iter()
        .map(|&k| (signature(&dom, k, Tag::Div), k))
        .collect();
    let before = group.clone();
    merge_striped(&dom, &mut group, &chars);
    assert_eq!(group, before);
    assert_eq!(striped_with(&dom, kids[0]), None);
}

#[test]
fn a_posts_opening_name_is_no_poster_label() {
    // A guest's view of a thread: each post opens with its poster's name unlinked, then the
    // rank. The rank repeated across posts goes; the opening poster's name, repeated on
    // their posts, stays (it opens each post).
    let post = |k: usize| {
        let name = if k.is_multiple_of(2) {
            "Travis Miller"
        } else {
            "Dana Fox"
        };
        format!(
            "<div class=h5e09><div class=h42af><div class=h1n><span title=x>{name}</span></div><div class=h751>pollinator</div></div><div class=h6c1>posted Feb 2{k}, 2019</div><div class=h8dfb><p>Post {k}: {PROSE}</p></div></div>"
        )
    };
    let t = root_text(&hashed_thread(post, 5));
    assert!(!t.contains("pollinator"), "rank kept: {t}");
    // Before, the name repeated on three posts went as a rank does.
    assert_eq!(t.matches("Travis Miller").count(), 3, "{t}");
    assert_eq!(t.matches("Dana Fox").count(), 2, "{t}");
}

#[test]
fn a_line_of_template_labels_repeated_across_posts_is_pruned() {
    // Each post's footer shows its comment count and a label side by side (`<span>0
    // comments</span> <span>No comments</span>`): the same pieces on every post, the
    // count aside, go. A post's own line of a count and words, met once, stays.
    let post = |k: usize| {
        let own = if k == 1 {
            "<p><span>2 cups</span> <span>and a spoon</span></p>"
        } else {
            ""
        };
        format!(
            "<div class=h5e09><div class=h42af><a href=/u/{k}>user{k}</a></div><div class=h6c1>posted Feb 2{k}, 2019</div><div class=h8dfb><p>Post {k}: {PROSE}</p>{own}</div><div class=h9c><span>{k} comments</span> <span>No comments</span></div></div>"
        )
    };
    let t = root_text(&hashed_thread(post, 4));
    assert!(!t.contains("No comments"), "{t}");
    assert!(t.contains("2 cups") && t.contains("Post 3:"), "{t}");
}

#[test]
fn a_name_in_a_card_named_for_the_poster_is_kept() {
    // Each post's card is named for its poster (`email-author`, pruned by that word) and
    // holds the name in a `name` element: the name stays, once per post, the card's
    // picture goes.
    let post = |k: usize| {
        format!(
            "<div class=entry><div class=\"email-author\"><img src=a{k}.png alt=\"\"><span class=name><a href=/people/{k}/>poster{k}</a></span></div><div class=when>Jan {d}, 2024</div><div class=body><p>Post {k}: {PROSE}</p></div></div>",
            d = k + 8
        )
    };
    let posts: String = (0..3).map(post).collect();
    let t = root_text(&format!(
        "<body><div class=thread><h1>A topic</h1><div class=replies>{posts}</div></div></body>"
    ));
    for k in 0..3 {
        assert!(t.contains(&format!("poster{k}")), "poster{k} lost: {t}");
    }
    // A `name` element in a card named otherwise (a product's box) is no poster's name.
    assert!(!names_poster_card(
        &parse("<div class=product-box></div>", 4),
        1
    ));
}

#[test]
fn a_product_highlights_list_before_its_description_is_kept() {
    // A shop's buy box holds the item's "Highlights" (a list without links, under its
    // heading) straight before the "Description" heading: the list starts the text, with its
    // heading. A list of links there (the shop's categories) does not.
    let page = |list: &str| {
        format!(
            "<html><head><meta property=\"og:type\" content=\"product\"></head><body><main><div class=grid><div class=gallery><img src=/a.jpg alt=\"Oak board\"></div><div class=buy><h1>Oak Chopping Board</h1><p>&pound;40.00</p><form><select><option>Small</option><option>Large</option></select><button>Add to basket</button></form><div><p>Item details</p><div><h2>Highlights</h2>{list}</div><div><h2>Description</h2><div><p>{PROSE}</p><p>I cut each board from a plank of English oak, plane it flat by hand and round its edges so that it sits well on the counter for years.</p><p>The board is thick enough not to warp, and light enough to lift with one hand when you carry chopped onions to the pan, which is what most of our customers tell us they like best about it.</p><p>Oil it once a month with a little food-safe oil, and never leave it to soak in the sink.</p></div></div></div></div></div></main></body></html>"
        )
    };
    let plain =
        page("<ul><li>Handmade</li><li>Material: Oak</li><li>Width: 30 centimetres</li></ul>");
    let t = crate::Extractor::default()
        .extract(plain.as_bytes(), None)
        .text;
    assert!(t.contains("Highlights\n\nHandmade\nMaterial: Oak"), "{t}");
    assert!(t.contains("plank of English oak"), "{t}");
    assert!(!t.contains("Add to basket"), "{t}");
    let links = page(
        "<ul><li><a href=/c/kitchen>Kitchen</a></li><li><a href=/c/oak>Oak goods</a></li><li><a href=/c/gifts>Gifts for cooks</a></li></ul>",
    );
    let t = crate::Extractor::default()
        .extract(links.as_bytes(), None)
        .text;
    assert!(!t.contains("Gifts for cooks"), "{t}");
    assert!(t.contains("plank of English oak"), "{t}");
}

#[test]
fn forum_script_notices_are_pruned() {
    // A single quote's expander ("Click to expand...", no repeat to tell it a control) and
    // the count of those viewing the topic are the forum software's words, with hashed
    // names too. A post's own sentence about guests (no count beside them, or no verb of
    // viewing: "rooms for 2 guests") and a quote's own line ending in dots stay.
    let html = format!(
        "<body><div class=h1a2b><h1>A topic</h1><p class=h77>0 Members and 1 Guest are viewing this topic.</p><div class=h9f0e><div class=h5e><blockquote><div>A quoted line that trails off...</div><div class=h3c>Click to expand...</div></blockquote><p>Our guests were viewing the garden all afternoon, and loved it.</p><p>Book online today: rooms for 2 guests.</p>{}</div><div class=h5e>{}</div></div><div class=h78>Users browsing this thread: 1 Guest(s)</div></div></body>",
        article(2),
        article(2)
    );
    let t = root_text(&html);
    assert!(!t.contains("Click to expand"), "{t}");
    assert!(!t.contains("Guest are viewing"), "{t}");
    assert!(t.contains("A quoted line that trails off"), "{t}");
    assert!(t.contains("Our guests were viewing the garden"), "{t}");
    assert!(t.contains("rooms for 2 guests"), "{t}");
    assert!(!t.contains("Users browsing"), "{t}");
}

#[test]
fn a_call_to_action_between_the_articles_paragraphs_goes() {
    // A donation prompt dropped between two paragraphs of a story (a heading, a line and a
    // lone button), in div-only markup: the site's, not the article's. A box of the same
    // shape with an image (a product the review recommends) and a section wrapper holding
    // prose and no button stay.
    let html = format!(
        "<body><div><div><h1>Title</h1><p>{PROSE} One.</p><div><div><h3>Like what you are reading?</h3><p>We are a non-profit newsroom funded by readers.</p><div><a href=/donate>Donate today</a></div></div></div><p>{PROSE} Two.</p><div><h3>The kettle we liked</h3><img src=k.jpg><p>It boils a litre in three minutes.</p><div><a href=/shop/kettle>See the price</a></div></div><p>{PROSE} Three.</p><div><h3>What comes next</h3><p>The council votes on the plan in May, and the farmers will be there.</p></div><p>{PROSE} Four.</p></div></div></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(!t.contains("Like what you are reading"), "{t}");
    assert!(!t.contains("Donate today"), "{t}");
    assert!(t.contains("It boils a litre"), "{t}");
    assert!(t.contains("The council votes"), "{t}");
    assert!(t.contains("Four."), "{t}");
}

/// A blog's archive of excerpts in a WordPress block theme's markup (twentytwentytwo's query
/// loop): each post's item carries the loop's class words and its own (`post-N`, its
/// category `cats[N]`, a tag of its own or, `paired`, two tags shared by half of the posts),
/// a linked title, its excerpt and its date. `wrap` puts each item's parts in one inner group
/// (the search template).
fn wordpress_loop(wrap: bool, cats: [&str; 6], paired: bool) -> String {
    let items: String = cats
        .iter()
        .enumerate()
        .map(|(k, cat)| {
            let inner = format!(
                "<h2 class='wp-block-post-title'><a href=/2025/0{k}/post-{k}/>Post number {k} of the archive</a></h2><div class=wp-block-columns><div class=wp-block-column><div class=wp-block-post-excerpt><p class=wp-block-post-excerpt__excerpt>Excerpt {k}. {PROSE} {PROSE} […]</p></div><div class=wp-block-post-date><time datetime=2025-0{k}-02><a href=/2025/0{k}/post-{k}/>May {k}, 2025</a></time></div></div></div><div class=wp-block-spacer aria-hidden=true></div>"
            );
            let inner = if wrap {
                format!("<div class=wp-block-group>{inner}</div>")
            } else {
                inner
            };
            format!(
                "<li class='wp-block-post post-{k} post type-post status-publish hentry category-{cat} {}'>{inner}</li>",
                if paired {
                    ["tag-style tag-tools", "tag-data tag-speed"][usize::from(k % 2 == 1 || k == 4)]
                        .to_owned()
                } else {
                    format!("tag-t{k}")
                }
            )
        })
        .collect();
    format!(
        "<body><header><a href=/>Field Notes</a></header><main class=wp-block-query><ul class=wp-block-post-template>{items}</ul><nav><a href=/page/2/>Next Page</a></nav></main><footer>Proudly powered by WordPress</footer></body>"
    )
}

#[test]
fn a_blogs_loop_items_of_another_category_are_no_threads_footer() {
    // The items carry a post class and a date line each (a thread's signs), and the last two,
    // filed under other categories, have class words of their own: they are the loop's items,
    // not the footer after a thread's last post.
    let cats = ["news", "news", "news", "news", "guides", "questions"];
    let t = root_text(&wordpress_loop(false, cats, false));
    for k in 0..6 {
        assert!(t.contains(&format!("Excerpt {k}.")), "{k}: {t}");
    }
}

#[test]
fn a_blogs_last_teaser_in_its_wrapper_is_no_closing_call() {
    // The last item's inner group, opening with a heading and holding a link on its own
    // line, is the last of the loop's teasers, not a call to action closing the text.
    let cats = ["guides", "guides", "news", "news", "questions", "guides"];
    let t = root_text(&wordpress_loop(true, cats, true));
    for k in 0..6 {
        assert!(t.contains(&format!("Excerpt {k}.")), "{k}: {t}");
    }
}

#[test]
fn an_archive_of_short_titles_is_read_whole_not_one_title() {
    // A static blog's archive (Pelican's themes): dates as terms and short linked titles as
    // their definitions, nothing else. Read as a listing, its root is the run of titles, not
    // the one title worth most.
    let titles = [
        "Modules",
        "Classes",
        "Input and Output",
        "Errors and Exceptions",
        "Data Structures",
        "More Control Flow Tools",
        "Programming FAQ",
        "Enum HOWTO",
        "Logging Cookbook",
        "An Informal Introduction to Python",
    ];
    let items: String = titles
        .iter()
        .enumerate()
        .map(|(k, t)| format!("<dt>Mon 0{k} July 2025</dt><dd><a href=/post-{k}.html>{t}</a></dd>"))
        .collect();
    let html = format!(
        "<body><header><h1><a href=/>Field Notes</a></h1><nav><ul><li><a href=/about.html>About</a></li><li><a href=/tutorials.html>Tutorials</a></li></ul></nav></header><main><h2>Archives for Field Notes</h2><dl>{items}</dl></main><footer>Proudly powered by Pelican, which takes great advantage of Python.</footer></body>"
    );
    let t = root_text(&html);
    for title in titles {
        assert!(t.contains(title), "{title}: {t}");
    }
}

#[test]
fn a_featured_story_set_in_an_aside_is_the_pages_text() {
    // Pelican's default theme shows the newest post whole in `<aside id=featured>` above the
    // teasers of the others: an aside holding an article and most of the page's text is the
    // page's own. A sidebar of teaser articles beside a story stays out.
    let teasers: String = (1..4)
        .map(|k| format!("<li><article><h1><a href=/p{k}.html>Older post {k}</a></h1><p>Teaser {k} is short.</p></article></li>"))
        .collect();
    let html = format!(
        "<body><header><h1><a href=/>Field Notes</a></h1></header><aside id=featured><article><h1><a href=/new.html>The newest post</a></h1><p>Featured one. {PROSE}</p><p>Featured two. {PROSE}</p><p>Featured three. {PROSE}</p><p>Featured four. {PROSE}</p></article></aside><section><h1>Other articles</h1><ol>{teasers}</ol></section><footer>Proudly powered by Pelican.</footer></body>"
    );
    let t = root_text(&html);
    assert!(
        t.contains("Featured one.") && t.contains("Featured four."),
        "{t}"
    );
    let html = format!(
        "<body><main><article><h1>The story</h1><p>Story one. {PROSE}</p><p>Story two. {PROSE}</p><p>Story three. {PROSE}</p><p>Story four. {PROSE}</p></article></main><aside><h2>Related</h2><article><h3><a href=/r1>Related story one</a></h3><p>Related blurb. {PROSE}</p></article></aside></body>"
    );
    let t = root_text(&html);
    assert!(
        t.contains("Story four.") && !t.contains("Related blurb."),
        "{t}"
    );
}

#[test]
fn a_field_in_a_hidden_box_makes_no_form_of_its_post() {
    // A thread of one short reply whose share panel (hidden by its style until a click)
    // holds the post's link in a text field to copy (Spirit's comment footer): the field is
    // not shown, so the post around it is no form's chrome. A shown search box's wrapper
    // still goes.
    let html = "<body><div class=x1><input type=text name=q><button>Go</button> Search the whole site</div><div><h1>Copy a file between two servers</h1><div><div>Did you ever find a solution to this?<div><a href=#s>share</a><div style=\"display: none;\"><input type=text value=\"http://example.org/c/13/\"></div></div></div></div></div></body>";
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Did you ever find a solution"), "{t}");
    assert!(!t.contains("Search the whole site"), "{t}");
}

#[test]
fn an_opening_post_in_comment_markup_makes_a_thread_not_an_article() {
    // A thread whose posts are all written as comments (Spirit: `comments_list__comment`),
    // the first one long: it stays because it is most of the page, but it is the thread's
    // first post, not an article beside its comments, so the short replies stay too.
    let html = format!(
        "<body><div><h1>Parse a date string</h1><div class=comments-list><div class=comment><a href=/u/1>nadia</a><div>{}</div></div><div class=comment><a href=/u/2>kestrel</a><div><p>This class can be safely subclassed in a limited fashion.</p></div></div><div class=comment><a href=/u/3>linden</a><div><p>Works fine on my machine with the default settings.</p></div></div></div></div></body>",
        article(4)
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("safely subclassed"), "{t}");
    assert!(t.contains("Works fine on my machine"), "{t}");
}

#[test]
fn a_reply_built_like_the_post_before_it_is_no_thread_footer() {
    // Two posts of one template (same tag and class, hashed names) in a thread, the first
    // with a list (its items are the records the thread's "last post" is found among) and a
    // one-line reply: too few posts to make records, the reply is still a post, not the
    // footer after the last post. The real footer (pages, reply link) still goes.
    let post = |name: &str, body: &str| {
        format!(
            "<div class=h7c1><div class=h2a><div class=h5b><a href=/user/4/{name}/>{name}</a></div><ul class=h9d><li title=\"June 28, 2021\">28 Jun '21</li></ul></div><div class=h3e>{body}</div><div class=h4f><a href=#s>share</a></div></div>"
        )
    };
    let html = format!(
        "<body><div class=hb1><h1>Parse an internal date string</h1><div class=h0a>{}{}</div><div class=h6f>Page 1 of 1 <a href=/reply>Reply</a></div></div></body>",
        post(
            "nadia_v",
            "<p>Upon exiting the context, the directory and everything in it are removed.</p><ul><li>Return true if the object is a method wrapper, and false otherwise.</li><li>Deserialize a file-like object containing a JSON document to a Python object.</li><li>A path that also offers methods to do system calls on path objects.</li></ul>"
        ),
        post(
            "kestrel",
            "<p>This class can be safely subclassed in a limited fashion.</p>"
        )
    );
    let t = root_text_with_comments(&html);
    assert!(t.contains("safely subclassed"), "{t}");
    assert!(!t.contains("Page 1 of 1"), "{t}");
}

#[test]
fn a_list_in_a_posts_text_holds_no_posts() {
    // A one-post thread in comment markup whose post has a list between two paragraphs: the
    // list's items are the post's, not the thread's posts, so the paragraph after the list
    // is no footer after the last post.
    let html = format!(
        "<body><div><h1>Pretty-print an object</h1><div class=comments-list><div class=comment><a href=/user/3/pk/>pkrause</a><div class=text><p>{PROSE}</p><ul><li>Return true if the object is a method wrapper, and false otherwise.</li><li>Deserialize a file-like object holding a JSON document to a Python object.</li><li>A path that also offers methods to do system calls on path objects.</li></ul><p>Raised when source and destination are the same file.</p></div></div></div><div class=foot>Page 1 of 1 <a href=/reply>Reply</a></div></div></body>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Deserialize a file-like object"), "{t}");
    assert!(t.contains("Raised when source and destination"), "{t}");
}

/// A thread laid out in a grid's rows (django-machina's Bootstrap template, hashed names): a
/// row for the breadcrumbs, one for the title, rows for the actions (empty to a visitor),
/// one holding the posts,
/// each post with its byline in fine print (`<small>`) and a profile link. `extra` goes
/// after the last post inside the posts' row.
fn grid_thread(extra: &str) -> String {
    let post = |n: usize, who: &str, body: &str| {
        format!(
            "<div id={n} class=\"hq1 hq2 hq3\"><div class=hw1><div class=hr1><div class=hc10><h4 class=hs1>Re: Convert flags to a tuple</h4><p><small class=hm1>By: <a href=/forum/member/profile/{n}/>{who}</a> on July 20, 2021, 4:48 a.m.</small></p><div class=hp1>{body}</div></div><div class=hc2><div class=hu1><a href=/forum/member/profile/{n}/><b>{who}</b></a></div><div class=hn1><b>Posts:</b> 3</div></div></div></div></div>"
        )
    };
    format!(
        "<body><div class=hx1><div class=hrow><div class=hcol><nav><a href=/forum/>Forum index</a> <a href=/forum/f/2/>Help</a></nav></div></div><div class=hrow><div class=hcol><h1>Convert flags to a tuple</h1></div></div><div class=hrow><div class=hcol></div><div class=hcol></div></div><div class=hrow><div class=hcol>{}{}{}{}{extra}</div></div><div class=hrow><div class=hcol></div></div></div></body>",
        post(74, "linden", &article(2)),
        post(75, "j.okafor", &format!("<p>{PROSE} Again.</p>")),
        post(
            76,
            "mjolnir77",
            "<p>Thanks, that fixed it for me and for my colleague too.</p>"
        ),
        post(77, "kestrel", &article(1)),
    )
}

#[test]
fn posts_inside_one_of_the_grids_rows_are_the_threads_posts() {
    // The rows repeat (records too), and the row holding the posts outweighs the others:
    // the posts are the group nested in it, so the thread's footer after its last post
    // (a jump-to-top line) is found and goes.
    let t = root_text(&grid_thread(
        "<div class=hz9><a href=#top>Back to top</a> Jump to page</div>",
    ));
    assert!(t.contains("Thanks, that fixed it"), "{t}");
    assert!(!t.contains("Jump to page"), "{t}");
}

#[test]
fn a_posts_byline_in_fine_print_is_kept_in_a_thread() {
    // Each post's byline (`<small>`: "By: name on date", the name linked to the poster's
    // page) is the thread's text; an article's lone fine print still goes.
    let text = |html: &str| {
        crate::Extractor::default()
            .extract(html.as_bytes(), None)
            .text
    };
    let t = text(&grid_thread(""));
    assert!(t.contains("By: linden on July 20, 2021"), "{t}");
    assert!(t.contains("By: kestrel on July 20, 2021"), "{t}");
    let article_page = format!(
        "<body><div><h1>A story</h1><p><small>By <a href=/user/9/ann/>Ann</a> on May 3, 2021</small></p>{}</div></body>",
        article(4)
    );
    let t = text(&article_page);
    assert!(!t.contains("on May 3, 2021"), "{t}");
}

#[test]
fn a_threads_text_runs_to_the_end_of_its_last_post() {
    // A thread (posts named so) whose last reply is one short line, no prose paragraph: the
    // text does not stop at the last prose paragraph, the reply is the thread's too.
    let post = |who: &str, body: &str| {
        format!(
            "<div class=post><div class=meta><a href=/u/{who}>{who}</a> 3 May 2021</div><div class=body>{body}</div></div>"
        )
    };
    let html = format!(
        "<body><div><h1>Convert flags to a tuple</h1><div class=posts>{}{}{}{}{}</div></div></body>",
        post("linden", &format!("<p>{PROSE} One.</p><p>{PROSE} Two.</p>")),
        post("kestrel", &format!("<p>{PROSE} Three.</p>")),
        post("owl", &format!("<p>{PROSE} Four.</p>")),
        post("pk", &format!("<p>{PROSE} Five.</p>")),
        post("ravi", "<p>Thanks, that fixed it for me.</p>")
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Thanks, that fixed it"), "{t}");
}

/// A shop's category page of short product cards (a picture, a name, a price, "In stock":
/// django-oscar's default `product_pod`), under 40 characters each, beside a sidebar of
/// category links in a `side_tag` element.
fn short_cards_page(side_tag: &str) -> String {
    let cats: String = [
        "Audio and Video Players",
        "Developer Tools and Editors",
        "Education and Science",
        "Games and Puzzles for All",
        "Graphics and Photography",
        "Internet and Networking",
    ]
    .iter()
    .map(|c| format!("<li><a href=\"/c/{c}\">{c}</a></li>"))
    .collect();
    let cards: String = SHORT_CARDS
        .iter()
        .map(|(name, price)| {
            format!(
                "<li class=\"col\"><div class=\"pod\"><div class=\"img\"><a href=\"/p/{name}\">\
                 <img src=\"x.jpg\" alt=\"{name}\"></a></div><h3><a href=\"/p/{name}\">{name}</a>\
                 </h3><div class=\"price\"><p class=\"price_color\">{price}</p><p>In stock</p>\
                 <form><button>Add to cart</button></form></div></div></li>"
            )
        })
        .collect();
    format!(
        "<html><body><div class=\"top\"><a href=\"/\">Shop</a> <a href=\"/basket\">Basket</a></div>\
         <div class=\"row\"><{side_tag} class=\"side\"><h4>Show results for</h4><ul>{cats}</ul>\
         </{side_tag}><div class=\"main\"><h1>Office</h1><ol class=\"grid\">{cards}</ol></div>\
         </div></body></html>"
    )
}

/// A card's stock line that makes each of [`SHORT_CARDS`] long enough to be a record by its
/// size alone.
const LONGER_STOCK: &str = "<p>In stock, ships within two working days</p>";

const SHORT_CARDS: &[(&str, &str)] = &[
    ("Kalendar", "$133.11"),
    ("AbiWord", "$170.57"),
    ("Thunderbird", "$49.93"),
    ("KOrganizer", "$88.17"),
    ("Freeplane", "$146.06"),
    ("ConfClerk", "$75.39"),
];

/// Short product cards (under [`MIN_RECORD_CHARS`] each, but a picture and a price) are the
/// listing's records, shown in full.
#[test]
#[ignore = "known failure: the rule reading such cards as records (x-fshop's 56fb78f) was \
            taken out: it lowered a held-out collection page"]
fn short_priced_cards_are_records() {
    let t = root_text(&short_cards_page("aside"));
    for (name, price) in SHORT_CARDS {
        assert!(t.contains(name) && t.contains(price), "{name} missing: {t}");
    }
}

/// The same page with its sidebar of category links in a `<div>` (no `<aside>`): the short
/// listing root does not take the sidebar as its contents list (a chapter's).
#[test]
fn listing_root_takes_no_sidebar_as_contents() {
    // Cards long enough to be records by their size ("In stock" and a delivery time).
    let t = root_text(&short_cards_page("div").replace("<p>In stock</p>", LONGER_STOCK));
    for (name, _) in SHORT_CARDS {
        assert!(t.contains(name), "{name} missing: {t}");
    }
    assert!(!t.contains("Developer Tools"), "{t}");
}

/// A product page in one `<article>` (django-oscar's `product_page`) whose one customer
/// review is an `<article>` nested in it, longer than the short description: the nested
/// article is related to the product (HTML's nesting), not its body; the root stays the
/// product's.
#[test]
fn nested_article_is_no_body() {
    let html = format!(
        "<html><body><div class=\"nav\"><a href=\"/\">Shop</a> <a href=\"/basket\">Basket</a></div>\
         <div class=\"page\"><article class=\"product\"><div class=\"row\"><h1>AOQPlot</h1>\
         <p class=\"price\">$131.02</p><p>In stock (20 available)</p></div>\
         <h2>Product Description</h2><p>The AOFlagger finds and removes radio interference \
         in radio astronomical observations, fast and accurately.</p>\
         <table><tr><th>UPC</th><td>100496687382</td></tr><tr><th>License</th><td>GPL-3+</td>\
         </tr></table><section><h2>Customer Reviews</h2><ol><li><article class=\"review\">\
         <h3><a href=\"/r/1\">Puzzles</a></h3><p>{PROSE} {PROSE} {PROSE} {PROSE} {PROSE} {PROSE} {PROSE} {PROSE}</p>\
         </article></li></ol></section></article></div></body></html>"
    );
    for t in [product_root_text(&html), root_text(&html)] {
        assert!(t.contains("AOFlagger finds"), "{t}");
    }
}

/// A category's description (prose) above its grid of short product cards (django-oscar's
/// category page): the text does not end at the description's last paragraph; the cards,
/// each showing its picture and price, are the category's products.
#[test]
fn product_grid_after_a_description_is_text() {
    let more = [
        ("Gnumeric Spreadsheet", "$61.20"),
        ("Calligra Stage", "$135.86"),
    ];
    let cards: String = SHORT_CARDS
        .iter()
        .chain(more.iter())
        .map(|(name, price)| {
            format!(
                "<li class=\"col\"><div class=\"pod\"><a href=\"/p/{name}\"><img src=\"x.jpg\" \
                 alt=\"{name}\"></a><h3><a href=\"/p/{name}\">{name}</a></h3>\
                 <p class=\"price_color\">{price}</p>{LONGER_STOCK}</div></li>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><div class=\"top\"><a href=\"/\">Shop</a></div><div class=\"row\">\
         <aside><ul><li><a href=\"/c/a\">Audio and Video Players</a></li></ul></aside>\
         <div class=\"main\"><h1>Office</h1><div class=\"row\"><p>Our office range: \
         SimpleAgenda, ConfClerk, Kalendar and KOrganizer. A calendar and a conference \
         schedule, offline. {PROSE} {PROSE} {PROSE}</p></div><p>8 results.</p>\
         <ol class=\"grid\">{cards}</ol></div></div></body></html>"
    );
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(t.contains("Our office range"), "{t}");
    // (The last card, alone at the end of the root, has the shape of a closing call to action
    // and goes with that rule: not asserted here.)
    for (name, price) in SHORT_CARDS.iter().chain(more.iter()).take(7) {
        assert!(t.contains(name) && t.contains(price), "{name} missing: {t}");
    }
}

/// A product page whose customer reviews (three short records) outweigh its short
/// description, so that it is read as a listing (django-oscar's `product_page` with its
/// `review-list`): the section titled as the reviews still goes, as on a product page read as
/// one product.
#[test]
fn product_read_as_listing_drops_its_reviews() {
    let reviews: String = [
        "Clapper is a media player.",
        "Think of Pd as a synthesizer.",
        "Wallpaper manager with monitors.",
    ]
    .iter()
    .enumerate()
    .map(|(k, t)| {
        format!(
            "<li><article class=\"rv\"><h3><a href=\"/r/{k}\">Review title number {k}</a></h3>\
             <p>{t} It is small, quick and it never crashes on my old laptop at all.</p>\
             <p><small>Reviewed by Sam on Nov. 28</small></p></article></li>"
        )
    })
    .collect();
    let html = format!(
        "<html><body><div class=\"nav\"><a href=\"/\">Shop</a> <a href=\"/basket\">Basket</a>\
         </div><div class=\"page\"><article class=\"pp\"><div class=\"row\"><h1>QFractalNow</h1>\
         <p class=\"price\">$28.06</p><p>In stock (5 available)</p><form><input type=\"number\" \
         name=\"quantity\"><button name=\"add-to-cart\">Add to cart</button></form></div>\
         <h2>Product Description</h2><p>FractalNow draws fractals quickly and easily.</p>\
         <table><tr><th>UPC</th><td>104000140878</td></tr><tr><th>License</th><td>unknown</td>\
         </tr></table><section><h2>Customer Reviews</h2><ol>{reviews}</ol></section></article>\
         </div></body></html>"
    );
    let dom = parse(&html, 256);
    let a = analyse(
        &dom,
        PruneOptions {
            product: true,
            ..PruneOptions::default()
        },
    );
    assert!(a.listing, "the test page is no longer read as a listing");
    let t = text_of(&dom, &a, a.root);
    assert!(t.contains("FractalNow draws"), "{t}");
    assert!(!t.contains("Clapper"), "{t}");
}

/// Cartridge's product page: the description's paragraphs, then its "Details" list under a
/// heading and the price's list, then the buy form's help line and the rating panel: the two
/// lists without links after the last paragraph are the product's; what follows them is not.
#[test]
fn product_lists_after_the_description_are_text() {
    let html = "<html><body><div class=\"nav\"><a href=\"/\">Shop</a> <a href=\"/cart\">Cart</a></div><div\
          class=\"container\"><h1>Character Map</h1></div><div class=\"row\"><div class=\"left\"><u\
         l><li><a href=\"/a\">Audio and Video</a></li><li><a href=\"/b\">Developer Tools</a></li></\
         ul></div><div class=\"middle\"><p><strong>Insert special characters into documents</strong\
         ></p><p>GNOME Character Map is a Unicode character map program, part of the desktop. It sh\
         ows characters by Unicode block or by script, with short descriptions of related character\
         s and their meanings. It lists the characters of every script in a table, and each one can\
          be copied to the clipboard with a click or dragged into another window.</p><p>It can also\
          be used to enter characters by copy and paste. The search finds characters by their Unico\
         de name or by their code point, and a grid shows the font's glyphs at any size you like. C\
         haracters you use often are kept in a list of recent ones, and the window remembers the bl\
         ock and the font you chose last time.</p><h3>Details</h3><ul><li>License: GPL-3.0+</li><li\
         >Package: gucharmap</li></ul><ul><li><span>$55.24</span></li></ul><form method=\"post\"><l\
         abel>Quantity</label><input type=\"number\" name=\"quantity\" value=\"1\"><p>required</p><\
         input type=\"submit\" name=\"add_cart\" value=\"Buy\"></form><div class=\"panel\"><p>Curre\
         ntly unrated</p></div></div></div></body></html>";
    let t = crate::Extractor::default()
        .extract(html.as_bytes(), None)
        .text;
    assert!(
        t.contains("Package: gucharmap") && t.contains("$55.24"),
        "{t}"
    );
    assert!(!t.contains("Currently unrated"), "{t}");
}

/// A Q&A page (Askbot's shape): short answers under the question, each with its poster's
/// name, a dated "answered" link and a "link" permalink, are link-dense but carry no title
/// leading to another page: posts, no teaser cards weighing against the question. The same
/// records titled by a link to another question stay teasers.
#[test]
fn untitled_dated_posts_are_no_teaser_cards() {
    let page = |title: bool| {
        let answer = |i: usize| {
            let t = if title {
                format!(
                    "<a href=\"/questions/{}/other\">Another question about parsing dates</a>",
                    i + 10
                )
            } else {
                String::new()
            };
            format!(
                "<div class=answer><div class=body><p>Answer {i}: call the parser with a format string, it works.</p></div>\
                 <div class=card>{t}<a href=\"/users/{i}/ann\">ann{i}</a> \
                 <a href=\"/answers/{i}/revisions\">answered 2024-03-0{i} 10:00</a></div>\
                 <a href=\"/questions/1/?answer={i}\">link</a></div>"
            )
        };
        format!(
            "<html><body><main><div class=question><h1>How to parse a date?</h1>{}</div>{}</main></body></html>",
            format!("<p>{PROSE}</p>").repeat(4),
            (1..=3).map(answer).collect::<String>()
        )
    };
    let t = root_text(&page(false));
    assert!(t.contains("Answer 2: call the parser"), "{t}");
    assert!(t.contains("How to parse a date?"), "{t}");
    let t = root_text(&page(true));
    assert!(!t.contains("Answer 2: call the parser"), "{t}");
}

/// An issue tracker's ticket (Trac's shape): the opening post, then replies each in its own
/// box under a heading line (poster and date), the body in comment markup.
fn ticket_page(reply_heading: bool) -> String {
    let mut replies = String::new();
    for (n, who) in ["alice", "bob", "carol"].iter().enumerate() {
        let head = if reply_heading {
            format!("<h3>Changed {n} years ago by {who}</h3>")
        } else {
            format!("<footer><span>{who}</span> <time>{n} years ago</time></footer>")
        };
        replies.push_str(&format!(
            "<div class=\"change\">{head}<div class=\"props\"><ul><li>Status changed</li></ul></div>\
             <div class=\"comment\"><p>Reply number {n} from {who}: the fix works here, thanks.</p></div></div>"
        ));
    }
    format!(
        "<html><body><div id=\"nav\"><a href=\"/\">Home</a></div><div id=\"content\">\
         <div id=\"ticket\"><h1>Crash on start</h1><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div id=\"history\">{replies}</div></div></body></html>"
    )
}

#[test]
fn replies_under_their_own_headings_make_a_thread() {
    let text = root_text(&ticket_page(true));
    assert!(
        text.contains("Crash on start") || text.contains("long paragraph"),
        "{text}"
    );
    assert!(text.contains("Reply number 2 from carol"), "{text}");
    // The same replies with a byline footer instead of a heading are an article's comments.
    let text = root_text(&ticket_page(false));
    assert!(text.contains("long paragraph"), "{text}");
    assert!(!text.contains("Reply number"), "{text}");
}

#[test]
fn a_thread_read_by_headed_replies_keeps_the_opening_post_and_every_reply() {
    // Long opening post in its own box, short replies with a list of changed fields each:
    // the root grows from the opening post to the box holding the replies too.
    let mut replies = String::new();
    for (n, who) in ["alice", "bob", "carol"].iter().enumerate() {
        replies.push_str(&format!(
            "<div class=\"change\"><h3>Changed {n} years ago by {who}</h3>\
             <div class=\"props\"><ul><li>Status changed</li><li>Owner set</li></ul></div>\
             <div class=\"comment\"><ul><li>Fixed in {n}.0</li><li>See #12{n}</li></ul></div></div>"
        ));
    }
    let html = format!(
        "<html><body><div id=\"nav\"><a href=\"/\">Home</a></div><div id=\"content\">\
         <div id=\"ticket\"><h1>Crash on start</h1><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div id=\"history\">{replies}</div></div></body></html>"
    );
    let text = root_text(&html);
    assert!(text.contains("long paragraph"), "{text}");
    assert!(text.contains("Fixed in 2.0"), "{text}");
    assert!(text.contains("Fixed in 0.0"), "{text}");
}
