"""The reader's fast path: a clean spec built straight from libyaml's events.

PyYAML's pure-Python scanner is most of the time ``validate`` spends on a
spec (about 15 ms of 17 for the example). libyaml reads the same YAML 1.1 ten
times faster, but its error messages and marks differ, and its composer would
expand aliases. So this path only takes documents it can build without a
single remark: no alias, no tag, no duplicate or complex key, no nesting past
the limit, one document. Anything else raises :class:`Unusual`, and the
reader starts again on the pure-Python path, which explains the problem at
its line and column as it always has. For the documents it takes, the data and
the source map are the same as that path's (tests/spec/test_yaml_paths.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from prfaqgen.source.locations import FieldPath, Position, ScalarSpan, SourceMap

_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: the reader's pure-Python path only
    _CParser = None

_NULLS = {"", "~", "null", "Null", "NULL"}


class Unusual(Exception):
    """The document needs the pure-Python path (an error, or something to remark on)."""


def available() -> bool:
    return _CParser is not None


def build(text: str, source_map: SourceMap, max_depth: int) -> dict[str, Any]:
    """The top-level mapping of ``text``, its positions recorded in ``source_map``."""
    try:
        parser = _CParser(text)
        event: Any = None
        for start in (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.MappingStartEvent):
            event = parser.get_event()
            if not isinstance(event, start):
                raise Unusual
        data = _Builder(text, source_map, max_depth, parser.get_event).node(event, ())
        for end in (yaml.DocumentEndEvent, yaml.StreamEndEvent):  # one document only
            if not isinstance(parser.get_event(), end):
                raise Unusual
    except yaml.YAMLError:
        raise Unusual from None
    assert isinstance(data, dict)
    return data


class _Builder:
    def __init__(
        self, text: str, source_map: SourceMap, max_depth: int, next_event: Callable[[], Any]
    ) -> None:
        self.text = text
        self.map = source_map
        self.max_depth = max_depth
        self.next_event = next_event

    def node(self, event: Any, path: FieldPath) -> Any:
        if len(path) > self.max_depth or getattr(event, "tag", None) not in (None, "!"):
            raise Unusual
        mark = event.start_mark
        self.map.values[path] = Position(mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, path)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(item := self.next_event(), yaml.SequenceEndEvent):
                items.append(self.node(item, (*path, len(items))))
            return items
        raise Unusual  # an alias

    def scalar(self, event: Any, path: FieldPath) -> str | None:
        style = event.style or None
        if style is None and event.value in _NULLS:
            return None
        start, end = event.start_mark, event.end_mark
        if style == "|":
            self.map.blocks[path] = block_start(self.text, start.index, end.index, start.line)
        self.map.scalars[path] = ScalarSpan(style, start.index, end.index, event.value)
        return str(event.value)

    def mapping(self, path: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        key: Any
        while not isinstance(key := self.next_event(), yaml.MappingEndEvent):
            if not isinstance(key, yaml.ScalarEvent) or key.tag not in (None, "!"):
                raise Unusual
            name = str(key.value)
            if name in out:
                raise Unusual
            child = (*path, name)
            mark: Any = key.start_mark
            self.map.keys[child] = Position(mark.line + 1, mark.column + 1)
            out[name] = self.node(self.next_event(), child)
        return out


def block_start(text: str, start: int, end: int, line: int) -> Position:
    """Where the content of a ``|`` block starts: the line after its header,
    at the indentation of its first non-blank line (``line`` is 0-based)."""
    first = text.find("\n", start) + 1
    indent = 0
    for row in text[first:end].split("\n"):
        if row.strip():
            indent = len(row) - len(row.lstrip(" "))
            break
    return Position(line + 2, indent + 1)
