"""Settings: every choice a render or a check takes, in one object.

The CLI builds it (defaults, then the project config, then flags) and the
pipeline and the Python API take it; nothing below the pipeline reads flags
or config files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from prfaqgen.lint.config import LintConfig
from prfaqgen.render.document import Paper, RenderOptions

FORMATS = ("pdf", "docx", "html")
DEFAULT_FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class Settings:
    """How to render and check specs; the defaults are prfaqgen's own."""

    output: Path = Path("output")
    formats: tuple[str, ...] = DEFAULT_FORMATS
    paper: Paper = "letter"
    theme: str | None = None
    """A theme's name or folder; None is the built-in theme."""
    templates: Path | None = None
    """A folder whose templates override the theme's."""
    draft_mark: bool = True
    line_numbers: bool = False
    faq_new_page: bool = True
    """Start the FAQ on a new page after the press release (Working Backwards style)."""
    strict: bool = False
    budget: bool | None = None
    """Measure the six-page budget; None measures it when a PDF is written."""
    lint: LintConfig = field(default_factory=LintConfig)

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with ``changes`` (field names); unknown names are a TypeError."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise TypeError(f"unknown setting {', '.join(unknown)}: use {', '.join(sorted(known))}")
        if "output" in changes:
            changes["output"] = Path(changes["output"])
        if changes.get("templates") is not None:
            changes["templates"] = Path(changes["templates"])
        if "formats" in changes:
            changes["formats"] = tuple(changes["formats"])
        return replace(self, **changes)

    @property
    def measures_budget(self) -> bool:
        return self.budget if self.budget is not None else "pdf" in self.formats

    def render_options(self) -> RenderOptions:
        """What the writers need to know of these settings."""
        return RenderOptions(
            paper=self.paper,
            draft_mark=self.draft_mark,
            line_numbers=self.line_numbers,
            faq_new_page=self.faq_new_page,
        )
