"""The ``prfaqgen`` command line: a thin layer over the pipeline.

Exit codes, for every command: 0 success; 1 a spec is invalid (or has
warnings under ``--strict``) or could not be rendered; 2 usage error (a bad
option, a path that does not exist, a folder with no specs); 130 stopped
with Ctrl-C (``watch`` excepted: Ctrl-C is how it ends, with 0).
"""

from __future__ import annotations

import gc
import importlib
from typing import Any

import click

from prfaqgen._version import __version__

# Each command's module is imported when the command runs, so that `validate`
# does not pay for rendering, linting or watching (issue 7, P3).
COMMANDS = {
    "validate": "prfaqgen.cli.validate",
    "lint": "prfaqgen.cli.lint",
    "render": "prfaqgen.cli.render",
    "new": "prfaqgen.cli.new",
    "schema": "prfaqgen.cli.schema",
    "portfolio": "prfaqgen.cli.portfolio",
    "config": "prfaqgen.cli.config",
    "theme": "prfaqgen.cli.theme",
    "watch": "prfaqgen.cli.watch",
    "diff": "prfaqgen.cli.diff",
    "comments": "prfaqgen.cli.comments",
    "import": "prfaqgen.cli.import_draft:import_draft",
}


class _LazyGroup(click.Group):
    """A group whose commands are imported by name, on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        # "module" names a command of the same name; "module:attr" one whose name is a keyword.
        module, _, attr = COMMANDS[cmd_name].partition(":")
        command: Any = getattr(importlib.import_module(module), attr or cmd_name)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        # click turns Ctrl-C into "Aborted!" and exit 1, which reads as a failed check;
        # 130 is what shells report for SIGINT. Files are written all or none, so none
        # is left half-written.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\ninterrupted", err=True)
            raise click.exceptions.Exit(130) from None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            # click suggests from self.commands, which stays empty here: suggest from COMMANDS.
            raise click.exceptions.NoSuchCommand(
                exc.command_name, possibilities=COMMANDS, ctx=ctx
            ) from None


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=_LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", "-V", prog_name="prfaqgen")
def main() -> None:
    """Write Amazon-style PR/FAQ documents as code.

    An idea spec (YAML) is validated, then rendered into a review-ready PDF
    and DOCX in the six-page style.

    \b
    Examples:
      prfaqgen new ledger                  # start specs/ledger.yaml
      prfaqgen validate specs/             # check every spec in a folder
      prfaqgen render specs/ledger.yaml    # output/ledger.pdf and .docx
    """


def run() -> None:
    """The ``prfaqgen`` program: the console script and ``python -m prfaqgen``.

    What is imported by now lives as long as the process, so ``gc.freeze()``
    sets it aside: the cyclic collector stops walking it again on every full
    collection, about 4 % of the instructions of a ``validate`` (issue 18, P3).
    Only here, where the process is prfaqgen: a tool that calls :func:`main`
    keeps its collector as it was.
    """
    gc.freeze()
    main(prog_name="prfaqgen")
