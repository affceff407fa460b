"""Every record field's kind takes exactly what its type annotation says.

A kind is what checks a value; the annotation is what mypy and readers trust.
If the two drift (a Choice whose words are not the Literal's, a list kind on a
tuple field), a value that type-checks is refused, or a refused one type-checks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import pkgutil
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import pytest

import prfaqgen
from prfaqgen.settings.lint import WordChanges, WordChangesKind
from prfaqgen.validation import (
    Boolean,
    Checked,
    Choice,
    Date,
    FilePath,
    Integer,
    Kind,
    ListOf,
    MapOf,
    Optional,
    Record,
    Ruled,
    Text,
)
from prfaqgen.validation.records import fields_of


def _record_classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(prfaqgen.__path__, "prfaqgen."):
        if info.name == "prfaqgen.__main__":
            continue  # runs the CLI
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and dataclasses.is_dataclass(value)
                and value.__module__ == module.__name__
                and any("kind" in f.metadata for f in dataclasses.fields(value))
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


RECORDS = _record_classes()


def _expected(kind: Kind) -> Any:
    """The annotation a field of ``kind`` must carry."""
    if isinstance(kind, Ruled):
        return _expected(kind.kind)
    if isinstance(kind, Optional):
        return _expected(kind.kind) | None
    if isinstance(kind, Text):
        return str
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, Integer):
        return int
    if isinstance(kind, FilePath):
        return Path
    if isinstance(kind, Date):
        return dt.date
    if isinstance(kind, Choice):
        return Literal[kind.allowed]
    if isinstance(kind, Record):
        return kind.cls
    if isinstance(kind, ListOf):
        item = _expected(kind.kind)
        return tuple[item, ...] if kind.as_tuple else list[item]
    if isinstance(kind, MapOf):
        return dict[str, _expected(kind.kind)]
    if isinstance(kind, WordChangesKind):  # [lint.words]: {add, remove} of one word list
        return WordChanges
    raise AssertionError(f"no annotation known for {type(kind).__name__}: teach this test")


def _normal(annotation: Any) -> Any:
    """Unions as frozensets and Literals as their sets of words, so that order does not count."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return ("union", frozenset(_normal(a) for a in get_args(annotation)))
    if origin is Literal:
        return ("literal", frozenset(get_args(annotation)))
    if origin is not None:
        return (origin, tuple(_normal(a) for a in get_args(annotation)))
    return annotation


def test_the_records_are_found() -> None:
    names = {cls.__name__ for cls in RECORDS}
    assert {"Settings", "LintConfig", "Thresholds", "RenderOptions", "Spec", "Meta"} <= names


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__qualname__)
def test_every_field_kind_agrees_with_its_annotation(cls: type) -> None:
    hints = typing.get_type_hints(cls)
    for name, spec in fields_of(cls).items():
        assert _normal(hints[name]) == _normal(_expected(spec.kind)), f"{cls.__name__}.{name}"


def test_the_test_tells_a_mismatch() -> None:
    assert _normal(Literal["letter", "a4"]) == _normal(_expected(Choice("a4", "letter")))
    assert _normal(Literal["letter"]) != _normal(_expected(Choice("letter", "A5")))
    assert _normal(list[str]) != _normal(_expected(ListOf(Text(), as_tuple=True)))
    assert _normal(str | None) == _normal(_expected(Optional(Text())))


@pytest.mark.parametrize(
    "cls", [c for c in RECORDS if issubclass(c, Checked)], ids=lambda c: c.__qualname__
)
def test_checked_records_build_with_their_defaults(cls: type) -> None:
    assert dataclasses.asdict(cls()) == dataclasses.asdict(cls())
