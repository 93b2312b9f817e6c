#!/usr/bin/env python3
"""Copies the dev pages with every class and id token replaced by a hash of itself.

Usage: extraction_hash_classes.py DATA_DIR OUT_DIR [--strip-structured-data] [--plain-tags]

The same token always maps to the same hash, so the repetition of sibling shapes survives,
and tags, ARIA roles, itemprop, rel, links and text are untouched: what is lost is only what
the class vocabulary says (`nav`, `comment`, `price`). Many sites ship such names themselves
(CSS modules, styled-components, Tailwind utilities), so the score on the copy tells how far
an extractor's decisions rest on the words and how far on the page's structure.

The rewrite is a byte-level pattern over `class=`/`id=` attributes, not a parse: an attribute
lookalike inside a script or a comment is rewritten too, which changes no visible text. One
written inside a string (`class=\"x\"`, HTML in JSON in an attribute) is left alone: rewriting
it would put a bare quote into the attribute around it and end it early; for the same reason
every value keeps its own quotes (none, single or double).

Class and id selectors inside `<style>` elements (`.price-label`, `#sidebar`) get the same
hash as the attribute tokens they select, so a rule that reads the page's own CSS sees the
same page with meaningless names. Only selector text is rewritten (what precedes a `{`, not
at-rule preludes such as `@media`, nor declarations: `#fff` stays a colour); CSS escapes in
a name (`.md\:hidden`) are decoded before hashing, as the attribute holds `md:hidden`.
Attributes that refer to ids (`for`, `aria-labelledby`, `aria-describedby`, `aria-controls`,
`aria-owns`, `headers`, `list`, `form`) and fragment links (`href="#comments"`) get the hashes
of the ids they name, so a link still finds its target, but `#comments` no longer says what
the target is.
With --strip-structured-data the copy also loses its schema.org microdata attributes (`itemprop`,
`itemtype`, `itemscope`, `itemid`, `itemref`) and its JSON-LD scripts: a site that names
nothing, neither in its classes nor in structured data, the harshest stand-in for pages no
rule was tuned on (products lean on structured data most).
With --plain-tags (implies --strip-structured-data) the sectioning elements (`article`, `main`,
`nav`, `header`, `footer`, `aside`, `section`) become `div`s and `role` attributes go: the
div-only markup of older sites and of many page builders, where nothing but the shape of the
tree and the text tells the content from the rest.
OUT_DIR gets html/<dataset>/<id>.html.gz and a copy of manifest.jsonl.
"""
import gzip
import hashlib
import os
import re
import shutil
import sys

ATTR = re.compile(rb"""(\s(?:class|id)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>"'\\][^\s>"']*))""", re.I)


REF = re.compile(rb"""(\s(?:for|aria-labelledby|aria-describedby|aria-controls|aria-owns|headers|list|form)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>"'\\][^\s>"']*))""", re.I)
FRAGMENT = re.compile(rb"""(\s(?:xlink:)?href\s*=\s*)(?:"#([^"]+)"|'#([^']+)'|#([^\s>"'\\][^\s>"']*))""", re.I)


MICRODATA = re.compile(rb"""\s(?:itemprop|itemtype|itemscope|itemid|itemref)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?""", re.I)
SECTIONING = re.compile(rb"<(/?)(?:article|main|nav|header|footer|aside|section)(?=[\s>/])", re.I)
ROLE = re.compile(rb"""\srole\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+)""", re.I)
JSON_LD = re.compile(rb"<script\b[^>]*application/ld\+json[^>]*>.*?</script\s*>", re.I | re.S)


def hashed(token):
    return b"h" + hashlib.blake2s(token, digest_size=4).hexdigest().encode()


STYLE = re.compile(rb"(<style\b[^>]*>)(.*?)(</style\s*>)", re.I | re.S)
COMMENT = re.compile(rb"/\*.*?\*/", re.S)
# A class or id selector: `.` or `#`, then a CSS identifier (letters, digits, `-`, `_`,
# non-ASCII bytes, backslash escapes); not starting with a digit (`.5em` is a number).
SELECTOR = re.compile(rb"([.#])((?:-?(?:[A-Za-z_\x80-\xff]|\\[0-9a-fA-F]{1,6}\s?|\\[^0-9a-fA-F\n]))(?:[A-Za-z0-9_\x80-\xff-]|\\[0-9a-fA-F]{1,6}\s?|\\[^0-9a-fA-F\n])*)")
ESCAPE = re.compile(rb"\\(?:([0-9a-fA-F]{1,6})\s?|([^0-9a-fA-F\n]))")


def unescape(name):
    def one(m):
        if m.group(1) is not None:
            return chr(int(m.group(1), 16)).encode("utf-8", "replace")
        return m.group(2)

    return ESCAPE.sub(one, name)


def rewrite_selectors(prelude):
    if prelude.lstrip().startswith(b"@"):
        return prelude
    return SELECTOR.sub(lambda m: m.group(1) + hashed(unescape(m.group(2))), prelude)


def rewrite_css(css):
    # Every text run that ends at a `{` and starts after the previous `{`, `}` or `;` is a
    # rule's prelude (a selector list, or an at-rule's); the rest is declarations.
    css = COMMENT.sub(b"", css)
    out, start = [], 0
    for k, c in enumerate(css):
        if c in b"{};":
            seg = css[start:k]
            out.append(rewrite_selectors(seg) if c == ord("{") else seg)
            out.append(bytes([c]))
            start = k + 1
    out.append(css[start:])
    return b"".join(out)


def rewrite_style(m):
    return m.group(1) + rewrite_css(m.group(2)) + m.group(3)


def rewrite(m):
    # The value keeps its own quotes (none, ' or "): an attribute written inside another
    # attribute's value (`data-format="<span class=money>"`) must not gain a quote that ends
    # the outer one.
    quote = next(q for q, g in zip((b'"', b"'", b""), m.groups()[1:]) if g is not None)
    value = next(g for g in m.groups()[1:] if g is not None)
    return m.group(1) + quote + b" ".join(hashed(t) for t in value.split()) + quote


def rewrite_fragment(m):
    quote = next(q for q, g in zip((b'"', b"'", b""), m.groups()[1:]) if g is not None)
    value = next(g for g in m.groups()[1:] if g is not None)
    return m.group(1) + quote + b"#" + hashed(value) + quote


def main():
    flags = {"--strip-structured-data", "--plain-tags"}
    args = [a for a in sys.argv[1:] if a not in flags]
    plain = "--plain-tags" in sys.argv[1:]
    strip = plain or "--strip-structured-data" in sys.argv[1:]
    if len(args) != 2:
        sys.exit(__doc__)
    src, dst = args
    os.makedirs(dst, exist_ok=True)
    shutil.copy(os.path.join(src, "manifest.jsonl"), os.path.join(dst, "manifest.jsonl"))
    pages = 0
    for ds in sorted(os.listdir(os.path.join(src, "html"))):
        os.makedirs(os.path.join(dst, "html", ds), exist_ok=True)
        for name in sorted(os.listdir(os.path.join(src, "html", ds))):
            with gzip.open(os.path.join(src, "html", ds, name)) as f:
                data = STYLE.sub(rewrite_style, f.read())
                data = FRAGMENT.sub(rewrite_fragment, REF.sub(rewrite, ATTR.sub(rewrite, data)))
                if strip:
                    data = MICRODATA.sub(b"", JSON_LD.sub(b"", data))
                if plain:
                    data = ROLE.sub(b"", SECTIONING.sub(rb"<\1div", data))
            with gzip.open(os.path.join(dst, "html", ds, name), "wb", compresslevel=1) as f:
                f.write(data)
            pages += 1
    print(f"{pages} pages with hashed class and id tokens in {dst}", file=sys.stderr)


if __name__ == "__main__":
    main()
