#!/usr/bin/env python3
"""Fresh blog/CMS pages for the extraction bench, rendered by real site software with its own
themes: a WordPress site (Debian's `wordpress` package with its bundled twenty* themes, MariaDB
in a private data dir, PHP's built-in server on 127.0.0.1) and a Pelican site (PyPI; its
built-in notmyidea and simple themes), seeded with the same offline text; gold text from each
theme's own elements.

  extraction_fresh_blogs.py build OUT_DATA --work DIR   # html/<theme>/<id>.html.gz, gold/, manifest.jsonl
  extraction_fresh_blogs.py table MANIFEST OUT_DIR --scorer extraction_score.py
  extraction_fresh_blogs.py worst MANIFEST OUT_DIR --scorer extraction_score.py [--n 5]

Content (deterministic, sorted inputs, no randomness): blog posts made from the Python 3.11
documentation's reST sources (python3.11-doc: tutorial, HOW-TOs, FAQ: title, paragraphs,
headings, bullet lists, a quote, code, an image with alt text), comments (WordPress) from other
paragraphs, and static "service" pages (About, Services, Support, ...) from the Debian
descriptions of packages the bench itself installs. Page kinds: `article` (single posts),
`listing` (blog index and its second page, category, tag, month and author archives, search
results, Pelican's archive of titles) and `service` (static pages).

Gold follows WCXB's conventions as seen on its tuning pages: articles and service pages keep the
body only (no title, byline, date, categories, tags, comments, post navigation); listings keep
each record's title and the text it shows (excerpt or content) minus its "read more" link,
dates, bylines and term links, and no archive heading or pagination. The theme selectors live in
THEMES below (the only place theme markup appears); tamis never sees them.

Needs root (config file /etc/wordpress/config-127.0.0.1.php, written by the bench), lxml,
pelican, and the apt packages installed by bench/extraction_fresh_blogs.sh.
"""
import argparse
import glob
import gzip
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extraction_fresh_report as report  # noqa: E402
from extraction_fresh import render, strip  # noqa: E402  (same visible-text renderer as the docs bench)

PORT = 8093
HOST = f"127.0.0.1:{PORT}"
SITE = f"http://{HOST}"
WP = "/usr/share/wordpress"
WP_CONFIG = "/etc/wordpress/config-127.0.0.1.php"
PYDOC = "/usr/share/doc/python3.11/html/_sources"
# packages whose Debian descriptions seed the service pages (all installed by the bench)
SERVICE_PKGS = ["wordpress", "mariadb-server", "php8.2-cli", "php8.2-mysql", "php8.2-xml",
                "php8.2-mbstring", "python3.11-doc", "apache2", "libjs-underscore",
                "mariadb-client", "php-getid3", "libjs-cropper", "ca-certificates", "galera-4"]

# theme -> gold rules, per page kind: `root` (article, service: the element holding the body)
# or `record` (listing, archive: one record); `keep` (the parts of a record that are its shown
# text: title, excerpt or content; default the whole record) and `drop` (removed from what is
# kept: meta lines, read-more links, the page's own title).
def _cls(c):
    return f'contains(concat(" ",normalize-space(@class)," ")," {c} ")'


_WP_DROP = [f'.//a[{_cls("more-link")}]', f'.//*[{_cls("page-links")}]',
            f'.//*[{_cls("screen-reader-text")}]',
            f'.//*[{_cls("wp-block-post-excerpt__more-text")}]']
_WP_CLASSIC = dict(
    software="wordpress",
    article=dict(root=f'//div[{_cls("entry-content")}]', drop=_WP_DROP),
    service=dict(root=f'//div[{_cls("entry-content")}]', drop=_WP_DROP),
    listing=dict(record='//main//article',
                 keep=[f'.//*[{_cls("entry-title")}]', f'.//div[{_cls("entry-content")}]'],
                 drop=_WP_DROP))
_WP_BLOCK = dict(
    software="wordpress",
    article=dict(root=f'//div[{_cls("wp-block-post-content")}]', drop=_WP_DROP),
    service=dict(root=f'//div[{_cls("wp-block-post-content")}]', drop=_WP_DROP),
    listing=dict(record=f'//li[{_cls("wp-block-post")}]',
                 keep=[f'.//*[{_cls("wp-block-post-title")}]',
                       f'.//*[{_cls("wp-block-post-excerpt")}]',
                       f'.//*[{_cls("wp-block-post-content")}]'],
                 drop=_WP_DROP))
_PEL_NMI_DROP = [f'.//footer[{_cls("post-info")}]', f'.//a[{_cls("readmore")}]']
THEMES = {
    # WordPress 6.1 (Debian): the classic theme and the two block themes it ships.
    "twentytwentyone": _WP_CLASSIC,
    "twentytwentytwo": _WP_BLOCK,
    "twentytwentythree": _WP_BLOCK,
    # Pelican's two built-in themes: the body minus the post-info footer (date, author,
    # category, tags); listing records are the featured article and the list's teasers; the
    # archive is a list of dates (dropped) and titles.
    "notmyidea": dict(
        software="pelican",
        article=dict(root=f'//section[@id="content"]//div[{_cls("entry-content")}]',
                     drop=_PEL_NMI_DROP),
        service=dict(root='//section[@id="content"]', drop=['./h1']),
        listing=dict(record='//aside[@id="featured"]/article | //ol[@id="posts-list"]/li/article',
                     drop=_PEL_NMI_DROP),
        archive=dict(record='//section[@id="content"]//dd', drop=[])),
    "simple": dict(
        software="pelican",
        article=dict(root='//main/article', drop=['./header', './footer']),
        service=dict(root='//main/article', drop=['./header', './footer']),
        listing=dict(record='//main/article', drop=['./footer']),
        archive=dict(record='//main//dd', drop=[])),
}

WORD = re.compile(r"\w+")
MIN_WORDS = 30


# ---------------------------------------------------------------- seed text

def clean_inline(s):
    s = re.sub(r":[a-z:]+:`~?([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", s)   # :func:`x` -> x
    s = re.sub(r"`([^`<]+?)\s*<[^>]+>`_+", r"\1", s)                  # `text <url>`_ -> text
    s = re.sub(r"``([^`]+)``", r"\1", s)
    s = re.sub(r"`([^`]+)`_*", r"\1", s)
    s = re.sub(r"\*\*([^*]+)\*\*", r"\1", s)
    s = re.sub(r"\*([^*\s][^*]*)\*", r"\1", s)
    s = re.sub(r"\|([^|\s]+)\|", r"\1", s)
    s = re.sub(r"(\w)_\b", r"\1", s)                                 # link_ -> link
    s = s.replace("\\", "")
    return re.sub(r"\s+", " ", s).strip()


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


LIST_ITEM = r"(?:[*\-]|#\.|\d+\.) +(?=\S)"


def parse_rst(path):
    """(title, blocks) of a reST source: blocks are (kind, text) with kind h (section heading),
    p (paragraph), li (list of items, text is a list), pre (literal block)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    title, blocks = None, []
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        nxt = lines[i + 1] if i + 1 < n else ""
        if ln.strip() and re.fullmatch(r"([=\-~*^#\"'+])\1{2,}", nxt.strip()) \
                and not re.fullmatch(r"([=\-~*^#])\1{2,}", ln.strip()):
            t = clean_inline(ln)
            if title is None:
                title = t
            else:
                blocks.append(("h", t))
            i += 2
            continue
        if re.fullmatch(r"([=\-~*^#])\1{2,}", ln.strip()):
            i += 1
            continue
        if ln.startswith("..") or ln.startswith(":"):  # directive or field: skip its body
            i += 1
            while i < n and (not lines[i].strip() or lines[i].startswith(" ")):
                if lines[i].strip() == "" and i + 1 < n and lines[i + 1].strip() \
                        and not lines[i + 1].startswith(" "):
                    break
                i += 1
            continue
        if ln.startswith((" ", "\t")) and ln.strip():  # literal / indented block
            body = []
            while i < n and (lines[i].startswith((" ", "\t")) or not lines[i].strip()):
                body.append(lines[i])
                i += 1
            text = "\n".join(body).strip("\n")
            if blocks and blocks[-1][0] == "p" and blocks[-1][1].endswith(":") and text.strip():
                import textwrap
                blocks.append(("pre", textwrap.dedent(text)))
            continue
        if re.match(LIST_ITEM, ln):
            items = []
            while i < n and (re.match(LIST_ITEM, lines[i]) or lines[i].startswith("  ")):
                if re.match(LIST_ITEM, lines[i]):
                    items.append(re.sub(LIST_ITEM, "", lines[i], count=1))
                else:
                    items[-1] += " " + lines[i].strip()
                i += 1
            blocks.append(("li", [clean_inline(x) for x in items if clean_inline(x)]))
            continue
        if ln.strip():
            para = []
            while i < n and lines[i].strip() and not lines[i].startswith(" "):
                para.append(lines[i])
                i += 1
            if i < n and re.fullmatch(r"([=\-~*^#])\1{2,}", lines[i].strip()):
                i -= 1  # a heading follows the paragraph's last line: give it back
                para = para[:-1]
                if not para:
                    continue
            text = clean_inline(" ".join(para))
            if text.endswith("::"):
                text = text[:-1]
            if len(WORD.findall(text)) >= 4:
                blocks.append(("p", text))
            continue
        i += 1
    return title, blocks


def corpus():
    """The documents of the tutorial, HOW-TOs and FAQ, taken in turn from each (sorted)."""
    per = []
    for sub in ("tutorial", "howto", "faq"):
        docs = []
        for path in sorted(glob.glob(os.path.join(PYDOC, sub, "*.rst.txt"))):
            if os.path.basename(path).startswith("index"):
                continue
            title, blocks = parse_rst(path)
            if title and sum(1 for k, _ in blocks if k == "p") >= 6:
                docs.append((sub, title, blocks))
        per.append(docs)
    out = []
    for k in range(max(map(len, per))):
        out.extend(d[k] for d in per if k < len(d))
    return out


CATS = {"tutorial": "Tutorials", "howto": "How-to guides", "faq": "Questions"}
TAGS = ["beginners", "reference", "performance", "style", "tooling", "data"]


def post_html(k, blocks):
    """Body of post k: up to ~700 words of its document, with one quote and one image."""
    out, words, quoted, imaged = [], 0, False, False
    for kind, text in blocks:
        if words > 700:
            break
        if kind == "h":
            if out and not out[-1].startswith("<h2"):
                out.append(f"<h2>{esc(text)}</h2>")
        elif kind == "p":
            if not quoted and words > 150 and k % 3 != 2:
                out.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
                quoted = True
            else:
                out.append(f"<p>{esc(text)}</p>")
            words += len(WORD.findall(text))
            if not imaged and words > 80:
                alt = " ".join(WORD.findall(text)[:6])
                out.append(f'<figure class="wp-block-image"><img src="/wp-content/uploads/'
                           f'figure-{k}.png" alt="{esc(alt)}" width="640" height="360"/></figure>')
                imaged = True
        elif kind == "li" and text:
            out.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in text[:8]) + "</ul>")
            words += sum(len(WORD.findall(t)) for t in text[:8])
        elif kind == "pre" and k % 2 == 0:
            out.append(f"<pre>{esc(text)}</pre>")
    while out and out[-1].startswith("<h2"):
        out.pop()
    return "\n\n".join(out)


def pkg_descriptions():
    res = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\t${Description}\n\n"]
                         + SERVICE_PKGS, capture_output=True, text=True)
    out = {}
    for chunk in res.stdout.split("\n\n"):
        if "\t" not in chunk:
            continue
        name, desc = chunk.split("\t", 1)
        lines = desc.split("\n")
        short, paras, cur = lines[0].strip(), [], []
        for ln in lines[1:]:
            s = ln.strip()
            if s == ".":
                if cur:
                    paras.append(" ".join(cur))
                cur = []
            elif ln.startswith("  "):  # preformatted line (list items)
                if cur:
                    paras.append(" ".join(cur))
                    cur = []
                paras.append("* " + s.lstrip("*- "))
            else:
                cur.append(s)
        if cur:
            paras.append(" ".join(cur))
        out[name.strip()] = (short, paras)
    return out


def desc_html(paras, seen):
    """HTML of a package description's paragraphs; a paragraph already in `seen` (the PHP
    modules' shared blurb) is left out so that the page holds no repeated paragraph."""
    out, items = [], []
    for p in paras:
        if p in seen:
            continue
        seen.add(p)
        if p.startswith("* "):
            items.append(p[2:])
            continue
        if items:
            out.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in items) + "</ul>")
            items = []
        out.append(f"<p>{esc(p)}</p>")
    if items:
        out.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in items) + "</ul>")
    return out


def service_pages():
    d = pkg_descriptions()
    names = [p for p in SERVICE_PKGS if p in d]
    pages, seen = [], set()
    groups = [("Services", names[0:4]), ("Hosting plans", names[4:7]),
              ("Support", names[7:10]), ("Integrations", names[10:14])]
    for title, group in groups:
        body = [f"<p>We offer {len(group)} kinds of help. Each is listed below with what it "
                f"covers and how it fits into a typical publishing setup.</p>"]
        for name in group:
            short, paras = d[name]
            body.append(f"<h2>{esc(short[:1].upper() + short[1:])}</h2>")
            body.extend(desc_html(paras, seen))
        body.append("<h3>Getting started</h3>")
        body.append("<ol><li>Tell us about your site and its audience.</li><li>We prepare a "
                    "plan and an estimate within two working days.</li><li>Once you agree, "
                    "the work starts on the date you choose.</li></ol>")
        pages.append({"title": title, "content": "\n\n".join(body)})
    short, paras = d.get("wordpress", ("", []))
    about = ["<p>Field Notes is a small editorial team writing practical guides about "
             "programming, publishing and the tools behind them.</p>"] + desc_html(paras, set()) + [
        "<h2>Our team</h2>",
        "<p>The guides are written and reviewed by people who use these tools every day. We "
        "correct mistakes quickly and note every change at the end of the article.</p>",
        "<blockquote><p>Good documentation is a conversation with the reader.</p></blockquote>"]
    pages.insert(0, {"title": "About", "content": "\n\n".join(about)})
    pages.extend(block_pages(d, names))
    return pages


def _b(name, html, attrs=""):
    """One block in WordPress's serialised form: its saved HTML between comment delimiters
    (WordPress renders these static blocks as saved; other generators see plain HTML)."""
    a = f" {attrs}" if attrs else ""
    return f"<!-- wp:{name}{a} -->\n{html}\n<!-- /wp:{name} -->"


def _para(t):
    return _b("paragraph", f"<p>{esc(t)}</p>")


def _head(t, level=2):
    attrs = "" if level == 2 else f'{{"level":{level}}}'
    return _b("heading", f'<h{level} class="wp-block-heading">{esc(t)}</h{level}>', attrs)


def _list(items):
    return _b("list", "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in items) + "</ul>")


def _button(label, href):
    inner = _b("button", f'<div class="wp-block-button"><a class="wp-block-button__link '
                         f'wp-element-button" href="{href}">{esc(label)}</a></div>')
    return _b("buttons", f'<div class="wp-block-buttons">{inner}</div>')


def _columns(cols):
    inner = "\n".join(_b("column", '<div class="wp-block-column">' + "\n".join(c) + "</div>")
                      for c in cols)
    return _b("columns", f'<div class="wp-block-columns">{inner}</div>')


def _group(blocks):
    return _b("group", '<div class="wp-block-group">' + "\n".join(blocks) + "</div>")


def block_pages(d, names):
    """Service pages laid out with the block editor's layout blocks (columns of plans,
    groups, buttons, a media-and-text row, a quote, a table), as a business's site builds
    its landing pages; text from the same package descriptions."""
    def sentences(name, k):
        short, paras = d[name]
        text = " ".join(p for p in paras if not p.startswith("* "))
        parts = [x.strip() for x in re.split(r"(?<=[.!?])\s+", text) if len(x.split()) >= 4]
        return short, parts[:k]

    plans = []
    for label, price, name in (("Starter", "$19", names[0]), ("Team", "$49", names[1]),
                               ("Studio", "$99", names[2])):
        short, sents = sentences(name, 2)
        plans.append([_head(label, 3), _para(f"{price} per month, billed yearly."),
                      _para(" ".join(sents) or short),
                      _list([f"{n} editors" for n in (1, 5, 20)][:1 + len(plans)]
                            + ["Daily backups", "Email support"]),
                      _button("Choose " + label, f"/signup/{label.lower()}/")])
    faq = [_head("Questions we are often asked")]
    for name in names[3:6]:
        short, sents = sentences(name, 2)
        faq += [_head(f"Do you support {short[:1].lower() + short[1:]}?", 3),
                _para("Yes. " + " ".join(sents))]
    pricing = [_para("Every plan includes hosting, updates and the help of our editors. Pick "
                     "the one that fits the size of your team; you can change it at any time."),
               _columns(plans), _group(faq),
               _para("Not sure which plan fits? Write to us and we will answer within a day."),
               _button("Contact sales", "/contact/")]
    feats = []
    for name in names[6:9]:
        short, sents = sentences(name, 2)
        feats.append([_head(short[:1].upper() + short[1:], 3), _para(" ".join(sents) or short)])
    short, sents = sentences(names[9], 3)
    media = _b("media-text", '<div class="wp-block-media-text"><figure class="wp-block-media-'
               'text__media"><img src="/wp-content/uploads/workshop.jpg" alt="A workshop in '
               'progress"/></figure><div class="wp-block-media-text__content">'
               + _head("What a day with us looks like", 3) + _para(" ".join(sents)) + "</div></div>")
    quote = _b("quote", '<blockquote class="wp-block-quote"><p>The workshop saved our team '
               'weeks of trial and error; we left with a plan we could follow.</p><cite>A '
               'newsroom editor</cite></blockquote>')
    workshops = [_group([_head("Hands-on workshops for editorial teams"),
                         _para("One day, your own site, and the people who build it every day."),
                         _button("Book a workshop", "/book/")]),
                 _columns(feats), media, quote,
                 _head("How to book"),
                 _b("list", "<ol><li>Choose a date that suits your team.</li><li>Tell us what "
                    "you publish and who will attend.</li><li>We send an agenda a week before."
                    "</li></ol>", '{"ordered":true}'),
                 _button("See available dates", "/book/dates/")]
    rows = "".join(f"<tr><td>{day}</td><td>{hours}</td></tr>" for day, hours in
                   (("Monday to Thursday", "9:00 to 17:00"), ("Friday", "9:00 to 15:00"),
                    ("Weekends", "Closed")))
    contact = [_para("The quickest way to reach us is by email; we answer every message "
                     "within one working day, usually sooner."),
               _head("Opening hours"),
               _b("table", '<figure class="wp-block-table"><table><tbody>' + rows
                  + "</tbody></table></figure>"),
               _head("Where to find us"),
               _para("Our office is on the second floor, above the bakery, five minutes from "
                     "the station. Visitors are welcome by appointment."),
               _button("Write to us", "mailto:hello@example.org")]
    return [{"title": "Pricing", "content": "\n\n".join(pricing)},
            {"title": "Workshops", "content": "\n\n".join(workshops)},
            {"title": "Contact", "content": "\n\n".join(contact)}]


def seed_spec():
    docs = corpus()
    posts = []
    for k, (sub, title, blocks) in enumerate(docs[:30]):
        body = post_html(k, blocks)
        day = 1 + (k * 7) % 27
        month = 1 + (k // 4) % 12
        posts.append({"title": title, "content": body, "cat": CATS[sub],
                      "tags": [TAGS[k % len(TAGS)], TAGS[(k * 5 + 1) % len(TAGS)]],
                      "date": f"2025-{month:02d}-{day:02d} {8 + k % 9:02d}:15:00",
                      "author": k % 2})
    # comments: other documents' paragraphs, two or three per commented post
    paras = [t for _, _, b in docs[30:] for kind, t in b if kind == "p" and len(t) < 400]
    comments, j = [], 0
    for k in range(len(posts)):
        if k % 3 == 1:
            continue
        for c in range(2 + k % 2):
            if j >= len(paras):
                break
            comments.append({"post": k, "author": ["Ada", "Grace", "Linus", "Barbara"][(k + c) % 4],
                             "content": paras[j], "date": posts[k]["date"].replace("15:00", f"{20 + c}:30:00")[:19]})
            j += 1
    return {"posts": posts, "comments": comments, "pages": service_pages()}


SEED_PHP = r"""<?php
$_SERVER['HTTP_HOST'] = getenv('WP_HOST');
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
$spec = json_decode(file_get_contents($argv[1]), true);
wp_install('Field Notes', 'editor', 'editor@example.org', true, '', 'bench-only-password');
$home = 'http://' . getenv('WP_HOST');
update_option('siteurl', $home);
update_option('home', $home);
update_option('blogdescription', 'Practical guides, written slowly');
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
update_option('posts_per_page', 6);
update_option('timezone_string', 'UTC');
update_option('show_avatars', 0);
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $p) {
    wp_delete_post($p->ID, true);
}
$second = wp_insert_user(['user_login' => 'reviewer', 'user_pass' => 'bench-only-password',
    'display_name' => 'Morgan Reviewer', 'role' => 'author']);
$authors = [1, $second];
wp_update_user(['ID' => 1, 'display_name' => 'Sam Editor']);
$ids = [];
foreach ($spec['posts'] as $p) {
    $cat = term_exists($p['cat'], 'category');
    if (!$cat) $cat = wp_insert_term($p['cat'], 'category');
    $ids[] = wp_insert_post(['post_title' => $p['title'], 'post_content' => $p['content'],
        'post_status' => 'publish', 'post_date' => $p['date'], 'post_date_gmt' => $p['date'],
        'post_author' => $authors[$p['author']], 'post_category' => [(int)$cat['term_id']],
        'tags_input' => $p['tags']]);
}
foreach ($spec['comments'] as $c) {
    wp_insert_comment(['comment_post_ID' => $ids[$c['post']], 'comment_author' => $c['author'],
        'comment_author_email' => strtolower($c['author']) . '@example.org',
        'comment_content' => $c['content'], 'comment_date' => $c['date'],
        'comment_date_gmt' => $c['date'], 'comment_approved' => 1]);
}
foreach ($spec['pages'] as $i => $p) {
    wp_insert_post(['post_title' => $p['title'], 'post_content' => $p['content'],
        'post_status' => 'publish', 'post_type' => 'page', 'menu_order' => $i,
        'post_date' => '2025-01-02 09:00:00', 'post_date_gmt' => '2025-01-02 09:00:00']);
}
flush_rewrite_rules(false);
echo "seeded\n";
"""

THEME_PHP = r"""<?php
$_SERVER['HTTP_HOST'] = getenv('WP_HOST');
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
switch_theme($argv[1]);
$out = ['posts' => [], 'pages' => [], 'cats' => [], 'tags' => [], 'authors' => []];
foreach (get_posts(['numberposts' => -1, 'orderby' => 'date', 'order' => 'ASC']) as $p) $out['posts'][] = get_permalink($p);
foreach (get_pages(['sort_column' => 'menu_order']) as $p) $out['pages'][] = get_permalink($p);
foreach (get_categories(['orderby' => 'name']) as $c) $out['cats'][] = get_category_link($c);
foreach (get_tags(['orderby' => 'name']) as $t) $out['tags'][] = get_tag_link($t);
foreach (get_users(['orderby' => 'ID']) as $u) $out['authors'][] = get_author_posts_url($u->ID);
echo json_encode($out);
"""

ROUTER_PHP = r"""<?php
$p = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($p !== '/' && is_file($_SERVER['DOCUMENT_ROOT'] . $p)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
"""


class Site:
    """MariaDB (private data dir, socket only) + PHP's built-in server for WordPress."""

    def __init__(self, work):
        self.work = os.path.abspath(work)
        self.procs = []

    def __enter__(self):
        w = self.work
        shutil.rmtree(w, ignore_errors=True)
        os.makedirs(os.path.join(w, "wp-content", "themes"))
        os.makedirs(os.path.join(w, "wp-content", "plugins"))
        os.makedirs(os.path.join(w, "wp-content", "uploads"))
        for t in sorted(t for t, r in THEMES.items() if r["software"] == "wordpress"):
            os.symlink(os.path.join(WP, "wp-content", "themes", t),
                       os.path.join(w, "wp-content", "themes", t))
        sock = os.path.join(w, "db.sock")
        subprocess.run(["mariadb-install-db", f"--datadir={w}/db", "--user=root",
                        "--auth-root-authentication-method=socket", "--skip-test-db"],
                       check=True, capture_output=True)
        self.procs.append(subprocess.Popen(
            ["mariadbd", f"--datadir={w}/db", f"--socket={sock}", "--skip-networking",
             "--user=root", f"--pid-file={w}/db.pid", f"--log-error={w}/db.err"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for _ in range(100):
            if subprocess.run(["mariadb", f"--socket={sock}", "-uroot", "-e", "SELECT 1"],
                              capture_output=True).returncode == 0:
                break
            time.sleep(0.2)
        subprocess.run(["mariadb", f"--socket={sock}", "-uroot", "-e",
                        "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp';"
                        " GRANT ALL ON wp.* TO 'wp'@'localhost';"], check=True)
        with open(WP_CONFIG, "w") as f:
            f.write("<?php\n// written by the tamis blog bench (extraction_fresh_blogs.py)\n"
                    "define('DB_NAME', 'wp');\ndefine('DB_USER', 'wp');\n"
                    "define('DB_PASSWORD', 'wp');\n"
                    f"define('DB_HOST', 'localhost:{sock}');\n"
                    f"define('WP_CONTENT_DIR', '{w}/wp-content');\n"
                    "define('WP_HTTP_BLOCK_EXTERNAL', true);\ndefine('DISABLE_WP_CRON', true);\n"
                    "define('AUTOMATIC_UPDATER_DISABLED', true);\n")
        for name, text in (("seed.php", SEED_PHP), ("theme.php", THEME_PHP),
                           ("router.php", ROUTER_PHP)):
            with open(os.path.join(w, name), "w") as f:
                f.write(text)
        return self

    def php(self, *args):
        env = dict(os.environ, WP_HOST=HOST)
        res = subprocess.run(["php", *args], capture_output=True, text=True, env=env,
                             cwd=self.work)
        if res.returncode != 0:
            raise RuntimeError(f"php {args}: {res.stderr[-2000:]}")
        return res.stdout

    def serve(self):
        self.procs.append(subprocess.Popen(
            ["php", "-S", HOST, "-t", WP, os.path.join(self.work, "router.php")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=self.work))
        for _ in range(50):
            try:
                urllib.request.urlopen(SITE + "/robots.txt", timeout=2).read()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("php server did not start")

    def __exit__(self, *exc):
        for p in reversed(self.procs):
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        return False


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read()


# ---------------------------------------------------------------- gold

def gold_of(raw, rules, kind):
    from lxml import html as lhtml
    doc = lhtml.fromstring(raw)
    rule = rules[kind]
    if "root" in rule:
        roots = doc.xpath(rule["root"])
        if not roots:
            return None
        strip(roots[0], rule["drop"])
        return render(roots[0])
    parts = []
    for rec in doc.xpath(rule["record"]):
        for xp in rule.get("keep", ["."]):
            for el in rec.xpath(xp):
                strip(el, rule["drop"])
                t = render(el)
                if t:
                    parts.append(t)
    return "\n\n".join(parts) if parts else None


# ---------------------------------------------------------------- build

AUTHORS = ["Sam Editor", "Morgan Reviewer"]


def wp_pages(links):
    """(kind, url) of the pages fetched per WordPress theme: fixed, in site order."""
    arts = [("article", u) for u in links["posts"][::5]]  # every fifth post: 6 per theme
    lists = [("listing", SITE + "/"), ("listing", SITE + "/page/2/")]
    lists += [("listing", u) for u in links["cats"]]
    lists += [("listing", u) for u in links["tags"][:2]]
    lists += [("listing", SITE + "/2025/01/"), ("listing", links["authors"][0]),
              ("listing", SITE + "/?s=function")]
    servs = [("service", u) for u in links["pages"]]
    return arts + lists + servs


def pelican_site(spec, work):
    """Writes the seed as Pelican HTML sources; returns the content dir and the pages to take
    per theme as (kind, path relative to the output dir)."""
    content = os.path.join(work, "content")
    shutil.rmtree(content, ignore_errors=True)
    os.makedirs(os.path.join(content, "pages"))
    slugs = []
    for k, p in enumerate(spec["posts"]):
        slug = f"{k:02d}-" + re.sub(r"[^a-z0-9]+", "-", p["title"].lower()).strip("-")[:40]
        slugs.append(slug)
        with open(os.path.join(content, slug + ".html"), "w", encoding="utf-8") as f:
            f.write(f"<html><head><title>{esc(p['title'])}</title>\n"
                    f'<meta name="date" content="{p["date"][:16]}" />\n'
                    f'<meta name="category" content="{esc(p["cat"])}" />\n'
                    f'<meta name="tags" content="{", ".join(p["tags"])}" />\n'
                    f'<meta name="author" content="{AUTHORS[p["author"]]}" />\n'
                    f'<meta name="slug" content="{slug}" />\n'
                    f"</head><body>\n{p['content']}\n</body></html>\n")
    pages = []
    for i, p in enumerate(spec["pages"]):
        slug = re.sub(r"[^a-z0-9]+", "-", p["title"].lower()).strip("-")
        pages.append(("service", f"pages/{slug}.html"))
        with open(os.path.join(content, "pages", slug + ".html"), "w", encoding="utf-8") as f:
            f.write(f"<html><head><title>{esc(p['title'])}</title>\n"
                    f'<meta name="slug" content="{slug}" /><meta name="order" content="{i}" />\n'
                    f"</head><body>\n{p['content']}\n</body></html>\n")
    arts = [("article", s + ".html") for s in slugs[::5]]
    cats = sorted({re.sub(r"[^a-z0-9]+", "-", p["cat"].lower()).strip("-") for p in spec["posts"]})
    lists = [("listing", "index.html"), ("listing", "index2.html")]
    lists += [("listing", f"category/{c}.html") for c in cats]
    lists += [("listing", f"tag/{t}.html") for t in sorted(TAGS)[:2]]
    lists += [("listing", "author/sam-editor.html"), ("archive", "archives.html")]
    return content, arts + lists + pages


def pelican_render(content, out, theme):
    import pelican
    theme_dir = os.path.join(os.path.dirname(pelican.__file__), "themes", theme)
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pelican", content, "-o", out, "-t", theme_dir, "-q",
                    "-e", f'SITEURL="{PELICAN_SITE}"', 'SITENAME="Field Notes"',
                    'SITESUBTITLE="Practical guides, written slowly"', "DEFAULT_PAGINATION=6",
                    'TIMEZONE="UTC"', 'DEFAULT_LANG="en"', "RELATIVE_URLS=false",
                    'PAGE_ORDER_BY="order"'], check=True, capture_output=True)


PELICAN_SITE = "http://127.0.0.1:8094"


def save(args, manifest, theme, kind, url, raw, gold, software):
    pid = f"{theme}-{hashlib.sha1(url.encode()).hexdigest()[:10]}"
    html_path = f"html/{theme}/{pid}.html.gz"
    with open(os.path.join(args.out, html_path), "wb") as f:
        f.write(gzip.compress(raw, mtime=0))
    gold_path = f"gold/{theme}/{pid}.txt"
    with open(os.path.join(args.out, gold_path), "w", encoding="utf-8") as f:
        f.write(gold + "\n")
    # archives are listings of titles: scored as listings
    manifest.append({"id": pid, "dataset": theme, "split": "fresh", "url": url,
                     "html_path": html_path, "html_bytes": len(raw), "gold_path": gold_path,
                     "gold_text": gold, "page_type": "listing" if kind == "archive" else kind,
                     "source": f"{software}:{theme}:{url.split('/', 3)[-1]}"})


def build(args):
    os.makedirs(args.out, exist_ok=True)
    spec = seed_spec()
    manifest = []
    report = {}

    def take(theme, rules, kind, url, raw):
        os.makedirs(os.path.join(args.out, "html", theme), exist_ok=True)
        os.makedirs(os.path.join(args.out, "gold", theme), exist_ok=True)
        gold = gold_of(raw, rules, kind)
        n, skips = report.setdefault(theme, ({}, {}))
        if gold is None or len(WORD.findall(gold)) < MIN_WORDS:
            skips[kind] = skips.get(kind, 0) + 1
            return
        save(args, manifest, theme, kind, url, raw, gold, rules["software"])
        n[kind] = n.get(kind, 0) + 1

    with Site(args.work) as site:
        spec_path = os.path.join(site.work, "spec.json")
        with open(spec_path, "w", encoding="utf-8") as f:
            json.dump(spec, f, ensure_ascii=False, indent=0)
        site.php(os.path.join(site.work, "seed.php"), spec_path)
        site.serve()
        for theme, rules in THEMES.items():
            if rules["software"] != "wordpress":
                continue
            links = json.loads(site.php(os.path.join(site.work, "theme.php"), theme))
            for kind, url in wp_pages(links):
                take(theme, rules, kind, url, fetch(url))
        content, pel_pages = pelican_site(spec, site.work)
        for theme, rules in THEMES.items():
            if rules["software"] != "pelican":
                continue
            out = os.path.join(site.work, "pelican-" + theme)
            pelican_render(content, out, theme)
            for kind, rel in pel_pages:
                with open(os.path.join(out, rel), "rb") as f:
                    take(theme, rules, kind, f"{PELICAN_SITE}/{rel}", f.read())
    for theme, (n, skips) in report.items():
        print(f"  {theme}: {n}; skipped {skips}", file=sys.stderr)
    with open(os.path.join(args.out, "manifest.jsonl"), "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


# ---------------------------------------------------------------- report

KINDS = ["article", "listing", "service"]
SHORT = {"twentytwentyone": "wp-tt1", "twentytwentytwo": "wp-tt2",
         "twentytwentythree": "wp-tt3", "notmyidea": "pel-nmi", "simple": "pel-simp"}


def table(args):
    return report.table(
        args, "fresh blog/CMS pages",
        [("page_type", k) for k in KINDS] + [("dataset", t) for t in THEMES],
        "per page kind and per theme (WordPress twentytwentyone/two/three, Pelican notmyidea"
        " and simple)", SHORT)


def worst(args):
    """Per theme, tamis's n worst pages (word F1) beside the peers' scores."""
    return report.worst(args, [("dataset", t) for t in THEMES],
                        lambda m: f"{m['page_type']:<8} {m['source']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out")
    b.add_argument("--work", required=True, help="scratch dir for the database and site")
    report.add_report_commands(sub)
    args = ap.parse_args()
    return {"build": build, "table": table, "worst": worst}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
