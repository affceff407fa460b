"""Watch: render specs again whenever they, their images, the config or the theme change.

The loop is library code that yields what each round did; ``prfaqgen watch``
only prints it. A failed render writes nothing (the pipeline writes every
file or none), so the last good output stays where it was.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prfaqgen.errors import ConfigError, PrfaqgenError, SpecError

if TYPE_CHECKING:
    from prfaqgen.config import ResolvedSettings
    from prfaqgen.diagnostics import Diagnostic
    from prfaqgen.pipeline import RenderResult

DEBOUNCE_MS = 1600
"""Changes are collected until none came for ``STEP_MS``, at most this long."""
STEP_MS = 150


@dataclass(frozen=True)
class WatchRender:
    """One render of one spec by the watcher: its result, or why it failed."""

    spec: Path
    at: datetime
    seconds: float
    result: RenderResult | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.result is not None


SettingsFor = Callable[[Path], "ResolvedSettings"]


def render_round(specs: Iterable[Path], settings_for: SettingsFor) -> list[WatchRender]:
    """Render every spec once; failures are data, never raised."""
    from prfaqgen.pipeline import render_spec

    out = []
    for spec in specs:
        started = time.perf_counter()
        at = datetime.now()
        try:
            settings = settings_for(spec).settings
            if settings.budget is None:
                settings = settings.with_changes(budget=True)
            result = render_spec(spec, settings)
        except (SpecError, ConfigError) as exc:
            out.append(
                WatchRender(spec, at, time.perf_counter() - started, None, tuple(exc.diagnostics))
            )
            continue
        except PrfaqgenError as exc:
            out.append(WatchRender(spec, at, time.perf_counter() - started, error=str(exc)))
            continue
        out.append(WatchRender(spec, at, time.perf_counter() - started, result))
    return out


def watched_paths(specs: Iterable[Path], settings_for: SettingsFor) -> tuple[set[Path], set[Path]]:
    """(folders and files to watch, output folders to ignore) for ``specs``.

    A spec's folder is watched whole, for its images; the config file, the
    templates folder and every folder of the theme too (not the built-in one).
    """
    from prfaqgen.builtin import templates_dir
    from prfaqgen.themes import load_theme

    watch: set[Path] = set()
    ignore: set[Path] = set()
    builtin = Path(os.path.realpath(templates_dir()))
    for spec in specs:
        watch.add(spec.resolve().parent)
        try:
            resolved = settings_for(spec)
        except ConfigError as exc:
            watch.update(Path(d.file).resolve() for d in exc.diagnostics)
            continue
        if resolved.config_file is not None:
            watch.add(resolved.config_file.resolve())
        settings = resolved.settings
        ignore.add(settings.output.resolve())
        if settings.templates is not None:
            watch.add(settings.templates.resolve())
        try:
            theme = load_theme(settings.theme, settings.templates)
        except PrfaqgenError:
            continue
        watch.update(root for root in theme.roots if root != builtin)
    return watch, ignore


def _ignoring(outputs: set[Path]) -> Callable[[Any, str], bool]:
    def relevant(change: Any, name: str) -> bool:
        path = Path(name)
        if path.name.startswith("."):  # our own temporary files, editors' swap files
            return False
        return not any(path.is_relative_to(folder) for folder in outputs)

    return relevant


def watch_specs(
    specs: list[Path], settings_for: SettingsFor, *, stop_event: Any = None
) -> Iterator[list[WatchRender]]:
    """Render ``specs`` now, then again after every burst of changes; yields each round.

    Only the specs a change can affect render again: a changed spec alone, or
    all of them when anything else (an image, the config, the theme) changed.
    Stops when ``stop_event`` (a threading.Event) is set; KeyboardInterrupt
    propagates to the caller.
    """
    import watchfiles

    yield render_round(specs, settings_for)
    while stop_event is None or not stop_event.is_set():
        paths, ignore = watched_paths(specs, settings_for)

        for changes in watchfiles.watch(
            *sorted(paths),
            watch_filter=_ignoring(ignore),
            debounce=DEBOUNCE_MS,
            step=STEP_MS,
            stop_event=stop_event,
        ):
            changed = {Path(name).resolve() for _, name in changes}
            chosen = [spec for spec in specs if spec.resolve() in changed]
            others = changed - {spec.resolve() for spec in specs}
            yield render_round(specs if others or not chosen else chosen, settings_for)
            if watched_paths(specs, settings_for) != (paths, ignore):
                break  # the config names another theme or output: watch those instead
        else:
            return
