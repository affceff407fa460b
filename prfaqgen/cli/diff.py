"""``prfaqgen diff``: the changes between two versions of a spec, as tracked changes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from prfaqgen.cli.report import print_diagnostics, print_json
from prfaqgen.cli.settings_options import (
    RenderFlags,
    SettingsSource,
    render_flags,
    settings_options,
)

if TYPE_CHECKING:
    from prfaqgen.spec.loader import CheckResult


@click.command()
@click.argument("specs", metavar="[OLD.yaml] NEW.yaml", nargs=-1, required=True)
@click.option(
    "--since",
    metavar="GIT_REF",
    help="Compare NEW.yaml with its version at this git commit, branch or tag "
    "(HEAD, main, HEAD~3, a tag) instead of with a file.",
)
@click.option(
    "--author",
    help="The name on the tracked changes. Default: git's user.name, else prfaqgen.",
)
@render_flags
@settings_options
def diff(
    specs: tuple[str, ...],
    since: str | None,
    author: str | None,
    settings_source: SettingsSource,
    render_flags: RenderFlags,
) -> None:
    """Show what changed between two versions of a spec, for review.

    Writes OUTPUT/NAME.diff.docx, whose changes are Word tracked changes
    (Review > Accept All gives the new document), and OUTPUT/NAME.diff.pdf,
    with inserted words underlined in colour, deleted ones struck through and
    a change bar in the margin; NAME is the new spec's file name. Prints which
    parts and questions changed, were added or removed, located in NEW.yaml.

    The changes are dated with NEW.yaml's meta.date (or SOURCE_DATE_EPOCH), so
    the same two specs give the same files. Either spec invalid: its problems
    are reported as `validate` reports them and no file is written.

    `--format json` prints the summary as JSON (alone: no file is written).
    The new spec's warnings go to stderr, and fail with --strict.

    Exit code 0 when written, 1 when a spec is invalid or could not be
    rendered (or has warnings, with --strict), 2 for usage errors (a missing
    file, a git revision that does not exist or does not have the spec).

    \b
    Examples:
      prfaqgen diff specs/ledger-v1.yaml specs/ledger.yaml
      prfaqgen diff --since HEAD specs/ledger.yaml       # your uncommitted edits
      prfaqgen diff --since v0.3 specs/ledger.yaml -o review/ --author "Ana Ruiz"
    """
    from prfaqgen.diffing import diff_specs
    from prfaqgen.errors import PrfaqgenError, RenderError

    old_path, new_path = _paths(specs, since)
    old = _check_old(old_path, since, new_path)
    new = _check(new_path)
    failed = [r for r in (old, new) if r.loaded is None]
    if failed:
        for result in failed:
            print_diagnostics(result.errors, err=True)
        sys.exit(1)
    assert old.loaded is not None and new.loaded is not None
    settings = settings_source.for_spec(new_path, **render_flags.changes)
    try:
        diffed = diff_specs(old.loaded, new.loaded, settings, author=author)
    except RenderError as exc:
        click.echo(f"{new_path}: cannot render: {exc}", err=True)
        sys.exit(1)
    except PrfaqgenError as exc:
        click.echo(f"{new_path}: {exc}", err=True)
        sys.exit(1)
    if render_flags.json_report:
        outputs = {k: str(v) for k, v in diffed.outputs.items()}
        diagnostics = [d.as_dict() for d in diffed.warnings]
        print_json({**diffed.changes.as_dict(), "outputs": outputs, "diagnostics": diagnostics})
    else:
        print_diagnostics(diffed.warnings, err=True)
        for line in diffed.changes.lines():
            click.echo(line)
        written = ", ".join(str(p) for p in diffed.outputs.values()) or "nothing written"
        click.echo(f"wrote {written}")
    sys.exit(1 if settings.strict and diffed.warnings else 0)


def _paths(specs: tuple[str, ...], since: str | None) -> tuple[Path | None, Path]:
    if since is not None:
        if len(specs) != 1:
            raise click.UsageError(
                "with --since, give one spec: prfaqgen diff --since REF NEW.yaml"
            )
        old, new = None, Path(specs[0])
    elif len(specs) != 2:
        raise click.UsageError(
            "give two specs (prfaqgen diff OLD.yaml NEW.yaml), or one with --since GIT_REF"
        )
    else:
        old, new = Path(specs[0]), Path(specs[1])
    for path in (old, new):
        if path is not None and not path.is_file():
            raise click.UsageError(f"{path}: no such file")
    return old, new


def _check(path: Path) -> CheckResult:
    from prfaqgen.spec.loader import check_spec

    return check_spec(path)


def _check_old(path: Path | None, since: str | None, new_path: Path) -> CheckResult:
    if path is not None:
        return _check(path)
    assert since is not None
    from prfaqgen.diffing.git import GitError, show_at
    from prfaqgen.spec.loader import check_spec_text

    try:
        text = show_at(since, new_path)
    except GitError as exc:
        raise click.UsageError(str(exc)) from None
    return check_spec_text(text, f"{new_path}@{since}", path=new_path)
