"""``prfaqgen comments``: reviewers' comments and tracked changes, at their spec lines."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from prfaqgen.cli.report import print_diagnostics


@click.command()
@click.argument("docx", metavar="REVIEWED.docx", type=click.Path(exists=True, dir_okay=False))
@click.argument("spec", metavar="SPEC.yaml", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help='text: FILE:LINE:COL: comment (Author): "words", replies indented under it; '
    "json: a list of objects; github: workflow annotations (::notice).",
)
def comments(docx: str, spec: str, output_format: str) -> None:
    """Show a reviewed DOCX's comments and tracked changes at the spec lines they are on.

    REVIEWED.docx is a file `prfaqgen render` wrote from SPEC.yaml and a
    reviewer annotated in Word or LibreOffice. Each comment, insertion and
    deletion is printed at the line and column of the spec text it is on;
    replies are shown under the comment they answer. Comments on text the
    template wrote (a heading) are placed at the nearest field, with a note.
    See docs/comments.md.

    Exit code 0 when the document was read (with or without comments), 1 when
    the spec is invalid or the DOCX cannot be used (not a DOCX, refused, not
    rendered by prfaqgen or from another spec), 2 for usage errors.

    \b
    Examples:
      prfaqgen comments review/gapfill-tom.docx specs/gapfill.yaml
      prfaqgen comments reviewed.docx specs/gapfill.yaml --format github
    """
    from prfaqgen.errors import PrfaqgenError
    from prfaqgen.review import PRINTERS, read_review
    from prfaqgen.spec.loader import check_spec

    checked = check_spec(spec)
    if checked.loaded is None:
        print_diagnostics(checked.errors, err=True)
        sys.exit(1)
    try:
        result = read_review(Path(docx), checked.loaded)
    except PrfaqgenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    output = PRINTERS[output_format](result.findings)
    if output:
        click.echo(output)
    if output_format == "text":
        kinds = [f.kind for f in result.findings]
        counts = ", ".join(
            f"{n} {kind}{'' if n == 1 else 's'}"
            for kind in ("comment", "insertion", "deletion")
            if (n := kinds.count(kind)) or kind == "comment"
        )
        click.echo(f"{docx}: {counts}", err=True)
    sys.exit(0)
