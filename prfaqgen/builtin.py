"""Where the built-in templates and theme are, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DOCUMENT_TEMPLATE = "prfaq.html.j2"
"""The template every PR/FAQ starts from (a theme may override it)."""


@cache
def templates_dir() -> Path:
    """``prfaqgen/templates`` in a wheel; the repository's ``templates/`` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / DOCUMENT_TEMPLATE).is_file() or (candidate / "new-spec.yaml.j2").is_file():
            return candidate
    raise FileNotFoundError(
        f"prfaqgen's built-in templates are missing (looked in {here / 'templates'}); "
        "reinstall prfaqgen"
    )
