"""The keys of a config table, checked against the fields of Settings.

Config keys are Settings fields, one to one: a field added to Settings is a
config key at once, checked by its kind. TOML values are typed, so nothing is
coerced (``draft_mark = "yes"`` is an error, not true), and every problem is
reported at the key's line and column in the config file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from prfaqgen.diagnostics import Diagnostic, closest
from prfaqgen.settings import Settings
from prfaqgen.validation import INVALID, Problem, fields_of

if TYPE_CHECKING:
    from prfaqgen.source.toml_reader import Key, TomlSource

PATH_KEYS = ("output", "templates")
"""Folders, relative to the config file."""


def config_keys() -> tuple[str, ...]:
    return tuple(fields_of(Settings))


def validate_table(
    source: TomlSource, table: dict[str, Any], prefix: Key
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The Settings changes a config table asks for, and every problem in it, located."""
    keys = fields_of(Settings)
    changes: dict[str, Any] = {}
    diagnostics: list[Diagnostic] = []
    for key, raw in table.items():
        where = (*prefix, key)
        if key not in keys:
            diagnostics.append(source.error(where, _unknown_key(key, keys), "unknown_key"))
            continue
        problems: list[Problem] = []
        value = keys[key].kind.check(raw, where, problems)
        diagnostics.extend(source.error(_key_of(p), _message(p), p.code) for p in problems)
        if value is not INVALID:
            changes[key] = value
    return changes, diagnostics


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


def _key_of(problem: Problem) -> Key:
    """The TOML key a problem is about (a list's items are on their key's line)."""
    return tuple(str(part) for part in problem.loc if not isinstance(part, int))


def _unknown_key(key: str, keys: dict[str, Any]) -> str:
    close = closest(key, keys)
    hint = f"did you mean `{close}`? " if close else ""
    return f"unknown key; {hint}the keys are {', '.join(keys)}"


def _message(problem: Problem) -> str:
    import json  # only for a config with a problem

    shown = json.dumps(problem.value, default=str)
    if problem.code == "unknown_key":
        return "unknown key; remove it or check its spelling"
    if problem.code == "wrong_type":
        return f"{_FIXES[problem.context['expected']]}, not {shown}"
    if problem.code == "not_a_choice":
        allowed = problem.context["allowed"]
        close = closest(problem.value, allowed)
        hint = f"; did you mean {json.dumps(close)}?" if close else ""
        return f"must be one of {', '.join(map(json.dumps, allowed))}, not {shown}{hint}"
    if problem.code in ("out_of_range", "not_whole_number", "empty"):
        return f"{problem.message}, not {shown}"
    return problem.message


_FIXES = {
    "true or false": "must be true or false, without quotes",
    "text": 'must be a string in quotes, e.g. "text"',
    "list": 'must be a list, e.g. ["first", "second"]',
    "mapping": 'must be a table, e.g. {rule = "warning"}',
    "record": 'must be a table, e.g. {rule = "warning"}',
}
