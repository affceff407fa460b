"""What validation found: data, phrased later by whoever knows the file's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Loc = tuple[str | int, ...]
"""Where in the data: ``("faq", "external", 0, "q")``."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one value.

    ``code`` is stable (``missing``, ``unknown_key``, ``empty``, ``wrong_type``,
    ``not_a_choice``, ``not_whole_number``, ``out_of_range``, ``too_short``, or a
    rule's own); ``message`` is a plain default that a caller may phrase better
    for YAML or TOML authors from ``code``, ``value`` and ``context``.
    """

    loc: Loc
    code: str
    message: str
    value: Any = None
    context: dict[str, Any] = field(default_factory=dict)


class Refused(ValueError):
    """Raised by a field's or a record's own rule; becomes a :class:`Problem` at its place."""

    def __init__(self, code: str, message: str, **context: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.context = context


class Invalid(ValueError):
    """Data that does not make a record; ``problems`` lists every reason, in data order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            "\n".join(f"{'.'.join(map(str, p.loc)) or '<top>'}: {p.message}" for p in problems)
        )
