#!/usr/bin/env python3
"""Fresh discussion-thread pages for the extraction bench, rendered by real issue-tracker software
(not classic forums): Trac (PyPI; SQLite; ticket pages with their comment history, served by its
own tracd on 127.0.0.1) and Roundup (PyPI; its `classic` (TAL) and `jinja2` (Bootstrap) trackers; issue pages
with their messages, rendered in process through its WSGI handler), seeded with the same offline text;
gold text from each template's own post elements.

  extraction_fresh_threads.py build OUT_DATA --work DIR   # html/<app>/<id>.html.gz, gold/, manifest.jsonl
  extraction_fresh_threads.py table MANIFEST OUT_DIR --scorer extraction_score.py
  extraction_fresh_threads.py worst MANIFEST OUT_DIR --scorer extraction_score.py [--n 5]

Content (deterministic, sorted inputs, fixed timestamps, no randomness): one thread per window of
consecutive entries of the Debian changelogs (/usr/share/doc/<pkg>/changelog.Debian.gz) of a
fixed list of packages every Debian system has: the thread opens with the package's Debian
description and its oldest entry of the window, written by that entry's maintainer at that
entry's date; each later entry is a reply by its own maintainer at its own date (its items as a
bullet list, its [ Name ] groups as paragraphs). Every page is scored as a `forum` page.

Gold follows WCXB's forum conventions as seen on its tuning pages: each post as its author's
name, its date as the page shows it, and its body; no thread title, no ticket property box
(status, priority, component, ...), no field-change lines, no reply/quote/edit buttons, no
navigation. The template selectors live in APPS below (the only place template markup
appears); tamis never sees them.

Needs the PyPI packages Trac and roundup (bench/extraction_fresh_threads.sh installs them in
the bench's venv) and lxml.
"""
import argparse
import datetime
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

# Packages of Debian's required/important set: present on every Debian system.
PACKAGES = ["bash", "coreutils", "debianutils", "diffutils", "findutils", "grep", "gzip",
            "hostname", "login", "mawk", "ncurses-base", "sed", "tar", "util-linux", "libc6",
            "base-files", "e2fsprogs", "procps", "dash", "perl-base"]
WINDOW = 6          # changelog entries per thread
PER_PACKAGE = 2     # threads per package
TRAC_PORT = 8095
ROUNDUP_PORT = 8096


def _cls(c):
    return f'contains(concat(" ",normalize-space(@class)," ")," {c} ")'


# app -> gold rules: `post` (one post), `parts` (xpaths relative to a post whose rendered text,
# in order, make the post's gold: author, date, body), `drop` (removed from a part first).
APPS = {
    # Trac 1.6: the ticket's description (reporter and opened date from the ticket box), then
    # each change of the history that carries a comment: its author, its date, its comment.
    "trac": dict(
        software="trac",
        first=dict(parts=['//div[@id="ticket"]//td[@headers="h_reporter"]',
                          '//div[@id="ticket"]//div[' + _cls("date") + ']/p[1]/a',
                          '//div[@id="ticket"]//div[' + _cls("description") + ']//div['
                          + _cls("searchable") + ']'], drop=[]),
        post='//div[@id="changelog"]/div[' + _cls("change") + '][.//div[' + _cls("comment") + ']]',
        parts=['.//h3[' + _cls("change") + ']//span[' + _cls("trac-author") + ']',
               './/h3[' + _cls("change") + ']//a[' + _cls("timeline") + ']',
               './/div[' + _cls("comment") + ']'],
        drop=[]),
    # Roundup 2.6, classic tracker: the messages table; each message's author, date, content.
    "roundup-classic": dict(
        software="roundup", template="classic",
        post='//table[' + _cls("messages") + ']//tr[th/a[starts-with(@href, "msg")]]',
        parts=['./th[2]', './th[3]', './following-sibling::tr[1]/td'],
        drop=[]),
    # jinja2 tracker: each message is a row of columns (view link, author, date, buttons) and
    # the message's own block after it.
    "roundup-jinja2": dict(
        software="roundup", template="jinja2",
        post='//div[' + _cls("row") + '][following-sibling::div[1]/*[' + _cls("msg") + ']]',
        parts=['./div[2]', './div[3]', './following-sibling::div[1]/*[' + _cls("msg") + ']'],
        drop=[]),
}

WORD = re.compile(r"\w+")
MIN_WORDS = 60


# ---------------------------------------------------------------- seed text

TRAILER = re.compile(r"^ -- (.+?) <[^>]*>\s+(\w{3}, +\d+ \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4})")
HEADER = re.compile(r"^(\S+) \(([^)]+)\) [^;]*;")


def changelog(pkg):
    """Entries of a Debian changelog, newest first: dict(version, author, date, groups) where
    groups are (name or None, [items])."""
    path = f"/usr/share/doc/{pkg}/changelog.Debian.gz"
    if not os.path.exists(path):
        return []
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    entries, cur = [], None
    for ln in lines:
        m = HEADER.match(ln)
        if m and not ln.startswith(" "):
            cur = dict(version=m.group(2), groups=[[None, []]])
            continue
        if cur is None:
            continue
        t = TRAILER.match(ln)
        if t:
            try:
                when = datetime.datetime.strptime(re.sub(" +", " ", t.group(2)),
                                                  "%a, %d %b %Y %H:%M:%S %z")
            except ValueError:
                cur = None
                continue
            cur["author"] = t.group(1).strip()
            cur["date"] = when.astimezone(datetime.timezone.utc)
            cur["groups"] = [(g, items) for g, items in cur["groups"] if items]
            if cur["groups"]:
                entries.append(cur)
            cur = None
            continue
        s = ln.strip()
        gm = re.match(r"^\[ (.+) \]$", s)
        if gm:
            cur["groups"].append([gm.group(1), []])
        elif re.match(r"^[*+-] ", s):
            cur["groups"][-1][1].append(s[2:].strip())
        elif s and cur["groups"][-1][1]:
            cur["groups"][-1][1][-1] += " " + s
    return entries


def description(pkg):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Description}", pkg], check=True,
                             capture_output=True, text=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None, []
    lines = out.split("\n")
    paras, cur = [], []
    for ln in lines[1:]:
        s = ln.strip()
        if s == ".":
            if cur:
                paras.append(" ".join(cur))
            cur = []
        elif s:
            cur.append(s)
    if cur:
        paras.append(" ".join(cur))
    return lines[0].strip(), paras


def seed_threads():
    threads = []
    for pkg in PACKAGES:
        short, paras = description(pkg)
        entries = changelog(pkg)
        if not short or len(entries) < WINDOW:
            continue
        for j in range(PER_PACKAGE):
            win = entries[j * WINDOW:(j + 1) * WINDOW]
            if len(win) < WINDOW:
                break
            win = sorted(win, key=lambda e: e["date"])     # oldest first
            first = win[0]
            title = f"{pkg} {first['version']}: {first['groups'][0][1][0][:70]}"
            posts = [dict(author=e["author"], date=e["date"], groups=e["groups"]) for e in win]
            posts[0]["intro"] = [f"{pkg}: {short}."] + paras
            threads.append(dict(pkg=pkg, title=title, posts=posts))
    return threads


def users(threads):
    names = sorted({p["author"] for t in threads for p in t["posts"]})
    out = {}
    for n in names:
        base = re.sub(r"[^a-z0-9]+", ".", n.lower().encode("ascii", "ignore").decode()).strip(".")
        base = base or "user"
        u, k = base, 1
        while u in out.values():
            k += 1
            u = f"{base}{k}"
        out[n] = u
    return out


def wiki_text(post):
    """Trac wiki markup of a post."""
    out = []
    for p in post.get("intro", []):
        out.append(p)
    for name, items in post["groups"]:
        if name:
            out.append(f"Changes by {name}:")
        out.append("\n".join(" * " + it for it in items))
    return "\n\n".join(out)


def plain_text(post):
    """Plain text of a post (Roundup messages)."""
    out = []
    for p in post.get("intro", []):
        out.append(p)
    for name, items in post["groups"]:
        if name:
            out.append(f"Changes by {name}:")
        out.append("\n".join("- " + it for it in items))
    return "\n\n".join(out)


# ---------------------------------------------------------------- servers

class Server:
    def __init__(self, argv, url, log):
        self.argv, self.url, self.log = argv, url, log

    def __enter__(self):
        self.logf = open(self.log, "w")
        self.proc = subprocess.Popen(self.argv, stdout=self.logf, stderr=subprocess.STDOUT)
        for _ in range(150):
            try:
                fetch(self.url)
                return self
            except Exception:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"{self.argv[0]} exited; see {self.log}")
                time.sleep(0.2)
        raise RuntimeError(f"{self.argv[0]} did not start; see {self.log}")

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.logf.close()
        return False


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read()


def run(argv):
    res = subprocess.run(argv, capture_output=True, text=True)
    if res.returncode:
        sys.stderr.write(res.stdout[-2000:] + res.stderr[-4000:])
        raise RuntimeError(f"{' '.join(argv[:3])} failed ({res.returncode})")
    return res.stdout


def bindir():
    return os.path.dirname(sys.executable)


# ---------------------------------------------------------------- trac

TRAC_SEED = r'''
import datetime, json, sys
from trac.env import Environment
from trac.ticket.model import Ticket
env = Environment(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    threads = json.load(f)
for t in threads:
    posts = t["posts"]
    when = datetime.datetime.fromisoformat(posts[0]["date"])
    tk = Ticket(env)
    tk["summary"] = t["title"]
    tk["reporter"] = posts[0]["user"]
    tk["description"] = posts[0]["wiki"]
    tk["component"] = "component1"
    tk["type"] = "defect"
    tk["status"] = "new"
    tk.insert(when=when)
    for k, p in enumerate(posts[1:]):
        when = datetime.datetime.fromisoformat(p["date"])
        if k == len(posts) - 2:
            tk["status"] = "closed"
            tk["resolution"] = "fixed"
        elif k == 0:
            tk["status"] = "accepted"
            tk["owner"] = p["user"]
        tk.save_changes(p["user"], p["wiki"], when=when)
print(len(threads))
'''


def trac_build(threads, work, umap):
    env = os.path.join(work, "trac-env")
    shutil.rmtree(env, ignore_errors=True)
    run([os.path.join(bindir(), "trac-admin"), env, "initenv", "Field Tracker",
                    "sqlite:db/trac.db"])
    for key, value in [("default_dateinfo_format", "absolute"), ("default_timezone", "UTC"),
                       ("default_language", "en_US"), ("default_date_format", "iso8601"),
                       ("show_full_names", "false")]:
        run([os.path.join(bindir(), "trac-admin"), env, "config", "set", "trac", key,
                        value])
    data = [dict(title=t["title"], posts=[dict(user=umap[p["author"]], date=p["date"].isoformat(),
                                               wiki=wiki_text(p)) for p in t["posts"]])
            for t in threads]
    spec = os.path.join(work, "trac-seed.json")
    with open(spec, "w", encoding="utf-8") as f:
        json.dump(data, f)
    script = os.path.join(work, "trac-seed.py")
    with open(script, "w") as f:
        f.write(TRAC_SEED)
    run([sys.executable, script, env, spec])
    return env


# ---------------------------------------------------------------- roundup

ROUNDUP_SEED = r'''
import datetime, json, sys
from roundup import instance, date
tr = instance.open(sys.argv[1])
db = tr.open("admin")
with open(sys.argv[2], encoding="utf-8") as f:
    spec = json.load(f)
ids = {}
for name, user in sorted(spec["users"].items()):
    ids[user] = db.user.create(username=user, realname=name, roles="User",
                               address=user + "@example.org")
for t in spec["threads"]:
    msgs = []
    for p in t["posts"]:
        d = date.Date(p["date"][:19].replace("T", "."))
        msgs.append(db.msg.create(content=p["text"], author=ids[p["user"]], date=d))
    props = dict(title=t["title"], messages=msgs, assignedto=ids[t["posts"][1]["user"]])
    for cls, name in (("status", "resolved"), ("priority", "bug")):
        try:
            props[cls] = db.getclass(cls).lookup(name)
        except KeyError:
            pass
    db.issue.create(**props)
db.commit()
db.close()
'''


def roundup_build(threads, work, umap, template):
    home = os.path.join(work, "roundup-" + template)
    shutil.rmtree(home, ignore_errors=True)
    adm = os.path.join(bindir(), "roundup-admin")
    run([adm, "-i", home, "install", template, "sqlite"])
    ini = os.path.join(home, "config.ini")
    with open(ini, encoding="utf-8") as f:
        conf = f.read()
    conf = re.sub(r"(?m)^#?web = .*$", f"web = http://127.0.0.1:{ROUNDUP_PORT}/{template}/", conf)
    conf = re.sub(r"(?m)^email = .*$", "email = tracker", conf)
    conf = re.sub(r"(?m)^#?domain = .*$", "domain = example.org", conf)
    conf = re.sub(r"(?m)^timezone = .*$", "timezone = UTC", conf)
    conf = re.sub(r"(?m)^name = Roundup issue tracker$", "name = Field Tracker", conf)
    with open(ini, "w", encoding="utf-8") as f:
        f.write(conf)
    # no mail: the nosy reactor would send each message to the nosy list
    nosy = os.path.join(home, "detectors", "nosyreaction.py")
    if os.path.exists(nosy):
        os.remove(nosy)
    run([adm, "-i", home, "initialise", "admin-pass"])
    spec = dict(users={n: u for n, u in umap.items()},
                threads=[dict(title=t["title"],
                              posts=[dict(user=umap[p["author"]], date=p["date"].isoformat(),
                                          text=plain_text(p)) for p in t["posts"]])
                         for t in threads])
    path = os.path.join(work, f"roundup-{template}-seed.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(spec, f)
    script = os.path.join(work, "roundup-seed.py")
    with open(script, "w") as f:
        f.write(ROUNDUP_SEED)
    run([sys.executable, script, home, path])
    return home


def roundup_page(home, template, path):
    """One page of a Roundup tracker through its WSGI handler, in process (roundup-server
    refuses to run as root, and the bench runs as root)."""
    from roundup.cgi.wsgi_handler import RequestDispatcher
    from wsgiref.util import setup_testing_defaults
    env = {}
    setup_testing_defaults(env)
    env.update(PATH_INFO=path, REQUEST_METHOD="GET", HTTP_HOST=f"127.0.0.1:{ROUNDUP_PORT}",
               SERVER_NAME="127.0.0.1", SERVER_PORT=str(ROUNDUP_PORT),
               SCRIPT_NAME="/" + template)
    status, parts = [], []

    def start(st, headers, exc_info=None):
        status.append(st)
        return parts.append

    body = b"".join(RequestDispatcher(home)(env, start))
    if not status or not status[0].startswith("200"):
        raise RuntimeError(f"roundup {template}{path}: {status}")
    # the issue's own creation time is the seeding run's clock (messages keep their seeded
    # dates), script nonces and form tokens are random: fixed so the pages are byte-stable
    raw = RUN_TIME.sub(rb"2025-06-01\g<1>12:00:00", body + b"".join(parts))
    raw = re.sub(rb'nonce="[^"]*"', b'nonce="0"', raw)
    return re.sub(rb'(name="@csrf"[^>]*?value=")[^"]*', rb"\g<1>0", raw)


_now = datetime.datetime.now(datetime.timezone.utc)
RUN_TIME = re.compile("(?:{})(\\.|&nbsp;)\\d\\d:\\d\\d:\\d\\d".format("|".join(
    (_now - datetime.timedelta(days=d)).strftime("%Y-%m-%d") for d in (0, 1))).encode())


# ---------------------------------------------------------------- gold

def post_text(post, parts, drop):
    out = []
    for xp in parts:
        els = post.xpath(xp)
        if not els:
            return None
        strip(els[0], drop)
        t = render(els[0])
        if t:
            out.append(t)
    return "\n".join(out[:-1]) + ("\n\n" if len(out) > 1 else "") + out[-1] if out else None


def gold_of(raw, rules):
    from lxml import html as lhtml
    doc = lhtml.fromstring(raw)
    posts = []
    if "first" in rules:
        t = post_text(doc, rules["first"]["parts"], rules["first"]["drop"])
        if t is None:
            return None
        posts.append(t)
    for p in doc.xpath(rules["post"]):
        t = post_text(p, rules["parts"], rules["drop"])
        if t:
            posts.append(t)
    return "\n\n".join(posts) if len(posts) > 1 else None


# ---------------------------------------------------------------- build

def save(args, manifest, app, url, raw, gold, software):
    pid = f"{app}-{hashlib.sha1(url.encode()).hexdigest()[:10]}"
    html_path = f"html/{app}/{pid}.html.gz"
    with open(os.path.join(args.out, html_path), "wb") as f:
        f.write(gzip.compress(raw, mtime=0))
    gold_path = f"gold/{app}/{pid}.txt"
    with open(os.path.join(args.out, gold_path), "w", encoding="utf-8") as f:
        f.write(gold + "\n")
    manifest.append({"id": pid, "dataset": app, "split": "fresh", "url": url,
                     "html_path": html_path, "html_bytes": len(raw), "gold_path": gold_path,
                     "gold_text": gold, "page_type": "forum",
                     "source": f"{software}:{app}:{url.split('/', 3)[-1]}"})


def build(args):
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.work, exist_ok=True)
    threads = seed_threads()
    umap = users(threads)
    print(f"  {len(threads)} threads, {len(umap)} authors", file=sys.stderr)
    manifest, report = [], {}

    def take(app, url, raw):
        os.makedirs(os.path.join(args.out, "html", app), exist_ok=True)
        os.makedirs(os.path.join(args.out, "gold", app), exist_ok=True)
        rules = APPS[app]
        gold = gold_of(raw, rules)
        n = report.setdefault(app, [0, 0])
        if gold is None or len(WORD.findall(gold)) < MIN_WORDS:
            n[1] += 1
            return
        save(args, manifest, app, url, raw, gold, rules["software"])
        n[0] += 1

    env = trac_build(threads, args.work, umap)
    base = f"http://127.0.0.1:{TRAC_PORT}"
    with Server([os.path.join(bindir(), "tracd"), "--hostname", "127.0.0.1", "--port",
                 str(TRAC_PORT), "-s", env], base + "/ticket/1",
                os.path.join(args.work, "tracd.log")):
        for k in range(1, len(threads) + 1):
            url = f"{base}/ticket/{k}"
            # the anonymous session's form token is random: fixed so the pages are byte-stable
            raw = re.sub(rb'(form_token="|name="__FORM_TOKEN" value=")[0-9a-f]+', rb"\g<1>0", fetch(url))
            take("trac", url, raw)
    for app, rules in APPS.items():
        if rules["software"] != "roundup":
            continue
        tpl = rules["template"]
        home = roundup_build(threads, args.work, umap, tpl)
        base = f"http://127.0.0.1:{ROUNDUP_PORT}/{tpl}"
        for k in range(1, len(threads) + 1):
            take(app, f"{base}/issue{k}", roundup_page(home, tpl, f"/issue{k}"))
    for app, (n, skipped) in report.items():
        print(f"  {app}: {n}; skipped {skipped}", file=sys.stderr)
    with open(os.path.join(args.out, "manifest.jsonl"), "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


# ---------------------------------------------------------------- report

SHORT = {"roundup-classic": "rnd-cls", "roundup-jinja2": "rnd-jin2"}


def table(args):
    return report.table(args, "fresh thread pages (issue trackers)",
                        [("dataset", a) for a in APPS],
                        "per app (Trac ticket pages, Roundup classic and jinja2 issue pages)",
                        SHORT)


def worst(args):
    """Per app, tamis's n worst pages (word F1) beside the peers' scores."""
    return report.worst(args, [("dataset", a) for a in APPS], lambda m: m["source"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out")
    b.add_argument("--work", required=True, help="scratch dir for the trackers' databases")
    report.add_report_commands(sub)
    args = ap.parse_args()
    return {"build": build, "table": table, "worst": worst}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
