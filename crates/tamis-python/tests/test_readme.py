"""The README's Python example (tests/typed_usage.py, also type-checked by mypy) on the
bundled Common Crawl sample."""

from __future__ import annotations

from conftest import REPO
from typed_usage import main


def test_readme_python_example(tmp_path, capsys):
    warc = REPO / "fixtures" / "warc" / "resiliparse__warcfile.warc.gz"
    rows = main(str(warc), str(tmp_path / "out"))
    assert rows > 0
    assert f"{rows} documents written" in capsys.readouterr().out
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.endswith(".parquet")] == ["00000.parquet"]
