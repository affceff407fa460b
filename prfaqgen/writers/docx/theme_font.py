"""A theme's look from theme.toml (fonts, colours, body size) put into the DOCX styles.

The same keys give the PDF its CSS custom properties (``Look.css``), so both
formats follow one place. A theme that ships a font for the PDF (``@font-face``
in its theme.css) names its family in ``body_font``; Word then shows the
document in that font where it is installed. The body font replaces the one of
the document defaults and the Normal style everywhere: a monospace code font
stays. Styles the reference document lacks are left alone.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle

from prfaqgen.render.document import Look
from prfaqgen.render.vocabulary import CLASS_STYLES, HEADING_STYLES

_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = {
    "w:asciiTheme": "w:ascii",
    "w:hAnsiTheme": "w:hAnsi",
    "w:cstheme": "w:cs",
    "w:eastAsiaTheme": "w:eastAsia",
}


# theme.css: `h1, ..., h6 { font-family; color }` and `.title { font-family; color }`;
# the label and the headline are headings with a colour of their own.
_HEADING_FONT_STYLES = (
    *dict.fromkeys(HEADING_STYLES.values()),
    CLASS_STYLES["title"],
    CLASS_STYLES["headline"],
    CLASS_STYLES["label"],
)
_HEADING_COLOR_STYLES = (*dict.fromkeys(HEADING_STYLES.values()), CLASS_STYLES["title"])
LINE_HEIGHT = 1.2  # theme.css `html { line-height }`: Normal's exact line spacing


def apply_look(document: DocxDocument, look: Look) -> None:
    """Give the styles of ``document`` the fonts, colours and body size of ``look``."""
    if look.body_font:
        use_theme_font(document, look.body_font)
    for style in _styles(document, _HEADING_FONT_STYLES if look.heading_font else ()):
        _set_family(style, look.heading_font or "")
    for style in _styles(document, _HEADING_COLOR_STYLES if look.heading_color else ()):
        style.font.color.rgb = RGBColor.from_string((look.heading_color or "")[1:].upper())
    normal = next(iter(_styles(document, ("Normal",))), None)
    if normal is None:
        return
    if look.text_color:
        normal.font.color.rgb = RGBColor.from_string(look.text_color[1:].upper())
    if look.body_size:
        normal.font.size = Pt(look.body_size)
        if normal.paragraph_format.line_spacing is not None:
            normal.paragraph_format.line_spacing = Pt(round(look.body_size * LINE_HEIGHT, 1))


def _styles(document: DocxDocument, names: tuple[str, ...]) -> list[ParagraphStyle]:
    found = []
    for name in names:
        try:
            style = document.styles[name]
        except KeyError:
            continue
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            found.append(style)
    return found


def _set_family(style: ParagraphStyle, family: str) -> None:
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme_slot in _THEME_SLOTS:
        fonts.attrib.pop(qn(theme_slot), None)
    for slot in _SLOTS:
        fonts.set(qn(slot), family)


def use_theme_font(document: DocxDocument, family: str) -> None:
    """Replace the body font family in every style (and the defaults) with ``family``."""
    styles = document.styles.element
    fonts = styles.findall(".//" + qn("w:rFonts"))
    body = _body_font(styles) or "Calibri"
    for element in fonts:
        for slot in _SLOTS:
            if element.get(qn(slot)) == body:
                element.set(qn(slot), family)
        for theme_slot, slot in _THEME_SLOTS.items():
            # A reference to the document's theme fonts would win over the family named here.
            if element.get(qn(theme_slot)) is not None:
                del element.attrib[qn(theme_slot)]
                element.set(qn(slot), family)


def _body_font(styles: object) -> str | None:
    defaults = styles.find(qn("w:docDefaults"))  # type: ignore[attr-defined]
    candidates = []
    if defaults is not None:
        candidates += defaults.findall(".//" + qn("w:rFonts"))
    for style in styles.findall(qn("w:style")):  # type: ignore[attr-defined]
        if style.get(qn("w:styleId")) == "Normal":
            candidates += style.findall(".//" + qn("w:rFonts"))
    for element in candidates:
        name = element.get(qn("w:ascii"))
        if name:
            return str(name)
    return None
