"""Running pipelines (the ``tamis-exec`` crate).

- :func:`run` runs or resumes a whole pipeline on this machine (a pool of threads, one shard
  per worker; the GIL is released for the whole run).
- :func:`run_shard` runs one unit of work, shard ``shard`` of ``shards`` of stage ``stage``:
  the building block for any other engine (Ray: :mod:`tamis.ray`; a Slurm array; a process
  pool). A unit writes its output under a temporary name, renames it, writes its stats and
  then its completion marker; a unit whose marker exists is skipped, so running a unit twice
  (a retry) never duplicates output. Stage ``k > 0`` starts once every shard of stage ``k-1``
  is complete (the barrier before a corpus-level step).
- :func:`plan` and :func:`finish` are the driver's side of that: plan the shards and see what
  is complete; clean up and merge the stats at the end.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Optional, Union

from .. import _tamis

__all__ = ["run", "run_shard", "plan", "finish"]


def _pipeline(p: Any) -> Any:
    if isinstance(p, _tamis.Pipeline):
        return p
    if isinstance(p, dict):
        return _tamis.Pipeline.from_dict(p)
    if isinstance(p, (str, os.PathLike)):
        return _tamis.Pipeline.from_file(os.fspath(p))
    raise TypeError(f"expected a tamis.Pipeline, a dict or a pipeline file path, got {type(p).__name__}")


def run(
    pipeline: Union[Any, Dict[str, Any], str, "os.PathLike[str]"],
    *,
    workers: Optional[int] = None,
    shards: Optional[int] = None,
    only_shard: Optional[int] = None,
    progress: bool = False,
    keep_intermediate: bool = False,
) -> Dict[str, Any]:
    """Runs (or resumes) ``pipeline`` here, like ``tamis run``; returns the report dict:
    ``shards``, ``complete``, ``units_run``, ``units_skipped``, ``failed`` (list of
    ``{stage, shard, error}``), ``output``, ``stages`` (merged stats per stage), ``stats``."""
    return _tamis.run(_pipeline(pipeline), workers, shards, only_shard, progress, keep_intermediate)


def run_shard(pipeline: Any, stage: int, shard: int, shards: int) -> Dict[str, Any]:
    """Runs one (stage, shard) unit to completion with the GIL released; returns
    ``{"stage", "shard", "skipped", "stats"}``. Raises if the unit fails (then nothing of it
    is marked complete, and running it again redoes it)."""
    return _tamis.run_shard(_pipeline(pipeline), stage, shard, shards)


def plan(pipeline: Any, shards: Optional[int] = None) -> Dict[str, Any]:
    """Lists inputs, cuts shards, writes or checks the run manifest; reads no data. Returns
    ``{"shards", "stages", "root", "complete": [[bool] * shards] * stages}``."""
    return _tamis.plan(_pipeline(pipeline), shards)


def finish(pipeline: Any, shards: int, *, keep_intermediate: bool = False) -> Dict[str, Any]:
    """Removes intermediate stage data once the run is complete and returns the report with
    the merged stats (as :func:`run` does)."""
    return _tamis.finish(_pipeline(pipeline), shards, keep_intermediate)
