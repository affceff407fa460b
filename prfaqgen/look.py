"""Shared value types of a render's look: the theme's files (Theme), its fonts and colours (Look).

They sit below every stage: themes/ builds a Theme, compose/ and the writers
read it; none of them imports a feature. (Checking a spec needs neither, so
they are apart from prfaqgen.options, which Settings imports.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
