"""The ``prfaqgen`` command line: a thin layer over the pipeline.

Exit codes, for every command: 0 success; 1 a spec is invalid (or has
warnings under ``--strict``) or could not be rendered; 2 usage error (a bad
option, a path that does not exist, a folder with no specs).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import cast

import click

from prfaqgen._version import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# Each command's module, imported when the command is looked up: `prfaqgen render`
# then builds only the render command, and `prfaqgen --help` still lists them all.
COMMANDS = {
    name: f"prfaqgen.cli.{name}"
    for name in (
        "validate",
        "lint",
        "render",
        "new",
        "schema",
        "portfolio",
        "config",
        "theme",
        "watch",
    )
}


class LazyCommands(MutableMapping[str, click.Command]):
    """A click group's ``commands``: names known up front, each command imported on first use."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = dict(modules)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module = importlib.import_module(self._modules[name])
            self._loaded[name] = cast(click.Command, getattr(module, name))
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self._modules and name not in self._loaded:
            raise KeyError(name)
        self._modules.pop(name, None)
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._modules, *self._loaded]))

    def __len__(self) -> int:
        return len(self._modules.keys() | self._loaded.keys())


@click.group(context_settings=CONTEXT, commands=LazyCommands(COMMANDS))
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
