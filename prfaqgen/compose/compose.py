"""Compose: a valid spec plus templates become one HTML document for every writer."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, time, timezone
from pathlib import Path

from prfaqgen._version import __version__
from prfaqgen.builtin import DOCUMENT_TEMPLATE
from prfaqgen.compose.document import ComposedDocument
from prfaqgen.compose.environments import cached_environment, rendering
from prfaqgen.compose.markdown import MarkdownRenderer
from prfaqgen.compose.templating import render_template
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.fingerprint import spec_digest
from prfaqgen.look import Theme
from prfaqgen.options import RenderOptions
from prfaqgen.spec.loader import LoadedSpec
from prfaqgen.themes.resolve import load_theme, theme_file


def compose(
    loaded: LoadedSpec,
    options: RenderOptions | None = None,
    templates: Path | None = None,
    theme: Theme | None = None,
) -> ComposedDocument:
    """Render the document template for ``loaded``.

    ``theme`` comes from :func:`prfaqgen.themes.load_theme`; without it the
    built-in theme is used, overridden by the ``templates`` folder. Images were
    checked by the spec stage (``loaded.images``); raises RenderError for a
    template or theme problem.
    """
    options = options or RenderOptions()
    if theme is None:
        theme = load_theme(None, templates)
    env = cached_environment(theme.template_dirs)
    source_date = source_date_for(loaded)
    with rendering(MarkdownRenderer(image_urls(loaded)), theme_file_url(theme)):
        html = render_template(
            env,
            DOCUMENT_TEMPLATE,
            {
                "spec": loaded.spec,
                "options": options,
                "generator": f"prfaqgen {__version__}",
                "document_date": source_date.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "spec_digest": spec_digest(loaded.source_map.source),
            },
        )
    warnings = _template_warnings(theme)
    spec_root = Path(os.path.realpath(loaded.path.parent))
    roots = (spec_root, Path(os.path.realpath(theme.stylesheet.parent)), *theme.roots)
    return ComposedDocument(
        html=html,
        base_dir=spec_root,
        theme=theme,
        options=options,
        source_date=source_date,
        resource_roots=tuple(dict.fromkeys(roots)),
        warnings=warnings,
    )


def _template_warnings(theme: Theme) -> tuple[Diagnostic, ...]:
    """Markup outside the vocabulary in a theme's own templates (the built-in ones have none,
    so the scanner and its patterns are loaded only for a theme with templates), and the
    theme's CSS changes the DOCX cannot follow."""
    if not theme.template_dirs and not theme.asset_dirs:
        return ()
    from prfaqgen.compose.markup_scan import scan_templates
    from prfaqgen.themes.css_check import css_warnings

    found = [w for folder in theme.template_dirs for w in scan_templates(folder)]
    return (*found, *css_warnings(theme.stylesheet, theme.look))


def image_urls(loaded: LoadedSpec) -> dict[str, str]:
    """The ``file://`` URL of every checked image, by its source as written."""
    return {src: path.as_uri() for src, path in loaded.images.items()}


def find_theme(templates: Path | None) -> Theme:
    """The built-in theme overridden by ``templates/theme/`` (kept for callers of 0.1)."""
    return load_theme(None, templates)


def theme_file_url(theme: Theme) -> Callable[[str], str]:
    """``theme_file("logo.png")`` in a template: the file:// URL of a file of the theme."""

    def theme_file_url(name: str) -> str:
        return theme_file(theme, str(name)).resolve().as_uri()

    return theme_file_url


def source_date_for(loaded: LoadedSpec) -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the spec's own date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.combine(loaded.spec.meta.date, time(0), tzinfo=timezone.utc)
