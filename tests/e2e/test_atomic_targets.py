"""Every file or none: targets are checked before the first rename, stale temp files go."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from prfaqgen.atomic import write_all_atomically
from prfaqgen.errors import RenderError
from prfaqgen.pipeline import render_spec
from tests.e2e.e2e_helpers import MINIMAL


def test_a_target_that_is_a_folder_fails_before_any_file_is_replaced(tmp_path: Path):
    pdf = tmp_path / "ledger.pdf"
    pdf.write_bytes(b"old pdf")
    (tmp_path / "ledger.docx").mkdir()
    with pytest.raises(OSError) as caught:
        write_all_atomically({pdf: b"new pdf", tmp_path / "ledger.docx": b"new docx"})
    assert caught.value.filename == str(tmp_path / "ledger.docx")
    assert pdf.read_bytes() == b"old pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.docx", "ledger.pdf"]


def test_temp_files_of_a_killed_run_are_removed_by_the_next_run(tmp_path: Path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / f".ledger.pdf.{dead.pid}.x1y2z3.tmp"
    stale.write_bytes(b"half")
    other = tmp_path / ".notes.txt.123.abc.tmp"  # not ours: kept
    other.write_bytes(b"theirs")
    write_all_atomically({tmp_path / "ledger.pdf": b"new"})
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.txt.123.abc.tmp", "ledger.pdf"]


def test_temp_files_of_a_running_process_are_kept(tmp_path: Path):
    live = tmp_path / f".ledger.pdf.{os.getppid()}.abc.tmp"
    live.write_bytes(b"busy")
    write_all_atomically({tmp_path / "ledger.pdf": b"new"})
    assert live.exists()


@pytest.mark.slow
def test_render_into_a_folder_target_names_it_and_keeps_the_old_pdf(tmp_path: Path):
    spec = tmp_path / "ledger.yaml"
    shutil.copy(MINIMAL, spec)
    out = tmp_path / "out"
    out.mkdir()
    (out / "ledger.pdf").write_bytes(b"old pdf")
    (out / "ledger.docx").mkdir()
    with pytest.raises(RenderError) as caught:
        render_spec(spec, output=out, formats=["pdf", "docx"])
    assert str(caught.value) == (
        f"{out / 'ledger.docx'}: cannot be written (it is a folder; remove it or choose "
        "another output folder)"
    )
    assert (out / "ledger.pdf").read_bytes() == b"old pdf"
    assert sorted(p.name for p in out.iterdir()) == ["ledger.docx", "ledger.pdf"]
