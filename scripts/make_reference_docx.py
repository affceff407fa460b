"""Build templates/theme/reference.docx: the named styles the DOCX writer uses.

The DOCX writer takes every style from this reference document (pandoc's
reference-doc idea) and replaces its body, so this file is the whole look of
the Word output, and it mirrors templates/theme/theme.css point for point:
Calibri 11pt on 13.2pt lines, 14/13/12pt bold headings, the press-release
title block, headline and quotations, the same paragraph spacing, no colour
beyond black and grey, Letter paper with 1 inch margins (the writer sets the
paper the user asks for). Change one, change the other: the DOCX must break
pages where the PDF does (tests/e2e/test_e2e_libreoffice.py checks it).

It starts from python-docx's default template, whose styles Word knows as its
built-in ones, and drops what that template carries but a reviewer's document
should not.

Run from the repository root; the output is the same bytes on every run:

    python scripts/make_reference_docx.py
"""

from __future__ import annotations

import copy
import sys
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor, Twips
from docx.styles.style import BaseStyle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout, without installing

from prfaqgen.writers.docx.ooxml import element, insert_ordered  # noqa: E402
from prfaqgen.writers.docx.package import Metadata, save_docx  # noqa: E402

OUTPUT = ROOT / "templates" / "theme" / "reference.docx"
FIXED_DATE = datetime(1980, 1, 1)
FONT = "Calibri"
MONO = "Courier New"  # on every Word install; LibreOffice maps it to Liberation Mono
BLACK = RGBColor(0x1A, 0x1A, 0x1A)
_KEPT_TABLE_STYLES = ("TableNormal", "TableGrid")
# theme.css sets line-height as a factor of the font size: 1.2 for text, 1.15
# for headings, 1.25 for code. Word's "single" line is the font's own height
# (1.22 em for Calibri/Carlito), which would make every page of the DOCX run a
# few lines longer than the PDF's, so each style gets the CSS line height as
# an exact height (the writer lets a line with a picture grow).
CSS_LINE_HEIGHT = 1.2
CSS_HEADING_LINE_HEIGHT = {"Title": 1.15, "Headline": 1.15, "Section Label": 1.15}
CSS_CODE_LINE_HEIGHT = 1.25


def build() -> Document:
    """The reference document, from python-docx's default template."""
    document = docx.Document()
    _drop_template_extras(document)
    _document_defaults(document)
    _text_styles(document)
    _list_bullets(document)
    _list_spacing(document)
    _table_padding(document)
    _code_and_link_styles(document)
    _sync_linked_styles(document)
    _exact_line_heights(document)
    _page(document)
    return document


def _drop_template_extras(document: Document) -> None:
    """Word 2010's duplicate styles part, a bibliography item, unused table styles."""
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            del part.rels[r_id]
    styles = document.styles.element
    for style in styles.xpath("w:style[@w:type='table']"):
        if style.get(qn("w:styleId")) not in _KEPT_TABLE_STYLES:
            styles.remove(style)


def _document_defaults(document: Document) -> None:
    """Explicit Calibri 11pt: theme fonts would make Word and LibreOffice differ."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _set_font(rpr, FONT)
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    for name, value in (("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(qn(f"w:{name}"), value)


def _text_styles(document: Document) -> None:
    styles = document.styles
    normal = _look(styles["Normal"], size=11)
    normal.paragraph_format.space_after = Pt(6)

    title = _look(styles["Title"], size=14, bold=True, color=BLACK)
    _drop_ppr(title, "w:pBdr", "w:contextualSpacing")
    _spacing(title, before=0, after=2)
    subtitle = _look(styles["Subtitle"], size=12, italic=True, color=RGBColor(0x33, 0x33, 0x33))
    _drop_ppr(subtitle, "w:numPr")
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(subtitle, before=0, after=12)

    for level, size, before, after, color in (
        (1, 14, 16, 6, BLACK),
        (2, 13, 14, 5, BLACK),
        (3, 12, 10, 4, BLACK),
    ):
        heading = _look(styles[f"Heading {level}"], size=size, bold=True, color=color)
        _spacing(heading, before=before, after=after)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.keep_together = True

    quote = _look(styles["Quote"], italic=True)
    quote.paragraph_format.left_indent = Inches(0.4)
    _spacing(quote, before=0, after=6)
    _border(quote, ("left",), size=12, space=8)

    for name in ("Header", "Footer"):
        part = _look(styles[name], size=8.5, color=RGBColor(0x66, 0x66, 0x66))
        part.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    _press_release_styles(document)
    _definition_styles(document)

    compact = _new(document, "Compact", WD_STYLE_TYPE.PARAGRAPH)  # table cells
    _look(compact, size=10)
    _spacing(compact, before=0, after=0)


def _press_release_styles(document: Document) -> None:
    """The title block, the section label, the headline and quotations (theme.css)."""
    styles = document.styles
    info = _new(document, "Document Info", WD_STYLE_TYPE.PARAGRAPH)
    _look(info, size=9, color=RGBColor(0x44, 0x44, 0x44))
    _spacing(info, before=0, after=2)

    label = _new(document, "Section Label", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = styles["Heading 1"]
    _look(label, size=10, bold=True, color=RGBColor(0x55, 0x55, 0x55))
    label.font.all_caps = True
    insert_ordered(label.element.get_or_add_rPr(), element("w:spacing", val="16"))
    _spacing(label, before=12, after=6)

    headline = _new(document, "Headline", WD_STYLE_TYPE.PARAGRAPH)
    headline.base_style = styles["Heading 2"]
    _look(headline, size=17, bold=True, color=RGBColor(0, 0, 0))
    headline.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(headline, before=0, after=6)

    quotation = _new(document, "Quotation", WD_STYLE_TYPE.PARAGRAPH)
    quotation.paragraph_format.left_indent = Inches(0.25)
    _spacing(quotation, before=0, after=3)
    attribution = _new(document, "Attribution", WD_STYLE_TYPE.PARAGRAPH)
    attribution.base_style = quotation
    _look(attribution, size=11, color=RGBColor(0x33, 0x33, 0x33))
    _spacing(attribution, before=0, after=8)


def _definition_styles(document: Document) -> None:
    """<dt> and <dd>: a bold term, its description indented below it."""
    term = _new(document, "Definition Term", WD_STYLE_TYPE.PARAGRAPH)
    _look(term, size=11, bold=True)
    _spacing(term, before=0, after=0)
    term.paragraph_format.keep_with_next = True
    definition = _new(document, "Definition", WD_STYLE_TYPE.PARAGRAPH)
    definition.paragraph_format.left_indent = Pt(30)
    _spacing(definition, before=0, after=6)


def _code_and_link_styles(document: Document) -> None:
    source = _new(document, "Source Code", WD_STYLE_TYPE.PARAGRAPH)
    _look(source, font=MONO, size=9)
    source.paragraph_format.left_indent = source.paragraph_format.right_indent = Pt(6)
    # One paragraph per line: no space between lines; the writer puts the
    # block's 6pt after its last line, so two blocks never touch.
    _spacing(source, before=0, after=0)
    _border(source, ("top", "left", "bottom", "right"), size=4, space=4)

    code = _new(document, "Code", WD_STYLE_TYPE.CHARACTER)
    _look(code, font=MONO, size=9)
    link = _new(document, "Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = BLACK  # as the PDF theme: no colour beyond headings
    link.font.underline = True


def _sync_linked_styles(document: Document) -> None:
    """Give "Heading 1 Char" and the like their paragraph style's look.

    Word applies the linked character style when a user styles part of a
    paragraph; left alone, those would keep the template's blue theme look.
    """
    styles = document.styles.element
    for style in styles.xpath("w:style[@w:type='paragraph'][w:link]"):
        link = style.find(qn("w:link")).get(qn("w:val"))
        for linked in styles.xpath(f"w:style[@w:styleId='{link}']"):
            if linked.rPr is not None:
                linked.remove(linked.rPr)
            if style.rPr is not None:
                linked._insert_rPr(copy.deepcopy(style.rPr))


def _list_bullets(document: Document) -> None:
    """Word's own second and third level bullets (o, square) instead of three dots."""
    numbering = document.part.numbering_part.element
    levels = (("ListBullet2", "o", MONO), ("ListBullet3", "\uf0a7", "Wingdings"))
    for style_id, text, font in levels:
        (lvl,) = numbering.xpath(f"w:abstractNum/w:lvl[w:pStyle/@w:val='{style_id}']")
        lvl.find(qn("w:lvlText")).set(qn("w:val"), text)
        fonts = lvl.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        for name in ("ascii", "hAnsi"):
            fonts.set(qn(f"w:{name}"), font)


def _list_spacing(document: Document) -> None:
    """3pt after every item at every level, so nested items are spaced like their parents;
    each level indented 0.3in more, as theme.css indents ``ul`` and ``ol``.

    The template's "no space between paragraphs of the same style" left gaps
    only where the level changes.
    """
    for kind in ("List Bullet", "List Number", "List Continue"):
        for suffix in ("", " 2", " 3"):
            style = document.styles[kind + suffix]
            _drop_ppr(style, "w:contextualSpacing")
            _spacing(style, before=0, after=2)
            level = int(suffix or 1)
            if kind == "List Continue":
                style.paragraph_format.left_indent = Inches(0.3 * level)
    numbering = document.part.numbering_part.element
    for lvl in numbering.xpath("w:abstractNum/w:lvl[w:pStyle]"):
        name = lvl.find(qn("w:pStyle")).get(qn("w:val"))
        level = int(name[-1]) if name[-1].isdigit() else 1
        ind = lvl.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        left = str(round(1440 * 0.3 * level))
        if ind is not None:
            ind.set(qn("w:left"), left)
            ind.set(qn("w:hanging"), "216")
        for tab in lvl.iter(qn("w:tab")):
            tab.set(qn("w:pos"), left)


def _table_padding(document: Document) -> None:
    """2pt above and below, 5pt beside the text of a cell, as in the PDF theme."""
    (margins,) = document.styles["Table Grid"].element.xpath("w:tblPr/w:tblCellMar")
    for side, twips in (("top", 40), ("left", 100), ("bottom", 40), ("right", 100)):
        margins.find(qn(f"w:{side}")).set(qn("w:w"), str(twips))


def _page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(12240), Twips(15840)
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", Inches(1))
    section.header_distance = section.footer_distance = Inches(0.5)
    section.gutter = 0


def _new(document: Document, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
    style = document.styles.add_style(name, kind)
    if kind == WD_STYLE_TYPE.PARAGRAPH:
        style.base_style = document.styles["Normal"]
    style.hidden = False
    style.quick_style = True
    return style


def _look(
    style: BaseStyle,
    *,
    font: str = FONT,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    color: RGBColor | None = None,
) -> BaseStyle:
    """Replace the style's character formatting (theme fonts, theme colours) with ours."""
    rpr = style.element.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    _set_font(rpr, font)
    style.font.size = Pt(size) if size else None
    style.font.bold = bold
    style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color
    return style


def _set_font(rpr: OxmlElement, font: str) -> None:
    fonts = element("w:rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font)
    insert_ordered(rpr, fonts)


def _spacing(style: BaseStyle, *, before: float, after: float) -> None:
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)


def _exact_line_heights(document: Document) -> None:
    """Every paragraph style's line height as theme.css computes it for its font size."""
    for style in document.styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        name = style.name
        if name.startswith("Heading") or name in CSS_HEADING_LINE_HEIGHT:
            factor = CSS_HEADING_LINE_HEIGHT.get(name, 1.15)
        elif name == "Source Code":
            factor = CSS_CODE_LINE_HEIGHT
        else:
            factor = CSS_LINE_HEIGHT
        spacing = style.element.get_or_add_pPr().get_or_add_spacing()
        spacing.set(qn("w:line"), str(round(_font_size(style) * factor * 20)))
        spacing.set(qn("w:lineRule"), "exact")


def _font_size(style: BaseStyle) -> float:
    """The style's font size in points, from the style or the styles it is based on."""
    current = style
    while current is not None:
        if current.font.size is not None:
            return current.font.size.pt
        current = current.base_style
    return 11.0


def _drop_ppr(style: BaseStyle, *tags: str) -> None:
    style.element.get_or_add_pPr().remove_all(*tags)


def _border(style: BaseStyle, sides: tuple[str, ...], *, size: int, space: int) -> None:
    """A grey rule; ``size`` in eighths of a point, ``space`` in points."""
    borders = element("w:pBdr")
    for side in sides:
        borders.append(
            element(f"w:{side}", val="single", sz=str(size), space=str(space), color="999999")
        )
    insert_ordered(style.element.get_or_add_pPr(), borders)


def main() -> None:
    OUTPUT.write_bytes(save_docx(build(), Metadata(), FIXED_DATE))
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
