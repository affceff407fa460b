"""One problem found in a spec, located by file, line, column and field path."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """An error or warning about one place in one file.

    ``path`` is the dotted field path (``press_release.customer_quotes[0].name``),
    empty when the problem is about the file as a whole. Lines and columns
    count from 1.
    """

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        """``FILE:LINE:COL: path: message``, as compilers and editors expect."""
        where = f"{self.file}:{self.line}:{self.column}:"
        label = f" {self.path}:" if self.path else ""
        kind = " warning:" if self.severity == "warning" else ""
        return f"{where}{label}{kind} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def format_path(parts: tuple[str | int, ...]) -> str:
    """``("faq", "external", 0, "q")`` -> ``faq.external[0].q``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def closest(word: object, choices: Iterable[str]) -> str | None:
    """The choice ``word`` was most likely meant to be (``A4`` -> ``a4``), if any."""
    choices = list(choices)
    text = str(word)
    for choice in choices:
        if choice.lower() == text.lower():
            return choice
    found = difflib.get_close_matches(text, choices, n=1, cutoff=0.6)
    return found[0] if found else None
