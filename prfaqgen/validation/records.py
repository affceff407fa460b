"""Records: frozen dataclasses whose fields carry a kind, built from plain data.

A record class is an ordinary ``@dataclass(frozen=True, kw_only=True)`` whose
fields are declared with :func:`typed`. :func:`validate` checks a mapping
against it and reports every problem at once; a record's own invariants live
in ``__post_init__`` and raise :class:`~prfaqgen.validation.problems.Refused`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from prfaqgen.validation.kinds import INVALID, Kind, Optional, empty, wrong_type
from prfaqgen.validation.problems import Invalid, Loc, Problem, Refused

R = TypeVar("R")
SchemaDefs = dict[str, dict[str, Any]]


def typed(
    kind: Kind,
    description: str = "",
    *,
    default: Any = dataclasses.MISSING,
    default_factory: Callable[[], Any] | Any = dataclasses.MISSING,
    schema: dict[str, Any] | None = None,
) -> Any:
    """A record field: its kind, what it is for (shown in hints and the JSON Schema)."""
    metadata = {"kind": kind, "description": description, "schema": schema or {}}
    return dataclasses.field(default=default, default_factory=default_factory, metadata=metadata)


class FieldSpec(NamedTuple):
    name: str
    kind: Kind
    description: str
    required: bool
    default: Any
    schema: dict[str, Any]


@cache
def fields_of(cls: type) -> dict[str, FieldSpec]:
    """The typed fields of a record class, in declaration order."""
    out = {}
    for f in dataclasses.fields(cls):
        if "kind" not in f.metadata:
            raise TypeError(f"{cls.__name__}.{f.name} has no kind: declare it with typed()")
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out[f.name] = FieldSpec(
            f.name,
            f.metadata["kind"],
            f.metadata["description"],
            required,
            f.default,
            f.metadata["schema"],
        )
    return out


class Record(Kind):
    """A nested record: a mapping of its fields, no others."""

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if isinstance(value, self.cls):
            return value
        if not isinstance(value, Mapping):
            problems.append(empty(loc) if value is None else wrong_type(loc, value, "record"))
            return INVALID
        before = len(problems)
        fields = fields_of(self.cls)
        values = {}
        for name, spec in fields.items():
            if name not in value:
                if spec.required:
                    message = f"required field `{name}` is missing"
                    problems.append(Problem((*loc, name), "missing", message))
                continue
            checked = spec.kind.check(value[name], (*loc, name), problems)
            if checked is not INVALID:
                values[name] = checked
        for key in value:
            if key not in fields:
                message = f"unknown field `{key}`"
                problems.append(Problem((*loc, key), "unknown_key", message, value[key]))
        if len(problems) > before:
            return INVALID
        try:
            return self.cls(**values)
        except Refused as refused:
            problems.append(Problem(loc, refused.code, refused.message, value, refused.context))
            return INVALID

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        name = self.cls.__name__
        if name not in defs:
            defs[name] = {}  # a placeholder first, for records that contain themselves
            defs[name] = record_schema(self.cls, defs)
        return {"$ref": f"#/$defs/{name}"}


class Checked:
    """A record that checks its own fields when built in Python, not only from data.

    A record built by :func:`validate` is checked twice (cheaply: the values are
    already converted); one built by a caller (``Settings(paper="A5")``,
    ``dataclasses.replace``) raises :class:`~prfaqgen.errors.SettingsError`
    naming every bad field, instead of failing later where the value is used.
    A subclass with its own ``__post_init__`` calls ``super().__post_init__()``.
    """

    #: Kinds that replace a field's own when built in Python (where the API allows
    #: more than a config file may say, e.g. no formats at all: measure only).
    __built_kinds__: dict[str, Kind] = {}

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        cls: type = type(self)
        for name, spec in fields_of(cls).items():
            value = getattr(self, name)
            kind = self.__built_kinds__.get(name, spec.kind)
            checked = kind.check(value, (name,), problems)
            if checked is not INVALID and checked is not value:
                object.__setattr__(self, name, checked)  # e.g. a list becomes a tuple
        if problems:
            from prfaqgen.errors import SettingsError

            raise SettingsError(
                "\n".join(
                    f"{cls.__name__}.{'.'.join(map(str, p.loc))} = {p.value!r}: {p.message}"
                    for p in problems
                )
            )


def validate(cls: type[R], data: Any) -> R:
    """``data`` as a ``cls`` record, or :class:`Invalid` listing every problem."""
    problems: list[Problem] = []
    result = Record(cls).check(data, (), problems)
    if result is INVALID:
        raise Invalid(problems)
    return result


def record_at(cls: type, loc: Loc) -> type | None:
    """The record class that validates the mapping at ``loc`` inside a ``cls`` record."""
    current: type | None = cls
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None:
            return None
        spec = fields_of(current).get(part)
        if spec is None:
            return None
        current = _record_inside(spec.kind)
    return current


def _record_inside(kind: Kind | None) -> type | None:
    while kind is not None and not isinstance(kind, Record):
        kind = kind.inner()
    return kind.cls if kind is not None else None


def record_schema(cls: type, defs: SchemaDefs) -> dict[str, Any]:
    """The JSON Schema of a record class; nested records go into ``defs``."""
    properties = {}
    required = []
    for name, spec in fields_of(cls).items():
        prop = {**spec.kind.schema(defs), **spec.schema}
        if spec.description:
            prop["description"] = spec.description
        if not _is_record(spec.kind):
            prop["title"] = name.replace("_", " ").title()
        if spec.required:
            required.append(name)
        elif spec.default is not dataclasses.MISSING:
            prop["default"] = to_plain(spec.default, json=True)
        properties[name] = _sorted(prop)
    out: dict[str, Any] = {
        "additionalProperties": False,
        "properties": properties,
        "title": getattr(cls, "__schema_title__", cls.__name__),
        "type": "object",
        **getattr(cls, "__schema_extra__", {}),
    }
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split())
    if required:
        out["required"] = required
    return _sorted(out)


def _sorted(node: Any) -> Any:
    """Keys in order, as JSON Schema tools print them; a record's properties keep theirs."""
    if isinstance(node, dict):
        return {
            key: (
                {k: _sorted(v) for k, v in value.items()} if key == "properties" else _sorted(value)
            )
            for key, value in sorted(node.items())
        }
    if isinstance(node, list):
        return [_sorted(item) for item in node]
    return node


def _is_record(kind: Kind) -> bool:
    """JSON Schema references carry no title of their own (as editors expect)."""
    return isinstance(kind, Record) or (
        isinstance(kind, Optional) and isinstance(kind.kind, Record)
    )


def to_plain(value: Any, *, json: bool = False, exclude_none: bool = False) -> Any:
    """Records as dicts, tuples as lists; with ``json``, dates and paths as text too."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is None and exclude_none:
                continue
            out[f.name] = to_plain(item, json=json, exclude_none=exclude_none)
        return out
    if isinstance(value, Mapping):
        return {k: to_plain(v, json=json, exclude_none=exclude_none) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v, json=json, exclude_none=exclude_none) for v in value]
    if json and isinstance(value, date):
        return value.isoformat()
    if json and isinstance(value, Path):
        return str(value)
    return value
