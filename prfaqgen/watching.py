"""Watch: render specs again whenever they, their images, the config or the theme change.

The loop is library code that yields what each round did; ``prfaqgen watch``
only prints it. A failed render writes nothing (the pipeline writes every
file or none), so the last good output stays where it was.
"""

from __future__ import annotations

import hashlib
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


_SKIPPED_DIRS = {"node_modules", "__pycache__"}
_HASHED_BYTES = 64 * 1024
"""Files up to this size are fingerprinted by their content too (specs, config, CSS)."""

FileState = tuple[int, int, bytes]
"""A file's mtime (ns), size and, when small, the digest of its content."""


def fingerprints(paths: Iterable[Path], ignore: set[Path]) -> dict[Path, FileState]:
    """What every file the watcher watches looks like now.

    Compared before and after a render, it finds the changes a watcher
    missed: those made while it was being started again. Unlike
    prfaqgen.fingerprint (a cache key), it skips the output folders and hidden
    files (a render must not see its own output as a change) and digests small
    files, so that a save within the same clock tick still counts.
    """
    out: dict[Path, FileState] = {}

    def add(file: Path) -> None:
        try:
            stat = file.stat()
            digest = b""
            if stat.st_size <= _HASHED_BYTES:
                digest = hashlib.blake2b(file.read_bytes(), digest_size=16).digest()
        except OSError:  # gone or unreadable since it was listed: a change, if it mattered
            return
        out[file] = (stat.st_mtime_ns, stat.st_size, digest)

    relevant = _ignoring(ignore)
    for root in paths:
        if root.is_file():
            add(root)
            continue
        for folder, dirs, files in os.walk(root):
            base = Path(folder)
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".")
                and d not in _SKIPPED_DIRS
                and relevant(None, str(base / d))
            )
            for name in sorted(files):
                if relevant(None, str(base / name)):
                    add(base / name)
    return out


def _changed(before: dict[Path, FileState], after: dict[Path, FileState]) -> set[Path]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def _ignoring(outputs: set[Path]) -> Callable[[Any, str], bool]:
    def relevant(change: Any, name: str) -> bool:
        path = Path(name)
        if path.name.startswith("."):  # our own temporary files, editors' swap files
            return False
        return not any(path.is_relative_to(folder) for folder in outputs)

    return relevant


READY_MS = 300
"""How long after starting the watcher waits for a change before it says it is ready."""


def watch_specs(
    specs: list[Path],
    settings_for: SettingsFor,
    *,
    stop_event: Any = None,
    on_ready: Callable[[], None] | None = None,
) -> Iterator[list[WatchRender]]:
    """Render ``specs`` now, then again after every burst of changes; yields each round.

    Only the specs a change can affect render again: a changed spec alone, or
    all of them when anything else (an image, the config, the theme) changed.
    What changed is found by comparing fingerprints of the watched files with
    those taken before the last render, so a change made while the watcher was
    rendering or starting again (the config named another theme) is never
    lost, and one change never renders twice. ``on_ready`` is called each time
    a watcher is live. Stops when ``stop_event`` (a threading.Event) is set;
    KeyboardInterrupt propagates to the caller.
    """
    import watchfiles

    paths, ignore = watched_paths(specs, settings_for)
    seen = fingerprints(paths, ignore)
    yield render_round(specs, settings_for)
    while stop_event is None or not stop_event.is_set():
        live = False
        for changes in watchfiles.watch(
            *sorted(paths),
            watch_filter=_ignoring(ignore),
            debounce=DEBOUNCE_MS,
            step=STEP_MS,
            stop_event=stop_event,
            rust_timeout=READY_MS,
            yield_on_timeout=True,  # the first yield says the watcher is live
        ):
            if live and not changes:
                continue  # the watcher's idle tick
            if not live:
                live = True
                if on_ready is not None:
                    on_ready()
            now_paths, now_ignore = watched_paths(specs, settings_for)
            now = fingerprints(now_paths, now_ignore)
            changed = _changed(seen, now)
            if changed:
                seen = now
                chosen = [spec for spec in specs if spec.resolve() in changed]
                others = changed - {spec.resolve() for spec in specs}
                yield render_round(specs if others or not chosen else chosen, settings_for)
            if (now_paths, now_ignore) != (paths, ignore):
                paths, ignore = now_paths, now_ignore
                break  # the config names another theme or output: watch those instead
        else:
            return
