"""Where a spec's project config is: the nearest one from its folder up to the repository root."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prfaqgen.source.toml_reader import TomlSource

CONFIG_NAME = "prfaqgen.toml"
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "prfaqgen")


def find_config(start: Path) -> Path | None:
    """The nearest ``prfaqgen.toml``, or ``pyproject.toml`` with ``[tool.prfaqgen]``.

    The search starts in ``start`` (a spec's folder) and goes up, stopping at
    the first folder that holds ``.git`` (the repository root), or at the top
    of the file system outside a repository. In one folder ``prfaqgen.toml``
    wins over ``pyproject.toml``; a ``pyproject.toml`` without the table is
    skipped.
    """
    folder = start.resolve()
    while True:
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def config_table(source: TomlSource) -> tuple[dict[str, object], tuple[str, ...]]:
    """The settings table of a config file and the key path that leads to it."""
    if source.path.name != PYPROJECT:
        return source.data, ()
    table: object = source.data
    for part in PYPROJECT_TABLE:
        table = table.get(part, {}) if isinstance(table, dict) else {}
    return (table if isinstance(table, dict) else {}), PYPROJECT_TABLE


_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*prfaqgen\s*[.\]]|^\s*tool\s*\.\s*prfaqgen\b", re.M)


def _has_table(pyproject: Path) -> bool:
    """A text test, so that a broken pyproject.toml of another tool is reported only if ours."""
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(_TABLE.search(text))
