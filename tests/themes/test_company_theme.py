"""The Acme theme of docs/themes.md, read back: logo and name in the header, its font."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from e2e_helpers import embedded_fonts
from pypdf import PdfReader
from theme_helpers import build_acme, fonts_available

from prfaqgen.pipeline import render_spec
from prfaqgen.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / "specs" / "example.yaml"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not fonts_available(), reason="needs fonts-dejavu-core"),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("acme")
    theme = build_acme(root / "themes")
    spec = root / "specs" / "ledger.yaml"
    spec.parent.mkdir()
    shutil.copyfile(EXAMPLE, spec)
    result = render_spec(spec, Settings(output=root / "out", theme=str(theme), paper="a4"))
    return result.outputs


def test_every_pdf_page_has_the_company_header_and_logo(rendered: dict[str, Path]) -> None:
    reader = PdfReader(rendered["pdf"])
    assert len(reader.pages) > 1
    for page in reader.pages:
        text = page.extract_text()
        assert re.search(r"Acme Corp · Gapfill · Draft", text), text[:200]
        images = [
            obj.get_object()
            for obj in page["/Resources"].get("/XObject", {}).values()
            if obj.get_object().get("/Subtype") == "/Image"
        ]
        assert any(image["/Width"] == 360 and image["/Height"] == 120 for image in images)
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4


def test_the_pdf_is_set_in_the_theme_font(rendered: dict[str, Path]) -> None:
    fonts = embedded_fonts(PdfReader(rendered["pdf"]))
    assert fonts.get("DejaVu-Serif") is True
    assert fonts.get("DejaVu-Serif-Bold") is True
    assert not any(name.startswith("Carlito") for name in fonts)


def test_the_docx_styles_name_the_theme_font(rendered: dict[str, Path]) -> None:
    document = Document(str(rendered["docx"]))
    normal = document.styles["Normal"].element
    fonts = normal.xpath(".//w:rFonts/@w:ascii") or document.styles.element.xpath(
        "./w:docDefaults//w:rFonts/@w:ascii"
    )
    assert fonts == ["DejaVu Serif"]
    styles_xml = zipfile.ZipFile(rendered["docx"]).read("word/styles.xml").decode()
    assert "Calibri" not in styles_xml
    assert 'w:ascii="Courier New"' in styles_xml  # the code font stays


def test_the_docx_header_has_the_company_name_and_logo(rendered: dict[str, Path]) -> None:
    header = Document(str(rendered["docx"])).sections[0].header
    text = " ".join(p.text for p in header.paragraphs)
    assert "Acme Corp · Gapfill · Draft" in " ".join(text.split())
    assert header._element.xpath(".//pic:pic")
