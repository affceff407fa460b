"""A reviewed DOCX, read defensively: bounded, no macros, no DTDs, rendered by prfaqgen.

The file comes back from a reviewer, so it is untrusted: it is read through
the writer's bounded package reader (size, part count, inflated size), its
XML parsed without entities or network, and a macro-enabled package refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from prfaqgen.bounded_zip import declares_entities
from prfaqgen.errors import ReviewError
from prfaqgen.writers.docx.fields import ITEM_PART, PART_NAMESPACE
from prfaqgen.writers.docx.reference import read_bounded

MAX_REVIEWED_BYTES = 30 * 1024 * 1024
"""A reviewed copy may hold pictures; 30 MB is far above any PR/FAQ."""

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)
_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
Refuse = Callable[[str], ReviewError]


@dataclass(frozen=True)
class ReviewedPackage:
    """The parts of a reviewed DOCX that the review loop reads."""

    path: Path
    document: etree._Element
    comments: etree._Element | None
    comments_extended: etree._Element | None
    title: str
    spec_digest: str
    fields: dict[str, str]
    """Hidden bookmark name -> spec field path."""


def read_reviewed(path: Path) -> ReviewedPackage:
    """The reviewed DOCX at ``path``; ReviewError says why one cannot be used."""

    def refuse(why: str) -> ReviewError:
        return ReviewError(f"{path}: cannot read the reviewed document: {why}")

    parts = read_bounded(path, refuse, MAX_REVIEWED_BYTES)
    names = {name.lower(): name for name in parts}
    if any(name.rsplit("/", 1)[-1] in _MACRO_PARTS for name in names):
        raise refuse("it contains macros (a .docm); save it from Word as a plain .docx")
    if "word/document.xml" not in parts:
        raise refuse("it is a zip file but not a Word document (no word/document.xml)")
    document = _parse(parts, "word/document.xml", refuse)
    assert document is not None
    table = _field_table(parts, refuse)
    if table is None:
        raise ReviewError(
            f"{path}: this document was not rendered by prfaqgen (it has no spec field "
            "marks), so its comments cannot be placed in a spec; render the spec with "
            "`prfaqgen render --format docx`, have that file reviewed, and pass it here"
        )
    title, digest, fields = table
    return ReviewedPackage(
        path=path,
        document=document,
        comments=_parse(parts, "word/comments.xml", refuse),
        comments_extended=_parse(parts, "word/commentsExtended.xml", refuse),
        title=title,
        spec_digest=digest,
        fields=fields,
    )


def _parse(parts: dict[str, bytes], name: str, refuse: Refuse) -> etree._Element | None:
    data = parts.get(name)
    if data is None:
        return None
    if declares_entities(data):
        raise refuse(f"its part {name} declares a DOCTYPE or entities")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise refuse(f"its part {name} is not well-formed XML ({exc})") from None


def _field_table(parts: dict[str, bytes], refuse: Refuse) -> tuple[str, str, dict[str, str]] | None:
    """Title, spec digest and bookmark -> path, from prfaqgen's custom XML part.

    Word may renumber custom XML items when it saves, so every item is looked at.
    """
    candidates = [ITEM_PART.lstrip("/")] + sorted(
        n for n in parts if n.startswith("customXml/item") and n.endswith(".xml")
    )
    for name in dict.fromkeys(candidates):
        root = _parse(parts, name, refuse)
        if root is None or root.tag != f"{{{PART_NAMESPACE}}}fields":
            continue
        fields = {
            f.get("bookmark", ""): f.get("path", "")
            for f in root.iter(f"{{{PART_NAMESPACE}}}field")
            if f.get("bookmark") and f.get("path")
        }
        return root.get("title", ""), root.get("spec", ""), fields
    return None
