"""From an offset in a field's rendered text to a line and column of the spec.

The rendered text is not the YAML value: Markdown marks are gone, quotes and
dashes are typographic, a dateline or "Q3." was added. Both are normalised and
aligned (difflib, no junk heuristic); an offset in the rendered text maps
through the matching blocks to an offset in the value, and the spec's source
map (prfaqgen.spec.offsets, as the writing checks use it) gives its line and
column.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from prfaqgen.diagnostics import format_path
from prfaqgen.spec.locations import FieldPath, Position, SourceMap
from prfaqgen.spec.offsets import Locator

_SAME = str.maketrans(
    {
        "‘": "'", "’": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"',
        "–": "-", "—": "-", "‒": "-", "−": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
        "\t": " ", "\n": " ", "\r": " ",
    }
)  # fmt: skip
_DROPPED = frozenset("*_`[]#>")
_MIN_BLOCK = 3
"""Shorter matches are chance (a letter of a dateline found in the summary)."""


@dataclass(frozen=True)
class Place:
    """Where a stretch of rendered text comes from in the spec."""

    path: str
    start: Position
    end: Position
    found: bool
    """False when the text is not in the field's value (changed, or written by the template)."""


def fold(text: str) -> str:
    """``text`` with typographic quotes, dashes and spaces made plain, runs of space one."""
    return " ".join(text.translate(_SAME).split())


def _normalise(text: str, drop_marks: bool) -> tuple[str, list[int]]:
    """``text`` compared loosely, with the offset in ``text`` of each character kept."""
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text.translate(_SAME)):
        if drop_marks and char in _DROPPED:
            continue
        if char == " " and out and out[-1] == " ":
            continue
        out.append(char)
        offsets.append(index)
    return "".join(out), offsets


class SpecPlaces:
    """Places rendered text of one spec's fields; alignments are made once per field."""

    def __init__(self, source_map: SourceMap) -> None:
        self.source_map = source_map
        self.locator = Locator(source_map)
        self.paths: dict[str, FieldPath] = {}
        for path in (*source_map.values, *source_map.scalars):
            self.paths.setdefault(format_path(path), path)

    def place(self, field: str, rendered: str, start: int, end: int) -> Place:
        """Where ``rendered[start:end]`` (the text of field ``field``) stands in the spec."""
        best: tuple[int, FieldPath, int, int] | None = None
        for path in self._scalars_under(field):
            value = self.locator.text(path) or ""
            covered, value_start, value_end = _map(rendered, value, start, end)
            if covered and (best is None or covered > best[0]):
                best = (covered, path, value_start, value_end)
        if best is None:
            elsewhere = self._anywhere(rendered[start:end])
            if elsewhere is not None:
                return elsewhere
            at = self.source_map.of_value(self.paths.get(field, ()))
            return Place(field, at, at, found=False)
        _, path, value_start, value_end = best
        return Place(
            format_path(path),
            self.locator.position(path, value_start),
            self.locator.position(path, max(value_start, value_end)),
            found=True,
        )

    def _anywhere(self, selected: str) -> Place | None:
        """The first value holding ``selected`` (text the template took from another field,
        as the dateline takes the location)."""
        wanted, _ = _normalise(selected.strip(" \n\"'“”‘’"), drop_marks=True)
        if len(wanted.strip()) < _MIN_BLOCK:
            return None
        for path in self.source_map.scalars:
            value, offsets = _normalise(self.locator.text(path) or "", drop_marks=True)
            at = value.find(wanted)
            if at >= 0:
                end = offsets[at + len(wanted) - 1] + 1
                return Place(
                    format_path(path),
                    self.locator.position(path, offsets[at]),
                    self.locator.position(path, end),
                    found=True,
                )
        return None

    def at_field(self, field: str) -> Position:
        return self.source_map.of_value(self.paths.get(field, ()))

    def _scalars_under(self, field: str) -> list[FieldPath]:
        return [
            path
            for path in self.source_map.scalars
            if (name := format_path(path)) == field or name.startswith((field + ".", field + "["))
        ]


def _map(rendered: str, value: str, start: int, end: int) -> tuple[int, int, int]:
    """How many characters of ``rendered[start:end]`` are found in ``value``, and the
    value offsets of the first and just past the last of them."""
    left, left_at = _normalise(rendered, drop_marks=False)
    right, right_at = _normalise(value, drop_marks=True)
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    lo = _index_at(left_at, start)
    hi = max(lo + 1, _index_at(left_at, end))  # a point comment covers the character after it
    covered = 0
    first = last = -1
    for a, b, size in matcher.get_matching_blocks():
        if size < _MIN_BLOCK:
            continue
        begin, stop = max(a, lo), min(a + size, hi)
        if begin >= stop:
            continue
        covered += stop - begin
        if first < 0:
            first = b + (begin - a)
        last = b + (stop - a)
    if covered == 0:
        return 0, 0, 0
    value_end = right_at[last - 1] + 1 if last > 0 else 0
    return covered, right_at[first], value_end


def _index_at(offsets: list[int], offset: int) -> int:
    """The index of the first normalised character at or after ``offset``."""
    for index, here in enumerate(offsets):
        if here >= offset:
            return index
    return len(offsets)
