"""Which files a spec may pull into its document: images from its own folder tree only.

An untrusted spec must not read files elsewhere or reach the network, so
every image source is checked before anything is rendered: a URL, an
absolute path, or a path that leaves the spec's folder (also through a
symbolic link) is refused with a located message, and nothing is fetched.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from prfaqgen.diagnostics import Diagnostic, format_path
from prfaqgen.render.markdown import image_sources
from prfaqgen.spec.loader import LoadedSpec
from prfaqgen.spec.locations import FieldPath

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")


def check_images(loaded: LoadedSpec) -> tuple[dict[str, str], list[Diagnostic]]:
    """Resolve every image of the spec to a ``file://`` URL, or say why it can't be."""
    root = Path(os.path.realpath(loaded.path.parent))
    resolved: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for path, text in _prose_fields(loaded.spec.model_dump()):
        for src, line in image_sources(text):
            target, why = _resolve(src, root)
            if target is not None:
                resolved[src] = target.as_uri()
                continue
            pos = loaded.source_map.of_text_line(path, line)
            problems.append(
                Diagnostic(loaded.display_name, pos.line, pos.column, format_path(path), why)
            )
    return resolved, problems


def _resolve(src: str, root: Path) -> tuple[Path | None, str]:
    shown = unquote(src)
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("//"):
        return None, (
            f"image `{shown}` is a URL; prfaqgen never fetches anything: save the image "
            "in the spec's folder and give its relative path"
        )
    if not shown:
        return None, "an image has an empty path: give the image file's relative path"
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
    if not target.is_file():
        return None, f"image `{shown}` was not found (looked for {target})"
    if target.suffix.lower() not in IMAGE_SUFFIXES:
        return None, (f"image `{shown}` is not a PNG, JPEG or GIF file: convert it to one of those")
    return target, ""


def _prose_fields(value: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _prose_fields(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _prose_fields(item, (*path, index))
