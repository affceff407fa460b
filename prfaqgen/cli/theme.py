"""``prfaqgen theme``: start a theme of your own, list the themes you can use."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group("theme")
def theme() -> None:
    """Themes: the look of your documents, as a folder or an installed package.

    \b
    Examples:
      prfaqgen theme list
      prfaqgen theme new acme --dir themes
      prfaqgen render specs/idea.yaml --theme themes/acme
    """


@theme.command("new")
@click.argument("name")
@click.option(
    "--dir",
    "folder",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to create the theme folder NAME in.",
)
def new_theme_command(name: str, folder: Path) -> None:
    """Create the theme folder NAME: every block you can override, listed and commented.

    It holds theme.toml (name, supported prfaqgen versions, fonts and colours), prfaq.html.j2
    (extends the built-in template), theme.css and reference.docx (copies of
    the built-in look, to edit) and fonts/.
    """
    from prfaqgen.errors import ThemeError
    from prfaqgen.themes.scaffold import new_theme

    try:
        created = new_theme(name, folder)
    except ThemeError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(f"wrote {created}; try it with: prfaqgen render SPEC --theme {created}", err=True)


@theme.command("list")
def list_themes() -> None:
    """List the built-in theme and the themes installed packages provide."""
    from prfaqgen.errors import ThemeError
    from prfaqgen.themes.metadata import supports_this_version
    from prfaqgen.themes.resolve import builtin_layer, installed_themes, locate_theme

    rows = [(builtin_layer().name, "built-in", "the six-page PR/FAQ look")]
    for name in sorted(installed_themes()):
        try:
            layer = locate_theme(name)
        except ThemeError as exc:
            rows.append((name, "broken", str(exc)))
            continue
        note = layer.info.description
        if not supports_this_version(layer.info):
            note = f"needs prfaqgen {layer.info.prfaqgen}; {note}"
        rows.append((name, layer.origin, f"{note} ({layer.files})"))
    width = max(len(name) for name, _, _ in rows)
    for name, origin, note in rows:
        click.echo(f"{name.ljust(width)}  {origin}: {note}")
