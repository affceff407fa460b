"""A draft's blocks cut into sections: at labels, at the field marks of prfaqgen's own DOCX,
and at headings the placer has no part for (each of which becomes an appendix entry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from prfaqgen.importing import cues
from prfaqgen.importing.draft import Block

BODY_PARTS = ("summary", "problem", "solution", "how_it_works", "call_to_action", "about")
INLINE_LABELS = (*BODY_PARTS, "leader_quote", "customer_quotes", "subheadline")
FAQ_KEYS = ("faq", "faq_external", "faq_internal")
# Sections after the press release: each holds what follows it until a heading as high.
_REGIONS = (*FAQ_KEYS, "appendix", "other", "tenets", "glossary", "customer", "metrics")
# Paragraph styles that carry meaning of their own; any other (Normal, Body Text, First
# Paragraph...) is plain text, where a bold line or a label is a section cue.
MEANINGFUL_STYLES = {"Title", "Headline", "Subtitle", "Section Label", "Document Info"}
MEANINGFUL_STYLES |= {"Attribution", "Quotation", "Quote", "Intense Quote"}


@dataclass
class Section:
    key: str
    """A part (``problem``, ``faq_internal``...), ``press_release`` for the unlabelled
    start, ``press_release_rest`` after an inline label, or ``other``."""
    label: Block | None
    blocks: list[Block] = field(default_factory=list)


def split_sections(blocks: list[Block]) -> list[Section]:
    """Split at labels; an unknown heading after the body starts opens an appendix entry."""
    sections = [Section("press_release", None)]
    region = "press_release"
    label_level = 9
    marked: str | None = None  # the part the rendered DOCX's field marks are in
    for block in blocks:
        part = _marked_part(block.field) if region == "press_release" else None
        if part is not None:
            if part != marked:  # each quote is marked on its own: a new one starts here
                sections.append(Section(part, None))
            marked = part
            sections[-1].blocks.append(block)
            continue
        marked = None
        label = None
        if block.kind == "heading":
            label = block.plain
        elif block.kind == "para" and block.style not in MEANINGFUL_STYLES:
            label = cues.label_line(block.markdown)
            leading = cues.leading_label(block.markdown) if label is None else None
            if region == "press_release" and leading and leading[0] in INLINE_LABELS:
                rest = Block("para", leading[1], leading[1], block.where)
                sections.append(Section(leading[0], block, [rest]))
                # What follows an inline label is read in press-release order again.
                sections.append(Section("press_release_rest", None))
                continue
        key = cues.label_key(label) if label else None
        if block.style in ("Headline", "Title", "Section Label") and key != "press_release":
            key = None
        if key is None and block.kind == "heading" and block.style not in ("Headline", "Title"):
            key = _unknown_heading(block, region, label_level, _started(sections))
        if key is None or (key == "faq" and region in ("faq_external", "faq_internal")):
            sections[-1].blocks.append(block)
            continue
        if key in _REGIONS:
            region = key
            label_level = block.level if block.kind == "heading" else 9
        sections.append(Section(key, block))
    return sections


def _marked_part(field: str | None) -> str | None:
    """The press-release part a field mark names (``press_release.customer_quotes[1].text``)."""
    if not field or not field.startswith("press_release."):
        return None
    match = re.match(r"press_release\.(\w+)(\[\d+\])?", field)
    if match is None or match.group(1) not in INLINE_LABELS:
        return None
    return match.group(1) + (match.group(2) or "")


def _unknown_heading(block: Block, region: str, label_level: int, started: bool) -> str | None:
    """A heading that names no part: a new section ("other"), or None to keep it inside.

    Inside the FAQ it is a question unless it is as high as the FAQ's own heading
    and asks nothing; inside the appendix it starts an entry; inside other
    sections, only a heading as high as the section's own starts a new one.
    """
    if region == "press_release":
        return "other" if started else None
    if region == "appendix":
        return None
    if region in FAQ_KEYS:
        asks = block.plain.rstrip().endswith("?")
        return "other" if block.level <= label_level and not asks else None
    return "other" if block.level <= label_level else None


def _started(sections: list[Section]) -> bool:
    """Has the press release's body begun (so a new top heading is a section of its own)?"""
    if len(sections) > 1:
        return True
    return any(
        b.kind != "heading" and b.style not in ("Subtitle", "Document Info")
        for b in sections[0].blocks
    )
