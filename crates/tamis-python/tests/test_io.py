"""tamis.io: reading documents as dicts and Arrow batches, writing them back."""

from __future__ import annotations

import json

import pytest

import tamis
from tamis.errors import ConfigError

pa = pytest.importorskip("pyarrow")


def test_read_jsonl_dicts_in_order(jsonl_corpus):
    docs = list(tamis.read(jsonl_corpus))
    assert len(docs) == 200
    assert [d["id"] for d in docs] == [f"doc-{i:06d}" for i in range(200)]
    assert docs[3]["metadata"]["url"] == "https://site3.example/article/3"
    assert docs[3]["metadata"]["n"] == 3


def test_batch_size_does_not_change_what_is_read(jsonl_corpus):
    a = list(tamis.read(jsonl_corpus, batch_size=1))
    b = list(tamis.read(jsonl_corpus, batch_size=7))
    assert a == b


def test_read_arrow_batches(jsonl_corpus):
    batches = list(tamis.read(jsonl_corpus, arrow=True, batch_size=64))
    assert [b.num_rows for b in batches] == [64, 64, 64, 8]
    assert batches[0].schema.names == ["id", "text", "metadata"]
    table = pa.Table.from_batches(batches)
    dicts = list(tamis.read(jsonl_corpus))
    assert table.column("id").to_pylist() == [d["id"] for d in dicts]
    assert table.column("text").to_pylist() == [d["text"] for d in dicts]
    assert [json.loads(m) for m in table.column("metadata").to_pylist()] == [d["metadata"] for d in dicts]


def test_malformed_records_are_counted_and_skipped(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"id":"a","text":"one"}\nnot json\n{"id":"b"}\n{"id":"c","text":"three"}\n')
    reader = tamis._tamis.Reader([str(f)], {"format": "jsonl"}, [])
    docs = reader.next_dicts(100)
    assert [d["id"] for d in docs] == ["a", "c"]
    assert reader.stats["skipped_malformed"] == 2
    assert reader.next_dicts(100) == []


def test_read_options_are_input_fields(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text('{"key":"k1","content":"hello"}\n')
    docs = list(tamis.read(f, text_key="content", id_key="key"))
    assert docs[0]["id"] == "k1" and docs[0]["text"] == "hello"
    with pytest.raises(ConfigError):
        list(tamis.read(f, no_such_option=True))
    with pytest.raises(tamis.IoError):
        list(tamis.read(tmp_path / "missing.jsonl"))


def test_read_html_through_steps(html_corpus):
    raw = list(tamis.read(html_corpus))
    assert len(raw) == 12
    assert raw[0]["text"] == "" and raw[0]["media"]["bytes"].startswith(b"<!doctype html>")
    docs = list(tamis.read(html_corpus, steps=[tamis.steps.Extract()]))
    assert len(docs) == 12
    assert "Copyright 2025" not in docs[0]["text"]
    assert "Section 3" not in docs[0]["text"]
    assert len(docs[0]["text"].split()) > 200


def test_corpus_steps_cannot_stream(jsonl_corpus):
    with pytest.raises(ConfigError):
        list(tamis.read(jsonl_corpus, steps=[tamis.steps.FrequentLines()]))


@pytest.mark.parametrize("fmt, compression, name", [
    ("jsonl", "zstd", "00000.jsonl.zst"),
    ("jsonl", "gzip", "00000.jsonl.gz"),
    ("jsonl", "none", "00000.jsonl"),
    ("parquet", "zstd", "00000.parquet"),
])
def test_write_dicts_then_read_back(tmp_path, jsonl_corpus, fmt, compression, name):
    docs = list(tamis.read(jsonl_corpus))
    path = tamis.write(docs, tmp_path / "out", format=fmt, compression=compression)
    assert path.endswith(name)
    assert list(tamis.read(path)) == docs


def test_write_arrow_table_and_batches(tmp_path, jsonl_corpus):
    docs = list(tamis.read(jsonl_corpus))
    table = pa.Table.from_batches(list(tamis.read(jsonl_corpus, arrow=True, batch_size=50)))
    path = tamis.write(table, tmp_path / "a", format="parquet")
    assert list(tamis.read(path)) == docs
    # Parquet written by tamis is a plain Arrow table with the same columns.
    import pyarrow.parquet as pq

    t = pq.read_table(path)
    assert t.column_names[:3] == ["id", "text", "metadata"]
    assert t.num_rows == 200
    # A table without id/metadata columns: ids are the row numbers.
    path2 = tamis.write(pa.table({"text": ["x", "y"]}), tmp_path / "b", format="jsonl", compression="none")
    assert [(d["id"], d["text"]) for d in tamis.read(path2)] == [("0", "x"), ("1", "y")]


def test_write_nested_metadata_struct(tmp_path):
    t = pa.table({"id": ["a"], "text": ["t"], "metadata": [{"url": "u", "k": 1}]})
    path = tamis.write(t, tmp_path / "n", compression="none")
    assert list(tamis.read(path)) == [{"id": "a", "text": "t", "metadata": {"url": "u", "k": 1}}]


def test_write_pandas_if_available(tmp_path):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": ["a", "b"], "text": ["one", "two"]})
    path = tamis.write(df, tmp_path / "p", format="parquet")
    assert [d["text"] for d in tamis.read(path)] == ["one", "two"]


def test_writer_context_and_errors(tmp_path):
    with tamis.io.Writer(tmp_path / "w", shard=3, compression="none") as w:
        w.write({"text": "solo"})
        w.write([{"id": "x", "text": "two", "metadata": {"a": [1, 2]}}])
        assert w.written == 2
    assert w.path is not None and w.path.endswith("00003.jsonl")
    assert [d["id"] for d in tamis.read(w.path)] == ["0", "x"]
    with pytest.raises(ValueError):
        tamis.write([{"id": "no text"}], tmp_path / "e")
    # A failed write leaves no final file behind.
    assert not (tmp_path / "e" / "00000.jsonl.zst").exists()


def test_python_step_between_native_steps(html_corpus):
    seen = []

    def tag_and_drop_odd(doc):
        seen.append(doc["id"])
        if int(doc["id"].split("-")[1]) % 2:
            return None
        doc["metadata"]["checked"] = True
        return doc

    docs = list(tamis.read(html_corpus, steps=[
        tamis.steps.Extract(), tamis.steps.PythonStep(tag_and_drop_odd), tamis.steps.DedupLines(),
    ]))
    assert len(seen) == 12
    assert [d["id"] for d in docs] == [f"page-{i:04d}" for i in range(0, 12, 2)]
    assert all(d["metadata"]["checked"] is True and d["text"] for d in docs)
    # Python first, then native extraction: the raw HTML (media) survives the round trip.
    docs2 = list(tamis.read(html_corpus, steps=[lambda d: True, tamis.steps.Extract()]))
    assert [d["text"] for d in docs2] == [d["text"] for d in tamis.read(html_corpus, steps=[tamis.steps.Extract()])]
    batches = list(tamis.read(html_corpus, arrow=True, batch_size=5, steps=[tamis.steps.Extract(), lambda d: d]))
    assert sum(b.num_rows for b in batches) == 12


def test_process_in_memory_documents():
    docs = [{"id": "a", "text": "x\ny\nx"}, {"text": "keep me"}]
    out = tamis.io.process(docs, [tamis.steps.PythonStep(lambda d: d if d["text"] != "drop" else None)])
    assert [d["text"] for d in out] == ["x\ny\nx", "keep me"]
    with pytest.raises(TypeError):
        tamis.io.process(docs, [tamis.steps.PythonStep(lambda d: 42)])
