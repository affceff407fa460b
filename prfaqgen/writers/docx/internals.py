"""python-docx's per-call lookups, remembered for the length of one render.

Setting a paragraph's or run's style makes python-docx scan every style of the
document for the default one (about 2 ms each: most of a long DOCX's time; here
once per style type),
and each external hyperlink scans every relationship before adding its own,
which grows with the square of the number of links. Both answers cannot change
while one document is written, so they are looked up once; the document's
bytes are the same.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.styles.style import BaseStyle


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
