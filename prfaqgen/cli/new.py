"""``prfaqgen new``: start a spec with every field and what belongs in it."""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from pathlib import Path

import click

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _one_line(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The scaffold must validate as written: no empty or multi-line title or author."""
    if value is not None and (not value.strip() or any(c in value for c in "\r\n")):
        raise click.BadParameter("must be one line of text, not empty")
    return value.strip() if value is not None else None


@click.command()
@click.argument("name")
@click.option(
    "--dir",
    "folder",
    default="specs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write NAME.yaml into (created if missing).",
)
@click.option("--title", callback=_one_line, help="The product's name. [default: from NAME]")
@click.option(
    "--author",
    default="TODO: your name",
    show_default=True,
    callback=_one_line,
    help="meta.author.",
)
@click.option("--force", is_flag=True, help="Overwrite NAME.yaml if it exists.")
def new(name: str, folder: Path, title: str | None, author: str, force: bool) -> None:
    """Write NAME.yaml: every field of the format, each with a comment on what belongs there.

    The file validates as written; replace each TODO with your own words.
    Its first line names prfaq.schema.json in the current folder (relative to
    the spec) for editors; `prfaqgen schema -o prfaq.schema.json` writes it.
    An existing file is never overwritten unless --force is given.

    \b
    Example:
      prfaqgen new smart-ledger --title "Smart Ledger" --author "Priya Raman"
    """
    from prfaqgen.cli.report import write_file
    from prfaqgen.spec.scaffold import scaffold_text

    stem = name.removesuffix(".yaml").removesuffix(".yml")
    if not _SAFE_NAME.fullmatch(stem):
        raise click.BadParameter(
            "use letters, digits, '.', '-' and '_' only (no folders: use --dir)",
            param_hint="NAME",
        )
    target = folder / f"{stem}.yaml"
    if target.exists() and not force:
        click.echo(f"{target}: already exists; use --force to overwrite it", err=True)
        sys.exit(1)
    schema = Path(SCHEMA_FILE).resolve()
    relative = Path(os.path.relpath(schema, target.parent.resolve())).as_posix()
    text = scaffold_text(title or _title_from(stem), author, date.today(), relative)
    write_file(target, text.encode("utf-8"))
    click.echo(f"wrote {target}; check it with: prfaqgen validate {target}", err=True)
    if not schema.exists():
        click.echo(
            f"its first line names {relative} for your editor's YAML language server; "
            f"write that file with: prfaqgen schema -o {SCHEMA_FILE}",
            err=True,
        )


SCHEMA_FILE = "prfaq.schema.json"
"""Where the README has the schema written: the folder prfaqgen runs in."""


def _title_from(stem: str) -> str:
    return " ".join(word.capitalize() for word in re.split(r"[-_.]+", stem) if word)
