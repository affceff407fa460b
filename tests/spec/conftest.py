"""Fixtures for the spec-stage tests: write a spec to a temporary file and check it."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from prfaqgen.spec import CheckResult, check_spec

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"


@pytest.fixture
def lint(tmp_path: Path) -> Callable[..., CheckResult]:
    """``lint(text)``: dedent ``text``, write it to ``spec.yaml``, return ``check_spec``'s result.

    Every diagnostic must name the file that was checked; the fixture checks that
    once so that the tests can compare (line, column, path, message) tuples.
    """

    def run(text: str, name: str = "spec.yaml") -> CheckResult:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        result = check_spec(path)
        assert result.file == str(path)
        assert all(d.file == str(path) for d in result.diagnostics), result.diagnostics
        return result

    return run


@pytest.fixture
def lint_bytes(tmp_path: Path) -> Callable[..., CheckResult]:
    """``lint_bytes(data)``: like ``lint`` for raw bytes (encodings, size limits)."""

    def run(data: bytes, name: str = "spec.yaml") -> CheckResult:
        path = tmp_path / name
        path.write_bytes(data)
        result = check_spec(path)
        assert all(d.file == str(path) for d in result.diagnostics), result.diagnostics
        return result

    return run


@pytest.fixture
def example_path() -> Path:
    """The repository's example spec (Gapfill): valid, with every part filled in."""
    return EXAMPLE
