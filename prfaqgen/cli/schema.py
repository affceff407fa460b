"""``prfaqgen schema``: the JSON Schema of the spec format, for editors and CI."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of standard output.",
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema of idea-spec format 1, generated from the model.

    Point your editor at it for completion and checks as you type; with the
    YAML language server, put this first line in a spec:

    \b
      # yaml-language-server: $schema=path/to/prfaq.schema.json

    \b
    Example:
      prfaqgen schema -o prfaq.schema.json
    """
    from prfaqgen.cli.report import write_file
    from prfaqgen.spec.schema import schema_text

    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        write_file(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)
