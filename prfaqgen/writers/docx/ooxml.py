"""WordprocessingML helpers that python-docx has no API for.

python-docx covers runs, paragraphs and tables, but not paragraph borders,
bookmarks, fields or style languages; the schema orders every property
element, and Word rejects a file whose elements are out of order, so new
children are always inserted through :func:`insert_ordered`.
"""

from __future__ import annotations

from functools import cache
from typing import cast

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.text.parfmt import CT_PPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from prfaqgen.writers.docx.internals import paragraph_xml


def _tags(names: str) -> tuple[str, ...]:
    """``w:``-prefixed tags from local names: the schema lists below are long."""
    return tuple(f"w:{name}" for name in names.split())


# Schema order (ECMA-376 part 1) of the property elements we insert into.
_ORDER: dict[str, tuple[str, ...]] = {
    "w:pPr": _tags(
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
        "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
        "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap "
        "jc textDirection textAlignment textboxTightWrap outlineLvl divId "
        "cnfStyle rPr sectPr pPrChange"
    ),
    "w:rPr": _tags(
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow "
        "emboss imprint noProof snapToGrid vanish webHidden color spacing w "
        "kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
        "cs em lang eastAsianLayout specVanish oMath"
    ),
    "w:sectPr": _tags(
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar "
        "paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote "
        "titlePg textDirection bidi rtlGutter docGrid printerSettings "
        "sectPrChange"
    ),
}


@cache
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    """The Clark name and namespace map of a prefixed tag, worked out once per tag
    (python-docx's OxmlElement parses the tag again for each of the thousands of
    elements of a document)."""
    parsed = NamespacePrefixedTag(tag)
    return parsed.clark_name, parsed.nsmap


@cache
def _w_attribute(name: str) -> str:
    return qn(f"w:{name}")


def new_element(tag: str) -> BaseOxmlElement:
    """A new OOXML element, as python-docx's OxmlElement makes it (its custom class);
    python-docx's stubs say _Element."""
    clark, nsmap = _tag(tag)
    return cast(BaseOxmlElement, oxml_parser.makeelement(clark, nsmap=nsmap))


def element(tag: str, **attrs: str) -> BaseOxmlElement:
    """A new ``w:`` element; attribute names are given without their prefix."""
    clark, nsmap = _tag(tag)
    attrib = {_w_attribute(name): value for name, value in attrs.items()}
    return cast(BaseOxmlElement, oxml_parser.makeelement(clark, attrib=attrib, nsmap=nsmap))


def insert_ordered(parent: BaseOxmlElement, child: BaseOxmlElement) -> BaseOxmlElement:
    """Put ``child`` into ``parent`` at its schema position, replacing a same-named one."""
    order = _ORDER[_prefixed(parent.tag)]
    tag = _prefixed(child.tag)
    parent.remove_all(tag)
    parent.insert_element_before(child, *order[order.index(tag) + 1 :])
    return child


def set_paragraph_style(paragraph: Paragraph, style: ParagraphStyle) -> None:
    """``paragraph.style = style``, without python-docx's generic insertion.

    python-docx finds where a new ``w:pStyle`` goes by looking for each of the
    thirty-odd elements that may follow it; the schema puts it first in
    ``w:pPr``, so it is inserted there. The XML is the same as python-docx's.
    """
    style_id = paragraph.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
    p = paragraph_xml(paragraph)
    ppr = p.pPr
    if ppr is None:  # w:pPr is the first child of w:p, as python-docx inserts it
        ppr = cast(CT_PPr, new_element("w:pPr"))
        p.insert(0, ppr)
    if style_id is None:  # the default style is named by naming none
        ppr.style = None
        return
    pstyle: BaseOxmlElement | None = ppr.pStyle
    if pstyle is None:
        pstyle = new_element("w:pStyle")
        ppr.insert(0, pstyle)
    pstyle.set(qn("w:val"), style_id)


def add_bookmark(p: BaseOxmlElement, bookmark_id: int, name: str) -> None:
    """A point bookmark at the start of paragraph ``p`` (after its properties)."""
    index = 1 if p.find(qn("w:pPr")) is not None else 0
    p.insert(index, element("w:bookmarkEnd", id=str(bookmark_id)))
    p.insert(index, element("w:bookmarkStart", id=str(bookmark_id), name=name))


def field_runs(instruction: str, placeholder: str) -> list[BaseOxmlElement]:
    """The five runs of a complex field; Word and LibreOffice recompute the result."""

    def run(child: BaseOxmlElement) -> BaseOxmlElement:
        r = new_element("w:r")
        r.append(child)
        return r

    instr = new_element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    result = new_element("w:t")
    result.text = placeholder
    return [
        run(element("w:fldChar", fldCharType="begin")),
        run(instr),
        run(element("w:fldChar", fldCharType="separate")),
        run(result),
        run(element("w:fldChar", fldCharType="end")),
    ]


def bottom_border(ppr: BaseOxmlElement) -> None:
    """The thin rule under a paragraph that stands for ``<hr>``."""
    pbdr = element("w:pBdr")
    pbdr.append(element("w:bottom", val="single", sz="6", space="1", color="auto"))
    insert_ordered(ppr, pbdr)


def _prefixed(clark: str) -> str:
    """``{uri}local`` as ``w:local``: every element we order is in the w namespace."""
    return "w:" + clark.rsplit("}", 1)[1]
