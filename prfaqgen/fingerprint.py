"""Fingerprints: of the files below some folders (cache keys), of a spec's text."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

Fingerprint = tuple[tuple[str, int, int], ...]


def files_below(*folders: str | Path | None) -> Fingerprint:
    """Every file below ``folders`` (real paths) with its size and modification time (ns).

    The per-process caches of compiled templates and theme stylesheets are keyed
    by it, so an edited, added or removed file is never served stale.
    """
    found = set()
    for folder in folders:
        if folder is None:
            continue
        for dirpath, _dirs, files in os.walk(folder):
            for name in files:
                path = os.path.realpath(os.path.join(dirpath, name))
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                found.add((path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def spec_digest(source: str) -> str:
    """``sha256:HEX`` of a spec's text. The DOCX records it, so that ``prfaqgen comments``
    can tell whether a reviewed document was rendered from the spec it is given."""
    return "sha256:" + hashlib.sha256(source.encode("utf-8")).hexdigest()
