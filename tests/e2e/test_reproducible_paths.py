"""The same spec and images give byte-identical files from any folder."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from prfaqgen.pipeline import render_spec
from tests.e2e.e2e_helpers import MINIMAL

pytestmark = pytest.mark.slow


def make_spec(folder: Path) -> Path:
    from PIL import Image

    folder.mkdir(parents=True)
    (folder / "img").mkdir()
    png = io.BytesIO()
    Image.new("RGB", (60, 30), "navy").save(png, format="PNG")
    (folder / "img" / "chart.png").write_bytes(png.getvalue())
    spec = folder / "ledger.yaml"
    shutil.copy(MINIMAL, spec)
    text = spec.read_text("utf-8")
    marker = "  solution:"
    assert marker in text
    spec.write_text(
        text.replace(marker, "  how_it_works: |\n    ![chart](img/chart.png)\n" + marker, 1),
        encoding="utf-8",
    )
    return spec


def test_moving_the_spec_folder_does_not_change_the_outputs(tmp_path: Path):
    first = render_spec(make_spec(tmp_path / "a"), output=tmp_path / "out-a")
    second = render_spec(make_spec(tmp_path / "somewhere" / "else b"), output=tmp_path / "out-b")
    for fmt in ("pdf", "docx"):
        data = first.outputs[fmt].read_bytes()
        assert data == second.outputs[fmt].read_bytes(), fmt
        assert str(tmp_path).encode() not in data
    assert b"/Subtype /Image" in first.outputs["pdf"].read_bytes()
