"""``theme.toml``: a theme's name, what it extends, the prfaqgen versions it supports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from prfaqgen._version import __version__
from prfaqgen.errors import ConfigError, ThemeError
from prfaqgen.look import Look
from prfaqgen.source.toml_reader import TomlSource, read_toml

if TYPE_CHECKING:
    from packaging.specifiers import SpecifierSet

METADATA = "theme.toml"
_KEYS = {
    "name": "the theme's name",
    "description": "one line on what the theme is for",
    "prfaqgen": 'the prfaqgen versions it supports, e.g. ">=0.1,<1"',
    "extends": "another theme (a name or a folder) whose files this one falls back to",
    "font": "the older name of body_font",
    "body_font": "the font family of the text, in the PDF and the DOCX",
    "heading_font": "the font family of the headings and the title (default: body_font)",
    "body_size": "the size of the body text in points, e.g. 11",
    "text_color": 'the colour of the text, e.g. "#000000"',
    "heading_color": 'the colour of the headings and the title, e.g. "#0b5394"',
}
_LOOK_KEYS = ("body_font", "heading_font", "body_size", "text_color", "heading_color")
_FAMILY = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
MIN_BODY_SIZE, MAX_BODY_SIZE = 6, 36


@dataclass(frozen=True)
class ThemeInfo:
    """What ``theme.toml`` declares; every key is optional."""

    name: str | None = None
    description: str = ""
    prfaqgen: str | None = None
    extends: str | None = None
    font: str | None = None
    look: Look = field(default_factory=Look)
    """The fonts and colours both formats take (the ``body_font``, ... keys)."""


def read_theme_info(folder: Path) -> ThemeInfo:
    """``folder/theme.toml`` checked (keys, types, supported versions), or empty defaults.

    Raises ThemeError with ``theme.toml:LINE:COL`` for a bad file or a theme that
    does not support this prfaqgen.
    """
    path = folder / METADATA
    if not path.is_file():
        return ThemeInfo()
    try:
        source = read_toml(path)
    except ConfigError as exc:
        raise ThemeError(str(exc)) from None
    values: dict[str, str] = {}
    look: dict[str, str | float] = {}
    for key, value in source.data.items():
        if key not in _KEYS:
            keys = "; ".join(f"{k}: {v}" for k, v in _KEYS.items())
            raise ThemeError(_at(source, key, f"unknown key; the keys are {keys}"))
        if key == "body_size":
            look[key] = _size(source, value)
            continue
        if not isinstance(value, str):
            raise ThemeError(_at(source, key, f"must be a string, not {value!r}"))
        if key in _LOOK_KEYS:
            look[key] = _look_value(source, key, value)
        elif key == "font":
            values[key] = _look_value(source, key, value)
        else:
            values[key] = value
    if "font" in values and "body_font" not in look:
        look["body_font"] = values["font"]
    info = ThemeInfo(**values, look=Look(**look))  # type: ignore[arg-type]
    if info.prfaqgen is not None:
        _check_version(source, info)
    return info


def _look_value(source: TomlSource, key: str, value: str) -> str:
    if key.endswith("_color"):
        if not _COLOR.fullmatch(value):
            raise ThemeError(_at(source, key, f'{value!r} is not a colour; write "#rrggbb"'))
        if len(value) == 4:
            value = "#" + "".join(ch * 2 for ch in value[1:])
        return value.lower()
    if not _FAMILY.fullmatch(value):
        raise ThemeError(
            _at(
                source,
                key,
                f"{value!r} is not a font family name: use letters, digits, spaces, "
                "'.', '_' and '-' (one family, e.g. \"DejaVu Serif\")",
            )
        )
    return value


def _size(source: TomlSource, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ThemeError(_at(source, "body_size", f"must be a number of points, not {value!r}"))
    if not MIN_BODY_SIZE <= value <= MAX_BODY_SIZE:
        raise ThemeError(
            _at(
                source,
                "body_size",
                f"{value} points is not a text size; use {MIN_BODY_SIZE} to {MAX_BODY_SIZE}",
            )
        )
    return float(value)


def supports_this_version(info: ThemeInfo) -> bool:
    if info.prfaqgen is None:
        return True
    specifier = _specifier(info.prfaqgen)
    return specifier is not None and specifier.contains(__version__, prereleases=True)


def _specifier(text: str) -> SpecifierSet | None:
    """``text`` as a version specifier, or None; packaging (and with it subprocess) is
    imported only for a theme.toml that names versions."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        return SpecifierSet(text)
    except InvalidSpecifier:
        return None


def _check_version(source: TomlSource, info: ThemeInfo) -> None:
    assert info.prfaqgen is not None
    specifier = _specifier(info.prfaqgen)
    if specifier is None:
        raise ThemeError(
            _at(
                source,
                "prfaqgen",
                f'{info.prfaqgen!r} is not a version specifier; write e.g. ">=0.1,<1"',
            )
        )
    if not specifier.contains(__version__, prereleases=True):
        name = info.name or source.path.parent.name
        raise ThemeError(
            _at(
                source,
                "prfaqgen",
                f"theme {name!r} supports prfaqgen {specifier}, but this is prfaqgen "
                f"{__version__}; install a prfaqgen the theme supports, or a version of "
                "the theme made for this one",
            )
        )


def _at(source: TomlSource, key: str, message: str) -> str:
    return source.error((key,), message).format()
