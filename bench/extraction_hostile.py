#!/usr/bin/env python3
"""Hostile pages: generated HTML built to make extractors slow (deep nesting, huge sibling
runs, nested cards, a page past the input cap), run through tamis and the peers, one page at
a time, each in its own process with a time limit. Prints one table of seconds per page.

Usage (from bench/extraction_hostile.sh, which builds tamis and the peers' venv):
    extraction_hostile.py EXTRACT_DIR_BIN VENV_PYTHON OUT_DIR [--limit SECS] [--only NAME] [--no-peers]

tamis's figure is the wall time of `extract_dir` on a directory holding the one page (process
start and gunzip included, a few ms); the peers' figure is the time of their extraction call
alone (process start and decoding excluded). A run past the limit is killed and shown as
`>LIMIT`; a crash (stack overflow, exception) as `crash`.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import time

SENTENCE = "A sentence of reasonable length that reads like prose, with commas, and ends."
PROSE = "<p>" + " ".join([SENTENCE] * 3) + "</p>"


def pages():
    """(name, description, html) of each hostile page."""
    deep = 500
    yield ("nested_blocks", "2,500 blocks of 500 nested <div>s around an image and a sentence",
           ("<div>" * deep + f"<img src=a.png><p>{SENTENCE}</p>" + "</div>" * deep) * 2500)
    yield ("nested_portraits", "2,500 linked portrait cards, each in 500 nested <div>s",
           ("<a href=/p>" + "<div>" * deep
            + "<img src=p.jpg alt='Photo of Jane Doe'><p>Jane Doe is the editor of a magazine"
            " about gardens and writes every week.</p>" + "</div>" * deep + "</a>") * 2500)
    yield ("hidden_siblings", "one shown panel and 300,000 hidden siblings of its class",
           "<div class=tab>shown panel</div>"
           + "".join(f"<div class=tab style='display:none'>hidden {i}</div>" for i in range(300000)))
    yield ("nested_b", "100,000 nested <b> around a paragraph",
           "<b>" * 100000 + PROSE + "</b>" * 100000)
    yield ("nested_tables", "20,000 nested tables",
           "<table><tr><td>" * 20000 + PROSE + "</td></tr></table>" * 20000)
    yield ("nested_divs_1mb", "1 MB of nested <div>s, a paragraph at the bottom",
           "<div>" * 200000 + PROSE + "</div>" * 200000)
    yield ("records", "150,000 product records in one list",
           "<ul>" + "".join(f"<li class=item><a href=/p{i}>Product title number {i} of the shop</a>"
                            f"<span class=price>{i}.99</span></li>" for i in range(150000)) + "</ul>")
    yield ("unclosed", "200,000 unclosed <p>, <li> and <td> tags",
           "".join(f"<p>{SENTENCE}<li>item {i}<td>cell" for i in range(200000)))
    yield ("nested_inline", "2,000 paragraphs, each a link in 200 nested <em>/<span>",
           "<article>" + "".join(f"<p>{SENTENCE}</p><p>" + "<em><span>" * 100
                                 + f"Read also: <a href=/s{i}>Story number {i} of the week</a>"
                                 + "</span></em>" * 100 + "</p>" for i in range(2000)) + "</article>")
    yield ("nested_card_links", "2,500 priced card links around 300 nested <div>s, in prose",
           f"<p>{SENTENCE}</p><ul>" + "".join(
               f"<li><a href=/p{i}>" + "<div>" * 300 + f"<img src=p{i}.jpg>Item {i} $19.99"
               + "</div>" * 300 + "</a></li>" for i in range(2500)) + f"</ul><p>{SENTENCE}</p>")
    yield ("page_50mb", "a 50 MB article of paragraphs (past tamis's 16 MiB input cap)",
           "<article>" + "".join(f"<p>Paragraph {i}. {SENTENCE} {SENTENCE}</p>"
                                 for i in range(50_000_000 // 180)) + "</article>")


PEER = r"""
import sys, time
html = open(sys.argv[2], encoding="utf-8").read()
if sys.argv[1] == "resiliparse":
    from resiliparse.extract.html2text import extract_plain_text
    fn = lambda h: extract_plain_text(h, main_content=True)
else:
    import trafilatura
    fn = lambda h: trafilatura.extract(h)
start = time.perf_counter()
text = fn(html) or ""
print(time.perf_counter() - start, len(text))
"""


def timed(cmd, limit):
    """(seconds or None, stdout, crashed) of one command."""
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None, "", False
    return time.perf_counter() - start, p.stdout, p.returncode != 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tamis")
    ap.add_argument("python")
    ap.add_argument("out")
    ap.add_argument("--limit", type=float, default=60.0)
    ap.add_argument("--only", default=None)
    ap.add_argument("--no-peers", action="store_true", help="time tamis alone")
    args = ap.parse_args()
    rows = []
    for name, desc, body in pages():
        if args.only and name != args.only:
            continue
        html = f"<html><head><title>{name}</title></head><body>{body}</body></html>"
        d = os.path.join(args.out, name)
        os.makedirs(os.path.join(d, "html", "hostile"), exist_ok=True)
        raw = html.encode("utf-8")
        with gzip.open(os.path.join(d, "html", "hostile", name + ".html.gz"), "wb", compresslevel=1) as f:
            f.write(raw)
        plain = os.path.join(d, name + ".html")
        with open(plain, "wb") as f:
            f.write(raw)
        out = os.path.join(d, "tamis.jsonl")
        secs, _, crashed = timed([args.tamis, d, out], args.limit)
        cells = []
        if secs is None or crashed:
            cells.append(f">{args.limit:.0f}" if secs is None else "crash")
            chars = "-"
        else:
            cells.append(f"{secs:.2f}")
            with open(out, encoding="utf-8") as f:
                chars = str(sum(len(json.loads(l)["text"]) for l in f if l.strip()))
        for peer in ("resiliparse", "trafilatura"):
            if args.no_peers:
                cells.append("-")
                continue
            secs, stdout, crashed = timed([args.python, "-c", PEER, peer, plain], args.limit)
            if secs is None:
                cells.append(f">{args.limit:.0f}")
            elif crashed or not stdout.strip():
                cells.append("crash")
            else:
                cells.append(f"{float(stdout.split()[0]):.2f}")
        rows.append((name, len(raw) / 1e6, cells, chars, desc))
        print(f"{name:<18}{len(raw) / 1e6:>8.1f}" + "".join(f"{c:>13}" for c in cells) + f"{chars:>12}",
              file=sys.stderr)
    print(f"{'page':<18}{'MB':>8}{'tamis s':>13}{'resiliparse s':>14}{'trafilatura s':>14}{'tamis chars':>12}  what")
    for name, mb, cells, chars, desc in rows:
        print(f"{name:<18}{mb:>8.1f}{cells[0]:>13}{cells[1]:>14}{cells[2]:>14}{chars:>12}  {desc}")


if __name__ == "__main__":
    main()
