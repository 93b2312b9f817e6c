"""Python classes generated from the Rust config structs.

Step classes (``tamis.steps.Extract(...)``) and section classes (``tamis.io.Input(...)``) are
made at import time from the pipeline's JSON schema, and every constructor call is validated
by the Rust serde structs themselves (``deny_unknown_fields``, then ``build()``). Keyword
names, defaults and docs therefore cannot drift from the pipeline file format.
"""

from __future__ import annotations

import inspect
import keyword
from typing import Any, Dict, List, Optional, Tuple

from . import _tamis

_SCHEMA: Optional[Dict[str, Any]] = None


def schema() -> Dict[str, Any]:
    """The JSON schema of a pipeline file (cached)."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = _tamis.schema()
    return _SCHEMA


def _resolve(node: Dict[str, Any]) -> Dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return schema().get("$defs", {}).get(ref[len("#/$defs/"):], {})
    return node


def _field_docs(defn: Dict[str, Any]) -> Dict[str, str]:
    props = _resolve(defn).get("properties", {})
    return {k: (v.get("description") or "").strip() for k, v in props.items()}


def step_kinds() -> List[Tuple[str, str, Dict[str, Any]]]:
    """``(tag, config type name, schema of the config)`` for every step type."""
    step_def = schema().get("$defs", {}).get("StepConfig", {})
    out = []
    for variant in step_def.get("oneOf", []) or step_def.get("anyOf", []):
        tag = variant.get("properties", {}).get("type", {}).get("const")
        if not isinstance(tag, str):
            continue
        name = ""
        ref = variant.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
        for sub in variant.get("allOf", []):
            if isinstance(sub.get("$ref"), str):
                name = sub["$ref"].rsplit("/", 1)[-1]
        merged = dict(_resolve(variant))
        merged.setdefault("description", variant.get("description", ""))
        props = dict(merged.get("properties", {}))
        props.update({k: v for k, v in variant.get("properties", {}).items() if k != "type"})
        props.pop("type", None)
        merged["properties"] = props
        out.append((tag, name or _camel(tag) + "Config", merged))
    return out


def _camel(tag: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in tag.split("_"))


class Config:
    """Base of the generated classes: validated fields, ``to_dict()``, equality, pickling."""

    _tag: Optional[str] = None
    _section: Optional[str] = None

    def __init__(self, **fields: Any) -> None:
        if self._tag is not None:
            full = _tamis.step_config(self._tag, fields)
            full.pop("type", None)
        else:
            full = _tamis.section_config(self._section, fields)
        object.__setattr__(self, "_fields", full)

    def to_dict(self) -> Dict[str, Any]:
        """The config as written in a pipeline file (with ``type`` for steps)."""
        d = dict(self._fields)
        if self._tag is not None:
            return {"type": self._tag, **d}
        return d

    def __getattr__(self, name: str) -> Any:
        fields = self.__dict__.get("_fields", {})
        if name in fields:
            return fields[name]
        raise AttributeError(f"{type(self).__name__} has no field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; make a new one with other keyword arguments")

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self._fields == other._fields  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, repr(sorted(self._fields.items(), key=lambda kv: kv[0]))))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._fields.items())
        return f"{type(self).__name__}({args})"

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self).__module__, type(self).__qualname__, self._fields))


def _rebuild(module: str, qualname: str, fields: Dict[str, Any]) -> Config:
    import importlib

    cls = getattr(importlib.import_module(module), qualname)
    return cls(**fields)


def make_class(
    name: str, module: str, doc: str, field_docs: Dict[str, str], defaults: Dict[str, Any],
    tag: Optional[str] = None, section: Optional[str] = None, required: Tuple[str, ...] = (),
) -> type:
    """Makes one config class with a real signature and docstring."""
    params = []
    for field, default in defaults.items():
        if not field.isidentifier() or keyword.iskeyword(field):
            continue
        params.append(inspect.Parameter(field, inspect.Parameter.KEYWORD_ONLY,
                                        default=inspect.Parameter.empty if field in required else default))
    lines = [doc.strip() or name, "", "Keyword arguments (the fields of the pipeline file):", ""]
    for field, default in defaults.items():
        text = " ".join(field_docs.get(field, "").split())
        lines.append(f"- ``{field}`` (default ``{default!r}``): {text}")
    cls = type(name, (Config,), {
        "__doc__": "\n".join(lines),
        "__module__": module,
        "__qualname__": name,
        "_tag": tag,
        "_section": section,
    })
    cls.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    return cls
