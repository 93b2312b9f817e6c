#!/usr/bin/env python3
"""Fresh shop pages for the extraction bench: product and category pages rendered by real,
installable shop software with seeded products, gold text taken from the software's own
template.

  extraction_fresh_shops.py build OUT_DATA --shop oscar|cartridge [--products 40] [--categories 20]
      # html/<shop>/<id>.html.gz, gold/, manifest.jsonl (appended to); run with the shop's venv
  extraction_fresh_shops.py table MANIFEST OUT_DIR --scorer extraction_score.py
  extraction_fresh_shops.py worst MANIFEST OUT_DIR --scorer extraction_score.py [--n 5]

Shops: django-oscar 4.2 and Cartridge 1.3 (on Mezzanine 6.1), from PyPI, each in its own venv
(they pin different Django versions): default templates, sqlite, pages rendered with Django's
test client, a new visitor per page.

Products are seeded from the AppStream metadata of the Debian archive (the DEP-11 component
file that `apt-get update` fetches when the appstream package is installed): the application's
name is the product title, its summary and multi-paragraph description (paragraphs and
bullet lists) the product description, its freedesktop categories the shop's category tree,
its licence, developer and package the product's attributes; prices, stock, reviews and
recommendations are derived from a hash of the package name. Everything is sorted and hashed,
so two builds on the same archive give the same pages (but for the hidden inputs of forms: CSRF
tokens and the rating form's timestamp, which no extractor shows).

Gold follows the WCXB conventions seen on the tuning pages of those types: a product page keeps
the title, price, availability, description and the specification table, and drops breadcrumbs,
the add-to-basket form, the rating line, the customer reviews (most WCXB product pages' gold
leaves them out) and the recommended-products strip; a category page keeps the heading, the category description, the
result count and each product card's title, price and availability, and drops the sidebar
(category tree), the sort form, the card buttons and the pagination. The selectors live in GOLD
below (the only place the shop's markup appears); tamis never sees them.
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extraction_fresh_report as report  # noqa: E402

DEP11 = "/var/lib/apt/lists"
WORD = re.compile(r"\w+")

# shop -> page kind -> (gold root XPath, XPaths dropped from the root)
GOLD = {
    "oscar": {
        "product": dict(
            root='//article[contains(@class,"product_page")]',
            drop=['.//form', './/button', './/small', './/a[contains(@class,"btn")]',
                  # the recommended and recently viewed products: heading boxes, card lists
                  './/div[contains(@class,"sub-header")][not(@id)]'
                  '[h2="Recommended items" or h2="Products you recently viewed"]',
                  './/ul[.//article[contains(@class,"product_pod")]]',
                  # the customer reviews (most WCXB product pages' gold leaves them out)
                  './/section']),
        "collection": dict(
            root='//div[contains(@class,"col-md-9")]',
            drop=['.//form//div[contains(@class,"float-right")]', './/input',
                  './/form[@action]', './/button', './/nav',
                  './/div[contains(@class,"alert")]']),
    },
    # Cartridge (Mezzanine): the page's <h1> sits in a box above the columns, the page's own
    # text in the middle column.
    "cartridge": {
        "product": dict(
            title="//h1", root='//div[contains(@class,"middle")]',
            drop=['.//form', './/div[contains(@class,"rating")]',
                  './/h2[following-sibling::div[contains(@class,"related-products")]]',
                  './/div[contains(@class,"related-products")]']),
        "collection": dict(
            title="//h1", root='//div[contains(@class,"middle")]',
            drop=['.//form', './/div[contains(@class,"shop-category-list")]',
                  './/ul[contains(@class,"pagination")]']),
    },
}

# freedesktop main categories -> shop department names
DEPARTMENTS = {
    "AudioVideo": "Audio & Video", "Development": "Developer Tools", "Education": "Education",
    "Game": "Games", "Graphics": "Graphics & Design", "Network": "Internet",
    "Office": "Office", "Science": "Science", "System": "System Tools", "Utility": "Utilities",
}
REVIEWERS = ["Alex", "Sam K.", "Jordan", "Priya", "M. Ortega", "Lena", "Tomasz", "Chen W.",
             "Fatima", "Noah", "Ines", "R. Baker"]


def h(s, mod):
    return int(hashlib.sha1(s.encode()).hexdigest()[:8], 16) % mod


def dep11_file():
    for f in sorted(os.listdir(DEP11)) if os.path.isdir(DEP11) else []:
        if re.search(r"_main_dep11_Components-amd64\.yml\.gz$", f) and "security" not in f \
                and "updates" not in f:
            return os.path.join(DEP11, f)
    return None


def load_apps(path):
    """Desktop applications with a description of at least two blocks and 70 words, sorted
    by package name."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    apps = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for doc in yaml.load_all(f, Loader=loader):
            if not isinstance(doc, dict) or doc.get("Type") != "desktop-application":
                continue
            name = (doc.get("Name") or {}).get("C")
            summ = (doc.get("Summary") or {}).get("C")
            desc = (doc.get("Description") or {}).get("C")
            pkg = doc.get("Package")
            cats = doc.get("Categories") or []
            if not (name and summ and desc and pkg):
                continue
            dept = next((c for c in cats if c in DEPARTMENTS), None)
            if dept is None:
                continue
            blocks = re.findall(r"<(p|ul|ol)>", desc)
            if len(blocks) < 2 or len(WORD.findall(re.sub(r"<[^>]+>", " ", desc))) < 70:
                continue
            if pkg in apps:
                continue
            sub = next((c for c in cats if c not in DEPARTMENTS and c not in
                        ("GTK", "Qt", "KDE", "GNOME", "X-GNOME-Utilities", "XFCE")
                        and not c.startswith("X-")), None)
            apps[pkg] = dict(pkg=pkg, name=name.strip(), summary=summ.strip(), desc=desc.strip(),
                             dept=dept, sub=sub, license=doc.get("ProjectLicense") or "",
                             developer=(doc.get("DeveloperName") or {}).get("C", ""),
                             keywords=", ".join(((doc.get("Keywords") or {}).get("C") or [])[:5]))
    return [apps[k] for k in sorted(apps)]


def split_camel(s):
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", s)


# ---------------------------------------------------------------------------------- oscar

def oscar_setup(work):
    import django
    from django.conf import settings
    import oscar.defaults as od
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "shopurls.py"), "w") as f:
        f.write("from django.apps import apps\nfrom django.urls import include, path\n"
                "urlpatterns = [path('i18n/', include('django.conf.urls.i18n')),\n"
                "               path('', include(apps.get_app_config('oscar').urls[0]))]\n")
    sys.path.insert(0, work)
    dash = ["reports", "users", "orders", "catalogue", "offers", "partners", "pages", "ranges",
            "reviews", "vouchers", "communications", "shipping"]
    apps = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
            "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
            "django.contrib.sites", "django.contrib.flatpages", "oscar.config.Shop",
            "oscar.apps.analytics.apps.AnalyticsConfig", "oscar.apps.checkout.apps.CheckoutConfig",
            "oscar.apps.address.apps.AddressConfig", "oscar.apps.shipping.apps.ShippingConfig",
            "oscar.apps.catalogue.apps.CatalogueConfig",
            "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
            "oscar.apps.communication.apps.CommunicationConfig",
            "oscar.apps.partner.apps.PartnerConfig", "oscar.apps.basket.apps.BasketConfig",
            "oscar.apps.payment.apps.PaymentConfig", "oscar.apps.offer.apps.OfferConfig",
            "oscar.apps.order.apps.OrderConfig", "oscar.apps.customer.apps.CustomerConfig",
            "oscar.apps.search.apps.SearchConfig", "oscar.apps.voucher.apps.VoucherConfig",
            "oscar.apps.wishlists.apps.WishlistsConfig", "oscar.apps.dashboard.apps.DashboardConfig"]
    apps += [f"oscar.apps.dashboard.{d}.apps.{''.join(w.capitalize() for w in d.split('_'))}"
             f"DashboardConfig" for d in dash]
    apps += ["widget_tweaks", "haystack", "treebeard", "sorl.thumbnail", "django_tables2"]
    conf = {k: getattr(od, k) for k in dir(od) if k.startswith("OSCAR_")}
    conf["OSCAR_DEFAULT_CURRENCY"] = "USD"
    conf["OSCAR_SHOP_NAME"] = "Tamis Software Store"
    conf["OSCAR_SEARCH_FACETS"] = {"fields": {}, "queries": {}}  # Whoosh has no facets
    settings.configure(
        DEBUG=False, SECRET_KEY="bench", ALLOWED_HOSTS=["testserver"], SITE_ID=1,
        USE_TZ=True, TIME_ZONE="UTC", LANGUAGE_CODE="en-us",
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                               "NAME": os.path.join(work, "shop.sqlite3")}},
        INSTALLED_APPS=apps, ROOT_URLCONF="shopurls",
        MIDDLEWARE=["django.middleware.security.SecurityMiddleware",
                    "django.contrib.sessions.middleware.SessionMiddleware",
                    "django.middleware.common.CommonMiddleware",
                    "django.middleware.csrf.CsrfViewMiddleware",
                    "django.contrib.auth.middleware.AuthenticationMiddleware",
                    "django.contrib.messages.middleware.MessageMiddleware",
                    "oscar.apps.basket.middleware.BasketMiddleware",
                    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware"],
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [],
                    "APP_DIRS": True, "OPTIONS": {"context_processors": [
                        "django.template.context_processors.debug",
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.template.context_processors.i18n",
                        "django.contrib.messages.context_processors.messages",
                        "oscar.apps.search.context_processors.search_form",
                        "oscar.apps.checkout.context_processors.checkout",
                        "oscar.apps.communication.notifications.context_processors.notifications",
                        "oscar.core.context_processors.metadata"]}}],
        AUTHENTICATION_BACKENDS=["oscar.apps.customer.auth_backends.EmailBackend",
                                 "django.contrib.auth.backends.ModelBackend"],
        HAYSTACK_CONNECTIONS={"default": {
            "ENGINE": "haystack.backends.whoosh_backend.WhooshEngine",
            "PATH": os.path.join(work, "whoosh")}},
        STATIC_URL="/static/", MEDIA_URL="/media/", MEDIA_ROOT=os.path.join(work, "media"),
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        THUMBNAIL_DEBUG=False, LOGGING_CONFIG=None,
        **conf)
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0, interactive=False)


def html_desc(desc):
    """AppStream description markup (p, ul/ol/li, em, code) as the shop's rich-text field."""
    return re.sub(r"\s*\n\s*", " ", desc)


def oscar_seed(apps, n_products):
    from decimal import Decimal
    from oscar.apps.catalogue.models import (Category, Product, ProductAttribute,
                                             ProductCategory, ProductClass,
                                             ProductRecommendation)
    from oscar.apps.catalogue.reviews.models import ProductReview
    from oscar.apps.partner.models import Partner, StockRecord
    pclass = ProductClass.objects.create(name="Software", requires_shipping=False)
    attrs = [("Developer", "developer"), ("License", "license"), ("Package", "package"),
             ("Keywords", "keywords")]
    for label, code in attrs:
        ProductAttribute.objects.create(product_class=pclass, name=label, code=code, type="text")
    partner = Partner.objects.create(name="Tamis Software Store")
    # categories: department (freedesktop main category) > subcategory
    cats, kids = {}, {}
    for a in apps:
        if a["dept"] not in cats:
            cats[a["dept"]] = None
    for dept in sorted(cats):
        cats[dept] = Category.add_root(name=DEPARTMENTS[dept])
    counts = {}
    for a in apps:  # subcategories with at least four products; the others stay in the department
        if a["sub"]:
            counts[(a["dept"], a["sub"])] = counts.get((a["dept"], a["sub"]), 0) + 1
    kids = {key: None for key, n in counts.items() if n >= 4}
    for key in sorted(kids):
        kids[key] = cats[key[0]].add_child(name=split_camel(key[1]).replace("Game", "Games")
                                           if key[1].endswith("Game") else split_camel(key[1]))
    products = []
    for i, a in enumerate(apps):
        p = Product.objects.create(
            title=a["name"] if h(a["pkg"], 3) else f"{a['name']} - {a['summary']}",
            description=html_desc(a["desc"]), product_class=pclass, structure="standalone",
            upc=str(100000000000 + h(a["pkg"], 899999999999)), is_public=True)
        if a["developer"]:
            p.attr.developer = a["developer"]
        p.attr.license = a["license"] or "unknown"
        p.attr.package = a["pkg"]
        if a["keywords"]:
            p.attr.keywords = a["keywords"]
        p.save()
        ProductCategory.objects.create(product=p, category=kids.get((a["dept"], a["sub"]))
                                       or cats[a["dept"]])
        price = Decimal(h(a["pkg"] + "price", 19000) + 499) / 100
        StockRecord.objects.create(partner=partner, product=p, partner_sku=a["pkg"][:120],
                                   price=price, num_in_stock=h(a["pkg"] + "stock", 40))
        products.append((p, a))
    # reviews: two products in three get up to four, their text from other applications'
    # summaries and description paragraphs
    paras = [re.sub(r"<[^>]+>", "", m) for a in apps
             for m in re.findall(r"<p>(.*?)</p>", a["desc"], flags=re.S)
             if len(WORD.findall(m)) >= 12]
    for p, a in products:
        n = h(a["pkg"] + "rev", 6) - 1
        for k in range(max(0, n)):
            j = h(f"{a['pkg']}{k}", len(paras))
            ProductReview.objects.create(
                product=p, score=1 + h(f"{a['pkg']}s{k}", 5),
                title=apps[h(f"{a['pkg']}t{k}", len(apps))]["summary"],
                body=paras[j].strip(), name=REVIEWERS[h(f"{a['pkg']}n{k}", len(REVIEWERS))],
                email="reviewer@example.com", status=ProductReview.APPROVED)
        p.update_rating()
    # one fixed date for every review (the template shows it): the same pages on every build
    import datetime
    ProductReview.objects.update(
        date_created=datetime.datetime(2024, 5, 14, 9, 30, tzinfo=datetime.timezone.utc))
    # recommendations: a third of the products recommend three others of the same department
    by_dept = {}
    for p, a in products:
        by_dept.setdefault(a["dept"], []).append(p)
    for p, a in products:
        if h(a["pkg"] + "rec", 3) == 0:
            peers = [q for q in by_dept[a["dept"]] if q.pk != p.pk]
            for r, q in enumerate(peers[h(a["pkg"], max(1, len(peers))):][:3]):
                ProductRecommendation.objects.create(primary=p, recommendation=q, ranking=r)
    # category descriptions: every other category gets one, from its products' summaries
    for c in Category.objects.all().order_by("path"):
        if h(c.name, 2):
            ps = Product.objects.filter(categories__in=c.get_descendants_and_self())[:4]
            if ps:
                summ = {pp.pk: a["summary"].rstrip(".") for pp, a in products}
                c.description = (f"Our {c.name.lower()} range: "
                                 + ", ".join(q.get_title() for q in ps) + ". "
                                 + " ".join(summ[q.pk] + "." for q in ps[:2]))
                c.save()
    return products


def oscar_pages(products, n_products, n_categories):
    from django.test import Client
    from oscar.apps.catalogue.models import Category
    step = max(1, len(products) // n_products)
    picked = [p for p, _ in products[::step]][:n_products]
    pages = []
    for p in picked:
        pages.append(("product", p.get_absolute_url()))
    cats = list(Category.objects.all().order_by("path"))
    cats = [c for c in cats if c.get_descendants_and_self()]
    cstep = max(1, len(cats) // n_categories)
    for c in cats[::cstep][:n_categories]:
        pages.append(("collection", c.get_absolute_url()))
    out = []
    for kind, url in pages:
        r = Client().get(url)  # a new visitor per page: no recently viewed products
        if r.status_code != 200:
            print(f"  oscar: {url} -> {r.status_code}", file=sys.stderr)
            continue
        out.append((kind, url, r.content))
    return out


# ------------------------------------------------------------------------------ cartridge

def cartridge_setup(work):
    """A Mezzanine project with Cartridge from the project template of `mezzanine-project`,
    sqlite, then migrated."""
    import django
    os.makedirs(work, exist_ok=True)
    tool = os.path.join(os.path.dirname(sys.executable), "mezzanine-project")
    subprocess.run([tool, "-a", "cartridge", "cartshop"], cwd=work, check=True)
    proj = os.path.join(work, "cartshop")
    with open(os.path.join(proj, "cartshop", "local_settings.py"), "a") as f:
        f.write("\nALLOWED_HOSTS = ['testserver']\nDEBUG = False\n"
                f"DATABASES['default']['NAME'] = {os.path.join(proj, 'shop.db')!r}\n"
                "SHOP_CURRENCY_LOCALE = 'en_US.UTF-8'\nTIME_ZONE = 'UTC'\n")
    sys.path.insert(0, proj)
    os.environ["DJANGO_SETTINGS_MODULE"] = "cartshop.settings"
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    call_command("migrate", verbosity=0, interactive=False)
    return settings.MEDIA_ROOT


def cartridge_seed(apps, media):
    """Products (an image each: a plain picture drawn here), their categories (department >
    subcategory, a product in both), related products for a third of them."""
    from decimal import Decimal
    from PIL import Image
    from cartridge.shop.models import Category, Product
    os.makedirs(os.path.join(media, "product"), exist_ok=True)
    counts = {}
    for a in apps:
        if a["sub"]:
            counts[(a["dept"], a["sub"])] = counts.get((a["dept"], a["sub"]), 0) + 1
    depts, subs = {}, {}
    for dept in sorted({a["dept"] for a in apps}):
        depts[dept] = Category.objects.create(title=DEPARTMENTS[dept], content="")
    for key in sorted(k for k, n in counts.items() if n >= 4):
        subs[key] = Category.objects.create(title=split_camel(key[1]), parent=depts[key[0]],
                                            content="")
    products = []
    for a in apps:
        details = "".join(f"<li>{label}: {v}</li>" for label, v in (
            ("Developer", a["developer"]), ("License", a["license"]), ("Package", a["pkg"]),
            ("Keywords", a["keywords"])) if v)
        p = Product.objects.create(
            title=a["name"], available=True,
            content=f"<p><strong>{a['summary']}</strong></p>" + html_desc(a["desc"])
            + f"<h3>Details</h3><ul>{details}</ul>")
        name = f"product/{a['pkg']}.png"
        rgb = tuple(h(a["pkg"] + c, 256) for c in "rgb")
        Image.new("RGB", (64, 64), rgb).save(os.path.join(media, name))
        p.images.create(file=name, description=a["name"])
        v = p.variations.create(default=True, sku=a["pkg"][:20],
                                unit_price=Decimal(h(a["pkg"] + "price", 19000) + 499) / 100,
                                num_in_stock=1 + h(a["pkg"] + "stock", 40))
        v.image = p.images.first()
        v.save()
        p.copy_default_variation()
        p.categories.add(depts[a["dept"]])
        if (a["dept"], a["sub"]) in subs:
            p.categories.add(subs[(a["dept"], a["sub"])])
        products.append((p, a))
    for p, a in products:
        if h(a["pkg"] + "rec", 3) == 0:
            peers = [q for q, b in products if b["dept"] == a["dept"] and q.pk != p.pk]
            for q in peers[h(a["pkg"], max(1, len(peers))):][:3]:
                p.related_products.add(q)
    # category descriptions: every other category gets one, from its products' summaries
    summ = {p.pk: a["summary"].rstrip(".") for p, a in products}
    for c in Category.objects.all().order_by("id"):
        if h(c.title, 2):
            ps = list(Product.objects.filter(categories=c).order_by("id")[:4])
            if ps:
                c.content = (f"<p>Our {c.title.lower()} range: "
                             + ", ".join(q.title for q in ps) + ". "
                             + " ".join(summ[q.pk] + "." for q in ps[:2]) + "</p>")
                c.save()
    return products


def cartridge_pages(products, n_products, n_categories):
    from django.test import Client
    from cartridge.shop.models import Category
    step = max(1, len(products) // n_products)
    pages = [("product", p.get_absolute_url()) for p, _ in products[::step]][:n_products]
    cats = list(Category.objects.all().order_by("id"))
    cstep = max(1, len(cats) // n_categories)
    pages += [("collection", c.get_absolute_url()) for c in cats[::cstep][:n_categories]]
    out = []
    for kind, url in pages:
        r = Client().get(url)
        if r.status_code != 200:
            print(f"  cartridge: {url} -> {r.status_code}", file=sys.stderr)
            continue
        out.append((kind, url, r.content))
    return out


def gold_of(raw, rule):
    from lxml import html as lhtml
    from extraction_fresh import render
    doc = lhtml.fromstring(raw)
    roots = doc.xpath(rule["root"])
    if not roots:
        return None
    root = roots[0]
    title = ""
    if rule.get("title"):
        t = doc.xpath(rule["title"])
        if not t:
            return None
        title = render(t[0]) + "\n\n"
    for xp in rule["drop"]:
        for el in root.xpath(xp):
            parent = el.getparent()
            if parent is None:
                continue
            tail, prev = el.tail, el.getprevious()
            if tail:
                if prev is not None:
                    prev.tail = (prev.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
            parent.remove(el)
    return title + render(root)


def build(args):
    path = dep11_file()
    if not path:
        print("no DEP-11 component file under /var/lib/apt/lists (install appstream and run "
              "apt-get update)", file=sys.stderr)
        return 1
    apps = load_apps(path)
    print(f"  {len(apps)} applications with long descriptions in {os.path.basename(path)}",
          file=sys.stderr)
    os.makedirs(args.out, exist_ok=True)
    shop = args.shop
    work = os.path.join(args.out, "..", f"{shop}-work")
    if os.path.exists(work):
        shutil.rmtree(work)
    # a sample spread over all departments: every k-th application (the second shop starts
    # half a step later: other products)
    k = max(1, len(apps) // (args.products * 5))
    sample = apps[(k // 2 if shop == "cartridge" else 0)::k][:args.products * 5]
    if shop == "oscar":
        oscar_setup(work)
        products = oscar_seed(sample, args.products)
        from django.core.management import call_command
        call_command("rebuild_index", interactive=False, verbosity=0)
        pages = oscar_pages(products, args.products, args.categories)
    else:
        media = cartridge_setup(work)
        products = cartridge_seed(sample, media)
        pages = cartridge_pages(products, args.products, args.categories)
    manifest = []
    if True:
        os.makedirs(os.path.join(args.out, "html", shop), exist_ok=True)
        os.makedirs(os.path.join(args.out, "gold", shop), exist_ok=True)
        counts = {}
        for kind, url, raw in pages:
            text = gold_of(raw, GOLD[shop][kind])
            if text is None or len(WORD.findall(text)) < 30:
                print(f"  {shop}: {url}: no gold", file=sys.stderr)
                continue
            pid = f"{shop}-{kind[:4]}-{hashlib.sha1(url.encode()).hexdigest()[:10]}"
            html_path = f"html/{shop}/{pid}.html.gz"
            with open(os.path.join(args.out, html_path), "wb") as f:
                f.write(gzip.compress(raw, mtime=0))
            gold_path = f"gold/{shop}/{pid}.txt"
            with open(os.path.join(args.out, gold_path), "w", encoding="utf-8") as f:
                f.write(text + "\n")
            manifest.append({"id": pid, "dataset": f"{shop}-{kind}", "split": "fresh",
                             "url": "http://testserver" + url, "html_path": html_path,
                             "html_bytes": len(raw), "gold_path": gold_path, "gold_text": text,
                             "page_type": kind, "source": f"{shop}:{url}"})
            counts[kind] = counts.get(kind, 0) + 1
        print(f"  {shop}: {counts}", file=sys.stderr)
    with open(os.path.join(args.out, "manifest.jsonl"), "a", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


def datasets(manifest):
    seen = []
    for m in report.manifest_rows(manifest):
        if m["dataset"] not in seen:
            seen.append(m["dataset"])
    return [("dataset", d) for d in seen]


def table(args):
    return report.table(args, "fresh shop pages", datasets(args.manifest),
                        "per shop and page kind")


def worst(args):
    """Per shop and page kind, tamis's n worst pages (word F1) beside the peers' scores."""
    return report.worst(args, datasets(args.manifest), lambda m: m["html_path"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out")
    b.add_argument("--products", type=int, default=40)
    b.add_argument("--categories", type=int, default=20)
    b.add_argument("--shop", choices=["oscar", "cartridge"], default="oscar")
    report.add_report_commands(sub)
    args = ap.parse_args()
    return {"build": build, "table": table, "worst": worst}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
