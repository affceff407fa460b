"""Images: which files the writer may embed, and how large.

The compose stage resolves every ``src`` to a ``file://`` URL; the writer
embeds only files inside the document's resource roots, so a template or a
spec cannot pull arbitrary files (or the network) into a document it shares.
"""

from __future__ import annotations

import os
from pathlib import Path

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.shared import Length

from prfaqgen.errors import RenderError
from prfaqgen.writers.local_files import local_path


class ImagePolicy:
    """Resolves image URLs inside the resource roots and fits them to the text box."""

    def __init__(self, roots: tuple[Path, ...], box: tuple[Length, Length]) -> None:
        self._roots = tuple(os.path.realpath(root) for root in roots)
        self._box = box

    def resolve(self, src: str) -> str:
        """The real path of ``src``, or RenderError if it is not a file in a root."""
        try:
            path = local_path(src, self._roots)
        except RenderError as exc:
            raise RenderError(f'image "{src}": {exc}') from None
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
