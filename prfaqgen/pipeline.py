"""The render pipeline: spec file -> model -> composed HTML -> PDF, DOCX, HTML files.

This is what the CLI and the Python API call; it knows the order of the
stages and where files go, and nothing of click or of any one format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prfaqgen.atomic import write_all_atomically
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.errors import RenderError
from prfaqgen.render.compose import compose
from prfaqgen.render.document import RenderOptions
from prfaqgen.spec.loader import LoadedSpec, load_spec
from prfaqgen.writers.budget import PageBudget, measure_budget

FORMATS = ("pdf", "docx", "html")
DEFAULT_FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class RenderResult:
    """What rendering one spec produced."""

    file: str
    outputs: dict[str, Path] = field(default_factory=dict)
    budget: PageBudget | None = None
    warnings: tuple[Diagnostic, ...] = ()


def render_spec(
    spec: str | Path | LoadedSpec,
    output_dir: str | Path = "output",
    formats: Sequence[str] = DEFAULT_FORMATS,
    options: RenderOptions | None = None,
    templates: str | Path | None = None,
    measure: bool = True,
) -> RenderResult:
    """Render one spec into ``output_dir/<spec name>.<format>``.

    Raises SpecError (invalid spec, refused image) or RenderError. Every
    output is built in memory first and written only when all succeeded, each
    file atomically: a failure never leaves a half-written or mixed set.
    ``measure`` lays out the PDF for the six-page budget even when no PDF is
    written.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise RenderError(f"unknown output format {', '.join(unknown)}: use {', '.join(FORMATS)}")
    loaded = spec if isinstance(spec, LoadedSpec) else load_spec(spec)
    doc = compose(loaded, options, Path(templates) if templates is not None else None)

    contents: dict[str, bytes] = {}
    budget = None
    if "pdf" in formats or measure:
        from prfaqgen.writers.pdf import render_pdf

        pdf = render_pdf(doc)
        budget = measure_budget(pdf)
        if "pdf" in formats:
            contents["pdf"] = pdf.data
    if "docx" in formats:
        from prfaqgen.writers.docx import render_docx

        contents["docx"] = render_docx(doc)
    if "html" in formats:
        from prfaqgen.writers.html import render_html

        contents["html"] = render_html(doc)

    out = Path(output_dir)
    outputs = {fmt: out / f"{loaded.path.stem}.{fmt}" for fmt in FORMATS if fmt in contents}
    try:
        write_all_atomically({outputs[fmt]: contents[fmt] for fmt in outputs})
    except OSError as exc:
        where = exc.filename or out
        raise RenderError(f"{where}: cannot be written ({exc.strerror or exc})") from None
    warnings = loaded.warnings + tuple(_budget_warnings(loaded, budget))
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
