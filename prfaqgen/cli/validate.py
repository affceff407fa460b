"""``prfaqgen validate``: check specs without rendering anything (and fast)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from prfaqgen.cli.inputs import is_spec_file, spec_files
from prfaqgen.cli.report import github_annotation, print_diagnostics, print_json, summary
from prfaqgen.cli.settings_options import SettingsSource, settings_options

if TYPE_CHECKING:
    from prfaqgen.lint.findings import Finding


@click.command()
@click.argument("paths", metavar="FILE_OR_DIR...", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"], case_sensitive=False),
    default="text",
    show_default=True,
    help="text: FILE:LINE:COL: path: message lines; json: a list of objects; "
    "github: annotations for GitHub Actions.",
)
@click.option("--strict/--no-strict", help="Warnings (missing recommended parts) fail too.")
@click.option(
    "--only-specs",
    is_flag=True,
    help="Skip YAML files that are not idea specs (no top-level `prfaq:` key), "
    "as pre-commit hooks pass every YAML file.",
)
@click.option(
    "--lint",
    "with_lint",
    is_flag=True,
    help="Also run the writing checks (prfaqgen lint); error-severity findings fail.",
)
@settings_options
def validate(
    paths: tuple[str, ...],
    output_format: str,
    strict: bool,
    only_specs: bool,
    with_lint: bool,
    settings_source: SettingsSource,
) -> None:
    """Check idea specs and report every problem, with file, line and column.

    A folder means every *.yaml and *.yml file below it. Exit code 0 when all
    are valid, 1 when any is invalid (or has warnings, with --strict), 2 for
    usage errors. --strict not given comes from the project config.

    \b
    Examples:
      prfaqgen validate specs/example.yaml
      prfaqgen validate --strict --format json specs/
      prfaqgen validate --lint specs/example.yaml
    """
    from prfaqgen.spec.loader import check_spec

    if with_lint:
        from prfaqgen.lint.printers import github_line

    files = spec_files(paths)
    if only_specs:
        files = [path for path in files if is_spec_file(path)]
    flags = settings_source.given(strict=strict)
    results = [check_spec(path) for path in files]
    diagnostics = [d for result in results for d in result.diagnostics]
    failed = []
    findings: list[Finding] = []
    for path, result in zip(files, results, strict=True):
        settings = settings_source.for_spec(path, **flags)
        failing = not result.passed(settings.strict)
        if with_lint and result.loaded is not None:
            from prfaqgen.lint.engine import lint_spec

            linted = lint_spec(result.loaded, settings.lint).findings
            findings.extend(linted)
            lint_errors = any(f.severity == "error" for f in linted)
            failing = failing or lint_errors or (settings.strict and bool(linted))
        if failing:
            failed.append(result)
    if output_format == "json":
        print_json([d.as_dict() for d in diagnostics] + [f.as_dict() for f in findings])
    else:
        if output_format == "github":
            for diagnostic in diagnostics:
                click.echo(github_annotation(diagnostic))
            for finding in findings:
                click.echo(github_line(finding))
        else:
            print_diagnostics(diagnostics)
            for finding in findings:
                click.echo(finding.format())
        errors = sum(len(r.errors) for r in results)
        warnings = len(diagnostics) - errors
        click.echo(summary(len(results), len(failed), errors, warnings), err=True)
    sys.exit(1 if failed else 0)
