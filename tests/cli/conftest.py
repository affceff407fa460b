"""Fixtures for the command-line tests: a click runner, specs on disk, a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"

_MODULES = textwrap.dedent(
    """\
    import sys
    from prfaqgen.cli import main
    try:
        main(sys.argv[1:])
    except SystemExit as exit:
        assert not exit.code, exit.code
    print(" ".join(sorted(sys.modules)))
    """
)


def modules_after(cwd: Path, *args: str) -> set[str]:
    """The modules a fresh ``prfaqgen ARGS`` process has imported when it is done."""
    done = subprocess.run(
        [sys.executable, "-c", _MODULES, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines()[-1].split())  # after whatever the command printed


# Valid, and with every recommended part: no warnings.
COMPLETE_SPEC = textwrap.dedent(
    """\
    prfaq: 1
    title: Ledger
    meta: {author: Priya Raman, date: 2026-11-22}
    press_release:
      headline: Acme launches Ledger
      subheadline: Small finance teams close the books in one day.
      location: Seattle, WA
      launch_date: 2027-03-01
      summary: Ledger closes the books in a day.
      problem: Closing the books takes five days.
      solution: Ledger matches every payment as it arrives.
      leader_quote: {text: We built it for controllers., name: Dana Kim}
      how_it_works: Connect the bank account.
      customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
      call_to_action: Start at ledger.example.com.
    faq:
      external: [{q: "How much does it cost?", a: Ten dollars a month.}]
      internal: [{q: "Why will it fail?", a: Banks say no.}]
    """
)

# Valid, but without any recommended part: seven warnings.
MINIMAL_SPEC = textwrap.dedent(
    """\
    prfaq: 1
    title: Ledger
    meta: {author: Priya Raman, date: 2026-11-22}
    press_release:
      headline: Acme launches Ledger
      summary: Ledger closes the books in a day.
      problem: Closing the books takes five days.
      solution: Ledger matches every payment as it arrives.
      customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
    faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
    """
)

# Invalid: two errors.
INVALID_SPEC = MINIMAL_SPEC.replace("title: Ledger", "titel: Ledger").replace(
    "date: 2026-11-22", "date: 2026-02-30"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty temporary folder, so that reported paths are short and exact."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """``write("specs/a.yaml", text)``: create the file (and its folders) under tmp_path."""

    def run(relative: str, text: str) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return run


@pytest.fixture
def prfaqgen_process(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``prfaqgen_process("validate", "x.yaml")``: ``python -m prfaqgen`` in tmp_path."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
        return subprocess.run(
            [sys.executable, "-m", "prfaqgen", *args],
            cwd=cwd or tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
            check=False,
        )

    return run


@pytest.fixture
def complete_spec() -> str:
    """A valid spec with every recommended part: no diagnostics at all."""
    return COMPLETE_SPEC


@pytest.fixture
def minimal_spec() -> str:
    """A valid spec without recommended parts: seven warnings, lines 4 and 10."""
    return MINIMAL_SPEC


@pytest.fixture
def invalid_spec() -> str:
    """An invalid spec: `title` missing (1:1), `titel` unknown (2:1), impossible date (3:35)."""
    return INVALID_SPEC
