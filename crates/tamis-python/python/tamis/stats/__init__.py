"""Per-step statistics: merging the ``stats/<shard>.json`` files of a run.

Each unit of work writes its own stats file; they add up in any order (counts, drop reasons,
summaries merged with Chan's parallel formula).
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Sequence, Union

from .. import _tamis

__all__ = ["merge", "total", "table"]


def merge(run_dir: Union[str, "os.PathLike[str]"]) -> List[Dict[str, Any]]:
    """Adds up the per-shard stats of a run directory: one dict per stage (``shards``,
    ``wall_ns``, ``io``: reading/writing counters, ``steps``: per-step counters keyed
    ``"03.gopher_quality"``)."""
    return list(_tamis.merge_stats(os.fspath(run_dir)))


def total(stages: Sequence[Dict[str, Any]]) -> Dict[str, Any]:
    """The whole run's stats from per-stage stats (steps of all stages, input counters of the
    first, output counters of the last)."""
    return dict(_tamis.total_stats(list(stages)))


def table(stages: Sequence[Dict[str, Any]]) -> str:
    """The table ``tamis stats`` prints."""
    return str(_tamis.stats_table(list(stages)))
