"""Read a TOML file and remember where each key is, for located errors.

tomllib gives values without positions, so the keys are located by a small
scan of the text: table headers (``[tool.prfaqgen.lint]``) and ``key =``
lines, dotted keys included. Values inside inline tables or arrays take the
position of the key that holds them.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prfaqgen.diagnostics import Diagnostic
from prfaqgen.errors import ConfigError

Key = tuple[str, ...]

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY_PART = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_HEADER = re.compile(rf"^\s*\[\[?\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"^(\s*)({_DOTTED})\s*=\s*")
_ERROR_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class TomlSource:
    """A parsed TOML file and the ``(line, column)`` of every key it sets."""

    path: Path
    data: dict[str, Any]
    positions: dict[Key, tuple[int, int]] = field(default_factory=dict)

    def position(self, key: Key) -> tuple[int, int]:
        """Where ``key`` (or the nearest key holding it) is set; 1:1 when unknown."""
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return (1, 1)

    def error(self, key: Key, message: str, code: str = "") -> Diagnostic:
        line, column = self.position(key)
        return Diagnostic(
            str(self.path), line, column, ".".join(key), message, code=code, origin="config"
        )


def read_toml(path: Path) -> TomlSource:
    """Parse ``path``; a syntax error or unreadable file is a located ConfigError."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError([_whole_file(path, f"cannot be read ({exc.strerror or exc})")]) from None
    except UnicodeDecodeError:
        raise ConfigError([_whole_file(path, "is not UTF-8 text; save it as UTF-8")]) from None
    # Imported here: most renders read no TOML file (the built-in theme has no theme.toml).
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _ERROR_AT.search(message)
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        reason = _ERROR_AT.sub("", message).strip()
        raise ConfigError(
            [Diagnostic(str(path), line, column, "", f"not valid TOML: {reason}", origin="config")]
        ) from None
    return TomlSource(path, data, locate_keys(text))


def locate_keys(text: str) -> dict[Key, tuple[int, int]]:
    """The first ``(line, column)`` of every table header and assigned key in ``text``."""
    positions: dict[Key, tuple[int, int]] = {}
    table: Key = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = _split(header[1])
            column = line.index("[") + 2
            for depth in range(1, len(table) + 1):
                positions.setdefault(table[:depth], (number, column))
            continue
        assign = _ASSIGN.match(line)
        if assign:
            key = table + _split(assign[2])
            column = len(assign[1]) + 1
            for depth in range(len(table) + 1, len(key) + 1):
                positions.setdefault(key[:depth], (number, column))
    return positions


def _split(dotted: str) -> Key:
    parts = re.findall(_KEY_PART, dotted)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def _whole_file(path: Path, message: str) -> Diagnostic:
    return Diagnostic(str(path), 1, 1, "", message, origin="config")
