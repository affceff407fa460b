"""The DOCX writer, read back with python-docx and as raw WordprocessingML.

``docx_fixtures/composed.html`` is a hand-written composed document using the
whole vocabulary of docs/templates.md; ``IMAGE_URL`` in it is replaced by a
picture generated per test session.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Twips
from lxml import etree
from PIL import Image

from prfaqgen.compose.document import ComposedDocument
from prfaqgen.errors import RenderError
from prfaqgen.look import Theme
from prfaqgen.options import RenderOptions
from prfaqgen.writers.docx import render_docx

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "docx_fixtures" / "composed.html"
THEME = REPO / "templates" / "theme"
SOURCE_DATE = datetime(2026, 11, 21, 8, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the fixture's picture: 3000 x 1200 px, wider than the page."""
    folder = tmp_path_factory.mktemp("assets")
    Image.new("RGB", (3000, 1200), (70, 130, 180)).save(folder / "chart.png")
    return folder


def compose(assets: Path, html: str | None = None, **options: object) -> ComposedDocument:
    text = html if html is not None else FIXTURE.read_text("utf-8")
    return ComposedDocument(
        html=text.replace("IMAGE_URL", (assets / "chart.png").as_uri()),
        base_dir=assets,
        theme=Theme(THEME / "theme.css", THEME / "reference.docx", THEME / "fonts"),
        options=RenderOptions(**options),  # type: ignore[arg-type]
        source_date=SOURCE_DATE,
        resource_roots=(assets,),
    )


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def rendered(assets: Path) -> bytes:
    return render_docx(compose(assets, line_numbers=True, draft_mark=True))


@pytest.fixture(scope="module")
def document(rendered: bytes) -> Document:
    return open_docx(rendered)


def styled(document: Document) -> dict[str, str]:
    """Paragraph text -> style name, for the body's non-empty paragraphs."""
    return {p.text: p.style.name for p in document.paragraphs if p.text}


def test_paragraphs_come_in_document_order_with_collapsed_white_space(
    document: Document,
) -> None:
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:4] == [
        "Ledgerly closes the books in one day",
        "For controllers who spend a week every month on the close",
        "Press release",
        "SEATTLE, November 22, 2026 — Acme today launched Ledgerly, a month-end close "
        "assistant. Run ledgerly import to start.",
    ]
    assert texts[-4:] == [
        "Appendix",
        "ledgerly import --bank chase",
        "    --ledger netsuite\t--months 12",
        "End of appendix.",
    ]
    assert (
        "Ledgerly is available at ledgerly.example/start; see question 2.\n"
        "Second line after a break." in texts
    )


def test_blocks_get_the_named_styles(document: Document) -> None:
    styles = styled(document)
    expected = {
        "Ledgerly closes the books in one day": "Title",
        "For controllers who spend a week every month on the close": "Subtitle",
        "Press release": "Heading 1",
        "External FAQ": "Heading 2",
        "1. How much does Ledgerly cost?": "Heading 3",
        "A fourth-level heading": "Heading 3",
        "$400 per month.": "Normal",
        "“We built Ledgerly because our own finance team lost a week every month,” "
        "said Maria Chen.": "Quote",
        "NetSuite and QuickBooks Online at launch.": "List Bullet",
        "multi-currency accounts;": "List Bullet 2",
        "EUR and GBP first.": "List Bullet 3",
        "Bank feeds arrive late.": "List Number",
        "Auditors ask for evidence.": "List Number 2",
        "A second paragraph in the item.": "List Continue",
        "ledgerly import --bank chase": "Source Code",
        "A paragraph in a style chosen by the template.": "Intense Quote",
        "An element outside the vocabulary.": "Normal",
        "TAM": "Definition Term",
        "Total addressable market.": "Definition",
    }
    assert {text: styles.get(text) for text in expected} == expected


def test_inline_formatting_uses_runs_and_character_styles(document: Document) -> None:
    runs = [run for p in document.paragraphs for run in p.runs]
    assert any(run.bold and run.text == "SEATTLE, November 22, 2026" for run in runs)
    assert any(run.italic and run.text == "month-end close" for run in runs)
    assert any(run.style.name == "Code" and run.text == "ledgerly import" for run in runs)


def numbering_of(document: Document) -> list[tuple[str, int, int]]:
    """(text, numId, start) of every numbered paragraph, start from its w:num override."""
    numbering = document.part.numbering_part.element
    result = []
    for p in document.paragraphs:
        num_pr = p._p.pPr.numPr if p._p.pPr is not None else None
        if num_pr is None:
            continue
        num_id = num_pr.numId.val
        (start,) = numbering.xpath(
            f"w:num[@w:numId='{num_id}']/w:lvlOverride/w:startOverride/@w:val"
        )
        result.append((p.text, num_id, int(start)))
    return result


def test_every_ordered_list_restarts_at_one_or_its_start(document: Document) -> None:
    numbered = numbering_of(document)
    by_text = {text: (num_id, start) for text, num_id, start in numbered}
    first_list = by_text["Bank feeds arrive late."]
    second_list = by_text["Buffer feeds for a day."]
    nested = by_text["Auditors ask for evidence."]
    fifth = by_text["Fifth, because the list says so."]
    assert first_list[1] == second_list[1] == nested[1] == 1
    assert fifth[1] == 5
    assert len({first_list[0], second_list[0], nested[0], fifth[0]}) == 4
    # Items of one list share its w:num, across a nested list.
    assert by_text["Ledger vendors ship the same feature."][0] == first_list[0]
    assert by_text["Show every match with its evidence."][0] == second_list[0]


def test_restarted_lists_keep_the_numbering_of_their_style(document: Document) -> None:
    numbering = document.part.numbering_part.element
    for text, num_id, _ in numbering_of(document):
        (abstract,) = numbering.xpath(f"w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")
        style_id = "ListNumber2" if text.startswith(("Auditors", "Matches")) else "ListNumber"
        assert numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']//w:pStyle/@w:val")
        assert numbering.xpath(
            f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl/w:pStyle/@w:val"
        ) == [style_id]


def test_hyperlinks_are_real_links(rendered: bytes) -> None:
    body = part(rendered, "word/document.xml")
    rels = part(rendered, "word/_rels/document.xml.rels")
    (external,) = body.xpath("//w:hyperlink[@r:id]", namespaces=NS)
    r_id = external.get(f"{{{NS['r']}}}id")
    (rel,) = rels.xpath(f"rel:Relationship[@Id='{r_id}']", namespaces=NS)
    assert rel.get("Target") == "https://ledgerly.example/start"
    assert rel.get("TargetMode") == "External"
    assert external.xpath("string(.)") == "ledgerly.example/start"
    assert external.xpath(".//w:rStyle/@w:val", namespaces=NS) == ["Hyperlink"]
    (internal,) = body.xpath("//w:hyperlink[@w:anchor]", namespaces=NS)
    assert internal.get(w("anchor")) == "q-2"
    assert body.xpath("//w:bookmarkStart[@w:name='q-2']", namespaces=NS)


def test_ids_become_bookmarks_word_accepts(rendered: bytes) -> None:
    body = part(rendered, "word/document.xml")
    names = body.xpath("//w:bookmarkStart/@w:name", namespaces=NS)
    assert {"press-release", "pr-heading", "faq", "q-1", "appendix", "document-end"} <= set(names)
    assert len(names) == len(set(names))
    assert all(len(name) <= 40 and name[0].isalpha() for name in names)
    assert any(name.startswith("a-very-long-identifier") for name in names)
    ids = body.xpath("//w:bookmarkStart/@w:id", namespaces=NS)
    assert sorted(ids) == sorted(body.xpath("//w:bookmarkEnd/@w:id", namespaces=NS))


def test_table_has_grid_style_bold_repeated_header_and_spans(document: Document) -> None:
    (table,) = document.tables
    assert table.style.name == "Table Grid"
    header, first, total = table.rows
    assert [c.text for c in header.cells] == ["Year", "Customers", "Revenue"]
    assert all(run.bold for c in header.cells for p in c.paragraphs for run in p.runs)
    assert header._tr.trPr.find(w("tblHeader")) is not None
    assert first._tr.trPr.find(w("tblHeader")) is None
    assert total._tr.xpath("./w:tc[1]/w:tcPr/w:gridSpan/@w:val") == ["2"]
    assert [c.text for c in total.cells] == ["Total (two years)", "Total (two years)", "$9.1M"]


def test_table_spans_captions_and_header_rows_without_thead(assets: Path) -> None:
    html = """<html><body><table><caption>Costs</caption>
    <tr><th>Item</th><th>Q1</th><th>Q2</th></tr>
    <tr><td rowspan="2">Cloud</td><td>1</td><td>2</td></tr>
    <tr><td>3</td><td>4</td></tr></table></body></html>"""
    document = open_docx(render_docx(compose(assets, html)))
    assert [p.text for p in document.paragraphs] == ["Costs"]
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Item", "Q1", "Q2"],
        ["Cloud", "1", "2"],
        ["Cloud", "3", "4"],
    ]
    header_flags = [row._tr.trPr.find(w("tblHeader")) is not None for row in table.rows]
    assert header_flags == [True, False, False]
    assert {p.style.name for c in table._cells for p in c.paragraphs} == {"Compact"}


def test_table_cells_keep_the_column_alignment_markdown_asks_for(assets: Path) -> None:
    html = """<html><body><table>
    <thead><tr><th>Item</th><th style="text-align:right">Cost</th></tr></thead>
    <tbody><tr><td>Cloud</td><td style="text-align:right">1,200</td></tr>
    <tr><td style="text-align: center">All</td><td style="text-align:right">9</td></tr>
    </tbody></table></body></html>"""
    (table,) = open_docx(render_docx(compose(assets, html))).tables
    alignments = [[c.paragraphs[0].alignment for c in row.cells] for row in table.rows]
    assert alignments == [
        [None, WD_PARAGRAPH_ALIGNMENT.RIGHT],
        [None, WD_PARAGRAPH_ALIGNMENT.RIGHT],
        [WD_PARAGRAPH_ALIGNMENT.CENTER, WD_PARAGRAPH_ALIGNMENT.RIGHT],
    ]


def test_deep_lists_loose_text_and_bad_starts(assets: Path) -> None:
    html = """<html><body><div>Loose <b>text</b> in a div</div>
    <ul><li>one<ul><li>two<ul><li>three<ul><li>four</li></ul></li></ul></li></ul></li></ul>
    <ol start="x"><li>first</li></ol></body></html>"""
    document = open_docx(render_docx(compose(assets, html)))
    assert styled(document) == {
        "Loose text in a div": "Normal",
        "one": "List Bullet",
        "two": "List Bullet 2",
        "three": "List Bullet 3",
        "four": "List Bullet 3",
        "first": "List Number",
    }
    assert numbering_of(document)[0][2] == 1


def test_bookmark_names_are_stable_and_valid() -> None:
    from prfaqgen.writers.docx.context import bookmark_name

    assert bookmark_name("q-12") == "q-12"
    for html_id in ("1st-question", "_hidden", "é", "x" * 41):
        name = bookmark_name(html_id)
        assert name == bookmark_name(html_id)
        assert len(name) <= 40 and name[0].isalpha() and name.isascii()
    assert bookmark_name("x" * 41) != bookmark_name("x" * 42)


def test_page_break_class_breaks_before_the_first_paragraph(document: Document) -> None:
    breaking = [p.text for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert breaking == ["Appendix"]


def test_hr_is_a_bordered_empty_paragraph(rendered: bytes) -> None:
    body = part(rendered, "word/document.xml")
    (rule,) = body.xpath("//w:p[w:pPr/w:pBdr/w:bottom]", namespaces=NS)
    assert rule.xpath("string(.)") == ""


def test_core_properties_come_from_the_head(document: Document, rendered: bytes) -> None:
    props = document.core_properties
    assert props.title == "Ledgerly: close the books in one day"
    assert props.author == props.last_modified_by == "Dana Okafor"
    assert props.subject == "PR/FAQ for Ledgerly, a month-end close assistant"
    assert props.keywords == "finance, month-end close, ledger"
    assert props.created == datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc)
    assert props.modified == datetime(2026, 11, 20, 17, 5, tzinfo=timezone.utc)
    assert props.revision == 1
    assert props.comments == props.category == ""
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        names = package.namelist()
        docprops = package.read("docProps/core.xml") + package.read("docProps/app.xml")
    assert b"python-docx" not in docprops and b"Microsoft" not in docprops
    assert not [name for name in names if "thumbnail" in name or "customXml" in name]


def test_dates_fall_back_to_the_source_date(assets: Path) -> None:
    html = FIXTURE.read_text("utf-8").replace('name="dcterms.', 'name="x.')
    props = open_docx(render_docx(compose(assets, html))).core_properties
    assert props.created == props.modified == SOURCE_DATE.replace(tzinfo=timezone.utc)


def test_language_is_set_on_the_normal_style(document: Document) -> None:
    lang = document.styles["Normal"].element.rPr.find(w("lang"))
    assert lang.get(w("val")) == "en-US"


def test_footer_has_page_and_numpages_fields(rendered: bytes) -> None:
    footer = part(rendered, "word/footer1.xml")
    instructions = [t.strip() for t in footer.xpath("//w:instrText/text()", namespaces=NS)]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "".join(footer.xpath("//w:t/text()", namespaces=NS)) == "Page 1 of 1"
    assert footer.xpath("//w:pStyle/@w:val", namespaces=NS) == ["Footer"]


def test_header_has_the_running_header_and_the_watermark(
    document: Document, rendered: bytes
) -> None:
    header = document.sections[0].header
    assert header.paragraphs[0].text == "Ledgerly PR/FAQ · version 3 · In review"
    assert header.paragraphs[0].style.name == "Header"
    (shape,) = part(rendered, "word/header1.xml").xpath("//v:shape", namespaces=NS)
    assert shape.get("id").startswith("PowerPlusWaterMarkObject")
    assert "rotation:315" in shape.get("style")
    assert "z-index:-" in shape.get("style")  # behind the text
    assert shape.xpath("./v:textpath/@string", namespaces=NS) == ["DRAFT"]
    body_text = "\n".join(p.text for p in document.paragraphs)
    assert "DRAFT" not in body_text and "In review" not in body_text


def test_no_watermark_without_the_draft_option(assets: Path) -> None:
    data = render_docx(compose(assets, draft_mark=False))
    assert not part(data, "word/header1.xml").xpath("//v:shape", namespaces=NS)
    document = open_docx(data)
    assert "DRAFT" not in "\n".join(p.text for p in document.paragraphs)


def test_line_numbers_follow_the_option(rendered: bytes, assets: Path) -> None:
    (numbers,) = part(rendered, "word/document.xml").xpath("//w:lnNumType", namespaces=NS)
    assert (numbers.get(w("countBy")), numbers.get(w("restart"))) == ("1", "continuous")
    plain = render_docx(compose(assets, line_numbers=False))
    assert not part(plain, "word/document.xml").xpath("//w:lnNumType", namespaces=NS)


@pytest.mark.parametrize(("paper", "size"), [("letter", (12240, 15840)), ("a4", (11906, 16838))])
def test_paper_size_follows_the_option(assets: Path, paper: str, size: tuple[int, int]) -> None:
    section = open_docx(render_docx(compose(assets, paper=paper))).sections[0]
    assert (section.page_width, section.page_height) == (Twips(size[0]), Twips(size[1]))
    assert section.left_margin == section.right_margin == Twips(1440)


def test_picture_is_embedded_and_fits_the_text_width(document: Document, rendered: bytes) -> None:
    (shape,) = document.inline_shapes
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert shape.width == text_width
    assert abs(shape.height / shape.width - 1200 / 3000) < 0.001
    assert part(rendered, "word/document.xml").xpath("//*[local-name()='docPr']/@descr") == [
        "Match rate by month"
    ]
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        assert package.namelist().count("word/media/image1.png") == 1


def image_html(src: str) -> str:
    return f'<html><body><p><img src="{src}" alt="x"></p></body></html>'


def test_images_outside_the_resource_roots_are_refused(assets: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.png"
    Image.new("RGB", (10, 10)).save(outside)
    link = assets / "link.png"
    if not link.exists():
        link.symlink_to(outside)
    for src in (
        "https://example.com/chart.png",
        "data:image/png;base64,iVBORw0KGgo=",  # a truncated PNG
        "data:text/html,<b>x</b>",
        "chart.png",
        outside.as_uri(),
        link.as_uri(),  # inside by name, outside once resolved
        (assets / "missing.png").as_uri(),
    ):
        with pytest.raises(RenderError, match="image"):
            render_docx(compose(assets, image_html(src)))


def test_a_file_that_is_not_a_picture_is_refused(assets: Path) -> None:
    (assets / "notes.txt").write_text("not a picture")
    with pytest.raises(RenderError, match="PNG, JPEG"):
        render_docx(compose(assets, image_html((assets / "notes.txt").as_uri())))


def test_unknown_style_names_are_errors(assets: Path) -> None:
    html = '<html><body><p data-docx-style="No Such Style">x</p></body></html>'
    with pytest.raises(RenderError, match='"No Such Style"'):
        render_docx(compose(assets, html))


def test_invalid_dates_and_references_are_errors(assets: Path, tmp_path: Path) -> None:
    html = '<html><head><meta name="dcterms.created" content="last week"></head></html>'
    with pytest.raises(RenderError, match="ISO 8601"):
        render_docx(compose(assets, html))
    broken = tmp_path / "reference.docx"
    broken.write_text("not a zip")
    doc = compose(assets)
    theme = Theme(doc.theme.stylesheet, broken, doc.theme.fonts_dir)
    with pytest.raises(RenderError, match="reference document"):
        render_docx(ComposedDocument(doc.html, doc.base_dir, theme, doc.options))


_RENDER_IN_SUBPROCESS = """
import hashlib, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tests.writers.test_docx import compose
from prfaqgen.writers.docx import render_docx
data = render_docx(compose(Path(sys.argv[2]), line_numbers=True))
print(hashlib.sha256(data).hexdigest())
"""


@pytest.mark.slow
def test_output_is_byte_identical_across_processes(assets: Path, rendered: bytes) -> None:
    digests = {
        subprocess.run(
            [sys.executable, "-c", _RENDER_IN_SUBPROCESS, str(REPO), str(assets)],
            check=True,
            capture_output=True,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert len(digests) == 1
    assert digests == {hashlib.sha256(rendered).hexdigest()}


def test_the_writer_imports_no_pdf_cli_or_yaml_library() -> None:
    imported = set()
    for module in (REPO / "prfaqgen" / "writers" / "docx").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
    assert not imported & {"weasyprint", "click", "yaml"}
    assert "docx" in imported


def test_zip_entries_have_fixed_order_times_and_modes(rendered: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        infos = package.infolist()
    names = [info.filename for info in infos]
    assert names[0] == "[Content_Types].xml"
    assert names[1:] == sorted(names[1:])
    assert {info.date_time for info in infos} == {(2026, 11, 21, 8, 0, 0)}
    assert {(info.compress_type, info.external_attr >> 16) for info in infos} == {
        (zipfile.ZIP_DEFLATED, 0o100644)
    }


def load_reference_script() -> object:
    spec = importlib.util.spec_from_file_location(
        "make_reference_docx", REPO / "scripts" / "make_reference_docx.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_reference_docx_is_what_the_script_builds() -> None:
    script = load_reference_script()
    from prfaqgen.writers.docx.package import Metadata, save_docx

    built = save_docx(script.build(), Metadata(), script.FIXED_DATE)  # type: ignore[attr-defined]
    assert built == (THEME / "reference.docx").read_bytes()


def test_reference_docx_has_the_named_styles_and_nothing_else() -> None:
    reference = docx.Document(str(THEME / "reference.docx"))
    names = {style.name for style in reference.styles}
    assert {
        "Normal",
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Quote",
        "List Bullet",
        "List Bullet 2",
        "List Bullet 3",
        "List Number",
        "List Number 2",
        "List Number 3",
        "List Continue",
        "Source Code",
        "Code",
        "Hyperlink",
        "Header",
        "Footer",
        "Table Grid",
        "Compact",
    } <= names
    normal = reference.styles["Normal"]
    assert (normal.font.name, normal.font.size.pt) == ("Calibri", 11)
    assert reference.styles["Heading 1"].font.size.pt == 14
    assert reference.styles["Heading 1"].paragraph_format.keep_with_next
    assert not reference.paragraphs and not reference.tables
    section = reference.sections[0]
    assert (section.page_width, section.page_height) == (Twips(12240), Twips(15840))
    props = reference.core_properties
    assert (props.title, props.author, props.comments, props.last_modified_by) == ("",) * 4
    assert props.created == props.modified == datetime(1980, 1, 1, tzinfo=timezone.utc)


@pytest.mark.client
def test_libreoffice_converts_the_docx_to_pdf(rendered: bytes, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "prfaq.docx"
    source.write_bytes(rendered)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from pypdf import PdfReader

    reader = PdfReader(tmp_path / "prfaq.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 3
    assert "Page 1 of 3" in text and "Page 3 of 3" in text
    # LibreOffice numbers both lists from 1: the numbering restart works in a client.
    assert "1. Bank feeds arrive late." in text
    assert "1. Buffer feeds for a day." in text
    assert "5. Fifth, because the list says so." in text
