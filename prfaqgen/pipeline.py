"""The render pipeline: spec file -> model -> composed HTML -> PDF, DOCX, HTML files.

This is what the CLI and the Python API call; it knows the order of the
stages and where files go, and nothing of click or of any one format.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prfaqgen.atomic import write_all_atomically
from prfaqgen.compose.compose import compose
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.errors import PrfaqgenError, RenderError
from prfaqgen.settings import FORMATS, Settings
from prfaqgen.spec.loader import LoadedSpec, load_spec
from prfaqgen.themes import load_theme

if TYPE_CHECKING:
    from prfaqgen.measure.budget import PageBudget


@dataclass(frozen=True)
class RenderResult:
    """What rendering one spec produced."""

    file: str
    outputs: dict[str, Path] = field(default_factory=dict)
    budget: PageBudget | None = None
    warnings: tuple[Diagnostic, ...] = ()


def render_spec(
    spec: str | Path | LoadedSpec, settings: Settings | None = None, **changes: Any
) -> RenderResult:
    """Render one spec into ``<settings.output>/<spec name>.<format>``.

    ``changes`` override fields of ``settings`` (``output="review"``,
    ``formats=["pdf"]``), so that a quick call needs no Settings object.

    Raises SettingsError (a setting's value is not one it takes), SpecError
    (invalid spec, refused image) or RenderError. Every
    output is built in memory first and written only when all succeeded, each
    file atomically: a failure never leaves a half-written or mixed set.
    """
    settings = (settings or Settings()).with_changes(**changes)
    formats = settings.formats
    loaded = spec if isinstance(spec, LoadedSpec) else load_spec(spec)
    theme = load_theme(settings.theme, settings.templates)
    doc = compose(loaded, settings.render_options(), theme=theme)

    contents: dict[str, bytes] = {}
    budget = None
    if "pdf" in formats or settings.measures_budget:
        from prfaqgen.writers.pdf import render_pdf

        pdf = render_pdf(doc, links_dir=settings.output)
        if settings.measures_budget:
            from prfaqgen.measure.budget import measure_budget

            budget = measure_budget(pdf)
        if "pdf" in formats:
            contents["pdf"] = pdf.data
    if "docx" in formats:
        from prfaqgen.writers.docx import render_docx

        contents["docx"] = render_docx(doc, links_dir=settings.output)
    if "html" in formats:
        from prfaqgen.writers.html import render_html

        contents["html"] = render_html(doc)

    out = settings.output
    outputs = {fmt: out / f"{loaded.path.stem}.{fmt}" for fmt in FORMATS if fmt in contents}
    try:
        write_all_atomically({outputs[fmt]: contents[fmt] for fmt in outputs})
    except OSError as exc:
        where = exc.filename or out
        raise RenderError(f"{where}: cannot be written ({exc.strerror or exc})") from None
    warnings = loaded.warnings + doc.warnings + tuple(_budget_warnings(loaded, budget))
    return RenderResult(loaded.display_name, outputs, budget, warnings)


def _budget_warnings(loaded: LoadedSpec, budget: PageBudget | None) -> list[Diagnostic]:
    if budget is None:
        return []
    out = []
    for part, message in (
        ("press_release", budget.press_release_problem()),
        ("faq", budget.body_problem()),
    ):
        if message:
            pos = loaded.source_map.of_key((part,))
            out.append(
                Diagnostic(loaded.display_name, pos.line, pos.column, part, message, "warning")
            )
    return out


def warm_up(settings: Settings | None = None) -> None:
    """Do now, once per process, the work every render would otherwise start with.

    Imports the writers ``settings`` needs (WeasyPrint when a PDF is written or
    the budget measured, python-docx for DOCX), compiles the document template
    and loads the theme's stylesheets and fonts into the per-process caches.
    A batch runner calls it in each worker process before its first spec. It
    never raises for a broken template or theme: the render of each spec
    reports that, located, as usual.
    """
    import jinja2

    from prfaqgen.builtin import DOCUMENT_TEMPLATE
    from prfaqgen.compose.environments import cached_environment

    settings = settings or Settings()
    try:
        theme = load_theme(settings.theme, settings.templates)
    except PrfaqgenError:
        return
    with contextlib.suppress(jinja2.TemplateError, PrfaqgenError, OSError):
        cached_environment(theme.template_dirs).get_template(DOCUMENT_TEMPLATE)
    if "docx" in settings.formats:
        import prfaqgen.writers.docx  # noqa: F401
    if "pdf" in settings.formats or settings.measures_budget:
        from prfaqgen.writers.pdf import warm_up as warm_up_pdf

        with contextlib.suppress(PrfaqgenError):
            warm_up_pdf(theme)
