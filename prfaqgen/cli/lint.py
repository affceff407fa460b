"""``prfaqgen lint``: the writing checks, as located findings and a score."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING

import click

from prfaqgen.cli.inputs import is_spec_file, spec_files
from prfaqgen.cli.report import print_diagnostics
from prfaqgen.cli.settings_options import SettingsSource, settings_options

if TYPE_CHECKING:
    from prfaqgen.diagnostics import Diagnostic
    from prfaqgen.lint.config import LintSeverity
    from prfaqgen.lint.findings import Finding
    from prfaqgen.settings import Settings
    from prfaqgen.spec.loader import LoadedSpec
    from prfaqgen.writers.budget import PageBudget

SEVERITIES = ("error", "warning", "info")


@click.command()
@click.argument("paths", metavar="FILE_OR_DIR...", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif", "github"], case_sensitive=False),
    default="text",
    show_default=True,
    help="text: FILE:LINE:COL: severity: message [rule]; json; sarif (2.1.0); "
    "github (workflow annotations).",
)
@click.option(
    "--min-severity",
    type=click.Choice(["info", "warning", "error"], case_sensitive=False),
    default=None,
    help="Hide findings below this level (default: the config's, info).",
)
@click.option("--strict/--no-strict", help="Any finding shown fails (exit 1), not only errors.")
@click.option(
    "--budget",
    is_flag=True,
    help="Lay the document out (slower) to check the one-page and six-page limits.",
)
@click.option(
    "--only-specs",
    is_flag=True,
    help="Skip YAML files that are not idea specs (no top-level `prfaq:` key), "
    "as pre-commit hooks pass every YAML file.",
)
@settings_options
def lint(
    paths: tuple[str, ...],
    output_format: str,
    min_severity: LintSeverity | None,
    strict: bool,
    budget: bool,
    only_specs: bool,
    settings_source: SettingsSource,
) -> None:
    """Check the writing of idea specs against the Working Backwards house rules.

    Each finding names its file, line, column and rule id; each file gets a
    writing score out of 100. Rules, config keys and inline suppression
    (`# prfaqgen: disable=RULE`) are in docs/lint-rules.md. Exit code 0 when no
    error-severity finding (or none at all, with --strict), 1 otherwise or when
    a spec is invalid, 2 for usage errors.

    \b
    Examples:
      prfaqgen lint specs/example.yaml
      prfaqgen lint --format sarif specs/ > lint.sarif
    """
    from prfaqgen.lint.engine import lint_spec
    from prfaqgen.lint.printers import PRINTERS
    from prfaqgen.spec.loader import check_spec

    flags = settings_source.given(strict=strict)
    results = []
    invalid: list[Diagnostic] = []
    failed = False
    files = spec_files(paths)
    if only_specs:
        files = [path for path in files if is_spec_file(path)]
    for path in files:
        settings = settings_source.for_spec(path, **flags)  # defaults, project config, flags
        config = settings.lint
        if min_severity is not None:
            config = replace(config, min_severity=min_severity)
        checked = check_spec(path)
        if checked.loaded is None:
            invalid.extend(checked.errors)
            continue
        page_budget = None
        if budget:
            page_budget = _measure(checked.loaded, settings)
        result = lint_spec(checked.loaded, config, page_budget)
        results.append(result)
        errors = any(f.severity == "error" for f in result.findings)
        failed = failed or errors or (settings.strict and bool(result.findings))
    if invalid:
        print_diagnostics(invalid)
    output = PRINTERS[output_format](results)
    if output:
        click.echo(output)
    findings = [f for r in results for f in r.findings]
    failed = failed or bool(invalid)
    if output_format == "text":
        click.echo(_summary(len(results), invalid, findings), err=True)
    sys.exit(1 if failed else 0)


def _summary(linted: int, invalid: list[Diagnostic], findings: list[Finding]) -> str:
    counts = {level: sum(f.severity == level for f in findings) for level in SEVERITIES}
    found = ", ".join(f"{n} {level}{'' if n == 1 else 's'}" for level, n in counts.items())
    files = len({d.file for d in invalid})
    bad = f"; {files} invalid spec{'' if files == 1 else 's'} not linted" if files else ""
    return f"{linted} file{'' if linted == 1 else 's'} linted: {found}{bad}"


def _measure(loaded: LoadedSpec, settings: Settings) -> PageBudget | None:
    """The page budget, from a PDF laid out in memory and never written."""
    from prfaqgen.errors import PrfaqgenError
    from prfaqgen.pipeline import render_spec

    try:
        return render_spec(loaded, settings, formats=[], budget=True).budget
    except PrfaqgenError as exc:
        click.echo(f"{loaded.display_name}: the page budget cannot be measured: {exc}", err=True)
        return None
