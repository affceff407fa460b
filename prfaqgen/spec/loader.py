"""Read and validate one spec file: the spec stage's single entry point."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from prfaqgen.diagnostics import Diagnostic
from prfaqgen.errors import SpecError
from prfaqgen.source.locations import SourceMap
from prfaqgen.source.yaml_builder import ReadResult, read_spec_file, read_spec_text
from prfaqgen.spec.completeness import recommended_warnings, unfilled_warnings
from prfaqgen.spec.field_text import character_errors, limit_errors
from prfaqgen.spec.images import check_images
from prfaqgen.spec.messages import diagnostics_from
from prfaqgen.spec.model import SUPPORTED_FORMATS, Spec
from prfaqgen.validation import Invalid, validate


@dataclass(frozen=True)
class LoadedSpec:
    """A valid spec, with where it came from (for resources and located messages)."""

    spec: Spec
    path: Path
    display_name: str
    source_map: SourceMap = field(repr=False)
    warnings: tuple[Diagnostic, ...] = ()
    images: Mapping[str, Path] = field(default_factory=dict)
    """Every image source as written -> its checked real path (see spec/images.py)."""


@dataclass(frozen=True)
class CheckResult:
    """Everything found about one file; ``loaded`` is None when it has errors."""

    file: str
    loaded: LoadedSpec | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def passed(self, strict: bool = False) -> bool:
        return not (self.errors or (strict and self.warnings))


def check_spec(path: str | Path, display_name: str | None = None) -> CheckResult:
    """Read and validate ``path``; every problem is a diagnostic, nothing raises."""
    path = Path(path)
    name = display_name or str(path)
    return _check(read_spec_file(path, name), path, name)


def check_spec_text(
    text: str, display_name: str = "<spec>", base: Path | None = None, path: Path | None = None
) -> CheckResult:
    """Like :func:`check_spec` for source already in memory.

    ``path`` is where the text stands for (its folder holds the images), when
    ``display_name`` is not a path under ``base`` (an old version from git).
    """
    path = path if path is not None else (base or Path.cwd()) / display_name
    return _check(read_spec_text(text, display_name), path, display_name)


def load_spec(path: str | Path) -> LoadedSpec:
    """Read a valid spec or raise :class:`SpecError` with every problem found."""
    result = check_spec(path)
    if result.loaded is None:
        raise SpecError(result.diagnostics)
    return result.loaded


def _check(read: ReadResult, path: Path, name: str) -> CheckResult:
    diagnostics = list(read.diagnostics)
    loaded = None
    if read.data is not None:
        problem = _format_problem(read.data, name, read.source_map)
        if problem:
            diagnostics.append(problem)
        else:
            text_problems = character_errors(read.data, name, read.source_map)
            text_problems += limit_errors(read.data, name, read.source_map)
            diagnostics.extend(text_problems)
            try:
                spec = validate(Spec, read.data)
            except Invalid as exc:
                # A value the reader or a text rule refused is already reported.
                refused = {d.path for d in (*read.diagnostics, *text_problems)}
                located = diagnostics_from(exc.problems, name, read.source_map)
                diagnostics.extend(d for d in located if d.path not in refused)
                # One error must not hide every warning.
                diagnostics.extend(recommended_warnings(read.data, name, read.source_map))
                diagnostics.extend(unfilled_warnings(read.data, name, read.source_map))
            else:
                images, problems = check_images(spec, path, name, read.source_map)
                diagnostics.extend(problems)
                warnings = recommended_warnings(spec, name, read.source_map)
                warnings += unfilled_warnings(read.data, name, read.source_map)
                warnings.sort(key=lambda d: (d.line, d.column, d.path))
                if not any(d.is_error for d in diagnostics):
                    loaded = LoadedSpec(spec, path, name, read.source_map, tuple(warnings), images)
                diagnostics.extend(warnings)
    diagnostics.sort(key=lambda d: (d.line, d.column, d.path))
    return CheckResult(name, loaded, tuple(diagnostics))


def _format_problem(data: dict[str, object], name: str, source_map: SourceMap) -> Diagnostic | None:
    """A file that is not an idea spec, or of a format we cannot read, gets one error only."""
    readable = ", ".join(str(v) for v in SUPPORTED_FORMATS)
    if "prfaq" not in data:
        return Diagnostic(
            name,
            1,
            1,
            "prfaq",
            f"is not an idea spec: it has no `prfaq` key; add `prfaq: {SUPPORTED_FORMATS[-1]}` "
            "as its first line",
        )
    value = data["prfaq"]
    if isinstance(value, str) and value.strip() in {str(v) for v in SUPPORTED_FORMATS}:
        return None
    pos = source_map.of_value(("prfaq",))
    if isinstance(value, str):
        problem = f"format `{value}` is not supported"
    else:
        problem = "is empty" if value is None else "must be a format number, not a list or mapping"
    return Diagnostic(
        name,
        pos.line,
        pos.column,
        "prfaq",
        f"{problem}: this version of prfaqgen reads format {readable}; set "
        f"`prfaq: {SUPPORTED_FORMATS[-1]}`, or upgrade prfaqgen for a newer format",
    )
