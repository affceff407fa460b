"""Every exception prfaqgen raises on purpose, in one place.

Callers catch :class:`PrfaqgenError`; anything else escaping is a bug.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prfaqgen.diagnostics import Diagnostic


class PrfaqgenError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""


class SpecError(PrfaqgenError):
    """A spec could not be read or is invalid; ``diagnostics`` says where and why."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: list[Diagnostic] = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


class RenderError(PrfaqgenError):
    """A valid spec could not be rendered: a template, a resource or a writer failed."""


class ConfigError(PrfaqgenError):
    """A project config file (prfaqgen.toml, pyproject.toml) is unreadable or invalid."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: list[Diagnostic] = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


class ThemeError(RenderError):
    """A theme cannot be found, does not support this prfaqgen, or names a file it may not."""


class PortfolioError(PrfaqgenError):
    """A portfolio run cannot start or finish: a bad --shard, clashing names, a bad manifest."""


class ReviewError(PrfaqgenError):
    """A reviewed DOCX cannot be read back: not a DOCX, refused, or not rendered from the spec."""


class DraftError(PrfaqgenError):
    """A draft given to ``prfaqgen import`` cannot be read: unknown, hostile or damaged."""
