"""Embedding fonts in the PDF: one subsetter on every machine, fast, and cached.

WeasyPrint 70 subsets the fonts it embeds with HarfBuzz when the optional
``libharfbuzz-subset`` library happens to be installed, and with fontTools
otherwise, so the same document gave different (valid) bytes on different
machines. fontTools 4.68 also decompiles the whole GSUB and GPOS tables
(``_compact_layout_tables``) before its subsetter drops them as WeasyPrint
asks: about 0.3 s per font face, most of a render's time.

:func:`prfaqgen.writers.pdf_internals.embedding_fonts` swaps WeasyPrint's ``Font.subset`` for
:func:`subset_font` while a PDF is written: fontTools always (pinned in
constraints.txt), with the dropped tables deleted before the subsetter sees
them (they are dropped before glyph closure anyway, so the font is the same),
and the result cached per process by font bytes, glyph set and timestamp, so a
batch or a re-render does not subset the same font twice. (fontTools stamps the
subset's ``head.modified`` with SOURCE_DATE_EPOCH, which the PDF writer sets to
the spec's date: two specs of different dates share no subset.)
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from collections import OrderedDict
from typing import Any

from fontTools import subset as ft_subset
from fontTools.ttLib import TTFont, TTLibError
from weasyprint.logger import LOGGER

#: The tables WeasyPrint's own subsetters drop (pdf/fonts.py of WeasyPrint 70).
DROPPED_TABLES = ("BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF", "LTSH", "PCLT")
#: Subset fonts kept per process: a few faces times a few documents.
CACHE_SIZE = 64

_cache: OrderedDict[tuple[str, int, bytes, bool, bool, str | None], bytes] = OrderedDict()
_cache_lock = threading.Lock()


def subset_font(font: Any, to_unicode: dict[int, Any], hinting: bool) -> None:
    """Replace ``font.file_content`` (a ``weasyprint.pdf.fonts.Font``) by its subset
    to the glyph ids in ``to_unicode``: WeasyPrint's fontTools options, made fast."""
    if not to_unicode:
        return
    gids = sorted(to_unicode)
    key = (
        hashlib.sha256(font.file_content).hexdigest(),
        font.index,
        ",".join(map(str, gids)).encode(),
        bool(hinting),
        bool(font.missing),
        os.environ.get("SOURCE_DATE_EPOCH"),
    )
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
    if cached is None:
        cached = _subset(font.file_content, font.index, gids, hinting, bool(font.missing))
        if cached is None:
            LOGGER.warning('Unable to subset "%s" with fontTools', font.family)
            return
        with _cache_lock:
            _cache[key] = cached
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    font.file_content = cached


def _subset(
    data: bytes, index: int, gids: list[int], hinting: bool, notdef_outline: bool
) -> bytes | None:
    options = ft_subset.Options(
        retain_gids=True,
        passthrough_tables=True,
        ignore_missing_glyphs=True,
        hinting=hinting,
        desubroutinize=True,
        notdef_outline=notdef_outline,
    )
    options.drop_tables += ["GSUB", "GPOS", "SVG"]
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(gids=gids)
    try:
        ttfont = TTFont(io.BytesIO(data), fontNumber=index)
        for tag in DROPPED_TABLES:
            # Deleting a lazily loaded table never decompiles it.
            if tag in ttfont:
                del ttfont[tag]
        subsetter.subset(ttfont)
        out = io.BytesIO()
        ttfont.save(out)
    except TTLibError:
        return None
    return out.getvalue()


def clear_cache() -> None:
    """Forget every subset font (for tests)."""
    with _cache_lock:
        _cache.clear()
