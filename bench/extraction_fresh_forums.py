#!/usr/bin/env python3
"""Fresh forum pages for the extraction bench: thread pages rendered by real forum software
installed from PyPI (Spirit, django-machina and Askbot, all on Django with SQLite), seeded with
deterministic posts, gold text taken from each app's own post template.

  extraction_fresh_forums.py build OUT_DATA [--threads 30]   # (run in the forums venv)
  extraction_fresh_forums.py table MANIFEST OUT_DIR --scorer extraction_score.py
  extraction_fresh_forums.py worst MANIFEST OUT_DIR --scorer extraction_score.py [--n 5]

`build` writes html/<app>/<id>.html.gz, gold/<app>/<id>.txt and manifest.jsonl (the same shape
as extraction_fresh.py). Each app runs in its own subprocess (`render APP ...`): a fresh SQLite
database in OUT_DATA/../work/<app>, migrations, the seed below, then every thread page fetched
with Django's test client as an anonymous visitor.

Seed (fixed random seed, sorted sources, nothing from the dev pages): post text comes from
the docstrings and source of Python standard-library modules (inspect.getdoc /
inspect.getsource), cut into paragraphs; posts are one-line replies, multi-paragraph posts,
quotes of an earlier post, posts with a code block and posts with a list, written in Markdown
and rendered by the app's own Markdown renderer. Dates are fixed in the past so that relative
date filters print absolute dates.

The pages are the same on every build (fixed seed, CSRF token, secret key and `{% now %}`
clock), but for one hidden script template of Askbot's that stamps the build time.

Gold follows what the WCXB forum gold keeps on thread pages (read on tuning pages): per post
the poster's name, the post's date line and the post body, in page order; no thread title,
no avatars, post counts, buttons, breadcrumbs or reply forms. The template elements holding
those parts are in APPS below (the only place app markup appears); tamis never sees them.
"""
import argparse
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extraction_fresh_report as report  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

# app -> gold rule: `post` the XPath of the posts (and of any heading between them the gold
# keeps), in page order; `parts` XPaths (relative to each) of the parts kept, in order; `drop`
# XPaths removed inside them first. cls(x): the class attribute holds the token x.
def cls(x):
    return f'contains(concat(" ", normalize-space(@class), " "), " {x} ")'


APPS = {
    # Spirit (django-spirit): comments_list__comment; nickname, date line, comment text.
    "spirit": dict(
        post=f'//div[{cls("comments_list__comment")}]',
        parts=[f'.//a[{cls("comment__info__username__link")}]',
               f'.//ul[{cls("comment__info__date")}]',
               f'.//div[{cls("comment__text")}]'],
        drop=[]),
    # django-machina: card.post; the post subject (without its pilcrow link), the
    # "By: user on date" line and post-content (the sidebar repeats the name: not kept twice).
    "machina": dict(
        post=f'//div[{cls("post")} and {cls("card")}]',
        parts=[f'.//h4[{cls("subject")}]',
               f'.//div[{cls("post-content-wrapper")}]/p[small]',
               f'.//div[{cls("post-content")}]'],
        drop=['.//a[text()="\u00b6"]']),
    # Askbot (a question-and-answer forum): the gold of Q&A thread pages on WCXB keeps the
    # question body, the "N Answers" heading and the answer bodies (no names or dates).
    "askbot": dict(
        post=f'//div[{cls("js-question")} or {cls("js-answer")}]'
             f' | //div[{cls("answers-header")}]/h2',
        parts=['self::h2',
               f'.//div[{cls("post-body")}]//div[{cls("js-editable-content")}]'],
        drop=[]),
}

USERS = ["marta_k", "owlbear", "j.okafor", "pkrause", "linden", "tessellate", "ravi.n",
         "quietstorm", "hbergström", "dunmore", "nadia_v", "old_pete", "kestrel", "mjolnir77"]
CATEGORIES = [("General discussion", "Anything that does not fit elsewhere."),
              ("Help and support", "Ask the community for help."),
              ("Projects and showcases", "Show what you built.")]
SHORT = ["Thanks, that fixed it for me.", "Same problem here, following.",
         "Did you ever find a solution?", "+1, this would be very useful.",
         "Works fine on my machine with the default settings.", "Marking this as solved.",
         "Could you post the full error message?", "Great write-up, thank you!",
         "I had the same issue after upgrading.", "Bump. Still seeing this."]
MODULES = ["argparse", "base64", "bisect", "calendar", "collections", "configparser", "csv",
           "datetime", "decimal", "difflib", "email.message", "fnmatch", "fractions", "ftplib",
           "functools", "getopt", "gettext", "glob", "gzip", "heapq", "hmac", "html.parser",
           "http.client", "imaplib", "inspect", "ipaddress", "json", "locale", "logging",
           "mailbox", "netrc", "optparse", "pathlib", "pickle", "pprint", "queue", "random",
           "shlex", "shutil", "smtplib", "socketserver", "statistics", "string", "tarfile",
           "tempfile", "textwrap", "threading", "timeit", "tokenize", "unittest.case",
           "urllib.parse", "uuid", "warnings", "wave", "zipfile"]


# ---------------------------------------------------------------------------------------------
# seed text

def text_pool():
    """(prose paragraphs, code snippets, titles) from the standard library, sorted."""
    import importlib
    import inspect
    prose, code, titles = [], [], []
    for name in MODULES:
        mod = importlib.import_module(name)
        objs = [mod] + [getattr(mod, a) for a in sorted(vars(mod)) if not a.startswith("_")]
        for obj in objs:
            if getattr(obj, "__module__", name) != name and obj is not mod:
                continue
            doc = inspect.getdoc(obj) if (inspect.isfunction(obj) or inspect.isclass(obj)
                                          or obj is mod) else None
            if not doc:
                continue
            first = sentences(" ".join(doc.split("\n\n", 1)[0].split()))[0].rstrip(".")
            if 4 <= len(first.split()) <= 12 and obj is not mod and not first.startswith(">>>"):
                titles.append(first)
            for para in re.split(r"\n\s*\n", doc):
                lines = [ln.strip() for ln in para.splitlines()]
                if any(ln.startswith((">>>", "...", "|", "+", "-", "*", ":")) for ln in lines):
                    continue
                text = " ".join(lines)
                if len(text.split()) >= 8 and re.match(r"[A-Z]", text) and text[-1] in ".:)":
                    prose.append(text.rstrip(":") + ("." if text.endswith(":") else ""))
            if inspect.isfunction(obj):
                try:
                    src = inspect.getsource(obj)
                except (OSError, TypeError):
                    continue
                n = src.count("\n")
                if 4 <= n <= 16 and '"""' not in src and "'''" not in src:
                    code.append(src.rstrip())
    return prose, code, titles


def sentences(para):
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para) if s]


def make_post(rng, pool, earlier):
    """One post's Markdown source (a thread's first post is never a one-line reply)."""
    prose, code, _ = pool
    kind = rng.choices(["short", "long", "quote", "code", "list", "mid"],
                       weights=[3 if earlier else 0, 3, 2, 2, 2, 3])[0]
    if kind == "short":
        return rng.choice(SHORT) if rng.random() < 0.5 else sentences(rng.choice(prose))[0]
    if kind == "mid":
        return rng.choice(prose)
    if kind == "long":
        return "\n\n".join(rng.choice(prose) for _ in range(rng.randint(2, 5)))
    if kind == "quote" and earlier:
        q = sentences(rng.choice(earlier).split("\n\n")[0])[0]
        if q.startswith((">", "    ", "- ")):
            q = rng.choice(prose)
        body = "\n\n".join(rng.choice(prose) for _ in range(rng.randint(1, 2)))
        return f"> {q}\n\n{body}"
    if kind == "code":
        snippet = "\n".join("    " + ln for ln in rng.choice(code).splitlines())
        out = f"{rng.choice(prose)}\n\n{snippet}"
        if rng.random() < 0.5:
            out += "\n\n" + rng.choice(SHORT)
        return out
    # list (and a quote with nothing to quote yet)
    items = [sentences(rng.choice(prose))[0] for _ in range(rng.randint(3, 6))]
    out = sentences(rng.choice(prose))[0] + "\n\n" + "\n".join("- " + i for i in items)
    if rng.random() < 0.5:
        out += "\n\n" + rng.choice(prose)
    return out


def seed_plan(n_threads, seed):
    """[(category index, title, [(user, Markdown, datetime), ...]), ...], deterministic."""
    import datetime
    rng = random.Random(seed)
    pool = text_pool()
    titles = sorted(set(pool[2]))
    rng.shuffle(titles)
    plan = []
    start = datetime.datetime(2021, 3, 1, 9, 0, tzinfo=datetime.timezone.utc)
    for t in range(n_threads):
        n = rng.choice([1, 2, 2, 3, 4, 5, 6, 8, 10, 12])
        when = start + datetime.timedelta(days=7 * t, minutes=rng.randint(0, 600))
        posts, earlier = [], []
        for _ in range(n):
            md = make_post(rng, pool, earlier)
            posts.append((rng.choice(USERS), md, when))
            earlier.append(md)
            when += datetime.timedelta(minutes=rng.randint(5, 3000))
        title = titles[t % len(titles)]
        if rng.random() < 0.3:
            title = title + "?" if rng.random() < 0.5 else "Question: " + title.lower()
        plan.append((t % len(CATEGORIES), title, posts))
    return plan


# ---------------------------------------------------------------------------------------------
# apps (run inside the forums venv, one app per process)

def django_base(work, extra_apps, **kw):
    from django.conf import settings
    settings.configure(
        DEBUG=False, SECRET_KEY="bench", ALLOWED_HOSTS=["testserver"], USE_TZ=True,
        TIME_ZONE="UTC", LANGUAGE_CODE="en", USE_I18N=True,
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                               "NAME": os.path.join(work, "db.sqlite3")}},
        INSTALLED_APPS=["django.contrib.admin", "django.contrib.auth",
                        "django.contrib.contenttypes", "django.contrib.sessions",
                        "django.contrib.messages", "django.contrib.staticfiles",
                        "django.contrib.humanize"] + extra_apps,
        STATIC_URL="/static/", MEDIA_URL="/media/", MEDIA_ROOT=os.path.join(work, "media"),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        LOGGING_CONFIG=None, **kw)
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0, interactive=False)
    fixed_csrf()


def users_of(plan):
    from django.contrib.auth import get_user_model
    User = get_user_model()
    names = sorted({u for _, _, posts in plan for u, _, _ in posts})
    out = {}
    for i, name in enumerate(names):
        out[name] = User.objects.create_user(username=name, email=f"u{i}@example.org",
                                             password="x")
    return out


def spirit_setup(work, plan):
    ctx = ["django.contrib.auth.context_processors.auth",
           "django.template.context_processors.i18n",
           "django.template.context_processors.media",
           "django.template.context_processors.static",
           "django.template.context_processors.tz",
           "django.template.context_processors.request",
           "django.contrib.messages.context_processors.messages",
           "djconfig.context_processors.config"]
    mods = ["spirit.core", "spirit.admin", "spirit.search", "spirit.user", "spirit.user.admin",
            "spirit.user.auth", "spirit.category", "spirit.category.admin", "spirit.topic",
            "spirit.topic.admin", "spirit.topic.favorite", "spirit.topic.moderate",
            "spirit.topic.notification", "spirit.topic.private", "spirit.topic.unread",
            "spirit.comment", "spirit.comment.bookmark", "spirit.comment.flag",
            "spirit.comment.flag.admin", "spirit.comment.history", "spirit.comment.like",
            "spirit.comment.poll", "djconfig", "haystack"]
    with open(os.path.join(work, "bench_urls.py"), "w") as f:
        f.write("from django.urls import include, path\nimport spirit.urls\n"
                "urlpatterns = [path('', include(spirit.urls))]\n")
    sys.path.insert(0, work)
    django_base(
        work, mods, ROOT_URLCONF="bench_urls",
        MIDDLEWARE=["django.contrib.sessions.middleware.SessionMiddleware",
                    "django.middleware.locale.LocaleMiddleware",
                    "django.middleware.common.CommonMiddleware",
                    "django.middleware.csrf.CsrfViewMiddleware",
                    "django.contrib.auth.middleware.AuthenticationMiddleware",
                    "django.contrib.messages.middleware.MessageMiddleware",
                    "spirit.user.middleware.TimezoneMiddleware",
                    "spirit.core.middleware.PrivateForumMiddleware",
                    "djconfig.middleware.DjConfigMiddleware"],
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates",
                    "APP_DIRS": True, "OPTIONS": {"context_processors": ctx}}],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
                "st_rate_limit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                  "LOCATION": "rl"}},
        HAYSTACK_CONNECTIONS={"default": {
            "ENGINE": "haystack.backends.simple_backend.SimpleEngine"}},
        LOGIN_URL="spirit:user:auth:login", ST_TASK_MANAGER=None, ST_SITE_URL="http://testserver/")
    from spirit.category.models import Category
    from spirit.comment.models import Comment
    from spirit.core.utils.markdown import Markdown
    from spirit.topic.models import Topic
    users = users_of(plan)
    cats = [Category.objects.create(title=t, description=d, slug=re.sub(r"\W+", "-", t.lower()))
            for t, d in CATEGORIES]
    urls = []
    for ci, title, posts in plan:
        user0, _, when0 = posts[0]
        topic = Topic.objects.create(user=users[user0], category=cats[ci], title=title,
                                     date=when0, last_active=posts[-1][2],
                                     comment_count=len(posts))
        for user, md, when in posts:
            Comment.objects.create(user=users[user], topic=topic, comment=md,
                                   comment_html=Markdown().render(md), date=when)
        urls.append(topic.get_absolute_url())
    return urls


def machina_setup(work, plan):
    from machina import MACHINA_MAIN_TEMPLATE_DIR
    mods = ["mptt", "haystack", "widget_tweaks", "machina", "machina.apps.forum",
            "machina.apps.forum_conversation", "machina.apps.forum_conversation.forum_attachments",
            "machina.apps.forum_conversation.forum_polls", "machina.apps.forum_feeds",
            "machina.apps.forum_moderation", "machina.apps.forum_search",
            "machina.apps.forum_tracking", "machina.apps.forum_member",
            "machina.apps.forum_permission"]
    with open(os.path.join(work, "bench_urls.py"), "w") as f:
        f.write("from django.urls import include, path\n"
                "urlpatterns = [path('forum/', include('machina.urls'))]\n")
    sys.path.insert(0, work)
    django_base(
        work, mods, ROOT_URLCONF="bench_urls", SITE_ID=1,
        MIDDLEWARE=["django.contrib.sessions.middleware.SessionMiddleware",
                    "django.middleware.common.CommonMiddleware",
                    "django.middleware.csrf.CsrfViewMiddleware",
                    "django.contrib.auth.middleware.AuthenticationMiddleware",
                    "django.contrib.messages.middleware.MessageMiddleware",
                    "machina.apps.forum_permission.middleware.ForumPermissionMiddleware"],
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates",
                    "DIRS": [MACHINA_MAIN_TEMPLATE_DIR], "APP_DIRS": True,
                    "OPTIONS": {"context_processors": [
                        "django.contrib.auth.context_processors.auth",
                        "django.template.context_processors.request",
                        "django.template.context_processors.static",
                        "django.contrib.messages.context_processors.messages",
                        "machina.core.context_processors.metadata"]}}],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
                "machina_attachments": {
                    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                    "LOCATION": os.path.join(work, "cache")}},
        HAYSTACK_CONNECTIONS={"default": {
            "ENGINE": "haystack.backends.simple_backend.SimpleEngine"}},
        MACHINA_FORUM_NAME="Community board")
    from django.utils.text import slugify
    from machina.apps.forum.models import Forum
    from machina.apps.forum_conversation.models import Post, Topic
    from machina.apps.forum_permission.models import ForumPermission, UserForumPermission
    for code in ("can_see_forum", "can_read_forum"):
        UserForumPermission.objects.create(
            permission=ForumPermission.objects.get(codename=code), has_perm=True,
            anonymous_user=True, forum=None)
    users = users_of(plan)
    forums = [Forum.objects.create(name=t, description=d, slug=slugify(t), type=Forum.FORUM_POST)
              for t, d in CATEGORIES]
    urls = []
    for ci, title, posts in plan:
        forum = forums[ci]
        topic = Topic.objects.create(forum=forum, poster=users[posts[0][0]], subject=title,
                                     slug=slugify(title)[:200], type=Topic.TOPIC_POST,
                                     status=Topic.TOPIC_UNLOCKED, approved=True)
        for i, (user, md, when) in enumerate(posts):
            p = Post.objects.create(topic=topic, poster=users[user], approved=True,
                                    subject=title if i == 0 else "Re: " + title, content=md)
            Post.objects.filter(pk=p.pk).update(created=when, updated=when)
        Topic.objects.filter(pk=topic.pk).update(created=posts[0][2], last_post_on=posts[-1][2])
        urls.append(f"/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/")
    return urls


def askbot_setup(work, plan):
    # the project askbot-setup writes (settings.py, urls.py), on SQLite
    proj = os.path.join(work, "qa")
    subprocess.run([os.path.join(os.path.dirname(sys.executable), "askbot-setup"), "-r", proj,
                    "--proj-name", "askbench", "--db-engine", "sqlite", "--db-name",
                    os.path.join(work, "db.sqlite3"), "--noinput", "--force", "--admin-name",
                    "admin", "--admin-email", "admin@example.org", "--domain-name",
                    "example.org"], check=True, stdout=subprocess.DEVNULL)
    # askbot-setup writes a random secret key, which signs the sign-in links of every page
    conf = os.path.join(proj, "askbench", "settings.py")
    with open(conf, encoding="utf-8") as f:
        text = re.sub(r"(?m)^SECRET_KEY = .*$", 'SECRET_KEY = "bench"', f.read())
    with open(conf, "w", encoding="utf-8") as f:
        f.write(text)
    sys.path.insert(0, proj)
    os.environ["DJANGO_SETTINGS_MODULE"] = "askbench.settings"
    import django
    from django.conf import settings
    django.setup()
    settings.ALLOWED_HOSTS.append("testserver")
    from django.core.management import call_command
    call_command("migrate", verbosity=0, interactive=False)
    fixed_csrf()
    users = users_of(plan)
    tags = ["python", "parsing", "files", "networking", "testing", "text", "email", "dates"]
    urls = []
    for i, (_, title, posts) in enumerate(plan):
        user0, md0, when0 = posts[0]
        q = users[user0].post_question(title=title, body_text=md0, timestamp=when0,
                                       tags=" ".join(sorted({tags[i % 8], tags[(i * 3 + 1) % 8]})))
        answered = set()
        for user, md, when in posts[1:]:
            if user not in answered:  # Askbot takes one answer per user and question
                answered.add(user)
                users[user].post_answer(question=q, body_text=md, timestamp=when)
        urls.append(q.get_absolute_url())
    return urls


def fixed_csrf():
    """A fixed CSRF token and a fixed clock for `{% now %}` (a page's build stamp), so that
    the pages are the same on every build."""
    import datetime
    import django.template.backends.utils as bu
    import django.template.context_processors as cp
    import django.template.defaulttags as dt
    cp.get_token = bu.get_token = lambda request: "0" * 64

    class Fixed(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.datetime(2026, 1, 1, 12, 0, tzinfo=tz or datetime.timezone.utc)

    dt.datetime = Fixed


SETUP = {"spirit": spirit_setup, "machina": machina_setup, "askbot": askbot_setup}


def render_app(args):
    sys.path.insert(0, HERE)
    from extraction_fresh import render
    from lxml import html as lhtml
    app, rule = args.app, APPS[args.app]
    work = os.path.join(args.work, app)
    os.makedirs(work, exist_ok=True)
    for f in ("db.sqlite3",):
        if os.path.exists(os.path.join(work, f)):
            os.remove(os.path.join(work, f))
    plan = seed_plan(args.threads, seed=sum(map(ord, app)))
    urls = SETUP[app](work, plan)
    from django.test import Client
    client = Client()
    os.makedirs(os.path.join(args.out, "html", app), exist_ok=True)
    os.makedirs(os.path.join(args.out, "gold", app), exist_ok=True)
    rows, skips = [], {}
    for url in urls:
        resp = client.get(url, follow=True)
        if resp.status_code != 200:
            skips[resp.status_code] = skips.get(resp.status_code, 0) + 1
            continue
        raw = resp.content
        doc = lhtml.fromstring(raw)
        posts = doc.xpath(rule["post"])
        chunks = []
        for post in posts:
            for xp in rule["drop"]:
                for el in post.xpath(xp):
                    el.drop_tree()
            for xp in rule["parts"]:
                for el in post.xpath(xp)[:1]:
                    t = render(el)
                    if t:
                        chunks.append(t)
        if not chunks:
            skips["no posts"] = skips.get("no posts", 0) + 1
            continue
        text = "\n\n".join(chunks)
        pid = f"{app}-{hashlib.sha1(url.encode()).hexdigest()[:12]}"
        html_path = f"html/{app}/{pid}.html.gz"
        with open(os.path.join(args.out, html_path), "wb") as f:
            f.write(gzip.compress(raw, mtime=0))
        gold_path = f"gold/{app}/{pid}.txt"
        with open(os.path.join(args.out, gold_path), "w", encoding="utf-8") as f:
            f.write(text + "\n")
        rows.append({"id": pid, "dataset": app, "split": "fresh", "url": "http://testserver" + url,
                     "html_path": html_path, "html_bytes": len(raw), "gold_path": gold_path,
                     "gold_text": text, "page_type": "forum", "source": f"pypi:{app}",
                     "posts": len(posts)})
    with open(os.path.join(args.out, f"manifest.{app}.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"  {app}: {len(rows)} thread pages, {sum(r['posts'] for r in rows)} posts; "
          f"skipped {skips}", file=sys.stderr)
    return 0


def build(args):
    os.makedirs(args.out, exist_ok=True)
    work = os.path.join(os.path.dirname(os.path.abspath(args.out)), "work")
    rows = []
    for app in APPS:
        res = subprocess.run([sys.executable, os.path.abspath(__file__), "render", app, args.out,
                              "--work", work, "--threads", str(args.threads)],
                             stdout=subprocess.DEVNULL)
        part = os.path.join(args.out, f"manifest.{app}.jsonl")
        if res.returncode != 0 or not os.path.exists(part):
            print(f"  {app}: failed (exit {res.returncode}): skipped", file=sys.stderr)
            continue
        with open(part, encoding="utf-8") as f:
            rows += f.readlines()
        os.remove(part)
    with open(os.path.join(args.out, "manifest.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(rows)
    return 0 if rows else 1


# ---------------------------------------------------------------------------------------------
# scoring (system python)

def table(args):
    return report.table(args, "fresh forum thread pages", [("dataset", a) for a in APPS],
                        "per app")


def worst(args):
    """Per app, tamis's n worst pages (word F1) beside the peers' scores."""
    return report.worst(args, [("dataset", a) for a in APPS], lambda m: "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out")
    b.add_argument("--threads", type=int, default=30)
    r = sub.add_parser("render")
    r.add_argument("app", choices=sorted(APPS))
    r.add_argument("out")
    r.add_argument("--work", required=True)
    r.add_argument("--threads", type=int, default=30)
    report.add_report_commands(sub)
    args = ap.parse_args()
    return {"build": build, "render": render_app, "table": table, "worst": worst}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
