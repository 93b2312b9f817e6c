"""The README's Python example, type-checked by `mypy --strict` against the installed package
(its .pyi stubs and py.typed) in scripts/test-python.sh; test_readme.py runs it too."""

from __future__ import annotations

import sys

import tamis


def main(crawl: str, out: str) -> int:
    pipeline = tamis.Pipeline(
        input=tamis.io.Input(paths=[crawl]),
        steps=[tamis.steps.Extract(), tamis.steps.Boilerplate(), tamis.steps.DedupLines(min_chars=20)],
        output=tamis.io.Output(path=out, format="parquet"),
    )
    report = tamis.run(pipeline, workers=2)  # the same run as `tamis run`; the GIL is released
    print(report["stats"]["io"]["docs_written"], "documents written")
    for doc in tamis.read(out):  # dicts {"id", "text", "metadata"}
        print(doc["metadata"].get("url"), len(doc["text"]))
    table = tamis.io.read(out, arrow=True)  # or pyarrow.RecordBatch es, for pandas/polars/datasets
    return sum(batch.num_rows for batch in table)


if __name__ == "__main__":
    print(main(sys.argv[1], sys.argv[2]))
