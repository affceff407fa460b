"""Images: which files the writer may embed, and how large.

The compose stage resolves every ``src`` to a ``file://`` URL; the writer
embeds only files inside the document's resource roots, so a template or a
spec cannot pull arbitrary files (or the network) into a document it shares.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.shared import Length

from prfaqgen.errors import RenderError


class ImagePolicy:
    """Resolves image URLs inside the resource roots and fits them to the text box."""

    def __init__(self, roots: tuple[Path, ...], box: tuple[Length, Length]) -> None:
        self._roots = tuple(os.path.realpath(root) for root in roots)
        self._box = box

    def resolve(self, src: str) -> str:
        """The real path of ``src``, or RenderError if it is not a file in a root."""
        parsed = urlparse(src)
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
            raise RenderError(
                f'image "{src}": the DOCX writer embeds only file:// images '
                "inside the spec or theme folder"
            )
        path = os.path.realpath(url2pathname(parsed.path))
        if not any(os.path.commonpath([path, root]) == root for root in self._roots):
            raise RenderError(
                f'image "{src}" is outside the folders a document may read '
                f"({', '.join(self._roots) or 'none'})"
            )
        if not os.path.isfile(path):
            raise RenderError(f'image "{src}" does not exist')
        return path

    def fitted_size(self, path: str) -> tuple[int, int]:
        """(width, height) in EMU: the natural size, shrunk to fit the text box."""
        try:
            image = Image.from_file(path)
        except (UnrecognizedImageError, OSError) as exc:
            raise RenderError(
                f'image "{path}" cannot go into a DOCX: use PNG, JPEG, GIF, BMP or TIFF'
            ) from exc
        width, height = image.width, image.height
        if width <= 0 or height <= 0:
            raise RenderError(f'image "{path}" has no size')
        scale = min(1.0, self._box[0] / width, self._box[1] / height)
        return int(width * scale), int(height * scale)
