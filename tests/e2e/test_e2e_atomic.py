"""Nothing half-written: a failed or interrupted render leaves the previous files as they were.

Each test starts from an output folder holding the files of an earlier render
(old bytes, an old modification time) and checks that they are untouched, and
that no temporary file is left next to them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import prfaqgen.atomic
import prfaqgen.writers.docx
import prfaqgen.writers.html
import prfaqgen.writers.pdf
from prfaqgen.cli import main
from prfaqgen.errors import RenderError
from prfaqgen.pipeline import render_spec
from tests.e2e.e2e_helpers import MINIMAL

pytestmark = pytest.mark.slow

OLD_TIME = 1_600_000_000


def previous_outputs(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Files of an earlier render in ``folder``: name -> (bytes, mtime in ns)."""
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in ("pdf", "docx", "html"):
        path = folder / f"ledger.{fmt}"
        path.write_bytes(f"previous {fmt}".encode())
        os.utime(path, (OLD_TIME, OLD_TIME))
    return snapshot(folder)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.yaml"
    shutil.copy(MINIMAL, path)
    return path


def spy(monkeypatch: pytest.MonkeyPatch, module: object, name: str, calls: list[str]) -> None:
    real = getattr(module, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)
        calls.append(name)
        return result

    monkeypatch.setattr(module, name, wrapper)


def fail(monkeypatch: pytest.MonkeyPatch, module: object, name: str, calls: list[str]) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        calls.append(f"{name} raised")
        raise RenderError(f"{name} broke")

    monkeypatch.setattr(module, name, broken)


@pytest.mark.parametrize("failing", ["docx", "html"])
def test_a_failing_writer_leaves_the_previous_files_untouched(
    failing: str, spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    before = previous_outputs(out)
    calls: list[str] = []
    spy(monkeypatch, prfaqgen.writers.pdf, "render_pdf", calls)
    if failing == "docx":
        fail(monkeypatch, prfaqgen.writers.docx, "render_docx", calls)
    else:
        spy(monkeypatch, prfaqgen.writers.docx, "render_docx", calls)
        fail(monkeypatch, prfaqgen.writers.html, "render_html", calls)

    result = CliRunner().invoke(
        main, ["render", str(spec), "-o", str(out), "--format", "pdf,docx,html"]
    )

    assert result.exit_code == 1
    assert f"render_{failing} broke" in result.stderr
    # The other formats were produced before the failure...
    produced = ["render_pdf"] + (["render_docx"] if failing == "html" else [])
    assert calls == [*produced, f"render_{failing} raised"]
    # ...and yet nothing in the folder changed, and nothing was added.
    assert snapshot(out) == before


def test_an_interrupted_write_leaves_the_previous_file_and_no_temporary_file(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    before = previous_outputs(out)
    real_fsync = os.fsync
    written: list[int] = []

    def interrupted_fsync(fd: int) -> None:
        written.append(fd)
        raise KeyboardInterrupt  # Ctrl-C while the new file is being written

    monkeypatch.setattr(prfaqgen.atomic.os, "fsync", interrupted_fsync)
    with pytest.raises(KeyboardInterrupt):
        render_spec(spec, output=out, formats=("pdf", "docx"))
    monkeypatch.setattr(prfaqgen.atomic.os, "fsync", real_fsync)

    assert written, "the write was not reached"
    assert snapshot(out) == before


def test_an_interrupted_first_write_leaves_no_file_at_all(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"

    def interrupted_replace(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(prfaqgen.atomic.os, "replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        render_spec(spec, output=out, formats=("html",), budget=False)
    assert list(out.iterdir()) == []


def test_a_failed_second_write_leaves_no_mixed_set(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    before = previous_outputs(out)
    real_fsync = os.fsync
    calls: list[int] = []

    def disk_full_on_second_file(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the PDF is staged, the DOCX runs out of space
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(prfaqgen.atomic.os, "fsync", disk_full_on_second_file)
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(out)])
    assert result.exit_code == 1
    assert "ledger.docx: cannot be written (No space left on device)" in result.stderr
    assert snapshot(out) == before
