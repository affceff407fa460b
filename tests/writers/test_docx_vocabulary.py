"""The HTML vocabulary both writers share: in code, in the docs, and in the DOCX.

The DOCX is read back with python-docx and its raw WordprocessingML.
"""

from __future__ import annotations

import base64
import io
import re
import sys
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.shared import Inches
from docx.table import Table
from PIL import Image

from prfaqgen.compose.document import ComposedDocument
from prfaqgen.compose.html_tree import to_lxml
from prfaqgen.compose.markup_scan import scan_source, scan_templates
from prfaqgen.compose.vocabulary import ELEMENTS, markdown_tables
from prfaqgen.errors import RenderError
from prfaqgen.look import Theme
from prfaqgen.writers.docx import render_docx
from prfaqgen.writers.docx.images import DATA_URL_MAX_BYTES

REPO = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def compose(html: str) -> ComposedDocument:
    theme = REPO / "templates" / "theme"
    return ComposedDocument(
        html=html,
        base_dir=theme,
        theme=Theme(theme / "theme.css", theme / "reference.docx", theme / "fonts"),
        source_date=datetime(2026, 11, 22),
        resource_roots=(theme,),
    )


def render(body: str) -> Document:
    html = f"<!DOCTYPE html><html lang='en'><head><title>t</title></head><body>{body}</body></html>"
    return docx.Document(io.BytesIO(render_docx(compose(html))))


def test_the_docs_show_the_vocabulary_the_code_defines() -> None:
    page = (REPO / "docs" / "templates.md").read_text("utf-8")
    assert markdown_tables() in page, (
        "docs/templates.md is out of date: paste the output of "
        "`python -c 'from prfaqgen.compose.vocabulary import markdown_tables as m; print(m())'`"
    )


def test_every_element_markdown_writes_is_in_the_vocabulary() -> None:
    from prfaqgen.compose.markdown import MarkdownRenderer

    text = (
        "# h\n\n*e* **s** `c` [a](http://x)  \nbreak\n\n> q\n\n- l\n\n1. n\n\n"
        "```\ncode\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n---\n"
    )
    html = str(MarkdownRenderer({}).block(text))
    tags = set(re.findall(r"<([a-z][a-z0-9]*)", html))
    assert tags and tags <= ELEMENTS


def test_phrasing_formats_become_run_properties() -> None:
    document = render(
        "<p>E = mc<sup>2</sup>, H<sub>2</sub>O, <del>old</del> <s>gone</s> "
        "<u>under</u> <ins>added</ins> <mark>look</mark> <q>quoted</q></p>"
    )
    assert document.paragraphs[0].text.endswith("look \u201cquoted\u201d")
    runs = {run.text: run for run in document.paragraphs[0].runs}
    sup = [r.text for r in document.paragraphs[0].runs if r.font.superscript]
    sub = [r.text for r in document.paragraphs[0].runs if r.font.subscript]
    assert sup == ["2"] and sub == ["2"]
    assert runs["old"].font.strike and runs["gone"].font.strike
    assert runs["under"].underline and runs["added"].underline
    assert runs["look"].font.highlight_color is not None


def test_definition_lists_are_terms_and_indented_descriptions() -> None:
    document = render(
        "<dl><dt>TAM</dt><dd>Total addressable market.</dd><dt>SAM</dt><dd>x</dd></dl>"
    )
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled == [
        ("Definition Term", "TAM"),
        ("Definition", "Total addressable market."),
        ("Definition Term", "SAM"),
        ("Definition", "x"),
    ]
    assert document.styles["Definition"].paragraph_format.left_indent > 0


def test_text_inside_a_table_is_kept_where_the_pdf_shows_it() -> None:
    """The HTML5 parser moves it before the table, for both writers alike."""
    document = render("<table>Loose words<tr><td>cell words</td></tr></table>")
    assert document.paragraphs[0].text == "Loose words"
    (table,) = document.tables
    assert table.rows[0].cells[0].text == "cell words"


def test_both_writers_read_the_one_html5_tree() -> None:
    """Malformed markup: a <div> closes the open <p>, as in the PDF (WeasyPrint's parser)."""
    doc = compose("<html><body><p>one<div>two</div>three</p></body></html>")
    tree = to_lxml(doc.tree)
    assert [el.tag for el in tree.body] == ["p", "div", "p"]
    assert doc.tree is doc.tree  # parsed once, cached on the document
    document = docx.Document(io.BytesIO(render_docx(doc)))
    assert [p.text for p in document.paragraphs] == ["one", "two", "three"]


def test_the_pdf_writer_lays_out_the_same_tree() -> None:
    pytest.importorskip("weasyprint")
    from pypdf import PdfReader

    from prfaqgen.writers.pdf import render_pdf

    doc = compose("<html><body><table>Loose words<tr><td>cell</td></tr></table></body></html>")
    text = PdfReader(io.BytesIO(render_pdf(doc).data)).pages[0].extract_text()
    assert text.index("Loose words") < text.index("cell")


def png_bytes(size: tuple[int, int] = (30, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def test_a_data_url_picture_is_embedded() -> None:
    src = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    document = render(f'<p><img src="{src}" alt="A blue box"></p>')
    (shape,) = document.inline_shapes
    assert (shape.width.pt, shape.height.pt) == pytest.approx((30, 20), abs=0.5)  # 72 dpi
    blobs = [
        rel.target_part.blob
        for rel in document.part.rels.values()
        if rel.reltype.endswith("/image")
    ]
    assert blobs == [png_bytes()]


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("data:text/html;base64,PGI+", "PNG, JPEG"),
        ("data:image/png;base64,@@@", "base64"),
        ("data:image/png;base64," + "A" * (DATA_URL_MAX_BYTES * 4 // 3 + 8), "larger than 5 MB"),
    ],
)
def test_a_data_url_that_is_not_a_small_picture_is_refused(src: str, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        render(f'<p><img src="{src}" alt="x"></p>')


def test_template_markup_outside_the_vocabulary_is_a_located_warning(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "prfaq.html.j2").write_text(
        '{% extends "builtin/prfaq.html.j2" %}\n'
        "{# <blink> in a comment is fine #}\n"
        "{% block about %}\n"
        "  <p>About <sup>us</sup></p>\n"
        "  <details><summary>More</summary>x</details>\n"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    found = [d.format() for d in scan_templates(folder)]
    name = folder / "prfaq.html.j2"
    assert found == [
        f"{name}:5:3: warning: <details> is outside the HTML vocabulary both writers "
        "understand (docs/templates.md): the DOCX shows only its text",
        f"{name}:5:12: warning: <summary> is outside the HTML vocabulary both writers "
        "understand (docs/templates.md): the DOCX shows only its text",
    ]


def test_the_builtin_template_keeps_to_the_vocabulary() -> None:
    source = (REPO / "templates" / "prfaq.html.j2").read_text("utf-8")
    assert list(scan_source("prfaq.html.j2", source)) == []


def test_a_template_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.html.j2"
    outside.write_text("<blink>x</blink>", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "linked.html.j2").symlink_to(outside)
    assert scan_templates(folder) == []


def table_html(rows: int) -> str:
    body = "".join(f"<tr><td>row {r}</td><td>a</td><td>b</td><td>c</td></tr>" for r in range(rows))
    return (
        "<table><thead><tr><th>Name</th><th colspan='2'>Pair</th><th rowspan='2'>Tall</th></tr>"
        f"<tr><th>n</th><th>p</th><th>q</th></tr></thead><tbody>{body}</tbody></table>"
    )


def calls_to_build(rows: int) -> int:
    """Python function calls made while writing a table of ``rows`` rows: a count
    of work that does not depend on the machine's speed."""
    doc = compose(f"<html><body>{table_html(rows)}</body></html>")
    doc.tree  # noqa: B018 - parse outside the count
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        render_docx(doc)
    finally:
        sys.setprofile(None)
    return count


def test_the_table_builder_is_linear_in_rows_times_columns() -> None:
    """Four times the rows cost about four times the work (a quadratic builder: 16x)."""
    small, large = calls_to_build(100), calls_to_build(400)
    assert large < 5 * small, (small, large)


def test_a_large_table_keeps_its_spans_and_header() -> None:
    document = docx.Document(
        io.BytesIO(render_docx(compose(f"<html><body>{table_html(500)}</body></html>")))
    )
    (table,) = document.tables
    assert isinstance(table, Table)
    assert len(table.rows) == 502
    first = table.rows[0]._tr
    assert first.xpath("./w:tc[2]/w:tcPr/w:gridSpan/@w:val") == ["2"]
    assert first.xpath("./w:tc[3]/w:tcPr/w:vMerge/@w:val") == ["restart"]
    assert table.rows[1]._tr.xpath("./w:tc[4]/w:tcPr/w:vMerge/@w:val") == ["continue"]
    assert len(table._tbl.xpath("./w:tr/w:trPr/w:tblHeader")) == 2
    assert table.cell(501, 0).text == "row 499"


def test_a_quote_inside_a_quote_steps_in_as_in_the_pdf() -> None:
    document = render(
        "<blockquote><p>Outer.</p><blockquote><p>Inner.</p>"
        "<blockquote><p>Third.</p></blockquote></blockquote><p>Outer again.</p></blockquote>"
        "<p>After.</p>"
    )
    by_text = {p.text: p for p in document.paragraphs}
    quote = document.styles["Quote"].paragraph_format.left_indent
    # theme.css: each blockquote is 0.25in of margin and 0.15in of padding in from its parent.
    assert quote == Inches(0.4)
    assert by_text["Outer."].paragraph_format.left_indent is None  # the Quote style's indent
    assert by_text["Inner."].paragraph_format.left_indent == Inches(0.8)
    assert by_text["Third."].paragraph_format.left_indent == Inches(1.2)
    assert by_text["Outer again."].paragraph_format.left_indent is None
    assert {by_text[t].style.name for t in ("Outer.", "Inner.", "Third.")} == {"Quote"}
    assert by_text["After."].style.name == "Normal"
