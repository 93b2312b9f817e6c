"""tamis.extract.extract / extract_page: one page held in Python, like trafilatura.extract."""

from __future__ import annotations

import pytest

import tamis
import tamis.extract
from tamis.errors import ConfigError

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="windows-1252">
<title>Dichte der Metalle</title><link rel="canonical" href="https://example.org/metalle"></head>
<body><nav><a href="/">Start</a> <a href="/impressum">Impressum</a></nav>
<article><h1>Schwere Metalle</h1>
<p>Osmium ist das dichteste natürlich vorkommende Element; seine Dichte liegt bei etwa
22,59 Gramm pro Kubikzentimeter, knapp vor Iridium. Mehr steht im <a href="https://example.org/guide">Leitfaden</a>.</p>
<table><tr><th>Metall</th><th>Dichte</th></tr><tr><td>Osmium</td><td>22,59</td></tr>
<tr><td>Iridium</td><td>22,56</td></tr></table>
<p>Beide Metalle gehören zur Platingruppe und sind selten, teuer und sehr hart und spröde.</p>
</article><footer>Alle Rechte vorbehalten.</footer></body></html>"""


def test_text_from_bytes_in_a_legacy_charset():
    text = tamis.extract.extract(PAGE.encode("windows-1252"))
    assert text.startswith("Schwere Metalle\n\nOsmium ist das dichteste natürlich")
    assert "Iridium 22,56" in text
    assert "Impressum" not in text and "Rechte" not in text


def test_str_input_and_options():
    md = tamis.extract.extract(PAGE, output="markdown", include_links=True)
    assert md.startswith("# Schwere Metalle")
    assert "[Leitfaden](https://example.org/guide)" in md
    assert "| Metall | Dichte |\n| --- | --- |" in md
    assert "Osmium" not in tamis.extract.extract(PAGE, include_tables=False).split("Kubikzentimeter")[1]


def test_page_metadata():
    page = tamis.extract.extract_page(PAGE, url="https://example.org/m?x=1")
    meta = page["metadata"]
    assert meta["title"] == "Dichte der Metalle"
    assert meta["lang"] == "de"
    assert meta["canonical_url"] == "https://example.org/metalle"
    assert meta["url"] == "https://example.org/m?x=1"
    assert page["text"].startswith("Schwere Metalle")
    assert "date_published" not in meta
    # A page nothing dates takes the day its URL names.
    dated = tamis.extract.extract_page(PAGE, url="https://example.org/2024/02/29/metalle/")
    assert dated["metadata"]["date_published"] == "2024-02-29"


def test_no_main_content_is_empty_and_bad_options_fail():
    assert tamis.extract.extract(b"<html><body><nav><a href=/>Home</a></nav></body></html>") == ""
    with pytest.raises(ConfigError):
        tamis.extract.extract(PAGE, output="pdf")
    with pytest.raises(TypeError):
        tamis.extract.extract(42)  # type: ignore[arg-type]
