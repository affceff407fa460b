"""The composed document: what the compose stage hands to every writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from prfaqgen.diagnostics import Diagnostic

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

Paper = Literal["letter", "a4"]


@dataclass(frozen=True)
class RenderOptions:
    """Choices a user makes per render, shared by every writer."""

    paper: Paper = "letter"
    draft_mark: bool = True
    line_numbers: bool = False
    faq_new_page: bool = True
    """Start the FAQ on a new page: the press release is a page of its own."""


@dataclass(frozen=True)
class Look:
    """A theme's fonts, colours and body size, set once in ``theme.toml`` for both formats.

    The PDF gets them as the CSS custom properties theme.css uses
    (``var(--prfaq-heading-color)``), the DOCX as properties of the reference
    document's styles. Unset keys keep theme.css's and reference.docx's own look.
    """

    body_font: str | None = None
    heading_font: str | None = None
    body_size: float | None = None
    """Points."""
    text_color: str | None = None
    """``#rrggbb``, as every colour here."""
    heading_color: str | None = None

    def css(self) -> str:
        """The custom properties for the PDF, as a ``:root`` rule, or "" when nothing is set."""
        values = {
            "body-font": _font_stack(self.body_font),
            "heading-font": _font_stack(self.heading_font),
            "body-size": f"{self.body_size:g}pt" if self.body_size is not None else None,
            "text-color": self.text_color,
            "heading-color": self.heading_color,
        }
        found = "; ".join(f"--prfaq-{name}: {value}" for name, value in values.items() if value)
        return f"\n/* theme.toml */\n:root {{ {found} }}\n" if found else ""


def _font_stack(family: str | None) -> str | None:
    # The family is checked when theme.toml is read (letters, digits, space, . _ -).
    return f'"{family}", "Carlito", "Calibri", sans-serif' if family else None


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
    look: Look = field(default_factory=Look)
    """Fonts and colours from theme.toml, applied to the PDF and the DOCX alike."""


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
    """Template markup outside the HTML vocabulary (prfaqgen.render.vocabulary)."""

    @cached_property
    def tree(self) -> ET.Element:
        """``html`` parsed once, by the HTML5 parser WeasyPrint uses, for every writer."""
        from prfaqgen.render.html_tree import parse_html

        return parse_html(self.html)
