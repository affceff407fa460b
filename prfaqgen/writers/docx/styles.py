"""Named styles of the reference document, looked up once and checked.

The look of the DOCX lives in the reference document (docs/templates.md); the
writer only names styles. A missing or mistyped style is a user error in the
template or the reference document, so it is reported, never replaced.
"""

from __future__ import annotations

from typing import cast

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.styles import CT_Style
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle, StyleFactory

from prfaqgen.errors import RenderError
from prfaqgen.writers.docx.ooxml import element, insert_ordered

_KINDS = {
    WD_STYLE_TYPE.PARAGRAPH: "paragraph",
    WD_STYLE_TYPE.CHARACTER: "character",
    WD_STYLE_TYPE.TABLE: "table",
}


class StyleBook:
    """Validated access to the styles and list numbering of one document."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._cache: dict[tuple[str, WD_STYLE_TYPE], BaseStyle] = {}
        self._by_name: dict[str | None, CT_Style] | None = None

    def paragraph(self, name: str) -> ParagraphStyle:
        """The paragraph style ``name``."""
        return cast(ParagraphStyle, self._get(name, WD_STYLE_TYPE.PARAGRAPH))

    def character(self, name: str) -> CharacterStyle:
        """The character style ``name``."""
        return cast(CharacterStyle, self._get(name, WD_STYLE_TYPE.CHARACTER))

    def table(self, name: str) -> BaseStyle:
        """The table style ``name``."""
        return self._get(name, WD_STYLE_TYPE.TABLE)

    @property
    def document(self) -> Document:
        return self._document

    def table_element(self, style_id: str) -> CT_Style | None:
        """The style element with ``style_id`` (a ``w:basedOn`` value), if any."""
        for style in self._document.styles.element.style_lst:
            if style.styleId == style_id:
                return cast(CT_Style, style)
        return None

    def set_language(self, language: str) -> None:
        """Proof the text in ``language`` (a BCP 47 tag such as en-US) from the Normal style on."""
        normal = self._document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        if normal is None:
            normal = self.paragraph("Normal")
        insert_ordered(normal.element.get_or_add_rPr(), element("w:lang", val=language))

    def restart_numbering(self, style: ParagraphStyle, start: int) -> tuple[int, int] | None:
        """A fresh list instance for ``style`` that counts from ``start``.

        Paragraphs that only name a numbered style all share one list, so a
        second ``<ol>`` would continue at 4. A new ``w:num`` on the style's
        abstract numbering, with a start override, makes each list its own.
        Returns (numId, ilvl) for the paragraphs, or None if the style is not
        numbered.
        """
        found = self._numbering_of(style)
        if found is None:
            return None
        abstract_id, ilvl = found
        num = self._document.part.numbering_part.element.add_num(abstract_id)
        num.add_lvlOverride(ilvl).add_startOverride(start)
        return num.numId, ilvl

    def _numbering_of(self, style: ParagraphStyle | None) -> tuple[int, int] | None:
        """(abstractNumId, ilvl) that ``style`` or a style it is based on numbers with."""
        while style is not None:
            ppr = style.element.pPr
            numpr = ppr.numPr if ppr is not None else None
            if numpr is not None and numpr.numId is not None:
                numbering = self._document.part.numbering_part.element
                try:
                    num = numbering.num_having_numId(numpr.numId.val)
                except KeyError:
                    return None
                ilvl = numpr.ilvl.val if numpr.ilvl is not None else 0
                return num.abstractNumId.val, ilvl
            style = style.base_style
        return None

    def _get(self, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
        key = (name, kind)
        if key not in self._cache:
            found = self._named().get(BabelFish.ui2internal(name))
            if found is None:
                raise RenderError(
                    f'the reference document has no {_KINDS[kind]} style "{name}"; '
                    "add it to the reference document or fix the template"
                )
            style = StyleFactory(found)
            if style.type != kind:
                raise RenderError(
                    f'"{name}" in the reference document is not a {_KINDS[kind]} style'
                )
            self._cache[key] = style
        return self._cache[key]

    def _named(self) -> dict[str | None, CT_Style]:
        """The document's styles by internal name, the first of a name winning as in
        python-docx's ``styles[name]``; read once (``name in styles`` reads them all)."""
        if self._by_name is None:
            self._by_name = {}
            for element in self._document.styles.element.style_lst:
                self._by_name.setdefault(element.name_val, element)
        return self._by_name
