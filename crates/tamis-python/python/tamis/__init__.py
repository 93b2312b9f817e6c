"""tamis: crawled web pages to clean text corpora.

The package mirrors the Rust crates: :mod:`tamis.io` (readers and writers),
:mod:`tamis.pipeline`, :mod:`tamis.steps` (every step; grouped by crate in
:mod:`tamis.extract`, :mod:`tamis.clean`, :mod:`tamis.filters`, :mod:`tamis.dedup`),
:mod:`tamis.exec` (running), :mod:`tamis.stats`, and :mod:`tamis.ray` (the same units of work
as Ray tasks; import it explicitly). Errors are :mod:`tamis.errors` classes.

>>> import tamis
>>> p = tamis.Pipeline(input="pages/", steps=[tamis.steps.Extract()], output="out/")  # doctest: +SKIP
>>> report = tamis.run(p, workers=4)  # doctest: +SKIP
>>> report["stats"]["io"]["docs_written"]  # doctest: +SKIP
"""

from __future__ import annotations

from . import errors
from ._tamis import __version__
from .errors import ConfigError, FormatError, IoError, ShardError, StepError, TamisError
from . import steps, io, pipeline, exec, stats
from . import extract, clean, filters, dedup
from .pipeline import Pipeline
from .exec import run, run_shard
from .io import read, write

__all__ = [
    "__version__", "Pipeline", "run", "run_shard", "read", "write",
    "TamisError", "ConfigError", "IoError", "FormatError", "StepError", "ShardError",
    "errors", "steps", "io", "pipeline", "exec", "stats", "extract", "clean", "filters", "dedup",
]
