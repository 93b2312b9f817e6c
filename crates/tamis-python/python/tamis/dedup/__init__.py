"""Steps of the `tamis-dedup` crate (the same classes as in :mod:`tamis.steps`)."""

import sys as _sys

from .._groups import fill as _fill

__all__ = _fill(_sys.modules[__name__], "dedup")
