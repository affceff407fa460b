"""Map an offset inside a text value to the file line and column it came from.

YAML folds lines, strips indentation and unescapes quotes, so the value the
model holds is not a slice of the file. We align the value with the source
span of its scalar, character by character: each character of the value is
found at or after the previous one in the source, skipping the indentation,
quotes and line breaks that YAML removed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from prfaqgen.spec.locations import FieldPath, Position, ScalarSpan, SourceMap

_MAX_SKIP = 200
"""How far ahead to look for a character before giving up (an escape, say)."""


@dataclass
class Locator:
    """Positions of text values of one spec file; offsets are computed once per field."""

    source_map: SourceMap
    _line_starts: list[int] = field(default_factory=list, init=False)
    _aligned: dict[FieldPath, list[int]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        source = self.source_map.source
        self._line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]

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
    out: list[int] = []
    end = max(span.end, pointer)
    for char in span.value:
        found = _find(source, char, pointer, end)
        if found is None:
            out.append(min(pointer, end))
            continue
        out.append(found)
        pointer = found + 1
    out.append(min(pointer, end))
    return out


def _find(source: str, char: str, start: int, end: int) -> int | None:
    """The next source offset holding ``char``; a folded space may be a line break."""
    limit = min(end, start + _MAX_SKIP)
    for index in range(start, limit):
        here = source[index]
        if here == char or (char in " \n" and here in "\n\r"):
            return index
    return None
