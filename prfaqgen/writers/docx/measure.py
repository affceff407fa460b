"""Text widths from a font's own metrics, to size table columns as the client lays them out.

Word and LibreOffice break a cell's line only between words, unless the column
is narrower than a word: then the word breaks ("Revie/w"). A fixed character
width cannot tell "Review" in Carlito from "Yesterday" in DejaVu Serif, so the
advance widths come from the font file the client shows: a font file of the
theme, the built-in Carlito (metrically the same as Calibri), or the system's
font of that family (fontconfig). fontTools (a WeasyPrint dependency) reads
them; it is imported only when a document has a table.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docx.styles.style import BaseStyle

from prfaqgen.builtin import templates_dir
from prfaqgen.writers.docx.styles import StyleBook
from prfaqgen.writers.docx.tables import CellText, cell_padding

# Families a client shows with a metrically compatible font where it lacks them.
_METRIC_TWINS = {
    "calibri": "carlito",
    "cambria": "caladea",
    "arial": "liberation sans",
    "helvetica": "liberation sans",
    "times new roman": "liberation serif",
    "courier new": "liberation mono",
}
_FONT_SUFFIXES = (".ttf", ".otf")
MAX_FONT_BYTES = 20 * 1024 * 1024
# Without fontconfig an unknown font is measured as Carlito, one of the narrowest,
# widened to the advance of a monospace font (0.6 em against Carlito's 0.45).
UNKNOWN_FONT_SCALE = 1.35
# Twips added to every cell's padding: the client rounds its layout to its own units.
CELL_SLACK = 40
_SAFE_FAMILY = re.compile(r"[A-Za-z0-9 ._]{1,100}")


@dataclass(frozen=True)
class Face:
    """A font family in one weight and slant."""

    family: str
    bold: bool = False
    italic: bool = False


class FontMetrics:
    """The advance widths of one font file's glyphs."""

    def __init__(self, path: Path, scale: float = 1.0) -> None:
        from fontTools.ttLib import TTFont

        with _quiet(), TTFont(str(path), lazy=True, fontNumber=0) as font:
            self._units = int(font["head"].unitsPerEm) or 1000
            cmap: dict[int, str] = font.getBestCmap() or {}
            metrics: dict[str, tuple[int, int]] = font["hmtx"].metrics
            default = metrics.get(".notdef", (self._units // 2, 0))[0] or self._units // 2
            self._advances = {
                code: metrics.get(glyph, (default, 0))[0] for code, glyph in cmap.items()
            }
        self._default = default
        self._scale = scale

    def width(self, text: str, size_pt: float) -> int:
        """``text`` set in one line at ``size_pt``, in twips (rounded up; kerning ignored)."""
        units = sum(self._advances.get(ord(ch), self._default) for ch in text)
        return math.ceil(units * size_pt * 20 * self._scale / self._units)


@contextmanager
def _quiet() -> Iterator[None]:
    """fontTools logs harmless font quirks (an old 'created' date) that are no user's concern."""
    logger = logging.getLogger("fontTools")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


class FontBook:
    """Fonts by face, found once per document: the theme's files first, then the system's."""

    def __init__(self, folders: Iterable[Path] = (), roots: Iterable[Path] = ()) -> None:
        builtin = templates_dir() / "theme" / "fonts"
        self._folders = (*tuple(folders), builtin)
        self._roots = tuple(os.path.realpath(r) for r in (*tuple(roots), builtin))
        self._found: dict[Face, FontMetrics] = {}

    def metrics(self, face: Face) -> FontMetrics:
        """The metrics of ``face``; an unknown family is measured as a widened Carlito."""
        if face not in self._found:
            path = self._locate(face)
            found = None
            if path is not None:
                try:
                    found = _load(path, path.stat().st_mtime_ns, 1.0)
                except Exception:  # noqa: BLE001 - a font file that names itself but is broken
                    found = None
            if found is None:
                carlito = self._locate(Face("Carlito", face.bold, face.italic))
                assert carlito is not None, "the built-in Carlito is missing"
                found = _load(carlito, carlito.stat().st_mtime_ns, UNKNOWN_FONT_SCALE)
            self._found[face] = found
        return self._found[face]

    def _locate(self, face: Face) -> Path | None:
        names = [face.family.lower()]
        twin = _METRIC_TWINS.get(names[0])
        if twin:
            names.append(twin)
        index: dict[tuple[str, bool, bool], Path] = {}
        for folder in self._folders:
            for key, path in _font_index(folder).items():
                if _inside(path, self._roots):
                    index.setdefault(key, path)
        for name in names:
            for bold, italic in _fallback_styles(face):
                if (name, bold, italic) in index:
                    return index[(name, bold, italic)]
        return _system_font(face)


def _fallback_styles(face: Face) -> list[tuple[bool, bool]]:
    order = [(face.bold, face.italic), (face.bold, False), (False, face.italic), (False, False)]
    return list(dict.fromkeys(order))


def _inside(path: Path, roots: tuple[str, ...]) -> bool:
    real = os.path.realpath(path)
    return any(os.path.commonpath([real, root]) == root for root in roots)


@functools.lru_cache(maxsize=64)
def _load(path: Path, mtime_ns: int, scale: float) -> FontMetrics:
    return FontMetrics(path, scale)


def _font_index(folder: Path) -> dict[tuple[str, bool, bool], Path]:
    """(family, bold, italic) of every font file in ``folder`` and its ``fonts/``."""
    index: dict[tuple[str, bool, bool], Path] = {}
    candidates: list[Path] = []
    for where in (folder, folder / "fonts"):
        try:
            candidates += sorted(p for p in where.iterdir() if p.suffix.lower() in _FONT_SUFFIXES)
        except OSError:
            continue
    for path in candidates:
        try:
            stat = path.stat()
        except OSError:
            continue
        key = _describe(path, stat.st_mtime_ns, stat.st_size)
        if key is not None:
            index.setdefault(key, path)
    return index


@functools.lru_cache(maxsize=256)
def _describe(path: Path, mtime_ns: int, size: int) -> tuple[str, bool, bool] | None:
    """A font file's (family, bold, italic), or None for a file that is not a readable font.

    Cached by the file's time and size, so that an edited theme is read again."""
    if size > MAX_FONT_BYTES:
        return None
    try:
        from fontTools.ttLib import TTFont

        with _quiet(), TTFont(str(path), lazy=True, fontNumber=0) as font:
            name = font["name"]
            family = name.getDebugName(16) or name.getDebugName(1)
            selection = int(font["OS/2"].fsSelection) if "OS/2" in font else 0
            mac_style = int(font["head"].macStyle)
    except Exception:  # noqa: BLE001 - a theme's broken font file is skipped, never fatal
        return None
    if not family:
        return None
    bold = bool(selection & 0x20 or mac_style & 1)
    italic = bool(selection & 0x01 or mac_style & 2)
    return family.lower(), bold, italic


@functools.lru_cache(maxsize=32)
def _system_font(face: Face) -> Path | None:
    """fontconfig's file for ``face``: the font itself, or the one a client here shows
    in its place (DejaVu Sans Mono for Courier New where Liberation Mono is missing)."""
    program = shutil.which("fc-match")
    if program is None or not _SAFE_FAMILY.fullmatch(face.family):
        return None
    pattern = face.family
    pattern += ":weight=bold" if face.bold else ""
    pattern += ":slant=italic" if face.italic else ""
    try:
        found = subprocess.run(
            [program, "-f", "%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    if not found.lower().endswith(_FONT_SUFFIXES) or not os.path.isfile(found):
        return None
    return Path(found)


def style_font(style: Any, defaults: Any) -> tuple[str | None, float | None]:
    """The font family and size (pt) a python-docx paragraph or character ``style`` sets
    text in, following its base styles, then the document defaults (``w:docDefaults``)."""
    family: str | None = None
    size: float | None = None
    current = style
    while current is not None and (family is None or size is None):
        family = family or current.font.name
        if size is None and current.font.size is not None:
            size = current.font.size.pt
        current = current.base_style
    if defaults is not None and (family is None or size is None):
        fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        if family is None and fonts is not None:
            family = fonts.get(qn("w:ascii"))
        sz = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
        if size is None and sz is not None:
            size = int(sz.get(qn("w:val"), "20")) / 2
    return family, size


class _Deferred:
    """A face's metrics, found when first used: most tables have no code in them."""

    def __init__(self, fonts: FontBook, face: Face) -> None:
        self._fonts = fonts
        self._face = face

    def width(self, text: str, size_pt: float) -> int:
        return self._fonts.metrics(self._face).width(text, size_pt)


def cell_text(styles: StyleBook, fonts: FontBook, table_style: BaseStyle) -> CellText:
    """How the cells of a table in ``table_style`` are measured: in the Compact
    paragraph style's font (bold for headers) and the Code style's for code."""
    defaults = styles.document.styles.element.find(qn("w:docDefaults"))
    found, found_size = style_font(styles.paragraph("Compact"), defaults)
    family, size = found or "Calibri", found_size or 10.0  # Word's own defaults
    code_family, code_size = style_font(styles.character("Code"), None)
    return CellText(
        body=fonts.metrics(Face(family)),
        bold=fonts.metrics(Face(family, bold=True)),
        code=_Deferred(fonts, Face(code_family or family)),
        size=size,
        code_size=code_size or size,
        padding=cell_padding(table_style.element, styles.table_element) + CELL_SLACK,
    )
