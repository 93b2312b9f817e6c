"""Shared fixtures: small synthetic corpora written to a temp dir, the repository root, and
the `tamis` CLI binary (for comparing with `tamis run`)."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path
from typing import List

import pytest

REPO = Path(__file__).resolve().parents[3]

#: Environment of every Ray process of the tests: loopback only (Ray otherwise resolves
#: "this node" to the machine's network address), no auth tokens, no usage reporting. Set
#: here, before any test module imports Ray, which reads them at import.
RAY_ENV = {
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",
    "RAY_NODE_IP_ADDRESS": "127.0.0.1",
    "RAY_AUTH_MODE": "disabled",
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_DISABLE_DOCKER_CPU_WARNING": "1",
}
os.environ.update(RAY_ENV)

WORDS = (
    "river stone market winter garden letter science harbour window silver morning village "
    "engine history forest number travel island doctor kitchen summer theatre valley paper "
    "orange castle planet simple careful quiet bright heavy narrow gentle ancient modern"
).split()


def sentence(rng: random.Random, n: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def html_page(rng: random.Random, i: int, paragraphs: int = 6) -> str:
    """An article page with navigation and footer boilerplate around the main text."""
    nav = "".join(f'<li><a href="/s{k}">Section {k}</a></li>' for k in range(8))
    body = "".join(f"<p>{paragraph(rng)}</p>" for _ in range(paragraphs))
    return (
        f"<!doctype html><html><head><title>Article {i}</title></head><body>"
        f"<nav><ul>{nav}</ul></nav><article><h1>Article number {i}</h1>{body}</article>"
        f"<footer><p>Copyright 2025 Example News. All rights reserved.</p></footer></body></html>"
    )


def write_html_corpus(d: Path, files: int, paragraphs: int = 6, seed: int = 7) -> Path:
    rng = random.Random(seed)
    d.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        (d / f"page-{i:04d}.html").write_text(html_page(rng, i, paragraphs), encoding="utf-8")
    return d


def write_jsonl_corpus(d: Path, files: int, docs_per_file: int, seed: int = 11) -> Path:
    """Text documents from a few sites; each site repeats a footer line on every page and some
    documents repeat a paragraph (material for dedup_lines and frequent_lines)."""
    rng = random.Random(seed)
    d.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in range(files):
        with open(d / f"part-{f:03d}.jsonl", "w", encoding="utf-8") as out:
            for _ in range(docs_per_file):
                site = f"site{n % 5}.example"
                paras = [paragraph(rng) for _ in range(4)]
                if n % 3 == 0:
                    paras.append(paras[0])
                paras.append(f"Subscribe to the {site} newsletter for daily updates and offers.")
                rec = {
                    "id": f"doc-{n:06d}",
                    "text": "\n\n".join(paras),
                    "metadata": {"url": f"https://{site}/article/{n}", "n": n},
                }
                out.write(json.dumps(rec) + "\n")
                n += 1
    return d


@pytest.fixture
def html_corpus(tmp_path: Path) -> Path:
    return write_html_corpus(tmp_path / "html", files=12)


@pytest.fixture
def jsonl_corpus(tmp_path: Path) -> Path:
    return write_jsonl_corpus(tmp_path / "jsonl", files=4, docs_per_file=50)


def tamis_bin() -> str:
    """The `tamis` CLI: $TAMIS_BIN, else target/{debug,release}/tamis, else on PATH."""
    env = os.environ.get("TAMIS_BIN")
    if env and Path(env).is_file():
        return env
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    for prof in ("debug", "release"):
        p = target / prof / "tamis"
        if p.is_file():
            return str(p)
    found = shutil.which("tamis")
    if found:
        return found
    pytest.skip("skipped: the tamis CLI was not found (set TAMIS_BIN or `cargo build --bin tamis`)")
    raise AssertionError("unreachable")


def data_files(root: Path) -> List[Path]:
    """The final data files of a run directory (shard outputs), sorted."""
    return sorted(p for p in root.iterdir() if p.is_file() and p.name[:5].isdigit() and ".tmp" not in p.name)


def read_records(path: Path) -> List[dict]:
    import tamis

    return list(tamis.read(str(path), format="jsonl"))
