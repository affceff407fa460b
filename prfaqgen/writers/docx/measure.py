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
    """The advance widths of one font's glyphs, by code point, in font units."""

    def __init__(
        self, units: int, default: int, advances: dict[int, int], scale: float = 1.0
    ) -> None:
        self._units = units
        self._default = default
        self._advances = advances
        self._scale = scale

    @classmethod
    def read(cls, path: Path, scale: float = 1.0) -> FontMetrics:
        """The metrics in the font file ``path`` (fontTools reads it)."""
        from fontTools.ttLib import TTFont

        with _quiet(), TTFont(str(path), lazy=True, fontNumber=0) as font:
            units = int(font["head"].unitsPerEm) or 1000
            cmap: dict[int, str] = font.getBestCmap() or {}
            metrics: dict[str, tuple[int, int]] = font["hmtx"].metrics
            default = metrics.get(".notdef", (units // 2, 0))[0] or units // 2
            advances = {code: metrics.get(glyph, (default, 0))[0] for code, glyph in cmap.items()}
        return cls(units, default, advances, scale)

    def as_data(self) -> dict[str, Any]:
        """The metrics as JSON data: consecutive code points' widths in runs."""
        runs: list[list[Any]] = []
        for code in sorted(self._advances):
            if runs and runs[-1][0] + len(runs[-1][1]) == code:
                runs[-1][1].append(self._advances[code])
            else:
                runs.append([code, [self._advances[code]]])
        return {"units": self._units, "default": self._default, "runs": runs}

    @classmethod
    def from_data(cls, data: dict[str, Any], scale: float = 1.0) -> FontMetrics:
        advances = {
            first + i: width for first, widths in data["runs"] for i, width in enumerate(widths)
        }
        return cls(int(data["units"]), int(data["default"]), advances, scale)

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
    shipped = _shipped(path)
    if shipped is not None:
        return FontMetrics.from_data(shipped, scale)
    return FontMetrics.read(path, scale)


BUILTIN_METRICS = "metrics.json"


@functools.lru_cache(maxsize=1)
def _builtin_fonts() -> tuple[Path, dict[str, Any]]:
    """The built-in fonts' facts, read from their files once by
    ``scripts/make_font_metrics.py``: reading the fonts with fontTools on every
    render would cost more than writing the rest of the DOCX."""
    import json

    folder = templates_dir() / "theme" / "fonts"
    try:
        data = json.loads((folder / BUILTIN_METRICS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    return folder, data


def _shipped(path: Path) -> dict[str, Any] | None:
    """The shipped facts of a built-in font file, when ``path`` is that file unchanged."""
    folder, data = _builtin_fonts()
    entry = data.get(path.name)
    if entry is None or path.parent != folder:
        return None
    try:
        same = path.stat().st_size == entry["bytes"]
    except OSError:
        return None
    return dict(entry) if same else None


def font_facts(path: Path) -> dict[str, Any]:
    """What ``scripts/make_font_metrics.py`` ships for one font file (fontTools reads it)."""
    stat = path.stat()
    described = _describe(path, stat.st_mtime_ns, stat.st_size, shipped=False)
    if described is None:
        raise ValueError(f"{path}: not a readable font")
    family, bold, italic = described
    return {
        "bytes": stat.st_size,
        "family": family,
        "bold": bold,
        "italic": italic,
        **FontMetrics.read(path).as_data(),
    }


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
def _describe(
    path: Path, mtime_ns: int, size: int, shipped: bool = True
) -> tuple[str, bool, bool] | None:
    """A font file's (family, bold, italic), or None for a file that is not a readable font.

    Cached by the file's time and size, so that an edited theme is read again."""
    if size > MAX_FONT_BYTES:
        return None
    known = _shipped(path) if shipped else None
    if known is not None:
        return str(known["family"]), bool(known["bold"]), bool(known["italic"])
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
    import subprocess  # only for a font that is neither the theme's nor built in

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
