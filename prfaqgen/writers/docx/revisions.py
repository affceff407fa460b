"""Word tracked changes: ``w:ins``/``w:del`` for the changes a diff marked in the HTML.

A diff document (prfaqgen.diffing) marks changed words with
``<ins class="change">``/``<del class="change">`` and whole blocks with the
classes ``diff-ins``/``diff-del``, each with ``data-author`` and ``datetime``.
Words become runs inside ``w:ins``/``w:del`` (deleted text in ``w:delText``);
a whole paragraph also has its paragraph mark inserted or deleted
(``w:pPr/w:rPr/w:ins``), and a table row its row (``w:trPr/w:ins``), so that
accepting every change leaves exactly the new document.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from lxml.html import HtmlElement

from prfaqgen.writers.docx.ooxml import insert_ordered, new_element

CHANGE_CLASS = "change"
_BLOCK_CLASSES = {"diff-ins": "ins", "diff-del": "del"}
# Revision ids share a number space with comments and bookmarks in some
# clients: start far above the bookmarks' (1, 2, 3...).
_FIRST_ID = 100_000


@dataclass(frozen=True)
class Revision:
    """An insertion or a deletion, by whom and when."""

    kind: str  # "ins" or "del"
    author: str
    date: str


class RevisionIds:
    """Unique ``w:id`` values for the revisions of one document."""

    def __init__(self) -> None:
        self._next = count(_FIRST_ID)

    def element(self, revision: Revision) -> BaseOxmlElement:
        """A new ``w:ins``/``w:del`` element for ``revision``."""
        el = new_element(f"w:{revision.kind}")
        el.set(qn("w:id"), str(next(self._next)))
        el.set(qn("w:author"), revision.author)
        el.set(qn("w:date"), revision.date)
        return el


def inline_revision(el: HtmlElement) -> Revision | None:
    """The revision an ``<ins class="change">``/``<del class="change">`` stands for."""
    if el.tag not in ("ins", "del") or CHANGE_CLASS not in el.classes:
        return None
    return Revision(el.tag, el.get("data-author", ""), el.get("datetime", ""))


def block_revision(el: HtmlElement) -> Revision | None:
    """The revision of a whole inserted or deleted block (``class="diff-ins"``)."""
    kind = next((_BLOCK_CLASSES[c] for c in el.classes if c in _BLOCK_CLASSES), None)
    if kind is None:
        return None
    return Revision(kind, el.get("data-author", ""), el.get("datetime", ""))


def mark_paragraph(paragraph: Paragraph, revision: Revision, ids: RevisionIds) -> None:
    """Mark the paragraph mark of ``paragraph`` inserted or deleted."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = insert_ordered(ppr, new_element("w:rPr"))
    rpr.insert(0, ids.element(revision))


def mark_row(tr: BaseOxmlElement, revision: Revision, ids: RevisionIds) -> None:
    """Mark a table row inserted or deleted (``w:trPr/w:ins``, after its other properties)."""
    tr_pr = tr.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = new_element("w:trPr")
        tbl_pr_ex = tr.find(qn("w:tblPrEx"))
        tr.insert(0 if tbl_pr_ex is None else 1, tr_pr)
    if tr_pr.find(qn(f"w:{revision.kind}")) is None:
        tr_pr.append(ids.element(revision))
