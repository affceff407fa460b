"""binder.pdf: the comparison, then every idea's full PDF in rank order, one bookmark each.

Each idea's own outline (its sections) is kept under the idea's bookmark, so a
reader jumps from the ranking to any section of any idea. Every link works in
the binder: a link to a place in a document, or to an idea's PDF, becomes a
jump to that page of the binder; a link to another file is made relative to
the binder's folder. The file carries no timestamp and an ID derived from its
inputs: the same PDFs give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    NameObject,
    NullObject,
    NumberObject,
)

from prfaqgen.errors import PortfolioError


@dataclass(frozen=True)
class _Part:
    """One document in the binder: where its pages start and where it lives."""

    reader: PdfReader
    first_page: int
    link_base: str
    """Its folder, relative to the binder's ("" for the binder's own folder)."""


def build_binder(
    comparison: bytes, ideas: Sequence[tuple[str, Path]], title: str, root: Path | None = None
) -> bytes:
    """``comparison`` first (bookmark "Comparison"), then each ``(title, pdf)`` in order.

    ``root`` is the binder's folder; links are resolved against it.
    """
    writer = PdfWriter()
    digest = hashlib.sha256(comparison)
    first = PdfReader(io.BytesIO(comparison))
    parts = [_Part(first, 0, "")]
    writer.append(first, outline_item="Comparison", import_outline=False)
    targets: dict[str, int] = {}
    for idea_title, path in ideas:
        try:
            data = path.read_bytes()
            reader = PdfReader(io.BytesIO(data))
        except (OSError, PdfReadError) as exc:
            raise PortfolioError(f"{path}: cannot be added to the binder ({exc})") from None
        digest.update(data)
        start = len(writer.pages)
        base = _relative(path.parent, root) if root is not None else ""
        parts.append(_Part(reader, start, base))
        targets[posixpath.normpath(posixpath.join(base, path.name))] = start
        writer.append(reader, outline_item=idea_title, import_outline=True)
    _fix_links(writer, parts, targets)
    writer.add_metadata({"/Title": f"{title}: binder", "/Producer": "prfaqgen"})
    identifier = ByteStringObject(digest.digest()[:16])
    writer._ID = ArrayObject([identifier, identifier])
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _relative(folder: Path, root: Path) -> str:
    import os

    rel = Path(os.path.relpath(os.path.realpath(folder), os.path.realpath(root))).as_posix()
    return "" if rel == "." else rel


def _fix_links(writer: PdfWriter, parts: Sequence[_Part], targets: dict[str, int]) -> None:
    """Named destinations become page jumps; relative file links follow the binder."""
    ends = [p.first_page for p in parts[1:]] + [len(writer.pages)]
    for part, end in zip(parts, ends, strict=True):
        named = _named_pages(part.reader)
        for index in range(part.first_page, end):
            for ref in writer.pages[index].get("/Annots") or []:
                annot = ref.get_object()
                page = _target(annot, part, named, targets)
                if page is not None:
                    _jump(writer, annot, page)


def _target(
    annot: DictionaryObject, part: _Part, named: dict[str, int], targets: dict[str, int]
) -> int | None:
    """The binder page this link should jump to, or None (a URI is rebased in place)."""
    dest = annot.get("/Dest")
    action = annot.get("/A")
    action = action.get_object() if action is not None else None
    if dest is None and action is not None and action.get("/S") == "/GoTo":
        dest = action.get("/D")
    if isinstance(dest, str):
        return part.first_page + named[dest] if dest in named else None
    uri = action.get("/URI") if action is not None else None
    if not isinstance(uri, str) or urlsplit(uri).scheme or uri.startswith("#"):
        return None
    where = posixpath.normpath(posixpath.join(part.link_base, unquote(urlsplit(uri).path)))
    if where in targets:
        return targets[where]
    if part.link_base:
        assert action is not None
        fragment = urlsplit(uri).fragment
        action[NameObject("/URI")] = type(uri)(quote(where) + (f"#{fragment}" if fragment else ""))
    return None


def _jump(writer: PdfWriter, annot: DictionaryObject, page: int) -> None:
    """Make ``annot`` jump to the top of binder page ``page``."""
    target = writer.pages[page].indirect_reference
    destination = ArrayObject(
        [target, NameObject("/XYZ"), NullObject(), NullObject(), NumberObject(0)]
    )
    if "/A" in annot:
        del annot[NameObject("/A")]
    annot[NameObject("/Dest")] = destination


def _named_pages(reader: PdfReader) -> dict[str, int]:
    pages: dict[str, int] = {}
    for name, destination in reader.named_destinations.items():
        try:
            page = reader.get_destination_page_number(destination)
        except (KeyError, ValueError, AttributeError, TypeError):
            continue
        if page is not None and page >= 0:
            pages[str(name)] = page
    return pages
