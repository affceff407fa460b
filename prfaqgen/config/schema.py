"""The keys of a config table, checked against the fields of Settings.

Config keys are Settings fields, one to one: a field added to Settings is a
config key at once, typed by its annotation. Values are validated strictly
(``draft_mark = "yes"`` is an error, not true) and every problem is reported
at the key's line and column in the config file.
"""

from __future__ import annotations

import difflib
import json
import typing
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from prfaqgen.config.toml_source import Key, TomlSource
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.settings import FORMATS, Settings

PATH_KEYS = ("output", "templates")
"""Folders, relative to the config file."""


@cache
def _adapters() -> dict[str, TypeAdapter[Any]]:
    hints = typing.get_type_hints(Settings)
    return {f.name: TypeAdapter(hints[f.name]) for f in fields(Settings)}


def config_keys() -> tuple[str, ...]:
    return tuple(_adapters())


def validate_table(
    source: TomlSource, table: dict[str, Any], prefix: Key
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The Settings changes a config table asks for, and every problem in it, located."""
    adapters = _adapters()
    changes: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    for key, raw in table.items():
        where = (*prefix, key)
        if key not in adapters:
            problems.append(source.error(where, _unknown_key(key, adapters)))
            continue
        try:
            value = adapters[key].validate_json(json.dumps(raw, default=str), strict=True)
        except ValidationError as exc:
            problems.extend(_located(source, where, exc))
            continue
        problem = _check_value(key, value)
        if problem:
            problems.append(source.error(where, problem))
            continue
        changes[key] = value
    return changes, problems


def resolve_paths(changes: dict[str, Any], base: Path) -> dict[str, Any]:
    """Folders and theme folders named in the config, relative to the config file."""
    from prfaqgen.themes.resolve import looks_like_path

    out = dict(changes)
    for key in PATH_KEYS:
        if isinstance(out.get(key), Path):
            out[key] = base / out[key]
    theme = out.get("theme")
    if isinstance(theme, str) and looks_like_path(theme, base):
        out["theme"] = str(base / theme)
    return out


def _check_value(key: str, value: Any) -> str | None:
    if key == "formats":
        unknown = [f for f in value if f not in FORMATS]
        if unknown or not value:
            return (
                f"{', '.join(map(repr, unknown)) or 'an empty list'}: "
                f'list one or more of {", ".join(FORMATS)}, e.g. formats = ["pdf", "docx"]'
            )
    return None


def _unknown_key(key: str, adapters: dict[str, Any]) -> str:
    close = difflib.get_close_matches(key, adapters, n=1)
    hint = f"did you mean `{close[0]}`? " if close else ""
    return f"unknown key; {hint}the keys are {', '.join(adapters)}"


def _located(source: TomlSource, where: Key, exc: ValidationError) -> list[Diagnostic]:
    out = []
    for error in exc.errors():
        loc = tuple(str(part) for part in error["loc"] if not isinstance(part, int))
        key = (*where, *loc)
        if error["type"] == "extra_forbidden":
            message = "unknown key; remove it or check its spelling"
        elif error["type"] in _FIXES:
            message = f"{_FIXES[error['type']]}, not {json.dumps(error.get('input'), default=str)}"
        else:
            shown = json.dumps(error.get("input"), default=str)
            message = f"{_lower_first(error['msg'])}, not {shown}"
        out.append(source.error(key, message))
    return out


_FIXES = {
    "bool_type": "must be true or false, without quotes",
    "string_type": 'must be a string in quotes, e.g. "text"',
    "tuple_type": 'must be a list, e.g. ["first", "second"]',
    "list_type": 'must be a list, e.g. ["first", "second"]',
    "dict_type": 'must be a table, e.g. {rule = "warning"}',
}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
