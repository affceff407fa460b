"""Settings: every choice a render or a check takes, in one object.

The CLI builds it (defaults, then the project config, then flags) and the
pipeline and the Python API take it; nothing below the pipeline reads flags
or config files.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, get_args

from prfaqgen.options import Paper, RenderOptions
from prfaqgen.settings.lint import LintConfig
from prfaqgen.validation import (
    Boolean,
    Checked,
    Choice,
    FilePath,
    ListOf,
    Optional,
    Record,
    Refused,
    Ruled,
    Text,
    typed,
)

FORMATS = ("pdf", "docx", "html")
DEFAULT_FORMATS = ("pdf", "docx")


def _known_formats(formats: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise Refused(
            "unknown_format",
            f"{', '.join(map(repr, unknown)) or 'an empty list'}: "
            f'list one or more of {", ".join(FORMATS)}, e.g. formats = ["pdf", "docx"]',
        )
    return formats


def _known_format_names(formats: tuple[str, ...]) -> tuple[str, ...]:
    """From Python, no formats is allowed: a render that only measures the budget."""
    return _known_formats(formats) if formats else formats


@dataclass(frozen=True, kw_only=True)
class PortfolioConfig(Checked):
    """The ``[portfolio]`` table: how ``prfaqgen portfolio`` presents the comparison."""

    title: str | None = typed(
        Optional(Text()), "The comparison's cover title [the folder's name].", default=None
    )


@dataclass(frozen=True)
class Settings(Checked):
    """How to render and check specs; the defaults are prfaqgen's own.

    Every field is a config key too, checked by its kind (prfaqgen.config),
    and checked again when built: a bad value is a SettingsError here, never
    a failure in a writer.
    """

    output: Path = typed(FilePath(), "The folder documents are written to.", default=Path("output"))
    formats: tuple[str, ...] = typed(
        Ruled(ListOf(Text(), as_tuple=True), _known_formats),
        "The formats to write.",
        default=DEFAULT_FORMATS,
    )
    paper: Paper = typed(Choice(*get_args(Paper)), "letter or a4.", default="letter")
    theme: str | None = typed(
        Optional(Text(), blank_is_none=False),
        "A theme's name or folder; None is the built-in theme.",
        default=None,
    )
    templates: Path | None = typed(
        Optional(FilePath(), blank_is_none=False),
        "A folder whose templates override the theme's.",
        default=None,
    )
    draft_mark: bool = typed(Boolean(), "Mark drafts DRAFT.", default=True)
    line_numbers: bool = typed(Boolean(), "Number the lines, for review.", default=False)
    faq_new_page: bool = typed(
        Boolean(),
        "Start the FAQ on a new page after the press release (Working Backwards style).",
        default=True,
    )
    strict: bool = typed(Boolean(), "Warnings fail the check too.", default=False)
    budget: bool | None = typed(
        Optional(Boolean(), blank_is_none=False),
        "Measure the six-page budget; None measures it when a PDF is written.",
        default=None,
    )
    lint: LintConfig = typed(Record(LintConfig), "The writing checks.", default_factory=LintConfig)
    portfolio: PortfolioConfig = typed(
        Record(PortfolioConfig), "The portfolio comparison.", default_factory=PortfolioConfig
    )

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with ``changes`` (field names), converted and checked like a config's values.

        Unknown names are a TypeError; a value a field does not take is a
        SettingsError (``paper="A5"``), raised here rather than in a writer.
        """
        known = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise TypeError(f"unknown setting {', '.join(unknown)}: use {', '.join(sorted(known))}")
        return replace(self, **changes)

    __built_kinds__ = {"formats": Ruled(ListOf(Text(), as_tuple=True), _known_format_names)}

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
