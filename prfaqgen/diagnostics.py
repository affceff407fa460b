"""One problem found in a spec, a config file or a spec's writing: the one diagnostic type.

The spec reader, the config reader, the compose stage and the writing checks
(``prfaqgen lint``) all report :class:`Diagnostic`; prfaqgen.printers turns
any list of them into text, JSON, SARIF or GitHub annotations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
Origin = Literal["spec", "config", "lint", "review"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """An error, warning or note about one place (or stretch) of one file.

    ``path`` is the dotted field path (``press_release.customer_quotes[0].name``),
    empty when the problem is about the file as a whole. Lines and columns
    count from 1; ``end_line``/``end_column`` are 0 when only the start is
    known. ``code`` is stable for tools: a lint rule id, or a validation
    code such as ``missing`` (empty where none applies); ``hint`` says what to
    do, where the message does not already. ``origin`` says which check
    spoke: lint findings keep their own text and JSON shapes (``rule`` and
    ``suggestion`` are their names for ``code`` and ``hint``).
    """

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: Severity = "error"
    code: str = ""
    end_line: int = 0
    end_column: int = 0
    hint: str = ""
    origin: Origin = "spec"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def rule(self) -> str:
        """A lint finding's rule id (its ``code``)."""
        return self.code

    @property
    def suggestion(self) -> str:
        """A lint finding's suggested fix (its ``hint``)."""
        return self.hint

    def format(self) -> str:
        """One line, as compilers and editors expect.

        ``FILE:LINE:COL: path: message`` for spec and config problems,
        ``FILE:LINE:COL: severity: message [rule-id]`` for lint findings.
        """
        where = f"{self.file}:{self.line}:{self.column}:"
        if self.origin == "lint":
            return f"{where} {self.severity}: {self.message} [{self.code}]"
        label = f" {self.path}:" if self.path else ""
        kind = f" {self.severity}:" if self.severity != "error" else ""
        return f"{where}{label}{kind} {self.message}"

    def as_dict(self) -> dict[str, object]:
        """The JSON object of ``--format json`` (lint findings have their own fields)."""
        if self.origin == "lint":
            return {
                "file": self.file,
                "line": self.line,
                "column": self.column,
                "end_line": self.end_line,
                "end_column": self.end_column,
                "path": self.path,
                "rule": self.code,
                "severity": self.severity,
                "message": self.message,
                "suggestion": self.hint,
            }
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "severity": self.severity,
        }


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
    import difflib  # only when a choice is wrong: validate starts faster

    found = difflib.get_close_matches(text, choices, n=1, cutoff=0.6)
    return found[0] if found else None
