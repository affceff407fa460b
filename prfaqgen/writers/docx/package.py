"""Metadata and the zip package: the same input always gives the same bytes.

Teams keep rendered documents in version control and compare them in CI, so
the DOCX must not change when nothing changed: no clock, no random ids, no
leftovers of whoever made the reference document. python-docx's own save
stamps the current time on every zip entry, so the package is zipped here.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree
from lxml.html import HtmlElement

from prfaqgen.errors import RenderError

_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_ZIP_MIN = datetime(1980, 1, 1)
_ZIP_MAX = datetime(2107, 12, 31, 23, 59, 58)


@dataclass(frozen=True)
class Metadata:
    """The document properties a composed document's <head> declares."""

    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""
    language: str = ""
    created: datetime | None = None
    modified: datetime | None = None


def read_metadata(root: HtmlElement) -> Metadata:
    """Metadata from <html lang>, <title> and the <meta> names of docs/templates.md."""
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or "").strip().lower()
        if name and name not in metas:
            metas[name] = " ".join((meta.get("content") or "").split())
    title = root.find(".//head/title")
    keywords = (k.strip() for k in metas.get("keywords", "").split(","))
    return Metadata(
        title=" ".join(title.text_content().split()) if title is not None else "",
        author=metas.get("author", ""),
        subject=metas.get("description", ""),
        keywords=", ".join(k for k in keywords if k),
        language=(root.get("lang") or "").strip(),
        created=_parse_date(metas, "dcterms.created"),
        modified=_parse_date(metas, "dcterms.modified"),
    )


def save_docx(document: Document, metadata: Metadata, source_date: datetime) -> bytes:
    """The .docx bytes: scrubbed properties, fixed zip order, times and attributes."""
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of the reference document
            del package.rels[r_id]
    document.core_properties  # noqa: B018 - creates the core part if the reference lacks it
    parts = {
        rel.reltype: rel.target_part.partname.lstrip("/")
        for rel in package.rels.values()
        if not rel.is_external
    }
    replacements = {parts[RT.CORE_PROPERTIES]: _core_xml(metadata, source_date)}
    if RT.EXTENDED_PROPERTIES in parts:
        replacements[parts[RT.EXTENDED_PROPERTIES]] = _app_xml()
    return zip_package({**_package_entries(document), **replacements}, source_date)


def _package_entries(document: Document) -> dict[str, bytes]:
    """What ``document.save()`` writes, by member name, to be zipped again in a fixed order.

    Through python-docx's public save, not its package writer's private steps: a
    python-docx release that changed those would break every render.
    """
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as source:
        return {name: source.read(name) for name in source.namelist()}


def zip_package(entries: dict[str, bytes], when: datetime) -> bytes:
    """The package: [Content_Types].xml first, then sorted, all at ``when``."""
    stamp = min(max(_naive_utc(when), _ZIP_MIN), _ZIP_MAX).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(entries, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform rendering it
            info.external_attr = 0o100644 << 16
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()


def _core_xml(metadata: Metadata, source_date: datetime) -> bytes:
    """docProps/core.xml from the metadata alone, so nothing of the reference survives."""
    root = etree.Element(f"{{{_NS['cp']}}}coreProperties", nsmap=_NS)
    fields = [
        ("dc", "title", metadata.title),
        ("dc", "subject", metadata.subject),
        ("dc", "creator", metadata.author),
        ("cp", "keywords", metadata.keywords),
        ("cp", "lastModifiedBy", metadata.author),
        ("cp", "revision", "1"),
        ("dc", "language", metadata.language),
    ]
    for prefix, name, value in fields:
        if value:
            etree.SubElement(root, f"{{{_NS[prefix]}}}{name}").text = value
    dates = (("created", metadata.created), ("modified", metadata.modified))
    for name, moment in dates:
        date = etree.SubElement(root, f"{{{_NS['dcterms']}}}{name}")
        date.set(f"{{{_NS['xsi']}}}type", "dcterms:W3CDTF")
        date.text = _naive_utc(moment or source_date).strftime("%Y-%m-%dT%H:%M:%SZ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app_xml() -> bytes:
    """docProps/app.xml naming prfaqgen, without the reference's counts or template."""
    # lxml takes None as the default namespace's prefix; lxml-stubs do not allow it.
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED})  # type: ignore[dict-item]
    for name, value in (
        ("Application", "prfaqgen"),
        ("DocSecurity", "0"),
        ("ScaleCrop", "false"),
        ("LinksUpToDate", "false"),
        ("SharedDoc", "false"),
        ("HyperlinksChanged", "false"),
    ):
        etree.SubElement(root, f"{{{_EXTENDED}}}{name}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _parse_date(metas: dict[str, str], name: str) -> datetime | None:
    value = metas.get(name, "")
    if not value:
        return None
    try:
        return datetime.fromisoformat(value[:-1] + "+00:00" if value[-1] in "Zz" else value)
    except ValueError:
        raise RenderError(
            f'<meta name="{name}" content="{value}"> is not an ISO 8601 date'
        ) from None


def _naive_utc(value: datetime) -> datetime:
    """UTC without a zone; a naive datetime is taken to be UTC already."""
    if value.tzinfo is None:
        return value
    return value.astimezone(timezone.utc).replace(tzinfo=None)
