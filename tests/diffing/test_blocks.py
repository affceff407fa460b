"""Block-level merge: new, gone and changed blocks are marked; the rest is the new document."""

from __future__ import annotations

import lxml.html
from lxml.html import HtmlElement

from prfaqgen.diffing.blocks import merge_documents
from prfaqgen.diffing.words import Mark

MARK = Mark("Ana Ruiz", "2026-11-29T00:00:00Z")


def page(body: str) -> HtmlElement:
    return lxml.html.document_fromstring(f"<html><head></head><body>{body}</body></html>")


def merge(old: str, new: str) -> HtmlElement:
    body = merge_documents(page(old), page(new), MARK).find("body")
    assert body is not None
    return body


def marked(el: HtmlElement) -> list[HtmlElement]:
    marks = {"diff-ins", "diff-del", "diff-changed"}
    return [e for e in el.iter() if e.tag in ("ins", "del") or marks & set(e.classes)]


def text(el: HtmlElement, tag: str) -> list[str]:
    return [e.text_content() for e in el.iter(tag) if "change" in e.classes]


def test_unchanged_documents_merge_to_the_new_one_without_marks() -> None:
    html = '<section id="faq"><h1>FAQ</h1><p>One <em>two</em>.</p></section>'
    body = merge(html, html)
    assert marked(body) == []
    assert lxml.html.tostring(body[0], encoding="unicode") == html


def test_an_inserted_and_a_deleted_paragraph_are_whole_blocks() -> None:
    body = merge(
        "<section><p>Keep this.</p><p>Drop this one.</p><p>And this.</p></section>",
        "<section><p>Keep this.</p><p>And this.</p><p>A brand new closing line.</p></section>",
    )
    paragraphs = body.findall(".//p")
    assert [p.get("class") for p in paragraphs] == [None, "diff-del", None, "diff-ins"]
    assert text(body, "del") == ["Drop this one."]
    assert text(body, "ins") == ["A brand new closing line."]
    assert paragraphs[1].get("data-author") == "Ana Ruiz"
    assert paragraphs[3].get("datetime") == "2026-11-29T00:00:00Z"


def test_a_reworded_paragraph_is_merged_word_by_word() -> None:
    body = merge(
        "<div><p>Gapfill texts waitlisted patients in order.</p></div>",
        "<div><p>Gapfill immediately texts waitlisted patients in order.</p></div>",
    )
    (p,) = body.findall(".//p")
    assert p.get("class") == "diff-changed"
    assert text(body, "ins") == [" immediately"]
    assert text(body, "del") == []


def test_a_question_inserted_before_others_pairs_the_others_with_their_old_selves() -> None:
    old = (
        '<h3 id="q1">Q1. How much does it cost?</h3><div class="answer"><p>$49 a month.</p></div>'
        '<h3 id="q2">Q2. How do I get help?</h3><div class="answer"><p>Call us.</p></div>'
    )
    new = (
        '<h3 id="q1">Q1. Can patients choose openings?</h3><div class="answer"><p>Yes.</p></div>'
        '<h3 id="q2">Q2. How much does it cost?</h3><div class="answer"><p>$49 a month.</p></div>'
        '<h3 id="q3">Q3. How do I get help?</h3><div class="answer"><p>Call us.</p></div>'
    )
    body = merge(f"<section>{old}</section>", f"<section>{new}</section>")
    headings = body.findall(".//h3")
    assert [h.get("class") for h in headings] == ["diff-ins", "diff-changed", "diff-changed"]
    assert text(body, "del") == ["Q1", "Q2"]  # only the numbers changed
    answers = [d for d in body.iter("div") if "answer" in d.classes]
    assert [a.get("class") for a in answers] == ["answer diff-ins", "answer", "answer"]


def test_a_deleted_block_loses_its_ids_and_page_parts_come_from_the_new_document() -> None:
    body = merge(
        '<div class="running-header">Old</div><h3 id="q9">Q9. Gone?</h3><p>Stays.</p>',
        '<div class="running-header">New</div><p>Stays.</p>',
    )
    assert body[0].get("class") == "running-header" and body[0].text == "New"
    (gone,) = [h for h in body.iter("h3") if "diff-del" in h.classes]
    assert gone.get("id") is None
    assert sum("running-header" in e.classes for e in body.iter()) == 1


def test_list_items_and_table_rows_are_blocks() -> None:
    table = "<table><tbody><tr><td>Refills</td><td>55%</td></tr>{}</tbody></table>"
    body = merge(
        "<ol><li>Customers first.</li><li>Text, never call.</li></ol>"
        + table.format("<tr><td>Minutes a day</td><td>10</td></tr>"),
        "<ol><li>Customers first.</li><li>Clinics own their data.</li>"
        "<li>Text, never call.</li></ol>"
        + table.format("<tr><td>Minutes a day</td><td>8</td></tr><tr><td>New</td><td>1</td></tr>"),
    )
    assert [li.get("class") for li in body.iter("li")] == [None, "diff-ins", None]
    rows = body.findall(".//tr")
    assert [r.get("class") for r in rows] == [None, "diff-changed", "diff-ins"]
    assert rows[1].findall("td")[1].get("class") == "diff-changed"
    assert text(rows[1], "del") == ["10"] and text(rows[1], "ins") == ["8"]


def test_a_table_whose_columns_changed_is_replaced_whole() -> None:
    body = merge(
        "<table><tr><td>a</td><td>b</td></tr></table>",
        "<table><tr><td>a</td><td>b</td><td>c</td></tr></table>",
    )
    assert [t.get("class") for t in body.iter("table")] == ["diff-del", "diff-ins"]


def test_the_cells_of_a_changed_row_pair_in_order() -> None:
    # "3.14" moves one cell left: still four cells, each merged with its old self.
    body = merge(
        "<table><tr><td>Income</td><td>-1.48</td><td>3.14</td><td>0.09</td></tr></table>",
        "<table><tr><td>Income</td><td>3.14</td><td>0.09</td><td></td></tr></table>",
    )
    (row,) = body.iter("tr")
    assert [c.get("class") for c in row] == [None, "diff-changed", "diff-changed", "diff-changed"]
    assert marked(body) and not [e for e in body.iter() if "diff-ins" in e.classes]


def test_a_tight_list_item_that_became_loose_is_replaced() -> None:
    # A Markdown list with blank lines wraps each item in <p>: Word writes its
    # first paragraph as the item's own, so the two forms are not merged.
    body = merge("<ul><li>Export any time.</li></ul>", "<ul><li><p>Export any time.</p></li></ul>")
    assert [li.get("class") for li in body.iter("li")] == ["diff-del", "diff-ins"]


def test_a_deleted_block_drops_its_spec_field_path() -> None:
    body = merge(
        '<h3 data-field="faq.external[0].q">Q1. Gone?</h3><p>Stays.</p>',
        "<p>Stays.</p>",
    )
    (gone,) = [h for h in body.iter("h3") if "diff-del" in h.classes]
    assert gone.get("data-field") is None


def test_a_rewritten_header_row_is_merged_in_its_table() -> None:
    body = merge(
        "<table><thead><tr><th>Measure</th><th>Pilot</th></tr></thead>"
        "<tbody><tr><td>a</td><td>1</td></tr></tbody></table>",
        "<table><thead><tr><th>What we measured, and how</th><th>Pilot</th></tr></thead>"
        "<tbody><tr><td>a</td><td>1</td></tr></tbody></table>",
    )
    assert not [e for e in body.iter() if {"diff-ins", "diff-del"} & set(e.classes)]
    assert text(body, "del") == ["Measure"]


def test_a_list_items_own_line_keeps_its_place_before_its_sublist() -> None:
    body = merge(
        "<ul><li>A static website<ul><li>Served by a CDN</li></ul></li></ul>",
        "<ul><li>Read-only content<ul><li>Served by a CDN</li></ul></li></ul>",
    )
    (item, _) = body.iter("li")
    assert [child.tag for child in item] == ["del", "ins", "ul"]
