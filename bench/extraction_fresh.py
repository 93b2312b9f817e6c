#!/usr/bin/env python3
"""Fresh documentation pages for the extraction bench: builds a data dir from installed
Debian documentation packages, with gold text taken from each generator's own template.

  extraction_fresh.py build OUT_DATA [--per-gen 50]    # html/<gen>/<id>.html.gz, gold/, manifest.jsonl
  extraction_fresh.py table MANIFEST OUT_DIR --scorer extraction_score.py
  extraction_fresh.py worst MANIFEST OUT_DIR --scorer extraction_score.py [--n 5]

The gold rule of each generator lives in GENERATORS below (the only place generator names or
their markup appear): `root` is the XPath of the element holding the page's main content by
the generator's own template, `drop` the in-content navigation removed from it (permalink
anchors, previous/next bars, chapter TOCs, source links). Pages are sampled deterministically
(sorted paths, every k-th, taking the next usable page when one is skipped). Skipped: files over
2 MB, non-UTF-8 files, pages from another generator, redirect stubs, gold under 50 words and pure index/TOC
pages (more than half the gold words inside links). Needs lxml (the peers' venv has it).
tamis never sees these selectors: it gets the raw page only.
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extraction_fresh_report as report  # noqa: E402

# generator -> (Debian package, directory, path filter regex, generator check on the raw
# HTML, gold root XPath, XPaths of in-content navigation dropped from the root, XPaths of
# inline tags that the generator's CSS displays as blocks)
GENERATORS = {
    # Sphinx (Python 3.11 docs): div.body[role=main]; drop the ¶ permalinks and the toctree
    # (the list of a chapter's pages).
    "sphinx": dict(
        pkg="python3.11-doc", dir="/usr/share/doc/python3.11/html",
        path=r"^(?!.*(genindex[^/]*|search|py-modindex|contents|index)\.html$)(?!_).*\.html$",
        check=r"Docutils|Sphinx", root='//div[@role="main"]',
        drop=['.//a[@class="headerlink"]', './/div[contains(@class,"toctree-wrapper")]']),
    # Javadoc 17 (OpenJDK API): <main role=main>; only class/interface pages (capitalised file
    # names); drop the method-table tab buttons.
    "javadoc": dict(
        pkg="openjdk-17-doc", dir="/usr/share/doc/openjdk-17-jre-headless/api",
        path=r"^(?!.*class-use/)(.*/)?[A-Z][^/]*\.html$",
        check=r"javadoc", root='//main[@role="main"]',
        drop=['.//div[contains(@class,"table-tabs")]']),
    # DocBook XSL (PostgreSQL 15): the whole <body> minus the Prev/Up/Next bars and the
    # section TOC.
    "docbook": dict(
        pkg="postgresql-doc-15", dir="/usr/share/doc/postgresql-doc-15/html",
        path=r"^(?!(index|bookindex)\.html$).*\.html$",
        check=r"DocBook XSL", root="//body",
        drop=['.//div[@class="navheader"]', './/div[@class="navfooter"]',
              './/div[@class="toc"]']),
    # AsciiDoc (git manual pages and guides): the whole <body> minus the "Last updated" footer
    # and the (script-filled) TOC.
    "asciidoc": dict(
        pkg="git-doc", dir="/usr/share/doc/git-doc",
        path=r"^(?!.*index\.html$).*\.html$",
        check=r'name="generator" content="AsciiDoc', root="//body",
        drop=['.//div[@id="footer"]', './/div[@id="toc"]']),
    # rustdoc (crate docs shipped with cargo): section#main-content minus the source links,
    # version markers, § anchors, collapse toggles and buttons; no source-view pages; struct
    # field spans are blocks.
    "rustdoc": dict(
        pkg="cargo-doc", dir="/usr/share/doc/cargo/doc",
        path=r"^(?!src/)(?!.*(all|index)\.html$).*\.html$",
        check=r'class="rustdoc', root='//section[@id="main-content"]',
        drop=['.//span[@class="out-of-band"]', './/span[@class="rightside"]',
              './/a[@class="anchor"]', './/summary[contains(@class,"hideme")]',
              './/button'],
        blocks=['.//span[contains(@class,"structfield")]']),
    # makeinfo (texinfo 6.8 HTML of the Octave manual): the <body> minus the Next/Up header
    # bars, their rules, the section menus and the ¶ anchors.
    "makeinfo": dict(
        pkg="octave-doc", dir="/usr/share/doc/octave/octave.html",
        path=r"^(?!(index|.*-Index)\.html$).*\.html$",
        check=r"makeinfo|texi2any", root="//body",
        drop=['.//div[@class="header"]', './/hr', './/ul[@class="section-toc"]',
              './/a[@class="copiable-anchor"]']),
}

MAX_BYTES = 2_000_000
MIN_WORDS = 50
MAX_LINK_SHARE = 0.5
WORD = re.compile(r"\w+")

BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "thead", "tfoot", "tr", "ul",
}
CELL = {"td", "th"}
INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}


def render(el):
    """Visible text of an lxml element: blocks separated by blank lines, table cells by tabs,
    <pre> kept verbatim."""
    out = []

    def walk(node, pre):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in INVISIBLE or node.get("hidden") is not None \
                or re.search(r"display\s*:\s*none", node.get("style") or ""):
            return
        if tag == "br":
            out.append("\n")
        elif tag in BLOCK:
            out.append("\n\n")
        elif tag in CELL:
            out.append("\t")
        if tag and node.text:
            out.append(node.text if pre or tag == "pre" else re.sub(r"\s+", " ", node.text))
        for child in node:
            walk(child, pre or tag == "pre")
            if child.tail:
                out.append(child.tail if pre or tag == "pre" else re.sub(r"\s+", " ", child.tail))
        if tag in BLOCK:
            out.append("\n\n")

    walk(el, False)
    text = "".join(out)
    lines = [ln.strip(" \t") if not ln.startswith(" ") else ln.rstrip() for ln in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def strip(root, xpaths):
    """Removes the elements each XPath finds under `root`, keeping the text that follows
    each (its tail)."""
    for xp in xpaths:
        for el in root.xpath(xp):
            parent = el.getparent()
            if parent is None:
                continue
            if el.tail:
                prev = el.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + el.tail
                else:
                    parent.text = (parent.text or "") + el.tail
            parent.remove(el)


def gold_of(raw, rule):
    """(gold text, link word share) of one page, or None when the template root is missing."""
    from lxml import html as lhtml
    doc = lhtml.fromstring(raw)
    roots = doc.xpath(rule["root"])
    if not roots:
        return None
    root = roots[0]
    strip(root, rule["drop"])
    for xp in rule.get("blocks", []):  # inline tags the generator's CSS shows as blocks
        for el in root.xpath(xp):
            el.tag = "div"
    text = render(root)
    words = len(WORD.findall(text))
    link_words = sum(len(WORD.findall(a.text_content())) for a in root.iter("a"))
    return text, (link_words / words if words else 1.0)


def candidates(rule):
    base = rule["dir"]
    pat = re.compile(rule["path"])
    out = []
    for d, _, files in os.walk(base, followlinks=True):
        for f in files:
            rel = os.path.relpath(os.path.join(d, f), base)
            if pat.search(rel) and of_generator(os.path.join(d, f), rule):
                out.append(rel)
    return sorted(out)


def of_generator(path, rule):
    """The page comes from the rule's generator and is no redirect stub (cheap head check)."""
    with open(path, "rb") as f:
        head = f.read(20000).decode("utf-8", errors="replace")
    return bool(re.search(rule["check"], head)) \
        and not re.search(r"http-equiv=\"?refresh", head, re.IGNORECASE)


def usable(path, rule):
    if os.path.getsize(path) > MAX_BYTES:
        return None, "big"
    with open(path, "rb") as f:
        raw = f.read()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not utf-8"
    g = gold_of(raw, rule)
    if g is None:
        return None, "no root"
    text, link_share = g
    if len(WORD.findall(text)) < MIN_WORDS:
        return None, "short"
    if link_share > MAX_LINK_SHARE:
        return None, "toc"
    return (raw, text), None


def build(args):
    os.makedirs(args.out, exist_ok=True)
    manifest = []
    for gen, rule in GENERATORS.items():
        if not os.path.isdir(rule["dir"]):
            print(f"  {gen}: {rule['dir']} missing (package {rule['pkg']}): skipped",
                  file=sys.stderr)
            continue
        cands = candidates(rule)
        step = max(1, len(cands) // args.per_gen)
        picked, skips = [], {}
        for start in range(0, len(cands), step):
            for rel in cands[start:start + step]:
                got, why = usable(os.path.join(rule["dir"], rel), rule)
                if got:
                    picked.append((rel, got))
                    break
                skips[why] = skips.get(why, 0) + 1
            if len(picked) >= args.per_gen:
                break
        os.makedirs(os.path.join(args.out, "html", gen), exist_ok=True)
        os.makedirs(os.path.join(args.out, "gold", gen), exist_ok=True)
        for rel, (raw, text) in picked:
            src = os.path.join(rule["dir"], rel)
            pid = f"{gen}-{hashlib.sha1(src.encode()).hexdigest()[:12]}"
            html_path = f"html/{gen}/{pid}.html.gz"
            with open(os.path.join(args.out, html_path), "wb") as f:
                f.write(gzip.compress(raw, mtime=0))
            gold_path = f"gold/{gen}/{pid}.txt"
            with open(os.path.join(args.out, gold_path), "w", encoding="utf-8") as f:
                f.write(text + "\n")
            manifest.append({"id": pid, "dataset": gen, "split": "fresh", "url": "file://" + src,
                             "html_path": html_path, "html_bytes": len(raw),
                             "gold_path": gold_path, "gold_text": text,
                             "page_type": "documentation",
                             "source": f"debian:{rule['pkg']}:{src}"})
        print(f"  {gen}: {len(picked)} pages of {len(cands)} candidates ({rule['pkg']}); "
              f"skipped {skips}", file=sys.stderr)
    with open(os.path.join(args.out, "manifest.jsonl"), "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    return 0


def table(args):
    return report.table(args, "fresh documentation pages",
                        [("dataset", g) for g in GENERATORS], "per generator")


def worst(args):
    """Per generator, tamis's n worst pages (word F1) beside the peers' scores."""
    return report.worst(args, [("dataset", g) for g in GENERATORS],
                        lambda m: m["url"][len("file://"):])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out")
    b.add_argument("--per-gen", type=int, default=50)
    report.add_report_commands(sub)
    args = ap.parse_args()
    return {"build": build, "table": table, "worst": worst}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
