"""A real client opens the DOCX: LibreOffice converts the example to PDF.

Marked ``client``: it needs LibreOffice (``soffice``). Without it the test is
skipped, except in CI (CI=true), where a missing client is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from e2e_helpers import Rendered
from pypdf import PdfReader

pytestmark = [pytest.mark.client, pytest.mark.slow]


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def convert(docx_bytes: bytes, tmp_path: Path, name: str = "example") -> Path:
    """The PDF LibreOffice makes of ``docx_bytes``: how a reviewer's client lays it out."""
    program = soffice()
    source = tmp_path / f"{name}.docx"
    source.write_bytes(docx_bytes)
    result = subprocess.run(
        [
            program,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "converted"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    converted = tmp_path / "converted" / f"{name}.pdf"
    assert result.returncode == 0, result.stderr
    assert converted.is_file(), f"no PDF written:\n{result.stdout}\n{result.stderr}"
    return converted


def start_pages(reader: PdfReader) -> dict[str, int]:
    """The 1-based page each outline entry (section, FAQ question) starts on."""
    pages: dict[str, int] = {}

    def walk(entries: list[Any]) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                title = " ".join(str(entry.title).split())
                pages.setdefault(title, reader.get_destination_page_number(entry) + 1)

    walk(reader.outline)
    return pages


def test_libreoffice_converts_the_example_docx(example: Rendered, tmp_path: Path) -> None:
    reader = PdfReader(convert(example.docx_bytes, tmp_path))
    ours = len(example.pdf.pages)
    assert abs(len(reader.pages) - ours) <= 1, (len(reader.pages), ours)
    text = "\n".join(page.extract_text() for page in reader.pages)
    # The footer's fields are computed by the client.
    count = len(reader.pages)
    assert f"Page 1 of {count}" in text and f"Page {count} of {count}" in text
    # LibreOffice numbers each list from 1, as the DOCX asks.
    assert re.search(r"^1\. The third vendor says no\.", text, re.MULTILINE)
    assert re.search(r"^1\. The patient who has waited longest", text, re.MULTILINE)
    assert "Gapfill · Version 0.4 · November 22, 2026 · Draft" in text


@pytest.mark.parametrize("fixture", ["example", "minimal", "showcase", "press"])
def test_every_section_and_question_starts_on_the_same_page_as_in_the_pdf(
    fixture: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """The DOCX, as LibreOffice lays it out, breaks pages where the PDF does."""
    rendered: Rendered = request.getfixturevalue(fixture)
    converted = PdfReader(convert(rendered.docx_bytes, tmp_path, fixture))
    ours, theirs = start_pages(rendered.pdf), start_pages(converted)
    assert "Frequently asked questions" in ours
    assert any(re.match(r"Q\d+\. ", title) for title in ours), "no FAQ question in the outline"
    for title, page in ours.items():
        assert theirs.get(title) == page, (
            f"{title!r} starts on page {page} of the PDF, "
            f"page {theirs.get(title)} of the DOCX in LibreOffice"
        )
    assert len(converted.pages) == len(rendered.pdf.pages)
