"""Compose: a valid spec plus templates become one HTML document for every writer."""

from __future__ import annotations

import os
from datetime import datetime, time, timezone
from pathlib import Path

from prfaqgen._version import __version__
from prfaqgen.builtin import templates_dir
from prfaqgen.errors import RenderError
from prfaqgen.render.document import ComposedDocument, RenderOptions, Theme
from prfaqgen.render.markdown import MarkdownRenderer
from prfaqgen.render.templating import make_environment, render_template
from prfaqgen.spec.loader import LoadedSpec

DOCUMENT_TEMPLATE = "prfaq.html.j2"


def compose(
    loaded: LoadedSpec,
    options: RenderOptions | None = None,
    templates: Path | None = None,
) -> ComposedDocument:
    """Render the document template for ``loaded``.

    Images were checked by the spec stage (``loaded.images``); raises
    RenderError for a template problem.
    """
    options = options or RenderOptions()
    if templates is not None and not templates.is_dir():
        raise RenderError(f"{templates}: templates folder not found")
    markdown = MarkdownRenderer(image_urls(loaded))
    env = make_environment(templates_dir(), templates)
    env.filters["markdown"] = markdown.block
    env.filters["inline"] = markdown.inline
    env.filters["plain"] = markdown.plain
    source_date = source_date_for(loaded)
    html = render_template(
        env,
        DOCUMENT_TEMPLATE,
        {
            "spec": loaded.spec,
            "options": options,
            "generator": f"prfaqgen {__version__}",
            "document_date": source_date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    )
    theme = find_theme(templates)
    spec_root = Path(os.path.realpath(loaded.path.parent))
    return ComposedDocument(
        html=html,
        base_dir=spec_root,
        theme=theme,
        options=options,
        source_date=source_date,
        resource_roots=(spec_root, Path(os.path.realpath(theme.stylesheet.parent))),
    )


def image_urls(loaded: LoadedSpec) -> dict[str, str]:
    """The ``file://`` URL of every checked image, by its source as written."""
    return {src: path.as_uri() for src, path in loaded.images.items()}


def find_theme(templates: Path | None) -> Theme:
    """The user's ``theme/theme.css`` and ``theme/reference.docx`` win, each on its own."""
    builtin = templates_dir() / "theme"

    def pick(name: str) -> Path:
        if templates is not None and (templates / "theme" / name).is_file():
            return templates / "theme" / name
        return builtin / name

    return Theme(
        stylesheet=pick("theme.css"),
        reference_docx=pick("reference.docx"),
        fonts_dir=builtin / "fonts",
    )


def source_date_for(loaded: LoadedSpec) -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the spec's own date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.combine(loaded.spec.meta.date, time(0), tzinfo=timezone.utc)
