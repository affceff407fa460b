"""A portfolio run: find the specs, skip the unchanged, render the rest in parallel, compare.

Also ``collect``: the comparison from the manifests of shards rendered elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prfaqgen.atomic import write_all_atomically
from prfaqgen.errors import PortfolioError, RenderError
from prfaqgen.portfolio.comparison import (
    compose_portfolio,
    portfolio_date,
    view,
    write_comparison,
)
from prfaqgen.portfolio.discovery import Candidate, Filters, Shard, find_specs, output_stem
from prfaqgen.portfolio.history import run_date, with_history
from prfaqgen.portfolio.manifest import (
    MANIFEST_NAME,
    Manifest,
    manifest_name,
    read_manifest,
    settings_fingerprint,
    spec_key,
    theme_fingerprint,
    write_manifest,
)
from prfaqgen.portfolio.ranking import IdeaRow, rank
from prfaqgen.portfolio.rows import failed_row
from prfaqgen.portfolio.runner import Job, Outcome, run_jobs
from prfaqgen.portfolio.tables import to_csv, to_json
from prfaqgen.settings import Settings

COMPARISON = "portfolio"
BINDER = "binder.pdf"


@dataclass(frozen=True)
class PortfolioRequest:
    """What to render and where; ``name`` None takes the first folder's name."""

    folders: tuple[Path, ...]
    output: Path
    jobs: int = 1
    filters: Filters = field(default_factory=Filters)
    shard: Shard | None = None
    force: bool = False
    name: str | None = None


@dataclass
class PortfolioResult:
    outcomes: list[Outcome] = field(default_factory=list)
    ranked: list[IdeaRow] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    comparison_unchanged: bool = False

    @property
    def rendered(self) -> int:
        return sum(1 for o in self.outcomes if o.row is not None and not o.unchanged)

    @property
    def unchanged(self) -> int:
        return sum(1 for o in self.outcomes if o.unchanged)

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.failed)

    @property
    def warnings(self) -> int:
        return sum(len(o.warnings) for o in self.outcomes)

    def summary(self) -> str:
        return (
            f"{self.rendered} rendered, {self.unchanged} unchanged, "
            f"{self.failed} failed, {self.warnings} warnings"
        )


SettingsFor = Callable[[Path], Settings]
OnOutcome = Callable[[Outcome], None]


def plan_count(request: PortfolioRequest) -> int:
    """How many specs the run will look at (for a progress bar)."""
    return len(_candidates(request))


def run_portfolio(
    request: PortfolioRequest,
    settings_for: SettingsFor,
    comparison_settings: Settings,
    on_outcome: OnOutcome | None = None,
) -> PortfolioResult:
    """Render every selected spec (or reuse its unchanged files), then write the comparison.

    ``settings_for(spec)`` gives each spec's settings (config, flags); its
    ``output`` is replaced by the spec's folder inside ``request.output``. With
    a shard, only the manifest is written: ``collect`` makes the comparison.
    """
    out = request.output
    manifest_path = out / manifest_name(request.shard.label if request.shard else None)
    old = read_manifest(manifest_path)
    new = Manifest(comparison_key=old.comparison_key, history=old.history)
    result = PortfolioResult()
    jobs: list[Job] = []
    warm: Settings | None = None

    def report(outcome: Outcome) -> None:
        result.outcomes.append(outcome)
        new.record(outcome.name, keys.get(outcome.name, ""), _row(outcome), outcome.warnings)
        if on_outcome:
            on_outcome(outcome)

    keys: dict[str, str] = {}
    for candidate in _candidates(request):
        prepared = _prepare(candidate, settings_for, request, old)
        if prepared is None:
            if candidate.name in old.entries:  # filtered out: keep what it rendered
                new.entries[candidate.name] = old.entries[candidate.name]
            continue
        keys[candidate.name] = prepared.key
        if prepared.outcome is not None:
            report(prepared.outcome)
        elif prepared.job is not None:
            jobs.append(prepared.job)
            warm = warm or prepared.job.settings
    for outcome in run_jobs(jobs, request.jobs, warm or comparison_settings):
        report(outcome)
    out.mkdir(parents=True, exist_ok=True)
    if request.shard is None:
        rows = [_row(o) for o in result.outcomes]
        _compare(result, rows, out, out, comparison_settings, request, new)
    result.outcomes.sort(key=lambda o: o.name)
    write_manifest(manifest_path, new)
    return result


def collect(
    folders: Sequence[Path], request: PortfolioRequest, settings: Settings
) -> PortfolioResult:
    """The comparison from shard manifests found in ``folders`` (recursively); nothing renders.

    Each manifest's paths are relative to its own folder, as a CI job's
    artifact keeps them; the comparison links them relative to ``request.output``.
    """
    out = request.output
    rows: list[IdeaRow] = []
    found = sorted(
        p for folder in folders for p in folder.rglob("portfolio-manifest*.json") if p.is_file()
    )
    found = [p for p in found if p != out / MANIFEST_NAME]
    if not found:
        raise PortfolioError(
            f"{', '.join(map(str, folders))}: no portfolio-manifest*.json found; "
            "run `prfaqgen portfolio --shard I/N` first and gather its output folders here"
        )
    seen: dict[str, Path] = {}
    for path in found:
        manifest = read_manifest(path, required=True)
        for row in manifest.rows():
            if row.spec in seen:
                raise PortfolioError(
                    f"{row.spec} is in both {seen[row.spec]} and {path}: collect each shard once"
                )
            seen[row.spec] = path
            rows.append(_relocated(row, path.parent, out))
    rows = [r for r in rows if r.error or request.filters.admits(r.status, r.decision, r.tags)]
    result = PortfolioResult()
    result.outcomes = [
        Outcome(r.spec, row=r, unchanged=True) if not r.error else Outcome(r.spec, failure=r.error)
        for r in sorted(rows, key=_name)
    ]
    out.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(out / MANIFEST_NAME)
    _compare(result, rows, out, out, settings, request, manifest)
    write_manifest(out / MANIFEST_NAME, manifest)
    return result


def _name(row: IdeaRow) -> str:
    return row.spec


def _row(outcome: Outcome) -> IdeaRow:
    """The outcome's row; a spec that could not be rendered gets one that says why."""
    if outcome.row is not None:
        return outcome.row
    return failed_row(outcome.name, outcome.errors, outcome.failure)


@dataclass(frozen=True)
class _Prepared:
    key: str
    job: Job | None = None
    outcome: Outcome | None = None


def _candidates(request: PortfolioRequest) -> list[Candidate]:
    found = find_specs(request.folders)
    if request.shard is not None:
        found = [c for c in found if request.shard.takes(c.name)]
    return found


def _prepare(
    candidate: Candidate, settings_for: SettingsFor, request: PortfolioRequest, old: Manifest
) -> _Prepared | None:
    """Check the spec here (cheap), then decide: filtered out, failed, unchanged, or to render."""
    from prfaqgen.spec.loader import check_spec
    from prfaqgen.themes import load_theme

    name = candidate.name
    checked = check_spec(candidate.path, str(candidate.path))
    if checked.loaded is None:
        errors = tuple(checked.errors)
        return _Prepared("", outcome=Outcome(name, errors=errors, warnings=tuple(checked.warnings)))
    if not request.filters.admits_spec(checked.loaded.spec):
        return None
    stem = output_stem(name)
    settings = settings_for(candidate.path).with_changes(
        output=request.output / Path(stem).parent, budget=True
    )
    try:
        theme = load_theme(settings.theme, settings.templates)
    except RenderError as exc:
        return _Prepared("", outcome=Outcome(name, failure=str(exc)))
    images = list(checked.loaded.images.values())
    key = spec_key(candidate.path, images, settings, theme)
    row = None if request.force else old.row(name, key)
    if row is not None and _outputs_exist(row, request.output):
        warnings = old.warnings(name)  # as rendered: budget and template warnings too
        return _Prepared(key, outcome=Outcome(name, row=row, warnings=warnings, unchanged=True))
    return _Prepared(key, job=Job(name, candidate.path, settings, request.output))


def _outputs_exist(row: IdeaRow, out: Path) -> bool:
    return all((out / p).is_file() for p in (row.pdf, row.docx) if p)


def _relocated(row: IdeaRow, source: Path, out: Path) -> IdeaRow:
    from dataclasses import replace

    def move(path: str | None) -> str | None:
        if path is None:
            return None
        return Path(os.path.relpath(source / path, out)).as_posix()

    return replace(row, pdf=move(row.pdf), docx=move(row.docx))


def _compare(
    result: PortfolioResult,
    rows: list[IdeaRow],
    out: Path,
    links_base: Path,
    settings: Settings,
    request: PortfolioRequest,
    manifest: Manifest,
) -> None:
    """Write the comparison, CSV, JSON and binder, unless nothing they show has changed."""
    from prfaqgen.themes import load_theme

    ranked = rank(with_history(rows, manifest.history, run_date()))
    result.ranked = ranked
    name = request.name or settings.portfolio.title or _default_name(request.folders)
    formats = [f for f in settings.formats if f in ("pdf", "docx")]
    targets = [out / f"{COMPARISON}.{f}" for f in formats]
    targets += [out / f"{COMPARISON}.csv", out / f"{COMPARISON}.json"]
    if "pdf" in formats:
        targets.append(out / BINDER)
    theme = load_theme(settings.theme, settings.templates)
    digest = hashlib.sha256()
    digest.update(json.dumps([r.as_dict() for r in ranked], sort_keys=True).encode())
    digest.update(f"{name}\n{formats}\n{os.environ.get('SOURCE_DATE_EPOCH', '')}".encode())
    digest.update(settings_fingerprint(settings).encode())
    digest.update(theme_fingerprint(theme).encode())
    for row in ranked:
        if row.pdf and (out / row.pdf).is_file():
            digest.update(f"{(out / row.pdf).stat().st_size}".encode())
    key = digest.hexdigest()
    if not request.force and manifest.comparison_key == key and all(t.is_file() for t in targets):
        result.comparison_unchanged = True
        return
    doc = compose_portfolio(view(name, ranked, portfolio_date(ranked)), settings, links_base)
    files = {
        out / f"{COMPARISON}.{fmt}": data for fmt, data in write_comparison(doc, formats).items()
    }
    files[out / f"{COMPARISON}.csv"] = to_csv(ranked)
    files[out / f"{COMPARISON}.json"] = to_json(name, ranked)
    if "pdf" in formats:
        from prfaqgen.portfolio.binder import build_binder

        ideas = [(r.title, out / r.pdf) for r in ranked if r.pdf]
        files[out / BINDER] = build_binder(files[out / f"{COMPARISON}.pdf"], ideas, name, root=out)
    try:
        write_all_atomically(files)
    except OSError as exc:
        raise PortfolioError(f"{exc.filename or out}: cannot be written ({exc.strerror})") from None
    manifest.comparison_key = key
    result.written = sorted(files)


def _default_name(folders: Sequence[Path]) -> str:
    """The first folder's name as the user wrote it (``.`` is the working folder's)."""
    first = folders[0] if folders else Path.cwd()
    folder = first if first.is_dir() else first.parent
    return (
        folder.name if folder.name not in ("", ".", "..") else folder.resolve().name or "Portfolio"
    )
