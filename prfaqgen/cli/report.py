"""Print diagnostics the way compilers do, or as JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Iterable

import click

from prfaqgen.diagnostics import Diagnostic


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(diagnostic.format())


def print_json(payload: object) -> None:
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False))


def summary(files: int, invalid: int, errors: int, warnings: int) -> str:
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    status = f"{invalid} invalid" if invalid else "all valid"
    return f"{n(files, 'file')} checked: {status}; {n(errors, 'error')}, {n(warnings, 'warning')}"
