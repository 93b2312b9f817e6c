"""Steps of the `tamis-extract` crate (the same classes as in :mod:`tamis.steps`), and
:func:`extract` / :func:`extract_page` for one page held in Python."""

from __future__ import annotations

import sys as _sys
from typing import Any, Dict, Optional, Union

from .._groups import fill as _fill


def extract_page(html: Union[str, bytes], *, url: Optional[str] = None, **options: Any) -> Dict[str, Any]:
    """The main text of one HTML page and its metadata: ``{"text": str, "metadata": {...}}``
    (``title``, ``canonical_url``, ``lang``, ``date_published``, ``author`` when the page has
    them, and ``url`` when given; a page nothing dates takes the day ``url`` names, as in
    ``/2019/11/19/``).

    ``html`` is the page's bytes (the charset is found from a BOM, ``<meta>`` or the content)
    or an already decoded ``str``. ``options`` are the fields of :class:`tamis.steps.Extract`
    (``output="markdown"``, ``include_tables=False``, ``include_links=True``, ...); a wrong one
    raises :class:`tamis.errors.ConfigError`. A page without main content gives ``""``.
    """
    from .. import io, steps

    if isinstance(html, str):
        media = {"bytes": html.encode("utf-8"), "mime": "text/html", "charset": "utf-8"}
    elif isinstance(html, (bytes, bytearray, memoryview)):
        media = {"bytes": bytes(html), "mime": "text/html", "charset": None}
    else:
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    options.setdefault("drop_empty", False)
    step = steps.Extract(**options)
    doc: Dict[str, Any] = {"id": url or "page", "text": "", "media": media, "metadata": {}}
    if url is not None:
        doc["metadata"]["url"] = url
    out = io.process([doc], [step])
    if not out:
        return {"text": "", "metadata": dict(doc["metadata"])}
    return {"text": out[0]["text"], "metadata": out[0]["metadata"]}


def extract(html: Union[str, bytes], *, url: Optional[str] = None, **options: Any) -> str:
    """The main text of one HTML page (see :func:`extract_page` for the arguments)::

        import tamis.extract
        text = tamis.extract.extract(html_bytes, output="markdown", include_links=True)
    """
    text: str = extract_page(html, url=url, **options)["text"]
    return text


__all__ = _fill(_sys.modules[__name__], "extract") + ["extract", "extract_page"]
