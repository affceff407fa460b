"""Map an offset inside a text value to the file line and column it came from.

YAML folds lines, strips indentation and unescapes quotes, so the value the
model holds is not a slice of the file. We align the value with the source
span of its scalar, character by character: each character of the value is
found at or after the previous one in the source, skipping the indentation,
quotes and line breaks that YAML removed.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from prfaqgen.source.locations import FieldPath, Position, ScalarSpan, SourceMap

_NEWLINE = re.compile("\n")
_MAX_SKIP = 200
"""How far ahead to look for a character before giving up (an escape, say)."""


class Locator:
    """Positions of text values of one spec file; offsets are computed once per field."""

    def __init__(self, source_map: SourceMap) -> None:
        self.source_map = source_map
        # One C-level scan: a Python loop over every character took 5 ms on the example.
        self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(source_map.source))]
        self._aligned: dict[FieldPath, list[int]] = {}

    def position_of_offset(self, pointer: int) -> Position:
        """1-based line and column of a source offset."""
        line = bisect_right(self._line_starts, pointer)
        return Position(line, pointer - self._line_starts[line - 1] + 1)

    def text(self, path: FieldPath) -> str | None:
        span = self.source_map.scalars.get(path)
        return span.value if span else None

    def position(self, path: FieldPath, offset: int) -> Position:
        """Where character ``offset`` of the value at ``path`` stands in the file."""
        span = self.source_map.scalars.get(path)
        if span is None or not self.source_map.source:
            return self.source_map.of_value(path)
        pointers = self._aligned.get(path)
        if pointers is None:
            pointers = self._aligned[path] = _align(self.source_map.source, span)
        if not pointers:
            return self.source_map.of_value(path)
        return self.position_of_offset(pointers[max(0, min(offset, len(pointers) - 1))])


def _align(source: str, span: ScalarSpan) -> list[int]:
    """The source offset of each character of ``span.value`` (plus one past its end)."""
    pointer = span.start
    if span.style in ("|", ">"):
        pointer = source.find("\n", pointer) + 1 or span.end  # skip the header line
    elif span.style in ("'", '"'):
        pointer += 1
    end = max(span.end, pointer)
    chars, offsets = _source_chars(source, pointer, end, span.style)
    out: list[int] = []
    index = 0
    size = len(chars)
    for char in span.value:
        if index < size and chars[index] == char:  # the common case, as _find would say
            out.append(offsets[index])
            index += 1
            continue
        found = _find(chars, char, index)
        if found is None:
            out.append(offsets[index] if index < len(offsets) else end)
            continue
        out.append(offsets[found])
        index = found + 1
    out.append(offsets[index] if index < len(offsets) else end)
    return out


_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
    "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _source_chars(source: str, start: int, end: int, style: str | None) -> tuple[str, list[int]]:
    """The characters of a scalar's source as YAML reads them, each with its offset.

    Escapes of double-quoted text stand for the character they write (``\\n`` is
    a line break, ``\\ `` a space) and an escaped line break for nothing; in
    single-quoted text ``''`` is one quote. Other characters are themselves.
    """
    if style not in ("'", '"'):
        return source[start:end], list(range(start, end))
    chars: list[str] = []
    offsets: list[int] = []
    index = start
    while index < end:
        here = source[index]
        if style == "'" and source.startswith("''", index):
            chars.append("'")
            offsets.append(index)
            index += 2
            continue
        if style == '"' and here == "\\" and index + 1 < end:
            escape = source[index + 1]
            if escape in "\r\n":  # an escaped line break joins the lines
                index += 2 + (source.startswith("\r\n", index + 1))
                continue
            width = _HEX_ESCAPES.get(escape, 0)
            if escape in _ESCAPES or width:
                code = source[index + 2 : index + 2 + width]
                chars.append(_ESCAPES.get(escape) or _hex_char(code))
                offsets.append(index)
                index += 2 + width
                continue
        chars.append(here)
        offsets.append(index)
        index += 1
    return "".join(chars), offsets


def _hex_char(code: str) -> str:
    try:
        return chr(int(code, 16))
    except ValueError:
        return "\ufffd"


def _find(chars: str, char: str, start: int) -> int | None:
    """The next index holding ``char``; a folded space may be a line break."""
    for index in range(start, min(len(chars), start + _MAX_SKIP)):
        here = chars[index]
        if here == char or (char in " \n" and here in "\n\r"):
            return index
    return None
