//! Pages written by hand in the markup of widely used site software, with made-up text:
//! `tests/platforms/<platform>.html`, and for most their copy in `tests/platforms/plain/`
//! made by `bench/extraction_hash_classes.py --plain-tags` (class and id tokens hashed,
//! microdata and JSON-LD removed, sectioning tags turned into `<div>`, roles removed): a site
//! of the same layout whose names say nothing. Regenerate a plain copy after editing its page.
//!
//! They stand in for the sites nobody tuned on: a failure on one is a failure on every site
//! built with that software. One test binary, a module per page type:
//! - [`shops`]: product pages (Shopify, WooCommerce, Magento, PrestaShop, Shopware,
//!   BigCommerce, Wix, Squarespace, OpenCart, Zen Cart, nopCommerce, Salesforce SFRA, SAP
//!   Commerce, a headless Next.js shop, a publisher's book page, an app's page, a handmade
//!   marketplace's listing);
//! - [`listings`]: collection and listing pages (shop categories, blog archives, job boards,
//!   events, a directory, search results, forum topic lists);
//! - [`cms`]: articles and service pages (WordPress page builders and themes, Drupal, Joomla,
//!   Ghost, Blogger, Webflow, HubSpot, Substack, Medium, news themes and block layouts,
//!   static site generators, Tumblr, Forem, liveblogs, paywalls, Wix, Framer, Tailwind UI,
//!   GOV.UK, USWDS);
//! - [`forums`]: threads and Q&A pages (phpBB, vBulletin, XenForo, SMF, bbPress, Vanilla,
//!   Discourse, Discuz!, Stack Exchange, a vendor support Q&A, old Reddit, GitHub issues,
//!   an imageboard, mailing-list archives: pipermail and HyperKitty).
//!
//! A test marked `#[ignore = "known failure: ..."]` records a failure still open on a page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use tamis_extract::Extractor;

#[path = "platform_tests/cms.rs"]
mod cms;
#[path = "platform_tests/forums.rs"]
mod forums;
#[path = "platform_tests/listings.rs"]
mod listings;
#[path = "platform_tests/shops.rs"]
mod shops;

/// The text of page `tests/platforms/<name>.html`, with the default options.
fn extract(name: &str) -> String {
    let path = format!("{}/tests/platforms/{name}.html", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read(&path).unwrap();
    Extractor::default().extract(&html, None).text
}

/// Asserts that the text of page `name`, and of its plain copy, holds every one of `kept`
/// and none of `dropped`.
fn check(name: &str, kept: &[&str], dropped: &[&str]) {
    for page in [name.to_owned(), format!("plain/{name}")] {
        let text = extract(&page);
        for k in kept {
            assert!(text.contains(k), "{page}: lost {k:?}\n{text}");
        }
        for d in dropped {
            assert!(!text.contains(d), "{page}: kept {d:?}\n{text}");
        }
    }
}
