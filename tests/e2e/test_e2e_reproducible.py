"""Reproducible output: the same spec gives the same bytes, whatever process renders it."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.e2e.e2e_helpers import (
    EXAMPLE,
    EXAMPLE_OPTIONS,
    MINIMAL,
    Rendered,
    clean_env,
    run_prfaqgen,
)

pytestmark = pytest.mark.slow


def render_in_new_process(spec: Path, folder: Path, *options: str, **env: str) -> Rendered:
    result = run_prfaqgen(
        "render", spec, "-o", folder, *options, cwd=folder.parent, env=clean_env(**env)
    )
    assert result.returncode == 0, result.stderr
    return Rendered(spec, folder, result.stdout, result.stderr, result.returncode)


def test_two_processes_give_byte_identical_files(example: Rendered, tmp_path: Path) -> None:
    again = render_in_new_process(EXAMPLE, tmp_path / "again", *EXAMPLE_OPTIONS)
    for fmt in ("pdf", "docx", "html"):
        assert again.path(fmt).read_bytes() == example.path(fmt).read_bytes(), fmt


def zip_times(data: bytes) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.date_time for info in package.infolist()}


def test_dates_come_from_the_spec_without_source_date_epoch(minimal: Rendered) -> None:
    meta_date = datetime(2026, 11, 22, tzinfo=timezone.utc)
    info = minimal.pdf.metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20261122000000Z"
    props = minimal.docx.core_properties
    assert props.created == props.modified == meta_date
    assert zip_times(minimal.docx_bytes) == {(2026, 11, 22, 0, 0, 0)}


def test_source_date_epoch_sets_the_dates(minimal: Rendered, tmp_path: Path) -> None:
    epoch = 1_700_000_000  # 2023-11-14 22:13:20 UTC
    dated = render_in_new_process(MINIMAL, tmp_path / "dated", SOURCE_DATE_EPOCH=str(epoch))
    moment = datetime.fromtimestamp(epoch, tz=timezone.utc)
    info = dated.pdf.metadata
    assert info["/CreationDate"] == info["/ModDate"] == "D:20231114221320Z"
    assert info.creation_date == info.modification_date == moment
    props = dated.docx.core_properties
    assert props.created == props.modified == moment
    assert zip_times(dated.docx_bytes) == {(2023, 11, 14, 22, 13, 20)}
    # Only the dates differ: the text is the same.
    assert dated.pages == minimal.pages
    assert dated.pdf_bytes != minimal.pdf_bytes and dated.docx_bytes != minimal.docx_bytes
