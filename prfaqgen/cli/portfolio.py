"""``prfaqgen portfolio``: render a folder of ideas in parallel and write the comparison."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from prfaqgen.cli.report import print_diagnostics
from prfaqgen.cli.settings_options import (
    RenderFlags,
    SettingsSource,
    render_flags,
    settings_options,
)

if TYPE_CHECKING:
    from prfaqgen.portfolio import Outcome
    from prfaqgen.settings import Settings

STATUSES = ("draft", "review", "final")
DECISIONS = ("pending", "fund", "hold", "decline")


@click.command()
@click.argument("paths", metavar="DIR...", nargs=-1, required=True)
@render_flags
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [all CPUs].")
@click.option(
    "--status",
    multiple=True,
    type=click.Choice(STATUSES, case_sensitive=False),
    help="Only these statuses.",
)
@click.option(
    "--decision",
    multiple=True,
    type=click.Choice(DECISIONS, case_sensitive=False),
    help="Only these decisions.",
)
@click.option("--tag", multiple=True, help="Only ideas with one of these tags (repeatable).")
@click.option("--shard", metavar="I/N", help="Render a deterministic 1/N of the specs.")
@click.option("--collect", is_flag=True, help="Build the comparison from shard manifests in DIR...")
@click.option("--force", is_flag=True, help="Re-render every spec, changed or not.")
@click.option(
    "--name",
    help="The cover title [the config's [portfolio] title, else the first folder's name].",
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="List each missing recommended part at its line [one summary line per spec].",
)
@settings_options
def portfolio(
    paths: tuple[str, ...],
    jobs: int | None,
    status: tuple[str, ...],
    decision: tuple[str, ...],
    tag: tuple[str, ...],
    shard: str | None,
    collect: bool,
    force: bool,
    name: str | None,
    verbose: bool,
    settings_source: SettingsSource,
    render_flags: RenderFlags,
) -> None:
    """Render every idea spec in DIR... and compare them, to fund the strongest.

    Each spec is rendered (PDF and DOCX, as `render` does) in parallel worker
    processes into OUTPUT, keeping its folder below DIR. OUTPUT/portfolio.pdf
    and .docx rank the ideas in groups by their review scores (the rule is
    printed in the document), a spec that could not be rendered included with
    its first error; portfolio.csv and portfolio.json hold the same rows (the
    JSON with each idea's scores and decision per run date); binder.pdf is the
    comparison followed by every idea's PDF in rank order.

    A spec unchanged since the last run (content, images, theme, config,
    prfaqgen version) is not rendered again; --force renders all. --shard I/N
    renders a deterministic share of the specs and writes only a manifest;
    `--collect` then builds the comparison from the shards' output folders.

    Exit code 0 when all rendered, 1 when any spec failed (or has warnings,
    with --strict: an unchanged spec keeps its warnings), 2 for usage errors.

    \b
    Examples:
      prfaqgen portfolio specs/ -o review/
      prfaqgen portfolio specs/ --decision pending --tag payments
      prfaqgen portfolio specs/ -o shard-1 --shard 1/2
      prfaqgen portfolio --collect shard-1 shard-2 -o review/
    """
    from prfaqgen.errors import PrfaqgenError
    from prfaqgen.portfolio import (
        Filters,
        PortfolioRequest,
        Shard,
        default_jobs,
        run_portfolio,
    )
    from prfaqgen.portfolio import (
        collect as collect_shards,
    )
    from prfaqgen.portfolio.run import plan_count

    folders = tuple(Path(p) for p in paths)
    for folder in folders:
        if not folder.exists():
            raise click.UsageError(f"{folder}: no such file or folder")
    flags = render_flags.changes
    comparison = _comparison_settings(settings_source, folders[0], flags)
    try:
        request = PortfolioRequest(
            folders=folders,
            output=comparison.output,
            jobs=jobs or default_jobs(),
            filters=Filters(status, decision, tag),
            shard=Shard.parse(shard) if shard else None,
            force=force,
            name=name,
        )
    except PrfaqgenError as exc:
        raise click.UsageError(str(exc)) from None
    if collect and shard:
        raise click.UsageError("--collect and --shard contradict each other: choose one")
    try:
        if collect:
            result = collect_shards(folders, request, comparison)
        else:
            total = plan_count(request)
            if total == 0:
                raise click.UsageError(f"{', '.join(paths)}: no spec to render here")
            printer = _Printer(total, verbose)
            try:
                result = run_portfolio(
                    request,
                    lambda spec: settings_source.for_spec(spec, **flags),
                    comparison,
                    printer.show,
                )
            finally:
                printer.close()
    except PrfaqgenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for path in result.written:
        click.echo(f"wrote {path}", err=True)
    if result.comparison_unchanged:
        click.echo(f"{request.output}: comparison unchanged", err=True)
    click.echo(result.summary(), err=True)
    strict_failed = comparison.strict and result.warnings
    sys.exit(1 if result.failed or strict_failed else 0)


def _comparison_settings(
    source: SettingsSource, folder: Path, flags: dict[str, object]
) -> Settings:
    """The settings of the portfolio as a whole: the first folder's config, then the flags."""
    where = folder if folder.is_dir() else folder.parent
    return source.for_spec(where / "portfolio.yaml", **flags)


class _Printer:
    """A progress bar on a terminal, one line per spec otherwise (CI logs stay readable)."""

    def __init__(self, total: int, verbose: bool = False) -> None:
        self._verbose = verbose
        self._tty = sys.stderr.isatty()
        self._bar = click.progressbar(length=total, label="rendering", file=sys.stderr)
        if self._tty:
            self._bar.__enter__()

    def show(self, outcome: Outcome) -> None:
        if outcome.errors or outcome.failure or outcome.warnings:
            if self._tty:
                click.echo("", err=True)
            print_diagnostics(outcome.errors)
            if outcome.failure:
                click.echo(f"{outcome.name}: cannot render: {outcome.failure}", err=True)
            self._warnings(outcome)
        if self._tty:
            self._bar.update(1)
            return
        state = "failed" if outcome.failed else "unchanged" if outcome.unchanged else "rendered"
        click.echo(f"{outcome.name}: {state}", err=True)

    def _warnings(self, outcome: Outcome) -> None:
        """Missing recommended parts in one line per spec (a folder of drafts would
        print dozens each); --verbose lists each at its line."""
        from prfaqgen.spec.completeness import is_missing_part

        missing = [] if self._verbose else [d for d in outcome.warnings if is_missing_part(d)]
        print_diagnostics([d for d in outcome.warnings if d not in missing])
        if missing:
            parts = ", ".join(d.path for d in missing)
            count = f"{len(missing)} recommended part{'s' if len(missing) != 1 else ''}"
            click.echo(
                f"{missing[0].file}: warning: {count} missing: {parts} (--verbose lists each)"
            )

    def close(self) -> None:
        if self._tty:
            self._bar.__exit__(None, None, None)
