"""Read an untrusted zip package (a DOCX) into memory within size limits.

Shared by the theme's reference DOCX (writers/docx/reference.py) and ``prfaqgen
import`` (importing/docx_reader.py): both open files from outside the project.
Each part is read no further than its limit, whatever the zip's headers claim,
so a zip bomb costs at most the limits in memory; XML that declares a DOCTYPE or
entities ("billion laughs") is refused before any parser sees it.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path


class PackageRefused(ValueError):
    """The package breaks a limit or cannot be read; the message says which, for a user."""


@dataclass(frozen=True)
class Bounds:
    file_bytes: int
    part_bytes: int
    total_bytes: int
    parts: int


def read_parts(path: Path, bounds: Bounds) -> dict[str, bytes]:
    """Every file in the zip at ``path``, by name; raises :class:`PackageRefused`."""
    try:
        size = path.stat().st_size
        if size > bounds.file_bytes:
            raise PackageRefused(f"it is {size:,} bytes, over the limit of {bounds.file_bytes:,}")
        with zipfile.ZipFile(path) as archive:
            return _read(archive, bounds)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, EOFError) as exc:
        raise PackageRefused(f"it is not a readable DOCX file ({exc})") from None
    except (NotImplementedError, ValueError) as exc:
        if isinstance(exc, PackageRefused):
            raise
        # An unknown compression method or a corrupt header.
        raise PackageRefused(f"it is not a readable DOCX file ({exc})") from None


def _read(archive: zipfile.ZipFile, bounds: Bounds) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > bounds.parts:
        raise PackageRefused(f"it has {len(infos):,} parts, over the limit of {bounds.parts}")
    parts: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        with archive.open(info) as handle:  # never trust file_size: read to the limit only
            data = handle.read(bounds.part_bytes + 1)
        if len(data) > bounds.part_bytes:
            raise PackageRefused(
                f"its part {info.filename} inflates beyond {bounds.part_bytes:,} bytes"
            )
        total += len(data)
        if total > bounds.total_bytes:
            raise PackageRefused(f"its parts inflate beyond {bounds.total_bytes:,} bytes in all")
        parts[info.filename] = data
    return parts


def declares_entities(data: bytes) -> bool:
    """True for XML that declares a DOCTYPE or entities (never needed in a DOCX)."""
    return b"<!DOCTYPE" in data or b"<!ENTITY" in data
