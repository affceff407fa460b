"""DOCX table columns are as wide as their longest word, measured with the cell font's glyphs.

The widths are read back from the DOCX (``w:gridCol``) and compared with the
advance widths fontTools reads from the font file the client shows.
"""

from __future__ import annotations

import io
import shutil
from datetime import datetime
from pathlib import Path

import docx
import pytest
from fontTools.ttLib import TTFont
from lxml import html as lxml_html

from prfaqgen.render.document import ComposedDocument, Theme
from prfaqgen.writers.docx import render_docx
from prfaqgen.writers.docx.measure import UNKNOWN_FONT_SCALE, Face, FontBook, FontMetrics
from prfaqgen.writers.docx.tables import CellText, column_widths, layout, words

REPO = Path(__file__).resolve().parents[2]
THEME = REPO / "templates" / "theme"
CARLITO = THEME / "fonts" / "Carlito-Regular.ttf"
CARLITO_BOLD = THEME / "fonts" / "Carlito-Bold.ttf"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def advance(path: Path, text: str, size: float) -> float:
    """``text``'s width in twips, summed from the font's hmtx table."""
    font = TTFont(str(path))
    cmap = font.getBestCmap()
    units = sum(font["hmtx"][cmap[ord(ch)]][0] for ch in text)
    return units * size * 20 / font["head"].unitsPerEm


def cell_text(padding: int = 200) -> CellText:
    body, bold = FontMetrics(CARLITO), FontMetrics(CARLITO_BOLD)
    return CellText(body=body, bold=bold, code=body, size=10, code_size=9, padding=padding)


def widths(table_html: str, available: int = 9360, padding: int = 200) -> list[int]:
    table = lxml_html.fragment_fromstring(table_html)
    return column_widths(layout(table), table, available, cell_text(padding))


def render(body: str, theme: Theme | None = None) -> docx.document.Document:
    theme = theme or Theme(THEME / "theme.css", THEME / "reference.docx", THEME / "fonts")
    doc = ComposedDocument(
        html=f"<!DOCTYPE html><html lang='en'><body>{body}</body></html>",
        base_dir=THEME,
        theme=theme,
        source_date=datetime(2026, 11, 22),
        resource_roots=(THEME,),
    )
    return docx.Document(io.BytesIO(render_docx(doc)))


def grid(document: docx.document.Document, index: int = 0) -> list[int]:
    tbl = document.tables[index]._tbl
    return [int(c) for c in tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]


def test_only_white_space_separates_the_words_a_line_may_not_break() -> None:
    assert words("-$2.1M down, 2026-11-22\tok") == ["-$2.1M", "down,", "2026-11-22", "ok"]
    assert words("5\u00a0%  x") == ["5\u00a0%", "x"]  # a no-break space joins


def test_widths_are_the_fonts_own_advances() -> None:
    metrics = FontMetrics(CARLITO)
    assert metrics.width("Review", 10) == pytest.approx(advance(CARLITO, "Review", 10), abs=1)
    assert FontMetrics(CARLITO_BOLD).width("Review", 10) > metrics.width("Review", 10)
    assert metrics.width("WWW", 10) > metrics.width("iii", 10)  # not one width a character


def test_every_column_holds_its_longest_word_with_its_sign() -> None:
    found = widths(
        "<table><tr><th>Status</th><th>Change</th></tr>"
        "<tr><td>Review</td><td>-$2.1M</td></tr><tr><td>Final</td><td>+4%</td></tr></table>"
    )
    assert found[0] >= advance(CARLITO_BOLD, "Status", 10) + 200
    assert found[0] >= advance(CARLITO, "Review", 10) + 200
    # The minus and the currency sign are measured with the number, not apart.
    assert found[1] >= advance(CARLITO, "-$2.1M", 10) + 200
    assert found[1] >= advance(CARLITO_BOLD, "Change", 10) + 200


def test_a_word_runs_on_across_formatting_and_code_is_measured_in_its_own_font() -> None:
    mono = FontMetrics(DEJAVU / "DejaVuSansMono.ttf") if DEJAVU.is_dir() else None
    if mono is None:
        pytest.skip("DejaVu fonts are not installed")
    text = CellText(
        body=FontMetrics(CARLITO), bold=FontMetrics(CARLITO_BOLD), code=mono, size=10,
        code_size=9, padding=0,
    )  # fmt: skip
    table = lxml_html.fragment_fromstring(
        "<table><tr><td><b>-</b>$2.1M</td><td><code>ingestionQueueUrl</code></td></tr></table>"
    )
    found = column_widths(layout(table), table, 9360, text)
    assert found[0] >= advance(CARLITO_BOLD, "-", 10) + advance(CARLITO, "$2.1M", 10) - 1
    assert found[1] >= advance(DEJAVU / "DejaVuSansMono.ttf", "ingestionQueueUrl", 9) - 1


def test_when_the_longest_words_do_not_fit_only_the_widest_columns_give_way() -> None:
    name = "02_gsf_state_of_green_software_report.pdf"
    found = widths(
        f"<table><tr><th>#</th><th>Status</th><th>Document</th></tr>"
        f"<tr><td>1</td><td>Review</td><td>{name} {name}</td></tr></table>",
        available=3000,
    )
    assert sum(found) == 3000
    assert found[0] >= advance(CARLITO_BOLD, "#", 10) + 200
    assert found[1] >= advance(CARLITO_BOLD, "Status", 10) + 200
    assert found[2] < advance(CARLITO, name, 10)  # the file name breaks: it cannot fit


def test_a_table_with_short_text_stays_narrower_than_the_page() -> None:
    found = widths("<table><tr><td>a</td><td>b</td></tr></table>")
    assert sum(found) < 2000


def test_the_docx_grid_takes_its_padding_from_the_table_style() -> None:
    document = render(
        "<table><thead><tr><th>Status</th><th>Ideas</th></tr></thead>"
        "<tbody><tr><td>Review</td><td>0</td></tr></tbody></table>"
    )
    margins = document.styles["Table Grid"].element.xpath(".//w:tblCellMar")[0]
    left, right = (
        int(margins.find(f"{{{W}}}{side}").get(f"{{{W}}}w")) for side in ("left", "right")
    )
    status, ideas = grid(document)
    assert status >= advance(CARLITO, "Review", 10) + left + right
    assert status >= advance(CARLITO_BOLD, "Status", 10) + left + right


def test_a_theme_font_is_measured_with_its_own_file(tmp_path: Path) -> None:
    if not (DEJAVU / "DejaVuSerif-Bold.ttf").is_file():
        pytest.skip("DejaVu fonts are not installed")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"):
        shutil.copy(DEJAVU / name, fonts / name)
    book = FontBook((tmp_path,), (tmp_path,))
    bold = book.metrics(Face("DejaVu Serif", bold=True))
    assert bold.width("Yesterday", 10) == pytest.approx(
        advance(fonts / "DejaVuSerif-Bold.ttf", "Yesterday", 10), abs=1
    )
    theme = Theme(
        THEME / "theme.css",
        THEME / "reference.docx",
        THEME / "fonts",
        docx_font="DejaVu Serif",
        asset_dirs=(tmp_path,),
        roots=(tmp_path,),
    )
    document = render(
        "<table><thead><tr><th>Yesterday</th><th>Today</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
        theme,
    )
    assert grid(document)[0] >= advance(fonts / "DejaVuSerif-Bold.ttf", "Yesterday", 10) + 200


def test_a_font_file_outside_the_theme_folder_is_not_read(tmp_path: Path) -> None:
    if not (DEJAVU / "DejaVuSerif-Bold.ttf").is_file():
        pytest.skip("DejaVu fonts are not installed")
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "Evil.ttf").symlink_to(DEJAVU / "DejaVuSerif-Bold.ttf")
    (tmp_path / "fonts" / "Broken.ttf").write_bytes(b"not a font")
    book = FontBook((tmp_path,), (tmp_path,))
    # The theme's link to a file outside it is skipped (fontconfig may still find the
    # system's own copy), and a broken font file is no error.
    assert book._locate(Face("DejaVu Serif", bold=True)) != tmp_path / "fonts" / "Evil.ttf"
    assert book.metrics(Face("Carlito")).width("Review", 10) > 0


def test_a_broken_font_file_of_the_theme_is_measured_as_a_wider_carlito(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    source = TTFont(str(CARLITO))
    source["name"].setName("Broken Sans", 1, 3, 1, 0x409)
    source["name"].setName("Broken Sans", 1, 1, 0, 0)
    del source["hmtx"]  # names itself, but has no widths
    source.save(str(tmp_path / "fonts" / "Broken.ttf"))
    book = FontBook((tmp_path,), (tmp_path,))
    wider = FontMetrics(CARLITO, UNKNOWN_FONT_SCALE).width("Review", 10)
    assert wider > FontMetrics(CARLITO).width("Review", 10)
    assert book.metrics(Face("Broken Sans")).width("Review", 10) == wider
