"""The composed document: what the compose stage hands to every writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from prfaqgen.diagnostics import Diagnostic
from prfaqgen.validation import Boolean, Checked, Choice, typed

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

Paper = Literal["letter", "a4"]


@dataclass(frozen=True)
class RenderOptions(Checked):
    """Choices a user makes per render, shared by every writer; checked when built."""

    paper: Paper = typed(Choice(*get_args(Paper)), "letter or a4.", default="letter")
    draft_mark: bool = typed(Boolean(), "Mark drafts DRAFT.", default=True)
    line_numbers: bool = typed(Boolean(), "Number the lines, for review.", default=False)
    faq_new_page: bool = typed(
        Boolean(),
        "Start the FAQ on a new page: the press release is a page of its own.",
        default=True,
    )


@dataclass(frozen=True)
class Theme:
    """The look of a document: one stylesheet for the PDF, one reference DOCX.

    Built by :func:`prfaqgen.themes.load_theme`, which checks that every file
    lies inside its theme's folder.
    """

    stylesheet: Path
    reference_docx: Path
    fonts_dir: Path
    """The built-in fonts (Carlito), loaded before every theme's stylesheet."""
    name: str = "builtin"
    template_dirs: tuple[Path, ...] = ()
    """Folders searched for templates before the built-in one, first wins."""
    asset_dirs: tuple[Path, ...] = ()
    """Theme folders ``theme_file()`` in a template looks in, first wins."""
    roots: tuple[Path, ...] = ()
    """Real folders a theme's files (stylesheet, fonts, images) may be read from."""
    docx_font: str | None = None
    """A font family the DOCX styles name instead of the reference document's body font."""


@dataclass(frozen=True)
class ComposedDocument:
    """One PR/FAQ as HTML (see docs/templates.md), ready for the writers.

    ``resource_roots`` are the only folders a writer may read a file from:
    the spec's own folder and the theme's folder. Image ``src`` attributes are
    already resolved by the compose stage to ``file://`` URLs inside them.
    """

    html: str
    base_dir: Path
    theme: Theme
    options: RenderOptions = field(default_factory=RenderOptions)
    source_date: datetime = datetime(1980, 1, 1)
    resource_roots: tuple[Path, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    """Template markup outside the HTML vocabulary (prfaqgen.compose.vocabulary)."""

    @cached_property
    def tree(self) -> ET.Element:
        """``html`` parsed once, by the HTML5 parser WeasyPrint uses, for every writer."""
        from prfaqgen.compose.html_tree import parse_html

        return parse_html(self.html)
