"""Every use of python-docx beyond its public API, in one place.

python-docx (pinned ``>=1.1,<1.3`` in pyproject.toml, 1.2.0 in constraints.txt)
has no public way to reach a paragraph's, run's or section's XML, to put a
built table into a body or cell, or to make its per-call lookups fast; the
writer needs all of these. :data:`RELIED_ON` lists the python-docx functions
this module stands in for or calls, with a digest of their source as read from
1.2.0: tests/test_third_party_internals.py fails, naming them, when an upgrade
changes one (see prfaqgen.third_party).

The lookups: setting a paragraph's or run's style makes python-docx scan every
style of the document for the default one (about 2 ms each: most of a long
DOCX's time; here once per style type), and each external hyperlink scans every
relationship before adding its own, which grows with the square of the number
of links. Both answers cannot change while one document is written, so they are
looked up once; the document's bytes are the same.
"""

from __future__ import annotations

from typing import Any

from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocxDocument
from docx.oxml.section import CT_SectPr
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section, _Footer, _Header
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

#: python-docx functions relied on -> the digest of their source (python-docx 1.2.0).
RELIED_ON = {
    # remember_lookups' look_up is this function, with the default style found once
    "docx.styles.styles:Styles._get_style_id_from_style": "174f6972ef79bed1",
    # replaced on the document part by remember_lookups
    "docx.parts.document:DocumentPart.get_style_id": "6604efee9c081882",
    "docx.opc.part:Part.relate_to": "47b82e9c5fb7c031",
    # called by the replacements
    "docx.opc.rel:Relationships._next_rId": "f9829e7a69ef58ef",
    "docx.opc.rel:Relationships.add_relationship": "daa095aae14fd2c9",
    # the generated insertion that keeps a body's or cell's children in schema order
    "docx.oxml.document:CT_Body._insert_tbl": "1436462c4916b207",
    "docx.oxml.table:CT_Tc._insert_tbl": "1436462c4916b207",
}


def paragraph_xml(paragraph: Paragraph) -> CT_P:
    """The ``w:p`` element of ``paragraph``."""
    return paragraph._p


def run_xml(run: Run) -> CT_R:
    """The ``w:r`` element of ``run``."""
    return run._r


def section_xml(section: Section) -> CT_SectPr:
    """The ``w:sectPr`` element of ``section``."""
    return section._sectPr


def story_xml(part: _Header | _Footer) -> BaseOxmlElement:
    """The ``w:hdr`` or ``w:ftr`` element of a header or footer."""
    return part._element


def insert_table(container: DocxDocument | BlockItemContainer, tbl: CT_Tbl) -> None:
    """Put a built ``w:tbl`` into the body or cell, before its ``w:sectPr``/last ``w:p`` rules."""
    if isinstance(container, DocxDocument):
        container.element.body._insert_tbl(tbl)
    else:
        container._element._insert_tbl(tbl)


def remember_lookups(document: DocxDocument) -> None:
    """Make style-id and external-relationship lookups of ``document`` constant-time."""
    part: Any = document.part
    style_ids: dict[tuple[str, str, Any], str | None] = {}
    find_style_id = part.get_style_id
    styles = document.styles
    defaults: dict[Any, BaseStyle | None] = {}

    def look_up(style_or_name: Any, style_type: Any) -> str | None:
        # python-docx's Styles._get_style_id_from_style, with the default style of
        # each type found once (python-docx scans every style for it on each call).
        style = style_or_name if isinstance(style_or_name, BaseStyle) else styles[style_or_name]
        if style.type != style_type:
            return find_style_id(style_or_name, style_type)  # raises python-docx's error
        if style_type not in defaults:
            defaults[style_type] = styles.default(style_type)
        return None if style == defaults[style_type] else style.style_id

    def get_style_id(style_or_name: Any, style_type: Any) -> str | None:
        if style_or_name is None:
            return None
        if isinstance(style_or_name, BaseStyle):
            key = ("id", str(style_or_name.style_id), style_type)
        else:
            key = ("name", str(style_or_name), style_type)
        if key not in style_ids:
            style_ids[key] = look_up(style_or_name, style_type)
        return style_ids[key]

    rels = part.rels
    external = {(rel.reltype, rel.target_ref): rel.rId for rel in rels.values() if rel.is_external}
    relate_to = part.relate_to

    def relate(target: Any, reltype: str, is_external: bool = False) -> str:
        if not is_external:
            return str(relate_to(target, reltype, is_external))
        key = (reltype, target)
        if key not in external:
            external[key] = rels.add_relationship(
                reltype, target, rels._next_rId, is_external=True
            ).rId
        return external[key]

    part.get_style_id = get_style_id
    part.relate_to = relate
