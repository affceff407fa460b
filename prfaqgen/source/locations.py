"""Where each field of a spec stands in its YAML file.

Validation errors speak of field paths (``("faq", "external", 0, "q")``); the
author needs a line and a column. The reader records both the position of
every key and of every value, so that any error can be pointed at the most
useful place, even for a field that is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

FieldPath = tuple[str | int, ...]


def text_values(
    value: object, path: FieldPath = (), *, keys: bool = False
) -> Iterator[tuple[FieldPath, str]]:
    """Every string in read spec data, with its field path; with ``keys``, mapping keys too
    (each at the path of the value it names)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if keys and isinstance(key, str):
                yield (*path, key), key
            yield from text_values(item, (*path, key), keys=keys)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from text_values(item, (*path, index), keys=keys)


class Position(NamedTuple):
    line: int
    column: int


class ScalarSpan(NamedTuple):
    """Where a text value stands in the source, for locating words inside it."""

    style: str | None
    """None (plain), "'", '"', "|" or ">", as PyYAML reports it."""
    start: int
    """Offset in the source of the scalar's first character (its quote or indicator)."""
    end: int
    value: str
    """The text as YAML read it, before the model strips it."""


@dataclass
class SourceMap:
    """Positions of keys and values by field path, 1-based."""

    keys: dict[FieldPath, Position] = field(default_factory=dict)
    values: dict[FieldPath, Position] = field(default_factory=dict)
    blocks: dict[FieldPath, Position] = field(default_factory=dict)
    """First content line of each literal (``|``) block, whose lines map 1:1 to the text."""
    scalars: dict[FieldPath, ScalarSpan] = field(default_factory=dict)
    """Each text value's span, for the writing checks (prfaqgen.source.offsets)."""
    source: str = field(default="", repr=False)
    """The text that was read."""

    def of_text_line(self, path: FieldPath, line: int | None) -> Position:
        """Line ``line`` (0-based) of the text at ``path``, exact inside a ``|`` block."""
        block = self.blocks.get(path)
        if block is None or line is None:
            return self.of_value(path)
        return Position(block.line + line, block.column)

    def of_value(self, path: FieldPath) -> Position:
        """The value at ``path``, or the nearest enclosing field that exists."""
        for depth in range(len(path), -1, -1):
            prefix = path[:depth]
            if prefix in self.values:
                return self.values[prefix]
        return Position(1, 1)

    def of_key(self, path: FieldPath) -> Position:
        """The key of ``path`` (its value for list items, which have no key)."""
        if path in self.keys:
            return self.keys[path]
        return self.of_value(path)

    def of_missing(self, path: FieldPath) -> Position:
        """A missing field points at its parent: the parent's key line, if any."""
        parent = path[:-1]
        while parent and parent not in self.values:
            parent = parent[:-1]
        return self.of_key(parent) if parent else Position(1, 1)
