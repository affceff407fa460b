"""Kinds of value: how each is checked, converted and described in JSON Schema.

A kind's ``check`` returns the converted value, or :data:`INVALID` after adding
one or more problems; it never raises. Codes and contexts are data, so the
spec stage and the config reader can each phrase them for their own authors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prfaqgen.validation.problems import Loc, Problem, Refused

if TYPE_CHECKING:
    from prfaqgen.validation.records import SchemaDefs

INVALID: Any = type("Invalid", (), {"__repr__": lambda self: "INVALID"})()
"""What ``check`` returns for a value it refused (after recording why)."""

Rule = Callable[[Any], Any]
"""A field's own rule: returns the (maybe changed) value or raises :class:`Refused`."""


class Kind:
    """Base class of every kind."""

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        raise NotImplementedError

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        raise NotImplementedError

    def inner(self) -> Kind | None:
        """The kind of the values inside (a list's items, a mapping's values), if any."""
        return None


def empty(loc: Loc) -> Problem:
    return Problem(loc, "empty", "is empty", None)


def wrong_type(loc: Loc, value: Any, expected: str) -> Problem:
    return Problem(
        loc,
        "wrong_type",
        f"must be {expected}, not {type(value).__name__}",
        value,
        {"expected": expected},
    )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def apply_rules(value: Any, rules: tuple[Rule, ...], loc: Loc, problems: list[Problem]) -> Any:
    for rule in rules:
        try:
            value = rule(value)
        except Refused as refused:
            problems.append(Problem(loc, refused.code, refused.message, value, refused.context))
            return INVALID
    return value


class Text(Kind):
    """A string, then each rule in turn (strip it, refuse it empty, ...)."""

    def __init__(self, *rules: Rule) -> None:
        self.rules = rules

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if not isinstance(value, str):
            problems.append(empty(loc) if value is None else wrong_type(loc, value, "text"))
            return INVALID
        return apply_rules(value, self.rules, loc, problems)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"type": "string"}


class Boolean(Kind):
    """true or false, never a string that looks like one."""

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if isinstance(value, bool):
            return value
        problems.append(wrong_type(loc, value, "true or false"))
        return INVALID

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"type": "boolean"}


class FilePath(Kind):
    """A path written as text."""

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if isinstance(value, Path):
            return value
        if isinstance(value, str):
            return Path(value)
        problems.append(wrong_type(loc, value, "text"))
        return INVALID

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"format": "path", "type": "string"}


_WHOLE = re.compile(r"[+-]?\d+")


class Integer(Kind):
    """A whole number in ``[low, high]``; ``from_text`` also takes one written as text."""

    def __init__(
        self, low: int | None = None, high: int | None = None, *, from_text: bool = False
    ) -> None:
        self.low, self.high, self.from_text = low, high, from_text

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif self.from_text and isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
            number = int(value.strip())
        if number is None:
            if value is None:
                problems.append(empty(loc))
            else:
                problems.append(Problem(loc, "not_whole_number", "must be a whole number", value))
            return INVALID
        if (self.low is not None and number < self.low) or (
            self.high is not None and number > self.high
        ):
            problems.append(
                Problem(
                    loc,
                    "out_of_range",
                    f"must be a whole number from {self.low} to {self.high}",
                    number,
                    {"low": self.low, "high": self.high},
                )
            )
            return INVALID
        return number

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer"}
        if self.low is not None:
            out["minimum"] = self.low
        if self.high is not None:
            out["maximum"] = self.high
        return out


class Choice(Kind):
    """One of a few words; ``blank`` is what an empty value means (None: an error)."""

    def __init__(self, *allowed: str, blank: str | None = None) -> None:
        self.allowed, self.blank = allowed, blank

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if value in self.allowed:
            return value
        if self.blank is not None and (
            value is None or (isinstance(value, str) and not value.strip())
        ):
            return self.blank
        problems.append(
            Problem(
                loc,
                "not_a_choice",
                f"must be one of {', '.join(self.allowed)}",
                value,
                {"allowed": self.allowed},
            )
        )
        return INVALID

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"enum": list(self.allowed), "type": "string"}


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Date(Kind):
    """A date written as YYYY-MM-DD."""

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if isinstance(value, date):
            return value
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(empty(loc))
            return INVALID
        if isinstance(value, str) and _DATE.fullmatch(value.strip()):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                message = "is not a real date: check the month and the day"
                problems.append(Problem(loc, "date_value", message, value))
                return INVALID
        message = "must be a date written as YYYY-MM-DD, for example 2026-11-22"
        problems.append(Problem(loc, "date_format", message, value))
        return INVALID

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"format": "date", "type": "string"}


class Optional(Kind):
    """The kind, or absent: None, and (with ``blank_is_none``) blank text, mean no value."""

    def __init__(self, kind: Kind, *, blank_is_none: bool = True) -> None:
        self.kind, self.blank_is_none = kind, blank_is_none

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if value is None or (self.blank_is_none and _blank(value)):
            return None
        return self.kind.check(value, loc, problems)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"anyOf": [self.kind.schema(defs), {"type": "null"}]}

    def inner(self) -> Kind | None:
        return self.kind


class ListOf(Kind):
    """A list of values of one kind; a tuple when ``as_tuple`` (for frozen settings)."""

    def __init__(self, kind: Kind, *, min_items: int = 0, as_tuple: bool = False) -> None:
        self.kind, self.min_items, self.as_tuple = kind, min_items, as_tuple

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if not isinstance(value, list | tuple):
            problems.append(empty(loc) if value is None else wrong_type(loc, value, "list"))
            return INVALID
        before = len(problems)
        items = [self.kind.check(item, (*loc, i), problems) for i, item in enumerate(value)]
        if len(problems) > before:
            return INVALID
        if len(items) < self.min_items:
            message = f"needs at least {self.min_items} entr{'y' if self.min_items == 1 else 'ies'}"
            problems.append(Problem(loc, "too_short", message, value, {"min": self.min_items}))
            return INVALID
        return tuple(items) if self.as_tuple else items

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        out: dict[str, Any] = {"items": self.kind.schema(defs), "type": "array"}
        if self.min_items:
            out["minItems"] = self.min_items
        return out

    def inner(self) -> Kind | None:
        return self.kind


class MapOf(Kind):
    """A mapping of text keys (each passed through ``key_rules``) to values of one kind."""

    def __init__(self, kind: Kind, *key_rules: Rule) -> None:
        self.kind, self.key_rules = kind, key_rules

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        if not isinstance(value, Mapping):
            problems.append(empty(loc) if value is None else wrong_type(loc, value, "mapping"))
            return INVALID
        before = len(problems)
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                problems.append(wrong_type((*loc, str(key)), key, "text"))
                continue
            checked = self.kind.check(item, (*loc, key), problems)
            if checked is not INVALID:
                apply_rules(key, self.key_rules, (*loc, key), problems)
            out[key] = checked
        return INVALID if len(problems) > before else out

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return {"additionalProperties": self.kind.schema(defs), "type": "object"}

    def inner(self) -> Kind | None:
        return self.kind


class Ruled(Kind):
    """Another kind, then rules on its converted value (e.g. every rule id is known)."""

    def __init__(self, kind: Kind, *rules: Rule) -> None:
        self.kind, self.rules = kind, rules

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        checked = self.kind.check(value, loc, problems)
        return INVALID if checked is INVALID else apply_rules(checked, self.rules, loc, problems)

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        return self.kind.schema(defs)

    def inner(self) -> Kind | None:
        return self.kind.inner()
