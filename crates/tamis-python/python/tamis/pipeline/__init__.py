"""Pipelines (the ``tamis-pipeline`` crate): input, steps and output, validated up front.

>>> import tamis
>>> p = tamis.Pipeline(  # doctest: +SKIP
...     input=tamis.io.Input(paths=["crawl/"]),
...     steps=[tamis.steps.Extract(), tamis.steps.DedupLines()],
...     output=tamis.io.Output(path="out/", format="parquet"),
... )
>>> tamis.Pipeline.from_file("examples/clean.toml")  # doctest: +SKIP

A pipeline pickles through its JSON config, so it can be sent to Ray tasks or worker
processes; configuration errors raise :class:`tamis.ConfigError` naming the step and field.
"""

from __future__ import annotations

from typing import Any, Dict

from .. import _tamis
from .._config import schema as _schema

__all__ = ["Pipeline", "schema", "CONFIG_VERSION"]

Pipeline = _tamis.Pipeline

#: The pipeline file format version this build reads.
CONFIG_VERSION = 1


def schema() -> Dict[str, Any]:
    """The JSON schema of a pipeline file, generated from the Rust config types."""
    return dict(_schema())
