"""``prfaqgen render``: specs to review-ready PDF and DOCX (and HTML)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from prfaqgen.cli.inputs import spec_files
from prfaqgen.cli.report import print_diagnostics, print_json
from prfaqgen.cli.settings_options import (
    RenderFlags,
    SettingsSource,
    render_flags,
    settings_options,
)

if TYPE_CHECKING:
    from prfaqgen.diagnostics import Diagnostic
    from prfaqgen.writers.budget import PageBudget


@click.command()
@click.argument("paths", metavar="FILE_OR_DIR...", nargs=-1, required=True)
@render_flags
@click.option(
    "--report",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the six-page budget of each spec.",
)
@settings_options
def render(
    paths: tuple[str, ...],
    report: str,
    settings_source: SettingsSource,
    render_flags: RenderFlags,
) -> None:
    """Render idea specs into review-ready PDF and DOCX files in the six-page style.

    Each spec becomes OUTPUT/NAME.pdf and OUTPUT/NAME.docx, named after the spec
    file. An invalid spec is reported as `validate` reports it and produces no
    file. The pages used by the press release and the FAQ are measured on the
    real PDF layout: over one page for the press release, or over six for the
    press release and FAQ, is a warning (an error with --strict).

    Options not given come from the project config (prfaqgen.toml or
    [tool.prfaqgen] in pyproject.toml, see `prfaqgen config`), then defaults.

    Exit code 0 when all rendered, 1 when any spec is invalid or could not be
    rendered (or has warnings, with --strict), 2 for usage errors.

    \b
    Examples:
      prfaqgen render specs/example.yaml
      prfaqgen render specs/ -o review/ --paper a4 --line-numbers
      prfaqgen render specs/ledger.yaml --format pdf --report json
    """
    from prfaqgen.errors import RenderError, SpecError
    from prfaqgen.pipeline import render_spec

    files = spec_files(paths)
    _refuse_name_clashes(files)
    as_json = report == "json" or render_flags.json_report
    flags = render_flags.changes
    failed = 0
    reports: list[dict[str, object]] = []
    for path in files:
        resolved = settings_source.resolve(path, **flags)
        settings = resolved.settings
        if resolved.sources["budget"] == "default":
            settings = settings.with_changes(budget=True)
        try:
            result = render_spec(path, settings)
        except SpecError as exc:
            failed += 1
            _emit(exc.diagnostics, as_json, reports, str(path))
            continue
        except RenderError as exc:
            failed += 1
            click.echo(f"{path}: cannot render: {exc}", err=True)
            reports.append({"file": str(path), "error": str(exc)})
            continue
        if settings.strict and result.warnings:
            failed += 1
        if as_json:
            reports.append(
                {
                    "file": result.file,
                    "outputs": {k: str(v) for k, v in result.outputs.items()},
                    "pages": result.budget.as_dict() if result.budget else None,
                    "diagnostics": [d.as_dict() for d in result.warnings],
                }
            )
        else:
            print_diagnostics(result.warnings)
            written = ", ".join(str(p) for p in result.outputs.values()) or "nothing written"
            click.echo(f"{result.file}: {written}", err=True)
            if result.budget:
                click.echo(f"  {_budget_line(result.budget)}", err=True)
    if as_json:
        print_json(reports)
    sys.exit(1 if failed else 0)


def _emit(
    diagnostics: list[Diagnostic], as_json: bool, reports: list[dict[str, object]], file: str
) -> None:
    if as_json:
        reports.append({"file": file, "diagnostics": [d.as_dict() for d in diagnostics]})
    else:
        print_diagnostics(diagnostics)


def _budget_line(budget: PageBudget) -> str:
    figures = budget.as_dict()

    def pages(value: object) -> str:
        return "?" if value is None else f"{value:g}"

    appendix = figures["appendix"]
    return (
        f"pages: press release {pages(figures['press_release'])} of 1, "
        f"press release + FAQ {pages(figures['body'])} of 6, "
        + (f"appendix {appendix}, " if appendix is not None else "no appendix, ")
        + f"{figures['total_pages']} in all"
    )


def _refuse_name_clashes(files: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen:
            raise click.UsageError(
                f"{seen[path.stem]} and {path} would both render to {path.stem}.*: "
                "render them into separate folders with -o"
            )
        seen[path.stem] = path
