"""Runs a pipeline's units of work as Ray tasks on an existing Ray cluster.

The driver plans the run (lists inputs, cuts shards, writes the run manifest), then for each
stage launches one Ray task per shard that is not complete yet; each task runs
:func:`tamis.exec.run_shard` (the GIL is released inside). Ray places the tasks and retries
the ones whose worker died or raised (``max_retries``); a retried unit starts from scratch
and only a completed unit has a completion marker, so nothing is lost or duplicated. The
driver waits for every task of a stage before starting the next (the barrier before a
corpus-level step), then merges the stats. The output is byte-identical to ``tamis run`` on
the same input, config and shard count: the units are the same code.

Every worker must see the input and output paths (a shared filesystem) and have ``tamis``
installed. Relative paths in the pipeline are made absolute on the driver.

>>> import ray, tamis, tamis.ray
>>> ray.init(address="auto")  # doctest: +SKIP
>>> report = tamis.ray.run(tamis.Pipeline.from_file("pipeline.toml"), shards=64)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from typing import Any, Dict, List, Optional

from .. import _tamis
from ..errors import TamisError
from ..exec import _pipeline

__all__ = ["run", "DEFAULT_MAX_RETRIES"]

#: Ray retries of a unit whose worker died or which raised.
DEFAULT_MAX_RETRIES = 3

_TMP_NAME = re.compile(r"^\d{5}\..+\.tmp-\d+$")


def _absolute(config: Dict[str, Any]) -> Dict[str, Any]:
    def fix(p: str) -> str:
        return p if "://" in p else os.path.abspath(p)

    config = dict(config)
    config["input"] = dict(config["input"], paths=[fix(p) for p in config["input"].get("paths", [])])
    config["output"] = dict(config["output"], path=fix(config["output"]["path"]))
    return config


def _unit(config_json: str, stage: int, shard: int, shards: int) -> Dict[str, Any]:
    from tamis import _tamis as native

    return native.run_shard(native.Pipeline.from_json(config_json), stage, shard, shards)


def _remove_stale_temp_files(root: str) -> None:
    """Removes temporary output files left by workers that were killed mid-unit (their
    retries wrote the file again under another name)."""
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if _TMP_NAME.match(name):
                try:
                    os.remove(os.path.join(dirpath, name))
                except OSError:
                    pass


def run(
    pipeline: Any,
    *,
    shards: Optional[int] = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    num_cpus: float = 1,
    memory: Optional[int] = None,
    keep_intermediate: bool = False,
    address: Optional[str] = None,
) -> Dict[str, Any]:
    """Runs (or resumes) ``pipeline`` on the Ray cluster this process is connected to
    (``ray.init(address=...)`` first, or pass ``address``). Returns the same report dict as
    :func:`tamis.run`; units that still failed after ``max_retries`` retries are listed in
    ``report["failed"]`` and the run stops at that stage (a rerun resumes it).

    ``num_cpus``/``memory`` are the Ray resources of one task (one unit runs on one core).
    """
    import ray

    if not ray.is_initialized():
        ray.init(address=address)
    p = _pipeline(pipeline)
    p = _tamis.Pipeline.from_dict(_absolute(p.to_dict()))
    info = _tamis.plan(p, shards)
    n, stages, root = info["shards"], info["stages"], info["root"]
    config_json = p.to_json()
    options: Dict[str, Any] = {"num_cpus": num_cpus, "max_retries": max_retries, "retry_exceptions": True}
    if memory is not None:
        options["memory"] = memory
    task = ray.remote(_unit).options(**options)
    config_ref = ray.put(config_json)
    failed: List[Dict[str, Any]] = []
    units_run = units_skipped = 0
    for stage in range(stages):
        complete = _tamis.plan(p, n)["complete"][stage]
        pending = [i for i in range(n) if not complete[i]]
        units_skipped += n - len(pending)
        refs = {task.remote(config_ref, stage, i, n): i for i in pending}
        remaining = list(refs)
        while remaining:
            done, remaining = ray.wait(remaining, num_returns=1)
            for ref in done:
                try:
                    ray.get(ref)
                    units_run += 1
                except Exception as e:  # noqa: BLE001 - a unit's failure is reported, not raised
                    failed.append({"stage": stage, "shard": refs[ref], "error": _message(e)})
        if failed:
            break
    _remove_stale_temp_files(root)
    try:
        report = _tamis.finish(p, n, keep_intermediate)
    except TamisError:
        if not failed:
            raise
        report = {"shards": n, "complete": False, "waiting_for_other_shards": False, "output": root,
                  "stages": [], "stats": {}}
    report.update(units_run=units_run, units_skipped=units_skipped, failed=sorted(failed, key=lambda f: f["shard"]))
    return report


def _message(e: BaseException) -> str:
    cause = getattr(e, "cause", None)
    if isinstance(cause, BaseException):
        return f"{type(cause).__name__}: {cause}"
    return f"{type(e).__name__}: {e}".splitlines()[0]

