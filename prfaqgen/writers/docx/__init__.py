"""The DOCX writer: a composed HTML document as a Word file for comments and tracked changes.

The HTML is walked once and written as paragraphs, runs and tables in the
named styles of the theme's reference document (pandoc's reference-doc idea),
so the look is the reference document's and the structure the template's.
The vocabulary it understands is prfaqgen.compose.vocabulary (docs/templates.md);
the tree is the one the compose stage parsed with the PDF writer's HTML5 parser.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import replace
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.html import HtmlElement

from prfaqgen.compose.document import ComposedDocument
from prfaqgen.compose.html_tree import to_lxml
from prfaqgen.errors import RenderError
from prfaqgen.writers.docx.blocks import BlockWriter, Scope
from prfaqgen.writers.docx.context import Context, Pending
from prfaqgen.writers.docx.fields import add_field_part
from prfaqgen.writers.docx.images import ImagePolicy
from prfaqgen.writers.docx.internals import remember_lookups
from prfaqgen.writers.docx.measure import FontBook
from prfaqgen.writers.docx.package import read_metadata, save_docx
from prfaqgen.writers.docx.page import setup_page, write_page_parts
from prfaqgen.writers.docx.reference import clean_reference
from prfaqgen.writers.docx.styles import StyleBook
from prfaqgen.writers.docx.theme_font import apply_look

__all__ = ["render_docx"]


def render_docx(doc: ComposedDocument, links_dir: Path | None = None) -> bytes:
    """Render ``doc`` as .docx bytes; the same input gives the same bytes.

    A relative link is written relative to ``links_dir``, the folder the file
    goes to (default: ``doc.base_dir``, the links as written).

    Raises RenderError for an unreadable reference document, a style it lacks,
    an image outside ``doc.resource_roots`` or one Word cannot show.
    """
    document = _open_reference(doc)
    look = doc.theme.look
    if doc.theme.docx_font and not look.body_font:  # a Theme built by hand, without a look
        look = replace(look, body_font=doc.theme.docx_font)
    apply_look(document, look)
    remember_lookups(document)
    root = to_lxml(doc.tree)
    metadata = read_metadata(root)
    body_xml = document.element.body
    for child in list(body_xml):
        if child.tag != qn("w:sectPr"):
            body_xml.remove(child)
    section = document.sections[-1]
    box = setup_page(section, doc.options)
    styles = StyleBook(document)
    fonts = FontBook(doc.theme.asset_dirs, doc.theme.roots)
    ctx = Context(document, styles, ImagePolicy(doc.resource_roots, box), box[0], fonts)
    if links_dir is not None:
        ctx.link_base = _relative_folder(doc.base_dir, links_dir)
    write_page_parts(ctx, section, root.body, doc.options)
    writer = BlockWriter(ctx, document, Pending())
    writer.write_children(root.body, Scope())
    writer.finish()
    add_field_part(document, ctx.marks, metadata.title, _spec_digest(root))
    if metadata.language:
        styles.set_language(metadata.language)
    return save_docx(document, metadata, doc.source_date)


def _spec_digest(root: HtmlElement) -> str:
    """The spec digest the template declares (``<meta name="prfaqgen-spec">``), if any."""
    for meta in root.iter("meta"):
        if meta.get("name") == "prfaqgen-spec":
            return (meta.get("content") or "").strip()
    return ""


def _open_reference(doc: ComposedDocument) -> DocxDocument:
    path = doc.theme.reference_docx
    try:
        return Document(io.BytesIO(clean_reference(path)))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise RenderError(f"cannot open the reference document {path}: {exc}") from exc


def _relative_folder(folder: Path, start: Path) -> str:
    rel = Path(os.path.relpath(os.path.realpath(folder), os.path.realpath(start))).as_posix()
    return "" if rel == "." else rel
