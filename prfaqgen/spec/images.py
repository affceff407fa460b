"""Which images a spec may use, checked once in the spec stage.

An untrusted spec must not read files elsewhere or reach the network, and
every writer must get an image it can draw. So each image reference is
checked here, where ``validate`` sees it too: a URL, an absolute path, a NUL,
a path that leaves the spec's folder (also through a symbolic link), a file
that is missing, not regular, unreadable, too large, not really a PNG, JPEG
or GIF, truncated or malformed is refused at the image's own line. The
limits are in docs/limits.md. Pillow is imported only when a spec has images.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prfaqgen.diagnostics import Diagnostic, format_path
from prfaqgen.source.locations import SourceMap, text_values
from prfaqgen.source.offsets import Locator
from prfaqgen.validation import to_plain

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from prfaqgen.spec.model import Spec

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# Suffix -> the format Pillow must find in the file's content.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF"}


def new_parser() -> MarkdownIt:
    """The one Markdown dialect of idea specs; raw HTML is escaped, never rendered."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


@lru_cache(maxsize=1)
def _shared_parser() -> MarkdownIt:
    return new_parser()


def image_sources(text: str) -> Iterator[tuple[str, int]]:
    """Every image source in ``text`` as written (after CommonMark normalisation),
    with the offset in ``text`` where the image starts (its block's start when
    it cannot be told). The one definition of an image."""
    if "![" not in text:  # every CommonMark image starts so; skip the parse
        return
    line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    for token in _shared_parser().parse(text):
        first, last = token.map or (0, 0)
        start = line_starts[min(first, len(line_starts) - 1)]
        end = line_starts[last] if last < len(line_starts) else len(text)
        cursor = start
        for child in token.children or ():
            if child.type == "image":
                found = _next_image(text, cursor, end)
                yield str(child.attrGet("src") or ""), start if found is None else found
                cursor = start if found is None else found + 2


def _next_image(text: str, start: int, end: int) -> int | None:
    """The next unescaped ``![`` in ``text[start:end]``."""
    index = text.find("![", start, end)
    while index > 0 and text[index - 1] == "\\":
        index = text.find("![", index + 2, end)
    return None if index < 0 else index


def check_images(
    spec: Spec, spec_path: Path, name: str, source_map: SourceMap
) -> tuple[dict[str, Path], list[Diagnostic]]:
    """Resolve every image of ``spec`` to its real path, or say at its line why not."""
    root = Path(os.path.realpath(spec_path.parent))
    resolved: dict[str, Path] = {}
    problems: list[Diagnostic] = []
    locator = Locator(source_map)
    for path, text in text_values(to_plain(spec)):
        # Offsets count in the text as the YAML scalar holds it, which the locator maps.
        for src, offset in image_sources(locator.text(path) or text):
            target, why = resolved.get(src), ""
            if target is None:
                target, why = _resolve(src, root)
            if target is not None:
                resolved[src] = target
                continue
            pos = locator.position(path, offset)
            problems.append(Diagnostic(name, pos.line, pos.column, format_path(path), why))
    return resolved, problems


def _resolve(src: str, root: Path) -> tuple[Path | None, str]:
    from urllib.parse import unquote, urlsplit  # only for a spec with images

    shown = unquote(src)
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("//"):
        return None, (
            f"image `{shown}` is a URL; prfaqgen never fetches anything: save the image "
            "in the spec's folder and give its relative path"
        )
    if not shown:
        return None, "an image has an empty path: give the image file's relative path"
    if "\x00" in shown:
        return None, (
            f"image `{shown.replace(chr(0), '%00')}` has a NUL character in its path: "
            "give the image file's real relative path"
        )
    if os.path.isabs(shown):
        return None, (
            f"image `{shown}` is an absolute path: give a path relative to the spec's folder"
        )
    target = Path(os.path.realpath(root / shown))
    if not target.is_relative_to(root):
        return None, (
            f"image `{shown}` is outside the spec's folder: images are read only from the "
            "folder of the spec and its subfolders; copy it there"
        )
    if not target.exists():
        return None, f"image `{shown}` was not found (looked for {target})"
    if not target.is_file():
        return None, f"image `{shown}` is not a regular file: give the path of an image file"
    expected = IMAGE_FORMATS.get(target.suffix.lower())
    if expected is None:
        return None, f"image `{shown}` is not a PNG, JPEG or GIF file: convert it to one of those"
    why = _check_content(target, expected)
    return (None, f"image `{shown}` {why}") if why else (target, "")


def _check_content(target: Path, expected: str) -> str:
    """Why the file is not a drawable image of format ``expected``, or ``""``."""
    import warnings

    from PIL import Image

    try:
        size = target.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return (
                f"is {size:,} bytes, over the limit of {MAX_IMAGE_BYTES:,}: "
                "save it smaller (see docs/limits.md)"
            )
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(target) as image:
                found = image.format
                width, height = image.size
                if found != expected:
                    return (
                        f"is named as a {expected} file but holds {found or 'unknown'} data: "
                        "give it the right extension or convert it"
                    )
                if width * height > MAX_IMAGE_PIXELS:
                    return (
                        f"is {width}x{height} pixels, over the limit of {MAX_IMAGE_PIXELS:,} "
                        "pixels: scale it down (see docs/limits.md)"
                    )
                _load_strictly(image)
    except PermissionError:
        return "cannot be read: check its permissions"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"has more than {MAX_IMAGE_PIXELS:,} pixels: scale it down (see docs/limits.md)"
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a bad file
        return (
            f"is not a readable {expected} image ({type(exc).__name__}: {exc}): "
            "it may be truncated or damaged; export it again"
        )
    return ""


def _load_strictly(image: Any) -> None:
    """Decode the whole image: finds truncated and header-lying files.

    WeasyPrint sets Pillow's global LOAD_TRUNCATED_IMAGES when imported, which
    would let a truncated file pass; it is turned off for this check only.
    """
    from PIL import ImageFile

    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
