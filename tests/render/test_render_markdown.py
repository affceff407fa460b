"""Markdown in prose fields, read back from the PDF and the DOCX.

tests/e2e/specs/showcase.yaml uses each construct once; images get their own
specs in a temporary folder (a PNG written with Pillow next to the spec).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from e2e_helpers import (
    MINIMAL,
    NS,
    CountingHandler,
    Rendered,
    TextRun,
    docx_paragraphs,
    docx_text,
    link_uris,
    load_yaml,
    pdf_body_text,
    styled,
    text_runs,
)
from PIL import Image

from prfaqgen.cli import main

pytestmark = pytest.mark.slow


def runs(rendered: Rendered) -> list[TextRun]:
    return [r for i in range(len(rendered.pdf.pages)) for r in text_runs(rendered.pdf, i)]


def run_with(rendered: Rendered, text: str) -> TextRun:
    (found,) = [r for r in runs(rendered) if r.text == text]
    return found


def docx_runs(rendered: Rendered) -> list[tuple[str, bool | None, bool | None, str | None]]:
    """(text, bold, italic, character style) of every body run, hyperlinks included."""
    out = []
    for paragraph in docx_paragraphs(rendered.docx):
        for run in paragraph.iter_inner_content():
            for r in getattr(run, "runs", [run]):
                out.append((r.text, r.bold, r.italic, r.style.name if r.style else None))
    return out


def test_paragraphs_stay_paragraphs(showcase: Rendered) -> None:
    texts = [t for _, t in styled(showcase.docx)]
    first = next(t for t in texts if "Acme today launched Tally" in t)
    second = "A second summary paragraph links to the Tally handbook."
    assert texts[texts.index(first) + 1] == second
    assert "in one paragraph." in first and second not in first
    pdf_lines = [line.strip() for page in showcase.pages for line in page.splitlines()]
    assert second in pdf_lines  # a line of its own


def test_emphasis_strong_and_inline_code(showcase: Rendered) -> None:
    assert "Italic" in run_with(showcase, "emphasis").font
    assert "Bold" in run_with(showcase, "strong words").font
    code = run_with(showcase, "inline code")
    assert "Mono" in code.font
    assert code.size < 11
    found = docx_runs(showcase)
    assert ("emphasis", None, True, "Default Paragraph Font") in found
    assert ("strong words", True, None, "Default Paragraph Font") in found
    assert any(t == "inline code" and style == "Code" for t, _, _, style in found)


def test_links_are_real_hyperlinks_in_both_formats(showcase: Rendered) -> None:
    expected = {
        "small teams": "https://tally.example.com/launch",
        "Tally handbook": "https://docs.tally.example.com/guide",
        "tally.example.com": "https://tally.example.com/start",
    }
    assert {uri for _, uri in link_uris(showcase.pdf)} == set(expected.values())
    body = showcase.part("word/document.xml")
    rels = showcase.part("word/_rels/document.xml.rels")
    found = {}
    for link in body.xpath("//w:hyperlink[@r:id]", namespaces=NS):
        r_id = link.get(f"{{{NS['r']}}}id")
        (rel,) = rels.xpath(f"rel:Relationship[@Id='{r_id}']", namespaces=NS)
        assert rel.get("TargetMode") == "External"
        assert rel.get("Type").endswith("/hyperlink")
        found[link.xpath("string(.)")] = rel.get("Target")
    assert found == expected


def numbered(rendered: Rendered) -> list[tuple[str, str, int, int]]:
    """(text, style, numId, start) of every numbered DOCX paragraph."""
    numbering = rendered.docx.part.numbering_part.element
    out = []
    for p in docx_paragraphs(rendered.docx):
        num_pr = p._p.pPr.numPr if p._p.pPr is not None else None
        if num_pr is None:
            continue
        num_id = num_pr.numId.val
        starts = numbering.xpath(f"w:num[@w:numId='{num_id}']/w:lvlOverride/w:startOverride/@w:val")
        out.append((p.text, p.style.name, num_id, int(starts[0]) if starts else 1))
    return out


def test_bullet_numbered_and_nested_lists_in_the_docx(showcase: Rendered) -> None:
    styles = dict((t, s) for s, t in styled(showcase.docx))
    assert styles["Counts the shelves first."] == "List Number"
    assert styles["A nested bullet about the back room."] == "List Bullet 2"
    assert styles["Plain bullet about phones."] == "List Bullet"
    assert styles["Shops count at least once a month."] == "List Bullet"
    assert styles["Weekly counters are the best fit."] == "List Number 2"
    assert styles["Grocery shops count daily."] == "List Bullet 3"
    lists: dict[int, list[tuple[str, int]]] = {}
    for text, _style, num_id, start in numbered(showcase):
        lists.setdefault(num_id, []).append((text, start))
    firsts = [items[0][0] for items in lists.values()]
    assert firsts == [
        "Counts the shelves first.",
        "Restarted item alpha.",
        "Weekly counters are the best fit.",
        "Counting is faster than writing down.",  # the tenets
    ]
    # Each numbered list is its own list instance, starting at 1.
    assert all(start == 1 for items in lists.values() for _, start in items)
    assert [len(items) for items in lists.values()] == [3, 2, 2, 2]


def test_lists_in_the_pdf_are_numbered_from_one_and_nested(showcase: Rendered) -> None:
    page = runs(showcase)
    markers = [r.text for r in page if re.fullmatch(r"\d+\.|[•◦▪]", r.text)]
    assert markers[:9] == ["1.", "2.", "◦", "◦", "3.", "1.", "2.", "•", "•"]
    outer = run_with(showcase, "Counts the back room second.")
    nested = run_with(showcase, "A nested bullet about the back room.")
    assert nested.x > outer.x > 72
    assert outer.y > nested.y  # below its parent item


def test_block_quotes(showcase: Rendered) -> None:
    quote = "A quoted complaint: counting by hand eats every Friday afternoon."
    styles = dict((t, s) for s, t in styled(showcase.docx))
    (text,) = [t for t in styles if t.startswith(quote)]
    assert styles[text] == "Quote"
    assert text.endswith("The quote goes on for a second line.")
    (first_line,) = [r for r in runs(showcase) if r.text.startswith(quote)]
    assert first_line.x > 72 + 18  # indented
    assert "Italic" in first_line.font


def test_tables(showcase: Rendered) -> None:
    (table,) = [t for t in showcase.docx.tables if t.rows[0].cells[0].text == "Plan"]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Plan", "Price per month"],
        ["Solo", "$5"],
        ["Team", "$20"],
    ]
    assert table.style.name == "Table Grid"
    header_cell = table.rows[0].cells[0].paragraphs[0]
    assert all(run.bold for run in header_cell.runs)
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    spec = load_yaml(showcase.spec)
    assert "Q1. What does Tally cost? Plan Price per month Solo $5 Team $20" in pdf_body_text(
        showcase, spec
    )


def test_raw_html_is_shown_as_text_never_rendered(showcase: Rendered) -> None:
    typed = "Raw HTML stays text: <script>alert(1)</script> and <i>not italic</i> are shown"
    spec = load_yaml(showcase.spec)
    assert typed in pdf_body_text(showcase, spec)
    assert typed in docx_text(showcase.docx)
    italic = [t for t, _, i, _ in docx_runs(showcase) if i and "not italic" in t]
    assert not italic
    (line,) = [r for r in runs(showcase) if r.text.startswith("Raw HTML stays text")]
    assert "Italic" not in line.font and "not italic" in line.text


def test_autoescaped_title_appears_literally(showcase: Rendered) -> None:
    title = "Tally <b>x</b>"
    assert run_with(showcase, title).size == pytest.approx(14, abs=0.5)  # the title line
    assert showcase.pdf.metadata.title == title
    assert styled(showcase.docx)[0] == ("Title", title)
    assert showcase.docx.core_properties.title == title
    assert showcase.docx.sections[0].header.paragraphs[0].text.startswith(f"{title} · ")
    assert all(f"{title} · Version 1.0" in page for page in showcase.pages)


# --------------------------------------------------------------------------- images


def write_png(path: Path, size: tuple[int, int] = (40, 20)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 30, 30)).save(path)
    return path


def spec_with_image(folder: Path, src: str) -> Path:
    """The minimal spec with an image in its problem field, written into ``folder``."""
    text = MINIMAL.read_text("utf-8").replace(
        "  problem: Closing the books takes five days.\n",
        f"  problem: |\n    Closing the books takes five days.\n\n    ![A red chart]({src})\n",
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spec.yaml"
    path.write_text(text, "utf-8")
    return path


def test_an_image_next_to_the_spec_is_embedded_in_both_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_png(tmp_path / "specs" / "img" / "chart.png")
    spec = spec_with_image(tmp_path / "specs", "img/chart.png")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["render", str(spec), "-o", "out"])
    assert result.exit_code == 0, result.output
    rendered = Rendered(spec, tmp_path / "out", result.stdout, result.stderr, 0)
    xobjects = rendered.pdf.pages[0]["/Resources"].get("/XObject", {})
    images = [x.get_object() for x in xobjects.values()]
    assert [(i["/Subtype"], i["/Width"], i["/Height"]) for i in images] == [("/Image", 40, 20)]
    (shape,) = rendered.docx.inline_shapes
    assert shape.width > 0
    descr = rendered.part("word/document.xml").xpath("//wp:docPr/@descr", namespaces=NS)
    assert descr == ["A red chart"]


IMAGE_CASES = {
    "url": ("{server}/x.png", "image `{server}/x.png` is a URL; prfaqgen never fetches anything"),
    "absolute": ("{outside}", "image `{outside}` is an absolute path"),
    "parent": ("../outside.png", "image `../outside.png` is outside the spec's folder"),
    "symlink": ("link.png", "image `link.png` is outside the spec's folder"),
    "missing": ("missing.png", "image `missing.png` was not found"),
}


@pytest.mark.parametrize("case", list(IMAGE_CASES))
def test_images_from_elsewhere_are_refused_with_a_located_message(
    case: str, tmp_path: Path, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = write_png(tmp_path / "outside.png")
    folder = tmp_path / "specs"
    folder.mkdir()
    os.symlink(outside, folder / "link.png")
    src_template, message_template = IMAGE_CASES[case]
    values = {"server": server, "outside": str(outside)}
    spec = spec_with_image(folder, src_template.format(**values))
    text = spec.read_text("utf-8").splitlines()
    # the error points at the image's own line inside the `|` block, not at the field
    line = next(i for i, t in enumerate(text, 1) if "![" in t)
    column = len(text[line - 1]) - len(text[line - 1].lstrip()) + 1
    monkeypatch.chdir(folder)

    result = CliRunner().invoke(main, ["render", "spec.yaml", "-o", "out"])

    assert result.exit_code == 1
    errors = [ln for ln in result.stdout.splitlines() if "warning:" not in ln]
    assert len(errors) == 1, result.output
    expected = f"spec.yaml:{line}:{column}: press_release.problem: " + message_template.format(
        **values
    )
    assert errors[0].startswith(expected)
    assert not (folder / "out").exists()
    assert CountingHandler.requests == []
    assert "Traceback" not in result.output
