"""The rendered PR/FAQ read back from the PDF and the DOCX: canonical order, the
six-page style, page furniture, metadata, outline and Word styles.

specs/example.yaml (every part) and a minimal spec (required parts only) are
rendered once per session through the real command line (see tests/e2e/e2e_helpers.py).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

import pytest
from docx.shared import Twips

from prfaqgen.compose.typography import smart_text
from tests.e2e.e2e_helpers import (
    FOOTER,
    NS,
    Rendered,
    W,
    docx_names,
    docx_paragraphs,
    docx_text,
    embedded_fonts,
    example_spec,
    field_phrases,
    find_in_order,
    has_watermark,
    headings,
    load_yaml,
    long_date,
    outline,
    pdf_body_text,
    plain_inline,
    running_header,
    styled,
    text_runs,
)

pytestmark = pytest.mark.slow

LETTER = (612.0, 792.0)
A4 = (595.28, 841.89)
INCH = 72.0


def questions(spec: dict[str, Any]) -> list[str]:
    items = (spec["faq"].get("external") or []) + (spec["faq"].get("internal") or [])
    return [f"Q{n}. {plain_inline(item['q'])}" for n, item in enumerate(items, 1)]


def expected_outline(spec: dict[str, Any]) -> list[tuple[int, str]]:
    """The bookmarks the document should have: sections at 0/1, questions at 2."""
    pr = spec["press_release"]
    entries = [(0, "Press release"), (1, plain_inline(pr["headline"]))]
    entries.append((0, "Frequently asked questions"))
    numbered = iter(questions(spec))
    for group, heading in (("external", "Customer questions"), ("internal", "Internal questions")):
        if spec["faq"].get(group):
            entries.append((1, heading))
            entries += [(2, next(numbered)) for _ in spec["faq"][group]]
    if spec.get("customer"):
        entries.append((0, "The five customer questions"))
    for key, heading in (("tenets", "Tenets"), ("metrics", "Success metrics")):
        if spec.get(key):
            entries.append((0, heading))
    if spec.get("glossary"):
        entries.append((0, "Glossary"))
    if spec.get("appendix"):
        entries.append((0, "Appendix"))
        entries += [
            (1, f"{chr(ord('A') + i)}. {plain_inline(a['title'])}")
            for i, a in enumerate(spec["appendix"])
        ]
    return entries


# --------------------------------------------------------------------------- order


def test_header_block_opens_both_documents(example: Rendered) -> None:
    meta_line = (
        "Author: Marisol Vega · Team: Clinic Growth · Date: November 22, 2026 · "
        "Version: 0.4 · Status: Draft"
    )
    reviewers = "Reviewers: Tom Becker, Aiko Tanaka, Priya Natarajan"
    # A compact title block: the title, then one line of facts; the PDF sets the
    # section label in capitals (CSS), the DOCX with Word's All caps.
    assert pdf_body_text(example, example_spec()).startswith(
        f"Gapfill {meta_line} · {reviewers} PRESS RELEASE"
    )
    first = styled(example.docx)[:4]
    assert first == [
        ("Title", "Gapfill"),
        ("Document Info", f"{meta_line} · {reviewers}"),
        ("Section Label", "Press release"),
        ("Headline", example.docx.paragraphs[3].text),
    ]


def test_summary_opens_with_the_dateline(example: Rendered) -> None:
    dateline = "Portland, Oregon (Business Wire) \u2013 April 13, 2027 \u2013"
    opening = f"{dateline} Northfork Clinic Software today launched Gapfill"
    assert opening in pdf_body_text(example, example_spec())
    (summary,) = [p for p in example.docx.paragraphs if p.text.startswith(dateline)]
    assert " ".join(summary.text.split()).startswith(opening)
    # The dateline is set off in bold in both formats.
    assert summary.runs[0].bold and summary.runs[0].text.strip() == dateline
    runs = text_runs(example.pdf, 0)
    (dateline_run,) = [r for r in runs if r.text.startswith("Portland, Oregon (Business Wire)")]
    assert "Bold" in dateline_run.font


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_every_field_of_the_example_appears_in_canonical_order(example: Rendered, fmt: str) -> None:
    spec = example_spec()
    text = pdf_body_text(example, spec) if fmt == "pdf" else docx_text(example.docx)
    phrases = field_phrases(spec)
    positions = find_in_order(text, phrases)
    missing = [wanted for wanted, at in positions if at < 0]
    assert not missing, f"not found in order in the {fmt.upper()}: {missing}"
    assert len(phrases) > 90  # every prose field, quote, question, metric, term


FIVE_QUESTIONS = (
    "Who is the customer?",
    "What is the customer problem or opportunity?",
    "What is the most important customer benefit?",
    "How do you know what customers need or want?",
    "What does the customer experience look like?",
)


def test_sections_come_in_canonical_order_in_the_docx(example: Rendered) -> None:
    levels = {0: "Heading 1", 1: "Heading 2", 2: "Heading 3"}
    expected = [("Title", "Gapfill")]
    for depth, title in expected_outline(example_spec()):
        if title == "Press release":
            expected.append(("Section Label", title))
            continue
        if depth == 1 and not expected[-1][0].startswith("Heading"):
            expected.append(("Headline", title))
            continue
        if title == "Frequently asked questions":
            expected.append(("Heading 3", "About"))  # the press release's last part
        expected.append((levels[depth], title))
        if title == "The five customer questions":
            expected += [("Heading 3", q) for q in FIVE_QUESTIONS]
    assert headings(example.docx) == expected


def test_faq_questions_are_numbered_customer_first(example: Rendered) -> None:
    spec = example_spec()
    numbered = questions(spec)
    assert len(numbered) == 16
    pdf_text = pdf_body_text(example, spec)
    docx_questions = [t for s, t in headings(example.docx) if re.match(r"Q\d+\. ", t)]
    assert docx_questions == numbered
    assert all(at >= 0 for _, at in find_in_order(pdf_text, numbered))
    assert pdf_text.index("Customer questions") < pdf_text.index("Q1. ")
    assert pdf_text.index("Q8. ") < pdf_text.index("Internal questions") < pdf_text.index("Q9. ")


def test_success_metrics_are_a_table_in_both_formats(example: Rendered) -> None:
    spec = example_spec()
    metrics_table = next(t for t in example.docx.tables if t.rows[0].cells[0].text == "Metric")
    rows = [[c.text for c in row.cells] for row in metrics_table.rows]
    assert rows[0] == ["Metric", "Baseline", "Target", "By"]
    assert rows[1:] == [
        [m["name"], m["baseline"], m["target"], long_date(m["by"])] for m in spec["metrics"]
    ]
    assert metrics_table.style.name == "Table Grid"
    assert "Success metrics Metric Baseline Target By Late cancellations" in pdf_body_text(
        example, spec
    )


def test_appendix_comes_last_and_starts_on_a_new_page(example: Rendered) -> None:
    spec = example_spec()
    # PDF: the appendix heading is the first body text of its page, and nothing follows
    # the appendix.
    page = next(i for i, t in enumerate(example.pages) if "\nAppendix\n" in f"\n{t}\n")
    body_lines = [
        line
        for line in example.pages[page].splitlines()
        if line.strip() not in ("DRAFT", running_header(spec))
    ]
    assert body_lines[0] == "Appendix"
    assert page > 0 and "Glossary" in example.pages[page - 1]
    assert outline(example.pdf)[-3:] == [
        (0, "Appendix"),
        (1, "A. Financial model"),
        (1, "B. Customer research"),
    ]
    last_words = plain_inline(spec["appendix"][-1]["body"].strip().splitlines()[-1])
    assert pdf_body_text(example, spec).endswith(last_words)
    # DOCX: a page break before the heading; the appendix is the end of the body.
    paragraphs = list(docx_paragraphs(example.docx))
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Appendix")
    assert paragraphs[index].style.name == "Heading 1"
    assert starts_new_page(paragraphs[index]) or starts_new_page(paragraphs[index - 1])
    assert [p.text for p in paragraphs if p.text.strip()][-1] == last_words


def starts_new_page(paragraph: Any) -> bool:
    p = paragraph._p
    return bool(
        p.xpath("./w:pPr/w:pageBreakBefore[not(@w:val='0') and not(@w:val='false')]")
        or (not paragraph.text.strip() and p.xpath(".//w:br[@w:type='page']"))
    )


ABSENT_HEADINGS = (
    "About",
    "Internal questions",
    "The five customer questions",
    "Tenets",
    "Success metrics",
    "Glossary",
    "Appendix",
)


def test_absent_optional_parts_leave_no_heading(minimal: Rendered) -> None:
    spec = load_yaml(minimal.spec)
    assert outline(minimal.pdf) == [
        (0, "Press release"),
        (1, "Acme launches Ledger"),
        (0, "Frequently asked questions"),
        (1, "Customer questions"),
        (2, "Q1. How much does it cost?"),
    ]
    assert headings(minimal.docx) == [
        ("Title", "Ledger"),
        ("Section Label", "Press release"),
        ("Headline", "Acme launches Ledger"),
        ("Heading 1", "Frequently asked questions"),
        ("Heading 2", "Customer questions"),
        ("Heading 3", "Q1. How much does it cost?"),
    ]
    pdf_lines = {line.strip() for page in minimal.pages for line in page.splitlines()}
    docx_lines = {p.text.strip() for p in docx_paragraphs(minimal.docx)}
    for heading in ABSENT_HEADINGS:
        assert heading not in pdf_lines
        assert heading not in docx_lines
    # No empty paragraphs stand in for the missing parts either.
    assert all(p.text.strip() for p in docx_paragraphs(minimal.docx))
    assert "Team:" not in docx_text(minimal.docx) and "Reviewers:" not in docx_text(minimal.docx)
    # The FAQ starts on a page of its own, after the press release.
    assert len(minimal.pdf.pages) == 2
    assert minimal.pages[1].lstrip().startswith("Frequently asked questions") or (
        "Frequently asked questions" not in minimal.pages[0]
    )
    assert pdf_body_text(minimal, spec).endswith("Q1. How much does it cost? Ten dollars a month.")


# --------------------------------------------------------------------------- page style


def sizes(rendered: Rendered) -> set[tuple[float, float]]:
    return {
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in rendered.pdf.pages
    }


def page_size_twips(rendered: Rendered) -> tuple[int, int]:
    (size,) = rendered.part("word/document.xml").xpath("//w:sectPr/w:pgSz", namespaces=NS)
    return int(size.get(f"{{{W}}}w")), int(size.get(f"{{{W}}}h"))


def test_letter_is_the_default_paper(example: Rendered) -> None:
    assert sizes(example) == {LETTER}
    assert page_size_twips(example) == (12240, 15840)
    section = example.docx.sections[0]
    assert (section.page_width, section.page_height) == (Twips(12240), Twips(15840))


def test_a4_on_request(example_variant: Rendered) -> None:
    assert sizes(example_variant) == {A4}
    assert page_size_twips(example_variant) == (11906, 16838)


def test_one_inch_margins(example: Rendered) -> None:
    width, height = LETTER
    header = running_header(example_spec())
    for index in range(len(example.pdf.pages)):
        runs = [r for r in text_runs(example.pdf, index) if r.text != "DRAFT"]
        body = [r for r in runs if r.text != header and not FOOTER.match(r.text)]
        assert min(r.x for r in body) == pytest.approx(INCH, abs=0.5)
        assert all(INCH <= r.y <= height - INCH for r in body)
        (top,) = [r for r in runs if r.text == header]
        (bottom,) = [r for r in runs if FOOTER.match(r.text)]
        assert top.y > height - INCH and bottom.y < INCH  # in the margins
        assert INCH < top.x < width - INCH
    (margins,) = example.part("word/document.xml").xpath("//w:sectPr/w:pgMar", namespaces=NS)
    for side in ("top", "bottom", "left", "right"):
        assert margins.get(f"{{{W}}}{side}") == "1440"


def test_carlito_is_embedded_and_the_body_is_10_5_to_11_pt(example: Rendered) -> None:
    fonts = embedded_fonts(example.pdf)
    assert {"Carlito", "Carlito-Bold", "Carlito-Italic"} <= set(fonts)
    assert all(fonts.values()), f"fonts not embedded: {fonts}"
    weight: dict[tuple[str, float], int] = {}
    for index in range(len(example.pdf.pages)):
        for run in text_runs(example.pdf, index):
            key = (run.font.split("+")[-1], round(run.size, 2))
            weight[key] = weight.get(key, 0) + len(run.text)
    (font, size), _ = max(weight.items(), key=lambda item: item[1])
    assert font == "Carlito"
    assert 10.5 <= size <= 11.0


def test_docx_normal_style_names_calibri(example: Rendered) -> None:
    normal = example.docx.styles["Normal"]
    assert normal.font.name == "Calibri"
    assert normal.font.size is not None and 10.5 <= normal.font.size.pt <= 11


def test_every_pdf_page_has_the_running_header_and_page_x_of_y(example: Rendered) -> None:
    header = running_header(example_spec())
    assert header == (
        "Gapfill · Version 0.4 · November 22, 2026 · Draft · Confidential \u2013 internal use only"
    )
    count = len(example.pages)
    for number, text in enumerate(example.pages, 1):
        lines = [line.strip() for line in text.splitlines()]
        assert header in lines, f"page {number}"
        assert f"Page {number} of {count}" in lines, f"page {number}"


def test_docx_header_and_footer_use_page_fields(example: Rendered) -> None:
    section = example.docx.sections[0]
    assert [p.text for p in section.header.paragraphs] == [running_header(example_spec())]
    footer = example.part("word/footer1.xml")
    instructions = [t.strip() for t in footer.xpath("//w:instrText/text()", namespaces=NS)]
    assert instructions == ["PAGE", "NUMPAGES"]
    texts = footer.xpath("//w:t/text()", namespaces=NS)
    assert texts[0] == "Page " and " of " in texts
    assert section.footer.paragraphs[0].style.name == "Footer"
    assert section.header.paragraphs[0].style.name == "Header"


def draft_runs(rendered: Rendered, index: int) -> list[Any]:
    return [r for r in text_runs(rendered.pdf, index) if r.text == "DRAFT"]


def test_draft_mark_on_every_page_of_a_draft(example: Rendered) -> None:
    for index in range(len(example.pdf.pages)):
        (mark,) = draft_runs(example, index)
        assert mark.size > 50  # the large diagonal mark, not a word of the text
    assert has_watermark(example)
    assert "DRAFT" not in docx_text(example.docx)


def test_no_draft_mark_when_turned_off_or_final(
    example_variant: Rendered, minimal: Rendered
) -> None:
    for rendered in (example_variant, minimal):
        assert not any(draft_runs(rendered, i) for i in range(len(rendered.pdf.pages)))
        assert not has_watermark(rendered)
    assert "Final" in minimal.pages[0]


def line_numbers(rendered: Rendered, index: int) -> list[int]:
    return [
        int(r.text)
        for r in text_runs(rendered.pdf, index)
        if r.text.isdigit() and r.x < INCH - 5  # in the left margin
    ]


def test_line_numbers_in_both_formats_only_on_request(
    example_variant: Rendered, example: Rendered
) -> None:
    numbers = [line_numbers(example_variant, i) for i in range(len(example_variant.pdf.pages))]
    assert all(numbers), "a page without line numbers"
    flat = [n for page in numbers for n in page]
    assert flat == list(range(1, len(flat) + 1))  # continuous over the pages
    lines_on_page_two = len(pdf_body_lines(example_variant, 1))
    assert abs(len(numbers[1]) - lines_on_page_two) <= 2
    (numbering,) = example_variant.part("word/document.xml").xpath(
        "//w:sectPr/w:lnNumType", namespaces=NS
    )
    assert numbering.get(f"{{{W}}}countBy") == "1"
    assert not any(line_numbers(example, i) for i in range(len(example.pdf.pages)))
    assert not example.part("word/document.xml").xpath("//w:lnNumType", namespaces=NS)


def pdf_body_lines(rendered: Rendered, index: int) -> list[str]:
    text = re.sub(r"(\n\d+)+\s*$", "", rendered.pages[index])
    header = running_header(example_spec())
    return [
        line
        for line in text.splitlines()
        if line.strip()
        and line.strip() not in (header, "DRAFT")
        and not FOOTER.match(line.strip())
        and not re.fullmatch(r"\d+\.|[•◦▪]", line.strip())
    ]


# --------------------------------------------------------------------------- PDF metadata


def test_pdf_metadata_comes_from_the_spec(example: Rendered) -> None:
    spec = example_spec()
    info = example.pdf.metadata
    assert info.title == "Gapfill"
    assert info.author == "Marisol Vega"
    assert info.subject == smart_text(spec["press_release"]["headline"])
    assert info["/Keywords"] == "healthcare, scheduling, small-business"
    assert info["/CreationDate"] == info["/ModDate"] == "D:20261122000000Z"
    assert info.creation_date == datetime(2026, 11, 22, tzinfo=timezone.utc)
    assert str(example.pdf.trailer["/Root"]["/Lang"]) == "en"


def test_pdf_has_a_bookmark_for_every_section_and_question(example: Rendered) -> None:
    spec = example_spec()
    entries = outline(example.pdf)
    assert entries == expected_outline(spec)
    sections = [e for e in entries if not re.match(r"Q\d+\. ", e[1])]
    assert len(entries) == len(questions(spec)) + len(sections) == 16 + 12
    # Each bookmark points at the page its heading is on.
    pages = {
        item.title: example.pdf.get_destination_page_number(item)
        for item in flatten(example.pdf.outline)
    }
    for title, page in pages.items():
        # (case aside: the press release label is set in capitals)
        assert normalise_lines(title).lower() in normalise_lines(example.pages[page]).lower()


def flatten(entries: list[Any]) -> list[Any]:
    out = []
    for entry in entries:
        out += flatten(entry) if isinstance(entry, list) else [entry]
    return out


def normalise_lines(text: str) -> str:
    return " ".join(text.split())


def test_pdf_text_is_selectable_on_every_page(example: Rendered) -> None:
    for index, text in enumerate(example.pages):
        assert len(text.split()) > 50, f"page {index + 1} has no text layer"
    assert "Northfork launches Gapfill" in example.pages[0]


def test_subject_is_the_headline_as_plain_text(showcase: Rendered) -> None:
    expected = "Acme launches Tally, the tally counter for small teams"
    assert showcase.pdf.metadata.subject == expected
    assert showcase.docx.core_properties.subject == expected


# ---------------------------------------------------------------- DOCX styles and properties


def test_docx_uses_real_word_styles(example: Rendered) -> None:
    used = {style for style, _ in styled(example.docx)}
    assert {
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Section Label",
        "Headline",
        "Document Info",
        "Quotation",
        "Attribution",
        "List Bullet",
        "List Number",
        "Normal",
    } <= used
    assert {t.style.name for t in example.docx.tables} == {"Table Grid"}
    body = example.part("word/document.xml")
    links = body.xpath("//w:hyperlink", namespaces=NS)
    assert links
    for link in links:
        assert set(link.xpath(".//w:rStyle/@w:val", namespaces=NS)) == {"Hyperlink"}
    # Every style named in the body is defined in styles.xml.
    defined = set(example.part("word/styles.xml").xpath("//w:style/@w:styleId", namespaces=NS))
    named = set(
        body.xpath("//w:pStyle/@w:val | //w:rStyle/@w:val | //w:tblStyle/@w:val", namespaces=NS)
    )
    assert named <= defined
    # No direct formatting stands in for a style: no font sizes or faces on runs.
    assert not body.xpath("//w:r/w:rPr/w:sz | //w:r/w:rPr/w:rFonts", namespaces=NS)


def test_docx_core_properties_come_from_the_spec(example: Rendered) -> None:
    props = example.docx.core_properties
    spec = example_spec()
    assert props.title == "Gapfill"
    assert props.author == props.last_modified_by == "Marisol Vega"
    assert props.subject == smart_text(spec["press_release"]["headline"])
    assert props.keywords == "healthcare, scheduling, small-business"
    meta_date = datetime(2026, 11, 22, tzinfo=timezone.utc)
    assert props.created == props.modified == meta_date
    assert props.comments == props.category == ""
    for name in docx_names(example.docx_bytes):
        if name.startswith("docProps/"):
            with_text = example.part(name)
            raw = "".join(with_text.itertext())
            assert "python-docx" not in raw.lower(), name
            assert "Microsoft" not in raw, name
    (application,) = example.part("docProps/app.xml").xpath(
        "//*[local-name()='Application']/text()"
    )
    assert application == "prfaqgen"
