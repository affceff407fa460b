"""``prfaqgen validate``: check specs without rendering anything (and fast)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from prfaqgen.cli.inputs import spec_files
from prfaqgen.cli.report import print_diagnostics, print_json, summary

if TYPE_CHECKING:
    from prfaqgen.lint.findings import Finding


@click.command()
@click.argument("paths", metavar="FILE_OR_DIR...", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: FILE:LINE:COL: path: message lines; json: a list of objects.",
)
@click.option("--strict", is_flag=True, help="Warnings (missing recommended parts) fail too.")
@click.option(
    "--lint",
    "with_lint",
    is_flag=True,
    help="Also run the writing checks (prfaqgen lint); error-severity findings fail.",
)
def validate(paths: tuple[str, ...], output_format: str, strict: bool, with_lint: bool) -> None:
    """Check idea specs and report every problem, with file, line and column.

    A folder means every *.yaml and *.yml file below it. Exit code 0 when all
    are valid, 1 when any is invalid (or has warnings, with --strict), 2 for
    usage errors.

    \b
    Examples:
      prfaqgen validate specs/example.yaml
      prfaqgen validate --strict --format json specs/
      prfaqgen validate --lint specs/example.yaml
    """
    from prfaqgen.spec.loader import check_spec

    results = [check_spec(path) for path in spec_files(paths)]
    diagnostics = [d for result in results for d in result.diagnostics]
    failed = [r for r in results if not r.passed(strict)]
    findings: list[Finding] = []
    if with_lint:
        from prfaqgen.lint.engine import lint_spec
        from prfaqgen.settings import Settings

        config = Settings().lint  # the project config will be read here
        for result in results:
            if result.loaded is not None:
                linted = lint_spec(result.loaded, config)
                findings.extend(linted.findings)
                if any(f.severity == "error" for f in linted.findings) or (
                    strict and linted.findings
                ):
                    failed.append(result)
    if output_format == "json":
        print_json([d.as_dict() for d in diagnostics] + [f.as_dict() for f in findings])
    else:
        print_diagnostics(diagnostics)
        for finding in findings:
            click.echo(finding.format())
        errors = sum(len(r.errors) for r in results)
        warnings = len(diagnostics) - errors
        click.echo(summary(len(results), len(failed), errors, warnings), err=True)
    sys.exit(1 if failed else 0)
