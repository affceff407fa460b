"""The page: paper, running header and footer, DRAFT watermark, line numbers.

Reviewers refer to "page 3 of 6, line 12" and must see at a glance that a
document is a draft, so these are real Word features (header and footer
parts, PAGE/NUMPAGES fields, a header watermark, section line numbering),
which Word users can change or remove as usual.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.section import Section, _Footer, _Header
from docx.shared import Inches, Length, Twips
from lxml.html import HtmlElement

from prfaqgen.options import Paper, RenderOptions
from prfaqgen.writers.docx.blocks import BlockWriter, Scope
from prfaqgen.writers.docx.context import Context
from prfaqgen.writers.docx.internals import paragraph_xml, section_xml, story_xml
from prfaqgen.writers.docx.ooxml import element, insert_ordered

# The watermark text as an XML attribute value. xml.sax.saxutils.quoteattr does
# this too, but importing it imports urllib.request, http and ssl.
_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)

PAPER: dict[Paper, tuple[Length, Length]] = {
    "letter": (Twips(12240), Twips(15840)),  # 8.5 x 11 in
    "a4": (Twips(11906), Twips(16838)),  # 210 x 297 mm
}

# Word's own "DRAFT" watermark (Design > Watermark): a VML WordArt shape in
# the header, centred on the margins, rotated, behind the text. Word and
# LibreOffice both recognise the PowerPlusWaterMarkObject id as a watermark.
# Its grey is the PDF's (theme.css .draft-mark), opaque, so both look as light.
_WATERMARK = """\
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:w10="urn:schemas-microsoft-com:office:word">
<w:rPr><w:noProof/></w:rPr>
<w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
 path="m@7,l@8,m@5,21600l@6,21600e">
<v:formulas>
<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>
<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>
<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>
<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>
<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/>
</v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
 o:connectangles="270,180,90,0"/>
<v:textpath on="t" fitshape="t"/>
<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
<o:lock v:ext="edit" text="t" shapetype="t"/>
</v:shapetype>
<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s1025" type="#_x0000_t136"
 style="position:absolute;margin-left:0;margin-top:0;width:{width:.1f}pt;height:{height:.1f}pt;\
rotation:315;z-index:-251654144;mso-wrap-edited:f;mso-position-horizontal:center;\
mso-position-horizontal-relative:margin;mso-position-vertical:center;\
mso-position-vertical-relative:margin"
 o:allowincell="f" fillcolor="#ececec" stroked="f">
<v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt;font-weight:bold" string={text}/>
<w10:wrap anchorx="margin" anchory="margin"/>
</v:shape>
</w:pict>
</w:r>"""


def setup_page(section: Section, options: RenderOptions) -> tuple[Length, Length]:
    """Set the paper and line numbering; return the text box (width, height).

    Margins come from the reference document, like every other part of the look.
    """
    width, height = PAPER[options.paper]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = width, height
    if options.line_numbers:
        insert_ordered(
            section_xml(section), element("w:lnNumType", countBy="1", restart="continuous")
        )
    # A reference document without margins gets the six-page style's 1 inch.
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        if getattr(section, side) is None:
            setattr(section, side, Inches(1))
    assert section.left_margin is not None and section.right_margin is not None
    assert section.top_margin is not None and section.bottom_margin is not None
    return (
        Length(width - section.left_margin - section.right_margin),
        Length(height - section.top_margin - section.bottom_margin),
    )


def write_page_parts(
    ctx: Context, section: Section, body: HtmlElement, options: RenderOptions
) -> None:
    """Fill the section header and footer from the running elements of ``body``.

    A reference document's own header or footer stays when the HTML has no
    running element for it.
    """
    headers = body.find_class("running-header")
    footers = body.find_class("running-footer")
    marks = body.find_class("draft-mark") if options.draft_mark else []
    if headers:
        _replace_content(ctx, section.header, headers, "Header")
    if footers:
        _replace_content(ctx, section.footer, footers, "Footer")
    for mark in marks:
        _add_watermark(section.header, " ".join(mark.text_content().split()), ctx.text_width)


def _replace_content(
    ctx: Context, part: _Header | _Footer, sources: list[HtmlElement], base: str
) -> None:
    part.is_linked_to_previous = False
    story = story_xml(part)
    for child in list(story):
        story.remove(child)
    writer = BlockWriter(ctx, part)
    for source in sources:
        writer.write_children(source, Scope(base))
    if not part.paragraphs:
        part.add_paragraph(style=ctx.styles.paragraph(base))


def _add_watermark(header: _Header, text: str, text_width: Length) -> None:
    """A diagonal mark behind the text of every page, in the first header paragraph."""
    if not text:
        return
    header.is_linked_to_previous = False
    paragraphs = header.paragraphs
    paragraph = paragraphs[0] if paragraphs else header.add_paragraph()
    # The text path stretches to its box: about 0.75 em per letter keeps the
    # letters' proportions; the box spans 80% of the text width.
    width = text_width.pt * 0.8
    height = width / max(0.75 * len(text), 1.0)
    xml = _WATERMARK.format(width=width, height=height, text=f'"{text.translate(_ATTRIBUTE)}"')
    paragraph_xml(paragraph).append(parse_xml(xml))


LANDSCAPE = "landscape"
"""The class of an HTML block that the DOCX sets on landscape pages of their own."""


def write_landscape(writer: BlockWriter, el: HtmlElement, scope: Scope) -> None:
    """``el`` in a landscape section of its own, as the PDF's ``@page`` gives it.

    Word keeps a section's page setup in the last paragraph of the section: one
    empty paragraph ends the portrait pages before, another ends the landscape
    ones; the document's own (portrait) setup continues after.
    """
    ctx = writer.ctx
    document = ctx.document
    if writer.container is not document:  # inside a table or a header: no sections there
        writer.write_children(el, scope)
        return
    portrait = section_xml(document.sections[-1])
    body = document.element.body
    if any(child.tag in (qn("w:p"), qn("w:tbl")) for child in body):
        _end_section(writer, copy.deepcopy(portrait))
    writer.pending.page_break = False  # the section break starts the page
    landscape = copy.deepcopy(portrait)
    for child in list(landscape):
        if child.tag in (qn("w:headerReference"), qn("w:footerReference"), qn("w:lnNumType")):
            landscape.remove(child)
    section = Section(landscape, document.part)
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = height, width
    left, right = section.left_margin or Inches(1), section.right_margin or Inches(1)
    saved = ctx.text_width
    ctx.text_width = Length(height - left - right)
    try:
        writer.write_children(el, scope)
    finally:
        ctx.text_width = saved
    _end_section(writer, landscape)


def _end_section(writer: BlockWriter, sect_pr: Any) -> None:
    paragraph = writer.container.add_paragraph()
    paragraph_xml(paragraph).get_or_add_pPr().append(sect_pr)
