"""Steps: one class per ``type`` of ``[[steps]]`` entry, made from the Rust config structs.

``tamis.steps.DedupLines(min_chars=20)`` is the same as ``{"type": "dedup_lines",
"min_chars": 20}`` in a pipeline; the keyword arguments are the config fields, with the same
names and defaults, and they are validated when the object is made (a misspelled field or an
out-of-range value raises :class:`tamis.ConfigError` naming it). Every step class is here; the
crate-named modules (``tamis.extract``, ``tamis.clean``, ``tamis.filters``, ``tamis.dedup``)
hold the same classes grouped as in the Rust crates.
"""

from __future__ import annotations

from typing import Any, Dict, List

from .. import _tamis
from .._config import Config, _field_docs, make_class, step_kinds
from ..errors import ConfigError

__all__: List[str] = ["Step", "by_tag"]

#: The base class of every step class.
Step = Config

#: Step classes by their ``type`` tag.
by_tag: Dict[str, type] = {}


def _defaults(tag: str, props: Dict[str, Any]) -> Dict[str, Any]:
    try:
        full = _tamis.step_config(tag, {})
        full.pop("type", None)
        return full
    except ConfigError:
        return {k: v.get("default") for k, v in props.items()}


for _tag, _config_name, _defn in step_kinds():
    _name = _config_name[: -len("Config")] if _config_name.endswith("Config") else _config_name
    _props = _defn.get("properties", {})
    _required = tuple(r for r in _defn.get("required", []) if r != "type")
    _docs = _field_docs(_defn)
    _docs.update({k: (v.get("description") or "") for k, v in _props.items()})
    _cls = make_class(
        _name, __name__, _defn.get("description", ""), _docs, _defaults(_tag, _props),
        tag=_tag, required=_required,
    )
    globals()[_name] = _cls
    by_tag[_tag] = _cls
    __all__.append(_name)


def from_dict(d: Dict[str, Any]) -> Config:
    """The step object of a ``{"type": ..., **fields}`` dict."""
    fields = dict(d)
    tag = fields.pop("type", None)
    if tag not in by_tag:
        raise ConfigError(f"type: unknown step type {tag!r}; one of: {', '.join(sorted(by_tag))}")
    return by_tag[tag](**fields)


def module_of(tag: str) -> str:
    """The crate-named module a step type belongs to (``extract``, ``clean``, ``filters``,
    ``dedup``), by the crate that defines it."""
    if tag == "extract":
        return "extract"
    if tag in ("soft_error", "boilerplate", "dedup_lines", "frequent_lines"):
        return "clean"
    if tag.endswith("_dedup") or tag.startswith("dedup"):
        return "dedup"
    return "filters"


__all__.append("from_dict")
__all__.append("module_of")


class PythonStep:
    """A Python callable as a step: **the slow path**.

    ``fn(doc) -> dict | bool | None`` gets each document as a dict (``id``, ``text``,
    ``metadata``, and ``media`` while it is still HTML); it returns the document to keep
    (the same dict changed in place, or a new one), ``True`` to keep it unchanged, or
    ``None``/``False`` to drop it. Documents cross into Python one by one and the GIL is held
    while ``fn`` runs, so this is far slower than a built-in step; use it to prototype, and
    only in :func:`tamis.io.read` and :func:`tamis.io.process` (a run executed by
    :func:`tamis.run`, the CLI or Ray has built-in steps only, since every worker rebuilds
    the pipeline from its config).
    """

    def __init__(self, fn: Any, name: str = "") -> None:
        if not callable(fn):
            raise TypeError("PythonStep needs a callable")
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "python_step")

    def __call__(self, doc: Dict[str, Any]) -> Any:
        out = self.fn(doc)
        if out is True:
            return doc
        if out is None or out is False:
            return None
        if not isinstance(out, dict):
            raise TypeError(f"step {self.name!r} returned {type(out).__name__}; expected a dict, True, False or None")
        return out

    def __repr__(self) -> str:
        return f"PythonStep({self.name})"


__all__.append("PythonStep")
