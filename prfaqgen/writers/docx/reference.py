"""A theme's reference DOCX is untrusted: bounded, then cleaned before python-docx sees it.

Bounded: the file, each part and all parts together have a size limit
(docs/limits.md), read no further than the limit even if the zip's headers
lie, and no XML part may declare a DOCTYPE or entities. Cleaned: only the
parts that carry the look (styles, numbering, headers, footers, their
pictures, theme, fonts, settings) are kept; external relationships, macros
(``vbaProject.bin``), custom XML, embedded objects and everything else are
dropped, so no output DOCX carries active content or another document's data.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from prfaqgen.bounded_zip import Bounds, PackageRefused, declares_entities, read_parts
from prfaqgen.errors import RenderError

MAX_REFERENCE_BYTES = 5 * 1024 * 1024
MAX_PART_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_PARTS = 500

_KEEP = re.compile(
    r"\[Content_Types\]\.xml|_rels/\.rels|docProps/(core|app)\.xml"
    r"|word/(document|styles|stylesWithEffects|numbering|settings|fontTable|webSettings)\.xml"
    r"|word/(header|footer)\d*\.xml|word/theme/theme\d*\.xml"
    r"|word/_rels/(document|header\d*|footer\d*)\.xml\.rels"
    r"|word/media/[^/]+\.(png|jpe?g|gif)",
    re.IGNORECASE,
)
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def clean_reference(path: Path) -> bytes:
    """The reference document at ``path``, bounded and cleaned, as DOCX bytes."""
    parts = read_bounded(path, lambda why: _refuse(path, why))
    kept = {name: data for name, data in parts.items() if _KEEP.fullmatch(name)}
    for name, data in kept.items():
        if name.endswith((".xml", ".rels")) and declares_entities(data):
            raise _refuse(path, f"its part {name} declares a DOCTYPE or entities")
    try:
        for name in [n for n in kept if n.endswith(".rels")]:
            kept[name] = _clean_rels(name, kept[name], kept)
        kept["[Content_Types].xml"] = _clean_types(kept["[Content_Types].xml"], kept)
        if "word/settings.xml" in kept:
            kept["word/settings.xml"] = _clean_settings(kept["word/settings.xml"])
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise _refuse(path, f"it is not a well-formed DOCX file ({exc})") from None
    out = io.BytesIO()
    # Stored, not deflated: python-docx reads it straight back, in memory.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in kept.items():
            archive.writestr(name, data)
    return out.getvalue()


def read_bounded(
    path: Path, refuse: Callable[[str], Exception], max_bytes: int = MAX_REFERENCE_BYTES
) -> dict[str, bytes]:
    """Every part of the DOCX (zip) package at ``path``, within the limits above.

    Any DOCX from outside (a reference document, a reviewed copy) is read
    through here; ``refuse(why)`` makes the exception raised for a file over a
    limit or not a zip at all. The reading itself is prfaqgen/bounded_zip.py,
    which ``prfaqgen import`` shares.
    """
    try:
        return read_parts(path, Bounds(max_bytes, MAX_PART_BYTES, MAX_TOTAL_BYTES, MAX_PARTS))
    except PackageRefused as exc:
        raise refuse(str(exc)) from None


def _clean_rels(name: str, data: bytes, kept: dict[str, bytes]) -> bytes:
    """Drop external relationships and those to parts that were not kept."""
    root = etree.fromstring(data, _PARSER)
    source_dir = posixpath.dirname(posixpath.dirname(name))  # word/_rels/x.rels -> word
    for rel in list(root):
        if rel.get("TargetMode") == "External":
            root.remove(rel)
            continue
        target = rel.get("Target", "")
        resolved = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(source_dir, target))
        )
        if resolved not in kept:
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clean_types(data: bytes, kept: dict[str, bytes]) -> bytes:
    root = etree.fromstring(data, _PARSER)
    for override in root.findall(f"{{{_CT_NS}}}Override"):
        if override.get("PartName", "").lstrip("/") not in kept:
            root.remove(override)
    for default in root.findall(f"{{{_CT_NS}}}Default"):
        if "macro" in default.get("ContentType", "").lower():
            root.remove(default)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clean_settings(data: bytes) -> bytes:
    """No attached template (its relationship is gone) and no document variables."""
    root = etree.fromstring(data, _PARSER)
    for tag in ("attachedTemplate", "docVars", "mailMerge"):
        for element in root.findall(f"{{{_W_NS}}}{tag}"):
            root.remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _refuse(path: Path, why: str) -> RenderError:
    return RenderError(
        f"{path}: reference document refused: {why}; see docs/limits.md, or save a clean "
        "copy from Word"
    )
