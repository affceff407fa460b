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

import pytest
from pypdf import PdfReader

from tests.e2e.e2e_helpers import Rendered

pytestmark = [pytest.mark.client, pytest.mark.slow]


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def test_libreoffice_converts_the_example_docx(example: Rendered, tmp_path: Path) -> None:
    program = soffice()
    source = tmp_path / "example.docx"
    source.write_bytes(example.docx_bytes)
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
    converted = tmp_path / "converted" / "example.pdf"
    assert result.returncode == 0, result.stderr
    assert converted.is_file(), f"no PDF written:\n{result.stdout}\n{result.stderr}"
    reader = PdfReader(converted)
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
