"""The one rule every writer applies to the files it reads: local, and inside the roots.

A template or a spec must not make a render read arbitrary files or reach the
network. Paths are resolved, symbolic links included, before the check.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from prfaqgen.errors import RenderError


def local_path(url: str, roots: Iterable[Path | str]) -> str:
    """The real path of a ``file://`` URL inside one of ``roots``, or RenderError."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise RenderError(f"refusing to fetch {url}: a document may only use local files")
    path = os.path.realpath(_url_path(parts.path))
    real_roots = [os.path.realpath(root) for root in roots]
    if not any(os.path.commonpath((path, root)) == root for root in real_roots):
        raise RenderError(
            f"refusing to read {path}: a document may only use files inside "
            + ", ".join(real_roots)
        )
    return path


def _url_path(path: str) -> str:
    """``url2pathname`` without importing urllib.request (and with it http, ssl and email,
    a tenth of a DOCX-only render's start-up): on POSIX it is ``unquote``."""
    if os.name == "nt":
        from urllib.request import url2pathname

        return url2pathname(path)
    return unquote(path)
