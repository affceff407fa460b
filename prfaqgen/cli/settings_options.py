"""The one way a command builds Settings: ``--config``, ``--no-config``, ``--theme`` and flags.

Every command that renders or checks specs adopts it the same way::

    @click.command()
    @click.option("--strict/--no-strict", default=False)
    @settings_options
    def lint(paths, strict, settings_source: SettingsSource) -> None:
        flags = settings_source.given(strict=strict)   # only flags typed on the command line
        for path in spec_files(paths):
            settings = settings_source.for_spec(path, **flags)

A command that renders takes the shared render options too, already turned
into Settings changes::

    @click.command()
    @click.argument("paths", nargs=-1)
    @render_flags
    @settings_options
    def portfolio(paths, settings_source: SettingsSource, render_flags: RenderFlags) -> None:
        settings = settings_source.for_spec(path, **render_flags.changes)

Values come from prfaqgen's defaults, then the spec's project config, then the
flags given on the command line; a bad config file prints its located errors
and exits 2, like any other usage error. ``settings_source.settings_for`` is
the same without exiting (it raises ConfigError), for loops like ``watch``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import click
from click.core import ParameterSource

from prfaqgen.cli.report import print_diagnostics

if TYPE_CHECKING:
    from prfaqgen.config import ResolvedSettings
    from prfaqgen.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])
OUTPUT_FORMATS = ("pdf", "docx", "html")
_GIVEN = (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


def given(**values: Any) -> dict[str, Any]:
    """The ``values`` whose click parameter (same name) was typed on the command line."""
    ctx = click.get_current_context()
    return {
        name: value for name, value in values.items() if ctx.get_parameter_source(name) in _GIVEN
    }


class RenderFlags(NamedTuple):
    """The render options typed on the command line, as Settings changes."""

    changes: dict[str, Any]
    json_report: bool
    """``json`` was among the --format values: print the page report as JSON."""


class SettingsSource(NamedTuple):
    """What ``--config``/``--no-config``/``--theme`` asked for; builds Settings per spec."""

    config_file: Path | None
    use_config: bool
    overrides: dict[str, Any]

    def given(self, **values: Any) -> dict[str, Any]:
        """The ``values`` whose click parameter (same name) was typed on the command line."""
        return given(**values)

    def resolve(self, spec: Path | None, **flags: Any) -> ResolvedSettings:
        """Settings for ``spec`` and their sources; a bad config file exits 2 with its errors."""
        from prfaqgen.errors import ConfigError, ThemeError

        try:
            return self.settings_for(spec, **flags)
        except ConfigError as exc:
            print_diagnostics(exc.diagnostics)
            sys.exit(2)
        except ThemeError as exc:
            click.echo(str(exc), err=True)
            sys.exit(2)

    def settings_for(self, spec: Path | None, **flags: Any) -> ResolvedSettings:
        """Like :meth:`resolve`, but a bad config raises ConfigError (for ``watch``)."""
        from prfaqgen.config import settings_for

        return settings_for(
            spec,
            config_file=self.config_file,
            use_config=self.use_config,
            overrides={**self.overrides, **flags},
        )

    def for_spec(self, spec: Path | None, **flags: Any) -> Settings:
        """The Settings to render or check ``spec`` with (flags win over config)."""
        return self.resolve(spec, **flags).settings


def settings_options(command: F) -> F:
    """Add ``--config FILE``, ``--no-config`` and ``--theme NAME|DIR``; pass ``settings_source``.

    Put it under ``@click.command()``; the command takes a ``settings_source``
    keyword argument (a :class:`SettingsSource`).
    """

    @functools.wraps(command)
    def wrapper(
        *args: Any, config_file: Path | None, no_config: bool, theme: str | None, **kwargs: Any
    ) -> Any:
        if config_file is not None and no_config:
            raise click.UsageError("--config and --no-config contradict each other: choose one")
        overrides = {"theme": theme} if theme is not None else {}
        source = SettingsSource(config_file, not no_config, overrides)
        return command(*args, settings_source=source, **kwargs)

    options = (
        click.option(
            "--config",
            "config_file",
            metavar="FILE",
            type=click.Path(dir_okay=False, exists=True, path_type=Path),
            help="Use this prfaqgen.toml or pyproject.toml instead of the one found "
            "from each spec's folder up to the repository root.",
        ),
        click.option("--no-config", is_flag=True, help="Ignore project config files."),
        click.option(
            "--theme",
            metavar="NAME|DIR",
            help="A theme folder, or the name of an installed theme (`prfaqgen theme list`).",
        ),
    )
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated


def _formats(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    unknown = [v for v in chosen if v not in (*OUTPUT_FORMATS, "json")]
    if unknown or not chosen:
        raise click.BadParameter(
            f"{', '.join(unknown) or 'nothing'}: choose from pdf, docx, html (comma separated), "
            "or json for the page report"
        )
    return chosen


def render_flags(command: F) -> F:
    """The render options ``render`` and ``watch`` share; pass ``render_flags`` (RenderFlags).

    Each option maps to a Settings field; only those typed on the command line
    become changes, so the project config fills in the rest.
    """

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        output: Path,
        formats: tuple[str, ...],
        paper: str,
        strict: bool,
        draft_mark: bool,
        line_numbers: bool,
        faq_new_page: bool,
        templates: Path | None,
        **kwargs: Any,
    ) -> Any:
        changes = given(
            output=output,
            formats=tuple(f for f in formats if f != "json"),
            paper=paper,
            templates=templates,
            draft_mark=draft_mark,
            line_numbers=line_numbers,
            faq_new_page=faq_new_page,
            strict=strict,
        )
        flags = RenderFlags(changes, json_report="json" in formats)
        return command(*args, render_flags=flags, **kwargs)

    options = (
        click.option(
            "-o",
            "--output",
            "output",
            default="output",
            show_default=True,
            type=click.Path(file_okay=False, path_type=Path),
            help="Folder for the rendered files (created if missing).",
        ),
        click.option(
            "--format",
            "formats",
            default="pdf,docx",
            show_default=True,
            callback=_formats,
            help="Comma-separated: pdf, docx, html. 'json' prints the page report as JSON "
            "(same as --report json).",
        ),
        click.option(
            "--paper",
            type=click.Choice(["letter", "a4"], case_sensitive=False),
            default="letter",
            show_default=True,
        ),
        click.option("--strict/--no-strict", help="Warnings (recommended parts, budget) fail."),
        click.option(
            "--draft-mark/--no-draft-mark", default=True, help="The diagonal DRAFT mark on drafts."
        ),
        click.option(
            "--line-numbers/--no-line-numbers", help="Number the lines, for reviewers' comments."
        ),
        click.option(
            "--faq-new-page/--faq-same-page",
            default=True,
            help="Start the FAQ on a new page after the press release (the default), "
            "or right below it.",
        ),
        click.option(
            "--templates",
            type=click.Path(file_okay=False, exists=True, path_type=Path),
            help="Your template folder: its prfaq.html.j2 and theme/ override the theme's.",
        ),
    )
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated
