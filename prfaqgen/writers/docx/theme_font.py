"""A theme's own font, named in the DOCX styles in place of the reference's body font.

A theme that ships a font for the PDF (``@font-face`` in its theme.css) says
its family in ``theme.toml`` (``font = "..."``); Word then shows the document
in that font where it is installed. Only the body font is replaced (the one of
the document defaults and the Normal style): a monospace code font stays.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = {
    "w:asciiTheme": "w:ascii",
    "w:hAnsiTheme": "w:hAnsi",
    "w:cstheme": "w:cs",
    "w:eastAsiaTheme": "w:eastAsia",
}


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
