"""Themes: the look of a document, shareable as a folder or an installed package."""

from __future__ import annotations

from prfaqgen.themes.resolve import (
    ENTRY_POINT_GROUP,
    ThemeLayer,
    installed_themes,
    load_theme,
    locate_theme,
    theme_file,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "ThemeLayer",
    "installed_themes",
    "load_theme",
    "locate_theme",
    "theme_file",
]
