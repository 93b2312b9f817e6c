//! Collection and listing pages written by hand in the markup of widely used site software,
//! with made-up text: `tests/platforms/<platform>.html`. The markup follows each platform's
//! public templates (Shopify's Dawn theme `main-collection-product-grid` and `card-product`,
//! WooCommerce's `archive-product` and `content-product` under Storefront, a WordPress classic
//! theme's category archive with `post_class()`, Ghost's Casper tag page, WP Job Manager's
//! `[jobs]` list, Magento 2's Luma category page, phpBB 3.3's prosilver `viewforum`, a Hugo
//! theme's section list in Tachyons classes; round two: OpenCart 3's default `product/category`,
//! a Drupal 10 Views page of teasers under Olivero, Joomla 4's Cassiopeia category blog, The
//! Events Calendar's list view, Jekyll's Minima home, a Greenhouse and a Lever job board,
//! Blogger's Contempo label page, a Substack archive, the Business Directory Plugin's
//! listings, an Astra theme's search results); the pages are not copies of them.
//!
//! What is asserted follows what annotated collection and listing pages keep: the page's
//! title and intro, and every card's title, price or blurb; the site's menus, filters, sort
//! bars, sidebars and footer are not.
//!
//! Each check runs twice: on the page, and on its copy in `tests/platforms/plain/` made by
//! `bench/extraction_hash_classes.py --plain-tags` (class and id tokens hashed, microdata and
//! JSON-LD removed, sectioning tags turned into `<div>`, roles removed).
use super::check;

/// The shops' cards, first to last, with a price of each end.
const PRODUCTS: &[&str] = &[
    "Waffle Cotton Tea Towel",
    "Linen Bread Bag",
    "Walnut Cutting Board",
    "Copper Kettle, 1.5 qt",
    "$18.00",
    "$128.00",
];

/// The blogs' posts: first, middle and last titles and blurbs.
const POSTS: &[&str] = &[
    "Starting tomatoes indoors without a greenhouse",
    "Six weeks before the last frost is the sweet spot.",
    "Choosing garlic varieties for a cold garden",
    "Mulching strawberries before the frost",
    "counted the crowns that survived in spring",
];

#[test]
fn shopify_dawn_collection() {
    let kept = [
        PRODUCTS,
        &["Kitchen", "made by a small workshop we have visited"],
    ]
    .concat();
    check(
        "coll-shopify-dawn",
        &kept,
        &[
            "Best selling",
            "In stock (11)",
            "Subscribe to our emails",
            "Free shipping on orders",
            "Powered by Shopify",
        ],
    );
}

#[test]
fn woocommerce_product_archive() {
    // Each item's class carries its own words (`post-104`, `first`, `sale`): the grid of
    // cards is still one listing, not lost beside the category's intro.
    let kept = [
        PRODUCTS,
        &["Kitchen", "made by a small workshop we have visited"],
    ]
    .concat();
    check(
        "coll-woocommerce",
        &kept,
        &[
            "Default sorting",
            "Product categories",
            "Filter by price",
            "Built with WooCommerce",
            "Small-batch things for the home",
        ],
    );
}

#[test]
fn wordpress_category_archive() {
    let kept = [
        POSTS,
        &["Category: Seeds", "everything we have written about seeds"],
    ]
    .concat();
    check(
        "list-wordpress",
        &kept,
        &[
            "Recent Posts",
            "February 2025",
            "Proudly powered by",
            "A kitchen garden diary",
        ],
    );
}

#[test]
fn ghost_casper_tag_page() {
    check(
        "list-ghost-casper",
        POSTS,
        &[
            "Sign up for more like this",
            "Powered by Ghost",
            "Planting calendar",
        ],
    );
}

#[test]
fn wp_job_manager_listings() {
    check(
        "list-wp-job-manager",
        &[
            "Senior Backend Engineer (Go)",
            "Tallyhouse",
            "Remote, EU time zones",
            "DevOps Engineer",
            "Head of Finance",
            "Portland, OR",
        ],
        &["Search Jobs", "Post a job for 30 days", "Privacy"],
    );
}

#[test]
fn magento_luma_category() {
    check(
        "coll-magento-luma",
        &[
            "Jackets",
            "seam-taped or wind-proofed",
            "Driftwood Rain Jacket",
            "Lighthouse Wool Overshirt",
            "$189.00",
        ],
        &[
            "Shop By",
            "Sort By",
            "Add to Wish List",
            "Default welcome msg",
            "Orders and Returns",
        ],
    );
}

#[test]
fn phpbb_prosilver_viewforum() {
    // Known gap: the "Who is online" and "Forum permissions" blocks under the topic list
    // are kept, and the topics' posters' names are not.
    check(
        "list-phpbb-viewforum",
        &[
            "Clutch slipping after fluid change, ideas?",
            "Club meet at the harbour car park, April 12",
            "Swapping to electronic ignition: worth it?",
        ],
        &[
            "Powered by",
            "Air-cooled Volkswagens on the south coast",
            "Delete cookies",
            "Search this forum",
        ],
    );
}

#[test]
fn hugo_section_list() {
    // Known gap: the section's title ("Blog") stands in the cover image's header and is lost.
    check(
        "list-hugo",
        &[
            "Release 0.14: offline sync and a faster search",
            "took our median build from eleven minutes to five",
            "Why we moved our docs to plain Markdown",
            "Release notes, engineering write-ups and community news.",
        ],
        &["GitHub", "Download", "2025 Lanternfish"],
    );
}

#[test]
fn opencart_category() {
    // Each card's description is prose: the page reads as an article, and its text still
    // ends with the last card's price, not at its description.
    check(
        "coll-opencart",
        &[
            "Hiking",
            "chosen and tested by our staff",
            "Trail Runner 2 Headlamp",
            "Merino Hiking Socks, 2 pack",
            "$42.00",
            "$24.00",
        ],
        &[
            "Sort By",
            "Product Compare",
            "Shopping Cart",
            "Delivery Information",
            "Powered By",
        ],
    );
}

#[test]
fn drupal_views_teasers() {
    check(
        "list-drupal-views",
        &[
            "Library extends weekend opening hours from June",
            "funding for two new staff posts",
            "New play area opens at Hollins Park",
            "designed with pupils from two local schools",
        ],
        &[
            "Read more about",
            "Bins and recycling",
            "Popular pages",
            "Accessibility statement",
            "Powered by",
        ],
    );
}

#[test]
fn joomla_category_blog() {
    check(
        "list-joomla-blog",
        &[
            "Parish news",
            "what the groups that meet in the church are up to",
            "Choir rehearsals move to the school hall",
            "Churchyard clean-up day on March 8",
            "plant the bulbs given by the garden club",
        ],
        &["Weddings and baptisms", "All Rights Reserved", "Joomla!"],
    );
}

#[test]
fn events_calendar_list() {
    // Each event's blurb is prose: read as an article, the text starts with the first
    // event's date, title and place, not at its blurb.
    check(
        "list-events-calendar",
        &[
            "Sat, Mar 8 @ 10:00 am",
            "Seed swap and potting morning",
            "Community Hall",
            "Talk: hedgerows through the seasons",
            "Dawn chorus walk planning meeting",
            "the breakfast rota",
        ],
        &[
            "Find Events",
            "Subscribe to calendar",
            "Next Events",
            "registered charity",
            "Sightings",
        ],
    );
}

#[test]
fn jekyll_minima_home() {
    check(
        "list-jekyll-minima",
        &[
            "Mar 2, 2025",
            "Reading the river before you launch",
            "Most capsizes we see happen",
            "The club trip calendar for 2025",
            "Sign-up opens in February.",
        ],
        &[
            "subscribe via RSS",
            "hello@paddlers.example",
            "Notes, trip reports",
        ],
    );
}

#[test]
fn greenhouse_job_board() {
    // The openings are short links with a place: the list is the page's content.
    check(
        "list-greenhouse",
        &[
            "Current openings at Fernbrook Goods",
            "repairs it for life",
            "Senior Platform Engineer",
            "Remote - US",
            "Sales",
            "Partnerships Manager",
        ],
        &["All Departments", "Powered by", "Privacy Policy"],
    );
}

#[test]
fn lever_job_board() {
    // Known gap: on the page itself, the postings' place, team and work type (spans named
    // as category labels) are lost; the plain copy keeps them.
    check(
        "list-lever",
        &[
            "Backend Engineer, Billing",
            "Customer Success Manager, DACH",
            "Marketing Intern",
        ],
        &["Filter by", "Jobs powered by", "Quayside Home Page"],
    );
}

#[test]
fn blogger_label_page() {
    // Known gap: on the plain copy the label's filter line ("Showing posts with the label
    // Bread", "Show all") is kept.
    check(
        "list-blogger",
        &[
            "Sourdough starter from scratch in seven days",
            "finally bubbled over the jar",
            "Preserving lemons with nothing but salt",
            "once, a cake.",
        ],
        &[
            "Keep reading",
            "Search This Blog",
            "Report Abuse",
            "Powered by Blogger",
            "More posts",
            "Visit profile",
        ],
    );
}

#[test]
fn substack_archive() {
    // The posts' like and comment counters are buttons whose label is a `<div>` (links to
    // nowhere on the plain copy, which has no roles): controls, not text.
    check(
        "list-substack-archive",
        &[
            "The cheapest way to heat one room",
            "against the meter for a month",
            "We fitted secondary glazing ourselves",
            "three degrees warmer at dawn",
        ],
        &[
            "\n12\n",
            "\n15\n",
            "Share",
            "Start writing",
            "Discussions",
            "Collection notice",
        ],
    );
}

#[test]
fn business_directory_listings() {
    // A directory's entries are its content. Known gaps: each entry's field labels
    // ("Business Name", "Business Phone Number") are kept; on the plain copy the
    // directory's buttons and the sidebar's opening hours are kept too.
    check(
        "list-business-directory",
        &[
            "Harbour Lane Bakery",
            "a Saturday queue for the custard tarts",
            "(01632) 960 411",
            "Quayside Hardware",
            "28 Fore Street, Port Elsworth",
        ],
        &[
            "Find Listings",
            "Advanced Search",
            "Join the association",
            "Next »",
            "Privacy",
        ],
    );
}

#[test]
fn wordpress_search_results() {
    // The results' "Read More »" links carry their title for screen readers; on the plain
    // copy (no class to hide it) they repeat the title after a few words and go.
    check(
        "list-wp-search",
        &[
            "How to plant bare-root roses",
            "keep the graft just below the surface",
            "Black spot on roses: what works",
            "sprays help less than people think",
        ],
        &[
            "Read More",
            "Recent Posts",
            "Sowing sweet peas",
            "Powered by",
        ],
    );
}
