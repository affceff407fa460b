"""``prfaqgen watch``: render again on every save, one line per render."""

from __future__ import annotations

import sys

import click

from prfaqgen.cli.inputs import spec_files
from prfaqgen.cli.report import print_diagnostics
from prfaqgen.cli.settings_options import (
    RenderFlags,
    SettingsSource,
    render_flags,
    settings_options,
)


@click.command()
@click.argument("paths", metavar="SPEC_OR_DIR...", nargs=-1, required=True)
@render_flags
@settings_options
def watch(
    paths: tuple[str, ...], settings_source: SettingsSource, render_flags: RenderFlags
) -> None:
    """Render specs now and again whenever a spec, its images, the config or the theme change.

    Each render prints one line with its time, the files written and the page
    count. Once it watches, it says so ("watching 1 spec"). A save that breaks
    the spec prints the located errors and keeps the last good output. Stop
    with Ctrl-C (exit code 0).

    \b
    Examples:
      prfaqgen watch specs/ledger.yaml
      prfaqgen watch specs/ --format pdf --paper a4
    """
    from prfaqgen.watching import watch_specs

    files = spec_files(paths)
    flags = render_flags.changes
    settings_source.resolve(files[0], **flags)  # a bad config is a usage error up front
    count = f"{len(files)} spec{'s' if len(files) != 1 else ''}"

    def ready() -> None:
        # Printed once the watcher is live (again, after the config named another
        # theme or output): a save from now on is seen.
        click.echo(f"watching {count}; Ctrl-C stops", err=True)

    try:
        for round_ in watch_specs(
            files, lambda spec: settings_source.settings_for(spec, **flags), on_ready=ready
        ):
            for render in round_:
                stamp = render.at.strftime("%H:%M:%S")
                if render.result is not None:
                    result = render.result
                    written = ", ".join(str(p) for p in result.outputs.values()) or "nothing"
                    pages = result.budget.total_pages if result.budget else "?"
                    click.echo(
                        f"{stamp} {result.file}: {written} ({pages} pages, {render.seconds:.1f} s)"
                    )
                    print_diagnostics(result.warnings)
                else:
                    print_diagnostics(render.diagnostics)
                    reason = render.error or "invalid"
                    click.echo(
                        f"{stamp} {render.spec}: not rendered ({reason}); "
                        "the last good output is kept"
                    )
                sys.stdout.flush()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    sys.exit(0)
