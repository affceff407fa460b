"""prfaqgen.validation: the one validator of specs and config files.

The spec and config tests show the messages authors read; these show the
contract underneath: every problem at once, with a stable code and a place.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass
from datetime import date
from pathlib import Path

import pytest

from prfaqgen.validation import (
    Boolean,
    Choice,
    Date,
    FilePath,
    Integer,
    Invalid,
    ListOf,
    MapOf,
    Optional,
    Record,
    Refused,
    Text,
    record_at,
    record_schema,
    to_plain,
    typed,
    validate,
)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise Refused("empty", "is empty")
    return value.strip()


@dataclass(frozen=True, kw_only=True)
class Item:
    """One line of an order."""

    name: str = typed(Text(_not_blank), "What it is.")
    count: int = typed(Integer(1, 9, from_text=True), "How many.", default=1)


@dataclass(frozen=True, kw_only=True)
class Order:
    """An order: who, when, what."""

    who: str = typed(Text(_not_blank), "Who ordered.")
    when: date | None = typed(Optional(Date()), "When.", default=None)
    size: str = typed(Choice("small", "large", blank="small"), "How big.", default="small")
    items: list[Item] = typed(ListOf(Record(Item), min_items=1), "The lines.")
    notes: dict[str, str] = typed(MapOf(Text()), "Notes by topic.", default_factory=dict)
    urgent: bool = typed(Boolean(), "Rush it.", default=False)
    folder: Path | None = typed(Optional(FilePath()), "Where to file it.", default=None)

    def __post_init__(self) -> None:
        if self.urgent and self.size == "large":
            raise Refused("too_big_to_rush", "a large order cannot be rushed")


def problems_of(data: object) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(Invalid) as caught:
        validate(Order, data)
    return [(p.loc, p.code) for p in caught.value.problems]


def test_valid_data_becomes_a_frozen_typed_record() -> None:
    order = validate(
        Order,
        {
            "who": " Ana ",
            "when": "2026-11-23",
            "size": "",
            "items": [{"name": "tea", "count": "3"}],
            "notes": {"door": "back"},
            "folder": "orders",
        },
    )
    assert order == Order(
        who="Ana",
        when=date(2026, 11, 23),
        size="small",
        items=[Item(name="tea", count=3)],
        notes={"door": "back"},
        folder=Path("orders"),
    )
    with pytest.raises(FrozenInstanceError):
        order.who = "Bo"  # type: ignore[misc]


def test_every_problem_is_reported_at_once_at_its_place() -> None:
    data = {
        "who": "",
        "when": "23/11/2026",
        "size": "huge",
        "items": [{"name": "tea", "count": 12}, {"count": "two"}, "coffee"],
        "notes": ["door"],
        "urgent": "yes",
        "colour": "red",
    }
    assert problems_of(data) == [
        (("who",), "empty"),
        (("when",), "date_format"),
        (("size",), "not_a_choice"),
        (("items", 0, "count"), "out_of_range"),
        (("items", 1, "name"), "missing"),
        (("items", 1, "count"), "not_whole_number"),
        (("items", 2), "wrong_type"),
        (("notes",), "wrong_type"),
        (("urgent",), "wrong_type"),
        (("colour",), "unknown_key"),
    ]


def test_a_record_rule_runs_once_its_fields_are_valid() -> None:
    order = {"who": "Ana", "items": [{"name": "tea"}], "size": "large", "urgent": True}
    assert problems_of(order) == [((), "too_big_to_rush")]
    assert problems_of({**order, "who": ""}) == [(("who",), "empty")]


def test_missing_empty_and_too_short_are_told_apart() -> None:
    assert problems_of({"items": []}) == [(("who",), "missing"), (("items",), "too_short")]
    assert problems_of({"who": "A", "items": None}) == [(("items",), "empty")]
    assert problems_of(None) == [((), "empty")]


def test_booleans_and_numbers_are_never_guessed_from_text_unless_asked() -> None:
    problems: list = []
    assert Integer(1, 9).check("3", (), problems) is not None
    assert [p.code for p in problems] == ["not_whole_number"]
    problems.clear()
    Boolean().check("true", ("b",), problems)
    Integer(1, 9, from_text=True).check(True, ("n",), problems)
    assert [(p.loc, p.code) for p in problems] == [
        (("b",), "wrong_type"),
        (("n",), "not_whole_number"),
    ]


def test_a_mapping_key_rule_is_reported_at_the_key() -> None:
    def known(key: str) -> str:
        if key != "door":
            raise Refused("unknown_topic", f"unknown topic `{key}`")
        return key

    problems: list = []
    MapOf(Text(), known).check({"door": "back", "roof": "up"}, ("notes",), problems)
    assert [(p.loc, p.code, p.message) for p in problems] == [
        (("notes", "roof"), "unknown_topic", "unknown topic `roof`")
    ]


def test_the_record_at_a_place_and_plain_data() -> None:
    assert record_at(Order, ("items", 0)) is Item
    assert record_at(Order, ("notes",)) is None
    order = validate(Order, {"who": "A", "items": [{"name": "tea"}], "when": "2026-01-02"})
    assert to_plain(order, json=True, exclude_none=True) == {
        "who": "A",
        "when": "2026-01-02",
        "size": "small",
        "items": [{"name": "tea", "count": 1}],
        "notes": {},
        "urgent": False,
    }


def test_the_json_schema_describes_the_record() -> None:
    defs: dict = {}
    schema = record_schema(Order, defs)
    assert schema["required"] == ["who", "items"]
    assert schema["additionalProperties"] is False
    assert schema["description"] == "An order: who, when, what."
    assert schema["properties"]["items"] == {
        "description": "The lines.",
        "items": {"$ref": "#/$defs/Item"},
        "minItems": 1,
        "title": "Items",
        "type": "array",
    }
    assert defs["Item"]["properties"]["count"] == {
        "default": 1,
        "description": "How many.",
        "maximum": 9,
        "minimum": 1,
        "title": "Count",
        "type": "integer",
    }


def test_a_field_without_a_kind_is_a_programming_error() -> None:
    @dataclass(frozen=True)
    class Loose:
        name: str = "x"

    with pytest.raises(TypeError, match="Loose.name has no kind"):
        validate(Loose, {})
