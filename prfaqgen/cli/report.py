"""Print diagnostics the way compilers do, render results and summaries, or JSON for tools.

The commands hand data (diagnostics, render results, page budgets) to these
printers; only here is it turned into text. Results go to stdout, so that a
script can read them; diagnostics of ``render`` and summaries go to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from prfaqgen.diagnostics import Diagnostic

if TYPE_CHECKING:
    from prfaqgen.measure.budget import PageBudget
    from prfaqgen.pipeline import RenderResult


def print_diagnostics(diagnostics: Iterable[Diagnostic], *, err: bool = False) -> None:
    """One ``FILE:LINE:COL: path: message`` line each; on stderr with ``err``."""
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(), err=err)


def print_render_result(result: RenderResult) -> None:
    """The files written and the page budget of one spec, on stdout."""
    written = ", ".join(str(p) for p in result.outputs.values()) or "nothing written"
    click.echo(f"{result.file}: {written}")
    if result.budget:
        click.echo(f"  {budget_line(result.budget)}")


def render_result_json(result: RenderResult) -> dict[str, object]:
    """One spec's entry of ``render --report json``."""
    return {
        "file": result.file,
        "outputs": {k: str(v) for k, v in result.outputs.items()},
        "pages": result.budget.as_dict() if result.budget else None,
        "diagnostics": [d.as_dict() for d in result.warnings],
    }


def budget_line(budget: PageBudget) -> str:
    """``pages: press release 0.93 of 1, press release + FAQ 4.2 of 6, ...``.

    Only the press release and the FAQ count toward the six pages; the
    supporting parts and the appendix are said separately, as not counted.
    """
    figures = budget.as_dict()

    def pages(value: object) -> str:
        return "?" if value is None else f"{value:g}"

    parts = [
        f"press release {pages(figures['press_release'])} of 1",
        f"press release + FAQ {pages(figures['body'])} of 6",
    ]
    if figures["supporting"] is not None:
        parts.append(f"supporting parts {pages(figures['supporting'])} (not counted)")
    appendix = figures["appendix"]
    parts.append(f"appendix {appendix} (not counted)" if appendix is not None else "no appendix")
    parts.append(f"{figures['total_pages']} in all")
    return "pages: " + ", ".join(parts)


def render_summary(rendered: int, failed: int, warnings: int) -> str:
    """The last line of a render of several specs."""
    return f"{rendered} rendered, {failed} failed, {_n(warnings, 'warning')}"


def print_json(payload: object) -> None:
    from prfaqgen.printers import as_json

    click.echo(as_json(payload))


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(files: int, invalid: int, errors: int, warnings: int) -> str:
    status = f"{invalid} invalid" if invalid else "all valid"
    return (
        f"{_n(files, 'file')} checked: {status}; {_n(errors, 'error')}, {_n(warnings, 'warning')}"
    )


def write_file(target: Path, data: bytes) -> None:
    """Write ``target`` atomically, or say why not and exit 1 (never a traceback)."""
    from prfaqgen.atomic import write_atomically

    try:
        write_atomically(target, data)
    except OSError as exc:
        click.echo(f"{target}: cannot be written ({exc.strerror or exc})", err=True)
        sys.exit(1)
