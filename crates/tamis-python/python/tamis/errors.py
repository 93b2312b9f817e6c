"""Exceptions raised by tamis.

Every error of the Rust core arrives as one of these classes (the mapping lives in one place,
``crates/tamis-python/src/errors.rs``). They carry the structured fields of the Rust error as
attributes: ``location`` for configuration errors (``"steps[2] (gopher_quality).min_words"``),
``path`` for I/O and format errors, ``step`` and ``shard`` where they apply.
"""

from __future__ import annotations

__all__ = ["TamisError", "ConfigError", "IoError", "FormatError", "StepError", "ShardError"]


class TamisError(Exception):
    """Base class of every tamis error."""


class ConfigError(TamisError, ValueError):
    """A configuration value is invalid; raised before any data is read.

    ``location`` names the section, step and field, ``message`` says what is expected.
    """

    location: str = ""
    message: str = ""


class IoError(TamisError, OSError):
    """A file or directory could not be read or written (``path``, ``errno``)."""

    path: str = ""


class FormatError(TamisError):
    """A file's data could not be read at all (not one bad record: those are skipped)."""

    path: str = ""
    message: str = ""


class StepError(TamisError):
    """A step failed for a reason other than its input (``step`` is its stats key)."""

    step: str = ""
    message: str = ""


class ShardError(TamisError):
    """A unit of work (one shard of one stage) failed or cannot start yet (``shard``)."""

    shard: int = 0
    message: str = ""
