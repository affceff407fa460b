"""Render specs in worker processes: each worker warms up once, a failure stays with its spec."""

from __future__ import annotations

import os
import resource
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from prfaqgen.diagnostics import Diagnostic
from prfaqgen.errors import RenderError, SpecError
from prfaqgen.portfolio.ranking import IdeaRow
from prfaqgen.portfolio.rows import idea_row, writing_score
from prfaqgen.settings import Settings


@dataclass(frozen=True)
class Job:
    """One spec to render; everything in it crosses to a worker process by pickling."""

    name: str
    path: Path
    settings: Settings
    """Already pointing at the spec's own output folder."""
    output_root: Path


@dataclass(frozen=True)
class Outcome:
    """What became of one spec: a row, or the errors that stopped it."""

    name: str
    row: IdeaRow | None = None
    errors: tuple[Diagnostic, ...] = ()
    failure: str | None = None
    """A render error (template, writer), when not located in the spec."""
    warnings: tuple[Diagnostic, ...] = ()
    unchanged: bool = False
    peak_rss_mib: float = 0.0
    worker: int = field(default=0)

    @property
    def failed(self) -> bool:
        return self.row is None


def warm_up_worker(settings: Settings) -> None:
    """Import the writers and fill the per-process caches once per worker, not per spec."""
    from prfaqgen.pipeline import warm_up

    warm_up(settings)


def render_job(job: Job) -> Outcome:
    """Render one spec; every expected failure becomes an Outcome, never an exception."""
    from prfaqgen.pipeline import render_spec
    from prfaqgen.spec.loader import check_spec

    try:
        checked = check_spec(job.path, str(job.path))
        if checked.loaded is None:
            return Outcome(job.name, errors=tuple(checked.errors), warnings=tuple(checked.warnings))
        result = render_spec(checked.loaded, job.settings)
        outputs = {
            fmt: path.relative_to(job.output_root).as_posix()
            for fmt, path in result.outputs.items()
        }
        row = idea_row(
            job.name, checked.loaded, result.budget, outputs, writing_score(checked.loaded)
        )
    except SpecError as exc:
        return Outcome(job.name, errors=tuple(exc.diagnostics), peak_rss_mib=_peak_rss())
    except RenderError as exc:
        return Outcome(job.name, failure=str(exc), peak_rss_mib=_peak_rss())
    return Outcome(job.name, row=row, warnings=result.warnings, peak_rss_mib=_peak_rss())


def _peak_rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_jobs(jobs: Sequence[Job], workers: int, warm_settings: Settings) -> Iterator[Outcome]:
    """Outcomes as they finish; one worker (or one job) runs in this process, no pool."""
    if not jobs:
        return
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        warm_up_worker(warm_settings)
        for job in jobs:
            yield _with_worker(render_job(job))
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=warm_up_worker, initargs=(warm_settings,)
    ) as pool:
        futures = [pool.submit(_render_in_worker, job) for job in jobs]
        for future in as_completed(futures):
            yield future.result()


def _render_in_worker(job: Job) -> Outcome:
    return _with_worker(render_job(job))


def _with_worker(outcome: Outcome) -> Outcome:
    from dataclasses import replace

    return replace(outcome, worker=os.getpid())


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


ProgressCallback = Callable[[Outcome], None]
