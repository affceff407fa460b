"""The composed document: what the compose stage hands to every writer.

Its options and theme are shared value types (prfaqgen.options, prfaqgen.look), imported here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from prfaqgen.diagnostics import Diagnostic
from prfaqgen.look import Look, Theme
from prfaqgen.options import Paper, RenderOptions

__all__ = ["ComposedDocument", "Look", "Paper", "RenderOptions", "Theme"]

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET


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
