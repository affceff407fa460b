"""Images: which files the writer may embed, and how large.

The compose stage resolves every ``src`` to a ``file://`` URL; the writer
embeds only files inside the document's resource roots, so a template or a
spec cannot pull arbitrary files (or the network) into a document it shares.
"""

from __future__ import annotations

import base64
import binascii
import io
import os
import re
from pathlib import Path
from typing import IO
from urllib.parse import unquote_to_bytes

from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.image.image import Image
from docx.shared import Length

from prfaqgen.errors import RenderError
from prfaqgen.writers.local_files import local_path

# A picture given inline by a template (``<img src="data:...">``): the types
# Word shows, and at most this many bytes once decoded.
DATA_URL_MAX_BYTES = 5 * 1024 * 1024
_DATA_URL = re.compile(
    r"data:image/(png|jpeg|jpg|gif|bmp|tiff)((?:;[^,;]*)*?)(;base64)?,(.*)", re.I | re.S
)

ImageSource = str | IO[bytes]


def decode_data_url(src: str) -> bytes:
    """The bytes of a ``data:image/...`` URL, or RenderError (wrong type, too large)."""
    found = _DATA_URL.fullmatch(src.strip())
    if found is None:
        raise RenderError(
            f'image "{src[:60]}": a data: URL must be a PNG, JPEG, GIF, BMP or TIFF image'
        )
    payload = found.group(4)
    if len(payload) > DATA_URL_MAX_BYTES * 4 // 3 + 4:
        raise RenderError(f"a data: image is larger than {DATA_URL_MAX_BYTES // 2**20} MB")
    try:
        if found.group(3):
            data = base64.b64decode("".join(payload.split()), validate=True)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError) as exc:
        raise RenderError(f"a data: image is not valid base64: {exc}") from None
    if len(data) > DATA_URL_MAX_BYTES:
        raise RenderError(f"a data: image is larger than {DATA_URL_MAX_BYTES // 2**20} MB")
    return data


class ImagePolicy:
    """Resolves image URLs inside the resource roots and fits them to the text box."""

    def __init__(self, roots: tuple[Path, ...], box: tuple[Length, Length]) -> None:
        self._roots = tuple(os.path.realpath(root) for root in roots)
        self._box = box

    def resolve(self, src: str) -> ImageSource:
        """The real path of ``src`` (or the bytes of a ``data:`` URL), or RenderError
        if it is not a file in a root."""
        if src.strip()[:5].lower() == "data:":
            return io.BytesIO(decode_data_url(src))
        try:
            path = local_path(src, self._roots)
        except RenderError as exc:
            raise RenderError(f'image "{src}": {exc}') from None
        if not os.path.isfile(path):
            raise RenderError(f'image "{src}" does not exist')
        return path

    def fitted_size(self, path: ImageSource) -> tuple[int, int]:
        """(width, height) in EMU: the natural size, shrunk to fit the text box."""
        name = path if isinstance(path, str) else "data: URL"
        try:
            image = Image.from_file(path)
        except (
            UnrecognizedImageError,
            InvalidImageStreamError,
            UnexpectedEndOfFileError,
            OSError,
            ValueError,
        ) as exc:
            raise RenderError(
                f'image "{name}" cannot go into a DOCX: use PNG, JPEG, GIF, BMP or TIFF'
            ) from exc
        finally:
            if not isinstance(path, str):
                path.seek(0)
        width, height = image.width, image.height
        if width <= 0 or height <= 0:
            raise RenderError(f'image "{name}" has no size')
        scale = min(1.0, self._box[0] / width, self._box[1] / height)
        return int(width * scale), int(height * scale)
