"""The built-in word lists of the writing checks: one YAML file per list beside this module.

As in Vale, a house changes the lists without code: each file holds ``words``, one
entry per line (``jargon``: a mapping of term to replacement), and the ``[lint.words]``
config adds to or takes from it. Each file is read once, when a rule first asks.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from prfaqgen.settings.lint import ListName

HERE = Path(__file__).resolve().parent
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _read(name: ListName) -> list[str] | dict[str, str]:
    """``words`` of the list's file: a block of one entry per line (one YAML node, so the
    file loads in a fraction of the time a YAML sequence of its entries takes), or for
    jargon a mapping."""
    path = HERE / f"{name}.yaml"
    words = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)["words"]
    if isinstance(words, str):
        return [line.strip() for line in words.splitlines() if line.strip()]
    if not isinstance(words, dict):
        raise TypeError(f"{path}: `words` must be a block of lines or a mapping")
    return words


def builtin(name: ListName) -> tuple[str, ...]:
    """The built-in entries of list ``name``, in file order (for ``jargon``, the terms)."""
    return tuple(_read(name))


def jargon_swaps() -> dict[str, str]:
    """The built-in jargon: term -> the plain word to write."""
    swaps = _read("jargon")
    assert isinstance(swaps, dict)
    return dict(swaps)


@cache
def changed(name: ListName, add: tuple[str, ...], remove: tuple[str, ...]) -> frozenset[str]:
    """List ``name`` with ``add`` and without ``remove``, lower-cased (acronyms: upper)."""
    fold = str.upper if name == "acronyms" else str.lower
    gone = {fold(w) for w in remove}
    return frozenset(w for w in map(fold, (*builtin(name), *add)) if w not in gone)
