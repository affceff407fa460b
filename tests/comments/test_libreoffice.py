"""A reviewer in LibreOffice: the marks survive its save, and it shows none of them.

Marked ``client``: needs LibreOffice (``soffice``), skipped without it except in CI.
LibreOffice 7.4 keeps comments, tracked changes, hidden bookmarks and the
custom XML part when it saves a DOCX, but not Word's reply threads
(commentsExtended): a reply comes back as a comment of its own at the same place.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from prfaqgen.render.compose import compose
from prfaqgen.review import read_review
from prfaqgen.writers.docx import render_docx
from tests.comments.conftest import EXAMPLE, load
from tests.e2e.test_e2e_libreoffice import soffice

pytestmark = [pytest.mark.client, pytest.mark.slow]


def _convert(source: Path, target: str, tmp_path: Path) -> Path:
    out = tmp_path / f"converted-{target.split(':')[0]}"
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    converted = out / f"{source.stem}.{target.split(':')[0]}"
    assert converted.is_file(), result.stdout + result.stderr
    return converted


def test_a_document_saved_by_libreoffice_gives_the_same_findings(
    reviewed: Path, tmp_path: Path
) -> None:
    saved = _convert(reviewed, "docx:MS Word 2007 XML", tmp_path)
    loaded = load(EXAMPLE)
    before = {f.text: f for f in read_review(reviewed, loaded).findings}
    after = {f.text: f for f in read_review(saved, loaded).findings}
    for text, finding in before.items():
        assert text in after, text
        moved = after[text]
        assert (moved.line, moved.column, moved.kind, moved.author) == (
            finding.line,
            finding.column,
            finding.kind,
            finding.author,
        )
    # The reply, a comment of its own after LibreOffice, stays at its parent's place.
    reply = after["Yes: every owner we interviewed said it."]
    assert (reply.line, reply.column) == (22, 32)


def test_libreoffice_shows_the_same_pages_with_and_without_the_field_marks(
    example_docx: bytes, tmp_path: Path
) -> None:
    composed = compose(load(EXAMPLE))
    plain = replace(composed, html=re.sub(r' data-field="[^"]*"', "", composed.html))
    marked_path, plain_path = tmp_path / "marked.docx", tmp_path / "plain.docx"
    marked_path.write_bytes(example_docx)
    plain_path.write_bytes(render_docx(plain))
    marked = PdfReader(_convert(marked_path, "pdf", tmp_path))
    unmarked = PdfReader(_convert(plain_path, "pdf", tmp_path))
    marked_text = [page.extract_text() for page in marked.pages]
    assert marked_text == [page.extract_text() for page in unmarked.pages]
    assert not any("_pf" in text for text in marked_text)
    assert "Northfork launches Gapfill" in marked_text[0]
