"""``prfaqgen import``: start a spec from an existing PR/FAQ draft (DOCX or Markdown)."""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import click


def _one_line(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A title or author is one line of text: the spec's one-line fields refuse anything else."""
    if value is not None and (not value.strip() or any(c in value for c in "\r\n")):
        raise click.BadParameter("must be one line of text, not empty")
    return value.strip() if value is not None else None


@click.command("import")
@click.argument("draft", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The spec to write. [default: specs/DRAFT-NAME.yaml]",
)
@click.option("--title", callback=_one_line, help="The product's name (wins over the draft's).")
@click.option("--author", callback=_one_line, help="meta.author (wins over the draft's).")
@click.option("--force", is_flag=True, help="Overwrite the spec if it exists.")
def import_draft(
    draft: Path, output: Path | None, title: str | None, author: str | None, force: bool
) -> None:
    """Read an existing PR/FAQ (DRAFT.docx or DRAFT.md) into a format-1 spec, keeping its words.

    Sections are found from Word heading styles, Markdown headings, bold lines and
    labels (`Problem:`), "Q:" lines and numbered questions, and the order of a press
    release. What has no place becomes an appendix entry, never dropped. A gap
    report on stderr lists each required or recommended part not found and where
    it looked; a missing required part is written as a TODO, as `prfaqgen new`
    does, so the spec validates and `prfaqgen validate` points at each TODO.
    Pictures go to NAME-images/ beside the spec.

    Exit code 0 when the spec is written, 1 when the draft cannot be read, the
    spec exists (without --force) or cannot be written, or the written spec has
    errors (a field over a limit, say: they are printed), 2 for usage errors.

    \b
    Examples:
      prfaqgen import ledger-draft.docx -o specs/ledger.yaml
      prfaqgen import notes/ledger.md --title Ledger --author "Priya Raman"
    """
    from prfaqgen.atomic import write_all_atomically
    from prfaqgen.cli.report import print_diagnostics
    from prfaqgen.errors import DraftError
    from prfaqgen.importing import import_draft as run_import
    from prfaqgen.spec.loader import check_spec

    target = output or Path("specs") / f"{_slug(draft.stem)}.yaml"
    if target.exists() and not force:
        click.echo(f"{target}: already exists; use --force to overwrite it", err=True)
        sys.exit(1)
    try:
        result = run_import(draft, target, title=title, author=author)
    except DraftError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    if not force and (clash := next((p for p in result.images if p.exists()), None)):
        click.echo(f"{clash}: already exists; use --force to overwrite it", err=True)
        sys.exit(1)
    files = {target: result.text.encode("utf-8"), **result.images}
    try:
        write_all_atomically(files)
    except OSError as exc:
        click.echo(f"{exc.filename or target}: cannot be written ({exc.strerror or exc})", err=True)
        sys.exit(1)
    if result.images:  # now that the pictures exist, check the spec as validate will
        result = dataclasses.replace(result, check=check_spec(target))
    for gap, diagnostic in result.gap_report():
        at = f" at {target}:{diagnostic.line}" if gap.todo and diagnostic else ""
        click.echo(f"{draft}: {gap.path}: {gap.message()}{at}", err=True)
    for note in result.unread:
        click.echo(f"{draft}: not imported: {note}", err=True)
    print_diagnostics(result.other_diagnostics(), err=True)
    errors = sum(1 for d in result.diagnostics if d.is_error)
    required = sum(1 for g in result.gaps if g.required)
    state = "valid" if not errors else f"{errors} error(s) to fix"
    click.echo(
        f"wrote {target}: {required} required and {len(result.gaps) - required} recommended "
        f"part(s) not found, {state}; check it with: prfaqgen validate {target}",
        err=True,
    )
    sys.exit(1 if errors else 0)


def _slug(stem: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.").lower()
    return slug or "imported"
