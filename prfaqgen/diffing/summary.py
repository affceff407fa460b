"""What changed between two specs, part by part: the text summary of a diff.

Compares the two typed models (not the rendered text), so that a change is
named by its field path (``faq.external[2].a``) and located in the new spec.
List items (questions, quotes, metrics, appendix entries) are paired by their
wording, so that a question inserted before others is one added question, not
every later question changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from prfaqgen.diagnostics import format_path
from prfaqgen.spec.loader import LoadedSpec
from prfaqgen.spec.locations import FieldPath, Position

Kind = Literal["changed", "added", "removed"]
# The field that names a list item in the summary, by the list's field name.
_LABELS = {
    "external": "q",
    "internal": "q",
    "customer_quotes": "name",
    "metrics": "name",
    "appendix": "title",
}
_MIN_LIKENESS = 0.4


@dataclass(frozen=True)
class Change:
    """One field or list item that was changed, added or removed."""

    kind: Kind
    path: str
    """Dotted field path: in the new spec, or in the old one for a removed item."""
    line: int
    column: int
    """Where it stands in the new spec (a removed item: where it stood, its list)."""
    label: str = ""
    """What the item is called (a question, a quote's speaker), when it has a name."""

    @property
    def section(self) -> str:
        return self.path.split(".")[0].split("[")[0]

    def format(self, file: str) -> str:
        label = f": {json.dumps(self.label, ensure_ascii=False)}" if self.label else ""
        return f"{file}:{self.line}:{self.column}: {self.kind} {self.path}{label}"

    def as_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class SpecChanges:
    """Every change from the old spec to the new one, in the new spec's order."""

    old: str
    new: str
    changes: tuple[Change, ...]

    @property
    def sections(self) -> list[str]:
        """The top-level parts with a change, in order (``press_release``, ``faq``...)."""
        return list(dict.fromkeys(c.section for c in self.changes))

    def lines(self) -> list[str]:
        """The summary as printed: one line per change, then the parts changed."""
        if not self.changes:
            return [f"{self.new}: no changes since {self.old}"]
        count = len(self.changes)
        head = f"{self.new}: {count} change{'s' if count != 1 else ''} since {self.old}"
        body = [c.format(self.new) for c in self.changes]
        return [head, *body, f"parts changed: {', '.join(self.sections)}"]

    def as_dict(self) -> dict[str, object]:
        return {
            "old": self.old,
            "new": self.new,
            "sections": self.sections,
            "changes": [c.as_dict() for c in self.changes],
        }


def compare_specs(old: LoadedSpec, new: LoadedSpec) -> SpecChanges:
    """The changes from ``old`` to ``new``, located in ``new``."""
    old_data, new_data = _plain(old.spec), _plain(new.spec)
    walker = _Walker(new, old_data, new_data)
    changes = tuple(walker.compare(old_data, new_data, (), ()))
    return SpecChanges(old.display_name, new.display_name, changes)


def _plain(value: object) -> object:
    """The model as dicts, lists and scalars; empty values as None (absent is absent)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()} or None
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value] or None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _words(value: object) -> list[str]:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).split()


class _Walker:
    def __init__(self, new: LoadedSpec, old_data: object, new_data: object) -> None:
        self._map = new.source_map
        self._old = old_data
        self._new = new_data

    def compare(
        self, old: object, new: object, old_path: FieldPath, new_path: FieldPath
    ) -> Iterator[Change]:
        if old == new:
            return
        if old is None:
            yield self._change("added", new_path, new)
        elif new is None:
            yield self._change("removed", old_path, old, at=new_path)
        elif isinstance(old, dict) and isinstance(new, dict):
            for key in [*new, *(k for k in old if k not in new)]:
                yield from self.compare(
                    old.get(key), new.get(key), (*old_path, key), (*new_path, key)
                )
        elif isinstance(old, list) and isinstance(new, list):
            yield from self._lists(old, new, old_path, new_path)
        else:
            yield self._change("changed", new_path, new)

    def _lists(
        self, old: list[object], new: list[object], old_path: FieldPath, new_path: FieldPath
    ) -> Iterator[Change]:
        keys_old = [json.dumps(v, sort_keys=True) for v in old]
        keys_new = [json.dumps(v, sort_keys=True) for v in new]
        if not all(isinstance(v, dict) for v in (*old, *new)):
            # A list of words (reviewers, tags, tenets): one change for the list.
            yield self._change("changed", new_path, new)
            return
        matcher = SequenceMatcher(None, keys_old, keys_new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            paired: list[tuple[int, int]] = []
            start = j1
            for i in range(i1, i2):
                for j in range(start, j2):
                    ratio = SequenceMatcher(None, _words(old[i]), _words(new[j]), False).ratio()
                    if ratio >= _MIN_LIKENESS:
                        paired.append((i, j))
                        start = j + 1
                        break
            i, j = i1, j1
            for pi, pj in [*paired, (i2, j2)]:
                for gone in range(i, pi):
                    yield self._change("removed", (*old_path, gone), old[gone], at=new_path)
                for added in range(j, pj):
                    yield self._change("added", (*new_path, added), new[added])
                if pi < i2:
                    yield from self.compare(old[pi], new[pj], (*old_path, pi), (*new_path, pj))
                i, j = pi + 1, pj + 1

    def _change(
        self, kind: Kind, path: FieldPath, value: object, at: FieldPath | None = None
    ) -> Change:
        where = self._position(path if at is None else at, kind)
        label = _label(path, self._old if kind == "removed" else self._new)
        return Change(kind, format_path(path), where.line, where.column, label)

    def _position(self, path: FieldPath, kind: Kind) -> Position:
        if kind == "removed":
            return self._map.of_missing((*path, "")) if path else Position(1, 1)
        return self._map.of_key(path)


def _label(path: FieldPath, root: object) -> str:
    """The name of the list item ``path`` is in: an FAQ entry's question, a quote's speaker."""
    label = ""
    value = root
    for index, part in enumerate(path):
        if isinstance(value, dict) and isinstance(part, str):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
            field = _LABELS.get(str(path[index - 1])) if index else None
            if field and isinstance(value, dict) and isinstance(value.get(field), str):
                label = str(value[field])
        else:
            break
    return label
