#!/usr/bin/env python3
"""docs/s through the Python package vs through the `tamis` CLI, same input, same pipeline.

    bench/python_vs_cli.sh                      # builds both (release) and runs this
    python bench/python_vs_cli.py --tamis target/release/tamis [--workers 2] [--pages 3000]

Needs `tamis` installed in the running interpreter (a release build: bench/python_vs_cli.sh
makes one in bench/.venv-pybench) and a release CLI (`cargo build --release --bin tamis`).
The input is `--input DIR` (bench/python_vs_cli.sh passes the real pages of
../shared/data/extraction when present), else a synthetic corpus of HTML article pages
written to a temp dir. Prints one line per measurement:

    cli      run         N docs  T s  R docs/s
    python   tamis.run   N docs  T s  R docs/s  ratio to cli
    cli      run -j1     ...
    python   tamis.read(steps=...) (one thread, documents into Python dicts)  ratio to cli -j1
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STEPS = ["extract", "soft_error", "boilerplate", "dedup_lines"]

WORDS = ("river stone market winter garden letter science harbour window silver morning village "
         "engine history forest number travel island doctor kitchen summer theatre valley paper").split()


def make_corpus(d: Path, pages: int) -> None:
    rng = random.Random(1)
    d.mkdir(parents=True, exist_ok=True)
    for i in range(pages):
        paras = "".join("<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + ".</p>" for _ in range(8))
        nav = "".join(f'<li><a href="/s{k}">Section {k}</a></li>' for k in range(10))
        (d / f"p{i:06d}.html").write_text(
            f"<html><head><title>Page {i}</title></head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>Title {i}</h1>{paras}</article><footer>Copyright Example</footer></body></html>")


def toml(inp: str, out: Path, shards: int) -> str:
    steps = "".join(f'[[steps]]\ntype = "{s}"\n' for s in STEPS)
    return (f'version = 1\n[input]\npaths = ["{inp}"]\n{steps}[output]\npath = "{out}"\n'
            f'compression = "none"\n[run]\nshards = {shards}\n')


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tamis", required=True, help="the tamis CLI binary (release build)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--input", help="input files/dir/glob instead of the synthetic corpus")
    ap.add_argument("--repeat", type=int, default=3, help="best of N")
    a = ap.parse_args()

    import tamis

    tmp = Path(tempfile.mkdtemp(prefix="tamis-bench-"))
    inp = a.input
    if inp is None:
        make_corpus(tmp / "in", a.pages)
        inp = str(tmp / "in")
    shards = 8

    def best(fn):
        times = []
        docs = 0
        for r in range(a.repeat):
            t0 = time.perf_counter()
            docs = fn(r)
            times.append(time.perf_counter() - t0)
        return docs, min(times)

    def cli(workers):
        def go(r):
            out = tmp / f"cli-{workers}-{r}"
            f = tmp / f"cli-{workers}-{r}.toml"
            f.write_text(toml(inp, out, shards))
            subprocess.run([a.tamis, "run", str(f), "--workers", str(workers), "--quiet"], check=True,
                           capture_output=True)
            stats = json.loads(subprocess.run([a.tamis, "stats", str(out), "--json"], check=True,
                                              capture_output=True, text=True).stdout)
            first = stats[0] if isinstance(stats, list) else stats
            return first["io"]["docs_read"]
        return go

    def py_run(workers):
        def go(r):
            out = tmp / f"py-{workers}-{r}"
            rep = tamis.run(tamis.Pipeline.from_toml(toml(inp, out, shards)), workers=workers)
            return rep["stats"]["io"]["docs_read"]
        return go

    def py_read(r):
        n = 0
        for _doc in tamis.read(inp, steps=[{"type": s} for s in STEPS]):
            n += 1
        return n

    rows = []
    n, t = best(cli(a.workers))
    rows.append(("cli", f"tamis run -j{a.workers}", n, t, None))
    base = n / t
    n, t = best(py_run(a.workers))
    rows.append(("python", f"tamis.run(workers={a.workers})", n, t, (n / t) / base))
    n, t = best(cli(1))
    rows.append(("cli", "tamis run -j1", n, t, None))
    base1 = n / t
    n, t = best(py_read)
    rows.append(("python", "tamis.read(steps=...) -> dicts, 1 thread", n, t, (n / t) / base1))
    for who, what, n, t, ratio in rows:
        extra = f"  {ratio:.2f}x cli" if ratio is not None else ""
        print(f"{who:7s} {what:45s} {n:7d} docs {t:7.2f} s {n / t:9.0f} docs/s{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
