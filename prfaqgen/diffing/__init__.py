"""``prfaqgen diff``: what changed between two versions of a spec, for review.

The new spec is rendered with the changes since the old one marked: a DOCX
whose changes are Word tracked changes (accept them all and it is the new
document), a PDF with insertions underlined, deletions struck through and a
change bar in the margin, and a summary of the changed, added and removed
parts. See docs/diff.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prfaqgen.atomic import write_all_atomically
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.diffing.summary import Change, SpecChanges, compare_specs
from prfaqgen.diffing.words import Mark
from prfaqgen.errors import RenderError
from prfaqgen.render.compose import source_date_for
from prfaqgen.settings import FORMATS, Settings
from prfaqgen.spec.loader import LoadedSpec, load_spec

__all__ = ["Change", "DiffResult", "SpecChanges", "diff_specs", "load_spec_at", "DEFAULT_AUTHOR"]

DEFAULT_AUTHOR = "prfaqgen"


@dataclass(frozen=True)
class DiffResult:
    """What diffing two versions of a spec produced."""

    changes: SpecChanges
    outputs: dict[str, Path] = field(default_factory=dict)
    warnings: tuple[Diagnostic, ...] = ()
    """The new spec's warnings (missing recommended parts) and the template's."""


def diff_specs(
    old: str | Path | LoadedSpec,
    new: str | Path | LoadedSpec,
    settings: Settings | None = None,
    *,
    author: str | None = None,
    **changes: Any,
) -> DiffResult:
    """Write ``<settings.output>/<new name>.diff.<format>`` with the changes since ``old``.

    ``author`` names the tracked changes (default: git's user.name in the new
    spec's folder, else "prfaqgen"); their date is the new spec's date, or
    SOURCE_DATE_EPOCH when set, so the same two specs give the same bytes.
    Raises SpecError (either spec invalid) or RenderError; writes all files or none.
    """
    settings = (settings or Settings()).with_changes(**changes)
    unknown = [f for f in settings.formats if f not in FORMATS]
    if unknown:
        raise RenderError(f"unknown output format {', '.join(unknown)}: use {', '.join(FORMATS)}")
    old_loaded = old if isinstance(old, LoadedSpec) else load_spec(old)
    new_loaded = new if isinstance(new, LoadedSpec) else load_spec(new)
    name = _printable(author or "") or default_author(new_loaded.path.parent)
    mark = Mark(name, _date(new_loaded))

    from prfaqgen.diffing.document import diff_document
    from prfaqgen.themes import load_theme

    theme = load_theme(settings.theme, settings.templates)
    doc = diff_document(old_loaded, new_loaded, mark, settings.render_options(), theme)
    contents: dict[str, bytes] = {}
    if "pdf" in settings.formats:
        from prfaqgen.writers.pdf import render_pdf

        contents["pdf"] = render_pdf(doc).data
    if "docx" in settings.formats:
        from prfaqgen.writers.docx import render_docx

        contents["docx"] = render_docx(doc)
    if "html" in settings.formats:
        from prfaqgen.writers.html import render_html

        contents["html"] = render_html(doc)
    stem = new_loaded.path.stem
    outputs = {fmt: settings.output / f"{stem}.diff.{fmt}" for fmt in FORMATS if fmt in contents}
    try:
        write_all_atomically({outputs[fmt]: contents[fmt] for fmt in outputs})
    except OSError as exc:
        where = exc.filename or settings.output
        raise RenderError(f"{where}: cannot be written ({exc.strerror or exc})") from None
    summary = compare_specs(old_loaded, new_loaded)
    warnings = new_loaded.warnings + doc.warnings
    return DiffResult(summary, outputs, warnings)


def load_spec_at(ref: str, spec: str | Path) -> LoadedSpec:
    """``spec`` as it was at git revision ``ref``; raises PrfaqgenError or SpecError."""
    from prfaqgen.diffing.git import show_at
    from prfaqgen.errors import SpecError
    from prfaqgen.spec.loader import check_spec_text

    path = Path(spec)
    text = show_at(ref, path)
    result = check_spec_text(text, f"{path}@{ref}", path=path)
    if result.loaded is None:
        raise SpecError(list(result.diagnostics))
    return result.loaded


def default_author(folder: Path) -> str:
    """git's user.name for ``folder``, else "prfaqgen"."""
    from prfaqgen.diffing.git import user_name

    return _printable(user_name(folder) or "") or DEFAULT_AUTHOR


def _printable(name: str) -> str:
    """``name`` without control characters (XML cannot hold them), on one line."""
    return " ".join("".join(c for c in name if c.isprintable() or c.isspace()).split())


def _date(loaded: LoadedSpec) -> str:
    return source_date_for(loaded).strftime("%Y-%m-%dT%H:%M:%SZ")
