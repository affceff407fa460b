"""State shared by every writer of one document: styles, images, bookmarks."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from docx.document import Document
from docx.shared import Length
from docx.text.paragraph import Paragraph

from prfaqgen.writers.docx.fields import FieldMarks
from prfaqgen.writers.docx.images import ImagePolicy
from prfaqgen.writers.docx.measure import FontBook
from prfaqgen.writers.docx.ooxml import add_bookmark
from prfaqgen.writers.docx.revisions import RevisionIds
from prfaqgen.writers.docx.styles import StyleBook

# Word drops or breaks bookmarks longer than 40 characters or not starting
# with a letter (pandoc issue #5091), so other ids get a stable short name.
_WORD_BOOKMARK = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")


def bookmark_name(html_id: str) -> str:
    """The Word bookmark name for an HTML id; the same id always maps to the same name."""
    if _WORD_BOOKMARK.fullmatch(html_id):
        return html_id
    digest = hashlib.sha1(html_id.encode("utf-8")).hexdigest()[:8]
    stem = re.sub(r"[^A-Za-z0-9_-]", "_", html_id)
    if not stem[:1].isalpha():
        stem = "id" + stem
    return f"{stem[:31]}_{digest}"


@dataclass
class Context:
    """One document being written."""

    document: Document
    styles: StyleBook
    images: ImagePolicy
    text_width: Length
    fonts: FontBook = field(default_factory=FontBook)
    """The font files table columns are measured with (the theme's, then the system's)."""
    border_variant: bool = False
    """Flips for every bordered block, so that Word does not join two in one box."""
    revisions: RevisionIds = field(default_factory=RevisionIds)
    marks: FieldMarks = field(default_factory=FieldMarks)
    """The spec fields' hidden bookmarks (``data-field``), for ``prfaqgen comments``."""
    last_paragraph: Paragraph | None = None
    """The paragraph written last, where an open field's bookmark ends."""
    link_base: str = ""
    """The spec's folder relative to the output's: a relative link is rebased onto it."""
    _bookmarks: set[str] = field(default_factory=set)
    _last_id: int = 0

    def add_bookmark(self, paragraph: Paragraph, html_id: str) -> None:
        """Bookmark ``paragraph`` under the name of ``html_id``, once per name."""
        name = bookmark_name(html_id)
        if name not in self._bookmarks:
            self._bookmarks.add(name)
            add_bookmark(paragraph._p, self.bookmark_id(), name)

    def bookmark_id(self) -> int:
        """A bookmark id no other bookmark of the document has."""
        self._last_id += 1
        return self._last_id


@dataclass
class Pending:
    """What the next paragraph written must carry: a page break, bookmarks.

    Containers, sections and tables have no paragraph of their own, so their
    ``class="page-break"`` and ``id`` wait for the first paragraph inside.
    """

    page_break: bool = False
    ids: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    """Spec field paths whose bookmark starts at the next paragraph."""
    space_before: Length | None = None
    """At least this much space above (the margin below a table, which Word lacks)."""

    def apply(self, paragraph: Paragraph, ctx: Context) -> None:
        """Give ``paragraph`` what is pending, and clear it."""
        if self.page_break:
            paragraph.paragraph_format.page_break_before = True
            self.page_break = False
        for html_id in self.ids:
            ctx.add_bookmark(paragraph, html_id)
        self.ids.clear()
        for path in self.fields:
            ctx.marks.open(paragraph, path, ctx.bookmark_id())
        self.fields.clear()
        if self.space_before is not None:
            own = paragraph.paragraph_format.space_before or _style_space_before(paragraph)
            if own is None or own < self.space_before:
                paragraph.paragraph_format.space_before = self.space_before
            self.space_before = None


def _style_space_before(paragraph: Paragraph) -> Length | None:
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.space_before is not None:
            return style.paragraph_format.space_before
        style = style.base_style
    return None
