//! Articles and service pages written by hand in the markup of widely used CMS and page
//! builders (class names, nesting, what surrounds the text: header and menus, hero, the
//! body's headings, lists and figures, inline promotions, author box, comments, related
//! posts, newsletter box, footer), with made-up text: `tests/platforms/<platform>.html`.
//! The markup follows each platform's public templates (WordPress with Elementor, Divi, the
//! block theme Twenty Twenty-Four, GeneratePress and Astra; Drupal 10's Olivero; Joomla 4's
//! Cassiopeia; Ghost's Casper; Blogger; Webflow; Squarespace 7.1; HubSpot CMS; Substack;
//! Zendesk Guide's Copenhagen; WPBakery; Medium; Wix Blog; news sites on Arc XP-style and
//! WordPress VIP-style blocks; WordPress news themes tagDiv Newspaper, JNews and Newspack;
//! Jekyll's minima; Hugo's PaperMod; Forem (dev.to); Tumblr; Typepad; a page published from
//! Notion; Hexo's landscape; Dreamwidth; a news liveblog; paywalled news stories; service
//! and landing pages on Divi, Avada, Wix, Framer, Tailwind UI, the GOV.UK Design System,
//! USWDS, a block theme's restaurant front page and a Drupal university department); the
//! pages are not copies of them.
//!
//! What is asserted follows what annotated article and service pages keep: the body's
//! paragraphs, headings and lists are the text; the site's menus, footer, comments, the
//! cards of other posts and the sidebar's widgets are not.
//!
//! Each check runs twice: on the page, and on its copy in `tests/platforms/plain/` made by
//! `bench/extraction_hash_classes.py --plain-tags` (class and id tokens hashed, microdata and
//! JSON-LD removed, sectioning tags turned into `<div>`, roles removed): a site of the same
//! layout whose names say nothing.
use super::check;

#[test]
fn elementor_service_page() {
    // Every widget sits in its own section > container > column > widget-wrap > widget;
    // the header and footer are Elementor templates of the same shape.
    check(
        "elementor-service",
        &[
            "Burst pipe, overflowing toilet",
            "What Counts as a Plumbing Emergency?",
            "Sewer backups and overflowing drains",
            "Parts and labour on every emergency repair",
            "Find your main shut-off valve",
            "We serve Portland, Beaverton",
        ],
        &["Drain Cleaning", "CCB #204817", "All rights reserved"],
    );
}

#[test]
fn divi_article_with_comments() {
    // The post's text in builder modules, a call-to-action module between them, then the
    // comments area (titled with an `<h1>`) and its reply form in one block.
    check(
        "divi-article",
        &[
            "More hydrangeas fail to flower",
            "Old wood or new wood?",
            "Cut the remaining stems back by a third",
            "Leave them alone in autumn",
            "Whatever the type, use clean, sharp bypass pruners",
        ],
        &[
            "Gwen Patel",
            "wondered why it never flowered",
            "climbing hydrangeas on a north wall",
            "Submit a Comment",
            "Dividing Hostas",
            "Powered by WordPress",
        ],
    );
}

#[test]
fn gutenberg_block_theme_article() {
    // Twenty Twenty-Four: `wp-block-group`s all the way down; the post navigation, the
    // comments block and the reply form follow the post content.
    check(
        "gutenberg-tt4",
        &[
            "Most couples choose a photographer",
            "1. Can I see a full gallery?",
            "3. What happens if you are ill?",
            "Six to eight weeks is typical",
            "Make sure the licence covers printing",
        ],
        &[
            "Jess Moran",
            "Question five caught us out",
            "Golden Hour Portraits in Winter",
            "Leave a Reply",
            "Designed with",
        ],
    );
}

#[test]
fn ghost_casper_post() {
    // Koenig cards (image, callout, call to action) inside `gh-content`; the members'
    // signup box and the "read more" cards after the article.
    check(
        "ghost-casper",
        &[
            "For three years each of our CI runners",
            "What we tried first",
            "keyed by a hash of the lockfile",
            "Compressing entries with zstd",
            "Storage for ninety days of entries",
        ],
        &[
            "Quarantining Flaky Tests",
            "Two Years in a Monorepo",
            "Sign up for more like this",
            "Powered by Ghost",
        ],
    );
}

#[test]
fn drupal_olivero_article() {
    // The body field, then paragraphs (text, quote) in a second field; tags and a related
    // news view after the node.
    check(
        "drupal-olivero",
        &[
            "From Monday, September 2",
            "The new schedule",
            "Thursday: 8:00 am to 9:00 pm",
            "The book drop beside the main entrance",
            "Why the change",
            "Staffing costs stay the same",
        ],
        &[
            "Summer reading challenge",
            "Council approves 2025 budget",
            "Privacy policy",
            "Powered by",
        ],
    );
}

#[test]
fn joomla_cassiopeia_article() {
    check(
        "joomla-article",
        &[
            "Ab dem 2. April gelten",
            "Die neuen Zeiten im Überblick",
            "Mittwoch",
            "Grünschnitt wird weiterhin",
            "Fragen beantwortet das Bauamt",
        ],
        &[
            "Frühjahrsputz am Dorfweiher",
            "Hauptstraße 1, 72555 Lindenau",
            "GNU/GPL-Lizenz",
        ],
    );
}

#[test]
fn blogger_post() {
    // The post body is bare text and `<br>`s; comments, the blog pager and the archive
    // widget follow.
    check(
        "blogger",
        &[
            "I left my rye starter at the back of the fridge",
            "Day two.",
            "It doubled in six hours",
            "do not throw it away",
        ],
        &[
            "Rye is tough stuff",
            "warm oven",
            "Older Post",
            "Pumpernickel in a Pullman Tin",
            "View my complete profile",
            "Powered by",
        ],
    );
}

#[test]
fn news_article_in_blocks() {
    // One block per paragraph, with an ad slot, "Read more" links and a newsletter box
    // between them; the author's card and the tags after them; most-read list and story
    // cards beside and after.
    check(
        "news-arc",
        &[
            "The Harbor City Council voted 6-3",
            "keeps the garage's concrete frame",
            "Supporters said the garage",
            "Opponents worry about parking",
            "Construction is expected to start next spring",
            "final lease terms in May",
        ],
        &[
            "Advertisement",
            "Get the Morning Ledger",
            "covers city hall and housing",
            "Ferry fares rise",
            "School board delays vote",
            "Terms of Service",
        ],
    );
}

#[test]
fn webflow_service_page() {
    check(
        "webflow-service",
        &[
            "Monthly books, payroll and year-end reports",
            "What is included",
            "Payroll for up to 25 employees",
            "At year end we prepare the financial statements",
            "Connect your accounts",
            "ask questions by email at any time",
        ],
        &["Careers", "Ledgerline Inc."],
    );
}

#[test]
fn squarespace_service_page() {
    // Page sections of `sqs-block`s: hero, text beside an image, a three-column price
    // grid, then a summary block of blog cards; the footer sections hold the address and a
    // newsletter form.
    check(
        "squarespace-service",
        &[
            "Deep tissue work for training",
            "Who is it for?",
            "Sports massage is not only for athletes",
            "Overuse injuries such as shin splints",
            "45 minutes",
            "A full-body session",
        ],
        &[
            "Foam rolling: how much is enough?",
            "Three stretches for desk workers",
            "14 Mill Lane",
            "Training tips and clinic news",
        ],
    );
}

#[test]
fn zendesk_guide_article() {
    // Copenhagen theme: "Articles in this section" beside the article, votes, related
    // articles and an empty comments section after it.
    check(
        "zendesk-guide",
        &[
            "Invoices and payment receipts go to the billing email",
            "Change the billing email",
            "Enter the new address under",
            "Past invoices are not re-sent",
            "If you cannot find the Billing menu",
        ],
        &[
            "Why was I charged twice?",
            "Was this article helpful?",
            "found this helpful",
            "Transferring account ownership",
            "to leave a comment",
        ],
    );
}

#[test]
fn substack_post() {
    // Subscription widgets inside the body, like and comment counters around it, a
    // comments preview and a closing call to subscribe.
    check(
        "substack",
        &[
            "Ten years ago the night train looked finished",
            "The good",
            "The best cabins are genuinely comfortable",
            "Reliability is poor",
            "Book the earliest you can",
        ],
        &[
            "reader-supported publication",
            "Thanks for reading Rail Letters",
            "Kerstin W.",
            "couchettes really are grim",
            "Ready for more?",
            "Start Writing",
        ],
    );
}

#[test]
fn hubspot_blog_post() {
    // The rich-text module of the post body with a call-to-action image inside; related
    // posts and a subscribe form module after the article.
    check(
        "hubspot-blog",
        &[
            "The call went well",
            "Send it the same day",
            "Lead with their problem",
            "End with one clear next step",
            "thanks for walking me through your onboarding",
        ],
        &[
            "Cold Calling Scripts That Work",
            "The Discovery Call Checklist",
            "Subscribe to the Pipewell blog",
            "Pipewell, Inc.",
        ],
    );
}

#[test]
fn generatepress_short_post_with_long_comments() {
    // Three paragraphs, then twelve comments (more text than the post) and the reply form.
    check(
        "generatepress-comments",
        &[
            "A rusty skillet is almost never ruined",
            "Mix equal parts white vinegar and water",
            "Repeat the oiling and baking three times",
        ],
        &[
            "Hannah Lee",
            "flash rust appears within the hour",
            "Leave a Comment",
            "Seasoning Oils Compared",
            "Built with",
        ],
    );
}

#[test]
fn astra_roundup_post() {
    // Every pick: a heading linked to the shop, its image, a paragraph and the same
    // "Check price" button; related posts after the article.
    check(
        "astra-roundup",
        &[
            "We ran more than 400 kilometres",
            "Lexi Trail Runner 3",
            "The Lexi has the grippiest outsole",
            "Aldan XT",
            "build up slowly",
            "How we tested",
            "weighed a US men's size 9",
        ],
        &[
            "Check price",
            "Best Running Vests for Ultras",
            "Gear deals and trail tips",
            "Powered by",
        ],
    );
}

#[test]
fn news_story_cut_into_blocks() {
    // The story's paragraphs in four sibling blocks, cut by an inline related-links box, an
    // ad slot and a newsletter module; tags, the author's card and story cards after it.
    check(
        "wpvip-split",
        &[
            "Wildfire smoke from fires hundreds of miles away",
            "Researchers at three universities",
            "We spent forty years cleaning up the air",
            "Several counties in Washington and Montana",
            "smoke days are arriving earlier",
            "more monitors in rural areas",
        ],
        &[
            "Do portable air purifiers work?",
            "Advertisement",
            "Our weekly newsletter",
            "is the Pacific Daily's environment reporter",
            "Sierra snowpack melts",
            "Ethics policy",
        ],
    );
}

#[test]
fn wpbakery_service_page() {
    // Rows of `wpb_text_column`s, a tabs element whose panels hold text, a call-to-action
    // box; widget footer with the address and a services menu.
    check(
        "wpbakery-service",
        &[
            "Offices, clinics and retail spaces cleaned after hours",
            "A cleaner workplace, without the hassle",
            "paid above the Real Living Wage",
            "Clinical cleaning to NHS colour-coding standards",
            "Early-morning cleans before opening",
        ],
        &[
            "Trafford Park Road",
            "Carpet Cleaning",
            "Registered in England",
        ],
    );
}

#[test]
fn medium_short_post() {
    // A short post (three paragraphs) with utility class names, then six cards of the
    // author's other posts with long excerpts.
    check(
        "medium-short",
        &[
            "Before I write a line of code for a new library",
            "that example is the API",
            "It finds the missing pieces",
            "Half of my design questions",
        ],
        &[
            "Most standups drift",
            "Every new tool costs attention",
            "See all from Lena Ortiz",
            "Privacy",
        ],
    );
}

#[test]
fn elementor_single_post_template() {
    // Elementor Pro's single-post template: post title, post info list, post content, then
    // an author box and post navigation; a sidebar column of post cards with excerpts and a
    // sign-up form. (The plain copy still keeps the author box: its byline is a list item.)
    check(
        "elementor-post",
        &[
            "Aeration is the single most useful thing",
            "When to aerate",
            "always hire a core aerator",
            "Make two passes in different directions",
            "keep the lawn moist for two weeks",
        ],
        &[
            "Spring Lawn Care Checklist",
            "Twice a day for the first two weeks",
            "Get lawn tips",
            "The Right Mowing Height",
            "Station Road",
        ],
    );
}

#[test]
fn wix_blog_post() {
    // Wix Blog: every paragraph a Draft.js block in its own `data-breakout` div; metadata
    // with avatar and read time above, share buttons and counters, recent posts and the
    // comments widget after.
    check(
        "wix-blog",
        &[
            "Most people replace their running shoes too late",
            "A rough rule is 500 to 800 kilometres",
            "Three checks",
            "Look at the outsole first",
            "the cushioning has gone",
        ],
        &[
            "How to Taper for Your First Marathon",
            "Hill Repeats for Beginners",
            "126 views",
            "Be the first to write a comment",
            "Proudly created with",
        ],
    );
}

#[test]
fn divi_service_page() {
    // A dentist's service page built with the Divi Builder (LocalBusiness JSON-LD): sections >
    // rows > columns > modules; a text module as hero, blurbs, testimonials, toggles as FAQ,
    // a call-to-action module; top header, main header and a widget footer.
    check(
        "divi-service",
        &[
            "Gentle check-ups, cleanings",
            "Care that starts with listening",
            "Low-dose bitewing images",
            "Nobody lectured me",
            "How often should I have a check-up?",
            "Bring your child in by their first birthday",
        ],
        &[
            "Pay Online",
            "Office Hours",
            "Teeth Whitening",
            "All rights reserved",
        ],
    );
}

#[test]
fn govuk_service_start_page() {
    // GOV.UK Design System and publishing components: cookie banner, super navigation
    // header, breadcrumbs, a two-thirds column of govspeak around the start button, related
    // links in the one-third column, the "Is this page useful?" form, the footer.
    check(
        "govuk-service",
        &[
            "You must register a borehole",
            "register a new private water supply",
            "Before you start",
            "how many people drink the water",
            "Other ways to register",
            "within 20 working days",
        ],
        &[
            "Cookies on GOV.UK",
            "Is this page useful?",
            "Water testing charges",
            "Crown copyright",
            "Births, death",
        ],
    );
}

#[test]
fn tailwind_ui_saas_landing_page() {
    // Utility classes only: hero, feature grid as a `<dl>`, testimonials as figures,
    // pricing tiers, an FAQ whose questions are disclosure buttons in `<dt>`s, a CTA band,
    // a footer with link columns and a newsletter form.
    check(
        "tailwind-saas",
        &[
            "Skill-aware shifts",
            "Worked hours go straight to your payroll provider",
            "Our accountant stopped asking",
            "For busy practices with several rooms",
            "Can staff use Rostery without a smartphone?",
            "How long does setup take?",
            "Your data stays available",
        ],
        &[
            "Subscribe to our newsletter",
            "Scheduling tips and product news",
            "All rights reserved",
            "Press",
        ],
    );
}

#[test]
fn uswds_agency_program_page() {
    // U.S. Web Design System: gov banner, extended header with a mega menu, breadcrumb,
    // side navigation, a `usa-prose` body with a summary box, a process list and an
    // accordion; footer and identifier.
    check(
        "uswds-agency",
        &[
            "Applications close May 30",
            "Who can apply",
            "Native grass and shrub buffers",
            "Finish the work and get paid",
            "Is the grant taxable income?",
            "Usually yes.",
        ],
        &[
            "how you know",
            "Beginning Farmer Loans",
            "Agency Contact Center",
            "FOIA requests",
        ],
    );
}

#[test]
fn framer_studio_page() {
    // Framer: every element a div with a hashed class and a `data-framer-name`; the
    // navigation and the footer are components of divs, no `nav` or `footer` tag.
    check(
        "framer-agency",
        &[
            "We are a four-person studio",
            "What we do",
            "Brand identity",
            "Labels, boxes and bags",
            "How a project runs",
            "two-week rounds",
            "Our sales through the website doubled",
        ],
        &[
            "Start a project",
            "Journal",
            "Paintworks",
            "Registered in England",
        ],
    );
}

#[test]
fn wix_law_firm_page() {
    // Wix (Thunderbolt): sections of `comp-*` rich-text elements, a repeater of services,
    // then the fees as a list (`<li><p>`) under their heading after the last paragraph.
    check(
        "wix-lawfirm",
        &[
            "Calm, practical advice",
            "How we can help",
            "Most of our clients never go to court",
            "Arrangements for children",
            "Unmarried couples buying a home",
            "Our fees",
            "Consent order: £950 plus VAT",
        ],
        &[
            "Wills & Probate",
            "Queen Square",
            "SRA number",
            "Proudly created",
        ],
    );
}

#[test]
fn gutenberg_restaurant_front_page() {
    // A block theme's front page (Restaurant JSON-LD): header and footer template parts, a
    // cover block as hero, columns of meal times, pull quotes, details blocks as FAQ, and
    // the opening hours in a last group after the FAQ.
    check(
        "gutenberg-restaurant",
        &[
            "Seasonal Yorkshire cooking",
            "About us",
            "borrowed espresso machine",
            "A short menu of three starters",
            "remembered our dog",
            "Are dogs welcome?",
            "Most dishes can be made gluten-free",
            "Sunday 9am",
        ],
        &[
            "Gift Vouchers",
            "Privacy Policy",
            "12 Market Street",
            "Designed with WordPress",
        ],
    );
}

#[test]
fn avada_service_page() {
    // Avada's Fusion Builder (HVACBusiness JSON-LD): page title bar, containers > rows >
    // columns of title, text, content boxes, toggles (FAQ titles as links in panel headings)
    // and a testimonials element (`fusion-testimonials > reviews > review`); widget footer
    // and copyright bar.
    check(
        "avada-service",
        &[
            "A new boiler, fitted in a day",
            "ten-year parts and labour warranty",
            "Breakdown repairs",
            "Room-by-room thermostats",
            "How long does a boiler last?",
            "subject to status",
            "What customers say",
            "never been warmer",
        ],
        &[
            "Call 0161",
            "Power Flushing",
            "Emergency callout",
            "All Rights Reserved",
        ],
    );
}

#[test]
fn drupal_university_department_page() {
    // A Drupal 10 campus theme's landing page: utility and main menus, breadcrumb, the
    // section's menu in the first sidebar, then paragraphs (text, a card grid of programmes
    // whose titles link away, a contact block); footer regions.
    check(
        "drupal-department",
        &[
            "We study how people and places change together",
            "34 academic staff",
            "Our programmes",
            "BSc Environmental Science",
            "Taught with the School of Law",
            "three residential field courses",
        ],
        &[
            "Current students",
            "Research groups",
            "Registered charity number",
            "Freedom of information",
        ],
    );
}

#[test]
fn newspaper_tagdiv_news_article() {
    // tagDiv's Newspaper theme: `td-post-content` between the sharing bar and the post's
    // footer (tags, next and previous posts, author box), inline ad spots in the body, a
    // "Related articles" block of thumbnail cards, comments, and a sidebar of social counters
    // and latest-news cards.
    check(
        "newspaper-tagdiv",
        &[
            "Riverside County councillors voted nine to four",
            "Traffic concerns",
            "We were asked to take the figures on trust",
            "Construction is expected to begin in September",
        ],
        &[
            "Advertisement",
            "Cycle lane on Bridge Street",
            "Library opening hours cut",
            "Karen covers transport and planning",
            "About time. The Station Road garage",
            "Hospital staff to get free parking",
            "Stay Connected",
            "All rights reserved",
        ],
    );
}

#[test]
fn jekyll_minima_post() {
    // Jekyll's default theme: `article.post.h-entry` with `post-header` and
    // `post-content e-content`, a Disqus placeholder, the site footer's contact columns.
    check(
        "jekyll-minima",
        &[
            "Last week a colleague sent me a database",
            "Walking the b-tree",
            "53 51 4c 69 74 65",
            "The cell count was zero",
            "turns a corrupt file from a mystery into a puzzle",
        ],
        &[
            "Please enable JavaScript",
            "Notes on databases, file formats",
            "tom@example.com",
        ],
    );
}

#[test]
fn hugo_papermod_post() {
    // Hugo's PaperMod: breadcrumbs, title, description and meta line in `post-header`, a
    // `<details>` table of contents of in-page links, `post-content`, then tags, the
    // previous/next titles and share icons in `post-footer`. The "date · 4 min · words ·
    // author" meta line goes on both copies. (The page copy keeps the description, the plain
    // copy does not.)
    check(
        "hugo-papermod",
        &[
            "For three weeks every loaf I baked",
            "What I tried first",
            "Switching to a stronger bread flour",
            "Check the thermometer before you blame the starter.",
            "the loaves were back to normal",
        ],
        &[
            "Table of Contents",
            "820 words",
            "Priya Nair",
            "Keeping a rye starter alive",
            "How to clean a cane banneton",
            "Powered by",
            "Troubleshooting",
        ],
    );
}

#[test]
fn forem_dev_to_article() {
    // Forem (dev.to): a three-column layout, reaction counters on the left, the article card
    // (cover, author, title, tags, `crayons-article__body`), a sponsor line, the comments as
    // `<details>` trees, and a right rail with the author card and "More from" links.
    check(
        "forem-devto",
        &[
            "Our test suite had more than four hundred tests",
            "A real database in every test run",
            "conn.rollback()",
            "Calls to third-party payment and email APIs.",
        ],
        &[
            "We did the same with testcontainers",
            "How do you handle tests that need to commit",
            "Partial indexes saved our slowest query",
            "Try managed Postgres",
            "Valencia, Spain",
            "Code of Conduct",
        ],
    );
}

#[test]
fn news_liveblog() {
    // A news liveblog: key points, then timestamped entries each with its own heading and
    // share links, an ad slot between them, "load more", a newsletter box and related links.
    // (The plain copy also keeps the standfirst, the byline and each entry's author.)
    check(
        "liveblog",
        &[
            "More than 38,000 homes without power",
            "Power company says some homes may wait until Wednesday",
            "reconnected 11,000 customers since midday",
            "Lorry blown over on the moor road",
            "Schools to reopen tomorrow, council says",
        ],
        &[
            "Copy link",
            "Load more updates",
            "Get the morning briefing",
            "How storms get their names",
            "Councillor resigns after expenses row",
            "Cookie settings",
        ],
    );
}

#[test]
fn paywalled_news_article() {
    // A metered news site: two free paragraphs, then the subscription box (heading, benefits
    // list, price, buttons), tags and a "More from" box of cards, each one link around a
    // heading and a blurb, without pictures. (The plain copy still keeps the subscription
    // box's heading, text and list: nothing but its words tells it from the story.)
    check(
        "paywall-news",
        &[
            "On the last day the Barton Street branch was open",
            "The answer, for many, was a bus ride",
        ],
        &[
            "Subscribe now",
            "More from Money",
            "Energy bills to fall by 7 per cent",
            "An estimated 2.8 million pots are lost",
            "Complaints",
        ],
    );
}

#[test]
#[ignore = "known failure: the menus outweigh the short story as a listing (a rule that kept such prose broke a job board's listing)"]
fn paywalled_article_under_publisher_menus() {
    // A paywalled story's two free paragraphs under a publisher's network bar (three lists of
    // its papers, magazines and services) and a mega menu, with "Most read" and video lists
    // below: the menus are worth more as a listing than the short story, but no one of them
    // outweighs it. (Both copies keep the offer's two lines after the story.) A rule that
    // kept prose worth half an article under its headline when no one group of records
    // outweighed it passed here, but read Greenhouse's job board (`list-greenhouse`: an
    // intro under the `<h1>`, the openings in small groups by department) as its intro.
    check(
        "paywall-megamenu",
        &[
            "The island ferries will run four fewer sailings",
            "Councillors said some villages would be left",
        ],
        &[
            "Seaboard Media Group is a family",
            "Evening Courier",
            "Personal finance",
            "Harbour warehouse fire",
            "Seal pup returned to the sea",
            "Cookie settings",
        ],
    );
}

#[test]
fn newspack_feature_with_gallery_table_and_footnotes() {
    // Newspack (WordPress for newsrooms): header outside the `<article>`, a Jetpack
    // slideshow, an inline donation prompt, a table block, a pull quote, a "Read more:"
    // paragraph, a related-articles block inside the body, footnotes, tags and author bio.
    // (The plain copy still keeps the tags and the author bio: without the bio's class
    // nothing tells them from the story. It drops the donation prompt by its shape: a
    // heading, a line and a lone button between two paragraphs.)
    check(
        "newspack-feature",
        &[
            "The water came over the bank at Hatt Farm",
            "Counting the cost",
            "Once in 5 years",
            "You learn where it wants to go.",
            "lowered the February peak in town",
            "she has sold a third of her herd",
            "unpublished sensor data shared with Valley Voice",
        ],
        &[
            "Beavers are back on the Tamar",
            "never built",
            "An orchard that floods every winter",
            "Proudly powered by Newspack",
            "independent, non-profit newsroom covering",
        ],
    );
}

#[test]
fn notion_published_page() {
    // A page published from Notion: every block a `<div>` (`notion-text-block`,
    // `notion-header-block`, `notion-bulleted_list-block`, a callout with an emoji icon)
    // under a breadcrumb top bar, "Made with Notion" at the foot.
    check(
        "notion-page",
        &[
            "thank you for giving up your time",
            "Before you arrive",
            "Wear closed shoes",
            "Park on Greaves Road",
            "goes in the grey crate",
            "Do not promise to keep it secret.",
        ],
        &["Try Notion", "Made with Notion"],
    );
}

#[test]
fn tumblr_text_post() {
    // Tumblr's default theme: a text post's `body-text`, then the notes count, tags and
    // controls, and the notes list (likes, reblogs, a reply).
    check(
        "tumblr",
        &[
            "I started my first commonplace book at nineteen",
            "Read with a pen in your hand",
            "buy the cheapest notebook you can find",
        ],
        &[
            "reblogged this from",
            "liked this",
            "mine are all from the corner shop",
            "214 notes",
            "Ask me anything",
            "Powered by Tumblr",
        ],
    );
}

#[test]
fn jnews_article_with_inline_related_posts() {
    // JNews: an inline "Related Posts" block of three thumbnail posts inside the body, an
    // inline ad, tags, previous/next titles, author box, a second related block, the reply
    // form and a "Popular" sidebar.
    check(
        "jnews-inline-related",
        &[
            "Two years ago a phone under two hundred pounds",
            "1. Pebble A15",
            "Three version updates and four years of patches",
            "A fair pick if you keep phones until they break.",
        ],
        &[
            "Six phone battery myths",
            "eSIM explained",
            "ADVERTISEMENT",
            "We tested twelve pairs of earbuds",
            "still misses physical keyboards",
            "Folding phones two years on",
            "Black Friday phone deals",
        ],
    );
}

#[test]
fn typepad_post_with_comments() {
    // Typepad (Movable Type templates): date header, `entry-header`, `entry-body` and
    // `entry-more`, the entry footer, comments with "Posted by" footers, and a sidebar of
    // modules.
    check(
        "typepad",
        &[
            "Why I gave up on raised beds",
            "I built six of them out of scaffold boards",
            "His leeks are twice the size of mine.",
        ],
        &[
            "Permalink",
            "woodlouse hotels",
            "Comments are moderated",
            "Margaret has kept plot 14",
            "Blog powered by Typepad",
        ],
    );
}

#[test]
fn hexo_landscape_post() {
    // Hexo's default theme (landscape): `article-meta` with the date and category above the
    // `article-inner` (header, `article-entry`, footer with share, comment link and tags),
    // newer/older navigation, a Disqus placeholder and a sidebar of category, tag and
    // recent-post widgets.
    check(
        "hexo-landscape",
        &[
            "There are forty-one trees on Cobden Road",
            "What I recorded",
            "Trunk girth at chest height",
            "pushed the kerb a good ten centimetres",
        ],
        &[
            "Every bus shelter in the ward",
            "Counting Victorian post boxes",
            "Please enable JavaScript",
            "Powered by",
            "small surveys of ordinary places",
        ],
    );
}

#[test]
fn dreamwidth_entry() {
    // Dreamwidth (LiveJournal's code base) site scheme: the entry's text in `entry-content`
    // as lines split by `<br /><br />`, the entry footer (tags, memories, share, comment
    // count), then the comment threads, and a sidebar with profile, calendar and tag cloud.
    // The plain copy keeps the two comments: see `dreamwidth_comments_without_names`.
    check(
        "dreamwidth",
        &[
            "The chair from the junk shop finally has a seat again.",
            "the seven-step pattern",
            "Soak the cane for twenty minutes",
            "the whole row looks wrong from the front",
        ],
        &[
            "Previous Entry",
            "Add Memory",
            "3 comments",
            "Monthly calendar",
            "baskets",
            "Powered by Dreamwidth",
        ],
    );
}

/// Known failures on plain copies, left for later sessions: each asserts what the page's own
/// copy already gets right.
#[test]
#[ignore = "known failure: the plain copy keeps two comments (no class names, two records only)"]
fn dreamwidth_comments_without_names() {
    let text = super::extract("plain/dreamwidth");
    assert!(!text.contains("pre-woven sheet cane"), "{text}");
}

#[test]
#[ignore = "known failure: the plain copy keeps the subscription box after a truncated story"]
fn paywall_box_without_names() {
    let text = super::extract("plain/paywall-news");
    assert!(!text.contains("This article is for subscribers"), "{text}");
}

/// Fixed: the prompt goes by its shape (a call to action between the story's paragraphs).
#[test]
fn donation_prompt_without_names() {
    let text = super::extract("plain/newspack-feature");
    assert!(!text.contains("Like what you are reading?"), "{text}");
}
