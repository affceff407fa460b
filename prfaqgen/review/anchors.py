"""Where in the rendered text each comment and tracked change of a reviewed DOCX stands.

One walk over word/document.xml in document order. The text is the text as
rendered: inserted text (``w:ins``) is left out, deleted text (``w:delText``)
kept, so offsets line up with what prfaqgen wrote. Each hidden field bookmark
collects the text of its paragraphs; a comment's range start, a change's start,
is recorded as an offset into the innermost field open there.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Kind = Literal["comment", "insertion", "deletion"]

_INSERTS = {f"{{{W}}}ins": "insertion", f"{{{W}}}moveTo": "insertion"}
_DELETES = {f"{{{W}}}del": "deletion", f"{{{W}}}moveFrom": "deletion"}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class FieldText:
    """The rendered text of one field bookmark, growing while the walk is inside it."""

    path: str
    order: int
    text: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, piece: str) -> None:
        self.text.append(piece)
        self.length += len(piece)

    def value(self) -> str:
        return "".join(self.text)


@dataclass
class Anchor:
    """One comment or change: the rendered text it covers and the field it is in."""

    kind: Kind
    key: str
    """The comment id, or the change's order in the document."""
    start: int
    """Offset in the document's rendered text."""
    end: int = -1
    field: FieldText | None = None
    field_start: int = 0
    near: FieldText | None = None
    """For an anchor outside every field: the field it is reported at."""
    author: str = ""
    date: str = ""
    changed: list[str] = dataclasses.field(default_factory=list)
    """A change's own text (inserted or deleted)."""


@dataclass
class Walk:
    """The result: every anchor, and the whole rendered text."""

    anchors: list[Anchor]
    text: str

    def selected(self, anchor: Anchor) -> str:
        return self.text[anchor.start : max(anchor.start, anchor.end)]


def walk_document(document: etree._Element, fields: dict[str, str]) -> Walk:
    """Anchors of the comments and tracked changes of ``document``'s body."""
    return _Walker(fields).run(document)


class _Walker:
    def __init__(self, fields: dict[str, str]) -> None:
        self.names = fields
        self.text: list[str] = []
        self.length = 0
        self.by_id: dict[str, FieldText] = {}
        self.active: list[FieldText] = []
        self.last_closed: FieldText | None = None
        self.waiting: list[Anchor] = []  # outside any field: reported at the next one
        self.comments: dict[str, Anchor] = {}
        self.changes: list[Anchor] = []
        self.open_changes: list[Anchor] = []
        self.count = 0
        self.here: list[Anchor] = []  # anchors made since the last text

    def run(self, document: etree._Element) -> Walk:
        body = document.find(w("body"))
        if body is not None:
            for event, el in etree.iterwalk(body, events=("start", "end")):
                if isinstance(el.tag, str):
                    (self._start if event == "start" else self._end)(el)
        for anchor in self.waiting:
            anchor.near = self.last_closed
        anchors = sorted([*self.comments.values(), *self.changes], key=lambda a: a.start)
        return Walk(anchors, "".join(self.text))

    def _start(self, el: etree._Element) -> None:
        tag = el.tag
        if tag == w("bookmarkStart"):
            path = self.names.get(el.get(w("name"), ""))
            if path is not None:
                opened = FieldText(path, len(self.by_id))
                self.by_id[el.get(w("id"), "")] = opened
                self.active.append(opened)
                for anchor in self.waiting:
                    anchor.near = opened
                self.waiting.clear()
                for anchor in self.here:
                    # Word may write a range start before a bookmark start at the same
                    # place (a whole paragraph selected): the anchor is in the new field.
                    if anchor.field is None or anchor.field.order < opened.order:
                        anchor.field, anchor.field_start, anchor.near = opened, 0, None
        elif tag == w("bookmarkEnd"):
            closed = self.by_id.get(el.get(w("id"), ""))
            if closed is not None and closed in self.active:
                self.active.remove(closed)
                self.last_closed = closed
        elif tag == w("commentRangeStart"):
            self._comment(el.get(w("id"), ""))
        elif tag == w("commentRangeEnd"):
            ended = self.comments.get(el.get(w("id"), ""))
            if ended is not None and ended.end < 0:
                ended.end = self.length
        elif tag == w("commentReference"):
            anchor = self._comment(el.get(w("id"), ""))
            if anchor.end < 0:
                anchor.end = self.length
        elif _is_change(el):
            kind: Kind = "insertion" if tag in _INSERTS else "deletion"
            self.count += 1
            change = self._anchor(kind, str(self.count))
            change.author = el.get(w("author"), "")
            change.date = el.get(w("date"), "")
            self.changes.append(change)
            self.open_changes.append(change)
        elif tag in (w("t"), w("delText")):
            inserted = any(c.kind == "insertion" for c in self.open_changes)
            if self.open_changes:
                self.open_changes[-1].changed.append(el.text or "")
            if not inserted:
                self._add(el.text or "")
        elif (
            tag in (w("tab"), w("br"), w("cr"))
            and _parent_tag(el) == w("r")
            and not any(c.kind == "insertion" for c in self.open_changes)
        ):
            self._add(" ")

    def _end(self, el: etree._Element) -> None:
        tag = el.tag
        if tag == w("p"):
            self._add("\n")
        elif _is_change(el) and self.open_changes:
            change = self.open_changes.pop()
            change.end = self.length

    def _add(self, piece: str) -> None:
        self.here.clear()
        self.text.append(piece)
        self.length += len(piece)
        for opened in self.active:
            opened.add(piece)

    def _comment(self, key: str) -> Anchor:
        if key not in self.comments:
            self.comments[key] = self._anchor("comment", key)
        return self.comments[key]

    def _anchor(self, kind: Kind, key: str) -> Anchor:
        anchor = Anchor(kind, key, self.length)
        self.here.append(anchor)
        if self.active:
            inner = max(self.active, key=lambda f: f.order)
            anchor.field, anchor.field_start = inner, inner.length
        else:
            self.waiting.append(anchor)
        return anchor


def _parent_tag(el: etree._Element) -> object:
    parent = el.getparent()
    return parent.tag if parent is not None else None


def _is_change(el: etree._Element) -> bool:
    """A tracked insertion or deletion of text (not the mark of a changed paragraph end)."""
    return (el.tag in _INSERTS or el.tag in _DELETES) and _parent_tag(el) != w("rPr")
