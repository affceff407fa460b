"""Print diagnostics the way compilers do, or as JSON for tools."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from prfaqgen.diagnostics import Diagnostic


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(diagnostic.format())


def github_annotation(diagnostic: Diagnostic) -> str:
    """A GitHub Actions workflow command: the problem as an annotation on its line."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    level = "warning" if diagnostic.severity == "warning" else "error"
    where = f"file={prop(diagnostic.file)},line={diagnostic.line},col={diagnostic.column}"
    title = f",title={prop(diagnostic.path)}" if diagnostic.path else ""
    return f"::{level} {where}{title}::{data(diagnostic.message)}"


def print_json(payload: object) -> None:
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False))


def summary(files: int, invalid: int, errors: int, warnings: int) -> str:
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    status = f"{invalid} invalid" if invalid else "all valid"
    return f"{n(files, 'file')} checked: {status}; {n(errors, 'error')}, {n(warnings, 'warning')}"


def write_file(target: Path, data: bytes) -> None:
    """Write ``target`` atomically, or say why not and exit 1 (never a traceback)."""
    from prfaqgen.atomic import write_atomically

    try:
        write_atomically(target, data)
    except OSError as exc:
        click.echo(f"{target}: cannot be written ({exc.strerror or exc})", err=True)
        sys.exit(1)
