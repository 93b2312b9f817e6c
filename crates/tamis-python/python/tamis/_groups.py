"""Fills the crate-named step modules (``tamis.extract``, ``tamis.clean``, ...)."""

from __future__ import annotations

from types import ModuleType
from typing import List

from . import steps


def fill(module: ModuleType, group: str) -> List[str]:
    names = []
    for tag, cls in steps.by_tag.items():
        if steps.module_of(tag) == group:
            setattr(module, cls.__name__, cls)
            names.append(cls.__name__)
    return names
