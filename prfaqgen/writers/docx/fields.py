"""Which spec field each stretch of the DOCX shows, carried invisibly for the review loop.

An element of the composed HTML with ``data-field="press_release.summary"``
becomes a hidden bookmark (a name starting with ``_``, which Word and
LibreOffice keep but do not list) around the paragraphs written for it. Word
limits bookmark names to 40 characters, so each gets a short name (``_pf3``)
and the name -> path table goes into a custom XML part, with the spec's title
and digest. ``prfaqgen comments`` (prfaqgen.review) reads both back to place a
reviewer's comment at its line in the spec. Nothing of it is visible.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from prfaqgen.writers.docx.ooxml import element

FIELD_ATTRIBUTE = "data-field"
BOOKMARK_PREFIX = "_pf"
PART_NAMESPACE = "urn:prfaqgen:review:1"
ITEM_PART = "/customXml/item1.xml"
PROPS_PART = "/customXml/itemProps1.xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_BOOKMARK_START = qn("w:bookmarkStart")
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"


@dataclass
class FieldMarks:
    """The field bookmarks of one document being written: opened, closed, then saved."""

    table: list[tuple[str, str]] = field(default_factory=list)
    _open: dict[str, tuple[str, int]] = field(default_factory=dict)

    def open(self, paragraph: Paragraph, path: str, bookmark_id: int) -> None:
        """Start the bookmark of ``path`` at the start of ``paragraph``."""
        name = f"{BOOKMARK_PREFIX}{len(self.table) + 1}"
        self.table.append((name, path))
        p = paragraph._p
        index = 1 if p.pPr is not None else 0
        while index < len(p) and p[index].tag == _BOOKMARK_START:  # keep the opening order
            index += 1
        p.insert(index, element("w:bookmarkStart", id=str(bookmark_id), name=name))
        self._open[path] = (name, bookmark_id)

    def close(self, paragraph: Paragraph | None, path: str) -> None:
        """End the bookmark of ``path`` at the end of ``paragraph`` (the last one written)."""
        opened = self._open.pop(path, None)
        if opened is None or paragraph is None:
            return
        paragraph._p.append(element("w:bookmarkEnd", id=str(opened[1])))


def add_field_part(document: Document, marks: FieldMarks, title: str, digest: str) -> None:
    """The name -> path table as a custom XML part of ``document`` (none without fields).

    Its item id is derived from the table, so the same input gives the same bytes.
    """
    if not marks.table:
        return
    root = etree.Element(f"{{{PART_NAMESPACE}}}fields", nsmap={None: PART_NAMESPACE})  # type: ignore[dict-item]
    root.set("title", title)
    root.set("spec", digest)
    for name, path in marks.table:
        etree.SubElement(root, f"{{{PART_NAMESPACE}}}field", bookmark=name, path=path)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    item_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{PART_NAMESPACE}:{digest}:{len(marks.table)}")
    props = etree.Element(f"{{{_DS}}}datastoreItem", nsmap={"ds": _DS})
    props.set(f"{{{_DS}}}itemID", "{" + str(item_id).upper() + "}")
    refs = etree.SubElement(props, f"{{{_DS}}}schemaRefs")
    etree.SubElement(refs, f"{{{_DS}}}schemaRef").set(f"{{{_DS}}}uri", PART_NAMESPACE)
    props_blob = etree.tostring(props, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    item = Part(PackURI(ITEM_PART), "application/xml", blob, package)
    item.relate_to(Part(PackURI(PROPS_PART), _PROPS_TYPE, props_blob, package), RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)
