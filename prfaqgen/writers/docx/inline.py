"""Inline HTML (text, emphasis, code, links, breaks, pictures) as runs of one paragraph."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeAlias, cast
from urllib.parse import quote, urlsplit

from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.html import HtmlElement

from prfaqgen.compose.vocabulary import FIELDS, PHRASING, SKIPPED
from prfaqgen.errors import RenderError
from prfaqgen.writers.docx.context import Context, bookmark_name
from prfaqgen.writers.docx.internals import run_xml
from prfaqgen.writers.docx.ooxml import field_runs, new_element
from prfaqgen.writers.docx.revisions import Revision, inline_revision

Node: TypeAlias = str | HtmlElement


_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: bool = False
    strike: bool = False
    underline: bool = False
    highlight: bool = False
    position: str = ""  # "superscript", "subscript" or ""
    revision: Revision | None = None  # inside a tracked insertion or deletion


_FORMATS: dict[str, dict[str, object]] = {
    "strong": {"bold": True},
    "b": {"bold": True},
    "em": {"italic": True},
    "i": {"italic": True},
    "cite": {"italic": True},
    "code": {"code": True},
    "kbd": {"code": True},
    "samp": {"code": True},
    "del": {"strike": True},
    "s": {"strike": True},
    "u": {"underline": True},
    "ins": {"underline": True},
    "mark": {"highlight": True},
    "sup": {"position": "superscript"},
    "sub": {"position": "subscript"},
}


def _format_of(tag: str, fmt: _Format) -> _Format:
    changes = _FORMATS.get(tag)
    return replace(fmt, **changes) if changes else fmt  # type: ignore[arg-type]


def field_of(el: HtmlElement) -> str | None:
    """The Word field an element stands for, if it is a page-number or page-count span."""
    return next((FIELDS[c] for c in el.classes if c in FIELDS), None)


class InlineWriter:
    """Writes inline nodes into one paragraph, collapsing white space as a browser does."""

    def __init__(
        self, ctx: Context, paragraph: Paragraph, *, bold: bool = False, italic: bool = False
    ) -> None:
        self._ctx = ctx
        self._paragraph = paragraph
        self._base = _Format(bold=bold, italic=italic)
        self._after_space = True  # at the start, leading white space is dropped
        # The same for the text before the changes (outside insertions): deleted
        # text collapses its spaces against it, so that neither version loses one.
        self._after_space_old = True
        # The run that text of the same format goes on to, and its text so far: a
        # run's <w:t> is written once, when the run is done (see _release).
        self._last: tuple[Run, _Format, BaseOxmlElement] | None = None
        self._pending: list[str] = []

    def write(self, nodes: Iterable[Node]) -> None:
        """Write text and inline elements (tails are separate nodes), then trim the end."""
        sink = self._paragraph._p
        for node in nodes:
            if isinstance(node, str):
                self._text(node, self._base, sink)
            else:
                self._element(node, self._base, sink)
        self._trim()

    def _element(self, el: HtmlElement, fmt: _Format, sink: BaseOxmlElement) -> None:
        tag = el.tag
        field = field_of(el)
        if field is not None:
            self._field(field, sink)
        elif tag == "br":
            self._trim()
            self._new_run(fmt, sink).add_break()
            self._after_space = self._after_space_old = True
        elif tag == "img":
            self._picture(el, fmt, sink)
        elif (revision := inline_revision(el)) is not None:
            wrapper = self._ctx.revisions.element(revision)
            sink.append(wrapper)
            self._children(el, replace(fmt, revision=revision), wrapper)
        elif tag == "a" and not fmt.link and el.get("href", "").strip() not in ("", "#"):
            link = self._hyperlink(el.get("href", "").strip())
            sink.append(link)
            self._children(el, replace(fmt, link=True), link)
        elif tag == "q":  # browsers add the quotation marks; so does Word's text
            self._text("\u201c", fmt, sink)
            self._children(el, fmt, sink)
            self._text("\u201d", fmt, sink)
        elif tag in PHRASING:
            self._children(el, _format_of(tag, fmt), sink)
        else:
            # A block element where only inline content fits (a <div> in a
            # heading, say): keep its words apart from its neighbours'.
            self._text(" ", fmt, sink)
            self._children(el, fmt, sink)
            self._text(" ", fmt, sink)

    def _children(self, el: HtmlElement, fmt: _Format, sink: BaseOxmlElement) -> None:
        if el.text:
            self._text(el.text, fmt, sink)
        for child in el:
            if isinstance(child.tag, str) and child.tag not in SKIPPED:
                self._element(child, fmt, sink)
            if child.tail:
                self._text(child.tail, fmt, sink)

    def _text(self, raw: str, fmt: _Format, sink: BaseOxmlElement) -> None:
        text = _SPACE.sub(" ", raw)
        kind = fmt.revision.kind if fmt.revision is not None else ""
        if self._after_space_old if kind == "del" else self._after_space:
            text = text.lstrip(" ")
        if not text:
            return
        if self._last is None or self._last[1:] != (fmt, sink):
            self._release()
            self._last = (self._new_run(fmt, sink), fmt, sink)
        self._pending.append(text)
        if kind != "ins":
            self._after_space_old = text.endswith(" ")
        if kind != "del":
            self._after_space = text.endswith(" ")

    def _trim(self) -> None:
        """Drop the white space at the end of a line, as a browser does."""
        if self._last is None:
            return
        text = "".join(self._pending).rstrip(" ")
        self._pending = [text]
        if not text:
            r = self._last[0]._r
            parent = r.getparent()
            if parent is not None:
                parent.remove(r)
        self._release()

    def _release(self) -> None:
        """Write the text of the run being added to, and start a new run for the next text.

        ``Run.text =`` would read the run back and go through the text one
        character at a time (it turns tabs and newlines into elements); white
        space is collapsed to spaces here, so the text is one ``<w:t>``, as
        python-docx writes it.
        """
        if self._last is not None:
            text = "".join(self._pending)
            revision = self._last[1].revision
            if text and revision is not None and revision.kind == "del":
                deleted = new_element("w:delText")
                deleted.text = text
                if text != text.strip():
                    deleted.set(qn("xml:space"), "preserve")
                self._last[0]._r.append(deleted)
            elif text:
                self._last[0]._r.add_t(text)
        self._last = None
        self._pending = []

    def _new_run(self, fmt: _Format, sink: BaseOxmlElement) -> Run:
        self._release()
        r = cast(CT_R, new_element("w:r"))
        sink.append(r)
        run = Run(r, self._paragraph)
        styles = self._ctx.styles
        if fmt.link:
            run.style = styles.character("Hyperlink")
        elif fmt.code:
            run.style = styles.character("Code")
        if fmt.bold:
            run.bold = True
        if fmt.italic:
            run.italic = True
        if fmt.strike:
            run.font.strike = True
        if fmt.underline:
            run.underline = True
        if fmt.highlight:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if fmt.position:
            setattr(run.font, fmt.position, True)
        return run

    def _field(self, instruction: str, sink: BaseOxmlElement) -> None:
        self._release()
        for run in field_runs(instruction, "1"):
            sink.append(run)
        self._after_space = self._after_space_old = False

    def _hyperlink(self, href: str) -> BaseOxmlElement:
        """A w:hyperlink: to a bookmark for ``#id``, else to an external target."""
        link = new_element("w:hyperlink")
        if href.startswith("#"):
            link.set(qn("w:anchor"), bookmark_name(href[1:]))
        else:
            target = rebased(href, self._ctx.link_base)
            r_id = self._paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
            link.set(qn("r:id"), r_id)
        link.set(qn("w:history"), "1")
        return link

    def _picture(self, el: HtmlElement, fmt: _Format, sink: BaseOxmlElement) -> None:
        src = el.get("src", "").strip()
        if not src:
            raise RenderError("an <img> has no src")
        images = self._ctx.images
        path = images.resolve(src)
        width, height = images.fitted_size(path)
        run = self._new_run(fmt, sink)
        run.add_picture(path, width=Emu(width), height=Emu(height))
        # The theme's styles give lines an exact height (theme.css line-height);
        # a line holding a picture must grow to show it.
        self._paragraph.paragraph_format.line_spacing = 1.0
        for doc_pr in run_xml(run).xpath(".//wp:docPr"):
            doc_pr.set("descr", el.get("alt", ""))
        self._after_space = self._after_space_old = False


def rebased(href: str, base: str) -> str:
    """``href`` read from ``base`` when it is a relative path (``pricing.pdf``)."""
    parts = urlsplit(href)
    if not base or parts.scheme or parts.netloc or href.startswith(("/", "#")) or not parts.path:
        return href
    path = posixpath.normpath(posixpath.join(quote(base), parts.path))
    return (
        path
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )
