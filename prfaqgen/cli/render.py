"""``prfaqgen render``: specs to review-ready PDF and DOCX (and HTML)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from prfaqgen.cli.inputs import spec_files
from prfaqgen.cli.report import (
    print_diagnostics,
    print_json,
    print_render_result,
    render_result_json,
    render_summary,
)
from prfaqgen.cli.settings_options import (
    RenderFlags,
    SettingsSource,
    render_flags,
    settings_options,
)

if TYPE_CHECKING:
    from prfaqgen.diagnostics import Diagnostic


@click.command()
@click.argument("paths", metavar="FILE_OR_DIR...", nargs=-1, required=True)
@render_flags
@click.option(
    "--report",
    type=click.Choice(["text", "json"], case_sensitive=False),
    default="text",
    show_default=True,
    help="How to print the six-page budget of each spec.",
)
@click.option(
    "--budget/--no-budget",
    default=None,
    help="Measure the six-page budget on the PDF layout. Default: measured when a PDF is "
    "written or with --format json alone; not for a DOCX- or HTML-only render, which "
    "then never loads WeasyPrint (--budget lays the PDF out in memory to measure it).",
)
@settings_options
def render(
    paths: tuple[str, ...],
    report: str,
    budget: bool | None,
    settings_source: SettingsSource,
    render_flags: RenderFlags,
) -> None:
    """Render idea specs into review-ready PDF and DOCX files in the six-page style.

    Each spec becomes OUTPUT/NAME.pdf and OUTPUT/NAME.docx, named after the spec
    file. An invalid spec is reported as `validate` reports it and produces no
    file. The pages used by the press release and the FAQ are measured on the
    real PDF layout: over one page for the press release, or over six for the
    press release and FAQ, is a warning (an error with --strict). The supporting
    parts and the appendix are measured too but do not count toward the six.

    The files written and the pages go to stdout, problems to stderr; several
    specs end with a summary line (N rendered, N failed, N warnings).

    Options not given come from the project config (prfaqgen.toml or
    [tool.prfaqgen] in pyproject.toml, see `prfaqgen config`), then defaults.

    Exit code 0 when all rendered, 1 when any spec is invalid or could not be
    rendered (or has warnings, with --strict), 2 for usage errors.

    \b
    Examples:
      prfaqgen render specs/example.yaml
      prfaqgen render specs/ -o review/ --paper a4 --line-numbers
      prfaqgen render specs/ledger.yaml --format pdf --report json
      prfaqgen render specs/ledger.yaml --format docx --budget
    """
    from prfaqgen.errors import RenderError, SpecError
    from prfaqgen.pipeline import render_spec

    files = spec_files(paths)
    _refuse_name_clashes(files)
    as_json = report == "json" or render_flags.json_report
    flags = dict(render_flags.changes)
    if budget is not None:
        flags["budget"] = budget
    failed = warnings = 0
    reports: list[dict[str, object]] = []
    for path in files:
        resolved = settings_source.resolve(path, **flags)
        settings = resolved.settings
        if resolved.sources["budget"] == "default" and not settings.formats:
            settings = settings.with_changes(budget=True)  # `--format json` alone: the report
        try:
            result = render_spec(path, settings)
        except SpecError as exc:
            failed += 1
            warnings += sum(1 for d in exc.diagnostics if d.severity == "warning")
            _emit(exc.diagnostics, as_json, reports, str(path))
            continue
        except RenderError as exc:
            failed += 1
            click.echo(f"{path}: cannot render: {exc}", err=True)
            reports.append({"file": str(path), "error": str(exc)})
            continue
        warnings += len(result.warnings)
        if settings.strict and result.warnings:
            failed += 1
        if as_json:
            reports.append(render_result_json(result))
        else:
            print_diagnostics(result.warnings, err=True)
            print_render_result(result)
    if as_json:
        print_json(reports)
    if len(files) > 1 or any(Path(p).is_dir() for p in paths):
        click.echo(render_summary(len(files) - failed, failed, warnings), err=True)
    sys.exit(1 if failed else 0)


def _emit(
    diagnostics: list[Diagnostic], as_json: bool, reports: list[dict[str, object]], file: str
) -> None:
    if as_json:
        reports.append({"file": file, "diagnostics": [d.as_dict() for d in diagnostics]})
    else:
        print_diagnostics(diagnostics, err=True)


def _refuse_name_clashes(files: list[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen:
            raise click.UsageError(
                f"{seen[path.stem]} and {path} would both render to {path.stem}.*: "
                "render them into separate folders with -o"
            )
        seen[path.stem] = path
