"""``prfaqgen config``: the settings a spec would be rendered with, and where each came from."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from prfaqgen.cli.report import print_json
from prfaqgen.cli.settings_options import SettingsSource, settings_options


@click.command("config")
@click.argument("spec", metavar="[SPEC]", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"], case_sensitive=False),
    default="text",
    show_default=True,
)
@settings_options
def config(spec: Path | None, output_format: str, settings_source: SettingsSource) -> None:
    """Print the effective settings for SPEC (or the current folder) and where each came from.

    The theme is loaded too, so a missing or incompatible theme shows here
    (exit 1). A value comes from prfaqgen's defaults, from the project config (FILE:LINE;
    prfaqgen.toml or [tool.prfaqgen] in pyproject.toml, the nearest one from
    the spec's folder up to the repository root), or from the command line.

    \b
    Examples:
      prfaqgen config
      prfaqgen config docs/prfaq/idea.yaml --format json
    """
    from prfaqgen.config.report import settings_rows
    from prfaqgen.errors import ThemeError
    from prfaqgen.themes import load_theme

    if spec is not None and not spec.exists():
        raise click.UsageError(f"{spec}: no such file")
    resolved = settings_source.resolve(spec)
    rows = settings_rows(resolved)
    try:
        theme = load_theme(resolved.settings.theme, resolved.settings.templates)
    except ThemeError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    folders = [str(folder) for folder in theme.asset_dirs]
    if output_format == "json":
        print_json(
            {
                "config_file": str(resolved.config_file) if resolved.config_file else None,
                "settings": {key: {"value": value, "source": src} for key, value, src in rows},
                "theme": {"name": theme.name, "folders": folders},
            }
        )
        return
    where = resolved.config_file or "none found (defaults apply)"
    click.echo(f"config file: {where}")
    width = max(len(key) for key, _, _ in rows)
    for key, value, source in rows:
        click.echo(f"{key.ljust(width)} = {_toml(value)}  # {source}")
    click.echo(f"theme in use: {theme.name}" + (f" ({', '.join(folders)})" if folders else ""))


def _toml(value: object) -> str:
    import json

    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {_toml(v)}" for k, v in value.items())
        return "{" + (f" {inner} " if inner else "") + "}"
    if value is None:
        return "none"
    return json.dumps(value)
