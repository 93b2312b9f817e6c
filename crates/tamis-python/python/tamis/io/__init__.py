"""Reading and writing documents (the ``tamis-io`` crate).

Documents are dicts ``{"id": str, "text": str, "metadata": dict}`` (plus ``"media"`` with the
raw bytes while a document is still HTML), or Arrow record batches with the string columns
``id``, ``text`` and ``metadata`` (JSON text), the layout tamis and datatrove write to
Parquet. Batches cross from Rust into pyarrow through the Arrow C data interface, without a
copy; pandas, polars and ``datasets`` take them from there.

>>> import tamis
>>> for doc in tamis.io.read("crawl/*.warc.gz", steps=[tamis.steps.Extract()]):  # doctest: +SKIP
...     print(doc["metadata"]["url"], len(doc["text"]))
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from .. import _tamis
from .._config import _field_docs, make_class, schema

__all__ = ["Input", "Output", "read", "write", "process", "Writer", "DEFAULT_BATCH_SIZE"]

#: Documents per batch (or per GIL release when yielding dicts).
DEFAULT_BATCH_SIZE = 1024

PathLike = Union[str, "os.PathLike[str]"]


def _section_class(name: str, section: str, def_name: str) -> type:
    defn = schema().get("$defs", {}).get(def_name, {})
    defaults = _tamis.section_config(section, {"paths": []} if section == "input" else {})
    return make_class(name, __name__, defn.get("description", ""), _field_docs(defn), defaults, section=section)


#: The ``[input]`` table: ``Input(paths=[...], format="auto", text_key="text", ...)``.
Input = _section_class("Input", "input", "InputOptions")
#: The ``[output]`` table: ``Output(path="out/", format="jsonl", compression="zstd")``.
Output = _section_class("Output", "output", "OutputOptions")


def _paths(paths: Union[PathLike, Sequence[PathLike]]) -> List[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def read(
    paths: Union[PathLike, Sequence[PathLike]],
    *,
    batch_size: Optional[int] = None,
    arrow: bool = False,
    steps: Optional[Sequence[Any]] = None,
    **input_options: Any,
) -> Iterator[Any]:
    """Reads documents from files, directories or globs.

    Keyword arguments other than the ones below are the fields of ``[input]``
    (:class:`Input`): ``format``, ``text_key``, ``id_key``, ``warc_record_types``,
    ``max_record_bytes``, ``html_only``. Malformed records are counted and skipped, as in a
    run.

    - ``arrow=False``: yields one dict per document; ``batch_size`` documents are read per
      release of the GIL.
    - ``arrow=True``: yields ``pyarrow.RecordBatch`` es of up to ``batch_size`` rows.
    - ``steps``: step objects (or dicts) applied to each document on the way (per-document
      steps only); dropped documents are not yielded. A
      :class:`tamis.steps.PythonStep` (a Python callable) may be among them: the slow path.
    """
    n = batch_size or DEFAULT_BATCH_SIZE
    native, rest = _split(steps or [])
    reader = _tamis.Reader(_paths(paths), input_options, native)
    if not rest:
        return _iter_batches(reader, n) if arrow else _iter_dicts(reader, n)
    stages = _stages(rest)

    def through() -> Iterator[Dict[str, Any]]:
        while True:
            docs = reader.next_dicts(n)
            if not docs:
                return
            yield from _run_stages(stages, docs)

    if not arrow:
        return through()
    return _to_batches(through(), n)


def process(docs: Iterable[Dict[str, Any]], steps: Sequence[Any]) -> List[Dict[str, Any]]:
    """Runs documents held in Python (dicts with ``text``, optional ``id``, ``metadata``,
    ``media``) through steps; returns the kept ones, in order. Built-in steps run in Rust with
    the GIL released; :class:`tamis.steps.PythonStep` s run in Python."""
    return list(_run_stages(_stages(list(steps)), list(docs)))


def _as_config(s: Any) -> Dict[str, Any]:
    return s.to_dict() if hasattr(s, "to_dict") else dict(s)


def _is_python(s: Any) -> bool:
    from ..steps import PythonStep

    return isinstance(s, PythonStep) or (callable(s) and not hasattr(s, "to_dict") and not isinstance(s, dict))


def _split(steps: Sequence[Any]) -> Any:
    """The leading built-in steps (run inside the reader) and the rest."""
    native: List[Dict[str, Any]] = []
    for i, s in enumerate(steps):
        if _is_python(s):
            return native, list(steps[i:])
        native.append(_as_config(s))
    return native, []


def _stages(steps: Sequence[Any]) -> List[Any]:
    """Groups consecutive built-in steps into one native Processor; Python steps stay."""
    from ..steps import PythonStep

    out: List[Any] = []
    group: List[Dict[str, Any]] = []
    for s in steps:
        if _is_python(s):
            if group:
                out.append(_tamis.Processor(group))
                group = []
            out.append(s if isinstance(s, PythonStep) else PythonStep(s))
        else:
            group.append(_as_config(s))
    if group:
        out.append(_tamis.Processor(group))
    return out


def _run_stages(stages: Sequence[Any], docs: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    for st in stages:
        if not docs:
            break
        if isinstance(st, _tamis.Processor):
            docs = st.process(docs)
        else:
            docs = [d for d in (st(doc) for doc in docs) if d is not None]
    return docs


def _to_batches(docs: Iterator[Dict[str, Any]], n: int) -> Iterator[Any]:
    import json

    import pyarrow as pa

    chunk: List[Dict[str, Any]] = []

    def batch(rows: List[Dict[str, Any]]) -> Any:
        return pa.record_batch({
            "id": pa.array([str(r.get("id", "")) for r in rows], pa.string()),
            "text": pa.array([r["text"] for r in rows], pa.string()),
            "metadata": pa.array([json.dumps(r.get("metadata") or {}, separators=(",", ":"), ensure_ascii=False) for r in rows], pa.string()),
        })

    for d in docs:
        chunk.append(d)
        if len(chunk) >= n:
            yield batch(chunk)
            chunk = []
    if chunk:
        yield batch(chunk)


def _iter_dicts(reader: Any, n: int) -> Iterator[Dict[str, Any]]:
    while True:
        docs = reader.next_dicts(n)
        if not docs:
            return
        yield from docs


def _iter_batches(reader: Any, n: int) -> Iterator[Any]:
    while True:
        batch = reader.next_batch(n)
        if batch is None:
            return
        yield batch


class Writer:
    """Writes one output file (shard ``shard`` of a directory), under a temporary name until
    :meth:`close`. Use as a context manager.

    >>> with tamis.io.Writer("out/", format="parquet") as w:  # doctest: +SKIP
    ...     w.write([{"id": "a", "text": "hello"}])
    """

    def __init__(self, path: PathLike, *, shard: int = 0, **output_options: Any) -> None:
        self._w = _tamis.Writer(os.fspath(path), output_options, shard)
        self.path: Optional[str] = None

    def write(self, data: Any) -> int:
        """Writes documents: an iterable of dicts, a ``pyarrow.RecordBatch`` or ``Table``, a
        pandas or polars DataFrame, or a ``datasets.Dataset``. Returns the count written."""
        return sum(self._w_batches(data))

    def _w_batches(self, data: Any) -> Iterator[int]:
        for kind, chunk in _chunks(data):
            yield self._w.write_batch(chunk) if kind == "arrow" else self._w.write_dicts(chunk)

    @property
    def written(self) -> int:
        """Documents written so far."""
        return int(self._w.written)

    def close(self) -> str:
        """Finishes the file (renamed to its final name); returns its path."""
        if self.path is None:
            self.path = self._w.finish()
        return self.path

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.close()


def write(data: Any, path: PathLike, *, shard: int = 0, **output_options: Any) -> str:
    """Writes documents to ``path/<shard>.<ext>`` and returns the file's path.

    ``data`` is as for :meth:`Writer.write`; keyword arguments are the ``[output]`` fields
    (:class:`Output`): ``format="jsonl" | "parquet"``, ``compression="zstd" | "gzip" |
    "none"``.
    """
    with Writer(path, shard=shard, **output_options) as w:
        w.write(data)
    return w.close()


def _is_string_type(t: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or
                getattr(pa.types, "is_string_view", lambda _: False)(t))


def _arrow_chunks(batches: Iterable[Any]) -> Iterator[Any]:
    for b in batches:
        if hasattr(b, "to_batches"):  # a Table (datasets' arrow format yields tables)
            yield from _arrow_chunks(b.to_batches())
            continue
        meta = b.schema.field("metadata").type if "metadata" in b.schema.names else None
        if meta is None or _is_string_type(meta):
            yield ("arrow", b)
        else:
            # Nested metadata (a struct column, as `datasets` makes): go through dicts.
            yield ("dicts", b.to_pylist())


def _chunks(data: Any) -> Iterator[Any]:
    mod = type(data).__module__.split(".")[0]
    if mod == "pyarrow":
        if hasattr(data, "to_batches"):
            yield from _arrow_chunks(data.to_batches())
        else:
            yield from _arrow_chunks([data])
        return
    if mod == "polars" and hasattr(data, "to_arrow"):
        yield from _arrow_chunks(data.to_arrow().to_batches())
        return
    if mod == "pandas":
        import pyarrow as pa

        yield from _arrow_chunks(pa.Table.from_pandas(data, preserve_index=False).to_batches())
        return
    if mod == "datasets" and hasattr(data, "with_format"):
        yield from _arrow_chunks(data.with_format("arrow").iter(batch_size=DEFAULT_BATCH_SIZE))
        return
    if isinstance(data, dict):
        yield ("dicts", [data])
        return
    chunk: List[Any] = []
    for doc in data:
        chunk.append(doc)
        if len(chunk) >= DEFAULT_BATCH_SIZE:
            yield ("dicts", chunk)
            chunk = []
    if chunk:
        yield ("dicts", chunk)
