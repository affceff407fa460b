"""The press release reads like one, in the PDF and in the DOCX.

Read back as a reader's tools see it: pypdf for the PDF's text, sizes and
pages; python-docx for the Word paragraphs and their styles.
"""

from __future__ import annotations

import re

import pytest
from e2e_helpers import (
    MINIMAL,
    NS,
    REPO,
    Rendered,
    W,
    docx_names,
    docx_paragraphs,
    docx_text,
    example_spec,
    normalise,
    render_cached,
    running_header,
    text_runs,
)

pytestmark = pytest.mark.slow

HEADLINE = "Acme launches “Quick Close” – month-end in one day for small finance teams"


def page_text(rendered: Rendered, index: int) -> str:
    return normalise(rendered.pages[index])


def test_the_headline_is_the_largest_text_on_page_one(example: Rendered) -> None:
    runs = [r for r in text_runs(example.pdf, 0) if r.text.strip() != "DRAFT"]
    largest = max(r.size for r in runs)
    headline_runs = [r for r in runs if r.size == largest]
    assert " ".join(r.text.strip() for r in headline_runs).startswith("Northfork launches Gapfill")
    # Larger than the title, the section label and any other heading on the page.
    others = {round(r.size, 1) for r in runs if r.size != largest}
    assert max(others) < largest - 2
    title = next(r for r in runs if r.text.strip() == "Gapfill")
    assert title.size < largest
    # The DOCX: the Headline style is the largest on its first page too.
    sizes = {p.style.name: p.style.font.size for p in example.docx.paragraphs[:6]}
    assert sizes["Headline"] is not None
    assert all(
        size is None or size < sizes["Headline"]
        for name, size in sizes.items()
        if name != "Headline"
    )


def test_the_title_block_is_compact(example: Rendered) -> None:
    """Title, one line of facts, the label: the headline starts in the top quarter."""
    runs = text_runs(example.pdf, 0)
    headline = next(r for r in runs if r.text.startswith("Northfork launches"))
    height = float(example.pdf.pages[0].mediabox.height)
    assert headline.y > height * 0.72


def test_the_faq_starts_on_page_two(example: Rendered) -> None:
    """The press release is a page of its own; the FAQ opens page 2."""
    assert "Frequently asked questions" not in page_text(example, 0)
    header = running_header(example_spec())
    lines = [line.strip() for line in example.pages[1].splitlines()]
    body = [line for line in lines if line and line not in ("DRAFT", header)]
    assert body[0] == "Frequently asked questions"
    paragraphs = list(docx_paragraphs(example.docx))
    faq = next(p for p in paragraphs if p.text == "Frequently asked questions")
    assert faq._p.xpath("./w:pPr/w:pageBreakBefore")


def test_faq_same_page_keeps_the_faq_under_the_release(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    rendered = render_cached(tmp_path_factory, MINIMAL, "--faq-same-page")
    assert len(rendered.pdf.pages) == 1
    assert "Frequently asked questions" in page_text(rendered, 0)
    faq = next(p for p in rendered.docx.paragraphs if p.text == "Frequently asked questions")
    assert not faq._p.xpath("./w:pPr/w:pageBreakBefore")


def test_typographic_quotes_and_dashes_in_both_formats(press: Rendered) -> None:
    pdf = " ".join(normalise(page) for page in press.pages)
    docx = docx_text(press.docx)
    for text in (pdf, docx):
        assert HEADLINE in text
        assert "Small teams close the month in one day – not five" in text
        assert "Denver, Colorado (PR Wire) – May 4, 2027 – Acme today launched" in text
        assert "It’s built for teams of 2 to 10 people – the ones who “close” by hand" in text
        assert "on the close — a quarter of its time" in text
        assert "Tally’s “Quick Close”" in text and "Sam O’Neill" in text
        # Code and URLs stay exactly as typed.
        assert 'tally sync --since "last week"' in text
        assert "https://example.com/docs--quick-close" in text
        assert 'tally import --bank "chase"' in text and "tally import --bank 'wells'" in text


def test_quotes_read_as_quotations_with_attribution(press: Rendered) -> None:
    styled = [(p.style.name, p.text) for p in press.docx.paragraphs if p.text.strip()]
    attributions = [text for style, text in styled if style == "Attribution"]
    assert attributions == [
        "— Dana Whitfield, Chief Executive Officer, Acme",
        "— Ines Moreau, Controller, a 40-person design studio",
        "— Omar Haddad, Finance lead, a clinic group",
        "— Lucy Chen",
    ]
    quotes = [text for style, text in styled if style == "Quotation"]
    assert len(quotes) == 4
    assert all(q.startswith("“") and q.endswith("”") for q in quotes)
    assert "“I used to dread the last week of the month. Now it’s a Tuesday.”" in quotes
    pdf = normalise(press.pages[0])
    for line in attributions:
        assert line in pdf
    assert pdf.index("Dana Whitfield") < pdf.index("Ines Moreau") < pdf.index("Lucy Chen")


def test_separate_blocks_stay_separate_in_the_docx(press: Rendered) -> None:
    """Two quotes and two code blocks in a row: Word must not join them in one box."""
    body = press.part("word/document.xml")

    def border_colors(text: str) -> set[str]:
        (p,) = [p for p in body.iter(f"{{{W}}}p") if "".join(p.itertext()) == text]
        colors = p.xpath("./w:pPr/w:pBdr/*/@w:color", namespaces={"w": W})
        style = p.xpath("./w:pPr/w:pStyle/@w:val", namespaces={"w": W})
        return set(colors) or {f"style:{style[0]}"}

    first, second = 'tally import --bank "chase"', "tally import --bank 'wells'"
    assert border_colors(first) != border_colors(second)
    assert border_colors("Every bank we tried:") != border_colors("A second, separate quote.")
    # The list inside the first quote is inside it: same rule, indented, italic.
    assert border_colors("Chase") == border_colors("Every bank we tried:")
    (chase,) = [p for p in press.docx.paragraphs if p.text == "Chase"]
    assert chase.style.name == "List Bullet" and all(run.italic for run in chase.runs)
    assert (
        chase.paragraph_format.left_indent > press.docx.styles["Quote"].paragraph_format.left_indent
    )


def test_table_columns_are_sized_from_their_content(press: Rendered) -> None:
    (table,) = press.docx.tables
    widths = [int(c) for c in table._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]
    # "Price per month" is the widest column; the table is narrower than the page.
    assert widths[1] == max(widths)
    assert sum(widths) < 9360
    # A paragraph after the table keeps the theme's 8pt distance.
    after = next(p for p in press.docx.paragraphs if p.text == "Prices include tax.")
    assert after.paragraph_format.space_before is not None
    assert after.paragraph_format.space_before.pt == pytest.approx(8)


def test_the_draft_mark_is_as_light_in_the_docx_as_in_the_pdf(example: Rendered) -> None:
    css = (REPO / "templates" / "theme" / "theme.css").read_text("utf-8")
    rule = css[css.index("\n.draft-mark {") :]
    found = re.search(r"color:\s*(#[0-9a-f]{6})", rule[: rule.index("}")])
    assert found is not None
    pdf_grey = found.group(1)
    (shape,) = [
        shape
        for name in docx_names(example.docx_bytes)
        if re.fullmatch(r"word/header\d*\.xml", name)
        for shape in example.part(name).xpath("//v:shape", namespaces=NS)
    ]
    assert shape.get("fillcolor") == pdf_grey == "#ececec"
    assert not shape.xpath("./v:fill", namespaces=NS)  # opaque: no extra transparency
