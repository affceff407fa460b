"""``theme.toml``: a theme's name, what it extends, the prfaqgen versions it supports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prfaqgen._version import __version__
from prfaqgen.errors import ConfigError, ThemeError
from prfaqgen.source.toml_reader import TomlSource, read_toml

if TYPE_CHECKING:
    from packaging.specifiers import SpecifierSet

METADATA = "theme.toml"
_KEYS = {
    "name": "the theme's name",
    "description": "one line on what the theme is for",
    "prfaqgen": 'the prfaqgen versions it supports, e.g. ">=0.1,<1"',
    "extends": "another theme (a name or a folder) whose files this one falls back to",
    "font": "the font family the DOCX styles name instead of the reference document's",
}


@dataclass(frozen=True)
class ThemeInfo:
    """What ``theme.toml`` declares; every key is optional."""

    name: str | None = None
    description: str = ""
    prfaqgen: str | None = None
    extends: str | None = None
    font: str | None = None


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
    for key, value in source.data.items():
        if key not in _KEYS:
            keys = "; ".join(f"{k}: {v}" for k, v in _KEYS.items())
            raise ThemeError(_at(source, key, f"unknown key; the keys are {keys}"))
        if not isinstance(value, str):
            raise ThemeError(_at(source, key, f"must be a string, not {value!r}"))
        values[key] = value
    info = ThemeInfo(**values)
    if info.prfaqgen is not None:
        _check_version(source, info)
    return info


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
