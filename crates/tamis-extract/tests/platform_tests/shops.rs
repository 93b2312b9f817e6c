//! Product pages written by hand in the markup of widely used shop software (class names,
//! nesting, what surrounds the product: header and menus, breadcrumbs, gallery, buy box,
//! description tabs, specifications, customer reviews, related products, footer), with
//! made-up text: `tests/platforms/<platform>.html`. The markup follows each platform's
//! public templates (Shopify's Dawn theme, WooCommerce with Storefront, Magento 2's Luma,
//! PrestaShop 1.7's classic theme, Shopware 6's storefront, BigCommerce's Cornerstone, Wix
//! Stores' and Squarespace's product pages); the pages are not copies of them.
//!
//! What is asserted follows what annotated product pages keep: the product's description
//! and its specifications are the text; the shop's menus, footer, customer reviews and the
//! cards of other products are not.
//!
//! Each check runs twice: on the page, and on its copy in `tests/platforms/plain/` made by
//! `bench/extraction_hash_classes.py --plain-tags` (class and id tokens hashed, microdata and
//! JSON-LD removed, sectioning tags turned into `<div>`, roles removed): a site of the same
//! layout whose names say nothing.
use super::{check, extract};

/// Boilerplate of every page: the footer's lines.
const FOOTER: &[&str] = &[
    "Powered by",
    "Powered and secured",
    "Built with",
    "Realisiert mit",
    "Logiciel e-commerce",
];

#[test]
fn shopify_dawn() {
    check(
        "shopify-dawn",
        &[
            "Linen Apron",
            "heavyweight stonewashed linen",
            "pre-washed, so it will not shrink",
            "Adjustable neck strap",
            "Machine wash cold",
        ],
        &[
            "Waffle Tea Towel",
            "Quilted Oven Mitt",
            "Subscribe to our emails",
        ],
    );
}

#[test]
fn woocommerce_storefront() {
    // The "Additional information" tab's table follows the description's last paragraph.
    check(
        "woocommerce",
        &[
            "Walnut Pour-Over Coffee Stand",
            "single board of air-dried black walnut",
            "Small knots and sapwood streaks",
            "1.1 kg",
            "Food-safe oil and beeswax",
        ],
        &[
            "Cherry Dripper Stand",
            "Oak Espresso Knock Box",
            "Visit the workshop",
            // The reviews, titled "2 reviews for <the product's name>".
            "travel mug is a bit too tall",
        ],
    );
}

#[test]
fn magento_luma() {
    check(
        "magento-luma",
        &[
            "Trailhead Insulated Bottle 750 ml",
            "vacuum gap between its walls",
            "upside down overnight",
            "18/8 stainless steel",
            "Dishwasher Safe",
        ],
        &[
            "Summit Camp Mug",
            "Squeeze Water Filter",
            // The reviews, titled by a bold line ("Customer Reviews") in a wrapper.
            "Kept my tea hot all day",
            "Sign Up for Our Newsletter",
        ],
    );
}

#[test]
fn prestashop_classic() {
    check(
        "prestashop",
        &[
            "Plaid en laine mérinos",
            "métiers anciens",
            "séchage à plat",
            "100 % laine mérinos",
            "130 x 180 cm",
        ],
        &[
            "Coussin en lin lavé",
            "Chaussons en feutre",
            "Informations personnelles",
        ],
    );
}

#[test]
fn shopware_storefront() {
    check(
        "shopware",
        &[
            "Gusseisen-Bräter oval, 5,5 l",
            "speichert die Hitze lange",
            "bis 250 Grad backofenfest",
            "Gusseisen, emailliert",
            "6,1 kg",
        ],
        &[
            "Topflappen aus Leinen",
            "Untersetzer aus Kork",
            "Service-Hotline",
        ],
    );
}

#[test]
fn bigcommerce_cornerstone() {
    check(
        "bigcommerce",
        &[
            "Canvas Field Tote",
            "waxed cotton canvas",
            "stiffened base",
            "Handle drop",
        ],
        &[
            "Leather Card Wallet",
            "Waxed Dopp Kit",
            "Carries everything",
            "Commercial St",
        ],
    );
}

#[test]
fn wix_stores() {
    // The collapsible info sections: the product's details stay, the shop's policies go
    // ("Return & Refund Policy", "Shipping Info").
    check(
        "wix",
        &[
            "Hand-thrown Stoneware Mug",
            "thrown by hand on the wheel",
            "unglazed foot",
            "fired to cone 6",
        ],
        &[
            "great place to let your customers know",
            "bubble wrap",
            "Speckled Serving Bowl",
            "Little Bud Vase",
        ],
    );
}

#[test]
fn squarespace_commerce() {
    // The excerpt beside the buy box, then the page builder's "additional content" under it.
    check(
        "squarespace",
        &[
            "Beeswax Taper Candles, Pair",
            "dipped by hand, one layer at a time",
            "cotton wick",
            "let it cure for a season",
        ],
        &[
            "Beeswax Pillar Candle",
            "Honey Lip Balm",
            "Farm stand open",
            "Hive notes",
        ],
    );
}

#[test]
fn no_page_keeps_its_footer() {
    for name in [
        "shopify-dawn",
        "woocommerce",
        "magento-luma",
        "prestashop",
        "shopware",
        "bigcommerce",
        "wix",
        "squarespace",
    ] {
        for page in [name.to_owned(), format!("plain/{name}")] {
            let text = extract(&page);
            for f in FOOTER {
                assert!(!text.contains(f), "{page}: kept {f:?}");
            }
        }
    }
}
