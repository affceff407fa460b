"""The DOCX carries each spec field's path invisibly: nothing a reader sees changes."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import docx
from lxml import etree

from prfaqgen.render.compose import compose
from prfaqgen.writers.docx import render_docx
from tests.comments.conftest import EXAMPLE, load

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def _without_bookmarks(data: bytes) -> bytes:
    root = _body(data)
    for mark in root.xpath("//w:bookmarkStart|//w:bookmarkEnd", namespaces={"w": W}):
        mark.getparent().remove(mark)
    return etree.tostring(root, method="c14n")


def test_field_bookmarks_change_no_text_and_no_formatting(example_docx: bytes) -> None:
    composed = compose(load(EXAMPLE))
    unmarked = replace(composed, html=re.sub(r' data-field="[^"]*"', "", composed.html))
    plain = render_docx(unmarked)
    assert "data-field" not in unmarked.html and "data-field" in composed.html

    marked_doc, plain_doc = (
        docx.Document(io.BytesIO(example_docx)),
        docx.Document(io.BytesIO(plain)),
    )
    assert [p.text for p in marked_doc.paragraphs] == [p.text for p in plain_doc.paragraphs]
    assert [p.style.name for p in marked_doc.paragraphs] == [
        p.style.name for p in plain_doc.paragraphs
    ]
    # Apart from bookmarks the body is the same XML, element for element.
    assert _without_bookmarks(example_docx) == _without_bookmarks(plain)
    assert "_pf" not in "\n".join(p.text for p in marked_doc.paragraphs)


def test_each_field_is_a_hidden_bookmark_named_in_the_custom_xml_part(example_docx: bytes) -> None:
    root = _body(example_docx)
    ns = {"w": W}
    starts = {
        s.get(f"{{{W}}}name"): s.get(f"{{{W}}}id")
        for s in root.xpath("//w:bookmarkStart", namespaces=ns)
    }
    ends = {e.get(f"{{{W}}}id") for e in root.xpath("//w:bookmarkEnd", namespaces=ns)}
    hidden = {name for name in starts if name.startswith("_pf")}
    assert all(len(name) <= 40 for name in starts)
    assert {starts[name] for name in hidden} <= ends  # every field bookmark is closed
    assert len(set(starts.values())) == len(starts)  # ids are unique
    with zipfile.ZipFile(io.BytesIO(example_docx)) as package:
        part = etree.fromstring(package.read("customXml/item1.xml"))
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    table = {f.get("bookmark"): f.get("path") for f in part}
    assert set(table) == hidden
    assert part.get("title") == "Gapfill" and part.get("spec", "").startswith("sha256:")
    assert table[next(n for n, p in table.items() if p == "press_release.headline")]
    assert "faq.external[0].a" in table.values()
    assert "press_release.customer_quotes[1].text" in table.values()
    assert "/customXml/itemProps1.xml" in types
    assert "relationships/customXml" in rels
    # The headline's bookmark holds exactly the headline paragraph.
    headline = next(n for n, p in table.items() if p == "press_release.headline")
    paragraph = root.xpath(f"//w:p[w:bookmarkStart[@w:name='{headline}']]", namespaces=ns)[0]
    text = "".join(paragraph.xpath(".//w:t/text()", namespaces=ns))
    assert text.startswith("Northfork launches Gapfill")
    assert paragraph.xpath(f"w:bookmarkEnd[@w:id='{starts[headline]}']", namespaces=ns)


def test_the_marked_docx_is_reproducible(example_docx: bytes) -> None:
    assert render_docx(compose(load(EXAMPLE))) == example_docx
