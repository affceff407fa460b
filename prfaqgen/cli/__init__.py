"""The ``prfaqgen`` command line: a thin layer over the pipeline.

Exit codes, for every command: 0 success; 1 a spec is invalid (or has
warnings under ``--strict``) or could not be rendered; 2 usage error (a bad
option, a path that does not exist, a folder with no specs).
"""

from __future__ import annotations

import click

from prfaqgen._version import __version__
from prfaqgen.cli.config import config
from prfaqgen.cli.lint import lint
from prfaqgen.cli.new import new
from prfaqgen.cli.portfolio import portfolio
from prfaqgen.cli.render import render
from prfaqgen.cli.schema import schema
from prfaqgen.cli.theme import theme
from prfaqgen.cli.validate import validate
from prfaqgen.cli.watch import watch

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
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


main.add_command(validate)
main.add_command(lint)
main.add_command(render)
main.add_command(new)
main.add_command(schema)
main.add_command(portfolio)
main.add_command(config)
main.add_command(theme)
main.add_command(watch)
