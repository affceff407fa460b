"""binder.pdf: the comparison, then every idea's full PDF in rank order, one bookmark each.

Each idea's own outline (its sections) is kept under the idea's bookmark, so a
reader jumps from the ranking to any section of any idea. The file carries no
timestamp and an ID derived from its inputs: the same PDFs give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, ByteStringObject

from prfaqgen.errors import PortfolioError


def build_binder(comparison: bytes, ideas: Sequence[tuple[str, Path]], title: str) -> bytes:
    """``comparison`` first (bookmark "Comparison"), then each ``(title, pdf)`` in order."""
    writer = PdfWriter()
    digest = hashlib.sha256(comparison)
    writer.append(
        PdfReader(io.BytesIO(comparison)), outline_item="Comparison", import_outline=False
    )
    for idea_title, path in ideas:
        try:
            data = path.read_bytes()
            reader = PdfReader(io.BytesIO(data))
        except (OSError, PdfReadError) as exc:
            raise PortfolioError(f"{path}: cannot be added to the binder ({exc})") from None
        digest.update(data)
        writer.append(reader, outline_item=idea_title, import_outline=True)
    writer.add_metadata({"/Title": f"{title}: binder", "/Producer": "prfaqgen"})
    identifier = ByteStringObject(digest.digest()[:16])
    writer._ID = ArrayObject([identifier, identifier])
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
