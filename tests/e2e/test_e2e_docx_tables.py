"""A real client lays out the DOCX tables: LibreOffice breaks no word inside a cell.

The DOCX is converted to PDF by LibreOffice and its text read back with
``pdftotext -layout``; a word broken across lines ("Revie" / "w") is missing
from the text as a whole. Marked ``client`` and ``slow`` like the other
LibreOffice tests.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import docx
import pytest

from prfaqgen.render.document import ComposedDocument, Look, Theme
from prfaqgen.writers.docx import render_docx
from tests.e2e.e2e_helpers import Rendered
from tests.e2e.test_e2e_libreoffice import convert

pytestmark = [pytest.mark.client, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
THEME = REPO / "templates" / "theme"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

# Narrow tables as the portfolio writes them, money with signs, a wide table.
TABLES = """
<h1>Ideas by status</h1>
<table><thead><tr><th>Status</th><th>Ideas</th></tr></thead>
<tbody><tr><td>Draft</td><td>6</td></tr><tr><td>Review</td><td>0</td></tr>
<tr><td>Final</td><td>0</td></tr></tbody></table>
<h1>Money</h1>
<table><thead><tr><th>Yesterday</th><th>Change</th><th>Forecast</th></tr></thead>
<tbody><tr><td>$14.2M</td><td>-$2.1M</td><td>+$0.4M</td></tr>
<tr><td>(€3.5M)</td><td>−£0.9M</td><td>¥120,000</td></tr></tbody></table>
<h1>Ranking</h1>
<table style="width: 100%"><thead><tr><th>#</th><th>Idea</th><th>Owner, team</th>
<th>Status, decision</th><th>Big idea, fit, plan</th><th>Total</th><th>Writing</th>
<th>Pages: PR, FAQ</th><th>Document</th></tr></thead>
<tbody><tr><td>1</td><td>Green Software for Practitioners Course (not yet reviewed)</td>
<td>Green Software Foundation, community</td><td>Draft, pending</td><td>3, 4, 3</td>
<td>10</td><td>100</td><td>0.96, 2.31</td><td>practitioners.pdf</td></tr>
<tr><td>2</td><td>BOPIS item cart abandonment</td><td>HotWax Commerce</td>
<td>Review, fund</td><td>–, –, –</td><td>–</td><td>79</td><td>0.87, 0.73</td>
<td><code>bopis_completed.pdf</code></td></tr></tbody></table>
"""


def pdftotext() -> str:
    found = shutil.which("pdftotext")
    if found is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return found


def laid_out_words(docx_bytes: bytes, tmp_path: Path, name: str) -> set[str]:
    """Every word of the PDF LibreOffice makes of ``docx_bytes``, as laid out on its lines."""
    pdf = convert(docx_bytes, tmp_path, name)
    text = subprocess.run(
        [pdftotext(), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return set(text.split())


def cell_words(docx_bytes: bytes) -> set[str]:
    document = docx.Document(io.BytesIO(docx_bytes))
    return {
        word
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for word in cell.text.split()
    }


def render(theme: Theme) -> bytes:
    return render_docx(
        ComposedDocument(
            html=f"<!DOCTYPE html><html lang='en'><body>{TABLES}</body></html>",
            base_dir=THEME,
            theme=theme,
            source_date=datetime(2026, 11, 22),
            resource_roots=(THEME,),
        )
    )


def test_no_word_breaks_inside_a_cell_in_the_builtin_theme(tmp_path: Path) -> None:
    data = render(Theme(THEME / "theme.css", THEME / "reference.docx", THEME / "fonts"))
    expected = cell_words(data)
    assert {"Review", "-$2.1M", "Yesterday", "practitioners.pdf"} <= expected
    missing = expected - laid_out_words(data, tmp_path, "builtin")
    assert not missing, f"words broken across lines in LibreOffice: {sorted(missing)}"


def test_no_word_breaks_inside_a_cell_in_a_wider_theme_font(tmp_path: Path) -> None:
    """DejaVu Serif is much wider than Carlito: "Yesterda/y" in the header before."""
    if not (DEJAVU / "DejaVuSerif-Bold.ttf").is_file():
        pytest.skip("DejaVu fonts are not installed")
    folder = tmp_path / "serif"
    (folder / "fonts").mkdir(parents=True)
    for name in ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"):
        shutil.copy(DEJAVU / name, folder / "fonts" / name)
    theme = Theme(
        THEME / "theme.css",
        THEME / "reference.docx",
        THEME / "fonts",
        look=Look(body_font="DejaVu Serif"),
        asset_dirs=(folder,),
        roots=(folder,),
    )
    data = render(theme)
    missing = cell_words(data) - laid_out_words(data, tmp_path, "serif")
    # In DejaVu Serif the ranking's longest words are wider than the page together:
    # only its three columns with the longest words give way, the others keep theirs.
    ranking = docx.Document(io.BytesIO(data)).tables[2]
    widest = {w for row in ranking.rows for c in (1, 2, 8) for w in row.cells[c].text.split()}
    assert missing <= widest, f"words broken across lines in LibreOffice: {sorted(missing)}"
    assert {"Yesterday", "Review", "-$2.1M", "Writing", "decision"}.isdisjoint(missing)


def test_no_word_breaks_inside_a_cell_of_the_example(example: Rendered, tmp_path: Path) -> None:
    expected = cell_words(example.docx_bytes)
    assert expected
    missing = expected - laid_out_words(example.docx_bytes, tmp_path, "example")
    assert not missing, f"words broken across lines in LibreOffice: {sorted(missing)}"
