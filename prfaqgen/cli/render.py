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

if TYPE_CHECKING:
    from prfaqgen.diagnostics import Diagnostic

OUTPUT_FORMATS = ("pdf", "docx", "html")


def _formats(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [v for v in chosen if v not in (*OUTPUT_FORMATS, "json")]
    if unknown or not chosen:
        raise click.BadParameter(
            f"{', '.join(unknown) or 'nothing'}: choose from pdf, docx, html (comma separated), "
            "or json for the page report"
        )
    return chosen


@click.command()
@click.argument("paths", metavar="FILE_OR_DIR...", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "output_dir",
    default="output",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the rendered files (created if missing).",
)
@click.option(
    "--format",
    "formats",
    default="pdf,docx",
    show_default=True,
    callback=_formats,
    help="Comma-separated: pdf, docx, html. 'json' prints the page report as JSON "
    "(same as --report json).",
)
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter", show_default=True)
@click.option("--strict", is_flag=True, help="Warnings (recommended parts, page budget) fail.")
@click.option("--no-draft-mark", is_flag=True, help="No diagonal DRAFT mark on drafts.")
@click.option("--line-numbers", is_flag=True, help="Number the lines, for reviewers' comments.")
@click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Your template folder: its prfaq.html.j2 and theme/ override the built-in ones.",
)
@click.option(
    "--report",
    type=click.Choice(["text", "json"]),
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
def render(
    paths: tuple[str, ...],
    output_dir: Path,
    formats: tuple[str, ...],
    paper: str,
    strict: bool,
    no_draft_mark: bool,
    line_numbers: bool,
    templates: Path | None,
    report: str,
    budget: bool | None,
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
    from prfaqgen.settings import Settings

    files = spec_files(paths)
    _refuse_name_clashes(files)
    as_json = report == "json" or "json" in formats
    outputs = tuple(f for f in formats if f != "json")
    if budget is None and not outputs:
        budget = True  # `--format json` alone asks for the page report only
    settings = Settings(
        output=output_dir,
        formats=outputs,
        paper="a4" if paper == "a4" else "letter",
        templates=templates,
        draft_mark=not no_draft_mark,
        line_numbers=line_numbers,
        strict=strict,
        budget=budget,
    )
    failed = warnings = 0
    reports: list[dict[str, object]] = []
    for path in files:
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
